"""CSV and JSON Lines of articles or of events: every stored column, one row each.

The user's values win (a corrected date, title or source is written in its column),
hidden articles and events are left out, added events come last with negative ids, and
after the stored columns come the user's: an article's tags, note and whether it is
hidden (true only in an export with the hidden; the CSV and workbook importers read it
back from the program's own), an event's origin (computed, corrected or added), tags and
whether it is hidden (its own mark or its article's; true only in an export with the
hidden).

Articles written as JSON Lines are read back by the JSON Lines importer (its keys are
the store's column names, and it ignores the ones it does not take), with what the user
said that the columns do not hold (added events, mentions' marks, tag colours: as the
TimelineJS export carries them); CSV rows and a workbook's have the same columns, that
last part as four columns of JSON text (timelinejs.CARRIED_KEYS), which the CSV and
workbook importers read back from the program's own.  A CSV is for spreadsheets, which
take a cell starting with '=', '+', '-', '@' or a tab as a formula (a page's title of
=HYPERLINK(...) becomes a live link): such a text cell is written after an apostrophe,
which the CSV importer removes again from the program's own exports.  JSON Lines holds
every value exactly as stored.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from timeline.export.progress import ExportProgress, counted
from timeline.export.selection import (
    ARTICLE_EXTRA,
    EVENT_EXTRA,
    Selection,
    UserView,
    article_ids,
    shown_events,
)
from timeline.ingest.timelinejs import (
    ADDED_KEY,
    CARRIED_KEYS,
    COLOURS_KEY,
    STANDALONE_KEY,
    USER_KEY,
)
from timeline.store import Store
from timeline.store.export_data import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    export_articles,
)
from timeline.text.safe import spreadsheet_safe


def table_rows(
    store: Store,
    selection: Selection,
    what: str,
    view: UserView | None = None,
    *,
    carried: bool = False,
) -> tuple[tuple[str, ...], Iterable]:
    """The columns and the rows, as the user sees them (view: selection.UserView); with
    carried, an article's row ends in what the user said beyond its columns (CARRIED_KEYS,
    each a cell of JSON text, empty where it says nothing), as a table holds it."""
    ids = article_ids(store, selection)
    view = view or UserView(store, selection)
    if what == "articles":
        shown = (view.article(row) for row in export_articles(store, ids))
        columns = (*ARTICLE_COLUMNS, *ARTICLE_EXTRA)
        rows = (row for row in shown if row is not None)
        if carried:
            return (*columns, *CARRIED_KEYS), _with_carried(columns, rows, view)
        return columns, rows
    width = len(EVENT_COLUMNS)
    events = shown_events(store, selection, ids, view)
    rows = ((*row[:width], *row[-len(EVENT_EXTRA) :]) for row in events)
    return (*EVENT_COLUMNS, *EVENT_EXTRA), rows


def write_csv(
    store: Store,
    selection: Selection,
    out: TextIO,
    what: str,
    progress: ExportProgress | None = None,
) -> int:
    """Write the chosen articles or events ('articles' | 'events') as CSV; returns rows."""
    columns, rows = table_rows(store, selection, what, carried=True)
    rows = counted(rows, progress)
    writer = csv.writer(out, lineterminator="\n")
    # Python's writer quotes a field holding its line terminator's characters, not one
    # holding a bare carriage return, which every reader (Python's among them) takes for
    # the end of a line: a text with one split its row in two.  A row holding one is
    # written with every field quoted (the rest as before).
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(columns)
    count = 0
    for row in rows:
        cells = ["" if v is None else spreadsheet_safe(v) if isinstance(v, str) else v for v in row]
        if any(isinstance(v, str) and "\r" in v for v in cells):
            quoted.writerow(cells)
        else:
            writer.writerow(cells)
        count += 1
    return count


def write_jsonl(
    store: Store,
    selection: Selection,
    out: TextIO,
    what: str,
    progress: ExportProgress | None = None,
) -> int:
    """Write the chosen articles or events as JSON Lines (null for NULL); returns rows.

    An article's line also carries what the user said of it that its columns do not
    (the events added to it, its mentions' corrections, hidden marks and tags: _carry),
    as the TimelineJS export does, so that an import here says it again; the first line
    the standalone events the selection chooses and the tags' colours."""
    import orjson

    view = UserView(store, selection)
    columns, rows = table_rows(store, selection, what, view)
    rows = counted(rows, progress)
    count = 0
    dumps = orjson.dumps
    for row in rows:
        record = dict(zip(columns, row, strict=True))
        if what == "articles":
            _carry(record, view, first=count == 0)
        out.write(_one_line(dumps(record).decode("utf-8")))
        out.write("\n")
        count += 1
    return count


# Line ends to str.splitlines that JSON lets stand raw in a string (only there: no
# other JSON holds them), with their escapes.
_LINE_ENDS = (("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("\x85", "\\u0085"))


def _one_line(line: str) -> str:
    """A JSON line with the characters str.splitlines ends a line at escaped (NEL,
    U+2028, U+2029): a record is one line for any reader, and the same JSON."""
    for end, escape in _LINE_ENDS:
        if end in line:
            line = line.replace(end, escape)
    return line


def _with_carried(columns: tuple[str, ...], rows: Iterable, view: UserView) -> Iterable:
    """Each article's row and, after it, what _carry puts on its record, a cell of JSON
    text each (None where it says nothing)."""
    import orjson

    for count, row in enumerate(rows):
        record = dict(zip(columns, row, strict=True))
        _carry(record, view, first=count == 0)
        said = (record.get(key) for key in CARRIED_KEYS)
        yield (*row, *(None if value is None else orjson.dumps(value).decode() for value in said))


def _carry(record: dict[str, Any], view: UserView, *, first: bool) -> None:
    """Put on an article's record what the importer reads back of the user's own
    (ingest.timelinejs's keys, which the JSON Lines reader takes too)."""
    said = view.said_of(record["id"], record["body"] or "")
    if said:
        record[USER_KEY] = said
    added = view.added_records(record["id"])
    if added:
        record[ADDED_KEY] = added
    if first:
        standalone = view.added_records(None)  # those the selection chooses
        if standalone:
            record[STANDALONE_KEY] = standalone
        colours = view.tag_colours()
        if colours:
            record[COLOURS_KEY] = colours
