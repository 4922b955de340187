"""The engine: run the selected rules over one document and do the bookkeeping.

Rules yield findings with spans; the engine stamps code, name, category and
severity, converts spans to positions, applies suppressions and returns
diagnostics in a deterministic order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from heellint.core.diagnostic import Diagnostic, Finding
from heellint.core.document import Document
from heellint.core.rule import Rule, RuleMeta
from heellint.core.suppressions import find_suppressions


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
            import logging  # only when a rule fails: most runs never import it

            logging.getLogger("heellint").debug("rule %s failed", meta.code, exc_info=True)
            raw.append(
                (metas["HL012"], Finding(0, 0, f"rule {meta.code} failed: {type(error).__name__}: {error}", code="HL012"))
            )
    for code, finding in extra:
        raw.append((metas[code], finding))

    if document.bibliography:
        raw = [item for item in raw if not _in_bibliography(document, item[0], item[1])]
    raw = drop_redundant(document.source, raw)
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


_SAFETY = {"safe": 0, "unsafe": 1, None: 2}
BIBLIOGRAPHY_CATEGORIES = frozenset({"reference", "structure", "metadata"})


def _in_bibliography(document: Document, meta: RuleMeta, finding: Finding) -> bool:
    if meta.category in BIBLIOGRAPHY_CATEGORIES:
        return False
    return any(start <= finding.start < end for start, end in document.bibliography)


def drop_redundant(source: str, raw: list[tuple[RuleMeta, Finding]]) -> list[tuple[RuleMeta, Finding]]:
    """One problem, one diagnostic.

    Two rules may see the same problem (a rule pack's known misspelling and the
    glossary's misspelled term; a misspelled word inside a misspelled
    multi-word term). A finding is dropped when another finding of the same
    category covers its span and applying its first replacement inside the
    other's span yields the other's first replacement (compared case-folded).
    Of two such findings on the same span, the one with the safer fix, then
    the lower code, stays.
    """
    with_replacements = [(meta, finding) for meta, finding in raw if finding.replacements]
    if len(with_replacements) < 2:
        return raw
    with_replacements.sort(key=lambda item: (item[1].start, -item[1].end))
    dropped: set[int] = set()
    for index, (outer_meta, outer) in enumerate(with_replacements):
        for inner_meta, inner in with_replacements[index + 1:]:
            if inner.start >= outer.end:
                break
            if inner.end > outer.end or inner_meta.category != outer_meta.category:
                continue
            if id(inner) in dropped or id(outer) in dropped:
                continue
            patched = (
                source[outer.start:inner.start] + inner.replacements[0] + source[inner.end:outer.end]
            ).casefold()
            if patched != outer.replacements[0].casefold():
                continue
            if (inner.start, inner.end) == (outer.start, outer.end):
                rank_outer = (_SAFETY[outer.applicability], outer_meta.code)
                rank_inner = (_SAFETY[inner.applicability], inner_meta.code)
                dropped.add(id(inner) if rank_outer <= rank_inner else id(outer))
            else:
                dropped.add(id(inner))
    if not dropped:
        return raw
    return [(meta, finding) for meta, finding in raw if id(finding) not in dropped]


def _fix_keeps_markup(document: Document, fix) -> bool:
    """A fix may only rewrite prose: an edit whose range covers masked markup
    (emphasis markers, inline HTML, a link destination ...) would delete it."""
    prose, source = document.prose, document.source
    return all(prose[edit.start:edit.end] == source[edit.start:edit.end] for edit in fix.edits)


def _diagnostic(document: Document, index, meta: RuleMeta, finding: Finding, selection: Selection) -> Diagnostic:
    fix = finding.fix()
    if fix is not None and not _fix_keeps_markup(document, fix):
        fix = None
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
        fix=fix,
        data=finding.data,
    )
