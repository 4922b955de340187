"""The prose mask's blanking keeps every line ending and the length, whatever the text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from heellint.parse.masking import blank

texts = st.text(alphabet=st.sampled_from(["a", "æ", " ", "\t", "\n", "\r", "\u2028", "*", "😀"]), max_size=30)


@given(texts)
def test_blank_is_spaces_except_line_endings(text):
    assert blank(text) == re.sub(r"[^\r\n]", " ", text)
