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


def found(text: str, stamp: datetime = TUE) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, stamp)]


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


FRI = datetime(2015, 7, 24, 12, 0)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A place after its preposition, then the day (a train-set miss).
        ("اعتقل المتهم عقب عودته إلى ألمانيا الاثنين بناء على أمر", [("الاثنين", "2015-07-20")]),
        ("وطالبت الوزارة في بيان الأحد بوقف الهجمات", [("الأحد", "2015-07-19")]),
        # An arrival or a visit told in the present tense is ahead.
        ("يصل إلى الخرطوم الأحد وفد من الوزارة", [("الأحد", "2015-07-26")]),
        ("ويزور الوزير موسكو الثلاثاء لبحث العلاقات", [("الثلاثاء", "2015-07-28")]),
    ],
)
def test_a_place_before_the_day_and_a_visit_ahead(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text, FRI) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ظلت تدرس في مدرسة الأحد في الكنيسة", []),  # Sunday school
        ("ويباع القمح في سوق الاثنين بالقرية", []),  # the Monday market
        ("لافتا إلى أن الاثنين معروفان بأعمالهما", []),  # the two
        # فيصل is a name, not ف and يصل; قبل أن يصل tells a past.
        ("وصل الأمير فيصل إلى المدينة الثلاثاء", [("الثلاثاء", "2015-07-21")]),
        ("كان في الدوحة قبل أن يصل إلى باريس الأربعاء", [("الأربعاء", "2015-07-22")]),
    ],
)
def test_names_the_two_and_a_past_stay_as_they_were(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text, FRI) == expected
