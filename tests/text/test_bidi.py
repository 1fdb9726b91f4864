"""Display order for terminals: for_terminal gives what python-bidi and arabic-reshaper
give, line by line, with the reshaper's options read once."""

from __future__ import annotations

import configparser
from collections.abc import Iterator

import pytest
from arabic_reshaper import ArabicReshaper
from bidi import get_display
from hypothesis import given
from hypothesis import strategies as st

from timeline.text import bidi
from timeline.text.bidi import for_terminal
from timeline.text.safe import terminal_safe

# Letters, harakat, tatweel, ZWJ and the letters of ligatures (لا, الله, صلى الله عليه
# وسلم), digits, Latin, spaces and newlines.
_PIECES = st.sampled_from(
    [
        *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى",
        "\u064b",
        "\u064e",
        "\u0651",
        "\u0670",
        "\u0640",
        "\u200d",
        "لا",
        "الله",
        "صلى الله عليه وسلم",
        *"0123 abc.,()-",
        " ",
        "\n",
    ]
)


@pytest.fixture
def options_read() -> Iterator[list[str]]:
    """The options a reshaper made from now on reads from its configuration."""
    reads: list[str] = []
    getboolean = configparser.RawConfigParser.getboolean

    def counted(self: configparser.RawConfigParser, section: str, option: str, **kw: object):
        reads.append(option)
        return getboolean(self, section, option, **kw)  # type: ignore[arg-type]

    bidi._reshaper.cache_clear()
    configparser.RawConfigParser.getboolean = counted  # type: ignore[method-assign]
    try:
        yield reads
    finally:
        configparser.RawConfigParser.getboolean = getboolean  # type: ignore[method-assign]
        bidi._reshaper.cache_clear()


def _shown_by_the_libraries(line: str) -> str:
    """python-bidi's display of arabic-reshaper's shaping of line, or, where the shaping
    fails (a ZWJ before a ligature), of the line without its ZWJs."""
    reshaper = ArabicReshaper(configuration={"delete_harakat": False})
    try:
        return get_display(reshaper.reshape(line))
    except IndexError:
        return get_display(reshaper.reshape(line.replace("\u200d", "")))


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_a_text_for_the_terminal_is_the_libraries_display_of_each_line(text: str) -> None:
    expected = "\n".join(map(_shown_by_the_libraries, terminal_safe(text).split("\n")))
    assert for_terminal(text) == expected


@pytest.mark.parametrize("text", ["\u200dلا", "من\u200dلا", "\u200dالله", "لا\u200dلا"])
def test_a_zwj_before_a_ligature_at_the_end_is_shown_as_the_text_without_it(text: str) -> None:
    """arabic-reshaper fails on it (IndexError), and `timeline list` on a terminal ended
    "unexpected IndexError" for a library holding such a title."""
    assert for_terminal(text) == for_terminal(text.replace("\u200d", ""))


def test_the_reshaper_reads_its_options_once_not_at_every_line(options_read: list[str]) -> None:
    """arabic-reshaper reads six options through configparser at every line it shapes:
    `timeline show --bidi` of an article of 50,000 mentions, a line each, took 4.6 s of
    CPU, 3.1 s once they were read once (1.2 s without --bidi)."""
    first = for_terminal("في 3 مارس 2020 عاد الوفد.")
    read = len(options_read)
    for _ in range(100):
        assert for_terminal("في 3 مارس 2020 عاد الوفد.") == first
    assert len(options_read) == read
