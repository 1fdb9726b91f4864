"""The store as other programs write it: each column's kind of value (schema v17), an
article's rows deleted with it (v18), text that is not UTF-8.

The store is a plain SQLite file other programs write; SQLite keeps a declared type only
as an affinity, so a BLOB title or a date second stored as text got in and crashed the
window, `timeline list` and the exports; and their connections run no foreign-key
cascades, so an article deleted there left its events to the next article given its id.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from timeline.model import ArticleDraft, DateValue, to_axis
from timeline.store import Store
from timeline.store.repair import salvage
from timeline.store.schema import (
    _V17_KINDS,
    SCHEMA_VERSION,
    V17_END_SECOND,
    V17_FIRST_SECOND,
    V17_SIGNATURE_BYTES,
)
from timeline.store.search import search

BAD_TITLE = b"\xff\xfe" + "عنوان مكسور".encode()


def _day(y: int, m: int, d: int) -> DateValue:
    start = to_axis(datetime(y, m, d))
    return DateValue(f"{y:04}-{m:02}-{d:02}", "day", start, start + 86_400)


def _store_with_articles(path: Path, n: int = 3) -> None:
    with Store(path) as store:
        for k in range(n):
            draft = ArticleDraft(
                title=f"خبر رقم {k}", body=f"نص الخبر {k} عن الاجتماع", source="مصدر"
            )
            store.add_article(draft, f"u{k}", _day(2015, 7, 20 + k))


def _as_before_v17(path: Path, statements: list[str]) -> None:
    """The store as schema 16 left it, then written by another program (no trigger of
    v17 to refuse anything)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for table in _V17_KINDS:
        for when in ("insert", "update"):
            conn.execute(f"DROP TRIGGER {table}_kinds_{when}")
    for sql in statements:
        conn.execute(sql)
    conn.execute("PRAGMA user_version = 16")
    conn.close()


def test_values_of_the_wrong_kind_stored_before_are_mended_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    _store_with_articles(path)
    far = V17_END_SECOND + 1
    _as_before_v17(
        path,
        [
            f"UPDATE articles SET title = x'{BAD_TITLE.hex()}' WHERE id = 1",
            "UPDATE articles SET published_start = 'soon' WHERE id = 2",
            "INSERT INTO events (article_id, kind, start, granularity, value)"
            " VALUES (3, 'mentioned', 'abc', 'day', 'text start')",
            "INSERT INTO events (article_id, kind, start, granularity, value)"
            f" VALUES (3, 'mentioned', {far}, 'day', 'past 9999')",
            "INSERT INTO events (article_id, kind, start, granularity, value)"
            f" VALUES (3, 'mentioned', {V17_FIRST_SECOND}, 'day', 'year one')",
            "INSERT INTO events (article_id, kind, start, granularity, value)"
            " VALUES ('x', 'mentioned', 1437444973, 'day', 'no article')",
            "INSERT INTO events (article_id, kind, start, granularity, value, confidence)"
            " VALUES (3, 'mentioned', 1437444973, 'day', 'sure?', 'high')",
            "INSERT INTO user_notes (article_uid, note, who, at)"
            f" VALUES ('u0', x'{BAD_TITLE.hex()}', 'me', 'now')",
            "INSERT INTO user_events (typed, value, granularity, start, label, who, at)"
            " VALUES ('x', 'x', 'day', 'never', 'no date', 'me', 'now')",
        ],
    )
    heard: list[tuple[int, int, str]] = []
    with Store(path, progress=lambda *step: heard.append(step)) as store:
        assert store.schema_version == SCHEMA_VERSION
        conn = store.db.conn
        title = conn.execute("SELECT title FROM articles WHERE id = 1").fetchone()[0]
        assert title == "\ufffd\ufffdعنوان مكسور"
        assert conn.execute("SELECT published_start FROM articles WHERE id = 2").fetchone() == (
            None,
        )
        starts = dict(conn.execute("SELECT value, start FROM events WHERE article_id = 3"))
        assert starts["text start"] is None and starts["past 9999"] is None
        assert starts["year one"] == V17_FIRST_SECOND  # in range: kept
        assert conn.execute(
            "SELECT count(*) FROM events WHERE value = 'no article'"
        ).fetchone() == (0,)
        assert conn.execute("SELECT confidence FROM events WHERE value = 'sure?'").fetchone() == (
            1.0,
        )
        note = conn.execute("SELECT note FROM user_notes").fetchone()[0]
        assert note == "\ufffd\ufffdعنوان مكسور"
        assert conn.execute("SELECT count(*) FROM user_events").fetchone() == (0,)
        # The mended title is indexed as text: found by its words.
        assert {hit.article_id for hit in search(store, "مكسور").hits} == {1}
        article = store.article(1)
        assert article is not None and isinstance(article.title, str)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # Every table of the rule was looked at; none read a rowid window per id.
    assert all(0 <= done <= total for done, total, _what in heard)


def test_ids_far_apart_are_not_walked_a_window_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    _store_with_articles(path, 1)
    _as_before_v17(
        path,
        [
            "INSERT INTO articles (id, uid, title, body, imported_at)"
            f" VALUES ({2**63 - 1}, 'far', x'{BAD_TITLE.hex()}', 'b', 'now')",
            "INSERT INTO articles (id, uid, title, body, imported_at)"
            f" VALUES (-5, 'below', x'{BAD_TITLE.hex()}', 'b', 'now')",
        ],
    )
    with Store(path) as store:  # was about 1.8e14 windows of rowids: never ended
        titles = dict(store.db.conn.execute("SELECT id, title FROM articles"))
        assert titles[2**63 - 1] == titles[-5] == "\ufffd\ufffdعنوان مكسور"


@pytest.mark.parametrize(
    ("sql", "said"),
    [
        ("UPDATE articles SET title = x'41' WHERE id = 1", "articles.title must be text"),
        (
            "INSERT INTO articles (uid, title, body, imported_at) VALUES ('n', 't', x'41', 'now')",
            "articles.body must be text",
        ),
        (
            "UPDATE articles SET published_start = 'soon' WHERE id = 1",
            "articles.published_start must be a whole number of seconds",
        ),
        (
            "UPDATE articles SET published_start = 1.5 WHERE id = 1",
            "articles.published_start must be a whole number of seconds",
        ),
        (
            f"UPDATE events SET start = {V17_END_SECOND + 1} WHERE id = 1",
            "events.start must be a whole number of seconds",
        ),
        (
            f'UPDATE events SET "end" = {V17_FIRST_SECOND - 1} WHERE id = 1',
            "events.end must be a whole number of seconds",
        ),
        (
            "UPDATE events SET confidence = 'high' WHERE id = 1",
            "events.confidence must be a number",
        ),
        ("UPDATE events SET span_start = 'x' WHERE id = 1", "events.span_start must be a whole"),
        (
            "INSERT INTO user_tags (name, colour, who, at) VALUES ('t', x'00', 'me', 'now')",
            "user_tags.colour must be text",
        ),
        (
            "INSERT INTO user_events (typed, value, granularity, start, who, at)"
            " VALUES ('x', 'x', 'day', 'never', 'me', 'now')",
            "user_events.start must be a whole number of seconds",
        ),
    ],
)
def test_any_writer_is_refused_a_value_of_the_wrong_kind_and_told_which(
    tmp_path: Path, sql: str, said: str
) -> None:
    path = tmp_path / "a.db"
    _store_with_articles(path, 1)
    conn = sqlite3.connect(path)  # another program: plain sqlite3, no code of ours
    with pytest.raises(sqlite3.IntegrityError, match=said):
        conn.execute(sql)
    conn.rollback()
    conn.close()


def test_values_sqlite_converts_to_the_columns_kind_are_taken(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    _store_with_articles(path, 1)
    conn = sqlite3.connect(path)
    # Affinity makes these the column's kind before the trigger looks.
    conn.execute("UPDATE events SET start = 1.5e9, confidence = '0.5' WHERE id = 1")
    conn.execute("UPDATE articles SET title = 123, published_start = '1437444973' WHERE id = 1")
    conn.execute('UPDATE events SET "end" = NULL, span_start = NULL WHERE id = 1')
    conn.commit()
    row = conn.execute(
        "SELECT typeof(a.title), a.published_start, e.start, e.confidence"
        " FROM articles a JOIN events e ON e.article_id = a.id"
    ).fetchone()
    assert row == ("text", 1437444973, 1_500_000_000, 0.5)
    conn.close()


def test_salvage_mends_old_values_and_reads_ids_far_apart_and_below_zero(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    _store_with_articles(path, 2)
    _as_before_v17(
        path,
        [
            f"UPDATE articles SET title = x'{BAD_TITLE.hex()}' WHERE id = 1",
            "INSERT INTO articles (id, uid, title, body, imported_at)"
            f" VALUES ({2**63 - 1}, 'far', 'بعيد', 'b', 'now')",
            "INSERT INTO articles (id, uid, title, body, imported_at)"
            " VALUES (-5, 'below', 'تحت الصفر', 'b', 'now')",
            "INSERT INTO events (article_id, kind, start, granularity, value)"
            " VALUES (2, 'mentioned', 'abc', 'day', 'text start')",
        ],
    )
    report = salvage(path, tmp_path / "saved.db")
    assert report.copied["articles"] == 4 and not report.refused
    with Store(tmp_path / "saved.db") as saved:
        titles = dict(saved.db.conn.execute("SELECT id, title FROM articles"))
        assert titles[1] == "\ufffd\ufffdعنوان مكسور"
        assert titles[2**63 - 1] == "بعيد" and titles[-5] == "تحت الصفر"
        assert saved.db.conn.execute(
            "SELECT start FROM events WHERE value = 'text start'"
        ).fetchone() == (None,)


def test_the_commands_read_a_store_another_program_wrote_wrong_values_into(
    tmp_path: Path,
) -> None:
    from click.testing import CliRunner

    from timeline.cli import cli

    path = tmp_path / "a.db"
    _store_with_articles(path, 2)
    _as_before_v17(
        path,
        [
            f"UPDATE articles SET title = x'{BAD_TITLE.hex()}' WHERE id = 1",
            "INSERT INTO events (article_id, kind, start, granularity, value)"
            f" VALUES (2, 'mentioned', {V17_END_SECOND * 4}, 'day', 'far')",
        ],
    )
    runner = CliRunner()
    listed = runner.invoke(cli, ["--db", str(path), "--no-bidi", "list"])
    assert listed.exit_code == 0, listed.output  # was: TypeError, can't concat str to bytes
    assert "عنوان مكسور" in listed.output
    target = tmp_path / "t.json"
    out = ["--db", str(path), "export", "--format", "timelinejs", "--output", str(target)]
    exported = runner.invoke(cli, out)
    assert exported.exit_code == 0, exported.output  # was: OverflowError, or a bytes pattern
    assert "عنوان مكسور" in target.read_text(encoding="utf-8")


def test_text_that_is_not_utf8_is_read_with_replacement_characters(tmp_path: Path) -> None:
    """Text another program stored that is not UTF-8 (its type is text: no trigger sees
    it) failed every read of its row: a page of the window's list, `list`, the exports."""
    from click.testing import CliRunner

    from timeline.cli import cli

    path = tmp_path / "a.db"
    _store_with_articles(path, 2)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET title = CAST(x'ff41' AS TEXT) WHERE id = 1")
    conn.commit()
    assert conn.execute("SELECT typeof(title) FROM articles WHERE id = 1").fetchone() == ("text",)
    conn.close()
    with Store(path) as store:
        article = store.article(1)
        assert article is not None and article.title == "\ufffdA"
    listed = CliRunner().invoke(cli, ["--db", str(path), "--no-bidi", "list"])
    assert listed.exit_code == 0, listed.output
    assert "\ufffdA" in listed.output and "خبر رقم 1" in listed.output
    report = salvage(path, tmp_path / "saved.db")  # copied, not counted unreadable
    assert report.copied["articles"] == 2 and not report.unreadable
    with Store(tmp_path / "saved.db") as saved:
        assert saved.db.conn.execute("SELECT title FROM articles WHERE id = 1").fetchone() == (
            "\ufffdA",
        )


def _delete_as_another_program(path: Path, article_id: int) -> None:
    conn = sqlite3.connect(path)  # foreign keys off, as in Datasette or the sqlite3 shell
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (0,)
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    conn.commit()
    conn.close()


def _rows_of(conn: sqlite3.Connection, article_id: int) -> dict[str, int]:
    return {
        table: conn.execute(
            f"SELECT count(*) FROM {table} WHERE article_id = ?", (article_id,)
        ).fetchone()[0]
        for table in ("events", "story_signatures", "story_copies")
    }


def test_an_article_another_program_deletes_takes_its_rows_and_leaves_none_to_its_id(
    tmp_path: Path, corpus: Path
) -> None:
    from timeline.library import import_paths

    path = tmp_path / "a.db"
    with (corpus / "saudinewsnet" / "sample.jsonl").open(encoding="utf-8") as lines:
        body = json.loads(next(lines))["body"]  # a real article, printed by two outlets
    records = [{"title": f"خبر {k}", "body": body, "published": f"2015-07-2{k}"} for k in (1, 2)]
    source = tmp_path / "two.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    with Store(path) as store:
        import_paths(store, [source])
        assert store.count_articles() == 2
        before = _rows_of(store.db.conn, 2)
    assert before["events"] >= 2 and before["story_copies"] == 1  # two copies: a story
    _delete_as_another_program(path, 2)
    with Store(path) as store:
        assert _rows_of(store.db.conn, 2) == {
            "events": 0,
            "story_signatures": 0,
            "story_copies": 0,
        }
        # The next article is given the freed id, with nothing of the deleted one.
        other = tmp_path / "other.jsonl"
        other.write_text(
            json.dumps({"title": "جديد", "body": "نص آخر", "published": "2020-01-01"}), "utf-8"
        )
        import_paths(store, [other])
        values = [e.value for e in store.events_of(2) if e.kind == "published"]
        assert values == ["2020-01-01"]


def test_rows_left_by_deletes_before_v18_are_removed_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    _store_with_articles(path, 3)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TRIGGER articles_delete_rows")
    conn.execute("DELETE FROM articles WHERE id = 3")
    assert conn.execute("SELECT count(*) FROM events WHERE article_id = 3").fetchone() == (1,)
    conn.execute("PRAGMA user_version = 17")
    conn.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        conn = store.db.conn
        assert _rows_of(conn, 3)["events"] == 0
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (2,)
        # and the day's count on the timeline's density no longer holds it
        assert conn.execute("SELECT sum(n) FROM timeline_density").fetchone() == (2,)


MALFORMED_TARGETS = [
    "event:abc",
    "event:",
    "event:" + "9" * 40,
    "event:٣",  # a digit, but not one SQLite's integers are written with
    "mention:u0:a:b",
    "mention:u0:7",
    "mention::1:2",
    "article:",
    "no kind at all",
]


def test_marks_another_program_wrote_that_name_nothing_are_passed_over(tmp_path: Path) -> None:
    """user_hidden and user_tagged name what they mark by a small format; one another
    program wrote wrong ("event:abc") failed every reader of the marks with ValueError:
    the window's events, colouring by tag, the exports, the hidden items' menu."""
    from click.testing import CliRunner

    from timeline.cli import cli
    from timeline.store import edits
    from timeline.store.timeline_data import load_event_arrays

    path = tmp_path / "a.db"
    _store_with_articles(path, 2)
    conn = sqlite3.connect(path)
    rows = [(t, "me", "now") for t in MALFORMED_TARGETS]
    conn.executemany("INSERT INTO user_hidden (target, who, at) VALUES (?, ?, ?)", rows)
    conn.execute("INSERT INTO user_tags (name, colour, who, at) VALUES ('t', '#ff0000', 'me', '')")
    conn.executemany(
        "INSERT INTO user_tagged (tag, target, who, at) VALUES ('t', ?, ?, ?)",
        [*rows, ("article:u1", "me", "now")],
    )
    conn.execute("INSERT INTO user_hidden (target, who, at) VALUES ('article:u0', 'me', 'now')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        values = edits.user_values(store, [1, 2])
        assert values[1].hidden and not values[1].hidden_mentions  # the good mark holds
        assert values[2].tags == ["t"]
        assert edits.added_event_marks(store) == (set(), {})
        assert edits.edited_article_ids(store) == [1, 2]
        assert edits.article_ids_tagged(store, "t") == {2}
        arrays = edits.overlay_arrays(store, load_event_arrays(store))
        assert sorted(set(arrays.article_ids.tolist())) == [2]  # article 1 hidden, no more
        codes, names = edits.colour_codes(store, arrays, "tag")
        assert names == ["t"] and codes.tolist() == [0] * len(arrays)
    out = ["--db", str(path), "export", "--format", "timelinejs", "--output", str(tmp_path / "t")]
    exported = CliRunner().invoke(cli, out)
    assert exported.exit_code == 0, exported.output


def test_a_signature_of_another_length_is_removed_and_the_article_signed_again(
    tmp_path: Path, corpus: Path
) -> None:
    """A signature of another length failed every import that met it as a candidate
    (ValueError from numpy) and stories --rebuild."""
    from timeline.library import import_paths, rebuild_stories
    from timeline.stories.copies import NUM_PERM

    assert V17_SIGNATURE_BYTES == NUM_PERM * 4
    path = tmp_path / "a.db"
    with Store(path) as store:
        import_paths(store, [corpus / "saudinewsnet" / "sample.jsonl"])
        signed = store.db.conn.execute("SELECT count(*) FROM story_signatures").fetchone()[0]
    assert signed == 200
    _as_before_v17(path, ["UPDATE story_signatures SET signature = x'00' WHERE article_id <= 50"])
    with Store(path) as store:
        conn = store.db.conn
        assert conn.execute("SELECT count(*) FROM story_signatures").fetchone() == (150,)
        with pytest.raises(sqlite3.IntegrityError, match="must be a BLOB of 512 bytes"):
            conn.execute("UPDATE story_signatures SET signature = x'00' WHERE article_id = 60")
        copy = tmp_path / "copy.jsonl"  # article 1 again, as another outlet printed it
        first = (corpus / "saudinewsnet" / "sample.jsonl").read_text("utf-8").splitlines()[0]
        record = json.loads(first)
        record.update(title="نسخة " + record["title"], source="another")
        copy.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
        assert import_paths(store, [copy]).added == 1
        rebuild_stories(store)  # signs the 50 again from their text
        assert conn.execute("SELECT count(*) FROM story_signatures").fetchone() == (201,)
        assert conn.execute("SELECT count(*) FROM story_copies WHERE cluster = 1").fetchone() == (
            2,
        )


def _set_as_another_program(path: Path, sql: str, params: tuple) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_an_article_whose_text_another_program_changes_is_read_again(
    tmp_path: Path, corpus: Path
) -> None:
    """A body corrected in Datasette kept its old events (sentences no longer in it,
    offsets past its end) and its old story until a whole recompute."""
    from timeline.library import import_paths, recompute_events

    path = tmp_path / "a.db"
    with Store(path) as store:
        import_paths(store, [corpus / "saudinewsnet" / "sample.jsonl"], processes=1)
        first = store.article(1)
        assert first is not None and store.changed_article_ids() == []
        assert store.db.conn.execute("SELECT count(*) FROM story_copies").fetchone()[0] > 0
    lone = 2
    body = "وقال إن الاجتماع المقبل سيعقد يوم 5 أيار 2021 في الرياض."
    _set_as_another_program(path, "UPDATE articles SET source = 'x' WHERE id = ?", (3,))
    _set_as_another_program(path, "UPDATE articles SET body = ? WHERE id = ?", (body, lone))
    # and one made a copy of article 1, as an outlet reprinting it
    copy = (first.title, first.body, 4)
    _set_as_another_program(path, "UPDATE articles SET title = ?, body = ? WHERE id = ?", copy)
    with Store(path) as store:
        assert store.changed_article_ids() == [lone, 4]  # not 3: its text is as it was
        assert recompute_events(store, changed_only=True, processes=1) == 2
        assert store.changed_article_ids() == []
        mentioned = {e.value for e in store.events_of(lone) if e.kind == "mentioned"}
        assert mentioned == {"2021-05-05"}
        assert all(e.span_end is None or e.span_end <= len(body) for e in store.events_of(lone))
        conn = store.db.conn
        cluster = conn.execute("SELECT cluster FROM story_copies WHERE article_id = 4")
        assert cluster.fetchone() == (1,)  # signed again: with the article it copies
        # Changed away again: out of that story, which is left to article 1 alone.
    _set_as_another_program(path, "UPDATE articles SET body = ? WHERE id = ?", (body, 4))
    with Store(path) as store:
        recompute_events(store, changed_only=True, processes=1)
        conn = store.db.conn
        assert conn.execute(
            "SELECT count(*) FROM story_copies WHERE article_id IN (1, 4)"
        ).fetchone() == (0,)


def test_recompute_changed_reads_only_the_articles_another_program_changed(
    tmp_path: Path,
) -> None:
    from click.testing import CliRunner

    from timeline.cli import cli

    path = tmp_path / "a.db"
    _store_with_articles(path, 3)
    body = "وقال إن الاجتماع المقبل سيعقد يوم 5 أيار 2021 في الرياض."
    _set_as_another_program(path, "UPDATE articles SET body = ? WHERE id = ?", (body, 2))
    done = CliRunner().invoke(cli, ["--db", str(path), "recompute", "--changed"])
    assert done.exit_code == 0, done.output
    assert "re-computed the events of 1 article (" in done.output
    with Store(path) as store:
        assert {e.value for e in store.events_of(2) if e.kind == "mentioned"} == {"2021-05-05"}
        assert store.changed_article_ids() == []
    again = CliRunner().invoke(cli, ["--db", str(path), "recompute", "--changed"])
    assert "re-computed the events of 0 articles" in again.output


def test_a_salvage_keeps_the_articles_still_to_be_read_again(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    _store_with_articles(path, 3)
    _set_as_another_program(path, "UPDATE articles SET body = 'نص آخر' WHERE id = ?", (2,))
    salvage(path, tmp_path / "saved.db")
    with Store(tmp_path / "saved.db") as saved:
        assert saved.changed_article_ids() == [2]


def test_the_programs_own_imports_note_nothing(tmp_path: Path, corpus: Path) -> None:
    """Every article inserted is noted by the trigger (one another program adds has no
    events); the program's own inserts take the note out with them, whichever way."""
    from timeline.library import import_paths

    folder = tmp_path / "folder"
    folder.mkdir()
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text("utf-8").splitlines()
    for n, line in enumerate(lines[:30]):
        (folder / f"{n:02}.json").write_text(line, "utf-8")
    with Store(tmp_path / "a.db") as store:
        import_paths(store, [corpus / "saudinewsnet" / "sample.jsonl"], processes=2)
        assert store.count_articles() == 200 and store.changed_article_ids() == []
    with Store(tmp_path / "b.db") as store:
        import_paths(store, [folder], processes=1)  # small files, written in groups
        store.add_article(ArticleDraft(title="خبر", body="نص"), "own", None)
        assert store.count_articles() == 31 and store.changed_article_ids() == []


def test_an_article_another_program_adds_is_dated_and_signed(tmp_path: Path) -> None:
    from timeline.library import recompute_events

    path = tmp_path / "a.db"
    _store_with_articles(path, 1)
    body = "وقال إن الاجتماع المقبل سيعقد يوم 5 أيار 2021 في الرياض." * 3
    _set_as_another_program(
        path,
        "INSERT INTO articles (uid, title, body, published_raw, imported_at)"
        " VALUES ('by-hand', 'خبر أضيف باليد', ?, '2021-04-30', '2021-05-01')",
        (body,),
    )
    with Store(path) as store:
        (added,) = store.changed_article_ids()
        assert store.events_of(added) == []  # nothing until it is read
        recompute_events(store, changed_only=True, processes=1)
        kinds = {(e.kind, e.value) for e in store.events_of(added)}
        assert ("published", "2021-04-30") in kinds and ("mentioned", "2021-05-05") in kinds
        signed = store.db.conn.execute(
            "SELECT count(*) FROM story_signatures WHERE article_id = ?", (added,)
        )
        assert signed.fetchone() == (1,)
        assert store.changed_article_ids() == []


def test_list_says_how_many_articles_wait_to_be_read_again(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from timeline.cli import cli

    path = tmp_path / "a.db"
    _store_with_articles(path, 2)
    runner = CliRunner()
    quiet = runner.invoke(cli, ["--db", str(path), "list"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    _set_as_another_program(path, "UPDATE articles SET body = 'نص آخر' WHERE id = ?", (1,))
    told = runner.invoke(cli, ["--db", str(path), "list", "--json"])
    assert told.exit_code == 0 and len(told.stdout.splitlines()) == 2  # stdout as before
    assert "1 article another program added or changed" in told.stderr
    assert "timeline recompute --changed" in told.stderr
