"""Words: where they are in a text, and how their letters are cased.

A word is a maximal run of letters and digits (any script, combining marks
included) that contains at least one letter; runs joined by an internal hyphen
or apostrophe form one word ("hæl-spore", "don't", "B12-vitamin", "covid-19").
Pure numbers ("2024", "3-4", "0,5") are not words, and the underscore is not a
letter.  Offsets are Python ``str`` indices (code points), half-open.

Everything here is pure and compiled once at import: the linter calls it on
every block of every article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = [
    "WORD_PATTERN",
    "apply_case",
    "case_pattern",
    "is_capitalized",
    "iter_words",
]

# Combining marks (Unicode categories Mn, Mc, Me), which Python's ``\w`` does
# not match: without them a decomposed "e" + U+0301 or a Devanagari vowel sign
# would split a word in two.  Generated from ``unicodedata`` 14.0.0 (Python
# 3.11) by ``tests/text/test_tokens.py::generate_ranges``; unassigned code
# points between two marks are folded into one range to keep the list short.
# The class is disjoint from ``\w``, which keeps the pattern free of ambiguous
# backtracking.
_MARK_RANGES = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7-\u06e8"
    "\u06ea-\u06ed\u0711\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f3\u07fd\u0816-\u0819"
    "\u081b-\u0823\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0898-\u089f\u08ca-\u08e1"
    "\u08e3-\u0903\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962-\u0963\u0981-\u0983"
    "\u09bc\u09be-\u09cd\u09d7\u09e2-\u09e3\u09fe-\u0a03\u0a3c-\u0a51\u0a70-\u0a71"
    "\u0a75\u0a81-\u0a83\u0abc\u0abe-\u0acd\u0ae2-\u0ae3\u0afa-\u0b03\u0b3c"
    "\u0b3e-\u0b57\u0b62-\u0b63\u0b82\u0bbe-\u0bcd\u0bd7\u0c00-\u0c04\u0c3c"
    "\u0c3e-\u0c56\u0c62-\u0c63\u0c81-\u0c83\u0cbc\u0cbe-\u0cd6\u0ce2-\u0ce3"
    "\u0d00-\u0d03\u0d3b-\u0d3c\u0d3e-\u0d4d\u0d57\u0d62-\u0d63\u0d81-\u0d83"
    "\u0dca-\u0ddf\u0df2-\u0df3\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc"
    "\u0ec8-\u0ecd\u0f18-\u0f19\u0f35\u0f37\u0f39\u0f3e-\u0f3f\u0f71-\u0f84"
    "\u0f86-\u0f87\u0f8d-\u0fbc\u0fc6\u102b-\u103e\u1056-\u1059\u105e-\u1060"
    "\u1062-\u1064\u1067-\u106d\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d"
    "\u135d-\u135f\u1712-\u1715\u1732-\u1734\u1752-\u1753\u1772-\u1773\u17b4-\u17d3"
    "\u17dd\u180b-\u180d\u180f\u1885-\u1886\u18a9\u1920-\u193b\u1a17-\u1a1b"
    "\u1a55-\u1a7f\u1ab0-\u1b04\u1b34-\u1b44\u1b6b-\u1b73\u1b80-\u1b82\u1ba1-\u1bad"
    "\u1be6-\u1bf3\u1c24-\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce8\u1ced\u1cf4\u1cf7-\u1cf9"
    "\u1dc0-\u1dff\u20d0-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f"
    "\u3099-\u309a\ua66f-\ua672\ua674-\ua67d\ua69e-\ua69f\ua6f0-\ua6f1\ua802\ua806"
    "\ua80b\ua823-\ua827\ua82c\ua880-\ua881\ua8b4-\ua8c5\ua8e0-\ua8f1\ua8ff"
    "\ua926-\ua92d\ua947-\ua953\ua980-\ua983\ua9b3-\ua9c0\ua9e5\uaa29-\uaa36\uaa43"
    "\uaa4c-\uaa4d\uaa7b-\uaa7d\uaab0\uaab2-\uaab4\uaab7-\uaab8\uaabe-\uaabf\uaac1"
    "\uaaeb-\uaaef\uaaf5-\uaaf6\uabe3-\uabea\uabec-\uabed\ufb1e\ufe00-\ufe0f"
    "\ufe20-\ufe2f\U000101fd\U000102e0\U00010376-\U0001037a\U00010a01-\U00010a0f"
    "\U00010a38-\U00010a3f\U00010ae5-\U00010ae6\U00010d24-\U00010d27"
    "\U00010eab-\U00010eac\U00010f46-\U00010f50\U00010f82-\U00010f85"
    "\U00011000-\U00011002\U00011038-\U00011046\U00011070\U00011073-\U00011074"
    "\U0001107f-\U00011082\U000110b0-\U000110ba\U000110c2\U00011100-\U00011102"
    "\U00011127-\U00011134\U00011145-\U00011146\U00011173\U00011180-\U00011182"
    "\U000111b3-\U000111c0\U000111c9-\U000111cc\U000111ce-\U000111cf"
    "\U0001122c-\U00011237\U0001123e\U000112df-\U000112ea\U00011300-\U00011303"
    "\U0001133b-\U0001133c\U0001133e-\U0001134d\U00011357\U00011362-\U00011374"
    "\U00011435-\U00011446\U0001145e\U000114b0-\U000114c3\U000115af-\U000115c0"
    "\U000115dc-\U000115dd\U00011630-\U00011640\U000116ab-\U000116b7"
    "\U0001171d-\U0001172b\U0001182c-\U0001183a\U00011930-\U0001193e\U00011940"
    "\U00011942-\U00011943\U000119d1-\U000119e0\U000119e4\U00011a01-\U00011a0a"
    "\U00011a33-\U00011a39\U00011a3b-\U00011a3e\U00011a47\U00011a51-\U00011a5b"
    "\U00011a8a-\U00011a99\U00011c2f-\U00011c3f\U00011c92-\U00011cb6"
    "\U00011d31-\U00011d45\U00011d47\U00011d8a-\U00011d97\U00011ef3-\U00011ef6"
    "\U00016af0-\U00016af4\U00016b30-\U00016b36\U00016f4f\U00016f51-\U00016f92"
    "\U00016fe4-\U00016ff1\U0001bc9d-\U0001bc9e\U0001cf00-\U0001cf46"
    "\U0001d165-\U0001d169\U0001d16d-\U0001d172\U0001d17b-\U0001d182"
    "\U0001d185-\U0001d18b\U0001d1aa-\U0001d1ad\U0001d242-\U0001d244"
    "\U0001da00-\U0001da36\U0001da3b-\U0001da6c\U0001da75\U0001da84"
    "\U0001da9b-\U0001daaf\U0001e000-\U0001e02a\U0001e130-\U0001e136\U0001e2ae"
    "\U0001e2ec-\U0001e2ef\U0001e8d0-\U0001e8d6\U0001e944-\U0001e94a"
    "\U000e0100-\U000e01ef"
)

# Numbers that are not decimal digits (categories No and Nl: superscripts,
# vulgar fractions, Roman numerals, circled numbers, numbers of historic
# scripts), which ``\w`` accepts but ``\d`` does not.  Generated and folded
# like ``_MARK_RANGES``.  Letters are ``\w`` minus ``\d``, these and "_",
# which leaves exactly the Unicode letters (categories L*).
_NUMERIC_RANGES = (
    "\u00b2-\u00b3\u00b9\u00bc-\u00be\u09f4-\u09f9\u0b72-\u0b77\u0bf0-\u0bf2"
    "\u0c78-\u0c7e\u0d58-\u0d5e\u0d70-\u0d78\u0f2a-\u0f33\u1369-\u137c\u16ee-\u16f0"
    "\u17f0-\u17f9\u19da\u2070\u2074-\u2079\u2080-\u2089\u2150-\u2182\u2185-\u2189"
    "\u2460-\u249b\u24ea-\u24ff\u2776-\u2793\u2cfd\u3007\u3021-\u3029\u3038-\u303a"
    "\u3192-\u3195\u3220-\u3229\u3248-\u324f\u3251-\u325f\u3280-\u3289\u32b1-\u32bf"
    "\ua6e6-\ua6ef\ua830-\ua835\U00010107-\U00010133\U00010140-\U00010178"
    "\U0001018a-\U0001018b\U000102e1-\U000102fb\U00010320-\U00010323\U00010341"
    "\U0001034a\U000103d1-\U000103d5\U00010858-\U0001085f\U00010879-\U0001087f"
    "\U000108a7-\U000108af\U000108fb-\U000108ff\U00010916-\U0001091b"
    "\U000109bc-\U000109bd\U000109c0-\U000109ff\U00010a40-\U00010a48"
    "\U00010a7d-\U00010a7e\U00010a9d-\U00010a9f\U00010aeb-\U00010aef"
    "\U00010b58-\U00010b5f\U00010b78-\U00010b7f\U00010ba9-\U00010baf"
    "\U00010cfa-\U00010cff\U00010e60-\U00010e7e\U00010f1d-\U00010f26"
    "\U00010f51-\U00010f54\U00010fc5-\U00010fcb\U00011052-\U00011065"
    "\U000111e1-\U000111f4\U0001173a-\U0001173b\U000118ea-\U000118f2"
    "\U00011c5a-\U00011c6c\U00011fc0-\U00011fd4\U00012400-\U0001246e"
    "\U00016b5b-\U00016b61\U00016e80-\U00016e96\U0001d2e0-\U0001d2f3"
    "\U0001d360-\U0001d378\U0001e8c7-\U0001e8cf\U0001ec71-\U0001ecab"
    "\U0001ecad-\U0001ecaf\U0001ecb1-\U0001ed2d\U0001ed2f-\U0001ed3d"
    "\U0001f100-\U0001f10c"
)
_LETTER = rf"[^\W\d_{_NUMERIC_RANGES}]"
_ALNUM = r"[^\W_]"
_MARK = f"[{_MARK_RANGES}]"
# Hyphen-minus, apostrophe, right single quotation mark (typographic
# apostrophe), Unicode hyphen, non-breaking hyphen and soft hyphen.
_JOINER = "[-'\u2019\u2010\u2011\u00ad]"
# One run: alphanumerics with combining marks after them (unrolled loop, the
# two classes are disjoint).
_RUN = rf"{_ALNUM}+(?:{_MARK}+{_ALNUM}*)*"

WORD_PATTERN: str = (
    # At least one letter before the token ends: digits-and-joiners, then a letter.
    rf"(?=(?:\d+{_JOINER})*\d*{_LETTER})"
    rf"{_RUN}(?:{_JOINER}{_RUN})*"
)
"""Regex source matching one word (see the module docstring).

Used left to right (``finditer``) it finds the words of a text; it has no
anchors and no lookbehind, so callers may embed it in larger patterns.
"""

# Pure numbers are consumed by the second branch, so that a failed attempt at
# a digit run never restarts inside it (which would be quadratic on a long
# number).
_WORD_OR_NUMBER = re.compile(rf"(?P<word>{WORD_PATTERN})|\d+(?:{_JOINER}\d+)*")


def iter_words(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) offsets of the words in ``text[start:end]``.

    The range is read as if it were sliced out: a word cut by ``start`` or
    ``end`` yields only its part inside the range.
    """
    if end is None:
        end = len(text)
    for match in _WORD_OR_NUMBER.finditer(text, start, end):
        if match.lastgroup == "word":
            yield match.span()


def _first_cased_index(word: str) -> int:
    for index, character in enumerate(word):
        if character.isupper() or character.islower() or character.istitle():
            return index
    return -1


def is_capitalized(word: str) -> bool:
    """True when the first cased letter of ``word`` is upper (or title) case.

    "Hælspore", "HÆL", "B12-vitamin" and "Ǆ" are capitalized; "iPhone",
    "12-month" and "2024" are not.
    """
    index = _first_cased_index(word)
    if index < 0:
        return False
    character = word[index]
    return character.isupper() or character.istitle()


def case_pattern(word: str) -> str:
    """Classify how ``word`` is cased: "lower", "upper", "title" or "mixed".

    Only cased letters count, so digits, hyphens and spaces are ignored:
    "hælspore" and "covid-19" are lower; "HÆLSPORE" and "NSAID" are upper;
    "Hælspore", "B12" and "Plantar fascitt" are title (the first cased letter
    upper, all others lower; a lone capital such as "A" is title too);
    "iPhone", "McKenzie", "COVID-vaksine" and "Plantar Fascitt" are mixed.
    A word with no cased letter at all (digits, CJK) is "mixed", which
    ``apply_case`` reads as "leave the replacement as written".
    """
    upper = 0
    lower = 0
    first_is_upper = False
    seen = False
    for character in word:
        if character.isupper() or character.istitle():
            if not seen:
                first_is_upper = True
            upper += 1
            seen = True
        elif character.islower():
            lower += 1
            seen = True
    if not seen:
        return "mixed"
    if upper == 0:
        return "lower"
    if lower == 0 and upper >= 2:
        return "upper"
    if first_is_upper and upper == 1:
        return "title"
    return "mixed"


def _capitalize_first(text: str) -> str:
    index = _first_cased_index(text)
    if index < 0:
        return text
    return text[:index] + text[index].title() + text[index + 1 :]


def apply_case(pattern: str, replacement: str) -> str:
    """Write ``replacement`` in the case ``pattern`` of the text it replaces.

    - "upper": all capitals ("HÆLSPACE" -> "HÆLSPORE").
    - "title": the first cased letter capitalised, the rest as written, so a
      multi-word replacement keeps its later words in lower case
      ("Plantar fascitt" -> "Plantar fasciitt") and intrinsic capitals survive
      ("Covid" -> "COVID-19" stays "COVID-19").
    - "lower": lower case ("hælspace" -> "hælspore"), except that a replacement
      with intrinsic capitals beyond its first letter ("COVID-19", "iPhone",
      "HbA1c") is kept as written: lowering an acronym is never right.
    - "mixed" (and anything else): the replacement as written.
    """
    if pattern == "upper":
        return replacement.upper()
    if pattern == "title":
        return _capitalize_first(replacement)
    if pattern == "lower":
        if case_pattern(replacement) in ("lower", "title"):
            return replacement.lower()
        return replacement
    return replacement
