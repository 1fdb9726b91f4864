"""A class of precision sample 113, fixed after it was judged.

Every sentence here is made up, none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SUN = datetime(2015, 8, 2, 12, 0)


def found(text: str, anchor: datetime = SUN) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# لا شك في أن معطيات اليوم على صعيد الطاقة (sample 113): today's conditions, nowadays,
# read as the stamp's day; متغيرات اليوم and أوضاع اليوم likewise.
@pytest.mark.parametrize(
    "text",
    [
        "ويرى الخبير أن معطيات اليوم في سوق العقار تختلف عن الماضي",
        "وعلى الشركات أن تفهم متغيرات اليوم وتستعد لها",
        "لكن أوضاع اليوم في المنطقة أصعب بكثير",
    ],
)
def test_today_after_a_noun_of_conditions_is_the_present(text: str) -> None:
    assert found(text) == [("اليوم", "PRESENT_REF")]


# With a pronoun, the status of a people mended today is the day's news.
def test_their_status_today_stays_the_stamps_day() -> None:
    assert found("وتستأنف الإدارة استقبال العمال الراغبين بتصحيح أوضاعهم اليوم") == [
        ("اليوم", "2015-08-02")
    ]
