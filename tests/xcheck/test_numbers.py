"""Number readings across languages and formats (XL104's ground truth)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heellint.xcheck.numbers import find_numbers, localise, present, readings, word_values


def numbers(text: str) -> list[str]:
    return [number.text for number in find_numbers(text, 0, len(text))]


def values(text: str) -> frozenset[Decimal]:
    found = find_numbers(text, 0, len(text))
    result = frozenset().union(*(number.values for number in found)) if found else frozenset()
    return result | word_values(text, 0, len(text))


def covered(source: str, target: str) -> bool:
    target_values = values(target)
    return all(present(number, target_values) for number in find_numbers(source, 0, len(source)))


@pytest.mark.parametrize("text, expected", [
    ("About 10% of 1,500 adults", ["10", "1,500"]),
    ("3.5 mg twice, 80 % of 1 000 people", ["3.5", "80", "1 000"]),
    ("Vitamin B12, COVID-19, ICD-10 and H2O", []),
    ("10–20 minutes, 24/7", ["10", "20", "24", "7"]),
    ("on 12.03.2020 at 10:30.", ["12.03.2020", "10:30"]),
    ("in 2019.", ["2019"]),
    ("the 1st and 2nd week", ["1", "2"]),
    ("5mg and 3x", ["5", "3"]),
])
def test_tokens(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize("token, expected", [
    ("3.5", {"3.5"}),
    ("3,5", {"3.5"}),
    ("1.500", {"1.5", "1500"}),
    ("1,500", {"1.5", "1500"}),
    ("1.000.000", {"1000000"}),
    ("1.000,5", {"1000.5"}),
    ("1,000.5", {"1000.5"}),
    ("1 000", {"1000"}),
    ("1\u00a0000", {"1000"}),
    ("1\u202f000,25", {"1000.25"}),
    ("07", {"7"}),
])
def test_readings(token, expected):
    assert readings(token) == {Decimal(value).normalize() for value in expected}


@pytest.mark.parametrize("source, target", [
    ("3.5 points", "3,5 poeng"),
    ("80% of them", "80 % av dem"),
    ("80 percent", "80 prosent"),
    ("1,500 people", "1 500 personer"),
    ("1,500 people", "1.500 personer"),
    ("1,500 people", "1500 personer"),
    ("at 10:30", "kl. 10.30"),
    ("on 12.03.2020", "12. mars 2020"),
    ("on 2020-03-12", "12. mars 2020"),
    ("on 03/12/2020", "12. mars 2020"),
    ("3 weeks", "tre uker"),
    ("12 weeks", "tolv uger"),
    ("1 tablet", "én tablett"),
    ("the 3rd week", "den tredje uken"),
    ("10–20 min", "10-20 min"),
    ("Vitamin B12", "Vitamin B-12"),
])
def test_same_number_in_another_format(source, target):
    assert covered(source, target), (source, target)


@pytest.mark.parametrize("source, target", [
    ("10% of adults", "1 % av voksne"),
    ("3.5 mg", "35 mg"),
    ("400 mg", "40 mg"),
    ("in 2015", "i 2016"),
    ("13 weeks", "tretten uker"),  # words are read for 0-12 only
])
def test_different_numbers(source, target):
    assert not covered(source, target)


def test_localise():
    assert localise("3.5", "nb") == "3,5"
    assert localise("3,5", "en") == "3.5"
    assert localise("1,500", "nb") == "1,500"  # ambiguous grouping: left alone
    assert localise("10", "da") == "10"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=9_999_999), st.integers(min_value=0, max_value=99),
       st.sampled_from(["en", "nb", "da", "sv"]))
def test_any_number_survives_reformatting(whole, cents, lang):
    """A number written the English way is found in its Nordic spelling (and back)."""
    english = f"{whole:,}" + (f".{cents:02d}" if cents else "")
    nordic_group = {"nb": "\u00a0", "sv": " ", "da": ".", "en": ","}[lang]
    nordic = f"{whole:,}".replace(",", nordic_group) + (f",{cents:02d}" if cents else "")
    if lang == "en":
        nordic = english
    assert covered(f"Dose: {english} mg.", f"Dose: {nordic} mg."), (english, nordic)
    assert covered(f"Dose: {nordic} mg.", f"Dose: {english} mg."), (nordic, english)
