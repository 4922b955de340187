"""Inline suppressions in Markdown comments.

``<!-- heellint-disable CODE[, CODE ...] -->`` ... ``<!-- heellint-enable [CODE ...] -->``
silence codes (or code prefixes; no code = every rule) in a region;
``<!-- heellint-disable-next-line CODE -->`` silences the next non-blank line;
``<!-- heellint-disable-line CODE -->`` the line the comment is on. A
suppression that silences nothing is itself reported (HL010, info).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from heellint.core.document import Document

_DIRECTIVE = re.compile(
    r"^heellint-(disable-next-line|disable-line|disable|enable)\b[ \t:]*([A-Za-z0-9, \t]*?)\s*(?:--.*)?$", re.DOTALL
)


@dataclass(slots=True)
class Suppression:
    start: int  # region start offset (inclusive)
    end: int  # region end offset (exclusive)
    codes: tuple[str, ...] | None  # None: every rule
    comment_start: int
    comment_end: int
    used: bool = False
    problems: list[str] = field(default_factory=list)

    def covers(self, code: str, offset: int) -> bool:
        if not self.start <= offset < self.end:
            return False
        return self.codes is None or any(code.startswith(prefix) for prefix in self.codes)


def _codes(text: str) -> tuple[str, ...] | None:
    codes = tuple(code.strip().upper() for code in re.split(r"[,\s]+", text) if code.strip())
    return codes or None


def find_suppressions(document: Document) -> list[Suppression]:
    found: list[Suppression] = []
    open_regions: list[tuple[int, tuple[str, ...] | None, int, int]] = []
    source = document.source
    index = document.line_index
    for comment in document.comments:
        match = _DIRECTIVE.match(comment.body)
        if not match:
            continue
        action, codes = match.group(1), _codes(match.group(2))
        if action == "disable":
            open_regions.append((comment.end, codes, comment.start, comment.end))
        elif action == "enable":
            remaining = []
            for region_start, region_codes, comment_start, comment_end in open_regions:
                closes = codes is None or region_codes is None or set(region_codes) <= set(codes)
                if closes:
                    found.append(Suppression(region_start, comment.start, region_codes, comment_start, comment_end))
                else:
                    remaining.append((region_start, region_codes, comment_start, comment_end))
            open_regions = remaining
        elif action == "disable-line":
            line, _ = index.position(comment.start)
            start = index.line_start(line)
            end = index.line_end(line, source)
            found.append(Suppression(start, max(end, comment.end), codes, comment.start, comment.end))
        else:  # disable-next-line
            line, _ = index.position(comment.end)
            target = line + 1
            while target <= index.line_count:
                start = index.line_start(target)
                end = index.line_end(target, source)
                if source[start:end].strip():
                    break
                target += 1
            if target <= index.line_count:
                start = index.line_start(target)
                found.append(Suppression(start, index.line_end(target, source) + 1, codes, comment.start, comment.end))
            else:
                found.append(Suppression(comment.end, comment.end, codes, comment.start, comment.end))
    for region_start, region_codes, comment_start, comment_end in open_regions:
        found.append(Suppression(region_start, len(source) + 1, region_codes, comment_start, comment_end))
    return found
