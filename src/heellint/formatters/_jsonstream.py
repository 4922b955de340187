"""JSON written in pieces: the bytes of ``json.dumps(value, indent=2)``, with
the long lists produced one item at a time.

A whole-site report holds tens of thousands of diagnostics. Built as one object
and dumped at once, the objects, the encoder's list of pieces and the final
string are all in memory together (the SARIF of a 2,000-article corpus peaked at
660 MB). Here a list wrapped in :class:`Streamed` is turned into text item by
item as the pieces are written.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

_INDENT = "  "


class Streamed:
    """A JSON array whose items come from an iterable, consumed once."""

    __slots__ = ("items",)

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


def dumps(value: Any, depth: int = 0) -> str:
    """``value`` as ``json.dumps(value, indent=2)`` writes it ``depth`` levels deep.
    JSON text has no raw line break inside a string, so re-indenting every line
    break is exact."""
    text = json.dumps(value, ensure_ascii=False, indent=2, default=str)
    return text.replace("\n", "\n" + _INDENT * depth) if depth else text


def _holds_streamed(value: Any) -> bool:
    if isinstance(value, Streamed):
        return True
    if isinstance(value, dict):
        return any(_holds_streamed(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_streamed(item) for item in value)
    return False


def iter_json(value: Any, depth: int = 0) -> Iterator[str]:
    """The pieces of ``value`` as indented JSON; containers without a
    :class:`Streamed` inside are dumped whole."""
    if isinstance(value, Streamed):
        yield from _iter_items(value.items, depth)
    elif isinstance(value, dict) and value and _holds_streamed(value):
        inner = _INDENT * (depth + 1)
        separator = "{\n"
        for key, item in value.items():
            yield f"{separator}{inner}{json.dumps(str(key), ensure_ascii=False)}: "
            yield from iter_json(item, depth + 1)
            separator = ",\n"
        yield "\n" + _INDENT * depth + "}"
    elif isinstance(value, list) and value and _holds_streamed(value):
        yield from _iter_items(value, depth)
    else:
        yield dumps(value, depth)


def _iter_items(items: Iterable[Any], depth: int) -> Iterator[str]:
    inner = _INDENT * (depth + 1)
    separator = "[\n"
    for item in items:
        yield separator + inner
        yield from iter_json(item, depth + 1)
        separator = ",\n"
    yield "[]" if separator == "[\n" else "\n" + _INDENT * depth + "]"


def stream_document(value: Any) -> Iterator[str]:
    """A whole JSON document (with the final line break ``render`` adds)."""
    yield from iter_json(value)
    yield "\n"
