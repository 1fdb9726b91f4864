"""Salvage a damaged store: copy every row that still reads into a new store file.

Done in Python rather than with the sqlite3 shell's `.recover`, so that it works in
the packaged program where no sqlite3 command exists: each table is read by rowid
range, a range that fails is split until the rows around the damage are read one by
one, and the rows are written into a freshly created store, whose triggers rebuild
the search index.  The damaged file is opened read-only and never written.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from timeline.partial_files import held, part_name, remove_left_parts
from timeline.store.schema import SCHEMA_VERSION, _v20_given_dates_to_follow, mended_row
from timeline.store.schema_check import objects_of_version
from timeline.store.store import (
    TEXT_AS_READ,
    LockedStoreError,
    Store,
    StoreError,
    said,
    whole_without_its_wal,
)

_RANGE = 2000  # rows read at once while nothing fails
_COMPANIONS = ("", "-wal", "-shm", "-journal")  # a library's file and SQLite's beside it
_ONE_BY_ONE = 64  # a failing range this small is read row by row
_ROWID_MAX = 2**63 - 1
# Tables a trigger fills from another table: the new store's triggers refill them.
_TRIGGER_TARGET = re.compile(r"\bINSERT\s+(?:OR\s+\w+\s+)?INTO\s+\"?(\w+)", re.IGNORECASE)
# Tables made from others, not copied: the pair words are the schema's own list (the
# new store has them), and the band rows a function of the signatures (made again from
# those copied).  Both are WITHOUT ROWID, which a read by rowid range cannot copy (every
# range failed: 102,000 "unreadable" ids and no band row kept); a test holds every such
# table of the schema to this list.
_MADE_AGAIN = ("search_pair_words", "story_bands")
# Filled by a trigger, but on UPDATE only: the copy's inserts would not note its rows
# again (the articles another program changed, still to be read again: schema v19).
_COPIED_THOUGH_FILLED = ("articles_changed",)
# Noted by an upgrade (schema v20): a library from before it has no such table.
_NOTED_ON_UPGRADE = "given_dates_to_follow"


@dataclass
class SalvageReport:
    """What a salvage copied, table by table, and how many rowids could not be read."""

    target: Path
    copied: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)  # rowids whose read failed
    # Tables whose last rowid could not be read: rowids failed past the last row read,
    # which may not exist at all, so how many rows were lost there is not known.
    uncounted: list[str] = field(default_factory=list)
    refused: dict[str, int] = field(default_factory=dict)  # rows the new store refused
    tables_lost: list[str] = field(default_factory=list)
    made_again: dict[str, int] = field(default_factory=dict)  # rows made from copied ones
    # The -wal beside the library when it was not read: the file alone is whole, and
    # read with it the library was damaged (store.whole_without_its_wal).
    wal_left_out: Path | None = None


def _in_wal_mode(path: Path) -> bool:
    """Whether the file's header says WAL (its read and write versions 2)."""
    with path.open("rb") as file:
        header = file.read(20)
    return header[18:20] == b"\x02\x02"


def _open_damaged(
    path: Path, spare: Callable[[], Path] | None = None, left_out: list[Path] | None = None
) -> sqlite3.Connection:
    """The damaged file opened read-only, once it is known to be a timeline library
    that can be read as it was last committed (StoreError says why not).

    spare: makes an empty folder the file may be copied into and read there, when
    SQLite cannot read it where it is with what its -wal holds (a read-only folder).
    left_out hears of the -wal beside it when it is not read (not the file's own)."""
    if left_out is None:
        left_out = []
    if not _there(path):
        raise StoreError(said("no_database", path=path))
    if not path.is_file():
        # Opened, a pipe would wait for a writer, and /dev/null read as an empty database.
        raise StoreError(said("not_a_file", path=path))
    if path.stat().st_size == 0:
        raise StoreError(said("empty", path=path))
    base = "file:" + quote(str(path.resolve()))
    if _in_wal_mode(path) and not path.with_name(path.name + "-wal").exists():
        # Open nowhere (a connection in WAL mode keeps a -wal beside the file) and nothing
        # committed outside it: read as it is, or a read-only connection would leave an
        # empty -wal and a -shm beside it.
        query = "?mode=ro&immutable=1"
    else:
        query = "?mode=ro"
    conn = _connected(path, base + query)
    wal = path.with_name(path.name + "-wal")
    if conn is None and spare is not None and wal.exists() and wal.stat().st_size > 0:
        # SQLite cannot make the -shm file (a read-only folder), and read as it is the
        # file would lack the commits its -wal holds: the two are copied to a folder it
        # can make one in, and read there.  (No program writes it: a writer of a -wal
        # keeps the -shm beside it.)
        try:
            folder = spare()
            copy = folder / path.name
            shutil.copyfile(path, copy)
            shutil.copyfile(wal, folder / wal.name)
        except OSError as exc:
            raise StoreError(
                f"{path} is in a folder SQLite cannot read its last commits in, and it could"
                f" not be copied to be read elsewhere: {exc.strerror or exc}"
            ) from exc
        conn = _connected(copy, "file:" + quote(str(copy.resolve())) + "?mode=ro")
    if conn is None:
        # SQLite cannot make the -shm file (a read-only folder) and the file holds every
        # commit (no -wal), or no copy can be made: read the file as it is.
        conn = _connected(path, base + "?mode=ro&immutable=1")
    if conn is None:
        raise StoreError(f"{path} cannot be read at all: not even its list of tables")
    if (
        wal.is_file()
        and wal.stat().st_size
        and not _reads_whole(conn)
        and whole_without_its_wal(path)
    ):
        # The -wal's pages do not fit the file (another library's, left beside a file
        # renamed over this one): the copy was of the other library's pages mixed with
        # this one's.  The file alone is copied, as it holds the library.
        conn.close()
        conn = _connected(path, base + "?mode=ro&immutable=1")
        if conn is None:
            raise StoreError(f"{path} cannot be read at all: not even its list of tables")
        left_out.append(wal)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path} cannot be read at all: not even its list of tables") from exc
    if version > SCHEMA_VERSION:
        conn.close()
        raise StoreError(said("newer", path=path, version=version, known=SCHEMA_VERSION))
    if "articles" not in tables:
        conn.close()
        raise StoreError(said("not_a_store", path=path))
    return conn


def _reads_whole(conn: sqlite3.Connection) -> bool:
    """Whether the library on conn passes its quick check (read to its first fault)."""
    try:
        return bool(conn.execute("PRAGMA quick_check(1)").fetchall() == [("ok",)])
    except sqlite3.DatabaseError:
        return False


def _connected(path: Path, uri: str) -> sqlite3.Connection | None:
    """A connection to uri that reads the list of tables, or None when SQLite cannot
    open the file there; StoreError when what it met is no damage to read around."""
    conn = sqlite3.connect(uri, uri=True)
    conn.text_factory = TEXT_AS_READ  # text that is not UTF-8 copied, not lost
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") != "SQLITE_CORRUPT":
                raise
            # A schema that names pages past the end (a truncated file) is refused
            # whole; with writable_schema it is read, and the tables still there copied.
            conn.execute("PRAGMA writable_schema=ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.DatabaseError as exc:
        conn.close()
        name = getattr(exc, "sqlite_errorname", "")
        if name == "SQLITE_BUSY" or "locked" in str(exc):
            # Another program writes it: read as it is, its pages would be half written
            # or its last commits left out.
            raise LockedStoreError(said("locked", path=path)) from exc
        if name == "SQLITE_READONLY_ROLLBACK":
            # Read as it is, the file would give the unfinished write's pages.
            raise StoreError(said("unfinished_write", path=path)) from exc
        if name == "SQLITE_NOTADB":
            raise StoreError(said("not_usable", path=path, detail=exc)) from exc
        if name == "SQLITE_CANTOPEN":
            return None
        raise StoreError(f"{path} cannot be read at all: not even its list of tables") from exc


def _names(columns: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _tables_to_copy(target: sqlite3.Connection) -> list[str]:
    """The new store's own tables, parents first, without the ones triggers fill."""
    rows = target.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'trigger')"
        " ORDER BY rowid"
    ).fetchall()
    filled = {m for kind, _, sql in rows if kind == "trigger" for m in _TRIGGER_TARGET.findall(sql)}
    virtual = [name for kind, name, sql in rows if kind == "table" and "VIRTUAL" in sql.upper()]
    return [
        name
        for kind, name, sql in rows
        if kind == "table"
        and not name.startswith("sqlite_")
        and (name not in filled or name in _COPIED_THOUGH_FILLED)
        and name not in virtual
        and not any(name.startswith(v + "_") for v in virtual)
        and name not in _MADE_AGAIN
    ]


class _TableReader:
    """Reads the rows of one table of a damaged file, going around what fails."""

    def __init__(self, conn: sqlite3.Connection, table: str, columns: list[str]) -> None:
        self.conn = conn
        self.sql = (
            f'SELECT {_names(columns)} FROM "{table}" WHERE rowid BETWEEN ? AND ? ORDER BY rowid'
        )
        self.table = table
        self.unreadable = 0  # rowids whose read failed, before a row read after them
        self.failed_past_last_read = 0
        self.end_known = True

    def first_rowid(self) -> int:
        """The smallest rowid (0 if it cannot be read: rows below 0 are then lost)."""
        try:
            row = self.conn.execute(f'SELECT min(rowid) FROM "{self.table}"').fetchone()
            return min(int(row[0] or 0), 0)
        except sqlite3.DatabaseError:
            return 0

    def next_rowid(self, after: int) -> int:
        """The first rowid past after, or after + 1 where that cannot be read: rowids far
        apart (2**63 - 1 written by hand) are not walked a range at a time."""
        try:
            row = self.conn.execute(
                f'SELECT min(rowid) FROM "{self.table}" WHERE rowid > ?', (after,)
            ).fetchone()
        except sqlite3.DatabaseError:
            return after + 1
        return after + 1 if row[0] is None else int(row[0])

    def last_rowid(self) -> int:
        try:
            row = self.conn.execute(f'SELECT max(rowid) FROM "{self.table}"').fetchone()
            return int(row[0] or 0)
        except sqlite3.DatabaseError:
            # The right edge is damaged: rowids up to 100,000 are tried, and the ones
            # that fail past the last row read are not counted (they may not exist).
            self.end_known = False
            return 100_000

    def read(self, rows: list[tuple]) -> list[tuple]:
        """rows as they are; the rowids that failed before a row read are counted lost
        (they lie between rows that exist)."""
        if rows:
            self.unreadable += self.failed_past_last_read
            self.failed_past_last_read = 0
        return rows

    def rows(self, low: int, high: int) -> Iterator[tuple]:
        try:
            yield from self.read(self.conn.execute(self.sql, (low, high)).fetchall())
            return
        except sqlite3.DatabaseError:
            pass
        if high - low < _ONE_BY_ONE:
            for rowid in range(low, high + 1):
                try:
                    yield from self.read(self.conn.execute(self.sql, (rowid, rowid)).fetchall())
                except sqlite3.DatabaseError:
                    self.failed_past_last_read += 1
            return
        middle = (low + high) // 2
        yield from self.rows(low, middle)
        yield from self.rows(middle + 1, high)


def salvage(
    source: Path, target: Path, progress: Callable[[int, int, str], None] | None = None
) -> SalvageReport:
    """Copy what can be read of the store at source into a new store at target.

    progress(done, total, table) hears how far the copy of each table is (by rowid),
    and of the band rows made again at the end (a window shows it: half a minute for
    30,000 articles).

    A copy that does not finish (an error, a full disk, Ctrl+C or SIGTERM) is removed:
    its one transaction rolled back, it was an empty library that could pass for the
    repaired one, and a second repair refused its name as taken.  The copy is made
    under a name of its own beside target (TARGET.XXXXXXXX.part) and given target's
    name only once whole and closed: a program killed (SIGKILL, a power cut) left an
    empty library at target's name, where nothing could remove it."""
    if _there(target):
        raise StoreError(f"{target} exists already; choose another file for the salvaged copy")
    # Left by repairs of this name killed before (with their -wal and -shm).
    remove_left_parts(target, _COMPANIONS)
    partial = part_name(target)
    with contextlib.ExitStack() as stack:

        def hold(made: Path) -> None:
            # Held until the copy is named and closed (partial_files: no other repair
            # of this name removes it meanwhile).
            stack.enter_context(held(made))

        def spare() -> Path:
            # Beside the copy to be made (a folder it writes in), for a library that
            # must be read elsewhere (_open_damaged), made only then.
            made = tempfile.TemporaryDirectory(prefix=".repair-", dir=target.parent)
            return Path(stack.enter_context(made))

        try:
            report = _salvage(source, partial, spare, progress, hold)
            _named(partial, target)
        except BaseException as exc:
            for suffix in _COMPANIONS:  # made here: it was not there
                with contextlib.suppress(OSError):
                    Path(f"{partial}{suffix}").unlink()
            if isinstance(exc, StoreError) and str(partial) in str(exc):
                # Said of the copy by the name the user knows ("the disk is full", "its
                # folder is not writable"), not the one it had while it was made.
                raise type(exc)(str(exc).replace(str(partial), str(target))) from exc
            raise
    report.target = target
    return report


def _there(path: Path) -> bool:
    """Whether path names a file; StoreError for a name the system cannot look up (too
    long, in a folder this user cannot enter: Path.exists raised, "unexpected OSError")."""
    try:
        return path.exists()
    except OSError as exc:
        raise StoreError(said("cannot_open", path=path, detail=exc.strerror or exc)) from exc


def _named(partial: Path, target: Path) -> None:
    """Give the finished copy target's name, unless another file took it meanwhile."""
    try:
        os.link(partial, target)  # fails where target exists: nothing is written over
    except FileExistsError as exc:
        raise StoreError(
            f"{target} exists already; choose another file for the salvaged copy"
        ) from exc
    except OSError:
        if target.exists():
            raise
        os.replace(partial, target)  # a file system without hard links
        return
    partial.unlink()


def _salvage(
    source: Path,
    target: Path,
    spare: Callable[[], Path],
    progress: Callable[[int, int, str], None] | None,
    hold: Callable[[Path], None] = lambda _made: None,
) -> SalvageReport:
    left_out: list[Path] = []
    damaged = _open_damaged(source, spare, left_out)
    report = SalvageReport(target, wal_left_out=left_out[0] if left_out else None)
    try:
        never_had = _tables_added_since(int(damaged.execute("PRAGMA user_version").fetchone()[0]))
        with Store(target) as out:
            hold(target)
            conn = out.db.conn
            conn.execute("PRAGMA foreign_keys=OFF")
            with out.transaction():
                for table in _tables_to_copy(conn):
                    if table in never_had:
                        continue
                    try:
                        columns = [
                            c for c in _columns(conn, table) if c in _columns(damaged, table)
                        ]
                    except sqlite3.DatabaseError:
                        columns = []
                    if not columns:
                        report.tables_lost.append(table)
                        continue
                    _copy_table(damaged, conn, table, columns, report, progress)
                    if table == "articles":  # the copy's inserts are no other program's
                        conn.execute("DELETE FROM articles_changed")
                if _NOTED_ON_UPGRADE in never_had or _NOTED_ON_UPGRADE in report.tables_lost:
                    # An older version's library (v19 or before) holds no such notes: its
                    # articles with a date given by hand are noted as its upgrade notes
                    # them (once the articles and the user's rows are copied).
                    if _NOTED_ON_UPGRADE in report.tables_lost:
                        report.tables_lost.remove(_NOTED_ON_UPGRADE)
                    _v20_given_dates_to_follow(out.db)
                # Made again from what was copied (story_bands: from the signatures).
                from timeline.store.stories import rebuild_bands

                if progress is not None:
                    progress(0, 1, "story_bands")
                rebuild_bands(out)
                if progress is not None:
                    progress(1, 1, "story_bands")
                report.made_again["story_bands"] = int(
                    conn.execute("SELECT count(*) FROM story_bands").fetchone()[0]
                )
                # Rows whose parent article was lost have nothing to belong to.
                lost = conn.execute(
                    "DELETE FROM events WHERE article_id NOT IN (SELECT id FROM articles)"
                ).rowcount
                if lost:
                    report.refused["events"] = report.refused.get("events", 0) + lost
                    report.copied["events"] -= lost
            conn.execute("PRAGMA foreign_keys=ON")
    finally:
        damaged.close()
    return report


def _tables_added_since(version: int) -> set[str]:
    """The tables of the current schema that a library of this version never had (none
    for a version the program never wrote: each is then looked for): a salvage of an
    older library called them lost, as if damage had taken them."""
    if not 1 <= version < SCHEMA_VERSION:
        return set()
    return set(objects_of_version(SCHEMA_VERSION)) - set(objects_of_version(version))


def _copy_table(
    damaged: sqlite3.Connection,
    conn: sqlite3.Connection,
    table: str,
    columns: list[str],
    report: SalvageReport,
    progress: Callable[[int, int, str], None] | None = None,
) -> None:
    reader = _TableReader(damaged, table, columns)
    marks = ", ".join("?" * len(columns))
    insert = f'INSERT INTO "{table}" ({_names(columns)}) VALUES ({marks})'
    copied = refused = 0
    first, last = reader.first_rowid(), reader.last_rowid()
    low: int | None = first
    while low is not None:
        if progress is not None:
            progress(low - first, last + 1 - first, table)
        high = min(low + _RANGE - 1, _ROWID_MAX)
        for row in reader.rows(low, high):
            # A value of the wrong kind (another program's, before schema v17 refused
            # them) is mended as the migration mends it, not refused with its row.
            kept = mended_row(table, columns, row)
            if kept is None:
                refused += 1
                continue
            try:
                conn.execute(insert, kept)
                copied += 1
            except sqlite3.DatabaseError:
                refused += 1
        low = reader.next_rowid(high) if high < last else None
    report.copied[table] = copied
    if reader.end_known:
        reader.unreadable += reader.failed_past_last_read
    elif reader.failed_past_last_read:
        report.uncounted.append(table)
    if reader.unreadable:
        report.unreadable[table] = reader.unreadable
    if refused:
        report.refused[table] = refused
