"""Reading glossary files (the contract's YAML format) into the model.

A path is a file or a folder (every ``*.yaml``/``*.yml`` in it, sorted). Every
problem names ``file:line``. Two modes:

- strict (linting): the first problem raises ``DataError`` (exit code 2);
- collecting (``heellint glossary check``): problems are gathered, the bad item
  is skipped, and only unreadable input (missing file, invalid YAML) raises.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import regex

from heellint.core.yamlio import DataError, Located, load_located
from heellint.glossary.model import (
    LANGUAGE_INFLECTIONS,
    LANGUAGES,
    STATUSES,
    Concept,
    Glossary,
    Term,
    Where,
)

TOP_KEYS = ("concepts", "name", "description", "sources", "license", "version")
CONCEPT_KEYS = ("id", "subject", "definition", "source", "sources", "note", "terms")
TERM_KEYS = (
    "term", "status", "misspellings", "forms", "compound", "note",
    "inflection", "case-sensitive", "translate",
)
ID_PATTERN = regex.compile(r"[^\W\d_](?:[^\W_]|-)*")


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int | None
    message: str
    code: str = "schema"  # short kind, for filtering and tests

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(slots=True)
class _Reporter:
    collect: bool
    problems: list[Problem] = field(default_factory=list)

    def __call__(self, located: Located, keys: tuple, message: str, code: str = "schema") -> None:
        line = located.line(*keys)
        if not self.collect:
            raise DataError(located.path, line, message)
        self.problems.append(Problem(located.path, line, message, code))


def glossary_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The YAML files ``paths`` name (folders expanded, sorted, no duplicates)."""
    found: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            members = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        elif path.exists():
            members = [path]
        else:
            raise DataError(str(path), None, "glossary file not found")
        for member in members:
            resolved = member.resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append(member)
    return found


def load_glossary(paths: Iterable[str | os.PathLike], problems: list[Problem] | None = None) -> Glossary:
    """Read every glossary file of ``paths``. With ``problems`` (a list), collect
    problems into it instead of raising on the first one.

    Without ``problems`` (linting) a file is read the fast way: plain data, from
    the parse cache when the file is unchanged, with line numbers computed only
    when there is an error to report.
    """
    reporter = _Reporter(collect=problems is not None)
    concepts: list[Concept] = []
    files = glossary_files(paths)
    for path in files:
        if problems is None:
            concepts.extend(_read_file_fast(path))
        else:
            concepts.extend(_read_file(path, reporter))
    if problems is not None:
        problems.extend(reporter.problems)
    return Glossary(tuple(concepts), tuple(str(path) for path in files))


class _Retry(Exception):
    pass


# Bump when the rows ``_concept_rows`` writes change shape or meaning.
_ROWS_FORMAT = "concepts-1"


def _rows_state() -> str:
    """What kept rows depend on besides the file: their format and the code
    that checks and builds concepts (this module and the model)."""
    from heellint.glossary import model

    parts = [_ROWS_FORMAT]
    for source in (__file__, model.__file__ or ""):
        try:
            status = os.stat(source)
        except OSError:
            return ""
        parts.append(f"{source}\0{status.st_size}\0{status.st_mtime_ns}")
    return "\0".join(parts)


def _read_file_fast(path: Path) -> list[Concept]:
    """The concepts of ``path``: from the rows kept after the last successful
    read of the unchanged file, else read and checked (and kept)."""
    from heellint.glossary import cache

    state = _rows_state()
    rows = cache.read_rows(path, state) if state else cache.MISSING
    if rows is not cache.MISSING:
        try:
            return _concepts_from_rows(rows, Where(str(path)))
        except (TypeError, ValueError, IndexError, KeyError):
            pass  # damaged: read the file
    data = cache.load_data(path)
    if data is cache.MISSING:
        return _read_file(path, _Reporter(collect=False))

    def fail(located: Located, keys: tuple, message: str, code: str = "schema") -> None:
        raise _Retry()

    try:
        concepts = _read_data(data, Located(str(path)), fail)  # type: ignore[arg-type]
    except _Retry:
        return _read_file(path, _Reporter(collect=False))  # raises with file:line
    if state:
        cache.write_rows(path, state, _concept_rows(concepts))
    return concepts


def _concept_rows(concepts: list[Concept]) -> list[tuple]:
    """Checked concepts as plain tuples (for ``marshal``); ``where`` is not kept:
    read without line numbers, every value's is the file's."""
    return [
        (
            concept.id, concept.subject, concept.source, concept.note, tuple(concept.definition.items()),
            tuple((lang, tuple((term.term, term.status, term.misspellings, term.forms, term.compound,
                                term.inflection, term.case_sensitive, term.translate, term.note) for term in terms))
                  for lang, terms in concept.terms.items()),
        )
        for concept in concepts
    ]


def _concepts_from_rows(rows: list[tuple], where: Where) -> list[Concept]:
    """The inverse of ``_concept_rows``: the same concepts, without checking again."""
    concepts = []
    for concept_id, subject, source, note, definition, terms in rows:
        concepts.append(Concept(
            id=concept_id,
            terms={lang: tuple([Term(*term, where=where) for term in items]) for lang, items in terms},
            subject=subject,
            definition=dict(definition),
            source=source,
            note=note,
            where=where,
        ))
    return concepts


def load_text(text: str, path: str = "<glossary>", problems: list[Problem] | None = None) -> Glossary:
    """Parse glossary YAML from a string (tests, import round trips)."""
    reporter = _Reporter(collect=problems is not None)
    data, located = load_located(text, path)
    concepts = _read_data(data, located, reporter)
    if problems is not None:
        problems.extend(reporter.problems)
    return Glossary(tuple(concepts), (path,))


def _read_file(path: Path, reporter: _Reporter) -> list[Concept]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(str(path), None, "not valid UTF-8") from None
    except OSError as error:
        raise DataError(str(path), None, f"cannot read: {error.strerror or error}") from None
    data, located = load_located(text, str(path))
    return _read_data(data, located, reporter)


def _read_data(data: Any, located: Located, report: _Reporter) -> list[Concept]:
    if data is None:
        return []
    if not isinstance(data, dict):
        report(located, (), "a glossary file is a mapping with a 'concepts' list")
        return []
    for key in data:
        if key not in TOP_KEYS:
            report(located, (key,), f"unknown key '{key}' (known: {', '.join(TOP_KEYS)})")
    concepts = data.get("concepts", [])
    if concepts is None:
        concepts = []
    if not isinstance(concepts, list):
        report(located, ("concepts",), "'concepts' must be a list")
        return []
    result = []
    for index, entry in enumerate(concepts):
        concept = _read_concept(entry, ("concepts", index), located, report)
        if concept is not None:
            result.append(concept)
    return result


def _text(value: Any, keys: tuple, located: Located, report: _Reporter, what: str) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        report(located, keys, f"'{what}' must be a string")
        return None
    text = str(value)
    if not text.strip():
        report(located, keys, f"'{what}' must not be empty")
        return None
    return text


def _strings(value: Any, keys: tuple, located: Located, report: _Reporter, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        report(located, keys, f"'{what}' must be a list of strings")
        return ()
    result = []
    for index, item in enumerate(value):
        text = _text(item, keys + (index,), located, report, what)
        if text is not None:
            result.append(text.strip())
    return tuple(result)


def _boolean(value: Any, keys: tuple, located: Located, report: _Reporter, what: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        report(located, keys, f"'{what}' must be true or false")
        return default
    return value


_AMBIGUOUS = ("no", "nor", "no-no", "norsk", "norwegian")
_SPELLED_OUT = {"nb-no": "nb", "nob": "nb", "nn-no": "nn", "nno": "nn", "da-dk": "da", "sv-se": "sv",
                "en-gb": "en", "en-us": "en"}


def _language(key: Any, keys: tuple, located: Located, report: _Reporter) -> str | None:
    if key in LANGUAGES and isinstance(key, str):
        return key
    if key is False:  # YAML 1.1 reads an unquoted `no:` as false
        key = "no"
    lowered = key.lower() if isinstance(key, str) else key
    if lowered in _AMBIGUOUS:
        report(located, keys, f"language {key!r} is ambiguous: say 'nb' (Bokmål) or 'nn' (Nynorsk)", "language")
    elif lowered in _SPELLED_OUT:
        report(located, keys, f"language {key!r}: write '{_SPELLED_OUT[lowered]}'", "language")
    else:
        report(located, keys, f"language {key!r} is not one of {', '.join(LANGUAGES)}", "language")
    return None


def _read_concept(entry: Any, keys: tuple, located: Located, report: _Reporter) -> Concept | None:
    where = Where(located.path, located.line(*keys))
    if not isinstance(entry, dict):
        report(located, keys, "each concept is a mapping with 'id' and 'terms'")
        return None
    for key in entry:
        if key not in CONCEPT_KEYS:
            report(located, keys + (key,), f"unknown key '{key}' in concept (known: {', '.join(CONCEPT_KEYS)})")
    concept_id = entry.get("id")
    if not isinstance(concept_id, str) or not ID_PATTERN.fullmatch(concept_id):
        report(located, keys + ("id",), f"concept id {concept_id!r} must be letters, digits and '-', starting with a letter", "id")
        if not isinstance(concept_id, str) or not concept_id:
            return None
    subject = entry.get("subject")
    if subject is not None:
        subject = _text(subject, keys + ("subject",), located, report, "subject")
    source = entry.get("source")
    if source is not None:
        source = _text(source, keys + ("source",), located, report, "source")
    if "sources" in entry:
        # ``sources: [a, b]`` is kept as one source text, joined by "; ".
        many = _strings(entry["sources"], keys + ("sources",), located, report, "sources")
        if many:
            source = "; ".join(([source] if source else []) + list(many))
    note = entry.get("note")
    if note is not None:
        note = _text(note, keys + ("note",), located, report, "note")
    definition: dict[str, str] = {}
    raw_definition = entry.get("definition")
    if raw_definition is not None:
        if isinstance(raw_definition, str):
            definition["en"] = raw_definition
        elif isinstance(raw_definition, dict):
            for lang_key, text in raw_definition.items():
                lang = _language(lang_key, keys + ("definition", lang_key), located, report)
                value = _text(text, keys + ("definition", lang_key), located, report, "definition")
                if lang and value is not None:
                    definition[lang] = value
        else:
            report(located, keys + ("definition",), "'definition' must map languages to text")
    terms: dict[str, tuple[Term, ...]] = {}
    raw_terms = entry.get("terms")
    if raw_terms is None:
        raw_terms = {}
    if not isinstance(raw_terms, dict):
        report(located, keys + ("terms",), "'terms' must map languages (nb, nn, da, sv, en) to lists of terms")
        raw_terms = {}
    for lang_key, items in raw_terms.items():
        lang_keys = keys + ("terms", lang_key)
        lang = _language(lang_key, lang_keys, located, report)
        if lang is None:
            continue
        if items is None:
            items = []
        if isinstance(items, (str, dict)):
            items = [items]
        if not isinstance(items, list):
            report(located, lang_keys, f"terms of '{lang}' must be a list")
            continue
        read = []
        for index, item in enumerate(items):
            term = _read_term(item, lang, lang_keys + (index,), located, report)
            if term is not None:
                read.append(term)
        terms[lang] = tuple(read)
    ordered = {lang: terms[lang] for lang in LANGUAGES if lang in terms}
    return Concept(
        id=concept_id,
        terms=ordered,
        subject=subject,
        definition={lang: definition[lang] for lang in LANGUAGES if lang in definition},
        source=source,
        note=note,
        where=where,
    )


def _read_term(item: Any, lang: str, keys: tuple, located: Located, report: _Reporter) -> Term | None:
    where = Where(located.path, located.line(*keys))
    if isinstance(item, str):
        item = {"term": item}
    if not isinstance(item, dict):
        report(located, keys, "a term is a mapping with 'term' and 'status'")
        return None
    for key in item:
        if key not in TERM_KEYS:
            report(located, keys + (key,), f"unknown key '{key}' in term (known: {', '.join(TERM_KEYS)})")
    text = _text(item.get("term"), keys + ("term",), located, report, "term")
    if text is None:
        return None
    if text != text.strip() or "  " in text or "\n" in text or "\t" in text:
        report(located, keys + ("term",), f"term {text!r} has stray white space")
        text = " ".join(text.split())
    status = item.get("status", "preferred")
    if status not in STATUSES:
        report(located, keys + ("status",), f"status {status!r} is not one of {', '.join(STATUSES)}", "status")
        status = "admitted"
    inflection = item.get("inflection")
    if inflection is not None and inflection not in LANGUAGE_INFLECTIONS[lang]:
        allowed = ", ".join(sorted(LANGUAGE_INFLECTIONS[lang]))
        report(located, keys + ("inflection",), f"inflection {inflection!r} is not one of {allowed} for '{lang}'", "inflection")
        inflection = None
    compound = item.get("compound")
    if compound is not None:
        compound = _text(compound, keys + ("compound",), located, report, "compound")
        if compound is not None:
            joined = compound.replace("|", "")
            if "|" not in compound:
                report(located, keys + ("compound",), f"compound {compound!r} marks no split point (write e.g. 'hæl|spore')")
                compound = None
            elif _fold(joined) != _fold(text) and _fold(joined) != _fold(text.split()[-1]):
                report(located, keys + ("compound",), f"compound {compound!r} does not spell the term {text!r}")
                compound = None
    note = item.get("note")
    if note is not None:
        note = _text(note, keys + ("note",), located, report, "note")
    return Term(
        term=text,
        status=status,
        misspellings=_strings(item.get("misspellings"), keys + ("misspellings",), located, report, "misspellings"),
        forms=_strings(item.get("forms"), keys + ("forms",), located, report, "forms"),
        compound=compound,
        inflection=inflection,
        case_sensitive=_boolean(item.get("case-sensitive"), keys + ("case-sensitive",), located, report, "case-sensitive", False),
        translate=_boolean(item.get("translate"), keys + ("translate",), located, report, "translate", True),
        note=note,
        where=where,
    )


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


# ------------------------------------------------------------------ writing


def glossary_to_data(glossary: Glossary) -> dict:
    """The glossary as plain data in the contract's YAML shape (for dumping)."""
    concepts = []
    for concept in glossary.concepts:
        entry: dict[str, Any] = {"id": concept.id}
        if concept.subject is not None:
            entry["subject"] = concept.subject
        if concept.definition:
            entry["definition"] = dict(concept.definition)
        if concept.source is not None:
            entry["source"] = concept.source
        if concept.note is not None:
            entry["note"] = concept.note
        terms: dict[str, list] = {}
        for lang in LANGUAGES:
            if lang not in concept.terms:
                continue
            terms[lang] = [_term_to_data(term) for term in concept.terms[lang]]
        entry["terms"] = terms
        concepts.append(entry)
    return {"concepts": concepts}


def term_extension_data(term: Term) -> dict[str, Any]:
    """The optional keys of a term beyond term/status/note, as written in YAML
    (shared with the TBX writer, which carries them in an extension field)."""
    data: dict[str, Any] = {}
    if term.inflection is not None:
        data["inflection"] = term.inflection
    if term.forms:
        data["forms"] = list(term.forms)
    if term.misspellings:
        data["misspellings"] = list(term.misspellings)
    if term.compound is not None:
        data["compound"] = term.compound
    if term.case_sensitive:
        data["case-sensitive"] = True
    if not term.translate:
        data["translate"] = False
    return data


def _term_to_data(term: Term) -> dict:
    data: dict[str, Any] = {"term": term.term, "status": term.status}
    data.update(term_extension_data(term))
    if term.note is not None:
        data["note"] = term.note
    return data


def dump_yaml(glossary: Glossary) -> str:
    """YAML text in the contract's format; ``load_text`` reads it back unchanged."""
    import yaml

    class _Dumper(yaml.SafeDumper):
        pass

    def represent_dict(dumper, data):
        return dumper.represent_mapping("tag:yaml.org,2002:map", data.items())

    _Dumper.add_representer(dict, represent_dict)
    return yaml.dump(
        glossary_to_data(glossary), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
        default_flow_style=None,
    )
