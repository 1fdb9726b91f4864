"""The classes of precision sample 93 fixed after it.

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


# بلغ الإنتاج في العام الماضي 1107.6 مليون متر مكعب: a quantity after العام الماضي /
# الحالي is no year of it.  The year such a word names is the anchor's or near it; a
# number far from that, or the whole part of a decimal, counts something, and the
# phrase is the year it names alone.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بلغ إنتاج المصانع في العام الماضي 1250.4 مليون طن", [("العام الماضي", "2014")]),
        ("كان المسافر يصرف العام الماضي 1000 يورو في رحلته", [("العام الماضي", "2014")]),
        ("يتوقع أن يبلغ متوسط السعر خلال العام الحالي 1150 دولارا", [("العام الحالي", "2015")]),
        ("بلغ حجم الإنتاج في العام 1200.5 ألف طن", []),
    ],
)
def test_a_quantity_after_a_year_of_now(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# The year written after such a word stays its year, the text's own "last year" too,
# and so does a year after العام السابق, which is counted from the story's year.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في العام الماضي 2014 ارتفع الإنتاج", [("العام الماضي 2014", "2014")]),
        (
            "زادت الصادرات عما كانت عليه في العام الماضي 2013 بنسبة كبيرة",
            [("العام الماضي 2013", "2013")],
        ),
        ("يبدأ التطبيق في العام المقبل 2016", [("العام المقبل 2016", "2016")]),
        (
            "تأسس النادي عام 1990 وكان في العام السابق 1989 فريقا صغيرا",
            [("عام 1990", "1990"), ("العام السابق 1989", "1989")],
        ),
    ],
)
def test_the_year_of_a_year_of_now(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# فجر اليوم الجمعة (بالتوقيت المحلي): the space after a weekday named with اليوم is
# no part of its span, whatever follows it (a bracket, a comma, a quote).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قصفت الطائرات المواقع فجر اليوم الخميس (بالتوقيت المحلي) بثلاث غارات",
            [("فجر اليوم الخميس", "2015-08-06TMO")],
        ),
        ("ارتفعت أسعار النفط اليوم الخميس ، رغم المخاوف", [("اليوم الخميس", "2015-08-06")]),
        ("قال الوزير اليوم الخميس “إن العمل مستمر”", [("اليوم الخميس", "2015-08-06")]),
        ("افتتح المعرض اليوم (الخميس) في جدة", [("اليوم (الخميس)", "2015-08-06")]),
    ],
)
def test_no_space_after_the_weekday_of_today(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
