"""The classes samples 104-105 and a fact-checker's pass left, fixed in a later round.

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


# ١٣ جون, جون 2014: جون is June (a Levantine and Gulf spelling) next to a day or a year;
# the month was not read, and the clock time after it fell on the stamp's day.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سلّم الطالب بحثه في ١٤ جون الساعة ٥ مساء", [("١٤ جون الساعة ٥ مساء", "2015-06-14T17:00")]),
        ("افتُتح الجسر في جون 2013", [("جون 2013", "2013-06")]),
    ],
)
def test_jun_is_june_beside_a_day_or_a_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# جون alone is a first name (جون كيري), after a yearly habit too: no month.
@pytest.mark.parametrize(
    "text",
    [
        "قال جون كيري إن المحادثات مستمرة",
        "تصدر الوزارة التقرير سنويا و قدمه الوزير جون سميث",
    ],
)
def test_jun_alone_is_a_name(text: str) -> None:
    assert [v for _, v in found(text) if "06" in v] == []


# A part of a Hijri year is those Hijri months, as the days they cover; it was read as a
# length (الست أشهر: P6M), the whole Hijri year or a Gregorian quarter. The stamp of 4
# August 2015 is in Shawwal 1436 (Muharram 1 = 25 October 2014).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "عالجت العيادة خلال الست أشهر الأولى من العام الهجري الحالي ألف مريض",
            [("الست أشهر الأولى من العام الهجري الحالي", "2014-10-25/2015-04-19")],
        ),
        (
            "نشرت الجمعية حصيلة الربع الثالث من العام الهجري الجاري",
            [("الربع الثالث من العام الهجري الجاري", "2015-04-20/2015-07-16")],
        ),
        (
            "ارتفعت المبيعات في الأشهر التسعة الأولى من عام 1435هـ",
            [("الأشهر التسعة الأولى من عام 1435هـ", "2013-11-04/2014-07-27")],
        ),
        (
            "تراجعت الحوادث خلال الأشهر الثلاثة الأخيرة من عام 1435هـ",
            [("الأشهر الثلاثة الأخيرة من عام 1435هـ", "2014-07-28/2014-10-24")],
        ),
        (
            "سجلت المحاكم خلال الشهور التسعة من العام الهجري الحالي زيادة",
            [("الشهور التسعة من العام الهجري الحالي", "2014-10-25/2015-07-16")],
        ),
    ],
)
def test_a_part_of_a_hijri_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# The Gregorian parts stay as they were read.
def test_a_part_of_a_gregorian_year_stays() -> None:
    assert found("نمت الصادرات في الأشهر الستة الأولى من العام الحالي") == [
        ("الأشهر الستة الأولى من العام الحالي", "2015-H1")
    ]


# هذه اللحظة with its adjective is a moment the text describes (an event of the story),
# not the present; it was read as PRESENT_REF.
@pytest.mark.parametrize(
    "text",
    [
        "أقيمت الاحتفالات قبل هذه اللحظة التاريخية بساعات",
        "كيف وصل الشاب إلى هذه اللحظة المأساوية؟",
        "وكانت هذه اللحظة الجميلة حلما للأسرة",
    ],
)
def test_a_moment_described_is_no_present(text: str) -> None:
    assert found(text) == []


# After في (في ظل), before التي or with الراهنة, and alone, it stays the present.
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("تمر الشركة في هذه اللحظة الصعبة بأزمة", "هذه اللحظة"),
        ("في هذه اللحظة التي يراها البعض حرجة يجب الحذر", "هذه اللحظة"),
        ("لا يوجد أي اتفاق رسمي حتى هذه اللحظة", "حتى هذه اللحظة"),
        ("الفريق بحاجة إلى مدافع في هذه اللحظة", "هذه اللحظة"),
    ],
)
def test_this_moment_stays_the_present(text: str, span: str) -> None:
    assert found(text) == [(span, "PRESENT_REF")]


# لتشغيل العيادات حتى الساعة الـ8 مساء: the hours a service is run or kept open until are
# every working day's (a SET), not the stamp's day at that hour.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وجهت الوزارة بتشغيل المراكز الصحية حتى الساعة الـ9 مساء",
            [("الساعة الـ9 مساء", "XXXX-XX-XXT21:00")],
        ),
        (
            "قررت البلدية تمديد الدوام حتى الساعة العاشرة مساء",
            [("الساعة العاشرة مساء", "XXXX-XX-XXT22:00")],
        ),
    ],
)
def test_hours_a_service_runs_until(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# With a day between, it is that day's.
def test_hours_a_service_runs_until_on_a_day() -> None:
    assert found("يستمر الدوام اليوم حتى الساعة 3 عصرا") == [
        ("اليوم", "2015-08-04"),
        ("الساعة 3 عصرا", "2015-08-04T15:00"),
    ]
