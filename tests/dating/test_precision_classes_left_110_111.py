"""Classes the rounds of samples 110-111 left, fixed in a later round.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SAT = datetime(2015, 7, 25, 9, 0)


def found(text: str, anchor: datetime = SAT) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# انقلاب يوليو 52م: a two-digit year with م is as often the twentieth century, its
# hundreds left out (1952), as the first (24 أغسطس 79م, AD 79): nothing tells which, so
# no date is read (it was read as the year 52).
@pytest.mark.parametrize(
    "text",
    [
        "وكان الكاتب معجبا بحركة يوليو 52م ثم انقلب عليها",
        "وقعت الحادثة في 14 مايو 48م كما يروي الكتاب",
    ],
)
def test_a_two_digit_year_with_its_era_after_a_month_is_no_date(text: str) -> None:
    assert found(text) == []


# A year of three digits with its era is still the first millennium's.
def test_a_three_digit_year_with_its_era_stays_that_year() -> None:
    assert found("وصل الرحالة في 3 مارس (آذار) 922م إلى المدينة") == [
        ("3 مارس (آذار) 922م", "0922-03-03")
    ]


# وقال مساء الخميس إن "الاشتباكات مستمرة منذ صباح اليوم", stamped Saturday: the
# report's today is the weekday it names (it was read as the stamp's day), as its
# أمس already was.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'وقال المتحدث مساء الخميس إن "المعارك مستمرة منذ صباح اليوم في المدينة"',
            [("مساء الخميس", "2015-07-23TEV"), ("صباح اليوم", "2015-07-23TMO")],
        ),
        (
            "وأبلغ رئيس البلدية الصحفيين يوم الخميس أن العمال يتوقعون اليوم إنهاء الإصلاح",
            [("يوم الخميس", "2015-07-23"), ("اليوم", "2015-07-23")],
        ),
    ],
)
def test_today_in_a_report_of_a_named_weekday_is_that_day(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


# With no weekday named before it, the text's own today stays the stamp's day.
def test_today_with_no_reported_weekday_stays_the_stamps_day() -> None:
    assert found("وقال المتحدث إن المعارك مستمرة منذ صباح اليوم") == [
        ("صباح اليوم", "2015-07-25TMO")
    ]


# بطول يصل إلى 2٫16م (found reading the corpus's numbers with م for the class above): the
# Arabic decimal comma makes a length in metres, no clock time (it was read as 14:16).
@pytest.mark.parametrize(
    "text", ["يبلغ طول اللاعب 2٫05م، ويتدرب كل صباح", "ارتفاع الجدار 3٫40م، وبني في ساعة"]
)
def test_a_length_with_the_arabic_decimal_comma_is_no_time(text: str) -> None:
    assert [t for t, _ in found(text)] == []


# A clock time after الساعة keeps any separator it is written with.
def test_a_clock_time_after_its_cue_stays_a_time() -> None:
    assert found("وصلت الفرقة الساعة 9٫18م إلى الموقع") == [("الساعة 9٫18م", "2015-07-25T21:18")]
