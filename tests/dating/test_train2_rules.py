"""Rules added from the second TimeML train set's misses (bench/data/timeml_train2.jsonl).

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

WED = datetime(2015, 8, 5, 12, 0)  # 20 Shawwal 1436, after Eid al-Fitr (17 July)


def found(text: str, published: datetime | None = WED) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("عقد الاجتماع الساعة الثالثة بعد الظهر في", "الساعة الثالثة بعد الظهر", "T15:00"),
        ("سجلت الحرارة الساعة 2 بعد الظهر أعلى", "الساعة 2 بعد الظهر", "T14:00"),
        ("وصل الوفد عند الرابعة بعد الظهيرة إلى", "الرابعة بعد الظهيرة", "T16:00"),
        # the time joined to its day across من بعد (precision sample 85).
        ("بدأ الحفل الخامسة من بعد ظهر اليوم", "الخامسة من بعد ظهر اليوم", "T17:00"),
    ],
)
def test_after_noon_is_the_afternoon(text: str, raw: str, value: str) -> None:
    assert (raw, f"2015-08-05{value}", "TIME") in found(text)


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("أصيب رجل في الخمسين من العمر بجروح", "الخمسين من العمر", "P50Y"),
        ("قرأ الكتاب وهو في العاشرة من عمره", "العاشرة من عمره", "P10Y"),
        ("فتاة في الخامسة عشرة من عمرها", "الخامسة عشرة من عمرها", "P15Y"),
        ("شاب في الخامسة والعشرين من عمره", "الخامسة والعشرين من عمره", "P25Y"),
        ("مثل شاب في الـ20 من عمره أمام القضاء", "الـ20 من عمره", "P20Y"),
    ],
)
def test_an_age_without_a_unit_is_a_duration(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DURATION")]
    assert found(text, None) == [(raw, value, "DURATION")]


def test_a_third_of_a_life_is_no_age() -> None:
    assert found("قضى الثلث الأخير من عمره في القرية") == []


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("أصيب أول أيام عيد الفطر المبارك في", "أول أيام عيد الفطر المبارك", "2015-07-17"),
        ("عرضت خلال فترة عيد الفطر الماضي على", "عيد الفطر الماضي", "2015-07-17"),
        ("وقع الحادث في ثالث أيام العيد، فيما", "ثالث أيام العيد", "2015-07-19"),
        ("يعود الموظفون بعد عيد الأضحى المقبل", "عيد الأضحى المقبل", "2015-09-23"),
    ],
)
def test_a_day_of_a_feast_is_a_date(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DATE")]


def test_a_feast_named_alone_is_an_occasion() -> None:
    assert found("هنأ المواطنين بمناسبة عيد الفطر المبارك") == []
    assert found("وقع الحادث في ثالث أيام العيد", None) == []


def test_the_feast_greeting_is_no_recurrence() -> None:
    assert found("قال: كل عام وأنتم بخير") == []
    assert found("يقام المهرجان كل عام في الرياض") == [("كل عام", "P1Y", "SET")]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("لم يصل أحد حتى اللحظة إلى الموقع", "حتى اللحظة", "PRESENT_REF"),
        ("منذ يومين وحتى هذه اللحظة لم", "وحتى هذه اللحظة", "PRESENT_REF"),
        ("سيتم تطبيقه مستقبلاً على جميع الفروع", "مستقبلاً", "FUTURE_REF"),
        ("التنظيم المعروف سابقًا باسم آخر", "سابقًا", "PAST_REF"),
    ],
)
def test_more_references_to_now_and_then(text: str, raw: str, value: str) -> None:
    assert (raw, value, "DATE") in found(text)
    assert (raw, value, "DATE") in found(text, None)


def test_a_future_as_a_noun_is_no_reference() -> None:
    assert found("توقع بأن له مستقبلاً كبيراً في الملاعب") == []
    assert found("ينتظرها مستقبلا مشرقا") == []
    assert found("في اللحظة الأخيرة سجل هدفا") == []


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("سيصل خلال الساعات القليلة المقبلة إلى", "الساعات القليلة المقبلة", "PTXH"),
        ("تشهد الأيام القليلة المقبلة تصاعدا", "الأيام القليلة المقبلة", "PXD"),
    ],
)
def test_the_few_coming_units_are_a_length(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DURATION")]


def test_once_every_two_years_is_a_recurrence() -> None:
    assert found("تعقد القمة مرة كل عامين في") == [("مرة كل عامين", "P2Y", "SET")]


def test_a_hijri_month_of_next_year_with_a_glued_preposition() -> None:
    got = found("ستقام التصفيات في شهر رمضان للعام المقبل بإذن الله")
    assert got == [("شهر رمضان للعام المقبل", "2016-06-06/2016-07-05", "DATE")]


def test_a_chronology_entry_is_a_year() -> None:
    text = "أبرز محطاته:\n2005: فاز بالكأس\n- 2007 - فاز بالدوري\nوفي المركز 2012 لاعبا"
    assert [(m.text, m.value) for m in extract_mentions(text, WED)] == [
        ("2005", "2005"),
        ("2007", "2007"),
    ]


def test_a_number_after_a_colon_inside_a_line_is_no_year() -> None:
    assert found("قال المتحدث: 2005 شخص حضروا") == []


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("ارتفعت الأسعار منذ مطلع العام بنسبة", "مطلع العام", "2015"),
        ("سيستمر العمل حتى نهاية الشهر، كما", "نهاية الشهر", "2015-08"),
        ("وصل في أواخر الشهر الماضي إلى", "أواخر الشهر الماضي", "2015-07"),
        ("يبدأ البرنامج مطلع العام المقبل في", "مطلع العام المقبل", "2016"),
    ],
)
def test_the_start_or_end_of_a_period_is_in_its_span(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DATE")]


def test_the_end_of_a_school_year_or_of_the_week_is_not_this_year() -> None:
    assert found("مع نهاية العام الدراسي يسافر") == []
    assert found("يزدحم السوق في نهاية الأسبوع") == []


def test_a_range_of_days_of_a_hijri_month() -> None:
    got = found("تعرض المسرحية (21 إلى 23 من شهر شوال) في الدمام")
    assert got == [("21 إلى 23 من شهر شوال", "2015-08-06/2015-08-08", "DATE")]
    assert found("من 25 إلى 23 شوال") == []


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("يطبق القرار اعتبارا من أول سبتمبر المقبل", "أول سبتمبر المقبل", "2015-09-01"),
        ("صام المسلمون منذ غرة شهر رمضان الماضي", "غرة شهر رمضان الماضي", "2015-06-18"),
    ],
)
def test_the_first_of_a_month_in_words(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DATE")]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("فاز بالبطولة العام قبل الماضي أيضا", "العام قبل الماضي", "2013"),
        ("عقد الاجتماع الشهر قبل الماضي في", "الشهر قبل الماضي", "2015-06"),
        ("وصل الجمعة قبل الماضية إلى", "الجمعة قبل الماضية", "2015-07-24"),
        ("وقع يوم الأربعاء قبل الماضي في", "يوم الأربعاء قبل الماضي", "2015-07-22"),
    ],
)
def test_the_one_before_last(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DATE")]


def test_midnight_sets_the_hour() -> None:
    got = found("وقع الانفجار الساعة الثانية بعد منتصف الليل في")
    assert got == [("الساعة الثانية بعد منتصف الليل", "2015-08-05T02:00", "TIME")]


# Classes from the precision sample of seed 20 (bench/data/precision_sample_20.tsv).


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("يمكنه سحب المبلغ الجمعة بعد المقبل، إذا", "الجمعة بعد المقبل", "2015-08-14"),
        ("تعقد الجلسة الأسبوع بعد المقبل في", "الأسبوع بعد المقبل", "2015-W34"),
        ("تنتهي الخطة العام بعد القادم كما", "العام بعد القادم", "2017"),
    ],
)
def test_the_one_after_next(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DATE")]


def test_a_quoted_documents_day_does_not_move_the_writers_today() -> None:
    sun = datetime(2015, 7, 26, 17, 0)
    text = "غادر جدة بعد ظهر أمس. ونص الأمر: لعزمنا على السفر هذا اليوم السبت التاسع من شوال"
    assert ("بعد ظهر أمس", "2015-07-25TAF", "TIME") in found(text, sun)
    # The writer's own "اليوم السبت" still says the crawl time is a day late.
    assert ("أمس", "2015-07-24", "DATE") in found("قال اليوم السبت إن الوفد وصل أمس", sun)


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("في كتابي بتاريخ 7 / يوليو /2015 م والذي", "7 / يوليو /2015 م", "2015-07-07"),
        ("اعتباراً من تاريخ 10/شوال / 1436هـ الساعة", "10/شوال / 1436هـ", "2015-07-26"),
    ],
)
def test_a_day_month_name_and_year_between_slashes(text: str, raw: str, value: str) -> None:
    assert (raw, value, "DATE") in found(text)


def test_the_citizen_of_today_is_nowadays() -> None:
    assert found("فالمواطن اليوم مهما كان يدرك ما يحدث") == [("اليوم", "PRESENT_REF", "DATE")]


# Classes from the precision sample of seed 21 (bench/data/precision_sample_21.tsv).


def test_a_level_in_the_forties_is_no_decade() -> None:
    assert found("يبقى السعر في بحر الأربعينات هذا الأسبوع") == [
        ("هذا الأسبوع", "2015-W32", "DATE")
    ]
    assert found("ازدهرت السينما في الأربعينات") == [("الأربعينات", "194X", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "تستقبل الطلبات طيلة أيام الأسبوع من السابعة صباحا وحتى منتصف الليل",
        "يمنع العمل من الساعة 12 ظهراً إلى الساعة 3 مساءً خلال الفترة من يونيو",
    ],
)
def test_daily_hours_are_no_time_on_the_publication_day(text: str) -> None:
    assert [kind for _, _, kind in found(text) if kind == "TIME"] == []


def test_a_clock_time_of_the_day_keeps_its_value() -> None:
    got = found("وصل الوفد الساعة العاشرة صباحا خلال زيارته")
    assert got == [("الساعة العاشرة صباحا", "2015-08-05T10:00", "TIME")]


def test_the_same_year_is_the_year_written_before() -> None:
    text = "وصفها في يناير 2011 بأنها ثورة، لكنه في 21 أكتوبر من العام نفسه يصف"
    assert ("21 أكتوبر من العام نفسه", "2011-10-21", "DATE") in found(text)


# Across the precision samples the commonest error is اليوم meaning "nowadays".


@pytest.mark.parametrize(
    "text",
    [
        "وأنا اليوم لا أدري ماذا كان شعوري",
        "المزاج اليوم مختلف عما كان",
        "إن الأمة اليوم كما هي في كل عصر",
        "تعتبر اليوم من أهم المدن",
        "نحن اليوم أمام تحد كبير",
    ],
)
def test_today_as_nowadays(text: str) -> None:
    assert ("اليوم", "PRESENT_REF", "DATE") in found(text)


@pytest.mark.parametrize(
    "text", ["قال المتحدث اليوم إن الوفد وصل", "وصل الوفد اليوم إلى الرياض", "بهجمات اليوم يرتفع"]
)
def test_today_as_the_day(text: str) -> None:
    assert ("اليوم", "2015-08-05", "DATE") in found(text)


def test_the_second_decade_of_a_life_is_no_age_of_two() -> None:
    assert found("توفي شاب في العقد الثاني من عمره أمس") == [("أمس", "2015-08-04", "DATE")]
    assert found("في العام الأول من عمرها") == []
