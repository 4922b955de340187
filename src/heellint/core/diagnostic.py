"""What rules yield (``Finding``) and what the engine hands to formatters
(``Diagnostic``). Formatters know nothing of rules beyond a Diagnostic."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from heellint.core.spans import Edit

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
CATEGORIES = (
    "spelling",
    "terminology",
    "consistency",
    "claim",
    "reference",
    "grammar",
    "style",
    "structure",
    "metadata",
    "readability",
    "translation",
)
SAFE = "safe"
UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Fix:
    applicability: str  # "safe" | "unsafe"
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """A span a rule objects to. The engine stamps code, severity and position.

    When ``applicability`` is set and ``edits`` is empty, the fix replaces the
    span with ``replacements[0]``. ``code`` lets one checker report under a
    sibling code it also registered; ``data`` carries explanation details
    (claim cues and score, the majority form, ...) into the JSON output.
    """

    start: int
    end: int
    message: str
    replacements: tuple[str, ...] = ()
    applicability: str | None = None
    edits: tuple[Edit, ...] = ()
    code: str | None = None
    severity: str | None = None
    data: Mapping[str, Any] | None = None

    def fix(self) -> Fix | None:
        if self.applicability is None:
            return None
        if self.edits:
            return Fix(self.applicability, self.edits)
        if not self.replacements:
            return None
        return Fix(self.applicability, (Edit(self.start, self.end, self.replacements[0]),))


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    severity: str
    message: str
    replacements: tuple[str, ...] = ()
    fix: Fix | None = None
    data: Mapping[str, Any] | None = field(default=None)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column, self.message)
