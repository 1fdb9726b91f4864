"""Dates written in English read through the Arabic month names the date rules know.

The rules read Arabic text; a date typed or given in English ("22nd May 2021", "May 22,
2021 10:30 PM", "10 Ramadan 1437 AH") is first written with the month's Arabic name (the
Egyptian and Gulf set, which every rule reads, or the Hijri month's), its ordinals,
weekday and commas dropped.  RFC 2822's form (feeds' pubDate, mail's and HTTP's Date) is
read as ISO 8601, its offset kept; a numeric date that can only be month first
("3/25/2015") is put day first, as the rules read them.
"""

from __future__ import annotations

import calendar
import re
import unicodedata

from timeline.text.normalize import fold_fullwidth

_MONTHS = dict(
    zip(
        (
            "january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december",
        ),
        (
            "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
            "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
        ),
        strict=True,
    )
)  # fmt: skip
ENGLISH_MONTH = re.compile(
    r"\b("
    + "|".join(sorted({*_MONTHS, *(m[:3] for m in _MONTHS), "sept"}, key=len, reverse=True))
    + r")\b\.?",
    re.IGNORECASE,
)

# Hijri months in Latin letters, as English text and the usual transliterations write
# them ("Ramadan", "Ramadhan", "Rabi' al-Awwal", "Rabiul Awal", "Rabi I", "Jumada al-Ula",
# "Dhu al-Hijjah", "Dhul Hijja", "Zul Qadah"), matched once their letters' marks and the
# apostrophes and ayns are dropped (_latin_folded: "Rabīʿ" is "Rabi"), each read as its
# Arabic name in lexicon.HIJRI_MONTHS.  A name needs its second word ("Rabi" alone is
# either month); an Arabic name needs none of this (the rules read it as it is).

# The article between a name's two words: al-, el-, ul, 'l-, ath-, as-, or none.  Spaces
# and hyphens bounded: a run of them after "Rabi" is tried in constant time.
_THE = r"[\s-]{0,3}(?:[aeiu]?l|[aeiu][tdsz]h?)?[\s-]{0,3}"
_RABI = r"rab(?:i|ee|ie|ia)"
_JUMADA = r"jum[aou]+d[aiy]*"
_DHU = r"(?:dh|th|z|d)[uoi]"
_FIRST = r"(?:a?w+a+l|i)"  # awwal, awal, I
_SECOND = r"(?:a{1,2}kh[aei]r|(?:th|t|s)a{1,2}ni|ii)"  # akhir, thani, sani, II
_ULA = r"(?:(?:u|o|ou|oo)la{1,2}h?|a?w+a+l|i)"  # ula, oula, awwal, I
_AKHIRA = r"(?:(?:a{1,2}kh[aei]r|(?:th|t|s)a{1,2}ni)(?:y?a{1,2}h?)?|ii)"  # akhirah, thaniya
_HIJRI_LATIN = {
    r"m[ou]h?ar+am(?:" + _THE + r"haram)?": "محرم",
    r"saf[ae]r": "صفر",
    _RABI + _THE + _FIRST: "ربيع الأول",
    _RABI + _THE + _SECOND: "ربيع الآخر",
    _JUMADA + _THE + _ULA: "جمادى الأولى",
    _JUMADA + _THE + _AKHIRA: "جمادى الآخرة",
    r"raj[ae]b": "رجب",
    r"sha{1,2}ba{1,2}n": "شعبان",
    r"ram[ae]?(?:dh|d|z|th)a{1,2}n": "رمضان",
    r"shaw+a{1,2}l": "شوال",
    _DHU + _THE + r"q[aei]{1,3}d[aeh]{0,3}": "ذو القعدة",
    _DHU + _THE + r"h[ie]j{1,2}[ae]h?": "ذو الحجة",
}
_HIJRI_MONTH = re.compile(
    "|".join(rf"(?<![a-z])(?P<m{i}>{p})(?![a-z])" for i, p in enumerate(_HIJRI_LATIN)),
    re.IGNORECASE,
)
_HIJRI_NAMES = list(_HIJRI_LATIN.values())
# "1437 AH", "1437 A.H.": the Hijri era as the Arabic rules read it (هـ).
_AH = re.compile(r"(?<=\d)\s*a\.?\s?h\b\.?", re.IGNORECASE)
# Letters with marks, written in or apart (a letter, then combining marks: text pasted
# from a Mac, or typed with a dead key), and the apostrophes and ayns of
# transliteration (' ’ ‘ ` ʿ ʾ ʻ).
_LATIN_WORD = re.compile(
    r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u02bb-\u02bf'’‘`´]"
    r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u02bb-\u02bf\u0300-\u036f'’‘`´]*"
)


def _latin_folded(text: str) -> str:
    """Latin words without their letters' marks or the apostrophes and ayns in them:
    "Rabīʿ al-Awwal" -> "Rabi al-Awwal", "Sha'ban" -> "Shaban"; Arabic unchanged."""

    def fold(m: re.Match[str]) -> str:
        return "".join(
            c for c in unicodedata.normalize("NFKD", m[0]) if c.isascii() and c.isalpha()
        )

    return _LATIN_WORD.sub(fold, text)


def _hijri_month(m: re.Match[str]) -> str:
    return " " + _HIJRI_NAMES[int(str(m.lastgroup)[1:])] + " "


_OF = re.compile(r"\bof\b", re.IGNORECASE)  # "3rd of May 2021"
# "21-Jul-2015" (spreadsheets' and databases' form), "21/Jul/2015:10:00:00 +0300" (a web
# server's log): the day, month and year with spaces between, the time after the year.
_JOINED = re.compile(
    r"(?<![\d\w])(\d{1,2})([-/.])("
    + "|".join(sorted({*_MONTHS, *(m[:3] for m in _MONTHS), "sept"}, key=len, reverse=True))
    + r")\.?\2(\d{4})(?!\d)(?::(?=\d{2}:\d{2}))?",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?,?",
    re.IGNORECASE,
)
# A clock's "10:00 PM" read as the rules read "10:00 م".
_HALF_DAY = re.compile(r"(\d)\s*([ap])\.?m\b\.?", re.IGNORECASE)
# "يونيو 22 2021" (from "June 22, 2021", "Published on June 22, 2021", "رمضان 10 1437"
# from "Ramadan 10, 1437"): the day put before its month.
_MONTH_FIRST = re.compile(
    r"(?<!\d)(?<!\d\s)("
    + "|".join([*_MONTHS.values(), *_HIJRI_NAMES])
    + r")\s+(\d{1,2})\s+(\d{3,4})(?!\d)"
)


# A numeric date whose first number can only be a month ("3/25/2015": a US table's).
_MONTH_FIRST_NUMBERS = re.compile(r"^(\s*)(\d{1,2})([/.-])(\d{1,2})\3(\d{4})(?!\d)")


def day_first(text: str) -> str:
    """A numeric date written month first put day first, as the rules read numeric dates,
    when it can only be month first (its second number past 12, its first not): "3/25/2015"
    -> "25/3/2015".  Anything else unchanged ("3/1/2015" stays the 3rd of January)."""
    hit = _MONTH_FIRST_NUMBERS.match(text)
    if hit is None or not int(hit[2]) <= 12 < int(hit[4]) <= 31:
        return text
    sep = hit[3]
    return f"{hit[1]}{hit[4]}{sep}{hit[2]}{sep}{hit[5]}" + text[hit.end() :]


def unjoined(text: str) -> str:
    """A date whose day, month name and year are joined by hyphens or slashes with
    spaces between them: "21-Jul-2015" -> "21 Jul 2015"."""
    return _JOINED.sub(r"\1 \3 \4 ", text).strip() if ENGLISH_MONTH.search(text) else text


def as_arabic_months(text: str) -> str:
    """English month names as Arabic ones, AM and PM as ص and م, weekdays, ordinals and
    commas dropped.

    "May 22, 2021" -> "22 مايو 2021", "Ramadan 10, 1437 AH" -> "10 رمضان 1437 هـ"; text
    without an English or Latin Hijri month name (nor AH after a year) is unchanged but
    for fullwidth forms, read as their ASCII characters ("１７ Ｊｕｎｅ ２０１５" as
    "17 June 2015").
    """
    text = fold_fullwidth(text)
    folded = _latin_folded(text)
    if not (ENGLISH_MONTH.search(folded) or _HIJRI_MONTH.search(folded) or _AH.search(folded)):
        return text
    text = _AH.sub(" هـ", _HIJRI_MONTH.sub(_hijri_month, folded))

    def month(m: re.Match[str]) -> str:
        name = m[1].lower()
        full = next(k for k in _MONTHS if k.startswith(name[:3]))
        return " " + _MONTHS[full] + " "

    text = _WEEKDAY.sub(" ", unjoined(text))
    text = _HALF_DAY.sub(lambda m: m[1] + (" ص" if m[2] in "aA" else " م"), text)
    text = ENGLISH_MONTH.sub(month, _OF.sub(" ", _ORDINAL.sub(r"\1", text))).replace(",", " ")
    text = _MONTH_FIRST.sub(r"\2 \1 \3", text)
    return " ".join(text.split())


_MONTH_ABBREVIATIONS = tuple(month[:3] for month in _MONTHS)
# RFC 2822's date, strictly: the weekday, day, month, year, time and zone, nothing else
# (the mail module's own parser takes "10:00 PM" as 10:00 and an unknown zone as UTC).
_MAIL_DATE = re.compile(
    r"^\s*(?:[a-z]{3},\s*)?(?P<d>\d{1,2})\s+(?P<mo>[a-z]{3})\s+(?P<y>\d{4})"
    r"\s+(?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"(?:\s+(?:(?P<sign>[+-])(?P<oh>\d{2})(?P<om>\d{2})|(?P<zone>ut|gmt|z|[ecmp][sd]t)))?"
    r"(?:\s*\([^()]*\))?\s*$",
    re.IGNORECASE,
)
_ZONE_HOURS = {"ut": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5}
_ZONE_HOURS |= {"mst": -7, "mdt": -6, "pst": -8, "pdt": -7}


def mail_date_as_iso(raw: str) -> str | None:
    """An RFC 2822 date ("Sun, 01 Mar 2015 10:00:00 +0300", RSS's pubDate, mail's and
    HTTP's Date) as ISO 8601, its offset kept (none when it gives no zone); None when raw
    is not one, "" when it is one of a time that cannot be (day 31 of February, 25:00,
    an offset past +14:00: the mail module's own parser takes them)."""
    hit = _MAIL_DATE.match(raw)
    if hit is None or hit["mo"].lower() not in _MONTH_ABBREVIATIONS:
        return None
    year, day = int(hit["y"]), int(hit["d"])
    month = _MONTH_ABBREVIATIONS.index(hit["mo"].lower()) + 1
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return ""
    if int(hit["h"]) > 23 or int(hit["mi"]) > 59 or int(hit["s"] or 0) > 59:
        return ""
    if hit["sign"] and (int(hit["om"]) > 59 or int(hit["oh"]) > (12 if hit["sign"] == "-" else 14)):
        return ""
    iso = f"{year:04d}-{month:02d}-{day:02d}T{hit['h']}:{hit['mi']}:{hit['s'] or '00'}"
    if hit["sign"]:
        return iso + f"{hit['sign']}{hit['oh']}:{hit['om']}"
    if hit["zone"]:
        hours = _ZONE_HOURS[hit["zone"].lower()]
        return iso + f"{'-' if hours < 0 else '+'}{abs(hours):02d}:00"
    return iso
