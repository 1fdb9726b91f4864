"""Classes the rounds of samples 106-109 left, fixed in a later round.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

THU = datetime(2015, 8, 6, 18, 0)


def found(text: str, anchor: datetime = THU) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# وقال خلال استقباله المواطنين أمس: «جئنا اليوم لتفقد أحوالكم»: a quote opening right
# after the أمس it was said on, with اليوم among its first words, is the speaker's today,
# that yesterday (it was read as the stamp's day).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وقال المحافظ خلال لقائه الأهالي في القرية أمس: «جئنا اليوم لنستمع إليكم»",
            [("أمس", "2015-08-05"), ("اليوم", "2015-08-05")],
        ),
        (
            'وقال الوزير امس "اليوم نضع حجر الأساس للمدرسة الجديدة"',
            [("امس", "2015-08-05"), ("اليوم", "2015-08-05")],
        ),
    ],
)
def test_today_opening_a_quote_said_yesterday_is_yesterday(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


# Not when the quote is not opened right after أمس: the text's own today stays.
def test_today_after_yesterday_with_no_quote_stays_the_stamps_day() -> None:
    assert found("وقال المحافظ أمس إن اللجنة ستجتمع اليوم في مقرها") == [
        ("أمس", "2015-08-05"),
        ("اليوم", "2015-08-06"),
    ]


# أخرجه ألان تيلور, ألان بوند: ألان, written with أ, is the name Alan or Alain (every one
# of the corpus's is), never الآن; it was read as PRESENT_REF.  After حتى it stays now.
@pytest.mark.parametrize(
    "text",
    ["وأخرج الفيلم ألان سميث في لندن", "وقال المهندس ألان براون إن المحرك جاهز"],
)
def test_alan_written_with_hamza_is_a_name(text: str) -> None:
    assert found(text) == []


def test_until_alan_misspelt_stays_now() -> None:
    assert found("لم يصل حتى ألان أي رد من اللجنة") == [("حتى ألان", "PRESENT_REF")]
