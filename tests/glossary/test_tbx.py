"""TBX v3 export, TBX v3 and TBX 2008 import, CSV export; YAML -> TBX -> YAML is lossless."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heellint.glossary.csvexport import COLUMNS, export_csv
from heellint.glossary.loader import dump_yaml, load_glossary, load_text
from heellint.glossary.model import LANGUAGE_INFLECTIONS, LANGUAGES, STATUSES, Concept, Glossary, Term
from heellint.glossary.tbx import TbxError, export_tbx, import_tbx

from ..conftest import run_cli
from .conftest import BASIC


def roundtrip(glossary: Glossary) -> Glossary:
    return import_tbx(export_tbx(glossary).encode("utf-8")).glossary


def test_builtin_glossary_roundtrips():
    from heellint.resources import glossary_dir

    glossary = load_glossary([glossary_dir()])
    again = roundtrip(glossary)
    assert again == glossary
    assert dump_yaml(load_text(dump_yaml(again))) == dump_yaml(glossary)


def test_export_is_tbx_basic_v3():
    from defusedxml import ElementTree

    text = export_tbx(load_glossary([BASIC]))
    root = ElementTree.fromstring(text.encode("utf-8"))
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx"
    assert root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    namespace = "{urn:iso:std:iso:30042:ed-2}"
    entry = root.find(f"{namespace}text/{namespace}body/{namespace}conceptEntry")
    assert entry.get("id") == "heel-spur"
    statuses = [note.text for note in entry.iter(f"{namespace}termNote") if note.get("type") == "administrativeStatus"]
    assert "preferredTerm-admn-sts" in statuses and "admittedTerm-admn-sts" in statuses
    genders = {note.text for note in entry.iter(f"{namespace}termNote") if note.get("type") == "grammaticalGender"}
    assert {"masculine", "other"} <= genders


MARTIF = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en-US">
  <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <descrip type="subjectField">orthopaedics</descrip>
      <langSet xml:lang="en-GB">
        <descrip type="definition">A bony outgrowth.</descrip>
        <tig><term>heel spur</term>
          <termNote type="partOfSpeech">noun</termNote>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="nb-NO">
        <ntig><termGrp><term>hælspore</term>
          <termNote type="partOfSpeech">noun</termNote>
          <termNote type="grammaticalGender">masculine</termNote>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp>
          <note>Lay and clinical use.</note></ntig>
        <tig><term>kalkspore</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="de"><tig><term>Fersensporn</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_import_tbx_2008_martif():
    report = import_tbx(MARTIF.encode("utf-8"))
    concept = report.glossary.concepts[0]
    assert concept.id == "c1" and concept.subject == "orthopaedics"
    assert concept.definition == {"en": "A bony outgrowth."}
    nb = concept.terms["nb"]
    assert nb[0] == Term("hælspore", "preferred", inflection="noun-m", note="Lay and clinical use.")
    assert nb[1].status == "deprecated"
    assert concept.terms["en"][0].inflection == "noun"
    assert any("'de'" in warning for warning in report.warnings)


def test_import_refuses_ambiguous_norwegian_and_unsafe_xml():
    text = MARTIF.replace("nb-NO", "no")
    with pytest.raises(TbxError, match="ambiguous"):
        import_tbx(text.encode("utf-8"))
    mapped = import_tbx(text.encode("utf-8"), {"no": "nn"}).glossary
    assert "nn" in mapped.concepts[0].terms
    bomb = ('<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            "<tbx><text><body/></text></tbx>")
    with pytest.raises(TbxError, match="unsafe"):
        import_tbx(bomb.encode("utf-8"))
    with pytest.raises(TbxError, match="root element"):
        import_tbx(b"<html/>")


def test_csv_export_one_row_per_term():
    glossary = load_glossary([BASIC])
    rows = list(csv.reader(io.StringIO(export_csv(glossary))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) - 1 == sum(1 for concept in glossary.concepts for _ in concept.all_terms())
    heel = next(row for row in rows if row[3] == "hælspore" and row[2] == "nb")
    assert heel[7] == "hælspace | hælspre" and heel[8] == "hæl|spore"
    assert export_csv(glossary, bom=True).startswith("\ufeff")


def test_cli_export_import_roundtrip(tmp_path):
    tbx = tmp_path / "g.tbx"
    assert run_cli("glossary", "export", "--format", "tbx", "-o", str(tbx), str(BASIC)).returncode == 0
    result = run_cli("glossary", "import", str(tbx))
    assert result.returncode == 0, result.stderr
    assert load_text(result.stdout.decode("utf-8")) == load_glossary([BASIC])
    csv_result = run_cli("glossary", "export", "--format", "csv", str(BASIC))
    assert csv_result.stdout.startswith(b"concept,subject,lang,term")
    bad = tmp_path / "bad.tbx"
    bad.write_text("<tbx><text>", encoding="utf-8")
    failed = run_cli("glossary", "import", str(bad))
    assert failed.returncode == 2 and b"not well-formed" in failed.stderr


# ------------------------------------------------------------ property test

_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp"), blacklist_characters="\ufeff|"),
    min_size=1, max_size=12,
).map(lambda text: " ".join(text.split())).filter(bool)
_NOTE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Co", "Cn"), blacklist_characters="\x00\ufeff\ufffe\uffff"
                           + "".join(chr(code) for code in range(1, 32) if code not in (9, 10, 13))
                           + "".join(chr(code) for code in range(0x7F, 0xA0)) + "\u2028\u2029"),
    min_size=1, max_size=30,
).filter(lambda text: text.strip() and not text.startswith("heellint:"))
_ID = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)


@st.composite
def terms(draw, lang):
    text = draw(_TEXT)
    compound = None
    if len(text) > 1 and " " not in text and draw(st.booleans()):
        cut = draw(st.integers(1, len(text) - 1))
        compound = text[:cut] + "|" + text[cut:]
    return Term(
        term=text,
        status=draw(st.sampled_from(STATUSES)),
        misspellings=tuple(draw(st.lists(_TEXT, max_size=2))),
        forms=tuple(draw(st.lists(_TEXT, max_size=3))),
        compound=compound,
        inflection=draw(st.none() | st.sampled_from(sorted(LANGUAGE_INFLECTIONS[lang]))),
        case_sensitive=draw(st.booleans()),
        translate=draw(st.booleans()),
        note=draw(st.none() | _NOTE),
    )


@st.composite
def concepts(draw, concept_id):
    languages = draw(st.lists(st.sampled_from(LANGUAGES), unique=True, max_size=3))
    term_map = {}
    for lang in LANGUAGES:
        if lang in languages:
            term_map[lang] = tuple(draw(st.lists(terms(lang), max_size=3)))
    definitions = draw(st.dictionaries(st.sampled_from(LANGUAGES), _NOTE, max_size=2))
    return Concept(
        id=concept_id,
        terms=term_map,
        subject=draw(st.none() | _NOTE),
        definition={lang: definitions[lang] for lang in LANGUAGES if lang in definitions},
        source=draw(st.none() | _NOTE),
        note=draw(st.none() | _NOTE),
    )


@st.composite
def glossaries(draw):
    ids = draw(st.lists(_ID, unique=True, max_size=4))
    return Glossary(tuple(draw(concepts(concept_id)) for concept_id in ids))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries())
def test_yaml_tbx_yaml_is_lossless(glossary):
    yaml_text = dump_yaml(glossary)
    from_yaml = load_text(yaml_text)
    assert from_yaml == glossary
    from_tbx = roundtrip(from_yaml)
    assert from_tbx == from_yaml
    assert dump_yaml(from_tbx) == yaml_text
