"""Aligning two articles segment by segment.

Three levels, the finest that fits wins:

1. ``blocks``: both articles have the same sequence of block kinds (heading,
   paragraph, list item, table cell): block *i* translates block *i*.
2. ``sections``: the blocks differ (a paragraph split in two, a list merged into
   a sentence) but the headings are as many: each heading is a segment, and so
   is the text between two headings (and before the first).
3. ``document``: nothing aligns; the whole text is one segment. The checks
   still work (a key term of the source must appear somewhere in the target),
   but XL106 (consistency across segments) needs segments and stays silent.
"""

from __future__ import annotations

from heellint.core.document import HEADING, Document
from heellint.xcheck.model import BLOCKS, DOCUMENT, SECTIONS, Pair


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _block_spans(document: Document) -> list[tuple[str, tuple[int, int] | None]]:
    """(kind, span) per block: the block's whole extent (so a footnote reference
    at its very end belongs to it), None when it holds no prose."""
    prose = document.prose
    return [
        (block.kind, (block.start, block.end) if _strip(prose, block.start, block.end) else None)
        for block in document.blocks
    ]


def _sections(document: Document) -> list[tuple[str, tuple[int, int] | None]]:
    """[("body", span), ("heading", span), ("body", span), ...]: always starts
    with the body before the first heading (possibly None)."""
    result: list[tuple[str, tuple[int, int] | None]] = []
    body: list[tuple[int, int]] = []

    def close() -> None:
        result.append(("body", (body[0][0], body[-1][1]) if body else None))
        body.clear()

    for kind, span in _block_spans(document):
        if kind == HEADING:
            close()
            result.append(("heading", span))
        elif span is not None:
            body.append(span)
    close()
    return result


def document_span(document: Document) -> tuple[int, int] | None:
    spans = [span for _, span in _block_spans(document) if span is not None]
    if not spans:
        return None
    return spans[0][0], spans[-1][1]


def align(source: Document, target: Document) -> tuple[str, list[Pair]]:
    """(mode, pairs) for two parsed articles."""
    source_blocks = _block_spans(source)
    target_blocks = _block_spans(target)
    if source_blocks and [kind for kind, _ in source_blocks] == [kind for kind, _ in target_blocks]:
        pairs = [
            Pair(f"block {number}", source_span, target_span)
            for number, ((_, source_span), (_, target_span)) in enumerate(zip(source_blocks, target_blocks), 1)
            if source_span is not None
        ]
        return BLOCKS, pairs
    source_sections = _sections(source)
    target_sections = _sections(target)
    headings = sum(1 for kind, _ in source_sections if kind == "heading")
    if headings and len(source_sections) == len(target_sections):
        pairs = []
        number = 0
        for (kind, source_span), (_, target_span) in zip(source_sections, target_sections):
            if kind == "heading":
                number += 1
            if source_span is None:
                continue
            label = f"heading {number}" if kind == "heading" else (
                f"section {number}" if number else "introduction"
            )
            pairs.append(Pair(label, source_span, target_span))
        return SECTIONS, pairs
    return DOCUMENT, [Pair("document", document_span(source), document_span(target))]
