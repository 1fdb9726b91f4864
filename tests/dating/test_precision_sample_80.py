"""The classes of precision sample 80 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

FRI = datetime(2015, 7, 31, 12, 0)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, FRI)]


# أي قبل أربعة أشهر بالتمام والكمال عن موعد الانتخابات, قبل 3 أسابيع فقط من البطولة: a
# count stressed by فقط, بالضبط, بالتمام والكمال and counted back from an event (عن only
# before موعد / تاريخ) is no day counted back from today; it was read as four months ago.
@pytest.mark.parametrize(
    ("text", "length"),
    [
        (
            "ويحق الترشح حتى نهاية أكتوبر، أي قبل أربعة أشهر بالتمام والكمال عن موعد التصويت.",
            ("أربعة أشهر", "P4M"),
        ),
        ("ويغلق باب الترشح قبل أربعة أشهر عن موعد التصويت", ("أربعة أشهر", "P4M")),
        ("ونشر التقرير قبل 3 أسابيع فقط من انطلاق البطولة في المدينة", ("3 أسابيع", "P3W")),
        ("ووقع الاتفاق قبل يومين فقط من زيارة الوزير", ("يومين", "P2D")),
        ("وانسحب قبل عام بالضبط من افتتاح الدورة", None),
    ],
)
def test_a_stressed_count_before_an_event_is_counted_from_it(
    text: str, length: tuple[str, str] | None
) -> None:
    mentions = found(text)
    assert not [m for m in mentions if m[0].startswith("قبل")], mentions
    if length is not None:
        assert length in mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the agent of a passive after من: counted from today.
        (
            "وتتعرض البلدة لقصف عنيف منذ أكثر من عشرين يوما من قبل القوات",
            ("منذ أكثر من عشرين يوما", "2015-07-11"),
        ),
        ("ولم تسكن الجزيرة إلا قبل 150 عاما فقط من بعض الصيادين", ("قبل 150 عاما", "1865")),
        # عن of what was said or announced: about it, from today.
        ("وكان الوزير قد تحدث قبل يومين فقط عن خطة جديدة", ("قبل يومين", "2015-07-29")),
        ("وأعلنت الشركة قبل أسبوع عن نتائجها", ("قبل أسبوع", "2015-W30")),
    ],
)
def test_a_count_before_an_agent_or_a_topic_stays_counted_from_today(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


# حدثت آخر مرة في شهر يوليو العام الماضي: the last time, in a month named after شهر, a
# count over that one month, not "once a month" (P1M).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وقد شوهدت الظاهرة آخر مرة في شهر يوليو العام الماضي",
            ("شهر يوليو العام الماضي", "2014-07"),
        ),
        (
            "وتأهل الفريق لأول مرة في شهر رمضان من العام الماضي",
            ("شهر رمضان من العام الماضي", "2014-06-28/2014-07-27"),
        ),
    ],
)
def test_a_time_in_a_named_month_is_no_recurrence(text: str, expected: tuple[str, str]) -> None:
    mentions = found(text)
    assert expected in mentions
    assert not [m for m in mentions if m[1].startswith("P")], mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ويزورها مرة في شهر على الأقل", ("مرة في شهر", "P1M")),
        ("وتجتمع اللجنة مرتين في الشهر", ("مرتين في الشهر", "P1M")),
    ],
)
def test_a_time_in_a_month_not_named_stays_a_recurrence(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)
