"""A rule is metadata plus one generator of findings.

Kinds (``heellint.kinds``) are the code; rule packs and the glossary are the data
that instantiate them. Every rule carries its doc and runnable examples, so
``heellint explain`` and the test suite read the same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Protocol

from heellint.core.diagnostic import CATEGORIES, SEVERITIES

if TYPE_CHECKING:
    from heellint.core.document import Document
    from heellint.core.diagnostic import Finding

LANGUAGES = ("nb", "nn", "da", "sv", "en")
SCOPES = ("text", "sentence", "paragraph", "heading", "document")
_CODE = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class RuleDoc:
    why: str = ""
    instead: str = ""
    fix: str = ""
    must_not_flag: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Examples:
    """``flag``: texts that must give at least one finding of the rule;
    ``ok``: texts that must give none; ``fix``: (before, after) pairs for
    ``--fix`` (safe and unsafe fixes applied)."""

    flag: tuple[str, ...] = ()
    ok: tuple[str, ...] = ()
    fix: tuple[tuple[str, str], ...] = ()
    lang: str | None = None  # language the examples are written in


@dataclass(frozen=True, slots=True)
class RuleMeta:
    code: str
    name: str
    category: str
    severity: str
    message: str
    languages: frozenset[str] | None = None  # None: every language
    scope: str = "text"
    fixable: str | None = None  # "safe" | "unsafe" | None
    enabled: bool = True  # off-by-default rules need --select
    doc: RuleDoc = field(default_factory=RuleDoc)
    examples: Examples = field(default_factory=Examples)
    origin: str = "built-in"  # pack file or module that defined it
    aliases: tuple[str, ...] = ()

    def problems(self) -> list[str]:
        """What is wrong with this metadata (empty when it is well formed)."""
        found = []
        if not _CODE.match(self.code):
            found.append(f"code {self.code!r} is not a category prefix plus three digits")
        if not _NAME.match(self.name):
            found.append(f"name {self.name!r} is not kebab-case")
        if self.category not in CATEGORIES:
            found.append(f"category {self.category!r} is not one of {', '.join(CATEGORIES)}")
        if self.severity not in SEVERITIES:
            found.append(f"severity {self.severity!r} is not one of {', '.join(SEVERITIES)}")
        if self.scope not in SCOPES:
            found.append(f"scope {self.scope!r} is not one of {', '.join(SCOPES)}")
        if self.languages is not None:
            for lang in sorted(self.languages - set(LANGUAGES)):
                found.append(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
        return found

    def applies_to(self, lang: str | None) -> bool:
        return self.languages is None or (lang is not None and lang in self.languages)


class Rule(Protocol):
    meta: RuleMeta

    def check(self, document: Document) -> Iterable[Finding]: ...


class DocumentRule(Protocol):
    """Optional: a rule that also needs every document of the run (site-wide
    checks). ``check_all`` is called once with all linted documents."""

    meta: RuleMeta

    def check_all(self, documents: list[Document]) -> Iterable[tuple[Document, Finding]]: ...
