"""The window after a publication date's correction: the mentions that count from it
move on the timeline and in the detail pane, and stay moved through the next edits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from tests.edits.test_anchor import ARTICLE, BODY
from tests.ui.stores import copy_of
from tests.ui.waiting import article_shown, open_window
from timeline import edits, library
from timeline.store import Store
from timeline.ui.article_model import ArticleIdRole
from timeline.ui.main_window import MainWindow


@pytest.fixture
def store(sample_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of the sample store with the made-up article of tests/edits/test_anchor."""
    path = copy_of(sample_db, tmp_path / "anchor.db")
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps(ARTICLE, ensure_ascii=False), "utf-8")
    with Store(path) as opened:
        assert library.import_paths(opened, [one]).added == 1
        yield opened


def today_row(window: MainWindow, article_id: int) -> tuple[int, int]:
    """The id and stored start of the article's "اليوم"."""
    (found,) = [
        (e.id, e.start)
        for e in window.store.events_of(article_id)
        if e.span_start is not None and BODY[e.span_start : e.span_end] == "اليوم"
    ]
    assert found[0] is not None and found[1] is not None
    return found  # type: ignore[return-value]


def drawn_starts(window: MainWindow, event_id: int) -> list[int]:
    arrays = window.timeline.arrays()
    return arrays.starts[np.flatnonzero(arrays.ids == event_id)].tolist()


def written(window: MainWindow) -> None:
    assert window.edits.controller.wait_written()


def test_the_timeline_and_the_pane_show_the_mentions_moved(qtbot: QtBot, store: Store) -> None:
    window = open_window(qtbot, store)
    (article_id,) = [a.id for a in store.articles() if a.body == BODY]
    window.select_article(article_id)
    article_shown(window.detail)
    event_id, before = today_row(window, article_id)
    assert drawn_starts(window, event_id) == [before]

    window.edits.controller.run(
        "date", lambda s: edits.correct_article(s, article_id, "published", "2017-05-02")
    )
    written(window)
    same_id, after = today_row(window, article_id)
    assert same_id == event_id and after != before
    assert drawn_starts(window, event_id) == [after]
    article_shown(window.detail)
    texts = [window.detail.events.item(i).data() for i in range(window.detail.events.count())]
    assert any("2017" in t and "اليوم" in t for t in texts), texts

    # The next edit of the article lays it over again from the loaded rows: they
    # followed the store, so the old date does not come back.
    target = edits.article_target(store, article_id)
    window.edits.controller.run("tag", lambda s: edits.set_tag(s, target, "مراجعة"))
    written(window)
    assert drawn_starts(window, event_id) == [after]

    window.edits.stack.undo()  # the tag
    window.edits.stack.undo()  # the date
    written(window)
    assert today_row(window, article_id) == (event_id, before)
    assert drawn_starts(window, event_id) == [before]


def test_with_each_story_once_the_mentions_move_and_stay_moved(qtbot: QtBot, store: Store) -> None:
    """Stories collapsed, the loaded arrays the edits lay over are each story's drawn
    copy: the article's rows are read again there, and the events loaded again."""
    window = open_window(qtbot, store)
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.collapse_action.setChecked(True)
    (article_id,) = [a.id for a in store.articles() if a.body == BODY]
    event_id, before = today_row(window, article_id)
    assert drawn_starts(window, event_id) == [before]
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.edits.controller.run(
            "date", lambda s: edits.correct_article(s, article_id, "published", "2017-05-02")
        )
        written(window)
        _same, after = today_row(window, article_id)
        assert drawn_starts(window, event_id) == [after]  # at once, before the load
    assert drawn_starts(window, event_id) == [after]  # and after it


def test_a_full_pass_after_the_correction_keeps_the_mentions_moved(
    qtbot: QtBot, store: Store
) -> None:
    # An edit reads the re-dated article's rows from the store (the loaded arrays keep
    # theirs until a full pass): Show hidden items lays everything over again, from the
    # loaded arrays, which must hold the new dates by then.
    window = open_window(qtbot, store)
    (article_id,) = [a.id for a in store.articles() if a.body == BODY]
    event_id, before = today_row(window, article_id)
    window.edits.controller.run(
        "date", lambda s: edits.correct_article(s, article_id, "published", "2017-05-02")
    )
    written(window)
    _same, after = today_row(window, article_id)
    assert after != before and drawn_starts(window, event_id) == [after]
    assert window.edits.show_hidden_action is not None
    window.edits.show_hidden_action.setChecked(True)
    assert drawn_starts(window, event_id) == [after]
    window.edits.show_hidden_action.setChecked(False)
    target = edits.article_target(store, article_id)
    window.edits.controller.run("tag", lambda s: edits.set_tag(s, target, "مراجعة"))
    written(window)
    assert drawn_starts(window, event_id) == [after]


def test_an_undated_articles_today_is_drawn_once_the_user_dates_it(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    # With no publication date its "اليوم" has no day, and no row on the timeline; the
    # date the user gives dates it, and the timeline draws it at once.
    undated = tmp_path / "undated.jsonl"
    body = "قالت اللجنة اليوم إن النتائج ستعلن قريبا بعد مراجعتها."
    record = {"title": "بلا تاريخ", "source": "مصدر", "body": body}
    undated.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    assert library.import_paths(store, [undated]).added == 1
    (article_id,) = [a.id for a in store.articles() if a.body == body]
    window = open_window(qtbot, store)
    assert not np.any(window.timeline.arrays().article_ids == article_id)
    window.edits.controller.run(
        "date", lambda s: edits.correct_article(s, article_id, "published", "2017-05-02")
    )
    written(window)
    (today,) = [
        e
        for e in store.events_of(article_id)
        if e.span_start is not None and body[e.span_start : e.span_end] == "اليوم"
    ]
    assert today.start is not None
    assert drawn_starts(window, today.id) == [today.start]


def test_a_long_write_is_said_while_it_runs(qtbot: QtBot, store: Store) -> None:
    """A correction of a long text's date takes seconds on the writer: the status bar
    says it is being saved until it is."""
    import threading

    window = open_window(qtbot, store)
    (article_id,) = [a.id for a in store.articles() if a.body == BODY]
    release = threading.Event()

    def slow(s: Store) -> list[edits.Change]:
        assert release.wait(30)  # held until the test has seen the window say it
        return edits.correct_article(s, article_id, "published", "2017-05-02")

    window.edits.controller.run("Correct publication date", slow)
    qtbot.waitUntil(lambda: "Correct publication date" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage().startswith("Saving")
    release.set()
    written(window)
    qtbot.waitUntil(lambda: not window.statusBar().currentMessage().startswith("Saving"))


def test_a_splice_of_many_rows_is_made_on_a_worker_and_the_next_edit_waits_for_it(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A splice of many rows (a long article's date corrected; here every splice, by
    _FEW_PIECES) is written on a worker: the window shows the arrays as they were until
    it ends, then the edit whole.  An edit asked for meanwhile waits and is shown after
    it, made from its arrays; the arrays shown are those of a full load, and undone,
    those before."""
    import threading

    from timeline.store import edits as user
    from timeline.store.timeline_data import load_event_arrays

    def rows(arrays) -> list[tuple]:
        columns = (arrays.ids, arrays.article_ids, arrays.starts, arrays.all_ends())
        columns += (arrays.kinds, arrays.points)
        return sorted(zip(*(c.tolist() for c in columns), strict=True))

    def as_stored() -> list[tuple]:
        return rows(user.overlay_arrays(store, load_event_arrays(store)))

    monkeypatch.setattr(user, "_FEW_PIECES", 0)
    window = open_window(qtbot, store)
    (article_id,) = [a.id for a in store.articles() if a.body == BODY]
    window.select_article(article_id)
    article_shown(window.detail)
    event_id, before = today_row(window, article_id)
    shown_before = rows(window.timeline.arrays())
    assert shown_before == as_stored()
    threads: list[threading.Thread] = []
    go = threading.Event()
    run = user.SpliceLater.run

    def held_run(splice: user.SpliceLater):
        if threading.current_thread() is not threading.main_thread():
            threads.append(threading.current_thread())  # (a few rows merged here stay)
            assert go.wait(10)
        return run(splice)

    monkeypatch.setattr(user.SpliceLater, "run", held_run)

    def correct(typed: str) -> None:
        window.edits.controller.run(
            "date", lambda s: edits.correct_article(s, article_id, "published", typed)
        )

    correct("2017-05-02")
    qtbot.waitUntil(lambda: window._splicing is not None)
    # Written and being spliced: the timeline as it was, the next edit not begun.
    correct("2019-09-09")
    qtbot.wait(50)
    assert window.edits.controller.busy
    assert window.edits.controller.running_thread() is None
    assert rows(window.timeline.arrays()) == shown_before
    assert drawn_starts(window, event_id) == [before]
    go.set()
    written(window)
    assert len(threads) == 2  # each edit's patch spliced on a worker
    same_id, after = today_row(window, article_id)
    assert same_id == event_id and after != before
    assert drawn_starts(window, event_id) == [after]
    assert rows(window.timeline.arrays()) == as_stored()
    assert window.list.currentIndex().data(ArticleIdRole) == article_id
    window.edits.stack.undo()
    window.edits.stack.undo()
    written(window)
    assert today_row(window, article_id) == (event_id, before)
    assert rows(window.timeline.arrays()) == shown_before


def test_a_splice_that_fails_on_its_worker_leaves_the_edit_shown_from_a_load(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """A splice whose worker fails (it never should: a programming error, or memory) is
    said on the terminal; the window loads the events again, shows the edit from them,
    and takes the next edits."""
    import threading

    from timeline.store import edits as user

    monkeypatch.setattr(user, "_FEW_PIECES", 0)
    window = open_window(qtbot, store)
    (article_id,) = [a.id for a in store.articles() if a.body == BODY]
    event_id, before = today_row(window, article_id)
    run = user.SpliceLater.run

    failed: list[bool] = []

    def failing_run(splice: user.SpliceLater):
        # The first off the GUI thread is the edit's (the load after it splices too).
        if threading.current_thread() is not threading.main_thread() and not failed:
            failed.append(True)
            raise MemoryError
        return run(splice)

    monkeypatch.setattr(user.SpliceLater, "run", failing_run)
    window.edits.controller.run(
        "date", lambda s: edits.correct_article(s, article_id, "published", "2017-05-02")
    )
    written(window)
    assert "MemoryError" in capsys.readouterr().err
    _, after = today_row(window, article_id)
    qtbot.waitUntil(lambda: window._loader_thread is None, timeout=20_000)
    assert drawn_starts(window, event_id) == [after]
    monkeypatch.setattr(user.SpliceLater, "run", run)
    window.edits.stack.undo()
    written(window)
    assert drawn_starts(window, event_id) == [before]
