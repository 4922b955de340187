"""The built matcher is kept on disk and, read back, is the same matcher."""

from __future__ import annotations

import pytest

from heellint.glossary import matcher as matcher_module
from heellint.glossary.loader import load_glossary
from heellint.glossary.matcher import GlossaryMatcher
from heellint.resources import glossary_dir

LANGS = ("nb", "nn", "da", "sv", "en")
HEEL = "concepts:\n  - id: heel\n    terms: {nb: [{term: hælspore}]}\n"


def _tables(matcher: GlossaryMatcher) -> tuple:
    return (
        matcher.single,
        matcher.multi,
        matcher._multi_by_second,
        matcher.splits,
        matcher.term_keys,
        matcher.case_sensitive_keys,
        {lang: matcher.fuzzy(lang)[1] for lang in LANGS},
        {lang: matcher.fuzzy(lang)[0]._buckets for lang in LANGS},
    )


@pytest.fixture
def counted(monkeypatch, tmp_path):
    monkeypatch.setenv("HEELLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("HEELLINT_CACHE", raising=False)
    builds: list[int] = []
    original = GlossaryMatcher._build.__func__

    def build(cls, *args, **kwargs):
        builds.append(1)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(GlossaryMatcher, "_build", classmethod(build))
    return builds, tmp_path


def test_cached_matcher_equals_a_built_one(counted):
    builds, folder = counted
    glossary = load_glossary([glossary_dir()])
    first = GlossaryMatcher.build(glossary)
    assert builds == [1] and len(list(folder.glob("matcher-*.marshal"))) == 1
    again = load_glossary([glossary_dir()])
    second = GlossaryMatcher.build(again)
    assert builds == [1]  # read back, not built
    fresh = GlossaryMatcher._build(again)
    assert _tables(second) == _tables(fresh) == _tables(first)
    for key, entries in second.single.items():  # the entries point into the glossary itself
        for entry, other in zip(entries, fresh.single[key]):
            assert entry.concept is other.concept and entry.term is other.term


def test_other_options_or_glossary_are_other_entries(counted, tmp_path_factory):
    builds, _ = counted
    glossary = load_glossary([glossary_dir()])
    GlossaryMatcher.build(glossary)
    GlossaryMatcher.build(glossary, min_length=6)
    assert builds == [1, 1]
    folder = tmp_path_factory.mktemp("own")
    own = folder / "own.yaml"
    own.write_text(HEEL, encoding="utf-8")
    smaller = load_glossary([own])
    assert len(GlossaryMatcher.build(smaller).single) < len(GlossaryMatcher.build(glossary).single)
    assert builds == [1, 1, 1]
    own.write_text(HEEL.replace("hælspore}", "hælspore, misspellings: [hælspure]}"), encoding="utf-8")
    assert "hælspure" in GlossaryMatcher.build(load_glossary([own])).single  # changed file: rebuilt
    assert builds == [1, 1, 1, 1]


@pytest.mark.parametrize("damage", [b"", b"\x00\x01garbage", None])
def test_a_damaged_cache_file_is_ignored(counted, damage):
    import marshal

    builds, folder = counted
    glossary = load_glossary([glossary_dir()])
    expected = _tables(GlossaryMatcher.build(glossary))
    (path,) = folder.glob("matcher-*.marshal")
    path.write_bytes(marshal.dumps({"entries": ((10**6, 0, "nb", "term", "", "x"),)}) if damage is None else damage)
    assert _tables(GlossaryMatcher.build(glossary)) == expected
    assert builds == [1, 1]


def test_no_cache_when_disabled_or_not_from_files(counted, monkeypatch):
    builds, folder = counted
    from heellint.glossary.loader import load_text

    GlossaryMatcher.build(load_text(HEEL))
    monkeypatch.setenv("HEELLINT_CACHE", "0")
    GlossaryMatcher.build(load_glossary([glossary_dir()]))
    assert builds == [1, 1] and not list(folder.glob("matcher-*"))
    assert matcher_module._cache_key(load_glossary([glossary_dir()]), 5, 2) is None
