"""Fold Arabic text for date matching while keeping a map back to the original offsets."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.text.normalize import DROPPED_CODEPOINTS, SPELLING_FOLDS

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
# variants to bare alef, ta marbuta to ha, Arabic-Indic and Persian digits to ASCII),
# plus Arabic digit separators, exotic spaces and dashes.
_FOLD = {
    **SPELLING_FOLDS,
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
    """A folded copy of a text with, for each folded character, its original offset."""

    original: str
    text: str
    index: Sequence[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded span [start, end); end is exclusive."""
        if end <= start:
            pos = self.index[start] if start < len(self.index) else len(self.original)
            return pos, pos
        stop = self.index[end - 1] + 1
        # Take along the marks and tatweel that trail the last letter (صباحاً, هـ),
        # so a span never cuts a letter from its harakat.
        while stop < len(self.original) and ord(self.original[stop]) in _TRAILING:
            stop += 1
        return self.index[start], stop


_DROPPED_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_DROPPED)) + "]")
_FOLD_PAIRS = tuple(_FOLD.items())


def fold(text: str) -> Folded:
    """Fold text for matching; see Folded.span to get back to the original."""
    # str.replace per folded letter runs at C speed; str.translate with a table is
    # several times slower on Arabic text, and this runs on every article.
    index: Sequence[int]
    if _DROPPED_RE.search(text) is None:
        folded, index = text, range(len(text))
    else:
        folded = _DROPPED_RE.sub("", text)
        kept: list[int] = []
        kept_from = 0
        for hit in _DROPPED_RE.finditer(text):
            kept.extend(range(kept_from, hit.start()))
            kept_from = hit.end()
        kept.extend(range(kept_from, len(text)))
        index = kept
    for old, new in _FOLD_PAIRS:
        if old in folded:
            folded = folded.replace(old, new)
    return Folded(text, folded, index)


def strip_marks(text: str) -> str:
    """The folded form of a text: no tashkeel or tatweel, folded letters, ASCII digits."""
    return fold(text).text
