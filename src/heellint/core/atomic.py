"""Replacing a file without a moment where it is half written."""

from __future__ import annotations

import contextlib
import os
import tempfile


def replace_file(path: str | os.PathLike, data: bytes, *, prefix: str = ".heellint-", mode: int | None = None,
                 durable: bool = False) -> None:
    """Write ``data`` to a temporary file in ``path``'s folder, then rename it
    over ``path``. ``mode`` sets the permissions; ``durable`` syncs to disk
    before the rename (articles; caches need not). The temporary file never
    outlives a failure; errors propagate as OSError."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(data)
            if durable:
                output.flush()
                os.fsync(output.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
