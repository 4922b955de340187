"""The glossary pass costs per distinct word, not per occurrence or per article.

Speed itself is measured in bench/ (docs/performance.md); these tests count the
expensive step instead - looking a word up in the fuzzy index - so they fail on a
change that makes the work grow with the text, and never because the machine is busy.
"""

from __future__ import annotations

from heellint.parse import parse_document

from .conftest import make_linter
from .test_seeds import seed


def _engine_counting(monkeypatch):
    linter = make_linter(glossary=None)
    engine = linter.ruleset.context.shared["glossary.engine"]
    looked_up: list[str] = []
    original = type(engine)._find_candidates

    def counting(self, key, lang):
        looked_up.append(key)
        return original(self, key, lang)

    monkeypatch.setattr(type(engine), "_find_candidates", counting)
    return engine, looked_up


def _document(name: str, text: str, lang: str):
    document = parse_document(name, text)
    document.lang = lang
    return document


def test_each_distinct_word_is_looked_up_once_per_run(monkeypatch):
    engine, looked_up = _engine_counting(monkeypatch)
    text = seed("000_989b888d24f57c83.txt")
    first = _document("a.md", text, "nb")
    engine.analyse(first)
    assert looked_up, "the seed has words no exact form explains"
    assert len(looked_up) == len(set(looked_up)), "a word was looked up twice in one article"
    once = len(looked_up)
    for number in range(5):  # the same words again, in other articles
        engine.analyse(_document(f"copy{number}.md", text, "nb"))
    assert len(looked_up) == once


def test_a_longer_article_costs_its_new_words_only(monkeypatch):
    engine, looked_up = _engine_counting(monkeypatch)
    text = seed("000_989b888d24f57c83.txt")
    engine.analyse(_document("one.md", text, "nb"))
    once = len(looked_up)
    engine.analyse(_document("ten.md", "\n\n".join([text] * 10), "nb"))
    assert len(looked_up) == once
