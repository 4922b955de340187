"""Evaluate the glossary's spelling rules (TM101-TM103, and TM203 for a neighbour language's form) on hand-written sentences.

Each ``<lang>.txt`` beside this script holds lines

    + sentence | misspelled text | expected replacement
    - sentence

A finding counts as a true positive when its span covers the misspelled text;
any other spelling finding is a false positive. Replacement accuracy is the
share of true positives whose first replacement is the expected text.

    python tests/glossary/eval/run_eval.py                 # Hunspell filter as installed
    python tests/glossary/eval/run_eval.py --no-hunspell   # word lists only
    python tests/glossary/eval/run_eval.py --verbose       # list every miss
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGUAGES = ("nb", "nn", "da", "sv", "en")
SPELLING_CODES = ("TM101", "TM102", "TM103", "TM203")


@dataclass
class Case:
    sentence: str
    wrong: str | None = None
    right: str | None = None


@dataclass
class Score:
    lang: str
    positives: int = 0
    negatives: int = 0
    true_positives: int = 0
    false_positives: int = 0
    right_replacements: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.positives if self.positives else 1.0

    @property
    def replacement_accuracy(self) -> float:
        return self.right_replacements / self.true_positives if self.true_positives else 1.0


def read_cases(path: Path) -> list[Case]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, rest = line.partition(" ")
        if kind == "+":
            parts = [part.strip() for part in rest.split("|")]
            if len(parts) != 3 or parts[1] not in parts[0]:
                raise SystemExit(f"{path}:{number}: write '+ sentence | misspelled text | replacement'")
            cases.append(Case(parts[0], parts[1], parts[2]))
        elif kind == "-":
            cases.append(Case(rest.strip()))
        else:
            raise SystemExit(f"{path}:{number}: a line starts with '+ ' or '- '")
    return cases


def evaluate(lang: str, cases: list[Case], linter) -> Score:
    score = Score(lang)
    for case in cases:
        diagnostics = [
            d for d in linter.lint_text(case.sentence, path=f"eval.{lang}.md", lang=lang) if d.rule in SPELLING_CODES
        ]
        if case.wrong is None:
            score.negatives += 1
            score.false_positives += len(diagnostics)
            for diagnostic in diagnostics:
                score.misses.append(f"FP  {case.sentence}  ->  {diagnostic.message}")
            continue
        score.positives += 1
        start = case.sentence.index(case.wrong)
        end = start + len(case.wrong)
        hit = None
        for diagnostic in diagnostics:
            if diagnostic.start <= start and end <= diagnostic.end + 1 and hit is None:
                hit = diagnostic
            elif diagnostic.end > start and diagnostic.start < end and hit is None:
                hit = diagnostic  # overlaps: counts, the replacement decides
            else:
                score.false_positives += 1
                score.misses.append(f"FP  {case.sentence}  ->  {diagnostic.message}")
        if hit is None:
            score.misses.append(f"FN  {case.sentence}  ({case.wrong} -> {case.right})")
            continue
        score.true_positives += 1
        # Right when applying the first replacement gives the intended sentence.
        expected = case.sentence[:start] + case.right + case.sentence[end:]
        got = case.sentence[:hit.start] + hit.replacements[0] + case.sentence[hit.end:] if hit.replacements else None
        if got == expected:
            score.right_replacements += 1
        else:
            score.misses.append(f"BAD {case.sentence}  ({case.wrong} -> {case.right}, got {list(hit.replacements)})")
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-hunspell", action="store_true", help="evaluate without the Hunspell filter")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every miss")
    parser.add_argument("sets", nargs="*", help="sentence files without .txt (default: every one here)",
                        default=sorted(path.stem for path in HERE.glob("*.txt")))
    options = parser.parse_args(argv)
    if options.no_hunspell:
        os.environ["HEELLINT_HUNSPELL"] = "0"
    from heellint.api import Linter, RunOptions
    from heellint.core.config import Config

    linter = Linter(Config(), RunOptions(select=SPELLING_CODES))
    engine = linter.ruleset.context.shared["glossary.engine"]
    hunspell = any(engine.spell.available(name.split("_")[0]) for name in options.sets)
    print(f"Hunspell filter: {'on' if hunspell else 'off'}")
    print(f"{'set':<11} {'misspelled':>10} {'clean':>6} {'precision':>9} {'recall':>7} {'replacement':>11}")
    failed = False
    for name in options.sets:
        lang = name.split("_")[0]
        score = evaluate(lang, read_cases(HERE / f"{name}.txt"), linter)
        print(f"{name:<11} {score.positives:>10} {score.negatives:>6} {score.precision:>9.3f} {score.recall:>7.3f} "
              f"{score.replacement_accuracy:>11.3f}")
        if options.verbose:
            for miss in score.misses:
                print("     " + miss)
        failed = failed or score.precision < 0.9 or score.recall < 0.85
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
