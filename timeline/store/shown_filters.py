"""A search's filters as the user sees the articles: the user's corrections win.

The filters (a source, a stretch of publication or mentioned dates) are read from the
stored values through their indexes, which a million articles need.  What the user
said (DESIGN.md rule 5) is kept apart and is few rows, said by hand: a corrected source
or publication date, a mention's date corrected or said not to be a date, a mention
hidden, an event added to an article.  So the filters run on the stored values as
before and the articles the user changed are then judged again, on the values stored
and on the values shown: those that pass only as shown come in, those that pass only
as stored go out.  The user's rows are read as the window reads them to draw
(edits.shown_overrides), so what a filter chooses is what the window shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from timeline.store import edits as user
from timeline.store.store import Store

_NO_IDS = np.empty(0, dtype=np.int64)


@dataclass(frozen=True)
class Moves:
    """Sorted article ids (int64) that the user's values carry into a search's filters,
    and out of them."""

    into: np.ndarray
    out: np.ndarray

    @property
    def empty(self) -> bool:
        return not len(self.into) and not len(self.out)

    def applied(self, ids: np.ndarray) -> np.ndarray:
        """Sorted ids (those passing the filters on the stored values) as shown."""
        if self.empty:
            return ids
        kept = ids[~np.isin(ids, self.out)] if len(self.out) else ids
        return np.union1d(kept, self.into).astype(np.int64)


NO_MOVES = Moves(_NO_IDS, _NO_IDS)


@dataclass(frozen=True)
class _Filters:
    source: str | None
    lower: int | None  # [lower, upper) in axis seconds; None: no date filter
    upper: int | None
    kind: str | None  # "published", "mentioned" or None for either

    @property
    def dated(self) -> bool:
        return self.lower is not None

    def passes(
        self,
        source: str,
        published: int | None,
        mentions: Iterable[tuple[int | None, int | None]],
    ) -> bool:
        """Whether an article of this source, publication start and mentions ((start,
        end): end None for a point) passes, as search's SQL judges the stored rows."""
        if self.source is not None and source != self.source:
            return False
        if not self.dated:
            return True
        lower, upper = self.lower, self.upper
        assert lower is not None and upper is not None
        if self.kind != "mentioned" and published is not None and lower <= published < upper:
            return True
        if self.kind == "published":
            return False
        return _overlap(mentions, lower, upper)


def _overlap(
    mentions: Iterable[tuple[int | None, int | None]], lower: int | None, upper: int | None
) -> bool:
    """Whether a mention ([start, end), end None for a point) overlaps [lower, upper)."""
    if lower is None or upper is None:
        return False
    return any(
        start is not None and start < upper and (start + 1 if end is None else end) > lower
        for start, end in mentions
    )


def moves(
    store: Store,
    source: str | None,
    lower: int | None,
    upper: int | None,
    kind: str | None,
) -> Moves:
    """The articles the user's values move into or out of these filters (dates as
    [lower, upper) axis seconds, both None for no date filter; kind as search's)."""
    filters = _Filters(source, lower, upper, kind)
    if source is None and not filters.dated:
        return NO_MOVES
    said = _Said(store, filters)
    touched = said.touched()
    if not touched:
        return NO_MOVES
    into: list[int] = []
    out: list[int] = []
    stored = said.stored(touched)
    for article_id, (uid, source_stored, published) in stored.items():
        before = filters.passes(source_stored, published, said.stored_mentions(article_id))
        after = filters.passes(
            said.sources.get(uid, source_stored),
            said.published.get(uid, published),
            said.shown_mentions(article_id, uid),
        )
        if after and not before:
            into.append(article_id)
        elif before and not after:
            out.append(article_id)
    if not into and not out:
        return NO_MOVES
    return Moves(np.array(sorted(into), dtype=np.int64), np.array(sorted(out), dtype=np.int64))


_Span = tuple[int | None, int | None]  # start, end (None: a point)


class _Said:
    """What the user said that may judge a search's filters otherwise than the stored
    values do, read from the user's tables (few rows, said by hand), and the stored
    values of the articles it touches (the window's reading of the user's rows:
    edits.shown_overrides)."""

    def __init__(self, store: Store, filters: _Filters) -> None:
        self._store, self._filters = store, filters
        conn = store.conn
        self.sources: dict[str, str] = {}
        self.published: dict[str, int | None] = {}
        self.dropped: set[int] = set()
        self.moved: dict[int, _Span] = {}
        self.added: dict[str, list[_Span]] = {}
        # The stored (article id, start, end) of the events dropped or moved.
        self.changed: dict[int, tuple[int, int | None, int | None]] = {}
        self._overlapping: dict[int, set[int]] = {}  # article id -> its mentions in range
        wanted = []
        if filters.source is not None:
            wanted.append("source")
        if filters.dated and filters.kind != "mentioned":
            wanted.append("published")
        for uid, name, value, start in conn.execute(
            "SELECT article_uid, field, value, start FROM user_article_fields"
            f" WHERE field IN ({','.join('?' * len(wanted))})",
            wanted,
        ).fetchall():
            if name == "source":
                self.sources[uid] = value or ""
            else:
                self.published[uid] = start
        if not filters.dated or filters.kind == "published":
            return
        self.dropped, self.moved = user.shown_overrides(store)
        changed = [*self.dropped, *self.moved]
        for i in range(0, len(changed), 500):
            chunk = changed[i : i + 500]
            for event_id, article_id, start, end in conn.execute(
                'SELECT id, article_id, start, "end" FROM events'
                f" WHERE id IN ({','.join('?' * len(chunk))}) AND kind != 'published'",
                chunk,
            ).fetchall():
                self.changed[event_id] = (article_id, start, end)
        # (A publication's event moved by a corrected date is judged as the publication.
        # A mention the rules left undated - vague, a duration, a set - and the user
        # dated is drawn as a mention at that date: it meets the filter there, and as
        # stored, undated, it met none.)
        self.dropped &= set(self.changed)
        self.moved = {k: v for k, v in self.moved.items() if k in self.changed}
        hidden = user.added_event_marks(store)[0]
        for event_id, uid, start, end in conn.execute(
            'SELECT id, article_uid, start, "end" FROM user_events WHERE article_uid IS NOT NULL'
        ).fetchall():
            if event_id not in hidden:
                self.added.setdefault(uid, []).append((start, end))

    def _meets(self, span: _Span) -> bool:
        """Whether a mention of this span meets the date filter."""
        return _overlap([span], self._filters.lower, self._filters.upper)

    def touched(self) -> list[int]:
        """The ids of the articles whose judgement what the user said may change: a
        source or publication date corrected, a mention dropped or moved from or into
        the range, an event added in it."""
        uids = set(self.sources) | set(self.published)
        uids |= {uid for uid, spans in self.added.items() if any(map(self._meets, spans))}
        ids = {
            article_id
            for event_id, (article_id, start, end) in self.changed.items()
            if self._meets((start, end))
            or (event_id in self.moved and self._meets(self.moved[event_id]))
        }
        return sorted(ids | user.ids_of_uids(self._store, uids))

    def stored(self, ids: Sequence[int]) -> dict[int, tuple[str, str, int | None]]:
        """(uid, source, publication start) of these articles as stored, by id; their
        stored mentions in the range are read too (stored_mentions)."""
        out: dict[int, tuple[str, str, int | None]] = {}
        conn = self._store.conn
        dated = self._filters.dated and self._filters.kind != "published"
        for i in range(0, len(ids), 500):
            chunk = list(ids[i : i + 500])
            marks = ",".join("?" * len(chunk))
            for article_id, uid, source, published in conn.execute(
                f"SELECT id, uid, source, published_start FROM articles WHERE id IN ({marks})",
                chunk,
            ).fetchall():
                out[article_id] = (uid, source or "", published)
            if not dated:
                continue
            for article_id, event_id in conn.execute(
                "SELECT article_id, id FROM events WHERE kind = 'mentioned'"
                f' AND article_id IN ({marks}) AND start < ? AND coalesce("end", start + 1) > ?',
                [*chunk, self._filters.upper, self._filters.lower],
            ).fetchall():
                self._overlapping.setdefault(article_id, set()).add(event_id)
        return out

    def stored_mentions(self, article_id: int) -> list[_Span]:
        """A span in the range for each stored mention of the article that meets it."""
        return [(self._filters.lower, None)] * len(self._overlapping.get(article_id, ()))

    def shown_mentions(self, article_id: int, uid: str) -> list[_Span]:
        """The article's mentions as the window draws them, those that may meet the
        range: the stored ones in it not dropped or moved, the moved ones at their new
        dates, the added ones."""
        kept = self._overlapping.get(article_id, set()) - self.dropped - set(self.moved)
        shown: list[_Span] = [(self._filters.lower, None)] * len(kept)
        shown += [
            self.moved[event_id]
            for event_id, (owner, _start, _end) in self.changed.items()
            if owner == article_id and event_id in self.moved
        ]
        return shown + self.added.get(uid, [])
