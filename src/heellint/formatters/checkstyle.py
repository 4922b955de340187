"""``--format checkstyle``: Checkstyle XML (Jenkins warnings-ng, reviewdog
``-f=checkstyle``, many code-review tools).

One ``<file>`` per linted file (empty for clean files), one ``<error>`` per
diagnostic with 1-based ``line`` and ``column`` (code points), ``severity``
``error|warning|info`` and ``source="heellint.CODE"``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from heellint.core.report import RunReport
from heellint.formatters._common import xml_text

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def render(report: RunReport, options) -> str:
    root = ElementTree.Element("checkstyle", {"version": "4.3"})
    by_path: dict[str, list] = {result.path: [] for result in report.files}
    for diagnostic in report.diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    for path in sorted(by_path):
        element = ElementTree.SubElement(root, "file", {"name": xml_text(path)})
        for diagnostic in by_path[path]:
            ElementTree.SubElement(
                element,
                "error",
                {
                    "line": str(diagnostic.line),
                    "column": str(diagnostic.column),
                    "severity": diagnostic.severity,
                    "message": xml_text(diagnostic.message),
                    "source": f"heellint.{diagnostic.rule}",
                },
            )
    ElementTree.indent(root, "  ")
    return DECLARATION + ElementTree.tostring(root, encoding="unicode") + "\n"
