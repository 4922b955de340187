"""A pair after a subject pronoun or a definite determiner is a phrase, not a split compound."""

from heellint.api import Linter, RunOptions
from heellint.core.config import Config


def tm102(text: str, lang: str) -> list[str]:
    linter = Linter(Config(), RunOptions(select=("TM102",)))
    return [d.message for d in linter.lint_text(text, path="a.md", lang=lang)]


def test_pronoun_before_a_verb_is_not_a_split_compound():
    assert tm102("Hun led smerter i flere måneder.", "da") == []


def test_determiner_before_an_adjective_is_not_a_split_compound():
    assert tm102("Et ustabilt kne skader menisken, og den sene betennelsen kommer etter.", "nb") == []


def test_real_split_compounds_are_still_found():
    assert tm102("Han har en menisk skade i kneet.", "nb")
    assert tm102("Ein menisk skade kjem ofte av ei vridning.", "nn")
    assert tm102("Hun har hæl-spore.", "nb")  # a hyphen is never a phrase
