"""What opening a library checks before it writes anything: the file as found is read
over a read-only connection first, so a damaged, foreign or empty file is refused
as it was, with the files beside it."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.store.test_store import immutable_folder  # noqa: F401 (a fixture)
from timeline.model import ArticleDraft
from timeline.store import DamagedStoreError, Store, StoreError
from timeline.store import store as store_module
from timeline.store.schema import SCHEMA_VERSION


def _library(path: Path, articles: int = 200) -> None:
    with Store(path) as store, store.transaction():
        for i in range(articles):
            draft = ArticleDraft(title=f"عنوان {i}", body="كلمة " * 300 + str(i), source="س")
            store.add_article(draft, f"u{i}", None)
    with Store(path) as store:
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _files(path: Path) -> dict[str, bytes]:
    """The library's file and the -wal beside it, as bytes (an -wal that is not there as
    an empty one: a read-only connection to a library in WAL mode makes it, empty)."""
    return {p.name: p.read_bytes() if p.exists() else b"" for p in (path, Path(f"{path}-wal"))}


def _other_database_wal(folder: Path) -> bytes:
    """The -wal of another database, holding pages not yet copied into its file."""
    other = folder / "other.db"
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("BEGIN")
    for _ in range(60):
        conn.execute("INSERT INTO t VALUES (randomblob(3000))")
    conn.execute("COMMIT")
    wal = Path(f"{other}-wal").read_bytes()
    conn.close()
    return wal


def test_another_database_s_wal_beside_the_library_is_never_copied_into_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.db"
    _library(path)
    wal = _other_database_wal(tmp_path)
    # Restored from a backup beside the -wal of what was there before, say.
    Path(f"{path}-wal").write_bytes(wal)
    store_module._checked.clear()  # a new process: a command, or the window started anew
    before = _files(path)
    with pytest.raises(StoreError):
        Store(path, create=False)
    # A writable connection had copied the other database's pages into the file as it
    # closed, and deleted the -wal: both are as they were.
    assert _files(path) == before


def test_a_damaged_older_library_is_not_upgraded_before_the_damage_is_found(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.db"
    _library(path, articles=300)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION - 1}")
    conn.close()
    data = bytearray(path.read_bytes())
    middle = len(data) // 16384 // 2
    data[middle * 16384 : (middle + 1) * 16384] = random.Random(3).randbytes(16384)
    path.write_bytes(bytes(data))
    before = _files(path)
    with pytest.raises(DamagedStoreError, match="nothing was written"):
        Store(path)
    assert _files(path) == before


def test_another_program_s_database_at_a_high_version_is_not_called_newer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("PRAGMA user_version=74")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a timeline store"):
        Store(path)
    assert path.read_bytes() == before
    # A library of a later version of this program is still told apart.
    newer = tmp_path / "newer.db"
    Store(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer version"):
        Store(newer)


def test_an_empty_file_is_no_library_to_a_command_that_only_reads(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with pytest.raises(StoreError, match="no database"):
        Store(path, create=False)
    assert path.stat().st_size == 0
    with Store(path) as store:  # asked to make one there (the window's new library)
        assert store.count_articles() == 0


def test_a_full_disk_that_leaves_no_room_for_sqlite_s_files_is_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.db"
    with Store(path) as store:
        error = sqlite3.OperationalError("disk I/O error")
        assert "disk I/O error" in store._explain(error)
        usage = shutil.disk_usage(tmp_path)._replace(free=4096)
        monkeypatch.setattr(store_module.shutil, "disk_usage", lambda _folder: usage)
        assert "the disk is full" in store._explain(error)


def test_a_link_to_a_library_in_a_read_only_folder_opens_it_read_only(
    tmp_path: Path,
    immutable_folder: Path,  # noqa: F811 (the fixture imported above)
) -> None:
    link = tmp_path / "link.db"
    link.symlink_to(immutable_folder / "a.db")
    with Store(link) as store:
        assert store.read_only is not None and "not writable" in store.read_only
        assert store.count_articles() == 1


def test_a_store_opens_its_file_again_only_when_no_other_store_here_has_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.db"
    _library(path, articles=2)
    with Store(path) as store:
        first = store.conn
        with Store(path, create=False) as other:
            assert store_module.held_here(path) == 2
            # SQLite would keep the locks it thinks it holds: nothing is done.
            assert not store.reconnect() and store.conn is first
            assert other.count_articles() == 2
        assert store.reconnect() and store.conn is not first
        assert store_module.held_here(path) == 1
        assert store.count_articles() == 2
    assert store_module.held_here(path) == 0
