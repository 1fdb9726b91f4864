"""Full-text search over the normalized index: ranked hits, snippets, counts and hit ids."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from timeline.store.store import Store
from timeline.text.query import (
    EmptyQueryError,
    Query,
    SearchError,
    hit_spans,
    parse_query,
)

__all__ = [
    "ArticleHitSpans",
    "EmptyQueryError",
    "SearchError",
    "SearchHit",
    "SearchRequest",
    "SearchResult",
    "article_hit_spans",
    "distinct_sources",
    "hit_spans",
    "matching_article_ids",
    "search",
]

EventKind = Literal["published", "mentioned"]
Order = Literal["relevance", "newest"]

# bm25 weight of the title against the body: a word in the title says more.
TITLE_WEIGHT = 5.0
# Relevance is ranked among the newest RANK_WINDOW hits: a bm25 score costs 1 us per
# hit for a word and 3 us for a phrase, so ranking all 13,000 hits of a common phrase
# took 47 ms (100,000 articles, bench/search.py); 5,000 keeps every class under 35 ms.
RANK_WINDOW = 5_000
SNIPPET_CHARS = 160
# A search that runs longer is stopped with a SearchError rather than hold the worker.
TIME_LIMIT = 3.0
_PROGRESS_STEPS = 20_000  # SQLite instructions between looks at the clock

# As in the v2 migration (timeline/store/schema.py): a dated article's index rowid
# is its minute (published_start clamped to _MAX_SECONDS, divided by 60, truncated),
# or the first free rowid after it.
_SECONDS_PER_ROWID = 60
_MAX_SECONDS = (1 << 40) - 1
_FIRST_FREE = (
    "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM article_search WHERE fts_rowid = :at) THEN :at"
    " ELSE (SELECT a.fts_rowid + 1 FROM article_search a WHERE a.fts_rowid >= :at AND NOT EXISTS"
    " (SELECT 1 FROM article_search b WHERE b.fts_rowid = a.fts_rowid + 1)"
    " ORDER BY a.fts_rowid LIMIT 1) END"
)
# Line breaks become spaces (one for one, so offsets hold) in a one-line snippet.
_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u2029": " ", "\u2028": " "})


@dataclass(frozen=True)
class SearchRequest:
    """What a search asks for; the search bar emits one, search() takes its parts.

    date_from/date_to are axis seconds, [date_from, date_to); event_kind says which
    dates the range applies to: an article's publication, the dates it mentions, or
    either (None).  An empty query means "no search".
    """

    query: str = ""
    source: str | None = None
    date_from: int | None = None
    date_to: int | None = None
    event_kind: EventKind | None = None

    @property
    def is_empty(self) -> bool:
        """Nothing asked: no words and no filter."""
        return not self.query.strip() and not self.has_filters

    @property
    def has_filters(self) -> bool:
        return any(v is not None for v in (self.source, self.date_from, self.date_to))

    def filters(self) -> dict[str, object]:
        """Keyword arguments for search() and matching_article_ids()."""
        return {
            "source": self.source,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "event_kind": self.event_kind,
        }


@dataclass(frozen=True)
class SearchHit:
    """One article found.

    snippet is cut from the original body (whole words, '…' where it was cut);
    snippet_spans and title_spans are (start, end) offsets of the hits in snippet and
    title.  rank is the bm25 score (lower is better) or None outside the ranked window.
    """

    article_id: int
    title: str
    published: str | None
    source: str
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...]
    title_spans: tuple[tuple[int, int], ...]
    rank: float | None


@dataclass(frozen=True)
class SearchResult:
    """One page of hits and the number of all hits.

    ranked: how many of the newest hits were ranked by relevance (all of them when it
    equals total); hits past them follow newest first.
    """

    query: Query
    hits: list[SearchHit]
    total: int
    offset: int
    ranked: int
    order: Order = "relevance"


@dataclass(frozen=True)
class ArticleHitSpans:
    """Offsets of a query's hits in an article's original title and body."""

    title: list[tuple[int, int]] = field(default_factory=list)
    body: list[tuple[int, int]] = field(default_factory=list)


def _as_query(query: str | Query) -> Query:
    return parse_query(query) if isinstance(query, str) else query


def _rowid_minute(seconds: int) -> int:
    """The rowid an article published at seconds would take if it were free."""
    clamped = _clamp(seconds)
    minute = abs(clamped) // _SECONDS_PER_ROWID
    return minute if clamped >= 0 else -minute


def _clamp(seconds: int, spare_bits: int = 0) -> int:
    bound = _MAX_SECONDS << spare_bits
    return max(min(int(seconds), bound), -bound)


def _matching_sql(
    store: Store,
    query: Query,
    source: str | None,
    date_from: int | None,
    date_to: int | None,
    event_kind: EventKind | None,
    *,
    join: bool = False,
) -> tuple[str, list[object]]:
    """FROM ... WHERE ... of the articles matching a query and filters.

    The index is article_fts; the id map article_search is joined as s when a filter
    needs it or join is true.
    """
    if event_kind not in (None, "published", "mentioned"):
        raise SearchError(f"Unknown kind of date: {event_kind!r}")
    if date_from is not None and date_to is not None and date_to <= date_from:
        raise SearchError("The end of the date range is before its start")
    filtered = source is not None or date_from is not None or date_to is not None
    # Without filters the index alone answers (each of its rows is one article): joining
    # the id map to every hit costs 4 times the count of a common word.
    sql = " FROM article_fts"
    if filtered or join:
        sql += " JOIN article_search s ON s.fts_rowid = article_fts.rowid"
    sql += " WHERE article_fts MATCH ?"
    params: list[object] = [query.fts()]
    if source is not None:
        # Read from the articles_source index: a set of ids, probed once per hit.
        sql += " AND s.article_id IN (SELECT id FROM articles WHERE source = ?)"
        params.append(source)
    if date_from is None and date_to is None:
        return sql, params
    lo = _rowid_minute(date_from if date_from is not None else -_MAX_SECONDS)
    # Clamped a little wider than any stored date, so the comparison stays exact.
    lower = -(_MAX_SECONDS << 1) if date_from is None else _clamp(date_from, 1)
    upper = _MAX_SECONDS << 1 if date_to is None else _clamp(date_to, 1)
    if date_to is None:
        hi = 1 << 62
    else:
        # A rowid is at or after its article's minute and runs on only through held
        # rowids: every article published before date_to has a rowid below this.
        hi = int(_run(store, _FIRST_FREE, {"at": _rowid_minute(date_to)})[0][0])
    # The rowid range lets the index skip to the range; published_start is exact.
    published = (
        "article_fts.rowid >= ? AND article_fts.rowid < ?"
        " AND s.published_start >= ? AND s.published_start < ?"
    )
    # An event [start, end) overlaps the range; a point has no end.
    mentioned = (
        "s.article_id IN (SELECT article_id FROM events WHERE kind = 'mentioned'"
        ' AND start < ? AND coalesce("end", start + 1) > ?)'
    )
    if event_kind == "published":
        sql += f" AND {published}"
        params += [lo, hi, lower, upper]
    elif event_kind == "mentioned":
        sql += f" AND {mentioned}"
        params += [upper, lower]
    else:
        sql += f" AND (({published}) OR {mentioned})"
        params += [lo, hi, lower, upper, upper, lower]
    return sql, params


def _run(store: Store, sql: str, params: Sequence[object] | Mapping[str, object]) -> list[tuple]:
    try:
        return store.db.conn.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        text = str(exc)
        if "interrupted" in text:
            raise SearchError(
                "This search matches too much to finish in time; make it narrower"
                " (a longer prefix, fewer alternatives)"
            ) from exc
        if "locked" in text or "busy" in text:
            raise SearchError("The library is busy; try the search again") from exc
        raise SearchError(f"The search could not run: {text}") from exc


@contextlib.contextmanager
def _time_limit(store: Store, seconds: float | None) -> Iterator[None]:
    """Interrupt the store's queries after seconds (a prefix like ال* reads half the index)."""
    if seconds is None:
        yield
        return
    deadline = time.monotonic() + seconds
    conn = store.db.conn
    conn.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_STEPS)
    try:
        yield
    finally:
        conn.set_progress_handler(None, 0)


def search(
    store: Store,
    query: str | Query,
    *,
    limit: int = 50,
    offset: int = 0,
    source: str | None = None,
    date_from: int | None = None,
    date_to: int | None = None,
    event_kind: EventKind | None = None,
    order: Order = "relevance",
    snippet_chars: int = SNIPPET_CHARS,
    time_limit: float | None = TIME_LIMIT,
) -> SearchResult:
    """One page of the articles that match a query, best first (or newest first).

    Raises SearchError (with a message to show the user) and nothing else.
    """
    parsed = _as_query(query)
    limit, offset = max(0, int(limit)), max(0, int(offset))
    where, params = _matching_sql(store, parsed, source, date_from, date_to, event_kind)
    with _time_limit(store, time_limit):
        total = int(_run(store, "SELECT count(*)" + where, params)[0][0])
        ranked = min(total, RANK_WINDOW) if order == "relevance" else 0
        rows: list[tuple[int, float | None]] = []
        if offset < ranked:
            rows += _run(
                store,
                "SELECT fts_rowid, score FROM ("
                " SELECT article_fts.rowid AS fts_rowid,"
                f" bm25(article_fts, 1.0, {TITLE_WEIGHT}) AS score{where}"
                " ORDER BY article_fts.rowid DESC LIMIT ?)"
                " ORDER BY score, fts_rowid DESC LIMIT ? OFFSET ?",
                [*params, ranked, min(limit, ranked - offset), offset],
            )
        if offset + limit > ranked and offset + limit > 0:
            skip = max(offset, ranked)
            rows += [
                (fts_rowid, None)
                for (fts_rowid,) in _run(
                    store,
                    f"SELECT article_fts.rowid{where} ORDER BY article_fts.rowid DESC LIMIT ? OFFSET ?",
                    [*params, offset + limit - skip, skip],
                )
            ]
        hits = _hits(store, parsed, rows, snippet_chars)
    return SearchResult(
        query=parsed,
        hits=hits,
        total=total,
        offset=offset,
        ranked=ranked,
        order=order,
    )


def _hits(
    store: Store, query: Query, rows: list[tuple[int, float | None]], snippet_chars: int
) -> list[SearchHit]:
    """The hits of (index rowid, score) rows, in their order."""
    if not rows:
        return []
    marks = ",".join("?" * len(rows))
    article_of = dict(
        _run(
            store,
            f"SELECT fts_rowid, article_id FROM article_search WHERE fts_rowid IN ({marks})",
            [fts_rowid for fts_rowid, _ in rows],
        )
    )
    rows = [(article_of[r], score) for r, score in rows if r in article_of]
    ids = [article_id for article_id, _ in rows]
    marks = ",".join("?" * len(ids))
    texts = {
        row[0]: row[1:]
        for row in _run(
            store,
            f"SELECT id, title, body, published, source FROM articles WHERE id IN ({marks})",
            ids,
        )
    }
    hits = []
    for article_id, score in rows:
        if article_id not in texts:
            continue
        title, body, published, source = texts[article_id]
        snippet, spans = _snippet(body, hit_spans(body, query), snippet_chars)
        hits.append(
            SearchHit(
                article_id=article_id,
                title=title,
                published=published,
                source=source,
                snippet=snippet,
                snippet_spans=tuple(spans),
                title_spans=tuple(hit_spans(title, query)),
                rank=score,
            )
        )
    return hits


def _snippet(
    text: str, spans: list[tuple[int, int]], size: int
) -> tuple[str, list[tuple[int, int]]]:
    """A window of whole words around the densest run of hits, and the hits in it."""
    anchor = 0
    if spans:
        # The window that starts at a hit and covers the most hits (spans are sorted
        # and disjoint, so their ends are sorted too), then a little context before it.
        best, last = 0, 0
        for first, (start, _) in enumerate(spans):
            last = max(last, first)
            while last < len(spans) and spans[last][1] <= start + size:
                last += 1
            if last - first > best:
                best, anchor = last - first, start
        anchor = max(0, anchor - size // 4)
    begin = _word_start(text, anchor)
    end = min(len(text), begin + size)
    if end < len(text):
        end = _word_end(text, begin, end)
        # A hit that runs past the window is kept whole.
        end = max([end, *(e for s, e in spans if s < end < e)])
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    snippet = prefix + text[begin:end].translate(_SPACES) + suffix
    shift = len(prefix) - begin
    return snippet, [(s + shift, e + shift) for s, e in spans if s >= begin and e <= end]


def _word_start(text: str, i: int) -> int:
    """The start of the word at i (or i itself at a space)."""
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _word_end(text: str, begin: int, i: int) -> int:
    """The end of the last whole word before i; i itself when one word fills the window."""
    j = i
    while j > begin and not text[j].isspace():
        j -= 1
    return j if j > begin else i


def matching_article_ids(
    store: Store,
    query: str | Query,
    *,
    source: str | None = None,
    date_from: int | None = None,
    date_to: int | None = None,
    event_kind: EventKind | None = None,
    time_limit: float | None = TIME_LIMIT,
) -> np.ndarray:
    """Sorted ids (int64) of every article that matches, for marking hits on the timeline.

    With no words, the filters alone choose (every article from a source, say).
    """
    if isinstance(query, str) and not query.strip():
        return filtered_article_ids(
            store, source=source, date_from=date_from, date_to=date_to, event_kind=event_kind
        )
    where, params = _matching_sql(
        store, _as_query(query), source, date_from, date_to, event_kind, join=True
    )
    with _time_limit(store, time_limit):
        rows = _run(store, "SELECT s.article_id" + where, params)
    ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    ids.sort()
    return ids


def filtered_article_ids(
    store: Store,
    *,
    source: str | None = None,
    date_from: int | None = None,
    date_to: int | None = None,
    event_kind: EventKind | None = None,
) -> np.ndarray:
    """Sorted ids of the articles that pass the filters alone (no words to match)."""
    if event_kind not in (None, "published", "mentioned"):
        raise SearchError(f"Unknown kind of date: {event_kind!r}")
    if date_from is not None and date_to is not None and date_to <= date_from:
        raise SearchError("The end of the date range is before its start")
    clauses: list[str] = []
    params: list[object] = []
    if source is not None:
        clauses.append("source = ?")
        params.append(source)
    if date_from is not None or date_to is not None:
        lower = -(_MAX_SECONDS << 1) if date_from is None else _clamp(date_from, 1)
        upper = _MAX_SECONDS << 1 if date_to is None else _clamp(date_to, 1)
        published = "(published_start >= ? AND published_start < ?)"
        mentioned = (
            "id IN (SELECT article_id FROM events WHERE kind = 'mentioned'"
            ' AND start < ? AND coalesce("end", start + 1) > ?)'
        )
        if event_kind == "published":
            clauses.append(published)
            params += [lower, upper]
        elif event_kind == "mentioned":
            clauses.append(mentioned)
            params += [upper, lower]
        else:
            clauses.append(f"({published} OR {mentioned})")
            params += [lower, upper, upper, lower]
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    rows = _run(store, "SELECT id FROM articles" + where + " ORDER BY id", params)
    return np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))


def article_hit_spans(store: Store, article_id: int, query: str | Query) -> ArticleHitSpans:
    """Where a query's hits are in an article's original title and body (detail pane)."""
    parsed = _as_query(query)
    rows = _run(store, "SELECT title, body FROM articles WHERE id = ?", [article_id])
    if not rows:
        return ArticleHitSpans()
    title, body = rows[0]
    return ArticleHitSpans(title=hit_spans(title, parsed), body=hit_spans(body, parsed))


def distinct_sources(store: Store) -> list[str]:
    """Every non-empty source name, sorted, for the search bar's source filter."""
    rows = _run(
        store, "SELECT DISTINCT source FROM articles WHERE source != '' ORDER BY source", []
    )
    return [row[0] for row in rows]
