"""Rules for lengths and recurrences of time: خمسة وعشرين عاما (P25Y), يومياً (P1D).

Neither has a place on the timeline: a duration is valued like 'P25Y', 'PT3H' or
'PXY' (some years), a recurrence (TimeML SET) like 'P1D', 'P3M' or 'XXXX-WXX-5'
(every Friday).  Spans follow TempEval-3: a separate preposition or signal before the
expression (لمدة, على مدى, خلال) stays out, a clitic glued to its first word (لسبعة
عقود) stays in, since a span never cuts a word.
"""

from __future__ import annotations

from collections.abc import Iterator

from timeline.dating import lexicon as lx
from timeline.dating import values as v
from timeline.dating.context import (
    BEFORE_THE_ERA_AFTER,
    END,
    HIJRI_MONTHS,
    MONTHS,
    PHRASE_STOPS,
    START,
    WEEKDAYS,
    WHITESPACE,
    Anchor,
    Before,
    Candidate,
    Context,
    rx,
)
from timeline.dating.normalize import strip_marks

NUMBER = lx.alternation(lx.NUMBER_PARTS)
# At most eight parts joined by و (ألفين وخمسمئة وخمسة وعشرين has four): a run of number
# words as long as the text is never walked from each of them.
NUMBER_WORDS = rf"{NUMBER}(?:\s+و\s*{NUMBER}){{0,7}}"
UNIT = lx.alternation(lx.DURATION_UNITS)
# Only a whole word (with its clitics) can be a unit: اليوم, العام never are.
# A unit ends a word; the longest count before it (ألفين وخمسمئة وخمسة وعشرين) fits
# in DURATION_BEFORE characters, its tail (واحد, من الزمن, ونصف) in DURATION_AFTER.
UNIT_ANCHOR = Anchor(rf"(?:{UNIT}){END}", lx.DURATION_UNITS)
DURATION_BEFORE, DURATION_AFTER = 40, 24
FRACTIONS = {"نصف": 2, "ربع": 4}
# What (?P<clitic>[وف]?[لب]?)(?P<def>ال\s*)? matches before a count or a unit, and the
# first three letters of the first word of anything that may come first after it.
_COUNT_PREFIXES = tuple(
    c + b + d for c in ("", "و", "ف") for b in ("", "ل", "ب") for d in ("", "ال")
)
_COUNT_FIRSTS = (*lx.NUMBER_PARTS, *lx.DURATION_UNITS, "نصف", "ربع", "بضع", "بضعه", "عده")
# Where a match of DURATION_BODY can begin: a digit, or those prefixes before a digit,
# a whitespace (ال then a space) or one of those first letters.  A lookahead of them in
# one trie comes first, so that at a word none of them begins (most words within a
# unit's reach) the clitics' optional items are not tried in every combination.  It
# consumes nothing and holds no group: every match is DURATION_BODY's own (a test
# compares them).
DURATION_LEAD = (
    r"(?=\d|"
    + lx.prefixed_alternation(
        [(_COUNT_PREFIXES, {strip_marks(word.split(" ")[0])[:3] for word in _COUNT_FIRSTS})]
    )
    + "|"
    + lx.alternation(prefix for prefix in _COUNT_PREFIXES if prefix)
    + r"[\d\s])"
)
# What makes a plural with no count some of its unit: سنوات طويلة, أيام قليلة, أعوام عدة.
VAGUE = "طويله|قليله|عديده|عده|كثيره|معدوده|قلائل|متتاليه|متواصله|مديده"
BIDI_MARKS = "\u200e\u200f\u061c"
# 1.43 عام 2014, دور الثمانية عام 1990: a unit before a year is the year's noun, and
# the count before it another noun's (a figure, the round of eight).
YEAR_AFTER_UNIT = rx(r"\s+\d{4}(?!\d)")
YEAR_NOUNS = ("عام", "سنه")
# قبل أيام قليلة, منذ سنوات طويلة: a time ago (relative.ago), not a length.
AGO_BEFORE = rx(r"(?<!\w)[وف]?(?:قبل|منذ)\s+$")
# DURATION without its lookbehind and lookahead.
DURATION_BODY = (
    r"(?P<clitic>[وف]?[لب]?)(?P<def>ال\s*)?"
    rf"(?:(?P<num>\d{{1,3}})(?P<decimal>[.,٫]\d{{1,2}})?\s*|(?P<words>{NUMBER}(?:\s+و\s*(?(def)(?:ال)?){NUMBER}){{0,7}})\s+"
    rf"|(?P<frac>نصف|ربع)\s+|(?P<few>بضع|بضعه|عده)\s+)?"
    rf"(?P<unit>{UNIT}){END}(?P<tail>\s+(?:واحد|واحده|كامل|كامله|من\s+الزمن){END})?(?P<half>\s+ونصف{END})?"
    rf"(?P<vague>\s+(?:{VAGUE}){END})?"
    rf"(?P<mod>\s+(?:الماضيه|المقبله|القادمه|الاخيره|المنصرمه|الفائته){END})?"
)
DURATION = rx(START + DURATION_LEAD + DURATION_BODY)
# الـ24 ساعة الماضية, التسعة أشهر المقبلة: a counted length; never الاثنين (Monday).
NOT_A_DEFINITE_COUNT = frozenset({"اثنين", "اثنتين", "اثنان", "واحد", "واحده"})
DEFINITE_PART = rx(r"(\s+و\s*)ال")
UNITS_1_10 = (
    "واحد|واحده|اثنين|اثنان|اثنتين|ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|سبع|سبعه|ثماني|ثمانيه|ثمان"
    "|تسع|تسعه|عشر|عشره"
)
UNIT_RANGE_WORDS = rx(rf"(?:{UNITS_1_10})\s+و\s*(?P<upper>{UNITS_1_10})")
# What makes a unit with no count a length of time (لمدة عام, على مدى عقود); a verb of
# taking or needing (تستغرق ساعات, يحتاج إلى سنوات, استغرق الأمر أسابيع).
DURATION_CUE_BEFORE = Before(
    r"(?<!\w)(?:[وف]?لمده|[وف]?طوال|[وف]?طيله|مده|علي\s+(?:مدي|مدار|امتداد)|[وف]?خلال)\s+$"
    r"|(?<!\w)[وف]?(?:[يتن]?ستغرق|استغرق|[يتن]?حتاج)(?:ت|ه|ها|ون)?\s+(?:(?:الي|الامر)\s+)?$",
    ("مده", "طوال", "طيله", "علي", "خلال", "ستغرق", "حتاج"),
)
# A unit with no count followed by what it belongs to names days or a month, not a
# length: طوال أيام العام, خلال أيام عيد الفطر, خلال شهر يونيو, لمدة شهر رمضان.
CONSTRUCT_AFTER = rx(
    rf"\s+(?:(?!(?:الي|الا|التي|الذي|الذين|اللتين|اللذين){END})ال\w{{1,40}}|(?:{MONTHS}|{HIJRI_MONTHS}|عيد){END})"
)
# A number before ألف (450 ألف سنة, ثلاثمئة ألف عام): it multiplies the thousand, so the
# length is the whole number; a fraction or a larger count word (1.5 ألف) is left out.
# Only ألف: 584 ألفا عام 2013 counts people (the accusative), then names a year.
THOUSAND_BY_BEFORE = rx(rf"(?:(?P<num>[\d.,٫]*\d)|(?<!\w)(?P<words>{NUMBER}))\s+$")
# اللواء محمد أبو قرنين, سعد بن يومين: a family name holding a unit, not a length (as a
# weekday after a given name is no day; ابن is left: طفل ابن عامين is an age).
FAMILY_NAME_BEFORE = rx(r"(?<!\w)(?:ابو|ابي|بن)\s+$")
# شيخ قبائل شهران, بني جابرة شهران: the tribe Shahran, not two months.
TRIBE_BEFORE = rx(r"(?<!\w)(?:[وف]?(?:قبيله|قبائل|قبايل|فبايل)|بني(?:\s+\w+)?)\s+$")
# More decades than this are contracts (عقد): a longer time is told in centuries.
DECADES_MAX = 20
# A number that counts something else before a unit: رقم 3, المادة 5.
NOT_A_COUNT_BEFORE = rx(r"(?<!\w)(?:رقم|الماده|البند|الفقره|الفصل|الحلقه)\s+$")
# ساعة وعشرين دقيقة, 3 ساعات و17 دقيقة, عاما وستة أشهر, يومين و5 ساعات: one length in
# two units, valued as TIMEX3 writes it (PT1H20M, PT3H17M, P1Y6M, P2DT5H).
COMPOUND_AFTER = rx(
    rf"\s+و\s*(?:(?P<num>\d{{1,2}})\s*|(?P<words>{NUMBER_WORDS})\s+)?(?P<unit>{UNIT}){END}"
)
PARTS = {"H": (60, "MIN"), "Y": (12, "M"), "M": (31, "D"), "W": (7, "D"), "D": (24, "H")}
# خلال أشهر (أغسطس، وسبتمبر، وأكتوبر): the months named after it, no length of months.
NAMED_MONTHS_AFTER = rx(
    rf"\s*[(:]\s*(?:{lx.alternation(list(lx.GREGORIAN_MONTHS) + list(lx.HIJRI_MONTHS))})(?!\w)"
)
# ستة أيام في الأسبوع: which days of every week (how often), not a length; ثلاثة أيام
# في الأسبوع الماضي stays a length, and so do ساعتين في اليوم, شهرين كل عام (amounts).
PER_PERIOD_AFTER = rx(
    r"\s+في\s+(?:ال)?(?:اسبوع|شهر)(?!\w)"
    r"(?!\s+(?:الماضي|الماضيه|المقبل|المقبله|القادم|القادمه|الجاري|الحالي|المنصرم|الفائت)(?!\w))"
)
# أربع مرات في العقد الأخير: a count over one past decade, not a recurrence; so is آخر
# مرة في شهر يوليو (the last time, in July), no "once a month".
ONE_PERIOD_AFTER = rx(
    r"\s+(?:ال)?(?:اخير|اخيره|ماضي|ماضيه|حالي|حاليه|جاري|جاريه|منصرم|منصرمه|فائت|نفسه|ذاته)(?!\w)"
    r"|\s+\d"
    rf"|\s+(?:{lx.alternation(list(lx.GREGORIAN_MONTHS) + list(lx.HIJRI_MONTHS))})(?!\w)"
)
# عقد is also a contract: ستة عقود استشارية, وقعت الشركة ثلاثة عقود لمشروع. Near these
# words a count of عقود is dropped rather than read as decades.
CONTRACT_WORDS = rx(
    r"(?<!\w)[وفبل]?(?:ال|لل)?(?:مشروع|مشاريع|مشروعات|مناقصه|مناقصات|ترسيه|توقيع|ابرام|استشاري"
    r"|استشاريه|استشاريون|شركه|شركات|مقاول|مقاولين|مقاولات|توريد|صيانه|تشغيل|بقيمه|وقع|وقعت"
    r"|ابرم|ابرمت|يوقع|توقع|موقعه)(?!\w)"
)
CONTRACT_REACH = 80, 30
# مدة عقد لاعب, عقد العمل, تجديد عقد الإيجار, عقد جديد مع النادي: a lone عقد in a construct
# with a noun (or a contract's adjective) is a contract; عقد التسعينات stays a decade.
# عقد شراكات, عقد اجتماع, عقد ندوات: the holding or concluding of something, no decade.
CONTRACT_CONSTRUCT_AFTER = rx(
    r"\s+(?:ال(?!\S{0,40}?(?:ينات|ينيات|زمن)(?!\w))\w"
    r"|(?:لاعب|عمل|ايجار|احتراف|رعايه|شراكه|تدريب|انتقال|بيع|شراء|توريد|صيانه|زواج|اعاره"
    r"|مدرب|جديد|رسمي|مع|مدته|قيمته|اجتماع|لقاء|مؤتمر|ندوه|قمه|جلسه|صفقه|اتفاق|اتفاقيه"
    r"|ورش|ورشه|\w{2,40}ات)(?!\w))"
)
# لعقود برنت, لعقود شراكات, عدة عقود أعمال, عقود تتسم بالمرونة: عقود in a construct with
# what is traded or agreed (or a contract's verb) are contracts, not decades.
CONTRACTS_AFTER = rx(
    r"\s+(?:برنت|نايمكس|النفط|نفط|الخام|خام|الاجله|اجله|الذهب|شراكه|شراكات|اعمال|توريد|بيع"
    r"|شراء|ايجار|صيانه|تشغيل|بقيمه|قيمتها|تتسم|تتجاوز|شهر)(?!\w)"
)
SENTENCE_END = rx(r"[.!?؟\n]")
# في المئة يوم الأحد, بالمائة: a percentage, then a day; not a hundred days.
HUNDRED = frozenset(strip_marks(w) for w in ("مئة", "مائة"))
PERCENT_BEFORE = rx(r"(?<!\w)في\s+$")
# The minutes of a clock time: الساعة العاشرة وعشرين دقيقة is 10:20, not 20 minutes.
CLOCK_BEFORE = rx(r"(?<!\w)(?:الساعه|ساعه)\s+\S+\s+$")
# الخامسة والخمسين عاماً: an age, the units' ordinal before the definite ten (6 such in
# the corpus, each an age or a bridge's years, read as the ten alone); glued to the word
# before it too (يناهزالخامسة).  Years only: الخامسة والعشرين دقيقة is a clock time's
# minutes.
AGE_ORDINAL_BEFORE = rx(rf"(?P<ord>{lx.alternation(lx.AGE_ORDINAL_UNITS)})\s+$")
# دقيقة واحدة و53.48 ثانية: a race's time in minutes and seconds (PT1M53.48S), not a
# minute cut from it (seconds are no unit of the lengths above).
SECONDS_AFTER = rx(r"\s+و\s*(?P<s>\d{1,2}(?:\.\d{1,3})?)\s*(?:ثانيه|ثوان|ثواني)(?!\w)")

RECURRING_ANCHOR = Anchor(
    rf"(?:كل|يوميا|اسبوعيا|شهريا|سنويا|عاميا|مر(?:ه|تين|تان|ات)){END}",
    ("كل", "يوميا", "اسبوعيا", "شهريا", "سنويا", "عاميا", "مره", "مرتين", "مرتان", "مرات"),
)
RECURRING = rx(
    rf"{START}(?:[وف]?(?P<adv>{lx.alternation(lx.RECURRING_ADVERBS)}){END}"
    rf"|[وف]?كل\s+(?:يوم\s+)?(?:ال)?(?P<wd>{WEEKDAYS}){END}"
    rf"|[وف]?كل\s+(?:(?P<num>\d{{1,3}})\s*|(?P<words>{NUMBER_WORDS})\s+|(?P<half>نصف)\s+)?(?P<unit>{UNIT}){END}"
    rf"|(?P<times>(?:[وف]?مره|[وف]?مرتين|[وف]?مرتان|(?:\d{{1,2}}|{NUMBER_WORDS})\s+مرات)\s+"
    rf"(?:في|كل)\s+(?:ال)?(?P<tunit>{UNIT}){END}))"
)


def _letters(unit: str, amount: int | None) -> str:
    """The TIMEX3 duration for amount units ('P25Y', 'PT3H', 'PXY' when unknown)."""
    count = "X" if amount is None else str(amount)
    if unit == "H":
        return f"PT{count}H"
    if unit == "MIN":
        return f"PT{count}M"
    if unit in ("DE", "CE"):
        if amount is None:
            return f"PX{unit}"
        return f"P{amount * (10 if unit == 'DE' else 100)}Y"
    return f"P{count}{unit}"


def _half_more(unit: str, amount: int) -> str | None:
    """'N units and a half' in the next smaller unit: عام ونصف = P18M."""
    smaller = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "MIN"), "DE": (10, "Y"), "CE": (100, "Y")}
    if unit not in smaller:
        return None
    per, small = smaller[unit]
    return _letters(small, amount * per + per // 2)


def _fraction(unit: str, parts: int) -> str | None:
    """نصف قرن = P50Y, ربع ساعة = PT15M, نصف عام = P6M."""
    smaller = {"CE": (100, "Y"), "DE": (10, "Y"), "Y": (12, "M"), "H": (60, "MIN"), "D": (24, "H")}
    if unit not in smaller:
        return None
    per, small = smaller[unit]
    if per % parts:
        return None
    return _letters(small, per // parts)


def _two_units(unit: str, count: int, part: int) -> str:
    """A length in two units as TIMEX3 writes it: PT1H20M, P1Y6M, P1M15D, P2DT5H."""
    small = PARTS[unit][1]
    if unit == "H":
        return f"PT{count}H{part}M"
    if small == "H":
        return f"P{count}{unit}T{part}H"
    return f"P{count}{unit}{part}{small}"


def _compound(text: str, end: int, unit: str) -> tuple[int, int] | None:
    """(end, amount) of the smaller part after a length: وعشرين دقيقة after ساعة."""
    if unit not in PARTS:
        return None
    hit = COMPOUND_AFTER.match(text, end)
    if hit is None:
        return None
    small, implied = lx.DURATION_UNITS[hit.group("unit")]
    if small != PARTS[unit][1]:
        return None
    if hit.group("num"):
        amount: int | None = int(hit.group("num"))
    elif hit.group("words"):
        amount = lx.number_value(hit.group("words"))
    else:
        amount = implied if implied == 2 else None
    if not amount or amount >= PARTS[unit][0]:
        return None
    return hit.end(), amount


def _contracts(ctx: Context, start: int, end: int) -> bool:
    """Whether عقود here may be contracts: a word of contracts in its sentence nearby."""
    before, after = CONTRACT_REACH
    head = SENTENCE_END.split(ctx.text[max(0, start - before) : start])[-1]
    tail = SENTENCE_END.split(ctx.text[end : end + after], 1)[0]
    return bool(CONTRACT_WORDS.search(head) or CONTRACT_WORDS.search(tail))


# What a unit word needs next to it to be a length (durations keeps no other): a count
# just before it, whitespace between (a digit, the last word of a number, a fraction, a
# few); a dual form; ل glued to it (لساعات); a cue before it and its clitics (لمدة, خلال,
# على مدى); after it, a tail, a half or a second unit (واحد, كامل, من الزمن, ونصف, وستة
# أشهر), whose first word begins with و, كامل or من.
_COUNT_ENDS = tuple(
    sorted({part.split(" ")[-1] for part in lx.NUMBER_PARTS} | {"نصف", "ربع", "بضع", "بضعه", "عده"})
)
_CUE_ENDS = (
    *("مده", "طوال", "طيله", "مدي", "مدار", "امتداد", "خلال"),
    # The verbs of taking or needing and what may stand between (DURATION_CUE_BEFORE).
    *("ستغرق", "ستغرقت", "ستغرقه", "ستغرقها", "حتاج", "حتاجت", "حتاجه", "حتاجها", "حتاجون"),
    *("الي", "الامر"),
)
# Those words by their last two letters: a word's two look up the few it may end with.
_ENDS_BY_LAST_TWO: dict[str, tuple[str, ...]] = {}
for _word in (*_COUNT_ENDS, *_CUE_ENDS):
    _ENDS_BY_LAST_TWO[_word[-2:]] = (*_ENDS_BY_LAST_TWO.get(_word[-2:], ()), _word)
_DUAL_OR_PART_AFTER = rx(
    lx.alternation(form for form, (_, implied) in lx.DURATION_UNITS.items() if implied == 2)
    + r"(?!\w)|\w{1,8}\s+(?:و|كامل|من)"
    + rf"|\w{{1,8}}\s+(?:{VAGUE})(?!\w)"
)
# A count's whitespace, the clitics and a cue fit in this many characters before a unit:
# the scan's reach (DURATION_BEFORE) and more.
_LOOK_BACK = 48
_SPACE = frozenset(WHITESPACE)


def length_starts(text: str, starts: list[int]) -> list[int]:
    """The starts of unit words (UNIT_ANCHOR's literals) that may be a length's unit.

    A match of DURATION whose unit is at none of these is turned down by durations
    whatever else it holds: a unit with no count, no dual form, no ل, no cue before it
    and no tail, half or second unit after it (يوم الأحد, في عام 2019, الساعة, واليوم; a
    word with ال and no count is never a length).  So the scan is tried only near these
    (Context.scan's near), and every other unit word costs a few string tests here, not
    a search and the rule's Python.  A test compares durations with and without it.
    """
    found: list[int] = []
    at_unit = _DUAL_OR_PART_AFTER.match
    ends = _ENDS_BY_LAST_TWO
    for at in starts:
        last = text[at - 1] if at else ""
        if last in _SPACE:
            # A count or a cue, then whitespace: a count's last digit or word, a cue's word.
            word = text[at - _LOOK_BACK if at > _LOOK_BACK else 0 : at].rstrip(WHITESPACE)
            if word[-1:].isdecimal() or word.endswith(ends.get(word[-2:], ())):
                found.append(at)
                continue
        elif last == "ل":
            if text[at - 2 : at - 1] != "ا":  # ال before it is the article, never a clitic
                found.append(at)
                continue
        elif last.isdecimal():
            found.append(at)
            continue
        elif last == "ب" or last == "و" or last == "ف":
            # Clitics glued to the unit (ب, then و or ف), after a cue and whitespace.
            bare = at - 1
            if last == "ب" and bare and text[bare - 1] in "وف":
                bare -= 1
            if bare and text[bare - 1] in _SPACE:
                word = text[bare - _LOOK_BACK if bare > _LOOK_BACK else 0 : bare]
                if word.rstrip(WHITESPACE).endswith(_CUE_ENDS):
                    found.append(at)
                    continue
        if at_unit(text, at) is not None:
            found.append(at)
    return found


def durations(ctx: Context) -> Iterator[Candidate]:
    """خمسة وعشرين عاما, ثلاثة أشهر, عقدين, أسبوعين, لساعات, نصف قرن, ربع قرن."""
    text = ctx.text
    near = length_starts(text, ctx.starts_of(UNIT_ANCHOR))
    units = set(near)
    # A unit right after ال (اليوم, العام, الساعة) is never a length.
    for hit in ctx.scan(
        DURATION,
        UNIT_ANCHOR,
        DURATION_BEFORE,
        DURATION_AFTER,
        "ال",
        "وفلب",
        stops=PHRASE_STOPS,
        near=near,
    ):
        if hit.start("unit") not in units:
            continue  # a unit word with nothing next to it that makes a length (الساعة)
        # Every group read in one call (a call each, a dozen a hit, cost more than the
        # rest of a dense text's rejected unit word).
        (g_clitic, g_def, g_few, g_frac, g_half, g_mod, g_num, g_tail, g_unit, g_vague, g_words) = (
            hit.group(
                "clitic",
                "def",
                "few",
                "frac",
                "half",
                "mod",
                "num",
                "tail",
                "unit",
                "vague",
                "words",
            )
        )
        unit, implied = lx.DURATION_UNITS[g_unit]
        start = hit.start()
        if g_num and text[hit.start("num") - 1 : hit.start("num")] in (":", "."):
            continue  # 2:58 دقيقة is minutes and seconds; 1.5 is no count here
        if g_def and (not (g_num or g_words) or g_words in NOT_A_DEFINITE_COUNT):
            continue
        if not (g_clitic or g_num or g_words) and (
            FAMILY_NAME_BEFORE.search(text, max(0, start - 5), start)
            or TRIBE_BEFORE.search(text, max(0, start - 20), start)
        ):
            continue
        cued = bool(DURATION_CUE_BEFORE.search(text, max(0, start - 16), start))
        plain = not (g_tail or g_half or g_mod)
        more = _compound(text, hit.end(), unit) if plain else None
        count: int | None = None  # the whole units, when a smaller part may follow
        value: str | None
        decimal = hit.group("decimal") if g_num else None
        if decimal:
            # 34.6 ساعة, 7.5 عام: a length with a fraction, as TIMEX3 writes it (PT34.6H);
            # never before a year (1.43 عام 2014 is a figure of that year).
            if (
                implied == 2
                or unit in ("DE", "CE")
                or g_def
                or YEAR_AFTER_UNIT.match(text, hit.end("unit"))
                or NOT_A_COUNT_BEFORE.search(text, max(0, start - 12), start)
                # 6.‏34 ساعة: a mark inside the number, its digits typed in display
                # order (34.6); which is meant cannot be told.
                or ctx.original_has(hit.start("num"), hit.end("decimal"), BIDI_MARKS)
            ):
                continue
            number = f"{int(g_num)}.{decimal[1:]}"
            value = f"PT{number}{unit[0]}" if unit in ("H", "MIN") else f"P{number}{unit}"
            yield Candidate(start, hit.end(), v.duration(value), "duration", 0.75)
            continue
        if g_num or g_words:
            if g_unit in YEAR_NOUNS and YEAR_AFTER_UNIT.match(text, hit.end("unit")):
                continue
            if g_num:
                amount: int | None = int(g_num)
            else:
                # الثمانية والأربعين: the definite article is on every part.
                amount = lx.number_value(DEFINITE_PART.sub(r"\1", g_words))
                # ما بين ستة وثمانية أسابيع: two units joined by و are a range (no
                # number adds two units), not their sum: the span up to its upper bound.
                if amount and (last := UNIT_RANGE_WORDS.fullmatch(g_words)):
                    amount = lx.number_value(last.group("upper"))
                    start = hit.start("words") + last.start("upper")
                if g_words == "الف" and not g_clitic:
                    by = THOUSAND_BY_BEFORE.search(text, max(0, start - 16), start)
                    if by:
                        times = by.group("num") or ""
                        amount = int(times) if times.isdigit() else None
                        if by.group("words"):
                            amount = lx.number_value(by.group("words"))
                        if not amount or amount >= 1000 or g_def:
                            continue
                        start, amount = by.start(), amount * 1000
            if BEFORE_THE_ERA_AFTER.match(text, hit.end()):
                continue  # 35 ألف سنة قبل الميلاد: a date before the era, not a length
            if not amount or NOT_A_COUNT_BEFORE.search(text, max(0, start - 12), start):
                continue
            if (
                g_def
                and g_words in HUNDRED
                and ("ب" in g_clitic or PERCENT_BEFORE.search(text, max(0, start - 4), start))
            ):
                continue
            if g_clitic.startswith("و") and CLOCK_BEFORE.search(text, max(0, start - 24), start):
                continue
            if (
                g_clitic == "و"
                and g_def
                and unit == "Y"
                and amount % 10 == 0
                and amount < 100
                and (ordinal := AGE_ORDINAL_BEFORE.search(text, max(0, start - 12), start))
            ):
                start, amount = ordinal.start(), amount + lx.AGE_ORDINAL_UNITS[ordinal.group("ord")]
            feminine = g_unit.endswith("ه")  # سنة, ساعة, دقيقة: 44 سنة
            if implied == 2 or (implied == 1 and amount > 10 and amount % 100 and not feminine):
                continue  # "3 عامين" is no count; 11 to 99 take عاما, 100s take عام
            if unit == "DE" and amount > DECADES_MAX:
                continue  # تنفيذ 650 عقدا: contracts; centuries are counted in قرون
            value, count = _letters(unit, amount), amount
            if g_half:
                value = _half_more(unit, amount)
        elif g_frac:
            if implied != 1:
                continue
            value = _fraction(unit, FRACTIONS[g_frac])
        elif implied != 2 and not g_tail and CONSTRUCT_AFTER.match(text, hit.end()):
            continue
        elif g_few:
            value = _letters(unit, None)
        elif implied == 2:
            value, count = _letters(unit, 2), 2
            if g_half:
                value = _half_more(unit, 2)
        elif implied == 1:
            # A lone singular (عام, يوم, عقد "contract") is a length only after a cue
            # (لمدة عام) or with واحد / كامل after it.
            if not (cued or more or g_tail or g_half) or hit.group("clitic").lstrip("وف"):
                continue
            value, count = _letters(unit, 1), 1
            if g_half:
                value = _half_more(unit, 1)
        elif unit in ("D", "W", "M", "Y", "H", "MIN", "DE", "CE") and implied is None:
            # A plural with no count: some hours, some years; only as a length
            # (لساعات, لمدة أسابيع, على مدى عقود), never a bare plural (أيام الأسبوع).
            form = g_unit
            if form in ("يوما", "اسبوعا", "شهرا", "عاما", "عقدا", "قرنا"):
                if not (more or g_half) or g_clitic.lstrip("وف"):
                    continue  # the accusative singular needs its count...
                # ...or a part after it: عاما وستة أشهر, عاما ونصف
                value, count = _letters(unit, 1), 1
                if g_half:
                    value = _half_more(unit, 1)
            elif (
                not (cued or g_vague or g_clitic.lstrip("وف") == "ل")
                or (unit == "M" and NAMED_MONTHS_AFTER.match(text, hit.end()))
                or (g_vague and not cued and AGO_BEFORE.search(text, max(0, start - 8), start))
            ):
                continue
            else:
                value = _letters(unit, None)
        else:
            continue
        if value is None or (unit == "D" and PER_PERIOD_AFTER.match(text, hit.end())):
            continue
        if unit == "DE" and (
            _contracts(ctx, start, hit.end()) or CONTRACTS_AFTER.match(text, hit.end())
        ):
            continue
        if (
            count == 1
            and g_unit == "عقد"
            and not g_tail
            and CONTRACT_CONSTRUCT_AFTER.match(text, hit.end())
        ):
            continue
        end = hit.end()
        if more and count:
            end, value = more[0], _two_units(unit, count, more[1])
        elif unit == "MIN" and count and (seconds := SECONDS_AFTER.match(text, end)):
            end, value = seconds.end(), f"PT{count}M{seconds.group('s')}S"
        yield Candidate(start, end, v.duration(value), "duration", 0.75)


# An age without a unit: في الخمسين من العمر, العاشرة من عمرها, الـ60 من العمر (P50Y...).
# Looked for behind each "عمر" that follows من; most are the name Omar.
AGE_ANCHOR = Anchor("عمر", ("عمر",))
AGE_BEFORE = rx(
    rf"{START}[وف]?[بل]?(?:(?P<words>{lx.alternation(lx.AGE_YEARS)})|ال\s*(?P<num>\d{{1,3}}))"
    r"\s+من\s+(?:ال)?$"
)
AGE_AFTER = rx(rf"عمر(?:ه|ها|هم|هما)?{END}")
# العقد الثاني من عمره, العام الأول من عمرها: an ordinal of another unit, not an age.
AGE_UNIT_BEFORE = rx(r"(?<!\w)[وفبل]?(?:ال|لل)(?:عقد|عام|سنه|شهر|اسبوع|يوم|قرن|نصف|ربع|ثلث)\s+$")


def ages(ctx: Context) -> Iterator[Candidate]:
    """في الخمسين من العمر, الخامسة عشرة من عمره: an age in years (TimeML DURATION)."""
    text = ctx.text
    for at in ctx.starts_of(AGE_ANCHOR):
        head = text[at - 3 if at >= 3 else 0 : at]
        if not (head.endswith("من ") or head == "ال" or head.endswith(" ال")):
            continue
        hit = AGE_BEFORE.search(text, at - 40 if at >= 40 else 0, at)
        tail = AGE_AFTER.match(text, at) if hit else None
        if hit is None or tail is None:
            continue
        if AGE_UNIT_BEFORE.search(text, max(0, hit.start() - 10), hit.start()):
            continue
        words = hit.group("words")
        amount = lx.AGE_YEARS[" ".join(words.split())] if words else int(hit.group("num"))
        if 0 < amount < 130:
            yield Candidate(hit.start(), tail.end(), v.duration(f"P{amount}Y"), "duration", 0.7)


# كل دقيقة يومياً من التمارين: each minute of a daily amount, not "every minute".
RATE_AFTER = rx(
    rf"\s+(?:{lx.alternation(lx.RECURRING_ADVERBS)}|في\s+(?:ال)?(?:يوم|اسبوع|شهر|عام|سنه)){END}"
)

# كل عام وأنتم بخير, وكل عام وأنتم ومن تحبون بخير, كل عام والجميع / والأمة بخير: the feast
# greeting, no recurrence.
GREETING_AFTER = rx(
    r"\s+و\s*(?:انتم|انتن|انت|انتما|هم|هن|الجميع|الامه|اياكم)(?:\s+\S{1,40}){0,3}?\s+بخير"
)

# يشارك كل يوم منها: each of the days just named, one by one, not every day of the
# calendar (كل شهر من هذا العام is still every month).
EACH_OF_AFTER = rx(r"\s+من(?:ها|هم|ه|هما|هن)(?!\w)")
# لا يجيده كل أحد, ومن أخذ بكل زلة على كل أحد: "everyone" (أحد, "anyone"), no Sunday;
# every one of the corpus's 17 bare كل أحد meant so.  كل يوم أحد, كل الأحد and كل أحد
# وخميس stay every Sunday.
ANYONE = rx(r"[وف]?كل\s+احد")
OTHER_WEEKDAY_AFTER = rx(rf"\s+و\s*(?:يوم\s+)?(?:ال)?(?:{WEEKDAYS}){END}")


def recurring(ctx: Context) -> Iterator[Candidate]:
    """يومياً, أسبوعياً, سنوياً, كل ثلاثة أشهر, كل يوم جمعة, مرتين في العام (TimeML SET)."""
    for hit in ctx.scan(RECURRING, RECURRING_ANCHOR, 24, 60):
        if hit.group("unit") and RATE_AFTER.match(ctx.text, hit.end()):
            continue
        if GREETING_AFTER.match(ctx.text, hit.end()):
            continue
        if hit.group("unit") and EACH_OF_AFTER.match(ctx.text, hit.end()):
            continue
        if hit.group("adv"):
            value = _letters(lx.RECURRING_ADVERBS[hit.group("adv")], 1)
        elif hit.group("wd"):
            if ANYONE.fullmatch(ctx.text, hit.start(), hit.end()) and not (
                OTHER_WEEKDAY_AFTER.match(ctx.text, hit.end())
            ):
                continue
            value = weekly(lx.WEEKDAYS[hit.group("wd")])
        elif hit.group("tunit"):
            unit, implied = lx.DURATION_UNITS[hit.group("tunit")]
            if implied is None or ONE_PERIOD_AFTER.match(ctx.text, hit.end()):
                continue
            value = _letters(unit, implied)  # مرة كل عامين: every two years
        else:
            unit, implied = lx.DURATION_UNITS[hit.group("unit")]
            if hit.group("num"):
                amount: int | None = int(hit.group("num"))
            elif hit.group("words"):
                amount = lx.number_value(hit.group("words"))
            else:
                amount = implied
            if not amount:
                continue  # كل الأيام, كل سنوات: no period
            if hit.group("half"):
                # تنشره كل نصف عام: every half year, in the next smaller unit (P6M).
                half = _fraction(unit, 2) if amount == 1 else None
                if half is None:
                    continue
                value = half
            else:
                value = _letters(unit, amount)
        yield Candidate(hit.start(), hit.end(), v.recurrence(value), "set", 0.75)


def weekly(weekday: int) -> str:
    """TimeML's value for every such weekday: 'XXXX-WXX-5' is every Friday (ISO numbering)."""
    return f"XXXX-WXX-{weekday + 1}"
