"""Configuration: found once, validated once against a schema, then frozen.

Sources, first found wins: ``--config FILE``; walking up from the current
directory, ``heellint.yaml``, ``.heellint.yaml`` or a ``pyproject.toml`` with a
``[tool.heellint]`` table. Paths inside are relative to the file that names
them. Unknown keys and bad values are errors naming file and line.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping

from heellint.core.diagnostic import SEVERITIES
from heellint.core.rule import LANGUAGES
from heellint.core.yamlio import DataError, Located, read_located

CONFIG_NAMES = ("heellint.yaml", ".heellint.yaml")
DEFAULT_INCLUDE = ("**/*.md", "**/*.markdown", "**/*.txt")
FAIL_ON = ("error", "warning", "info", "never")


@dataclass(frozen=True, slots=True)
class Override:
    files: tuple[str, ...]
    lang: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class Config:
    source: str | None = None  # the file it came from (None: defaults)
    root: Path = field(default_factory=Path.cwd)
    glossary: tuple[Path, ...] | None = None
    extend_glossary: tuple[Path, ...] = ()
    vocabulary: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = ()
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    fail_on: str = "warning"
    lang: str | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    overrides: tuple[Override, ...] = ()
    # Options of individual rule families, validated by the schema below.
    claims: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    references: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    metadata: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    terms: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    spelling: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    languagetool: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def relative(self, path: str | os.PathLike) -> str:
        """``path`` relative to the config root, with forward slashes."""
        try:
            return Path(os.path.abspath(path)).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()


# ---------------------------------------------------------------- validators

Validator = Callable[[Any, tuple, Located], Any]


def _string(value: Any, keys: tuple, located: Located) -> str:
    if not isinstance(value, str) or not value:
        raise located.error(keys, f"'{_dotted(keys)}' must be a non-empty string")
    return value


def _string_list(value: Any, keys: tuple, located: Located) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise located.error(keys, f"'{_dotted(keys)}' must be a list of strings")
    return tuple(value)


def _codes(value: Any, keys: tuple, located: Located) -> tuple[str, ...]:
    codes = _string_list(value, keys, located)
    for index, code in enumerate(codes):
        if not re.fullmatch(r"[A-Za-z]{1,4}[0-9]{0,3}|ALL", code):
            raise located.error(keys + (index,), f"{code!r} is not a rule code or code prefix")
    return tuple(code.upper() for code in codes)


def _lang(value: Any, keys: tuple, located: Located) -> str:
    if value == "no":
        raise located.error(keys, "language 'no' is ambiguous: say 'nb' (Bokmål) or 'nn' (Nynorsk)")
    if value not in LANGUAGES:
        raise located.error(keys, f"'{_dotted(keys)}' must be one of {', '.join(LANGUAGES)}, not {value!r}")
    return value


def _fail_on(value: Any, keys: tuple, located: Located) -> str:
    if value not in FAIL_ON:
        raise located.error(keys, f"'fail-on' must be one of {', '.join(FAIL_ON)}, not {value!r}")
    return value


def _severity_map(value: Any, keys: tuple, located: Located) -> Mapping[str, str]:
    if not isinstance(value, dict):
        raise located.error(keys, "'severity' must map rule codes to error, warning or info")
    result = {}
    for code, level in value.items():
        if level not in SEVERITIES:
            raise located.error(keys + (code,), f"severity of {code} must be one of {', '.join(SEVERITIES)}")
        result[str(code).upper()] = level
    return MappingProxyType(result)


def _number(low: float, high: float) -> Validator:
    def check(value: Any, keys: tuple, located: Located) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise located.error(keys, f"'{_dotted(keys)}' must be a number from {low} to {high}")
        return value

    return check


def _boolean(value: Any, keys: tuple, located: Located) -> bool:
    if not isinstance(value, bool):
        raise located.error(keys, f"'{_dotted(keys)}' must be true or false")
    return value


def _section(schema: Mapping[str, Validator]) -> Validator:
    def check(value: Any, keys: tuple, located: Located) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise located.error(keys, f"'{_dotted(keys)}' must be a mapping")
        result = {}
        for key, item in value.items():
            if key not in schema:
                raise located.error(
                    keys + (key,), f"unknown key '{_dotted(keys + (key,))}' (known: {', '.join(sorted(schema))})"
                )
            result[key.replace("-", "_")] = schema[key](item, keys + (key,), located)
        return MappingProxyType(result)

    return check


# Options of the rule families. A family reads its section from Config with
# defaults of its own; adding an option means adding it here and documenting it.
SECTION_SCHEMAS: dict[str, dict[str, Validator]] = {
    "claims": {
        "threshold": _number(0.0, 100.0),
        "strict": _boolean,
    },
    "references": {
        "headings": _string_list,
    },
    "metadata": {
        "max-age-months": _number(1, 1200),
        "require-author": _boolean,
        "require-disclosure": _boolean,
    },
    "terms": {
        "fuzzy": _boolean,
        "max-distance": _number(0, 3),
        "min-length": _number(3, 30),
    },
    "spelling": {
        "dictionaries": _string_list,
    },
    "languagetool": {
        "url": _string,
        "enabled": _boolean,
        "disabled-rules": _string_list,
    },
}


def _dotted(keys: tuple) -> str:
    return ".".join(str(key) for key in keys) or "config"


# ------------------------------------------------------------------- loading


def discover(start: Path | None = None) -> Path | None:
    """The nearest config file walking up from ``start`` (default: cwd)."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _pyproject_has_section(pyproject):
            return pyproject
    return None


def _pyproject_has_section(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\[tool\.heellint(\.|\])", text, re.MULTILINE) is not None


def load_config(path: str | os.PathLike | None = None, *, discover_from: Path | None = None) -> Config:
    """Load ``path`` (or the discovered config, or the defaults)."""
    if path is None:
        found = discover(discover_from)
        if found is None:
            return Config(root=(discover_from or Path.cwd()).resolve())
        path = found
    path = Path(path)
    if not path.is_file():
        raise DataError(str(path), None, "configuration file not found")
    if path.name == "pyproject.toml":
        data, located = _read_pyproject(path)
    else:
        data, located = read_located(str(path))
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DataError(str(path), 1, "configuration must be a mapping of keys to values")
    return build_config(data, located, path.parent.resolve(), str(path))


def _read_pyproject(path: Path) -> tuple[Any, Located]:
    import tomllib

    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise DataError(str(path), None, f"invalid TOML: {error}") from None
    located = Located(str(path))
    # tomllib keeps no positions: point errors at the [tool.heellint] line.
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^\[tool\.heellint\]", text, re.MULTILINE)
    if match:
        located.lines[()] = text.count("\n", 0, match.start()) + 1
    return document.get("tool", {}).get("heellint", {}), located


def build_config(data: Mapping[str, Any], located: Located, root: Path, source: str | None) -> Config:
    def paths(value: Any, keys: tuple) -> tuple[Path, ...]:
        return tuple((root / item) for item in _string_list(value, keys, located))

    values: dict[str, Any] = {"source": source, "root": root}
    for key, value in data.items():
        keys = (key,)
        if key == "glossary":
            values["glossary"] = paths(value, keys)
        elif key == "extend-glossary":
            values["extend_glossary"] = paths(value, keys)
        elif key == "vocabulary":
            values["vocabulary"] = paths(value, keys)
        elif key == "rules":
            values["rules"] = paths(value, keys)
        elif key == "select":
            values["select"] = _codes(value, keys, located)
        elif key == "extend-select":
            values["extend_select"] = _codes(value, keys, located)
        elif key == "ignore":
            values["ignore"] = _codes(value, keys, located)
        elif key == "severity":
            values["severity"] = _severity_map(value, keys, located)
        elif key == "fail-on":
            values["fail_on"] = _fail_on(value, keys, located)
        elif key == "lang":
            values["lang"] = _lang(value, keys, located)
        elif key == "include":
            values["include"] = _string_list(value, keys, located)
        elif key == "exclude":
            values["exclude"] = _string_list(value, keys, located)
        elif key == "overrides":
            values["overrides"] = _overrides(value, keys, located)
        elif key in SECTION_SCHEMAS:
            values[key] = _section(SECTION_SCHEMAS[key])(value, keys, located)
        else:
            known = sorted(
                ["glossary", "extend-glossary", "vocabulary", "rules", "select", "extend-select", "ignore",
                 "severity", "fail-on", "lang", "include", "exclude", "overrides", *SECTION_SCHEMAS]
            )
            raise located.error(keys, f"unknown key '{key}' (known keys: {', '.join(known)})")
    return Config(**values)


def _overrides(value: Any, keys: tuple, located: Located) -> tuple[Override, ...]:
    if not isinstance(value, list):
        raise located.error(keys, "'overrides' must be a list of {files: [...], ...} entries")
    result = []
    for index, entry in enumerate(value):
        entry_keys = keys + (index,)
        if not isinstance(entry, dict):
            raise located.error(entry_keys, "each override must be a mapping with 'files'")
        if "files" not in entry:
            raise located.error(entry_keys, "override needs 'files' (a list of globs)")
        fields: dict[str, Any] = {}
        for key, item in entry.items():
            item_keys = entry_keys + (key,)
            if key == "files":
                fields["files"] = _string_list(item, item_keys, located)
            elif key == "lang":
                fields["lang"] = _lang(item, item_keys, located)
            elif key == "select":
                fields["select"] = _codes(item, item_keys, located)
            elif key == "extend-select":
                fields["extend_select"] = _codes(item, item_keys, located)
            elif key == "ignore":
                fields["ignore"] = _codes(item, item_keys, located)
            elif key == "severity":
                fields["severity"] = _severity_map(item, item_keys, located)
            else:
                raise located.error(
                    item_keys, f"unknown key '{key}' in override (known: files, lang, select, extend-select, ignore, severity)"
                )
        result.append(Override(**fields))
    return tuple(result)


# --------------------------------------------------------------------- globs

_GLOB_CACHE: dict[str, re.Pattern[str]] = {}


def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """Translate a gitignore-like glob: ``**`` crosses folders, ``*`` does not.
    A pattern without ``/`` matches the file name in any folder."""
    compiled = _GLOB_CACHE.get(pattern)
    if compiled is not None:
        return compiled
    body = pattern[2:] if pattern.startswith("./") else pattern
    anchored = "/" in body.rstrip("/")
    out = []
    index = 0
    while index < len(body):
        char = body[index]
        if body.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif body.startswith("**", index):
            out.append(".*")
            index += 2
        elif char == "*":
            out.append("[^/]*")
            index += 1
        elif char == "?":
            out.append("[^/]")
            index += 1
        elif char == "[":
            close = body.find("]", index + 1)
            if close == -1:
                out.append(re.escape(char))
                index += 1
            else:
                inner = body[index + 1 : close].replace("\\", "\\\\")
                if inner.startswith("!"):
                    inner = "^" + inner[1:]
                out.append(f"[{inner}]")
                index = close + 1
        else:
            out.append(re.escape(char))
            index += 1
    regex_body = "".join(out)
    if body.endswith("/"):
        regex_body += ".*"
    prefix = "" if anchored else "(?:.*/)?"
    compiled = re.compile(f"^{prefix}{regex_body}$")
    _GLOB_CACHE[pattern] = compiled
    return compiled


def matches_any(relative_path: str, patterns: tuple[str, ...]) -> bool:
    return any(glob_to_regex(pattern).match(relative_path) for pattern in patterns)
