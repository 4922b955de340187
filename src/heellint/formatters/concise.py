"""``--format concise``: ``path:line:col: CODE message``, one line each."""

from __future__ import annotations

from heellint.core.report import RunReport


def render(report: RunReport, options) -> str:
    lines = [
        f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: {diagnostic.rule} {diagnostic.message}"
        for diagnostic in report.diagnostics
    ]
    return "\n".join(lines) + ("\n" if lines else "")
