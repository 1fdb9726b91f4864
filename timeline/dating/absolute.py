"""Rules for dates written out: day + month name, numeric dates, years, ranges, decades."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from functools import lru_cache

from timeline.dating import lexicon as lx
from timeline.dating import values as v
from timeline.dating.context import (
    BEFORE_THE_ERA,
    BEFORE_THE_ERA_AFTER,
    CARDINAL,
    CLAUSE_STOPS,
    CURRENT,
    DEFINITE,
    DIGITS,
    END,
    ERA,
    HIJRI_MONTHS,
    INDEFINITE,
    MODIFIER,
    MONTHS,
    PHRASE_STOPS,
    QUANTITY_AFTER,
    QUANTITY_BEFORE,
    START,
    WEEKDAYS,
    WHITESPACE,
    Anchor,
    Before,
    Candidate,
    Context,
    direction_of,
    one_space,
    rx,
)
from timeline.dating.normalize import strip_marks
from timeline.model import DateValue, to_axis

MONTH_ANCHOR = Anchor(MONTHS, lx.GREGORIAN_MONTHS)
HIJRI_MONTH_ANCHOR = Anchor(HIJRI_MONTHS, lx.HIJRI_MONTHS)
# Its literals are every word it matches (ين alone is in every other plural).
DECADE_ANCHOR = Anchor(
    r"ي{1,2}ن(?:ي{1,2})?ات",
    [y + "ن" + i + "ات" for y in ("ي", "يي") for i in ("", "ي", "يي")],
)
# How far a decade's match begins before its anchor: the article with its clitics, then
# the stem (Context.scan's reach).
DECADE_REACH = 4 + max(map(len, lx.DECADE_STEMS))
CENTURY_ANCHOR = Anchor("قرن", ("قرن",))
# الثلاثاء 19شوال, 24مارس 2015: a month's name may have its day glued before it (26 in
# the corpus); a letter before it still makes it part of a word.
AFTER_DAY_OR_WORD_START = r"(?<![^\W\d])"
MONTH_NAME = rx(rf"{AFTER_DAY_OR_WORD_START}{INDEFINITE}(?P<m>{MONTHS}){END}")
HIJRI_MONTH_NAME = rx(rf"{AFTER_DAY_OR_WORD_START}{INDEFINITE}(?P<m>{HIJRI_MONTHS}){END}")
# What Context.scan lets stand before a month's name: its proclitics, or the digits of
# its day glued to it.
MONTH_PREFIX = "وفبلك0123456789"
# A second name for the same month: أيار / مايو, فبراير (شباط), يونيو حزيران.
PAIRED = rx(rf"\s*(?:[/(\-]\s*)?(?P<m>{MONTHS}){END}(?:\s*\))?")
# 7 / يوليو /2015 م, 10/شوال/1436هـ: a day, a month's name and a year between slashes.
YEAR_AFTER = rx(
    rf"[\s،,]*(?:/\s*)?(?:من\s+|(?:خلال|في)\s+(?=(?:ال)?(?:عام|سنه)\s))?(?:(?:ال|لل|ل)?(?:عام|سنه)\s+)?"
    rf"(?P<y>\d{{4}})(?![\d/]){ERA}"
)  # 15 من شهر سبتمبر خلال عام 2014م: a year's noun after خلال / في names the date's year;
# الثالث من إبريل لعام 2010, 30 يونيو للعام 2007: so does one with ل.
# A year of the first millennium needs its era: 24 أغسطس (آب) 79م is AD 79.
EARLY_YEAR_AFTER = rx(
    r"[\s،,]*(?:من\s+)?(?:(?:ال)?(?:عام|سنه)\s+)?(?P<y>\d{1,3})\s*(?:م|ميلادي(?:ه)?)(?!\w)"
)
YEAR_WORD_AFTER = rx(
    rf"[\s،,]*(?:(?:من|في)\s+)?(?:(?:ال|لل)?(?:عام|سنه)\s+(?P<ymod>{MODIFIER})|(?P<this>هذا\s+العام|هذه\s+السنه)){END}"
)
SAME_YEAR_AFTER = rx(
    r"[\s،,]*(?:من|في)\s+(?:(?:ال)?(?:عام|سنه)\s+(?:نفسه|ذاته|عينه|نفسها|ذاتها|عينها)"
    r"|نفس\s+(?:ال)?(?:عام|سنه))(?!\w)"
)
WRITTEN_YEAR = rx(r"(?<![\d/.\-])((?:19|20)\d\d)(?![\d/])")
# من العام ألف وتسعمائة وخمسة وستين: a year's noun, then the year in words (1965), its
# parts joined by و from the thousands down (lx.number_value adds them).
WORDS_YEAR_AFTER = rx(
    r"[\s،,]*(?:(?:من|في)\s+)?(?:ال)?(?:عام|سنه)\s+"
    r"(?P<words>(?:الف|الفين|الفان|الفي)(?:\s+و\s*\w{1,40}(?:\s+(?:مائه|مئه|عشر|عشره))?){0,3})(?!\w)"
)
# (Every edge word a month takes, mentions._HEAD_NOUNS: منذ أوائل أبريل read on 10
# February 2016 was April 2016, منذ بداية أبريل April 2015.)
SINCE_BEFORE = Before(
    r"(?<!\w)[وف]?منذ\s+(?:(?:مطلع|مستهل|اوائل|بدايه|اواسط|منتصف|اواخر|نهايه|ختام)\s+)?"
    r"(?:شهر\s+)?"
    r"(?:\d{1,2}\s+|ال\w+\s+(?:\w+\s+)?من\s+)?$",  # منذ 5 مايو, منذ الأول من يناير
    ("منذ",),
)
EVERY_BEFORE = Before(r"(?<!\w)[وف]?كل\s+(?:شهر\s+)?$", ("كل",))
EVERY_YEAR_AFTER = rx(r"\s+(?:من\s+)?كل\s+(?:عام|سنه)(?!\w)")
# يصلون عادة من نهاية شهر مايو, يقام سنوياً في 25 يوليو, في كل عام تحتفل في 12 أغسطس: a
# month with no year after a yearly habit in its clause is every year's; not past a
# comma, لكن or a year written (يقام سنويا وتبدأ دورة 2016 في 6 يناير).
YEARLY_HABIT_BEFORE = rx(
    r"(?<!\w)[وف]?(?:عاده|سنويا|كل\s+(?:عام|سنه))(?!\w)"
    r"(?:(?!لكن|\d{4})[^.!?؟\n،,:;]){0,50}$"
)
# من يناير (كانون الثاني) حتى يونيو 2015, من مارس إلى مايو 2014: the first month of a
# range closed by a year takes that year (the one before, if it comes later in the
# year), not the nearest January.
RANGE_TO_MONTH_AFTER = rx(rf"\s*(?:-|–|[وف]?(?:حتي|الي|لغايه))\s*(?:شهر\s+)?(?P<m>{MONTHS}){END}")
# يونيو الجاري, شهر مايو الحالي: the month the text itself was written in.
TEXT_MONTH = rx(rf"(?<!\w)[وفبل]?(?P<m>{MONTHS})\s+(?:{CURRENT})(?!\w)")
TEXT_MONTH_REACH = 3  # months a stamp may lag its text (a crawl weeks late)
RANGE_WORDS = ("-", "–", "حتي", "الي", "لغايه")  # what RANGE_TO_MONTH_AFTER needs first
# One search for any of them (a generator over the words cost more, per month name).
RANGE_WORD = rx("|".join(map(re.escape, RANGE_WORDS)))
# 15 يونيو إلى نهاية 15 سبتمبر من كل عام: a range's first date of every year (a SET).
RANGE_EVERY_YEAR_AFTER = rx(
    r"\s*(?:-|–|[وف]?(?:حتي|الي|لغايه))\s[^.!?؟\n،,]{0,50}?(?<!\w)(?:من\s+)?كل\s+(?:عام|سنه)(?!\w)"
)
# الأولى في 30 محرم والثانية في 30 رجب من كل عام, في 15 مارس و15 سبتمبر من كل عام: a
# date of every year joined to the first of a pair makes it every year's too.
PAIR_EVERY_YEAR_AFTER = rx(
    rf"\s*[،,]?\s*و\s*(?:\S{{1,40}}\s+){{0,2}}?\d{{1,2}}\s*(?:{MONTHS}|{HIJRI_MONTHS}){END}"
    r"\s+(?:من\s+)?كل\s+(?:عام|سنه)(?!\w)"
)
MODIFIER_AFTER = rx(rf"\s+(?P<mod>{MODIFIER}){END}")
YEAR_NOUN = rx(r"(?<!\w)(?:ال)?(?:عام|سنه)(?!\w)")
# بين سبتمبر (أيلول) ويناير (كانون الثاني) الماضيين: a dual modifier after the second
# month of a pair is the first's too.
PAIR_DUAL_AFTER = rx(
    rf"\s*و\s*(?:{MONTHS}){END}(?:\s*[/(\-]?\s*(?:{MONTHS}){END}\s*\)?)?\s+"
    r"(?:(?P<past>الماضيين|المنصرمين|الفائتين)|(?P<future>المقبلين|القادمين))(?!\w)"
)
# A dash between the day and its month (يوم 27 - يوليو 2015م) is read only where the
# month has its year after it (_day_before's dash): 1 - صفر is a score, 2- أغسطس a list's
# entry.  2 mentions of the corpus took their day, both right; with no year, the dash
# made 198 scores (1 - صفر) and 2 list entries dates.
DAY_BEFORE = rx(
    r"(?:(?<!\d)(?P<d0>\d{1,2})\s*(?:-|و|الى|حتى)\s*)?(?<![\d/.:,])(?:\(\s*)?(?P<d>\d{1,2})"
    r"(?:st|nd|rd|th|ST|ND|RD|TH)?\s*\)?\s*(?:[/\-–]\s*)?(?:من\s+)?(?:شهر\s+)?$"
)
# Not after نصف / ربع / ثلث / أسبوع: النصف الأول من سبتمبر is a half of the month, not its first day.
ORDINAL_DAY_BEFORE = Before(
    rf"{START}(?<!نصف\s)(?<!ربع\s)(?<!ثلث\s)(?<!اسبوع\s)(?:[وفب]|في\s+)?"
    rf"(?P<w>{lx.alternation(lx.ORDINAL_DAYS)})\s+من\s+(?:شهر\s+)?$",
    ("من",),
)
# أعلنت الدولتان في 17 ديسمبر عزمهما, بايع التنظيم في نوفمبر: a yearless date in a clause
# whose verb is in the past is on or before the anchor, not the coming one.  Only verbs
# of a closed list (not the forms that are also nouns or present tenses: عقد "contract",
# نشر "deployment", حدث "event", قتل, تعرض), and not across "that", a relative clause, a
# date being set or moved (موعد, تأجيل, حتى, إلى) or a word of the future.  وافق /
# وافقت (precision sample 100) moved 2 months of the corpus to the year before and found
# يوم العيد after الجمعة والذي وافق, all three right.
_PAST_VERBS = (
    "اعلن|اعلنت|اعلنا|اعلنوا|وقع|وقعت|وقعا|وقعوا|جري|جرت|حدثت|عقدت|انعقد|انعقدت|"
    "انطلق|انطلقت|بدا|بدات|اختتم|اختتمت|افتتح|افتتحت|اقيم|اقيمت|وصل|وصلت|غادر|غادرت|"
    "قتلت|قتلوا|توفي|توفيت|صدر|صدرت|نشرت|استقبل|استقبلت|التقي|التقت|اجتمع|اجتمعت|"
    "انتهي|انتهت|اعتقل|اعتقلت|فاز|فازت|خسر|خسرت|حصل|حصلت|شهد|شهدت|زار|زارت|اصدر|اصدرت|"
    "تولي|تولت|انضم|انضمت|بايع|بايعت|اطلق|اطلقت|نفذ|نفذت|هاجم|هاجمت|سيطر|سيطرت|ولد|ولدت|"
    "اعتمد|اعتمدت|اقر|اقرت|استقال|استقالت|انسحب|انسحبت|تعرضت|اندلع|اندلعت|"
    "وافق|وافقت"
)
PAST_CLAUSE_BEFORE = Before(
    rf"(?<!\w)[وف]?(?:{_PAST_VERBS})(?!\w)"
    r"(?:(?!(?<!\w)(?:ان|انه|انها|الذي|التي|الذين|سوف|المقبل|القادم|موعد|مواعيد|المقرر|"
    r"تاجيل|ارجاء|حتي|الي|كل)(?!\w))[^.!?؟\n،,:؛])*$",
    (),  # no gate: its verbs are many
    CLAUSE_STOPS,
)
# A chronology's entry opens a sentence or a line with its year: 1954 - , 1952: .
ENTRY_OPENING = rx(r"\s*[\-*•]?\s*(?:1[0-9]|20)\d\d\s*(?::|-|–)\s")
# (1 ــ صفر), (3 - صفر): a score in brackets, not the first of Safar; so is 2/صفر with
# no year after it (بفوزه 2/صفر على ضيفه), as صفر/1 is, and 3صفر glued.
SCORE = rx(r"\(\s*\d{1,2}\s*-*\s*صفر\s*\)|\d{1,2}\s*/\s*صفر(?!\s*/)|\d{1,2}صفر")
# 23 و30 يوليو: two days joined by و are two dates, unless بين / من makes them a range.
TWO_DAYS = rx(r"(?P<d0>\d{1,2})\s*و\s*(?P<d>\d{1,2})")
BETWEEN_BEFORE = rx(r"(?<!\w)[وف]?(?:بين|من|الفتره)\s*$")
# أول سبتمبر, غرة رمضان, أول من ذي القعدة: the first day of the month.
# الفاتح من سبتمبر: the first, as Libya wrote it (ثورة الفاتح من سبتمبر).
FIRST_DAY_BEFORE = rx(r"(?<!\w)(?P<w>[وفب]?(?:اول|غره|الفاتح))\s+(?:من\s+)?(?:شهر\s+)?$")
# يوم الخميس الـ4 من شهر ذي الحجة: the day's article, its tatweel folded away, may
# stand between the weekday and the day (ال4, ال 4).
WEEKDAY_BEFORE = Before(
    rf"{START}(?:[وف]?(?:في\s+)?)?(?:يوم\s+)?(?:[وف]?[بل]?ال|[وف]?لل)(?P<wd>{WEEKDAYS})[\s،,]*(?:\(?\s*(?:ال)?موافق\s*\)?[\s،,]*)?(?:ال\s*)?$",
    lx.WEEKDAYS,
)
# Words after which a lone month name means that month (في مايو, منذ أوائل أبريل).
_MONTH_CUES = (
    "في|خلال|منذ|حتى|حتي|من|الي|بين|مطلع|مستهل|اوائل|اواخر|منتصف|نهايه|ختام|بدايه|اواسط|شهر|شهري"
)
MONTH_CUE_BEFORE = Before(rf"(?:^|\s)[وف]?(?:{_MONTH_CUES})\s*$", _MONTH_CUES.split("|"))
# A yearless date after these nouns names a thing: قوى 8 آذار (a coalition), مدينة
# 6 أكتوبر (a city), شارع 26 يوليو, قصر 22 مايو (a palace).
NAME_BEFORE = rx(
    r"(?<!\w)[وفبل]?(?:ال)?(?:قوي|تحالف|حركه|تيار|فريق|فريقي|معسكر|مدينه|شارع|ميدان|جسر|كوبري|حي|جامعه|مستشفي|"
    r"مطار|ملعب|استاد|قاعده|مدرسه|مجموعه|جماعه|كتائب|لواء|حزب|قصر|ساحه|نادي)\s*\(?\s*[\"«]?\s*$"
)
# The days of a list before the one a month follows: 8 و in فريقي 8 و14 آذار.
LISTED_DAYS_BEFORE = rx(r"(?:(?<!\d)\d{1,2}\s*(?:[،,]\s*)?و?\s*)+$")
# After these it names an event of some other year, not a day near the article's:
# ثورة 25 يناير (2011), حرب 6 أكتوبر (1973), أحداث 11 سبتمبر, ذكرى 23 يوليو. Its year is
# left open (XXXX-01-25), as when no publication date is known.
EVENT_NAME_BEFORE = rx(
    r"(?<!\w)[وفبل]?(?:ال)?(?:ثوره|ثورتي|انتفاضه|حرب|احداث|هجمات|هجوم|تفجيرات|اعتداءات|اعتداء|ذكري)"
    r"\s*\(?\s*[\"«]?\s*$"
    # the second of two: ثورتي 25 يناير و30 يونيو
    r"|(?<!\w)[وفبل]?(?:ال)?(?:ثورتي|حربي|ذكرتي)\s+\d{1,2}\s+\w+\s+و\s*$"
)

# بأنه مارس (آذار) كرة القدم, الذي مارس (آذار) المهنة: after أن with its pronoun, a
# relative pronoun or قد, مارس is the verb "practised", even where a paper's rote gloss
# names the month after it; no month follows these words.
VERB_SUBJECT_BEFORE = rx(r"(?<!\w)[وف]?[لب]?(?:[اأإ]ن(?:ه|ها|هم|هما)|الذي|التي|الذين|قد|لقد)\s+$")

# نكسة يونيو (حزيران), ثورة فبراير, حرب أكتوبر, انقلاب يوليو: a month alone after a war, a
# revolt or a defeat names that event, of some other year (left open, as above); not an
# attack's (هجوم يونيو is as often this year's).
HISTORIC_EVENT_BEFORE = rx(
    r"(?<!\w)[وفبل]?(?:ال)?(?:ثوره|ثورتي|انتفاضه|حرب|نكسه|نكبه|هزيمه|انقلاب)\s*\(?\s*[\"«]?\s*$"
)


_WEEKDAY_NAMES = tuple(lx.WEEKDAYS)


def _weekday_start(ctx: Context, start: int) -> int:
    """Widen a date's start over a weekday written just before it (يوم السبت 7/11/1436هـ)."""
    return _written_weekday(ctx, start)[0]


def _written_weekday(ctx: Context, start: int) -> tuple[int, int | None]:
    """_weekday_start's widened start, and the weekday written there (0 for Monday), if
    one is."""
    lo = max(0, start - 30)
    window = ctx.text[lo:start]
    # Every match ends with the weekday, or الموافق after it, then whitespace, commas,
    # a bracket and the day's article: where the window ends otherwise the pattern is
    # not searched.
    tail = window.rstrip(WHITESPACE + "،,")
    if tail.endswith("ال"):
        tail = tail[:-2].rstrip(WHITESPACE + "،,")  # يوم الخميس الـ4: the day's article
    tail = _last_word_out(tail, ")")
    if not tail.endswith(_WEEKDAY_NAMES) and not tail.endswith("موافق"):
        return start, None
    hit = WEEKDAY_BEFORE.search(window)
    if hit is None:
        return start, None
    return lo + hit.start(), lx.WEEKDAYS.get(hit.group("wd"))


def _by_written_weekday(day: date, weekday: int | None) -> date:
    """A Hijri date's day moved to the weekday written with it, when that is the day
    before or after Umm al-Qura's: the month begun a day earlier or later where it was
    sighted (يوم الاثنين 3/11 and يوم السبت 15/11/1436هـ, a notice a day ahead of the
    tables).  Any other weekday is left as it is (a mistake, or not this date's)."""
    if weekday is None or day.weekday() == weekday:
        return day
    for step in (-1, 1):
        moved = day + timedelta(days=step)
        if moved.weekday() == weekday:
            return moved
    return day


def _last_word_out(text: str, word: str) -> str:
    """text without a last word (and the whitespace before it), if it ends with it."""
    return text[: -len(word)].rstrip(WHITESPACE) if text.endswith(word) else text


_DAY_SUFFIXES = ("st", "nd", "rd", "th", "ST", "ND", "RD", "TH")


def _may_end_with_a_day(window: str) -> bool:
    """False where DAY_BEFORE cannot match: what may follow its day (a suffix, a bracket,
    a slash, من, شهر and whitespace) taken off the end leaves no digit last.  Every
    match ends at the window's end, so its tail is exactly what is taken off; the regex,
    searched from each position of the 45 characters, runs only when this passes."""
    tail = _last_word_out(window.rstrip(WHITESPACE), "شهر")
    tail = _last_word_out(_last_word_out(tail, "من"), "/")
    tail = _last_word_out(_last_word_out(_last_word_out(tail, "-"), "–"), ")")
    if tail.endswith(_DAY_SUFFIXES):
        tail = tail[:-2]
    # \d of a str pattern: a decimal digit of any script.  The day is one or two digits
    # after no digit (its lookbehind): a year before the month (2019 أيار) ends with
    # three, so no day.
    return tail[-1:].isdecimal() and not (len(tail) > 2 and tail[-3:].isdecimal())


# Every character a match of DAY_BEFORE may hold, but for digits of other scripts (its
# \d): the digits, whitespace, a range's -, و, الى, حتى, the brackets, the suffixes, the
# slash, من and شهر.
_DAY_ALPHABET = DIGITS + WHITESPACE + "-–والحتيى()/stndrhSTNDRHمنشهر"


def _day_reach(window: str) -> int:
    """Where DAY_BEFORE's search of window may start: after its last character no match
    holds.  Every match ends at the window's end, so it lies in the run of characters
    of its alphabet that ends the window; the regex, searched from the window's start,
    tried every digit of the years and dates before the day."""
    head = window.rstrip(_DAY_ALPHABET)
    while head and head[-1].isdecimal():  # \d: a digit of any script
        head = head[:-1].rstrip(_DAY_ALPHABET)
    return len(head)


def _may_end_with_a_first_day(window: str) -> tuple[bool, bool]:
    """Whether ORDINAL_DAY_BEFORE (… من) and FIRST_DAY_BEFORE (أول, غرة, الفاتح) may match:
    each ends with its word, then من, then شهر, each followed by whitespace."""
    tail = _last_word_out(window.rstrip(WHITESPACE), "شهر")
    return tail.endswith("من"), _last_word_out(tail, "من").endswith(("اول", "غره", "الفاتح"))


# The characters a day written before a month may end with, whitespace aside: a digit
# (any script's), then what may follow it (شهر, من, a slash, a bracket, the suffixes'
# last letters), or an ordinal's من and أول / غرة / الفاتح's last letters.  A month after
# anything else (most words) has no day before it, and is passed without the look.
_DAY_BEFORE_LAST = frozenset("رن/-–)tdhTDHلهح")
_DASHES = "-–"


def _day_before(ctx: Context, start: int, dash: bool = False) -> tuple[int, int | None, int] | None:
    """(day, first day of a 26 و27 range or None, where it starts) written before a month;
    a day joined to it by a dash (يوم 27 - يوليو 2015م) only where dash is set (the month
    has its year after it: 1 - صفر is a score, 2- أغسطس a list's entry)."""
    lo = start - 45 if start > 45 else 0
    window = ctx.text[lo:start]
    body = window.rstrip(WHITESPACE)
    last = body[-1:]
    if last.isdecimal():
        plain = _plain_day(body)
        if plain is not None:
            return plain[0], None, lo + plain[1]
    elif last not in _DAY_BEFORE_LAST or (last in _DASHES and not dash):
        return None  # what the three patterns' own gates below would find too
    return _day_in(window, lo, dash)


# What may end the text before a day that closes a range (5 - 12, 5 و12, 5 الى 12,
# 5 حتى 12) or opens a bracket: _plain_day leaves these to DAY_BEFORE.
_RANGE_OR_BRACKET_LAST = frozenset("-و(")
_RANGE_WORDS_LAST = ("الي", "حتي")


def _plain_day(body: str) -> tuple[int, int] | None:
    """(day, where it starts) of the commonest day before a month, or None where
    DAY_BEFORE is needed: body (the window before the month, its whitespace taken off
    the end) ends with one or two digits after whitespace, and what is before that
    whitespace neither joins a range's first day (- و الى حتى) nor opens a bracket.
    DAY_BEFORE's one match is then those digits (a test compares the two), found
    without its search from each digit and bracket of the window."""
    k = 2 if body[-2:-1].isdecimal() else 1
    if k == 2 and body[-3:-2].isdecimal():
        return None
    if len(body) <= k or body[-k - 1] not in WHITESPACE:
        return None
    before = body[:-k].rstrip(WHITESPACE)
    if before[-1:] in _RANGE_OR_BRACKET_LAST or before.endswith(_RANGE_WORDS_LAST):
        return None
    return int(body[-k:]), len(body) - k


def _day_in(window: str, lo: int, dash: bool = False) -> tuple[int, int | None, int] | None:
    """_day_before by its three patterns, the window starting at lo."""
    hit = DAY_BEFORE.search(window, _day_reach(window)) if _may_end_with_a_day(window) else None
    if hit and not dash and any(c in _DASHES for c in window[hit.end("d") :]):
        return None  # 27 - شهر صفر with no year: no day, as before the dash was read
    if hit:
        first = int(hit.group("d0")) if hit.group("d0") else None
        begin = hit.start()
        if first is None and window[begin] == "(" and ")" not in window[hit.end("d") :]:
            # (19 نوفمبر): the bracket opens the whole date, not the day, and stays out
            # of the span as the closing one does; (19) نوفمبر keeps both.
            begin = hit.start("d")
        return int(hit.group("d")), first, lo + begin
    ordinal, first = _may_end_with_a_first_day(window)
    hit = ORDINAL_DAY_BEFORE.search(window) if ordinal else None
    if hit:
        # في السابع من يونيو: the span starts at the ordinal (TempEval-3 leaves out في);
        # a one-letter clitic glued to it (والسابع) stays.
        start = hit.start() if hit.start("w") - hit.start() == 1 else hit.start("w")
        return lx.ORDINAL_DAYS[re.sub(r"\s+", " ", hit.group("w"))], None, lo + start
    hit = FIRST_DAY_BEFORE.search(window) if first else None
    if hit:
        return 1, None, lo + hit.start("w")
    return None


def _in_entry(text: str, pos: int) -> bool:
    """Whether pos is in a chronology's entry (1954 - ... في 19 ديسمبر): its year is open.

    An entry's year is often not the date's (a war that began years before), so a
    yearless date there keeps its span with the year left open rather than this year's.
    """
    lo = pos - 300 if pos > 300 else 0
    match = ENTRY_OPENING.match
    # The sentence's start, the line's and the text's, in that order (any() over a
    # tuple of them was a generator for each month name of a dense text).
    sentence = text.rfind(". ", lo, pos)
    if sentence >= 0 and match(text, sentence + 2, pos):
        return True
    line = text.rfind("\n", lo, pos)
    if line >= 0 and match(text, line + 1, pos):
        return True
    return lo == 0 and match(text, 0, pos) is not None


def _far_ahead(ctx: Context, month: int, day: int | None) -> bool:
    """Whether a yearless month (or day of it) is read as one more than a month ahead."""
    if ctx.anchor_day is None:
        return False
    return _far_ahead_of(ctx.anchor_day, month, day)


@lru_cache(maxsize=4096)
def _far_ahead_of(anchor: date, month: int, day: int | None) -> bool:
    """_far_ahead by its arguments: a dense text asks it again for each month name."""
    y, m = infer_month(anchor, month, None)
    return date(y, m, min(day or 1, 28)) > anchor + timedelta(days=31)


def _two_days(ctx: Context, day_info: tuple[int, int | None, int]) -> tuple[int, int, int] | None:
    """(first day, its end, the second's start) of 23 و30 يوليو; None for a range (بين...)."""
    if day_info[1] is None:
        return None
    hit = TWO_DAYS.match(ctx.text, day_info[2])
    if hit is None or day_info[0] - day_info[1] < 2:
        return None  # يومي 26 و27 مايو: the two days are the interval
    if BETWEEN_BEFORE.search(ctx.text, max(0, day_info[2] - 16), day_info[2]):
        return None
    return int(hit.group("d0")), hit.end("d0"), hit.start("d")


def infer_day(anchor: date, options: list[date], direction: str | None) -> date | None:
    """Pick the occurrence of a yearless date meant relative to the anchor.

    'past' (الماضي): the latest before the anchor ('since', after منذ: on or before
    it); 'future' (المقبل): the earliest
    after; 'current' (الجاري): the one in the anchor's year; otherwise the one nearest
    the anchor (ties go to the past: news reports more than it announces).
    """
    if not options:
        return None
    if direction in ("past", "since"):
        before = [d for d in options if d < anchor or (direction == "since" and d == anchor)]
        return max(before) if before else None
    if direction == "future":
        after = [d for d in options if d > anchor]
        return min(after) if after else None
    if direction == "current":
        same = [d for d in options if d.year == anchor.year]
        return same[0] if same else None
    return min(options, key=lambda d: (abs((d - anchor).days), d > anchor))


@lru_cache(maxsize=4096)
def infer_month(anchor: date, month: int, direction: str | None) -> tuple[int, int]:
    """(year, month) for a yearless month name, by the same rules as infer_day.

    Remembered by its arguments (a pure function of three values): a dense text asks
    it again for each month name."""
    here = anchor.year * 12 + anchor.month - 1
    options = [(y * 12 + month - 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction == "past":
        pick = max(o for o in options if o < here)
    elif direction == "since":
        pick = max(o for o in options if o <= here)
    elif direction == "future":
        pick = min(o for o in options if o > here)
    elif direction == "current":
        pick = anchor.year * 12 + month - 1
    else:
        pick = min(options, key=lambda o: (abs(o - here), o > here))
    return pick // 12, pick % 12 + 1


def _hijri_options(anchor: date, month: int, day: int) -> list[date]:
    today = v.gregorian_to_hijri(anchor)
    if today is None:
        return []
    found = (v.hijri_to_gregorian(y, month, day) for y in (today[0] - 1, today[0], today[0] + 1))
    return [d for d in found if d is not None]


# What may come first after the whitespace (and commas) every pattern of _year_context
# begins with: a year's digit (any decimal digit, tested apart), / before it, من, خلال,
# في, ال, عام, سنه, لل, هذا/هذه, و of a pair, a modifier's first letter; whitespace or a
# comma, where the run goes on.
_YEAR_CONTEXT_FIRST = frozenset(
    WHITESPACE
    + "،,/"
    + "مخفاعسلهو"
    + "".join(w[0] for w in lx.PAST_WORDS | lx.FUTURE_WORDS | lx.CURRENT_WORDS)
)


# Where any of _read_year_context's seven patterns may match, each by what it must hold
# first after the whitespace, commas and slash it may begin with: four digits not
# followed by a fifth or a slash (YEAR_AFTER) or up to three and then م (EARLY_YEAR_AFTER:
# its era, ميلادي too), من, في or خلال, a year's noun (with ال or لل), هذا / هذه
# (YEAR_WORD_AFTER, SAME_YEAR_AFTER, WORDS_YEAR_AFTER); a modifier (MODIFIER_AFTER);
# و (PAIR_DUAL_AFTER).  A day after a month with no year (مايو، 12 يونيو) fails here.
YEAR_CONTEXT_LEAD = rx(
    r"[\s،,]*(?:/\s*)?(?:\d{4}(?![\d/])|\d{1,3}\s*م|(?:من|في|خلال)\s|(?:ال|لل|ل)?(?:عام|سنه)\s"
    r"|هذا\s|هذه\s)"
    rf"|\s+(?:{MODIFIER}){END}|\s*و"
)


def _year_context(ctx: Context, pos: int) -> tuple[int | None, str | None, int, str | None]:
    """(year, era, end, direction) of what follows a month name: 2015م, العام المقبل...

    A month name followed by a space and a letter none of the patterns may begin with
    (أيار/مايو يونيو, a name in running text) has none: its seven anchored matches are
    not tried (_read_year_context, the long way, gives the same; a test checks).  Nor
    where one match of what they begin with (YEAR_CONTEXT_LEAD) fails: a month name
    before الأحد, الساعة or a sentence's end."""
    text = ctx.text
    if text.startswith(" ", pos):
        first = text[pos + 1 : pos + 2]
        if first.isdecimal():
            if text[pos + 2 : pos + 5].isdecimal():
                # مايو 2015, the commonest: a year's four digits, read the long way
                # (YEAR_CONTEXT_LEAD passes them, or they are five digits or more,
                # and YEAR_AFTER fails them as it does).
                return _read_year_context(ctx, pos)
        elif first and first not in _YEAR_CONTEXT_FIRST:
            return None, None, pos, None
    if YEAR_CONTEXT_LEAD.match(text, pos) is None:
        return None, None, pos, None
    return _read_year_context(ctx, pos)


def _read_year_context(ctx: Context, pos: int) -> tuple[int | None, str | None, int, str | None]:
    """_year_context, every pattern tried."""
    hit = YEAR_AFTER.match(ctx.text, pos)
    if hit and not QUANTITY_AFTER.match(ctx.text, hit.end()):
        year, era = hit.group("y", "era")
        return int(year), era, hit.end(), None
    hit = EARLY_YEAR_AFTER.match(ctx.text, pos)
    if hit and int(hit.group("y")) >= 1:
        return int(hit.group("y")), "م", hit.end(), None
    hit = WORDS_YEAR_AFTER.match(ctx.text, pos)
    if hit:
        # The longest run of parts that is a number: ألفين وخمسة وقد stops before وقد.
        words, end = hit.group("words"), hit.end()
        while words:
            year = lx.number_value(words)
            if year is not None and 1000 < year <= 2200:
                return year, None, end - (len(hit.group("words")) - len(words)), None
            cut = words.rfind(" و")
            words = words[:cut].rstrip() if cut > 0 else ""
    hit = SAME_YEAR_AFTER.match(ctx.text, pos)
    if hit:
        # 21 أكتوبر من العام نفسه: the year last written before it, if any.
        written = [int(y) for y in WRITTEN_YEAR.findall(ctx.text, max(0, pos - 600), pos)]
        if written:
            return written[-1], None, hit.end(), None
    hit = YEAR_WORD_AFTER.match(ctx.text, pos)
    if hit:
        direction = "current" if hit.group("this") else direction_of(hit.group("ymod"))
        return None, None, hit.end(), "year:" + (direction or "current")
    hit = MODIFIER_AFTER.match(ctx.text, pos)
    if hit:
        year_hit = YEAR_AFTER.match(ctx.text, hit.end())
        if year_hit and (year_hit.group("era") or YEAR_NOUN.search(year_hit.group())):
            # رمضان المقبل 1436هـ, أكتوبر الماضي عام 2014م: the year written wins (with its
            # era or a year's noun: مايو الماضي 1959 فرعا is a count).
            return int(year_hit.group("y")), year_hit.group("era"), year_hit.end(), None
        return None, None, hit.end(), direction_of(hit.group("mod"))
    hit = PAIR_DUAL_AFTER.match(ctx.text, pos)
    if hit:
        return None, None, pos, "past" if hit.group("past") else "future"
    return None, None, pos, None


def _relative_year(ctx: Context, direction: str) -> int | None:
    if ctx.anchor_day is None:
        return None
    step = {"year:past": -1, "year:future": 1}.get(direction, 0)
    return ctx.anchor_day.year + step


# The year after a month, then the era it is before (مارس 44 ق.م, سبتمبر (أيلول) 331
# قبل الميلاد): read only where a ق follows the month's year context.
ERA_YEAR_AFTER = rx(r"[\s()]*\d{1,4}(?:\s*\))?" + BEFORE_THE_ERA)


def gregorian_month_dates(ctx: Context) -> Iterator[Candidate]:
    """Day + month name (+ year): 22nd أيّار / مايو 2021, 19 يوليو (تموز), مايو 2005."""
    text = ctx.text
    for hit in ctx.scan(MONTH_NAME, MONTH_ANCHOR, word=MONTH_PREFIX, reach=2):
        name = one_space(hit.group("m"))
        month = lx.GREGORIAN_MONTHS[name]
        end = hit.end()
        pair = PAIRED.match(text, end)
        paired = bool(pair and lx.GREGORIAN_MONTHS[one_space(pair.group("m"))] == month)
        if pair and paired:
            end = pair.end()
        year, era, after, direction = _year_context(ctx, end)
        if era and era.startswith("ه"):
            continue  # a Gregorian month with a Hijri year is a typo we cannot trust
        if text.find("ق", after, after + 24) >= 0 and ERA_YEAR_AFTER.match(text, end):
            continue  # سبتمبر (أيلول) 331 قبل الميلاد: a month before the era, of no year here
        if era == "م" and year == month:
            # شهر سبتمبر 9 ميلادي: the month's own number, glossing its name (the ninth
            # of the Gregorian year), not the year 9: the month alone.
            year, era, after = None, None, end
        if year is not None and not (1000 <= year <= 2200 or (era and year < 1000)):
            continue
        if year is not None and era == "م" and 10 <= year < 100:
            # انقلاب يوليو 52م is 1952, 24 أغسطس (آب) 79م AD 79: a year of two digits with
            # م mostly leaves out the 1900s (عام 91م, 48م, دوري 79م: 14 of the corpus's 15
            # bare ones, عام 70م of the Temple the other), but after a month the corpus has
            # one of each and nothing in the text tells which: no date rather than a guess.
            continue
        begin = hit.start()
        if year is None and direction is None:
            year = _range_end_year(ctx, after, month)
        day_info = _day_before(ctx, begin, dash=year is not None)
        every = EVERY_YEAR_AFTER.match(text, after) if year is None and not direction else None
        every_end = every.end() if every is not None else after
        if (
            every is None
            and year is None
            and not direction
            and text.find("كل", after, after + 80) >= 0
        ):
            # the span ends at the month.
            every = RANGE_EVERY_YEAR_AFTER.match(text, after) or PAIR_EVERY_YEAR_AFTER.match(
                text, after
            )
        yearly = (
            every is None
            and year is None
            and not direction
            and YEARLY_HABIT_BEFORE.search(
                text, max(0, (opens := day_info[2] if day_info else begin) - 70), opens
            )
            is not None
        )
        # Looked for only where it counts (a month with no year): the same result.
        each = (
            EVERY_BEFORE.search(text, begin - 12 if begin > 12 else 0, begin)
            if every is None and year is None and not yearly
            else None
        )
        if each is not None:
            # كل يوليو, كل شهر يوليو: every July.
            yield Candidate(each.start(), end, v.recurrence(f"XXXX-{month:02d}"), "set", 0.75)
            continue
        if (
            direction is None
            and year is None
            and SINCE_BEFORE.search(text, begin - 40 if begin > 40 else 0, begin)
        ):
            # منذ شهر يناير, منذ 5 مايو: since, so on or before the anchor (منذ بداية
            # يوليو read in July is this July).
            direction = "since"
        at = day_info[2] if day_info else begin
        if (
            direction is None
            and year is None
            and every is None
            and _far_ahead(ctx, month, day_info[0] if day_info else None)  # remembered: first
            and not _in_entry(text, at)
            and (
                day_info is not None
                or (
                    (paired or name not in lx.AMBIGUOUS_MONTHS)
                    and MONTH_CUE_BEFORE.search(text[begin - 12 if begin > 12 else 0 : begin])
                )
            )
            and PAST_CLAUSE_BEFORE.search(text, max(0, at - 80), at)
        ):
            direction = "since"  # أعلنت في 17 ديسمبر: the last one, on or before the anchor
        if every is not None or yearly:
            # يونيو من كل عام, 15 مايو من كل عام: every year (a SET), no one date.
            if (
                yearly
                and day_info is None
                and not paired
                and name in lx.AMBIGUOUS_MONTHS
                and not MONTH_CUE_BEFORE.search(text[begin - 12 if begin > 12 else 0 : begin])
            ):
                # سنويا و أعلنها وزير الخارجية جون كيري: a name after a yearly habit is
                # no month, as it is none alone anywhere else.
                continue
            if day_info is None:
                value, start = f"XXXX-{month:02d}", begin
            elif day_info[1] is None and v.valid_date(2000, month, day_info[0]):
                value, start = f"XXXX-{month:02d}-{day_info[0]:02d}", day_info[2]
            else:
                continue
            yield Candidate(start, every_end, v.recurrence(value), "set", 0.75)
            continue
        # A range's first day (d0) before it, or no second day to read.
        pair_days = _two_days(ctx, day_info) if day_info and day_info[1] is not None else None
        if pair_days is not None and day_info is not None:
            # 23 و30 يوليو: two days of one month, not the week between them.
            first_day, first_end, second_start = pair_days
            first = _day_month(
                ctx, (first_day, None, day_info[2]), first_end, month, year, direction
            )
            if first is not None:
                yield first
            day_info = (day_info[0], None, second_start)
        if day_info is None and year is None and direction is None and every is None:
            between = _between_pair_year(ctx, begin, after, month)
            if between is not None:
                placed = v.month_value(between, month)
                yield Candidate(begin, after, placed, "month_year", 0.75, has_year=False)
                continue
        if day_info is None:
            candidate = _month_only(ctx, begin, after, name, month, year, direction, paired)
        else:
            candidate = _day_month(ctx, day_info, after, month, year, direction)
        if candidate is not None:
            yield candidate


# أعدموا بين شهري يناير ويوليو, بين ديسمبر وفبراير: two bare months after بين are one
# stretch, placed as a whole; the second was not found at all (no cue word before it).
DUAL_AFTER = rx(r"\s+(?:الماضيين|المنصرمين|الفائتين|المقبلين|القادمين)(?!\w)")
BETWEEN_FIRST_BEFORE = rx(r"(?<!\w)[وف]?بين\s+(?:شهري\s+)?$")
BETWEEN_SECOND_AFTER = rx(rf"\s*و\s*(?P<m>{MONTHS}){END}(?:\s*[/(]\s*(?:{MONTHS}){END}\s*\)?)?")
BETWEEN_SECOND_BEFORE = rx(
    rf"(?<!\w)[وف]?بين\s+(?:شهري\s+)?(?P<m>{MONTHS}){END}(?:\s*[/(]\s*(?:{MONTHS}){END}\s*\)?)?"
    r"\s*و?\s*$"
)


def _between_pair_year(ctx: Context, begin: int, after: int, month: int) -> int | None:
    """The year of a bare month of بين X وY with no year or modifier after Y: the pair
    placed as one stretch nearest the anchor (inside it if it holds the anchor's month),
    a tie going to the coming one, as a plan's (بين ديسمبر وفبراير in July: December
    2015 to February 2016); None for any other month."""
    text, anchor = ctx.text, ctx.anchor_day
    if anchor is None:
        return None
    second = BETWEEN_SECOND_AFTER.match(text, after)
    if second is not None and BETWEEN_FIRST_BEFORE.search(text, max(0, begin - 16), begin):
        first_month, last_month, pair_end, is_first = (
            month,
            lx.GREGORIAN_MONTHS[one_space(second.group("m"))],
            second.end(),
            True,
        )
    else:
        hit = BETWEEN_SECOND_BEFORE.search(text, max(0, begin - 40), begin)
        if hit is None:
            return None
        first_month, last_month, pair_end, is_first = (
            lx.GREGORIAN_MONTHS[one_space(hit.group("m"))],
            month,
            after,
            False,
        )
    closing = YEAR_AFTER.match(text, pair_end)
    if closing is not None:
        # بين سبتمبر وديسمبر 2014: the year closing the pair is the first month's too (the
        # second reads it itself), as من نوفمبر إلى فبراير 2015 (_range_end_year).
        year = int(closing.group("y"))
        if not is_first or not 1000 <= year <= 2200 or (closing.group("era") or "").startswith("ه"):
            return None
        return year if first_month <= last_month else year - 1
    if MODIFIER_AFTER.match(text, pair_end) or DUAL_AFTER.match(text, pair_end):
        return None  # بين يونيو ويوليو الماضيين: the dual places the first; the second as was
    here = anchor.year * 12 + anchor.month - 1
    length = (last_month - first_month) % 12

    def distance(year: int) -> tuple[int, bool]:
        start = year * 12 + first_month - 1
        gap = (
            0
            if start <= here <= start + length
            else min(abs(start - here), abs(start + length - here))
        )
        return gap, start < here

    year = min((anchor.year - 1, anchor.year, anchor.year + 1), key=distance)
    return year if is_first or last_month >= first_month else year + 1


def _range_end_year(ctx: Context, pos: int, month: int) -> int | None:
    """The year of a month range's first month, from the year that closes the range
    (من يناير حتى يونيو 2015: 2015; من نوفمبر إلى فبراير 2015: 2014)."""
    text = ctx.text
    if RANGE_WORD.search(text, pos, pos + 12) is None:
        return None
    hit = RANGE_TO_MONTH_AFTER.match(text, pos)
    if hit is None:
        return None
    last = lx.GREGORIAN_MONTHS[one_space(hit.group("m"))]
    end = hit.end()
    pair = PAIRED.match(text, end)
    if pair and lx.GREGORIAN_MONTHS[one_space(pair.group("m"))] == last:
        end = pair.end()
    year_hit = YEAR_AFTER.match(text, end)
    if year_hit is None or QUANTITY_AFTER.match(text, year_hit.end()):
        return None
    year = int(year_hit.group("y"))
    if not 1000 <= year <= 2200 or (year_hit.group("era") or "").startswith("ه"):
        return None
    return year if month <= last else year - 1


def _month_only(
    ctx: Context,
    start: int,
    end: int,
    name: str,
    month: int,
    year: int | None,
    direction: str | None,
    paired: bool,
) -> Candidate | None:
    if year is not None:
        return Candidate(start, end, v.month_value(year, month), "month_year", 0.9)
    if name in lx.AMBIGUOUS_MONTHS and not (paired or direction):
        return None
    if (
        paired
        and not direction
        and name in lx.AMBIGUOUS_MONTHS
        and VERB_SUBJECT_BEFORE.search(ctx.text, max(0, start - 10), start)
    ):
        return None  # علما بأنه مارس (آذار) بشكل رسمي كرة القدم: the verb, glossed by rote
    # The cue word is looked for only where nothing else makes the name a month.
    if not (paired or direction or MONTH_CUE_BEFORE.search(ctx.text[max(0, start - 12) : start])):
        return None
    if (
        ctx.anchor_day is None
        or (direction in (None, "since") and _in_entry(ctx.text, start))
        or (direction is None and HISTORIC_EVENT_BEFORE.search(ctx.text, max(0, start - 20), start))
    ):
        # نوفمبر الماضي with no publication date: the month, its year left open.
        return Candidate(start, end, v.underspecified(f"XXXX-{month:02d}"), "month_year", 0.6)
    if direction and direction.startswith("year:"):
        y = _relative_year(ctx, direction)
        if y is None:
            return None
        return Candidate(start, end, v.month_value(y, month), "month_year", 0.8, has_year=False)
    anchor = ctx.anchor_day
    if direction == "future" and (written := _text_month(ctx)) is not None:
        anchor = written  # أوائل يوليو القادم in a text of يونيو الجاري: this July
    y, m = infer_month(anchor, month, direction)
    return Candidate(start, end, v.month_value(y, m), "month_year", 0.75, has_year=False)


def _text_month(ctx: Context) -> date | None:
    """The first day of the month a text names as its current one (يونيو الجاري), when
    that is before the anchor's month by at most TEXT_MONTH_REACH: the stamp is late.

    Read once a text, kept on its context: asked for at each coming month (المقبل
    يونيو المقبل يونيو...), a look over the whole text each time was the square of it."""
    if "text_month" not in ctx.__dict__:
        ctx.__dict__["text_month"] = _read_text_month(ctx)
    found: date | None = ctx.__dict__["text_month"]
    return found


def _read_text_month(ctx: Context) -> date | None:
    """_text_month, read from the text."""
    anchor = ctx.anchor_day
    if anchor is None:
        return None
    text = ctx.text
    if not any(w in text for w in lx.CURRENT_WORDS):
        return None
    hit = TEXT_MONTH.search(text)
    if hit is None:
        return None
    y, m = infer_month(anchor, lx.GREGORIAN_MONTHS[one_space(hit.group("m"))], "since")
    lag = (anchor.year * 12 + anchor.month) - (y * 12 + m)
    return date(y, m, 1) if 0 < lag <= TEXT_MONTH_REACH else None


def _day_month(
    ctx: Context,
    day_info: tuple[int, int | None, int],
    end: int,
    month: int,
    year: int | None,
    direction: str | None,
) -> Candidate | None:
    day, first_day, day_start = day_info
    if year is None and direction and direction.startswith("year:"):
        year = _relative_year(ctx, direction)
        direction = None
    if year is not None:
        found = v.valid_date(year, month, day)
        has_year = True
    elif (
        ctx.anchor_day is not None
        and not EVENT_NAME_BEFORE.search(ctx.text, max(0, day_start - 20), day_start)
        and not (direction in (None, "since") and _in_entry(ctx.text, day_start))
    ):
        if _named_by(ctx.text, day_start) or (
            direction is None and _coalition(ctx.text, month, day, day_start, end)
        ):
            return None
        found = _yearless_day(ctx.anchor_day, month, day, direction)
        has_year = False
    else:
        # 11 سبتمبر with no publication date: TimeML's XXXX-09-11 until one is known.
        if _named_by(ctx.text, day_start):
            return None
        if v.valid_date(2000, month, day) is None:  # 2000: a leap year, 29 February exists
            return None
        value = v.underspecified(f"XXXX-{month:02d}-{day:02d}")
        return Candidate(_weekday_start(ctx, day_start), end, value, "explicit", 0.6)
    if found is None:
        return None
    start = _weekday_start(ctx, day_start)
    confidence = 0.95 if has_year else 0.8
    if first_day is not None:
        first = v.valid_date(found.year, month, first_day)
        if first is None or first >= found:
            return None
        return Candidate(
            start, end, v.days_interval(first, found), "range", confidence, has_year=has_year
        )
    return Candidate(
        start, end, v.day_value(found), "explicit", confidence, day=found,
        has_year=has_year, month_day=(month, day, v.GREGORIAN),
    )  # fmt: skip


def _named_by(text: str, day_start: int) -> bool:
    """Whether a yearless date names a thing (مدينة 6 أكتوبر), the noun looked for before
    the list of days the day closes (فريقي 8 و14 آذار)."""
    listed = LISTED_DAYS_BEFORE.search(text, max(0, day_start - 12), day_start)
    name_at = listed.start() if listed else day_start
    return NAME_BEFORE.search(text, max(0, name_at - 20), name_at) is not None


def _coalition(text: str, month: int, day: int, day_start: int, end: int) -> bool:
    """Whether a yearless 8 آذار / 14 آذار, with no word of direction, is Lebanon's
    coalition of that name (اعتقد ان 14 آذار ترى, وزراء 8 آذار و14 آذار) rather than a day.

    The corpus's 31,030 articles (July-August 2015) held 7 such mentions with no
    NAME_BEFORE noun, all seven the coalition (مسيحيي الثامن من آذار among them); a day
    of March written with its year or beside مارس (8 آذار/مارس 2014) stays a date.  The
    text is folded (آ to ا) before the rules read it."""
    if month != 3 or day not in (8, 14):
        return False
    written = text[day_start:end]
    return "اذار" in written and "مارس" not in written


@lru_cache(maxsize=4096)
def _yearless_day(anchor: date, month: int, day: int, direction: str | None) -> date | None:
    """infer_day of a day and month with no year, among the anchor's year and the years
    either side; remembered by its arguments (a dense text asks it again and again)."""
    options = [v.valid_date(y, month, day) for y in range(anchor.year - 1, anchor.year + 2)]
    return infer_day(anchor, [d for d in options if d], direction)


# شهر رمضان after a word of time (خلال, في, منذ, مطلع...): that month; أن شهر رمضان فرصة
# is every Ramadan, no date.
MONTH_WORD_BEFORE = rx(
    r"(?<!\w)[وف]?(?:(?:في|خلال|منذ|حتي|طوال|طيله|اثناء|قبل|بعد|مطلع|بدايه|نهايه|منتصف|اواخر"
    r"|اوائل|غره)\s+)[بل]?شهر\s+$|(?<!\w)[وف]?[بل]شهر\s+$"
)
_DIRECTIONS = ("past", "future", "current")
# الذروة تكون في شهر رمضان, يزداد الطلب عادة في شهر رمضان: what every Ramadan brings,
# no one year's month.
# في كل عام مع حلول شهر رمضان: every year's, no date either; so is a kind's example
# (تحديد المناسبات، مثل بداية شهر رمضان), not "such" (نشهد مثل هذه الأمور خلال شهر رمضان).
HABITUAL_BEFORE = rx(
    r"(?<!\w)[وف]?(?:يكون|تكون|يزداد|تزداد|يكثر|تكثر|يرتفع|ترتفع)(?!\w)[^.!?؟\n،,:]{0,30}$"
    # إنني دائما أتردد على هذه العين في كل الأوقات وفي شهر رمضان: an adverb of habit
    # reaches further, over the clause it governs (precision sample 107).
    r"|(?<!\w)[وف]?(?:عاده|غالبا|دائما|كل\s+(?:عام|سنه|موسم))(?!\w)[^.!?؟\n،,:]{0,60}$"
    r"|(?<!\w)مثل\s+(?:(?:بدايه|نهايه|منتصف|مطلع|حلول|قدوم)\s+)?[بل]?شهر\s+$"
)

# في شهر رمضان المبارك يقبل الناس على قراءة القرآن: a verb of the present right after
# the month, with people at large as its subject, is what every Ramadan brings.
HABIT_AFTER = rx(
    r"(?:\s+(?:المبارك|الكريم|الفضيل|المعظم))?\s*[،,]?\s+[يت]\w{2,12}\s+"
    r"(?:ال)?(?:ناس|مسلمون|مسلمين|صائمون|صائمين|اسر|عائلات|كثيرون|كثير\s+من)(?!\w)"
)


def _nearest_hijri_month(anchor: date, month: int, direction: str | None) -> DateValue | None:
    """شوال الجاري, رمضان الماضي, شهر رمضان: that Hijri month nearest the anchor.

    With no modifier, the month within the coming two is ahead, any other behind
    (شهر رمضان after Ramadan is the one just past); شهر صفر من هذا العام / في السنة
    الماضية is in the current / last Hijri year.
    """
    today = v.gregorian_to_hijri(anchor)
    if today is None:
        return None
    year, now = today[0], today[1]
    if direction and direction.startswith("year:"):
        step = {"year:past": -1, "year:future": 1}.get(direction, 0)
        return v.hijri_month_value(year + step, month)
    ahead = (month - now) % 12
    if direction == "current" or (direction is None and ahead == 0):
        return v.hijri_month_value(year, month) if ahead == 0 else None
    if direction == "future" or (direction is None and ahead <= 2):
        return v.hijri_month_value(year + (month <= now), month)
    return v.hijri_month_value(year - (month >= now), month)


# السابع من شوال في السنة الثالثة من الهجرة, شوال سنة ثلاث من الهجرة: a day of the
# Prophet's time, its year counted from the Hijra in one word (a year of ours is written
# in digits or in several words: لعام ألف وأربعمائة وستة وثلاثين من الهجرة).
EARLY_HIJRA = (
    r"[\s،,]*(?:في\s+)?(?:ال)?(?:سنه|عام)\s+(?:ال)?[^\W\d]{1,40}\s+(?:من\s+ال|لل)هجره(?!\w)"
)
EARLY_HIJRA_AFTER = rx(EARLY_HIJRA)
# وكانت معركة بدر في هذا الشهر الكريم, في رمضان كان فتح مكة: the Ramadans of the
# Prophet's battles and of the conquest of Mecca, the month in its history.
PROPHETS_EVENTS = rx(
    r"(?<!\w)[وف]?(?:[بل]?(?:ال)?(?:غزوه|معركه)\s+(?:بدر|احد|الخندق|تبوك|حنين)|[بل]?(?:ال)?غزوات"
    r"|فتح\s+مكه)(?!\w)"
)
PROPHETS_REACH = 100  # characters each side of the month, within its sentence
# يوم السبت الخامس عشر من شهر شوال سنة ثلاث من الهجرة: the weekday of such a day.
EARLY_HIJRA_DAY_AFTER = rx(rf"[^.!?؟\n]{{0,40}}?(?:{HIJRI_MONTHS})(?!\w)" + EARLY_HIJRA)


def prophets_time(ctx: Context, start: int, end: int) -> bool:
    """Whether a Hijri month written with no year, at [start, end), is one of the
    Prophet's time: a year counted from the Hijra after it, or his battles or the
    conquest of Mecca in its sentence."""
    text = ctx.text
    if "هجره" in text[end : end + 90] and EARLY_HIJRA_AFTER.match(text, end):
        return True
    lo, hi = max(0, start - PROPHETS_REACH), end + PROPHETS_REACH
    window = text[lo:hi]  # the events' words looked for first: most months have none
    if "غزو" not in window and "معركه" not in window and "فتح" not in window:
        return False
    hit = PROPHETS_EVENTS.search(text, lo, hi)
    while hit is not None:
        near, far = (hit.end(), start) if hit.end() <= start else (end, hit.start())
        if not ctx.crosses_sentence(near, far):
            return True
        hit = PROPHETS_EVENTS.search(text, hit.end(), hi)
    return False


# هذا الشهر الكريم, الشهر الفضيل, الشهر المبارك: Ramadan, named by its epithets (the
# calendar month of the anchor would be another).  المبارك, which writers give Shawwal
# too, not before شهر العيد or شوال (هذا الشهر المبارك شهر العيد): of the corpus's 16
# الشهر المبارك, 15 are Ramadan.
HOLY_MONTH_ANCHOR = Anchor("الشهر", ("الشهر",))
HOLY_EPITHET = rf"\s+(?:الكريم|الفضيل|المبارك){END}"
SHAWWAL_AFTER = rx(r"\s+(?:شهر\s+)?(?:العيد|شوال)(?!\w)")
HOLY_MONTH = rx(rf"{START}(?:[وف]?(?:هذا|هذه)\s+)?[وفبلك]?الشهر{HOLY_EPITHET}")
HOLY_EPITHET_AFTER = rx(HOLY_EPITHET)  # after الشهر: the month is Ramadan
RAMADAN = 9


def holy_month(ctx: Context) -> Iterator[Candidate]:
    """هذا الشهر الكريم, الشهر الفضيل: the Ramadan nearest the anchor, as شهر رمضان is
    read."""
    if ctx.anchor_day is None:
        return
    for hit in ctx.scan(HOLY_MONTH, HOLY_MONTH_ANCHOR, reach=8):
        if prophets_time(ctx, hit.start(), hit.end()):
            continue  # في هذا الشهر الكريم كان فتح مكة: Ramadan in its history
        if SHAWWAL_AFTER.match(ctx.text, hit.end()):
            continue  # هذا الشهر المبارك شهر العيد: Shawwal, named next
        value = _nearest_hijri_month(ctx.anchor_day, RAMADAN, None)
        if value is not None:
            yield Candidate(hit.start(), hit.end(), value, "month_year", 0.75, has_year=False)


# شهر رمضان المبارك من العام الماضي, محرم الحرام للعام المقبل: a Hijri month's epithet
# before the year it is of (which was read apart, the month as the nearest one): a year's
# words, a Hijri year or الماضي / المقبل; not a count (رمضان المبارك 1550 بلاغا) nor
# الحالي in a text stamped after the month, which names none.
HIJRI_EPITHET_AFTER = rx(r"\s+(?:المبارك|الكريم|الفضيل|المعظم|الحرام)(?!\w)")


def _every_year(ctx: Context, end: int, opens: int) -> bool:
    """Whether a yearless date ending at end (its day opening at opens) is of every year:
    من كل عام after it or after the pair it opens, or a yearly habit before it."""
    text = ctx.text
    return bool(
        EVERY_YEAR_AFTER.match(text, end)
        or (
            text.find("كل", end, end + 80) >= 0
            and (RANGE_EVERY_YEAR_AFTER.match(text, end) or PAIR_EVERY_YEAR_AFTER.match(text, end))
        )
        or YEARLY_HABIT_BEFORE.search(text, max(0, opens - 70), opens)
    )


def hijri_month_dates(ctx: Context) -> Iterator[Candidate]:
    """Day + Hijri month (+ year): 25 شوال 1436 هـ, (١٢ شوال), رمضان 1436."""
    for hit in ctx.scan(HIJRI_MONTH_NAME, HIJRI_MONTH_ANCHOR, word=MONTH_PREFIX, reach=2):
        month = lx.HIJRI_MONTHS[one_space(hit.group("m"))]
        year, era, end, direction = _year_context(ctx, hit.end())
        if (
            year is None
            and direction is None
            and (epithet := HIJRI_EPITHET_AFTER.match(ctx.text, hit.end())) is not None
        ):
            after = _year_context(ctx, epithet.end())
            if (
                after[3] in ("past", "future")
                or (after[3] or "").startswith("year:")
                or (
                    after[0] is not None
                    and (
                        (after[1] or "").startswith("ه")
                        or YEAR_NOUN.search(ctx.text, end, after[2])
                    )
                )
            ):
                year, era, end, direction = after
        if era and era.startswith("م"):
            continue
        day_info = _day_before(ctx, hit.start(), dash=year is not None)
        if year is None and prophets_time(ctx, hit.start(), end):
            continue  # السابع من شوال في السنة الثالثة من الهجرة: no year of ours
        if day_info is None:
            # A lone Hijri month name is too often a person (رمضان, رجب) or a word
            # (صفر "zero"): only a written year, شهر before it or الماضي / الجاري /
            # المقبل after it makes it a date.
            if year is None:
                named = MONTH_WORD_BEFORE.search(ctx.text, max(0, hit.start() - 16), hit.start())
                dated = direction in _DIRECTIONS or (direction or "").startswith("year:")
                if (
                    named
                    and not dated
                    and (
                        HABITUAL_BEFORE.search(ctx.text, max(0, hit.start() - 80), hit.start())
                        or EVERY_YEAR_AFTER.match(ctx.text, end)
                        or HABIT_AFTER.match(ctx.text, end)
                    )
                ):
                    continue  # تكون في شهر رمضان: every year's Ramadan
                if ctx.anchor_day is not None and (named or dated):
                    value = _nearest_hijri_month(ctx.anchor_day, month, direction)
                    if value is not None:
                        first = hit.start()
                        if named:
                            word = ctx.text.rfind(" ", named.start(), hit.start() - 1)
                            first = named.start() if word < 0 else word + 1
                        yield Candidate(first, end, value, "hijri", 0.75, has_year=False)
                continue
            value = v.hijri_month_value(year, month)
            if value is not None:
                yield Candidate(hit.start(), end, value, "hijri", 0.85)
            continue
        day, first_day, day_start = day_info
        if first_day is not None and not 1 <= first_day < day:
            continue
        if (
            year is None
            and SCORE.search(ctx.text, max(0, day_start - 3), end + 3)
            and _weekday_start(ctx, day_start) == day_start
        ):
            continue  # (1 ــ صفر): a score (صفر "nil"), the dash a tatweel folded away
        if year is None and direction is None and _every_year(ctx, end, day_start):
            continue  # ٣٠ رجب من كل عام: every year's, no Gregorian date of its own
        if year is not None:
            found = v.hijri_to_gregorian(year, month, day)
        elif ctx.anchor_day is not None and not (direction or "").startswith("year:"):
            found = infer_day(ctx.anchor_day, _hijri_options(ctx.anchor_day, month, day), direction)
        else:
            found = None
        if found is None:
            continue
        if first_day is not None:
            # من 21 إلى 23 من شهر شوال: the days of one Hijri month.
            opening = found - timedelta(days=day - first_day)
            yield Candidate(
                _weekday_start(ctx, day_start), end, v.days_interval(opening, found, v.HIJRI),
                "range", 0.9 if year else 0.75, has_year=year is not None,
            )  # fmt: skip
            continue
        start, weekday = _written_weekday(ctx, day_start)
        if year is not None:
            found = _by_written_weekday(found, weekday)
        yield Candidate(
            start, end, v.day_value(found, v.HIJRI), "hijri",
            0.95 if year else 0.8, day=found, has_year=year is not None,
            month_day=(month, day, v.HIJRI),
        )  # fmt: skip


ISO = rx(
    r"(?<![\d\-/])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:(?:[Tt]|\s+)(?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?)?"
    r"(?:\s*(?P<tz>[Zz]|[+-]\d{2}:?\d{2})(?![\d:]))?(?![\d:\-])"
)
ISO_CORE = rx(r"\d{4}-\d{2}-\d{2}")  # what every ISO match holds (Context.each_match)


def iso_value(hit: re.Match[str]) -> DateValue | None:
    """The value of an ISO 8601 match; an offset is kept in the value, ignored on the axis."""
    day = v.valid_date(int(hit.group("y")), int(hit.group("mo")), int(hit.group("d")))
    if day is None or not 1000 <= day.year <= 2200:
        return None
    if hit.group("h") is None:
        return v.day_value(day)
    try:
        moment = datetime(day.year, day.month, day.day, int(hit.group("h")), int(hit.group("mi")))
        if hit.group("s"):
            moment = moment.replace(second=int(hit.group("s")))
    except ValueError:
        return None
    offset = hit.group("tz") or ""
    if offset and offset in "zZ":
        offset = "Z"
    elif offset and ":" not in offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    return v.moment_value(moment, "second" if hit.group("s") else "minute", offset)


def iso_dates(ctx: Context) -> Iterator[Candidate]:
    """2015-07-31, 2015-07-31 04:33:02, 2023-05-26T10:16:12+03:00."""
    for hit in ctx.each_match(ISO, ISO_CORE):
        value = iso_value(hit)
        if value is not None:
            day = v.valid_date(int(hit.group("y")), int(hit.group("mo")), int(hit.group("d")))
            yield Candidate(hit.start(), hit.end(), value, "numeric", 0.9, day=day)


NUMERIC_DMY = rx(
    r"(?<![\d/.\-\\])(?P<d>\d{1,2})\s*(?P<sep>[/\-.\\])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})"
    rf"(?![\d/\\]){ERA}"
)
NUMERIC_YMD = rx(
    r"(?<![\d/.\-\\])(?P<y>\d{4})\s*(?P<sep>[/\-.\\])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})"
    rf"(?![\d/.\\]){ERA}"
)


# What every match of each holds (Context.each_match): the separator may differ here.
NUMERIC_DMY_CORE = rx(r"\d\s*[/\-.\\]\s*\d{1,2}\s*[/\-.\\]\s*\d{4}")
NUMERIC_YMD_CORE = rx(r"\d{4}\s*[/\-.\\]\s*\d{1,2}\s*[/\-.\\]\s*\d")


def numeric_dates(ctx: Context) -> Iterator[Candidate]:
    """24/7/2015م, 20 / 10 / 1436هـ, 1436/10/28هـ, 7\\11\\1436ه, 2015-07-31 (day first, Arab order)."""
    for pattern, core in ((NUMERIC_DMY, NUMERIC_DMY_CORE), (NUMERIC_YMD, NUMERIC_YMD_CORE)):
        for hit in ctx.each_match(pattern, core):
            day, month, year = int(hit.group("d")), int(hit.group("m")), int(hit.group("y"))
            era = hit.group("era") or ""
            hijri = era.startswith("ه") or (not era and 1300 <= year <= 1500)
            if hijri:
                found = v.hijri_to_gregorian(year, month, day)
            elif 1000 <= year <= 2200:
                found = v.valid_date(year, month, day)
            else:
                found = None
            if found is None:
                continue
            calendar = v.HIJRI if hijri else v.GREGORIAN
            start, weekday = _written_weekday(ctx, hit.start())
            if hijri:
                found = _by_written_weekday(found, weekday)
            yield Candidate(
                start, hit.end(), v.day_value(found, calendar),
                "hijri" if hijri else "numeric", 0.9, day=found, month_day=(month, day, calendar),
            )  # fmt: skip


# خلال الفترة من 3 / 1436 هـ إلى 8 / 1436 هـ, 5 / 2015م: a month and its year across a
# slash, the era written (a bare 3/2015 is as often a score or a ratio).  Not the end of
# a whole date (20 / 3 / 1436هـ, numeric_dates'), nor two years (36/1437هـ, a season:
# its first number is above 12).
NUMERIC_MONTH = rx(
    r"(?<![\d/.\-\\])(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})(?![\d/\\])"
    r"\s*(?P<era>ه(?:جري(?:ه)?)?|م(?:يلادي(?:ه)?)?)(?!\w)"
)
NUMERIC_MONTH_CORE = rx(r"\d\s*/\s*\d{4}\s*[هم]")
DATE_PART_BEFORE = rx(r"\d\s*[/\-.\\]\s*$")


def numeric_months(ctx: Context) -> Iterator[Candidate]:
    """3 / 1436 هـ, 5/2015م: a month written as its number before its year."""
    text = ctx.text
    for hit in ctx.each_match(NUMERIC_MONTH, NUMERIC_MONTH_CORE):
        month, year = int(hit.group("m")), int(hit.group("y"))
        start = hit.start()
        if not 1 <= month <= 12 or DATE_PART_BEFORE.search(text, max(0, start - 6), start):
            continue
        if hit.group("era").startswith("ه"):
            value = v.hijri_month_value(year, month) if 1300 <= year <= 1500 else None
            if value is not None:
                yield Candidate(start, hit.end(), value, "hijri", 0.85)
        elif 1000 <= year <= 2200:
            yield Candidate(start, hit.end(), v.month_value(year, month), "month_year", 0.85)


# "عام 2014", "في 2004", "منذ سنة 2017", "لعام 1436هـ", "العام المالي 2015", "الأعوام
# 2012 و2014", "1990م", "(1962)", "رؤية 2030".
NAMED_YEAR_NOUNS = (
    r"رؤيه|خطه|استراتيجيه|موازنه|ميزانيه|موسم|كاس|مونديال|اكسبو|اولمبياد|دوره|بطوله|نسخه|"
    r"تعداد|انتخابات|مهرجان|معرض|منتدي|قمه"
)
_YEAR_PREPS = "في|منذ|حتى|خلال|قبل|بعد|مطلع|اوائل|اواخر|منتصف|نهايه|بدايه|بحلول|من"
_YEAR_NOUNS = "عام|سنه|اعوام|سنوات"
# What (?:[وف]?[بلك]?(?:ال)?|[وف]?لل) matches before a year's noun or a name.
_NOUN_PREFIXES = (
    *(c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك") for a in ("", "ال")),
    *("لل", "ولل", "فلل"),
)
# YEAR without its lookbehind: a preposition, a noun or a name, a bracket, the year.
YEAR_BODY = (
    rf"(?P<prep>[وف]?(?:{_YEAR_PREPS})\s+)?"
    rf"(?:(?P<noun>(?:[وف]?[بلك]?(?:ال)?|[وف]?لل)(?:{_YEAR_NOUNS})(?:\s+ال\w{{1,40}})?\s*)"
    rf"|(?P<named>(?:[وف]?[بلك]?(?:ال)?|[وف]?لل)(?:{NAMED_YEAR_NOUNS})(?:\s+(?!\d)\w{{1,40}})?[\s\-]*))?"
    # و1990م, و(1962): a year joined by و or ف, glued to it (outside the span).
    r"(?:[وف](?=[(\[]?\d))?"
    r"(?P<open>[(\[]\s*)?"
    # 1107.6 مليون: the whole part of a decimal is no year.
    rf"(?<![\d/.\\])(?<!\d-)(?P<y>\d{{4}})(?![\d/\-\\]|[.٫]\d){ERA}(?P<close>\s*[)\]])?"
)
# Where a match of YEAR_BODY can begin: its first item is a preposition with its
# clitic, a noun or a name with theirs, a bracket or the year's first digit.  A
# lookahead of those forms in one trie comes first, so that at a word none of them
# begins (most words within a year's reach) the optional items are not each tried
# with every combination of clitics.  It consumes nothing and holds no group: every
# match is YEAR_BODY's own (a test compares them).
YEAR_LEAD = (
    r"(?=[(\[]|\d|[وف][(\[]?\d|"
    + lx.prefixed_alternation(
        [
            (("", "و", "ف"), strip_marks(_YEAR_PREPS).split("|")),
            (
                map(strip_marks, _NOUN_PREFIXES),
                strip_marks(f"{_YEAR_NOUNS}|{NAMED_YEAR_NOUNS}").split("|"),
            ),
        ]
    )
    + ")"
)
YEAR = rx(START + YEAR_LEAD + YEAR_BODY)
RANGE_AFTER = rx(r"\s*(?:-|حتي|الي|لغايه)\s*")
# قبل ألفي سنة (2000): a count before the noun, its figure in brackets; a length, no year.
COUNT_BEFORE_NOUN = rx(rf"(?:(?<!\w)(?P<w>{lx.alternation(lx.NUMBER_PARTS)})|(?P<d>\d+))\s+$")
# The next years of a list: الأعوام 2012 و2014 و2016.
NEXT_YEAR = rx(rf"\s*[،,]?\s*(?:و|او)\s*(?P<y>\d{{4}})(?![\d/\-]){ERA}")
# شغل المنصب في سنوات 1990: سنوات (with no ال) before a round year is its decade, in
# Maghrebi usage; not before a list of years (سنوات 2007، 2008, سنوات 93، 94، 1995).
DECADE_NOUN = rx(r"[وف]?[بلك]?سنوات\s*")
LIST_AFTER = rx(r"\s*[،,]?\s*(?:و|او)?\s*\d{2,4}(?!\d)")
PLURAL_NOUN = rx(r"[وف]?[بلك]?(?:ال)?(?:اعوام|سنوات)(?!\w)")


def years(ctx: Context) -> Iterator[Candidate]:
    """A year after a cue word, with its era or in brackets; a bare number is never a year."""
    text = ctx.text
    walked = 0  # where the last list of years (2012 و2014 و2016) was followed to
    for hit in ctx.each_match(YEAR, stops=PHRASE_STOPS):
        # One call for the groups (a call each cost more than the rest of a dense year).
        prep, noun, named, opening, closing, era, year = hit.group(
            "prep", "noun", "named", "open", "close", "era", "y"
        )
        era = era or ""
        y_start, y_end, hit_end = hit.start("y"), hit.end("y"), hit.end()
        if (
            not (prep or noun or named or (opening and closing) or era)
            and not _chronology_entry(text, y_start, y_end)
            and not _year_pair(text, y_end, int(year))
        ):
            continue
        if (
            prep
            and prep.strip().lstrip("وف") == "من"
            and not (noun or RANGE_AFTER.match(text, hit_end))
        ):
            continue  # من 2000 ...: a count as often as a year; من 2010 حتى تموز is one
        if noun and opening and _counted(text, hit.start("noun"), int(year)):
            continue
        if noun and not era.startswith("ه") and _far_from_now(noun, int(year), ctx.today):
            continue  # العام الماضي 1000 يورو: an amount, the phrase its year alone
        if (not noun and QUANTITY_AFTER.match(text, hit_end)) or QUANTITY_BEFORE.search(
            text, y_start - 20 if y_start > 20 else 0, y_start
        ):
            continue
        if (
            not (noun or era)
            and ctx.today is not None
            and _far_count(
                int(year) - ctx.today.year, int(year), bool(opening and closing and not prep)
            )
        ):
            continue
        # TempEval-3 spans: the noun (عام 2014) is in, a preposition, a name (رؤية)
        # and brackets are out.  A plural before a bracket (الأعوام (1948، 1956),
        # العشر سنوات السابقة (2004 - 2014)) names the years in it, each or their range
        # a mention of its own: it is out too.
        start = hit.start("noun") if noun and not (opening and PLURAL_NOUN.match(noun)) else y_start
        end = hit.end("era") if era else y_end
        if BEFORE_THE_ERA_AFTER.match(text, end):
            continue  # نحو عام 1258 قبل الميلاد: a year before the era, not 1258
        if (
            noun
            and year.endswith("0")
            and not era.startswith("ه")
            and DECADE_NOUN.fullmatch(noun)
            and not LIST_AFTER.match(text, end)
        ):
            yield Candidate(start, end, v.decade_value(int(year)), "decade", 0.75)
            continue
        candidate = _year_candidate(int(year), era, start, end, bool(noun), 0.9 if noun else 0.75)
        if candidate is None:
            continue
        yield candidate
        # A year of a list already followed: its next years were yielded then (the same
        # spans and values), and following them again from each year of a long list
        # (1436هـ و1436هـ و...) made the list's length squared in candidates.
        pos = end if end > walked else walked
        while (more := NEXT_YEAR.match(text, pos)) is not None:
            if QUANTITY_AFTER.match(text, more.end()):
                break
            more_era = more.group("era") or era
            follow = _year_candidate(
                int(more.group("y")), more_era, more.start("y"), more.end(), bool(noun), 0.75
            )
            if follow is None:
                break
            yield follow
            pos = more.end()
        walked = pos


# 2014 و2015 زائرا: what the numbers count, an indefinite accusative after them (not an
# adverb: أيضا, تقريبا).
COUNTED_AFTER = rx(r"\s+(?!(?:ايضا|تقريبا|معا|حاليا|سابقا|تباعا)(?!\w))\w{2,40}ا(?!\w)")


def _year_pair(text: str, end: int, year: int) -> bool:
    """Whether a bare four-digit number ending at end is the first of two years joined by
    و or أو (محصول 2014 أو 2015, أرباح 2013 و2014): two numbers of this century or the
    last, a few apart, with no quantity after the second, are years, not counts."""
    if not 1900 <= year <= 2100:
        return False
    more = NEXT_YEAR.match(text, end)
    if more is None or (more.group("era") or "").startswith("ه"):
        return False
    second = int(more.group("y"))
    return (
        0 < second - year <= 10
        and QUANTITY_AFTER.match(text, more.end()) is None
        and COUNTED_AFTER.match(text, more.end()) is None
    )


def _far_count(ahead: int, year: int, bracketed: bool) -> bool:
    """Whether a year with no noun or era, ahead years after the anchor's, is a count.

    A figure in brackets is a year after a title or an event's name (كازابلانكا (1942)),
    never one far ahead: (2155) مشروعا, (2199) من المتقدمين count things.  Far ahead
    without brackets, a year is a target, and targets are round, the farther the rounder
    (بحلول 2035, في 2100): خلال 2130 صفقة counts deals.
    """
    return (
        (bracketed and ahead > 10)
        or (ahead > 50 and year % 5 != 0)
        or (ahead > 90 and year % 50 != 0)
    )


# العام الماضي 1000 يورو, خلال العام الحالي 1190 دولارا: a word of now after the noun
# names the anchor's year or one near it, so a number far from that counts something
# (the corpus's 3 such were all amounts) and the phrase names its year alone.  Not
# السابق or التالي, counted from a year of the story (العام السابق 1989).
NOW_MODIFIERS = (lx.PAST_WORDS | lx.FUTURE_WORDS | lx.CURRENT_WORDS) - {"السابق", "التالي"}
NEAR_NOW = 10  # years either side of the anchor's; a stale text's own year is within


def _far_from_now(noun: str, year: int, today: date | None) -> bool:
    """Whether year, written after a noun of years with a word of now (العام الماضي),
    is too far from the year that word names to be it."""
    words = noun.split()
    if len(words) < 2 or words[-1] not in NOW_MODIFIERS:
        return False
    if today is None:
        return not 1900 <= year <= 2100
    return abs(year - today.year) > NEAR_NOW


def _counted(text: str, noun: int, year: int) -> bool:
    """Whether a count before the noun is the bracketed figure (ألفي سنة (2000))."""
    hit = COUNT_BEFORE_NOUN.search(text, max(0, noun - 16), noun)
    if hit is None:
        return False
    count = int(hit.group("d")) if hit.group("d") else lx.number_value(hit.group("w"))
    return count == year


# A chronology's entry: the year opens its line (after a bullet) and a colon or a dash
# follows it (2005: فاز بالكأس, - 1998 - تأسيس الشركة).
LINE_OPENING = rx(r"[ \t\-*•●▪◾■►]*$")
ENTRY_MARK_AFTER = rx(r"[ \t]*(?::|-\s|–)")


_LINE_OPENING_CHARS = frozenset(" \t-*•●▪◾■►")  # what LINE_OPENING allows before a year


def _chronology_entry(text: str, start: int, end: int) -> bool:
    """Whether the year at [start, end) opens a line of a chronology ("2015: ...").

    Read back from the year over the opening's own characters only, never to the
    line's start: a text with no newline made that a pass to the text's start for each
    year, quadratic in a long article.
    """
    if ENTRY_MARK_AFTER.match(text, end) is None:
        return False
    line = start
    while line and text[line - 1] in _LINE_OPENING_CHARS:
        line -= 1
    return not line or text[line - 1] == "\n"


def _year_candidate(
    year: int, era: str, start: int, end: int, has_noun: bool, confidence: float
) -> Candidate | None:
    if era.startswith("ه"):
        value = v.hijri_years_interval(year, year)
        return None if value is None else Candidate(start, end, value, "hijri", 0.85)
    # Without an era, 1300-1500 may be Hijri (Saudi usage) or a Gregorian year of
    # history; neither reading is safe enough to put on the timeline.
    if 1300 <= year <= 1500 and not era:
        return None
    low = 1000 if has_noun or era else 1800
    if not low <= year <= 2200:
        return None
    return Candidate(start, end, v.year_value(year), "year", confidence)


# "1950-1953", "2015 - 2016", "بين 2003 و2010", "عامي 2015 و2016م", "من 2004 حتى 2007".
YEAR_RANGE = rx(
    rf"{START}(?P<pre>(?:[وف]?(?:في|منذ|خلال|من)\s+)?(?P<between>(?:ال)?فتره\s+(?:من|بين)\s+|[وف]?بين\s+)?"
    rf"(?P<noun>(?:[وف]?[بلك]?(?:ال)?|[وف]?لل)(?:عام|عامي|سنه|سنتي|اعوام|سنوات)\s+)?|و(?=\d{{4}}\s*[-_]))"
    r"(?<![\d/.\-])(?P<y1>\d{4})(?:\s*م)?\s*(?P<sep>-|_|/|الى|حتى|لغايه|و)\s*(?P<y2>\d{4})(?![\d/\-])"
    rf"{ERA}"
)


# What every YEAR_RANGE match holds (Context.each_match): two years and what joins them.
YEAR_RANGE_CORE = rx(r"\d{4}(?:\s*م)?\s*(?:-|_|/|الى|حتى|لغايه|و)\s*\d{4}")

# العام الدراسي 2014 / 2015, موسم 2010 / 2011: a school, fiscal or sports year.
ACADEMIC_BEFORE = rx(
    r"(?<!\w)(?:(?:[وفبل]?ال|[وف]?لل)?(?:عام|سنه)\s+)?(?:الدراسي|المالي|الجامعي)\s+$"
    r"|(?<!\w)[وفبل]?(?:ال)?موسم\s+$"
)


def year_ranges(ctx: Context) -> Iterator[Candidate]:
    text = ctx.text
    for hit in ctx.each_match(YEAR_RANGE, YEAR_RANGE_CORE):
        first, last, sep = int(hit.group("y1")), int(hit.group("y2")), hit.group("sep")
        era = hit.group("era") or ""
        if (
            not first < last <= first + 100
            or QUANTITY_AFTER.match(text, hit.end())
            or BEFORE_THE_ERA_AFTER.match(text, hit.end())
        ):
            continue
        noun = (hit.group("noun") or "").strip()
        if sep == "و" and not (hit.group("between") or noun.endswith(("عامي", "سنتي"))):
            continue  # "2015 و2016" is two numbers or two years (الأعوام 2012 و2014), no range
        if era.startswith("ه"):
            # العام الدراسي 1436 / 1437هـ: consecutive Hijri years.
            value = v.hijri_years_interval(first, last)
            if value is not None:
                yield Candidate(hit.start("y1"), hit.end(), value, "hijri", 0.85)
            continue
        academic = (
            ACADEMIC_BEFORE.search(text, max(0, hit.start("y1") - 24), hit.start("y1"))
            if sep == "/" and last == first + 1
            else None
        )
        if (sep == "/" and not academic) or not (first >= 1000 and last <= 2200):
            continue
        if 1300 <= first <= 1500:
            continue
        # Keep the cue words that make it a range (بين, عامي) inside the span, not the
        # bare preposition before it.
        start = hit.start("between") if hit.group("between") else hit.start("y1")
        if hit.group("noun") and not hit.group("between"):
            start = hit.start("noun")
        if academic:
            start = academic.start()
        yield Candidate(start, hit.end(), v.years_interval(first, last), "range", 0.9)


DECADE = rx(
    rf"{START}{DEFINITE}?(?P<stem>{lx.alternation(lx.DECADE_STEMS)})ي{{1,2}}ن(?:ي{{1,2}})?ات{END}"
    r"(?:\s+(?:من\s+)?(?:ال)?قرن\s+(?P<century>الماضي|المنصرم|الفائت|العشرين|التاسع\s+عشر|"
    r"الحالي|الحادي\s+والعشرين|الثامن\s+عشر))?"
)
AGE_AFTER = rx(r"\s+(?:من\s+)?(?:عمر|العمر|سن)")
# في السبعينيات والثمانينيات من العمر, الستينيات أو السبعينيات من عمره: the first of two
# decades is the age the second is (1 mention of the corpus changed, so).
PAIRED_AGE_AFTER = rx(
    rf"\s+(?:و|او)\s*{DEFINITE}?(?:{lx.alternation(lx.DECADE_STEMS)})ي{{1,2}}ن(?:ي{{1,2}})?ات"
    r"\s+(?:من\s+)?(?:عمر|العمر|سن)"
)
LEVEL_BEFORE = rx(r"(?<!\w)[وفبل]?(?:بحر|مستوي|مستويات|حاجز|نطاق|منطقه)\s+$")
# ارتفاع الحرارة إلى الخمسينات المئوية, أواخر الأربعينيات المئوية: degrees Celsius, a
# temperature (7 in the corpus, all weather reports), not a decade.
CELSIUS_AFTER = rx(r"\s+(?:ال)?(?:مئويه|درجات)(?!\w)")
HIJRI_DECADE_AFTER = rx(r"\s+(?:ال)?هجري")  # التسعينات الهجرية: the 1390s AH, not placed
CENTURY_STARTS = {
    "العشرين": 1900,
    "التاسع عشر": 1800,
    "الثامن عشر": 1700,
    "السابع عشر": 1600,
    "الحادي والعشرين": 2000,
}


def _century_start(ctx: Context, word: str | None) -> int:
    if word is None:
        return 1900
    word = re.sub(r"\s+", " ", word)
    if word in CENTURY_STARTS:
        return CENTURY_STARTS[word]
    current = (ctx.anchor.year if ctx.anchor else 2000) // 100 * 100
    return current if word in ("الحالي", "الجاري") else current - 100


def decades(ctx: Context) -> Iterator[Candidate]:
    """السبعينيات, الثمانينات, ستينيات القرن الماضي -> '197X'."""
    for hit in ctx.scan(DECADE, DECADE_ANCHOR, reach=DECADE_REACH):
        if AGE_AFTER.match(ctx.text, hit.end()) or PAIRED_AGE_AFTER.match(ctx.text, hit.end()):
            continue  # في الخمسينات من عمره: an age, not a decade
        if HIJRI_DECADE_AFTER.match(ctx.text, hit.end()):
            continue
        if CELSIUS_AFTER.match(ctx.text, hit.end()):
            continue  # الخمسينات المئوية: a temperature
        if not hit.group("century") and LEVEL_BEFORE.search(
            ctx.text, max(0, hit.start() - 12), hit.start()
        ):
            continue  # في بحر الأربعينات, مستوى الخمسينات: a price or a level, not a decade
        first = _century_start(ctx, hit.group("century")) + 10 * lx.DECADE_STEMS[hit.group("stem")]
        yield Candidate(hit.start(), hit.end(), v.decade_value(first), "decade", 0.85)


# العقد الأول من القرن الحادي والعشرين: the decade by its rank in a named century.
DECADE_RANKS = {
    strip_marks(word): rank
    for word, rank in {
        "الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
        "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "الأخير": 10,
    }.items()
}  # fmt: skip
DECADE_RANK_ANCHOR = Anchor("عقد", ("عقد",))
DECADE_RANK = rx(
    rf"{START}{DEFINITE}عقد\s+(?P<rank>{lx.alternation(DECADE_RANKS)})\s+(?:من\s+)?(?:ال)?قرن\s+"
    r"(?P<century>الماضي|المنصرم|الفائت|الحالي|الجاري|العشرين|التاسع\s+عشر|الحادي\s+والعشرين"
    r"|الثامن\s+عشر|السابع\s+عشر)(?!\w)"
)


def ranked_decades(ctx: Context) -> Iterator[Candidate]:
    """العقد الأول من القرن الحادي والعشرين -> '200X'; العقد الأخير من القرن الماضي -> '199X'."""
    for hit in ctx.scan(DECADE_RANK, DECADE_RANK_ANCHOR, reach=4):
        word = re.sub(r"\s+", " ", hit.group("century"))
        if word not in CENTURY_STARTS and ctx.anchor is None:
            continue
        first = _century_start(ctx, word) + 10 * (DECADE_RANKS[hit.group("rank")] - 1)
        yield Candidate(hit.start(), hit.end(), v.decade_value(first), "decade", 0.85)


CENTURY = rx(
    rf"{START}{DEFINITE}قرن\s+(?P<century>الماضي|المنصرم|الفائت|الحالي|الجاري|العشرين|"
    r"التاسع\s+عشر|الحادي\s+والعشرين|الثامن\s+عشر|السابع\s+عشر)(?!\w)"
)


# منذ الربع الأخير من القرن الماضي, النصف الثاني من القرن العشرين: a quarter or a half of
# a century is its years (1975/1999, 1950/1999), not the whole century.
PART_OF_CENTURY_BEFORE = rx(
    r"(?<!\w)(?:[وفبل]|لل)?ال(?P<part>ربع|نصف)\s+(?P<ord>الاول|الثاني|الثالث|الرابع|الاخير)"
    r"\s+(?:من\s+)?$"
)


def centuries(ctx: Context) -> Iterator[Candidate]:
    """القرن الماضي, القرن العشرين -> '19'; الربع الأخير من القرن الماضي -> '1975/1999'."""
    for hit in ctx.scan(CENTURY, CENTURY_ANCHOR, reach=4):
        word = re.sub(r"\s+", " ", hit.group("century"))
        if word not in CENTURY_STARTS and ctx.anchor is None:
            continue
        kind = "decade" if word in CENTURY_STARTS else "relative"
        first = _century_start(ctx, word)
        part = PART_OF_CENTURY_BEFORE.search(ctx.text, max(0, hit.start() - 30), hit.start())
        if part is not None:
            size = 25 if part.group("part") == "ربع" else 50
            rank = (QUARTERS if size == 25 else HALVES).get(part.group("ord"))
            if rank is not None:
                start = first + size * (rank - 1)
                value = v.years_interval(start, start + size - 1)
                yield Candidate(part.start(), hit.end(), value, kind, 0.8)
                continue
        yield Candidate(hit.start(), hit.end(), v.century_value(first), kind, 0.8)


SEASON_NAMES = lx.alternation(lx.SEASONS)
SEASON_ANCHOR = Anchor(SEASON_NAMES, lx.SEASONS)
SEASON = rx(
    rf"{START}(?P<this>[وف]?(?:هذا|هذه)\s+)?(?:{DEFINITE}|{INDEFINITE})(?P<s>{SEASON_NAMES}){END}"
    r"(?:\s+(?:من\s+)?(?:(?:ال)?(?:عام|سنه)\s+)?(?P<y>\d{4})(?![\d/])"
    r"(?:\s*(?P<era>م|ه|هجري|هجريه)(?!\w)|(?!\s*ه))"
    rf"|\s+(?:من\s+)?(?:ال)?(?:عام|سنه)\s+(?P<ymod>{MODIFIER}){END}"
    rf"|\s+(?P<thisyear>هذا\s+العام|هذه\s+السنه){END}"
    rf"|\s+(?P<mod>{MODIFIER}){END})?"
)
# A season's name just before another (لربيع وصيف 2016: two seasons, not a runner-up).
SEASON_BEFORE = rx(rf"(?<!\w)(?:{DEFINITE}|{INDEFINITE})(?:{SEASON_NAMES})\s+$")
# The season of any year (فصل الصيف, موسم الشتاء) and every one (كل صيف): the word
# just before the season's name.
SEASON_NOUN_BEFORE = rx(r"(?<!\w)[وفبل]?(?P<w>فصل|موسم)\s+$")
EVERY_SEASON_BEFORE = rx(r"(?<!\w)[وف]?(?P<w>كل)\s+$")
# منذ بداية موسم الصيف, منذ بدء فصل الشتاء: since that season began, the one in course
# or the last one begun, not any year's (مع دخول فصل الصيف may be a habit of every year).
SINCE_SEASON_BEGAN_BEFORE = rx(r"(?<!\w)[وف]?منذ\s+(?:بدء|بدايه|مطلع|انطلاق|حلول|دخول|اول)\s+$")
# Where each season starts: (month, year offset); winter runs December to February
# and is named by the year it starts in (TimeML 2014-WI is the winter of 2014-15).
SEASON_STARTS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_value(year: int, code: str) -> DateValue:
    """'2019-SP': the meteorological season, three months from its first month."""
    month = SEASON_STARTS[code]
    start = datetime(year, month, 1)
    end_year, end_month = v.shift_months(year, month, 3)
    return DateValue(
        f"{year:04d}-{code}", "season", to_axis(start), to_axis(datetime(end_year, end_month, 1))
    )


# لفصل الصيف 1436هـ, لصيف 1434ه: a season with a Hijri year is the season that lies most in
# that year (10 mentions of the corpus, each a season of no year beside the whole Hijri
# year before, moved: all right when read).  With no era, 1300-1500 stays no year.
def _season_of_hijri_year(year: int, code: str) -> int | None:
    """The year of the season that lies most in the Hijri year (صيف 1436هـ: 2015), or
    None outside the Hijri years the conversion knows."""
    if not 1300 <= year <= 1500:
        return None
    first, last = v.hijri_to_gregorian(year, 1, 1), v.hijri_to_gregorian(year + 1, 1, 1)
    if first is None or last is None:
        return None
    lo, hi = (
        to_axis(datetime(first.year, first.month, first.day)),
        to_axis(datetime(last.year, last.month, last.day)),
    )

    def inside(y: int) -> int:
        season = season_value(y, code)
        return min(hi, season.end or lo) - max(lo, season.start or hi)

    return max(range(first.year - 1, last.year + 1), key=inside)


def _season_year(anchor: date, code: str, direction: str | None) -> int:
    """The year of the season meant relative to the anchor (past, future, current; begun:
    the latest that has started on or before it)."""
    options = [(y, season_value(y, code)) for y in range(anchor.year - 2, anchor.year + 2)]
    here = to_axis(datetime(anchor.year, anchor.month, anchor.day))
    if direction == "begun":
        return max(y for y, val in options if val.start is not None and val.start <= here)
    if direction == "past":
        return max(y for y, val in options if val.end is not None and val.end <= here)
    if direction == "future":
        return min(y for y, val in options if val.start is not None and val.start > here)
    for y, val in options:
        if val.start is not None and val.end is not None and val.start <= here < val.end:
            return y
    return anchor.year


def seasons(ctx: Context) -> Iterator[Candidate]:
    """في ربيع 2019 (2019-SP), الصيف المقبل, الشتاء الماضي, صيف العام الماضي, هذا الصيف."""
    for hit in ctx.scan(SEASON, SEASON_ANCHOR, reach=16):
        code = lx.SEASONS[hit.group("s")]
        start = hit.start()
        if hit.group("y"):
            year = int(hit.group("y"))
            if (hit.group("era") or "").startswith("ه"):
                # لفصل الصيف 1436هـ: the season that falls in that Hijri year.
                hijri = _season_of_hijri_year(year, code)
                if hijri is None:
                    continue
                year = hijri
            elif not 1000 <= year <= 2200 or (1300 <= year <= 1500 and not hit.group("era")):
                continue  # الصيف 1436: a Hijri year with no era is too often no year
            if hit.group().startswith("وصيف") and not SEASON_BEFORE.search(
                ctx.text, max(0, start - 12), start
            ):
                continue  # بايرليفركوزن وصيف 2002: the runner-up of 2002 (ربيع وصيف 2015 is two seasons)
            yield Candidate(start, hit.end(), season_value(year, code), "season", 0.85)
            continue
        direction: str | None
        if hit.group("ymod"):
            direction = "year:" + (direction_of(hit.group("ymod")) or "current")
        elif hit.group("thisyear") or hit.group("this"):
            direction = "current"
        else:
            direction = direction_of(hit.group("mod")) if hit.group("mod") else None
        if direction is None:
            # فصل الصيف, موسم الشتاء: the season of any year (TimeML's XXXX-SU); كل صيف:
            # every summer.  Alone, الربيع العربي and خريف العمر are no season.
            indefinite = not hit.group().lstrip("وفبل").startswith("ال")  # كل الصيف: all summer
            if indefinite and (
                each := EVERY_SEASON_BEFORE.search(ctx.text, max(0, start - 6), start)
            ):
                yield Candidate(
                    each.start("w"), hit.end(), v.recurrence(f"XXXX-{code}"), "set", 0.7
                )
            elif noun := SEASON_NOUN_BEFORE.search(ctx.text, max(0, start - 8), start):
                since = SINCE_SEASON_BEGAN_BEFORE.search(
                    ctx.text, max(0, noun.start() - 16), noun.start()
                )
                if since is not None and ctx.anchor_day is not None:
                    year = _season_year(ctx.anchor_day, code, "begun")
                    value = season_value(year, code)
                    yield Candidate(noun.start("w"), hit.end(), value, "season", 0.7)
                else:
                    value = v.underspecified(f"XXXX-{code}")
                    yield Candidate(noun.start("w"), hit.end(), value, "season", 0.6)
            continue
        if ctx.anchor_day is None:
            yield Candidate(start, hit.end(), v.underspecified(f"XXXX-{code}"), "season", 0.6)
            continue
        if direction.startswith("year:"):
            year = ctx.anchor_day.year + {"year:past": -1, "year:future": 1}.get(direction, 0)
        else:
            year = _season_year(ctx.anchor_day, code, direction)
        yield Candidate(start, hit.end(), season_value(year, code), "season", 0.8)


# A quarter or a half of a year: الربع الأول من العام الجاري (2015-Q1), النصف الثاني من
# 2014 (2014-H2), الربع الأخير من العام الماضي (2014-Q4). A bare العام after it is the
# anchor's year, as in مطلع العام; with no year at all (خلال الربع الأول) or of another
# year (الربع الأول من العام المالي: a fiscal year) it is left out.
PART_OF_YEAR_ANCHOR = Anchor(r"(?:ربع|نصف)", ("ربع", "نصف"))
# الربع الأول من العام 2015م (its era written); not العام الحالي 1436هـ, a Hijri year.
_OF_YEAR = (
    r"\s+(?:من\s+)?(?:(?:(?P<yword>ال)?(?:عام|سنه)\s*)?(?P<y>\d{4})(?![\d/])(?!\s*ه)(?:\s*م)?"
    rf"|(?P<bare>ال(?:عام|سنه))(?:\s+(?P<mod>{MODIFIER}))?){END}"
    r"(?!\s+(?:المالي|الماليه|الدراسي|الدراسيه|الهجري|الميلادي))"
    rf"(?!\s*(?:(?:{MODIFIER})\s*)?\d{{4}}\s*ه)"
)
PART_OF_YEAR = rx(
    r"(?<!\w)(?:[وفبل]|لل)?(?:ال)(?P<part>ربع|نصف)\s+(?P<ord>الاول|الثاني|الثالث|الرابع|الاخير)"
    + _OF_YEAR
)
# The first or last months of a year: الستة أشهر الأولى من العام الجاري (2015-H1), الأشهر
# الثلاثة الأخيرة من 2014 (2014-Q4), الشهرين الأولين من العام (2015-01/2015-02); the
# part of that year, not a length of six months.
MONTHS_OF_YEAR_ANCHOR = Anchor(r"(?:اشهر|شهور|شهرين)", ("اشهر", "شهور", "شهرين"))
MONTHS_OF_YEAR = rx(
    rf"(?<!\w)(?:(?:(?:{DEFINITE})?(?P<n>{CARDINAL})\s+(?:ال)?(?:اشهر|شهور)"
    rf"|{DEFINITE}(?:اشهر|شهور)\s+ال(?P<n2>{CARDINAL})|{DEFINITE}(?P<dual>شهرين))"
    r"\s+(?P<ord>الاولي|الاخيره|الاولين|الاخيرين)"
    # أول ستة أشهر من السنة, آخر ثلاثة أشهر من العام الماضي: the same, the word first.
    rf"|[وف]?[بل]?(?P<head>اول|اخر)\s+(?P<n3>{CARDINAL}|\d{{1,2}})\s+(?:اشهر|شهور))" + _OF_YEAR
)
QUARTERS = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 4}
HALVES = {"الاول": 1, "الثاني": 2, "الاخير": 2}


def part_of_year_value(year: int, code: str) -> DateValue:
    """'2015-Q1' (three months from January) or '2015-H2' (six months from July)."""
    months = 3 if code[0] == "Q" else 6
    first = (int(code[1]) - 1) * months + 1
    end_year, end_month = v.shift_months(year, first, months)
    return DateValue(
        f"{year:04d}-{code}",
        "interval",
        to_axis(datetime(year, first, 1)),
        to_axis(datetime(end_year, end_month, 1)),
    )


def parts_of_year(ctx: Context) -> Iterator[Candidate]:
    """الربع الأول من العام الجاري (2015-Q1), النصف الثاني من 2014 (2014-H2)."""
    hijri: list[tuple[int, int] | None] = []  # the Hijri year a part of a year named before, once
    for hit in ctx.scan(PART_OF_YEAR, PART_OF_YEAR_ANCHOR, 6, 60):
        table = QUARTERS if hit.group("part") == "ربع" else HALVES
        number = table.get(hit.group("ord"))
        if number is None:
            continue  # النصف الثالث: no half of a year
        if hit.group("bare") and not hit.group("mod"):
            # الربع الثالث من العام after الربع الثالث من العام الهجري الجاري in the
            # same text: that Hijri year's quarter, not the Gregorian one.
            if not hijri:
                hijri.append(_first_hijri_part_year(ctx))
            if hijri[0] is not None and hijri[0][1] < hit.start():
                size = 3 if table is QUARTERS else 6
                first, last = (number - 1) * size + 1, number * size
                value_h = _hijri_months_value(hijri[0][0], first, last)
                if value_h is not None:
                    yield Candidate(hit.start(), hit.end(), value_h, "season", 0.8)
                continue
        code = f"{'Q' if table is QUARTERS else 'H'}{number}"
        if hit.group("y"):
            year = int(hit.group("y"))
            if not 1000 <= year <= 2200 or 1300 <= year <= 1500:
                continue  # a Hijri year has no quarters here
            value = part_of_year_value(year, code)
        elif ctx.anchor_day is None:
            value = v.underspecified(f"XXXX-{code}")
        else:
            step = {"past": -1, "future": 1}.get(direction_of(hit.group("mod")) or "", 0)
            value = part_of_year_value(ctx.anchor_day.year + step, code)
        yield Candidate(hit.start(), hit.end(), value, "season", 0.8)


def _months_of_year_value(year: int, count: int, last: bool) -> DateValue:
    """2015-Q1, 2015-H2, or '2015-01/2015-02': the first or last count months of year."""
    code = {3: "Q4" if last else "Q1", 6: "H2" if last else "H1"}.get(count)
    if code is not None:
        return part_of_year_value(year, code)
    first = 13 - count if last else 1
    end_year, end_month = v.shift_months(year, first, count)
    return DateValue(
        f"{year:04d}-{first:02d}/{year:04d}-{first + count - 1:02d}",
        "interval",
        to_axis(datetime(year, first, 1)),
        to_axis(datetime(end_year, end_month, 1)),
    )


def months_of_year(ctx: Context) -> Iterator[Candidate]:
    """الستة أشهر الأولى من العام الجاري (2015-H1), الأشهر الثلاثة الأخيرة من 2014 (2014-Q4)."""
    text = ctx.text
    if "الاولي" not in text and "الاخير" not in text and "اول" not in text and "اخر" not in text:
        return  # no first or last months (str.find, where أشهر "most famous" is common)
    for hit in ctx.scan(MONTHS_OF_YEAR, MONTHS_OF_YEAR_ANCHOR, 12, 60):
        words = hit.group("n") or hit.group("n2") or hit.group("n3") or ""
        if words.isdigit():
            count: int | None = int(words)
        else:
            count = 2 if hit.group("dual") else lx.CARDINALS.get(one_space(words))
        if count is None or not 2 <= count <= 11:
            continue
        last = (hit.group("ord") or hit.group("head")).startswith(("الاخير", "اخر"))
        if hit.group("y"):
            year = int(hit.group("y"))
            if not 1000 <= year <= 2200 or 1300 <= year <= 1500:
                continue  # a Hijri year's months are not these
        elif ctx.anchor_day is None:
            continue
        else:
            step = {"past": -1, "future": 1}.get(direction_of(hit.group("mod")) or "", 0)
            year = ctx.anchor_day.year + step
        value = _months_of_year_value(year, count, last)
        yield Candidate(hit.start(), hit.end(), value, "season", 0.8)


# A part of a Hijri year: الربع الثالث من العام الهجري الجاري (رجب - شعبان - رمضان), الست
# أشهر الأولى من العام الهجري الحالي, الأشهر التسعة الأولى من عام 1435هـ: those Hijri
# months, as the days they cover (a quarter's months three by three, the first or last N
# months; الماضية after a count is the months gone by since the year began).  They were
# read as a length (P6M), the whole Hijri year, or a Gregorian quarter (2015-Q3).  A
# count with neither ال nor an ordinal (تسعة أشهر من العام 1436هـ) is left as it was.
HIJRI_PART_ANCHOR = Anchor(r"(?:ربع|نصف|اشهر|شهور)", ("ربع", "نصف", "اشهر", "شهور"))
HIJRI_YEAR_QUICK = rx(r"الهجري|1[34]\d\d\s*ه")
HIJRI_PART_OF_YEAR = rx(
    r"(?<!\w)(?:(?:[وفبل]|لل)?ال(?P<part>ربع|نصف)\s+"
    r"(?P<ord>الاول|الثاني|الثالث|الرابع|الاخير|الماضي|المنصرم)"
    rf"|(?:{DEFINITE}(?P<n>{CARDINAL})\s+(?:ال)?(?:اشهر|شهور)"
    rf"|{DEFINITE}(?:اشهر|شهور)\s+ال(?P<n2>{CARDINAL})"
    rf"|(?P<n3>{CARDINAL})\s+(?:اشهر|شهور))"
    r"(?:\s+(?P<which>الاولي|الاخيره|الماضيه))?)"
    r"\s+(?:من|في)\s+(?:(?:ال)?(?:عام|سنه)\s+(?:الهجري|الهجريه)"
    rf"(?:\s+(?P<mod>{MODIFIER}))?{END}"
    r"|(?:(?:ال)?(?:عام|سنه)\s*)?(?P<y>1[34]\d\d)\s*ه)"
)


DURING_BEFORE = rx(r"(?<!\w)[وف]?(?:خلال|في)\s+$")


def _hijri_months_value(year: int, first: int, last: int) -> DateValue | None:
    """The Gregorian days of Hijri months first..last of year (both whole)."""
    start = v.hijri_to_gregorian(year, first, 1)
    following = v.hijri_to_gregorian(year + (last == 12), last % 12 + 1, 1)
    if start is None or following is None:
        return None
    return v.days_interval(start, following - timedelta(days=1), v.HIJRI)


def _hijri_part_year(ctx: Context, hit: re.Match[str]) -> int | None:
    """The Hijri year a part of a Hijri year is of (its number, or the anchor's and its
    modifier's)."""
    if hit.group("y"):
        return int(hit.group("y"))
    if ctx.anchor_day is None or (today := v.gregorian_to_hijri(ctx.anchor_day)) is None:
        return None
    step = {"past": -1, "future": 1}.get(direction_of(hit.group("mod")) or "", 0)
    return today[0] + step


def _first_hijri_part_year(ctx: Context) -> tuple[int, int] | None:
    """(year, end) of the first part of a Hijri year in the text, if any (one search)."""
    if HIJRI_YEAR_QUICK.search(ctx.text) is None:
        return None
    hit = HIJRI_PART_OF_YEAR.search(ctx.text)
    if hit is None:
        return None
    year = _hijri_part_year(ctx, hit)
    return None if year is None else (year, hit.end())


def parts_of_hijri_year(ctx: Context) -> Iterator[Candidate]:
    """الربع الثالث من العام الهجري الجاري, الست أشهر الأولى من العام الهجري الحالي."""
    text = ctx.text
    if (
        "اشهر" not in text and "شهور" not in text and "ربع" not in text and "نصف" not in text
    ) or HIJRI_YEAR_QUICK.search(text) is None:
        return  # no part of a year, or no Hijri year (str.find first: the anchor's scan
        # over a megabyte of dates was 2% of the extraction)
    today = None if ctx.anchor_day is None else v.gregorian_to_hijri(ctx.anchor_day)
    for hit in ctx.scan(HIJRI_PART_OF_YEAR, HIJRI_PART_ANCHOR, 12, 70):
        year = _hijri_part_year(ctx, hit)
        if year is None:
            continue
        if hit.group("part"):
            size = 3 if hit.group("part") == "ربع" else 6
            if hit.group("ord") in ("الماضي", "المنصرم"):
                # الربع الماضي من العام الهجري: the last whole quarter (half) of the
                # current Hijri year before the anchor's month.
                if hit.group("y") or hit.group("mod") or today is None:
                    continue
                number = (today[1] - 1) // size
            else:
                table = QUARTERS if size == 3 else HALVES
                number = table.get(hit.group("ord"), 0)
            if number < 1:
                continue
            first, last = (number - 1) * size + 1, number * size
        else:
            count = lx.CARDINALS.get(
                one_space(hit.group("n") or hit.group("n2") or hit.group("n3"))
            )
            if count is None or not 2 <= count <= 11:
                continue
            if hit.group("which") == "الاخيره":
                first, last = 13 - count, 12
            else:
                first, last = 1, count
            if hit.group("n3") and not hit.group("which"):
                # خلال تسعة أشهر من العام 1436هـ: a bare count is the months gone by
                # since the year began, after خلال / في only, and only when so many have.
                if not DURING_BEFORE.search(text, max(0, hit.start() - 8), hit.start()):
                    continue
                if today is None or (year, count) > (today[0], today[1] - 1):
                    continue
        value = _hijri_months_value(year, first, last)
        if value is not None:
            yield Candidate(hit.start(), hit.end(), value, "season", 0.8)


# A weekday and a day written without a year: الثلاثاء 10/12, الخميس 14/10. Arab writers
# put the day first in Gregorian dates and often the month first in Hijri ones; the
# reading whose day is that weekday, near the anchor, is the date (when only one is).
SHORT_DATE = rx(r"(?P<a>\d{1,2})\s*/\s*(?P<b>\d{1,2})(?![\d/]|\s*/)")
SHORT_DATE_REACH = 120  # days from the anchor a reading may fall
ERA_SOON_AFTER = rx(r"[^.!?؟\n]{0,40}?\d{4}\s*(?P<era>ه|م)(?!\w)")


def _short_readings(anchor: date, a: int, b: int) -> set[tuple[date, str]]:
    found: set[tuple[date, str]] = set()
    hijri_today = v.gregorian_to_hijri(anchor)
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        day = v.valid_date(year, b, a)
        if day is not None:
            found.add((day, v.GREGORIAN))
    if hijri_today is not None:
        for year in (hijri_today[0] - 1, hijri_today[0], hijri_today[0] + 1):
            for month, dom in ((a, b), (b, a)):
                if 1 <= month <= 12 and 1 <= dom <= 30:
                    day = v.hijri_to_gregorian(year, month, dom)
                    if day is not None:
                        found.add((day, v.HIJRI))
    return {(d, cal) for d, cal in found if abs((d - anchor).days) <= SHORT_DATE_REACH}


def weekday_short_dates(ctx: Context) -> Iterator[Candidate]:
    """الثلاثاء 10/12 (12 Shawwal, a Tuesday), الخميس 30/7: checked by their weekday."""
    text = ctx.text
    if ctx.anchor_day is None or "/" not in text:
        return
    slash = text.find("/")
    while slash != -1:
        # Looked for at each slash (str.find), not by a regex pass over the whole text.
        hit = SHORT_DATE.search(text, max(0, slash - 3), slash + 10)
        slash = text.find("/", slash + 1)
        if hit is None or (hit.start() and text[hit.start() - 1] in "0123456789/.-"):
            continue
        weekday = WEEKDAY_BEFORE.search(text, max(0, hit.start() - 30), hit.start())
        if weekday is None:
            continue
        wanted = lx.WEEKDAYS[weekday.group("wd")]
        readings = {
            (d, cal)
            for d, cal in _short_readings(ctx.anchor_day, int(hit.group("a")), int(hit.group("b")))
            if d.weekday() == wanted
        }
        if len({d for d, _ in readings}) > 1 and (era := ERA_SOON_AFTER.match(text, hit.end())):
            # السبت 7 /11 الى 1 /12 /1436هـ: the calendar the next written year names.
            calendar = v.HIJRI if era.group("era").startswith("ه") else v.GREGORIAN
            readings = {(d, cal) for d, cal in readings if cal == calendar}
        if len({d for d, _ in readings}) != 1:
            continue  # none or two days fit: no date
        day, calendar = min(readings)
        yield Candidate(
            _weekday_start(ctx, hit.start()), hit.end(), v.day_value(day, calendar), "numeric",
            0.75, day=day, has_year=False,
        )  # fmt: skip


# يوم الثلاثاء 26 الشهر الجاري, الخميس الـ 28 من الشهر الحالي, السبت 5 من هذا الشهر: a
# day of the text's month (or the next, or the last) named with its weekday.  Saudi
# texts count such a day in the Hijri month as often as in the Gregorian one; the
# weekday says which, when only one of them falls on it.
DAY_OF_THIS_MONTH = rx(
    r"(?<![\d/])(?:ال\s*)?(?P<d>\d{1,2})\s+(?:من\s+)?(?:هذا\s+ال|ال)شهر"
    r"(?:\s+(?P<mod>الجاري|الحالي|المقبل|القادم|الماضي))?(?!\w)"
)
_MONTH_STEP = {"المقبل": 1, "القادم": 1, "الماضي": -1}


def _month_day_readings(anchor: date, step: int, day: int) -> set[tuple[date, str]]:
    """Day `day` of the anchor's Gregorian and Hijri months, moved by step months."""
    found: set[tuple[date, str]] = set()
    months = anchor.year * 12 + anchor.month - 1 + step
    gregorian = v.valid_date(months // 12, months % 12 + 1, day)
    if gregorian is not None:
        found.add((gregorian, v.GREGORIAN))
    hijri_today = v.gregorian_to_hijri(anchor)
    if hijri_today is not None and 1 <= day <= 30:
        months = hijri_today[0] * 12 + hijri_today[1] - 1 + step
        hijri = v.hijri_to_gregorian(months // 12, months % 12 + 1, day)
        if hijri is not None:
            found.add((hijri, v.HIJRI))
    return found


def weekday_month_days(ctx: Context) -> Iterator[Candidate]:
    """الثلاثاء 26 الشهر الجاري (26 Shawwal, a Tuesday): checked by its weekday."""
    text = ctx.text
    if ctx.anchor_day is None:
        return
    at = text.find("شهر")
    while at != -1:
        # Looked for at each شهر (str.find), not by a regex pass over the whole text.
        hit = DAY_OF_THIS_MONTH.search(text, max(0, at - 16), at + 16)
        at = text.find("شهر", at + 3)
        if hit is None:
            continue
        weekday = WEEKDAY_BEFORE.search(text, max(0, hit.start() - 30), hit.start())
        if weekday is None:
            continue
        wanted = lx.WEEKDAYS[weekday.group("wd")]
        step = _MONTH_STEP.get(hit.group("mod") or "", 0)
        readings = {
            (day, calendar)
            for day, calendar in _month_day_readings(ctx.anchor_day, step, int(hit.group("d")))
            if day.weekday() == wanted
        }
        if len({day for day, _ in readings}) != 1:
            continue  # none or both fall on that weekday: no date
        day, calendar = min(readings)
        yield Candidate(
            _weekday_start(ctx, hit.start()), hit.end(), v.day_value(day, calendar), "numeric",
            0.75, day=day, has_year=False,
        )  # fmt: skip
