"""Claim detection (CL101/CL102): what it flags in each language and what it must not flag."""

from __future__ import annotations

import pytest

from heellint.claims.cues import DEFAULT_THRESHOLD, load_lexicon

from .conftest import by_rule, flagged_texts, lint

CLAIMS = {
    "nb": [
        "Studier viser at trening reduserer smertene.",
        "Et randomisert kontrollert forsøk fant bedre funksjon etter tre måneder.",
        "Omtrent åtte av ti nordmenn får ryggsmerter i løpet av livet.",
        "Tung styrketrening er mer effektiv enn tøying alene.",
        "Røyking øker risikoen for hjerteinfarkt.",
        "Kosttilskuddet er helt trygt og har ingen bivirkninger.",
        "Sengeleie forlenger plagene.",
        "Smertene går over av seg selv hos de fleste.",
        "Mye tyder på at riktig trening kan redusere smertene.",
    ],
    "nn": [
        "Forsking viser at trening reduserer smertene.",
        "Om lag ein av fem vaksne har høgt blodtrykk.",
        "Røyking aukar risikoen for hjarteinfarkt.",
        "Styrketrening er meir effektivt enn tøying åleine.",
    ],
    "da": [
        "Et randomiseret studie viste, at styrketræning er mere effektiv end udspænding.",
        "Total hvile svækker svangsenen yderligere og forlænger forløbet.",
        "Kan potentielt hæmme helingen ved længere tids brug.",
        "Omkring 300.000 danskere har slidgigt.",
        "Glukosamin virker ikke bedre end snydepiller.",
        "Behandlingen er garanteret uden bivirkninger.",
    ],
    "sv": [
        "Forskningen visar att fysisk aktivitet minskar risken för depression.",
        "Ungefär var tionde svensk har migrän.",
        "Triptaner är mer effektiva än vanliga smärtstillande.",
        "Vaccinet är helt ofarligt.",
        "Rökning under graviditeten ökar risken för astma hos barnet.",
    ],
    "en": [
        "A study found that strength training reduces heel pain.",
        "Around 80% of people recover within 12 months.",
        "Statins lower the risk of heart attack.",
        "This supplement is completely safe and has no side effects.",
        "Cognitive behavioural therapy is as effective as antidepressants.",
        "Depression is strongly associated with heavy drinking.",
    ],
}

NOT_CLAIMS = {
    "nb": [
        "Ta kontakt med fastlegen hvis smertene ikke går over.",  # advice, call to action
        "Hold stillingen i 30 sekunder og gjenta tre ganger.",  # instruction
        "Hvor lang tid tar det å bli frisk?",  # question
        "Hælspore er en benete utvekst på hælbeinet.",  # definition
        "Plantarfascitt kalles også hælspore.",  # definition
        "Bestill time hos en av våre fysioterapeuter.",  # call to action
        "Hos oss får du en plan som passer deg.",  # service information
        "Du bør bruke gode sko med demping.",  # advice
        "«Trening er den beste medisinen vi har», sier professoren.",  # quotation
        "Les mer om hælspore på helsenorge.no.",
    ],
    "da": [
        "Book en konsultation, så tager vi den derfra.",
        "Start med kortere distancer og lavere intensitet, og byg gradvist op.",
        "Hvad er den bedste øvelse mod hælspore?",
        "Lad os være ærlige om tidsrammen.",
        "Uge 1-2: 3 sæt x 12 gentagelser, hver anden dag, på begge ben",
        "Øg med maksimalt 10-15% pr. uge, og brug smerten som guide.",
        "Du behøver ikke være 100% smertefri for at begynde at løbe igen.",
    ],
    "sv": [
        "Boka tid via vår webbplats redan idag.",
        "Kontakta vårdcentralen om du får sår på fötterna.",
        "Migrän är en sjukdom som ger återkommande anfall av huvudvärk.",
        "Vad kan jag göra själv?",
    ],
    "en": [
        "See a GP if the pain has not improved after two weeks.",
        "Rest your foot and avoid long walks for a while.",
        "Do antidepressants work?",
        "Plantar fasciitis is also known as policeman's heel.",
        "Book an appointment online today.",
        "Take your medicine at the same time every day.",
    ],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, texts in CLAIMS.items() for text in texts])
def test_claims_are_flagged(lang, text):
    found = flagged_texts(text, lint(text, lang=lang, select=("CL101",)), "CL101")
    assert found == [text]


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, texts in NOT_CLAIMS.items() for text in texts])
def test_not_claims_are_not_flagged(lang, text):
    assert by_rule(lint(text, lang=lang, select=("CL101",)), "CL101") == []


def test_headings_are_never_claims():
    text = "# Studier viser at trening reduserer risikoen for hjerteinfarkt med 30 %\n\nHei.\n"
    assert by_rule(lint(text, select=("CL101",)), "CL101") == []


def test_reference_list_text_is_never_a_claim():
    text = ("Trening hjelper mot smerter (1).\n\n## Kilder\n\n1. Hansen A. Studier viser at trening reduserer "
            "risikoen for skader med 30 %. Tidsskr. 2020.\n")
    assert by_rule(lint(text, select=("CL101",)), "CL101") == []


def test_block_quote_is_never_a_claim():
    text = "> Studier viser at trening reduserer risikoen for hjerteinfarkt med 30 %.\n"
    assert by_rule(lint(text, select=("CL101",)), "CL101") == []


def test_items_of_a_condition_list_are_not_claims():
    text = ("Søk hjelp hvis:\n\n- Smertene øker etter 6-8 uker uten bedring\n- Du har feber\n\n"
            "Trening reduserer smertene hos 70 % av pasientene.\n")
    assert flagged_texts(text, lint(text, select=("CL101",)), "CL101") == [
        "Trening reduserer smertene hos 70 % av pasientene."]


def test_message_names_cues_and_score():
    text = "Et randomiseret studie viste, at styrketræning er mere effektiv end udspænding."
    [finding] = by_rule(lint(text, lang="da", select=("CL101",)), "CL101")
    assert "randomiseret" in finding.message and "mere effektiv" in finding.message
    assert "score" in finding.message
    assert finding.data["score"] >= DEFAULT_THRESHOLD
    assert "mere effektiv" in finding.data["cues"]
    assert "research" in finding.data["groups"] and "comparative" in finding.data["groups"]
    assert finding.data["threshold"] == DEFAULT_THRESHOLD


def test_hedges_lower_the_score_but_never_excuse_research():
    lexicon = load_lexicon("nb")
    plain = lexicon.score("Trening reduserer smertene.")
    hedged = lexicon.score("Trening kan sannsynligvis redusere smertene.")
    assert hedged.value < plain.value
    research = lexicon.score("Studier viser at trening reduserer smertene.")
    research_hedged = lexicon.score("Studier viser at trening sannsynligvis kan redusere smertene.")
    assert research_hedged.value == pytest.approx(research.value, abs=0.01)
    assert not any(hit.cue.group == "hedge" for hit in research_hedged.hits)


def test_threshold_is_configurable():
    text = "Sengeleie forlenger plagene."
    assert by_rule(lint(text, select=("CL101",)), "CL101")
    assert not by_rule(lint(text, select=("CL101",), claims={"threshold": 5.0}), "CL101")
    text = "Smertene kommer ofte om morgenen."
    assert not by_rule(lint(text, select=("CL101",)), "CL101")
    assert by_rule(lint(text, select=("CL101",), claims={"threshold": 0.0}), "CL101")


def test_document_level_finding_counts_claims_and_sits_on_the_first():
    text = ("# Hælspore\n\nHælspore er en utvekst.\n\nStudier viser at trening hjelper. "
            "Røyking øker risikoen for hjerteinfarkt.\n")
    diagnostics = lint(text, select=("CL101", "CL102"))
    [document_level] = by_rule(diagnostics, "CL102")
    assert document_level.data == {"claims": 2}
    assert text[document_level.start:document_level.end] == "Studier viser at trening hjelper."
    assert "2 claims" in document_level.message


def test_no_document_level_finding_with_a_reference_list_or_without_claims():
    with_list = "Studier viser at trening hjelper.\n\n## Kilder\n\n1. Hansen A. Trening. 2020.\n"
    assert by_rule(lint(with_list, select=("CL102",)), "CL102") == []
    footnotes = "Studier viser at trening hjelper.\n\n[^1]: Hansen A. Trening. 2020.\n"
    assert by_rule(lint(footnotes, select=("CL102",)), "CL102") == []
    assert by_rule(lint("Ta kontakt med legen.", select=("CL102",)), "CL102") == []


def test_les_mer_list_does_not_count_as_a_reference_list():
    text = "Studier viser at trening hjelper.\n\n## Les mer\n\n- [Helsenorge](https://www.helsenorge.no/)\n"
    assert by_rule(lint(text, select=("CL102",)), "CL102")
