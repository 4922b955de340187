"""Accepted words: the shipped common-word lists and the config's ``vocabulary`` files.

A word accepted here is never reported as an unknown misspelling, a split
compound or a wrong-variety term (the glossary's listed misspellings and
deprecated terms are still reported: the glossary says so explicitly).

Files: UTF-8, one word per line; ``#`` starts a comment; blank lines are
skipped. The shipped lists (``rules/vocabulary/<lang>.txt``) hold function
words and frequent words that sit close to glossary terms (klinisk/klinikk,
senere/sene, hælen/hæl); a config's files apply to every language.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from heellint.core.yamlio import DataError
from heellint.glossary.model import LANGUAGES


def _fold(word: str) -> str:
    return unicodedata.normalize("NFC", word).strip().casefold()


def parse_words(text: str) -> list[str]:
    words = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line)
    return words


def read_word_file(path: str | os.PathLike) -> frozenset[str]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError(str(path), None, "vocabulary file not found") from None
    except UnicodeDecodeError:
        raise DataError(str(path), None, "not valid UTF-8") from None
    except OSError as error:
        raise DataError(str(path), None, f"cannot read: {error.strerror or error}") from None
    return frozenset(_fold(word) for word in parse_words(text))


def vocabulary_folder() -> Path | None:
    from heellint.resources import rules_dir

    try:
        folder = rules_dir() / "vocabulary"
    except FileNotFoundError:  # pragma: no cover - a broken installation
        return None
    return folder if folder.is_dir() else None


@lru_cache(maxsize=None)
def shipped_words(lang: str) -> frozenset[str]:
    """The common-word list heellint ships for ``lang`` (empty when missing)."""
    folder = vocabulary_folder()
    if folder is None:
        return frozenset()
    path = folder / f"{lang}.txt"
    if not path.is_file():
        return frozenset()
    return read_word_file(path)


@dataclass(slots=True)
class Vocabulary:
    """Accepted words per language (shipped) plus the user's words (all languages)."""

    user: frozenset[str] = frozenset()
    include_shipped: bool = True
    _by_lang: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_files(cls, paths: Iterable[str | os.PathLike], include_shipped: bool = True) -> Vocabulary:
        words: set[str] = set()
        for path in paths:
            words |= read_word_file(path)
        return cls(frozenset(words), include_shipped)

    def words(self, lang: str | None) -> frozenset[str]:
        key = lang or ""
        found = self._by_lang.get(key)
        if found is None:
            shipped = shipped_words(lang) if (self.include_shipped and lang in LANGUAGES) else frozenset()
            found = shipped | self.user
            self._by_lang[key] = found
        return found

    def accepts(self, folded_word: str, lang: str | None) -> bool:
        return folded_word in self.words(lang)

    def is_user_word(self, folded_word: str) -> bool:
        return folded_word in self.user
