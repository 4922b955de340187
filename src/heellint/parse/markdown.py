"""Markdown through pyromark: every event carries its byte range, so each prose
character keeps its exact place in the source.

Prose is the text of headings, paragraphs, list items, table cells, link text
and image alt text. Code (blocks and inline), HTML, front matter, link
destinations, footnote references and autolinked URLs are masked out.
"""

from __future__ import annotations

import re

import pyromark

from heellint.core.document import HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Comment, Document, FootnoteRef, Link
from heellint.parse.frontmatter import split_front_matter
from heellint.parse.masking import assemble

_OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_TASKLISTS
    | pyromark.Options.ENABLE_YAML_STYLE_METADATA_BLOCKS
)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_LEAF = {"Paragraph": PARAGRAPH, "Heading": HEADING, "TableCell": TABLE_CELL}


class _ByteToChar:
    """Converts ascending UTF-8 byte offsets to code-point offsets in one pass."""

    def __init__(self, text: str) -> None:
        self._data = text.encode("utf-8")
        self._ascii = len(self._data) == len(text)

    def convert(self, offsets: set[int]) -> dict[int, int]:
        if self._ascii:
            return {offset: offset for offset in offsets}
        result = {}
        previous_byte = previous_char = 0
        data = self._data
        for offset in sorted(offsets):
            previous_char += len(data[previous_byte:offset].decode("utf-8", errors="replace"))
            previous_byte = offset
            result[offset] = previous_char
        return result


def _name(event: object) -> tuple[str, object]:
    if isinstance(event, str):
        return event, None
    (key, value), = event.items()  # type: ignore[union-attr]
    return key, value


def parse_markdown(path: str, source: str) -> Document:
    front_matter, front_span, front_error = split_front_matter(source)
    events = list(pyromark.events_with_range(source, options=_OPTIONS))
    offsets: set[int] = set()
    for _, span in events:
        offsets.add(span["start"])
        offsets.add(span["end"])
    to_char = _ByteToChar(source).convert(offsets)

    kept: list[tuple[int, int]] = []
    blocks: list[Block] = []
    links: list[Link] = []
    comments: list[Comment] = []
    footnote_refs: list[FootnoteRef] = []

    # Context stacks.
    containers: list[str] = []  # every open Start name
    list_numbers: list[int | None] = []  # per open list: next number or None
    item_stack: list[tuple[int, int | None]] = []  # (item id, number)
    link_stack: list[tuple[int, int, str]] = []  # (start, text_start, destination)
    footnote_label: list[str] = []
    verbatim = 0  # inside code block, HTML block or metadata block
    next_item_id = 0

    current: dict | None = None  # the open leaf block

    def open_block(kind: str, level: int = 0) -> dict:
        return {"kind": kind, "level": level, "first": None, "last": None}

    def flush() -> None:
        nonlocal current
        if current is not None and current["first"] is not None:
            in_item = bool(item_stack)
            kind = current["kind"]
            blocks.append(
                Block(
                    kind=kind,
                    start=current["first"],
                    end=current["last"],
                    level=current["level"] or (len(item_stack) if kind == LIST_ITEM else 0),
                    quote="BlockQuote" in containers,
                    list_item=in_item,
                    list_number=item_stack[-1][1] if in_item else None,
                    footnote=footnote_label[-1] if footnote_label else None,
                    item_id=item_stack[-1][0] if in_item else None,
                )
            )
        current = None

    def keep(start: int, end: int) -> None:
        nonlocal current
        if start >= end:
            return
        if current is None:
            # Text directly in a tight list item (or a container without a leaf).
            current = open_block(LIST_ITEM if item_stack else PARAGRAPH)
        kept.append((start, end))
        if current["first"] is None:
            current["first"] = start
        current["last"] = end

    for event, span in events:
        start, end = to_char[span["start"]], to_char[span["end"]]
        # _name(event), inlined: this loop runs once per Markdown event.
        if type(event) is str:
            name, value = event, None
        else:
            (name, value), = event.items()
        if name == "Text":
            if verbatim:
                continue
            text = value if isinstance(value, str) else ""
            if len(text) == end - start or source[start:end] == text:
                keep(start, end)
            # else: an escape or entity; its characters are not prose.
            continue
        if name == "Start":
            tag, attributes = _name(value)
            containers.append(tag)
            if tag in ("CodeBlock", "HtmlBlock", "MetadataBlock"):
                flush()
                verbatim += 1
            elif tag in _LEAF:
                flush()
                level = 0
                if tag == "Heading":
                    level = int(str(attributes["level"])[1:]) if isinstance(attributes, dict) else 1
                current = open_block(_LEAF[tag], level)
            elif tag == "List":
                flush()
                list_numbers.append(attributes if isinstance(attributes, int) else None)
            elif tag == "Item":
                flush()
                number = list_numbers[-1] if list_numbers else None
                if list_numbers and number is not None:
                    list_numbers[-1] = number + 1
                item_stack.append((next_item_id, number))
                next_item_id += 1
            elif tag in ("BlockQuote", "Table", "TableHead", "TableRow", "DefinitionList"):
                flush()
            elif tag == "FootnoteDefinition":
                flush()
                footnote_label.append(str(attributes))
            elif tag in ("Link", "Image"):
                destination = attributes.get("dest_url", "") if isinstance(attributes, dict) else ""
                link_type = attributes.get("link_type", "") if isinstance(attributes, dict) else ""
                link_stack.append((start, -1, destination, str(link_type), end))
        elif name == "End":
            tag, _ = _name(value)
            if containers:
                containers.pop()
            if tag in ("CodeBlock", "HtmlBlock", "MetadataBlock"):
                verbatim = max(0, verbatim - 1)
            elif tag in ("Paragraph", "Heading", "TableCell"):
                flush()
            elif tag == "List":
                flush()
                if list_numbers:
                    list_numbers.pop()
            elif tag == "Item":
                flush()
                if item_stack:
                    item_stack.pop()
            elif tag == "FootnoteDefinition":
                flush()
                if footnote_label:
                    footnote_label.pop()
            elif tag == "BlockQuote":
                flush()
            elif tag in ("Link", "Image") and link_stack:
                link_start, _, destination, link_type, link_end = link_stack.pop()
                text_start, text_end = _link_text_span(source, link_start, link_end)
                links.append(Link(link_start, link_end, text_start, text_end, destination))
                if link_type in ("Autolink", "Email") and kept and kept[-1][0] >= link_start:
                    # The visible text of an autolink is the URL itself: not prose.
                    while kept and kept[-1][0] >= link_start:
                        kept.pop()
        elif name in ("SoftBreak", "HardBreak"):
            if current is not None:
                current["last"] = max(current["last"] or start, start)
        elif name in ("Html", "InlineHtml"):
            for match in _COMMENT.finditer(source, start, end):
                comments.append(Comment(match.start(), match.end(), match.group(1).strip()))
        elif name == "FootnoteReference":
            footnote_refs.append(FootnoteRef(start, end, str(value)))
            if current is not None:
                current["last"] = end
        elif name == "TaskListMarker":
            continue
    flush()

    prose = assemble(source, kept)
    blocks.sort(key=lambda block: block.start)
    document = Document(
        path=path,
        source=source,
        prose=prose,
        syntax="markdown",
        blocks=tuple(blocks),
        links=tuple(links),
        comments=tuple(comments),
        footnote_refs=tuple(footnote_refs),
        front_matter=front_matter,
        front_matter_span=front_span,
    )
    if front_error:
        document.cache["front_matter_error"] = front_error
    return document


def _link_text_span(source: str, start: int, end: int) -> tuple[int, int]:
    """The text between ``[`` and ``]`` of an inline/reference link, else the whole span."""
    if start < len(source) and source[start] == "!":
        start += 1
    if start < len(source) and source[start] == "[":
        depth = 0
        for index in range(start, end):
            char = source[index]
            if char == "\\":
                continue
            if char == "[":
                depth += 1
            elif char == "]":
                depth -= 1
                if depth == 0:
                    return start + 1, index
    return start, end
