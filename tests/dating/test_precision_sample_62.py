"""The error classes of precision sample 62 (bench/precision_sample.py) fixed after it,
and one found beside it while reading its articles (a clock time at night).

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SUN = datetime(2015, 8, 9, 12, 0)  # Sunday 24 Shawwal 1436


def found(text: str, published: datetime | None = SUN) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # January to June read in August: this year's first half, not next year's.
        (
            "سقط 90 قتيلا بين الأول من يناير (كانون الثاني) و30 يونيو (حزيران)",
            ("الأول من يناير (كانون الثاني) و30 يونيو (حزيران)", "2015-01-01/2015-06-30"),
        ),
        (
            "سجلت الهيئة من 1 فبراير حتى 31 مايو ألف حالة",
            ("1 فبراير حتى 31 مايو", "2015-02-01/2015-05-31"),
        ),
        # A range across the new year still runs forward from its first day.
        (
            "يقام المعرض من 1 ديسمبر إلى 15 يناير",
            ("1 ديسمبر إلى 15 يناير", "2015-12-01/2016-01-15"),
        ),
        # The first day's own modifier places it and the end follows it (also
        # tests/dating/test_precision_samples_24_25.py).
        (
            "من 29 شعبان الجاري حتى الخامس من رمضان المقبل",
            ("29 شعبان الجاري حتى الخامس من رمضان المقبل", "2015-06-16/2015-06-22"),
        ),
    ],
)
def test_a_yearless_day_range_is_placed_as_a_whole(text: str, expected: tuple[str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "يغلق الطريق بعد الساعة الثانية عشر ليلا",
            ("الساعة الثانية عشر ليلا", "2015-08-10T00:00"),
        ),
        ("وصل الوفد الساعة الواحدة ليلا", ("الساعة الواحدة ليلا", "2015-08-09T01:00")),
        ("بدأت الحملة الساعة 3 ليلاً", ("الساعة 3 ليلاً", "2015-08-09T03:00")),
        ("انتهى الحفل الساعة الحادية عشرة ليلا", ("الساعة الحادية عشرة ليلا", "2015-08-09T23:00")),
        ("يبدأ البث في العاشرة ليلا", ("العاشرة ليلا", "2015-08-09T22:00")),
    ],
)
def test_a_clock_time_at_night_runs_through_midnight(text: str, expected: tuple[str, str]) -> None:
    # الواحدة ليلا is one in the morning, not one in the afternoon; twelve at night is
    # the midnight that ends the day (TimeML's T24:00, the next day's 00:00), not noon;
    # the evening's hours stay past noon.
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "استعادت القوات قصر 22 مايو الرئاسي",
        "أقيم اللقاء في استاد 26 سبتمبر",
        "تجمع المحتجون في ساحة 14 مارس",
    ],
)
def test_a_day_naming_a_palace_or_a_square_is_no_date(text: str) -> None:
    assert found(text) == []


def test_the_second_of_two_revolutions_is_a_day_of_no_known_year() -> None:
    assert found("أكد الوزير أهمية ثورتي 25 يناير و30 يونيو") == [
        ("25 يناير", "XXXX-01-25"),
        ("30 يونيو", "XXXX-06-30"),
    ]


def test_months_named_after_the_plural_are_no_length() -> None:
    assert found("يزداد السفر إليها خلال أشهر (أغسطس، وسبتمبر، وأكتوبر)") == []
    # A plural of months as a length stays one.
    assert found("استمرت الأزمة لأشهر") == [("لأشهر", "PXM")]


# Seed 63's class fixed after it: then and now with the verb after بالأمس.
FRI = datetime(2015, 8, 7, 12, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "كتب أحدهم: بالأمس كانوا خداما للحجاج، اليوم هم شهداء",
            [("بالأمس", "PAST_REF"), ("اليوم", "PRESENT_REF")],
        ),
        (
            "هو استهداف للوطن كله، وبالأمس كانوا في مساجد الشرقية، واليوم في الجنوب",
            # (today's attack set against the past ones: its day)
            [("وبالأمس", "PAST_REF"), ("واليوم", "2015-08-07")],
        ),
        # A day's own business after اليوم keeps the days.
        (
            "بالأمس كانت الجلسة الأولى، واليوم الجلسة الثانية",
            [("بالأمس", "2015-08-06"), ("واليوم", "2015-08-07")],
        ),
        (
            "وصل الوفد بالأمس، واليوم يبدأ المحادثات",
            [("بالأمس", "2015-08-06"), ("واليوم", "2015-08-07")],
        ),
    ],
)
def test_then_and_now_with_the_verb_after_yesterday(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text, FRI) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تزداد الحرارة في فصل الصيف", [("فصل الصيف", "XXXX-SU")]),
        ("يكثر الطلب خلال موسم الشتاء", [("موسم الشتاء", "XXXX-WI")]),
        ("يسافرون كل صيف إلى أوروبا", [("كل صيف", "XXXX-SU")]),
        # A season of a known year keeps its year; the Arab Spring and the autumn of a
        # life are no season; كل الصيف is all summer long, not every summer.
        ("خلال موسم الصيف الحالي", [("الصيف الحالي", "2015-SU")]),
        ("منذ الربيع العربي", []),
        ("في خريف العمر", []),
    ],
)
def test_a_season_of_any_year_and_every_season(text: str, expected: list[tuple[str, str]]) -> None:
    # Seasons were taken only with a year or a modifier; TimeML tags the season of any
    # year (XXXX-SU) and every one (a SET) too.  Neither has a place on the timeline.
    assert found(text) == expected


def test_every_season_is_a_set_and_all_summer_is_not() -> None:
    [every] = extract_mentions("يعود إليها كل شتاء", SUN)
    assert (every.type, every.value) == ("SET", "XXXX-WI")
    assert [m.type for m in extract_mentions("بقي هناك كل الصيف", SUN)] != ["SET"]


def test_a_deadline_at_twelve_at_night_runs_to_the_end_of_its_day() -> None:
    assert found("يقبل التسجيل حتى تاريخ 25 أغسطس 2015م الساعة 12 ليلا") == [
        ("25 أغسطس 2015م الساعة 12 ليلا", "2015-08-26T00:00")
    ]
    # A quarter to twelve at night is still that day's.
    assert found("الساعة الثانية عشرة إلا ربعا ليلا") == [
        ("الساعة الثانية عشرة إلا ربعا ليلا", "2015-08-09T23:45")
    ]


# Seed 64's classes fixed after it.
AFTER_RAMADAN = datetime(2015, 7, 21, 12, 0)  # five days after Ramadan 1436


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أحب أن أقوم به في هذا الشهر الكريم", [("هذا الشهر الكريم", "2015-06-18/2015-07-16")]),
        ("يعرض المسلسل خلال الشهر الفضيل", [("الشهر الفضيل", "2015-06-18/2015-07-16")]),
        # المبارك is given Shawwal too: the calendar month stays.
        ("في هذا الشهر المبارك شهر العيد", [("في هذا الشهر", "2015-07")]),
    ],
)
def test_the_holy_month_is_ramadan(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, AFTER_RAMADAN) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقع لاتسيو بمواجهة بايرليفركوزن وصيف 2002 في أقوى المواجهات", []),
        ("قدم المصمم تشكيلته لربيع وصيف 2016", [("وصيف 2016", "2016-SU")]),
        ("سافر إليها في صيف 2014", [("صيف 2014", "2014-SU")]),
    ],
)
def test_the_runner_up_of_a_year_is_no_summer(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
