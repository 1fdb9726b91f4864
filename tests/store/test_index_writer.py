"""The importer writes an article's search index rows itself (schema v10), and any
other SQLite writer still has its rows indexed by the insert trigger."""

from __future__ import annotations

import itertools
import json
import sqlite3
import unicodedata
from pathlib import Path

import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import library
from timeline.model import ArticleDraft
from timeline.store import Store
from timeline.store.schema import _V22_SPACED, MIGRATIONS, SCHEMA_VERSION, search_parts
from timeline.store.search import search

texts = st.lists(
    st.text(
        alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
        | st.sampled_from(" \n\t\ra1ـ٢é")
        | st.sampled_from([chr(code) for code in _V22_SPACED]),
        max_size=30,
    )
    | st.sampled_from(["\n", " " * 7, "كلمة " * 90, "\n\n", "x" * 450]),
    max_size=12,
).map("".join)


def _view_parts(store: Store, article_id: int) -> tuple[str, str, str]:
    row = store.db.conn.execute(
        "SELECT title, lead, body FROM article_search_parts WHERE id = ?", (article_id,)
    ).fetchone()
    return tuple(row)


def test_search_parts_are_what_the_views_give(store: Store) -> None:
    article_id, _ = store.add_article(ArticleDraft(title="x", body="y"), "u", None)

    @given(texts, texts)
    @settings(max_examples=200, deadline=None)
    def check(title: str, body: str) -> None:
        for t, b in ((title, body), (unicodedata.normalize("NFD", title), body)):
            store.db.conn.execute(
                "UPDATE articles SET title = ?, body = ? WHERE id = ?", (t, b, article_id)
            )
            assert search_parts(t, b) == _view_parts(store, article_id)

    check()


def test_search_parts_of_real_articles(store: Store, corpus: Path) -> None:
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(itertools.islice(lines, 150)):
        record = json.loads(line)
        title, body = record.get("title") or "", record.get("body") or ""
        article_id, _ = store.add_article(ArticleDraft(title=title, body=body), f"u{n}", None)
        assert search_parts(title, body) == _view_parts(store, article_id)


def test_a_text_with_a_nul_is_left_to_the_trigger() -> None:
    assert search_parts("a\x00b", "c") is None


def _index(store: Store) -> tuple[list[tuple], list[tuple]]:
    """The index as rows: the rowid map, and every (term, column, rowid, offset)."""
    conn = store.db.conn
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, article_fts, instance)"
    )
    mapping = conn.execute("SELECT * FROM article_search ORDER BY fts_rowid").fetchall()
    terms = conn.execute("SELECT * FROM temp.fts_terms ORDER BY 1, 2, 3, 4").fetchall()
    return mapping, terms


def _drafts() -> list[tuple[ArticleDraft, str]]:
    return [
        (ArticleDraft(title="قمة في أيّار", body="اجتمع القادة\nفي أيّار الماضي"), "22 May 2021"),
        (ArticleDraft(title="تقرير", body="صدر التقرير " * 60 + "في أيار ٢٠٢١"), "22 May 2021"),
        (ArticleDraft(title="بلا تاريخ", body="وصل الوفد إلى إيـــران"), ""),
        (ArticleDraft(title="Summit", body="Leaders met in May 2021."), "2021-05-22T10:00"),
    ]


def test_the_importer_indexes_as_the_trigger_does(tmp_path: Path) -> None:
    by_trigger, by_writer = Store(tmp_path / "t.db"), Store(tmp_path / "w.db")
    with by_trigger, by_writer:
        for n, (draft, raw) in enumerate(_drafts()):
            published = library.parse_published(raw)
            by_trigger.add_article(draft, f"u{n}", published)
            by_writer.add_article(draft, f"u{n}", published, search_parts(draft.title, draft.body))
        assert _index(by_writer) == _index(by_trigger)
        assert len(_index(by_writer)[1]) > 20
        # Removal re-supplies the text through the views: it must leave both alike.
        for store in (by_trigger, by_writer):
            store.delete_article(1)
        assert _index(by_writer) == _index(by_trigger)
        assert search(by_writer, "القاده").total == 0
        assert search(by_writer, "التقرير").total == 1


def test_an_imported_article_skips_the_trigger_and_a_plain_insert_does_not(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(
        json.dumps({"title": "قمة في أيّار", "body": "اجتمع القادة", "published": "2021-05-22"})
        + "\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "db.db") as store:
        library.import_paths(store, [path])
        assert search(store, "ايار").total == 1
        assert len(_index(store)[0]) == 1  # one rowid: indexed once, not twice
    # Another SQLite writer (sqlite-utils, Datasette): a plain INSERT is indexed too.
    db = sqlite_utils.Database(tmp_path / "db.db")
    db["articles"].insert(
        {"uid": "other", "title": "الكوريتان", "body": "محادثات في أيار", "imported_at": "now"}
    )
    db.conn.close()
    with Store(tmp_path / "db.db") as store:
        assert search(store, "ايار").total == 2
        assert search(store, "الكوريتان").total == 1


def test_a_v9_store_upgrades_to_the_skipping_trigger(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    for migrate in MIGRATIONS[:9]:
        migrate(db)
    conn.execute(
        "INSERT INTO articles (uid, title, body, imported_at) VALUES ('u1', 'أيّار', 'b', 'now')"
    )
    conn.execute("PRAGMA user_version=9")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        (sql,) = store.db.conn.execute(
            "SELECT sql FROM sqlite_schema WHERE name = 'article_search_insert'"
        ).fetchone()
        assert "WHEN NOT EXISTS" in sql
        assert search(store, "ايار").total == 1
        draft = ArticleDraft(title="أيار", body="نص")
        store.add_article(draft, "u2", None, search_parts(draft.title, draft.body))
        store.db.conn.execute(
            "INSERT INTO articles (uid, title, body, imported_at) VALUES ('u3', 'ايار', 'c', 'n')"
        )
        assert search(store, "ايار").total == 3
        assert len(_index(store)[0]) == 3
