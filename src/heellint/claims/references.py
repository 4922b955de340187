"""The reference list: found by its heading, its entries parsed.

A reference section starts at a heading (or a paragraph standing alone, such as
``**Kilder**`` or ``Kilder:``) whose text is one of the reference headings
(Kilder, Referanser, Referencer, Litteratur, Litteraturliste, Källor,
Referenser, References, Sources, Bibliography, ...; config
``references: {headings: [...]}`` adds more) and runs to the next heading of
the same or a higher level. "Les mer / Læs mere / Läs mer / Further reading"
sections are not reference lists.

Entries are the list items of the section (numbered or bulleted), or, when it
has no list, its paragraphs that look like references (a year, a DOI or a URL),
one per line. Markdown footnote definitions (``[^1]: ...``) are references too,
keyed by their label.

From each entry: its number (the list number, a leading ``[1]``/``1.``, or its
position), the first author, the year (``2015a`` keeps its letter), the title
and the DOI, with the span of a DOI that is malformed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from heellint.claims.markers import fold_name
from heellint.core.document import HEADING, LIST_ITEM, PARAGRAPH, Document

DEFAULT_HEADINGS = (
    "bibliography", "bibliografi", "citations", "fodnoter", "fotnoter", "footnotes",
    "kildehenvisninger", "kilder", "kildeliste", "kjelder", "kjeldeliste", "källförteckning", "källor",
    "literature", "literatur", "litteratur", "litteraturförteckning", "litteraturhenvisninger",
    "litteraturliste", "referanseliste", "referanser", "referansar", "references", "reference list",
    "referencer", "referenceliste", "referenser", "referensförteckning", "referensar", "sources", "works cited",
)
# Headings that look related but do not introduce a reference list.
NOT_REFERENCE_HEADINGS = (
    "further reading", "les mer", "les også", "les meir", "læs mere", "læs også", "läs mer", "läs också",
    "mer informasjon", "mere information", "mer information", "more information", "nyttige lenker",
    "nyttige links", "read more", "related articles", "relaterte artikler", "relaterede artikler",
    "relaterade artiklar", "se også", "se även", "see also", "useful links",
)

_NUMBER_PREFIX = re.compile(r"^\s*(?:\[(\d{1,3})\]|\((\d{1,3})\)|(\d{1,3})[.)](?=\s))\s*")
_HEADING_JUNK = re.compile(r"^[\s#*_>\d.)]+|[\s*_:.]+$")
_DOI_LABELLED = re.compile(
    r"(?:(?:\bhttps?://)?(?:dx\.)?\bdoi\.org/|\bdoi\b\s*:?\s*)(?P<doi>\S+(?:[ \t]+(?=/)\S+)?)", re.IGNORECASE
)
_DOI_BARE = re.compile(r"(?<![\w/.])10\.\d{1,9}/\S+")
_DOI_VALID = re.compile(r"^10\.\d{4,9}/\S+$")
_YEAR_PAREN = re.compile(r"\(\s*((?:1[89]|20)\d\d)([a-z]?)\s*[,)]")
_YEAR = re.compile(r"(?<![\d/.\-])((?:1[89]|20)\d\d)([a-z]?)(?![\d])")
_YEAR_PUBLICATION = re.compile(r"(?<![\d/.\-])((?:1[89]|20)\d\d)([a-z]?)(?=\s*[;:]|\s*\.?\s*$)")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE)
_ACRONYM = re.compile(r"\(([A-ZÆØÅÄÖ]{2,8})\)")
_SENTENCE_BREAK = re.compile(r"(?<=[.?!])\s+(?=\S)")
_DATE_LINE = re.compile(
    r"^\s*(?:sist|sidst|senast|senest|last|først|først|first)\s+\w+", re.IGNORECASE
)
_TRAILING = ".,;:>\"'”’»"


@dataclass(frozen=True, slots=True)
class Reference:
    start: int
    end: int
    text: str
    position: int  # 1-based order in the list
    number: int | None  # the number readers cite it by
    label: str | None = None  # a footnote definition's label
    first_author: str | None = None
    author_keys: frozenset[str] = frozenset()
    year: int | None = None
    year_suffix: str = ""
    title: str | None = None
    doi: str | None = None
    doi_span: tuple[int, int] | None = None
    doi_problem: str | None = None


@dataclass(frozen=True, slots=True)
class ReferenceSection:
    heading: int  # block index of the heading
    start: int
    end: int  # span of the heading text
    blocks: frozenset[int]
    references: tuple[Reference, ...]


@dataclass(frozen=True, slots=True)
class ReferenceIndex:
    sections: tuple[ReferenceSection, ...]
    references: tuple[Reference, ...]  # the numbered/author-year list (every section, in order)
    footnotes: dict[str, Reference] = field(default_factory=dict)
    skip_blocks: frozenset[int] = frozenset()
    numbered: dict[int, Reference] = field(default_factory=dict)  # number -> first entry with it

    @property
    def found(self) -> bool:
        """Is there any reference list (a section or footnote definitions)?"""
        return bool(self.sections) or bool(self.footnotes)

    def by_number(self) -> dict[int, Reference]:
        return self.numbered


def normalise_heading(text: str) -> str:
    text = _HEADING_JUNK.sub("", text.replace("**", "").replace("__", ""))
    return " ".join(text.casefold().split())


def is_reference_heading(text: str, headings: frozenset[str]) -> bool:
    normalised = normalise_heading(text)
    if not normalised or normalised in NOT_REFERENCE_HEADINGS:
        return False
    if normalised in headings:
        return True
    # "Kilder og referanser", "References and further reading", "Källor / Läs mer".
    match = re.match(r"^(.+?)(?:\s+(?:og|and|och|&)\s+|\s*[/,]\s*)(.+)$", normalised)
    if match and match.group(1) in headings and len(match.group(2).split()) <= 3:
        return True
    return False


def find_references(document: Document, extra_headings: tuple[str, ...] = ()) -> ReferenceIndex:
    cached = document.cache.get(("claims.references", extra_headings))
    if cached is not None:
        return cached
    headings = frozenset(DEFAULT_HEADINGS) | frozenset(normalise_heading(text) for text in extra_headings)
    blocks = document.blocks
    source = document.source
    sections: list[ReferenceSection] = []
    skip: set[int] = set()
    index = 0
    while index < len(blocks):
        block = blocks[index]
        candidate = block.kind == HEADING or (
            block.kind == PARAGRAPH and not block.list_item and block.footnote is None
            and len(source[block.start:block.end]) <= 60
        )
        if not candidate or not is_reference_heading(source[block.start:block.end], headings):
            index += 1
            continue
        level = block.level if block.kind == HEADING else 7
        members: list[int] = []
        following = index + 1
        while following < len(blocks):
            other = blocks[following]
            if other.kind == HEADING and (document.syntax != "markdown" or other.level <= level or level == 7):
                # In plain text a short reference line ("Helsedirektoratet. Kostråd. 2021") can pass
                # for a heading; it stays in the list.
                if document.syntax == "markdown" or not _looks_like_reference(source[other.start:other.end]):
                    break
            if other.footnote is None:
                members.append(following)
            following += 1
        references = _section_entries(document, members, start_position=sum(len(s.references) for s in sections))
        sections.append(ReferenceSection(index, block.start, block.end, frozenset(members), tuple(references)))
        skip.add(index)
        skip.update(members)
        index = following
    footnotes = _footnote_entries(document)
    for number, block in enumerate(blocks):
        if block.footnote is not None:
            skip.add(number)
    all_references = tuple(reference for section in sections for reference in section.references)
    numbered: dict[int, Reference] = {}
    for reference in all_references:
        if reference.number is not None and reference.number not in numbered:
            numbered[reference.number] = reference
    result = ReferenceIndex(tuple(sections), all_references, footnotes, frozenset(skip), numbered)
    document.cache[("claims.references", extra_headings)] = result
    return result


def _section_entries(document: Document, members: list[int], start_position: int) -> list[Reference]:
    blocks = document.blocks
    source = document.source
    spans: list[tuple[int, int, int | None]] = []  # (start, end, list number)
    items = [number for number in members if blocks[number].kind == LIST_ITEM or blocks[number].list_item]
    if items:
        groups: dict[int, list[int]] = {}
        order: list[int] = []
        for number in items:
            key = blocks[number].item_id if blocks[number].item_id is not None else -number - 1
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append(number)
        for key in order:
            first, last = blocks[groups[key][0]], blocks[groups[key][-1]]
            # The number written in the source ("4." after a deleted "3.") wins over the
            # renumbered one a Markdown renderer would show: citations follow the source.
            number = _written_list_number(source, first.start)
            spans.append((first.start, last.end, number if number is not None else first.list_number))
    else:
        for number in members:
            block = blocks[number]
            if block.kind == HEADING and not _looks_like_reference(source[block.start:block.end]):
                continue
            text = source[block.start:block.end]
            lines = [(match.start(), match.end()) for match in re.finditer(r"[^\n]+", text)]
            candidates = [(block.start + start, block.start + end) for start, end in lines]
            if len(candidates) > 1 and not all(_looks_like_reference(source[s:e]) for s, e in candidates):
                candidates = [(block.start, block.end)]
            for start, end in candidates:
                if _looks_like_reference(source[start:end]):
                    spans.append((start, end, None))
    references = []
    for offset, (start, end, list_number) in enumerate(spans, start=1):
        references.append(parse_entry(source, start, end, start_position + offset, list_number))
    return references


_LIST_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]*)*(\d{1,3})[.)][ \t]+$")


def _written_list_number(source: str, content_start: int) -> int | None:
    line_start = source.rfind("\n", 0, content_start) + 1
    match = _LIST_PREFIX.match(source[line_start:content_start])
    return int(match.group(1)) if match else None


def _footnote_entries(document: Document) -> dict[str, Reference]:
    grouped: dict[str, list[int]] = {}
    for number, block in enumerate(document.blocks):
        if block.footnote is not None:
            grouped.setdefault(block.footnote, []).append(number)
    footnotes = {}
    for position, (label, numbers) in enumerate(grouped.items(), start=1):
        first, last = document.blocks[numbers[0]], document.blocks[numbers[-1]]
        entry = parse_entry(document.source, first.start, last.end, position, None)
        footnotes[label] = Reference(**{**_as_dict(entry), "label": label})
    return footnotes


def _as_dict(reference: Reference) -> dict:
    return {name: getattr(reference, name) for name in Reference.__slots__}


def _looks_like_reference(text: str) -> bool:
    stripped = text.strip()
    if not stripped or _DATE_LINE.match(stripped):
        return False
    if _URL.search(stripped) or _DOI_BARE.search(stripped) or re.search(r"\bdoi\b", stripped, re.IGNORECASE):
        return True
    return bool(_YEAR.search(stripped)) and len(stripped.split()) >= 3


def _clean_doi(raw: str) -> str:
    doi = raw
    while doi and doi[-1] in _TRAILING:
        doi = doi[:-1]
    # A closing bracket belongs to the DOI only when the DOI opened it: 10.1016/S0140-6736(20)30183-5
    while doi and doi[-1] in ")]" and doi.count("(" if doi[-1] == ")" else "[") < doi.count(doi[-1]):
        doi = doi[:-1]
        while doi and doi[-1] in _TRAILING:
            doi = doi[:-1]
    return doi


def parse_entry(source: str, start: int, end: int, position: int, list_number: int | None) -> Reference:
    raw = source[start:end]
    number = list_number
    prefix = _NUMBER_PREFIX.match(raw)
    body_offset = 0
    if prefix:
        body_offset = prefix.end()
        explicit = next(group for group in prefix.groups() if group)
        if number is None:
            number = int(explicit)
    if number is None:
        number = position
    body = raw[body_offset:]
    text = " ".join(body.split())

    doi = doi_span = doi_problem = None
    labelled = _DOI_LABELLED.search(body)
    if labelled:
        token = labelled.group("doi")
        token_start = start + body_offset + labelled.start("doi")
        cleaned = _clean_doi(token)
        doi_span = (token_start, token_start + max(len(cleaned), 1))
        if any(char.isspace() for char in cleaned) or not _DOI_VALID.match(cleaned):
            doi_problem = cleaned
        else:
            doi = cleaned
    else:
        bare = _DOI_BARE.search(body)
        if bare:
            cleaned = _clean_doi(bare.group(0))
            token_start = start + body_offset + bare.start()
            doi_span = (token_start, token_start + len(cleaned))
            if _DOI_VALID.match(cleaned):
                doi = cleaned
            else:
                doi_problem = cleaned

    # Years and authors are read with DOIs and URLs blanked out.
    plain = _URL.sub(lambda match: " " * len(match.group()), body)
    plain = _DOI_LABELLED.sub(lambda match: " " * len(match.group()), plain)
    plain = _DOI_BARE.sub(lambda match: " " * len(match.group()), plain)
    year = None
    suffix = ""
    year_match = _YEAR_PAREN.search(plain)
    apa = year_match is not None and year_match.start() < 400
    if not apa:
        # Vancouver puts the year before ';' ("2015;25(3)"), reports and books at the end
        # ("Oslo; 2021."); a year inside a title ("Agenda 2030") is neither.
        year_match = _YEAR_PUBLICATION.search(plain) or _YEAR.search(plain)
    if year_match:
        year = int(year_match.group(1))
        suffix = year_match.group(2)

    first_author = None
    keys: set[str] = set()
    words = re.findall(r"[^\W\d_][\w'’\-]*", plain)
    particles = {"van", "von", "der", "den", "de", "da", "du", "di", "la", "le", "af", "av", "ter", "ten"}
    leading = []
    for word in words:
        leading.append(word)
        if word.casefold() not in particles:
            break
    if leading:
        first_author = " ".join(leading)
        keys.add(fold_name(leading[-1]))
    author_part = plain[: year_match.start()] if year_match else plain[:120]
    author_part = author_part[:160]
    for acronym in _ACRONYM.findall(author_part):
        keys.add(fold_name(acronym))
    capitalised = re.findall(r"\b[A-ZÆØÅÄÖÜ][\w\-]*", author_part.split(".")[0])
    if len(capitalised) >= 2:
        keys.add(fold_name("".join(word[0] for word in capitalised)))

    title = _title(plain, year_match if apa else None)
    return Reference(
        start=start + body_offset,
        end=end,
        text=text,
        position=position,
        number=number,
        first_author=first_author,
        author_keys=frozenset(key for key in keys if key),
        year=year,
        year_suffix=suffix,
        title=title,
        doi=doi,
        doi_span=doi_span,
        doi_problem=doi_problem,
    )


def _title(plain: str, apa_year: re.Match | None) -> str | None:
    if apa_year is not None:
        rest = plain[apa_year.end():].lstrip(" .)")
        pieces = _SENTENCE_BREAK.split(rest, maxsplit=1)
        candidate = pieces[0].strip(" .") if pieces else ""
        return candidate if len(candidate.split()) >= 3 else None
    pieces = [piece.strip(" .") for piece in _SENTENCE_BREAK.split(plain)]
    # The first piece is the author list ("Rathleff MS, Mølgaard CM, et al").
    for piece in pieces[1:]:
        if len(piece.split()) >= 3:
            return piece
    return None
