"""A search's marks on the timeline's events: which rows belong to its hits.

Made on the search's worker for the arrays the timeline drew when the search was asked
(HitMarks), so that the GUI thread only takes them: at 7,604,961 events the table pass
and the rows of the marks held it 60-75 ms for each search (more on a busy machine).
The timeline makes them itself when its arrays have changed since (an edit, a load):
marks of other arrays are never used.  No Qt here: numpy only.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from timeline.sorted_search import positions

# Article ids up to this are looked up in a table of one byte an id (64 MB at most).
TABLE_MAX_ID = 64_000_000


def true_rows(mask: np.ndarray, step: int = 1 << 20, *, invert: bool = False) -> np.ndarray:
    """np.flatnonzero(mask) (of ~mask with invert), in 32 bits while the rows fit, made
    a slice at a time: no 64-bit array of every hit on the way (72 MB, then 36 MB kept,
    at 9M hits)."""
    if len(mask) >= 2**31:
        return np.flatnonzero(~mask if invert else mask)
    hits = int(np.count_nonzero(mask))
    rows = np.empty(len(mask) - hits if invert else hits, dtype=np.int32)
    done = 0
    for first in range(0, len(mask), step):
        part = mask[first : first + step]
        part = np.flatnonzero(~part if invert else part)
        np.add(part, first, out=rows[done : done + len(part)], casting="unsafe")
        done += len(part)
    return rows


def rows_of_articles(
    article_ids: np.ndarray, wanted_ids: Iterable[int], bounds: tuple[int, int] | None = None
) -> np.ndarray:
    """Which rows belong to one of wanted_ids (the pass that marks a search's hits on
    the timeline's events): among() over the rows' article ids."""
    return among(article_ids, wanted_ids, bounds)


def among(
    article_ids: np.ndarray, wanted_ids: Iterable[int], bounds: tuple[int, int] | None = None
) -> np.ndarray:
    """Which of article_ids are one of wanted_ids: by a table indexed by article id, one
    pass over them (numpy.isin sorted them all: 0.1-0.5 s on the GUI thread for a
    search highlighting a quarter of a million events' articles).  bounds: the lowest
    and highest of article_ids, when known (two more passes over 10M rows: 18 ms)."""
    # One conversion of the whole list (a Python int() for each id took longer than the
    # look-up itself).
    listed = wanted_ids if isinstance(wanted_ids, np.ndarray | list | tuple) else list(wanted_ids)
    # An integer array as it is (a search's hits in 32 bits: a 64-bit copy of a common
    # word's was 18 MB at the search's peak, 3,880,000 articles).
    integers = isinstance(listed, np.ndarray) and listed.dtype.kind in "iu"
    wanted = (listed if integers else np.asarray(listed, dtype=np.int64)).ravel()
    if not len(article_ids) or not len(wanted):
        return np.zeros(len(article_ids), dtype=bool)
    low, top = bounds if bounds is not None else (int(article_ids.min()), int(article_ids.max()))
    if low < 0 or top > TABLE_MAX_ID:
        return np.isin(article_ids, wanted)
    table = np.zeros(top + 1, dtype=bool)
    # A slice of the wanted at a time: those in range of every hit at once were a copy
    # of them all (18 MB for a word in 2,284,773 of 3,880,000 articles).
    for first in range(0, len(wanted), _SLICE):
        part = wanted[first : first + _SLICE]
        table[part[(part >= 0) & (part <= top)]] = True
    # A slice at a time: np.take of the whole column converted its 32-bit ids to a 64-bit
    # copy of them all first (80 MB at 10M events), a slice's only its own; and a thread
    # making them (the search's worker) gives the GIL back between slices, where one call
    # over 7,604,961 rows held the GUI thread 40-56 ms.  Every id is in the table's range
    # (low and top bound them): no check needed.
    mask = np.empty(len(article_ids), dtype=bool)
    for first in range(0, len(article_ids), _SLICE):
        part = slice(first, first + _SLICE)
        np.take(table, article_ids[part], out=mask[part], mode="clip")
    return mask


def taken_out(column: np.ndarray, out: np.ndarray) -> np.ndarray:
    """column less the rows out (sorted, a few), written over its own buffer: a view of
    its first rows (each slice between two taken out moved back, no new pages)."""
    if not len(out):
        return column
    put = int(out[0])
    for a, b in itertools.pairwise([*out.tolist(), len(column)]):
        n = b - a - 1
        if n > 0:
            column[put : put + n] = column[a + 1 : b]  # numpy moves overlapping slices
        put += max(n, 0)
    return column[:put]


def hits_less(hits: np.ndarray, gone: Iterable[int]) -> np.ndarray:
    """hits (sorted, distinct ids) less the ids gone (a few: articles just hidden),
    written over hits' own buffer (taken_out): a view of its first ids, or hits itself
    when none of them is a hit.  Each id found by a binary search: numpy.isin's mask of
    every hit, its inverse and the copy it picked were three passes and 23 MB of new
    pages at 2,278,641 hits, 34 ms of a hide's GUI thread at 3,880,000 articles."""
    wanted = np.unique(np.fromiter(gone, dtype=np.int64))
    found = positions(hits, wanted)
    inside = found < len(hits)
    listed = found[inside][hits[found[inside]] == wanted[inside]]
    return taken_out(hits, listed)


# Rows a slice of among() (a few milliseconds each).
_SLICE = 1 << 18


@dataclass(frozen=True)
class HitMarks:
    """The marks of some articles' events in one generation of the timeline's arrays.

    arrays: the arrays they were made for (compared by identity: an edit's arrays are a
    new object, whose rows may differ); mask: each row's mark; others: whether rows holds
    the unmarked rows (the fewer, when the hits are most rows); rows: those rows."""

    arrays: object
    mask: np.ndarray
    others: bool
    rows: np.ndarray


def hit_marks(
    arrays: object, article_ids: np.ndarray, wanted: np.ndarray, bounds: tuple[int, int] | None
) -> HitMarks:
    """The marks of wanted's events among rows of article_ids (arrays' column)."""
    mask = rows_of_articles(article_ids, wanted, bounds)
    hits = int(np.count_nonzero(mask))
    others = hits > len(mask) - hits
    return HitMarks(arrays, mask, others, true_rows(mask, invert=others))


def earliest_columns(earliest: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """The earliest copy by each later copy (stories: read_collapse) as two arrays, the
    later copies sorted and the earliest aligned with them: for shown_once."""
    count = len(earliest)
    keys = np.fromiter(earliest.keys(), dtype=np.int64, count=count)
    copies = np.fromiter(earliest.values(), dtype=np.int64, count=count)
    order = np.argsort(keys, kind="stable")
    return keys[order], copies[order]


def shown_once(ids: np.ndarray, earliest: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """The ids in their order with each copy that stands behind another (`earliest`: its
    keys sorted, and their copies) put in its place, and each listed where it first
    comes; in the ids' own type where every stand-in fits it (a search's hits in 32 bits).

    Only the few places that can change are worked on (the copies given, and the ids
    their stand-ins already hold): two million hits take one mask and the array kept,
    not a sort or a Python object an id.  Both are found by a table looked up a slice
    of the ids at a time (among): 2,280,000 hits in 32 bits with 300,000
    copies among them (spread at random over 3,880,000 articles), made 64-bit by the
    callers (18 MB) and looked up by numpy's isin, peaked at 48 MB more with the 17 MB
    kept; now 23 MB with the 8.7 kept, in 175-209 ms where 253-277."""
    keys, copies = earliest
    if not len(keys) or not len(ids):
        return ids
    moved = true_rows(among(ids, keys))
    if not len(moved):
        return ids
    stand_ins = copies[np.searchsorted(keys, ids[moved])]
    if ids.dtype != stand_ins.dtype and not np.can_cast(stand_ins.dtype, ids.dtype):
        bounds = np.iinfo(ids.dtype)
        if int(stand_ins.min()) < bounds.min or int(stand_ins.max()) > bounds.max:
            ids = ids.astype(np.int64)
    held = true_rows(among(ids, stand_ins))
    places = np.union1d(moved, held)  # sorted: the order the ids come in
    shown = ids[places]
    shown[np.searchsorted(places, moved)] = stand_ins
    _, first = np.unique(shown, return_index=True)
    dropped = np.delete(places, first)  # sorted, as places are
    out = np.delete(ids, dropped)
    kept = ~np.isin(moved, dropped)
    # Where the kept stand-ins go once the dropped places before them are gone.
    at = moved[kept]
    out[at - np.searchsorted(dropped, at)] = stand_ins[kept]
    return out
