"""Characters FTS5's tokenizer (Unicode 6.1's tables) keeps inside a token where the query
side cuts (schema v22): the views write them as spaces, so "\u2066عنوان\u2069 الخبر" is
found by عنوان, and a store indexed before is brought in step by its migration."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from pathlib import Path

import pytest
import sqlite_utils

from timeline.model import ArticleDraft
from timeline.store import Store
from timeline.store.schema import (
    _V15_SEARCH_FOLDS,
    _V22_SPACED,
    MIGRATIONS,
    SCHEMA_VERSION,
    fill_word_pairs,
    pair_parts,
    pair_words,
    search_parts,
)
from timeline.store.search import search
from timeline.text.normalize import SEARCH_SPACED, search_normalize
from timeline.text.query import search_tokens

START = 1_400_000_000  # 2014

# One of each kind: the isolates (Cf), the letter mark (Cf), a number mark above
# (Cf), the end of text mark (Po), the raised round dot (Sk), an honorific ligature
# (So), a Quranic mark of Arabic Extended-A (Mn), the lira and rouble signs (Sc).
KINDS = {
    "isolates": ("\u2067", "\u2069"),
    "letter mark": ("\u061c", "\u061c"),
    "number mark": ("\u0605", "\u0605"),
    "end of text": ("\u061d", "\u061d"),
    "raised dot": ("\u0888", "\u0888"),
    "ligature": ("\ufd40", "\ufd41"),
    "quranic mark": ("\u08d3", "\u08de"),
    "currency sign": ("\u20ba", "\u20bd"),
}


def _found(store: Store, query: str) -> set[int]:
    return {hit.article_id for hit in search(store, query).hits}


def _insert(conn: sqlite3.Connection, uid: str, title: str, body: str, minute: int) -> int:
    """A row as another writer stores it: a plain INSERT, indexed by the trigger."""
    cursor = conn.execute(
        "INSERT INTO articles (uid, title, body, published_start, imported_at)"
        " VALUES (?, ?, ?, ?, 'now')",
        (uid, title, body, START + 60 * minute),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def test_the_measured_set_is_what_the_tokenizer_glues() -> None:
    """Each spaced character is kept in a token by unicode61 and cut at by the query
    side's [^\\W_]+ (the set was found so; a newer SQLite would find fewer)."""
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5(x, content='', tokenize='unicode61 remove_diacritics 2')"
    )
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    for code in _V22_SPACED:
        text = "ب" + chr(code) + "ت"
        conn.execute("INSERT INTO t(t) VALUES('delete-all')")
        conn.execute("INSERT INTO t(rowid, x) VALUES (1, ?)", (text,))
        assert len(conn.execute("SELECT term FROM v").fetchall()) == 1, hex(code)
        assert re.findall(r"[^\W_]+", text) == ["ب", "ت"], hex(code)
        assert unicodedata.category(chr(code)) != "Cn"


def test_search_parts_space_them_as_the_views_do(store: Store) -> None:
    article_id, _ = store.add_article(ArticleDraft(title="x", body="y"), "u", None)
    for code in _V22_SPACED:
        ch = chr(code)
        title, body = f"{ch}أ{ch}ب{ch}", f"  نص{ch}ة\n{ch}آخر" + "كلمة " * 100
        store.db.conn.execute(
            "UPDATE articles SET title = ?, body = ? WHERE id = ?", (title, body, article_id)
        )
        views = store.db.conn.execute(
            "SELECT title, lead, body FROM article_search_parts WHERE id = ?", (article_id,)
        ).fetchone()
        assert (
            search_parts(title, body) == tuple(views) == (" ا ب ", "نص ه", "\n اخر" + "كلمه " * 100)
        )


def test_search_normalize_spaces_them_as_the_index_does() -> None:
    assert frozenset(_V22_SPACED) == SEARCH_SPACED
    for code in _V22_SPACED:
        assert search_normalize(f"ب{chr(code)}ت") == "ب ت"
        assert search_tokens(f"ب{chr(code)}ت") == ["ب", "ت"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_word_beside_such_a_character_is_found(store: Store, kind: str) -> None:
    before, after = KINDS[kind]
    glued = f"{before}عنوان{after}"
    conn = store.db.conn
    ids = []
    for n, (title, body) in enumerate(
        ((f"{glued} الخبر", "نص بلا شيء"), ("خبر آخر", f"قال المسؤول {glued} الخبر اليوم"))
    ):
        # The importer's own rows (search_parts), and another writer's (the trigger).
        draft = ArticleDraft(title=title, body=body)
        imported, _ = store.add_article(draft, f"i{n}", None, search_parts(title, body))
        ids += [imported, _insert(conn, f"t{n}", title, body, n + 10)]
    assert _found(store, "عنوان") == set(ids)
    assert _found(store, '"عنوان الخبر"') == set(ids)  # the phrase, through the pairs
    assert _found(store, glued) == set(ids)  # the query as pasted with it
    assert _found(store, "نص") == {ids[0], ids[1]}


def _v21_store(path: Path, articles: list[tuple[str, str]]) -> None:
    """A store as version 21 left it: indexed by its views (v15's folding) and its word
    pairs written from the same."""
    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn)
    conn.execute("PRAGMA page_size=16384")
    for migrate in MIGRATIONS[:21]:
        migrate(db)
    conn.execute("PRAGMA user_version=21")
    for k, (title, body) in enumerate(articles):
        _insert(conn, f"u{k}", title, body, k)
    words = pair_words(conn)
    for rowid, title, body in conn.execute(
        "SELECT s.fts_rowid, a.title, a.body FROM search_unpaired u"
        " JOIN article_search s ON s.fts_rowid = u.fts_rowid"
        " JOIN articles a ON a.id = s.article_id"
    ).fetchall():
        parts = search_parts(title, body, folds=_V15_SEARCH_FOLDS, spaced=None)
        assert parts is not None
        conn.execute(
            "INSERT INTO article_pairs (rowid, body, title, lead) VALUES (?, ?, ?, ?)",
            (rowid, *pair_parts(parts, words)),
        )
    conn.execute("DELETE FROM search_unpaired")
    # Another writer changed one since: its old text kept, its old pair row still in.
    conn.execute("UPDATE articles SET body = 'قال في من جديد\u2069' WHERE uid = 'u0'")
    conn.close()


def _index(conn: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_seen USING fts5vocab(main, {table}, 'instance')"
    )
    return sorted(conn.execute(f"SELECT term, doc, col, offset FROM temp.{table}_seen"))


def test_migration_v22_indexes_the_stored_articles_as_a_new_store_would(tmp_path: Path) -> None:
    articles = [
        ("\u2067عنوان\u2069 في من", "قال في من \u061cعنوان"),
        ("خبر", "كان في من عنوان\u08d3 الخبر"),
        ("عنوان", "لا شيء يتغير هنا في من"),
        ("ﷺ\ufd40عنوان", "وحده"),
    ]
    old = tmp_path / "v21.db"
    _v21_store(old, articles)
    steps: list[tuple[int, int, str]] = []
    with Store(old, progress=lambda done, total, what: steps.append((done, total, what))) as store:
        assert store.schema_version == SCHEMA_VERSION
        migrated = store.db.conn
        assert migrated.execute("SELECT count(*) FROM search_unpaired").fetchone()[0] == 0
        scanned = [step[:2] for step in steps if step[2] == "marks and symbols next to words"]
        assert scanned[-1] == (4, 4)  # every article read, in ranges, with progress
        index = [step[:2] for step in steps if step[2] == "search index"]
        assert index[-1] == (6, 6)  # the three that hold one, out and in: not the third
        assert _found(store, "عنوان") == {1, 2, 3, 4}
        assert _found(store, "جديد") == {1}
        assert _found(store, '"في من"') == {1, 2, 3}
        assert _found(store, '"عنوان الخبر"') == {2}
        migrated.execute("INSERT INTO article_fts(article_fts) VALUES('integrity-check')")
        migrated.execute("INSERT INTO article_pairs(article_pairs) VALUES('integrity-check')")
        got = (_index(migrated, "article_fts"), _index(migrated, "article_pairs"))
        assert not any("\u2069" in str(term) or "\u061c" in str(term) for term, *_ in got[0])
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


def test_migration_v22_leaves_an_article_without_them_alone(tmp_path: Path) -> None:
    """Only the articles holding a spaced character are written again."""
    old = tmp_path / "v21.db"
    _v21_store(old, [("عنوان", "نص"), ("خبر", "نص آخر")])
    conn = sqlite3.connect(old)
    conn.execute("UPDATE articles SET body = 'قال في من جديد' WHERE uid = 'u0'")
    conn.commit()
    conn.close()
    steps: list[tuple[int, int, str]] = []
    with Store(old, progress=lambda done, total, what: steps.append((done, total, what))) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert not [s for s in steps if s[2] == "search index"]  # none to write again
        assert _found(store, "عنوان") == {1}
        assert _found(store, "جديد") == {1}
        store.db.conn.execute("INSERT INTO article_fts(article_fts) VALUES('integrity-check')")
