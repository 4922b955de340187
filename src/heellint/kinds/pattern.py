"""pattern: a regular expression for grammar and typography.

Options: ``pattern`` (a Unicode-aware regex, ``regex`` module syntax, so
``\\p{Lu}`` works), ``replacement`` (a template with ``\\1`` / ``\\g<name>``; no
replacement: no fix), ``ignore-case`` (default false), ``exceptions`` (matched
texts, case-folded, that are never flagged), ``prefilter`` (a plain pattern -
no look-aheads, anchors or word boundaries - found inside every match: text
without it is not searched; a speed-up only, it must never hide a match).

A user pack's patterns compile at load, so an invalid one is an error naming
file and line; a shipped pack's compile on first use. A match that takes longer
than the timeout stops that rule for that file with a diagnostic (HL011).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from heellint.core.diagnostic import Finding
from heellint.core.document import Document
from heellint.core.rule import RuleMeta
from heellint.core.yamlio import Located
from heellint.kinds.common import format_message, normalise, read_bool, read_prefilter, read_strings
from heellint.kinds.matching import UserPattern, finditer


@dataclass(frozen=True, slots=True)
class PatternRule:
    meta: RuleMeta
    pattern: UserPattern
    replacement: str | None
    exceptions: frozenset[str]
    prefilter: UserPattern | None = None

    def check(self, document: Document) -> Iterator[Finding]:
        source = document.source
        for match in finditer(self.pattern, document, self.meta.scope, self.prefilter):
            start, end = match.span()
            if start == end:
                continue
            text = source[start:end]
            if normalise(text) in self.exceptions:
                continue
            groups = {f"g{index}": value or "" for index, value in enumerate(match.groups(), start=1)}
            if self.replacement is None:
                yield Finding(start, end, format_message(self.meta.message, match=text, **groups))
                continue
            replacement = match.expand(self.replacement)
            if replacement == text:
                continue
            message = format_message(self.meta.message, match=text, replacement=replacement, **groups)
            yield Finding(start, end, message, (replacement,), self.meta.fixable)


def build_pattern(meta: RuleMeta, entry: dict, keys: tuple, located: Located, compile_now: bool = True) -> PatternRule:
    """The rule of a pack entry; with ``compile_now`` false (a shipped pack) the
    patterns and the replacement's group references are left to the tests."""
    source = entry.get("pattern")
    if not isinstance(source, str) or not source:
        raise located.error(keys + ("pattern",), "a pattern rule needs 'pattern': a regular expression")
    ignore_case = read_bool(entry, "ignore-case", False, keys, located)
    try:
        pattern = UserPattern(source, ignore_case, compile_now)
    except regex.error as error:
        raise located.error(keys + ("pattern",), f"invalid regular expression: {error}") from None
    prefilter = read_prefilter(entry, ignore_case, compile_now, keys, located)
    replacement = entry.get("replacement")
    if replacement is not None:
        if not isinstance(replacement, str):
            raise located.error(keys + ("replacement",), "'replacement' must be a string")
        if compile_now:
            _check_references(replacement, pattern.compiled, keys, located)
    exceptions = frozenset(normalise(item) for item in read_strings(entry, "exceptions", keys, located))
    return PatternRule(meta, pattern, replacement, exceptions, prefilter)


def _check_references(replacement: str, compiled: regex.Pattern, keys: tuple, located: Located) -> None:
    """Every ``\\1`` / ``\\g<name>`` of ``replacement`` names a group of the pattern."""
    for reference in regex.findall(r"\\(\d+)|\\g<(\w+)>", replacement):
        number, name = reference
        known = (number and int(number) <= compiled.groups) or (
            name and (name in compiled.groupindex or (name.isdigit() and int(name) <= compiled.groups))
        )
        if not known:
            raise located.error(keys + ("replacement",), f"replacement refers to a group the pattern lacks: {reference[0] or reference[1]}")
