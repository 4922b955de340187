"""The translation codes (XL1xx): metadata, documentation and worked examples.

A translation check compares two texts, so the single-document ``examples``
of ``RuleMeta`` stay empty; the documented source/target pairs are
``XCHECK_EXAMPLES`` instead, run by ``tests/xcheck/test_examples.py`` against
the small glossary ``EXAMPLE_GLOSSARY`` (so they do not depend on the built-in
data), and printed by ``heellint explain`` where it knows about them.
"""

from __future__ import annotations

from dataclasses import dataclass

from heellint.core.rule import Examples, RuleDoc, RuleMeta

ORIGIN = "heellint.xcheck"

ISO_17100 = "ISO 17100:2015 Translation services — Requirements for translation services (5.3.1: terminology compliance; 5.3.2: check)"
TBX = "ISO 30042:2019 TermBase eXchange (TBX): term status preferred / admitted / deprecated / superseded"
MQM = "MQM (Multidimensional Quality Metrics) issue types, https://themqm.org/error-types-2/typology/"
LISA = "LISA QA Model 3.1 (Localization Industry Standards Association, 2006): error categories terminology, mistranslation, accuracy"
XBENCH = "ApSIC Xbench QA: Key Term Mismatch, Untranslated Segments, Numeric Mismatch, Inconsistency in Target"
CHECKMATE = "Okapi CheckMate quality checks: target same as source, empty target, patterns, terms"
XLIFF = "XLIFF 1.2 (OASIS Standard, 2008) and XLIFF 2.1 (OASIS Standard, 2018): trans-unit/segment, target state"


def _meta(code: str, name: str, severity: str, message: str, doc: RuleDoc, scope: str = "paragraph") -> RuleMeta:
    return RuleMeta(
        code=code, name=name, category="translation", severity=severity, message=message, scope=scope,
        doc=doc, examples=Examples(), origin=ORIGIN,
    )


XL101 = _meta(
    "XL101", "missing-key-term", "warning",
    "key term missing: the source has '{source}' but the segment has no approved target term",
    RuleDoc(
        why=(
            "A concept whose glossary term occurs in the source segment has no approved term (preferred or "
            "admitted, in any inflection) of the target language in the translated segment. Key-term "
            "mismatches are the most frequent terminology error in translated health content: a reader of the "
            "translation meets a paraphrase or a different concept where the source names a defined condition "
            "or treatment. Source 'Hælspore gir smerter.' → target 'Det gør ondt.' lacks 'hælspore'."
        ),
        instead="Use the target language's preferred term (the replacement), or an admitted synonym.",
        fix="No automatic fix: where the term belongs in the sentence is for the translator to decide.",
        must_not_flag=(
            "Target terms in another inflection (hælsporen, hælsporer: the glossary's generated forms); "
            "admitted synonyms; Nordic compounds that begin or end with the term (hælsporesmerter); terms the "
            "glossary marks 'translate: false' kept as they are; terms inside code, URLs or link destinations "
            "(not prose); concepts the glossary has no target-language term for; source words that could be "
            "more than one concept."
        ),
        sources=(ISO_17100, TBX, MQM + " — Terminology: inconsistent with termbase", LISA, XBENCH),
    ),
)

XL102 = _meta(
    "XL102", "deprecated-target-term", "warning",
    "'{term}' is a deprecated target term for '{source}'; use '{preferred}'",
    RuleDoc(
        why=(
            "The translation names the source's concept with a term the glossary marks deprecated or "
            "superseded in the target language (an outdated name, or one that implies the wrong mechanism: "
            "'akillestendinitt' for 'Achilles tendinopathy')."
        ),
        instead="The preferred target term, in the same inflection (akillestendinitten → akillestendinopatien).",
        fix="No automatic fix in xcheck; `heellint check` offers the same replacement as a TM201 fix.",
        must_not_flag=(
            "A deprecated term next to the approved one in the same segment (an explanation: 'akillestendinopati, "
            "tidligere kalt akillestendinitt'); a form that is also an approved term of another concept; a "
            "deprecated term whose concept the source segment does not mention."
        ),
        sources=(TBX, ISO_17100, MQM + " — Terminology: inconsistent with termbase", LISA),
    ),
)

XL103 = _meta(
    "XL103", "untranslated-term", "warning",
    "'{term}' is the source term left untranslated",
    RuleDoc(
        why=(
            "The source-language term was copied into the translation unchanged ('plantar fasciitis' in a "
            "Bokmål text) although the glossary has a target-language term: readers of the translation may "
            "not recognise it, and the article is not findable by the term they search for."
        ),
        instead="The target-language term from the glossary (the replacement keeps the inflection slot).",
        fix="No automatic fix.",
        must_not_flag=(
            "Terms the glossary marks 'translate: false' (brand names, Latin names kept in every language); a "
            "source term kept next to the target term ('plantar fasciitt (engelsk: plantar fasciitis)'); a "
            "spelling that is also a term of the target language (nb/da 'hælspore'); terms of fewer than four "
            "letters."
        ),
        sources=(MQM + " — Accuracy: untranslated", ISO_17100, LISA, CHECKMATE),
    ),
)

XL104 = _meta(
    "XL104", "number-mismatch", "warning",
    "the number '{number}' of the source is missing from the segment",
    RuleDoc(
        why=(
            "A number of the source segment (a dose, a percentage, a duration, a year) does not appear in the "
            "translated segment. In health content a changed number changes the advice: '10 %' that became "
            "'1 %', '3.5 mg' that became '35 mg'."
        ),
        instead="The source's number, written in the target language's format (3.5 → 3,5).",
        fix="No automatic fix; when one number of the target replaces the missing one, the finding points at "
            "it and suggests the source's number in the target's format.",
        must_not_flag=(
            "Different number formats: decimal comma or point (3.5 = 3,5), digit grouping (1 000 = 1,000 = "
            "1.000), percent spacing (80% = 80 %); times (10:30 = 10.30); dates whose month became a name "
            "(12.03.2020 = 12. mars 2020); the numbers 0–12 written as words in the target (3 → tre, three, "
            "tolv): style guides ask for words below 10 or 13, so that choice is the translator's; digits in "
            "codes and names (B12, COVID-19, ICD-10); numbers inside citation markers (XL105 checks those); "
            "numbers in code or URLs."
        ),
        sources=(MQM + " — Accuracy: mistranslation (number); Locale convention: number format",
                 "ISO 80000-1:2022, 7.3.2: decimal sign comma or point; digit groups separated by a space",
                 XBENCH, LISA),
    ),
)

XL105 = _meta(
    "XL105", "citation-mismatch", "warning",
    "the citation '{citation}' of the source is missing from the segment",
    RuleDoc(
        why=(
            "A citation marker of the source segment — (1), [2], ¹, [^3], (Rathleff et al., 2015), a DOI link — "
            "is missing from the translated segment, so a claim of the translation loses its source or points "
            "at another one."
        ),
        instead="The same citation, in the target language's wording ('mfl.' for 'et al.' is fine).",
        fix="No automatic fix.",
        must_not_flag=(
            "Reordered citations ([1, 2] → [2, 1]); a range written out ((1–3) → (1, 2, 3)); superscripts for "
            "bracketed numbers; 'et al.' translated ('mfl.', 'm.fl.', 'o.fl.'); author names written with or "
            "without diacritics; links to national health sites (they are localised: helsenorge.no → "
            "sundhed.dk); narrative citations with one name and a year in the source ('Hansen (2019)'), which "
            "may be ordinary words with a year."
        ),
        sources=("ICMJE Recommendations, IV.A.3.g: references cited in the text", ISO_17100,
                 MQM + " — Accuracy: omission", LISA),
    ),
)

XL106 = _meta(
    "XL106", "inconsistent-target-term", "info",
    "'{term}' translates '{source}' differently from the other segments",
    RuleDoc(
        why=(
            "One source term is translated by different approved target terms in different segments "
            "('heel spur' → 'hælspore' in three paragraphs, 'kalkspore' in a fourth). Each is allowed, but a "
            "reader takes two names for two things; translation memories and glossaries exist to keep one."
        ),
        instead="The target term the other segments use (ties go to the preferred term).",
        fix="No automatic fix.",
        must_not_flag=(
            "Different inflections of one term; a segment that names both terms (an explanation: 'hælspore, "
            "også kalt kalkspore'); source segments that themselves use different terms of the concept; "
            "articles that could not be aligned segment by segment (one concept written in several ways in "
            "one article is `heellint check`'s TM301)."
        ),
        sources=(MQM + " — Terminology: inconsistent use of terminology", XBENCH, ISO_17100),
    ),
    scope="document",
)

XL107 = _meta(
    "XL107", "empty-or-untranslated-segment", "warning",
    "the segment is empty or identical to its source",
    RuleDoc(
        why=(
            "An XLIFF target that is missing or empty, a translated article with no text, or a segment "
            "(XLIFF, or aligned article blocks) left "
            "identical to its source: the text was not translated, or a copy-source step was never revisited."
        ),
        instead="The translation of the segment.",
        fix="No automatic fix.",
        must_not_flag=(
            "Units marked translate=\"no\"; identical segments of fewer than four words (names, product names, "
            "'OK'); identical text with a year or 'et al.' (reference list entries); blocks under a references "
            "heading and footnotes; identical XLIFF targets in state final or signed-off (a reviewer accepted "
            "them); source and target in the same language."
        ),
        sources=(MQM + " — Accuracy: untranslated; omission", CHECKMATE, XLIFF, XBENCH),
    ),
)

METAS: tuple[RuleMeta, ...] = (XL101, XL102, XL103, XL104, XL105, XL106, XL107)
CODES = tuple(meta.code for meta in METAS)


# ------------------------------------------------------------------ examples


@dataclass(frozen=True, slots=True)
class PairExample:
    """A documented source/target pair: ``flagged`` says whether ``code`` must
    report it (True) or must stay silent (False)."""

    code: str
    source_lang: str
    target_lang: str
    source: str
    target: str
    flagged: bool
    note: str = ""
    replacement: str | None = None  # the first replacement a flagged example must offer


# The glossary the examples are written against (a few concepts of the
# built-in glossary, frozen here so the examples never drift with the data).
EXAMPLE_GLOSSARY = """\
concepts:
  - id: heel-spur
    terms:
      nb:
        - {term: hælspore, status: preferred, inflection: noun-m, compound: hæl|spore}
        - {term: kalkspore, status: admitted, inflection: noun-m, compound: kalk|spore}
      da:
        - {term: hælspore, status: preferred, inflection: noun-c, compound: hæl|spore}
      en:
        - {term: heel spur, status: preferred}
  - id: achilles-tendinopathy
    terms:
      nb:
        - {term: akillestendinopati, status: preferred, inflection: noun-m}
        - {term: akillessenebetennelse, status: admitted, inflection: noun-m}
        - {term: akillestendinitt, status: superseded, inflection: noun-m}
      en:
        - {term: Achilles tendinopathy, status: preferred}
        - {term: Achilles tendinitis, status: superseded, inflection: invariable}
  - id: plantar-fasciitis
    terms:
      nb:
        - {term: plantar fasciitt, status: preferred, inflection: noun-m}
      en:
        - {term: plantar fasciitis, status: preferred, inflection: invariable}
  - id: diclofenac-gel-brand
    terms:
      nb:
        - {term: Voltaren, status: preferred, translate: false, inflection: invariable}
      en:
        - {term: Voltaren, status: preferred, translate: false, inflection: invariable}
"""

XCHECK_EXAMPLES: tuple[PairExample, ...] = (
    # XL101 missing-key-term
    PairExample("XL101", "nb", "da", "Hælspore gir smerter under hælen.", "Det gør ondt under hælen.", True,
                "the Danish text never names the heel spur", "hælspore"),
    PairExample("XL101", "nb", "da", "Hælsporen gjør vondt om morgenen.", "Hælsporen gør ondt om morgenen.", False,
                "another inflection of the approved term"),
    PairExample("XL101", "en", "nb", "A heel spur is rarely painful.", "En kalkspore gjør sjelden vondt.", False,
                "an admitted synonym"),
    PairExample("XL101", "en", "nb", "Heel spur pain is common.", "Hælsporesmerter er vanlige.", False,
                "a compound that contains the term"),
    PairExample("XL101", "en", "nb", "Search for `heel spur` in the index.", "Søk etter `heel spur` i registeret.",
                False, "inside code: not prose"),
    # XL102 deprecated-target-term
    PairExample("XL102", "en", "nb", "Achilles tendinopathy is common in runners.",
                "Akillestendinitt er vanlig hos løpere.", True, "a superseded target term", "Akillestendinopati"),
    PairExample("XL102", "en", "nb", "Achilles tendinopathy is common in runners.",
                "Akillessenebetennelse er vanlig hos løpere.", False, "an admitted target term"),
    # XL103 untranslated-term
    PairExample("XL103", "en", "nb", "Plantar fasciitis hurts in the morning.",
                "Plantar fasciitis gjør vondt om morgenen.", True, "the English term copied", "Plantar fasciitt"),
    PairExample("XL103", "en", "nb", "Plantar fasciitis hurts in the morning.",
                "Plantar fasciitt (på engelsk plantar fasciitis) gjør vondt om morgenen.", False,
                "the source term kept next to the target term"),
    PairExample("XL103", "en", "nb", "Voltaren gel can ease the pain.", "Voltaren gel kan lindre smerten.", False,
                "a term marked translate: false"),
    # XL104 number-mismatch
    PairExample("XL104", "en", "nb", "About 10% of adults get it.", "Omtrent 1 % av voksne får det.", True,
                "10 became 1", "10"),
    PairExample("XL104", "en", "nb", "Pain fell by 3.5 points in 80% of the patients.",
                "Smerten falt med 3,5 poeng hos 80 % av pasientene.", False, "decimal comma and percent spacing"),
    PairExample("XL104", "en", "nb", "Rest for 3 weeks.", "Hvil i tre uker.", False,
                "a small number written as a word"),
    PairExample("XL104", "en", "da", "About 1,500 people were included.", "Omkring 1.500 personer deltog.", False,
                "digit grouping"),
    # XL105 citation-mismatch
    PairExample("XL105", "en", "nb", "Strength training helps (Rathleff et al., 2015).", "Styrketrening hjelper.",
                True, "the citation was dropped"),
    PairExample("XL105", "en", "nb", "Strength training helps [1, 2].", "Styrketrening hjelper [2, 1].", False,
                "reordered citations"),
    PairExample("XL105", "en", "nb", "Strength training helps (Rathleff et al., 2015).",
                "Styrketrening hjelper (Rathleff mfl., 2015).", False, "'et al.' translated"),
    # XL106 inconsistent-target-term
    PairExample("XL106", "en", "nb", "A heel spur is a bony growth.\n\nA heel spur is often painless.\n\n"
                "A heel spur seldom needs surgery.",
                "En hælspore er en benutvekst.\n\nEn hælspore gir ofte ingen smerter.\n\n"
                "En kalkspore trenger sjelden operasjon.", True, "the third paragraph switches term", "hælspore"),
    PairExample("XL106", "en", "nb", "A heel spur is a bony growth.\n\nThe heel spur is often painless.",
                "En hælspore er en benutvekst.\n\nHælsporen gir ofte ingen smerter.", False,
                "one term in two inflections"),
    # XL107 empty-or-untranslated-segment
    PairExample("XL107", "en", "nb", "# Heel pain\n\nRest and ice help most people with heel pain.",
                "# Hælsmerter\n\nRest and ice help most people with heel pain.", True,
                "a paragraph left in English"),
    PairExample("XL107", "en", "nb", "# Heel pain\n\nVoltaren Gel", "# Hælsmerter\n\nVoltaren Gel", False,
                "a short name stays as it is"),
)


def explain_examples(code: str) -> str:
    """The documented pairs of ``code`` as text for ``heellint explain``
    (empty when the code has none)."""
    lines: list[str] = []
    for example in XCHECK_EXAMPLES:
        if example.code != code:
            continue
        mark = "✗" if example.flagged else "✓"
        source = example.source.replace("\n\n", " / ")
        target = example.target.replace("\n\n", " / ")
        lines.append(f"  {mark} {example.source_lang}: {source}")
        lines.append(f"    {example.target_lang}: {target}" + (f"   ({example.note})" if example.note else ""))
    if not lines:
        return ""
    return "\n".join(["", "Examples (source → translation):"] + lines) + "\n"
