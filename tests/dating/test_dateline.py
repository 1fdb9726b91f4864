"""parse_date_line: publication date lines and date strings as Arabic news writes them."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.dating import parse_date_line
from timeline.dating.dateline import is_date_line
from timeline.model import to_axis

from .test_normalize import ARABIC_TEXT

CASES = [
    # The seed line: shadda, English ordinal, paired Levant/Egypt months, 12-hour clock.
    ("تم نشره السبت 22nd أيّار / مايو 2021 01:32 صباحاً", "2021-05-22T01:32", "minute"),
    ("2023-05-26T10:16:12+03:00", "2023-05-26T10:16:12+03:00", "second"),
    ("2015-07-31 04:33:02", "2015-07-31T04:33:02", "second"),
    ("2015-07-31T04:33Z", "2015-07-31T04:33Z", "minute"),
    ("2015-07-31", "2015-07-31", "day"),
    ("25 نوفمبر 2022", "2022-11-25", "day"),
    # Levant month names, with and without the Egyptian pair.
    ("1 كانون الثاني 2020", "2020-01-01", "day"),
    ("13 أيلول/سبتمبر 1993", "1993-09-13", "day"),
    ("5 تشرين الأول 2019", "2019-10-05", "day"),
    ("30 تشرين الثاني 2019", "2019-11-30", "day"),
    ("26 شباط (فبراير) 2016", "2016-02-26", "day"),
    ("3 فبراير (شباط) 2016", "2016-02-03", "day"),
    # Egypt/Gulf spellings.
    ("9 ابريل 2015", "2015-04-09", "day"),
    ("9 إبريل 2015", "2015-04-09", "day"),
    ("9 يونيه 2015", "2015-06-09", "day"),
    ("9 يوليه 2015", "2015-07-09", "day"),
    ("9 اغسطس 2015", "2015-08-09", "day"),
    ("9 أغسطس 2015", "2015-08-09", "day"),
    # Maghreb and Morocco.
    ("6 أفريل 2024", "2024-04-06", "day"),
    ("6 جانفي 2024", "2024-01-06", "day"),
    ("6 فيفري 2024", "2024-02-06", "day"),
    ("6 ماي 2024", "2024-05-06", "day"),
    ("6 جوان 2024", "2024-06-06", "day"),
    ("6 جويلية 2024", "2024-07-06", "day"),
    ("6 أوت 2024", "2024-08-06", "day"),
    ("6 يوليوز 2018", "2018-07-06", "day"),
    ("6 غشت 2018", "2018-08-06", "day"),
    ("6 شتنبر 2018", "2018-09-06", "day"),
    ("6 نونبر 2018", "2018-11-06", "day"),
    ("6 دجنبر 2018", "2018-12-06", "day"),
    # Digits, ordinals, tatweel, harakat, trailing م, weekday prefixes.
    ("الأحد ١ يوليو ٢٠١٨", "2018-07-01", "day"),
    ("۳ مـايو ۲۰۲۱م", "2021-05-03", "day"),
    ("1st مَايُو 2021", "2021-05-01", "day"),
    ("3rd مايو 2021", "2021-05-03", "day"),
    ("الخميس 14 مايو 2015م", "2015-05-14", "day"),
    # 12-hour clock: 12 صباحاً is midnight; م / مساءً are afternoon.
    ("22 مايو 2021 12:05 صباحاً", "2021-05-22T00:05", "minute"),
    ("22 مايو 2021 12:05 مساءً", "2021-05-22T12:05", "minute"),
    ("22 مايو 2021 - 03:10 م", "2021-05-22T15:10", "minute"),
    ("22 مايو 2021 03:10 ص", "2021-05-22T03:10", "minute"),
    ("22 مايو 2021 9:45 مساء", "2021-05-22T21:45", "minute"),
    ("22 مايو 2021 09:45", "2021-05-22T09:45", "minute"),
    # Numeric dates: day first (Arab convention); 13xx/14xx are Hijri.
    ("22/07/2015", "2015-07-22", "day"),
    ("24/7/2015م", "2015-07-24", "day"),
    ("25 / 7 / 2015 م", "2015-07-25", "day"),
    ("20 / 10 / 1436هـ", "2015-08-05", "day"),
    ("1436/10/28هـ", "2015-08-13", "day"),
    ("28 / 7 / 1433هـ", "2012-06-18", "day"),
    # Hijri month names and their variants.
    ("25 شوال 1436 هـ", "2015-08-10", "day"),
    ("28 رمضان 1436", "2015-07-15", "day"),
    ("1 ربيع الأول 1436هـ", "2014-12-23", "day"),
    ("1 ربيع الاول 1436هـ", "2014-12-23", "day"),
    ("1 جمادى الآخرة 1436هـ", "2015-03-21", "day"),
    ("1 جمادى الثانية 1436هـ", "2015-03-21", "day"),
    ("1 ذو القعدة 1436هـ", "2015-08-16", "day"),
    ("1 ذي القعدة 1436هـ", "2015-08-16", "day"),
    ("10 ذو الحجة 1436هـ", "2015-09-23", "day"),
    ("10 ذي الحجة 1436هـ", "2015-09-23", "day"),
    # Bridges: the Gregorian side wins when both parse.
    ("24/10/1436هـ الموافق 09/08/2015م", "2015-08-09", "day"),
    ("25 شوال 1436 هـ الموافق 10 اغسطس 2015 م", "2015-08-10", "day"),
    # Coarser strings keep their granularity.
    ("2021", "2021", "year"),
    ("مايو 2021", "2021-05", "month"),
    ("أيار / مايو 2021", "2021-05", "month"),
]


@pytest.mark.parametrize(("line", "value", "granularity"), CASES)
def test_parse_date_line(line: str, value: str, granularity: str) -> None:
    got = parse_date_line(line)
    assert got is not None, line
    assert (got.value, got.granularity) == (value, granularity)


def test_seed_line_axis_and_exclusive_ends() -> None:
    got = parse_date_line("تم نشره السبت 22nd أيّار / مايو 2021 01:32 صباحاً")
    assert got is not None
    assert got.start == to_axis(datetime(2021, 5, 22, 1, 32))
    assert got.end is None  # a point
    year = parse_date_line("2021")
    assert year is not None
    assert (year.start, year.end) == (to_axis(datetime(2021, 1, 1)), to_axis(datetime(2022, 1, 1)))
    month = parse_date_line("مايو 2021")
    assert month is not None
    assert (month.start, month.end) == (
        to_axis(datetime(2021, 5, 1)),
        to_axis(datetime(2021, 6, 1)),
    )


@pytest.mark.parametrize(
    ("field", "value", "granularity", "first", "following"),
    [
        ("2015-09", "2015-09", "month", datetime(2015, 9, 1), datetime(2015, 10, 1)),
        ("198X", "198X", "decade", datetime(1980, 1, 1), datetime(1990, 1, 1)),
        ("2015-SU", "2015-SU", "season", datetime(2015, 6, 1), datetime(2015, 9, 1)),
        # A Hijri month's days (شوال 1436 هـ), both included.
        (
            "2015-07-17/2015-08-15",
            "2015-07-17/2015-08-15",
            "interval",
            datetime(2015, 7, 17),
            datetime(2015, 8, 16),
        ),
    ],
)
def test_a_stored_coarse_value_reads_back(
    field: str, value: str, granularity: str, first: datetime, following: datetime
) -> None:
    """The values this program stores for a coarse date (an export writes a publication
    date the user gave as a month so) are read as what they name, not as no date (nor,
    an interval, as its first day)."""
    got = parse_date_line(field)
    assert got is not None, field
    assert (got.value, got.granularity) == (value, granularity)
    assert (got.start, got.end) == (to_axis(first), to_axis(following))


def test_hijri_dates_say_so() -> None:
    got = parse_date_line("25 شوال 1436 هـ")
    assert got is not None and got.calendar == "hijri"
    assert parse_date_line("22 مايو 2021").calendar == "gregorian"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "line",
    [
        "",
        "   ",
        "وكالات",
        "المدينة نيوز",
        "22 مايو",  # no year: nothing to anchor it
        "السبت",
        "25 شوال 1600 هـ",  # outside the Umm al-Qura table
        "1 محرم 1200هـ",
        "31/02/2015",
        "45/10/1436هـ",
        "2015%",
        "رقم 104 / 47",
        "2015-13",  # no month 13
        "19",  # a century's value, but as often a number
        "2015-09 مايو",  # a value form only when it is the whole field
    ],
)
def test_unparseable_lines_give_none(line: str) -> None:
    assert parse_date_line(line) is None


@given(ARABIC_TEXT)
def test_parse_date_line_never_raises(text: str) -> None:
    parse_date_line(text)


@given(st.text(max_size=60))
def test_parse_date_line_never_raises_on_any_unicode(text: str) -> None:
    parse_date_line(text)


@pytest.mark.parametrize(
    ("line", "is_one"),
    [
        ("تم نشره السبت 22nd أيّار / مايو 2021 01:32 صباحاً", True),
        ("2021-05-22", True),
        ("2021", True),
        ("22/03/2015", True),
        ("نشر بتاريخ 2015/07/21 الساعة 10:30 صباحا", True),
        ("Published on March 1, 2015 10:30 PM", True),
        ("Sun, 01 Mar 2015 10:00:00 +0300", True),
        ("الرياض - 21 يوليو 2015", True),
        # Said to be one, though its date cannot be read: kept as written.
        ("نشر في يوم ما من الأيام 7", True),
        ("Last updated: yesterday", True),
        # Sentences of a body that name a date are not date lines.
        ("زار الملك الرياض في عام 2015 وافتتح 3 مشاريع كبيرة في المدينة.", False),
        ("وقع الحادث يوم 5 مارس 2015 في مدينة الرياض", False),
        ("قتل 5 أشخاص في انفجار", False),
        ("الساعة 10:30", False),  # a time alone
        ("Updated 5 hours ago", True),
        ("Updated figures show 30 deaths in the city.", False),  # a sentence
        ("2015 " + "كلمة " * 40, False),  # too long to be one
        ("", False),
    ],
)
def test_is_date_line(line: str, is_one: bool) -> None:
    assert is_date_line(line) is is_one
