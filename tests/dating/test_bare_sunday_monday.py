"""A bare الأحد / الاثنين after a verb of happening and its subject is the weekday.

Alone they may be "the one" and "the two", so they are taken only in context; a verb
of happening just before was one, and now the verb may have its subject between it and
the day, and its future's س (issue 12's fourth class).  Made-up sentences; the corpus
read found six more, all right.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

TUE = datetime(2015, 7, 21, 12, 0)  # a Tuesday


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, TUE)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("التقى الوزير الأحد نظيره الفرنسي", [("الأحد", "2015-07-19")]),
        ("ووقع الهجوم الاثنين في منطقة ساحلية", [("الاثنين", "2015-07-20")]),
        ("سيزور الرئيس الاثنين باريس", [("الاثنين", "2015-07-27")]),
    ],
)
def test_after_a_verb_and_its_subject_it_is_the_day(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "التقى الطرفان الاثنين",  # the two parties, both
        "التقى اللاعبين الاثنين في الملعب",
        "زار الواحد الأحد",
    ],
)
def test_the_one_and_the_two_stay_words(text: str) -> None:
    assert found(text) == []
