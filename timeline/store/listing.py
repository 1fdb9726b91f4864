"""The article list read a page at a time: ids in chronological order, undated last.

The window's list shows millions of articles without reading or counting them: it
reads the ids of the rows it shows by keyset paging on the `articles_chronological`
index (published_start, id): a page starts after a row whose place in the order (its
ListKey) the list already knows, so each page costs the same near the top as five
million rows down (LIMIT/OFFSET stepped through every row before the page, and a
count of the whole table grew with it). Only the row number of an article the list
has not reached is counted (count_between), from the nearest row it knows.  The
order is that of the dates shown: the few the user corrected are moved (redated).
"""

from __future__ import annotations

import functools
import heapq
import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.model import Article
    from timeline.store.store import Store

_CHUNK = 500  # ids per IN (...) list

# An article's place in the list: (published_start, id), published_start None for the
# undated, which come after every dated article, by id.
ListKey = tuple[int | None, int]


def published_starts(store: Store, ids: Iterable[int]) -> dict[int, int | None]:
    """Each stored article's publication (axis seconds; None when undated), by id."""
    wanted = sorted(set(ids))
    out: dict[int, int | None] = {}
    conn = store.db.conn
    for i in range(0, len(wanted), _CHUNK):
        part = wanted[i : i + _CHUNK]
        marks = ",".join("?" * len(part))
        # From the id map's small rows (one an article, kept in step by the index's
        # triggers): an article's own row holds published_start after its body.
        for a, p in conn.execute(
            f"SELECT article_id, published_start FROM article_search WHERE article_id IN ({marks})",
            part,
        ):
            out[int(a)] = None if p is None else int(p)
    return out


def order_of(key: ListKey) -> tuple[bool, int, int]:
    """A list key as a value that sorts in list order (the undated after the dated)."""
    return (key[0] is None, key[0] or 0, key[1])


def redated(store: Store) -> dict[int, tuple[ListKey, ListKey]]:
    """The articles whose publication date the user corrected: (stored key, shown key)
    by id.  The list is in the order of the dates shown; these few (said by hand) are
    taken from their stored places and put at their shown ones by each read below.

    The stored start comes from the id map's small row (as published_starts reads it),
    the id from the uid's index: an article's own row holds published_start after its
    body, and a 10 MB body's overflow pages were walked on every call (1.6-3.4 ms where
    0.01, and the list read again after a long article's date was corrected called this
    eight times on the GUI thread)."""
    out: dict[int, tuple[ListKey, ListKey]] = {}
    for article_id, stored, shown in store.db.conn.execute(
        "SELECT a.id, s.published_start, f.start FROM user_article_fields f"
        " CROSS JOIN articles a CROSS JOIN article_search s"
        " WHERE f.field = 'published' AND a.uid = f.article_uid AND s.article_id = a.id"
    ).fetchall():
        if stored != shown:
            out[int(article_id)] = ((stored, article_id), (shown, article_id))
    return out


def in_shown_order(store: Store, articles: Iterable[Article]) -> Iterator[Article]:
    """Articles in the stored list order (Store.iter_articles) in the order of the dates
    shown: the few the user re-dated (redated) at their corrected places.  Read as they
    are consumed: a page's keys at a time from the id map's small rows."""
    moved = redated(store)
    if not moved:
        yield from articles
        return
    taken: list[tuple[ListKey, Article]] = []
    for article_id, (_stored, shown) in moved.items():
        article = store.article(article_id, body_chars=0)
        if article is not None:
            taken.append((shown, article))
    taken.sort(key=lambda pair: order_of(pair[0]))

    def stored() -> Iterator[tuple[ListKey, Article]]:
        rows = iter(articles)
        while page := [a for a in itertools.islice(rows, _CHUNK) if a.id not in moved]:
            starts = published_starts(store, [a.id for a in page])
            yield from (((starts.get(a.id), a.id), a) for a in page)

    for _key, article in heapq.merge(stored(), taken, key=lambda pair: order_of(pair[0])):
        yield article


def list_keys(store: Store, ids: Iterable[int]) -> dict[int, ListKey]:
    """The list keys of these articles (those that exist), by the dates shown."""
    keys = {i: (start, i) for i, start in published_starts(store, ids).items()}
    for article_id, (_stored, shown) in redated(store).items():
        if article_id in keys:
            keys[article_id] = shown
    return keys


def _between(key: ListKey, after: ListKey | None, before: ListKey | None) -> bool:
    """Whether a key lies strictly between two places in the list (None: its ends)."""
    at = order_of(key)
    return (after is None or order_of(after) < at) and (before is None or at < order_of(before))


def keys_after(store: Store, key: ListKey | None, limit: int) -> list[ListKey]:
    """The keys of the next `limit` articles in list order after `key` (None: from the
    first), each page read straight off the index."""
    moved = redated(store)
    if not moved:
        return _stored_keys_after(store, key, limit)
    found = [k for k in _stored_keys_after(store, key, limit + len(moved)) if k[1] not in moved]
    found += [shown for _stored, shown in moved.values() if _between(shown, key, None)]
    return sorted(found, key=order_of)[:limit]


def keys_before(store: Store, key: ListKey | None, limit: int) -> list[ListKey]:
    """The keys of the `limit` articles before `key` in list order (None: the list's
    end), nearest first."""
    moved = redated(store)
    if not moved:
        return _stored_keys_before(store, key, limit)
    found = [k for k in _stored_keys_before(store, key, limit + len(moved)) if k[1] not in moved]
    found += [shown for _stored, shown in moved.values() if _between(shown, None, key)]
    return sorted(found, key=order_of, reverse=True)[:limit]


def _stored_keys_after(store: Store, key: ListKey | None, limit: int) -> list[ListKey]:
    """keys_after by the stored dates."""
    conn = store.db.conn
    found: list[ListKey] = []
    if key is None or key[0] is not None:
        if key is None:
            sql = "SELECT published_start, id FROM articles WHERE published_start IS NOT NULL"
            params: tuple = ()
        else:
            # The row value is sought on the index (published_start >= ?), ties by id.
            sql = (
                "SELECT published_start, id FROM articles WHERE published_start IS NOT NULL"
                " AND (published_start, id) > (?, ?)"
            )
            params = key
        rows = conn.execute(sql + " ORDER BY published_start, id LIMIT ?", (*params, limit))
        found = [(start, article_id) for start, article_id in rows]
        if len(found) == limit:
            return found
    after = -(2**63) if key is None or key[0] is not None else key[1]
    found += [
        (None, article_id)
        for (article_id,) in conn.execute(
            "SELECT id FROM articles WHERE published_start IS NULL AND id > ? ORDER BY id LIMIT ?",
            (after, limit - len(found)),
        )
    ]
    return found


def _stored_keys_before(store: Store, key: ListKey | None, limit: int) -> list[ListKey]:
    """keys_before by the stored dates."""
    conn = store.db.conn
    found: list[ListKey] = []
    params: tuple = ()
    if key is None or key[0] is None:
        below, under = ("", ()) if key is None else (" AND id < ?", (key[1],))
        found = [
            (None, article_id)
            for (article_id,) in conn.execute(
                f"SELECT id FROM articles WHERE published_start IS NULL{below}"
                " ORDER BY id DESC LIMIT ?",
                (*under, limit),
            )
        ]
        if len(found) == limit:
            return found
        sql = "SELECT published_start, id FROM articles WHERE published_start IS NOT NULL"
    else:
        sql = (
            "SELECT published_start, id FROM articles WHERE published_start IS NOT NULL"
            " AND (published_start, id) < (?, ?)"
        )
        params = key
    rows = conn.execute(
        sql + " ORDER BY published_start DESC, id DESC LIMIT ?", (*params, limit - len(found))
    )
    return found + [(start, article_id) for start, article_id in rows]


# How many articles lie strictly between two list keys by their stored dates.
StoredCount = Callable[[ListKey | None, ListKey | None], int]


def count_between(
    store: Store,
    after: ListKey | None,
    before: ListKey | None,
    stored_count: StoredCount | None = None,
) -> int:
    """How many articles lie strictly between two places in the list (None: its start,
    its end): a count over the index between them, which grows with their distance
    (about 0.35 s a million rows), so the list counts from the nearest row it knows;
    or stored_count's count by the stored dates when given (search.count_between gives the
    article map's, in memory)."""
    if stored_count is None:
        stored_count = functools.partial(_stored_count_between, store)
    total = stored_count(after, before)
    for stored, shown in redated(store).values():
        total += _between(shown, after, before) - _between(stored, after, before)
    return total


def _stored_count_between(store: Store, after: ListKey | None, before: ListKey | None) -> int:
    """count_between by the stored dates."""
    conn = store.db.conn
    total = 0
    if after is None or after[0] is not None:  # the dated part
        where = ["published_start IS NOT NULL"]
        params: list[int] = []
        if after is not None:
            where.append("(published_start, id) > (?, ?)")
            params += [after[0], after[1]]  # type: ignore[list-item]  # dated: an int
        if before is not None and before[0] is not None:
            where.append("(published_start, id) < (?, ?)")
            params += [before[0], before[1]]
        sql = "SELECT count(*) FROM articles WHERE " + " AND ".join(where)
        total += int(conn.execute(sql, params).fetchone()[0])
    if before is None or before[0] is None:  # the undated part, by id
        where = ["published_start IS NULL"]
        params = []
        if after is not None and after[0] is None:
            where.append("id > ?")
            params.append(after[1])
        if before is not None:
            where.append("id < ?")
            params.append(before[1])
        sql = "SELECT count(*) FROM articles WHERE " + " AND ".join(where)
        total += int(conn.execute(sql, params).fetchone()[0])
    return total


def chronological_rows_before(store: Store, key: ListKey) -> int:
    """How many articles come before `key` in the whole list."""
    return count_between(store, None, key)


def chronological_row(store: Store, article_id: int) -> int | None:
    """The row of an article in the whole chronological list, or None if there is none."""
    key = list_keys(store, [article_id]).get(article_id)
    return None if key is None else chronological_rows_before(store, key)
