"""The classes of precision sample 95 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

THU = datetime(2015, 8, 6, 12, 0)


def found(text: str, anchor: datetime = THU) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# أرى زوجين في السبعينيات والثمانينيات من العمر: the first of two decades joined by و
# or أو before من العمر is an age too, as the second is.
@pytest.mark.parametrize(
    "text",
    [
        "التقيت رجالا في الستينيات والسبعينيات من العمر يمارسون الرياضة",
        "يصيب المرض من هم في الخمسينيات أو الستينيات من عمرهم",
    ],
)
def test_two_decades_of_age(text: str) -> None:
    assert found(text) == []


# Two decades of history stay decades.
def test_two_decades_of_history() -> None:
    text = "ازدهرت الصناعة في الستينيات والسبعينيات من القرن الماضي"
    assert [value for _, value in found(text)] == ["196X", "197X"]


# سيتوجه الوفد اعتبارا من اليوم «أمس السبت»: the paper glosses a statement's today as
# yesterday in quotes as well as in brackets, and with yesterday's weekday (the gloss
# is a mention of its own, of the same day).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال البيان إن الوفد يغادر اعتبارا من اليوم «أمس الأربعاء» إلى جدة", "2015-08-05"),
        ("وارتفع سعر الخام خلال تداولات اليوم «أمس» إلى خمسين دولارا", "2015-08-05"),
        ('وقال المتحدث: "وصلت القافلة اليوم (أمس الأربعاء) إلى المدينة"', "2015-08-05"),
    ],
)
def test_today_glossed_as_yesterday(text: str, expected: str) -> None:
    assert [value for _, value in found(text)] == [expected, expected]
