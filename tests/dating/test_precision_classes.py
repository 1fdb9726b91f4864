"""The error classes of precision samples 20-23 (bench/precision_sample.py), one test each.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

WED = datetime(2015, 8, 5, 12, 0)  # Wednesday 20 Shawwal 1436, after Ramadan


def found(text: str, published: datetime | None = WED) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "كانت الحكومة تدعم النظام، لكنها اليوم تحاول إنقاذه من الانهيار",
        "كان لاعبا مغمورا، وهو اليوم نجم الفريق الأول",
        "وأشار إلى أن الدعم اليوم أعلى بكثير مما كان متوقعا",
        "الأسعار اليوم أقل مما كانت عليه حين افتتح السوق",
    ],
)
def test_today_set_against_the_past_is_nowadays(text: str) -> None:
    assert found(text) == [("اليوم", "PRESENT_REF", "DATE")]


def test_today_of_an_event_stays_the_day() -> None:
    assert found("وصل الوزير اليوم إلى الرياض") == [("اليوم", "2015-08-05", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "الذروة للشراء تكون في شهر رمضان حيث تتضاعف المبيعات",
        "يزداد الطلب على التمور عادة في شهر رمضان",
    ],
)
def test_a_habitual_ramadan_is_no_one_year(text: str) -> None:
    assert not [m for m in found(text) if m[0].endswith("رمضان")]


def test_a_ramadan_of_this_year_keeps_its_value() -> None:
    assert found("نفذت البلدية 500 جولة خلال شهر رمضان") == [
        ("شهر رمضان", "2015-06-18/2015-07-16", "DATE")
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("يستعد ناشطون للتظاهر يوم الجمعة في كل المدن", "2015-08-07"),
        ("سيعقد المجلس اجتماعه يوم الأحد في الرياض", "2015-08-09"),
        ("ومن المقرر أن يصل الوفد يوم الاثنين إلى القاهرة", "2015-08-10"),
        ("سيعقد المجلس اجتماعا يوم الأربعاء لبحث الميزانية", "2015-08-05"),  # today's
    ],
)
def test_a_weekday_in_a_clause_about_the_future_is_the_coming_one(text: str, value: str) -> None:
    assert [m[1] for m in found(text) if m[2] == "DATE"] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "قال مسؤول سياسي يوم الاثنين إن الاتفاق صامد",
        "سيتم نشر نتائج الاجتماع الذي عقد يوم الاثنين في الرياض",
    ],
)
def test_a_weekday_in_the_past_stays_the_last_one(text: str) -> None:
    assert [m[1] for m in found(text) if m[2] == "DATE"] == ["2015-08-03"]


@pytest.mark.parametrize(
    "text",
    [
        "يمنع العمل من الساعة الـ12 ظهرا إلى الساعة الـ 3 مساء خلال الفترة من 15 يونيو",
        "يمنع العمل من الساعة 12 ظهرا إلى الساعة الـ 3 مساء، خلال الفترة من 15 يونيو",
    ],
)
def test_hours_of_every_day_are_no_time_on_the_day(text: str) -> None:
    # Kept as TimeML's SET of that hour on every day, with no place on the timeline.
    assert [m[1:] for m in found(text) if m[0].startswith("الساعة")] == [
        ("XXXX-XX-XXT12:00", "SET"),
        ("XXXX-XX-XXT15:00", "SET"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وقال المدرب إن انضمام اللاعب إلى الفريق بات قريبا، وأضاف",
        "أكد أن الحل أصبح قريبا جدا",
    ],
)
def test_close_after_a_verb_of_becoming_is_not_soon(text: str) -> None:
    assert found(text) == []


def test_soon_after_a_verb_stays_future() -> None:
    assert found("وسيعلن الاتحاد النتائج قريبا") == [("قريبا", "FUTURE_REF", "DATE")]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("سيستغرق الحفل قرابة ساعة وعشرين دقيقة. وينضم", "ساعة وعشرين دقيقة", "PT1H20M"),
        ("تحرك القطار متأخرا 3 ساعات و17 دقيقة. وتابع", "3 ساعات و17 دقيقة", "PT3H17M"),
        ("استمر الاجتماع ساعتين وعشر دقائق ثم", "ساعتين وعشر دقائق", "PT2H10M"),
    ],
)
def test_a_length_in_two_units_is_one_length(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DURATION")]
    assert found(text, None) == [(raw, value, "DURATION")]


def test_days_of_every_week_are_no_length() -> None:
    assert found("والصحيفة التي تصدر ستة أيام في الأسبوع تعالج قضايا") == []
    assert ("ثلاثة أيام", "P3D", "DURATION") in found("عمل ثلاثة أيام في الأسبوع الماضي")


def test_times_in_the_last_decade_are_no_recurrence() -> None:
    assert found("حقق الفريق اللقب أربع مرات في العقد الأخير، وقال") == []
    assert found("يجتمع المجلس مرتين في العام لمناقشة") == [("مرتين في العام", "P1Y", "SET")]
