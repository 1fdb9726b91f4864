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


# ثم ألقى رئيس المهرجان عبد رب الرسول الخميس كلمة: a family name after the given name عبد رب
# الرسول (عبد رب and the word after it are one name), not Thursday.
@pytest.mark.parametrize(
    "text",
    [
        "ثم ألقى رئيس اللجنة عبدرب الرسول الخميس كلمة رحب فيها بالضيوف",
        "وقال مدير الحفل عبد رب النبي الجمعة إن الإقبال فاق التوقعات",
    ],
)
def test_a_weekday_after_a_name_of_abd_rabb_is_a_family_name(text: str) -> None:
    assert found(text) == []


def test_a_weekday_after_a_name_and_a_noun_stays_a_day() -> None:
    assert ("الخميس", "2015-08-06") in found("واستقبل عبدالله الضيوف الخميس في منزله")
