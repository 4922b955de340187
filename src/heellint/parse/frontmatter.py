"""YAML front matter at the top of an article: ``---`` ... ``---`` (or ``...``)."""

from __future__ import annotations

import re
from typing import Any

import yaml

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict[str, Any], tuple[int, int] | None, str | None]:
    """Return (data, span, error). ``span`` covers the whole block with its fences."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, None, None
    span = (0, match.end())
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        return {}, span, f"front matter is not valid YAML: {getattr(error, 'problem', None) or error}"
    if data is None:
        return {}, span, None
    if not isinstance(data, dict):
        return {}, span, "front matter must be a mapping of keys to values"
    return {str(key): value for key, value in data.items()}, span, None
