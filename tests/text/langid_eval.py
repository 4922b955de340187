"""Measure the language detector on the hand-written test set.

Run from the repository root:

    python tests/text/langid_eval.py              # both halves, summary tables
    python tests/text/langid_eval.py --errors     # also list every miss

The test set is ``tests/text/data/langid/<lang>_<NN>.txt``.  Files 01-15 of each
language were written first and used while the detector's weights were set
(the tuning half); files 16-25 were written afterwards and are the held-out
half.  Three levels are measured:

- article: the whole file;
- paragraph: every block of the file (blocks are separated by blank lines)
  with at least 20 words;
- short block: blocks of 5 to 19 words (headings, list items), for information.

An answer of ``None`` (undecided) counts as a miss.  The output is Markdown, so
that it can be pasted into ``docs/language-detection.md``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from heellint.text.lang import LANGUAGES, detect_language

DATA_DIRECTORY = Path(__file__).parent / "data" / "langid"
TUNING_NUMBERS = range(1, 16)
HELD_OUT_NUMBERS = range(16, 26)
PARAGRAPH_MINIMUM_WORDS = 20
SHORT_BLOCK_MINIMUM_WORDS = 5

_FILE_NAME = re.compile(r"^(?P<lang>[a-z]{2})_(?P<number>\d{2})\.txt$")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_WORD = re.compile(r"[^\W\d_]+")
_UNDECIDED = "none"


@dataclass(frozen=True, slots=True)
class Sample:
    """One text to classify: where it comes from and its true language."""

    path: Path
    lang: str
    number: int
    text: str


@dataclass(slots=True)
class Tally:
    """Correct answers and the confusion matrix for one level of one half."""

    confusion: dict[str, dict[str, int]] = field(
        default_factory=lambda: {lang: {} for lang in LANGUAGES}
    )
    misses: list[tuple[Sample, str]] = field(default_factory=list)

    def add(self, sample: Sample, guess: str | None) -> None:
        answer = guess or _UNDECIDED
        row = self.confusion[sample.lang]
        row[answer] = row.get(answer, 0) + 1
        if answer != sample.lang:
            self.misses.append((sample, answer))

    def total(self, lang: str) -> int:
        return sum(self.confusion[lang].values())

    def correct(self, lang: str) -> int:
        return self.confusion[lang].get(lang, 0)

    def accuracy(self, lang: str) -> float:
        total = self.total(lang)
        return self.correct(lang) / total if total else float("nan")

    def overall_accuracy(self) -> float:
        total = sum(self.total(lang) for lang in LANGUAGES)
        correct = sum(self.correct(lang) for lang in LANGUAGES)
        return correct / total if total else float("nan")


def load_articles(numbers: Iterable[int]) -> list[Sample]:
    """The articles of the test set whose number is in ``numbers``."""
    wanted = set(numbers)
    samples = []
    for path in sorted(DATA_DIRECTORY.glob("*.txt")):
        match = _FILE_NAME.match(path.name)
        if match is None or int(match["number"]) not in wanted:
            continue
        text = path.read_text(encoding="utf-8")
        samples.append(Sample(path, match["lang"], int(match["number"]), text))
    return samples


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def blocks(article: Sample, minimum_words: int, maximum_words: int | None = None) -> list[Sample]:
    """The blank-line separated blocks of an article within a word-count range."""
    selected = []
    for block in _BLANK_LINES.split(article.text):
        count = word_count(block)
        if count < minimum_words or (maximum_words is not None and count > maximum_words):
            continue
        selected.append(Sample(article.path, article.lang, article.number, block.strip()))
    return selected


def evaluate(numbers: Iterable[int]) -> dict[str, Tally]:
    """Tallies per level ("article", "paragraph", "short block") for one half."""
    articles = load_articles(numbers)
    levels = {
        "article": articles,
        "paragraph": [p for a in articles for p in blocks(a, PARAGRAPH_MINIMUM_WORDS)],
        "short block": [
            p
            for a in articles
            for p in blocks(a, SHORT_BLOCK_MINIMUM_WORDS, PARAGRAPH_MINIMUM_WORDS - 1)
        ],
    }
    tallies = {}
    for level, samples in levels.items():
        tally = Tally()
        for sample in samples:
            tally.add(sample, detect_language(sample.text).lang)
        tallies[level] = tally
    return tallies


def accuracy_table(halves: dict[str, dict[str, Tally]]) -> str:
    """Markdown: accuracy per language, level and half."""
    header = "| half | level | " + " | ".join(LANGUAGES) + " | all |"
    rule = "|---|---|" + "---:|" * (len(LANGUAGES) + 1)
    lines = [header, rule]
    for half, tallies in halves.items():
        for level, tally in tallies.items():
            cells = [
                f"{tally.correct(lang)}/{tally.total(lang)} ({100 * tally.accuracy(lang):.1f}%)"
                for lang in LANGUAGES
            ]
            lines.append(
                f"| {half} | {level} | " + " | ".join(cells) + f" | {100 * tally.overall_accuracy():.1f}% |"
            )
    return "\n".join(lines)


def confusion_table(tally: Tally) -> str:
    """Markdown: rows are the true language, columns the answer."""
    columns = [*LANGUAGES, _UNDECIDED]
    lines = [
        "| true \\ answer | " + " | ".join(columns) + " |",
        "|---|" + "---:|" * len(columns),
    ]
    for lang in LANGUAGES:
        row = tally.confusion[lang]
        lines.append(f"| {lang} | " + " | ".join(str(row.get(column, 0)) for column in columns) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list every misclassified sample")
    arguments = parser.parse_args(argv)

    halves = {
        "tuning (01-15)": evaluate(TUNING_NUMBERS),
        "held-out (16-25)": evaluate(HELD_OUT_NUMBERS),
    }
    print("## Accuracy\n")
    print(accuracy_table(halves))
    for half, tallies in halves.items():
        for level in ("article", "paragraph"):
            print(f"\n## Confusion, {half}, {level}\n")
            print(confusion_table(tallies[level]))
    if arguments.errors:
        print("\n## Misses\n")
        for half, tallies in halves.items():
            for level, tally in tallies.items():
                for sample, answer in tally.misses:
                    snippet = " ".join(sample.text.split())[:100]
                    print(f"- {half}, {level}: {sample.path.name} {sample.lang} -> {answer}: {snippet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
