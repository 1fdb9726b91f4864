"""Find every dated mention in an article body: rules, overlap resolution, merging."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta
from functools import lru_cache
from operator import itemgetter

from timeline.dating import absolute, clock, lengths, relative
from timeline.dating import values as v
from timeline.dating.context import MODIFIER, Before, Candidate, Context, make_context, rx
from timeline.model import Mention

Rule = Callable[[Context], Iterable[Candidate]]

# Rules that need no publication date: what parse_date_line may use.
ABSOLUTE_RULES: tuple[Rule, ...] = (
    absolute.iso_dates,
    absolute.gregorian_month_dates,
    absolute.hijri_month_dates,
    absolute.numeric_dates,
    absolute.numeric_months,
    absolute.years,
    absolute.year_ranges,
    absolute.decades,
    absolute.ranked_decades,
    absolute.seasons,
    absolute.centuries,
)
RELATIVE_RULES: tuple[Rule, ...] = (
    relative.today,
    relative.yesterday,
    relative.tomorrow,
    relative.weekdays,
    relative.periods,
    relative.ago,
    relative.gone_by,
    relative.vague,
    relative.present_and_recent,
    relative.feasts,
    absolute.holy_month,
    absolute.parts_of_year,
    absolute.months_of_year,
    absolute.parts_of_hijri_year,
    absolute.weekday_short_dates,
    absolute.weekday_month_days,
    lengths.durations,
    lengths.ages,
    lengths.recurring,
)
ALL_RULES: tuple[Rule, ...] = (
    *ABSOLUTE_RULES,
    *RELATIVE_RULES,
    clock.clock_times,
    clock.bare_parts_of_day,
)

# Which kind wins when two candidates cover exactly the same stretch.
PRIORITY = {
    "hijri": 9, "explicit": 9, "numeric": 8, "range": 7, "month_year": 6, "year": 5,
    "decade": 5, "season": 5, "duration": 4, "set": 4, "relative": 3, "time": 2, "part": 2,
    "vague": 1,
}  # fmt: skip

# Dates written out in full; only these pair up across الموافق (a weekday resolved
# from the publication date must never stand in for a written date).
WRITTEN_DATES = frozenset({"explicit", "numeric", "hijri"})
BRIDGE_GAP = rx(r"[\s،,\-(]*(?:[وف]?(?:ال)?موافق|ويوافق|يوافق)(?:\s+ل)?[\s:،,]*$")
RANGE_GAP = rx(r"\s*(?:-|الى|حتى|لغايه|و)\s*$")
RANGE_CUE_BEFORE = rx(r"(?:من|بين|الفتره\s+من)\s*$")
# (أمس before a weekday joined to its written date, الجمعة الموافق 15/10/1436هـ, is left
# outside that date: الساعة العاشرة من صباح أمس الجمعة الموافق ... is still that day's.)
# The same time in another zone may stand in brackets between them: الساعة 11.59 (2059
# بتوقيت جرينتش) مساء أمس الأحد.  الساعة 2:47 من بعد ظهر أمس: بعد before the day's
# ظهر, the afternoon (the day's mention begins at ظهر).
DAY_AFTER_TIME_GAP = rx(
    r"[\s,،]*(?:\(\s*\d{1,2}[:.]?\d{2}[^()\n]{0,30}\)[\s,،]*)?"
    r"(?:من\s+)?(?:(?:صباح|مساء|فجر|ظهر|عصر|بعد)\s+)?(?:يوم\s+)?(?:امس\s+)?"
)
TIME_GAP = rx(r"[\s,،T\-]*(?:في\s+)?(?:تمام\s+)?(?:عند\s+)?$")
# يوم الأحد القادم 27 / 8 / 1436هـ: a weekday and, right after it, a date of that weekday.
# (تاريخ or بتاريخ may stand between them: صباح يوم الأحد تاريخ 17/10/1436ه.)
WEEKDAY_DATE_GAP = rx(r"[\s،,()\-]*(?:ال)?(?:موافق|ب?تاريخ)?[\s،,()\-]*")
# A part of the day before a day (مساء أمس, صباح اليوم الجمعة, ظهر الخميس الماضي): a
# TIMEX3 TIME valued as the day with TMO, TMI, TAF, TEV or TNI after it.
PARTS_OF_DAY = {
    "صباح": "MO", "فجر": "MO", "ضحي": "MO", "ظهر": "MI", "عصر": "AF", "مساء": "EV",
    "ليله": "NI",
}  # fmt: skip
_PART_WORDS = "|".join(PARTS_OF_DAY)
PART_OF_DAY_BEFORE = Before(
    rf"(?<!\w)[وف]?[بل]?(?P<w>{_PART_WORDS})\s+(?:(?:من\s+)?يوم\s+)?$", PARTS_OF_DAY
)
PART_OF_DAY_AT = rx(rf"[وف]?[بل]?(?P<w>{_PART_WORDS})\s")
# Head nouns before a written date are inside its TIMEX3 (شهر مايو الماضي, يوم 14 يوليو,
# أواخر مارس, نهاية شهر شوال الجاري); the value stays the month's or the day's.
_HEAD_NOUNS = "مطلع|مستهل|اوائل|اواخر|منتصف|نهايه|ختام|بدايه|اواسط"
HEAD_NOUN_BEFORE = Before(
    rf"(?<!\w)[وف]?[بل]?(?:(?:{_HEAD_NOUNS})(?:\s+شهر)?|شهر|يوم)\s+$",
    [*_HEAD_NOUNS.split("|"), "شهر", "يوم"],
)
# ظهر اليوم مقطع فيديو: ظهر opening a clause, with a bare noun after the day, is the verb
# "appeared" and that noun its subject (at noon, the clause goes on with ال, a
# preposition, a pause or the verb: ظهر اليوم، وصل; تلقت ظهر اليوم بلاغا follows a verb).
CLAUSE_OPENING = rx(r"(?:^|[.!?؟\n،,:;])\s*$")
SUBJECT_AFTER = rx(r"\s+(?!(?:ال|في|علي|على|من|عند|مع|بعد|قبل|حتي|منذ|نحو)(?:\w|$))\w")
HEAD_NOUN_KINDS = frozenset({"explicit", "numeric", "hijri", "month_year"})
# The small hours: a clock time before five with صباحاً / فجراً / ليلاً in its span
# (تغادر البعثة مساء اليوم ... عند الواحدة ليلاً: 01:00 of the night after that evening).
SMALL_HOURS_END = 5
SMALL_HOURS_WORD = rx(r"(?:صباح|فجر|ليل)")
# Which hours a part of the day moves past noon: الساعة 5:45 من مساء اليوم is 17:45.
AFTERNOON_HOURS = {"AF": range(1, 12), "EV": range(1, 12), "NI": range(6, 12), "MI": range(1, 4)}
# A part of the day in a clock time's own span (الساعة العاشرة صباحا, 8 مساء).
OWN_PART = rx(r"صباح|فجر|ضحي|ظهر|عصر|مساء|ليل|نهار")
# بعد ظهر أمس, بعد ظهر اليوم الاثنين: "X afternoon", بعد in the span and TAF (TimeML's
# afternoon), not ظهر X at midday with بعد left out: all 132 of the corpus were so (a
# cabinet's session, a king's departure, a fire reported), none the noon itself.
AFTERNOON_BEFORE = rx(r"(?<!\w)[وف]?بعد\s+$")


# A candidate's start and end by position (a C call, not a lambda, per candidate).
_START = itemgetter(0)


def _rank(c: Candidate) -> tuple[int, int, float, int]:
    """Which of two overlapping candidates _select takes first: longer, then by kind's
    priority, confidence and start."""
    return (-(c.end - c.start), -PRIORITY.get(c.kind, 0), -c.confidence, c.start)


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first (a bridge beats its halves), in order.

    What taking them greedily in _rank's order gives, settled a cluster at a time: in
    start order, a candidate beginning at or after the end of every one before it
    begins a cluster, and no candidate overlaps one of another cluster.  So whether
    one is taken depends on its cluster alone, and a candidate alone in its cluster
    (nearly all of them: a text dense with dates has few overlaps) is taken without
    being ranked.  Empty candidates are never taken.  The sort by start is stable, so
    candidates of one span keep the rules' order, which breaks _rank's ties.
    """
    taken: list[Candidate] = []
    cluster: list[Candidate] = []
    reach = -1  # the end of the cluster being gathered (-1: none yet)
    for cand in sorted(candidates, key=_START):
        start, end = cand[0], cand[1]  # by index: an attribute's look-up costs more
        if end <= start:
            continue
        if start >= reach:
            if len(cluster) == 1:
                taken.append(cluster[0])
            elif cluster:
                taken.extend(_settle(cluster))
            cluster = [cand]
            reach = end
        else:
            cluster.append(cand)
            if end > reach:
                reach = end
    if len(cluster) == 1:
        taken.append(cluster[0])
    elif cluster:
        taken.extend(_settle(cluster))
    return taken


# A cluster of up to this many candidates is settled by checking each against those
# taken; a larger one (a chain: مايو مايو مايو..., each name paired with the next) by
# marking the characters taken, which costs the candidates' lengths, not their square.
_SMALL_CLUSTER = 16


def _settle(cluster: list[Candidate]) -> list[Candidate]:
    """A cluster's candidates taken in _rank's order where none taken overlaps them, in
    start order (a cluster holds a few: each is checked against those taken)."""
    if len(cluster) > _SMALL_CLUSTER:
        return _settle_by_marks(cluster)
    kept: list[Candidate] = []
    for cand in sorted(cluster, key=_rank):
        start, end = cand[0], cand[1]
        for other in kept:
            if start < other[1] and other[0] < end:
                break
        else:
            kept.append(cand)
    kept.sort(key=_START)
    return kept


def _settle_by_marks(cluster: list[Candidate]) -> list[Candidate]:
    """_settle's choice, each candidate checked against a mark per character taken: two
    spans overlap when they share a character (every candidate here is non-empty)."""
    base = min(cand[0] for cand in cluster)
    taken = bytearray(max(cand[1] for cand in cluster) - base)
    kept: list[Candidate] = []
    for cand in sorted(cluster, key=_rank):
        start, end = cand[0] - base, cand[1] - base
        if taken.find(1, start, end) < 0:
            taken[start:end] = b"\x01" * (end - start)
            kept.append(cand)
    kept.sort(key=_START)
    return kept


def _parts_of_day(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """مساء أمس, صباح اليوم: the day's candidate takes the part of the day before it.

    Only days named relative to the article (اليوم, أمس, a weekday): a written date
    (فجر يوم الأربعاء 28 رمضان 1436) keeps its day's value, as dev.tsv has it.
    """
    out: list[Candidate] = []
    for cand in found:
        if cand.day is None or cand.date.granularity != "day" or cand.kind != "relative":
            out.append(cand)
            continue
        start = cand.start
        at = PART_OF_DAY_AT.match(ctx.text, start)
        if at is None:
            lo = max(out[-1].end if out else 0, start - 24)
            before = PART_OF_DAY_BEFORE.search(ctx.text, lo, start)
            if before is not None:
                start = before.start()
                at = PART_OF_DAY_AT.match(ctx.text, start)
        if at is None:
            out.append(cand)
            continue
        if (
            at.group("w") == "ظهر"
            and ctx.text[start : at.start("w")] in ("", "و", "ف")
            and ctx.text[cand.start : cand.end] in ("اليوم", "امس")  # no weekday named
            and CLAUSE_OPENING.search(ctx.text, max(0, start - 3), start)
            and SUBJECT_AFTER.match(ctx.text, cand.end)
        ):
            out.append(cand)  # ظهر اليوم مقطع: the verb "appeared", the day alone
            continue
        code = PARTS_OF_DAY[at.group("w")]
        if code == "MI" and (
            after := AFTERNOON_BEFORE.search(
                ctx.text, max(out[-1].end if out else 0, start - 8), start
            )
        ):
            code, start = "AF", after.start()
        d = cand.date
        value = v.DateValue(f"{d.value}T{code}", d.granularity, d.start, d.end, d.calendar)
        out.append(cand.moved(start, cand.end, date=value))
    return out


def _head_nouns(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """شهر مايو الماضي, يوم أمس: a written date or أمس takes the noun just before it."""
    out: list[Candidate] = []
    for cand in found:
        if cand.kind in HEAD_NOUN_KINDS or (cand.kind == "relative" and cand.day is not None):
            lo = max(out[-1].end if out else 0, cand.start - 24)
            before = HEAD_NOUN_BEFORE.search(ctx.text, lo, cand.start)
            if before is not None and (
                cand.kind != "relative" or before.group().strip().endswith("يوم")
            ):
                cand = cand.moved(before.start(), cand.end)
        out.append(cand)
    return out


def _part_of_day(value: str) -> str:
    return value[-2:] if len(value) > 3 and value[-3] == "T" and value[-2:].isalpha() else ""


def _with_clock(date_cand: Candidate, time_cand: Candidate, end: int) -> Candidate | None:
    """A date followed by its time: one mention at minute (or hour, second) granularity."""
    if date_cand.day is None or time_cand.clock is None:
        return None
    value = _clock_value(
        date_cand.day, date_cand.date.value, date_cand.date.calendar, time_cand.clock
    )
    return date_cand.moved(date_cand.start, end, date=value)


@lru_cache(maxsize=4096)
def _clock_value(
    day: date, day_value: str, calendar: str, clock: tuple[int, int | None, int | None, str]
) -> v.DateValue:
    """The value of a day (day_value: its value, for a part of the day) at a clock time.

    Remembered by its arguments: a text names the same day and time again and again,
    and a moment's value is a datetime, a strftime and two frozen dataclasses."""
    hour, minute, second, offset = clock
    if hour in AFTERNOON_HOURS.get(_part_of_day(day_value), ()):
        hour += 12  # الساعة 5:45 من مساء اليوم
    if hour >= 24:
        day, hour = day + timedelta(days=1), hour - 24  # 12 ليلا: the midnight ending the day
    moment = datetime(day.year, day.month, day.day, hour)
    moment = moment.replace(minute=minute or 0, second=second or 0)
    granularity = "second" if second is not None else ("minute" if minute is not None else "hour")
    value = v.moment_value(moment, granularity, offset)
    return v.DateValue(value.value, value.granularity, value.start, None, calendar)


def _merge_bridges(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """25 شوال 1436 هـ الموافق 10 أغسطس 2015 م: one mention, the Gregorian side's day."""
    out: list[Candidate] = []
    for cand in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in WRITTEN_DATES
            and cand.kind in WRITTEN_DATES
            and prev.day is not None
            and cand.day is not None
            and prev.date.calendar != cand.date.calendar
            and BRIDGE_GAP.match(ctx.text[prev.end : cand.start])
        ):
            gregorian = cand if cand.date.calendar == v.GREGORIAN else prev
            hijri = prev if gregorian is cand else cand
            # Trust the written Gregorian date over a conversion, unless its year was
            # only inferred (الموافق 15 يوليو).
            chosen = gregorian if gregorian.has_year else hijri
            # Read the day off prev/cand themselves: their days were checked above.
            chosen_day = cand.day if chosen is cand else prev.day
            value = v.day_value(chosen_day, prev.date.calendar)
            out[-1] = prev.moved(
                prev.start, cand.end, date=value, kind="hijri" if hijri is prev else "explicit",
                day=chosen_day, confidence=max(prev.confidence, cand.confidence),
            )  # fmt: skip
            continue
        out.append(cand)
    return out


def _merge_day_ranges(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """من 15 حزيران حتى 15 أيلول 2015: one interval; the first day borrows the year."""
    out: list[Candidate] = []
    for cand in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.day is not None
            and cand.day is not None
            and prev.date.granularity == "day"
            and cand.date.granularity == "day"
            # The gap cut only between two days (every candidate's before).
            and RANGE_GAP.match(gap := ctx.text[prev.end : cand.start])
            # حتى / إلى make a range by themselves; a dash or و only after من / بين.
            and (
                gap.strip() not in ("-", "و")
                or RANGE_CUE_BEFORE.search(ctx.text, max(0, prev.start - 20), prev.start)
            )
        ):
            first, last = prev.day, cand.day
            if not prev.has_year and prev.month_day and cand.has_year:
                month, day, calendar = prev.month_day
                if calendar == v.GREGORIAN:
                    first = v.valid_date(cand.day.year, month, day) or first
            elif not (prev.has_year or cand.has_year) and cand.month_day:
                # 29 شعبان الجاري حتى الخامس من رمضان المقبل: the end is the first such
                # day after the start, whatever its own modifier said of the anchor.
                forward = _next_after(first, cand.month_day) or last
                # بين الأول من يناير و30 يونيو read in August: January to June of this
                # year, not of the next (the first day alone is nearer next January).
                # A first day with no modifier of its own may instead be the last such
                # day before the end; the range nearer the anchor is taken.
                backward = (
                    _last_before(last, prev.month_day)
                    if prev.month_day and not _MODIFIER.search(ctx.text, prev.start, prev.end)
                    else None
                )
                anchor = ctx.anchor_day
                if (
                    backward is not None
                    and anchor is not None
                    and _distance(backward, last, anchor) < _distance(first, forward, anchor)
                ):
                    first = backward
                else:
                    last = forward
            if first < last and (last - first).days <= 400:
                value = v.days_interval(first, last, prev.date.calendar)
                out[-1] = prev.moved(prev.start, cand.end, date=value, kind="range", day=None)
                continue
        out.append(cand)
    return out


def _weekdays_of_dates(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """A weekday counted from today that a written date of the same weekday follows is that date.

    يوم الأحد القادم 27 / 8 / 1436هـ in a notice read weeks late, يوم الثلاثاء الماضي
    28/7/2015: the date says which Sunday or Tuesday; counted from the crawl day the
    weekday would be another week's.
    """
    out = found[:]
    for i in range(len(out) - 1):
        weekday, dated = out[i], out[i + 1]
        if (
            weekday.kind == "relative"
            and weekday.day is not None
            and dated.day is not None
            and dated.has_year
            and dated.kind != "relative"
            and dated.day != weekday.day
            and dated.day.weekday() == weekday.day.weekday()
            and WEEKDAY_DATE_GAP.fullmatch(ctx.text, weekday.end, dated.start)
        ):
            out[i] = weekday.moved(weekday.start, weekday.end, date=dated.date, day=dated.day)
    return out


# What may stand between a dated day and a yearless one of the same story: no sentence
# end (a full stop followed by a space; a dot between digits is a decimal).
_STORY_REACH = 200
_SENTENCE_END = rx(r"[.!?؟](?:\s|$)|\n")
# A yearless day with one of these in it or after it is dated from the publication on
# purpose (الثاني من يونيو الماضي, 11 أغسطس المقبل).
_MODIFIERS = f"(?:{MODIFIER})"  # the modifier words every rule reads (context.MODIFIER)
_MODIFIER_AFTER = rx(rf"[\s()]*(?:من\s+)?(?:العام\s+|هذا\s+العام\s*)?{_MODIFIERS}")
_MODIFIER = rx(rf"(?<!\w){_MODIFIERS}(?!\w)")


def _story_years(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """A Gregorian day written without a year, in the sentence of a day written with one
    of another year, is the first such day on or after that one.

    يوم 17 نوفمبر 1977 ... لبّاها بعد يومين (19 نوفمبر): 19 November 1977, not the 19
    November nearest the publication.  Only a plain yearless day (none with الماضي,
    المقبل and the like, which date it from the publication), within _STORY_REACH
    characters of the dated one and with no sentence end between them.
    """
    anchor = ctx.anchor_day
    if anchor is None:
        return found
    out = found[:]
    story: Candidate | None = None
    for i, cand in enumerate(out):
        if cand.day is not None and cand.has_year and cand.kind == "explicit":
            # (Not a date that names an event: اعتداءات 11 سبتمبر 2001 is no story's day.)
            named = absolute.EVENT_NAME_BEFORE.search(ctx.text, max(0, cand.start - 20), cand.start)
            story = cand if cand.day.year != anchor.year and named is None else None
            continue
        if (
            story is None
            or cand.has_year
            or cand.day is None
            or cand.month_day is None
            or cand.month_day[2] != v.GREGORIAN
            or cand.start - story.end > _STORY_REACH
            or _SENTENCE_END.search(ctx.text, story.end, cand.start)
            or _MODIFIER_AFTER.match(ctx.text, cand.end)
            or _MODIFIER.search(ctx.text, cand.start, cand.end)
        ):
            continue
        assert story.day is not None  # set only with a day, above
        day = _next_after(story.day - timedelta(days=1), cand.month_day)
        if day is not None and day != cand.day and (day - story.day).days <= 366:
            out[i] = cand._replace(date=v.day_value(day), day=day)
    return out


def _next_after(first: date, month_day: tuple[int, int, str]) -> date | None:
    """The first day of that month and day (in its calendar) after first."""
    return _nearest_such_day(first, month_day, after=True)


def _last_before(last: date, month_day: tuple[int, int, str]) -> date | None:
    """The last day of that month and day (in its calendar) before last."""
    return _nearest_such_day(last, month_day, after=False)


@lru_cache(maxsize=4096)
def _nearest_such_day(day: date, month_day: tuple[int, int, str], *, after: bool) -> date | None:
    """The nearest day of that month and day (in its calendar) after or before day;
    remembered by its arguments (a story's days are asked for again and again)."""
    month, day_of_month, calendar = month_day
    if calendar == v.HIJRI:
        hijri = v.gregorian_to_hijri(day)
        if hijri is None:
            return None
        year = hijri[0]
        years = (year, year + 1) if after else (year - 1, year)
        options = [v.hijri_to_gregorian(y, month, day_of_month) for y in years]
    else:
        years = (day.year, day.year + 1) if after else (day.year - 1, day.year)
        options = [v.valid_date(y, month, day_of_month) for y in years]
    if after:
        return min((d for d in options if d is not None and d > day), default=None)
    return max((d for d in options if d is not None and d < day), default=None)


def _distance(first: date, last: date, day: date) -> int:
    """Days from day to the interval first..last (0 inside it)."""
    if day < first:
        return (first - day).days
    return (day - last).days if day > last else 0


# What joins the days of a list or a range: و, a comma, إلى, حتى (and a weekday's يوم).
DAYS_JOINED_GAP = rx(r"[\s,،]*(?:[وف]|الي|حتي|لغايه)?\s*(?:يوم\s+)?")
_DAY_SECONDS = 86_400
# The farthest a schedule's hours follow its days: أيام ... والخميس 10/14 مواعيد المراجعة
# وتسليم المستندات وأصول الوثائق عند الساعة 7.30 (61 characters); a flight's hour told
# after a camp's dates and two clauses (110) is the flight's.
SCHEDULE_REACH = 80


def _after_several_days(ctx: Context, out: list[Candidate], cand: Candidate) -> bool:
    """Whether the last dates named before a clock time, in its sentence, are several
    days: a range of days, or two days joined as a list or a range."""
    k = len(out) - 1
    while k >= 0 and out[k].date.value.startswith(clock.EVERY_DAY_AT):
        k -= 1  # the schedule's earlier hours (من الساعة السادسة وحتى التاسعة)
    last = out[k] if k >= 0 else None
    if (
        last is None
        or last.kind == "time"
        or cand.start - last.end > SCHEDULE_REACH
        or ctx.crosses_sentence(last.end, cand.start)
    ):
        return False
    start, end = last.date.start, last.date.end
    if last.day is None and start is not None and end is not None:
        # A range of days (من 9 إلى 13 أغسطس); not a month, a year or a week.
        return 1 < (end - start) // _DAY_SECONDS <= 14 and "/" in last.date.value
    if last.day is None or k < 1:
        return False
    before = out[k - 1]
    return (
        before.day is not None
        and before.kind != "time"
        and before.day != last.day
        and DAYS_JOINED_GAP.fullmatch(ctx.text, before.end, last.start) is not None
    )


def _bare_part(ctx: Context, cand: Candidate, dated: Candidate | None) -> Candidate | None:
    """A part of the day told alone (وصل صباحا) on the day the text is telling: the
    nearest day named before it in its sentence, else the article's today, unless the
    text has named another day before (then which day is left unsaid, as for a clock
    time)."""
    antecedent = None
    if dated is not None and not ctx.crosses_sentence(dated.end, cand.start):
        antecedent = dated
    start = cand.start
    lo = start - 80 if start > 80 else 0
    planned = relative.FUTURE_CLAUSE_BEFORE.search(ctx.text, lo, start)
    if planned is not None and planned.group().lstrip("وف").startswith("س"):
        # وسوف يجري الفريق مرانه الأخير صباحا (سوف, or س on a verb): this morning; a
        # present tense (يبدأ البرنامج صباحا) is as often a habit.
        antecedent = None
        dated = None
    elif antecedent is None and not absolute.PAST_CLAUSE_BEFORE.search(ctx.text, lo, start):
        return None  # in the present, with no day named, as often a habit as a day's part
    day = antecedent.day if antecedent is not None else ctx.today
    if day is None or (antecedent is None and dated is not None and dated.day != day):
        return None
    word = ctx.text[cand.start : cand.end].lstrip("وف")
    code = clock.BARE_PARTS.get(word)
    if code is None:
        return None
    d = v.day_value(day)
    value = v.DateValue(f"{d.value}T{code}", d.granularity, d.start, d.end, d.calendar)
    return Candidate(cand.start, cand.end, value, "time", cand.confidence, day=day)


def _attach_times(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """Give each clock time its day: the date just before or after it, else the article's today."""
    out: list[Candidate] = []
    dated: Candidate | None = None  # the last candidate in out with a day
    skip_next = False
    for i, cand in enumerate(found):
        if out and out[-1].day is not None:
            dated = out[-1]
        if skip_next:
            skip_next = False
            continue
        if cand.kind == "part":
            part = _bare_part(ctx, cand, dated)
            if part is None:
                continue
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.day is not None
                and prev.day == part.day
                and prev.kind != "time"
                and TIME_GAP.fullmatch(ctx.text[prev.end : cand.start])
            ):
                # أمس الأحد صباحا: one TIME, the day and its part.
                out[-1] = prev.moved(prev.start, cand.end, date=part.date, kind="time", day=None)
            else:
                out.append(part._replace(day=None))
            continue
        if cand.kind != "time":
            out.append(cand)
            continue
        following = found[i + 1] if i + 1 < len(found) else None
        if (
            following is not None
            and following.day is not None
            and following.kind != "time"
            and DAY_AFTER_TIME_GAP.fullmatch(ctx.text[cand.end : following.start])
        ):
            # الساعة السابعة من مساء الجمعة: one moment, the time on that day.
            merged = _with_clock(following, cand, following.end)
            if merged is not None:
                out.append(merged.moved(cand.start, following.end))
                skip_next = True
                continue
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.day is not None
            and TIME_GAP.fullmatch(ctx.text[prev.end : cand.start])
        ):
            merged = _with_clock(prev, cand, cand.end)
            if merged is not None:
                out[-1] = merged
                continue
        if cand.weak:
            continue
        if cand.clock is not None and _after_several_days(ctx, out, cand):
            # أيام الثلاثاء 10/12 والأربعاء 10/13 والخميس 10/14 ... عند الساعة 7.30
            # صباحا, من الأحد 9 أغسطس حتى الخميس 13 أغسطس من الساعة السادسة: the hour of
            # each of those days, not of the last one (nor of today).
            out.append(clock.every_day(cand.start, cand.end, cand.clock[0], cand.clock[1] or 0))
            continue
        # The nearest dated candidate before it, unless a sentence ends in between
        # (then every earlier one is beyond that end too).
        antecedent = None
        if dated is not None and not ctx.crosses_sentence(dated.end, cand.start):
            antecedent = dated
        day = antecedent.day if antecedent else ctx.today
        if (
            antecedent is not None
            and day is not None
            and cand.clock is not None
            and cand.clock[0] < SMALL_HOURS_END
            and _part_of_day(antecedent.date.value) in ("EV", "NI")
            and SMALL_HOURS_WORD.search(ctx.text, cand.start, cand.end)
        ):
            # حفل مساء أمس ... حتى الساعة الثالثة صباحاً: the small hours after an
            # evening or a night named before are the next day's.
            day += timedelta(days=1)
        if (
            antecedent is None
            and dated is not None
            and dated.day != day
            and not (cand.clock and cand.clock[3])
            and not (
                following is not None and following.day == day and following.start - cand.end < 16
            )
        ):
            # وقع الحادث أمس السبت. ... جاء البلاغ الساعة 20:48: a time with no day of
            # its own, after the text has named another day than today, tells the hour
            # of that story, not of today; which day is left unsaid, so it is left out.
            # A time with its zone (a wire's closing 17:15 ت م), or just before today
            # named (الساعة العاشرة من صباح اليوم الجمعة), is still today's.
            continue
        if day is None:
            continue
        day_value = v.day_value(day)
        if (
            antecedent is not None
            and antecedent.day == day
            and _part_of_day(antecedent.date.value)
            and not OWN_PART.search(ctx.text, cand.start, cand.end)
        ):
            # يخوض المنتخب مساء اليوم مباراته ... ، الساعة الثامنة والربع: a time with
            # no part of its own, in the sentence of an evening named before, is of that
            # evening (20:15), as الساعة الثامنة من مساء اليوم is.
            day_value = antecedent.date
        base = Candidate(cand.start, cand.end, day_value, "time", cand.confidence, day=day)
        timed = _with_clock(base, cand, cand.end)
        if timed is not None:
            out.append(timed.moved(cand.start, cand.end, kind="time", day=None))
    return out


def find_candidates(ctx: Context, rules: Iterable[Rule] = ALL_RULES) -> list[Candidate]:
    """Run the rules, settle overlaps and merge bridges, ranges and times."""
    found: list[Candidate] = []
    for rule in rules:
        found.extend(rule(ctx))
    chosen = _select(found)
    chosen = _merge_bridges(ctx, chosen)
    chosen = _weekdays_of_dates(ctx, chosen)
    chosen = _merge_day_ranges(ctx, chosen)
    chosen = _story_years(ctx, chosen)
    chosen = _parts_of_day(ctx, chosen)
    chosen = _head_nouns(ctx, chosen)
    return _attach_times(ctx, chosen)


# A frozen dataclass's __init__ sets each field through object.__setattr__: 2.4 us a
# mention, where a dense text makes one every 16 characters.  Mention has no
# __post_init__, no __slots__ and no default factory, so an instance with its __dict__
# filled in is the one __init__ makes (a test checks both).
_NEW_MENTION = object.__new__
# round(confidence, 2) by confidence: a few values (the rules' constants and their
# products), each rounded once (0.6 us a call); never more than _ROUNDED_MAX kept.
_ROUNDED: dict[float, float] = {}
_ROUNDED_MAX = 256


def _to_mentions(ctx: Context, found: Iterable[Candidate]) -> Iterator[Mention]:
    original = ctx.folded.original
    found = list(found)
    # Every original span in one call (Folded.spans: what ctx.original_span gives each).
    spans = ctx.folded.spans([(cand.start, cand.end) for cand in found])
    rounded = _ROUNDED
    new = _NEW_MENTION
    for cand, (start, end) in zip(found, spans, strict=True):
        confidence = rounded.get(cand.confidence)
        if confidence is None:
            confidence = round(cand.confidence, 2)
            if len(rounded) < _ROUNDED_MAX:
                rounded[cand.confidence] = confidence
        mention = new(Mention)
        fields = mention.__dict__  # in the order of Mention's fields, as __init__ sets them
        fields["start"] = start
        fields["end"] = end
        fields["text"] = original[start:end]
        fields["date"] = cand.date
        fields["kind"] = cand.kind
        fields["confidence"] = confidence
        yield mention


def mention_rows(
    text: str, published: datetime | None = None, *, declared: bool = False
) -> list[tuple[int, int, v.DateValue, float]]:
    """extract_mentions(text, published, declared=declared) as (start, end, date,
    confidence) rows, one a mention in the same order: what an event is made of, without
    a Mention and its text made for each (a text dense with dates has one every 16
    characters, and the events were made from the Mentions' fields)."""
    if not text:
        return []
    ctx = make_context(text, published, declared=declared)
    found = find_candidates(ctx)
    spans = ctx.folded.spans([(cand.start, cand.end) for cand in found])
    rounded = _ROUNDED
    rows = []
    for cand, (start, end) in zip(found, spans, strict=True):
        confidence = rounded.get(cand.confidence)  # as _to_mentions rounds it
        if confidence is None:
            confidence = round(cand.confidence, 2)
            if len(rounded) < _ROUNDED_MAX:
                rounded[cand.confidence] = confidence
        rows.append((start, end, cand.date, confidence))
    return rows


def extract_mentions(
    text: str, published: datetime | None = None, *, declared: bool = False
) -> list[Mention]:
    """Every dated mention in text, sorted by position and never overlapping.

    published is the wall-clock publication time that relative forms (اليوم, أمس,
    الأسبوع الماضي, قبل 3 سنوات, 19 يوليو without a year) are resolved against.
    Without it, relative forms are still found but valued PAST_REF / PRESENT_REF /
    FUTURE_REF (granularity 'vague', no place on the axis), and a day or month
    written without a year is left out, since no year can be inferred.
    declared says published is the document's own creation time (a TimeML DCT, a time
    given by hand), never a crawl's stamp (see Context.today).
    """
    if not text:
        return []
    ctx = make_context(text, published, declared=declared)
    return list(_to_mentions(ctx, find_candidates(ctx)))
