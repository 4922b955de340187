"""Assembling every rule of a run from its providers.

A provider is a module with ``provide_rules(context) -> list[Rule]``. The list
below is the whole registry: no import-time side effects, no global mutable
state. Heavy providers import their engines lazily inside ``provide_rules``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from heellint.core.config import Config
from heellint.core.rule import Rule, RuleMeta
from heellint.core.yamlio import DataError

PROVIDERS: tuple[str, ...] = (
    "heellint.kinds.packs_provider",
    "heellint.glossary.rules",
    "heellint.claims.rules",
    "heellint.xcheck.provider",
)


@dataclass(slots=True)
class BuildContext:
    config: Config
    # Shared, lazily built resources (the glossary, the vocabulary ...).
    shared: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _MetaOnly:
    """A registered code with no checker of its own (engine codes, sibling codes)."""

    meta: RuleMeta

    def check(self, document):  # pragma: no cover - never selected to run
        return ()


@dataclass(slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    metas: dict[str, RuleMeta]
    context: BuildContext


def build_ruleset(config: Config) -> RuleSet:
    from heellint.kinds.engine import ENGINE_RULES

    context = BuildContext(config)
    rules: list[Rule] = []
    metas: dict[str, RuleMeta] = {}

    def register(meta: RuleMeta, origin: str) -> None:
        for code in (meta.code, *meta.aliases):
            if code in metas and metas[code] is not meta:
                raise DataError(origin, None, f"rule code {code} is defined twice ({metas[code].origin} and {origin})")
            metas[code] = meta

    for meta in ENGINE_RULES:
        register(meta, "heellint.kinds.engine")
    for module_name in PROVIDERS:
        module = importlib.import_module(module_name)
        for rule in module.provide_rules(context):
            register(rule.meta, rule.meta.origin)
            rules.append(rule)
        for meta in getattr(module, "SIBLING_CODES", ()):
            register(meta, module_name)
    return RuleSet(tuple(rules), metas, context)


def rule_docs_path(code: str) -> Path:  # pragma: no cover - used by docs generation
    return Path("docs") / "rules" / f"{code}.md"
