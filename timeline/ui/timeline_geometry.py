"""Where the timeline view draws things: bands, lanes, density buckets and item boxes.

Plain numpy over EventArrays and a Viewport; no Qt, so it is cheap to test.  Item
positions are computed in "u", pixels from the edge where time begins (the left edge
when time runs left to right, the right edge otherwise); u_to_x turns them into x.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from timeline.store.timeline_data import EventArrays, density
from timeline.timescale import Viewport, pack_lanes

# More events in view than this and the view draws a density band instead of items.
DENSITY_THRESHOLD = 2000
# At most this many event labels per frame (DESIGN.md, Scale).
MAX_LABELS = 200
MAX_LANES = 40
DENSITY_BUCKET_PX = 2


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

    @property
    def lanes_top(self) -> int:
        return self.legend_h

    @property
    def axis_top(self) -> int:
        return self.height - self.axis_h

    @property
    def overflow_top(self) -> int:
        return self.axis_top - self.overflow_h

    @property
    def lane_count(self) -> int:
        room = self.overflow_top - self.lanes_top
        return max(0, min(MAX_LANES, room // self.lane_h))

    def lane_top(self, lane: int) -> int:
        return self.lanes_top + lane * self.lane_h

    def lane_at(self, y: float) -> int:
        lane = int((y - self.lanes_top) // self.lane_h)
        return lane if 0 <= lane < self.lane_count and y >= self.lanes_top else -1


@dataclass
class Frame:
    """Everything one paint needs, computed from the data and the viewport only."""

    mode: str  # 'empty' | 'density' | 'items'
    viewport: Viewport
    # density mode: counts per bucket of DENSITY_BUCKET_PX pixels, u ascending
    counts: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    highlight_counts: np.ndarray | None = None
    # items mode, placed in lanes: rows into EventArrays and their geometry in u
    rows: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    lanes: np.ndarray = field(default_factory=lambda: np.empty(0, np.int32))
    u_start: np.ndarray = field(default_factory=lambda: np.empty(0))
    u_end: np.ndarray = field(default_factory=lambda: np.empty(0))
    u_box0: np.ndarray = field(default_factory=lambda: np.empty(0))
    u_box1: np.ndarray = field(default_factory=lambda: np.empty(0))
    u_label: np.ndarray = field(default_factory=lambda: np.empty(0))
    labelled: np.ndarray = field(default_factory=lambda: np.empty(0, bool))
    # items mode, no room in any lane: drawn as ticks on the overflow strip
    overflow_rows: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    overflow_u: np.ndarray = field(default_factory=lambda: np.empty(0))
    in_view: int = 0
    hidden_ranges: int = 0  # long ranges over the whole view left out of the drawing

    def u_to_x(self, u: np.ndarray | float) -> np.ndarray | float:
        vp = self.viewport
        return vp.width - u if vp.rtl else u


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

    def clear(self) -> None:
        self._key = None

    def lanes(
        self,
        arrays: EventArrays,
        vp: Viewport,
        metrics: Metrics,
        t0: float,
        t1: float,
        rows: np.ndarray,
    ) -> np.ndarray:
        key = (id(arrays), vp.seconds_per_px, metrics.slot_px, metrics.lane_count)
        if key != self._key or t0 < self._t0 or t1 > self._t1:
            margin = (t1 - t0) / 2
            self._t0, self._t1 = t0 - margin, t1 + margin
            window = arrays.visible_rows(self._t0, self._t1, max_covering=metrics.lane_count)
            self._rows = np.sort(window)
            box0, box1 = _boxes_absolute(arrays, self._rows, vp.seconds_per_px, metrics)
            self._lanes = pack_ranges_over_points(
                arrays.points[self._rows], box0, box1, metrics.lane_count, metrics.pad
            )
            self._key = key
        at = np.searchsorted(self._rows, rows)
        at = np.minimum(at, max(len(self._rows) - 1, 0))
        found = self._rows[at] == rows if len(self._rows) else np.zeros(len(rows), bool)
        return np.where(found, self._lanes[at] if len(self._rows) else -1, -1).astype(np.int32)


def label_offset(metrics: Metrics) -> float:
    """From a point's centre to its label: clear of the marker and its selection ring."""
    return metrics.marker_r + metrics.pad + 4


def pack_ranges_over_points(
    is_point: np.ndarray, box0: np.ndarray, box1: np.ndarray, lane_count: int, gap: float
) -> np.ndarray:
    """Lanes for ranges on top and points below, neither crowding the other out.

    Packed together, the long ranges that began earlier take every lane before the
    points of the day are reached.  So points are packed first, leaving a quarter of
    the lanes (at least two) for ranges when there are any; ranges then get the lanes
    the points did not use, and go on top.
    """
    lanes = np.full(len(is_point), -1, dtype=np.int32)
    ranges = ~is_point
    reserve = min(int(ranges.sum()), max(2, lane_count // 4)) if ranges.any() else 0
    point_lanes = pack_lanes(box0[is_point], box1[is_point], max(lane_count - reserve, 0), gap)
    used = int(point_lanes.max()) + 1 if len(point_lanes) else 0
    range_lanes = pack_lanes(box0[ranges], box1[ranges], lane_count - used, gap)
    top = int(range_lanes.max()) + 1 if len(range_lanes) else 0
    lanes[ranges] = range_lanes
    lanes[is_point] = np.where(point_lanes >= 0, point_lanes + top, -1)
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
    u_e = arrays.ends[rows] / spp
    return _box_extent(arrays.points[rows], u_s, u_e, metrics)


def build_frame(
    arrays: EventArrays,
    vp: Viewport,
    metrics: Metrics,
    plan: LanePlan,
    highlight_starts: np.ndarray | None = None,
) -> Frame:
    """What to draw for this viewport: a density band when crowded, else items in lanes."""
    if not len(arrays):
        return Frame("empty", vp)
    spp = vp.seconds_per_px
    # Items that start a label's width before the view still show their label in it.
    lead = (metrics.slot_px + label_offset(metrics)) * spp
    t0, t1 = vp.start - lead, vp.end
    # Ranges that began earlier and cover the whole view do not crowd it: only the
    # events starting in view decide, and only the shortest covering ranges are drawn.
    count = arrays.count_starting(t0, t1)
    if count > DENSITY_THRESHOLD or metrics.lane_count == 0:
        return _density_frame(arrays, vp, highlight_starts, count)
    covering = len(arrays.covering_rows(t0))
    rows = arrays.visible_rows(t0, t1, max_covering=metrics.lane_count)
    lanes = plan.lanes(arrays, vp, metrics, t0, t1, rows)
    u_s = (arrays.starts[rows] - vp.start) / spp
    u_e = (arrays.ends[rows] - vp.start) / spp
    is_point = arrays.points[rows]
    placed = lanes >= 0
    box0, box1 = _box_extent(is_point, u_s, u_e, metrics)
    # A range that began off screen keeps its label at the visible start of its bar.
    label_w = metrics.slot_px
    u_label = np.where(
        is_point,
        u_s + label_offset(metrics),
        np.minimum(np.maximum(u_s, 0.0) + metrics.pad, box1 - label_w),
    )
    p_rows = rows[placed]
    labelled = np.zeros(len(p_rows), bool)
    labelled[:MAX_LABELS] = True
    # Overflow ticks of ranges sit where the range is visible.
    over_u = np.clip(u_s[~placed], 0.0, vp.width)
    return Frame(
        "items",
        vp,
        rows=p_rows,
        lanes=lanes[placed],
        u_start=u_s[placed],
        u_end=u_e[placed],
        u_box0=box0[placed],
        u_box1=box1[placed],
        u_label=u_label[placed],
        labelled=labelled,
        overflow_rows=rows[~placed],
        overflow_u=over_u,
        in_view=count + covering,
        hidden_ranges=max(covering - metrics.lane_count, 0),
    )


def _density_frame(
    arrays: EventArrays, vp: Viewport, highlight_starts: np.ndarray | None, count: int
) -> Frame:
    buckets = int(np.ceil(vp.width / DENSITY_BUCKET_PX))
    edges = vp.start + np.arange(buckets + 1) * (DENSITY_BUCKET_PX * vp.seconds_per_px)
    counts = density(arrays.starts, edges)
    hl = density(highlight_starts, edges) if highlight_starts is not None else None
    return Frame("density", vp, counts=counts, highlight_counts=hl, in_view=count)


def hit_test(frame: Frame, metrics: Metrics, x: float, y: float, slack: float = 3.0) -> int | None:
    """The row of the item drawn at (x, y), or None."""
    if frame.mode != "items":
        return None
    vp = frame.viewport
    u = vp.width - x if vp.rtl else x
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
