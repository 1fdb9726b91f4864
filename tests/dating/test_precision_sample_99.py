"""The classes of precision sample 99 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

TUE = datetime(2015, 8, 4, 12, 0)


def found(text: str, anchor: datetime = TUE) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# انطلاقته رسمياً غد الأربعاء, اعتبارا من غد الأربعاء: غد with its weekday and no يوم
# before it is tomorrow, that weekday, not the last one.
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("ويبدأ المعرض رسمياً غد الأربعاء في القاعة الكبرى", "غد الأربعاء"),
        ("تستقبل الإدارة الطلبات اعتبارا من غد الأربعاء", "غد الأربعاء"),
    ],
)
def test_tomorrow_with_its_weekday_is_that_day(text: str, span: str) -> None:
    assert found(text) == [(span, "2015-08-05")]


# غد alone, without a weekday or a word of a day before it, is still no day.
def test_a_bare_tomorrow_noun_stays_out() -> None:
    assert found("ويحلم بغد أفضل لأبنائه") == []
