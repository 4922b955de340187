"""Reading XLIFF 1.2 and 2.x with exact positions, through defusedxml only.

The file is parsed by ``defusedxml.ElementTree.DefusedXMLParser`` (expat with
entity declarations and external references forbidden: a "billion laughs" or
an external-entity file is rejected before anything is expanded). Text
buffering is switched off and every event's ``CurrentByteIndex`` is read, so
each character of a ``<source>``/``<target>`` text is known to come from an
exact place of the file (a character reference ``&#230;`` or ``&amp;`` maps to
its whole reference).

What is read:

- XLIFF 1.x: ``<file source-language target-language>``, ``<trans-unit id
  translate>`` with ``<source>``, ``<seg-source>`` and ``<target state>``
  (``<alt-trans>`` proposals are skipped). When the unit has a ``<seg-source>``
  segmented with ``<mrk mtype="seg" mid>`` and the target uses the same
  markers, each ``mid`` is a segment of its own.
- XLIFF 2.x: ``<xliff srcLang trgLang>``, ``<unit id translate>`` with
  ``<segment id state>`` holding ``<source>`` and ``<target>``
  (``<ignorable>`` is skipped).
- Inline markup: text inside ``<g>``, ``<pc>`` and ``<mrk>`` is text; ``<x/>``,
  ``<bx/>``, ``<ex/>``, ``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``, ``<sc/>``,
  ``<ec/>``, ``<sm/>``, ``<em/>``, ``<cp/>`` are codes: they count as a space
  and their content (native code) is not prose.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from heellint.core.document import PARAGRAPH, Block, Document
from heellint.language import normalise_language
from heellint.parse.masking import mask_urls
from heellint.xcheck.model import Mapping

XLIFF_SUFFIXES = (".xlf", ".xliff", ".xlif", ".sdlxliff", ".mqxliff", ".mxliff")

# Inline elements whose content is text (1.2: g, mrk; 2.x: pc, mrk).
_TRANSPARENT = frozenset({"g", "mrk", "pc"})
# Inline codes: a space in the text, their content skipped.
_CODES = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it", "sub", "sc", "ec", "sm", "em", "cp"})
_SKIPPED_CONTAINERS = frozenset({"alt-trans", "ignorable", "note", "notes", "context-group", "prop-group",
                                 "header", "originalData", "matches", "metadata", "glossary"})


class XliffError(Exception):
    """The file cannot be read as XLIFF (the message says why)."""


@dataclass(slots=True)
class Text:
    """The text of one ``<source>``/``<target>`` (or one ``mrk`` segment of it)."""

    chars: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    def add(self, text: str, start: int, end: int, exact: bool) -> None:
        """``text`` read from the file at [start, end): character by character
        when ``exact``, else every character stands for the whole span (a
        character reference, a normalised line break, an inline code)."""
        count = len(text)
        self.chars.extend(text)
        if exact:
            self.starts.extend(range(start, start + count))
            self.ends.extend(range(start + 1, start + count + 1))
        else:
            self.starts.extend([start] * count)
            self.ends.extend([end] * count)

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def slice(self, start: int, end: int) -> Text:
        return Text(self.chars[start:end], self.starts[start:end], self.ends[start:end])


@dataclass(slots=True)
class Element:
    """The extent of an element in the file: its start tag and its whole span."""

    start: int  # offset of '<'
    tag_end: int  # just past the start tag's '>'
    end: int = -1  # just past the end tag (or the empty-element tag)


@dataclass(slots=True)
class Segment:
    unit_id: str
    segment_id: str | None
    source: Text | None
    target: Text | None
    unit: Element  # the trans-unit / segment element (where to point when the target is missing)
    target_element: Element | None
    state: str | None
    translate: bool
    source_lang: str | None
    target_lang: str | None

    @property
    def label(self) -> str:
        if self.segment_id is None:
            return f"unit '{self.unit_id}'"
        return f"unit '{self.unit_id}' segment '{self.segment_id}'"


@dataclass(slots=True)
class XliffFile:
    path: str
    text: str
    version: str
    segments: list[Segment]


def looks_like_xliff(path: str, head: str) -> bool:
    if path.lower().endswith(XLIFF_SUFFIXES):
        return True
    stripped = head.lstrip("\ufeff \t\r\n")
    return stripped.startswith("<") and "<xliff" in head[:4096]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _tag_end(text: str, position: int) -> int:
    """Offset just past the '>' of the tag starting at ``position`` (quotes respected)."""
    quote = None
    index = position
    length = len(text)
    while index < length:
        char = text[index]
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == ">":
            return index + 1
        index += 1
    return length


class _Offsets:
    """UTF-8 byte offsets (ascending) to code-point offsets, incrementally."""

    def __init__(self, text: str, data: bytes) -> None:
        self.data = data
        self.ascii = len(data) == len(text)
        self.byte = 0
        self.char = 0

    def __call__(self, byte: int) -> int:
        if self.ascii:
            return byte
        if byte < self.byte:  # never expected: restart from the beginning
            self.byte = self.char = 0
        self.char += len(self.data[self.byte:byte].decode("utf-8", errors="replace"))
        self.byte = byte
        return self.char


class _Builder:
    """The parser target: tracks where we are and collects the texts."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.expat = None  # set once the parser exists
        self.offsets: _Offsets | None = None
        self.stack: list[tuple[str, dict, Element]] = []
        self.version: str | None = None
        self.root_source_lang: str | None = None
        self.root_target_lang: str | None = None
        self.file_source_lang: str | None = None
        self.file_target_lang: str | None = None
        self.segments: list[Segment] = []
        # Current unit (1.2 trans-unit or 2.x unit) and segment.
        self.unit: dict | None = None
        self.segment: dict | None = None
        # The text being collected: (kind, Text, depth of skipped code elements).
        self.collecting: Text | None = None
        self.collecting_kind: str | None = None
        self.skip_depth = 0
        self.container_skip = 0
        self.mrk_segments: list[tuple[str, int]] = []  # (mid, start index) of mrk mtype=seg in the current text
        self.mrk_stack: list[tuple[str | None, int]] = []

    # ------------------------------------------------------------ positions
    def _here(self) -> int:
        assert self.expat is not None and self.offsets is not None
        return self.offsets(self.expat.CurrentByteIndex)

    # --------------------------------------------------------------- events
    def start(self, tag: str, attrib: dict) -> None:
        position = self._here()
        element = Element(position, _tag_end(self.text, position))
        name = _local(tag)
        self.stack.append((name, attrib, element))
        depth = len(self.stack)
        if depth == 1:
            if name != "xliff":
                raise XliffError(f"not an XLIFF file: the root element is <{name}>, not <xliff>")
            self.version = attrib.get("version") or ("2.0" if "document:2" in tag else "1.2")
            self.root_source_lang = attrib.get("srcLang")
            self.root_target_lang = attrib.get("trgLang")
            return
        if self.container_skip:
            self.container_skip += 1
            return
        if self.collecting is not None:
            if self.skip_depth:
                self.skip_depth += 1
            elif name in _CODES:
                self.collecting.add(" ", element.start, element.tag_end, exact=False)
                self.skip_depth = 1
            elif name == "mrk":
                mid = attrib.get("mid") if attrib.get("mtype") == "seg" else None
                self.mrk_stack.append((mid, len(self.collecting.chars)))
            return
        if name in _SKIPPED_CONTAINERS:
            self.container_skip = 1
            return
        if name == "file":
            self.file_source_lang = attrib.get("source-language")
            self.file_target_lang = attrib.get("target-language")
        elif name == "trans-unit" or (name == "unit" and self._v2()):
            self.unit = {"id": attrib.get("id", "?"), "element": element,
                         "translate": attrib.get("translate", "yes") != "no", "source": None, "target": None,
                         "seg_source": None, "target_element": None, "state": None,
                         "source_mrk": [], "target_mrk": []}
        elif name == "segment" and self._v2() and self.unit is not None:
            self.segment = {"id": attrib.get("id"), "element": element, "source": None, "target": None,
                            "target_element": None, "state": attrib.get("state")}
        elif name in ("source", "target", "seg-source") and self._in_text_parent():
            self.collecting = Text()
            self.collecting_kind = name
            self.mrk_segments = []
            self.mrk_stack = []
            holder = self.segment if self.segment is not None else self.unit
            if name == "target" and holder is not None:
                holder["target_element"] = element
                if holder.get("state") is None:
                    holder["state"] = attrib.get("state")
                lang = attrib.get("{http://www.w3.org/XML/1998/namespace}lang")
                if lang:
                    holder["target_lang"] = lang

    def end(self, tag: str) -> None:
        position = self._here()
        name, attrib, element = self.stack.pop()
        # An end tag is found from its '<'; an empty-element tag (<x/>) ends with its start tag.
        if self.text.startswith("</", position):
            element.end = _tag_end(self.text, position)
        else:
            element.end = element.tag_end
        if self.container_skip:
            self.container_skip -= 1
            return
        if self.collecting is not None and name not in ("source", "target", "seg-source"):
            if self.skip_depth:
                self.skip_depth -= 1
            elif name == "mrk" and self.mrk_stack:
                mid, begin = self.mrk_stack.pop()
                if mid is not None:
                    self.mrk_segments.append((mid, begin, len(self.collecting.chars)))
            return
        if self.collecting is not None and name == self.collecting_kind:
            holder = self.segment if self.segment is not None else self.unit
            if holder is not None:
                key = "seg_source" if name == "seg-source" else name
                holder[key] = self.collecting
                if name in ("seg-source", "target") and self.unit is not None and self.segment is None:
                    self.unit["source_mrk" if name == "seg-source" else "target_mrk"] = list(self.mrk_segments)
            self.collecting = None
            self.collecting_kind = None
            return
        if name == "segment" and self.segment is not None:
            self._emit_segment()
        elif name == "trans-unit" or (name == "unit" and self._v2()):
            if self.unit is not None and not self._v2():
                self._emit_unit_12()
            self.unit = None
        elif name == "file":
            self.file_source_lang = self.file_target_lang = None

    def data(self, text: str) -> None:
        if self.collecting is None or self.skip_depth or self.container_skip:
            return
        start = self._here()
        source = self.text
        if source.startswith(text, start):
            self.collecting.add(text, start, start + len(text), exact=True)
        elif source.startswith("&", start):
            end = source.find(";", start)
            end = end + 1 if end != -1 else start + 1
            self.collecting.add(text, start, end, exact=False)
        elif source.startswith("\r\n", start) and text == "\n":
            self.collecting.add(text, start, start + 2, exact=False)
        elif source.startswith("<![CDATA[", start) and source.startswith(text, start + 9):
            self.collecting.add(text, start + 9, start + 9 + len(text), exact=True)
        else:
            found = source.find(text, start, start + len(text) + 32)
            if found != -1:
                self.collecting.add(text, found, found + len(text), exact=True)
            else:
                self.collecting.add(text, start, start + 1, exact=False)

    def close(self) -> None:
        return None

    # -------------------------------------------------------------- helpers
    def _v2(self) -> bool:
        return bool(self.version) and not self.version.startswith("1")

    def _in_text_parent(self) -> bool:
        parent = self.stack[-2][0] if len(self.stack) >= 2 else ""
        if self._v2():
            return parent == "segment" and self.segment is not None
        return parent == "trans-unit" and self.unit is not None

    def _langs(self) -> tuple[str | None, str | None]:
        if self._v2():
            return self.root_source_lang, self.root_target_lang
        return (self.file_source_lang or self.root_source_lang, self.file_target_lang or self.root_target_lang)

    def _emit_segment(self) -> None:
        segment, unit = self.segment, self.unit
        assert segment is not None and unit is not None
        source_lang, target_lang = self._langs()
        self.segments.append(Segment(
            unit_id=unit["id"], segment_id=segment["id"], source=segment["source"], target=segment["target"],
            unit=segment["element"], target_element=segment["target_element"], state=segment["state"],
            translate=unit["translate"], source_lang=source_lang,
            target_lang=segment.get("target_lang") or target_lang,
        ))
        self.segment = None

    def _emit_unit_12(self) -> None:
        unit = self.unit
        assert unit is not None
        source_lang, target_lang = self._langs()
        target_lang = unit.get("target_lang") or target_lang
        source_mrk = unit["source_mrk"]
        target_mrk = {mid: (begin, end) for mid, begin, end in unit["target_mrk"]}
        seg_source: Text | None = unit["seg_source"]
        target: Text | None = unit["target"]
        if seg_source is not None and source_mrk and target is not None and target_mrk:
            for mid, begin, end in source_mrk:
                target_span = target_mrk.get(mid)
                self.segments.append(Segment(
                    unit_id=unit["id"], segment_id=mid, source=seg_source.slice(begin, end),
                    target=target.slice(*target_span) if target_span else None, unit=unit["element"],
                    target_element=unit["target_element"], state=unit["state"], translate=unit["translate"],
                    source_lang=source_lang, target_lang=target_lang,
                ))
            return
        self.segments.append(Segment(
            unit_id=unit["id"], segment_id=None, source=unit["source"], target=target, unit=unit["element"],
            target_element=unit["target_element"], state=unit["state"], translate=unit["translate"],
            source_lang=source_lang, target_lang=target_lang,
        ))


def read_xliff(path: str, text: str) -> XliffFile:
    """Parse ``text`` (the decoded file) as XLIFF; ``XliffError`` says why not."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    builder = _Builder(text)
    data = text.encode("utf-8")
    # The text is already decoded: tell expat it is UTF-8 whatever the declaration says.
    parser = DefusedXMLParser(target=builder, encoding="utf-8", forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    expat = parser.parser
    expat.buffer_text = False
    builder.expat = expat
    builder.offsets = _Offsets(text, data)
    try:
        parser.feed(data)
        parser.close()
    except DefusedXmlException as error:
        raise XliffError(_refusal(error)) from None
    except ParseError as error:
        line, column = getattr(error, "position", (None, None))
        where = f"line {line}, column {column + 1}: " if line else ""
        message = str(error).split(":")[0]
        raise XliffError(f"{where}not well-formed XML ({message})") from None
    if builder.version is None:
        raise XliffError("not an XLIFF file (no <xliff> root element)")
    return XliffFile(path, text, builder.version, builder.segments)


def _refusal(error: Exception) -> str:
    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

    if isinstance(error, EntitiesForbidden) and getattr(error, "sysid", None):
        return (f"refused: the file declares the external entity '{error.name}' ({error.sysid}); external "
                "entities are never loaded and entities are never expanded (protection against external-entity "
                "and 'billion laughs' attacks). XLIFF needs no entity declarations: remove the DOCTYPE's "
                "internal subset")
    if isinstance(error, EntitiesForbidden):
        return (f"refused: the file declares the XML entity '{error.name}'; entities are not expanded "
                "(protection against 'billion laughs' and external-entity attacks). XLIFF needs no entity "
                "declarations: remove the DOCTYPE's internal subset")
    if isinstance(error, ExternalReferenceForbidden):
        return (f"refused: the file references the external resource '{error.sysid}'; external entities are "
                "never loaded")
    if isinstance(error, DTDForbidden):
        return "refused: the file has a document type declaration"
    return f"refused: {error}"


# -------------------------------------------------------- synthetic documents


def build_document(path: str, texts: list[Text | None], lang: str | None) -> tuple[Document, Mapping, list[tuple[int, int] | None]]:
    """One synthetic document for ``texts`` (one paragraph block each, blank
    lines between them), the map back to the file, and each text's span in
    the document (None for a missing or blank text)."""
    pieces: list[str] = []
    mapping = Mapping()
    spans: list[tuple[int, int] | None] = []
    blocks: list[Block] = []
    position = 0
    last_raw = 0
    for text in texts:
        if pieces:
            pieces.append("\n\n")
            mapping.extend((last_raw, last_raw), (last_raw, last_raw))
            position += 2
        if text is None or not text.text.strip():
            spans.append(None)
            continue
        value = text.text
        pieces.append(value)
        mapping.extend(text.starts, text.ends)
        if text.ends:
            last_raw = text.ends[-1]
        span = (position, position + len(value))
        spans.append(span)
        blocks.append(Block(PARAGRAPH, span[0], span[1]))
        position += len(value)
    source = "".join(pieces)
    # Line breaks inside a segment stay line breaks; nothing else is masked but
    # URLs and e-mail addresses (inline codes are already spaces).
    prose = mask_urls(source)
    document = Document(path=path, source=source, prose=prose, syntax="text", blocks=tuple(blocks), lang=lang,
                        lang_source="front-matter" if lang else None)
    return document, mapping, spans


def file_language(value: str | None) -> str | None:
    """An XLIFF language tag (``nb-NO``, ``da``, ``sv-SE``) as one of nb nn da sv en."""
    if not value:
        return None
    lang = normalise_language(value)
    if lang:
        return lang
    primary = value.replace("_", "-").split("-")[0]
    return normalise_language(primary)
