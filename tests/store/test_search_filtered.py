"""A word searched with a source and a date filter: the same hits, in the same order,
as the whole ranking of the word kept to the articles that pass the filters."""

from __future__ import annotations

import itertools
import math
import random
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from timeline.model import ArticleDraft, DateValue, Event, to_axis
from timeline.store import Store
from timeline.store import search as search_module
from timeline.store.search import matching_article_ids, search, warm_article_map
from timeline.text.query import parse_query

SOURCES = ("وكالة", "المدينة نيوز", "صحيفة")
FILLER = (
    "اجتمع",
    "القادة",
    "في",
    "المدينة",
    "وقال",
    "الوزير",
    "إن",
    "المحادثات",
    "تستمر",
    "حتى",
    "نهاية",
)
FORMS = ("قمة", "القمة", "بالقمة")  # the typed word and two of its other forms


def day(y: int, m: int = 1, d: int = 1) -> int:
    return to_axis(datetime(y, m, d))


def _text(rng: random.Random, words: int) -> str:
    """Filler with the word's forms strewn in, a different count in every text."""
    picked = [rng.choice(FILLER) for _ in range(words)]
    for _ in range(rng.randrange(0, 4)):
        picked.insert(rng.randrange(len(picked) + 1), rng.choice(FORMS))
    return " ".join(picked)


@pytest.fixture(scope="module")
def filtered_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("filtered") / "s.db") as store:
        _fill(store)
        yield store


def _fill(store: Store) -> None:
    """160 articles of three sources, undated now and then, each mentioning up to two
    dates (points, months, decades), with the word's forms strewn in."""
    rng = random.Random(13)
    for i in range(160):
        title = _text(rng, rng.randrange(2, 6))
        lead = _text(rng, rng.randrange(4, 12))
        body = lead + "\n\n" + _text(rng, rng.randrange(10, 60))
        when = None if i % 9 == 0 else day(1995 + rng.randrange(30), 1 + rng.randrange(12))
        article_id, created = store.add_article(
            ArticleDraft(title=title, body=body, source=SOURCES[rng.randrange(3)]),
            uid=f"a{i}",
            published=DateValue("x", "minute", when) if when is not None else None,
        )
        assert created
        events = []
        for _ in range(rng.randrange(0, 3)):
            start = day(1990 + rng.randrange(35), 1 + rng.randrange(12))
            # Points, spans of a few months, and now and then one of decades.
            end = rng.choice([None, None, start + 90 * 86_400, start + 20 * 365 * 86_400])
            events.append(Event(article_id, "mentioned", start, end, "day", "x", "x"))
        store.replace_mentions(article_id, events)


def _passing(
    store: Store, source: str | None, lower: int, upper: int, kind: str | None
) -> set[int]:
    """The articles that pass the filters, from their rows, plainly."""
    conn = store.db.conn
    passing = set()
    for article_id, of, published in conn.execute(
        "SELECT id, source, published_start FROM articles"
    ):
        if source is not None and of != source:
            continue
        by_published = published is not None and lower <= published < upper
        by_mention = any(
            start < upper and (start + 1 if end is None else end) > lower
            for start, end in conn.execute(
                "SELECT start, \"end\" FROM events WHERE article_id = ? AND kind = 'mentioned'",
                [article_id],
            )
        )
        chosen = {"published": by_published, "mentioned": by_mention}
        if chosen[kind] if kind is not None else by_published or by_mention:
            passing.add(article_id)
    return passing


RANGES = [(day(2001), day(2009)), (day(1993, 6), day(2000)), (day(2015), None)]


@pytest.mark.parametrize(
    ("kind", "source"), list(itertools.product(["published", "mentioned", None], [None, "وكالة"]))
)
def test_a_filtered_search_is_the_whole_ranking_kept_to_the_articles_that_pass(
    filtered_store: Store, kind: str | None, source: str | None
) -> None:
    store = filtered_store
    whole = search(store, "قمة", limit=1000)
    assert 40 < whole.total < 160  # the word is in most articles, in its three forms
    assert {math.ceil((h.rank or 0) / 1000) for h in whole.hits} >= {0, 1, 2, 3, 5}
    for date_from, date_to in RANGES:
        passing = _passing(store, source, date_from, date_to or (1 << 62), kind)
        expected = [h for h in whole.hits if h.article_id in passing]
        filters = {"source": source, "date_from": date_from, "date_to": date_to}
        got = search(store, "قمة", limit=1000, event_kind=kind, **filters)  # type: ignore[arg-type]
        assert [h.article_id for h in got.hits] == [h.article_id for h in expected]
        assert [h.rank for h in got.hits] == pytest.approx([h.rank for h in expected])
        assert got.total == len(expected) > 0
        # A page further on is the same slice of that order.
        page = search(store, "قمة", limit=7, offset=5, event_kind=kind, **filters)  # type: ignore[arg-type]
        assert [h.article_id for h in page.hits] == [h.article_id for h in expected[5:12]]
        # The window's ids: every article that matches and passes.
        ids = matching_article_ids(store, "قمة", event_kind=kind, **filters)  # type: ignore[arg-type]
        assert ids.tolist() == sorted(h.article_id for h in expected)


def test_the_rows_of_a_filtered_word_meet_a_bloom_filter_before_a_seek(
    filtered_store: Store,
) -> None:
    # The word's list is walked once and each of its rows looked up in the filters'
    # rowids: through SQLite's Bloom filter (3.38 and later), not a seek for every row.
    store = filtered_store
    reads = search_module._Reads()
    where, params = search_module._matching_sql(
        store, parse_query("قمة").fts(), "وكالة", day(2001), day(2009), "mentioned", reads=reads
    )
    assert any(c is not None for c in reads.candidates.values())
    plan = store.db.conn.execute(f"EXPLAIN SELECT article_fts.rowid{where}", params).fetchall()
    operations = [row[1] for row in plan]
    if sqlite3.sqlite_version_info >= (3, 38):
        assert "Filter" in operations and "FilterAdd" in operations
    # The word's list is the outer loop: the hits come in its rowid order.
    hits = [r for (r,) in store.db.conn.execute(f"SELECT article_fts.rowid{where}", params)]
    assert hits == sorted(hits) and len(hits) == len(set(hits)) > 0


def test_a_source_with_a_date_filter_reads_the_rowids_the_join_reads(
    filtered_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The filters' rowids of a source (two id sets intersected) are those of the join
    # of every article's rowid, events and source.
    store = filtered_store
    for (date_from, date_to), kind in itertools.product(RANGES, ["published", "mentioned", None]):
        filters = {"source": "وكالة", "date_from": date_from, "date_to": date_to}
        sets = search(store, "قمة", limit=1000, event_kind=kind, **filters)  # type: ignore[arg-type]
        monkeypatch.setattr(search_module, "CANDIDATES_MAX", -1)
        joined = search(store, "قمة", limit=1000, event_kind=kind, **filters)  # type: ignore[arg-type]
        monkeypatch.undo()
        assert [h.article_id for h in sets.hits] == [h.article_id for h in joined.hits]
        assert [h.rank for h in sets.hits] == pytest.approx([h.rank for h in joined.hits])


def test_within_keeps_the_values_found_sorted_and_once() -> None:
    values = np.array([9, 3, 3, 7, 12, -4, 0], dtype=np.int64)
    found = search_module._within(values, np.array([-4, 3, 5, 9, 10], dtype=np.int64))
    assert found.tolist() == [-4, 3, 9]
    assert search_module._within(values, np.empty(0, dtype=np.int64)).tolist() == []
    assert search_module._within(values[:0], np.array([1], dtype=np.int64)).tolist() == []


@pytest.mark.parametrize("spread", [1, 1 << 40])  # a table of flags; a binary search
def test_found_in_marks_the_values_among_the_known_ones_in_any_order(spread: int) -> None:
    rng = np.random.default_rng(5)
    known = rng.choice(2_000, 300, replace=False).astype(np.int64) * spread - 7
    values = rng.integers(0, 2_000, 900).astype(np.int64) * spread - 7
    expected = np.isin(values, known)
    assert 0 < expected.sum() < len(values)
    assert search_module._found_in(values, known).tolist() == expected.tolist()
    assert search_module._found_in(values, known[:0]).tolist() == [False] * len(values)
    assert search_module._found_in(values[:0], known).tolist() == []


def _bounded(store: Store, kind: str | None, date_from: int, date_to: int) -> bool:
    """Whether the word's read hands the filters' first and last rowid to the index."""
    reads = search_module._Reads()
    where, params = search_module._matching_sql(
        store,
        parse_query("قمة").fts(),
        None,
        date_from,
        date_to,
        kind,
        reads=reads,  # type: ignore[arg-type]
    )
    assert any(c is not None for c in reads.candidates.values())
    plan = store.db.conn.execute(f"EXPLAIN QUERY PLAN SELECT article_fts.rowid{where}", params)
    (scan,) = [row[3] for row in plan if "article_fts" in row[3]]
    return "article_fts.rowid >=" in where and scan.endswith("><")


def test_the_filters_rowid_bounds_reach_the_index_only_when_they_cut_much_of_it(
    filtered_store: Store,
) -> None:
    # SQLite checks an index's rowid bounds again on every row it gives: a mention
    # filter's rowids span the whole index (mentions point anywhere in time, undated
    # articles hold the lowest rowids), so its bounds would cut nothing and cost a
    # check a row of the word; two years of publication out of thirty cut most of it.
    store = filtered_store
    assert not _bounded(store, "mentioned", day(2001), day(2003))
    assert not _bounded(store, None, day(2001), day(2003))
    assert _bounded(store, "published", day(2001), day(2003))
    # A publication range over most of the store's years cuts too little.
    assert not _bounded(store, "published", day(1996), day(2024))


def test_the_source_filter_offers_sources_with_numbers_in_order(store: Store) -> None:
    for n, source in enumerate(["مصدر-10", "مصدر-2", "", "مصدر-1"]):
        draft = ArticleDraft(title=f"عنوان {n}", body="متن", source=source, published_raw="")
        store.add_article(draft, f"uid-{n}", None)
    assert search_module.distinct_sources(store) == ["مصدر-1", "مصدر-2", "مصدر-10"]


def test_the_source_names_are_every_stored_name_once(store: Store) -> None:
    """The names read by skipping over the source index are the DISTINCT of the column:
    names that are prefixes of others, Latin and Arabic, one of a space, many articles
    each."""
    names = ["ا", "اب", "ابن", "B", "a", "Ä", " ", "مصدر", "مصدر ", ""]
    for n in range(60):
        source = names[n % len(names)]
        draft = ArticleDraft(title=f"عنوان {n}", body="متن", source=source, published_raw="")
        store.add_article(draft, f"uid-{n}", None)
    stored = {
        row[0]
        for row in store.db.conn.execute("SELECT DISTINCT source FROM articles WHERE source != ''")
    }
    assert len(stored) == len(names) - 1
    assert set(search_module.distinct_sources(store)) == stored


def test_a_page_of_ranked_hits_puts_the_newer_of_equal_ranks_first() -> None:
    # As ORDER BY rank, rowid DESC: the ranked reads' pages, kept by a heap.
    ranked = [(2.5, 10), (-1.0, 3), (2.5, 40), (-1.0, 7), (0.0, -5), (9.0, 1)]
    expected = [(7, -1.0), (3, -1.0), (-5, 0.0), (40, 2.5), (10, 2.5), (1, 9.0)]
    assert search_module._page_of(ranked, 0, 50) == expected
    assert search_module._page_of(iter(ranked), 2, 3) == expected[2:5]
    assert search_module._page_of(ranked, 6, 3) == []


def _pages(store: Store, kind: str | None, filters: dict) -> tuple[list, list, int, list]:
    """A filtered search's every hit with its rank, its total and the window's ids."""
    found = search(store, "قمة", limit=1000, event_kind=kind, **filters)  # type: ignore[arg-type]
    ids = matching_article_ids(store, "قمة", event_kind=kind, **filters)  # type: ignore[arg-type]
    return (
        [h.article_id for h in found.hits],
        [h.rank for h in found.hits],
        found.total,
        ids.tolist(),
    )


def _unread(*_args: object) -> None:
    raise AssertionError("the filters' rowids were read from the store with the map there")


@pytest.mark.parametrize(
    ("kind", "source"), list(itertools.product(["published", "mentioned", None], [None, "وكالة"]))
)
def test_the_article_map_gives_the_filters_the_rowids_the_store_gives(
    filtered_store: Store, monkeypatch: pytest.MonkeyPatch, kind: str | None, source: str | None
) -> None:
    # The window reads the article map when it opens a store: the filters' published
    # articles are taken from it and the mentioning ones given their rowids by it, with
    # the same rowids, hits, ranks and totals as read from the store.
    store = filtered_store
    for date_from, date_to in RANGES:
        filters = {"source": source, "date_from": date_from, "date_to": date_to}
        monkeypatch.setattr(search_module, "_MAP_CACHE", {})
        read = search_module._Reads()
        search_module._matching_sql(store, '"قمة"', **filters, event_kind=kind, reads=read)  # type: ignore[arg-type]
        from_store = _pages(store, kind, filters)
        warm_article_map(store)
        monkeypatch.setattr(search_module, "_candidates_of_source", _unread)
        monkeypatch.setattr(search_module, "_published_or_mentioned", _unread)
        mapped = search_module._Reads()
        search_module._matching_sql(store, '"قمة"', **filters, event_kind=kind, reads=mapped)  # type: ignore[arg-type]
        # (Read from the store, the rowids come as the texts of a group_concat.)
        assert all(c is not None and not c._texts for c in mapped.candidates.values())
        for stored, of_map in zip(
            read.candidates.values(), mapped.candidates.values(), strict=True
        ):
            assert stored is not None and of_map is not None
            assert sorted(zip(of_map.rowids.tolist(), of_map.ids.tolist(), strict=True)) == sorted(
                zip(stored.rowids.tolist(), stored.ids.tolist(), strict=True)
            )
        assert _pages(store, kind, filters) == from_store
        assert from_store[2] > 0
        monkeypatch.undo()


@pytest.mark.parametrize("kind", ["published", "mentioned", None])
def test_the_filters_through_the_map_follow_another_programs_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str | None
) -> None:
    # Another program moves a publication date (the index changes: the map read before is
    # no longer used) and a mention (the index stays: the mentions are read from the
    # store at each search) into the filter's range.
    monkeypatch.setattr(search_module, "_MAP_CACHE", {})
    path = tmp_path / "s.db"
    lower, upper = day(2001), day(2003)
    with Store(path) as store:
        _fill(store)
        warm_article_map(store)
        before = _pages(store, kind, {"date_from": lower, "date_to": upper})
        outside = sorted(set(store.chronological_ids()) - set(before[3]))
        assert before[2] > 0 and len(outside) > 2
        conn = sqlite3.connect(path)  # another program: plain sqlite3, no code of ours
        with conn:
            conn.execute(
                'UPDATE events SET start = ?, "end" = NULL WHERE id ='
                " (SELECT min(id) FROM events WHERE article_id = ? AND kind = 'mentioned')",
                [lower + 86_400, outside[0]],
            )
            conn.execute(
                "UPDATE articles SET published_start = ? WHERE id = ?", [lower + 60, outside[1]]
            )
        conn.close()
        after = _pages(store, kind, {"date_from": lower, "date_to": upper})
        passing = _passing(store, None, lower, upper, kind)
        whole = search(store, "قمة", limit=1000)
        assert after[0] == [h.article_id for h in whole.hits if h.article_id in passing]
        assert after[3] == sorted(passing & {h.article_id for h in whole.hits})
        assert after != before


def test_the_map_passes_the_dated_and_named_ids_and_refuses_ids_it_does_not_hold(
    store: Store,
) -> None:
    ids = []
    for n, when in enumerate([None, day(2001), day(2002), day(1990)]):
        article_id, _ = store.add_article(
            ArticleDraft(title=f"عنوان {n}", body="قمة"),
            uid=f"u{n}",
            published=DateValue("x", "minute", when) if when is not None else None,
        )
        ids.append(article_id)
    undated, in_2001, in_2002, in_1990 = ids
    articles = search_module._read_article_map(store)
    assert articles is not None
    published = (day(2000), day(2003), -(1 << 62), 1 << 62)
    passing = articles.passing(published, None, None)
    assert passing is not None
    rowids, got = passing
    assert got.tolist() == [in_2001, in_2002] and rowids.tolist() == sorted(rowids.tolist())
    named = np.array([in_1990, undated, in_1990], dtype=np.int64)  # (a mention each, twice)
    passing = articles.passing(published, named, np.array([undated, in_2002], dtype=np.int64))
    assert passing is not None and sorted(passing[1].tolist()) == [undated, in_2002]
    # An id no article of the map has (the store changed since it was read): None, and
    # the filters' rowids are read from the store.
    unknown = np.array([max(ids) + 1], dtype=np.int64)
    assert articles.passing(published, unknown, None) is None
    assert articles.passing(None, unknown, np.array([undated, *unknown])) is None


def test_the_filters_kept_under_a_stamp_serve_the_next_search_until_the_store_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window searches at each key typed with the filters unchanged: their articles,
    # read once, serve the next search while the window's stamp of the store holds.
    monkeypatch.setattr(search_module, "_KEPT_FILTERS", {})
    read = search_module._read_candidates
    reads: list[object] = []

    def counted(*args: object) -> object:
        reads.append(args[1:6])
        return read(*args)

    monkeypatch.setattr(search_module, "_read_candidates", counted)
    path = tmp_path / "s.db"
    lower, upper = day(2001), day(2003)
    filters: dict[str, Any] = {"date_from": lower, "date_to": upper, "event_kind": "mentioned"}
    with Store(path) as window:
        _fill(window)  # (before its stamp is taken, as the window's writers write)
        with Store(path) as worker:
            first = matching_article_ids(worker, "قمة", **filters, stamp=window.change_stamp())
            again = matching_article_ids(worker, "القمة", **filters, stamp=window.change_stamp())
            assert len(reads) == 1 and first.tolist() and again.tolist() == first.tolist()
            # Other filters, no stamp, or another stamp: read.
            matching_article_ids(
                worker, "قمة", **{**filters, "date_to": upper + 1}, stamp=window.change_stamp()
            )
            matching_article_ids(worker, "قمة", **filters)
            matching_article_ids(worker, "قمة", **filters, stamp=(0, 0))
            assert len(reads) == 4
            # Another program moves a mention into the range (the index stays as it was).
            outside = sorted(set(window.chronological_ids()) - set(first.tolist()))
            conn = sqlite3.connect(path)
            with conn:
                conn.execute(
                    'UPDATE events SET start = ?, "end" = NULL WHERE id ='
                    " (SELECT min(id) FROM events WHERE article_id = ? AND kind = 'mentioned')",
                    [lower + 86_400, outside[0]],
                )
            conn.close()
            after = matching_article_ids(worker, "قمة", **filters, stamp=window.change_stamp())
            assert len(reads) == 5 and outside[0] in after.tolist()
            passing = _passing(worker, None, lower, upper, "mentioned")
            hits = {h.article_id for h in search(worker, "قمة", limit=1000).hits}
            assert after.tolist() == sorted(passing & hits)


@pytest.mark.parametrize("warm", [False, True])
def test_the_filters_alone_choose_the_articles_a_search_meets_its_hits_with(
    filtered_store: Store, monkeypatch: pytest.MonkeyPatch, warm: bool
) -> None:
    # No words (a source and dates set, nothing typed yet): the articles that pass are
    # the filters' rowids' articles, read from the map or the store's indexes (one
    # statement over the articles' rows took 0.3-0.4 s at a million articles).
    store = filtered_store
    monkeypatch.setattr(search_module, "_MAP_CACHE", {})
    if warm:
        warm_article_map(store)
    met: list[object] = []
    real = search_module._candidates

    def spied(*args: Any) -> object:
        met.append(found := real(*args))
        return found

    monkeypatch.setattr(search_module, "_candidates", spied)
    for (date_from, date_to), kind, source in itertools.product(
        RANGES, ["published", "mentioned", None], [None, "وكالة"]
    ):
        passing = sorted(_passing(store, source, date_from, date_to or (1 << 62), kind))
        filters: dict[str, Any] = {
            "source": source,
            "date_from": date_from,
            "date_to": date_to,
            "event_kind": kind,
        }
        assert search_module.filtered_article_ids(store, **filters).tolist() == passing
        assert matching_article_ids(store, "", **filters).tolist() == passing
    assert len(met) == 2 * 3 * 3 * 2 and all(c is not None for c in met)
