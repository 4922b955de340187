"""From decoded text to a Document: pick the parser, attach the sentence splitter."""

from __future__ import annotations

import re

from heellint.core.document import Document

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
# A .txt file that is really Markdown (as web exports often are): ATX headings,
# inline links or fenced code make it parse as Markdown.
_MARKDOWN_SIGNS = re.compile(r"^#{1,6}[ \t]+\S|\]\([^)\s]*\)|^```|^~~~", re.MULTILINE)


def choose_syntax(path: str, text: str) -> str:
    lowered = path.lower()
    if lowered.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if _MARKDOWN_SIGNS.search(text[:200_000]):
        return "markdown"
    return "text"


def parse_document(path: str, text: str, syntax: str | None = None) -> Document:
    syntax = syntax or choose_syntax(path, text)
    if syntax == "markdown":
        from heellint.parse.markdown import parse_markdown

        document = parse_markdown(path, text)
    else:
        from heellint.parse.plaintext import parse_plaintext

        document = parse_plaintext(path, text)
    document.sentence_splitter = _split_sentences
    return document


def _split_sentences(text: str, lang: str | None, start: int, end: int) -> list[tuple[int, int]]:
    # Imported on first use: rules that never ask for sentences do not pay for it.
    from heellint.text.sentences import split_sentences

    return split_sentences(text, lang, start, end)
