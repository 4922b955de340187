"""A parse cache for glossary files: YAML is slow to read, JSON is not.

PyYAML takes about 0.2 s to read the built-in glossary (250 KB), more than
linting an article. The plain data of each file is kept as JSON in heellint's cache folder
(``heellint.core.diskcache``: keyed by the file's path and state, off with
``HEELLINT_CACHE=0``; any problem falls back to reading the YAML).

Reading a file's concepts from that data (checking every key and value) costs
about as much again, so the checked concepts are kept too, as plain rows with
``marshal`` (``read_rows``/``write_rows``; see ``loader``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from heellint.core.diskcache import MISSING, Entry

__all__ = ["MISSING", "load_data", "read_rows", "write_rows"]


def _parse_yaml(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = path.read_text(encoding="utf-8-sig")
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except Exception:
        return MISSING


def load_data(path: Path) -> Any:
    """The plain data of a YAML file (cached), or MISSING when it does not parse."""
    entry = Entry(path, "glossary", ".json")
    blob = entry.read_bytes()
    if blob is not None:
        try:
            return json.loads(blob.decode("utf-8"))
        except ValueError:
            pass
    data = _parse_yaml(path)
    if data is MISSING or entry.path is None:
        return data
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):  # dates, sets ...: not JSON; read the YAML each time
        return data
    entry.write_bytes(text.encode("utf-8"))
    return data


def read_rows(path: Path, state: str) -> Any:
    """The rows ``write_rows`` kept for ``path`` with the same ``state`` (the
    writer's format), or MISSING."""
    return Entry(path, "concepts", ".marshal", state).read_marshal()


def write_rows(path: Path, state: str, rows: Any) -> None:
    Entry(path, "concepts", ".marshal", state).write_marshal(rows)
