"""The checks on article pairs: alignment, what is flagged, and — above all —
what must not be flagged (an editor who sees false alarms turns the tool off)."""

from __future__ import annotations

from pathlib import Path

import pytest

from heellint.core.config import load_config
from heellint.glossary.loader import load_glossary
from heellint.parse import parse_document
from heellint.xcheck.align import align
from heellint.xcheck.model import BLOCKS, DOCUMENT, SECTIONS
from heellint.xcheck.run import XcheckOptions, Xchecker, check_texts

DATA = Path(__file__).parent / "data"
PROJECT = DATA / "project"
GLOSSARY = load_glossary([PROJECT / "glossary.yaml"])


def check(source: str, target: str, source_lang: str = "en", target_lang: str = "nb", **options):
    return check_texts(source, target, source_lang, target_lang, glossary=GLOSSARY, **options)


def rules(source: str, target: str, source_lang: str = "en", target_lang: str = "nb", **options) -> list[str]:
    return [d.rule for d in check(source, target, source_lang, target_lang, **options)]


# ---------------------------------------------------------------- fixtures


def project_checker() -> Xchecker:
    return Xchecker(load_config(PROJECT / "heellint.yaml"), XcheckOptions(key_subjects=None))


@pytest.mark.parametrize("source, target", [
    ("clean/hælspore.nb.md", "clean/hælspore.da.md"),
    ("clean/hælspore.nb.md", "clean/hælspore.sv.md"),
    ("clean/plantar.en.md", "clean/plantar.nb.md"),
])
def test_clean_translations_give_nothing(source, target):
    """Realistic translations (inflections, compounds, synonyms, number words,
    reordered and translated citations, code, links, a reference list) pass
    even with every glossary subject treated as a key term."""
    report = project_checker().check_paths(str(PROJECT / source), str(PROJECT / target))
    assert [(d.rule, d.line, d.message) for d in report.diagnostics] == []
    assert sorted((f.path.rsplit("/", 1)[-1], f.lang, f.lang_source) for f in report.files) == sorted([
        (Path(source).name, Path(source).suffixes[0][1:], "front-matter"),
        (Path(target).name, Path(target).suffixes[0][1:], "front-matter"),
    ])


def found(source: str, target: str):
    report = Xchecker(load_config(PROJECT / "heellint.yaml")).check_paths(str(PROJECT / source), str(PROJECT / target))
    text = (PROJECT / target).read_text(encoding="utf-8")
    return [(d.rule, d.line, d.column, text[d.start:d.end], d.replacements) for d in report.diagnostics]


def test_faulty_nb_to_da():
    assert found("faulty/heel.nb.md", "faulty/heel.da.md") == [
        ("XL101", 3, 1, "Det rammer 1 % af voksne.", ("hælspore",)),
        ("XL105", 3, 1, "Det rammer 1 % af voksne.", ()),
        ("XL104", 3, 12, "1", ("10",)),
        ("XL105", 5, 1, "Trykbølgebehandling kan hjælpe efter 6 måneder [1].", ()),
        ("XL103", 7, 1, "Plantar fasciitt", ("Plantar fasciitis",)),
        ("XL106", 7, 21, "kalktorn", ("hælspore",)),
    ]


def test_faulty_nb_to_sv():
    assert found("faulty/heel.nb.md", "faulty/heel.sv.md") == [
        ("XL102", 9, 39, "sjukgymnast", ("fysioterapeut",)),
        ("XL102", 11, 1, "Hälseneinflammation", ("Akillestendinopati",)),
    ]


def test_faulty_en_to_nb():
    assert found("faulty/achilles.en.md", "faulty/achilles.nb.md") == [
        ("XL102", 3, 1, "Akillestendinitt", ("Akillestendinopati",)),
        ("XL102", 5, 1, "Sjokkbølgebehandlingen", ("Trykkbølgebehandlingen",)),
        ("XL104", 7, 8, "35", ("3,5",)),
        ("XL103", 9, 9, "insole", ("innleggssåle",)),
        ("XL107", 11, 1, "Rest and ice help most people with heel pain.", ()),
    ]


# --------------------------------------------------------------- alignment


def modes(source: str, target: str) -> tuple[str, int]:
    mode, pairs = align(parse_document("a.md", source), parse_document("b.md", target))
    return mode, len(pairs)


def test_alignment_levels():
    assert modes("# A\n\nB.\n\n- c\n- d\n", "# A\n\nB.\n\n- c\n- d\n") == (BLOCKS, 4)
    # A list merged into a sentence: the headings still align.
    assert modes("Intro.\n\n# A\n\nB.\n\n- c\n- d\n\n# E\n\nF.\n", "Intro.\n\n# A\n\nB, c og d.\n\n# E\n\nF.\n") == (
        SECTIONS, 5)
    assert modes("# A\n\nB.\n\nC.\n", "A B C.\n") == (DOCUMENT, 1)


def test_document_level_findings_point_at_the_first_block():
    source = "# Heel spur\n\nA heel spur hurts.\n\nIt affects 10% of adults.\n"
    target = "Det gjør vondt hos 10 % av voksne. Det er vanlig.\n\nMer tekst her.\n\nOg her.\n\nOg enda mer.\n"
    diagnostics = check(source, target)
    assert [(d.rule, d.line, d.data["segment"]) for d in diagnostics] == [("XL101", 1, "document")]
    assert "in the translation" in diagnostics[0].message


def test_section_level_checks_each_section():
    source = "# Heel spur\n\nA heel spur hurts.\n\n# Treatment\n\n- Rest 3 weeks\n- Insoles\n"
    target = "# Hælspore\n\nEn hælspore gjør vondt.\n\n# Behandling\n\nHvil i 4 uker og bruk innleggssåler.\n"
    diagnostics = check(source, target)
    assert [(d.rule, d.line, d.data["segment"]) for d in diagnostics] == [("XL104", 7, "section 2")]


# ------------------------------------------------------- must not flag: terms


@pytest.mark.parametrize("source, target, source_lang, target_lang", [
    ("A heel spur hurts.", "Hælsporen gjør vondt.", "en", "nb"),  # another inflection
    ("Heel spurs hurt.", "Hælsporer gjør vondt.", "en", "nb"),
    ("A heel spur hurts.", "Kalksporen gjør vondt.", "en", "nb"),  # admitted synonym
    ("Heel spur pain is common.", "Hælsporesmerter er vanlige.", "en", "nb"),  # compound begins with the term
    ("The pain is worse with a heel spur.", "Smerten er verre ved venstresidig hælspore.", "en", "nb"),
    ("Heel spurs hurt.", "Hælspore-smerter er vanlige.", "en", "nb"),  # hyphenated compound
    ("Hælspore gjør vondt.", "Hälsporren gör ont.", "nb", "sv"),  # explicit forms (sv)
    ("Hælspore gjør vondt.", "Hælspore gør ondt.", "nb", "da"),  # same spelling in both languages
    ("Read `heel spur` in the index.", "Les `heel spur` i registeret.", "en", "nb"),  # code
    ("Read [the guide](https://example.org/heel-spur).", "Les [veiledningen](https://example.org/heel-spur).",
     "en", "nb"),  # link destination
    ("Voltaren gel can help.", "Voltaren gel kan hjelpe.", "en", "nb"),  # translate: false
    ("The tendo calcaneus is thick.", "Tendo calcaneus er tykk.", "en", "nb"),  # translate: false, no nb term
    ("Plantar fasciitis hurts.", "Plantar fasciitt (på engelsk plantar fasciitis) gjør vondt.", "en", "nb"),
    ("Achilles tendinopathy hurts.", "Akillestendinopati, tidligere kalt akillestendinitt, gjør vondt.", "en", "nb"),
    ("Shockwave therapy hurts.", "Trykkbølgebehandlingen gjør vondt.", "en", "nb"),
    ("The pain is bad.", "Det gjør veldig vondt.", "en", "nb"),  # general vocabulary: not a key term by default
    ("Ask a physiotherapist.", "Spør en terapeut.", "en", "nb"),  # profession: not a key term by default
    ("Achilles tendinopathy hurts.", "Akillestendinopati gør ondt.", "en", "da"),
])
def test_must_not_flag_terms(source, target, source_lang, target_lang):
    assert rules(source, target, source_lang, target_lang) == []


def test_key_subjects_all_makes_general_terms_key():
    assert rules("The pain is bad.", "Det gjør veldig vondt.", key_subjects=None) == ["XL101"]
    assert rules("Ask a physiotherapist.", "Spør en terapeut.", key_subjects=frozenset({"profession"})) == ["XL101"]


def test_concept_without_target_term_is_not_expected():
    # plantar-fasciitis has no nn term in the test glossary.
    assert rules("Plantar fasciitis hurts.", "Det gjer vondt under hælen.", "en", "nn") == []


def test_deprecated_term_of_an_unmentioned_concept_is_left_to_check():
    assert rules("It hurts.", "Akillestendinitt gjør vondt.") == []


def test_untranslated_term_of_another_concept_is_not_reported():
    assert rules("It hurts.", "Insole gjør vondt.") == []


def test_xl101_replacements_and_data():
    (diagnostic,) = check("Achilles tendinopathy hurts.", "Det gjør vondt.")
    assert diagnostic.rule == "XL101"
    assert diagnostic.replacements == ("akillestendinopati",)
    assert diagnostic.data["expected"] == ["akillestendinopati", "akillessenebetennelse"]
    assert "(admitted: 'akillessenebetennelse')" in diagnostic.message
    assert diagnostic.fix is None


def test_translate_false_term_must_stay():
    assert rules("Voltaren gel can help.", "Diklofenakgel kan hjelpe.") == ["XL101"]


# ----------------------------------------------------- consistency (XL106)


def test_consistency_across_segments():
    source = "A heel spur.\n\nA heel spur.\n\nA heel spur.\n"
    assert rules(source, "En hælspore.\n\nEn hælspore.\n\nEn kalkspore.\n") == ["XL106"]
    # One segment naming both terms explains them; it does not count.
    assert rules(source, "En hælspore.\n\nEn hælspore, også kalt kalkspore.\n\nEn hælspore.\n") == []
    # Inflections are one term.
    assert rules(source, "En hælspore.\n\nHælsporen.\n\nHælsporer.\n") == []
    # Not aligned: TM301 of `heellint check` covers one article's variation.
    assert rules("# A\n\n" + source, "En hælspore og en kalkspore og en hælspore.\n") == []


# ------------------------------------------------------------ numbers / citations


@pytest.mark.parametrize("source, target", [
    ("Pain fell by 3.5 points in 80% of 1,500 patients.", "Smerten falt med 3,5 poeng hos 80 % av 1 500 pasienter."),
    ("Rest for 3 weeks.", "Hvil i tre uker."),
    ("Take 2 tablets at 10:30.", "Ta to tabletter kl. 10.30."),
    ("Vitamin B12 helps.", "Vitamin B-12 hjelper."),
    ("Read [page 12](https://example.org/12).", "Les [side 12](https://example.org/12)."),
    ("It helps [1, 2].", "Det hjelper [2, 1]."),
    ("It helps (1–3).", "Det hjelper (1, 2, 3)."),
    ("It helps [1].", "Det hjelper¹."),
    ("It helps (Rathleff et al., 2015; Buchbinder 2004).", "Det hjelper (Buchbinder 2004; Rathleff mfl., 2015)."),
    ("It helps (Mølgaard et al., 2018).", "Det hjelper (Molgaard mfl., 2018)."),
    ("It helps[^1].\n\n[^1]: Source.", "Det hjelper[^1].\n\n[^1]: Kilde."),
    ("See https://helsenorge.no/hælspore for more.", "Se https://sundhed.dk/hælspore for mer."),
    ("Hansen (2019) says so.", "Det sier rapporten."),  # weak narrative citation in the source
])
def test_must_not_flag_numbers_and_citations(source, target):
    assert rules(source, target) == []


def test_citation_missing_or_changed():
    (diagnostic,) = check("It helps (Rathleff et al., 2015).", "Det hjelper (Rathleff mfl., 2016).")
    assert diagnostic.rule == "XL105"
    assert diagnostic.message.startswith("'(Rathleff mfl., 2016)' does not match")
    assert diagnostic.column == 13
    (diagnostic,) = check("It helps https://doi.org/10.1111/sms.12004.", "Det hjelper.")
    assert diagnostic.rule == "XL105"
    (diagnostic,) = check("It helps[^1].\n\n[^1]: Source.", "Det hjelper.\n\n[^1]: Kilde.")
    assert diagnostic.rule == "XL105"


def test_numbers_missing():
    diagnostics = check("Take 400 mg 3 times a day for 14 days.", "Ta medisinen noen ganger om dagen.")
    # One finding per missing number, all on the segment (same position: ordered by message).
    assert [d.message for d in diagnostics] == [
        "the number '14' of the source (line 1) is missing from this segment",
        "the number '3' of the source (line 1) is missing from this segment",
        "the number '400' of the source (line 1) is missing from this segment",
    ]
    diagnostics = check("Take 3 tablets.", "Ta noen tabletter.")
    assert [d.rule for d in diagnostics] == ["XL104"]


# ------------------------------------------------------------ identical (XL107)


@pytest.mark.parametrize("source, target, expected", [
    ("# Pain\n\nRest and ice help most people.", "# Smerte\n\nRest and ice help most people.", ["XL107"]),
    ("# Pain\n\nVoltaren Gel", "# Smerte\n\nVoltaren Gel", []),
    ("# References\n\nRathleff MS, Mølgaard CM. High-load strength training improves outcome.",
     "# Referanser\n\nRathleff MS, Mølgaard CM. High-load strength training improves outcome.", []),
    ("# Pain\n\nRathleff MS. High-load strength training improves outcome. 2015.",
     "# Smerte\n\nRathleff MS. High-load strength training improves outcome. 2015.", []),
])
def test_identical_blocks(source, target, expected):
    assert rules(source, target) == expected


def test_identical_block_is_one_finding_not_one_per_term():
    source = "# Pain\n\nA heel spur and plantar fasciitis hurt for 3 weeks."
    target = "# Smerte\n\nA heel spur and plantar fasciitis hurt for 3 weeks."
    assert rules(source, target) == ["XL107"]
    assert sorted(rules(source, target, select=("XL103",))) == ["XL103", "XL103"]


def test_suppression_comment_in_target():
    source = "A heel spur hurts.\n\nTake 3 tablets."
    target = "Det gjør vondt.\n\n<!-- heellint-disable-next-line XL104 -->\nTa 4 tabletter."
    assert rules(source, target) == ["XL101"]


def test_empty_translation():
    (diagnostic,) = check("# Heel spur\n\nA heel spur hurts.\n", "---\ntitle: x\n---\n")
    assert (diagnostic.rule, diagnostic.line, diagnostic.column) == ("XL107", 1, 1)
    assert check("", "") == []
