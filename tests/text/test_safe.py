"""Untrusted text on a terminal: no control or bidi override survives; the window sees them."""

from __future__ import annotations

import json
import sys
import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from timeline.text import for_terminal, json_line, terminal_safe, visible_controls

RETITLE = "\x1b]0;owned\x07"
CLEAR = "\x1b[2J"
RLO = "\u202e"


def _unsafe(ch: str) -> bool:
    if ch in "\n\t":
        return False
    return unicodedata.category(ch) == "Cc" or unicodedata.bidirectional(ch) in {
        "LRE",
        "RLE",
        "PDF",
        "LRO",
        "RLO",
        "LRI",
        "RLI",
        "FSI",
        "PDI",
    }


def test_escape_sequences_and_overrides_are_removed() -> None:
    title = f"عنوان{RETITLE} x{CLEAR} txt.{RLO}exe\x9b31m\r"
    safe = terminal_safe(title)
    assert safe == "عنوان]0;owned x[2J txt.exe31m"
    assert not any(_unsafe(ch) for ch in for_terminal(title))


def test_visible_controls_names_what_was_there() -> None:
    shown = visible_controls(f"a{RETITLE}b{RLO}c\nd")
    assert "\u241b" in shown and "\u2407" in shown  # ␛ and ␇
    assert "\u27e8RLO\u27e9" in shown and "\n" in shown
    assert "\n" not in visible_controls("a\nb", keep_newlines=False)
    assert not any(_unsafe(ch) for ch in shown if ch != "\n")


def test_json_line_escapes_but_keeps_the_data() -> None:
    record = {"title": f"x{RLO}y\x85z{RETITLE}\u2028w\u2029v"}
    line = json_line(record)
    assert not any(_unsafe(ch) for ch in line)
    assert json.loads(line) == record
    assert line.splitlines() == [line]  # one line for any reader


@given(st.text())
def test_no_control_survives_any_text(text: str) -> None:
    for out in (terminal_safe(text), for_terminal(text), json_line({"t": text})):
        assert not any(_unsafe(ch) for ch in out)
    assert not any(_unsafe(ch) for ch in visible_controls(text))


@given(st.text())
@example("'=x")
@example("''+1")
@example("'x")
@example("=1+1")
def test_a_spreadsheet_guard_is_undone_exactly(cell: str) -> None:
    from timeline.text.safe import spreadsheet_safe, spreadsheet_value

    guarded = spreadsheet_safe(cell)
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert spreadsheet_value(guarded) == cell


def test_unwritten_folding_makes_a_text_and_its_written_forms_one() -> None:
    from timeline.text.safe import unwritten_folded, workbook_cell, xml_chars

    # Every code point but the surrogates, one text: folded, it is its workbook cell and
    # its .timeline element folded, and what the folding changes is exactly what those
    # exports replace and what they write in its place (U+FFFD, which stays).
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    cell, cut = workbook_cell(every, limit=len(every))
    assert not cut and len(cell) == len(every)
    folded = unwritten_folded(every)
    assert unwritten_folded(cell) == folded == unwritten_folded(xml_chars(every))
    replaced = {ch for ch, out in zip(every, xml_chars(every), strict=True) if out != ch}
    symbols = {out for ch, out in zip(every, cell, strict=True) if out != ch}
    assert "\x1b" in replaced and "\u241b" in symbols  # ESC and ␛
    changed = {ch for ch, out in zip(every, folded, strict=True) if out != ch}
    assert changed == replaced | symbols - {"\ufffd"}
    assert {"\t", "\n", "\r", "\u2409", "\u240a", "\u240d", "\x7f", "\x85"}.isdisjoint(changed)
