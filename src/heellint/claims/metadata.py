"""Transparency metadata: the date of the last update, the author, paid calls to action.

The date comes from front matter (``updated``, ``last_modified``, ...; then
``date``/``published``) or from a line such as "Sidst opdateret: December
2025", "Sist oppdatert 3. mars 2024", "Senast uppdaterad: 2024-03-05" or
"Last updated: 5 March 2024". Month names in Danish, Norwegian, Swedish and
English are understood; a month without a day counts as that month, a bare
year as December of that year (the reading that makes an article youngest, so
the age check never over-reports).

The data (month names, labels, calls to action, disclosures) lives in
``rules/metadata/metadata.yaml``.
"""

from __future__ import annotations

import datetime as dt
import os
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from heellint.core.document import Document

TODAY_ENVIRONMENT = "HEELLINT_TODAY"


@dataclass(frozen=True, slots=True)
class FoundDate:
    year: int
    month: int
    day: int | None
    start: int  # span of the date (or of the front matter) in the source
    end: int
    origin: str  # "front-matter" | "text"
    kind: str  # "updated" | "published"
    text: str

    def months_before(self, today: dt.date) -> int:
        """Whole months from this date to ``today`` (0 in the same month; negative in the future)."""
        months = (today.year - self.year) * 12 + (today.month - self.month)
        if self.day is not None and today.day < self.day:
            months -= 1
        return months


@dataclass(frozen=True, slots=True)
class MetadataData:
    months: dict[str, int]
    update_labels: tuple[str, ...]
    publication_labels: tuple[str, ...]
    update_keys: tuple[str, ...]
    publication_keys: tuple[str, ...]
    author_keys: tuple[str, ...]
    author_labels: tuple[str, ...]
    calls_to_action: tuple[str, ...]
    disclosures: tuple[str, ...]


def today_from_environment() -> dt.date:
    """Today's date, or ``HEELLINT_TODAY`` (YYYY-MM-DD) when set: tests pin the clock with it."""
    value = os.environ.get(TODAY_ENVIRONMENT)
    if value:
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    return dt.date.today()


@lru_cache(maxsize=1)
def load_metadata_data() -> MetadataData:
    import yaml

    from heellint.resources import rules_dir

    path = rules_dir() / "metadata" / "metadata.yaml"
    # The C parser when PyYAML has it (the same data; a test compares the two).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}

    def strings(key: str) -> tuple[str, ...]:
        return tuple(str(value) for value in data.get(key) or ())

    return MetadataData(
        months={str(key): int(value) for key, value in (data.get("months") or {}).items()},
        update_labels=strings("update-labels"),
        publication_labels=strings("publication-labels"),
        update_keys=strings("update-keys"),
        publication_keys=strings("publication-keys"),
        author_keys=strings("author-keys"),
        author_labels=strings("author-labels"),
        calls_to_action=strings("paid-calls-to-action"),
        disclosures=strings("disclosures"),
    )


def _phrases(phrases: tuple[str, ...]) -> str:
    bodies = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = []
        for word in phrase.split():
            words.append(regex.escape(word[:-1]) + r"\w*" if word.endswith("*") else regex.escape(word))
        bodies.append(r"[ \t]+".join(words))
    return "(?:" + "|".join(bodies) + ")"


_PATTERN_NAMES = ("update", "published", "date", "author", "cta", "disclosure")


@lru_cache(maxsize=1)
def _date_source() -> str:
    month = _phrases(tuple(load_metadata_data().months))
    return (
        rf"(?P<iso>(?P<iy>(?:19|20)\d\d)-(?P<im>\d{{1,2}})(?:-(?P<id>\d{{1,2}}))?)"
        rf"|(?P<num>(?P<nd>\d{{1,2}})[./](?P<nm>\d{{1,2}})[./](?P<ny>(?:19|20)?\d\d))(?![\d./])"
        rf"|(?P<dmy>(?P<dd>\d{{1,2}})\.?[ \t]+(?P<dm>{month})\.?,?[ \t]+(?P<dy>(?:19|20)\d\d))"
        rf"|(?P<mdy>(?P<mm>{month})\.?[ \t]+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<my>(?:19|20)\d\d))"
        rf"|(?P<my2>(?P<mm2>{month})\.?,?[ \t]+(?P<my2y>(?:19|20)\d\d))"
        rf"|(?P<year>(?P<yy>(?:19|20)\d\d))(?![\d./-])"
    )


@lru_cache(maxsize=None)
def _pattern(name: str) -> regex.Pattern:
    """One of the patterns, compiled the first time it is needed (together they took 24 ms, and
    most articles need none: their dates are in front matter, or no label is in their text)."""
    data = load_metadata_data()
    label_gap = r"[ \t]*(?:[:.\-–—][ \t]*)?(?:(?:den|d\.|on|the|am)[ \t]+)?"
    flags = regex.IGNORECASE | regex.VERSION0
    if name == "update":
        return regex.compile(rf"(?<![\w])(?P<label>{_phrases(data.update_labels)}){label_gap}(?:{_date_source()})", flags)
    if name == "published":
        return regex.compile(rf"(?<![\w])(?P<label>{_phrases(data.publication_labels)}){label_gap}(?:{_date_source()})", flags)
    if name == "date":
        return regex.compile(rf"^(?:{_date_source()})", flags)
    if name == "author":
        return regex.compile(
            rf"(?m)^[ \t*_>#\-]*(?P<label>(?i:{_phrases(data.author_labels)}))(?![\w])[ \t]*(?P<colon>:)?[ \t]*"
            rf"(?P<name>\p{{Lu}}[\p{{L}}.'’\-]+(?:[ \t]+\p{{Lu}}[\p{{L}}.'’\-]+)?)",
            regex.VERSION0,
        )
    if name == "cta":
        return regex.compile(rf"(?<![\w]){_phrases(data.calls_to_action)}(?![\w])", flags)
    if name == "disclosure":
        return regex.compile(rf"(?<![\w]){_phrases(data.disclosures)}(?![\w])", flags)
    raise KeyError(name)


def _patterns() -> dict[str, regex.Pattern]:
    """Every pattern by name (each compiled)."""
    return {name: _pattern(name) for name in _PATTERN_NAMES}


def _date_from_match(match: regex.Match, months: dict[str, int]) -> tuple[int, int, int | None] | None:
    group = match.group
    try:
        if group("iso"):
            year, month = int(group("iy")), int(group("im"))
            day = int(group("id")) if group("id") else None
        elif group("num"):
            day, month, year = int(group("nd")), int(group("nm")), int(group("ny"))
            if year < 100:
                year += 2000
            if month > 12 and day <= 12:
                day, month = month, day
        elif group("dmy"):
            day, month, year = int(group("dd")), months[group("dm").casefold()], int(group("dy"))
        elif group("mdy"):
            day, month, year = int(group("md")), months[group("mm").casefold()], int(group("my"))
        elif group("my2"):
            day, month, year = None, months[group("mm2").casefold()], int(group("my2y"))
        elif group("year"):
            day, month, year = None, 12, int(group("yy"))
        else:
            return None
    except (KeyError, ValueError):
        return None
    if not 1 <= month <= 12:
        return None
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
    return year, month, day


def parse_date_text(text: str) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) of a date written alone ("2024-03-05", "mars 2024", "5. marts 2024")."""
    match = _pattern("date").match(text.strip())
    return _date_from_match(match, load_metadata_data().months) if match else None


def _front_matter_date(document: Document, keys: tuple[str, ...], kind: str) -> FoundDate | None:
    if not document.front_matter:
        return None
    lowered = {str(key).casefold().replace("-", "_"): value for key, value in document.front_matter.items()}
    span = document.front_matter_span or (0, 0)
    for key in keys:
        if key not in lowered:
            continue
        value = lowered[key]
        parsed: tuple[int, int, int | None] | None = None
        if isinstance(value, dt.datetime):
            parsed = (value.year, value.month, value.day)
        elif isinstance(value, dt.date):
            parsed = (value.year, value.month, value.day)
        elif isinstance(value, (str, int)):
            parsed = parse_date_text(str(value))
        if parsed:
            return FoundDate(parsed[0], parsed[1], parsed[2], span[0], min(span[1], span[0] + 3),
                             "front-matter", kind, f"{key}: {value}")
    return None


def find_update_date(document: Document) -> FoundDate | None:
    """The date of the last update (or, failing that, of publication); None when there is none."""
    cached = document.cache.get("metadata.date", False)
    if cached is not False:
        return cached
    data = load_metadata_data()
    found = _front_matter_date(document, data.update_keys, "updated")
    if found is None:
        found = _text_date(document, "update", "updated")
    if found is None:
        found = _front_matter_date(document, data.publication_keys, "published")
    if found is None:
        found = _text_date(document, "published", "published")
    document.cache["metadata.date"] = found
    return found


def _text_date(document: Document, pattern_name: str, kind: str) -> FoundDate | None:
    months = load_metadata_data().months
    best: FoundDate | None = None
    for match in _label_matches(document, pattern_name):
        parsed = _date_from_match(match, months)
        if parsed is None:
            continue
        label_end = match.end("label")
        date_start = next(
            (match.start(name) for name in ("iso", "num", "dmy", "mdy", "my2", "year") if match.start(name) >= 0),
            label_end,
        )
        candidate = FoundDate(parsed[0], parsed[1], parsed[2], date_start, match.end(), "text", kind,
                              document.source[match.start():match.end()])
        # Several dates: the newest is the last update.
        if best is None or (candidate.year, candidate.month, candidate.day or 0) > (best.year, best.month, best.day or 0):
            best = candidate
    return best


def _label_matches(document: Document, pattern_name: str) -> Iterator[regex.Match]:
    """``pattern.finditer(prose, block.start, block.end)`` for every block in turn, for a pattern
    (``update``, ``published``) that begins with a label: tried only where a label is, and not
    compiled when none is."""
    text = document.prose
    blocks = document.blocks
    folded = document.cache.get("metadata.folded")
    if folded is None:
        folded = document.cache["metadata.folded"] = text.casefold()
    places = _labels(pattern_name).places(text, folded)
    if places is None:  # the case folds cannot tell: every block, as before
        pattern = _pattern(pattern_name)
        for block in blocks:
            yield from pattern.finditer(text, block.start, block.end)
        return
    if not places:
        return
    pattern = _pattern(pattern_name)
    ends = [block.end for block in blocks]
    resume = -1  # finditer goes on from the end of a match (matches do not leave their block)
    for place in places:
        if place < resume:
            continue
        number = bisect_right(ends, place)
        if number >= len(blocks) or place < blocks[number].start:
            continue  # between blocks
        match = pattern.match(text, place, blocks[number].end)
        if match is not None:
            yield match
            resume = match.end()


class _Labels:
    """Where the labels a date pattern begins with may match in a text, found in its case fold.

    A label matches (case-insensitively, as the regex module compares characters) only where its
    words are, blanks between them, any word characters after a ``*``, and no word character
    before it. The labels are in letters whose case fold says what the regex module finds equal
    (``cues._case_safe``): in a text that folds letter by letter (no "İ", whose fold is two) and
    holds no "ı" (equal to "I" for the regex module, not in its fold), a label can match only
    where its fold is in the text's fold. ``places`` lists the places that pass that test (a
    superset of where the pattern matches), or is None when it cannot tell."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        from heellint.claims.cues import _case_safe

        self.labels: list[tuple[tuple[str, bool], ...]] = []
        self.usable = True
        for phrase in phrases:
            words = []
            for word in phrase.split():
                literal = word[:-1] if word.endswith("*") else word  # ``_phrases``
                if literal and not _case_safe(literal):
                    self.usable = False
                words.append((literal.casefold(), word.endswith("*")))
            if not words or not words[0][0]:
                self.usable = False  # a label that may begin anywhere
            self.labels.append(tuple(words))
        self.firsts = sorted({words[0][0] for words in self.labels}) if self.usable else []

    def places(self, text: str, folded: str | None = None) -> list[int] | None:
        """``folded``: ``text.casefold()``, when the caller has it."""
        if not self.usable:
            return None
        if folded is None:
            folded = text.casefold()
        if len(folded) != len(text) or "\u0131" in text:
            return None
        found = set()
        for first in self.firsts:
            place = folded.find(first)
            while place >= 0:
                found.add(place)
                place = folded.find(first, place + 1)
        return sorted(place for place in found if self._label_at(text, folded, place))

    def _label_at(self, text: str, folded: str, place: int) -> bool:
        if place > 0 and _WORD_CHAR.match(text, place - 1):
            return False  # (?<![\w]) sees the text before the block too
        for words in self.labels:
            position = place
            for index, (literal, wildcard) in enumerate(words):
                if index:
                    gap = position
                    while gap < len(text) and text[gap] in " \t":
                        gap += 1
                    if gap == position:
                        break
                    position = gap
                if not folded.startswith(literal, position):
                    break
                position += len(literal)
                if wildcard:
                    run = _WORD_RUN.match(text, position)
                    if run is not None:
                        position = run.end()
            else:
                return True
        return False


_WORD_CHAR = regex.compile(r"\w")
_WORD_RUN = regex.compile(r"\w+")


@lru_cache(maxsize=None)
def _labels(pattern_name: str) -> _Labels:
    data = load_metadata_data()
    return _Labels(data.update_labels if pattern_name == "update" else data.publication_labels)


def find_author(document: Document) -> str | None:
    data = load_metadata_data()
    if document.front_matter:
        lowered = {str(key).casefold().replace("-", "_"): value for key, value in document.front_matter.items()}
        for key in data.author_keys:
            value = lowered.get(key)
            if value and (isinstance(value, (str, list, dict))):
                return str(value)
    pattern = _pattern("author")
    text = document.prose
    for block in document.blocks:
        for match in pattern.finditer(text, block.start, block.end):
            label = match.group("label")
            if label.casefold() not in {item.casefold() for item in data.author_labels}:
                continue
            name = match.group("name")
            if match.group("colon") or len(name.split()) >= 2:
                return name
    return None


@dataclass(frozen=True, slots=True)
class CallToAction:
    start: int
    end: int
    text: str


def find_paid_calls_to_action(document: Document) -> list[CallToAction]:
    pattern = _pattern("cta")
    text = document.prose
    found = []
    for block in document.blocks:
        for match in pattern.finditer(text, block.start, block.end):
            found.append(CallToAction(match.start(), match.end(), " ".join(match.group().split())))
    return found


def has_disclosure(document: Document) -> bool:
    pattern = _pattern("disclosure")
    if pattern.search(document.prose):
        return True
    for key in ("disclosure", "sponsor", "sponsored", "conflicts_of_interest", "interessekonflikter", "advertising"):
        if key in {str(name).casefold().replace("-", "_") for name in document.front_matter}:
            return True
    return False
