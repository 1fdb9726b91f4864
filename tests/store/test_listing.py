"""The article list a page at a time, by keyset: the same order as chronological_ids."""

from __future__ import annotations

import random

import numpy as np
import pytest

from timeline.store import Store, listing
from timeline.store.listing import (
    chronological_row,
    count_between,
    keys_after,
    keys_before,
    list_keys,
    order_of,
)


def _fill(store: Store, n: int) -> None:
    rng = random.Random(3)
    rows = []
    for i in range(1, n + 1):
        # Ties on published_start, and every fifth article undated.
        start = None if i % 5 == 0 else rng.choice([-3_000_000_000, 0, 86_400, 10**9])
        rows.append((i, f"u{i}", f"t{i}", "b", "now", start))
    store.db.conn.executemany(
        "INSERT INTO articles (id, uid, title, body, imported_at, published_start)"
        " VALUES (?,?,?,?,?,?)",
        rows,
    )


def test_row_of_an_article(store: Store) -> None:
    _fill(store, 40)
    ids = store.chronological_ids()
    assert [chronological_row(store, i) for i in ids] == list(range(len(ids)))
    assert chronological_row(store, 999) is None


def test_empty_store(store: Store) -> None:
    assert keys_after(store, None, 10) == []
    assert keys_before(store, (None, 5), 10) == []


@pytest.mark.parametrize(("offset", "limit"), [(0, 5), (7, 9), (30, 20), (31, 1), (39, 3), (40, 2)])
def test_pages_after_and_before_a_row(store: Store, offset: int, limit: int) -> None:
    """A page read after (or before) any row's key is the same slice of the whole list,
    across ties on published_start and from the dated into the undated."""
    _fill(store, 40)
    everything = store.chronological_ids()
    keys = list_keys(store, everything)
    after = None if offset == 0 else keys[everything[offset - 1]]
    assert [k[1] for k in keys_after(store, after, limit)] == everything[offset : offset + limit]
    if offset < len(everything):
        end = min(offset + limit, len(everything))
        nearest_first = [k[1] for k in keys_before(store, keys[everything[end - 1]], limit)]
        assert nearest_first == everything[max(0, end - 1 - limit) : end - 1][::-1]


@pytest.mark.parametrize("limit", [1, 5, 8, 9, 40, 50])
def test_keys_before_the_end_of_the_list(store: Store, limit: int) -> None:
    """None for the list's end: its last keys nearest first, the undated then the dated."""
    _fill(store, 40)
    everything = store.chronological_ids()
    assert [k[1] for k in keys_before(store, None, limit)] == everything[::-1][:limit]


def test_keys_say_the_place_in_the_list(store: Store) -> None:
    _fill(store, 12)
    keys = list_keys(store, [*store.chronological_ids(), 999])
    assert 999 not in keys
    assert all(keys[i] == (keys[i][0], i) for i in keys)
    assert {i for i, (start, _) in keys.items() if start is None} == {5, 10}


def test_articles_between_two_places_in_the_list(store: Store) -> None:
    _fill(store, 40)
    everything = store.chronological_ids()
    keys = list_keys(store, everything)
    rng = random.Random(9)
    for _ in range(60):
        lo, hi = sorted(rng.sample(range(-1, len(everything) + 1), 2))
        after = keys[everything[lo]] if 0 <= lo < len(everything) else None
        before = keys[everything[hi]] if hi < len(everything) else None
        assert count_between(store, after, before) == len(everything[lo + 1 : hi])


def test_the_article_map_counts_as_the_index_does(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's list counts the rows before an article it jumps to; in SQL that grew
    with the distance (112-175 ms of the GUI thread 2.2 million rows down at 3,880,000
    articles).  With the article map current it is counted there: the same answers for
    any two places, stored or not (ties, the undated, past either end)."""
    from timeline.store import search

    monkeypatch.setattr(search, "_MAP_CACHE", {})  # the map read here, not kept after
    _fill(store, 40)
    rng = random.Random(11)
    starts = [None, -(3 * 10**9) - 1, -(3 * 10**9), -1, 0, 1, 86_400, 10**9, 10**9 + 1, 2**40]
    places = [(rng.choice(starts), rng.randrange(0, 46)) for _ in range(150)]
    pairs = [(rng.choice([None, *places]), rng.choice([None, *places])) for _ in range(300)]
    by_sql = [count_between(store, after, before) for after, before in pairs]
    search.warm_article_map(store)

    def no_sql(*_args: object) -> int:
        raise AssertionError("counted in SQL")

    monkeypatch.setattr(listing, "_stored_count_between", no_sql)
    assert [search.count_between(store, after, before) for after, before in pairs] == by_sql
    store.db.conn.execute("UPDATE articles SET published_start = 5 WHERE id = 7")
    with pytest.raises(AssertionError, match="counted in SQL"):  # the map is not current
        search.count_between(store, None, None)


def _redated_fill(store: Store) -> list[int]:
    """_fill's 40 articles with some publication dates corrected by the user: first,
    among ties, last, and an undated one dated; their expected list order."""
    from timeline import edits

    _fill(store, 40)
    fixes = {3: "1800-01-01", 7: "1970-01-01", 11: "2030-01-01", 15: "1970-01-02", 2: "2030-01-01"}
    for article_id, typed in fixes.items():
        edits.correct_article(store, article_id, "published", typed)
    shown = {
        i: (start, i)
        for i, start in store.db.conn.execute("SELECT id, published_start FROM articles")
    }
    for article_id, typed in fixes.items():
        date = edits.read_date(typed)
        assert date is not None
        shown[article_id] = (date.start, article_id)
    expected = [k[1] for k in sorted(shown.values(), key=order_of)]
    assert expected != store.chronological_ids()  # some moved
    return expected


def test_the_list_is_in_the_order_of_the_dates_shown(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.store import search

    expected = _redated_fill(store)
    pages: list[int] = []
    key = None
    while page := keys_after(store, key, 3):
        pages += [k[1] for k in page]
        key = page[-1]
    assert pages == expected
    keys = list_keys(store, expected)
    backwards = [k[1] for k in keys_before(store, keys[expected[-1]], 100)]
    assert backwards == expected[-2::-1]
    assert [chronological_row(store, i) for i in expected] == list(range(len(expected)))
    rng = random.Random(5)
    for _ in range(60):
        a, b = sorted(rng.sample(range(len(expected)), 2))
        assert count_between(store, keys[expected[a]], keys[expected[b]]) == b - a - 1
    assert count_between(store, None, None) == len(expected)
    # The window's search hits and `timeline list`, in the same order.
    shuffled = np.array(rng.sample(expected, len(expected)), dtype=np.int64)
    assert search.in_list_order(store, shuffled).tolist() == expected
    monkeypatch.setattr(search, "_MAP_WORTH", 0)  # through the article map
    assert search.in_list_order(store, shuffled).tolist() == expected
    search.warm_article_map(store)  # counted in it, the dates shown moved as in SQL
    for _ in range(60):
        a, b = sorted(rng.sample(range(len(expected)), 2))
        assert search.count_between(store, keys[expected[a]], keys[expected[b]]) == b - a - 1
    assert search.in_list_order(store, shuffled[::2]).tolist() == [
        i for i in expected if i in set(shuffled[::2].tolist())
    ]
    monkeypatch.setattr(listing, "_CHUNK", 7)  # pages of 7 articles: moved ones on several
    shown = listing.in_shown_order(store, store.iter_articles(body=False))
    assert [a.id for a in shown] == expected
    assert [a.id for a in store.iter_articles(body=False)] == store.chronological_ids()


def test_corrected_dates_are_read_without_the_articles_rows(store: Store) -> None:
    """redated (read by every page of the list, several times after a date is
    corrected) reads no article's own row: published_start lies after the body there,
    and a long body's overflow pages were walked on each call."""
    import sqlite3

    _redated_fill(store)
    expected = {3, 7, 11, 15, 2}
    assert set(listing.redated(store)) == expected
    read: set[tuple[str, str]] = set()

    def note(action: int, table: str | None, column: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and table and column:
            read.add((table, column))
        return sqlite3.SQLITE_OK

    conn = store.db.conn
    conn.set_authorizer(note)
    try:
        moved = listing.redated(store)
    finally:
        conn.set_authorizer(None)
    assert set(moved) == expected
    assert {column for table, column in read if table == "articles"} <= {"id", "uid"}
