"""``--format rdjsonl``: reviewdog diagnostic format, one JSON object per line
(``reviewdog -f=rdjsonl``).

Positions follow reviewdog's rdf: 1-based lines, 1-based columns counted in
UTF-8 bytes, exclusive end. ``severity`` is ``ERROR|WARNING|INFO``; ``source``
names heellint; ``code.value`` is the rule code. ``suggestions`` are the fix's
edits when the diagnostic has a fix, otherwise one suggestion per
replacement over the flagged span (reviewdog shows them as suggested changes).
"""

from __future__ import annotations

import json
from typing import Any

from heellint.core.diagnostic import Diagnostic
from heellint.core.report import RunReport
from heellint.formatters._common import SourceLines, edit_positions, fix_edits, posix_path, sources_of

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _range(source: SourceLines, line: int, column: int, end_line: int, end_column: int) -> dict[str, Any]:
    return {
        "start": {"line": line, "column": source.utf8_column(line, column)},
        "end": {"line": end_line, "column": source.utf8_column(end_line, end_column)},
    }


def diagnostic_object(diagnostic: Diagnostic, source: SourceLines) -> dict[str, Any]:
    span = _range(source, diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column)
    item: dict[str, Any] = {
        "message": diagnostic.message,
        "location": {"path": posix_path(diagnostic.path), "range": span},
        "severity": SEVERITIES[diagnostic.severity],
        "source": {"name": "heellint"},
        "code": {"value": diagnostic.rule},
    }
    edits = fix_edits(diagnostic)
    if edits:
        item["suggestions"] = [
            {"range": _range(source, *edit_positions(diagnostic, source, edit)), "text": edit.text} for edit in edits
        ]
    elif diagnostic.replacements:
        item["suggestions"] = [{"range": span, "text": text} for text in diagnostic.replacements]
    return item


def render(report: RunReport, options) -> str:
    sources = sources_of(report)
    lines = [
        json.dumps(diagnostic_object(diagnostic, sources.get(diagnostic.path) or SourceLines(None)), ensure_ascii=False)
        for diagnostic in report.diagnostics
    ]
    return "\n".join(lines) + ("\n" if lines else "")
