"""The timeline's arrays show the user's values: hidden left out, corrections, added events."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.edits.test_survival import article_id, filled, mention, source_file  # noqa: F401
from timeline import edits, library
from timeline.edits import read_date
from timeline.store import Store
from timeline.store import edits as user
from timeline.store.search import with_user_text_matches
from timeline.store.timeline_data import load_event_arrays


def starts_by_id(arrays) -> dict[int, int]:
    return dict(zip(arrays.ids.tolist(), arrays.starts.tolist(), strict=True))


def test_overlay_applies_every_kind_and_survives_recompute(filled: Store) -> None:  # noqa: F811
    base = load_event_arrays(filled)
    assert user.overlay_arrays(filled, base) is base  # nothing said: nothing changed
    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    truce = mention(filled, "حرب قديمة", "1954")
    war_range = mention(filled, "حرب قديمة", "1950")
    edits.correct_mention(filled, truce, "1960")
    edits.set_hidden(
        filled, user.mention_target(war_range.uid, war_range.span_start, war_range.span_end)
    )
    edits.set_hidden(filled, edits.article_target(filled, other))
    added, _ = edits.add_event(filled, "1990/1991", "حرب الخليج")
    library.recompute_events(filled)
    base = load_event_arrays(filled)
    shown = user.overlay_arrays(filled, base)
    assert set(shown.article_ids.tolist()) == {war, 0}
    assert bool((shown.starts[1:] >= shown.starts[:-1]).all())
    by_id = starts_by_id(shown)
    truce_event = next(e for e in filled.events_of(war) if e.span_start == truce.span_start)
    sixty = read_date("1960")
    assert sixty is not None and by_id[truce_event.id] == sixty.start  # type: ignore[index]
    range_event = next(e for e in filled.events_of(war) if e.span_start == war_range.span_start)
    assert range_event.id not in by_id
    gulf = read_date("1990/1991")
    assert gulf is not None and by_id[-added] == gulf.start
    labels = user.user_event_labels(filled, [-added, truce_event.id])  # type: ignore[list-item]
    assert labels[-added].label == "حرب الخليج"
    # Undone, the computed value is back on the timeline.
    changes = edits.clear_mention_correction(filled, truce)
    assert starts_by_id(user.overlay_arrays(filled, base))[truce_event.id] == truce_event.start  # type: ignore[index]
    edits.undo(filled, changes)
    assert starts_by_id(user.overlay_arrays(filled, base))[truce_event.id] == sixty.start  # type: ignore[index]


def test_colour_codes_by_tag_and_by_source(filled: Store) -> None:  # noqa: F811
    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    truce = mention(filled, "حرب قديمة", "1954")
    edits.set_tag(filled, edits.article_target(filled, war), "حروب")
    edits.set_tag(
        filled, user.mention_target(truce.uid, truce.span_start, truce.span_end), "أ-هدنة"
    )
    added, _ = edits.add_event(filled, "1991", "حرب الخليج")
    edits.set_tag(filled, edits.added_target(filled, added), "حروب")
    edits.correct_article(filled, other, "source", "مصدر مصحح")
    arrays = user.overlay_arrays(filled, load_event_arrays(filled))
    codes, names = user.colour_codes(filled, arrays, "tag")
    assert names == ["أ-هدنة", "حروب"]
    by_id = dict(zip(arrays.ids.tolist(), codes.tolist(), strict=True))
    truce_event = next(e for e in filled.events_of(war) if e.span_start == truce.span_start)
    assert by_id[truce_event.id] == 0  # its own tag before its article's
    assert by_id[-added] == 1
    assert {
        by_id[e.id] for e in filled.events_of(war) if e.id != truce_event.id and e.id in by_id
    } == {1}
    assert {by_id[e.id] for e in filled.events_of(other) if e.id in by_id} == {-1}
    codes, names = user.colour_codes(filled, arrays, "source")
    assert names == ["مصدر أ", "مصدر مصحح"]  # the corrected source wins
    by_id = dict(zip(arrays.ids.tolist(), codes.tolist(), strict=True))
    assert by_id[-added] == -1
    assert {by_id[e.id] for e in filled.events_of(other) if e.id in by_id} == {1}


def test_a_tag_added_between_the_two_reads_is_left_uncoloured(filled: Store) -> None:  # noqa: F811
    # The names are read, then the tagged rows: an import carrying tags committed between
    # the two (another connection) and the window's timeline load raised KeyError.
    war = article_id(filled, "حرب قديمة")
    edits.set_tag(filled, edits.article_target(filled, war), "حروب")
    arrays = user.overlay_arrays(filled, load_event_arrays(filled))
    codes = user._tag_codes(filled, arrays, names=[])  # as if read before the tag came
    assert set(codes.tolist()) == {-1}


def rows_of(arrays) -> list[tuple]:
    columns = (
        arrays.ids,
        arrays.article_ids,
        arrays.starts,
        arrays.all_ends(),
        arrays.kinds,
        arrays.points,
    )
    return sorted(zip(*(c.tolist() for c in columns), strict=True))


def test_patching_the_touched_articles_gives_what_a_full_overlay_gives(
    filled: Store,  # noqa: F811
) -> None:
    base = load_event_arrays(filled)
    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    truce = mention(filled, "حرب قديمة", "1954")
    war_range = mention(filled, "حرب قديمة", "1950")
    steps = [
        lambda: edits.correct_mention(filled, truce, "1960"),
        lambda: edits.correct_mention(filled, mention(filled, "خبر آخر", "شوال"), None),
        lambda: edits.correct_article(filled, war, "published", "1 يناير 2020"),
        lambda: edits.set_hidden(
            filled, user.mention_target(war_range.uid, war_range.span_start, war_range.span_end)
        ),
        lambda: edits.set_hidden(filled, edits.article_target(filled, other)),
        lambda: edits.add_event(filled, "1990/1991", "حرب الخليج", war)[1],
        lambda: edits.add_event(filled, "1967", "حرب حزيران")[1],
        lambda: edits.set_hidden(filled, edits.added_target(filled, made[-1][0].key[0])),
    ]
    made: list[list[user.Change]] = []
    shown = base
    for step in steps:  # each edit patched in as the window does
        changes = step()
        made.append(changes)
        touched = user.touched_articles(filled, changes)
        assert touched and touched <= {war, other, 0}
        shown, stale = user.patch_overlay(filled, base, shown, touched)
        assert set(stale.tolist()) >= set(
            shown.ids[np.isin(shown.article_ids, list(touched))].tolist()
        )
        assert rows_of(shown) == rows_of(user.overlay_arrays(filled, base))
        assert bool((shown.starts[1:] >= shown.starts[:-1]).all())
    for changes in reversed(made):  # and undone
        edits.undo(filled, changes)
        shown, _ = user.patch_overlay(filled, base, shown, user.touched_articles(filled, changes))
        assert rows_of(shown) == rows_of(user.overlay_arrays(filled, base))
    assert rows_of(shown) == rows_of(base)
    # A tag moves nothing: the same arrays come back, its article's events stale.
    changes = edits.set_tag(filled, edits.article_target(filled, war), "حروب")
    again, stale = user.patch_overlay(filled, base, shown, user.touched_articles(filled, changes))
    assert again is shown and set(stale.tolist()) == set(base.ids[base.article_ids == war].tolist())
    # Shown with the hidden: a hidden article's events stay, its corrections applied.
    edits.set_hidden(filled, edits.article_target(filled, other))
    assert other in user.overlay_arrays(filled, base, with_hidden=True).article_ids
    assert other not in user.overlay_arrays(filled, base).article_ids


def test_a_hide_patched_in_reads_whether_its_own_articles_are_hidden_alone(
    filled: Store,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hide (and its undo) patched in asks whether the articles it touched are hidden,
    not which of all articles are (a read that grew with each hide); the arrays are the
    full overlay's."""
    base = load_event_arrays(filled)
    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    edits.set_hidden(filled, edits.article_target(filled, war))  # one hidden before
    before = user.overlay_arrays(filled, base)
    changes = edits.set_hidden(filled, edits.article_target(filled, other))
    both = user.overlay_arrays(filled, base)
    assert war not in both.article_ids and other not in both.article_ids

    def every_hidden(store: Store) -> set[int]:
        raise AssertionError("every hidden article read for a patch")

    monkeypatch.setattr(user, "hidden_article_ids", every_hidden)
    shown, _ = user.patch_overlay(filled, base, before, user.touched_articles(filled, changes))
    assert rows_of(shown) == rows_of(both)
    edits.undo(filled, changes)
    shown, _ = user.patch_overlay(filled, base, shown, user.touched_articles(filled, changes))
    assert rows_of(shown) == rows_of(before)


def test_a_note_or_a_tag_finds_its_article(filled: Store) -> None:  # noqa: F811
    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    edits.set_note(filled, war, "راجع تاريخ الهدنة مع الأرشيف")
    added, _ = edits.add_event(filled, "1991", "حدث", other)
    edits.set_tag(filled, edits.added_target(filled, added), "ميزانيات")
    assert user.user_text_matches(filled, "تاريخ المجلس").tolist() == []  # a word not there
    assert user.user_text_matches(filled, "تاريخ الأرشيف").tolist() == [war]
    assert user.user_text_matches(filled, '"الهدنه" -x').tolist() == [war]  # folded, operators
    assert user.user_text_matches(filled, "ميزانيات").tolist() == [other]
    found = with_user_text_matches(filled, "الهدنة", np.array([7], dtype=np.int64), {})
    assert found.tolist() == sorted({7, war})
    only_b = {"source": "مصدر ب", "date_from": None, "date_to": None, "event_kind": None}
    assert with_user_text_matches(filled, "الهدنة", np.empty(0, np.int64), only_b).size == 0


def test_a_note_or_a_tag_is_found_by_words_typed_in_fullwidth_forms(
    filled: Store,  # noqa: F811
) -> None:
    """A query typed in an East Asian keyboard's wide mode finds the notes and tags
    written in ASCII, and the reverse: folded on both sides, as they are read whole."""
    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    edits.set_note(filled, war, "راجع تقرير OPEC لعام 2015")
    edits.set_note(filled, other, "قارن بتقرير ＵＮＩＣＥＦ")
    assert user.user_text_matches(filled, "ＯＰＥＣ ２０１５").tolist() == [war]
    assert user.user_text_matches(filled, "unicef").tolist() == [other]
    assert [i for i, _ in edits.search_notes(filled, "ｏｐｅｃ")] == [war]
    assert [i for i, _ in edits.search_notes(filled, "UNICEF")] == [other]


def test_rows_spliced_in_are_where_a_sort_puts_them() -> None:
    from timeline.store.timeline_data import EventArrays

    rng = np.random.default_rng(5)
    for _ in range(200):
        n, m = int(rng.integers(0, 30)), int(rng.integers(0, 6))
        starts = np.sort(rng.integers(0, 20, n))
        arrays = EventArrays(
            ids=np.arange(n, dtype="<i8"),
            article_ids=rng.integers(1, 4, n).astype("<i8"),
            starts=starts.astype("<i8"),
            ends=(starts + rng.integers(0, 3, n)).astype("<i8"),
            kinds=rng.integers(0, 2, n).astype("u1"),
            points=rng.integers(0, 2, n).astype(bool),
        )
        out = np.sort(rng.choice(n, int(rng.integers(0, n + 1)), replace=False)) if n else []
        new_starts = rng.integers(-2, 22, m).astype("<i8")
        new = EventArrays(
            ids=np.arange(100, 100 + m, dtype="<i8"),
            article_ids=np.full(m, 9, dtype="<i8"),
            starts=new_starts,
            ends=new_starts + 1,
            kinds=np.ones(m, dtype="u1"),
            points=np.zeros(m, dtype=bool),
        )
        spliced = user._spliced(arrays, np.asarray(out, dtype=np.int64), new)
        keep = np.ones(n, dtype=bool)
        keep[np.asarray(out, dtype=np.int64)] = False
        expected = rows_of(arrays.subset(keep)) + rows_of(new)
        assert rows_of(spliced) == sorted(expected)
        assert bool((spliced.starts[1:] >= spliced.starts[:-1]).all())


def test_spliced_arrays_say_how_each_row_follows() -> None:
    """Spliced arrays have the range rows a fresh pass finds, and their origin (which
    the view follows to keep its lanes) maps every old row to its new one."""
    from timeline.store.timeline_data import EventArrays

    rng = np.random.default_rng(11)
    for _ in range(300):
        n, m = int(rng.integers(0, 40)), int(rng.integers(0, 6))
        starts = np.sort(rng.integers(0, 15, n)).astype("<i8")
        arrays = EventArrays(
            ids=np.arange(n, dtype="<i8"),
            article_ids=rng.integers(1, 4, n).astype("<i8"),
            starts=starts,
            ends=starts + rng.integers(0, 3, n),
            kinds=rng.integers(0, 2, n).astype("u1"),
            points=rng.integers(0, 2, n).astype(bool),
        )
        out = np.sort(rng.choice(n, int(rng.integers(0, n + 1)), replace=False)) if n else []
        new_starts = rng.integers(-2, 17, m).astype("<i8")
        new = EventArrays(
            ids=np.arange(100, 100 + m, dtype="<i8"),
            article_ids=np.full(m, 9, dtype="<i8"),
            starts=new_starts,
            ends=new_starts + rng.integers(-1, 3, m),  # some end before they start
            kinds=np.ones(m, dtype="u1"),
            points=rng.integers(0, 2, m).astype(bool),
        )
        spliced = user._spliced(arrays, np.asarray(out, dtype=np.int64), new)
        fresh = EventArrays(
            ids=spliced.ids,
            article_ids=spliced.article_ids,
            starts=spliced.starts,
            ends=spliced.all_ends(),
            kinds=spliced.kinds,
            points=spliced.points,
        )
        for name in ("range_rows", "range_starts", "range_ends"):
            got, want = getattr(spliced, name), getattr(fresh, name)
            assert got.dtype == want.dtype and got.tolist() == want.tolist(), name
        if spliced is arrays:
            continue
        # Its origin follows every row: a kept one to the row of the same id, one taken
        # out to -1, and the rows put in are where their ids are.
        origin = spliced.origin
        assert origin is not None and origin.source() is arrays
        mapped = origin.map_rows(np.arange(n))
        gone = np.isin(np.arange(n), np.asarray(out, dtype=np.int64))
        assert (mapped[gone] == -1).all()
        assert spliced.ids[mapped[~gone]].tolist() == arrays.ids[~gone].tolist()
        assert sorted(spliced.ids[origin.placed].tolist()) == list(range(100, 100 + m))


def random_arrays(rng: np.random.Generator, n: int):
    from timeline.store.timeline_data import EventArrays

    starts = np.sort(rng.integers(0, 50, n)).astype("<i8")
    return EventArrays(
        ids=np.arange(n, dtype="<i8"),
        article_ids=rng.integers(1, 6, n).astype("<i8"),
        starts=starts,
        ends=starts + rng.integers(0, 3, n),
        kinds=rng.integers(0, 2, n).astype("u1"),
        points=rng.integers(0, 2, n).astype(bool),
    )


def in_order(arrays) -> tuple[list, ...]:
    """Every column of arrays as lists, in row order, the range columns too."""
    columns = (*arrays.columns(), arrays.all_ends())
    columns += (arrays.range_rows, arrays.range_starts, arrays.range_ends)
    return tuple(c.tolist() for c in columns)


def random_edit(rng: np.random.Generator, shown, step: int, most_out: int = 4):
    """Rows to take out of shown and rows to put in, as an edit's patch has them."""
    from timeline.store.timeline_data import EventArrays

    n = len(shown)
    out = np.sort(rng.choice(n, int(rng.integers(0, min(n, most_out) + 1)), replace=False))
    m = int(rng.integers(0, 5))
    new_starts = rng.integers(0, 50, m).astype("<i8")
    new = EventArrays(
        ids=np.arange(1000 + 10 * step, 1000 + 10 * step + m, dtype="<i8"),
        article_ids=np.full(m, 9, dtype="<i8"),
        starts=new_starts,
        ends=new_starts + rng.integers(0, 3, m),
        kinds=np.ones(m, dtype="u1"),
        points=rng.integers(0, 2, m).astype(bool),
    )
    return out.astype(np.int64), new


def test_an_edit_is_patched_in_place_into_the_rooms_buffers() -> None:
    """Spliced over the room's buffers, the arrays are those spliced whole, row for row
    and range for range; the buffers stay the same while the edits fit their room, and
    new ones are made only when an edit needs more rows than there is room for."""
    from timeline.store.timeline_data import ColumnRoom

    rng = np.random.default_rng(3)
    room = ColumnRoom(headroom=8)
    shown = random_arrays(rng, 60).alias()
    while not room.adopt_step(shown, step_rows=16):  # moved in a slice at a time
        pass
    assert room.holds(shown)
    # What the window weighs against its budget is what the buffers take, at the room's
    # own widths (ids it takes in may be 32-bit).
    assert room._buffers is not None
    taken = sum(b.nbytes for b in room._buffers)
    assert room.bytes_for(len(shown), len(shown.range_rows)) == taken
    assert in_order(shown) == in_order(random_arrays(np.random.default_rng(3), 60))
    in_place = grown = 0
    for step in range(400):
        out, new = random_edit(rng, shown, step, most_out=3)  # growing, by 0.5 an edit
        expected = in_order(user._spliced(shown, out, new))  # written whole, elsewhere
        where = room._buffers[0].ctypes.data  # type: ignore[index]
        buffers = room._buffers
        assert buffers is not None
        fits = len(expected[0]) <= len(buffers[0]) and len(expected[6]) <= len(buffers[-1])
        del buffers
        spliced = user._spliced(shown, out, new, room)
        assert in_order(spliced) == expected
        assert spliced.range_rows.tolist() == np.flatnonzero(~spliced.points).tolist()
        if spliced is not shown:
            moved = room._buffers[0].ctypes.data != where  # type: ignore[index]
            assert moved == (not fits)
            in_place += fits
            grown += not fits
            assert room.holds(spliced)
            assert np.shares_memory(spliced.ids, room._buffers[0])  # type: ignore[index]
        shown = spliced
    assert in_place > 300 and grown  # both ways taken


def test_a_room_seen_elsewhere_is_never_written_over() -> None:
    """A view of the room's buffers kept anywhere (as a frame might keep one) and the
    next edit is written into new buffers: what that view shows does not change."""
    from timeline.store.timeline_data import ColumnRoom

    rng = np.random.default_rng(5)
    room = ColumnRoom(headroom=8)
    shown = random_arrays(rng, 40).alias()
    while not room.adopt_step(shown):
        pass
    for step in range(30):
        kept = shown.starts[2:30]  # a view of the shown generation's buffer
        before = kept.tolist()
        out, new = random_edit(rng, shown, step)
        expected = in_order(user._spliced(shown, out, new))
        spliced = user._spliced(shown, out, new, room)
        assert in_order(spliced) == expected and kept.tolist() == before
        if spliced is not shown:
            assert not np.shares_memory(spliced.starts, kept) and room.holds(spliced)
        del kept
        shown = spliced


def codes_of(arrays, codes, names) -> dict[int, str | None]:
    return {
        i: (names[c] if c >= 0 else None)
        for i, c in zip(arrays.ids.tolist(), codes.tolist(), strict=True)
    }


def test_colour_codes_kept_through_edits_equal_a_recompute(filled: Store) -> None:  # noqa: F811
    """ColourCodes codes only the touched articles' rows again after an edit: the codes
    and names equal colour_codes over everything, by tag and by source, undone too."""
    from timeline.store.timeline_data import ColumnRoom

    base = load_event_arrays(filled)
    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    truce = mention(filled, "حرب قديمة", "1954")
    made: list[list[user.Change]] = []
    steps = [
        lambda: edits.set_tag(filled, edits.article_target(filled, war), "حروب"),
        lambda: edits.set_tag(
            filled, user.mention_target(truce.uid, truce.span_start, truce.span_end), "أ-هدنة"
        ),
        lambda: edits.correct_mention(filled, truce, "1960"),
        lambda: edits.correct_article(filled, other, "source", "مصدر مصحح"),
        lambda: edits.correct_article(filled, war, "source", "مصدر مصحح"),  # مصدر أ goes
        lambda: edits.add_event(filled, "1991", "حرب الخليج", war)[1],
        lambda: edits.add_event(filled, "1967", "حرب حزيران")[1],
        lambda: edits.set_tag(filled, edits.added_target(filled, made[-1][0].key[0]), "ب-بلا"),
        lambda: edits.set_hidden(filled, edits.article_target(filled, other)),
        lambda: edits.set_tag(filled, edits.article_target(filled, war), "حروب", on=False),
        lambda: edits.set_note(filled, war, "ملاحظة"),
    ]
    room = ColumnRoom()
    for by in ("tag", "source"):
        kept = user.ColourCodes()
        shown = user.overlay_arrays(filled, base)
        kept.of(filled, shown, by)
        todo = [(step, False) for step in steps] + [(None, True)] * len(steps)
        for step, undo in todo:
            if undo:
                changes = made.pop()
                edits.undo(filled, changes)
            else:
                changes = step()
                made.append(changes)
            touched = user.touched_articles(filled, changes)
            shown, _ = user.patch_overlay(filled, base, shown, touched, room=room)
            codes, names = kept.of(filled, shown, by, touched)
            want_codes, want_names = user.colour_codes(filled, shown, by)
            assert names == want_names
            assert codes.tolist() == want_codes.tolist()
        assert not made


def test_values_follow_their_rows_through_a_splice() -> None:
    rng = np.random.default_rng(8)
    for _ in range(300):
        n = int(rng.integers(0, 30))
        out = np.sort(rng.choice(n, int(rng.integers(0, n + 1)), replace=False)).astype(np.int64)
        m = n - len(out) + int(rng.integers(0, 5))
        placed = np.sort(rng.choice(m, m - (n - len(out)), replace=False)).astype(np.int64)
        old = rng.integers(0, 100, n).astype(np.int32)
        new = np.full(m, -7, dtype=np.int32)
        user._follow_rows(old, out, new, placed)
        kept, landed = np.ones(n, bool), np.ones(m, bool)
        kept[out], landed[placed] = False, False
        assert new[landed].tolist() == old[kept].tolist()
        assert (new[placed] == -7).all()


def test_an_edit_moves_only_the_rows_on_its_shorter_side() -> None:
    """A row taken out near the end moves the rows after it; one near the beginning
    moves those before it, into the room at that end: the other rows stay where they
    are in memory (a hide in a million rows moves at most half of them)."""
    from timeline.store.timeline_data import ColumnRoom, EventArrays

    n = 1000
    starts = np.arange(n, dtype="<i8")
    shown = EventArrays(
        ids=np.arange(n, dtype="<i8"),
        article_ids=np.arange(n, dtype="<i8"),
        starts=starts,
        ends=starts + np.arange(n) % 2,
        kinds=np.zeros(n, dtype="u1"),
        points=np.arange(n) % 2 == 0,
    )
    room = ColumnRoom(headroom=16)
    while not room.adopt_step(shown):
        pass

    def place(arrays, row: int) -> int:  # the address of a row's id
        return int(arrays.ids.ctypes.data) + 8 * row

    def take_out(arrays, row: int):
        return user._spliced(arrays, np.array([row], dtype=np.int64), EventArrays(), room)

    expected = [i for i in range(n) if i not in (5, 990)]
    head, tail = place(shown, 0), place(shown, n - 1)
    shown = take_out(shown, 990)  # near the end: the 9 rows after it move back
    assert place(shown, 0) == head and place(shown, len(shown) - 1) == tail - 8
    assert room.holds(shown)
    shown = take_out(shown, 5)  # near the beginning: the 5 rows before it move on
    assert place(shown, len(shown) - 1) == tail - 8 and place(shown, 0) == head + 8
    assert shown.ids.tolist() == expected
    assert shown.range_rows.tolist() == np.flatnonzero(~shown.points).tolist()
    assert shown.range_starts.tolist() == shown.starts[~shown.points].tolist()


def test_length_classes_follow_an_edit_as_made_anew() -> None:
    """An edit's arrays come with their ranges' length classes spliced from those of the
    arrays before (not made again on the edit's first frames), equal to the classes made
    anew from their ranges, through a run of edits patched in the room and out of it."""
    from timeline.store.timeline_data import ColumnRoom, EventArrays, LengthClasses

    rng = np.random.default_rng(11)

    def with_lengths(arrays: EventArrays) -> EventArrays:
        # Lengths of many binary digits, so that there are many classes.
        ends = arrays.starts + (2 ** rng.integers(0, 20, len(arrays))) * (~arrays.points)
        return EventArrays(
            ids=arrays.ids,
            article_ids=arrays.article_ids,
            starts=arrays.starts,
            ends=ends,
            kinds=arrays.kinds,
            points=arrays.points,
        )

    room = ColumnRoom(headroom=8)
    shown = with_lengths(random_arrays(rng, 300)).warm().alias()
    assert shown.made_classes() is not None  # an alias has the classes of its rows
    while not room.adopt_step(shown, step_rows=64):
        pass
    spliced_classes = kept_classes = less_classes = 0
    for step in range(200):
        out, new = random_edit(rng, shown, step)
        new = with_lengths(new)
        # (read before the splice: a patch in the room writes over shown's columns)
        points_only = bool(shown.points[out].all() and new.points.all())
        none_put_in = bool(new.points.all())
        before = shown.made_classes()
        spliced = user._spliced(shown, out, new, room if step % 3 else None)
        if spliced is shown:
            continue
        classes = spliced.made_classes()
        assert classes is not None
        # No range taken out nor put in (a hide of an article of points): every range
        # keeps its place, and the classes theirs, in order of end too.  Ranges only
        # taken out (a hide): the classes less them, in order of end too.
        assert (classes is before) == points_only, step
        anew = LengthClasses(spliced.range_starts, spliced.range_ends)
        assert classes.order.tolist() == anew.order.tolist()
        assert classes.bounds.tolist() == anew.bounds.tolist()
        assert classes.present == anew.present and classes.ranges == anew.ranges
        if none_put_in:
            for c in anew.present:
                a, b = int(classes.bounds[c]), int(classes.bounds[c + 1])
                by_end = classes.by_end[a:b]
                assert sorted(by_end.tolist()) == sorted(classes.order[a:b].tolist()), step
                ends = spliced.range_ends[by_end]
                assert bool(np.all(ends[1:] >= ends[:-1])), step
                assert classes.end_samples[c].tolist() == ends[::64].tolist(), step
        t = int(rng.integers(0, 60))
        fresh = EventArrays.with_ranges(
            spliced.columns(),
            spliced.range_rows,
            spliced.range_starts,
            spliced.range_ends,
        )
        assert spliced.covering_rows(t).tolist() == fresh.covering_rows(t).tolist()
        # Put in order of end while idle, a class a step, they count as the classes
        # made anew do (before that, counts read the ends of each class's window).
        steps = 0
        while not spliced.warm_step():
            steps += 1
        assert steps == (0 if none_put_in else len(classes.present))
        for c in anew.present:
            for when in (t, t + 1_000, 2**21):
                counted = classes.ended_by(c, when, spliced.range_ends)
                assert counted == anew.ended_by(c, when, spliced.range_ends)
        assert spliced.covering_rows(t).tolist() == fresh.covering_rows(t).tolist()
        spliced_classes += 1
        kept_classes += points_only
        less_classes += none_put_in and not points_only
        shown = spliced
    assert spliced_classes > 150 and kept_classes > 10 and less_classes > 10


def test_length_classes_are_cut_in_place_only_when_no_other_arrays_read_them() -> None:
    """A hide patched in the room spends the arrays before it: their length classes are
    cut in their own buffers when those arrays were their only reader, and copied when an
    alias's original still reads them (EventArrays.alias): the original's classes stay
    those of its ranges, as made anew, and answer as before."""
    from timeline.store.timeline_data import ColumnRoom, EventArrays, LengthClasses

    rng = np.random.default_rng(17)
    n = 400
    starts = np.sort(rng.integers(0, 10**6, n)).astype("<i8")
    points = rng.integers(0, 2, n).astype(bool)
    original = EventArrays(
        ids=np.arange(n, dtype="<i8"),
        article_ids=rng.integers(1, 6, n).astype("<i8"),
        starts=starts,
        ends=starts + (2 ** rng.integers(0, 20, n)) * (~points),
        kinds=np.ones(n, dtype="u1"),
        points=points,
    ).warm()
    classes = original.made_classes()
    assert classes is not None
    shown = original.alias()  # the window's alias of the stories' arrays: the same classes
    room = ColumnRoom(headroom=8)
    while not room.adopt_step(shown, step_rows=64):
        pass

    def made_anew(arrays: EventArrays) -> None:
        made = arrays.made_classes()
        anew = LengthClasses(arrays.range_starts, arrays.range_ends)
        assert made is not None and made.order.tolist() == anew.order.tolist()
        assert made.bounds.tolist() == anew.bounds.tolist()
        for c in anew.present:
            a, b = int(made.bounds[c]), int(made.bounds[c + 1])
            assert made.by_end[a:b].tolist() == anew.by_end[a:b].tolist()
            assert made.end_samples[c].tolist() == anew.end_samples[c].tolist()
        for t in rng.integers(0, 10**6, 20).tolist():
            fresh = EventArrays.with_ranges(
                arrays.columns(), arrays.range_rows, arrays.range_starts, arrays.range_ends
            )
            assert arrays.count_covering(t) == fresh.count_covering(t)

    def hidden(arrays: EventArrays) -> EventArrays:
        # A hide: a few rows taken out, three of them ranges, none put in.
        ranges = rng.choice(arrays.range_rows, 3, replace=False)
        out = np.unique(np.concatenate((ranges, rng.choice(len(arrays), 2))))
        spliced = user._spliced(arrays, out, EventArrays(), room)
        assert room.holds(spliced)  # patched in the room: the arrays before are spent
        return spliced

    order, by_end = classes.order, classes.by_end
    first = hidden(shown)
    del shown  # spent (the window lets go of it as the view takes the new arrays)
    after = first.made_classes()
    assert after is not None and after is not classes
    # The original still reads its classes: copied, its own as they were.
    assert original.made_classes() is classes
    assert not np.shares_memory(after.order, order)
    assert not np.shares_memory(after.by_end, by_end)
    made_anew(original)
    made_anew(first)
    # The spliced arrays alone read theirs: the next hide cuts them in their buffers.
    order, by_end = after.order, after.by_end
    second = hidden(first)
    cut = second.made_classes()
    assert cut is not None and np.shares_memory(cut.order, order)
    assert np.shares_memory(cut.by_end, by_end)
    assert not after.present and not len(after.order)  # spent: nothing left to read
    made_anew(second)
    made_anew(original)


def test_arrays_are_moved_into_the_room_in_slices_of_bounded_size_ranges_included() -> None:
    """The window moves the shown arrays into the room while idle, a step at a time on
    the GUI thread: each step copies at most step_rows rows or ranges (the ranges were
    all copied in the last step, as much again as the rows), and the default step is a
    few MB of fresh pages (a quarter of a million rows took 13-19 ms of CPU on a loaded
    machine)."""
    import math

    from timeline.store.timeline_data import ADOPT_STEP_ROWS, COLUMN_DTYPES, ColumnRoom

    assert ADOPT_STEP_ROWS * sum(np.dtype(d).itemsize for d in COLUMN_DTYPES) <= 4 << 20
    rng = np.random.default_rng(5)
    shown = random_arrays(rng, 300).alias()
    rows, ranges = len(shown), len(shown.range_rows)
    assert ranges > 100
    room = ColumnRoom(headroom=8)
    steps = 1
    while not room.adopt_step(shown, step_rows=40):
        steps += 1
    assert steps == math.ceil((rows + ranges) / 40)
    assert room.holds(shown)
    assert in_order(shown) == in_order(random_arrays(np.random.default_rng(5), 300))


def test_the_overlay_is_written_over_the_loaded_buffers_with_no_copy(
    filled: Store,  # noqa: F811
) -> None:
    """Past the window's budget the loaded arrays are not kept beside their overlay (two
    copies: 1,126 MB at ten million events with one article hidden): the overlay is
    written over their own buffers, which a ColumnRoom takes as they are, and each edit
    then reads its articles' rows from the store and writes over the same buffers.  The
    rows are those of the overlay of a fresh load (the store as the user's values make
    it) after every edit and undo."""
    from timeline.store.timeline_data import ColumnRoom

    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    truce = mention(filled, "حرب قديمة", "1954")
    edits.set_hidden(filled, edits.article_target(filled, other))
    edits.correct_mention(filled, truce, "1960")
    gulf, _ = edits.add_event(filled, "1990/1991", "حرب الخليج", war)

    def as_written() -> list[tuple]:
        return rows_of(user.overlay_arrays(filled, load_event_arrays(filled)))

    loaded = load_event_arrays(filled)
    columns = (*loaded.columns(), loaded.range_rows)
    # Where the loaded buffers are (holding them would count as a view of them elsewhere).
    where = [c.base.ctypes.data for c in columns]
    del columns
    room = ColumnRoom()
    shown = user.overlay_arrays(filled, loaded, room=room)
    assert len(loaded) == 0  # spent: its buffers are the overlay's now
    del loaded
    assert rows_of(shown) == as_written()
    assert shown.range_rows.tolist() == np.flatnonzero(~shown.points).tolist()
    assert other not in shown.article_ids and -gulf in shown.ids
    columns = (*shown.columns(), shown.range_rows)
    assert [c.base.ctypes.data for c in columns] == where
    assert room.holds(shown) and room._buffers is not None
    assert [b.ctypes.data for b in room._buffers[:6]] == where
    del columns
    war_range = mention(filled, "حرب قديمة", "1950")
    steps = [
        lambda: edits.set_hidden(filled, edits.article_target(filled, war)),
        lambda: edits.set_hidden(filled, edits.article_target(filled, other), False),
        lambda: edits.correct_article(filled, war, "published", "1 يناير 2020"),
        lambda: edits.set_hidden(
            filled, user.mention_target(war_range.uid, war_range.span_start, war_range.span_end)
        ),
        lambda: edits.add_event(filled, "1967", "حرب حزيران")[1],
    ]
    made = []
    for step in steps:
        changes = step()
        made.append(changes)
        shown, _stale = user.patch_overlay(
            filled, None, shown, user.touched_articles(filled, changes), room=room
        )
        assert rows_of(shown) == as_written()
        assert shown.range_rows.tolist() == np.flatnonzero(~shown.points).tolist()
    for changes in reversed(made):
        edits.undo(filled, changes)
        shown, _stale = user.patch_overlay(
            filled, None, shown, user.touched_articles(filled, changes), room=room
        )
        assert rows_of(shown) == as_written()
    # Every edit written over the loaded buffers: never a second set.
    assert room.holds(shown) and room._buffers is not None
    assert [b.ctypes.data for b in room._buffers[:6]] == where
    assert np.shares_memory(shown.starts, room._buffers[2])


def narrow(arrays, spare: int = 16):
    """arrays as the loader gives them: ids in 32 bits, each column a view of a buffer
    with rows spare at its end (what ColumnRoom.take takes)."""
    from timeline.store.timeline_data import EventArrays

    def spared(column, dtype) -> np.ndarray:
        buffer = np.zeros(len(column) + spare, dtype=dtype)
        buffer[: len(column)] = column
        return buffer[: len(column)]

    dtypes = ("<i4", "<i4", "<i8", "u1", "bool")
    columns = tuple(spared(c, d) for c, d in zip(arrays.columns(), dtypes, strict=True))
    ranges = [
        spared(c, c.dtype) for c in (arrays.range_rows, arrays.range_starts, arrays.range_ends)
    ]
    return EventArrays.with_ranges(columns, *ranges)  # type: ignore[arg-type]


def test_an_edit_whose_ids_do_not_fit_the_loaded_columns_is_written_whole() -> None:
    """The loaded ids are 32-bit while they fit: a row whose id does not fit is not cast
    into them (it would wrap) but written with every other row into 64-bit buffers; one
    that fits is written over them."""
    from timeline.store.timeline_data import ColumnRoom, EventArrays

    def one_row(event_id: int, start: int) -> EventArrays:
        return EventArrays(
            ids=np.array([event_id], dtype="<i8"),
            article_ids=np.array([9], dtype="<i8"),
            starts=np.array([start], dtype="<i8"),
            ends=np.array([start + 2], dtype="<i8"),
            kinds=np.ones(1, dtype="u1"),
            points=np.array([False]),
        )

    for event_id, fits in ((2**40, False), (-3, True)):
        shown = narrow(random_arrays(np.random.default_rng(7), 50))
        room = ColumnRoom()
        assert room.take(shown)
        assert room._buffers is not None and len(room._buffers[0]) == 66
        where = room._buffers[0].ctypes.data
        new = one_row(event_id, 7)
        expected = in_order(user._spliced(shown, np.array([4]), new))
        spliced = user._spliced(shown, np.array([4]), new, room)
        assert in_order(spliced) == expected and event_id in spliced.ids.tolist()
        assert room.holds(spliced)
        assert room._buffers is not None and np.shares_memory(spliced.ids, room._buffers[0])
        assert (room._buffers[0].ctypes.data == where) == fits  # the same buffer, or new
        assert spliced.ids.dtype == (np.int32 if fits else np.int64)


def test_an_undated_article_the_user_dates_is_drawn_patched_labelled_and_exported(
    store: Store, tmp_path: Path
) -> None:
    import io
    import json

    from timeline.export import write_text
    from timeline.export.selection import Selection
    from timeline.store.timeline_data import PUBLISHED

    path = tmp_path / "undated.jsonl"
    path.write_text(
        json.dumps(
            {"title": "ندوة بلا تاريخ", "source": "مصدر", "body": "عقدت الندوة في القاعة."},
            ensure_ascii=False,
        ),
        "utf-8",
    )
    library.import_paths(store, [path])
    (undated,) = [a.id for a in store.articles()]
    base = load_event_arrays(store)
    assert PUBLISHED not in base.kinds.tolist()  # the rules found no date
    changes = edits.correct_article(store, undated, "published", "1 يناير 2020")
    touched = user.touched_articles(store, changes)
    shown, stale = user.patch_overlay(store, base, base, touched)
    assert rows_of(shown) == rows_of(user.overlay_arrays(store, base))
    drawn = user.publication_event_id(undated)
    assert user.publication_article(drawn) == undated and user.publication_article(-1) is None
    (row,) = np.flatnonzero(shown.ids == drawn)
    january = read_date("1 يناير 2020")
    assert january is not None and shown.starts[row] == january.start
    assert shown.kinds[row] == PUBLISHED and shown.article_ids[row] == undated
    assert drawn in stale.tolist()
    # Labelled as its article is (the user's title winning).
    edits.correct_article(store, undated, "title", "ندوة مؤرخة")
    assert user.user_event_labels(store, [drawn])[drawn].title == "ندوة مؤرخة"
    # Exported where the window draws it, as a publication the user corrected.
    left_out: list[int] = []
    out = io.StringIO()
    write_text(store, "events-jsonl", Selection(), out, left_out=left_out)
    published = [json.loads(x) for x in out.getvalue().splitlines()]
    published = [e for e in published if e["kind"] == "published"]
    assert [(e["article_id"], e["start"], e["origin"]) for e in published] == [
        (undated, january.start, "corrected")
    ]
    out = io.StringIO()
    write_text(store, "timeline", Selection(), out, left_out=left_out)
    assert "ندوة مؤرخة" in out.getvalue() and left_out == []
    # Hidden, it is not drawn; the correction taken back, nothing is drawn for it.
    hid = edits.set_hidden(store, edits.article_target(store, undated))
    assert drawn not in user.overlay_arrays(store, base).ids
    edits.undo(store, hid)
    edits.correct_article(store, undated, "published", None)
    assert drawn not in user.overlay_arrays(store, base).ids


def test_source_codes_read_a_source_at_a_time_equal_a_row_per_article(store: Store) -> None:
    from tests.conftest import SAMPLES

    library.import_paths(store, [SAMPLES])
    by_id = {a.id: a for a in store.articles()}
    first, second, third = sorted(by_id)[:3]
    edits.correct_article(store, first, "source", "مصدر جديد")  # a source of its own
    edits.correct_article(store, second, "source", by_id[third].source)  # moved to another
    edits.correct_article(store, third, "source", "")  # no source at all
    ids, codes, names = user.source_codes(store)
    # What it must equal: a row per article, the user's value winning.
    mine = {first: "مصدر جديد", second: by_id[third].source, third: ""}
    shown = {i: mine.get(i, a.source) for i, a in by_id.items()}
    assert names == sorted({s for s in shown.values() if s})
    assert ids.tolist() == sorted(by_id)
    assert [names[c] if c >= 0 else "" for c in codes.tolist()] == [shown[i] for i in sorted(by_id)]


def test_codes_by_article_gives_each_row_its_articles_code_dense_or_sparse() -> None:
    # A table by id when ids are dense, a binary search a row when they are not: both
    # give a row its article's code (-1 included) and keep the rows of no article.
    rng = np.random.default_rng(5)
    for top in (5_000, 50_000_000):  # dense, then far sparser than the table allows
        ids = np.sort(rng.choice(top, 3_000, replace=False)).astype(np.int64) + 1
        article_codes = rng.integers(-1, 7, len(ids)).astype(np.int32)
        rows = np.concatenate([rng.choice(ids, 9_000), [0, -3, top + 5, int(ids[-1]) + 1]])
        rows = rows.astype(np.int64)
        codes = user.codes_by_article(
            np.full(len(rows), 99, dtype=np.int32), rows, ids, article_codes
        )
        code_of = dict(zip(ids.tolist(), article_codes.tolist(), strict=True))
        assert codes.tolist() == [code_of.get(a, 99) for a in rows.tolist()]


def test_a_corrected_dates_unmoved_mentions_keep_their_rows_among_equal_starts(
    tmp_path: Path,
) -> None:
    """A corrected publication date moves the mentions that count from it; those dated
    by the text itself keep their rows, in the order a full load gives, beside another
    article's events of the same day (they were taken out and put back after them)."""
    import json

    from tests.edits.test_anchor import ARTICLE

    path = tmp_path / "two.jsonl"
    other = {**ARTICLE, "title": "خبر آخر", "body": "وكان القرار الأول قد صدر في 3 مارس 2014."}
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in (ARTICLE, other)), "utf-8")
    with Store(tmp_path / "t.db") as store:
        assert library.import_paths(store, [path], processes=1).added == 2
        first = min(a.id for a in store.articles())
        base = load_event_arrays(store)
        shown = user.overlay_arrays(store, base)
        changes = edits.correct_article(store, first, "published", "2017-05-02")
        shown, _ = user.patch_overlay(
            store,
            base,
            shown,
            user.touched_articles(store, changes),
            stored=user.anchor_changes(store, changes),
        )
        full = user.overlay_arrays(store, load_event_arrays(store))
        assert shown.ids.tolist() == full.ids.tolist()


def test_a_splice_of_many_pieces_equals_one_made_piece_by_piece(monkeypatch) -> None:
    """Past _FEW_PIECES rows taken out and put in (a long article's date corrected) the
    columns are written at once by masks: the arrays, their ranges, length classes and
    origin are those the pieces give, in the room or out of it."""
    from timeline.store.timeline_data import ColumnRoom, EventArrays

    rng = np.random.default_rng(17)

    def many_rows_edit(shown: EventArrays, step: int) -> tuple[np.ndarray, EventArrays]:
        n = len(shown)
        out = np.sort(rng.choice(n, int(rng.integers(0, n // 2)), replace=False))
        m = int(rng.integers(0, 120))
        starts = rng.integers(-5, 55, m).astype("<i8")
        new = EventArrays(
            ids=np.arange(10_000 * (step + 1), 10_000 * (step + 1) + m, dtype="<i8"),
            article_ids=np.full(m, 9, dtype="<i8"),
            starts=starts,
            ends=starts + (2 ** rng.integers(0, 12, m)) * rng.integers(-1, 2, m),
            kinds=np.ones(m, dtype="u1"),
            points=rng.integers(0, 2, m).astype(bool),
        )
        return out.astype(np.int64), new

    for room_too in (False, True):
        shown = random_arrays(rng, 600).warm().alias()
        room = ColumnRoom(headroom=8) if room_too else None
        for step in range(30):
            out, new = many_rows_edit(shown, step)
            monkeypatch.setattr(user, "_FEW_PIECES", 10**9)
            pieces = user._spliced(shown, out, new)
            monkeypatch.setattr(user, "_FEW_PIECES", 0)
            later = user.SpliceLater(shown, out, new, room)
            later.run()
            at_once = later.done()
            assert in_order(at_once) == in_order(pieces)
            got, want = at_once.made_classes(), pieces.made_classes()
            assert got is not None and want is not None
            assert got.order.tolist() == want.order.tolist()
            assert got.bounds.tolist() == want.bounds.tolist() and got.present == want.present
            assert got.order.dtype == want.order.dtype
            assert at_once.origin is not None and pieces.origin is not None
            for name in ("out", "at", "placed", "out_ids"):
                assert (
                    getattr(at_once.origin, name).tolist() == getattr(pieces.origin, name).tolist()
                )
            shown = at_once


def test_a_long_articles_corrected_date_is_patched_from_the_rows_its_writer_read(
    tmp_path: Path, monkeypatch
) -> None:
    """A correction of the date of an article with hundreds of mentions counted from it
    is patched from the rows the edit's writer read (redated_rows), none read again on
    the GUI thread, and the arrays are those of a full load (its undo: the same rows,
    though equal starts may keep another order, as patched piece by piece too)."""
    import json

    body = " ".join(
        f"وقال المتحدث أمس إن الاجتماع رقم {n} انتهى. وكان القرار قد صدر في {n % 28 + 1} مارس 2014."
        for n in range(300)
    )
    article = {"title": "مقال طويل", "source": "مصدر", "body": body, "published": "2015-07-20"}
    other = {"title": "خبر آخر", "source": "مصدر", "body": "صدر القرار في 19 يوليو 2015."}
    path = tmp_path / "two.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in (article, other)), "utf-8")
    with Store(tmp_path / "t.db") as store:
        assert library.import_paths(store, [path], processes=1).added == 2
        long_id = min(a.id for a in store.articles())
        base = load_event_arrays(store)
        assert int(np.count_nonzero(base.article_ids == long_id)) > 600
        shown = user.overlay_arrays(store, base)
        changes = edits.correct_article(store, long_id, "published", "2017-05-02")
        given = user.redated_rows(store, changes)
        assert given is not None and given.articles == {long_id}
        for step in ("edit", "undo"):
            if step == "undo":
                edits.undo(store, changes)
                given = user.redated_rows(store, changes)
            read = user.article_event_arrays
            monkeypatch.setattr(user, "article_event_arrays", _no_read)
            shown, _ = user.patch_overlay(
                store,
                base,
                shown,
                user.touched_articles(store, changes),
                stored={long_id},
                given=given,
            )
            monkeypatch.setattr(user, "article_event_arrays", read)
            full = user.overlay_arrays(store, load_event_arrays(store))
            if step == "edit":
                assert in_order(shown) == in_order(full)
            else:  # the same rows; among equal starts not yet in a full load's order
                assert sorted(rows_of(shown)) == sorted(rows_of(full))
                assert in_order(shown)[2] == in_order(full)[2]


def _no_read(store, article_ids):
    raise AssertionError("rows read on the GUI thread")


def test_stories_collapsed_in_the_loaded_buffers_equal_those_collapsed_beside_them() -> None:
    """The window's one copy with each story drawn once: the later copies' rows taken out
    and each story's publication drawn over its spread in the loaded arrays' own buffers
    (which a ColumnRoom then takes), the same rows and ranges collapse_copies makes
    beside them, whatever is dropped, widened or already a range."""
    from timeline.store.timeline_data import ColumnRoom, collapse_copies

    rng = np.random.default_rng(7)
    for case in range(300):
        arrays = random_arrays(rng, int(rng.integers(1, 60)))
        articles = rng.permutation(np.arange(1, 6)).tolist()
        split = int(rng.integers(0, 4))
        later = set(articles[:split]) if case % 5 else set()
        spreads = {
            a: (2, 0, None if rng.random() < 0.2 else int(rng.integers(0, 60)))
            for a in articles[split : split + int(rng.integers(0, 3))]
        }
        expected = in_order(collapse_copies(arrays, spreads, later))
        loaded = narrow(arrays)
        where = [c.base.ctypes.data for c in (loaded.ids, loaded.starts, loaded.points)]
        collapsed = user.collapsed_in_place(loaded, spreads, later)
        assert in_order(collapsed) == expected, case
        if later or spreads:
            assert len(loaded) == 0  # spent: its buffers are the stories' now
        columns = (collapsed.ids, collapsed.starts, collapsed.points)
        assert [c.base.ctypes.data for c in columns] == where, case  # never copied
        del columns
        assert ColumnRoom().take(collapsed), case
