#!/usr/bin/env python3
"""Where heellint's time goes: per stage and per rule, on a sample of the corpus.

    .venv/bin/python bench/profile_rules.py                    # every 20th article of bench/corpus
    .venv/bin/python bench/profile_rules.py --every 5 --cprofile 25

Stages: building the rule set (config, packs, glossary, lexicons), reading and
decoding, parsing (Markdown -> Document), language, words and the word index,
sentences, then each rule's ``check`` on its own (rules that share work through
``document.cache`` - the glossary rules share one analysis - are charged to the
first that runs, as in a real run), then the engine's bookkeeping (positions,
suppressions, sorting) on the findings the rules made. One process,
in the order a run uses. CPU time (``time.process_time``), so a busy machine
disturbs it less than wall time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


class _Replay:
    def __init__(self, meta, findings) -> None:
        self.meta = meta
        self.findings = findings

    def check(self, document):
        return self.findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--every", type=int, default=20, help="take every N-th article (default: 20)")
    parser.add_argument("--cprofile", type=int, default=0, help="also print the N costliest functions (cProfile)")
    parser.add_argument("--select", default=None, help="comma-separated codes or prefixes (default: default rules)")
    args = parser.parse_args(argv)

    clock = time.process_time
    started = clock()
    from heellint.api import Linter, RunOptions
    from heellint.core.config import load_config
    from heellint.core.linter import lint_document

    imported = clock() - started
    files = sorted(p for lang in ("nb", "da") for p in (args.corpus / lang).glob("*.md"))[:: args.every]
    size = sum(p.stat().st_size for p in files)
    profiler = cProfile.Profile() if args.cprofile else None
    if profiler:
        profiler.enable()
    costs: dict[str, float] = defaultdict(float)
    costs["import heellint"] = imported
    start = clock()
    options = RunOptions(select=tuple(args.select.split(",")) if args.select else None)
    linter = Linter(load_config(), options)
    linter.ruleset  # noqa: B018 - build it
    costs["build rule set"] = clock() - start
    for path in files:
        start = clock()
        text = path.read_bytes().decode("utf-8")
        costs["read + decode"] += clock() - start
        start = clock()
        document, selection, extra = linter.prepare(str(path), text)
        costs["parse + language"] += clock() - start
        start = clock()
        document.words  # noqa: B018
        document.word_index  # noqa: B018
        costs["words + word index"] += clock() - start
        start = clock()
        document.sentences  # noqa: B018
        costs["sentences"] += clock() - start
        rules = linter._rules_for(selection, document.lang)
        replayed = []
        for rule in rules:
            start = clock()
            try:
                found = list(rule.check(document))
            except Exception:  # noqa: BLE001 - a failing rule costs what it cost
                found = []
            costs[f"rule {rule.meta.code} {rule.meta.name}"] += clock() - start
            replayed.append(_Replay(rule.meta, found))
        start = clock()
        # The engine's bookkeeping alone: the rules replay the findings they made.
        lint_document(document, replayed, selection, linter.ruleset.metas, extra)
        costs["engine bookkeeping (positions, suppressions, sort)"] += clock() - start
    if profiler:
        profiler.disable()
    total = sum(costs.values())
    megabytes = size / 1e6
    print(f"{len(files)} articles, {megabytes:.2f} MB; CPU {total:.2f} s ({megabytes / total:.3f} MB/s)")
    print(f"{'stage / rule':60s} {'CPU s':>8s} {'share':>7s} {'MB/s':>9s}")
    for key, value in sorted(costs.items(), key=lambda item: -item[1]):
        if value < 0.0005:
            continue
        rate = f"{megabytes / value:9.2f}" if value and not key.startswith(("import", "build")) else " " * 9
        print(f"{key[:60]:60s} {value:8.3f} {value / total * 100:6.1f}% {rate}")
    if profiler:
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(args.cprofile)
        print(stream.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
