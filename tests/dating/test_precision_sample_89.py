"""The classes of precision sample 89 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SUN = datetime(2015, 8, 9, 17, 0)


def found(text: str, anchor: datetime = SUN) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# طرح الجهاز للبيع في الثالث من إبريل لعام 2010: the date of that year, its year's noun
# with ل as with none (عام 2010) or ال; not 3 April of the stamp's year and 2010 apart.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "افتتح المتحف في الثالث من إبريل لعام 2010 وسط حضور",
            ("الثالث من إبريل لعام 2010", "2010-04-03"),
        ),
        ("ولد الشاعر في 7 يونيو لعام 1950 في القرية", ("7 يونيو لعام 1950", "1950-06-07")),
        ("وقعت الاتفاقية في ديسمبر للعام 2008 بين البلدين", ("ديسمبر للعام 2008", "2008-12")),
        (
            "صدر العدد الأول في شهر رجب لعام 1366هـ من المجلة",
            ("شهر رجب لعام 1366هـ", "1947-05-21/1947-06-19"),
        ),
    ],
)
def test_a_date_before_its_year_with_li(text: str, expected: tuple[str, str]) -> None:
    assert found(text) == [expected]


# أعدم 694 شخصا بين شهري يناير ويوليو in a text of 3 August: January to July 2015, the
# pair placed as one stretch (its first month was the coming January, its second not
# found at all); a year closing the pair is the first month's too.
MON = datetime(2015, 8, 3, 19, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "سجلت المحاكم 90 قضية بين شهري يناير ويوليو في المدينة",
            [("يناير", "2015-01"), ("ويوليو", "2015-07")],
        ),
        ("وبين مارس ويونيو ارتفعت المبيعات", [("مارس", "2015-03"), ("ويونيو", "2015-06")]),
        # a plan across the new year: the coming December and February
        (
            "تجرى الانتخابات بين ديسمبر وفبراير. وقال الرئيس",
            [("ديسمبر", "2015-12"), ("وفبراير", "2016-02")],
        ),
        (
            "زاد الإنتاج بين سبتمبر وديسمبر 2014، ثم تراجع",
            [("سبتمبر", "2014-09"), ("وديسمبر 2014", "2014-12")],
        ),
    ],
)
def test_two_bare_months_after_between_are_one_stretch(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text, MON) == expected


def test_a_dual_after_the_pair_still_places_it() -> None:
    # بين سبتمبر ويناير الماضيين: the dual says the past, as before.
    assert ("سبتمبر", "2014-09") in found("نزح السكان بين سبتمبر ويناير الماضيين", MON)
