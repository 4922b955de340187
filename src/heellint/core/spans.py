"""Offsets are the truth: 0-based, half-open spans into the decoded source.

Lines and columns are presentation. ``LineIndex`` converts an offset into a
1-based (line, column) pair where the column counts Unicode code points, as the
contract asks. A CRLF line ending belongs to the line it ends, so a ``\\r``
never shifts a column.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_NEWLINE = re.compile("\n")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``source[start:end]`` with ``text``."""

    start: int
    end: int
    text: str


class LineIndex:
    """Maps offsets to 1-based (line, column) in one pass over the text."""

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        starts = [0]
        starts.extend(match.end() for match in _NEWLINE.finditer(text))
        self._starts = starts
        self._length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._length))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]

    def line_end(self, line: int, text: str) -> int:
        """Offset just past the last character of ``line``, line ending excluded."""
        index = max(0, min(line - 1, len(self._starts) - 1))
        end = self._starts[index + 1] - 1 if index + 1 < len(self._starts) else self._length
        if end > self._starts[index] and end - 1 < len(text) and text[end - 1] == "\r":
            end -= 1
        return end

    @property
    def line_count(self) -> int:
        return len(self._starts)
