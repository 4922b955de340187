"""Citation resolution under mutation: every variant must come out exactly right.

A base article cites a five-entry reference list; each mutation (deleting or
renumbering entries or markers, ranges, bulleted lists, author names with and
without diacritics, year suffixes, DOIs with trailing punctuation, distractors
such as "(2019)" and "(n = 120)") has a known correct answer for RF101
(unresolved citation), RF102 (uncited reference), RF103 (duplicate) and RF104
(malformed DOI). The tests compare the complete sets, not a sample.
"""

from __future__ import annotations

import itertools

import pytest

from .conftest import lint

ENTRIES = [
    ("Rathleff MS, Mølgaard CM, Fredberg U, et al", "High-load strength training improves outcome in patients with "
     "plantar fasciitis", "Scand J Med Sci Sports", 2015, "10.1111/sms.12313"),
    ("Morrissey D, Cotchett M, Said J'Bari A, et al", "Management of plantar heel pain: a best practice guide",
     "Br J Sports Med", 2021, "10.1136/bjsports-2019-101970"),
    ("Huffer D, Hing W, Newton R, Clair M", "Strength training for plantar fasciitis and the intrinsic foot "
     "musculature", "Phys Ther Sport", 2017, "10.1016/j.ptsp.2016.08.008"),
    ("Østergaard L, Ødegård K", "Night splints for plantar heel pain: a randomised trial", "Ugeskr Laeger", 2019,
     "10.1016/S0140-6736(20)30183-5"),
    ("Wang Z, Zhang Y, Yuan J, et al", "Comparative efficacy of six injection therapies for plantar fasciitis",
     "Int J Surg", 2025, "10.1097/JS9.0000000000003926"),
]

DISTRACTORS = ("I en studie (n = 120) fikk 30 pasienter (25 %) NSAID i 2019, og rapporten (2019) kom i "
               "(mars 2020). Smerten ble målt på en skala (0-10).")

NUMERIC_SENTENCES = [
    ("Trening reduserer smertene {m1}.", {"m1": "(1)"}),
    ("Tøying hjelper mindre enn styrketrening {m2}.", {"m2": "(2, 3)"}),
    ("Nattskinner og injeksjoner gir kortvarig lindring {m3}.", {"m3": "(4–5)"}),
]


def entry_line(index: int, entry, doi_suffix: str = "", author: str | None = None, year: int | None = None) -> str:
    authors, title, journal, entry_year, doi = entry
    return (f"{author or authors}. {title}. {journal}. {year or entry_year};12(3):1-9. "
            f"DOI: {doi}{doi_suffix}")


def reference_list(entries, numbers=None, bullets=False, heading="## Kilder", **line_options) -> str:
    lines = [heading, ""]
    for position, entry in enumerate(entries):
        prefix = "-" if bullets else f"{(numbers[position] if numbers else position + 1)}."
        lines.append(f"{prefix} {entry_line(position, entry, **line_options)}")
    return "\n".join(lines) + "\n"


def numeric_article(markers=None, entries=ENTRIES, numbers=None, bullets=False, distractors=True, **line_options):
    values = {"m1": "(1)", "m2": "(2, 3)", "m3": "(4–5)"}
    values.update(markers or {})
    body = " ".join(template.format(**values) for template, _ in NUMERIC_SENTENCES)
    if distractors:
        body += "\n\n" + DISTRACTORS
    return f"# Hælspore\n\n{body}\n\n" + reference_list(entries, numbers, bullets, **line_options)


def outcome(text: str, lang: str = "nb"):
    diagnostics = lint(text, lang=lang, select=("RF101", "RF102", "RF103", "RF104"))
    unresolved = sorted(text[d.start:d.end] for d in diagnostics if d.rule == "RF101")
    uncited = sorted(d.data.get("number") if d.data and "number" in d.data else d.message
                     for d in diagnostics if d.rule == "RF102")
    duplicates = sorted(d.data["duplicate_of"] for d in diagnostics if d.rule == "RF103")
    malformed = sorted(d.data["doi"] for d in diagnostics if d.rule == "RF104")
    return unresolved, uncited, duplicates, malformed


def test_base_article_is_clean():
    assert outcome(numeric_article()) == ([], [], [], [])


@pytest.mark.parametrize("deleted", range(1, 6))
def test_delete_an_entry_keeping_the_written_numbers(deleted):
    kept = [entry for number, entry in enumerate(ENTRIES, start=1) if number != deleted]
    numbers = [number for number in range(1, 6) if number != deleted]
    text = numeric_article(entries=kept, numbers=numbers)
    unresolved, uncited, duplicates, malformed = outcome(text)
    cited_as = {1: "1", 2: "2", 3: "3", 4: "4–5", 5: "4–5"}
    assert unresolved == [cited_as[deleted]]
    assert (uncited, duplicates, malformed) == ([], [], [])


@pytest.mark.parametrize("deleted", range(1, 6))
def test_delete_an_entry_and_renumber_the_list(deleted):
    kept = [entry for number, entry in enumerate(ENTRIES, start=1) if number != deleted]
    text = numeric_article(entries=kept)
    unresolved, uncited, _, _ = outcome(text)
    assert unresolved == ["4–5"]  # the list now ends at 4: only "5" points nowhere
    assert uncited == []


@pytest.mark.parametrize("deleted", range(1, 6))
def test_delete_an_entry_from_a_bulleted_list(deleted):
    kept = [entry for number, entry in enumerate(ENTRIES, start=1) if number != deleted]
    unresolved, uncited, _, _ = outcome(numeric_article(entries=kept, bullets=True))
    assert unresolved == ["4–5"] and uncited == []


@pytest.mark.parametrize("old, new", list(itertools.permutations(range(1, 6), 2)))
def test_renumber_one_marker(old, new):
    markers = {"m1": "(1)", "m2": "(2, 3)", "m3": "(4–5)"}
    texts = {1: ("m1", "(1)"), 2: ("m2", "(2, 3)"), 3: ("m2", "(2, 3)"), 4: ("m3", "(4–5)"), 5: ("m3", "(4–5)")}
    slot, _ = texts[old]
    numbers = {"m1": [1], "m2": [2, 3], "m3": [4, 5]}[slot]
    numbers = [new if number == old else number for number in numbers]
    markers[slot] = "(" + ", ".join(str(number) for number in numbers) + ")"
    unresolved, uncited, _, _ = outcome(numeric_article(markers=markers))
    cited = {1, 2, 3, 4, 5} - {old} | {new}
    assert unresolved == []  # every number 1-5 exists
    assert uncited == sorted({1, 2, 3, 4, 5} - cited)


@pytest.mark.parametrize("extra", [6, 9, 12, 99])
def test_marker_beyond_the_list(extra):
    unresolved, _, _, _ = outcome(numeric_article(markers={"m1": f"({extra})"}))
    assert unresolved == [str(extra)]
    unresolved, _, _, _ = outcome(numeric_article(markers={"m1": f"[1, {extra}]"}))
    assert unresolved == [str(extra)]


@pytest.mark.parametrize(
    "m3, unresolved",
    [
        ("(4-5)", []), ("(4–5)", []), ("(4 – 5)", []), ("(4—5)", []), ("(5–4)", []), ("[4-5]", []),
        ("(4-6)", ["4-6"]), ("(4–7)", ["4–7", "4–7"]), ("(4, 5)", []), ("(4,5,6)", ["6"]), ("⁴⁻⁵", []),
        ("⁴˒⁵", []), ("(4)[^5]", []),  # a footnote number with no footnotes falls back to the numbered list
    ],
)
def test_ranges(m3, unresolved):
    found, uncited, _, _ = outcome(numeric_article(markers={"m3": m3}))
    assert found == unresolved
    assert uncited == []


def test_superscript_run_is_one_number_unless_the_list_says_otherwise():
    # Five entries: "¹²" cannot be 12, so it is ¹ and ²; "¹⁵" likewise is ¹ and ⁵.
    assert outcome(numeric_article(markers={"m1": "¹²", "m2": "³", "m3": "⁴⁵"})) == ([], [], [], [])
    # "¹⁶": neither 16 nor 6 exists: reported as the number it reads as.
    unresolved, uncited, _, _ = outcome(numeric_article(markers={"m1": "¹⁶"}))
    assert unresolved == ["¹⁶"] and uncited == [1]


@pytest.mark.parametrize("style", ["(1)", "[1]", "¹", "<sup>1</sup>", "[1](#ref-1)"])
def test_numeric_marker_styles_resolve(style):
    unresolved, uncited, _, _ = outcome(numeric_article(markers={"m1": style}))
    assert unresolved == [] and uncited == []


def test_distractors_only_cite_nothing():
    text = numeric_article(markers={"m1": "", "m2": "", "m3": ""})
    unresolved, uncited, _, _ = outcome(text)
    assert unresolved == []
    assert len(uncited) == 1 and "none of the 5 references" in uncited[0]


@pytest.mark.parametrize("suffix", [".", ",", ";", ")", ".)", "]", ">", "'"])
def test_doi_with_trailing_punctuation_is_valid(suffix):
    unresolved, uncited, duplicates, malformed = outcome(numeric_article(doi_suffix=suffix))
    assert (unresolved, uncited, duplicates, malformed) == ([], [], [], [])


def test_duplicate_doi_across_case_and_punctuation():
    entries = list(ENTRIES)
    authors, title, journal, year, doi = ENTRIES[0]
    entries.append(("Rathleff M, Molgaard C", "Strength training for heel pain in runners", journal, year,
                    doi.upper() + "."))
    text = numeric_article(entries=entries, markers={"m3": "(4-6)"})
    unresolved, uncited, duplicates, malformed = outcome(text)
    assert duplicates == ["1"] and malformed == [] and unresolved == []


def test_duplicate_title():
    entries = list(ENTRIES)
    authors, title, journal, year, doi = ENTRIES[1]
    entries.append((authors, title + ".", journal, year, "10.1136/bjsports-2019-999999"))
    _, _, duplicates, _ = outcome(numeric_article(entries=entries, markers={"m3": "(4-6)"}))
    assert duplicates == []  # different DOIs: two papers, even with the same title
    entries[-1] = (authors, title, journal, year, doi)
    _, _, duplicates, _ = outcome(numeric_article(entries=entries, markers={"m3": "(4-6)"}))
    assert duplicates == ["2"]
    entries[-1] = ("Morrissey D, Cotchett M", title.upper(), journal, year, "")
    text = numeric_article(entries=entries, markers={"m3": "(4-6)"}).replace("DOI: \n", "\n")
    _, _, duplicates, _ = outcome(text)
    assert duplicates == ["2"]


@pytest.mark.parametrize("bad", ["10.111/sms.12313", "1111/sms.12313", "10.1111", "10.1111 /sms.12313"])
def test_malformed_doi_reported(bad):
    entries = list(ENTRIES)
    authors, title, journal, year, _ = ENTRIES[0]
    entries[0] = (authors, title, journal, year, bad)
    _, _, _, malformed = outcome(numeric_article(entries=entries))
    assert malformed == [bad]


# ------------------------------------------------------------------ author-year

AUTHOR_YEAR_CITATIONS = {
    1: "Rathleff et al., 2015",
    2: "Morrissey mfl. 2021",
    3: "Huffer og Hing 2017",
    4: "Østergaard & Ødegård, 2019",
    5: "Wang m.fl., 2025",
}


def author_year_article(citations=None, entries=ENTRIES, **line_options):
    values = dict(AUTHOR_YEAR_CITATIONS)
    values.update(citations or {})
    body = (f"Trening reduserer smertene ({values[1]}). Tøying hjelper mindre ({values[2]}; {values[3]}). "
            f"Nattskinner virker ({values[4]}). Injeksjoner gir kortvarig lindring ({values[5]}).")
    return f"# Hælspore\n\n{body}\n\n{DISTRACTORS}\n\n" + reference_list(entries, bullets=True, **line_options)


def test_author_year_base_is_clean():
    assert outcome(author_year_article()) == ([], [], [], [])


@pytest.mark.parametrize(
    "number, citation",
    [(4, "Ostergaard & Odegard, 2019"), (4, "ØSTERGAARD 2019"), (1, "Rathleff 2015a"), (1, "Rathleff et al. 2015"),
     (1, "se Rathleff et al., 2015, s. 3"), (2, "Morrissey, Cotchett og Said J'Bari 2021"), (5, "Wang et al 2025")],
)
def test_author_variants_resolve(number, citation):
    unresolved, uncited, _, _ = outcome(author_year_article({number: citation}))
    assert unresolved == [] and uncited == []


@pytest.mark.parametrize("number", range(1, 6))
def test_wrong_year(number):
    author, year = AUTHOR_YEAR_CITATIONS[number].rsplit(" ", 1)
    wrong = f"{author} {int(year) - 1}"
    unresolved, uncited, _, _ = outcome(author_year_article({number: wrong}))
    assert unresolved == [wrong]
    assert uncited == [number]


@pytest.mark.parametrize("number", range(1, 6))
def test_wrong_first_author(number):
    author, year = AUTHOR_YEAR_CITATIONS[number].rsplit(" ", 1)
    wrong = f"Olsen {year}"
    unresolved, uncited, _, _ = outcome(author_year_article({number: wrong}))
    assert unresolved == [wrong]
    assert uncited == [number]


def test_second_author_is_not_the_first_author():
    unresolved, uncited, _, _ = outcome(author_year_article({1: "Mølgaard 2015"}))
    assert unresolved == ["Mølgaard 2015"] and uncited == [1]


@pytest.mark.parametrize("deleted", range(1, 6))
def test_author_year_entry_deleted(deleted):
    kept = [entry for number, entry in enumerate(ENTRIES, start=1) if number != deleted]
    unresolved, uncited, _, _ = outcome(author_year_article(entries=kept))
    assert unresolved == [AUTHOR_YEAR_CITATIONS[deleted]]
    assert uncited == []


def test_entry_without_diacritics_still_matches():
    entries = list(ENTRIES)
    authors, title, journal, year, doi = ENTRIES[3]
    entries[3] = ("Ostergaard L, Odegard K", title, journal, year, doi)
    assert outcome(author_year_article(entries=entries)) == ([], [], [], [])


def test_year_suffix_must_match_when_both_have_one():
    entries = list(ENTRIES)
    authors, title, journal, year, doi = ENTRIES[0]
    entries[0] = (authors, title, journal, "2015b", doi)
    unresolved, _, _, _ = outcome(author_year_article({1: "Rathleff 2015a"}, entries=entries))
    assert unresolved == ["Rathleff 2015a"]
    unresolved, _, _, _ = outcome(author_year_article({1: "Rathleff 2015b"}, entries=entries))
    assert unresolved == []


def test_narrative_citation_counts_only_when_it_resolves():
    text = author_year_article().replace("Trening reduserer smertene (Rathleff et al., 2015).",
                                         "Rathleff (2015) fant at trening hjelper. Norge (2019) er et land.")
    unresolved, uncited, _, _ = outcome(text)
    assert unresolved == [] and uncited == []


def test_mixed_styles_are_reported_once():
    text = author_year_article().replace("(Wang m.fl., 2025)", "(5)")
    diagnostics = lint(text, select=("RF105",))
    assert [d.rule for d in diagnostics] == ["RF105"]
    assert text[diagnostics[0].start:diagnostics[0].end] == "(5)"
