"""Fold Arabic text for date matching while keeping a map back to the original offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from timeline.dating.lazy import lazy
from timeline.text.normalize import DROPPED_CODEPOINTS, SEARCH_FOLDS, fold_fullwidth

# Marks that carry no date information and break matching when left in: the marks
# and tatweel search drops too (timeline.text.normalize), plus the invisible
# direction/format controls that web text is full of (RLM, LRM, ALM, ZWJ, BOM).
_DROPPED = (
    set(DROPPED_CODEPOINTS)
    | {0x061C, 0xFEFF, 0x00AD}
    | set(range(0x200B, 0x2010))
    | set(range(0x202A, 0x202F))
    | set(range(0x2066, 0x206A))
)

_TRAILING = set(DROPPED_CODEPOINTS)

# One character in, one character out: search's spelling folds (hamza seats and alef
# variants to bare alef, ta marbuta to ha, Arabic-Indic and Persian digits to ASCII,
# the Persian and Urdu forms of letters: ینایر is يناير), plus Arabic digit separators,
# exotic spaces and dashes.
_FOLD = {
    **SEARCH_FOLDS,
    "٫": ".",
    "٬": ",",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
}


@dataclass(frozen=True)
class Folded:
    """A folded copy of a text and the way back from its offsets to the original's.

    dropped holds, for each character folding dropped (a mark, a direction control), the
    folded offset it would have had, in order: a folded offset's original is itself plus
    the number of those at or before it.  A list of every offset would cost a Python int
    per character of every article.
    """

    original: str
    text: str
    dropped: Sequence[int] = ()

    def original_offset(self, pos: int) -> int:
        """Original offset of the folded character at pos (0 <= pos < len(text))."""
        return pos + bisect_right(self.dropped, pos) if self.dropped else pos

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded span [start, end); end is exclusive."""
        if not self.dropped and start < end:
            return start, end  # nothing dropped: no mark trails a letter either
        if end <= start:
            pos = self.original_offset(start) if start < len(self.text) else len(self.original)
            return pos, pos
        stop = self.original_offset(end - 1) + 1
        # Take along the marks and tatweel that trail the last letter (صباحاً, هـ),
        # so a span never cuts a letter from its harakat.
        while stop < len(self.original) and ord(self.original[stop]) in _TRAILING:
            stop += 1
        return self.original_offset(start), stop

    def spans(self, bounds: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """span(start, end) of each of bounds, in one call: a text dense with dates has a
        mention every 16 characters, and three calls each cost more than their bisections."""
        dropped = self.dropped
        if not dropped:
            return [(start, end) if start < end else self.span(start, end) for start, end in bounds]
        original = self.original
        size = len(original)
        trailing = _TRAILING
        found: list[tuple[int, int]] = []
        for start, end in bounds:
            if end <= start:
                found.append(self.span(start, end))
                continue
            # original_offset(end - 1) + 1, then the marks trailing the last letter.
            stop = end + bisect_right(dropped, end - 1)
            while stop < size and ord(original[stop]) in trailing:
                stop += 1
            found.append((start + bisect_right(dropped, start), stop))
        return found


_DROPPED_RE = lazy("[" + "".join(re.escape(chr(c)) for c in sorted(_DROPPED)) + "]")
_FOLD_PAIRS = tuple(_FOLD.items())

# Characters a pass over a whole text in one C call (a regex's split or search, an
# encode) is given at a time.  Such a call holds the GIL to its end, so while a long
# text is dated on a worker or the window's writer the GUI thread waits for it: on a
# text of 10 MB the split of fold took 100 ms, char_positions' encode 44 ms, and the
# search for a digit of another script 150 ms.  A step of this many characters holds
# it a few milliseconds; a news article is one step.
GIL_STEP = 1 << 18


def fold(text: str) -> Folded:
    """Fold text for matching; see Folded.span to get back to the original."""
    # str.replace per folded letter runs at C speed; str.translate with a table is
    # several times slower on Arabic text, and this runs on every article.
    # One regex pass: the pieces between dropped characters give the folded text, and
    # their running lengths are the folded offsets of what was dropped (a search, a sub
    # and a finditer were three passes).
    pieces = _split_dropped(text)
    folded = "".join(pieces) if len(pieces) > 1 else text
    dropped = list(accumulate(map(len, pieces[:-1])))
    for old, new in _FOLD_PAIRS:
        if old in folded:
            folded = folded.replace(old, new)
    # Fullwidth digits and Latin letters as ASCII ones (the digits were read where a
    # month name led the rules to them, never alone: "عام ２０１５" gave no year).  One
    # search of the text, 11 us of a 1.8 KB article's 1.5 ms of extraction: extract_eval's
    # throughput was 1,600 articles/s of CPU before it and 1,650 after (five rounds each).
    return Folded(text, fold_fullwidth(folded, GIL_STEP), dropped)


def _split_dropped(text: str, step: int = GIL_STEP) -> list[str]:
    """_DROPPED_RE.split(text), a step of the text at a time (see GIL_STEP): each step's
    first piece continues the last one before it (the pattern is one character)."""
    if len(text) <= step:
        return _DROPPED_RE.split(text)
    pieces = [""]
    for at in range(0, len(text), step):
        part = _DROPPED_RE.split(text[at : at + step])
        pieces[-1] += part[0]
        pieces += part[1:]
    return pieces


# strip_marks runs on the rules' words and patterns at import.  On a word a table is
# fastest; on a pattern (up to 4 KB, 50 KB in all) str.translate looks every Arabic
# character up in the dict and raises a KeyError for each one it keeps, so a long text
# is searched for each character to drop or fold and replaced where one is, at C speed
# (no regex: importing the rules compiles none).
_STRIP_TABLE = str.maketrans({**dict.fromkeys(map(chr, _DROPPED)), **_FOLD})
_STRIP_PAIRS = tuple((chr(c), "") for c in sorted(_DROPPED)) + _FOLD_PAIRS
_SHORT = 64


def strip_marks(text: str) -> str:
    """The folded form of a text: no tashkeel or tatweel, folded letters, ASCII digits.

    The same as fold(text).text (no fold maps a letter to another folded one) but for
    fullwidth forms, which no rule's word or pattern holds.
    """
    if len(text) <= _SHORT:
        return text.translate(_STRIP_TABLE)
    for old, new in _STRIP_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text
