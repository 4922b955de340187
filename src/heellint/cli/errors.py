"""Turning exceptions into one-line messages and exit codes."""

from __future__ import annotations

from heellint.core.yamlio import DataError


def describe(error: BaseException) -> tuple[str, int]:
    from heellint.api import UsageError

    if isinstance(error, DataError):
        return str(error), 2
    if isinstance(error, UsageError):
        return str(error), 2
    if isinstance(error, FileNotFoundError):
        return f"{error.filename or ''}: no such file or directory", 2
    if isinstance(error, PermissionError):
        return f"{error.filename or ''}: permission denied", 2
    if isinstance(error, MemoryError):
        return "out of memory", 2
    return (
        f"internal error: {type(error).__name__}: {error} "
        "(set HEELLINT_DEBUG=1 for a traceback, and please report it)",
        2,
    )
