"""What a library of each schema version holds, and the first part of it a file lacks.

Read on opening, before anything is written.  A library that lost part of its schema
(a table dropped in a database tool, a full-text index whose shadow tables are gone, a
table made again by another program without a column) opened as any other: one of an
older version was upgraded, and so written, before a command failed on it (a v19
library without its events table was migrated to v20, then `list` failed on "no such
table: events"), and a current one failed deep inside a command or the window.  Now it
is said damaged, and what it lacks named, with nothing written.

Only what the program needs is looked for: tables (and their columns), indexes,
triggers and views another program adds are no damage.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from timeline.store.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class SchemaObject:
    """One object of a library's schema, as sqlite_master and table_info give it."""

    kind: str  # "table", "virtual" (a full-text index), "index", "trigger" or "view"
    table: str  # the table it belongs to: itself for a table or a view
    columns: tuple[str, ...] = ()  # a table's


_KINDS = ("table", "virtual", "index", "trigger", "view")
_TABLES = _KINDS[:2]  # the kinds with columns


# The current version's objects, as the migrations make them in an empty database (a
# test holds the two together: a new migration is added here too).  Written out because
# making them takes every migration on a database in memory, 50 ms and the stories'
# modules (0.3 s in all here), on every opening; an older library pays that only before
# the upgrade it needs, which takes longer.  A line: kind, name, then the table an index
# or trigger is on, or a table's columns.
_CURRENT = """
index articles_chronological articles
index articles_source articles
index events_article events
index events_day_mentions events
index events_long_mentions events
index events_mid_mentions events
index events_timeline events
index sqlite_autoindex_article_search_1 article_search
index sqlite_autoindex_articles_1 articles
index sqlite_autoindex_user_article_fields_1 user_article_fields
index sqlite_autoindex_user_hidden_1 user_hidden
index sqlite_autoindex_user_mentions_1 user_mentions
index sqlite_autoindex_user_notes_1 user_notes
index sqlite_autoindex_user_tagged_1 user_tagged
index sqlite_autoindex_user_tags_1 user_tags
index story_copies_cluster story_copies
index user_events_article user_events
index user_tagged_target user_tagged
virtual article_fts body title lead
table article_fts_config k v
table article_fts_data id block
table article_fts_docsize id sz
table article_fts_idx segid term pgno
virtual article_pairs body title lead
table article_pairs_config k v
table article_pairs_data id block
table article_pairs_docsize id sz
table article_pairs_idx segid term pgno
table article_search fts_rowid article_id published_start
table articles id uid title body source url author caption credit lang published
    published_start published_raw origin imported_at body_kind captured
table articles_changed article_id
table events id article_id kind start end granularity value label span_start span_end
    confidence
table given_dates_to_follow article_id
table search_pair_words word
table search_unpaired fts_rowid title body
table story_bands band_key article_id
table story_copies article_id cluster
table story_signatures article_id shingles signature
table timeline_density day n
table user_article_fields article_uid field value date_value granularity start end who at
table user_events id article_uid typed value granularity start end label who at
table user_hidden target who at
table user_mentions article_uid span_start span_end span_text typed not_a_date value
    granularity start end who at
table user_notes article_uid note who at
table user_tagged tag target who at
table user_tags name colour who at
trigger article_search_delete articles
trigger article_search_insert articles
trigger article_search_update_new articles
trigger article_search_update_old articles
trigger articles_added articles
trigger articles_delete_rows articles
trigger articles_kinds_insert articles
trigger articles_kinds_update articles
trigger articles_text_changed articles
trigger events_kinds_insert events
trigger events_kinds_update events
trigger story_copies_kinds_insert story_copies
trigger story_copies_kinds_update story_copies
trigger story_signatures_kinds_insert story_signatures
trigger story_signatures_kinds_update story_signatures
trigger timeline_density_delete events
trigger timeline_density_insert events
trigger timeline_density_update events
trigger user_article_fields_kinds_insert user_article_fields
trigger user_article_fields_kinds_update user_article_fields
trigger user_events_kinds_insert user_events
trigger user_events_kinds_update user_events
trigger user_hidden_kinds_insert user_hidden
trigger user_hidden_kinds_update user_hidden
trigger user_mentions_kinds_insert user_mentions
trigger user_mentions_kinds_update user_mentions
trigger user_notes_kinds_insert user_notes
trigger user_notes_kinds_update user_notes
trigger user_tagged_kinds_insert user_tagged
trigger user_tagged_kinds_update user_tagged
trigger user_tags_kinds_insert user_tags
trigger user_tags_kinds_update user_tags
view article_search_cut
view article_search_parts
view article_search_parts_1
view article_search_parts_2
view article_search_parts_3
view article_search_parts_4
view article_search_parts_5
view article_search_parts_6
view article_search_parts_7
view article_search_text
view article_search_text_1
view article_search_text_2
view article_search_text_3
"""


def _parsed(listing: str) -> dict[str, SchemaObject]:
    """The objects of a listing such as _CURRENT (an indented line goes on the one
    before)."""
    objects = {}
    for line in listing.replace("\n    ", " ").split("\n"):
        if not line:
            continue
        kind, name, *rest = line.split()
        if kind in _TABLES:
            objects[name] = SchemaObject(kind, name, tuple(rest))
        else:
            objects[name] = SchemaObject(kind, rest[0] if rest else name)
    return objects


class _Bare:
    """What a migration uses of sqlite_utils.Database, over a plain connection (no
    sqlite-utils to import, a fifth of a second, for a database of no rows)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def executescript(self, sql: str) -> sqlite3.Cursor:
        return self.conn.executescript(sql)


def _listed(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Each object's kind (a full-text index's "virtual") and table, by name."""
    listed = {}
    for kind, name, table, sql in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master"
    ).fetchall():
        if kind == "table" and str(sql or "").upper().startswith("CREATE VIRTUAL"):
            kind = "virtual"
        listed[name] = (kind, table)
    return listed


def _columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return tuple(r[1] for r in conn.execute(f'PRAGMA table_info("{table}")'))


def read_objects(conn: sqlite3.Connection) -> dict[str, SchemaObject]:
    """The objects of the database on conn (with every table's columns)."""
    return {
        name: SchemaObject(kind, table, _columns(conn, name) if kind in _TABLES else ())
        for name, (kind, table) in _listed(conn).items()
    }


@functools.cache
def objects_of_version(version: int) -> Mapping[str, SchemaObject]:
    """The objects a library of this schema version holds (1 to SCHEMA_VERSION)."""
    if version == SCHEMA_VERSION:
        return _parsed(_CURRENT)
    return made_objects(version)


def made_objects(version: int) -> dict[str, SchemaObject]:
    """The objects the first version migrations make in an empty database."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db = cast("sqlite_utils.Database", _Bare(conn))
        for migrate in MIGRATIONS[:version]:
            migrate(db)
        return read_objects(conn)
    finally:
        conn.close()


def lacking(conn: sqlite3.Connection, version: int) -> tuple[str, dict[str, str]] | None:
    """The first thing the library on conn lacks of what its version holds, as a key of
    store.SCHEMA_DAMAGE and its values; None when it lacks nothing.

    Reads sqlite_master and the columns of the tables the version has: 2 ms (measured
    at a million articles: the schema, not the rows).  A version the program never
    wrote (below 1) is said so; one above SCHEMA_VERSION is the caller's to refuse.
    """
    if version < 1:
        return "version", {"version": str(version)}
    found = _listed(conn)
    wanted = objects_of_version(version)
    # Tables first: a dropped table takes its indexes and triggers with it, and is
    # what to name.
    for name, wants in sorted(wanted.items(), key=lambda item: _KINDS.index(item[1].kind)):
        if found.get(name) != (wants.kind, wants.table):
            if name.startswith("sqlite_autoindex_"):  # SQLite's index of a UNIQUE column
                return "unique", {"name": wants.table}
            return f"missing_{wants.kind}", {"name": name}
    for name, wants in wanted.items():
        if wants.kind not in _TABLES:
            continue
        try:
            columns = _columns(conn, name)
        except sqlite3.OperationalError as exc:
            if "no such module" in str(exc):  # a full-text index of a module not here
                return "unreadable", {"name": name, "detail": str(exc)}
            # Its module could not read it just now ("vtable constructor failed": a
            # read-only connection to a -shm another program had just reset): no damage
            # known, and the reads that follow say what is wrong if any is.
            continue
        gone = [c for c in wants.columns if c not in columns]
        if gone:
            return "column", {"name": name, "column": gone[0]}
    return None
