"""Which sentence a citation marker covers.

- A marker in a sentence, or right after it (between its end and the next
  sentence, or as the whole of the next "sentence": ``... alene. (1)``), covers
  that sentence. A marker that opens a sentence right after another sentence of
  the same block belongs to the sentence before it (``... alene. (1) Næste ...``).
- A marker later in the same block covers the earlier sentences of that block
  that carry no marker of their own (``LATER``: reported only in strict mode).
- A sentence that ends with a marker and a colon covers the list that follows it
  directly (``INTRO``: "Forskningen viser ... (4):" followed by items).
- Coverage never crosses a heading, and never runs from one list item to another.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from heellint.claims.markers import Marker
from heellint.core.document import HEADING, LIST_ITEM, Document, Sentence

OWN = "own"
LATER = "later"
INTRO = "intro"

_OPENERS = "([<¹²³⁴⁵⁶⁷⁸⁹"
_CLOSING = " \t\r\n\"'”’»)]*_"


@dataclass(frozen=True, slots=True)
class Coverage:
    status: str | None  # OWN | LATER | INTRO | None (uncited)
    markers: tuple[Marker, ...]  # the sentence's own markers (OWN)


# The coverages without markers, shared: building one per sentence was half of ``compute_coverage``.
_UNCITED = Coverage(None, ())
_LATER = Coverage(LATER, ())
_INTRO = Coverage(INTRO, ())


def assign_markers(document: Document, sentences: list[Sentence], markers: list[Marker]) -> dict[int, list[Marker]]:
    """Index into ``sentences`` -> the markers that sentence carries."""
    starts = [sentence.start for sentence in sentences]
    text = document.prose
    assigned: dict[int, list[Marker]] = {}
    for marker in markers:
        position = bisect_left(starts, marker.start + 1) - 1  # last sentence starting at or before the marker
        if position < 0:
            position = 0 if sentences and sentences[0].block == marker.block else -1
            if position < 0:
                continue
        sentence = sentences[position]
        if marker.block is not None and sentence.block != marker.block:
            # The marker sits in a block with no sentence of its own before it: take the
            # block's first sentence if it follows.
            following = position + 1
            if following < len(sentences) and sentences[following].block == marker.block:
                position = following
            else:
                continue
            sentence = sentences[position]
        if marker.start >= sentence.end:
            pass  # in the gap after the sentence: it covers this sentence
        elif (
            position > 0
            and document.source[marker.start:marker.start + 1] in _OPENERS
            and text[sentence.start:marker.start].strip() == ""
        ):
            previous = sentences[position - 1]
            if previous.block == sentence.block:
                position -= 1
        assigned.setdefault(position, []).append(marker)
    # A "sentence" made only of markers (and punctuation) gives them to the sentence before it.
    for position in sorted(assigned):
        if position == 0:
            continue
        sentence = sentences[position]
        previous = sentences[position - 1]
        if previous.block != sentence.block:
            continue
        remainder = list(text[sentence.start:sentence.end])
        for marker in assigned[position]:
            for offset in range(max(marker.start, sentence.start), min(marker.end, sentence.end)):
                remainder[offset - sentence.start] = " "
        if not any(char.isalnum() for char in remainder):
            assigned.setdefault(position - 1, []).extend(assigned.pop(position))
    return assigned


def compute_coverage(
    document: Document, sentences: list[Sentence], assigned: dict[int, list[Marker]]
) -> list[Coverage]:
    """Coverage of every sentence in ``sentences`` (same order)."""
    result: list[Coverage | None] = [None] * len(sentences)
    blocks = document.blocks
    # Own markers and markers later in the same block.
    later_marker = False
    current_block: int | None = None
    for position in range(len(sentences) - 1, -1, -1):
        sentence = sentences[position]
        if sentence.block != current_block:
            current_block, later_marker = sentence.block, False
        own = assigned.get(position)
        if own:
            result[position] = Coverage(OWN, tuple(own))
            later_marker = True
        elif later_marker and blocks[sentence.block].kind != HEADING:
            result[position] = _LATER
        else:
            result[position] = _UNCITED
    # A sentence ending "... (4):" covers the list items right after its block.
    by_block: dict[int, list[int]] = {}
    for position, sentence in enumerate(sentences):
        by_block.setdefault(sentence.block, []).append(position)
    text = document.prose
    for block_index, positions in by_block.items():
        block = blocks[block_index]
        if block.kind == HEADING or block.kind == LIST_ITEM:
            continue
        last = positions[-1]
        if not assigned.get(last):
            continue
        tail = text[sentences[last].start:block.end].rstrip(_CLOSING)
        if not tail.endswith(":"):
            continue
        following = block_index + 1
        while following < len(blocks) and (blocks[following].kind == LIST_ITEM or blocks[following].list_item):
            for position in by_block.get(following, ()):
                if result[position] is not None and result[position].status is None:
                    result[position] = _INTRO
            following += 1
    return [coverage if coverage is not None else _UNCITED for coverage in result]
