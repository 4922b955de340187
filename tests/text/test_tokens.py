from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heellint.text import tokens
from heellint.text.tokens import WORD_PATTERN, apply_case, case_pattern, is_capitalized, iter_words


def words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[a:b] for a, b in iter_words(text, start, end)]


# --- iter_words ------------------------------------------------------------------------


def test_scandinavian_letters_are_letters() -> None:
    assert words("Hælspore, søvn og årsak; läkare, höft; café, über.") == [
        "Hælspore", "søvn", "og", "årsak", "läkare", "höft", "café", "über",
    ]


def test_offsets_are_code_point_indices() -> None:
    text = "Ømhet i hælen"
    assert list(iter_words(text)) == [(0, 5), (6, 7), (8, 13)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hæl-spore", ["hæl-spore"]),
        ("Covid-19", ["Covid-19"]),
        ("covid-19-vaksine", ["covid-19-vaksine"]),
        ("B12-vitamin", ["B12-vitamin"]),
        ("HbA1c", ["HbA1c"]),
        ("12-month follow-up", ["12-month", "follow-up"]),
        ("don't it's", ["don't", "it's"]),
        ("don’t", ["don’t"]),
        ("O'Brien", ["O'Brien"]),
        ("SAS' fly", ["SAS", "fly"]),
        ("'sitat'", ["sitat"]),
        ("hæl- og fotsmerter", ["hæl", "og", "fotsmerter"]),
        ("hæl--spore", ["hæl", "spore"]),
        ("-spore", ["spore"]),
        ("brosk\u00adskiva", ["brosk\u00adskiva"]),
        ("non\u2011stop", ["non\u2011stop"]),
    ],
)
def test_hyphens_and_apostrophes_join_only_inside_a_word(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    "text",
    ["2024", "3-4", "0,5", "10.30", "4-6", "1/2", "100%", "½", "²", "⅓", "③"],
)
def test_pure_numbers_are_not_words(text: str) -> None:
    assert words(text) == []


def test_numbers_next_to_words() -> None:
    assert words("4-6 uger, 3 sæt x 12 gentagelser, Uge 5+") == ["uger", "sæt", "x", "gentagelser", "Uge"]
    assert words("m² og 5 km/t") == ["m²", "og", "km", "t"]


def test_underscore_is_not_a_letter() -> None:
    assert words("snake_case __init__ _x_") == ["snake", "case", "init", "x"]


def test_combining_marks_stay_in_the_word() -> None:
    decomposed = unicodedata.normalize("NFD", "Hælspore på café og fisk")
    assert words(decomposed) == decomposed.split()
    assert words("òg") == ["òg"]
    assert words(unicodedata.normalize("NFD", "òg")) == [unicodedata.normalize("NFD", "òg")]


def test_other_scripts() -> None:
    assert words("Привет мир") == ["Привет", "мир"]
    assert words("नमस्ते दुनिया") == ["नमस्ते", "दुनिया"]
    assert words("مرحبا بالعالم") == ["مرحبا", "بالعالم"]
    assert words("日本語") == ["日本語"]


def test_punctuation_and_markup_separate_words() -> None:
    assert words("**Viktig:** [plantar fasciitt](#) — «sitat» (parentes) e-post@x.no") == [
        "Viktig", "plantar", "fasciitt", "sitat", "parentes", "e-post", "x", "no",
    ]


def test_range_reads_as_if_sliced() -> None:
    text = "Hælspore og plantar fasciitt"
    assert words(text, 3, 15) == ["spore", "og", "pla"]
    assert [(a - 3, b - 3) for a, b in iter_words(text, 3, 15)] == list(iter_words(text[3:15]))


def test_word_pattern_can_be_used_directly() -> None:
    pattern = re.compile(WORD_PATTERN)
    assert pattern.findall("B12-vitamin og covid-19 i 2024") == ["B12-vitamin", "og", "covid-19", "i"]
    assert pattern.fullmatch("hæl-spore") is not None
    assert pattern.fullmatch("3-4") is None


def test_long_digit_runs_stay_linear() -> None:
    # A pure number is consumed in one step, so a long one costs no more than its length.
    text = "1" * 200_000 + " ord"
    assert words(text) == ["ord"]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_words_are_ordered_disjoint_and_contain_a_letter(text: str) -> None:
    previous_end = 0
    for start, end in iter_words(text):
        assert previous_end <= start < end <= len(text)
        word = text[start:end]
        assert any(character.isalpha() for character in word)
        assert "_" not in word
        previous_end = end


@given(st.text(alphabet="abæ1-' _.", max_size=40))
def test_words_are_maximal(text: str) -> None:
    for start, end in iter_words(text):
        if start > 0:
            assert not text[start - 1].isalnum()
        if end < len(text):
            assert not text[end].isalnum()


def generate_ranges(categories: tuple[str, ...]) -> str:
    """Regenerate a range table of ``tokens`` (see the comments there).

    The code points of ``categories``, as a regex class body; runs separated
    only by unassigned code points are folded into one range.
    """
    codes = [code for code in range(0x110000) if unicodedata.category(chr(code)) in categories]
    foldable = {*categories, "Cn"}
    ranges: list[tuple[int, int]] = []
    first = last = codes[0]
    for code in codes[1:]:
        if all(unicodedata.category(chr(gap)) in foldable for gap in range(last + 1, code)):
            last = code
        else:
            ranges.append((first, last))
            first = last = code
    ranges.append((first, last))
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


@pytest.mark.skipif(unicodedata.unidata_version != "14.0.0", reason="ranges were generated from Unicode 14.0.0")
def test_range_tables_match_unicode_data() -> None:
    assert tokens._MARK_RANGES == generate_ranges(("Mn", "Mc", "Me"))
    assert tokens._NUMERIC_RANGES == generate_ranges(("No", "Nl"))


def test_letter_class_is_exactly_the_letters_of_the_latin_1_and_greek_blocks() -> None:
    letter = re.compile(tokens._LETTER)
    for code in range(0x0000, 0x0400):
        character = chr(code)
        assert (letter.fullmatch(character) is not None) == character.isalpha(), hex(code)


# --- Case --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Hælspore", True),
        ("HÆL", True),
        ("B12-vitamin", True),
        ("Ǆ", True),
        ("Ærlig", True),
        ("iPhone", False),
        ("hælspore", False),
        ("12-month", False),
        ("2024", False),
        ("", False),
    ],
)
def test_is_capitalized(word: str, expected: bool) -> None:
    assert is_capitalized(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("hælspore", "lower"),
        ("covid-19", "lower"),
        ("HÆLSPORE", "upper"),
        ("NSAID", "upper"),
        ("Hælspore", "title"),
        ("Ørebetennelse", "title"),
        ("B12", "title"),
        ("A", "title"),
        ("Plantar fascitt", "title"),
        ("iPhone", "mixed"),
        ("McKenzie", "mixed"),
        ("COVID-vaksine", "mixed"),
        ("Plantar Fascitt", "mixed"),
        ("2024", "mixed"),
        ("日本語", "mixed"),
        ("", "mixed"),
    ],
)
def test_case_pattern(word: str, expected: str) -> None:
    assert case_pattern(word) == expected


@pytest.mark.parametrize(
    ("original", "replacement", "expected"),
    [
        ("Hælspace", "hælspore", "Hælspore"),
        ("HÆLSPACE", "hælspore", "HÆLSPORE"),
        ("hælspace", "hælspore", "hælspore"),
        ("Plantar fascitt", "plantar fasciitt", "Plantar fasciitt"),
        ("PLANTAR FASCITT", "plantar fasciitt", "PLANTAR FASCIITT"),
        ("plantar fascitt", "plantar fasciitt", "plantar fasciitt"),
        ("iPhone", "smarttelefon", "smarttelefon"),
        ("Plantar Fascitt", "plantar fasciitt", "plantar fasciitt"),
        # Intrinsic capitals of the replacement survive lower and title case.
        ("covid", "COVID-19", "COVID-19"),
        ("Covid", "COVID-19", "COVID-19"),
        ("hba1c", "HbA1c", "HbA1c"),
        ("Langtidsblodsukker", "hbA1c", "HbA1c"),
        # A title-cased replacement is lowered for a lower-case original.
        ("hælspace", "Hælspore", "hælspore"),
        # Digits and punctuation before the first letter are kept.
        ("Vitamin", "«d-vitamin»", "«D-vitamin»"),
        ("straße", "strasse", "strasse"),
        ("STRASSE", "straße", "STRASSE"),
    ],
)
def test_apply_case(original: str, replacement: str, expected: str) -> None:
    assert apply_case(case_pattern(original), replacement) == expected


def test_apply_case_with_unknown_pattern_leaves_the_replacement() -> None:
    assert apply_case("whatever", "HælSpore") == "HælSpore"
