"""What the seeds must show with the built-in glossary (substitution packs off)."""

from __future__ import annotations


import pytest

from .conftest import REPO, make_linter

SEED_FOLDERS = (REPO / "tests" / "data" / "seeds", REPO.parent / "shared" / "seeds")


def seed(name: str) -> str:
    for folder in SEED_FOLDERS:
        path = folder / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    pytest.skip(f"seed {name} not available")


@pytest.fixture(scope="module")
def nb_findings():
    linter = make_linter(glossary=None, select=("TM",))
    return linter.lint_text(seed("000_989b888d24f57c83.txt"), path="000.md", lang="nb")


def test_plantar_fasciitis_mixture_is_reported(nb_findings):
    by_text = {}
    for diagnostic in nb_findings:
        by_text.setdefault(diagnostic.message.split("'")[1], []).append(diagnostic)
    assert "plantarfascitt" in by_text and "plantar fascitt" in by_text
    for text in ("plantarfascitt", "plantar fascitt"):
        for diagnostic in by_text[text]:
            assert diagnostic.category in ("spelling", "consistency")
            assert diagnostic.replacements[0] in ("plantar fasciitt", "plantarfasciitt")
    assert len(by_text["plantarfascitt"]) == 3 and len(by_text["plantar fascitt"]) == 3


@pytest.mark.parametrize(("word", "replacement"), [("hælspace", "hælspore"), ("Hælspre", "Hælspore"),
                                                  ("klinnikk", "klinikk")])
def test_misspellings_found_by_the_glossary_alone(nb_findings, word, replacement):
    found = [d for d in nb_findings if d.rule == "TM101" and f"'{word}'" in d.message]
    assert found, word
    assert found[0].replacements[0] == replacement
    assert found[0].fix is not None


def test_no_packs_ran(nb_findings):
    assert {d.rule[:2] for d in nb_findings} == {"TM"}


def test_correct_forms_are_left_alone(nb_findings):
    flagged = {d.message.split("'")[1].casefold() for d in nb_findings if d.category == "spelling"}
    assert not flagged & {"hælspore", "hælsporer", "hælsporen", "hælsporene", "senen", "hælen", "klinikk"}


def test_danish_seed_has_no_spelling_findings():
    linter = make_linter(glossary=None, select=("TM",))
    found = linter.lint_text(seed("004_98c910dbf5d1c947.txt"), path="004.md", lang="da")
    assert not [d for d in found if d.category in ("spelling", "terminology")], [d.message for d in found]


def test_fix_converges_on_the_seed():
    linter = make_linter(glossary=None, select=("TM1",))
    fixed, remaining = linter.fix_text(seed("000_989b888d24f57c83.txt"), path="000.md", lang="nb")
    assert "hælspace" not in fixed.casefold() and "klinnikk" not in fixed
    assert "plantar fasciitt" in fixed
    assert not [d for d in remaining if d.fix is not None and d.fix.applicability == "safe"]
