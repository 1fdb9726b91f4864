"""The classes of precision sample 74 and its recall audit fixed after them.

- تأهل لدور الثمانية عام 1990: a count before a singular year noun with a year after it
  belongs to the noun before it (the round of eight); عام 1990 is the year, no length.
- الحقيقة المرة اليوم أن, المشكلة اليوم: a state of affairs opening a clause, now;
  تحتم علي اليوم أن, يجب علينا اليوم: a duty with its pronoun, now.
- لم يعد بإمكاني التأثير بعد الآن: "any more", no time.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

MON = datetime(2015, 7, 27, 18, 0)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, MON)]


@pytest.mark.parametrize(
    "text",
    [
        "وكان المنتخب قد بلغ دور الثمانية عام 1994 للمرة الأولى",
        "وصل الفريق إلى دور الأربعة عام 2002 ثم خرج",
        "تأهل النادي إلى دور الستة عشر عام 2010 بعد فوزين",
    ],
)
def test_a_round_named_by_its_count_before_a_year_is_no_length(text: str) -> None:
    year = text.split("عام ")[1][:4]
    assert found(text) == [(f"عام {year}", year)]


def test_a_count_of_years_is_still_a_length() -> None:
    assert found("عمل في الشركة ثمانية أعوام قبل أن يستقيل") == [("ثمانية أعوام", "P8Y")]
    assert found("وبقي في منصبه 12 عاما حتى عام 2010") == [
        ("12 عاما", "P12Y"),
        ("عام 2010", "2010"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وبالتالي فإن الحقيقة المؤلمة اليوم أن الأسعار تتضاعف كل عام",
        "لقد تغير كل شيء. والحقيقة اليوم أن الشباب لا يقرؤون الصحف",
        "تراجعت الثقة بين البلدين، المشكلة اليوم تتجاوز الخلاف التجاري",
        "وهذا ما تفرضه مبادئي التي تحتم علي اليوم أن أقف مع الإدارة",
        "يتعين علينا اليوم أن نراجع خططنا كلها",
    ],
)
def test_a_state_of_affairs_or_a_duty_today_is_nowadays(text: str) -> None:
    assert [v for t, v in found(text) if t.endswith("اليوم")] == ["PRESENT_REF"]


@pytest.mark.parametrize(
    "text",
    [
        "أعلن الوزير اليوم أن الدراسة تبدأ الشهر المقبل",
        "ناقش المجلس المشكلة اليوم في جلسة مغلقة",
        "كشفت الشرطة الحقيقة اليوم بعد تحقيق طويل",
    ],
)
def test_a_day_of_an_event_stays_the_day(text: str) -> None:
    assert ("اليوم", "2015-07-27") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "قال إنه لم يعد بإمكانه التأثير في أي شيء بعد الآن",
        "لن يكون هناك تسامح بعد الآن مع المخالفين",
        "ولا مجال بعد الآن للتردد",
    ],
)
def test_any_more_is_no_time(text: str) -> None:
    assert found(text) == []


def test_now_and_until_now_are_still_the_present() -> None:
    assert found("ويعمل الفريق الآن على التقرير") == [("الآن", "PRESENT_REF")]
    assert found("ولم يصدر أي بيان حتى الآن") == [("حتى الآن", "PRESENT_REF")]
