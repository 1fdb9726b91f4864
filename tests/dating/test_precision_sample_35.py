"""The class of precision sample 35 (bench/precision_sample.py) fixed after it was judged.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

MON = datetime(2015, 8, 10, 10, 0)  # Monday 25 Shawwal 1436


def found(text: str, published: datetime | None = MON) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("قد تجرى الانتخابات في النصف الأول من سبتمبر المقبل", "سبتمبر المقبل"),
        ("تبدأ الدراسة في الأسبوع الأول من سبتمبر", "سبتمبر"),
    ],
)
def test_a_half_or_a_week_of_a_month_is_not_its_first_day(text: str, raw: str) -> None:
    assert found(text) == [(raw, "2015-09", "DATE")]


def test_the_first_of_a_month_is_still_its_first_day() -> None:
    assert found("تبدأ الدراسة في الأول من سبتمبر المقبل") == [
        ("الأول من سبتمبر المقبل", "2015-09-01", "DATE")
    ]
