"""The classes of precision samples 47-49 (bench/precision_sample.py) fixed after them.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

FRI = datetime(2015, 8, 7, 10, 0)  # Friday
TUE = datetime(2015, 8, 4, 10, 0)  # Tuesday


def found(text: str, published: datetime | None = FRI) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("يعود اللاعبون إلى التمارين غدا (السبت) في النادي", FRI, "2015-08-08"),
        ("تقام الحفلة غدا (الأربعاء) في القاعة الكبرى", TUE, "2015-08-05"),
        ("يصل الوفد بعد غد (الأحد) إلى العاصمة", FRI, "2015-08-09"),
    ],
)
def test_a_weekday_in_brackets_after_tomorrow_is_the_coming_one(
    text: str, published: datetime, day: str
) -> None:
    weekday = text.split("(")[1].split(")")[0]
    assert [v for t, v, _ in found(text, published) if t == weekday] == [day]


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("أعلنت الشركة أمس (الخميس) نتائجها الفصلية", FRI, "2015-08-06"),
        ("افتتح الوزير اليوم (الجمعة) المعرض الجديد", FRI, "2015-08-07"),
    ],
)
def test_a_weekday_in_brackets_after_yesterday_or_today_is_that_day(
    text: str, published: datetime, day: str
) -> None:
    assert {v for _, v, _ in found(text, published)} == {day}


@pytest.mark.parametrize(
    ("text", "first", "value"),
    [
        ("ارتفعت الصادرات في الفترة من يناير (كانون الثاني) حتى يونيو 2015", "يناير", "2015-01"),
        ("تراجعت المبيعات من مارس إلى مايو 2014 بنسبة كبيرة", "مارس", "2014-03"),
        ("انخفضت الأسعار من نوفمبر حتى فبراير 2015", "نوفمبر", "2014-11"),
    ],
)
def test_the_first_month_of_a_range_takes_the_year_that_closes_it(
    text: str, first: str, value: str
) -> None:
    assert [v for t, v, _ in found(text) if t.startswith(first)] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "ويحتاج الأطفال الذين يملؤون اليوم الملاعب الشعبية إلى رعاية",
        "هم الذين يديرون اليوم أكبر المصانع في البلاد",
        "كيف نحول الأموال التي تنفق اليوم إلى استثمارات منتجة",
        "وهو الحزب الذي يقوده اليوم جيل جديد",
        "يتذكر تلاميذه دروسه اليوم بعد رحيله عن الدنيا",
    ],
)
def test_today_of_a_lasting_present_is_nowadays(text: str) -> None:
    assert [v for t, v, _ in found(text) if "اليوم" in t] == ["PRESENT_REF"]


@pytest.mark.parametrize(
    "text",
    [
        "الحجاج الذين يصلون اليوم إلى المطار سينقلون إلى مكة",
        "اللاعبون الذين يواجهون اليوم الفريق الضيف جاهزون",
        "حفل الافتتاح الذي يقام اليوم في القاعة",
    ],
)
def test_today_of_an_event_in_a_relative_clause_stays_the_day(text: str) -> None:
    assert [v for t, v, _ in found(text) if "اليوم" in t] == ["2015-08-07"]


@pytest.mark.parametrize(
    "text",
    [
        "نسي هؤلاء أن أفضل أيام الله يوم الجمعة",
        "يجتمع الأصدقاء يوم الجمعة من كل أسبوع",
    ],
)
def test_a_weekday_in_a_general_statement_is_a_set(text: str) -> None:
    assert [(v, k) for _, v, k in found(text)] == [("XXXX-WXX-5", "SET")]


def test_the_first_date_of_a_range_of_every_year_is_a_set() -> None:
    text = "يمنع الصيد ما بين 15 من شهر يونيو إلى نهاية 15 من شهر سبتمبر من كل عام"
    assert [(v, k) for _, v, k in found(text)] == [("XXXX-06-15", "SET"), ("XXXX-09-15", "SET")]


def test_a_coming_month_follows_the_month_the_text_names_as_its_own() -> None:
    text = "يكتمل المشروع بنهاية شهر يونيو الجاري أو في أوائل شهر يوليو القادم"
    assert [v for _, v, _ in found(text)] == ["2015-06", "2015-07"]


def test_a_coming_month_with_no_month_of_the_text_counts_from_the_anchor() -> None:
    assert [v for _, v, _ in found("يكتمل المشروع في أوائل شهر يوليو القادم")] == ["2016-07"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("افتتح المتحف عام 1893، وفي العام التالي، عام 1894 انتقل إلى مبناه", "1894"),
        ("افتتح المتحف عام 1893 وفي العام التالي انتقل إلى مبناه", "1894"),
        ("فاز الفريق بالكأس في 2010 وخسرها في العام التالي", "2011"),
    ],
)
def test_the_following_year_after_a_year_of_the_story(text: str, value: str) -> None:
    assert [v for t, v, _ in found(text) if "التالي" in t] == [value]


def test_the_following_year_with_no_year_before_counts_from_the_anchor() -> None:
    assert found("ستبدأ المرحلة الثانية في العام التالي") == [("العام التالي", "2016", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "ناقش المؤتمر تحديد المناسبات الدينية، مثل بداية شهر رمضان والأعياد",
        "تكثر الزيارات العائلية في شهر رمضان من كل عام",
        "في كل عام مع بداية شهر رمضان ترتفع الأسعار",
    ],
)
def test_the_start_of_ramadan_in_general_is_no_date(text: str) -> None:
    assert [v for t, v, _ in found(text) if "رمضان" in t] == []


def test_the_start_of_ramadan_of_this_year_stays() -> None:
    assert found("أعلنت الوزارة في بداية شهر رمضان أن الدوام سيتغير") == [
        ("بداية شهر رمضان", "2015-06-18/2015-07-16", "DATE")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "هطلت أمطار غزيرة على مركز الصناعية بالخميس ومحافظة خميس مشيط",
        "اقترح المجلس أن يستبدل الخميس بالجمعة عطلة أسبوعية",
    ],
)
def test_a_weekday_with_bi_is_a_place_or_a_word_not_a_day(text: str) -> None:
    assert [t for t, _, _ in found(text) if t.startswith("بال")] == []


def test_a_weekday_with_bi_and_its_modifier_stays_a_day() -> None:
    assert found("وقع الحادث بالجمعة الماضية") == [("بالجمعة الماضية", "2015-07-31", "DATE")]


@pytest.mark.parametrize(
    "text",
    [
        "ظل العلاج حلما (صعبا/سهلا)، (قريباً/بعيداً) من أيدي الأطباء",
        "يقع المبنى قريبا / بعيدا عن وسط المدينة",
    ],
)
def test_near_to_or_far_from_is_no_time(text: str) -> None:
    assert found(text) == []


def test_soon_before_about_stays_the_future() -> None:
    assert found("ستعلن الوزارة قريبا عن النتائج") == [("قريبا", "FUTURE_REF", "DATE")]
