"""The error classes samples 24-35 left open (bench/precision_sample.py), one test each.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from timeline.dating import extract_mentions

SAT_SMALL_HOURS = datetime(2015, 7, 25, 2, 7)  # Saturday, stamped after midnight
SAT_MORNING = datetime(2015, 7, 25, 10, 7)
SAT_DAY_ONLY = datetime(2015, 7, 25)  # a publication day with no time
SUN_EVENING = datetime(2015, 8, 9, 17, 31)  # Sunday


def found(text: str, published: datetime | None) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    ("published", "today", "yesterday"),
    [
        # Stamped between midnight and five: the writer's today is the day before.
        (SAT_SMALL_HOURS, "2015-07-24", "2015-07-23"),
        (SAT_MORNING, "2015-07-25", "2015-07-24"),
        # A day with no time is no stamp after midnight.
        (SAT_DAY_ONLY, "2015-07-25", "2015-07-24"),
    ],
)
def test_a_stamp_after_midnight_is_the_day_before_s(
    published: datetime, today: str, yesterday: str
) -> None:
    text = "ارتفعت أسعار الذهب اليوم بعد أن تراجعت أمس في الأسواق"
    assert found(text, published) == [("اليوم", today, "DATE"), ("أمس", yesterday, "DATE")]


def test_a_declared_creation_time_after_midnight_is_the_writers_own() -> None:
    # A TimeML creation time, a --published given by hand or a stamp with its UTC
    # offset says when the writer wrote: its today is its own day.
    text = "ارتفعت أسعار الذهب اليوم بعد أن تراجعت أمس في الأسواق"
    declared = [(m.text, m.value) for m in extract_mentions(text, SAT_SMALL_HOURS, declared=True)]
    with_offset = [
        (m.text, m.value) for m in extract_mentions(text, SAT_SMALL_HOURS.replace(tzinfo=UTC))
    ]
    assert declared == with_offset == [("اليوم", "2015-07-25"), ("أمس", "2015-07-24")]


def test_a_stamp_after_midnight_yields_to_the_texts_own_weekday() -> None:
    text = "أعلنت الوزارة اليوم السبت عن خطة جديدة"
    assert found(text, SAT_SMALL_HOURS) == [("اليوم السبت", "2015-07-25", "DATE")]


def test_a_clock_time_after_another_day_is_not_todays() -> None:
    text = "وقعت حادثتا دهس أمس السبت في المدينة. وأوضح المتحدث أن البلاغ الأول جاء الساعة 20:48"
    assert found(text, SUN_EVENING) == [("أمس السبت", "2015-08-08", "DATE")]


def test_a_clock_time_with_no_other_day_is_todays() -> None:
    text = "وأوضح المتحدث أن البلاغ الأول جاء الساعة 14:48 أمام المحطة"
    assert found(text, SUN_EVENING) == [("الساعة 14:48", "2015-08-09T14:48", "TIME")]


def test_a_clock_time_before_today_named_or_with_its_zone_stays_today() -> None:
    text = (
        "وصل الوفد أمس السبت إلى جدة. وقع الحادث عند الساعة العاشرة من صباح اليوم الأحد. "
        "انتهى 17:15 ت م"
    )
    values = [value for _, value, _ in found(text, SUN_EVENING)]
    assert values == ["2015-08-08", "2015-08-09T10:00", "2015-08-09T17:15+03:00"]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        (
            "أنهى السباح السباق في دقيقة واحدة و53.48 ثانية",
            "دقيقة واحدة و53.48 ثانية",
            "PT1M53.48S",
        ),
        ("قطع المسافة في دقيقتين و7 ثوان فقط", "دقيقتين و7 ثوان", "PT2M7S"),
    ],
)
def test_minutes_and_seconds_are_one_length(text: str, raw: str, value: str) -> None:
    assert found(text, SUN_EVENING) == [(raw, value, "DURATION")]


@pytest.mark.parametrize(
    "text",
    ["كان الباعة ينتظرون زبونا طوال اليوم في دكاكينهم", "بقيت الأم مشغولة طيلة اليوم بالطبخ"],
)
def test_all_day_long_is_no_day(text: str) -> None:
    assert found(text, SUN_EVENING) == []


@pytest.mark.parametrize(
    "text",
    [
        "قال الكاتب إن أغلب الشباب اليوم لا يعرفون تاريخ مدينتهم",
        "ولكن أخطرها اليوم هو الغلاء الذي يثقل الأسر",
        "وأكد أن التحديات اليوم ليست أقل مما كانت عليه",
        "إن الاهتمام الذي نراه اليوم بالطاقة الشمسية جديد",
    ],
)
def test_today_stating_what_holds_now_is_nowadays(text: str) -> None:
    assert [m for m in found(text, SUN_EVENING) if m[0] == "اليوم"] == [
        ("اليوم", "PRESENT_REF", "DATE")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وقال الوزير إن اتفاق اليوم هو أول اتفاق من نوعه",
        "فما حدث اليوم ليس مسؤولية الحراس",
        "أيا كانت نتيجة المباراة الودية اليوم لا يجب أن نبالغ",
    ],
)
def test_today_of_an_event_before_a_statement_stays_the_day(text: str) -> None:
    assert [m for m in found(text, SUN_EVENING) if m[0] == "اليوم"] == [
        ("اليوم", "2015-08-09", "DATE")
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A stale notice: the written date says which Sunday (14 June 2015).
        ("يبدأ استقبال الطلبات يوم الأحد القادم 27 / 8 / 1436هـ في مقر الكلية", "2015-06-14"),
        ("عقد المجلس اجتماعه يوم الثلاثاء الماضي 28/7/2015 في الرياض", "2015-07-28"),
        # A date of another weekday does not move it.
        ("عقد المجلس اجتماعه يوم الثلاثاء الماضي 29/7/2015 في الرياض", "2015-08-04"),
    ],
)
def test_a_weekday_takes_the_date_of_its_weekday_after_it(text: str, value: str) -> None:
    assert found(text, SUN_EVENING)[0][1] == value
