"""The classes of precision samples 36-40 (bench/precision_sample.py) fixed after them.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

MON = datetime(2015, 8, 10, 10, 0)  # Monday 25 Shawwal 1436


def found(text: str, published: datetime | None = MON) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        (
            "ولد الشاعر في الخامس من شهر مارس من العام ألف وتسعمائة وخمسة وستين في القاهرة",
            "الخامس من شهر مارس من العام ألف وتسعمائة وخمسة وستين",
            "1965-03-05",
        ),
        (
            "تأسست الشركة في مارس سنة ألفين وخمسة وقد نمت بسرعة",
            "مارس سنة ألفين وخمسة",
            "2005-03",
        ),
        (
            "وصل الرحالة في 12 رجب عام ألف وأربعمائة وعشرين للهجرة",
            "12 رجب عام ألف وأربعمائة وعشرين",
            "1999-10-21",
        ),
    ],
)
def test_a_year_written_in_words_is_the_dates_year(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DATE")]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        (
            "ارتفعت الصادرات خلال الستة أشهر الأولى من العام الجاري 2015 مقارنة بغيرها",
            "الستة أشهر الأولى من العام الجاري",
            "2015-H1",
        ),
        (
            "ارتفعت الصادرات خلال الأشهر الثلاثة الأخيرة من عام 2014 بنسبة كبيرة",
            "الأشهر الثلاثة الأخيرة من عام 2014",
            "2014-Q4",
        ),
        (
            "تراجعت المبيعات في الشهرين الأولين من العام الماضي بنسبة كبيرة",
            "الشهرين الأولين من العام الماضي",
            "2014-01/2014-02",
        ),
        (
            "ارتفعت الأرباح في التسعة أشهر الأولى من العام 2015م بنسبة كبيرة",
            "التسعة أشهر الأولى من العام 2015م",
            "2015-01/2015-09",
        ),
    ],
)
def test_the_first_or_last_months_of_a_year_are_that_part_of_it(
    text: str, raw: str, value: str
) -> None:
    assert found(text) == [(raw, value, "DATE")]


def test_the_first_months_of_a_hijri_year_stay_a_length() -> None:
    assert found("وخلال التسعة أشهر الأولى من العام الحالي 1436هـ زادت الطلبات")[0] == (
        "التسعة أشهر",
        "P9M",
        "DURATION",
    )


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("وضعت الجمعية خطة للثلاثة الأشهر القادمة لتوزيع الغذاء", "للثلاثة الأشهر القادمة", "P3M"),
        ("تلقى المركز خلال الخمسة الأيام الماضية مئات البلاغات", "الخمسة الأيام الماضية", "P5D"),
    ],
)
def test_a_count_before_the_next_or_last_units_is_a_length(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DURATION")]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("قال إنه أول يوم منذ ستة أسابيع يخرج فيه من البيت", "منذ ستة أسابيع", "P6W"),
        ("وبلغ سعر المعدن أعلى مستوى له منذ عامين في السوق", "منذ عامين", "P2Y"),
        ("فاز النادي بالكأس للمرة الأولى منذ 12 عاما وسط فرحة جماهيره", "منذ 12 عاما", "P12Y"),
    ],
)
def test_the_first_or_highest_in_a_while_is_a_length(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DURATION")]


def test_a_while_ago_is_still_a_date_counted_back() -> None:
    assert found("زار الوزير المدينة منذ ستة أسابيع") == [("منذ ستة أسابيع", "2015-W27", "DATE")]


@pytest.mark.parametrize(
    "text",
    ["فاز الفريق 3/صفر على ضيفه في الجولة الثانية", "وانتهت المباراة بفوز المضيف 2/ صفر."],
)
def test_a_score_with_a_slash_is_not_safar(text: str) -> None:
    assert found(text) == []


def test_a_safar_date_with_a_slash_and_its_year_stays() -> None:
    assert found("يحتفل الناس في 5/صفر/1437 هـ بذكرى التأسيس") == [
        ("5/صفر/1437 هـ", "2015-11-17", "DATE")
    ]


def test_the_verb_appeared_before_today_is_no_noon() -> None:
    assert found("بعد أيام من الحادثة، ظهر اليوم مقطع مصور جديد للواقعة") == [
        ("اليوم", "2015-08-10", "DATE")
    ]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("وصل الوزير ظهر اليوم إلى الرياض", "ظهر اليوم"),
        ("تلقت الشرطة ظهر اليوم بلاغا عن الحادث", "ظهر اليوم"),
        ("ظهر اليوم الجمعة وصل الوفد إلى المدينة", "ظهر اليوم الجمعة"),
    ],
)
def test_noon_today_stays_a_time(text: str, raw: str) -> None:
    assert [(t, ty) for t, _, ty in found(text)] == [(raw, "TIME")]


def test_each_of_those_days_is_no_recurrence() -> None:
    text = "تقام المهرجانات سبعة أيام، يشارك كل يوم منها فريق من الفنانين"
    assert found(text) == [("سبعة أيام", "P7D", "DURATION")]


@pytest.mark.parametrize(
    "text",
    ["يزور المتحف كل يوم آلاف السياح", "حققت الشركة مبيعات قوية في كل شهر من هذا العام"],
)
def test_every_day_stays_a_recurrence(text: str) -> None:
    assert found(text)[0][2] == "SET"


@pytest.mark.parametrize(
    "text",
    [
        "وقال الخبراء إن من واجب الحكومات اليوم أن تراجع سياساتها",
        "ويخشى المحللون أن أي تراجع مشابه اليوم يمكن أن يضر بالاقتصاد",
        "لقد أخطأت الإدارة سنوات، اليوم فقط تعترف بأخطائها",
        "إنهم يروجون اليوم انتصارا وهميا",
    ],
)
def test_today_as_what_may_must_or_is_claimed_now_is_nowadays(text: str) -> None:
    assert found(text) == [("اليوم", "PRESENT_REF", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "اعتبارا من اليوم يمكن للمواطنين التسجيل في الموقع",
        "ويستمر العرض اليوم فقط.",
        "وأعلن الوزير اليوم أن الحكومة ستراجع سياساتها",
    ],
)
def test_today_the_day_stays_the_day(text: str) -> None:
    assert found(text) == [("اليوم", "2015-08-10", "DATE")]
