"""Read article files whatever their encoding: UTF-8 (with or without BOM), UTF-16, Windows-1256.

The encoding is decided from the evidence of the bytes, and bytes that do not decode
are replaced with U+FFFD and counted, so that an import can say how many there were.
"""

from __future__ import annotations

import codecs
import io
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO, cast

# How much of a file the encoding is judged on when the file is read as a stream.
SAMPLE_BYTES = 1 << 20
# What one article may be (README, Input), and the bytes that many characters can take
# in any supported encoding: a text's limit, whether the importers or `extract` read it.
MAX_ARTICLE_CHARS = 10_000_000
MAX_TEXT_BYTES = MAX_ARTICLE_CHARS * 4
# A file is UTF-8 when its valid multi-byte sequences are at least this many times its
# invalid bytes.  Windows-1256 Arabic read as UTF-8 fails on most of its letters: over
# the 30,972 SaudiNewsNet articles written in Windows-1256 its valid sequences were a
# median 0.005 of its bad bytes and never more than 0.053.  A UTF-8 text with a few bad
# bytes keeps many good sequences around them; one of a few lines with three bad bytes
# among six letters is still UTF-8 (with 10 here it was read as Windows-1256, every
# letter turned to mojibake, and `extract` found nothing in it).
_UTF8_EVIDENCE = 1

_REPLACE_HANDLER = "timeline-count-replace"
_replaced = threading.local()


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _replaced.count = getattr(_replaced, "count", 0) + (exc.end - exc.start)
    return "\ufffd", exc.end


codecs.register_error(_REPLACE_HANDLER, _count_and_replace)


class UnreadableFile(Exception):
    """A file whose text cannot be decoded."""


def replaced_so_far() -> int:
    """Bytes this thread has replaced with U+FFFD; read before and after a decode."""
    return int(getattr(_replaced, "count", 0))


ERRORS = _REPLACE_HANDLER
"""The `errors=` name for decoders that replace bad bytes and count them."""


@dataclass(frozen=True)
class Encoding:
    """The codec a file is read with and why."""

    codec: str
    label: str  # as a person would name it: "UTF-8", "Windows-1256"


_UTF8 = Encoding("utf-8", "UTF-8")
_UTF8_BOM = Encoding("utf-8-sig", "UTF-8")
_UTF16 = Encoding("utf-16", "UTF-16")
_CP1256 = Encoding("cp1256", "Windows-1256")


def _bomless_utf16(data: bytes) -> Encoding | None:
    """UTF-16 LE/BE when the bytes look like UTF-16 without a BOM.

    Arabic and Latin text in UTF-16 has a high byte of 0x06 or 0x00 in almost every
    code unit; such bytes would otherwise decode as "valid" UTF-8 full of controls.
    """
    if len(data) < 4:
        return None
    data = data[: len(data) - len(data) % 2]
    for name, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        typical = high.count(0) + high.count(6)
        if typical >= 0.9 * len(high):
            return Encoding(name, "UTF-16")
    return None


def _utf8_evidence(data: bytes, *, complete: bool) -> tuple[int, int]:
    """(valid multi-byte sequences, invalid bytes) when the bytes are read as UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")(_REPLACE_HANDLER)
    before = replaced_so_far()
    text = decoder.decode(data, final=complete)
    bad = replaced_so_far() - before
    # Characters beyond ASCII (what encoding to ASCII drops), counted at C speed.
    good = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    return good, bad


def detect(data: bytes, *, complete: bool = True) -> Encoding:
    """The encoding of a file from its bytes (all of them, or a sample when not complete).

    Order matters: a BOM is certain; UTF-16 without a BOM shows in its high bytes;
    UTF-8 wins when valid sequences far outnumber bad bytes (a few bad bytes in a
    UTF-8 file are replaced and counted, not a reason to read it all as another code
    page); Windows-1256, the legacy Arabic code page, decodes any bytes and comes last.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _UTF8_BOM
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _UTF16
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise UnreadableFile("binary data, not a text file")
    good, bad = _utf8_evidence(data, complete=complete)
    if bad == 0 or (good > 0 and good >= _UTF8_EVIDENCE * bad):
        return _UTF8
    return _CP1256


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with what decoding it cost."""

    text: str
    encoding: Encoding
    replaced: int  # bytes that did not decode and became U+FFFD


def decode_counted(data: bytes) -> Decoded:
    """Decode the whole of a file's bytes, guessing the encoding, counting bad bytes."""
    encoding = detect(data, complete=True)
    before = replaced_so_far()
    text = data.decode(encoding.codec, _REPLACE_HANDLER)
    return Decoded(fold_line_ends(text), encoding, replaced_so_far() - before)


def decode(data: bytes) -> str:
    """Decode bytes of an Arabic text file, guessing the encoding (see detect)."""
    return decode_counted(data).text


def fold_line_ends(text: str) -> str:
    """Windows and old Mac line ends folded to \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(stream: BinaryIO) -> Decoded:
    """A text (a file, standard input) decoded like an article file, bounded in size.

    Raises UnreadableFile for more than MAX_TEXT_BYTES or for bytes that are not text.
    """
    data = stream.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise UnreadableFile(f"more than the {MAX_TEXT_BYTES:,} bytes a text may be")
    return decode_counted(data)


class Utf8Of(io.RawIOBase):
    """A stream of UTF-16 (its byte order mark first) read as UTF-8, for the readers of
    formats whose bytes are read as such (XML, mail): a file a text editor saved as
    "Unicode".  first, if given, rewrites the first characters read (an XML
    declaration's encoding).  Wrap it in io.BufferedReader to read lines."""

    def __init__(self, utf16: BinaryIO, first: Callable[[str], str] | None = None) -> None:
        super().__init__()
        self._text = io.TextIOWrapper(utf16, encoding="utf-16", errors="replace", newline="")
        self._left = b""
        self._first = first

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._left:
            chars = self._text.read(max(len(buffer) // 2, 1))
            if not chars:
                return 0
            if self._first is not None:
                chars, self._first = self._first(chars), None
            self._left = chars.encode("utf-8", "replace")
        size = min(len(buffer), len(self._left))
        buffer[:size] = self._left[:size]
        self._left = self._left[size:]
        return size


def utf8_reader(
    stream: BinaryIO | io.RawIOBase, first: Callable[[str], str] | None = None
) -> BinaryIO:
    """stream as a buffered reader of UTF-8 where it is UTF-16 with a byte order mark
    (Utf8Of), else of its own bytes; stream itself is never closed by it (its owner
    closes it: a reader that is collected closes what it reads)."""
    buffered = io.BufferedReader(_Borrowed(stream))
    if buffered.peek(2)[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return cast(BinaryIO, io.BufferedReader(Utf8Of(cast(BinaryIO, buffered), first)))
    return cast(BinaryIO, buffered)


class _Borrowed(io.RawIOBase):
    """Another's stream, read through and never closed."""

    def __init__(self, stream: BinaryIO | io.RawIOBase) -> None:
        super().__init__()
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer)) or b""
        buffer[: len(data)] = data
        return len(data)
