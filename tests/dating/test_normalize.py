"""Folding for date matching keeps a faithful map back to the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.dating import fold, strip_marks

ARABIC_TEXT = st.text(
    alphabet=st.sampled_from(
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىةؤئ ـًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩۰۱۲0123456789/-:.،\u200f")
    ),
    max_size=80,
)


def test_strip_marks_removes_tashkeel_and_tatweel_and_folds_letters() -> None:
    assert (
        strip_marks("أيّار مـايو إبريل آب ٢٠٢١ ۱۴۳۶ صباحاً") == "ايار مايو ابريل اب 2021 1436 صباحا"
    )
    assert strip_marks("الجمعة ذي القعدة على") == "الجمعه ذي القعده علي"


def test_span_maps_back_over_dropped_marks() -> None:
    folded = fold("22nd أيّار / مـايو 2021 صباحاً")
    start = folded.text.index("مايو")
    lo, hi = folded.span(start, start + len("مايو"))
    assert folded.original[lo:hi] == "مـايو"
    start = folded.text.index("صباحا")
    lo, hi = folded.span(start, start + len("صباحا"))
    assert folded.original[lo:hi] == "صباحاً"  # the tanween comes along


@given(ARABIC_TEXT)
def test_offset_map_points_at_the_character_each_folded_one_came_from(text: str) -> None:
    folded = fold(text)
    assert strip_marks(text) == folded.text
    # The kept characters, in order: what a list of every offset used to hold.
    kept = [i for i, ch in enumerate(text) if strip_marks(ch)]
    assert [folded.original_offset(pos) for pos in range(len(folded.text))] == kept
    for pos, ch in enumerate(folded.text):
        assert strip_marks(text[folded.original_offset(pos)]) == ch


@given(ARABIC_TEXT, st.integers(min_value=1, max_value=9))
def test_a_long_text_is_folded_and_searched_a_step_at_a_time_as_whole(text: str, step: int) -> None:
    """Each whole-text C call holds the GIL to its end (normalize.GIL_STEP): taken a
    step at a time, the pieces, places and first digit come out as from one call."""
    from timeline.dating.clock import OTHER_DIGIT, OTHER_DIGIT_CLASS
    from timeline.dating.context import char_positions
    from timeline.dating.normalize import _DROPPED_RE, _split_dropped

    assert _split_dropped(text, step) == _DROPPED_RE.split(text)
    if text:
        assert char_positions(text, ".:،", step) == [i for i, c in enumerate(text) if c in ".:،"]
    found, whole = OTHER_DIGIT.search(text, step), OTHER_DIGIT_CLASS.search(text)
    assert (found and found.span()) == (whole and whole.span())
