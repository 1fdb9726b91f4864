"""Check how Qt drew a text: glyph clusters in display order, Arabic letters joined.

The check reads what Qt's shaper produced, not pixels, so it holds for any Arabic
font and fails on text handed to Qt already reshaped or reordered (DESIGN.md, Text).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from bidi import get_display
from PySide6.QtGui import QFont, QRawFont, QTextLayout, QTextOption

# Letters that join only to the letter before them (Unicode joining type R) and the
# hamza, which joins to nothing; every other Arabic letter joins on both sides.
_RIGHT_JOINING = set("اأإآٱدذرزوؤة") | {"ء"}


def _is_arabic_letter(ch: str) -> bool:
    # Tatweel (U+0640) joins but has a single form, so it is never "drawn isolated".
    return ("\u0620" <= ch <= "\u064a" or "\u066e" <= ch <= "\u06d3") and ch != "\u0640"


def _isolated_glyphs(ch: str, font: QFont, raw: QRawFont) -> set[int]:
    """The glyphs that show `ch` unjoined: its letter shaped alone, or an isolated form."""
    letter = unicodedata.normalize("NFKC", ch)[:1]
    alone = QTextLayout(letter, font)
    alone.beginLayout()
    alone.createLine()
    alone.endLayout()
    glyphs = {
        g
        for run in alone.glyphRuns()
        if run.rawFont().familyName() == raw.familyName()
        for g in run.glyphIndexes()
    }
    if unicodedata.decomposition(ch).startswith("<isolated>"):
        glyphs.update(raw.glyphIndexesForString(ch))
    return glyphs


@dataclass
class Drawn:
    visual: str  # the characters left to right (spaces and marks left out)
    unjoined: list[int]  # indexes of letters that should join but were drawn isolated


def lay_out(text: str, font: QFont, option: QTextOption | None = None) -> Drawn:
    """Lay `text` out on one line as a widget would, and read what Qt drew."""
    layout = QTextLayout(text, font)
    if option is not None:
        layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    return read_layout(layout, font)


def read_layout(layout: QTextLayout, font: QFont, text: str | None = None) -> Drawn:
    """What Qt drew for a laid-out text; for a QTextDocument block pass block.text().

    For a layout of several lines, `visual` runs line by line.
    """
    text = layout.text() if text is None else text
    # Per character: the glyphs Qt drew for it and where.  (QGlyphRun.stringIndexes
    # of a whole-line run is not reliable across bidi items, so ask per character.)
    flags = (
        QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
        | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
    )
    line_of = {}
    for n in range(layout.lineCount()):
        line = layout.lineAt(n)
        for i in range(line.textStart(), line.textStart() + line.textLength()):
            line_of[i] = n
    # line, x, char index, glyph, rtl, run
    glyphs: list[tuple[int, float, int, int, bool, Any]] = []
    for index, ch in enumerate(text):
        if ch.isspace() or unicodedata.category(ch) in ("Mn", "Cf"):
            # Marks sit on their base letter; spaces and format characters (isolates,
            # joiners) carry no order of their own.
            continue
        for run in layout.glyphRuns(index, 1, flags):
            positions = run.positions()
            for k, glyph in enumerate(run.glyphIndexes()):
                glyphs.append(
                    (
                        line_of.get(index, 0),
                        positions[k].x(),
                        index,
                        glyph,
                        run.isRightToLeft(),
                        run,
                    )
                )
                break
    # Left to right; characters drawn as one glyph (a lam-alef) in their run's order.
    glyphs.sort(key=lambda g: (g[0], round(g[1], 1), -g[2] if g[4] else g[2]))
    visual = []
    seen: set[int] = set()
    for _line, _x, index, _glyph, _rtl, _run in glyphs:
        if index not in seen:
            seen.add(index)
            # NFKC folds presentation forms (U+FExx, what a reshaper emits) to letters.
            visual.append(unicodedata.normalize("NFKC", text[index]))

    unjoined = []
    folded = [unicodedata.normalize("NFKC", ch)[:1] for ch in text]
    for _line, _x, index, glyph, _rtl, run in glyphs:
        ch = folded[index]
        prev = folded[index - 1] if index else ""
        if not (_is_arabic_letter(ch) and _is_arabic_letter(prev) and prev not in _RIGHT_JOINING):
            continue
        if glyph in _isolated_glyphs(text[index], font, run.rawFont()):  # type: ignore[attr-defined]
            unjoined.append(index)
    return Drawn("".join(visual), sorted(unjoined))


def display_order(text: str, base_dir: str | None = None) -> str:
    """python-bidi's display order, without the spaces, marks and format characters
    that lay_out leaves out.  base_dir ('L' or 'R') forces the paragraph direction."""
    shown = get_display(text, base_dir=base_dir) if base_dir else get_display(text)
    return "".join(
        ch for ch in shown if not ch.isspace() and unicodedata.category(ch) not in ("Mn", "Cf")
    )


def rendered_correctly(
    given: str, logical: str, font: QFont, option: QTextOption | None = None
) -> bool:
    """Whether the string handed to Qt shows `logical` as a reader must see it."""
    drawn = lay_out(given, font, option)
    return drawn.visual == display_order(logical) and not drawn.unjoined
