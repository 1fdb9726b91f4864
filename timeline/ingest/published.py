"""Checks of an ISO 8601 publication field before it is read as a date: ranges that cannot be."""

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
