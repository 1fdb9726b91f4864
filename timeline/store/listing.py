"""The article list read a page at a time: ids in chronological order, undated last.

The window's list shows a million articles without reading a million ids: it asks for
the ids of the rows it shows (a slice of the `articles_chronological` index), and for
the row an article has when something selects it further down.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from timeline.store.store import Store

_CHUNK = 500  # ids per IN (...) list


def chronological_row(store: Store, article_id: int) -> int | None:
    """The row of an article in the whole chronological list, or None if there is none."""
    conn = store.db.conn
    found = conn.execute(
        "SELECT published_start FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if found is None:
        return None
    (start,) = found
    dated = "SELECT count(*) FROM articles WHERE published_start IS NOT NULL"
    if start is not None:
        sql = dated + " AND (published_start, id) < (?, ?)"
        return int(conn.execute(sql, (start, article_id)).fetchone()[0])
    before = conn.execute(
        "SELECT count(*) FROM articles WHERE published_start IS NULL AND id < ?", (article_id,)
    ).fetchone()[0]
    return int(conn.execute(dated).fetchone()[0]) + int(before)


def in_chronological_order(store: Store, ids: Sequence[int]) -> list[int]:
    """The given article ids in list order (as chronological_ids), reading only those rows.

    A search's hits are ordered here, off the GUI thread: reading every id in order and
    keeping the hits costs the whole table (1.2 s for half a million articles) when a
    word matches a few thousand.
    """
    wanted = [int(i) for i in ids]
    if len(wanted) * 4 > store.count_articles():
        hits = set(wanted)
        return [i for i in store.chronological_ids() if i in hits]
    found_ids: list[int] = []
    starts: list[int] = []
    undated: list[bool] = []
    conn = store.db.conn
    for first in range(0, len(wanted), _CHUNK):
        chunk = wanted[first : first + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for article_id, start in conn.execute(
            f"SELECT id, published_start FROM articles WHERE id IN ({marks})", chunk
        ):
            found_ids.append(article_id)
            starts.append(0 if start is None else start)
            undated.append(start is None)
    id_array = np.array(found_ids, dtype=np.int64)
    order = np.lexsort((id_array, np.array(starts, dtype=np.int64), np.array(undated)))
    return [int(i) for i in id_array[order]]


def chronological_slice(store: Store, offset: int, limit: int) -> list[int]:
    """Ids of rows [offset, offset + limit) of the whole chronological list.

    For a jump far down the list: the index is stepped through in SQLite (about 20 ms
    per 300,000 rows) instead of every id before it being read into Python.
    """
    conn = store.db.conn
    ids = [
        row[0]
        for row in conn.execute(
            "SELECT id FROM articles WHERE published_start IS NOT NULL"
            " ORDER BY published_start, id LIMIT ? OFFSET ?",
            (limit, offset),
        )
    ]
    if len(ids) < limit:
        undated_offset = 0
        if not ids:
            dated = conn.execute(
                "SELECT count(*) FROM articles WHERE published_start IS NOT NULL"
            ).fetchone()[0]
            undated_offset = offset - int(dated)
        ids += [
            row[0]
            for row in conn.execute(
                "SELECT id FROM articles WHERE published_start IS NULL ORDER BY id"
                " LIMIT ? OFFSET ?",
                (limit - len(ids), undated_offset),
            )
        ]
    return ids
