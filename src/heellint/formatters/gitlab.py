"""``--format gitlab``: GitLab Code Quality (a subset of the Code Climate
issue format), a JSON array read from ``artifacts:reports:codequality``.

Each issue: ``description`` (the message), ``check_name`` (the rule code),
``fingerprint`` (sha256 over path, rule, the flagged line's text, the flagged
text and its occurrence number, so it survives edits elsewhere in the file),
``severity`` (info -> ``info``, warning -> ``minor``, error -> ``major``) and
``location.path`` / ``location.lines.begin`` (and ``end``).
"""

from __future__ import annotations

from typing import Any, Iterator

from heellint.core.report import RunReport
from heellint.formatters._common import fingerprints, posix_path
from heellint.formatters._jsonstream import Streamed, stream_document

SEVERITIES = {"info": "info", "warning": "minor", "error": "major"}


def _issues(report: RunReport) -> Iterator[dict[str, Any]]:
    prints = fingerprints(report)
    for diagnostic in report.diagnostics:
        end_line = diagnostic.end_line
        if diagnostic.end_column == 1 and end_line > diagnostic.line:
            end_line -= 1
        yield {
            "description": diagnostic.message,
            "check_name": diagnostic.rule,
            "fingerprint": prints[id(diagnostic)],
            "severity": SEVERITIES[diagnostic.severity],
            "location": {
                "path": posix_path(diagnostic.path),
                "lines": {"begin": diagnostic.line, "end": end_line},
            },
        }


def stream(report: RunReport, options) -> Iterator[str]:
    """The array in pieces, one issue at a time (what the CLI writes)."""
    return stream_document(Streamed(_issues(report)))


def render(report: RunReport, options) -> str:
    return "".join(stream(report, options))
