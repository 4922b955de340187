from __future__ import annotations

import dataclasses
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest

from heellint.text import lang as lang_module
from heellint.text.lang import LANGUAGES, LanguageGuess, detect_language

DATA_DIRECTORY = Path(__file__).parent / "data" / "langid"
SEEDS = Path("/work/shared/seeds")


def load_evaluation() -> ModuleType:
    """Import tests/text/langid_eval.py by path (tests/ is not a package)."""
    path = Path(__file__).parent / "langid_eval.py"
    specification = importlib.util.spec_from_file_location("langid_eval", path)
    assert specification is not None and specification.loader is not None
    module = importlib.util.module_from_spec(specification)
    sys.modules[specification.name] = module  # dataclasses look their module up there
    specification.loader.exec_module(module)
    return module


langid_eval = load_evaluation()


# --- The measured accuracy (docs/language-detection.md) -------------------------------------


@pytest.mark.parametrize(
    "numbers",
    [langid_eval.TUNING_NUMBERS, langid_eval.HELD_OUT_NUMBERS],
    ids=["tuning", "held-out"],
)
def test_article_accuracy_is_at_least_95_percent_per_language(numbers: range) -> None:
    tally = langid_eval.evaluate(numbers)["article"]
    for lang in LANGUAGES:
        assert tally.total(lang) == len(numbers)
        assert tally.accuracy(lang) >= 0.95, (lang, tally.confusion[lang])


@pytest.mark.parametrize(
    "numbers",
    [langid_eval.TUNING_NUMBERS, langid_eval.HELD_OUT_NUMBERS],
    ids=["tuning", "held-out"],
)
def test_paragraphs_are_never_given_a_wrong_language(numbers: range) -> None:
    # Paragraphs of 20+ words are mostly decided; when they are not, the
    # detector must say None rather than a wrong language.
    tally = langid_eval.evaluate(numbers)["paragraph"]
    for lang in LANGUAGES:
        assert tally.accuracy(lang) >= 0.9, (lang, tally.confusion[lang])
        wrong = {answer: count for answer, count in tally.confusion[lang].items() if answer not in (lang, "none")}
        assert wrong == {}, (lang, wrong)


# --- The test set itself ------------------------------------------------------------------


def test_test_set_has_25_articles_of_150_to_400_words_per_language() -> None:
    for lang in LANGUAGES:
        paths = sorted(DATA_DIRECTORY.glob(f"{lang}_*.txt"))
        assert [path.name for path in paths] == [f"{lang}_{number:02d}.txt" for number in range(1, 26)]
        for path in paths:
            text = path.read_text(encoding="utf-8")
            assert 150 <= len(re.findall(r"[^\W\d_]+", text)) <= 400, path.name
            assert unicodedata.is_normalized("NFC", text), path.name


# --- The seeds ------------------------------------------------------------------------------


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed articles are not available")
@pytest.mark.parametrize(
    ("name", "expected"),
    [("000_989b888d24f57c83.txt", "nb"), ("004_98c910dbf5d1c947.txt", "da")],
)
def test_seed_articles(name: str, expected: str) -> None:
    guess = detect_language((SEEDS / name).read_text(encoding="utf-8"))
    assert guess.lang == expected
    assert guess.confidence > 0.99


# --- Short and odd input ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n ", "12 34 56 78 90 11", "### --- *** ", "xyzzy qrtp zzkrt vvbnm plokk"])
def test_no_evidence_gives_none_and_zero_confidence(text: str) -> None:
    guess = detect_language(text)
    assert guess.lang is None
    assert guess.confidence == 0.0
    assert sum(guess.scores.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("text", ["Hva er hælspore?", "ikkje", "the heel", "Hvad er det"])
def test_under_five_words_gives_none_with_low_confidence(text: str) -> None:
    guess = detect_language(text)
    assert guess.lang is None
    assert guess.confidence < 0.5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hva er årsaken til at jeg får vondt under foten etter at jeg har løpt?", "nb"),
        ("Kva er årsaka til at eg får vondt under foten etter at eg har sprunge?", "nn"),
        ("Hvad er årsagen til, at jeg får ondt under foden, efter at jeg har løbet?", "da"),
        ("Vad är orsaken till att jag får ont under foten efter att jag har sprungit?", "sv"),
        ("What is the reason that I get pain under my foot after I have been running?", "en"),
    ],
)
def test_one_sentence_is_enough_when_it_has_function_words(text: str, expected: str) -> None:
    assert detect_language(text).lang == expected


def test_markdown_replaced_by_spaces_does_no_harm() -> None:
    text = (
        "  Hva er hælspore?  \n\n   Hælspore er en   benet utvekst   på hælen, og det "
        "er ikke uvanlig at  plantar fasciitt        kommer i tillegg.  "
    )
    assert detect_language(text).lang == "nb"


def test_danish_article_with_english_references_stays_danish() -> None:
    text = (
        "Styrketræning er førstevalget, og det viser flere studier. Efter tre måneder havde "
        "gruppen bedre funktion og mindre smerte end dem, der kun lavede udspænding. "
        "Kilder: Rathleff MS et al. High-load strength training improves outcome in patients "
        "with plantar fasciitis: a randomized controlled trial with 12-month follow-up."
    )
    assert detect_language(text).lang == "da"


def test_scores_are_probabilities_over_all_languages() -> None:
    guess = detect_language("Det er viktig at du ikke slutter å bevege deg, selv om det gjør litt vondt.")
    assert set(guess.scores) == set(LANGUAGES)
    assert sum(guess.scores.values()) == pytest.approx(1.0)
    assert guess.lang == max(guess.scores, key=guess.scores.__getitem__)
    assert guess.confidence == pytest.approx(guess.scores[guess.lang])


def test_long_documents_are_sampled_not_truncated() -> None:
    english = "The heel hurts when you walk and it is worse in the morning. " * 2000
    swedish = "Det gör ont i hälen och det är värre på morgonen när man går. " * 2000
    assert detect_language(english + swedish).lang in ("en", "sv")
    assert detect_language(swedish + english).scores["en"] > 0.0


def test_guess_is_a_frozen_slotted_dataclass() -> None:
    guess = detect_language("Det er viktig at du ikke slutter å bevege deg.")
    assert isinstance(guess, LanguageGuess)
    assert not hasattr(guess, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        guess.lang = "da"  # type: ignore[misc]


# --- The evidence tables ----------------------------------------------------------------


def evidence_lines() -> list[list[str]]:
    rows = []
    for line in lang_module._WORD_EVIDENCE.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(line.split())
    return rows


def test_each_evidence_word_appears_once() -> None:
    seen: dict[str, int] = {}
    for row in evidence_lines():
        for word in row[2:]:
            seen[word] = seen.get(word, 0) + 1
    assert [word for word, count in seen.items() if count > 1] == []


def test_evidence_words_are_lower_case_nfc_letters_with_known_languages() -> None:
    for weight, languages, *words in evidence_lines():
        assert float(weight) > 0
        assert set(languages.split(",")) <= set(LANGUAGES)
        for word in words:
            assert word == word.lower() and word.isalpha(), word
            assert unicodedata.is_normalized("NFC", word), word


def test_ending_patterns_compile_and_name_known_languages() -> None:
    for weight, languages, pattern in lang_module._ENDING_EVIDENCE:
        assert weight > 0
        assert set(languages.split(",")) <= set(LANGUAGES)
        re.compile(pattern)
