"""Loading packs fast without loosening what loading guarantees.

- The shipped packs load with their patterns compiled on first use and their
  parsed YAML cached; the full validation a user's pack gets at load is run on
  them here instead, so a broken shipped pattern still fails the build.
- A ``prefilter`` only decides where the full pattern is searched: it must be
  found inside every match (checked on every text the suite has for the packs),
  and a rule gives the same findings with it as without it.
- The parse cache gives the same rules as the YAML, follows changes of the
  file, and a damaged entry falls back to the YAML.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from heellint.api import Linter
from heellint.core.config import Config
from heellint.core.yamlio import DataError
from heellint.kinds.packs import builtin_pack_paths, load_pack
from heellint.resources import rules_dir

DATA = Path(__file__).parent / "data"
SHIPPED = builtin_pack_paths(rules_dir())


def patterns_of(rule):
    """Every lazily compiled pattern of a pack rule (pattern, regex variants, phrases)."""
    found = [getattr(rule, name, None) for name in ("pattern", "case_sensitive_phrases")]
    found += [pattern for pattern, _ in getattr(rule, "regex_entries", ())]
    return [pattern for pattern in found if pattern is not None]


def pack_texts() -> list[tuple[str, str]]:
    """(language, text): every rule's examples, the clean articles and the seeds."""
    texts = []
    for path in SHIPPED:
        for rule in load_pack(path, shipped=True):
            examples = rule.meta.examples
            lang = examples.lang or "nb"
            for text in (*examples.flag, *examples.ok, *(before for before, _ in examples.fix)):
                texts.append((lang, text))
    for lang in ("nb", "nn", "da", "sv", "en"):
        texts.append((lang, (DATA / f"clean_{lang}.md").read_text(encoding="utf-8")))
    texts.append(("nb", (DATA / "seeds" / "000_989b888d24f57c83.txt").read_text(encoding="utf-8")))
    texts.append(("da", (DATA / "seeds" / "004_98c910dbf5d1c947.txt").read_text(encoding="utf-8")))
    return texts


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("HEELLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("HEELLINT_CACHE", raising=False)
    return folder


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_pack_passes_the_full_validation_of_a_user_pack(path):
    rules = load_pack(path)  # compiles every pattern and prefilter, checks replacement groups
    assert rules
    for rule in rules:
        for pattern in patterns_of(rule):
            assert pattern.compiled is not None
        if getattr(rule, "prefilter", None) is not None:
            assert rule.prefilter.compiled is not None


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_deferred_loading_builds_the_same_rules(path, cache_dir):
    eager, deferred = load_pack(path), load_pack(path, shipped=True)
    assert [rule.meta for rule in eager] == [rule.meta for rule in deferred]
    for first, second in zip(eager, deferred):
        assert [p.source for p in patterns_of(first)] == [p.source for p in patterns_of(second)]


def test_every_prefilter_is_found_inside_every_match():
    texts = pack_texts()
    checked = 0
    for path in SHIPPED:
        for rule in load_pack(path):
            if getattr(rule, "prefilter", None) is None:
                continue
            gate = rule.prefilter.compiled
            for pattern in patterns_of(rule):
                for _, text in texts:
                    for match in pattern.compiled.finditer(text):
                        checked += 1
                        assert gate.search(text, match.start(), match.end()), (rule.meta.code, match.group())
    assert checked >= 20


def test_a_prefilter_never_changes_the_findings():
    linter = Linter(Config(root=DATA))
    documents = []
    for index, (lang, text) in enumerate(pack_texts()):
        document, _, _ = linter.prepare(f"text{index}.md", text, lang=lang)
        documents.append(document)
    compared = 0
    for path in SHIPPED:
        for rule in load_pack(path, shipped=True):
            if getattr(rule, "prefilter", None) is None:
                continue
            unfiltered = dataclasses.replace(rule, prefilter=None)
            for document in documents:
                assert list(rule.check(document)) == list(unfiltered.check(document)), rule.meta.code
                compared += 1
    assert compared > 0


PACK = """pack: p
rules:
  - code: GR901
    name: no-space-after-stop
    kind: pattern
    category: grammar
    severity: warning
    message: m
    pattern: '(\\p{{Ll}}{{2,}})\\.(\\p{{Lu}})'
    prefilter: '{prefilter}'
"""


def test_a_user_prefilter_that_does_not_compile_is_reported_with_its_line(tmp_path):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(prefilter="[.(unclosed"), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_pack(path)
    assert raised.value.line == 10 and "invalid regular expression" in raised.value.message


def test_a_user_prefilter_selects_the_blocks_searched(tmp_path):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(prefilter="\\.\\p{Lu}"), encoding="utf-8")
    (rule,) = load_pack(path)
    document, _, _ = Linter(Config(root=tmp_path)).prepare("a.md", "Ingen feil her.\n\nMen her.Feil.\n", lang="nb")
    assert [(found.start, found.end) for found in rule.check(document)] == [(21, 26)]


def test_the_parse_cache_follows_the_file_and_survives_damage(tmp_path, cache_dir):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(prefilter="\\.\\p{Lu}"), encoding="utf-8")
    first = load_pack(path, shipped=True)
    (entry,) = cache_dir.glob("pack-*.marshal")
    assert load_pack(path, shipped=True)[0].meta == first[0].meta
    assert load_pack(path, shipped=True)[0].meta.origin == str(path)

    entry.write_bytes(b"not marshal data")
    assert load_pack(path, shipped=True)[0].meta == first[0].meta

    path.write_text(PACK.format(prefilter="\\.\\p{Lu}").replace("message: m", "message: changed"), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert load_pack(path, shipped=True)[0].meta.message == "changed"
    assert len(list(cache_dir.glob("pack-*.marshal"))) == 1


def test_a_broken_pack_is_reported_with_its_line_when_cached_too(tmp_path, cache_dir):
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.format(prefilter="x").replace("kind: pattern", "kind: nonsense"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError) as raised:
            load_pack(path, shipped=True)
        assert raised.value.line == 5
