"""The classes of precision sample 81 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

TUE = datetime(2015, 8, 11, 14, 0)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, TUE)]


# نظمت المكتبة رحلات منذ بدء موسم الصيف: since the season began, the one in course (or
# the last one begun), not the season of any year (XXXX-SU) it was read as.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ونظمت المكتبة رحلات منذ بدء موسم الصيف لطلاب المدارس", ("موسم الصيف", "2015-SU")),
        ("وتنقل الحافلة مئات الركاب يوميا منذ بداية فصل الصيف", ("فصل الصيف", "2015-SU")),
        # a season not in course: the last one begun, last winter.
        ("وتراجعت مبيعات المعاطف منذ بداية فصل الشتاء", ("فصل الشتاء", "2014-WI")),
    ],
)
def test_a_season_since_it_began_is_the_last_one_begun(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وتكثر الإصابة بالمرض في فصل الصيف", ("فصل الصيف", "XXXX-SU")),
        # with the season's start, but no منذ: a habit of every year may be meant.
        ("وترتفع الأسعار مع بداية موسم الصيف", ("موسم الصيف", "XXXX-SU")),
    ],
)
def test_a_season_named_by_its_noun_alone_stays_any_years(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)
