"""heellint's cache folder: data that is slow to rebuild and depends on one file.

Entries live under ``$HEELLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/heellint``,
else ``~/.cache/heellint``; ``HEELLINT_CACHE=0`` turns the cache off. An entry is
named after the hash of a file's absolute path and the hash of its state (size,
modification time, heellint's version, and whatever else the writer's format
depends on), so a changed file or a new heellint version never reads an old
entry; writing an entry removes the same file's entries of other states. Any
problem (a read-only disk, a damaged entry) means "not cached": the cache can
make a run faster, never different.

Users: the glossary (parsed data, checked concepts, built matchers, Hunspell
verdicts) and the shipped rule packs (parsed YAML).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Callable

MISSING: Any = object()


def cache_folder() -> Path | None:
    if os.environ.get("HEELLINT_CACHE", "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    explicit = os.environ.get("HEELLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "heellint"


def file_key(path: Path, extra: str = "") -> tuple[str, str] | None:
    """(hash of the path, hash of its state and ``extra``): one entry per file,
    replaced when it changes; None when the file cannot be read."""
    from heellint import __version__

    try:
        status = path.stat()
    except OSError:
        return None
    where = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    state = f"{__version__}\0{status.st_size}\0{status.st_mtime_ns}"
    if extra:
        state += f"\0{extra}"
    return where, hashlib.sha1(state.encode("utf-8")).hexdigest()[:16]


class Entry:
    """The cache entry of one file for one kind of data (``prefix``), or a
    disabled one (``path`` None) when there is no cache folder or no file."""

    __slots__ = ("path", "_where", "_prefix", "_suffix")

    def __init__(self, source: Path, prefix: str, suffix: str, extra: str = "") -> None:
        folder = cache_folder()
        key = file_key(source, extra) if folder is not None else None
        self.path = folder / f"{prefix}-{key[0]}-{key[1]}{suffix}" if (folder is not None and key) else None
        self._where = key[0] if key else ""
        self._prefix, self._suffix = prefix, suffix

    def read_bytes(self) -> bytes | None:
        if self.path is None:
            return None
        try:
            with open(self.path, "rb") as handle:
                return handle.read()
        except OSError:
            return None

    def read_marshal(self) -> Any:
        """The value ``write_marshal`` kept, or MISSING."""
        import marshal

        blob = self.read_bytes()
        if blob is None:
            return MISSING
        try:
            return without_collector(lambda: marshal.loads(blob))
        except (EOFError, ValueError, TypeError):
            return MISSING

    def write_bytes(self, blob: bytes) -> None:
        """Write the entry (atomically) and remove the file's entries of other states."""
        if self.path is None:
            return
        from heellint.core.atomic import replace_file

        try:
            replace_file(self.path, blob, prefix=f".{self._prefix}-")
            for stale in self.path.parent.glob(f"{self._prefix}-{self._where}-*{self._suffix}"):
                if stale != self.path:
                    stale.unlink(missing_ok=True)
        except OSError:
            pass

    def write_marshal(self, value: Any) -> None:
        import marshal

        try:
            blob = marshal.dumps(value)
        except ValueError:  # data marshal cannot hold
            return
        self.write_bytes(blob)


def without_collector(read: Callable[[], Any]) -> Any:
    """``read()`` with the cyclic garbage collector paused: unmarshalling or
    decoding thousands of small tuples otherwise triggers collections that
    walk every object of the process (they make reading a cached matcher take
    twice as long). Plain data holds no cycles, so nothing is left uncollected."""
    import gc

    if not gc.isenabled():
        return read()
    gc.disable()
    try:
        return read()
    finally:
        gc.enable()
