"""The classes of precision sample 105 fixed after it.

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


# قبل ثمانية أعوام ونصف العام, قبل عام ونصف: a count of years, months or weeks and a
# half back is the month (the week) that far back, as قبل ثمانية أعوام is the year; it
# was read as a length (P102M), the half left to the lengths.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("باع المنزل قبل ستة أعوام ونصف العام", [("قبل ستة أعوام ونصف العام", "2009-02")]),
        ("تعطل المشروع قبل عام ونصف", [("قبل عام ونصف", "2014-02")]),
        ("أجرى العملية قبل شهر ونصف", [("قبل شهر ونصف", "2015-06")]),
        ("وصل الوفد قبل أسبوع ونصف", [("قبل أسبوع ونصف", "2015-W30")]),
    ],
)
def test_a_count_and_a_half_ago(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# منذ عام ونصف stays a length (the TimeML dev set's gold: لم يراجعه محام منذ عام ونصف).
def test_since_a_count_and_a_half_stays_a_length() -> None:
    assert found("لم يزره أحد منذ عام ونصف") == [("عام ونصف", "P18M")]


# قبل شهرين ونصف من الاقتراع: counted back from the event, not from today.
def test_a_count_and_a_half_before_an_event() -> None:
    assert [v for _, v in found("تجري الانتخابات التمهيدية قبل شهرين ونصف من الاقتراع")] == []


# قبل ما يقارب من 30 عامًا: ما يقارب is "about", as ما يقرب was: the year that far back,
# not a length of thirty years.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اشترى الأرض قبل ما يقارب من 20 عامًا", [("قبل ما يقارب من 20 عامًا", "1995")]),
        ("بدأت هوايتها منذ ما يقارب أربع سنوات", [("منذ ما يقارب أربع سنوات", "2011")]),
        ("توفي الحرفي قبل ما يقارب شهرين", [("قبل ما يقارب شهرين", "2015-06")]),
    ],
)
def test_about_so_long_ago(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# أصبح هذا الأمر اليوم أسهل من السابق: اليوم before a comparative against before is
# nowadays (as أكثر من قبل was), not the day.
@pytest.mark.parametrize(
    "text",
    [
        "صار التعلم اليوم أسهل من السابق بفضل الشبكة",
        "إن المدارس اليوم أفضل من قبل",
    ],
)
def test_today_against_before_with_a_comparative(text: str) -> None:
    assert [v for _, v in found(text)] == ["PRESENT_REF"]
