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

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from timeline.model import DateValue, Event
from timeline.store.store import Store

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


def target_article_uid(target: str) -> str | None:
    """The uid of the article a target belongs to (None for a user event)."""
    kind, _, rest = target.partition(":")
    if kind == "article":
        return rest
    if kind == "mention":
        return rest.rsplit(":", 2)[0]
    return None


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


def user_values(store: Store, article_ids: Iterable[int]) -> dict[int, ArticleUserValues]:
    """What the user said about each of these articles, by article id.

    The function export uses: the user's value wins over the computed one.  Articles
    the user said nothing about are left out.
    """
    wanted = list(article_ids)
    out: dict[int, ArticleUserValues] = {}
    conn = store.conn
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT id, uid, body FROM articles WHERE id IN ({marks})", chunk)
        by_uid: dict[str, tuple[int, str]] = {uid: (id_, body) for id_, uid, body in rows}
        if not by_uid:
            continue
        uids = list(by_uid)
        umarks = ",".join("?" * len(uids))
        values = {uid: ArticleUserValues(id_, uid) for uid, (id_, _b) in by_uid.items()}
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
            n0, n1, status = _locate(by_uid[uid][1], s0, s1, text)
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
            uid = target_article_uid(target) or ""
            v = values[uid]
            span = _span_of(target)
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


def _span_of(target: str) -> tuple[int, int] | None:
    if not target.startswith("mention:"):
        return None
    _uid, s0, s1 = target[len("mention:") :].rsplit(":", 2)
    return int(s0), int(s1)


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
    rows = store.conn.execute("SELECT target, who, at FROM user_hidden ORDER BY at, target")
    return [(t, Stamp(w, a)) for t, w, a in rows]


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
    return _ids_of_uids(store, uids)


def hidden_article_ids(store: Store) -> set[int]:
    uids = {
        t[len("article:") :]
        for (t,) in store.conn.execute(
            "SELECT target FROM user_hidden WHERE target LIKE 'article:%'"
        )
    }
    return _ids_of_uids(store, uids)


def _ids_of_uids(store: Store, uids: Iterable[str | None]) -> set[int]:
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
        "SELECT a.id, n.note FROM user_notes n JOIN articles a ON a.uid = n.article_uid"
        " ORDER BY a.id"
    )
    return [(int(i), n) for i, n in rows]


def data_version(store: Store) -> int:
    """Changes when another connection commits to the file (for picking up its writes)."""
    return int(store.conn.execute("PRAGMA data_version").fetchone()[0])


def all_rows(store: Store) -> dict[str, list[Row]]:
    """Every user row by table, for `timeline edit list` and tests."""
    out: dict[str, list[Row]] = defaultdict(list)
    for table, key in TABLES.items():
        order = ", ".join(f'"{c}"' for c in key)
        cur = store.conn.execute(f"SELECT * FROM {table} ORDER BY {order}")
        names = [d[0] for d in cur.description]
        out[table] = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    return dict(out)
