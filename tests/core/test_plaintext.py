from heellint.parse import parse_document


def _blocks(text):
    document = parse_document("a.txt", text)
    assert len(document.prose) == len(text)
    return [(block.kind, text[block.start:block.end]) for block in document.blocks]


def test_short_lines_without_final_punctuation_are_headings():
    text = "Intro\nHælspore er vondt. Det går over.\nHvad sker der?\nSenen blir irritert.\nKilder\n- Rathleff MS. Title. 2015.\n"
    assert _blocks(text) == [
        ("heading", "Intro"),
        ("paragraph", "Hælspore er vondt. Det går over."),
        ("heading", "Hvad sker der?"),
        ("paragraph", "Senen blir irritert."),
        ("heading", "Kilder"),
        ("list_item", "Rathleff MS. Title. 2015."),
    ]


def test_hard_wrapped_paragraph_stays_one_block():
    text = "Dette er en lang setning som er brutt\nover flere linjer uten at den slutter\nfør her.\n\nNytt avsnitt.\n"
    blocks = _blocks(text)
    assert blocks[0][0] == "paragraph" and blocks[0][1].endswith("før her.")
    assert blocks[1] == ("paragraph", "Nytt avsnitt.")


def test_numbered_list_items_keep_their_number():
    document = parse_document("a.txt", "Liste:\n1. Første punkt\n2) Andre punkt\n")
    items = [block for block in document.blocks if block.kind == "list_item"]
    assert [item.list_number for item in items] == [1, 2]


def test_danish_seed_structure(seeds_dir=None):
    from tests.conftest import SEEDS

    text = (SEEDS / "004_98c910dbf5d1c947.txt").read_text(encoding="utf-8")
    document = parse_document("seed.txt", text)
    headings = [text[block.start:block.end] for block in document.blocks if block.kind == "heading"]
    assert "Kilder" in headings and "Intro" in headings
    items_after_sources = [
        block for block in document.blocks if block.kind == "list_item" and block.start > text.index("\nKilder\n")
    ]
    assert len(items_after_sources) == 5


def test_indented_lines_continue_a_list_item():
    text = "Kilder\n- Rathleff MS, et al. High-load strength training improves\n  outcome. Scand J. 2015;25:e292.\n- Hansen L. Title. 2019.\n"
    blocks = _blocks(text)
    assert blocks[1] == ("list_item", "Rathleff MS, et al. High-load strength training improves\n  outcome. Scand J. 2015;25:e292.")
    assert blocks[2] == ("list_item", "Hansen L. Title. 2019.")
