"""The error classes of precision sample 59 (bench/precision_sample.py), one test each.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

MON = datetime(2015, 8, 10, 12, 0)  # Monday 25 Shawwal 1436


def found(text: str, published: datetime | None = MON) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Several months ago is a time in the past, as قبل أشهر is, not a length.
        ("تقدمنا بشكوى قبل عدة أشهر دون رد", [("قبل عدة أشهر", "PAST_REF")]),
        ("وقبل بضعة أيام زار الوفد المدينة", [("وقبل بضعة أيام", "PAST_REF")]),
        ("افتتح المركز قبل بضع سنوات", [("قبل بضع سنوات", "PAST_REF")]),
        # منذ عدة أشهر may be "for some months" (يعمل منذ عدة أشهر): still a length.
        ("يعمل الفريق منذ عدة أشهر", [("عدة أشهر", "PXM")]),
    ],
)
def test_several_units_ago_is_a_past_time(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("انخفضت الإيرادات في أول ستة أشهر من السنة بنسبة 5%", "2015-H1"),
        ("ارتفعت المبيعات في أول 6 أشهر من عام 2014", "2014-H1"),
        ("تراجع الإنتاج في آخر ثلاثة أشهر من العام الماضي", "2014-Q4"),
        ("خلال أول أربعة أشهر من العام", "2015-01/2015-04"),
    ],
)
def test_the_first_or_last_months_of_a_year_with_the_word_first(text: str, expected: str) -> None:
    [(span, value)] = found(text)
    assert value == expected
    assert span.startswith(("أول", "آخر")) and "من" in span


def test_the_first_months_of_no_year_stay_a_length() -> None:
    assert found("تمكن الفريق في أول ثلاثة أشهر من التدريب") == [("ثلاثة أشهر", "P3M")]


@pytest.mark.parametrize(
    "text",
    [
        "العمل يكثر في رمضان وخصوصا في الأيام الأخيرة قبل العيد",
        "تنتعش الأسواق في الأيام الأخيرة من شهر رمضان",
        "اشتد عليها المرض في السنوات الأخيرة من حياتها",
        "وفي الساعات الأخيرة للمداولات عرض التسجيل",
        "دفن الكنز في الأيام الأخيرة للحرب",
    ],
)
def test_the_last_days_of_a_time_or_an_event_are_not_recent_ones(text: str) -> None:
    assert [value for _, value in found(text) if value == "PAST_REF"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # من and ل doing other work: recent ones still.
        ("رغم النجاحات التي تحققت في الأشهر الأخيرة من خلال عملية مشتركة", "PAST_REF"),
        ("اتخذت الشركات خطوات في الأشهر الأخيرة للحد من الإنتاج", "PAST_REF"),
        ("شهدت الأيام الأخيرة تصعيدا", "PAST_REF"),
        # With a count, the last days of an event are a length, as before.
        ("التنازلات التي قدمت في الأيام الـ17 الأخيرة من المفاوضات", "P17D"),
    ],
)
def test_recent_ones_and_counted_ones_stay(text: str, expected: str) -> None:
    assert [value for _, value in found(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "ومع بداية هذا العام الدراسي الجديد تتغير المناهج",
        "العجز المتوقع لهذه السنة المالية سيتجاوز التقديرات",
        "إتمام المشروع خلال هذا العام المالي",
    ],
)
def test_this_school_or_fiscal_year_is_not_the_calendar_year(text: str) -> None:
    assert found(text) == []


def test_this_year_alone_is_still_the_calendar_year() -> None:
    assert found("وهذا العام كذلك") == [("وهذا العام", "2015")]
