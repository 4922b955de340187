"""``--format pretty``: each finding with its source line and a caret underline.

Colour only when asked (a TTY without NO_COLOR); the CLI decides.
"""

from __future__ import annotations

import unicodedata
from typing import Iterator

from heellint.core.diagnostic import Diagnostic
from heellint.core.report import RunReport

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET, _GREEN = "\033[1m", "\033[2m", "\033[0m", "\033[32m"


def _width(text: str) -> int:
    """Display width: wide East Asian characters take two cells, marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _excerpt(lines: list[str] | None, diagnostic: Diagnostic) -> list[str]:
    if lines is None:
        return []
    if not 1 <= diagnostic.line <= len(lines):
        return []
    line_text = lines[diagnostic.line - 1].rstrip("\r").expandtabs(1)
    start = diagnostic.column - 1
    end = diagnostic.end_column - 1 if diagnostic.end_line == diagnostic.line else len(line_text)
    end = max(end, start + 1)
    gutter = str(diagnostic.line)
    return [
        f"{gutter} | {line_text}",
        f"{' ' * len(gutter)} | {' ' * _width(line_text[:start])}{'^' * max(1, _width(line_text[start:end]))}",
    ]


def stream(report: RunReport, options) -> Iterator[str]:
    """One finding at a time (what the CLI writes). Diagnostics come sorted by
    path, so one file's lines are split once and dropped when the next file begins."""
    color = options.color
    diagnostics = report.diagnostics
    sources = {result.path: result.source_text for result in report.files}
    lines_path: str | None = None
    lines: list[str] | None = None
    for diagnostic in diagnostics:
        if diagnostic.path != lines_path:
            lines_path = diagnostic.path
            source = sources.get(lines_path)
            lines = source.split("\n") if source is not None else None
        out: list[str] = []
        severity = diagnostic.severity
        if color:
            head = (
                f"{_BOLD}{diagnostic.path}:{diagnostic.line}:{diagnostic.column}{_RESET}: "
                f"{_COLORS[severity]}{severity}{_RESET} {_BOLD}{diagnostic.rule}{_RESET} "
                f"{diagnostic.message} {_DIM}[{diagnostic.name}]{_RESET}"
            )
        else:
            head = (
                f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: {severity} {diagnostic.rule} "
                f"{diagnostic.message} [{diagnostic.name}]"
            )
        out.append(head)
        for line in _excerpt(lines, diagnostic):
            out.append(f"  {_DIM}{line}{_RESET}" if color else f"  {line}")
        if diagnostic.replacements:
            suggestion = ", ".join(f"'{text}'" for text in diagnostic.replacements[:5])
            fix = ""
            if diagnostic.fix is not None:
                fix = " (fix: --fix)" if diagnostic.fix.applicability == "safe" else " (fix: --unsafe-fixes)"
            label = f"{_GREEN}suggestion{_RESET}" if color else "suggestion"
            out.append(f"  = {label}: {suggestion}{fix}")
        out.append("")
        yield "\n".join(out) + "\n"
    summary = report.summary()
    files = _plural(summary["files"], "file")
    if summary["diagnostics"]:
        parts = ", ".join(f"{count} {level}" for level, count in summary["by_severity"].items())
        yield f"Found {_plural(summary['diagnostics'], 'problem')} ({parts}) in {files}.\n"
    else:
        yield f"All checks passed ({files}).\n"


def render(report: RunReport, options) -> str:
    return "".join(stream(report, options))


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
