"""The classes of precision sample 87 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SUN = datetime(2015, 8, 9, 17, 0)


def found(text: str, anchor: datetime = SUN) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# أن ما حدث بالأمس القريب في المدينة: "the recent past", an idiom, PAST_REF with its
# القريب, not the day before (8 August).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وتذكر الأهالي ما جرى بالأمس القريب في الحي", ("بالأمس القريب", "PAST_REF")),
        ("وبالأمس القريب افتتحت البلدية حديقة جديدة", ("وبالأمس القريب", "PAST_REF")),
        ("اعتاد الناس منذ الأمس القريب على هذه العادة", ("الأمس القريب", "PAST_REF")),
    ],
)
def test_the_near_yesterday_is_the_recent_past(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)
    assert all(value != "2015-08-08" for _, value in found(text))


def test_yesterday_before_a_near_place_stays_the_day() -> None:
    # أمس قرب الحدود: a bare أمس and a place near by.
    assert ("أمس", "2015-08-08") in found("وقع الانفجار أمس قرب الحدود")


# ليبيا بالنسبة إلى تونس اليوم قد أضحت معضلة: what has become so by now, with قد between
# اليوم and the verb of becoming as without it (اليوم أصبحت), not 9 August.
@pytest.mark.parametrize(
    "text",
    [
        "إن المدينة اليوم قد أضحت مركزا للتجارة",
        "والقرية اليوم لقد باتت خالية من سكانها",
        "فالتقنية اليوم قد أصبحت جزءا من حياتنا",
    ],
)
def test_today_before_qad_and_a_verb_of_becoming_is_nowadays(text: str) -> None:
    assert ("اليوم", "PRESENT_REF") in found(text)


def test_today_before_qad_and_another_verb_stays_the_day() -> None:
    assert ("اليوم", "2015-08-09") in found("وكانت الوزارة اليوم قد أعلنت النتائج")


# شهد مستشفى الخميس المدني توافد المتبرعين, مهرجان العسل في سوق الثلاثاء الشعبي: a place
# named by its town (Khamis Mushait) or its weekly market, no weekday.
@pytest.mark.parametrize(
    "text",
    [
        "ونقل المصاب إلى مستشفى الخميس المدني للعلاج",
        "وافتتح معرض للحرف اليدوية في سوق الثلاثاء الشعبي",
        "وتطوير سوق الجمعة القديم بالبلدة",
    ],
)
def test_a_weekday_naming_a_hospital_or_a_market_is_no_date(text: str) -> None:
    assert found(text) == []


def test_a_weekday_after_the_hospital_with_al_stays_that_day() -> None:
    assert ("الخميس الماضي", "2015-08-06") in found("زار والدته بالمستشفى الخميس الماضي")


# يقرأ المسلم في هذا الشهر المبارك, طيلة الشهر المبارك: Ramadan by its epithet, as هذا الشهر
# الكريم (Ramadan 1436, 18 June - 16 July 2015), not the stamp's August.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ويكثر الإقبال على المساجد في هذا الشهر المبارك",
            ("هذا الشهر المبارك", "2015-06-18/2015-07-16"),
        ),
        (
            "وتوزع الجمعية السلال الغذائية طيلة الشهر المبارك على الأسر",
            ("الشهر المبارك", "2015-06-18/2015-07-16"),
        ),
    ],
)
def test_the_blessed_month_is_ramadan(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)


def test_the_blessed_month_named_the_feasts_month_is_not_ramadan() -> None:
    values = [value for _, value in found("نهنئكم بقدوم هذا الشهر المبارك شهر العيد")]
    assert "2015-06-18/2015-07-16" not in values
