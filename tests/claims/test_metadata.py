"""Transparency metadata: update date (MD101/MD102), author (MD103), paid calls to action (MD104)."""

from __future__ import annotations

import datetime as dt

import pytest

from heellint.claims.metadata import find_update_date, parse_date_text
from heellint.claims.rules import MetadataRule, _emit_outdated, _meta_md102
from heellint.parse import parse_document

from .conftest import by_rule, lint

BODY = "Hælspore er en benete utvekst på hælbeinet.\n\n"


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Sidst opdateret: December 2025", (2025, 12, None)),
        ("Sist oppdatert: 3. mars 2024", (2024, 3, 3)),
        ("Sist oppdatert 03.03.2024", (2024, 3, 3)),
        ("Senast uppdaterad: 2024-03-05", (2024, 3, 5)),
        ("Senast uppdaterad 5 augusti 2023", (2023, 8, 5)),
        ("Last updated: 5 March 2024", (2024, 3, 5)),
        ("Last updated: March 5, 2024", (2024, 3, 5)),
        ("Page last reviewed: 12 Jan 2023", (2023, 1, 12)),
        ("Opdateret d. 1. maj 2022", (2022, 5, 1)),
        ("Sist endra: 1. desember 2021", (2021, 12, 1)),
        ("Oppdatert: 2020", (2020, 12, None)),
        ("*Sist faglig oppdatert: 14. februar 2025*", (2025, 2, 14)),
        ("Senest revideret: marts 2024", (2024, 3, None)),
    ],
)
def test_update_date_lines(line, expected):
    found = find_update_date(parse_document("a.md", BODY + line + "\n"))
    assert found is not None
    assert (found.year, found.month, found.day) == expected
    assert found.kind == "updated"


@pytest.mark.parametrize(
    "front, expected",
    [
        ("updated: 2024-03-05", (2024, 3, 5)),
        ("last_modified: 2023-01-02", (2023, 1, 2)),
        ("lastmod: '2022-06-01'", (2022, 6, 1)),
        ("date: 2021-09-09", (2021, 9, 9)),
        ("Sist-oppdatert: 1. mars 2024", (2024, 3, 1)),
    ],
)
def test_front_matter_dates(front, expected):
    found = find_update_date(parse_document("a.md", f"---\n{front}\n---\n{BODY}"))
    assert found is not None and (found.year, found.month, found.day) == expected


def test_update_date_preferred_over_publication_date():
    text = "---\ndate: 2015-01-01\nupdated: 2025-01-01\n---\n" + BODY
    found = find_update_date(parse_document("a.md", text))
    assert (found.year, found.kind) == (2025, "updated")
    text = BODY + "Publisert: 3. mars 2015. Sist oppdatert: 4. april 2025.\n"
    assert find_update_date(parse_document("a.md", text)).year == 2025


def test_newest_of_several_update_lines():
    text = BODY + "Oppdatert: 1. mars 2020\n\nSist oppdatert: 2. mars 2024\n"
    assert find_update_date(parse_document("a.md", text)).year == 2024


@pytest.mark.parametrize("text", ["En studie fra 2010 fulgte 120 pasienter.", "Publisert i tidsskriftet i 2019.",
                                  "Oppdatert kunnskap om hælspore."])
def test_years_in_running_text_are_not_update_dates(text):
    assert find_update_date(parse_document("a.md", text + "\n")) is None


def test_parse_date_text():
    assert parse_date_text("5. marts 2024") == (2024, 3, 5)
    assert parse_date_text("2024-13-01") is None
    assert parse_date_text("31.02.2024") is None


def test_missing_date_is_reported():
    diagnostics = lint(BODY, select=("MD101",))
    assert [d.rule for d in diagnostics] == ["MD101"]
    assert diagnostics[0].line == 1


def test_recent_date_is_fine_and_old_date_is_outdated():
    recent = BODY + "Sidst opdateret: December 2025\n"
    assert lint(recent, lang="da", select=("MD101", "MD102")) == []
    old = BODY + "Sist oppdatert: 3. mars 2015\n"
    [finding] = lint(old, select=("MD101", "MD102"))
    assert finding.rule == "MD102"
    assert old[finding.start:finding.end] == "3. mars 2015"
    assert finding.data["months"] == 140  # 2015-03-03 -> 2026-11-22


def test_max_age_is_configurable():
    text = BODY + "Sist oppdatert: 1. mars 2026\n"
    assert lint(text, select=("MD102",)) == []
    assert by_rule(lint(text, select=("MD102",), metadata={"max_age_months": 6}), "MD102")


def test_today_is_injectable():
    document = parse_document("a.md", BODY + "Sist oppdatert: 1. januar 2024\n")
    young = MetadataRule(_meta_md102(24), _emit_outdated, 24, lambda: dt.date(2025, 1, 1))
    old = MetadataRule(_meta_md102(24), _emit_outdated, 24, lambda: dt.date(2026, 2, 1))
    assert list(young.check(document)) == []
    assert [finding.data["months"] for finding in old.check(document)] == [25]


def test_today_from_environment(monkeypatch):
    text = BODY + "Sist oppdatert: 1. januar 2024\n"
    monkeypatch.setenv("HEELLINT_TODAY", "2025-01-01")
    assert lint(text, select=("MD102",)) == []
    monkeypatch.setenv("HEELLINT_TODAY", "2026-02-01")
    assert by_rule(lint(text, select=("MD102",)), "MD102")


def test_author_rule_is_off_by_default_and_reads_lines_and_front_matter():
    assert lint(BODY, select=("MD",)) == by_rule(lint(BODY, select=("MD",)), "MD101")
    assert by_rule(lint(BODY, select=("MD103",)), "MD103")
    assert by_rule(lint(BODY, select=("MD",), metadata={"require_author": True}), "MD103")
    for text in (BODY + "Skrevet av Kari Nordmann, fysioterapeut.\n", "---\nauthor: Kari Nordmann\n---\n" + BODY,
                 BODY + "Forfatter: Kari Nordmann\n", BODY + "Medically reviewed by Dr Jane Smith\n",
                 BODY + "Författare: Anna Svensson\n"):
        assert by_rule(lint(text, select=("MD103",)), "MD103") == [], text


def test_av_og_til_is_not_an_author_line():
    assert by_rule(lint(BODY + "Av og til gjør det vondt.\n", select=("MD103",)), "MD103")


def test_paid_call_to_action_without_disclosure():
    text = "Hos LøberLab hjælper vi løbere.\n\nBook en konsultation, så tager vi den derfra.\n"
    [finding] = by_rule(lint(text, lang="da", select=("MD104",)), "MD104")
    assert text[finding.start:finding.end] == "Book en konsultation"
    assert by_rule(lint(text, lang="da", select=("MD",)), "MD104") == []  # off by default
    assert by_rule(lint(text, lang="da", select=("MD",), metadata={"require_disclosure": True}), "MD104")
    disclosed = text + "\nArtiklen er skrevet i samarbejde med LøberLab.\n"
    assert by_rule(lint(disclosed, lang="da", select=("MD104",)), "MD104") == []


def test_free_services_are_not_paid_calls_to_action():
    text = "Ring 113 ved brystsmerter. Kontakt fastlegen hvis smertene varer.\n"
    assert by_rule(lint(text, select=("MD104",)), "MD104") == []
