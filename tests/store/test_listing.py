"""The article list a page at a time: the same order as chronological_ids, any page size."""

from __future__ import annotations

import random

import pytest

from timeline.store import Store
from timeline.store.listing import (
    ListKey,
    chronological_page,
    chronological_row,
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


@pytest.mark.parametrize("page", [1, 3, 7, 50])
def test_pages_follow_the_chronological_order(store: Store, page: int) -> None:
    _fill(store, 40)
    shown: list[int] = []
    after: ListKey | None = None
    while True:
        rows = chronological_page(store, after, page)
        assert len(rows) <= page
        if not rows:
            break
        shown += [article_id for article_id, _ in rows]
        after = (rows[-1][1], rows[-1][0])
    assert shown == store.chronological_ids()


def test_row_of_an_article(store: Store) -> None:
    _fill(store, 40)
    ids = store.chronological_ids()
    assert [chronological_row(store, i) for i in ids] == list(range(len(ids)))
    assert chronological_row(store, 999) is None


def test_empty_store(store: Store) -> None:
    assert chronological_page(store, None, 10) == []


@pytest.mark.parametrize("share", [0.1, 0.5])
def test_hits_are_put_in_list_order(store: Store, share: float) -> None:
    _fill(store, 60)
    rng = random.Random(5)
    everything = store.chronological_ids()
    hits = rng.sample(everything, int(len(everything) * share))
    assert in_chronological_order(store, sorted(hits)) == [i for i in everything if i in hits]
