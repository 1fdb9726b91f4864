"""Error classes of precision samples 31-32 (bench/precision_sample.py), fixed after both were judged.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

FRI = datetime(2015, 7, 31, 10, 0)  # Friday 15 Shawwal 1436


def found(text: str, published: datetime | None = FRI) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


def test_a_hijri_date_written_with_backslashes_is_a_day_not_a_year() -> None:
    assert found("يبدأ التسجيل يوم الأحد 17\\10\\1436ه إلى 7\\11\\1436ه عبر البوابة") == [
        ("يوم الأحد 17\\10\\1436ه إلى 7\\11\\1436ه", "2015-08-02/2015-08-22", "DATE")
    ]
    assert found("صدر القرار في 3\\5\\2014 بعد الاجتماع") == [("3\\5\\2014", "2014-05-03", "DATE")]


def test_a_dual_modifier_after_two_months_holds_for_the_first_too() -> None:
    assert found("دمرت المدينة في المعارك بين سبتمبر (أيلول) ويناير (كانون الثاني) الماضيين") == [
        ("سبتمبر (أيلول)", "2014-09", "DATE"),
        ("ويناير (كانون الثاني)", "2015-01", "DATE"),
    ]


def test_a_verse_quoted_with_its_vowels_is_no_day() -> None:
    assert found("قال تعالى «الْيَوْمَ أَكْمَلْتُ لَكُمْ دِينَكُمْ»") == []
    assert found("أعلنت الوزارة اليومَ نتائج القبول") == [("اليومَ", "2015-07-31", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "والكل لديه رأي صائب فيما يجري اليوم في كل مجال",
        "وقد أصبحت الشركة اليوم رائدة في مجالها",
        "هذا الادعاء لم يعد صحيحا اليوم في نظر الخبراء",
        "يبدو الخطر اليوم، كما كان في ذلك الحين، كبيرا",
        "والحاجة إلى الحوار اليوم أكثر من أي وقت مضى",
    ],
)
def test_today_in_a_present_state_or_against_the_past_is_nowadays(text: str) -> None:
    assert [m for m in found(text) if "اليوم" in m[0]] == [("اليوم", "PRESENT_REF", "DATE")]


def test_today_after_what_in_the_past_tense_stays_the_day() -> None:
    assert found("ونفى الوزير ما قاله اليوم أحد النواب") == [("اليوم", "2015-07-31", "DATE")]


def test_a_year_written_after_a_months_modifier_wins() -> None:
    # A stale notice crawled after Ramadan: its Ramadan is the one it writes, 1436.
    assert found("يستمر القبول حتى الثامن من شهر رمضان المقبل 1436هـ عبر الموقع") == [
        ("الثامن من شهر رمضان المقبل 1436هـ", "2015-06-25", "DATE")
    ]
    assert found("عرض الفيلم في أكتوبر الماضي عام 2013م في طوكيو") == [
        ("أكتوبر الماضي عام 2013م", "2013-10", "DATE")
    ]
    # A bare number after the modifier is a count, not the year.
    assert found("بلغ عدد الفروع بنهاية شهر مايو الماضي 1959 فرعا") == [
        ("بنهاية شهر مايو الماضي", "2015-05", "DATE")
    ]
