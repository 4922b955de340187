from __future__ import annotations

from pathlib import Path

import pytest

from heellint.api import Linter, RunOptions
from heellint.core.config import Config

DATA = Path(__file__).resolve().parent / "data"
BASIC = DATA / "basic.yaml"
REPO = Path(__file__).resolve().parents[2]


def make_linter(glossary: Path | None = BASIC, select: tuple[str, ...] = ("TM",), **config) -> Linter:
    """A linter with only the glossary rules (the packs off) and a given glossary."""
    if glossary is not None:
        config.setdefault("glossary", (glossary,))
    return Linter(Config(**config), RunOptions(select=select))


def lint(text: str, lang: str = "nb", **kwargs):
    return make_linter(**kwargs).lint_text(text, path="article.md", lang=lang)


def codes(diagnostics) -> list[tuple[str, str]]:
    return [(d.rule, d.replacements[0] if d.replacements else "") for d in diagnostics]


@pytest.fixture(autouse=True)
def _no_cache_writes(tmp_path_factory, monkeypatch):
    """Keep the glossary parse cache inside pytest's temporary folder."""
    monkeypatch.setenv("HEELLINT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "heellint-cache"))
