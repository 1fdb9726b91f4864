"""Every hit of a search as ids: sorted, and in the article list's order (the window's path)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from timeline.model import ArticleDraft, DateValue
from timeline.store import Store
from timeline.store import search as search_module
from timeline.store.search import in_list_order, matching_article_ids, warm_article_map
from timeline.text.normalize import normalize

# A few times, so that many articles share a second or a minute (their index rowids
# then spill into later minutes), some before 1970, and undated ones.
TIMES = [None, -3_000_000_000, -61, 0, 30, 59, 60, 90, 10**9, 10**9 + 1]


def _add(store: Store, n: int, when: int | None, body: str) -> int:
    published = DateValue("x", "minute", when) if when is not None else None
    article_id, _ = store.add_article(
        ArticleDraft(title=f"عنوان {n}", body=body), uid=f"u{n}", published=published
    )
    return article_id


def _fill(store: Store, seed: int, n: int = 40) -> None:
    """Articles in no date order, some deleted and some re-dated (index rowids then
    leave gaps that later articles fill, out of their list order)."""
    rng = random.Random(seed)
    for k in range(n):
        body = "كلمة " + ("نادرة" if k % 3 == 0 else "اخرى")
        _add(store, k, rng.choice(TIMES), body)
        if k % 7 == 6:
            ids = store.chronological_ids()
            with store.transaction():
                store.db.conn.execute("DELETE FROM articles WHERE id = ?", (rng.choice(ids),))
        if k % 11 == 10:
            ids = store.chronological_ids()
            start = rng.choice([t for t in TIMES if t is not None])
            with store.transaction():
                store.db.conn.execute(
                    "UPDATE articles SET published_start = ? WHERE id = ?",
                    (start, rng.choice(ids)),
                )


def _joined(store: Store, word: str) -> list[int]:
    rows = store.db.conn.execute(
        "SELECT s.article_id FROM article_fts JOIN article_search s"
        " ON s.fts_rowid = article_fts.rowid WHERE article_fts MATCH ?",
        (f'"{normalize(word)}"',),
    )
    return sorted(r[0] for r in rows)


@pytest.fixture
def through_the_map(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every search reads the article map, however few its hits."""
    monkeypatch.setattr(search_module, "_MAP_WORTH", 0)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_map_gives_the_same_ids_and_order_as_the_table(
    store: Store, through_the_map: None, seed: int
) -> None:
    _fill(store, seed)
    everything = store.chronological_ids()
    for word in ["كلمة", "نادرة"]:
        ids = matching_article_ids(store, f'"{word}"')
        assert ids.dtype == np.int32  # every id fits: the map's own type, no copy
        assert ids.tolist() == _joined(store, word)
        hits = set(ids.tolist())
        ordered = in_list_order(store, ids)
        assert ordered.dtype == np.int32
        assert ordered.tolist() == [i for i in everything if i in hits]


@pytest.mark.parametrize("rows", [1, 3, 7])
def test_a_map_read_a_part_at_a_time_is_the_map_read_whole(
    store: Store, monkeypatch: pytest.MonkeyPatch, rows: int
) -> None:
    _fill(store, 5)
    whole = search_module._read_article_map(store)
    monkeypatch.setattr(search_module, "_MAP_PART_ROWS", rows)
    monkeypatch.setattr(search_module, "_MAP_READ_ROWS", rows)
    parted = search_module._read_article_map(store)
    assert whole is not None and parted is not None
    for name in ("rowids", "list_ids", "list_starts", "sorted_ids", "list_row_of_id"):
        assert getattr(parted, name).tolist() == getattr(whole, name).tolist()
    assert len(parted.rowids) == store.count_articles()
    assert not store.db.conn.in_transaction  # its savepoint released


@pytest.mark.parametrize("rows", [3, search_module._MAP_PART_ROWS])
def test_ids_past_32_bits_keep_their_width(
    store: Store, through_the_map: None, monkeypatch: pytest.MonkeyPatch, rows: int
) -> None:
    """An id past 32 bits, in the first part read or a later one: every id in 64."""
    monkeypatch.setattr(search_module, "_MAP_PART_ROWS", rows)
    monkeypatch.setattr(search_module, "_MAP_READ_ROWS", rows)
    _fill(store, 6, n=20)
    big = 1 << 33
    with store.transaction():  # (ids follow the largest: the next article's is big)
        store.db.conn.execute(
            "INSERT INTO articles (id, uid, title, body, imported_at) VALUES (?, ?, ?, ?, ?)",
            (big - 1, "wide", "عنوان", "اخرى", "2026-01-01T00:00:00"),
        )
    assert _add(store, 98, 30, "كلمة بعيدة") == big
    everything = store.chronological_ids()
    assert big in everything
    ids = matching_article_ids(store, '"كلمة"')
    assert ids.dtype == np.int64
    assert big in ids.tolist()
    assert in_list_order(store, ids).tolist() == [i for i in everything if i in set(ids.tolist())]


def test_ids_out_of_32_bits_find_no_article(store: Store, through_the_map: None) -> None:
    """With every id in 32 bits the map searches in 32 bits: an id past them is no
    article's, and never wraps round onto one."""
    _fill(store, 7, n=20)
    everything = store.chronological_ids()
    wrapped = (1 << 32) + everything[0]
    asked = np.sort(np.array([everything[0], wrapped, -(1 << 40)], dtype=np.int64))
    assert in_list_order(store, asked).tolist() == [everything[0]]


def test_few_hits_are_read_without_the_map(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(store, 1, n=20)
    monkeypatch.setattr(search_module, "_MAP_CACHE", {})

    def unread(_store: Store) -> None:
        raise AssertionError("the map was read for a few hits")

    monkeypatch.setattr(search_module, "_read_article_map", unread)
    ids = matching_article_ids(store, '"نادرة"')
    assert ids.tolist() == _joined(store, "نادرة")
    everything = store.chronological_ids()
    assert in_list_order(store, ids).tolist() == [i for i in everything if i in set(ids.tolist())]


def test_a_warmed_map_serves_the_search_until_the_index_changes(
    store: Store, through_the_map: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(store, 2, n=20)
    monkeypatch.setattr(search_module, "_MAP_CACHE", {})
    reads: list[int] = []
    read = search_module._read_article_map

    def counted(opened: Store) -> object:
        reads.append(1)
        return read(opened)

    monkeypatch.setattr(search_module, "_read_article_map", counted)
    warm_article_map(store)
    ids = matching_article_ids(store, '"كلمة"')
    in_list_order(store, ids)
    assert len(reads) == 1  # the search used the warmed map
    added = _add(store, 99, 10**9 + 1, "كلمة جديدة")
    again = matching_article_ids(store, '"كلمة"')
    assert added in again.tolist() and len(reads) == 2  # a write is a new map
    assert in_list_order(store, again).tolist()[-1 if added else 0] in again.tolist()


def test_ids_of_no_article_are_left_out_of_the_order(store: Store, through_the_map: None) -> None:
    _fill(store, 3, n=20)
    everything = store.chronological_ids()
    asked = np.array([*everything[:5], 10**6, -4], dtype=np.int64)
    assert in_list_order(store, np.sort(asked)).tolist() == everything[:5]
    assert in_list_order(store, np.empty(0, dtype=np.int64)).tolist() == []


def test_a_search_with_filters_reads_the_same_ids(store: Store, through_the_map: None) -> None:
    _fill(store, 4)
    with_filter = matching_article_ids(store, '"كلمة"', date_from=0, date_to=10**9)
    rows = store.db.conn.execute(
        "SELECT id FROM articles WHERE published_start >= 0 AND published_start < ?", (10**9,)
    )
    assert with_filter.tolist() == sorted(r[0] for r in rows)


def _mention(store: Store, article_id: int, start: int) -> None:
    with store.transaction():
        store.db.conn.execute(
            "INSERT INTO events (article_id, kind, start, granularity, value)"
            " VALUES (?, 'mentioned', ?, 'day', 'x')",
            (article_id, start),
        )


@pytest.mark.parametrize("kind", ["published", "mentioned", None])
@pytest.mark.parametrize("source", [None, "مصدر 1"])
def test_a_filtered_search_without_the_map_walks_the_word_once(
    store: Store, monkeypatch: pytest.MonkeyPatch, kind: str | None, source: str | None
) -> None:
    """Few hits and no map: a date filter's rowids are read with their article ids, so
    the hits are told as articles from them (the word's list is not walked again,
    joined to the id map), and put in list order from the id map's rows."""
    rng = random.Random(6)
    for k in range(30):
        article_id, _ = store.add_article(
            ArticleDraft(title=f"عنوان {k}", body="كلمة " * (1 + k % 2), source=f"مصدر {k % 3}"),
            uid=f"u{k}",
            published=DateValue("x", "minute", rng.choice(TIMES[1:])),
        )
        if k % 4:
            _mention(store, article_id, rng.choice([-61, 0, 10**9]))
    store.add_article(ArticleDraft(title="بلا تاريخ", body="كلمة"), uid="undated", published=None)
    monkeypatch.setattr(search_module, "_MAP_CACHE", {})

    def unread(_store: Store) -> None:
        raise AssertionError("the map was read for a few hits")

    monkeypatch.setattr(search_module, "_read_article_map", unread)
    filters = {"source": source, "date_from": -100, "date_to": 60, "event_kind": kind}
    expected = set(search_module.filtered_article_ids(store, **filters).tolist())  # type: ignore[arg-type]
    expected &= set(_joined(store, "كلمة"))
    assert expected  # the filters leave some, and not all
    assert len(expected) < store.count_articles()
    walks: list[str] = []
    store.db.conn.set_trace_callback(lambda sql: walks.append(sql) if "MATCH" in sql else None)
    try:
        ids = matching_article_ids(store, '"كلمة"', **filters)  # type: ignore[arg-type]
    finally:
        store.db.conn.set_trace_callback(None)
    assert ids.tolist() == sorted(expected)
    # (Whether the word is in any article at all is asked first: a read of one row.)
    assert len([sql for sql in walks if not sql.endswith(" LIMIT 1")]) == 1
    everything = store.chronological_ids()
    assert in_list_order(store, ids).tolist() == [i for i in everything if i in expected]


def test_ids_of_no_article_are_left_out_of_the_order_without_the_map(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(store, 3, n=20)
    monkeypatch.setattr(search_module, "_MAP_CACHE", {})
    everything = store.chronological_ids()
    asked = np.array([*everything[:5], everything[0], 10**6, -4], dtype=np.int64)
    assert in_list_order(store, np.sort(asked)).tolist() == everything[:5]
    assert in_list_order(store, np.empty(0, dtype=np.int64)).tolist() == []
    # The undated come last, by id.
    undated = [
        i
        for i in everything
        if store.db.conn.execute(
            "SELECT published_start IS NULL FROM articles WHERE id = ?", (i,)
        ).fetchone()[0]
    ]
    assert undated and everything[-len(undated) :] == undated
    assert in_list_order(store, np.array(sorted(everything))).tolist() == everything


@pytest.mark.parametrize("undated", [False, True])
def test_the_maps_rowids_are_kept_in_32_bits_where_they_fit(
    store: Store, through_the_map: None, monkeypatch: pytest.MonkeyPatch, undated: bool
) -> None:
    """A dated article's index rowid fits 32 bits (at 3,880,000 articles, 15 MB less of
    the window's memory kept so); an undated one's is far below them, and every rowid
    then keeps 64. Either way a search through the map finds what the join finds."""
    monkeypatch.setattr(search_module, "_MAP_CACHE", {})
    for k in range(12):
        _add(store, k, 10**9 + 3600 * k, "كلمة نادرة" if k % 2 else "كلمة")
    if undated:
        _add(store, 50, None, "كلمة نادرة")
    warm_article_map(store)
    articles = search_module._article_map(store, build=False)
    assert articles is not None
    assert articles.rowids.dtype == (np.int64 if undated else np.int32)
    ids = matching_article_ids(store, '"نادرة"')
    assert ids.tolist() == _joined(store, "نادرة")
    everything = store.chronological_ids()
    assert in_list_order(store, ids).tolist() == [i for i in everything if i in set(ids.tolist())]
    # A rowid out of the map's type is in no article: the map says so, not a wrapped one.
    assert articles.sorted_ids_of_rowids(np.array([1 << 40], dtype=np.int64)) is None


@pytest.mark.parametrize("rows", [1, 2, 5])
def test_many_hits_read_a_part_at_a_time_are_the_hits_read_at_once(
    store: Store, through_the_map: None, monkeypatch: pytest.MonkeyPatch, rows: int
) -> None:
    """With the map read, a search's rowids are read and marked a part at a time (a
    word in most of millions of articles at once was the window's peak): the same ids,
    for words, a phrase, an OR and a prefix, with parts of any size."""
    _fill(store, 8, n=60)
    queries = ['"كلمة"', '"نادرة"', '"كلمة نادرة"', "نادرة OR اخرى", "كلم*"]
    whole = {q: matching_article_ids(store, q).tolist() for q in queries}  # reads the map
    parts: list[int] = []
    real = search_module._ids_in_parts

    def counted(*args: object) -> tuple[np.ndarray | None, np.ndarray | None]:
        found, rowids = real(*args)  # type: ignore[arg-type]
        parts.append(found is not None)
        return found, rowids

    monkeypatch.setattr(search_module, "_ids_in_parts", counted)
    monkeypatch.setattr(search_module, "_MAP_READ_ROWS", rows)
    for query in queries:
        assert matching_article_ids(store, query).tolist() == whole[query]
    assert all(parts) and len(parts) == len(queries)  # every one read in parts
    assert whole['"كلمة"'] == _joined(store, "كلمة")
    assert not store.db.conn.in_transaction  # the parts' savepoint released


def test_hits_read_in_parts_after_a_change_are_read_again_whole(
    store: Store, through_the_map: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The map read before another article was added misses its rowid: that search is
    read as before, and finds it."""
    _fill(store, 9, n=30)
    matching_article_ids(store, '"كلمة"')  # the map read
    monkeypatch.setattr(search_module, "_MAP_READ_ROWS", 2)
    stale = search_module._article_map(store, build=False)
    added = _add(store, 99, 10**9 + 5, "كلمة جديدة")
    key = (str(store.path), search_module._index_version(store))
    monkeypatch.setitem(search_module._MAP_CACHE, key, stale)  # as if still current
    ids = matching_article_ids(store, '"كلمة"').tolist()
    assert added in ids and ids == _joined(store, "كلمة")


def test_a_search_of_many_hits_reads_the_map_it_needs_first(
    store: Store, through_the_map: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No map read yet and more hits than a part: the map is read after the first part
    and the rest marked on it."""
    _fill(store, 10, n=40)
    monkeypatch.setattr(search_module, "_MAP_CACHE", {})
    monkeypatch.setattr(search_module, "_MAP_READ_ROWS", 3)
    ids = matching_article_ids(store, '"كلمة"').tolist()
    assert ids == _joined(store, "كلمة")
    assert search_module._article_map(store, build=False) is not None
    assert not store.db.conn.in_transaction


def test_a_search_waits_for_the_map_another_thread_reads_before_reading_on(
    store: Store, through_the_map: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's loader reads the map while the user's first search runs: the search
    reads one part of its hits, then waits for that map, rather than reading all its
    hits beside it (the two reads' temporaries were the window's peak)."""
    import threading

    _fill(store, 11, n=40)
    monkeypatch.setattr(search_module, "_MAP_CACHE", {})
    monkeypatch.setattr(search_module, "_MAP_READ_ROWS", 3)
    map_there, asked, locked = threading.Event(), threading.Event(), threading.Event()
    read_before: list[str] = []
    real_run, real_map = search_module._run, search_module._article_map

    def run(store_: Store, sql: str, *args: object) -> list[tuple]:
        reads_hits = "group_concat(r)" in sql or "group_concat(article_fts.rowid)" in sql
        if reads_hits and not map_there.is_set():
            read_before.append(sql)
        return real_run(store_, sql, *args)  # type: ignore[arg-type]

    def article_map(store_: Store, *, build: bool) -> object:
        if build and threading.current_thread() is threading.main_thread():
            asked.set()
        return real_map(store_, build=build)

    monkeypatch.setattr(search_module, "_run", run)
    monkeypatch.setattr(search_module, "_article_map", article_map)

    def loader() -> None:  # the window's: its own connection, the lock held throughout
        with Store(store.path, create=False) as other, search_module._MAP_LOCK:
            locked.set()
            assert asked.wait(10)
            found = search_module._read_article_map(other)
            assert found is not None
            key = (str(other.path), search_module._index_version(other))
            search_module._MAP_CACHE[key] = found
            map_there.set()

    thread = threading.Thread(target=loader)
    thread.start()
    assert locked.wait(10)
    ids = matching_article_ids(store, '"كلمة"').tolist()
    thread.join()
    assert ids == _joined(store, "كلمة")
    assert len(read_before) == 1 and "LIMIT" in read_before[0]  # one part, then the map


@pytest.mark.parametrize("span", [10**9, 4 * 10**9])
def test_list_keys_in_32_bits_keep_every_order_against_the_stored_keys(span: int) -> None:
    """The map's keys as seconds after the earliest (within 68 years) or as they are:
    a bound or a key put in their terms compares with each stored key as it did."""
    rng = random.Random(span)
    undated = search_module._UNDATED_KEY
    stored = sorted(rng.randrange(-span // 2, span // 2) for _ in range(300))
    stored += [stored[5], stored[5], undated, undated]  # ties, then the undated last
    starts = np.array(stored, dtype=np.int64)
    keys = search_module._StartKeys(starts)
    taken = keys.taken(starts, np.arange(len(starts), dtype=np.int32))
    assert taken.dtype == (np.int32 if span < 1 << 31 else np.int64)
    probes = stored[::7] + [rng.randrange(-span, span) for _ in range(200)]
    probes += [-(1 << 62), 1 << 62, undated, stored[0] - 1, stored[-3] + 1]
    for value in probes:
        at = keys.of(value)
        for stored_key, key in zip(stored, taken.tolist(), strict=True):
            assert (value < stored_key) == (at < key)
            assert (value == stored_key) == (at == key)


def test_the_time_the_map_takes_is_not_the_searchs_own(
    store: Store, through_the_map: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search waiting for the article map (read by the window's loader: seconds at
    millions of articles) and then reading on is not stopped by its time limit."""
    import threading
    import time

    _fill(store, 12, n=40)
    monkeypatch.setattr(search_module, "_MAP_CACHE", {})
    monkeypatch.setattr(search_module, "_MAP_READ_ROWS", 3)
    monkeypatch.setattr(search_module, "_PROGRESS_STEPS", 1)  # the clock looked at always
    locked, asked = threading.Event(), threading.Event()
    real_map = search_module._article_map

    def article_map(store_: Store, *, build: bool) -> object:
        if build and threading.current_thread() is threading.main_thread():
            asked.set()
        return real_map(store_, build=build)

    monkeypatch.setattr(search_module, "_article_map", article_map)

    def loader() -> None:
        with Store(store.path, create=False) as other, search_module._MAP_LOCK:
            locked.set()
            assert asked.wait(10)
            time.sleep(1.2)  # longer than the search's whole limit below
            found = search_module._read_article_map(other)
            assert found is not None
            search_module._MAP_CACHE[(str(other.path), search_module._index_version(other))] = found

    thread = threading.Thread(target=loader)
    thread.start()
    assert locked.wait(10)
    try:
        ids = matching_article_ids(store, '"كلمة"', time_limit=1.0).tolist()
    finally:
        thread.join()
    assert ids == _joined(store, "كلمة")


def _plain_map(rowids: list[int], ids: list[int], starts: list[int]) -> dict[str, list[int]]:
    """The article map's columns worked out one article at a time (what _ArticleMap
    makes with arrays), list keys as the stored keys."""
    by_rowid = sorted(zip(rowids, ids, starts, strict=True))
    listed = sorted((start, i) for _r, i, start in by_rowid)
    sorted_ids = sorted(ids)
    list_row = {i: row for row, (_s, i) in enumerate(listed)}
    id_row = {i: row for row, i in enumerate(sorted_ids)}
    return {
        "rowids": [r for r, _i, _s in by_rowid],
        "list_ids": [i for _s, i in listed],
        "list_starts": [s for s, _i in listed],
        "sorted_ids": sorted_ids,
        "list_row_of_id": [list_row[i] for i in sorted_ids],
        "id_row_of_rowid": [id_row[i] for _r, i, _s in by_rowid],
    }


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("span", [10**6, 10**10])
def test_the_maps_columns_are_those_worked_out_one_article_at_a_time(
    monkeypatch: pytest.MonkeyPatch, seed: int, span: int
) -> None:
    """Packed sorts (keys within 68 years) and argsorts (a wider span) make the same
    columns as a plain sort by (publication, id), undated last: ties in a second whose
    ids run against their rowids, undated articles, ids in no order and with gaps, and
    slices that cut the columns unevenly."""
    monkeypatch.setattr(search_module, "_MAP_READ_ROWS", 7)
    rng = random.Random(seed)
    n = rng.choice([1, 2, 30, 200])
    rowids = sorted(rng.sample(range(1, 10 * n + 1), n))
    ids = rng.sample(range(1, 5 * n + 1), n)
    undated = search_module._UNDATED_KEY
    seconds = [rng.randrange(-span, span) for _ in range(4)]
    starts = [rng.choice([undated, *seconds]) for _ in range(n)]
    made = search_module._ArticleMap(
        [np.array(rowids, np.int32), np.array(ids, np.int32), np.array(starts, np.int64)]
    )
    plain = _plain_map(rowids, ids, starts)
    for name, column in plain.items():
        got = getattr(made, name)
        if name == "list_starts":  # the map's keys, in its own terms
            column = [made._keys.of(s) for s in column]
        assert got.tolist() == column, name
    # Which way they were made: 32-bit keys where the dated ones lie within 68 years.
    dated = [s for s in starts if s != undated] or [0]
    assert (made.list_starts.dtype == np.int32) == (max(dated) - min(dated) < 2**31 - 2)


def test_making_the_map_holds_little_beside_the_map_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The map of 400,000 articles is made without an argsort's 64-bit positions beside
    it: at its peak the making holds under a tenth more than the map and its inputs
    freed as they are spent (the argsorts held a third more, measured with tracemalloc,
    which numpy's arrays report to)."""
    import tracemalloc

    n = 400_000
    # Slices as small beside the columns as the real ones are beside 3,880,000 articles'.
    monkeypatch.setattr(search_module, "_MAP_READ_ROWS", 4096)
    rng = np.random.default_rng(3)
    tracemalloc.start()
    try:
        starts = rng.integers(10**9, 10**9 + 10**7, n, dtype=np.int64)
        starts[rng.random(n) < 0.1] = search_module._UNDATED_KEY
        columns = [np.arange(5, n + 5, dtype=np.int32), rng.permutation(n).astype(np.int32) + 1]
        columns.append(starts)
        del starts  # the map's alone, to free as it goes
        tracemalloc.reset_peak()
        made = search_module._ArticleMap(columns)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    names = ("rowids", "list_ids", "list_starts", "sorted_ids", "list_row_of_id")
    size = sum(getattr(made, c).nbytes for c in (*names, "id_row_of_rowid"))
    assert size == 24 * n
    assert kept >= size
    assert peak <= 1.1 * size
