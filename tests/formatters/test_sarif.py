"""SARIF: valid against the official 2.1.0 schema, and every region, fix and
fingerprint means what it says."""

from __future__ import annotations

import json
import re

import jsonschema
from heellint.core.spans import LineIndex
from heellint.formatters import RenderOptions
from heellint.formatters import sarif

from formatter_support import DATA

SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$")


def render(report) -> dict:
    return json.loads(sarif.render(report, RenderOptions()))


def validate(document: dict) -> None:
    validator_class = jsonschema.validators.validator_for(SCHEMA)
    validator_class.check_schema(SCHEMA)
    validator = validator_class(SCHEMA, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(error.absolute_path)}: {error.message}" for error in errors[:20])


def offset(text: str, line: int, column: int) -> int:
    return LineIndex(text).line_start(line) + column - 1


def test_schema_is_the_official_one():
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert SCHEMA["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")


def test_valid_against_the_schema(report, clean_report):
    validate(render(report))
    validate(render(clean_report))


def test_run_shape(report):
    document = render(report)
    assert document["version"] == "2.1.0"
    (run,) = document["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"] == [{"executionSuccessful": True}]
    driver = run["tool"]["driver"]
    assert driver["name"] == "heellint"
    codes = [rule["id"] for rule in driver["rules"]]
    assert codes == sorted(set(diagnostic.rule for diagnostic in report.diagnostics))
    assert len(run["results"]) == len(report.diagnostics)
    assert {artifact["location"]["uri"] for artifact in run["artifacts"]} == {
        result.path for result in report.files
    }


def test_rules_are_described_from_their_metadata(report):
    run = render(report)["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    clinic = rules["ZZF101"]
    assert clinic["name"] == "misspelled-clinic"
    assert clinic["shortDescription"]["text"] == "Misspelled clinic"
    assert clinic["fullDescription"]["text"] == "A misspelled word makes a health article look careless."
    assert "Write 'klinikk' with one n." in clinic["help"]["text"]
    assert "**Use instead:** Write 'klinikk' with one n." in clinic["help"]["markdown"]
    assert "Bokmålsordboka (ordbokene.no)" in clinic["help"]["markdown"]
    assert clinic["defaultConfiguration"]["level"] == "warning"
    assert clinic["properties"]["tags"] == ["spelling"]
    heel = rules["ZZF102"]
    assert heel["defaultConfiguration"]["level"] == "error"
    assert heel["properties"]["tags"] == ["spelling", "da", "nb", "nn"]
    assert rules["ZZF103"]["defaultConfiguration"]["level"] == "note"


def test_results_point_at_their_rule_and_the_exact_text(report):
    run = render(report)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    sources = {result.path: result.source_text for result in report.files}
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for result, diagnostic in zip(run["results"], report.diagnostics, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == diagnostic.rule
        assert result["level"] == levels[diagnostic.severity]
        assert result["message"]["text"] == diagnostic.message
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": diagnostic.path, "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        text = sources[diagnostic.path]
        start = offset(text, region["startLine"], region["startColumn"])
        end = offset(text, region["endLine"], region["endColumn"])
        # Columns count code points (columnKind unicodeCodePoints), end exclusive.
        assert (start, end) == (diagnostic.start, diagnostic.end)
        assert region["snippet"]["text"] == text[start:end]


def test_columns_count_code_points_after_astral_characters(report):
    run = render(report)["runs"][0]
    source = next(result.source_text for result in report.files if result.path == "articles/klinikk.nb.md")
    line_five = source.split("\n")[5]
    assert "🦶" not in line_five and "🩺" in line_five
    hits = [
        result for result in run["results"]
        if result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "articles/klinikk.nb.md"
        and result["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
    ]
    after_emoji = [result for result in hits if result["locations"][0]["physicalLocation"]["region"]["startColumn"] > line_five.index("🩺") + 1]
    assert after_emoji, "no finding after the emoji"
    for result in after_emoji:
        region = result["locations"][0]["physicalLocation"]["region"]
        flagged = line_five[region["startColumn"] - 1:region["endColumn"] - 1]
        assert flagged.lower().startswith("klinnikk")


def test_multi_line_region_in_crlf_and_bom_files(report):
    run = render(report)["runs"][0]
    multi = [
        result["locations"][0]["physicalLocation"] for result in run["results"]
        if result["locations"][0]["physicalLocation"]["region"]["endLine"]
        > result["locations"][0]["physicalLocation"]["region"]["startLine"]
    ]
    uris = {location["artifactLocation"]["uri"] for location in multi}
    assert uris == {"articles/bom.da.md", "articles/crlf.nb.md"}
    for location in multi:
        if location["artifactLocation"]["uri"] == "articles/crlf.nb.md":
            assert location["region"]["snippet"]["text"] == "hæl\r\nspore"
        else:
            assert location["region"]["snippet"]["text"] == "hæl\nspore"
            # The byte-order mark is not a character of the text: line 1 starts at column 1.


def test_bom_does_not_shift_columns(report):
    run = render(report)["runs"][0]
    first = [
        result for result in run["results"]
        if result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "articles/bom.da.md"
    ][0]
    assert first["ruleId"] == "ZZF101"
    assert first["locations"][0]["physicalLocation"]["region"]["startColumn"] == 1


def test_fixes_apply_to_what_the_fixer_gives(report):
    run = render(report)["runs"][0]
    sources = {result.path: result.source_text for result in report.files}
    fixed_results = [result for result in run["results"] if "fixes" in result]
    with_fix = [diagnostic for diagnostic in report.diagnostics if diagnostic.fix is not None]
    assert len(fixed_results) == len(with_fix) > 0
    for result, diagnostic in zip(fixed_results, with_fix, strict=True):
        text = sources[diagnostic.path]
        (fix,) = result["fixes"]
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"]["uri"] == diagnostic.path
        applied = text
        for replacement in sorted(
            change["replacements"], key=lambda item: (item["deletedRegion"]["startLine"], item["deletedRegion"]["startColumn"]), reverse=True
        ):
            region = replacement["deletedRegion"]
            start = offset(text, region["startLine"], region["startColumn"])
            end = offset(text, region["endLine"], region["endColumn"])
            applied = applied[:start] + replacement["insertedContent"]["text"] + applied[end:]
        expected = text
        for edit in sorted(diagnostic.fix.edits, key=lambda edit: edit.start, reverse=True):
            expected = expected[:edit.start] + edit.text + expected[edit.end:]
        assert applied == expected
        assert diagnostic.fix.applicability in fix["description"]["text"]
    assert all("fixes" not in result for result in run["results"] if result["ruleId"] == "ZZF104")


def test_fingerprints_are_unique_and_survive_inserted_lines(report, tmp_path):
    run = render(report)["runs"][0]
    prints = [result["partialFingerprints"]["heellint/v1"] for result in run["results"]]
    assert len(set(prints)) == len(prints)
    assert all(re.fullmatch(r"[0-9a-f]{64}", value) for value in prints)

    from heellint.api import Linter
    from heellint.core.config import load_config
    from heellint.core.report import FileResult, RunReport

    from formatter_support import PROJECT

    linter = Linter(load_config(PROJECT / "heellint.yaml"))
    original = (PROJECT / "articles" / "klinikk.nb.md").read_text(encoding="utf-8")
    moved = original.replace("# Når", "Ny innledning.\n\n# Når", 1)

    def prints_for(text: str) -> list[tuple[str, str]]:
        result, _ = linter.lint_document_text("articles/klinikk.nb.md", text)
        one = RunReport("t", [FileResult(result.path, result.lang, result.lang_source, result.diagnostics, text)], report.metas)
        found = render(one)["runs"][0]["results"]
        return [(item["ruleId"], item["partialFingerprints"]["heellint/v1"]) for item in found]

    before, after = prints_for(original), prints_for(moved)
    assert before == after
    # Editing the flagged line itself makes new findings.
    changed = original.replace("klinnikken. 🩺", "klinnikken! 🩺", 1)
    assert prints_for(changed) != before


def test_uris_are_relative_references_with_forward_slashes():
    from heellint.core.diagnostic import Diagnostic
    from heellint.core.report import FileResult, RunReport

    diagnostic = Diagnostic("./docs\\sub dir/ø #1.md", 0, 1, 1, 1, 1, 2, "ZZF101", "misspelled-clinic", "spelling",
                            "warning", "message")
    report = RunReport("t", [FileResult(diagnostic.path, "nb", "path", [diagnostic], "x\n")], {})
    document = render(report)
    validate(document)
    uri = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "docs/sub%20dir/%C3%B8%20%231.md"
    assert URI_REFERENCE.match(uri)
    # A rule the report has no metadata for is still described.
    assert document["runs"][0]["tool"]["driver"]["rules"][0]["id"] == "ZZF101"


def test_every_uri_is_a_uri_reference(report):
    document = render(report)
    for result in document["runs"][0]["results"]:
        assert URI_REFERENCE.match(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
