"""Which articles and events an export holds: a search, a source, a tag, a stretch of time.

Every export shows what the user said (DESIGN.md rule 5): UserView lays the user's
values over the stored rows, corrected dates, titles and sources winning, hidden
articles and events left out (unless asked for), added events in, and each row's tags
and note for the formats that have a place for them.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from timeline.store import Store
from timeline.store import edits as user
from timeline.store.export_data import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    export_events,
    undated_article_ids,
)

if TYPE_CHECKING:
    from timeline.store.search import EventKind


@dataclass(frozen=True)
class Selection:
    """What to export: articles matching query and source, events meeting [date_from, date_to).

    Dates are axis seconds (timeline.model.to_axis).  Empty: everything.  The window
    hands in its search and its visible range; `timeline export` its options.
    """

    query: str = ""
    source: str | None = None
    date_from: int | None = None
    date_to: int | None = None
    event_kind: EventKind | None = None  # which dates the range applies to (search's)
    tag: str | None = None  # only articles carrying this tag (on them or their events)
    with_hidden: bool = False  # the articles and events the user hid too

    @property
    def everything(self) -> bool:
        return (
            not self.query.strip()
            and self.source is None
            and self.date_from is None
            and self.date_to is None
            and self.tag is None
        )


class SelectionError(Exception):
    """A selection that cannot be made (a query the search refuses)."""


class EventRow(NamedTuple):
    """An event as exported: every stored column, and its article's title and source."""

    id: int
    article_id: int
    kind: str
    start: int | None
    end: int | None
    granularity: str
    value: str
    label: str
    span_start: int | None
    span_end: int | None
    confidence: float
    title: str
    source: str


def article_ids(store: Store, selection: Selection) -> list[int] | None:
    """Sorted ids of the chosen articles, or None for every article."""
    if selection.everything:
        return None
    if selection.tag is not None:
        tagged = user.article_ids_tagged(store, selection.tag)
        if (
            not selection.query.strip()
            and selection.source is None
            and (selection.date_from is None and selection.date_to is None)
        ):
            return sorted(tagged)
        untagged = replace(selection, tag=None)
        return [i for i in (article_ids(store, untagged) or []) if i in tagged]
    from timeline.store.search import SearchError, matching_article_ids, with_user_text_matches

    try:
        ids = matching_article_ids(
            store,
            selection.query,
            source=selection.source,
            date_from=selection.date_from,
            date_to=selection.date_to,
            event_kind=selection.event_kind,
            time_limit=None,
        )
    except SearchError as exc:
        raise SelectionError(str(exc)) from exc
    # The articles whose notes and tag names hold the words, as the window's search and
    # `timeline search` find them (the export wrote the index's hits alone).
    filters = {
        "source": selection.source,
        "date_from": selection.date_from,
        "date_to": selection.date_to,
        "event_kind": selection.event_kind,
    }
    ids = with_user_text_matches(store, selection.query, ids, filters)
    return [int(i) for i in ids]


def events(
    store: Store,
    selection: Selection,
    ids: list[int] | None,
    *,
    placed_only: bool = False,
    shown: UserView | None = None,
) -> Iterator[EventRow]:
    """The chosen articles' events (placed ones meeting the range when one is given), as
    the user sees them (shown: the UserView to use; made here when not given), then the
    events the user added."""
    view = shown or UserView(store, selection)
    for event in shown_events(store, selection, ids, view, placed_only=placed_only):
        yield EventRow(*event[: len(EventRow._fields)])


def shown_events(
    store: Store,
    selection: Selection,
    ids: list[int] | None,
    view: UserView,
    *,
    placed_only: bool = False,
) -> Iterator[tuple]:
    """events() as UserView.event gives them (EVENT_COLUMNS, title, source, EVENT_EXTRA),
    in start order as the user sees them (the unplaced last), the events the user added
    at their places.  placed_only: only events with a place on the axis as shown (a vague
    mention the user gave a date is placed)."""
    # The articles whose dates the user corrected (few) have every event read,
    # corrected, then judged against the range and put in their shown places; the
    # others' are chosen by the index on their stored dates, in its start order.
    redated = view.redated(ids)
    skip = set(redated)
    stored = (
        view.event(row)
        for row in export_events(
            store,
            ids,
            date_from=selection.date_from,
            date_to=selection.date_to,
            placed_only=placed_only,
        )
        if row[_E["article_id"]] not in skip
    )
    corrected = [
        event
        for row in export_events(store, redated, placed_only=False)
        if (event := view.event(row)) is not None
        and (event[_E["start"]] is not None or not placed_only)
        and view.meets(event[_E["start"]], event[_E["end"]])
    ]
    said = sorted([*corrected, *view.added_events(ids)], key=_start_order)
    yield from heapq.merge((e for e in stored if e is not None), said, key=_start_order)


def _start_order(event: tuple) -> tuple[bool, int, int]:
    """export_events' order: placed events by start, then the unplaced; by id within."""
    start = event[_E["start"]]
    return (start is None, 0 if start is None else start, event[_E["id"]])


# Written after the stored columns by the CSV and JSON Lines exports (hidden: whether the
# user hid the article or event, which only an export with the hidden writes true; the
# CSV importer reads an article's back from the program's own).  An event's hidden was
# not written: an export with the hidden gave a hidden mention as any other.
ARTICLE_EXTRA = ("tags", "note", "hidden")
EVENT_EXTRA = ("origin", "tags", "hidden")
_A = {name: i for i, name in enumerate(ARTICLE_COLUMNS)}
_E = {name: i for i, name in enumerate(EVENT_COLUMNS)}


class UserView:
    """What the user said, laid over exported rows (read once per export: it is small).

    article(row) and event(row) take stored rows (ARTICLE_COLUMNS; EVENT_COLUMNS, with or
    without the article's title and source after them) and give them as the user sees
    them, with ARTICLE_EXTRA or EVENT_EXTRA after, or None for what is hidden or "not a
    date".  Tags are joined with "; " (a CSV cell holds one value).
    """

    def __init__(self, store: Store, selection: Selection) -> None:
        self.with_hidden = selection.with_hidden
        self._range = (selection.date_from, selection.date_to)
        self.values = user.user_values(store, user.edited_article_ids(store))
        self.hidden_added, self.added_tags = user.added_event_marks(store)
        # The events the user added on their own belong to no article: a choice of
        # articles by words or a source has none of them, a choice by dates alone those
        # that meet the dates (the window's export always chooses its visible stretch),
        # a tag those that carry it.
        by_dates_alone = (
            not selection.query.strip()
            and selection.source is None
            and selection.event_kind != "published"
        )
        self._standalone = [
            event
            for event in user.standalone_events(store)
            if by_dates_alone
            and (selection.tag is None or selection.tag in self.added_tags.get(event.id, []))
            and self.meets(event.date.start, event.date.end)
        ]
        # Publications the user gave articles the rules found no date for (no event of
        # theirs to correct): exported as the window draws them.
        self._dated = user.dated_by_user(store)
        self._store = store

    def added_by_id(self) -> dict[int, user.UserEvent]:
        """Every event the user added, by its id (an export that carries them to be
        imported again: timelinejs)."""
        events = [e for v in self.values.values() for e in v.added] + self._standalone
        return {e.id: e for e in events}

    # What the program's own exports carry for an import here to say again (read by
    # ingest.timelinejs: added_events, user_said, tag_colours).

    def added_record(self, event: user.UserEvent) -> dict[str, Any]:
        """An added event as an import adds it again: the date as typed, the label,
        its own tags, whether hidden."""
        return {
            "typed": event.typed,
            "label": event.label,
            "tags": self.added_tags.get(event.id, []),
            "hidden": event.id in self.hidden_added,
        }

    def added_records(self, article_id: int | None) -> list[dict[str, Any]]:
        """added_record of each event the user added to an article (None: on their own)."""
        if article_id is None:
            return [self.added_record(e) for e in self._standalone]
        values = self.values.get(article_id)
        return [self.added_record(e) for e in values.added] if values is not None else []

    def said_of(self, article_id: int, body: str) -> dict[str, Any]:
        """What the user said of an article that its fields do not carry: the mentions
        corrected, hidden or tagged, at their places in the body with their text,
        whether it is hidden (a file written with the hidden kept), the publication
        date the user typed, and the title and source the user corrected with the
        article's own ("own").  Empty when nothing."""
        values = self.values.get(article_id)
        if values is None:
            return {}
        said: dict[str, Any] = {}
        if values.hidden:
            said["hidden"] = True
        if values.published is not None and values.published_typed.strip():
            # The article's published column holds this date; its published_raw the
            # article's own, which an import reads as the article's, this over it.
            said["published"] = values.published_typed
        corrected = [name for name in ("title", "source") if name in values.fields]
        if corrected:
            # Its title and source columns hold the user's: the article's own go beside
            # them, which an import reads as the article's (its key is made of them),
            # the user's said again over them.
            stored = self._store.article(article_id, body_chars=0)
            if stored is not None:
                for name in corrected:
                    said[name] = values.fields[name]
                said["own"] = {name: getattr(stored, name) for name in corrected}
        spans = {(m.span_start, m.span_end) for m in values.mentions if m.status != "lost"}
        spans |= values.hidden_mentions | set(values.mention_tags)
        marks = []
        for start, end in sorted(spans):
            mark: dict[str, Any] = {"start": start, "end": end, "text": body[start:end]}
            correction = values.correction_at(start, end)
            if correction is not None and correction.date is None:
                mark["not_a_date"] = True
            elif correction is not None:
                mark["typed"] = correction.typed
            if (start, end) in values.hidden_mentions:
                mark["hidden"] = True
            if values.mention_tags.get((start, end)):
                mark["tags"] = values.mention_tags[(start, end)]
            marks.append(mark)
        if marks:
            said["mentions"] = marks
        return said

    def tag_colours(self) -> dict[str, str]:
        """Every tag's colour, by name."""
        return {name: colour for name, colour, _count in user.tags(self._store)}

    def undated(self, ids: list[int] | None) -> list[int]:
        """Of the chosen articles (ids, or None for every one), those not hidden that have
        no publication date as the user sees it: stored without one, given none by the
        user.  (Not those published outside the chosen dates: they have a date.)"""
        chosen = None if ids is None else set(ids)
        dated = {article_id for article_id, _date in self._dated}
        dated.update(a for a, values in self.values.items() if values.published is not None)
        return [
            a
            for a in undated_article_ids(self._store)
            if (chosen is None or a in chosen) and a not in dated and self.keeps(a)
        ]

    def source_of(self, article_id: int, stored: str) -> str:
        """An article's source as the user sees it (stored: the one stored)."""
        values = self.values.get(article_id)
        return stored if values is None else values.fields.get("source", stored)

    def keeps(self, article_id: int) -> bool:
        values = self.values.get(article_id)
        return self.with_hidden or values is None or not values.hidden

    def article(self, row: tuple) -> tuple | None:
        values = self.values.get(row[_A["id"]])
        if values is None:
            return (*row, "", "", False)
        if values.hidden and not self.with_hidden:
            return None
        fields = list(row)
        for name in ("title", "source"):
            if name in values.fields:
                fields[_A[name]] = values.fields[name]
        if values.published is not None:
            fields[_A["published"]] = values.published.value
            fields[_A["published_start"]] = values.published.start
        return (*fields, "; ".join(values.tags), values.note, values.hidden)

    def event(self, row: tuple) -> tuple | None:
        values = self.values.get(row[_E["article_id"]])
        if values is None:
            return (*row, "computed", "", False)
        if values.hidden and not self.with_hidden:
            return None
        fields = list(row)
        origin = "computed"
        span = (row[_E["span_start"]], row[_E["span_end"]])
        date = None
        hidden = values.hidden  # (true with the hidden only: else None above)
        if row[_E["kind"]] == "published":
            date = values.published
        elif span[0] is not None:
            hidden = hidden or span in values.hidden_mentions
            if hidden and not self.with_hidden:
                return None
            fix = values.correction_at(*span)
            if fix is not None:
                if fix.date is None:
                    return None  # the user said it is not a date
                date = fix.date
        if date is not None:
            fields[_E["start"]], fields[_E["end"]] = date.start, date.end
            fields[_E["granularity"]], fields[_E["value"]] = date.granularity, date.value
            origin = "corrected"
        if row[_E["kind"]] == "published" and "title" in values.fields:
            # A publication's label is its article's title: the corrected one.
            fields[_E["label"]] = values.fields["title"]
        if len(fields) > len(EVENT_COLUMNS):  # the article's title and source follow
            title, source = len(EVENT_COLUMNS), len(EVENT_COLUMNS) + 1
            fields[title] = values.fields.get("title", fields[title])
            fields[source] = values.fields.get("source", fields[source])
        tags = [*values.mention_tags.get(span, [])] if span[0] is not None else []
        return (*fields, origin, "; ".join(dict.fromkeys(tags + values.tags)), hidden)

    def added_events(self, ids: list[int] | None) -> list[tuple]:
        """Rows of the events the user added to the chosen articles (every one when ids is
        None), and the standalone ones the selection chooses: id negative, kind
        'mentioned', origin 'added'; then the publications the user gave undated articles (store.edits.dated_by_user):
        kind 'published', origin 'corrected'."""
        chosen = None if ids is None else set(ids)
        rows = []
        found: list[tuple[int | None, user.ArticleUserValues | None, user.UserEvent]] = [
            (v.article_id, v, e) for v in self.values.values() for e in v.added
        ]
        found += [(None, None, e) for e in self._standalone]
        for article_id, values, event in found:
            if chosen is not None and article_id is not None and article_id not in chosen:
                continue
            hidden = event.id in self.hidden_added or (values is not None and values.hidden)
            if (hidden and not self.with_hidden) or not self.meets(
                event.date.start, event.date.end
            ):
                continue
            title = source = ""
            if values is not None:
                title, source = self._article_title_source(values)
            tags = self.added_tags.get(event.id, []) + (values.tags if values else [])
            rows.append(
                (
                    -event.id,
                    article_id,
                    "mentioned",
                    event.date.start,
                    event.date.end,
                    event.date.granularity,
                    event.date.value,
                    event.label,
                    None,
                    None,
                    1.0,
                    title,
                    source,
                    "added",
                    "; ".join(dict.fromkeys(tags)),
                    hidden,
                )
            )
        for article_id, date in self._dated:
            values = self.values.get(article_id)
            if chosen is not None and article_id not in chosen:
                continue
            if (values is not None and values.hidden and not self.with_hidden) or not self.meets(
                date.start, date.end
            ):
                continue
            title = source = ""
            if values is not None:
                title, source = self._article_title_source(values)
            rows.append(
                (
                    user.publication_event_id(article_id),
                    article_id,
                    "published",
                    date.start,
                    date.end,
                    date.granularity,
                    date.value,
                    title,
                    None,
                    None,
                    1.0,
                    title,
                    source,
                    "corrected",
                    "; ".join(values.tags) if values is not None else "",
                    values is not None and values.hidden,
                )
            )
        return rows

    def redated(self, ids: list[int] | None) -> list[int]:
        """Of the chosen articles (None: every one), those whose publication or mention
        dates the user corrected, sorted."""
        chosen = None if ids is None else set(ids)
        return sorted(
            a
            for a, v in self.values.items()
            if (v.published is not None or v.mentions) and (chosen is None or a in chosen)
        )

    def meets(self, start: int | None, end: int | None) -> bool:
        """Whether an event of this (start, end) meets the chosen range (any, without one)."""
        first, last = self._range
        if first is None and last is None:
            return True
        if start is None:
            return False
        after = end if end is not None else start + 1
        return (first is None or after > first) and (last is None or start < last)

    def _article_title_source(self, values: user.ArticleUserValues) -> tuple[str, str]:
        article = self._store.article(values.article_id)
        title = values.fields.get("title", article.title if article else "")
        source = values.fields.get("source", article.source if article else "")
        return title, source
