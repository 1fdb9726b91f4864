"""The error classes of precision samples 56-57 (bench/precision_sample.py), one test each.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SAT = datetime(2015, 8, 1, 10, 0)  # Saturday 16 Shawwal 1436


def found(text: str, published: datetime | None = SAT) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "إن أبناءنا في أمسّ الحاجة إلى الرعاية",
        "والمنكوبون في أمس الحاجة إلى المساعدات",
        "وهو في امس حاجة للدعم",
        "انهم لفي أمس الحاجة",
    ],
)
def test_most_in_need_is_no_yesterday(text: str) -> None:
    assert found(text) == []


def test_yesterday_before_a_pilgrims_title_is_still_yesterday() -> None:
    assert found("وصلت أمس الحاجة فاطمة إلى المدينة") == [("أمس", "2015-07-31")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Counted from an event whose word begins like الآن: a length, not days ago (the
        # span was half a word, 'قبل يومين من الان').
        ("وقبل يومين من الانتخابات ألقت الشرطة القبض عليهم", [("يومين", "P2D")]),
        ("بدأ التدريب قبل ثلاثة أيام من الانطلاق", [("ثلاثة أيام", "P3D")]),
        # From now and from the years: so many ago.
        ("وقع ذلك قبل عامين من الآن", [("قبل عامين من الآن", "2013")]),
        ("في الجماعات المتطرفة قبل عقدين من السنوات", [("قبل عقدين من السنوات", "1995")]),
    ],
)
def test_so_long_before_an_event_or_before_now(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("المتعاقد، الذي يعمل بين الساعة 8 صباحاً و4 مساءً، يتولى الترجمة", "الساعة 8 صباحاً"),
        ("ويعمل المركز من الساعة 8 صباحا حتى 4 مساء", "الساعة 8 صباحا"),
        ("ساعات الدوام من الساعة 8 صباحا إلى 2 ظهرا", "الساعة 8 صباحا"),
    ],
)
def test_working_hours_are_every_days_time(text: str, span: str) -> None:
    assert found(text) == [(span, "XXXX-XX-XXT08:00")]


def test_a_clock_time_of_one_meeting_keeps_its_day() -> None:
    assert found("وعقد الاجتماع من الساعة 8 صباحا أمس") == [
        ("الساعة 8 صباحا أمس", "2015-07-31T08:00")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # أمس before a weekday joined to its written date is still that day's time.
        (
            "عند الساعة العاشرة وعشرين دقيقة من صباح أمس الجمعة الموافق 15/ 10/ 1436هـ تعرض",
            "2015-07-31T10:20",
        ),
        # و النصف written apart is half past.
        (
            "عند الساعة الحادية عشرة و النصف من مساء يوم الثلاثاء الموافق 12 / 10 / 1436هـ",
            "2015-07-28T23:30",
        ),
    ],
)
def test_a_clock_time_takes_the_day_written_after_it(text: str, expected: str) -> None:
    (mention,) = extract_mentions(text, datetime(2015, 8, 1, 7, 53))
    assert mention.text.startswith("الساعة") and mention.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "يؤكد علماء النفس أن القيادة اليوم أصبحت مجرد نشاط",
        "وإن المدينة اليوم باتت أكثر أمنا من ذي قبل",
        "ولا شك أننا بحاجة اليوم أن ندفع بتغيير",
        "المملكة بحاجة اليوم لسياسة سكانية واضحة",
    ],
)
def test_today_of_what_has_become_or_is_needed_is_nowadays(text: str) -> None:
    assert found(text) == [("اليوم", "PRESENT_REF")]


def test_today_of_an_event_stays_the_day() -> None:
    assert found("ويصل الوفد اليوم إلى الرياض") == [("اليوم", "2015-08-01")]


def test_the_attacks_named_by_their_day_keep_the_year_open() -> None:
    assert found("تغير العالم بعد اعتداءات 11 سبتمبر") == [("11 سبتمبر", "XXXX-09-11")]
