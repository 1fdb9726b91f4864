"""Read article files whatever their encoding: UTF-8 (with or without BOM), UTF-16, Windows-1256."""

from __future__ import annotations

import codecs
from pathlib import Path


class UnreadableFile(Exception):
    """A file whose text cannot be decoded."""


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes look like UTF-16 without a BOM.

    Arabic and Latin text in UTF-16 has a high byte of 0x06 or 0x00 in almost every
    code unit; such bytes would otherwise decode as "valid" UTF-8 full of controls.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    for name, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        typical = high.count(0) + high.count(6)
        if typical >= 0.9 * len(high):
            return name
    return None


def decode(data: bytes) -> str:
    """Decode bytes of an Arabic text file, guessing the encoding.

    Order matters: a BOM is certain; strict UTF-8 almost never decodes text that is
    not UTF-8; UTF-16 without a BOM shows in its high bytes; Windows-1256 is the
    legacy Arabic code page and decodes almost any byte string, so it comes last.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise UnreadableFile(f"looks like UTF-16 but does not decode: {exc}") from exc
    if b"\x00" in data:
        raise UnreadableFile("binary data, not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"not UTF-8, UTF-16 or Windows-1256: {exc}") from exc


def read_text(path: Path) -> str:
    """The text of a file, with Windows line ends folded to \\n."""
    text = decode(path.read_bytes())
    return text.replace("\r\n", "\n").replace("\r", "\n")
