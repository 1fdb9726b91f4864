"""The classes of precision samples 41-43 (bench/precision_sample.py) fixed after them.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SAT = datetime(2015, 8, 8, 10, 0)  # Saturday


def found(text: str, published: datetime | None = SAT) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("عاش هذا النوع من البشر قبل 320 ألف سنة في الكهوف", "320 ألف سنة", "P320000Y"),
        ("تشكلت هذه الصخور منذ 75 ألف عام على الأقل", "75 ألف عام", "P75000Y"),
        ("يقدر عمر الحفرية بنحو ثلاثمائة ألف سنة تقريبا", "ثلاثمائة ألف سنة", "P300000Y"),
        ("تعمل الآلة مدة 40 ألف ساعة دون توقف", "40 ألف ساعة", "PT40000H"),
        ("بنيت المدينة قبل خمسة آلاف عام على ضفة النهر", "خمسة آلاف عام", "P5000Y"),
        ("تحدث الفيلسوف عن العالم بعد ألف عام من الآن", "ألف عام", "P1000Y"),
    ],
)
def test_a_number_before_a_thousand_is_read_with_it(text: str, raw: str, value: str) -> None:
    assert found(text)[0] == (raw, value, "DURATION")


@pytest.mark.parametrize(
    "text",
    [
        "يبلغ عمر الكوكب نحو 4.5 ألف مليون سنة",
        "عاشت هذه الكائنات قبل 1.2 ألف سنة تقريبا",
        "انقرضت هذه الحيوانات منذ 3 ملايين سنة",
    ],
)
def test_a_thousand_after_a_fraction_or_with_millions_is_left_out(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("انفجرت سيارة مفخخة قبل أمس الخميس قرب السوق", "قبل أمس الخميس"),
        ("أدان المجلس الهجوم الذي وقع، قبل أمسِ الخميس، في المدينة", "قبل أمسِ الخميس"),
        ("أعلنت الوزارة قبل أمس النتائج النهائية", "قبل أمس"),
    ],
)
def test_the_day_before_yesterday_with_qabla(text: str, raw: str) -> None:
    assert found(text) == [(raw, "2015-08-06", "DATE")]


def test_yesterday_with_its_weekday_is_kept() -> None:
    assert found("أعلنت الوزارة أمس الجمعة النتائج") == [("أمس الجمعة", "2015-08-07", "DATE")]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("عرفت البشرية الكتابة قبل ألفي سنة (2000) أو أكثر", "ألفي سنة", "P2000Y"),
        ("شيدت القلعة قبل ألف عام (1000) على التل", "ألف عام", "P1000Y"),
    ],
)
def test_a_length_with_its_figure_in_brackets_is_no_year(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DURATION")]


def test_a_year_in_brackets_after_its_noun_is_kept() -> None:
    assert found("تأسس النادي في سنة (1998) بمدينة جدة") == [("سنة (1998", "1998", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "استقبل المحافظ العقيد سامي أبو قرنين في مكتبه",
        "شارك اللاعب خالد بن يومين في المباراة الودية",
        "قال المهندس أحمد أبو شهرين إن المشروع تأخر",
    ],
)
def test_a_family_name_holding_a_unit_is_no_length(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("استمرت الحرب قرنين كاملين", "قرنين", "P200Y"),
        ("يرقد الطفل ابن عامين في المستشفى", "عامين", "P2Y"),
    ],
)
def test_a_unit_after_no_family_name_stays_a_length(text: str, raw: str, value: str) -> None:
    assert found(text)[0] == (raw, value, "DURATION")


@pytest.mark.parametrize(
    "text",
    [
        "عندما نتأمل اليوم خريطة المنطقة نرى تحولات كبيرة",
        "وحين نقرأ اليوم تاريخ المدينة نفهم حاضرها",
        "طور العالم المصابيح التي تستخدم اليوم في معظم البيوت",
        "هذه هي الطريقة التي يستعملها اليوم أغلب المزارعين",
        "تقدر عدد الطائرات التي تمتلكها اليوم بالعشرات",
        "حيث يوجد اليوم أكثر من مئة مصنع في المدينة",
    ],
)
def test_today_of_a_general_present_is_nowadays(text: str) -> None:
    assert found(text) == [("اليوم", "PRESENT_REF", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "المؤتمر الذي ينتهي اليوم في جدة ناقش قضايا عديدة",
        "عندما يصل الوفد اليوم تبدأ المحادثات",
        "تستخدم الشرطة اليوم طائرات مسيرة لمراقبة الطرق",
    ],
)
def test_today_of_an_event_stays_the_day(text: str) -> None:
    assert found(text) == [("اليوم", "2015-08-08", "DATE")]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        (
            "افتتح المهرجان أمس، وتقام عروضه من المغرب وحتى الساعة العاشرة مساء كل يوم",
            "الساعة العاشرة مساء",
            "XXXX-XX-XXT22:00",
        ),
        (
            "افتتح المعرض أمس، ويستقبل زواره حتى الساعة 11 مساء طوال أيام الأسبوع يوميا",
            "الساعة 11 مساء",
            "XXXX-XX-XXT23:00",
        ),
    ],
)
def test_a_clock_time_of_a_daily_schedule_is_no_days_time(text: str, raw: str, value: str) -> None:
    assert found(text)[1] == (raw, value, "SET")


def test_a_clock_time_on_the_day_is_kept() -> None:
    assert found("وصل الوفد الساعة العاشرة مساء أمس") == [
        ("الساعة العاشرة مساء أمس", "2015-08-07T22:00", "TIME")
    ]


def test_a_count_of_thousands_before_a_year_is_no_length() -> None:
    assert found("أصاب المرض 312 ألفا عام 2013 في القارة") == [("عام 2013", "2013", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "عثر على أدوات يعود تاريخها إلى 12 ألف سنة قبل الميلاد",
        "بنيت المدينة نحو 300 سنة قبل الميلاد",
    ],
)
def test_a_count_of_years_before_the_era_is_no_length(text: str) -> None:
    assert found(text) == []
