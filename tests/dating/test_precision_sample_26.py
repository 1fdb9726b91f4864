"""The error classes of precision sample 26 (bench/precision_sample.py), one test each.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

FRI = datetime(2015, 7, 31, 4, 26)  # Friday 15 Shawwal 1436
SUN = datetime(2015, 7, 26, 16, 55)  # Sunday 10 Shawwal 1436


def found(text: str, published: datetime | None = FRI) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("منذ بداية يوليو والحكومة تشتري الأسهم", "بداية يوليو", "2015-07"),
        ("ارتفعت الأسعار منذ يوليو", "يوليو", "2015-07"),
        ("تراجعت المبيعات منذ أغسطس", "أغسطس", "2014-08"),
        ("لم يصل الراتب منذ 5 أغسطس", "5 أغسطس", "2014-08-05"),
    ],
)
def test_since_a_month_may_be_this_month(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "لا مجال للمقارنة بين فن الرواد ومعظم فناني وفنانات اليوم",
        "يختلف طلاب اليوم عن طلاب الأمس في أساليب التعلم",
    ],
)
def test_people_of_today_are_nowadays(text: str) -> None:
    assert [m for m in found(text) if m[0] == "اليوم"] == [("اليوم", "PRESENT_REF", "DATE")]


def test_artists_today_at_an_event_stay_the_day() -> None:
    # Anchored in the day: FRI's 04:26 stamp is the day before's (samples 24-35).
    text = "يحيي الفنانون اليوم حفلا في جدة"
    assert found(text, FRI.replace(hour=14)) == [("اليوم", "2015-07-31", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "تغير استقبال الضيوف في بعض أجزاء اليوم بسبب الحر",
        "تزدحم الطرق في أوقات اليوم كلها",
    ],
)
def test_parts_of_any_day_are_no_day(text: str) -> None:
    assert found(text) == []


def test_a_weekday_and_a_short_date_are_read_by_the_weekday() -> None:
    text = (
        "حددت الكلية أيام الثلاثاء 10/12 والأربعاء 10/13 والخميس 10/14 للمراجعة، "
        "ويبدأ التسجيل يوم الأحد 2/8 في الرياض"
    )
    assert found(text, SUN) == [
        ("الثلاثاء 10/12", "2015-07-28", "DATE"),  # 12 Shawwal, month first
        ("والأربعاء 10/13", "2015-07-29", "DATE"),
        ("والخميس 10/14", "2015-07-30", "DATE"),
        ("يوم الأحد 2/8", "2015-08-02", "DATE"),  # 2 August, day first
    ]


def test_a_short_date_that_is_not_its_weekday_is_no_date() -> None:
    # 3 August 2015 is a Monday and no Hijri reading is a Sunday near the anchor.
    assert ("يوم الأحد 3/8", "2015-08-03", "DATE") not in found("يبدأ التسجيل يوم الأحد 3/8", SUN)
