"""After an edit the lanes stay: items the edit did not touch keep the lane they had.

An edit splices the shown arrays (store.edits._spliced: rows taken out, a few put in)
and the view follows the rows through the splice (LanePlan.follow) instead of packing
again, which would move untouched items from lane to lane and cost a frame's time.
"""

from __future__ import annotations

import numpy as np
from pytestqt.qtbot import QtBot

from timeline.store import edits as user
from timeline.store.timeline_data import EventArrays
from timeline.timescale import DAY, HOUR, Viewport
from timeline.ui.timeline_geometry import LanePlan, Metrics, _boxes_absolute, build_frame
from timeline.ui.timeline_view import TimelineView

METRICS = Metrics(
    width=1200, height=600, lane_h=20, slot_px=160, marker_r=4.0, pad=4.0, legend_h=20, axis_h=32
)
START = 1_600_000_000


def crowded(n: int = 300, seed: int = 3) -> EventArrays:
    """n events over ten days from 60 articles, one in eight a range of a few hours."""
    rng = np.random.default_rng(seed)
    starts = np.sort(START + rng.integers(0, 10 * DAY, n))
    points = rng.random(n) > 0.125
    ends = np.where(points, starts, starts + rng.integers(HOUR, 12 * HOUR, n))
    return EventArrays(
        ids=np.arange(1, n + 1, dtype="<i8"),
        article_ids=rng.integers(1, 61, n).astype("<i8"),
        starts=starts.astype("<i8"),
        ends=ends.astype("<i8"),
        kinds=np.ones(n, dtype="u1"),
        points=points,
    )


def one(event_id: int, article_id: int, start: int) -> EventArrays:
    return EventArrays(
        ids=np.array([event_id], dtype="<i8"),
        article_ids=np.array([article_id], dtype="<i8"),
        starts=np.array([start], dtype="<i8"),
        ends=np.array([start], dtype="<i8"),
        kinds=np.ones(1, dtype="u1"),
        points=np.ones(1, dtype=bool),
    )


def lanes_by_id(arrays: EventArrays, plan: LanePlan, vp: Viewport) -> dict[int, int]:
    frame = build_frame(arrays, vp, METRICS, plan)
    assert frame.mode == "items"
    rows = np.concatenate((frame.rows, frame.overflow_rows))
    lanes = np.concatenate((frame.lanes, np.full(len(frame.overflow_rows), -1)))
    return dict(zip(arrays.ids[rows].tolist(), lanes.tolist(), strict=True))


VIEW = Viewport(START + 3 * DAY, 2 * DAY, 1200.0)


def test_hiding_an_article_leaves_every_other_item_in_its_lane() -> None:
    arrays = crowded()
    plan = LanePlan()
    before = lanes_by_id(arrays, plan, VIEW)
    article = int(arrays.article_ids[np.argmax(arrays.starts >= VIEW.start + DAY)])
    hidden = np.flatnonzero(arrays.article_ids == article)
    after_arrays = user._spliced(arrays, hidden, EventArrays())
    assert after_arrays.origin is not None
    plan.follow(after_arrays, after_arrays.origin)
    after = lanes_by_id(after_arrays, plan, VIEW)
    gone = set(arrays.ids[hidden].tolist())
    assert gone & set(before) and not gone & set(after)
    assert after == {i: lane for i, lane in before.items() if i not in gone}
    # Packed again, some of them would have moved: what following the rows prevents.
    assert lanes_by_id(after_arrays, LanePlan(), VIEW) != after


def test_an_event_moved_into_view_takes_a_free_lane_and_moves_nothing_else() -> None:
    arrays = crowded()
    plan = LanePlan()
    before = lanes_by_id(arrays, plan, VIEW)
    row = int(np.argmax(arrays.starts > VIEW.end + DAY))  # an event out of view...
    event_id, article = int(arrays.ids[row]), int(arrays.article_ids[row])
    moved = one(event_id, article, int(VIEW.start + VIEW.span / 2))  # ...corrected into it
    after_arrays = user._spliced(arrays, np.array([row]), moved)
    assert after_arrays.origin is not None
    plan.follow(after_arrays, after_arrays.origin)
    after = lanes_by_id(after_arrays, plan, VIEW)
    assert {i: lane for i, lane in after.items() if i != event_id} == before
    lane = after[event_id]
    assert lane >= 0
    # Its box clears every other item's in that lane (as packing keeps them).
    frame_rows = np.flatnonzero(np.isin(after_arrays.ids, list(after)))
    ids = after_arrays.ids[frame_rows].tolist()
    box0, box1 = _boxes_absolute(after_arrays, frame_rows, VIEW.seconds_per_px, METRICS)
    mine = ids.index(event_id)
    for k, other in enumerate(ids):
        if other != event_id and after[other] == lane:
            assert box1[k] + METRICS.pad < box0[mine] or box1[mine] + METRICS.pad < box0[k]


def test_lanes_followed_on_another_thread_are_those_followed_here() -> None:
    """A long article's edit follows the lanes on the worker that splices it
    (LanePlan.follower): the same lanes as follow() works out, taken only while the
    lanes packed are those it followed (else worked out again)."""
    import threading

    arrays = crowded()
    row = int(np.argmax(arrays.starts > VIEW.end + DAY))
    moved = one(int(arrays.ids[row]), int(arrays.article_ids[row]), int(VIEW.start + DAY))
    spliced = user._spliced(arrays, np.array([row]), moved)
    assert spliced.origin is not None
    here, there = LanePlan(), LanePlan()
    lanes_by_id(arrays, here, VIEW)
    lanes_by_id(arrays, there, VIEW)
    follow = there.follower()
    made: list = []
    thread = threading.Thread(target=lambda: made.append(follow(spliced, spliced.origin)))
    thread.start()
    thread.join()
    assert made[0] is not None
    here.follow(spliced, spliced.origin)
    there.follow(spliced, spliced.origin, made[0])
    assert lanes_by_id(spliced, there, VIEW) == lanes_by_id(spliced, here, VIEW)
    assert there._rows is made[0].rows  # taken as made, not worked out again
    # Packed again meanwhile (the view zoomed): what was made for the old packing is not
    # taken.
    again = LanePlan()
    lanes_by_id(arrays, again, VIEW)
    stale = again.follower()(spliced, spliced.origin)
    lanes_by_id(arrays, again, Viewport(VIEW.start, VIEW.span / 2, VIEW.width))
    expected = LanePlan()
    lanes_by_id(arrays, expected, Viewport(VIEW.start, VIEW.span / 2, VIEW.width))
    again.follow(spliced, spliced.origin, stale)
    expected.follow(spliced, spliced.origin)
    assert again._rows is not stale.rows
    assert again._rows.tolist() == expected._rows.tolist()
    assert again._lanes.tolist() == expected._lanes.tolist()
    assert LanePlan().follower()(spliced, spliced.origin) is None  # nothing packed


def test_the_view_keeps_lanes_and_selection_through_an_edit(qtbot: QtBot) -> None:
    arrays = crowded()
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.set_data(arrays, lambda ids: {i: ("", "", f"event {i}") for i in ids})
    view.set_viewport(VIEW)
    frame = view._current_frame()
    view.select_event(int(arrays.ids[frame.rows[len(frame.rows) // 2]]))
    view.set_viewport(VIEW)  # selecting may have moved it
    selected = view.selected_event()
    frame = view._current_frame()
    before = dict(zip(arrays.ids[frame.rows].tolist(), frame.lanes.tolist(), strict=True))
    metrics, vp = view._current_metrics(), view.viewport()

    def packed_again(hidden: np.ndarray) -> dict[int, int]:
        spliced = user._spliced(arrays, hidden, EventArrays())
        again = build_frame(spliced, vp, metrics, LanePlan())
        return dict(zip(spliced.ids[again.rows].tolist(), again.lanes.tolist(), strict=True))

    # An article in view (not the selected event's) whose hiding would move other items
    # from lane to lane if the lanes were packed again.
    for article in dict.fromkeys(arrays.article_ids[frame.rows].tolist()):
        hidden = np.flatnonzero(arrays.article_ids == article)
        gone = set(arrays.ids[hidden].tolist())
        kept = {i: lane for i, lane in before.items() if i not in gone}
        if selected not in gone and packed_again(hidden) != kept:
            break
    else:
        raise AssertionError("no article whose hiding would move others")
    after_arrays = user._spliced(arrays, hidden, EventArrays())
    view.replace_data(after_arrays)
    assert view.selected_event() == selected
    frame = view._current_frame()
    after = dict(zip(after_arrays.ids[frame.rows].tolist(), frame.lanes.tolist(), strict=True))
    assert after == kept


def frame_items(arrays: EventArrays, frame) -> tuple[list, ...]:
    """What a frame draws, by event id: items, lanes, boxes, labels, overflow, eras."""
    return (
        arrays.ids[frame.rows].tolist(),
        frame.lanes.tolist(),
        frame.u_box0.tolist(),
        frame.u_box1.tolist(),
        frame.u_label.tolist(),
        frame.labelled.tolist(),
        arrays.ids[frame.overflow_rows].tolist(),
        arrays.ids[frame.era_rows].tolist(),
        frame.in_view,
    )


def test_an_edit_out_of_view_keeps_the_frame_and_one_in_view_builds_it(
    qtbot: QtBot, monkeypatch
) -> None:
    """An edit whose rows (taken out and put in) lie outside the time a frame looked at
    leaves the frame as it was, its rows followed: no lanes packed nor labels placed
    again, and what it draws is what a frame built anew draws.  One in view builds it."""
    import timeline.ui.timeline_view as timeline_view

    arrays = crowded(600)
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.set_data(arrays, lambda ids: {i: ("", "", f"event {i}") for i in ids})
    view.set_viewport(VIEW)
    view._current_frame()
    built: list[int] = []
    real = timeline_view.build_frame

    def counted(*args, **kwargs):
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(timeline_view, "build_frame", counted)
    # An event after the view corrected to a day before it: both out of view.
    row = int(np.argmax(arrays.starts > VIEW.end + DAY))
    out_of_view = one(int(arrays.ids[row]), 7, START + HOUR)
    after = user._spliced(arrays, np.array([row]), out_of_view)
    view.replace_data(after)
    frame = view._current_frame()
    assert not built
    plan = LanePlan()  # built anew, with lanes packed for the arrays before and followed
    build_frame(arrays, VIEW, view._current_metrics(), plan)
    assert after.origin is not None
    plan.follow(after, after.origin)
    anew = build_frame(after, VIEW, view._current_metrics(), plan)
    assert frame_items(after, frame) == frame_items(after, anew)
    assert len(frame.rows) > 20
    # One corrected into the view: the frame is built again, and shows it.
    row = int(np.argmax(after.starts > VIEW.end + DAY))
    event_id = int(after.ids[row])
    into_view = one(event_id, 7, int(VIEW.start + VIEW.span / 3))
    again = user._spliced(after, np.array([row]), into_view)
    view.replace_data(again)
    frame = view._current_frame()
    assert built and event_id in again.ids[np.concatenate((frame.rows, frame.overflow_rows))]


def test_the_selected_event_corrected_in_place_stays_selected(qtbot: QtBot) -> None:
    """The selected event moved by an edit patched in place (the arrays before written
    over, spent) is still the one selected at its new place, found among the rows put
    in by the id the edit read before writing; a hidden one leaves no selection."""
    from timeline.store.timeline_data import ColumnRoom

    room = ColumnRoom(headroom=64)
    arrays = crowded().alias()
    while not room.adopt_step(arrays):
        pass
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.set_data(arrays, lambda ids: {i: ("", "", f"event {i}") for i in ids})
    view.set_viewport(VIEW)
    frame = view._current_frame()
    row = int(frame.rows[len(frame.rows) // 2])
    event_id = int(arrays.ids[row])
    view.select_event(event_id)
    assert view.selected_event() == event_id
    moved = one(event_id, int(arrays.article_ids[row]), int(arrays.starts[row]) + 5 * DAY)
    after = user._spliced(arrays, np.array([row]), moved, room)
    assert room.holds(after)  # written over the arrays before
    view.replace_data(after)
    assert view.selected_event() == event_id
    assert int(after.starts[view._selected_row]) == int(moved.starts[0])
    gone = user._spliced(after, np.array([view._selected_row]), EventArrays(), room)
    view.replace_data(gone)
    assert view.selected_event() is None
