"""The error classes of precision samples 53-55 (bench/precision_sample.py), one test each.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SAT = datetime(2015, 8, 1, 10, 0)  # Saturday 16 Shawwal 1436
THU = datetime(2015, 8, 6, 9, 30)  # Thursday 21 Shawwal 1436


def found(text: str, published: datetime | None) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A day of the Hijri month: Tuesday 26 Shawwal is 11 August (26 August 2015 is a
        # Wednesday).
        (
            "وتبدأ الدورة يوم الثلاثاء 26 الشهر الجاري في مقر الغرفة",
            SAT,
            [("يوم الثلاثاء 26 الشهر الجاري", "2015-08-11")],
        ),
        (
            "ويستمر القبول حتى يوم الخميس 28 من الشهر الحالي",
            THU,
            [("يوم الخميس 28 من الشهر الحالي", "2015-08-13")],
        ),
        (
            "ويختتم البرنامج يوم الخميس الـ 28 من الشهر",
            SAT,
            [("يوم الخميس الـ 28 من الشهر", "2015-08-13")],
        ),
        # A day of the Gregorian month: Monday 24 August (24 Shawwal, 9 August, is a Sunday).
        (
            "وتعقد الجلسة الاثنين 24 من هذا الشهر",
            SAT,
            [("الاثنين 24 من هذا الشهر", "2015-08-24")],
        ),
        # The next month: Sunday 6 September (6 Dhu al-Qadah is a Friday).
        (
            "وتنطلق البطولة يوم الأحد 6 الشهر المقبل",
            SAT,
            [("يوم الأحد 6 الشهر المقبل", "2015-09-06")],
        ),
    ],
)
def test_a_weekday_with_a_day_of_this_month_is_that_day(
    text: str, published: datetime, expected: list[tuple[str, str]]
) -> None:
    assert found(text, published) == expected


def test_a_day_of_this_month_that_no_calendar_puts_on_its_weekday_is_not_made_up() -> None:
    # 5 August is a Wednesday, 5 Shawwal a Tuesday 21 July: a Friday 5 is neither.
    got = found("ويقام المعرض يوم الجمعة 5 الشهر الجاري", SAT)
    assert all(value not in ("2015-08-05", "2015-07-21") for _, value in got)
    assert ("يوم الجمعة 5 الشهر الجاري", "2015-08-05") not in got


def test_without_an_anchor_no_day_of_this_month_is_read() -> None:
    assert all(
        not text.startswith("يوم الثلاثاء 26")
        for text, _ in found("تبدأ الدورة يوم الثلاثاء 26 الشهر الجاري", None)
    )


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        # The day after a dated day of another year, in its sentence, is of that year.
        (
            "وجه الزعيم يوم 17 نوفمبر 1977 دعوة لبّاها الرئيس بعد يومين (19 نوفمبر) في القدس",
            "19 نوفمبر",
            "1977-11-19",
        ),
        # ... and of the next year when it comes earlier in the year than the dated one.
        (
            "بدأت المفاوضات في 20 ديسمبر 1990 واستمرت حتى انتهت في 5 يناير بالتوقيع",
            "5 يناير",
            "1991-01-05",
        ),
    ],
)
def test_a_yearless_day_in_a_dated_story_is_of_the_storys_year(
    text: str, raw: str, value: str
) -> None:
    assert (raw, value) in found(text, SAT)


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        # A modifier dates it from the publication (in the span or after it).
        ("حدد الاتحاد 26 فبراير 2016 موعدا بعد استقالته في الثاني من يونيو الماضي", "الثاني من يونيو الماضي", "2015-06-02"),
        # A day that names an event is no story's.
        ("حاكم سابق لنيويورك إبان اعتداءات 11 سبتمبر 2001 (28 مايو)", "28 مايو", "2015-05-28"),
        # A sentence end between them.
        ("وقعت الحادثة في 3 مارس 1999. ويبدأ المؤتمر في 9 سبتمبر", "9 سبتمبر", "2015-09-09"),
    ],
)  # fmt: skip
def test_a_yearless_day_outside_a_story_keeps_the_publications_year(
    text: str, raw: str, value: str
) -> None:
    assert (raw, value) in found(text, SAT)
