"""The classes of precision sample 78 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

MON = datetime(2015, 8, 10, 18, 0)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, MON)]


# يبدأون في الوصول عادة من نهاية شهر مايو وحتى شهر سبتمبر: a month with no year after
# عادة, سنوياً or كل عام in its clause is every year's (a SET, as يونيو من كل عام is); it
# was read as the nearest such month.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ويصل الزوار عادة من نهاية شهر مايو وحتى شهر سبتمبر",
            [("مايو", "XXXX-05"), ("سبتمبر", "XXXX-09")],
        ),
        ("وتهطل الأمطار عادة في البلاد بين يونيو وسبتمبر", [("يونيو", "XXXX-06")]),
        ("ويقام المهرجان سنوياً في 25 يوليو", [("25 يوليو", "XXXX-07-25")]),
        ("وفي كل عام تحتفل القرية في 12 أغسطس بموسمها", [("12 أغسطس", "XXXX-08-12")]),
    ],
)
def test_a_month_after_a_yearly_habit_is_every_years(
    text: str, expected: list[tuple[str, str]]
) -> None:
    got = found(text)
    for mention in expected:
        assert mention in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the habit's clause closed by a comma or turned by لكن: this year's month.
        (
            "ويزور المدينة مليون سائح سنويا لكن حتى شهر يوليو لم يتجاوز العدد النصف",
            ("شهر يوليو", "2015-07"),
        ),
        ("وتعقد الشركة جمعيتها سنويا، وفي مايو أعلنت نتائجها", ("مايو", "2015-05")),
        # a year written in the clause: that year's month, no habit.
        (
            "ويقام المعرض سنويا وتبدأ دورة عام 2016 في 6 يناير",
            ("6 يناير", "2016-01-06"),
        ),
        # a modifier names the month.
        ("ويعقد عادة في يونيو الماضي", ("يونيو الماضي", "2015-06")),
    ],
)
def test_a_month_of_a_clause_apart_from_the_habit_keeps_its_year(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


# كانت أفلام الكارتون تلك جيدة عكس أفلام اليوم: اليوم of a noun set against the past
# after عكس, بخلاف, خلافاً لـ or مقارنة بـ is nowadays; it was read as the stamp's day.
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("كانت الأغاني القديمة أطول عكس أغاني اليوم", "اليوم"),
        ("كان الحفل يقام بفرقة حية على عكس حفلات اليوم، وكان الجمهور أقل", "اليوم"),
        ("كانت أعداد الزوار قليلة مقارنة بأعداد الزوار اليوم", "اليوم"),
        ("كان الطريق ترابيا خلافاً لطرق اليوم المعبدة", "اليوم"),
    ],
)
def test_today_of_a_noun_set_against_the_past_is_nowadays(text: str, word: str) -> None:
    assert (word, "PRESENT_REF") in found(text)


def test_today_after_a_contrast_with_its_weekday_stays_the_day() -> None:
    assert ("اليوم الاثنين", "2015-08-10") in found("وارتفع المؤشر مقارنة بإغلاق اليوم الاثنين")
