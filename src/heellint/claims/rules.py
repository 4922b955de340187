"""Provider: claims (CL1xx), references (RF1xx) and transparency metadata (MD1xx).

Every code is a rule of its own (so ``--select RF102`` runs exactly that
check); the rules of one family share one analysis per document through
``document.cache``. Options come from the ``claims``, ``references`` and
``metadata`` sections of the configuration. Off-by-default rules (CL103,
MD103, MD104) are switched on by their option (``claims.strict``,
``metadata.require-author``, ``metadata.require-disclosure``) or by selecting
their code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from heellint.claims.analysis import Analysis, ClaimOptions, analyse
from heellint.claims.cues import DEFAULT_THRESHOLD
from heellint.claims.markers import AUTHOR_YEAR, FOOTNOTE, LINK, NUMERIC, Marker
from heellint.claims.metadata import (
    find_author,
    find_paid_calls_to_action,
    find_update_date,
    has_disclosure,
    today_from_environment,
)
from heellint.claims.references import Reference
from heellint.core.diagnostic import Finding
from heellint.core.document import Document
from heellint.core.rule import LANGUAGES, Examples, RuleDoc, RuleMeta

ORIGIN = "heellint.claims.rules"
DEFAULT_MAX_AGE_MONTHS = 24
CLAIM_LANGUAGES = frozenset(LANGUAGES)

# Every code is its own rule (see the module doc): no sibling codes.
SIBLING_CODES: tuple[RuleMeta, ...] = ()

JAMA = (
    "JAMA benchmarks: Silberg WM, Lundberg GD, Musacchio RA. Assessing, controlling, and assuring the quality of "
    "medical information on the Internet. JAMA. 1997;277(15):1244-5 (authorship, attribution, disclosure, currency)"
)
HONCODE = (
    "HONcode, Health On the Net Foundation: principles 4 (attribution: sources cited, pages dated), "
    "6 (transparency), 7 (financial disclosure) and 8 (advertising policy)"
)
DISCERN = (
    "DISCERN: Charnock D, Shepperd S, Needham G, Gann R. J Epidemiol Community Health. 1999;53(2):105-11 "
    "(questions 4-6: sources, dates, balance)"
)
HELSENORGE = (
    "helsenorge.no editorial guide: research results, treatment effects, figures on incidence, risk or survival "
    "and contested topics need a reference; common knowledge does not"
)
REDI = (
    "Redi M, Fetahu B, Morgan J, Taraborelli D. Citation Needed: a taxonomy and algorithmic assessment of "
    "Wikipedia's verifiability. The Web Conference (WWW '19), 2019"
)
VANCOUVER = "ICMJE Recommendations and NLM Citing Medicine (Vancouver style: numbered citations in order of appearance)"
APA = "APA Publication Manual, 7th ed. (author-date citations: first author and year must match the reference list)"
DOI_HANDBOOK = (
    "The DOI Handbook (doi.org): a DOI is '10.' + registrant code + '/' + suffix; "
    "Crossref's matching guidance: /^10.\\d{4,9}/[-._;()/:A-Z0-9]+$/i covers nearly all DOIs"
)

_LIST_NB = "\n\n## Kilder\n\n1. Rathleff MS, Mølgaard CM, Fredberg U, et al. High-load strength training improves outcome in patients with plantar fasciitis. Scand J Med Sci Sports. 2015;25(3):e292-300. DOI: 10.1111/sms.12313\n"


# ------------------------------------------------------------------ metas

META_CL101 = RuleMeta(
    code="CL101",
    name="uncited-claim",
    category="claim",
    severity="warning",
    message="claim without a citation",
    languages=CLAIM_LANGUAGES,
    scope="sentence",
    origin=ORIGIN,
    doc=RuleDoc(
        why="A reader cannot check a research result, a treatment effect, a figure on incidence, risk or recovery, "
        "a comparison of treatments or a safety promise that names no source. Health-information quality "
        "instruments (JAMA's attribution benchmark, HONcode principle 4, DISCERN question 4) and helsenorge.no's "
        "editorial guide ask for a reference on exactly these sentences. Each sentence is scored from a cue lexicon "
        "of its language (rules/claims/<lang>.yaml): research cues, effect and cause, statistics, comparatives and "
        "superlatives, absolutes; hedges lower the score (but never excuse a research claim); advice, calls to "
        "action and definitions lower it further. The finding names every cue that fired and the score, so an "
        f"editor sees why. `claims: {{threshold: {DEFAULT_THRESHOLD:g}}}` (the default) sets the score a sentence "
        "needs; research cues score 2.5-3, so a research claim is flagged however it is hedged.",
        instead="Add a citation marker to the sentence — (1), [1], ¹, [^1] or (Author et al., 2015) — that points "
        "to an entry of the reference list, or link the source (a DOI, PubMed, a journal or a health authority). "
        "If the sentence is common knowledge or advice, rephrase it as such, or hedge a figure you cannot source.",
        fix="None: only the author knows the source.",
        must_not_flag="Advice and instructions (\"Hold 30 sekunder\"), questions, headings, definitions of a term, "
        "service information and calls to action (\"Book en konsultation\"), text in the reference list, "
        "quotations and block quotes; sentences with a citation marker in them or right after them; sentences "
        "followed later in the same paragraph by a marker (CL103 reports those in strict mode); list items "
        "introduced by a sentence that ends with a marker and a colon.",
        sources=(HELSENORGE, JAMA, HONCODE, DISCERN, REDI),
    ),
    examples=Examples(
        flag=(
            "Studier viser at trening reduserer smertene hos 70 % av pasientene.",
            "Total hvile svekker senen ytterligere og forlenger forløpet.",
            "Tung styrketrening er mer effektiv enn tøying alene.",
            "Kosttilskuddet er helt trygt og har ingen bivirkninger.",
        ),
        ok=(
            "Ta kontakt med fastlegen hvis smertene ikke går over.",
            "Hold stillingen i 30 sekunder og gjenta tre ganger.",
            "Hvor lang tid tar det å bli frisk?",
            "Hælspore er en benete utvekst på hælbeinet.",
            "Studier viser at trening reduserer smertene hos 70 % av pasientene (1)." + _LIST_NB,
            "Bestill time hos en av våre fysioterapeuter.",
        ),
        lang="nb",
    ),
)

META_CL102 = RuleMeta(
    code="CL102",
    name="claims-without-reference-list",
    category="claim",
    severity="warning",
    message="the article makes claims and has no reference list",
    languages=CLAIM_LANGUAGES,
    scope="document",
    origin=ORIGIN,
    doc=RuleDoc(
        why="An article whose claims need sources and that has no reference list at all is a different problem "
        "from one missing citation: the editor has to find the sources first. This document-level finding gives "
        "the count of uncited claims, at the first of them, besides the per-sentence CL101 findings.",
        instead="Add a reference list under a heading such as Kilder, Referanser, Referencer, Källor or References, "
        "and cite its entries in the text.",
        fix="None.",
        must_not_flag="Articles with a reference list (a reference heading or Markdown footnote definitions); "
        "articles without uncited claims (for example when every claim links its source); "
        "'Les mer / Læs mere / Läs mer / Further reading' lists do not count as reference lists, so they do not "
        "silence it either.",
        sources=(HELSENORGE, JAMA, HONCODE),
    ),
    examples=Examples(
        flag=("Studier viser at trening reduserer smertene hos 70 % av pasientene.",),
        ok=(
            "Studier viser at trening reduserer smertene hos 70 % av pasientene (1)." + _LIST_NB,
            "Ta kontakt med fastlegen hvis smertene ikke går over.",
        ),
        lang="nb",
    ),
)


def _meta_cl103(enabled: bool) -> RuleMeta:
    return RuleMeta(
        code="CL103",
        name="claim-covered-later",
        category="claim",
        severity="info",
        message="claim cited only by a marker later in the paragraph",
        languages=CLAIM_LANGUAGES,
        scope="sentence",
        enabled=enabled,
        origin=ORIGIN,
        doc=RuleDoc(
            why="A marker at the end of a paragraph usually covers the sentences before it, so CL101 stays quiet. "
            "In strict mode (`claims: {strict: true}`, or `--select CL103`) those claims are listed, because a "
            "reader cannot tell whether the earlier sentences come from the same source.",
            instead="Put the marker in each sentence that draws on the source, or merge the sentences.",
            fix="None.",
            must_not_flag="Claims with their own marker; claims whose marker is in another paragraph, a heading "
            "or another list item (those are CL101); sentences that are not claims.",
            sources=(VANCOUVER, HELSENORGE, JAMA),
        ),
        examples=Examples(
            flag=("Trening reduserer smertene hos 70 % av pasientene. Effekten varer i minst ett år (1)." + _LIST_NB,),
            ok=(
                "Trening reduserer smertene hos 70 % av pasientene (1). Effekten varer i minst ett år (1)." + _LIST_NB,
                "Ta gjerne kontakt med oss. Effekten varer i minst ett år (1)." + _LIST_NB,
            ),
            lang="nb",
        ),
    )


META_RF101 = RuleMeta(
    code="RF101",
    name="unresolved-citation",
    category="reference",
    severity="error",
    message="citation marker points to no reference",
    origin=ORIGIN,
    doc=RuleDoc(
        why="A marker that points nowhere is a broken promise of a source: a number beyond the reference list, a "
        "footnote without a definition, or an author–year citation with no entry of that first author and year "
        "(the usual result of renumbering or deleting a reference).",
        instead="Renumber the marker, add the missing reference, or correct the author or year.",
        fix="None.",
        must_not_flag="(n = 120), (30 %), (NSAID), (0-10), a year in parentheses or in running text (\"i 2019\", "
        "\"(2019)\"), \"(mars 2020)\", an enumeration that opens a line (\"(1) Stå ...\"), superscripts after units "
        "(m²); author names with diacritics match without them (Mølgaard ~ Molgaard); \"2015a\" matches 2015.",
        sources=(VANCOUVER, APA, JAMA),
    ),
    examples=Examples(
        flag=(
            "Trening hjelper mot smertene (3)." + _LIST_NB,
            "Trening hjelper mot smertene (Hansen og Olsen 2019)." + _LIST_NB,
            "Trening hjelper mot smertene (1)[^2].",
        ),
        ok=(
            "Trening hjelper mot smertene (1)." + _LIST_NB,
            "Trening hjelper mot smertene (Rathleff mfl. 2015)." + _LIST_NB,
            "I studien (n = 120) fikk 30 pasienter (25 %) NSAID. Studien kom i 2019 (2019).",
        ),
        lang="nb",
    ),
)

META_RF102 = RuleMeta(
    code="RF102",
    name="uncited-reference",
    category="reference",
    severity="warning",
    message="reference is never cited in the text",
    origin=ORIGIN,
    doc=RuleDoc(
        why="A reference nobody cites does not tell the reader which statement it supports, and often means a "
        "citation was lost in editing. When nothing in the text cites the list at all, one finding at its heading "
        "says so instead of one per entry.",
        instead="Cite the reference where the article relies on it, or remove it from the list.",
        fix="None.",
        must_not_flag="References cited by number (including inside ranges such as (1-3)), by footnote, by "
        "author and year, or by a link with the same DOI; 'Les mer / Further reading' lists.",
        sources=(VANCOUVER, APA, JAMA),
    ),
    examples=Examples(
        flag=(
            "Trening hjelper (1).\n\n## Kilder\n\n1. Hansen A. Trening og smerte. Tidsskr. 2020.\n"
            "2. Berg B. Tøying og smerte. Tidsskr. 2019.\n",
        ),
        ok=(
            "Trening hjelper (1, 2).\n\n## Kilder\n\n1. Hansen A. Trening og smerte. Tidsskr. 2020.\n"
            "2. Berg B. Tøying og smerte. Tidsskr. 2019.\n",
            "Trening hjelper (1-2).\n\n## Les mer\n\n- Berg B. Tøying og smerte. 2019.\n\n## Kilder\n\n"
            "1. Hansen A. Trening og smerte. Tidsskr. 2020.\n2. Berg B. Tøying og smerte. Tidsskr. 2019.\n",
        ),
        lang="nb",
    ),
)

META_RF103 = RuleMeta(
    code="RF103",
    name="duplicate-reference",
    category="reference",
    severity="warning",
    message="reference duplicates an earlier one",
    origin=ORIGIN,
    doc=RuleDoc(
        why="The same source listed twice (the same DOI, compared case-insensitively, or a near-identical title) "
        "splits its citations between two numbers and makes the list look longer than the evidence is.",
        instead="Keep one entry and renumber the citations of the other.",
        fix="None.",
        must_not_flag="Different papers by the same authors; different DOIs; titles that share words but differ.",
        sources=(VANCOUVER, APA),
    ),
    examples=Examples(
        flag=(
            "Trening hjelper (1, 2).\n\n## Kilder\n\n1. Hansen A. Trening og smerte hos løpere. 2020. "
            "doi:10.1234/abcd.1\n2. Hansen A. Trening og smerte. 2020. DOI: 10.1234/ABCD.1\n",
        ),
        ok=(
            "Trening hjelper (1, 2).\n\n## Kilder\n\n1. Hansen A. Trening og smerte hos løpere. 2020. "
            "doi:10.1234/abcd.1\n2. Hansen A. Tøying og smerte hos syklister. 2021. doi:10.1234/abcd.2\n",
        ),
        lang="nb",
    ),
)

META_RF104 = RuleMeta(
    code="RF104",
    name="malformed-doi",
    category="reference",
    severity="warning",
    message="malformed DOI",
    origin=ORIGIN,
    doc=RuleDoc(
        why="A DOI that does not have the form 10.<4-9 digits>/<suffix> does not resolve at doi.org, so the "
        "reader cannot reach the source.",
        instead="Copy the DOI from the article's landing page or from doi.org.",
        fix="None.",
        must_not_flag="Valid DOIs with trailing punctuation (\"10.1111/sms.12313.\"), DOIs in doi.org links, "
        "DOIs with parentheses in the suffix (10.1016/S0140-6736(20)30183-5).",
        sources=(DOI_HANDBOOK,),
    ),
    examples=Examples(
        flag=("Trening hjelper (1).\n\n## Kilder\n\n1. Hansen A. Trening og smerte. 2020. DOI: 10.111/sms.1\n",),
        ok=(
            "Trening hjelper (1).\n\n## Kilder\n\n1. Hansen A. Trening og smerte. 2020. DOI: 10.1111/sms.12313.\n",
            "Trening hjelper (1).\n\n## Kilder\n\n1. Hansen A. Trening. 2020. https://doi.org/10.1016/S0140-6736(20)30183-5\n",
        ),
        lang="nb",
    ),
)

META_RF105 = RuleMeta(
    code="RF105",
    name="mixed-citation-styles",
    category="reference",
    severity="info",
    message="numeric and author-year citation styles are mixed",
    origin=ORIGIN,
    doc=RuleDoc(
        why="An article that cites some sources by number and others by author and year makes the reader guess "
        "how to find an entry; it usually means text was pasted from elsewhere.",
        instead="Use one style: numbers in order of first citation (Vancouver, usual in medicine), or author and "
        "year (APA/Harvard).",
        fix="None.",
        must_not_flag="Footnotes and links next to either style; one style used throughout.",
        sources=(VANCOUVER, APA),
    ),
    examples=Examples(
        flag=(
            "Trening hjelper (1). Tøying hjelper mindre (Rathleff mfl. 2015)." + _LIST_NB,
        ),
        ok=("Trening hjelper (1). Tøying hjelper mindre (1)." + _LIST_NB,),
        lang="nb",
    ),
)

META_MD101 = RuleMeta(
    code="MD101",
    name="missing-update-date",
    category="metadata",
    severity="warning",
    message="the article does not say when it was last updated",
    scope="document",
    origin=ORIGIN,
    doc=RuleDoc(
        why="Health advice ages. JAMA's currency benchmark, HONcode principle 4 and DISCERN question 5 ask for the "
        "date a page was last updated; helsenorge.no shows it on every article. The date is read from front "
        "matter (updated, last_modified, lastmod, date ...) or from a line such as \"Sist oppdatert:\", "
        "\"Sidst opdateret:\", \"Senast uppdaterad:\" or \"Last updated:\".",
        instead="Add a line such as \"Sist oppdatert: 3. mars 2026\" or `updated: 2026-03-03` in the front matter.",
        fix="None.",
        must_not_flag="Articles with an update or publication date in front matter or in a labelled line, in any "
        "of the five languages, with numeric or named months (\"December 2025\", \"5. marts 2024\", \"2024-03-05\").",
        sources=(JAMA, HONCODE, DISCERN, HELSENORGE),
    ),
    examples=Examples(
        flag=("Hælspore er en benete utvekst på hælbeinet.",),
        ok=(
            "Hælspore er en benete utvekst på hælbeinet.\n\nSist oppdatert: 3. mars 2015",
            "---\nupdated: 2015-03-03\n---\nHælspore er en benete utvekst på hælbeinet.",
            "Hælspore er en utvekst.\n\nSidst opdateret: December 2025",
        ),
        lang="nb",
    ),
)


def _meta_md102(max_age: int) -> RuleMeta:
    return RuleMeta(
        code="MD102",
        name="outdated-article",
        category="metadata",
        severity="warning",
        message="the article was last updated too long ago",
        scope="document",
        origin=ORIGIN,
        doc=RuleDoc(
            why="An article not reviewed for years may contradict current guidance. The age is counted in whole "
            f"months from the update date to today; more than `metadata: {{max-age-months: ...}}` (now {max_age}, "
            "default 24) is reported. A month without a day counts as that month, a bare year as its December.",
            instead="Review the article against current sources and update its date.",
            fix="None.",
            must_not_flag="Articles updated within the limit; years in running text (\"a study from 2010\"), "
            "which are not update dates; articles with no date at all (MD101 reports those).",
            sources=(JAMA, HONCODE, DISCERN, HELSENORGE),
        ),
        examples=Examples(
            flag=(
                "Hælspore er en benete utvekst på hælbeinet.\n\nSist oppdatert: 3. mars 2015",
                "---\nupdated: 2012-01-01\n---\nHælspore er en benete utvekst.",
            ),
            ok=(
                "En studie fra 2010 fulgte 120 pasienter.",
                "Hælspore er en benete utvekst på hælbeinet.",
            ),
            lang="nb",
        ),
    )


def _meta_md103(enabled: bool) -> RuleMeta:
    return RuleMeta(
        code="MD103",
        name="missing-author",
        category="metadata",
        severity="warning",
        message="the article names no author or professional reviewer",
        scope="document",
        enabled=enabled,
        origin=ORIGIN,
        doc=RuleDoc(
            why="JAMA's authorship benchmark and HONcode principle 1 ask who wrote a health text and with what "
            "qualifications. Off by default (many sites keep authorship outside the article file); turn it on "
            "with `metadata: {require-author: true}` or `--select MD103`.",
            instead="Name the author or the professional reviewer: `author:` in front matter, or a line such as "
            "\"Skrevet av ...\", \"Fagansvarlig: ...\", \"Författare: ...\", \"Medically reviewed by ...\".",
            fix="None.",
            must_not_flag="Articles with an author in front matter or a labelled author line.",
            sources=(JAMA, HONCODE),
        ),
        examples=Examples(
            flag=("Hælspore er en benete utvekst på hælbeinet.",),
            ok=(
                "Hælspore er en benete utvekst på hælbeinet.\n\nSkrevet av Kari Nordmann, fysioterapeut.",
                "---\nauthor: Kari Nordmann\n---\nHælspore er en benete utvekst.",
            ),
            lang="nb",
        ),
    )


def _meta_md104(enabled: bool) -> RuleMeta:
    return RuleMeta(
        code="MD104",
        name="undisclosed-commercial-interest",
        category="metadata",
        severity="info",
        message="call to action for a paid service and no disclosure",
        scope="text",
        enabled=enabled,
        origin=ORIGIN,
        doc=RuleDoc(
            why="An article that ends in \"Book en konsultation\" or \"Bestill time\" is written by someone who "
            "sells the treatment it describes. JAMA's disclosure benchmark and HONcode principles 7 and 8 ask "
            "for that interest to be stated. Off by default, because clinics' own sites are the usual case and "
            "the reader can see whose site it is; turn it on with `metadata: {require-disclosure: true}` or "
            "`--select MD104`.",
            instead="State the interest near the call to action (\"Artikkelen er skrevet av ... som tilbyr "
            "behandling av ...\", \"Annonse\", \"I samarbeid med ...\").",
            fix="None.",
            must_not_flag="Articles with a disclosure (annonse, reklame, sponset, i samarbeid med, "
            "interessekonflikter, conflicts of interest ...); free services (\"Ring 113\", \"Kontakt fastlegen\").",
            sources=(JAMA, HONCODE),
        ),
        examples=Examples(
            flag=("Hos oss får du hjelp. Bestill time i dag.",),
            ok=(
                "Annonse: Hos oss får du hjelp. Bestill time i dag.",
                "Kontakt fastlegen hvis smertene ikke går over.",
            ),
            lang="nb",
        ),
    )


# ------------------------------------------------------------------ rules


@dataclass(frozen=True, slots=True)
class AnalysisRule:
    """A claims/references rule: one emitter over the shared per-document analysis."""

    meta: RuleMeta
    options: ClaimOptions
    emit: Callable[[Document, Analysis, ClaimOptions], Iterable[Finding]]

    def check(self, document: Document) -> Iterable[Finding]:
        return self.emit(document, analyse(document, self.options), self.options)


@dataclass(frozen=True, slots=True)
class MetadataRule:
    meta: RuleMeta
    emit: Callable[["MetadataRule", Document], Iterable[Finding]]
    max_age_months: int = DEFAULT_MAX_AGE_MONTHS
    today: Callable[[], dt.date] = today_from_environment

    def check(self, document: Document) -> Iterable[Finding]:
        return self.emit(self, document)


# ------------------------------------------------------------------ emitters


def _cue_data(result) -> dict:
    score = result.score
    return {
        "score": score.value,
        "cues": [hit.text for hit in score.hits],
        "groups": [hit.cue.group for hit in score.hits],
        "weights": [hit.cue.weight for hit in score.hits],
    }


def _emit_uncited(document: Document, analysis: Analysis, options: ClaimOptions) -> Iterator[Finding]:
    for result in analysis.uncited_claims:
        start, end = result.span
        yield Finding(
            start,
            end,
            f"claim without a citation (score {result.score.value:g}, threshold {options.threshold:g}): "
            f"{result.score.describe()}",
            data={**_cue_data(result), "threshold": options.threshold},
        )


def _emit_no_list(document: Document, analysis: Analysis, options: ClaimOptions) -> Iterator[Finding]:
    if analysis.references.found:
        return
    uncited = analysis.uncited_claims
    if not uncited:
        return
    start, end = uncited[0].span
    count = len(uncited)
    noun = "claim needs" if count == 1 else "claims need"
    yield Finding(
        start,
        end,
        f"{count} {noun} a citation and the article has no reference list "
        f"(add a section such as '{_LIST_HEADING.get(document.lang or 'en', 'References')}')",
        data={"claims": count},
    )


_LIST_HEADING = {"nb": "Kilder", "nn": "Kjelder", "da": "Kilder", "sv": "Källor", "en": "References"}


def _emit_covered_later(document: Document, analysis: Analysis, options: ClaimOptions) -> Iterator[Finding]:
    for result in analysis.sentences:
        if result.covered_later:
            start, end = result.span
            yield Finding(
                start,
                end,
                f"claim cited only by a marker later in the paragraph (score {result.score.value:g}): "
                f"{result.score.describe()}",
                data={**_cue_data(result), "threshold": options.threshold},
            )


def _marker_text(document: Document, marker: Marker) -> str:
    return " ".join(document.source[marker.start:marker.end].split())


def _emit_unresolved(document: Document, analysis: Analysis, options: ClaimOptions) -> Iterator[Finding]:
    references = analysis.references
    numbered = references.by_number()
    reported: set[tuple] = set()
    for resolution in analysis.resolutions:
        if resolution.references or resolution.marker.kind == LINK:
            continue
        citation, marker = resolution.citation, resolution.marker
        span = (citation.start, citation.end)
        if marker.kind == NUMERIC:
            if not references.found:
                reason = "the article has no reference list"
            else:
                reason = f"the reference list has {len(numbered)} entr{'y' if len(numbered) == 1 else 'ies'}"
            message = f"citation {_marker_text(document, marker)} points to no reference: no entry {citation.number}; {reason}"
            data = {"number": citation.number, "references": len(numbered)}
        elif marker.kind == FOOTNOTE:
            message = f"footnote [^{citation.label}] has no definition"
            data = {"label": citation.label}
        elif marker.kind == AUTHOR_YEAR:
            year = f"{citation.year}{citation.suffix}"
            if not references.found:
                message = f"citation ({citation.text}) points to no reference: the article has no reference list"
            else:
                message = f"citation ({citation.text}) points to no reference: no entry by {citation.author} from {year}"
            data = {"author": citation.author, "year": citation.year}
        else:  # pragma: no cover - every kind handled above
            continue
        key = (span, citation.number, citation.label, citation.author, citation.year)
        if key in reported:
            continue
        reported.add(key)
        yield Finding(span[0], span[1], message, data=data)


def _cited_references(analysis: Analysis) -> set[int]:
    return {id(reference) for resolution in analysis.resolutions for reference in resolution.references}


def _emit_uncited_reference(document: Document, analysis: Analysis, options: ClaimOptions) -> Iterator[Finding]:
    references = analysis.references
    cited = _cited_references(analysis)
    for section in references.sections:
        entries = section.references
        if not entries:
            continue
        if not any(id(reference) in cited for reference in entries):
            # Nothing in the text cites this list: one finding, not one per entry.
            count = len(entries)
            yield Finding(
                section.start,
                section.end,
                f"none of the {count} reference{'s' if count != 1 else ''} under this heading is cited in the text",
                data={"references": count},
            )
            continue
        for reference in entries:
            if id(reference) not in cited:
                yield Finding(
                    reference.start,
                    _first_line_end(document, reference),
                    f"reference {reference.number} is never cited in the text: {_short(reference)}",
                    data={"number": reference.number},
                )
    for label, reference in references.footnotes.items():
        if id(reference) not in cited:
            yield Finding(
                reference.start,
                _first_line_end(document, reference),
                f"footnote [^{label}] is never referenced in the text: {_short(reference)}",
                data={"label": label},
            )


def _first_line_end(document: Document, reference: Reference) -> int:
    newline = document.source.find("\n", reference.start, reference.end)
    return reference.end if newline < 0 else newline


def _short(reference: Reference) -> str:
    text = reference.text
    return text if len(text) <= 60 else text[:57].rstrip() + "..."


def _normalised_title(title: str | None) -> str:
    if not title:
        return ""
    return " ".join("".join(char if char.isalnum() else " " for char in title.casefold()).split())


def _emit_duplicates(document: Document, analysis: Analysis, options: ClaimOptions) -> Iterator[Finding]:
    from rapidfuzz import fuzz

    entries = list(analysis.references.references) + list(analysis.references.footnotes.values())
    by_doi: dict[str, Reference] = {}
    titles: list[tuple[str, Reference]] = []
    for reference in entries:
        earlier = None
        reason = ""
        if reference.doi:
            key = reference.doi.casefold()
            if key in by_doi:
                earlier, reason = by_doi[key], f"the same DOI {reference.doi}"
            else:
                by_doi[key] = reference
        title = _normalised_title(reference.title)
        if earlier is None and len(title) >= 20 and len(entries) <= 400:
            for other_title, other in titles:
                if reference.doi and other.doi and reference.doi.casefold() != other.doi.casefold():
                    continue
                if fuzz.ratio(title, other_title) >= 95:
                    earlier, reason = other, "a near-identical title"
                    break
        if len(title) >= 20:
            titles.append((title, reference))
        if earlier is not None:
            name = f"[^{reference.label}]" if reference.label else str(reference.number)
            other_name = f"[^{earlier.label}]" if earlier.label else str(earlier.number)
            yield Finding(
                reference.start,
                _first_line_end(document, reference),
                f"reference {name} duplicates reference {other_name} ({reason})",
                data={"duplicate_of": other_name},
            )


def _emit_malformed_doi(document: Document, analysis: Analysis, options: ClaimOptions) -> Iterator[Finding]:
    entries = list(analysis.references.references) + list(analysis.references.footnotes.values())
    for reference in entries:
        if reference.doi_problem and reference.doi_span:
            yield Finding(
                reference.doi_span[0],
                reference.doi_span[1],
                f"malformed DOI '{reference.doi_problem}': a DOI is '10.', a registrant code of 4-9 digits, "
                "'/' and a suffix",
                data={"doi": reference.doi_problem},
            )


def _emit_mixed_styles(document: Document, analysis: Analysis, options: ClaimOptions) -> Iterator[Finding]:
    numeric = [marker for marker in analysis.markers if marker.style == NUMERIC]
    author_year = [marker for marker in analysis.markers if marker.style == AUTHOR_YEAR]
    if not numeric or not author_year:
        return
    if len(numeric) != len(author_year):
        minority = numeric if len(numeric) < len(author_year) else author_year
    else:
        minority = numeric if numeric[0].start > author_year[0].start else author_year
    marker = minority[0]
    yield Finding(
        marker.start,
        marker.end,
        f"numeric ({len(numeric)}) and author-year ({len(author_year)}) citations are mixed; use one style",
        data={"numeric": len(numeric), "author_year": len(author_year)},
    )


def _document_anchor(document: Document) -> tuple[int, int]:
    if document.blocks:
        block = document.blocks[0]
        newline = document.source.find("\n", block.start, block.end)
        return block.start, (block.end if newline < 0 else newline)
    return 0, 0


def _emit_missing_date(rule: MetadataRule, document: Document) -> Iterator[Finding]:
    if not document.blocks and not document.front_matter:
        return
    if find_update_date(document) is None:
        start, end = _document_anchor(document)
        yield Finding(start, end, "the article does not say when it was last updated "
                      "(add a line such as 'Sist oppdatert: <date>' or 'updated:' in front matter)")


def _emit_outdated(rule: MetadataRule, document: Document) -> Iterator[Finding]:
    found = find_update_date(document)
    if found is None:
        return
    today = rule.today()
    age = found.months_before(today)
    if age > rule.max_age_months:
        written = found.text.strip()
        yield Finding(
            found.start,
            found.end,
            f"last {'updated' if found.kind == 'updated' else 'published'} {written!r}, {age} months ago "
            f"(more than {rule.max_age_months}); review the article and update its date",
            data={"months": age, "max_age_months": rule.max_age_months, "date": f"{found.year:04d}-{found.month:02d}"
                  + (f"-{found.day:02d}" if found.day else "")},
        )


def _emit_missing_author(rule: MetadataRule, document: Document) -> Iterator[Finding]:
    if not document.blocks:
        return
    if find_author(document) is None:
        start, end = _document_anchor(document)
        yield Finding(start, end, "the article names no author or professional reviewer")


def _emit_undisclosed(rule: MetadataRule, document: Document) -> Iterator[Finding]:
    calls = find_paid_calls_to_action(document)
    if not calls or has_disclosure(document):
        return
    for call in calls:
        yield Finding(
            call.start,
            call.end,
            f"call to action for a paid service ('{call.text}') and no disclosure of the publisher's commercial interest",
            data={"call_to_action": call.text},
        )


# ------------------------------------------------------------------ provider


def provide_rules(context) -> list:
    config = context.config
    claims = dict(getattr(config, "claims", {}) or {})
    references = dict(getattr(config, "references", {}) or {})
    metadata = dict(getattr(config, "metadata", {}) or {})
    options = ClaimOptions(
        threshold=float(claims.get("threshold", DEFAULT_THRESHOLD)),
        strict=bool(claims.get("strict", False)),
        headings=tuple(references.get("headings", ()) or ()),
    )
    max_age = int(metadata.get("max_age_months", DEFAULT_MAX_AGE_MONTHS))
    today = context.shared.get("today")
    if not callable(today):
        today = today_from_environment
    return [
        AnalysisRule(META_CL101, options, _emit_uncited),
        AnalysisRule(META_CL102, options, _emit_no_list),
        AnalysisRule(_meta_cl103(options.strict), options, _emit_covered_later),
        AnalysisRule(META_RF101, options, _emit_unresolved),
        AnalysisRule(META_RF102, options, _emit_uncited_reference),
        AnalysisRule(META_RF103, options, _emit_duplicates),
        AnalysisRule(META_RF104, options, _emit_malformed_doi),
        AnalysisRule(META_RF105, options, _emit_mixed_styles),
        MetadataRule(META_MD101, _emit_missing_date, max_age, today),
        MetadataRule(_meta_md102(max_age), _emit_outdated, max_age, today),
        MetadataRule(_meta_md103(bool(metadata.get("require_author", False))), _emit_missing_author, max_age, today),
        MetadataRule(_meta_md104(bool(metadata.get("require_disclosure", False))), _emit_undisclosed, max_age, today),
    ]
