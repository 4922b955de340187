"""Citation markers: what in a sentence points at a source, with exact spans.

Recognised (each a ``Marker`` made of one or more ``Citation`` items):

- numeric: ``(1)``, ``(1, 3)``, ``(1-3)``, ``(1–3)``, ``[1]``, ``[1, 2]``,
  superscripts ``¹``, ``¹²``, ``¹⁻³``, ``¹,³``, HTML ``<sup>1</sup>``, and a link
  whose text is a number and whose destination is an anchor (``[1](#ref-1)``);
- footnotes: ``[^1]`` (a Markdown footnote reference, or the same text in plain text);
- author–year: ``(Rathleff et al., 2015)``, ``(Rathleff mfl. 2015)``,
  ``(Hansen og Olsen 2019)``, ``(Hansen & Olsen, 2019; Berg 2020)``,
  ``(Rathleff 2015a)``, ``(WHO 2020)``, and the narrative ``Rathleff et al. (2015)``;
- a link to a source: a DOI, a literature database, a journal or a health
  authority (``rules/claims/sources.yaml``), linked or written out in the text.

Not markers: ``(n = 120)``, ``(30 %)``, ``(NSAID)``, ``(0-10)``, ``(2019)`` and a
year in running text, a month or a season with a year (``(mars 2020)``), a
number in parentheses that opens a block (an enumeration, ``(1) Stå ...``),
superscripts after a unit (``m²``) or a digit (``10⁶``).

Narrative citations with one name and a year (``Hansen (2019)``) are *weak*:
they count only when a reference of that first author and year exists, since
"Norge (2019)" or "Rapporten (2019)" look the same.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable

from heellint.core.document import Document

NUMERIC = "numeric"
FOOTNOTE = "footnote"
AUTHOR_YEAR = "author-year"
LINK = "link"


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited item inside a marker (``(1, 3)`` holds two)."""

    start: int
    end: int
    text: str
    number: int | None = None  # numeric markers
    label: str | None = None  # footnote markers
    author: str | None = None  # author-year: the first author as written
    year: int | None = None
    suffix: str = ""  # the letter of "2015a"
    url: str | None = None  # link markers


@dataclass(frozen=True, slots=True)
class Marker:
    start: int
    end: int
    kind: str  # NUMERIC | FOOTNOTE | AUTHOR_YEAR | LINK
    citations: tuple[Citation, ...]
    weak: bool = False  # counts only when it resolves (narrative "Name (2019)")
    block: int | None = None

    @property
    def style(self) -> str | None:
        """The citation style for the mixed-style check (links and footnotes have none)."""
        return self.kind if self.kind in (NUMERIC, AUTHOR_YEAR) else None


# ------------------------------------------------------------------ patterns

_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_VALUE = {char: str(index) for index, char in enumerate(_SUPERSCRIPT)}
_SUP_NUMBER = "[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2}"
_NUMBER = r"[1-9]\d{0,2}"
_NUMBER_ITEM = rf"{_NUMBER}(?:[ \t]*[-–—][ \t]*{_NUMBER})?"
_NUMBER_LIST = rf"{_NUMBER_ITEM}(?:[ \t]*[,;][ \t]*{_NUMBER_ITEM})*"
# "(ref. 3)", "(kilde 2)", "(se 4)", "(refs. 1-3)".
_NUMBER_PREFIX = r"(?i:(?:se[ \t]+)?(?:refs?\.?|referanse|reference|kilde|kilder|kjelde|källa|source|sources)[ \t]*:?[ \t]*)"

_PARTICLE = r"(?:van|von|der|den|de|da|du|di|la|le|af|av|ter|ten|al|el|dos|das|del)"
_CAPITALISED = r"\p{Lu}[\p{L}\p{M}'’\-]*\p{L}"
_SURNAME = rf"(?:{_PARTICLE}[ \t]+){{0,3}}{_CAPITALISED}"
_NAME = rf"{_SURNAME}(?:[ \t]+{_CAPITALISED}){{0,3}}"  # multi-word organisations in parentheses
_ET_AL = r"(?:,?[ \t]+(?:et[ \t]*al\.?|m\.?[ \t]?fl\.?|o\.?[ \t]?fl\.?|med[ \t]+flera|med[ \t]+flere|m\.?[ \t]?fl))"
_AND = r"(?:og|&|and|och|und)"
_YEAR = r"(?:1[89]\d\d|20\d\d)[a-z]?"
_PAGES = r"(?:,?[ \t]+(?:s\.|p\.|pp\.|side|sid\.|sida)[ \t]*\d+(?:[ \t]*[-–][ \t]*\d+)?)"
_PRE = r"(?i:(?:se|sjå|jf\.|jfr\.|jvf\.|se[ \t]+også|se[ \t]+fx|fx|f\.eks\.|e\.g\.,?|see|see[ \t]+also|cf\.|bl\.a\.|t\.ex\.)[ \t]+)"


def _authors(name: str) -> str:
    return rf"{name}(?:(?:,[ \t]+{name})*,?[ \t]+{_AND}[ \t]+{name}|{_ET_AL})?"


_CITATION = rf"{_authors(_NAME)},?[ \t]+{_YEAR}(?:[ \t]*,[ \t]*{_YEAR})*{_PAGES}?"
_CITATION_PARTS_SOURCE = (
    rf"(?P<author>{_NAME})(?:(?:,[ \t]+{_NAME})*,?[ \t]+{_AND}[ \t]+{_NAME}|{_ET_AL})?,?[ \t]+"
    rf"(?P<years>{_YEAR}(?:[ \t]*,[ \t]*{_YEAR})*){_PAGES}?"
)

_MARKERS_SOURCE = (
    rf"""
    (?P<paren_number>(?<![\d(])\((?:{_NUMBER_PREFIX})?(?P<paren_list>{_NUMBER_LIST})\))
    | (?P<bracket_number>(?<![\w\[])\[(?P<bracket_list>{_NUMBER_LIST})\](?![(\[]))
    | (?P<footnote>\[\^(?P<footnote_label>[^\]\s]+)\])
    | (?P<superscript>(?<![\d⁰¹²³⁴⁵⁶⁷⁸⁹])
        {_SUP_NUMBER}(?:[ \t]?[,˒⸴‚⁻–\-][ \t]?{_SUP_NUMBER})*(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹]))
    | (?P<paren_author>\({_PRE}?(?P<paren_citations>{_CITATION}(?:[ \t]*;[ \t]*{_CITATION})*)\))
    | (?P<narrative>(?<![\w\-])(?P<narrative_author>{_authors(_SURNAME)})[ \t]*\([ \t]*
        (?P<narrative_years>{_YEAR}(?:[ \t]*[,;][ \t]*{_YEAR})*)[ \t]*\))
    """
)
_SUP_HTML_SOURCE = rf"<sup>\s*[\[(]?({_NUMBER_LIST})[\])]?\s*</sup>"
_LINK_NUMBER_SOURCE = rf"^[\[(]?[ \t]*({_NUMBER_LIST})[ \t]*[\])]?$"
_NUMBER_ITEMS_SOURCE = rf"({_NUMBER})(?:[ \t]*[-–—][ \t]*({_NUMBER}))?"
_YEAR_PARTS_SOURCE = r"(\d{4})([a-z]?)"
_URL_SOURCE = (
    r"\bhttps?://[^\s<>\"'\]\)]*[^\s<>\"'\]\).,;:!?]"
    r"|\bwww\.[^\s<>\"'\]\)]*[^\s<>\"'\]\).,;:!?]"
    r"|\b(?:doi:[ \t]?)10\.\d{4,9}/[^\s\"<>]*[^\s\"<>.,;:)\]]"
    r"|(?<![\w/.])10\.\d{4,9}/[^\s\"<>]*[^\s\"<>.,;:)\]]"
)
_ET_AL_WORDS_SOURCE = r"et\s*al|m\.?\s?fl|o\.?\s?fl|med\s+fler"
_UNIT_BEFORE_SOURCE = r"(?:\b(?:m|cm|mm|km|dm|µm|μm|nm|ft|in|kg/m|g/m|mg/m|m/s|s|x|y|n)|[)\]])[ \t]?$"

# Every marker ``_MARKERS_SOURCE`` finds holds one of these characters (each alternative consumes
# a "(", a "[" or a superscript digit) and no line break: a block without one has no marker,
# and the scan of a block may start at the line of the first one and end with the line of the last.
_TRIGGERS_SOURCE = "[(\\[¹²³⁴⁵⁶⁷⁸⁹]"
# Where a match of ``_URL_SOURCE`` may start (its literal beginnings; zero width, so that every
# place is found): a block without one has no URL.
_URL_STARTS_SOURCE = r"(?=https?://|www\.|doi:|10\.\d)"
# "<sup" as ``str.lower`` sees it: no other character lowers to '<', 's', 'u' or 'p'.
_SUP_OPENING_SOURCE = r"<[sS][uU][pP]"


class _Patterns:
    """The patterns, compiled on first use: importing this module (``claims.references`` does,
    for every file) compiles nothing, and an article without a citation marker never compiles
    the marker pattern (the slow one: ``regex``, for ``\\p{Lu}``)."""

    @cached_property
    def markers(self):
        import regex

        return regex.compile(_MARKERS_SOURCE, regex.VERBOSE | regex.VERSION0)

    @cached_property
    def citation_parts(self):
        import regex

        return regex.compile(_CITATION_PARTS_SOURCE, regex.VERSION0)

    @cached_property
    def triggers(self) -> re.Pattern:
        return re.compile(_TRIGGERS_SOURCE)

    @cached_property
    def url_starts(self) -> re.Pattern:
        return re.compile(_URL_STARTS_SOURCE, re.IGNORECASE)

    @cached_property
    def sup_opening(self) -> re.Pattern:
        return re.compile(_SUP_OPENING_SOURCE)

    @cached_property
    def sup_html(self) -> re.Pattern:
        return re.compile(_SUP_HTML_SOURCE, re.IGNORECASE)

    @cached_property
    def link_number(self) -> re.Pattern:
        return re.compile(_LINK_NUMBER_SOURCE)

    @cached_property
    def number_items(self) -> re.Pattern:
        return re.compile(_NUMBER_ITEMS_SOURCE)

    @cached_property
    def year_parts(self) -> re.Pattern:
        return re.compile(_YEAR_PARTS_SOURCE)

    @cached_property
    def url(self) -> re.Pattern:
        return re.compile(_URL_SOURCE, re.IGNORECASE)

    @cached_property
    def et_al_words(self) -> re.Pattern:
        return re.compile(_ET_AL_WORDS_SOURCE, re.IGNORECASE)

    @cached_property
    def unit_before(self) -> re.Pattern:
        return re.compile(_UNIT_BEFORE_SOURCE)


_P = _Patterns()

_MAX_RANGE = 40

# Capitalised words that are not authors when followed by a year.
_NOT_AUTHORS = frozenset(
    """
    januar februar mars marts märz april mai maj juni juli august september oktober november desember
    december january february march may june july october jan feb mar apr jun jul aug sep sept okt oct nov des dec
    januari februari augusti vår våren sommer sommeren sommar sommaren høst høsten höst hösten vinter vinteren
    vintern forår foråret efterår efteråret spring summer autumn fall winter jul julen påske påsken easter
    figur figure fig tabell tabel table tab uke uge vecka week versjon version udgave utgave utgåva edition
    side sida page kapittel kapitel chapter trinn trin steg step type fase phase kilde kilder källa source
    se sjå see ca cirka omkring about around since siden fra frå från from in i på per år year året
    før etter efter innen inden before after mellom mellem mellan between til till to og and och
    """.split()
)


@lru_cache(maxsize=1)
def source_hosts() -> tuple[str, ...]:
    """Hosts whose links cite a source (``rules/claims/sources.yaml``)."""
    import yaml

    from heellint.resources import rules_dir

    path = rules_dir() / "claims" / "sources.yaml"
    # The C parser when PyYAML has it (the same data; a test compares the two).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    hosts: list[str] = []
    for values in data.values():
        hosts.extend(str(value).lower() for value in values or ())
    return tuple(hosts)


@lru_cache(maxsize=1)
def _source_host_set() -> frozenset[str]:
    return frozenset(source_hosts())


def is_source_url(url: str) -> bool:
    """True for a DOI or a link to a database, journal or health authority."""
    lowered = url.strip().lower()
    if lowered.startswith("doi:") or re.match(r"10\.\d{4,9}/", lowered):
        return True
    match = re.match(r"^(?:[a-z][a-z0-9+.\-]*:)?//([^/?#:]+)", lowered)
    if match is None:
        match = re.match(r"^(www\.[^/?#:]+)", lowered)
        if match is None:
            return False
    host = match.group(1)
    # ``host == known or host.endswith("." + known)`` for a known host: the host itself, or
    # what follows one of its dots, is known.
    known = _source_host_set()
    if host in known:
        return True
    dot = host.find(".")
    while dot >= 0:
        if host[dot + 1:] in known:
            return True
        dot = host.find(".", dot + 1)
    return False


def fold_name(name: str) -> str:
    """A name compared across spellings: case-folded, diacritics removed (Mølgaard ~ Molgaard)."""
    name = name.casefold().replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("đ", "d")
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char) and char.isalnum())


def _surname_key(author: str) -> str:
    """The comparable part of an author: the first capitalised word, particles dropped."""
    words = [word for word in re.split(r"[\s,]+", author.strip()) if word]
    for word in words:
        if word[:1].isupper():
            return fold_name(word)
    return fold_name(words[0]) if words else ""


def author_key(author: str) -> str:
    return _surname_key(author)


def _expand_numbers(text: str, offset: int) -> list[Citation] | None:
    items: list[Citation] = []
    for match in _P.number_items.finditer(text):
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else first
        low, high = min(first, last), max(first, last)
        if high - low > _MAX_RANGE:
            return None
        span = (offset + match.start(), offset + match.end())
        for number in range(low, high + 1):
            items.append(Citation(span[0], span[1], match.group(0), number=number))
    return items or None


def _superscript_citations(text: str, offset: int) -> list[Citation]:
    plain = "".join(_SUPERSCRIPT_VALUE.get(char, "-" if char in "⁻–-" else ("," if char in ",˒⸴‚" else char)) for char in text)
    return _expand_numbers(plain, offset) or []


def _first_author_ok(author: str) -> bool:
    first = author.split()[0] if author.split() else ""
    if first.casefold().strip(",") in _NOT_AUTHORS:
        return False
    return True


def _author_year_citations(content: str, offset: int) -> list[Citation]:
    citations: list[Citation] = []
    for part in _P.citation_parts.finditer(content):
        author = part.group("author")
        if not _first_author_ok(author):
            return []
        for year_match in _P.year_parts.finditer(part.group("years")):
            citations.append(
                Citation(
                    offset + part.start(),
                    offset + part.end(),
                    part.group(0),
                    author=author,
                    year=int(year_match.group(1)),
                    suffix=year_match.group(2),
                )
            )
    return citations


def _scan_range(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the marker pattern finds in ``text[start:end]`` what it finds there: from the line
    of the first trigger character to the end of the line of the last (None: no trigger, no
    marker). No marker holds a line break, and at a line's end the lookaheads see what they see
    at the end of the text."""
    first = _P.triggers.search(text, start, end)
    if first is None:
        return None
    last = first.start()
    for match in _P.triggers.finditer(text, last + 1, end):
        last = match.start()
    scan_end = text.find("\n", last, end)
    return max(start, text.rfind("\n", start, first.start()) + 1), (end if scan_end < 0 else scan_end)


def scan_text(text: str, start: int, end: int, *, block_start: int | None = None, block: int | None = None) -> list[Marker]:
    """Markers written in ``text[start:end]`` (prose: URLs are found by ``scan_urls``)."""
    found: list[Marker] = []
    scan = _scan_range(text, start, end)
    if scan is None:
        return found
    opening = block_start if block_start is not None else start
    for match in _P.markers.finditer(text, *scan):
        kind = match.lastgroup
        if kind in ("paren_number", "bracket_number"):
            # A number in parentheses opening a block is an enumeration: "(1) Stå ...".
            if text[opening:match.start()].strip() == "" and match.end() < end and text[match.end():end].strip():
                continue
            group = "paren_list" if kind == "paren_number" else "bracket_list"
            citations = _expand_numbers(match.group(group), match.start(group))
            if citations:
                found.append(Marker(match.start(), match.end(), NUMERIC, tuple(citations), block=block))
        elif kind == "footnote":
            label = match.group("footnote_label")
            found.append(
                Marker(match.start(), match.end(), FOOTNOTE,
                       (Citation(match.start(), match.end(), match.group(0), label=label),), block=block)
            )
        elif kind == "superscript":
            before = text[max(opening, match.start() - 8):match.start()]
            if _P.unit_before.search(before):
                continue
            citations = _superscript_citations(match.group(0), match.start())
            if citations:
                found.append(Marker(match.start(), match.end(), NUMERIC, tuple(citations), block=block))
        elif kind == "paren_author":
            citations = _author_year_citations(match.group("paren_citations"), match.start("paren_citations"))
            if citations:
                found.append(Marker(match.start(), match.end(), AUTHOR_YEAR, tuple(citations), block=block))
        elif kind == "narrative":
            author = match.group("narrative_author")
            if not _first_author_ok(author):
                continue
            strong = bool(_P.et_al_words.search(author))
            citations = [
                Citation(match.start(), match.end(), match.group(0), author=author,
                         year=int(year.group(1)), suffix=year.group(2))
                for year in _P.year_parts.finditer(match.group("narrative_years"))
            ]
            found.append(Marker(match.start(), match.end(), AUTHOR_YEAR, tuple(citations), weak=not strong, block=block))
    return found


def scan_urls(source: str, start: int, end: int, block: int | None = None) -> list[Marker]:
    """Links to sources written out in the text (bare URLs, ``doi:10...``)."""
    found = []
    if _P.url_starts.search(source, start, end) is None:
        return found
    for match in _P.url.finditer(source, start, end):
        url = match.group(0)
        if is_source_url(url):
            found.append(Marker(match.start(), match.end(), LINK,
                                (Citation(match.start(), match.end(), url, url=url),), block=block))
    return found


def _any_in(positions: list[int], start: int, end: int) -> bool:
    """Does the sorted ``positions`` hold one in ``[start, end)``?"""
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


def find_markers(document: Document, skip_blocks: Iterable[int] = ()) -> list[Marker]:
    """Every citation marker of ``document`` outside ``skip_blocks`` (the reference list), in order."""
    skip = set(skip_blocks)
    prose, source = document.prose, document.source
    markers: list[Marker] = []
    # Where a marker, an HTML superscript or a URL may be (one pass over the document each):
    # the blocks without one are not scanned.
    triggers = [match.start() for match in _P.triggers.finditer(prose)]
    sups = [match.start() for match in _P.sup_opening.finditer(source)]
    for index, block in enumerate(document.blocks):
        if index in skip or block.footnote is not None:
            continue
        if _any_in(triggers, block.start, block.end):
            markers.extend(scan_text(prose, block.start, block.end, block=index))
        window_start, window_end = max(0, block.start - 6), min(len(source), block.end + 7)
        # ``"<sup" in source[window_start:window_end].lower()``
        if _any_in(sups, window_start, window_end - 3):
            for match in _P.sup_html.finditer(source, window_start, window_end):
                citations = _expand_numbers(match.group(1), match.start(1))
                if citations:
                    markers.append(Marker(match.start(), match.end(), NUMERIC, tuple(citations), block=index))
        markers.extend(scan_urls(source, block.start, block.end, block=index))
    for link in document.links:
        index = document.block_at(link.text_start) if link.text_start < link.text_end else document.block_at(link.start)
        if index is None or index in skip or document.blocks[index].footnote is not None:
            continue
        text = source[link.text_start:link.text_end]
        destination = link.destination.strip()
        number = _P.link_number.match(text.strip())
        if number and destination.startswith("#"):
            citations = _expand_numbers(number.group(1), link.text_start + text.index(number.group(1)))
            if citations:
                markers.append(Marker(link.start, link.end, NUMERIC, tuple(citations), block=index))
            continue
        if destination and is_source_url(destination):
            markers.append(Marker(link.start, link.end, LINK,
                                  (Citation(link.start, link.end, text, url=destination),), block=index))
    for reference in document.footnote_refs:
        index = document.block_at(reference.start)
        if index is None:
            # A reference at the very end of a block lies just past its prose.
            index = document.block_at(max(0, reference.start - 1))
        if index is not None and (index in skip or document.blocks[index].footnote is not None):
            continue
        markers.append(
            Marker(reference.start, reference.end, FOOTNOTE,
                   (Citation(reference.start, reference.end, document.source[reference.start:reference.end],
                             label=reference.label),), block=index)
        )
    markers.sort(key=lambda marker: (marker.start, marker.end))
    unique: list[Marker] = []
    for marker in markers:
        # A URL inside a Markdown link is found twice: keep the outer one.
        if unique and marker.start < unique[-1].end and marker.kind == LINK and unique[-1].kind == LINK:
            if marker.end > unique[-1].end:
                unique[-1] = marker
            continue
        unique.append(marker)
    return unique
