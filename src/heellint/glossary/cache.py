"""A parse cache for glossary files: YAML is slow to read, JSON is not.

PyYAML takes about 0.2 s to read the built-in glossary (250 KB), more than
linting an article. The plain data of each file is kept as JSON under the user's
cache folder (``$HEELLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/heellint``, else
``~/.cache/heellint``), keyed by the file's absolute path, size, modification
time and heellint's version. ``HEELLINT_CACHE=0`` turns it off. Any problem
with the cache (read-only disk, a damaged entry) falls back to reading the
YAML: the cache can make a run faster, never different.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from heellint.core.atomic import replace_file

MISSING: Any = object()


def cache_folder() -> Path | None:
    if os.environ.get("HEELLINT_CACHE", "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    explicit = os.environ.get("HEELLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "heellint"


def _key(path: Path) -> tuple[str, str] | None:
    """(hash of the path, hash of its state): one entry per file, replaced when it changes."""
    from heellint import __version__

    try:
        status = path.stat()
    except OSError:
        return None
    where = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    state = f"{__version__}\0{status.st_size}\0{status.st_mtime_ns}"
    return where, hashlib.sha1(state.encode("utf-8")).hexdigest()[:16]


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
    folder = cache_folder()
    key = _key(path) if folder is not None else None
    entry = folder / f"glossary-{key[0]}-{key[1]}.json" if (folder is not None and key) else None
    if entry is not None:
        try:
            with open(entry, encoding="utf-8") as handle:
                return json.load(handle)
        except (OSError, ValueError):
            pass
    data = _parse_yaml(path)
    if data is MISSING or entry is None:
        return data
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):  # dates, sets ...: not JSON; read the YAML each time
        return data
    try:
        replace_file(entry, text.encode("utf-8"), prefix=".glossary-")
        for stale in entry.parent.glob(f"glossary-{key[0]}-*.json"):  # type: ignore[index]
            if stale != entry:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return data
