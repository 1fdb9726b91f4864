"""The error classes of precision sample 28 (bench/precision_sample.py) fixed after it.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

MON = datetime(2015, 8, 10, 19, 26)  # Monday 25 Shawwal 1436


def found(text: str, published: datetime | None = MON) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("اعترضت الشركة منذ الأول من يناير أكثر من ألف مهاجر", "الأول من يناير", "2015-01-01"),
        ("تراجعت المبيعات منذ الحادي عشر من يناير", "الحادي عشر من يناير", "2015-01-11"),
    ],
)
def test_since_an_ordinal_day_is_before_the_anchor(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DATE")]


def test_a_weekday_after_intends_to_is_the_coming_one() -> None:
    text = "ويعتزم مجلس إدارة الشركة استعراض نتائج أعمال الشركة المالية كاملة يوم الأربعاء."
    assert [m for m in found(text) if m[0] == "يوم الأربعاء"] == [
        ("يوم الأربعاء", "2015-08-12", "DATE")
    ]
    assert found("وكان المجلس استعرض النتائج يوم الأربعاء") == [
        ("يوم الأربعاء", "2015-08-05", "DATE")
    ]


def test_a_short_date_takes_the_calendar_of_the_year_written_after_it() -> None:
    # 7/11 is a Saturday read as 7 November and as 7 Dhu al-Qa'dah 1436 (22 August);
    # the Hijri year after the range decides.
    text = "يبدأ قيد الناخبين يوم السبت 7 /11 الى 1 /12 /1436هـ، بمعدل خمس ساعات"
    assert found(text)[0] == (
        "يوم السبت 7 /11 الى 1 /12 /1436هـ",
        "2015-08-22/2015-09-14",
        "DATE",
    )
