"""Publication fields before they are read as dates: ISO 8601 ranges that cannot be, and
the RFC 2822 form (RSS's pubDate, mail's and HTTP's Date) written as ISO 8601."""

from __future__ import annotations

import calendar
import re

# The years the program places on its axis (as timeline.dating reads ISO dates).
FIRST_YEAR, LAST_YEAR = 1000, 2200

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


_MONTH_ABBREVIATIONS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
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
    is not one.  The result is not checked: iso_problem says what is wrong with it."""
    hit = _MAIL_DATE.match(raw)
    if hit is None or hit["mo"].lower() not in _MONTH_ABBREVIATIONS:
        return None
    month = _MONTH_ABBREVIATIONS.index(hit["mo"].lower()) + 1
    iso = f"{hit['y']}-{month:02d}-{int(hit['d']):02d}T{hit['h']}:{hit['mi']}:{hit['s'] or '00'}"
    if hit["sign"]:
        return iso + f"{hit['sign']}{hit['oh']}:{hit['om']}"
    if hit["zone"]:
        hours = _ZONE_HOURS[hit["zone"].lower()]
        return iso + f"{'-' if hours < 0 else '+'}{abs(hours):02d}:00"
    return iso
