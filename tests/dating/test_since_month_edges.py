"""منذ before a month with an edge word (its beginning, middle, end): a month gone by.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

WED = datetime(2016, 2, 10, 9, 30)  # a Wednesday in February: April is months away


@pytest.mark.parametrize(
    "edge", ["بداية", "مطلع", "مستهل", "أوائل", "أواسط", "منتصف", "أواخر", "نهاية", "ختام"]
)
def test_since_an_edge_of_a_month_is_the_last_one(edge: str) -> None:
    # منذ أوائل أبريل read in February 2016 was April 2016, in the future, where
    # منذ بداية أبريل was April 2015: since is behind the writer.
    text = f"قال الوزير إن العمل مستمر منذ {edge} أبريل دون توقف."
    found = [(m.text, m.value) for m in extract_mentions(text, WED)]
    assert found == [(f"{edge} أبريل", "2015-04")]


def test_an_edge_of_a_month_without_since_is_still_the_nearest() -> None:
    text = "قال الوزير إن العمل سيبدأ في أوائل أبريل."
    assert [(m.text, m.value) for m in extract_mentions(text, WED)] == [("أوائل أبريل", "2016-04")]


@pytest.mark.parametrize("edge", ["مستهل", "ختام"])
def test_the_opening_and_the_close_of_a_month_are_dates(edge: str) -> None:
    # في مستهل أبريل and في ختام أبريل found nothing: the month's cue words lacked them.
    text = f"قال الوزير إن العمل يبدأ في {edge} أبريل."
    assert [(m.text, m.value) for m in extract_mentions(text, WED)] == [
        (f"{edge} أبريل", "2016-04")
    ]
