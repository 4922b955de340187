"""What the caches read back is what reading and building make: the checked
concepts of a glossary file, the matcher's hits per language, and the fuzzy
index's nearby forms."""

from __future__ import annotations

import pytest
from rapidfuzz.distance import OSA

from heellint.glossary import loader
from heellint.glossary.fuzzy import FuzzyIndex, max_distance_for
from heellint.glossary.loader import load_glossary
from heellint.glossary.matcher import GlossaryMatcher
from heellint.parse import parse_document
from heellint.resources import glossary_dir

from .test_seeds import seed

HEEL = "concepts:\n  - id: heel\n    terms: {nb: [{term: hælspore, misspellings: [hælspace]}]}\n"


@pytest.fixture
def cache_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("HEELLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("HEELLINT_CACHE", raising=False)
    return tmp_path / "cache"


def _concepts(glossary):
    """Every value of every concept and term, ``where`` included."""
    return [(concept, concept.where, [(term, term.where) for _, term in concept.all_terms()])
            for concept in glossary.concepts]


def test_kept_concepts_equal_read_ones(cache_folder, monkeypatch):
    first = load_glossary([glossary_dir()])  # reads and keeps the rows
    assert len(list(cache_folder.glob("concepts-*.marshal"))) == len(first.sources)
    reads = []
    original = loader._read_data
    monkeypatch.setattr(loader, "_read_data", lambda *args: reads.append(1) or original(*args))
    again = load_glossary([glossary_dir()])
    assert not reads  # every file from its rows
    assert _concepts(again) == _concepts(first)
    assert again.sources == first.sources


def test_a_changed_or_damaged_file_is_read_again(cache_folder, tmp_path):
    own = tmp_path / "own.yaml"
    own.write_text(HEEL, encoding="utf-8")
    assert load_glossary([own]).concepts[0].terms["nb"][0].misspellings == ("hælspace",)
    own.write_text(HEEL.replace("hælspace", "hælspure"), encoding="utf-8")
    assert load_glossary([own]).concepts[0].terms["nb"][0].misspellings == ("hælspure",)
    (rows,) = cache_folder.glob("concepts-*.marshal")  # the earlier state's rows are gone
    for damage in (b"", b"\x00garbage", b"\xe9\x01\x00\x00\x00"):
        rows.write_bytes(damage)
        assert load_glossary([own]).concepts[0].terms["nb"][0].misspellings == ("hælspure",)


def test_a_broken_file_still_names_its_line(cache_folder, tmp_path):
    from heellint.core.yamlio import DataError

    own = tmp_path / "own.yaml"
    own.write_text(HEEL.replace("hælspore,", "hælspore, status: old,"), encoding="utf-8")
    for _ in range(2):  # nothing kept for a file with a problem
        with pytest.raises(DataError) as raised:
            load_glossary([own])
        assert raised.value.line == 3
    assert not list(cache_folder.glob("concepts-*.marshal"))


@pytest.mark.parametrize("lang", ["nb", "da", "nn", "sv", "en", None])
def test_a_read_back_matcher_finds_what_a_built_one_finds(cache_folder, lang):
    glossary = load_glossary([glossary_dir()])
    GlossaryMatcher.build(glossary)  # built and kept
    cached = GlossaryMatcher.build(load_glossary([glossary_dir()]))
    built = GlossaryMatcher._build(glossary)
    text = (seed("000_989b888d24f57c83.txt") + "\n\n" + seed("004_98c910dbf5d1c947.txt")
            + "\n\nHæl spore, hæl-spore og plantarfasciitt; plantar fasciitt. Hælsporane og hælsporerne.\n")
    document = parse_document("article.md", text)

    def hits(matcher):
        return [(match.start, match.end, match.key, [(entry.concept.id, entry.lang, entry.term.term, entry.kind,
                                                       entry.slot, entry.form) for entry in match.entries])
                for match in matcher.exact_matches(document, lang)]

    found = hits(cached)
    assert found == hits(built)
    assert found  # the text has hits in every language's tables


def test_fuzzy_candidates_are_every_near_form():
    """The per-length, per-beginning choice lists leave out no form the rules
    allow: compared with every form of the language, one by one."""
    glossary = load_glossary([glossary_dir()])
    forms = sorted(GlossaryMatcher._build(glossary).fuzzy("nb")[1])
    index = FuzzyIndex(forms, "nb")
    words = {form[:cut] + letter + form[cut + skip:] for form in forms[::7] for cut in (1, 2, 4, len(form) - 1)
             for letter in ("", "e", "s") for skip in (0, 1, 2)}
    for word in sorted(words):
        limit = max_distance_for(len(word), index.min_length, index.cap)
        expected = set()
        for form in forms:
            distance = OSA.distance(word, form)
            if 0 < distance <= limit and form[0] == word[0] and (distance < 2 or form[:2] == word[:2]):
                if not index._inflection_of_other_word(word, form):
                    expected.add((form, distance))
        assert {(candidate.text, candidate.distance) for candidate in index.candidates(word)} == expected, word
