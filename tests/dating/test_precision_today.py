"""The readings of اليوم left open by precision samples 24-30, fixed after (sixth round).

Every sentence here is made up; none is article text.  A bare اليوم is the publication
day in news copy (أعلنت الوزارة اليوم); the forms below are "nowadays" (a vague
PRESENT_REF, never a wrong place on the timeline) or no day at all.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

TUE = datetime(2015, 7, 21, 10, 0)  # Tuesday 5 Shawwal 1436


def found(text: str, published: datetime | None = TUE) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


def todays(text: str) -> list[tuple[str, str, str]]:
    """The mentions that hold اليوم (a sentence may name a decade or a year too)."""
    return [m for m in found(text) if "اليوم" in m[0]]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("كانت الشركة رائدة في السبعينات. اليوم تواجه منافسة شديدة في الأسواق", "اليوم"),
        ("عانت المدينة من الفقر عقودا طويلة. واليوم تحاول اللحاق بجاراتها", "واليوم"),
        ("هل يشبه شارع الأمس شارع الحاضر؟ اليوم لا أحد يسير فيه", "اليوم"),
    ],
)
def test_a_bare_today_opening_a_sentence_is_nowadays(text: str, raw: str) -> None:
    assert todays(text) == [(raw, "PRESENT_REF", "DATE")]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("مرت سنتان على الحادثة. اليوم يصادف الذكرى الثانية لها", "اليوم", "2015-07-21"),
        ("استعد الفريق طوال الأسبوع. واليوم سيلاقي منافسه في النهائي", "واليوم", "2015-07-21"),
        ("أعلنت الوزارة اليوم نتائج القبول في الجامعات", "اليوم", "2015-07-21"),
        ("حذرت مديرية الدفاع المدني، اليوم، من السيول", "اليوم", "2015-07-21"),
    ],
)
def test_today_with_an_anniversary_a_future_or_in_news_copy_is_the_day(
    text: str, raw: str, value: str
) -> None:
    assert todays(text) == [(raw, value, "DATE")]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("كان الذهب أغلى من الفضة في الماضي، أما اليوم فقد ارتفعت أسعارها", "اليوم"),
        ("كانت الحروب بعيدة عنا، إلا أننا اليوم نعيش وسطها", "اليوم"),
        ("إن الفوضى التي نشهدها اليوم تدل على غياب التخطيط", "اليوم"),
        ("ولد فن الأناقة البريطانية كما نعرفها اليوم في القرن الماضي", "اليوم"),
        ("تتدخل الدول الكبرى في المنطقة، كما هو الحال اليوم في اليمن", "اليوم"),
    ],
)
def test_today_against_the_past_or_in_a_columnists_we_is_nowadays(text: str, raw: str) -> None:
    assert todays(text) == [(raw, "PRESENT_REF", "DATE")]


def test_until_this_day_is_a_present_reference() -> None:
    assert found("وظلت الصحيفة تصدر منذ تأسيسها وحتى هذا اليوم دون انقطاع") == [
        ("هذا اليوم", "PRESENT_REF", "DATE")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "كل من يؤمن بالله واليوم الآخر يرفض هذا العمل",
        "يمنع العمل من اليوم الـ15 من شهر يونيو إلى نهاية الصيف",
        "قال رئيس القسم الرياضي بجريدة اليوم إن الأندية لم تستفد",
        "قال أحد التجار لـ(مراسل اليوم) إن الأسعار ثابتة",
        "روجت قناتا (العراق الجديد) و(العراق اليوم) لأخبار كاذبة",
    ],
)
def test_the_last_day_a_numbered_day_and_papers_named_today_are_no_day(text: str) -> None:
    assert todays(text) == []
