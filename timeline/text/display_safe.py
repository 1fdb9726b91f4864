"""Article text made safe to show in the window: controls and bidi overrides made visible."""

from __future__ import annotations

import re

# Explicit embeddings and overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI)
# inside article text could reorder the interface around the text.  An override
# (LRO RLO) reverses the letters it holds, the way "gnp.exe" is spoofed: it is shown,
# as a replacement character.  Publishers put the others in their text to set a
# direction (18 of 31,030 SaudiNewsNet titles begin with RLM RLE, 121 bodies hold
# them): each becomes the mark of its direction, or a word joiner for the ends and
# FSI, invisible and without the embedding's reach (a title beginning with "\ufffd"
# looked broken).  Our own isolates are added after this is applied.
_BIDI_CONTROLS = {
    0x202A: "\u200e",  # LRE: LEFT-TO-RIGHT MARK
    0x202B: "\u200f",  # RLE: RIGHT-TO-LEFT MARK
    0x202C: "\u2060",  # PDF: WORD JOINER (no direction, no break)
    0x202D: "\ufffd",  # LRO
    0x202E: "\ufffd",  # RLO
    0x2066: "\u200e",  # LRI
    0x2067: "\u200f",  # RLI
    0x2068: "\u2060",  # FSI
    0x2069: "\u2060",  # PDI
}
# C0 controls other than tab and newline get their Control Pictures symbol (U+2400...);
# DEL and C1 controls a replacement character.
_CONTROLS = {code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\t\n"}
_CONTROLS[0x7F] = "\u2421"
_CONTROLS.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_TABLE = {**_CONTROLS, **_BIDI_CONTROLS}


# str.translate looks every character up (0.1 s for 1 MB); a regex finds the rare ones.
_PATTERN = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "]")


def _symbol(match: re.Match[str]) -> str:
    return _TABLE[ord(match.group())]


def for_display(text: str) -> str:
    """Text with every control character and explicit bidi control shown as a symbol.

    One character in, one character out: offsets into the text (mention spans, search
    hits) stay valid.  Tabs and newlines are kept.
    """
    return _PATTERN.sub(_symbol, text)


# A title (or a source, a label) is shown whole up to this many characters, then cut
# with an ellipsis: a page whose "title" held a million characters cost 0.35 s each
# time its list row was painted (elided from the whole text) and as much to show it.
SHOWN_CHARS = 1_000


def shown_part(text: str, limit: int = SHOWN_CHARS) -> str:
    """The text, or its first `limit` characters and an ellipsis when it is longer (the
    characters kept are the same, so spans inside them stay valid)."""
    return text if len(text) <= limit else text[:limit] + "\u2026"
