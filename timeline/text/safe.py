"""Untrusted text made harmless for a terminal, made visible for a reader, or written as a file format can hold it: controls and bidi overrides."""

from __future__ import annotations

import json
import re
from typing import Any

# C0 controls except tab and newline, DEL, and C1 controls (U+0080-U+009F: U+009B is
# a one-byte CSI to some terminals).  ESC among them: no escape sequence survives.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Explicit embeddings and overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI
# PDI): in untrusted text they reorder what follows them, even past the end of the
# field ("txt.exe" shown as "exe.txt").  Isolates the program adds itself are added
# after this, around the already neutralized text.
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_CONTROLS}{_BIDI_CONTROLS}]")
_UNSAFE_IN_LINE = re.compile(f"[\n{_CONTROLS}{_BIDI_CONTROLS}]")
_UNSAFE_IN_JSON = re.compile(f"[{_CONTROLS}{_BIDI_CONTROLS}\u2028\u2029]")

_BIDI_NAMES = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}


def terminal_safe(text: str) -> str:
    """The text with C0/C1 controls (but tab and newline) and bidi overrides removed.

    Whatever an article, a file name or an error message holds, printing the result
    cannot move the cursor, retitle or clear the terminal, nor reorder the line.
    """
    return _UNSAFE.sub("", text)


def tag_name(typed: str) -> str:
    """A tag's name as it is stored: controls and bidi overrides taken out (what
    terminal_safe takes out where the name is shown), runs of white space one space.
    So the name shown is the name held, and two tags that look alike are one."""
    return " ".join(_UNSAFE.sub("", typed).split())


def _picture(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"\u27e8{_BIDI_NAMES.get(ch, f'U+{code:04X}')}\u27e9"


def visible_controls(text: str, *, keep_newlines: bool = True) -> str:
    """The text with every control and bidi override shown as a visible symbol.

    For a reader who should see that a title holds an ESC (␛) or a right-to-left
    override (⟨RLO⟩) rather than have it act.  Newlines stay newlines unless
    keep_newlines is false (for one-line places such as a list row).
    """
    pattern = _UNSAFE if keep_newlines else _UNSAFE_IN_LINE
    return pattern.sub(lambda m: _picture(m.group()), text)


def json_line(data: Any, **options: Any) -> str:
    """json.dumps for a terminal: controls and bidi overrides inside strings escaped.

    With ensure_ascii=False json escapes C0 but lets C1 controls and bidi overrides
    through; as \\uXXXX escapes they keep the data whole and cannot act.  The line and
    paragraph separators too, where str.splitlines ends a line: `timeline list --json`
    prints a record a line for any reader.
    """
    return json_escaped(json.dumps(data, ensure_ascii=False, **options))


def json_escaped(text: str) -> str:
    """JSON text with the controls, bidi overrides and line separators json.dumps lets
    through written as \\uXXXX escapes (the same data: JSON holds them only in strings)."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# A spreadsheet (Excel; LibreOffice when asked to evaluate) opening a CSV takes a cell
# that starts with one of these as a formula: =HYPERLINK(...) in a web page's title
# becomes a live link, and older DDE forms could run a program (OWASP, CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GUARD = "'"


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell that no spreadsheet takes as a formula: one starting like a formula is
    written after an apostrophe, the mark spreadsheets themselves use for "text" (and
    so is one already starting with apostrophes before such a start, so that
    spreadsheet_value gives every cell back exactly)."""
    return _GUARD + cell if cell.lstrip(_GUARD).startswith(_FORMULA_STARTS) else cell


def spreadsheet_value(cell: str) -> str:
    """The value spreadsheet_safe() guarded, given back (reading the program's own CSV)."""
    if cell.startswith(_GUARD) and cell.lstrip(_GUARD).startswith(_FORMULA_STARTS):
        return cell[1:]
    return cell


# What no XML 1.0 document holds, even as a reference: C0 controls but tab, newline and
# carriage return, and the noncharacters U+FFFE and U+FFFF.  A workbook's cell is XML
# (openpyxl refuses the controls, lxml the noncharacters: a title holding one failed a
# whole export).
_NOT_IN_XML_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff"
_NOT_IN_XML = re.compile(f"[{_NOT_IN_XML_CHARS}]")
# The characters a workbook cell holds at most (Excel's limit; a longer one makes Excel
# repair the file).
CELL_CHARS = 32_767


def xml_chars(text: str) -> str:
    """The text with each character no XML holds a replacement character (U+FFFD): as
    the .timeline export writes a text."""
    return _NOT_IN_XML.sub("\ufffd", text)


def workbook_cell(text: str, limit: int = CELL_CHARS) -> tuple[str, bool]:
    """A text as the workbook export writes it in a cell, and whether it was cut: each
    control no XML holds as its Control Pictures symbol (as the window shows it), a
    noncharacter as a replacement character, after an apostrophe when it starts like a
    formula (spreadsheet_safe), and past `limit` characters cut with an ellipsis."""
    text = spreadsheet_safe(_NOT_IN_XML.sub(_cell_symbol, text))
    if len(text) <= limit:
        return text, False
    return text[: limit - 1] + "\u2026", True


def _cell_symbol(match: re.Match[str]) -> str:
    """A control's Control Pictures symbol; a replacement character for a noncharacter."""
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


# What those exports write in the place of a character no XML holds: its Control
# Pictures symbol (a workbook's cell: _cell_symbol) or a replacement character (a
# .timeline file; a workbook's noncharacter).  Tab, newline and carriage return are
# written as they are: their symbols (U+2409 U+240A U+240D) stand in for nothing.
_STAND_INS = "\u2400-\u2408\u240b\u240c\u240e-\u241f\ufffd"
_UNWRITTEN = re.compile(f"[{_NOT_IN_XML_CHARS}{_STAND_INS}]")


def unwritten_folded(text: str) -> str:
    """The text with each character no XML holds, and each stand-in the workbook and
    .timeline exports write for one, a replacement character (U+FFFD).

    A text, its workbook cell (but for the formula guard and a cut) and its .timeline
    element are then one text, and so are they read back and written again: an
    article's dedup key reads its texts so (ingest.dedup).  4.6 us on a 2 KB article
    that holds none (SaudiNewsNet's sample), an eighth of what the key's reading costs.
    """
    return _UNWRITTEN.sub("\ufffd", text)
