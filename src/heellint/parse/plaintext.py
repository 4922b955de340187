"""Plain-text articles: paragraphs, headings and list items found by layout.

- A blank line ends a block.
- A line ends a block when it ends with terminal punctuation (``. ! ? :``) or
  when the next line is a list item; otherwise a line break inside a block is a
  soft wrap (hard-wrapped paragraphs stay one block).
- A list item is a line starting with ``-``, ``*``, ``•``, ``–`` or ``1.``/``1)``;
  an indented line right under it continues it.
- A heading is a short line (at most 12 words and 90 characters) that ends
  without ``. , ; :``, starts with an upper-case letter or a digit, stands on its
  own (after a blank line, a finished block or at the start) and is followed by
  a line starting with an upper-case letter, a list item or the end. This is how
  the plain text of a web page keeps its headings ("Kilder", "Symptomer på
  hælspore", "Hvornår bør du søge hjælp?").
"""

from __future__ import annotations

import re

from heellint.core.document import HEADING, LIST_ITEM, PARAGRAPH, Block, Document
from heellint.parse.frontmatter import split_front_matter
from heellint.parse.masking import assemble

_LINE = re.compile(r"[^\n]*(?:\n|\Z)")
_LIST_MARKER = re.compile(r"[ \t]*(?:[-*•–◦▪]|(\d{1,3})[.)])[ \t]+(?=\S)")
_TERMINAL = re.compile(r"[.!?:…][\"'»”’)\]]*\s*$")
_NO_HEADING_END = re.compile(r"[.,;:]\s*$")


def _content_span(source: str, start: int, end: int) -> tuple[int, int]:
    while start < end and source[start] in " \t\r\n\ufeff":
        start += 1
    while end > start and source[end - 1] in " \t\r\n":
        end -= 1
    return start, end


def _is_heading_text(text: str) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > 90 or _NO_HEADING_END.search(stripped):
        return False
    if len(stripped.split()) > 12:
        return False
    first = stripped[0]
    return first.isupper() or first.isdigit()


def parse_plaintext(path: str, source: str) -> Document:
    front_matter, front_span, front_error = split_front_matter(source)
    body_start = front_span[1] if front_span else 0

    lines: list[tuple[int, int]] = []  # content spans of every line (may be empty)
    for match in _LINE.finditer(source, body_start):
        if match.start() == match.end():
            break
        lines.append(_content_span(source, match.start(), match.end()))

    blocks: list[Block] = []
    kept: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []  # lines of the paragraph being built
    item_counter = 0

    def flush_paragraph() -> None:
        if pending:
            blocks.append(Block(PARAGRAPH, pending[0][0], pending[-1][1]))
            kept.extend(pending)
            pending.clear()

    def is_blank(index: int) -> bool:
        start, end = lines[index]
        return start >= end

    for index, (start, end) in enumerate(lines):
        if start >= end:
            flush_paragraph()
            continue
        text = source[start:end]
        line_start = source.rfind("\n", 0, start) + 1
        indented = start > line_start and source[line_start] in " \t"
        if indented and not pending and blocks and blocks[-1].kind == LIST_ITEM and not is_blank(index - 1):
            # An indented line right under a list item continues that item.
            item = blocks.pop()
            blocks.append(Block(LIST_ITEM, item.start, end, level=item.level, list_item=True,
                                list_number=item.list_number, item_id=item.item_id))
            kept.append((start, end))
            continue
        marker = _LIST_MARKER.match(text)
        if marker:
            flush_paragraph()
            number = int(marker.group(1)) if marker.group(1) else None
            content_start = start + marker.end()
            blocks.append(
                Block(LIST_ITEM, content_start, end, level=1, list_item=True, list_number=number, item_id=item_counter)
            )
            item_counter += 1
            kept.append((content_start, end))
            continue
        previous_finished = (
            index == 0
            or is_blank(index - 1)
            or not pending
        )
        next_line = lines[index + 1] if index + 1 < len(lines) else None
        next_text = source[next_line[0]:next_line[1]] if next_line else ""
        next_starts_upper = not next_text or next_text[0].isupper() or next_text[0].isdigit() or bool(
            _LIST_MARKER.match(next_text)
        ) or not next_text[0].isalpha()
        if previous_finished and _is_heading_text(text) and next_starts_upper:
            flush_paragraph()
            blocks.append(Block(HEADING, start, end, level=2))
            kept.append((start, end))
            continue
        pending.append((start, end))
        if _TERMINAL.search(text) or (next_text and _LIST_MARKER.match(next_text)):
            flush_paragraph()
    flush_paragraph()

    prose = assemble(source, kept)
    document = Document(
        path=path,
        source=source,
        prose=prose,
        syntax="text",
        blocks=tuple(blocks),
        front_matter=front_matter,
        front_matter_span=front_span,
    )
    if front_error:
        document.cache["front_matter_error"] = front_error
    return document
