"""Article text made safe to show in the window: controls and bidi overrides made visible."""

from __future__ import annotations

import re

# Explicit embeddings and overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI)
# inside article text could reorder the interface around the text; shown as a
# replacement character instead.  Our own isolates are added after this is applied.
_BIDI_CONTROLS = {code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
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
