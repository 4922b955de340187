"""Citation markers: every form recognised with its exact span; the distractors never."""

from __future__ import annotations

import pytest

from heellint.claims.markers import AUTHOR_YEAR, FOOTNOTE, LINK, NUMERIC, fold_name, is_source_url, scan_text
from heellint.parse import parse_document
from heellint.claims.markers import find_markers


def markers_in(text: str):
    return scan_text(text, 0, len(text), block_start=0)


@pytest.mark.parametrize(
    "text, marker, numbers",
    [
        ("Trening hjelper (1).", "(1)", [1]),
        ("Trening hjelper (1, 3).", "(1, 3)", [1, 3]),
        ("Trening hjelper (1-3).", "(1-3)", [1, 2, 3]),
        ("Trening hjelper (1–3).", "(1–3)", [1, 2, 3]),
        ("Trening hjelper (2,4-5).", "(2,4-5)", [2, 4, 5]),
        ("Trening hjelper (3–1).", "(3–1)", [1, 2, 3]),
        ("Trening hjelper [1].", "[1]", [1]),
        ("Trening hjelper [1, 2].", "[1, 2]", [1, 2]),
        ("Trening hjelper¹.", "¹", [1]),
        ("Trening hjelper¹².", "¹²", [12]),
        ("Trening hjelper¹⁻³.", "¹⁻³", [1, 2, 3]),
        ("Trening hjelper¹,³.", "¹,³", [1, 3]),
        ("Trening hjelper studie(4).", "(4)", [4]),
        ("Trening hjelper (ref. 3).", "(ref. 3)", [3]),
        ("Trening hjelper (kilde: 1, 2).", "(kilde: 1, 2)", [1, 2]),
    ],
)
def test_numeric_markers(text, marker, numbers):
    found = markers_in(text)
    assert len(found) == 1
    assert found[0].kind == NUMERIC
    assert text[found[0].start:found[0].end] == marker
    assert [citation.number for citation in found[0].citations] == numbers


@pytest.mark.parametrize(
    "text, marker, cited",
    [
        ("Trening hjelper (Rathleff et al., 2015).", "(Rathleff et al., 2015)", [("Rathleff", 2015, "")]),
        ("Trening hjelper (Rathleff mfl. 2015).", "(Rathleff mfl. 2015)", [("Rathleff", 2015, "")]),
        ("Trening hjelper (Rathleff m.fl. 2015).", "(Rathleff m.fl. 2015)", [("Rathleff", 2015, "")]),
        ("Trening hjelper (Hansen og Olsen 2019).", "(Hansen og Olsen 2019)", [("Hansen", 2019, "")]),
        ("Trening hjelper (Hansen & Olsen, 2019; Berg 2020).", "(Hansen & Olsen, 2019; Berg 2020)",
         [("Hansen", 2019, ""), ("Berg", 2020, "")]),
        ("Trening hjelper (Rathleff 2015a).", "(Rathleff 2015a)", [("Rathleff", 2015, "a")]),
        ("Trening hjelper (Mølgaard och Ødegård 2018).", "(Mølgaard och Ødegård 2018)", [("Mølgaard", 2018, "")]),
        ("Trening hjelper (WHO 2020).", "(WHO 2020)", [("WHO", 2020, "")]),
        ("Trening hjelper (Statens Serum Institut, 2020).", "(Statens Serum Institut, 2020)",
         [("Statens Serum Institut", 2020, "")]),
        ("Trening hjelper (se Hansen 2019, s. 12).", "(se Hansen 2019, s. 12)", [("Hansen", 2019, "")]),
        ("Trening hjelper (Hansen 2019, 2021).", "(Hansen 2019, 2021)", [("Hansen", 2019, ""), ("Hansen", 2021, "")]),
        ("Trening hjelper (van der Berg 2019).", "(van der Berg 2019)", [("van der Berg", 2019, "")]),
        ("Rathleff et al. (2015) fant det samme.", "Rathleff et al. (2015)", [("Rathleff", 2015, "")]),
    ],
)
def test_author_year_markers(text, marker, cited):
    found = markers_in(text)
    assert len(found) == 1, found
    assert found[0].kind == AUTHOR_YEAR
    assert text[found[0].start:found[0].end] == marker
    assert [(c.author.split(" et al")[0].split(" mfl")[0].split(" m.fl")[0], c.year, c.suffix)
            for c in found[0].citations] == cited


def test_author_year_items_have_their_own_spans():
    text = "Det stemmer (Hansen & Olsen, 2019; Berg 2020)."
    citations = markers_in(text)[0].citations
    assert [text[c.start:c.end] for c in citations] == ["Hansen & Olsen, 2019", "Berg 2020"]


def test_narrative_with_one_name_is_weak():
    found = markers_in("Hansen (2019) fant det samme.")
    assert len(found) == 1 and found[0].weak
    assert not markers_in("Rathleff et al. (2015) fant det samme.")[0].weak


def test_footnote_markers_in_text_and_markdown():
    found = markers_in("Trening hjelper[^3].")
    assert found[0].kind == FOOTNOTE and found[0].citations[0].label == "3"
    document = parse_document("a.md", "Trening hjelper[^a].\n\n[^a]: Hansen A. Trening. 2020.\n")
    markdown = find_markers(document)
    assert [(m.kind, m.citations[0].label) for m in markdown] == [(FOOTNOTE, "a")]
    assert document.source[markdown[0].start:markdown[0].end] == "[^a]"


@pytest.mark.parametrize(
    "text",
    [
        "I studien (n = 120) fikk alle behandling.",
        "Halvparten (30 %) ble bedre.",
        "Betennelsesdempende (NSAID) hjelper kortvarig.",
        "Smerten måles på en skala (0-10).",
        "Studien kom i 2019.",
        "Rapporten (2019) er lang.",
        "Rapporten (mars 2020) er lang.",
        "Rapporten (December 2025) er lang.",
        "Se tabellen (Tabell 2019) nedenfor.",
        "Arealet er 3 m² stort.",
        "Det tilsvarer 10⁶ celler.",
        "Gjør øvelsen (3 sett) daglig.",
        "Følg trinnene (se figur 2).",
        "Dette er et tall (1000).",
        "Rød sone (over 5/10): reduser belastningen.",
    ],
)
def test_distractors_are_not_markers(text):
    # "Rapporten (2019)" is at most a weak candidate: it counts only if it names a reference.
    assert [marker for marker in markers_in(text) if not marker.weak] == []


def test_a_number_in_parentheses_opening_a_block_is_an_enumeration():
    text = "(1) Stå på et trappetrinn."
    assert scan_text(text, 0, len(text), block_start=0) == []


def test_links_to_sources_are_markers():
    source = (
        "Trening hjelper ([Rathleff 2015](https://doi.org/10.1111/sms.12313)).\n\n"
        "Tøying hjelper mindre (se https://pubmed.ncbi.nlm.nih.gov/25145695/).\n\n"
        "Les mer [hos oss](https://example.com/booking).\n"
    )
    document = parse_document("a.md", source)
    kinds = [(m.kind, source[m.start:m.end]) for m in find_markers(document)]
    assert (LINK, "[Rathleff 2015](https://doi.org/10.1111/sms.12313)") in kinds
    assert (LINK, "https://pubmed.ncbi.nlm.nih.gov/25145695/") in kinds
    assert not any("example.com" in text for _, text in kinds)


def test_numeric_link_to_an_anchor_is_a_numeric_marker():
    source = "Trening hjelper [1](#ref-1).\n"
    document = parse_document("a.md", source)
    markers = find_markers(document)
    assert [(m.kind, [c.number for c in m.citations]) for m in markers] == [(NUMERIC, [1])]


def test_html_superscript():
    source = "Trening hjelper<sup>2</sup>.\n"
    markers = find_markers(parse_document("a.md", source))
    assert [(m.kind, [c.number for c in m.citations]) for m in markers] == [(NUMERIC, [2])]


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://doi.org/10.1111/sms.12313", True),
        ("https://pubmed.ncbi.nlm.nih.gov/123/", True),
        ("https://www.helsenorge.no/sykdom/", True),
        ("https://bjsm.bmj.com/content/55/19/1106", True),
        ("doi:10.1111/sms.12313", True),
        ("https://example.com/bmj.com", False),
        ("https://loeberlab.dk/booking", False),
        ("#kilder", False),
    ],
)
def test_source_urls(url, expected):
    assert is_source_url(url) is expected


def test_fold_name_removes_diacritics():
    assert fold_name("Mølgaard") == fold_name("Molgaard") == "molgaard"
    assert fold_name("Ødegård") == "odegard"
    assert fold_name("Müller") == "muller"
