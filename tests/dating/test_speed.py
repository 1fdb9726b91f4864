"""The shortcuts that make extraction fast give exactly what the long way gives.

Speed itself is measured in bench/ (extract_scale.py, extract_eval.py --speed); here
each shortcut is compared with the plain computation it replaces.
"""

from __future__ import annotations

import dataclasses
import json
import random
import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline import article_dates, library
from timeline.dating import (
    absolute,
    clock,
    context,
    extract_mentions,
    fold,
    lengths,
    mentions,
    relative,
    strip_marks,
)
from timeline.dating import values as v
from timeline.dating.context import make_context
from timeline.model import Event, Mention, to_axis

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


def test_no_digit_of_another_script_comes_before_arabic_indic_zero() -> None:
    # OTHER_DIGIT looks for them only from the first character at U+0660 or above.
    below = "".join(map(chr, range(0x660)))
    assert re.findall(r"[^\D0-9]", below) == []
    assert re.findall(r"[^\D0-9]", "\u0660\u06f0\u0966") == ["\u0660", "\u06f0", "\u0966"]


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("اب 12٣۴१“ـ\u065f\u0660\u200f")), max_size=40))
def test_other_digit_finds_what_the_digit_class_finds(text: str) -> None:
    quick = clock.OTHER_DIGIT.search(text)
    plain = re.search(r"[^\D0-9]", text)
    assert (quick and quick.span()) == (plain and plain.span())


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


UNUSED_PATTERNS = """
from timeline.dating import absolute, extract_mentions, relative
extract_mentions("وصل أمس الأحد في 5 أغسطس 2015", None)
print([name for name, pattern in (("century", absolute.CENTURY), ("season", absolute.SEASON),
       ("bariha", relative.BARIHA), ("ref", relative.REF)) if "_compiled" in vars(pattern)])
"""


def test_a_rule_whose_anchor_is_absent_compiles_nothing() -> None:
    # Start-up of `timeline extract` is mostly compiling: a rule with no anchor hit in
    # the text must not touch its pattern (a lazy pattern compiles on any attribute).
    out = subprocess.run(
        [sys.executable, "-c", UNUSED_PATTERNS], check=True, capture_output=True, text=True
    )
    assert out.stdout.strip() == "[]"


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 11, 30)))
def test_remembered_values_are_the_values_built_anew(day: date) -> None:
    # DateValues are immutable, so the rules share the ones already built for a day,
    # a month, a year or an interval; each equals the one built without the cache.
    assert v.day_value(day) == v.day_value.__wrapped__(day)
    assert v.day_value(day, v.HIJRI) == v.day_value.__wrapped__(day, v.HIJRI)
    assert v.month_value(day.year, day.month) == v.month_value.__wrapped__(day.year, day.month)
    if day.year < 9999:
        assert v.year_value(day.year) == v.year_value.__wrapped__(day.year)
    later = day + timedelta(days=20)
    assert v.days_interval(day, later) == v.days_interval.__wrapped__(day, later)


def test_a_value_named_again_is_not_built_again() -> None:
    v.day_value.cache_clear()
    first = v.day_value(date(2015, 8, 10))
    assert v.day_value(date(2015, 8, 10)) is first
    assert v.day_value.cache_info().hits == 1


def _scan_the_long_way(
    ctx: Any, pattern: re.Pattern[str], anchor: Any, before: int = 40, after: int = 60,
    skip_after: str = "", word: str | None = None, reach: int | None = None,
) -> list[tuple[tuple[int, int], ...]]:  # fmt: skip
    """Context.scan as it reads: _in_window in windows around the anchor regex's own hits
    (reach only makes scan quicker); every group's span of each match."""
    text, windows = ctx.text, []
    for hit in anchor.regex.finditer(text):
        start, end = hit.span()
        if skip_after and text.endswith(skip_after, 0, start):
            continue
        if word is not None and not context._whole_word(text, start, end, word):
            continue
        lo, hi = max(0, start - before), min(len(text), end + after)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return [_groups(m) for lo, hi in windows for m in _in_window(pattern, text, lo, hi)]


def _in_window(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """pattern.finditer(text, lo, hi), but that a match ending near the window's end
    (where the text goes on) is the one matched at its start with the text after the
    window, or none (the search goes on from the next position)."""
    found, pos = [], lo
    while (hit := pattern.search(text, pos, hi)) is not None:
        if hi < len(text) and hit.end() > hi - context._EDGE:
            whole = pattern.match(text, hit.start(), hi + context._EDGE_READ)
            if whole is None:
                pos = hit.start() + 1
                continue
            hit = whole
        found.append(hit)
        pos = hit.end()
    return found


def _groups(hit: re.Match[str]) -> tuple[tuple[int, int], ...]:
    return tuple(hit.span(group) for group in range(hit.re.groups + 1))


SCANS = [
    (absolute.MONTH_NAME, absolute.MONTH_ANCHOR, {"word": "وفبلك", "reach": 2}),
    (absolute.HIJRI_MONTH_NAME, absolute.HIJRI_MONTH_ANCHOR, {"word": "وفبلك", "reach": 2}),
    (absolute.DECADE, absolute.DECADE_ANCHOR, {"reach": absolute.DECADE_REACH}),
    (absolute.DECADE_RANK, absolute.DECADE_RANK_ANCHOR, {"reach": 4}),
    (absolute.CENTURY, absolute.CENTURY_ANCHOR, {"reach": 4}),
    (absolute.SEASON, absolute.SEASON_ANCHOR, {"reach": 16}),
    (absolute.PART_OF_YEAR, absolute.PART_OF_YEAR_ANCHOR, {"before": 6}),
    (clock.WORD_TIME, clock.HOUR_WORD_ANCHOR, {"reach": 0}),
    (lengths.DURATION, lengths.UNIT_ANCHOR, {"before": 40, "after": 24, "skip_after": "ال",
                                             "word": "وفلب"}),
    (lengths.DURATION, lengths.UNIT_ANCHOR, {"before": 40, "after": 24, "skip_after": "ال",
                                             "word": "وفلب", "stops": context.PHRASE_STOPS}),
    (lengths.RECURRING, lengths.RECURRING_ANCHOR, {"before": 24}),
    (relative.TODAY, relative.TODAY_ANCHOR, {"reach": 14}),
    (relative.YESTERDAY, relative.YESTERDAY_ANCHOR, {"reach": 20}),
    (relative.BARIHA, relative.BARIHA_ANCHOR, {"reach": 14}),
    (relative.TOMORROW, relative.TOMORROW_ANCHOR, {"reach": 20}),
    (relative.WEEKDAY, relative.WEEKDAY_ANCHOR, {"reach": 16}),
    (relative.WEEKDAY, relative.WEEKDAY_ANCHOR, {"reach": 16, "stops": context.PHRASE_STOPS}),
    (relative.PERIOD, relative.PERIOD_ANCHOR, {"reach": 20}),
    (relative.PERIOD, relative.PERIOD_ANCHOR, {"reach": 20, "stops": context.PHRASE_STOPS}),
    (relative.YESTERDAY, relative.YESTERDAY_ANCHOR, {"reach": 20, "stops": context.PHRASE_STOPS}),
    (relative.AGO, relative.AGO_ANCHOR, {"reach": 1}),
    (relative.REF, relative.REF_ANCHOR, {"before": 12, "after": 24}),
    (relative.VAGUE, relative.VAGUE_ANCHOR, {"reach": 16}),
    (relative.EID, relative.EID_ANCHOR, {"before": 16, "after": 24}),
]  # fmt: skip


def _scan_texts() -> list[str]:
    texts = [_DENSE_DATES * 20, _shuffled(_DENSE_DATES * 40)]
    if SAMPLE.exists():
        lines = SAMPLE.read_text(encoding="utf-8").splitlines()
        texts.append("\n".join(json.loads(line)["body"] for line in lines))
    return texts


def _shuffled(text: str) -> str:
    words = text.split()
    random.Random(11).shuffle(words)
    return " ".join(words)


@pytest.mark.parametrize("index", range(len(SCANS)))
def test_scan_finds_what_windows_around_the_anchor_regex_hits_find(index: int) -> None:
    """scan matches each anchor at its literal starts itself and tries the pattern only
    near them; the windows, and so the matches in them (every group), are the ones the
    anchor regex's own hits give."""
    pattern, anchor, options = SCANS[index]
    for text in _scan_texts():
        ctx = make_context(text, datetime(2015, 8, 10, 10))
        quick = [_groups(m) for m in ctx.scan(pattern, anchor, **options)]
        options = {key: value for key, value in options.items() if key != "stops"}
        assert quick == _scan_the_long_way(ctx, pattern, anchor, **options)


@pytest.mark.parametrize(
    ("pattern", "core"),
    [
        (absolute.YEAR, None),
        (absolute.YEAR, "stops"),
        (absolute.YEAR_RANGE, absolute.YEAR_RANGE_CORE),
        (absolute.ISO, absolute.ISO_CORE),
        (absolute.NUMERIC_DMY, absolute.NUMERIC_DMY_CORE),
        (absolute.NUMERIC_YMD, absolute.NUMERIC_YMD_CORE),
    ],
)
def test_each_match_finds_what_finditer_in_the_year_windows_finds(
    pattern: re.Pattern[str], core: re.Pattern[str] | str | None
) -> None:
    """each_match tries a pattern only near the windows' four-digit numbers (from after
    the last of its stops, if given); its matches are finditer's in each window, every
    group."""
    stops = context.PHRASE_STOPS if core == "stops" else None
    core = None if isinstance(core, str) else core
    for text in [*_scan_texts(), "عام   1999 و 12/10/2015 و2015-08-10 (2014) 12345 2016 - 2017"]:
        ctx = make_context(text, datetime(2015, 8, 10, 10))
        quick = [_groups(m) for m in ctx.each_match(pattern, core, stops)]
        text = ctx.text
        slow = [
            _groups(m) for lo, hi in ctx.year_windows for m in _in_window(pattern, text, lo, hi)
        ]
        assert quick == slow


def test_near_starts_is_finditer_where_every_match_holds_a_start_within_reach() -> None:
    """Matches of a pattern with optional words before its required one, in windows,
    found from starts of the required word only: finditer's matches."""
    pattern = re.compile(r"(?<!\w)(?:(?:في|منذ)\s+)?(?:ال)?(?:عام|سنه)\s+\d{4}")
    text = "قال في عام 2015 ثم منذ العام 2010 والسنه 2011 في  سنه 2012 عام 13 عام 2014"
    starts = [m.start() for m in re.finditer("عام|سنه", text)]
    windows = [(0, 16), (16, len(text))]
    found = list(context._near_starts(pattern, text, windows, starts, 10))
    assert [m.span() for m in found] == [
        m.span() for lo, hi in windows for m in pattern.finditer(text, lo, hi)
    ]
    assert len(found) == 4


def test_near_starts_begins_after_the_last_stop_before_a_start() -> None:
    pattern = re.compile(r"(?<!\w)(?:(?:في|منذ)\s+)?(?:ال)?(?:عام|سنه)\s+\d{4}")
    text = "قال في عام 2015، ثم، منذ العام 2010. والسنه 2011 في  سنه 2012 عام 13 عام 2014"
    starts = [m.start() for m in re.finditer("عام|سنه", text)]
    stops = [m.start() for m in re.finditer("[،.]", text)]
    windows = [(0, len(text))]
    found = list(context._near_starts(pattern, text, windows, starts, 30, stops))
    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]
    assert len(found) == 4


@pytest.mark.parametrize(
    "pattern",
    [absolute.YEAR, lengths.DURATION, relative.WEEKDAY, relative.PERIOD, relative.YESTERDAY],
)
def test_no_match_of_a_pattern_searched_with_stops_holds_one(pattern: re.Pattern[str]) -> None:
    """What makes beginning after the last stop exact (scan, each_match): no match of
    theirs holds a stop, wherever it is searched from."""
    found = 0
    for text in [*_scan_texts(), _DENSE_DATES.replace(" ", "/ ،")]:
        text = fold(text).text
        for at in range(0, len(text), 3):
            hit = pattern.search(text, at, at + 80)
            if hit is not None:
                found += 1
                assert not set(hit.group()) & set(context.PHRASE_STOPS.chars), hit
    assert found


_DENSE_DATES = (
    "في 12 مايو 2021 وصل الوفد. يوم الأحد الماضي، الساعة 8:30 صباحا، أمس واليوم الجمعة في "
    "عام 2019 أيار/مايو يونيو 1436هـ 24/7/2015م منذ ثلاثة أيام كل أسبوع كتاب الثمانينيات "
    "الساعة الثالثة عصرا حاليا مؤخرا لمدة عامين، "
)


_PIECES = ["ا", "ب", " ", "  ", "\x00", "\u200b", *context.WHITESPACE]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_one_space_is_the_substitution_of_whitespace_runs(words: str) -> None:
    assert context.one_space(words) == re.sub(r"\s+", " ", words)


def test_mentions_are_the_ones_their_init_makes() -> None:
    """_to_mentions fills a Mention's __dict__ instead of calling its frozen __init__:
    valid while Mention has no __post_init__, no slots and no default factory."""
    assert not hasattr(Mention, "__post_init__")
    assert "__slots__" not in vars(Mention)
    assert all(f.default_factory is dataclasses.MISSING for f in dataclasses.fields(Mention))
    text = "في 12 مايو 2021 وصلَ الوفدُ. يوم الأحد الماضي، الساعة 8:30 صباحاً، منذ 3 سنوات"
    ctx = make_context(text, datetime(2021, 5, 22, 1, 32))
    found = mentions.find_candidates(ctx)
    quick = list(mentions._to_mentions(ctx, found))
    made = []
    for cand in found:
        start, end = ctx.original_span(cand.start, cand.end)
        made.append(
            Mention(start, end, text[start:end], cand.date, cand.kind, round(cand.confidence, 2))
        )
    assert len(quick) >= 3
    assert quick == made
    assert [repr(m) for m in quick] == [repr(m) for m in made]
    assert [vars(m) for m in quick] == [vars(m) for m in made]
    assert [list(vars(m)) for m in quick] == [list(vars(m)) for m in made]
    assert {hash(m) for m in quick} == {hash(m) for m in made}
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick[0].start = 0  # type: ignore[misc]


def test_rounded_confidences_kept_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "في 12 مايو 2021 وصل الوفد، منذ 3 سنوات، يوم الأحد الماضي"
    ctx = make_context(text, datetime(2021, 5, 22, 1, 32))
    found = mentions.find_candidates(ctx)
    monkeypatch.setattr(mentions, "_ROUNDED", {})
    monkeypatch.setattr(mentions, "_ROUNDED_MAX", 1)
    quick = list(mentions._to_mentions(ctx, found))
    assert len(mentions._ROUNDED) == 1 < len({c.confidence for c in found})
    assert [m.confidence for m in quick] == [round(c.confidence, 2) for c in found]


def test_mention_events_are_the_ones_their_init_makes() -> None:
    """mention_events fills an Event's __dict__ instead of calling its frozen __init__:
    valid while Event has no __post_init__, no slots and no default factory."""
    assert not hasattr(Event, "__post_init__")
    assert "__slots__" not in vars(Event)
    assert all(f.default_factory is dataclasses.MISSING for f in dataclasses.fields(Event))
    text = "في 12 مايو 2021 وصلَ الوفدُ. يوم الأحد الماضي، الساعة 8:30 صباحاً، منذ 3 سنوات، لمدة ثلاثة أشهر"
    published = v.moment_value(datetime(2021, 5, 22, 1, 32), "minute")
    quick = library.mention_events(7, text, published)
    made = []
    for m in extract_mentions(text, datetime(2021, 5, 22, 1, 32)):
        kind = (
            "mentioned"
            if m.date.start is not None
            else article_dates._UNPLACED_KINDS.get(m.date.granularity, "vague")
        )
        made.append(
            Event(
                article_id=7, kind=kind, start=m.date.start, end=m.date.end,
                granularity=m.date.granularity, value=m.date.value,
                label=article_dates.sentence_around(text, m.start, m.end), span_start=m.start,
                span_end=m.end, confidence=m.confidence,
            )
        )  # fmt: skip
    assert len(quick) >= 3
    assert {e.kind for e in quick} >= {"mentioned", "duration"}
    assert quick == made
    assert [repr(e) for e in quick] == [repr(e) for e in made]
    assert [list(vars(e).items()) for e in quick] == [list(vars(e).items()) for e in made]
    assert {hash(e) for e in quick} == {hash(e) for e in made}
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick[0].label = ""  # type: ignore[misc]


@given(
    st.text(st.sampled_from(list("ابتةأى ١2ـًّ\u200f")), max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=8),
)
def test_spans_of_many_are_each_span(text: str, bounds: list[tuple[int, int]]) -> None:
    """Folded.spans, one call for a text's mentions, gives what span gives each (marks
    dropped or not, empty and reversed bounds too)."""
    for folded in (fold(text), fold(strip_marks(text))):
        size = len(folded.text)
        inside = [(min(start, size), min(end, size)) for start, end in bounds]
        assert folded.spans(inside) == [folded.span(start, end) for start, end in inside]


def _in_entry_the_long_way(text: str, pos: int) -> bool:
    lo = max(0, pos - 300)
    sentence, line = text.rfind(". ", lo, pos), text.rfind("\n", lo, pos)
    cuts = (
        sentence + 2 if sentence >= 0 else -1,
        line + 1 if line >= 0 else -1,
        0 if lo == 0 else -1,
    )
    return any(cut >= 0 and absolute.ENTRY_OPENING.match(text, cut, pos) for cut in cuts)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["1954 - ", "2015: ", ". ", "\n", " - ", "في 19 ديسمبر", " ", "س" * 40]),
        max_size=20,
    ).map("".join),
    st.integers(0, 1000),
)
def test_in_entry_is_the_long_way_round(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert absolute._in_entry(text, pos) == _in_entry_the_long_way(text, pos)


@given(
    st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31)),
    st.integers(1, 12),
    st.sampled_from([None, "past", "since", "future", "current"]),
    st.one_of(st.none(), st.integers(1, 31)),
)
def test_remembered_month_readings_are_the_ones_computed(
    anchor: date, month: int, direction: str | None, day: int | None
) -> None:
    assert absolute.infer_month(anchor, month, direction) == absolute.infer_month.__wrapped__(
        anchor, month, direction
    )
    assert absolute._far_ahead_of(anchor, month, day) == absolute._far_ahead_of.__wrapped__(
        anchor, month, day
    )


@given(st.integers(1000, 2100), st.integers(0, 30), st.dates(date(1900, 1, 1), date(2100, 1, 1)))
def test_every_remembered_builder_gives_the_value_built_anew(
    year: int, more: int, day: date
) -> None:
    # Each builder with lru_cache returns what its plain body builds (equal DateValues).
    for builder, args in (
        (v.hijri_years_interval, (1300 + year % 200, 1300 + year % 200 + more % 3)),
        (v.hijri_month_value, (1300 + year % 200, 1 + more % 12)),
        (v.years_interval, (year, year + more)),
        (v.week_value, (day,)),
        (v.decade_value, (year - year % 10,)),
        (v.century_value, (year - year % 100,)),
        (v.duration, (f"P{more}Y",)),
        (v.recurrence, (f"XXXX-WXX-{1 + more % 7}",)),
        (v.underspecified, (f"XXXX-{1 + more % 12:02d}",)),
    ):
        assert builder(*args) == builder.__wrapped__(*args)


@given(
    st.dates(date(1990, 1, 1), date(2030, 12, 31)),
    st.sampled_from(["2015-07-31", "2015-07-31TEV", "2015-07-31TMO", "2015-07-31TMI"]),
    st.integers(0, 23),
    st.one_of(st.none(), st.integers(0, 59)),
    st.one_of(st.none(), st.integers(0, 59)),
    st.sampled_from(["", "+03:00", "Z"]),
)
def test_a_remembered_clock_value_is_the_one_computed(
    day: date, value: str, hour: int, minute: int | None, second: int | None, offset: str
) -> None:
    clock = (hour, minute, second, offset)
    for calendar in (v.GREGORIAN, v.HIJRI):
        assert mentions._clock_value(day, value, calendar, clock) == (
            mentions._clock_value.__wrapped__(day, value, calendar, clock)
        )


_BEFORE_A_MONTH = [
    "12", "3", "٣", " ", "  ", "\u2003", "\n", "(", ")", "/", "-", "–", "و", "من", "شهر", "st", "TH",
    "اول", "غرة", "السابع", "الحادي عشر", "يوم", "الأحد", "الجمعة", "الموافق", "،", ",", "في",
    "بين", "هـ", "م", "نصف",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BEFORE_A_MONTH), max_size=14).map("".join))
def test_days_and_weekdays_before_a_date_are_found_the_long_way(text: str) -> None:
    """_day_before and _weekday_start search their patterns only where the window's end
    allows a match: what they find is each pattern's own search of the window."""
    ctx = make_context(text + " مايو", datetime(2021, 5, 22))
    start = len(ctx.text) - len(" مايو") + 1
    lo = max(0, start - 45)
    window = ctx.text[lo:start]
    expected: tuple[int, int | None, int] | None = None
    if hit := absolute.DAY_BEFORE.search(window):
        begin = hit.start()
        if not hit["d0"] and window[begin] == "(" and ")" not in window[hit.end("d") :]:
            begin = hit.start("d")  # (19 نوفمبر): the bracket opens the date, not the day
        expected = (int(hit.group("d")), int(hit["d0"]) if hit["d0"] else None, lo + begin)
    elif hit := absolute.ORDINAL_DAY_BEFORE.regex.search(window):
        at = hit.start() if hit.start("w") - hit.start() == 1 else hit.start("w")
        expected = (absolute.lx.ORDINAL_DAYS[re.sub(r"\s+", " ", hit["w"])], None, lo + at)
    elif hit := absolute.FIRST_DAY_BEFORE.search(window):
        expected = (1, None, lo + hit.start("w"))
    assert absolute._day_before(ctx, start, dash=True) == expected
    # With no year after the month, a day joined to it by a dash is none.
    dashed = hit is not None and "d" in hit.re.groupindex
    dashed = dashed and any(c in "-–" for c in window[hit.end("d") :])
    assert absolute._day_before(ctx, start) == (None if dashed else expected)
    for at in range(len(ctx.text) + 1):
        low = max(0, at - 30)
        hit = absolute.WEEKDAY_BEFORE.regex.search(ctx.text[low:at])
        assert absolute._weekday_start(ctx, at) == (low + hit.start() if hit else at)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["في 12 مايو 2021", " ", ". ", "؟", "\n", "أمس", "قال الوفد", "ب" * 60, "2015", "و"]
        ),
        max_size=25,
    ).map("".join)
)
def test_mention_events_label_each_mention_as_sentence_around_does(text: str) -> None:
    """mention_events reuses the last label for a mention between the same two sentence
    breaks, both within reach: each label is still sentence_around's, the long way."""
    published = v.moment_value(datetime(2021, 5, 22, 1, 32), "minute")
    for body in (text, _DENSE_DATES * 4):
        events = library.mention_events(1, body, published)
        assert [e.label for e in events] == [
            article_dates.sentence_around(body, e.span_start, e.span_end) for e in events
        ]


@settings(max_examples=200, deadline=None)
@given(
    st.text(st.sampled_from(list("0123456789.!?؟\n ابج٣\ud800\U0001f600:")), max_size=60),
    st.sampled_from([context.DIGITS, context.SENTENCE_ENDS, "1", ":\ud800"]),
)
def test_char_positions_are_where_each_char_is(text: str, chars: str) -> None:
    """A long text's one-character literals are found by comparing its code points at
    once: each place one of them is (surrogates and astral characters too)."""
    found = [i for i, char in enumerate(text) if char in chars]
    assert context.char_positions(text, chars) == found


def test_a_long_text_finds_one_character_anchors_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past _VECTOR_MIN characters Anchor.starts compares code points at once; below
    it, a str.find per character: both find the same places and the same mentions."""
    text = _DENSE_DATES * 80 + "\n؟!"
    folded = fold(text).text
    assert len(folded) > context._VECTOR_MIN
    anchors = (context.FOUR_DIGITS, context.SENTENCE_END, clock.DIGIT_TIME)
    quick = [anchor.starts(folded) for anchor in anchors]
    found = extract_mentions(text, datetime(2021, 5, 22, 1, 32))
    monkeypatch.setattr(context, "_VECTOR_MIN", len(folded) + 1)
    assert [anchor.starts(folded) for anchor in anchors] == quick
    assert all(len(starts) >= 80 for starts in quick)
    assert extract_mentions(text, datetime(2021, 5, 22, 1, 32)) == found


_AFTER_A_MONTH = [
    " ", "  ", "\n", "،", ",", "/", "مايو", "يونيو", "2015", "١٤٣٦", "१२", "79م", "العام",
    "عام", "سنة", "للعام", "المقبل", "الماضي", "الجاري", "من", "في", "خلال", "نفسه", "نفس",
    "هذا العام", "و", "وأكتوبر", "الماضيين", "هـ", "قال", "بعد", "(", "x", "الأحد", "الساعة",
    ".", "8:30", "هذه السنة", "لل", "فيه",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_AFTER_A_MONTH), max_size=10).map("".join))
def test_a_year_context_passed_over_is_the_one_read(words: str) -> None:
    """What follows a month name is read only where one of its patterns may begin:
    at every place of the text, the reading every pattern gives."""
    ctx = make_context(words, datetime(2021, 5, 22))
    for pos in range(len(ctx.text) + 1):
        assert absolute._year_context(ctx, pos) == absolute._read_year_context(ctx, pos)


@pytest.mark.parametrize(
    "after",
    [
        " 2015", " ١٤٣٦هـ", " १९९०", "، 2015م", " /2015", " 79م", " من العام نفسه", " في نفس العام",
        " العام المقبل", " المقبل", " الماضي", " خلال عام 2014", " في عام 2014", " سنة 2015",
        " هذا العام", " من هذا العام", " للعام الجاري", " وأكتوبر الماضيين", " و أكتوبر المقبلين",
    ],
)  # fmt: skip
def test_a_year_context_read_after_a_space_is_each_patterns(after: str) -> None:
    """Each pattern after a month name and a space: found as the long way finds it."""
    ctx = make_context("21 أكتوبر 2013 ثم مايو" + after + " قال", datetime(2021, 5, 22))
    pos = ctx.text.index("مايو") + len("مايو")
    assert absolute._read_year_context(ctx, pos) != (None, None, pos, None)
    assert absolute._year_context(ctx, pos) == absolute._read_year_context(ctx, pos)


def test_a_year_context_is_passed_over_before_an_ordinary_word() -> None:
    ctx = make_context("أيار/مايو يونيو 1436هـ وقال", datetime(2021, 5, 22))
    at = ctx.text.index(" يونيو")
    assert absolute._year_context(ctx, at) == (None, None, at, None)
    assert absolute._year_context(ctx, ctx.text.index(" 1436"))[0] == 1436


@pytest.mark.parametrize(
    "before",
    ["2019 ", "في عام 2019 ", "123 ", "1436 ", "12 ", "3 ", "(12) ", "٢٠١٩ ", "१२३ ", "1 و 12 ",
     "2019/12 ", "5 - 2019 ", "ab12 ", "12 من شهر ", "2019 من "],
)  # fmt: skip
def test_a_day_before_a_month_is_the_patterns_own_after_digits(before: str) -> None:
    """No day is looked for after three digits (a year before the month): the day the
    pattern's own search of the window finds, or none."""
    ctx = make_context(before + "مايو", datetime(2021, 5, 22))
    start = ctx.text.index("مايو")
    window = ctx.text[max(0, start - 45) : start]
    hit = absolute.DAY_BEFORE.search(window)
    if not absolute._may_end_with_a_day(window):
        assert hit is None
    found = absolute._day_before(ctx, start)
    assert (found[0] if found else None) == (int(hit.group("d")) if hit else None)


_DAY_PIECES = [*"0123456789١", " ", "\n", "\u00a0", *"-و()/.:,،", "الي", "حتي", "ي", "ب", "من"]


@settings(max_examples=600, deadline=None)
@given(
    st.tuples(
        st.lists(st.sampled_from(_DAY_PIECES), max_size=8).map("".join),
        st.sampled_from(["", "5", "12", "١"]),  # a range's first day, perhaps
        st.sampled_from(["", " ", "  "]),
        st.sampled_from(["", "-", "و", "الي", "حتي", "(", "،", "/", "ي", "في"]),
        st.sampled_from(["", " ", "\n "]),
        st.sampled_from(["1", "12", "123", "٣"]),
        st.sampled_from(["", " ", " \n"]),
    ).map("".join)
)
def test_a_plain_day_is_the_one_the_day_patterns_find(window: str) -> None:
    """Where _plain_day reads a day (digits after whitespace, no range or bracket before
    them), the three patterns of _day_in find that day, starting there, and no first day."""
    body = window.rstrip(context.WHITESPACE)
    if not body[-1:].isdecimal():
        return
    plain = absolute._plain_day(body)
    if plain is not None:
        assert absolute._day_in(window, 0) == (plain[0], None, plain[1])


@pytest.mark.parametrize(
    ("window", "plain"),
    [("في 12 ", (12, 3)), ("2015، 5", (5, 6)), ("5 - 12 ", None), ("5 و 12", None),
     ("( 12 ", None), ("123 ", None), ("x12 ", None), ("12", None), ("من 1 الي 12 ", None)],
)  # fmt: skip
def test_a_plain_day_leaves_ranges_and_brackets_to_the_patterns(
    window: str, plain: tuple[int, int] | None
) -> None:
    assert absolute._plain_day(window.rstrip()) == plain


def test_a_year_before_a_month_is_no_day_to_search_for() -> None:
    assert not absolute._may_end_with_a_day("في عام 2019 ")
    assert not absolute._may_end_with_a_day("१२३ ")
    assert absolute._may_end_with_a_day("في 12 ")
    assert absolute._may_end_with_a_day("12")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["ا", "ب", "1", ".", " ", "  ", "\n", *context.WHITESPACE]), max_size=10
    ).map("".join)
)
def test_a_label_on_one_line_is_its_words_joined(chunk: str) -> None:
    """A label's chunk already on one line is kept as it is: the words joined by one
    space either way (every whitespace character, at the ends too)."""
    assert article_dates._one_line(chunk) == " ".join(chunk.split())


def _lead_texts() -> list[str]:
    return [
        *_scan_texts(),
        "والعام 2015 وللعام 2016 فلموسم 2010 (2014) [1999] وكأس 2022 رؤية 2030 ففي 2001",
        "بالعامين 2013 ومنذ  سنة 2017م موسم  2015 2016 الإستراتيجية- 2020 كتاب 2014 لل2012",
        "لثلاثة أيام وال 24 ساعة والـ3 أشهر فلبضعة أسابيع بنصف ساعة الثمانية والأربعين عاما",
        "و3 سنوات لعامين والخمس سنوات عدة أيام ربع قرن ال  يوم ١٢ يوما",
    ]


# Patterns that begin with a lookahead of where they may begin: (pattern, its text
# after the lookbehind without the lookahead, the lookahead).
LEADS = [
    (absolute.YEAR, absolute.YEAR_BODY, absolute.YEAR_LEAD),
    (lengths.DURATION, lengths.DURATION_BODY, lengths.DURATION_LEAD),
]


@pytest.mark.parametrize("index", range(len(LEADS)))
def test_a_lead_is_where_its_pattern_may_begin(index: int) -> None:
    """A pattern beginning with a lookahead of every form its first item may take finds,
    every group, what it finds without it, over whole texts and in windows."""
    pattern, body, lead_text = LEADS[index]
    plain = re.compile(strip_marks(context.START + body))
    lead = re.compile(context.START + strip_marks(lead_text))
    rng = random.Random(5)
    for text in _lead_texts():
        folded = fold(text).text
        assert [_groups(m) for m in pattern.finditer(folded)] == [
            _groups(m) for m in plain.finditer(folded)
        ]
        for _ in range(300):
            lo = rng.randrange(len(folded))
            hi = min(len(folded), lo + rng.randrange(1, 120))
            quick, slow = pattern.search(folded, lo, hi), plain.search(folded, lo, hi)
            assert (quick and _groups(quick)) == (slow and _groups(slow))
        # Each match begins where the lookahead holds.
        assert all(lead.match(folded, m.start()) for m in plain.finditer(folded))


def test_a_years_lead_holds_before_each_form_of_its_first_item() -> None:
    lead = re.compile(context.START + strip_marks(absolute.YEAR_LEAD))
    assert lead.match("الوفد") is None and lead.match("وللعام") is not None
    lead = re.compile(context.START + strip_marks(lengths.DURATION_LEAD))
    assert lead.match("الوفد") is None
    assert all(lead.match(w) for w in ("فال 3", "وب3", "لثلاثة", "والبضع", "عام", "ال يوم"))


_LEAD_PIECES = [
    "عام", "والعام", "سنة", "للسنوات", "في", "وفي", "منذ", "حتى", "موسم", "بالكأس", "رؤية",
    "ال", "و", "ل", "ب", "(", "[", ")", " ", "  ", "-", "/", "1", "2015", "١٤٣٦", "هـ", "م",
    "طن", "ثلاثة", "أيام", "يوما", "ساعة", "نصف", "بضعة", "عشر", "ونصف", "الماضية", "كامل",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LEAD_PIECES), max_size=12).map("".join))
def test_a_lead_loses_no_match_of_generated_text(text: str) -> None:
    folded = fold(text).text
    for pattern, body, _ in LEADS:
        plain = re.compile(strip_marks(context.START + body))
        for pos in range(len(folded) + 1):
            quick, slow = pattern.search(folded, pos), plain.search(folded, pos)
            assert (quick and _groups(quick)) == (slow and _groups(slow))


def test_quantity_words_as_a_trie_match_what_their_alternation_matched() -> None:
    """QUANTITY_AFTER's words are a trie: at every place of real and dense text, and of
    each word with its clitics and what may follow it, the match of the flat list."""
    flat = re.compile(
        strip_marks(rf"\s*(?:[%٪]|[.,]\d|(?:[وبل]?(?:{context.QUANTITY_WORDS})(?!\w)))")
    )
    words = strip_marks(context.QUANTITY_WORDS).split("|")
    texts = [
        *_scan_texts(),
        " ".join(
            c + w + e for w in words for c in ("", "و", "ب", "ل", "وب") for e in ("", "ا", "ين")
        ),
        " 5% ١٢٪ .5 ,3 ",
    ]
    for text in texts:
        folded = fold(text).text
        for pos in range(len(folded) + 1):
            quick, slow = context.QUANTITY_AFTER.match(folded, pos), flat.match(folded, pos)
            assert (quick and quick.span()) == (slow and slow.span())


@pytest.mark.parametrize("declared", [False, True])
def test_mention_rows_are_the_mentions_fields(declared: bool) -> None:
    """mention_events reads rows, not Mentions: each row is its mention's span, date and
    confidence, in the same order, with and without a publication time."""
    for text in [*_scan_texts(), "", "لا تاريخ هنا"]:
        for published in (None, datetime(2021, 5, 22, 1, 32), datetime(2015, 8, 10, 2, 7)):
            rows = mentions.mention_rows(text, published, declared=declared)
            found = extract_mentions(text, published, declared=declared)
            assert rows == [(m.start, m.end, m.date, m.confidence) for m in found]


_DAY_WINDOW_PIECES = [*_BEFORE_A_MONTH, "३", "١٢", "2019", "24/7/2015م", "ايار", ".", "x", "ال"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_DAY_WINDOW_PIECES), max_size=16).map("".join))
def test_the_day_before_a_month_is_searched_from_its_alphabets_run(text: str) -> None:
    """DAY_BEFORE is searched from after the window's last character none of its matches
    holds (_day_reach): what it finds is its search of the whole window, a digit of
    another script (३, which folding keeps) included."""
    window = fold(text).text
    for piece in (window, window[-45:], window + " "):
        expected = absolute.DAY_BEFORE.search(piece)
        got = absolute.DAY_BEFORE.search(piece, absolute._day_reach(piece))
        assert (got and (got.span(), got.groups())) == (
            expected and (expected.span(), expected.groups())
        )


def test_a_day_in_another_scripts_digits_is_in_the_days_run() -> None:
    for window in ("24/7/2015م في ३ ", "في 1٢ ", "x३ - 12 من شهر "):
        hit = absolute.DAY_BEFORE.search(window)
        assert hit is not None
        assert absolute._day_reach(window) <= hit.start()


def _select_greedily(candidates: list[mentions.Candidate]) -> list[mentions.Candidate]:
    """_select the long way: every candidate ranked, each taken where none taken overlaps it."""
    taken: list[mentions.Candidate] = []
    for cand in sorted(candidates, key=mentions._rank):
        if cand.end > cand.start and all(
            cand.end <= other.start or other.end <= cand.start for other in taken
        ):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


_SPAN = st.tuples(st.integers(0, 40), st.integers(-2, 12))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(_SPAN, st.sampled_from(["explicit", "year", "relative", "time", "odd"]),
                  st.sampled_from([0.5, 0.75, 0.9])),
        max_size=24,
    )
)  # fmt: skip
def test_select_by_clusters_takes_what_ranking_all_takes(
    drawn: list[tuple[tuple[int, int], str, float]],
) -> None:
    """_select settles a cluster of overlapping candidates at a time and takes a lone
    one unranked: the same candidates (the same objects, in order) as ranking them all,
    with ties (one span, kind and confidence) broken by the rules' order."""
    day = v.day_value(date(2015, 8, 10))
    found = [
        mentions.Candidate(start, start + length, day, kind, confidence, has_year=bool(i % 2))
        for i, ((start, length), kind, confidence) in enumerate(drawn)
    ]
    chosen = mentions._select(found)
    expected = _select_greedily(found)
    assert chosen == expected
    assert all(a is b for a, b in zip(chosen, expected, strict=True))


def test_select_on_texts_takes_what_ranking_all_takes() -> None:
    for text in _scan_texts():
        ctx = make_context(text, datetime(2015, 8, 10, 10))
        found = [cand for rule in mentions.ALL_RULES for cand in rule(ctx)]
        chosen = mentions._select(found)
        assert chosen == _select_greedily(found)
        assert all(a is b for a, b in zip(chosen, _select_greedily(found), strict=True))


def _durations_the_long_way(ctx: context.Context, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """durations searched near every unit word, each match read by the rule."""
    with monkeypatch.context() as patch:
        patch.setattr(lengths, "length_starts", lambda text, starts: list(starts))
        return list(lengths.durations(ctx))


_LENGTH_WORDS = (
    *lengths.lx.DURATION_UNITS,
    *(c + u for c in ("و", "ف", "ل", "ب", "وب", "فل", "ال", "وال", "بال", "لل") for u in ("يوم", "ساعات", "عاما", "يومين", "اشهر", "عقود")),
    "3", "12", "250", "ال24", "2019", "8:30", "1.5", "خمسه", "وعشرين", "الف", "ثلاث مئه", "الثمانيه",
    "نصف", "ربع", "بضع", "عده", "لمده", "مده", "خلال", "وخلال", "طوال", "علي مدي", "علي  مدار",
    "واحد", "كامل", "من الزمن", "ونصف", "و", "وستة", "الماضيه", "المقبله", "الاحد", "الساعه",
    "اليوم", "واليوم", "في", "عن", "رقم", "ابو", "بن", "قبل الميلاد", "في الاسبوع", "عقود", "شركه",
    ".", "،", ":", "/", "(", "مايو",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_LENGTH_WORDS), st.sampled_from((" ", " ", " ", "  ", "\n", ""))),
        max_size=40,
    )
)
# A window's end inside عامينساعه once made the long way read عامين as a length.
@example(
    [("ساعه", " "), ("ساعه", ""), ("دقيقتين", ""), ("ساعات", "  "), ("عامين", ""), ("ساعه", " ")]
)
def test_lengths_near_their_possible_units_are_every_units(words: list[tuple[str, str]]) -> None:
    """Searching only near unit words that have a count, a dual form, ل, a cue or a part
    next to them (length_starts) finds the lengths that searching near every one finds."""
    text = "".join(word + space for word, space in words)
    with pytest.MonkeyPatch.context() as monkeypatch:
        long_way = _durations_the_long_way(make_context(text, None), monkeypatch)
    assert list(lengths.durations(make_context(text, None))) == long_way


def test_lengths_of_news_and_dense_text_are_found_near_their_possible_units(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [
        *_scan_texts(),
        "لمده ثلاثه ايام و خلال  اسابيع، عامين ونصف و3 ساعات و20 دقيقه يوم الاحد الساعه 8",
        "خلال وساعات، علي مدي فبعقود، طوال\nوبسنوات، لمده  فعام، مده يوم واحد، لاشهر",
    ]
    found = 0
    for text in texts:
        quick = list(lengths.durations(make_context(text, None)))
        assert quick == _durations_the_long_way(make_context(text, None), monkeypatch)
        found += len(quick)
    assert found  # the texts hold lengths


def test_a_unit_with_nothing_that_makes_a_length_is_not_searched_near() -> None:
    text = "يوم الاحد الساعه 8 واليوم في عام 2019 الاسبوع. ثلاثه ايام لساعات خلال عام يومين"
    ctx = make_context(text, None)
    kept = [
        ctx.text[at : at + 5]
        for at in lengths.length_starts(ctx.text, ctx.starts_of(lengths.UNIT_ANCHOR))
    ]
    assert kept == ["ايام ", "ساعات", "عام ي", "يومين"]


def test_near_starts_searches_a_start_again_after_a_match_before_it() -> None:
    """With only some literals as starts, a match holding another ends before the start
    searched for; that start is searched again from the match's end."""
    text = "ab xx ab yy"
    pattern = re.compile(r"ab \w\w")
    found = context._near_starts(pattern, text, [(0, len(text))], [6], 8, some=True)
    assert [m.span() for m in found] == [
        (0, 5),
        (6, 11),
    ]


def test_today_in_a_text_without_short_vowels_is_what_looking_at_each_word_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A text with no short vowel skips _vocalized for each اليوم: the same mentions as
    when every اليوم's original word is looked at (a verse with its vowels is still out)."""
    texts = [
        *_scan_texts(),
        "في 1436هـ قال: «الْيَوْمَ أَكْمَلْتُ لَكُمْ دِينَكُمْ» ثم وصل اليوم الوفد",
        "وصل اليــوم الوفد 1436هـ واليوم الجمعة",
    ]
    quick = [list(relative.today(make_context(text, datetime(2015, 8, 1)))) for text in texts]
    monkeypatch.setattr(relative, "SHORT_VOWEL", re.compile(""))  # every text "has" one
    assert quick == [list(relative.today(make_context(t, datetime(2015, 8, 1)))) for t in texts]
    assert not any(c.start < 40 for c in quick[-2])  # the verse's اليوم is no date
