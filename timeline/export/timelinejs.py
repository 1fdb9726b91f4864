"""TimelineJS3 JSON: title, events with start_date/end_date, text, group, and eras.

TimelineJS puts headline, text and group names into the page as HTML, so every piece
of article text is escaped here (it is untrusted) and set in an element whose direction is that
of its content: Arabic runs right to left.  Each publication carries the article's
stored fields under "x-timeline-article" (its body is the text, one paragraph a
line) so that importing the file gives back the same articles (TimelineJS ignores keys it does not know); mentioned dates are events
marked "x-timeline-mention", which an import skips because it finds them again in the
bodies.

Every slide of an article says which article it came from by the article's key, the
uid the CSV, JSON Lines and workbook exports write in their uid column (stable from one
library to another, where an id is not): in the format's own "unique_id", which must be
unique among the slides (TimelineJS makes the page's #bookmark of it), as
"article-<uid>-event-<event id>", and on a publication under "x-timeline-article" as
"uid", which an import here reads to know the article again when its title or source
was corrected since (ingest.timelinejs.KEY_KEY).  An event the user added on its own
has no article: "event-<id>".
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from typing import Any, TextIO

from timeline.export.progress import ExportProgress, counted
from timeline.export.selection import EventRow, Selection, UserView, article_ids, shown_events
from timeline.ingest.timelinejs import ADDED, ARTICLE_KEY, COLOURS_KEY, MENTION_KEY, USER_KEY
from timeline.model import from_axis
from timeline.store import Store
from timeline.store.export_data import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    article_uids,
    export_articles,
)

# The article fields a publication carries, as the JSON Lines importer names them.
CARRIED = ("title", "body", "source", "url", "author", "caption", "credit", "lang", "published_raw")
ERA_MIN_SECONDS = 10 * 365 * 86400  # ranges this long (decades, long wars) are also eras
MAX_ERAS = 50
_PRECISION = {
    "second": 5,
    "minute": 5,
    "hour": 4,
    "day": 3,
    "week": 3,
    "month": 2,
    "year": 1,
    "decade": 1,
    "century": 1,
}
# Granularities whose span the start's precision does not say (a month or year does).
_SPANS = ("week", "decade", "century", "interval")
_PARTS = ("year", "month", "day", "hour", "minute")


def _precision(granularity: str, value: str) -> int:
    if granularity in _PRECISION:
        return _PRECISION[granularity]
    first = value.split("/")[0]
    return {4: 1, 7: 2, 10: 3}.get(len(first), 5 if len(first) > 10 else 3)


def date_object(moment: datetime, precision: int) -> dict[str, int]:
    """A TimelineJS date: year, then as many finer parts as the precision has."""
    parts = (moment.year, moment.month, moment.day, moment.hour, moment.minute)
    return {name: value for name, value in zip(_PARTS[:precision], parts[:precision], strict=True)}


# The first letter decides a paragraph's direction (UAX #9 P2; letters are its strong
# characters).  python-bidi's get_base_level reads the whole paragraph: 5 times slower
# on article bodies.
_FIRST_LETTER = re.compile(r"[^\W\d_]")


def direction_of(text: str) -> str:
    found = _FIRST_LETTER.search(text)
    if found is None:
        return "ltr"
    return "rtl" if unicodedata.bidirectional(found.group()) in ("R", "AL") else "ltr"


def _inline(text: str) -> str:
    """Plain text as an HTML span in its own direction (escaped: TimelineJS sets innerHTML)."""
    return f'<span dir="{direction_of(text)}">{html.escape(text, quote=True)}</span>'


def _paragraphs(text: str) -> str:
    """Each line a paragraph in its own direction; blank lines kept (the import reverses it)."""
    # Escaped whole (one pass, not one a line); escaping adds no line break, so the
    # escaped lines pair with the lines whose direction is read.
    escaped = html.escape(text, quote=True).split("\n")
    return "".join(
        f'<p dir="{direction_of(line)}">{safe}</p>'
        for line, safe in zip(text.split("\n"), escaped, strict=True)
    )


def _group(made: dict[str, str], source: str) -> str:
    """The source as a group name, escaped twice.

    TimelineJS 3.9 reads a group as markup and keeps its text (stripMarkup: a parsed
    document's textContent, which decodes entities once), then sets that text as a
    label's innerHTML.  A source written as it is would lose its markup, and one holding
    "&lt;img onerror=...&gt;" as text would come out of the first step as a live element
    in the second.  Escaped twice, the first step gives the once-escaped text and the
    label shows the source exactly; an older TimelineJS without the first step shows
    the entities, but never runs anything.
    """
    escaped = made[source] = html.escape(html.escape(source, quote=True), quote=True)
    return escaped


def _when(row: EventRow) -> dict[str, Any]:
    assert row.start is not None
    precision = _precision(row.granularity, row.value)
    dates: dict[str, Any] = {"start_date": date_object(from_axis(row.start), precision)}
    if row.end is not None and row.end > row.start and row.granularity in _SPANS:
        # Stored ends are exclusive; TimelineJS shows its end_date as the last one in.
        # An end given to the minute (a range a file stated) is shown as it is.
        last = row.end if precision == 5 else row.end - 1
        dates["end_date"] = date_object(from_axis(last), precision)
    return dates


def _years(start: int, end: int | None) -> str:
    """An era's name: its first and last year ('1950–1953')."""
    first = from_axis(start).year
    last = from_axis(end - 1).year if end is not None and end > start else first
    return str(first) if last == first else f"{first}–{last}"


# Events are turned into slides a batch at a time: a batch's articles (their bodies, for
# the publications' slides) are read together, and nothing of the batches before is kept
# but what is small (the sources' group names, up to MAX_ERAS eras).  Few to a batch: a
# body may be megabytes (a long report's), and 64 cost no more time than 500.
_BATCH = 64
# Many events share a date or a label ("اليوم", a year), and an article's mentions its
# headline: each is made once while this many are kept, then the memo starts again.
_MEMO_MAX = 20_000


class _Memo(dict[Any, Any]):
    """A dict that forgets everything when it grows past _MEMO_MAX entries."""

    def get_or_make(self, key: Any, make: Any) -> Any:
        found = self.get(key)
        if found is None:
            if len(self) >= _MEMO_MAX:
                self.clear()
            found = self[key] = make()
        return found


_ARTICLE_INDEX = {name: i for i, name in enumerate(ARTICLE_COLUMNS)}
_WITH_ARTICLE = len(EVENT_COLUMNS) + 2  # an event row's columns, the title and source after


def _article_fields(view: UserView, row: tuple) -> dict[str, Any] | None:
    """The fields a publication's slide carries, as the user sees them; None if hidden."""
    index = _ARTICLE_INDEX
    shown = view.article(row)
    if shown is None:
        return None
    fields = {name: shown[index[name]] for name in CARRIED}
    if shown[index["published"]] != row[index["published"]]:
        # The user's publication date (it wins on export): an import here reads a
        # record's "published" before its raw text, so the correction comes back.
        fields["published"] = shown[index["published"]]
    # The user's own: carried beside the article (an import here gives them back).
    tags_at, note_at = len(ARTICLE_COLUMNS), len(ARTICLE_COLUMNS) + 1
    if shown[tags_at]:
        fields["tags"] = shown[tags_at].split("; ")
    if shown[note_at]:
        fields["note"] = shown[note_at]
    return fields


class _Document:
    """The TimelineJS3 document of the chosen articles and their placed events, made as
    it is written: title, then each event (items()), then eras and tag colours."""

    def __init__(self, store: Store, selection: Selection, title: str = "") -> None:
        self.store, self.selection = store, selection
        self.ids = article_ids(store, selection)
        self.view = UserView(store, selection)
        if not title:
            query = selection.query.strip()
            title = f"News timeline: {query}" if query else "News timeline"
        self.title = {"text": {"headline": _inline(title), "text": ""}}
        self.eras: list[dict[str, Any]] = []
        self.count = 0

    def _rows(self) -> Iterator[tuple]:
        """The events as the user sees them, each with its article's title and source."""
        shown = shown_events(self.store, self.selection, self.ids, self.view, placed_only=True)
        return (row[:_WITH_ARTICLE] for row in shown if row[3] is not None)  # start

    def items(self) -> Iterator[dict[str, Any]]:
        """Each event's slide, in the order the events are read (placed ones by date,
        then those the user added)."""
        view = self.view
        seen_eras: set[tuple[int, int]] = set()
        dates_made, labels_made, headlines = _Memo(), _Memo(), _Memo()
        groups: dict[str, str] = {}  # a source's group name, escaped twice
        added_by_id = view.added_by_id()
        rows = self._rows()
        while batch := list(itertools.islice(rows, _BATCH)):
            published = sorted({r[1] for r in batch if r[2] == "published" and r[1] is not None})
            bodies: dict[int, dict[str, Any] | None] = {
                stored[0]: _article_fields(view, stored)
                for stored in export_articles(self.store, published)
            }
            uids = article_uids(self.store, [r[1] for r in batch if r[1] is not None])
            for values in batch:
                row = EventRow._make(values)
                if row.id < 0 and not row.title:
                    row = row._replace(title=row.label)  # a standalone event: its label heads it
                dates = dates_made.get_or_make(
                    (row.start, row.end, row.granularity, row.value), lambda row=row: _when(row)
                )
                uid = uids.get(row.article_id) if row.article_id is not None else None
                unique_id = f"article-{uid}-event-{row.id}" if uid else f"event-{row.id}"
                item: dict[str, Any] = {**dates, "unique_id": unique_id}
                headline = (
                    headlines.get_or_make(row.article_id, lambda row=row: _inline(row.title))
                    if row.article_id is not None
                    else _inline(row.title)
                )
                if row.kind == "published":
                    fields = bodies.get(row.article_id) if row.article_id is not None else None
                    if fields is None:
                        continue  # its article went while the export read (or is hidden)
                    # The body is written once, as the slide's text; the import reads it
                    # back.  With its id, which the events the user added to it name
                    # (MENTION_KEY), and what the user said of its mentions and of it.
                    body = fields.get("body", "")
                    item["text"] = {"headline": headline, "text": _paragraphs(body)}
                    item[ARTICLE_KEY] = {k: v for k, v in fields.items() if k != "body"}
                    item[ARTICLE_KEY]["id"] = row.article_id
                    item[ARTICLE_KEY]["uid"] = uid
                    said = view.said_of(row.article_id, body)
                    if said:
                        item[ARTICLE_KEY][USER_KEY] = said
                else:
                    label = labels_made.get_or_make(
                        row.label, lambda row=row: _paragraphs(row.label)
                    )
                    item["text"] = {"headline": headline, "text": label}
                    kind = "added" if row.id < 0 else row.kind
                    item[MENTION_KEY] = {
                        "article": row.article_id,
                        "kind": kind,
                        "value": row.value,
                    }
                    if row.id < 0 and -row.id in added_by_id:
                        # What an import here needs to add it again (ingest.timelinejs.ADDED).
                        item[MENTION_KEY][ADDED] = view.added_record(added_by_id[-row.id])
                    self._era(row, item, seen_eras)
                group = groups.get(row.source) or _group(groups, row.source)
                if group:
                    item["group"] = group
                self.count += 1
                yield item

    def _era(self, row: EventRow, item: dict[str, Any], seen: set[tuple[int, int]]) -> None:
        start, end = row.start or 0, row.end
        if end is None or end - start < ERA_MIN_SECONDS or len(self.eras) >= MAX_ERAS:
            return
        if (start, end) not in seen:
            seen.add((start, end))
            self.eras.append(
                {
                    "start_date": item["start_date"],
                    "end_date": item.get("end_date", item["start_date"]),
                    "text": {"headline": _inline(_years(start, end))},
                }
            )


def write_timelinejs(
    store: Store,
    selection: Selection,
    out: TextIO,
    title: str = "",
    left_out: list[int] | None = None,
    progress: ExportProgress | None = None,
) -> int:
    """Write the TimelineJS3 JSON of the selection, an event at a time (the memory it
    takes does not grow with the store); returns the number of events.  left_out, if
    given, receives the ids of the chosen articles without a publication date: a slide
    needs a date, so their text is not in the document (their dated mentions are)."""
    import orjson

    document = _Document(store, selection, title)
    # Each piece encoded by orjson (the standard encoder took 8 times as long), written as
    # UTF-8 where the stream is (not decoded only to be encoded again).
    binary = getattr(out, "buffer", None)
    if binary is not None and (getattr(out, "encoding", "") or "").lower() in ("utf-8", "utf8"):
        out.flush()
        write = binary.write
    else:

        def write(data: bytes) -> int:
            return out.write(data.decode("utf-8"))

    write(b'{"title":' + orjson.dumps(document.title) + b',"events":[')
    pieces: list[bytes] = []
    for n, item in enumerate(counted(document.items(), progress)):
        pieces.append(orjson.dumps(item) if n == 0 else b"," + orjson.dumps(item))
        if len(pieces) >= _BATCH:
            write(b"".join(pieces))
            pieces = []
    write(b"".join(pieces))
    # The colours of the library's tags, for an import here to give them again.
    tail = {"eras": document.eras, COLOURS_KEY: document.view.tag_colours()}
    write(b"]," + orjson.dumps(tail)[1:] + b"\n")
    if left_out is not None:
        left_out.extend(document.view.undated(document.ids))
    return document.count
