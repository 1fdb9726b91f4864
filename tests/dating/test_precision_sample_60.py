"""The error classes of precision sample 60 (bench/precision_sample.py), one test each.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from timeline.dating import extract_mentions
from timeline.dating.values import hijri_to_gregorian

MON = datetime(2015, 8, 10, 12, 0)  # Monday 25 Shawwal 1436


def found(text: str, published: datetime | None = MON) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, published)]


def test_the_tables_put_these_days_on_other_weekdays() -> None:
    # The premise of the tests below: Umm al-Qura's 3 and 15 Dhu al-Qa'dah 1436.
    assert hijri_to_gregorian(1436, 11, 3) == date(2015, 8, 18)  # a Tuesday
    assert hijri_to_gregorian(1436, 11, 15) == date(2015, 8, 30)  # a Sunday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The written weekday is the day before the tables': the month begun a day early.
        ("يبدأ يوم الاثنين الموافق 3/11/1436هـ", "2015-08-17"),
        ("ويستمر حتى يوم السبت الموافق 1436/11/15هـ", "2015-08-29"),
        ("يوم السبت 15 ذو القعدة 1436هـ", "2015-08-29"),
        # The day after: the month begun a day late.
        ("يوم الأربعاء 3/11/1436هـ", "2015-08-19"),
        # The tables' own weekday, or one two days off (a mistake): as the tables say.
        ("يوم الأحد 15/11/1436هـ", "2015-08-30"),
        ("يوم الخميس 15/11/1436هـ", "2015-08-30"),
        ("في 15/11/1436هـ", "2015-08-30"),
    ],
)
def test_a_hijri_date_falls_on_the_weekday_written_with_it(text: str, expected: str) -> None:
    assert [value for _, value in found(text)] == [expected]


def test_a_gregorian_date_keeps_its_day_whatever_the_weekday_says() -> None:
    # 19 August 2015 is a Wednesday; a wrong weekday is the writer's mistake.
    assert [value for _, value in found("يوم الثلاثاء 19/8/2015م")] == ["2015-08-19"]


@pytest.mark.parametrize(
    "text",
    [
        "إن التهنئة بالعيد عبر الجوال ليست وليدة اليوم، إنما عرفت منذ زمن",
        "هذه الظاهرة ليست وليدة اليوم",
    ],
)
def test_not_new_is_no_day(text: str) -> None:
    assert [value for _, value in found(text) if value.startswith("2015-08-10")] == []


def test_a_boy_named_walid_today_is_still_today() -> None:
    assert found("وصل الوليد اليوم إلى الرياض") == [("اليوم", "2015-08-10")]
