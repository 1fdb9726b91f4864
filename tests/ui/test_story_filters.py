"""Search and filters with each story shown once: a story shows when any copy matches,
and every count (results, status bar, events) counts it once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.stories.test_store_stories import RECORDS, ids_by_title, write
from tests.ui.waiting import open_window
from timeline import library
from timeline.store import Store
from timeline.store.search import SearchRequest
from timeline.timescale import to_axis
from timeline.ui.article_model import ArticleIdRole
from timeline.ui.main_window import MainWindow

AGENCY_TITLE = "افتتاح مهرجان التمور في بريدة"
COPY_TITLE = "بريدة تفتتح مهرجان التمور"


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path) -> Iterator[MainWindow]:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    win = open_window(qtbot, store, article=False)
    yield win


def _run(qtbot: QtBot, window: MainWindow, request: SearchRequest) -> list[int]:
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        window.run_search(request)
    return [window.model.index(r).data(ArticleIdRole) for r in range(window.model.rowCount())]


def _collapse(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.collapse_action.setChecked(True)


def test_a_filter_matching_only_a_later_copy_shows_its_story_once(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    ids = ids_by_title(store)
    agency = ids[AGENCY_TITLE]
    _collapse(qtbot, window)
    # Only the copy and the follow-up come from "paper"; the story is the agency's.
    shown = _run(qtbot, window, SearchRequest(source="paper"))
    assert sorted(shown) == sorted([agency, ids["ختام مهرجان التمور في بريدة"]])
    assert window.search_bar.count_label.text().startswith("2")
    assert window.count_label.text().startswith("2 of 3 articles")


def test_a_date_range_holding_only_a_later_copy_finds_the_story(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    from datetime import datetime

    ids = ids_by_title(store)
    # 13:00-14:00 on 2 August 2015: only the copy was published then.
    request = SearchRequest(
        date_from=to_axis(datetime(2015, 8, 2, 13)),
        date_to=to_axis(datetime(2015, 8, 2, 14)),
        event_kind="published",
    )
    assert _run(qtbot, window, request) == [ids[COPY_TITLE]]
    _collapse(qtbot, window)
    assert _run(qtbot, window, request) == [ids[AGENCY_TITLE]]
    # The story's events count as shown on the timeline, the story once in the counts.
    agency_events = int((window.timeline.arrays().article_ids == ids[AGENCY_TITLE]).sum())
    assert agency_events > 0
    assert window.count_label.text() == (
        f"1 of 3 articles  ·  {agency_events} events on the timeline  ·  each story once"
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_status_bar_says_which_view_its_counts_are_of(
    request: pytest.FixtureRequest, qtbot: QtBot, window: MainWindow, language: str
) -> None:
    """Each story once and the hidden items shown change every count: said beside them
    (the counts dropped from every copy to each story with nothing saying why)."""
    if language == "ar":
        request.getfixturevalue("arabic")
    once, shown = (
        ("each story once", "hidden items shown")
        if language == "en"
        else ("كل خبر مرة واحدة", "العناصر المخفية ظاهرة")
    )
    everything = window.count_label.text()
    assert once not in everything and shown not in everything
    _collapse(qtbot, window)
    qtbot.waitUntil(lambda: window.count_label.text().endswith(once), timeout=10_000)
    window.edits.show_hidden_action.setChecked(True)
    qtbot.waitUntil(window.articles_counted, timeout=10_000)
    qtbot.waitUntil(lambda: window.count_label.text().endswith(f"{once}  ·  {shown}"))
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.collapse_action.setChecked(False)
    window.edits.show_hidden_action.setChecked(False)
    qtbot.waitUntil(window.articles_counted, timeout=10_000)
    qtbot.waitUntil(lambda: once not in window.count_label.text())
    assert shown not in window.count_label.text()


def test_a_search_hitting_every_copy_counts_the_story_once(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    ids = ids_by_title(store)
    story = {ids[AGENCY_TITLE], ids[COPY_TITLE]}
    hits = _run(qtbot, window, SearchRequest(query="العتيبي"))
    assert story <= set(hits)
    every_copy = len(hits)
    assert window.search_bar.count_label.text().startswith(str(every_copy))
    _collapse(qtbot, window)
    # Turning the setting on recounts the search already shown.
    assert window.search_bar.count_label.text().startswith(str(every_copy - 1))
    shown = [window.model.index(r).data(ArticleIdRole) for r in range(window.model.rowCount())]
    assert ids[COPY_TITLE] not in shown and ids[AGENCY_TITLE] in shown
    assert len(shown) == every_copy - 1


def test_the_events_counted_follow_a_search_through_each_story_once_and_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    # The count of a search's events is taken from the timeline's highlight when that
    # was made of the same hits: never a highlight of the view before (each story once
    # turned on or off), whose hits are not the ones the list shows.
    def listed_events() -> int:
        listed = {window.model.index(r).data(ArticleIdRole) for r in range(window.model.rowCount())}
        return sum(1 for a in window.timeline.arrays().article_ids.tolist() if a in listed)

    _run(qtbot, window, SearchRequest(query="العتيبي"))
    assert window._events_shown == listed_events() > 0
    _collapse(qtbot, window)
    qtbot.waitUntil(lambda: window._events_shown == listed_events(), timeout=10_000)
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.collapse_action.setChecked(False)
    qtbot.waitUntil(lambda: window._events_shown == listed_events(), timeout=10_000)
    counted = window._events_shown
    assert counted is not None and str(counted) in window.count_label.text()


def test_two_million_hits_count_each_story_once_without_an_object_each(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    # Each story once: the hits as Python ints and a dictionary held the GUI thread over
    # a second for a word in most of 3,880,000 articles, three times a search.
    import tracemalloc

    import numpy as np

    ids = ids_by_title(store)
    _collapse(qtbot, window)
    story = [ids[AGENCY_TITLE], ids[COPY_TITLE]]  # one story: its copy stands behind it
    hits = np.concatenate((np.sort(story), np.arange(10_000, 2_010_000))).astype(np.int64)
    tracemalloc.start()
    try:
        once = window._story_hits(hits)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 60 * 2**20, peak
    assert len(once) == len(hits) - 1 and ids[COPY_TITLE] not in set(once[:10].tolist())
    assert window._story_hits(hits) is once  # asked again by the status bar: kept
