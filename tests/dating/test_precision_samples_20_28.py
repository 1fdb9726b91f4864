"""Error classes left open by precision samples 20-28 (bench/precision_sample.py), fixed after.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

TUE = datetime(2015, 7, 21, 10, 0)  # Tuesday 5 Shawwal 1436


def found(text: str, published: datetime | None = TUE) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


@pytest.mark.parametrize(
    "text",
    [
        "وسجل هدف الفريق اللاعب بدر الخميس في الشوط الثاني",
        "وأوضح محمد الخميس رئيس اللجنة أن العمل بدأ",
        "تعيين عبدالرحمن بن سعيد الجمعة مديرا للإدارة",
    ],
)
def test_a_weekday_after_a_given_name_is_a_family_name(text: str) -> None:
    assert found(text) == []


def test_a_weekday_after_a_title_and_a_name_or_a_noun_is_still_a_day() -> None:
    assert found("استقبل الملك سلمان الخميس وفدا من رجال الأعمال") == [
        ("الخميس", "2015-07-16", "DATE")
    ]
    assert found("وصل الوزير الخميس إلى الرياض") == [("الخميس", "2015-07-16", "DATE")]


@pytest.mark.parametrize(
    ("text", "raw", "value"),
    [
        ("وقبل عقد من الآن كانت هذه الجرائم أكثر شيوعا", "وقبل عقد من الآن", "2005"),
        ("بدأ المشروع قبل عقدين من الزمن في المدينة", "قبل عقدين من الزمن", "1995"),
    ],
)
def test_a_decade_ago_is_a_year_not_a_length(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DATE")]


def test_since_a_decade_stays_a_length_and_holding_a_session_is_no_decade() -> None:
    assert found("لم ترتفع الأسعار منذ عقدين") == [("منذ عقدين", "P20Y", "DURATION")]
    assert found("تنازل اللاعب عن حقه قبل عقد جلسة الاستماع") == []
    assert found("قالها قبل عقد تقريبا من اندلاع الأزمة") == []


@pytest.mark.parametrize(
    "text", ["تسلم الكتب وقبل أسبوع العودة إلى المدارس", "أقيم الحفل قبل يوم التأسيس بقليل"]
)
def test_a_lone_unit_in_construct_is_another_events_period(text: str) -> None:
    assert found(text) == []


def test_first_of_a_month_is_its_first_day() -> None:
    assert found("تعقد الجمعية العمومية في أول من ذي القعدة المقبل") == [
        ("أول من ذي القعدة المقبل", "2015-08-16", "DATE")
    ]


def test_the_previous_month_after_a_named_month_is_the_one_before_it() -> None:
    assert found("استقر المؤشر في يونيو دون تغيير عن الشهر السابق") == [
        ("يونيو", "2015-06", "DATE"),
        ("الشهر السابق", "2015-05", "DATE"),  # the month before June (twelfth round)
    ]
    assert found("ارتفعت المبيعات في 2010 بنسبة خمسة في المئة عن العام السابق") == [
        ("2010", "2010", "DATE"),
        ("العام السابق", "2009", "DATE"),
    ]
    # With nothing named before it in its sentence, السابق counts from the article.
    assert found("ارتفعت المبيعات عن العام السابق") == [("العام السابق", "2014", "DATE")]


def test_two_days_joined_by_and_are_two_dates_not_the_days_between() -> None:
    assert found("تقام المباراتان في 14 و27 أغسطس الحالي") == [
        ("14", "2015-08-14", "DATE"),
        ("27 أغسطس الحالي", "2015-08-27", "DATE"),
    ]
    # A range stays one: بين, or two days in a row.
    assert found("في الفترة بين 10 و15 يونيو 2014") == [
        ("10 و15 يونيو 2014", "2014-06-10/2014-06-15", "DATE")
    ]
    assert found("يومي 26 و27 مايو 2014") == [("26 و27 مايو 2014", "2014-05-26/2014-05-27", "DATE")]


def test_a_yearless_date_in_a_past_clause_is_the_last_one() -> None:
    assert found("وأعلنت الدولتان في 17 ديسمبر عزمهما على تطبيع العلاقات") == [
        ("17 ديسمبر", "2014-12-17", "DATE")
    ]
    assert found("افتتح المعرض في سبتمبر بحضور الوزير") == [("سبتمبر", "2014-09", "DATE")]
    # Not across أن or a date being moved, nor for a date close to the anchor.
    assert found("أعلنت الوزارة أن الانتخابات ستجري في 17 ديسمبر") == [
        ("17 ديسمبر", "2015-12-17", "DATE")
    ]
    assert found("أعلنت الوزارة تأجيل الانتخابات إلى ديسمبر") == [("ديسمبر", "2015-12", "DATE")]
    assert found("وقعت الحادثة في 25 يوليو") == [("25 يوليو", "2015-07-25", "DATE")]
    # Nor after a word that is also a noun or a present tense (a contract, an event).
    assert found("ينتهي عقد اللاعب في ديسمبر") == [("ديسمبر", "2015-12", "DATE")]
    assert found("أكبر حدث رياضي في ديسمبر") == [("ديسمبر", "2015-12", "DATE")]
    # A month name with no cue is still no date (حرب أكتوبر).
    assert found("كان في الثالثة حين وقعت حرب أكتوبر، ثم") == []


def test_a_yearless_date_in_a_chronologys_entry_keeps_its_year_open() -> None:
    text = "في القدس. 1954 - توقيع اتفاقات أنهت حربا اندلعت في 19 ديسمبر بين البلدين."
    assert found(text)[-1] == ("19 ديسمبر", "XXXX-12-19", "DATE")
    text = "حدث ما حدث.\n1952- احتجاج على المفاوضات. ووقع اتفاق في 10 سبتمبر."
    assert found(text)[-1] == ("10 سبتمبر", "XXXX-09-10", "DATE")


def test_the_same_year_in_the_feminine_is_the_year_written_before() -> None:
    text = "تولى الحكم عام 1991 وفاز بانتخابات نظمت في سبتمبر من السنة نفسها"
    assert found(text)[-1] == ("سبتمبر من السنة نفسها", "1991-09", "DATE")


def test_tomorrow_or_yesterday_named_by_weekday_sets_the_writers_today() -> None:
    # Crawled early on Thursday 6 August; the text's tomorrow is Thursday, so its
    # today (and yesterday) are a day earlier.
    text = "وقضت المحكمة أمس باستكمال المحاكمة في جلسة يوم غد الخميس."
    assert found(text, datetime(2015, 8, 6, 1, 46))[0] == ("أمس", "2015-08-04", "DATE")
    # Crawled on a Tuesday a week late: the deal's Tuesday is the one before the
    # writer's Sunday, not the crawl day.
    text = "قال إن الاتفاق الذي أبرم يوم الثلاثاء أرسل للمراجعة التي تبدأ غدا الاثنين."
    assert found(text)[0] == ("يوم الثلاثاء", "2015-07-14", "DATE")
    text = "وأعلن النادي أول من أمس (الاثنين) ضم اللاعب، وخضع أمس للفحص الطبي."
    mentions = found(text, datetime(2015, 8, 6, 1, 48))
    assert (mentions[0][1], mentions[-1][1]) == ("2015-08-03", "2015-08-04")
    # بعد غد names another day; a tomorrow a day after the crawl day (the next day's
    # issue) moves nothing; one days after it means a text crawled late, written the
    # day before the last such weekday (test_stale_stamps.py).
    assert found("يعرض بعد غد الخميس ثم أمس", TUE)[-1] == ("أمس", "2015-07-20", "DATE")
    assert found("يصل غدا الاثنين وكان أمس في جدة", datetime(2015, 8, 9, 10))[-1] == (
        "أمس",
        "2015-08-08",
        "DATE",
    )
    assert found("يصل غدا الأربعاء وكان أمس في جدة", datetime(2015, 8, 9, 10))[-1] == (
        "أمس",
        "2015-08-03",
        "DATE",
    )


def test_samples_29_30_classes() -> None:
    # A score in brackets is no first of Safar.
    assert found("فاز على المكسيك (1 ــ صفر) وعلى سان خوسيه (3 ــ 1)") == []
    assert found("في 1 صفر المقبل")[0][1] == "2015-11-13"
    # All day long, and now rather than later, are no day.
    assert found("يستقبلون الزائرين على مدار اليوم، ويقدمون الورش") == []
    assert found("مصلحتها في البحث عن حل اليوم قبل غد") == [("اليوم", "PRESENT_REF", "DATE")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("رئيس الأركان الذي تنتهي مدة خدمته يوم الجمعة، فيكون القرار", "2015-07-24"),
        ("ويلتقي الفريقان يوم السبت في الملعب نفسه", "2015-07-25"),
        ("حيث يبدأ التقديم يوم الأحد في الموقع", "2015-07-26"),
        ("التقى الفريقان يوم السبت في الملعب نفسه", "2015-07-18"),
    ],
)
def test_a_weekday_after_a_scheduled_event_in_the_present_is_the_coming_one(
    text: str, value: str
) -> None:
    assert [m[1] for m in found(text)] == [value]
