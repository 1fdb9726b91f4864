"""Classes of precision sample 112, fixed after it was judged.

Every sentence here is made up, none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

WED = datetime(2015, 8, 5, 12, 0)


def found(text: str, anchor: datetime = WED) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# والنسخة المهربة تقبع اليوم في حماية الشرطة (sample 112): where a thing lies now, a
# lasting state, read as the stamp's day; يرقدان اليوم في موقع النصب, where the dead lie.
@pytest.mark.parametrize(
    "text",
    [
        "والمخطوطة المسروقة تقبع اليوم في خزنة المتحف بانتظار إعادتها",
        "قال إن أصدقاءه يرقدون اليوم في مقبرة القرية",
    ],
)
def test_today_after_a_verb_of_lying_is_the_present(text: str) -> None:
    assert found(text) == [("اليوم", "PRESENT_REF")]


# The day's own events stay on it.
def test_today_of_an_event_stays_the_stamps_day() -> None:
    assert found("وتفتتح الوزارة اليوم معرضا للكتاب") == [("اليوم", "2015-08-05")]
