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
