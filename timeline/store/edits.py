"""What the user said (corrections, hidden items, added events, tags, notes), kept apart.

DESIGN.md rule 5: these tables are never written by import, recompute or migration,
and nothing in them points at a row the program recomputes.  An article is named by
its uid (stable across re-imports), a mention by its article's uid and its span in
the body, with the span's text kept to tell when the body changed under it.  Event
ids are not stable (recompute deletes and re-inserts events) and are never stored.

Every table row is written whole through put_row (a Change holds the row before and
after), so one mechanism serves the use cases, undo and redo.
"""

from __future__ import annotations

import re
import sys
import weakref
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from timeline.model import DateValue, Event
from timeline.sorted_search import position, positions
from timeline.store.article_rows import MAX_STEPS, ArticleRows
from timeline.store.store import Store
from timeline.store.text_head import head_sql, head_text
from timeline.store.timeline_data import (
    COLUMN_DTYPES,
    MENTIONED,
    POINT_GRANULARITIES,
    PUBLISHED,
    RANGE_DTYPES,
    SPARE_ROWS,
    ColumnRoom,
    EventArrays,
    EventText,
    LengthClasses,
    RowSplice,
    article_event_arrays,
    event_labels,
    length_class,
    parse_ints,
)

# table -> its key columns.  A Change names its row by these.
TABLES: dict[str, tuple[str, ...]] = {
    "user_article_fields": ("article_uid", "field"),
    "user_mentions": ("article_uid", "span_start", "span_end"),
    "user_events": ("id",),
    "user_hidden": ("target",),
    "user_tags": ("name",),
    "user_tagged": ("tag", "target"),
    "user_notes": ("article_uid",),
}
ARTICLE_FIELDS = ("title", "source", "published")

Row = dict[str, Any]


# -- targets: what a hide or a tag is about ----------------------------------------


def article_target(uid: str) -> str:
    return f"article:{uid}"


def mention_target(uid: str, span_start: int, span_end: int) -> str:
    return f"mention:{uid}:{span_start}:{span_end}"


def event_target(user_event_id: int) -> str:
    return f"event:{user_event_id}"


# A target's numbers: whole, unsigned, and short enough for SQLite's integers.  Targets
# are read from a table another program can write ("event:abc", "mention:u:a:b" made
# every reader of the marks fail with a ValueError: the window's events, the exports):
# one that is not of a form below names nothing, and is passed over.
_WHOLE = re.compile(r"[0-9]{1,18}")


def _whole(text: str) -> int | None:
    return int(text) if _WHOLE.fullmatch(text) else None


def target_article_uid(target: str) -> str | None:
    """The uid of the article a target belongs to (None for a user event, or a target
    that names nothing)."""
    kind, _, rest = target.partition(":")
    if kind == "article":
        return rest or None
    if kind == "mention" and mention_span(target) is not None:
        return rest.rsplit(":", 2)[0] or None
    return None


def event_target_id(target: str) -> int | None:
    """The added event (user_events.id) an event:ID target names, else None."""
    kind, _, rest = target.partition(":")
    return _whole(rest) if kind == "event" else None


def mention_span(target: str) -> tuple[int, int] | None:
    """The body offsets a mention:UID:START:END target names, else None."""
    if not target.startswith("mention:"):
        return None
    parts = target[len("mention:") :].rsplit(":", 2)
    if len(parts) != 3:
        return None
    start, end = _whole(parts[1]), _whole(parts[2])
    return None if start is None or end is None else (start, end)


# -- rows, read and written whole ----------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One row of a user table before and after an edit (None: no such row)."""

    table: str
    key: tuple[Any, ...]
    before: Row | None
    after: Row | None

    def inverse(self) -> Change:
        return Change(self.table, self.key, self.after, self.before)


def _where(table: str) -> str:
    return " AND ".join(f'"{c}" = ?' for c in TABLES[table])


def get_row(store: Store, table: str, key: Sequence[Any]) -> Row | None:
    cur = store.conn.execute(f"SELECT * FROM {table} WHERE {_where(table)}", tuple(key))
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def put_row(store: Store, table: str, key: Sequence[Any], row: Row | None) -> None:
    """Make the row named by key be row (None: remove it)."""
    store.conn.execute(f"DELETE FROM {table} WHERE {_where(table)}", tuple(key))
    if row is not None:
        columns = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" * len(row))
        store.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))


def add_row(store: Store, table: str, row: Row) -> None:
    """Insert the row unless the table holds one with its key (what an import carries
    is added beside what the library holds, never over it: edits.CarriedValues)."""
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" * len(row))
    store.conn.execute(
        f"INSERT OR IGNORE INTO {table} ({columns}) VALUES ({marks})", tuple(row.values())
    )


def note_of(store: Store, uid: str) -> str | None:
    """An article's note, by its uid (None: it has none)."""
    row = store.conn.execute("SELECT note FROM user_notes WHERE article_uid = ?", (uid,)).fetchone()
    return None if row is None else str(row[0])


def added_event_like(store: Store, uid: str | None, date: DateValue, label: str) -> int | None:
    """The id of an event the user added with this article (None: on its own), date and
    label, if there is one."""
    row = store.conn.execute(
        "SELECT id FROM user_events WHERE article_uid IS ? AND value = ? AND start = ?"
        ' AND "end" IS ? AND label = ?',
        (uid, date.value, date.start, date.end, label),
    ).fetchone()
    return None if row is None else int(row[0])


def apply_changes(store: Store, changes: Iterable[Change], *, undo: bool = False) -> None:
    """Write the after rows (undo: the before rows, last change first) in one transaction."""
    todo = [c.inverse() for c in reversed(list(changes))] if undo else list(changes)
    with store.transaction():
        for change in todo:
            put_row(store, change.table, change.key, change.after)


def next_user_event_id(store: Store) -> int:
    row = store.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM user_events").fetchone()
    return int(row[0])


# -- the article behind a computed event --------------------------------------------


def article_uid(store: Store, article_id: int) -> str | None:
    row = store.conn.execute("SELECT uid FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def article_id_of_uid(store: Store, uid: str) -> int | None:
    row = store.conn.execute("SELECT id FROM articles WHERE uid = ?", (uid,)).fetchone()
    return row[0] if row else None


def event_by_id(store: Store, event_id: int) -> tuple[Event, str, str] | None:
    """A computed event, its article's uid and the text of its span (for tying a correction)."""
    row = store.conn.execute(
        'SELECT e.id, e.article_id, e.kind, e.start, e."end", e.granularity, e.value, e.label,'
        " e.span_start, e.span_end, e.confidence, a.uid,"
        " CASE WHEN e.span_start IS NULL THEN ''"
        " ELSE substr(a.body, e.span_start + 1, e.span_end - e.span_start) END"
        " FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
        (event_id,),
    ).fetchone()
    if row is None:
        return None
    (id_, article_id, kind, start, end, gran, value, label, s0, s1, conf, uid, text) = row
    event = Event(article_id, kind, start, end, gran, value, label, s0, s1, conf, id=id_)
    return event, uid, text


# -- what the user said about articles: read for display and export ------------------


@dataclass(frozen=True)
class Stamp:
    who: str
    at: str


@dataclass(frozen=True)
class MentionCorrection:
    """A corrected mention: None date means "not a date".

    status: 'tied' (the span still holds its text), 'moved' (the text was found once
    elsewhere in a changed body: span_start/span_end give where) or 'lost' (the text
    is gone: the correction is kept and flagged, and applies to nothing).
    """

    span_start: int
    span_end: int
    span_text: str
    date: DateValue | None
    typed: str
    stamp: Stamp
    status: str = "tied"
    stored_span: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class UserEvent:
    """An event the user added, to an article or on its own."""

    id: int
    article_uid: str | None
    date: DateValue
    label: str
    typed: str
    stamp: Stamp


@dataclass
class ArticleUserValues:
    """Everything the user said about one article."""

    article_id: int
    uid: str
    fields: dict[str, str] = field(default_factory=dict)  # title / source as typed
    published: DateValue | None = None  # a corrected publication date
    published_typed: str = ""
    stamps: dict[str, Stamp] = field(default_factory=dict)  # per field
    hidden: bool = False
    note: str = ""
    note_stamp: Stamp | None = None
    tags: list[str] = field(default_factory=list)
    mentions: list[MentionCorrection] = field(default_factory=list)
    hidden_mentions: set[tuple[int, int]] = field(default_factory=set)
    mention_tags: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    added: list[UserEvent] = field(default_factory=list)

    def correction_at(
        self, span_start: int | None, span_end: int | None
    ) -> MentionCorrection | None:
        for m in self.mentions:
            if m.status != "lost" and (m.span_start, m.span_end) == (span_start, span_end):
                return m
        return None

    @property
    def is_empty(self) -> bool:
        return not (
            self.fields
            or self.published
            or self.hidden
            or self.note
            or self.tags
            or self.mentions
            or self.hidden_mentions
            or self.mention_tags
            or self.added
        )


def _date(value: str | None, gran: str | None, start: int | None, end: int | None) -> DateValue:
    return DateValue(value or "", gran or "day", start, end)


def _locate(body: str, s0: int, s1: int, text: str) -> tuple[int, int, str]:
    """Where a corrected span's text is now: tied, moved (found once) or lost."""
    if body[s0:s1] == text:
        return s0, s1, "tied"
    if text and body.count(text) == 1:
        at = body.index(text)
        return at, at + len(text), "moved"
    return s0, s1, "lost"


def _user_event(row: tuple) -> UserEvent:
    id_, uid, typed, value, gran, start, end, label, who, at = row
    return UserEvent(id_, uid, DateValue(value, gran, start, end), label, typed, Stamp(who, at))


_USER_EVENT_COLUMNS = 'id, article_uid, typed, value, granularity, start, "end", label, who, at'


def user_values(
    store: Store, article_ids: Iterable[int], bodies: Mapping[int, str] | None = None
) -> dict[int, ArticleUserValues]:
    """What the user said about each of these articles, by article id.

    The function export uses: the user's value wins over the computed one.  Articles
    the user said nothing about are left out.  A body is read only for an article with
    corrected mentions (to find their spans), unless `bodies` has it already.
    """
    wanted = list(article_ids)
    out: dict[int, ArticleUserValues] = {}
    conn = store.conn
    known = dict(bodies or {})

    def body_of(article_id: int) -> str:
        if article_id not in known:
            article = store.article(article_id)
            known[article_id] = article.body if article is not None else ""
        return known[article_id]

    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT id, uid FROM articles WHERE id IN ({marks})", chunk)
        by_uid: dict[str, int] = {uid: id_ for id_, uid in rows}
        if not by_uid:
            continue
        uids = list(by_uid)
        umarks = ",".join("?" * len(uids))
        values = {uid: ArticleUserValues(id_, uid) for uid, id_ in by_uid.items()}
        for uid, fname, value, dv, gran, start, end, who, at in conn.execute(
            'SELECT article_uid, field, value, date_value, granularity, start, "end", who, at'
            f" FROM user_article_fields WHERE article_uid IN ({umarks})",
            uids,
        ):
            v = values[uid]
            v.stamps[fname] = Stamp(who, at)
            if fname == "published":
                v.published = _date(dv, gran, start, end)
                v.published_typed = value
            else:
                v.fields[fname] = value
        for uid, s0, s1, text, typed, nad, value, gran, start, end, who, at in conn.execute(
            "SELECT article_uid, span_start, span_end, span_text, typed, not_a_date, value,"
            f' granularity, start, "end", who, at FROM user_mentions WHERE article_uid IN ({umarks})'
            " ORDER BY span_start",
            uids,
        ):
            n0, n1, status = _locate(body_of(by_uid[uid]), s0, s1, text)
            date = None if nad else _date(value, gran, start, end)
            values[uid].mentions.append(
                MentionCorrection(n0, n1, text, date, typed, Stamp(who, at), status, (s0, s1))
            )
        for uid, note, who, at in conn.execute(
            f"SELECT article_uid, note, who, at FROM user_notes WHERE article_uid IN ({umarks})",
            uids,
        ):
            values[uid].note = note
            values[uid].note_stamp = Stamp(who, at)
        for row in conn.execute(
            f"SELECT {_USER_EVENT_COLUMNS} FROM user_events WHERE article_uid IN ({umarks})"
            " ORDER BY start, id",
            uids,
        ):
            event = _user_event(row)
            values[event.article_uid or ""].added.append(event)
        prefix_rows: list[tuple[str, str | None]] = []
        for uid in uids:
            like = f"mention:{uid}:%"
            prefix_rows += [
                (t, None)
                for (t,) in conn.execute(
                    "SELECT target FROM user_hidden WHERE target = ? OR target LIKE ?",
                    (article_target(uid), like),
                )
            ]
            prefix_rows += list(
                conn.execute(
                    "SELECT target, tag FROM user_tagged WHERE target = ? OR target LIKE ?"
                    " ORDER BY tag",
                    (article_target(uid), like),
                )
            )
        for target, tag in prefix_rows:
            found = values.get(target_article_uid(target) or "")
            if found is None:
                continue  # a mention target that names no span (another program's)
            v, span = found, mention_span(target)
            if tag is None:
                if span is None:
                    v.hidden = True
                else:
                    v.hidden_mentions.add(span)
            elif span is None:
                v.tags.append(tag)
            else:
                v.mention_tags.setdefault(span, []).append(tag)
        for v in values.values():
            if not v.is_empty:
                out[v.article_id] = v
    return out


def standalone_events(store: Store) -> list[UserEvent]:
    """The events the user added on their own (from no article)."""
    rows = store.conn.execute(
        f"SELECT {_USER_EVENT_COLUMNS} FROM user_events WHERE article_uid IS NULL"
        " ORDER BY start, id"
    )
    return [_user_event(r) for r in rows]


def user_event(store: Store, event_id: int) -> UserEvent | None:
    row = store.conn.execute(
        f"SELECT {_USER_EVENT_COLUMNS} FROM user_events WHERE id = ?", (event_id,)
    ).fetchone()
    return _user_event(row) if row else None


def is_hidden(store: Store, target: str) -> bool:
    row = store.conn.execute("SELECT 1 FROM user_hidden WHERE target = ?", (target,)).fetchone()
    return row is not None


def hidden_targets(store: Store) -> list[tuple[str, Stamp]]:
    # In the order they were hidden (a second holds many: then by when each was written).
    rows = store.conn.execute("SELECT target, who, at FROM user_hidden ORDER BY at, rowid")
    return [(t, Stamp(w, a)) for t, w, a in rows]


def hidden_count(store: Store) -> int:
    (total,) = store.conn.execute("SELECT count(*) FROM user_hidden").fetchone()
    return int(total)


@dataclass(frozen=True)
class HiddenItem:
    """A hidden thing as the window names it: an article by its title (the user's
    correction first), a mention by its words and its article's title, an added event by
    its label.  title and label None when what they name is gone; each at most
    NAME_CHARS characters (cut, the text as it is: the window elides it)."""

    target: str
    at: str
    kind: str  # article | mention | event, or "" for a mark that names nothing
    title: str | None = None
    phrase: str | None = None
    label: str | None = None


NAME_CHARS = 200
# Targets looked up a query at a time (SQLite's bound on a statement's values is 32,766).
_NAMED_CHUNK = 500


def hidden_items(store: Store, limit: int = -1) -> list[HiddenItem]:
    """The hidden things, named, the latest hidden first (ties within a second in the
    order they were written), at most limit of them (-1: all).  A query over a slice of
    them at a time: the articles' titles by their uid index, a mention's words cut from
    its article's body in SQL, never a whole article read (Edit > Unhide read each of
    its 30 whole, and every mark each time it opened)."""
    rows = store.conn.execute(
        "SELECT target, at FROM user_hidden ORDER BY at DESC, rowid DESC LIMIT ?", (limit,)
    ).fetchall()
    # Each target read once: (its article's uid, a mention's span, an added event's id).
    parsed = {t: _parsed_target(t) for t, _at in rows}
    titles: dict[str, str] = {}
    phrases: dict[str, str] = {}
    labels: dict[int, str] = {}
    wanted = sorted({u for u, _s, _e in parsed.values() if u is not None})
    cut = NAME_CHARS
    for i in range(0, len(wanted), _NAMED_CHUNK):
        chunk = wanted[i : i + _NAMED_CHUNK]
        marks = ",".join("?" * len(chunk))
        titles.update(
            (uid, head_text(title, cut) or "")
            for uid, title in store.conn.execute(
                f"SELECT uid, {head_sql('title', cut)} FROM articles WHERE uid IN ({marks})", chunk
            )
        )
        titles.update(  # the user's correction over the article's own
            (uid, head_text(title, cut) or "")
            for uid, title in store.conn.execute(
                f"SELECT article_uid, {head_sql('value', cut)} FROM user_article_fields"
                f" WHERE field = 'title' AND article_uid IN ({marks})",
                chunk,
            )
        )
    mentions = [(t, u, s) for t, (u, s, _e) in parsed.items() if u is not None and s is not None]
    for i in range(0, len(mentions), _NAMED_CHUNK):
        chunk_m = mentions[i : i + _NAMED_CHUNK]
        values = ",".join("(?, ?, ?, ?)" for _ in chunk_m)
        flat = [v for t, u, (a, b) in chunk_m for v in (t, u, a, b)]
        phrases.update(
            store.conn.execute(
                f"WITH m(target, uid, a, b) AS (VALUES {values})"
                f" SELECT m.target, substr(x.body, m.a + 1, min(max(m.b - m.a, 0), {cut}))"
                " FROM m JOIN articles x ON x.uid = m.uid",
                flat,
            ).fetchall()
        )
    events = sorted({e for _u, _s, e in parsed.values() if e is not None})
    for i in range(0, len(events), _NAMED_CHUNK):
        chunk_e = events[i : i + _NAMED_CHUNK]
        marks = ",".join("?" * len(chunk_e))
        labels.update(
            (event_id, head_text(label, cut) or "")
            for event_id, label in store.conn.execute(
                f"SELECT id, {head_sql('label', cut)} FROM user_events WHERE id IN ({marks})",
                chunk_e,
            )
        )
    out = []
    for target, at in rows:
        uid, span, event_id = parsed[target]
        if event_id is not None:
            kind = "event"
        elif uid is None:
            kind = ""
        else:
            kind = "article" if span is None else "mention"
        out.append(
            HiddenItem(
                target,
                at,
                kind,
                title=titles.get(uid) if uid is not None else None,
                phrase=phrases.get(target),
                label=labels.get(event_id) if event_id is not None else None,
            )
        )
    return out


def _parsed_target(
    target: str,
) -> tuple[str | None, tuple[int, int] | None, int | None]:
    """(target_article_uid, mention_span, event_target_id) of a target, read once."""
    if target.startswith("article:"):
        return target[len("article:") :] or None, None, None
    if target.startswith("mention:"):
        span = mention_span(target)
        uid = target[len("mention:") :].rsplit(":", 2)[0] if span is not None else None
        return uid or None, span, None
    return None, None, event_target_id(target)


def tags(store: Store) -> list[tuple[str, str, int]]:
    """(name, colour, number of things tagged) for every tag, by name."""
    rows = store.conn.execute(
        "SELECT t.name, t.colour, count(x.target) FROM user_tags t"
        " LEFT JOIN user_tagged x ON x.tag = t.name GROUP BY t.name ORDER BY t.name"
    )
    return [(n, c, int(k)) for n, c, k in rows]


def targets_tagged(store: Store, tag: str) -> list[str]:
    rows = store.conn.execute(
        "SELECT target FROM user_tagged WHERE tag = ? ORDER BY target", (tag,)
    )
    return [t for (t,) in rows]


def article_ids_tagged(store: Store, tag: str) -> set[int]:
    """Articles that carry the tag themselves or on one of their mentions or added events."""
    uids = {target_article_uid(t) for t in targets_tagged(store, tag)}
    uids.discard(None)
    for (uid,) in store.conn.execute(
        "SELECT e.article_uid FROM user_tagged x JOIN user_events e"
        " ON x.target = 'event:' || e.id WHERE x.tag = ? AND e.article_uid IS NOT NULL",
        (tag,),
    ):
        uids.add(uid)
    return ids_of_uids(store, uids)


def hidden_article_ids(store: Store) -> set[int]:
    uids = {
        t[len("article:") :]
        for (t,) in store.conn.execute(
            "SELECT target FROM user_hidden WHERE target LIKE 'article:%'"
        )
    }
    return ids_of_uids(store, uids)


def hidden_among(store: Store, ids: Sequence[int]) -> set[int]:
    """Those of these articles the user hid (a page of a list: through the uid index)."""
    out: set[int] = set()
    for i in range(0, len(ids), 500):
        chunk = [int(a) for a in ids[i : i + 500]]
        marks = ",".join("?" * len(chunk))
        out.update(
            article_id
            for (article_id,) in store.conn.execute(
                f"SELECT a.id FROM articles a CROSS JOIN user_hidden h WHERE a.id IN ({marks})"
                " AND h.target = 'article:' || a.uid",
                chunk,
            )
        )
    return out


def ids_of_uids(store: Store, uids: Iterable[str | None]) -> set[int]:
    wanted = [u for u in uids if u is not None]
    out: set[int] = set()
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        out.update(
            r[0]
            for r in store.conn.execute(f"SELECT id FROM articles WHERE uid IN ({marks})", chunk)
        )
    return out


def notes(store: Store) -> list[tuple[int, str]]:
    """(article id, note) of every stored article with a note."""
    rows = store.conn.execute(
        "SELECT a.id, n.note FROM user_notes n CROSS JOIN articles a WHERE a.uid = n.article_uid"
        " ORDER BY a.id"
    )
    return [(int(i), n) for i, n in rows]


def commit_without_flush(store: Store) -> None:
    """Let this connection's commits return without waiting for the disk
    (PRAGMA synchronous=NORMAL; the store is in WAL mode).

    With SQLite's default (FULL) every commit waits for the write-ahead log to be flushed
    to the disk (fsync): a millisecond on a quiet disk, but 30-250 ms while the disk
    writes something else back (measured in the window's edits, bench/edits.py, while a
    large file copied just before was being written out), and the user waits for the
    commit before the edit shows.  In WAL mode NORMAL keeps the store whole through a
    crash of the program or of the machine; a power cut may lose the last edits, never
    corrupt the file.  The flush happens at the log's checkpoints instead.
    """
    store.conn.execute("PRAGMA synchronous=NORMAL")


def all_rows(store: Store) -> dict[str, list[Row]]:
    """Every user row by table, for `timeline edit list` and tests."""
    out: dict[str, list[Row]] = defaultdict(list)
    for table, key in TABLES.items():
        order = ", ".join(f'"{c}"' for c in key)
        cur = store.conn.execute(f"SELECT * FROM {table} ORDER BY {order}")
        names = [d[0] for d in cur.description]
        out[table] = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    return dict(out)


# -- the timeline's arrays with the user's values applied ----------------------------

# Events the user added are drawn with negative ids (-user_events.id), so that they
# never meet a computed event's id; their labels come from user_event_labels.


def _uid_filter(column: str, uids: Sequence[str] | None) -> tuple[str, list[str]]:
    """An SQL condition keeping rows of these article uids (all when None), and its values."""
    if uids is None:
        return "", []
    return f" AND {column} IN ({','.join('?' * len(uids))})", list(uids)


def shown_overrides(
    store: Store, uids: Sequence[str] | None = None, *, with_hidden: bool = False
) -> tuple[set[int], dict[int, tuple[int | None, int | None]]]:
    """Computed event ids to leave out, and new (start, end) by event id, from the user's rows.

    Only for the articles of these uids when given (an edit touches one or two).  A
    correction applies while its span still holds its text (see user_values for
    corrections whose text moved or is gone).  with_hidden: hidden mentions stay.
    """
    dropped: set[int] = set()
    moved: dict[int, tuple[int | None, int | None]] = {}
    only, params = _uid_filter("m.article_uid", uids)
    for event_id, not_a_date, start, end in store.conn.execute(
        # CROSS JOIN keeps this order: the user's few rows first, then the indexes
        # (left to itself the planner scanned every event: 2 s at a million).
        'SELECT e.id, m.not_a_date, m.start, m."end" FROM user_mentions m'
        " CROSS JOIN articles a CROSS JOIN events e"
        " WHERE a.uid = m.article_uid AND e.article_id = a.id"
        " AND e.span_start = m.span_start AND e.span_end = m.span_end"
        " AND substr(a.body, m.span_start + 1, m.span_end - m.span_start) = m.span_text" + only,
        params,
    ):
        if not_a_date or start is None:
            dropped.add(event_id)
        else:
            moved[event_id] = (start, end)
    only, params = _uid_filter("f.article_uid", uids)
    for event_id, start, end in store.conn.execute(
        'SELECT e.id, f.start, f."end" FROM user_article_fields f'
        " CROSS JOIN articles a CROSS JOIN events e"
        " WHERE f.field = 'published' AND a.uid = f.article_uid"
        " AND e.article_id = a.id AND e.kind = 'published'" + only,
        params,
    ):
        moved[event_id] = (start, end)
    if with_hidden:
        return dropped, moved
    hidden_spans = [
        (target_article_uid(t), mention_span(t))
        for (t,) in store.conn.execute(
            "SELECT target FROM user_hidden WHERE target LIKE 'mention:%'"
        )
    ]
    wanted = None if uids is None else set(uids)
    for uid, span in hidden_spans:
        if uid is None or span is None or (wanted is not None and uid not in wanted):
            continue
        for (event_id,) in store.conn.execute(
            "SELECT e.id FROM articles a CROSS JOIN events e"
            " WHERE a.uid = ? AND e.article_id = a.id AND e.span_start = ? AND e.span_end = ?",
            (uid, span[0], span[1]),
        ):
            dropped.add(event_id)
    return dropped, moved


# An article the user gave a publication date that the rules found none for has no
# publication event to move: one is drawn for it with an id of this range (below every
# added event's -user_events.id), -(PUBLICATION_IDS + the article's id).
PUBLICATION_IDS = 1 << 30


def publication_event_id(article_id: int) -> int:
    """The id a publication the user gave an undated article is drawn with."""
    return -(PUBLICATION_IDS + article_id)


def publication_article(event_id: int) -> int | None:
    """The article of such a publication's id, or None for any other id."""
    return -event_id - PUBLICATION_IDS if event_id <= -PUBLICATION_IDS else None


def dated_by_user(store: Store, uids: Sequence[str] | None = None) -> list[tuple[int, DateValue]]:
    """(article id, the user's publication date) of the articles that have a corrected
    publication date but no computed publication event (the rules found no date): their
    publication is the user's alone.  Only those of these uids when given."""
    only, params = _uid_filter("f.article_uid", uids)
    rows = store.conn.execute(
        'SELECT a.id, f.date_value, f.granularity, f.start, f."end"'
        " FROM user_article_fields f CROSS JOIN articles a"
        " WHERE f.field = 'published' AND f.start IS NOT NULL AND a.uid = f.article_uid"
        " AND NOT EXISTS (SELECT 1 FROM events e"
        " WHERE e.article_id = a.id AND e.kind = 'published')" + only,
        params,
    )
    return [
        (int(a), DateValue(value or "", granularity or "day", start, end))
        for a, value, granularity, start, end in rows
    ]


def publications_given(store: Store, ids: Sequence[int] | None = None) -> dict[int, DateValue]:
    """The publication dates the user gave, by article id (only these articles' when
    given): the dates their mentions count from (library.mention_events).  A handful of
    rows said by hand, read in one statement from the user's table."""
    only = ""
    params: list[int] = []
    if ids is not None:
        if not ids:
            return {}
        only = f" AND a.id IN ({','.join('?' * len(ids))})"
        params = list(ids)
    rows = store.conn.execute(
        'SELECT a.id, f.date_value, f.granularity, f.start, f."end"'
        " FROM user_article_fields f CROSS JOIN articles a"
        " WHERE f.field = 'published' AND a.uid = f.article_uid" + only,
        params,
    )
    return {
        int(a): _date(value, granularity, start, end) for a, value, granularity, start, end in rows
    }


def publications_given_by_uid(store: Store) -> dict[str, DateValue]:
    """The publication dates the user gave, by article uid, stored articles or not
    (one removed keeps them: an import of it again counts its mentions from them)."""
    rows = store.conn.execute(
        'SELECT article_uid, date_value, granularity, start, "end" FROM user_article_fields'
        " WHERE field = 'published'"
    )
    return {str(uid): _date(value, gran, start, end) for uid, value, gran, start, end in rows}


def anchor_changes(store: Store, changes: Iterable[Change]) -> set[int]:
    """The ids of the articles whose publication date these changes corrected, or whose
    correction they took back: the mentions their text gives count from that date."""
    uids = {
        str(c.key[0])
        for c in changes
        if c.table == "user_article_fields" and c.key[1] == "published"
    }
    return ids_of_uids(store, uids)


@dataclass(frozen=True)
class StoredRows:
    """The rows of these articles as the store held them when read (article_event_arrays,
    sorted by start): read by the edit's writer after it wrote their mentions again,
    for the window's patch (patch_overlay) not to read them on the GUI thread."""

    articles: frozenset[int]
    arrays: EventArrays


def redated_rows(store: Store, changes: Iterable[Change]) -> StoredRows | None:
    """The rows of the articles whose mentions these changes wrote again (anchor_changes),
    as the store holds them now; None when there are none."""
    redated = anchor_changes(store, changes)
    if not redated:
        return None
    return StoredRows(frozenset(redated), article_event_arrays(store, sorted(redated)))


def _stored_rows(store: Store, wanted: Iterable[int], given: StoredRows | None) -> EventArrays:
    """The rows of these articles as the store holds them (sorted by start): those given
    (read on the writer's thread) as they are, the others read now."""
    wanted = {int(a) for a in wanted if a}
    if given is None or not wanted & given.articles:
        return article_event_arrays(store, sorted(wanted))
    rows = given.arrays
    if not given.articles <= wanted:
        rows = rows.subset(np.isin(rows.article_ids, np.fromiter(wanted, dtype=np.int64)))
    rest = wanted - given.articles
    return _merged(rows, article_event_arrays(store, sorted(rest))) if rest else rows


def with_stored_rows(store: Store, arrays: EventArrays, article_ids: Iterable[int]) -> EventArrays:
    """arrays with these articles' rows as the store holds them now (an edit of their
    publication date wrote their mentions again: anchor_changes), the others as they
    were: each column copied once (_spliced), no rows read but theirs."""
    wanted = np.fromiter({int(a) for a in article_ids}, dtype=np.int64)
    if not len(wanted):
        return arrays
    return _spliced(
        arrays, article_rows(arrays, wanted), article_event_arrays(store, wanted.tolist())
    )


def _point(start: int, end: int | None, granularity: str | None) -> bool:
    return end is None or end <= start or granularity in POINT_GRANULARITIES


def overlay_arrays(
    store: Store,
    arrays: EventArrays,
    *,
    with_hidden: bool = False,
    articles: Iterable[int] | None = None,
    room: ColumnRoom | None = None,
) -> EventArrays:
    """The timeline's arrays as the user sees them: hidden left out, corrections applied,
    added events in (negative ids).  Unchanged arrays come back when the user said nothing.

    with_hidden: hidden articles and events stay (View > Show hidden items).  articles:
    only the user's rows about these article ids (0: the standalone events) are read and
    applied, for arrays that hold only those articles' events (patch_overlay).  room: an
    empty ColumnRoom, when nobody else keeps arrays: the result is written over arrays'
    own buffers (ColumnRoom.take), which the room then holds, and arrays is spent (left
    empty): no second copy of the columns (ten million events: 400 MB).  Otherwise, or
    when arrays' buffers cannot be taken, the result is a copy.
    """
    wanted = None if articles is None else sorted({int(a) for a in articles})
    uids = None if wanted is None else _uids_of_ids(store, [a for a in wanted if a])
    if with_hidden:
        hidden_articles: set[int] = set()
    elif wanted is not None:
        # Those of these articles alone, by the uid index: every hidden article read (and
        # its id looked up) was a pass growing with each hide, 207 rows and 2-6 ms of a
        # hide's turn with a hundred hidden.
        hidden_articles = hidden_among(store, wanted)
    else:
        hidden_articles = hidden_article_ids(store)
    dropped, moved = shown_overrides(store, uids, with_hidden=with_hidden)
    added = [
        (event, article_id)
        for event, article_id in _added_events(
            store, uids, standalone=wanted is None or 0 in wanted
        )
        if with_hidden
        or (article_id not in hidden_articles and not is_hidden(store, event_target(event.id)))
    ]
    # Publications the user gave articles the rules found no date for: drawn, as the
    # user's other corrected publications are (moved there).
    dated = [
        (article_id, date)
        for article_id, date in dated_by_user(store, uids)
        if with_hidden or article_id not in hidden_articles
    ]
    if not (hidden_articles or dropped or moved or added or dated):
        return arrays
    keep = np.ones(len(arrays), dtype=bool)
    if hidden_articles:
        keep &= ~_is_in(arrays.article_ids, np.fromiter(hidden_articles, dtype=np.int64))
    changed = np.fromiter(dropped | set(moved), dtype=np.int64)
    rows: Any = np.flatnonzero(_is_in(arrays.ids, changed) & keep) if len(changed) else []
    keep[rows] = False
    new_ids, new_articles, new_starts, new_ends, new_kinds, new_points = [], [], [], [], [], []
    for row in rows:
        event_id = int(arrays.ids[row])
        if event_id in dropped:
            continue
        start, end = moved[event_id]
        if start is None:
            continue
        new_ids.append(event_id)
        new_articles.append(int(arrays.article_ids[row]))
        new_starts.append(start)
        new_ends.append(end if end is not None else start)
        new_kinds.append(int(arrays.kinds[row]))
        new_points.append(_point(start, end, None))
    for event, article_id in added:
        start = event.date.start
        if start is None:
            continue
        new_ids.append(-event.id)
        new_articles.append(article_id)
        new_starts.append(start)
        new_ends.append(event.date.end if event.date.end is not None else start)
        new_kinds.append(MENTIONED)
        new_points.append(_point(start, event.date.end, event.date.granularity))
    for article_id, date in dated:
        assert date.start is not None  # (dated_by_user reads only placed dates)
        new_ids.append(publication_event_id(article_id))
        new_articles.append(article_id)
        new_starts.append(date.start)
        new_ends.append(date.end if date.end is not None else date.start)
        new_kinds.append(PUBLISHED)
        new_points.append(_point(date.start, date.end, date.granularity))
    new = EventArrays(
        ids=np.asarray(new_ids, dtype="<i8"),
        article_ids=np.asarray(new_articles, dtype="<i8"),
        starts=np.asarray(new_starts, dtype="<i8"),
        ends=np.asarray(new_ends, dtype="<i8"),
        kinds=np.asarray(new_kinds, dtype="u1"),
        points=np.asarray(new_points, dtype="bool"),
    )
    if room is not None and room.take(arrays):
        shown = _compacted(arrays, keep) if not keep.all() else _moved_out(arrays)
        del keep
        if not room.take(shown):
            return shown if not new_ids else _merged(shown, new)
        return _spliced(shown, np.empty(0, dtype=np.int64), new, room) if new_ids else shown
    shown = arrays if keep.all() else arrays.subset(keep)
    if not new_ids:
        return shown
    return _merged(shown, new)


# Rows compacted a slice at a time (no mask or copy the size of a column).
_COMPACT_ROWS = 1 << 18


def _moved_out(arrays: EventArrays) -> EventArrays:
    """arrays' columns in a new object, arrays left empty (spent): the one holder of
    their buffers is then the new one (ColumnRoom counts the views of them)."""
    moved = EventArrays.with_ranges(
        arrays.columns(), arrays.range_rows, arrays.range_starts, arrays.range_ends
    )
    moved.hold_classes(arrays.made_classes())
    moved._span = arrays._span
    moved._home = arrays._home
    _spend(arrays)
    return moved


def _spend(arrays: EventArrays) -> None:
    """Leave arrays empty: their columns' buffers are being written over."""
    empty = EventArrays()
    arrays.ids, arrays.article_ids, arrays.starts = empty.ids, empty.article_ids, empty.starts
    arrays.kinds, arrays.points = empty.kinds, empty.points
    arrays.range_rows, arrays.range_starts = empty.range_rows, empty.range_starts
    arrays.range_ends = empty.range_ends
    arrays.hold_classes(None)
    arrays._whole = None
    arrays._covering = arrays._span = arrays._home = None
    arrays.article_index = None
    arrays.origin = None


def _compacted(arrays: EventArrays, keep: np.ndarray) -> EventArrays:
    """The rows where keep is True, written over arrays' own buffers a slice at a time
    (each row moves back by the rows dropped before it, never past one not yet read);
    arrays is spent (left empty).  The ranges likewise, their rows moved back the same;
    the length classes are made again by whoever warms the result."""
    dropped = np.flatnonzero(~keep)
    columns = arrays.columns()
    ranges = (arrays.range_rows, arrays.range_starts, arrays.range_ends)
    _spend(arrays)
    n = len(keep)
    first = int(dropped[0]) if len(dropped) else n
    put = first  # the rows before the first dropped one stay where they are
    for i in range(first, n, _COMPACT_ROWS):
        part = keep[i : i + _COMPACT_ROWS]
        count = int(np.count_nonzero(part))
        for column in columns:
            column[put : put + count] = column[i : i + _COMPACT_ROWS][part]
        put += count
    range_rows, range_starts, range_ends = ranges
    first_range = position(range_rows, first)
    put_range = first_range
    for i in range(first_range, len(range_rows), _COMPACT_ROWS):
        rows = range_rows[i : i + _COMPACT_ROWS]
        part = keep[rows]
        kept = rows[part]
        count = len(kept)
        range_starts[put_range : put_range + count] = range_starts[i : i + _COMPACT_ROWS][part]
        range_ends[put_range : put_range + count] = range_ends[i : i + _COMPACT_ROWS][part]
        range_rows[put_range : put_range + count] = kept - np.searchsorted(dropped, kept)
        put_range += count
    ids, article_ids, starts, kinds, points = (column[:put] for column in columns)
    return EventArrays.with_ranges(
        (ids, article_ids, starts, kinds, points),
        range_rows[:put_range],
        range_starts[:put_range],
        range_ends[:put_range],
    )


def collapsed_in_place(
    arrays: EventArrays,
    spreads: Mapping[int, tuple[int, int | None, int | None]],
    later: Collection[int],
) -> EventArrays:
    """timeline_data.collapse_copies written over arrays' own buffers, arrays spent
    (left empty): the later copies' rows compacted out (_compacted) and each story's
    earliest publication drawn over its spread where it stands.  Only the ranges are
    written into new columns (rows spare at their end, as load_event_arrays leaves
    them: a ColumnRoom takes the result as it is).

    For the events loader's one copy past the window's budget (ui.main_window
    ROOM_BUDGET_BYTES): collapse_copies made the stories' arrays beside the loaded
    ones, and the window kept both (1,163 MB at 3,880,000 articles against 571 with
    every copy shown).
    """
    if not (later or spreads) or not len(arrays):
        return arrays
    if later:
        keep = ~_is_in(arrays.article_ids, np.fromiter(later, dtype=np.int64, count=len(later)))
        shown = _compacted(arrays, keep) if not keep.all() else _moved_out(arrays)
        del keep
    else:
        shown = _moved_out(arrays)
    earliest = np.fromiter(spreads, dtype=np.int64, count=len(spreads))
    rows = np.flatnonzero((shown.kinds == PUBLISHED) & _is_in(shown.article_ids, earliest))
    none = np.iinfo(np.int64).min
    lasts = np.fromiter(
        (
            none if (last := spreads[a][2]) is None else last
            for a in shown.article_ids[rows].tolist()
        ),
        dtype=np.int64,
        count=len(rows),
    )
    wide = lasts > shown.starts[rows]
    rows, lasts = rows[wide], lasts[wide]
    if not len(rows):
        return shown
    was_point = shown.points[rows]
    shown.points[rows] = False
    # Ranges already (a publication given as a span): their ends follow.
    old_ranges = shown.range_rows
    spans = positions(old_ranges, rows[~was_point])
    shown.range_ends[spans] = lasts[~was_point]
    # Points become ranges: put among the ranges by row.
    new_rows = rows[was_point]
    total = len(old_ranges) + len(new_rows)
    is_new = np.zeros(total, dtype=bool)
    is_new[positions(old_ranges, new_rows) + np.arange(len(new_rows))] = True
    is_old = ~is_new
    range_rows = np.empty(total + SPARE_ROWS, dtype=old_ranges.dtype)[:total]
    range_starts = np.empty(total + SPARE_ROWS, dtype="<i8")[:total]
    range_ends = np.empty(total + SPARE_ROWS, dtype="<i8")[:total]
    range_rows[is_new], range_rows[is_old] = new_rows, old_ranges
    range_starts[is_new], range_starts[is_old] = shown.starts[new_rows], shown.range_starts
    range_ends[is_new], range_ends[is_old] = lasts[was_point], shown.range_ends
    columns = shown.columns()
    _spend(shown)
    return EventArrays.with_ranges(columns, range_rows, range_starts, range_ends)


# Rows np.isin is given at a time (_is_in).
_IS_IN_ROWS = 1 << 18


def _is_in(column: np.ndarray, values: np.ndarray) -> np.ndarray:
    """np.isin(column, values), a slice of rows at a time: np.isin of a whole 32-bit
    column against 64-bit values made 64-bit temporaries of the column (150 MB more at
    the load's peak at ten million events); here each slice's are a few MB."""
    out = np.empty(len(column), dtype=bool)
    for i in range(0, len(column), _IS_IN_ROWS):
        out[i : i + _IS_IN_ROWS] = np.isin(column[i : i + _IS_IN_ROWS], values)
    return out


def _merged(arrays: EventArrays, new: EventArrays) -> EventArrays:
    """arrays with a few more rows put where they belong: one copy of each array, no re-sort."""
    return _spliced(arrays, np.empty(0, dtype=np.int64), new)


# The row columns (EventArrays.columns) come first in a room's buffers, then the ranges'.
_ROWS = len(COLUMN_DTYPES)


def _fresh_columns(room: ColumnRoom | None, rows: int, ranges: int) -> tuple[np.ndarray, ...]:
    """Columns to write a splice into: the room's own (ColumnRoom.fresh), else new ones
    (the event columns of `rows` rows, then the range columns of `ranges`)."""
    if room is not None:
        return room.fresh(rows, ranges)
    return tuple(np.empty(rows, dtype=d) for d in COLUMN_DTYPES) + tuple(
        np.empty(ranges, dtype=d) for d in RANGE_DTYPES
    )


def _spliced(
    arrays: EventArrays, out: np.ndarray, new: EventArrays, room: ColumnRoom | None = None
) -> EventArrays:
    """arrays without the rows `out` (sorted row numbers) and with the rows of new put
    where they belong by start: each column copied once, in slices, never re-sorted.

    With a room holding arrays, the new rows are written over arrays' own buffers: only
    the rows taken out and put in are written, and the rows between them and those on
    the shorter side moved (arrays is spent: see ColumnRoom); otherwise the room's
    buffers are written whole."""
    if not len(out) and not len(new):
        return arrays
    if len(out) + len(new) > _FEW_PIECES:
        later = SpliceLater(arrays, out, new, room)
        later.run()
        return later.done()
    # When the rows taken out and put in begin and end (read before a patch in place
    # writes over them): a frame of the view that meets none of it stays as it is.
    ends = new.all_ends()
    changed = (
        np.concatenate((arrays.starts[out], new.starts)),
        np.concatenate((arrays.ends_of(out), ends)),
    )
    out_ids = arrays.ids[out]
    order = np.argsort(new.starts, kind="stable")
    starts = new.starts[order]
    at = np.searchsorted(arrays.starts, starts, side="right").tolist()
    # Pieces in row order: ('keep', first, last) slices of arrays, ('new', j) rows of new.
    cuts = sorted([(int(r), 1, -1) for r in out] + [(a, 0, j) for j, a in enumerate(at)])
    pieces: list[tuple[int, int, int]] = []  # (0, first, last) kept slice, (1, j, 0) new row
    begin = 0
    for row, what, j in cuts:
        if row > begin:
            pieces.append((0, begin, row))
        if what == 0:
            pieces.append((1, int(order[j]), 0))
            begin = max(begin, row)
        else:
            begin = row + 1
    if begin < len(arrays):
        pieces.append((0, begin, len(arrays)))

    rows_after = sum(b - a if kind == 0 else 1 for kind, a, b in pieces)
    # The range rows in the same pieces (not found again over every row): a kept
    # slice's ranges move by where the slice now begins; a new range comes as it is.
    ranges = arrays.range_rows
    range_pieces: list[tuple[int, int, int, int]] = []  # (kind, first, last, shift)
    ranges_after = 0
    now = 0  # the row the next piece begins at
    for kind, a, b in pieces:
        if kind == 0:
            lo, hi = position(ranges, a), position(ranges, b)
            range_pieces.append((0, lo, hi, now - a))
            ranges_after += hi - lo
            now += b - a
        else:
            if not new.points[a]:
                range_pieces.append((1, a, a + 1, now))
                ranges_after += 1
            now += 1
    classes = arrays.made_classes()
    gone = _ranges_gone(range_pieces, len(ranges)) if classes is not None else None
    # Their ends, read before a patch in place writes over them (LengthClasses.without).
    gone_ends = arrays.range_ends[gone] if gone is not None else None
    added = new.columns()
    patch = room.in_place(arrays, rows_after, ranges_after, added) if room is not None else None
    offsets: tuple[int, int] | None = None
    spent = patch is not None  # arrays' buffers written over: arrays read no more
    if patch is not None:
        buffers, first, first_range = patch
        offsets = _patch_in_place(buffers, (first, first_range), pieces, range_pieces, added, ends)
        first, first_range = offsets
        ids, article_ids, starts, kinds, points = (
            b[first : first + rows_after] for b in buffers[:_ROWS]
        )
        range_rows, range_starts, range_ends = (
            b[first_range : first_range + ranges_after] for b in buffers[_ROWS:]
        )
        del buffers, patch
    else:
        room_columns = _fresh_columns(room, rows_after, ranges_after)
        ids, article_ids, starts, kinds, points = (
            _pieced(old, add, pieces, into)
            for old, add, into in zip(arrays.columns(), added, room_columns, strict=False)
        )
        range_rows, range_starts, range_ends = room_columns[_ROWS:]
        at_row = 0
        for kind, lo, hi, shift in range_pieces:
            count = hi - lo
            if kind == 0:
                np.add(ranges[lo:hi], shift, out=range_rows[at_row : at_row + count])
                range_starts[at_row : at_row + count] = arrays.range_starts[lo:hi]
                range_ends[at_row : at_row + count] = arrays.range_ends[lo:hi]
            else:
                range_rows[at_row] = shift
                range_starts[at_row] = new.starts[lo]
                range_ends[at_row] = ends[lo]
            at_row += count
        del room_columns
    spliced = EventArrays.with_ranges(
        (ids, article_ids, starts, kinds, points), range_rows, range_starts, range_ends
    )
    del ids, article_ids, starts, kinds, points, range_rows, range_starts, range_ends
    if room is not None:
        room.hold(spliced, offsets)
    if classes is not None and gone is not None and len(gone) <= _FEW_RANGES_GONE:
        # Ranges only taken out (a hide): the classes less them, orders by end and all
        # (no range gone, an article of points: the very same classes).  Spliced, they
        # were a new order (13 ms at 7,604,961 events) without orders by end, the first
        # made again in the edit's own turn (27-60 ms), the others in idle steps.  Cut
        # in their own buffers when the spent arrays were their only reader (not an
        # alias's original, nor arrays patched into new buffers, still shown elsewhere).
        in_place = spent and classes.only_for(arrays)
        if len(gone):
            assert gone_ends is not None
            classes = classes.without(gone, gone_ends, spliced.range_ends, in_place=in_place)
        if spent:
            arrays.hold_classes(None)
        spliced.take_classes(classes)
    elif classes is not None:
        # The ranges' length classes follow the same pieces (made again they cost 15-20
        # ms at a million events on the edit's first frames, the view meanwhile reading
        # every earlier range's end for each frame).
        lengths = length_class(ends - new.starts)
        spliced.take_classes(_spliced_classes(classes, range_pieces, lengths))
    out = np.asarray(out, dtype=np.int64)
    at_rows = np.asarray(at, dtype=np.int64)
    return _followed(spliced, arrays, out, at_rows, new.article_ids[order], (changed, out_ids))


def _followed(
    spliced: EventArrays,
    arrays: EventArrays,
    out: np.ndarray,
    at: np.ndarray,
    articles: np.ndarray,
    read: tuple[tuple[np.ndarray, np.ndarray], np.ndarray],
) -> EventArrays:
    """spliced, told how its rows follow from arrays' (the view keeps its lanes through
    an edit), with arrays' index of each article's rows followed (not sorted again).
    at: how many old rows each new row (in start order) lands after; articles: the new
    rows' articles in that order; read: what was read of arrays before a patch in place
    could write over them (the changed spans, the ids taken out)."""
    # New row k lands after at[k] old rows, less those taken out, and k new ones.
    placed = at - np.searchsorted(out, at) + np.arange(len(at))
    changed, out_ids = read
    spliced.origin = RowSplice(weakref.ref(arrays), out, at, placed, changed, out_ids)
    index = arrays.article_index
    if index is not None:
        spliced.article_index = index.followed(spliced.origin, articles, len(spliced))
    return spliced


# Rows taken out and put in past which _spliced writes every row at once by masks (a
# long article's date corrected: 4,500 pieces, each a slice of every column, took 112
# ms of the GUI thread at a million events; by masks, about 20).  Below it, slices:
# a news article's few rows move a few slices, not every row.
_FEW_PIECES = 256


class SpliceLater:
    """A splice of many rows (_spliced_at_once: a long article's date corrected, 9,646
    rows out and in) made in steps, so that a window can write it off its GUI thread
    (35-70 ms of that thread's CPU at a million events).

    Made on the thread that owns the room, which gives the columns to write into then;
    run() on any thread: it reads arrays and writes those columns only, so nothing may
    write arrays' columns nor use the room until done(), back on the room's thread,
    which has the room hold the result and gives it."""

    def __init__(
        self, arrays: EventArrays, out: np.ndarray, new: EventArrays, room: ColumnRoom | None
    ) -> None:
        out = np.asarray(out, dtype=np.int64)
        # When the rows taken out and put in begin and end, and the ids taken out (as
        # _spliced reads them for the view).
        changed = (
            np.concatenate((arrays.starts[out], new.starts)),
            np.concatenate((arrays.ends_of(out), new.all_ends())),
        )
        self._read = (changed, arrays.ids[out])
        rows = len(arrays) - len(out) + len(new)
        # A row is a range where it is no point (EventArrays.range_rows).
        ranges = len(arrays.range_rows) - int(np.count_nonzero(~arrays.points[out]))
        ranges += int(np.count_nonzero(~new.points))
        self._into: tuple[np.ndarray, ...] | None = _fresh_columns(room, rows, ranges)
        self._arrays: EventArrays | None = arrays
        self._out, self._new, self._room = out, new, room
        self._result: EventArrays | None = None

    def run(self) -> EventArrays:
        """Write the new generation (any thread; once) and give it, not yet held by the
        room: not to be shown before done()."""
        arrays, into = self._arrays, self._into
        assert arrays is not None and into is not None
        order = np.argsort(self._new.starts, kind="stable")
        self._result = _spliced_at_once(arrays, self._out, self._new, order, into, self._read)
        # No view of the room's buffers kept here: the next edit's patch in place counts
        # them (ColumnRoom.in_place); nor of the arrays before (their buffers go with them).
        self._into = self._arrays = None
        del into
        return self._result

    def made(self) -> bool:
        """Whether run() has written the new generation (and done() not yet taken it)."""
        return self._result is not None

    def done(self) -> EventArrays:
        """The new generation, held by the room (on the room's thread, after run)."""
        result = self._result
        assert result is not None
        self._result = None
        if self._room is not None:
            self._room.hold(result)
        return result


def _spliced_at_once(
    arrays: EventArrays,
    out: np.ndarray,
    new: EventArrays,
    order: np.ndarray,
    into: tuple[np.ndarray, ...],
    read: tuple[tuple[np.ndarray, np.ndarray], np.ndarray],
) -> EventArrays:
    """_spliced for many rows taken out and put in: each column, the ranges and their
    length classes written whole through masks of where the new rows land (no Python
    loop over the pieces between them), into the columns `into` (_fresh_columns of the
    sizes SpliceLater works out).  The rows are those _spliced's pieces give."""
    n = len(arrays)
    keep = np.ones(n, dtype=bool)
    keep[out] = False
    at = np.searchsorted(arrays.starts, new.starts[order], side="right").astype(np.int64)
    placed = at - np.searchsorted(out, at) + np.arange(len(at))
    rows_after = n - len(out) + len(new)
    is_new = np.zeros(rows_after, dtype=bool)
    is_new[placed] = True
    is_old = ~is_new
    # The ranges: the old ones whose rows stay, at their rows now; then the new rows
    # that are not points, placed among them by row.
    kept_ranges = keep[arrays.range_rows]
    old_rows = arrays.range_rows[kept_ranges].astype(np.int64)
    old_rows += np.searchsorted(at, old_rows, side="right") - np.searchsorted(out, old_rows)
    ends = new.all_ends()[order]
    spans = ~new.points[order]
    new_rows = placed[spans]
    ranges_after = len(old_rows) + len(new_rows)
    range_new = np.zeros(ranges_after, dtype=bool)
    range_new[np.searchsorted(old_rows, new_rows) + np.arange(len(new_rows))] = True
    range_old = ~range_new
    assert len(into[0]) == rows_after and len(into[-1]) == ranges_after
    added = tuple(column[order] for column in new.columns())
    for old, add, column in zip(arrays.columns(), added, into[:_ROWS], strict=True):
        column[is_old] = old[keep]
        column[is_new] = add
    range_rows, range_starts, range_ends = into[_ROWS:]
    range_rows[range_old] = old_rows
    range_rows[range_new] = new_rows
    range_starts[range_old] = arrays.range_starts[kept_ranges]
    range_starts[range_new] = added[2][spans]
    range_ends[range_old] = arrays.range_ends[kept_ranges]
    range_ends[range_new] = ends[spans]
    spliced = EventArrays.with_ranges(
        (into[0], into[1], into[2], into[3], into[4]), range_rows, range_starts, range_ends
    )
    del into, range_rows, range_starts, range_ends
    classes = arrays.made_classes()
    if classes is not None:
        # Each range's class, in the new order, sorted stably by class: each class's
        # positions stay in start order (a radix sort of bytes: no pass per class).
        old_classes = np.empty(len(arrays.range_rows), dtype=np.uint8)
        for c in classes.present:
            old_classes[classes.order[classes.bounds[c] : classes.bounds[c + 1]]] = c
        now = np.empty(ranges_after, dtype=np.uint8)
        now[range_old] = old_classes[kept_ranges]
        now[range_new] = length_class(ends[spans] - added[2][spans])
        dtype = classes.order.dtype if ranges_after < 2**31 else np.int64
        by_class = np.argsort(now, kind="stable").astype(dtype)
        spliced.take_classes(LengthClasses.from_order(by_class, np.bincount(now, minlength=65)))
    return _followed(spliced, arrays, out, at, new.article_ids[order], read)


# Ranges taken out up to which an edit's length classes are those before less them
# (LengthClasses.without: two passes over every range's position a range gone).
_FEW_RANGES_GONE = 8


def _ranges_gone(range_pieces: list[tuple[int, int, int, int]], ranges: int) -> np.ndarray | None:
    """The range positions (sorted) that no kept slice of range_pieces holds, of the
    `ranges` before; None when the pieces put a range in."""
    if any(kind for kind, *_ in range_pieces):
        return None
    gone: list[int] = []
    at = 0
    for _kind, lo, hi, _shift in range_pieces:
        gone.extend(range(at, lo))
        at = max(at, hi)
    gone.extend(range(at, ranges))
    return np.array(gone, dtype=np.int64)


def _spliced_classes(
    classes: LengthClasses,
    range_pieces: list[tuple[int, int, int, int]],
    new_classes: np.ndarray,
) -> LengthClasses:
    """The length classes of ranges spliced from those of `classes` by range_pieces (as
    _spliced makes them: (0, first, last, shift) a kept slice of the old range
    positions, (1, j, j + 1, row) the range of new row j, whose class is new_classes[j]).

    Each class's positions are in start order, so a kept slice's positions in a class
    are one run of it, moved by where the slice now begins: a search per class and
    piece, and each position written once into the new order (no pass over every
    range to class it again, no sort)."""
    old = classes.order
    # Per class, in the new order: (old run's first, last, shift) or (-1, new position, 0).
    runs: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    at = 0  # where the next piece begins in the new range positions
    for kind, lo, hi, _shift in range_pieces:
        if kind == 1:
            runs[int(new_classes[lo])].append((-1, at, 0))
            at += 1
            continue
        if hi > lo:
            for c in classes.present:
                first = int(classes.bounds[c])
                mine = old[first : int(classes.bounds[c + 1])]
                # Keys of the order's own type: Python ints would have numpy convert the
                # whole class to 64 bits for each search (2-3 ms an edit at a million).
                a, b = mine.searchsorted(np.array((lo, hi), dtype=mine.dtype)).tolist()
                if b > a:
                    runs[c].append((first + a, first + b, at - lo))
            at += hi - lo
    counts = np.zeros(65, dtype=np.int64)
    for c, parts in runs.items():
        counts[c] = sum(b - a if a >= 0 else 1 for a, b, _s in parts)
    order = np.empty(at, dtype=old.dtype if at < 2**31 else np.int64)
    put = 0
    for c in sorted(runs):
        for a, b, shift in runs[c]:
            if a < 0:
                order[put] = b
                put += 1
            else:
                np.add(old[a:b], shift, out=order[put : put + b - a], casting="unsafe")
                put += b - a
    return LengthClasses.from_order(order, counts)


def _pieced(
    old: np.ndarray, added: np.ndarray, pieces: list[tuple[int, int, int]], into: np.ndarray
) -> np.ndarray:
    """into filled with the pieces: kept slices of old and rows of added, in order."""
    parts = [old[a:b] if kind == 0 else added[a : a + 1] for kind, a, b in pieces]
    if parts:
        np.concatenate(parts, out=into)
    return into


def _moves(pieces: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """(first, last, to) for each slice that moves, in an order that writes over no
    slice before it has moved: those moving back first to last, then those moving on
    last to first (a slice moving back lands after every earlier slice's old place,
    one moving on before every later one's)."""
    back: list[tuple[int, int, int]] = []
    on: list[tuple[int, int, int]] = []
    for a, b, to in pieces:
        if b > a and to != a:
            (back if to < a else on).append((a, b, to))
    return back + on[::-1]


def _least_moved(kept: list[tuple[int, int, int]], first: int, most: int) -> int:
    """Where in its buffer the next generation should begin so that the fewest rows
    move: kept (first, last, row now) slices of the generation beginning at `first`;
    `most` the last place it may begin (the room left after it)."""
    stays: dict[int, int] = defaultdict(int)  # a beginning -> rows left where they are
    for a, b, now in kept:
        stays[first + a - now] += b - a
    for begin, _rows in sorted(stays.items(), key=lambda item: -item[1]):
        if 0 <= begin <= most:
            return begin
    return min(max(first, 0), most)


def _patch_in_place(
    buffers: tuple[np.ndarray, ...],
    offsets: tuple[int, int],
    pieces: list[tuple[int, int, int]],
    range_pieces: list[tuple[int, int, int, int]],
    added: tuple[np.ndarray, ...],
    added_ends: np.ndarray,
) -> tuple[int, int]:
    """Write the pieces over the buffers of the generation beginning at offsets (its
    rows', its ranges'): kept slices moved where they now go (slice copies, which numpy
    makes as a memmove does), then the new rows.  The new generation begins where the
    fewest rows move: an edit near the end moves the rows after it, one near the
    beginning those before it (into the room at that end).  added: the new rows'
    columns (EventArrays.columns), added_ends their ends.  Where it begins comes back."""
    kept: list[tuple[int, int, int]] = []
    put: list[tuple[int, int]] = []  # (row of added, row now)
    now = 0
    for kind, a, b in pieces:
        if kind == 0:
            kept.append((a, b, now))
            now += b - a
        else:
            put.append((a, now))
            now += 1
    first = offsets[0]
    begin = _least_moved(kept, first, len(buffers[0]) - now)
    moves = _moves([(first + a, first + b, begin + to) for a, b, to in kept])
    for buffer, column in zip(buffers[:_ROWS], added, strict=True):
        for a, b, to in moves:
            buffer[to : to + b - a] = buffer[a:b]
        for j, row in put:
            buffer[begin + row] = column[j]
    # The range columns: slices moved the same way, then their rows shifted (a range's
    # row counts from the generation's first row, wherever that is in the buffer).
    range_kept: list[tuple[int, int, int]] = []
    shifts: list[tuple[int, int, int]] = []
    range_put: list[tuple[int, int, int]] = []  # (row of added, index now, row now)
    at = 0
    for kind, lo, hi, shift in range_pieces:
        if kind == 0:
            range_kept.append((lo, hi, at))
            if shift and hi > lo:
                shifts.append((at, at + hi - lo, shift))
        else:
            range_put.append((lo, at, shift))
        at += hi - lo
    first_range = offsets[1]
    range_begin = _least_moved(range_kept, first_range, len(buffers[_ROWS]) - at)
    range_moves = _moves(
        [(first_range + lo, first_range + hi, range_begin + to) for lo, hi, to in range_kept]
    )
    range_rows, range_starts, range_ends = buffers[_ROWS:]
    for buffer in buffers[_ROWS:]:
        for a, b, to in range_moves:
            buffer[to : to + b - a] = buffer[a:b]
    for lo, hi, shift in shifts:
        range_rows[range_begin + lo : range_begin + hi] += shift
    for j, index, row in range_put:
        range_rows[range_begin + index] = row
        range_starts[range_begin + index] = added[2][j]
        range_ends[range_begin + index] = added_ends[j]
    return begin, range_begin


def patch_overlay(
    store: Store,
    base: EventArrays | None,
    shown: EventArrays,
    articles: Iterable[int],
    *,
    with_hidden: bool = False,
    room: ColumnRoom | None = None,
    stored: Collection[int] = (),
    given: StoredRows | None = None,
    drawn: Callable[[EventArrays], EventArrays] | None = None,
) -> tuple[EventArrays, np.ndarray]:
    """shown (overlay_arrays of base) again after an edit to these articles (0: standalone),
    and the ids of their events (before and after), whose texts may have changed.

    Only their rows are taken out and laid over anew from base: a few milliseconds at a
    million events, where overlay_arrays over everything takes a hundred.  base None:
    the loaded arrays are not kept (the window's one copy), their rows are read from the
    store (article_event_arrays: the events table is written only by imports, after
    which the window loads everything again).  shown itself comes back when their rows
    are as they were (a tag, a note, a title).  room: where the new columns are written
    (see ColumnRoom: over shown's own, which it then spends).
    stored: articles whose rows base holds as they
    were before an edit wrote their mentions again (anchor_changes), or not at all (an
    undated article's "today" dated by the user's date): theirs are read from the store.
    given: rows of some articles as the store holds them, read by the edit's writer
    (redated_rows): taken as they are, not read again here (a long article's 17,628
    mentions: 26 ms on the GUI thread).
    drawn: with base None, the rows read from the store as shown draws them (each
    story once: stories.CollapsedStories.drawn_rows).
    """
    patched, stale = patch_overlay_later(
        store,
        base,
        shown,
        articles,
        with_hidden=with_hidden,
        room=room,
        stored=stored,
        given=given,
        drawn=drawn,
        later=False,
    )
    assert isinstance(patched, EventArrays)
    return patched, stale


def patch_overlay_later(
    store: Store,
    base: EventArrays | None,
    shown: EventArrays,
    articles: Iterable[int],
    *,
    with_hidden: bool = False,
    room: ColumnRoom | None = None,
    stored: Collection[int] = (),
    given: StoredRows | None = None,
    drawn: Callable[[EventArrays], EventArrays] | None = None,
    later: bool = True,
) -> tuple[EventArrays | SpliceLater, np.ndarray]:
    """patch_overlay, but with `later` a splice of many rows comes back not yet made
    (SpliceLater: for the caller to run off its thread and hand over), shown as it was
    until then; few rows are spliced at once as there."""
    wanted = np.fromiter({int(a) for a in articles}, dtype=np.int64)
    if not len(wanted):
        return shown, np.empty(0, dtype=np.int64)
    if base is None:
        theirs = _stored_rows(store, wanted.tolist(), given)
        if drawn is not None:
            theirs = drawn(theirs)
    else:
        rows = article_rows(base, wanted)
        theirs = base.subset(rows)
        if stored:
            fresh = np.intersect1d(wanted, np.fromiter(stored, dtype=np.int64))
            if len(fresh):
                kept = rows[~np.isin(base.article_ids[rows], fresh)]
                read = _stored_rows(store, fresh.tolist(), given)  # sorted by start
                # All of them read (one article's date corrected): those rows as read,
                # not merged one by one into nothing (46 ms for 28,391 mentions).
                theirs = _merged(base.subset(kept), read) if len(kept) else read
    again = overlay_arrays(store, theirs, with_hidden=with_hidden, articles=wanted.tolist())
    out = article_rows(shown, wanted)
    stale = np.union1d(shown.ids[out], again.ids)
    if len(out) == len(again) and _same_rows(shown.subset(out), again):
        return shown, stale
    # Only the rows that changed are taken out and put in; the others stay where they
    # are.  A corrected publication date moves the mentions that count from it, a third
    # of a long text's (9,646 of 28,391 for a text of 10 MB): splicing all its rows out
    # and in again took 139 ms of the GUI thread's 243 ms for that edit.
    stays_old, stays_new = _unchanged(shown.subset(out), again)
    out = out[~stays_old]
    new = again.subset(~stays_new)
    if later and len(out) + len(new) > _FEW_PIECES:
        return SpliceLater(shown, out, new, room), stale
    return _spliced(shown, out, new, room), stale


def article_rows(arrays: EventArrays, wanted: np.ndarray) -> np.ndarray:
    """The rows of these articles, ascending: by the arrays' index (ArticleRows) when it
    is made, else by a pass over every row."""
    index = arrays.article_index
    rows = index.rows_of(wanted) if index is not None else None
    return rows if rows is not None else _rows_of(arrays.article_ids, wanted)


def keep_indexed(arrays: EventArrays) -> None:
    """Have each article's rows in arrays found by a search (ArticleRows): sorted on a
    thread when arrays have no index, or again when theirs has followed MAX_STEPS edits
    (until the sort ends the rows are found by passes, as before)."""
    index = arrays.article_index
    if index is None or index.steps >= MAX_STEPS:
        arrays.article_index = ArticleRows.sort_later(arrays.article_ids)


def _rows_of(article_ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The rows of these articles: a comparison per article for the few an edit touches
    (np.isin's table costs more at a million rows)."""
    if len(wanted) > 8:
        return np.flatnonzero(np.isin(article_ids, wanted))
    mask = article_ids == wanted[0]
    for article_id in wanted[1:]:
        mask |= article_ids == article_id
    return np.flatnonzero(mask)


@dataclass(frozen=True)
class OrderChanges:
    """What some changes may change of the list's order and a search's filters."""

    filters: bool = False  # articles moved into or out of filters (store.shown_filters)
    source: bool = False  # a source corrected: the sources offered
    published: bool = False  # a publication date corrected: the list's order (listing)


def order_changes(changes: Iterable[Change]) -> OrderChanges:
    """What these changes may change of the list's order and a search's filters: a
    source or a date corrected, a mention hidden, an event added."""
    dates = source = published = False
    for change in changes:
        rows = [row for row in (change.before, change.after) if row is not None]
        if change.table == "user_article_fields":
            named = {row.get("field") for row in rows}
            source = source or "source" in named
            published = published or "published" in named
        elif change.table in ("user_mentions", "user_events"):
            dates = True
        elif change.table == "user_hidden":
            dates = dates or any(str(row.get("target", "")).startswith("mention:") for row in rows)
    return OrderChanges(dates or source or published, source, published)


def texts_changed(changes: Iterable[Change]) -> bool:
    """Whether these changes alter what the timeline writes about events (a title, an
    added event's label); dates, hidden marks, tags and notes do not."""
    return any(
        c.table == "user_events" or (c.table == "user_article_fields" and c.key[1] == "title")
        for c in changes
    )


def story_rows_changed(changes: Iterable[Change]) -> bool:
    """Whether these changes alter what another article's copies and related articles
    show (a title, a source, a date; hidden or not) or which are listed (a date, a hide):
    an article's field corrected, an article hidden or shown again."""
    return any(
        c.table == "user_article_fields"
        or (c.table == "user_hidden" and str(c.key[0]).startswith("article:"))
        for c in changes
    )


def _unchanged(a: EventArrays, b: EventArrays) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the rows of a and of b that are the same row in both (an event's id and
    every column alike), paired one to one by id."""
    in_a = np.zeros(len(a), dtype=bool)
    in_b = np.zeros(len(b), dtype=bool)
    _ids, at_a, at_b = np.intersect1d(a.ids, b.ids, assume_unique=False, return_indices=True)
    alike = a.ends_of(at_a) == b.ends_of(at_b)
    for column in ("article_ids", "starts", "kinds", "points"):
        alike &= getattr(a, column)[at_a] == getattr(b, column)[at_b]
    in_a[at_a[alike]] = True
    in_b[at_b[alike]] = True
    return in_a, in_b


def _same_rows(a: EventArrays, b: EventArrays) -> bool:
    """Whether a and b hold the same rows, in whatever order: both sorted by every
    column (np.lexsort) and compared column by column.  Sorting tuples of Python ints
    took 15 ms for a long article's 17,628 rows, on the GUI thread."""
    if len(a) != len(b):
        return False
    # Last: the first key.  (A few rows: their ends are made whole here.)
    columns_a = (a.points, a.kinds, a.all_ends(), a.starts, a.article_ids, a.ids)
    columns_b = (b.points, b.kinds, b.all_ends(), b.starts, b.article_ids, b.ids)
    order_a = np.lexsort(columns_a)
    order_b = np.lexsort(columns_b)
    return all(
        np.array_equal(x[order_a], y[order_b]) for x, y in zip(columns_a, columns_b, strict=True)
    )


def hidden_changes(store: Store, changes: Iterable[Change]) -> tuple[set[int], set[int]]:
    """The ids of the articles these changes hid, and of those they showed again."""
    hid: set[str] = set()
    showed: set[str] = set()
    for change in changes:
        if change.table != "user_hidden" or not str(change.key[0]).startswith("article:"):
            continue
        uid = str(change.key[0])[len("article:") :]
        if change.before is None and change.after is not None:
            hid.add(uid)
        elif change.before is not None and change.after is None:
            showed.add(uid)
    return ids_of_uids(store, hid), ids_of_uids(store, showed)


def touched_articles(store: Store, changes: Iterable[Change]) -> set[int]:
    """The ids of the articles whose shown events these changes may move (0: standalone).

    Notes and tag colours move nothing; a tag or a hidden mark on an added event is its
    article's (or a standalone one's).
    """
    uids: set[str] = set()
    standalone = False
    for change in changes:
        rows = [r for r in (change.before, change.after) if r is not None]
        if change.table in ("user_article_fields", "user_mentions"):
            uids.update(str(r["article_uid"]) for r in rows)
        elif change.table == "user_events":
            for r in rows:
                if r.get("article_uid"):
                    uids.add(str(r["article_uid"]))
                else:
                    standalone = True
        elif change.table in ("user_hidden", "user_tagged"):
            target = str(rows[0]["target"]) if rows else ""
            uid = target_article_uid(target)
            if uid is not None:
                uids.add(uid)
            elif (event_id := event_target_id(target)) is not None:
                event = user_event(store, event_id)
                if event is not None and event.article_uid:
                    uids.add(event.article_uid)
                else:
                    standalone = True
    ids = ids_of_uids(store, uids)
    if standalone:
        ids.add(0)
    return ids


def _uids_of_ids(store: Store, ids: Sequence[int]) -> list[str]:
    out: list[str] = []
    for i in range(0, len(ids), 500):
        chunk = [int(a) for a in ids[i : i + 500]]
        marks = ",".join("?" * len(chunk))
        out += [
            r[0]
            for r in store.conn.execute(f"SELECT uid FROM articles WHERE id IN ({marks})", chunk)
        ]
    return out


def _added_events(
    store: Store, uids: Sequence[str] | None = None, *, standalone: bool = True
) -> list[tuple[UserEvent, int]]:
    """Added events with their article's id (0 for a standalone event).

    Every one, or those of the articles of these uids (and the standalone ones when
    standalone is True).
    """
    columns = ", ".join("u." + c for c in _USER_EVENT_COLUMNS.split(", "))
    where = "(u.article_uid IS NULL OR a.id IS NOT NULL)"
    params: list[str] = []
    if uids is not None:
        marks = ",".join("?" * len(uids))
        theirs = f"u.article_uid IN ({marks})" if uids else "0"
        where = f"({theirs}{' OR u.article_uid IS NULL' if standalone else ''}) AND {where}"
        params = list(uids)
    elif not standalone:
        where += " AND u.article_uid IS NOT NULL"
    rows = store.conn.execute(
        f"SELECT {columns}, coalesce(a.id, 0) FROM user_events u"
        f" LEFT JOIN articles a ON a.uid = u.article_uid WHERE {where}",
        params,
    )
    return [(_user_event(r[:-1]), int(r[-1])) for r in rows]


def user_event_labels(store: Store, ids: Iterable[int]) -> dict[int, EventText]:
    """Labels of added events drawn with negative ids; computed ones from timeline_data."""
    wanted = [int(i) for i in ids]
    computed = [i for i in wanted if i >= 0]
    out = event_labels(store, computed)
    for i in range(0, len(computed), 500):
        chunk = computed[i : i + 500]
        marks = ",".join("?" * len(chunk))
        # The user's title wins: few articles have one, found from the events by index.
        for event_id, title in store.conn.execute(
            "SELECT e.id, f.value FROM events e CROSS JOIN articles a"
            " CROSS JOIN user_article_fields f WHERE e.id IN"
            f" ({marks}) AND a.id = e.article_id AND f.article_uid = a.uid AND f.field = 'title'",
            chunk,
        ):
            if event_id in out:
                out[event_id] = out[event_id]._replace(title=title)
    dated = [(i, a) for i in wanted if (a := publication_article(i)) is not None]
    if dated:
        # A publication the user gave an undated article: titled as its article is.
        articles = [a for _i, a in dated]
        summaries = store.article_summaries(articles)
        corrected = corrected_fields(store, articles)
        values = dict(dated_by_user(store, _uids_of_ids(store, articles)))
        for i, article_id in dated:
            stored = summaries.get(article_id, ("", None, ""))[0]
            title = corrected.get(article_id, {}).get("title", stored)
            date = values.get(article_id)
            out[i] = EventText(title, date.value if date else "", title, "")
    for i in wanted:
        if i < 0 and publication_article(i) is None:
            event = user_event(store, -i)
            if event is not None:
                out[i] = EventText(event.label, event.date.value, event.label, event.label)
    return out


# -- colouring the timeline by tag or by source ----------------------------------------


def colour_codes(store: Store, arrays: EventArrays, by: str) -> tuple[np.ndarray, list[str]]:
    """A code per row of arrays (-1: none) and the names the codes index, for colouring.

    by 'source': each event's article's source (standalone added events have none).
    by 'tag': the first tag by name of the event itself, else of its article.
    """
    if by == "source":
        ids, article_codes, names = source_codes(store)
        codes = np.full(len(arrays), -1, dtype=np.int32)
        return codes_by_article(codes, arrays.article_ids, ids, article_codes), names
    names = [name for name, _c, _n in tags(store)]
    return _tag_codes(store, arrays, names), names


def _tag_codes(
    store: Store, arrays: EventArrays, names: list[str], only: dict[str, int] | None = None
) -> np.ndarray:
    """Codes by tag (indexing names) of the rows of arrays.

    only: the uids (and ids) of the articles whose rows arrays holds, with the
    standalone events' when it has them: the tags of other articles are not looked up.
    """
    codes = np.full(len(arrays), -1, dtype=np.int32)
    index = {name: i for i, name in enumerate(names)}
    article_tag: dict[int, int] = {}
    event_tag: dict[int, int] = {}
    # Few rows (tagged by hand): each is looked up by its uid, on the index.
    for tag, target in store.conn.execute("SELECT tag, target FROM user_tagged ORDER BY tag"):
        code = index.get(tag)
        if code is None:
            # Tagged since names were read (an import of a file carrying tags commits
            # between the two reads): left uncoloured until the reload its end makes.
            continue
        if target.startswith("event:"):
            if (event_id := event_target_id(target)) is not None:
                event_tag.setdefault(-event_id, code)
            continue
        uid = target_article_uid(target) or ""
        article_id = article_id_of_uid(store, uid) if only is None else only.get(uid)
        if article_id is None:
            continue
        span = mention_span(target)
        if span is None:
            article_tag.setdefault(article_id, code)
            continue
        for (event_id,) in store.conn.execute(
            "SELECT id FROM events WHERE article_id = ? AND span_start = ? AND span_end = ?",
            (article_id, span[0], span[1]),
        ):
            event_tag.setdefault(event_id, code)
    if article_tag:
        ids = np.fromiter(sorted(article_tag), dtype=np.int64)
        article_codes = np.fromiter((article_tag[i] for i in ids.tolist()), dtype=np.int32)
        codes = codes_by_article(codes, arrays.article_ids, ids, article_codes)
    if event_tag:
        wanted = np.fromiter(event_tag, dtype=np.int64)
        for row in np.flatnonzero(np.isin(arrays.ids, wanted)).tolist():
            codes[row] = event_tag[int(arrays.ids[row])]
    return codes


class ColourCodes:
    """The colour codes of the timeline's arrays (colour_codes), kept through edits.

    Recomputed for every event after each edit they cost 75-180 ms at a million events
    (every article's source read again, or every row matched against the tagged ones).
    After an edit only the rows of the articles it touched are coded again: the other
    rows' codes follow from the arrays before (their RowSplice), renumbered when the
    names change (a tag or a source appears or goes); the sources of every article are
    read once and patched for the touched ones.  The result equals colour_codes.
    """

    def __init__(self) -> None:
        self.by = ""
        self.codes: np.ndarray | None = None
        self.names: list[str] = []
        self._arrays: Callable[[], EventArrays | None] = lambda: None
        # source_codes(store) as last read or patched: (article ids, codes, names)
        self._sources: tuple[np.ndarray, np.ndarray, list[str]] | None = None
        self._source_counts = np.zeros(0, dtype=np.int64)  # articles per source name
        self._spare: np.ndarray | None = None  # the codes before, to write the next into

    def forget(self) -> None:
        """The store changed by other hands (a reload): read everything again next time."""
        self.codes, self.names, self._sources = None, [], None
        self._arrays = lambda: None

    def has_sources(self) -> bool:
        """Whether the next codes by source need no read of every article's source."""
        return self._sources is not None and self.by == "source"

    def take_sources(self, sources: tuple[np.ndarray, np.ndarray, list[str]]) -> None:
        """source_codes(store) read elsewhere (on a worker, as the store is now): the next
        codes by source are worked out from it, every row coded."""
        self.forget()
        _ids, codes, names = sources
        self._sources = sources
        self._source_counts = np.bincount(codes[codes >= 0], minlength=len(names))
        self.by = "source"

    def of(
        self, store: Store, arrays: EventArrays, by: str, touched: Iterable[int] | None = None
    ) -> tuple[np.ndarray, list[str]]:
        """colour_codes(store, arrays, by); touched: the articles an edit touched (0: the
        standalone events) when arrays is the codes' arrays or spliced from them."""
        previous = self._arrays()
        follows = previous is not None and (
            arrays is previous or (arrays.origin is not None and arrays.origin.source() is previous)
        )
        if touched is None or self.codes is None or by != self.by or not follows:
            if by == "source":
                # Kept only while coloured by source: edits made otherwise did not patch it.
                if self._sources is not None and self.by == "source":
                    ids, article_codes, names = self._sources
                else:
                    ids, article_codes, names = self._read_sources(store)
                codes = codes_by_article(
                    np.full(len(arrays), -1, dtype=np.int32), arrays.article_ids, ids, article_codes
                )
            else:
                codes, names = colour_codes(store, arrays, by)
            if self._spare is None or len(self._spare) < len(arrays):
                # Room for the next edit's codes, its pages written now, not by the edit.
                self._spare = np.empty(len(arrays) + 4096, dtype=np.int32)
                self._spare.fill(-1)
        else:
            assert previous is not None
            codes, names = self._patched(store, previous, arrays, by, set(touched))
        self.by, self.codes, self.names = by, codes, names
        self._arrays = weakref.ref(arrays)
        return codes, names

    def _patched(
        self, store: Store, previous: EventArrays, arrays: EventArrays, by: str, touched: set[int]
    ) -> tuple[np.ndarray, list[str]]:
        assert self.codes is not None
        articles = sorted(a for a in touched if a)
        if by == "source":
            names = self._patch_sources(store, articles)
        else:
            names = [name for name, _c, _n in tags(store)]
        codes = self.codes
        if names != self.names:  # renumbered: a name came or went
            where = {name: i for i, name in enumerate(names)}
            lut = np.array([where.get(n, -1) for n in self.names] + [-1], dtype=np.int32)
            codes = lut[codes]  # -1 (no code) indexes the last entry, -1
        # Into the codes of the generation before (the view holds the ones shown): no
        # fresh pages for 4 MB at a million events, as ColumnRoom does for the arrays.
        spare = self._spare
        self._spare = None
        if spare is None or len(spare) < len(arrays) or sys.getrefcount(spare) > 2:
            spare = np.empty(len(arrays) + 4096, dtype=np.int32)
        moved = spare[: len(arrays)]
        splice = arrays.origin if arrays is not previous else None
        if splice is None:
            moved[:] = codes
        else:
            _follow_rows(codes, splice.out, moved, splice.placed)
        self._spare = self.codes.base if self.codes.base is not None else self.codes
        codes = moved
        if not touched:
            return codes, names
        rows = article_rows(arrays, np.fromiter(touched, dtype=np.int64))
        theirs = arrays.subset(rows)
        if by == "source":
            assert self._sources is not None
            ids, article_codes, _names = self._sources
            again = codes_by_article(
                np.full(len(rows), -1, dtype=np.int32), theirs.article_ids, ids, article_codes
            )
        else:
            marks = ",".join("?" * len(articles))
            only = (
                {
                    uid: int(i)
                    for i, uid in store.conn.execute(
                        f"SELECT id, uid FROM articles WHERE id IN ({marks})", articles
                    )
                }
                if articles
                else {}
            )
            again = _tag_codes(store, theirs, names, only)
        codes[rows] = again
        return codes, names

    def _read_sources(self, store: Store) -> tuple[np.ndarray, np.ndarray, list[str]]:
        self._sources = source_codes(store)
        codes, names = self._sources[1], self._sources[2]
        self._source_counts = np.bincount(codes[codes >= 0], minlength=len(names))
        return self._sources

    def _patch_sources(self, store: Store, articles: list[int]) -> list[str]:
        """The sources read again for these articles only; the names as source_codes has them."""
        if self._sources is None:
            return self._read_sources(store)[2]
        ids, article_codes, names = self._sources
        fresh: dict[int, str] = {}
        for i in range(0, len(articles), 500):
            chunk = articles[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for article_id, source, fixed in store.conn.execute(
                "SELECT a.id, a.source, f.value FROM articles a LEFT JOIN user_article_fields f"
                f" ON f.article_uid = a.uid AND f.field = 'source' WHERE a.id IN ({marks})",
                chunk,
            ):
                fresh[int(article_id)] = fixed if fixed is not None else source
        wanted = np.fromiter(fresh, dtype=np.int64, count=len(fresh))
        at = np.searchsorted(ids, wanted)
        if len(wanted) and (int(at.max()) >= len(ids) or not np.array_equal(ids[at], wanted)):
            return self._read_sources(store)[2]  # an article not read before: all again
        # How many articles have each source, less the touched ones: the names still
        # used by the others, with the touched ones' sources, are the names.
        counts = self._source_counts.copy()
        before = article_codes[at]
        np.subtract.at(counts, before[before >= 0], 1)
        used = {names[i] for i in np.flatnonzero(counts).tolist()}
        new_names = sorted(used | {s for s in fresh.values() if s})
        where = {name: i for i, name in enumerate(new_names)}
        if new_names != names:
            lut = np.array([where.get(n, -1) for n in names] + [-1], dtype=np.int32)
            article_codes = lut[article_codes]
            moved_counts = np.zeros(len(new_names), dtype=np.int64)
            for i, name in enumerate(names):
                if name in where:
                    moved_counts[where[name]] += counts[i]
            counts = moved_counts
        after = np.array([where[s] if s else -1 for s in fresh.values()], dtype=np.int32)
        article_codes[at] = after  # in place: the cache is this object's alone
        np.add.at(counts, after[after >= 0], 1)
        self._source_counts = counts
        self._sources = (ids, article_codes, new_names)
        return new_names


def _follow_rows(old: np.ndarray, out: np.ndarray, new: np.ndarray, placed: np.ndarray) -> None:
    """Write into new the values of old's rows but those out, in order, around the rows
    placed (sorted; left as they were): a slice copy per run between them."""
    i = j = 0  # the next row of old and of new
    cuts_out = [*out.tolist(), len(old)]
    cuts_new = [*placed.tolist(), len(new)]
    a = b = 0  # the next cut of each
    while True:
        while a < len(cuts_out) - 1 and cuts_out[a] == i:
            i, a = i + 1, a + 1  # a row taken out
        while b < len(cuts_new) - 1 and cuts_new[b] == j:
            j, b = j + 1, b + 1  # a row put in
        count = min(cuts_out[a] - i, cuts_new[b] - j)
        if count <= 0:
            return
        new[j : j + count] = old[i : i + count]
        i, j = i + count, j + count


def source_codes(store: Store) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Every article id (sorted), its source's code, and the sources by code.

    The user's corrected source wins over the imported one.  Read a source at a time
    from the source index (its ids as one text each), not a row per article with its
    uid: 232,558 articles took 0.9 s that way, on the GUI thread when the timeline is
    coloured by source.
    """
    stored: list[tuple[str, np.ndarray]] = [
        (source, parse_ints(ids))
        for source, ids in store.conn.execute(
            "SELECT source, group_concat(id) FROM articles GROUP BY source"
        )
    ]
    fixed = {
        int(article_id): value
        for article_id, value in store.conn.execute(
            "SELECT a.id, f.value FROM user_article_fields f CROSS JOIN articles a"
            " WHERE f.field = 'source' AND a.uid = f.article_uid"
        )
    }
    names = sorted({source for source, _ids in stored if source} | {v for v in fixed.values() if v})
    index = {name: i for i, name in enumerate(names)}
    ids = np.concatenate([i for _s, i in stored]) if stored else np.zeros(0, dtype=np.int64)
    codes = (
        np.concatenate(
            [np.full(len(i), index.get(source, -1), dtype=np.int32) for source, i in stored]
        )
        if stored
        else np.zeros(0, dtype=np.int32)
    )
    order = np.argsort(ids, kind="stable")
    ids, codes = ids[order], codes[order]
    if fixed:
        mine = np.fromiter(fixed, dtype=np.int64, count=len(fixed))
        at = np.searchsorted(ids, mine)
        ok = at < len(ids)
        ok[ok] = ids[at[ok]] == mine[ok]
        codes[at[ok]] = [index.get(fixed[int(a)], -1) for a in mine[ok]]
    # A source whose every article the user moved elsewhere is no longer shown.
    used = sorted(set(np.unique(codes[codes >= 0]).tolist()))
    if len(used) < len(names):
        remap = np.full(len(names) + 1, -1, dtype=np.int32)
        remap[used] = np.arange(len(used), dtype=np.int32)
        codes = np.where(codes >= 0, remap[codes], -1).astype(np.int32)
        names = [names[i] for i in used]
    return ids.astype(np.int64), codes, names


# codes_by_article's table by id: ids up to four times the articles and this many more
# (4 bytes each, freed at once), and the mark of an id that is no article's.
_DENSE_SLACK = 1_000_000
_NO_ARTICLE = np.iinfo(np.int32).min


def codes_by_article(
    codes: np.ndarray, article_ids: np.ndarray, ids: np.ndarray, article_codes: np.ndarray
) -> np.ndarray:
    """codes with each row given its article's code (ids sorted; rows of no such id kept)."""
    if not len(ids):
        return codes
    top = int(ids[-1])
    if int(ids[0]) >= 0 and top <= 4 * len(ids) + _DENSE_SLACK:
        # Ids are dense (they count up from 1): a table by id gathers every row's code in
        # one pass, where a binary search a row cost 0.1 s at two million events.
        table = np.full(top + 2, _NO_ARTICLE, dtype=np.int32)  # the last: not an article
        table[ids] = article_codes
        at = np.where((article_ids >= 0) & (article_ids <= top), article_ids, top + 1)
        found = table[at]
        known = found != _NO_ARTICLE
        codes[known] = found[known]
        return codes
    at = np.clip(np.searchsorted(ids, article_ids), 0, len(ids) - 1)
    found = ids[at] == article_ids
    codes[found] = article_codes[at[found]]
    return codes


# -- the article list: the user's fields over a page of rows ---------------------------


def corrected_fields(store: Store, ids: Sequence[int]) -> dict[int, dict[str, str]]:
    """The user's title, source and publication date (ISO) of these articles, by id.

    For the list's rows, a page at a time: the few corrected ones are found through the
    uid index of user_article_fields.
    """
    out: dict[int, dict[str, str]] = {}
    for i in range(0, len(ids), 500):
        chunk = [int(a) for a in ids[i : i + 500]]
        marks = ",".join("?" * len(chunk))
        for article_id, name, value, date_value in store.conn.execute(
            "SELECT a.id, f.field, f.value, f.date_value FROM articles a"
            f" CROSS JOIN user_article_fields f WHERE a.id IN ({marks}) AND f.article_uid = a.uid",
            chunk,
        ):
            out.setdefault(article_id, {})[name] = date_value if name == "published" else value
    return out


def renamed_articles(store: Store) -> list[tuple[str, str, str, str, str]]:
    """(uid, stored source, stored title, source shown, title shown) of each article
    whose title or source the user corrected: what an import knows it by too, the texts
    every export writes (ingest.dedup.ShownKeys).  Few: the user corrects them by hand."""
    return store.conn.execute(
        "SELECT a.uid, a.source, a.title, coalesce(s.value, a.source), coalesce(t.value, a.title)"
        " FROM articles a"
        " LEFT JOIN user_article_fields t ON t.article_uid = a.uid AND t.field = 'title'"
        " LEFT JOIN user_article_fields s ON s.article_uid = a.uid AND s.field = 'source'"
        " WHERE a.uid IN"
        " (SELECT article_uid FROM user_article_fields WHERE field IN ('title', 'source'))"
    ).fetchall()


def key_texts(store: Store, uid: str) -> tuple[str, str] | None:
    """(source, title) the article of this key was stored with (what its key was made
    of, with its body), or None when the library holds no such article."""
    found = store.conn.execute(
        "SELECT source, title FROM articles WHERE uid = ?", (uid,)
    ).fetchone()
    return None if found is None else (found[0], found[1])


def key_body(store: Store, uid: str) -> str | None:
    """The body the article of this key was stored with, or None when the library holds
    no such article (read apart from key_texts: only for a body an export may have
    written otherwise, ingest.dedup.may_be_written)."""
    found = store.conn.execute("SELECT body FROM articles WHERE uid = ?", (uid,)).fetchone()
    return None if found is None else str(found[0])


# -- search: the user's notes and tags find their articles too ------------------------


def _words(query: str) -> list[str]:
    """The words of a search to look for in notes and tag names (operators dropped)."""
    from timeline.text import normalize
    from timeline.text.normalize import fold_fullwidth

    words = []
    for word in normalize(fold_fullwidth(query)).casefold().replace('"', " ").split():
        if word in ("or", "and") or word.startswith("-"):
            continue
        word = word.rstrip("*")
        if word:
            words.append(word)
    return words


def user_text_matches(store: Store, query: str) -> np.ndarray:
    """Sorted ids of the articles whose note and tag names hold every word of the query.

    Arabic spelling variants fold as in the search (normalize), and fullwidth forms
    (ＯＰＥＣ) on both sides; a tag on one of an article's mentions or added events
    counts as the article's.  Notes and tags are written by hand, so they are few and
    read whole.
    """
    from timeline.text import normalize
    from timeline.text.normalize import fold_fullwidth

    words = _words(query)
    if not words:
        return np.empty(0, dtype=np.int64)
    texts: dict[str, list[str]] = defaultdict(list)
    for uid, note in store.conn.execute("SELECT article_uid, note FROM user_notes"):
        texts[uid].append(note)
    for tag, target in store.conn.execute("SELECT tag, target FROM user_tagged"):
        uid = target_article_uid(target)
        if uid is None and (event_id := event_target_id(target)) is not None:
            event = user_event(store, event_id)
            uid = event.article_uid if event is not None else None
        if uid is not None:
            texts[uid].append(tag)
    found = [
        uid
        for uid, parts in texts.items()
        if all(w in normalize(fold_fullwidth(" ".join(parts))).casefold() for w in words)
    ]
    return np.array(sorted(ids_of_uids(store, found)), dtype=np.int64)


def edited_article_ids(store: Store) -> list[int]:
    """The ids of the articles the user said anything about (few: said by hand)."""
    uids: set[str] = set()
    for table in ("user_article_fields", "user_mentions", "user_notes", "user_events"):
        uids.update(
            u for (u,) in store.conn.execute(f"SELECT DISTINCT article_uid FROM {table}") if u
        )
    for table in ("user_hidden", "user_tagged"):
        for (target,) in store.conn.execute(f"SELECT DISTINCT target FROM {table}"):
            uid = target_article_uid(target)
            if uid is not None:
                uids.add(uid)
    return sorted(ids_of_uids(store, uids))


def added_event_marks(store: Store) -> tuple[set[int], dict[int, list[str]]]:
    """The ids of the hidden added events, and the tags of each added event."""
    hidden = {
        event_id
        for (t,) in store.conn.execute("SELECT target FROM user_hidden WHERE target LIKE 'event:%'")
        if (event_id := event_target_id(t)) is not None
    }
    tagged: dict[int, list[str]] = defaultdict(list)
    for tag, target in store.conn.execute(
        "SELECT tag, target FROM user_tagged WHERE target LIKE 'event:%' ORDER BY tag"
    ):
        if (event_id := event_target_id(target)) is not None:
            tagged[event_id].append(tag)
    return hidden, dict(tagged)
