"""Viewport maths, tick levels, date labels and lane packing of the timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.model import to_axis
from timeline.timescale import (
    DAY,
    HOUR,
    MAX_SPAN,
    MIN_SPAN,
    YEAR,
    HijriDate,
    LabelStyle,
    Viewport,
    axis_date,
    choose_levels,
    format_hijri,
    format_span,
    hijri_of,
    major_label,
    minor_label,
    pack_lanes,
    tabular_hijri,
    ticks_for,
)

T2021 = to_axis(datetime(2021, 5, 22))


def vp(span: float = 10 * DAY, width: float = 1000, rtl: bool = False) -> Viewport:
    return Viewport(T2021, span, width, rtl)


# -- viewport -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("rtl", "t_offset", "x"),
    [
        (False, 0, 0),
        (False, 10 * DAY, 1000),
        (False, 5 * DAY, 500),
        (True, 0, 1000),
        (True, 10 * DAY, 0),
        (True, 2.5 * DAY, 750),
    ],
)
def test_time_and_x_both_ways(rtl: bool, t_offset: float, x: float) -> None:
    view = vp(rtl=rtl)
    assert view.x_of(T2021 + t_offset) == pytest.approx(x)
    assert view.t_of(x) == pytest.approx(T2021 + t_offset)


def test_x_of_takes_arrays() -> None:
    xs = vp().x_of(np.array([T2021, T2021 + 10 * DAY]))
    assert xs.tolist() == pytest.approx([0, 1000])


@given(
    factor=st.floats(0.05, 20),
    x=st.floats(0, 1000),
    rtl=st.booleans(),
    span=st.floats(HOUR, 50 * YEAR),
)
def test_zoom_keeps_the_point_under_the_cursor(
    factor: float, x: float, rtl: bool, span: float
) -> None:
    view = vp(span=span, rtl=rtl)
    zoomed = view.zoomed(factor, x)
    if MIN_SPAN < span / factor < MAX_SPAN:
        assert zoomed.span == pytest.approx(span / factor)
    assert zoomed.t_of(x) == pytest.approx(view.t_of(x), abs=1e-3 * span)


@pytest.mark.parametrize("factor", [1e-9, 1e9])
def test_zoom_is_clamped_between_minutes_and_centuries(factor: float) -> None:
    zoomed = vp().zoomed(factor, 300)
    assert MIN_SPAN <= zoomed.span <= MAX_SPAN
    assert zoomed.span in (pytest.approx(MIN_SPAN), pytest.approx(MAX_SPAN))


@pytest.mark.parametrize("rtl", [False, True])
def test_pan_moves_content_with_the_drag(rtl: bool) -> None:
    view = vp(rtl=rtl)
    moved = view.panned(100)
    assert moved.x_of(T2021 + DAY) == pytest.approx(view.x_of(T2021 + DAY) + 100)


@pytest.mark.parametrize("rtl", [False, True])
def test_fit_puts_the_range_inside_the_margins(rtl: bool) -> None:
    t0, t1 = to_axis(datetime(1950, 1, 1)), to_axis(datetime(1990, 1, 1))
    fitted = vp(rtl=rtl).fitted(t0, t1, margin=0.1)
    xs = sorted([fitted.x_of(t0), fitted.x_of(t1)])
    assert xs == pytest.approx([100, 900])


def test_resize_keeps_scale_and_centre() -> None:
    view = vp()
    wider = view.resized(2000)
    assert wider.seconds_per_px == pytest.approx(view.seconds_per_px)
    assert wider.start + wider.span / 2 == pytest.approx(view.start + view.span / 2)


# -- ticks --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "minor", "major"),
    [
        (600 * YEAR, "decade", "century"),
        (40 * YEAR, "year", "decade"),
        (3 * YEAR, "month", "year"),
        (60 * DAY, "day", "month"),
        (4 * DAY, "hour", "day"),
        (12 * HOUR, "minute10", "hour"),
        (30 * 60, "minute", "minute10"),
    ],
)
def test_tick_level_follows_pixels_per_unit(span: float, minor: str, major: str) -> None:
    low, high = choose_levels(span / 1600)
    assert (low.name, high.name) == (minor, major)


def test_ticks_cover_the_view_on_calendar_boundaries() -> None:
    view = Viewport(to_axis(datetime(2021, 1, 15)), 120 * DAY, 1600)
    ticks = ticks_for(view, LabelStyle(language="en"))
    assert ticks.minor_level.name == "day"
    assert ticks.minor[0].t <= view.start and ticks.minor[-1].t >= view.end
    months = [major_label("month", t.t, LabelStyle(language="en")) for t in ticks.major]
    assert months[:3] == ["January 2021", "February 2021", "March 2021"]
    assert all(t.label for t in ticks.major)


@pytest.mark.parametrize(
    ("months", "may", "july"),
    [
        ("levant", "أيار", "تموز"),
        ("egypt", "مايو", "يوليو"),
        ("gulf", "مايو", "يوليو"),
        ("maghreb", "ماي", "جويلية"),
    ],
)
def test_arabic_month_names_by_region(months: str, may: str, july: str) -> None:
    style = LabelStyle(months=months)  # type: ignore[arg-type]
    assert minor_label("month", to_axis(datetime(2021, 5, 1)), style) == may
    assert minor_label("month", to_axis(datetime(2021, 7, 1)), style) == july


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (LabelStyle(), "22 أيار 2021"),
        (LabelStyle(digits="arabic"), "٢٢ أيار ٢٠٢١"),
        (LabelStyle(months="maghreb", digits="arabic"), "٢٢ ماي ٢٠٢١"),
        (LabelStyle(language="en"), "22 May 2021"),
    ],
)
def test_day_labels(style: LabelStyle, expected: str) -> None:
    assert major_label("day", T2021, style) == expected


def test_clock_labels_use_the_digit_setting() -> None:
    t = T2021 + 14 * HOUR + 10 * 60
    assert minor_label("minute10", t, LabelStyle(digits="arabic")) == "١٤:١٠"
    assert minor_label("hour", t, LabelStyle(language="en")) == "14:10"


def test_hijri_labels_under_gregorian_ones() -> None:
    assert format_hijri(T2021, "day", LabelStyle()) == "10 شوال 1442 هـ"
    assert format_hijri(T2021, "month", LabelStyle(language="en")) == "Shawwal 1442 AH"
    assert format_hijri(T2021, "year", LabelStyle(digits="arabic")) == "١٤٤٢ هـ"
    view = Viewport(T2021 - 5 * DAY, 40 * DAY, 1600)
    ticks = ticks_for(view, LabelStyle(hijri=True))
    hijri_days = {axis_date(t.t): t.label for t in ticks.hijri_minor}
    assert hijri_days[date(2021, 5, 22)] == "10"  # 22 May 2021 is 10 Shawwal
    assert all(t.label.endswith("هـ") for t in ticks.hijri_major)
    assert not ticks_for(view, LabelStyle()).hijri_major


def test_hijri_months_are_labelled_where_they_begin() -> None:
    """1 Ramadan 1442 is 13 April 2021: its label sits there, not at 1 April."""
    view = Viewport(to_axis(datetime(2021, 4, 1)), 61 * DAY, 1600)
    ticks = ticks_for(view, LabelStyle(language="en", hijri=True))
    assert ticks.major_level.name == "month"
    labels = {axis_date(t.t): t.label for t in ticks.hijri_major}
    assert labels[date(2021, 4, 13)] == "Ramadan 1442 AH"
    assert labels[date(2021, 5, 13)] == "Shawwal 1442 AH"
    assert date(2021, 4, 1) not in labels and date(2021, 5, 1) not in labels
    # At month level the Hijri months of the minor row begin on their own days too.
    wide = ticks_for(Viewport(to_axis(datetime(2021, 1, 1)), YEAR, 1600), LabelStyle(hijri=True))
    assert wide.minor_level.name == "month"
    starts = {axis_date(t.t): t.label for t in wide.hijri_minor}
    assert starts[date(2021, 4, 13)] == "رمضان"


def test_hijri_falls_back_to_the_arithmetic_calendar_marked_approximate() -> None:
    assert format_hijri(to_axis(datetime(1900, 1, 1)), "day", LabelStyle()) == "≈ 28 شعبان 1317 هـ"
    assert tabular_hijri(date(622, 7, 19)) == HijriDate(1, 1, 1, True)
    assert tabular_hijri(date(622, 7, 18)) is None
    # Where both exist, the arithmetic calendar is within two days of Umm al-Qura.
    for day in (date(1925, 3, 1), date(1970, 1, 1), date(2021, 4, 13), date(2060, 9, 9)):
        exact, tabular = hijri_of(day), tabular_hijri(day)
        assert exact is not None and tabular is not None and not exact.approximate
        months = (tabular.year - exact.year) * 12 + tabular.month - exact.month
        assert abs(months * 29.5 + tabular.day - exact.day) <= 2
    view = Viewport(to_axis(datetime(1880, 1, 1)), 20 * YEAR, 1600)
    ticks = ticks_for(view, LabelStyle(language="en", hijri=True))
    assert ticks.hijri_major and all(t.label.startswith("≈ ") for t in ticks.hijri_major)


def test_hijri_decades_are_not_written_as_one_year() -> None:
    view = Viewport(to_axis(datetime(1900, 1, 1)), 100 * YEAR, 1600)
    ticks = ticks_for(view, LabelStyle(language="en", hijri=True))
    assert ticks.major_level.name == "decade"
    labels = [t.label for t in ticks.hijri_major if t.label]
    assert "1350–1359 AH" in labels
    assert all("–" in label for label in labels)
    starts = {t.label: axis_date(t.t) for t in ticks.hijri_major}
    assert starts["1350–1359 AH"] == date(1931, 5, 19)  # 1 Muharram 1350


def test_years_are_labelled_at_a_forty_year_span() -> None:
    view = Viewport(to_axis(datetime(1935, 1, 1)), 40 * YEAR, 1400)
    ticks = ticks_for(view, LabelStyle(language="en"))
    assert ticks.minor_level.name == "year"
    years = [t.label for t in ticks.minor if t.label]
    assert len(years) >= 8 and "1950" in years
    narrow = ticks_for(replace(view, width=800), LabelStyle(language="en"))
    assert "1950" in [t.label for t in narrow.minor]  # every fifth year


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (datetime(1950, 1, 1), datetime(1954, 1, 1), "1950 – 1953"),
        (datetime(2021, 5, 22), datetime(2021, 5, 22), "22 May 2021"),
        (datetime(2021, 5, 22, 1, 32), datetime(2021, 5, 22, 1, 32), "22 May 2021 01:32"),
        (datetime(2021, 5, 1), datetime(2021, 6, 1), "May 2021"),
        (datetime(2021, 5, 22), datetime(2021, 5, 23), "22 May 2021"),
    ],
)
def test_format_span(start: datetime, end: datetime, expected: str) -> None:
    assert format_span(to_axis(start), to_axis(end), LabelStyle(language="en")) == expected


def test_a_span_that_ends_with_the_year_9999() -> None:
    """A user may date an event to the last year the calendar has: its end, 10000-01-01,
    has no datetime, and writing the span raised OverflowError (the chronology, the
    detail pane, the timeline's tooltip and its viewport's range all write spans)."""
    style = LabelStyle(language="en")
    after = to_axis(datetime(9999, 12, 31)) + DAY
    assert format_span(to_axis(datetime(1000, 1, 1)), after, style) == "1000 – 9999"
    assert format_span(to_axis(datetime(9999, 12, 31)), after, style) == "31 December 9999"
    assert format_span(to_axis(datetime(9999, 12, 1)), after, style) == "December 9999"


@given(span=st.floats(MIN_SPAN, MAX_SPAN), width=st.integers(200, 4000))
def test_tick_count_stays_bounded(span: float, width: int) -> None:
    ticks = ticks_for(Viewport(T2021 - span / 2, span, width), LabelStyle())
    assert len(ticks.minor) <= width / 7 + 5
    assert len(ticks.major) <= len(ticks.minor) + 2


# -- lanes --------------------------------------------------------------------


def test_pack_lanes_first_fit() -> None:
    x0 = [0, 5, 12, 30, 1]
    x1 = [10, 20, 25, 40, 3]
    assert pack_lanes(x0, x1).tolist() == [0, 1, 0, 0, 1]
    assert pack_lanes([0, 1, 2, 11], [10, 10, 10, 12], max_lanes=2).tolist() == [0, 1, -1, 0]


def test_pack_lanes_gap_separates_touching_boxes() -> None:
    assert pack_lanes([0, 10], [10, 20], gap=0).tolist() == [0, 1]
    assert pack_lanes([0, 11], [10, 20], gap=0).tolist() == [0, 0]
    assert pack_lanes([0, 12], [10, 20], gap=4).tolist() == [0, 1]


boxes = st.lists(st.tuples(st.floats(-1e4, 1e4), st.floats(0, 500)), min_size=0, max_size=200)


@given(items=boxes, max_lanes=st.one_of(st.none(), st.integers(0, 8)), gap=st.floats(0, 10))
def test_packed_boxes_never_overlap_in_a_lane(
    items: list[tuple[float, float]], max_lanes: int | None, gap: float
) -> None:
    x0 = np.array([a for a, _ in items])
    x1 = np.array([a + w for a, w in items])
    lanes = pack_lanes(x0, x1, max_lanes, gap)
    assert len(lanes) == len(items)
    if max_lanes is not None:
        assert lanes.max(initial=-1) < max_lanes
    for lane in set(lanes.tolist()) - {-1}:
        members = np.flatnonzero(lanes == lane)
        order = members[np.argsort(x0[members])]
        assert np.all(x0[order][1:] > x1[order][:-1] + gap)


def _first_fit(x0: np.ndarray, x1: np.ndarray, max_lanes: int | None, gap: float) -> list[int]:
    """The rule written plainly: in start order, the lowest lane whose last box ends
    more than gap before the box starts, or none."""
    ends: list[float] = []
    out = [-1] * len(x0)
    for k in np.argsort(x0, kind="stable").tolist():
        lo, hi = float(x0[k]), max(float(x1[k]), float(x0[k]))
        lane = next((i for i, end in enumerate(ends) if end + gap < lo), None)
        if lane is None and (max_lanes is None or len(ends) < max_lanes):
            lane = len(ends)
            ends.append(hi)
        if lane is not None:
            ends[lane] = hi
            out[k] = lane
    return out


@given(
    items=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=300),
    max_lanes=st.one_of(st.none(), st.integers(0, 6)),
    gap=st.sampled_from([0.0, 1.0, 2.5]),
)
def test_packing_is_first_fit_when_crowded(
    items: list[tuple[int, int]], max_lanes: int | None, gap: float
) -> None:
    # Crowded (few lanes, many boxes, ties): boxes passed over while every lane is taken.
    x0 = np.array([a for a, _ in items], dtype=np.float64)
    x1 = np.array([a + w for a, w in items], dtype=np.float64)
    assert pack_lanes(x0, x1, max_lanes, gap).tolist() == _first_fit(x0, x1, max_lanes, gap)


@given(items=boxes)
def test_unbounded_packing_uses_as_many_lanes_as_the_deepest_overlap(
    items: list[tuple[float, float]],
) -> None:
    x0 = np.array([a for a, _ in items])
    x1 = np.array([a + w for a, w in items])
    lanes = pack_lanes(x0, x1)
    depth = max((int(np.sum((x0 <= a) & (x1 >= a))) for a in x0.tolist()), default=0)
    assert lanes.max(initial=-1) + 1 == depth


@pytest.mark.parametrize(
    ("start", "end", "granularity", "language", "expected"),
    [
        (datetime(1945, 3, 22, 10, 0), None, "minute", "en", "22 March 1945 10:00"),
        (datetime(2021, 1, 1), None, "day", "en", "1 January 2021"),
        (datetime(2021, 5, 1), datetime(2021, 6, 1), "month", "ar", "أيار 2021"),
        (datetime(1950, 1, 1), datetime(1954, 1, 1), "interval", "en", "1950 – 1953"),
        (datetime(1970, 1, 1), datetime(1980, 1, 1), "decade", "en", "1970 – 1979"),
    ],
)
def test_format_date_keeps_the_granularity(start, end, granularity, language, expected) -> None:
    from timeline.timescale import format_date

    style = LabelStyle(language=language)
    end_axis = to_axis(end) if end else None
    assert format_date(to_axis(start), end_axis, granularity, style) == expected


def test_the_coarsest_level_is_labelled_once_not_twice() -> None:
    # Over 2,000 years minor and major are both centuries: one row of labels, and the
    # centuries are still named (on the major row).
    view = Viewport(to_axis(datetime(1, 1, 1)), 2000 * YEAR, 1200)
    ticks = ticks_for(view, LabelStyle(language="en", hijri=True))
    assert ticks.minor_level is ticks.major_level
    assert not ticks.minor_labelled
    assert "1900" in [t.label for t in ticks.major]
    # One level finer, both rows still say different things.
    finer = ticks_for(Viewport(to_axis(datetime(1900, 1, 1)), 100 * YEAR, 1200), LabelStyle())
    assert finer.minor_level is not finer.major_level and finer.minor_labelled


@pytest.mark.parametrize("width", [300, 800, 1200])
def test_the_coarsest_row_names_evenly_spaced_units(width: int) -> None:
    # Three thousand years at 300-800 px leave a century too narrow for its label:
    # every k-th century is named, the same k along the whole row, so the labels of
    # 1000-2000 and of 100-900 stand equally far apart (the axis must not look uneven).
    view = Viewport(to_axis(datetime(1, 1, 1)), 2100 * YEAR, width)
    ticks = ticks_for(view, LabelStyle(language="en"))
    assert ticks.minor_level is ticks.major_level
    # The first century begins in year 1 (there is no year 0).
    named = [int(t.label) // 100 * 100 for t in ticks.major if t.label]
    assert len(named) >= 3
    gaps = {b - a for a, b in pairwise(named)}
    assert len(gaps) == 1, named
    (gap,) = gaps
    assert gap / 100 * (width / 21) >= 44  # each label has its room


def test_a_typed_hijri_date_of_any_year_the_calendar_has() -> None:
    """Read with its era in any year from 1 AH (Go to date read 1343-1500 AH alone):
    Umm al-Qura where hijridate's table has the year, else the arithmetic calendar,
    said approximate."""
    from timeline.model import from_axis
    from timeline.timescale import hijri_span, read_typed_hijri

    def days(text: str) -> tuple[str, str, bool] | None:
        span = read_typed_hijri(text)
        if span is None:
            return None
        return (
            from_axis(span.start).date().isoformat(),
            from_axis(span.end).date().isoformat(),
            span.approximate,
        )

    assert days("10 رمضان 8 هـ") == ("0630-01-04", "0630-01-05", True)
    assert days("10رمضان 8هـ") == days("١٠ رمضان ٨ هـ") == days("10 Ramadan 8 AH")
    assert days("1 محرم 1 هـ") == ("0622-07-19", "0622-07-20", True)  # the epoch
    assert days("رمضان 8 هـ") == ("0629-12-26", "0630-01-25", True)  # a month
    assert days("8 هـ") == ("0629-05-04", "0630-04-23", True)  # a year
    assert days("1200 هجرية") == ("1785-11-04", "1786-10-24", True)
    # In hijridate's table: its day, not approximate.
    assert days("10 رمضان 1393 هـ") == ("1973-10-06", "1973-10-07", False)
    # No such day (the arithmetic Shawwal has 29), no year 0, no era, past 9999 CE.
    assert days("30 رمضان 8 هـ") is not None and days("30 شوال 8 هـ") is None
    for text in ("0 هـ", "10 رمضان 8", "10 8 هـ", "9700 هـ", "1 " + "محرم " * 50 + "1 هـ"):
        assert days(text) is None, text
    assert hijri_span(8, 13) is None
