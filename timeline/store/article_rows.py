"""The rows of each article in the timeline's arrays, found by a search, not a pass.

An edit lays over the rows of the articles it touched (store.edits.patch_overlay), and
the view selects an article's rows; each used to compare every row's article id (about
a millisecond at a million events, four times a hide).  ArticleRows sorts the rows by
article once, on a thread of its own (np.sort lets go of the GIL: 60-100 ms at a million
rows), and follows the arrays through each edit's splice (RowSplice) instead of sorting
again: an article's rows are its sorted rows mapped through the splices since, with the
rows each splice put in for it.  After MAX_STEPS splices the window sorts afresh.
"""

from __future__ import annotations

import mmap
import threading
from typing import Protocol

import numpy as np

from timeline.sorted_search import position


class Splice(Protocol):
    """What ArticleRows follows of an edit's splice (timeline_data.RowSplice): how the
    rows of the arrays before are rows of the arrays after, and the rows put in."""

    @property
    def placed(self) -> np.ndarray: ...

    def map_rows(self, rows: np.ndarray) -> np.ndarray: ...


# Splices followed before the rows are to be sorted again (each adds a few searches of a
# handful of rows to every look-up).
MAX_STEPS = 48


# (each article id once, ascending; where its rows begin in rows, and the end; rows)
Made = tuple[np.ndarray, np.ndarray, np.ndarray]


class _Sorted:
    """The rows of one generation of arrays by article: filled once, by the sort."""

    def __init__(self) -> None:
        self.made: Made | None = None
        self.thread: threading.Thread | None = None  # the sort's, when on a thread


def sort_by_article(article_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(article ids ascending, their rows): each article's rows in row order.

    One sort of a key holding the article id above the row (an unstable sort of
    64-bit numbers, several times a stable argsort's speed); a stable argsort where
    the ids are too large for the key.
    """
    ids, bounds, rows = _sort(article_ids)
    return np.repeat(ids, np.diff(bounds)), rows


def _sort(article_ids: np.ndarray) -> Made:
    keys = _keys(article_ids)
    return _sorted(keys) if keys is not None else _stable(np.array(article_ids, np.int64))


def _runs(sorted_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each id of sorted_ids once and where its run begins (then the end): an article's
    rows are a run, so the index keeps an id an article, not one a row (40 MB at ten
    million events against 1-2 MB)."""
    firsts = np.flatnonzero(sorted_ids[1:] != sorted_ids[:-1]) + 1
    bounds = np.empty(len(firsts) + 2 if len(sorted_ids) else 1, dtype=np.int64)
    bounds[0] = 0
    bounds[1:-1] = firsts
    bounds[-1] = len(sorted_ids)
    return _narrowed(sorted_ids[bounds[:-1]]), _narrowed(bounds)


def _narrowed(values: np.ndarray) -> np.ndarray:
    """Integers in 32 bits when every one fits, else in 64: an article's id and where
    its rows begin, kept an article (at 3,880,000 articles in 64 bits, 59 MB; in 32, 30)."""
    if not len(values) or (int(values.max()) < 1 << 31 and int(values.min()) >= -(1 << 31)):
        return values.astype(np.int32)
    return values.astype(np.int64)


# Rows made into keys at a time (no temporary the size of the column).
_CHUNK = 1 << 16


def _keys(article_ids: np.ndarray) -> list | None:
    """[pages, keys, bits]: each row's key (its article id above its row, `bits` bits
    for the row) in pages mapped for them alone, given back to the system once sorted
    (the window's heap keeps what it frees: ui/memory.py); None when an id does not fit.
    """
    n = len(article_ids)
    bits = max(n.bit_length(), 1)
    if n and (int(article_ids.min()) < 0 or int(article_ids.max()) >= 1 << (62 - bits)):
        return None
    pages = mmap.mmap(-1, max(8 * n, 8))
    keys = np.frombuffer(pages, dtype=np.int64, count=n)
    for i in range(0, n, _CHUNK):
        part = keys[i : i + _CHUNK]
        part[:] = article_ids[i : i + _CHUNK]
        part <<= bits
        part |= np.arange(i, i + len(part), dtype=np.int64)
    return [pages, keys, bits]


# Keys split at a time once sorted (no temporary the size of the column).
_SPLIT = 1 << 18


def _sorted(job: list) -> Made:
    """The keys of _keys sorted and split into Made.

    The runs of article ids are found first, a slice at a time; then each key's row is
    written over the first half of the keys' own pages (a slice's keys are read before
    its rows are written, and a row lands below every key not yet read), and the second
    half is given back to the system: the index holds 4 bytes a row, and its making no
    more than the keys' 8 (a rows column beside the keys was 40 MB more at ten million
    events, at the window's peak)."""
    pages, keys, bits = job
    job.clear()
    keys.sort()
    n = len(keys)
    if not n:
        del keys
        pages.close()
        return (*_runs(np.empty(0, dtype=np.int64)), np.empty(0, dtype=np.int32))
    # Where each article's run begins, and its id, made a slice at a time in the types
    # they are kept in: made whole in 64 bits and then narrowed, they were 93 MB of
    # temporaries at 3,880,000 articles (24 bytes an article; now 10), at the peak of
    # the window's reload.
    place = np.int32 if n < 1 << 31 else np.int64
    firsts = [
        (np.flatnonzero(part[1:] != part[:-1]) + (i + 1)).astype(place)
        for i in range(0, n, _SPLIT)
        for part in (keys[i : i + _SPLIT + 1] >> bits,)
    ]
    bounds = np.concatenate((np.zeros(1, place), *firsts, np.full(1, n, place)))
    del firsts
    articles = len(bounds) - 1
    ids = np.empty(articles, dtype=np.int32 if int(keys[-1]) >> bits < 1 << 31 else np.int64)
    for i in range(0, articles, _SPLIT):
        np.right_shift(
            keys[bounds[i : min(i + _SPLIT, articles)]],
            bits,
            out=ids[i : i + _SPLIT],
            casting="unsafe",
        )
    mask = (1 << bits) - 1
    rows = np.frombuffer(pages, dtype=np.int32, count=n) if n < 2**31 else None
    if rows is None or not hasattr(pages, "madvise"):
        rows = np.empty(n, dtype=np.int32 if n < 2**31 else np.int64)
        np.bitwise_and(keys, mask, out=rows, casting="unsafe")
        del keys
        pages.close()
        return ids, bounds, rows
    for i in range(0, n, _SPLIT):
        rows[i : i + _SPLIT] = keys[i : i + _SPLIT] & mask
    del keys
    kept = -(-4 * n // mmap.PAGESIZE) * mmap.PAGESIZE
    if kept < len(pages):
        pages.madvise(mmap.MADV_DONTNEED, kept, len(pages) - kept)
    return ids, bounds, rows  # rows keeps the pages mapped


def _stable(ids: np.ndarray) -> Made:
    rows = np.argsort(ids, kind="stable")
    return (*_runs(ids[rows]), rows)


class ArticleRows:
    """Where each article's rows are in one generation of arrays.

    Made pending (sort_later: the sort runs on a thread) or sorted now (sorted_now);
    followed() gives the index of the arrays a splice made from these.  rows() is None
    while the sort has not ended: the caller passes over the rows as before.
    """

    def __init__(
        self,
        made: _Sorted,
        steps: tuple[tuple[Splice, np.ndarray], ...] = (),
        size: int = 0,
    ) -> None:
        self._made = made
        self._steps = steps  # (splice, the article id of each row it put in)
        self.size = size  # rows of the arrays indexed

    @classmethod
    def sorted_now(cls, article_ids: np.ndarray) -> ArticleRows:
        made = _Sorted()
        made.made = _sort(article_ids)
        return cls(made, size=len(article_ids))

    @classmethod
    def sort_later(cls, article_ids: np.ndarray) -> ArticleRows:
        """Sorted on a thread of its own from a copy of article_ids (the arrays' columns
        may be written over by the next edit's patch while it runs)."""
        made = _Sorted()
        keys = _keys(article_ids)  # read here: made of a copy
        # No view of article_ids kept by the thread: a view would keep the window's edits
        # from writing over the columns' buffers (ColumnRoom.in_place counts them).
        ids = np.array(article_ids, np.int64) if keys is None else np.empty(0, np.int64)

        def sort() -> None:
            # One assignment: read whole or not at all.
            made.made = _sorted(keys) if keys is not None else _stable(ids)

        made.thread = threading.Thread(target=sort, name="article rows", daemon=True)
        made.thread.start()
        return cls(made, size=len(article_ids))

    def wait(self) -> None:
        """Until the sort has ended (the events' loader waits before it makes the
        search's article map, so that the two's peaks do not add up)."""
        thread = self._made.thread
        if thread is not None:
            thread.join()

    @property
    def ready(self) -> bool:
        return self._made.made is not None

    @property
    def sorting(self) -> bool:
        """Whether the sort is still running: rows() is None until it ends (a sort that
        failed, its thread ended, is not running)."""
        thread = self._made.thread
        return self._made.made is None and thread is not None and thread.is_alive()

    @property
    def steps(self) -> int:
        """Splices followed since the sort."""
        return len(self._steps)

    def followed(self, splice: Splice, placed_articles: np.ndarray, size: int) -> ArticleRows:
        """The index of the arrays splice made from these (size rows); placed_articles:
        the article id of each row it put in (splice.placed)."""
        step = (splice, np.asarray(placed_articles, dtype=np.int64))
        return ArticleRows(self._made, (*self._steps, step), size)

    def rows(self, article_id: int) -> np.ndarray | None:
        """The article's rows, ascending (None until sorted)."""
        made = self._made.made
        if made is None:
            return None
        ids, bounds, rows = made
        # Sought in the ids' own type: numpy widens every id of a 32-bit column for a
        # Python int or an int64 (81 ms on the GUI thread at 3,880,000 articles).
        article_id = int(article_id)
        i = position(ids, article_id)
        found = (
            rows[int(bounds[i]) : int(bounds[i + 1])]
            if i < len(ids) and ids[i] == article_id
            else rows[:0]
        )
        for splice, placed_articles in self._steps:
            if len(found):
                found = splice.map_rows(found)
                found = found[found >= 0]
            mine = splice.placed[placed_articles == article_id]
            if len(mine):
                found = np.sort(np.concatenate((found, mine)))
        return np.asarray(found, dtype=np.int64)

    def rows_of(self, article_ids: np.ndarray) -> np.ndarray | None:
        """The rows of these articles, ascending (None until sorted)."""
        parts = []
        for article_id in np.unique(article_ids).tolist():
            found = self.rows(article_id)
            if found is None:
                return None
            parts.append(found)
        if not parts:
            return np.empty(0, dtype=np.int64)
        return np.sort(np.concatenate(parts)) if len(parts) > 1 else parts[0]
