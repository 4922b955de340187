"""The data files load, are sorted, normalised and consistent (principle 10)."""

from __future__ import annotations

import unicodedata

import pytest
import yaml

from heellint.claims.cues import GROUPS, POSITIVE_GROUPS, load_lexicon, read_lexicon
from heellint.claims.metadata import load_metadata_data
from heellint.core.rule import LANGUAGES
from heellint.core.yamlio import DataError
from heellint.resources import rules_dir

CLAIMS_DIR = rules_dir() / "claims"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lexicon_loads_and_is_well_formed(lang):
    lexicon = load_lexicon(lang)
    assert lexicon is not None and lexicon.lang == lang
    assert lexicon.source
    groups = {cue.group for cue in lexicon.cues}
    assert groups == set(GROUPS), f"{lang}: every group needs cues"
    raw = yaml.safe_load((CLAIMS_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    for group, entries in raw["cues"].items():
        keys = [entry["cue"].casefold() for entry in entries]
        assert keys == sorted(keys), f"{lang}.{group} is not sorted"
        assert len(keys) == len(set(keys)), f"{lang}.{group} has duplicates"
        for entry in entries:
            assert unicodedata.normalize("NFC", entry["cue"]) == entry["cue"]
            if entry.get("regex"):
                assert entry.get("name"), f"{lang}: regex cue {entry['cue']!r} needs a readable name"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lexicon_header_names_its_source(lang):
    text = (CLAIMS_DIR / f"{lang}.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Claim cues for")
    assert "helsenorge.no" in text and "Design" in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_literal_cue_fires_on_its_own_text(lang):
    """Written out, a literal cue is found: by itself, or by a heavier cue of the same group that
    starts at the same word (one cue counts per position: "husk" the imperative before "husk å")."""
    lexicon = load_lexicon(lang)
    for cue in lexicon.cues:
        if cue.regex:
            continue
        sample = cue.cue.replace("*", "")
        hits = [hit for hit in lexicon.scan(sample) if hit.start == 0]
        assert hits, f"{lang}: {cue.cue!r} does not match itself"
        assert any(hit.cue is cue or (hit.cue.group == cue.group and abs(hit.cue.weight) >= abs(cue.weight))
                   for hit in hits), f"{lang}: {cue.cue!r} is shadowed by {[hit.cue.cue for hit in hits]}"


def test_lexicon_validation_errors(tmp_path):
    bad = tmp_path / "xx.yaml"
    bad.write_text("lang: xx\nsource: s\ncues:\n  research:\n    - {cue: '(a)b', regex: true, weight: 2}\n",
                   encoding="utf-8")
    with pytest.raises(DataError, match="capturing groups"):
        read_lexicon(bad)
    bad.write_text("lang: xx\nsource: s\ncues:\n  hedge:\n    - {cue: 'kan', weight: 1}\n", encoding="utf-8")
    with pytest.raises(DataError, match="negative"):
        read_lexicon(bad)
    bad.write_text("lang: xx\nsource: s\ncues:\n  feelings:\n    - {cue: 'kan', weight: 1}\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown group"):
        read_lexicon(bad)


def test_positive_groups_have_positive_weights():
    for lang in LANGUAGES:
        for cue in load_lexicon(lang).cues:
            assert (cue.weight > 0) == (cue.group in POSITIVE_GROUPS), (lang, cue)


def test_sources_file_is_sorted():
    data = yaml.safe_load((CLAIMS_DIR / "sources.yaml").read_text(encoding="utf-8"))
    for name, hosts in data.items():
        assert hosts == sorted(hosts) and all(host == host.lower() for host in hosts), name


def test_metadata_file_is_sorted_and_loads():
    path = rules_dir() / "metadata" / "metadata.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(data["months"]) == sorted(data["months"])
    for key, values in data.items():
        if isinstance(values, list):
            assert values == sorted(values), key
            assert all(value == value.lower() for value in values), key
    loaded = load_metadata_data()
    assert loaded.months["marts"] == 3 and loaded.months["desember"] == 12 and loaded.months["augusti"] == 8


def test_lexicon_is_compiled_once_per_language():
    assert load_lexicon("nb") is load_lexicon("nb")
    assert load_lexicon("nb").patterns is load_lexicon("nb").patterns
