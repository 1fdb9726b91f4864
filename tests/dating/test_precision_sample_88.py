"""The classes of precision sample 88 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

THU = datetime(2015, 8, 6, 17, 0)


def found(text: str, anchor: datetime = THU) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# سكنوا قريبا منا, يكون قريباً منهم: near us, near them (a pronoun on من), a place and
# no time, as قريبا من المدينة already was; not FUTURE_REF.
@pytest.mark.parametrize(
    "text",
    [
        "عاش الجيران قريبا منا في الحي نفسه",
        "يحرص المدرب على أن يكون قريباً منهم في التدريبات",
        "وقفت السيارة قريبًا منه عند الإشارة",
        "ظل الفريق قريبا منها طوال الموسم",
    ],
)
def test_near_with_a_pronoun_is_a_place(text: str) -> None:
    assert all(value != "FUTURE_REF" for _, value in found(text))


def test_soon_before_a_word_starting_with_min_stays_the_future() -> None:
    # قريبا منتصرا: soon, the word after it only begins as من does.
    assert ("قريبا", "FUTURE_REF") in found("سيعود اللاعب قريبا منتصرا")


# عن عمر يناهز الخامسة والخمسين عاماً: aged 55, the units' ordinal before the definite
# ten, also glued to the word before it; not P50Y with the units left out.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("توفي الشاعر عن عمر يناهز الخامسة والخمسين عاماً", ("الخامسة والخمسين عاماً", "P55Y")),
        ("توفي الشاعر عن عمر يناهزالخامسة والخمسين عاماً", ("الخامسة والخمسين عاماً", "P55Y")),
        ("حين بلغ الحادية والأربعين عامًا سافر", ("الحادية والأربعين عامًا", "P41Y")),
        ("مبنى تجاوز عمره السابعة والعشرين سنة", ("السابعة والعشرين سنة", "P27Y")),
    ],
)
def test_an_ordinal_age_counts_its_units(text: str, expected: tuple[str, str]) -> None:
    assert found(text) == [expected]


def test_an_ordinal_before_minutes_stays_out_of_the_length() -> None:
    # الخامسة والعشرين دقيقة: minutes only; the years' rule leaves it as it was.
    assert ("والعشرين دقيقة", "PT20M") in found("انتهى الشوط بعد الخامسة والعشرين دقيقة")


# خلال العشر سنوات السابقة (2004 - 2014), في الأعوام (1948، 1956): a plural of years
# before a bracket names the years in it; the span is the years (or their range), not
# the plural cut at the first year.
def test_a_plural_of_years_before_a_bracketed_range() -> None:
    mentions = found("بلغت الإيرادات مليارا خلال العشر سنوات السابقة (2004 - 2014) بمتوسط")
    assert ("2004 - 2014", "2004/2014") in mentions
    assert all(value != "2004" for _, value in mentions)


def test_a_plural_of_years_before_a_bracketed_list() -> None:
    assert ("1948", "1948") in found("شارك الجيش في الأعوام (1948، 1956، 1967) وعاد")


def test_a_singular_year_noun_before_a_bracket_keeps_its_span() -> None:
    assert ("العام (2015", "2015") in found("في العام (2015) افتتح المركز")


# بعد ظهر أمس, بعد ظهر اليوم الاثنين: "X afternoon", TimeML's TAF with بعد in the span,
# not ظهر X at midday (TMI) with بعد left out (noticed beside samples 84 and 85).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عقد المجلس جلسته بعد ظهر أمس في المقر", ("بعد ظهر أمس", "2015-08-05TAF")),
        ("وبعد ظهر اليوم افتتح الأمير المعرض", ("وبعد ظهر اليوم", "2015-08-06TAF")),
        ("اندلع الحريق بعد ظهر الثلاثاء الماضي", ("بعد ظهر الثلاثاء الماضي", "2015-08-04TAF")),
    ],
)
def test_after_noon_of_a_day_is_its_afternoon(text: str, expected: tuple[str, str]) -> None:
    assert found(text) == [expected]


def test_noon_of_a_day_stays_midday() -> None:
    assert found("وصل الوفد ظهر أمس إلى المدينة") == [("ظهر أمس", "2015-08-05TMI")]


def test_a_clock_time_after_noon_of_a_day_keeps_its_hour() -> None:
    # الساعة 2:47 من بعد ظهر أمس: 14:47 as before, the day joined across من.
    assert found("وقع الحادث الساعة 2:47 من بعد ظهر أمس") == [
        ("الساعة 2:47 من بعد ظهر أمس", "2015-08-05T14:47")
    ]
