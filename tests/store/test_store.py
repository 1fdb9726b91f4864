"""The store: schema versions, refusals with clear messages, articles and events."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from timeline.model import ArticleDraft, DateValue, Event
from timeline.store import (
    READ_ONLY_REASONS,
    DamagedStoreError,
    ReadOnlyStoreError,
    Store,
    StoreError,
    said,
)
from timeline.store.repair import salvage
from timeline.store.schema import SCHEMA_VERSION


def draft(title: str = "عنوان", body: str = "متن") -> ArticleDraft:
    return ArticleDraft(title=title, body=body, source="مصدر", published_raw="2021")


def year(y: int) -> DateValue:
    from datetime import datetime

    from timeline.model import to_axis

    return DateValue(str(y), "year", to_axis(datetime(y, 1, 1)), to_axis(datetime(y + 1, 1, 1)))


def test_new_store_is_at_current_version_in_wal(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        mode = store.db.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        assert {"articles", "events"} <= set(store.db.table_names())


def test_two_programs_opening_one_new_store_at_once_both_open_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second reads version 0 while the first is still creating the tables; it
    used to migrate again once the first committed ("table articles already exists")."""
    from timeline.store import schema

    path = tmp_path / "a.db"
    first_migration = schema.MIGRATIONS[0]
    second: dict[str, object] = {}

    def open_second() -> None:
        try:
            with Store(path) as other:
                second["version"] = other.schema_version
        except StoreError as exc:
            second["error"] = str(exc)

    def migrate_while_another_opens(db: object) -> None:
        if not second:
            second["started"] = True
            thread = threading.Thread(target=open_second)
            thread.start()
            threads.append(thread)
            time.sleep(0.3)  # the other has read the version by now
        first_migration(db)  # type: ignore[arg-type]

    threads: list[threading.Thread] = []
    migrations = [migrate_while_another_opens, *schema.MIGRATIONS[1:]]
    monkeypatch.setattr("timeline.store.store.MIGRATIONS", migrations)
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    threads[0].join(10)
    assert "error" not in second
    assert second["version"] == SCHEMA_VERSION


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        Store(path)
    assert path.read_bytes() == before


def test_corrupt_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a usable timeline database"):
        Store(path)


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE x (y)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a timeline store"):
        Store(path)


def _journal(store: Store) -> str:
    return str(store.db.conn.execute("PRAGMA journal_mode").fetchone()[0])


def test_a_store_held_alone_is_written_in_a_rollback_journal_then_wal_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.db"
    with Store(path) as store:
        with store.held_alone() as alone:
            assert alone and _journal(store) == "delete"
            store.add_article(draft("أ"), "a", None)
            # Nobody else gets in meanwhile, not even to read (it would read the pages
            # half written, or hold a read that makes this one's commit wait).
            with pytest.raises(StoreError, match="locked"):
                Store(path, timeout=0.05)
            with pytest.raises(StoreError, match="locked by another program writing it"):
                Store(path, timeout=0.05, read_only=True)
        assert _journal(store) == "wal"
        with Store(path, timeout=0.05) as other:
            assert [a.title for a in other.articles()] == ["أ"]
            assert _journal(other) == "wal"


def test_a_store_open_elsewhere_is_not_held_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Store(path) as store, Store(path, timeout=0.05) as window:
        with store.held_alone() as alone:
            assert not alone and _journal(store) == "wal"
            store.add_article(draft("أ"), "a", None)
            assert [a.title for a in window.articles()] == ["أ"]  # read as it goes
        with store.transaction(), store.held_alone() as alone:
            assert not alone  # nor inside a transaction


def test_a_failure_while_held_alone_leaves_the_store_as_it_was_in_wal(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Store(path) as store:
        store.add_article(draft("kept"), "kept", None)
        with pytest.raises(RuntimeError), store.held_alone(), store.transaction():
            store.add_article(draft("lost"), "lost", None)
            raise RuntimeError("boom")
        assert _journal(store) == "wal"
    with Store(path) as again:
        assert [a.title for a in again.articles()] == ["kept"]


def test_locked_store_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = Store(path, timeout=0.1)
        with pytest.raises(StoreError, match="locked"), store.transaction():
            store.add_article(draft(), "uid-1", None)
        store.close()
    except StoreError as exc:  # WAL set-up itself may meet the lock first
        assert "locked" in str(exc)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_full_disk_is_reported_and_the_store_left_as_it_was(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        store.add_article(draft(), "uid-0", None)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 4}")  # SQLITE_FULL past it
        with pytest.raises(StoreError, match="the disk is full") as caught, store.transaction():
            for n in range(1, 200):
                store.add_article(draft(body=f"متن {n} " * 2000), f"uid-{n}", None)
        assert "free some space" in str(caught.value)
        assert store.count_articles() == 1


def _on_a_full_disk(monkeypatch: pytest.MonkeyPatch, pages: int) -> None:
    """Every connection a store opens refuses to grow its file past pages (SQLITE_FULL,
    as a full disk)."""
    connect = Store._connect

    def full(store: Store, target: str, timeout: float, *, uri: bool) -> sqlite3.Connection:
        conn = connect(store, target, timeout, uri=uri)
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(Store, "_connect", full)


@pytest.mark.parametrize("pages", [1, 8, 30])
def test_a_new_library_the_disk_has_no_room_for_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: int
) -> None:
    """Its making failed on a full disk, a file of 16 KB (its header alone) was left,
    which every later command called "not a timeline store"."""
    _on_a_full_disk(monkeypatch, pages)
    path = tmp_path / "new.db"
    with pytest.raises(StoreError) as refused:
        Store(path)
    assert str(refused.value) == said("disk_full", path=path)
    assert list(tmp_path.iterdir()) == []  # nor its -wal, -shm or journal
    monkeypatch.undo()  # room again: it is made as any new library
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.conn.execute("PRAGMA page_size").fetchone()[0] == 16384


def test_the_folders_made_for_a_new_library_that_failed_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new library in folders that did not exist: its making failed on a full disk,
    the folders made for it were left behind (a folder there before stays)."""
    _on_a_full_disk(monkeypatch, 1)
    path = tmp_path / "archive" / "2026" / "new.db"
    with pytest.raises(StoreError):
        Store(path)
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "archive").mkdir()
    with pytest.raises(StoreError):
        Store(path)
    assert list(tmp_path.iterdir()) == [tmp_path / "archive"]
    assert list((tmp_path / "archive").iterdir()) == []


def test_a_library_made_meanwhile_by_another_program_is_the_one_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two programs making the same new library: the one in place first is kept whole,
    the other's making removed."""
    path = tmp_path / "new.db"
    migrate = Store._migrate
    makings = []

    def another_program_first(store: Store) -> None:
        migrate(store)
        makings.append(store)
        if len(makings) == 1:  # the first making's schema is written: the other's is done
            with Store(path) as other:
                other.add_article(draft(), "theirs", None)

    monkeypatch.setattr(Store, "_migrate", another_program_first)
    with Store(path) as store:
        assert store.find_uid("theirs") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db"]


def test_missing_store_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "none.db", create=False)


def test_add_is_idempotent_by_uid(store: Store) -> None:
    first = store.add_article(draft(), "u1", year(2021))
    again = store.add_article(draft(), "u1", year(2021))
    assert first[1] is True and again == (first[0], False)
    assert store.count_articles() == 1
    (event,) = store.events_of(first[0])
    assert event.kind == "published" and event.value == "2021" and event.end is not None


def test_chronological_order_puts_undated_last(store: Store) -> None:
    late, _ = store.add_article(draft("late"), "a", year(2020))
    undated, _ = store.add_article(draft("undated"), "b", None)
    early, _ = store.add_article(draft("early"), "c", year(1950))
    assert store.chronological_ids() == [early, late, undated]
    assert [a.title for a in store.articles(undated_only=True)] == ["undated"]
    summaries = store.article_summaries([late, early])
    assert summaries[late] == ("late", "2020", "مصدر")


def test_replace_mentions_keeps_publication(store: Store) -> None:
    article_id, _ = store.add_article(draft(), "u", year(2021))
    mention = Event(article_id, "mentioned", 0, None, "day", "1970-01-01", "label", 0, 3)
    store.replace_mentions(article_id, [mention, mention])
    assert [e.kind for e in store.events_of(article_id)] == ["published", "mentioned", "mentioned"]
    store.replace_mentions(article_id, [])
    assert [e.kind for e in store.events_of(article_id)] == ["published"]


def test_event_rows_are_the_events_made_when_asked_for(store: Store) -> None:
    article_id, _ = store.add_article(draft(), "u", year(2021))
    undated, _ = store.add_article(draft("undated"), "v", None)
    mentions = [
        Event(article_id, "mentioned", 0, None, "day", "1970-01-01", "label", 0, 3),
        Event(article_id, "vague", None, None, "vague", "PAST_REF", "label", 5, 9),
        Event(article_id, "duration", None, None, "duration", "P3D", "label"),
    ]
    store.replace_mentions(article_id, mentions)
    store.replace_mentions(undated, [replace(mentions[0], article_id=undated)])
    events, rows = store.events_of(article_id), store.event_rows_of(article_id)
    assert list(rows) == events and rows == events and len(rows) == 4
    assert rows[-1] == events[-1] and rows[1:3] == events[1:3]
    assert rows.first_of_kind("published") == events[0] and events[0].kind == "published"
    assert rows.first_of_kind("vague") == next(e for e in events if e.kind == "vague")
    assert store.event_rows_of(undated).first_of_kind("published") is None
    assert rows.spans() == [(0, 3), (5, 9)]


def test_a_long_body_is_read_whole_in_steps_and_a_head_on_request(store: Store) -> None:
    from timeline.store import store as store_module

    step = store_module._BODY_STEP
    # Two-byte letters, a three-byte one and a four-byte one: some cut by a step's end.
    body = ("قمة " * (step // 3)) + "€" + ("x😀" * (step // 5)) + " آخر"
    article_id, _ = store.add_article(draft(body=body), "long", None)
    short_id, _ = store.add_article(draft(body="متن قصير"), "short", None)
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    article = store.article(article_id)
    store.conn.set_trace_callback(None)
    assert article is not None and article.body == body and article.title == "عنوان"
    assert len(body.encode()) > 3 * step
    # The body itself never comes through a statement (one str made holding the GIL).
    assert seen and not any("body," in s and "''" not in s for s in seen)
    head = store.article(article_id, body_chars=10)
    assert head is not None and head.body == body[:10] and head.source == "مصدر"
    short = store.article(short_id)
    assert short is not None and (short.uid, short.body) == ("short", "متن قصير")
    assert store.article(10**6) is None


def test_the_users_values_read_a_body_only_to_find_corrected_spans(store: Store) -> None:
    from timeline.store import edits as user

    plain, _ = store.add_article(draft(body="نص بلا تصحيح"), "plain", None)
    store.conn.execute(
        "INSERT INTO user_notes (article_uid, note, who, at) VALUES ('plain', 'n', 'me', 't')"
    )
    reads: list[str] = []
    store.conn.set_trace_callback(reads.append)
    values = user.user_values(store, [plain])
    store.conn.set_trace_callback(None)
    assert values[plain].note == "n"
    assert not any("body" in r for r in reads)


def test_event_rows_give_spans_in_text_order_and_keep_what_they_worked_out(
    store: Store,
) -> None:
    article_id, _ = store.add_article(draft(body="x" * 40), "u", year(2021))
    # Rows come in date order; the text order of their spans is another.
    store.replace_mentions(
        article_id,
        [
            Event(article_id, "mentioned", 0, None, "day", "1970-01-01", "a", 30, 34),
            Event(article_id, "mentioned", 5, None, "day", "1970-01-06", "b", 2, 6),
        ],
    )
    rows = store.event_rows_of(article_id)
    assert rows.prepare("published") is rows
    assert rows.spans() == [(2, 6), (30, 34)] and rows.spans() is rows.spans()
    first = rows.first_of_kind("published")
    assert (
        first is not None and first.kind == "published" and rows.first_of_kind("published") is first
    )


def test_failed_transaction_leaves_store_as_it_was(store: Store) -> None:
    store.add_article(draft("kept"), "kept", None)
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(draft("lost"), "lost", None)
        raise RuntimeError("boom")
    assert [a.title for a in store.articles()] == ["kept"]


def test_a_transaction_that_reads_first_is_not_refused_for_anothers_commit(
    tmp_path: Path,
) -> None:
    # A transaction takes the write lock as it begins: another process waits for it
    # (here, with no time to wait, is refused), and its own write after a read is never
    # refused because the other committed in between (SQLITE_BUSY_SNAPSHOT).
    path = tmp_path / "t.db"
    with Store(path) as mine, Store(path, timeout=0.05) as other:
        first, _ = mine.add_article(draft("أ"), "a", None)
        with mine.transaction():
            assert mine.article(first) is not None  # a read opens the snapshot
            with pytest.raises((StoreError, sqlite3.OperationalError), match="locked"):
                other.add_article(draft("ب"), "b", None)
            mine.set_published(first, year(1999), "أ")
        assert [a.title for a in other.articles()] == ["أ"]
        assert other.article(first).published == "1999"


def test_set_published_replaces_the_publication_event(store: Store) -> None:
    article_id, _ = store.add_article(draft(), "u", None)
    assert store.events_of(article_id) == []
    store.set_published(article_id, year(1999), "عنوان")
    (event,) = store.events_of(article_id)
    assert (event.kind, event.value) == ("published", "1999")
    assert store.article(article_id).published == "1999"


def _damaged_store(path: Path, articles: int = 300) -> None:
    """A store of articles with one page in the middle overwritten with random bytes."""
    with Store(path) as store, store.transaction():
        for i in range(articles):
            store.add_article(draft(f"t{i}", "كلمة " * 400 + str(i)), f"u{i}", year(2000))
    with Store(path) as store:
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    pages = len(data) // 16384
    middle = pages // 2
    data[middle * 16384 : (middle + 1) * 16384] = random.Random(7).randbytes(16384)
    path.write_bytes(bytes(data))


def test_damaged_page_is_found_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    _damaged_store(path)
    before = path.read_bytes()
    with pytest.raises(DamagedStoreError, match=r"is damaged .* repair"):
        Store(path)
    assert path.read_bytes() == before


def test_damage_met_later_refuses_every_write(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    _damaged_store(path)
    before = path.read_bytes()
    # check=False stands for a file too large to check on opening.
    with Store(path, check=False) as store:
        with pytest.raises(DamagedStoreError):
            store.articles()
        assert store.damage is not None
        with pytest.raises(DamagedStoreError), store.transaction():
            store.add_article(draft("new"), "new", None)
    assert path.read_bytes() == before


def test_salvage_copies_what_reads_and_leaves_the_original(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    _damaged_store(path)
    before = path.read_bytes()
    report = salvage(path, tmp_path / "saved.db")
    assert path.read_bytes() == before
    with Store(tmp_path / "saved.db") as saved:
        kept = saved.count_articles()
        assert 250 <= kept < 300 and report.copied["articles"] == kept
        assert saved.db.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # Each salvaged article kept its publication event and is found by search.
        assert saved.count_events() == kept
        assert saved.db.conn.execute("SELECT count(*) FROM article_search").fetchone()[0] == kept
    assert sum(report.unreadable.values()) > 0
    with pytest.raises(StoreError, match="exists already"):
        salvage(path, tmp_path / "saved.db")


def test_salvage_says_how_far_each_table_is(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    _damaged_store(path)
    heard: list[tuple[int, int, str]] = []
    salvage(path, tmp_path / "saved.db", lambda *step: heard.append(step))
    tables = list(dict.fromkeys(table for _d, _t, table in heard))
    assert tables[0] == "articles" and tables[-1] == "story_bands" and "events" in tables
    assert all(0 <= done <= total for done, total, _table in heard)
    assert heard[-1] == (1, 1, "story_bands")


def test_read_only_request_refuses_writes_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Store(path) as store:
        store.add_article(draft(), "u", None)
    with Store(path, read_only=True) as store:
        assert store.count_articles() == 1
        with pytest.raises(ReadOnlyStoreError, match="read-only"), store.transaction():
            store.add_article(draft("x"), "x", None)


@pytest.fixture
def immutable_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody can write, root included (`chattr +i`); skipped where unsupported."""
    folder = tmp_path / "ro"
    folder.mkdir()
    with Store(folder / "a.db") as store:
        store.add_article(draft(), "u", year(2020))
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not available")
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot make a folder immutable here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_store_in_a_read_only_folder_is_read(immutable_folder: Path) -> None:
    path = immutable_folder / "a.db"
    assert not (immutable_folder / "a.db-wal").exists()
    with Store(path) as store:
        assert store.read_only is not None and "not writable" in store.read_only
        assert [a.title for a in store.articles()] == ["عنوان"]
        shown = store.article(store.articles()[0].id)  # its body through the blob handle
        assert shown is not None and shown.body == "متن"
        with (
            pytest.raises(ReadOnlyStoreError, match=r"folder .* is not writable"),
            store.transaction(),
        ):
            store.add_article(draft("x"), "x", None)


def test_an_article_deleted_between_its_row_and_its_body_is_gone(store: Store) -> None:
    article_id, _ = store.add_article(draft(body="متن"), "gone", None)
    original = store.db.conn.blobopen

    def deleted_first(*args: object, **kwargs: object) -> object:
        # Another process deletes the article after its row was read.
        other = sqlite3.connect(store.path)
        other.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        other.commit()
        other.close()
        return original(*args, **kwargs)

    store.db.conn.blobopen = deleted_first  # type: ignore[method-assign]
    assert store.article(article_id) is None


@pytest.mark.parametrize("kind", ["folder", "pipe", "device"])
def test_a_name_that_is_no_regular_file_is_refused_and_nothing_made_beside_it(
    tmp_path: Path, kind: str
) -> None:
    import os

    if kind == "folder":
        path = tmp_path / "a folder.db"
        path.mkdir()
    elif kind == "pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        path = tmp_path / "a pipe.db"
        os.mkfifo(path)
    else:
        path = Path(os.devnull)
        if not path.exists() or path.is_file():
            pytest.skip("no null device here")

    def beside() -> set[str]:  # what SQLite would make: NAME-journal, NAME-wal, NAME-shm
        return {p.name for p in path.parent.glob(f"{path.name}-*")}

    before = beside()
    for create in (True, False):
        with pytest.raises(StoreError, match="is not a database file"):
            Store(path, create=create)
    assert beside() == before


def test_salvage_makes_the_band_rows_again_and_keeps_finding_copies(tmp_path: Path) -> None:
    import json

    from tests.stories.test_store_stories import RECORDS
    from tests.stories.texts import AGENCY
    from timeline import library
    from timeline.store import stories as story_store

    path = tmp_path / "a.db"
    source = tmp_path / "a.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS), "utf-8")
    with Store(path) as store:
        library.import_paths(store, [source])
        bands = store.db.conn.execute(
            "SELECT band_key, article_id FROM story_bands ORDER BY 1, 2"
        ).fetchall()
        words = store.db.conn.execute("SELECT word FROM search_pair_words ORDER BY 1").fetchall()
    assert bands and words
    report = salvage(path, tmp_path / "saved.db")
    # Tables without rowids were read by rowid range before: none copied, 102,000 ids
    # said unreadable.  Now made again from what was copied.
    assert report.unreadable == {} and report.tables_lost == []
    assert report.made_again == {"story_bands": len(bands)}
    with Store(tmp_path / "saved.db") as saved:
        conn = saved.db.conn
        assert (
            conn.execute("SELECT band_key, article_id FROM story_bands ORDER BY 1, 2").fetchall()
            == bands
        )
        assert conn.execute("SELECT word FROM search_pair_words ORDER BY 1").fetchall() == words
        # A copy imported into the salvaged store still finds the story it copies.
        again = tmp_path / "b.jsonl"
        copy = {
            "title": "نسخة أخرى",
            "body": AGENCY,
            "source": "x",
            "published": "2015-08-02T16:00",
        }
        again.write_text(json.dumps(copy, ensure_ascii=False), "utf-8")
        library.import_paths(saved, [again])
        (new,) = [a.id for a in saved.articles() if a.title == "نسخة أخرى"]
        story = story_store.story_of(saved, new)
        assert story is not None and len(story.articles) == 3


def test_every_table_without_rowids_is_made_again_by_a_salvage(tmp_path: Path) -> None:
    from timeline.store import repair

    with Store(tmp_path / "a.db") as store:
        keyed = {
            name
            for name, sql in store.db.conn.execute("SELECT name, sql FROM sqlite_master")
            if sql and "WITHOUT ROWID" in sql.upper()
        }
        virtual = {
            name
            for name, sql in store.db.conn.execute("SELECT name, sql FROM sqlite_master")
            if sql and "VIRTUAL" in sql.upper()
        }
    # The full-text indexes' own tables are refilled by the new store's triggers.
    own = {k for k in keyed if not any(k.startswith(v + "_") for v in virtual)}
    assert own == set(repair._MADE_AGAIN)


def test_a_new_store_in_a_folder_not_writable_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite said only "unable to open database file" (a read-only mount, a shared
    folder); root passes any permission check, so the folder's answer is stood in for."""
    import os

    from timeline.store import store as store_module

    real = os.access
    monkeypatch.setattr(
        store_module.os,
        "access",
        lambda path, mode: (
            False if Path(path) == tmp_path and mode == os.W_OK else real(path, mode)
        ),
    )
    with pytest.raises(StoreError, match=r"cannot make .*new\.db: its folder .* is not writable"):
        Store(tmp_path / "new.db")
    assert not (tmp_path / "new.db").exists()


def test_data_version_changes_with_another_connections_commit_only(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Store(path) as store, Store(path, create=False) as other:
        start = store.data_version()
        assert start is not None
        store.add_article(draft(), "uid-own", None)  # its own write: no change
        assert store.data_version() == start
        other.add_article(draft(body="نص آخر"), "uid-other", None)
        assert store.data_version() not in (None, start)


def test_a_change_stamp_is_another_after_anothers_commit_or_a_new_connection(
    tmp_path: Path,
) -> None:
    # data_version counts per connection: a number the new connection of a reconnect
    # gives could be one the old one gave, so the connection's own number goes with it.
    path = tmp_path / "a.db"
    with Store(path) as store:
        stamp = store.change_stamp()
        assert stamp is not None and store.change_stamp() == stamp
        with Store(path, create=False) as other:
            other.add_article(draft(), "uid-other", None)
        changed = store.change_stamp()
        assert changed is not None and changed != stamp
        assert store.reconnect()
        assert store.change_stamp() not in (None, stamp, changed)
        with Store(path, create=False) as other:
            assert other.change_stamp() != store.change_stamp()


def test_data_version_is_read_at_once_while_another_program_writes(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Store(path, timeout=5.0) as store:
        start = store.data_version()
        waits = store.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # the write lock, held mid-import
        try:
            holder.execute("CREATE TABLE scratch (a)")
            began = time.monotonic()
            assert store.data_version() == start  # nothing committed yet
            assert time.monotonic() - began < 1.0
        finally:
            holder.execute("COMMIT")
            holder.close()
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == waits
        assert store.data_version() != start


def test_a_library_file_nobody_can_write_in_a_writable_folder_is_read(tmp_path: Path) -> None:
    """The library's file read-only (`chattr +i`, which binds root too), its folder
    writable: read, and a write refused in one line that says the file is why."""
    path = tmp_path / "a.db"
    with Store(path) as store:
        store.add_article(draft(), "u", year(2020))
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not available")
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot make a file immutable here: {done.stderr.decode().strip()}")
    try:
        before = path.read_bytes()
        with Store(path) as store:
            assert store.read_only == READ_ONLY_REASONS["file"]
            assert [a.title for a in store.articles()] == ["عنوان"]
            with pytest.raises(ReadOnlyStoreError) as refused:
                store.add_article(draft(), "u2", year(2021))
        assert str(refused.value) == said("read_only", path=path, reason=READ_ONLY_REASONS["file"])
        assert path.read_bytes() == before
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
