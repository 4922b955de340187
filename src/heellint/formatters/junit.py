"""``--format junit``: JUnit XML (GitLab test reports, Jenkins, Azure Pipelines).

One ``<testsuite>`` per linted file (``name`` is the path). Each diagnostic is
a ``<testcase>`` (``classname="heellint.CODE"``, ``name="path:line:col CODE"``);
one at or above ``--fail-on`` carries a ``<failure>`` whose ``type`` is its
severity, one below it passes and carries its text in ``<system-out>`` (so the
report fails exactly when the exit code does). A file with no diagnostics gets
one passing testcase, so a clean run still lists every file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from heellint.core.diagnostic import Diagnostic
from heellint.core.report import RunReport
from heellint.formatters._common import fails, xml_text

DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _line(diagnostic: Diagnostic) -> str:
    return f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: {diagnostic.rule} {diagnostic.message}"


def render(report: RunReport, options) -> str:
    by_path: dict[str, list[Diagnostic]] = {result.path: [] for result in report.files}
    for diagnostic in report.diagnostics:
        by_path.setdefault(diagnostic.path, []).append(diagnostic)
    root = ElementTree.Element("testsuites", {"name": "heellint"})
    total_tests = total_failures = 0
    for path in sorted(by_path):
        diagnostics = by_path[path]
        suite = ElementTree.SubElement(root, "testsuite", {"name": xml_text(path)})
        failures = 0
        if not diagnostics:
            ElementTree.SubElement(
                suite, "testcase", {"classname": "heellint", "name": xml_text(path), "file": xml_text(path), "time": "0"}
            )
        for diagnostic in diagnostics:
            case = ElementTree.SubElement(
                suite,
                "testcase",
                {
                    "classname": f"heellint.{diagnostic.rule}",
                    "name": xml_text(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column} {diagnostic.rule}"),
                    "file": xml_text(diagnostic.path),
                    "line": str(diagnostic.line),
                    "time": "0",
                },
            )
            if fails(diagnostic.severity, report.fail_on):
                failures += 1
                failure = ElementTree.SubElement(
                    case, "failure", {"message": xml_text(diagnostic.message), "type": diagnostic.severity}
                )
                failure.text = xml_text(_line(diagnostic))
            else:
                output = ElementTree.SubElement(case, "system-out")
                output.text = xml_text(f"{diagnostic.severity}: {_line(diagnostic)}")
        tests = max(1, len(diagnostics))
        suite.attrib.update(
            {"tests": str(tests), "failures": str(failures), "errors": "0", "skipped": "0", "time": "0"}
        )
        total_tests += tests
        total_failures += failures
    root.attrib.update({"tests": str(total_tests), "failures": str(total_failures), "errors": "0", "time": "0"})
    ElementTree.indent(root, "  ")
    # A raw carriage return can only come from text content (attributes are
    # escaped); written as a reference, it survives XML's line-end normalisation.
    return DECLARATION + ElementTree.tostring(root, encoding="unicode").replace("\r", "&#13;") + "\n"
