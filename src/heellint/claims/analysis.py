"""One pass over a document shared by every claims and references rule.

``analyse(document, options)`` finds the reference list, the citation markers,
resolves the markers, scores every sentence with the language's cue lexicon and
works out which claims are covered. The result is cached in ``document.cache``,
so CL101, CL102, CL103 and RF101-RF105 pay for it once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from heellint.claims.coverage import LATER, Coverage, assign_markers, compute_coverage
from heellint.claims.cues import DEFAULT_THRESHOLD, Lexicon, Score, load_lexicon, score_hits
from heellint.claims.markers import AUTHOR_YEAR, FOOTNOTE, LINK, NUMERIC, Citation, Marker, author_key, find_markers
from heellint.claims.references import Reference, ReferenceIndex, find_references
from heellint.core.document import HEADING, Document, Sentence

# Why a sentence is not scored.
QUESTION = "question"
QUOTATION = "quotation"
REFERENCE_LIST = "reference list"
CONDITION = "condition"  # an item of a list introduced by "... hvis:" / "... if:"

# The last sentence before a list, ending with a colon, that makes its items conditions
# ("Søk hjelp hvis:", "Overvej at søge hjælp, hvis:", "See a GP if you have:").
_CONDITION_INTRO = re.compile(r"\b(?:hvis|dersom|viss|når|om\s+du|ifall|när|if|when)\b[^.!?]*:\W*$", re.IGNORECASE)

_QUOTES_OPEN = "\"“”„«»‘’'"
_QUOTES_CLOSE = "\"“”»«’'"


@dataclass(frozen=True, slots=True)
class ClaimOptions:
    threshold: float = DEFAULT_THRESHOLD
    strict: bool = False
    headings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SentenceResult:
    sentence: Sentence
    score: Score | None  # None when not scored (see ``skipped``)
    skipped: str | None
    claim: bool
    coverage: Coverage
    start: int  # start of the reported span (see ``span``)

    @property
    def span(self) -> tuple[int, int]:
        """Where a finding on this sentence goes: the sentence without the markers that open it
        (a "(1)" the splitter attached to the next sentence belongs to the previous one)."""
        return self.start, self.sentence.end

    @property
    def uncited_claim(self) -> bool:
        return self.claim and self.coverage.status is None

    @property
    def covered_later(self) -> bool:
        return self.claim and self.coverage.status == LATER


@dataclass(frozen=True, slots=True)
class Resolution:
    citation: Citation
    marker: Marker
    references: tuple[Reference, ...]  # what it resolves to (empty: unresolved)


@dataclass(slots=True)
class Analysis:
    references: ReferenceIndex
    markers: list[Marker]
    resolutions: list[Resolution]
    sentences: list[SentenceResult] = field(default_factory=list)
    lexicon: Lexicon | None = None

    @property
    def uncited_claims(self) -> list[SentenceResult]:
        return [result for result in self.sentences if result.uncited_claim]


def analyse(document: Document, options: ClaimOptions) -> Analysis:
    key = ("claims.analysis", options)
    cached = document.cache.get(key)
    if cached is not None:
        return cached
    references = find_references(document, options.headings)
    candidates = find_markers(document, references.skip_blocks)
    resolutions: list[Resolution] = []
    markers: list[Marker] = []
    for marker in candidates:
        marker = _split_superscript_run(document, marker, references)
        resolved = [Resolution(citation, marker, resolve(citation, marker, references)) for citation in marker.citations]
        if marker.weak and not all(resolution.references for resolution in resolved):
            continue  # "Norge (2019)": not a citation unless it names a reference
        markers.append(marker)
        resolutions.extend(resolved)
    analysis = Analysis(references, markers, resolutions)
    analysis.lexicon = load_lexicon(document.lang) if document.lang else None
    analysis.sentences = _score_sentences(document, analysis, options)
    document.cache[key] = analysis
    return analysis


_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _split_superscript_run(document: Document, marker: Marker, index: ReferenceIndex) -> Marker:
    """"¹²" is reference 12, unless the list has no 12 but has 1 and 2: then it is ¹ and ²."""
    text = document.source[marker.start:marker.end]
    if (marker.kind != NUMERIC or len(text) < 2 or any(char not in _SUPERSCRIPT_DIGITS for char in text)
            or "⁰" in text):
        return marker
    numbered = index.by_number()
    if marker.citations[0].number in numbered:
        return marker
    digits = [_SUPERSCRIPT_DIGITS.index(char) for char in text]
    if not all(digit in numbered for digit in digits):
        return marker
    citations = tuple(
        Citation(marker.start + offset, marker.start + offset + 1, text[offset], number=digit)
        for offset, digit in enumerate(digits)
    )
    return Marker(marker.start, marker.end, marker.kind, citations, marker.weak, marker.block)


def resolve(citation: Citation, marker: Marker, index: ReferenceIndex) -> tuple[Reference, ...]:
    if marker.kind == NUMERIC:
        numbered = index.by_number()
        if citation.number in numbered:
            return (numbered[citation.number],)
        if not numbered and str(citation.number) in index.footnotes:
            return (index.footnotes[str(citation.number)],)
        return ()
    if marker.kind == FOOTNOTE:
        label = citation.label or ""
        if label in index.footnotes:
            return (index.footnotes[label],)
        if not index.footnotes and label.isdigit():
            found = index.by_number().get(int(label))
            return (found,) if found else ()
        return ()
    if marker.kind == AUTHOR_YEAR:
        key = author_key(citation.author or "")
        matches = []
        for reference in (*index.references, *index.footnotes.values()):
            if reference.year != citation.year or key not in reference.author_keys:
                continue
            if citation.suffix and reference.year_suffix and citation.suffix != reference.year_suffix:
                continue
            matches.append(reference)
        return tuple(matches)
    if marker.kind == LINK:
        url = (citation.url or "").casefold()
        return tuple(
            reference for reference in (*index.references, *index.footnotes.values())
            if reference.doi and reference.doi.casefold() in url
        )
    return ()


def _sentences_to_score(document: Document, references: ReferenceIndex) -> list[Sentence]:
    return [
        sentence for sentence in document.sentences
        if document.blocks[sentence.block].kind != HEADING
    ]


def _score_sentences(document: Document, analysis: Analysis, options: ClaimOptions) -> list[SentenceResult]:
    sentences = _sentences_to_score(document, analysis.references)
    assigned = assign_markers(document, sentences, analysis.markers)
    coverage = compute_coverage(document, sentences, assigned)
    text = _blank_markers(document.prose, analysis.markers)
    lexicon = analysis.lexicon
    skip_blocks = analysis.references.skip_blocks
    conditions = _condition_items(document)
    skips = []
    for sentence in sentences:
        block = document.blocks[sentence.block]
        skipped = None
        if sentence.block in skip_blocks or block.footnote is not None:
            skipped = REFERENCE_LIST
        elif sentence.block in conditions:
            skipped = CONDITION
        elif block.quote or _is_quotation(text, sentence.start, sentence.end):
            skipped = QUOTATION
        elif _is_question(text, sentence.start, sentence.end):
            skipped = QUESTION
        skips.append(skipped)
    scores: dict[int, Score] = {}
    if lexicon is not None:
        # Each sentence is scored on its own slice, so cues anchored with '^' see the sentence start.
        numbers = [number for number, skipped in enumerate(skips) if skipped is None]
        spans = [(sentences[number].start, sentences[number].end) for number in numbers]
        blanked = [(marker.start, marker.end) for marker in analysis.markers]
        for number, hits in zip(numbers, lexicon.scan_sentences(document, text, spans, blanked)):
            scores[number] = score_hits(hits)
    results = []
    for position, sentence in enumerate(sentences):
        score = scores.get(position)
        claim = score is not None and score.value >= options.threshold
        results.append(SentenceResult(sentence, score, skips[position], claim, coverage[position],
                                      _start_after_markers(text, sentence)))
    return results


def _start_after_markers(blanked: str, sentence: Sentence) -> int:
    """First offset of the sentence that is neither blank nor a (blanked) marker."""
    start = sentence.start
    while start < sentence.end and blanked[start].isspace():
        start += 1
    return start if start < sentence.end else sentence.start


def _condition_items(document: Document) -> set[int]:
    """Blocks of list items introduced by a conditional sentence ending in a colon."""
    blocks = document.blocks
    found: set[int] = set()
    for index, block in enumerate(blocks):
        if block.kind == HEADING or block.list_item:
            continue
        tail = document.prose[max(block.start, block.end - 200):block.end]
        if ":" not in tail or not _CONDITION_INTRO.search(tail):  # the pattern ends with a colon
            continue
        following = index + 1
        while following < len(blocks) and blocks[following].list_item:
            found.add(following)
            following += 1
    return found


def _blank_markers(prose: str, markers: list[Marker]) -> str:
    if not markers:
        return prose
    pieces = []
    position = 0
    for marker in markers:
        start = max(marker.start, position)
        if marker.end <= start:
            continue
        pieces.append(prose[position:start])
        pieces.append(" " * (marker.end - start))
        position = marker.end
    pieces.append(prose[position:])
    return "".join(pieces)


def _is_question(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].rstrip(" \t\r\n\"'”’»)]*_")
    return stripped.endswith("?")


def _is_quotation(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].strip(" \t\r\n*_")
    if len(stripped) < 2 or stripped[0] not in _QUOTES_OPEN:
        return False
    body = stripped.rstrip(".!?…")
    return body[-1:] in _QUOTES_CLOSE and body.count(stripped[0]) + body.count(body[-1]) >= 2


__all__ = ["AUTHOR_YEAR", "Analysis", "ClaimOptions", "LINK", "NUMERIC", "FOOTNOTE", "SentenceResult", "analyse"]
