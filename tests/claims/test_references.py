"""Reference lists: found by heading in Markdown and plain text, entries parsed."""

from __future__ import annotations

import pytest

from heellint.claims.references import find_references, is_reference_heading, parse_entry, DEFAULT_HEADINGS
from heellint.parse import parse_document

from .conftest import by_rule, lint

VANCOUVER = (
    "Rathleff MS, Mølgaard CM, Fredberg U, et al. High-load strength training improves outcome in patients "
    "with plantar fasciitis: A randomized controlled trial with 12-month follow-up. Scand J Med Sci Sports. "
    "2015;25(3):e292-300. DOI: 10.1111/sms.12313"
)
APA = (
    "Morrissey, D., Cotchett, M., & Said J'Bari, A. (2021). Management of plantar heel pain: a best practice "
    "guide. British Journal of Sports Medicine, 55(19), 1106-1118. https://doi.org/10.1136/bjsports-2019-101970."
)


@pytest.mark.parametrize(
    "heading",
    ["Kilder", "Referanser", "Referencer", "Litteratur", "Litteraturliste", "Källor", "Referenser", "References",
     "Sources", "Bibliography", "Kjelder", "Kilder:", "**Kilder**", "Kilder og referanser", "5. Referanser",
     "REFERENCES"],
)
def test_reference_headings(heading):
    assert is_reference_heading(heading, frozenset(DEFAULT_HEADINGS))


@pytest.mark.parametrize("heading", ["Les mer", "Læs mere", "Läs mer", "Further reading", "Se også",
                                     "Kildens historie", "Behandling", "Nyttige lenker"])
def test_not_reference_headings(heading):
    assert not is_reference_heading(heading, frozenset(DEFAULT_HEADINGS))


def test_vancouver_entry():
    entry = parse_entry(VANCOUVER, 0, len(VANCOUVER), 1, None)
    assert entry.first_author == "Rathleff"
    assert entry.year == 2015
    assert entry.doi == "10.1111/sms.12313"
    assert entry.title.startswith("High-load strength training")
    assert entry.doi_problem is None


def test_apa_entry_with_trailing_period_in_doi_link():
    entry = parse_entry(APA, 0, len(APA), 2, None)
    assert entry.first_author == "Morrissey"
    assert entry.year == 2021
    assert entry.doi == "10.1136/bjsports-2019-101970"
    assert entry.title.startswith("Management of plantar heel pain")


@pytest.mark.parametrize(
    "text, doi",
    [
        ("Hansen A. Tittel. 2020. doi:10.1016/S0140-6736(20)30183-5.", "10.1016/S0140-6736(20)30183-5"),
        ("Hansen A. Tittel. 2020. (doi: 10.1111/sms.12313)", "10.1111/sms.12313"),
        ("Hansen A. Tittel. 2020. https://dx.doi.org/10.1111/sms.12313;", "10.1111/sms.12313"),
        ("Hansen A. Tittel. 2020. 10.1111/sms.12313,", "10.1111/sms.12313"),
        ("Hansen A. Tittel. 2020. DOI:10.1097/JS9.0000000000003926", "10.1097/JS9.0000000000003926"),
    ],
)
def test_doi_with_trailing_punctuation(text, doi):
    entry = parse_entry(text, 0, len(text), 1, None)
    assert entry.doi == doi and entry.doi_problem is None


@pytest.mark.parametrize(
    "text, problem",
    [
        ("Hansen A. Tittel. 2020. DOI: 10.111/sms.12313", "10.111/sms.12313"),
        ("Hansen A. Tittel. 2020. DOI: 1111/sms.12313", "1111/sms.12313"),
        ("Hansen A. Tittel. 2020. DOI: 10.1111 /sms.12313", "10.1111 /sms.12313"),
        ("Hansen A. Tittel. 2020. doi: 10.1111", "10.1111"),
    ],
)
def test_malformed_doi(text, problem):
    entry = parse_entry(text, 0, len(text), 1, None)
    assert entry.doi is None and entry.doi_problem == problem
    assert text[entry.doi_span[0]:entry.doi_span[1]] == problem


def test_numbered_list_in_markdown_keeps_written_numbers():
    source = "Tekst (1).\n\n## Kilder\n\n1. Hansen A. En. 2020.\n2. Berg B. To. 2019.\n4. Dahl C. Fire. 2018.\n"
    index = find_references(parse_document("a.md", source))
    assert [(r.number, r.first_author) for r in index.references] == [(1, "Hansen"), (2, "Berg"), (4, "Dahl")]


def test_bulleted_list_is_numbered_by_position():
    source = "Tekst (1).\n\n## Kilder\n\n- Hansen A. En. 2020.\n- Berg B. To. 2019.\n"
    index = find_references(parse_document("a.md", source))
    assert [(r.number, r.first_author) for r in index.references] == [(1, "Hansen"), (2, "Berg")]


def test_bracketed_numbers_in_one_markdown_paragraph():
    source = "Tekst [2].\n\n## Referanser\n\n[1] Hansen A. En. 2020.\n[2] Berg B. To. 2019.\n"
    index = find_references(parse_document("a.md", source))
    assert [(r.number, r.first_author, r.year) for r in index.references] == [(1, "Hansen", 2020), (2, "Berg", 2019)]


def test_plain_text_heading_and_entries():
    source = (
        "Trening hjelper (1).\nKilder\n1. Hansen A. Trening. Tidsskr. 2020.\n2. Berg B. Tøying. Tidsskr. 2019.\n"
        "Sist oppdatert: 3. mars 2026\n"
    )
    document = parse_document("a.txt", source)
    index = find_references(document)
    assert [(r.number, r.first_author) for r in index.references] == [(1, "Hansen"), (2, "Berg")]


def test_plain_text_reference_paragraphs_without_list_markers():
    source = "Trening hjelper (2).\n\nKilder:\n\nHansen A. Trening. Tidsskr. 2020.\n\nBerg B. Tøying. Tidsskr. 2019.\n"
    index = find_references(parse_document("a.txt", source))
    assert [(r.number, r.first_author) for r in index.references] == [(1, "Hansen"), (2, "Berg")]


def test_les_mer_list_is_not_a_reference_list():
    source = "Trening hjelper (1).\n\n## Les mer\n\n- Hansen A. Trening. 2020.\n"
    index = find_references(parse_document("a.md", source))
    assert not index.found
    assert [d.rule for d in by_rule(lint(source, select=("RF101",)), "RF101")] == ["RF101"]


def test_section_ends_at_the_next_heading():
    source = "Tekst (1).\n\n## Kilder\n\n1. Hansen A. En. 2020.\n\n## Om forfatteren\n\nKari er fysioterapeut.\n"
    document = parse_document("a.md", source)
    index = find_references(document)
    assert len(index.references) == 1
    last_block = len(document.blocks) - 1
    assert last_block not in index.skip_blocks


def test_footnote_definitions_are_references():
    source = "Trening hjelper[^1]. Tøying også[^b].\n\n[^1]: Hansen A. En. 2020.\n[^b]: Berg B. To. 2019.\n"
    index = find_references(parse_document("a.md", source))
    assert sorted(index.footnotes) == ["1", "b"]
    assert index.footnotes["b"].first_author == "Berg"


def test_extra_headings_from_configuration():
    source = "Trening hjelper (1).\n\n## Dokumentasjon\n\n1. Hansen A. En. 2020.\n"
    assert by_rule(lint(source, select=("RF101",)), "RF101")
    assert not by_rule(lint(source, select=("RF101",), references={"headings": ("Dokumentasjon",)}), "RF101")


def test_organisation_acronym_resolves():
    source = ("Vaksiner virker (WHO 2020).\n\n## Kilder\n\n- World Health Organization (WHO). Immunization "
              "agenda 2030. Geneva; 2020.\n")
    assert not by_rule(lint(source, select=("RF101",)), "RF101")


def test_short_plain_text_reference_lines_that_look_like_headings_stay_in_the_list():
    source = ("Trening hjelper (1). Tøying også (2).\nKilder\nHelsedirektoratet. Kostråd om trening. 2021\n"
              "Berg B. Tøying og smerte. 2019\nSist oppdatert: 3. mars 2026\n")
    index = find_references(parse_document("a.txt", source))
    assert [(r.number, r.first_author, r.year) for r in index.references] == [(1, "Helsedirektoratet", 2021),
                                                                              (2, "Berg", 2019)]
    assert lint(source, path="a.txt", select=("RF",)) == []
