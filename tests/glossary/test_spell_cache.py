"""The Hunspell verdict cache: a dictionary loads only when a verdict is not on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from heellint.glossary import fuzzy


class _FakeDictionary:
    def __init__(self, words: set[str]) -> None:
        self.words = words
        self.asked: list[str] = []

    def spell(self, word: str) -> bool:
        self.asked.append(word)
        return word in self.words

    def analyze(self, word: str) -> list[str]:
        return [f" st:{word}"]


@pytest.fixture
def fake(monkeypatch, tmp_path):
    """A fake nb dictionary whose loads are counted, and an empty cache folder."""
    monkeypatch.setenv("HEELLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("HEELLINT_CACHE", raising=False)
    monkeypatch.setattr(fuzzy, "_VERDICTS", {})
    monkeypatch.setattr(fuzzy, "_hunspell_installed", lambda lang: True)
    monkeypatch.setattr(fuzzy, "_dictionary_identity", lambda lang: f"fake-{lang}")
    loads: list[str] = []
    dictionary = _FakeDictionary({"klinisk", "senere"})

    def load(lang: str):
        loads.append(lang)
        return dictionary

    monkeypatch.setattr(fuzzy, "_load_hunspell", load)

    def new_process():  # what a second run starts with: no memo, nothing loaded
        monkeypatch.setattr(fuzzy, "_VERDICTS", {})
        return fuzzy.SpellFilter(True)

    return loads, dictionary, new_process, tmp_path / "cache" / "hunspell-nb-fake-nb.json"


def test_verdicts_are_memoised_and_kept_on_disk(fake):
    loads, dictionary, new_process, path = fake
    spell = new_process()
    assert spell.accepts("klinisk", "nb") and not spell.accepts("klinnikk", "nb")
    assert spell.accepts("klinisk", "nb")  # memo: not asked again
    assert dictionary.asked.count("klinisk") == 1 and loads == ["nb"]
    spell.flush()
    assert json.loads(path.read_text(encoding="utf-8")) == {"klinisk": True, "klinnikk": False}

    again = new_process()
    assert again.accepts("klinisk", "nb") and not again.accepts("klinnikk", "nb")
    assert loads == ["nb"]  # the second "process" did not load the dictionary
    assert again.accepts("senere", "nb") and loads == ["nb", "nb"]  # a miss loads it
    again.flush()
    assert json.loads(path.read_text(encoding="utf-8")) == {"klinisk": True, "klinnikk": False, "senere": True}


@pytest.mark.parametrize("damage", [b"{\"klinisk\": tr", b"\xff\xfe\x00garbage", b"[1, 2]", b"{\"klinisk\": 1}", b""])
def test_a_damaged_cache_file_is_ignored(fake, damage):
    loads, _, new_process, path = fake
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    spell = new_process()
    assert spell.accepts("klinisk", "nb") and loads == ["nb"]
    spell.flush()
    assert json.loads(path.read_text(encoding="utf-8")) == {"klinisk": True}  # and replaced


def test_no_cache_when_disabled(fake, monkeypatch):
    loads, _, new_process, path = fake
    monkeypatch.setenv("HEELLINT_CACHE", "0")
    spell = new_process()
    assert spell.accepts("klinisk", "nb")
    spell.flush()
    assert not path.parent.exists()
    assert new_process().accepts("klinisk", "nb") and loads == ["nb", "nb"]


def test_hunspell_off_answers_nothing(fake):
    loads, _, _, _ = fake
    assert not fuzzy.SpellFilter(False).accepts("klinisk", "nb") and loads == []


_PROBE = textwrap.dedent(
    """
    import sys
    from heellint.glossary import fuzzy
    loads = []
    original = fuzzy._load_hunspell
    def counted(lang):
        loads.append(lang)
        return original(lang)
    fuzzy._load_hunspell = counted
    spell = fuzzy.SpellFilter(True)
    answers = [spell.accepts(word, "nb") for word in ("klinisk", "senere", "ankelflakturen", "klinnikk")]
    spell.flush()
    print(len(loads), *answers)
    """
)


def test_a_second_process_does_not_load_the_real_dictionary(tmp_path):
    if not fuzzy.SpellFilter(True).installed("nb"):
        pytest.skip("no nb Hunspell dictionary ([spell] extra)")
    env = dict(os.environ, HEELLINT_CACHE_DIR=str(tmp_path), HEELLINT_CACHE="1", HEELLINT_HUNSPELL="1")
    runs = [subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True).stdout.split()
            for _ in range(2)]
    assert runs[0] == ["1", "True", "True", "False", "False"]
    assert runs[1] == ["0", "True", "True", "False", "False"]
    (cached,) = tmp_path.glob("hunspell-nb-*.json")
    cached.write_text("{not json", encoding="utf-8")  # damaged: ignored, asked again
    third = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True).stdout.split()
    assert third == ["1", "True", "True", "False", "False"]
