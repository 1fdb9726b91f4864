"""The classes of precision sample 75 fixed after it.

- أوضح رئيس اللجنة محمد الخميس ... وتوقع الخميس نجاح البرنامج: a family name that is a
  weekday, once the text has named its bearer in full, is the bearer when it stands
  alone again (no يوم, no modifier), not the last Thursday.
- المالية العامة اليوم في وضع صحي: اليوم before a state (في وضع, في حالة, في موقف, في
  مرحلة) is what holds now; اليوم في حال (in case) is still the day.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SAT = datetime(2015, 8, 1, 10, 0)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, SAT)]


def test_a_family_name_named_in_full_is_the_bearer_alone_again() -> None:
    text = (
        "وأوضح مدير الجمعية سعد الخميس أن البرنامج يضم عشرين دورة. "
        "وتوقع الخميس أن يزيد عدد المشاركين. وأضاف الخميس أن التسجيل مفتوح"
    )
    assert found(text) == []


def test_the_day_named_with_its_word_stays_the_day() -> None:
    text = "وأوضح مدير الجمعية سعد الخميس أن البرنامج بدأ يوم الخميس الماضي"
    assert found(text) == [("يوم الخميس الماضي", "2015-07-30")]


def test_another_weekday_stays_the_day() -> None:
    text = "وأوضح مدير الجمعية سعد الخميس أن البرنامج بدأ الأربعاء"
    assert found(text) == [("الأربعاء", "2015-07-29")]


@pytest.mark.parametrize(
    "text",
    [
        "وهذا يعني أن الاقتصاد اليوم في وضع أفضل بكثير",
        "فالقطاع اليوم في حالة من الترقب",
        "إن المستثمرين اليوم في موقف صعب",
        "والمنطقة اليوم في مرحلة حرجة",
    ],
)
def test_today_before_a_state_is_nowadays(text: str) -> None:
    assert found(text) == [("اليوم", "PRESENT_REF")]


def test_today_in_case_is_the_day() -> None:
    text = "ويقام اللقاء اليوم في حال اكتمال الترتيبات"
    assert found(text) == [("اليوم", "2015-08-01")]
