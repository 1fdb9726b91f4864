"""The error classes of precision sample 61 (bench/precision_sample.py) fixed after it.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SUN = datetime(2015, 7, 26, 12, 0)  # Sunday 10 Shawwal 1436
MON = datetime(2015, 7, 27, 18, 0)  # the Monday after


def found(text: str, published: datetime | None = SUN) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "أطلقت الوزارة برنامجها من خلال عقد شراكات مع الجهات المعنية",
        "ويسعى المكتب إلى ذلك من خلال عقد اتفاقيات مع الجامعات",
        "تم الاتفاق على عقد اجتماع خلال الأسبوع المقبل",
    ],
)
def test_concluding_or_holding_is_no_decade(text: str) -> None:
    assert [value for _, value in found(text) if value == "P10Y"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تغيرت المدينة خلال عقد من الزمن", [("عقد من الزمن", "P10Y")]),
        ("عاش هناك خلال عقد كامل", [("عقد كامل", "P10Y")]),
    ],
)
def test_a_decade_is_still_a_decade(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ويعمل المركز خمس ساعات يوميا من (4) إلى (9) مساءً، من السبت حتى الأربعاء",
        "الدوام اليومي من الساعة الـ10 صباحا وحتى الـ10 مساء من الأحد إلى الخميس",
        "ويعمل المركز من 8 صباحا حتى 2 ظهرا من الأحد إلى الخميس",
    ],
)
def test_a_range_of_weekdays_after_daily_hours_is_a_schedule(text: str) -> None:
    assert [value for _, value in found(text) if value.startswith("2015-07")] == []


def test_a_range_of_weekdays_alone_is_still_read() -> None:
    # No hours before it: the two weekdays are still found (their days are the weekday
    # rule's, not this fix's).
    assert [span for span, _ in found("وصل الوفد من السبت حتى الأربعاء")] == ["السبت", "الأربعاء"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The same time in GMT, in brackets between the time and its day.
        (
            "وقف لإطلاق النار من الساعة 11.59 (2059 بتوقيت جرينتش) مساء أمس الأحد",
            "2015-07-25T23:59",
        ),
        ("من الساعة 11.59 مساء أمس الأحد", "2015-07-25T23:59"),
    ],
)
def test_a_time_joins_its_day_across_the_same_time_in_brackets(text: str, expected: str) -> None:
    assert [value for _, value in found(text)] == [expected]


def test_a_bracket_of_anything_else_keeps_them_apart() -> None:
    assert [value for _, value in found("الساعة 10 (رويترز) مساء أمس")] == ["2015-07-25TEV"]
