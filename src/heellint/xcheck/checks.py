"""The translation checks: one pass over the aligned segments of a ``Bundle``.

Every finding is a ``Finding`` with its code set, with offsets into the
*target* document (``run`` maps them to the file). Per segment pair:

- the glossary is matched once per side (``GlossaryMatcher.exact_matches``:
  every generated inflection, hyphenated and split compounds, listed
  misspellings); a source hit names a concept when all its source-language
  entries agree on one concept;
- a concept of the source is *present* in the target when the target segment
  has an approved (preferred or admitted) target-language term of it in any
  form, or (Nordic targets) a compound that begins or ends with one
  (``hælsporesmerter`` contains ``hælspore``), or — for a ``translate: false``
  term — the source term itself;
- otherwise, in this order: a deprecated/superseded target term of the concept
  is XL102, the source-language term left as is is XL103, and nothing at all
  is XL101;
- numbers (XL104) and citation markers (XL105) of the source must be in the
  target segment; XL106 compares the target terms chosen for one source term
  across segments; XL107 flags aligned blocks left identical to the source.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from heellint.claims.references import find_references
from heellint.core.diagnostic import Finding
from heellint.core.document import HEADING, Document
from heellint.xcheck.model import BLOCKS, DOCUMENT, Bundle, Pair, Side
from heellint.xcheck.numbers import Number, find_numbers, localise, present, word_values

LANGUAGE_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "da": "Danish", "sv": "Swedish", "en": "English"}
NORDIC = frozenset({"nb", "nn", "da", "sv"})
MIN_COMPOUND_PART = 5  # a form must be this long to be found inside a compound
MIN_UNTRANSLATED = 4  # a source term shorter than this is not reported as untranslated
MIN_IDENTICAL_WORDS = 4
# XL101 asks for the concepts of these glossary subjects (and for concepts
# without a subject: a project's own glossary is all key terms). General
# vocabulary — anatomy (foot, heel), symptoms (pain), professions, care
# settings — is paraphrased by good translations ("pain" -> "det gjør vondt"),
# so its absence is not reported; XL102/XL103/XL106 still cover it.
DEFAULT_KEY_SUBJECTS = frozenset({"condition", "drug", "examination", "treatment"})  # an aligned block identical to its source needs this many words to be flagged
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


@dataclass(frozen=True, slots=True)
class _Hit:
    """A glossary match reduced to what the checks need."""

    start: int
    end: int
    text: str
    entries: tuple  # matcher Entry objects


@dataclass(slots=True)
class _SourceUse:
    concept: object  # Concept
    term: object  # Term
    hit: _Hit
    slot: str


@dataclass(slots=True)
class _Segment:
    pair: Pair
    index: int
    source_hits: list[_Hit] = field(default_factory=list)
    target_hits: list[_Hit] = field(default_factory=list)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Checker:
    """Runs the XL checks over one bundle. ``matcher`` is a ``GlossaryMatcher``
    (or None: the glossary checks stay silent)."""

    def __init__(self, bundle: Bundle, matcher, enabled: Iterable[str] | None = None,
                 key_subjects: frozenset[str] | None = DEFAULT_KEY_SUBJECTS) -> None:
        self.bundle = bundle
        self.key_subjects = key_subjects  # None: every concept is a key term
        self.matcher = matcher
        self.enabled = set(enabled) if enabled is not None else None
        self.source_lang = bundle.source.lang
        self.target_lang = bundle.target.lang

    def wants(self, code: str) -> bool:
        return self.enabled is None or code in self.enabled

    # ------------------------------------------------------------------ run
    def run(self) -> list[Finding]:
        bundle = self.bundle
        segments = [_Segment(pair, index) for index, pair in enumerate(bundle.pairs)
                    if pair.source is not None and pair.target is not None]
        findings: list[Finding] = []
        if self.wants("XL107") and bundle.mode == DOCUMENT and bundle.pairs:
            pair = bundle.pairs[0]
            if pair.source is not None and pair.target is None:
                findings.append(Finding(0, 0, "the translation has no text (the source has)", (), code="XL107",
                                        data={"segment": pair.label, "reason": "empty"}))
        if self.wants("XL107") and bundle.mode == BLOCKS:
            # A block left untranslated is one finding, not one per term in it.
            identical = self._identical_blocks(segments)
            findings.extend(finding for finding, _ in identical)
            skipped = {segment.index for _, segment in identical}
            segments = [segment for segment in segments if segment.index not in skipped]
        glossary_codes = ("XL101", "XL102", "XL103", "XL106")
        if self.matcher is not None and any(self.wants(code) for code in glossary_codes):
            self._bucket_hits(segments)
            uses_per_segment = []
            for segment in segments:
                uses = self._source_uses(segment)
                uses_per_segment.append(uses)
                findings.extend(self._key_terms(segment, uses))
            if self.wants("XL106") and bundle.mode != DOCUMENT:
                findings.extend(self._consistency(segments, uses_per_segment))
        if self.wants("XL104") or self.wants("XL105"):
            source_buckets = _bucket_markers(self._markers(bundle.source), bundle.source.document,
                                             [segment.pair.source for segment in segments])
            target_buckets = _bucket_markers(self._markers(bundle.target), bundle.target.document,
                                             [segment.pair.target for segment in segments])
            for segment, source_in, target_in in zip(segments, source_buckets, target_buckets):
                if self.wants("XL104"):
                    findings.extend(self._numbers(segment, source_in, target_in))
                if self.wants("XL105"):
                    findings.extend(self._citations(segment, source_in, target_in))
        return [finding for finding in findings if self.wants(finding.code or "")]

    # ------------------------------------------------------------ glossary
    def _bucket_hits(self, segments: list[_Segment]) -> None:
        for side_name in ("source", "target"):
            side: Side = getattr(self.bundle, side_name)
            hits = [
                _Hit(match.start, match.end, side.document.source[match.start:match.end], match.entries)
                for match in self.matcher.exact_matches(side.document)
            ]
            index = _SpanIndex([getattr(segment.pair, side_name) for segment in segments])
            for hit in hits:
                number = index.containing(hit.start, hit.end)
                if number is not None:
                    getattr(segments[number], f"{side_name}_hits").append(hit)

    def _source_uses(self, segment: _Segment) -> list[_SourceUse]:
        """Concepts the source segment names unambiguously, first use of each."""
        uses: list[_SourceUse] = []
        seen: set[str] = set()
        for hit in segment.source_hits:
            own = [entry for entry in hit.entries if entry.lang == self.source_lang]
            concepts = {entry.concept.id for entry in own}
            if len(concepts) != 1:
                continue
            entry = next((entry for entry in own if entry.kind == "term"), own[0])
            if entry.concept.id in seen:
                continue
            seen.add(entry.concept.id)
            uses.append(_SourceUse(entry.concept, entry.term, hit, entry.slot))
        return uses

    def _target_terms(self, segment: _Segment, concept_id: str) -> list[tuple[_Hit, object, str]]:
        """(hit, approved target term, slot) of ``concept_id`` in the target segment."""
        found = []
        for hit in segment.target_hits:
            for entry in hit.entries:
                if entry.lang == self.target_lang and entry.concept.id == concept_id and entry.term.approved:
                    found.append((hit, entry.term, entry.slot))
                    break
        return found

    def _compound_present(self, segment: _Segment, concept) -> bool:
        """A Nordic compound in the target that begins or ends with an approved
        form of ``concept`` (hælsporesmerter, venstresidig hælspore ...)."""
        if self.target_lang not in NORDIC:
            return False
        from heellint.glossary.forms import term_forms

        forms = set()
        for term in concept.approved(self.target_lang):
            for form in term_forms(term, self.target_lang):
                folded = _fold(form.text)
                if " " not in folded and len(folded) >= MIN_COMPOUND_PART:
                    forms.add(folded)
        if not forms:
            return False
        document = self.bundle.target.document
        start, end = segment.pair.target
        for word_start, word_end in _words_in(document, start, end):
            word = _fold(document.source[word_start:word_end]).replace("-", "")
            for form in forms:
                if len(word) > len(form) and (word.startswith(form) or word.endswith(form)):
                    return True
        return False

    def _key_terms(self, segment: _Segment, uses: list[_SourceUse]) -> list[Finding]:
        findings: list[Finding] = []
        source_side = self.bundle.source
        target_lang, source_lang = self.target_lang, self.source_lang
        target_name = LANGUAGE_NAMES[target_lang]
        for use in uses:
            concept, term = use.concept, use.term
            if self._target_terms(segment, concept.id):
                continue
            approved = concept.approved(target_lang)
            keep = not term.translate
            if keep and self._same_term_in_target(segment, concept.id, term):
                continue
            if not approved and not keep:
                continue  # the glossary has no target term: nothing to expect
            if self._compound_present(segment, concept):
                continue
            source_text = _flat(use.hit.text)
            source_line = source_side.line_of(use.hit.start)
            base = {"concept": concept.id, "source_term": source_text, "source_line": source_line,
                    "segment": segment.pair.label}
            preferred = concept.preferred(target_lang) or approved
            # XL102: a deprecated or superseded target term of the concept.
            rejected = self._rejected_hits(segment, concept.id)
            if rejected:
                for hit, entry in rejected:
                    replacements = self._in_slot(hit.text, preferred, entry.slot)
                    use_text = " or ".join(f"'{r}'" for r in replacements) if replacements else "an approved term"
                    findings.append(Finding(
                        hit.start, hit.end,
                        f"'{_flat(hit.text)}' is a {entry.term.status} {target_name} term for "
                        f"'{source_text}' (source line {source_line}); use {use_text}",
                        replacements, code="XL102", data={**base, "status": entry.term.status},
                    ))
                continue
            # XL103: the source term left as it is.
            untranslated = self._untranslated_hits(segment, concept.id) if not keep else []
            if untranslated:
                for hit, entry in untranslated:
                    replacements = self._in_slot(hit.text, preferred, entry.slot)
                    names = " or ".join(f"'{r}'" for r in replacements)
                    findings.append(Finding(
                        hit.start, hit.end,
                        f"'{_flat(hit.text)}' is the {LANGUAGE_NAMES[source_lang]} source term left untranslated; "
                        f"the {target_name} term is {names}",
                        replacements, code="XL103", data=base,
                    ))
                continue
            # XL101: no approved target term at all.
            if not self._is_key(concept):
                continue
            expected = [t.term for t in preferred] if preferred else [term.term]
            others = [t.term for t in approved if t.term not in expected]
            wording = " or ".join(f"'{name}'" for name in expected)
            if others:
                wording += " (admitted: " + ", ".join(f"'{name}'" for name in others) + ")"
            start, end = self._segment_span(segment.pair)
            where = "in the translation" if self.bundle.mode == DOCUMENT else "in this segment"
            findings.append(Finding(
                start, end,
                f"key term missing: the source has '{source_text}' (line {source_line}) but "
                f"{where} there is no {target_name} {wording}",
                tuple(expected), code="XL101", data={**base, "expected": expected + others},
            ))
        return findings

    def _is_key(self, concept) -> bool:
        return self.key_subjects is None or concept.subject is None or concept.subject in self.key_subjects

    def _same_term_in_target(self, segment: _Segment, concept_id: str, term) -> bool:
        for hit in segment.target_hits:
            for entry in hit.entries:
                if entry.concept.id == concept_id and entry.term.term == term.term:
                    return True
        return False

    def _rejected_hits(self, segment: _Segment, concept_id: str) -> list[tuple[_Hit, object]]:
        found = []
        for hit in segment.target_hits:
            own = [entry for entry in hit.entries if entry.lang == self.target_lang]
            if any(entry.term.approved for entry in own):
                continue
            for entry in own:
                if entry.kind == "term" and entry.concept.id == concept_id and not entry.term.approved:
                    found.append((hit, entry))
                    break
        return found

    def _untranslated_hits(self, segment: _Segment, concept_id: str) -> list[tuple[_Hit, object]]:
        found = []
        for hit in segment.target_hits:
            if any(entry.lang == self.target_lang for entry in hit.entries):
                continue  # also a term of the target language
            if len(_fold(hit.text)) < MIN_UNTRANSLATED:
                continue
            for entry in hit.entries:
                if (entry.lang == self.source_lang and entry.kind == "term" and entry.concept.id == concept_id
                        and entry.term.translate):
                    found.append((hit, entry))
                    break
        return found

    def _in_slot(self, text: str, terms, slot: str) -> tuple[str, ...]:
        from heellint.glossary.casing import recase
        from heellint.glossary.forms import form_in_slot, term_forms

        lang = self.target_lang
        return tuple(dict.fromkeys(
            recase(_flat(text), form_in_slot(term_forms(term, lang), slot).text) for term in terms
        ))

    # --------------------------------------------------------- consistency
    def _consistency(self, segments: list[_Segment], uses_per_segment: list[list[_SourceUse]]) -> list[Finding]:
        from heellint.glossary.casing import recase
        from heellint.glossary.forms import form_in_slot, term_forms

        groups: dict[tuple[str, str], list[tuple[_Segment, object, _Hit, str, _SourceUse]]] = {}
        for segment, uses in zip(segments, uses_per_segment):
            for use in uses:
                source_terms = {
                    entry.term.term
                    for hit in segment.source_hits
                    for entry in hit.entries
                    if entry.lang == self.source_lang and entry.concept.id == use.concept.id
                }
                if len(source_terms) != 1:
                    continue
                chosen = self._target_terms(segment, use.concept.id)
                if len({term.term for _, term, _ in chosen}) != 1:
                    continue  # none, or the segment itself names two (an explanation)
                hit, term, slot = chosen[0]
                groups.setdefault((use.concept.id, use.term.term), []).append((segment, term, hit, slot, use))
        findings = []
        for (concept_id, source_term), items in groups.items():
            by_term: dict[str, list] = {}
            for item in items:
                by_term.setdefault(item[1].term, []).append(item)
            if len(by_term) < 2:
                continue
            ranked = sorted(
                by_term.values(),
                key=lambda group: (-len(group), group[0][1].status != "preferred", group[0][2].start),
            )
            majority = ranked[0]
            majority_term = majority[0][1]
            count = len(majority)
            first_line = self.bundle.target.line_of(majority[0][2].start)
            forms = term_forms(majority_term, self.target_lang)
            for group in ranked[1:]:
                for segment, term, hit, slot, use in group:
                    replacement = recase(_flat(hit.text), form_in_slot(forms, slot).text)
                    findings.append(Finding(
                        hit.start, hit.end,
                        f"'{_flat(hit.text)}' translates '{source_term}' differently from the rest of the "
                        f"translation: {count} segment{'s use' if count != 1 else ' uses'} '{majority_term.term}' "
                        f"(first on line {first_line})",
                        (replacement,), code="XL106",
                        data={"concept": concept_id, "source_term": source_term, "majority": majority_term.term,
                              "majority_count": count, "majority_line": first_line, "segment": segment.pair.label},
                    ))
        return findings

    # ------------------------------------------------------------ numbers
    def _numbers(self, segment: _Segment, source_markers, target_markers) -> list[Finding]:
        source_side, target_side = self.bundle.source, self.bundle.target
        source_skip = [(marker.start, marker.end) for marker in source_markers]
        target_skip = [(marker.start, marker.end) for marker in target_markers]
        source_numbers = find_numbers(source_side.document.prose, *segment.pair.source, skip=source_skip)
        if not source_numbers:
            return []
        target_numbers = find_numbers(target_side.document.prose, *segment.pair.target, skip=target_skip)
        target_values = frozenset().union(*(number.values for number in target_numbers)) if target_numbers else frozenset()
        target_values |= word_values(target_side.document.prose, *segment.pair.target)
        missing: list[Number] = []
        seen: set[str] = set()
        for number in source_numbers:
            if number.text in seen or present(number, target_values):
                continue
            seen.add(number.text)
            missing.append(number)
        if not missing:
            return []
        source_values = frozenset().union(*(number.values for number in source_numbers))
        extra = [number for number in target_numbers if not (number.values & source_values)]
        findings = []
        if len(missing) == 1 and len(extra) == 1:
            number, wrong = missing[0], extra[0]
            line = source_side.line_of(number.start)
            replacement = localise(number.text, self.target_lang)
            findings.append(Finding(
                wrong.start, wrong.end,
                f"'{wrong.text}' does not match the source's '{number.text}' (line {line})",
                (replacement,), code="XL104",
                data={"source_number": number.text, "source_line": line, "segment": segment.pair.label},
            ))
            return findings
        start, end = self._segment_span(segment.pair)
        where = "the translation" if self.bundle.mode == DOCUMENT else "this segment"
        for number in missing:
            line = source_side.line_of(number.start)
            findings.append(Finding(
                start, end, f"the number '{number.text}' of the source (line {line}) is missing from {where}",
                (), code="XL104",
                data={"source_number": number.text, "source_line": line, "segment": segment.pair.label},
            ))
        return findings

    # ---------------------------------------------------------- citations
    def _markers(self, side: Side) -> list:
        cached = side.document.cache.get("xcheck.markers")
        if cached is not None:
            return cached
        from heellint.claims.markers import find_markers

        markers = find_markers(side.document)
        side.document.cache["xcheck.markers"] = markers
        return markers

    def _citations(self, segment: _Segment, source_markers, target_markers) -> list[Finding]:
        from heellint.claims.markers import AUTHOR_YEAR

        source_side = self.bundle.source
        target_keys = {key for marker in target_markers for key in _citation_keys(marker)}
        source_keys = set()
        missing = []  # (marker, missing texts)
        for marker in source_markers:
            if marker.weak:
                continue
            keys = _citation_keys(marker)
            if not keys:
                continue
            source_keys.update(keys)
            lost = [citation for citation, key in zip(marker.citations, keys) if key not in target_keys]
            if lost:
                missing.append((marker, lost))
        if not missing:
            return []
        extra = [marker for marker in target_markers
                 if _citation_keys(marker) and not (set(_citation_keys(marker)) & source_keys)]
        findings = []
        where = "the translation" if self.bundle.mode == DOCUMENT else "this segment"
        for marker, lost in missing:
            marker_text = _flat(source_side.document.source[marker.start:marker.end])
            line = source_side.line_of(marker.start)
            if len(lost) == len(marker.citations):
                message = f"the citation '{marker_text}' of the source (line {line}) is missing from {where}"
            else:
                items = ", ".join(dict.fromkeys(_citation_label(citation, marker.kind == AUTHOR_YEAR)
                                                for citation in lost))
                message = f"{items} of the source's citation '{marker_text}' (line {line}) is missing from {where}"
            if len(missing) == 1 and len(extra) == 1:
                wrong = extra[0]
                wrong_text = _flat(self.bundle.target.document.source[wrong.start:wrong.end])
                start, end = wrong.start, wrong.end
                message = f"'{wrong_text}' does not match the source's citation '{marker_text}' (line {line})"
            else:
                start, end = self._segment_span(segment.pair)
            findings.append(Finding(
                start, end, message, (), code="XL105",
                data={"source_citation": marker_text, "source_line": line, "segment": segment.pair.label},
            ))
        return findings

    # ----------------------------------------------------------- identical
    def _identical_blocks(self, segments: list[_Segment]) -> list[tuple[Finding, _Segment]]:
        if self.source_lang == self.target_lang:
            return []
        source_document = self.bundle.source.document
        target_document = self.bundle.target.document
        # Reference lists are quoted as they are in any language (the same
        # sections the reference rules read).
        source_skip = find_references(source_document).skip_blocks
        target_skip = find_references(target_document).skip_blocks
        findings = []
        for segment in segments:
            target_index = target_document.block_at(segment.pair.target[0]) or 0
            block = target_document.blocks[target_index]
            source_text = source_document.prose[slice(*segment.pair.source)]
            target_text = target_document.prose[slice(*segment.pair.target)]
            if block.kind == HEADING or block.footnote is not None:
                continue
            if target_index in target_skip or source_document.block_at(segment.pair.source[0]) in source_skip:
                continue
            if identical_untranslated(source_text, target_text):
                start, end = self._segment_span(segment.pair)
                findings.append((Finding(
                    start, end, "this segment is identical to the source; is it translated?", (), code="XL107",
                    data={"segment": segment.pair.label, "reason": "identical"},
                ), segment))
        return findings

    # --------------------------------------------------------------- util
    def _segment_span(self, pair: Pair) -> tuple[int, int]:
        document = self.bundle.target.document
        start, end = pair.target
        if self.bundle.mode == DOCUMENT:
            # The whole text is one segment: point at its first block (the title, usually).
            for block in document.blocks:
                stripped = _strip(document.prose, block.start, block.end)
                if stripped[0] < stripped[1]:
                    return stripped
        return _strip(document.prose, start, end)


def identical_untranslated(source_text: str, target_text: str) -> bool:
    """True when the target repeats a source of at least a few words that is
    not a reference (a year, a URL) — the mark of a segment left untranslated."""
    if _fold(source_text) != _fold(target_text):
        return False
    if len(_LETTER_WORD.findall(source_text)) < MIN_IDENTICAL_WORDS:
        return False
    if _YEAR.search(source_text) or "et al" in source_text:
        return False
    return True


# ------------------------------------------------------------------ helpers


class _SpanIndex:
    """Which of a list of disjoint spans (some None) contains a range."""

    def __init__(self, spans: list[tuple[int, int] | None]) -> None:
        ordered = sorted((span[0], number) for number, span in enumerate(spans) if span is not None)
        self.spans = spans
        self.starts = [start for start, _ in ordered]
        self.numbers = [number for _, number in ordered]

    def containing(self, start: int, end: int) -> int | None:
        position = bisect.bisect_right(self.starts, start) - 1
        if position < 0:
            return None
        number = self.numbers[position]
        span = self.spans[number]
        return number if span is not None and span[0] <= start and end <= span[1] else None


def _words_in(document: Document, start: int, end: int) -> list[tuple[int, int]]:
    words = document.words
    first = bisect.bisect_left(words, (start, -1))
    result = []
    for index in range(first, len(words)):
        if words[index][0] >= end:
            break
        result.append(words[index])
    return result


def _bucket_markers(markers: list, document: Document, spans: list[tuple[int, int]]) -> list[list]:
    """The markers of each span: by their block when they have one (a footnote
    reference just past a block's prose belongs to it), else by position."""
    index = _SpanIndex(spans)
    buckets: list[list] = [[] for _ in spans]
    for marker in markers:
        position = marker.start
        if marker.block is not None and 0 <= marker.block < len(document.blocks):
            position = document.blocks[marker.block].start
        number = index.containing(position, position)
        if number is None and position != marker.start:
            number = index.containing(marker.start, marker.start)
        if number is not None:
            buckets[number].append(marker)
    return buckets


def _normal_url(url: str) -> str:
    url = url.strip().casefold()
    url = re.sub(r"^(?:https?://)?(?:dx\.)?(?:www\.)?", "", url)
    url = re.sub(r"^doi\.org/|^doi:\s*", "doi:", url)
    return url.rstrip("/")


def _citation_keys(marker) -> list[tuple]:
    """A comparable key per citation of ``marker`` (empty for markers that do
    not carry over between languages: links to national health sites)."""
    from heellint.claims.markers import AUTHOR_YEAR, FOOTNOTE, LINK, NUMERIC, author_key

    keys = []
    for citation in marker.citations:
        if marker.kind == NUMERIC and citation.number is not None:
            keys.append(("number", citation.number))
        elif marker.kind == FOOTNOTE and citation.label is not None:
            keys.append(("footnote", citation.label.casefold()))
        elif marker.kind == AUTHOR_YEAR and citation.author:
            keys.append(("author-year", author_key(citation.author), citation.year, citation.suffix))
        elif marker.kind == LINK and citation.url:
            url = _normal_url(citation.url)
            if url.startswith("doi:") or "pubmed" in url or "ncbi.nlm.nih.gov" in url:
                keys.append(("link", url))
            else:
                return []
        else:
            return []
    return keys


def _citation_label(citation, author_year: bool) -> str:
    if author_year:
        return f"'{citation.author} {citation.year}{citation.suffix}'"
    if citation.number is not None:
        return f"'{citation.number}'"
    return f"'{citation.text}'"
