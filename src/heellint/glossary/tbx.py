"""TBX: write TBX v3 (ISO 30042:2019, TBX-Basic dialect, DCA style); read TBX v3
and TBX 2008 (``martif``). XML is parsed with defusedxml only.

Mapping (heellint -> TBX-Basic):

=====================  ========================================================
concept ``id``          ``<conceptEntry id>``
``subject``             ``<descrip type="subjectField">`` (concept level)
``source``              ``<admin type="source">`` (concept level)
concept ``note``        ``<note>`` (concept level)
``definition`` (lang)   ``<descrip type="definition">`` in the ``<langSec>``
term                    ``<termSec><term>``
``status``              ``<termNote type="administrativeStatus">``
                        ``preferredTerm-admn-sts`` | ``admittedTerm-admn-sts`` |
                        ``deprecatedTerm-admn-sts`` | ``supersededTerm-admn-sts``
``inflection``          ``partOfSpeech`` (noun, adjective, verb, other) and
                        ``grammaticalGender`` (masculine, feminine, neuter,
                        other for the Danish/Swedish common gender)
term ``note``           ``<note>`` in the ``<termSec>``
heellint's extensions   one ``<note>`` starting ``heellint:`` with a JSON object:
                        ``forms``, ``misspellings``, ``compound``,
                        ``inflection``, ``case-sensitive``, ``translate``
=====================  ========================================================

The ``heellint:`` note makes YAML -> TBX -> YAML lossless; other tools show it
as a note. On import, a TBX without it still gives statuses, parts of speech
(mapped back to inflection classes), notes, definitions and subject fields.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from heellint.glossary.loader import ID_PATTERN, term_extension_data
from heellint.glossary.model import LANGUAGE_INFLECTIONS, LANGUAGES, STATUSES, Concept, Glossary, Term

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
EXTENSION_PREFIX = "heellint:"
STATUS_TO_TBX = {status: f"{status}Term-admn-sts" for status in STATUSES}
TBX_TO_STATUS = {value: status for status, value in STATUS_TO_TBX.items()}
TBX_TO_STATUS.update({
    "preferredTerm": "preferred", "admittedTerm": "admitted", "deprecatedTerm": "deprecated",
    "supersededTerm": "superseded", "standardizedTerm-admn-sts": "preferred", "legalTerm-admn-sts": "preferred",
    "regulatedTerm-admn-sts": "preferred", "preferred": "preferred", "admitted": "admitted",
    "deprecated": "deprecated", "superseded": "superseded", "obsolete": "superseded",
})
_POS = {"adj": "adjective", "verb": "verb", "invariable": "other"}
_GENDER = {"m": "masculine", "f": "feminine", "n": "neuter", "c": "other"}


class TbxError(Exception):
    """The file is not TBX heellint can read (message names the problem)."""


# -------------------------------------------------------------------- write


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\r", "&#13;").replace("\t", "&#9;")
    )


def _attribute(text: str) -> str:
    return _escape(text).replace('"', "&quot;").replace("\n", "&#10;")


def _grammar(term: Term) -> tuple[str | None, str | None]:
    klass = term.inflection
    if klass is None:
        return None, None
    if klass.startswith("noun"):
        gender = klass.split("-", 1)[1] if "-" in klass else None
        return "noun", _GENDER.get(gender or "")
    return _POS.get(klass), None


def export_tbx(glossary: Glossary, source_note: str | None = None) -> str:
    """The glossary as a TBX v3 document (TBX-Basic, DCA style)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/'
        'TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>',
        f'<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="{TBX_NAMESPACE}">',
        "  <tbxHeader>",
        "    <fileDesc>",
        "      <sourceDesc>",
        f"        <p>{_escape(source_note or 'Exported by heellint glossary export')}</p>",
        "      </sourceDesc>",
        "    </fileDesc>",
        "  </tbxHeader>",
        "  <text>",
        "    <body>",
    ]
    for concept in glossary.concepts:
        lines.append(f'      <conceptEntry id="{_attribute(concept.id)}">')
        if concept.subject is not None:
            lines.append(f'        <descrip type="subjectField">{_escape(concept.subject)}</descrip>')
        if concept.source is not None:
            lines.append(f'        <admin type="source">{_escape(concept.source)}</admin>')
        if concept.note is not None:
            lines.append(f"        <note>{_escape(concept.note)}</note>")
        languages = [lang for lang in LANGUAGES if lang in concept.terms or lang in concept.definition]
        for lang in languages:
            lines.append(f'        <langSec xml:lang="{lang}">')
            if lang in concept.definition:
                lines.append(f'          <descrip type="definition">{_escape(concept.definition[lang])}</descrip>')
            if lang in concept.terms and not concept.terms[lang]:
                lines.append(f"          <note>{EXTENSION_PREFIX}{{\"no-terms\": true}}</note>")
            for term in concept.terms.get(lang, ()):
                lines.append("          <termSec>")
                lines.append(f"            <term>{_escape(term.term)}</term>")
                part_of_speech, gender = _grammar(term)
                if part_of_speech:
                    lines.append(f'            <termNote type="partOfSpeech">{part_of_speech}</termNote>')
                if gender:
                    lines.append(f'            <termNote type="grammaticalGender">{gender}</termNote>')
                lines.append(f'            <termNote type="administrativeStatus">{STATUS_TO_TBX[term.status]}</termNote>')
                if term.note is not None:
                    lines.append(f"            <note>{_escape(term.note)}</note>")
                extension = term_extension_data(term)
                if extension:
                    payload = json.dumps(extension, ensure_ascii=False, separators=(", ", ": "))
                    lines.append(f"            <note>{_escape(EXTENSION_PREFIX + payload)}</note>")
                lines.append("          </termSec>")
            lines.append("        </langSec>")
        lines.append("      </conceptEntry>")
    lines += ["    </body>", "  </text>", "</tbx>", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------- read


@dataclass(slots=True)
class ImportReport:
    glossary: Glossary
    warnings: list[str] = field(default_factory=list)


def _local(tag: Any) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _text(element) -> str:
    return "".join(element.itertext())


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _children(element, *names: str):
    return [child for child in element if _local(child.tag) in names]


def import_tbx(data: bytes | str, lang_map: Mapping[str, str] | None = None) -> ImportReport:
    """Read TBX v3 (``<tbx>``) or TBX 2008 (``<martif>``) into a glossary."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(data)
    except DefusedXmlException as error:
        raise TbxError(f"refused unsafe XML: {type(error).__name__}") from None
    except ElementTree.ParseError as error:
        raise TbxError(f"not well-formed XML: {error}") from None
    kind = _local(root.tag)
    if kind not in ("tbx", "martif"):
        raise TbxError(f"the root element is <{kind}>, not <tbx> (TBX v3) or <martif> (TBX 2008)")
    lang_map = {key.lower(): value for key, value in (lang_map or {}).items()}
    warnings: list[str] = []
    body = None
    for text in _children(root, "text"):
        for candidate in _children(text, "body"):
            body = candidate
    if body is None:
        raise TbxError("no <text><body> element")
    concepts: list[Concept] = []
    used_ids: set[str] = set()
    for number, entry in enumerate(_children(body, "conceptEntry", "termEntry"), start=1):
        concept = _read_entry(entry, number, used_ids, lang_map, warnings)
        if concept is not None:
            concepts.append(concept)
    return ImportReport(Glossary(tuple(concepts)), warnings)


def _language(tag: str | None, lang_map: Mapping[str, str], warnings: list[str], where: str) -> str | None:
    if not tag:
        warnings.append(f"{where}: a language section without xml:lang was skipped")
        return None
    lowered = tag.lower()
    if lowered in lang_map:
        return lang_map[lowered]
    primary = lowered.replace("_", "-").split("-", 1)[0]
    if primary in lang_map:
        return lang_map[primary]
    if primary in ("nb", "nob"):
        return "nb"
    if primary in ("nn", "nno"):
        return "nn"
    if primary in ("no", "nor"):
        raise TbxError(f"{where}: language '{tag}' is ambiguous; say which with --map-lang {tag}=nb or {tag}=nn")
    if primary in ("da", "dan"):
        return "da"
    if primary in ("sv", "swe"):
        return "sv"
    if primary in ("en", "eng"):
        return "en"
    warnings.append(f"{where}: language '{tag}' is not one of {', '.join(LANGUAGES)}; skipped")
    return None


def _grouped(element, name: str) -> list:
    """Elements called ``name`` directly in ``element`` or in its *Grp children."""
    found = []
    for child in element:
        local = _local(child.tag)
        if local == name:
            found.append(child)
        elif local.endswith("Grp"):
            found.extend(item for item in child if _local(item.tag) == name)
    return found


def _read_entry(entry, number: int, used_ids: set[str], lang_map, warnings: list[str]) -> Concept | None:
    raw_id = entry.get("id") or ""
    where = f"entry {number}" + (f" ({raw_id})" if raw_id else "")
    subject = source = note = None
    definition: dict[str, str] = {}
    for descrip in _grouped(entry, "descrip"):
        kind = descrip.get("type")
        if kind == "subjectField":
            subject = _text(descrip)
        elif kind == "definition":
            definition.setdefault("en", _text(descrip))
    for admin in _grouped(entry, "admin"):
        if admin.get("type") == "source":
            source = _text(admin)
    for item in _grouped(entry, "note"):
        note = _text(item) if note is None else note + "\n" + _text(item)
    terms: dict[str, list[Term]] = {}
    for section in _children(entry, "langSec", "langSet"):
        lang = _language(section.get(_XML_LANG) or section.get("lang"), lang_map, warnings, where)
        if lang is None:
            continue
        no_terms = False
        for descrip in _grouped(section, "descrip"):
            if descrip.get("type") == "definition":
                definition[lang] = _text(descrip)
        for item in _children(section, "note"):
            if _text(item).startswith(EXTENSION_PREFIX) and '"no-terms"' in _text(item):
                no_terms = True
        read = []
        for holder in _children(section, "termSec", "tig", "ntig"):
            term = _read_term(holder, lang, where, warnings)
            if term is not None:
                read.append(term)
        if read:
            terms.setdefault(lang, []).extend(read)
        elif no_terms:
            terms.setdefault(lang, [])
    concept_id = _concept_id(raw_id, terms, number, used_ids)
    used_ids.add(concept_id)
    return Concept(
        id=concept_id,
        terms={lang: tuple(terms[lang]) for lang in LANGUAGES if lang in terms},
        subject=subject,
        definition={lang: definition[lang] for lang in LANGUAGES if lang in definition},
        source=source,
        note=note,
    )


def _concept_id(raw: str, terms: Mapping[str, list[Term]], number: int, used: set[str]) -> str:
    if raw and ID_PATTERN.fullmatch(raw) and raw not in used:
        return raw
    import re

    base = None
    for lang in ("en", *LANGUAGES):
        if terms.get(lang):
            slug = re.sub(r"[^a-z0-9]+", "-", terms[lang][0].term.lower()).strip("-")
            if slug and slug[0].isalpha():
                base = slug
                break
    if base is None:
        cleaned = re.sub(r"[^A-Za-z0-9-]+", "-", raw).strip("-")
        base = cleaned if cleaned and cleaned[0].isalpha() else f"concept-{number}"
    candidate, suffix = base, 2
    while candidate in used:
        candidate, suffix = f"{base}-{suffix}", suffix + 1
    return candidate


def _read_term(holder, lang: str, where: str, warnings: list[str]) -> Term | None:
    groups = [holder] + _children(holder, "termGrp")
    text = None
    notes: list[str] = []
    extension: dict[str, Any] = {}
    status = None
    part_of_speech = gender = None
    for group in groups:
        for child in group:
            local = _local(child.tag)
            if local == "term" and text is None:
                text = _text(child)
            elif local in ("termNote", "termNoteGrp"):
                items = [child] if local == "termNote" else _children(child, "termNote")
                for item in items:
                    kind = item.get("type")
                    value = _text(item).strip()
                    if kind in ("administrativeStatus", "normativeAuthorization"):
                        status = TBX_TO_STATUS.get(value, status)
                        if value not in TBX_TO_STATUS:
                            warnings.append(f"{where}: unknown status '{value}' read as admitted")
                            status = "admitted"
                    elif kind == "partOfSpeech":
                        part_of_speech = value
                    elif kind == "grammaticalGender":
                        gender = value
            elif local in ("note", "noteGrp"):
                items = [child] if local == "note" else _children(child, "note")
                for item in items:
                    content = _text(item)
                    if content.startswith(EXTENSION_PREFIX):
                        try:
                            extension = json.loads(content[len(EXTENSION_PREFIX):])
                        except ValueError:
                            notes.append(content)
                    else:
                        notes.append(content)
    if text is None or not text.strip():
        warnings.append(f"{where}: a term without text was skipped")
        return None
    inflection = extension.get("inflection")
    if "inflection" not in extension:
        inflection = _class_from_grammar(part_of_speech, gender, lang)
    if inflection is not None and inflection not in LANGUAGE_INFLECTIONS[lang]:
        inflection = None
    return Term(
        term=text,
        status=status or "admitted",
        misspellings=tuple(extension.get("misspellings", ())),
        forms=tuple(extension.get("forms", ())),
        compound=extension.get("compound"),
        inflection=inflection,
        case_sensitive=bool(extension.get("case-sensitive", False)),
        translate=bool(extension.get("translate", True)),
        note="\n".join(notes) if notes else None,
    )


def _class_from_grammar(part_of_speech: str | None, gender: str | None, lang: str) -> str | None:
    if part_of_speech is None:
        return None
    value = part_of_speech.lower()
    if value in ("noun", "properNoun".lower()):
        if lang == "en":
            return "noun"
        mapping = {"masculine": "m", "feminine": "f", "neuter": "n", "other": "c", "common": "c"}
        gender_key = mapping.get((gender or "").lower())
        if gender_key and f"noun-{gender_key}" in LANGUAGE_INFLECTIONS[lang]:
            return f"noun-{gender_key}"
        if gender_key in ("m", "f") and lang in ("da", "sv"):
            return "noun-c"
        return "noun"
    if value in ("adjective", "adj"):
        return "adj"
    if value == "verb":
        return "verb"
    if value == "other":
        return "invariable"
    return None


def concepts_csv_rows(glossary: Glossary) -> Iterable[list[str]]:
    """Rows for the spreadsheet export: one per term (see ``heellint.glossary.csvexport``)."""
    from heellint.glossary.csvexport import rows

    return rows(glossary)
