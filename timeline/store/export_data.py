"""What the exporters read from a Store: every stored column of articles and events."""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from timeline.store.store import Store

# Every stored column, in table order: CSV and JSON Lines write them all.
ARTICLE_COLUMNS = (
    "id",
    "uid",
    "title",
    "body",
    "source",
    "url",
    "author",
    "caption",
    "credit",
    "lang",
    "published",
    "published_start",
    "published_raw",
    "origin",
    "imported_at",
    "body_kind",
    "captured",
)
EVENT_COLUMNS = (
    "id",
    "article_id",
    "kind",
    "start",
    "end",
    "granularity",
    "value",
    "label",
    "span_start",
    "span_end",
    "confidence",
)
_CHUNK = 500
_ID_TABLES = itertools.count()  # names of the temporary tables of chosen ids


def _quoted(columns: Sequence[str], alias: str) -> str:
    return ", ".join(f'{alias}."{c}"' for c in columns)


def _rows(cursor: Any, size: int = 5000) -> Iterator[tuple]:
    # In batches: the store's cursor checks each fetch for damage, a Python call per row
    # when iterated (a third of a 100,000-event export's time).
    while batch := cursor.fetchmany(size):
        yield from batch


# Articles are fetched fewer at a time: a row holds a body of up to 10 million
# characters, and 5,000 bodies of 300-page reports (a megabyte each) would be 10 GB.
_ARTICLE_BATCH = 32


def _id_chunks(ids: Sequence[int] | None) -> Iterator[list[int] | None]:
    if ids is None:
        yield None
        return
    for first in range(0, len(ids), _CHUNK):
        yield [int(i) for i in ids[first : first + _CHUNK]]


def export_articles(store: Store, ids: Sequence[int] | None = None) -> Iterator[tuple]:
    """Rows of ARTICLE_COLUMNS: the articles with these ids (every one when None), by id."""
    select = f"SELECT {_quoted(ARTICLE_COLUMNS, 'a')} FROM articles a"
    for chunk in _id_chunks(ids):
        if chunk is None:
            yield from _rows(store.db.conn.execute(select + " ORDER BY a.id"), _ARTICLE_BATCH)
        else:
            marks = ",".join("?" * len(chunk))
            query = f"{select} WHERE a.id IN ({marks}) ORDER BY a.id"
            yield from _rows(store.db.conn.execute(query, chunk), _ARTICLE_BATCH)


def article_sources(store: Store, ids: Sequence[int]) -> Iterator[tuple[int, str]]:
    """(id, source) of the articles with these ids (sorted), by id."""
    for chunk in _id_chunks(ids):
        assert chunk is not None
        marks = ",".join("?" * len(chunk))
        query = f"SELECT id, source FROM articles WHERE id IN ({marks}) ORDER BY id"
        yield from store.db.conn.execute(query, chunk)


def export_events(
    store: Store,
    article_ids: Sequence[int] | None = None,
    *,
    date_from: int | None = None,
    date_to: int | None = None,
    placed_only: bool = False,
    with_article: bool = True,
) -> Iterator[tuple]:
    """Rows of EVENT_COLUMNS plus the article's title and source, in start order.

    with_article=False leaves out the title and source (and the join that reads them).

    Only the events of these articles (all when None); with a range, only placed events
    that meet [date_from, date_to).  Unplaced events (durations, vague) come last.
    """
    clauses: list[str] = []
    params: list[object] = []
    if placed_only or date_from is not None or date_to is not None:
        clauses.append("e.start IS NOT NULL")
    if date_from is not None:
        clauses.append('coalesce(e."end", e.start + 1) > ?')
        params.append(date_from)
    if date_to is not None:
        clauses.append("e.start < ?")
        params.append(date_to)
    select = (
        f"SELECT {_quoted(EVENT_COLUMNS, 'e')}, a.title, a.source"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        if with_article
        else f"SELECT {_quoted(EVENT_COLUMNS, 'e')} FROM events e"
    )
    order = " ORDER BY e.start IS NULL, e.start, e.id"
    if article_ids is None:
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        yield from _rows(store.db.conn.execute(select + where + order, params))
        return
    # A temporary table of the ids keeps one query (and one start order) for any number.
    # The rows are read as they are asked for (fetched whole, a query choosing most of a
    # store held every event: 200 MB for 143,439), so the table is this call's own: two
    # reads may be open at once (a chronology reads the edited articles' events apart).
    conn = store.db.conn
    table = f"temp.export_ids_{next(_ID_TABLES)}"
    conn.execute(f"CREATE TEMP TABLE {table.partition('.')[2]} (id INTEGER PRIMARY KEY)")
    cursor = None
    try:
        conn.executemany(
            f"INSERT OR IGNORE INTO {table} (id) VALUES (?)", ((int(i),) for i in article_ids)
        )
        clauses.append(f"e.article_id IN (SELECT id FROM {table})")
        cursor = conn.execute(select + " WHERE " + " AND ".join(clauses) + order, params)
        yield from _rows(cursor)
    finally:  # read to the end, or let go of (a cancelled export, a reader gone)
        # (Let go of after the store closed, as when `| head` stops reading: there is
        # nothing left to close, and an error here was printed as "Exception ignored".)
        with contextlib.suppress(sqlite3.Error):
            if cursor is not None:
                cursor.close()
            conn.execute(f"DROP TABLE {table}")


def stated_ranges(store: Store, article_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """(start, end) of the range a file stated for each article that has one (kind 'stated')."""
    out: dict[int, tuple[int, int]] = {}
    for chunk in _id_chunks(article_ids):
        assert chunk is not None
        marks = ",".join("?" * len(chunk))
        for article_id, start, end in store.db.conn.execute(
            'SELECT article_id, start, "end" FROM events'
            f" WHERE kind = 'stated' AND article_id IN ({marks}) AND start IS NOT NULL",
            chunk,
        ):
            out[article_id] = (start, end if end is not None else start)
    return out


def undated_article_ids(store: Store) -> list[int]:
    """The ids of the articles stored without a publication date (the chronological
    index holds them first)."""
    return [
        int(r[0])
        for r in store.db.conn.execute("SELECT id FROM articles WHERE published_start IS NULL")
    ]


def article_urls(store: Store, ids: Sequence[int]) -> dict[int, str]:
    """The stored address of each of these articles that has one."""
    return _column_by_id(store, ids, "url", "url != '' AND ")


def article_uids(store: Store, ids: Sequence[int]) -> dict[int, str]:
    """The key (uid) of each of these articles the library holds."""
    return _column_by_id(store, ids, "uid")


def _column_by_id(
    store: Store, ids: Sequence[int], column: str, condition: str = ""
) -> dict[int, str]:
    """A column of each of these articles (that meets condition), by id, read in chunks."""
    found: dict[int, str] = {}
    for chunk in _id_chunks(sorted(set(ids))):
        assert chunk is not None
        marks = ",".join("?" * len(chunk))
        query = f"SELECT id, {column} FROM articles WHERE {condition}id IN ({marks})"
        found.update(store.db.conn.execute(query, chunk).fetchall())
    return found
