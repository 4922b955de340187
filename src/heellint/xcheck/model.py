"""What the checks compare: a source and a target ``Document`` and the pairs of
spans (segments) that translate each other.

For two articles the documents are the parsed files and the segments are their
blocks (or sections, or the whole text; see ``align``). For XLIFF each side is a
*synthetic* document: the texts of every ``<source>`` (or ``<target>``) joined
by blank lines, one block per segment, with a map from each character back to
its place in the XLIFF file (``Mapping``), so a finding lands on the exact
line and column of the target element's text.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from heellint.core.document import Document
from heellint.core.spans import LineIndex

BLOCKS = "blocks"  # the two articles have the same block structure
SECTIONS = "sections"  # the same headings: a heading and the blocks under it
DOCUMENT = "document"  # nothing aligns: the whole text is one segment
XLIFF = "xliff"  # trans-units / segments of an XLIFF file


@dataclass(frozen=True, slots=True)
class Pair:
    """One source segment and the target segment that translates it.

    Spans are (start, end) into the side's document; ``None`` when the side has
    no text (an empty or missing XLIFF target).
    """

    label: str  # "block 3", "unit 'u1' segment '1'"
    source: tuple[int, int] | None
    target: tuple[int, int] | None


@dataclass(slots=True)
class Mapping:
    """Per character of a synthetic document: where it came from in the file."""

    starts: array = field(default_factory=lambda: array("q"))
    ends: array = field(default_factory=lambda: array("q"))

    def extend(self, raw_starts, raw_ends) -> None:
        self.starts.extend(raw_starts)
        self.ends.extend(raw_ends)

    def to_file(self, start: int, end: int) -> tuple[int, int]:
        if not self.starts:
            return 0, 0
        last = len(self.starts) - 1
        if end <= start:
            position = self.starts[min(start, last)]
            return position, position
        return self.starts[min(start, last)], self.ends[min(end - 1, last)]


@dataclass(slots=True)
class Side:
    path: str
    lang: str
    lang_source: str
    document: Document
    mapping: Mapping | None = None  # None: offsets are already file offsets
    file_text: str = ""  # the text of the file (for XLIFF: the XLIFF file)
    _index: LineIndex | None = None

    def to_file(self, start: int, end: int) -> tuple[int, int]:
        if self.mapping is None:
            return start, end
        return self.mapping.to_file(start, end)

    def line_of(self, offset: int) -> int:
        if self._index is None:
            self._index = LineIndex(self.file_text or self.document.source)
        return self._index.position(self.to_file(offset, offset)[0])[0]


@dataclass(slots=True)
class Bundle:
    """Everything one comparison needs."""

    source: Side
    target: Side
    pairs: list[Pair]
    mode: str  # BLOCKS | SECTIONS | DOCUMENT | XLIFF
