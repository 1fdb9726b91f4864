"""Events read for the timeline view: sorted arrays, visible rows, labels on demand."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from timeline.model import ArticleDraft, DateValue, Event, to_axis
from timeline.store import Store, timeline_data
from timeline.store.schema import MIGRATIONS, SCHEMA_VERSION, _v11_timeline_density
from timeline.store.timeline_data import (
    DAY,
    MENTIONED,
    POINT_GRANULARITIES,
    PUBLISHED,
    DensitySummary,
    EventArrays,
    RangeMarks,
    density,
    density_summary,
    event_labels,
    load_event_arrays,
    mention_context,
)


def t(*parts: int) -> int:
    return to_axis(datetime(*parts))


def mention(start: int | None, end: int | None, granularity: str, label: str) -> Event:
    return Event(0, "mentioned", start, end, granularity, label, label)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "t.db") as store:
        first, _ = store.add_article(
            ArticleDraft(title="قمة عربية في بغداد", body="..."),
            "a",
            DateValue("2021-05-22T01:32", "minute", t(2021, 5, 22, 1, 32)),
        )
        store.replace_mentions(
            first,
            [
                mention(t(1950, 1, 1), t(1954, 1, 1), "year", "1950-1953"),
                mention(t(2021, 5, 21), None, "day", "أمس"),
                mention(None, None, "duration", "لسبعة عقود"),
            ],
        )
        second, _ = store.add_article(
            ArticleDraft(title="Summit in Baghdad", body="..."),
            "b",
            DateValue("2020-01-01", "day", t(2020, 1, 1)),
        )
        store.replace_mentions(second, [mention(t(2020, 3, 1), t(2020, 3, 2), "day", "1 March")])
        store.add_article(ArticleDraft(title="بلا تاريخ", body="..."), "c", None)
        yield store


def test_arrays_are_sorted_by_start_and_skip_unplaced_events(store: Store) -> None:
    arrays = load_event_arrays(store)
    assert len(arrays) == 5  # the duration has no place on the axis
    assert np.all(np.diff(arrays.starts) >= 0)
    assert arrays.starts[0] == t(1950, 1, 1)
    assert arrays.all_ends()[0] == t(1954, 1, 1)
    assert arrays.kinds.tolist().count(PUBLISHED) == 2
    assert arrays.kinds.tolist().count(MENTIONED) == 3


def test_home_span_is_the_days_of_publication_read_alike_before_and_after_the_events(
    store: Store,
) -> None:
    # Published 2020-01-01 and 2021-05-22 01:32; mentions reach back to 1950.
    days = (t(2020, 1, 1), t(2021, 5, 23))
    arrays = load_event_arrays(store)
    assert arrays.home_span == days == density_summary(store).home
    assert arrays.span == (t(1950, 1, 1), t(2021, 5, 22, 1, 32))
    assert arrays.alias().home_span == days
    # No publication among the events: all of them; no dated article: no home at all.
    mentions = arrays.subset(arrays.kinds != PUBLISHED)
    assert mentions.home_span == mentions.span == (t(1950, 1, 1), t(2021, 5, 21))
    assert EventArrays().home_span is None
    for article_id in store.db.conn.execute("SELECT id FROM articles").fetchall():
        store.db.conn.execute("UPDATE articles SET published_start = NULL WHERE id = ?", article_id)
    assert density_summary(store).home is None


def test_home_span_of_a_day_before_the_epoch_is_that_whole_day() -> None:
    # Floor division: 1969-12-31 12:00 is in the day from -86400, not from 0.
    starts = np.array([t(1969, 12, 31, 12), t(1970, 1, 2, 3)], dtype=np.int64)
    arrays = EventArrays(
        ids=np.arange(2, dtype=np.int64),
        article_ids=np.arange(2, dtype=np.int64),
        starts=starts,
        ends=starts.copy(),
        kinds=np.array([PUBLISHED, PUBLISHED], np.uint8),
        points=np.ones(2, bool),
    )
    assert arrays.home_span == (-DAY, 2 * DAY)  # to the end of 1970-01-02


@pytest.mark.parametrize("chunk", [1, 3, 1 << 20])
def test_the_first_of_a_code_is_found_a_slice_at_a_time(chunk: int) -> None:
    codes = np.array([1, 1, 2, 0, 1, 0, 3], np.uint8)
    assert timeline_data._first_of(codes, 0, chunk) == 3
    assert timeline_data._first_of(codes[::-1], 0, chunk) == 1
    assert timeline_data._first_of(codes, 3, chunk) == 6
    assert timeline_data._first_of(codes, 9, chunk) is None
    assert timeline_data._first_of(codes[:0], 0, chunk) is None


def test_points_have_end_equal_to_start_and_day_ranges_are_points(store: Store) -> None:
    arrays = load_event_arrays(store)
    points = arrays.points
    assert not points[0]  # 1950-1953
    assert points[1:].all()
    published = arrays.kinds == PUBLISHED
    assert np.all(arrays.all_ends()[published] == arrays.starts[published])
    assert arrays.range_rows.tolist() == [0]


def _read_plainly(store: Store) -> list[tuple[int, int, int, int]]:
    """Each placed event's id, article, start and end; a point's end is its start (a day
    of day granularity stored with its end too)."""
    return [
        (i, a, s, s if e is None or e <= s or g in POINT_GRANULARITIES else e)
        for i, a, s, e, g in store.db.conn.execute(
            'SELECT id, article_id, start, "end", granularity FROM events'
            " WHERE start IS NOT NULL ORDER BY start, id"
        )
    ]


def _rows(arrays: EventArrays) -> list[tuple[int, int, int, int]]:
    order = np.lexsort((arrays.ids, arrays.starts))
    return list(
        zip(
            arrays.ids[order].tolist(),
            arrays.article_ids[order].tolist(),
            arrays.starts[order].tolist(),
            arrays.all_ends()[order].tolist(),
            strict=True,
        )
    )


@pytest.mark.parametrize("rows", [1, 2, 3, 1000])
def test_reads_by_ranges_of_days_give_every_event_once(store: Store, rows: int) -> None:
    arrays = load_event_arrays(store, rows=rows)
    assert _rows(arrays) == _read_plainly(store)
    assert np.all(np.diff(arrays.starts) >= 0)
    assert arrays.range_rows.tolist() == np.flatnonzero(~arrays.points).tolist()
    assert arrays.range_starts.tolist() == arrays.starts[arrays.range_rows].tolist()


def test_a_summary_behind_the_events_still_reads_every_event(store: Store) -> None:
    # Ranges cover the whole axis whatever the summary says: rows it does not count are
    # read all the same, into arrays grown for them.
    stale = DensitySummary(np.array([t(2020, 1, 1) // DAY]), np.array([1]))
    arrays = load_event_arrays(store, rows=1, summary=stale)
    assert _rows(arrays) == _read_plainly(store)
    assert len(load_event_arrays(store, summary=DensitySummary())) == len(arrays)


@pytest.mark.parametrize("rows", [1, 1000])
def test_ids_are_read_in_32_bits_and_widened_for_an_id_that_does_not_fit(
    store: Store, rows: int
) -> None:
    arrays = load_event_arrays(store, rows=rows)
    assert arrays.ids.dtype == np.int32 and arrays.article_ids.dtype == np.int32
    assert arrays.starts.dtype == np.int64 and arrays.range_ends.dtype == np.int64
    # The range rows too (row numbers, which fit while the rows do).
    assert arrays.range_rows.dtype == np.int32
    assert arrays.range_rows.tolist() == np.flatnonzero(~arrays.points).tolist()
    # An event id past 32 bits (a store written by another tool): read whole, in 64.
    big = 2**31 + 5
    store.db.conn.execute(
        "UPDATE events SET id = ? WHERE id = (SELECT max(id) FROM events)", (big,)
    )
    arrays = load_event_arrays(store, rows=rows)
    assert arrays.ids.dtype == np.int64 and big in arrays.ids.tolist()
    assert _rows(arrays) == _read_plainly(store)


def _recount(store: Store) -> dict[int, int]:
    days: dict[int, int] = {}
    for (start,) in store.db.conn.execute("SELECT start FROM events WHERE start IS NOT NULL"):
        days[start // DAY] = days.get(start // DAY, 0) + 1
    return days


def _summary_dict(store: Store) -> dict[int, int]:
    summary = density_summary(store)
    return dict(zip(summary.days.tolist(), summary.counts.tolist(), strict=True))


def test_the_density_summary_follows_every_writer(store: Store) -> None:
    assert _summary_dict(store) == _recount(store)
    assert len(density_summary(store)) == len(load_event_arrays(store))
    conn = store.db.conn
    # A start one second before midnight, before 1970: floored to its own day.
    conn.execute(
        "INSERT INTO events (article_id, kind, start, granularity, value)"
        " VALUES (1, 'mentioned', ?, 'second', 'x')",
        (t(1960, 3, 1) - 1,),
    )
    assert _summary_dict(store)[t(1960, 2, 29) // DAY] == 1
    conn.execute("UPDATE events SET start = start + ? WHERE kind = 'published'", (3 * DAY,))
    conn.execute("UPDATE events SET start = NULL WHERE granularity = 'second'")
    conn.execute("UPDATE events SET start = ? WHERE start IS NULL", (t(1400, 1, 1),))
    assert _summary_dict(store) == _recount(store)
    second = conn.execute("SELECT max(article_id) FROM events").fetchone()[0]
    store.replace_mentions(second, [mention(t(1999, 1, 1), None, "day", "x")])
    assert _summary_dict(store) == _recount(store)
    conn.execute("DELETE FROM events")
    assert _summary_dict(store) == {}
    assert density_summary(store).span is None


def test_the_summary_migration_counts_the_events_already_there(
    store: Store, tmp_path: Path
) -> None:
    conn = store.db.conn
    conn.executescript(
        "DROP TABLE timeline_density; DROP TRIGGER timeline_density_insert;"
        " DROP TRIGGER timeline_density_delete; DROP TRIGGER timeline_density_update;"
        f" PRAGMA user_version = {MIGRATIONS.index(_v11_timeline_density)};"
    )
    expected = _recount(store)
    store.close()
    with Store(tmp_path / "t.db") as again:
        assert again.schema_version == SCHEMA_VERSION
        assert _summary_dict(again) == expected
        again.db.conn.execute("DELETE FROM events WHERE kind = 'published'")
        assert _summary_dict(again) == _recount(again)


def test_the_summary_draws_about_the_density_of_the_events(store: Store) -> None:
    arrays = load_event_arrays(store)
    summary = density_summary(store)
    assert summary.span == (t(1950, 1, 1), t(2021, 5, 23))
    # On day edges the counts are exact; within a day the events are taken as even.
    edges = np.array([t(1900, 1, 1), t(1990, 1, 1), t(2020, 3, 1), t(2020, 3, 2), t(2030, 1, 1)])
    assert summary.density(edges).tolist() == density(arrays.starts, edges).tolist()
    assert summary.count_starting(t(2020, 3, 1), t(2020, 3, 1, 12)) in (0, 1)
    assert summary.count_starting(t(1900, 1, 1), t(2100, 1, 1)) == len(arrays)
    assert DensitySummary().density(edges).tolist() == [0, 0, 0, 0]
    # Ranges of about two events each, on day boundaries, covering the whole axis.
    ranges = summary.ranges(2)
    assert ranges[0][0] < t(1, 1, 1) and ranges[-1][1] > t(9999, 1, 1)
    assert all(hi == lo for (_, hi), (lo, _) in itertools.pairwise(ranges))
    assert all(lo % DAY == 0 for lo, _ in ranges[1:])
    assert len(ranges) == 3


def test_visible_rows_find_a_range_that_began_before_the_view(store: Store) -> None:
    arrays = load_event_arrays(store)
    rows = arrays.visible_rows(t(1952, 1, 1), t(1952, 2, 1))
    assert rows.tolist() == [0]
    assert arrays.count_visible(t(1952, 1, 1), t(1952, 2, 1)) == 1
    assert arrays.visible_rows(t(2021, 1, 1), t(2022, 1, 1)).tolist() == [3, 4]
    assert arrays.count_visible(t(1800, 1, 1), t(1900, 1, 1)) == 0


def test_span_and_rows_of_article(store: Store) -> None:
    arrays = load_event_arrays(store)
    assert arrays.span == (t(1950, 1, 1), t(2021, 5, 22, 1, 32))
    article = int(arrays.article_ids[arrays.kinds == PUBLISHED][0])
    assert len(arrays.rows_of_article(article)) >= 2
    assert EventArrays().span is None


def test_labels_come_on_demand_with_the_article_title(store: Store) -> None:
    arrays = load_event_arrays(store)
    labels = event_labels(store, arrays.ids.tolist())
    assert set(labels) == set(arrays.ids.tolist())
    label, value, title, context = labels[int(arrays.ids[0])]
    assert (label, value, title) == ("1950-1953", "1950-1953", "قمة عربية في بغداد")
    assert context == "1950-1953"  # no span in the body: the stored label
    published = int(arrays.ids[arrays.kinds == PUBLISHED][0])
    assert labels[published].context == ""
    assert event_labels(store, []) == {}


def test_a_mention_is_labelled_by_its_phrase_and_the_words_around_it(store: Store) -> None:
    body = (
        "كلام طويل في أول المقال. وأشار الرئيس إلى الحرب الكورية 1950-1953 التي"
        " خاضها البلدان معا\u202e ضد الغزو، ثم عاد إلى الحديث عن القمة وما تلاها من أخبار."
    )
    phrase = "1950-1953"
    at = body.index(phrase)
    article, _ = store.add_article(
        ArticleDraft(title="عنوان واحد لثلاث إشارات", body=body), "d", None
    )
    store.replace_mentions(
        article,
        [
            Event(
                0,
                "mentioned",
                t(1950, 1, 1),
                t(1954, 1, 1),
                "year",
                "1950/1953",
                "sentence",
                at,
                at + len(phrase),
            ),
        ],
    )
    arrays = load_event_arrays(store)
    row = int(np.flatnonzero(arrays.article_ids == article)[0])
    text = event_labels(store, [int(arrays.ids[row])])[int(arrays.ids[row])]
    assert text.title == "عنوان واحد لثلاث إشارات"
    assert text.context == "إلى الحرب الكورية 1950-1953 التي خاضها البلدان معا ضد الغزو،"
    assert "\u202e" not in text.context


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (
            "xx one two\nthree ",
            " four five six seven eight nine ten",
            "one two three Y four five six seven eight nine",
        ),
        ("three", "four", "threeYfour"),  # the phrase inside a word keeps it whole
        ("artial one ", ", two thre", "one Y, two"),
    ],
)
def test_mention_context_keeps_whole_words(before: str, after: str, expected: str) -> None:
    cut = before.startswith(("xx", "artial"))
    assert mention_context(before, "Y", after, cut_before=cut, cut_after=cut) == expected


def test_density_counts_starts_per_bucket() -> None:
    starts = np.array([0, 1, 5, 5, 9, 20])
    assert density(starts, np.array([0, 5, 10, 15])).tolist() == [2, 3, 0]


def test_store_has_the_covering_index(store: Store) -> None:
    plan = store.db.conn.execute(
        'EXPLAIN QUERY PLAN SELECT id, article_id, start, "end", kind, granularity'
        " FROM events WHERE start IS NOT NULL ORDER BY start"
    ).fetchall()
    assert "COVERING INDEX events_timeline" in str(plan)


def test_only_the_shortest_covering_ranges_are_kept_when_capped() -> None:
    starts = np.array([0, 10, 20, 30, 500], dtype=np.int64)
    ends = np.array([1000, 900, 800, 120, 500], dtype=np.int64)
    arrays = EventArrays(
        ids=np.arange(1, 6),
        article_ids=np.arange(1, 6),
        starts=starts,
        ends=ends,
        kinds=np.ones(5, np.uint8),
        points=np.array([False, False, False, False, True]),
    )
    assert arrays.covering_rows(100).tolist() == [0, 1, 2, 3]
    assert arrays.count_starting(100, 600) == 1
    assert arrays.count_visible(100, 600) == 5
    assert arrays.visible_rows(100, 600, max_covering=2).tolist() == [2, 3, 4]
    assert arrays.visible_rows(100, 600, max_covering=0).tolist() == [4]


def test_covering_rows_asked_again_for_another_time_give_that_times_ranges() -> None:
    rng = np.random.default_rng(5)
    starts = np.sort(rng.integers(0, 10_000, 400))
    lengths = np.where(rng.random(400) < 0.5, 0, rng.integers(1, 3_000, 400))
    flags = np.where(lengths == 0, 0x10, 0)  # points: no length
    arrays = EventArrays.from_columns(
        np.arange(400), np.arange(400), starts, starts + lengths, flags
    )
    ends = arrays.all_ends()
    for t in [5_000, 5_000, 2_500.5, 5_000, 9_999, 2_500.5, -1, 12_000]:
        rows = arrays.covering_rows(t)
        expected = [
            r
            for r in range(400)
            if not arrays.points[r] and arrays.starts[r] < t and ends[r] > np.ceil(t)
        ]
        assert rows.tolist() == expected
        assert not rows.flags.writeable  # the answer kept for the next caller stays as it is


def test_the_shortest_long_rows_are_the_first_of_all_of_them() -> None:
    rng = np.random.default_rng(3)
    n = 400
    starts = np.sort(rng.integers(0, 1000, n))
    # Few distinct lengths: many ties at the cut, which the row number breaks.
    ends = starts + rng.choice([5, 50, 500, 5000], n)
    arrays = EventArrays(
        ids=np.arange(n),
        article_ids=np.arange(n),
        starts=starts,
        ends=ends,
        kinds=np.full(n, MENTIONED, np.uint8),
        points=np.zeros(n, bool),
    )
    every = arrays.long_rows(600, 700, 50)
    for k in (0, 1, 7, 8, len(every), len(every) + 3):
        rows, total = arrays.shortest_long_rows(600, 700, 50, k)
        assert total == len(every)
        assert rows.tolist() == every[:k].tolist()


def _brute_covering(arrays: EventArrays, t: float) -> list[int]:
    key = np.ceil(t)
    ends = arrays.all_ends()
    return [
        r
        for r in range(len(arrays))
        if not arrays.points[r] and arrays.starts[r] < key and ends[r] > key
    ]


@pytest.mark.parametrize("made", [True, False])
def test_the_length_classes_find_what_reading_every_range_finds(
    made: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Lengths from a second to centuries (every length class), points among them, and
    # times at, before and after the starts and ends themselves.
    rng = np.random.default_rng(11)
    n = 3000
    starts = np.sort(rng.integers(-(10**10), 10**10, n))
    lengths = np.where(rng.random(n) < 0.3, 0, (2.0 ** rng.uniform(0, 35, n)).astype(np.int64))
    arrays = EventArrays.from_columns(
        np.arange(n), np.arange(n), starts, starts + lengths, np.where(lengths == 0, 0x10, 0)
    )
    if not made:  # too many ranges to make the classes at once: one class until warmed
        monkeypatch.setattr(timeline_data, "_MAKE_AT_ONCE", 10)
        assert isinstance(arrays.length_classes(), timeline_data.WholeRanges)
    length = arrays.all_ends() - arrays.starts
    times = np.concatenate(
        (rng.integers(-(10**10), 2 * 10**10, 30), starts[::301], (starts + lengths)[::307])
    )
    for t in [*times.tolist(), 0.5, -3.5]:
        expected = _brute_covering(arrays, t)
        assert arrays.covering_rows(t).tolist() == expected
        assert arrays.count_covering(t) == len(expected)
        assert arrays.count_covering(t + 1) == len(_brute_covering(arrays, t + 1))
        span = 10**6
        inside = [r for r in range(len(arrays)) if t <= arrays.starts[r] <= t + span]
        for max_length in (None, 50, 10**5, 10**9):
            short = [r for r in expected if max_length is None or length[r] < max_length]
            within = [r for r in inside if max_length is None or length[r] < max_length]
            rows = arrays.visible_rows(t, t + span, max_length=max_length)
            assert rows.tolist() == short + within
            for cap in (0, 1, 5, 64):
                rows = arrays.visible_rows(t, t + span, max_covering=cap, max_length=max_length)
                kept = rows[: len(rows) - len(within)]
                assert rows[len(kept) :].tolist() == within
                assert len(kept) == min(cap, len(short))
                assert set(kept.tolist()) <= set(short)
                assert kept.tolist() == sorted(kept.tolist())
                # the shortest: nothing left out is shorter than what was kept
                left = sorted(set(short) - set(kept.tolist()))
                if len(kept) and left:
                    assert length[left].min() >= length[kept].max()
        for min_length in (1, 10**4, 10**8):
            every = [
                r
                for r in sorted(set(expected) | set(inside))
                if not arrays.points[r] and length[r] >= min_length
            ]
            every.sort(key=lambda r: (length[r], r))
            for k in (None, 0, 3, 8):
                rows, total = arrays.shortest_long_rows(t, t + span, min_length, k)
                assert total == len(every)
                assert rows.tolist() == (every if k is None else every[:k])


@pytest.mark.parametrize("slice_rows", [None, 25])
def test_covering_counts_asked_first_match_reading_every_range(slice_rows: int | None) -> None:
    # count_covering counts by each class's ends in end order (or, for a class made a
    # slice at a time and too large for that, by the older half of its window): asked
    # before anything else (no positions kept for the time), at and around the edges.
    rng = np.random.default_rng(5)
    n = 4000
    starts = np.sort(rng.integers(-(10**9), 10**9, n))
    lengths = np.where(rng.random(n) < 0.3, 0, (2.0 ** rng.uniform(0, 31, n)).astype(np.int64))
    lengths[:50] = 2 ** rng.integers(0, 30, 50)  # lengths on a class's edge
    times = np.concatenate((starts[::97], (starts + lengths)[::89], starts[:50] + lengths[:50]))
    for t in [*times.tolist(), *(times - 1).tolist(), *(times + 1).tolist()]:
        arrays = EventArrays.from_columns(
            np.arange(n), np.arange(n), starts, starts + lengths, np.where(lengths == 0, 0x10, 0)
        )
        if slice_rows is None:
            arrays.warm()
        else:
            steps = timeline_data.LengthClasses.steps(
                arrays.range_starts, arrays.range_ends, slice_rows
            )
            with pytest.raises(StopIteration) as made:
                while True:
                    next(steps)
            arrays._classes = made.value.value
            classes = arrays.length_classes()
            assert isinstance(classes, timeline_data.LengthClasses)
            # some classes with ends in order, some (over four slices) without
            assert 0 < len(classes.end_samples) < len(classes.present)
        assert arrays.count_covering(t) == len(_brute_covering(arrays, t))


def _ranges_of_every_length(
    rng: np.random.Generator, classes: str, monkeypatch: pytest.MonkeyPatch
) -> EventArrays:
    """3000 events over two billion seconds, a third points, the ranges of every length
    class (some on a class's edge); their length classes made (each with its ends in
    order), made a slice at a time (some without), or not made yet (whole)."""
    n = 3000
    starts = np.sort(rng.integers(-(10**9), 10**9, n))
    lengths = np.where(rng.random(n) < 0.3, 0, (2.0 ** rng.uniform(0, 32, n)).astype(np.int64))
    lengths[:40] = 2 ** rng.integers(0, 30, 40)  # lengths on a class's edge
    if classes == "whole":
        monkeypatch.setattr(timeline_data, "_MAKE_AT_ONCE", 10)
    arrays = EventArrays.from_columns(
        np.arange(n), np.arange(n), starts, starts + lengths, np.where(lengths == 0, 0x10, 0)
    )
    if classes == "sliced":
        steps = timeline_data.LengthClasses.steps(arrays.range_starts, arrays.range_ends, 16)
        with pytest.raises(StopIteration) as made:
            while True:
                next(steps)
        arrays._classes = made.value.value
        index = arrays.length_classes()
        assert isinstance(index, timeline_data.LengthClasses)
        assert 0 < len(index.end_samples) < len(index.present)
    elif classes == "whole":
        assert isinstance(arrays.length_classes(), timeline_data.WholeRanges)
    return arrays


@pytest.mark.parametrize("classes", ["made", "sliced", "whole"])
def test_marked_long_ranges_are_counted_as_reading_every_range_counts_them(
    classes: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """count_long_marked: how many of the ranges shortest_long_rows counts a mask over
    the rows marks (a search's hits), whether each length class has its ranges in order
    of end (made), some have not (made a slice at a time), or none is made yet (whole)."""
    rng = np.random.default_rng(17)
    arrays = _ranges_of_every_length(rng, classes, monkeypatch)
    starts, n = arrays.starts, len(arrays)
    length = arrays.all_ends() - arrays.starts
    times = np.concatenate(
        (rng.integers(-(10**9), 10**9, 20), starts[::211], arrays.all_ends()[::199])
    )
    for share in (0.0, 0.1, 0.9, 1.0):
        marked = rng.random(n) < share
        marks = RangeMarks(arrays, marked)
        for t in times.tolist():
            for span, min_length in ((10**3, 1), (10**5, 10**4), (10**6, 10**8)):
                key, last = np.ceil(t), np.floor(t + span)
                meets = ((starts < key) & (arrays.all_ends() > key)) | (
                    (starts >= key) & (starts <= last)
                )
                every = ~arrays.points & (length >= min_length) & meets
                assert arrays.shortest_long_rows(t, t + span, min_length, 3)[1] == every.sum()
                expected = int(np.count_nonzero(every & marked))
                assert arrays.count_long_marked(t, t + span, min_length, marks) == expected


@pytest.mark.parametrize("classes", ["made", "sliced", "whole"])
def test_the_shortest_marked_long_rows_are_the_first_of_all_of_them(
    classes: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """shortest_long_marked: the shortest of the long ranges meeting a view that a mask
    over the rows marks (the eras a search found), ordered as long_rows orders them."""
    rng = np.random.default_rng(29)
    arrays = _ranges_of_every_length(rng, classes, monkeypatch)
    starts, ends = arrays.starts, arrays.all_ends()
    length = ends - starts
    times = np.concatenate((rng.integers(-(10**9), 10**9, 20), starts[::307], ends[::401]))
    for share in (0.0, 0.02, 0.3, 1.0):
        marked = rng.random(len(arrays)) < share
        marks = RangeMarks(arrays, marked)
        for t in times.tolist():
            for span, min_length in ((10**3, 1), (10**5, 10**4), (10**6, 10**8)):
                key, last = np.ceil(t), np.floor(t + span)
                meets = ((starts < key) & (ends > key)) | ((starts >= key) & (starts <= last))
                every = np.flatnonzero(~arrays.points & (length >= min_length) & meets & marked)
                hits = every[np.lexsort((every, length[every]))]
                for k in (0, 1, 3, 8):
                    rows = arrays.shortest_long_marked(t, t + span, min_length, marks, k)
                    assert rows.tolist() == hits[:k].tolist()


def test_loaded_arrays_come_with_their_length_classes(store: Store) -> None:
    arrays = load_event_arrays(store)
    assert arrays._classes is not None  # made on the loader's thread, not the first frame
    assert arrays._classes.ranges == len(arrays.range_rows)


def test_length_classes_sorted_a_slice_at_a_time_are_sorted_whole() -> None:
    from timeline.store.timeline_data import LengthClasses

    rng = np.random.default_rng(2)
    starts = np.sort(rng.integers(0, 10**9, 1000))
    ends = starts + (2.0 ** rng.uniform(0, 30, 1000)).astype(np.int64)
    ends[::9] = starts[::9]  # some of no length
    whole = LengthClasses(starts, ends)
    for slice_rows in (1, 7, 256, 999, 5000):
        sliced = LengthClasses(starts, ends, slice_rows=slice_rows)
        assert sliced.order.tolist() == whole.order.tolist()
        assert sliced.bounds.tolist() == whole.bounds.tolist()
    classes = [int(length).bit_length() for length in (ends - starts)]
    assert whole.order.tolist() == sorted(range(1000), key=lambda i: (classes[i], i))
    for c in whole.present:
        mine = whole.order[whole.bounds[c] : whole.bounds[c + 1]]
        assert all(
            LengthClasses.shortest(c) <= ends[i] - starts[i] <= LengthClasses.longest(c)
            for i in mine.tolist()
        )


def test_length_classes_less_some_ranges_are_those_made_anew_without_them() -> None:
    """A hide of an article with ranges: the classes less its ranges (LengthClasses.
    without), each class in start order and in order of end, with its end samples, as
    classes made anew from the ranges left, whether copied or cut in their own buffers;
    a class left without its order by end (made a slice at a time) stays without it."""
    from timeline.store.timeline_data import _SAMPLE, LengthClasses

    rng = np.random.default_rng(4)
    for case in range(60):
        n = int(rng.integers(1, 3000))
        starts = np.sort(rng.integers(0, 10**6, n))
        # Few classes, so that each holds many end samples; ties in ends too.
        ends = starts + (2 ** rng.integers(0, 4, n)) * rng.integers(1, 3, n)
        ends[:: int(rng.integers(2, 9))] = starts[0] + 5
        if case % 3 == 0:  # runs of equal ends in each class (years', days' ends)
            starts = np.sort(rng.integers(0, 40, n))
            ends = starts + 2 ** rng.integers(0, 3, n)
        ends = np.maximum(ends, starts)
        slice_rows = int(rng.choice([64, 256, 1 << 18]))
        builder = LengthClasses.steps(starts, ends, slice_rows=slice_rows)
        try:
            while True:
                next(builder)
        except StopIteration as made:
            classes = made.value
        gone = np.sort(rng.choice(n, int(rng.integers(0, min(n, 8) + 1)), replace=False))
        keep = np.ones(n, dtype=bool)
        keep[gone] = False
        in_place = bool(case % 2)
        if in_place:  # cut in their own buffers (the classes spent), on a copy of them
            spent = LengthClasses.from_order(
                classes.order.copy(), np.diff(classes.bounds), classes.by_end.copy()
            )
            spent.end_samples = dict(classes.end_samples)
            order, by_end = spent.order, spent.by_end
            after = spent.without(gone.astype(np.int64), ends[gone], ends[keep], in_place=True)
            assert np.shares_memory(after.order, order), case
            assert np.shares_memory(after.by_end, by_end), case
            assert spent.ranges == -1 and not len(spent.order) and not spent.present, case
        else:
            after = classes.without(gone.astype(np.int64), ends[gone], ends[keep])
        anew = LengthClasses(starts[keep], ends[keep])
        assert after.order.tolist() == anew.order.tolist(), case
        assert after.bounds.tolist() == anew.bounds.tolist(), case
        assert after.present == anew.present and after.ranges == anew.ranges, case
        for c in after.present:
            a, b = int(after.bounds[c]), int(after.bounds[c + 1])
            if c not in classes.end_samples:
                assert c not in after.end_samples, case  # left to end_step, as before
                continue
            by_end = after.by_end[a:b]
            assert sorted(by_end.tolist()) == after.order[a:b].tolist(), case
            in_order = ends[keep][by_end]
            assert bool(np.all(in_order[1:] >= in_order[:-1])), case
            assert after.end_samples[c].tolist() == in_order[::_SAMPLE].tolist(), case
            for t in rng.integers(0, 10**6 + 100, 5).tolist():
                counted = after.ended_by(c, t, ends[keep])
                assert counted == anew.ended_by(c, t, ends[keep]), case


def test_positions_cut_in_place_equal_numpys_delete_less_those_gone_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The cuts of LengthClasses.without, in their buffers or copied (_cut_in_place,
    _less_in_start_order): positions less the places cut, each less the positions gone
    before it, as numpy's delete and searchsorted give them, a slice at a time too."""
    rng = np.random.default_rng(21)
    for case in range(300):
        monkeypatch.setattr(timeline_data, "_MOVE_SLICE", int(rng.choice([1, 3, 16, 1 << 16])))
        n = int(rng.integers(1, 400))
        gone = np.sort(rng.choice(n, int(rng.integers(0, min(n, 8) + 1)), replace=False))
        # Classes of ranges, each in start order (an order), the gone among them.
        classes = rng.integers(0, 4, n)
        order = np.concatenate([np.flatnonzero(classes == c) for c in range(4)]).astype("<i4")
        cut = sorted(np.flatnonzero(np.isin(order, gone)).tolist())
        kept = np.delete(order, cut)
        want = (kept - np.searchsorted(gone, kept)).tolist()
        counts = np.bincount(classes[~np.isin(np.arange(n), gone)], minlength=4)
        for in_place in (False, True):
            mine = order.copy()
            made = timeline_data._less_in_start_order(mine, cut, gone, counts, in_place)
            assert made.tolist() == want, case
            assert np.shares_memory(made, mine) == (in_place and len(made) > 0), case
        shuffled = rng.permutation(order)  # an order by end: no order within a class
        cut = sorted(np.flatnonzero(np.isin(shuffled, gone)).tolist())
        kept = np.delete(shuffled, cut)
        want = (kept - np.searchsorted(gone, kept)).tolist()
        assert timeline_data._less_places(shuffled, cut, gone).tolist() == want, case
        assert timeline_data._cut_in_place(shuffled.copy(), cut, gone).tolist() == want, case


def test_length_classes_warmed_a_step_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeline_data, "_MAKE_AT_ONCE", 10)
    monkeypatch.setattr(timeline_data, "_CLASS_SLICE", 64)
    rng = np.random.default_rng(9)
    starts = np.sort(rng.integers(0, 10**9, 500))
    lengths = (2.0 ** rng.uniform(0, 30, 500)).astype(np.int64)
    arrays = EventArrays.from_columns(
        np.arange(500), np.arange(500), starts, starts + lengths, np.zeros(500, np.int64)
    )
    before = arrays.covering_rows(5 * 10**8).tolist()
    steps = 0
    while not arrays.warm_step():
        steps += 1
        assert isinstance(arrays.length_classes(), timeline_data.WholeRanges)
    assert steps >= 8  # 500 ranges 64 at a time, twice over
    made = arrays.length_classes()
    assert isinstance(made, timeline_data.LengthClasses)
    assert (
        made.order.tolist() == timeline_data.LengthClasses(starts, starts + lengths).order.tolist()
    )
    arrays._covering = None
    assert arrays.covering_rows(5 * 10**8).tolist() == before


def test_a_group_concat_is_parsed_a_slice_at_a_time_into_the_same_integers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # np.fromstring holds the GIL for its whole call: no call is given much more than a
    # slice of the text, and the integers come out as one call over all of it gives.
    rng = np.random.default_rng(11)
    lengths: list[int] = []
    whole = np.fromstring

    def counted(text: str, **kwargs: object) -> np.ndarray:
        lengths.append(len(text))
        return whole(text, **kwargs)  # type: ignore[call-overload]

    for n in (0, 1, 2, 9, 1000, 20_000):
        values = rng.integers(-(2**62), 2**62, n)
        text = ",".join(map(str, values.tolist()))
        for slice_chars in (1, 5, 64, 4096, 1 << 20):
            lengths.clear()
            monkeypatch.setattr(timeline_data.np, "fromstring", counted)
            parsed = timeline_data.parse_ints(text, slice_chars)
            monkeypatch.undo()
            assert parsed.dtype == np.int64
            assert parsed.tolist() == values.tolist()
            assert max(lengths, default=0) <= slice_chars + 21  # a slice and one number
    assert timeline_data.parse_ints(None).tolist() == []


def test_mentions_of_two_articles_anywhere_in_their_bodies_get_their_own_words(
    store: Store,
) -> None:
    """The words either side of each mention, cut from one stretch of its body read per
    article: at its start and end, the first and last of many, and beside another
    article's mentions read in the same batch."""
    words = [f"كلمة{i}" for i in range(4000)]
    bodies = [" ".join(words), "في 3 مارس 2014 " + " ".join(reversed(words)) + " ختام"]
    wanted: list[tuple[int, str, int, int]] = []  # (event id, body, start, end)
    for n, body in enumerate(bodies):
        article, _ = store.add_article(ArticleDraft(title=f"مقال {n}", body=body), f"u{n}", None)
        spans = [(0, 6), (len(body) - 6, len(body))]  # the body's first and last word
        spans += [(at, at + 9) for at in range(40, len(body) - 20, 997)]
        events = [
            Event(article, "mentioned", t(2000, 1, 1), None, "day", "2000-01-01", "جملة", a, b)
            for a, b in spans
        ]
        store.replace_mentions(article, events)
        stored = [e for e in store.events_of(article) if e.span_start is not None]
        wanted += [(e.id, body, e.span_start, e.span_end) for e in stored]  # type: ignore[misc]
    labels = event_labels(store, [i for i, *_ in wanted])
    n = 80  # the characters read either side (timeline_data._CONTEXT_CHARS)
    for event_id, body, start, end in wanted:
        before, after = body[max(start - n, 0) : start], body[end : end + n]
        expected = mention_context(
            before, body[start:end], after, cut_before=len(before) == n, cut_after=len(after) == n
        )
        assert labels[event_id].context == expected, (start, end)
