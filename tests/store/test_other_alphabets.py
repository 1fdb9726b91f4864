"""Letters of other alphabets in search (schema v15): ایران is found as ايران, ڤيينا as
فيينا, and a store indexed before is brought in step by its migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from timeline.model import ArticleDraft
from timeline.store import Store
from timeline.store.schema import (
    _V2_SEARCH_FOLDS,
    MIGRATIONS,
    SCHEMA_VERSION,
    fill_word_pairs,
    pair_parts,
    pair_words,
    search_parts,
)
from timeline.store.search import search

START = 1_400_000_000  # 2014


def _add(store: Store, uid: str, title: str, body: str, minute: int) -> int:
    draft = ArticleDraft(title=title, body=body)
    article_id, _ = store.add_article(draft, uid, None, search_parts(title, body))
    store.db.conn.execute(
        "UPDATE articles SET published_start = ? WHERE id = ?", (START + 60 * minute, article_id)
    )
    return article_id


def test_search_folds_the_letters_of_other_alphabets_both_ways(store: Store) -> None:
    persian = _add(store, "a", "ایران و پاکستان", "قال ھذا المسؤول في ڤيينا", 0)
    arabic = _add(store, "b", "ايران", "زار فيينا", 1)

    def found(query: str) -> set[int]:
        return {hit.article_id for hit in search(store, query).hits}

    assert found("ايران") == found("ایران") == {persian, arabic}
    assert found("فيينا") == found("ڤيينا") == {persian, arabic}
    assert found("باكستان") == found("هذا") == {persian}
    assert found('"المسؤول في فيينا"') == {persian}
    assert found("ت") == set()  # a letter that folds with none is no wider


def _v14_store(path: Path, articles: list[tuple[str, str]]) -> None:
    """A store as version 14 left it: indexed by its views (the old folding) and its word
    pairs written from the same."""
    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    conn.execute("PRAGMA page_size=16384")
    for migrate in MIGRATIONS[:14]:
        migrate(db)
    conn.execute("PRAGMA user_version=14")
    for k, (title, body) in enumerate(articles):
        conn.execute(
            "INSERT INTO articles (uid, title, body, published_start, imported_at)"
            " VALUES (?, ?, ?, ?, 'now')",
            (f"u{k}", title, body, START + k * 60),
        )
    words = pair_words(conn)
    for rowid, title, body in conn.execute(
        "SELECT s.fts_rowid, a.title, a.body FROM search_unpaired u"
        " JOIN article_search s ON s.fts_rowid = u.fts_rowid"
        " JOIN articles a ON a.id = s.article_id"
    ).fetchall():
        parts = search_parts(title, body, folds=_V2_SEARCH_FOLDS)
        assert parts is not None
        conn.execute(
            "INSERT INTO article_pairs (rowid, body, title, lead) VALUES (?, ?, ?, ?)",
            (rowid, *pair_parts(parts, words)),
        )
    conn.execute("DELETE FROM search_unpaired")
    # Another writer changed one since: its old text kept, its old pair row still in.
    conn.execute("UPDATE articles SET body = 'قال فی من جدید' WHERE uid = 'u0'")
    conn.close()


def _index(conn: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_seen USING fts5vocab(main, {table}, 'instance')"
    )
    return sorted(conn.execute(f"SELECT term, doc, col, offset FROM temp.{table}_seen"))


def test_migration_v15_indexes_the_stored_articles_as_a_new_store_would(tmp_path: Path) -> None:
    articles = [
        ("ایران في من", "قال فی من ایران"),
        ("ڤيينا", "كان في من ڤيينا"),
        ("عنوان", "لا شيء يتغير هنا فی من"),
        ("ھذا", "پاکستان"),
    ]
    old = tmp_path / "v14.db"
    _v14_store(old, articles)
    steps: list[tuple[int, int, str]] = []
    with Store(old, progress=lambda done, total, what: steps.append((done, total, what))) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.db.conn.execute("SELECT count(*) FROM search_unpaired").fetchone()[0] == 0
        assert {what for _, _, what in steps} >= {"search index"}
        scanned = [step[:2] for step in steps if step[2] == "letters of other alphabets"]
        assert scanned[-1] == (4, 4)  # every article read, in ranges, with progress
        assert {h.article_id for h in search(store, "ايران").hits} == {1}
        assert {h.article_id for h in search(store, '"في من"').hits} == {1, 2, 3}
        assert {h.article_id for h in search(store, "جديد").hits} == {1}
        assert {h.article_id for h in search(store, "باكستان").hits} == {4}
        migrated = store.db.conn
        got = (_index(migrated, "article_fts"), _index(migrated, "article_pairs"))
        for table in ("article_fts_docsize", "article_pairs_docsize"):  # a row an article
            assert migrated.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 4
        rows = migrated.execute(
            "SELECT uid, title, body, published_start FROM articles ORDER BY id"
        ).fetchall()
        # Every row comes out as it went in: nothing is left once every article is gone.
        with store.transaction():
            migrated.execute("DELETE FROM articles")
            fill_word_pairs(migrated)
        assert _index(migrated, "article_fts") == _index(migrated, "article_pairs") == []
    new = tmp_path / "new.db"
    with Store(new) as store:
        conn = store.db.conn
        conn.executemany(
            "INSERT INTO articles (uid, title, body, published_start, imported_at)"
            " VALUES (?, ?, ?, ?, 'now')",
            rows,
        )
        fill_word_pairs(conn)
        assert (_index(conn, "article_fts"), _index(conn, "article_pairs")) == got
        assert any(term == "في_من" for term, *_ in got[1])  # the pairs were compared too
