"""Each article's rows found by a search (store.article_rows), kept in step by edits."""

from __future__ import annotations

import time

import numpy as np
import pytest

from tests.edits.test_overlay import random_arrays, random_edit, rows_of
from tests.edits.test_survival import article_id, filled, mention, source_file  # noqa: F401
from timeline import edits
from timeline.store import Store
from timeline.store import edits as user
from timeline.store.article_rows import ArticleRows, sort_by_article
from timeline.store.timeline_data import ColumnRoom, EventArrays, load_event_arrays


def ready(index: ArticleRows | None) -> ArticleRows:
    """The index once its sort (on a thread of its own) has ended."""
    assert index is not None
    deadline = time.monotonic() + 10
    while not index.ready:
        assert time.monotonic() < deadline, "the rows were never sorted"
        time.sleep(0.001)
    return index


def assert_rows_found(arrays: EventArrays, articles: list[int]) -> None:
    """The index gives each article's rows as a pass over every row finds them."""
    index = ready(arrays.article_index)
    assert index.size == len(arrays)
    for a in articles:
        found = index.rows(a)
        assert found is not None
        assert found.tolist() == np.flatnonzero(arrays.article_ids == a).tolist()
        assert arrays.rows_of_article(a).tolist() == found.tolist()
    wanted = np.array(articles[:3], dtype=np.int64)
    assert user.article_rows(arrays, wanted).tolist() == (
        np.flatnonzero(np.isin(arrays.article_ids, wanted)).tolist()
    )


def test_rows_sorted_by_article_keep_row_order() -> None:
    rng = np.random.default_rng(3)
    for n in (0, 1, 7, 1000):
        ids = rng.integers(0, 20, n).astype("<i8")
        keys, rows = sort_by_article(ids)
        assert keys.tolist() == sorted(ids.tolist())
        assert rows.tolist() == np.argsort(ids, kind="stable").tolist()
    big = np.array([2**60, 3, 2**60, -1], dtype="<i8")  # too large for the one key
    keys, rows = sort_by_article(big)
    assert keys.tolist() == [-1, 3, 2**60, 2**60] and rows.tolist() == [3, 1, 0, 2]


def test_article_rows_follow_a_run_of_edits_as_sorted_anew(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Through 200 random edits, in the room and out of it, each article's rows by the
    index followed through the splices equal a fresh pass; sorted again after
    MAX_STEPS splices, they still do."""
    monkeypatch.setattr(user, "MAX_STEPS", 20)
    rng = np.random.default_rng(12)
    room = ColumnRoom(headroom=8)
    shown = random_arrays(rng, 300).alias()
    shown.article_index = ArticleRows.sorted_now(shown.article_ids)
    while not room.adopt_step(shown, step_rows=64):
        pass
    sorted_again = 0
    for step in range(200):
        out, new = random_edit(rng, shown, step)
        new.article_ids[:] = rng.integers(1, 11, len(new))  # old articles and new ones
        spliced = user._spliced(shown, out, new, room if step % 3 else None)
        if spliced is shown:
            continue
        index = spliced.article_index
        assert index is not None and index.steps >= 1
        assert_rows_found(spliced, list(range(0, 12)))
        if index.steps >= 20:
            user.keep_indexed(spliced)  # as the window does past MAX_STEPS (here 20)
            assert spliced.article_index is not index
            sorted_again += 1
        shown = spliced
    assert sorted_again >= 3


def test_the_touched_articles_rows_by_the_index_through_hide_add_undo_and_redo(
    filled: Store,  # noqa: F811
) -> None:
    """patch_overlay finds the touched rows by the indexes of the loaded and the shown
    arrays, kept in step by every edit: hide, unhide, an added event, a correction,
    undone and redone; the shown arrays equal a full overlay at each step."""
    base = load_event_arrays(filled)
    user.keep_indexed(base)
    shown = base.alias()
    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    articles = [*sorted(set(base.article_ids.tolist())), 0]
    truce = mention(filled, "حرب قديمة", "1954")
    steps = [
        lambda: edits.set_hidden(filled, edits.article_target(filled, other)),
        lambda: edits.add_event(filled, "1990/1991", "حرب الخليج", war)[1],
        lambda: edits.add_event(filled, "1967", "حرب حزيران")[1],
        lambda: edits.correct_mention(filled, truce, "1960"),
        lambda: edits.set_hidden(filled, edits.article_target(filled, war)),
        lambda: edits.set_hidden(filled, edits.article_target(filled, war), hidden=False),
    ]
    made: list[list[user.Change]] = []
    followed = 0

    def patched(changes: list[user.Change]) -> None:
        nonlocal shown, followed
        touched = user.touched_articles(filled, changes)
        before = shown
        shown, _ = user.patch_overlay(filled, base, shown, touched)
        if shown is not before:
            index = shown.article_index
            assert index is not None and index.steps == before.article_index.steps + 1
            followed += 1
        assert_rows_found(shown, articles)
        full = user.overlay_arrays(filled, base)
        assert rows_of(shown) == rows_of(full)  # the same rows (ties in any order)

    for step in steps:
        made.append(step())
        patched(made[-1])
    for changes in reversed(made):  # undone
        edits.undo(filled, changes)
        patched([c.inverse() for c in reversed(changes)])
    for changes in made:  # and redone
        edits.redo(filled, changes)
        patched(changes)
    assert followed >= 12
    ready(base.article_index)
    assert base.article_index.steps == 0  # the loaded arrays' rows never move


def test_rows_are_found_by_a_pass_until_the_sort_has_ended() -> None:
    """An index still being sorted answers nothing: the rows are found as before."""
    from timeline.store import article_rows

    rng = np.random.default_rng(5)
    arrays = random_arrays(rng, 50)
    pending = ArticleRows(article_rows._Sorted(), size=len(arrays))
    arrays.article_index = pending
    assert pending.rows(3) is None and not pending.ready
    assert arrays.rows_of_article(3).tolist() == np.flatnonzero(arrays.article_ids == 3).tolist()
    wanted = np.array([1, 2], dtype=np.int64)
    assert user.article_rows(arrays, wanted).tolist() == (
        np.flatnonzero(np.isin(arrays.article_ids, wanted)).tolist()
    )


def test_the_index_says_it_is_sorting_while_its_thread_runs_and_not_after_a_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """sorting: a caller may wait for the rows while the sort runs (the window's hand-over
    at millions of events), never for a sort that failed (its rows come by passes)."""
    import threading

    from timeline.store import article_rows

    gate = threading.Event()
    real = article_rows._sorted

    def held(job: list) -> article_rows.Made:
        assert gate.wait(10)
        return real(job)

    monkeypatch.setattr(article_rows, "_sorted", held)
    article_ids = np.array([3, 1, 3, 2], dtype=np.int32)
    index = ArticleRows.sort_later(article_ids)
    assert index.sorting and not index.ready and index.rows(3) is None
    gate.set()
    ready(index)
    assert not index.sorting and index.rows(3).tolist() == [0, 2]
    assert not ArticleRows.sorted_now(article_ids).sorting

    def failed(job: list) -> article_rows.Made:
        raise MemoryError

    monkeypatch.setattr(article_rows, "_sorted", failed)
    monkeypatch.setattr(threading, "excepthook", lambda args: None)  # the failure expected
    index = ArticleRows.sort_later(article_ids)
    deadline = time.monotonic() + 10
    while index.sorting:
        assert time.monotonic() < deadline, "a failed sort still said it was sorting"
        time.sleep(0.001)
    assert not index.ready and index.rows(3) is None


def test_the_index_keeps_four_bytes_a_row_and_an_id_an_article() -> None:
    """The index held an article id beside every row (8 bytes a row, 80 MB at ten million
    events): an article's rows are one run, so it keeps each id once with where its run
    begins, and the rows in the first half of the sort's own pages (the rest given
    back); every article's rows are still those a pass finds."""
    from timeline.store.article_rows import _keys, _sorted

    rng = np.random.default_rng(11)
    for n in (1, 5, 70_000, 600_000):  # past a page, and past a slice of the split
        article_ids = rng.integers(1, max(n // 20, 2), n).astype("<i4")
        job = _keys(article_ids)
        assert job is not None
        ids, bounds, rows = _sorted(job)
        assert rows.dtype == np.int32 and rows.nbytes == 4 * n
        assert ids.tolist() == np.unique(article_ids).tolist() and len(bounds) == len(ids) + 1
        assert rows.tolist() == np.argsort(article_ids, kind="stable").tolist()
        for k in rng.integers(0, len(ids), 5).tolist():
            mine = rows[bounds[k] : bounds[k + 1]]
            assert mine.tolist() == np.flatnonzero(article_ids == ids[k]).tolist()


def test_the_index_keeps_ids_and_run_starts_in_four_bytes_where_they_fit() -> None:
    """At 3,880,000 articles the ids and run starts in eight bytes each were 59 MB of
    the window's memory; in four, 30.  Ids past 32 bits keep eight, and a look-up of an
    id past the column's type finds no rows."""
    from timeline.store.article_rows import _keys, _sorted

    article_ids = np.array([7, 3, 7, 3, 9], dtype=np.int64)
    job = _keys(article_ids)
    assert job is not None
    index = ArticleRows(article_rows_made(_sorted(job)), size=5)
    ids, bounds, _ = index._made.made  # type: ignore[misc]
    assert ids.dtype == np.int32 and bounds.dtype == np.int32
    assert index.rows(7).tolist() == [0, 2] and index.rows(np.int64(3)).tolist() == [1, 3]
    assert index.rows(1 << 40).tolist() == [] and index.rows(-(1 << 40)).tolist() == []
    wide = ArticleRows.sorted_now(np.array([1 << 40, 5, 1 << 40], dtype=np.int64))
    assert wide.rows(1 << 40).tolist() == [0, 2] and wide.rows(5).tolist() == [1]


def test_the_sort_makes_its_ids_and_run_starts_without_64_bit_copies() -> None:
    """Each article's id and run start were made whole in 64 bits, then narrowed: 24
    bytes an article at the sort's peak (93 MB at 3,880,000 articles, at the peak of the
    window's reload).  Made a slice at a time in the types kept: about 10, near the 8
    it keeps (the keys are pages of their own, not the heap's)."""
    import tracemalloc

    from timeline.store.article_rows import _keys, _sorted

    articles = 1_000_000
    article_ids = np.repeat(np.arange(1, articles + 1, dtype=np.int32), 2)
    job = _keys(article_ids)
    assert job is not None
    tracemalloc.start()
    try:
        ids, bounds, rows = _sorted(job)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert ids.dtype == np.int32 and bounds.dtype == np.int32
    assert ids[:3].tolist() == [1, 2, 3] and bounds[:3].tolist() == [0, 2, 4]
    assert rows[:4].tolist() == [0, 1, 2, 3] and int(bounds[-1]) == 2 * articles
    assert peak < 12 * articles  # the ids and starts kept: 8 bytes an article


def test_an_articles_rows_are_found_without_a_copy_of_the_ids() -> None:
    """numpy widened the whole 32-bit id column into 64 bits for each look-up of a
    Python int or an int64: at 3,880,000 articles 81 ms of the GUI thread, the longest
    stall of a search."""
    import tracemalloc

    article_ids = np.repeat(np.arange(1, 500_001, dtype=np.int64), 2)
    index = ArticleRows.sorted_now(article_ids)
    assert index._made.made[0].dtype == np.int32  # type: ignore[index]
    tracemalloc.start()
    try:
        found = [index.rows(123_457).tolist(), index.rows(np.int64(9)).tolist()]
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found == [[246_912, 246_913], [16, 17]]
    assert peak < 100_000  # the column in 64 bits: 4 MB


def test_waiting_for_the_sort_finds_it_ended() -> None:
    rng = np.random.default_rng(3)
    article_ids = rng.integers(1, 5_000, 200_000).astype(np.int32)
    pending = ArticleRows.sort_later(article_ids)
    pending.wait()
    assert pending.ready
    assert pending.rows(17).tolist() == np.flatnonzero(article_ids == 17).tolist()
    ArticleRows.sorted_now(article_ids).wait()  # sorted already: nothing to wait for


def article_rows_made(made: object) -> object:
    from timeline.store import article_rows

    sorted_ = article_rows._Sorted()
    sorted_.made = made  # type: ignore[assignment]
    return sorted_
