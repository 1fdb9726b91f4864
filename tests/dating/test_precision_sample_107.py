"""The classes of precision sample 107 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SAT = datetime(2015, 8, 8, 14, 0)


def found(text: str, anchor: datetime = SAT) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# ستعقد جولة جديدة من المحادثات، يوم الاثنين في جنيف: يوم and its weekday after the comma
# that ends a clause about the future are that clause's, the coming Monday; it was read
# as the Monday before (the comma hid the clause, and no comma closed the aside).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قالت اللجنة إنها ستعقد اجتماعا موسعا مع الأطراف، يوم الاثنين في العاصمة",
            [("يوم الاثنين", "2015-08-10")],
        ),
        (
            "سيلتقي الفريقان في المباراة الفاصلة ، يوم الأربعاء على ملعب المدينة",
            [("يوم الأربعاء", "2015-08-12")],
        ),
    ],
)
def test_a_day_after_the_comma_of_a_future_clause(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


# With its own modifier, or in a clause of the past, it stays as it was.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "سيزور الوزير القاهرة، يوم الاثنين الماضي أعلن ذلك",
            [("يوم الاثنين الماضي", "2015-08-03")],
        ),
        ("عقدت اللجنة اجتماعا موسعا، يوم الاثنين في العاصمة", [("يوم الاثنين", "2015-08-03")]),
    ],
)
def test_a_day_after_a_comma_otherwise_stays(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
