"""The classes of precision sample 69 fixed after it: the general present اليوم.

Every sentence here is made up; none is article text.  اليوم followed by "after
(the passing of) so many years" is the present reached after them (PRESENT_REF), as
اليوم بعد مرور عقود already was; the day after a time of day is still the day.  اليوم
after a verb of a lasting state (تواجهان, تحتاج, يعانون) is the present too.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

FRI = datetime(2015, 7, 24, 10, 0)


def todays(text: str) -> list[tuple[str, str, str]]:
    """The mentions that hold اليوم, as (text, value, type)."""
    return [(m.text, m.value, m.type) for m in extract_mentions(text, FRI) if "اليوم" in m.text]


@pytest.mark.parametrize(
    "text",
    [
        "أقر النظام قبل عقد. اليوم وبعد مضي عشر سنوات على صدوره، أصبحنا نرى أثره",
        "تأسست الجمعية صغيرة، والمدينة اليوم بعد مضي ثلاثين عاما على ذلك مختلفة",
        "كانت القرية معزولة. اليوم وبعد مرور عقدين تغير كل شيء فيها",
    ],
)
def test_today_after_years_gone_by_is_the_present(text: str) -> None:
    assert [value for _, value, _ in todays(text)] == ["PRESENT_REF"]


@pytest.mark.parametrize(
    "text",
    [
        "يلتقي الفريقان اليوم بعد الظهر في ملعب المدينة",
        "تعلن النتائج اليوم بعد صلاة العصر",
    ],
)
def test_today_before_a_time_of_the_day_is_still_the_day(text: str) -> None:
    assert todays(text) == [("اليوم", "2015-07-24", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "إن البلدين يواجهان اليوم تحديات كبيرة",  # sample 64's class (تواجهان اليوم)
        "قال إن المدينة تحتاج اليوم إلى خطة جديدة",
        "وأضاف أن الأطفال يحتاجون اليوم إلى رعاية",
        "حتى الغرب يعاني اليوم من الأزمة نفسها",
    ],
)
def test_today_after_a_verb_of_a_lasting_state_is_the_present(text: str) -> None:
    assert [value for _, value, _ in todays(text)] == ["PRESENT_REF"]
