"""GitHub annotations, JUnit, Checkstyle, GitLab Code Quality and reviewdog
rdjsonl: parsed back and checked against the diagnostics they carry."""

from __future__ import annotations

import dataclasses
import json
import re
from urllib.parse import unquote

import defusedxml.ElementTree as SafeElementTree

from heellint.core.diagnostic import Diagnostic, Fix
from heellint.core.report import FileResult, RunReport
from heellint.core.spans import Edit
from heellint.formatters import RenderOptions, get_renderer
from heellint.formatters.github import annotation, escape_data, escape_property

from formatter_support import PROJECT, build_report

OPTIONS = RenderOptions()


def rendered(name: str, report: RunReport) -> str:
    return get_renderer(name)(report, OPTIONS)


def synthetic(message: str, path: str = "a.md", severity: str = "warning", **positions) -> Diagnostic:
    values = {"start": 0, "end": 1, "line": 1, "column": 1, "end_line": 1, "end_column": 2}
    values.update(positions)
    return Diagnostic(path=path, rule="ZZF101", name="misspelled-clinic", category="spelling", severity=severity,
                      message=message, **values)


# ------------------------------------------------------------------ GitHub

ANNOTATION = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def parse_annotation(line: str) -> tuple[str, dict[str, str], str]:
    match = ANNOTATION.match(line)
    assert match, line
    properties = {}
    for item in match.group(2).split(","):
        key, _, value = item.partition("=")
        properties[key] = unquote(value)
    return match.group(1), properties, unquote(match.group(3))


def test_github_escaping():
    assert escape_data("50 % of\r\nall: a, b") == "50 %25 of%0D%0Aall: a, b"
    assert escape_property("a:b,c%d\r\ne") == "a%3Ab%2Cc%25d%0D%0Ae"


def test_github_annotation_shape_matches_the_example():
    diagnostic = synthetic("Nynorsk form 'ikkje' in a Bokmål article; use 'ikke'.", path="articles/diabetes.md",
                           line=3, column=8, end_line=3, end_column=13)
    diagnostic = dataclasses.replace(diagnostic, rule="HL001", name="mixed-written-standard")
    assert annotation(diagnostic) == (
        "::warning file=articles/diabetes.md,line=3,endLine=3,col=8,endColumn=13,"
        "title=HL001%3A mixed written standard::Nynorsk form 'ikkje' in a Bokmål article; use 'ikke'."
    )


def test_github_escapes_hostile_paths_and_messages():
    diagnostic = synthetic("line one\nline two: 100 %, done", path="dir,with:odd%name.md", severity="info")
    line = annotation(diagnostic)
    assert "\n" not in line and "\r" not in line
    command, properties, message = parse_annotation(line)
    assert command == "notice"
    assert properties["file"] == "dir,with:odd%name.md"
    assert properties["title"] == "ZZF101: misspelled clinic"
    assert message == "line one\nline two: 100 %, done"


def test_github_multi_line_span_has_no_columns(report):
    lines = rendered("github", report).splitlines()
    assert len(lines) == len(report.diagnostics)
    for line, diagnostic in zip(lines, report.diagnostics, strict=True):
        command, properties, message = parse_annotation(line)
        assert command == {"error": "error", "warning": "warning", "info": "notice"}[diagnostic.severity]
        assert properties["file"] == diagnostic.path
        assert message == diagnostic.message
        assert properties["line"] == str(diagnostic.line)
        if diagnostic.end_line > diagnostic.line:
            assert "col" not in properties and "endColumn" not in properties
            assert properties["endLine"] == str(diagnostic.end_line)
            assert "%0A" in line  # the message quotes the line break
        else:
            assert (properties["col"], properties["endColumn"]) == (str(diagnostic.column), str(diagnostic.end_column))


def test_github_clean_run_prints_nothing(clean_report):
    assert rendered("github", clean_report) == ""


# ------------------------------------------------------------------- JUnit


def test_junit_parses_and_counts(report):
    root = SafeElementTree.fromstring(rendered("junit", report).encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert set(suites) == {result.path for result in report.files}
    failing = [diagnostic for diagnostic in report.diagnostics if diagnostic.severity in ("error", "warning")]
    assert int(root.get("failures")) == len(failing)
    assert int(root.get("tests")) == sum(max(1, len(result.diagnostics)) for result in report.files)
    cases = [case for suite in root.findall("testsuite") for case in suite.findall("testcase") if case.get("classname") != "heellint"]
    assert len(cases) == len(report.diagnostics)
    for case, diagnostic in zip(cases, report.diagnostics, strict=True):
        assert case.get("classname") == f"heellint.{diagnostic.rule}"
        assert case.get("name") == f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column} {diagnostic.rule}"
        failure = case.find("failure")
        if diagnostic.severity == "info":  # below --fail-on warning: passes, text in system-out
            assert failure is None
            assert diagnostic.message in case.find("system-out").text
        else:
            assert failure.get("message") == diagnostic.message  # quotes, '&', '<' survive the round trip
            assert failure.get("type") == diagnostic.severity
            assert failure.text.endswith(diagnostic.message)


def test_junit_clean_file_is_a_passing_testcase(clean_report):
    root = SafeElementTree.fromstring(rendered("junit", clean_report).encode("utf-8"))
    (suite,) = root.findall("testsuite")
    (case,) = suite.findall("testcase")
    assert case.get("name") == "articles/ren.en.md"
    assert list(case) == []
    assert root.get("failures") == "0" and root.get("tests") == "1"


def test_junit_fail_on_info_fails_every_finding():
    report = build_report(["articles"], fail_on="info")
    root = SafeElementTree.fromstring(rendered("junit", report).encode("utf-8"))
    assert int(root.get("failures")) == len(report.diagnostics)


def test_xml_formats_survive_control_characters():
    diagnostic = synthetic("bad \x0b char \x00 and <tag> & \"quote\" 🦶")
    report = RunReport("t", [FileResult("a.md", "nb", "path", [diagnostic], "x")], {})
    for name in ("junit", "checkstyle"):
        root = SafeElementTree.fromstring(rendered(name, report).encode("utf-8"))
        messages = [element.get("message") for element in root.iter() if element.get("message")]
        assert messages == ["bad \\u000b char \\u0000 and <tag> & \"quote\" 🦶"]


# -------------------------------------------------------------- Checkstyle


def test_checkstyle_parses_and_lists_every_file(report):
    text = rendered("checkstyle", report)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">')
    root = SafeElementTree.fromstring(text.encode("utf-8"))
    files = {element.get("name"): element for element in root.findall("file")}
    assert set(files) == {result.path for result in report.files}
    assert files["articles/ren.en.md"].findall("error") == []
    errors = [error for name in sorted(files) for error in files[name].findall("error")]
    assert len(errors) == len(report.diagnostics)
    for error, diagnostic in zip(errors, report.diagnostics, strict=True):
        assert error.get("line") == str(diagnostic.line)
        assert error.get("column") == str(diagnostic.column)
        assert error.get("severity") == diagnostic.severity
        assert error.get("message") == diagnostic.message
        assert error.get("source") == f"heellint.{diagnostic.rule}"


# ------------------------------------------------------------------ GitLab


def test_gitlab_issues(report):
    issues = json.loads(rendered("gitlab", report))
    assert len(issues) == len(report.diagnostics)
    severities = {"info": "info", "warning": "minor", "error": "major"}
    for issue, diagnostic in zip(issues, report.diagnostics, strict=True):
        assert issue["description"] == diagnostic.message
        assert issue["check_name"] == diagnostic.rule
        assert issue["severity"] == severities[diagnostic.severity]
        assert issue["location"]["path"] == diagnostic.path
        assert issue["location"]["lines"]["begin"] == diagnostic.line
        assert issue["location"]["lines"]["end"] >= diagnostic.line
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def test_gitlab_fingerprint_ignores_line_numbers_but_not_content():
    from heellint.api import Linter
    from heellint.core.config import load_config

    linter = Linter(load_config(PROJECT / "heellint.yaml"))
    text = "Gå til klinnikken.\n\nGå til klinnikken.\n"

    def prints(source: str) -> list[str]:
        result, _ = linter.lint_document_text("articles/x.nb.md", source)
        report = RunReport("t", [FileResult(result.path, result.lang, result.lang_source, result.diagnostics, source)], {})
        return [issue["fingerprint"] for issue in json.loads(rendered("gitlab", report))]

    same_line_twice = prints(text)
    assert len(same_line_twice) == 2 and len(set(same_line_twice)) == 2  # occurrence number tells them apart
    assert prints("Innledning.\n\n" + text) == same_line_twice  # moved down: same fingerprints
    assert prints(text.replace("Gå til", "Dra til", 1))[0] != same_line_twice[0]


def test_gitlab_clean_run_is_an_empty_array(clean_report):
    assert json.loads(rendered("gitlab", clean_report)) == []


# ----------------------------------------------------------------- rdjsonl


def utf8_column(line: str, column: int) -> int:
    return len(line[: column - 1].encode("utf-8")) + 1


def test_rdjsonl_lines(report):
    lines = rendered("rdjsonl", report).splitlines()
    assert len(lines) == len(report.diagnostics)
    sources = {result.path: result.source_text.split("\n") for result in report.files}
    for line, diagnostic in zip(lines, report.diagnostics, strict=True):
        item = json.loads(line)
        assert item["message"] == diagnostic.message
        assert item["severity"] == diagnostic.severity.upper()
        assert item["source"]["name"] == "heellint"
        assert item["code"]["value"] == diagnostic.rule
        assert item["location"]["path"] == diagnostic.path
        text_lines = sources[diagnostic.path]
        start, end = item["location"]["range"]["start"], item["location"]["range"]["end"]
        assert start == {"line": diagnostic.line, "column": utf8_column(text_lines[diagnostic.line - 1], diagnostic.column)}
        assert end == {"line": diagnostic.end_line, "column": utf8_column(text_lines[diagnostic.end_line - 1], diagnostic.end_column)}
        if diagnostic.fix is not None:
            assert [suggestion["text"] for suggestion in item["suggestions"]] == [edit.text for edit in diagnostic.fix.edits]
        elif diagnostic.replacements:
            assert [suggestion["text"] for suggestion in item["suggestions"]] == list(diagnostic.replacements)
            assert all(suggestion["range"] == item["location"]["range"] for suggestion in item["suggestions"])
        else:
            assert "suggestions" not in item


def test_rdjsonl_columns_are_utf8_bytes():
    # The example in the guide: 'ikkje' after "Du bør " starts at byte column 9.
    text = "x\n\nDu bør ikkje ta meir.\n"
    start = text.index("ikkje")
    diagnostic = Diagnostic("articles/diabetes.md", start, start + 5, 3, 8, 3, 13, "HL001", "mixed-written-standard",
                            "consistency", "warning", "m", ("ikke",), Fix("safe", (Edit(start, start + 5, "ikke"),)))
    report = RunReport("t", [FileResult(diagnostic.path, "nb", "path", [diagnostic], text)], {})
    item = json.loads(rendered("rdjsonl", report))
    assert item["location"]["range"] == {"start": {"line": 3, "column": 9}, "end": {"line": 3, "column": 14}}
    assert item["suggestions"] == [{"range": item["location"]["range"], "text": "ikke"}]


def test_rdjsonl_clean_run_is_empty(clean_report):
    assert rendered("rdjsonl", clean_report) == ""
