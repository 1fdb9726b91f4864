"""Direction of a text, and display order for terminals (which cannot shape Arabic)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from bidi import get_base_level, get_display

from timeline.text.safe import terminal_safe

if TYPE_CHECKING:
    from arabic_reshaper import ArabicReshaper


class _OptionsReadOnce:
    """A reshaper's configuration (a configparser section), each option read from it
    once.  arabic-reshaper reads six options through configparser at every call of
    reshape: `timeline show --bidi` of an article of 350,001 mentions, a line each,
    took 33 s of CPU, 21 s with this, the same bytes (6 s without --bidi; the rest is
    reshape's own Python, a character at a time)."""

    def __init__(self, section: Any) -> None:
        self._section = section
        self._booleans: dict[str, bool] = {}

    def getboolean(self, option: str) -> bool:
        if option not in self._booleans:
            self._booleans[option] = self._section.getboolean(option)
        return self._booleans[option]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._section, name)


@cache
def _reshaper() -> ArabicReshaper:
    """Made on first use: the window asks only for directions, and arabic-reshaper
    (with its configparser) was 10-20 ms of its start-up."""
    from arabic_reshaper import ArabicReshaper

    # Harakat are kept: a reader of a vocalized title should see its vowels.
    reshaper = ArabicReshaper(configuration={"delete_harakat": False})
    reshaper.configuration = _OptionsReadOnce(reshaper.configuration)
    return reshaper


Direction = Literal["rtl", "ltr"]


def base_direction(text: str, default: Direction = "ltr") -> Direction:
    """The paragraph direction of a text by its first strong character (UAX #9 P2-P3).

    A text with no strong character (empty, digits, punctuation) takes `default`.
    """
    if not any(ch.isalpha() for ch in text):
        return default
    try:
        level = get_base_level(text)
    except ValueError:
        return default
    return "rtl" if level == 1 else "ltr"


def for_terminal(text: str) -> str:
    """Shape and reorder one line of text for a terminal that does neither.

    Never hand the result to Qt: Qt shapes and orders text itself, and this string
    would be shown reversed (DESIGN.md, Text).  python-bidi does not mirror brackets.
    Controls and bidi overrides are removed first (see safe.terminal_safe).
    """
    lines = terminal_safe(text).split("\n")
    return "\n".join(get_display(_reshaped(line)) for line in lines)


_ZWJ = "\u200d"


def _reshaped(line: str) -> str:
    """arabic-reshaper's reshape(line); where it fails, of the line without its ZWJs.

    arabic-reshaper 3.1 takes a ZWJ out of the letters it shapes but not out of the text
    in which it looks for ligatures, and a ZWJ before one (ZWJ then لا) sends it past its
    list ("IndexError: list index out of range"): `timeline list` on a terminal ended
    "unexpected IndexError" for a library holding such a title.  A terminal shows no
    ZWJ; its letters are shaped as if it were not there."""
    try:
        return _reshaper().reshape(line)
    except IndexError:
        return _reshaper().reshape(line.replace(_ZWJ, ""))
