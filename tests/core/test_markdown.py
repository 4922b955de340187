from heellint.parse import choose_syntax, parse_document


def test_prose_mask_keeps_length_and_hides_non_prose():
    text = (
        "---\nlang: nb\n---\n# Tittel\n\nHælspore er `kode` og [lenke](https://x.no/hælspace) "
        "se https://a.no/b eller skriv til a@b.no.\n\n```\nhælspace i kode\n```\n\n<div>hælspace</div>\n"
    )
    document = parse_document("a.md", text)
    assert len(document.prose) == len(text)
    assert "hælspace" not in document.prose
    assert "kode" not in document.prose
    assert "https" not in document.prose and "a@b.no" not in document.prose
    assert "lang" not in document.prose
    # Link text is prose, at its own offsets.
    start = text.index("lenke")
    assert document.prose[start:start + 5] == "lenke"
    assert document.front_matter == {"lang": "nb"}


def test_blocks_kinds_levels_and_lists():
    text = "# H1\n\nAvsnitt.\n\n- en\n- to\n\n1. første\n2. andre\n\n> sitat\n\n| a | b |\n|---|---|\n| c | d |\n"
    document = parse_document("a.md", text)
    kinds = [(block.kind, text[block.start:block.end]) for block in document.blocks]
    assert kinds[0] == ("heading", "H1")
    assert ("paragraph", "Avsnitt.") in kinds
    assert ("list_item", "en") in kinds
    numbers = [block.list_number for block in document.blocks if text[block.start:block.end] in ("første", "andre")]
    assert numbers == [1, 2]
    quote = [block for block in document.blocks if text[block.start:block.end] == "sitat"][0]
    assert quote.quote
    assert ("table_cell", "c") in kinds


def test_html_comments_and_footnotes_are_recorded():
    text = "Tekst[^1] her <!-- heellint-disable TM101 -->.\n\n[^1]: Kilde.\n"
    document = parse_document("a.md", text)
    assert [comment.body for comment in document.comments] == ["heellint-disable TM101"]
    assert [ref.label for ref in document.footnote_refs] == ["1"]
    assert any(block.footnote == "1" for block in document.blocks)


def test_non_ascii_offsets_map_exactly():
    text = "Ærlig talt: 😀 **hælspore** og [plantar fasciitt](#).\n"
    document = parse_document("a.md", text)
    for word in ("hælspore", "plantar", "fasciitt", "Ærlig"):
        start = text.index(word)
        assert document.prose[start:start + len(word)] == word


def test_txt_with_markdown_signs_is_parsed_as_markdown():
    assert choose_syntax("a.txt", "# Tittel\n\nTekst.\n") == "markdown"
    assert choose_syntax("a.txt", "Tittel\nTekst med [lenke](#).\n") == "markdown"
    assert choose_syntax("a.txt", "Tittel\nBare tekst.\n") == "text"
    assert choose_syntax("a.md", "Bare tekst.\n") == "markdown"
