"""Every form of a term: inflection classes per language (the issue's paradigms)."""

from __future__ import annotations

import pytest

from heellint.glossary.forms import form_in_slot, infer_class, phrase_forms, term_forms, word_forms
from heellint.glossary.model import Term


def texts(word: str, lang: str, inflection: str | None) -> set[str]:
    return {form.text for form in phrase_forms(word, lang, inflection)}


@pytest.mark.parametrize(
    ("lang", "inflection", "word", "expected"),
    [
        ("nb", "noun-m", "hælspore", {"hælspore", "hælsporen", "hælsporer", "hælsporene"}),
        ("nn", "noun-m", "hælspore", {"hælspore", "hælsporen", "hælsporar", "hælsporane"}),
        ("da", "noun-c", "hælspore", {"hælspore", "hælsporen", "hælsporer", "hælsporerne"}),
        ("sv", "noun-c", "hälsporre", {"hälsporre", "hälsporren", "hälsporrar", "hälsporrarna"}),
        ("nb", "noun-f", "sene", {"sene", "senen", "sena", "sener", "senene"}),
        ("nb", "noun-n", "ledd", {"ledd", "leddet", "leddene", "ledda"}),
        ("nn", "noun-f", "behandling", {"behandlinga", "behandlingar", "behandlingane"}),
        ("nn", "noun-n", "bein", {"bein", "beinet", "beina"}),
        ("da", "noun-n", "knæ", {"knæ", "knæet", "knæene"}),
        ("sv", "noun-c", "sena", {"sena", "senan", "senor", "senorna"}),
        ("sv", "noun-c", "inflammation", {"inflammationen", "inflammationer", "inflammationerna"}),
        ("sv", "noun-n", "knä", {"knät", "knän", "knäna"}),
        ("sv", "noun-c", "muskel", {"muskeln", "muskler", "musklerna"}),
        ("nb", "noun-m", "muskel", {"muskelen", "muskler", "musklene"}),
        ("nb", "noun-m", "sykdom", {"sykdommen", "sykdommer", "sykdommene"}),
        ("en", None, "spur", {"spur", "spurs", "spur's"}),
        ("en", None, "injury", {"injuries"}),
        ("en", None, "diagnosis", {"diagnoses"}),
        ("en", None, "bacterium", {"bacteria"}),
        ("nb", "adj", "kronisk", {"kronisk", "kroniske"}),
        ("sv", "adj", "kronisk", {"kroniska", "kroniskt"}),
        ("nb", "verb", "behandle", {"behandle", "behandler", "behandlet", "behandles"}),
        ("sv", "verb", "behandla", {"behandlar", "behandlade", "behandlas", "behandlat"}),
        ("da", "verb", "behandle", {"behandler", "behandlede", "behandlet", "behandles"}),
        ("en", "verb", "treat", {"treats", "treated", "treating"}),
    ],
)
def test_paradigms(lang, inflection, word, expected):
    assert expected <= texts(word, lang, inflection)


def test_genitive_forms():
    assert {"hælspores", "hælsporens", "hælsporenes"} <= texts("hælspore", "nb", "noun-m")
    assert "hälsporrarnas" in texts("hälsporre", "sv", "noun-c")
    assert "heel spur's" in texts("heel spur", "en", None)


def test_invariable_has_one_form():
    assert texts("plantar fasciitis", "da", "invariable") == {"plantar fasciitis"}


def test_multi_word_terms_inflect_the_head():
    forms = texts("plantar fasciitt", "nb", "noun-m")
    assert {"plantar fasciitten", "plantar fasciitter", "plantar fasciittene"} <= forms
    assert not any(form.startswith("plantare") for form in forms)
    english = texts("inflammation of the tendon", "en", None)
    assert "inflammations of the tendon" in english


def test_inferred_class_covers_every_gender():
    # no class: a noun of unknown gender gets the forms of every gender
    forms = texts("vitamin", "nb", None)
    assert {"vitaminen", "vitaminet", "vitaminer", "vitaminene"} <= forms
    assert infer_class("klinisk", "nb") == "adj"
    assert infer_class("hælspore", "nb") == "noun"


def test_explicit_forms_replace_generation_and_get_slots():
    term = Term("fot", inflection="noun-m", forms=("foten", "føtter", "føttene"))
    forms = term_forms(term, "nb")
    by_text = {form.text: form.slot for form in forms}
    assert "foter" not in by_text
    assert by_text["føttene"] == "pl.def"
    assert by_text["føtter"] == "pl"
    assert by_text["foten"] == "sg.def"
    assert "føttenes" in by_text  # genitives of explicit forms


def test_form_in_slot_keeps_inflection():
    source = word_forms("hælspace", "nb", "noun-m")
    target = term_forms(Term("hælspore", inflection="noun-m"), "nb")
    slot = next(form.slot for form in source if form.text == "hælspacen")
    assert form_in_slot(target, slot).text == "hælsporen"
    # across languages: nn pl.def -> nb pl.def
    nn = next(form for form in word_forms("hælspore", "nn", "noun-m") if form.text == "hælsporane")
    assert form_in_slot(target, nn.slot).text == "hælsporene"


def test_forms_are_nfc():
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "hælspore")
    assert all(unicodedata.is_normalized("NFC", form.text) for form in phrase_forms(decomposed, "nb", "noun-m"))
