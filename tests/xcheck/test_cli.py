"""`heellint xcheck` end to end through the real console script."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from heellint.formatters import FORMATS
from tests.conftest import run_cli

DATA = Path(__file__).parent / "data"


@pytest.fixture
def project(tmp_path):
    """A copy of the test project (its heellint.yaml points at the test glossary)."""
    target = tmp_path / "project"
    shutil.copytree(DATA / "project", target)
    shutil.copytree(DATA / "xliff", target / "xliff")
    return target


def xcheck(project, *args, input=None):
    return run_cli("xcheck", *args, cwd=project, input=input)


def xcheck_json(project, *args, input=None):
    result = xcheck(project, "--format", "json", *args, input=input)
    return result, (json.loads(result.stdout) if result.stdout.strip() else None)


def test_json_contract(project):
    result, data = xcheck_json(project, "faulty/achilles.en.md", "faulty/achilles.nb.md")
    assert result.returncode == 1, result.stderr
    assert data["files"] == [
        {"path": "faulty/achilles.en.md", "lang": "en", "lang_source": "path"},
        {"path": "faulty/achilles.nb.md", "lang": "nb", "lang_source": "path"},
    ]
    first = data["diagnostics"][0]
    assert first == {
        "path": "faulty/achilles.nb.md", "line": 3, "column": 1, "end_line": 3, "end_column": 17,
        "rule": "XL102", "name": "deprecated-target-term", "category": "translation", "severity": "warning",
        "message": "'Akillestendinitt' is a superseded Bokmål term for 'Achilles tendinopathy' (source line 3); "
                   "use 'Akillestendinopati'",
        "replacements": ["Akillestendinopati"], "fix": None,
        "data": {"concept": "achilles-tendinopathy", "source_term": "Achilles tendinopathy", "source_line": 3,
                 "segment": "block 2", "status": "superseded"},
    }
    assert [d["rule"] for d in data["diagnostics"]] == ["XL102", "XL102", "XL104", "XL103", "XL107"]
    assert {d["category"] for d in data["diagnostics"]} == {"translation"}
    assert data["summary"] == {"files": 2, "diagnostics": 5, "by_severity": {"warning": 5}}


def test_clean_pair_exits_zero(project):
    result = xcheck(project, "clean/hælspore.nb.md", "clean/hælspore.da.md")
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""


def test_fail_on_and_info_severity(project):
    # faulty nb->da has warnings and one info (XL106).
    assert xcheck(project, "faulty/heel.nb.md", "faulty/heel.da.md", "--fail-on", "error").returncode == 0
    assert xcheck(project, "faulty/heel.nb.md", "faulty/heel.da.md", "--select", "XL106").returncode == 0
    assert xcheck(project, "faulty/heel.nb.md", "faulty/heel.da.md", "--select", "XL106",
                  "--fail-on", "info").returncode == 1
    assert xcheck(project, "faulty/heel.nb.md", "faulty/heel.da.md", "--fail-on", "never").returncode == 0


def test_select_and_ignore(project):
    _, data = xcheck_json(project, "faulty/heel.nb.md", "faulty/heel.da.md", "--select", "XL104,XL105")
    assert sorted({d["rule"] for d in data["diagnostics"]}) == ["XL104", "XL105"]
    result, data = xcheck_json(project, "faulty/heel.nb.md", "faulty/heel.da.md", "--ignore", "XL1")
    assert data["diagnostics"] == [] and result.returncode == 0


def test_config_select_ignore_severity_and_overrides(project):
    config = project / "heellint.yaml"
    config.write_text(
        "glossary: [glossary.yaml]\n"
        "select: [TM]\n"  # about `check`: does not silence xcheck
        "ignore: [XL105]\n"
        "severity: {XL104: error}\n"
        "overrides:\n"
        "  - files: ['faulty/*.da.md']\n"
        "    ignore: [XL106]\n",
        encoding="utf-8",
    )
    _, data = xcheck_json(project, "faulty/heel.nb.md", "faulty/heel.da.md")
    rules = [(d["rule"], d["severity"]) for d in data["diagnostics"]]
    assert rules == [("XL101", "warning"), ("XL104", "error"), ("XL103", "warning")]
    # A config select that names XL codes is kept.
    config.write_text("glossary: [glossary.yaml]\nselect: [XL103]\n", encoding="utf-8")
    _, data = xcheck_json(project, "faulty/heel.nb.md", "faulty/heel.da.md")
    assert [d["rule"] for d in data["diagnostics"]] == ["XL103"]
    # --config names another file.
    (project / "other.yaml").write_text("glossary: [glossary.yaml]\nignore: [XL10]\n", encoding="utf-8")
    result, data = xcheck_json(project, "--config", "other.yaml", "faulty/heel.nb.md", "faulty/heel.da.md")
    assert data["diagnostics"] == [] and result.returncode == 0


def test_output_file(project):
    result = xcheck(project, "faulty/heel.nb.md", "faulty/heel.sv.md", "--format", "json", "-o", "out.json")
    assert result.returncode == 1
    assert result.stdout == b""
    data = json.loads((project / "out.json").read_text(encoding="utf-8"))
    assert len(data["diagnostics"]) == 2


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_every_format_renders(project, output_format):
    result = xcheck(project, "xliff/heel.en-nb.xlf", "--format", output_format)
    assert result.returncode == 1, result.stderr
    assert result.stdout.strip()
    assert b"Traceback" not in result.stderr


def test_sarif_describes_the_xl_rules(project):
    result = xcheck(project, "faulty/achilles.en.md", "faulty/achilles.nb.md", "--format", "sarif")
    sarif = json.loads(result.stdout)
    rule_ids = {rule["id"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert {"XL102", "XL103", "XL104", "XL107"} <= rule_ids


def test_xliff_json_positions(project):
    result, data = xcheck_json(project, "xliff/heel.en-nb.xlf")
    assert result.returncode == 1
    assert data["files"] == [{"path": "xliff/heel.en-nb.xlf", "lang": "nb", "lang_source": "front-matter"}]
    first = data["diagnostics"][0]
    assert (first["rule"], first["line"], first["column"], first["end_line"], first["end_column"]) == (
        "XL103", 12, 17, 12, 34)


@pytest.mark.parametrize("name", ["billion-laughs.xlf", "external-entity.xlf", "parameter-entity.xlf"])
def test_malicious_xliff_exits_2_with_a_message(project, name):
    result = xcheck(project, f"xliff/{name}", "--format", "json")
    assert result.returncode == 2
    assert result.stdout == b""
    message = result.stderr.decode()
    assert message.startswith(f"heellint: xliff/{name}: refused: the file declares the ")
    assert "Traceback" not in message
    assert "lollol" not in message and "root:" not in message


@pytest.mark.parametrize("args, message", [
    (("missing.md", "faulty/heel.da.md"), "missing.md: no such file or directory"),
    (("faulty/heel.da.md", "faulty/heel.da.md"), "SOURCE and TARGET are the same file"),
    (("faulty/heel.nb.md",), "TARGET is missing"),
    (("faulty", "faulty/heel.da.md"), "faulty: is a directory"),
    (("faulty/heel.nb.md", "faulty/heel.sv.md", "--source-lang", "sv"), "source and target are both 'sv'"),
    (("-", "-"), "only one of SOURCE and TARGET"),
])
def test_usage_errors_exit_2(project, args, message):
    result = xcheck(project, *args)
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert b"Traceback" not in result.stderr


def test_unknown_language_exits_2(project):
    (project / "a.txt").write_text("123 456\n", encoding="utf-8")
    (project / "b.txt").write_text("789\n", encoding="utf-8")
    result = xcheck(project, "a.txt", "b.txt")
    assert result.returncode == 2
    assert "a.txt: cannot tell the language" in result.stderr.decode()
    assert "--source-lang" in result.stderr.decode()


def test_bad_config_exits_2(project):
    (project / "heellint.yaml").write_text("glossary: [nowhere.yaml]\n", encoding="utf-8")
    result = xcheck(project, "faulty/heel.nb.md", "faulty/heel.da.md")
    assert result.returncode == 2
    assert "nowhere.yaml" in result.stderr.decode()


def test_target_from_stdin(project):
    text = (project / "faulty" / "heel.sv.md").read_bytes()
    result, data = xcheck_json(project, "faulty/heel.nb.md", "-", "--target-lang", "sv", input=text)
    assert result.returncode == 1, result.stderr
    assert [d["path"] for d in data["diagnostics"]] == ["-", "-"]
    assert {"path": "-", "lang": "sv", "lang_source": "cli"} in data["files"]


def test_language_options_override_the_files(project):
    (project / "src.md").write_text("Plantar fasciitis hurts.\n", encoding="utf-8")
    (project / "dst.md").write_text("Plantar fasciitis gjør vondt.\n", encoding="utf-8")
    result, data = xcheck_json(project, "src.md", "dst.md", "--source-lang", "en", "--target-lang", "nb")
    assert [d["rule"] for d in data["diagnostics"]] == ["XL103"]


def test_key_subjects_option(project):
    (project / "a.en.md").write_text("The pain is bad.\n", encoding="utf-8")
    (project / "a.nb.md").write_text("Det gjør veldig vondt.\n", encoding="utf-8")
    assert xcheck(project, "a.en.md", "a.nb.md").returncode == 0
    result, data = xcheck_json(project, "a.en.md", "a.nb.md", "--key-subjects", "all")
    assert [d["rule"] for d in data["diagnostics"]] == ["XL101"]
    result, data = xcheck_json(project, "a.en.md", "a.nb.md", "--key-subjects", "symptom, drug")
    assert [d["rule"] for d in data["diagnostics"]] == ["XL101"]


def test_rules_and_explain_know_the_codes(project):
    result = run_cli("rules", "--format", "json", cwd=project)
    listed = {item["code"]: item for item in json.loads(result.stdout)}
    for code in ("XL101", "XL102", "XL103", "XL104", "XL105", "XL106", "XL107"):
        assert listed[code]["category"] == "translation"
    result = run_cli("explain", "XL101", cwd=project)
    assert result.returncode == 0
    text = result.stdout.decode()
    assert "XL101 missing-key-term" in text and "ISO 17100" in text
    assert run_cli("explain", "untranslated-term", cwd=project).returncode == 0
