"""What a run hands to a formatter: files, diagnostics, and the metadata of the
rules that reported (for formats that describe their rules, such as SARIF)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping

from heellint.core.diagnostic import Diagnostic
from heellint.core.rule import RuleMeta


@dataclass(slots=True)
class FileResult:
    path: str
    lang: str | None
    lang_source: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source_text: str | None = None  # decoded text, for formats that quote lines
    fixed: int = 0  # fixes applied (with --fix)


@dataclass(slots=True)
class RunReport:
    version: str
    files: list[FileResult]
    metas: Mapping[str, RuleMeta]
    fail_on: str = "warning"
    _sorted: list[Diagnostic] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every file's diagnostics in output order, sorted once: the formatter, the
        summary and the exit code all ask (a report is not changed once made)."""
        if self._sorted is None:
            found = [diagnostic for result in self.files for diagnostic in result.diagnostics]
            found.sort(key=lambda diagnostic: diagnostic.sort_key)
            self._sorted = found
        return self._sorted

    def summary(self) -> dict:
        diagnostics = self.diagnostics
        by_severity = Counter(diagnostic.severity for diagnostic in diagnostics)
        return {
            "files": len(self.files),
            "diagnostics": len(diagnostics),
            "by_severity": {level: by_severity[level] for level in ("error", "warning", "info") if by_severity[level]},
        }
