"""CSV and JSON Lines of articles or of events: every stored column, one row each.

Articles written as JSON Lines are read back by the JSON Lines importer (its keys are
the store's column names, and it ignores the ones it does not take); CSV rows have the
same keys.  Values are written as stored: a CSV opened in a spreadsheet shows text that
starts with '=' as a formula only if the user asks it to evaluate one.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from timeline.export.selection import Selection, article_ids, events
from timeline.store import Store
from timeline.store.export_data import ARTICLE_COLUMNS, EVENT_COLUMNS, export_articles


def _rows(store: Store, selection: Selection, what: str) -> tuple[tuple[str, ...], Iterable]:
    ids = article_ids(store, selection)
    if what == "articles":
        return ARTICLE_COLUMNS, export_articles(store, ids)
    width = len(EVENT_COLUMNS)
    return EVENT_COLUMNS, (row[:width] for row in events(store, selection, ids))


def write_csv(store: Store, selection: Selection, out: TextIO, what: str) -> int:
    """Write the chosen articles or events ('articles' | 'events') as CSV; returns rows."""
    columns, rows = _rows(store, selection, what)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
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
