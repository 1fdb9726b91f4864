"""Full-text search over the normalized index: ranked hits, snippets, counts and hit ids."""

from __future__ import annotations

import contextlib
import functools
import heapq
import json
import math
import os
import re
import sqlite3
import sys
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from timeline.sorted_search import position, positions
from timeline.store import listing
from timeline.store.edits import user_text_matches, user_values
from timeline.store.index_terms import terms_in_ranges
from timeline.store.listing import ListKey, order_of, redated
from timeline.store.schema import (
    DAY_MENTION,
    DAY_MENTIONS,
    LONG_MENTION,
    MID_MENTIONS,
    SHORT_MENTION,
    lead_cut,
    pair_parts,
    pair_words,
    search_parts,
    stored_search_parts,
)
from timeline.store.seams import Seam, seam_queries
from timeline.store.shown_filters import Moves
from timeline.store.shown_filters import moves as shown_moves
from timeline.store.store import Store
from timeline.store.timeline_data import parse_ints
from timeline.text.normalize import name_order
from timeline.text.query import (
    MIN_PREFIX,
    EmptyQueryError,
    Forms,
    Query,
    SearchError,
    hit_finder,
    hit_spans,
    parse_query,
    search_tokens,
)
from timeline.text.stemmer import is_form_of, query_base, scan_prefixes

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
    "in_list_order",
    "matching_article_ids",
    "search",
    "spelling_corrections",
    "spelling_suggestions",
    "warm_article_map",
    "word_forms",
]

EventKind = Literal["published", "mentioned"]
Order = Literal["relevance", "newest"]

# Why a search could not run, by key (with timeline.text.query.MESSAGES): English lines
# the window knows by these templates and says in its own language.
MESSAGES: dict[str, str] = {
    "dates_reversed": "The end of the date range is before its start",
    "too_much": (
        "This search matches too much to finish in time; make it narrower"
        " (a longer prefix, fewer alternatives)"
    ),
    "busy": "The library is busy; try the search again",
    "failed": "The search could not run: {detail}",
}
# bm25 weights of the index's columns (body after the lead, title, lead): a word in
# the title says more than one in the first paragraph, and that more than one deeper.
TITLE_WEIGHT = 5.0
LEAD_WEIGHT = 2.0
# Every hit is ranked: first by tier (where the words are and in which form, _TIERS),
# then within a tier by bm25.  A bm25 score costs 1 us per hit for a word and 3 us for
# a phrase, so a tier of more than RANK_WINDOW hits (the body tier of a word in most
# articles) is ordered newest first instead.
RANK_WINDOW = 5_000
# A word or prefix with at most this many hits is ranked in one read of all of them
# (three bm25 scores a hit) rather than in a read a tier (see _one_pass).
ONE_PASS = 1_000
# A phrase with at most this many hits is ranked in one read too: finding its hits is
# the cost (positions compared in every article holding its words), and bm25 reads them
# all again (it counts the phrase's articles), so every read a tier costs two such walks.
PHRASE_ONE_PASS = 30_000
# ... and a prefix with a filter, when it stands for at most this many terms (or the
# filters leave no more articles than that cap): see _one_pass_fits.
ONE_PASS_PREFIX_TERMS = 16
# The hits of a query are counted up to this many; past it the total is given as "more
# than COUNT_CAP" (SearchResult.total_exact).  Counting every hit of a word in most
# articles walked the lists of all its forms, a third of its first page's time; the
# window's search lists (and so counts) every hit anyway, and a page that needs the
# exact number (one that reaches the last tier) counts them all.
COUNT_CAP = 10_000
_SCORE = f"bm25(article_fts, 1.0, {TITLE_WEIGHT}, {LEAD_WEIGHT})"
# A tier's rank is its number times this plus its bm25 score (bm25 is far above -1000).
_TIER_SPAN = 1000.0
# Spelling suggestions when nothing matches: at most this many, this similar (0-100).
SUGGESTIONS = 5
SUGGESTION_SCORE = 70.0
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
_LINE_BREAKS = re.compile("[\n\r\t\u2028\u2029]")
# The main index's name in a statement, for _run to point it at the word pairs' index.
_MAIN_INDEX = re.compile(r"\barticle_fts\b")
_PAIRS = "article_pairs"


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
    title.  rank is lower for a better hit: the tier's number times 1000 plus the
    bm25 score, or None in a tier too large to score (its hits follow newest first).
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

    ranked: how many hits are in order of relevance (all of them, or 0 for newest
    first).  forms: the index's forms of each plain word that were searched for.
    suggestions: when nothing matched, the nearest spellings the index holds.
    total_exact: false when there are more hits than total (the count stopped at
    COUNT_CAP); ranked is then more than total too.
    """

    query: Query
    hits: list[SearchHit]
    total: int
    offset: int
    ranked: int
    order: Order = "relevance"
    forms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()
    total_exact: bool = True


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


# A date filter on mentions (or on either kind of date) is applied through the set of
# index rowids that pass the filters, read once a search and checked per hit of the
# word; a larger set than this is left to the join below (its list would cost more).
CANDIDATES_MAX = 200_000


def _mentioned_ids(lower: int, upper: int) -> tuple[str, list[object]]:
    """A SELECT of the ids of the articles that mention a date in [lower, upper) (an
    event of theirs overlaps it; a point has no end), and its parameters.

    Three disjoint parts by the mention's length, each read from its own partial index
    (schema v12 and v14): a mention of up to DAY_MENTION seconds starts after lower
    minus that, one of up to SHORT_MENTION after lower minus that, so both reads are
    bounded on both sides and walk mentions only; the longer ones (decades) are few.
    """
    overlaps = 'start < ? AND coalesce("end", start + 1) > ?'
    sql = (
        f"SELECT article_id FROM events WHERE {DAY_MENTIONS} AND {overlaps} AND start >= ?"
        f" UNION ALL SELECT article_id FROM events WHERE {MID_MENTIONS} AND {overlaps}"
        " AND start >= ?"
        " UNION ALL SELECT article_id FROM events INDEXED BY events_long_mentions"
        f" WHERE {LONG_MENTION} AND {overlaps}"
    )
    return sql, [
        *(upper, lower, lower - DAY_MENTION),
        *(upper, lower, lower - SHORT_MENTION),
        *(upper, lower),
    ]


class _Candidates:
    """The index rowids of the articles that pass a search's filters and each one's
    article id (so that the rowids a search finds among them need no other read to be
    told as articles), aligned, in the order they were read.

    They are sorted by rowid only when sorted_ids_of needs it: a ranked page never
    does, and two years' 150,000 articles read in two parts cost 7.6 ms to sort at a
    million articles."""

    def __init__(
        self, rowids: np.ndarray, ids: np.ndarray, texts: Sequence[str] | None = None
    ) -> None:
        """texts: the rowids as the group_concat texts they were read from, when they are
        all of them (in any order), for as_json."""
        self.rowids, self.ids = rowids, ids
        self.count = len(self.rowids)
        self.first = int(self.rowids.min()) if self.count else 0
        self.last = int(self.rowids.max()) if self.count else -1
        self._texts = [t for t in texts or () if t]

    @functools.cached_property
    def as_json(self) -> str:
        """The rowids as a JSON array, for json_each (made when a statement needs it).

        The statements join the array as a set, so the texts they were read from serve
        in their own order: 150,000 rowids written anew cost 13 ms, their texts joined
        0.2."""
        if self._texts or not self.count:
            return "[" + ",".join(self._texts) + "]"
        return json.dumps(self.rowids.tolist())

    @classmethod
    def of_texts(cls, rowids: str | None, ids: str | None) -> _Candidates:
        """From the group_concat of the rowids and that of their article ids (article_search
        holds no NULL in either, so the two lists are aligned)."""
        return cls(_int_array([(rowids,)]), _int_array([(ids,)]), [rowids or ""])

    def sorted_ids_of(self, rowids: np.ndarray) -> np.ndarray | None:
        """The sorted article ids of rowids found among the candidates (None if one is
        not among them)."""
        by_rowid, ids = self._by_rowid
        at = np.searchsorted(by_rowid, rowids)
        if len(rowids) and (
            int(at.max()) >= self.count or not bool(np.array_equal(by_rowid[at], rowids))
        ):
            return None
        return np.sort(ids[at])

    @functools.cached_property
    def _by_rowid(self) -> tuple[np.ndarray, np.ndarray]:
        """The rowids sorted, and their ids in that order."""
        rowids, ids = self.rowids, self.ids
        if len(rowids) > 1 and not bool(np.all(rowids[1:] > rowids[:-1])):
            order = np.argsort(rowids, kind="stable")
            rowids, ids = rowids[order], ids[order]
        return rowids, ids


class _Reads:
    """What one search reads once and then uses in each of its statements: the rowid
    bound of a date, and the rowids that pass the filters.  stamp: a value the caller
    vouches is another whenever the store changes (Store.change_stamp of the window's
    reading connection), under which the filters' rowids are kept for the next search."""

    def __init__(self, stamp: Hashable | None = None) -> None:
        self.stamp = stamp
        self.free: dict[int, int] = {}
        self.candidates: dict[tuple[object, ...], _Candidates | None] = {}
        self.dated_span: tuple[int, int] | None = None
        self.moves: dict[tuple[object, ...], Moves] = {}

    def moves_of(
        self,
        store: Store,
        source: str | None,
        bounds: tuple[int, int] | None,
        event_kind: EventKind | None,
    ) -> Moves:
        """The articles the user's corrections move into or out of the filters (bounds:
        the dates' [lower, upper), None without a date filter), read once a search."""
        key = (source, bounds, event_kind)
        if key not in self.moves:
            lower, upper = bounds if bounds is not None else (None, None)
            self.moves[key] = shown_moves(store, source, lower, upper, event_kind)
        return self.moves[key]


# The rowids of undated articles start here (schema v2: -(1 << 62) plus the id); a
# dated article's rowid is its minute, far above.
_UNDATED_ROWIDS = -(1 << 62)
_DATED_ROWIDS = _UNDATED_ROWIDS >> 1


def _bounds_pay(store: Store, candidates: _Candidates, reads: _Reads) -> bool:
    """Whether to hand the filters' first and last rowid to the index as bounds.

    Bounds let the index skip the rows of a word before the first and after the last,
    but SQLite checks them again on every row the index gives (FTS5 does not say it
    has): about 40 ns a row, 3.5 of the 10 ms that the walk of a word in 94% of
    100,000 articles costs.  Mentions point anywhere in time and undated articles hold
    the lowest rowids, so a mention filter's rowids span nearly the whole index and
    its bounds cut nothing.  The bounds are given when they leave out at least half
    of the span of the dated rowids (rowids are publication minutes): a cheap guess,
    two lookups at the ends of the id map's key, read once a search.
    """
    if not candidates.count:
        return True  # empty bounds: the index reads nothing
    if reads.dated_span is None:
        low, high = _run(
            store,
            "SELECT (SELECT min(fts_rowid) FROM article_search WHERE fts_rowid >= ?),"
            " (SELECT max(fts_rowid) FROM article_search)",
            [_DATED_ROWIDS],
        )[0]
        reads.dated_span = (0, -1) if low is None else (int(low), int(high))
    low, high = reads.dated_span
    if high <= low:
        return True
    cut = max(0, min(candidates.first, high) - low) + max(0, high - max(candidates.last, low))
    return 2 * cut >= high - low


def _candidates(
    store: Store,
    source: str | None,
    lower: int,
    upper: int,
    rowid_range: tuple[int, int],
    event_kind: EventKind | None,
    reads: _Reads,
) -> _Candidates | None:
    """The rowids that pass a date filter on mentions, or on either kind of date (and
    the source filter), read once for the search; None when there are too many.

    Checking each hit of a word against this set costs a quarter of joining the id map
    to each hit and looking its events up (the plan it replaces), and the set is read
    from the indexes of events, article ids and sources without the words.
    """
    key = (source, lower, upper, rowid_range, event_kind)
    if key in reads.candidates:
        return reads.candidates[key]
    kept_key = None
    if reads.stamp is not None and (file := _file_of(store)) is not None:
        kept_key = (file, _index_version(store), reads.stamp, key)
        with _KEPT_LOCK:
            if kept_key in _KEPT_FILTERS:
                reads.candidates[key] = _KEPT_FILTERS[kept_key]
                return reads.candidates[key]
    found = _read_candidates(store, source, lower, upper, rowid_range, event_kind, reads)
    reads.candidates[key] = found
    if kept_key is not None:
        with _KEPT_LOCK:
            _KEPT_FILTERS.clear()
            _KEPT_FILTERS[kept_key] = found
    return found


# The filters' rowids of the window's last search, kept for its next (a key typed with
# the same filters).  The window's path at a million articles (bench/search.py's
# queries, CPU p50, load 4-6), read -> kept: a source and two years published 33.5 ->
# 15.2 ms with the article map (55.9 -> 22.5 without), mentioned 123.8 -> 99.8 (158.1
# -> 127.7), either 140.9 -> 114.4 (196.3 -> 146.5).  Kept under the window's stamp of
# the store's state (_Reads), the file (device and inode: a library made anew at the
# path is another) and the index's structure record; one search's, a thread at a time.
_KEPT_FILTERS: dict[tuple[object, ...], _Candidates | None] = {}
_KEPT_LOCK = threading.Lock()


def _file_of(store: Store) -> tuple[str, int, int] | None:
    """The store's path and the file at it (device, inode); None if there is none."""
    try:
        found = os.stat(store.path)
    except OSError:
        return None
    return str(store.path), found.st_dev, found.st_ino


def _read_candidates(
    store: Store,
    source: str | None,
    lower: int,
    upper: int,
    rowid_range: tuple[int, int],
    event_kind: EventKind | None,
    reads: _Reads,
) -> _Candidates | None:
    """_candidates as read from the article map or the store."""
    articles = _article_map(store, build=False)
    if articles is not None:
        found, known = _candidates_of_map(
            store, articles, source, lower, upper, rowid_range, event_kind
        )
        if known:
            return _moved(store, found, reads.moves_of(store, source, (lower, upper), event_kind))
    if source is not None:
        found = _candidates_of_source(store, source, lower, upper, rowid_range, event_kind)
        return _moved(store, found, reads.moves_of(store, source, (lower, upper), event_kind))
    columns = "SELECT fts_rowid AS r, article_id AS a FROM article_search"
    published = (
        f"{columns} WHERE fts_rowid >= ? AND fts_rowid < ?"
        " AND published_start >= ? AND published_start < ?"
    )
    published_params: list[object] = [*rowid_range, lower, upper]
    mentioned_ids, mentioned_params = _mentioned_ids(lower, upper)
    mentioned = f"{columns} WHERE article_id IN ({mentioned_ids})"
    if event_kind is None:
        found = _published_or_mentioned(
            store, published, published_params, mentioned_ids, mentioned_params
        )
    else:
        part, params = (
            (published, published_params)
            if event_kind == "published"
            else (mentioned, mentioned_params)
        )
        count, rowids, ids = _run(
            store, f"SELECT count(*), group_concat(r), group_concat(a) FROM ({part})", params
        )[0]
        found = None if count > CANDIDATES_MAX else _Candidates.of_texts(rowids, ids)
    return _moved(store, found, reads.moves_of(store, source, (lower, upper), event_kind))


def _published_or_mentioned(
    store: Store,
    published: str,
    published_params: list[object],
    mentioned_ids: str,
    mentioned_params: list[object],
) -> _Candidates | None:
    """_candidates of either kind of date without a source: the articles published in
    the range with their rowids (read in one walk of the range), and the ids of those
    that mention it, of which only the ones not published in it are looked up.

    As one UNION of the two (each mentioning article looked up, then every row sorted to
    drop those in both) it took 133 ms at a million articles for two years (77,640
    published, 80,113 mentioning, 151,604 in all); read apart (11.8 and 9.3 ms) and put
    together in arrays, 75 ms.
    """
    count, rowids, ids = _run(
        store,
        f"SELECT count(*), group_concat(r), group_concat(a) FROM ({published})",
        published_params,
    )[0]
    if count > CANDIDATES_MAX:
        return None
    dated = _Candidates.of_texts(rowids, ids)
    mentioning = _int_array(
        _run(store, f"SELECT group_concat(article_id) FROM ({mentioned_ids})", mentioned_params)
    )
    # (Not hashed sets: np.unique and np.isin cost 21 ms here.)
    others = np.sort(mentioning[~_found_in(mentioning, dated.ids)])
    others = others[np.concatenate(([True], others[1:] != others[:-1]))] if len(others) else others
    if count + len(others) > CANDIDATES_MAX:
        return None
    if not len(others):
        return dated
    more_rowids, more_ids = _run(
        store,
        "SELECT group_concat(fts_rowid), group_concat(article_id) FROM article_search"
        " WHERE article_id IN (SELECT value FROM json_each(?))",
        [json.dumps(others.tolist())],
    )[0]
    more = _Candidates.of_texts(more_rowids, more_ids)
    return _Candidates(
        np.concatenate([dated.rowids, more.rowids]),
        np.concatenate([dated.ids, more.ids]),
        [rowids or "", more_rowids or ""],
    )


def _moved(store: Store, candidates: _Candidates | None, moves: Moves) -> _Candidates | None:
    """The filters' rowids with the articles the user's corrections move in and out."""
    if candidates is None or moves.empty:
        return candidates
    kept = ~np.isin(candidates.ids, moves.out)
    added = _run(
        store,
        "SELECT fts_rowid, article_id FROM article_search"
        " WHERE article_id IN (SELECT value FROM json_each(?))",
        [json.dumps(moves.into.tolist())],
    )
    rowids = np.array([r for r, _ in added], dtype=np.int64)
    ids = np.array([a for _, a in added], dtype=np.int64)
    return _Candidates(
        np.concatenate([candidates.rowids[kept], rowids]),
        np.concatenate([candidates.ids[kept], ids]),
    )


def _candidates_of_source(
    store: Store,
    source: str,
    lower: int,
    upper: int,
    rowid_range: tuple[int, int],
    event_kind: EventKind | None,
) -> _Candidates | None:
    """_candidates with a source: the articles that pass the date filter and those of
    the source, each read as one text from its index, intersected as arrays.  The
    published are read with their index rowids (one walk of the range); only the
    mentioning articles left are mapped to theirs.

    The join it replaces looked up each dated article's index rowid, then whether it
    was of the source (two lookups an article of the date range, 1 us each: 8,000
    mentions of two years cost 13 ms at 100,000 articles, the id set 5).  Mapping the
    published ones' ids to rowids afterwards, as the mentioning are, cost a third
    statement: 7.6 ms for 5,000 articles at a million.
    """
    # In id order as the source's index holds them (sorted again: no SQL promise).
    of_source = np.sort(
        _int_array(_run(store, "SELECT group_concat(id) FROM articles WHERE source = ?", [source]))
    )
    rowids, ids = np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    if event_kind != "mentioned":
        rowids_text, ids_text = _run(
            store,
            "SELECT group_concat(fts_rowid), group_concat(article_id) FROM article_search"
            " WHERE fts_rowid >= ? AND fts_rowid < ?"
            " AND published_start >= ? AND published_start < ?",
            [*rowid_range, lower, upper],
        )[0]
        rowids, ids = _int_array([(rowids_text,)]), _int_array([(ids_text,)])
        kept = _found_in(ids, of_source)
        rowids, ids = rowids[kept], ids[kept]
    others = np.empty(0, dtype=np.int64)
    if event_kind != "published":
        mentioned_ids, mentioned_params = _mentioned_ids(lower, upper)
        mentioned = _int_array(
            _run(store, f"SELECT group_concat(article_id) FROM ({mentioned_ids})", mentioned_params)
        )
        others = _within(mentioned, of_source)
        if len(ids):
            others = others[~_found_in(others, ids)]
    if len(ids) + len(others) > CANDIDATES_MAX:
        return None
    if not len(others):
        return _Candidates(rowids, ids)
    more = _Candidates.of_texts(
        *_run(
            store,
            "SELECT group_concat(fts_rowid), group_concat(article_id) FROM article_search"
            " WHERE article_id IN (SELECT value FROM json_each(?))",
            [json.dumps(others.tolist())],
        )[0]
    )
    return _Candidates(np.concatenate([rowids, more.rowids]), np.concatenate([ids, more.ids]))


def _candidates_of_map(
    store: Store,
    articles: _ArticleMap,
    source: str | None,
    lower: int,
    upper: int,
    rowid_range: tuple[int, int],
    event_kind: EventKind | None,
) -> tuple[_Candidates | None, bool]:
    """_candidates from the article map, when the window has read it for the index as it
    is: the published taken from it, the ids of the mentioning articles and of the source
    (which the map does not hold) read as before and given their rowids by it.  The
    second value is False when an id read is not in the map (the store changed since the
    index was read): the caller reads the rowids from the store instead.

    At a million articles the rowids of two years' 80,000 mentioning articles not
    published in them were looked up one by one in the id map (37-47 ms), and the
    published read with theirs in a walk of the range (11-18 ms).  The filters' reads
    with the map (CPU, the bench's queries, load 5-6): a source and two years published
    27.0 -> 14.6 ms, mentioned 29.7 -> 24.9, either 46.5 -> 29.5; either without a source
    76.5 -> 39.6 (of which 15 the JSON of its 150,000 rowids, which the reads' texts gave).
    """
    of_source = None
    if source is not None:
        of_source = _int_array(
            _run(store, "SELECT group_concat(id) FROM articles WHERE source = ?", [source])
        )
    mentioning = None
    if event_kind != "published":
        mentioned_ids, mentioned_params = _mentioned_ids(lower, upper)
        mentioning = _int_array(
            _run(store, f"SELECT group_concat(article_id) FROM ({mentioned_ids})", mentioned_params)
        )
    published = (lower, upper, *rowid_range) if event_kind != "mentioned" else None
    passing = articles.passing(published, mentioning, of_source)
    if passing is None:
        return None, False
    rowids, ids = passing
    if len(rowids) > CANDIDATES_MAX:
        return None, True
    return _Candidates(rowids, ids), True


# Ids spanning at most this many values (or this many times their number) are looked
# up in a table of flags, one byte a value; others by a binary search.
_TABLE_SPAN = 1 << 22
_TABLE_SPAN_PER_VALUE = 32


def _found_in(values: np.ndarray, known: np.ndarray) -> np.ndarray:
    """A mask of the values found among known (an array in any order).

    Article ids run from 1 with few gaps, so a table of flags over their span answers
    each value at once: 77,000 published ids among a source's 93,000 at a million
    articles, 0.3 ms, where a binary search took 8.5 (2.3 with the values sorted first).
    """
    if not len(known) or not len(values):
        return np.zeros(len(values), dtype=bool)
    low = min(int(values.min()), int(known.min()))
    span = max(int(values.max()), int(known.max())) - low + 1
    if span <= max(_TABLE_SPAN, _TABLE_SPAN_PER_VALUE * (len(values) + len(known))):
        table = np.zeros(span, dtype=bool)
        table[known - low] = True
        return table[values - low]
    known = np.sort(known, kind="stable")  # (nearly free when sorted already)
    at = np.searchsorted(known, values)
    at[at == len(known)] = 0
    return known[at] == values


def _within(values: np.ndarray, known: np.ndarray) -> np.ndarray:
    """The values found among known, sorted, each once (np.intersect1d without its
    hashed unique, which cost 2 ms for 16,000 values; this costs a quarter of it)."""
    found = np.sort(values[_found_in(values, known)])
    return found[np.concatenate(([True], found[1:] != found[:-1]))] if len(found) else found


def _matching_sql(
    store: Store,
    expression: str,
    source: str | None,
    date_from: int | None,
    date_to: int | None,
    event_kind: EventKind | None,
    *,
    join: bool = False,
    reads: _Reads | None = None,
) -> tuple[str, list[object]]:
    """FROM ... WHERE ... of the articles matching an FTS expression and filters.

    The index is article_fts; the id map article_search is joined as s when a filter
    needs it or join is true.  reads keeps what was read once for one search.
    """
    reads = _Reads() if reads is None else reads
    if event_kind not in (None, "published", "mentioned"):
        raise SearchError(f"Unknown kind of date: {event_kind!r}")
    if date_from is not None and date_to is not None and date_to <= date_from:
        raise SearchError(MESSAGES["dates_reversed"])
    dated = date_from is not None or date_to is not None
    lower, upper, lo, hi = _date_bounds(store, date_from, date_to, reads)
    candidates = None
    if dated:
        candidates = _candidates(store, source, lower, upper, (lo, hi), event_kind, reads)
    filtered = source is not None or dated
    # Without filters the index alone answers (each of its rows is one article): joining
    # the id map to every hit costs 4 times the count of a common word.
    sql = " FROM article_fts"
    params: list[object] = []
    if candidates is not None:
        # Each row of the word's list is looked up in the filters' rowids: as a join on
        # them, materialized (the LIMIT keeps SQLite from flattening the subquery into a
        # scan of the list for every row), SQLite indexes them and puts a Bloom filter
        # before the index, so a row not among them costs a hash, not a seek: 20 ns
        # where "+rowid IN (list)" cost 90 (a word in 94% of 100,000 articles: 8 ms ->
        # 2 ms).  CROSS keeps the word's list outer (its rows, and so the hits, come in
        # rowid order as before); the + keeps SQLite from handing the index one rowid
        # at a time (a seek in a common word's list, 0.1 ms each, and 6 ms with bm25,
        # which counts the word's articles again for every seek).
        sql += (
            " CROSS JOIN (SELECT value AS r FROM json_each(?) LIMIT -1) AS c"
            " ON c.r = +article_fts.rowid"
        )
        params.append(candidates.as_json)
    if (filtered and candidates is None) or join:
        # (CROSS after the filters' rowids, so that they are looked up first.)
        sql += f" {'' if candidates is None else 'CROSS '}JOIN article_search s"
        sql += " ON s.fts_rowid = article_fts.rowid"
    sql += " WHERE article_fts MATCH ?"
    params.append(expression)
    if candidates is not None:
        # The rowid bounds let the index skip to the first candidate and stop after the
        # last, when they leave out enough of it to pay for their checks.
        if _bounds_pay(store, candidates, reads):
            sql += " AND article_fts.rowid >= ? AND article_fts.rowid <= ?"
            params += [candidates.first, candidates.last]
        return sql, params
    # The filters on the stored values; the articles the user's corrections move in or
    # out of them are put right after (shown_filters: few, said by hand).
    moves = reads.moves_of(store, source, (lower, upper) if dated else None, event_kind)
    conditions: list[str] = []
    condition_params: list[object] = []
    if source is not None:
        # Read from the articles_source index: a set of ids, probed once per hit.
        conditions.append("s.article_id IN (SELECT id FROM articles WHERE source = ?)")
        condition_params.append(source)
    if dated:
        _date_conditions(event_kind, lo, hi, lower, upper, conditions, condition_params)
    if moves.empty:
        sql += "".join(f" AND {c}" for c in conditions)
        return sql, params + condition_params
    # (Without the rowid bounds the index could be given: the walk of the whole list,
    # only while a correction crosses these filters.)
    sql += (
        f" AND (({' AND '.join(conditions)}) OR s.article_id IN (SELECT value FROM json_each(?)))"
        " AND s.article_id NOT IN (SELECT value FROM json_each(?))"
    )
    params += [*condition_params, json.dumps(moves.into.tolist()), json.dumps(moves.out.tolist())]
    return sql, params


def _date_bounds(
    store: Store, date_from: int | None, date_to: int | None, reads: _Reads
) -> tuple[int, int, int, int]:
    """A date filter's [lower, upper) in seconds, clamped a little wider than any stored
    date (so that the comparison stays exact), and the index rowids [lo, hi) that hold
    every article published in it."""
    lo = _rowid_minute(date_from if date_from is not None else -_MAX_SECONDS)
    lower = -(_MAX_SECONDS << 1) if date_from is None else _clamp(date_from, 1)
    upper = _MAX_SECONDS << 1 if date_to is None else _clamp(date_to, 1)
    if date_to is None:
        return lower, upper, lo, 1 << 62
    # A rowid is at or after its article's minute and runs on only through held rowids:
    # every article published before date_to has a rowid below this.
    at = _rowid_minute(date_to)
    if at not in reads.free:
        reads.free[at] = int(_run(store, _FIRST_FREE, {"at": at})[0][0])
    return lower, upper, lo, reads.free[at]


def _date_conditions(
    event_kind: EventKind | None,
    lo: int,
    hi: int,
    lower: int,
    upper: int,
    conditions: list[str],
    params: list[object],
) -> None:
    """_matching_sql's date filter on the stored dates, added to conditions and params."""
    # The rowid range lets the index skip to the range; published_start is exact.
    published = (
        "article_fts.rowid >= ? AND article_fts.rowid < ?"
        " AND s.published_start >= ? AND s.published_start < ?"
    )
    # An event [start, end) overlaps the range; a point has no end.  Checked on the
    # index's rowid (a set read once) rather than on the article id through the id map
    # (a lookup a hit of the word); the + keeps SQLite from asking the index for each
    # rowid of the set instead (measured: half the time, and ten times without the +).
    mentioned_ids, mentioned_params = _mentioned_ids(lower, upper)
    mentioned = (
        "+article_fts.rowid IN (SELECT fts_rowid FROM article_search WHERE article_id IN"
        f" ({mentioned_ids}))"
    )
    if event_kind == "published":
        conditions.append(published)
        params += [lo, hi, lower, upper]
    elif event_kind == "mentioned":
        conditions.append(mentioned)
        params += mentioned_params
    else:
        conditions.append(f"(({published}) OR {mentioned})")
        params += [lo, hi, lower, upper, *mentioned_params]


def _run(
    store: Store,
    sql: str,
    params: Sequence[object] | Mapping[str, object],
    table: str = "article_fts",
) -> list[tuple]:
    """Run a read; table names the index that the statement's article_fts stands for."""
    if table != "article_fts":
        sql = _MAIN_INDEX.sub(table, sql)
    try:
        return store.db.conn.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        text = str(exc)
        if "interrupted" in text:
            raise SearchError(MESSAGES["too_much"]) from exc
        if "locked" in text or "busy" in text:
            raise SearchError(MESSAGES["busy"]) from exc
        raise SearchError(MESSAGES["failed"].format(detail=text)) from exc


def _pair_term(store: Store, query: Query) -> str | None:
    """The token of the word pairs' index (schema v13) that stands for the query when it
    is a phrase of two of the commonest words (first_second), else None.

    The rowids marked as written without their pairs, or with stale ones
    (search_unpaired), are checked one by one (_marked_pairs); while more than
    MARKED_MAX are marked, None: the phrase is found in the main index, the slow way,
    until fill_word_pairs.
    """
    if len(query.groups) != 1 or query.groups[0].excluded or len(query.terms) != 1:
        return None
    term = query.terms[0]
    # A compound name (عبد الله) is found written as one word too: the main index.
    if term.prefix or len(term.tokens) != 2 or term.alternatives:
        return None
    words = sorted(set(term.tokens))
    try:
        held, marked = store.db.conn.execute(
            f"SELECT (SELECT count(*) FROM search_pair_words WHERE word IN"
            f" ({','.join('?' * len(words))})),"
            " (SELECT count(*) FROM (SELECT 1 FROM search_unpaired LIMIT ?))",
            [*words, MARKED_MAX + 1],
        ).fetchone()
    except sqlite3.Error:  # a store opened read-only before its migration to v13
        return None
    if held != len(words) or marked > MARKED_MAX:
        return None
    return "_".join(term.tokens)


# At most this many rowids marked as without their word pairs are checked one by one
# (their article's text cut into pairs, 0.15 ms each); more, and a phrase is read from
# the main index.
MARKED_MAX = 1_000


def _marked_pairs(store: Store, pair: str) -> tuple[set[int], dict[int, tuple[float, int]]]:
    """The rowids marked in search_unpaired (whatever the pair index says of them is not
    to be trusted), and those of them whose article holds the pair now: rowid ->
    (its column-weighted count, its place: 0 title, 1 lead, 2 body)."""
    rows = _run(
        store,
        "SELECT u.fts_rowid, a.title, a.body FROM search_unpaired u"
        " LEFT JOIN article_search s ON s.fts_rowid = u.fts_rowid"
        " LEFT JOIN articles a ON a.id = s.article_id",
        [],
    )
    marked = {rowid for rowid, _, _ in rows}
    found: dict[int, tuple[float, int]] = {}
    if not rows:
        return marked, found
    words = pair_words(store.db.conn)
    for rowid, title, body in rows:
        if title is None:
            continue  # no article holds the rowid now
        parts = search_parts(title, body) or stored_search_parts(store.db.conn, rowid)
        body_pairs, title_pairs, lead_pairs = (
            text.split().count(pair) for text in pair_parts(parts, words)
        )
        if body_pairs or title_pairs or lead_pairs:
            frequency = float(body_pairs + TITLE_WEIGHT * title_pairs + LEAD_WEIGHT * lead_pairs)
            found[rowid] = (frequency, 0 if title_pairs else 1 if lead_pairs else 2)
    return marked, found


_PAIR_INSTANCES = "temp.article_pair_instances"
# bm25 as FTS5 computes it (its fts5_aux.c), for a phrase ranked from the word pairs.
_BM25_K1 = 1.2
_BM25_B = 0.75


def _ranked_pairs(
    store: Store,
    pair: str,
    where: str,
    params: list[object],
    filters: tuple[str | None, int | None, int | None, EventKind | None],
    order: Order,
    limit: int,
    offset: int,
) -> tuple[list[tuple[int, float | None]], int]:
    """The page of a two-word phrase read from the word pairs' index and its number of
    hits, in the order the main index gives it (_ranked_in_one_pass, _ranked).

    The pair's occurrences (article, column) are read once, with no bm25: where they
    are gives each hit's tier, and how often, weighted by column, its bm25 term
    frequency.  bm25 is then computed as FTS5 computes it over the main index (the
    article's length in tokens, the index's mean length, the idf of the phrase's
    count of articles, which the pair's is), for the tiers on the page only; so the
    page is the main index's, without the phrase's positions compared in every article
    holding both words, twice.  A pair in many articles, unfiltered, is read a tier at
    a time instead (_ranked_pair_tiers).
    """
    marked, marked_found = _marked_pairs(store, pair)
    if not marked and not any(v is not None for v in filters[:3]):
        by_tier = _ranked_pair_tiers(store, pair, order, limit, offset)
        if by_tier is not None:
            return by_tier
    _run(
        store,
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {_PAIR_INSTANCES}"
        " USING fts5vocab(main, article_pairs, 'instance')",
        [],
    )
    # As arrays: a pair of common words is in tens of thousands of articles, and only
    # the tiers on the page are looked at one by one.
    docs, frequencies, places = _pair_occurrences(store, pair)
    if marked:
        keep = ~np.isin(docs, np.fromiter(marked, dtype=np.int64, count=len(marked)))
        docs = np.concatenate((docs[keep], np.array(list(marked_found), dtype=np.int64)))
        frequencies = np.concatenate(
            (frequencies[keep], np.array([f for f, _ in marked_found.values()], dtype=float))
        )
        places = np.concatenate(
            (places[keep], np.array([p for _, p in marked_found.values()], dtype=places.dtype))
        )
    in_index = len(docs)  # the phrase's count of articles (bm25's idf)
    if any(v is not None for v in filters[:3]):
        kept = {r for (r,) in _run(store, f"SELECT article_fts.rowid{where}", params, _PAIRS)}
        kept |= _filtered_rowids(store, filters, list(marked_found))
        keep = np.isin(docs, np.fromiter(kept, dtype=np.int64, count=len(kept)))
        docs, frequencies, places = docs[keep], frequencies[keep], places[keep]
    total = len(docs)
    if order == "newest":
        newest = np.sort(docs)[::-1][offset : offset + limit].tolist()
        return [(r, None) for r in newest], total

    def newest_of(k: int, count: int) -> list[int]:
        return np.sort(docs[places == k])[::-1][:count].tolist()

    def scored_of(k: int) -> list[tuple[int, float]]:
        in_tier = places == k
        tier = list(zip(docs[in_tier].tolist(), frequencies[in_tier].tolist(), strict=True))
        return _bm25_of_main_index(store, tier, in_index)

    sizes = np.bincount(places, minlength=3).tolist()
    page = _pair_page(lambda k: sizes[k], newest_of, scored_of, total, limit, offset)
    assert page is not None  # (scored_of always scores)
    return page, total


def _pair_page(
    size_of: Callable[[int], int],
    newest_of: Callable[[int, int], list[int]],
    scored_of: Callable[[int], list[tuple[int, float]] | None],
    total: int,
    limit: int,
    offset: int,
) -> list[tuple[int, float | None]] | None:
    """The page of a pair's hits from its three tiers (0 title, 1 lead, 2 body), each
    asked for only when the page reaches it: its size, its count newest articles, or
    its articles' (rowid, bm25) (None: they could not be scored, and neither can the
    page).  A tier is ordered as _ranked orders one: by score, newest first when it and
    the pair's articles are too many to score."""
    rows: list[tuple[int, float | None]] = []
    position = 0
    for k in range(3):
        if len(rows) >= limit:
            break  # (the next tier is not read)
        size = size_of(k)
        skip = max(0, offset - position)
        take = min(limit - len(rows), size - skip)
        position += size
        if take <= 0:
            continue
        if total > PHRASE_ONE_PASS and size > RANK_WINDOW:
            rows += [(r, None) for r in newest_of(k, skip + take)[skip:]]
            continue
        found = scored_of(k)
        if found is None:
            return None
        scored = [(k * _TIER_SPAN + score, rowid) for rowid, score in found]
        scored.sort(key=lambda item: (item[0], -item[1]))
        rows += [(rowid, rank) for rank, rowid in scored[skip : skip + take]]
    return rows


def _ranked_pair_tiers(
    store: Store, pair: str, order: Order, limit: int, offset: int
) -> tuple[list[tuple[int, float | None]], int] | None:
    """_ranked_pairs for a pair in more than PHRASE_ONE_PASS articles, with no filter and
    nothing marked: the same page, read a tier at a time (None: read it the other way).

    Reading every occurrence of such a pair (an 'instance' row each, 232,063 for a pair
    in a fifth of a million articles) cost 130 ms, and the page needs only its tiers:
    each tier's articles are found by FTS5 itself with a column filter (the title; the
    title or lead) and a tier too large to score is read newest first, as before.  A
    tier to score (at most RANK_WINDOW articles) needs each article's weighted count of
    the pair, which only bm25 over the pairs' index gives: its score is inverted
    (_pair_frequencies), and bm25 over the main index computed from the counts as before.
    """
    phrase = f'"{pair}"'
    total = int(
        _run(store, "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", [phrase], _PAIRS)[
            0
        ][0]
    )
    if total <= PHRASE_ONE_PASS:
        return None  # every tier on the page is scored: the occurrences are the cheap way
    if order == "newest":
        newest = _run(
            store,
            "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid DESC"
            " LIMIT ? OFFSET ?",
            [phrase, limit, offset],
            _PAIRS,
        )
        return [(r, None) for (r,) in newest], total
    tiers = _PairTiers(store, phrase, total)

    def scored_of(k: int) -> list[tuple[int, float]] | None:
        docs = tiers.docs(k)
        counted = _pair_frequencies(store, phrase, docs, total)
        if counted is None:
            return None
        frequencies, sizes = counted
        tier = list(zip(docs.tolist(), frequencies.tolist(), strict=True))
        return _bm25_of_main_index(store, tier, total, sizes)

    page = _pair_page(tiers.size, tiers.newest, scored_of, total, limit, offset)
    return None if page is None else (page, total)


class _PairTiers:
    """The articles of a pair by tier (0: in the title; 1: in the lead, not the title;
    2: in the body alone), each read when first asked for, as sorted rowid arrays."""

    _COLUMNS = ("{title}", "{title lead}")

    def __init__(self, store: Store, phrase: str, total: int) -> None:
        self._store = store
        self._phrase = phrase
        self._total = total
        self._within: dict[int, np.ndarray] = {}  # 0: title; 1: title or lead

    def _read(self, expression: str) -> np.ndarray:
        return _int_array(
            _run(
                self._store,
                "SELECT group_concat(rowid) FROM article_fts WHERE article_fts MATCH ?",
                [expression],
                _PAIRS,
            )
        )

    def _up_to(self, k: int) -> np.ndarray:
        """The articles of tiers 0 to k (k is 0 or 1), sorted."""
        if k not in self._within:
            self._within[k] = np.sort(self._read(f"{self._COLUMNS[k]}: {self._phrase}"))
        return self._within[k]

    def size(self, k: int) -> int:
        if k == 0:
            return len(self._up_to(0))
        if k == 1:
            return len(self._up_to(1)) - len(self._up_to(0))
        return self._total - len(self._up_to(1))

    def docs(self, k: int) -> np.ndarray:
        if k == 0:
            return self._up_to(0)
        if k == 1:
            return np.setdiff1d(self._up_to(1), self._up_to(0), assume_unique=True)
        every = np.sort(self._read(self._phrase))
        return np.setdiff1d(every, self._up_to(1), assume_unique=True)

    def newest(self, k: int, count: int) -> list[int]:
        """The count newest articles of tier k, newest first."""
        if k < 2:
            return self.docs(k)[::-1][:count].tolist()
        # The body tier: the pair's list read newest first, past the articles of the
        # other tiers, only as far as the page needs.
        other = set(self._up_to(1).tolist())
        found: list[int] = []
        below: list[object] = []  # the last rowid read: the next batch starts under it
        while len(found) < count:
            batch = _run(
                self._store,
                "SELECT rowid FROM article_fts WHERE article_fts MATCH ?"
                f"{' AND rowid < ?' if below else ''} ORDER BY rowid DESC LIMIT 1000",
                [self._phrase, *below],
                _PAIRS,
            )
            if not batch:
                break
            found += [r for (r,) in batch if r not in other]
            below = [batch[-1][0]]
        return found[:count]


def _pair_frequencies(
    store: Store, phrase: str, docs: np.ndarray, in_index: int
) -> tuple[np.ndarray, dict[int, bytes]] | None:
    """Each article's count of a pair weighted by column as bm25 weighs it (body 1,
    TITLE_WEIGHT, LEAD_WEIGHT), for a few articles holding it (sorted rowids), and their
    docsize records in the main index; None when the counts do not come out whole (they
    always do: the weights are whole numbers).

    bm25 over the pairs' index is score = idf * f * (k1 + 1) / (f + K), with K from the
    article's length in that index (its docsize record) and idf from the pair's count of
    articles there: solved for f.  The articles are looked up against the pair's list as
    _matching_sql looks up a filter's rowids (a Bloom filter, no seek a row), their
    records read in the same statement.
    """
    if not len(docs):
        return np.zeros(0), {}
    found = _run(
        store,
        f"SELECT article_fts.rowid, {_SCORE},"
        f" (SELECT sz FROM {_PAIRS}_docsize WHERE id = article_fts.rowid),"
        " (SELECT sz FROM article_fts_docsize WHERE id = article_fts.rowid)"
        " FROM article_fts CROSS JOIN (SELECT value AS r FROM json_each(?) LIMIT -1) AS c"
        " ON c.r = +article_fts.rowid"
        " WHERE article_fts MATCH ? AND article_fts.rowid >= ? AND article_fts.rowid <= ?",
        [json.dumps(docs.tolist()), phrase, int(docs[0]), int(docs[-1])],
        _PAIRS,
    )
    if len(found) != len(docs) or any(row[2] is None or row[3] is None for row in found):
        return None
    found.sort()
    rows, tokens = _index_totals(store, _PAIRS)
    idf = math.log((rows - in_index + 0.5) / (in_index + 0.5))
    if idf <= 0.0:
        idf = 1e-6
    mean = tokens / rows
    k1, b = _BM25_K1, _BM25_B
    score = -np.array([row[1] for row in found]) / idf
    size = _varints_sums([row[2] for row in found]).astype(float)
    frequencies = score * (k1 * (1 - b + b * size / mean)) / (k1 + 1.0 - score)
    whole = np.rint(frequencies)
    if float(np.max(np.abs(frequencies - whole))) > 1e-6:
        return None
    return whole, {row[0]: row[3] for row in found}


# The weight of a pair's occurrence by its place (0 title, 1 lead, 2 body), as bm25's.
_PLACE_WEIGHTS = np.array([TITLE_WEIGHT, LEAD_WEIGHT, 1.0])


def _pair_occurrences(store: Store, pair: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The articles whose pair index holds the pair, in rowid order, as arrays: their
    rowids, their column-weighted counts of it and their places (0 title, 1 lead, 2
    body; the first it is in).

    The occurrences come from the 'instance' table as two strings, their articles and
    their places, summed by article here: grouping them in SQL (a sort, and a row and a
    Python tuple an article) cost twice as much for a pair of common words (20,664
    articles: 44 against 22 ms).  The counts are whole numbers times whole weights, so
    the sums are the same doubles in any order.
    """
    docs_text, places_text = _run(
        store,
        "SELECT group_concat(doc), group_concat(CASE col WHEN 'title' THEN 0 WHEN 'lead'"
        f" THEN 1 ELSE 2 END, '') FROM {_PAIR_INSTANCES} WHERE term = ?",
        [pair],
    )[0]
    if not docs_text:
        return np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0, dtype=np.int64)
    docs = np.array(docs_text.split(","), dtype=np.int64)
    places = (np.frombuffer(places_text.encode("ascii"), dtype=np.uint8) - ord("0")).astype(
        np.int64
    )
    if len(docs) > 1 and bool(np.any(docs[1:] < docs[:-1])):
        order = np.argsort(docs, kind="stable")  # (the table gives them in rowid order)
        docs, places = docs[order], places[order]
    starts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
    frequencies = np.add.reduceat(_PLACE_WEIGHTS[places], starts)
    return docs[starts], frequencies, np.minimum.reduceat(places, starts)


def _filtered_rowids(
    store: Store,
    filters: tuple[str | None, int | None, int | None, EventKind | None],
    rowids: list[int],
) -> set[int]:
    """Those of a few index rowids whose articles pass the filters (checked apart from
    the words, for the rowids the pair index does not know)."""
    if not rowids:
        return set()
    source, date_from, date_to, event_kind = filters
    passing = filtered_article_ids(
        store, source=source, date_from=date_from, date_to=date_to, event_kind=event_kind
    )
    held = _run(
        store,
        "SELECT fts_rowid, article_id FROM article_search"
        " WHERE fts_rowid IN (SELECT value FROM json_each(?))",
        [json.dumps(rowids)],
    )
    at = np.searchsorted(passing, [article_id for _, article_id in held])
    return {
        rowid
        for (rowid, article_id), i in zip(held, at.tolist(), strict=True)
        if i < len(passing) and int(passing[i]) == article_id
    }


def _bm25_of_main_index(
    store: Store,
    hits: list[tuple[int, float]],
    in_index: int,
    sizes: Mapping[int, bytes] | None = None,
) -> list[tuple[int, float]]:
    """(rowid, bm25) of one phrase's hits, given each hit's weighted count of it, as
    bm25(article_fts, 1, TITLE_WEIGHT, LEAD_WEIGHT) gives them (same operations, same
    order, so the same doubles); sizes: the hits' docsize records, when already read."""
    rows, tokens = _index_totals(store)
    idf = math.log((rows - in_index + 0.5) / (in_index + 0.5))
    if idf <= 0.0:
        idf = 1e-6
    mean = tokens / rows
    if sizes is None:
        sizes = dict(
            _run(
                store,
                "SELECT id, sz FROM article_fts_docsize"
                " WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps([r for r, _ in hits])],
            )
        )
    k1, b = _BM25_K1, _BM25_B
    rowids = [rowid for rowid, _ in hits]
    frequency = np.array([f for _, f in hits], dtype=float)
    size = _varints_sums([sizes.get(rowid, b"") for rowid in rowids]).astype(float)
    # Elementwise, the operations of fts5_aux.c in its order (numpy's float64 ufuncs
    # round each one as C does, none fused).
    score = 0.0 + idf * ((frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + b * size / mean)))
    return list(zip(rowids, (-1.0 * score).tolist(), strict=True))


def _index_totals(store: Store, table: str = "article_fts") -> tuple[int, int]:
    """An index's row count and its token count over every column (its averages
    record: varints, the rows then each column's tokens); the main index by default."""
    found = _run(store, f"SELECT block FROM {table}_data WHERE id = 1", [])
    values = _varints(bytes(found[0][0])) if found else [0]
    return max(values[0], 1), sum(values[1:])


def _varints_sums(blobs: Sequence[bytes]) -> np.ndarray:
    """The sum of the SQLite varints of each blob (a docsize record: tokens per column),
    as an int64 array: the bytes of all of them decoded at once, a varint's byte
    weighing 128 to the power of the bytes after it in the varint."""
    joined = np.frombuffer(b"".join(blobs), dtype=np.uint8)
    if not len(joined):
        return np.zeros(len(blobs), dtype=np.int64)
    ends = np.flatnonzero(joined < 0x80)  # the last byte of each varint
    if joined[-1] >= 0x80:  # a damaged record: its last varint ends with it
        ends = np.append(ends, len(joined) - 1)
    after = ends[np.searchsorted(ends, np.arange(len(joined)))] - np.arange(len(joined))
    parts = (joined & 0x7F).astype(np.int64) << (7 * after)
    lengths = np.fromiter((len(blob) for blob in blobs), dtype=np.int64, count=len(blobs))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    sums = np.zeros(len(blobs), dtype=np.int64)
    held = lengths > 0
    sums[held] = np.add.reduceat(parts, starts[held])
    return sums


def _varints(blob: bytes) -> list[int]:
    """The SQLite varints of a blob (7 bits a byte, high bit set on all but the last;
    the 9-byte form never occurs in token counts)."""
    values: list[int] = []
    value, i = 0, 0
    while i < len(blob):
        byte = blob[i]
        value = (value << 7) | (byte & 0x7F)
        i += 1
        if byte < 0x80:
            values.append(value)
            value = 0
    return values


@contextlib.contextmanager
def _time_limit(store: Store, seconds: float | None) -> Iterator[None]:
    """Interrupt the store's queries after seconds (a prefix like ال* reads half the index)."""
    if seconds is None:
        yield
        return
    deadline = [time.monotonic() + seconds]  # moved on by _limit_paused
    conn = store.db.conn
    conn.set_progress_handler(lambda: time.monotonic() > deadline[0], _PROGRESS_STEPS)
    outer = getattr(_LIMITS, "deadline", None)
    _LIMITS.deadline = deadline
    try:
        yield
    finally:
        _LIMITS.deadline = outer
        conn.set_progress_handler(None, 0)


# The deadline of the search running on each thread (_time_limit's), for _limit_paused.
_LIMITS = threading.local()


@contextlib.contextmanager
def _limit_paused() -> Iterator[None]:
    """The search's time limit stopped meanwhile: the article map read for it, or
    waited for while another thread reads it, is no part of the query's own work (at
    3,880,000 articles it takes 1.5-4 s by the machine's load, and a common word's
    search waited for it and then ran out of its 3 s: "took too long")."""
    deadline = getattr(_LIMITS, "deadline", None)
    if deadline is None:
        yield
        return
    started = time.monotonic()
    left = deadline[0] - started
    deadline[0] = math.inf
    try:
        yield
    finally:
        deadline[0] = time.monotonic() + left


_VOCAB = "temp.article_vocab"


def _vocabulary_table(store: Store) -> str:
    """The index's vocabulary (an fts5vocab table on this connection)."""
    _run(
        store,
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {_VOCAB} USING fts5vocab(main, article_fts, 'row')",
        [],
    )
    return _VOCAB


def _doc_count(store: Store, term: str) -> int:
    rows = _run(store, f"SELECT doc FROM {_vocabulary_table(store)} WHERE term = ?", [term])
    return int(rows[0][0]) if rows else 0


def _terms_from(store: Store, prefixes: Sequence[str], skip: Iterable[str] = ()) -> list[str]:
    """Every index term that starts with one of prefixes, but the terms of skip.

    Read from the index's leaf pages (index_terms): the vocabulary walks each term's
    whole list of articles, 30-110 ms for a range that holds a word of most of a million
    articles, where the pages cost a few.  A term may remain there after every article
    holding it was deleted (until FTS5 merges its segments): callers check the terms
    they keep.  Where the pages cannot be read (an FTS5 format this reader does not
    know, or a write in progress on this connection, whose terms are not on the pages
    yet), the vocabulary answers, with the known terms cut out of its ranges.
    """
    skipped = set(skip)
    if not store.db.conn.in_transaction:
        try:
            read = terms_in_ranges(
                store.db.conn, "article_fts", [(p, p + "\U0010ffff") for p in prefixes]
            )
        except sqlite3.Error:
            read = None  # (the vocabulary's read says why, as every read does)
        if read is not None:
            return [t for terms in read for t in terms if t not in skipped]
    vocab = _vocabulary_table(store)
    ranges: list[tuple[str, str]] = []
    for prefix in prefixes:
        low, high = prefix, prefix + "\U0010ffff"
        for term in sorted(t for t in skip if low <= t < high):
            ranges.append((low, term))
            low = term + "\x01"  # just after the term: every longer term sorts after it
        ranges.append((low, high))
    sql = " UNION ALL ".join(
        f"SELECT term FROM {vocab} WHERE term >= ? AND term < ?" for _ in ranges
    )
    return [row[0] for row in _run(store, sql, [bound for pair in ranges for bound in pair])]


# A one-word prefix in an FTS expression ("الم"*), and the most terms it is written as.
_PREFIX_TERM = re.compile(r'"([^" ]+)"\*')
PREFIX_TERMS_MAX = 2_000


def _unprefixed(store: Store, expression: str) -> str:
    """expression with each one-word prefix written as its index terms joined by OR,
    for a read that stops early (a LIMIT) and does not rank.

    FTS5 merges the lists of all a prefix's terms whole, with their positions, for
    every read of it, whatever its LIMIT; an OR of the terms walks each list only as
    far as the read goes.  At a million articles a capped count of المو* (75 terms) took
    78 ms and of وال* (834 terms) 428 ms, as an OR 7 and 67; the newest 5,001 hits 88
    and 9 ms.  The hits are the same (a prefix matches exactly the terms that start
    with it), but not bm25's score (a prefix is one phrase to it, an OR one term each):
    reads that rank keep the prefix, and so does a read of every hit (the OR's merge
    steps through every term for each hit), and so does an expression with AND.  A
    prefix of more than PREFIX_TERMS_MAX terms, or whose terms cannot be read from the
    pages, stays as it is.
    """
    prefixes = _PREFIX_TERM.findall(expression)
    if not prefixes or store.db.conn.in_transaction or " AND " in expression:
        # (With AND, FTS5 moves each of the OR's terms to every rowid the other side
        # holds: الم* قمة took 2.8 s as an OR, 2.1 as a prefix.)
        return expression
    if expression.lstrip("(").startswith("{"):
        # A read of some columns only (a tier: the title, or the title and lead) steps
        # each of the OR's terms past every article holding it elsewhere, however few
        # of them hold it there; a prefix of four letters or more merges few short
        # lists whole faster (at a million articles, a title tier's first 5,001 hits:
        # والم* 37 -> 13 ms, الاس* 26 -> 19, التر* 13 -> 4; 12 such prefixes 163 -> 108
        # ms in all).  A three-letter one stands for terms of too many articles to merge
        # (الس* 28 -> 64 ms, الل* 17 -> 47): those stay an OR.
        prefixes = [p for p in prefixes if len(p) <= MIN_PREFIX]
        if not prefixes:
            return expression
    written: dict[str, str] = {}
    for prefix in prefixes:
        if (terms_or := _prefix_terms_or(store, prefix)) is not None:
            written[prefix] = terms_or
    return _PREFIX_TERM.sub(lambda m: written.get(m.group(1), m.group(0)), expression)


def _matching_and_capped(
    store: Store,
    expression: str,
    filters: tuple[str | None, int | None, int | None, EventKind | None],
    reads: _Reads,
) -> tuple[tuple[str, list[object]], tuple[str, list[object]]]:
    """_matching_sql of expression, and of its _unprefixed form for the capped reads
    that do not rank (the same statement when it has no prefix to write out)."""
    matching = _matching_sql(store, expression, *filters, reads=reads)
    unprefixed = _unprefixed(store, expression)
    if unprefixed == expression:
        return matching, matching
    return matching, _matching_sql(store, unprefixed, *filters, reads=reads)


def _prefix_terms_or(store: Store, prefix: str) -> str | None:
    """A prefix's index terms joined by OR, None when there are none, more than
    PREFIX_TERMS_MAX or they cannot be read from the pages."""
    return _prefix_terms(store, prefix)[0]


def _prefix_terms(store: Store, prefix: str) -> tuple[str | None, int | None]:
    """(_prefix_terms_or, how many terms the prefix stands for: None if unknown)."""
    key = (str(store.path), _index_version(store), prefix)
    if key not in _PREFIX_CACHE:
        try:
            read = terms_in_ranges(store.db.conn, "article_fts", [(prefix, prefix + "\U0010ffff")])
        except sqlite3.Error:
            read = None
        terms = read[0] if read is not None else None
        written = (
            "(" + " OR ".join('"' + t.replace('"', '""') + '"' for t in terms) + ")"
            if terms and len(terms) <= PREFIX_TERMS_MAX
            else None
        )
        _PREFIX_CACHE[key] = (written, None if terms is None else len(terms))
        if len(_PREFIX_CACHE) > _FORMS_CACHE_SIZE:
            _PREFIX_CACHE.popitem(last=False)
    _PREFIX_CACHE.move_to_end(key)
    return _PREFIX_CACHE[key]


# A prefix's terms as an OR (None: left a prefix) and how many they are (None: not
# known), by (database, the index's structure record, prefix): a search reads them for
# its count and for each tier's capped read.
_PREFIX_CACHE: OrderedDict[tuple[str, bytes, str], tuple[str | None, int | None]] = OrderedDict()


def _in_index(store: Store, term: str) -> bool:
    """Whether the index holds a term (its first article only is read)."""
    quoted = '"' + term.replace('"', '""') + '"'
    return bool(
        _run(store, "SELECT 1 FROM article_fts WHERE article_fts MATCH ? LIMIT 1", [quoted])
    )


# Forms found, by (database, the index's structure record, word).  FTS5 rewrites its
# structure record (id 10 of article_fts_data) whenever any connection changes the
# index, so a cached answer is never stale: the window asks for the same word's forms
# for every article it shows.
_FORMS_CACHE: OrderedDict[tuple[str, bytes, str], tuple[str, ...]] = OrderedDict()
_FORMS_CACHE_SIZE = 512


def _index_version(store: Store) -> bytes:
    rows = _run(store, "SELECT block FROM article_fts_data WHERE id = 10", [])
    return bytes(rows[0][0]) if rows else b""


def word_forms(store: Store, token: str) -> tuple[str, ...]:
    """The forms of a plain (normalized) word that the index holds: كوريا -> بكوريا, ...

    The word itself comes first; see timeline/text/stemmer.py for what a form is.
    """
    key = (str(store.path), _index_version(store), token)
    if key in _FORMS_CACHE:
        _FORMS_CACHE.move_to_end(key)
        return _FORMS_CACHE[key]
    counts: dict[str, int] = {}

    def doc_count(term: str) -> int:
        if term not in counts:
            counts[term] = _doc_count(store, term)
        return counts[term]

    base = query_base(token, doc_count)
    skip = {token, base}
    found = {
        t
        for t in _terms_from(store, scan_prefixes(base), skip)
        if is_form_of(t, base) and _in_index(store, t)  # not only in deleted articles
    }
    if base != token and (counts[base] > 0 if base in counts else _in_index(store, base)):
        found.add(base)
    found.discard(token)
    forms = (token, *sorted(found))
    _FORMS_CACHE[key] = forms
    if len(_FORMS_CACHE) > _FORMS_CACHE_SIZE:
        _FORMS_CACHE.popitem(last=False)
    return forms


def _expand(store: Store, query: Query) -> dict[str, tuple[str, ...]]:
    return {token: word_forms(store, token) for token in query.expandable_tokens}


# The ranking's tiers, best first: in which form every word is found (as typed, then
# any form: the exact form ranks above a match by another form only) and where (title;
# title or lead; anywhere).  Each is given as the column filter and whether the typed
# forms are meant; an article belongs to the first tier it matches.
_TIERS: tuple[tuple[str | None, bool], ...] = (
    ("{title}", True),
    ("{title lead}", True),
    (None, True),
    ("{title}", False),
    ("{title lead}", False),
    (None, False),
)


def _tier_expressions(query: Query, forms: Forms) -> list[str]:
    """FTS expressions of the tiers' hits, each without the hits of the tiers before it."""
    matching = query.fts(forms)
    typed = query.fts(positive=True)
    expanded = query.fts(forms, positive=True)
    any_forms = typed != expanded
    excludes = any(group.excluded for group in query.groups)
    conditions: list[str] = []
    for columns, exact in _TIERS:
        words = typed if exact else expanded
        conditions.append(f"{columns} : ({words})" if columns else f"({words})")
    expressions: list[str] = []
    for k, condition in enumerate(conditions):
        if not any_forms and not _TIERS[k][1]:
            expressions.append("")  # no other forms: every hit is in a typed tier
            continue
        earlier = [c for c in conditions[:k] if c]
        # Without excluded words every condition implies the match: no need to repeat it.
        expr = f"({matching}) AND ({condition})" if excludes else condition
        if earlier:
            expr = f"({expr}) NOT ({' OR '.join(f'({c})' for c in earlier)})"
        expressions.append(expr)
    return expressions


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

    A plain word matches every form of it in the index (with clitics and endings); a
    quoted word or phrase matches as written.  Raises SearchError (with a message to
    show the user) and nothing else.
    """
    parsed = _as_query(query)
    limit, offset = max(0, int(limit)), max(0, int(offset))
    filters = (source, date_from, date_to, event_kind)
    with _time_limit(store, time_limit):
        forms = _expand(store, parsed)
        if _finds_none(store, parsed, forms, filters):
            return SearchResult(
                query=parsed,
                hits=[],
                total=0,
                offset=offset,
                ranked=0,
                order=order,
                forms=forms,
                suggestions=spelling_suggestions(store, parsed),
                total_exact=True,
            )
        reads = _Reads()
        # Newest first is by the dates shown: the few articles the user re-dated are
        # taken from the stored order's first offset + limit + len(moved) hits and put
        # at their shown places (_newest_as_shown); without them, the page as it is.
        moved = redated(store) if order == "newest" else {}
        page_limit, page_offset = (offset + limit + len(moved), 0) if moved else (limit, offset)
        # A phrase of two of the commonest words is found in the word pairs' index and
        # ranked from it as the main index would rank it (the same rowids).
        pair = _pair_term(store, parsed)
        expression = f'"{pair}"' if pair is not None else parsed.fts(forms)
        (where, params), (capped_where, capped_params) = _matching_and_capped(
            store, expression, filters, reads
        )
        rows: list[tuple[int, float | None]] = []
        ranked = None
        exact = True
        if pair is not None:
            ranked = _ranked_pairs(
                store, pair, where, params, filters, order, page_limit, page_offset
            )
        elif (
            order == "relevance"
            and _one_pass_first(parsed, filters)
            and _one_pass_fits(store, parsed, reads)
        ):
            # Likely few hits: rank them all in one read, which counts them too (no
            # separate count, the costly part of a phrase or a filtered common word).
            # With the filters' rowids read first, the read's cost is the walk of the
            # word's list, not the scores of the hits it keeps: rank as many as for a
            # phrase (counting, then a read a tier, would walk the list again each time).
            cap = PHRASE_ONE_PASS if _is_phrase(parsed) or reads.candidates else ONE_PASS
            ranked = _ranked_in_one_pass(store, parsed, forms, filters, limit, offset, reads, cap)
        if ranked is not None:
            rows, total = ranked
        else:
            over_cap = _prefix_over_cap(store, parsed, filters) or _typed_over_cap(
                store, parsed, forms, filters, reads
            )
            count = _Count(store, where, params, over_cap, capped=(capped_where, capped_params))
            total, exact = count.total, count.exact
            if order == "newest":
                rows = _newest(store, capped_where, capped_params, page_limit, page_offset)
            elif total:
                rows = _ranked(store, parsed, forms, filters, count, limit, offset, reads)
                total, exact = count.total, count.exact
        seamed = _NO_ROWIDS
        if exact and total < SEAM_FEW:
            seamed = _across_seams(store, parsed, forms, filters)
            if len(seamed):
                rows, total = _with_seams(
                    rows, total, exact, seamed, order, page_limit, page_offset
                )
        if moved:
            matching = (capped_where, capped_params)
            if pair is not None:  # (a token of the pairs' index: the words in the main one)
                matching = _matching_and_capped(store, parsed.fts(forms), filters, reads)[1]
            rows = _newest_as_shown(store, rows, moved, matching, seamed)[offset : offset + limit]
        hits = _hits(store, parsed, forms, rows, snippet_chars)
        suggestions = () if total else spelling_suggestions(store, parsed)
    return SearchResult(
        query=parsed,
        hits=hits,
        total=total,
        offset=offset,
        ranked=total if order == "relevance" else 0,
        order=order,
        forms=forms,
        suggestions=suggestions,
        total_exact=exact,
    )


def _finds_none(
    store: Store,
    query: Query,
    forms: Forms,
    filters: tuple[str | None, int | None, int | None, EventKind | None],
) -> bool:
    """Whether a query with a source or date filter finds nothing whatever the filters
    (its words are in no article), told by a read that stops at the first article before
    the filters' own articles are read: a misspelt word with a date filter took 105-126
    ms at a million articles (the filter's 150,000 articles read), 1 ms without one, and
    the window searches at each key typed.  Not asked of a phrase (found across a lead's
    seam by reads of its own) nor of a prefix of too many terms to write as an OR (a
    prefix's lists are merged whole however few rows are read)."""
    source, date_from, date_to, event_kind = filters
    if all(v is None for v in (source, date_from, date_to)):
        return False
    if event_kind not in (None, "published", "mentioned") or (
        date_from is not None and date_to is not None and date_to <= date_from
    ):
        return False  # said by _matching_sql
    if any(len(spelling) > 1 for t in query.terms for spelling in t.spellings):
        return False  # a phrase, or a compound name also spelled as two words
    expression = _unprefixed(store, query.fts(forms))
    # A prefix left as it is stands for too many terms to merge for one row, or for
    # none (merged at once: ذخي* with a date filter took 100 ms for no hit).
    if any(_prefix_terms(store, p)[1] != 0 for p in _PREFIX_TERM.findall(expression)):
        return False
    found = _run(store, "SELECT 1 FROM article_fts WHERE article_fts MATCH ? LIMIT 1", [expression])
    return not found


# A phrase across the seam between an article's lead and its rest (store/seams.py) is
# looked for when at most this many articles could hold it at one cut (each is read);
# a phrase of words so common is found in so many articles that few are left out.
SEAM_CANDIDATES = 500
# ... and only for a query that the index finds in fewer articles than this: a phrase's
# cut is one FTS5 statement walking its words' position lists (45-50 ms for words in a
# fifth of a million articles), and a phrase in thousands of articles leaves out a few
# in a thousand (on SaudiNewsNet).  A quote checked against an archive is found whole.
SEAM_FEW = 1_000
_NO_ROWIDS = np.empty(0, dtype=np.int64)
_SEAM_HEAD = 1_000  # characters of a body read for its cut (at most 600 or 400 on)


def _across_seams(
    store: Store,
    query: Query,
    forms: Forms,
    filters: tuple[str | None, int | None, int | None, EventKind | None],
) -> np.ndarray:
    """Sorted index rowids of the articles that match only with a phrase across the seam
    between their lead and rest (the index matches a phrase within one of them), and pass
    the filters."""
    found: dict[int, list[Seam]] = {}
    for expression, seam in seam_queries(query, forms):
        rows = _run(
            store,
            "SELECT rowid FROM article_fts WHERE article_fts MATCH ? LIMIT ?",
            [expression, SEAM_CANDIDATES + 1],
        )
        if len(rows) <= SEAM_CANDIDATES:
            for (rowid,) in rows:
                found.setdefault(rowid, []).append(seam)
    if not found:
        return _NO_ROWIDS
    held = []
    reach = max(seam.reach for seams in found.values() for seam in seams)
    # The bodies' beginnings (where the cut is: a paragraph of at most 600 characters or
    # the first space after 400), a body read whole only when its cut or the words
    # after it lie past them.
    head = _SEAM_HEAD + reach
    rows = _run(
        store,
        "SELECT s.fts_rowid, substr(a.body, 1, ?), length(a.body) > ? FROM article_search s"
        " JOIN articles a ON a.id = s.article_id"
        " WHERE s.fts_rowid IN (SELECT value FROM json_each(?))",
        [head, head, json.dumps(list(found))],
    )
    for rowid, text, longer in rows:
        body, cut = lead_cut(text or "")
        if longer and cut + reach > len(body):
            ((whole,),) = _run(
                store,
                "SELECT a.body FROM article_search s JOIN articles a ON a.id = s.article_id"
                " WHERE s.fts_rowid = ?",
                [rowid],
            )
            body, cut = lead_cut(whole or "")
        if "\x00" not in body and any(seam.holds(body, cut) for seam in found[rowid]):
            held.append(rowid)
    if held:
        # Those the query matches anyway (the phrase elsewhere in them) are its hits.
        matched = _run(
            store,
            "SELECT rowid FROM article_fts WHERE article_fts MATCH ?"
            " AND rowid IN (SELECT value FROM json_each(?))",
            [query.fts(forms), json.dumps(held)],
        )
        held = sorted(set(held) - {rowid for (rowid,) in matched})
    if held and any(v is not None for v in filters[:3]):
        held = sorted(_filtered_rowids(store, filters, held))
    return np.array(held, dtype=np.int64)


def _with_seams(
    rows: list[tuple[int, float | None]],
    total: int,
    exact: bool,
    seamed: np.ndarray,
    order: Order,
    limit: int,
    offset: int,
) -> tuple[list[tuple[int, float | None]], int]:
    """A page of hits and their count with the articles found across a seam (few): by
    relevance after every other hit (the index gives them no score), newest first in
    their places on the first page and after the others on the last."""
    extra: list[tuple[int, float | None]] = [(int(r), None) for r in seamed.tolist()[::-1]]
    if order == "newest" and offset == 0:
        merged = sorted([*rows, *extra], key=lambda row: -row[0])
        return merged[:limit], total + len(extra)
    if exact and offset + limit > total:
        start = max(0, offset - total)
        rows = rows + extra[start : start + offset + limit - max(total, offset)]
    return rows, total + len(extra)


class _Count:
    """The number of a query's hits: counted up to COUNT_CAP + 1 (the index stops
    there), and in full only when asked for (all_hits)."""

    def __init__(
        self,
        store: Store,
        where: str,
        params: list[object],
        over_cap: bool = False,
        capped: tuple[str, list[object]] | None = None,
    ) -> None:
        """over_cap: the query is known to have more than COUNT_CAP hits (no read).
        capped: the same hits as an expression read faster up to the cap (_unprefixed)."""
        self._store, self._where, self._params = store, where, params
        counted = COUNT_CAP + 1
        if not over_cap:
            capped_where, capped_params = capped or (where, params)
            counted = int(
                _run(
                    store,
                    f"SELECT count(*) FROM (SELECT 1{capped_where} LIMIT ?)",
                    [*capped_params, COUNT_CAP + 1],
                )[0][0]
            )
        self.exact = counted <= COUNT_CAP
        self.total = counted if self.exact else COUNT_CAP  # exact, or a lower bound

    def all_hits(self) -> int:
        """The exact number of hits."""
        if not self.exact:
            self.total = int(_run(self._store, "SELECT count(*)" + self._where, self._params)[0][0])
            self.exact = True
        return self.total


def _prefix_over_cap(
    store: Store,
    query: Query,
    filters: tuple[str | None, int | None, int | None, EventKind | None],
) -> bool:
    """Whether a query of one prefix of the shortest length (MIN_PREFIX) and no filters
    has more than COUNT_CAP hits because one of the terms it stands for is in more
    articles than that.

    FTS5 merges the lists of all a prefix's terms whole, with their positions, for
    every read of it, whatever its LIMIT: the count of a three-letter prefix cost as
    much as its first tier's read and more (الس*: 144 terms, 38-46 ms).  Their counts
    of articles in the vocabulary walk the same lists without merging them (a third of
    the time), and stop at the first term over the cap.  When no term is over it the
    count is read as before, and the walk was a third more: most longer prefixes of
    many hits stand for many terms of few articles each (والم*: 160 terms, none in more
    than 1,361 of 100,000 articles), so they are counted straight away.
    """
    if len(query.groups) != 1 or query.groups[0].excluded or len(query.terms) != 1:
        return False
    term = query.terms[0]
    if not term.prefix or len(term.tokens) != 1 or any(v is not None for v in filters[:3]):
        return False
    low = term.tokens[0]
    if len(low) > MIN_PREFIX or not low or ord(low[-1]) >= sys.maxunicode:
        return False
    # Every term that starts with low sorts from low up to low with its last letter
    # the next one (the vocabulary's order is the code points', as UTF-8's bytes).
    high = low[:-1] + chr(ord(low[-1]) + 1)
    over = _run(
        store,
        f"SELECT 1 FROM {_vocabulary_table(store)} WHERE term >= ? AND term < ? AND doc > ?"
        " LIMIT 1",
        [low, high, COUNT_CAP],
    )
    return bool(over)


def _typed_over_cap(
    store: Store,
    query: Query,
    forms: Forms,
    filters: tuple[str | None, int | None, int | None, EventKind | None],
    reads: _Reads,
) -> bool:
    """Whether a query's words as typed have more than COUNT_CAP hits, so that the query
    with every form of them has too.

    The hits of the typed forms are a part of the hits of all forms when nothing is
    excluded, and one list is counted faster than the merge of a word's forms (a word
    in most of 100,000 articles: 1.1 against 2.2 ms with six forms, 3.3 with sixteen).
    When the typed forms have fewer hits their lists are short and walked fast, and the
    forms are counted as before.
    """
    if any(group.excluded for group in query.groups):
        return False
    typed = query.fts()
    if typed == query.fts(forms):
        return False
    where, params = _matching_sql(store, typed, *filters, reads=reads)
    counted = _run(
        store, f"SELECT count(*) FROM (SELECT 1{where} LIMIT ?)", [*params, COUNT_CAP + 1]
    )[0][0]
    return int(counted) > COUNT_CAP


def _newest(
    store: Store, where: str, params: list[object], limit: int, offset: int
) -> list[tuple[int, float | None]]:
    sql = f"SELECT article_fts.rowid{where} ORDER BY article_fts.rowid DESC LIMIT ? OFFSET ?"
    return [(r, None) for (r,) in _run(store, sql, [*params, limit, offset])]


def _newest_as_shown(
    store: Store,
    rows: list[tuple[int, float | None]],
    moved: Mapping[int, tuple[ListKey, ListKey]],
    matching: tuple[str, list[object]],
    seamed: np.ndarray,
) -> list[tuple[int, float | None]]:
    """Hits newest first by the dates shown, as the article list orders them.

    rows: the first hits newest first by the stored dates (index rowids, descending), at
    least len(moved) more than the page needs, or all of them; moved: listing.redated,
    the few articles the user re-dated; matching: the query's FROM ... WHERE on the main
    index (_matching_sql), to find which of them are hits wherever they are stored;
    seamed: the rowids found across a seam.  The re-dated are taken from their stored
    places and merged in at their shown ones; the others keep the index's order.
    """
    where, params = matching
    ids_of = {
        int(rowid): int(article_id)
        for rowid, article_id in _run(
            store,
            "SELECT fts_rowid, article_id FROM article_search"
            " WHERE article_id IN (SELECT value FROM json_each(?))",
            [json.dumps(list(moved))],
        )
    }
    # A few rowids (said by hand): the index seeks each one in the query's lists.
    found = {
        int(rowid)
        for (rowid,) in _run(
            store,
            f"SELECT article_fts.rowid{where}"
            " AND article_fts.rowid IN (SELECT value FROM json_each(?))",
            [*params, json.dumps(list(ids_of))],
        )
    }
    found |= set(seamed.tolist()) & ids_of.keys()
    kept = [row for row in rows if row[0] not in ids_of]
    starts = {
        int(rowid): (None if start is None else int(start), int(article_id))
        for rowid, article_id, start in _run(
            store,
            "SELECT fts_rowid, article_id, published_start FROM article_search"
            " WHERE fts_rowid IN (SELECT value FROM json_each(?))",
            [json.dumps([rowid for rowid, _ in kept])],
        )
    }

    def newest_first(key: ListKey) -> tuple[bool, int, int]:
        # As the index's rowids run from the end: the dated newest first, then the undated.
        return (key[0] is None, -(key[0] or 0), -key[1])

    stored = [(newest_first(starts[row[0]]), row) for row in kept if row[0] in starts]
    taken = sorted((newest_first(moved[ids_of[rowid]][1]), (rowid, None)) for rowid in found)
    return [row for _key, row in heapq.merge(stored, taken, key=lambda pair: pair[0])]


def _ranked(
    store: Store,
    query: Query,
    forms: Forms,
    filters: tuple[str | None, int | None, int | None, EventKind | None],
    hits: _Count,
    limit: int,
    offset: int,
    reads: _Reads,
) -> list[tuple[int, float | None]]:
    """A page of hits in tier order, each tier by bm25 (or newest first when large).

    Only the page is read: a tier before the page is counted, a tier on it is counted
    only up to what the page and the choice of order need (its first RANK_WINDOW + 1
    hits), and the last tier holds what the others leave of the total (counted in full
    then, when it was capped).
    """
    total = hits.total
    if total <= RANK_WINDOW and _one_pass(query, total):
        ranked = _ranked_in_one_pass(store, query, forms, filters, limit, offset, reads)
        assert ranked is not None  # no cap: every hit read
        hits.total, hits.exact = ranked[1], True
        return ranked[0]
    rows: list[tuple[int, float | None]] = []
    position = 0  # hits in the tiers before this one
    expressions = _tier_expressions(query, forms)
    nonempty = [k for k, e in enumerate(expressions) if e]
    for k in nonempty:
        end = offset + limit - position  # hits of this tier up to the end of the page
        if end <= 0:
            break
        if position >= total or k == nonempty[-1]:
            total = hits.all_hits()  # a capped count is not enough here
            if position >= total:
                break
        (where, params), (capped_where, capped_params) = _matching_and_capped(
            store, expressions[k], filters, reads
        )
        skip = max(0, offset - position)
        scored: list[tuple] | None = None  # the tier's hits in order, when read whole
        newest: list[int] | None = None  # the tier's first hits newest first, when read
        if k == nonempty[-1]:
            size = total - position  # the last tier holds the rest
        elif skip:
            # The page starts in or after this tier: where it ends must be known.
            size = int(_run(store, "SELECT count(*)" + where, params)[0][0])
        elif total <= RANK_WINDOW:
            # The page starts here and every tier is small enough to score: the tier is
            # read whole, scored, in one read that also counts it.
            scored = _run(store, f"SELECT article_fts.rowid, {_SCORE}{where}", params)
            size = len(scored)
        else:
            # The page starts here: no more than this is needed, the page's end or the
            # bound of a tier that bm25 orders, whichever is larger (the index stops
            # reading there).  A tier that reaches it fills the page and is large.
            # (Scoring while counting was measured slower here: the first tier of a word
            # in most articles is often large, and its scores would be thrown away.)
            # Words are counted in rowid order: reading a word's list newest first cost
            # twice as much, and a large tier's page is then read newest first in 0.2
            # ms.  A prefix's lists are merged whole by each read, whichever the order,
            # so its read returns the rowids newest first: when the tier is large, its
            # first ones are the page (no second read of the tier).
            cap = max(end, RANK_WINDOW) + 1
            if any(term.prefix for term in query.terms):
                capped = (
                    f"SELECT article_fts.rowid{capped_where}"
                    " ORDER BY article_fts.rowid DESC LIMIT ?"
                )
                newest = [r for (r,) in _run(store, capped, [*capped_params, cap])]
                size = len(newest)
            else:
                capped = f"SELECT count(*) FROM (SELECT 1{capped_where} LIMIT ?)"
                size = int(_run(store, capped, [*capped_params, cap])[0][0])
        take = min(limit - len(rows), size - skip)
        position += size
        if take <= 0:
            continue
        if scored is not None and size <= RANK_WINDOW:
            scored.sort(key=lambda row: (row[1], -row[0]))  # as ORDER BY score, rowid DESC
            rows += [(r, k * _TIER_SPAN + score) for r, score in scored[skip : skip + take]]
        elif size <= RANK_WINDOW:
            scored = _run(
                store,
                f"SELECT article_fts.rowid, {_SCORE} AS score{where}"
                " ORDER BY score, article_fts.rowid DESC LIMIT ? OFFSET ?",
                [*params, take, skip],
            )
            rows += [(r, k * _TIER_SPAN + score) for r, score in scored]
        elif newest is not None and skip + take <= len(newest):
            rows += [(r, None) for r in newest[skip : skip + take]]
        else:
            rows += _newest(store, capped_where, capped_params, take, skip)
    return rows


def _is_phrase(query: Query) -> bool:
    return len(query.terms) == 1 and len(query.terms[0].tokens) > 1


def _one_pass_first(
    query: Query, filters: tuple[str | None, int | None, int | None, EventKind | None]
) -> bool:
    """Whether to try ranking in one read before counting: a phrase (rarely more than
    PHRASE_ONE_PASS hits), or one word or prefix with a source or date filter (the filter
    leaves few of even a common word's hits).  The read stops one past its cap, and a
    query with more hits is then counted and ranked as usual."""
    if len(query.groups) != 1 or query.groups[0].excluded or len(query.terms) != 1:
        return False
    source, date_from, date_to, _ = filters
    return _is_phrase(query) or any(v is not None for v in (source, date_from, date_to))


def _one_pass_fits(store: Store, query: Query, reads: _Reads) -> bool:
    """Whether a first read of every hit (_one_pass_first) is worth trying: for a prefix
    of many terms, only when the filters' articles are known and no more than the read
    takes.

    bm25 needs a prefix as one phrase, its terms' lists merged whole with their
    positions, whatever the read's cap: at a million articles الم* with a date filter
    took 2.0 s to find it had more than 30,000 hits (and the search ran out of time
    reading them again a tier at a time), الس* (144 terms) with a source 0.46 s to find
    more than 1,000.  A prefix of few terms merges fast: ناد* (8 terms) with a date
    filter was ranked in one read in 280 ms, in 316 by a count and a read a tier.  A
    word's list is one, read as far as the cap.
    """
    prefixes = [t.tokens[-1] for t in query.terms if t.prefix]
    if not prefixes:
        return True
    known = [c for c in reads.candidates.values() if c is not None]
    if known and all(c.count <= PHRASE_ONE_PASS for c in known):
        return True
    return all(
        (count := _prefix_terms(store, p)[1]) is not None and count <= ONE_PASS_PREFIX_TERMS
        for p in prefixes
    )


def _one_pass(query: Query, total: int) -> bool:
    """Whether to rank every hit in one read rather than tier by tier.

    One term and nothing excluded, so a hit's tier can be told by column: a phrase
    (reading it is the cost: positions to compare in every article holding its words),
    or a word or prefix with few hits (a read a tier costs more than scoring them all).
    A common word is read in tiers: the first tiers fill the page, the rest are never
    scored (measured with bench/search.py).
    """
    if len(query.groups) != 1 or query.groups[0].excluded or len(query.terms) != 1:
        return False
    return len(query.terms[0].tokens) > 1 or total <= ONE_PASS


# bm25 weighted to the title alone, and to the title and lead: below zero exactly when
# the term occurs there (bm25 adds the weighted counts of a term's occurrences, and
# FTS5 keeps every idf above zero).
_IN_TITLE = "bm25(article_fts, 0.0, 1.0, 0.0)"
_IN_TITLE_OR_LEAD = "bm25(article_fts, 0.0, 1.0, 1.0)"


def _ranked_in_one_pass(
    store: Store,
    query: Query,
    forms: Forms,
    filters: tuple[str | None, int | None, int | None, EventKind | None],
    limit: int,
    offset: int,
    reads: _Reads,
    cap: int | None = None,
) -> tuple[list[tuple[int, float | None]], int] | None:
    """The page of a one-term query and its number of hits: every hit scored in one read
    (None when there are more than cap).

    The same tiers as _ranked, which reads the term once a tier: a hit's tier follows
    from where the term occurs (title; title or lead; anywhere) and whether it occurs
    as typed.  When the word has other forms, the hits with the typed form in the
    title, in the title or lead, and anywhere are read as bare rowids, without the
    filters and within the rowids found (the filters' join and bm25 are the costly
    part of a read).
    """
    others = _other_forms(query, forms)
    if others is not None and any(c is not None for c in reads.candidates.values()):
        return _ranked_by_form(store, query, others, filters, limit, offset, reads, cap)
    where, params = _matching_sql(store, query.fts(forms), *filters, reads=reads)
    sql = f"SELECT article_fts.rowid, {_SCORE}, {_IN_TITLE}, {_IN_TITLE_OR_LEAD}{where}"
    if cap is not None:
        sql, params = sql + " LIMIT ?", [*params, cap + 1]
    scored = _run(store, sql, params)
    if cap is not None and len(scored) > cap:
        return None
    # Whether the typed form is in the title, in the title or lead: by rowid, read
    # once, for the rowids found only (a set the + keeps SQLite from handing to the index
    # one rowid at a time); a date filter on mentions spreads the hits over every year,
    # and a read a tier over all of them cost 30-60 ms each.
    typed: dict[int, tuple[bool, bool]] | None = None
    if scored and query.fts() != query.fts(forms):
        first, last = min(r[0] for r in scored), max(r[0] for r in scored)
        typed = {
            rowid: (in_title < 0, in_lead < 0)
            for rowid, in_title, in_lead in _run(
                store,
                f"SELECT rowid, {_IN_TITLE}, {_IN_TITLE_OR_LEAD} FROM article_fts"
                " WHERE article_fts MATCH ? AND rowid >= ? AND rowid <= ?"
                " AND +rowid IN (SELECT value FROM json_each(?))",
                [query.fts(positive=True), first, last, json.dumps([r[0] for r in scored])],
            )
        }
    ranked: list[tuple[float, int]] = []
    for rowid, score, title, lead in scored:
        if typed is None:
            as_typed = (title < 0, lead < 0, True)
        elif rowid in typed:
            as_typed = (*typed[rowid], True)
        else:
            as_typed = (False, False, False)
        if as_typed[2]:
            tier = 0 if as_typed[0] else 1 if as_typed[1] else 2
        else:
            tier = 3 if title < 0 else 4 if lead < 0 else 5
        ranked.append((tier * _TIER_SPAN + score, rowid))
    return _page_of(ranked, offset, limit), len(scored)


def _page_of(
    ranked: Iterable[tuple[float, int]], offset: int, limit: int
) -> list[tuple[int, float | None]]:
    """The (rowid, rank) of a page of (rank, rowid) pairs in rank order, the newer of
    equal ranks first (as ORDER BY rank, rowid DESC).

    A heap keeps the page's end only: a filtered common word's 5,857 hits sorted whole
    took 2.3 ms, this 0.8."""
    first = heapq.nsmallest(offset + limit, ((rank, -rowid) for rank, rowid in ranked))
    return [(-rowid, rank) for rank, rowid in first[offset:]]


def _other_forms(query: Query, forms: Forms) -> str | None:
    """The FTS expression of a one-word query's forms but the typed one (None when it
    is not one plain word or has no other form)."""
    if len(query.terms) != 1 or not query.terms[0].expandable:
        return None
    found = query.terms[0].other_forms(forms)
    return "(" + " OR ".join('"' + " ".join(t) + '"' for t in found) + ")" if found else None


def _ranked_by_form(
    store: Store,
    query: Query,
    others: str,
    filters: tuple[str | None, int | None, int | None, EventKind | None],
    limit: int,
    offset: int,
    reads: _Reads,
    cap: int | None,
) -> tuple[list[tuple[int, float | None]], int] | None:
    """_ranked_in_one_pass for a word with other forms whose filters' rowids were read:
    the typed form's hits in one read and the other forms' in another.

    Each read walks its own terms' lists (and bm25 walks them again for their counts),
    where a read of every form and then of the typed form walked the typed form's list,
    the longest, four times.  The tiers and scores are the same: bm25 is a sum over the
    expression's terms (each with its own idf), so a hit's score over every form is its
    typed form's score plus its other forms' (an absent term adds nothing).
    """
    rows: dict[int, tuple[int, float]] = {}
    for expression, exact in ((query.fts(positive=True), True), (others, False)):
        where, params = _matching_sql(store, expression, *filters, reads=reads)
        sql = f"SELECT article_fts.rowid, {_SCORE}, {_IN_TITLE}, {_IN_TITLE_OR_LEAD}{where}"
        if cap is not None:
            sql, params = sql + " LIMIT ?", [*params, cap + 1]
        for rowid, score, title, lead in _run(store, sql, params):
            if rowid in rows:  # the typed form is there too: its tier, both scores
                tier, typed_score = rows[rowid]
                rows[rowid] = (tier, typed_score + score)
                continue
            place = 0 if title < 0 else 1 if lead < 0 else 2
            rows[rowid] = ((place if exact else 3 + place), score)
        if cap is not None and len(rows) > cap:
            return None
    ranked = ((tier * _TIER_SPAN + score, rowid) for rowid, (tier, score) in rows.items())
    return _page_of(ranked, offset, limit), len(rows)


def spelling_suggestions(store: Store, query: str | Query) -> tuple[str, ...]:
    """The index's nearest spellings of a query's words that it does not hold, as the
    articles write them (spelling_corrections without the words they stand for)."""
    return tuple(written for _word, written in spelling_corrections(store, query))


def spelling_corrections(store: Store, query: str | Query) -> tuple[tuple[str, str], ...]:
    """(a word of the query that the index does not hold, as its token; a spelling the
    index holds near it, as the articles write it), the best first.

    Read from the index's vocabulary (terms that share a word's first two letters, with
    or without the article) and ranked by similarity, then by how many articles hold
    them.  Empty when every word is in the index.  A spelling near two of the words
    stands for the one it is nearer (the window puts it in that word's place).  A
    prefix that begins a word of the index is no misspelling: "مدين*" with a filter
    that left nothing offered "مدينة", which the same filter leaves nothing of either.
    """
    from rapidfuzz import fuzz, process  # only here: the window opens without it

    parsed = _as_query(query)
    scored: dict[str, tuple[float, str]] = {}  # spelling: (its best score, that token)
    for term in parsed.terms:
        for at, token in enumerate(term.tokens):
            if len(token) < 3 or _doc_count(store, token):
                continue
            if term.prefix and at == len(term.tokens) - 1 and _prefix_terms(store, token)[1] != 0:
                continue  # (None: the vocabulary could not be read, taken as held)
            bare = token[2:] if token.startswith("ال") and len(token) > 4 else token
            prefixes = sorted({bare[:2], "ال" + bare[:2], token[:2]})
            vocabulary = _terms_from(store, prefixes)
            for word, score, _ in process.extract(
                token,
                vocabulary,
                scorer=fuzz.ratio,
                limit=SUGGESTIONS * 4,
                score_cutoff=SUGGESTION_SCORE,
            ):
                if score > scored.get(word, (0.0, ""))[0]:
                    scored[word] = (score, token)
    counts = {word: _doc_count(store, word) for word in scored}
    # (a term left only in deleted articles has none: no suggestion)
    best = sorted((w for w in scored if counts[w]), key=lambda w: (-scored[w][0], -counts[w], w))
    corrections: list[tuple[str, str]] = []
    for word in best:
        if len(corrections) == SUGGESTIONS:
            break
        written = _as_written(store, word)
        # Not the word typed: a term the tokenizer glued to a character it keeps in a
        # token (an emoji newer than its tables) is written as the word alone, "Did you
        # mean: عنوان" for عنوان, and taking it changes nothing.
        if search_tokens(written) != [scored[word][1]]:
            corrections.append((scored[word][1], written))
    return tuple(corrections)


def _as_written(store: Store, term: str) -> str:
    """An index term as an article writes it, to be offered to a reader.

    The index holds words folded (ة as ه, the hamzas' alefs as ا, ى as ي): "Did you mean:
    الاقتصاديه" offered a misspelling of الاقتصادية, the word the articles hold.  The
    first place the first article holding the term writes it (without its tatweel), or
    the term itself where none is found (a token unicode61 cut out of a longer word).
    Five of them cost nothing measurable beside the look-up of the spellings: 91 ms
    with, 93 without, the median of 8 misspellings over the 30,154 articles of
    SaudiNewsNet (the best of 3 runs each).
    """
    exact = '"' + term.replace('"', '""') + '"'
    rows = _run(
        store,
        "SELECT a.title, a.body FROM article_search s JOIN articles a ON a.id = s.article_id"
        " WHERE s.fts_rowid = (SELECT rowid FROM article_fts WHERE article_fts MATCH ? LIMIT 1)",
        [exact],
    )
    for texts in rows:
        for text in texts:
            for start, end in hit_spans(text or "", exact)[:1]:
                return text[start:end].replace("\u0640", "")
    return term


def _hits(
    store: Store,
    query: Query,
    forms: Forms,
    rows: list[tuple[int, float | None]],
    snippet_chars: int,
) -> list[SearchHit]:
    """The hits of (index rowid, score) rows, in their order.

    The rows' articles are read in one statement through the id map (two reads, of the
    ids and then of the texts, cost a statement more for the same rows).
    """
    if not rows:
        return []
    marks = ",".join("?" * len(rows))
    texts = {
        row[0]: row[1:]
        for row in _run(
            store,
            "SELECT s.fts_rowid, a.id, a.title, a.body, a.published, a.source"
            " FROM article_search s JOIN articles a ON a.id = s.article_id"
            f" WHERE s.fts_rowid IN ({marks})",
            [fts_rowid for fts_rowid, _ in rows],
        )
    }
    hits = []
    spans_of = hit_finder(query, forms)
    for fts_rowid, score in rows:
        if fts_rowid not in texts:
            continue
        article_id, title, body, published, source = texts[fts_rowid]
        snippet, spans = _snippet(body, spans_of(body), snippet_chars)
        hits.append(
            SearchHit(
                article_id=article_id,
                title=title,
                published=published,
                source=source,
                snippet=snippet,
                snippet_spans=tuple(spans),
                title_spans=tuple(spans_of(title)),
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
    begin = _word_start(text, anchor, size)
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
    snippet = prefix + _LINE_BREAKS.sub(" ", text[begin:end]) + suffix
    shift = len(prefix) - begin
    return snippet, [(s + shift, e + shift) for s, e in spans if s >= begin and e <= end]


def _word_start(text: str, i: int, reach: int) -> int:
    """The start of the word at i (or i itself at a space), looked for at most reach
    characters back.  A run with no space longer than that (1,000 isolates before a
    word, a pasted line of digits) is no word to show whole: the snippet's window held
    the run and not the word found ("……"), and a 5 MB run was walked back a character
    at a time for each hit.  It is cut at i, after the letters there (at most reach / 4
    of them: a hit lies that far after i)."""
    j = i
    while j > 0 and not text[j - 1].isspace():
        if i - j >= reach:
            j = i
            while j < len(text) and j - i < reach // 4 and (text[j].isalnum() or _mark(text[j])):
                j += 1
            return j
        j -= 1
    return j


def _mark(ch: str) -> bool:
    return unicodedata.category(ch) == "Mn"


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
    stamp: Hashable | None = None,
) -> np.ndarray:
    """Sorted ids of every article that matches, for marking hits on the timeline: int32
    when they come from the article map of a store whose every id fits 32 bits (a word
    in most of 3,880,000 articles: 9 MB where 18, held twice by the window), else int64.

    With no words, the filters alone choose (every article from a source, say).  stamp:
    a value that is another whenever the store changes (the window's
    Store.change_stamp), under which the filters' articles are kept for the next search.
    """
    if isinstance(query, str) and not query.strip():
        return filtered_article_ids(
            store,
            source=source,
            date_from=date_from,
            date_to=date_to,
            event_kind=event_kind,
            stamp=stamp,
        )
    parsed = _as_query(query)
    with _time_limit(store, time_limit):
        forms = _expand(store, parsed)
        filters = (source, date_from, date_to, event_kind)
        if _finds_none(store, parsed, forms, filters):
            return np.empty(0, dtype=np.int64)
        pair = _pair_term(store, parsed)
        table = "article_fts" if pair is None else "article_pairs"
        expression = parsed.fts(forms) if pair is None else f'"{pair}"'
        reads = _Reads(stamp)
        where, params = _matching_sql(store, expression, *filters, reads=reads)
        rowids = None
        if pair is None and source is None and date_from is None and date_to is None:
            found, rowids = _ids_in_parts(store, where, params)
            if found is not None:
                return found
        if rowids is None:
            # The index's rowids as one text (a Python object a hit costs 4 times more),
            # in rowid order, mapped to article ids by the article map when there are many.
            rowids = _int_array(
                _run(store, "SELECT group_concat(article_fts.rowid)" + where, params, table)
            )
        if pair is not None:
            rowids = _with_marked(store, pair, rowids, filters)
        seamed = _NO_ROWIDS
        if len(rowids) < SEAM_FEW:
            seamed = _across_seams(store, parsed, forms, filters)
            rowids = np.union1d(rowids, seamed) if len(seamed) else rowids
        articles = _article_map(store, build=len(rowids) >= _MAP_WORTH)
        if articles is not None:
            found = articles.sorted_ids_of_rowids(rowids)
            if found is not None:
                return found
        # A date filter's rowids were read with their article ids: the hits are among
        # them (without this, the word's list was walked again, joined to the id map).
        for candidates in reads.candidates.values():
            found = None if candidates is None else candidates.sorted_ids_of(rowids)
            if found is not None:
                return found
        if pair is not None or len(seamed):
            return _mapped(store, "article_id", "fts_rowid", rowids)
        where, params = _matching_sql(store, expression, *filters, join=True, reads=reads)
        ids = _int_array(_run(store, "SELECT group_concat(s.article_id)" + where, params, table))
    ids.sort()
    return ids


def _ids_in_parts(
    store: Store, where: str, params: list[object]
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """The sorted ids of the articles an unfiltered statement (_matching_sql's, on the
    main index) finds, read about _MAP_READ_ROWS rowids at a time in one read transaction
    and marked on the article map: (ids, None).  (None, rowids) when they were fewer
    than a part (read as one, for the caller to go on with as before), and (None, None)
    when the map misses one of them (the store changed meanwhile).

    A word in most of 3,880,000 articles read at once was a 20 MB text in SQLite, its
    copy in Python, its 18 MB of rowids and their positions in the map: about 140 MB
    over the window's 530 at once, its peak.  A part's text is 2.4 MB, and the ids are
    marked on the map (one flag an article).  The first part is read with a LIMIT;
    past it the map is read if it is not (as a search of so many hits always did) or
    waited for while another thread reads it (the window's loader, after its first
    frame: read beside it, the search's temporaries and the map's had added up), and
    the rest is read in ranges of the map's rowids, each holding _MAP_READ_ROWS
    articles.  (Every part by a LIMIT, the rows passing through a subquery, took 45 ms
    more CPU for a word in a million articles than one read, 76 ms; by ranges, 0-7.)"""
    limited = (
        "SELECT count(*), max(r), group_concat(r) FROM (SELECT article_fts.rowid AS r"
        + where
        + " AND article_fts.rowid > ? ORDER BY article_fts.rowid LIMIT ?)"
    )
    ranged = (
        "SELECT group_concat(article_fts.rowid)"
        + where
        + " AND article_fts.rowid > ? AND article_fts.rowid <= ?"
    )
    _run(store, "SAVEPOINT matching_parts", [])
    try:
        articles = _article_map(store, build=False)
        last = -(1 << 63)
        if articles is None:
            count, last, text = _run(store, limited, [*params, last, _MAP_READ_ROWS])[0]
            part = _int_array([(text,)])
            if count < _MAP_READ_ROWS:
                return None, part
            articles = _article_map(store, build=True)
            if articles is None:
                return None, None
            chosen = articles.no_rows()
            if not articles.mark_rowids(chosen, part):
                return None, None
        else:
            chosen = articles.no_rows()
        # Ranges (last, upto] of the map's rowids from the last one read.
        ends = articles.rowids[
            position(articles.rowids, last, side="right") + _MAP_READ_ROWS - 1 :: (_MAP_READ_ROWS)
        ].tolist()
        for upto in [*ends, (1 << 63) - 1]:
            part = _int_array(_run(store, ranged, [*params, last, upto]))
            if not articles.mark_rowids(chosen, part):
                return None, None
            last = upto
        return articles.ids_marked(chosen), None
    finally:
        _run(store, "RELEASE matching_parts", [])


def _with_marked(
    store: Store,
    pair: str,
    rowids: np.ndarray,
    filters: tuple[str | None, int | None, int | None, EventKind | None],
) -> np.ndarray:
    """The rowids a pair's read found, put right for the rowids marked as without
    their pairs (those the pair index does not know, or knows stale)."""
    marked, found = _marked_pairs(store, pair)
    if not marked:
        return rowids
    kept = rowids[~np.isin(rowids, np.fromiter(marked, dtype=np.int64, count=len(marked)))]
    if any(v is not None for v in filters[:3]):
        extra = sorted(_filtered_rowids(store, filters, list(found)))
    else:
        extra = sorted(found)
    return np.union1d(kept, np.array(extra, dtype=np.int64))


def _mapped(store: Store, wanted: str, given: str, values: np.ndarray) -> np.ndarray:
    """article_search's `wanted` column (article_id or fts_rowid) of the rows whose
    `given` column holds one of values, sorted (int64), read as one text."""
    found = _int_array(
        _run(
            store,
            f"SELECT group_concat({wanted}) FROM article_search"
            f" WHERE {given} IN (SELECT value FROM json_each(?))",
            [json.dumps(values.tolist())],
        )
    )
    found.sort()
    return found


def in_list_order(store: Store, ids: np.ndarray) -> np.ndarray:
    """Article ids in the article list's order: by publication, undated last (as
    store.chronological_ids); ids of no article are left out.  In the article map's
    type (int32 where every id fits) when it is read, else int64."""
    articles = _article_map(store, build=len(ids) >= _MAP_WORTH)
    moved = redated(store)  # the few the user re-dated: in the order of the dates shown
    if articles is not None:
        ordered = articles.in_list_order(np.asarray(ids))
        return articles.with_shown_dates(ordered, moved) if moved else ordered
    # A few: their keys read from the id map's small rows (an article's own row holds
    # published_start after its body, reached through the body's overflow pages: 5 us
    # an article, 75 ms for 10,000 hits at a million articles; this, a tenth of it).
    found, starts = (
        _int_array([(text,)])
        for text in _run(
            store,
            "SELECT group_concat(article_id),"
            f" group_concat(ifnull(published_start, {_UNDATED_KEY})) FROM article_search"
            " WHERE article_id IN (SELECT value FROM json_each(?))",
            [json.dumps(np.asarray(ids, dtype=np.int64).tolist())],
        )[0]
    )
    if moved:
        starts = starts.copy()
        for i in np.flatnonzero(np.isin(found, list(moved))).tolist():
            shown = moved[int(found[i])][1][0]
            starts[i] = _UNDATED_KEY if shown is None else shown
    return found[np.lexsort((found, starts))]


def _int_array(rows: list[tuple]) -> np.ndarray:
    """The integers of a group_concat (one row, one text or NULL)."""
    return parse_ints(rows[0][0] if rows else None)  # a slice at a time: see parse_ints


# The article map pays for itself from about this many ids (read once per version of
# the index, about 1 us an article; a few hits are mapped by a join instead).
_MAP_WORTH = 20_000
# Sorts after every publication time: an undated article's key (the list puts them last).
_UNDATED_KEY = (1 << 63) - 1


class _ArticleMap:
    """Every article's index rowid, id and row in the list, as arrays.

    The window's search lists every hit in date order: for a word in every article that
    is a million rows, too many for a Python object each.  The map turns the index's
    rowids (read as one text) into article ids in list order with array operations.
    """

    def __init__(self, columns: list[np.ndarray]) -> None:
        """columns: every article's rowid, id and stored list key, aligned; taken out of
        the list (emptied here), so that each is freed once its last use is made: held
        by the caller, the keys alone were 30 MB more at the peak of 3,880,000 articles'
        map, whose sorts make it 2.1 times the map's own size."""
        rowids, ids, starts = columns
        columns.clear()
        if len(rowids) > 1 and not bool(np.all(rowids[1:] > rowids[:-1])):
            order = np.argsort(rowids, kind="stable")
            rowids, ids, starts = rowids[order], ids[order], starts[order]
            del order
        # Rowids in 32 bits where they fit, as the ids below (searched in their own
        # type: _positions).
        self.rowids = _narrowed(rowids)
        del rowids
        # Ids in 32 bits where they fit (every article id below 2,147,483,648): with the
        # rows in 32 bits too the map is 32 bytes an article, 160 MB at five million.
        if len(ids) and int(ids.max()) < 1 << 31 and int(ids.min()) >= -(1 << 31):
            ids = ids.astype(np.int32, copy=False)
        self._keys = _StartKeys(starts)
        if self._keys.base is not None and ids.dtype == np.int32 and int(ids.min()) >= 0:
            # The usual store: every key and id in 32 bits, made without an argsort's
            # 64-bit positions (_packed_lists), which frees each as it is spent.
            columns += (ids, starts)
            del ids, starts
            self._packed_lists(columns)
            return
        # The list's order is (publication, id), undated last.  The rowids follow
        # publication almost everywhere, so a stable sort by time is nearly free; ties
        # out of id order (a rowid taken by a later article of the same second) are rare.
        # Orders as rows in 32 bits once made (half an argsort's 64-bit positions).
        by_time = _narrowed(np.argsort(starts, kind="stable"))
        # The stored keys in list order, as seconds after the earliest (int32) where
        # every dated one fits, undated last (_StartKeys).
        self.list_starts = self._keys.taken(starts, by_time)
        self.list_ids = ids[by_time]
        s, i = self.list_starts, self.list_ids
        if bool(np.any((s[1:] == s[:-1]) & (i[1:] < i[:-1]))):
            del s, i
            self.list_starts = self.list_ids = np.empty(0, dtype=np.int64)
            by_time = _narrowed(np.lexsort((ids, starts)))
            self.list_starts, self.list_ids = self._keys.taken(starts, by_time), ids[by_time]
        else:
            del s, i
        del starts
        # Rows as int32 (2,147,483,647 articles).
        list_row = _inverse(by_time)
        del by_time
        by_id = _narrowed(np.argsort(ids))
        self.sorted_ids = ids[by_id]
        del ids
        self.list_row_of_id = list_row[by_id]  # aligned with sorted_ids
        del list_row
        self.id_row_of_rowid = _inverse(by_id)  # aligned with rowids

    def _packed_lists(self, held: list[np.ndarray]) -> None:
        """The list's columns, the ids sorted and the rows between them, for ids in 32
        bits (none negative) and keys that _StartKeys holds in 32, by sorting pairs of
        numbers packed into one int64 (the first above, the second below) where argsorts
        were: an argsort's positions are 64-bit whatever they index, and with their
        32-bit copies and the gathers beside them the map's making held 124 MB at its
        peak, for a map of 93, at 3,880,000 articles; this, 93.

        - (key, id) sorted is the list's order (publication, id), undated last;
        - (id, rowid's row) sorted says where each rowid's id is among the ids sorted;
        - (list id, list row) sorted is the ids sorted above their rows in the list: both
          columns are kept as they lie, every other 32-bit word of the one buffer
          (strided views), not copied out beside it.

        One int64 buffer for all three, each pair's halves taken out a slice at a time.
        held: [ids, starts], their only references, emptied as each is spent (starts,
        31 MB, is freed before the first sort)."""
        n = len(held[0])
        rows = _MAP_READ_ROWS
        packed = np.empty(n, dtype=np.int64)
        for begin in range(0, n, rows):
            part = held[1][begin : begin + rows]
            keys = part - self._keys.base
            keys[part == _UNDATED_KEY] = self._keys.UNDATED
            keys <<= 32
            keys |= held[0][begin : begin + rows]
            packed[begin : begin + len(keys)] = keys
        del part, keys
        held.pop()  # starts
        # Nearly in order already (the rowids follow publication): a stable sort's runs.
        packed.sort(kind="stable")
        self.list_starts = np.empty(n, dtype=np.int32)
        self.list_ids = np.empty(n, dtype=np.int32)
        for begin in range(0, n, rows):
            keys = packed[begin : begin + rows]
            self.list_starts[begin : begin + len(keys)] = keys >> 32
            self.list_ids[begin : begin + len(keys)] = keys & 0xFFFFFFFF
        del keys
        _pack_with_rows(packed, held.pop())  # the ids, freed here
        packed.sort()
        self.id_row_of_rowid = np.empty(n, dtype=np.int32)
        for begin in range(0, n, rows):
            end = min(begin + rows, n)
            self.id_row_of_rowid[packed[begin:end] & 0xFFFFFFFF] = np.arange(
                begin, end, dtype=np.int32
            )
        _pack_with_rows(packed, self.list_ids)
        packed.sort()
        words = packed.view(np.int32)
        low, high = (0, 1) if sys.byteorder == "little" else (1, 0)
        self.sorted_ids = words[high::2]
        self.list_row_of_id = words[low::2]  # aligned with sorted_ids

    def _positions(self, keys: np.ndarray, values: np.ndarray) -> np.ndarray | None:
        """Where each value is in the sorted keys; None if one is missing (the store
        changed between reading the map and the search: the caller reads another way).
        The values are searched in the keys' own type (not every key widened a search)."""
        if values.dtype != keys.dtype:
            bounds = np.iinfo(keys.dtype)
            if len(values) and (int(values.min()) < bounds.min or int(values.max()) > bounds.max):
                return None
            values = values.astype(keys.dtype)
        at = np.searchsorted(keys, values)
        if len(values) and (
            int(at.max()) >= len(keys) or not bool(np.array_equal(keys[at], values))
        ):
            return None
        return at

    def sorted_ids_of_rowids(self, rowids: np.ndarray) -> np.ndarray | None:
        chosen = self.no_rows()
        if not self.mark_rowids(chosen, rowids):
            return None
        return self.ids_marked(chosen)

    def no_rows(self) -> np.ndarray:
        """A mark for each article (in sorted_ids' order), none set: mark_rowids's."""
        return np.zeros(len(self.sorted_ids), dtype=bool)

    def mark_rowids(self, chosen: np.ndarray, rowids: np.ndarray) -> bool:
        """Set the marks of the articles of rowids (sorted) in chosen, a slice of them at
        a time (a slice's positions and checks are a few MB where 2,284,773 hits' at once
        were 50); False when one is no article of the map."""
        for start in range(0, len(rowids), _MAP_READ_ROWS):
            at = self._positions(self.rowids, rowids[start : start + _MAP_READ_ROWS])
            if at is None:
                return False
            chosen[self.id_row_of_rowid[at]] = True
        return True

    def ids_marked(self, chosen: np.ndarray) -> np.ndarray:
        """The ids (sorted, in the map's own type) of the articles marked in chosen."""
        return self.sorted_ids[chosen]

    def _as_ids(self, values: np.ndarray) -> np.ndarray:
        """values in the ids' own type (searched as they are, not each id widened for
        every search), those out of its range left out: no article has them."""
        kind = self.sorted_ids.dtype
        if values.dtype == kind:
            return values
        bounds = np.iinfo(kind)
        return values[(values >= bounds.min) & (values <= bounds.max)].astype(kind)

    def passing(
        self,
        published: tuple[int, int, int, int] | None,
        mentioning: np.ndarray | None,
        of_source: np.ndarray | None,
    ) -> tuple[np.ndarray, np.ndarray] | None:
        """The rowids and ids (in id order) of the articles that pass a date filter and a
        source: published in [lower, upper) (published: lower, upper and the rowid range
        [lo, hi) that holds every such article) or among the ids mentioning, and among
        the ids of_source when given.  None when a mentioning id of the source is no
        article of the map.

        Marked over the map's ids and taken back in id order, the source's ids met first
        as _candidates_of_source meets them: at a million articles, two years of mentions
        and a source 2.4 ms, of either date 5.8 (8.5 and 12.6 when every mentioning id was
        searched for before the source's were met), of either date alone 10.6."""
        chosen = np.zeros(len(self.sorted_ids), dtype=bool)
        if published is not None:
            lower, upper, lo, hi = published
            first, last = position(self.rowids, lo), position(self.rowids, hi)
            rows = self.id_row_of_rowid[first:last]
            starts = self.list_starts[self.list_row_of_id[rows]]
            rows = rows[(starts >= self._keys.of(lower)) & (starts < self._keys.of(upper))]
            if of_source is not None:
                rows = rows[_found_in(self.sorted_ids[rows], of_source)]
            chosen[rows] = True
        if mentioning is not None:
            if of_source is not None:
                mentioning = _within(mentioning, of_source)
            at = self._rows_of(mentioning)
            if at is None:
                return None
            chosen[at] = True
        passing = np.flatnonzero(chosen)
        return self.rowids[self._rowid_at_id_row[passing]], self.sorted_ids[passing].astype(
            np.int64
        )

    def _rows_of(self, ids: np.ndarray) -> np.ndarray | None:
        """The rows of ids in sorted_ids (None if one is not there), searched in sorted
        order: 80,000 ids in no order took 15 ms among a million, sorted first 3.5."""
        wanted = np.sort(self._as_ids(ids))
        if len(wanted) != len(ids):
            return None
        return self._positions(self.sorted_ids, wanted)

    @functools.cached_property
    def _rowid_at_id_row(self) -> np.ndarray:
        """Where each of sorted_ids is in rowids (int32; made when a filter first needs it:
        4 bytes an article, 3 ms at a million)."""
        at = np.empty(len(self.id_row_of_rowid), dtype=np.int32)
        at[self.id_row_of_rowid] = np.arange(len(at), dtype=np.int32)
        return at

    def with_shown_dates(
        self, ordered: np.ndarray, moved: Mapping[int, tuple[ListKey, ListKey]]
    ) -> np.ndarray:
        """Ids in list order by their stored dates put in the order of the dates shown
        (moved: listing.redated, the few the user re-dated)."""
        taken = np.isin(ordered, np.fromiter(moved, dtype=np.int64, count=len(moved)))
        if not taken.any():
            return ordered
        rest = ordered[~taken]
        rest_rows = self.list_row_of_id[np.searchsorted(self.sorted_ids, self._as_ids(rest))]
        keys = sorted((moved[int(i)][1] for i in ordered[taken]), key=order_of)
        rows = []
        for start, article_id in keys:
            value = self._keys.of(_UNDATED_KEY if start is None else start)
            first = position(self.list_starts, value, side="left")
            last = position(self.list_starts, value, side="right")
            rows.append(first + position(self.list_ids[first:last], article_id))
        at = positions(rest_rows, np.array(rows, dtype=np.int64))
        return np.insert(rest, at, np.array([k[1] for k in keys], dtype=np.int64))

    def count_between(self, after: ListKey | None, before: ListKey | None) -> int:
        """How many articles lie strictly between two places in the list by their
        stored dates (None: its start, its end), as listing counts them in SQL: a few
        binary searches of the list's keys."""
        low = 0 if after is None else self._rows_below(after, inclusive=True)
        high = len(self.list_ids) if before is None else self._rows_below(before, inclusive=False)
        return max(high - low, 0)

    def _rows_below(self, key: ListKey, *, inclusive: bool) -> int:
        """How many of the list's keys are below key (or at it, when inclusive)."""
        start, article_id = key
        value = self._keys.of(_UNDATED_KEY if start is None else start)
        first = position(self.list_starts, value, side="left")
        last = position(self.list_starts, value, side="right")
        within = self.list_ids[first:last]
        if inclusive:
            return first + position(within, article_id, side="right")
        return first + position(within, article_id, side="left")

    def in_list_order(self, ids: np.ndarray) -> np.ndarray:
        """ids (those of articles) in list order, marked a slice at a time (as in
        mark_rowids: a common word's ids at once were 60 MB of temporaries)."""
        chosen = np.zeros(len(self.list_ids), dtype=bool)
        for start in range(0, len(ids), _MAP_READ_ROWS):
            part = self._as_ids(ids[start : start + _MAP_READ_ROWS])
            at = np.searchsorted(self.sorted_ids, part)
            inside = at < len(self.sorted_ids)
            at = at[inside]
            at = at[self.sorted_ids[at] == part[inside]]
            chosen[self.list_row_of_id[at]] = True
        return self.list_ids[chosen]  # the map's own type, as ids_marked


# One map, of the store and index version last searched (the window's store), read by
# one thread at a time (the window's loader warms it while a search may want it).
_MAP_CACHE: dict[tuple[str, bytes], _ArticleMap] = {}
_MAP_LOCK = threading.Lock()


def warm_article_map(store: Store) -> None:
    """Read the store's article map now unless it is current: the window does it on a
    worker once a store is open or changed, so that its first search finds it (reading
    it costs about 0.6 us an article)."""
    _article_map(store, build=True)


def count_between(store: Store, after: ListKey | None, before: ListKey | None) -> int:
    """listing.count_between, counted in the article map when one is current: the
    list's count over the index grows with the distance (a select of an article 2.2
    million rows down the list held the GUI thread 112-175 ms at 3,880,000 articles),
    the map's is a few binary searches."""
    found = _article_map(store, build=False)
    return listing.count_between(
        store, after, before, stored_count=None if found is None else found.count_between
    )


def counts_in_memory(store: Store) -> bool:
    """Whether count_between counts in a current article map (a few binary searches),
    not in SQL (which grows with the rows it passes)."""
    return _article_map(store, build=False) is not None


def _article_map(store: Store, *, build: bool) -> _ArticleMap | None:
    """The store's article map: the one kept when the index has not changed since, else
    read anew when build is true (else None)."""
    key = (str(store.path), _index_version(store))
    found = _MAP_CACHE.get(key)
    if found is not None or not build:
        return found
    with _limit_paused(), _MAP_LOCK:
        found = _MAP_CACHE.get(key)  # read by another thread meanwhile
        if found is None:
            found = _read_article_map(store)
            if found is not None:
                _MAP_CACHE.clear()
                _MAP_CACHE[key] = found
    return found


# Rows of the id map read a statement when the article map is read: one text of every
# article's three numbers was 150 MB at five million articles, and with the arrays made
# from it and their sorts the read's peak was 600 MB over the map's own 190 (measured
# with the arrays alone, outside the window).
_MAP_READ_ROWS = 262_144
# Rows of the id map one statement of the map's read takes: each part's three texts,
# SQLite's own and the arrays parsed from them were about 12 MB at 262,144 rows, and
# the read rose 108 MB for its 62 MB of columns at 3,880,000 articles; at 65,536 it
# rose 72 (and took 1.44 s where 1.68).
_MAP_PART_ROWS = 65_536


def _read_article_map(store: Store) -> _ArticleMap | None:
    """Every article's index rowid, id and list key, read in rowid order a part at a
    time, in one read transaction (a savepoint), so that the parts are of one state of
    the store; each part written into arrays made once for them all (joined at the end,
    the parts doubled the columns: 93 MB more at 3,880,000 articles), the ids in 32 bits
    where they fit."""
    _run(store, "SAVEPOINT article_map", [])
    try:
        total, highest = _run(store, "SELECT count(*), max(fts_rowid) FROM article_search", [])[0]
        total = int(total)
        # Rowids in 32 bits where the highest fits (read as they will be kept).
        wide = highest is not None and not -(1 << 31) <= int(highest) < 1 << 31
        rowids = np.empty(total, dtype=np.int64 if wide else np.int32)
        ids: np.ndarray = np.empty(total, dtype=np.int32)
        starts = np.empty(total, dtype=np.int64)
        at, after = 0, -(1 << 63)
        while at < total:
            count, last, *texts = _run(
                store,
                "SELECT count(*), max(fts_rowid), group_concat(fts_rowid),"
                " group_concat(article_id),"
                f" group_concat(ifnull(published_start, {_UNDATED_KEY}))"
                " FROM (SELECT fts_rowid, article_id, published_start FROM article_search"
                " WHERE fts_rowid > ? ORDER BY fts_rowid LIMIT ?)",
                [after, min(_MAP_PART_ROWS, total - at)],
            )[0]
            columns = [_int_array([(text,)]) for text in texts]
            if not count or any(len(c) != count for c in columns):
                return None
            part_ids = columns[1]
            if ids.dtype == np.int32 and (
                int(part_ids.max()) >= 1 << 31 or int(part_ids.min()) < -(1 << 31)
            ):
                ids = ids.astype(np.int64)  # an id past 32 bits: every id in 64
            if rowids.dtype == np.int32 and int(columns[0].min()) < -(1 << 31):
                rowids = rowids.astype(np.int64)  # below 32 bits: every rowid in 64
            rowids[at : at + count] = columns[0]
            ids[at : at + count] = part_ids
            starts[at : at + count] = columns[2]
            at += count
            after = last
    finally:
        _run(store, "RELEASE article_map", [])
    columns = [rowids, ids, starts]
    del rowids, ids, starts  # the map's to free as it goes
    return _ArticleMap(columns)


class _StartKeys:
    """The article map's list keys (published_start, _UNDATED_KEY for none) in 32 bits:
    seconds after the earliest, where every dated one is within 68 years of it, undated
    as the largest int32 (3,880,000 articles' keys: 15 MB where 30).  Otherwise kept as
    they are (int64).  `of` puts a key or a bound in the same terms, keeping its order
    against every stored key."""

    UNDATED = int(np.iinfo(np.int32).max)

    def __init__(self, starts: np.ndarray) -> None:
        dated = starts != _UNDATED_KEY
        self.base: int | None = None
        if bool(dated.any()):
            earliest = int(starts.min(initial=_UNDATED_KEY, where=dated))
            latest = int(starts.max(initial=-_UNDATED_KEY, where=dated))
            if latest - earliest <= self.UNDATED - 2:
                self.base = earliest
        elif len(starts):
            self.base = 0

    def taken(self, starts: np.ndarray, order: np.ndarray) -> np.ndarray:
        """starts in order, in these terms (a slice at a time: no 64-bit copy whole)."""
        if self.base is None:
            return starts[order]
        keys = np.empty(len(order), dtype=np.int32)
        for begin in range(0, len(order), _MAP_READ_ROWS):
            part = starts[order[begin : begin + _MAP_READ_ROWS]]
            undated = part == _UNDATED_KEY
            part -= self.base
            part[undated] = self.UNDATED
            keys[begin : begin + len(part)] = part
        return keys

    def of(self, value: int) -> int:
        """A key or a bound in these terms: one past every dated key is one below the
        undated, one before every key is -1 (every stored key's order kept)."""
        if self.base is None:
            return value
        if value == _UNDATED_KEY:
            return int(self.UNDATED)
        return min(max(value - self.base, -1), int(self.UNDATED) - 1)


def _inverse(order: np.ndarray) -> np.ndarray:
    """The inverse of a permutation (int32): where each position went, filled a slice
    at a time (a whole np.arange beside it was 15 MB more at 3,880,000 articles' map)."""
    inverse = np.empty(len(order), dtype=np.int32)
    for start in range(0, len(order), _MAP_READ_ROWS):
        end = min(start + _MAP_READ_ROWS, len(order))
        inverse[order[start:end]] = np.arange(start, end, dtype=np.int32)
    return inverse


def _narrowed(values: np.ndarray) -> np.ndarray:
    """Integers in 32 bits when every one fits (the array itself when it does not)."""
    if not len(values):
        return values.astype(np.int32)
    if values.dtype == np.int32:
        return values
    if int(values.max()) < 1 << 31 and int(values.min()) >= -(1 << 31):
        return values.astype(np.int32)
    return values


def _pack_with_rows(packed: np.ndarray, values: np.ndarray) -> None:
    """Write each value (int32, none negative) above its row (its position) into packed
    (int64, as long), a slice at a time."""
    for begin in range(0, len(values), _MAP_READ_ROWS):
        end = min(begin + _MAP_READ_ROWS, len(values))
        part = values[begin:end].astype(np.int64)
        part <<= 32
        part |= np.arange(begin, end, dtype=np.int64)
        packed[begin:end] = part


def filtered_article_ids(
    store: Store,
    *,
    source: str | None = None,
    date_from: int | None = None,
    date_to: int | None = None,
    event_kind: EventKind | None = None,
    stamp: Hashable | None = None,
) -> np.ndarray:
    """Sorted ids of the articles that pass the filters alone (no words to match); stamp
    as for matching_article_ids.

    A date filter's articles are those a search with words meets its hits with
    (_candidates).  At a million articles, two years (CPU, load 5-6), as one statement
    over the articles' rows (bodies and all) -> so, without the article map / with it:
    with a source, published 341 -> 40 / 32 ms, mentioned 68 -> 36 / 26, either 376 ->
    49 / 29; without one, published 57 -> 28 / 18, mentioned 331 -> 91 / 34, either 423
    -> 111 / 55.
    """
    if event_kind not in (None, "published", "mentioned"):
        raise SearchError(f"Unknown kind of date: {event_kind!r}")
    if date_from is not None and date_to is not None and date_to <= date_from:
        raise SearchError(MESSAGES["dates_reversed"])
    if date_from is not None or date_to is not None:
        reads = _Reads(stamp)
        lower, upper, lo, hi = _date_bounds(store, date_from, date_to, reads)
        found = _candidates(store, source, lower, upper, (lo, hi), event_kind, reads)
        if found is not None:  # (the user's corrections applied)
            return np.unique(found.ids).astype(np.int64)
    clauses: list[str] = []
    params: list[object] = []
    if source is not None:
        clauses.append("source = ?")
        params.append(source)
    bounds = None
    if date_from is not None or date_to is not None:
        lower = -(_MAX_SECONDS << 1) if date_from is None else _clamp(date_from, 1)
        upper = _MAX_SECONDS << 1 if date_to is None else _clamp(date_to, 1)
        bounds = (lower, upper)
        published = "(published_start >= ? AND published_start < ?)"
        mentioned_ids, mentioned_params = _mentioned_ids(lower, upper)
        mentioned = f"id IN ({mentioned_ids})"
        if event_kind == "published":
            clauses.append(published)
            params += [lower, upper]
        elif event_kind == "mentioned":
            clauses.append(mentioned)
            params += mentioned_params
        else:
            clauses.append(f"({published} OR {mentioned})")
            params += [lower, upper, *mentioned_params]
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    rows = _run(store, "SELECT id FROM articles" + where + " ORDER BY id", params)
    ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
    return _Reads().moves_of(store, source, bounds, event_kind).applied(ids)


def article_hit_spans(store: Store, article_id: int, query: str | Query) -> ArticleHitSpans:
    """Where a query's hits are in an article's original title and body (detail pane)."""
    parsed = _as_query(query)
    rows = _run(store, "SELECT title, body FROM articles WHERE id = ?", [article_id])
    if not rows:
        return ArticleHitSpans()
    title, body = rows[0]
    forms = _expand(store, parsed)
    return ArticleHitSpans(
        title=hit_spans(title, parsed, forms), body=hit_spans(body, parsed, forms)
    )


def distinct_sources(store: Store) -> list[str]:
    """Every non-empty source name as the user sees them (corrections win), for the
    search bar's source filter, in the order a reader expects (text.normalize.name_order:
    مصدر-2 before مصدر-10)."""
    # A skip over the articles_source index, one seek a name: a DISTINCT visited every
    # article's entry (344 ms at a million articles, 1.2 s at 2.3 million; this 0.3 ms).
    rows = _run(
        store,
        "WITH RECURSIVE s(source) AS (SELECT min(source) FROM articles WHERE source > ''"
        " UNION ALL SELECT (SELECT min(source) FROM articles WHERE source > s.source)"
        " FROM s WHERE s.source IS NOT NULL)"
        " SELECT source FROM s WHERE source IS NOT NULL",
        [],
    )
    names = {row[0] for row in rows}
    # As the user sees them: the sources the user gave articles, and not a stored one
    # that every article of it was given another in place of (few rows, said by hand).
    corrected = _run(
        store,
        "SELECT a.source, f.value FROM user_article_fields f CROSS JOIN articles a"
        " WHERE f.field = 'source' AND a.uid = f.article_uid",
        [],
    )
    for stored in {old for old, _new in corrected} & names:
        still = _run(
            store,
            "SELECT 1 FROM articles a WHERE a.source = ? AND NOT EXISTS (SELECT 1 FROM"
            " user_article_fields f WHERE f.article_uid = a.uid AND f.field = 'source') LIMIT 1",
            [stored],
        )
        if not still:
            names.discard(stored)
    names |= {new for _old, new in corrected if new}
    return sorted(names, key=name_order)


# -- the user's notes and tags find their articles too ----------------------------------


def with_user_text_matches(
    store: Store, query: str, ids: np.ndarray, filters: dict[str, Any]
) -> np.ndarray:
    """A search's ids with the articles its words find in notes and tags (filters kept)."""
    found = user_text_matches(store, query)
    if not len(found):
        return ids
    if any(filters.get(k) is not None for k in ("source", "date_from", "date_to")):
        found = np.intersect1d(found, filtered_article_ids(store, **filters))
    return np.union1d(ids, found).astype(np.int64)


def note_hits(
    store: Store,
    query: str,
    found: set[int],
    source: str | None = None,
    date_from: int | None = None,
    date_to: int | None = None,
    event_kind: str | None = None,
) -> list[tuple[int, str, str | None, str, str]]:
    """(id, title, published, source, note) of the articles the query finds by their note
    or tags and not among found, the user's title, date and source winning (for
    `timeline search`, whose hits come from the index)."""
    filters = {
        "source": source,
        "date_from": date_from,
        "date_to": date_to,
        "event_kind": event_kind,
    }
    ids = [
        int(i)
        for i in with_user_text_matches(store, query, np.empty(0, dtype=np.int64), filters)
        if int(i) not in found
    ]
    values = user_values(store, ids)
    out = []
    for article_id, summary in sorted(store.article_summaries(ids).items()):
        title, published, article_source = summary
        v = values.get(article_id)
        if v is None:
            out.append((article_id, title, published, article_source, ""))
            continue
        shown_published = v.published.value if v.published else published
        title = v.fields.get("title", title)
        out.append(
            (article_id, title, shown_published, v.fields.get("source", article_source), v.note)
        )
    return out
