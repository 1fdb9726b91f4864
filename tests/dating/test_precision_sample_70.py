"""The classes of precision sample 70 fixed after it.

- اليوم (أمس): a quote's today glossed by the paper as yesterday is yesterday (and a
  part of that day, فجر اليوم (أمس), is yesterday's).
- صحف اليوم والرياض: the newspaper Al-Yaum in a list of papers, no day.
- بعنوان مصر اليوم: a title after بعنوان, no day; عنوان مقالي اليوم still is the day.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

MON = datetime(2015, 7, 27, 17, 0)  # a Monday afternoon


def todays(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, MON) if "اليوم" in m.text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال المحافظ إن «المدينة تخوض معارك عنيفة اليوم (أمس)»", [("اليوم", "2015-07-26")]),
        ("وقال إن «القوة تمكنت فجر اليوم (أمس) من دخول البلدة»", [("فجر اليوم", "2015-07-26TMO")]),
        ("«سأتصل بالرئيس في وقت لاحق اليوم (أمس)»", [("اليوم", "2015-07-26")]),
    ],
)
def test_today_glossed_as_yesterday_is_yesterday(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert todays(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ورعت الحفل صحف اليوم والرياض والمدينة",
        "نقلا عن بحث بعنوان مصر اليوم: الحركة والتقاليد",
        "وأطلقت مسابقة بعنوان «قارئ اليوم قائد الغد» للطلاب",
    ],
)
def test_a_paper_or_a_title_is_no_day(text: str) -> None:
    assert todays(text) == []


def test_the_title_of_todays_column_is_still_the_day() -> None:
    assert todays("اقتبست عنوان مقالي اليوم من كلمة الأمير") == [("اليوم", "2015-07-27")]
