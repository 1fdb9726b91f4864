"""A text stamped days after it was written, told by the weekday it names for tomorrow.

غداً الجمعة in a text stamped on a Tuesday cannot be the Friday after (the writer's today
would be Thursday, two days after the stamp, and a crawl is late, never early): the text
was written on the Thursday before, and every relative day in it counts from there
(precision sample 71's stale Eid announcements).  A tomorrow one day past the stamp is
the next day's print issue posted the evening before, as it was read until now.  And
فجر غد is tomorrow's dawn: the clitic stripped from before غد no longer takes فجر's ف.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions


def found(text: str, stamp: datetime) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, stamp)]


def test_a_tomorrow_named_days_before_the_stamp_sets_the_writers_today() -> None:
    text = "أعلنت الهيئة مساء اليوم أن غدا الجمعة هو أول أيام العيد"
    stamp = datetime(2015, 7, 21, 10, 0)  # a Tuesday
    assert found(text, stamp) == [
        ("مساء اليوم", "2015-07-16TEV"),
        ("غدا الجمعة", "2015-07-17"),
        ("أول أيام العيد", "2015-07-17"),
    ]


def test_a_tomorrow_one_day_past_the_stamp_is_the_next_days_issue() -> None:
    text = "ويخوض المنتخب أولى مواجهاته غدا الخميس أمام قطر"
    stamp = datetime(2015, 8, 4, 18, 17)  # a Tuesday evening
    assert found(text, stamp) == [("غدا الخميس", "2015-08-06")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("يصل الفريق إلى جدة فجر غدٍ السبت قادما من معسكره", [("فجر غدٍ السبت", "2015-08-08TMO")]),
        ("تصل البعثة إلى المطار فجر غد (السبت)", [("فجر غد", "2015-08-08TMO")]),
    ],
)
def test_dawn_tomorrow_is_tomorrows_dawn(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, datetime(2015, 8, 7, 10, 0))[: len(expected)] == expected
