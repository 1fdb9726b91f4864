"""Which articles and events an export holds: a search, a source, a stretch of time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from timeline.store import Store
from timeline.store.export_data import export_events

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

    @property
    def everything(self) -> bool:
        return (
            not self.query.strip()
            and self.source is None
            and self.date_from is None
            and self.date_to is None
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
    from timeline.store.search import SearchError, matching_article_ids

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
    return [int(i) for i in ids]


def events(
    store: Store, selection: Selection, ids: list[int] | None, *, placed_only: bool = False
) -> Iterator[EventRow]:
    """The chosen articles' events (placed ones meeting the range when one is given)."""
    for row in export_events(
        store,
        ids,
        date_from=selection.date_from,
        date_to=selection.date_to,
        placed_only=placed_only,
    ):
        yield EventRow(*row)
