"""The article list a page at a time, by keyset: the same order as chronological_ids."""

from __future__ import annotations

import random

import pytest

from timeline.store import Store
from timeline.store.listing import (
    chronological_row,
    count_between,
    keys_after,
    keys_before,
    list_keys,
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
