"""Events read for the timeline view: sorted arrays, visible rows, labels on demand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from timeline.model import ArticleDraft, DateValue, Event, to_axis
from timeline.store import Store
from timeline.store.timeline_data import (
    MENTIONED,
    PUBLISHED,
    EventArrays,
    density,
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
    assert arrays.ends[0] == t(1954, 1, 1)
    assert arrays.kinds.tolist().count(PUBLISHED) == 2
    assert arrays.kinds.tolist().count(MENTIONED) == 3


def test_points_have_end_equal_to_start_and_day_ranges_are_points(store: Store) -> None:
    arrays = load_event_arrays(store)
    points = arrays.points
    assert not points[0]  # 1950-1953
    assert points[1:].all()
    published = arrays.kinds == PUBLISHED
    assert np.all(arrays.ends[published] == arrays.starts[published])
    assert arrays.range_rows.tolist() == [0]


@pytest.mark.parametrize("chunk", [1, 2, 3, 1000])
def test_chunked_reads_give_the_same_arrays(store: Store, chunk: int) -> None:
    whole = load_event_arrays(store)
    parts = load_event_arrays(store, chunk=chunk)
    assert parts.ids.tolist() == whole.ids.tolist()
    assert parts.starts.tolist() == whole.starts.tolist()


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
    for t in [5_000, 5_000, 2_500.5, 5_000, 9_999, 2_500.5, -1, 12_000]:
        rows = arrays.covering_rows(t)
        expected = [
            r
            for r in range(400)
            if not arrays.points[r] and arrays.starts[r] < t and arrays.ends[r] > np.ceil(t)
        ]
        assert rows.tolist() == expected
        assert not rows.flags.writeable  # the answer kept for the next caller stays as it is
