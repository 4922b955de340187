"""``--format json``: one object, exactly as the contract fixes it."""

from __future__ import annotations

import json
from typing import Any

from heellint.core.diagnostic import Diagnostic
from heellint.core.report import RunReport


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


def report_object(report: RunReport) -> dict[str, Any]:
    return {
        "version": report.version,
        "files": [
            {"path": result.path, "lang": result.lang, "lang_source": result.lang_source} for result in report.files
        ],
        "diagnostics": [diagnostic_object(diagnostic) for diagnostic in report.diagnostics],
        "summary": report.summary(),
    }


def render(report: RunReport, options) -> str:
    return json.dumps(report_object(report), ensure_ascii=False, indent=2, default=str) + "\n"
