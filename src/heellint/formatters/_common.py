"""Helpers shared by the CI formats: paths as URIs, line text, fingerprints,
positions of fix edits and text that is safe to put in XML.

Everything here works from the ``RunReport`` alone (principle 8: formatters see
only Diagnostic, FileResult and RuleMeta).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path, PureWindowsPath
from urllib.parse import quote

from heellint.core.diagnostic import SEVERITY_RANK, Diagnostic
from heellint.core.report import RunReport
from heellint.core.spans import Edit, LineIndex

# Characters XML 1.0 cannot carry at all (even escaped).
_XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids shown as ``\\uXXXX``."""
    return _XML_INVALID.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def posix_path(path: str) -> str:
    """``path`` with forward slashes and no leading ``./``."""
    if "\\" in path and not path.startswith("/"):
        path = PureWindowsPath(path).as_posix()
    while path.startswith("./"):
        path = path[2:]
    return path or "."


def relative_uri(path: str) -> tuple[str, bool]:
    """A URI reference for ``path`` and whether it is relative to ``%SRCROOT%``.

    Relative paths stay relative (forward slashes, percent-encoded); absolute
    paths under the working directory become relative to it; other absolute
    paths become ``file://`` URIs.
    """
    native = Path(path)
    if native.is_absolute():
        try:
            relative = native.resolve().relative_to(Path(os.getcwd()).resolve())
        except (ValueError, OSError):
            return native.as_uri(), False
        path = relative.as_posix()
    return quote(posix_path(path), safe="/-._~!$&'()*+,;=@"), True


class SourceLines:
    """Line access for one file's decoded text (``None`` when it is unknown)."""

    __slots__ = ("text", "lines", "_index")

    def __init__(self, text: str | None) -> None:
        self.text = text
        self.lines = text.split("\n") if text is not None else []
        self._index: LineIndex | None = None

    def line(self, number: int) -> str | None:
        """1-based line ``number`` without its line ending."""
        if not 1 <= number <= len(self.lines):
            return None
        return self.lines[number - 1].removesuffix("\r")

    def position(self, offset: int) -> tuple[int, int]:
        if self._index is None:
            self._index = LineIndex(self.text or "")
        return self._index.position(offset)

    def utf8_column(self, line: int, column: int) -> int:
        """The 1-based UTF-8 byte column of code-point ``column`` on ``line``."""
        text = self.line(line)
        if text is None:
            return column
        prefix = text[: column - 1]
        return len(prefix.encode("utf-8", "surrogatepass")) + 1 + max(0, column - 1 - len(prefix))


def sources_of(report: RunReport) -> dict[str, SourceLines]:
    return {result.path: SourceLines(result.source_text) for result in report.files}


def edit_positions(diagnostic: Diagnostic, source: SourceLines, edit: Edit) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column) of ``edit``, in code points."""
    if edit.start == diagnostic.start and edit.end == diagnostic.end:
        return diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column
    if source.text is None:
        return diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column
    line, column = source.position(edit.start)
    end_line, end_column = source.position(edit.end)
    return line, column, end_line, end_column


def fix_edits(diagnostic: Diagnostic) -> tuple[Edit, ...]:
    return diagnostic.fix.edits if diagnostic.fix is not None else ()


def fingerprints(report: RunReport) -> dict[int, str]:
    """A stable fingerprint for every diagnostic, keyed by ``id(diagnostic)``.

    sha256 over the path, the rule, the text of the flagged line (whitespace
    collapsed), the flagged text and the occurrence number of that combination
    in the file. Moving a finding to another line, or editing other lines,
    keeps its fingerprint; changing the line itself makes it a new finding.
    """
    sources = sources_of(report)
    seen: dict[tuple, int] = {}
    found: dict[int, str] = {}
    for diagnostic in report.diagnostics:
        source = sources.get(diagnostic.path) or SourceLines(None)
        line_text = source.line(diagnostic.line)
        if line_text is None:
            line_text = diagnostic.message
            flagged = ""
        else:
            flagged = source.text[diagnostic.start:diagnostic.end] if source.text is not None else ""
        normalized = " ".join(line_text.split())
        key = (posix_path(diagnostic.path), diagnostic.rule, normalized, flagged)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        material = "\0".join((*key, str(occurrence)))
        found[id(diagnostic)] = hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()
    return found


def fails(severity: str, fail_on: str) -> bool:
    """Whether a finding of ``severity`` fails a run with ``--fail-on fail_on``."""
    if fail_on not in SEVERITY_RANK:  # "never"
        return False
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[fail_on]


def title_case_name(name: str) -> str:
    """``misspelled-term`` -> ``Misspelled term``."""
    words = name.replace("-", " ").strip()
    return words[:1].upper() + words[1:]


__all__ = [
    "SourceLines",
    "edit_positions",
    "fails",
    "fingerprints",
    "fix_edits",
    "posix_path",
    "relative_uri",
    "sources_of",
    "title_case_name",
    "xml_text",
]
