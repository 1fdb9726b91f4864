"""Salvage a damaged store: copy every row that still reads into a new store file.

Done in Python rather than with the sqlite3 shell's `.recover`, so that it works in
the packaged program where no sqlite3 command exists: each table is read by rowid
range, a range that fails is split until the rows around the damage are read one by
one, and the rows are written into a freshly created store, whose triggers rebuild
the search index.  The damaged file is opened read-only and never written.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from timeline.store.schema import mended_row
from timeline.store.store import TEXT_AS_READ, Store, StoreError

_RANGE = 2000  # rows read at once while nothing fails
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


@dataclass
class SalvageReport:
    """What a salvage copied, table by table, and how many rowids could not be read."""

    target: Path
    copied: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)  # rowids whose read failed
    refused: dict[str, int] = field(default_factory=dict)  # rows the new store refused
    tables_lost: list[str] = field(default_factory=list)
    made_again: dict[str, int] = field(default_factory=dict)  # rows made from copied ones


def _open_damaged(path: Path) -> sqlite3.Connection:
    base = "file:" + quote(str(path.resolve()))
    for query in ("?mode=ro", "?mode=ro&immutable=1"):
        conn = sqlite3.connect(base + query, uri=True)
        conn.text_factory = TEXT_AS_READ  # text that is not UTF-8 copied, not lost
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.DatabaseError:
            conn.close()
    raise StoreError(f"{path} cannot be read at all: not even its list of tables")


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
        self.unreadable = 0

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
            # The right edge is damaged: fall back to the count of rows, which may
            # undercount when ids have gaps, and at least 100,000.
            return 100_000

    def rows(self, low: int, high: int) -> Iterator[tuple]:
        try:
            yield from self.conn.execute(self.sql, (low, high)).fetchall()
            return
        except sqlite3.DatabaseError:
            pass
        if high - low < _ONE_BY_ONE:
            for rowid in range(low, high + 1):
                try:
                    yield from self.conn.execute(self.sql, (rowid, rowid)).fetchall()
                except sqlite3.DatabaseError:
                    self.unreadable += 1
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
    30,000 articles)."""
    if target.exists():
        raise StoreError(f"{target} exists already; choose another file for the salvaged copy")
    damaged = _open_damaged(source)
    report = SalvageReport(target)
    try:
        with Store(target) as out:
            conn = out.db.conn
            conn.execute("PRAGMA foreign_keys=OFF")
            with out.transaction():
                for table in _tables_to_copy(conn):
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
    if reader.unreadable:
        report.unreadable[table] = reader.unreadable
    if refused:
        report.refused[table] = refused
