"""The classes of precision sample 94 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

THU = datetime(2015, 8, 6, 12, 0)


def found(text: str, anchor: datetime = THU) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# اعتقد ان 14 آذار ترى: Lebanon's coalitions 8 آذار and 14 آذار are named with no
# noun before them as often as after قوى or فريق; a yearless 8 or 14 آذار with no word
# of direction is the coalition, no day.
@pytest.mark.parametrize(
    "text",
    [
        "يرى المحلل أن 14 آذار تعتبر المرحلة المقبلة حاسمة",
        "تصاعد الخلاف بين وزراء 8 آذار و14 آذار حول الموازنة",
        "وقال النائب إننا في 14 آذار لن نقبل بهذا الطرح",
        "انتقد نواب الثامن من آذار موقف الحكومة",
    ],
)
def test_a_coalition_named_by_its_day(text: str) -> None:
    assert found(text) == []


# A day of March with its year, beside مارس or with a word of direction stays a date.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اختفت الطائرة في 8 آذار/مارس 2014 فوق البحر", [("8 آذار/مارس 2014", "2014-03-08")]),
        ("خرجت المظاهرة في 14 آذار 2005 إلى الساحة", [("14 آذار 2005", "2005-03-14")]),
        ("افتتح المعرض في 14 آذار الماضي", [("14 آذار الماضي", "2015-03-14")]),
        ("افتتح المعرض في 15 آذار", [("15 آذار", "2015-03-15")]),
    ],
)
def test_a_day_of_march_stays(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
