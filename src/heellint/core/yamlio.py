"""YAML loading that remembers where each value came from.

Configuration, rule packs and glossaries are validated once, and every error
names ``file:line``. ``load_located`` returns plain Python data plus a
``Located`` helper that answers "which line was this key on?".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C composer is several times faster on large glossaries
    _Loader = yaml.CSafeLoader  # type: ignore[attr-defined]
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader


class DataError(Exception):
    """A data file (config, rule pack, glossary) is wrong: ``file:line: message``."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


@dataclass(slots=True)
class Located:
    """Key path (tuple of keys and list indexes) -> 1-based line."""

    path: str
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, *keys: Any) -> int | None:
        keys_tuple = tuple(keys)
        while keys_tuple:
            if keys_tuple in self.lines:
                return self.lines[keys_tuple]
            keys_tuple = keys_tuple[:-1]
        return self.lines.get((), None)

    def error(self, keys: tuple, message: str) -> DataError:
        return DataError(self.path, self.line(*keys), message)


_SCALAR_LOADER = yaml.SafeLoader("")


def _construct_scalar(node: yaml.ScalarNode) -> Any:
    # YAML 1.2 booleans only: a plain `no`, `yes`, `on` or `off` stays a string,
    # so the language tag `no` is reported as such instead of becoming False.
    if node.tag == "tag:yaml.org,2002:bool" and not node.style and node.value.lower() not in ("true", "false"):
        return node.value
    return _SCALAR_LOADER.construct_object(node, deep=True)


def _convert(node: yaml.Node, keys: tuple, located: Located) -> Any:
    located.lines.setdefault(keys, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise DataError(located.path, key_node.start_mark.line + 1, "YAML merge keys (<<) are not supported")
            key = _construct_scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise DataError(located.path, key_node.start_mark.line + 1, "mapping keys must be plain scalars")
            if key in result:
                raise DataError(located.path, key_node.start_mark.line + 1, f"duplicate key {key!r}")
            located.lines[keys + (key,)] = key_node.start_mark.line + 1
            result[key] = _convert(value_node, keys + (key,), located)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, keys + (index,), located) for index, item in enumerate(node.value)]
    try:
        return _construct_scalar(node)
    except (ValueError, OverflowError) as error:  # "2026-13-45" is a date YAML cannot build
        raise DataError(located.path, node.start_mark.line + 1, f"invalid value {node.value!r}: {error}") from None


def load_located(text: str, path: str) -> tuple[Any, Located]:
    """Parse YAML text; raise DataError with file:line on syntax errors."""
    located = Located(path)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise DataError(path, line, f"invalid YAML: {error.problem or error}") from None
    except yaml.YAMLError as error:
        raise DataError(path, None, f"invalid YAML: {error}") from None
    if node is None:
        return None, located
    try:
        return _convert(node, (), located), located
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        raise DataError(path, mark.line + 1 if mark else None, f"invalid YAML value: {error.problem}") from None


def read_located(path: str) -> tuple[Any, Located]:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise DataError(path, None, "file not found") from None
    except UnicodeDecodeError:
        raise DataError(path, None, "not valid UTF-8") from None
    except OSError as error:
        raise DataError(path, None, f"cannot read: {error.strerror}") from None
    return load_located(text, path)
