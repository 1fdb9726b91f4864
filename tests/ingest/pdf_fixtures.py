"""PDF files made for tests: text placed where a producer would place it, written in
the order a producer would write it.

A page is a list of runs (x, y, text): each run is one text-showing operator at its
position, in the order given (the content stream's order).  Each distinct character
(or glyph text, for a run given as a list of glyph texts) gets a glyph id of its own in
one font whose ToUnicode map says what each glyph is, as producers that embed a subset
of a font write it; the font's program itself is not embedded (extraction never draws).

`drawn` gives a line as a browser or Qt writes Arabic: shaped (presentation forms),
each glyph a run of its own from left to right, spaces as glyphs of their own.
`written` gives it as a word processor writes it: the whole line one run, as read.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from arabic_reshaper import reshape
from bidi.algorithm import get_display

Run = tuple[float, float, "str | Sequence[str]"]

GLYPH_WIDTH = 500  # every glyph's advance, in thousandths of the font size
FONT_SIZE = 10


def drawn(line: str, y: float, right: float = 550.0) -> list[Run]:
    """A line of logical text as drawn: shaped, laid out right to left as a reader
    sees it, and written glyph by glyph from the left."""
    visual = get_display(reshape(line))
    step = GLYPH_WIDTH * FONT_SIZE / 1000
    left = right - step * len(visual)
    return [(left + i * step, y, char) for i, char in enumerate(visual)]


def written(line: str, y: float, right: float = 550.0) -> list[Run]:
    """A line as read, in one run that starts at the line's right edge less its width."""
    step = GLYPH_WIDTH * FONT_SIZE / 1000
    return [(right - step * len(line), y, line)]


def _hex_utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def pdf_bytes(
    pages: Sequence[Sequence[Run]],
    *,
    info: dict[str, str] | None = None,
    encrypt: bytes = b"",
    scanned: Sequence[int] = (),
    cmap_tail: bytes = b"",
) -> bytes:
    """A PDF of the pages (each a list of runs); info: its document information;
    scanned: the pages (from 0) that also draw an image (a scan's page, its picture
    a grey square: what OCR would read on it is the test's to say); cmap_tail: what
    the font's ToUnicode map holds after its glyphs (a hostile file's)."""
    glyphs: dict[str, int] = {}
    for page in pages:
        for _, _, text in page:
            for glyph in [text] if isinstance(text, str) and len(text) <= 1 else list(text):
                glyphs.setdefault(glyph, len(glyphs) + 1)
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    cmap_lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    entries = list(glyphs.items())
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        cmap_lines.append(f"{len(chunk)} beginbfchar")
        cmap_lines += [f"<{gid:04X}> <{_hex_utf16(text)}>" for text, gid in chunk]
        cmap_lines.append("endbfchar")
    cmap_lines.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    cmap = "\n".join(cmap_lines[:-1]).encode("ascii") + cmap_tail + b"\n"
    cmap += cmap_lines[-1].encode("ascii")
    to_unicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /TestSans /Flags 32 /FontBBox [0 -200 1000 800]"
        b" /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"
    )
    cid_font = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /FontDescriptor %d 0 R /DW %d /CIDToGIDMap /Identity >>" % (descriptor, GLYPH_WIDTH)
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding /Identity-H"
        b" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, to_unicode)
    )
    pixels = bytes([128]) * 64
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
    )
    page_ids: list[int] = []
    pages_id = len(objects) + 1 + 2 * len(pages)  # written after the pages
    for number, page in enumerate(pages):
        ops = ["q 500 0 0 700 50 50 cm /Im1 Do Q"] if number in scanned else []
        ops.append(f"BT /F1 {FONT_SIZE} Tf")
        for x, y, text in page:
            units = [text] if isinstance(text, str) and len(text) <= 1 else list(text)
            codes = "".join(f"{glyphs[g]:04X}" for g in units)
            ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm <{codes}> Tj")
        ops.append("ET")
        content = "\n".join(ops).encode("ascii")
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792]"
                b" /Resources << /Font << /F1 %d 0 R >>%s >> /Contents %d 0 R >>"
                % (
                    pages_id,
                    font,
                    b" /XObject << /Im1 %d 0 R >>" % image if number in scanned else b"",
                    stream,
                )
            )
        )
    kids = " ".join(f"{i} 0 R" for i in page_ids).encode("ascii")
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    info_id = None
    if info:
        fields = " ".join(f"/{k} <FEFF{_hex_utf16(v)}>" for k, v in info.items())
        info_id = add(f"<< {fields} >>".encode("ascii"))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"/Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info_id is not None:
        trailer += b" /Info %d 0 R" % info_id
    out += b"trailer\n<< " + trailer + encrypt + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


_LIGATURES = {"\ufefb": "لا", "\ufef7": "لأ", "\ufef9": "لإ", "\ufef5": "لآ"}


_LEFT_TO_RIGHT = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z.,:/ -]*[0-9A-Za-z])?")


def lettered(line: str, y: float, right: float = 550.0) -> list[Run]:
    """A right-to-left line as a word processor writes it (LibreOffice): a run for each
    stretch of one direction, in reading order, each placed where it is drawn; a
    run's glyphs in the order drawn, each mapped to the letters it stands for (the
    lam-alef ligature to its two letters in reading order, a mirrored bracket to the
    bracket as written)."""
    step = GLYPH_WIDTH * FONT_SIZE / 1000
    runs: list[Run] = []
    cursor = right
    at = 0
    pieces: list[tuple[str, bool]] = []
    for match in _LEFT_TO_RIGHT.finditer(line):
        if match.start() > at:
            pieces.append((line[at : match.start()], False))
        pieces.append((match.group(), True))
        at = match.end()
    if at < len(line):
        pieces.append((line[at:], False))
    for text, left_to_right in pieces:
        if left_to_right:
            glyphs = list(text)
        else:
            marked = text
            for mark, letters in _LIGATURES.items():
                marked = marked.replace(letters, mark)
            glyphs = [_LIGATURES.get(c, c) for c in reversed(marked)]
        cursor -= step * len(glyphs)
        runs.append((cursor, y, glyphs))
    return runs


def scan_of(lines: list[str], path: Path) -> Path:
    """A PDF whose one page is a picture of the lines (no text in it), drawn by Qt; or,
    for a path ending in .png, the picture itself (a screenshot of an article)."""
    script = r"""
import sys
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPageLayout,
    QPageSize, QPainter, QPdfWriter, QTextOption)
app = QGuiApplication([])
family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(sys.argv[2]))[0]
lines = sys.argv[3:]
width, height = 1654, 200 + 70 * len(lines)
image = QImage(width, height, QImage.Format.Format_Grayscale8)
image.fill(QColor("white"))
painter = QPainter(image)
font = QFont(family)
font.setPixelSize(34)
painter.setFont(font)
option = QTextOption(Qt.AlignmentFlag.AlignRight)
option.setTextDirection(Qt.LayoutDirection.RightToLeft)
for i, line in enumerate(lines):
    painter.drawText(QRectF(80, 80 + 70 * i, width - 160, 60), line, option)
painter.end()
if sys.argv[1].endswith(".png"):
    image.save(sys.argv[1])
    raise SystemExit
writer = QPdfWriter(sys.argv[1])
writer.setResolution(200)
size = QSizeF(width / 200 * 25.4, height / 200 * 25.4)
writer.setPageLayout(QPageLayout(QPageSize(size, QPageSize.Unit.Millimeter),
    QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
page = QPainter(writer)
page.drawImage(QRectF(0, 0, width, height), image)
page.end()
"""
    font = (
        Path(__file__).resolve().parents[2] / "resources" / "fonts" / "NotoSansArabic-Regular.ttf"
    )
    subprocess.run(
        [sys.executable, "-c", script, str(path), str(font), *lines],
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    return path
