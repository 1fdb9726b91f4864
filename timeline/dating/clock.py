"""Rules for clock times: الساعة 8:30 صباحاً, 01:32 ص, الرابعة عصراً, 17:21 ت م."""

from __future__ import annotations

import re
from collections.abc import Iterator

from timeline.dating import lexicon as lx
from timeline.dating import values as v
from timeline.dating.context import (
    CLAUSE_STOPS,
    DIGITS,
    END,
    START,
    WEEKDAYS,
    Anchor,
    Before,
    Candidate,
    Context,
    rx,
)
from timeline.dating.normalize import GIL_STEP

PERIOD_WORDS = lx.alternation(lx.AM_WORDS | lx.PM_WORDS | lx.NIGHT_WORDS | lx.NOON_WORDS)
ZONE = (
    rf"(?P<zone>بتوقيت\s+(?P<place>{lx.alternation(lx.TIMEZONE_OFFSETS)})"
    r"|ت\s?\.?\s?م|(?:GMT|UTC|gmt|utc))"
)
# "(في تمام) الساعة (الـ)" before a time; looked for behind the number, which is
# faster than trying it at every position of the text.  The span starts at الساعة:
# في تمام / عند are signals, outside the TIMEX3 (TempEval-3).
CUE_BEFORE = Before(
    r"(?:[وف]?(?:في\s+)?(?:تمام\s+)?(?:عند\s+)?(?:حوالي\s+)?)?(?<!\w)(?P<cue>(?:ال)?ساعه)\s+(?:ال\s*)?$",
    ("ساعه",),
    CLAUSE_STOPS,  # letters and whitespace only
)
# Begins with the digit, not with a lookbehind, so the engine can skip to digits;
# the character before is checked in clock_times (no digit, :, / or . before).
# الساعة الثالثة من مساء الجمعة, الساعة 2:47 من بعد ظهر أمس: the part of the day after
# من sets the clock (and, with a day after it, the mention joins that day).
OF_PART = rf"(?=\s+من\s+(?P<of>مساء|صباح|فجر|ظهر|عصر|بعد\s+(?:ال)?(?:ظهر|ظهيره)){END})"
DIGIT_TIME = Anchor(
    r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?)?(?![\d:/])"
    rf"(?:\s*(?P<period>{PERIOD_WORDS}){END}|{OF_PART})?(?:\s*{ZONE}{END})?",
    DIGITS,
)
# الساعة العاشرة وعشرين دقيقة (10:20), الثانية وخمس وثلاثين دقيقة: minutes in words.
_NUMBER = lx.alternation(lx.NUMBER_PARTS)
MINUTE_WORDS = rf"{_NUMBER}(?:\s+و\s*{_NUMBER})?"
HOUR_WORD_ANCHOR = Anchor(lx.alternation(lx.HOUR_WORDS), lx.HOUR_WORDS)
WORD_TIME = rx(
    rf"{START}(?P<hw>{lx.alternation(lx.HOUR_WORDS)}){END}"
    r"(?:\s+(?P<frac>و\s*النصف|و\s*الربع|و\s*الثلث|الا\s+ربعا|الا\s+ربع|الا\s+الربع|الا\s+ثلثا|الا\s+ثلث"
    rf"|و\s*(?P<mins>\d{{1,2}}|{MINUTE_WORDS})\s+(?:دقيقه|دقائق){END}))?"
    rf"(?:\s+(?P<period>{PERIOD_WORDS}){END}|{OF_PART})?"
    rf"(?:\s*{ZONE}{END})?"
)
FRACTIONS = {"والنصف": 30, "والربع": 15, "والثلث": 20}
# الساعة 5:30 حتى السابعة مساءً: the period at the end of a range holds for its start.
RANGE_PERIOD_AFTER = rx(
    r"\s*(?:و?حتي|و?الي|-|–)\s*(?:(?:ال)?ساعه\s+)?(?P<end>\S{1,40})(?:\s+و\S{1,40})?"
    rf"\s+(?P<period>{PERIOD_WORDS}){END}"
)


def range_period(text: str, end: int, hour: int) -> str | None:
    """The period written after a range's end that holds for its start at hour (12-hour),
    if any: من الساعة الخامسة وحتى التاسعة مساء is five to nine in the evening.  Not when
    the start is a later hour than the end (العاشرة حتى الخامسة مساء: ten in the morning)."""
    ranged = RANGE_PERIOD_AFTER.match(text, end)
    if ranged is None:
        return None
    last = ranged.group("end").split(":")[0]
    last_hour = int(last) if last.isdigit() else lx.HOUR_WORDS.get(last)
    if last_hour is not None and hour % 12 > last_hour % 12:
        return None
    return ranged.group("period")


# الساعة الخامسة من صباح أحد أيام رمضان: a time on some day, not the publication day.
SOME_DAY_AFTER = rx(
    r"\s+(?:من\s+)?(?:(?:صباح|مساء|ظهر|عصر|فجر|ليله)\s+)?(?:احد|ذات)\s+(?:ال)?(?:ايام|ليالي|يوم|ليله)"
)
# يومياً من الساعة الخامسة: a daily schedule, not an event; so are the hours of a curfew
# or a ban (حظر التجوال من السابعة مساء حتى السادسة صباحا, منع العمل من الساعة 12),
# imposed day after day, and those of all the days of a time (استمرت طوال أيام العيد
# من الخامسة عصراً وحتى الحادية عشرة مساء).
# Gated by the words every match holds (a search from every one of the 120 characters
# before each time was half the clock rule's work in a text dense with dates).
RECURRING_BEFORE = Before(
    r"(?:يوميا|كل\s+يوم|يوميه|اسبوعيا|(?:طيله|طوال)\s+(?:(?:ايام\s+)?(?:الاسبوع|العام|الشهر)|ايام(?!\w))"
    r"|(?<!\w)[وف]?(?:ال)?حظر(?!\w)|منع\s+(?:ال)?(?:تجو(?:ا)?ل|عمل))"
    r"[^.!?؟\n]*$",
    ("يوميا", "كل", "يوميه", "اسبوعيا", "طيله", "طوال", "حظر", "منع"),
)
# من الساعة 12 ظهراً إلى الساعة 3 مساءً خلال الفترة الواقعة بين...: hours of every day;
# the range's end may be an hour of two words (حتى الحادية عشرة مساء طيلة أيام العيد).
RECURRING_AFTER = rx(
    r"(?:[^.!?؟\n]{0,40}?(?:الي|حتي)\s+(?:ال)?(?:ساعه\s+)?(?:ال\s+)?\S{1,40}(?:\s+\S{1,40}){1,2})?"
    r"\s*[،,]?\s+"
    r"(?:خلال\s+الفتره|طيله|طوال|يوميا|من\s+كل)"
)
# من العصر وحتى الساعة الحادية عشرة مساء كل يوم: daily later in the sentence, the
# same schedule (كل يوم اثنين is weekly, left as it was).
DAILY_AFTER = rx(
    r"[^.!?؟\n]{0,60}?(?<!\w)(?:يوميا|يوميه|كل\s+يوم|كل\s+ليله)(?!\w)"
    rf"(?!\s+(?:ال)?(?:{WEEKDAYS}))"
)
# What every match of DAILY_AFTER holds within DAILY_REACH characters of its start: one
# search for it first (the pattern's lazy run tried each of its 60 characters).
DAILY_WORD = rx("يومي|كل")
DAILY_REACH = 64
# يعمل بين الساعة 8 صباحاً و4 مساءً, ساعات الدوام من الساعة 8: working hours, a clock
# time of every working day, not the publication's.
# What opens a habitual schedule's hours: working, opening, receiving, serving (يفتح
# المعرض أبوابه من الساعة, يقدم المنتجع سحورا من منتصف الليل), with no day between it and
# the hours (يفتح المعرض أبوابه اليوم من الساعة العاشرة is today's).
_HABIT = (
    r"(?<!\w)(?:[وف]?(?:يعمل|تعمل|يعملون|يعملن|نعمل|يداوم|تداوم|يداومون"
    r"|[يت](?:فتح|ستقبل|قدم)(?:ون|ان)?)"
    r"|(?:ال)?دوام|ساعات\s+(?:ال)?(?:عمل|دوام))(?!\w)\s+"
    rf"(?:(?!(?:ال)?(?:يوم|{WEEKDAYS})(?!\w)|غدا|امس|الليله)\S+\s+){{0,3}}(?:من|بين)\s+"
)
# لتشغيل العيادات الطبية حتى الساعة الـ8 مساء, تمديد الدوام حتى الساعة العاشرة, مدّت فترة
# عمل قسم المنتسبين بالغرفة حتى الساعة الثامنة: the hours a service is run or kept open
# until, every working day's (precision samples' clinics and a chamber's department were
# read as the stamp's day at 20:00).
_RUN_UNTIL = (
    r"(?<!\w)(?:[وف]?[بل]?تشغيل|(?:ال)?دوام|(?:ساعات|فتره)\s+(?:ال)?(?:عمل|دوام))(?!\w)\s+"
    rf"(?:(?!(?:ال)?(?:يوم|{WEEKDAYS})(?!\w)|غدا|امس|الليله)\S+\s+){{0,5}}(?:حتي|الي|لغايه)\s+"
)
HABITUAL_BEFORE = rx(rf"{_HABIT}(?:(?:ال)?ساعه\s+(?:ال\s*)?)?$")
# Its own pattern, gated by its nouns (one alternation more in HABITUAL_BEFORE, tried at
# every position before every clock time, was 5% of the clock rule's work).
RUN_UNTIL_BEFORE = Before(
    rf"{_RUN_UNTIL}(?:(?:ال)?ساعه\s+(?:ال\s*)?)?$", ("تشغيل", "دوام", "ساعات", "فتره")
)
# يعمل المركز من الساعة الثامنة صباحا حتى الساعة الثانية ظهرا: the range's end too.
HABITUAL_END_BEFORE = Before(
    rf"{_HABIT}[^.!?؟\n،,]{{1,40}}?(?:الي|حتي|و)\s*(?:(?:ال)?ساعه\s+(?:ال\s*)?)?$",
    ("عمل", "داوم", "دوام", "فتح", "ستقبل", "قدم"),  # its verbs and nouns, as a gate
)
# التمرينات التي كانت تستمر حتى الرابعة فجرا, كانت تدريبات الفريق تقام عند الساعة
# العاشرة: كان with a verb of a schedule's course (lasting, being held, starting, ending,
# opening) in the imperfect is a habit of days gone by, its hour one of each of them.
# Not after أن (كان من المقرر أن تنتهي في: one planned day) nor قد.
PAST_HABIT_BEFORE = Before(
    r"(?<!\w)[وف]?(?:كان|كانت|كانوا)\s+(?:(?!(?:ان|من|قد)(?!\w))\w{1,40}\s+){0,3}"
    r"[يت](?:ستمر|متد|قام|بدا|نتهي|نطلق|فتح|غلق|عقد)(?:ون|ان)?\s+[^.!?؟\n،,:؛]{0,30}$",
    ("كان",),
    CLAUSE_STOPS,
)
# تشغيل العمالة تحت أشعة الشمس من الساعة 12 ظهرا حتى 3 عصرا, تحاشي التعرض للأشعة
# الشمسية بين العاشرة والرابعة: the hours of the summer's midday work ban, or of shunning
# the sun, are every day's (18 of the corpus's such hours were on the stamp's day; all read).
SUN_HOURS_BEFORE = Before(
    r"(?:اشعه\s+(?:ال)?شمس|(?:ال)?اشعه\s+(?:ال)?شمسيه|(?:الاماكن|الاعمال|المواقع)\s+المكشوفه)"
    r"[^.!?؟\n]{0,160}$",
    ("شمس", "مكشوفه"),
)
# محاضرات تبدأ من الساعة 7 إلى 8.30 مساءً، وورش عمل ... على مدى أربعة أيام, الفعاليات
# من الرابعة عصراً إلى التاسعة مساءً ولمدة ثلاثة أيام: a range of hours with the days it
# runs over later in its sentence is held on each of them.  Not a single hour a span
# begins at (وقف إطلاق النار من الساعة 11:59 مساء ولمدة خمسة أيام: one start), nor a
# range with a day named in it (من الرابعة عصر اليوم حتى السادسة مساء).
OVER_DAYS_AFTER = rx(
    r"[^.!?؟\n]{0,100}?(?<!\w)(?:[وف]?لمده|علي\s+(?:مدي|مدار))\s+(?:\S{1,40}\s+)?"
    r"(?:ايام|يوما|يومين|اسابيع|اسبوعا|اسبوعين)(?!\w)"
)
# What every match of OVER_DAYS_AFTER holds within OVER_DAYS_REACH characters: one
# search for it first.
OVER_DAYS_WORD = rx("مده|مدي|مدار")
OVER_DAYS_REACH = 140
RANGE_START_AFTER = rx(r"\s*(?:و?حتي|و?الي|-|–)\s")
RANGE_END_BEFORE = rx(
    r"(?<!\w)(?:من|بين)\s+(?:(?:ال)?ساعه\s+)?\S{1,40}(?:\s+\S{1,40})?"
    r"\s*(?:و?الي|و?حتي|و|-|–)\s*(?:(?:ال)?ساعه\s+)?$"
)
DAY_WORD = rx(rf"(?<!\w)(?:اليوم|غدا|امس|الليله|يوم|ال(?:{WEEKDAYS}))(?!\w)")
# من الأحد إلى الخميس في تمام الساعة 7 مساء: a range of weekdays before a clock time
# is a weekly schedule, the time on each of them, not one day's.
WEEKDAY_RANGE = rf"(?<!\w)[وف]?من\s+(?:يوم\s+)?ال(?:{WEEKDAYS})\s+(?:و\s*)?(?:الي|حتي)\s+(?:يوم\s+)?ال(?:{WEEKDAYS})"
WEEKDAY_RANGE_BEFORE = rx(rf"{WEEKDAY_RANGE}(?!\w)[^.!?؟\n]{{0,40}}$")
INSIDE = frozenset("0123456789:/.")
OTHER_DIGIT_CLASS = rx(r"[^\D0-9]")  # a digit of another script
# Every decimal digit but 0-9 is at U+0660 (Arabic-Indic zero) or above, past the
# Arabic letters; a plain range is one quick pass where the digit class looks up each
# character's category.
PAST_ARABIC_LETTERS = rx(r"[^\x00-\u065f]")


class _OtherDigit:
    """OTHER_DIGIT_CLASS's first hit, looked for from the first character at U+0660 or
    above only (most articles have none)."""

    def search(self, text: str, step: int = GIL_STEP) -> re.Match[str] | None:
        high = PAST_ARABIC_LETTERS.search(text)
        if high is None:
            return None
        # A step at a time (see GIL_STEP): the class looks up each character's category,
        # 150 ms over the rest of a 10 MB text with none.  One character: none is cut.
        for at in range(high.start(), len(text), step):
            found = OTHER_DIGIT_CLASS.search(text, at, at + step)
            if found is not None:
                return found
        return None


OTHER_DIGIT = _OtherDigit()
# ":" first: any() stops at the first hint held, and a colon is in half of SaudiNewsNet's
# articles, where each word missing cost a pass over the text (10 -> 4 us an article).
CLOCK_HINTS = (":", "ساعه", "صباح", "مساء", "عصر", "ظهر", "ظهير", "فجر", "ليلا")


def to_24h(hour: int, period: str | None) -> int | None:
    """The 24-hour clock hour; 12 صباحاً is the midnight that begins a day (0) and 12
    ليلاً the one that ends it (24), 12 ظهراً noon, الواحدة ليلاً one in the morning."""
    if not 0 <= hour <= 24:
        return None
    if period:
        period = " ".join(period.split())  # بعد  الظهر
    if period in lx.AM_WORDS:
        return 0 if hour == 12 else (hour if hour < 12 else None)
    if period in lx.PM_WORDS:
        return hour if hour >= 12 else hour + 12
    if period in lx.NIGHT_WORDS:
        # Night runs from the evening through midnight to the small hours before dawn;
        # twelve at night is the midnight that ends the day named (hour 24, TimeML's
        # T24:00: حتى 25 أغسطس الساعة 12 ليلا runs to the end of that day).
        if hour == 12 or hour == 24:
            return 24
        return hour if hour <= 5 or hour > 12 else hour + 12
    if period in lx.NOON_WORDS:
        return hour + 12 if 1 <= hour <= 5 else hour
    return hour % 24 if hour <= 23 else None


def _offset(hit: re.Match[str]) -> str:
    zone = hit.group("zone")
    if not zone:
        return ""
    if hit.group("place"):
        return lx.TIMEZONE_OFFSETS[re.sub(r"\s+", " ", hit.group("place"))]
    if zone.startswith("ت"):
        return "+03:00"  # ت م: توقيت مكة
    return "+00:00"


def _cue(ctx: Context, start: int) -> int | None:
    """Where a "الساعة" cue before a time starts, if there is one."""
    lo = max(0, start - 30)
    hit = CUE_BEFORE.search(ctx.text, lo, start)
    return hit.start("cue") if hit else None


def _recurring(ctx: Context, start: int, end: int, weak: bool = False) -> bool:
    text = ctx.text
    return bool(
        RECURRING_BEFORE.search(text, max(0, start - 120), start)
        or RECURRING_AFTER.match(text, end)
        or (DAILY_WORD.search(text, end, end + DAILY_REACH) and DAILY_AFTER.match(text, end))
        or WEEKDAY_RANGE_BEFORE.search(text, max(0, start - 90), start)
        or HABITUAL_BEFORE.search(text, max(0, start - 60), start)
        or RUN_UNTIL_BEFORE.search(text, max(0, start - 60), start)
        or HABITUAL_END_BEFORE.search(text, max(0, start - 110), start)
        or PAST_HABIT_BEFORE.search(text, max(0, start - 90), start)
        or SUN_HOURS_BEFORE.search(text, max(0, start - 200), start)
        or (not weak and _range_over_days(text, start, end))
    )


def _range_over_days(text: str, start: int, end: int) -> bool:
    """Whether the time at start:end is an end of a range of hours held over days (a
    weak time is not: (من 7:00 إلى 08:30مساءً) has no period of its own, and its hour
    alone would be the morning's)."""
    if OVER_DAYS_WORD.search(text, end, end + OVER_DAYS_REACH) is None:
        return False
    over = OVER_DAYS_AFTER.match(text, end)
    if over is None:
        return False
    if RANGE_START_AFTER.match(text, end):
        lo = start  # its end is in the run to the days, and no day with it
    elif RANGE_END_BEFORE.search(text, max(0, start - 60), start):
        lo = max(0, start - 60)
    else:
        return False
    return DAY_WORD.search(text, lo, over.end()) is None


EVERY_DAY_AT = "XXXX-XX-XXT"  # how a SET of a clock time on every day begins


def every_day(start: int, end: int, hour: int, minute: int) -> Candidate:
    """A clock time of a daily schedule: TimeML's SET of that time on every day."""
    value = v.recurrence(f"{EVERY_DAY_AT}{hour % 24:02d}:{minute:02d}")
    return Candidate(start, end, value, "set", 0.7)


def clock_times(ctx: Context) -> Iterator[Candidate]:
    """Times of day; the date they fall on is settled when mentions are assembled."""
    text = ctx.text
    if not any(hint in text for hint in CLOCK_HINTS):
        return
    starts = ctx.starts_of(DIGIT_TIME)
    if OTHER_DIGIT.search(text) is None:
        # Left out before matching, as the check below would: every other ASCII digit
        # of such a hit follows a digit, : or . too, so no hit is lost (a digit of
        # another script inside a hit would break that, hence the search).
        starts = [at for at in starts if not at or text[at - 1] not in INSIDE]
    for hit in DIGIT_TIME.finditer(text, starts):
        begin, end = hit.span()  # read once: a call each, several times a hit
        if begin and text[begin - 1] in INSIDE:
            continue  # inside a number, a date or a price
        minute, period, zone, hours, seconds = hit.group("m", "period", "zone", "h", "s")
        if minute is None and period is None:
            continue  # a lone number is never a time
        period = period or hit.group("of")
        if SOME_DAY_AFTER.match(text, end):
            continue
        if period is None:
            period = range_period(text, end, int(hours))
        before = text[begin - 1] if begin else " "
        cue_start = _cue(ctx, begin)
        if before.isalpha() and cue_start is None:
            continue  # glued to a word (كوفيد19), unless it is الساعة الـ3
        if minute is None and cue_start is None:
            continue  # "الساعة 12 ظهراً" needs the cue; "12 م" alone may be anything
        if (
            minute is not None
            and cue_start is None
            and ctx.original_has(hit.start("m") - 1, hit.start("m"), "٫")
        ):
            continue  # بطول 2٫16م: the Arabic decimal comma, a length (م a metre), no time
        hour = to_24h(int(hours), period)
        if hour is None or (minute and int(minute) > 59):
            continue
        weak = cue_start is None and not (period or zone)
        if weak and ":" not in hit.group(0):
            continue  # 3.50 is a price; only 03:50 may be a bare clock time
        start = begin if cue_start is None else cue_start
        if _recurring(ctx, begin, end, weak):
            yield every_day(start, end, hour, int(minute) if minute else 0)
            continue
        clock = (
            hour,
            int(minute) if minute else None,
            int(seconds) if seconds else None,
            _offset(hit),
        )
        yield Candidate(start, end, v.vague_value("PRESENT"), "time", 0.85, weak=weak, clock=clock)
    for hit in ctx.scan(WORD_TIME, HOUR_WORD_ANCHOR, reach=0):
        # الساعة السابعة من مساء الجمعة: مساء sets the clock but belongs to the day after.
        if SOME_DAY_AFTER.match(text, hit.end()):
            continue
        period = hit.group("period") or hit.group("of")
        if not period:
            period = range_period(
                text, hit.end(), lx.HOUR_WORDS[re.sub(r"\s+", " ", hit.group("hw"))]
            )
        cue_start = _cue(ctx, hit.start())
        if not period and cue_start is None:
            continue  # الثانية alone is "the second"
        hour = to_24h(lx.HOUR_WORDS[re.sub(r"\s+", " ", hit.group("hw"))], period)
        if hour is None:
            continue
        # (و النصف, written apart, is والنصف.)
        frac = re.sub(r"^و\s+", "و", re.sub(r"\s+", " ", hit.group("frac") or ""))
        if frac.startswith("الا"):
            hour, minute = (hour - 1) % 24, 40 if "ثلث" in frac else 45
        elif hit.group("mins"):
            mins = hit.group("mins")
            minute = int(mins) if mins.isdigit() else lx.number_value(mins) or 60
            if minute > 59:
                continue
        else:
            minute = FRACTIONS.get(frac, 0)
        start = hit.start() if cue_start is None else cue_start
        if _recurring(ctx, hit.start(), hit.end()):
            yield every_day(start, hit.end(), hour, minute)
            continue
        clock = (hour, minute if frac else None, None, _offset(hit))
        yield Candidate(start, hit.end(), v.vague_value("PRESENT"), "time", 0.75, clock=clock)


# وصل الوفد صباحاً, اندلع الحريق مساءً: a part of the day told alone, as an adverb (the
# accusative صباحا, and مساء with its tanween), of the day the text is telling
# (mentions._attach_times gives it that day, as a clock time's). Only these two: ليلا is also لئلا folded, عصرا an era (عصرا جديدا), ظهرا a verb
# (ظهرا في المقطع), and all three mostly habits (السهر ليلا) in the corpus.
BARE_PARTS = {"صباحا": "MO", "مساء": "EV"}
BARE_PART_ANCHOR = Anchor("|".join(BARE_PARTS), BARE_PARTS)
BARE_PART = rx(rf"{START}[وف]?(?P<w>{'|'.join(BARE_PARTS)}){END}")
# A clock time or an hour before it (الساعة 8 صباحا, الثامنة صباحا) is the clock rule's;
# another part joined to it (صباحا ومساء, ليلا ونهارا) or every day (يوميا) a habit; a
# day after it (مساء الخميس, مساء أمس) the part of that day (mentions._parts_of_day).
HOUR_BEFORE_PART = rx(
    rf"(?:\d[^\d]{{0,12}}|(?<!\w)(?:(?:ال)?ساعه|{lx.alternation(lx.HOUR_WORDS)}|تسع|النصف|الربع"
    r"|الثلث|ونصف|دقيقه|دقائق|بعد|قبل|حتي|الي|كل|و|او|ام|نهارا|الفتره))\s*$"
)
HABIT_AFTER_PART = rx(
    r"\s*(?:[،,]\s*)?(?:(?:و|او|ام)\s*(?:صباحا|مساء|ظهرا|عصرا|ليلا|نهارا|فجرا|في)|يوميا|كل\s)"
    rf"|\s+(?:يوم|امس|غد|غدا|اليوم|ال(?:{WEEKDAYS})|من\s)(?!\w)"
)


def bare_parts_of_day(ctx: Context) -> Iterator[Candidate]:
    """صباحاً, مساءً alone: a TIME of the day the text tells (its day given later)."""
    text = ctx.text
    for hit in ctx.scan(BARE_PART, BARE_PART_ANCHOR, reach=2):
        word = hit.group("w")
        start, end = hit.start("w"), hit.end()
        if word == "مساء" and not ctx.original_has(start, end, "\u064b"):
            continue  # مساء without its tanween may begin a construct (مساء الخميس)
        if HOUR_BEFORE_PART.search(text, start - 30 if start > 30 else 0, start):
            continue
        words = text[start - 16 if start > 16 else 0 : start].split()
        if words and lx.number_value(words[-1]):
            continue  # ثلاثين صباحا: thirty mornings
        if HABIT_AFTER_PART.match(text, end) or _recurring(ctx, start, end):
            continue
        yield Candidate(hit.start(), end, v.vague_value("PRESENT"), "part", 0.6)
