"""What the seed articles must show (issue 4)."""

from __future__ import annotations

from pathlib import Path

from heellint.claims.analysis import ClaimOptions, analyse
from heellint.claims.metadata import find_update_date, find_paid_calls_to_action
from heellint.parse import parse_document

from .conftest import by_rule, lint

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"
DANISH = SEEDS / "004_98c910dbf5d1c947.txt"
NORWEGIAN = SEEDS / "000_989b888d24f57c83.txt"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_danish_seed_markers_all_resolve_and_all_references_are_cited():
    text = read(DANISH)
    diagnostics = lint(text, lang="da", path=DANISH.name, select=("RF",))
    assert diagnostics == []
    document = parse_document(DANISH.name, text)
    document.lang = "da"
    analysis = analyse(document, ClaimOptions())
    assert [reference.first_author for reference in analysis.references.references] == [
        "Rathleff", "Morrissey", "Huffer", "Cutts", "Wang"]
    cited = sorted({c.number for m in analysis.markers for c in m.citations})
    assert cited == [1, 2, 3, 4, 5]
    assert all(resolution.references for resolution in analysis.resolutions)


def test_danish_seed_uncited_claims_are_flagged():
    text = read(DANISH)
    flagged = [text[d.start:d.end] for d in by_rule(lint(text, lang="da", path=DANISH.name, select=("CL101",)), "CL101")]
    assert "Total hvile svækker svangsenen yderligere og forlænger forløbet." in flagged
    assert "Kan potentielt hæmme helingen ved længere tids brug." in flagged
    # Cited sentences and the call to action are not.
    assert not any("(1)" in sentence or "(2)" in sentence for sentence in flagged)
    assert not any("Book en konsultation" in sentence for sentence in flagged)
    assert not any(sentence.endswith("?") for sentence in flagged)


def test_danish_seed_has_a_reference_list_so_no_document_level_finding():
    text = read(DANISH)
    assert by_rule(lint(text, lang="da", path=DANISH.name, select=("CL102",)), "CL102") == []


def test_danish_seed_call_to_action_is_seen():
    text = read(DANISH)
    document = parse_document(DANISH.name, text)
    assert [call.text for call in find_paid_calls_to_action(document)] == ["Book en konsultation"]
    [finding] = by_rule(lint(text, lang="da", path=DANISH.name, select=("MD104",)), "MD104")
    assert text[finding.start:finding.end] == "Book en konsultation"


def test_danish_seed_update_date():
    text = read(DANISH)
    found = find_update_date(parse_document(DANISH.name, text))
    assert (found.year, found.month, found.day, found.kind) == (2025, 12, None, "updated")
    assert by_rule(lint(text, lang="da", path=DANISH.name, select=("MD101", "MD102")), "MD101") == []
    assert by_rule(lint(text, lang="da", path=DANISH.name, select=("MD101", "MD102")), "MD102") == []


def test_norwegian_seed_claims_and_document_level_finding():
    text = read(NORWEGIAN)
    diagnostics = lint(text, lang="nb", path=NORWEGIAN.name, select=("CL101", "CL102"))
    flagged = [text[d.start:d.end] for d in by_rule(diagnostics, "CL101")]
    # The issue quotes it as "det er veldig mye som tyder på ..."; the article says "er det veldig mye ...".
    assert any("veldig mye som tyder på at riktig bevegelse og trening vil hjelpe med å redusere smertene"
               in sentence for sentence in flagged)
    [document_level] = by_rule(diagnostics, "CL102")
    assert document_level.data["claims"] == len(flagged)
    assert len(flagged) >= 3


def test_norwegian_seed_has_no_date():
    text = read(NORWEGIAN)
    assert [d.rule for d in lint(text, lang="nb", path=NORWEGIAN.name, select=("MD101", "MD102"))] == ["MD101"]


def test_norwegian_seed_has_no_reference_findings():
    text = read(NORWEGIAN)
    assert lint(text, lang="nb", path=NORWEGIAN.name, select=("RF",)) == []
