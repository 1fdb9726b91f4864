"""The classes of precision sample 85 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

FRI = datetime(2015, 7, 24, 16, 0)


def found(text: str, anchor: datetime = FRI) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# ووصل القطار عند الساعة 2:47 من بعد ظهر أمس: the part of the day after من sets a clock
# time of digits as it does one of words (الثالثة من مساء), and the time joins the day
# across من بعد, in the afternoon, not at 02:47.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ووصل القطار عند الساعة 2:47 من بعد ظهر أمس",
            ("الساعة 2:47 من بعد ظهر أمس", "2015-07-23T14:47"),
        ),
        (
            "وانطلقت المسيرة الساعة 3:15 من بعد ظهر يوم الأربعاء",
            ("الساعة 3:15 من بعد ظهر يوم الأربعاء", "2015-07-22T15:15"),
        ),
        (
            "وبلغ الاستهلاك ذروته عند الساعة الثانية و10 دقائق من بعد الظهر",
            ("الساعة الثانية و10 دقائق", "2015-07-24T14:10"),
        ),
        (
            "ووقع الحادث عند الساعة 4:40 من عصر اليوم",
            ("الساعة 4:40 من عصر اليوم", "2015-07-24T16:40"),
        ),
        ("ووصل البلاغ الساعة 2:30 من بعد الظهيرة", ("الساعة 2:30", "2015-07-24T14:30")),
        # the morning's hours stay the morning's.
        (
            "وبدأ الاجتماع الساعة 10:30 من صباح أمس",
            ("الساعة 10:30 من صباح أمس", "2015-07-23T10:30"),
        ),
    ],
)
def test_a_clock_time_before_the_part_of_its_day_after_min_is_of_that_part(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


# ومن أخذ بكل زلة على كل أحد: كل أحد is "everyone" (أحد, "anyone"), no Sunday; كل يوم
# أحد, كل الأحد and كل أحد وخميس stay every Sunday.
@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("والاعتذار فن لا يجيده كل أحد", "كل أحد"),
        ("ومن حاسب على كل أحد لم يبق له صديق", "كل أحد"),
    ],
)
def test_every_one_is_no_sunday(text: str, gone: str) -> None:
    assert gone not in [t for t, _ in found(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ويقام السوق كل يوم أحد في الساحة", ("كل يوم أحد", "XXXX-WXX-7")),
        ("وتعقد الحلقة كل الأحد بعد العصر", ("كل الأحد", "XXXX-WXX-7")),
        ("وتعقد الحلقة كل أحد وخميس بعد العصر", ("كل أحد", "XXXX-WXX-7")),
    ],
)
def test_every_sunday_stays_every_sunday(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)


# حتى الثلاثاء 19شوال, برسالة بتاريخ 24مارس 2015: a day glued to its month's name is that
# day, as with a space between (the weekday before it then joins it); a score glued to
# صفر ("nil") is no day of Safar.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وتستمر المقابلات حتى الثلاثاء 19شوال في مقر الإدارة", ("الثلاثاء 19شوال", "2015-08-04")),
        ("وبعث الوزير برسالة بتاريخ 12مارس 2015 م إلى نظرائه", ("12مارس 2015 م", "2015-03-12")),
        ("وانطلقت الحملة في 13شعبان واستمرت شهرا", ("13شعبان", "2015-05-31")),
    ],
)
def test_a_day_glued_to_its_months_name_is_that_day(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)


def test_a_score_glued_to_nil_is_no_day_of_safar() -> None:
    assert found("وخسر الفريق صاحب الأرض 2صفر أمام ضيفه") == []


# الأولى في ٣٠ محرم والثانية في ٣٠ رجب من كل عام: a Hijri day of every year (من كل عام
# after it or after the pair it opens, or a yearly habit before it) has no Gregorian date
# of its own, as every year's Ramadan has none; the Gregorian pair's first is every
# year's too.  A Hijri day of one year stays that day.
@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("وتقام الحملة في 15 شعبان من كل عام", "15 شعبان"),
        ("وتعلن النتائج مرتين، الأولى في 10 صفر والثانية في 10 رجب من كل عام", "10 صفر"),
        ("ويحتفل الأهالي سنويا في 12 ربيع الأول بالمناسبة", "12 ربيع الأول"),
    ],
)
def test_a_hijri_day_of_every_year_is_no_date(text: str, gone: str) -> None:
    assert gone not in [t for t, _ in found(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وتقام الدورة مرتين، الأولى في 15 مارس والثانية في 15 سبتمبر من كل عام",
            ("15 مارس", "XXXX-03-15"),
        ),
        ("وانطلقت الحملة في 15 شعبان وتستمر شهرا", ("15 شعبان", "2015-06-02")),
    ],
)
def test_a_day_of_one_year_or_of_a_yearly_pair(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)
