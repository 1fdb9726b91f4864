"""The classes of precision sample 96 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

WED = datetime(2015, 7, 22, 12, 0)


def found(text: str, anchor: datetime = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# القيم التي نفتقدها اليوم, كلنا نؤمن اليوم بأن: what we miss or believe is a columnist's
# general present, nowadays, as نراه اليوم and نعتقد اليوم are.
@pytest.mark.parametrize(
    "text",
    [
        "وللحي روح جميلة نفتقدها اليوم ونحن إليها",
        "ذلك هو الصبر الذي نفتقده اليوم في شوارعنا",
        "ونحن نفتقر اليوم إلى مكتبات عامة في الأحياء",
        "كلنا نؤمن اليوم بأن التعليم هو الطريق",
    ],
)
def test_what_we_miss_or_believe_today_is_nowadays(text: str) -> None:
    assert [value for _, value in found(text)] == ["PRESENT_REF"]


# A day's business of ours stays the day.
def test_what_we_do_today_stays_the_day() -> None:
    assert [value for _, value in found("نفتتح اليوم المعرض في جدة")] == ["2015-07-22"]


# محاضرات تبدأ من الساعة 7 إلى 8.30 مساء، وورش عمل ... على مدى أربعة أيام: a range of
# hours with the days it runs over later in its sentence is held on each of them, a
# clock time of every day, not the stamp's.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ويضم المعرض محاضرات تبدأ من الساعة 7 إلى 8.30 مساءً، وورش عمل للأطفال وذلك"
            " على مدى أربعة أيام.",
            ["XXXX-XX-XXT20:30"],
        ),
        (
            "وتقام الفعاليات من الساعة الرابعة عصراً إلى الساعة التاسعة مساءً ولمدة ثلاثة أيام.",
            ["XXXX-XX-XXT16:00", "XXXX-XX-XXT21:00"],
        ),
        (
            "وتقام ورش الرسم من الخامسة إلى التاسعة مساء لمدة أربعة أيام متتالية.",
            ["XXXX-XX-XXT17:00", "XXXX-XX-XXT21:00"],
        ),
        # 7:00 with no period of its own is no time of this rule (its hour alone would
        # be the morning's).
        ("وتقام ورش الرسم (من 7:00 إلى 08:30مساءً) لمدة أربعة أيام.", ["XXXX-XX-XXT20:30"]),
    ],
)
def test_a_range_of_hours_over_days_is_every_day(text: str, expected: list[str]) -> None:
    assert [value for _, value in found(text) if "T" in value] == expected


# A single hour a span of days begins at is one time (a truce from its hour, for five
# days, mourners received from an evening); so is a range of hours with a day named
# inside it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ويسري وقف إطلاق النار من الساعة 11:59 مساء اليوم ولمدة خمسة أيام.",
            ["2015-07-22T23:59"],
        ),
        (
            "ويستقبل الأمير المعزين الساعة العاشرة من مساء اليوم ولمدة ثلاثة أيام.",
            ["2015-07-22T22:00"],
        ),
        (
            "وتستمر الفعاليات من الساعة الرابعة عصر اليوم حتى السادسة مساء ولمدة ثلاثة أيام.",
            ["2015-07-22T16:00", "2015-07-22T18:00"],
        ),
    ],
)
def test_an_hour_a_span_of_days_begins_at_stays_one_time(text: str, expected: list[str]) -> None:
    assert [value for _, value in found(text) if "T" in value] == expected
