"""Linting in worker processes gives the results of one process, in the same order."""

from __future__ import annotations

import json

from click.testing import CliRunner

from heellint.api import Linter, _cpu_count, choose_jobs
from heellint.cli.check import check
from heellint.core.config import Config

ARTICLES = {
    "nb/a.md": "# Hælspore\n\nHælspace gjør vondt. Studier viser at 40 prosent blir bedre.\n",
    "nb/b.md": "# Klinikk\n\nGå til klinnikken. Dette er de mest vanligste skadene.\n",
    "da/c.md": "# Hælspore\n\nMange får hælspore. Undersøgelser viser at det hjælper.\n",
    "nb/d.md": "Tekst uten overskrift og uten feil.\n",
}


def _write(tmp_path):
    paths = []
    for relative, text in ARTICLES.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_processes_give_the_same_results_in_the_same_order(tmp_path):
    paths = _write(tmp_path)
    linter = Linter(Config(root=tmp_path))
    one = linter.lint_files(paths, jobs=1)
    two = linter.lint_files(paths, jobs=2)
    assert [result.path for result in two] == paths
    assert [(r.path, r.lang, r.diagnostics, r.source_text) for r in one] == [
        (r.path, r.lang, r.diagnostics, r.source_text) for r in two
    ]


def test_cli_jobs_output_is_identical(tmp_path, monkeypatch):
    _write(tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        result = runner.invoke(check, ["nb", "da", "--format", "json", "--jobs", jobs, "--fail-on", "never"])
        assert result.exit_code == 0, result.output
        outputs.append(json.loads(result.output))
    assert outputs[0] == outputs[1]
    assert outputs[0]["diagnostics"], "the articles hold findings"


def test_how_many_processes(tmp_path):
    paths = _write(tmp_path)
    assert choose_jobs(paths, None) == 1  # the library lints in its own process
    assert choose_jobs(paths, 0) == 1  # a few small files: a pre-commit hook's case
    assert choose_jobs(paths * 5, 0) == 1  # many, but small in total
    assert choose_jobs(paths, 3) == 3
    assert choose_jobs(paths[:1], 4) == 1
    big = []
    for number in range(10):
        path = tmp_path / "big" / f"{number}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text("Hælspore gjør vondt.\n" * 2500, encoding="utf-8")  # about 55 KB
        big.append(str(path))
    assert choose_jobs(big, None) == 1
    assert choose_jobs(big, 0) == max(1, min(_cpu_count(), len(big) // 2, 16))
