"""Error classes of precision sample 34 (bench/precision_sample.py), fixed after it was judged.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

from timeline.dating import extract_mentions

TUE = datetime(2015, 8, 4, 10, 0)  # Tuesday 19 Shawwal 1436


def found(text: str, published: datetime | None = TUE) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


def test_every_half_a_unit_is_a_recurrence() -> None:
    assert found("تصدر البعثة تقريرا تنشره كل نصف عام") == [("كل نصف عام", "P6M", "SET")]
    assert found("تنطلق الحافلة كل نصف ساعة من المحطة") == [("كل نصف ساعة", "PT30M", "SET")]


def test_the_feast_greeting_with_more_words_is_no_recurrence() -> None:
    assert found("تقبل الله منا ومنكم، وكل عام وأنتم ومن تحبون بخير") == []
    assert found("يجتمع المجلس كل عام في الرياض") == [("كل عام", "P1Y", "SET")]


def test_here_they_are_today_is_nowadays() -> None:
    assert found("حاربوا كل من كشف الحقيقة، وهاهم اليوم يمارسون الانتقام") == [
        ("اليوم", "PRESENT_REF", "DATE")
    ]


def test_a_year_after_during_names_the_dates_year() -> None:
    assert found("بلغت المخالفات حتى نهاية يوم 15 من شهر سبتمبر خلال عام 2014م نحو أربعة آلاف") == [
        ("يوم 15 من شهر سبتمبر خلال عام 2014م", "2014-09-15", "DATE")
    ]
