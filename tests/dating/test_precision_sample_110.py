"""Classes of precision sample 110, fixed after it was judged.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SAT = datetime(2015, 8, 1, 9, 0)


def found(text: str, anchor: datetime = SAT) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# بدءاً من الساعة 10:00 صباح يوم الأحد تاريخ 17/10/1436ه ، الموافق 02/08/2015: a weekday
# with تاريخ / بتاريخ and then its written date is that date's day, as it is across
# الموافق (sample 110 read the Sunday as the one before a Saturday's stamp, 26 July).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وأوضحت الإدارة أن التسجيل كان متاحا من الساعة 9:00 صباح يوم الأحد تاريخ 02/08/2015",
            [
                ("الساعة 9:00 صباح يوم الأحد", "2015-08-02T09:00"),
                ("02/08/2015", "2015-08-02"),
            ],
        ),
        (
            "وأعلنت اللجنة أن المهلة انتهت يوم الاثنين، بتاريخ 18/10/1436هـ",
            [("يوم الاثنين", "2015-08-03"), ("18/10/1436هـ", "2015-08-03")],
        ),
    ],
)
def test_a_weekday_before_tarikh_and_its_date_is_that_date(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


# A date of another weekday after تاريخ leaves the weekday as it was counted.
def test_a_weekday_before_tarikh_and_a_date_of_another_weekday_is_kept() -> None:
    assert found("وأعلنت اللجنة أن المهلة انتهت يوم الاثنين بتاريخ 05/08/2015") == [
        ("يوم الاثنين", "2015-07-27"),
        ("05/08/2015", "2015-08-05"),
    ]


# مدَّت الغرفة فترة عمل قسم شؤون المنتسبين بالغرفة حتى الساعة الثامنة مساءً: the working
# period a service is kept until, as ساعات العمل and الدوام are, is every working day's
# hour (sample 110 read it as the stamp's day at 20:00).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "مددت البلدية فترة عمل مكتب خدمة العملاء بالمبنى حتى الساعة التاسعة مساءً",
            [("الساعة التاسعة مساءً", "XXXX-XX-XXT21:00")],
        ),
        (
            "وقررت الإدارة تمديد فترة العمل في فروعها حتى الساعة العاشرة مساء",
            [("الساعة العاشرة مساء", "XXXX-XX-XXT22:00")],
        ),
    ],
)
def test_a_working_period_until_an_hour_is_every_days(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected
