"""Where the shipped data lives: ``rules/`` and ``glossary/``.

In a wheel they are inside the package (``heellint/_data/``); in a source
checkout (an editable install) they are the top-level folders of the repository.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"heellint's data folder '{name}' is missing from this installation")


def rules_dir() -> Path:
    return data_dir("rules")


def glossary_dir() -> Path:
    return data_dir("glossary")
