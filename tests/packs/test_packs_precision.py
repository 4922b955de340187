"""Precision and recall of the shipped rule packs on whole articles.

- Clean health prose in each language (tests/packs/data/clean_*.md), written to contain
  the near misses the packs must not flag (times, ratios, Swedish S:t and 3:e, legitimate
  doublings such as "det det" and "at at", correct compounds, "mest vanlige", Markdown
  emphasis before punctuation ...), gives no finding of any pack rule, including the
  rules that are off by default.
- The seed articles (tests/packs/data/seeds, copies of real articles) give the findings
  an editor would want, at the right place and with the right replacement.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from heellint.api import Linter, RunOptions
from heellint.core.config import Config
from heellint.kinds.packs import load_pack
from heellint.resources import rules_dir

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
NB_SEED = SEEDS / "000_989b888d24f57c83.txt"
DA_SEED = SEEDS / "004_98c910dbf5d1c947.txt"

PACK_FILES = (
    "nb-spelling.yaml", "nn-spelling.yaml", "da-spelling.yaml", "sv-spelling.yaml", "en-spelling.yaml",
    "nb-grammar.yaml", "da-grammar.yaml", "sv-grammar.yaml", "typography.yaml",
)
PACK_CODES = tuple(sorted(rule.meta.code for name in PACK_FILES for rule in load_pack(rules_dir() / name)))


def pack_linter() -> Linter:
    # Exact codes select the off-by-default rules too.
    return Linter(Config(root=DATA), RunOptions(select=PACK_CODES))


def findings(path: Path, lang: str):
    text = path.read_text(encoding="utf-8")
    diagnostics = [d for d in pack_linter().lint_text(text, path=str(path), lang=lang) if d.rule in PACK_CODES]
    return text, diagnostics


def span_text(text: str, diagnostic) -> str:
    return text[diagnostic.start:diagnostic.end]


def test_the_packs_define_rules():
    assert len(PACK_CODES) >= 30
    assert len(set(PACK_CODES)) == len(PACK_CODES)


@pytest.mark.parametrize("lang", ["nb", "nn", "da", "sv", "en"])
def test_clean_text_gives_no_pack_finding(lang):
    path = DATA / f"clean_{lang}.md"
    text, found = findings(path, lang)
    assert len(text.split()) >= 250, "the clean text should be a real article"
    assert not found, "\n".join(f"{d.line}:{d.column} {d.rule} {span_text(text, d)!r}: {d.message}" for d in found)


def test_nb_seed_misspellings_of_haelspore():
    text, found = findings(NB_SEED, "nb")
    by_span = {(d.start, d.end): d for d in found if d.rule == "SP101"}
    expected = {"hælspace": "hælspore", "Hælspace": "Hælspore", "Hælspre": "Hælspore", "hælspre": "hælspore"}
    occurrences = []
    lowered = text.casefold()
    for variant in ("hælspace", "hælspre"):
        start = lowered.find(variant)
        while start != -1:
            occurrences.append((start, start + len(variant)))
            start = lowered.find(variant, start + 1)
    assert len(occurrences) == 4  # hælspace, hælspace, Hælspace, Hælspre
    for start, end in occurrences:
        diagnostic = by_span.get((start, end))
        assert diagnostic is not None, f"{text[start:end]!r} at {start} not flagged"
        assert diagnostic.replacements[0] == expected[text[start:end]]
        assert diagnostic.fix is not None and diagnostic.fix.applicability == "safe"


@pytest.mark.parametrize(
    ("rule", "flagged", "replacement"),
    [
        ("SP101", "klinnikk", "klinikk"),
        ("GR101", "mest vanligste", "vanligste"),
        ("GR102", "i forbindelse ved", "i forbindelse med"),
        ("GR103", "utsatt til å", "utsatt for å"),
        ("SP102", "akilles tendinopati", "akillestendinopati"),  # inside link text [..](#)
        ("SP103", "overbelastningskader", "overbelastningsskader"),
    ],
)
def test_nb_seed_expected_findings(rule, flagged, replacement):
    text, found = findings(NB_SEED, "nb")
    hits = [d for d in found if d.rule == rule and span_text(text, d) == flagged]
    assert hits, f"{rule} did not flag {flagged!r}; found {[(d.rule, span_text(text, d)) for d in found]}"
    assert hits[0].replacements[0] == replacement


def test_nb_seed_link_text_is_prose():
    text, found = findings(NB_SEED, "nb")
    hit = next(d for d in found if d.rule == "SP102")
    assert text[hit.start - 1] == "[" and text[hit.end:hit.end + 4] == "](#)"


def test_da_seed_missing_space_after_colon():
    text, found = findings(DA_SEED, "da")
    colon = {span_text(text, d): d for d in found if d.rule == "TY101"}
    assert "væg:Stå" in colon
    assert colon["væg:Stå"].replacements[0] == "væg: Stå"
    # The same slip twice more, and nothing in the times, ratios and references.
    assert set(colon) == {"væg:Stå", "morgenen:Før", "håndklæde:Sidende"}


def test_da_seed_has_no_spelling_or_grammar_false_positive():
    text, found = findings(DA_SEED, "da")
    wrong = [(d.rule, span_text(text, d)) for d in found if d.rule.startswith(("SP", "GR"))]
    assert wrong == []


def test_fixing_the_nb_seed_converges_and_corrects():
    source = NB_SEED.read_text(encoding="utf-8")
    linter = pack_linter()
    fixed, _ = linter.fix_text(source, path=str(NB_SEED), lang="nb", unsafe=True)
    again, _ = linter.fix_text(fixed, path=str(NB_SEED), lang="nb", unsafe=True)
    assert fixed == again
    for wrong in ("hælspace", "Hælspre", "klinnikk", "mest vanligste", "i forbindelse ved", "akilles tendinopati"):
        assert wrong not in fixed
    for right in ("Hælspore trenger ikke", "i vår klinikk", "de vanligste", "i forbindelse med plantarfasciitt",
                  "[akillestendinopati](#)", "utsatt for å få"):
        assert right in fixed


def test_examples_folder_is_linted_without_errors():
    examples = Path(__file__).resolve().parents[2] / "examples"
    if not examples.is_dir():
        pytest.skip("no examples folder")
    linter = pack_linter()
    for path in sorted(examples.iterdir()):
        if path.suffix in (".md", ".txt"):
            diagnostics = linter.lint_text(path.read_text(encoding="utf-8"), path=str(path))
            assert not [d for d in diagnostics if d.rule in ("HL011", "HL012")], path
