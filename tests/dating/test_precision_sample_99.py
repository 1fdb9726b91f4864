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


# وقبل أيام قليلة من موعد الانتخابات: a vague count before an event with قليلة between
# is counted back from the event (its length), as قبل أيام من موعد is, not the past.
@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("وقبل أيام قليلة من موعد الانتخابات نظم الحزب تجمعا", "PXD"),
        ("وجاء القرار قبل أشهر قليلة من افتتاح المصنع", "PXM"),
    ],
)
def test_a_few_units_before_an_event_are_a_length(text: str, length: str) -> None:
    assert [value for _, value in found(text)] == [length]


# يصبح السؤال اليوم وغداً وبعد غد: now and always, an idiom; two days alone stay days.
def test_today_tomorrow_and_after_is_now_and_always() -> None:
    assert found("وسيبقى هذا الحق قائما اليوم وغداً وبعد غد بإذن الله") == [
        ("اليوم", "PRESENT_REF"),
        ("وغداً", "FUTURE_REF"),
        ("وبعد غد", "FUTURE_REF"),
    ]


def test_today_and_tomorrow_stay_two_days() -> None:
    assert found("تعرض المسرحية اليوم وغدًا على مسرح النادي") == [
        ("اليوم", "2015-08-04"),
        ("وغدًا", "2015-08-05"),
    ]
