"""End-to-end tests of `heellint check` through the real console script."""

from __future__ import annotations

import json
import os
import stat

import pytest

from tests.conftest import run_cli

PACK = """\
pack: test
rules:
  - code: SP901
    name: test-misspelling
    kind: substitution
    category: spelling
    severity: warning
    languages: [nb, da]
    message: "'{match}' is a misspelling of '{replacement}'"
    fix: safe
    suffixes: [en, er, ene]
    swap: {klinnikk: klinikk, hælspace: hælspore}
  - code: SP902
    name: test-unsafe
    kind: substitution
    category: spelling
    severity: info
    message: "'{match}' -> '{replacement}'"
    fix: unsafe
    swap: {fotbue: fotbuen}
"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "heellint.yaml").write_text("rules: [pack.yaml]\nselect: [SP9]\nlang: nb\n", encoding="utf-8")
    return tmp_path


def check_json(project, *args, input=None):
    result = run_cli("check", "--format", "json", *args, cwd=project, input=input)
    return result, (json.loads(result.stdout) if result.stdout.strip() else None)


def test_json_contract_shape_and_exit_code(project):
    (project / "a.nb.md").write_text("# Tittel\n\nVår Klinnikk og HÆLSPACE.\n", encoding="utf-8")
    result, data = check_json(project, "a.nb.md")
    assert result.returncode == 1, result.stderr
    assert data["version"] == "0.3.0"
    assert data["files"] == [{"path": "a.nb.md", "lang": "nb", "lang_source": "path"}]
    first, second = data["diagnostics"]
    assert first == {
        "path": "a.nb.md", "line": 3, "column": 5, "end_line": 3, "end_column": 13,
        "rule": "SP901", "name": "test-misspelling", "category": "spelling", "severity": "warning",
        "message": "'Klinnikk' is a misspelling of 'Klinikk'", "replacements": ["Klinikk"],
        "fix": {"applicability": "safe"},
    }
    assert second["replacements"] == ["HÆLSPORE"] and second["column"] == 17
    assert data["summary"] == {"files": 1, "diagnostics": 2, "by_severity": {"warning": 2}}


def test_exit_zero_when_clean_and_fail_on(project):
    (project / "a.md").write_text("Alt er fint her.\n", encoding="utf-8")
    assert run_cli("check", "a.md", cwd=project).returncode == 0
    (project / "b.md").write_text("En fotbue.\n", encoding="utf-8")  # info only
    assert run_cli("check", "b.md", cwd=project).returncode == 0
    assert run_cli("check", "--fail-on", "info", "b.md", cwd=project).returncode == 1
    (project / "c.md").write_text("En klinnikk.\n", encoding="utf-8")
    assert run_cli("check", "--fail-on", "error", "c.md", cwd=project).returncode == 0


def test_directories_are_walked_and_order_is_deterministic(project):
    (project / "b").mkdir()
    (project / "b" / "z.md").write_text("klinnikk\n", encoding="utf-8")
    (project / "a.txt").write_text("klinnikk\n", encoding="utf-8")
    (project / "ignored.rst").write_text("klinnikk\n", encoding="utf-8")
    result, data = check_json(project, ".")
    paths = [d["path"] for d in data["diagnostics"]]
    assert paths == sorted(paths) and len(paths) == 2
    assert not any(path.endswith(".rst") for path in paths)


def test_fix_changes_only_the_fixed_spans_and_keeps_bom_crlf_mode(project):
    original = "\ufeff# Tittel\r\n\r\nEn klinnikk og hælspacen.\r\nEn fotbue.\r\n".encode("utf-8")
    path = project / "a.md"
    path.write_bytes(original)
    os.chmod(path, 0o640)
    result = run_cli("check", "--fix", "a.md", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr  # the unsafe info finding remains, below fail-on
    fixed = path.read_bytes()
    assert fixed == original.replace("klinnikk".encode(), "klinikk".encode()).replace("hælspacen".encode(), "hælsporen".encode())
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    # A second run changes nothing.
    run_cli("check", "--fix", "a.md", cwd=project)
    assert path.read_bytes() == fixed
    # Unsafe fixes need --unsafe-fixes.
    run_cli("check", "--fix", "--unsafe-fixes", "a.md", cwd=project)
    assert "fotbuen".encode() in path.read_bytes()


def test_diff_writes_nothing(project):
    path = project / "a.md"
    path.write_text("En klinnikk.\n", encoding="utf-8")
    result = run_cli("check", "--diff", "a.md", cwd=project)
    assert result.returncode == 1
    assert b"-En klinnikk." in result.stdout and b"+En klinikk." in result.stdout
    assert path.read_text(encoding="utf-8") == "En klinnikk.\n"


def test_stdin_with_filename(project):
    result, data = check_json(project, "--stdin-filename", "x.da.md", "-", input="En klinnikk.\n".encode())
    assert data["files"][0] == {"path": "x.da.md", "lang": "da", "lang_source": "path"}
    assert data["diagnostics"][0]["rule"] == "SP901"


def test_stdin_fix_prints_fixed_text(project):
    result = run_cli("check", "--fix", "-", cwd=project, input="En klinnikk.\n".encode())
    assert result.stdout == "En klinikk.\n".encode()


def test_missing_path_is_exit_2_without_traceback(project):
    result = run_cli("check", "nope.md", cwd=project)
    assert result.returncode == 2
    assert b"nope.md" in result.stderr and b"Traceback" not in result.stderr


def test_bad_files_get_a_diagnostic_and_others_are_still_linted(project):
    (project / "bad.md").write_bytes(b"Hei \xff\xfe der\n")
    (project / "bin.md").write_bytes(b"\x00\x01\x02binary")
    (project / "empty.md").write_bytes(b"")
    (project / "good.md").write_text("En klinnikk.\n", encoding="utf-8")
    result, data = check_json(project, "--select", "SP9,HL", ".")
    by_path = {(d["path"], d["rule"]) for d in data["diagnostics"]}
    assert ("bad.md", "HL001") in by_path and ("bin.md", "HL002") in by_path and ("good.md", "SP901") in by_path
    assert not any(path == "empty.md" for path, _ in by_path)
    assert result.returncode == 1 and b"Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["2026-13-45", "2026-02-30"])
def test_front_matter_with_an_impossible_date_is_a_diagnostic_not_a_crash(project, value):
    """YAML reads "2026-13-45" as a date it then cannot build (a ValueError, not a
    YAML error): that file gets HL004 and the other files are still linted."""
    (project / "dato.md").write_text(f"---\nupdated: {value}\n---\n\nEn klinnikk.\n", encoding="utf-8")
    (project / "good.md").write_text("En klinnikk.\n", encoding="utf-8")
    result, data = check_json(project, "--select", "SP9,HL", ".")
    by_path = {(d["path"], d["rule"]) for d in data["diagnostics"]}
    assert {("dato.md", "HL004"), ("dato.md", "SP901"), ("good.md", "SP901")} <= by_path
    assert result.returncode == 1 and b"Traceback" not in result.stderr and b"internal error" not in result.stderr


@pytest.mark.parametrize(
    "config, expected",
    [
        ("rules: [pack.yaml]\nbogus: 1\n", b"heellint.yaml:2: unknown key 'bogus'"),
        ("rules: [missing.yaml]\n", b"missing.yaml: file not found"),
    ],
)
def test_broken_config_is_exit_2_with_file_and_line(project, config, expected):
    (project / "heellint.yaml").write_text(config, encoding="utf-8")
    (project / "a.md").write_text("x\n", encoding="utf-8")
    result = run_cli("check", "a.md", cwd=project)
    assert result.returncode == 2
    assert expected in result.stderr and b"Traceback" not in result.stderr


def test_broken_rule_pack_pattern_is_exit_2_with_line(project):
    (project / "pack.yaml").write_text(
        "pack: p\nrules:\n  - code: GR901\n    name: broken\n    kind: pattern\n    category: grammar\n"
        "    severity: warning\n    message: m\n    pattern: '(unclosed'\n",
        encoding="utf-8",
    )
    (project / "heellint.yaml").write_text("rules: [pack.yaml]\n", encoding="utf-8")
    (project / "a.md").write_text("x\n", encoding="utf-8")
    result = run_cli("check", "a.md", cwd=project)
    assert result.returncode == 2
    assert b"pack.yaml:9: invalid regular expression" in result.stderr


def test_catastrophic_user_regex_cannot_hang_a_run(project):
    (project / "pack.yaml").write_text(
        "pack: p\nrules:\n  - code: GR901\n    name: slow-pattern\n    kind: pattern\n    category: grammar\n"
        "    severity: warning\n    message: m\n    pattern: '(x+x+)+y'\n",
        encoding="utf-8",
    )
    (project / "heellint.yaml").write_text("rules: [pack.yaml]\nselect: [GR901, HL011]\n", encoding="utf-8")
    (project / "a.md").write_text("x" * 5000 + "\n", encoding="utf-8")
    result, data = check_json(project, "a.md")
    assert [d["rule"] for d in data["diagnostics"]] == ["HL011"]


def test_pretty_output_has_caret_under_the_span_and_no_color_when_piped(project):
    (project / "a.md").write_text("Vår klinnikk.\n", encoding="utf-8")
    result = run_cli("check", "a.md", cwd=project)
    out = result.stdout.decode()
    assert "a.md:1:5: warning SP901" in out
    assert "1 | Vår klinnikk." in out
    assert "  |     ^^^^^^^^" in out
    assert "\x1b[" not in out
    assert "suggestion: 'klinikk'" in out
    forced = run_cli("check", "--color", "always", "a.md", cwd=project).stdout.decode()
    assert "\x1b[" in forced
    no_color = run_cli("check", "--color", "always", "a.md", cwd=project, env={"NO_COLOR": "1"}).stdout.decode()
    assert "\x1b[" in no_color  # --color always wins over NO_COLOR, as in ruff


def test_concise_format(project):
    (project / "a.md").write_text("Vår klinnikk.\n", encoding="utf-8")
    result = run_cli("check", "--format", "concise", "a.md", cwd=project)
    assert result.stdout.decode() == "a.md:1:5: SP901 'klinnikk' is a misspelling of 'klinikk'\n"


def test_file_changed_on_disk_is_not_overwritten(project):
    from heellint.api import Linter
    from heellint.core.config import load_config

    path = project / "a.md"
    path.write_text("En klinnikk.\n", encoding="utf-8")
    linter = Linter(load_config(project / "heellint.yaml"))
    from heellint.core.source import read_source, write_atomically, ChangedOnDisk

    source = read_source(str(path))
    path.write_text("Redigert av noen andre.\n", encoding="utf-8")
    with pytest.raises(ChangedOnDisk):
        write_atomically(str(path), source, "En klinikk.\n")
    assert path.read_text(encoding="utf-8") == "Redigert av noen andre.\n"
    assert linter is not None


def test_no_fix_across_markup(project):
    (project / "pack.yaml").write_text(PACK.replace("swap: {klinnikk: klinikk, hælspace: hælspore}",
                                                    "swap: {klinnikk: klinikk, hælspace: hælspore, 'hæl spore': hælspore}"),
                                       encoding="utf-8")
    path = project / "a.md"
    path.write_text("En hæl **spore** og en hæl spore.\n", encoding="utf-8")
    result, data = check_json(project, "a.md")
    fixes = [(d["column"], d["fix"]) for d in data["diagnostics"]]
    assert fixes == [(4, None), (24, {"applicability": "safe"})]
    run_cli("check", "--fix", "a.md", cwd=project)
    assert path.read_text(encoding="utf-8") == "En hæl **spore** og en hælspore.\n"


def test_reference_lists_are_only_judged_by_reference_rules(project):
    (project / "a.md").write_text(
        "# Tittel\n\nEn klinnikk (1).\n\n## Kilder\n\n1. Hansen L. Om klinnikk og hæl spore. Tidsskr. 2019.\n",
        encoding="utf-8",
    )
    result, data = check_json(project, "a.md")
    assert [(d["rule"], d["line"]) for d in data["diagnostics"]] == [("SP901", 3)]
