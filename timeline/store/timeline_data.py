"""What the timeline view reads from a Store: events as numpy arrays, labels on demand."""

from __future__ import annotations

import bisect
import itertools
import math
import re
import sys
import weakref
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import InitVar, dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from timeline.store.store import Store
from timeline.store.text_head import head_sql, head_text
from timeline.text.display_safe import SHOWN_CHARS, shown_part

if TYPE_CHECKING:
    from timeline.store.article_rows import ArticleRows

KIND_CODES: dict[str, int] = {"published": 0, "mentioned": 1, "duration": 2, "vague": 3}
KIND_NAMES: dict[int, str] = {code: name for name, code in KIND_CODES.items()}
PUBLISHED = KIND_CODES["published"]
MENTIONED = KIND_CODES["mentioned"]

# Finer than a day an instant is drawn as a point even when it carries an end.
POINT_GRANULARITIES = ("second", "minute", "hour", "day")

_POINT_SQL = ",".join(f"'{g}'" for g in POINT_GRANULARITIES)
_IS_POINT = f'"end" IS NULL OR "end" <= start OR granularity IN ({_POINT_SQL})'
# flags: kind code in the low 4 bits, "drawn as a point" in bit 4.
_COLUMNS = (
    "id",
    "article_id",
    "start",
    'coalesce("end", start)',
    "(CASE kind WHEN 'published' THEN 0 WHEN 'mentioned' THEN 1"
    f" WHEN 'duration' THEN 2 ELSE 3 END) + (CASE WHEN {_IS_POINT} THEN 16 ELSE 0 END)",
)
# The loader reads the ends of the ranges alone (group_concat skips a NULL), in the
# order of their rows: a point's end is its start (EventArrays).
_LOADED_COLUMNS = (*_COLUMNS[:3], f'CASE WHEN {_IS_POINT} THEN NULL ELSE "end" END', _COLUMNS[4])
# Each column of a range of days comes back as one comma-joined string, parsed by
# numpy.  Measured on the 1M-event bench store (2 cores, loaded): 2.5 s this way, 3.5 s
# with rows fetched as Python tuples into preallocated arrays (fetchmany), 4.9 s with
# numpy.fromiter over the cursor, 6.6 s as fixed-width hex (printf) parsed by
# bytes.fromhex; SQLite has no binary aggregate.  The aggregate runs inside SQLite with
# the GIL released, so the GUI thread runs meanwhile; the parse of one range holds it
# for a few milliseconds.  The ranges are bounded by days from timeline_density
# (schema v10), each a range scan of the covering index events_timeline: no row is
# read twice (LIMIT/OFFSET chunks rescanned every row before their offset).
_RANGE_SELECT = (
    "SELECT count(*), "
    + ", ".join(f"group_concat({c}, ',')" for c in ("c0", "c1", "c2", "c3", "c4"))
    + " FROM (SELECT "
    + ", ".join(f"{expr} AS c{i}" for i, expr in enumerate(_LOADED_COLUMNS))
    + " FROM events WHERE start IS NOT NULL AND start >= ? AND start < ? ORDER BY start)"
)
DAY = 86_400
# Every start the axis can hold lies inside these (timeline.model's axis, +-1e15 s).
_LOWEST, _HIGHEST = -(2**62), 2**62


@dataclass(frozen=True)
class DensitySummary:
    """How many placed events start on each day (timeline_density): a density band for
    the whole store from a few thousand rows, drawn before any event is read.

    days: the days (axis seconds // 86400) with events, ascending; counts: how many on
    each.  Within a day its events are taken as spread evenly.
    """

    days: np.ndarray = field(default_factory=lambda: _empty("<i8"))
    counts: np.ndarray = field(default_factory=lambda: _empty("<i8"))
    # The days the articles were published in (home_span's), when any article is dated.
    home: tuple[int, int] | None = None

    def __len__(self) -> int:
        return int(self.counts.sum())

    @property
    def span(self) -> tuple[int, int] | None:
        """(first day's start, last day's end), or None when there are no events."""
        if not len(self.days):
            return None
        return int(self.days[0]) * DAY, (int(self.days[-1]) + 1) * DAY

    def _cumulative(self, times: np.ndarray) -> np.ndarray:
        """How many events start before each time (evenly within a day), rounded."""
        xs = np.empty(2 * len(self.days), dtype=np.float64)
        xs[0::2] = self.days * DAY
        xs[1::2] = xs[0::2] + DAY
        after = np.cumsum(self.counts)
        ys = np.empty(len(xs), dtype=np.float64)
        ys[0::2] = after - self.counts
        ys[1::2] = after
        if not len(xs):
            return np.zeros(len(times), dtype=np.int64)
        return np.rint(np.interp(times, xs, ys)).astype(np.int64)

    def density(self, edges: np.ndarray) -> np.ndarray:
        """About how many events start in each [edges[i], edges[i+1]) (edges ascending)."""
        return np.diff(self._cumulative(np.asarray(edges, dtype=np.float64)))

    def count_starting(self, t0: float, t1: float) -> int:
        """About how many events start in [t0, t1]."""
        return int(np.diff(self._cumulative(np.array([t0, t1], dtype=np.float64)))[0])

    def ranges(self, rows: int) -> list[tuple[int, int]]:
        """[start, end) ranges of axis seconds, on day boundaries, each holding about
        `rows` events (more when one day holds more), covering every start."""
        if not len(self.days):
            return [(_LOWEST, _HIGHEST)]
        cumulative = np.cumsum(self.counts)
        cuts: list[int] = []
        target = rows
        while target < cumulative[-1]:
            i = int(np.searchsorted(cumulative, target, side="left"))
            if i + 1 >= len(self.days):
                break
            cuts.append(int(self.days[i + 1]) * DAY)
            target = int(cumulative[i]) + rows
        bounds = [_LOWEST, *cuts, _HIGHEST]
        return list(itertools.pairwise(bounds))


def density_summary(store: Store) -> DensitySummary:
    """The store's events per day, from timeline_density (a row per day with events)."""
    rows = store.db.conn.execute(
        "SELECT group_concat(day, ','), group_concat(n, ',')"
        " FROM (SELECT day, n FROM timeline_density WHERE n > 0 ORDER BY day)"
    ).fetchone()
    # Two ends of the chronological index: the span the view opens on, from the start.
    first, last = store.db.conn.execute(
        "SELECT min(published_start), max(published_start) FROM articles"
    ).fetchone()
    home = None if first is None else _whole_days(first, last)
    return DensitySummary(_parse(rows[0]), _parse(rows[1]), home)


def _first_of(codes: np.ndarray, code: int, chunk: int = 1 << 20) -> int | None:
    """The first index of code in codes, or None: a slice at a time, so that no mask the
    length of ten million events is made, and a code found early reads little."""
    for lo in range(0, len(codes), chunk):
        hit = codes[lo : lo + chunk] == code
        if hit.any():
            return lo + int(hit.argmax())
    return None


def _whole_days(first: int, last: int) -> tuple[int, int]:
    """From the start of first's day to the end of last's (axis seconds)."""
    return first // DAY * DAY, (last // DAY + 1) * DAY


def _empty(dtype: str) -> np.ndarray:
    return np.empty(0, dtype=dtype)


@dataclass(frozen=True)
class RowSplice:
    """How arrays were made from source by taking rows out and putting a few in: enough
    to follow rows from one to the other without a pass over every row.

    out: source rows taken out (sorted); at: for each row put in (in start order), the
    source row it went before; placed: the rows put in, as rows of the new arrays.
    source is a weak reference (the old arrays are not kept alive by the new ones).
    changed: the starts and the ends of the rows taken out and put in, when known;
    out_ids: the ids of the rows taken out, when known (read before the source was
    written over: a patch in place spends it).
    """

    source: Callable[[], EventArrays | None]
    out: np.ndarray
    at: np.ndarray
    placed: np.ndarray
    changed: tuple[np.ndarray, np.ndarray] | None = None
    out_ids: np.ndarray | None = None

    def map_rows(self, rows: np.ndarray) -> np.ndarray:
        """Source rows as rows of the new arrays; -1 for those taken out."""
        rows = np.asarray(rows, dtype=np.int64)
        mapped = rows - np.searchsorted(self.out, rows) + np.searchsorted(self.at, rows, "right")
        if len(self.out):
            i = np.minimum(np.searchsorted(self.out, rows), len(self.out) - 1)
            mapped[self.out[i] == rows] = -1
        return mapped


@dataclass
class EventArrays:
    """Every placed event as parallel numpy arrays sorted by start (then id).

    The range events (not points) are also kept apart, sorted by start, so that a range
    that began before the view is still found; their ends are kept there alone.  A
    point is drawn at its start, and its end is its start: a column of every end held 8
    bytes an event for the ranges' sake (61 MB of the 556 the window held after a search
    at 7,604,802 events, of which 1,677,166 are ranges).  ends_of() reads the ends of
    some rows, all_ends() makes the whole column for a pass that drops it.

    ends (given to the constructor only): every row's end, of which the ranges' are kept
    (None: every end its start).
    """

    ids: np.ndarray = field(default_factory=lambda: _empty("<i8"))
    article_ids: np.ndarray = field(default_factory=lambda: _empty("<i8"))
    starts: np.ndarray = field(default_factory=lambda: _empty("<i8"))
    ends: InitVar[np.ndarray | None] = None
    kinds: np.ndarray = field(default_factory=lambda: _empty("u1"))
    points: np.ndarray = field(default_factory=lambda: _empty("bool"))
    range_rows: np.ndarray = field(init=False)
    range_starts: np.ndarray = field(init=False)
    range_ends: np.ndarray = field(init=False)
    # Set on arrays spliced from others (an edit's patch): how to follow their rows.
    origin: RowSplice | None = field(default=None, init=False, repr=False, compare=False)
    # Each article's rows by a search (store.article_rows.ArticleRows), when made.
    article_index: ArticleRows | None = field(default=None, init=False, repr=False, compare=False)
    # The last covering_rows() answer, by its key (an object's rows never change: an
    # edit patched into a ColumnRoom makes a new object, the one before is spent).
    _covering: tuple[int, np.ndarray] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    # span, once asked (a pass over every end: 5 ms at ten million events, and the
    # window's hand-over asked it three times); kept in a 1-tuple, the span may be None.
    _span: tuple[tuple[int, int] | None] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    # home_span, once asked (a pass over every kind), kept as span is.
    _home: tuple[tuple[int, int] | None] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    # The ranges by length class (LengthClasses), made on first use or by warm(); or
    # being made a slice at a time (_builder), all of them one class meanwhile (_whole).
    _classes: LengthClasses | None = field(default=None, init=False, repr=False, compare=False)
    _builder: Generator[None, None, LengthClasses] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _whole: WholeRanges | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self, ends: np.ndarray | None) -> None:
        self.range_rows = np.flatnonzero(~self.points)
        self.range_starts = self.starts[self.range_rows]
        if ends is None:
            self.range_ends = self.range_starts.copy()
        else:
            self.range_ends = np.maximum(np.asarray(ends)[self.range_rows], self.range_starts)

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def with_ranges(
        cls,
        columns: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray],
        range_rows: np.ndarray,
        range_starts: np.ndarray,
        range_ends: np.ndarray,
    ) -> EventArrays:
        """From (ids, article_ids, starts, kinds, points) and their range rows as the
        caller worked them out: without the pass over every row that finds them."""
        arrays = cls.__new__(cls)
        arrays.ids, arrays.article_ids, arrays.starts, arrays.kinds, arrays.points = columns
        arrays.range_rows = range_rows
        arrays.range_starts = range_starts
        arrays.range_ends = range_ends
        arrays.origin = None
        arrays.article_index = None
        arrays._covering = None
        arrays._span = arrays._home = None
        arrays._classes = arrays._builder = arrays._whole = None
        return arrays

    def alias(self) -> EventArrays:
        """The same columns in an object of its own: one whose columns a ColumnRoom may
        swap for copies without changing what holders of this one see."""
        alias = EventArrays.with_ranges(
            self.columns(), self.range_rows, self.range_starts, self.range_ends
        )
        alias.hold_classes(self.made_classes())  # the same ranges: the same classes
        alias.article_index = self.article_index  # the same rows
        alias._span = self._span
        alias._home = self._home
        return alias

    def columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(ids, article_ids, starts, kinds, points): the columns of every row."""
        return self.ids, self.article_ids, self.starts, self.kinds, self.points

    def ends_of(self, rows: np.ndarray) -> np.ndarray:
        """The ends of these rows (a new array): a point's start, a range's end found by a
        search of range_rows.  At 7.6 million events (1.7 million ranges) 12 us for 200
        rows, 42 for 2,000, 115 for 5,000 (a frame reads its few thousand rows' ends two
        or three times; read from a column of every end they took 0.3-7 us)."""
        rows = np.asarray(rows)
        ends = self.starts[rows]
        spans = ~self.points[rows]
        if spans.any():
            ends[spans] = self.range_ends[self._range_positions(rows[spans])]
        return ends

    def end_of(self, row: int) -> int:
        """The end of one row (a point's is its start)."""
        return int(self.ends_of(np.array([row]))[0])

    def all_ends(self) -> np.ndarray:
        """Every row's end, as a new column: for few rows (an edit's), or for a pass that
        drops it when done; the window holds none (8 bytes an event)."""
        ends = self.starts.astype(np.int64)
        ends[self.range_rows] = self.range_ends
        return ends

    def _range_positions(self, rows: np.ndarray) -> np.ndarray:
        """Where these range rows are in the range columns."""
        # Keys of range_rows' own type: others would have numpy convert the whole column.
        keys = np.asarray(rows).astype(self.range_rows.dtype)
        return self.range_rows.searchsorted(keys)

    @classmethod
    def from_columns(
        cls,
        ids: np.ndarray,
        article_ids: np.ndarray,
        starts: np.ndarray,
        ends: np.ndarray,
        flags: np.ndarray,
    ) -> EventArrays:
        """From parallel columns in any order; flags as in the store query."""
        starts = np.asarray(starts, dtype=np.int64)
        ids = np.asarray(ids, dtype=np.int64)
        if len(starts) > 1 and not np.all(starts[1:] >= starts[:-1]):
            order = np.lexsort((ids, starts))
            ids, starts = ids[order], starts[order]
            article_ids, ends, flags = article_ids[order], ends[order], flags[order]
        flags = np.asarray(flags)
        return cls(
            ids=ids,
            article_ids=np.asarray(article_ids, dtype=np.int64),
            starts=starts,
            ends=np.maximum(np.asarray(ends, dtype=np.int64), starts),
            kinds=(flags & 0x0F).astype(np.uint8),
            points=(flags & 0x10) != 0,
        )

    def subset(self, keep: np.ndarray) -> EventArrays:
        """The rows where keep is True (a boolean mask or row numbers), still in order."""
        keep = np.asarray(keep)
        if keep.dtype != bool:
            keep = keep.astype(np.intp, copy=False)
        points = self.points[keep]
        starts = self.starts[keep]
        range_rows = np.flatnonzero(~points)
        if keep.dtype == bool:  # the kept ranges, in the order of their rows
            range_ends = self.range_ends[keep[self.range_rows]]
        else:
            range_ends = self.range_ends[self._range_positions(keep[range_rows])]
        columns = (self.ids[keep], self.article_ids[keep], starts, self.kinds[keep], points)
        return EventArrays.with_ranges(columns, range_rows, starts[range_rows], range_ends)

    @property
    def span(self) -> tuple[int, int] | None:
        """(first start, last end) over every event, or None when empty."""
        if self._span is None:
            if not len(self):
                self._span = (None,)
            else:
                last_end = int(self.starts[-1])  # a point's end is its start
                if len(self.range_ends):
                    last_end = max(last_end, int(self.range_ends.max()))
                self._span = ((int(self.starts[0]), last_end),)
        return self._span[0]

    @property
    def home_span(self) -> tuple[int, int] | None:
        """The whole days from the first publication event to the last: where the window
        opens (an archive's mentions of history and of plans reach centuries from its
        news); span when no event is a publication.
        """
        if self._home is None:
            # Sorted by start: the first and the last published rows hold the ends.
            first = _first_of(self.kinds, PUBLISHED)
            if first is None:
                self._home = (self.span,)
            else:
                last = len(self) - 1 - (_first_of(self.kinds[::-1], PUBLISHED) or 0)
                self._home = (_whole_days(int(self.starts[first]), int(self.starts[last])),)
        return self._home[0]

    def _starting(self, t0: float, t1: float) -> tuple[int, int]:
        # Integer keys: a float key would make numpy convert the whole array per call.
        lo = int(np.searchsorted(self.starts, math.ceil(t0), side="left"))
        hi = int(np.searchsorted(self.starts, math.floor(t1), side="right"))
        return lo, hi

    def count_starting(self, t0: float, t1: float) -> int:
        """How many events start in [t0, t1]."""
        lo, hi = self._starting(t0, t1)
        return hi - lo

    def warm(self) -> EventArrays:
        """Make the ranges' length classes now, all at once (a loader's thread calls
        it, so that no frame waits for them); returns self."""
        if not self._classes_made():
            self.hold_classes(LengthClasses(self.range_starts, self.range_ends))
        _ = self.span  # and the spans (the window asks them as it takes the arrays)
        _ = self.home_span
        return self

    def warm_step(self) -> bool:
        """Make one slice of the length classes (a few milliseconds); True once made.

        Arrays made on the GUI thread (an edit's) are warmed this way while it is idle:
        at 10M events all at once took 140-200 ms.  Until then the view's questions
        are answered by reading every earlier range's end, as before there were classes.
        """
        classes = self.made_classes()
        if classes is not None:
            # An edit's classes (spliced) come without their orders by end: one class a step.
            return classes.end_step(self.range_ends)
        builder = getattr(self, "_builder", None)
        if builder is None:
            builder = self._builder = LengthClasses.steps(self.range_starts, self.range_ends)
        try:
            next(builder)
        except StopIteration as made:
            self.hold_classes(made.value)
            return True
        return False

    def made_classes(self) -> LengthClasses | None:
        """The ranges' length classes when made (None while being made or not begun)."""
        return self._classes if self._classes_made() else None

    def take_classes(self, classes: LengthClasses) -> None:
        """Length classes made elsewhere for these very ranges (an edit's, spliced from
        the classes of the arrays it was patched from: store.edits)."""
        if classes.ranges != len(self.range_rows):
            raise ValueError("length classes of other ranges")
        self.hold_classes(classes)

    def hold_classes(self, classes: LengthClasses | None) -> None:
        """These arrays' length classes are now `classes` (None: none), the ones before
        let go: the classes know which arrays read them (LengthClasses.only_for)."""
        before = getattr(self, "_classes", None)
        if before is not None and before is not classes:
            before.let_go(self)
        if classes is not None and classes is not before:
            classes.held_by(self)
        self._classes, self._builder = classes, None

    def _classes_made(self) -> bool:
        classes = getattr(self, "_classes", None)
        return classes is not None and classes.ranges == len(self.range_rows)

    def length_classes(self) -> LengthClasses | WholeRanges:
        """The range events grouped by the power of two of their length: made here when
        there are few ranges (_MAKE_AT_ONCE), else by warm() or warm_step(); until then
        all the ranges as one class."""
        n = len(self.range_rows)
        if not self._classes_made():
            if n > _MAKE_AT_ONCE:
                whole = getattr(self, "_whole", None)
                if whole is None or whole.ranges != n:
                    whole = self._whole = WholeRanges(n)
                return whole
            self.warm()
        assert self._classes is not None
        return self._classes

    def _covering_memo(self, key: int) -> tuple[dict[int, np.ndarray], dict[int, int]]:
        """The answers kept for key: positions and counts of covering ranges by class.

        The last few keys' answers are kept: a frame asks for two times (the view's
        start and a label's width before it) three or four times in all."""
        memo = self.length_classes().covering
        kept = memo.get(key)
        if kept is None:
            kept = memo[key] = ({}, {})
            while len(memo) > 4:
                memo.pop(next(iter(memo)))
        return kept

    def _class_covering(self, key: int, c: int) -> np.ndarray:
        """Positions in the range columns of class c's ranges that began before key and
        still run at key, in start order (read for this class alone, when asked)."""
        index = self.length_classes()
        positions, counts = self._covering_memo(key)
        at = positions.get(c)
        if at is None:
            if isinstance(index, WholeRanges):
                began = int(np.searchsorted(self.range_starts, key, side="left"))
                at = np.flatnonzero(self.range_ends[:began] > key)
            else:
                window = index.started_between(c, key - index.longest(c), key, self.range_starts)
                at = window[self.range_ends[window] > key]
            positions[c] = at
            counts[c] = len(at)
        return at

    def _class_covering_count(self, key: int, c: int) -> int:
        """len(_class_covering(key, c)) without gathering them: those begun before key
        less those ended by key, by the class's end order (LengthClasses.ended_by).
        Without one, ends are read only where the class's lengths leave it open: a range
        of class c that began less than its shortest length before key still runs."""
        index = self.length_classes()
        _positions, counts = self._covering_memo(key)
        n = counts.get(c)
        if n is None:
            if isinstance(index, WholeRanges) or c == 0:
                return len(self._class_covering(key, c))
            ended = index.ended_by(c, key, self.range_ends)
            if ended is not None:  # began before key, less those ended by key
                began = int(np.searchsorted(self.range_starts, key, side="left"))
                n = counts[c] = index.started_before(c, began) - ended
                return n
            sure = key - index.shortest(c) + 1  # began at or after: runs past key
            whole = index.started_between(c, sure, key, self.range_starts)
            open_ = index.started_between(c, key - index.longest(c), sure, self.range_starts)
            n = counts[c] = len(whole) + int(np.count_nonzero(self.range_ends[open_] > key))
        return n

    def _covering_parts(self, key: int, classes: range | None = None) -> list[np.ndarray]:
        """For each length class (all, or those in `classes`), the positions in the range
        columns of its ranges that began before key and still run at key."""
        index = self.length_classes()
        wanted = index.present if classes is None else classes
        present = set(index.present)
        return [self._class_covering(key, c) for c in wanted if c in present]

    def covering_rows(self, t0: float) -> np.ndarray:
        """Rows of the ranges that began before t0 and still run at t0, in start order.

        Read-only, and kept for the last t0 asked.  Each length class is read only where
        a range of its length could still run at t0 (LengthClasses): at 10M events a view
        days wide lies under a few hundred thousand of 4.5M ranges, and reading every
        earlier range's end took 12 ms a call.
        """
        key = math.ceil(t0)
        kept = getattr(self, "_covering", None)
        if kept is not None and kept[0] == key:
            return kept[1]
        parts = self._covering_parts(key)
        at = np.sort(np.concatenate(parts)) if parts else np.empty(0, np.int64)
        rows = self.range_rows[at]
        rows.flags.writeable = False
        self._covering = (key, rows)
        return rows

    def count_covering(self, t0: float) -> int:
        """How many ranges began before t0 and still run at t0 (len(covering_rows(t0)),
        without gathering or sorting them)."""
        kept = getattr(self, "_covering", None)
        key = math.ceil(t0)
        if kept is not None and kept[0] == key:
            return len(kept[1])
        return sum(self._class_covering_count(key, c) for c in self.length_classes().present)

    def visible_rows(
        self,
        t0: float,
        t1: float,
        max_covering: int | None = None,
        max_length: float | None = None,
    ) -> np.ndarray:
        """Rows of the events that meet [t0, t1]: the covering ranges first, then by start.

        With max_length, ranges that long or longer are left out (the view draws them as
        eras).  With max_covering, only that many of the ranges that began before t0 are
        kept, the shortest: a view inside a busy period can lie under thousands of them
        (the length classes are read from the shortest up, until that many are found).
        """
        lo, hi = self._starting(t0, t1)
        inside = np.arange(lo, hi, dtype=np.int64)
        if max_length is not None:
            # The ranges among rows lo to hi are one run of the range columns.
            a, b = self._range_positions(np.array([lo, hi]))
            long = (self.range_ends[a:b] - self.range_starts[a:b]) >= max_length
            if long.any():
                kept = np.ones(hi - lo, dtype=bool)
                kept[self.range_rows[a:b][long] - lo] = False
                inside = inside[kept]
        if max_covering is None and max_length is None:
            before = self.covering_rows(t0)
            return np.concatenate((before, inside)) if len(before) else inside
        key = math.ceil(t0)
        index = self.length_classes()
        found: list[np.ndarray] = []
        count = 0
        for c in index.present:
            if max_length is not None and index.shortest(c) >= max_length:
                break  # this class and every later one are all too long
            if max_covering is not None and count >= max_covering:
                break  # every range of a later class is longer than those found
            part = self._covering_parts(key, range(c, c + 1))
            if not part:
                continue
            at = part[0]
            if max_length is not None:
                at = at[(self.range_ends[at] - self.range_starts[at]) < max_length]
            found.append(at)
            count += len(at)
        at = np.concatenate(found) if found else np.empty(0, np.int64)
        if max_covering is not None and len(at) > max_covering:
            length = self.range_ends[at] - self.range_starts[at]
            keep = (
                np.argpartition(length, max_covering)[:max_covering]
                if max_covering
                else np.empty(0, dtype=np.intp)
            )
            at = at[keep]
        before = self.range_rows[np.sort(at)]
        return np.concatenate((before, inside)) if len(before) else inside

    def long_rows(
        self, t0: float, t1: float, min_length: float, shortest: int | None = None
    ) -> np.ndarray:
        """Rows of the ranges at least min_length long that meet [t0, t1], shortest first
        (then by row); with `shortest`, only that many of them."""
        return self.shortest_long_rows(t0, t1, min_length, shortest)[0]

    def shortest_long_rows(
        self, t0: float, t1: float, min_length: float, shortest: int | None = None
    ) -> tuple[np.ndarray, int]:
        """long_rows(), and how many such ranges there are in all.

        A view days wide inside a busy period lies under hundreds of thousands of ranges
        at 10M events; the view draws the few shortest, so only those are sorted, and
        only the length classes that can hold a range min_length long are read.
        """
        key = math.ceil(t0)
        rlo = int(np.searchsorted(self.range_starts, key, side="left"))
        rhi = int(np.searchsorted(self.range_starts, math.floor(t1), side="right"))
        index = self.length_classes()
        found: list[np.ndarray] = []
        total = 0
        have = 0
        for c in index.present:
            if index.longest(c) < min_length:
                continue
            inside = index.started_between(c, rlo, rhi)
            if shortest is not None and have >= shortest and index.shortest(c) >= min_length:
                # Every range of the class is long enough, and the shortest are found
                # already (later classes are longer): counted, not gathered.
                total += self._class_covering_count(key, c) + len(inside)
                continue
            at = np.concatenate((self._class_covering(key, c), inside))
            if index.shortest(c) < min_length:
                at = at[(self.range_ends[at] - self.range_starts[at]) >= min_length]
            total += len(at)
            if shortest is None or have < shortest:
                found.append(at)  # later classes are longer: needed only until enough
                have += len(at)
        at = np.concatenate(found) if found else np.empty(0, np.int64)
        rows = self.range_rows[at]
        length = self.range_ends[at] - self.range_starts[at]
        if shortest is not None and len(rows) > shortest:
            if shortest <= 0:
                return np.empty(0, dtype=rows.dtype), total
            # Every row shorter than the shortest-th length, and of those that long the
            # first by row: what the full sort would put first.
            cut = np.partition(length, shortest - 1)[shortest - 1]
            near = length <= cut
            rows, length = rows[near], length[near]
        ordered = rows[np.lexsort((rows, length))]
        return (ordered[:shortest] if shortest is not None else ordered), total

    def count_long_marked(
        self, t0: float, t1: float, min_length: float, marks: RangeMarks
    ) -> int | None:
        """How many of the ranges shortest_long_rows counts (at least min_length long,
        meeting [t0, t1]) marks marks (a search's hits), read as shortest_long_rows reads
        them: a class that holds only ranges that long is counted from its running
        counts of marked ranges (RangeMarks), not gathered, so that a view under
        hundreds of thousands of long ranges costs what their count costs.

        None when the classes' marks not yet counted are more than MARKS_COUNTED_MAX
        (the count would hold the frame too long: the caller counts them all)."""
        key = math.ceil(t0)
        rlo = int(np.searchsorted(self.range_starts, key, side="left"))
        rhi = int(np.searchsorted(self.range_starts, math.floor(t1), side="right"))
        index = self.length_classes()
        # The classes counted from their marks, and how many of each ended by the view.
        ended_by: dict[int, int | None] = {}
        if isinstance(index, LengthClasses):
            ended_by = {
                c: index.ended_by(c, key, self.range_ends)
                for c in index.present
                if c and index.shortest(c) >= min_length
            }
        counted = list(ended_by)
        if marks.uncounted(counted, [c for c in counted if ended_by[c] is not None]) > (
            MARKS_COUNTED_MAX
        ):
            return None
        total = 0
        for c in index.present:
            if index.longest(c) < min_length:
                continue
            if c in ended_by:
                # Those begun before the view's end, less those ended by its start (all
                # begun before it); a class without its order by end reads its window.
                assert isinstance(index, LengthClasses)
                total += marks.started_before(c, index.started_before(c, rhi))
                ended = ended_by[c]
                if ended is not None:
                    total -= marks.ended_by(c, ended)
                else:
                    total -= marks.started_before(c, index.started_before(c, rlo))
                    total += marks.count(self._class_covering(key, c))
                continue
            at = np.concatenate((self._class_covering(key, c), index.started_between(c, rlo, rhi)))
            at = at[(self.range_ends[at] - self.range_starts[at]) >= min_length]
            total += marks.count(at)
        return total

    def shortest_long_marked(
        self, t0: float, t1: float, min_length: float, marks: RangeMarks, shortest: int
    ) -> np.ndarray:
        """Rows of the `shortest` shortest ranges of those count_long_marked counts (at
        least min_length long, meeting [t0, t1], marked by marks), shortest first (then
        by row), as long_rows orders them.

        For a frame in which count_long_marked answered (it counted the marks of every
        class it reads from its marks): such a class is read for its marked ranges
        alone, found from the class's marked places (RangeMarks.marked_between), and
        only until `shortest` are found, so that a search that dims the shortest eras
        reads no class in full that shortest_long_rows only counts.  At 995,840 events
        (343,812 ranges, a quarter of the articles found, a view of an hour) 0.33 ms
        the first frame of a search (the places found) and 0.04 ms after; at ten
        million (the bound raised: there the band falls back) 2.4 ms and 0.11 ms."""
        key = math.ceil(t0)
        rlo = int(np.searchsorted(self.range_starts, key, side="left"))
        rhi = int(np.searchsorted(self.range_starts, math.floor(t1), side="right"))
        index = self.length_classes()
        found: list[np.ndarray] = []
        have = 0
        for c in index.present:
            if index.longest(c) < min_length:
                continue
            if have >= shortest:
                break  # every range of a later class is longer than those found
            if isinstance(index, LengthClasses) and c and index.shortest(c) >= min_length:
                # Its marked ranges that began in the window a range of its length
                # covering the view's start began in, or in the view.
                began = int(np.searchsorted(self.range_starts, key - index.longest(c), "left"))
                places = marks.marked_between(
                    c, index.started_before(c, began), index.started_before(c, rhi)
                )
                at = index.order[int(index.bounds[c]) + places].astype(np.int64)
                at = at[(at >= rlo) | (self.range_ends[at] > key)]
            else:
                at = np.concatenate(
                    (self._class_covering(key, c), index.started_between(c, rlo, rhi))
                )
                at = at[(self.range_ends[at] - self.range_starts[at]) >= min_length]
                at = at[marks.marked[self.range_rows[at]]]
            found.append(at)
            have += len(at)
        at = np.concatenate(found) if found else np.empty(0, np.int64)
        rows = self.range_rows[at]
        length = self.range_ends[at] - self.range_starts[at]
        return rows[np.lexsort((rows, length))][: max(shortest, 0)]

    def count_visible(self, t0: float, t1: float) -> int:
        return self.count_starting(t0, t1) + self.count_covering(t0)

    def rows_of_article(self, article_id: int) -> np.ndarray:
        index = self.article_index
        rows = index.rows(article_id) if index is not None else None
        return rows if rows is not None else np.flatnonzero(self.article_ids == article_id)


# Ranges sorted into length classes per step (warm_step: 5-10 ms), and at most this
# many ranges have them made at once on first use.
_CLASS_SLICE = 1 << 18
_MAKE_AT_ONCE = 1 << 19
# LengthClasses keeps every this-many-th end of each class in end order.
_SAMPLE = 64


class LengthClasses:
    """The range events grouped by length: class c holds the ranges whose length in
    seconds has c binary digits (0: none, 1: one second, c: 2**(c-1) to 2**c - 1).

    order lists positions in the range columns (which are in start order), class by
    class, each class's in start order: 4 bytes a range, no column copied.  A range of
    class c that still runs at t began after t - 2**c, so the ranges covering t are
    found by reading, in each class, only those that began in that window (for every
    class, about as many as cover t or fewer than twice that), where reading every
    earlier range's end read them all.
    """

    # EventArrays' covering answers for the last few times asked (positions and counts
    # by class).
    covering: dict[int, tuple[dict[int, np.ndarray], dict[int, int]]]
    # The arrays that read these classes (EventArrays.hold_classes), weakly: an alias and
    # its original share them (EventArrays.alias), and classes read by other arrays than
    # those an edit spends are never cut in their own buffers (without, in_place).
    _holders: list[weakref.ref[EventArrays]]

    def __init__(
        self, range_starts: np.ndarray, range_ends: np.ndarray, slice_rows: int | None = None
    ) -> None:
        for _ in self._make(range_starts, range_ends, slice_rows or _CLASS_SLICE, True):
            pass

    @classmethod
    def steps(
        cls, range_starts: np.ndarray, range_ends: np.ndarray, slice_rows: int | None = None
    ) -> Generator[None, None, LengthClasses]:
        """Make them a slice at a time: each next() does one; the last returns them."""
        made = cls.__new__(cls)
        yield from made._make(range_starts, range_ends, slice_rows or _CLASS_SLICE, False)
        return made

    def _make(
        self, range_starts: np.ndarray, range_ends: np.ndarray, slice_rows: int, whole: bool
    ) -> Iterator[None]:
        n = self.ranges = len(range_starts)
        self.covering = {}
        self._holders = []
        # A slice at a time, so that no temporary holds 8 bytes a range (36 MB at 10M
        # events, on top of the columns).  frexp's exponent of a whole number is its
        # count of binary digits (exact below 2**53, far past the axis's lengths).
        classes = np.empty(n, dtype=np.uint8)
        for i in range(0, n, slice_rows):
            part = range_ends[i : i + slice_rows] - range_starts[i : i + slice_rows]
            classes[i : i + slice_rows] = length_class(part)
            yield
        counts = np.bincount(classes, minlength=65)
        self.bounds = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        self.present = [int(c) for c in np.flatnonzero(counts)]
        # A stable counting sort by class, a slice at a time: each slice's positions
        # go after those of the slices before it in their class.
        self.order = np.empty(n, dtype=np.int32 if n < 2**31 else np.int64)
        filled = self.bounds[:-1].copy()
        for i in range(0, n, slice_rows):
            mine = classes[i : i + slice_rows]
            by_class = np.argsort(mine, kind="stable")
            in_slice = np.bincount(mine, minlength=65)
            edges = np.concatenate(([0], np.cumsum(in_slice)))
            for c in np.flatnonzero(in_slice).tolist():
                size = int(in_slice[c])
                target = self.order[filled[c] : filled[c] + size]
                np.add(by_class[edges[c] : edges[c + 1]], i, out=target, casting="unsafe")
                filled[c] += size
            yield
        # Each class's positions again in order of end, and every _SAMPLE-th end: how
        # many ranges of a class end by t is two searches, so a count of the ranges
        # covering t reads no ends but a few dozen (at 10M events reading the older
        # half of each class's window was 1.5 ms a count).  Made a class a step; made
        # a slice at a time (an edit's arrays, on the GUI thread), a class larger than
        # four slices is left without (its count reads ends as before).
        self.by_end = np.empty_like(self.order)
        self.end_samples: dict[int, np.ndarray] = {}
        for c in self.present:
            a, b = int(self.bounds[c]), int(self.bounds[c + 1])
            if not whole and b - a > 4 * slice_rows:
                continue
            self._order_by_end(c, range_ends)
            yield

    def ended_by(self, c: int, t: int, range_ends: np.ndarray) -> int | None:
        """How many ranges of class c end at or before t (None: not made for c)."""
        samples = self.end_samples.get(c)
        if samples is None:
            return None
        j = int(np.searchsorted(samples, t, side="right"))
        if not j:
            return 0
        a = int(self.bounds[c]) + (j - 1) * _SAMPLE
        b = min(a + _SAMPLE, int(self.bounds[c + 1]))
        block = range_ends[self.by_end[a:b]]
        return (j - 1) * _SAMPLE + int(np.searchsorted(block, t, side="right"))

    def started_before(self, c: int, position: int) -> int:
        """How many ranges of class c are at positions before `position`."""
        mine = self.order[self.bounds[c] : self.bounds[c + 1]]
        return int(mine.searchsorted(mine.dtype.type(min(position, self.ranges)), side="left"))

    def held_by(self, arrays: EventArrays) -> None:
        """arrays read these classes now (EventArrays.hold_classes)."""
        self._holders.append(weakref.ref(arrays))

    def let_go(self, arrays: EventArrays) -> None:
        """arrays read these classes no more (the holders gone with them dropped too)."""
        self._holders = [h for h in self._holders if h() is not None and h() is not arrays]

    def only_for(self, arrays: EventArrays) -> bool:
        """Whether no arrays but these read the classes (those let go or gone aside)."""
        return all(h() is None or h() is arrays for h in self._holders)

    @classmethod
    def from_order(
        cls, order: np.ndarray, counts: np.ndarray, by_end: np.ndarray | None = None
    ) -> LengthClasses:
        """Classes from their order (positions, class by class, each in start order) and
        how many ranges each class holds (65 counts); by_end: the places of their orders
        by end (none made yet when not given: their end samples are the caller's)."""
        made = cls.__new__(cls)
        made.ranges = len(order)
        made.covering = {}
        made._holders = []
        made.bounds = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        made.present = [int(c) for c in np.flatnonzero(counts)]
        made.order = order
        # No class in order of end yet (end_step makes them while idle): until then a
        # covering count reads the ends of the class's window, as it did before there
        # were orders by end.
        made.by_end = np.empty_like(order) if by_end is None else by_end
        made.end_samples = {}
        return made

    def without(
        self,
        gone: np.ndarray,
        gone_ends: np.ndarray,
        range_ends: np.ndarray,
        in_place: bool = False,
    ) -> LengthClasses:
        """These classes less the ranges at positions gone (sorted, a few; none put in)
        that ended at gone_ends: each class's start order and end order less them, the
        positions after each gone one moved back by one, and the end samples of the
        classes that lost one taken again from range_ends (the range column after, in the
        new positions).

        A hide of an article with ranges: spliced as others are, the classes came without
        their orders by end, and the first of them sorted again in the edit's own turn
        took 27-60 ms of the GUI thread at 7,604,836 events (a class of up to a million
        ranges), the others in the idle turns after it.

        in_place: the orders are cut in their own buffers and these classes are spent
        (left empty): for the caller whose spent arrays were their only reader
        (only_for).  Copied, the two orders of 1,677,166 ranges were 13 MB of fresh
        pages, most of this cut's 8-24 ms of the GUI thread at 7,604,9xx events."""
        counts = np.diff(self.bounds)
        keys = gone.astype(self.order.dtype)
        cut: list[int] = []  # places in order, then in by_end, of the ranges gone
        cut_by_end: list[int] = []
        lost: list[int] = []
        for c in self.present:
            a, b = int(self.bounds[c]), int(self.bounds[c + 1])
            mine = self.order[a:b]
            at = mine.searchsorted(keys)
            inside = at < len(mine)
            found = at[inside][mine[at[inside]] == keys[inside]].tolist()
            if not found:
                continue
            cut += [a + i for i in found]
            if c in self.end_samples:
                cut_by_end += [
                    self._place_by_end(c, int(mine[i]), gone, gone_ends, range_ends) for i in found
                ]
            else:  # no order by end made yet (end_step makes it): any of the class's places
                cut_by_end += range(a, a + len(found))
            counts[c] -= len(found)
            lost.append(c)
        order = _less_in_start_order(self.order, sorted(cut), gone, counts, in_place)
        less = _cut_in_place if in_place else _less_places
        by_end = less(self.by_end, sorted(cut_by_end), gone)
        made = LengthClasses.from_order(order, counts, by_end)
        for c, samples in self.end_samples.items():
            if c not in lost:
                made.end_samples[c] = samples
            elif counts[c]:
                a = int(made.bounds[c])
                made.end_samples[c] = range_ends[by_end[a : a + int(counts[c]) : _SAMPLE]]
        if in_place:  # (their buffers are the new classes': nothing of them to be read)
            self.ranges, self.present, self.covering, self.end_samples = -1, [], {}, {}
            self.order, self.by_end = self.order[:0], self.by_end[:0]
        return made

    def _place_by_end(
        self, c: int, p: int, gone: np.ndarray, gone_ends: np.ndarray, range_ends: np.ndarray
    ) -> int:
        """Where the gone range at position p is in class c's order by end: a binary
        search by (end, position), the order of by_end (_order_by_end sorts a class's
        positions, ascending, by end, stably), each end read from range_ends (the column
        without the gone ranges) or gone_ends.  A comparison of the whole class with p
        was half a millisecond a range at 559,238 ranges."""
        gone_at = {int(q): int(e) for q, e in zip(gone, gone_ends, strict=True)}
        listed = sorted(gone_at)

        def key(q: int) -> tuple[int, int]:
            end = gone_at.get(q)
            if end is None:  # later positions moved back by the gone ones before them
                end = int(range_ends[q - bisect.bisect_left(listed, q)])
            return end, q

        wanted = key(p)
        lo, hi = int(self.bounds[c]), int(self.bounds[c + 1])
        while lo < hi:
            mid = (lo + hi) // 2
            if key(int(self.by_end[mid])) < wanted:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def end_step(self, range_ends: np.ndarray, slice_rows: int | None = None) -> bool:
        """Put the next class still without it in order of end (one class a call, on
        the GUI thread while idle: classes larger than four slices are left without, as
        _make leaves them for an edit's arrays); True once none is left to do."""
        largest = 4 * (slice_rows or _CLASS_SLICE)
        for c in self.present:
            a, b = int(self.bounds[c]), int(self.bounds[c + 1])
            if c in self.end_samples or b - a > largest:
                continue
            self._order_by_end(c, range_ends)
            return False
        return True

    def _order_by_end(self, c: int, range_ends: np.ndarray) -> None:
        """Put class c's ranges in order of end (by_end) and sample their ends."""
        a, b = int(self.bounds[c]), int(self.bounds[c + 1])
        positions = self.order[a:b]
        ends = range_ends[positions]
        in_order = np.argsort(ends, kind="stable")
        self.by_end[a:b] = positions[in_order]
        self.end_samples[c] = ends[in_order[::_SAMPLE]]

    def size(self, c: int) -> int:
        return int(self.bounds[c + 1] - self.bounds[c])

    @staticmethod
    def longest(c: int) -> int:
        """The longest length class c can hold."""
        return (1 << c) - 1 if c else 0

    @staticmethod
    def shortest(c: int) -> int:
        return 1 << (c - 1) if c else 0

    def started_between(
        self, c: int, lo: int, hi: int, range_starts: np.ndarray | None = None
    ) -> np.ndarray:
        """Positions (in the range columns) of class c's ranges that start in [lo, hi):
        times when range_starts is given, else positions in the range columns."""
        if range_starts is not None:
            lo = int(np.searchsorted(range_starts, lo, side="left"))
            hi = int(np.searchsorted(range_starts, hi, side="left"))
        if hi <= lo:
            return np.empty(0, np.int64)
        mine = self.order[self.bounds[c] : self.bounds[c + 1]]
        # Keys of the array's own type: a Python int would have numpy convert the whole
        # class to 64 bits each call.
        kind = mine.dtype.type
        a = int(mine.searchsorted(kind(lo), side="left"))
        b = int(mine.searchsorted(kind(min(hi, self.ranges)), side="left"))
        return mine[a:b]


def _less_places(positions: np.ndarray, cut: list[int], gone: np.ndarray) -> np.ndarray:
    """positions less those at the places cut (sorted), each later than a position gone
    (sorted) moved back by one per such: a copy (the classes may be those of arrays
    still held, an alias's original), moved back a slice at a time (each slice's passes
    in the cache: over the whole array, two passes a range gone took most of
    LengthClasses.without's 12-18 ms at 1,677,166 ranges)."""
    bounds = [-1, *cut, len(positions)]
    made = np.concatenate([positions[a + 1 : b] for a, b in itertools.pairwise(bounds)])
    highest_first = gone[::-1].tolist()
    for first in range(0, len(made), _MOVE_SLICE):
        part = made[first : first + _MOVE_SLICE]
        for r in highest_first:  # (each compares positions not yet moved past it)
            np.subtract(part, part > r, out=part, casting="unsafe")
    return made


def _less_in_start_order(
    order: np.ndarray, cut: list[int], gone: np.ndarray, counts: np.ndarray, in_place: bool
) -> np.ndarray:
    """_less_places (in_place: written over order's own buffer, a view of its first
    places) for an order whose classes (counts: their sizes after) each list their
    positions ascending: each class's positions after its k-th position gone are one
    run moved back by k, so no position is compared (by_end's are, _less_places: two
    passes over every place a range gone, 1.4 ms an array for two at 1,677,166 ranges)."""
    if in_place:
        put = cut[0] if cut else len(order)
        for a, b in itertools.pairwise([*cut, len(order)]):  # (numpy moves them back)
            order[put : put + b - a - 1] = order[a + 1 : b]
            put += b - a - 1
        made = order[:put]
    else:
        bounds = [-1, *cut, len(order)]
        made = np.concatenate([order[a + 1 : b] for a, b in itertools.pairwise(bounds)])
    keys = gone.astype(made.dtype)
    first = 0
    for size in counts.tolist():
        mine = made[first : first + size]
        at = [*mine.searchsorted(keys).tolist(), size]
        for k, (a, b) in enumerate(itertools.pairwise(at), start=1):
            mine[a:b] -= k
        first += size
    return made


def _cut_in_place(positions: np.ndarray, cut: list[int], gone: np.ndarray) -> np.ndarray:
    """_less_places written over positions' own buffer: its first len(positions) -
    len(cut) places, a view.  A slice at a time, each moved back by the places cut
    before it (never onto a place not yet read) through a scratch slice in the cache."""
    highest_first = gone[::-1].tolist()
    scratch = np.empty(min(_MOVE_SLICE, len(positions)), dtype=positions.dtype)
    later = np.empty(len(scratch), dtype=bool)
    to = 0  # where the next place kept goes
    for a, b in itertools.pairwise([-1, *cut, len(positions)]):
        for first in range(a + 1, b, _MOVE_SLICE):
            size = min(_MOVE_SLICE, b - first)
            if to == first:  # before the first place cut: the slice stays where it is
                part = positions[first : first + size]
            else:
                part = scratch[:size]
                np.copyto(part, positions[first : first + size])
            for r in highest_first:  # (each compares positions not yet moved past it)
                np.greater(part, r, out=later[:size])
                np.subtract(part, later[:size], out=part, casting="unsafe")
            if to != first:
                positions[to : to + size] = part
            to += size
    return positions[:to]


# Positions moved back a slice at a time (256 KB of 32-bit positions: in the cache).
_MOVE_SLICE = 1 << 16


# A frame counts the marks of at most this many ranges (each class once in start order,
# once in end order, then kept for the search): 687,624 at 995,840 events, every class
# for a view of an hour, took 22 ms.  A view that needs more (ten million events, zoomed
# in) counts every range it leaves out, found or not, and says so (build_frame).
MARKS_COUNTED_MAX = 800_000


class RangeMarks:
    """Which of an EventArrays' ranges a mask over its rows marks (a search's hits),
    counted along each length class's start order and end order (LengthClasses): how
    many marked ranges of a class come before a place in either is a running count read
    at every _SAMPLE-th place and the flags after it, as the class's own counts are
    places (EventArrays.count_long_marked).

    A class's flags are made the first time they are asked (a pass over the class: the
    first frame after a search reads those of the classes long enough to be eras), and
    kept for the classes they were made for: a byte a range and a count every _SAMPLE;
    and, for a class the era band looks in for the shortest marked ranges, the places
    of its marked ones in start order (marked_between).
    """

    def __init__(self, arrays: EventArrays, marked: np.ndarray) -> None:
        self.arrays = arrays
        self.marked = marked
        self._classes: LengthClasses | WholeRanges | None = None
        self._by_start: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._by_end: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._places: dict[int, np.ndarray] = {}

    def count(self, positions: np.ndarray) -> int:
        """How many of the ranges at these positions (in the range columns) are marked."""
        return int(np.count_nonzero(self.marked[self.arrays.range_rows[positions]]))

    def started_before(self, c: int, i: int) -> int:
        """How many of the first i ranges of class c in start order are marked."""
        return self._counted(self._by_start, c, "order", i)

    def ended_by(self, c: int, i: int) -> int:
        """How many of the first i ranges of class c in end order are marked (a class
        with its ends in order: LengthClasses.ended_by)."""
        return self._counted(self._by_end, c, "by_end", i)

    def marked_between(self, c: int, i: int, j: int) -> np.ndarray:
        """Places, from i to before j in class c's start order, of its marked ranges:
        from the class's flags in that order (made as started_before makes them), the
        places of its marked ones are kept, 4 bytes a marked range, for the search."""
        self._current()  # (classes made since: their places found again)
        places = self._places.get(c)
        if places is None:
            self.started_before(c, 0)
            flags = self._by_start[c][0]
            places = self._places[c] = np.flatnonzero(flags).astype(np.int32)
        kind = places.dtype.type
        a = int(places.searchsorted(kind(i), side="left"))
        b = int(places.searchsorted(kind(j), side="left"))
        return places[a:b]

    def uncounted(self, by_start: Sequence[int], by_end: Sequence[int]) -> int:
        """How many ranges would be read to count the marks of these classes in start
        order and of those in end order (none for a class already counted)."""
        classes = self._current()
        if not isinstance(classes, LengthClasses):
            return 0
        sizes = np.diff(classes.bounds)
        return sum(int(sizes[c]) for c in by_start if c not in self._by_start) + sum(
            int(sizes[c]) for c in by_end if c not in self._by_end
        )

    def _current(self) -> LengthClasses | WholeRanges:
        classes = self.arrays.length_classes()
        if classes is not self._classes:  # made since, or others taken: counted again
            self._classes = classes
            self._by_start.clear()
            self._by_end.clear()
            self._places.clear()
        return classes

    def _counted(
        self, kept: dict[int, tuple[np.ndarray, np.ndarray]], c: int, order: str, i: int
    ) -> int:
        classes = self._current()
        assert isinstance(classes, LengthClasses)
        if c not in kept:
            a, b = int(classes.bounds[c]), int(classes.bounds[c + 1])
            positions = getattr(classes, order)[a:b]
            flags = self.marked[self.arrays.range_rows[positions]]
            blocks = np.arange(0, len(flags), _SAMPLE)
            counts = np.add.reduceat(flags, blocks, dtype=np.int64) if len(flags) else blocks
            kept[c] = (flags, np.concatenate(([0], np.cumsum(counts))))
        flags, running = kept[c]
        block = i // _SAMPLE
        return int(running[block]) + int(np.count_nonzero(flags[block * _SAMPLE : i]))


def length_class(lengths: np.ndarray) -> np.ndarray:
    """The length class (LengthClasses) of each length in seconds: its count of binary
    digits, frexp's exponent of the whole number (exact below 2**53, far past the
    axis's lengths)."""
    return np.frexp(np.asarray(lengths).astype(np.float64))[1].astype(np.uint8)


class WholeRanges:
    """All the ranges as one class, for arrays whose LengthClasses are not made yet:
    LengthClasses' questions answered by reading every range that began before."""

    def __init__(self, ranges: int) -> None:
        self.ranges = ranges
        self.present = [0] if ranges else []
        self.covering: dict[int, tuple[dict[int, np.ndarray], dict[int, int]]] = {}

    def size(self, c: int) -> int:
        return self.ranges

    @staticmethod
    def longest(c: int) -> int:
        return 2**62

    @staticmethod
    def shortest(c: int) -> int:
        return 0

    def started_between(
        self, c: int, lo: int, hi: int, range_starts: np.ndarray | None = None
    ) -> np.ndarray:
        if range_starts is not None:
            lo = int(np.searchsorted(range_starts, max(lo, -(2**62)), side="left"))
            hi = int(np.searchsorted(range_starts, hi, side="left"))
        return np.arange(lo, max(hi, lo), dtype=np.int64)


# The loader's types for ids and article ids (widened when a value does not fit).
ID_DTYPES = ("<i4", "<i4")
# The columns of EventArrays (EventArrays.columns), in order, and their types; then its
# range columns'.
COLUMN_DTYPES = ("<i8", "<i8", "<i8", "u1", "bool")
RANGE_DTYPES = (np.intp, "<i8", "<i8")
_ROW_COLUMNS = len(COLUMN_DTYPES)


# Rows (or ranges) ColumnRoom.adopt_step copies into the room at a time while the window
# is idle: 2.2 MB of fresh pages, 3-5 ms of the GUI thread's CPU on a loaded machine.  A
# quarter of a million rows (9 MB) was 13-19 ms of CPU there, and 100-250 ms of wall time
# at a load of 8, each step of the first second after the timeline came.
ADOPT_STEP_ROWS = 65_536


class ColumnRoom:
    """The buffers the shown arrays live in, patched in place by each edit.

    An edit changes a handful of rows.  Copying every column for it (34 MB at a million
    events) cost 10-60 ms an edit and a second set of buffers (fresh pages, 40 MB more
    resident).  Here the shown generation's columns are views of buffers with a few
    thousand rows spare at each end, and the next generation is written over them: only
    the rows the edit takes out or puts in are written, and the rows on the shorter side
    of them are moved along by a slice copy (a memmove), into the room at that end.  The
    generation before is spent by it (its columns now show the new rows): the caller
    hands the new arrays to whoever showed the old ones before anything reads them again
    (the window does both on the GUI thread, between two paints).  The buffers are
    written in place only when nothing but the shown generation sees them (their
    reference counts say so: a numpy view holds its buffer); otherwise, or when the edit
    needs more rows than there is room for, the new generation is written whole into new
    buffers (or the room's own, free again).  `adopt_step` moves arrays made elsewhere
    (a full overlay, a load) into the room while the window is idle, a slice at a time.
    """

    def __init__(self, headroom: int = 4096) -> None:
        self.headroom = headroom  # rows spare at each end of each buffer
        self._buffers: tuple[np.ndarray, ...] | None = None
        self._held: Callable[[], EventArrays | None] = lambda: None  # the generation in them
        self._offsets = (0, 0)  # where its rows and its ranges begin in the buffers
        self._adopting: Callable[[], EventArrays | None] = lambda: None
        self._adopted = 0  # rows of _adopting copied so far

    def release(self) -> None:
        """Hold no buffers (the window lets its one copy go while the events are loaded
        again: ui.main_window._let_go_of_events); the next arrays are taken or made anew."""
        self._buffers = None
        self._held = lambda: None
        self._adopting = lambda: None
        self._adopted = 0

    def holds(self, arrays: EventArrays) -> bool:
        """Whether arrays' columns are views of the room's buffers."""
        return self._buffers is not None and self._held() is arrays

    def in_place(
        self,
        arrays: EventArrays,
        rows: int,
        ranges: int,
        added: tuple[np.ndarray, ...] = (),
    ) -> tuple[tuple[np.ndarray, ...], int, int] | None:
        """The buffers to write arrays' next generation over (`rows` rows, `ranges`
        ranges) and where arrays' rows and ranges begin in them; None: arrays are not the
        room's, something else sees the buffers (a view kept elsewhere), the room is too
        small, or a value of `added` (the new rows' columns) does not fit its buffer's
        type (buffers taken from the loader hold ids in 32 bits: see take)."""
        buffers = self._buffers
        if buffers is None or self._held() is not arrays:
            return None
        # Held by the tuple, by arrays' column and by getrefcount's argument: no other view.
        if any(sys.getrefcount(buffers[i]) > 3 for i in range(len(buffers))):
            return None
        if len(buffers[0]) < rows or len(buffers[-1]) < ranges:
            return None
        for buffer, column in zip(buffers, added, strict=False):
            if buffer.dtype != column.dtype and len(column) and buffer.dtype.kind in "iu":
                info = np.iinfo(buffer.dtype)
                if int(column.min()) < info.min or int(column.max()) > info.max:
                    return None
        self._adopting = lambda: None
        return buffers, *self._offsets

    def bytes_for(self, rows: int, ranges: int) -> int:
        """What the room's buffers take for `rows` rows and `ranges` ranges (its own
        dtypes, which may be wider than those of the arrays it takes in: ids are loaded
        in 32 bits where they fit)."""
        row_bytes = sum(np.dtype(d).itemsize for d in COLUMN_DTYPES)
        range_bytes = sum(np.dtype(d).itemsize for d in RANGE_DTYPES)
        return (rows + 2 * self.headroom) * row_bytes + (ranges + 2 * self.headroom) * range_bytes

    def fresh(self, rows: int, ranges: int) -> tuple[np.ndarray, ...]:
        """Columns to write a generation of `rows` rows and `ranges` ranges into whole
        (views of the room's buffers, COLUMN_DTYPES then RANGE_DTYPES): the room's own
        when nothing sees them and they fit, else new ones with room to spare (which
        become the room's).  The caller writes every row and then holds() the arrays."""
        buffers = self._buffers
        free = buffers is not None and all(
            sys.getrefcount(buffers[i]) <= 2 for i in range(len(buffers))
        )
        if not (
            free and buffers is not None and len(buffers[0]) >= rows and len(buffers[-1]) >= ranges
        ):
            self._buffers = None  # dropped first: the old and new are not both held here
            room = [np.empty(rows + 2 * self.headroom, dtype=d) for d in COLUMN_DTYPES]
            room += [np.empty(ranges + 2 * self.headroom, dtype=d) for d in RANGE_DTYPES]
            buffers = tuple(room)
            self._buffers = buffers
        self._held = lambda: None
        self._adopting = lambda: None
        # In the middle: room at both ends.
        first, first_range = (len(buffers[0]) - rows) // 2, (len(buffers[-1]) - ranges) // 2
        self._offsets = (first, first_range)
        return (
            *(b[first : first + rows] for b in buffers[:_ROW_COLUMNS]),
            *(b[first_range : first_range + ranges] for b in buffers[_ROW_COLUMNS:]),
        )

    def hold(self, arrays: EventArrays, offsets: tuple[int, int] | None = None) -> None:
        """arrays (views of the buffers `fresh` or `in_place` gave) are the generation in
        them; offsets: where its rows and ranges begin (None: where `fresh` put them)."""
        self._held = weakref.ref(arrays)
        if offsets is not None:
            self._offsets = offsets

    def take(self, arrays: EventArrays) -> bool:
        """Make arrays' own buffers the room's, copying nothing; whether it could.

        For arrays nobody else keeps (a load laid over in place, the window's one copy
        past ROOM_BUDGET_BYTES: see ui.main_window): each column must be a view of the
        whole of a buffer of its own, the five row columns at one offset in buffers of one
        length, the three range columns likewise (load_event_arrays leaves rows spare at
        the end of each).  Their types stay as loaded (ids in 32 bits while they fit); an
        edit whose rows do not fit them is written whole into new buffers (in_place)."""
        if self.holds(arrays):
            return True
        columns = (*arrays.columns(), arrays.range_rows, arrays.range_starts, arrays.range_ends)
        buffers: list[np.ndarray] = []
        offsets: list[int] = []
        for column in columns:
            buffer = column.base if column.base is not None else column
            if (
                not isinstance(buffer, np.ndarray)
                or buffer.ndim != 1
                or buffer.dtype != column.dtype
                or not buffer.flags.c_contiguous
                or not column.flags.c_contiguous
            ):
                return False
            offset, rest = divmod(
                column.__array_interface__["data"][0] - buffer.__array_interface__["data"][0],
                max(column.itemsize, 1),
            )
            if rest or offset < 0 or offset + len(column) > len(buffer):
                return False
            buffers.append(buffer)
            offsets.append(offset)
        for group in (range(_ROW_COLUMNS), range(_ROW_COLUMNS, len(columns))):
            if len({(len(buffers[i]), offsets[i]) for i in group}) != 1:
                return False
        if len({id(b) for b in buffers}) != len(buffers):
            return False
        self._buffers = tuple(buffers)
        self._offsets = (offsets[0], offsets[_ROW_COLUMNS])
        self._adopting = lambda: None
        self._held = weakref.ref(arrays)
        return True

    def adopt_step(self, arrays: EventArrays, step_rows: int = ADOPT_STEP_ROWS) -> bool:
        """Copy some more of arrays into the room (step_rows rows, then ranges); True
        once arrays' columns are views of it (the object's columns swapped for the
        copies in one step: the same rows, so whoever holds arrays sees no change).
        Call it while idle, on the thread that reads arrays, and only for an object no
        one else keeps as theirs (not the loaded arrays: later edits write over the
        room)."""
        if self.holds(arrays):
            return True
        if self._adopting() is not arrays:
            self.fresh(len(arrays), len(arrays.range_rows))
            self._adopting = weakref.ref(arrays)
            self._adopted = 0
        buffers = self._buffers
        assert buffers is not None
        n, ranges = len(arrays), len(arrays.range_rows)
        first, first_range = self._offsets
        # The rows, then the ranges, counted as one run: each step copies at most
        # step_rows of them (the ranges all in the last step were as much again).
        begin, end = self._adopted, min(self._adopted + step_rows, n + ranges)
        if begin < n:
            stop = min(end, n)
            for buffer, column in zip(buffers, arrays.columns(), strict=False):
                buffer[first + begin : first + stop] = column[begin:stop]
        if end > n:
            lo, hi = max(begin, n) - n, end - n
            range_columns = (arrays.range_rows, arrays.range_starts, arrays.range_ends)
            for buffer, column in zip(buffers[_ROW_COLUMNS:], range_columns, strict=True):
                buffer[first_range + lo : first_range + hi] = column[lo:hi]
        self._adopted = end
        if end < n + ranges:
            return False
        views = [b[first : first + n] for b in buffers[:_ROW_COLUMNS]]
        views += [b[first_range : first_range + ranges] for b in buffers[_ROW_COLUMNS:]]
        arrays.ids, arrays.article_ids, arrays.starts, arrays.kinds, arrays.points = views[:5]
        arrays.range_rows, arrays.range_starts, arrays.range_ends = views[5:]
        self._adopting = lambda: None
        self._held = weakref.ref(arrays)
        return True


def _fitted(column: np.ndarray, values: np.ndarray) -> np.ndarray:
    """column, or a 64-bit copy of it when values do not fit its type."""
    if column.dtype == values.dtype or not len(values):
        return column
    info = np.iinfo(column.dtype)
    if info.min <= int(values.min()) and int(values.max()) <= info.max:
        return column
    return column.astype(values.dtype)


# Rows the loader leaves spare at the end of each column (ColumnRoom.take).
SPARE_ROWS = 4096


def article_event_arrays(store: Store, article_ids: Iterable[int]) -> EventArrays:
    """The events of these articles as load_event_arrays reads them (the same columns,
    the same rules), from the store's index by article: what an edit lays over again
    when the window keeps no copy of the loaded arrays (ui.main_window, one copy)."""
    wanted = sorted({int(a) for a in article_ids})
    parts: list[tuple[int, ...]] = []
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        parts += store.db.conn.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM events INDEXED BY events_article"
            f" WHERE article_id IN ({marks}) AND start IS NOT NULL",
            chunk,
        ).fetchall()
    if not parts:
        return EventArrays()
    table = np.array(parts, dtype=np.int64).reshape(len(parts), len(_COLUMNS))
    return EventArrays.from_columns(table[:, 0], table[:, 1], table[:, 2], table[:, 3], table[:, 4])


# Characters of a group_concat parsed per np.fromstring call (under a millisecond).
PARSE_SLICE = 1 << 16


def parse_ints(text: str | None, slice_chars: int = PARSE_SLICE) -> np.ndarray:
    """The comma-separated integers of a group_concat's text, as int64, parsed a slice
    of about slice_chars characters at a time.

    np.fromstring holds the GIL for the whole of its call: about 5 ms for one 2.5 MB
    column of the search's article map at 232,558 articles (2 ns a character), so
    about 100 ms at five million articles, or for a word in every one of them.  Between
    slices the interpreter can hand the GIL to the GUI thread."""
    if not text:
        return np.empty(0, dtype=np.int64)
    if len(text) <= slice_chars:
        return np.fromstring(text, dtype=np.int64, sep=",")
    parts = []
    start = 0
    while start < len(text):
        end = text.find(",", start + slice_chars)
        if end < 0:
            end = len(text)
        parts.append(np.fromstring(text[start:end], dtype=np.int64, sep=","))
        start = end + 1
    return np.concatenate(parts)


def _parse(text: str | None) -> np.ndarray:
    return parse_ints(text)


def load_event_arrays(
    store: Store,
    rows: int = 65_536,
    summary: DensitySummary | None = None,
    *,
    warm: bool = True,
) -> EventArrays:
    """Read every event with a start into EventArrays, about `rows` rows per query.

    The queries are ranges of days (from summary, read here when not given): one pass
    over the covering index, written straight into arrays sized from the summary, with
    the range rows found a range at a time (no pass over every row at the end).  warm:
    their length classes made here (EventArrays.warm); the events loader makes them for
    what it hands over only (a user's edits laid over: other arrays).
    """
    conn = store.db.conn
    own_transaction = not conn.in_transaction
    if own_transaction:
        conn.execute("BEGIN")  # one snapshot for the summary and every range
    try:
        if summary is None:
            summary = density_summary(store)
        # Rows spare at the end of every column: room for an edit's new rows once the
        # window writes its edits over these very buffers (ColumnRoom.take).
        size = len(summary) + SPARE_ROWS
        # Ids and article ids in 32 bits while they fit (80 MB less at 10M events), the
        # starts in 64; a range with a larger id widens its column (_fitted).
        columns = [np.empty(size, dtype=d) for d in (*ID_DTYPES, "<i8")]
        kinds = np.empty(size, dtype="u1")
        points = np.empty(size, dtype="bool")
        # Each range's share of every column worked out as it comes: no numpy call over
        # all the rows at the end, which would hold the GIL (the GUI thread waits for
        # it) for tens of milliseconds at 10M events.
        range_parts: list[np.ndarray] = []
        # And the ranges' ends as read, 8 bytes a range (1.7 million at 7.6 million events).
        range_end_parts: list[np.ndarray] = []
        # The range rows in 32 bits while every row fits (13 MB less at 10M events, and as
        # much again of parts held until they are joined).
        range_dtype: np.dtype[np.signedinteger[Any]] = np.dtype(
            np.int32 if size < 2**31 else np.intp
        )
        done = 0
        for lo, hi in summary.ranges(rows):
            n, *texts = conn.execute(_RANGE_SELECT, (lo, hi)).fetchone()
            if not n:
                continue
            if done + n > len(kinds):  # a summary behind the events: room for them
                grow = max(done + n, len(kinds) * 5 // 4)
                columns = [np.resize(c, grow) for c in columns]
                kinds, points = np.resize(kinds, grow), np.resize(points, grow)
            here = slice(done, done + n)
            for c, text in enumerate(texts[:3]):
                values = _parse(text)
                columns[c] = _fitted(columns[c], values)
                columns[c][here] = values
            flags = _parse(texts[4])
            kinds[here] = flags & 0x0F
            points[here] = (flags & 0x10) != 0
            range_parts.append((np.flatnonzero(~points[here]) + done).astype(range_dtype))
            range_end_parts.append(_parse(texts[3]))  # (after their starts: _IS_POINT)
            done += n
    finally:
        if own_transaction:
            conn.execute("COMMIT")
    ids, article_ids, starts = (c[:done] for c in columns)
    # Each range's part written into one column with rows spare (no concatenation's copy).
    ranges = sum(len(part) for part in range_parts)
    if done + SPARE_ROWS >= 2**31:
        range_dtype = np.dtype(
            np.intp
        )  # the columns grew past the summary (a store written meanwhile)
    range_rows = np.empty(ranges + SPARE_ROWS, dtype=range_dtype)[:ranges]
    range_ends = np.empty(ranges + SPARE_ROWS, dtype="<i8")[:ranges]
    at = 0
    for part, ends in zip(range_parts, range_end_parts, strict=True):
        range_rows[at : at + len(part)] = part
        range_ends[at : at + len(part)] = ends
        at += len(part)
    del range_parts, range_end_parts
    # Gathered a slice at a time, into an array of its final size: copies of each
    # range's part kept until the end cost 50 MB more at 10M events.
    range_starts = np.empty(ranges + SPARE_ROWS, dtype="<i8")[:ranges]
    for i in range(0, len(range_rows), 1 << 18):
        part = range_rows[i : i + (1 << 18)]
        np.take(starts, part, out=range_starts[i : i + len(part)])
    loaded = EventArrays.with_ranges(
        (ids, article_ids, starts, kinds[:done], points[:done]),
        range_rows,
        range_starts,
        range_ends,
    )
    return loaded.warm() if warm else loaded


def collapse_copies(
    arrays: EventArrays, spreads: dict[int, tuple[int, int | None, int | None]], later: set[int]
) -> EventArrays:
    """The events with each story drawn once (timeline/stories).

    The events of every later copy are dropped; the earliest copy's publication is
    drawn over the story's spread, from the first copy to the last.  spreads:
    (copies, first, last) by the earliest copy's id (stories.copy_counts); later: the
    ids of the later copies (stories.later_copies).
    """
    if not (later or spreads) or not len(arrays):
        return arrays
    keep = ~np.isin(arrays.article_ids, np.fromiter(later, dtype=np.int64, count=len(later)))
    ends = arrays.all_ends()  # (a column of its own, as the copy here was before)
    points = arrays.points.copy()
    earliest = np.fromiter(spreads, dtype=np.int64, count=len(spreads))
    rows = np.flatnonzero((arrays.kinds == PUBLISHED) & np.isin(arrays.article_ids, earliest))
    for row in rows:
        _n, _first, last = spreads[int(arrays.article_ids[row])]
        if last is not None and last > arrays.starts[row]:
            ends[row] = last
            points[row] = False
    return EventArrays(
        ids=arrays.ids[keep],
        article_ids=arrays.article_ids[keep],
        starts=arrays.starts[keep],
        ends=ends[keep],
        kinds=arrays.kinds[keep],
        points=points[keep],
    ).warm()


class EventText(NamedTuple):
    """What the view writes about an event: its stored label and value, the article's
    title, and for a mention the dated phrase with the words around it (its context)."""

    label: str
    value: str
    title: str
    context: str = ""


_SHOWN = SHOWN_CHARS

# Characters of body read on each side of a mention's span to cut its context from.
_CONTEXT_CHARS = 80
_SPACE = re.compile(r"\s+")


def mention_context(
    before: str,
    phrase: str,
    after: str,
    *,
    cut_before: bool = False,
    cut_after: bool = False,
    words_before: int = 3,
    words_after: int = 6,
) -> str:
    """The dated phrase with a few whole words on each side, on one line.

    `before` and `after` are the body's text next to the phrase; cut_before/cut_after
    say the window was cut there, so its outermost word may be partial and is dropped.
    """
    head = _one_line(before).split(" ") if before.strip() else []
    tail = _one_line(after).split(" ") if after.strip() else []
    if cut_before and head and not before[:1].isspace():
        head = head[1:]
    if cut_after and tail and not after[-1:].isspace():
        tail = tail[:-1]
    head = head[-words_before:] if words_before else []
    tail = tail[:words_after]
    text = " ".join(head)
    text += (" " if head and before[-1:].isspace() else "") + _one_line(phrase)
    text += (" " if tail and after[:1].isspace() else "") + " ".join(tail)
    return text.strip()


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", _strip_controls(text)).strip()


# Control and bidi-embedding characters in an article must not steer the drawing:
# line breaks and tabs become spaces, the rest go.
_CONTROLS = {
    **{c: None for c in (*range(32), 0x7F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))},
    **{ord(c): " " for c in "\n\r\t"},
}


def _strip_controls(text: str) -> str:
    return text.translate(_CONTROLS)


def event_labels(store: Store, ids: Iterable[int]) -> dict[int, EventText]:
    """What to write about the events about to be drawn, by event id (see EventText).

    The body's text around each mention is cut from one stretch of its article's body
    read per batch (_body_stretches), not by a substr of the body for each side of each
    mention: SQLite counts characters from the body's start for every substr, and the
    64 labels of mentions past the middle of a 10 MB text took 4.7 s on the GUI thread
    that way (three scans of 5 MB each), after a correction of its date as much as while
    scrolling over them."""
    wanted = [int(i) for i in ids]
    out: dict[int, EventText] = {}
    n = _CONTEXT_CHARS
    for i in range(0, len(wanted), 500):
        part = wanted[i : i + 500]
        marks = ",".join("?" * len(part))
        rows = store.db.conn.execute(
            # Label and title read no further than they are shown (shown_part).
            f"SELECT e.id, {head_sql('e.label', _SHOWN + 1)}, e.value,"
            f" {head_sql('a.title', _SHOWN + 1)}, e.kind, e.article_id, e.span_start, e.span_end"
            f" FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id IN ({marks})",
            part,
        ).fetchall()
        stretches = _body_stretches(store, rows)
        for event_id, label_head, value, title_head, kind, article_id, span_start, span_end in rows:
            label, title = head_text(label_head, _SHOWN + 1), head_text(title_head, _SHOWN + 1)
            context = ""
            if kind != "published":
                stretch = stretches.get(article_id)
                phrase = ""
                if stretch is not None and span_start is not None and span_end is not None:
                    first, text = stretch
                    lo = max(span_start - n, 0)
                    before = text[max(lo - first, 0) : max(span_start - first, 0)]
                    phrase = text[max(span_start - first, 0) : max(span_end - first, 0)]
                    after = text[max(span_end - first, 0) : max(span_end + n - first, 0)]
                if phrase:
                    cut_before = len(before) == n
                    context = mention_context(
                        before, phrase, after, cut_before=cut_before, cut_after=len(after) == n
                    )
                else:
                    context = _one_line(label or "")
            out[event_id] = EventText(
                shown_part(label or ""), value or "", shown_part(title or ""), context
            )
    return out


def _body_stretches(store: Store, rows: Sequence[tuple[Any, ...]]) -> dict[int, tuple[int, str]]:
    """(first, text) by article: the stretch of its body from `first` holding every
    mention of rows (event_labels' rows) with _CONTEXT_CHARS either side.  One substr an
    article: SQLite counts the characters up to it once, where a substr for each side
    of each mention counted them three times a mention."""
    n = _CONTEXT_CHARS
    spans: dict[int, tuple[int, int]] = {}
    for _id, _label, _value, _title, kind, article_id, start, end in rows:
        if kind == "published" or start is None or end is None:
            continue
        lo, hi = max(start - n, 0), end + n
        had = spans.get(article_id)
        spans[article_id] = (lo, hi) if had is None else (min(had[0], lo), max(had[1], hi))
    out: dict[int, tuple[int, str]] = {}
    for article_id, (lo, hi) in spans.items():
        row = store.db.conn.execute(
            "SELECT substr(body, ?, ?) FROM articles WHERE id = ?", (lo + 1, hi - lo, article_id)
        ).fetchone()
        if row is not None:
            out[article_id] = (lo, row[0] or "")
    return out


def density(starts: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """How many sorted starts fall in each [edges[i], edges[i+1]) (edges ascending)."""
    keys = np.ceil(edges).astype(np.int64)  # integer starts: x < edge iff x < ceil(edge)
    return np.diff(np.searchsorted(starts, keys, side="left"))
