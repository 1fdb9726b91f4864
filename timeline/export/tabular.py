"""CSV and JSON Lines of articles or of events: every stored column, one row each.

The user's values win (a corrected date, title or source is written in its column),
hidden articles and events are left out, added events come last with negative ids, and
after the stored columns come the user's: an article's tags and note, an event's origin
(computed, corrected or added) and tags.

Articles written as JSON Lines are read back by the JSON Lines importer (its keys are
the store's column names, and it ignores the ones it does not take); CSV rows have the
same keys.  A CSV is for spreadsheets, which take a cell starting with '=', '+', '-',
'@' or a tab as a formula (a page's title of =HYPERLINK(...) becomes a live link): such a
text cell is written after an apostrophe, which the CSV importer removes again from the
program's own exports.  JSON Lines holds every value exactly as stored.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from itertools import chain
from typing import TextIO

from timeline.export.selection import (
    ARTICLE_EXTRA,
    EVENT_EXTRA,
    Selection,
    UserView,
    article_ids,
)
from timeline.store import Store
from timeline.store.export_data import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    export_articles,
    export_events,
)
from timeline.text.safe import spreadsheet_safe


def _rows(store: Store, selection: Selection, what: str) -> tuple[tuple[str, ...], Iterable]:
    """The columns and the rows, as the user sees them (selection.UserView)."""
    ids = article_ids(store, selection)
    view = UserView(store, selection)
    if what == "articles":
        shown = (view.article(row) for row in export_articles(store, ids))
        return (*ARTICLE_COLUMNS, *ARTICLE_EXTRA), (row for row in shown if row is not None)
    width = len(EVENT_COLUMNS)
    stored = export_events(store, ids, date_from=selection.date_from, date_to=selection.date_to)
    events = (view.event(row) for row in stored)
    kept = (row for row in events if row is not None)
    rows = (
        (*row[:width], *row[-len(EVENT_EXTRA) :]) for row in chain(kept, view.added_events(ids))
    )
    return (*EVENT_COLUMNS, *EVENT_EXTRA), rows


def write_csv(store: Store, selection: Selection, out: TextIO, what: str) -> int:
    """Write the chosen articles or events ('articles' | 'events') as CSV; returns rows."""
    columns, rows = _rows(store, selection, what)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow(
            ["" if v is None else spreadsheet_safe(v) if isinstance(v, str) else v for v in row]
        )
        count += 1
    return count


def write_jsonl(store: Store, selection: Selection, out: TextIO, what: str) -> int:
    """Write the chosen articles or events as JSON Lines (null for NULL); returns rows."""
    import orjson

    columns, rows = _rows(store, selection, what)
    count = 0
    dumps = orjson.dumps
    for row in rows:
        out.write(dumps(dict(zip(columns, row, strict=True))).decode("utf-8"))
        out.write("\n")
        count += 1
    return count
