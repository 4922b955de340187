"""One compiled matcher for every form of every term of a glossary.

Built once per run from the glossary (or read back from the cache folder
when the glossary files are unchanged, see the end of this module):

- ``single``: folded one-word form -> entries (terms in every inflection,
  listed misspellings in every inflection, hyphenated compounds ``hæl-spore``,
  closed forms of open terms ``plantarfasciitt``). A document is matched by
  intersecting these keys with ``Document.word_index``: the cost grows with
  the article's distinct words, not with the glossary.
- ``multi``: first word -> (the other words, entry) for terms of several words;
  a hit is confirmed by looking at the next words of the document (one space
  or one line break apart, same block).
- ``splits``: first part -> second part -> entry for compounds written as two
  words (``hæl spore``, ``akilles tendinopati``).
- per language, lazily: the fuzzy index of approved forms (see ``fuzzy``).

Read back from the cache, the tables hold row numbers, and a key's ``Entry``
objects are made when the key is first looked up (``_Lazy``): a document hits
a few hundred of the ten thousand keys, so a run makes only those.

Matching is case-insensitive unless a term says ``case-sensitive: true``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping

from heellint.core.document import Document
from heellint.glossary.forms import Form, fold, nfc, term_forms, variant_forms
from heellint.glossary.fuzzy import FuzzyIndex
from heellint.glossary.model import APPROVED, Concept, Glossary, Term

TERM = "term"
MISSPELLING = "misspelling"
SPLIT = "split"  # a closed compound written open or hyphenated: hæl spore, hæl-spore
JOINED = "joined"  # an open term written closed or hyphenated: plantarfasciitt for plantar fasciitt

COMPOUNDING = frozenset({"nb", "nn", "da", "sv"})
# One space or one line break (with blanks around it) between two words.
_GAP = re.compile(r"[ \t\u00a0]*(?:\r?\n)?[ \t\u00a0]*")
# Parts of a compound that are function words: "under armen" is not a split
# "underarmen". Only used for split points the glossary does not declare.
FUNCTION_WORDS = frozenset(
    """
    en et ei ett den det de dei denne dette disse og eller men som at å i på av til for med om over under etter
    før ut inn opp ned fra mot ved hos uten ikkje ikke ikkje ej inte har er var kan skal vil må
    jeg du han hun vi dere dem meg deg seg sin sitt sine min mitt mine din ditt dine vår vårt våre
    og af fra mod efter uden hvor der her hans hendes dens skal skulle kunne ville måtte bliver blev
    ska kunde skulle måste blir blev bli vart vert skal kan vil må ble blitt
    sig seg sin man får fikk fick fik gikk gick gik går gå
    och av från mot efter utan där här hon han vi ni dem sig sin sitt sina min mitt mina
    the a an of in on at to for with from by and or not is are was be
    alle all allt mange flere mer mest mye litt lite noen noe ingen ingenting
    """.split()
)
MIN_SPLIT_PART = 3
MIN_FUZZY_TERM = 5  # terms whose head word is shorter are not fuzzy targets


@dataclass(frozen=True, slots=True)
class Entry:
    concept: Concept
    lang: str
    term: Term
    kind: str  # TERM | MISSPELLING | SPLIT | JOINED
    slot: str
    form: str  # TERM/MISSPELLING: the indexed form; SPLIT/JOINED: the glossary form it stands for

    @property
    def status(self) -> str:
        return self.term.status


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    first: int  # index of the first word in Document.words
    last: int  # index of the last word
    key: str  # folded text as matched (words joined by one space)
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Target:
    """What a fuzzy index key stands for."""

    entry: Entry
    kind: str  # "single" | "joined" | "component"
    position: int = 0  # component: which word of the multi-word form
    words: tuple[str, ...] = ()  # component: the folded words of the multi-word form


@dataclass(slots=True)
class GlossaryMatcher:
    glossary: Glossary
    min_length: int = 5
    max_distance: int = 2
    single: Mapping[str, tuple[Entry, ...]] = field(default_factory=dict)
    multi: Mapping[str, tuple[tuple[tuple[str, ...], Entry], ...]] = field(default_factory=dict)
    splits: Mapping[str, dict[str, tuple[Entry, ...]]] = field(default_factory=dict)
    term_keys: frozenset[str] = frozenset()  # folded forms of terms of any language and status
    case_sensitive_keys: frozenset[str] = frozenset()
    _multi_by_second: Mapping[str, dict[str, tuple[tuple[tuple[str, ...], Entry], ...]]] = field(default_factory=dict)
    _fuzzy: dict[str, tuple[FuzzyIndex, Mapping[str, tuple[Target, ...]]]] = field(default_factory=dict)
    _by_language: dict[str, dict[str, tuple[Entry, ...]]] = field(default_factory=dict)  # lang -> key -> kept entries
    _fuzzy_data: dict[str, tuple] = field(default_factory=dict)  # from the disk cache: (entry maker, marshalled rows)

    # ------------------------------------------------------------ building
    @classmethod
    def build(cls, glossary: Glossary, min_length: int = 5, max_distance: int = 2) -> GlossaryMatcher:
        """The matcher of ``glossary``: from the disk cache when the glossary
        files are unchanged (see ``_cached``), else built and then cached."""
        key = _cache_key(glossary, min_length, max_distance)
        if key is not None:
            matcher = _load_cached(cls, glossary, min_length, max_distance, key)
            if matcher is not None:
                return matcher
        matcher = cls._build(glossary, min_length, max_distance)
        if key is not None:
            _store_cached(matcher, key)
        return matcher

    @classmethod
    def _build(cls, glossary: Glossary, min_length: int = 5, max_distance: int = 2) -> GlossaryMatcher:
        matcher = cls(glossary, min_length, max_distance)
        single: dict[str, list[Entry]] = {}
        multi: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        splits: dict[str, dict[str, list[Entry]]] = {}

        def add(text: str, entry: Entry) -> None:
            # Form texts are NFC with single spaces already (see forms.py).
            key = text.casefold()
            if " " not in key:
                single.setdefault(key, []).append(entry)
            else:
                words = key.split(" ")
                multi.setdefault(words[0], []).append((tuple(words[1:]), entry))

        for concept in glossary.concepts:
            for lang, term in concept.all_terms():
                forms = term_forms(term, lang)
                for form in forms:
                    add(form.text, Entry(concept, lang, term, TERM, form.slot, form.text))
                for misspelling in term.misspellings:
                    for form in variant_forms(misspelling, term, lang):
                        add(form.text, Entry(concept, lang, term, MISSPELLING, form.slot, form.text))
                if term.status not in APPROVED or lang not in COMPOUNDING:
                    continue
                # Closed compounds written open or with a hyphen.
                for form in forms:
                    if "+gen" in form.slot:
                        continue  # "hæl spores" is too rare to index
                    words = form.text.split(" ")
                    if len(words) == 1:
                        entry = Entry(concept, lang, term, SPLIT, form.slot, form.text)
                        for left, right in _split_points(term, form.text):
                            left, right = left.casefold(), right.casefold()
                            splits.setdefault(left, {}).setdefault(right, []).append(entry)
                            single.setdefault(left + "-" + right, []).append(entry)
                    elif len(words) == 2 and all(len(word) >= MIN_SPLIT_PART for word in words):
                        # Open terms written closed: plantarfasciitt, plantar-fasciitt.
                        entry = Entry(concept, lang, term, JOINED, form.slot, form.text)
                        single.setdefault("".join(words).casefold(), []).append(entry)
                        single.setdefault("-".join(words).casefold(), []).append(entry)
        matcher.single = {key: tuple(entries) for key, entries in single.items()}
        matcher.multi = {key: tuple(items) for key, items in multi.items()}
        matcher._multi_by_second = {}
        for key, items in multi.items():
            by_second: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
            for rest, entry in items:
                by_second.setdefault(rest[0], []).append((rest, entry))
            matcher._multi_by_second[key] = {second: tuple(group) for second, group in by_second.items()}
        matcher.splits = {
            left: {right: tuple(entries) for right, entries in rights.items()} for left, rights in splits.items()
        }
        term_keys = {key for key, entries in single.items() if any(entry.kind == TERM for entry in entries)}
        matcher.term_keys = frozenset(term_keys)
        matcher.case_sensitive_keys = frozenset(
            key for key, entries in single.items() if any(entry.term.case_sensitive for entry in entries)
        )
        return matcher

    def forms_of(self, term: Term, lang: str) -> tuple[Form, ...]:
        return term_forms(term, lang)

    # ------------------------------------------------------------- fuzzy
    def fuzzy(self, lang: str) -> tuple[FuzzyIndex, Mapping[str, tuple[Target, ...]]]:
        """The fuzzy index of ``lang``'s approved forms (built on first use)."""
        built = self._fuzzy.get(lang)
        if built is not None:
            return built
        data = self._fuzzy_data.pop(lang, None)
        if data is not None:
            import marshal

            entry, blob = data

            def targets_of(rows: tuple) -> tuple[Target, ...]:
                return tuple([Target(entry(n), kind, position, words) for n, kind, position, words in rows])

            by_key = marshal.loads(blob)
            index = FuzzyIndex(by_key.keys(), lang, self.min_length, self.max_distance)
            built = self._fuzzy[lang] = (index, _Lazy(by_key, targets_of))
            return built
        targets: dict[str, list[Target]] = {}
        for concept in self.glossary.concepts:
            for term in concept.terms.get(lang, ()):
                # Short terms (lege, sene, knä, tå) have too many real words
                # one letter away (legge, senke, känns) to guess at.
                if not term.approved or len(term.words[-1]) < MIN_FUZZY_TERM:
                    continue
                for form in term_forms(term, lang):
                    key = fold(form.text)
                    entry = Entry(concept, lang, term, TERM, form.slot, form.text)
                    words = key.split(" ")
                    if len(words) == 1:
                        targets.setdefault(key, []).append(Target(entry, "single"))
                        continue
                    joined = "".join(words)
                    if lang in COMPOUNDING and joined not in self.term_keys:
                        targets.setdefault(joined, []).append(Target(entry, "joined"))
                    for position, word in enumerate(words):
                        targets.setdefault(word, []).append(Target(entry, "component", position, tuple(words)))
        index = FuzzyIndex(targets.keys(), lang, self.min_length, self.max_distance)
        built = (index, {key: tuple(items) for key, items in targets.items()})
        self._fuzzy[lang] = built
        return built

    # ----------------------------------------------------------- matching
    def _kept(self, lang: str, key: str, memo: dict[str, tuple[Entry, ...]]) -> tuple[Entry, ...]:
        """The entries of one-word ``key`` that matter in ``lang``: its own and
        terms of any language (sorted out on a key's first hit in ``lang``,
        then kept in ``memo``, the language's ``_by_language``)."""
        entries = self.single[key]
        if all(entry.lang == lang or entry.kind == TERM for entry in entries):
            kept = entries
        else:
            kept = tuple(entry for entry in entries if entry.lang == lang or entry.kind == TERM)
        memo[key] = kept
        return kept

    def exact_matches(self, document: Document, lang: str | None = None,
                      interesting: Callable[[str], bool] | None = None) -> list[Match]:
        """Every exact hit in ``document`` (terms, listed misspellings, split
        and joined compounds), overlaps resolved: the longer match wins. With
        ``lang``, only hits that matter in that language: its own entries and
        terms of any language."""
        index = document.word_index
        words = document.words
        source = document.source
        found: list[Match] = []
        keys = index.keys()
        single, multi, splits = self.single, self._multi_by_second, self.splits
        kept = self._by_language.setdefault(lang, {}) if lang is not None else None
        for key in keys & single.keys():
            if kept is None:
                entries = single[key]
            else:
                entries = kept.get(key)
                if entries is None:
                    entries = self._kept(lang, key, kept)  # type: ignore[arg-type]
            if not entries or (interesting is not None and not interesting(key)):
                continue
            sensitive = key in self.case_sensitive_keys
            for number in index[key]:
                start, end = words[number]
                usable = _case_filter(entries, source[start:end]) if sensitive else entries
                if usable:
                    found.append(Match(start, end, number, number, key, usable))
        for key in keys & multi.keys():
            by_second = multi[key]
            for number in index[key]:
                following = _next_word(document, number)
                if following is None:
                    continue
                second = source[words[following][0]:words[following][1]].casefold()
                for rest, entry in by_second.get(nfc(second), ()):
                    if lang is not None and entry.lang != lang and entry.kind != TERM:
                        continue
                    match = self._follow(document, number, rest, entry)
                    if match is not None:
                        found.append(match)
        for key in keys & splits.keys():
            rights = splits[key]
            for number in index[key]:
                following = _next_word(document, number)
                if following is None:
                    continue
                right_key = source[words[following][0]:words[following][1]].casefold()
                entries = rights.get(nfc(right_key))
                if entries and lang is not None:
                    entries = tuple(entry for entry in entries if entry.lang == lang)
                if entries:
                    start, end = words[number][0], words[following][1]
                    found.append(Match(start, end, number, following, key + " " + right_key, entries))
        return _resolve(found)

    def _follow(self, document: Document, number: int, rest: tuple[str, ...], entry: Entry) -> Match | None:
        words = document.words
        source = document.source
        current = number
        for expected in rest:
            following = _next_word(document, current)
            if following is None:
                return None
            start, end = words[following]
            if nfc(source[start:end].casefold()) != expected:
                return None
            current = following
        start, end = words[number][0], words[current][1]
        text = source[start:end]
        if entry.term.case_sensitive and " ".join(text.split()) != entry.form:
            return None
        key = " ".join(fold(text).split())
        return Match(start, end, number, current, key, (entry,))


def _split_points(term: Term, text: str) -> Iterator[tuple[str, str]]:
    """(first part, second part) pairs a closed compound may be split into.

    Declared points (``compound: hæl|spore``) are used as given (applied to the
    form's beginning, so inflected forms split the same way); without a
    declaration every point leaving two parts of at least three letters that
    are not function words is a candidate.
    """
    if term.compound:
        position = 0
        for part in term.compound.split("|")[:-1]:
            position += len(part)
            left, right = text[:position], text[position:]
            # "et slidt knæ skal skånes" is no split "knæskal": a part that is a
            # function word (skal, over, under ...) makes two words likely.
            if left and right and left.casefold() not in FUNCTION_WORDS and right.casefold() not in FUNCTION_WORDS:
                yield left, right
        return
    if len(text) < 2 * MIN_SPLIT_PART + 1 or not text.isalpha():
        return
    for position in range(MIN_SPLIT_PART, len(text) - MIN_SPLIT_PART + 1):
        left, right = text[:position], text[position:]
        if left.casefold() in FUNCTION_WORDS or right.casefold() in FUNCTION_WORDS:
            continue
        yield left, right


def _case_filter(entries: tuple[Entry, ...], text: str) -> tuple[Entry, ...]:
    if not any(entry.term.case_sensitive for entry in entries):
        return entries
    return tuple(entry for entry in entries if not entry.term.case_sensitive or entry.form == text)


def _next_word(document: Document, number: int) -> int | None:
    """The next word when it follows ``number`` after one space or line break in the same block."""
    words = document.words
    following = number + 1
    if following >= len(words):
        return None
    end = words[number][1]
    start = words[following][0]
    if start == end + 1 and document.source[end] == " " and document.prose[end] == " ":
        return following  # the common case: one space
    gap = document.prose[end:start]
    if not gap or _GAP.fullmatch(gap) is None:
        return None
    if "\n" in gap or "|" in document.source[end:start]:
        if document.block_at(end - 1) != document.block_at(start):
            return None
    return following


def _resolve(matches: list[Match]) -> list[Match]:
    """Drop matches overlapping a longer (or earlier) one."""
    matches.sort(key=lambda match: (match.start, -(match.end - match.start)))
    kept: list[Match] = []
    last_end = -1
    for match in matches:
        if match.start < last_end:
            previous = kept[-1]
            if match.start == previous.start and match.end == previous.end:
                kept[-1] = Match(previous.start, previous.end, previous.first, previous.last, previous.key,
                                 previous.entries + match.entries)
            continue
        kept.append(match)
        last_end = match.end
    return kept


# ------------------------------------------------------------ disk cache
#
# Building the matcher (every inflected form of every term of every language)
# costs more than linting a short article. Its tables are plain data once each
# Entry is written as an index into a table of (concept, language, term, kind,
# slot, form) rows; they are kept with ``marshal`` in the glossary cache folder
# (see ``cache``), keyed by the glossary files (path, size, modification time),
# the glossary's shape, the options, heellint's version and this code. Any
# problem falls back to building: the cache can make a run faster, never
# different.

_MATCHER_FORMAT = 2  # bump when the cached tables change shape


def _code_state() -> str:
    import os

    from heellint import __version__
    from heellint.glossary import forms, fuzzy, model

    parts = [__version__, str(_MATCHER_FORMAT)]
    for module in (forms, fuzzy, model):
        path = module.__file__ or ""
        try:
            status = os.stat(path)
        except OSError:
            return ""
        parts.append(f"{path}\0{status.st_size}\0{status.st_mtime_ns}")
    path = __file__
    status = os.stat(path)
    parts.append(f"{path}\0{status.st_size}\0{status.st_mtime_ns}")
    return "\0".join(parts)


def _cache_key(glossary: Glossary, min_length: int, max_distance: int) -> str | None:
    """A key for ``glossary``'s matcher, or None (no cache folder, or a glossary not read from files)."""
    import hashlib
    import os

    from heellint.core.diskcache import cache_folder

    if cache_folder() is None or not glossary.sources or not glossary.concepts:
        return None
    try:
        code = _code_state()
        if not code:
            return None
        parts = [code, str(min_length), str(max_distance)]
        for source in glossary.sources:
            status = os.stat(source)
            parts.append(f"{os.path.abspath(source)}\0{status.st_size}\0{status.st_mtime_ns}")
    except (OSError, ValueError):
        return None
    # The shape too: the same files merged or concatenated make different glossaries.
    parts.append(repr([(concept.id, [(lang, len(terms)) for lang, terms in concept.terms.items()])
                       for concept in glossary.concepts]))
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:20]


def _cache_path(key: str):
    from heellint.core.diskcache import cache_folder

    folder = cache_folder()
    return None if folder is None else folder / f"matcher-{key}.marshal"


def _store_cached(matcher: GlossaryMatcher, key: str) -> None:
    import marshal
    import sys

    from heellint.core.atomic import replace_file

    path = _cache_path(key)
    if path is None:
        return
    glossary = matcher.glossary
    term_index: dict[int, tuple[int, str, int]] = {}
    for number, concept in enumerate(glossary.concepts):
        for lang, terms in concept.terms.items():
            for position, term in enumerate(terms):
                term_index.setdefault(id(term), (number, lang, position))
    rows: list[tuple] = []
    numbers: dict[tuple, int] = {}

    def entry_number(entry: Entry) -> int:
        # Equal entries (the fuzzy index's and the exact tables') share one row.
        concept_number, lang, position = term_index[id(entry.term)]
        if glossary.concepts[concept_number] is not entry.concept or entry.lang != lang:
            raise LookupError
        # (a slot name is one object for all its rows: marshal then writes it once)
        row = (concept_number, position, entry.lang, entry.kind, sys.intern(entry.slot), entry.form)
        number = numbers.get(row)
        if number is None:
            number = numbers[row] = len(rows)
            rows.append(row)
        return number

    def entry_numbers(entries: tuple[Entry, ...]) -> int | tuple[int, ...]:
        # most keys have one entry: a bare number reads back faster than a tuple
        if len(entries) == 1:
            return entry_number(entries[0])
        return tuple(entry_number(entry) for entry in entries)

    try:
        for lang in sorted({lang for concept in glossary.concepts for lang in concept.terms}):
            matcher.fuzzy(lang)
        data = {
            "single": {key: entry_numbers(entries) for key, entries in matcher.single.items()},
            "multi": {key: tuple((rest, entry_number(entry)) for rest, entry in items)
                      for key, items in matcher.multi.items()},
            "splits": {left: {right: entry_numbers(entries) for right, entries in rights.items()}
                       for left, rights in matcher.splits.items()},
            "term_keys": tuple(sorted(matcher.term_keys)),
            "case_sensitive_keys": tuple(sorted(matcher.case_sensitive_keys)),
            # one blob per language, read only when that language is linted
            "fuzzy": {lang: marshal.dumps({
                key: tuple((entry_number(target.entry), target.kind, target.position, target.words) for target in targets)
                for key, targets in built[1].items()})
                      for lang, built in matcher._fuzzy.items()},
        }
        data["entries"] = tuple(zip(*rows))  # columns: six tuples read back faster than 10,000
        data["concepts"] = len(glossary.concepts)
        blob = marshal.dumps(data)
    except (LookupError, ValueError, TypeError):
        return
    try:
        replace_file(path, blob, prefix=".matcher-")
        for stale in path.parent.glob("matcher-*.marshal"):
            # one matcher per glossary is enough; keep the others a day (other projects' glossaries)
            if stale != path and stale.stat().st_mtime < path.stat().st_mtime - 86400:
                stale.unlink(missing_ok=True)
    except OSError:
        pass


class _Lazy(Mapping):
    """A read-only table read back from the cache: each value is converted from
    its cached rows (numbers into the entry table) on its key's first look-up."""

    __slots__ = ("_rows", "_convert", "_made")

    def __init__(self, rows: dict[str, Any], convert: Callable[[Any], Any]) -> None:
        self._rows = rows
        self._convert = convert
        self._made: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._convert(self._rows[key])
        return made

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._rows else default

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def keys(self):  # the rows' own view: ``document keys & keys()`` stays a set operation in C
        return self._rows.keys()


def _entry_maker(columns: tuple[tuple, ...], concepts: tuple[Concept, ...]) -> Callable[[int], Entry]:
    """``entry(n)``: the Entry of cached row ``n`` (given as six columns), made
    once, pointing into the glossary."""
    concept_numbers, positions, langs, kinds, slots, forms = columns
    made: list[Entry | None] = [None] * len(concept_numbers)

    def entry(number: int) -> Entry:
        found = made[number]
        if found is None:
            concept_number, position, lang = concept_numbers[number], positions[number], langs[number]
            kind, slot, form = kinds[number], slots[number], forms[number]
            concept = concepts[concept_number]
            found = made[number] = Entry(concept, lang, concept.terms[lang][position], kind, slot, form)
        return found

    return entry


def _load_cached(cls, glossary: Glossary, min_length: int, max_distance: int, key: str) -> GlossaryMatcher | None:
    """The cached matcher of ``key``, or None. Row numbers are in range by
    construction: the key covers the glossary's shape (concept ids, terms per
    language), and a file that does not read back as the expected tables is ignored."""
    import marshal

    path = _cache_path(key)
    if path is None:
        return None
    try:
        from heellint.core.diskcache import without_collector

        with open(path, "rb") as handle:
            blob = handle.read()
        data = without_collector(lambda: marshal.loads(blob))
        if data["concepts"] != len(glossary.concepts):
            return None
        columns = data["entries"]
        single, multi, splits = data["single"], data["multi"], data["splits"]
        fuzzy = data["fuzzy"]
        if not (isinstance(columns, tuple) and all(isinstance(table, dict) for table in (single, multi, splits, fuzzy))):
            return None
        entry = _entry_maker(columns, glossary.concepts)

        def entries_of(numbers: int | tuple[int, ...]) -> tuple[Entry, ...]:
            if type(numbers) is int:
                return (entry(numbers),)
            return tuple([entry(n) for n in numbers])

        def multi_of(items: tuple) -> tuple:
            return tuple([(rest, entry(n)) for rest, n in items])

        def by_second_of(items: tuple) -> dict:
            by_second: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
            for rest, n in items:
                by_second.setdefault(rest[0], []).append((rest, entry(n)))
            return {second: tuple(group) for second, group in by_second.items()}

        def rights_of(rights: dict) -> dict:
            return {right: entries_of(numbers) for right, numbers in rights.items()}

        matcher = cls(glossary, min_length, max_distance)
        matcher.single = _Lazy(single, entries_of)
        matcher.multi = _Lazy(multi, multi_of)
        matcher._multi_by_second = _Lazy(multi, by_second_of)
        matcher.splits = _Lazy(splits, rights_of)
        matcher.term_keys = frozenset(data["term_keys"])
        matcher.case_sensitive_keys = frozenset(data["case_sensitive_keys"])
        matcher._fuzzy_data = {lang: (entry, blob) for lang, blob in fuzzy.items()}
        return matcher
    except Exception:  # missing, damaged, or from another glossary: build it
        return None
