"""timeline repair (repair.salvage) on what it must refuse or read as it was committed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.store.test_opening_checks import renamed_over_a_held_library
from tests.store.test_store import draft, year
from timeline.cli import cli
from timeline.store import LockedStoreError, Store, StoreError
from timeline.store.repair import salvage


def _library(path: Path, articles: int = 200) -> None:
    """A library of articles of about 2 KB each, all of it in the file (no -wal)."""
    with Store(path) as store, store.transaction():
        for i in range(articles):
            store.add_article(draft(f"t{i}", "كلمة " * 400 + str(i)), f"u{i}", year(2000))
    assert not path.with_name(path.name + "-wal").exists()


def test_a_library_another_program_holds_is_refused_as_locked(tmp_path: Path) -> None:
    """Read as it is, its last commit (in the -wal the holder keeps) was left out."""
    path = tmp_path / "a.db"
    _library(path, 5)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("UPDATE articles SET title = 'committed ' || title")
    try:
        with pytest.raises(LockedStoreError, match="is locked by another program"):
            salvage(path, tmp_path / "saved.db")
    finally:
        holder.close()
    assert not (tmp_path / "saved.db").exists()


def test_a_write_another_program_left_unfinished_is_refused(tmp_path: Path) -> None:
    """A hot -journal: read as it is, the file gives the unfinished write's pages."""
    path = tmp_path / "a.db"
    _library(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    killed = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size=5')\n"
        "c.execute('BEGIN')\n"
        "c.execute(\"UPDATE articles SET title = 'unfinished', body = body || body\")\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", killed, str(path)], check=False)
    assert path.with_name("a.db-journal").stat().st_size > 0
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"unfinished write .* rolled back first"):
        salvage(path, tmp_path / "saved.db")
    assert path.read_bytes() == before
    assert not (tmp_path / "saved.db").exists()


def _another_program(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.close()


def _newer(path: Path) -> None:
    _library(path, 3)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version=999")
    conn.close()


@pytest.mark.parametrize(
    ("make", "refusal"),
    [
        (lambda path: path.mkdir(), "is not a database file"),
        (lambda path: os.mkfifo(path), "is not a database file"),  # opened, it waits
        (lambda path: path.write_bytes(b""), "is empty"),
        (lambda path: path.write_bytes(b"not SQLite " * 100), "is not a usable timeline"),
        (_another_program, "is an SQLite database, but not a timeline store"),
        (_newer, r"written by a newer version of this program \(schema 999;"),
    ],
    ids=["folder", "pipe", "empty", "not-sqlite", "another-program", "newer"],
)
def test_what_is_no_damaged_library_is_refused_and_nothing_written(
    tmp_path: Path, make, refusal: str
) -> None:
    path = tmp_path / "a.db"
    make(path)
    with pytest.raises(StoreError, match=refusal):
        salvage(path, tmp_path / "saved.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db"]


@pytest.mark.parametrize("half", [False, True], ids=["last-page-missing", "half-missing"])
def test_a_truncated_library_is_read_up_to_where_it_ends(tmp_path: Path, half: bool) -> None:
    """Its schema names pages past the end, which SQLite refuses but for writable_schema;
    the rowids tried past the last one read are not counted (they may not exist)."""
    path = tmp_path / "a.db"
    _library(path)
    size = path.stat().st_size
    with path.open("r+b") as file:
        file.truncate(size // 2 if half else size - 16384)
    report = salvage(path, tmp_path / "saved.db")
    assert report.copied["articles"] + report.unreadable.get("articles", 0) <= 200
    if half:
        assert 0 < report.copied["articles"] < 200 and "articles" in report.uncounted
    else:
        assert report.copied["articles"] >= 190


def test_nothing_is_left_beside_the_file_read(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    _library(path, 5)
    salvage(path, tmp_path / "saved.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db", "saved.db"]


@pytest.mark.parametrize("stop", [KeyboardInterrupt, StoreError])
def test_a_copy_that_does_not_finish_is_not_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: type[BaseException]
) -> None:
    """Stopped part way (Ctrl+C or SIGTERM, a full disk), its transaction rolled back,
    the copy was left as an empty library (800 KB, no article) that could pass for the
    repaired one, and a second repair refused its name as taken."""
    from timeline.store import repair

    path = tmp_path / "a.db"
    _library(path, 5)
    copy_table = repair._copy_table

    def stopped_at_events(damaged: object, conn: object, table: str, *args: object) -> None:
        if table == "events":
            raise stop("stopped")
        copy_table(damaged, conn, table, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(repair, "_copy_table", stopped_at_events)
    with pytest.raises(stop):
        salvage(path, tmp_path / "saved.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db"]
    monkeypatch.setattr(repair, "_copy_table", copy_table)
    assert salvage(path, tmp_path / "saved.db").copied["articles"] == 5


def test_what_another_program_committed_to_the_wal_is_copied(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    _library(path, 5)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA wal_autocheckpoint=0")
    other.execute("UPDATE articles SET title = 'committed'")
    try:
        salvage(path, tmp_path / "saved.db")
    finally:
        other.close()
    with Store(tmp_path / "saved.db") as saved:
        assert {a.title for a in saved.articles()} == {"committed"}


def test_the_wal_is_read_where_sqlite_cannot_make_the_shm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library whose -wal holds commits, in a folder SQLite cannot make a -shm in (a
    read-only one: root writes anywhere, so SQLite's refusal is played), is read from a
    copy made beside the salvaged one; read as it is, the -wal's commits were lost."""
    from timeline.store import repair

    made = tmp_path / "made"
    made.mkdir()
    _library(made / "a.db", 5)
    other = sqlite3.connect(made / "a.db", isolation_level=None)
    other.execute("PRAGMA wal_autocheckpoint=0")
    other.execute("UPDATE articles SET title = 'committed'")
    here = tmp_path / "here"
    here.mkdir()
    for name in ("a.db", "a.db-wal"):  # as a killed program left them: no -shm
        (here / name).write_bytes((made / name).read_bytes())
    other.close()
    real = repair._connected
    opened: list[str] = []

    def connected(path: Path, uri: str) -> sqlite3.Connection | None:
        opened.append(uri)
        if path.parent == here and "immutable" not in uri:
            return None  # SQLITE_CANTOPEN: no -shm can be made here
        return real(path, uri)

    monkeypatch.setattr(repair, "_connected", connected)
    out = tmp_path / "out"
    out.mkdir()
    salvage(here / "a.db", out / "saved.db")
    with Store(out / "saved.db") as saved:
        assert {a.title for a in saved.articles()} == {"committed"}
    assert not any("immutable" in uri for uri in opened)
    assert sorted(p.name for p in out.iterdir()) == ["saved.db"]  # the copy removed
    assert sorted(p.name for p in here.iterdir()) == ["a.db", "a.db-wal"]


def test_a_salvage_of_an_older_library_loses_no_table_it_never_had(tmp_path: Path) -> None:
    """A v10 library's salvage said "articles_changed: could not be read at all" of a
    table v19 brought, as if damage had taken it; one it had and lost is still said."""
    from tests.store.test_opening_checks import _damaged, _older_library

    path = tmp_path / "a.db"
    _older_library(path, 10)
    report = salvage(path, tmp_path / "saved.db")
    assert report.tables_lost == [] and report.copied["articles"] == 5
    _damaged(path, "DROP TABLE user_notes")  # a table of v5
    assert salvage(path, tmp_path / "again.db").tables_lost == ["user_notes"]


def test_a_copy_killed_part_way_leaves_nothing_under_the_copys_name(tmp_path: Path) -> None:
    """SIGKILL (or a power cut) part way through the copy: nothing can remove what it
    made, and it was an empty library under the name the repair gives (it could pass for
    the repaired one, and a second repair refused the name as taken)."""
    path = tmp_path / "a.db"
    _library(path, 5)
    target = tmp_path / "saved.db"
    killed = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from timeline.store.repair import salvage\n"
        "def progress(done, total, table):\n"
        "    if table == 'events':\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "salvage(Path(sys.argv[1]), Path(sys.argv[2]), progress)\n"
    )
    done = subprocess.run([sys.executable, "-c", killed, str(path), str(target)], check=False)
    assert done.returncode == -9
    assert not target.exists()
    assert salvage(path, target).copied["articles"] == 5
    with Store(target) as store:
        assert store.count_articles() == 5


def test_a_copy_that_fails_is_named_as_the_user_knows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy is made under a name of its own, which the user never asked for: a
    failure that names the file it writes (a full disk) names the copy asked for."""
    from timeline.store import repair

    path = tmp_path / "a.db"
    _library(path, 5)
    target = tmp_path / "saved.db"

    def full(damaged: object, conn: sqlite3.Connection, *args: object) -> None:
        written = conn.execute("PRAGMA database_list").fetchone()[2]
        raise StoreError(f"{written}: the disk is full")

    monkeypatch.setattr(repair, "_copy_table", full)
    with pytest.raises(StoreError) as raised:
        salvage(path, target)
    assert str(raised.value) == f"{target}: the disk is full"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db"]


def test_a_name_too_long_to_look_up_is_said_as_such(tmp_path: Path) -> None:
    """Of the library or of the copy: Path.exists raised, "unexpected OSError"."""
    path = tmp_path / "a.db"
    _library(path, 5)
    too_long = tmp_path / ("z" * 300 + ".db")
    for source, target in ((too_long, tmp_path / "saved.db"), (path, too_long)):
        with pytest.raises(StoreError, match=r"^cannot open .*: File name too long$"):
            salvage(source, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db"]


def test_a_wal_another_library_left_is_not_mixed_into_the_copy(tmp_path: Path) -> None:
    """The repair of a library renamed over a held one copied the other library's pages
    from the -wal mixed with its own: 60 articles of the one killed, none of its own."""
    path, titles = renamed_over_a_held_library(tmp_path)
    wal = Path(f"{path}-wal")
    before = (path.read_bytes(), wal.read_bytes())
    report = salvage(path, tmp_path / "saved.db")
    with Store(tmp_path / "saved.db", create=False) as saved:
        copied = [row[0] for row in saved.db.conn.execute("SELECT title FROM articles")]
    assert sorted(copied) == sorted(titles)
    assert report.wal_left_out == wal
    assert (path.read_bytes(), wal.read_bytes()) == before
    result = CliRunner().invoke(
        cli, ["--db", str(path), "repair", "--output", str(tmp_path / "b.db")]
    )
    assert result.exit_code == 0, result.output
    assert f"{wal} was not read: the file alone is whole" in result.output
