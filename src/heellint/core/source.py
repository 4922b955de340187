"""Reading article bytes into text, and writing fixed text back without loss.

The encoding and byte-order mark are remembered and restored; line endings are
never translated (the text keeps its ``\\r\\n``); a write goes to a temporary
file in the same folder and is renamed over the original, keeping its mode;
and a file that changed on disk since it was read is not overwritten.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from dataclasses import dataclass


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class SourceError(Exception):
    """The file cannot be linted as text: the reason is in ``args[0]``."""

    def __init__(self, message: str, kind: str = "unreadable", offset: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind  # "unreadable" | "binary" | "encoding"
        self.offset = offset


@dataclass(frozen=True, slots=True)
class SourceText:
    text: str
    encoding: str
    bom: bytes
    digest: str  # sha256 of the bytes read

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode_bytes(data: bytes) -> SourceText:
    digest = hashlib.sha256(data).hexdigest()
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return SourceText(data[len(bom):].decode(encoding), encoding, bom, digest)
            except UnicodeDecodeError as error:
                raise SourceError(f"not valid {encoding.upper()}: {error.reason} at byte {error.start + len(bom)}",
                                  "encoding", error.start + len(bom)) from None
    if b"\x00" in data[:8192]:
        raise SourceError("binary file (contains NUL bytes); not linted", "binary")
    try:
        return SourceText(data.decode("utf-8"), "utf-8", b"", digest)
    except UnicodeDecodeError as error:
        raise SourceError(
            f"not valid UTF-8 ({error.reason} at byte {error.start}); save the file as UTF-8", "encoding", error.start
        ) from None


def read_source(path: str) -> SourceText:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except OSError as error:
        raise SourceError(f"cannot read: {error.strerror or error}") from None
    return decode_bytes(data)


class ChangedOnDisk(Exception):
    pass


def write_atomically(path: str, source: SourceText, new_text: str) -> None:
    """Write ``new_text`` in ``source``'s encoding; refuse if the file changed."""
    try:
        with open(path, "rb") as handle:
            current = handle.read()
    except OSError as error:
        raise ChangedOnDisk(f"cannot re-read before writing: {error.strerror or error}") from None
    if hashlib.sha256(current).hexdigest() != source.digest:
        raise ChangedOnDisk("the file changed on disk since it was read; not overwritten")
    from heellint.core.atomic import replace_file  # writing only: tempfile and shutil stay unimported on a check

    mode = stat.S_IMODE(os.stat(path).st_mode)
    replace_file(path, source.encode(new_text), mode=mode, durable=True)
