"""The classes of precision samples 50-52 (bench/precision_sample.py) fixed after them.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

WED = datetime(2015, 8, 5, 10, 0)  # Wednesday
THU = datetime(2015, 8, 6, 10, 0)  # Thursday


def found(text: str, published: datetime | None = WED) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("بلغت المبيعات في يوليو 4.2 مليار بتراجع نسبته 12.5% عن الشهر السابق", "2015-06"),
        ("ارتفع الإنتاج في مايو (أيار) بنسبة 3.1 في المئة مقارنة بالشهر الماضي", "2015-04"),
        ("تراجع المؤشر في مارس 2013 عن الشهر السابق", "2013-02"),
        ("رفعت الشركة سعر الشحن في سبتمبر بالمقارنة مع الشهر السابق", "2015-08"),
    ],
)
def test_the_month_before_a_named_month_counts_back_from_it(text: str, value: str) -> None:
    assert [v for t, v, _ in found(text) if "الشهر" in t] == [value]


def test_the_past_month_with_no_month_named_is_the_anchors() -> None:
    assert found("ارتفعت الأسعار مقارنة بالشهر الماضي") == [("بالشهر الماضي", "2015-07", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "وتشير توقعات الأرصاد إلى أمطار غزيرة يوم الاثنين على المرتفعات",
        "ويحتمل أن يكون يوم الاثنين حارا في معظم المناطق",
    ],
)
def test_a_weekday_in_a_forecast_is_the_coming_one(text: str) -> None:
    assert [v for t, v, _ in found(text) if "الاثنين" in t] == ["2015-08-10"]


@pytest.mark.parametrize(
    "text",
    [
        "حققت الدراما المحلية.. «غداً نلتقي» نسبة مشاهدة عالية",
        "وعرض مسلسل «غدا نلتقي في المدينة» على القناة",
        'وشارك في فيلم "أمس" الذي عرض في المهرجان',
    ],
)
def test_a_date_word_opening_a_quoted_title_is_no_date(text: str) -> None:
    assert [t for t, _, _ in found(text) if "غد" in t or "مس" in t] == []


def test_a_date_word_quoted_alone_or_in_a_speech_stays_a_date() -> None:
    assert ("أمس", "2015-08-04", "DATE") in found("وبلغ السعر في تعاملات اليوم «أمس» أعلى مستوياته")
    assert ("غداً", "2015-08-06", "DATE") in found("قال الوزير: «غداً سنعلن النتائج كاملة»")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("يغيب اللاعب عن الملاعب ما بين ستة وثمانية أسابيع", "P8W"),
        ("حكمت المحكمة عليهم بالسجن بين ثلاث وسبع سنوات", "P7Y"),
        ("تستغرق العملية من ثلاثة إلى خمسة أيام", "P5D"),
        ("تستمر الدورة بين 6 و8 أشهر", "P8M"),
    ],
)
def test_a_range_of_lengths_is_its_upper_bound_never_the_sum(text: str, value: str) -> None:
    assert [v for _, v, t in found(text) if t == "DURATION"] == [value]


def test_a_compound_number_of_units_and_tens_is_still_added() -> None:
    assert found("أمضى في المنصب خمسة وعشرين عاما") == [("خمسة وعشرين عاما", "P25Y", "DURATION")]


@pytest.mark.parametrize(
    "text",
    [
        "تم تأجيل الحفل إلى اليوم الخميس في القاعة نفسها",
        "يستمر المعرض حتى اليوم الخميس في مركز المدينة",
        "يستمر المعرض الذي نلاحظ إقبال الشباب عليه حتى اليوم الخميس",
    ],
)
def test_today_with_its_weekday_is_that_day_even_after_until(text: str) -> None:
    assert [v for t, v, _ in found(text, THU) if "اليوم" in t] == ["2015-08-06"]


def test_until_today_alone_stays_the_present() -> None:
    assert found("لم يصدر أي قرار حتى اليوم") == [("حتى اليوم", "PRESENT_REF", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "انتهت مدة عقد لاعب الوسط مع ناديه",
        "وقع المدرب على تمديد عقد العمل لمدة عامين",
        "تتضمن الاتفاقية تجديد عقد الإيجار للمبنى",
        "كشف النادي عن مدة عقد المهاجم الجديد",
    ],
)
def test_a_lone_contract_in_construct_is_no_decade(text: str) -> None:
    assert [v for t, v, _ in found(text) if "عقد" in t] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("عاش في المدينة لمدة عقد كامل", "P10Y"), ("غادر البلاد منذ عقد من الزمن", "P10Y")],
)
def test_a_lone_decade_stays_a_length(text: str, value: str) -> None:
    assert [v for t, v, _ in found(text) if "عقد" in t] == [value]


def test_yesterday_with_the_stamps_own_weekday_is_the_day_before() -> None:
    text = "وأعلنت الوزارة أمس الأربعاء عن القرار. وعقدت اللجنة اجتماعها أمس في المقر"
    assert [v for t, v, _ in found(text, WED) if "أمس" in t] == ["2015-08-04", "2015-08-04"]


def test_yesterday_with_the_day_befores_weekday_is_unchanged() -> None:
    assert found("وأعلنت الوزارة أمس الثلاثاء عن القرار", WED) == [
        ("أمس الثلاثاء", "2015-08-04", "DATE")
    ]


@pytest.mark.parametrize(
    "text",
    ["ونفاجأ اليوم بمن يدعو إلى ذلك", "كما نشاهد اليوم في كل مكان", "ونستغرب اليوم من هذا الموقف"],
)
def test_today_after_we_are_surprised_or_watch_is_nowadays(text: str) -> None:
    assert [v for t, v, _ in found(text) if "اليوم" in t] == ["PRESENT_REF"]


def test_then_and_now_are_vague() -> None:
    assert found("المخاطر التي كانت بالأمس بعيدة عنا واليوم أصبحت حقيقة") == [
        ("بالأمس", "PAST_REF", "DATE"),
        ("واليوم", "PRESENT_REF", "DATE"),
    ]


def test_yesterday_and_today_of_two_events_stay_the_days() -> None:
    assert ("بالأمس", "2015-08-04", "DATE") in found("وصل الوفد بالأمس واليوم يلتقي الوزير")


@pytest.mark.parametrize(
    "text",
    ["حفظ الله بلادنا وكل عام والجميع بخير", "كل عام والأمة الإسلامية بخير وعافية"],
)
def test_the_feast_greeting_is_no_set(text: str) -> None:
    assert found(text) == []


def test_a_past_weekday_near_expectations_stays_the_last_one() -> None:
    text = "تراجعت الأسهم مع توقعات بمزيد من الخسائر بعد موجة بيع يوم الاثنين"
    assert [v for t, v, _ in found(text) if "الاثنين" in t] == ["2015-08-03"]


def test_a_decade_of_time_before_with_stays_a_length() -> None:
    text = "هبط الفريق بعد قرن وعقد من الزمن مع العلم أنه عريق"
    assert [v for t, v, _ in found(text) if "عقد" in t] == ["P10Y"]
