"""TimeML types and values of durations, recurrences and present/past references (issue 12)."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions
from timeline.model import to_axis

TUE = datetime(2015, 8, 11, 18, 43)


def found(text: str, published: datetime | None = TUE) -> list[tuple[str, str, str]]:
    return [(m.text, m.value, m.type) for m in extract_mentions(text, published)]


DURATIONS = [
    ("عمل خمسة وعشرين عاما في الشركة", "خمسة وعشرين عاما", "P25Y"),
    ("سجن لمدة ثلاثة أشهر", "ثلاثة أشهر", "P3M"),
    ("على مدى عقدين من", "عقدين", "P20Y"),
    ("تستمر أسبوعين", "أسبوعين", "P2W"),
    ("انتظروا لساعات أمام", "لساعات", "PTXH"),
    ("لنصف قرن من", "لنصف قرن", "P50Y"),
    ("منذ ربع قرن تقريبا", "ربع قرن", "P25Y"),
    ("استمر لسبعة عقود.", "لسبعة عقود", "P70Y"),
    ("خلال 30 يوما من", "30 يوما", "P30D"),
    ("بعد ثلاث ساعات ونصف", "ثلاث ساعات ونصف", "PT210M"),
    ("قبل أكثر من ألفي عام", "ألفي عام", "P2000Y"),
    ("ثلاثمئة وخمسة وستين يوما", "ثلاثمئة وخمسة وستين يوما", "P365D"),
    ("أمضى سبع سنوات في", "سبع سنوات", "P7Y"),
    ("لمدة عام واحد فقط", "عام واحد", "P1Y"),
    ("لمدة عام.", "عام", "P1Y"),
    ("ينتظر نصف ساعة", "نصف ساعة", "PT30M"),
    ("بعد بضعة أيام من", "بضعة أيام", "PXD"),
    ("على مدى عقود", "عقود", "PXDE"),
    ("عقد من الزمن", "عقد من الزمن", "P10Y"),
    ("عمره 28 عامًا", "28 عامًا", "P28Y"),  # an age is a DURATION in TimeML
    ("ولمدة 21 يوماً عدا أيام الجمع", "21 يوماً", "P21D"),
]


@pytest.mark.parametrize(("text", "raw", "value"), DURATIONS)
def test_durations(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DURATION")]


NOT_DURATIONS = [
    "وقع عقد المشروع",
    "في أيام الأسبوع",
    "ليوم الأرض",
    "عاد أحد الأيام",
    "المادة 3 أيام",  # a count of something else
    "الساعة الثالثة",  # handled as a time, not a length: no period word, no date
]


@pytest.mark.parametrize("text", NOT_DURATIONS)
def test_not_durations(text: str) -> None:
    assert [t for t in found(text) if t[2] == "DURATION"] == []


SETS = [
    ("يعمل يوميا من", "يوميا", "P1D"),
    ("تصدر أسبوعياً", "أسبوعياً", "P1W"),
    ("يزوره سنويا", "سنويا", "P1Y"),
    ("تعقد كل ثلاثة أشهر", "كل ثلاثة أشهر", "P3M"),
    ("مرتين في العام", "مرتين في العام", "P1Y"),
    ("كل يوم جمعة", "كل يوم جمعة", "XXXX-WXX-5"),
    ("كل عامين", "كل عامين", "P2Y"),
]


@pytest.mark.parametrize(("text", "raw", "value"), SETS)
def test_recurring_expressions(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "SET")]


def test_a_schedule_is_a_set_and_a_duration_not_two_dates() -> None:
    text = "بمعدل 5 ساعات يوميا تبدأ من الساعة الخامسة عصراً وحتى العاشرة مساء"
    assert found(text) == [
        ("5 ساعات", "PT5H", "DURATION"),
        ("يوميا", "P1D", "SET"),
        ("الساعة الخامسة عصراً", "XXXX-XX-XXT17:00", "SET"),  # 17:00 of every day
        ("العاشرة مساء", "XXXX-XX-XXT22:00", "SET"),
    ]


REFS = [
    ("يعمل حالياً على", "حالياً", "PRESENT_REF"),
    ("وصل الآن إلى", "الآن", "PRESENT_REF"),
    ("لم يتم حتى الآن", "حتى الآن", "PRESENT_REF"),
    ("في الوقت الراهن", "الوقت الراهن", "PRESENT_REF"),
    ("أعلن مؤخرا", "مؤخرا", "PAST_REF"),
    ("منذ ساعات", "منذ ساعات", "PAST_REF"),
    ("وفي الوقت نفسه قال", "الوقت نفسه", "PRESENT_REF"),
    ("في وقت سابق من", "وقت سابق", "PAST_REF"),
    ("نسبة العاملين من 1:5 حاليًا إلى 1:2 فقط", "حاليًا", "PRESENT_REF"),
]


@pytest.mark.parametrize(("text", "raw", "value"), REFS)
def test_present_and_recent_references(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DATE")]


def test_alain_is_not_now() -> None:
    assert found("قال آلان جوبيه") == []


SUN = datetime(2015, 8, 9, 10, 0)  # a Sunday

FIXED_VALUES = [
    # A period word after من still sets the clock; the date after the time is its day.
    ("وقع الانفجار الساعة السابعة من مساء الجمعة", "الساعة السابعة من مساء الجمعة", "2015-08-07T19:00"),
    ("الساعة الثامنة من صباح يوم 5 أغسطس 2015", "الساعة الثامنة من صباح يوم 5 أغسطس 2015", "2015-08-05T08:00"),
    ("في عام 2022 وحده", "عام 2022", "2022"),  # وحده "alone", not وحدة "unit"
    # The named weekday wins over أمس / غداً, as it does over اليوم.
    ("أمس الخميس", "أمس الخميس", "2015-08-06"),
    ("اليوم الخميس", "اليوم الخميس", "2015-08-06"),
    # (Read on a Sunday, a Wednesday ahead would put the writer's today after the stamp:
    # the text is the last Tuesday's, crawled late.)
    ("غدا الأربعاء", "غدا الأربعاء", "2015-08-05"),
    ("العقد الأول من القرن الحادي والعشرين", "العقد الأول من القرن الحادي والعشرين", "200X"),
    ("العقد الأخير من القرن الماضي", "العقد الأخير من القرن الماضي", "199X"),
    # The week runs Sunday to Saturday: on a Sunday, last week ended yesterday.
    ("الأسبوع الماضي", "الأسبوع الماضي", "2015-W32"),
    ("هذا الأسبوع", "هذا الأسبوع", "2015-W33"),
    # A year of three digits with م is the first millennium's (one of two digits is
    # no date: 79م may be 1979 as well as AD 79).
    ("في 24 أغسطس (آب) 179م ثار البركان", "24 أغسطس (آب) 179م", "0179-08-24"),
    # A month's own number after its name glosses it (the ninth month of the Gregorian
    # year): not the year 9.
    ("في منتصف شهر سبتمبر 9 ميلادي تصل الطيور", "منتصف شهر سبتمبر", "2015-09"),
    ("وفي شهر أكتوبر 10م يحضر البط", "شهر أكتوبر", "2015-10"),
    ("في 3 يوليو 7 ميلادي وصل", "3 يوليو", "2015-07-03"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "raw", "value"), FIXED_VALUES)
def test_values_issue_12_found_wrong(text: str, raw: str, value: str) -> None:
    assert [(t[0], t[1]) for t in found(text, SUN)] == [(raw, value)]


def test_a_named_weekday_is_the_one_nearest_the_relative_day() -> None:
    # A crawl time two days late: غداً الاثنين read on a Tuesday is the Monday just past.
    assert found("يبدأ يوم غد الاثنين معسكرا", TUE) == [("يوم غد الاثنين", "2015-08-10", "DATE")]
    assert found("مساء أول من أمس الاثنين:", datetime(2015, 8, 6, 1)) == [
        ("مساء أول من أمس الاثنين", "2015-08-03TEV", "TIME")
    ]


def test_week_starts_on_sunday_on_the_axis() -> None:
    (mention,) = extract_mentions("الأسبوع الماضي", SUN)
    assert mention.date.start == to_axis(datetime(2015, 8, 2))
    assert mention.date.end == to_axis(datetime(2015, 8, 9))


NO_ANCHOR = [
    ("في 12 أبريل الجاري", "12 أبريل الجاري", "XXXX-04-12"),
    ("منذ نوفمبر الماضي", "نوفمبر الماضي", "XXXX-11"),
    ("هجمات 11 سبتمبر", "11 سبتمبر", "XXXX-09-11"),
    ("في مايو من العام المقبل", "مايو من العام المقبل", "XXXX-05"),
]


@pytest.mark.parametrize(("text", "raw", "value"), NO_ANCHOR)
def test_without_a_publication_date_spans_are_kept_underspecified(
    text: str, raw: str, value: str
) -> None:
    (mention,) = extract_mentions(text, None)
    assert (mention.text, mention.value, mention.date.start) == (raw, value, None)


def test_an_anchor_resolves_what_was_underspecified() -> None:
    # (هجمات 11 سبتمبر names an event of another year: it stays XXXX-09-11, see
    # test_precision_classes.py.)
    (mention,) = extract_mentions("تبدأ الدراسة في 11 سبتمبر", SUN)
    assert mention.value == "2015-09-11"


BARE_WEEKDAYS = [
    ("أعلنت الوزارة الاثنين أن", "الاثنين", "2015-08-10"),
    ("قال نائب المندوب، الاثنين، إن", "الاثنين", "2015-08-10"),
    ("عقدت القمة الاثنين، وحضرها", "الاثنين", "2015-08-10"),
    ("وصل الأحد إلى الرياض", "الأحد", "2015-08-09"),
    ("صباح الاثنين", "صباح الاثنين", "2015-08-10TMO"),
    ("الاثنين 10 أغسطس", "الاثنين 10 أغسطس", "2015-08-10"),
]


@pytest.mark.parametrize(("text", "raw", "value"), BARE_WEEKDAYS)
def test_bare_sunday_and_monday_by_context(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "TIME" if value.endswith("TMO") else "DATE")]


@pytest.mark.parametrize(
    "text", ["اتفق الاثنين على", "العلاقة بين الاثنين.", "البلدين الاثنين،", "الأحد عشر لاعبا"]
)
def test_the_one_and_the_two_are_not_weekdays(text: str) -> None:
    assert found(text) == []


def test_weekdays_of_a_weekly_schedule_are_sets_not_past_days() -> None:
    assert found("السبت والأحد من كل أسبوع") == [
        ("السبت", "XXXX-WXX-6", "SET"),
        ("والأحد من كل أسبوع", "XXXX-WXX-7", "SET"),
    ]
    assert found("يعمل أيام الجمعة والسبت") == [
        ("الجمعة", "XXXX-WXX-5", "SET"),
        ("والسبت", "XXXX-WXX-6", "SET"),
    ]


@pytest.mark.parametrize(
    "text", ["يعمل يوميا عدا الخميس والجمعة", "عدا يومي الخميس والجمعة", "عدا أيام الجمعة"]
)
def test_days_left_out_are_not_dates(text: str) -> None:
    assert [t for t in found(text) if t[2] == "DATE"] == []


YESTERDAY_TOMORROW = [
    ("منذ الأمس", "الأمس", "2015-08-10"),
    ("في لقاء الأمس تدريبات", "الأمس", "2015-08-10"),
    ("وقال، الأمس، إن", "الأمس", "2015-08-10"),
    ("منذ البارحة", "البارحة", "2015-08-10"),
    ("حتى الغد", "الغد", "2015-08-12"),
    ("مباراة الغد", "الغد", "2015-08-12"),
    ("سيعقد غدا اجتماعا", "غدا", "2015-08-12"),
    ("للقاء أودينيزي غدا، في", "غدا", "2015-08-12"),
]


@pytest.mark.parametrize(("text", "raw", "value"), YESTERDAY_TOMORROW)
def test_yesterday_and_tomorrow_in_every_position(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DATE")]


@pytest.mark.parametrize(
    "text",
    ["بين الأمس واليوم", "أصدقاء الأمس", "شباب الغد", "حتى غدا قبلة الأنظار", "غدا الأمر صعبا"],
)
def test_figurative_yesterday_and_the_verb_ghada(text: str) -> None:
    assert found(text) == []


YEARS_WITHOUT_CUE = [
    ("فيلم لورانس العرب (1962) من", ["1962"]),
    ("ولد في الرياض 1990م ثم", ["1990م"]),
    ("في الأعوام 2012 و2014 و2016", ["الأعوام 2012", "2014", "2016"]),
    ("من 2010 حتى تموز/يوليو", ["2010", "تموز/يوليو"]),
    ("ضمن رؤية 2030 للمملكة", ["2030"]),
    ("استضافة مونديال 2022 في قطر", ["2022"]),
    ("مثل الجدار وراء خط 1967م، وهدم", ["1967م"]),
]


@pytest.mark.parametrize(("text", "raws"), YEARS_WITHOUT_CUE)
def test_years_without_a_cue_word(text: str, raws: list[str]) -> None:
    assert [t[0] for t in found(text)] == raws
    assert all(t[2] == "DATE" for t in found(text))


@pytest.mark.parametrize(
    "text", ["بلغ الإنتاج 2015 طن", "اتصل على 2015", "من 2000 شخص", "عام 1453 سقطت", "(1-1)"]
)
def test_counts_and_numbers_are_not_years(text: str) -> None:
    assert found(text) == []


SEASONS = [
    ("في ربيع 2019", "ربيع 2019", "2019-SP"),
    ("خلال الصيف المقبل", "الصيف المقبل", "2016-SU"),
    ("الشتاء الماضي", "الشتاء الماضي", "2014-WI"),  # December 2014 to February 2015
    ("الصيف الماضي", "الصيف الماضي", "2014-SU"),  # said in August: not this summer
    ("هذا الصيف", "هذا الصيف", "2015-SU"),
    ("صيف العام الماضي", "صيف العام الماضي", "2014-SU"),
    ("شتاء عام 2010", "شتاء عام 2010", "2010-WI"),
]


@pytest.mark.parametrize(("text", "raw", "value"), SEASONS)
def test_seasons(text: str, raw: str, value: str) -> None:
    assert found(text) == [(raw, value, "DATE")]


@pytest.mark.parametrize("text", ["الربيع العربي", "خريف العمر", "الصيف 1436"])
def test_not_seasons_of_a_year(text: str) -> None:
    assert [t for t in found(text) if "-S" in t[1] or "-W" in t[1] or "-FA" in t[1]] == []


def test_the_summer_season_is_a_season_of_no_known_year() -> None:
    # A later decision (docs/decisions.md, samples 62-63): TimeML tags it XXXX-SU; it
    # has no place on the timeline.
    found_su = [t for t in found("فصل الصيف") if "SU" in t[1]]
    assert found_su == [("فصل الصيف", "XXXX-SU", "DATE")]


def test_the_summer_of_a_hijri_year_is_that_years_summer() -> None:
    # لفصل الصيف 1436هـ: the summer that lies in the Hijri year 1436 (October 2014 to
    # October 2015), no longer a summer of no year beside the whole Hijri year.
    assert found("لفصل الصيف 1436هـ") == [("الصيف 1436هـ", "2015-SU", "DATE")]


def test_a_season_covers_its_three_months() -> None:
    (mention,) = extract_mentions("الشتاء الماضي", TUE)
    assert mention.date.start == to_axis(datetime(2014, 12, 1))
    assert mention.date.end == to_axis(datetime(2015, 3, 1))


@pytest.mark.parametrize(
    "text",
    [
        "المعتدلة طوال أيام العام، مضيفا",
        "خلال أيام عيد الفطر تعرضوا",
        "خلال شهر يونيو الماضي، بنسبة",
    ],
)
def test_a_unit_in_construct_is_no_length(text: str) -> None:
    assert [t for t in found(text) if t[2] == "DURATION"] == []


def test_a_month_of_every_year_is_a_set() -> None:
    assert found("بنهاية شهر يونيو من كل عام وهي") == [("يونيو من كل عام", "XXXX-06", "SET")]
    assert found("في 15 مايو من كل عام") == [("15 مايو من كل عام", "XXXX-05-15", "SET")]


def test_today_of_a_generation_is_the_present() -> None:
    assert found("ماذا فقد جيل اليوم؟") == [("اليوم", "PRESENT_REF", "DATE")]


def test_a_length_before_ila_or_a_half_is_kept() -> None:
    assert found("وتحتاج من عامين إلى اربعة أعوام") == [
        ("عامين", "P2Y", "DURATION"),
        ("اربعة أعوام", "P4Y", "DURATION"),
    ]
    assert found("لمدة أسبوع إلى") == [("أسبوع", "P1W", "DURATION")]
    assert found("بحوالي ساعتين ونصف الساعة") == [("ساعتين ونصف", "PT150M", "DURATION")]


def test_afternoon_of_today_is_a_time_on_that_day() -> None:
    # TIMEX3 parts of the day: the day's value with TMO / TMI / TAF / TEV / TNI.
    assert found("سلمت الوزارة عصر اليوم قناة") == [("عصر اليوم", "2015-08-11TAF", "TIME")]


AUG1 = datetime(2015, 8, 1, 18, 0)


def test_since_a_named_month_is_that_month_before_the_anchor() -> None:
    assert found("وهي الأكبر منذ شهر يناير. في", AUG1) == [("شهر يناير", "2015-01", "DATE")]
    assert found("أدنى مستوى منذ شهر فبراير عام 2010م قبل", AUG1) == [
        ("شهر فبراير عام 2010م", "2010-02", "DATE")
    ]
    assert found("منذ 5 سبتمبر", AUG1) == [("5 سبتمبر", "2014-09-05", "DATE")]
    assert found("منذ شهر", AUG1) == [("منذ شهر", "2015-07", "DATE")]


def test_every_july_is_a_set() -> None:
    assert found("يوم كل يوليو (تموز) لتذكر", AUG1) == [("كل يوليو (تموز)", "XXXX-07", "SET")]


def test_byline_and_later_are_no_dates() -> None:
    assert found("اليوم - الدمام جذبت 14 طفلة", AUG1) == []
    assert found("نقلت إلى المستشفى وتوفيت في وقت لاحق.", AUG1) == []


def test_a_weekly_list_does_not_reach_across_a_comma() -> None:
    text = "الافتتاح الساعة السابعة من مساء الجمعة، والسبت والأحد من كل أسبوع."
    assert [t[1] for t in found(text, datetime(2019, 3, 12, 10))] == [
        "2019-03-08T19:00",
        "XXXX-WXX-6",
        "XXXX-WXX-7",
    ]


def test_an_ordinal_day_leaves_fi_out_of_its_span() -> None:
    assert found("الانتخابات التي جرت في السابع من يونيو") == [
        ("السابع من يونيو", "2015-06-07", "DATE")
    ]
