"""Every rule's documented examples run through the real linter (principles 9, 10).

A rule that lacks docs or examples, whose `flag` example is not flagged, whose `ok`
example is flagged, or whose declared fix safety disagrees with what it does, fails here.
"""

from __future__ import annotations

import pytest

from heellint.api import Linter, RunOptions
from heellint.core.config import Config
from heellint.ruleset import build_ruleset

RULESET = build_ruleset(Config())
METAS = sorted({id(meta): meta for meta in RULESET.metas.values()}.values(), key=lambda meta: meta.code)
ENGINE_INPUT_CODES = {"HL001", "HL002", "HL003", "HL011", "HL012"}  # need bytes or failures, tested in tests/cli
# Translation checks compare two documents; their source/target examples run in tests/xcheck.
CHECKED = [meta for meta in METAS if meta.code not in ENGINE_INPUT_CODES and meta.category != "translation"]


def linter_for(code: str) -> Linter:
    return Linter(Config(), RunOptions(select=(code,)), ruleset=RULESET)


def test_codes_and_names_are_unique_and_well_formed():
    names = {}
    for meta in METAS:
        assert meta.problems() == [], meta.code
        assert meta.name not in names, f"{meta.code} and {names.get(meta.name)} share the name {meta.name}"
        names[meta.name] = meta.code


@pytest.mark.parametrize("meta", METAS, ids=lambda meta: meta.code)
def test_rule_has_documentation(meta):
    assert meta.doc.why, f"{meta.code}: doc.why missing"
    assert meta.doc.must_not_flag, f"{meta.code}: doc.must-not-flag missing"
    assert meta.doc.sources, f"{meta.code}: doc.sources missing"
    if meta.fixable:
        assert meta.doc.fix, f"{meta.code}: fixable rule without fix-safety doc"


@pytest.mark.parametrize("meta", [m for m in CHECKED if m.code != "HL010"], ids=lambda meta: meta.code)
def test_rule_examples(meta):
    examples = meta.examples
    assert examples.flag, f"{meta.code}: no 'flag' examples"
    assert examples.ok, f"{meta.code}: no 'ok' examples"
    linter = linter_for(meta.code)
    lang = examples.lang or (sorted(meta.languages)[0] if meta.languages else "en")
    for text in examples.flag:
        found = [d for d in linter.lint_text(text, path="example.md", lang=lang) if d.rule == meta.code]
        assert found, f"{meta.code}: example not flagged: {text!r}"
        if meta.fixable:
            assert any(d.fix is not None for d in found) or len({r for d in found for r in d.replacements}) > 1 or not examples.fix, (
                f"{meta.code}: declared fixable ({meta.fixable}) but no fix offered for {text!r}"
            )
    for text in examples.ok:
        found = [d for d in linter.lint_text(text, path="example.md", lang=lang) if d.rule == meta.code]
        assert not found, f"{meta.code}: flagged an 'ok' example {text!r}: {[d.message for d in found]}"
    for before, after in examples.fix:
        fixed, _ = linter.fix_text(before, path="example.md", lang=lang, unsafe=True)
        assert fixed == after, f"{meta.code}: fix of {before!r} gave {fixed!r}, expected {after!r}"
    if examples.fix:
        assert meta.fixable, f"{meta.code}: has fix examples but declares no fix"


@pytest.mark.parametrize("meta", [m for m in CHECKED if m.fixable], ids=lambda meta: meta.code)
def test_declared_fix_safety_matches_behaviour(meta):
    linter = linter_for(meta.code)
    lang = meta.examples.lang or (sorted(meta.languages)[0] if meta.languages else "en")
    applicabilities = {
        d.fix.applicability
        for text in meta.examples.flag
        for d in linter.lint_text(text, path="example.md", lang=lang)
        if d.rule == meta.code and d.fix is not None
    }
    # A rule never offers a fix safer than it declares.
    if meta.fixable == "unsafe":
        assert "safe" not in applicabilities, f"{meta.code} declares unsafe fixes but offered a safe one"


def test_fixes_converge_on_every_flag_example():
    for meta in CHECKED:
        lang = meta.examples.lang or (sorted(meta.languages)[0] if meta.languages else "en")
        linter = Linter(Config(), ruleset=RULESET)
        for text in meta.examples.flag:
            once, _ = linter.fix_text(text, path="example.md", lang=lang, unsafe=True)
            twice, _ = linter.fix_text(once, path="example.md", lang=lang, unsafe=True)
            assert once == twice, f"{meta.code}: fixing {text!r} did not converge"
