"""Applying fixes: edits without overlap, safe ones unless unsafe are allowed.

One pass applies every fix that does not overlap an earlier one (by start
offset, then rule code); the caller re-lints and repeats until nothing changes
(``MAX_PASSES`` bounds a fix that never converges, which the tests treat as a bug).
"""

from __future__ import annotations

from typing import Iterable

from heellint.core.diagnostic import SAFE, Diagnostic
from heellint.core.spans import Edit

MAX_PASSES = 10


def fixable(diagnostic: Diagnostic, unsafe: bool) -> bool:
    fix = diagnostic.fix
    if fix is None or not fix.edits:
        return False
    return fix.applicability == SAFE or unsafe


def choose_edits(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Edit]:
    """The edits of one pass: whole fixes only, none overlapping another."""
    chosen: list[Edit] = []
    taken: list[tuple[int, int]] = []
    candidates = sorted(
        (diagnostic for diagnostic in diagnostics if fixable(diagnostic, unsafe)),
        key=lambda diagnostic: (min(edit.start for edit in diagnostic.fix.edits), diagnostic.rule),
    )
    for diagnostic in candidates:
        edits = diagnostic.fix.edits
        if any(_overlaps(edit, start, end) for edit in edits for start, end in taken):
            continue
        chosen.extend(edits)
        taken.extend((edit.start, edit.end) for edit in edits)
    return sorted(chosen, key=lambda edit: (edit.start, edit.end))


def _overlaps(edit: Edit, start: int, end: int) -> bool:
    if edit.start == edit.end or start == end:  # insertions touch only when at the same place
        return start <= edit.start <= end and (edit.start == start or edit.start < end)
    return edit.start < end and start < edit.end


def apply_edits(text: str, edits: list[Edit]) -> str:
    pieces = []
    position = 0
    for edit in edits:
        pieces.append(text[position:edit.start])
        pieces.append(edit.text)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)
