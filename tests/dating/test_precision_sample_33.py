"""Error classes of precision sample 33 (bench/precision_sample.py), fixed after it was judged.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

from timeline.dating import extract_mentions

SAT = datetime(2015, 7, 25, 20, 0)  # Saturday 9 Shawwal 1436


def found(text: str, published: datetime | None = SAT) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


def test_a_weekday_after_expected_to_is_the_coming_one() -> None:
    assert found("ويتوقع أن تضعف العاصفة تدريجيا وأن تتلاشى قوتها الأحد") == [
        ("الأحد", "2015-07-26", "DATE")
    ]
    assert found("ومن المتوقع أن يصل الوفد يوم الثلاثاء إلى جدة") == [
        ("يوم الثلاثاء", "2015-07-28", "DATE")
    ]
    # Without the expectation the bare weekday is still the last one.
    assert found("وتلاشت قوة العاصفة الأحد") == [("الأحد", "2015-07-19", "DATE")]


def test_today_before_we_is_nowadays() -> None:
    assert found("حمى الأمن البلاد طويلا، واليوم نحن في حرب على حدودنا") == [
        ("واليوم", "PRESENT_REF", "DATE")
    ]
