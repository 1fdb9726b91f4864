"""The shortcuts that make extraction fast give exactly what the long way gives.

Speed itself is measured in bench/ (extract_scale.py, extract_eval.py --speed); here
each shortcut is compared with the plain computation it replaces.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dating import (
    absolute,
    clock,
    context,
    dateline,
    fold,
    lengths,
    mentions,
    relative,
    strip_marks,
    timeml,
)
from timeline.dating import values as v
from timeline.dating.context import make_context
from timeline.dating.lazy import LazyPattern, required_words
from timeline.model import to_axis

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO.parent / "shared" / "corpus" / "saudinewsnet" / "sample.jsonl"


@given(st.dates(min_value=date(1, 1, 2), max_value=date(9999, 12, 30)))
def test_day_axis_is_the_axis_of_midnight(day: date) -> None:
    assert v._day_axis(day) == to_axis(datetime(day.year, day.month, day.day))


CLOCK_PIECES = st.sampled_from(
    ["1", "2", "12", "0", ":", ".", "/", " ", "٣", "१", "الساعة ", "صباحا", "م", "ت م", "س", "\n"]
)


def _clock_both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = make_context(text, datetime(2015, 8, 10, 10))
    quick = list(clock.clock_times(ctx))
    # A pattern that always finds something: every digit is tried, as before the filter.
    monkeypatch.setattr(clock, "OTHER_DIGIT", re.compile(""))
    assert list(clock.clock_times(ctx)) == quick
    monkeypatch.undo()


@settings(max_examples=150, deadline=None)
@given(st.lists(CLOCK_PIECES, max_size=40))
def test_clock_times_skip_digits_inside_numbers_without_losing_a_time(pieces: list[str]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _clock_both_ways("".join(pieces), monkeypatch)


def test_clock_times_on_real_text_are_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    # 34१:१2:30 is one hit from the 4 (after a digit, so no time); its 2 follows a
    # digit of another script and must not start a time of its own.
    texts = ["الساعة 12:30:45 و2015 و1:30 و3.50 و19 صباحا و ١٢:٣٠ ت م", "في 34१:१2:30"]
    if SAMPLE.exists():
        lines = SAMPLE.read_text(encoding="utf-8").splitlines()
        texts.append("\n".join(json.loads(line)["body"] for line in lines))
    for text in texts:
        _clock_both_ways(text, monkeypatch)


def _rule_patterns() -> dict[str, LazyPattern]:
    modules = (absolute, clock, context, dateline, lengths, mentions, relative, timeml)
    return {
        f"{module.__name__.rsplit('.', 1)[-1]}.{name}": value
        for module in modules
        for name, value in vars(module).items()
        if isinstance(value, LazyPattern)
    }


def test_required_words_are_read_from_the_regex() -> None:
    assert required_words(r"(?<!\w)[وف]?منذ\s+(?:شهر\s+)?$") == ("منذ",)
    assert required_words(r"(?:منذ|قبل)\s+\d") == ("قبل", "منذ")
    assert required_words(r"(?:ab)+cd") == ("ab",)  # a tie: the first run of two
    # Nothing is required of an optional part, a lookaround, one letter or a class.
    assert required_words(r"(?:منذ)?(?=قبل)و[ab]\d{4}") == ()
    assert required_words(r"(?:منذ|و)x") == ()  # a branch without a word of its own
    assert required_words(r"(?i)abc") == ()


def _windows(text: str) -> list[tuple[int, int]]:
    """Windows as the rules cut them: a few dozen characters before or after a place."""
    spans = []
    for at in range(0, len(text), 9):
        spans += [(max(0, at - 40), at), (at, min(len(text), at + 24)), (at - 3, at + 5)]
    return spans


def test_checked_search_finds_what_the_regex_finds() -> None:
    texts = [
        "منذ شهر يناير، الساعة الخامسة، اليوم الأحد، أمس، غدا، الأسبوع الماضي، قبل 3 أيام.",
        "الموافق 10 أغسطس، بين 2003 و2010، عدا الخميس، في اليوم نفسه، الآن وحاليا.",
    ]
    if SAMPLE.exists():
        lines = SAMPLE.read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["body"][:1500] for line in lines[:6]]
    folded = [make_context(text, None).text for text in texts]
    checked = 0
    for name, pattern in _rule_patterns().items():
        if not required_words(pattern.source):
            continue  # its search is the compiled pattern's own
        compiled = re.compile(pattern.source)
        for text in folded:
            for lo, hi in _windows(text):
                got, want = pattern.search(text, lo, hi), compiled.search(text, lo, hi)
                assert (got and got.span()) == (want and want.span()), (name, lo, hi)
                checked += 1
    assert checked > 10_000


@settings(max_examples=200, deadline=None)
@given(
    st.text(st.sampled_from(list("منذقبلساعهاليومو ")), max_size=30),
    st.integers(-5, 35),
    st.integers(-5, 40),
)
def test_checked_search_on_any_window(text: str, pos: int, endpos: int) -> None:
    for pattern in (relative.AGO, clock.CUE_BEFORE, relative.TODAY, absolute.SINCE_BEFORE):
        compiled = re.compile(pattern.source)
        got, want = pattern.search(text, pos, endpos), compiled.search(text, pos, endpos)
        assert (got and got.span()) == (want and want.span())


@given(
    st.text(st.sampled_from(list("ابتةأى ١2ـًّ\u200f")), max_size=30),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_span_is_the_long_way_round(text: str, start: int, end: int) -> None:
    folded = fold(text)
    size = len(folded.text)
    start, end = min(start, size), min(end, size)
    if end <= start:
        return
    # The way back without shortcuts: each end's original offset, plus trailing marks.
    stop = folded.original_offset(end - 1) + 1
    while stop < len(text) and strip_marks(text[stop]) == "" and text[stop] != "\u200f":
        stop += 1
    assert folded.span(start, end) == (folded.original_offset(start), stop)


def test_hijri_conversions_are_remembered_not_recomputed() -> None:
    v.hijri_to_gregorian.cache_clear()
    first = v.hijri_to_gregorian(1436, 10, 25)
    assert v.hijri_to_gregorian(1436, 10, 25) is first
    assert v.hijri_to_gregorian.cache_info().hits == 1
    assert first == date(2015, 8, 10)
    assert v.hijri_to_gregorian(1436, 13, 1) is None
