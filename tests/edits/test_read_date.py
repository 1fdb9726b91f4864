"""Dates typed by the user are read as the program reads dates, in either language."""

from __future__ import annotations

import pytest

from timeline.edits import read_date


@pytest.mark.parametrize(
    ("typed", "value", "granularity"),
    [
        ("10 شوال 1442 هـ", "2021-05-22", "day"),
        ("٥ يونيو ٢٠٢٠", "2020-06-05", "day"),
        ("أيار 2021", "2021-05", "month"),
        ("بين عامي 1950 و1953", "1950/1953", "interval"),
        ("22nd May 2021", "2021-05-22", "day"),
        ("May 22, 2021", "2021-05-22", "day"),
        ("10 Shawwal 1442 AH", "2021-05-22", "day"),
        ("Dhul Hijja 1436", "2015-09-14/2015-10-13", "interval"),
        ("Sept 2001", "2001-09", "month"),
        ("Sept. 3rd, 2015", "2015-09-03", "day"),
        ("3rd of September 2015", "2015-09-03", "day"),
        ("Thursday, September 3, 2015", "2015-09-03", "day"),
        ("Sun, 01 Mar 2015 10:00:00 +0300", "2015-03-01T10:00:00+03:00", "second"),
        ("2021-05-22", "2021-05-22", "day"),
        ("1990", "1990", "year"),
        ("1990/1991", "1990/1991", "interval"),
        ("2021-05-22/2021-06-01", "2021-05-22/2021-06-01", "interval"),
    ],
)
def test_typed_dates(typed: str, value: str, granularity: str) -> None:
    date = read_date(typed)
    assert date is not None and date.start is not None
    assert (date.value, date.granularity) == (value, granularity)


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "lorem ipsum", "2021-13-40", "1999/1990", "اليوم", "Sun, 31 Feb 2015 10:00:00 GMT"],
)
def test_unreadable_or_unplaced_typed_dates(typed: str) -> None:
    assert read_date(typed) is None


def test_a_range_covers_its_last_day() -> None:
    date = read_date("2021-05-22/2021-05-23")
    assert date is not None and date.end is not None and date.start is not None
    assert date.end - date.start == 2 * 86400


@pytest.mark.parametrize(
    ("typed", "value", "last_day"),
    [
        ("9999", "9999", "9999-12-31"),
        ("9999-12", "9999-12", "9999-12-31"),
        ("1000/9999", "1000/9999", "9999-12-31"),
        ("2024-02", "2024-02", "2024-02-29"),
        ("0001", "0001", "0001-12-31"),
    ],
)
def test_the_calendars_last_year_can_be_typed(typed: str, value: str, last_day: str) -> None:
    """The end of a year or a month was the first day after it as a datetime: 10000-01-01
    has none, and "9999" stopped the command with an unexpected ValueError."""
    from datetime import date

    from timeline.timescale import axis_date

    read = read_date(typed)
    assert read is not None and read.value == value and read.end is not None
    assert axis_date(read.end - 1) == date.fromisoformat(last_day)
