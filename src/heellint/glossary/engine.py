"""The glossary rule family's one pass over a document.

``GlossaryEngine.analyse(document)`` matches every form of every term once
(cached in ``document.cache``) and sorts the hits into findings, each carrying
its code; the rules of ``heellint.glossary.rules`` each yield their own code.

What is reported, per hit (in the article's language unless said otherwise):

- TM101: a listed misspelling (any inflection), or a word no exact rule
  explains that is near an approved form (fuzzy; see ``fuzzy``);
- TM102: a closed compound written open or hyphenated (hæl spore, hæl-spore);
- TM103: an open term written closed (plantarfasciitt for plantar fasciitt);
- TM201: a deprecated or superseded term; TM202: an admitted term where a
  preferred one exists;
- TM203: a term of another Nordic language that is not a word of this one;
- TM301: one concept written in more than one way in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel

from heellint.core.diagnostic import SAFE, UNSAFE, Finding
from heellint.core.document import Document
from heellint.glossary.casing import recase
from heellint.glossary.forms import form_in_slot, term_forms
from heellint.glossary.fuzzy import Candidate, SpellFilter
from heellint.glossary.matcher import JOINED, MISSPELLING, SPLIT, TERM, Entry, GlossaryMatcher, Match
from heellint.glossary.model import NORDIC, Concept, Glossary, Term
from heellint.glossary.vocabulary import Vocabulary

LANGUAGE_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "da": "Danish", "sv": "Swedish", "en": "English"}
SAFE_FUZZY_LENGTH = 7  # a fuzzy fix is safe only for words at least this long
MIN_VARIETY_LENGTH = 5
NO_DICTIONARY_DISTANCE_TWO = 10  # without Hunspell, distance 2 only from this length
# Fuzzy verdicts kept per language (about 25,000 distinct words per language in
# the 2,000-article bench corpus): past this many the memo starts over, so a
# very large run keeps a bounded memo (the frequent words are back after an
# article or two).
FUZZY_MEMO_SIZE = 50_000
_QUOTES_OPEN = "\"'«“‘„‚‹"
_QUOTES_CLOSE = "\"'»”’“‘›"
_SENTENCE_END = ".!?:;…"
_OPENERS = "\"'«“‘„([{*_–—-•·"

# Between two names of one concept: "X, også kalt Y", "X (Y)", "X eller Y", "X/Y".
_INTRODUCERS = (
    r"også\s+kalt|også\s+kalla|òg\s+kalla|også\s+kjent\s+som|òg\s+kjend\s+som|også\s+omtalt\s+som|kalt|kalla|"
    r"også\s+kaldet|også\s+kendt\s+som|kaldet|kaldes|"
    r"även\s+kallad|även\s+kallat|också\s+kallad|också\s+kallat|även\s+känd\s+som|kallad|kallat|"
    r"also\s+called|also\s+known\s+as|known\s+as|called|aka|a\.k\.a\.|"
    r"eller|or|alias|el\.|dvs\.?|d\.v\.s\.|i\.e\.|altså|vs\.?|versus|tidligere|tidlegare|tidigare|formerly|"
    r"på\s+latin|på\s+engelsk|in\s+latin|latin|engelsk"
)


@lru_cache(maxsize=None)
def _introduction_gap() -> re.Pattern[str]:
    """The gap between two names of a concept that introduces one by the other
    (compiled on first use: most articles never name a concept two ways)."""
    return re.compile(
        r"[\s,:;(\[«\"“'‘/–—-]*(?:(?:" + _INTRODUCERS + r")[\s,:;(\[«\"“'‘/–—-]*)*", re.IGNORECASE
    )


@dataclass(frozen=True, slots=True)
class Options:
    fuzzy: bool = True
    max_distance: int = 2
    min_length: int = 5


@dataclass(slots=True)
class _Use:
    """An approved term used in the article (for consistency)."""

    start: int
    end: int
    concept: Concept
    term: Term
    slot: str
    text: str
    quoted: bool
    form: str = ""  # the glossary form matched


@dataclass(slots=True)
class _Analysis:
    """One document's glossary pass; TM202/TM301 findings are built on request."""

    findings: list[Finding] = field(default_factory=list)
    uses: list[_Use] = field(default_factory=list)
    admitted: list[tuple[Match, str, Entry]] = field(default_factory=list)
    admitted_findings: list[Finding] | None = None
    consistency: list[Finding] | None = None


@dataclass(slots=True)
class GlossaryEngine:
    glossary: Glossary
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    options: Options = field(default_factory=Options)
    spell: SpellFilter = field(default_factory=SpellFilter)
    _matcher: GlossaryMatcher | None = None
    _fuzzy_cache: dict[str, dict[str, tuple[Candidate, ...]]] = field(default_factory=dict)
    _interesting: dict[str, dict[str, bool]] = field(default_factory=dict)

    @property
    def matcher(self) -> GlossaryMatcher:
        if self._matcher is None:
            self._matcher = GlossaryMatcher.build(self.glossary, self.options.min_length, self.options.max_distance)
        return self._matcher

    # --------------------------------------------------------------- entry
    def analyse(self, document: Document) -> list[Finding]:
        """Every finding of every code for ``document`` (TM202 and TM301 included)."""
        analysis = self._analysis(document)
        findings = analysis.findings + self.admitted_findings(document) + self.consistency_findings(document)
        findings.sort(key=lambda finding: (finding.start, finding.end, finding.code or ""))
        return findings

    def findings(self, document: Document, code: str) -> list[Finding]:
        """The findings of one code; TM202 and TM301 are built only when asked for."""
        if code == "TM202":
            return self.admitted_findings(document)
        if code == "TM301":
            return self.consistency_findings(document)
        return [finding for finding in self._analysis(document).findings if finding.code == code]

    def admitted_findings(self, document: Document) -> list[Finding]:
        analysis = self._analysis(document)
        if analysis.admitted_findings is None:
            lang = document.lang or ""
            built = (self._admitted(match, text, entry, lang) for match, text, entry in analysis.admitted)
            analysis.admitted_findings = [finding for finding in built if finding is not None]
        return analysis.admitted_findings

    def consistency_findings(self, document: Document) -> list[Finding]:
        analysis = self._analysis(document)
        if analysis.consistency is None:
            analysis.consistency = self._consistency(document, analysis.uses)
        return analysis.consistency

    def _analysis(self, document: Document) -> _Analysis:
        cached = document.cache.get("glossary.analysis")
        if cached is not None and cached[0] is self:
            return cached[1]
        analysis = self._run(document)
        document.cache["glossary.analysis"] = (self, analysis)
        return analysis

    def _run(self, document: Document) -> _Analysis:
        analysis = _Analysis()
        lang = document.lang
        if lang is None or not self.glossary.concepts:
            return analysis
        matcher = self.matcher
        findings = analysis.findings
        covered: set[int] = set()
        for match in matcher.exact_matches(document, lang, self._interesting_for(lang)):
            # The hit explains its words (the matcher keeps only hits about this
            # language or terms of any language: another language's split or
            # misspelling, "plantar fasciiten" in Bokmål, is no hit here).
            covered.update(range(match.first, match.last + 1))
            finding = self._exact(document, match, lang, analysis)
            if finding is not None:
                findings.append(finding)
        if self.options.fuzzy and self.options.max_distance > 0:
            findings.extend(self._fuzzy(document, lang, covered))
        # New Hunspell verdicts to disk now and then (atexit writes the rest,
        # but a run's worker processes are terminated without it).
        self.spell.flush(min_interval=1.0)
        return analysis

    # --------------------------------------------------------- exact hits
    def _exact(self, document: Document, match: Match, lang: str, analysis: _Analysis) -> Finding | None:
        source = document.source
        text = source[match.start:match.end]
        own = [entry for entry in match.entries if entry.lang == lang]
        terms = [entry for entry in own if entry.kind == TERM]
        if terms:
            approved = [entry for entry in terms if entry.term.approved]
            quoted = _quoted(source, match.start, match.end)
            if approved:
                entry = approved[0]
                if all(other.concept is entry.concept for other in approved):
                    analysis.uses.append(_Use(match.start, match.end, entry.concept, entry.term, entry.slot, text,
                                              quoted, entry.form))
                    if entry.term.status == "admitted" and all(e.term.status == "admitted" for e in approved):
                        analysis.admitted.append((match, text, entry))
                return None
            if quoted:
                return None
            return self._deprecated(match, text, terms, lang)
        if self.vocabulary.is_user_word(match.key):
            return None
        misspellings = [entry for entry in own if entry.kind == MISSPELLING]
        if misspellings:
            return self._misspelling(match, text, misspellings, lang)
        if not self._plausible_error(document, match.start, text):
            return None
        splits = [entry for entry in own if entry.kind == SPLIT]
        if splits:
            if self.vocabulary.accepts(match.key, lang) or _grammatical_pair(document, match, lang):
                return None
            return self._split(match, text, splits)
        joined = [entry for entry in own if entry.kind == JOINED]
        if joined:
            if self.vocabulary.accepts(match.key, lang) or self.spell_accepts(match.key, lang):
                return None
            return self._joined(match, text, joined)
        if lang in NORDIC:
            foreign = [entry for entry in match.entries if entry.kind == TERM and entry.lang in NORDIC and entry.lang != lang]
            if foreign:
                return self._variety(document, match, text, foreign, lang)
        return None

    def _interesting_for(self, lang: str):
        """A predicate: can an exact hit of this one-word key give a finding (or
        count for consistency) in ``lang``? Most keys -- approved forms of a
        concept with one approved term -- cannot, and are skipped without
        looking at their occurrences."""
        cache = self._interesting.setdefault(lang, {})
        single = self.matcher.single

        def interesting(key: str) -> bool:
            verdict = cache.get(key)
            if verdict is None:
                verdict = _interesting(single[key], lang)
                cache[key] = verdict
            return verdict

        return interesting

    def spell_accepts(self, key: str, lang: str) -> bool:
        return self.spell.accepts(key, lang)

    def _plausible_error(self, document: Document, start: int, text: str) -> bool:
        """False for words that are most likely names or acronyms: capitalised
        mid-sentence, or all capitals outside a shouting heading."""
        first = text[:1]
        if not first.isupper():
            return True
        rest = text[1:].replace(" ", "").replace("-", "")
        if rest and rest.isupper():
            return _shouting(document, start)
        return _sentence_start(document.prose, start, document)

    def _misspelling(self, match: Match, text: str, entries: list[Entry], lang: str) -> Finding:
        targets = _dedupe([(entry.term, form_in_slot(term_forms(entry.term, lang), entry.slot).text) for entry in entries])
        replacements = tuple(dict.fromkeys(recase(text, target) for _, target in targets))
        names = " / ".join(dict.fromkeys(f"'{term.term}'" for term, _ in targets))
        message = f"'{text}' looks like a misspelling of the glossary term {names}"
        return Finding(
            match.start, match.end, message, replacements, SAFE if len(replacements) == 1 else UNSAFE,
            code="TM101", data={"concept": entries[0].concept.id, "listed": True},
        )

    def _split(self, match: Match, text: str, entries: list[Entry]) -> Finding:
        replacements = tuple(dict.fromkeys(recase(text, entry.form) for entry in entries))
        base = entries[0].term.term
        if " " in text.strip() or "\n" in text:
            message = f"'{_flat(text)}' is a split compound: the glossary term is written '{base}'"
        else:
            message = f"'{text}' is written without a hyphen: the glossary term is '{base}'"
        return Finding(
            match.start, match.end, message, replacements, SAFE if len(replacements) == 1 else UNSAFE,
            code="TM102", data={"concept": entries[0].concept.id},
        )

    def _joined(self, match: Match, text: str, entries: list[Entry]) -> Finding:
        replacements = tuple(dict.fromkeys(recase(text, entry.form) for entry in entries))
        base = entries[0].term.term
        message = f"'{text}' is written as separate words in the glossary: '{base}'"
        return Finding(match.start, match.end, message, replacements, UNSAFE, code="TM103",
                       data={"concept": entries[0].concept.id})

    def _deprecated(self, match: Match, text: str, entries: list[Entry], lang: str) -> Finding | None:
        entry = entries[0]
        concept, term = entry.concept, entry.term
        preferred = concept.preferred(lang) or concept.approved(lang)
        replacements = tuple(dict.fromkeys(
            recase(text, form_in_slot(term_forms(target, lang), entry.slot).text, entry.form) for target in preferred
        ))
        if len({e.concept.id for e in entries}) > 1:
            replacements = ()
        if replacements:
            names = " or ".join(f"'{target.term}'" for target in preferred)
            message = f"'{_flat(text)}' is a {term.status} term; use {names}"
        else:
            message = f"'{_flat(text)}' is a {term.status} term"
        safe = len(preferred) == 1 and _same_class(term, preferred[0], lang)
        applicability = (SAFE if safe else UNSAFE) if replacements else None
        return Finding(match.start, match.end, message, replacements, applicability, code="TM201",
                       data={"concept": concept.id, "status": term.status})

    def _admitted(self, match: Match, text: str, entry: Entry, lang: str) -> Finding | None:
        preferred = entry.concept.preferred(lang)
        if not preferred:
            return None
        replacements = tuple(dict.fromkeys(
            recase(text, form_in_slot(term_forms(target, lang), entry.slot).text, entry.form) for target in preferred
        ))
        names = " or ".join(f"'{target.term}'" for target in preferred)
        message = f"'{_flat(text)}' is an admitted term; the preferred term is {names}"
        return Finding(match.start, match.end, message, replacements, UNSAFE, code="TM202",
                       data={"concept": entry.concept.id})

    def _variety(self, document: Document, match: Match, text: str, entries: list[Entry], lang: str) -> Finding | None:
        key = match.key
        if len(key) < MIN_VARIETY_LENGTH or self.vocabulary.accepts(key, lang):
            return None
        if _quoted(document.source, match.start, match.end):
            return None
        if self.spell.accepts(key, lang):
            return None
        entry = entries[0]
        other = " and ".join(dict.fromkeys(LANGUAGE_NAMES[item.lang] for item in entries))
        if any(item.kind == TERM and item.lang == "en" for item in match.entries):
            other += " (and English)"
        preferred = entry.concept.preferred(lang) or entry.concept.approved(lang)
        replacements = tuple(dict.fromkeys(
            recase(text, form_in_slot(term_forms(target, lang), entry.slot).text, entry.form) for target in preferred
        ))
        if replacements:
            message = (f"'{_flat(text)}' is the {other} form; in {LANGUAGE_NAMES[lang]} write "
                       + " or ".join(f"'{r}'" for r in replacements))
        else:
            message = f"'{_flat(text)}' is the {other} form of '{entry.term.term}'"
        return Finding(match.start, match.end, message, replacements, UNSAFE if replacements else None,
                       code="TM203", data={"concept": entry.concept.id, "variety": entry.lang})

    # ---------------------------------------------------------------- fuzzy
    def fuzzy_candidates(self, key: str, lang: str) -> tuple[Candidate, ...]:
        """Glossary forms ``key`` (folded) is a likely misspelling of (cached per run)."""
        cache = self._fuzzy_cache.setdefault(lang, {})
        found = cache.get(key)
        if found is None:
            found = self._find_candidates(key, lang)
            if len(cache) >= FUZZY_MEMO_SIZE:
                cache.clear()
            cache[key] = found
        return found

    def _find_candidates(self, key: str, lang: str) -> tuple[Candidate, ...]:
        """No candidates for a short word, a form of any term, an accepted
        word, a fuzzy target itself, or a word an exact hit in this language
        explains (the cheapest tests first); else the index's, filtered."""
        if len(key) < self.options.min_length or not key.isalpha():
            return ()
        matcher = self.matcher
        if key in matcher.term_keys or self.vocabulary.accepts(key, lang):
            return ()
        index, targets = matcher.fuzzy(lang)
        if key in targets or any(entry.lang == lang for entry in matcher.single.get(key, ())):
            return ()
        result = tuple(index.candidates(key))
        if result and len(key) < NO_DICTIONARY_DISTANCE_TWO and not self.spell.installed(lang):
            # Without a dictionary to tell real words from slips, two
            # edits are too many for words under 10 letters
            # (mennesker/menisker, stopping/strapping).
            result = tuple(candidate for candidate in result if candidate.distance < 2)
        if result and self.spell.accepts(key, lang):
            result = ()
        return result

    def _fuzzy(self, document: Document, lang: str, covered: set[int]) -> list[Finding]:
        findings = []
        source = document.source
        words = document.words
        cache = self._fuzzy_cache.setdefault(lang, {})
        for key, numbers in document.word_index.items():
            candidates = cache.get(key)
            if candidates is None:
                candidates = self.fuzzy_candidates(key, lang)
            if not candidates:
                continue
            for number in numbers:
                if number in covered:
                    continue
                start, end = words[number]
                text = source[start:end]
                if not self._plausible_error(document, start, text):
                    continue
                finding = self._fuzzy_finding(document, number, text, candidates, lang)
                if finding is not None:
                    findings.append(finding)
                    covered.add(number)
        return findings

    def _fuzzy_finding(self, document: Document, number: int, text: str, candidates: tuple[Candidate, ...],
                       lang: str) -> Finding | None:
        _, targets = self.matcher.fuzzy(lang)
        words = document.words
        options: list[tuple[int, int, int, str, Entry]] = []  # (distance, start, end, replacement, entry)
        for candidate in candidates:
            for target in targets.get(candidate.text, ()):
                if target.kind == "component":
                    span = _component_span(document, number, target.position, target.words)
                    if span is None:
                        continue
                    start, end = span
                else:
                    start, end = words[number]
                options.append((candidate.distance, start, end, target.entry.form, target.entry))
        if not options:
            return None
        # Nearest first; a confirmed multi-word phrase before a single word.
        options.sort(key=lambda item: (item[0], -(item[2] - item[1])))
        distance, start, end = options[0][0], options[0][1], options[0][2]
        chosen = [item for item in options if item[0] == distance and item[1] == start and item[2] == end]
        span_text = document.source[start:end]
        length = len(text)
        # Ties: a doubled letter undone first (platfodd -> platfod), genitives
        # last; then a slip to a neighbouring key (hälsenam -> hälsenan), then
        # fewest insertions/deletions (a doubled or dropped letter is the
        # commonest slip), then the closest length, then the base form.
        folded_span = span_text.casefold()
        chosen.sort(key=lambda item: (not _doubled_letter(folded_span, item[3].casefold()), "+gen" in item[4].slot,
                                      not _neighbour_slip(folded_span, item[3].casefold()),
                                      Indel.distance(folded_span, item[3].casefold()),
                                      abs(len(item[3]) - len(span_text)), item[4].slot != "sg", item[3]))
        replacements = tuple(dict.fromkeys(recase(span_text, item[3]) for item in chosen))
        replacements = tuple(r for r in replacements if r != span_text)
        if not replacements:
            return None
        names = tuple(dict.fromkeys(item[4].term.term for item in chosen))
        message = f"'{_flat(span_text)}' looks like a misspelling of the glossary term " + " or ".join(
            f"'{name}'" for name in names
        )
        nearest = sum(1 for candidate in candidates if candidate.distance == 1)
        safe = distance == 1 and len(replacements) == 1 and length >= SAFE_FUZZY_LENGTH and nearest == 1
        return Finding(
            start, end, message, replacements, SAFE if safe else UNSAFE, code="TM101",
            data={"concept": chosen[0][4].concept.id, "distance": distance, "listed": False},
        )

    # ---------------------------------------------------------- consistency
    def _consistency(self, document: Document, uses: list[_Use]) -> list[Finding]:
        by_concept: dict[str, list[_Use]] = {}
        for use in uses:
            if not use.quoted:
                by_concept.setdefault(use.concept.id, []).append(use)
        findings = []
        index = document.line_index
        lang = document.lang or ""
        for concept_id, items in by_concept.items():
            variants: dict[int, list[_Use]] = {}
            for use in items:
                variants.setdefault(id(use.term), []).append(use)
            if len(variants) < 2:
                continue
            items.sort(key=lambda use: use.start)
            ranked = sorted(
                variants.values(),
                key=lambda group: (-len(group), group[0].term.status != "preferred", group[0].start),
            )
            majority_uses = ranked[0]
            majority_term = majority_uses[0].term
            count = len(majority_uses)
            if count < 2:
                continue  # one use of each name: no majority to follow
            line = index.position(majority_uses[0].start)[0]
            majority_forms = term_forms(majority_term, lang)
            position = {id(use): number for number, use in enumerate(items)}
            for group in ranked[1:]:
                if len(group) >= count:
                    continue  # as many uses as the majority: no majority to follow
                for use in group:
                    if _introduced(document, use, items, position[id(use)]):
                        continue
                    replacement = recase(use.text, form_in_slot(majority_forms, use.slot).text, use.form)
                    message = (
                        f"'{_flat(use.text)}' and '{majority_term.term}' name the same concept in this article; "
                        f"it mostly uses '{majority_term.term}' ({count} time{'s' if count != 1 else ''}, "
                        f"first on line {line})"
                    )
                    findings.append(Finding(
                        use.start, use.end, message, (replacement,), UNSAFE, code="TM301",
                        data={"concept": concept_id, "majority": majority_term.term, "majority_count": count,
                              "majority_line": line},
                    ))
        return findings


# ------------------------------------------------------------------ helpers


_KEYBOARD_ROWS = ("qwertyuiopå", "asdfghjkløæ", "zxcvbnm")
_KEY_POSITIONS = {key: (row, column + 0.5 * row) for row, keys in enumerate(_KEYBOARD_ROWS) for column, key in enumerate(keys)}
_KEY_POSITIONS.update({"ö": _KEY_POSITIONS["ø"], "ä": _KEY_POSITIONS["æ"]})


def _doubled_letter(word: str, form: str) -> bool:
    """True when ``word`` is ``form`` with one letter typed twice (klinnikk/klinikk)."""
    if len(word) != len(form) + 1:
        return False
    for index in range(1, len(word)):
        if word[index] == word[index - 1] and word[:index] + word[index + 1:] == form:
            return True
    return False


def _neighbour_slip(word: str, form: str) -> bool:
    """True when ``form`` is ``word`` with one letter replaced by a neighbouring
    key on a Nordic QWERTY keyboard."""
    if len(word) != len(form):
        return False
    differences = [(a, b) for a, b in zip(word, form) if a != b]
    if len(differences) != 1:
        return False
    first, second = (_KEY_POSITIONS.get(char) for char in differences[0])
    if first is None or second is None:
        return False
    return abs(first[0] - second[0]) <= 1 and abs(first[1] - second[1]) <= 1.0


def _flat(text: str) -> str:
    return " ".join(text.split())


def _interesting(entries: tuple[Entry, ...], lang: str) -> bool:
    own = [entry for entry in entries if entry.lang == lang]
    if not own:
        return lang in NORDIC and any(entry.kind == TERM and entry.lang in NORDIC for entry in entries)
    if any(entry.kind != TERM or not entry.term.approved or entry.term.status == "admitted" for entry in own):
        return True
    concepts = {entry.concept.id: entry.concept for entry in own}
    if len(concepts) > 1:
        return False  # a form two concepts share says nothing about either
    concept = next(iter(concepts.values()))
    return len(concept.approved(lang)) > 1


def _dedupe(items: list[tuple[Term, str]]) -> list[tuple[Term, str]]:
    seen = set()
    result = []
    for term, text in items:
        if text not in seen:
            seen.add(text)
            result.append((term, text))
    return result


def _same_class(left: Term, right: Term, lang: str) -> bool:
    """Whether replacing ``left`` by ``right`` keeps agreement (same declared
    class, or both undeclared nouns of the same ending class)."""
    if left.inflection and right.inflection:
        return left.inflection == right.inflection
    if lang == "en":
        return True
    return left.inflection == right.inflection and len(left.words) == len(right.words)


def _quoted(source: str, start: int, end: int) -> bool:
    before = source[start - 1:start] if start > 0 else ""
    after = source[end:end + 1]
    return bool(before) and before in _QUOTES_OPEN and bool(after) and after in _QUOTES_CLOSE


def _sentence_start(prose: str, start: int, document: Document) -> bool:
    """True when nothing but openers and white space stand between the word
    and the start of its block or the end of the previous sentence."""
    block = document.block_at(start)
    floor = document.blocks[block].start if block is not None else 0
    position = start - 1
    while position >= floor:
        char = prose[position]
        if char.isspace() or char in _OPENERS:
            position -= 1
            continue
        if char in _SENTENCE_END:
            return True
        if char.isdigit() and position >= floor:
            # "1. Hælspore": a numbered item
            scan = position
            while scan >= floor and prose[scan].isdigit():
                scan -= 1
            return scan < floor or prose[scan].isspace() or prose[scan] in _OPENERS
        return False
    return True


def _shouting(document: Document, start: int) -> bool:
    """True when the word's block is written in capitals (a shouting heading)."""
    block = document.block_at(start)
    if block is None:
        return False
    text = document.prose[document.blocks[block].start:document.blocks[block].end]
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 8 and sum(char.isupper() for char in letters) >= 0.8 * len(letters)


def _component_span(document: Document, number: int, position: int, words: tuple[str, ...]) -> tuple[int, int] | None:
    """The span of a multi-word term around word ``number`` (at ``position`` in
    the term) when the document's neighbouring words are the term's other words."""
    from heellint.glossary.matcher import _next_word

    doc_words = document.words
    source = document.source
    first = number - position
    if first < 0 or first + len(words) > len(doc_words):
        return None
    current = first
    for index, expected in enumerate(words):
        if index > 0:
            following = _next_word(document, current)
            if following is None:
                return None
            current = following
        if index == position:
            continue
        start, end = doc_words[current]
        if source[start:end].casefold() != expected:
            return None
    if current - first != len(words) - 1:
        return None
    return doc_words[first][0], doc_words[current][1]


def _introduced(document: Document, use: _Use, items: list[_Use], position: int) -> bool:
    """True when ``use`` introduces or is introduced by another name of its
    concept next to it: "X, også kalt Y", "X (Y)", "X eller Y", "X/Y".
    ``items`` are the concept's uses in source order; ``use`` is ``items[position]``."""
    prose = document.prose
    if _parenthesised(prose, use.start, use.end):
        return True  # "knogleudvækst (kalktorn)": a gloss, not a second name
    neighbours = []
    if position > 0:
        neighbours.append(items[position - 1])
    if position + 1 < len(items):
        neighbours.append(items[position + 1])
    for other in neighbours:
        if other.term is use.term:
            continue
        if 0 <= use.start - other.end <= 40:
            gap = prose[other.end:use.start]
        elif 0 <= other.start - use.end <= 40:
            gap = prose[use.end:other.start]
        else:
            continue
        if "\n\n" in gap:
            continue
        if _introduction_gap().fullmatch(gap):
            return True
    return False


def _parenthesised(prose: str, start: int, end: int) -> bool:
    """True when the term is all there is inside a pair of parentheses (quotes allowed)."""
    before = prose[max(0, start - 4):start].rstrip(" \"'«“‘")
    after = prose[end:end + 4].lstrip(" \"'»”’")
    return before.endswith("(") and after.startswith(")")


# Words before an open pair that make it a phrase rather than a split compound:
# a subject pronoun makes the first word a verb ("hun led smerter": suffered
# pains); a definite determiner makes it an adjective ("den sene betennelsen":
# the late inflammation). A real split compound rarely follows either.
_PHRASE_OPENERS: dict[str, frozenset[str]] = {
    "nb": frozenset("jeg du han hun vi dere de man den det denne dette disse".split()),
    "nn": frozenset("eg du han ho vi me de dei den det denne dette desse".split()),
    "da": frozenset("jeg du han hun vi i de man den det denne dette disse".split()),
    "sv": frozenset("jag du han hon vi ni de man den det denna detta dessa".split()),
}


def _grammatical_pair(document: Document, match: Match, lang: str) -> bool:
    """An open (space-separated) pair preceded by a pronoun or determiner."""
    openers = _PHRASE_OPENERS.get(lang)
    if not openers or match.first == 0:
        return False
    source = document.source
    words = document.words
    first_start, first_end = words[match.first]
    if "-" in source[first_end:words[match.first + 1][0]] if match.first + 1 < len(words) else True:
        return False
    previous_start, previous_end = words[match.first - 1]
    if source[previous_end:first_start].strip():
        return False  # punctuation between: a new clause
    return source[previous_start:previous_end].casefold() in openers
