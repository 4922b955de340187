"""`heellint glossary check`: every problem kind, with file:line, and the exit codes."""

from __future__ import annotations

import json

import pytest

from heellint.core.yamlio import DataError
from heellint.glossary.check import check_paths
from heellint.glossary.loader import load_glossary, load_text

from ..conftest import run_cli
from .conftest import DATA

BAD = DATA / "bad.yaml"
EXPECTED = {
    "misspelling-is-form": 6,
    "several-preferred": 7,
    "duplicate-id": 8,
    "language": 14,
    "empty-concept": 12,
    "not-nfc": 21,
    "preferred-and-deprecated": 25,
    "schema": 29,
    "colliding-forms": 33,
    "term-in-two-concepts": 37,
}


def test_every_problem_kind_is_found_with_its_line():
    _, problems = check_paths([BAD])
    found = {}
    for problem in problems:
        found.setdefault(problem.code, problem.line)
        assert problem.path.endswith("bad.yaml")
    assert found == EXPECTED


def test_builtin_glossary_is_clean_and_big_enough():
    from heellint.resources import glossary_dir

    glossary, problems = check_paths([glossary_dir()])
    assert problems == [], [str(problem) for problem in problems]
    assert len(glossary.concepts) >= 120
    for concept in glossary.concepts:
        assert set(concept.languages()) == {"nb", "nn", "da", "sv", "en"}, concept.id
        assert concept.source, concept.id


def test_strict_loading_raises_with_file_and_line():
    with pytest.raises(DataError) as error:
        load_glossary([BAD])
    assert "bad.yaml:14" in str(error.value) or "bad.yaml:29" in str(error.value)
    with pytest.raises(DataError, match=r"<glossary>:5: unknown key 'colour'"):
        load_text("concepts:\n  - id: a\n    terms:\n      nb:\n        - {term: x, colour: red}\n")
    with pytest.raises(DataError, match=r":3: language 'no' is ambiguous"):
        load_text("concepts:\n  - id: a\n    terms: {no: [{term: x}]}\n")
    with pytest.raises(DataError, match=r":4: inflection 'noun-c' is not one of"):
        load_text("concepts:\n  - id: a\n    terms:\n      nb: [{term: x, inflection: noun-c}]\n")


def test_a_glossary_error_stops_the_lint_run_with_exit_2(tmp_path):
    (tmp_path / "heellint.yaml").write_text(f"glossary: [{BAD}]\n", encoding="utf-8")
    (tmp_path / "a.nb.md").write_text("Hælspore.\n", encoding="utf-8")
    result = run_cli("check", "a.nb.md", cwd=tmp_path)
    assert result.returncode == 2
    assert b"bad.yaml:" in result.stderr and b"Traceback" not in result.stderr


def test_cli_exit_codes(tmp_path):
    assert run_cli("glossary", "check", str(BAD)).returncode == 1
    assert run_cli("glossary", "check", str(DATA / "basic.yaml")).returncode == 1  # two preferred in 'da'
    assert run_cli("glossary", "check").returncode == 0  # the built-in glossary
    missing = run_cli("glossary", "check", str(tmp_path / "missing.yaml"))
    assert missing.returncode == 2 and b"not found" in missing.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("concepts: [\n", encoding="utf-8")
    assert run_cli("glossary", "check", str(broken)).returncode == 2


def test_cli_json(tmp_path):
    result = run_cli("glossary", "check", "--format", "json", str(BAD))
    data = json.loads(result.stdout)
    assert {item["code"] for item in data["problems"]} == set(EXPECTED)
    assert all(item["line"] for item in data["problems"])
