"""The PDF image's text layer: Arabic as the letters a search finds, not shaped forms.

Qt's PDF writer (QFontSubset::createToUnicodeMap, Qt 6.11) maps each glyph it embeds
to the lowest code point the font's cmap gives that glyph.  A shaped Arabic glyph has
no code point but its presentation form (U+FB50-U+FDFF, U+FE70-U+FEFF): تاريخ was
mapped to ﺗﺎﺭﻳﺦ, found by no search for تاريخ, and a lam-alef ligature to U+FEFB.  Each
font's ToUnicode map is rewritten with every presentation form of one letter folded to
it (NFKC; a ligature of two or more, lam-alef among them, kept as its one code point:
see _letters_of), and the space's glyph,
mapped to a tab, to a space; nothing else of the file changes (the drawing
instructions, the fonts, the document's information with its Creator mark), so the
pages look as they did.

Where a viewer puts the letters of a right-to-left run in reading order is its own
affair (Qt writes a word's glyphs in reading order, each where it is drawn).

Bounded: a map is read once, in one pass over its bytes, at most _MAP_BYTES long and
_MAP_ENTRIES entries written (a 2-byte code's all, each once); the fonts are those the pages' resources
name, each map read once.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from pathlib import Path
from typing import Any

from timeline.export.files import written_whole

# A ToUnicode map's tokens: a hex string, an array's brackets, a section's keywords.
_TOKEN = re.compile(
    rb"<([0-9A-Fa-f\s]*)>|(\[)|(\])|(beginbfrange|endbfrange|beginbfchar|endbfchar|endcmap)"
)
_SECTION_START = re.compile(rb"\d+\s+beginbf(?:char|range)")
# The code points a glyph may be mapped to that a search does not find: the shaped forms.
_SHAPED = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
# A map's bfchar section holds at most 100 entries (PDF 32000-1, 9.10.3).
_SECTION_ENTRIES = 100
# What is looked at: at most this many resource dictionaries (pages, forms, patterns),
# a map at most this long (Qt's for all of a font's 65,535 glyphs would be about
# 0.5 MB; 1 MB maps of junk were read in 0.1-0.6 s) and at most this many entries.
_RESOURCES_LOOKED_AT = 10_000
_MAP_BYTES = 1024 * 1024
_MAP_ENTRIES = 0x10000


def letters(mapped: str) -> str:
    """A glyph's text with each shaped form of one letter folded to it (NFKC), a
    ligature of two or more kept (see _letters_of); a mark's isolated form (U+FE70 and
    on, NFKC a space and the mark) to the mark alone; the space's glyph, mapped to a
    tab, to a space."""
    if mapped == "\t":
        # Qt's FreeType engine draws a tab with the space's glyph when a font has none
        # (Noto Sans and Noto Sans Arabic), and the lowest code point, the tab's, won:
        # every space between words was a tab in the text ("5\tMarch\t2021").
        return " "
    return _SHAPED.sub(_letters_of, mapped)


def _letters_of(match: re.Match[str]) -> str:
    folded = unicodedata.normalize("NFKC", match.group())
    if folded[:1] == " " and folded.strip():
        folded = folded.lstrip(" ")
    if len(folded) != 1:
        # A ligature (lam-alef, لى, الله) stays one code point: Poppler (pdftotext,
        # Evince, Okular) turns a right-to-left run round glyph by glyph and a glyph's
        # letters with it, so لا mapped to two letters read as ال (السلام as السالم,
        # الأمير as األمير), where the ligature's one code point, folded by the reader's
        # own NFKC after the turn, reads right.
        return match.group()
    return folded


def rewrite_map(data: bytes) -> bytes | None:
    """A ToUnicode map with its destinations folded by letters(), or None when nothing
    changes or the map is not in the form read here (bfchar and bfrange sections)."""
    if len(data) > _MAP_BYTES:
        return None
    entries = _entries(data)
    if entries is None:
        return None
    folded = [(code, letters(text)) for code, text in entries]
    if folded == entries:
        return None
    first = _SECTION_START.search(data)
    end = data.find(b"endcmap")
    if first is None or end < first.start():
        return None
    out = [data[: first.start()]]
    for at in range(0, len(folded), _SECTION_ENTRIES):
        section = folded[at : at + _SECTION_ENTRIES]
        out.append(b"%d beginbfchar\n" % len(section))
        for code, text in section:
            out.append(b"<%s> <%s>\n" % (code, text.encode("utf-16-be").hex().upper().encode()))
        out.append(b"endbfchar\n")
    out.append(data[end:])
    return b"".join(out)


def _entries(data: bytes) -> list[tuple[bytes, str]] | None:
    """Every code of the map (as its hex digits) with its text, in the map's order; None
    when the map is not read (a destination that is no UTF-16, a section cut short)."""
    entries: dict[bytes, str] = {}
    section = b""
    operands: list[bytes] = []
    array: list[str] | None = None
    written = 0  # entries written, a code written again counted again
    try:
        for token in _TOKEN.finditer(data):
            if written > _MAP_ENTRIES:
                return None
            digits, opening, closing, keyword = token.groups()
            if keyword is not None:
                if operands or array is not None:
                    return None
                section = keyword if keyword.startswith(b"begin") else b""
                continue
            if not section:
                continue
            if opening is not None:
                if array is not None or len(operands) != 2 or section != b"beginbfrange":
                    return None
                array = []
                continue
            if closing is not None:
                if array is None:
                    return None
                low, high = (int(code, 16) for code in operands)
                if high - low + 1 != len(array):
                    return None
                width = len(operands[0])
                for offset, text in enumerate(array):
                    entries[_code(low + offset, width)] = text
                written += len(array)
                operands, array = [], None
                continue
            hexed = re.sub(rb"\s", b"", digits)
            if array is not None:
                array.append(_text(hexed))
                if len(array) > _MAP_ENTRIES:
                    return None
                continue
            operands.append(hexed)
            if section == b"beginbfchar" and len(operands) == 2:
                entries[operands[0].upper()] = _text(operands[1])
                written += 1
                operands = []
            elif section == b"beginbfrange" and len(operands) == 3:
                low, high = int(operands[0], 16), int(operands[1], 16)
                text = _text(operands[2])
                written += high - low + 1
                if not text or high < low or written > _MAP_ENTRIES:
                    return None
                width = len(operands[0])
                last = ord(text[-1])
                for offset in range(high - low + 1):
                    # The last byte counts up (a range never crosses one in Qt's maps).
                    entries[_code(low + offset, width)] = text[:-1] + chr(last + offset)
                operands = []
    except (ValueError, UnicodeDecodeError):
        return None
    if operands or array is not None or written > _MAP_ENTRIES:
        return None
    return list(entries.items())


def _code(value: int, width: int) -> bytes:
    return b"%0*X" % (width, value)


def _text(hexed: bytes) -> str:
    if len(hexed) % 4:
        raise ValueError("not UTF-16")
    return bytes.fromhex(hexed.decode("ascii")).decode("utf-16-be")


def searchable(pdf: bytes) -> bytes:
    """The PDF with its fonts' ToUnicode maps rewritten by rewrite_map; the PDF as it
    was when none needs it, or when pypdf cannot read it (its text as Qt wrote it)."""
    from pypdf import PdfReader, PdfWriter

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(pdf))
        writer = PdfWriter(clone_from=reader)
        writer.pdf_header = reader.pdf_header  # Qt's version (1.4), not pypdf's 1.3
        changed = 0
        for stream in _to_unicode_maps(writer):
            rewritten = rewrite_map(stream.get_data())
            if rewritten is not None:
                stream.set_data(rewritten)
                changed += 1
        if not changed:
            return pdf
        out = io.BytesIO()
        writer.write(out)
    except Exception:  # pypdf's errors are of many kinds: the PDF as Qt wrote it
        return pdf
    return out.getvalue()


def make_searchable(path: Path) -> None:
    """Rewrite the PDF file at path (one Qt wrote: a print to a file) as searchable()
    gives it, the file replaced whole or left as it was.  OSError when it cannot be."""
    data = path.read_bytes()
    rewritten = searchable(data)
    if rewritten is not data:
        with written_whole(path) as partial:
            partial.write_bytes(rewritten)


def _to_unicode_maps(writer: Any) -> list[Any]:
    """Each ToUnicode stream of the fonts the pages, and the forms and patterns they
    draw, name: each once."""
    maps: dict[int, Any] = {}
    seen: set[int] = set()
    pending = [page.get("/Resources") for page in writer.pages]
    while pending and len(seen) < _RESOURCES_LOOKED_AT:
        resources = pending.pop()
        if resources is None:
            continue
        resources = resources.get_object()
        if id(resources) in seen or not hasattr(resources, "get"):
            continue
        seen.add(id(resources))
        for font in _values(resources.get("/Font")):
            cmap = font.get_object().get("/ToUnicode")
            if cmap is not None:
                stream = cmap.get_object()
                maps.setdefault(id(stream), stream)
        for kind in ("/XObject", "/Pattern"):
            for item in _values(resources.get(kind)):
                inner = item.get_object()
                if hasattr(inner, "get"):
                    pending.append(inner.get("/Resources"))
    return list(maps.values())


def _values(found: Any) -> list[Any]:
    if found is None:
        return []
    found = found.get_object()
    return list(found.values()) if hasattr(found, "values") else []
