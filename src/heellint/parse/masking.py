"""Building the prose mask shared by both parsers."""

from __future__ import annotations

import re

_NOT_NEWLINE = re.compile(r"[^\r\n]")
# URLs, e-mail addresses and bare domains with a path never reach prose rules.
_URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'()\[\]]*[^\s<>\"'()\[\].,;:!?]"
    r"|\b(?:doi:\s?)?10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;:)\]]"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",
    re.IGNORECASE,
)


def blank(text: str) -> str:
    """``text`` with every character but line endings (CR, LF) turned into a space."""
    if "\r" in text:
        return _NOT_NEWLINE.sub(" ", text)
    if "\n" not in text:  # "**", "# ", a link's "](url)"
        return " " * len(text)
    return "\n".join([" " * len(line) for line in text.split("\n")])  # the gaps between blocks


def assemble(source: str, kept: list[tuple[int, int]]) -> str:
    """The prose mask: ``source`` where only the ``kept`` ranges survive."""
    pieces = []
    position = 0
    for start, end in kept:
        if start < position:
            start = position
        if end <= start:
            continue
        if start > position:
            pieces.append(blank(source[position:start]))
        pieces.append(source[start:end])
        position = end
    if position < len(source):
        pieces.append(blank(source[position:]))
    prose = "".join(pieces)
    return mask_urls(prose)


def mask_urls(prose: str) -> str:
    if "@" not in prose and "://" not in prose and "www." not in prose and "10." not in prose:
        return prose
    return _URL.sub(lambda match: " " * len(match.group()), prose)


def url_spans(text: str) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in _URL.finditer(text)]
