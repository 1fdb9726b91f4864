"""The classes of precision sample 77 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

MON = datetime(2015, 8, 10, 18, 0)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, MON)]


# وتستمر حتى يوم الخميس الـ4 من شهر ذي الحجة: a weekday before its date written with
# الـ is that date's weekday; it was read alone as the last Thursday (10 times in the
# corpus, a Gregorian date's too).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ويستمر التسجيل حتى يوم الخميس الـ4 من شهر ذي الحجة المقبل",
            ("يوم الخميس الـ4 من شهر ذي الحجة المقبل", "2015-09-17"),
        ),
        (
            "وتعود التدريبات يوم الجمعة الـ 14 من أغسطس الجاري",
            ("يوم الجمعة الـ 14 من أغسطس الجاري", "2015-08-14"),
        ),
        ("تقام القرعة يوم الأحد ال23 من أغسطس", ("يوم الأحد ال23 من أغسطس", "2015-08-23")),
    ],
)
def test_a_weekday_before_its_date_with_the_article_is_that_date(
    text: str, expected: tuple[str, str]
) -> None:
    assert found(text) == [expected]


def test_a_weekday_before_a_day_number_alone_stays_the_weekday() -> None:
    assert found("وفي يوم الأربعاء الـ 27 تنظم الجمعية محاضرة")[0] == ("يوم الأربعاء", "2015-08-05")


# تضمن عدم تعرض أي عامل لأشعة الشمس ما بين الساعة 12 ظهرا إلى الساعة 3: the hours of the
# midday work ban (or of shunning the sun) are every day's; they were the stamp's day.
@pytest.mark.parametrize(
    "text",
    [
        "وتمنع الأنظمة تشغيل العمال تحت أشعة الشمس من الساعة 12 ظهرا وحتى الساعة 3 عصرا",
        "ويحظر العمل في الأماكن المكشوفة من الثانية عشرة ظهرا حتى الثالثة عصرا",
        "وينصح الأطباء بتجنب التعرض للأشعة الشمسية من العاشرة صباحا إلى الرابعة عصرا",
    ],
)
def test_the_hours_of_the_midday_work_ban_are_every_days(text: str) -> None:
    values = [v for _, v in found(text)]
    assert len(values) == 2 and all(v.startswith("XXXX-XX-XXT") for v in values), values


def test_a_heat_warning_for_today_stays_today() -> None:
    assert [v for _, v in found("ترتفع الحرارة اليوم من الساعة 12 ظهرا إلى السادسة مساء")] == [
        "2015-08-10",
        "2015-08-10T12:00",
        "2015-08-10T18:00",
    ]


# ولكن علينا اليوم أن نتساءل, ما أنا عليه اليوم: a duty now (علينا with أن after), or the
# state one is in, is nowadays; they were the stamp's day.
@pytest.mark.parametrize(
    "text",
    [
        "لقد تغير الكثير، ولكن علينا اليوم أن نراجع أنفسنا",
        "وعليهم اليوم أن يعترفوا بالخطأ",
        "وأشكر كل من أوصلني إلى ما أنا عليه اليوم",
        "لم تكن الشركة بالحجم الذي هي عليه اليوم",
    ],
)
def test_a_duty_or_a_state_today_is_nowadays(text: str) -> None:
    assert [v for t, v in found(text) if t == "اليوم"] == ["PRESENT_REF"]


def test_an_event_on_one_today_stays_the_day() -> None:
    assert found("اعتدى المسلحون علينا اليوم في السوق") == [("اليوم", "2015-08-10")]
