"""Small helpers the pack kinds share: message formatting and option reading."""

from __future__ import annotations

from typing import Any

import regex

from heellint.core.yamlio import Located
from heellint.kinds.matching import UserPattern


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, **values: str) -> str:
    """``template`` with ``{match}``, ``{replacement}`` ... filled; unknown names stay."""
    return template.format_map(_Blank(values))


def read_bool(entry: dict, key: str, default: bool, keys: tuple, located: Located) -> bool:
    value = entry.get(key, default)
    if not isinstance(value, bool):
        raise located.error(keys + (key,), f"'{key}' must be true or false")
    return value


def read_strings(entry: dict, key: str, keys: tuple, located: Located) -> list[str]:
    value: Any = entry.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise located.error(keys + (key,), f"'{key}' must be a list of strings")
    return value


def read_prefilter(entry: dict, ignore_case: bool, compile_now: bool, keys: tuple, located: Located) -> UserPattern | None:
    """The entry's ``prefilter`` (see ``matching.finditer``), with the rule's case setting."""
    value = entry.get("prefilter")
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise located.error(keys + ("prefilter",), "'prefilter' must be a regular expression")
    try:
        return UserPattern(value, ignore_case, compile_now)
    except regex.error as error:
        raise located.error(keys + ("prefilter",), f"invalid regular expression: {error}") from None


def normalise(text: str) -> str:
    """Case-folded, with every run of white space as one space (for exceptions)."""
    return " ".join(text.split()).casefold()
