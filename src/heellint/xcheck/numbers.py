"""Numbers in a segment, compared across languages and number formats.

A source number is *present* in the target when one of its readings equals one
of the target's readings:

- decimal comma and decimal point are the same (``3.5`` = ``3,5``);
- grouping by space, no-break space, thin space, point or comma is the same
  (``1 000`` = ``1,000`` = ``1.000`` = ``1000``); a single ``.``/``,`` before
  exactly three digits reads both ways (``1.500`` is 1500 or 1.5);
- the percent sign and its spacing do not matter (``80%`` = ``80 %`` =
  ``80 prosent``): only the number is compared;
- ranges count as their ends (``10–20``); dates and times as their parts
  (``12.03.2020`` needs 12 and 2020 — the month may become a month name —
  ``10:30`` = ``10.30`` = ``kl. 10.30``);
- the numbers zero to twelve written as words in the target (``tre``, ``three``,
  ``tolv``) stand for their digits: style guides ask for words below 10 or 13,
  so a translator may rightly write ``tre uker`` for ``3 weeks``. Words in the
  *source* are not required in the target (they may become digits or vanish
  into grammar: "a week", "én uke").

Not numbers: digits inside words or codes (``B12``, ``COVID-19``, ``H2O``,
``ICD-10``), and anything inside a citation marker (XL105 compares those).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# A number token: digits with grouping or decimal separators, not glued to a
# letter before it (B12) and not the digits of a word-code (COVID-19).
_TOKEN = re.compile(
    r"(?<![\w.,])(?<![^\W\d_][-‐‑])"
    r"(?P<number>"
    r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?![\d])"  # dates 12.03.2020, 2020-03-12
    r"|\d{1,2}:\d{2}(?::\d{2})?(?![\d])"  # times 10:30
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?(?![\d])"  # 1 000 000,5
    r"|\d+(?:[.,]\d+)*"  # 3.5, 1.000.000, 1,000.5
    r")"
)
_RANGE_TAIL = re.compile(r"\s*[-–—]\s*$")
_GROUP_SPACES = "\u0020\u00a0\u202f\u2009"

NUMBER_WORDS: dict[str, int] = {}
for _lang_words in (
    # nb / nn
    "null:0 en:1 ein:1 ei:1 eitt:1 ett:1 én:1 éin:1 to:2 tre:3 fire:4 fem:5 seks:6 sju:7 syv:7 åtte:8 ni:9 ti:10 "
    "elleve:11 tolv:12",
    # da
    "nul:0 en:1 et:1 én:1 ét:1 to:2 tre:3 fire:4 fem:5 seks:6 syv:7 otte:8 ni:9 ti:10 elleve:11 tolv:12",
    # sv
    "noll:0 en:1 ett:1 två:2 tre:3 fyra:4 fem:5 sex:6 sju:7 åtta:8 nio:9 tio:10 elva:11 tolv:12",
    # en
    "zero:0 one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10 eleven:11 twelve:12",
    # ordinals (the 3rd week = tredje uke)
    "første:1 fyrste:1 første:1 första:1 first:1 andre:2 anden:2 andra:2 second:2 tredje:3 third:3 "
    "fjerde:4 fjärde:4 fourth:4 femte:5 fifth:5 sjette:6 sjätte:6 sixth:6",
):
    for _pair in _lang_words.split():
        _word, _value = _pair.split(":")
        NUMBER_WORDS[_word] = int(_value)
_NUMBER_WORD = re.compile(r"(?<!\w)(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?!\w)",
                          re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Number:
    start: int
    end: int
    text: str
    # Each requirement is a set of acceptable values: the number is present in
    # the target when every requirement meets the target's values.
    requirements: tuple[frozenset[Decimal], ...]
    # Every value this token may stand for (used on the target side).
    values: frozenset[Decimal]


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text).normalize()
    except InvalidOperation:
        return None


def readings(token: str) -> frozenset[Decimal]:
    """Every value ``token`` (digits with separators, no spaces) may mean."""
    found: set[Decimal] = set()
    plain = token
    for space in _GROUP_SPACES:
        plain = plain.replace(space, "")
    if plain.isdigit():
        value = _decimal(plain)
        return frozenset({value}) if value is not None else frozenset()
    separators = [char for char in plain if char in ".,"]
    parts = re.split(r"[.,]", plain)
    if len(separators) == 1:
        whole, fraction = parts
        value = _decimal(f"{whole}.{fraction}")
        if value is not None:
            found.add(value)
        if len(fraction) == 3:  # 1.500 / 1,500: also a thousands separator
            value = _decimal(whole + fraction)
            if value is not None:
                found.add(value)
    elif len(set(separators)) == 1:
        # 1.000.000 or 1,000,000: grouping when every group has three digits.
        if all(len(part) == 3 for part in parts[1:]):
            value = _decimal("".join(parts))
            if value is not None:
                found.add(value)
    else:
        # Both kinds: the last separator is the decimal one (1.000,5 / 1,000.5).
        last = max(plain.rfind("."), plain.rfind(","))
        whole = re.sub(r"[.,]", "", plain[:last])
        value = _decimal(f"{whole}.{plain[last + 1:]}")
        if value is not None:
            found.add(value)
    return frozenset(found)


def _parts(token: str) -> list[Decimal]:
    values = []
    for part in re.split(r"[^\d]+", token):
        if part:
            value = _decimal(part)
            if value is not None:
                values.append(value)
    return values


def find_numbers(prose: str, start: int, end: int, skip: list[tuple[int, int]] = ()) -> list[Number]:
    """Number tokens of ``prose[start:end]`` outside the ``skip`` spans (citation markers)."""
    found: list[Number] = []
    for match in _TOKEN.finditer(prose, start, end):
        token_start, token_end = match.span("number")
        if any(low <= token_start < high for low, high in skip):
            continue
        token = match.group("number")
        # A trailing separator is punctuation: "in 2019." / "1, 2 and 3".
        while token and token[-1] in ".,":
            token = token[:-1]
            token_end -= 1
        if not token:
            continue
        if re.fullmatch(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}", token):
            parts = _parts(token)
            # 12.03.2020 / 2020-03-12: day and year are required (the month may
            # become a name: "12. mars 2020"); 03/12/2020 is ambiguous (US or
            # European order), so only its year is required.
            if re.match(r"\d{4}", token):
                year, day = parts[0], parts[2]
            else:
                day, year = parts[0], parts[2]
            if "/" in token:
                requirements = (frozenset({year}),)
            else:
                requirements = (frozenset({day}), frozenset({year}))
            values = frozenset(parts)
            found.append(Number(token_start, token_end, token, requirements, values))
            continue
        if ":" in token:
            parts = _parts(token)
            found.append(Number(token_start, token_end, token, tuple(frozenset({part}) for part in parts),
                                frozenset(parts)))
            continue
        values = readings(token)
        if not values:
            continue
        # A time written with a point (10.30) also offers its parts, and so do
        # space-grouped digits ("2 500 mg" may be "2 × 500 mg" in a target).
        if re.fullmatch(r"\d{1,2}\.\d{2}", token) or any(space in token for space in _GROUP_SPACES):
            extra = frozenset(_parts(token))
        else:
            extra = frozenset()
        found.append(Number(token_start, token_end, token, (values,), values | extra))
    return found


def word_values(prose: str, start: int, end: int) -> frozenset[Decimal]:
    """Values of the number words (zero to twelve, first to sixth) in ``prose[start:end]``."""
    values = set()
    for match in _NUMBER_WORD.finditer(prose, start, end):
        values.add(Decimal(NUMBER_WORDS[match.group(1).casefold()]))
    return frozenset(values)


def present(number: Number, target_values: frozenset[Decimal]) -> bool:
    return all(requirement & target_values for requirement in number.requirements)


def localise(token: str, lang: str) -> str:
    """``token`` with the decimal separator of ``lang`` (3.5 -> 3,5 in nb/nn/da/sv)."""
    if re.fullmatch(r"\d+[.,]\d{1,2}|\d+[.,]\d{4,}", token):
        return token.replace(".", ",") if lang != "en" else token.replace(",", ".")
    return token
