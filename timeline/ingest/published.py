"""A publication field read as a date: checks of its ISO 8601 form (ranges that cannot be),
its digits, and which of an article export's two date columns an import keeps."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime

from timeline import dating
from timeline.dating.english import (
    ENGLISH_MONTH,
    as_arabic_months,
    day_first,
    mail_date_as_iso,
    unjoined,
)
from timeline.model import FIRST_YEAR, LAST_YEAR, DateValue
from timeline.text.normalize import fold_fullwidth

_ISO = re.compile(
    r"(?<![\d\-/])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
    r"(?:(?:[Tt]|\s+)(?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\.\d+)?)?"
    r"(?:\s*(?P<tz>[Zz]|(?P<sign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2})))?(?![\d:])"
)


def iso_problem(raw: str) -> str | None:
    """What is wrong with an ISO 8601 date in raw, or None (also when raw holds none).

    Real UTC offsets run from -12:00 to +14:00; a year the axis does not cover is
    said as such, rather than the date being silently taken as undated.
    """
    hit = _ISO.search(raw)
    if hit is None:
        return None
    year, month, day = int(hit["y"]), int(hit["mo"]), int(hit["d"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return f"year {year} is outside the years placed on the timeline ({FIRST_YEAR}-{LAST_YEAR})"
    if not 1 <= month <= 12:
        return f"month {month} does not exist"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"{year}-{month:02d} has no day {day}"
    if hit["h"] is not None:
        hour, minute, second = int(hit["h"]), int(hit["mi"]), int(hit["s"] or 0)
        if hour > 23 or minute > 59 or second > 59:
            return f"{hit['h']}:{hit['mi']} is not a time of day"
    if hit["sign"]:
        hours, minutes = int(hit["oh"]), int(hit["om"])
        west = hit["sign"] == "-"
        if minutes > 59 or hours > (12 if west else 14) or (hours in (12, 14) and minutes):
            return f"{hit['tz']} is not a UTC offset (they run from -12:00 to +14:00)"
    return None


# A field of digits alone: ISO 8601's basic form (20150721, 201507211000, 20150721100000:
# GDELT's dates, a web archive's capture times) or Unix time, in seconds (9-10 digits,
# 1973-2286) or milliseconds (13: JavaScript's), as tables and scrapers store them.
_DIGITS = re.compile(
    r"\s*(?:(?P<basic>\d{8}(?:\d{4}(?:\d{2})?)?)|(?P<unix>\d{9,10}|\d{13})(?P<part>\.\d+)?)\s*"
)


def digits_as_iso(raw: str) -> str | None:
    """A publication field of digits alone as ISO 8601 (Unix time in UTC, "Z"); None
    when raw is not such digits, "" when they name no date (20151345)."""
    hit = _DIGITS.fullmatch(raw)
    if hit is None:
        return None
    if hit["basic"]:
        d = hit["basic"]
        iso = f"{d[:4]}-{d[4:6]}-{d[6:8]}"
        if len(d) > 8:
            iso += f"T{d[8:10]}:{d[10:12]}" + (f":{d[12:]}" if len(d) > 12 else "")
        return "" if iso_problem(iso) else iso
    seconds = float(hit["unix"] + (hit["part"] or ""))
    if len(hit["unix"]) == 13:
        seconds /= 1000
    stamp = datetime.fromtimestamp(seconds, UTC)
    return stamp.isoformat(timespec="seconds").replace("+00:00", "Z")


# The most of a publication field read as a date.  A date line is tens of characters
# ("الأربعاء 10 ذو الحجة 1436هـ - 23 سبتمبر 2015م", a byline's date and its last update
# a few more); a field longer is no date, and the rules read it in time linear in its
# length (a 1 MB field 3.4 s): left undated, said so (too_long_to_read).
MAX_PUBLISHED_CHARS = 500


def too_long_to_read(raw: str) -> str | None:
    """Why a publication field is not read as a date for its length, or None."""
    if len(raw) <= MAX_PUBLISHED_CHARS:
        return None
    return f"{len(raw):,} characters, longer than a date (at most {MAX_PUBLISHED_CHARS} are read)"


def parse_published(raw: str) -> DateValue | None:
    """The publication date a field gives; None for none, or for an impossible ISO date.

    Arabic and numeric dates as the date rules read them; English ones too: the RFC 2822
    form of feeds and mail ("Sun, 01 Mar 2015 10:00:00 GMT", its time and offset kept)
    and written dates ("March 1, 2015", "1st March 2015"); a numeric date that can only be
    month first ("3/25/2015", a US spreadsheet's) is read so; digits alone as ISO 8601's
    basic form (20150721) or Unix time (digits_as_iso).  Fullwidth
    letters and digits ("１７ Ｊｕｎｅ ２０１５") are read as their ASCII forms.  A field
    longer than MAX_PUBLISHED_CHARS is none (too_long_to_read).
    """
    if too_long_to_read(raw):
        return None
    raw = fold_fullwidth(raw)
    if not raw or iso_problem(raw) is not None:
        return None
    digits = digits_as_iso(raw)
    if digits is not None:  # 20150721, Unix time in seconds or milliseconds
        return dating.parse_date_line(digits) if digits else None
    if ENGLISH_MONTH.search(raw):
        mail = mail_date_as_iso(unjoined(raw))
        if mail is not None:
            return dating.parse_date_line(mail)
    # English month names, and Hijri ones in Latin letters ("10 Ramadan 1437 AH", an
    # English feed's), as their Arabic names (text with neither comes back as it was).
    raw = as_arabic_months(raw)
    return dating.parse_date_line(day_first(raw))


def own_published(published: str, raw: str) -> str:
    """The publication field an article of this program's own export (CSV, JSON Lines,
    workbook) is imported with: its published_raw column, the text the date was read
    from ("الأربعاء 10 ذو الحجة 1436هـ", as its site wrote it), when that reads as the
    date its published column holds; else the published column, the date shown (one the
    user gave is written there, and comes back as the article's own).

    Read by its published column alone, an article came back with its date line made an
    ISO date: 212 of 213 (the bundled samples and 200 SaudiNewsNet articles) exported as
    CSV, Hijri date lines and all."""
    if not raw.strip() or raw.strip() == published.strip():
        return published
    shown, read = parse_published(published), parse_published(raw)
    if shown is None or read is None:
        return raw if shown is read else published  # undated either way: the text kept
    same = (shown.value, shown.granularity, shown.start, shown.end)
    return raw if (read.value, read.granularity, read.start, read.end) == same else published
