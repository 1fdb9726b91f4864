"""The classes of precision sample 91 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

WED = datetime(2015, 7, 22, 10, 0)


def found(text: str, anchor: datetime = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# في شهر رمضان المبارك يقبل الناس على قراءة القرآن: a verb of the present right after
# the month, people at large its subject, is what every Ramadan brings, no one year's.
@pytest.mark.parametrize(
    "text",
    [
        "في شهر رمضان المبارك يقبل الناس على زيارة المساجد",
        "وفي شهر رمضان يحرص المسلمون على الإفطار بالتمر",
        "خلال شهر رمضان الكريم، تزداد الأسر إقبالا على الأسواق",
    ],
)
def test_a_habit_of_every_ramadan(text: str) -> None:
    assert found(text) == []


# Not a Ramadan told by its modifier, nor one with a verb of one time.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وفي شهر رمضان الماضي يقبل الناس على الأسواق",
            ("شهر رمضان الماضي", "2015-06-18/2015-07-16"),
        ),
        ("خلال شهر رمضان تراجعت المبيعات", ("شهر رمضان", "2015-06-18/2015-07-16")),
    ],
)
def test_one_ramadan(text: str, expected: tuple[str, str]) -> None:
    assert found(text) == [expected]
