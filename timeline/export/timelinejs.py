"""TimelineJS3 JSON: title, events with start_date/end_date, text, group, and eras.

TimelineJS puts headline, text and group names into the page as HTML, so every piece
of article text is escaped here (it is untrusted) and set in an element whose direction is that
of its content: Arabic runs right to left.  Each publication carries the article's
stored fields under "x-timeline-article" (its body is the text, one paragraph a
line) so that importing the file gives back the same articles (TimelineJS ignores keys it does not know); mentioned dates are events
marked "x-timeline-mention", which an import skips because it finds them again in the
bodies.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime
from itertools import chain
from typing import Any, TextIO

from timeline.export.selection import EventRow, Selection, UserView, article_ids
from timeline.ingest.timelinejs import ADDED, ARTICLE_KEY, COLOURS_KEY, MENTION_KEY, USER_KEY
from timeline.model import from_axis
from timeline.store import Store
from timeline.store.export_data import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    export_articles,
    export_events,
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


def build(
    store: Store, selection: Selection, title: str = "", left_out: list[int] | None = None
) -> dict[str, Any]:
    """The TimelineJS3 document of the chosen articles and their placed events.  left_out,
    if given, receives the ids of the chosen articles without a publication date: a
    slide needs a date, so their text is not in the document (their dated mentions are)."""
    ids = article_ids(store, selection)
    view = UserView(store, selection)
    articles: dict[int, dict[str, Any]] = {}
    index = {name: i for i, name in enumerate(ARTICLE_COLUMNS)}
    tags_at, note_at = len(ARTICLE_COLUMNS), len(ARTICLE_COLUMNS) + 1
    for article in export_articles(store, ids):
        row = view.article(article)
        if row is None:
            continue  # hidden
        fields = {name: row[index[name]] for name in CARRIED}
        if row[index["published"]] != article[index["published"]]:
            # The user's publication date (it wins on export): an import here reads a
            # record's "published" before its raw text, so the correction comes back.
            fields["published"] = row[index["published"]]
        # The user's own: carried beside the article (an import here gives them back).
        if row[tags_at]:
            fields["tags"] = row[tags_at].split("; ")
        if row[note_at]:
            fields["note"] = row[note_at]
        articles[row[index["id"]]] = fields
    items: list[dict[str, Any]] = []
    eras: list[dict[str, Any]] = []
    seen_eras: set[tuple[int, int]] = set()
    headlines: dict[int, str] = {}  # by article: its publication and mentions share one
    # Many events share a date or a label ("اليوم", a year): each is made once.  The date
    # objects are shared between events (the document is only written out).
    dates_made: dict[tuple[Any, ...], dict[str, Any]] = {}
    labels_made: dict[str, str] = {}
    groups: dict[str, str] = {}  # a source's group name, escaped once
    slid: set[int | None] = set()  # the articles given a slide of their own
    # The articles are read whole above: the events need no join for title and source.
    added_by_id = view.added_by_id()
    stored = export_events(
        store,
        ids,
        date_from=selection.date_from,
        date_to=selection.date_to,
        placed_only=True,
        with_article=False,
    )
    as_shown = (view.event(values) for values in stored)
    added = (row[: len(EVENT_COLUMNS)] for row in view.added_events(ids) if row[3] is not None)
    kept = (row[: len(EVENT_COLUMNS)] for row in as_shown if row is not None)
    for values in chain(kept, added):
        fields = articles.get(values[1], {}) if values[1] is not None else {}
        row = EventRow._make((*values, fields.get("title", ""), fields.get("source", "")))
        if row.id < 0 and not row.title:
            row = row._replace(title=row.label)  # a standalone event: its label heads it
        when = (row.start, row.end, row.granularity, row.value)
        dates = dates_made.get(when)
        if dates is None:
            dates = dates_made[when] = _when(row)
        item: dict[str, Any] = {**dates, "unique_id": f"event-{row.id}"}
        headline = headlines.get(row.article_id) if row.article_id is not None else None
        if headline is None:
            headline = _inline(row.title)
            if row.article_id is not None:
                headlines[row.article_id] = headline
        if row.kind == "published":
            slid.add(row.article_id)
            # The body is written once, as the slide's text; the import reads it back.
            item["text"] = {"headline": headline, "text": _paragraphs(fields.get("body", ""))}
            # With its id, which the events the user added to it name (MENTION_KEY), and
            # what the user said of its mentions and of it (USER_KEY).
            item[ARTICLE_KEY] = {k: v for k, v in fields.items() if k != "body"}
            item[ARTICLE_KEY]["id"] = row.article_id
            said = view.said_of(row.article_id, fields.get("body", ""))
            if said:
                item[ARTICLE_KEY][USER_KEY] = said
            item["group"] = groups.get(row.source) or _group(groups, row.source)
        else:
            label = labels_made.get(row.label)
            if label is None:
                label = labels_made[row.label] = _paragraphs(row.label)
            item["text"] = {"headline": headline, "text": label}
            kind = "added" if row.id < 0 else row.kind
            item[MENTION_KEY] = {"article": row.article_id, "kind": kind, "value": row.value}
            if row.id < 0 and -row.id in added_by_id:
                # What an import here needs to add it again (ingest.timelinejs.ADDED).
                item[MENTION_KEY][ADDED] = view.added_record(added_by_id[-row.id])
            item["group"] = groups.get(row.source) or _group(groups, row.source)
            start, end = row.start or 0, row.end
            long = end is not None and end - start >= ERA_MIN_SECONDS
            if long and end is not None and len(eras) < MAX_ERAS and (start, end) not in seen_eras:
                seen_eras.add((start, end))
                eras.append(
                    {
                        "start_date": item["start_date"],
                        "end_date": item.get("end_date", item["start_date"]),
                        "text": {"headline": _inline(_years(start, end))},
                    }
                )
        if not item["group"]:
            del item["group"]
        items.append(item)
    if left_out is not None:
        left_out.extend(a for a in articles if a not in slid)
    if not title:
        query = selection.query.strip()
        title = f"News timeline: {query}" if query else "News timeline"
    return {
        "title": {"text": {"headline": _inline(title), "text": ""}},
        "events": items,
        "eras": eras,
        # The colours of the library's tags, for an import here to give them again.
        COLOURS_KEY: view.tag_colours(),
    }


def write_timelinejs(
    store: Store,
    selection: Selection,
    out: TextIO,
    title: str = "",
    left_out: list[int] | None = None,
) -> int:
    """Write the TimelineJS3 JSON of the selection; returns the number of events
    (left_out: as build's)."""
    import orjson

    document = build(store, selection, title, left_out)
    # Encoded whole by orjson: the standard encoder took 8 times as long (json.dump,
    # which streams, goes through the pure-Python encoder: 5 times slower again).
    encoded = orjson.dumps(document, option=orjson.OPT_APPEND_NEWLINE)
    binary = getattr(out, "buffer", None)
    if binary is not None and (getattr(out, "encoding", "") or "").lower() in ("utf-8", "utf8"):
        out.flush()
        binary.write(encoded)  # UTF-8 already: not decoded only to be encoded again
    else:
        out.write(encoded.decode("utf-8"))
    return len(document["events"])
