"""place_labels gives the lanes and label slots of the plain one-item-at-a-time rule.

place_labels checks a moved label only against the items in a lane, in arrays of its
own; the reference below is the rule written out over every item, as it was first
written.  Crowded scenes (thousands of items, most on the overflow strip, hundreds of
labels cut at the far edge) must come out the same, selected item or not.
"""

from __future__ import annotations

import numpy as np
import pytest

from timeline.timescale import pack_lanes
from timeline.ui.timeline_geometry import Metrics, _box_extent, label_offset, place_labels


def reference(
    is_point: np.ndarray,
    u_s: np.ndarray,
    u_e: np.ndarray,
    lanes: np.ndarray,
    metrics: Metrics,
    width: float,
    selected: int | None = None,
) -> tuple[np.ndarray, ...]:
    lanes = lanes.copy()
    slot = float(metrics.slot_px)
    off = label_offset(metrics)
    r = metrics.marker_r
    gap = max(metrics.pad - 0.5, 0.0)
    box0, box1 = _box_extent(is_point, u_s, u_e, metrics)
    ext0 = np.where(is_point, u_s - r, u_s)
    ext1 = np.where(is_point, u_s + r, np.maximum(u_e, u_s + 3.0))
    u_label = np.where(
        is_point, u_s + off, np.minimum(np.maximum(u_s, 0.0) + metrics.pad, box1 - slot)
    )
    flipped = np.zeros(len(u_s), bool)
    has_label = np.ones(len(u_s), bool)
    fits = (u_label >= 0) & (u_label + slot <= width)
    has_label[is_point & (u_s < -r)] = False
    has_label[~is_point & (u_e < 0)] = False
    moved: list[int] = []
    for i in np.flatnonzero(~fits & has_label).tolist():
        if u_label[i] + slot > width:
            inward = width - slot
            if inward >= (u_s[i] + r + 2 if is_point[i] else max(u_s[i], 0.0)):
                u_label[i] = inward
                continue
            before = u_s[i] - off - slot
            if before < 0:
                continue
            u_label[i] = before
            flipped[i] = True
        else:
            u_label[i] = max(u_s[i], 0.0) + metrics.pad
        moved.append(i)
    quiet = ~has_label
    box0[quiet], box1[quiet] = ext0[quiet], ext1[quiet]
    for i in moved:
        box0[i] = min(ext0[i], u_label[i])
        box1[i] = max(ext1[i], u_label[i] + slot)
    force = -1
    if selected is not None:
        mid = (ext0[selected] + ext1[selected]) / 2
        shows = (
            0 <= mid <= width
            if is_point[selected]
            else ext1[selected] >= 0 and ext0[selected] <= width
        )
        if shows:
            force = selected
            if force in moved or lanes[force] < 0:
                moved = [force, *(i for i in moved if i != force)]
    lane_count = metrics.packed_lanes
    for i in moved:
        clash = (lanes >= 0) & (box0 - gap <= box1[i]) & (box1 + gap >= box0[i])
        clash[i] = False
        busy = np.zeros(lane_count, bool)
        busy[lanes[clash]] = True
        free = np.flatnonzero(~busy)
        if len(free):
            own = lanes[i] if lanes[i] >= 0 else 0
            lanes[i] = int(free[np.argmin(np.abs(free - own))])
        elif i == force and lane_count:
            lanes[i] = int(np.argmin(np.bincount(lanes[clash], minlength=lane_count)))
            lanes[clash & (lanes == lanes[i])] = -1
        else:
            has_label[i] = flipped[i] = False
            box0[i], box1[i] = ext0[i], ext1[i]
    return lanes, box0, box1, u_label, flipped, has_label


def scene(seed: int, n: int, lanes_shown: int, ranges: float = 0.1) -> tuple[np.ndarray, ...]:
    """n items over a 1600 px view (some before it), a share of them ranges, packed."""
    rng = np.random.default_rng(seed)
    width = 1600.0
    u_s = np.sort(rng.uniform(-300, width + 10, n))
    is_point = rng.random(n) > ranges
    u_e = np.where(is_point, u_s, u_s + rng.exponential(200, n))
    u_s[~is_point] -= rng.exponential(150, int((~is_point).sum()))  # some begin before
    metrics = Metrics(
        width=1600,
        height=14 + lanes_shown * 20 + 60,
        lane_h=20,
        slot_px=180,
        marker_r=4.0,
        pad=4.0,
        legend_h=20,
        axis_h=32,
    )
    box0, box1 = _box_extent(is_point, u_s, u_e, metrics)
    lanes = pack_lanes(box0, box1, metrics.packed_lanes, metrics.pad)
    return is_point, u_s, u_e, lanes, metrics, width


@pytest.mark.parametrize(
    ("seed", "n", "lanes_shown", "ranges"),
    [
        (1, 40, 3, 0.1),
        (2, 400, 8, 0.1),
        (3, 2500, 20, 0.1),
        (4, 600, 12, 0.6),
        (5, 300, 4, 0.9),
        (6, 6000, 30, 0.1),  # every lane full at the far edge: settled together
        (7, 4000, 30, 0.3),
    ],
)
def test_labels_are_placed_as_the_item_by_item_rule_places_them(
    seed: int, n: int, lanes_shown: int, ranges: float
) -> None:
    # Many ranges: labels moved in to their bars' visible start (a range that began
    # before the view), which keep their lanes without a look at the others.
    is_point, u_s, u_e, lanes, metrics, width = scene(seed, n, lanes_shown, ranges)
    for selected in (None, n - 3, n // 2, int(np.argmin(np.abs(u_s - 10)))):
        got = place_labels(is_point, u_s, u_e, lanes, metrics, width, selected)
        want = reference(is_point, u_s, u_e, lanes, metrics, width, selected)
        for name, a, b in zip(
            ("lanes", "box0", "box1", "u_label", "flipped", "has_label"), got, want, strict=True
        ):
            assert np.array_equal(a, b), (name, selected)
    # The scenes do what the rule is for: labels moved off the far edge, items moved
    # to other lanes (or out of them).
    moved_labels = got[3][is_point] != u_s[is_point] + label_offset(metrics)
    assert moved_labels.any()
    if ranges <= 0.1:
        assert (got[0] != lanes).any()
    else:  # labels of ranges that began before the view, moved in to the view's edge
        moved_in = ~is_point & (u_s < 0) & got[5] & (got[3] == metrics.pad)
        assert np.count_nonzero(moved_in) >= 10
