"""The classes of precision sample 98 fixed after it.

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


# مشيرا إلى أن النظام اليوم «يتمسك بتمثيله: a definite subject after أن / إن, then اليوم
# and a present verb, is what holds nowadays, not the stamp's day.
@pytest.mark.parametrize(
    "text",
    [
        "وأوضح الباحث أن السوق اليوم «يعتمد على الاستيراد» في معظم سلعه",
        "إلا أن القرية اليوم ترتبط باسم شاعرها",
        "ولا أبالغ إن قلت إن القلق اليوم يسكن كل بيت",
    ],
)
def test_a_subject_then_today_then_a_present_verb_is_nowadays(text: str) -> None:
    assert found(text) == [("اليوم", "PRESENT_REF")]


# A scheduled event told in the present stays the day.
@pytest.mark.parametrize(
    "text",
    [
        "وأعلن المدرب أن الفريق اليوم يلتقي نظيره الأهلي",
        "وذكر البيان أن المؤتمر اليوم يختتم أعماله",
    ],
)
def test_a_scheduled_event_after_today_stays_the_day(text: str) -> None:
    assert found(text) == [("اليوم", "2015-08-04")]


# ومن يضمن أن يسمح غدًا: who can guarantee that ... tomorrow, the future at large.
@pytest.mark.parametrize(
    "text",
    [
        "ومن يضمن أن تبقى الأسعار غدًا على حالها؟",
        "ولا أحد يضمن لنا أن يعود المطر غداً",
    ],
)
def test_tomorrow_after_who_guarantees_is_the_future(text: str) -> None:
    assert [value for _, value in found(text)] == ["FUTURE_REF"]


# A purpose with يضمن and a match tomorrow stays the day.
def test_tomorrow_after_a_purpose_stays_the_day() -> None:
    text = "ويسعى الفريق إلى الفوز ليضمن صدارته في مواجهته غداً مع ضيفه"
    assert [value for _, value in found(text)] == ["2015-08-05"]
