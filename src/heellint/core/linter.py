"""The engine: run the selected rules over one document and do the bookkeeping.

Rules yield findings with spans; the engine stamps code, name, category and
severity, converts spans to positions, applies suppressions and returns
diagnostics in a deterministic order.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from heellint.core.diagnostic import Diagnostic, Finding
from heellint.core.document import Document
from heellint.core.rule import Rule, RuleMeta
from heellint.core.suppressions import find_suppressions

log = logging.getLogger("heellint")

class RuleFailure(Exception):
    """A rule raised; reported as a diagnostic, the run goes on."""


@dataclass(frozen=True, slots=True)
class Selection:
    """Which codes run: ``select`` (None = every rule on by default), plus
    ``extend_select``, minus ``ignore``. Entries are codes or code prefixes;
    a rule that is off by default runs only when selected by its exact code
    (or by ``ALL``)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)

    def enabled(self, meta: RuleMeta) -> bool:
        code = meta.code
        codes = (code, *meta.aliases)

        def hit(prefixes: Iterable[str]) -> bool:
            return any(c.startswith(prefix) or prefix == "ALL" for prefix in prefixes for c in codes)

        def exact(prefixes: Iterable[str]) -> bool:
            return any(prefix in codes or prefix == "ALL" for prefix in prefixes)

        if exact(self.ignore):
            return False
        if hit(self.ignore) and not exact(self.select or ()) and not exact(self.extend_select):
            return False
        if meta.enabled:
            return self.select is None or hit(self.select) or hit(self.extend_select)
        return exact(self.select or ()) or exact(self.extend_select)

    def severity_of(self, meta: RuleMeta) -> str:
        return self.severity.get(meta.code, meta.severity)


def lint_document(
    document: Document,
    rules: Sequence[Rule],
    selection: Selection,
    metas: Mapping[str, RuleMeta],
    extra: Iterable[tuple[str, Finding]] = (),
) -> list[Diagnostic]:
    """Run ``rules`` (already filtered by selection and language) on ``document``.

    ``extra`` carries findings computed elsewhere (site-wide rules, input
    problems) as (code, finding) pairs; they go through the same bookkeeping.
    """
    raw: list[tuple[RuleMeta, Finding]] = []
    for rule in rules:
        meta = rule.meta
        try:
            for finding in rule.check(document):
                code = finding.code or meta.code
                finding_meta = metas.get(code, meta)
                if finding.code and not selection.enabled(finding_meta):
                    continue
                raw.append((finding_meta, finding))
        except TimeoutError as error:
            raw.append((metas["HL011"], Finding(0, 0, f"rule {meta.code} stopped: {error}", code="HL011")))
        except Exception as error:  # a bug in one rule must not end the run
            log.debug("rule %s failed", meta.code, exc_info=True)
            raw.append(
                (metas["HL012"], Finding(0, 0, f"rule {meta.code} failed: {type(error).__name__}: {error}", code="HL012"))
            )
    for code, finding in extra:
        raw.append((metas[code], finding))

    suppressions = find_suppressions(document) if document.comments else []
    index = document.line_index
    diagnostics: list[Diagnostic] = []
    seen: set[tuple] = set()
    for meta, finding in raw:
        if suppressions:
            suppressed = False
            for suppression in suppressions:
                if suppression.covers(meta.code, finding.start):
                    suppression.used = True
                    suppressed = True
            if suppressed:
                continue
        key = (meta.code, finding.start, finding.end, finding.message)
        if key in seen:
            continue
        seen.add(key)
        diagnostics.append(_diagnostic(document, index, meta, finding, selection))
    unused = metas.get("HL010")
    if unused is not None and selection.enabled(unused):
        for suppression in suppressions:
            if not suppression.used:
                codes = ", ".join(suppression.codes) if suppression.codes else "every rule"
                finding = Finding(
                    suppression.comment_start,
                    suppression.comment_end,
                    f"this suppression ({codes}) silences nothing; remove it",
                )
                diagnostics.append(_diagnostic(document, index, unused, finding, selection))
    diagnostics.sort(key=lambda diagnostic: diagnostic.sort_key)
    return diagnostics


def _diagnostic(document: Document, index, meta: RuleMeta, finding: Finding, selection: Selection) -> Diagnostic:
    line, column = index.position(finding.start)
    end_line, end_column = index.position(finding.end)
    return Diagnostic(
        path=document.path,
        start=finding.start,
        end=finding.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=meta.code,
        name=meta.name,
        category=meta.category,
        severity=finding.severity or selection.severity_of(meta),
        message=finding.message,
        replacements=tuple(finding.replacements),
        fix=finding.fix(),
        data=finding.data,
    )
