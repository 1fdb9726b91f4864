"""Build DateValues (value string, granularity, axis span) for days, months, years and periods."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from hijridate import Gregorian, Hijri

from timeline.model import DateValue, to_axis

GREGORIAN = "gregorian"
HIJRI = "hijri"


_EPOCH_DAY = date(1970, 1, 1).toordinal()


def _day_axis(day: date) -> int:
    """to_axis of the day's midnight, counted from its ordinal (no datetime built)."""
    return (day.toordinal() - _EPOCH_DAY) * 86400


def valid_date(year: int, month: int, day: int) -> date | None:
    """The Gregorian date, or None when the numbers do not make one."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


# A conversion checks the date against hijridate's table and builds two objects (about
# 10 us); an article names the same Hijri year and days again and again.
@lru_cache(maxsize=4096)
def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Umm al-Qura conversion; None outside hijridate's range or for an impossible day."""
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=4096)
def gregorian_to_hijri(day: date) -> tuple[int, int, int] | None:
    """The Umm al-Qura (year, month, day) of a Gregorian date, None outside the table."""
    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


# The values rules build are remembered: a DateValue is immutable, building one (a
# frozen dataclass: a setattr per field) costs more than the look-up, and an article
# names the same days, months, years and sets again.
@lru_cache(maxsize=4096)
def day_value(day: date, calendar: str = GREGORIAN) -> DateValue:
    return DateValue(day.isoformat(), "day", _day_axis(day), None, calendar)


def moment_value(moment: datetime, granularity: str, offset: str = "") -> DateValue:
    """A point finer than a day; offset ('+03:00') is kept in the value only."""
    if granularity == "second":
        text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    elif granularity == "hour":
        # Written with ":00" so every consumer's ISO parser takes it; the granularity
        # says the minutes were not given.
        text = moment.strftime("%Y-%m-%dT%H:00")
    else:
        text = moment.strftime("%Y-%m-%dT%H:%M")
    return DateValue(text + offset, granularity, to_axis(moment), None)


@lru_cache(maxsize=4096)
def month_value(year: int, month: int, calendar: str = GREGORIAN) -> DateValue:
    start = _day_axis(date(year, month, 1))
    end = _day_axis(date(year + (month == 12), month % 12 + 1, 1))
    return DateValue(f"{year:04d}-{month:02d}", "month", start, end, calendar)


@lru_cache(maxsize=4096)
def hijri_month_value(year: int, month: int) -> DateValue | None:
    """A Hijri month, valued as its Gregorian day interval."""
    first = hijri_to_gregorian(year, month, 1)
    following = hijri_to_gregorian(year + (month == 12), month % 12 + 1, 1)
    if first is None or following is None:
        return None
    return days_interval(first, following - timedelta(days=1), HIJRI)


def _whole_years(value: str, granularity: str, first: int, count: int) -> DateValue:
    """`count` Gregorian years from 1 January of `first`."""
    return DateValue(
        value, granularity, _day_axis(date(first, 1, 1)), _day_axis(date(first + count, 1, 1))
    )


@lru_cache(maxsize=4096)
def year_value(year: int) -> DateValue:
    return _whole_years(f"{year:04d}", "year", year, 1)


@lru_cache(maxsize=4096)
def years_interval(first: int, last: int) -> DateValue:
    """'1950/1953': from 1 January of the first year to the end of the last."""
    return _whole_years(f"{first:04d}/{last:04d}", "interval", first, last - first + 1)


@lru_cache(maxsize=4096)
def days_interval(first: date, last: date, calendar: str = GREGORIAN) -> DateValue:
    """'2015-08-26/2015-08-27': both days included."""
    return DateValue(
        f"{first.isoformat()}/{last.isoformat()}",
        "interval",
        _day_axis(first),
        _day_axis(last + timedelta(days=1)),
        calendar,
    )


@lru_cache(maxsize=4096)
def hijri_years_interval(first: int, last: int) -> DateValue | None:
    """Hijri years as a Gregorian day interval.

    The value's last day follows dev.tsv's convention (29 Dhu al-Hijjah); the axis end
    is the exact first day of the next year.  Umm al-Qura's table gives 1348's Dhu
    al-Hijjah 28 days, so there the value's last day is the day before the next year.
    """
    start = hijri_to_gregorian(first, 1, 1)
    following = hijri_to_gregorian(last + 1, 1, 1)
    label_end = hijri_to_gregorian(last, 12, 29) or (
        following - timedelta(days=1) if following is not None else None
    )
    if start is None or label_end is None:
        return None
    end = following or label_end + timedelta(days=1)
    return DateValue(
        f"{start.isoformat()}/{label_end.isoformat()}",
        "interval",
        _day_axis(start),
        _day_axis(end),
        HIJRI,
    )


@lru_cache(maxsize=4096)
def week_value(day: date) -> DateValue:
    """The week containing day, from Sunday to Saturday, valued as an ISO week.

    Arab newsrooms count the week from Sunday: the working week of Saudi Arabia and
    most Arab states runs Sunday to Thursday (the weekend is Friday and Saturday) and
    الأحد is "the first" day.  The value names the ISO week that shares six of its
    seven days (the one of its Monday), so 'الأسبوع الماضي' read on a Sunday is the
    week that ended the day before.
    """
    sunday = day - timedelta(days=(day.weekday() + 1) % 7)
    iso = (sunday + timedelta(days=1)).isocalendar()
    return DateValue(
        f"{iso.year:04d}-W{iso.week:02d}",
        "week",
        _day_axis(sunday),
        _day_axis(sunday + timedelta(days=7)),
    )


@lru_cache(maxsize=4096)
def decade_value(first_year: int) -> DateValue:
    """'197X' for the 1970s."""
    return _whole_years(f"{first_year // 10:03d}X", "decade", first_year, 10)


@lru_cache(maxsize=4096)
def century_value(first_year: int) -> DateValue:
    """'19' for 1900-1999 (TIMEX3 century: the leading two digits)."""
    return _whole_years(f"{first_year // 100:02d}", "century", first_year, 100)


@lru_cache(maxsize=4096)
def duration_value(amount: int, unit: str) -> DateValue:
    """'P70Y', 'P3M', 'P2W', 'P5D': a length of time, not a place on the axis."""
    return DateValue(f"P{amount}{unit}", "duration", None, None)


@lru_cache(maxsize=4096)
def duration(value: str) -> DateValue:
    """A length of time already written as TIMEX3 ('P25Y', 'PT3H', 'PXY')."""
    return DateValue(value, "duration", None, None)


@lru_cache(maxsize=4096)
def recurrence(value: str) -> DateValue:
    """A TimeML SET ('P1D' daily, 'P3M' every three months, 'XXXX-WXX-5' every Friday)."""
    return DateValue(value, "set", None, None)


@lru_cache(maxsize=4096)
def underspecified(value: str) -> DateValue:
    """A date whose year the text leaves open ('XXXX-09-11', 'XXXX-11'): no place yet."""
    return DateValue(value, "vague", None, None)


@lru_cache(maxsize=64)
def vague_value(direction: str) -> DateValue:
    """'PAST_REF', 'PRESENT_REF' or 'FUTURE_REF', with no place on the axis."""
    return DateValue(f"{direction}_REF", "vague", None, None)


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1
