"""The article list read a page at a time: ids in chronological order, undated last.

The window's list shows a million articles without reading a million ids: it asks for
the page after the last row it has (keyset paging on the `articles_chronological`
index, so each page costs the same wherever it starts), and for the row an article
will have when something selects it further down.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from timeline.store.store import Store

_CHUNK = 500  # ids per IN (...) list

# (published_start, id) of a row; published_start is None for undated articles,
# which come after every dated one.
ListKey = tuple[int | None, int]


def chronological_page(
    store: Store, after: ListKey | None, limit: int
) -> list[tuple[int, int | None]]:
    """Up to `limit` (id, published_start) pairs following the row keyed `after`."""
    conn = store.db.conn
    rows: list[tuple[int, int | None]] = []
    if after is None or after[0] is not None:
        params: tuple[int | None, ...] = ()
        where = ""
        if after is not None:
            where, params = " AND (published_start, id) > (?, ?)", (after[0], after[1])
        rows = list(
            conn.execute(
                "SELECT id, published_start FROM articles WHERE published_start IS NOT NULL"
                + where
                + " ORDER BY published_start, id LIMIT ?",
                (*params, limit),
            )
        )
        after = None
    if len(rows) < limit:
        last_undated = after[1] if after is not None else -(1 << 62)
        rows += list(
            conn.execute(
                "SELECT id, NULL FROM articles WHERE published_start IS NULL AND id > ?"
                " ORDER BY id LIMIT ?",
                (last_undated, limit - len(rows)),
            )
        )
    return rows


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
