"""The shipped common-word lists: sorted, NFC, a source header, and no glossary misspellings."""

from __future__ import annotations

import unicodedata

import pytest

from heellint.glossary.forms import fold, variant_forms
from heellint.glossary.loader import load_glossary
from heellint.glossary.vocabulary import Vocabulary, parse_words, shipped_words, vocabulary_folder
from heellint.resources import glossary_dir

LANGUAGES = ("nb", "nn", "da", "sv", "en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_list_is_sorted_nfc_lower_case_with_a_source(lang):
    path = vocabulary_folder() / f"{lang}.txt"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# ") and "heellint" in lines[0]
    assert any("frequency" in line or "Språkbanken" in line for line in lines if line.startswith("#"))
    words = parse_words(text)
    assert words == sorted(words), f"{lang}: not sorted"
    assert len(words) == len(set(words)), f"{lang}: duplicates"
    for word in words:
        assert unicodedata.is_normalized("NFC", word) and word == word.casefold() and " " not in word, word
    assert len(words) >= 300


@pytest.mark.parametrize("lang", LANGUAGES)
def test_list_holds_no_listed_misspelling(lang):
    glossary = load_glossary([glossary_dir()])
    words = shipped_words(lang)
    for concept in glossary.concepts:
        for term in concept.terms.get(lang, ()):
            for misspelling in term.misspellings:
                for form in variant_forms(misspelling, term, lang):
                    assert fold(form.text) not in words, (lang, form.text)


def test_user_vocabulary_applies_to_every_language(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("\ufeff# comment\nKlinnikk  # trailing comment\n\nHÆLSPACE\n", encoding="utf-8")
    vocabulary = Vocabulary.from_files([path])
    assert vocabulary.accepts("klinnikk", "nb") and vocabulary.accepts("hælspace", "sv")
    assert vocabulary.accepts("klinisk", "nb") and not vocabulary.accepts("klinisk", "en")
    assert Vocabulary.from_files([path], include_shipped=False).words("nb") == {"klinnikk", "hælspace"}
