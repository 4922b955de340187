"""The evaluation sentences as a regression test: precision >= 0.9, recall >= 0.85, replacements >= 0.8."""

from __future__ import annotations

import pytest

from heellint.api import Linter, RunOptions
from heellint.core.config import Config

from .eval.run_eval import HERE, SPELLING_CODES, evaluate, read_cases

SETS = sorted(path.stem for path in HERE.glob("*.txt"))


@pytest.fixture(scope="module")
def linter():
    return Linter(Config(), RunOptions(select=SPELLING_CODES))


@pytest.mark.parametrize("name", SETS)
def test_evaluation_set(linter, name):
    cases = read_cases(HERE / f"{name}.txt")
    score = evaluate(name.split("_")[0], cases, linter)
    assert score.positives >= 19 and score.negatives >= 20
    assert score.precision >= 0.9, score.misses
    assert score.recall >= 0.85, score.misses
    assert score.replacement_accuracy >= 0.8, score.misses


def test_main_sets_are_big_enough():
    for lang in ("nb", "da", "sv"):
        cases = read_cases(HERE / f"{lang}.txt")
        assert sum(case.wrong is not None for case in cases) >= 60
        assert sum(case.wrong is None for case in cases) >= 60
