"""The classes of precision samples 44-46 (bench/precision_sample.py) fixed after them.

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
    "text",
    [
        "قال المدير في كلمته: «اليوم نرى تزايدا في الخلافات بين الجيران",
        "واليوم نعيش مرحلة صعبة من تاريخ المدينة",
        "وكلنا اليوم نلمس أثر هذه السياسات في الأسواق",
        "هذه الموارد التي نعتبرها اليوم أساس الصناعة لن تدوم طويلا",
        "إن المشكلات التي نعتقدها اليوم صغيرة ستكبر مع الوقت",
        "فما بالنا اليوم نجد من يكتب للشهرة وحدها",
    ],
)
def test_today_beside_a_verb_of_our_seeing_or_judging_is_nowadays(text: str) -> None:
    assert [v for t, v, _ in found(text) if "اليوم" in t] == ["PRESENT_REF"]


@pytest.mark.parametrize(
    "text",
    [
        "وصل الوفد اليوم إلى المدينة",
        "نحتفل اليوم بافتتاح المعرض الجديد",
        "نلتقي اليوم بالفريق المنافس في الملعب",
        "نستقبل اليوم ضيوفنا من الخارج",
    ],
)
def test_today_of_an_event_stays_the_day(text: str) -> None:
    assert [(t, v) for t, v, _ in found(text)] == [("اليوم", "2015-08-08")]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("شكا المريض من ألم في ظهره منذ سبع سنين وقد جرب كل دواء", "منذ سبع سنين"),
        ("كان الشيخ يسكن هذا الوادي منذ عشر سنين كما تروي الحكاية", "منذ عشر سنين"),
        ("لم يزر أهله منذ 5 سنين", "منذ 5 سنين"),
    ],
)
def test_since_with_the_literary_plural_of_years_is_a_length(text: str, raw: str) -> None:
    number = {"سبع": 7, "عشر": 10, "5": 5}[raw.split()[1]]
    assert found(text) == [(raw, f"P{number}Y", "DURATION")]


def test_since_with_the_usual_plural_of_years_keeps_its_year() -> None:
    assert found("افتتح المصنع منذ سبع سنوات في المنطقة الصناعية") == [
        ("منذ سبع سنوات", "2008", "DATE")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "سننتظر ما تأتي به الأيام، وإن غداً لناظره قريب",
        "لا نستعجل الحكم فإن غدًا لناظره قريب",
        "والأيام ستكشف كل شيء، إن غدا لناظريه قريب",
    ],
)
def test_the_proverb_of_tomorrow_is_no_day(text: str) -> None:
    assert found(text) == []


def test_tomorrow_of_an_event_stays_the_day() -> None:
    assert found("يعقد المجلس غداً اجتماعه الأول") == [("غداً", "2015-08-09", "DATE")]


def test_the_year_before_counts_from_the_same_year_named_far_back() -> None:
    text = (
        "وأوضح المدير في حديثه عن التقرير السنوي 2012م أن المصنع الجديد يعد إضافة كبيرة "
        "لقدرات الشركة في تلبية طلب الأسواق المحلية والخارجية من منتجاتها المتنوعة عبر شبكة "
        "واسعة من الموزعين المنتشرين في مختلف المدن والمحافظات والقرى القريبة والبعيدة، كما "
        "أسهم في توفير فرص العمل وبلغت مبيعاته في العام نفسه مليون طن بزيادة 8% عن العام السابق."
    )
    assert ("العام السابق", "2011", "DATE") in found(text)


def test_the_same_year_in_the_sentence_before_carries_its_year() -> None:
    text = (
        "صدر تقرير الشركة عن عام 2012م. وقد بلغت المبيعات في العام ذاته "
        "حجما قياسيا بزيادة 8% عن العام السابق"
    )
    assert ("العام السابق", "2011", "DATE") in found(text)


def test_the_year_before_with_no_same_year_counts_from_the_stamp() -> None:
    text = "تأسست الشركة عام 2005. وارتفعت أرباحها هذا العام بنسبة 5% عن العام السابق"
    assert ("العام السابق", "2014", "DATE") in found(text)


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        (
            "يعرض البرنامج من الأحد إلى الخميس في تمام الساعة 07:00 مساء على القناة الأولى",
            "الساعة 07:00 مساء",
            "XXXX-XX-XXT19:00",
        ),
        (
            "تفتح المكتبة أبوابها من يوم السبت حتى يوم الأربعاء من الساعة الثامنة صباحا",
            "الساعة الثامنة صباحا",
            "XXXX-XX-XXT08:00",
        ),
        (
            "يقدم المذيع برنامجه من الثلاثاء إلى السبت عند الساعة 9 مساء",
            "الساعة 9 مساء",
            "XXXX-XX-XXT21:00",
        ),
    ],
)
def test_a_range_of_weekdays_with_a_clock_time_is_a_weekly_schedule(
    text: str, raw: str, value: str
) -> None:
    assert found(text) == [(raw, value, "SET")]


def test_a_weekday_with_a_clock_time_stays_a_moment() -> None:
    assert found("تعقد الجلسة يوم الخميس الساعة السابعة مساء في القاعة") == [
        ("يوم الخميس الساعة السابعة مساء", "2015-08-13T19:00", "TIME")
    ]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        (
            "أفادت مصادر محلية الخميس بأن الشرطة اعتقلت الليلة الماضية ثلاثة رجال",
            "الليلة الماضية",
            "2015-08-05TNI",
        ),
        (
            "ذكرت الوكالة يوم الأربعاء أن الطائرة هبطت مساء أمس في المطار",
            "مساء أمس",
            "2015-08-04TEV",
        ),
        ("أعلن الجيش الخميس أنه قتل أمس عشرة مسلحين", "أمس", "2015-08-05"),
    ],
)
def test_last_night_counts_from_the_weekday_of_the_report(text: str, raw: str, value: str) -> None:
    assert (raw, value) in [(t, v) for t, v, _ in found(text)]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("اعتقلت الشرطة الليلة الماضية ثلاثة رجال", "الليلة الماضية", "2015-08-07TNI"),
        ("قالت الوزارة أمس إن الطائرة هبطت في المطار", "أمس", "2015-08-07"),
        # the writer's own yesterday, named again: the same day
        (
            "أفادت الإذاعة أمس الجمعة بأن الشرطة داهمت صباح الأمس عدة مواقع",
            "صباح الأمس",
            "2015-08-07TMO",
        ),
    ],
)
def test_last_night_with_no_report_weekday_counts_from_today(
    text: str, raw: str, value: str
) -> None:
    assert (raw, value) in [(t, v) for t, v, _ in found(text)]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        (
            "أقيم الحفل مساء أمس الأول واستمر الغناء فيه حتى الساعة الثالثة صباحاً",
            "الساعة الثالثة صباحاً",
            "2015-08-07T03:00",
        ),
        (
            "بدأت السهرة مساء أمس وامتدت حتى الساعة الثانية فجرا",
            "الساعة الثانية فجرا",
            "2015-08-08T02:00",
        ),
    ],
)
def test_the_small_hours_after_an_evening_are_the_next_day(text: str, raw: str, value: str) -> None:
    assert (raw, value) in [(t, v) for t, v, _ in found(text)]


def test_a_late_evening_hour_stays_on_the_evening_day() -> None:
    text = "بدأت السهرة مساء أمس وامتدت حتى الساعة الحادية عشرة مساء"
    assert ("الساعة الحادية عشرة مساء", "2015-08-07T23:00") in [(t, v) for t, v, _ in found(text)]
