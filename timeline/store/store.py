"""The Store: opening, migrating and reading/writing articles and their events."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
import sqlite_utils

from timeline.model import Article, ArticleDraft, DateValue, Event
from timeline.store.schema import MIGRATIONS, SCHEMA_VERSION, migration_progress

APP_NAME = "arabic-news-timeline"

_ARTICLE_COLUMNS = (
    "id, uid, title, body, source, url, author, caption, credit, lang, "
    "published, published_raw, origin, imported_at"
)
_EVENT_COLUMNS = (
    'id, article_id, kind, start, "end", granularity, value, label, '
    "span_start, span_end, confidence"
)


class StoreError(Exception):
    """A store that cannot be used: corrupt, locked, too new, or unwritable."""


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
        progress: Callable[[int, int, str], None] | None = None,
    ) -> None:
        """Open (and create or migrate) a store; progress(done, total, what) hears of
        a migration that rebuilds something large."""
        self.path = Path(path)
        self._progress = progress
        if not create and not self.path.exists():
            raise StoreError(f"no database at {self.path}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                str(self.path), timeout=timeout, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        self.db = sqlite_utils.Database(conn)
        try:
            self._prepare()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(self._explain(exc)) from exc

    def _explain(self, exc: sqlite3.Error) -> str:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return f"{self.path} is locked by another program; close it and try again"
        if "not a database" in text or "malformed" in text:
            return f"{self.path} is not a usable timeline database (corrupt or not SQLite): {text}"
        return f"{self.path}: {text}"

    def _prepare(self) -> None:
        conn = self.db.conn
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer version of this program "
                f"(schema {version}; this one knows up to {SCHEMA_VERSION}). "
                "Upgrade the program to open it; nothing was changed."
            )
        fresh = version == 0 and not self.db.table_names()
        if version == 0 and not fresh:
            raise StoreError(f"{self.path} is an SQLite database, but not a timeline store")
        if fresh:
            # Must precede the first table: 16 KiB pages shrink 2 KB articles by 42%.
            conn.execute("PRAGMA page_size=16384")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA journal_mode=WAL")
        if version < SCHEMA_VERSION:
            # One transaction: a store is never left half-migrated.
            token = migration_progress.set(self._progress)
            try:
                with self.db.atomic():
                    for migrate in MIGRATIONS[version:]:
                        migrate(self.db)
                    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            finally:
                migration_progress.reset(token)

    @property
    def schema_version(self) -> int:
        return int(self.db.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all (nested: a savepoint)."""
        try:
            with self.db.atomic():
                yield
        except sqlite3.OperationalError as exc:
            raise StoreError(self._explain(exc)) from exc

    # -- writing -------------------------------------------------------------

    def find_uid(self, uid: str) -> int | None:
        row = self.db.conn.execute("SELECT id FROM articles WHERE uid = ?", (uid,)).fetchone()
        return row[0] if row else None

    def add_article(
        self,
        draft: ArticleDraft,
        uid: str,
        published: DateValue | None,
    ) -> tuple[int, bool]:
        """Store an article and its publication event; (id, False) when its uid is stored."""
        existing = self.find_uid(uid)
        if existing is not None:
            return existing, False
        now = datetime.now(UTC).isoformat(timespec="seconds")
        cur = self.db.conn.execute(
            "INSERT INTO articles (uid, title, body, source, url, author, caption, credit,"
            " lang, published, published_start, published_raw, origin, imported_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
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
            ),
        )
        article_id = int(cur.lastrowid or 0)
        if published is not None and published.start is not None:
            self._insert_events(
                article_id, [_publication_event(article_id, published, draft.title)]
            )
        return article_id, True

    def _insert_events(self, article_id: int, events: Iterable[Event]) -> None:
        self.db.conn.executemany(
            'INSERT INTO events (article_id, kind, start, "end", granularity, value, label,'
            " span_start, span_end, confidence) VALUES (?,?,?,?,?,?,?,?,?,?)",
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
        """Replace every event of an article except its publication."""
        self.db.conn.execute(
            "DELETE FROM events WHERE article_id = ? AND kind != 'published'", (article_id,)
        )
        self._insert_events(article_id, events)

    def set_published(self, article_id: int, published: DateValue | None, label: str) -> None:
        """Replace an article's publication date and its publication event."""
        self.db.conn.execute(
            "UPDATE articles SET published = ?, published_start = ? WHERE id = ?",
            (
                published.value if published else None,
                published.start if published else None,
                article_id,
            ),
        )
        self.db.conn.execute(
            "DELETE FROM events WHERE article_id = ? AND kind = 'published'", (article_id,)
        )
        if published is not None and published.start is not None:
            self._insert_events(article_id, [_publication_event(article_id, published, label)])

    def delete_article(self, article_id: int) -> None:
        self.db.conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
        self.db.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    # -- reading -------------------------------------------------------------

    def count_articles(self) -> int:
        return int(self.db.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def count_events(self) -> int:
        return int(self.db.conn.execute("SELECT count(*) FROM events").fetchone()[0])

    def article(self, article_id: int) -> Article | None:
        row = self.db.conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return Article(*row) if row else None

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
        rows = self.db.conn.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE article_id = ?"
            " ORDER BY kind != 'published', span_start, start",
            (article_id,),
        )
        return [_event_from_row(r) for r in rows]

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
