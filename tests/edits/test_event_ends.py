"""Each row's end as EventArrays give it (a point's is its start, a range's is kept with
the ranges alone) equals an end kept per event, however the arrays were made: loaded,
subset, patched by an edit (in a room's buffers, written whole, or later on a thread),
and with each story drawn once."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.store import edits as user
from timeline.store.timeline_data import (
    MENTIONED,
    PUBLISHED,
    ColumnRoom,
    EventArrays,
    collapse_copies,
)

# An event: (start, length or None for a point, a point's stored end past its start
# (a day stored with its end), article, published).
_EVENT = st.tuples(
    st.integers(0, 60),
    st.one_of(st.none(), st.integers(1, 40)),
    st.integers(0, 3),
    st.integers(1, 6),
    st.booleans(),
)

Reference = dict[int, tuple[int, int, bool, int, int]]  # id -> start, end, point, article, kind


def made(events: list[tuple[int, int | None, int, int, bool]], first_id: int) -> EventArrays:
    """EventArrays of these events (ids from first_id), as the store's columns give them."""
    n = len(events)
    ids = np.arange(first_id, first_id + n, dtype=np.int64)
    starts = np.array([e[0] for e in events], dtype=np.int64)
    ends = np.array([e[0] + (e[1] if e[1] is not None else e[2]) for e in events], np.int64)
    kinds = np.array([PUBLISHED if e[4] else MENTIONED for e in events], dtype=np.int64)
    point = np.array([e[1] is None for e in events], dtype=bool)
    articles = np.array([e[3] for e in events], dtype=np.int64)
    return EventArrays.from_columns(ids, articles, starts, ends, kinds + 16 * point)


def reference(arrays: EventArrays, events, first_id: int) -> Reference:
    """Each event's start and end by id, from the events themselves (not the arrays)."""
    out: Reference = {}
    for i, (start, length, _extra, article, published) in enumerate(events):
        end = start if length is None else start + length
        kind = PUBLISHED if published else MENTIONED
        out[first_id + i] = (start, end, length is None, article, kind)
    return out


def check(arrays: EventArrays, ref: Reference, rng: np.random.Generator) -> None:
    """The arrays hold exactly ref's events, each with its end, however asked."""
    assert sorted(arrays.ids.tolist()) == sorted(ref)
    expected = np.array([ref[i][1] for i in arrays.ids.tolist()], dtype=np.int64)
    assert arrays.starts.tolist() == [ref[i][0] for i in arrays.ids.tolist()]
    assert arrays.points.tolist() == [ref[i][2] for i in arrays.ids.tolist()]
    assert arrays.all_ends().tolist() == expected.tolist()
    n = len(arrays)
    if n:
        rows = rng.integers(0, n, int(rng.integers(1, 2 * n + 1)))  # any order, repeats
        assert arrays.ends_of(rows).tolist() == expected[rows].tolist()
        row = int(rng.integers(0, n))
        assert arrays.end_of(row) == expected[row]
    assert arrays.ends_of(np.empty(0, np.int64)).tolist() == []
    assert arrays.range_rows.tolist() == np.flatnonzero(~arrays.points).tolist()
    assert arrays.range_starts.tolist() == arrays.starts[arrays.range_rows].tolist()
    assert arrays.range_ends.tolist() == expected[arrays.range_rows].tolist()
    span = None if not n else (int(arrays.starts[0]), int(max(expected.max(), arrays.starts[-1])))
    assert arrays.span == span


def _edit(draw, arrays: EventArrays, first_id: int):
    """Rows taken out and events put in: new ones, and some of those taken out put back
    as the other shape (a point made a range, a range made a point)."""
    n = len(arrays)
    out = sorted(draw(st.sets(st.integers(0, n - 1), max_size=min(n, 5)))) if n else []
    back = []
    for row in out:
        if draw(st.booleans()):
            start = int(arrays.starts[row])
            length = None if not arrays.points[row] else draw(st.integers(1, 30))
            back.append((int(arrays.ids[row]), start, length, int(arrays.article_ids[row])))
    fresh = draw(st.lists(_EVENT, max_size=6))
    return np.asarray(out, dtype=np.int64), back, fresh


@st.composite
def histories(draw):
    events = draw(st.lists(_EVENT, min_size=1, max_size=40))
    steps = draw(st.integers(1, 4))
    return events, steps, draw(st.integers(0, 2**32 - 1))


def _new_rows(back, fresh, first_id: int) -> tuple[EventArrays, Reference]:
    """The rows an edit puts in (EventArrays as the overlay makes them) and their events."""
    ids, starts, ends, articles, points, kinds = [], [], [], [], [], []
    ref: Reference = {}
    for event_id, start, length, article in back:
        ids.append(event_id)
        starts.append(start)
        ends.append(start + (length or 0))
        articles.append(article)
        points.append(length is None)
        kinds.append(MENTIONED)
    for i, (start, length, extra, article, published) in enumerate(fresh):
        ids.append(first_id + i)
        starts.append(start)
        ends.append(start + (length if length is not None else extra))
        articles.append(article)
        points.append(length is None)
        kinds.append(PUBLISHED if published else MENTIONED)
    for i, event_id in enumerate(ids):
        end = starts[i] if points[i] else ends[i]
        ref[event_id] = (starts[i], end, points[i], articles[i], kinds[i])
    new = EventArrays(
        ids=np.asarray(ids, dtype="<i8"),
        article_ids=np.asarray(articles, dtype="<i8"),
        starts=np.asarray(starts, dtype="<i8"),
        ends=np.asarray(ends, dtype="<i8"),
        kinds=np.asarray(kinds, dtype="u1"),
        points=np.asarray(points, dtype=bool),
    )
    return new, ref


@settings(max_examples=150, deadline=None)
@given(data=st.data(), history=histories())
def test_the_ends_follow_every_patch_and_splice(data, history) -> None:
    """Patched in a room's buffers, written whole, or spliced later (many rows), the
    arrays' ends are the events' ends; a point taken out and put back as a range (and a
    range as a point) has its new end, or its start."""
    events, steps, seed = history
    rng = np.random.default_rng(seed)
    arrays = made(events, 1)
    ref = reference(arrays, events, 1)
    check(arrays, ref, rng)
    room = ColumnRoom(headroom=4)
    mode = data.draw(st.sampled_from(["room", "whole", "later"]))
    if mode == "room":
        arrays = arrays.alias()
        while not room.adopt_step(arrays, step_rows=8):
            pass
    next_id = 1000
    for _ in range(steps):
        out, back, fresh = _edit(data.draw, arrays, next_id)
        new, put = _new_rows(back, fresh, next_id)
        next_id += 100
        for row in out.tolist():
            del ref[int(arrays.ids[row])]
        ref.update(put)
        if mode == "later" and (len(out) or len(new)):
            later = user.SpliceLater(arrays, out, new, None)
            later.run()
            arrays = later.done()
        else:
            arrays = user._spliced(arrays, out, new, room if mode == "room" else None)
        check(arrays, ref, rng)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), events=st.lists(_EVENT, min_size=1, max_size=40))
def test_the_ends_of_a_subset_and_of_each_story_drawn_once(data, events) -> None:
    """A subset (by mask or by rows) keeps its rows' ends; with each story drawn once the
    earliest copy's publication runs to the story's last copy (a point made a range,
    a range widened), in the loaded buffers or beside them, and the later copies go."""
    rng = np.random.default_rng(len(events))
    arrays = made(events, 1)
    ref = reference(arrays, events, 1)
    mask = np.array(data.draw(st.lists(st.booleans(), min_size=len(arrays), max_size=len(arrays))))
    kept = {int(i): ref[int(i)] for i in arrays.ids[mask]}
    check(arrays.subset(mask), kept, rng)
    check(arrays.subset(np.flatnonzero(mask)), kept, rng)
    articles = sorted({e[3] for e in events})
    earliest = data.draw(st.lists(st.sampled_from(articles), unique=True, min_size=1))
    others = [a for a in articles if a not in earliest]
    later = set(data.draw(st.lists(st.sampled_from(others), unique=True))) if others else set()
    spreads: dict[int, tuple[int, int | None, int | None]] = {
        a: (2, 0, data.draw(st.none() | st.integers(0, 120) | st.integers(30, 120)))
        for a in earliest
    }
    expected: Reference = {}
    for event_id, (start, end, point, article, kind) in ref.items():
        if article in later:
            continue
        last = spreads[article][2] if article in spreads else None
        if kind == PUBLISHED and last is not None and last > start:
            end, point = last, False
        expected[event_id] = (start, end, point, article, kind)
    check(collapse_copies(arrays, spreads, later), expected, rng)
    check(user.collapsed_in_place(arrays, spreads, later), expected, rng)
