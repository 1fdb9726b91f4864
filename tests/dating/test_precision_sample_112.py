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


# علما بأنه مارس (آذار) بشكل رسمي كرة القدم (sample 112): the verb "practised", glossed
# (آذار) by a paper's rote gloss of every مارس, was read as March.
@pytest.mark.parametrize(
    "text",
    [
        "ويذكر أنه مارس (آذار) السباحة في شبابه",
        "وهو اللاعب الذي مارس (آذار) التدريب بعد اعتزاله",
        "وقد مارس (آذار) الضغط على الحكومة",
    ],
)
def test_the_verb_maris_glossed_as_a_month_is_no_month(text: str) -> None:
    assert found(text) == []


# The month, glossed so, after في or منذ, stays March.
def test_march_glossed_after_fi_stays_the_month() -> None:
    assert found("وكانت الشركة قد أعلنت في مارس (آذار) عن خطتها") == [("مارس (آذار)", "2015-03")]
