"""The classes of precision sample 79 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SUN = datetime(2015, 8, 9, 17, 0)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, SUN)]


# خلال شهر رمضان المبارك من العام الماضي: a Hijri month's epithet (المبارك, الكريم,
# الفضيل, المعظم) between it and its year's words; the year was read apart and the month
# as this year's Ramadan.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "بلغت المبيعات 40 مليارا خلال شهر رمضان المبارك من العام الماضي",
            ("شهر رمضان المبارك من العام الماضي", "2014-06-28/2014-07-27"),
        ),
        (
            "وزاد عدد الزوار في شهر رمضان الكريم للعام الماضي",
            ("شهر رمضان الكريم للعام الماضي", "2014-06-28/2014-07-27"),
        ),
        (
            "وارتفعت العمليات طيلة شهر رمضان المبارك للعام الحالي",
            ("شهر رمضان المبارك للعام الحالي", "2015-06-18/2015-07-16"),
        ),
        (
            "وأقيمت الدورة في شهر محرم الحرام من العام المقبل",
            ("شهر محرم الحرام من العام المقبل", "2015-10-14/2015-11-12"),
        ),
    ],
)
def test_a_hijri_month_with_its_epithet_takes_the_year_after_it(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


def test_a_hijri_month_with_its_epithet_and_no_year_stays_the_nearest() -> None:
    assert ("شهر رمضان", "2015-06-18/2015-07-16") in found("وتضاعفت الزيارات في شهر رمضان المبارك")


# شغل المنصب في سنوات 1990: سنوات before a round year (Maghrebi usage) is its decade,
# the 1990s; it was read as the year 1990.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وسبق له أن شغل المنصب في سنوات 1990 قبل أن يستقيل", ("سنوات 1990", "199X")),
        ("عرفت المدينة هجرة واسعة خلال سنوات 1980.", ("سنوات 1980", "198X")),
    ],
)
def test_years_before_a_round_year_are_its_decade(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of years, or the years of one: each year.
        ("ناقش المجلس ميزانيات سنوات 2010، 2011، 2012", ("سنوات 2010", "2010")),
        ("وتكرر ذلك في السنوات 2000 و2001", ("السنوات 2000", "2000")),
        # a year not round: that year.
        ("وأعيد طبعه سنوات 1995 بعد تنقيحه", ("سنوات 1995", "1995")),
    ],
)
def test_years_before_a_list_or_a_year_not_round_stay_years(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


# بعد نكسة يونيو (حزيران), ثورة فبراير, حرب أكتوبر: a month with no day nor year after the
# noun of a war, a revolt or a defeat names that event of some other year, its year left
# open (XXXX-06), as ثورة 25 يناير is XXXX-01-25; it was read as the nearest such month.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بدأ صعود الحركة بعد نكسة يونيو (حزيران) بسنوات", ("يونيو (حزيران)", "XXXX-06")),
        ("وكان الخلاف بين شركاء ثورة فبراير (شباط) في ليبيا", ("فبراير (شباط)", "XXXX-02")),
        ("استعادت مصر سيناء بعد حرب أكتوبر (تشرين الأول)", ("أكتوبر (تشرين الأول)", "XXXX-10")),
        ("وقاد الضباط انقلاب يوليو تموز", ("يوليو تموز", "XXXX-07")),
    ],
)
def test_a_month_naming_a_war_or_revolt_leaves_its_year_open(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a modifier or a year dates it from the text.
        ("وقتل العشرات في هجوم يونيو الماضي", ("يونيو الماضي", "2015-06")),
        ("وانتهت حرب أكتوبر 1973 بعبور القناة", ("أكتوبر 1973", "1973-10")),
        # an attack of a month of this year is not an event of history.
        (
            "وتضررت السياحة بعد هجوم يونيو (حزيران) على الفندق",
            ("يونيو (حزيران)", "2015-06"),
        ),
    ],
)
def test_a_month_after_an_event_with_its_year_or_of_an_attack_keeps_it(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


# ولا توجد دولة يخلو منها اليوم: اليوم after يخلو / تخلو and its من, what is free of a
# thing nowadays (a lasting state, as تحتاج اليوم); it was read as the stamp's day.
@pytest.mark.parametrize(
    "text",
    [
        "أصبحت الهواتف جزءا من الحياة ولا يكاد بيت يخلو منها اليوم.",
        "ولا تكاد مدينة تخلو من المقاهي اليوم في هذا البلد",
    ],
)
def test_today_after_what_is_free_of_a_thing_is_nowadays(text: str) -> None:
    assert ("اليوم", "PRESENT_REF") in found(text)


def test_today_before_what_is_free_of_a_thing_stays_the_day() -> None:
    assert ("اليوم", "2015-08-09") in found("وتخلو الشوارع اليوم من المارة بسبب العاصفة")
