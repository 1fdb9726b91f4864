"""The article list a slice at a time: the same order as chronological_ids."""

from __future__ import annotations

import random

import pytest

from timeline.store import Store
from timeline.store.listing import (
    chronological_row,
    chronological_slice,
    in_chronological_order,
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
    assert chronological_slice(store, 0, 10) == []


@pytest.mark.parametrize("share", [0.1, 0.5])
def test_hits_are_put_in_list_order(store: Store, share: float) -> None:
    _fill(store, 60)
    rng = random.Random(5)
    everything = store.chronological_ids()
    hits = rng.sample(everything, int(len(everything) * share))
    assert in_chronological_order(store, sorted(hits)) == [i for i in everything if i in hits]


@pytest.mark.parametrize(("offset", "limit"), [(0, 5), (7, 9), (30, 20), (31, 1), (45, 3)])
def test_slices_of_the_list(store: Store, offset: int, limit: int) -> None:
    _fill(store, 40)
    everything = store.chronological_ids()
    assert chronological_slice(store, offset, limit) == everything[offset : offset + limit]
