"""``--format json``: one object, exactly as the contract fixes it."""

from __future__ import annotations

from typing import Any, Iterator

from heellint.core.diagnostic import Diagnostic
from heellint.core.report import RunReport
from heellint.formatters._jsonstream import Streamed, stream_document


def diagnostic_object(diagnostic: Diagnostic) -> dict[str, Any]:
    item: dict[str, Any] = {
        "path": diagnostic.path,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "end_line": diagnostic.end_line,
        "end_column": diagnostic.end_column,
        "rule": diagnostic.rule,
        "name": diagnostic.name,
        "category": diagnostic.category,
        "severity": diagnostic.severity,
        "message": diagnostic.message,
        "replacements": list(diagnostic.replacements),
        "fix": {"applicability": diagnostic.fix.applicability} if diagnostic.fix else None,
    }
    if diagnostic.data:
        item["data"] = dict(diagnostic.data)
    return item


def report_object(report: RunReport, lazy: bool = False) -> dict[str, Any]:
    """The contract's JSON object; with ``lazy`` the diagnostics are made as they are written."""
    diagnostics = report.diagnostics
    items = (diagnostic_object(diagnostic) for diagnostic in diagnostics)
    return {
        "version": report.version,
        "files": [
            {"path": result.path, "lang": result.lang, "lang_source": result.lang_source} for result in report.files
        ],
        "diagnostics": Streamed(items) if lazy else list(items),
        "summary": report.summary(),
    }


def stream(report: RunReport, options) -> Iterator[str]:
    """The report in pieces, one diagnostic at a time (what the CLI writes)."""
    return stream_document(report_object(report, lazy=True))


def render(report: RunReport, options) -> str:
    return "".join(stream(report, options))
