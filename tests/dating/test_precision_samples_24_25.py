"""The error classes of precision samples 24-25 (bench/precision_sample.py), one test each.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

WED = datetime(2015, 8, 5, 12, 0)  # Wednesday 20 Shawwal 1436, after Ramadan
SHABAN = datetime(2015, 6, 10, 9, 0)  # 23 Sha'ban 1436, a week before Ramadan


def found(text: str, published: datetime | None = WED) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "ويكون حظر التجوال من السابعة مساء وحتى السادسة من صباح اليوم التالي",
        "فرضت السلطات حظر التجول من الساعة الثامنة مساء حتى الخامسة صباحا لمدة شهر",
        "حيث يبدأ الحظر من الساعة العاشرة مساء حتى السادسة صباحا",
    ],
)
def test_the_hours_of_a_curfew_are_every_night(text: str) -> None:
    times = [m for m in found(text) if m[2] != "DURATION"]
    assert len(times) == 2
    assert all(value.startswith("XXXX-XX-XXT") and kind == "SET" for _, value, kind in times)


def test_an_hour_without_a_ban_stays_on_its_day() -> None:
    assert found("وصل الوفد المحظور دخوله في الساعة السابعة مساء") == [
        ("الساعة السابعة مساء", "2015-08-05T19:00", "TIME")
    ]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("وصل الوزير في الساعة العاشرة وعشرين دقيقة صباحا", "الساعة العاشرة وعشرين دقيقة صباحا",
         "2015-08-05T10:20"),
        ("بدأ الاجتماع الساعة الثانية وخمس وعشرين دقيقة ظهرا", "الساعة الثانية وخمس وعشرين دقيقة ظهرا",
         "2015-08-05T14:25"),
        ("انطلقت الرحلة الساعة السابعة و15 دقيقة مساء", "الساعة السابعة و15 دقيقة مساء",
         "2015-08-05T19:15"),
        ("أغلق الباب الساعة الخامسة إلا ثلثا مساء", "الساعة الخامسة إلا ثلثا مساء",
         "2015-08-05T16:40"),
    ],
)  # fmt: skip
def test_minutes_in_words_after_an_hour(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "TIME")]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("قضت المحكمة بسجنه عاما وستة أشهر مع النفاذ", "عاما وستة أشهر", "P1Y6M"),
        ("بقي في المستشفى شهرا و15 يوما قبل", "شهرا و15 يوما", "P1M15D"),
        ("استمر البحث عن المفقودين يومين و5 ساعات", "يومين و5 ساعات", "P2DT5H"),
        ("غاب عن الفريق أسبوعا وثلاثة أيام", "أسبوعا وثلاثة أيام", "P1W3D"),
        ("قضى في السجن عاما ونصف", "عاما ونصف", "P18M"),
    ],
)
def test_a_length_in_two_units_with_the_accusative_singular(
    text: str, raw: str, value: str
) -> None:
    assert found(text) == [(raw, value, "DURATION")]


def test_a_lone_accusative_singular_is_still_no_length() -> None:
    assert found("قضى عاما في السجن") == []


@pytest.mark.parametrize(
    "text",
    [
        "حصلت الشركة على ستة عقود استشارية لتصميم الطرق",
        "ولكل مشروع إنشائي عقود استشارية من خمسة إلى ستة عقود",
        "وقعت الوزارة عقدين مع شركة محلية لتوريد الأدوية",
    ],
)
def test_contracts_are_no_decades(text: str) -> None:
    assert [m for m in found(text) if m[2] == "DURATION"] == []


def test_decades_away_from_contracts_stay_decades() -> None:
    assert found("حكم الحزب البلاد على مدى ستة عقود. ووقعت الشركة العقد") == [
        ("ستة عقود", "P60Y", "DURATION")
    ]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("تغيرت مصر كثيرا منذ ثورة 25 يناير", "25 يناير", "XXXX-01-25"),
        ("احتفل الجيش بذكرى حرب 6 أكتوبر", "6 أكتوبر", "XXXX-10-06"),
        ("تغيرت السياسة الأمريكية بعد أحداث 11 سبتمبر", "11 سبتمبر", "XXXX-09-11"),
    ],
)
def test_an_event_named_by_its_day_is_not_this_years_day(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DATE")]
    assert found(text, None) == [(raw, value, "DATE")]


def test_a_day_with_its_year_in_an_events_name_keeps_its_value() -> None:
    assert found("بعد أحداث 11 سبتمبر 2001 تغير العالم") == [
        ("11 سبتمبر 2001", "2001-09-11", "DATE")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "أعلن الرئيس العام السابق لرعاية الشباب إنشاء صندوق",
        "وقال الأمين العام السابق للأمم المتحدة إن الحل سياسي",
        "وأكد النائب العام الحالي أن التحقيق مستمر",
        "وقال المدير العام الماضي للشركة إن الأرباح تضاعفت",
    ],
)
def test_general_in_a_title_is_no_year(text: str) -> None:
    assert found(text) == []


def test_last_year_after_a_president_stays_a_year() -> None:
    assert found("زار الرئيس العام الماضي الرياض") == [("العام الماضي", "2014", "DATE")]


def test_a_hijri_range_ends_after_its_start() -> None:
    # Read after Ramadan (a late crawl), رمضان المقبل alone would be next year's; in a
    # range from 29 Sha'ban it is the Ramadan that follows.
    text = "وذلك خلال الفترة من 29 شعبان الجاري حتى الخامس من رمضان المقبل"
    assert found(text, datetime(2015, 7, 21, 2, 25)) == [
        ("29 شعبان الجاري حتى الخامس من رمضان المقبل", "2015-06-16/2015-06-22", "DATE")
    ]
    assert found(text, SHABAN) == [
        ("29 شعبان الجاري حتى الخامس من رمضان المقبل", "2015-06-16/2015-06-22", "DATE")
    ]


def test_a_gregorian_range_across_new_year_ends_after_its_start() -> None:
    assert found("من 20 نوفمبر الماضي حتى 5 يناير المقبل", WED) == [
        ("20 نوفمبر الماضي حتى 5 يناير المقبل", "2014-11-20/2015-01-05", "DATE")
    ]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("ارتفعت الأرباح خلال الربع الأول من العام الجاري بنسبة 5%", "الربع الأول من العام الجاري",
         "2015-Q1"),
        ("وفي الربع الثاني من 2014 تراجعت المبيعات", "الربع الثاني من 2014", "2014-Q2"),
        ("في الربع الأخير من العام الماضي", "الربع الأخير من العام الماضي", "2014-Q4"),
        ("خلال النصف الثاني من عام 2016", "النصف الثاني من عام 2016", "2016-H2"),
        ("نما الاقتصاد في النصف الأول من العام", "النصف الأول من العام", "2015-H1"),
    ],
)  # fmt: skip
def test_quarters_and_halves_of_a_year(text: str, raw: str, value: str) -> None:
    (mention,) = extract_mentions(text, WED)
    assert (mention.text, mention.value, mention.type) == (raw, value, "DATE")
    assert mention.date.start is not None and mention.date.end is not None
    months = 3 if value[5] == "Q" else 6
    assert 89 * months // 3 <= (mention.date.end - mention.date.start) // 86400 <= 92 * months // 3


def test_a_quarter_without_a_year_is_left_out_or_open() -> None:
    assert found("ارتفعت الأرباح خلال الربع الأول") == []
    assert found("بدأ الأثر خلال الربع الأول من العام المالي") == []
    assert found("خلال الربع الأول من العام الجاري", None) == [
        ("الربع الأول من العام الجاري", "XXXX-Q1", "DATE")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ويحكم المقاتلون اليوم السيطرة على الشريط الحدودي",
        "تعاني المنطقة اليوم من أزمة مياه",
        "لأن زبون اليوم لا يطيق الانتظار",
    ],
)
def test_today_after_a_lasting_state_is_nowadays(text: str) -> None:
    assert found(text) == [("اليوم", "PRESENT_REF", "DATE")]


@pytest.mark.parametrize("text", ["يلتقي الفريق اليوم نظيره في الدوري", "يصل الأمير اليوم إلى جدة"])
def test_today_of_a_coming_event_stays_the_day(text: str) -> None:
    assert found(text) == [("اليوم", "2015-08-05", "DATE")]
