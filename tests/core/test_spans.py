from heellint.core.spans import LineIndex


def test_positions_count_code_points_and_are_one_based():
    text = "æøå\nhælspore x"
    index = LineIndex(text)
    assert index.position(0) == (1, 1)
    assert index.position(3) == (1, 4)  # the newline itself
    assert index.position(4) == (2, 1)
    assert index.position(len(text)) == (2, 11)


def test_crlf_does_not_shift_columns():
    text = "a\r\nbc\r\nd"
    index = LineIndex(text)
    assert index.position(text.index("c")) == (2, 2)
    assert index.position(text.index("d")) == (3, 1)
    assert index.line_end(2, text) == text.index("c") + 1


def test_astral_characters_are_one_column():
    text = "😀 hælspace"
    assert LineIndex(text).position(text.index("h")) == (1, 3)
