"""The glossary pass costs per distinct word, not per glossary entry: a rough speed guard."""

from __future__ import annotations

import time

from heellint.parse import parse_document

from .conftest import make_linter
from .test_seeds import seed


def test_a_megabyte_of_articles_is_fast():
    linter = make_linter(glossary=None)
    engine = linter.ruleset.context.shared["glossary.engine"]
    texts = [(seed("000_989b888d24f57c83.txt"), "nb"), (seed("004_98c910dbf5d1c947.txt"), "da")]
    documents = []
    size = 0
    while size < 1_000_000:
        text, lang = texts[len(documents) % 2]
        document = parse_document(f"{len(documents)}.md", text)
        document.lang = lang
        document.word_index  # the engine's cost, not the glossary's
        documents.append(document)
        size += len(text.encode("utf-8"))
    engine.analyse(documents[0])
    engine.analyse(documents[1])  # build the indexes and load Hunspell outside the clock
    started = time.process_time()
    for document in documents[2:]:
        engine.analyse(document)
    elapsed = time.process_time() - started
    # about 0.3 s on the 2-core reference machine; a generous bound against regressions
    assert elapsed < 3.0, f"{elapsed:.2f} s CPU for 1 MB"
