"""The classes of precision sample 90 fixed after it.

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


# قبل ساعات من انطلاق المباراة: a vague count before an event named by its noun is
# counted back from the event, a length with قبل outside its span (as قبل يومين من
# الانتخابات), not "some hours ago".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تنشط السوق السوداء قبل ساعات من انطلاق المباراة", [("ساعات", "PTXH")]),
        ("غادر الوزير البلاد قبل أيام من بدء المحادثات", [("أيام", "PXD")]),
        ("وقبل ساعات على فتح مراكز الاقتراع دعا الرئيس الناخبين", [("ساعات", "PTXH")]),
        ("ألقى كلمته قبل بضعة أشهر من اغتياله", [("بضعة أشهر", "PXM")]),
        ("كتب رسالته قبل أسابيع من وفاته", [("أسابيع", "PXW")]),
    ],
)
def test_a_vague_count_before_an_event(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# Not when من / على is the verb's (وافقت على, عانت من) or names a place.
@pytest.mark.parametrize(
    "text",
    [
        "وافقت الحكومة قبل أسابيع على استقبال الجرحى",
        "عانت الفنانة قبل سنوات من أزمة صحية",
        "سيطرت القوات قبل أيام على المدينة",
        "وصل الوفد قبل أيام من العاصمة",
    ],
)
def test_a_vague_count_ago(text: str) -> None:
    assert [value for _, value in found(text)] == ["PAST_REF"]


# بلغ عدد طلابها في ذلك الحين 74، لكنه يزيد اليوم عن 700: a time named "then" earlier in
# the sentence, اليوم set against it: then and now, a vague present.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بلغ عدد أعضائها في ذلك الحين 40، لكنه يزيد اليوم عن 400", ("اليوم", "PRESENT_REF")),
        ("كان سعر السهم آنذاك 50 ريالا واليوم يتجاوز 90 ريالا", ("واليوم", "PRESENT_REF")),
        ("اشترى البنك الأسهم في حينها بسعر مرتفع، اليوم تراجعت قيمتها", ("اليوم", "PRESENT_REF")),
    ],
)
def test_then_and_now(text: str, expected: tuple[str, str]) -> None:
    assert found(text) == [expected]


# Not a day's own business named after it (اليوم الأحد), nor a day's event with no
# contrast before it or told in the past after لكن.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("كان وزيرا آنذاك واليوم الخميس يصل إلى جدة", ("واليوم الخميس", "2015-08-06")),
        ("كان وزيرا آنذاك وقد وصل اليوم إلى جدة", ("اليوم", "2015-08-06")),
        ("كان وزيرا آنذاك لكن الوزارة أعلنت اليوم خطتها", ("اليوم", "2015-08-06")),
    ],
)
def test_then_and_a_day(text: str, expected: tuple[str, str]) -> None:
    assert found(text) == [expected]


# استمرت الاحتفالات طوال أيام العيد من الخامسة عصراً وحتى الحادية عشرة مساء: the hours
# of all the days of a time are each day's, not the stamp's day.
@pytest.mark.parametrize(
    "text",
    [
        "استمرت الاحتفالات طوال أيام العيد من الخامسة عصراً وحتى الحادية عشرة مساء",
        "تتواصل الألعاب طيلة أيام المهرجان من الساعة الخامسة عصرا حتى الثانية عشرة ليلا",
    ],
)
def test_the_hours_of_all_the_days_of_a_time(text: str) -> None:
    values = [value for _, value in found(text)]
    assert len(values) == 2
    assert all(value.startswith("XXXX-XX-XXT") for value in values)
