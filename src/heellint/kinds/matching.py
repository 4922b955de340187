"""Matching machinery shared by the pack kinds.

Two paths, chosen per entry when a pack loads:

- single-word literals are looked up in the document's word index (a dict of
  case-folded words), so a rule costs in proportion to the distinct words of an
  article, not its length times the rule's size;
- phrases and regular expressions are compiled once into one alternation and run
  with the ``regex`` module under a timeout, so a user-written pattern cannot
  hang a run.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Iterable, Iterator

import regex

from heellint.core.document import HEADING, Document

# One space or one line break (with surrounding blanks) between the words of a phrase.
GAP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*)"
WORD_START = r"(?<![\w\-’'])"
WORD_END = r"(?![\w’']|-\w)"
TIMEOUT_SECONDS = 1.0


def phrase_pattern(phrase: str) -> str:
    """A literal phrase as a regex body: words joined by GAP."""
    words = phrase.split()
    return GAP.join(regex.escape(word) for word in words)


def compile_user_pattern(pattern: str, ignore_case: bool) -> regex.Pattern:
    flags = regex.UNICODE | regex.VERSION0
    if ignore_case:
        flags |= regex.IGNORECASE
    return regex.compile(pattern, flags)


class UserPattern:
    """A pack's regular expression, compiled when a rule first searches with it.

    Compiling every pattern of every shipped pack cost more at start-up than
    linting a small file, and a run needs only the patterns of its documents'
    languages (and of rules whose prefilter is found). A pattern from a user's
    pack is compiled by its builder at load instead (``compile_now``), so that
    a broken one is reported as ``file:line`` before any file is linted; the
    shipped packs get the same check from the test suite.
    """

    __slots__ = ("source", "ignore_case", "_compiled")

    def __init__(self, source: str, ignore_case: bool, compile_now: bool) -> None:
        self.source = source
        self.ignore_case = ignore_case
        self._compiled = compile_user_pattern(source, ignore_case) if compile_now else None

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = compile_user_pattern(self.source, self.ignore_case)
        return self._compiled


def block_ranges(document: Document, scope: str) -> Iterator[tuple[int, int]]:
    """Offset ranges a rule of ``scope`` searches."""
    if scope == "document":
        yield 0, len(document.source)
        return
    if scope == "sentence":
        for sentence in document.sentences:
            block = document.blocks[sentence.block]
            if block.kind != HEADING:
                yield sentence.start, sentence.end
        return
    for block in document.blocks:
        if scope == "heading" and block.kind != HEADING:
            continue
        if scope == "paragraph" and block.kind == HEADING:
            continue
        yield block.start, block.end


def finditer(
    pattern: UserPattern, document: Document, scope: str, prefilter: UserPattern | None = None
) -> Iterator[regex.Match]:
    """Matches of ``pattern`` in each range ``scope`` searches, under the timeout.

    ``prefilter`` (a pack's ``prefilter`` key) is a plain pattern - no
    look-aheads, anchors or word boundaries, so that where it matches inside a
    range it also matches in the whole text - found inside every match of
    ``pattern``, e.g. ``[.!?]\\p{Lu}`` for a missing space after a full stop.
    Only the ranges where it starts are searched: most articles have no
    candidate at all for most grammar and typography rules, one scan of the text
    for a short pattern is many times cheaper than trying the full pattern at
    every word, and a range skipped is one ``finditer`` call saved.
    """
    text = document.source if scope == "document" else document.prose
    ranges = block_ranges(document, scope)
    if prefilter is not None:
        starts = [match.start() for match in prefilter.compiled.finditer(text, overlapped=True, timeout=TIMEOUT_SECONDS)]
        if not starts:
            return
        ranges = _holding(ranges, starts)
    compiled = pattern.compiled
    for start, end in ranges:
        yield from compiled.finditer(text, start, end, timeout=TIMEOUT_SECONDS)


def _holding(ranges: Iterable[tuple[int, int]], offsets: list[int]) -> Iterator[tuple[int, int]]:
    """The ranges that contain one of ``offsets`` (sorted)."""
    for start, end in ranges:
        index = bisect_left(offsets, start)
        if index < len(offsets) and offsets[index] < end:
            yield start, end


def word_hits(document: Document, keys: frozenset[str] | set[str]) -> Iterator[tuple[str, int, int]]:
    """(case-folded word, start, end) of every word of ``document`` in ``keys``."""
    index = document.word_index
    words = document.words
    hits = keys & index.keys() if len(keys) < len(index) else index.keys() & keys
    for key in hits:
        for number in index[key]:
            start, end = words[number]
            yield key, start, end


def in_scope(document: Document, scope: str, start: int) -> bool:
    if scope in ("text", "document", "sentence"):
        return True
    block = document.block_at(start)
    if block is None:
        return False
    is_heading = document.blocks[block].kind == HEADING
    return is_heading if scope == "heading" else not is_heading


_GAP_RE = re.compile(GAP)


class PhraseIndex:
    """Literal multi-word phrases found without a regular expression.

    The first word of each phrase is looked up in the document's word index;
    the following words must be the next words of the same block, separated by
    one space or one line break. Nothing is compiled, so a pack of hundreds of
    phrases costs nothing at start-up, and matching costs grow with the
    distinct words of an article.
    """

    __slots__ = ("_by_first",)

    def __init__(self, phrases: Iterable[tuple[str, Any]]) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for phrase, payload in phrases:
            words = tuple(word.casefold() for word in phrase.split())
            if words:
                by_first.setdefault(words[0], []).append((words[1:], payload))
        # Longer phrases first, so the longest match at a place wins.
        for entries in by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        self._by_first = by_first

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, document: Document) -> Iterator[tuple[int, int, Any]]:
        index = document.word_index
        words = document.words
        source, prose = document.source, document.prose
        count = len(words)
        firsts = self._by_first.keys() & index.keys()
        for first in firsts:
            for number in index[first]:
                start, end = words[number]
                block = None
                for rest, payload in self._by_first[first]:
                    if number + len(rest) >= count:
                        continue
                    position = end
                    matched = True
                    for offset, expected in enumerate(rest, start=1):
                        word_start, word_end = words[number + offset]
                        if not _GAP_RE.fullmatch(prose, position, word_start):
                            matched = False
                            break
                        if source[word_start:word_end].casefold() != expected:
                            matched = False
                            break
                        position = word_end
                    if not matched:
                        continue
                    if block is None:
                        block = document.block_at(start)
                    if block is None or position > document.blocks[block].end:
                        continue
                    yield start, position, payload
                    break
