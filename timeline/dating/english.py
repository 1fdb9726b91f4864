"""Dates written in English read through the Arabic month names the date rules know.

The rules read Arabic text; a date typed or given in English ("22nd May 2021", "May 22,
2021", "Sun, 01 Mar 2015 10:00:00 GMT") is first written with the month's Arabic name
(the Egyptian and Gulf set, which every rule reads) and its ordinals and commas dropped.
"""

from __future__ import annotations

import re

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
_OF = re.compile(r"\bof\b", re.IGNORECASE)  # "3rd of May 2021"
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?,?",
    re.IGNORECASE,
)
# A clock's "10:00 PM" read as the rules read "10:00 م".
_HALF_DAY = re.compile(r"(\d)\s*([ap])\.?m\b\.?", re.IGNORECASE)
# "يونيو 22 2021" (from "June 22, 2021"): the day put before its month.
_MONTH_FIRST = re.compile(r"^\s*(\S+)\s+(\d{1,2})\s+(\d{3,4})")


def as_arabic_months(text: str) -> str:
    """English month names as Arabic ones, AM and PM as ص and م, weekdays, ordinals and
    commas dropped.

    "May 22, 2021" -> "22 مايو 2021"; text without an English month name is unchanged.
    """
    if not ENGLISH_MONTH.search(text):
        return text

    def month(m: re.Match[str]) -> str:
        name = m[1].lower()
        full = next(k for k in _MONTHS if k.startswith(name[:3]))
        return " " + _MONTHS[full] + " "

    text = _WEEKDAY.sub(" ", text)
    text = _HALF_DAY.sub(lambda m: m[1] + (" ص" if m[2] in "aA" else " م"), text)
    text = ENGLISH_MONTH.sub(month, _OF.sub(" ", _ORDINAL.sub(r"\1", text))).replace(",", " ")
    text = _MONTH_FIRST.sub(r"\2 \1 \3", text)
    return " ".join(text.split())
