"""The streamed JSON writer gives exactly the bytes of ``json.dumps(indent=2)``."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from heellint.formatters._jsonstream import Streamed, iter_json

scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=8)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


def reference(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def streamed(value):
    """``value`` with every list replaced by a one-shot Streamed of its items."""
    if isinstance(value, list):
        return Streamed(iter([streamed(item) for item in value]))
    if isinstance(value, dict):
        return {key: streamed(item) for key, item in value.items()}
    return value


@given(values)
def test_same_text_as_json_dumps(value):
    assert "".join(iter_json(streamed(value))) == reference(value)


@given(st.dictionaries(st.text(max_size=5), values, max_size=4), st.lists(values, max_size=5))
def test_a_streamed_list_deep_in_a_plain_object(outer, items):
    document = {**outer, "results": Streamed(iter(items))}
    assert "".join(iter_json(document)) == reference({**outer, "results": items})


def test_an_empty_stream_is_an_empty_array():
    assert "".join(iter_json({"diagnostics": Streamed(iter(()))})) == reference({"diagnostics": []})


def test_items_are_made_as_they_are_written():
    made = []

    def items():
        for number in range(3):
            made.append(number)
            yield {"n": number}

    pieces = iter_json({"results": Streamed(items())})
    next(pieces)
    next(pieces)
    assert made == [0], "the second item should not exist before the first is written"
