"""Site-wide term usage (``heellint terms``): per concept and language, which
names and forms the articles use, in how many articles and how often.

Counts come from the same matcher the rules use: exact forms of every term,
listed misspellings, split and joined compounds, and unlisted misspellings
(fuzzy hits), so an editor sees at a glance where a site writes one concept
several ways.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from heellint.glossary.engine import GlossaryEngine
from heellint.glossary.matcher import JOINED, MISSPELLING, SPLIT, TERM

KIND_LABELS = {TERM: "term", MISSPELLING: "misspelling", SPLIT: "split", JOINED: "joined", "fuzzy": "misspelling?"}


@dataclass(slots=True)
class Variant:
    name: str  # the glossary term (or the misspelled text)
    kind: str  # term | misspelling | split | joined | misspelling?
    status: str | None
    forms: dict[str, int] = field(default_factory=dict)
    paths: set[str] = field(default_factory=set)

    @property
    def uses(self) -> int:
        return sum(self.forms.values())


@dataclass(slots=True)
class ConceptUsage:
    concept: str
    lang: str
    variants: dict[tuple[str, str], Variant] = field(default_factory=dict)

    @property
    def inconsistent(self) -> bool:
        return len(self.variants) > 1

    def to_json(self) -> dict[str, Any]:
        return {
            "concept": self.concept,
            "lang": self.lang,
            "inconsistent": self.inconsistent,
            "variants": [
                {
                    "term": variant.name,
                    "kind": KIND_LABELS.get(variant.kind, variant.kind),
                    "status": variant.status,
                    "articles": len(variant.paths),
                    "uses": variant.uses,
                    "forms": dict(sorted(variant.forms.items(), key=lambda item: (-item[1], item[0]))),
                    "paths": sorted(variant.paths),
                }
                for variant in _ordered(self.variants.values())
            ],
        }


def _ordered(variants: Iterable[Variant]) -> list[Variant]:
    return sorted(variants, key=lambda variant: (-len(variant.paths), -variant.uses, variant.name))


@dataclass(slots=True)
class UsageReport:
    usages: dict[tuple[str, str], ConceptUsage] = field(default_factory=dict)
    files: int = 0

    def add(self, concept: str, lang: str, name: str, kind: str, status: str | None, form: str, path: str) -> None:
        usage = self.usages.setdefault((concept, lang), ConceptUsage(concept, lang))
        variant = usage.variants.setdefault((name, kind), Variant(name, kind, status))
        variant.forms[form] = variant.forms.get(form, 0) + 1
        variant.paths.add(path)

    def sorted(self, only_inconsistent: bool = False) -> list[ConceptUsage]:
        items = [usage for usage in self.usages.values() if usage.inconsistent or not only_inconsistent]
        return sorted(items, key=lambda usage: (not usage.inconsistent, usage.concept, usage.lang))

    def to_json(self, only_inconsistent: bool = False) -> dict[str, Any]:
        items = self.sorted(only_inconsistent)
        return {
            "files": self.files,
            "concepts": [usage.to_json() for usage in items],
            "summary": {
                "concepts": len(items),
                "inconsistent": sum(1 for usage in items if usage.inconsistent),
            },
        }


def collect(engine: GlossaryEngine, documents: Iterable[Any], report: UsageReport | None = None) -> UsageReport:
    """Count term usage in ``documents`` (parsed, with their language set)."""
    report = report or UsageReport()
    for document in documents:
        report.files += 1
        lang = document.lang
        if lang is None:
            continue
        path = document.path
        source = document.source
        for match in engine.matcher.exact_matches(document, lang):
            own = [entry for entry in match.entries if entry.lang == lang]
            if not own:
                continue
            kinds = {entry.kind for entry in own}
            kind = next(kind for kind in (TERM, MISSPELLING, SPLIT, JOINED) if kind in kinds)
            entry = next(entry for entry in own if entry.kind == kind)
            if kind == TERM and len({e.concept.id for e in own if e.kind == TERM}) > 1:
                continue  # a form two concepts share says nothing about either
            form = " ".join(source[match.start:match.end].split())
            if kind == TERM:
                report.add(entry.concept.id, lang, entry.term.term, TERM, entry.term.status, form, path)
            else:
                report.add(entry.concept.id, lang, form.casefold(), kind, None, form, path)
        for finding in engine.analyse(document):
            if finding.code == "TM101" and finding.data and not finding.data.get("listed", True):
                text = " ".join(source[finding.start:finding.end].split())
                report.add(str(finding.data["concept"]), lang, text.casefold(), "fuzzy", None, text, path)
    return report


def render_table(report: UsageReport, only_inconsistent: bool = False) -> str:
    rows = [("", "CONCEPT", "LANG", "TERM", "KIND", "STATUS", "ARTICLES", "USES", "FORMS")]
    for usage in report.sorted(only_inconsistent):
        marker = "!" if usage.inconsistent else ""
        for number, variant in enumerate(_ordered(usage.variants.values())):
            forms = ", ".join(
                f"{form} ×{count}" for form, count in sorted(variant.forms.items(), key=lambda item: (-item[1], item[0]))
            )
            rows.append((
                marker if number == 0 else "",
                usage.concept if number == 0 else "",
                usage.lang if number == 0 else "",
                variant.name,
                KIND_LABELS.get(variant.kind, variant.kind),
                variant.status or "-",
                str(len(variant.paths)),
                str(variant.uses),
                forms,
            ))
    if len(rows) == 1:
        return "No glossary terms found.\n"
    widths = [max(len(row[index]) for row in rows) for index in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths)] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
    inconsistent = sum(1 for usage in report.sorted(only_inconsistent) if usage.inconsistent)
    lines.append("")
    lines.append(f"{report.files} file{'s' if report.files != 1 else ''}, "
                 f"{len(report.sorted(only_inconsistent))} concepts, {inconsistent} written more than one way (!)")
    return "\n".join(lines) + "\n"
