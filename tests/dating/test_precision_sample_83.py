"""The classes of precision sample 83 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions


def found(text: str, anchor: datetime) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


SUN = datetime(2015, 7, 26, 17, 0)
THU = datetime(2015, 7, 30, 17, 0)


# وقال المسؤول "بدأت العملية صباح أمس (الجمعة)" in a text whose own أمس is Saturday: the
# weekday in brackets names the day of the quote's yesterday, as أمس الجمعة does.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'ذكر مسؤول أمس السبت أن القتال توقف. وقال "بدأت العملية صباح أمس (الجمعة) في الوادي"',
            ("صباح أمس", "2015-07-24TMO"),
        ),
        ("وكان الوزير وصل، أمس (الجمعة)، إلى المدينة", ("أمس", "2015-07-24")),
        ("وتراجع الذهب مساء أمس الأول (الخميس) في السوق", ("مساء أمس الأول", "2015-07-23TEV")),
    ],
)
def test_a_weekday_in_brackets_after_yesterday_names_its_day(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, SUN)


# وحضرت الممثلة العرض الأول مساء أمس الأول الأربعاء from a Thursday: the Wednesday just
# gone, a slip by a day (as أمس الأربعاء on a Wednesday is), not the Wednesday a week
# before.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وحضرت الممثلة العرض الأول مساء أمس الأول الأربعاء",
            ("مساء أمس الأول الأربعاء", "2015-07-29TEV"),
        ),
        ("ووقع الطرفان الاتفاق يوم أمس الاول الأربعاء", ("يوم أمس الاول الأربعاء", "2015-07-29")),
        # the weekday of the day before yesterday itself, as before.
        ("ووقع الطرفان الاتفاق أمس الأول الثلاثاء في الرياض", ("أمس الأول الثلاثاء", "2015-07-28")),
    ],
)
def test_the_day_before_yesterday_named_by_yesterdays_weekday_is_yesterday(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, THU)


# وأوضح التقرير أن الاقتصاد العالمي اليوم يحتاج إلى تطوير: what is needed now, nowadays,
# as بحاجة after اليوم already was; not from a day on.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال الخبير إن التعليم اليوم يحتاج إلى مناهج جديدة", ("اليوم", "PRESENT_REF")),
        ("وترى الدراسة أن الأسر اليوم تحتاج إلى دعم أكبر", ("اليوم", "PRESENT_REF")),
        ("واعتبارا من اليوم يحتاج المسافر إلى تأشيرة", ("اليوم", "2015-07-26")),
    ],
)
def test_today_before_a_verb_of_needing_is_nowadays(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, SUN)


# انتصرت مصر عام 1973، واليوم يتجدد المشهد: a year gone by, a comma and واليوم set then
# against now (PRESENT_REF), as بالأمس ... واليوم already did; not a year of this one,
# nor واليوم before the day's own business (واليوم الجلسة الثانية).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وقال المتحدث إن الحزب تحالف مع خصومه عام 1994، واليوم تحالف مع غيرهم",
            ("واليوم", "PRESENT_REF"),
        ),
        ("وافتتحت السوق في عام 2015، واليوم تستقبل الزوار", ("واليوم", "2015-07-26")),
        ("وبدأت المحاكمة عام 2010، واليوم الجلسة الأخيرة", ("واليوم", "2015-07-26")),
    ],
)
def test_today_after_a_year_gone_by_and_a_comma_is_now(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, SUN)
