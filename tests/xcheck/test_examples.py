"""The documented source/target pairs of every XL code (``XCHECK_EXAMPLES``)
run through the real comparison, against the examples' own glossary.

The lead's tests/test_rule_examples.py runs single-document examples; a
translation check needs two texts, so the XL family is tested here.
"""

from __future__ import annotations

import pytest

from heellint.glossary.loader import load_text
from heellint.xcheck.rules import CODES, EXAMPLE_GLOSSARY, METAS, XCHECK_EXAMPLES
from heellint.xcheck.run import check_texts

GLOSSARY = load_text(EXAMPLE_GLOSSARY, "<example glossary>")


def _id(example) -> str:
    verdict = "flag" if example.flagged else "ok"
    return f"{example.code}-{verdict}-{example.source_lang}-{example.target_lang}-{example.note.replace(' ', '_')}"


@pytest.mark.parametrize("example", XCHECK_EXAMPLES, ids=_id)
def test_documented_pair(example):
    diagnostics = check_texts(example.source, example.target, example.source_lang, example.target_lang,
                              glossary=GLOSSARY, select=(example.code,))
    found = [d for d in diagnostics if d.rule == example.code]
    if example.flagged:
        assert found, f"{example.code} did not flag {example.target!r} ({example.note})"
        if example.replacement is not None:
            assert found[0].replacements[:1] == (example.replacement,), found[0]
    else:
        assert not found, f"{example.code} flagged {example.target!r} ({example.note}): {[d.message for d in found]}"


def test_every_code_has_a_flag_and_an_ok_example():
    for code in CODES:
        verdicts = {example.flagged for example in XCHECK_EXAMPLES if example.code == code}
        assert verdicts == {True, False}, code


def test_metas_are_documented_and_well_formed():
    for meta in METAS:
        assert meta.problems() == [], meta.code
        assert meta.category == "translation"
        assert meta.doc.why and meta.doc.must_not_flag and meta.doc.sources and meta.doc.instead, meta.code
        assert not meta.examples.flag and not meta.examples.ok, "pair examples live in XCHECK_EXAMPLES"
        assert meta.fixable is None


def test_codes_are_registered_for_rules_and_explain():
    from heellint.core.config import Config
    from heellint.ruleset import build_ruleset

    metas = build_ruleset(Config()).metas
    for code in CODES:
        assert metas[code].category == "translation"


def test_explain_examples_text():
    from heellint.xcheck.rules import explain_examples

    text = explain_examples("XL104")
    assert "✗ en: About 10% of adults get it." in text
    assert "nb: Hvil i tre uker.   (a small number written as a word)" in text
    assert explain_examples("TM101") == ""


def test_docs_page_documents_every_code():
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "docs" / "rules" / "translation.md").read_text(encoding="utf-8")
    for meta in METAS:
        assert f"## {meta.code} {meta.name}" in page, meta.code
        assert f"| {meta.code} | {meta.name} | {meta.severity} |" in page, meta.code
