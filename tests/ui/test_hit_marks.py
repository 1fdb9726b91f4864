"""A search's marks on the timeline's rows, made a slice at a time (timeline/ui/hit_marks.py)."""

from __future__ import annotations

import numpy as np
import pytest

from timeline.ui import hit_marks


@pytest.mark.parametrize("slice_rows", [1, 7, 1 << 18])
def test_the_rows_of_some_articles_are_those_isin_finds(
    monkeypatch: pytest.MonkeyPatch, slice_rows: int
) -> None:
    """Slices of the rows and of the wanted ids of any size, wanted ids out of the rows'
    range (below, above, negative) and repeated: the same rows as numpy.isin."""
    monkeypatch.setattr(hit_marks, "_SLICE", slice_rows)
    rng = np.random.default_rng(slice_rows)
    article_ids = rng.integers(5, 400, size=1000).astype(np.int32)
    wanted = np.concatenate([rng.integers(0, 600, size=150), [-3, 0, 4, 401, 10**7, 5, 5]]).astype(
        np.int64
    )
    rng.shuffle(wanted)
    expected = np.isin(article_ids, wanted)
    for bounds in (None, (int(article_ids.min()), int(article_ids.max()))):
        found = hit_marks.rows_of_articles(article_ids, wanted, bounds)
        assert found.tolist() == expected.tolist()
    marks = hit_marks.hit_marks(object(), article_ids, wanted, None)
    assert marks.mask.tolist() == expected.tolist()
    chosen = ~expected if marks.others else expected
    assert marks.rows.tolist() == np.flatnonzero(chosen).tolist()


def test_hits_in_32_bits_are_marked_without_a_64_bit_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A search's hits in 32 bits are looked up as they are (a 64-bit copy of a common
    word's was 18 MB at the search's peak at 3,880,000 articles), with the same rows."""
    article_ids = np.arange(1, 200, dtype=np.int32).repeat(2)
    hits = np.arange(1, 200, 3, dtype=np.int32)
    made: list[np.ndarray] = []
    asarray = np.asarray

    def watched(values: object, *args: object, **kwargs: object) -> np.ndarray:
        out = asarray(values, *args, **kwargs)  # type: ignore[call-overload]
        if out is not values:
            made.append(out)
        return out

    monkeypatch.setattr(hit_marks.np, "asarray", watched)
    found = hit_marks.rows_of_articles(article_ids, hits, None)
    monkeypatch.undo()
    assert found.tolist() == np.isin(article_ids, hits).tolist()
    assert made == []


def test_hits_less_some_ids_are_those_isin_leaves_cut_in_their_own_buffer() -> None:
    # A hide under a common word's search took the hidden article out of the hits by
    # numpy.isin's mask and a copy: three passes and new pages over 2,278,641 hits.  Now
    # each id is found by a binary search and the hits cut where they are.
    rng = np.random.default_rng(7)
    for case in range(400):
        n = int(rng.integers(0, 200))
        hits = np.sort(rng.choice(1000, n, replace=False)).astype(rng.choice([np.int64, np.int32]))
        gone = set(rng.choice(1000, int(rng.integers(0, 6)), replace=False).tolist())
        gone |= set(rng.choice(hits, min(n, int(rng.integers(0, 4))), replace=False).tolist())
        expected = hits[~np.isin(hits, list(gone))].tolist()
        mine = hits.copy()
        left = hit_marks.hits_less(mine, gone)
        assert left.tolist() == expected and left.dtype == hits.dtype, case
        assert not len(left) or np.shares_memory(left, mine), case
        if not gone & set(hits.tolist()):
            assert left is mine, case  # none of them a hit: the same hits


@pytest.mark.parametrize("dtype", [np.int32, np.int64])
def test_each_story_once_is_the_rule_of_a_dictionary_in_the_hits_type(dtype: type) -> None:
    """shown_once by tables of the ids: each copy in its stand-in's place, each where it
    first comes (as a dictionary of the copies gives), in the hits' own type."""
    rng = np.random.default_rng(11)
    for _ in range(300):
        ids = rng.permutation(np.arange(1, 60))[: rng.integers(0, 45)].astype(dtype)
        later = rng.permutation(np.arange(1, 60))[: rng.integers(0, 25)]
        earliest = {int(a): int(rng.integers(1, 60)) for a in later}
        earliest = {a: b for a, b in earliest.items() if a != b and b not in earliest}
        keys = np.array(sorted(earliest), dtype=np.int64)
        copies = np.array([earliest[int(k)] for k in keys], dtype=np.int64)
        shown = hit_marks.shown_once(ids, (keys, copies))
        assert shown.tolist() == list(dict.fromkeys(earliest.get(int(i), int(i)) for i in ids))
        assert shown.dtype == ids.dtype


def test_a_stand_in_past_the_hits_type_widens_them() -> None:
    """A stand-in that 32 bits cannot hold is never cut to fit: the hits are made 64-bit."""
    ids = np.array([3, 1, 2], dtype=np.int32)
    keys, copies = np.array([1], dtype=np.int64), np.array([1 << 40], dtype=np.int64)
    shown = hit_marks.shown_once(ids, (keys, copies))
    assert shown.tolist() == [3, 1 << 40, 2]
    assert shown.dtype == np.int64


def test_each_story_once_of_many_hits_makes_few_temporaries() -> None:
    """Two million hits in 32 bits, a twentieth of them copies: beside the hits kept,
    tables and masks of a byte an id.  numpy's isin over every hit made each in range
    the size of a pointer (and the callers had made them 64-bit first: 18 MB at a
    search's peak with each story once, at 3,880,000 articles)."""
    import tracemalloc

    ids = np.arange(1, 2_000_001, dtype=np.int32)
    keys = np.arange(20, 2_000_001, 20, dtype=np.int64)
    tracemalloc.start()
    try:
        shown = hit_marks.shown_once(ids, (keys, keys - 1))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(shown) == len(ids) - len(keys) and shown.dtype == np.int32
    assert peak < shown.nbytes + 14_000_000, peak  # old: the hits kept and 24.8 MB more
