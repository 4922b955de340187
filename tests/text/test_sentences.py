from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heellint.text.sentences import ABBREVIATIONS, split_sentences


def sentences(text: str, lang: str | None) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, lang)]


# --- Basics -------------------------------------------------------------------


def test_empty_and_blank_blocks_have_no_sentences() -> None:
    assert split_sentences("", "nb") == []
    assert split_sentences("   \n\t ", "nb") == []


def test_offsets_exclude_surrounding_whitespace() -> None:
    text = "  Hælen verker.   Foten også.  "
    assert split_sentences(text, "nb") == [(2, 15), (18, 29)]


def test_range_is_respected_and_offsets_point_into_the_whole_text() -> None:
    text = "Tittel\n\nFørste setning. Andre setning.\n\nNeste avsnitt."
    start = text.index("Første")
    end = text.index("\n\nNeste")
    spans = split_sentences(text, "nb", start, end)
    assert [text[a:b] for a, b in spans] == ["Første setning.", "Andre setning."]
    assert all(start <= a < b <= end for a, b in spans)


def test_block_without_terminal_punctuation_is_one_sentence() -> None:
    assert sentences("Behandling av kalkspore på hælen", "nb") == ["Behandling av kalkspore på hælen"]


def test_spans_without_letters_or_digits_are_dropped() -> None:
    assert sentences("Hei. … — . Ja.", "nb") == ["Hei.", "Ja."]


def test_unknown_language_uses_every_abbreviation_list() -> None:
    text = "Ta t.ex. Alvedon. Bruk fx is. Se e.g. Fig. 2."
    assert sentences(text, None) == ["Ta t.ex. Alvedon.", "Bruk fx is.", "Se e.g. Fig. 2."]
    assert sentences(text, "xx") == sentences(text, None)


# --- Question, exclamation, ellipsis, quotes and brackets -----------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("nb", "Hva er hælspore? Det er en utvekst! Les mer.", ["Hva er hælspore?", "Det er en utvekst!", "Les mer."]),
        ("nn", "Kva er hælspore? Det er ei utvekst! Les meir.", ["Kva er hælspore?", "Det er ei utvekst!", "Les meir."]),
        ("da", "Hvad er hælspore? Det er en udvækst! Læs mere.", ["Hvad er hælspore?", "Det er en udvækst!", "Læs mere."]),
        ("sv", "Vad är hälsporre? Det är en benpålagring! Läs mer.", ["Vad är hälsporre?", "Det är en benpålagring!", "Läs mer."]),
        ("en", "What is a heel spur? It is a growth! Read on.", ["What is a heel spur?", "It is a growth!", "Read on."]),
        ("nb", "Virkelig?! Ja.", ["Virkelig?!", "Ja."]),
    ],
)
def test_question_and_exclamation_marks_end_sentences(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("nb", "«Hvorfor gjør det vondt?» spurte hun. Ingen svarte.", ["«Hvorfor gjør det vondt?» spurte hun.", "Ingen svarte."]),
        ("da", "»Hvorfor gør det ondt?« spurgte hun. Ingen svarede.", ["»Hvorfor gør det ondt?« spurgte hun.", "Ingen svarede."]),
        ("sv", "”Varför gör det ont?” frågade hon. Ingen svarade.", ["”Varför gör det ont?” frågade hon.", "Ingen svarade."]),
        ("en", '"Why does it hurt?" she asked. Nobody answered.', ['"Why does it hurt?" she asked.', "Nobody answered."]),
    ],
)
def test_question_inside_quotes_followed_by_lower_case_goes_on(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("nb", "Det gjør vondt (særlig under hælen.) Neste setning.", ["Det gjør vondt (særlig under hælen.)", "Neste setning."]),
        ("nb", "Han sa: «Det går over.» Så gikk han.", ["Han sa: «Det går over.»", "Så gikk han."]),
        ("da", 'Navnet er "hælspore." Det er misvisende.', ['Navnet er "hælspore."', "Det er misvisende."]),
        ("sv", "Se bilden (figur 2). Den visar foten.", ["Se bilden (figur 2).", "Den visar foten."]),
        ("en", "It hurts (mostly under the heel.) Rest helps.", ["It hurts (mostly under the heel.)", "Rest helps."]),
        ("nb", "Smerten sitter i hælen.[1] Neste setning.¹ Siste.", ["Smerten sitter i hælen.[1]", "Neste setning.¹", "Siste."]),
    ],
)
def test_closing_quotes_brackets_and_notes_stay_with_the_sentence(
    lang: str, text: str, expected: list[str]
) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("nb", "Han tenkte ... og så gikk han. Ferdig.", ["Han tenkte ... og så gikk han.", "Ferdig."]),
        ("nb", "Smerten kom og gikk... Så ble den verre.", ["Smerten kom og gikk...", "Så ble den verre."]),
        ("da", "Smerten kom og gik… Så blev den værre.", ["Smerten kom og gik…", "Så blev den værre."]),
        ("en", "It came and went... and then it stayed.", ["It came and went... and then it stayed."]),
    ],
)
def test_ellipsis(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


def test_colon_and_semicolon_are_not_ends() -> None:
    text = "Husk dette: Det er senen; ikke knoklen. Ferdig."
    assert sentences(text, "nb") == ["Husk dette: Det er senen; ikke knoklen.", "Ferdig."]


# --- Numbers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("nb", "Dosen er 3.5 mg eller 3,5 mg. Ta den kl. 10.30 hver dag.", ["Dosen er 3.5 mg eller 3,5 mg.", "Ta den kl. 10.30 hver dag."]),
        ("da", "Vi ses den 3. maj. Det er 1. januar i dag.", ["Vi ses den 3. maj.", "Det er 1. januar i dag."]),
        ("nb", "Fra 1. januar gjelder nye regler. Den 17. mai er fridag.", ["Fra 1. januar gjelder nye regler.", "Den 17. mai er fridag."]),
        ("nn", "Frå 1. januar gjeld nye reglar. Den 17. mai er fridag.", ["Frå 1. januar gjeld nye reglar.", "Den 17. mai er fridag."]),
        ("sv", "Från 1. januari gäller nya regler. Den 6. juni är helgdag.", ["Från 1. januari gäller nya regler.", "Den 6. juni är helgdag."]),
        ("da", "Træn hver dag i uge 5. Derefter holder du pause.", ["Træn hver dag i uge 5.", "Derefter holder du pause."]),
        ("da", "Uge 5.", ["Uge 5."]),
        ("nb", "Det gjelder 1. 2. og 3. klasse.", ["Det gjelder 1. 2. og 3. klasse."]),
        ("nb", "Studien kom i 2015. Den viste effekt.", ["Studien kom i 2015.", "Den viste effekt."]),
        ("en", "The dose is 2.5 mg. Take it at 10.30 a.m. daily.", ["The dose is 2.5 mg.", "Take it at 10.30 a.m. daily."]),
    ],
)
def test_decimals_times_and_ordinals(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


def test_inline_enumeration_labels_open_sentences() -> None:
    text = "Det skjer i to trinn: 1. Først gjør du X. 2. Deretter gjør du Y."
    assert sentences(text, "nb") == ["Det skjer i to trinn: 1. Først gjør du X.", "2. Deretter gjør du Y."]


def test_month_abbreviation_is_protected_only_before_a_number() -> None:
    text = "Vi ses 15. jan. 2026. Han heter Jan. Han er lege. God jul. Godt nytt år."
    assert sentences(text, "nb") == [
        "Vi ses 15. jan. 2026.",
        "Han heter Jan.",
        "Han er lege.",
        "God jul.",
        "Godt nytt år.",
    ]


# --- Abbreviations per language -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Har du f.eks. flat fotbue, øker belastningen. Neste.",
        "Det gjelder bl.a. løpere. Neste.",
        "Plagene går over, dvs. de fleste blir bra. Neste.",
        "Det tar ca. tre måneder. Neste.",
        "Sko, såler mv. kan hjelpe. Neste.",
        "Løpere, dansere m.fl. er utsatt. Neste.",
        "Is, varme osv. kan lindre. Neste.",
        "Det skjer pga. overbelastning. Neste.",
        "Ta evt. kontakt med lege. Neste.",
        "Bruk ev. en skinne. Neste.",
        "Se punkt nr. 4 i listen. Neste.",
        "Det koster kr. 500 per time. Neste.",
        "Se jf. retningslinjen. Neste.",
        "Prisen er inkl. moms. Neste.",
        "Prisen er ekskl. moms. Neste.",
        "Sko o.l. kan hjelpe. Neste.",
        "Is, varme mm. kan lindre. Neste.",
        "Snakk med dr. Hansen. Neste.",
        "Snakk med prof. Hansen. Neste.",
        "Det gjelder hhv. 20 og 30 prosent. Neste.",
    ],
)
def test_bokmaal_abbreviations(text: str) -> None:
    assert sentences(text, "nb") == [text[: -len(" Neste.")], "Neste."]


@pytest.mark.parametrize(
    "text",
    [
        "Har du t.d. flat fotboge, aukar belastninga. Neste.",
        "Det gjeld m.a. løparar. Neste.",
        "Det gjeld bl.a. løparar. Neste.",
        "Plagene går over, dvs. dei fleste vert bra. Neste.",
        "Det tek ca. tre månader. Neste.",
        "Is, varme osb. kan lindre. Neste.",
        "Det skjer pga. overbelastning. Neste.",
        "Ta evt. kontakt med lege. Neste.",
        "Snakk med dr. Hansen. Neste.",
    ],
)
def test_nynorsk_abbreviations(text: str) -> None:
    assert sentences(text, "nn") == [text[: -len(" Neste.")], "Neste."]


@pytest.mark.parametrize(
    "text",
    [
        "Brug fx is på hælen. Næste.",
        "Brug fx. is på hælen. Næste.",
        "Har du f.eks. flad fod, øges belastningen. Næste.",
        "Det gælder bl.a. løbere. Næste.",
        "Det går over, dvs. de fleste bliver raske. Næste.",
        "Det tager ca. tre måneder. Næste.",
        "Sko, indlæg mv. kan hjælpe. Næste.",
        "Is, varme osv. kan lindre. Næste.",
        "Det sker pga. overbelastning. Næste.",
        "Kontakt evt. din læge. Næste.",
        "Se punkt nr. 4 i listen. Næste.",
        "Det koster kr. 500 i timen. Næste.",
        "Se jf. vejledningen. Næste.",
        "Prisen er inkl. moms. Næste.",
        "Spørg mht. træningen. Næste.",
        "Det er bedre ift. hvile. Næste.",
        "Det måles vha. ultralyd. Næste.",
        "Sko o.lign. kan hjælpe. Næste.",
        "Øg med 10 % pr. uge. Næste.",
        "Det blev nævnt ifm. træningen. Næste.",
        "Tal med Dr. Hansen. Næste.",
    ],
)
def test_danish_abbreviations(text: str) -> None:
    assert sentences(text, "da") == [text[: -len(" Næste.")], "Næste."]


@pytest.mark.parametrize(
    "text",
    [
        "Ta t.ex. Alvedon mot värken. Nästa.",
        "Det gäller bl.a. löpare. Nästa.",
        "Det går över, d.v.s. de flesta blir bra. Nästa.",
        "Det går över, dvs. de flesta blir bra. Nästa.",
        "Det tar ca. tre månader. Nästa.",
        "Skor, inlägg m.m. kan hjälpa. Nästa.",
        "Is, värme osv. kan lindra. Nästa.",
        "Det beror p.g.a. överbelastning. Nästa.",
        "Det beror pga. överbelastning. Nästa.",
        "Gäller t.o.m. december. Nästa.",
        "Gäller fr.o.m. januari. Nästa.",
        "Den s.k. hälsporren syns på röntgen. Nästa.",
        "Kontakta läkare el. sjuksköterska. Nästa.",
        "De fick 20 resp. 30 procent. Nästa.",
        "Se punkt nr. 4 i listan. Nästa.",
        "Tala med Dr. Svensson. Nästa.",
    ],
)
def test_swedish_abbreviations(text: str) -> None:
    assert sentences(text, "sv") == [text[: -len(" Nästa.")], "Nästa."]


@pytest.mark.parametrize(
    "text",
    [
        "Use ice, e.g. a bag of peas. Next.",
        "It is common, i.e. most runners get it. Next.",
        "Rest, ice, etc. can help. Next.",
        "As shown by Smith et al. in their trial. Next.",
        "Training vs. rest is the question. Next.",
        "Ask Dr. Smith about it. Next.",
        "Ask Mr. Smith about it. Next.",
        "Ask Mrs. Smith about it. Next.",
        "Ask Prof. Smith about it. Next.",
        "See Fig. 2 for details. Next.",
        "It takes approx. three months. Next.",
        "See item no. 4 in the list. Next.",
        "Try St. John's wort with care. Next.",
    ],
)
def test_english_abbreviations(text: str) -> None:
    assert sentences(text, "en") == [text[: -len(" Next.")], "Next."]


@pytest.mark.parametrize("lang", ["nb", "nn", "da", "sv", "en"])
def test_et_al_is_known_in_every_language(lang: str) -> None:
    text = "Rathleff et al. (2015) viste effekt. Rathleff et al. viste det. Se Rathleff et al. Neste."
    assert sentences(text, lang) == [
        "Rathleff et al. (2015) viste effekt.",
        "Rathleff et al. viste det.",
        "Se Rathleff et al.",
        "Neste.",
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("nb", "Sko, såler osv. Neste punkt er trening.", ["Sko, såler osv.", "Neste punkt er trening."]),
        ("da", "Timen koster 500 kr. Det er dyrt.", ["Timen koster 500 kr.", "Det er dyrt."]),
        ("en", "Rest, ice, etc. The next step is load.", ["Rest, ice, etc.", "The next step is load."]),
        ("sv", "Is, värme m.m. Nästa steg är träning.", ["Is, värme m.m.", "Nästa steg är träning."]),
    ],
)
def test_abbreviations_that_may_end_a_sentence(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


def test_spaced_abbreviations() -> None:
    assert sentences("Ta f. eks. Ibux. Neste.", "nb") == ["Ta f. eks. Ibux.", "Neste."]
    assert sentences("Det gjelder bl. a. Løpere. Neste.", "nb") == ["Det gjelder bl. a. Løpere.", "Neste."]


def test_abbreviations_are_language_specific() -> None:
    # Swedish "el." (eller) is no abbreviation in Bokmål, where "el" is electricity.
    text = "Bilen går på el. Den er stille."
    assert sentences(text, "nb") == ["Bilen går på el.", "Den er stille."]
    assert sentences(text, "sv") == [text]


def test_unknown_abbreviation_before_lower_case_is_not_an_end() -> None:
    assert sentences("Se ibid. side fire. Neste.", "nb") == ["Se ibid. side fire.", "Neste."]
    assert sentences("Dette gjelder iht. loven. Neste.", "nb") == ["Dette gjelder iht. loven.", "Neste."]


def test_acronym_before_a_capital_ends_the_sentence() -> None:
    assert sentences("Pasienter med MS. Det er vanlig.", "nb") == ["Pasienter med MS.", "Det er vanlig."]
    assert sentences("De bruker NSAID. Det hjelper kort.", "da") == ["De bruker NSAID.", "Det hjelper kort."]


def test_abbreviation_table_is_lower_case_and_dotted() -> None:
    for abbreviations in ABBREVIATIONS.values():
        for abbreviation in abbreviations:
            assert abbreviation == abbreviation.lower()
            assert abbreviation.endswith(".")


# --- Initials ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("nb", "M. S. Rathleff viste dette. Neste.", ["M. S. Rathleff viste dette.", "Neste."]),
        ("da", "Studien af M. S. Rathleff viser det. Næste.", ["Studien af M. S. Rathleff viser det.", "Næste."]),
        ("da", "Rathleff MS. et al. fandt det. Næste.", ["Rathleff MS. et al. fandt det.", "Næste."]),
        ("nb", "Ifølge M.S. Rathleff er det slik. Neste.", ["Ifølge M.S. Rathleff er det slik.", "Neste."]),
        ("en", "Written by J. R. R. Tolkien. Next.", ["Written by J. R. R. Tolkien.", "Next."]),
        ("sv", "Enligt A. Svensson hjälper det. Nästa.", ["Enligt A. Svensson hjälper det.", "Nästa."]),
    ],
)
def test_initials(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("nb", "Ta tilskudd av vitamin D. Det er viktig om vinteren.", ["Ta tilskudd av vitamin D.", "Det er viktig om vinteren."]),
        ("da", "Tag tilskud af vitamin D. Det er vigtigt om vinteren.", ["Tag tilskud af vitamin D.", "Det er vigtigt om vinteren."]),
        ("sv", "Barnet har hepatit B. Det är ovanligt.", ["Barnet har hepatit B.", "Det är ovanligt."]),
        ("en", "Take vitamin D. It matters in winter.", ["Take vitamin D.", "It matters in winter."]),
    ],
)
def test_single_capital_after_a_lower_case_word_ends_the_sentence(
    lang: str, text: str, expected: list[str]
) -> None:
    assert sentences(text, lang) == expected


# --- Lower-case fallback ------------------------------------------------------------


def test_lower_case_after_a_period_is_not_a_sentence_start() -> None:
    assert sentences("Det var 3 pas. pr. dag i snitt. Neste.", "nb") == ["Det var 3 pas. pr. dag i snitt.", "Neste."]


# --- Line breaks and list markers ---------------------------------------------------------


def test_line_break_without_terminal_punctuation_is_not_an_end() -> None:
    text = "Dette er en linje\nsom fortsetter her. Og en til\nsom også fortsetter."
    assert sentences(text, "nb") == ["Dette er en linje\nsom fortsetter her.", "Og en til\nsom også fortsetter."]


def test_line_break_after_terminal_punctuation_is_an_end_even_before_lower_case() -> None:
    text = "Første linje slutter her.\nneste linje starter smått."
    assert sentences(text, "nb") == ["Første linje slutter her.", "neste linje starter smått."]


def test_line_break_after_abbreviation_or_ordinal_is_not_an_end() -> None:
    assert sentences("Bruk f.eks.\nis på hælen.", "nb") == ["Bruk f.eks.\nis på hælen."]
    assert sentences("Det skjedde den 3.\nmai i fjor.", "nb") == ["Det skjedde den 3.\nmai i fjor."]


def test_list_markers_start_new_sentences_and_are_left_out() -> None:
    text = "Det kan skje på to måter:\n- Økt belastning\n- Nedsatt kapasitet\n* Stjerne\n• Prikk"
    assert sentences(text, "nb") == [
        "Det kan skje på to måter:",
        "Økt belastning",
        "Nedsatt kapasitet",
        "Stjerne",
        "Prikk",
    ]


def test_numbered_list_markers() -> None:
    text = "Gjør slik:\n1. Stå på et trinn\n2. Løft hælen\n3) Senk sakte\na) Gjenta"
    assert sentences(text, "nb") == ["Gjør slik:", "Stå på et trinn", "Løft hælen", "Senk sakte", "Gjenta"]


def test_marker_at_block_start_is_left_out() -> None:
    text = "- Smerter under hælen.\n- Smerter om morgenen"
    assert sentences(text, "nb") == ["Smerter under hælen.", "Smerter om morgenen"]
    text = "1. Øget belastning:\n- Du løber mere"
    assert sentences(text, "da") == ["Øget belastning:", "Du løber mere"]


def test_ordinal_at_block_start_is_not_a_marker() -> None:
    assert sentences("1. januar starter kurset.", "nb") == ["1. januar starter kurset."]


def test_blank_line_is_always_an_end() -> None:
    assert sentences("Overskrift uten punktum\n\nAvsnitt her.", "nb") == ["Overskrift uten punktum", "Avsnitt her."]


def test_markup_replaced_by_spaces_does_no_harm() -> None:
    text = "  Har du **f.eks.** flat bue? Les om   plantar fasciitt     . Ferdig."
    masked = text.replace("**", "  ")
    assert sentences(masked, "nb") == ["Har du   f.eks.   flat bue?", "Les om   plantar fasciitt     .", "Ferdig."]


# --- Properties -----------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("aæøå AØ.!?…:;,()«»\"'\n-12 fxeks") + ["f.eks.", " et al. ", "\n- ", "\n1. "])


@given(st.lists(_ALPHABET, max_size=60).map("".join), st.sampled_from(["nb", "nn", "da", "sv", "en", None]))
def test_spans_are_ordered_disjoint_stripped_and_inside_the_block(text: str, lang: str | None) -> None:
    spans = split_sentences(text, lang)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert any(character.isalnum() for character in text[start:end])
        previous_end = end


@given(st.lists(_ALPHABET, max_size=40).map("".join), st.integers(0, 10))
def test_offset_range_equals_slicing(text: str, padding: int) -> None:
    document = "x" * padding + "\n" + text + "\n" + "y" * padding
    start = padding + 1
    spans = split_sentences(document, "nb", start, start + len(text))
    assert [(a - start, b - start) for a, b in spans] == split_sentences(text, "nb")
