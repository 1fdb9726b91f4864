"""Parse publication date lines and date strings into a DateValue."""

from __future__ import annotations

import re

from timeline.dating import absolute, clock
from timeline.dating import values as v
from timeline.dating.context import ERA, make_context
from timeline.dating.english import ENGLISH_MONTH, as_arabic_months, day_first, mail_date_as_iso
from timeline.dating.lazy import lazy
from timeline.dating.mentions import ABSOLUTE_RULES, find_candidates
from timeline.model import GRANULARITIES, DateValue
from timeline.text.normalize import fold_fullwidth

BARE_YEAR = lazy(rf"\s*(?P<y>\d{{4}}){ERA}\s*")
# A field that is wholly one of the coarser values this program stores for a date (an
# ISO 8601 month or interval of days, a TIMEX3 decade or season): what an export writes
# for a publication date given as a month, a decade or a season, or read from a Hijri
# month or year ("شوال 1436 هـ": 2015-07-17/2015-08-15), which has to read back as such.
# Without it an export's "2015-09" imported as an undated article, and a Hijri month
# as its first day.  A century ("19") is not read: two digits alone are a number more
# often than a date.
VALUE_FORM = lazy(
    r"\s*(?:(?P<y>\d{4})-(?:(?P<mo>\d\d)|(?P<season>SP|SU|FA|WI))|(?P<decade>\d{3})X"
    r"|(?P<first>\d{4})-(?P<fm>\d\d)-(?P<fd>\d\d)/(?P<last>\d{4})-(?P<lm>\d\d)-(?P<ld>\d\d))\s*"
)


def _iso(text: str) -> DateValue | None:
    hit = absolute.ISO.search(text)
    return absolute.iso_value(hit) if hit else None


def _bare_year(text: str) -> DateValue | None:
    hit = BARE_YEAR.fullmatch(text)
    if hit is None:
        return None
    year, era = int(hit.group("y")), hit.group("era") or ""
    if era.startswith("ه"):
        return v.hijri_years_interval(year, year)
    return v.year_value(year) if 1000 <= year <= 2200 else None


def _value_form(text: str) -> DateValue | None:
    """The month, days, decade or season a field holding their value (VALUE_FORM) names."""
    hit = VALUE_FORM.fullmatch(text)
    if hit is None:
        return None
    if hit["first"]:
        first = v.valid_date(int(hit["first"]), int(hit["fm"]), int(hit["fd"]))
        last = v.valid_date(int(hit["last"]), int(hit["lm"]), int(hit["ld"]))
        if first is None or last is None or last < first or first.year < 1000 or last.year > 2200:
            return None
        return v.days_interval(first, last)
    if hit["decade"]:
        decade = int(hit["decade"]) * 10
        return v.decade_value(decade) if 1000 <= decade <= 2200 else None
    year = int(hit["y"])
    if not 1000 <= year <= 2200:
        return None
    if hit["season"]:
        return absolute.season_value(year, hit["season"])
    month = int(hit["mo"])
    return v.month_value(year, month) if 1 <= month <= 12 else None


def parse_date_line(text: str) -> DateValue | None:
    """The date a publication line or date string gives, or None when it gives none.

    Handles ISO 8601 (offsets kept in the value), written dates in every regional
    month set, numeric day-first and Hijri dates, bridges (the Gregorian side wins),
    months and bare years, and a field holding a value this program stores for a
    coarser date (VALUE_FORM: "2015-09", "2015-07-17/2015-08-15", "198X", "2015-SU");
    a time after the date refines it to the minute.
    """
    if not text or not text.strip():
        return None
    ctx = make_context(text, None)
    form = _value_form(ctx.text)  # before ISO dates: an interval's first day is one
    if form is not None:
        return form
    iso = _iso(ctx.text)
    if iso is not None:
        return iso
    bare = _bare_year(ctx.text)
    if bare is not None:
        return bare
    found = [
        c
        for c in find_candidates(ctx, (*ABSOLUTE_RULES, clock.clock_times))
        if c.date.is_placed and c.kind != "time"
    ]
    if not found:
        return None
    # The most precise date wins; among equals, the first written.
    best = min(found, key=lambda c: (GRANULARITIES.index(c.date.granularity), c.start))
    return best.date


# A line under an article's title is its date line when it is at most this long and
# its dates and times leave at most LEAD_WORDS of its words ("تم نشره", "Published on",
# "آخر تحديث:"): a sentence of the body that names a year is no date line.
DATE_LINE_CHARS = 120
LEAD_WORDS = 3
_WORD = re.compile(r"[^\W_]+")
# Words that say a line is the publication's, whether or not its date can be read.
_DATE_LINE_LEAD = re.compile(
    r"\s*(?:تم\s+نشره|نشر\s+(?:في|بتاريخ|يوم)|تاريخ\s+النشر|آخر\s+تحديث"
    r"|published|posted|updated|last\s+updated)\b",
    re.IGNORECASE,
)
_SENTENCE_ENDS = (".", "!", "?", "؟", "…")


def is_date_line(text: str) -> bool:
    """Whether a line is a publication date line: short, and all of it a date (a time
    too) but for a few words before or after.

    "تم نشره السبت 22 أيار / مايو 2021 01:32 صباحاً", "2021-05-22", "March 1, 2015" are,
    and so is a line that says it is one ("نشر في", "Published", "آخر تحديث");
    "زار الملك الرياض في عام 2015 وافتتح 3 مشاريع" is not (parse_date_line reads 2015
    from it).  Arabic, English and ISO dates, as parse_date_line and the publication
    field read them.
    """
    if len(text) > DATE_LINE_CHARS or not text.strip():
        return False
    text = fold_fullwidth(text)
    if _DATE_LINE_LEAD.match(text) and not text.rstrip().endswith(_SENTENCE_ENDS):
        # Said to be one: kept as written even when it cannot be read ("Updated figures
        # show 30 deaths." is a sentence: it ends as one).
        return True
    if ENGLISH_MONTH.search(text) and mail_date_as_iso(text) is not None:
        return True
    text = as_arabic_months(text)  # (Hijri months in Latin letters too)
    ctx = make_context(day_first(text), None)
    if _bare_year(ctx.text) is not None:
        return True
    spans = [hit.span() for hit in absolute.ISO.finditer(ctx.text)]
    found = find_candidates(ctx, (*ABSOLUTE_RULES, clock.clock_times))
    if not spans and not any(c.kind != "time" and c.date.is_placed for c in found):
        return False
    spans += [(c.start, c.end) for c in found]
    left = sum(
        1
        for word in _WORD.finditer(ctx.text)
        if not any(start < word.end() and word.start() < end for start, end in spans)
    )
    return left <= LEAD_WORDS
