"""The labelled evaluation set (eval/claims): the claim finding meets its targets and beats the baselines."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parent.parent.parent / "eval" / "claims"


@pytest.fixture(scope="module")
def run_eval():
    spec = importlib.util.spec_from_file_location("run_eval", EVAL / "run_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["run_eval"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows(run_eval):
    articles = [article for path in sorted(EVAL.glob("*.txt")) for article in run_eval.parse_file(path)]
    return run_eval.evaluate(articles, run_eval.DEFAULT_THRESHOLD)


@pytest.mark.parametrize("lang", ["nb", "da", "sv", "en"])
def test_labelled_set_is_large_enough(rows, lang):
    assert rows[lang].sentences >= 60


@pytest.mark.parametrize("lang", ["nb", "da", "sv", "en"])
def test_precision_and_recall_targets(rows, lang):
    counts = rows[lang].cl101
    assert counts.precision >= 0.8, f"{lang}: precision {counts.precision:.2f}"
    assert counts.recall >= 0.7, f"{lang}: recall {counts.recall:.2f}"


@pytest.mark.parametrize("lang", ["nb", "da", "sv", "en"])
def test_beats_every_baseline(rows, lang):
    row = rows[lang]
    for baseline in (row.every_uncited, row.uncited_digit, row.research_only):
        assert row.cl101.f1 > baseline.f1


def test_labels_parse_with_exact_spans(run_eval, tmp_path):
    path = tmp_path / "nb.txt"
    path.write_text("# comment\n\n=== article: x | split: test\n# Tittel\n\n{+}Studier viser det. {-}Ta kontakt.\n",
                    encoding="utf-8")
    [article] = run_eval.parse_file(path)
    assert (article.name, article.lang, article.split) == ("x", "nb", "test")
    assert [(s.text, s.label) for s in article.sentences] == [("Studier viser det.", True), ("Ta kontakt.", False)]
    assert "{" not in article.text


def test_script_prints_the_table(run_eval, capsys):
    assert run_eval.main(["--split", "dev"]) == 0
    output = capsys.readouterr().out
    assert "every uncited" in output and "research cues alone" in output and "| nb |" in output
