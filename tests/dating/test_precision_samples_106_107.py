"""Classes samples 106 and 107 left, fixed in the round after them.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SAT = datetime(2015, 8, 8, 14, 0)


def found(text: str, anchor: datetime = SAT) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# منشأ فرادة هذه اللحظة, كان ينتظر هذه اللحظة بشغف, ليس وليد هذه اللحظة: after a noun
# or a verb, the moment is one the text tells of, not the present (it was PRESENT_REF).
@pytest.mark.parametrize(
    "text",
    [
        "وهذا ما يفسر جمال هذه اللحظة عند الناس",
        "كان الجمهور ينتظر هذه اللحظة بفارغ الصبر",
        "هذا الخلاف ليس وليد هذه اللحظة بل قديم",
    ],
)
def test_the_moment_after_a_noun_or_a_verb_is_no_time(text: str) -> None:
    assert found(text) == []


# After a preposition, a conjunction or a pause, or after a verb of seizing it, it is now.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("لم يصدر أي قرار حتى هذه اللحظة", [("حتى هذه اللحظة", "PRESENT_REF")]),
        ("وقال المدرب: وفي هذه اللحظة لا يوجد عرض رسمي", [("هذه اللحظة", "PRESENT_REF")]),
        ("أود أن أنتهز هذه اللحظة لأشكر الجميع", [("هذه اللحظة", "PRESENT_REF")]),
    ],
)
def test_the_moment_after_a_preposition_stays_now(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


# إنني دائما أتردد على هذه العين في كل الأوقات وفي شهر رمضان يحلو المكان: an adverb of
# habit (دائما, عادة, غالبا, كل عام) governs its clause beyond the 30 characters a verb
# of habit reaches; the Ramadan (or the feast) after it is every year's, no date (sample
# 107 read it as Ramadan 1436).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قال إنني دائما أذهب إلى الحديقة القريبة من بيتي في الصباح وفي شهر رمضان يحلو السهر",
            [],
        ),
        (
            "تقول الأسرة كل عام نسافر إلى القرية ونبقى هناك حتى بداية شهر رمضان",
            [("كل عام", "P1Y")],
        ),
        (
            "ترتفع الأسعار دائما في الأسواق الشعبية والمحلات الكبيرة في المدن خلال أيام عيد الفطر",
            [],
        ),
    ],
)
def test_ramadan_far_after_an_adverb_of_habit_is_no_date(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


# With no habit, the month is the nearest Ramadan, as before.
def test_ramadan_with_no_habit_stays_dated() -> None:
    text = "زرت الحديقة القريبة من بيتي مع أسرتي وأصدقائي الكثيرين في شهر رمضان"
    assert found(text) == [("شهر رمضان", "2015-06-18/2015-07-16")]


# Parts of a Hijri year the last round left: a count after خلال with neither ال nor an
# ordinal (the months gone by since the year began, when so many have), the quarter
# gone by (الربع الماضي من العام الهجري), and a bare quarter of العام after a part of a
# Hijri year in the same text (that Hijri year's, not the Gregorian quarter).  8 August
# 2015 is 23 Shawwal 1436; Muharram-Ramadan 1436 is 25 October 2014-16 July 2015.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أقامت الإدارة خلال تسعة أشهر من العام 1436هـ عشرين دورة",
            [("تسعة أشهر من العام 1436هـ", "2014-10-25/2015-07-16")],
        ),
        (
            "تجاوزت الصفقات خلال الربع الماضي من العام الهجري ألف صفقة",
            [("الربع الماضي من العام الهجري", "2015-04-20/2015-07-16")],
        ),
        (
            "نشرت الجمعية تقريرها عن الربع الثالث من العام الهجري الجاري. وبلغ عدد الوجبات"
            " خلال الربع الثالث من العام ألف وجبة",
            [
                ("الربع الثالث من العام الهجري الجاري", "2015-04-20/2015-07-16"),
                ("الربع الثالث من العام", "2015-04-20/2015-07-16"),
            ],
        ),
    ],
)
def test_parts_of_a_hijri_year(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# A count of months not yet gone by, and a quarter with no Hijri year in its text, stay.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تتوقع الإدارة أن تقيم خلال تسعة أشهر من العام 1437هـ عشرين دورة",
            [("تسعة أشهر", "P9M"), ("العام 1437هـ", "2015-10-14/2016-09-30")],
        ),
        (
            "وبلغ عدد الوجبات خلال الربع الثالث من العام ألف وجبة",
            [("الربع الثالث من العام", "2015-Q3")],
        ),
    ],
)
def test_other_parts_stay(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
