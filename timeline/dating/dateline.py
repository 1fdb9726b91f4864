"""Parse publication date lines and date strings into a DateValue."""

from __future__ import annotations

from timeline.dating import absolute, clock
from timeline.dating import values as v
from timeline.dating.context import ERA, make_context
from timeline.dating.lazy import lazy
from timeline.dating.mentions import ABSOLUTE_RULES, find_candidates
from timeline.model import GRANULARITIES, DateValue

BARE_YEAR = lazy(rf"\s*(?P<y>\d{{4}}){ERA}\s*")


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


def parse_date_line(text: str) -> DateValue | None:
    """The date a publication line or date string gives, or None when it gives none.

    Handles ISO 8601 (offsets kept in the value), written dates in every regional
    month set, numeric day-first and Hijri dates, bridges (the Gregorian side wins),
    months and bare years; a time after the date refines it to the minute.
    """
    if not text or not text.strip():
        return None
    ctx = make_context(text, None)
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
