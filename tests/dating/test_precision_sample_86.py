"""The classes of precision sample 86 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

TUE = datetime(2015, 7, 21, 13, 0)


def found(text: str, anchor: datetime = TUE) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# على الحكومة أن تتحرك اليوم – وليس غدًا –, نريد حلا اليوم قبل الغد: now rather than later,
# an idiom: اليوم nowadays, its غد no day (not 22 July).
@pytest.mark.parametrize(
    "text",
    [
        "على الحكومة أن تتحرك اليوم – وليس غدًا – لإنقاذ الموسم",
        "نريد أن يبدأ البناء اليوم وليس غدًا في كل الأحياء",
        "ويأمل السكان أن ينتهي الخلاف اليوم قبل الغد، كما قال",
        "المطلوب تحرك اليوم، لا غدًا، قبل فوات الأوان",
    ],
)
def test_tomorrow_after_today_in_now_rather_than_later_is_no_day(text: str) -> None:
    assert found(text) == [("اليوم", "PRESENT_REF")]


def test_a_day_after_today_with_its_weekday_is_still_that_day() -> None:
    assert found("تبدأ الدورة اليوم وتنتهي غدًا الأربعاء") == [
        ("اليوم", "2015-07-21"),
        ("غدًا الأربعاء", "2015-07-22"),
    ]


# تغادر البعثة مساء اليوم ... عند الواحدة ليلاً: the small hours told with ليلاً after an
# evening named before are the next day's, as with صباحاً (01:00 on 22 July, not 21).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تغادر البعثة مساء اليوم الثلاثاء عبر مطار الرياض عند الواحدة ليلاً",
            ("الواحدة ليلاً", "2015-07-22T01:00"),
        ),
        (
            "ويقام الحفل مساء اليوم ويستمر حتى الساعة الثانية ليلا",
            ("الساعة الثانية ليلا", "2015-07-22T02:00"),
        ),
    ],
)
def test_the_small_hours_at_night_after_an_evening_are_the_next_day(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


def test_the_evening_hours_at_night_stay_that_evening() -> None:
    assert ("الساعة العاشرة ليلا", "2015-07-21T22:00") in found(
        "ويقام الحفل مساء اليوم ويستمر حتى الساعة العاشرة ليلا"
    )


# ولا شك أن المسلمين منتشرون اليوم في كل أنحاء العالم: what is found, spread or
# prevailing by now (the participles of يوجد, ينتشر) is nowadays, not 21 July.
@pytest.mark.parametrize(
    "text",
    [
        "ولا شك أن المهاجرين منتشرون اليوم في كل المدن",
        "وهذا الحماس غير موجود اليوم في الفريق",
        "الرأي السائد اليوم بين الشباب أن العمل الحر أفضل",
        "الأجهزة المتاحة اليوم أسرع من سابقاتها",
        "وهي الفكرة الموجودة اليوم في كل بيت",
    ],
)
def test_today_after_a_participle_of_being_found_or_spread_is_nowadays(text: str) -> None:
    assert ("اليوم", "PRESENT_REF") in found(text)


def test_today_after_qaim_stays_the_day() -> None:
    # الاحتفال القائم اليوم في الساحة: a celebration held today, a day's.
    assert ("اليوم", "2015-07-21") in found("ويستمر الاحتفال القائم اليوم في الساحة")


# على عادة روائيي اليوم: the men of letters of today, nowadays (as شباب اليوم), not 21 July;
# علماء اليوم is left out (قال علماء اليوم الأربعاء reports a day's study).
@pytest.mark.parametrize(
    "text",
    [
        "يكتب بلغة بسيطة كما يفعل كثير من روائيي اليوم في رواياتهم",
        "يرى أن دور المثقف اليوم أصعب من ذي قبل في كل مكان",
        "ويكتب كثير من نقاد اليوم عن الأفلام دون مشاهدتها في الصالات",
    ],
)
def test_today_after_men_of_letters_is_nowadays(text: str) -> None:
    assert ("اليوم", "PRESENT_REF") in found(text)


def test_scientists_today_with_the_weekday_stay_that_day() -> None:
    assert ("اليوم الثلاثاء", "2015-07-21") in found("قال علماء اليوم الثلاثاء إن الدواء آمن")
