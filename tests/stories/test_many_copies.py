"""One story copied many times over: the import's copy detection stays linear in time and
bounded in memory (a wire story in 2,000 records took 54 s and 470 MB)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.stories.texts import AGENCY
from timeline import library
from timeline.store import Store
from timeline.store import stories as story_store
from timeline.stories import copies


def _articles(store: Store, count: int) -> list[int]:
    path = store.path.parent / "wire.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            record = {"title": f"خبر {n}", "body": AGENCY, "published": "2015-08-02T09:00"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    library.import_paths(store, [path], copies=False)
    return [a.id for a in store.articles()]


def _clusters(store: Store) -> dict[int, int]:
    rows = store.db.conn.execute("SELECT article_id, cluster FROM story_copies")
    return {int(a): int(c) for a, c in rows}


def test_a_copy_joined_to_a_large_cluster_writes_its_own_row_alone(tmp_path: Path) -> None:
    """Each new copy rewrote its cluster's every row: 2,000 copies of one story wrote two
    million rows, the import growing with the square of the copies."""
    with Store(tmp_path / "t.db") as store:
        ids = _articles(store, 203)
        with store.transaction():
            for i in ids[1:200]:
                story_store.join_copies(store, i, [ids[0]])
            before = store.db.conn.total_changes
            assert story_store.join_copies(store, ids[200], [ids[3], ids[150]]) == ids[0]
            assert store.db.conn.total_changes - before == 1
        assert _clusters(store) == {i: ids[0] for i in ids[:201]}


def test_clusters_joined_by_a_copy_take_the_smallest_members_name(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        a = _articles(store, 8)
        with store.transaction():
            story_store.join_copies(store, a[5], [a[6]])
            story_store.join_copies(store, a[2], [a[3]])
            # A cluster whose name is no longer among its members (its article removed):
            # named again by its smallest member when it is joined.
            store.db.conn.execute(
                "UPDATE story_copies SET cluster = ? WHERE cluster = ?", (a[1], a[2])
            )
            assert story_store.join_copies(store, a[7], [a[6], a[3]]) == a[2]
        assert _clusters(store) == dict.fromkeys([a[2], a[3], a[5], a[6], a[7]], a[2])


def test_a_batch_of_one_story_makes_its_candidates_a_few_articles_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A batch of articles sharing their band keys made every (article, candidate) pair at
    once: 2,000 copies of a wire story, 6 million pairs, 411 MB."""
    index = copies.BandIndex()
    keys = list(range(20))
    index.add([(i, keys) for i in range(1, 51)])
    batch = [(i, keys) for i in range(51, 351)]
    whole = index.candidates(batch, per_key=100)
    made: list[int] = []
    sliced = copies._distinct_pairs

    def counted(held, owner, batch_other, batch_article, first, end):  # type: ignore[no-untyped-def]
        made.append(sum(int(take.sum()) for _ids, _low, take in held) + len(batch_article))
        return sliced(held, owner, batch_other, batch_article, first, end)

    monkeypatch.setattr(copies, "_distinct_pairs", counted)
    monkeypatch.setattr(copies, "_PAIRS_AT_ONCE", 10_000)
    assert index.candidates(batch, per_key=100) == whole
    assert len(made) > 50 and max(made) <= 10_000
    # Each key's 50 stored holders, then as many of the batch's earlier ones as 100 leaves.
    assert sum(made) == 20 * sum(50 + min(p, 50) for p in range(300))
    assert whole[0] == list(range(1, 51))
    assert whole[10] == list(range(1, 61))
    assert whole[-1] == list(range(1, 101))
