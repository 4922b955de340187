"""``heellint glossary export --format csv``: one row per term, for spreadsheets."""

from __future__ import annotations

import csv
import io
from typing import Iterable

from heellint.glossary.model import Glossary

COLUMNS = (
    "concept", "subject", "lang", "term", "status", "inflection", "forms", "misspellings", "compound",
    "case_sensitive", "translate", "note", "definition", "source",
)
LIST_SEPARATOR = " | "


def rows(glossary: Glossary) -> Iterable[list[str]]:
    yield list(COLUMNS)
    for concept in glossary.concepts:
        for lang, term in concept.all_terms():
            yield [
                concept.id,
                concept.subject or "",
                lang,
                term.term,
                term.status,
                term.inflection or "",
                LIST_SEPARATOR.join(term.forms),
                LIST_SEPARATOR.join(term.misspellings),
                term.compound or "",
                "true" if term.case_sensitive else "",
                "" if term.translate else "false",
                term.note or "",
                concept.definition.get(lang, ""),
                concept.source or "",
            ]


def export_csv(glossary: Glossary, bom: bool = False) -> str:
    """CSV text (RFC 4180, comma-separated, ``\\r\\n`` line ends); ``bom`` helps Excel detect UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows(glossary):
        writer.writerow(row)
    return ("\ufeff" if bom else "") + buffer.getvalue()
