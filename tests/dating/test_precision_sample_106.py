"""The classes of precision sample 106 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

TUE = datetime(2015, 8, 4, 12, 0)


def found(text: str, anchor: datetime = TUE) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# أمس (الأول): the editor's الأول in brackets makes أمس the day before yesterday, as
# أمس الأول is; it was read as yesterday, the bracket left out.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اندلع حريق في المستودع أمس (الأول) وأخمد بعد ساعات", [("أمس (الأول)", "2015-08-02")]),
        ("أغلقت الطرق أمس ( الأول ) بسبب الأمطار", [("أمس ( الأول )", "2015-08-02")]),
    ],
)
def test_yesterday_with_first_in_brackets(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# أمس in brackets alone, or with its weekday, stays as it was.
def test_yesterday_in_brackets_alone_stays() -> None:
    assert found("قصفت الطائرات ( أمس ) مواقع عدة") == [("أمس", "2015-08-03")]
