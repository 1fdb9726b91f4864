"""for_display: controls and bidi overrides become visible symbols, other bidi controls
marks without their reach; offsets are kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.text.display_safe import for_display

_INVISIBLE = {*range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0x7F, 0xA0)}


def test_overrides_become_visible_and_other_bidi_controls_marks() -> None:
    text = "abc\u202eXYZ\u202c \u2067عربي\u2069 \u2066x\u2069 \u202a\u202b\u202d\u2068"
    shown = for_display(text)
    assert not any(ord(ch) in _INVISIBLE for ch in shown)
    assert shown == ("abc\ufffdXYZ\u2060 \u200fعربي\u2060 \u200ex\u2060 \u200e\u200f\ufffd\u2060")


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
