"""A plural unit with no count, made vague by the adjective after it, is a length.

The misses of the TimeML test set (bench/data/timeml_test.jsonl) held سنوات طويلة and
أعوام عدة; a corpus read found 344 such lengths, none wrong in a sample of 40.  Every
sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

TUE = datetime(2015, 7, 21, 10, 0)


def found(text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, TUE)]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("عاد الفريق إلى البطولة بعد سنوات طويلة من الغياب", "سنوات طويلة", "PXY"),
        ("انتظر المراجعون ساعات طويلة أمام المكتب", "ساعات طويلة", "PTXH"),
        ("تنطلق الرحلات بعد أيام قليلة", "أيام قليلة", "PXD"),
        ("ستنتهي المفاوضات في غضون أسابيع قليلة", "أسابيع قليلة", "PXW"),
        ("بقي على انتهاء صلاحيته أشهر معدودة", "أشهر معدودة", "PXM"),
        ("مضت أعوام عدة على افتتاح الطريق", "أعوام عدة", "PXY"),
        ("توقف البث لدقائق قليلة", "لدقائق قليلة", "PTXM"),
    ],
)
def test_a_plural_made_vague_is_a_length(text: str, raw: str, value: str) -> None:
    assert (raw, value, "DURATION") in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A time ago stays a past reference (relative.ago), not a length.
        ("وقع الحادث قبل أيام قليلة", [("قبل أيام", "PAST_REF", "DATE")]),
        ("يعمل في الشركة منذ سنوات طويلة", [("منذ سنوات", "PAST_REF", "DATE")]),
        # No adjective after the plural: no length (the days of the week).
        ("يفتح المتحف أبوابه أيام الأسبوع", []),
        # عقد the verb (holding), before عدة: no decade.
        ("عالجت الوزارة الاعتراضات من خلال عقد عدة اجتماعات", []),
    ],
)
def test_what_stays_as_it_was(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A length with a fraction, as TIMEX3 writes it (a miss of the second test set).
        ("زاد متوسط ساعات العمل إلى 34.6 ساعة في الأسبوع", [("34.6 ساعة", "PT34.6H", "DURATION")]),
        ("تبعد المدينة 1.5 ساعة بالقطار", [("1.5 ساعة", "PT1.5H", "DURATION")]),
        ("بلغ معدل أعمارهم 58,6 سنة", [("58,6 سنة", "P58.6Y", "DURATION")]),
        # A figure before a year's noun is the year's, not a length.
        ("ارتفع السهم إلى 1.78 ريال من 2.07 عام 2014", [("عام 2014", "2014", "DATE")]),
        # Digits typed in display order around a mark: which number is meant is unknown.
        ("ارتفع المعدل إلى 6.\u200f34 ساعة", []),
    ],
)
def test_a_length_with_a_fraction(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected
