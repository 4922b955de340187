"""Provider: the glossary rule family (TM1xx spelling, TM2xx terminology, TM3xx consistency).

One engine pass per document (``GlossaryEngine.analyse``, cached in the
document) feeds one rule object per code, so ``--select``/``--ignore`` work per
code. The glossary and the vocabulary are read once per run, when the rule set
is built, so a broken glossary is a configuration error (exit 2, file:line).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from heellint.core.diagnostic import Finding
from heellint.core.document import Document
from heellint.core.rule import Examples, RuleDoc, RuleMeta

ORIGIN = "heellint.glossary.rules"
_GLOSSARY_SOURCES = (
    "ISO 704:2022 Terminology work - Principles and methods (preferred, admitted, deprecated terms)",
    "ISO 30042:2019 TermBase eXchange (TBX): administrativeStatus",
    "heellint built-in glossary (glossary/*.yaml): each concept names its own source",
)

TM101 = RuleMeta(
    code="TM101",
    name="misspelled-term",
    category="spelling",
    severity="warning",
    message="'{match}' looks like a misspelling of the glossary term '{term}'",
    fixable="safe",
    origin=ORIGIN,
    doc=RuleDoc(
        why=(
            "A misspelled medical term reads as careless, is missed by readers who search for the term, and can be "
            "mistaken for another condition. The glossary knows every inflected form of its terms, so a word that "
            "is none of them but sits one or two letters away from one (hælspace, klinnikk, plantarfascitt) is "
            "most likely a slip. Listed misspellings (the glossary's `misspellings`) are found in every inflection."
        ),
        instead="The glossary term in the same inflection and case: hælspacen -> hælsporen, Hælspre -> Hælspore.",
        fix=(
            "Safe for a listed misspelling with one correction, and for an unlisted one when exactly one glossary "
            "form lies at distance 1 and the word has at least 7 letters; otherwise unsafe (several candidates, "
            "distance 2, or a short word)."
        ),
        must_not_flag=(
            "Any form the glossary generates for any concept; words of the accepted vocabulary (config "
            "`vocabulary`) and of the shipped common-word list (klinisk, senere, hælen ...); words Hunspell knows "
            "when the [spell] extra is installed; capitalised words mid-sentence (names); words under 5 letters; "
            "a word that differs from a glossary form only by an inflectional ending (sener/senere); code, links "
            "and front matter."
        ),
        sources=(
            "Damerau (1964), A technique for computer detection and correction of spelling errors: most "
            "misspellings are one insertion, deletion, substitution or transposition",
            "Språkrådet: skrivemåte av medisinske termer; Norsk helseinformatikk (NHI) style",
            *_GLOSSARY_SOURCES,
        ),
    ),
    examples=Examples(
        flag=("Mange med hælspace har vondt om morgenen.", "Hælspre gir smerter under foten."),
        ok=("Mange med hælspore har vondt om morgenen.", "Hælsporene kan bli store.", "Hælen gjør vondt senere på dagen."),
        fix=(("Hælspacen gjør vondt.", "Hælsporen gjør vondt."), ("Vi har hælspre.", "Vi har hælspore.")),
        lang="nb",
    ),
)

TM102 = RuleMeta(
    code="TM102",
    name="split-compound-term",
    category="spelling",
    severity="warning",
    message="'{match}' is a split compound: the glossary term is written '{term}'",
    fixable="safe",
    origin=ORIGIN,
    doc=RuleDoc(
        why=(
            "Norwegian, Danish and Swedish write compounds as one word; a split compound (særskriving: "
            "'hæl spore', 'akilles tendinopati') or a needless hyphen ('hæl-spore') is a spelling error and can "
            "change the meaning."
        ),
        instead="The compound as one word, inflected as written: hæl sporen -> hælsporen.",
        fix="Safe when one glossary form fits; unsafe when several do.",
        must_not_flag=(
            "Two words that only happen to join into a term when one of them is a function word (under armen); "
            "split points the glossary does not allow; capitalised names mid-sentence; hyphens in coordination "
            "(hæl- og fotsmerter); words in the accepted vocabulary; an open pair right after a subject pronoun "
            "(hun led smerter: a verb) or a definite determiner (den sene betennelsen: an adjective)."
        ),
        sources=(
            "Språkrådet: særskriving (sprakradet.no)",
            "Dansk Sprognævn: sammensatte ord; Språkrådet (Sweden): särskrivning",
            *_GLOSSARY_SOURCES,
        ),
    ),
    examples=Examples(
        flag=("Mange får hæl spore etter mye løping.", "Hæl-spore er vanlig."),
        ok=("Mange får hælspore etter mye løping.", "Hælen og sporen er vanlige ord."),
        fix=(("Han har hæl sporen.", "Han har hælsporen."),),
        lang="nb",
    ),
)

TM103 = RuleMeta(
    code="TM103",
    name="joined-open-term",
    category="spelling",
    severity="warning",
    message="'{match}' is written as separate words in the glossary: '{term}'",
    fixable="unsafe",
    origin=ORIGIN,
    doc=RuleDoc(
        why=(
            "When the glossary writes a term as separate words (an open term such as 'plantar fasciitt'), the "
            "closed or hyphenated spelling is a variant readers and search engines treat as another word."
        ),
        instead="The glossary's spelling, inflected as written.",
        fix="Unsafe: some closed spellings are accepted variants an editor may want to keep.",
        must_not_flag=(
            "The closed spelling when the glossary lists it as a term of its own; words Hunspell or the "
            "vocabulary accept; capitalised names mid-sentence."
        ),
        sources=_GLOSSARY_SOURCES,
    ),
    examples=Examples(
        flag=("Mange løbere får plantarfasciitis.", "Plantar-fasciitis gør ondt."),
        ok=("Mange løbere får plantar fasciitis.",),
        fix=(("Hun har plantarfasciitis.", "Hun har plantar fasciitis."),),
        lang="da",
    ),
)

TM201 = RuleMeta(
    code="TM201",
    name="deprecated-term",
    category="terminology",
    severity="warning",
    message="'{match}' is a deprecated term; use '{term}'",
    fixable="safe",
    origin=ORIGIN,
    doc=RuleDoc(
        why=(
            "A deprecated or superseded term is one the glossary's source advises against: outdated, "
            "misleading, or replaced by a new name. Using it confuses readers who know the current term."
        ),
        instead="The concept's preferred term in the same inflection.",
        fix=(
            "Safe when the concept has exactly one preferred term of the same inflection class (agreement is "
            "kept); unsafe when it has several, or the classes differ."
        ),
        must_not_flag=(
            "A word that is also an approved form of another concept; the term in quotation marks (a mention, "
            "as in: the name \"X\" is outdated)."
        ),
        sources=_GLOSSARY_SOURCES,
    ),
    examples=Examples(
        flag=("Akillestendinitt er en overbelastningsskade.", "Behandlingen av akillestendinitten tar tid."),
        ok=("Akillestendinopati er en overbelastningsskade.", 'Det gamle navnet "akillestendinitt" er misvisende.'),
        fix=(("Akillestendinitten gror sakte.", "Akillestendinopatien gror sakte."),),
        lang="nb",
    ),
)

TM202 = RuleMeta(
    code="TM202",
    name="admitted-term",
    category="terminology",
    severity="info",
    message="'{match}' is an admitted term; the preferred term is '{term}'",
    fixable="unsafe",
    enabled=False,
    origin=ORIGIN,
    doc=RuleDoc(
        why=(
            "An admitted term is acceptable, but a site that uses the preferred one everywhere reads more "
            "consistently. Off by default: select TM202 to see them."
        ),
        instead="The concept's preferred term in the same inflection.",
        fix="Unsafe: an editorial choice.",
        must_not_flag="Preferred terms; admitted terms of concepts without a preferred term in the language.",
        sources=_GLOSSARY_SOURCES,
    ),
    examples=Examples(
        flag=("Kalksporen gjør vondt.",),
        ok=("Hælsporen gjør vondt.",),
        fix=(("Kalksporen gjør vondt.", "Hælsporen gjør vondt."),),
        lang="nb",
    ),
)

TM203 = RuleMeta(
    code="TM203",
    name="wrong-variety-term",
    category="terminology",
    severity="warning",
    message="'{match}' is the form of another language; write '{term}'",
    fixable="unsafe",
    origin=ORIGIN,
    doc=RuleDoc(
        why=(
            "Bokmål, Nynorsk, Danish and Swedish share much of their vocabulary, and a term in a neighbouring "
            "language's form (hælsporane or hælsporerne in a Bokmål article) slips in easily when texts are "
            "adapted or translated."
        ),
        instead="The term in the article's language, in the same inflection: hælsporane -> hælsporene.",
        fix="Unsafe: the word may be a deliberate quotation.",
        must_not_flag=(
            "Forms that are also correct in the article's language (sener, senen); words of the vocabulary or the "
            "common-word list; words Hunspell accepts for the article's language; words under 5 letters; quoted "
            "words; capitalised names; English terms."
        ),
        sources=(
            "Språkrådet: Bokmålsordboka and Nynorskordboka (ordbokene.no)",
            "Dansk Sprognævn: Retskrivningsordbogen; Svenska Akademiens ordlista (SAOL)",
            *_GLOSSARY_SOURCES,
        ),
    ),
    examples=Examples(
        flag=("Hælsporane kan gi smerter.", "Mange har hælsporerne i mange år."),
        ok=("Hælsporene kan gi smerter.",),
        fix=(("Hælsporane kan gi smerter.", "Hælsporene kan gi smerter."),),
        lang="nb",
    ),
)

TM301 = RuleMeta(
    code="TM301",
    name="inconsistent-term",
    category="consistency",
    severity="warning",
    message="'{match}' and '{term}' name the same concept in this article",
    fixable="unsafe",
    origin=ORIGIN,
    doc=RuleDoc(
        why=(
            "When one article names a concept in two ways, readers wonder whether two things are meant. Each "
            "occurrence of a minority name is reported, with the majority name and the line where it first "
            "appears."
        ),
        instead="The name the article uses most (or the preferred term), in the same inflection.",
        fix="Unsafe: which name to keep is an editorial choice.",
        must_not_flag=(
            "The introduction of a synonym: 'X, også kalt Y', 'X (Y)', 'X eller Y', 'X/Y'; names in quotation "
            "marks; different concepts; misspellings and deprecated terms (reported by TM101/TM201 instead)."
        ),
        sources=(
            "Plain-language guidance: use one term for one thing (Klarspråk, Språkrådet; plainlanguage.gov)",
            *_GLOSSARY_SOURCES,
        ),
    ),
    examples=Examples(
        flag=("Hælspore er vanlig. Hælsporen gjør vondt om morgenen. Kalksporen kan bli stor.",),
        ok=(
            "Hælspore, også kalt kalkspore, er vanlig. Hælsporen gjør vondt om morgenen.",
            "Hælspore (kalkspore) er vanlig. Hælsporen gjør vondt.",
        ),
        fix=(("Hælspore er vanlig. Hælspore gjør vondt. Kalksporen kan bli stor.",
              "Hælspore er vanlig. Hælspore gjør vondt. Hælsporen kan bli stor."),),
        lang="nb",
    ),
)

METAS: tuple[RuleMeta, ...] = (TM101, TM102, TM103, TM201, TM202, TM203, TM301)
# Every code has a rule object of its own (so selection works per code); no
# code is reported by a checker of another code.
SIBLING_CODES: tuple[RuleMeta, ...] = ()


@dataclass(frozen=True, slots=True)
class GlossaryRule:
    meta: RuleMeta
    engine: object  # GlossaryEngine (typed loosely: built lazily)

    def check(self, document: Document) -> Iterator[Finding]:
        yield from self.engine.findings(document, self.meta.code)  # type: ignore[attr-defined]


def build_engine(config, shared: dict | None = None):
    """The run's glossary engine: the glossary of the config (or the built-in
    one), extended by ``extend-glossary``, with the vocabulary and options."""
    from heellint.glossary.engine import GlossaryEngine, Options
    from heellint.glossary.loader import load_glossary
    from heellint.glossary.vocabulary import Vocabulary
    from heellint.resources import glossary_dir

    if shared is not None and "glossary.engine" in shared:
        return shared["glossary.engine"]
    if config.glossary is not None:
        glossary = load_glossary(config.glossary)
    else:
        glossary = load_glossary([glossary_dir()])
    if config.extend_glossary:
        glossary = glossary.merged(load_glossary(config.extend_glossary))
    vocabulary = Vocabulary.from_files(config.vocabulary)
    section = dict(config.terms) if config.terms else {}
    options = Options(
        fuzzy=bool(section.get("fuzzy", True)),
        max_distance=int(section.get("max_distance", 2)),
        min_length=int(section.get("min_length", 5)),
    )
    engine = GlossaryEngine(glossary, vocabulary, options)
    if shared is not None:
        shared["glossary.engine"] = engine
        shared["glossary"] = glossary
    return engine


def provide_rules(context) -> list[GlossaryRule]:
    engine = build_engine(context.config, context.shared)
    return [GlossaryRule(meta, engine) for meta in METAS]
