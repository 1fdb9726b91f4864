"""for_display: controls and bidi overrides become visible symbols, other bidi controls
marks without their reach; offsets are kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.text.display_safe import for_display

_INVISIBLE = {*range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0x7F, 0xA0)}


def test_overrides_become_visible_and_other_bidi_controls_marks() -> None:
    text = "abc\u202eXYZ\u202c \u2067عربي\u2069 \u2066x\u2069 \u202a\u202b\u202d\u2068"
    shown = for_display(text)
    assert not any(ord(ch) in _INVISIBLE for ch in shown)
    # The last LRO holds nothing it would turn: a word joiner.
    assert shown == ("abc\ufffdXYZ\u2060 \u200fعربي\u2060 \u200ex\u2060 \u200e\u200f\u2060\u2060")


def test_a_publishers_embedding_is_not_shown() -> None:
    # 18 SaudiNewsNet titles begin so: the title read "\ufffdرواية ..." in the window.
    assert for_display("\u200f\u202bرواية القدس\u202c") == "\u200f\u200fرواية القدس\u2060"


def test_controls_become_control_pictures_tab_and_newline_stay() -> None:
    assert for_display("a\x00b\x1bc\rd\te\nf\x7f\x85") == "a\u2400b\u241bc\u240dd\te\nf\u2421\ufffd"


def test_arabic_and_marks_are_untouched() -> None:
    text = "تم نشره السبت 22nd أيّار / مايو 2021 \u200f\u200e\u061c ـــ"
    assert for_display(text) == text


@given(st.text())
def test_length_is_kept_and_no_control_survives(text: str) -> None:
    shown = for_display(text)
    assert len(shown) == len(text)
    for ch in shown:
        code = ord(ch)
        assert ch in "\t\n" or (code >= 0x20 and code not in _INVISIBLE)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # Word processors' pairs around a space or a quote (SaudiNewsNet bodies).
        ("وحدها. \u202d\u202d \u202c\u202cووجدت", "وحدها. \u2060\u2060 \u2060\u2060ووجدت"),
        ("باسم \u202d\u202d«\u202c\u202cكرايسلر", "باسم \u2060\u2060«\u2060\u2060كرايسلر"),
        # A title beginning LRO RLO over Arabic: nothing is turned.
        ("\u202d\u202eبين الحلم", "\u2060\u2060بين الحلم"),
        # What an override would reverse is flagged.
        ("txt.\u202eexe", "txt.\ufffdexe"),
        ("\u202eعام 2015", "\ufffdعام 2015"),
        ("\u202eعام ٢٠١٥", "\ufffdعام ٢٠١٥"),
        ("\u202dعربي\u202c", "\ufffdعربي\u2060"),
        # Its reach ends at its PDF, its paragraph's end, its isolate's PDI ...
        ("\u202eعربي\u202cabc", "\u2060عربي\u2060abc"),
        ("\u202eعربي\nabc", "\u2060عربي\nabc"),
        ("\u2067\u202eعربي\u2069abc", "\u200f\u2060عربي\u2060abc"),
        # ... and what an embedding or isolate inside it holds is not its.
        ("\u202e\u2066abc\u2069 عربي", "\u2060\u200eabc\u2060 عربي"),
        ("\u202e\u202aabc\u202c عربي", "\u2060\u200eabc\u2060 عربي"),
        ("\u202e\u202aabc\u202c عربي x", "\ufffd\u200eabc\u2060 عربي x"),
        # A PDF ends the override it follows, never an isolate: one inside an LRI ends
        # nothing outside it, and the RLO's reach goes on after the LRI's PDI.
        ("\u2066\u202eعربي\u202c\u2069", "\u200e\u2060عربي\u2060\u2060"),
        ("\u202e\u2066\u202cabc", "\u2060\u200e\u2060abc"),
        ("\u202e\u2066\u202cabc\u2069x", "\ufffd\u200e\u2060abc\u2060x"),
    ],
)
def test_an_override_is_shown_only_where_it_would_turn_something(text: str, shown: str) -> None:
    assert for_display(text) == shown


def test_overrides_nested_past_the_bidi_limit_are_all_shown() -> None:
    text = "\u202d" * 200 + " "
    assert for_display(text) == "\ufffd" * 200 + " "
    # Many levels one after another, each closed, are read in one pass.
    many = "\u202d \u202c" * 100_000 + "\u202eabc"
    shown = for_display(many)
    assert shown.count("\ufffd") == 1 and shown.count("\u2060") == 200_000
