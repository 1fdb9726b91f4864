"""Timeline geometry without Qt: viewport maths, tick levels and labels, lane packing."""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Literal

import numpy as np

from timeline.dating.values import gregorian_to_hijri, hijri_to_gregorian
from timeline.model import EPOCH, from_axis, to_axis

MINUTE = 60
HOUR = 3600
DAY = 86400
YEAR = 365.2425 * DAY

# The axis is bounded by what datetime can name: labels need a calendar date.
AXIS_MIN = to_axis(datetime(1, 1, 1))
AXIS_MAX = to_axis(datetime(9999, 12, 31))
MIN_SPAN = 5 * MINUTE
MAX_SPAN = 3000 * YEAR  # from Roman dates in the news (AD 79) to today, fitted whole

_EPOCH_ORDINAL = EPOCH.toordinal()


# -- viewport -----------------------------------------------------------------


@dataclass(frozen=True)
class Viewport:
    """Which stretch of time fills a strip of `width` pixels.

    start is the axis time at the edge where time begins: the left edge when time runs
    left to right, the right edge when `rtl`.  x is measured from the left edge in
    pixels either way.  Every method returns a new, clamped Viewport.
    """

    start: float
    span: float
    width: float
    rtl: bool = False

    @property
    def end(self) -> float:
        return self.start + self.span

    @property
    def seconds_per_px(self) -> float:
        return self.span / self.width

    def x_of(self, t: Any) -> Any:
        """Pixel x of axis time t (a number or a numpy array)."""
        frac = (t - self.start) * (self.width / self.span)
        return self.width - frac if self.rtl else frac

    def t_of(self, x: Any) -> Any:
        """Axis time at pixel x (a number or a numpy array)."""
        frac = (self.width - x) if self.rtl else x
        return self.start + frac * (self.span / self.width)

    def clamped(self) -> Viewport:
        span = min(max(self.span, MIN_SPAN), MAX_SPAN, AXIS_MAX - AXIS_MIN)
        start = min(max(self.start, AXIS_MIN), AXIS_MAX - span)
        width = max(self.width, 1.0)
        return replace(self, start=start, span=span, width=width)

    def zoomed(self, factor: float, about_x: float | None = None) -> Viewport:
        """Zoom in by `factor` (> 1 zooms in) keeping the time under about_x fixed."""
        x = self.width / 2 if about_x is None else about_x
        anchor = self.t_of(x)
        span = min(max(self.span / factor, MIN_SPAN), MAX_SPAN)
        frac = ((self.width - x) if self.rtl else x) / self.width
        return replace(self, start=anchor - frac * span, span=span).clamped()

    def panned(self, dx: float) -> Viewport:
        """Move the content dx pixels to the right (as a drag by dx does)."""
        shift = dx * self.seconds_per_px
        start = self.start + shift if self.rtl else self.start - shift
        return replace(self, start=start).clamped()

    def centered_on(self, t: float) -> Viewport:
        return replace(self, start=t - self.span / 2).clamped()

    def fitted(self, t0: float, t1: float, margin: float = 0.05) -> Viewport:
        """Show [t0, t1] with `margin` of the width free on each side."""
        lo, hi = min(t0, t1), max(t0, t1)
        inner = max(hi - lo, MIN_SPAN * (1 - 2 * margin))
        span = inner / (1 - 2 * margin)
        return replace(self, start=(lo + hi) / 2 - span / 2, span=span).clamped()

    def resized(self, width: float) -> Viewport:
        """A new width at the same scale, keeping the centre time in place."""
        spp = self.seconds_per_px
        centre = self.start + self.span / 2
        span = spp * max(width, 1.0)
        return replace(self, width=max(width, 1.0), start=centre - span / 2, span=span).clamped()

    def with_rtl(self, rtl: bool) -> Viewport:
        return replace(self, rtl=rtl)


# -- calendar labels ----------------------------------------------------------

MonthSet = Literal["levant", "egypt", "gulf", "maghreb"]

MONTHS: dict[str, tuple[str, ...]] = {
    "levant": (
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ),
    "egypt": (
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
    "maghreb": (
        "جانفي",
        "فيفري",
        "مارس",
        "أفريل",
        "ماي",
        "جوان",
        "جويلية",
        "أوت",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
MONTHS["gulf"] = MONTHS["egypt"]

HIJRI_MONTHS: dict[str, tuple[str, ...]] = {
    "ar": (
        "محرم",
        "صفر",
        "ربيع الأول",
        "ربيع الآخر",
        "جمادى الأولى",
        "جمادى الآخرة",
        "رجب",
        "شعبان",
        "رمضان",
        "شوال",
        "ذو القعدة",
        "ذو الحجة",
    ),
    "en": (
        "Muharram",
        "Safar",
        "Rabi' al-Awwal",
        "Rabi' al-Thani",
        "Jumada al-Ula",
        "Jumada al-Akhirah",
        "Rajab",
        "Sha'ban",
        "Ramadan",
        "Shawwal",
        "Dhu al-Qa'dah",
        "Dhu al-Hijjah",
    ),
}

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass(frozen=True)
class LabelStyle:
    """How dates are written on the axis: language, month names, digits, Hijri line."""

    language: Literal["ar", "en"] = "ar"
    months: MonthSet = "levant"
    digits: Literal["western", "arabic"] = "western"
    hijri: bool = False

    def month(self, month: int) -> str:
        names = MONTHS["en"] if self.language == "en" else MONTHS[self.months]
        return names[month - 1]

    def num(self, text: str | int) -> str:
        text = str(text)
        return text.translate(_ARABIC_INDIC) if self.digits == "arabic" else text

    def hijri_month(self, month: int) -> str:
        return HIJRI_MONTHS["en" if self.language == "en" else "ar"][month - 1]

    @property
    def hijri_suffix(self) -> str:
        return "AH" if self.language == "en" else "هـ"


def _clock(moment: datetime, style: LabelStyle) -> str:
    return style.num(f"{moment.hour:02d}:{moment.minute:02d}")


def _day_month_year(moment: datetime, style: LabelStyle) -> str:
    return f"{style.num(moment.day)} {style.month(moment.month)} {style.num(moment.year)}"


# -- Hijri dates ----------------------------------------------------------------
#
# Umm al-Qura (hijridate) covers 1343-1500 AH (1924-2077).  Outside it the arithmetic
# (tabular, civil epoch) Islamic calendar stands in, marked as approximate: it can be a
# day or two off the sighted or computed months.

_HIJRI_EPOCH_ORDINAL = date(622, 7, 19).toordinal()  # 1 Muharram 1 AH (16 July 622 Julian)


@dataclass(frozen=True)
class HijriDate:
    """A Hijri date; approximate when it comes from the arithmetic calendar."""

    year: int
    month: int
    day: int
    approximate: bool = False


def _tabular_ordinal(year: int, month: int, day: int) -> int:
    return (
        day
        + (59 * (month - 1) + 1) // 2  # ceil(29.5 * (month - 1))
        + (year - 1) * 354
        + (3 + 11 * year) // 30
        + _HIJRI_EPOCH_ORDINAL
        - 1
    )


def tabular_hijri(day: date) -> HijriDate | None:
    """The arithmetic Islamic calendar's date of a Gregorian day (None before 1 AH)."""
    ordinal = day.toordinal()
    if ordinal < _HIJRI_EPOCH_ORDINAL:
        return None
    year = (30 * (ordinal - _HIJRI_EPOCH_ORDINAL) + 10646) // 10631
    month = 1
    while month < 12 and _tabular_ordinal(year, month + 1, 1) <= ordinal:
        month += 1
    return HijriDate(year, month, ordinal - _tabular_ordinal(year, month, 1) + 1, True)


def hijri_of(day: date) -> HijriDate | None:
    """The Hijri date of a day: Umm al-Qura where it has one, else the arithmetic one."""
    h = gregorian_to_hijri(day)
    if h is not None:
        return HijriDate(*h)
    return tabular_hijri(day)


def hijri_month_start(year: int, month: int) -> tuple[date, bool] | None:
    """The Gregorian day of 1 <month> <year> AH and whether it is approximate."""
    if year < 1:
        return None
    exact = hijri_to_gregorian(year, month, 1)
    if exact is not None:
        return exact, False
    ordinal = _tabular_ordinal(year, month, 1)
    if ordinal > date.max.toordinal():
        return None
    return date.fromordinal(ordinal), True


@dataclass(frozen=True)
class HijriSpan:
    """A Hijri day, month or year as axis seconds [start, end); approximate when a
    bound comes from the arithmetic calendar."""

    start: int
    end: int
    approximate: bool


def hijri_span(year: int, month: int | None = None, day: int | None = None) -> HijriSpan | None:
    """The span of a Hijri year, month or day in the calendar the axis labels use
    (hijri_month_start: Umm al-Qura, else the arithmetic one), or None when it names no
    day (a 30th of a 29-day month) or lies outside the calendar (before 1 AH, after
    9999 CE)."""
    if month is not None and not 1 <= month <= 12:
        return None
    if month is None:
        first, following = hijri_month_start(year, 1), hijri_month_start(year + 1, 1)
    else:
        following_month = (year + (month == 12), month % 12 + 1)
        first, following = hijri_month_start(year, month), hijri_month_start(*following_month)
    if first is None or following is None:
        return None
    (start, inexact), (end, end_inexact) = first, following
    if day is not None:
        if not 1 <= day <= (end - start).days:
            return None
        start = date.fromordinal(start.toordinal() + day - 1)
        end = date.fromordinal(start.toordinal() + 1)
    midnight = datetime.min.time()
    return HijriSpan(
        to_axis(datetime.combine(start, midnight)),
        to_axis(datetime.combine(end, midnight)),
        inexact or end_inexact,
    )


# The era a typed Hijri date ends with, folded (strip_marks): هـ, ه, هجري(ة), للهجرة.
_HIJRI_ERA = r"(?:ه|هجري|هجريه|للهجره)\.?"
# What a typed date may hold at most (a field's text is the user's, pasted maybe).
_TYPED_CHARS = 100


@lru_cache(maxsize=1)
def _typed_hijri() -> re.Pattern[str]:
    from timeline.dating.lexicon import HIJRI_MONTHS

    months = "|".join(re.escape(m) for m in sorted(HIJRI_MONTHS, key=len, reverse=True))
    return re.compile(
        rf"\s*(?:(?:(?P<day>\d{{1,2}})\s*)?(?P<month>{months})\s*)?"
        rf"(?P<year>\d{{1,4}})\s*{_HIJRI_ERA}\s*"
    )


def read_typed_hijri(text: str) -> HijriSpan | None:
    """A Hijri date typed with its era: "10 رمضان 8 هـ", "محرم 1 هـ", "1200 هـ", "10
    Ramadan 8 AH", in any digits; a day needs its month.  Any year the axis's Hijri
    calendar has (hijri_span), where reading article text bounds years to 1000-2200 and
    hijridate's table to 1343-1500 AH: Go to date did not read "10 رمضان 8 هـ"."""
    from timeline.dating.english import as_arabic_months
    from timeline.dating.lexicon import HIJRI_MONTHS
    from timeline.dating.normalize import strip_marks

    if len(text) > _TYPED_CHARS:
        return None
    found = _typed_hijri().fullmatch(strip_marks(as_arabic_months(text)))
    if found is None:
        return None
    month = HIJRI_MONTHS[found["month"]] if found["month"] else None
    day = int(found["day"]) if found["day"] else None
    return hijri_span(int(found["year"]), month, day)


def _approx(text: str, approximate: bool) -> str:
    return f"≈ {text}" if approximate and text else text


def format_hijri(t: int, precision: str, style: LabelStyle) -> str:
    """The Hijri date of axis time t to `precision` ('day', 'month' or 'year').

    Before 1924 (and after 2077) it comes from the arithmetic calendar and is marked
    '≈'; '' before 1 AH.
    """
    h = hijri_of(from_axis(int(t)).date())
    if h is None:
        return ""
    suffix = style.hijri_suffix
    if precision == "day":
        text = f"{style.num(h.day)} {style.hijri_month(h.month)} {style.num(h.year)} {suffix}"
    elif precision == "month":
        text = f"{style.hijri_month(h.month)} {style.num(h.year)} {suffix}"
    else:
        text = f"{style.num(h.year)} {suffix}"
    return _approx(text, h.approximate)


def format_instant(t: int, precision: str, style: LabelStyle) -> str:
    """Axis time t written to `precision`: 'minute', 'day', 'month' or 'year'."""
    moment = from_axis(int(t))
    if precision == "minute":
        return f"{_day_month_year(moment, style)} {_clock(moment, style)}"
    if precision == "day":
        return _day_month_year(moment, style)
    if precision == "month":
        return f"{style.month(moment.month)} {style.num(moment.year)}"
    return style.num(moment.year)


def _precision_of(t: int) -> str:
    if t > AXIS_MAX:
        # Past the axis's last day only the end of a range ending with 9999 (10000-01-01,
        # which has no datetime): a year's start.
        return "year"
    moment = from_axis(int(t))
    if moment.hour or moment.minute or moment.second:
        return "minute"
    if moment.day != 1:
        return "day"
    return "year" if moment.month == 1 else "month"


def format_span(start: int, end: int, style: LabelStyle) -> str:
    """A point or a [start, end) range, each end written as precisely as it is aligned."""
    if end <= start:
        return format_instant(start, _precision_of(start), style)
    last = end - 1  # end is exclusive: [1950, 1954) is written 1950 – 1953
    order = ("minute", "day", "month", "year")
    precision = min(_precision_of(start), _precision_of(end), key=order.index)
    first_text = format_instant(start, precision, style)
    last_text = format_instant(last, precision, style)
    return first_text if first_text == last_text else f"{first_text} – {last_text}"


_PRECISION_OF_GRANULARITY = {
    "second": "minute",
    "minute": "minute",
    "hour": "minute",
    "day": "day",
    "month": "month",
    "year": "year",
}


def format_date(start: int, end: int | None, granularity: str, style: LabelStyle) -> str:
    """A stored date as a reader wants it: to its own granularity, in the style's words.

    A day-granular 1 January stays a day (alignment alone would call it a year); weeks,
    decades and intervals are written as their first and last day, month or year.
    """
    precision = _PRECISION_OF_GRANULARITY.get(granularity)
    if precision is not None:
        return format_instant(start, precision, style)
    return format_span(start, end if end is not None else start, style)


# -- tick levels --------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """One rung of the tick ladder: its name, nominal length and label room."""

    name: str
    seconds: float
    min_label_px: float


LEVELS: tuple[Level, ...] = (
    Level("minute", MINUTE, 44),
    Level("minute10", 10 * MINUTE, 44),
    Level("hour", HOUR, 44),
    Level("day", DAY, 26),
    Level("month", YEAR / 12, 84),
    Level("year", YEAR, 44),
    Level("decade", 10 * YEAR, 44),
    Level("century", 100 * YEAR, 44),
)
_LEVEL_INDEX = {level.name: i for i, level in enumerate(LEVELS)}

MIN_TICK_PX = 7.0


def choose_levels(seconds_per_px: float) -> tuple[Level, Level]:
    """(minor, major): minor is the finest level whose ticks are MIN_TICK_PX apart or more."""
    for i, level in enumerate(LEVELS):
        if level.seconds / seconds_per_px >= MIN_TICK_PX:
            return level, LEVELS[min(i + 1, len(LEVELS) - 1)]
    return LEVELS[-1], LEVELS[-1]


def _year_start(year: int) -> int:
    return (date(year, 1, 1).toordinal() - _EPOCH_ORDINAL) * DAY


def floor_to(level: str, t: float) -> int:
    """The start of the `level` unit that contains axis time t."""
    ti = int(np.floor(t))
    if level in ("minute", "minute10", "hour", "day"):
        step = {"minute": MINUTE, "minute10": 10 * MINUTE, "hour": HOUR, "day": DAY}[level]
        return ti // step * step
    moment = from_axis(ti)
    if level == "month":
        return to_axis(datetime(moment.year, moment.month, 1))
    size = {"year": 1, "decade": 10, "century": 100}[level]
    return _year_start(max(1, moment.year // size * size))


# Panning and zooming ask for the same calendar steps and labels frame after frame;
# these are pure, so they are remembered (a few thousand strings at most).
@lru_cache(maxsize=16384)
def step_from(level: str, t: int) -> int:
    """The start of the `level` unit after the one starting at t (clamped to the axis)."""
    if level in ("minute", "minute10", "hour", "day"):
        step = {"minute": MINUTE, "minute10": 10 * MINUTE, "hour": HOUR, "day": DAY}[level]
        return t + step
    moment = from_axis(t)
    if level == "month":
        year, month = (
            (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
        )
        return to_axis(datetime(year, month, 1)) if year <= 9999 else AXIS_MAX
    size = {"year": 1, "decade": 10, "century": 100}[level]
    year = (moment.year // size + 1) * size
    return _year_start(year) if year <= 9999 else AXIS_MAX


def unit_starts(level: str, t0: float, t1: float, limit: int = 2000) -> list[int]:
    """Starts of the `level` units from the one containing t0 to the first at or after t1."""
    out = [floor_to(level, max(t0, AXIS_MIN))]
    while out[-1] < t1 and out[-1] < AXIS_MAX and len(out) < limit:
        out.append(step_from(level, out[-1]))
    return out


@lru_cache(maxsize=16384)
def minor_label(level: str, t: int, style: LabelStyle) -> str:
    moment = from_axis(t)
    if level in ("minute", "minute10", "hour"):
        return _clock(moment, style)
    if level == "day":
        return style.num(moment.day)
    if level == "month":
        return style.month(moment.month)
    if level == "decade" and style.language == "en":
        return f"{moment.year}s" if style.digits == "western" else style.num(moment.year)
    return style.num(moment.year)


@lru_cache(maxsize=16384)
def major_label(level: str, t: int, style: LabelStyle) -> str:
    """A label that says where on the calendar a major tick is, on its own."""
    moment = from_axis(t)
    if level in ("minute", "minute10", "hour"):
        return f"{_day_month_year(moment, style)} {_clock(moment, style)}"
    if level == "day":
        return _day_month_year(moment, style)
    if level == "month":
        return f"{style.month(moment.month)} {style.num(moment.year)}"
    return minor_label(level, t, style)


# When one unit is too narrow for its label, every k-th unit is labelled instead, the
# first k that gives the label its room (years at 20 px: every fifth year).
_LABEL_STEPS: dict[str, tuple[int, ...]] = {
    "minute": (1, 5, 15, 30),
    "minute10": (1, 3),
    "hour": (1, 3, 6, 12),
    "day": (1, 2, 5),
    "month": (1, 3, 6),
    "year": (1, 2, 5),
    "decade": (1, 2, 5),
    "century": (1, 2, 5, 10),
}


def label_step(level: Level, px_per_unit: float) -> int | None:
    """Label every how many units (None: units too narrow to label at all)."""
    for k in _LABEL_STEPS[level.name]:
        if px_per_unit * k >= level.min_label_px:
            return k
    return None


@lru_cache(maxsize=16384)
def _unit_index(level: str, t: int) -> int:
    """The unit's number within its calendar, for picking every k-th one."""
    m = from_axis(t)
    return {
        "minute": m.minute,
        "minute10": m.minute // 10,
        "hour": m.hour,
        "day": m.day - 1,
        "month": m.month - 1,
        "year": m.year,
        "decade": m.year // 10,
        "century": m.year // 100,
    }[level]


@dataclass(frozen=True)
class Tick:
    """A tick at axis time t; label is '' where nothing is written."""

    t: int
    label: str = ""


@dataclass(frozen=True)
class TickSet:
    """The ticks of one viewport: minor ticks one unit past each edge, major ticks likewise.

    The Hijri rows (when the style asks for them) have ticks of their own, at the starts
    of Hijri units: Hijri months do not begin on Gregorian month starts.  hijri_minor is
    drawn centred in its units like the minor row, hijri_major from its ticks.
    """

    minor_level: Level
    major_level: Level
    minor: tuple[Tick, ...]
    major: tuple[Tick, ...]
    minor_labelled: bool
    hijri_minor: tuple[Tick, ...] = ()
    hijri_major: tuple[Tick, ...] = ()


# Hijri units as long as the Gregorian ones; finer than a day both calendars agree.
_HIJRI_SIZE = {"month": 1, "year": 12, "decade": 120, "century": 1200}


def hijri_unit_starts(
    level: str, t0: float, t1: float, limit: int = 2000
) -> list[tuple[int, HijriDate]]:
    """(axis time, first day) of the Hijri `level` units ('month', 'year', 'decade' or
    'century') from the one holding t0 to the first at or after t1."""
    h = hijri_of(axis_date(max(t0, AXIS_MIN)))
    first = h if h is not None else HijriDate(1, 1, 1)  # before 1 AH: from 1 AH on
    years = {"decade": 10, "century": 100}.get(level, 1)
    year, month = (first.year, first.month) if level == "month" else (first.year, 1)
    year = max(year // years * years, 1)
    out: list[tuple[int, HijriDate]] = []
    while len(out) < limit:
        start = hijri_month_start(year, month)
        if start is None or axis_of_date(start[0]) > AXIS_MAX:
            break
        t = axis_of_date(start[0])
        out.append((t, HijriDate(year, month, 1, start[1])))
        if t >= t1:
            break
        if level == "month":
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        else:
            year = (year // years + 1) * years
    return out


def _hijri_unit_label(level: str, h: HijriDate, style: LabelStyle, *, major: bool) -> str:
    suffix = style.hijri_suffix
    if level == "month":
        name = style.hijri_month(h.month)
        return f"{name} {style.num(h.year)} {suffix}" if major else name
    if level == "year":
        return f"{style.num(h.year)} {suffix}" if major else style.num(h.year)
    years = 10 if level == "decade" else 100
    first = max(h.year // years * years, 1)
    text = f"{style.num(first)}–{style.num(h.year // years * years + years - 1)}"
    return f"{text} {suffix}" if major else text


def _hijri_row(
    level: str,
    ticks: tuple[Tick, ...],
    t0: float,
    t1: float,
    style: LabelStyle,
    major: bool,
    step: int,
    limit: int,
) -> tuple[Tick, ...]:
    """Hijri ticks for a row whose Gregorian counterpart is at `level`."""
    if level in _HIJRI_SIZE:
        units = hijri_unit_starts(level, t0, t1, limit)
        out = []
        for t, h in units:
            number = (
                (h.year * 12 + h.month - 1)
                if level == "month"
                else h.year // (_HIJRI_SIZE[level] // 12)
            )
            text = _hijri_unit_label(level, h, style, major=major) if number % step == 0 else ""
            out.append(Tick(t, _approx(text, h.approximate and major)))
        return tuple(out)
    if major:  # a day or finer: the whole Hijri day at each major tick
        return tuple(Tick(t.t, format_hijri(t.t, "day", style)) for t in ticks)
    if level != "day":
        return ()
    out = []
    for tick in ticks:
        day = hijri_of(axis_date(tick.t))
        out.append(Tick(tick.t, style.num(day.day) if day and tick.label else ""))
    return tuple(out)


def ticks_for(viewport: Viewport, style: LabelStyle) -> TickSet:
    minor_level, major_level = choose_levels(viewport.seconds_per_px)
    px_per_minor = minor_level.seconds / viewport.seconds_per_px
    step = label_step(minor_level, px_per_minor)
    labelled = step is not None
    t0, t1 = viewport.start, viewport.end
    minor = tuple(
        Tick(
            t,
            minor_label(minor_level.name, t, style)
            if step is not None and _unit_index(minor_level.name, t) % step == 0
            else "",
        )
        for t in unit_starts(minor_level.name, t0, t1, limit=int(viewport.width // MIN_TICK_PX) + 4)
    )
    if major_level is minor_level:
        # One row of labels, every step-th unit's, so that they stand evenly apart.
        # (Labelling every unit left the painter to drop whichever overlapped: every
        # other four-digit year but each three-digit one, an axis that looked uneven.)
        major = tuple(
            Tick(t.t, t.label if labelled else minor_label(minor_level.name, t.t, style))
            for t in minor
        )
    else:
        major = tuple(
            Tick(t, major_label(major_level.name, t, style))
            for t in unit_starts(major_level.name, t0, t1, limit=int(viewport.width // 4) + 4)
        )
    hijri_minor: tuple[Tick, ...] = ()
    hijri_major: tuple[Tick, ...] = ()
    if style.hijri:
        limit = int(viewport.width // MIN_TICK_PX) + 4
        if step is not None:
            hijri_minor = _hijri_row(minor_level.name, minor, t0, t1, style, False, step, limit)
        hijri_major = _hijri_row(major_level.name, major, t0, t1, style, True, 1, limit)
    # At the coarsest level the major ticks are the minor ones: one row of labels, not
    # the same labels twice.
    labelled = labelled and major_level is not minor_level
    return TickSet(minor_level, major_level, minor, major, labelled, hijri_minor, hijri_major)


# -- lanes --------------------------------------------------------------------


def pack_lanes(
    x0: Sequence[float] | np.ndarray,
    x1: Sequence[float] | np.ndarray,
    max_lanes: int | None = None,
    gap: float = 0.0,
) -> np.ndarray:
    """Greedy first-fit lanes for boxes [x0, x1]: the lowest lane free at the box's x0.

    Boxes sharing a lane are more than `gap` apart.  A box that finds no free lane
    among `max_lanes` gets -1.  O(n log n): one sort and two heaps (lanes busy by
    their right edge, free lanes by index).  While every lane is taken, the boxes that
    start before the first lane comes free are passed over in one search (in a crowded
    view most boxes go without a lane).
    """
    lo = np.asarray(x0, dtype=np.float64)
    hi = np.maximum(np.asarray(x1, dtype=np.float64), lo)
    n = len(lo)
    lanes = np.full(n, -1, dtype=np.int32)
    cap = n if max_lanes is None else max_lanes
    busy: list[tuple[float, int]] = []
    free: list[int] = []
    opened = 0
    order = np.argsort(lo, kind="stable")
    lo_list = lo[order].tolist()
    hi_list = hi[order].tolist()
    out = [-1] * n
    k = 0
    while k < n:
        start = lo_list[k]
        while busy and busy[0][0] + gap < start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        elif opened < cap:
            lane = opened
            opened += 1
        elif busy:
            # The next box placed is the first to start past the earliest lane end.
            k = bisect.bisect_right(lo_list, busy[0][0] + gap, k + 1)
            continue
        else:
            break  # no lanes at all
        out[k] = lane
        heapq.heappush(busy, (hi_list[k], lane))
        k += 1
    lanes[order] = out
    return lanes


def axis_date(t: float) -> date:
    """The calendar day of axis time t."""
    return date.fromordinal(_EPOCH_ORDINAL + int(t // DAY))


def axis_of_date(day: date) -> int:
    return (day.toordinal() - _EPOCH_ORDINAL) * DAY


__all__ = [
    "AXIS_MAX",
    "AXIS_MIN",
    "LEVELS",
    "MAX_SPAN",
    "MIN_SPAN",
    "HijriDate",
    "HijriSpan",
    "LabelStyle",
    "Level",
    "Tick",
    "TickSet",
    "Viewport",
    "axis_date",
    "axis_of_date",
    "choose_levels",
    "format_hijri",
    "format_instant",
    "format_span",
    "hijri_month_start",
    "hijri_of",
    "hijri_span",
    "hijri_unit_starts",
    "pack_lanes",
    "read_typed_hijri",
    "tabular_hijri",
    "ticks_for",
]
