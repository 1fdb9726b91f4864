"""Where the timeline view draws things: bands, lanes, density buckets and item boxes.

Plain numpy over EventArrays and a Viewport; no Qt, so it is cheap to test.  Item
positions are computed in "u", pixels from the edge where time begins (the left edge
when time runs left to right, the right edge otherwise); u_to_x turns them into x.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from timeline.sorted_search import positions
from timeline.store.timeline_data import DensitySummary, EventArrays, RangeMarks, RowSplice
from timeline.timescale import Viewport, pack_lanes

# More events in view than this and the view draws a density band instead of items.
DENSITY_THRESHOLD = 2000
# At most this many event labels per frame (DESIGN.md, Scale).
MAX_LABELS = 200
# Lanes packed per view; as many as the height allows are shown, the rest scroll.
PACKED_LANES = 64
DENSITY_BUCKET_PX = 2
# A range at least this many view spans long is an era: drawn as a thin bar in a band
# of its own above the lanes, not in a lane (the lanes stay for what happens in view).
ERA_FACTOR = 2.0
ERA_ROWS = 8
ERA_ROW_PX = 5


@dataclass(frozen=True)
class Metrics:
    """Sizes in pixels, derived once from the font and the widget size."""

    width: int
    height: int
    lane_h: int
    slot_px: int  # room for a label next to its marker
    marker_r: float
    pad: float
    legend_h: int
    axis_h: int
    overflow_h: int = 8
    era_h: int = 0  # the era band between the legend and the lanes (0: no eras in view)

    @property
    def era_top(self) -> int:
        return self.legend_h

    @property
    def lanes_top(self) -> int:
        return self.legend_h + self.era_h

    @property
    def axis_top(self) -> int:
        return self.height - self.axis_h

    @property
    def overflow_top(self) -> int:
        return self.axis_top - self.overflow_h

    @property
    def lane_count(self) -> int:
        """Lanes the height has room for."""
        room = self.overflow_top - self.lanes_top
        return max(0, min(PACKED_LANES, room // self.lane_h))

    @property
    def packed_lanes(self) -> int:
        """Lanes items are packed into (those past lane_count are scrolled to)."""
        return PACKED_LANES if self.lane_count else 0

    @property
    def least_height(self) -> int:
        """The height that shows LANES_BESIDE_ERAS lanes under the legend, with the
        overflow strip and the axis: less, and the lanes' labels had one lane or none."""
        return self.legend_h + LANES_BESIDE_ERAS * self.lane_h + self.overflow_h + self.axis_h

    def lane_top(self, lane: int) -> int:
        """Top of the lane shown `lane` lanes below the first one shown."""
        return self.lanes_top + lane * self.lane_h

    def lane_at(self, y: float) -> int:
        lane = int((y - self.lanes_top) // self.lane_h)
        return lane if 0 <= lane < self.lane_count and y >= self.lanes_top else -1

    def era_row_top(self, row: int) -> int:
        return self.era_top + 2 + row * ERA_ROW_PX

    def era_row_at(self, y: float) -> int:
        if not self.era_top <= y < self.era_top + self.era_h:
            return -1
        return max(int((y - self.era_top - 2) // ERA_ROW_PX), 0)


# The era band never takes the room of the lanes below this many (or of as many as the
# height has, when fewer): in a short strip the eras' rows go first, counted in the
# legend, and what happens in view keeps its lanes.
LANES_BESIDE_ERAS = 2


def era_band_height(n_rows: int) -> int:
    return min(n_rows, ERA_ROWS) * ERA_ROW_PX + 4 if n_rows else 0


def era_rows_room(metrics: Metrics, n_eras: int) -> int:
    """How many of n_eras get a row in the band, leaving the lanes LANES_BESIDE_ERAS."""
    room = metrics.overflow_top - metrics.legend_h
    kept = min(max(room, 0) // metrics.lane_h, LANES_BESIDE_ERAS)
    spare = room - kept * metrics.lane_h - 4
    return max(0, min(n_eras, ERA_ROWS, spare // ERA_ROW_PX))


@dataclass
class Frame:
    """Everything one paint needs, computed from the data and the viewport only."""

    mode: str  # 'empty' | 'density' | 'items'
    viewport: Viewport
    # density mode: counts per bucket of DENSITY_BUCKET_PX pixels, u ascending
    counts: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    highlight_counts: np.ndarray | None = None
    # coloured by tag or source (no highlight): each code's counts per bucket, by code
    code_counts: list[np.ndarray] | None = None
    # items mode, placed in lanes: rows into EventArrays and their geometry in u
    rows: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    lanes: np.ndarray = field(default_factory=lambda: np.empty(0, np.int32))
    u_start: np.ndarray = field(default_factory=lambda: np.empty(0))
    u_end: np.ndarray = field(default_factory=lambda: np.empty(0))
    u_box0: np.ndarray = field(default_factory=lambda: np.empty(0))
    u_box1: np.ndarray = field(default_factory=lambda: np.empty(0))
    # The label's slot is [u_label, u_label + slot_px]; a flipped label (one that would
    # cross the far edge) sits before its marker, its text ending next to the marker.
    u_label: np.ndarray = field(default_factory=lambda: np.empty(0))
    label_flipped: np.ndarray = field(default_factory=lambda: np.empty(0, bool))
    labelled: np.ndarray = field(default_factory=lambda: np.empty(0, bool))
    # items mode, no room in any lane: drawn as ticks on the overflow strip
    overflow_rows: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    overflow_u: np.ndarray = field(default_factory=lambda: np.empty(0))
    in_view: int = 0
    # Eras in view with no row in the era band; under a search, those it found (a dimmed
    # range is what the search set aside, drawn or not: build_frame's marks), when
    # hidden_found (else every one: too many to tell in a frame, RangeMarks).
    hidden_ranges: int = 0
    hidden_found: bool = False
    slot_px: float = 0.0
    # eras (ranges far longer than the view), shortest first, one per era band row;
    # under a search those it found first (build_frame)
    era_rows: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    era_u0: np.ndarray = field(default_factory=lambda: np.empty(0))
    era_u1: np.ndarray = field(default_factory=lambda: np.empty(0))
    # lanes are numbered from the first packed one; lane_scroll of them are above the view
    lane_scroll: int = 0
    lanes_used: int = 0
    metrics: Metrics | None = None  # the metrics this frame was laid out with (era band)

    @property
    def overflow_count(self) -> int:
        """Events in view drawn only as ticks on the overflow strip (no lane, or a lane
        scrolled out of view)."""
        return len(self.overflow_rows)

    def label_box(self, i: int, width: float) -> tuple[float, float]:
        """[u0, u1] of the text of item i, `width` pixels wide, as paint draws it."""
        u0 = float(self.u_label[i])
        if self.label_flipped[i]:
            u0 += self.slot_px - width
        return u0, u0 + width

    def u_to_x(self, u: np.ndarray | float) -> np.ndarray | float:
        vp = self.viewport
        return vp.width - u if vp.rtl else u


@dataclass(frozen=True)
class FollowedLanes:
    """LanePlan's rows and lanes after a splice, and the rows packed they followed."""

    packed: np.ndarray
    rows: np.ndarray
    lanes: np.ndarray


class LanePlan:
    """Lanes packed for a window wider than the view, kept while panning inside it.

    Packing only what is on screen would move items between lanes on every pan step;
    packing a window of half a screen more on each side and reusing it until the view
    leaves it (or the zoom changes) keeps lanes steady.
    """

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._t0 = 0.0
        self._t1 = 0.0
        self._rows = np.empty(0, np.int64)
        self._lanes = np.empty(0, np.int32)
        self._spp = 1.0
        self._metrics: Metrics | None = None

    def clear(self) -> None:
        self._key = None

    def follow(
        self, arrays: EventArrays, splice: RowSplice, made: FollowedLanes | None = None
    ) -> None:
        """Keep the lanes packed for splice's source for arrays, spliced from it (an
        edit): the rows kept keep their lanes, those taken out leave a gap, and each row
        put in inside the packed window takes the first lane free where it is.

        Packing again would move items the edit did not touch from lane to lane.
        made: the same worked out elsewhere (follower), taken when it followed the
        lanes packed now.
        """
        if self._key is None or self._metrics is None:
            return
        if made is None or made.packed is not self._rows:
            made = self._followed(arrays, splice)
        self._rows, self._lanes = made.rows, made.lanes
        self._key = (id(arrays), *self._key[1:])

    def follower(self) -> Callable[[EventArrays, RowSplice], FollowedLanes | None]:
        """follow's work as a function of these lanes as packed now, to call on another
        thread (a long article's edit: 40 ms of the GUI thread for 2,000 rows put in the
        packed window); follow takes its answer while the lanes are still those."""
        if self._key is None or self._metrics is None:
            return lambda _arrays, _splice: None
        plan = LanePlan()
        plan._key, plan._t0, plan._t1 = self._key, self._t0, self._t1
        plan._rows, plan._lanes = self._rows, self._lanes
        plan._spp, plan._metrics = self._spp, self._metrics
        return plan._followed

    def _followed(self, arrays: EventArrays, splice: RowSplice) -> FollowedLanes:
        assert self._key is not None and self._metrics is not None
        metrics, spp, era = self._metrics, self._spp, self._key[5]
        packed = self._rows
        rows = splice.map_rows(packed)
        kept = rows >= 0
        rows, lanes = rows[kept], self._lanes[kept]
        placed_starts = arrays.starts[splice.placed]
        placed_ends = arrays.ends_of(splice.placed)
        new = splice.placed[
            (placed_starts <= self._t1)
            & (placed_ends >= self._t0)
            & (placed_ends - placed_starts < era)
        ]
        if len(new):
            box0, box1 = _boxes_absolute(arrays, rows, spp, metrics)
            new_box0, new_box1 = _boxes_absolute(arrays, new, spp, metrics)
            # Points go under the ranges' lanes, as packing puts them.
            points = arrays.points[rows] & (lanes >= 0)
            points_from = int(lanes[points].min()) if points.any() else 0
            added = np.full(len(new), -1, np.int32)
            for k in range(len(new)):
                clash = (lanes >= 0) & (box0 <= new_box1[k] + metrics.pad)
                clash &= box1 + metrics.pad >= new_box0[k]
                busy = np.zeros(metrics.packed_lanes, bool)
                busy[lanes[clash]] = True
                first = points_from if arrays.points[new[k]] else 0
                free = np.flatnonzero(~busy)
                if len(free):
                    later = free[free >= first]
                    added[k] = int(later[0] if len(later) else free[0])
                rows, lanes = np.append(rows, new[k]), np.append(lanes, added[k])
                box0 = np.append(box0, new_box0[k])
                box1 = np.append(box1, new_box1[k])
            order = np.argsort(rows)
            rows, lanes = rows[order], lanes[order]
        return FollowedLanes(packed, rows, lanes.astype(np.int32))

    def lanes(
        self,
        arrays: EventArrays,
        vp: Viewport,
        metrics: Metrics,
        t0: float,
        t1: float,
        rows: np.ndarray,
    ) -> np.ndarray:
        era = ERA_FACTOR * vp.span
        key = (
            id(arrays),
            vp.seconds_per_px,
            metrics.slot_px,
            metrics.packed_lanes,
            metrics.lane_count,
            era,
        )
        if key != self._key or t0 < self._t0 or t1 > self._t1:
            margin = (t1 - t0) / 2
            self._t0, self._t1 = t0 - margin, t1 + margin
            window = arrays.visible_rows(
                self._t0, self._t1, max_covering=metrics.packed_lanes, max_length=era
            )
            self._rows = np.sort(window)
            box0, box1 = _boxes_absolute(arrays, self._rows, vp.seconds_per_px, metrics)
            self._lanes = pack_ranges_over_points(
                arrays.points[self._rows],
                box0,
                box1,
                metrics.packed_lanes,
                metrics.pad,
                metrics.lane_count,
            )
            self._key = key
            self._spp, self._metrics = vp.seconds_per_px, metrics
        at = np.searchsorted(self._rows, rows)
        at = np.minimum(at, max(len(self._rows) - 1, 0))
        found = self._rows[at] == rows if len(self._rows) else np.zeros(len(rows), bool)
        return np.where(found, self._lanes[at] if len(self._rows) else -1, -1).astype(np.int32)


def label_offset(metrics: Metrics) -> float:
    """From a point's centre to its label: clear of the marker and its selection ring."""
    return metrics.marker_r + metrics.pad + 4


def pack_ranges_over_points(
    is_point: np.ndarray,
    box0: np.ndarray,
    box1: np.ndarray,
    lane_count: int,
    gap: float,
    shown: int | None = None,
) -> np.ndarray:
    """Lanes for ranges on top and points below, neither crowding the other out.

    Packed together, the ranges that began earlier take every lane before the points
    of the day are reached.  So ranges get the top quarter of the `shown` lanes (at
    least two), points the lanes under them, and the ranges that did not fit go under
    the points, where the lanes scroll to.
    """
    shown = lane_count if shown is None else min(shown, lane_count)
    lanes = np.full(len(is_point), -1, dtype=np.int32)
    ranges = np.flatnonzero(~is_point)
    points = np.flatnonzero(is_point)
    reserve = min(len(ranges), max(2, shown // 4), lane_count)
    top_lanes = pack_lanes(box0[ranges], box1[ranges], reserve, gap)
    lanes[ranges] = top_lanes
    top = int(top_lanes.max()) + 1 if len(ranges) else 0
    point_lanes = pack_lanes(box0[points], box1[points], lane_count - top, gap)
    lanes[points] = np.where(point_lanes >= 0, point_lanes + top, -1)
    used = max(top, int(lanes.max()) + 1) if len(lanes) else 0
    rest = ranges[top_lanes < 0]
    if len(rest) and used < lane_count:
        more = pack_lanes(box0[rest], box1[rest], lane_count - used, gap)
        lanes[rest] = np.where(more >= 0, more + used, -1)
    return lanes


def _box_extent(is_point: np.ndarray, u_s: np.ndarray, u_e: np.ndarray, metrics: Metrics):
    """[box0, box1] of each item: marker or bar plus the label slot after it."""
    label_end = u_s + label_offset(metrics) + metrics.slot_px
    box0 = np.where(is_point, u_s - metrics.marker_r, u_s)
    box1 = np.where(is_point, label_end, np.maximum(u_e, label_end))
    return box0, box1


def _boxes_absolute(arrays: EventArrays, rows: np.ndarray, spp: float, metrics: Metrics):
    # Pixels from the axis origin: packing does not change when the view pans.
    u_s = arrays.starts[rows] / spp
    u_e = arrays.ends_of(rows) / spp
    return _box_extent(arrays.points[rows], u_s, u_e, metrics)


def looked_at(vp: Viewport, metrics: Metrics) -> tuple[float, float]:
    """The times whose events starting in them a frame of this view looks at: items that
    start a label's width before the view too (their boxes take room in the lanes the
    view shows).  Ranges that began earlier and cover the whole view do not crowd it."""
    return vp.start - (metrics.slot_px + label_offset(metrics)) * vp.seconds_per_px, vp.end


def crowded(arrays: EventArrays, vp: Viewport, metrics: Metrics) -> bool:
    """Whether a frame of this view has too many events to draw one by one: build_frame
    draws a density band."""
    return arrays.count_starting(*looked_at(vp, metrics)) > DENSITY_THRESHOLD


def _found_eras_first(
    arrays: EventArrays,
    vp: Viewport,
    era_length: float,
    marks: RangeMarks,
    eras: np.ndarray,
    era_rows: np.ndarray,
    found: int,
) -> np.ndarray:
    """The era band's rows under a search: the shortest eras it found, then (rows
    left) the shortest it dims, each shortest first; era_rows as they are when they
    are all found or hold every found one.

    eras: the ERA_ROWS shortest eras (shortest_long_rows), of which era_rows are the
    first; found: how many eras the search found (count_long_marked).  The dimmed ones
    kept are the shortest of those era_rows held, the found ones take the rest."""
    shown = int(np.count_nonzero(marks.marked[era_rows]))
    if shown in (len(era_rows), found):
        return era_rows
    wanted = min(found, len(era_rows))
    hits = arrays.shortest_long_marked(vp.start, vp.end, era_length, marks, wanted)
    dimmed = era_rows[~marks.marked[era_rows]][: len(era_rows) - len(hits)]
    return np.concatenate((hits, dimmed))


def build_frame(
    arrays: EventArrays,
    vp: Viewport,
    metrics: Metrics,
    plan: LanePlan,
    highlight_rows: np.ndarray | None = None,
    selected_row: int | None = None,
    lane_scroll: int = 0,
    reveal_selected: bool = False,
    highlight_others: bool = False,
    code_rows: Sequence[np.ndarray] | None = None,
    marks: RangeMarks | None = None,
) -> Frame:
    """What to draw for this viewport: a density band when crowded, else items in lanes.

    highlight_rows: the sorted rows highlighted (a search's hits), or with
    highlight_others the rows not highlighted (the fewer, when hits are most rows).
    code_rows: when the events are coloured (by tag or source), each code's rows
    (rows_by_code), for a density band coloured as the events are.
    marks: the highlight's marks over the ranges, when there is one: the band's rows go
    to the eras it found first, and those left out are counted of those it found (both
    as without a search when the marks are too many to count in a frame, RangeMarks).

    Ranges ERA_FACTOR times longer than the view are eras, drawn in a band of their own.
    The rest are packed into PACKED_LANES lanes; those the height has room for are
    shown from lane_scroll on (reveal_selected scrolls to the selected event's lane),
    and events in the other lanes are ticks on the overflow strip.  Labels stay whole
    inside the widget: one that would cross the far edge goes to the other side of its
    marker, and items whose boxes change that way are re-checked against their lane
    (see place_labels).  The selected event, when in view, always gets a lane and its
    label.
    """
    if not len(arrays):
        return Frame("empty", vp)
    spp = vp.seconds_per_px
    t0, t1 = looked_at(vp, metrics)
    count = arrays.count_starting(t0, t1)
    if count > DENSITY_THRESHOLD or metrics.lane_count == 0:
        return _density_frame(arrays, vp, highlight_rows, count, highlight_others, code_rows)
    era_length = ERA_FACTOR * vp.span
    covering = arrays.count_covering(t0)
    eras, n_eras = arrays.shortest_long_rows(vp.start, vp.end, era_length, ERA_ROWS)
    era_rows = eras[: era_rows_room(metrics, n_eras)]
    hidden = n_eras - len(era_rows)
    hidden_found = False
    if marks is not None and hidden:
        found = arrays.count_long_marked(vp.start, vp.end, era_length, marks)
        if found is not None:  # (None: too many to count in a frame; all are counted)
            era_rows = _found_eras_first(arrays, vp, era_length, marks, eras, era_rows, found)
            hidden = found - int(np.count_nonzero(marks.marked[era_rows]))
            hidden_found = True
    metrics = replace(metrics, era_h=era_band_height(len(era_rows)))
    rows = arrays.visible_rows(t0, t1, max_covering=metrics.packed_lanes, max_length=era_length)
    lanes = plan.lanes(arrays, vp, metrics, t0, t1, rows)
    u_s = (arrays.starts[rows] - vp.start) / spp
    u_e = (arrays.ends_of(rows) - vp.start) / spp
    is_point = arrays.points[rows]
    hits = np.flatnonzero(rows == selected_row) if selected_row is not None else []
    chosen = int(hits[0]) if len(hits) else None
    placed = place_labels(is_point, u_s, u_e, lanes, metrics, vp.width, chosen)
    lanes, box0, box1, u_label, flipped, has_label = placed
    on = lanes >= 0
    used = int(lanes[on].max()) + 1 if on.any() else 0
    room = metrics.lane_count
    scroll = min(max(lane_scroll, 0), max(used - room, 0))
    if reveal_selected and chosen is not None and on[chosen]:
        lane = int(lanes[chosen])
        if not scroll <= lane < scroll + room:
            scroll = min(max(lane - room // 2, 0), max(used - room, 0))
    # Items looked at only for the room their boxes take: points before the view and
    # ranges that ended before it are neither drawn nor counted.
    in_view = np.where(is_point, u_s >= -metrics.marker_r, u_e >= 0)
    shown = on & in_view & (lanes >= scroll) & (lanes < scroll + room)
    p_rows = rows[shown]
    labelled = has_label[shown]
    labelled[np.flatnonzero(labelled)[MAX_LABELS:]] = False
    if chosen is not None and shown[chosen]:
        labelled[int(np.count_nonzero(shown[:chosen]))] = has_label[chosen]
    # Overflow ticks of ranges sit where the range is visible.
    off = ~shown & in_view
    over_u = np.clip(u_s[off], 0.0, vp.width)
    return Frame(
        "items",
        vp,
        rows=p_rows,
        lanes=lanes[shown] - scroll,
        u_start=u_s[shown],
        u_end=u_e[shown],
        u_box0=box0[shown],
        u_box1=box1[shown],
        u_label=u_label[shown],
        label_flipped=flipped[shown],
        labelled=labelled,
        overflow_rows=rows[off],
        overflow_u=over_u,
        in_view=count + covering,
        hidden_ranges=hidden,
        hidden_found=hidden_found,
        slot_px=float(metrics.slot_px),
        era_rows=era_rows,
        era_u0=np.maximum((arrays.starts[era_rows] - vp.start) / spp, 0.0),
        era_u1=np.minimum((arrays.ends_of(era_rows) - vp.start) / spp, vp.width),
        lane_scroll=scroll,
        lanes_used=used,
        metrics=metrics,
    )


def frame_after_splice(frame: Frame, splice: RowSplice) -> Frame | None:
    """frame, built for splice's source, for the arrays spliced from it (an edit) when
    the splice changed no row the frame was built from: the same items in the same
    lanes and places, their rows followed (no lanes packed nor labels placed again).
    None when a row taken out or put in meets the time the frame looked at (from a
    label's width before the view to its end), so the frame is to be built anew."""
    if frame.mode != "items" or frame.metrics is None or splice.changed is None:
        return None
    vp = frame.viewport
    lead = (frame.metrics.slot_px + label_offset(frame.metrics)) * vp.seconds_per_px
    starts, ends = splice.changed
    if ((ends >= vp.start - lead - 1) & (starts <= vp.end + 1)).any():
        return None
    rows, overflow, eras = (
        splice.map_rows(r) for r in (frame.rows, frame.overflow_rows, frame.era_rows)
    )
    if (rows < 0).any() or (overflow < 0).any() or (eras < 0).any():
        return None
    return replace(frame, rows=rows, overflow_rows=overflow, era_rows=eras)


def place_labels(
    is_point: np.ndarray,
    u_s: np.ndarray,
    u_e: np.ndarray,
    lanes: np.ndarray,
    metrics: Metrics,
    width: float,
    selected: int | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Final lanes, boxes and label slots of the items of one view.

    The packed box of an item holds its label slot after the marker.  Where that slot
    would leave the view, the label moves: past the far edge it shifts in if it can
    stay clear of the marker, else flips before the marker; and a range's label cut at
    the near edge moves in to the visible start of the bar.  A moved label makes a new box, so the item keeps its lane only if the
    box still clears the lane's other items; else it takes the nearest lane where it
    fits; else it goes without a label (its box shrinks to the marker or bar).  A
    point whose marker is out of view has no label.  The selected item (an index, when
    in view) is placed first and always gets a lane, pushing aside what it overlaps.

    Returns lanes, box0, box1, u_label, flipped, has_label (all per item; lane -1 is
    the overflow strip).
    """
    lanes = lanes.copy()
    slot = float(metrics.slot_px)
    off = label_offset(metrics)
    r = metrics.marker_r
    gap = max(metrics.pad - 0.5, 0.0)
    box0, box1 = _box_extent(is_point, u_s, u_e, metrics)
    packed0, packed1 = box0.copy(), box1.copy()  # the boxes the lanes were packed with
    # What the item draws besides its label.
    ext0 = np.where(is_point, u_s - r, u_s)
    ext1 = np.where(is_point, u_s + r, np.maximum(u_e, u_s + 3.0))
    u_label = np.where(
        is_point, u_s + off, np.minimum(np.maximum(u_s, 0.0) + metrics.pad, box1 - slot)
    )
    flipped = np.zeros(len(u_s), bool)
    has_label = np.ones(len(u_s), bool)
    fits = (u_label >= 0) & (u_label + slot <= width)
    has_label[is_point & (u_s < -r)] = False
    has_label[~is_point & (u_e < 0)] = False  # a range that ended before the view
    # Labels that would leave the view (one pass over them all, not one per item).
    out = np.flatnonzero(~fits & has_label)
    far = u_label[out] + slot > width
    inward = width - slot
    # Past the far edge: a few pixels in when that stays clear of the marker (inside
    # the packed box, so nothing else moves), else before the marker when there is room
    # (none on either side, in a very narrow view: left as it is).
    clear = np.where(is_point[out], u_s[out] + r + 2, np.maximum(u_s[out], 0.0))
    shifted = far & (inward >= clear)
    before = u_s[out] - off - slot
    flip = far & ~shifted & (before >= 0)
    u_label[out[shifted]] = inward
    u_label[out[flip]] = before[flip]
    flipped[out[flip]] = True
    # Only a range's label can be cut at the near edge: it moves in to the bar's start.
    u_label[out[~far]] = np.maximum(u_s[out[~far]], 0.0) + metrics.pad
    moved_rows = out[flip | ~far]
    # Final boxes: moved labels make new ones, checked below; the rest keep the packed
    # box, or shrink to what they draw when they have no label.
    quiet = ~has_label
    box0[quiet], box1[quiet] = ext0[quiet], ext1[quiet]
    box0[moved_rows] = np.minimum(ext0[moved_rows], u_label[moved_rows])
    box1[moved_rows] = np.maximum(ext1[moved_rows], u_label[moved_rows] + slot)
    moved: list[int] = moved_rows.tolist()
    force = -1
    if selected is not None and _in_view(bool(is_point[selected]), ext0, ext1, selected, width):
        force = selected
        if force in moved or lanes[force] < 0:
            moved = [force, *(i for i in moved if i != force)]
    lane_count = metrics.packed_lanes
    # Each moved item in turn takes the free lane nearest its own.  Only items in a lane
    # can be in the way: the checks look at those alone (often a few hundred, where the
    # overflow strip holds thousands), kept in arrays of their own as lanes change.  An
    # item that leaves its lane stays there with lo +inf, so it is never in the way.
    items = np.flatnonzero(lanes >= 0)
    item_lanes = lanes[items]
    # Each item's lane as a bit (none once out of the lanes): the lanes in an item's way
    # are one OR over those that clash, a Python int, not a table made per item.
    item_bits = _lane_bits(item_lanes)
    everything = (1 << lane_count) - 1
    lo = box0[items] - gap
    hi = box1[items] + gap
    at = {int(item): n for n, item in enumerate(items.tolist())}
    if len(moved) > 16 and lane_count:
        # Labels moved off the far edge of items on the overflow strip, where every lane
        # is taken at their new box by items that stay as they are: each of them would be
        # looked at in turn only to find no lane.  Settled here together.
        crowded = _crowded(moved, force, lanes, items, item_lanes, lo, hi, box0, box1, lane_count)
        if len(crowded):
            has_label[crowded] = flipped[crowded] = False
            box0[crowded], box1[crowded] = ext0[crowded], ext1[crowded]
            settled = set(crowded.tolist())
            moved = [i for i in moved if i not in settled]
    for i in moved:
        n = at.get(i)
        if (
            i != force
            and lanes[i] >= 0  # (not pushed out by the selected item)
            and packed0[i] <= box0[i]
            and box1[i] <= packed1[i]
        ):
            # Still inside the box its lane was packed with (a range's label moved in
            # to the bar's visible start, the bar running past it): nothing that kept
            # its box is in its way, and what moved before it saw its new box.
            continue
        if n is not None:
            lo[n] = np.inf  # not in its own way
        clash = (lo <= box1[i]) & (hi >= box0[i])
        busy = int(np.bitwise_or.reduce(item_bits[clash])) & everything
        if busy != everything:  # the free lane nearest its own (the lower one on a tie)
            own = int(lanes[i]) if lanes[i] >= 0 else 0
            lanes[i] = _nearest_free(busy, own, lane_count)
        elif i == force and lane_count:
            # The lane with the least in the way; what was in the way overflows.
            in_way = item_lanes[clash]
            lanes[i] = int(np.argmin(np.bincount(in_way, minlength=lane_count)))
            pushed = np.flatnonzero(clash & (item_lanes == lanes[i]))
            lanes[items[pushed]] = -1
            item_lanes[pushed] = -1
            item_bits[pushed] = 0
            lo[pushed] = np.inf
        else:
            has_label[i] = flipped[i] = False
            box0[i], box1[i] = ext0[i], ext1[i]
        if lanes[i] < 0:
            continue
        if n is None:  # a lane gained: in the way of the items after it
            n = at[i] = len(items)
            items, item_lanes = np.append(items, i), np.append(item_lanes, lanes[i])
            item_bits = np.append(item_bits, np.uint64(0))
            lo, hi = np.append(lo, np.inf), np.append(hi, np.inf)
        item_lanes[n] = lanes[i]
        item_bits[n] = np.uint64(1 << int(lanes[i]))
        lo[n] = box0[i] - gap
        hi[n] = box1[i] + gap
    return lanes, box0, box1, u_label, flipped, has_label


def _crowded(
    moved: list[int],
    force: int,
    lanes: np.ndarray,
    items: np.ndarray,
    item_lanes: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    box0: np.ndarray,
    box1: np.ndarray,
    lane_count: int,
) -> np.ndarray:
    """The moved items out of the lanes (not the selected one) whose new boxes meet, in
    every lane, an item that keeps its lane and box whatever the moved ones do: no lane
    will be free for them, in any order.  What the selected item could push aside (it
    overlaps its box) is not counted on.  lo, hi: the lane items' boxes with their gap."""
    ids = np.asarray(moved, dtype=np.int64)
    cand = ids[(lanes[ids] < 0) & (ids != force)]
    if not len(cand):
        return cand
    in_moved = np.zeros(len(lanes), bool)
    in_moved[ids] = True
    stays = ~in_moved[items]
    if force >= 0:
        stays &= ~((lo <= box1[force]) & (hi >= box0[force]))
    s_lanes, s_lo, s_hi = item_lanes[stays], lo[stays], hi[stays]
    order = np.lexsort((s_lo, s_lanes))
    s_lanes, s_lo, s_hi = s_lanes[order].astype(np.int64), s_lo[order], s_hi[order]
    first = np.searchsorted(s_lanes, np.arange(lane_count + 1))
    if (np.diff(first) == 0).any():
        return cand[:0]  # a lane nothing stays in
    b0, b1 = box0[cand], box1[cand]
    # Some item of lane L meets [b0, b1] iff among those of L beginning at or before b1
    # the furthest end reaches b0.  For every lane at once: the boxes' ends ranked
    # (exact integers, in order) and offset by lane, so that one sorted array holds the
    # lanes one after the other and a running maximum stays inside its lane.
    los = np.unique(np.concatenate((s_lo, b1)))
    his = np.unique(np.concatenate((s_hi, b0)))
    step = max(len(los), len(his)) + 1
    lane_base = s_lanes * step
    key = lane_base + np.searchsorted(los, s_lo)
    reach = np.maximum.accumulate(lane_base + np.searchsorted(his, s_hi))
    offsets = np.arange(lane_count, dtype=np.int64) * step
    k = np.searchsorted(key, offsets[None, :] + np.searchsorted(los, b1)[:, None], side="right")
    meets = k > first[None, :-1]
    meets &= reach[np.maximum(k - 1, 0)] >= offsets[None, :] + np.searchsorted(his, b0)[:, None]
    return cand[meets.all(axis=1)]


def _lane_bits(lanes: np.ndarray) -> np.ndarray:
    """1 << lane for each lane (at most 64 of them), 0 for none (-1)."""
    bits = np.zeros(len(lanes), dtype=np.uint64)
    on = lanes >= 0
    bits[on] = np.left_shift(np.uint64(1), lanes[on].astype(np.uint64))
    return bits


def _nearest_free(busy: int, own: int, lane_count: int) -> int:
    """The lane not set in busy nearest own, the lower of two as near (one is free)."""
    for distance in range(lane_count):
        for lane in (own - distance, own + distance):
            if 0 <= lane < lane_count and not busy >> lane & 1:
                return lane
    raise ValueError("no free lane")


def _in_view(point: bool, ext0: np.ndarray, ext1: np.ndarray, i: int, width: float) -> bool:
    """Whether item i shows: a point by its centre, a range by any part of its bar."""
    if point:
        return bool(0 <= (ext0[i] + ext1[i]) / 2 <= width)
    return bool(ext1[i] >= 0 and ext0[i] <= width)


def rows_by_code(codes: np.ndarray, n_codes: int) -> list[np.ndarray]:
    """The rows of each code (codes[row] == k), ascending: a density band counts each
    code's events per bucket from them with a binary search per bucket edge (the row
    where the bucket begins), as it counts all the events, never a pass over the rows
    in view.  Row numbers, not starts: 4 bytes an event, no copy of the starts."""
    if not n_codes or not len(codes):
        return [np.empty(0, np.int32) for _ in range(n_codes)]
    # Each code's rows in order: a stable sort, which numpy makes a radix sort for 8- and
    # 16-bit keys (two million rows: 31 ms as int8, 130 as int32).
    top = max(n_codes, int(codes.max()))
    small = np.int8 if top < 127 else np.int16 if top < 32_767 else np.int32
    keys = codes.astype(small)
    order = np.argsort(keys, kind="stable")
    bounds = positions(keys[order], np.arange(n_codes + 1))
    rows = order.astype(np.int32) if len(order) < 2**31 else order
    return [rows[bounds[k] : bounds[k + 1]] for k in range(n_codes)]


def _density_frame(
    arrays: EventArrays,
    vp: Viewport,
    highlight_rows: np.ndarray | None,
    count: int,
    highlight_others: bool = False,
    code_rows: Sequence[np.ndarray] | None = None,
) -> Frame:
    buckets = int(np.ceil(vp.width / DENSITY_BUCKET_PX))
    edges = vp.start + np.arange(buckets + 1) * (DENSITY_BUCKET_PX * vp.seconds_per_px)
    # The row where each bucket begins (the starts are sorted): the events in a bucket
    # are the rows between two edges, and its hits the highlighted rows between them,
    # counted in the sorted hit rows (no copy of the hits' starts: 72 MB at 9M hits).
    at = np.searchsorted(arrays.starts, np.ceil(edges).astype(np.int64), side="left")
    counts = np.diff(at)
    hl = None
    if highlight_rows is not None:
        # Keys of the rows' own type: others would have numpy convert every hit row.
        hl = np.diff(np.searchsorted(highlight_rows, at.astype(highlight_rows.dtype)))
        if highlight_others:  # the rows kept are those not highlighted
            hl = counts - hl
    coded = None
    if code_rows is not None and hl is None:
        # Each code's rows between two bucket edges (rows of the code's own type).
        coded = [np.diff(np.searchsorted(rows, at.astype(rows.dtype))) for rows in code_rows]
    return Frame(
        "density", vp, counts=counts, highlight_counts=hl, in_view=count, code_counts=coded
    )


def summary_frame(summary: DensitySummary, vp: Viewport) -> Frame:
    """A density band from the store's events per day, for the frames before the events
    are read (at any zoom: no item can be drawn without its row)."""
    if not len(summary):
        return Frame("empty", vp)
    buckets = int(np.ceil(vp.width / DENSITY_BUCKET_PX))
    edges = vp.start + np.arange(buckets + 1) * (DENSITY_BUCKET_PX * vp.seconds_per_px)
    counts = summary.density(edges)
    return Frame("density", vp, counts=counts, in_view=int(counts.sum()))


# Counts that span this ratio (peak against the typical bucket) get a log scale.
LOG_SCALE_RATIO = 30


@dataclass(frozen=True)
class DensityScale:
    """How bucket counts become bar heights: linear or log, with gridline counts."""

    log: bool
    peak: int
    ticks: tuple[int, ...]

    def fraction(self, counts: np.ndarray) -> np.ndarray:
        """Bar height as a fraction of the band for each count."""
        if self.peak <= 0:
            return np.zeros(len(counts))
        if self.log:
            return np.log1p(counts) / np.log1p(self.peak)
        return np.asarray(counts, dtype=np.float64) / self.peak


def _nice_step(value: float) -> int:
    """1, 2 or 5 times a power of ten, at least value."""
    power = 10 ** max(int(np.floor(np.log10(max(value, 1.0)))), 0)
    for factor in (1, 2, 5, 10):
        if factor * power >= value:
            return int(factor * power)
    return int(10 * power)


def density_scale(counts: np.ndarray) -> DensityScale:
    """Log when the busiest bucket holds LOG_SCALE_RATIO times the typical one or more
    (a flat block otherwise hides the quiet stretches), else linear; about three
    gridlines either way."""
    nonzero = counts[counts > 0]
    if not len(nonzero):
        return DensityScale(False, 0, ())
    peak = int(nonzero.max())
    typical = max(float(np.median(nonzero)), 1.0)
    if peak >= LOG_SCALE_RATIO * typical:
        ticks = tuple(10**k for k in range(int(np.log10(peak)) + 1) if 10**k <= peak)
        return DensityScale(True, peak, ticks)
    step = _nice_step(peak / 3)
    return DensityScale(False, peak, tuple(range(step, peak + 1, step)))


def density_bucket_index(frame: Frame, x: float) -> int | None:
    """The index of the density band's bucket at x (None off the band)."""
    if frame.mode != "density" or not len(frame.counts):
        return None
    vp = frame.viewport
    u = vp.width - x if vp.rtl else x
    i = int(u // DENSITY_BUCKET_PX)
    return i if 0 <= i < len(frame.counts) else None


def density_bucket(frame: Frame, x: float) -> tuple[int, float, float, int | None] | None:
    """(count, first second, end second, highlighted count) of the bucket at x."""
    i = density_bucket_index(frame, x)
    if i is None:
        return None
    vp = frame.viewport
    size = DENSITY_BUCKET_PX * vp.seconds_per_px
    hl = int(frame.highlight_counts[i]) if frame.highlight_counts is not None else None
    t0 = vp.start + i * size
    return int(frame.counts[i]), t0, t0 + size, hl


def hit_test(frame: Frame, metrics: Metrics, x: float, y: float, slack: float = 3.0) -> int | None:
    """The row of the item drawn at (x, y), or None."""
    if frame.mode != "items":
        return None
    vp = frame.viewport
    metrics = frame.metrics or metrics
    u = vp.width - x if vp.rtl else x
    era = metrics.era_row_at(y)
    if 0 <= era < len(frame.era_rows):
        if frame.era_u0[era] - slack <= u <= frame.era_u1[era] + slack:
            return int(frame.era_rows[era])
        return None
    lane = metrics.lane_at(y)
    if lane >= 0 and len(frame.rows):
        hits = np.flatnonzero(
            (frame.lanes == lane) & (frame.u_box0 - slack <= u) & (u <= frame.u_box1 + slack)
        )
        if len(hits):
            return int(frame.rows[hits[0]])
    if metrics.overflow_top - slack <= y <= metrics.axis_top + slack and len(frame.overflow_u):
        near = np.abs(frame.overflow_u - u)
        best = int(np.argmin(near))
        if near[best] <= slack + 1:
            return int(frame.overflow_rows[best])
    return None
