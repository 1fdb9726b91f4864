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

# Letters, harakat, tatweel and the letters of ligatures (لا, الله, صلى الله عليه وسلم),
# digits, Latin, spaces and newlines.
_PIECES = st.sampled_from(
    [
        *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى",
        "\u064b",
        "\u064e",
        "\u0651",
        "\u0670",
        "\u0640",
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


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_a_text_for_the_terminal_is_the_libraries_display_of_each_line(text: str) -> None:
    reshaper = ArabicReshaper(configuration={"delete_harakat": False})
    expected = "\n".join(
        get_display(reshaper.reshape(line)) for line in terminal_safe(text).split("\n")
    )
    assert for_terminal(text) == expected


def test_the_reshaper_reads_its_options_once_not_at_every_line(options_read: list[str]) -> None:
    """arabic-reshaper reads six options through configparser at every line it shapes:
    `timeline show --bidi` of an article of 50,000 mentions, a line each, took 4.6 s of
    CPU, 3.1 s once they were read once (1.2 s without --bidi)."""
    first = for_terminal("في 3 مارس 2020 عاد الوفد.")
    read = len(options_read)
    for _ in range(100):
        assert for_terminal("في 3 مارس 2020 عاد الوفد.") == first
    assert len(options_read) == read
