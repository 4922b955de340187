"""YAML rule packs: data that instantiates the reviewed kinds.

A pack file::

    pack: nb-health-spelling          # a name
    description: ...
    sources: [...]                    # where the entries come from
    rules:
      - code: SP101
        name: misspelled-health-word
        kind: substitution            # existence | substitution | pattern
        category: spelling
        severity: warning
        languages: [nb]
        scope: text                   # text | sentence | paragraph | heading | document
        message: "'{match}' is a misspelling of '{replacement}'"
        ...kind options...
        doc: {why: ..., instead: ..., fix: ..., must-not-flag: ..., sources: [...]}
        examples: {flag: [...], ok: [...], fix: [[before, after], ...]}

Everything is validated when the pack loads; errors name file and line. The
packs shipped in ``rules/`` are the exception for the costly part: their
regular expressions compile on first use (``shipped=True``), and the test
suite loads each of them with the full validation instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from heellint.core.rule import LANGUAGES, Examples, RuleDoc, RuleMeta
from heellint.core.yamlio import DataError, Located, read_located
from heellint.kinds.existence import ExistenceRule, build_existence
from heellint.kinds.pattern import PatternRule, build_pattern
from heellint.kinds.substitution import SubstitutionRule, build_substitution

COMMON_KEYS = {
    "code", "name", "kind", "category", "severity", "languages", "scope", "message",
    "doc", "examples", "enabled", "aliases", "fix",
}
KIND_BUILDERS: dict[str, tuple[set[str], Callable[..., Any]]] = {
    "existence": ({"tokens", "regex", "ignore-case", "exceptions"}, build_existence),
    "substitution": ({"swap", "regex", "ignore-case", "suffixes", "exceptions", "prefilter"}, build_substitution),
    "pattern": ({"pattern", "replacement", "ignore-case", "exceptions", "prefilter"}, build_pattern),
}
PackRule = ExistenceRule | SubstitutionRule | PatternRule


def load_pack(path: str | Path, shipped: bool = False) -> list[PackRule]:
    """The rules of the pack at ``path``. ``shipped`` (a pack of ``rules/``,
    tested with every pattern compiled) defers compiling to first use and
    reads the YAML through the parse cache."""
    data, located = _read_cached(Path(path)) if shipped else read_located(str(path))
    if not isinstance(data, dict):
        raise DataError(str(path), 1, "a rule pack is a mapping with a 'rules' list")
    for key in data:
        if key not in ("pack", "description", "sources", "rules"):
            raise located.error((key,), f"unknown key '{key}' (known: pack, description, sources, rules)")
    rules = data.get("rules")
    if not isinstance(rules, list) or not rules:
        raise located.error(("rules",), "'rules' must be a non-empty list")
    built = []
    for index, entry in enumerate(rules):
        built.append(_build_rule(entry, ("rules", index), located, not shipped))
    return built


def _read_cached(path: Path) -> tuple[Any, Located]:
    """``read_located`` for a shipped pack, through a cache of its parsed data.

    Composing the YAML and recording every key's line takes about 15 ms for
    the shipped packs - most of loading them once their patterns compile on
    first use; the same data and line table load from a ``marshal`` entry in
    heellint's cache folder (``heellint.core.diskcache``) in well under a
    millisecond.
    """
    from heellint.core.diskcache import MISSING, Entry

    entry = Entry(path, "pack", ".marshal")
    kept = entry.read_marshal()
    if kept is not MISSING:
        try:
            data, lines = kept
            return data, Located(str(path), lines)
        except (TypeError, ValueError):
            pass
    data, located = read_located(str(path))
    entry.write_marshal((data, located.lines))
    return data, located


def _build_rule(entry: Any, keys: tuple, located: Located, compile_now: bool) -> PackRule:
    if not isinstance(entry, dict):
        raise located.error(keys, "each rule is a mapping")
    kind = entry.get("kind")
    if kind not in KIND_BUILDERS:
        raise located.error(keys + ("kind",), f"'kind' must be one of {', '.join(KIND_BUILDERS)}, not {kind!r}")
    kind_keys, builder = KIND_BUILDERS[kind]
    for key in entry:
        if key not in COMMON_KEYS and key not in kind_keys:
            known = ", ".join(sorted(COMMON_KEYS | kind_keys))
            raise located.error(keys + (key,), f"unknown key '{key}' for a {kind} rule (known: {known})")
    for required in ("code", "name", "category", "severity", "message"):
        if required not in entry:
            raise located.error(keys, f"rule needs '{required}'")
    languages = entry.get("languages")
    if languages is not None:
        if isinstance(languages, str):
            languages = [languages]
        if not isinstance(languages, list):
            raise located.error(keys + ("languages",), "'languages' must be a list")
        for lang in languages:
            if lang == "no":
                raise located.error(keys + ("languages",), "language 'no' is ambiguous: say 'nb' or 'nn'")
            if lang not in LANGUAGES:
                raise located.error(keys + ("languages",), f"unknown language {lang!r} (use {', '.join(LANGUAGES)})")
    fix = entry.get("fix", "none")
    if fix not in ("safe", "unsafe", "none", None):
        raise located.error(keys + ("fix",), "'fix' must be safe, unsafe or none")
    meta = RuleMeta(
        code=str(entry["code"]),
        name=str(entry["name"]),
        category=str(entry["category"]),
        severity=str(entry["severity"]),
        message=str(entry["message"]),
        languages=frozenset(languages) if languages is not None else None,
        scope=str(entry.get("scope", "text")),
        fixable=None if fix in ("none", None) else fix,
        enabled=bool(entry.get("enabled", True)),
        doc=_doc(entry.get("doc"), keys + ("doc",), located),
        examples=_examples(entry.get("examples"), keys + ("examples",), located, languages),
        origin=located.path,
        aliases=tuple(str(alias) for alias in entry.get("aliases", ())),
    )
    problems = meta.problems()
    if problems:
        raise located.error(keys, "; ".join(problems))
    return builder(meta, entry, keys, located, compile_now)


def _doc(value: Any, keys: tuple, located: Located) -> RuleDoc:
    if value is None:
        return RuleDoc()
    if not isinstance(value, dict):
        raise located.error(keys, "'doc' must be a mapping (why, instead, fix, must-not-flag, sources)")
    allowed = {"why", "instead", "fix", "must-not-flag", "sources"}
    for key in value:
        if key not in allowed:
            raise located.error(keys + (key,), f"unknown doc key '{key}' (known: {', '.join(sorted(allowed))})")
    sources = value.get("sources", ())
    if isinstance(sources, str):
        sources = [sources]
    return RuleDoc(
        why=str(value.get("why", "")).strip(),
        instead=str(value.get("instead", "")).strip(),
        fix=str(value.get("fix", "")).strip(),
        must_not_flag=str(value.get("must-not-flag", "")).strip(),
        sources=tuple(str(source) for source in sources),
    )


def _examples(value: Any, keys: tuple, located: Located, languages: list | None) -> Examples:
    if value is None:
        return Examples(lang=languages[0] if languages else None)
    if not isinstance(value, dict):
        raise located.error(keys, "'examples' must be a mapping (flag, ok, fix, lang)")
    for key in value:
        if key not in ("flag", "ok", "fix", "lang"):
            raise located.error(keys + (key,), f"unknown examples key '{key}' (known: flag, ok, fix, lang)")
    fixes = []
    for index, pair in enumerate(value.get("fix", ()) or ()):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(item, str) for item in pair)):
            raise located.error(keys + ("fix", index), "each fix example is [before, after]")
        fixes.append((pair[0], pair[1]))
    lang = value.get("lang") or (languages[0] if languages else None)
    return Examples(
        flag=tuple(str(item) for item in value.get("flag", ()) or ()),
        ok=tuple(str(item) for item in value.get("ok", ()) or ()),
        fix=tuple(fixes),
        lang=lang,
    )


def builtin_pack_paths(rules_dir: Path) -> list[Path]:
    """Every pack shipped in ``rules/`` (sub-folders with their own loaders excluded)."""
    return sorted(path for path in rules_dir.glob("*.yaml"))
