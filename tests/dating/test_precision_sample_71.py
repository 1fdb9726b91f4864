"""The classes of precision sample 71 fixed after it.

- من الساعة الخامسة وحتى التاسعة مساء: the period at a range's end holds for its start
  (17:00), for an hour in words as for one in digits, after وحتى as after حتى; not when
  the start is a later hour than the end (العاشرة حتى الخامسة مساء: ten in the morning).
- واليوم نجده يطمئنهم: "we find him", a pronoun on the verb of a columnist's we, is
  nowadays as نجد alone was.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SAT = datetime(2015, 8, 1, 12, 0)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, SAT)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تهب الرياح من الساعة الخامسة وحتى التاسعة مساء",
            [("الساعة الخامسة", "2015-08-01T17:00"), ("التاسعة مساء", "2015-08-01T21:00")],
        ),
        (
            "تقام المحاضرة من الساعة 5:30 حتى السابعة مساءً",
            [("الساعة 5:30", "2015-08-01T17:30"), ("السابعة مساءً", "2015-08-01T19:00")],
        ),
        (
            "يعمل المكتب اليوم من الساعة العاشرة حتى الخامسة مساء",
            [
                ("اليوم", "2015-08-01"),
                ("الساعة العاشرة", "2015-08-01T10:00"),
                ("الخامسة مساء", "2015-08-01T17:00"),
            ],
        ),
    ],
)
def test_the_period_at_a_ranges_end_holds_for_its_start(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


def test_we_find_him_today_is_nowadays() -> None:
    text = "كان قد أعلن أنه انتصر، واليوم نجده يطمئن أنصاره"
    assert found(text) == [("واليوم", "PRESENT_REF")]
