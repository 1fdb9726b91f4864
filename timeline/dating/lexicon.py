"""Arabic words for months, weekdays, numbers and time units, in folded spelling."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from timeline.dating.lazy import remembered_text
from timeline.dating.normalize import strip_marks

_V = TypeVar("_V")


def _folded(table: dict[str, _V]) -> dict[str, _V]:
    # Entries are written the way newspapers spell them; matching runs on folded
    # text, so the keys are folded with the same function.
    return {strip_marks(word): value for word, value in table.items()}


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of the words, built as a trie so matching stays fast.

    A flat "a|b|c..." alternation makes the regex engine try every word at every
    position; the trie shares prefixes, so each position costs a few character tests.
    A space in a word matches any run of whitespace.  The rules build a few dozen at
    import, so each is remembered between runs (timeline.dating.lazy), by its words.
    """
    unique = sorted(set(words))
    return remembered_text("alternation", "\n".join(unique), lambda: _trie_alternation(unique))


def prefixed_alternation(groups: Iterable[tuple[Iterable[str], Iterable[str]]]) -> str:
    """alternation() of every prefix of a group joined to every word of it: the forms a
    word takes with its clitics (و, ب, ال...) in one trie, which costs a few character
    tests at a position where the clitics' optional items of a regex backtrack through
    each of their combinations.  Remembered by the prefixes and words, so the product
    is made only when the text is not yet remembered."""
    pairs = [(sorted(set(prefixes)), sorted(set(words))) for prefixes, words in groups]
    key = "\x01".join("\n".join(prefixes) + "\x02" + "\n".join(words) for prefixes, words in pairs)
    return remembered_text(
        "prefixed",
        key,
        lambda: _trie_alternation(
            sorted(
                {
                    prefix + word
                    for prefixes, words in pairs
                    for prefix in prefixes
                    for word in words
                }
            )
        ),
    )


def _trie_alternation(words: Iterable[str]) -> str:
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _piece(ch: str) -> str:
    # A letter or digit needs no escape (re.escape leaves it as it is): this runs for
    # every character of every word list at import.
    return ch if ch.isalnum() else (r"\s+" if ch == " " else re.escape(ch))


def _trie_regex(node: dict[str, dict]) -> str:
    ends_here = "" in node
    branches = [_piece(ch) + _trie_regex(node[ch]) for ch in sorted(node) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Longest match first: the empty alternative goes last (تشرين الأول before تشرين).
    return f"(?:{body})?" if ends_here else body


# Gregorian months by region.  Levant (Syriac names), Egypt/Gulf (Latin names with
# local spellings), Maghreb (French-derived) and Morocco (its own forms).  The Syriac
# names of two words are written with or without ال on the second (كانون أول, precision
# sample 104: ال16 من كانون أول/ ديسمبر 1965 lost its day).
GREGORIAN_MONTHS: dict[str, int] = _folded(
    {
        "كانون الثاني": 1, "كانون ثاني": 1, "يناير": 1, "جانفي": 1, "ينير": 1,
        "شباط": 2, "فبراير": 2, "فيفري": 2, "فبرير": 2,
        "آذار": 3, "مارس": 3,
        "نيسان": 4, "أبريل": 4, "إبريل": 4, "ابريل": 4, "أفريل": 4,
        "أيار": 5, "مايو": 5, "ماي": 5,
        "حزيران": 6, "يونيو": 6, "يونيه": 6, "جوان": 6, "يونيوز": 6, "جون": 6,
        "تموز": 7, "يوليو": 7, "يوليه": 7, "جويلية": 7, "يوليوز": 7,
        "آب": 8, "أغسطس": 8, "اغسطس": 8, "أوت": 8, "غشت": 8, "أغسطوس": 8,
        "أيلول": 9, "سبتمبر": 9, "شتنبر": 9,
        "تشرين الأول": 10, "تشرين أول": 10, "أكتوبر": 10, "اكتوبر": 10,
        "تشرين الثاني": 11, "تشرين ثاني": 11, "نوفمبر": 11, "نونبر": 11,
        "كانون الأول": 12, "كانون أول": 12, "ديسمبر": 12, "دجنبر": 12,
    }
)  # fmt: skip

# Month names that are also ordinary words or names (مارس "practised", آب folds to
# أب "father", ماي, جوان and جون first names, نيسان a car maker, أوت): they count as a month
# only next to a day number or a year, never alone after a preposition.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset(
    strip_marks(w) for w in ("مارس", "آب", "ماي", "جوان", "جون", "نيسان", "أوت", "غشت", "تموز")
)

HIJRI_MONTHS: dict[str, int] = _folded(
    {
        "محرم": 1, "المحرم": 1, "صفر": 2,
        "ربيع الأول": 3, "ربيع الاول": 3, "ربيع أول": 3,
        "ربيع الثاني": 4, "ربيع الآخر": 4, "ربيع الاخر": 4, "ربيع ثاني": 4,
        "جمادى الأولى": 5, "جمادى الاولى": 5, "جمادى الأول": 5, "جمادي الأولى": 5,
        "جمادى الآخرة": 6, "جمادى الاخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6,
        "جمادي الآخرة": 6, "جمادي الثانية": 6,
        "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
        "ذو القعدة": 11, "ذي القعدة": 11, "ذا القعدة": 11,
        "ذو الحجة": 12, "ذي الحجة": 12, "ذا الحجة": 12,
    }
)  # fmt: skip

# Weekdays without the article (matching adds ال and the proclitics).  Python's
# weekday(): Monday is 0.
WEEKDAYS: dict[str, int] = _folded(
    {
        "اثنين": 0, "إثنين": 0, "ثلاثاء": 1, "أربعاء": 2, "اربعاء": 2,
        "خميس": 3, "جمعة": 4, "سبت": 5, "أحد": 6,
    }
)  # fmt: skip

# الاثنين also means "the two", الأحد "the one": alone they need a cue (يوم, a
# modifier, a date) before they are read as a weekday.
AMBIGUOUS_WEEKDAYS: frozenset[int] = frozenset({0, 6})

_UNITS = {
    "واحد": 1, "واحدة": 1, "اثنين": 2, "اثنتين": 2, "اثنان": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5,
    "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8,
    "تسع": 9, "تسعة": 9,
}  # fmt: skip
_TEENS = {
    "عشر": 10, "عشرة": 10, "أحد عشر": 11, "إحدى عشرة": 11, "اثني عشر": 12,
    "اثنا عشر": 12, "اثنتي عشرة": 12,
}  # fmt: skip
_TENS = {
    "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "أربعين": 40, "أربعون": 40,
    "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70,
    "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90, "مئة": 100, "مائة": 100,
}  # fmt: skip


def _cardinals() -> dict[str, int]:
    table = dict(_UNITS) | _TEENS | _TENS
    for unit, u in _UNITS.items():
        if u >= 3:
            table[f"{unit} عشر"] = 10 + u
            table[f"{unit} عشرة"] = 10 + u
        for ten, t in _TENS.items():
            if t < 100:
                table[f"{unit} و{ten}"] = u + t
    return _folded(table)


CARDINALS: dict[str, int] = _cardinals()

_ORDINAL_UNITS = {
    "الأول": 1, "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5,
    "السادس": 6, "السابع": 7, "الثامن": 8, "التاسع": 9,
}  # fmt: skip


def _ordinal_days() -> dict[str, int]:
    # Day-of-month ordinals, masculine (يوم is masculine): الأول ... الحادي والثلاثين.
    table: dict[str, int] = {k: v for k, v in _ORDINAL_UNITS.items() if k != "الحادي"}
    table["العاشر"] = 10
    for word, u in _ORDINAL_UNITS.items():
        if word == "الأول":
            continue
        table[f"{word} عشر"] = 10 + u
        table[f"{word} والعشرين"] = 20 + u
    table["العشرين"] = 20
    table["الثلاثين"] = 30
    table["الحادي والثلاثين"] = 31
    return _folded(table)


ORDINAL_DAYS: dict[str, int] = _ordinal_days()

# Time units for "N units ago" and durations, each with its TIMEX unit letter and
# the count its dual or singular form implies (عامين = 2 years, سنة = 1 year).
UNIT_FORMS: dict[str, tuple[str, int | None]] = {
    strip_marks(k): v
    for k, v in {
        "يوم": ("D", 1), "أيام": ("D", None), "يوما": ("D", None), "يومين": ("D", 2),
        "أسبوع": ("W", 1), "أسابيع": ("W", None), "أسبوعا": ("W", None), "أسبوعين": ("W", 2),
        "شهر": ("M", 1), "أشهر": ("M", None), "شهور": ("M", None), "شهرا": ("M", None),
        "شهرين": ("M", 2),
        "سنة": ("Y", 1), "سنوات": ("Y", None), "سنين": ("Y", None),
        "سنتين": ("Y", 2), "عام": ("Y", 1), "أعوام": ("Y", None), "عاما": ("Y", None),
        "عامين": ("Y", 2),
        "عقد": ("DEC", 1), "عقود": ("DEC", None), "عقدا": ("DEC", None), "عقدين": ("DEC", 2),
        "قرن": ("CEN", 1), "قرون": ("CEN", None), "قرنا": ("CEN", None), "قرنين": ("CEN", 2),
    }.items()
}  # fmt: skip

PAST_WORDS = frozenset(
    strip_marks(w)
    for w in ("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق")
)
FUTURE_WORDS = frozenset(
    strip_marks(w) for w in ("المقبل", "المقبلة", "القادم", "القادمة", "الآتي", "التالي")
)
CURRENT_WORDS = frozenset(strip_marks(w) for w in ("الجاري", "الجارية", "الحالي", "الحالية"))

# Decade stems: السبعينيات, الثمانينات, التسعينيات (and the odd typo التسعيينات).
DECADE_STEMS: dict[str, int] = _folded(
    {"عشر": 2, "ثلاث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "تسع": 9}
)

# Clock times: period words and the hour ordinals used in prose (الرابعة عصرا).
AM_WORDS = frozenset(
    strip_marks(w)
    for w in ("صباحا", "صباحاً", "صباح", "ص", "فجرا", "فجر", "منتصف الليل", "بعد منتصف الليل")
)
PM_WORDS = frozenset(
    strip_marks(w)
    for w in (
        "مساء", "مساءً", "مساءا", "م", "عصرا", "عصر", "مغربا",
        # the afternoon: الساعة الثالثة بعد الظهر, الثالثة من بعد ظهر اليوم
        "بعد الظهر", "بعد الظهيرة", "بعد ظهر",
    )
)  # fmt: skip
# At night: the evening's hours, midnight at twelve and the small hours after it
# (الواحدة ليلا is 01:00, الثانية عشرة ليلا midnight), as to_24h reads them.
NIGHT_WORDS = frozenset(strip_marks(w) for w in ("ليلا", "ليلاً"))
NOON_WORDS = frozenset(strip_marks(w) for w in ("ظهرا", "ظهراً", "الظهر", "ظهر"))
HOUR_WORDS: dict[str, int] = _folded(
    {
        "الواحدة": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5,
        "السادسة": 6, "السابعة": 7, "الثامنة": 8, "التاسعة": 9, "العاشرة": 10,
        "الحادية عشرة": 11, "الحادية عشر": 11, "الثانية عشرة": 12, "الثانية عشر": 12,
    }
)  # fmt: skip

# Fixed-offset places named in "بتوقيت X".  Only places without daylight saving
# time, so the offset is right whatever the date.
TIMEZONE_OFFSETS: dict[str, str] = _folded(
    {
        "غرينتش": "+00:00", "جرينتش": "+00:00", "غرينيتش": "+00:00", "جرينيتش": "+00:00",
        "مكة": "+03:00", "مكة المكرمة": "+03:00", "السعودية": "+03:00", "الرياض": "+03:00",
        "جدة": "+03:00", "الكويت": "+03:00", "بغداد": "+03:00", "الدوحة": "+03:00",
        "قطر": "+03:00", "البحرين": "+03:00", "المنامة": "+03:00", "موسكو": "+03:00",
        "أبوظبي": "+04:00", "أبو ظبي": "+04:00", "الإمارات": "+04:00", "دبي": "+04:00",
        "مسقط": "+04:00", "باكو": "+04:00",
    }
)  # fmt: skip

# Number words up to the thousands, for counts of time units (خمسة وعشرين عاما,
# ثلاثمئة عام, ألفي سنة): every spelling of each part, masculine and feminine, with
# the nominative/accusative-genitive pairs of duals (مئتان / مئتين).
_HUNDREDS = {
    "مئة": 100, "مائة": 100, "مئتين": 200, "مائتين": 200, "مئتان": 200, "مائتان": 200,
    "مئتي": 200, "مائتي": 200,
}  # fmt: skip
for _word, _u in (("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8),
                  ("ثماني", 8), ("تسع", 9)):  # fmt: skip
    for _h in ("مئة", "مائة"):
        _HUNDREDS[f"{_word}{_h}"] = _u * 100
        _HUNDREDS[f"{_word} {_h}"] = _u * 100
_THOUSANDS = {"ألف": 1000, "ألفا": 1000, "ألفين": 2000, "ألفان": 2000, "ألفي": 2000}
# The plural آلاف multiplies the unit before it (ثلاثة آلاف).
THOUSANDS_PLURAL = strip_marks("آلاف")
NUMBER_PARTS: dict[str, int] = _folded(
    {**_UNITS, **_TEENS, **_TENS, **_HUNDREDS, **_THOUSANDS, "إحدى": 1, "اثنا": 2, "اثنتا": 2}
)
for _unit, _u in _UNITS.items():
    if _u >= 3:
        NUMBER_PARTS[strip_marks(f"{_unit} عشر")] = 10 + _u
        NUMBER_PARTS[strip_marks(f"{_unit} عشرة")] = 10 + _u
        NUMBER_PARTS[strip_marks(f"{_unit} آلاف")] = 1000 * _u
NUMBER_PARTS[strip_marks("إحدى عشرة")] = 11
NUMBER_PARTS[strip_marks("أحد عشر")] = 11


def number_value(words: str) -> int | None:
    """The value of a number written in words ('خمسه وعشرين' -> 25), None if not one.

    Parts are joined by و and added: Arabic writes thousands, hundreds, then units
    before tens (ألفين وخمسمئه وخمسه وعشرين), so a sum is the number.
    """
    total = 0
    for part in re.split(r"\s+و\s*", words.strip()):
        part = re.sub(r"\s+", " ", part.strip())
        if part not in NUMBER_PARTS:
            return None
        total += NUMBER_PARTS[part]
    return total or None


_FEMININE_ORDINALS = {
    "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6,
    "السابعة": 7, "الثامنة": 8, "التاسعة": 9,
}  # fmt: skip


def _age_years() -> dict[str, int]:
    # An age as an ordinal of years (في العاشرة من عمره, الخامسة عشرة من العمر) or a
    # definite ten (في الخمسين من العمر, الخامسة والعشرين من عمرها).
    ordinals = _FEMININE_ORDINALS | {k: u for k, u in _ORDINAL_UNITS.items() if u > 1}
    table: dict[str, int] = {"العاشرة": 10, "العاشر": 10}
    table |= {"الحادية عشرة": 11, "الحادي عشر": 11} | ordinals
    for word, u in ordinals.items():
        table[f"{word} {'عشرة' if word.endswith('ة') else 'عشر'}"] = 10 + u
    for ten, t in _TENS.items():
        if 20 <= t < 100 and ten.endswith("ين"):
            table[f"ال{ten}"] = t
            for word, u in (ordinals | {"الحادية": 1, "الحادي": 1}).items():
                table[f"{word} وال{ten}"] = u + t
    return _folded(table)


AGE_YEARS: dict[str, int] = _age_years()
# The ordinal of the units before a definite ten of years (عن عمر يناهز الخامسة والخمسين
# عاماً, بلغ الحادية والأربعين عامًا): aged 55, 41; the ten alone was read as the age.
AGE_ORDINAL_UNITS: dict[str, int] = _folded(
    _FEMININE_ORDINALS
    | {k: u for k, u in _ORDINAL_UNITS.items() if u > 1}
    | {"الحادية": 1, "الحادي": 1}
)


# Units of time, folded: (TIMEX unit, count the form implies or None).  Units: Y, M,
# W, D, H (hours), MIN (minutes), DE (decades), CE (centuries).  A plural implies
# some unknown number (X); the accusative singular (عاما, 30 يوما) only follows a count.
DURATION_UNITS: dict[str, tuple[str, int | None]] = {
    strip_marks(k): val
    for k, val in {
        "ساعة": ("H", 1), "ساعات": ("H", None), "ساعتين": ("H", 2), "ساعتان": ("H", 2),
        "دقيقة": ("MIN", 1), "دقائق": ("MIN", None), "دقيقتين": ("MIN", 2), "دقيقتان": ("MIN", 2),
        "يوم": ("D", 1), "أيام": ("D", None), "يوما": ("D", None), "يومين": ("D", 2),
        "يومان": ("D", 2),
        "أسبوع": ("W", 1), "أسابيع": ("W", None), "أسبوعا": ("W", None), "أسبوعين": ("W", 2),
        "أسبوعان": ("W", 2),
        "شهر": ("M", 1), "أشهر": ("M", None), "شهور": ("M", None), "شهرا": ("M", None),
        "شهرين": ("M", 2), "شهران": ("M", 2),
        "سنة": ("Y", 1), "سنوات": ("Y", None), "سنين": ("Y", None), "سنتين": ("Y", 2),
        "سنتان": ("Y", 2), "عام": ("Y", 1), "أعوام": ("Y", None), "عاما": ("Y", None),
        "عامين": ("Y", 2), "عامان": ("Y", 2),
        "عقد": ("DE", 1), "عقود": ("DE", None), "عقدا": ("DE", None), "عقدين": ("DE", 2),
        "عقدان": ("DE", 2),
        "قرن": ("CE", 1), "قرون": ("CE", None), "قرنا": ("CE", None), "قرنين": ("CE", 2),
        "قرنان": ("CE", 2),
    }.items()
}  # fmt: skip
# The adverbs of recurrence (يومياً) and the unit each repeats.
RECURRING_ADVERBS: dict[str, str] = _folded(
    {"يوميا": "D", "أسبوعيا": "W", "شهريا": "M", "سنويا": "Y", "عاميا": "Y"}
)
# Seasons, TIMEX3 codes.
SEASONS: dict[str, str] = _folded({"ربيع": "SP", "صيف": "SU", "خريف": "FA", "شتاء": "WI"})
