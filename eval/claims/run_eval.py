#!/usr/bin/env python
"""Precision and recall of heellint's claim finding (CL101) against a labelled set.

Usage (from the repository root)::

    .venv/bin/python eval/claims/run_eval.py                 # every eval/claims/*.txt
    .venv/bin/python eval/claims/run_eval.py eval/claims/da.txt --errors
    .venv/bin/python eval/claims/run_eval.py --split test --threshold 2.5

The labelled files (format in eval/claims/README.md) hold articles whose every
prose sentence is labelled ``{+}`` (needs a citation) or ``{-}`` (does not),
whether or not it has one. Two tables are printed per language:

1. CL101 on the uncited sentences (the finding as users see it: a claim that
   needs a citation and has none), next to the three baselines it must beat:
   every uncited sentence, every uncited sentence with a digit, and research
   cues alone (an uncited sentence with a cue of the lexicon's research group);
2. the claim detector on every labelled sentence, cited or not, next to the
   same three baselines without the "uncited" condition.

Exit code 0; ``--check P R`` exits 1 when a language falls below precision P
or recall R on table 1.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "src"))

from heellint.api import Linter, RunOptions  # noqa: E402
from heellint.claims.analysis import ClaimOptions, analyse  # noqa: E402
from heellint.claims.cues import DEFAULT_THRESHOLD, load_lexicon  # noqa: E402
from heellint.core.config import Config  # noqa: E402

_ARTICLE = re.compile(r"^=== article:[ \t]*(?P<header>.*)$", re.MULTILINE)
_LABEL = re.compile(r"\{([+-])\}")
_DIGIT = re.compile(r"\d")
LANGUAGES = ("nb", "nn", "da", "sv", "en")


@dataclass
class Sentence:
    start: int
    end: int
    label: bool
    text: str


@dataclass
class Article:
    name: str
    lang: str
    split: str
    syntax: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    path: str = ""


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, label: bool) -> None:
        if predicted and label:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif label:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    def cell(self) -> str:
        return f"{self.precision:.2f} / {self.recall:.2f} / {self.f1:.2f}"


def parse_file(path: Path) -> list[Article]:
    raw = path.read_text(encoding="utf-8")
    default_lang = path.stem.split(".")[0]
    headers = list(_ARTICLE.finditer(raw))
    articles = []
    for index, match in enumerate(headers):
        body_end = headers[index + 1].start() if index + 1 < len(headers) else len(raw)
        body = raw[match.end() + 1:body_end]
        fields = [part.strip() for part in match.group("header").split("|")]
        options = dict(part.split(":", 1) for part in fields[1:] if ":" in part)
        options = {key.strip(): value.strip() for key, value in options.items()}
        article = Article(
            name=fields[0],
            lang=options.get("lang", default_lang),
            split=options.get("split", "dev"),
            syntax=options.get("syntax", "markdown"),
            text="",
            path=f"{path.name}:{raw.count(chr(10), 0, match.start()) + 1}",
        )
        article.text, article.sentences = _strip_labels(body.rstrip() + "\n")
        articles.append(article)
    return articles


def _strip_labels(body: str) -> tuple[str, list[Sentence]]:
    pieces = []
    marks: list[tuple[int, bool]] = []
    position = 0
    clean_length = 0
    for match in _LABEL.finditer(body):
        chunk = body[position:match.start()]
        pieces.append(chunk)
        clean_length += len(chunk)
        marks.append((clean_length, match.group(1) == "+"))
        position = match.end()
    pieces.append(body[position:])
    text = "".join(pieces)
    sentences = []
    for index, (start, label) in enumerate(marks):
        end = marks[index + 1][0] if index + 1 < len(marks) else len(text)
        newline = text.find("\n", start, end)
        if newline >= 0:
            end = newline
        stripped_end = end
        while stripped_end > start and text[stripped_end - 1].isspace():
            stripped_end -= 1
        sentences.append(Sentence(start, stripped_end, label, text[start:stripped_end]))
    return text, sentences


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


@dataclass
class Row:
    cl101: Counts = field(default_factory=Counts)
    every_uncited: Counts = field(default_factory=Counts)
    uncited_digit: Counts = field(default_factory=Counts)
    research_only: Counts = field(default_factory=Counts)
    detector: Counts = field(default_factory=Counts)
    every_sentence: Counts = field(default_factory=Counts)
    sentence_digit: Counts = field(default_factory=Counts)
    research_any: Counts = field(default_factory=Counts)
    sentences: int = 0
    uncited: int = 0
    positives: int = 0


def evaluate(articles: list[Article], threshold: float, errors: bool = False) -> dict[str, Row]:
    config = Config(claims={"threshold": threshold})
    linter = Linter(config, RunOptions(select=("CL101",)))
    options = ClaimOptions(threshold=threshold)
    rows: dict[str, Row] = {}
    for article in articles:
        row = rows.setdefault(article.lang, Row())
        suffix = ".md" if article.syntax == "markdown" else ".txt"
        result, document = linter.lint_document_text(f"{article.name}{suffix}", article.text, lang=article.lang,
                                                     syntax=article.syntax)
        analysis = analyse(document, options)
        lexicon = load_lexicon(article.lang)
        findings = [(d.start, d.end) for d in result.diagnostics if d.rule == "CL101"]
        for labelled in article.sentences:
            best = None
            best_overlap = 0
            for candidate in analysis.sentences:
                overlap = _overlap(labelled.start, labelled.end, candidate.sentence.start, candidate.sentence.end)
                if overlap > best_overlap:
                    best, best_overlap = candidate, overlap
            length = max(1, labelled.end - labelled.start)
            claim = bool(best and best.claim)
            uncited = best is None or best.coverage.status is None
            flagged = any(_overlap(labelled.start, labelled.end, start, end) * 2 >= length for start, end in findings)
            research = bool(lexicon) and any(hit.cue.group == "research" for hit in lexicon.scan(labelled.text))
            row.sentences += 1
            row.positives += labelled.label
            row.detector.add(claim, labelled.label)
            row.every_sentence.add(True, labelled.label)
            row.sentence_digit.add(bool(_DIGIT.search(labelled.text)), labelled.label)
            row.research_any.add(research, labelled.label)
            if errors and claim != labelled.label:
                kind = "FP" if claim else "FN"
                why = best.score.describe() if best and best.score else (best.skipped if best else "not a sentence")
                print(f"{kind} {article.lang} {article.name}: {labelled.text}\n     score "
                      f"{best.score.value if best and best.score else '-'}: {why}")
            if not uncited:
                continue
            row.uncited += 1
            row.cl101.add(flagged, labelled.label)
            row.every_uncited.add(True, labelled.label)
            row.uncited_digit.add(bool(_DIGIT.search(labelled.text)), labelled.label)
            row.research_only.add(research, labelled.label)
    return rows


def _total(rows: dict[str, Row]) -> Row:
    total = Row()
    for row in rows.values():
        for name in ("cl101", "every_uncited", "uncited_digit", "research_only", "detector", "every_sentence",
                     "sentence_digit", "research_any"):
            into, add = getattr(total, name), getattr(row, name)
            into.tp += add.tp
            into.fp += add.fp
            into.fn += add.fn
            into.tn += add.tn
        total.sentences += row.sentences
        total.uncited += row.uncited
        total.positives += row.positives
    return total


def render(rows: dict[str, Row], title: str) -> str:
    ordered = [lang for lang in LANGUAGES if lang in rows] + sorted(set(rows) - set(LANGUAGES))
    lines = [f"### {title}", "",
             "CL101 on uncited sentences — precision / recall / F1:", "",
             "| lang | sentences | uncited | needs citation | heellint CL101 | every uncited | uncited with a digit | research cues alone |",
             "|---|---:|---:|---:|---|---|---|---|"]
    for lang in ordered + ["all"]:
        row = rows[lang] if lang != "all" else _total(rows)
        lines.append(
            f"| {lang} | {row.sentences} | {row.uncited} | {row.cl101.tp + row.cl101.fn} | **{row.cl101.cell()}** | "
            f"{row.every_uncited.cell()} | {row.uncited_digit.cell()} | {row.research_only.cell()} |"
        )
    lines += ["", "Claim detector on every labelled sentence (cited or not) — precision / recall / F1:", "",
              "| lang | sentences | needs citation | heellint detector | every sentence | sentences with a digit | "
              "research cues alone |", "|---|---:|---:|---|---|---|---|"]
    for lang in ordered + ["all"]:
        row = rows[lang] if lang != "all" else _total(rows)
        lines.append(f"| {lang} | {row.sentences} | {row.positives} | **{row.detector.cell()}** | "
                     f"{row.every_sentence.cell()} | {row.sentence_digit.cell()} | {row.research_any.cell()} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="labelled files (default: eval/claims/*.txt)")
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--errors", action="store_true", help="print every sentence the detector gets wrong")
    parser.add_argument("--check", nargs=2, type=float, metavar=("PRECISION", "RECALL"))
    arguments = parser.parse_args(argv)
    paths = arguments.paths or sorted(HERE.glob("*.txt"))
    articles = [article for path in paths for article in parse_file(path)]
    if arguments.split != "all":
        articles = [article for article in articles if article.split == arguments.split]
    if not articles:
        print("no labelled articles found", file=sys.stderr)
        return 2
    rows = evaluate(articles, arguments.threshold, arguments.errors)
    splits = "dev + test" if arguments.split == "all" else arguments.split
    print(render(rows, f"Threshold {arguments.threshold:g}, {splits}, {len(articles)} articles"))
    if arguments.check:
        precision, recall = arguments.check
        failing = [lang for lang, row in rows.items()
                   if row.cl101.precision < precision or row.cl101.recall < recall]
        if failing:
            print(f"below precision {precision} / recall {recall}: {', '.join(failing)}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
