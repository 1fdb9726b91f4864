"""The error classes of precision sample 27 (bench/precision_sample.py) fixed after it.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SAT = datetime(2015, 8, 8, 6, 14)  # Saturday


def found(text: str, published: datetime | None = SAT) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


def test_the_night_before_last() -> None:
    assert found("اختتمت البارحة الأولى فعاليات البرنامج") == [
        ("البارحة الأولى", "2015-08-06", "DATE")
    ]
    assert found("اختتمت البارحة فعاليات البرنامج") == [("البارحة", "2015-08-07", "DATE")]


@pytest.mark.parametrize(
    "text",
    ["وتراجع السهم 3.9 في المئة يوم الأحد متأثرا", "وتراجع السهم 3.9 بالمائة يوم الأحد متأثرا"],
)
def test_a_percentage_before_a_day_is_no_hundred_days(text: str) -> None:
    assert found(text) == [("يوم الأحد", "2015-08-02", "DATE")]


def test_a_hundred_days_stay_a_length() -> None:
    assert found("خلال المئة يوم الأولى من حكمه") == [("المئة يوم", "P100D", "DURATION")]


def test_a_weekday_of_every_week_is_a_set() -> None:
    assert ("يوم الخميس", "XXXX-WXX-4", "SET") in found("في كل اسبوع من يوم الخميس يحدث اللقاء")


def test_friday_pulpits_are_no_day() -> None:
    assert found("واستطاعوا إطلاقها في الخطب ومنابر الجمعة رغم ذلك") == []
