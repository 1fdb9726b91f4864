"""The date filter on mentions: the events that overlap a range, short and long ones."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.model import ArticleDraft, to_axis
from timeline.store import Store, schema
from timeline.store import search as search_module
from timeline.store.schema import SCHEMA_VERSION, SHORT_MENTION
from timeline.store.search import filtered_article_ids, matching_article_ids, search

DAY = 86_400
ORIGIN = to_axis(datetime(2000, 1, 1))
ARTICLES = 6


def _store_only(store: Store, events: list[tuple[int, str, int, int | None]]) -> None:
    """Replace the store's events with these (article id, kind, start, length or None)."""
    conn = store.db.conn
    with store.transaction():
        conn.execute("DELETE FROM events")
        # A plain INSERT, as any writer makes: the long mentions' index follows by itself.
        conn.executemany(
            'INSERT INTO events (article_id, kind, start, "end", granularity, value)'
            " VALUES (?, ?, ?, ?, 'day', 'x')",
            [(a, k, s, None if n is None else s + n) for a, k, s, n in events],
        )


@pytest.fixture(scope="module")
def mentions_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("mentions") / "timeline.db") as store:
        for i in range(ARTICLES):
            store.add_article(
                ArticleDraft(title=f"عنوان {i}", body="خبر عن القمة", source=f"مصدر {i % 2}"),
                uid=f"a{i}",
                published=None,
            )
        yield store


# Events around the origin: points, a day and a little more (the bound between the day's
# read and the year's), a month, a year and a little more (the bound between the year's
# read and the long ones'), and decades; some with their end before their start.
_starts = st.integers(-3 * SHORT_MENTION, 3 * SHORT_MENTION).map(lambda s: ORIGIN + s)
_lengths = st.one_of(
    st.none(),
    st.sampled_from(
        [1, DAY - 1, DAY, DAY + 1, 31 * DAY, SHORT_MENTION - 1, SHORT_MENTION, SHORT_MENTION + 1]
    ),
    st.integers(-DAY, 30 * SHORT_MENTION),
)
_events = st.lists(
    st.tuples(
        st.integers(1, ARTICLES),
        st.sampled_from(["mentioned", "mentioned", "published"]),
        _starts,
        _lengths,
    ),
    max_size=12,
)


def _overlapping(
    events: list[tuple[int, str, int, int | None]], lower: int, upper: int
) -> set[int]:
    """The articles with a mention overlapping [lower, upper), by the definition."""
    return {
        article
        for article, kind, start, length in events
        if kind == "mentioned"
        and start < upper
        and (start + 1 if length is None else start + length) > lower
    }


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    events=_events,
    width=st.sampled_from([1, DAY, 2 * 365 * DAY, 3 * SHORT_MENTION]),
    data=st.data(),
)
def test_the_mentions_of_a_range_are_every_event_that_overlaps_it(
    mentions_store: Store,
    events: list[tuple[int, str, int, int | None]],
    width: int,
    data: st.DataObject,
) -> None:
    # The range starts anywhere, or just before or at an event's end (where a bound one
    # second off would lose or add it).
    ends = [start + (1 if length is None else length) for _, _, start, length in events]
    lower = data.draw(
        _starts
        if not ends
        else st.one_of(_starts, st.sampled_from(ends).map(lambda e: e - 1), st.sampled_from(ends))
    )
    _store_only(mentions_store, events)
    upper = lower + width
    expected = _overlapping(events, lower, upper)
    filters = {"date_from": lower, "date_to": upper, "event_kind": "mentioned"}
    assert set(filtered_article_ids(mentions_store, **filters).tolist()) == expected  # type: ignore[arg-type]
    assert set(matching_article_ids(mentions_store, "القمة", **filters).tolist()) == expected  # type: ignore[arg-type]
    assert search(mentions_store, "القمة", **filters).total == len(expected)  # type: ignore[arg-type]
    # The same through the join used when too many articles pass the filters.
    search_module.CANDIDATES_MAX, kept = -1, search_module.CANDIDATES_MAX
    try:
        assert search(mentions_store, "القمة", **filters).total == len(expected)  # type: ignore[arg-type]
    finally:
        search_module.CANDIDATES_MAX = kept


def test_the_mentions_read_walks_mentions_only_and_each_length_has_its_index(
    store: Store, tmp_path: Path
) -> None:
    conn = store.db.conn
    sql, params = search_module._mentioned_ids(ORIGIN, ORIGIN + 2 * 365 * DAY)
    plan = " | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    # Mentions of a day or less, and of up to a year, each from its own index, bounded
    # on both sides and without a row of events read; the long ones from theirs.
    assert "COVERING INDEX events_day_mentions (start>? AND start<?)" in plan
    assert "COVERING INDEX events_mid_mentions (start>? AND start<?)" in plan
    assert "events_long_mentions" in plan
    assert "events_timeline" not in plan
    # A store of the version before v12 gains the indexes when opened, and says so.
    _store_only(store, [])
    store.add_article(ArticleDraft(title="عنوان", body="خبر"), uid="u", published=None)
    _store_only(store, [(1, "mentioned", ORIGIN, DAY)])
    before = schema.MIGRATIONS.index(schema._v12_long_mentions)
    conn.executescript(
        "DROP INDEX events_long_mentions; DROP INDEX events_day_mentions;"
        f" DROP INDEX events_mid_mentions; PRAGMA user_version = {before};"
    )
    path = store.path
    store.close()
    heard: list[tuple[int, int, str]] = []
    with Store(path, progress=lambda *a: heard.append(a)) as again:
        assert again.schema_version == SCHEMA_VERSION
        found = filtered_article_ids(
            again, date_from=ORIGIN, date_to=ORIGIN + 1, event_kind="mentioned"
        )
        assert found.tolist() == [1]
    assert [h for h in heard if h[2] == "mentions' indexes"] == [
        (1, 2, "mentions' indexes"),
        (2, 2, "mentions' indexes"),
    ]
    names = sqlite3.connect(path).execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_%mentions'"
        " ORDER BY name"
    )
    assert names.fetchall() == [
        ("events_day_mentions",),
        ("events_long_mentions",),
        ("events_mid_mentions",),
    ]


def test_a_store_without_the_mentions_indexes_finds_the_same(mentions_store: Store) -> None:
    # The read does not name the v14 indexes: without them (a store written by another
    # program, an index dropped) SQLite reads the timeline's index, to the same ids.
    events = [
        (1, "mentioned", ORIGIN, None),
        (2, "mentioned", ORIGIN - 20 * DAY, 31 * DAY),
        (3, "published", ORIGIN, None),
        (4, "mentioned", ORIGIN - 3 * SHORT_MENTION, 30 * SHORT_MENTION),
        (5, "mentioned", ORIGIN + 3 * DAY, DAY),
    ]
    _store_only(mentions_store, events)
    filters = {"date_from": ORIGIN, "date_to": ORIGIN + 2 * DAY, "event_kind": "mentioned"}
    expected = _overlapping(events, ORIGIN, ORIGIN + 2 * DAY)
    assert expected == {1, 2, 4}
    conn = mentions_store.db.conn
    definitions = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name IN ('events_day_mentions', 'events_mid_mentions')"
    ).fetchall()
    conn.executescript("DROP INDEX events_day_mentions; DROP INDEX events_mid_mentions;")
    try:
        assert set(filtered_article_ids(mentions_store, **filters).tolist()) == expected  # type: ignore[arg-type]
    finally:
        for (definition,) in definitions:
            conn.execute(definition)
    assert set(filtered_article_ids(mentions_store, **filters).tolist()) == expected  # type: ignore[arg-type]


def test_a_mention_edited_in_place_moves_between_the_indexes(mentions_store: Store) -> None:
    # Any writer's UPDATE (recompute, the user's edits, a plain statement) moves an
    # event from one index to another by itself: a day made a month, a month made a
    # publication, a publication made a mention.
    _store_only(mentions_store, [(1, "mentioned", ORIGIN, DAY), (2, "published", ORIGIN, None)])
    conn = mentions_store.db.conn
    filters = {
        "date_from": ORIGIN + 20 * DAY,
        "date_to": ORIGIN + 21 * DAY,
        "event_kind": "mentioned",
    }

    def found() -> set[int]:
        return set(filtered_article_ids(mentions_store, **filters).tolist())  # type: ignore[arg-type]

    assert found() == set()
    with mentions_store.transaction():
        conn.execute('UPDATE events SET "end" = start + 31 * 86400 WHERE article_id = 1')
    assert found() == {1}
    with mentions_store.transaction():
        conn.execute("UPDATE events SET kind = 'published' WHERE article_id = 1")
        conn.execute(
            "UPDATE events SET kind = 'mentioned', start = ? WHERE article_id = 2",
            [ORIGIN + 20 * DAY],
        )
    assert found() == {2}


@pytest.mark.parametrize(
    "length",
    [None, 1, DAY - 1, DAY, DAY + 1, SHORT_MENTION - 1, SHORT_MENTION, SHORT_MENTION + 1],
)
@pytest.mark.parametrize("before_end", [1, 0])
def test_a_mention_is_found_up_to_its_last_second(
    mentions_store: Store, length: int | None, before_end: int
) -> None:
    # Where the two reads meet: a range that starts in the mention's last second finds
    # it, one that starts at its end does not.
    events = [(1, "mentioned", ORIGIN, length), (2, "mentioned", ORIGIN + 40 * SHORT_MENTION, None)]
    _store_only(mentions_store, events)
    lower = ORIGIN + (1 if length is None else length) - before_end
    filters = {"date_from": lower, "date_to": lower + DAY, "event_kind": "mentioned"}
    expected = _overlapping(events, lower, lower + DAY)
    assert expected == ({1} if before_end else set())
    assert set(filtered_article_ids(mentions_store, **filters).tolist()) == expected  # type: ignore[arg-type]
    assert search(mentions_store, "القمة", **filters).total == len(expected)  # type: ignore[arg-type]


def test_a_new_store_is_made_without_a_word_of_progress(tmp_path: Path) -> None:
    # Every migration runs on a new store; one with no rows to go through says nothing
    # (the command line would print "Upgrading the library" for a store it creates).
    heard: list[tuple[int, int, str]] = []
    with Store(tmp_path / "new.db", create=True, progress=lambda *a: heard.append(a)) as new:
        assert new.schema_version == SCHEMA_VERSION
    assert heard == []
