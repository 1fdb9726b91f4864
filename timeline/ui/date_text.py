"""Dates, counts and date values written for the interface: pure functions, no Qt.

Three jobs the window needs in both languages and with either digit set:

- `value_words`: a value with no place on the axis (`P70Y`, `FUTURE_REF`, `XXXX-09-11`,
  `2019-SP`, a recurring `XXXX-WXX-5`, a daily `XXXX-XX-XXT15:00`) written in words ("for seven decades").
- `ordered`: a date line such as "22 March 1945 10:00" made to read in the
  interface's direction whatever its digits. Arabic-Indic digits are Arabic numbers to
  the Unicode bidi algorithm: in a left-to-right line two of them with only a space
  between are laid out right to left ("١٠:٠٠ ١٩٤٥"). A mark of the line's direction
  after each number keeps every number its own unit.
- `group_number`: 1000000 as "1,000,000" (or "١٬٠٠٠٬٠٠٠").
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from timeline.model import to_axis
from timeline.timescale import LabelStyle, format_date

# The most a date field takes (Go to date's, the edits' date): a date line, or a phrase
# holding one, is far shorter (a pasted paragraph is still refused whole, its middle left
# out).  A field's own limit is 32,767, and each key read the whole line again for the
# preview under it: after a pasted 10 MB line, up to 0.7 s a key; at 2,000, under 20 ms.
TYPED_DATE_CHARS = 2_000

LRM, RLM = "\u200e", "\u200f"
LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"

_NUMBER = re.compile(
    r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[:.,/\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*"
)


def direction_mark(language: str) -> str:
    return RLM if language == "ar" else LRM


def ordered(text: str, language: str) -> str:
    """`text` with a mark of the interface's direction after every number in it."""
    mark = direction_mark(language)
    return _NUMBER.sub(lambda m: m.group(0) + mark, text)


def isolated_date(text: str, language: str) -> str:
    """An ordered date as one unit of the interface's direction inside any line."""
    return f"{RLI if language == 'ar' else LRI}{ordered(text, language)}{PDI}"


def group_number(n: int, style: LabelStyle) -> str:
    """n with thousands grouped, in the style's digits."""
    grouped = f"{n:,}"
    if style.digits == "arabic":
        grouped = grouped.replace(",", "\u066c")  # ARABIC THOUSANDS SEPARATOR
    return style.num(grouped)


def decimal_number(x: float, style: LabelStyle) -> str:
    """x as briefly as it is exact to six figures (a related article's score, 21.35), in
    the style's digits, with the Arabic decimal separator among Arabic-Indic ones."""
    text = f"{x:g}"
    if style.digits == "arabic":
        text = text.replace(".", "\u066b")  # ARABIC DECIMAL SEPARATOR
    return style.num(text)


def published_text(iso: str | None, style: LabelStyle) -> str | None:
    """An article's ISO publication date (as stored) written as the axis writes dates,
    isolated so that it reads the same beside an Arabic source name in an Arabic row.

    `2022-11-20T19:00:00+03:00` is the wall-clock time of its source (docs/decisions.md),
    so the zone is dropped; the precision is what the ISO text gives.
    """
    if not iso:
        return None
    text = iso.strip()
    try:
        if len(text) == 4 and text.isdigit():
            moment, granularity = datetime(int(text), 1, 1), "year"
        elif len(text) == 7:
            moment, granularity = datetime(int(text[:4]), int(text[5:7]), 1), "month"
        elif len(text) == 10:
            moment, granularity = datetime.fromisoformat(text), "day"
        else:
            moment = datetime.fromisoformat(text).replace(tzinfo=None)
            granularity = "minute"
    except ValueError:
        return text
    return isolated_date(format_date(to_axis(moment), None, granularity, style), style.language)


# -- values in words ----------------------------------------------------------

Language = Literal["en", "ar"]

_REFS = {
    "PAST_REF": ("in the past", "في الماضي"),
    "PRESENT_REF": ("at present", "في الوقت الحاضر"),
    "FUTURE_REF": ("in the future", "في المستقبل"),
}

# unit: English singular, plural; Arabic singular, dual, plural, accusative
# singular (11-99), whether the Arabic noun is feminine (numbers 3-10 take the
# opposite gender), and the plural used alone for "for years" (PXY).
_UNITS: dict[str, tuple[str, str, str, str, str, str, bool]] = {
    "CE": ("century", "centuries", "قرن", "قرنين", "قرون", "قرنًا", False),
    "DE": ("decade", "decades", "عقد", "عقدين", "عقود", "عقدًا", False),
    "Y": ("year", "years", "سنة", "سنتين", "سنوات", "سنة", True),
    "M": ("month", "months", "شهر", "شهرين", "أشهر", "شهرًا", False),
    "W": ("week", "weeks", "أسبوع", "أسبوعين", "أسابيع", "أسبوعًا", False),
    "D": ("day", "days", "يوم", "يومين", "أيام", "يومًا", False),
    "H": ("hour", "hours", "ساعة", "ساعتين", "ساعات", "ساعة", True),
    "TM": ("minute", "minutes", "دقيقة", "دقيقتين", "دقائق", "دقيقة", True),
    "S": ("second", "seconds", "ثانية", "ثانيتين", "ثوانٍ", "ثانية", True),
}
_ARABIC_PLURAL_ALONE = {
    "CE": "لقرون",
    "DE": "لعقود",
    "Y": "لسنوات",
    "M": "لأشهر",
    "W": "لأسابيع",
    "D": "لأيام",
    "H": "لساعات",
    "TM": "لدقائق",
    "S": "لثوانٍ",
}
_EN_NUMBERS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
# 3-10 before a masculine noun (ثلاثة أيام) and before a feminine one (ثلاث سنوات).
_AR_FOR_MASCULINE = ("ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة")
_AR_FOR_FEMININE = ("ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر")

_SEASONS = {
    "SP": ("spring", "ربيع"),
    "SU": ("summer", "صيف"),
    "FA": ("autumn", "خريف"),
    "AU": ("autumn", "خريف"),
    "WI": ("winter", "شتاء"),
}
# TimeML weekdays 1-7 from Monday; the Arabic as "every ..." takes it ("كل جمعة").
_WEEKDAYS = (
    ("Monday", "اثنين"),
    ("Tuesday", "ثلاثاء"),
    ("Wednesday", "أربعاء"),
    ("Thursday", "خميس"),
    ("Friday", "جمعة"),
    ("Saturday", "سبت"),
    ("Sunday", "أحد"),
)
# P1D as a recurrence: "daily"; as a length: "for a day".
_EVERY = {
    "Y": ("yearly", "سنويًا"),
    "M": ("monthly", "شهريًا"),
    "W": ("weekly", "أسبوعيًا"),
    "D": ("daily", "يوميًا"),
    "H": ("hourly", "كل ساعة"),
}

_DURATION = re.compile(
    r"^P(?:(?P<date>[0-9X]+(?:\.[0-9]+)?)(?P<dunit>CE|DE|Y|M|W|D)|T(?P<time>[0-9X]+(?:\.[0-9]+)?)(?P<tunit>H|M|S))$"
)
# A length in two or more units (P1Y6M, PT1H20M, P2DT5H): each part in words, joined.
_COMPOUND = re.compile(
    r"^P(?:(?P<Y>\d+)Y)?(?:(?P<M>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?"
    r"(?:T(?:(?P<H>\d+)H)?(?:(?P<TM>\d+)M)?(?:(?P<S>\d+)S)?)?$"
)
# A quarter or a half of a year (TimeML 2015-Q1, 2015-H2), the year given or not.
_PART_OF_YEAR = re.compile(r"^(?P<year>\d{4}|XXXX)-(?P<part>Q[1-4]|H[12])$")
_PARTS_OF_YEAR = {
    "Q1": ("first quarter", "الربع الأول"),
    "Q2": ("second quarter", "الربع الثاني"),
    "Q3": ("third quarter", "الربع الثالث"),
    "Q4": ("fourth quarter", "الربع الرابع"),
    "H1": ("first half", "النصف الأول"),
    "H2": ("second half", "النصف الثاني"),
}
_SEASON = re.compile(r"^(?P<year>\d{4}|XXXX)-(?P<season>SP|SU|FA|AU|WI)$")
_YEARLESS = re.compile(r"^XXXX-(?P<month>\d{2})(?:-(?P<day>\d{2}))?$")
_WEEKDAY = re.compile(r"^XXXX-WXX-(?P<day>[1-7])$")
# A clock time of every day (a schedule's hour: TimeML's SET XXXX-XX-XXT15:00).
_DAILY_TIME = re.compile(r"^XXXX-XX-XXT(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)$")


def _en_count(n: int, singular: str, plural: str, style: LabelStyle) -> str:
    if n == 1:
        return f"an {singular}" if singular == "hour" else f"a {singular}"
    word = _EN_NUMBERS[n] if n <= 10 else group_number(n, style)
    return f"{word} {plural}"


def _ar_count(n: int, unit: str, style: LabelStyle) -> str:
    _, _, one, two, plural, accusative, feminine = _UNITS[unit]
    if n == 1:
        return one
    if n == 2:
        return two
    if n <= 10:
        numbers = _AR_FOR_FEMININE if feminine else _AR_FOR_MASCULINE
        return f"{numbers[n - 3]} {plural}"
    number = group_number(n, style)
    tens = n % 100
    if tens in (0, 1, 2):
        return f"{number} {one}"
    if tens <= 10:
        return f"{number} {plural}"
    return f"{number} {accusative}"


def _duration_words(amount: str, unit: str, style: LabelStyle) -> str | None:
    english = style.language == "en"
    if amount == "X" or "X" in amount:
        return f"for {_UNITS[unit][1]}" if english else _ARABIC_PLURAL_ALONE[unit]
    if "." in amount:
        # Fractions ("P1.5Y") stay as numbers: "for 1.5 years".
        number = style.num(amount)
        if english:
            return f"for {number} {_UNITS[unit][1]}"
        return f"لمدة {number} {_UNITS[unit][2]}"
    n = int(amount)
    if n == 0:
        return None
    if unit == "Y" and n >= 20 and n % 100 == 0:
        unit, n = "CE", n // 100
    elif unit == "Y" and n >= 20 and n % 10 == 0:
        unit, n = "DE", n // 10
    if english:
        return "for " + _en_count(n, _UNITS[unit][0], _UNITS[unit][1], style)
    return "لمدة " + _ar_count(n, unit, style)


def value_words(value: str, style: LabelStyle, *, recurring: bool = False) -> str | None:
    """A date value with no single place on the axis, in words of the interface.

    None when `value` is not one of these (an ISO date, which the axis writes, or a
    code this function does not know: the caller shows the code itself).
    `recurring` says the value is a TimeML SET: P1D is then "daily", not "for a day".
    """
    english = style.language == "en"
    pick = 0 if english else 1
    value = value.strip()
    if value in _REFS:
        return _REFS[value][pick]
    match = _WEEKDAY.match(value)
    if match:
        day = _WEEKDAYS[int(match["day"]) - 1][pick]
        return f"every {day}" if english else f"كل {day}"
    match = _DAILY_TIME.match(value)
    if match:
        clock = style.num(f"{match['hour']}:{match['minute']}")
        return f"every day at {clock}" if english else f"يوميًا الساعة {clock}"
    match = _DURATION.match(value)
    if match:
        amount = match["date"] or match["time"]
        unit = match["dunit"] or match["tunit"]
        if match["tunit"] == "M":
            unit = "TM"
        if recurring and amount == "1" and unit in _EVERY:
            return _EVERY[unit][pick]
        words = _duration_words(amount, unit, style)
        if words is not None and recurring:
            # "every two weeks" / "كل أسبوعين"
            words = words.removeprefix("for ").removeprefix("لمدة ")
            return f"every {words}" if english else f"كل {words}"
        return words
    match = _COMPOUND.match(value)
    if match and not recurring and sum(1 for n in match.groups() if n and int(n)) >= 2:
        parts = [(unit, int(n)) for unit, n in match.groupdict().items() if n and int(n)]
        if english:
            words = [_en_count(n, *_UNITS[unit][:2], style) for unit, n in parts]
            return "for " + " and ".join(words)
        return "لمدة " + " و".join(_ar_count(n, unit, style) for unit, n in parts)
    match = _PART_OF_YEAR.match(value)
    if match:
        part = _PARTS_OF_YEAR[match["part"]][pick]
        if match["year"] == "XXXX":
            return f"{part} (year not given)" if english else f"{part} (دون ذكر السنة)"
        year = style.num(match["year"])
        return f"{part} of {year}" if english else f"{part} من {year}"
    match = _SEASON.match(value)
    if match:
        season = _SEASONS[match["season"]][pick]
        if match["year"] != "XXXX":
            return f"{season} {style.num(match['year'])}"
        if recurring:
            return f"every {season}" if english else f"كل {season}"
        # (فصل الصيف: the season of any year)
        return f"{season} (year not given)" if english else f"ال{season} (دون ذكر السنة)"
    match = _YEARLESS.match(value)
    if match:
        month = int(match["month"])
        if not 1 <= month <= 12:
            return None
        name = style.month(month)
        if match["day"]:
            day = style.num(int(match["day"]))
            name = f"{day} {name}"
        if recurring:
            return f"every {name}" if english else f"كل {name}"
        return f"{name} (year not given)" if english else f"{name} (دون ذكر السنة)"
    return None


def counted(translated: str, n: int, style: LabelStyle) -> str:
    """A phrase from `tr(source, "", n)` with n grouped and in the style's digits.

    Qt chose the plural form (Arabic has six) and put n in as plain digits; an English
    source written "article(s)" gets its plural here, as no translation is loaded.  The
    n replaced is a number of its own, never the digit of a placeholder left for the
    caller ("%1 of 1 article" became "%١ of 1 article", and its %1 was never filled).
    """
    text = translated.replace("(s)", "" if n == 1 else "s")
    return re.sub(rf"(?<![%\d]){n}(?!\d)", group_number(n, style), text, count=1)
