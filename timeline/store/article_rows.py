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
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from timeline.store.timeline_data import RowSplice

# Splices followed before the rows are to be sorted again (each adds a few searches of a
# handful of rows to every look-up).
MAX_STEPS = 48


class _Sorted:
    """The rows of one generation of arrays by article: filled once, by the sort."""

    def __init__(self) -> None:
        self.made: tuple[np.ndarray, np.ndarray] | None = None  # (article ids, rows)


def sort_by_article(article_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(article ids ascending, their rows): each article's rows in row order.

    One sort of a key holding the article id above the row (an unstable sort of
    64-bit numbers, several times a stable argsort's speed); a stable argsort where
    the ids are too large for the key.
    """
    keys = _keys(article_ids)
    return _sorted(keys) if keys is not None else _stable(np.array(article_ids, np.int64))


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


def _sorted(job: list) -> tuple[np.ndarray, np.ndarray]:
    """The keys of _keys sorted and split into (article ids, rows); their pages unmapped."""
    pages, keys, bits = job
    job.clear()
    keys.sort()
    rows = np.empty(len(keys), dtype=np.int32 if len(keys) < 2**31 else np.int64)
    np.bitwise_and(keys, (1 << bits) - 1, out=rows, casting="unsafe")
    keys >>= bits
    fits = not len(keys) or int(keys[-1]) < 2**31
    ids = keys.astype(np.int32) if fits else keys.copy()
    del keys
    pages.close()
    return ids, rows


def _stable(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rows = np.argsort(ids, kind="stable")
    return ids[rows], rows


class ArticleRows:
    """Where each article's rows are in one generation of arrays.

    Made pending (sort_later: the sort runs on a thread) or sorted now (sorted_now);
    followed() gives the index of the arrays a splice made from these.  rows() is None
    while the sort has not ended: the caller passes over the rows as before.
    """

    def __init__(
        self,
        made: _Sorted,
        steps: tuple[tuple[RowSplice, np.ndarray], ...] = (),
        size: int = 0,
    ) -> None:
        self._made = made
        self._steps = steps  # (splice, the article id of each row it put in)
        self.size = size  # rows of the arrays indexed

    @classmethod
    def sorted_now(cls, article_ids: np.ndarray) -> ArticleRows:
        made = _Sorted()
        made.made = sort_by_article(article_ids)
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

        threading.Thread(target=sort, name="article rows", daemon=True).start()
        return cls(made, size=len(article_ids))

    @property
    def ready(self) -> bool:
        return self._made.made is not None

    @property
    def steps(self) -> int:
        """Splices followed since the sort."""
        return len(self._steps)

    def followed(self, splice: RowSplice, placed_articles: np.ndarray, size: int) -> ArticleRows:
        """The index of the arrays splice made from these (size rows); placed_articles:
        the article id of each row it put in (splice.placed)."""
        step = (splice, np.asarray(placed_articles, dtype=np.int64))
        return ArticleRows(self._made, (*self._steps, step), size)

    def rows(self, article_id: int) -> np.ndarray | None:
        """The article's rows, ascending (None until sorted)."""
        made = self._made.made
        if made is None:
            return None
        keys, rows = made
        key = keys.dtype.type(article_id)
        lo, hi = keys.searchsorted(key, "left"), keys.searchsorted(key, "right")
        found = rows[lo:hi]
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
