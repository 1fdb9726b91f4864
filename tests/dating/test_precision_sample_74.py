"""The classes of precision sample 74 and its recall audit fixed after them.

- تأهل لدور الثمانية عام 1990: a count before a singular year noun with a year after it
  belongs to the noun before it (the round of eight); عام 1990 is the year, no length.
- الحقيقة المرة اليوم أن, المشكلة اليوم: a state of affairs opening a clause, now;
  تحتم علي اليوم أن, يجب علينا اليوم: a duty with its pronoun, now.
- لم يعد بإمكاني التأثير بعد الآن: "any more", no time.
- مساء اليوم ... ، الساعة الثامنة والربع: a clock time with no part of the day of its
  own, in the sentence of an evening or an afternoon named before, is of that part
  (20:15, not 08:15); seen beside a mention of the sample.
- يحتاج إلى سنوات, استغرق الأمر أسابيع: a plural unit with no count after a verb of
  taking or needing is a length, as after لمدة (a miss of the recall audit).

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


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "يخوض المنتخب مساء اليوم مباراته الأخيرة أمام ضيفه، الساعة الثامنة والربع، في المدينة",
            "الساعة الثامنة والربع",
            "2015-07-27T20:15",
        ),
        (
            "تقام الأمسية عصر الخميس في القاعة الكبرى، عند الساعة الرابعة",
            "الساعة الرابعة",
            "2015-07-30T16:00",
        ),
    ],
)
def test_a_clock_time_after_an_evening_is_of_that_evening(text: str, span: str, value: str) -> None:
    assert (span, value) in found(text)


def test_a_clock_time_with_its_own_part_keeps_it() -> None:
    text = "وصل الوفد مساء أمس إلى الرياض، وكان الاجتماع قد بدأ الساعة العاشرة صباحا"
    assert ("الساعة العاشرة صباحا", "2015-07-26T10:00") in found(text)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("وهذا العمل يحتاج إلى سنوات من الجهد", "سنوات", "PXY"),
        ("واستغرق الأمر أسابيع قبل أن يعود", "أسابيع", "PXW"),
        ("والمعاملة قد تستغرق ساعات في الزحام", "ساعات", "PTXH"),
        ("وكانت الرحلة تحتاج لأيام على ظهور الإبل", "لأيام", "PXD"),
    ],
)
def test_a_plural_after_taking_or_needing_is_a_length(text: str, span: str, value: str) -> None:
    assert found(text) == [(span, value)]


def test_the_days_of_a_feast_after_taking_are_no_length() -> None:
    assert found("وتستغرق أيام العيد في القرية احتفالات كثيرة") == []
