"""What opening a library checks before it writes anything: the file as found is read
over a read-only connection first, so a damaged, foreign or empty file is refused
as it was, with the files beside it."""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from tests.store.test_store import immutable_folder  # noqa: F401 (a fixture)
from timeline.model import ArticleDraft
from timeline.store import DamagedStoreError, Store, StoreError, said, schema_check
from timeline.store import store as store_module
from timeline.store.schema import MIGRATIONS, SCHEMA_VERSION


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
    """Said to be no timeline store, which it is not (an empty database to SQLite), not
    "no database at" it, which a missing file is said."""
    path = tmp_path / "empty.db"
    path.touch()
    with pytest.raises(StoreError) as refused:
        Store(path, create=False)
    assert str(refused.value) == said("not_a_store", path=path)
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
        # Met while opening, nothing was being written: the window says so (a command
        # holds the file alone instead: Store._connect_alone).
        assert store._explain(error, opening=True) == said("disk_full_to_open", path=path)


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


def _older_library(path: Path, version: int, *, wal: bool = True) -> None:
    """A library of a few articles as the given schema version left it (every migration
    up to it), in WAL mode as the program leaves one unless wal=False."""
    if version == SCHEMA_VERSION:
        _library(path, articles=5)
    else:
        db = sqlite_utils.Database(path)
        for migrate in MIGRATIONS[:version]:
            migrate(db)
        db.conn.executemany(
            "INSERT INTO articles (uid, title, body, imported_at) VALUES (?, ?, ?, 'now')",
            [(f"u{i}", f"عنوان {i}", "كلمة " * 30) for i in range(5)],
        )
        db.conn.commit()
        db.conn.execute(f"PRAGMA user_version={version}")
        db.conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA journal_mode={'WAL' if wal else 'DELETE'}")
    conn.close()


def _damaged(path: Path, *statements: str) -> None:
    """The library with statements run on it by another program (writable_schema on:
    an entry of sqlite_master removed by hand, as a tool that "repairs" may)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA writable_schema=ON")
    for statement in statements:
        conn.execute(statement)
    conn.close()


# How each part of the schema was lost, and what the refusal names.
SCHEMA_DAMAGES = {
    "table": (["DROP TABLE events"], "its table events is missing"),
    "index": (["DROP INDEX events_article"], "its index events_article is missing"),
    "trigger": (["DROP TRIGGER article_search_insert"], "its trigger article_search_insert"),
    "view": (["DROP VIEW article_search_text"], "its view article_search_text is missing"),
    "shadow table": (["DROP TABLE article_fts_docsize"], "its table article_fts_docsize is"),
    "full-text index": (
        ["DELETE FROM sqlite_master WHERE name = 'article_fts'"],
        "its full-text index article_fts is missing",
    ),
    "module": (
        [
            "UPDATE sqlite_master SET sql = 'CREATE VIRTUAL TABLE article_fts"
            " USING gone(body, title, lead)' WHERE name = 'article_fts'"
        ],
        "its table article_fts cannot be read (no such module: gone)",
    ),
    "shape": (
        [
            "DROP TABLE article_search",
            "CREATE TABLE article_search"
            " (fts_rowid INTEGER PRIMARY KEY, article_id INTEGER NOT NULL UNIQUE)",
        ],
        "its table article_search has no column published_start",
    ),
    "constraint": (
        [
            "DROP TABLE article_search",
            "CREATE TABLE article_search"
            " (fts_rowid INTEGER PRIMARY KEY, article_id INTEGER, published_start INTEGER)",
        ],
        "its table article_search lacks a uniqueness constraint",
    ),
    "version": (["PRAGMA user_version=-3"], "its schema version -3 is none this program"),
    # Said "not a timeline store", though its tables are a library's: repair copies it.
    "version 0": (["PRAGMA user_version=0"], "its schema version 0 is none this program"),
}


@pytest.mark.parametrize("version", [2, 11, 19, SCHEMA_VERSION])
@pytest.mark.parametrize("damage", sorted(SCHEMA_DAMAGES))
def test_a_library_lacking_part_of_its_schema_is_refused_before_anything_is_written(
    tmp_path: Path, version: int, damage: str
) -> None:
    """A v19 library without its events table was upgraded to v20 (written), then `list`
    failed on "no such table: events"; a current one failed deep in a command."""
    path = tmp_path / "a.db"
    _older_library(path, version)
    statements, said = SCHEMA_DAMAGES[damage]
    _damaged(path, *statements)
    before = _files(path)
    for options in ({}, {"create": False}, {"read_only": True}):
        store_module._checked.clear()  # a new process: a command, or the window started anew
        with pytest.raises(DamagedStoreError, match="nothing was written") as refused:
            Store(path, **options)  # type: ignore[arg-type]
        assert said in str(refused.value) and "repair" in str(refused.value)
        assert _files(path) == before
    # Checked on a file opened before in this process too (the quick check is not due).
    with pytest.raises(DamagedStoreError, match=re.escape(said)):
        Store(path)
    assert _files(path) == before


def test_what_another_program_adds_to_a_library_is_no_damage(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    _older_library(path, SCHEMA_VERSION - 1)
    _damaged(
        path,
        "CREATE TABLE notes_of_mine (x)",
        "ALTER TABLE articles ADD COLUMN my_rating INTEGER",
        "CREATE INDEX my_rating ON articles(my_rating)",
        "CREATE TRIGGER my_trigger AFTER INSERT ON notes_of_mine BEGIN SELECT 1; END",
    )
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION and store.count_articles() == 5


def test_the_current_schema_listed_for_the_check_is_what_the_migrations_make() -> None:
    listed = schema_check.objects_of_version(SCHEMA_VERSION)
    made = schema_check.made_objects(SCHEMA_VERSION)
    assert listed == made, "a migration was added: list what it makes in schema_check._CURRENT"


def test_an_upgrade_stopped_by_what_the_library_holds_leaves_it_as_it_was(
    tmp_path: Path,
) -> None:
    """A table of a later version already there (another program's upgrade cut short, a
    version set back by hand): the upgrade is rolled back and the library said damaged,
    its file as it was, in its rollback journal still (the switch to WAL came first)."""
    path = tmp_path / "a.db"
    _older_library(path, 10, wal=False)
    _damaged(path, "CREATE TABLE timeline_density (day INTEGER PRIMARY KEY, n INTEGER)")
    before = _files(path)
    with pytest.raises(DamagedStoreError, match="upgrade from schema 10 stopped") as refused:
        Store(path)
    assert "timeline_density already exists" in str(refused.value)
    assert _files(path) == before


@pytest.mark.parametrize("wal", [True, False])
def test_an_upgrade_killed_halfway_is_run_again_whole(tmp_path: Path, wal: bool) -> None:
    path = tmp_path / "a.db"
    _older_library(path, 12, wal=wal)
    killed = f"""
import os
from timeline.store import schema, store
store.MIGRATIONS = [*schema.MIGRATIONS[:16], lambda db: os._exit(9)]
store.Store({str(path)!r})
"""
    done = subprocess.run([sys.executable, "-c", killed], check=False, timeout=120)
    assert done.returncode == 9
    store_module._checked.clear()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION and store.count_articles() == 5


def test_opening_a_current_library_loads_no_sqlite_utils(tmp_path: Path) -> None:
    """Its check of the schema read the names of the tables through sqlite-utils, whose
    import took a third of a second of every command and window start."""
    path = tmp_path / "a.db"
    _library(path, articles=2)
    # Opened twice: checked first over the read-only connection (the quick check due),
    # then over the store's own (checked before in this process, as a window's workers).
    opened = f"""
import sys
from timeline.store import Store
for _ in range(2):
    with Store({str(path)!r}, create=False) as store:
        store.count_articles()
print("sqlite_utils" in sys.modules)
"""
    done = subprocess.run(
        [sys.executable, "-c", opened], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False", done.stderr


@pytest.mark.parametrize("version", [11, SCHEMA_VERSION])
def test_a_library_cut_short_is_said_so_before_anything_is_written(
    tmp_path: Path, version: int
) -> None:
    """SQLite said only "database disk image is malformed" of a copy or download that
    did not finish: the line now says the file is cut, and that a whole copy is better
    than the repair."""
    path = tmp_path / "a.db"
    _older_library(path, version)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = _files(path)
    for options in ({}, {"read_only": True}, {"check": False}):
        store_module._checked.clear()
        with pytest.raises(DamagedStoreError, match="is cut short: it holds") as refused:
            Store(path, **options)  # type: ignore[arg-type]
        assert f"{len(data) // 2} of the {len(data)} bytes" in str(refused.value)
        assert _files(path) == before
    # A -wal beside it may hold what the header counts (a checkpoint cut short): SQLite
    # is left to judge.
    assert store_module._cut_short(path) is not None
    Path(f"{path}-wal").write_bytes(b"\0" * 32)
    assert store_module._cut_short(path) is None


def test_a_full_text_index_its_module_cannot_read_just_now_is_no_damage(tmp_path: Path) -> None:
    """Over a read-only connection to a -shm another program had just reset, FTS5 said
    "vtable constructor failed": a passing failure (the reads after it say what is wrong
    if any is), not a damaged library; a module that is not there at all is."""
    path = tmp_path / "a.db"
    _library(path, articles=2)
    conn = sqlite3.connect(path)

    class Refusing:
        def __init__(self, said: str) -> None:
            self.said = said

        def execute(self, sql: str, *parameters: object) -> sqlite3.Cursor:
            if sql == 'PRAGMA table_info("article_fts")':
                raise sqlite3.OperationalError(self.said)
            return conn.execute(sql, *parameters)

    passing = Refusing("vtable constructor failed: article_fts")
    assert schema_check.lacking(passing, SCHEMA_VERSION) is None  # type: ignore[arg-type]
    gone = Refusing("no such module: fts5")
    assert schema_check.lacking(gone, SCHEMA_VERSION) == (  # type: ignore[arg-type]
        "unreadable",
        {"name": "article_fts", "detail": "no such module: fts5"},
    )
    conn.close()


@pytest.mark.parametrize("create", [True, False])
def test_a_name_the_system_cannot_look_up_is_said_as_such(tmp_path: Path, create: bool) -> None:
    """A name longer than the system looks up (from $TIMELINE_DB, or the settings):
    Path.exists raised, and the command line said "unexpected OSError"."""
    name = tmp_path / ("x" * 5000) / "library.db"
    with pytest.raises(StoreError, match=r"^cannot open .*: File name too long$"):
        Store(name, create=create)


_HOLD_AND_WRITE = (
    "import sys, time\n"
    "from timeline.store import Store\n"
    "s = Store(sys.argv[1])\n"
    "s.db.conn.execute('PRAGMA wal_autocheckpoint=0')\n"
    "with s.transaction():\n"
    "    s.db.conn.execute(\"UPDATE articles SET title = title || ' held'\")\n"
    "print('written', flush=True)\n"
    "time.sleep(60)\n"
)


def renamed_over_a_held_library(folder: Path) -> tuple[Path, set[str]]:
    """A library renamed over another's file while a program held that one and wrote to
    its -wal, then the program killed (as a window on it is, by SIGKILL): the path, the
    -wal and -shm of the first library beside the second's file; and the titles the
    second library holds."""
    path, other = folder / "lib.db", folder / "other.db"
    with Store(path) as store, store.transaction():
        for i in range(60):
            draft = ArticleDraft(title=f"الأولى {i}", body="كلمة " * 400 + str(i), source="س")
            store.add_article(draft, f"a{i}", None)
    with Store(other) as store, store.transaction():
        for i in range(40):
            draft = ArticleDraft(title=f"الثانية {i}", body="خبر " * 300 + str(i), source="س")
            store.add_article(draft, f"b{i}", None)
    with Store(other) as store:
        titles = {row[0] for row in store.db.conn.execute("SELECT title FROM articles")}
    with subprocess.Popen(
        [sys.executable, "-c", _HOLD_AND_WRITE, str(path)],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],  # the package under test
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == b"written"
            os.replace(other, path)
        finally:
            holder.kill()
    assert Path(f"{path}-wal").stat().st_size > 0
    return path, titles


def test_a_wal_another_library_left_beside_a_whole_file_is_said_so(tmp_path: Path) -> None:
    """Every reader called the library renamed there "damaged; nothing was written to
    it", though its file is whole: the -wal beside it is the other library's."""
    path, titles = renamed_over_a_held_library(tmp_path)
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    store_module._checked.clear()  # a new process
    before = _files(path)
    for create in (False, True):
        with pytest.raises(DamagedStoreError) as refused:
            Store(path, create=create)
        assert str(refused.value) == said("wal_not_its_own", path=path, wal=wal, shm=shm)
    assert _files(path) == before  # nothing written to either
    # Done as the line says, the library opens as its file holds it.
    aside = tmp_path / "aside"
    aside.mkdir()
    os.replace(wal, aside / wal.name)
    os.replace(shm, aside / shm.name)
    with Store(path, create=False) as store:
        assert {row[0] for row in store.db.conn.execute("SELECT title FROM articles")} == titles


def test_a_damaged_library_with_its_own_wal_is_still_said_damaged(tmp_path: Path) -> None:
    """Not every damage beside a -wal is a -wal of another library: a file damaged
    alone (its -wal its own) is said damaged, as before."""
    path = tmp_path / "a.db"
    _library(path, 60)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE articles SET source = 'ص' WHERE id = 1")
    with path.open("r+b") as file:  # a page of the file overwritten, the -wal kept
        file.seek(16384 * 5)
        file.write(b"\xff" * 16384)
    store_module._checked.clear()
    try:
        with pytest.raises(StoreError) as refused:
            Store(path, create=False)
    finally:
        conn.close()
    assert "not its own" not in str(refused.value)


@pytest.mark.parametrize("depth", ["lib.db", "sub/lib.db"])
def test_a_file_where_the_library_s_folder_would_be_is_said_in_words(
    tmp_path: Path, depth: str
) -> None:
    """A data folder whose place a file holds said "[Errno 17] File exists: '...'"
    (Python's words and number; "[Errno 20] Not a directory" a folder deeper)."""
    in_the_way = tmp_path / "data"
    in_the_way.write_text("a file")
    path = in_the_way / depth
    with pytest.raises(StoreError) as refused:
        Store(path)
    assert "Errno" not in str(refused.value)
    assert str(refused.value) == said("folder_is_a_file", path=path, folder=in_the_way)
    assert in_the_way.read_text() == "a file"


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("device", [(1, 3), (1, 5)], ids=["null", "zero"])
def test_a_device_is_no_library_to_any_reader(tmp_path: Path, device: tuple[int, int]) -> None:
    """A device is said not to be a database file, by the store and the repair alike,
    and nothing is made beside it (a device of its own, never the system's)."""
    import stat

    from timeline.store.repair import salvage

    path = tmp_path / "dev"
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(*device))
    for create in (False, True):
        with pytest.raises(StoreError) as refused:
            Store(path, create=create)
        assert str(refused.value) == said("not_a_file", path=path)
    with pytest.raises(StoreError) as refused:
        salvage(path, tmp_path / "saved.db")
    assert str(refused.value) == said("not_a_file", path=path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dev"]
