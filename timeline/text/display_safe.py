"""Article text made safe to show in the window: controls and bidi overrides made visible."""

from __future__ import annotations

import re

# Explicit embeddings and overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI)
# inside article text could reorder the interface around the text.  Publishers put
# them in their text to set a direction (18 of 31,030 SaudiNewsNet titles begin with
# RLM RLE, 121 bodies hold embeddings): each becomes the mark of its direction, or a
# word joiner for the ends and FSI, invisible and without the embedding's reach (a
# title beginning with "\ufffd" looked broken).  An override (LRO RLO) reverses what
# it holds, the way "gnp.exe" is spoofed: one that would reverse something is shown,
# as a replacement character; one that holds nothing it would turn (word processors
# leave LRO PDF pairs around spaces: 72 LROs in 24 SaudiNewsNet articles, a title
# beginning LRO RLO over Arabic) becomes a word joiner (overrides_shown): with nothing
# to turn it changes nothing, and a mark in its place would pull the neutrals after it
# (a name shown as "name: 3" laid out "3 :name" after a trailing RLM).  Our own
# isolates are added after this is applied.
_BIDI_CONTROLS = {
    0x202A: "\u200e",  # LRE: LEFT-TO-RIGHT MARK
    0x202B: "\u200f",  # RLE: RIGHT-TO-LEFT MARK
    0x202C: "\u2060",  # PDF: WORD JOINER (no direction, no break)
    0x202D: "\ufffd",  # LRO, unless overrides_shown finds it turns nothing
    0x202E: "\ufffd",  # RLO, the same
    0x2066: "\u200e",  # LRI
    0x2067: "\u200f",  # RLI
    0x2068: "\u2060",  # FSI
    0x2069: "\u2060",  # PDI
}
_LRO, _RLO, _PDF, _PDI = 0x202D, 0x202E, 0x202C, 0x2069
_ISOLATES = (0x2066, 0x2067, 0x2068)
# Letters written right to left (Hebrew, Arabic, Syriac, Thaana, NKo... and their
# presentation forms), as ranges: what an LRO turns; an RLO turns every other letter
# and every digit.  A class wider than the bidi classes errs towards showing.
_RTL_LETTERS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff"
_TURNED_BY = {
    _LRO: re.compile(f"(?=[^\\W\\d_])[{_RTL_LETTERS}]"),
    _RLO: re.compile(f"\\d|(?![{_RTL_LETTERS}])[^\\W_]"),
}
# Where a level opens or closes: the explicit controls and the ends of a paragraph as
# the shown text has them (a carriage return is shown as a symbol, not obeyed).
_LEVELS = re.compile("[\u202a-\u202e\u2066-\u2069\n\u2029]")
_MAX_DEPTH = 125  # the bidi algorithm's; deeper, every override is shown

# C0 controls other than tab and newline get their Control Pictures symbol (U+2400...);
# DEL and C1 controls a replacement character.
_CONTROLS = {code: chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\t\n"}
_CONTROLS[0x7F] = "\u2421"
_CONTROLS.update({code: "\ufffd" for code in range(0x80, 0xA0)})
# The noncharacters U+FFFE and U+FFFF (no glyph; no XML file may hold them, so an SVG of
# the timeline holding one was no XML): a replacement character.
_CONTROLS.update({0xFFFE: "\ufffd", 0xFFFF: "\ufffd"})
_TABLE = {**_CONTROLS, **_BIDI_CONTROLS}


# str.translate looks every character up (0.1 s for 1 MB); a regex finds the rare ones.
_PATTERN = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "]")


def _symbol(match: re.Match[str]) -> str:
    return _TABLE[ord(match.group())]


def overrides_shown(text: str) -> dict[int, str]:
    """For each override (LRO, RLO) in text that turns nothing, by its offset: a word
    joiner (invisible, no direction).  An override turns what it holds from its start
    to its PDF, its isolate's PDI or its paragraph's end, outside the embeddings and
    isolates inside it: an LRO turns right-to-left letters, an RLO any other letter or
    a digit.  One pass over the controls, each stretch of text between two of them
    searched once."""
    marks: dict[int, str] = {}
    stack: list[list[int]] = []  # [control, offset, turns] of each open level
    isolates = 0
    last = 0

    def close(level: list[int]) -> None:
        control, at, turns = level
        if control in (_LRO, _RLO) and not turns:
            marks[at] = "\u2060"

    for match in _LEVELS.finditer(text):
        at = match.start()
        if stack and at > last:
            top = stack[-1]
            turned = _TURNED_BY.get(top[0])
            if turned is not None and not top[2] and turned.search(text, last, at):
                top[2] = 1
        last = at + 1
        control = ord(match.group())
        if control == _PDF:
            if stack and stack[-1][0] not in _ISOLATES:
                close(stack.pop())
        elif control == _PDI:
            if isolates:
                isolates -= 1
                while (level := stack.pop())[0] not in _ISOLATES:
                    close(level)
                close(level)
        elif control in (0x0A, 0x2029):
            isolates = 0
            while stack:
                close(stack.pop())
        else:
            if len(stack) >= _MAX_DEPTH:
                return {}
            stack.append([control, at, 0])
            isolates += control in _ISOLATES
    if stack and last < len(text):
        top = stack[-1]
        turned = _TURNED_BY.get(top[0])
        if turned is not None and not top[2] and turned.search(text, last):
            top[2] = 1
    while stack:
        close(stack.pop())
    return marks


def for_display(text: str) -> str:
    """Text with every control character and explicit bidi control shown as a symbol,
    or as an invisible mark without its reach (see _BIDI_CONTROLS).

    One character in, one character out: offsets into the text (mention spans, search
    hits) stay valid.  Tabs and newlines are kept.
    """
    if "\u202d" not in text and "\u202e" not in text:
        return _PATTERN.sub(_symbol, text)
    marks = overrides_shown(text)
    return _PATTERN.sub(lambda m: marks.get(m.start()) or _TABLE[ord(m.group())], text)


# A title (or a source, a label) is shown whole up to this many characters, then cut
# with an ellipsis: a page whose "title" held a million characters cost 0.35 s each
# time its list row was painted (elided from the whole text) and as much to show it.
SHOWN_CHARS = 1_000


def isolated(text: str, limit: int = SHOWN_CHARS) -> str:
    """An untrusted name or title as one unit inside other text (a list row's "date ·
    source", a toolbar, an English label around Arabic): shown as for_display shows it,
    at most limit characters, in a first-strong isolate, so that it is laid out in its
    own direction ("@source" read "source@" in a right-to-left row) and does not
    reorder the words around it."""
    return f"\u2068{for_display(shown_part(text, limit))}\u2069"


def shown_part(text: str, limit: int = SHOWN_CHARS) -> str:
    """The text, or its first `limit` characters and an ellipsis when it is longer (the
    characters kept are the same, so spans inside them stay valid)."""
    return text if len(text) <= limit else text[:limit] + "\u2026"
