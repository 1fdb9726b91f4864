"""The classes of precision sample 82 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SUN = datetime(2015, 8, 2, 18, 0)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, SUN)]


# ومن القاهرة، سينتقل الوزير، الإثنين، إلى الرياض: a weekday set off by commas after the
# verb and subject of a clause about the future is the coming one, not the last (the
# commas hid the clause); after a verb of the past it stays the last.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ومن القاهرة، سينتقل الوزير، الإثنين، إلى الرياض", ("الإثنين", "2015-08-03")),
        ("وتختتم البطولة، الخميس، بلقاء الفريقين الأولين", ("الخميس", "2015-08-06")),
        ("ويغادر الوفد مساء غد، الاثنين، إلى جدة", ("الاثنين", "2015-08-03")),
    ],
)
def test_a_weekday_between_commas_in_a_clause_of_the_future_is_the_coming_one(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وزار الوزير، الخميس، المعرض", ("الخميس", "2015-07-30")),
        # the comma after the weekday only: no aside, the past clause's last Thursday.
        ("سيزور الوزير المعرض. وزاره الخميس، وقال", ("الخميس", "2015-07-30")),
    ],
)
def test_a_weekday_between_commas_elsewhere_stays_the_last(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


# السبت .. الحلقة الخامسة closing a part of a series: the weekday the next part comes
# out, ahead, not the one before.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وتنتج المحطة الكهرباء من الشمس. الثلاثاء .. الحلقة الثالثة", ("الثلاثاء", "2015-08-04")),
        ("ويعود الكاتب إلى الموضوع لاحقا.\nالأحد.. الحلقة الثانية", ("الأحد", "2015-08-09")),
    ],
)
def test_a_weekday_announcing_the_next_part_of_a_series_is_ahead(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


def test_a_weekday_after_a_part_shown_stays_the_last() -> None:
    assert ("الخميس", "2015-07-30") in found("وعرضت القناة الحلقة الأولى الخميس .. وفي الثانية")


# صدرت القرارات خلال الفترة من 3 / 1436 هـ إلى 8 / 1436 هـ: a month written as its number
# before its year and era, not the whole year the year alone was read as.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ووافق المجلس على اللوائح خلال الفترة من 3 / 1436 هـ إلى 8 / 1436 هـ",
            [("3 / 1436 هـ", "2014-12-23/2015-01-20"), ("8 / 1436 هـ", "2015-05-19/2015-06-17")],
        ),
        ("وصدر التقرير في 5/2015م عن الهيئة", [("5/2015م", "2015-05")]),
    ],
)
def test_a_month_and_its_year_across_a_slash_is_that_month(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a whole date: its day, not a month of it.
        ("وصدر الأمر بتاريخ 20 / 3 / 1436هـ", [("20 / 3 / 1436هـ", "2015-01-11")]),
        # two years of a season: no month.
        ("وتنطلق المسابقة في الموسم الرياضي 36/1437هـ", []),
    ],
)
def test_a_whole_date_or_two_years_across_a_slash_is_no_month(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected
