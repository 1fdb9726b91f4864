"""Plain domain values shared by every layer: articles, dates, mentions, events. No I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

# The time axis.  Every instant on the timeline is an integer number of seconds on a
# proleptic Gregorian axis counted from 1970-01-01T00:00 (negative before), taken on
# the *wall clock of the source*: news is written in site-local time and an event
# "on Friday" must stay on Friday whatever the reader's zone.  When an offset is
# known it is kept in the ISO value; the axis ignores it.
EPOCH = datetime(1970, 1, 1)
# The years the program places on its axis: the date rules read no year outside them,
# and a publication date outside them is taken as none (nothing is resolved against it).
FIRST_YEAR, LAST_YEAR = 1000, 2200


def to_axis(moment: datetime) -> int:
    """Seconds on the timeline axis for a (naive or aware) wall-clock datetime."""
    naive = moment.replace(tzinfo=None)
    delta = naive - EPOCH
    return delta.days * 86400 + delta.seconds


def from_axis(seconds: int) -> datetime:
    """The naive wall-clock datetime of an axis position."""
    return EPOCH + timedelta(seconds=seconds)


# Granularities, finest first.  An instant of day granularity or finer is drawn as a
# point; coarser values (and intervals) cover [start, end).
GRANULARITIES = (
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "season",
    "year",
    "decade",
    "century",
    "interval",
    "duration",
    "set",
    "vague",
)
# The TimeML TIMEX3 type of each granularity (TIME below a day; a duration and a
# recurrence have their own; everything else, vague references included, is a DATE).
TIMEX_TYPES = {
    "second": "TIME",
    "minute": "TIME",
    "hour": "TIME",
    "duration": "DURATION",
    "set": "SET",
}

# TIMEX3 parts of a day: a day's value with one of these after it ('2015-07-31TEV') is a
# TIME, drawn as its day.
PARTS_OF_DAY = ("TMO", "TMI", "TAF", "TEV", "TNI", "TDT")


@dataclass(frozen=True)
class DateValue:
    """A normalized date: TIMEX3-style value, granularity and its span on the axis.

    value: ISO 8601 where possible ('2021-05-22T01:32', '2021-05', '2021', '2021-W20',
    '2019-SP', '1950/1953', '198X', 'P70Y', 'PTXH', 'PAST_REF'), or TimeML's
    underspecified form when the year is unknown ('XXXX-09-11', granularity 'vague').
    A recurrence (granularity 'set') is valued 'P1D', 'P3M' or 'XXXX-WXX-5' (every
    Friday).  start/end are axis seconds; end is exclusive and None for a point (day
    granularity or finer); both are None for a duration, a recurrence or a vague
    reference, which have no place on the axis.
    calendar: the calendar the text was written in ('gregorian' or 'hijri').
    """

    value: str
    granularity: str
    start: int | None
    end: int | None = None
    calendar: str = "gregorian"

    @property
    def is_placed(self) -> bool:
        return self.start is not None


@dataclass(frozen=True)
class Mention:
    """A date expression found in a text.

    start/end are offsets into the text (text[start:end] == raw).  kind names the rule
    family that found it (explicit, numeric, hijri, month_year, year, range, decade,
    season, relative, duration, set, vague, time); type is its TimeML TIMEX3 type.
    """

    start: int
    end: int
    text: str
    date: DateValue
    kind: str
    confidence: float = 1.0

    @property
    def value(self) -> str:
        return self.date.value

    @property
    def granularity(self) -> str:
        return self.date.granularity

    @property
    def type(self) -> str:
        """DATE, TIME, DURATION or SET."""
        if self.date.value.endswith(PARTS_OF_DAY):
            return "TIME"  # 2015-07-31TEV: an evening, a part of a day
        return TIMEX_TYPES.get(self.date.granularity, "DATE")


# What separates tags in an exported cell or string: the exports join an article's tags
# with "; ", an import splits them at either (ingest.fields.read_tags), so neither is
# ever in a tag's name (edits.set_tag refuses them).
TAG_SEPARATORS = (";", "\u061b")
# The longest tag name: a longer one from a file is text in the wrong column (left out
# by ingest.fields.read_tags), and one typed is refused (edits.set_tag).
MAX_TAG_CHARS = 200


@dataclass(frozen=True)
class AddedEvent:
    """An event the user added by hand, as the program's TimelineJS export carries it:
    the date as typed (read again on import, as it was when added), the label, its own
    tags; standalone when it belongs to no article (else to the article it travels with)."""

    typed: str
    label: str
    standalone: bool = False
    tags: tuple[str, ...] = ()
    hidden: bool = False


@dataclass(frozen=True)
class MentionMarks:
    """What the user said of one mention in an article's text, as the program's
    TimelineJS export carries it: at body[start:end] (its text, checked on import), a
    date typed for it (a correction), or not a date; hidden; its own tags."""

    start: int
    end: int
    text: str
    typed: str = ""
    not_a_date: bool = False
    hidden: bool = False
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleDraft:
    """An article as an importer read it, before it is stored."""

    title: str
    body: str
    source: str = ""
    url: str = ""
    author: str = ""
    caption: str = ""
    credit: str = ""
    lang: str = "ar"
    published_raw: str = ""
    origin: str = ""
    # "summary" when a feed gave only its summary of the article, "ocr" when the text was
    # recognized on scanned pages (timeline.ingest.ocr), "" for the full text as written.
    body_kind: str = ""
    # When a web archive captured the page (ISO 8601): the crawl, never the publication.
    captured: str = ""
    # The record had no title: this one is the body's first line (title_from_body).
    untitled: bool = False
    # The user's own values a record carries (the program's exports write them): its
    # tags and note, given to the article (or to the copy the library already holds).
    tags: tuple[str, ...] = ()
    note: str = ""
    # The events the user added, that the record carries (the program's TimelineJS
    # export): the article's own, and standalone ones a file's first record brings.
    added: tuple[AddedEvent, ...] = ()
    # Then the mentions the user corrected, hid or tagged, and whether the article was
    # hidden (a file written with the hidden kept).
    marks: tuple[MentionMarks, ...] = ()
    hidden: bool = False
    # The publication date the user typed for the article, that the record carries: its
    # published column holds that date, its published_raw the article's own, which the
    # importer reads as the article's (the user's stays the user's, over it).
    published_typed: str = ""
    # The record carries a publication date of the user's that is not one (a number, a
    # list, null, a blank or overlong string): its published column is no article's own
    # either; its published_raw is read as the article's, and the value counted left out.
    published_unread: bool = False
    # The title and source the user corrected, that the record carries ((field, value),
    # ...): the draft's title and source are the article's own, read from beside them.
    fields_typed: tuple[tuple[str, str], ...] = ()
    # The colours of the tags the file holds (a TimelineJS export's, on its first record).
    tag_colours: tuple[tuple[str, str], ...] = ()
    # The key the program's own export wrote beside the article (its uid column: CSV,
    # JSON Lines, workbook; a TimelineJS slide's, a .timeline event's comment): the
    # article it names, when the library holds it with this body, or with the body the
    # export wrote in its place (the title and source written may be a correction since
    # changed or cleared).
    uid: str = ""


TITLE_CHARS = 200  # the most of a body's first line a title named from it takes


def title_from_body(body: str) -> str:
    """A title for a record that has none: its body's first line, at most TITLE_CHARS
    characters (as a feed's entry without a title has been named), without the space a
    cut can leave at its end (a title read from a file is kept without one: the
    program's own export, imported again, changed such a title)."""
    return body.strip().split("\n", 1)[0].strip()[:TITLE_CHARS].rstrip()


@dataclass(frozen=True)
class Article:
    """A stored article."""

    id: int
    uid: str
    title: str
    body: str
    source: str
    url: str
    author: str
    caption: str
    credit: str
    lang: str
    published: str | None
    published_raw: str
    origin: str
    imported_at: str
    body_kind: str = ""  # see ArticleDraft
    captured: str = ""


@dataclass(frozen=True)
class Event:
    """A dated thing on the timeline: an article's publication or a mention in it."""

    article_id: int
    # 'published' | 'mentioned' | 'duration' | 'set' | 'vague' | 'stated' (a file's range)
    kind: str
    start: int | None
    end: int | None
    granularity: str
    value: str
    label: str
    span_start: int | None = None
    span_end: int | None = None
    confidence: float = 1.0
    id: int | None = field(default=None, compare=False)
