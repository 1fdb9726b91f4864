"""The import's ArticleWriter leaves a store row for row as add_article, replace_mentions
and add_stated_event (and the insert trigger) would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from timeline import library
from timeline.model import ArticleDraft, DateValue, Event
from timeline.store import Store
from timeline.store import store as store_module
from timeline.store.schema import search_minute, search_parts
from timeline.store.store import event_row

MAY = library.parse_published("2021-05-22T10:00:30")
assert MAY is not None and MAY.start is not None
NEXT_MINUTE = DateValue("2021-05-22T10:01:30", "second", MAY.start + 60)


def _articles() -> list[tuple[ArticleDraft, DateValue | None, list[Event], Event | None]]:
    """Many at one minute and the next (runs of index rowids that meet), undated ones,
    one with a NUL (left to the trigger), mentions and a stated range."""
    mention = Event(0, "mentioned", MAY.start, MAY.end, "day", "2021-05-22", "قبل يوم", 3, 9, 0.8)
    stated = Event(0, "stated", 100, 200, "interval", "a/b", "مدة")
    out = []
    for n in range(14):
        published = MAY if n < 5 else (MAY, NEXT_MINUTE, None)[n % 3]
        body = f"اجتمع القادة في أيار {n}\nثم افترقوا" + ("\x00" if n == 7 else "")
        out.append(
            (
                ArticleDraft(title=f"قمة {n}", body=body),
                published,
                [mention] * (n % 3),
                stated if n % 4 == 1 else None,
            )
        )
    return out


def _table_rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, article_fts, instance)")
    queries = {
        "articles": "SELECT id, uid, title, body, published, published_start FROM articles",
        "events": "SELECT * FROM events ORDER BY id",
        "index": "SELECT * FROM article_search ORDER BY fts_rowid",
        "terms": "SELECT * FROM temp.terms ORDER BY 1, 2, 3, 4",
        "density": "SELECT * FROM timeline_density ORDER BY day",
    }
    out = {name: conn.execute(sql).fetchall() for name, sql in queries.items()}
    conn.close()
    return out


def _with_a_hole(store: Store) -> None:
    """Articles stored before, at the same minute, one of them deleted (a free rowid)."""
    for n in range(3):
        store.add_article(ArticleDraft(title=f"قديم {n}", body="نص"), f"old{n}", MAY)
    store.delete_article(2)


@pytest.mark.parametrize(("minutes", "held"), [(1 << 16, 256), (1, 2)])
def test_the_writer_stores_what_add_article_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, minutes: int, held: int
) -> None:
    # minutes=1 forgets each minute's next rowid at once (the bound on its memory);
    # held=2 writes the events and index rows every second article.
    monkeypatch.setattr(store_module, "_WRITER_MINUTES", minutes)
    monkeypatch.setattr(store_module, "_WRITER_ARTICLES", held)
    one_by_one, writer_path = tmp_path / "one.db", tmp_path / "writer.db"
    with Store(one_by_one) as store, store.transaction():
        _with_a_hole(store)
        for n, (draft, published, mentions, stated) in enumerate(_articles()):
            parts = search_parts(draft.title, draft.body)
            article_id, _ = store.add_article(draft, f"u{n}", published, parts)
            store.replace_mentions(article_id, mentions)
            if stated is not None:
                store.add_stated_event(article_id, stated)
    with Store(writer_path) as store:
        _with_a_hole(store)
        with store.transaction(), store.article_writer() as writer:
            for n, (draft, published, mentions, stated) in enumerate(_articles()):
                assert not writer.holds(f"u{n}")
                parts = search_parts(draft.title, draft.body)
                writer.add(draft, f"u{n}", published, parts, map(event_row, mentions), stated)
            assert writer.holds("u3") and not writer.holds("u99")
    expected, written = _table_rows(one_by_one), _table_rows(writer_path)
    assert all(expected.values()) and len(expected["events"]) > 20
    assert written == expected
    # The hole left by the deleted article was taken again, as the trigger takes it.
    minute = search_minute(MAY.start)
    assert [r[0] for r in written["index"] if r[0] >= minute][:3] == [
        minute,
        minute + 1,
        minute + 2,
    ]


def test_the_writer_gives_the_rowids_the_trigger_gives_where_minutes_run_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles denser than one a minute: the rowids of neighbouring minutes run
    together, stored ones among them (and a hole). The writer steps past the runs it
    has seen (_TakenRuns) and gives every article the rowid the trigger gives."""
    import random

    rng = random.Random(5)
    minutes = [MAY.start + 60 * k for k in range(8)]
    later = [minutes[rng.randrange(8)] for _ in range(120)]

    def stored_before(store: Store) -> None:
        for n in range(30):
            at = DateValue("x", "second", minutes[n % 8])
            store.add_article(ArticleDraft(title=f"قديم {n}", body="نص"), f"old{n}", at)
        store.delete_article(9)

    jumps: list[int] = []
    past = store_module._TakenRuns.past

    def noted(self: store_module._TakenRuns, at: int) -> int:
        found = past(self, at)
        jumps.append(found - at)
        return found

    monkeypatch.setattr(store_module._TakenRuns, "past", noted)
    by_trigger, by_writer = tmp_path / "trigger.db", tmp_path / "writer.db"
    with Store(by_trigger) as store, store.transaction():
        stored_before(store)
        for n, start in enumerate(later):
            draft = ArticleDraft(title=f"خبر {n}", body=f"نص الخبر {n}")
            parts = search_parts(draft.title, draft.body)
            store.add_article(draft, f"u{n}", DateValue("x", "second", start), parts)
    with Store(by_writer) as store:
        stored_before(store)
        with store.transaction(), store.article_writer() as writer:
            for n, start in enumerate(later):
                draft = ArticleDraft(title=f"خبر {n}", body=f"نص الخبر {n}")
                parts = search_parts(draft.title, draft.body)
                writer.add(draft, f"u{n}", DateValue("x", "second", start), parts)
    expected, written = _table_rows(by_trigger)["index"], _table_rows(by_writer)["index"]
    assert len(written) == 149 and written == expected
    assert sum(1 for j in jumps if j > 1) > 20  # runs stepped past, not through


def test_taken_runs_merge_as_they_meet() -> None:
    runs = store_module._TakenRuns()
    runs.note(10, 12)
    runs.note(20, 25)
    runs.note(12, 14)  # meets the first
    runs.note(30, 31)
    assert (runs.starts, runs.ends) == ([10, 20, 30], [14, 25, 31])
    runs.note(13, 30)  # reaches the second and the third
    assert (runs.starts, runs.ends) == ([10], [31])
    assert [runs.past(at) for at in (9, 10, 20, 30, 31)] == [9, 31, 31, 31, 31]


def test_search_minute_is_how_sqlite_divides(store: Store) -> None:
    for second in (0, 59, 60, -1, -59, -60, -61, 10**15, -(10**15), 1_621_677_630):
        (minute,) = store.db.conn.execute(
            "SELECT max(min(?, 1099511627775), -1099511627775) / 60", (second,)
        ).fetchone()
        assert search_minute(second) == minute


def test_the_writer_cache_is_given_back(store: Store) -> None:
    before = store.db.conn.execute("PRAGMA cache_size").fetchone()
    with store.transaction(), store.article_writer():
        assert store.db.conn.execute("PRAGMA cache_size").fetchone() != before
    assert store.db.conn.execute("PRAGMA cache_size").fetchone() == before
    with pytest.raises(RuntimeError), store.transaction(), store.article_writer() as writer:
        writer.add(ArticleDraft(title="t", body="b"), "u", None, None)
        raise RuntimeError
    assert store.db.conn.execute("PRAGMA cache_size").fetchone() == before
    assert store.count_articles() == 0


@pytest.mark.parametrize("count", [0, 1, 2, 63, 64, 98, 99, 100, 127, 1000])
@pytest.mark.parametrize("width", [1, 2, 10])
def test_insert_rows_writes_every_row_in_order(count: int, width: int) -> None:
    # Statements of as many rows as fit (999 // width), then of 64, 32, ... 1: each row
    # once, in the order given (ids count up as executemany's would).
    conn = sqlite3.connect(":memory:")
    columns = ", ".join(f"c{i}" for i in range(width))
    conn.execute(f"CREATE TABLE t (id INTEGER PRIMARY KEY, {columns})")
    rows = [tuple(n * 100 + i for i in range(width)) for n in range(count)]
    sql = f"INSERT INTO t ({columns}) VALUES ({', '.join('?' * width)})"
    store_module.insert_rows(conn, sql, rows)
    assert conn.execute(f"SELECT {columns} FROM t ORDER BY id").fetchall() == rows


def test_the_writer_writes_the_index_rows_of_many_articles_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each write of the index rows is a segment of the full-text index to merge later:
    the writer holds the rows of 1,024 articles (or _WRITER_CHARS of text) before it
    writes them."""
    writes: list[int] = []
    real_flush = store_module.ArticleWriter.flush

    def flush(self: store_module.ArticleWriter) -> None:
        if self._index:
            writes.append(len(self._index))
        real_flush(self)

    monkeypatch.setattr(store_module.ArticleWriter, "flush", flush)
    with Store(tmp_path / "many.db") as store:
        with store.transaction(), store.article_writer() as writer:
            for n in range(1100):
                draft = ArticleDraft(title=f"خبر {n}", body=f"نص الخبر {n}")
                writer.add(draft, f"u{n}", MAY, search_parts(draft.title, draft.body))
        assert store.db.conn.execute("SELECT count(*) FROM article_search").fetchone()[0] == 1100
    assert writes == [1024, 76]
