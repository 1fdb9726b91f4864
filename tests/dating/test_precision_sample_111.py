"""A class of precision sample 111, fixed after it was judged.

Every sentence here is made up, none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SAT = datetime(2015, 8, 1, 9, 0)


def found(text: str, anchor: datetime = SAT) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# لإعادة توطين الاثنين: شمبانزي ... (sample 111) is "the two", read as Monday.  Its own
# form (a verbal noun, then a colon) is one in the corpus and left; after مع, "with the
# two" (لم تكن لها مشكلة مع الاثنين, نحن مع الاثنين), the pause after it made it Monday.
@pytest.mark.parametrize(
    "text",
    [
        "لم تكن للحكومة مشكلة مع الاثنين، بل مع الطرف الثالث",
        "قال المدرب: نحن مع الاثنين، ومن يفوز سنقف معه",
    ],
)
def test_al_ithnayn_after_ma_is_the_two(text: str) -> None:
    assert found(text) == []


# A weekday after مع keeps its modifier, or يوم, as before.
def test_a_weekday_after_ma_with_its_modifier_stays_a_day() -> None:
    assert found("ويلتقي الرئيس مع الاثنين المقبل وفدا تجاريا") == [
        ("الاثنين المقبل", "2015-08-03")
    ]
