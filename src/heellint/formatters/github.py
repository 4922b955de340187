"""``--format github``: GitHub Actions workflow commands, one line each.

    ::warning file=a.md,line=3,endLine=3,col=8,endColumn=13,title=TM101%3A misspelled term::message

Severity ``info`` becomes ``notice``. Property values escape ``%``, ``\\r``,
``\\n``, ``:`` and ``,``; the message escapes ``%``, ``\\r`` and ``\\n`` (the
escaping GitHub's runner and ``@actions/core`` use). Columns are given only
when the span starts and ends on one line, as GitHub requires; ``endColumn``
is exclusive, like the contract's. A clean run prints nothing.
"""

from __future__ import annotations

from heellint.core.diagnostic import Diagnostic
from heellint.core.report import RunReport
from heellint.formatters._common import SourceLines, posix_path, sources_of

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(diagnostic: Diagnostic, source: SourceLines | None = None) -> str:
    properties = [("file", posix_path(diagnostic.path)), ("line", str(diagnostic.line))]
    end_line = diagnostic.end_line
    if diagnostic.end_column == 1 and end_line > diagnostic.line:
        end_line -= 1  # the span ends with a line break: it ends on the line before
    properties.append(("endLine", str(end_line)))
    if end_line == diagnostic.line:
        if diagnostic.end_line == diagnostic.line:
            end_column = diagnostic.end_column
        else:  # up to the end of the line
            line_text = source.line(diagnostic.line) if source is not None else None
            end_column = len(line_text) + 1 if line_text is not None else diagnostic.column
        properties.append(("col", str(diagnostic.column)))
        properties.append(("endColumn", str(max(end_column, diagnostic.column))))
    title = f"{diagnostic.rule}: {diagnostic.name.replace('-', ' ')}"
    properties.append(("title", title))
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[diagnostic.severity]} {rendered}::{escape_data(diagnostic.message)}"


def render(report: RunReport, options) -> str:
    sources = sources_of(report)
    lines = [annotation(diagnostic, sources.get(diagnostic.path)) for diagnostic in report.diagnostics]
    return "\n".join(lines) + ("\n" if lines else "")
