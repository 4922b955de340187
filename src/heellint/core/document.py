"""The document model every rule reads.

A parser turns source text into a ``Document``. The central idea is the *prose
mask*: ``prose`` has exactly the length of ``source``, with every character that
is not prose (markup, code, HTML, URLs, e-mail addresses, link destinations,
front matter) replaced by a space and every line break kept. Rules search
``prose`` and the offsets they find are offsets into ``source``: nothing is ever
re-found by searching for text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from heellint.core.spans import LineIndex

# Block kinds.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_CELL = "table_cell"

_WORD = re.compile(r"[^\W_](?:[^\W_]|[-'’](?=[^\W_]))*")


@dataclass(frozen=True, slots=True)
class Block:
    """One leaf block of prose: a heading, a paragraph, a list item or a table cell.

    ``start``/``end`` bound its prose in the source. ``level`` is the heading
    level (1-6) or, for list items, the nesting depth (1 = top level).
    ``quote`` is true inside a block quote; ``footnote`` names the footnote
    definition the block belongs to; ``list_number`` is the number of an
    ordered list item; ``list_item`` is true for any block inside a list item
    (a loose item's paragraphs included).
    """

    kind: str
    start: int
    end: int
    level: int = 0
    quote: bool = False
    list_item: bool = False
    list_number: int | None = None
    footnote: str | None = None
    item_id: int | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A link: ``start``/``end`` cover the whole construct, ``text_*`` its text."""

    start: int
    end: int
    text_start: int
    text_end: int
    destination: str


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment (``<!-- ... -->``) with its body stripped of the markers."""

    start: int
    end: int
    body: str


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    block: int  # index into Document.blocks


@dataclass(slots=True)
class Document:
    path: str
    source: str
    prose: str
    syntax: str  # "markdown" | "text"
    blocks: tuple[Block, ...] = ()
    links: tuple[Link, ...] = ()
    comments: tuple[Comment, ...] = ()
    footnote_refs: tuple[FootnoteRef, ...] = ()
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_span: tuple[int, int] | None = None
    lang: str | None = None
    lang_source: str | None = None
    # (text, lang, start, end) -> sentence spans; set by the parse layer.
    sentence_splitter: Callable[[str, str | None, int, int], list[tuple[int, int]]] | None = None
    # Spans of bibliographic text (reference lists, footnote definitions): titles
    # of papers in any language. Only reference, structure and metadata findings
    # are reported there (the engine drops the rest).
    bibliography: tuple[tuple[int, int], ...] = ()
    # Per-document memo for rules that share work (the glossary matcher, ...).
    cache: dict[str, Any] = field(default_factory=dict)
    _line_index: LineIndex | None = None
    _sentences: tuple[Sentence, ...] | None = None
    _words: tuple[tuple[int, int], ...] | None = None
    _word_index: dict[str, list[int]] | None = None

    @property
    def line_index(self) -> LineIndex:
        if self._line_index is None:
            self._line_index = LineIndex(self.source)
        return self._line_index

    def text(self, start: int, end: int) -> str:
        return self.source[start:end]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Sentences of every block, in source order (computed once)."""
        if self._sentences is None:
            split_sentences = self.sentence_splitter or _whole_block
            found: list[Sentence] = []
            for index, block in enumerate(self.blocks):
                if block.kind == HEADING:
                    stripped = _strip_span(self.prose, block.start, block.end)
                    if stripped:
                        found.append(Sentence(stripped[0], stripped[1], index))
                    continue
                for start, end in split_sentences(self.prose, self.lang, block.start, block.end):
                    found.append(Sentence(start, end, index))
            self._sentences = tuple(found)
        return self._sentences

    @property
    def words(self) -> tuple[tuple[int, int], ...]:
        """Every word of the prose as (start, end), in order (computed once).

        A word is a run of letters and digits that starts with a letter or a
        digit, with internal hyphens and apostrophes ("hæl-spore").
        """
        if self._words is None:
            self._scan_words()
        return self._words  # type: ignore[return-value]

    @property
    def word_index(self) -> dict[str, list[int]]:
        """Case-folded word -> indexes into ``words``. Rules intersect their
        vocabulary with its keys, so the cost grows with distinct words."""
        if self._word_index is None:
            self._scan_words()
        return self._word_index  # type: ignore[return-value]

    def _scan_words(self) -> None:
        """``words`` and ``word_index`` in one pass over the prose (nearly every
        run needs both). A word's text in ``prose`` is its text in ``source``:
        masked characters are spaces, which no word contains."""
        prose = self.prose
        finditer = _WORD.finditer
        spans: list[tuple[int, int]] = []
        append = spans.append
        index: dict[str, list[int]] = {}
        get = index.get
        number = 0
        for block in self.blocks:
            for match in finditer(prose, block.start, block.end):
                append(match.span())
                key = match.group().casefold()
                numbers = get(key)
                if numbers is None:
                    index[key] = [number]
                else:
                    numbers.append(number)
                number += 1
        self._words = tuple(spans)
        self._word_index = index

    def block_at(self, offset: int) -> int | None:
        """Index of the block containing ``offset`` (binary search)."""
        blocks = self.blocks
        low, high = 0, len(blocks)
        while low < high:
            middle = (low + high) // 2
            if blocks[middle].end <= offset:
                low = middle + 1
            else:
                high = middle
        if low < len(blocks) and blocks[low].start <= offset < blocks[low].end:
            return low
        return None


def _strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _whole_block(text: str, lang: str | None, start: int, end: int) -> list[tuple[int, int]]:
    stripped = _strip_span(text, start, end)
    return [stripped] if stripped else []
