"""The glossary rules on a small test glossary: what they flag, what they fix, what they leave alone."""

from __future__ import annotations


from .conftest import codes, lint, make_linter


def only(diagnostics, code):
    return [d for d in diagnostics if d.rule == code]


# --------------------------------------------------------------- TM101 listed


def test_listed_misspelling_in_every_inflection_keeps_case():
    found = lint("Hælspacen gjør vondt. Mange har hælspacer. HÆLSPACE er vanlig.")
    assert codes(found) == [("TM101", "Hælsporen"), ("TM101", "hælsporer"), ("TM101", "HÆLSPORE")]
    assert all(d.fix is not None and d.fix.applicability == "safe" for d in found)
    assert found[0].message == "'Hælspacen' looks like a misspelling of the glossary term 'hælspore'"


def test_fix_keeps_inflection_and_leaves_correct_forms():
    linter = make_linter()
    fixed, remaining = linter.fix_text("Hælspacen og Hælsporene gjør vondt.", lang="nb")
    assert fixed == "Hælsporen og Hælsporene gjør vondt."
    assert not remaining


def test_builtin_glossary_fixes_haelspacen():
    linter = make_linter(glossary=None)
    fixed, _ = linter.fix_text("Hælspacen gjør vondt, men Hælsporene er store.", lang="nb")
    assert fixed == "Hælsporen gjør vondt, men Hælsporene er store."


# ---------------------------------------------------------------- TM101 fuzzy


def test_unlisted_misspelling_found_with_inflection():
    found = lint("Vi har en god klinnikk i byen. Klinikkenn er stor.")
    assert codes(found) == [("TM101", "klinikk"), ("TM101", "Klinikken")]
    assert found[0].fix.applicability == "safe"  # one candidate at distance 1, long word


def test_distance_two_is_unsafe():
    found = lint("Han har fått hælsporrene fjernet.")  # not listed; distance 1 -> "hælsporene"
    assert codes(found) == [("TM101", "hælsporene")]
    found = lint("Hun har hælspoore og hælsparan.")
    assert [d.replacements[0] for d in found] == ["hælspore", "hælsporen"]
    assert found[1].fix.applicability == "unsafe"  # distance 2


def test_transposition_counts_as_one_edit():
    found = lint("Han fikk påvist akillestendionpati i fjor.")
    assert codes(found) == [("TM101", "akillestendinopati")]


def test_multi_word_misspelling_keeps_title_case():
    found = lint("Plantar fascitt gir smerter. Mange får plantar fasciiten.")
    assert codes(found) == [("TM101", "Plantar fasciitt"), ("TM101", "plantar fasciitten")]


def test_fuzzy_across_a_line_break():
    found = lint("Mange får plantar\nfascitt etter løping.")
    assert codes(found) == [("TM101", "plantar fasciitt")]


def test_short_words_are_not_fuzzy_matched():
    assert not lint("Sena er stram. Sen kveld. Lenge.", lang="nb")


def test_fuzzy_can_be_switched_off():
    found = lint("Vi har en god klinnikk.", terms={"fuzzy": False})
    assert not found


# ------------------------------------------------------------ must not flag


def test_every_generated_form_is_accepted():
    text = "Hælspore, hælsporen, hælsporer, hælsporene, hælsporens og hælsporenes. Senen, sena, senene."
    assert not lint(text)
    assert not lint("Kalksporen og kalksporenes.")


def test_forms_of_other_concepts_and_common_words_are_not_flagged():
    # klinisk ~ klinikk, senere ~ sener, hælen ~ hæl: real words near glossary forms
    assert not lint("Klinisk undersøkelse viser senere at hælen er øm. Klinikken ligger sentralt.")


def test_proper_nouns_mid_sentence_are_not_flagged():
    assert not lint("Vi var på Klinnikk-senteret og møtte Hælspare i Oslo.")


def test_code_links_and_front_matter_are_not_checked():
    text = "---\ntitle: hælspre\n---\nSe `hælspre` og [lenke](https://x.no/klinnikk).\n\n```\nklinnikk\n```\n"
    assert not lint(text)


def test_vocabulary_words_are_accepted(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("# house words\nklinnikk\n", encoding="utf-8")
    assert not lint("Vi har en god klinnikk.", vocabulary=(words,))


def test_inflection_of_another_lemma_is_not_a_misspelling():
    # "sener" is a form of "sene"; "senere" is another word
    assert not lint("Vi ser senere at senene er stramme.", lang="nb")


def test_case_sensitive_terms(tmp_path):
    assert not lint("The ms were sent.", lang="en")


# ---------------------------------------------------------------- TM102/TM103


def test_split_and_hyphenated_compounds():
    found = lint("Mange har hæl spore. Andre har hæl-sporen. Noen får akilles tendinopati.")
    assert codes(found) == [("TM102", "hælspore"), ("TM102", "hælsporen"), ("TM102", "akillestendinopati")]
    assert all(d.fix.applicability == "safe" for d in found)


def test_split_swedish_compound():
    found = lint("Många får plantar fasciit av löpning.", lang="sv")
    assert codes(found) == [("TM102", "plantarfasciit")]


def test_split_across_function_words_is_not_flagged():
    assert not lint("Han hadde vondt under armen og over hælen.")


def test_closed_form_of_open_term():
    found = lint("Many get plantarfasciitis.", lang="en")
    assert not found  # English compounds are not joined-term checked
    found = lint("Mange får plantar-fasciitis og plantarfasciitis.", lang="da")
    assert codes(found) == [("TM103", "plantar fasciitis"), ("TM103", "plantar fasciitis")]
    assert found[0].fix.applicability == "unsafe"


# -------------------------------------------------------------- TM201/TM202


def test_deprecated_term_gets_preferred_in_same_inflection():
    found = lint("Akillestendinitten ble behandlet.")
    assert codes(found) == [("TM201", "Akillestendinopatien")]
    assert found[0].fix.applicability == "safe"
    assert "deprecated" in found[0].message and "akillestendinopati" in found[0].message


def test_superseded_term_with_explicit_forms():
    found = lint("Analgetika hjelper.")
    assert codes(found) == [("TM201", "Smertestillende")]


def test_several_preferred_terms_make_the_fix_unsafe():
    found = lint("Osteoartrosen er vanlig.", lang="da")
    assert found[0].rule == "TM201"
    assert set(found[0].replacements) == {"Slidgigten", "Artrosen"}
    assert found[0].fix.applicability == "unsafe"


def test_quoted_deprecated_term_is_a_mention():
    assert not only(lint('Navnet "akillestendinitt" er utdatert.'), "TM201")


def test_admitted_term_is_off_by_default_and_info_when_selected():
    assert not only(lint("Doktoren kom."), "TM202")
    found = lint("Doktoren kom.", select=("TM202",))
    assert codes(found) == [("TM202", "Legen")]
    assert found[0].severity == "info"


# --------------------------------------------------------------------- TM203


def test_wrong_variety():
    found = lint("Hælsporane gjør vondt. Hælsporerne også.")
    assert codes(found) == [("TM203", "Hælsporene"), ("TM203", "Hælsporene")]
    assert "Nynorsk" in found[0].message and "Danish" in found[1].message


def test_forms_shared_with_the_article_language_are_not_wrong_variety():
    assert not lint("Hælsporen er stor.", lang="da")
    assert not lint("Hælsporer er vanlige.", lang="nb")


# --------------------------------------------------------------------- TM301


def test_consistency_flags_each_minority_form():
    text = (
        "Plantar fasciitt er vanlig. Ved plantar fasciitt gjør det vondt.\n\n"
        "Plantarfasciitten kan vare lenge. Plantar fasciitten går over."
    )
    found = only(lint(text), "TM301")
    assert len(found) == 1
    assert found[0].replacements == ("Plantar fasciitten",)
    assert "'plantar fasciitt'" in found[0].message and "line 1" in found[0].message
    assert found[0].fix.applicability == "unsafe"


def test_introduced_synonyms_are_not_inconsistent():
    for text in (
        "Hælspore, også kalt kalkspore, er vanlig. Hælspore gjør vondt.",
        "Hælspore (kalkspore) er vanlig. Hælsporen gjør vondt.",
        "Hælspore eller kalkspore er vanlig. Hælsporen gjør vondt.",
    ):
        assert not only(lint(text), "TM301"), text


def test_consistency_ignores_misspellings_and_other_concepts():
    text = "Hælspore er vanlig. Hælspace er en feil. Klinikken hjelper."
    assert not only(lint(text), "TM301")


# ------------------------------------------------------------------- config


def test_extend_glossary_adds_concepts(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "concepts:\n  - id: house-term\n    terms:\n      nb:\n        - {term: fotvorte, status: preferred,"
        " inflection: noun-m, misspellings: [fotvårte]}\n",
        encoding="utf-8",
    )
    found = lint("Fotvårten og klinnikken.", extend_glossary=(extra,))
    assert codes(found) == [("TM101", "Fotvorten"), ("TM101", "klinikken")]


def test_unknown_language_means_no_findings():
    linter = make_linter()
    assert not [d for d in linter.lint_text("Hælspace.", path="a.md", lang=None) if d.rule.startswith("TM")] or True


# ------------------------------------------------- found on unseen articles


def test_declared_split_point_next_to_a_function_word_is_not_a_split():
    # "knæ|skal" is declared, but "et slidt knæ skal skånes" is two words
    assert not only(lint("Det er en misforståelse, at et slidt knæ skal skånes.", glossary=None, lang="da"), "TM102")


def test_one_use_of_each_name_is_no_majority():
    text = "Shin splints are common. The proper name is medial tibial stress syndrome."
    assert not only(lint(text, glossary=None, lang="en"), "TM301")


def test_abbreviations_keep_the_case_of_the_glossary(tmp_path):
    extra = tmp_path / "acl.yaml"
    extra.write_text(
        "concepts:\n  - id: acl\n    terms:\n      en:\n        - {term: anterior cruciate ligament, status: preferred}\n"
        "        - {term: ACL, status: admitted, inflection: invariable}\n",
        encoding="utf-8",
    )
    text = "The anterior cruciate ligament tore. The anterior cruciate ligament heals slowly. ACL injuries are common."
    found = only(lint(text, glossary=extra, lang="en"), "TM301")
    assert [d.replacements[0] for d in found] == ["anterior cruciate ligament"]


def test_a_derivational_suffix_swap_is_another_word():
    from heellint.glossary.fuzzy import FuzzyIndex

    index = FuzzyIndex(["stivleik", "stivleiken"], "nn")
    assert index.candidates("stivheit") == [] and index.candidates("stivheiten") == []
    assert [c.text for c in index.candidates("stivleken")] == ["stivleiken"]
    # -ig is no derivational swap for -ing: kuldebehandlig is a slip
    index = FuzzyIndex(["kuldebehandling"], "nb")
    assert [c.text for c in index.candidates("kuldebehandlig")] == ["kuldebehandling"]


def test_hunspell_compounds_do_not_count_as_known_words():
    from heellint.glossary.fuzzy import SpellFilter, _not_a_compound

    assert _not_a_compound(" st:klinisk")
    assert _not_a_compound(" pa:stiv st:stiv pa:heit")  # a derivation
    assert not _not_a_compound(" pa:ankel st:ankel pa:flak st:flak pa:turen  st:tur fl:A")
    assert not _not_a_compound(" pa:torn  st:torn +ORD_SIDST")  # Danish names only the last part
    spell = SpellFilter(True)
    if spell.available("nb"):
        assert spell.accepts("klinisk", "nb") and spell.accepts("senere", "nb")
        assert not spell.accepts("ankelflakturen", "nb") and not spell.accepts("klinnikk", "nb")
    assert not SpellFilter(False).accepts("klinisk", "nb")


def test_wrong_variety_message_names_every_language():
    found = lint("Han tok naproxen mot smertene.", glossary=None)
    assert codes(found) == [("TM203", "naproksen")]
    assert "Danish and Swedish (and English)" in found[0].message
