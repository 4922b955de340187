"""Helpers for the claims, references and metadata tests."""

from __future__ import annotations

import pytest

from heellint.api import Linter, RunOptions
from heellint.core.config import Config

TODAY = "2026-11-22"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Date checks read HEELLINT_TODAY: pin it so the tests do not age."""
    monkeypatch.setenv("HEELLINT_TODAY", TODAY)


_LINTERS: dict[str, Linter] = {}


def linter_for(select=("CL", "RF", "MD"), **sections) -> Linter:
    """One linter per selection and configuration (building the rule set is the slow part)."""
    key = repr((tuple(select), sorted((name, sorted(value.items())) for name, value in sections.items())))
    if key not in _LINTERS:
        _LINTERS[key] = Linter(Config(**sections), RunOptions(select=tuple(select)))
    return _LINTERS[key]


def lint(text: str, lang: str = "nb", select=("CL", "RF", "MD"), path: str = "article.md", **sections):
    """Diagnostics of the claims/references/metadata rules (``sections``: claims={...}, metadata={...})."""
    return linter_for(select, **sections).lint_text(text, path=path, lang=lang)


def by_rule(diagnostics, code: str):
    return [diagnostic for diagnostic in diagnostics if diagnostic.rule == code]


def flagged_texts(text: str, diagnostics, code: str) -> list[str]:
    return [text[d.start:d.end] for d in diagnostics if d.rule == code]
