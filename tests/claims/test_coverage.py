"""Which sentence a citation marker covers (CL101 silent, CL103 in strict mode)."""

from __future__ import annotations

from .conftest import by_rule, flagged_texts, lint

LIST = "\n\n## Kilder\n\n1. Hansen A. Trening og smerte. Tidsskr. 2020.\n2. Berg B. Tøying. Tidsskr. 2019.\n"
CLAIM = "Trening reduserer smertene hos 70 % av pasientene."
CLAIM_2 = "Tøying alene har liten effekt på smertene."


def claims(text, **options):
    return flagged_texts(text, lint(text, select=("CL101", "CL103"), **options), "CL101")


def later(text, strict=True):
    options = {"claims": {"strict": True}} if strict else {}
    return flagged_texts(text, lint(text, select=("CL103",) if not strict else ("CL101", "CL103"), **options), "CL103")


def test_uncited_claim_is_flagged():
    assert claims(CLAIM + LIST) == [CLAIM]


def test_marker_in_the_sentence_covers_it():
    assert claims(CLAIM.replace(".", " (1).") + LIST) == []


def test_marker_right_after_the_sentence_covers_it():
    assert claims(CLAIM + " (1)" + LIST) == []
    assert claims(CLAIM + " (1) " + CLAIM_2 + LIST) == [CLAIM_2]


def test_superscript_after_the_full_stop_covers_the_sentence():
    assert claims(CLAIM + "¹ " + CLAIM_2 + "²" + LIST) == []


def test_marker_later_in_the_paragraph_covers_earlier_claims_silently():
    text = CLAIM + " " + CLAIM_2.replace(".", " (1).") + LIST
    assert claims(text) == []
    assert later(text) == [CLAIM]


def test_cl103_only_in_strict_mode_or_when_selected():
    text = CLAIM + " " + CLAIM_2.replace(".", " (1).") + LIST
    assert by_rule(lint(text, select=("CL",)), "CL103") == []
    assert flagged_texts(text, lint(text, select=("CL103",)), "CL103") == [CLAIM]
    assert flagged_texts(text, lint(text, select=("CL",), claims={"strict": True}), "CL103") == [CLAIM]


def test_coverage_never_crosses_a_paragraph():
    text = CLAIM + "\n\n" + CLAIM_2.replace(".", " (1).") + LIST
    assert claims(text) == [CLAIM]


def test_coverage_never_crosses_a_heading():
    text = CLAIM + "\n\n## Behandling\n\n" + CLAIM_2.replace(".", " (1).") + LIST
    assert claims(text) == [CLAIM]


def test_coverage_never_runs_from_one_list_item_to_another():
    text = f"- {CLAIM}\n- {CLAIM_2.replace('.', ' (1).')}\n" + LIST
    assert claims(text) == [CLAIM]


def test_intro_sentence_with_marker_and_colon_covers_its_list():
    text = ("Forskningen viser at de fleste blir bra med trening (1):\n\n- Typisk forløp: 3-6 måneder til bedring\n"
            "- Langvarige tilfeller: opptil 12 måneder\n\nDe fleste blir bra innen 12 måneder." + LIST)
    assert claims(text) == ["De fleste blir bra innen 12 måneder."]


def test_list_without_intro_marker_is_not_covered():
    text = ("Forskningen viser at de fleste blir bra med trening (1).\n\n- Typisk forløp: 3-6 måneder til bedring\n"
            + LIST)
    assert claims(text) == ["Typisk forløp: 3-6 måneder til bedring"]


def test_plain_text_lines_are_blocks():
    text = (CLAIM + "\n" + CLAIM_2.replace(".", " (1).") + "\nKilder\n1. Hansen A. Trening og smerte. Tidsskr. 2020.\n"
            "2. Berg B. Tøying. Tidsskr. 2019.\n")
    diagnostics = lint(text, select=("CL101",), path="article.txt")
    assert flagged_texts(text, diagnostics, "CL101") == [CLAIM]


def test_link_to_a_source_covers_the_sentence():
    text = CLAIM.replace(".", " ([studie](https://pubmed.ncbi.nlm.nih.gov/25145695/)).")
    assert claims(text) == []
    text = CLAIM.replace(".", " ([les mer](https://www.example.com/trening)).")
    assert claims(text) == [text]


def test_unresolved_marker_still_covers_the_sentence():
    # The broken marker is RF101's problem; CL101 must not report the same sentence twice over.
    text = CLAIM.replace(".", " (7).") + LIST
    assert claims(text) == []
    assert by_rule(lint(text, select=("RF101",)), "RF101")
