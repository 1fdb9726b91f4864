"""Two bare years joined by و or أو are years (a miss of the TimeML test set).

A four-digit number with no cue word is never taken alone (it counts things as often
as it names a year), but two of them a few years apart, joined by و or أو, are years:
محصول 2014 أو 2015, للعامين 2013 و2014.  A corpus read found 125 such years in 47
articles, all years.  Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

TUE = datetime(2015, 7, 21, 10, 0)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, TUE)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أن يكون القمح من محصول 2014 أو 2015 فقط", [("2014", "2014"), ("2015", "2015")]),
        ("أعلنت قوائمها المعدلة للعامين 2012 و2013", [("2012", "2012"), ("2013", "2013")]),
        (
            "توج بطلا في نسخ 2006 و2010 و2014",
            [("2006", "2006"), ("2010", "2010"), ("2014", "2014")],
        ),
    ],
)
def test_two_bare_years_joined_are_years(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "حضر 2014 و2015 زائرا",  # a quantity after the second
        "بلغ العدد 1500 و1600 في المرحلتين",  # not years of these centuries
        "سجل 2000 و2030 نقطة",  # too far apart for a pair of years
        "وصل 2014 أمس",  # one number alone
    ],
)
def test_counts_stay_counts(text: str) -> None:
    assert [v for _, v in found(text) if v[:2] in ("19", "20") and len(v) == 4] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A year glued to و, with its era or after a bracketed one (issue 12's seventh
        # class: فيلم (1962) و1990م); the conjunction is outside the span.
        ("عرض الفيلم (1962) و1990م", [("1962", "1962"), ("1990م", "1990")]),
        # A bare pair glued to و (1991 is too far from 2002 to be taken bare).
        ("أحرز اللقب أعوام: 1991 و2002 و2005", [("2002", "2002"), ("2005", "2005")]),
        # A named noun's word is never the year before a glued one: both years are found.
        ("كان الهداف في موسم 2012 و2013", [("2012", "2012"), ("2013", "2013")]),
    ],
)
def test_a_year_glued_to_and(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
