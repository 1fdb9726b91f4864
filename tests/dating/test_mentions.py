"""extract_mentions: one table per rule, the traps, the seed article, and properties."""

from __future__ import annotations

import itertools
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dating import extract_mentions
from timeline.model import Mention, to_axis

from .test_normalize import ARABIC_TEXT

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
SEED = CORPUS / "seed" / "000_e3dea70be14111b3.txt"

# Anchors: a Saturday at 01:32 (the seed), a Tuesday in Shawwal 1436, a Thursday.
SAT = datetime(2021, 5, 22, 1, 32)
TUE = datetime(2015, 8, 11, 18, 43)
THU = datetime(2023, 12, 28, 16, 58)


def only(text: str, published: datetime | None) -> Mention:
    found = extract_mentions(text, published)
    assert len(found) == 1, [(m.text, m.value) for m in found]
    return found[0]


def check(text: str, published: datetime | None, raw: str, value: str, kind: str) -> None:
    mention = only(text, published)
    assert (mention.text, mention.value, mention.kind) == (raw, value, kind)


EXPLICIT = [
    ("وصل في 19 يوليو (تموز)، كجزء", TUE, "19 يوليو (تموز)", "2015-07-19", "explicit"),
    (
        "شهد ثورة 30 يونيو (حزيران) 2013 الشهيرة",
        TUE,
        "30 يونيو (حزيران) 2013",
        "2013-06-30",
        "explicit",
    ),
    ("في 13 أيلول/سبتمبر 1993 وقع", TUE, "13 أيلول/سبتمبر 1993", "1993-09-13", "explicit"),
    ("في قمة 14 مايو 2015م ، كما", TUE, "14 مايو 2015م", "2015-05-14", "explicit"),
    ("يوم 6 سبتمبر المقبل في التصفيات", TUE, "يوم 6 سبتمبر المقبل", "2015-09-06", "explicit"),
    ("منذ 28 مايو الماضي.", TUE, "28 مايو الماضي", "2015-05-28", "explicit"),
    ("في 15 سبتمبر الجاري", datetime(2021, 9, 13), "15 سبتمبر الجاري", "2021-09-15", "explicit"),
    (
        "في 5 مايو (أيار) من العام المقبل.",
        TUE,
        "5 مايو (أيار) من العام المقبل",
        "2016-05-05",
        "explicit",
    ),
    (
        "حتى السابع والعشرين من يونيو الجاري",
        TUE,
        "السابع والعشرين من يونيو الجاري",
        "2015-06-27",
        "explicit",
    ),
    ("بدأ في 30 يونيو حزيران لفترة", TUE, "30 يونيو حزيران", "2015-06-30", "explicit"),
    # Year inferred as the occurrence nearest the anchor, across a year end.
    ("يوم 3 يناير", datetime(2023, 12, 28), "يوم 3 يناير", "2024-01-03", "explicit"),
    ("في 20 ديسمبر", datetime(2024, 1, 2), "20 ديسمبر", "2023-12-20", "explicit"),
    ("يومي 26 و27 أغسطس الجاري", TUE, "26 و27 أغسطس الجاري", "2015-08-26/2015-08-27", "range"),
    # Typed on a Persian keyboard: its yeh and digits (the span is the text as written).
    ("وصل في ۱۵ ینایر ۲۰۱۵ إلى", TUE, "۱۵ ینایر ۲۰۱۵", "2015-01-15", "explicit"),
]


@pytest.mark.parametrize(("text", "published", "raw", "value", "kind"), EXPLICIT)
def test_explicit_dates(text: str, published: datetime, raw: str, value: str, kind: str) -> None:
    check(text, published, raw, value, kind)


NUMERIC_AND_HIJRI = [
    ("يوم 22/07/2015 عند", TUE, "يوم 22/07/2015", "2015-07-22", "numeric"),
    ("المؤرخة في 24/7/2015م الآتي", TUE, "24/7/2015م", "2015-07-24", "numeric"),
    ("وتاريخ 28 / 7 / 1433هـ ، ورقم", TUE, "28 / 7 / 1433هـ", "2012-06-18", "hijri"),
    ("يوم الثلاثاء 26 /10 /1436هـ، لكي", TUE, "يوم الثلاثاء 26 /10 /1436هـ", "2015-08-11", "hijri"),
    ("بتاريخ الأربعاء 28 رمضان 1436 ه ، تم", TUE, "الأربعاء 28 رمضان 1436 ه", "2015-07-15", "hijri"),
    ("حتى يوم (١٩) شوال أي قبل", TUE, "يوم (١٩) شوال", "2015-08-04", "hijri"),
    # A bridge is one mention valued by its Gregorian side.
    ("يوم السبت 7 / 11 / 1436هـ الموافق 22 / 8 / 2015م وتنتهي", TUE,
     "يوم السبت 7 / 11 / 1436هـ الموافق 22 / 8 / 2015م", "2015-08-22", "hijri"),
    ("بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", TUE,
     "25 شوال 1436 هـ الموافق 10 اغسطس 2015 م", "2015-08-10", "hijri"),
    ("الأربعاء 28 رمضان 1436 الموافق 15 يوليو.", TUE,
     "الأربعاء 28 رمضان 1436 الموافق 15 يوليو", "2015-07-15", "hijri"),
    ("موسم حج هذا العام 1436هـ وبعض", TUE, "هذا العام 1436هـ", "2014-10-25/2015-10-12", "hijri"),
    ("اعتبارا من العام 1391 هـ الموافق", TUE, "العام 1391 هـ", "1971-02-26/1972-02-14", "hijri"),
    # A weekday joined to a written date by الموافق belongs to that date.
    ("وحتى يوم السبت الموافق 23/10/1436هـ. واشترطت", TUE,
     "يوم السبت الموافق 23/10/1436هـ", "2015-08-08", "hijri"),
    ("حدث يوم الأحد الموافق الثالث والعشرين من شهر ذي القعدة عام 1426 عندما", TUE,
     "يوم الأحد الموافق الثالث والعشرين من شهر ذي القعدة عام 1426", "2005-12-25", "hijri"),
    ("الجديد 1436 / 1437هـ، الذي", TUE, "1436 / 1437هـ", "2014-10-25/2016-09-30", "hijri"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "raw", "value", "kind"), NUMERIC_AND_HIJRI)
def test_numeric_and_hijri_dates(
    text: str, published: datetime, raw: str, value: str, kind: str
) -> None:
    check(text, published, raw, value, kind)


def test_every_hijri_year_of_the_table_is_read_to_the_next_ones_first_day() -> None:
    """1348 هـ was not read at all: the value's last day is 29 Dhu al-Hijjah, which Umm
    al-Qura's table refuses for 1348 (28 days); the day before 1349 stands for it."""
    from timeline.dating import parse_date_line
    from timeline.dating.values import hijri_to_gregorian

    for year in range(1343, 1500):
        value = parse_date_line(f"{year} هـ")
        assert value is not None, year
        following = hijri_to_gregorian(year + 1, 1, 1)
        assert following is not None
        assert value.end == to_axis(datetime(following.year, following.month, following.day))
    assert only("تأسست الجمعية عام 1348 هـ في مكة", TUE).date.value == "1929-06-08/1930-05-27"


def test_hijri_mentions_carry_the_hijri_calendar() -> None:
    assert only("في 6 شوال 1436هـ.", TUE).date.calendar == "hijri"
    assert only("في 6 مايو 2015.", TUE).date.calendar == "gregorian"


MONTHS_YEARS_RANGES = [
    ("منذ سبتمبر 2020 وحتى", TUE, "سبتمبر 2020", "2020-09", "month_year"),
    ("في فبراير 2010.", TUE, "فبراير 2010", "2010-02", "month_year"),
    ("خلال يوليو (تموز) الجاري، وأعلنت", datetime(2015, 7, 31), "يوليو (تموز) الجاري", "2015-07", "month_year"),
    ("في يونيو الماضي.", TUE, "يونيو الماضي", "2015-06", "month_year"),
    ("في أكتوبر، ويضم", TUE, "أكتوبر", "2015-10", "month_year"),
    ("منذ العام 1990 على", TUE, "العام 1990", "1990", "year"),
    ("ففي عام 2014، قام", TUE, "عام 2014", "2014", "year"),
    # TempEval-3 spans: the preposition that makes the number a year stays out.
    ("انضم في 2004 إلى", TUE, "2004", "2004", "year"),
    ("منذ سنة 2017 لم", TUE, "سنة 2017", "2017", "year"),
    ("خلال العام المالي 2015.", TUE, "العام المالي 2015", "2015", "year"),
    ("بحلول عام 2030 ستتراجع", TUE, "عام 2030", "2030", "year"),
    ("في الحرب الكورية 1950-1953.", SAT, "1950-1953", "1950/1953", "range"),
    ("خلال 2015 - 2016 لكن", TUE, "2015 - 2016", "2015/2016", "range"),
    ("في عامي 2015 و2016م نتيجة", TUE, "عامي 2015 و2016م", "2015/2016", "range"),
    ("في الفترة بين 2003 و2010. اما", TUE, "الفترة بين 2003 و2010", "2003/2010", "range"),
    ("من 2004 حتى 2007 قبل", TUE, "2004 حتى 2007", "2004/2007", "range"),
    ("من عام 2010 - 2015، ووزير", TUE, "عام 2010 - 2015", "2010/2015", "range"),
    ("خلال الفترة من 15 حزيران (يونيو) حتى 15 أيلول (سبتمبر) 2015.", TUE,
     "15 حزيران (يونيو) حتى 15 أيلول (سبتمبر) 2015", "2015-06-15/2015-09-15", "range"),
    ("في السبعينيات", THU, "السبعينيات", "197X", "decade"),
    ("منذ التسعينات إلى", THU, "التسعينات", "199X", "decade"),
    ("في ستينيات القرن الماضي", THU, "ستينيات القرن الماضي", "196X", "decade"),
    ("منذ الربع الأخير من القرن الماضي.", TUE, "الربع الأخير من القرن الماضي", "1975/1999", "relative"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "raw", "value", "kind"), MONTHS_YEARS_RANGES)
def test_months_years_ranges_decades(
    text: str, published: datetime, raw: str, value: str, kind: str
) -> None:
    check(text, published, raw, value, kind)


def test_range_axis_covers_both_ends() -> None:
    mention = only("في الحرب الكورية 1950-1953.", SAT)
    assert mention.granularity == "interval"
    assert mention.date.start == to_axis(datetime(1950, 1, 1))
    assert mention.date.end == to_axis(datetime(1954, 1, 1))


RELATIVE = [
    ("اتفق الرئيسان اليوم الجمعة على", SAT, "اليوم الجمعة", "2021-05-21", "relative"),
    ("قالت البحرين اليوم السبت إنها", datetime(2015, 7, 25, 23, 27), "اليوم السبت", "2015-07-25", "relative"),
    ("قال الوزير اليوم إن", TUE, "اليوم", "2015-08-11", "relative"),
    ("قالت وزارة الصحة اليوم (الخميس)، إن", datetime(2015, 8, 6, 22), "اليوم (الخميس)", "2015-08-06", "relative"),
    ("تحطمت طائرة أمس بعد", TUE, "أمس", "2015-08-10", "relative"),
    ("وقرأت، بالأمس، أن", TUE, "بالأمس", "2015-08-10", "relative"),
    ("وصل الفريق أمس الأول لمصر", TUE, "أمس الأول", "2015-08-09", "relative"),
    ("وصل الفريق أول أمس لمصر", TUE, "أول أمس", "2015-08-09", "relative"),
    ("عند التسوية أمس الخميس ليصل", datetime(2015, 7, 24, 15), "أمس الخميس", "2015-07-23", "relative"),
    ("تذوق الجمهور البارحة الزفة", TUE, "البارحة", "2015-08-10", "relative"),
    ("يواجه الجزائري غداً الأربعاء ضمن", TUE, "غداً الأربعاء", "2015-08-12", "relative"),
    ("يبدأ المعسكر يوم غد في", TUE, "يوم غد", "2015-08-12", "relative"),
    ("تعقد الجلسة غداً في", TUE, "غداً", "2015-08-12", "relative"),
    ("يبدأ بعد غد في", TUE, "بعد غد", "2015-08-13", "relative"),
    # Weekdays: the latest such day on or before publication unless المقبل.
    ("أعلن الخميس أن", datetime(2023, 1, 30, 9, 7), "الخميس", "2023-01-26", "relative"),
    ("وقال يوم الخميس إن", datetime(2023, 1, 30, 20, 51), "يوم الخميس", "2023-01-26", "relative"),
    ("تقام الجمعة المقبل", datetime(2024, 6, 25, 12, 10), "الجمعة المقبل", "2024-06-28", "relative"),
    ("وقع الأربعاء الماضي", datetime(2023, 1, 28, 22, 22), "الأربعاء الماضي", "2023-01-25", "relative"),
    ("المسجل يوم الثلاثاء الماضي.", datetime(2015, 7, 31), "يوم الثلاثاء الماضي", "2015-07-28", "relative"),
    ("وصل يوم الأحد إلى", TUE, "يوم الأحد", "2015-08-09", "relative"),
    # Weeks, months, years.
    ("ما جرى بالأسبوع الماضي من", THU, "بالأسبوع الماضي", "2023-W51", "relative"),
    ("يبدأ الشهر المقبل", datetime(2023, 1, 30), "الشهر المقبل", "2023-02", "relative"),
    ("خلال العام الجاري.", TUE, "العام الجاري", "2015", "relative"),
    ("المستهدف للعام الجاري هو", TUE, "للعام الجاري", "2015", "relative"),
    ("منذ الربع الرابع من العام الماضي.", TUE, "الربع الرابع من العام الماضي", "2014-Q4", "season"),
    ("تراجع هذا الأسبوع.", datetime(2015, 7, 24), "هذا الأسبوع", "2015-W30", "relative"),
    # N units ago, with digits, number words and duals.
    ("قبل 3 سنوات", datetime(2023, 4, 29), "قبل 3 سنوات", "2020", "relative"),
    ("قبل ثلاث سنوات", datetime(2023, 4, 29), "قبل ثلاث سنوات", "2020", "relative"),
    ("منذ عامين والاتحاد", TUE, "منذ عامين", "2013", "relative"),
    ("منذ سنتين والاتحاد", TUE, "منذ سنتين", "2013", "relative"),
    ("قبل شهرين", TUE, "قبل شهرين", "2015-06", "relative"),
    ("قبل يومين", TUE, "قبل يومين", "2015-08-09", "relative"),
    ("قبل أربعين عامًا من الآن، كانت", datetime(2015, 7, 31), "قبل أربعين عامًا من الآن", "1975", "relative"),
    ("قبل عشر سنوات", TUE, "قبل عشر سنوات", "2005", "relative"),
    # Vague references and durations are kept apart from points.
    ("قبل سنوات", TUE, "قبل سنوات", "PAST_REF", "vague"),
    ("ومنذ سنوات أطلق", TUE, "ومنذ سنوات", "PAST_REF", "vague"),
    ("في السنوات الأخيرة.", TUE, "السنوات الأخيرة", "PAST_REF", "vague"),
    ("في الأيام المقبلة", TUE, "الأيام المقبلة", "FUTURE_REF", "vague"),
    ("التحالف الذي استمر لسبعة عقود.", SAT, "لسبعة عقود", "P70Y", "duration"),
    ("منذ ثلاثة عقود", datetime(2024, 5, 29), "منذ ثلاثة عقود", "P30Y", "duration"),
    # TempEval-3 spans: the preposition before a duration stays out.
    ("خلال عقدين من", TUE, "عقدين", "P20Y", "duration"),
    ("حتى اليوم لم", TUE, "حتى اليوم", "PRESENT_REF", "relative"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "raw", "value", "kind"), RELATIVE)
def test_relative_forms(text: str, published: datetime, raw: str, value: str, kind: str) -> None:
    check(text, published, raw, value, kind)


def test_durations_and_vague_references_have_no_place_on_the_axis() -> None:
    for text in ("استمر لسبعة عقود", "قبل سنوات"):
        mention = only(text, SAT)
        assert mention.date.start is None and mention.date.end is None


TIMES = [
    # A time attaches to the explicit date before it in the sentence...
    ("في 27 يناير 2023 وصل الوفد، ثم عقد لقاء الساعة 8:30 صباحاً بتوقيت باكو", datetime(2023, 1, 28, 8, 44),
     "الساعة 8:30 صباحاً بتوقيت باكو", "2023-01-27T08:30+04:00"),
    # ...else to the publication day.
    ("وانطلقت البعثة في تمام الساعة الثانية مساء من", TUE,
     "الساعة الثانية مساء", "2015-08-11T14:00"),
    ("وصل الفريق في تمام الرابعة والنصف عصرا متوجها", TUE, "الرابعة والنصف عصرا", "2015-08-11T16:30"),
    ("تبدأ الساعة 12 صباحاً.", TUE, "الساعة 12 صباحاً", "2015-08-11T00:00"),
    (" // انتهى //\n 17:21 ت م", TUE, "17:21 ت م", "2015-08-11T17:21+03:00"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "raw", "value"), TIMES)
def test_clock_times(text: str, published: datetime, raw: str, value: str) -> None:
    found = [m for m in extract_mentions(text, published) if m.kind == "time"]
    assert [(m.text, m.value) for m in found] == [(raw, value)]


def test_time_right_after_a_date_refines_it() -> None:
    mention = only("نشر في 22 مايو 2021 01:32 صباحاً.", SAT)
    assert (mention.value, mention.granularity, mention.kind) == (
        "2021-05-22T01:32",
        "minute",
        "explicit",
    )
    text = "في يوم 27 كانون الثاني/يناير 2023، عند الساعة 8:30 صباحاً بتوقيت باكو"
    mention = only(text, datetime(2023, 1, 28, 8, 44))
    assert (mention.value, mention.granularity) == ("2023-01-27T08:30+04:00", "minute")
    assert mention.text.endswith("بتوقيت باكو")


def test_proclitics() -> None:
    assert only("وفي عام 2014", TUE).value == "2014"
    assert only("ولعام 2014", TUE).value == "2014"
    assert only("وبالأمس", TUE).value == "2015-08-10"
    assert only("فالأسبوع الماضي", TUE).value == "2015-W32"
    assert only("للأسبوع المقبل", TUE).value == "2015-W34"
    assert only("وبالسبعينيات", TUE).value == "197X"


TRAPS = [
    "احتفالاً باليوم الدولي للسلام",
    "بمناسبة اليوم العالمي للمرأة",
    "احتفالات اليوم الوطني السعودي",
    "في اليوم الأول من البطولة",
    'قالت لـ"اليوم" إن',
    "عين اليوم – لندن",
    "حتى غدا قبلة الأنظار",
    "ما أشبه الليلة بالبارحة",
    "عقد اجتماع مجلس الإدارة",
    "بعد انتهاء عقد العمل مع المدرب",
    "وقع عقد المشروع",
    "ارتفع بنسبة 2015%",
    "بلغ الإنتاج 2015 طن",
    "بقيمة 2015 ريال",
    "سجل 2015 نقطة",
    "قرار مجلس الشورى رقم ( 104 / 47 ) المذكور",
    "اتصل على الرقم 920012345 أو 0112345678",
    "انتهت المباراة بالتعادل (1-1)",
    "بلغ السعر 54.92 دولار للبرميل",
    "يقيم في مدينة ٦ أكتوبر القريبة",
    "حلفائه في قوى 8 آذار",
    "صلاة الجمعة في المسجد",
    "لو أجري استبيان لدور منبر الجمعة",
    "أكدت مصادر ميدانية لـ(اليوم) أن",
    "ينتج مليون قدم مكعبة في اليوم من الغاز",
    "بعد جريدة عالم اليوم بأقل من سنة",
    "اتفق الاثنين على",
    "عاد أحد اللاعبين",
    "ابنة الـ27 ربيعًا",
    "مارس الرياضة منذ صغره",
    "شباب الغد",
    "في الخمسينات من عمره",
    "في رمضان الكريم",
    "سجل صفر أهداف",
    "عام 1453 سقطت",
]


# Former traps that TimeML counts as time expressions (issue 12) are checked in
# test_mention_types.py: an age (28 عامًا, a DURATION), حاليًا (PRESENT_REF), يوميا (SET).


@pytest.mark.parametrize("text", TRAPS)
def test_traps_give_no_mention(text: str) -> None:
    assert extract_mentions(text, TUE) == []


def test_without_publication_relative_forms_are_vague_and_yearless_dates_underspecified() -> None:
    # Issue 12: no publication date must not mean no span.
    found = extract_mentions("قال أمس إن الاجتماع في 19 يوليو وفي 14 مايو 2015م", None)
    assert [(m.text, m.value, m.date.start) for m in found] == [
        ("أمس", "PAST_REF", None),
        ("19 يوليو", "XXXX-07-19", None),
        ("14 مايو 2015م", "2015-05-14", to_axis(datetime(2015, 5, 14))),
    ]


def test_mentions_are_sorted_and_do_not_overlap() -> None:
    text = (
        "في عام 2014 وقبل 3 سنوات، ثم اليوم الجمعة 21 مايو 2021 الساعة 8:30 صباحاً، وفي السبعينيات."
    )
    found = extract_mentions(text, SAT)
    assert len(found) >= 4
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start


@pytest.mark.corpus
@pytest.mark.skipif(not SEED.exists(), reason=f"corpus not found at {CORPUS}")
def test_seed_article() -> None:
    body = SEED.read_text(encoding="utf-8")
    found = extract_mentions(body, datetime(2021, 5, 22, 1, 32))
    pairs = [(m.text, m.value, m.kind) for m in found]
    assert ("1950-1953", "1950/1953", "range") in pairs
    assert ("لسبعة عقود", "P70Y", "duration") in pairs
    today = [m for m in found if m.text == "اليوم الجمعة"]
    assert len(today) == 2 and all(m.value == "2021-05-21" for m in today)
    # The date line itself, and nothing else: no junk from كوفيد-19 or the names.
    assert len(found) == 5
    assert found[0].value == "2021-05-22T01:32"


ARABIC_WORDS = st.sampled_from(
    [
        "اليوم",
        "أمس",
        "غدا",
        "غداً",
        "الجمعة",
        "يوم",
        "الماضي",
        "المقبل",
        "الجاري",
        "عام",
        "العام",
        "منذ",
        "قبل",
        "سنوات",
        "عقود",
        "لسبعة",
        "ثلاثة",
        "مايو",
        "أيار",
        "/",
        "(",
        ")",
        "شوال",
        "هـ",
        "م",
        "الموافق",
        "الساعة",
        "صباحاً",
        "مساء",
        "22nd",
        "2015",
        "1436",
        "1950-1953",
        "٢٠٢١",
        "١٢",
        "7",
        "/",
        "11",
        "/",
        "1436هـ",
        "24/7/2015م",
        "بين",
        "و",
        "حتى",
        "السبعينيات",
        "القرن",
        "الأسبوع",
        "الشهر",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ARABIC_WORDS, max_size=14).map(" ".join), st.booleans())
def test_extract_mentions_never_raises_on_date_like_text(text: str, anchored: bool) -> None:
    found = extract_mentions(text, SAT if anchored else None)
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start


@settings(max_examples=200, deadline=None)
@given(ARABIC_TEXT, st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)))
def test_extract_mentions_spans_index_the_original(text: str, published: datetime) -> None:
    for mention in extract_mentions(text, published):
        assert text[mention.start : mention.end] == mention.text
        assert mention.start < mention.end


@given(st.text(max_size=80))
def test_extract_mentions_never_raises_on_any_unicode(text: str) -> None:
    extract_mentions(text, SAT)
