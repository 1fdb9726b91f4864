"""The Store: opening, migrating and reading/writing articles and their events."""

from __future__ import annotations

import bisect
import codecs
import contextlib
import errno
import functools
import gc
import itertools
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, overload
from urllib.parse import quote

import platformdirs

from timeline.model import Article, ArticleDraft, DateValue, Event
from timeline.paths import without_dot_dots
from timeline.store.schema import (
    INDEX_ARTICLE_AT_SQL,
    INDEX_ARTICLE_SQL,
    INDEX_PAIRS_SQL,
    MIGRATIONS,
    SCHEMA_VERSION,
    fill_word_pairs,
    migration_progress,
    pair_parts,
    pair_words,
    search_minute,
)
from timeline.store.schema_check import lacking

if TYPE_CHECKING:
    import sqlite_utils

APP_NAME = "arabic-news-timeline"

_ARTICLE_COLUMNS = (
    "id, uid, title, body, source, url, author, caption, credit, lang, "
    "published, published_raw, origin, imported_at, body_kind, captured"
)
# A long body is read and decoded this many bytes at a time (Store.article).
_BODY_STEP = 1 << 18


_INSERT_ARTICLE = (
    "INSERT INTO articles (id, uid, title, body, source, url, author, caption, credit,"
    " lang, published, published_start, published_raw, origin, imported_at,"
    " body_kind, captured)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_EVENTS = (
    'INSERT INTO events (article_id, kind, start, "end", granularity, value, label,'
    " span_start, span_end, confidence) VALUES (?,?,?,?,?,?,?,?,?,?)"
)
# An event as ArticleWriter takes it: the events row without its article id,
# (kind, start, end, granularity, value, label, span_start, span_end, confidence).
EventRow = tuple[str, int | None, int | None, str, str, str, int | None, int | None, float]
# What ArticleWriter holds back before writing it (events and index rows): a number of
# articles, or of characters of their index text.
# The note the insert trigger makes of an article another program adds (schema v19),
# taken out again for the program's own: its events are written with it.
_OWN_INSERT = "DELETE FROM articles_changed WHERE article_id = ?"
# The full-text index writes what it holds as a new segment at the next statement that
# opens a savepoint (the events' insert after its rows), so each write of the rows is a
# segment to merge later: rows of 1,024 articles a write instead of 256 took the whole
# SaudiNewsNet file's writes 7.2 -> 6.7 s of the writer's CPU, its peak 255 -> 265 MB
# (4,096: 0.8 s less, 54 MB more).  The index's terms are the same.
_WRITER_ARTICLES = 1024
_WRITER_CHARS = 8_000_000
_WRITER_CACHE_KIB = -65536  # PRAGMA cache_size while an ArticleWriter writes: 64 MiB
_WRITER_MINUTES = 1 << 16  # minutes whose next index rowid the writer keeps
_WRITER_RUNS = 1 << 16  # runs of taken index rowids the writer keeps


class _TakenRuns:
    """Runs of index rowids a writer knows to be taken: [start, end) each, disjoint and
    in order, merged as they meet.

    A dated article's rowid is the first free one from its minute on, found by SQL that
    steps through the taken rowids one probe at a time.  Where articles are denser than
    one a minute the rowids of neighbouring minutes run together, and each article of a
    minute inside such a run stepped through the whole of it again: a second file of
    the same weeks as SaudiNewsNet (30,741 articles into a library of 30,154) spent
    10.3 s of the writer's CPU in that statement, against 0.3 s for the first.  The
    writer notes each run its searches step through, and the next search starts past
    it: the rowids given are the same (nothing is freed while a writer writes)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def past(self, at: int) -> int:
        """at, or the end of the known run that holds it."""
        i = bisect.bisect_right(self.starts, at) - 1
        return self.ends[i] if i >= 0 and at < self.ends[i] else at

    def note(self, start: int, end: int) -> None:
        """[start, end) is taken."""
        if len(self.starts) >= _WRITER_RUNS:
            self.starts.clear()  # bounded memory: a run forgotten is stepped through again
            self.ends.clear()
        starts, ends = self.starts, self.ends
        i = bisect.bisect_left(starts, start)
        if i > 0 and ends[i - 1] >= start:  # meets the run before it
            i -= 1
            start = starts[i]
        j = i
        while j < len(starts) and starts[j] <= end:  # and those it reaches
            end = max(end, ends[j])
            j += 1
        starts[i:j] = [start]
        ends[i:j] = [end]


_EVENT_COLUMNS = (
    'id, article_id, kind, start, "end", granularity, value, label, '
    "span_start, span_end, confidence"
)
# An article's events, its publication first, then in the order of its text.
_EVENTS_OF = (
    f"SELECT {_EVENT_COLUMNS} FROM events WHERE article_id = ?"
    " ORDER BY kind != 'published', span_start, start"
)
_EVENTS_A_PAGE = 1024  # rows StoredEvents reads at a time


# What the store says to a reader, one template a case: the command line prints the
# lines as they are; the window says them in its language, found by these templates
# (timeline/ui/store_messages.py).  A placeholder is a path, a number, or SQLite's or
# another template's words.
MESSAGES: dict[str, str] = {
    "no_database": "no database at {path}",
    "not_a_file": "{path} is not a database file (a folder, a device or a pipe)",
    "folder_unwritable": "cannot make {path}: its folder {folder} is not writable",
    "folder_is_a_file": "cannot make {path}: {folder} is a file, where its folder would be",
    "cannot_open": "cannot open {path}: {detail}",
    "locked": (
        "{path} is locked by another program writing it (an import, or a database tool "
        "holding it); try again when it is done"
    ),
    "not_usable": "{path} is not a usable timeline database (corrupt or not SQLite): {detail}",
    "disk_full": (
        "{path}: the disk is full; what was being written was not stored "
        "(free some space and try again)"
    ),
    "disk_full_to_open": (
        "{path} cannot be opened: the disk is full (SQLite has no room beside it for its "
        "-shm file); nothing was changed (free some space and try again)"
    ),
    "not_a_store": "{path} is an SQLite database, but not a timeline store",
    "upgrade_read_only": (
        "{path} needs an upgrade to this version's schema, but it is read-only: {reason}"
    ),
    "newer": (
        "{path} was written by a newer version of this program (schema {version}; this one "
        "knows up to {known}). Upgrade the program to open it; nothing was changed."
    ),
    "damaged": (
        "{path} is damaged ({detail}); nothing was written to it. Run `timeline --db {path} "
        "repair` to copy what can be read into a new file (the damaged file is left as it is)."
    ),
    "damaged_schema": (
        "{path} is damaged: {what}; nothing was written to it. Run `timeline --db {path} "
        "repair` to copy what can be read into a new file (the damaged file is left as it is)."
    ),
    "cut_short": (
        "{path} is cut short: it holds {size} of the {expected} bytes its header gives (a copy "
        "or download that did not finish?); nothing was written to it. Copy it again whole if "
        "you can, else run `timeline --db {path} repair` to copy what can be read into a new file."
    ),
    "wal_not_its_own": (
        "{path} is whole, but the {wal} beside it is not its own (another library's, left "
        "when a program holding that one was killed, or damaged); nothing was written. Move "
        "{wal} and {shm} elsewhere (keep them) to open the library as its file holds "
        "it, or run `timeline --db {path} repair` to copy the file alone into a new one."
    ),
    "read_only": "{path} is open read-only: {reason}",
    "empty": "{path} is empty: it holds no library to repair",
    "unfinished_write": (
        "{path} holds an unfinished write (its -journal file) that must be rolled back first, "
        "which needs the file and its folder to be writable: open it once where they can be "
        "written"
    ),
}
# Why a store is read-only (the reason of "read_only" and "upgrade_read_only").
READ_ONLY_REASONS: dict[str, str] = {
    "on_request": "opened read-only on request",
    "folder": (
        "its folder {folder} is not writable (SQLite writes its -wal and -shm files beside "
        "the database); copy it to a writable folder to change it"
    ),
    "file": "the file is not writable",
}

# What a library lacks of its schema (the "what" of "damaged_schema": schema_check.lacking).
SCHEMA_DAMAGE: dict[str, str] = {
    "missing_table": "its table {name} is missing",
    "missing_virtual": "its full-text index {name} is missing",
    "missing_index": "its index {name} is missing",
    "missing_trigger": "its trigger {name} is missing",
    "missing_view": "its view {name} is missing",
    "column": "its table {name} has no column {column}",
    "unique": "its table {name} lacks a uniqueness constraint it needs",
    "unreadable": "its table {name} cannot be read ({detail})",
    "version": "its schema version {version} is none this program writes",
    "upgrade": "its upgrade from schema {version} stopped on what it holds ({detail})",
}


# How many stores of this process have each file open (by its resolved path): a store
# can take SQLite's locks anew only when it is the one (Store.reconnect).
_HELD: dict[str, int] = {}
_HELD_LOCK = threading.Lock()


def _hold(path: Path) -> str:
    key = str(path.resolve())
    with _HELD_LOCK:
        _HELD[key] = _HELD.get(key, 0) + 1
    return key


def _release(key: str | None) -> None:
    if key is not None:
        with _HELD_LOCK:
            left = _HELD.get(key, 0) - 1
            if left > 0:
                _HELD[key] = left
            else:
                _HELD.pop(key, None)


def held_here(path: Path) -> int:
    """How many stores of this process have the file at path open."""
    try:
        key = str(path.resolve())
    except OSError:
        return 0
    with _HELD_LOCK:
        return _HELD.get(key, 0)


def _nearly_full(folder: Path) -> bool:
    """Whether the disk of folder has less room than SQLite's -shm file takes."""
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def _cut_short(path: Path) -> tuple[int, int] | None:
    """(the file's size, the size its SQLite header gives) when the file is shorter than
    its header says: the end of a copy or a download that did not finish.  None when it
    is not, or when a -wal or -journal beside it may hold what the header counts (a
    checkpoint or a rollback cut short, which SQLite completes)."""
    try:
        size = path.stat().st_size
        for beside in (f"{path}-wal", f"{path}-journal"):
            if os.path.exists(beside) and os.path.getsize(beside):
                return None
        with path.open("rb") as file:
            header = file.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    page_size = int.from_bytes(header[16:18], "big")
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid only while the change counter (24) equals the counter
    # it was written at (92): a program older than SQLite 3.7 leaves it stale.
    expected = pages * (65536 if page_size == 1 else page_size)
    if header[24:28] == header[92:96] and size < expected:
        return size, expected
    return None


def _moved_into_place(made: Path, target: Path) -> None:
    """The file made given the name target, unless a file has that name already (made
    there meanwhile by another program): a hard link, which refuses a name that is
    taken, where rename would replace the file (POSIX).  Where the file system has no
    hard links (FAT), renamed when the name is still free."""
    try:
        os.link(made, target)
    except FileExistsError:
        return
    except OSError:
        if not target.exists():
            os.rename(made, target)  # (Windows' rename refuses a name that is taken too)


def _file_in_the_way(folder: Path) -> Path | None:
    """The nearest of folder and its parents that is there but no folder (a file where a
    library's folder would be made), or None."""
    for place in (folder, *folder.parents):
        try:
            if place.is_dir():
                return None
            if os.path.lexists(place):
                return place
        except OSError:
            return None
    return None


def whole_without_its_wal(path: Path) -> bool:
    """Whether a -wal holding something lies beside the library at path and the file
    alone, read without it, is a whole library (its schema all there, its quick check
    ok).  Asked once the two read together were found damaged: the -wal's pages then
    do not fit the file (another library's -wal, left beside a file renamed or copied
    over this one while a program held the other, then killed: SQLite reads any -wal
    beside a file whose frames are whole, and there is nothing in a -wal that names its
    database).  Read with immutable=1, which reads neither the -wal nor the -shm and
    writes nothing."""
    wal = Path(f"{path}-wal")
    try:
        if not wal.is_file() or not wal.stat().st_size:
            return False
        conn = sqlite3.connect(
            "file:" + quote(str(path.resolve())) + "?mode=ro&immutable=1", uri=True
        )
    except (OSError, sqlite3.Error):
        return False
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {name for (name,) in conn.execute(_TABLE_NAMES)}
        if "articles" not in tables or not 0 < version <= SCHEMA_VERSION:
            return False
        if lacking(conn, version) is not None:
            return False
        return bool(conn.execute("PRAGMA quick_check(1)").fetchall() == [("ok",)])
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def said(key: str, **values: object) -> str:
    """The store's message of this key (MESSAGES) with its values."""
    return MESSAGES[key].format(**values)


class StoreError(Exception):
    """A store that cannot be used: corrupt, locked, too new, or unwritable."""


class DamagedStoreError(StoreError):
    """The database file is damaged (a page that does not read back as it was written,
    or a part of its schema gone: schema_check.lacking).

    Raised on opening when a quick check or the schema's check finds damage, or by the
    first read that meets it; from then on the store refuses every write.  `timeline repair` (repair.salvage)
    copies what can still be read into a new file.
    """


class ReadOnlyStoreError(StoreError):
    """A write to a store opened read-only (its file or folder is not writable)."""


class LockedStoreError(StoreError):
    """Another program holds the store's lock (an import holding it alone, a database
    tool in a transaction): trying again later may well succeed."""


# PRAGMA quick_check reads every page (0.07 s for a 24 MB store here, ~0.3 s per 100 MB); above this size
# opening skips it, and damage is caught by the first read that meets it instead.
QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024
# Files already checked by this process, by (path, size, mtime): the window opens a
# store per worker and should not read the whole file each time.
_checked: set[tuple[str, int, int]] = set()
_TABLE_NAMES = "SELECT name FROM sqlite_master WHERE type = 'table'"

_SQLITE_ERROR = 1  # SQL that does not fit the schema: "table ... already exists"
_SQLITE_CORRUPT = 11
# SQLite could not make, grow or map its shared-memory file (the -shm beside a library in
# WAL mode): SQLITE_IOERR_SHMOPEN, _SHMSIZE, _SHMMAP.  On a full disk it is SHMSIZE.
_SHARED_MEMORY_ERRORS = frozenset({10 | 18 << 8, 10 | 19 << 8, 10 | 21 << 8})


def _no_shared_memory(exc: sqlite3.Error) -> bool:
    """Whether exc is SQLite failing to have its -shm file."""
    return getattr(exc, "sqlite_errorcode", None) in _SHARED_MEMORY_ERRORS


def _is_damage(exc: sqlite3.Error) -> bool:
    """SQLITE_CORRUPT ("database disk image is malformed"), not an FTS syntax error."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == _SQLITE_CORRUPT
    return "disk image is malformed" in str(exc)


def damaged_message(path: Path, detail: str) -> str:
    """One line: the store is damaged, nothing was written, how to recover."""
    detail = " ".join(detail.replace("*** in database main ***", "").split())
    return said("damaged", path=path, detail=detail)


class _GuardedCursor(sqlite3.Cursor):
    """A cursor whose damage errors become DamagedStoreError and mark its connection."""

    connection: _GuardedConnection

    def _guard(self, exc: sqlite3.DatabaseError) -> Exception:
        return self.connection.translate(exc)

    def execute(self, sql: str, parameters: Any = (), /) -> _GuardedCursor:
        try:
            super().execute(sql, parameters)
        except sqlite3.DatabaseError as exc:
            raise self._guard(exc) from exc
        return self

    def executemany(self, sql: str, seq_of_parameters: Any, /) -> _GuardedCursor:
        try:
            super().executemany(sql, seq_of_parameters)
        except sqlite3.DatabaseError as exc:
            raise self._guard(exc) from exc
        return self

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.DatabaseError as exc:
            raise self._guard(exc) from exc

    def fetchmany(self, size: int | None = 1) -> list[Any]:
        try:
            return super().fetchmany(size if size is not None else self.arraysize)
        except sqlite3.DatabaseError as exc:
            raise self._guard(exc) from exc

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.DatabaseError as exc:
            raise self._guard(exc) from exc

    def __next__(self) -> Any:
        try:
            return super().__next__()
        except sqlite3.DatabaseError as exc:
            raise self._guard(exc) from exc


# Every connection a store opens is numbered, once a process (Store.change_stamp).
_CONNECTION_NUMBERS = itertools.count(1)


class _GuardedConnection(sqlite3.Connection):
    """A connection that knows when its file is damaged or read-only, and says so."""

    damage: str | None = None
    read_only: str | None = None  # why writes are refused
    db_path: Path = Path()
    number = 0  # this connection's among the process's (_CONNECTION_NUMBERS)

    def cursor(self, factory: Any = None) -> Any:
        return super().cursor(factory or _GuardedCursor)

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> Any:
        return self.cursor().executemany(sql, parameters)

    def translate(self, exc: sqlite3.DatabaseError) -> Exception:
        """The error to raise for exc: damage and read-only refusals in plain words."""
        if _is_damage(exc):
            self.damage = self.damage or str(exc)
            return DamagedStoreError(damaged_message(self.db_path, str(exc)))
        if "readonly" in str(exc).lower() and self.read_only:
            return ReadOnlyStoreError(said("read_only", path=self.db_path, reason=self.read_only))
        return exc


class _Database:
    """Store.db: the connection at once (`conn`), and sqlite-utils's Database, made on
    first use of anything else of it (migrations, transactions, the importers' writes).

    Importing sqlite-utils (with click, dateutil and pluggy) takes about a fifth of a
    second of CPU, and opening a current store to read it, as the window does before
    its first frame and each worker does, needs only the connection.
    """

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        conn.execute("PRAGMA recursive_triggers=on;")  # as sqlite_utils.Database does
        self._database: sqlite_utils.Database | None = None

    def made(self) -> sqlite_utils.Database:
        if self._database is None:
            import sqlite_utils

            self._database = sqlite_utils.Database(self.conn)
        return self._database

    def __getattr__(self, name: str) -> Any:
        return getattr(self.made(), name)

    def __getitem__(self, name: str) -> Any:
        return self.made()[name]


def default_db_path() -> Path:
    """The database in the user's data directory (created on first use)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "timeline.db"


def _event_from_row(row: tuple) -> Event:
    (id_, article_id, kind, start, end, gran, value, label, s0, s1, conf) = row
    return Event(
        article_id=article_id,
        kind=kind,
        start=start,
        end=end,
        granularity=gran,
        value=value,
        label=label,
        span_start=s0,
        span_end=s1,
        confidence=conf,
        id=id_,
    )


class EventRows(Sequence[Event]):
    """An article's events kept as the rows read, each made an Event when asked for.

    A row of numbers and strings is a tuple Python's garbage collector stops tracking;
    an Event is an object it visits in every full collection, holding the GIL (and so
    the window) all the while.  A 12 MB article had 32,000 events.
    """

    def __init__(self, rows: list[tuple]) -> None:
        self._rows = rows
        self._firsts: dict[str, Event | None] = {}
        self._spans: list[tuple[int, int]] | None = None

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Event: ...

    @overload
    def __getitem__(self, index: slice) -> list[Event]: ...

    def __getitem__(self, index: int | slice) -> Event | list[Event]:
        if isinstance(index, slice):
            return [_event_from_row(r) for r in self._rows[index]]
        return _event_from_row(self._rows[index])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EventRows):
            return self._rows == other._rows
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def first_of_kind(self, kind: str) -> Event | None:
        """The first event of this kind (made from its row alone), if any.

        Kept once found: a reader asks on its own thread (prepare) so that the window's
        asking costs nothing (a 12 MB article's 32,000 rows took 8 ms to look through).
        """
        if kind not in self._firsts:
            self._firsts[kind] = next(
                (_event_from_row(r) for r in self._rows if r[2] == kind), None
            )
        return self._firsts[kind]

    def spans(self) -> list[tuple[int, int]]:
        """(span_start, span_end) of every event that has its span in the text, in order
        of the text (kept once made, like first_of_kind)."""
        if self._spans is None:
            self._spans = sorted(
                (r[8], r[9]) for r in self._rows if r[8] is not None and r[9] is not None
            )
        return self._spans

    def prepare(self, *kinds: str) -> EventRows:
        """Work out the spans and the first event of each kind now (on a reader's thread)."""
        self.spans()
        for kind in kinds:
            self.first_of_kind(kind)
        return self


class StoredEvents(Sequence[Event]):
    """An article's events read from the store each time they are gone through, a page
    of rows at a time (Store.stored_events_of): a reader that goes through them once
    holds a page, not all of them.  `timeline show` of an article of 350,001 mentions
    held their rows (about 250 MB) until its last line was printed.

    Read while the store is open.  An event asked for by its place is found by going
    through those before it: made for readers that go through them in order."""

    def __init__(self, conn: sqlite3.Connection, article_id: int) -> None:
        self._conn, self._article_id = conn, article_id
        self._count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            self._count = self._conn.execute(
                "SELECT count(*) FROM events WHERE article_id = ?", (self._article_id,)
            ).fetchone()[0]
        return self._count

    def __iter__(self) -> Iterator[Event]:
        cursor = self._conn.execute(_EVENTS_OF, (self._article_id,))
        try:
            while rows := cursor.fetchmany(_EVENTS_A_PAGE):
                yield from map(_event_from_row, rows)
        finally:
            with contextlib.suppress(sqlite3.ProgrammingError):  # (the store closed first)
                cursor.close()

    @overload
    def __getitem__(self, index: int) -> Event: ...

    @overload
    def __getitem__(self, index: slice) -> list[Event]: ...

    def __getitem__(self, index: int | slice) -> Event | list[Event]:
        if isinstance(index, slice):
            return list(itertools.islice(self, *index.indices(len(self))))
        if index < 0:
            index += len(self)
        found = next(itertools.islice(self, index, None), None) if index >= 0 else None
        if found is None:
            raise IndexError(index)
        return found


def _article_row(
    article_id: int | None, uid: str, draft: ArticleDraft, published: DateValue | None, now: str
) -> tuple:
    return (
        article_id,
        uid,
        draft.title,
        draft.body,
        draft.source,
        draft.url,
        draft.author,
        draft.caption,
        draft.credit,
        draft.lang,
        published.value if published else None,
        published.start if published else None,
        draft.published_raw,
        draft.origin,
        now,
        draft.body_kind,
        draft.captured,
    )


def event_row(event: Event) -> EventRow:
    """An event as ArticleWriter.add takes it."""
    return (
        event.kind,
        event.start,
        event.end,
        event.granularity,
        event.value,
        event.label,
        event.span_start,
        event.span_end,
        event.confidence,
    )


class ArticleWriter:
    """Writes many new articles within one transaction, in fewer and cheaper statements
    than Store.add_article (made by Store.article_writer, for an import).

    The store ends up as add_article, replace_mentions and add_stated_event would leave
    it, row for row and id for id: the ids are counted here from the largest stored
    (no other writer can write while the transaction is held), an article's search index
    rowid is looked for from the last one given at the same minute (every rowid between
    is taken, and nothing is freed meanwhile), and the events rows and full-text index
    rows wait to be written together, in the order they were added (flush).  Anything
    that reads the index or the events before the transaction ends (copy judging) calls
    flush() first.
    """

    def __init__(self, store: Store) -> None:
        self.conn = store.db.conn
        self.next_id = int(
            self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]
        )
        self.now = datetime.now(UTC).isoformat(timespec="seconds")
        self._after: dict[int, int] = {}  # by minute: the rowid after the last one given
        self._taken = _TakenRuns()
        self._events: list[tuple] = []
        self._index: list[tuple[int, str, str, str]] = []  # (rowid, body, title, lead)
        # The word pairs' rows (schema v13), written beside the index rows; a rowid marked
        # as unpaired keeps its mark (its old pair row is still there: fill_word_pairs).
        self._pairs: list[tuple[int, str, str, str]] = []
        self._pair_words = pair_words(self.conn)
        self._unpaired = {r for (r,) in self.conn.execute("SELECT fts_rowid FROM search_unpaired")}
        self._articles = self._chars = 0

    def add(
        self,
        draft: ArticleDraft,
        uid: str,
        published: DateValue | None,
        search_parts: tuple[str, str, str] | None,
        mentions: Iterable[EventRow] = (),
        stated: Event | None = None,
        *,
        pairs: tuple[str, str, str] | None = None,
    ) -> int:
        """Store a new article (its uid not held: holds()) with its publication event,
        its mentions (event_row()s) and a range its file stated; its id.

        search_parts as for Store.add_article (None leaves the article to the trigger);
        pairs, if given, schema.pair_parts(search_parts, self.pair_words) made elsewhere
        (an import's worker process).
        """
        conn = self.conn
        article_id = self.next_id
        start = published.start if published is not None else None
        if search_parts is not None:
            self._index_article(article_id, start, search_parts, pairs)
        conn.execute(_INSERT_ARTICLE, _article_row(article_id, uid, draft, published, self.now))
        conn.execute(_OWN_INSERT, (article_id,))
        self.next_id = article_id + 1
        events = self._events
        if published is not None and start is not None:
            events.append(
                (
                    article_id,
                    "published",
                    start,
                    published.end,
                    published.granularity,
                    published.value,
                    draft.title,
                    None,
                    None,
                    1.0,
                )
            )
        events.extend((article_id, *row) for row in mentions)
        if stated is not None:
            events.append((article_id, *event_row(replace(stated, kind="stated"))))
        self._articles += 1
        if self._articles >= _WRITER_ARTICLES or self._chars >= _WRITER_CHARS:
            self.flush()
        return article_id

    def holds(self, uid: str) -> bool:
        """Whether an article with this uid is stored (added before, or by this writer)."""
        return (
            self.conn.execute("SELECT 1 FROM articles WHERE uid = ?", (uid,)).fetchone() is not None
        )

    @property
    def pair_words(self) -> frozenset[str]:
        """The words whose pairs the store indexes, as this writer read them."""
        return self._pair_words

    def _index_article(
        self,
        article_id: int,
        start: int | None,
        parts: tuple[str, str, str],
        pairs: tuple[str, str, str] | None = None,
    ) -> None:
        title, lead, rest = parts
        if start is None:  # the rowid follows from the id: nothing to look for
            rowid = int(
                self.conn.execute(
                    INDEX_ARTICLE_SQL[0] + " RETURNING fts_rowid",
                    {"id": article_id, "published_start": None},
                ).fetchone()[0]
            )
        else:
            minute = search_minute(start)
            after = self._after.get(minute, minute)
            rowid = int(
                self.conn.execute(
                    INDEX_ARTICLE_AT_SQL[0],
                    {"at": self._taken.past(after), "id": article_id, "published_start": start},
                ).fetchone()[0]
            )
            self._taken.note(after, rowid + 1)  # every rowid from after to it is taken
            if len(self._after) >= _WRITER_MINUTES:
                self._after.clear()  # bounded memory: a minute forgotten is looked for again
            self._after[minute] = rowid + 1
        self._index.append((rowid, rest, title, lead))
        if rowid not in self._unpaired:
            if pairs is None:
                pairs = pair_parts(parts, self._pair_words)
            self._pairs.append((rowid, *pairs))
        self._chars += len(title) + len(lead) + len(rest)

    def flush(self) -> None:
        """Write the events and index rows held back."""
        if self._index:
            # In rowid order: FTS5 writes out what it holds in memory as a new segment
            # whenever a rowid is below the last one, and a file not in date order (its
            # rowids are by minute of publication) made one every other article; the
            # segments' merging then cost a shuffled SaudiNewsNet import 3.5% of its time.
            self._index.sort()
            self.conn.executemany(INDEX_ARTICLE_AT_SQL[1], self._index)
            self._index = []
        if self._pairs:
            self._pairs.sort()
            self.conn.executemany(INDEX_PAIRS_SQL, self._pairs)
            self._pairs = []
        if self._events:
            insert_rows(self.conn, _INSERT_EVENTS, self._events)
            self._events = []
        self._articles = self._chars = 0


# Parameters a statement of insert_rows takes at most: under 999, the smallest limit an
# SQLite build may have.
_PARAMETERS_MAX = 999


# Text as the program reads it: bytes that are not UTF-8 as U+FFFD.  Another program can
# store such text (a C program's sqlite3_bind_text, or CAST(x'ff' AS TEXT)), which the
# kinds' triggers cannot see (its type is text), and the default factory failed the
# whole read on it: one such title emptied a page of the window's list and failed
# `timeline list` and every export.  A C call, as the default is: about 0.2 µs more a
# value (30,154 summaries of three columns: 50-55 ms -> 66-78 ms).
TEXT_AS_READ = functools.partial(str, encoding="utf-8", errors="replace")


def insert_rows(conn: sqlite3.Connection, sql: str, rows: Sequence[tuple]) -> None:
    """conn.executemany(sql, rows) for an INSERT of one row's VALUES (?, ...), in
    statements of many rows each.

    Inside a transaction SQLite gives a statement that may fail halfway (a NOT NULL or
    a foreign key, with a trigger) a journal of its own, into which each page it changes
    is copied first (16 KiB; past the first 64 KiB into a temporary file): a statement a
    row copied the same pages again for every row, 4 of them an event (2.6 GB written
    for the 39,620 events of 7,672 SaudiNewsNet articles; 0.25 GB now).  A statement of
    many rows copies each page once.  The rows are written in order, as many a statement as
    fit, the rest in statements of 64, 32, ... 1 (a few texts of SQL, not one for each
    number of rows left: the connection keeps its prepared statements by text)."""
    if not rows:
        return
    width = len(rows[0])
    widest = max(1, _PARAMETERS_MAX // width)
    one = sql[sql.rindex("(") :]
    done = 0
    for size in (widest, *(1 << k for k in range(6, -1, -1) if 1 << k < widest)):
        count = (len(rows) - done) // size
        if not count:
            continue
        flat = [value for row in rows[done : done + count * size] for value in row]
        step = size * width
        text = sql + (", " + one) * (size - 1)
        conn.executemany(text, [flat[i : i + step] for i in range(0, len(flat), step)])
        done += count * size


def _publication_event(article_id: int, published: DateValue, title: str) -> Event:
    return Event(
        article_id=article_id,
        kind="published",
        start=published.start,
        end=published.end,
        granularity=published.granularity,
        value=published.value,
        label=title,
    )


class Store:
    """One SQLite database of articles and events.

    Writes go through one Store on one thread (DESIGN.md, layering rule 4); a reader
    on another thread opens its own Store on the same path.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        create: bool = True,
        timeout: float = 5.0,
        read_only: bool = False,
        check: bool = True,
        progress: Callable[[int, int, str], None] | None = None,
        alone_without_shm: bool = False,
    ) -> None:
        """Open (and create or migrate) the store at path.

        A store whose file or folder is not writable opens read-only and refuses writes
        with ReadOnlyStoreError; read_only=True asks for that.  check runs a quick
        integrity check of files up to QUICK_CHECK_MAX_BYTES (once per process and
        version of the file) and raises DamagedStoreError when it fails.
        progress(done, total, what) hears of a migration that rebuilds something large.
        alone_without_shm: where SQLite cannot make its -shm file (a full disk), hold
        the file alone instead (_connect_alone), for a program of one connection.
        """
        self.path = Path(path)
        self._alone_without_shm = alone_without_shm
        self._progress = progress
        self._create = create
        self._alone = False  # held_alone(): transactions begin EXCLUSIVE
        self._schema_checked = False  # by the read before writing (_check_before_writing)
        try:
            os.stat(self.path)
        except (FileNotFoundError, NotADirectoryError, ValueError):
            pass  # none there: said below (or made)
        except OSError as exc:
            # A name too long, a folder this user cannot enter: Path.exists raised, and
            # the command line said "unexpected OSError".
            raise StoreError(
                said("cannot_open", path=self.path, detail=exc.strerror or exc)
            ) from exc
        if not create and not self.path.exists():
            raise StoreError(said("no_database", path=self.path))
        if self.path.exists() and not self.path.is_file():
            # A device or a pipe would be opened as an empty database, and SQLite would
            # make its journal beside it (/dev/null-journal); a folder is no file at all.
            raise StoreError(said("not_a_file", path=self.path))
        # Not read while this process holds the file: closing any descriptor of it ends
        # every SQLite lock the process has on it (POSIX), and another program's close
        # would then delete the -wal and -shm its stores still use (file_dialogs.py).  A
        # file held here was read when it was first opened.
        short = (
            _cut_short(self.path.resolve())
            if self.path.exists() and not held_here(self.path)
            else None
        )
        if short is not None:
            # SQLite said only "database disk image is malformed", on opening or at the
            # first read past the end (a file over QUICK_CHECK_MAX_BYTES).
            size, expected = short
            raise DamagedStoreError(said("cut_short", path=self.path, size=size, expected=expected))
        why_read_only = READ_ONLY_REASONS["on_request"] if read_only else self._unwritable()
        folder = self.path.parent
        if not self.path.exists() and folder.is_dir() and not os.access(folder, os.W_OK):
            # SQLite said only "unable to open database file".
            raise StoreError(said("folder_unwritable", path=self.path, folder=folder))
        if why_read_only is None and create and not self.path.exists():
            self._make(timeout)
        if why_read_only is None and check:
            self._check_before_writing(timeout)
        try:
            if why_read_only is None:
                conn = self._connect(str(self.path), timeout, uri=False)
            else:
                conn = self._connect_read_only(timeout)
                conn.read_only = why_read_only
        except (OSError, sqlite3.Error) as exc:
            if isinstance(exc, sqlite3.OperationalError) and (
                "locked" in str(exc) or "busy" in str(exc)
            ):
                raise LockedStoreError(said("locked", path=self.path)) from exc
            raise StoreError(said("cannot_open", path=self.path, detail=exc)) from exc
        alone = False
        try:
            self._use(conn, check)
        except sqlite3.DatabaseError as exc:
            if not (self._alone_without_shm and why_read_only is None and _no_shared_memory(exc)):
                if _is_damage(exc) or "not a database" in str(exc):
                    self._refuse_a_wal_not_its_own()
                raise self._failure(exc, opening=True) from exc
            alone = True  # (opened once this error is let go: _connect_alone)
        if alone:
            try:
                self._use(self._connect_alone(timeout), check)
            except sqlite3.DatabaseError as exc:
                raise self._failure(exc, opening=True) from exc
        self._held_as: str | None = _hold(self.path)

    def _use(self, conn: _GuardedConnection, check: bool) -> None:
        """The store's connection conn, its library checked (and made or migrated);
        closed when that fails."""
        self.db = cast("sqlite_utils.Database", _Database(conn))
        self.conn = conn
        try:
            self._prepare()
            if check:
                self._quick_check()
        except BaseException:
            conn.close()
            raise

    def _connect_alone(self, timeout: float) -> _GuardedConnection:
        """A connection that holds the file alone, for where SQLite cannot make its -shm
        file (a disk too full for its 32 KB: even `timeline list` failed there).

        SQLite's documented way to use a WAL library without shared memory: in
        locking_mode=EXCLUSIVE from before the first read, a connection keeps the WAL's
        index in its own memory and takes an exclusive lock on the file until it closes.
        It reads what the -wal holds, as any connection does, and no other program can
        open the file meanwhile (told that it is locked; one that holds it already, as
        the window does, makes this open say so).  mode=ro cannot take that lock, and
        immutable=1 would read neither the -wal's commits nor another program's writes
        as they are made (pages half written).  A write on it goes to the -wal as any
        write does, and is refused there as the disk is full.
        """
        # The connections that failed for want of the -shm are closed, but their failed
        # statements are held by the errors' tracebacks (a cycle through our cursors'
        # frames), and SQLite keeps a closed connection's file open, and its lock, until
        # its statements are finalized: the lock here was refused ("database is locked")
        # by this process's own failed connections.
        gc.collect()
        conn = self._connect(str(self.path), timeout, uri=False)
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        return conn

    def _make(self, timeout: float) -> None:
        """Make a new library at self.path (a link's target): its schema written into a
        file of a name of its own beside it, moved into place once whole.

        Made in place, a making that failed (a full disk while the schema was written)
        left a file of 16 KB, its header alone, with its -wal and -shm when the disk
        filled sooner: an "SQLite database, but not a timeline store" to every later
        command, and the library `import` then made in it.  What fails here is removed,
        and only what this store made: another program making the same library at the
        same moment keeps its own, and whichever is moved into place first is the
        library (a link refuses a name that is taken).  Made in a rollback journal, in
        WAL mode once whole: its pages are written once, into the file (in WAL mode,
        into the log and again at the checkpoint), and nothing is left to a -wal that a
        checkpoint on a full disk could not copy back.
        """
        target = self.path.resolve()
        making: Path | None = None
        # The folders made for it, removed again when the making fails (empty then).
        made_folders = [f for f in (target.parent, *target.parent.parents) if not f.exists()]
        made = False
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            os.close(handle)
            making = Path(name)
            conn = self._connect(name, timeout, uri=False)
            self.db = cast("sqlite_utils.Database", _Database(conn))
            self.conn = conn
            try:
                # Must precede the first table: 16 KiB pages shrink 2 KB articles by 42%.
                conn.execute("PRAGMA page_size=16384")
                conn.execute("PRAGMA foreign_keys=ON")
                self._migrate()
                conn.execute("PRAGMA journal_mode=WAL")
            finally:
                conn.close()
            if os.path.exists(f"{making}-wal") or os.path.exists(f"{making}-journal"):
                # Its close could not write it all into the file (SQLite says nothing).
                raise sqlite3.OperationalError("database or disk is full")
            _moved_into_place(making, target)
            made = True
        except sqlite3.Error as exc:
            raise self._failure(exc) from exc
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise StoreError(said("disk_full", path=self.path)) from exc
            in_the_way = _file_in_the_way(target.parent)
            if in_the_way is not None:
                # mkdir said "[Errno 17] File exists" (or 20, "Not a directory", deeper).
                raise StoreError(
                    said("folder_is_a_file", path=self.path, folder=in_the_way)
                ) from exc
            raise StoreError(
                said("cannot_open", path=self.path, detail=exc.strerror or exc)
            ) from exc
        finally:
            if making is not None:
                for suffix in ("", "-wal", "-shm", "-journal"):
                    with contextlib.suppress(OSError):
                        os.unlink(f"{making}{suffix}")
            if not made:
                for folder in made_folders:  # the deepest first; one not empty stays
                    with contextlib.suppress(OSError):
                        folder.rmdir()

    def _connect(self, target: str, timeout: float, *, uri: bool) -> _GuardedConnection:
        conn = sqlite3.connect(
            target,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=False,
            uri=uri,
            factory=_GuardedConnection,
        )
        assert isinstance(conn, _GuardedConnection)
        conn.db_path = self.path
        conn.number = next(_CONNECTION_NUMBERS)
        conn.text_factory = TEXT_AS_READ
        return conn

    def _check_before_writing(self, timeout: float) -> None:
        """What kind of file it is, its schema and the quick check, read over a read-only
        connection before the store is opened for writing, when a quick check is due.

        A writable connection writes before any check of ours: it migrates an older
        store, and as the last connection closes it copies the -wal into the file: a
        damaged store's, or a -wal another database left beside it (its pages laid over
        this file's), which a read-only connection reads and never copies.  A file the
        read-only connection cannot read (a hot journal it may not roll back, a lock) is
        left to the writable open, which says why or recovers it (and _prepare checks
        its schema).
        """
        key = self._check_due()
        if key is None:
            return  # (_prepare checks the schema on the connection it opens)
        try:
            conn = self._connect("file:" + quote(key[0]) + "?mode=ro", timeout, uri=True)
        except sqlite3.Error:
            return
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {name for (name,) in conn.execute(_TABLE_NAMES)}
            self._refuse_newer(version, tables)
            if version != 0 or tables:  # (neither: an empty database, made a store)
                self._refuse_damaged_schema(conn, version, tables)
            rows = conn.execute("PRAGMA quick_check(1)").fetchall()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc) or "readonly" in str(exc):
                return
            if self._alone_without_shm and _no_shared_memory(exc):
                return  # the open that holds the file alone checks it (_connect_alone)
            self._refuse_a_wal_not_its_own()
            raise self._failure(exc, opening=True) from exc
        except StoreError as exc:
            if not isinstance(exc, LockedStoreError):  # (a newer version, damage)
                self._refuse_a_wal_not_its_own()
            raise
        except sqlite3.DatabaseError as exc:
            self._refuse_a_wal_not_its_own()
            raise self._failure(exc, opening=True) from exc
        finally:
            conn.close()
        self._schema_checked = True
        self._passed(key, rows)

    def _refuse_a_wal_not_its_own(self) -> None:
        """DamagedStoreError that says so when the library read damaged is whole without
        the -wal beside it (whole_without_its_wal): it was said "damaged; nothing was
        written to it", and `timeline repair` copied the other library's pages mixed
        with its own.  Nothing when it is not."""
        target = self.path.resolve()
        if whole_without_its_wal(target):
            raise DamagedStoreError(
                said(
                    "wal_not_its_own",
                    path=self.path,
                    wal=Path(f"{self.path}-wal"),
                    shm=Path(f"{self.path}-shm"),
                )
            )

    def _refuse_damaged_schema(
        self, conn: sqlite3.Connection, version: int, tables: set[str] | None = None
    ) -> None:
        """StoreError unless the library on conn holds all its version's schema (a
        database with no articles table is no library at all).  Read over conn alone:
        sqlite-utils (self.db's names) takes a third of a second to import."""
        if tables is None:
            tables = {name for (name,) in conn.execute(_TABLE_NAMES)}
        if "articles" not in tables:
            raise StoreError(said("not_a_store", path=self.path))
        found = lacking(conn, version)
        if found is not None:
            key, values = found
            what = SCHEMA_DAMAGE[key].format(**values)
            raise DamagedStoreError(said("damaged_schema", path=self.path, what=what))

    def _unwritable(self) -> str | None:
        """Why an existing store cannot be written here, or None when it can."""
        if not self.path.exists():
            return None
        # A link's target is what SQLite writes, its -wal and -shm beside the target.
        target = self.path.resolve()
        folder = target.parent
        if not os.access(folder, os.W_OK):
            return READ_ONLY_REASONS["folder"].format(folder=folder)
        if not os.access(target, os.W_OK):
            return READ_ONLY_REASONS["file"]
        return None

    def _connect_read_only(self, timeout: float) -> _GuardedConnection:
        """mode=ro, or immutable when even SQLite's shared-memory file cannot be made."""
        base = "file:" + quote(str(self.path.resolve()))
        conn = self._connect(base + "?mode=ro", timeout, uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if "locked" in str(exc) or "busy" in str(exc):
                # Another program writes it (an import holding it alone): immutable would
                # read its pages half written.
                raise
        except BaseException:
            conn.close()
            raise
        return self._connect(base + "?mode=ro&immutable=1", timeout, uri=True)

    @property
    def read_only(self) -> str | None:
        """Why writes are refused, or None when the store is writable."""
        return self.conn.read_only

    @property
    def damage(self) -> str | None:
        """What showed the file to be damaged, or None while no damage was met."""
        return self.conn.damage

    def _check_due(self) -> tuple[str, int, int] | None:
        """The file's key in _checked when a quick check of it is due (a file with pages,
        up to QUICK_CHECK_MAX_BYTES, not yet checked in this process at its size and
        time), else None."""
        try:
            info = self.path.stat()
        except OSError:
            return None
        key = (str(self.path.resolve()), info.st_size, info.st_mtime_ns)
        if not info.st_size or key in _checked or info.st_size > QUICK_CHECK_MAX_BYTES:
            return None
        return key

    def _passed(self, key: tuple[str, int, int], rows: list[tuple]) -> None:
        """A quick check's rows judged: DamagedStoreError unless they say ok."""
        if rows != [("ok",)]:
            self._refuse_a_wal_not_its_own()
            detail = str(rows[0][0]) if rows else "no answer"
            if hasattr(self, "conn"):
                self.conn.damage = detail
            raise DamagedStoreError(damaged_message(self.path, detail))
        _checked.add(key)

    def _quick_check(self) -> None:
        key = self._check_due()
        if key is not None:
            self._passed(key, self.conn.execute("PRAGMA quick_check(1)").fetchall())

    def _failure(self, exc: sqlite3.Error, *, opening: bool = False) -> StoreError:
        """The StoreError that says exc (LockedStoreError for a lock)."""
        message = self._explain(exc, opening=opening)
        if message == said("locked", path=self.path):
            return LockedStoreError(message)
        return StoreError(message)

    def _explain(self, exc: sqlite3.Error, *, opening: bool = False) -> str:
        """One line for exc; opening: met while the store was opened."""
        text = str(exc)
        if "locked" in text or "busy" in text:
            return said("locked", path=self.path)
        if "not a database" in text or "malformed" in text:
            return said("not_usable", path=self.path, detail=text)
        if "disk is full" in text:  # SQLITE_FULL: the disk, or a size limit on the file
            return said("disk_full", path=self.path)
        if "disk I/O error" in text and _nearly_full(self.path.resolve().parent):
            # No room for the -shm SQLite makes on opening: it says only "disk I/O error".
            # Nothing was being written then ("disk_full" says what was was not stored).
            return said("disk_full_to_open" if opening else "disk_full", path=self.path)
        return f"{self.path}: {text}"

    def _prepare(self) -> None:
        conn = self.conn
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        self._refuse_newer(version)
        fresh = version == 0 and not self.db.table_names()
        if fresh and not self._create:
            # An empty file (made by hand, or cut to nothing) is no library: a command
            # that only reads must not write a new one into it.  It is there, an empty
            # database to SQLite (it was said "no database at", as a missing file is).
            raise StoreError(said("not_a_store", path=self.path))
        if not fresh and not self._schema_checked:
            self._refuse_damaged_schema(conn, version)
        if conn.read_only is not None:
            if version < SCHEMA_VERSION:
                raise StoreError(said("upgrade_read_only", path=self.path, reason=conn.read_only))
            return
        if fresh:
            # Must precede the first table: 16 KiB pages shrink 2 KB articles by 42%.
            conn.execute("PRAGMA page_size=16384")
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        if version < SCHEMA_VERSION:
            self._migrate()
        if not fresh:
            # After an upgrade, not before: an older library in a rollback journal (a
            # write held alone that was cut short) is left as it was, header and all,
            # when its upgrade fails.
            conn.execute("PRAGMA journal_mode=WAL")

    def _migrate(self) -> None:
        """Bring an older store to SCHEMA_VERSION in one transaction: a store is never
        left half-migrated.

        The version is read again under the write lock: another program opening the
        same new or old store at the same moment may have migrated it meanwhile (it
        failed with "table articles already exists").  A migration that stops on what
        the file holds (a table it makes there already: another program's upgrade cut
        short, or a version set by hand) is rolled back and the library said damaged.
        """
        conn = self.conn
        token = migration_progress.set(self._progress)
        try:
            with self._write_transaction():
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                self._refuse_newer(version)
                try:
                    for migrate in MIGRATIONS[version:]:
                        migrate(self.db)
                except sqlite3.OperationalError as exc:
                    if getattr(exc, "sqlite_errorcode", None) != _SQLITE_ERROR:
                        raise  # a lock, a full disk: said as such by the caller
                    what = SCHEMA_DAMAGE["upgrade"].format(version=version, detail=exc)
                    raise DamagedStoreError(
                        said("damaged_schema", path=self.path, what=what)
                    ) from exc
                if version < SCHEMA_VERSION:
                    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        finally:
            migration_progress.reset(token)

    def _refuse_newer(self, version: int, tables: set[str] | None = None) -> None:
        if version <= SCHEMA_VERSION:
            return
        if "articles" not in (tables if tables is not None else self.db.table_names()):
            # Another program's database (Firefox's places.sqlite is at 74), not ours.
            raise StoreError(said("not_a_store", path=self.path))
        raise StoreError(said("newer", path=self.path, version=version, known=SCHEMA_VERSION))

    @property
    def schema_version(self) -> int:
        return int(self.db.conn.execute("PRAGMA user_version").fetchone()[0])

    def load_writer(self) -> None:
        """Load what this store's first write loads (sqlite-utils), writing nothing: a
        window does it while idle, so that the first edit does not pay for it."""
        cast("_Database", self.db).made()

    def close(self) -> None:
        self.db.conn.close()
        _release(self._held_as)
        self._held_as = None

    def reconnect(self) -> bool:
        """Close the connection and open the file again, to hold SQLite's locks anew.

        SQLite locks the file with POSIX locks, which belong to the process: when any
        other part of the process opens the file and closes it (Qt's file dialog reads
        the first bytes of every file it lists to name its type), they are gone.
        Another program closing its connection then took itself for the last one and
        deleted the -wal and -shm this process still used; the next write here went
        through the deleted -shm and damaged the file.  SQLite locks the file again only
        once its last connection in the process has closed: False (nothing done) while
        another store of this process has the file open.  Raises StoreError if the file
        cannot be opened again.
        """
        if self._held_as is None or held_here(self.path) > 1:
            return False
        on_request = self.conn.read_only == READ_ONLY_REASONS["on_request"]
        self.close()
        again = Store(self.path, create=False, read_only=on_request, check=False)
        self.db, self.conn, self._held_as = again.db, again.conn, again._held_as
        again._held_as = None  # (its hold is this store's now)
        return True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all (nested: a savepoint).

        Refused on a store known to be damaged or opened read-only.
        """
        if self.conn.damage is not None:
            raise DamagedStoreError(damaged_message(self.path, self.conn.damage))
        if self.conn.read_only is not None:
            raise ReadOnlyStoreError(said("read_only", path=self.path, reason=self.conn.read_only))
        try:
            with self._write_transaction():
                yield
        except sqlite3.OperationalError as exc:
            raise self._failure(exc) from exc

    @contextlib.contextmanager
    def _write_transaction(self) -> Iterator[None]:
        """sqlite-utils' atomic(), but the outermost transaction takes the write lock at
        once (BEGIN IMMEDIATE): one begun as a read and asked to write after another
        process committed is refused at once (SQLITE_BUSY_SNAPSHOT, which no busy timeout
        waits out), so an edit that reads its row before writing it lost to a terminal's
        `timeline edit` running beside the window.  Nested: a savepoint, as before."""
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield
            return
        conn.execute("BEGIN EXCLUSIVE" if self._alone else "BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextlib.contextmanager
    def held_alone(self) -> Iterator[bool]:
        """Write a large amount in a rollback journal, the file held by this connection
        alone; yields whether it is (False: the store stays as it was, in WAL mode).

        In WAL mode every page an import writes is written twice, to the log and then
        into the database at the checkpoint that follows the commit, and the log grows
        to the size of the whole transaction first: an import of one large file, one
        transaction, needs twice its size on the disk and pays a checkpoint of it (the
        writer's CPU for 30,154 articles: 17.6 s, of which 3 to 4.5 s the checkpoint).
        A rollback journal writes each new page once and keeps in the journal only the
        old content of the pages changed (SQLite's documentation: for transactions over
        about 100 MB the rollback modes are likely faster).  But its writer and readers
        exclude each other, so it is taken only when no other connection has the store
        open (SQLite refuses to leave WAL mode otherwise: the window open on it, a
        `timeline` reading it), and held from the first write to the end
        (locking_mode=EXCLUSIVE, transactions begun EXCLUSIVE): a program that opens the
        store meanwhile is told it is locked at once, and none can hold a read that
        would make this one's commit wait, and fail, at the end of a long import.
        Back in WAL mode on leaving; a program killed meanwhile leaves its journal, which
        rolls the store back to what it was when it is next opened (and put back in WAL).
        """
        conn = self.conn
        if conn.read_only is not None or conn.damage is not None or conn.in_transaction:
            yield False
            return
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlite3.OperationalError:  # "database is locked": another connection has it
            yield False
            return
        if str(mode).lower() != "delete":
            yield False
            return
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        self._alone = True
        try:
            yield True
        finally:
            self._alone = False
            # Errors here would hide the one being raised; the next open puts the store
            # back in WAL mode in any case (_prepare).
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA locking_mode=NORMAL")
                conn.execute("PRAGMA journal_mode=WAL")

    # -- writing -------------------------------------------------------------

    def uids(self) -> Iterator[str]:
        """The dedup key of every stored article, in no order (read as they are taken)."""
        for (uid,) in self.db.conn.execute("SELECT uid FROM articles"):
            yield uid

    def find_uid(self, uid: str) -> int | None:
        row = self.db.conn.execute("SELECT id FROM articles WHERE uid = ?", (uid,)).fetchone()
        return row[0] if row else None

    def add_article(
        self,
        draft: ArticleDraft,
        uid: str,
        published: DateValue | None,
        search_parts: tuple[str, str, str] | None = None,
    ) -> tuple[int, bool]:
        """Store an article and its publication event; (id, False) when its uid is stored.

        search_parts, if given, is schema.search_parts(draft.title, draft.body) (worked
        out beforehand, e.g. in a worker process): the article's search index rows are
        written from it, and the insert trigger, which would normalize the text again
        in SQL, skips the article.  Without it the trigger indexes the article.
        """
        existing = self.find_uid(uid)
        if existing is not None:
            return existing, False
        now = datetime.now(UTC).isoformat(timespec="seconds")
        conn = self.db.conn
        new_id: int | None = None
        if search_parts is not None:
            # The id SQLite would give (the largest plus one), taken first so that the
            # index rows can name it before the row exists.
            new_id = int(
                conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]
            )
            title, lead, rest = search_parts
            row = {
                "id": new_id,
                "published_start": published.start if published else None,
                "title": title,
                "lead": lead,
                "body": rest,
            }
            for sql in INDEX_ARTICLE_SQL:
                conn.execute(sql, row)
            rowid = int(
                conn.execute(
                    "SELECT fts_rowid FROM article_search WHERE article_id = ?", (new_id,)
                ).fetchone()[0]
            )
            if not conn.execute(
                "SELECT 1 FROM search_unpaired WHERE fts_rowid = ?", (rowid,)
            ).fetchone():
                conn.execute(INDEX_PAIRS_SQL, (rowid, *pair_parts(search_parts, pair_words(conn))))
        cur = conn.execute(_INSERT_ARTICLE, _article_row(new_id, uid, draft, published, now))
        article_id = int(cur.lastrowid or 0)
        conn.execute(_OWN_INSERT, (article_id,))
        if published is not None and published.start is not None:
            self._insert_events(
                article_id, [_publication_event(article_id, published, draft.title)]
            )
        return article_id, True

    @contextlib.contextmanager
    def article_writer(self) -> Iterator[ArticleWriter]:
        """An ArticleWriter for a large import, inside the caller's transaction.

        Between entering and leaving, the store must be written through the writer only
        (it knows the ids and index rowids it gave); what it holds back is written on
        leaving without an error (an error rolls the caller's transaction back anyway).
        """
        conn = self.db.conn
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        # A larger page cache while importing: the indexes an import writes at random
        # places (uid, band keys, the full-text index the copy verdicts read) outgrow
        # SQLite's 2 MiB default in a store of 100,000 articles, and each page missed is
        # read again (measured: the writer's CPU an article 2.8 ms against 2.2 ms).
        conn.execute(f"PRAGMA cache_size={_WRITER_CACHE_KIB}")
        try:
            writer = ArticleWriter(self)
            yield writer
            writer.flush()
            # Rowids left without their word pairs by other writers (or kept marked by
            # this one) get them now: phrases are found the slow way while any is marked.
            fill_word_pairs(conn)
        finally:
            conn.execute(f"PRAGMA cache_size={int(cache)}")

    def _insert_events(self, article_id: int, events: Iterable[Event]) -> None:
        self.db.conn.executemany(
            _INSERT_EVENTS,
            [
                (
                    article_id,
                    e.kind,
                    e.start,
                    e.end,
                    e.granularity,
                    e.value,
                    e.label,
                    e.span_start,
                    e.span_end,
                    e.confidence,
                )
                for e in events
            ],
        )

    def replace_mentions(self, article_id: int, events: Iterable[Event]) -> None:
        """Replace every event of an article found in its text (not its publication, not
        a range its file stated)."""
        self.db.conn.execute(
            "DELETE FROM events WHERE article_id = ? AND kind NOT IN ('published', 'stated')",
            (article_id,),
        )
        self._insert_events(article_id, events)

    def redate_mentions(self, article_id: int, events: Iterable[Event]) -> None:
        """Write an article's mentions found again from another publication date.

        A mention at a span the article's stored mentions hold keeps its row and id, its
        date written over (ids are what the window's selection and event list, and a
        script's `timeline edit correct ID`, name a mention by); a stored one at a span
        no longer found goes, and a new one comes.  Mentions never overlap, so a span
        names one.  Only the rows whose date changed are written (a 10 MB text of news
        articles: 9,646 of its 28,391 mentions moved with a corrected date; writing them
        all took 0.27 s, the 9,646 0.16 s, of a correction of about 1.9 s)."""
        conn = self.db.conn
        held: dict[tuple[int | None, int | None], tuple[object, ...]] = {
            (row[0], row[1]): row[2:]
            for row in conn.execute(
                'SELECT span_start, span_end, kind, start, "end", granularity, value, label,'
                " confidence, id FROM events"
                " WHERE article_id = ? AND kind NOT IN ('published', 'stated')",
                (article_id,),
            )
        }
        new: list[Event] = []
        again: list[tuple[object, ...]] = []
        for e in events:
            found = held.pop((e.span_start, e.span_end), None)
            if found is None:
                new.append(e)
                continue
            row = (e.kind, e.start, e.end, e.granularity, e.value, e.label, e.confidence)
            if row != found[:-1]:
                again.append((*row, found[-1]))
        conn.executemany(
            'UPDATE events SET kind = ?, start = ?, "end" = ?, granularity = ?, value = ?,'
            " label = ?, confidence = ? WHERE id = ?",
            again,
        )
        conn.executemany("DELETE FROM events WHERE id = ?", [(row[-1],) for row in held.values()])
        self._insert_events(article_id, new)

    def add_stated_event(self, article_id: int, event: Event) -> None:
        """Store a dated range the imported file itself gave for an article (kind 'stated').

        A .timeline file's event with an end is such a range: it is not in the text, so
        re-computing the mentions keeps it.
        """
        self._insert_events(article_id, [replace(event, kind="stated")])

    def set_published(self, article_id: int, published: DateValue | None, label: str) -> None:
        """Replace an article's publication date and its publication event."""
        # Only when it changed: the search index's update triggers re-index the article
        # (and mark its word pairs stale) for any update of published_start, and a
        # recompute sets every article's date again, nearly always to what it was.
        value, start = (published.value, published.start) if published else (None, None)
        self.db.conn.execute(
            "UPDATE articles SET published = ?, published_start = ? WHERE id = ?"
            " AND (published IS NOT ? OR published_start IS NOT ?)",
            (value, start, article_id, value, start),
        )
        self.db.conn.execute(
            "DELETE FROM events WHERE article_id = ? AND kind = 'published'", (article_id,)
        )
        if published is not None and published.start is not None:
            self._insert_events(article_id, [_publication_event(article_id, published, label)])

    def delete_article(self, article_id: int) -> None:
        self.db.conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
        self.db.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def delete_articles(self, ids: Sequence[int]) -> list[int]:
        """Delete those of these articles that are stored; their ids, in id order.

        Their events go first (one statement, on the events' article index); the
        articles' own rows take their search-index rows (the triggers) and story rows
        (the cascades) with them.  The user's edits are kept by the article's uid: they
        come back with the article if it is imported again.  Call in a transaction.
        """
        conn = self.db.conn
        found = self.stored_ids(ids)
        if found:
            marks = ",".join("?" * len(found))
            conn.execute(f"DELETE FROM events WHERE article_id IN ({marks})", found)
            conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", found)
        return found

    def changed_article_ids(self) -> list[int]:
        """The stored articles whose title, body or date as written another program
        changed since their events were read (schema v19), in id order."""
        return [
            int(i)
            for (i,) in self.db.conn.execute(
                "SELECT c.article_id FROM articles_changed c"
                " JOIN articles a ON a.id = c.article_id ORDER BY c.article_id"
            )
        ]

    def forget_changed(self, ids: Sequence[int] | None = None) -> None:
        """These articles (None: all) read again since their text changed; and any
        noted article no longer stored."""
        self._forget_noted("articles_changed", ids)

    def given_dates_to_follow(self) -> list[int]:
        """The stored articles whose publication date the user corrected before the
        correction found their mentions again from it (schema v20), in id order."""
        return [
            int(i)
            for (i,) in self.db.conn.execute(
                "SELECT g.article_id FROM given_dates_to_follow g"
                " JOIN articles a ON a.id = g.article_id ORDER BY g.article_id"
            )
        ]

    def forget_given_dates_to_follow(self, ids: Sequence[int] | None = None) -> None:
        """These articles' mentions (None: every article's) now count from the date the
        user gave; and any noted article no longer stored."""
        self._forget_noted("given_dates_to_follow", ids)

    def _forget_noted(self, table: str, ids: Sequence[int] | None) -> None:
        """Take these articles (None: all) out of a program table that notes articles
        to read again (articles_changed, given_dates_to_follow), and any noted article
        no longer stored."""
        conn = self.db.conn
        if ids is None:
            conn.execute(f"DELETE FROM {table}")
            return
        for start in range(0, len(ids), 500):
            step = list(ids[start : start + 500])
            marks = ",".join("?" * len(step))
            conn.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", step)
        conn.execute(f"DELETE FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")

    def stored_ids(self, ids: Sequence[int]) -> list[int]:
        """Those of these ids that name a stored article, in id order."""
        found: list[int] = []
        for start in range(0, len(ids), 500):
            step = list(ids[start : start + 500])
            marks = ",".join("?" * len(step))
            found += [
                row[0]
                for row in self.db.conn.execute(
                    f"SELECT id FROM articles WHERE id IN ({marks}) ORDER BY id", step
                )
            ]
        return sorted(found)

    def stored_in_runs(self, runs: Sequence[range]) -> list[int]:
        """The stored articles' ids within these runs of ids (steps of 1), in id order:
        read by range, so a run may name far more ids than the store holds."""
        found: set[int] = set()
        for run in runs:
            if len(run):
                found.update(
                    row[0]
                    for row in self.db.conn.execute(
                        "SELECT id FROM articles WHERE id BETWEEN ? AND ?", (run[0], run[-1])
                    )
                )
        return sorted(found)

    def ids_from_origin(self, origins: Sequence[str]) -> list[int]:
        """The ids of the articles read from any of these paths, in id order: from the
        file itself or from under it (a folder's files, an archive's members).

        An origin stored with ".." steps (before they were taken out on import) is
        matched as the path it names (paths.without_dot_dots), left as it was stored.
        """
        wheres: list[str] = []
        params: list[object] = []
        unders: list[str] = []
        for origin in origins:
            if not origin:
                continue  # not "every article under /"
            wheres.append("origin = ?")
            params.append(origin)
            # A folder's files by the system's separator, an archive's members by "/".
            for separator in dict.fromkeys(("/", os.sep)):
                under = origin.rstrip(separator) + separator
                unders.append(under)
                wheres.append("substr(origin, 1, ?) = ?")
                params += [len(under), under]
        if not wheres:
            return []
        wanted = {o for o in origins if o}

        def named(origin: str) -> bool:
            return origin in wanted or origin.startswith(tuple(unders))

        rows = self.db.conn.execute(
            f"SELECT id, origin FROM articles WHERE {' OR '.join(wheres)}"
            " OR instr(origin, '..') > 0 ORDER BY id",
            params,
        )
        return [
            article_id
            for article_id, origin in rows
            if ".." not in origin or named(origin) or named(str(without_dot_dots(Path(origin))))
        ]

    # -- reading -------------------------------------------------------------

    def data_version(self) -> int | None:
        """A number that changes when another connection commits to the store (SQLite's
        data_version; this connection's own writes leave it): what the window polls to
        notice another program's import, removal or edit.  None when it cannot be read
        at once (a writer holds the store alone, damage): asked without waiting, since
        the window's thread asks."""
        conn = self.db.conn
        try:
            (wait_ms,) = conn.execute("PRAGMA busy_timeout").fetchone()
            conn.execute("PRAGMA busy_timeout=0")
            try:
                return int(conn.execute("PRAGMA data_version").fetchone()[0])
            finally:
                conn.execute(f"PRAGMA busy_timeout={int(wait_ms)}")
        except (sqlite3.Error, StoreError):
            return None

    def change_stamp(self) -> tuple[int, int] | None:
        """A value that is another once any other connection has committed to the store:
        this connection's number in the process and its data_version (None when that
        cannot be read at once).  It keys what was read from the store for as long as
        this connection writes nothing itself: the window's, which only reads (its
        writes run on connections of their own), vouches with it that a search's
        filters read before still hold (search.matching_article_ids)."""
        version = self.data_version()
        return None if version is None else (self.conn.number, version)

    def count_articles(self) -> int:
        return int(self.db.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def count_events(self) -> int:
        return int(self.db.conn.execute("SELECT count(*) FROM events").fetchone()[0])

    def article(self, article_id: int, *, body_chars: int | None = None) -> Article | None:
        """One article; with `body_chars`, only that many characters of its body.

        The whole body is read through SQLite's blob handle, a quarter megabyte at a
        time (_read_body): sqlite3 turns a text column into a str in one call that holds
        the GIL, and a worker reading a 12 MB body that way froze the window.
        """
        body = "''" if body_chars is None else "substr(body, 1, ?)"
        columns = _ARTICLE_COLUMNS.replace("body,", f"{body},", 1)
        params = (article_id,) if body_chars is None else (body_chars, article_id)
        row = self.db.conn.execute(
            f"SELECT {columns} FROM articles WHERE id = ?", params
        ).fetchone()
        if not row:
            return None
        article = Article(*row)
        if body_chars is not None:
            return article
        text = self._read_body(article_id)
        return None if text is None else replace(article, body=text)

    def _read_body(self, article_id: int) -> str | None:
        """An article's body, read and decoded in steps; None if the article is gone
        (another process deleted it after its row was read).

        The blob handle reads with the GIL released, and each step's decoding is short,
        so other threads (the window's) are never kept waiting for the whole body.
        """
        conn = self.db.conn
        try:
            with conn.blobopen("articles", "body", article_id, readonly=True) as blob:
                size = len(blob)
                if size <= _BODY_STEP:
                    return blob.read().decode()
                decoder = codecs.getincrementaldecoder("utf-8")()
                parts = [decoder.decode(blob.read(_BODY_STEP)) for _ in range(0, size, _BODY_STEP)]
        except sqlite3.DatabaseError as exc:
            if "no such rowid" in str(exc):
                return None
            translate = getattr(conn, "translate", None)
            raise (translate(exc) if translate else exc) from exc
        parts.append(decoder.decode(b"", final=True))
        return "".join(parts)

    def articles(self, *, undated_only: bool = False, limit: int | None = None) -> list[Article]:
        """Articles in chronological order; those without a date come last."""
        where = "WHERE published_start IS NULL" if undated_only else ""
        sql = (
            f"SELECT {_ARTICLE_COLUMNS} FROM articles {where}"
            " ORDER BY published_start IS NULL, published_start, id"
        )
        params: tuple = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        return [Article(*row) for row in self.db.conn.execute(sql, params)]

    def iter_articles(
        self, *, undated_only: bool = False, body: bool = True
    ) -> Generator[Article, None, None]:
        """articles() read as they are consumed, a thousand rows at a time, not held as a
        list (a million bodies are gigabytes); with body=False each body is "" (not read)."""
        columns = _ARTICLE_COLUMNS if body else _ARTICLE_COLUMNS.replace("body,", "'' AS body,", 1)
        where = "WHERE published_start IS NULL" if undated_only else ""
        cursor = self.db.conn.execute(
            f"SELECT {columns} FROM articles {where}"
            " ORDER BY published_start IS NULL, published_start, id"
        )
        try:
            while rows := cursor.fetchmany(1000):
                for row in rows:
                    yield Article(*row)
        finally:
            # Left by its reader (a closed pipe) the generator may be collected after
            # the store was closed: the cursor went with it.
            with contextlib.suppress(sqlite3.ProgrammingError):
                cursor.close()

    def chronological_ids(self) -> list[int]:
        """Every article id in chronological order, undated last."""
        return [
            row[0]
            for row in self.db.conn.execute(
                "SELECT id FROM articles ORDER BY published_start IS NULL, published_start, id"
            )
        ]

    def article_summaries(self, ids: Iterable[int]) -> dict[int, tuple[str, str | None, str]]:
        """(title, published, source) by id, for list rows fetched on demand."""
        wanted = list(ids)
        out: dict[int, tuple[str, str | None, str]] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for id_, title, published, source in self.db.conn.execute(
                f"SELECT id, title, published, source FROM articles WHERE id IN ({marks})", chunk
            ):
                out[id_] = (title, published, source)
        return out

    def events_of(self, article_id: int) -> list[Event]:
        return list(self.event_rows_of(article_id))

    def event_rows_of(self, article_id: int) -> EventRows:
        """events_of(), each event made when asked for (see EventRows)."""
        return EventRows(self.db.conn.execute(_EVENTS_OF, (article_id,)).fetchall())

    def stored_events_of(self, article_id: int) -> StoredEvents:
        """events_of(), read a page at a time each time they are gone through (see
        StoredEvents)."""
        return StoredEvents(self.db.conn, article_id)

    def fill_word_pairs(self) -> int:
        """Write the word pairs (schema v13) of the articles other writers left without
        them, and take out those of deleted or changed ones; how many were marked."""
        with self.transaction():
            return fill_word_pairs(self.db.conn)

    def article_ids(self) -> list[int]:
        """Every article id, in id order."""
        return [row[0] for row in self.db.conn.execute("SELECT id FROM articles ORDER BY id")]

    def dating_inputs(self, ids: Sequence[int]) -> list[tuple[int, str, str, str]]:
        """(id, body, published_raw, title) of some articles, for re-computing events."""
        marks = ",".join("?" * len(ids))
        return list(
            self.db.conn.execute(
                "SELECT id, body, published_raw, title FROM articles"
                f" WHERE id IN ({marks}) ORDER BY id",
                list(ids),
            )
        )
