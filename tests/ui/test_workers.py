"""Workers report every failure, cancel within a file, and never hold the window open."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.stores import copy_of
from tests.ui.waiting import article_shown, open_window
from timeline import edits, library
from timeline.store import Store
from timeline.store import edits as user_edits
from timeline.store.search import SearchRequest
from timeline.ui import workers
from timeline.ui.main_window import MainWindow
from timeline.ui.workers import EventsLoader, ImportWorker, LoadedEvents, SearchWorker

ROOT = Path(__file__).resolve().parents[2]


class Relay(QObject):
    """Brings a worker's signal to the GUI thread (qtbot waits there, not in the worker)."""

    relayed = Signal(list)

    def relay(self, *args: object) -> None:
        self.relayed.emit(list(args))


def jsonl(path: Path, n: int, prefix: str) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            article = {
                "title": f"{prefix} عنوان رقم {i}",
                "body": f"نص المقال {prefix} {i} عن القمة في 10 أكتوبر 2015.",
                "published": "2015-07-31T04:33:02",
                "source": "test",
            }
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def empty_window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    store = Store(tmp_path / "w.db")
    win = MainWindow(store)
    qtbot.addWidget(win)
    return win


def test_deeply_nested_file_is_reported_and_the_next_import_runs(
    qtbot: QtBot, empty_window: MainWindow, tmp_path: Path
) -> None:
    deep = tmp_path / "deep.json"
    # An object, read whole (in a list, such an item is one skipped record).
    deep.write_text('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    reports: list[object] = []
    empty_window.import_finished.connect(reports.append)
    empty_window.import_failed.connect(reports.append)
    with qtbot.waitSignal(empty_window.store_changed, timeout=30_000):
        empty_window.import_paths([deep])
    # Reported either as a failed import naming the file, or as a failed file of one.
    (report,) = reports
    text = report if isinstance(report, str) else str([(f.path, f.error) for f in report.failed])
    assert "deep.json" in text
    for box in empty_window.findChildren(QMessageBox):
        box.close()
    # The window is not stuck: the next import runs.
    good = jsonl(tmp_path / "good.jsonl", 3, "good")
    with qtbot.waitSignal(empty_window.import_finished, timeout=30_000) as done:
        empty_window.import_paths([good])
    assert done.args[0].added == 3


@pytest.mark.parametrize("kind", ["import", "events", "search"])
def test_an_unexpected_error_in_any_worker_reaches_the_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, kind: str, capsys
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("a page of the file is damaged")

    db = tmp_path / "w.db"
    Store(db).close()
    worker: ImportWorker | EventsLoader | SearchWorker
    if kind == "import":
        monkeypatch.setattr(library, "import_paths", broken)
        worker = ImportWorker(db, [tmp_path])
    elif kind == "events":
        monkeypatch.setattr(workers, "load_event_arrays", broken)
        worker = EventsLoader(db)
    else:
        monkeypatch.setattr(workers, "matching_article_ids", broken)
        worker = SearchWorker(db, SearchRequest(query="قمة"))
    relay = Relay()
    worker.failed.connect(relay.relay)
    with qtbot.waitSignal(relay.relayed, timeout=10_000) as failed:
        thread = workers.start_in_thread(worker, None, ended=lambda: None)
    assert "damaged" in failed.args[0][-1]
    assert thread.wait(10_000), "the thread ends after a failure"
    assert "damaged" in capsys.readouterr().err  # a programming error stays visible


def test_cancel_stops_inside_a_file_and_stores_nothing_of_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = jsonl(tmp_path / "a.jsonl", 2, "first")
    big = jsonl(tmp_path / "b.jsonl", 200, "big")
    db = tmp_path / "w.db"
    Store(db).close()
    worker = ImportWorker(db, [first, big])
    real = library.mention_events
    calls = 0

    def cancel_midway(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 10:  # the eighth article of the big file
            worker.cancel()
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library, "mention_events", cancel_midway)
    relay = Relay()
    worker.finished.connect(relay.relay)
    with qtbot.waitSignal(relay.relayed, timeout=30_000) as finished:
        thread = workers.start_in_thread(worker, None, ended=lambda: None)
    assert thread.wait(10_000)
    assert calls < 200, "the big file was not read to its end"
    with Store(db) as store:
        titles = {a.id: a.title for a in store.articles()}
    assert sorted(titles.values()) == ["first عنوان رقم 0", "first عنوان رقم 1"]
    # What it kept is reported, as a finished import's is: the window can take it back.
    ((report,),) = finished.args
    assert report.cancelled and report.added == 2
    assert sorted(report.added_ids()) == sorted(titles)


@pytest.mark.parametrize("english", [True, False], ids=["en", "ar"])
def test_a_cancelled_import_says_what_it_kept(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    english: bool,
) -> None:
    """The window said "Import cancelled" and nothing of the file rolled back, nor how
    many articles of the files before it stay (a cancelled export, recompute or removal
    says), and the Edit menu could not take them back."""
    if not english:
        request.getfixturevalue("arabic")
    first = jsonl(tmp_path / "a.jsonl", 2, "first")
    big = jsonl(tmp_path / "b.jsonl", 200, "big")
    with Store(tmp_path / "w.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.resize(800, 500)
        win.show()
        real = library.mention_events
        calls = 0

        def cancel_midway(*args: object, **kwargs: object) -> object:
            nonlocal calls
            calls += 1
            if calls == 10:  # the eighth article of the big file
                win.import_worker.cancel()
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(library, "mention_events", cancel_midway)
        win.import_paths([first, big])
        qtbot.waitUntil(lambda: win._import_thread is None, timeout=30_000)
        assert store.count_articles() == 2
        said = win.statusBar().currentMessage()
        if english:
            assert said == "Import cancelled: 2 articles kept (removable from the Edit menu)"
        else:
            assert said == "أُلغي الاستيراد: أُبقيت مقالتان (تُزال من قائمة «تحرير»)"
        assert win.statusBar().shown_message() == said  # whole at 800 px
        # What it kept is the last import's: the Edit menu's action takes it back.
        assert win.remove_import_action.isEnabled()
        assert win.last_import is not None
        assert sorted(win.last_import.added_ids()) == sorted(a.id for a in store.articles())
        win.close()


def test_closing_does_not_wait_for_a_stuck_worker(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, empty_window: MainWindow, tmp_path: Path
) -> None:
    release = threading.Event()

    def stuck(*_args: object, **_kwargs: object) -> None:
        release.wait(60)  # deaf to cancel, like one endless statement
        raise RuntimeError("released")

    monkeypatch.setattr(library, "import_paths", stuck)
    empty_window.show()
    empty_window.import_paths([tmp_path])
    thread = empty_window._import_thread
    assert thread is not None and thread.isRunning()
    assert empty_window.close()
    assert empty_window.abandoned_threads == [thread] and thread.isRunning()
    assert empty_window.import_worker.is_cancelled()
    release.set()
    assert thread.wait(10_000)


def test_a_transaction_cut_off_by_the_process_ending_leaves_nothing(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    Store(db).close()
    script = (
        "import os, sys\n"
        "from timeline.model import ArticleDraft\n"
        "from timeline.store import Store\n"
        "store = Store(sys.argv[1])\n"
        "store.db.conn.execute('BEGIN')\n"
        "store.add_article(ArticleDraft(title='t', body='b'), 'uid-1', None)\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(db)], check=True, cwd=ROOT, timeout=60)
    with Store(db) as store:
        assert store.count_articles() == 0
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_program_exits_when_a_worker_is_stuck_at_close(tmp_path: Path) -> None:
    script = (
        "import sys, threading\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from timeline import library\n"
        "from timeline.ui import app\n"
        "from timeline.ui.main_window import MainWindow\n"
        "library.import_paths = lambda *a, **k: threading.Event().wait()\n"
        "def later():\n"
        "    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]\n"
        "    window.import_paths([Path(sys.argv[1])])\n"
        "    QTimer.singleShot(300, window.close)\n"
        "app.create_application('en')\n"
        "QTimer.singleShot(500, later)\n"
        "sys.exit(app.run_window(Path(sys.argv[1]) / 'w.db', lang='en'))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        cwd=ROOT,
        env=env,
        timeout=120,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_a_store_that_fails_is_reported_once_and_the_window_stays_usable(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, sample_store: Store
) -> None:
    win = MainWindow(sample_store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    article_shown(win.detail)
    reports: list[str] = []
    win.model.store_failed.connect(reports.append)
    win.detail.load_failed.connect(reports.append)

    def damaged(*_args: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(sample_store, "article_summaries", damaged)
    # On the class: the detail pane reads the article on a worker's own connection.
    monkeypatch.setattr(Store, "article", damaged)
    win.model.reload()
    for _ in range(3):
        win.list.viewport().repaint()
        win.list.setCurrentIndex(win.model.index(1))
        win.list.setCurrentIndex(win.model.index(0))
    article_shown(win.detail)
    assert reports and set(reports) == {"database disk image is malformed"}
    assert win.detail.article is None
    assert "malformed" in win.statusBar().currentMessage()
    boxes = [b for b in win.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and "malformed" in boxes[0].text()
    boxes[0].close()
    win.focus_search()  # still usable


def test_a_damaged_database_file_is_one_line_and_exit_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from timeline.ui.app import run_window

    db = tmp_path / "damaged.db"
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    assert run_window(db, lang="en") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "damaged.db" in err[0]


def test_the_cancel_button_stops_the_file_being_imported(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, empty_window: MainWindow, tmp_path: Path
) -> None:
    big = jsonl(tmp_path / "big.jsonl", 50, "big")
    inside, go_on = threading.Event(), threading.Event()
    real = library.mention_events

    def held(*args: object, **kwargs: object) -> object:
        inside.set()
        go_on.wait(30)  # the GUI presses Cancel while the file is being written
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library, "mention_events", held)
    empty_window.show()
    empty_window.import_paths([big])
    qtbot.waitUntil(inside.is_set, timeout=30_000)
    cancel = empty_window._progress.findChild(QPushButton)
    assert cancel is not None
    cancel.click()
    go_on.set()
    with qtbot.waitSignal(empty_window.store_changed, timeout=30_000):
        pass
    assert empty_window.store.count_articles() == 0
    assert "cancelled" in empty_window.statusBar().currentMessage()


def test_answers_arriving_after_the_window_closed_do_not_touch_the_store(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # What is asked here is what becomes of answers after the close, not how long the
    # close waits (a busy machine can take past the second for a load; the deadline has
    # its own tests): the threads are given time to end.
    from timeline.ui import main_window

    monkeypatch.setattr(main_window, "_CLOSE_WAIT_MS", 30_000)
    store = Store(tmp_path / "w.db")
    library.import_paths(store, [jsonl(tmp_path / "a.jsonl", 3, "late")])
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
    # A load and a search, each ended by close() but their answers still queued.
    win.load_timeline()
    win.run_search(SearchRequest(query="عنوان"))
    assert win._loader_thread is not None and win._search_thread is not None
    assert win.close()
    assert win.abandoned_threads == []
    store.close()  # as the program does once its window has closed
    # The queued answers are delivered now; read against the closed store they raised.
    loaded: list[object] = []
    win.timeline_loaded.connect(lambda: loaded.append(1))
    qtbot.wait(200)
    assert loaded == [] and win._loader_thread is None and win._search_thread is None


def test_a_worker_is_deleted_on_the_gui_thread_not_by_its_ending_thread(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Deleted by its ending thread, a worker asked for the GIL holding Qt's
    signal-slot lock while the GUI thread held the GIL and wanted that lock: a hang."""
    import gc

    from PySide6.QtCore import Qt

    store = Store(tmp_path / "w.db")
    library.import_paths(store, [jsonl(tmp_path / "a.jsonl", 3, "worker")])
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
    deleted_on: list[int] = []
    with qtbot.waitSignal(win.search_applied, timeout=10_000):
        win.run_search(SearchRequest(query="عنوان"))
        worker = win._search_worker
        worker.destroyed.connect(
            lambda: deleted_on.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
        )
        del worker
    qtbot.waitUntil(lambda: win._search_thread is None, timeout=10_000)
    qtbot.wait(50)  # anything the ending thread would still do
    assert deleted_on == []  # alive while the window holds it
    win._search_worker = None
    gc.collect()
    assert deleted_on == [threading.get_ident()]
    win.close()
    store.close()


def test_the_events_loader_sends_the_events_per_day_before_the_events(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = tmp_path / "w.db"
    with Store(db) as store:
        library.import_paths(store, [jsonl(tmp_path / "a.jsonl", 5, "a")])
    worker = EventsLoader(db)
    heard: list[tuple[str, object]] = []
    summaries, loads = Relay(), Relay()
    summaries.relayed.connect(lambda args: heard.append(("summary", args[0])))
    loads.relayed.connect(lambda args: heard.append(("events", args[0])))
    worker.summarized.connect(summaries.relay)
    worker.finished.connect(loads.relay)
    with qtbot.waitSignal(loads.relayed, timeout=10_000):
        thread = workers.start_in_thread(worker, None, ended=lambda: None)
    assert thread.wait(10_000)
    assert [kind for kind, _ in heard] == ["summary", "events"]
    summary, loaded = heard[0][1], heard[1][1]
    arrays = loaded.arrays  # type: ignore[attr-defined]
    assert len(summary) == len(arrays) == 10  # type: ignore[arg-type]  # 5 published, 5 mentions
    assert summary.count_starting(*summary.span) == len(arrays)  # type: ignore[attr-defined]


def test_a_worker_ended_before_its_starter_returned_is_still_heard(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # On a loaded machine a small count or search can finish, and its thread end, before
    # the GUI thread goes on from starting it: each start here waits for its thread to
    # end before returning.  The window must still hear every ending (the count and the
    # list were once left waiting for ever, "the articles were never counted").
    db = tmp_path / "w.db"
    with Store(db) as store:
        library.import_file(store, jsonl(tmp_path / "a.jsonl", 3, "a"))
    real = workers.start_in_thread

    def ended_before_returning(worker, parent, **kwargs):  # type: ignore[no-untyped-def]
        thread = real(worker, parent, **kwargs)
        assert thread.wait(10_000)
        return thread

    monkeypatch.setattr("timeline.ui.main_window.start_in_thread", ended_before_returning)
    monkeypatch.setattr("timeline.ui.detail_pane.start_in_thread", ended_before_returning)
    with Store(db) as store:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: len(window.timeline.arrays()) == 6, timeout=10_000)
        qtbot.waitUntil(window.articles_counted, timeout=10_000)
        article_shown(window.detail)
        with qtbot.waitSignal(window.search_applied, timeout=10_000):
            window.run_search(SearchRequest(query="القمة"))
        qtbot.waitUntil(lambda: window._search_thread is None, timeout=10_000)
        window.reload()  # counted again
        qtbot.waitUntil(window.articles_counted, timeout=10_000)
        window.close()


def _loaded(qtbot: QtBot, worker: EventsLoader) -> LoadedEvents:
    """What the loader hands over, run on a thread of its own as the window runs it."""
    loads = Relay()
    heard: list[LoadedEvents] = []
    loads.relayed.connect(lambda args: heard.append(args[0]))
    worker.finished.connect(loads.relay)
    with qtbot.waitSignal(loads.relayed, timeout=10_000):
        thread = workers.start_in_thread(worker, None, ended=lambda: None)
    assert thread.wait(10_000)
    return heard[0]


def _hidden_copy(sample_db: Path, tmp_path: Path) -> tuple[Path, int]:
    """A copy of the sample store with one article (one with events) hidden."""
    path = copy_of(sample_db, tmp_path / "hidden.db")
    with Store(path) as store:
        (article_id,) = store.conn.execute("SELECT min(article_id) FROM events").fetchone()
        edits.set_hidden(store, edits.article_target(store, article_id))
    return path, int(article_id)


def test_the_events_loader_lays_the_users_edits_over_on_its_thread(
    qtbot: QtBot, sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A full pass over every row (60 ms at a million events): the GUI thread takes the
    # loader's, laid over in the events' snapshot, and lays nothing over itself.
    path, hidden = _hidden_copy(sample_db, tmp_path)
    threads: list[str] = []
    overlay = user_edits.overlay_arrays

    def watched(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return overlay(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(user_edits, "overlay_arrays", watched)
    monkeypatch.setattr(workers, "overlay_arrays", watched)
    with Store(path) as store:
        window = open_window(qtbot, store)
        shown = window.timeline.arrays()
        assert threads and threading.main_thread().name not in threads
        assert hidden not in set(shown.article_ids.tolist())
        everything = window._base_arrays
        assert everything is not None and hidden in set(everything.article_ids.tolist())
        assert np.array_equal(shown.ids, overlay(store, everything).ids)


def test_an_edit_shown_while_the_events_load_is_laid_over_again(
    qtbot: QtBot, sample_db: Path, tmp_path: Path
) -> None:
    # The loader laid the edits over as the store held them when it read them: an edit
    # the window showed after it asked for the load is not in them.
    path, _hidden = _hidden_copy(sample_db, tmp_path)
    with Store(path) as store:
        window = open_window(qtbot, store)
        base = window._base_arrays
        assert base is not None
        other = int(base.article_ids[np.flatnonzero(base.article_ids != _hidden)[0]])
        before = LoadedEvents(base, None, user_edits.overlay_arrays(store, base), False)
        window._edits_at_load = window._edits_shown  # a load asked for now
        window.edits.controller.run(
            "hide", lambda s: edits.set_hidden(s, edits.article_target(s, other))
        )
        assert window.edits.controller.wait_written()
        assert other not in set(window.timeline.arrays().article_ids.tolist())
        window._timeline_loaded(before)  # the load's answer comes after the edit
        assert other not in set(window.timeline.arrays().article_ids.tolist())
        assert _hidden not in set(window.timeline.arrays().article_ids.tolist())
        # With no edit in between, the loader's arrays are taken as they are.
        window._edits_at_load = window._edits_shown
        now = LoadedEvents(base, None, user_edits.overlay_arrays(store, base), False)
        window._timeline_loaded(now)
        assert window._overlaid is now.overlaid


def test_the_events_loader_gives_back_the_pages_of_its_temporaries_on_its_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "w.db"
    with Store(db) as store:
        library.import_paths(store, [jsonl(tmp_path / "a.jsonl", 5, "a")])
    released: list[str] = []
    done: list[str] = []

    def release() -> bool:
        released.append(threading.current_thread().name)
        done.append("release")
        return True

    monkeypatch.setattr(workers, "release_freed", release)
    real_warm = workers.warm_article_map

    def warm(store: Store) -> None:
        done.append("warm")
        real_warm(store)

    monkeypatch.setattr(workers, "warm_article_map", warm)
    worker = EventsLoader(db)
    loads = Relay()
    worker.finished.connect(loads.relay)
    with qtbot.waitSignal(loads.relayed, timeout=10_000):
        thread = workers.start_in_thread(worker, None, ended=lambda: None)
    assert thread.wait(10_000)
    assert threading.main_thread().name not in released
    # Given back before the search's map is read too (the index's sort's temporaries,
    # which stood under the map's read at the window's peak), and after it.
    assert done == ["release", "warm", "release"]


def test_the_loaders_overlaid_copy_comes_with_its_classes_and_span_made(
    qtbot: QtBot, sample_db: Path, tmp_path: Path
) -> None:
    # The window draws the overlaid arrays at once: their length classes and span (a
    # pass over every end) are made on the loader's thread, not the GUI thread.
    path, hidden = _hidden_copy(sample_db, tmp_path)
    loaded = _loaded(qtbot, EventsLoader(path))
    overlaid = loaded.overlaid
    assert overlaid is not None and overlaid is not loaded.arrays  # a copy: one is hidden
    assert hidden not in set(overlaid.article_ids.tolist())
    assert overlaid.made_classes() is not None
    assert overlaid._span is not None and overlaid._span[0] == (
        int(overlaid.starts[0]),
        max(int(overlaid.starts[-1]), int(overlaid.all_ends().max())),
    )


@pytest.mark.parametrize("hide", [False, True], ids=["unedited", "one-hidden"])
def test_the_loaded_arrays_come_indexed_by_article_and_the_gui_thread_makes_no_keys(
    qtbot: QtBot, sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hide: bool
) -> None:
    # Each article's rows are found by a sort of keys (article id above row): making the
    # keys was 10-11 ms of the GUI thread's CPU at a million events, inside the timeline's
    # hand-over.  The loader makes them (for the loaded arrays and for the overlaid copy,
    # a copy of its own when an article is hidden); the window only takes the index.
    from timeline.store import article_rows

    path = _hidden_copy(sample_db, tmp_path)[0] if hide else sample_db
    made_on: list[bool] = []
    keys = article_rows._keys

    def watched(article_ids: np.ndarray) -> list | None:
        made_on.append(threading.current_thread() is threading.main_thread())
        return keys(article_ids)

    monkeypatch.setattr(article_rows, "_keys", watched)
    with Store(path) as store:
        win = open_window(qtbot, store, article=False)
        base, shown = win._base_arrays, win._overlaid
        assert base is not None and base.article_index is not None
        assert shown is not None and shown.article_index is not None
        # The overlaid copy has an index of its own; unedited, it shares the loaded one.
        assert (shown.article_index is base.article_index) is not hide
        assert made_on and not any(made_on)
        win.close()


def test_past_its_bytes_the_loader_hands_over_one_copy_indexed_and_warmed(
    qtbot: QtBot, sample_db: Path, tmp_path: Path
) -> None:
    # Past one_copy_above the overlay is written over the loaded arrays (not kept
    # beside them), and comes with its classes, its span and its article index begun:
    # none of them made by the GUI thread at the hand-over (ten million events: the
    # index's keys alone were 100 ms of it).
    path, hidden = _hidden_copy(sample_db, tmp_path)
    loaded = _loaded(qtbot, EventsLoader(path, one_copy_above=0))
    assert loaded.one_copy and loaded.overlaid is loaded.arrays
    overlaid = loaded.overlaid
    assert hidden not in set(overlaid.article_ids.tolist())
    assert overlaid.made_classes() is not None and overlaid._span is not None
    assert overlaid.article_index is not None and overlaid.article_index.size == len(overlaid)
    assert overlaid.ids.dtype == np.int32  # the loaded columns themselves


def test_past_its_bytes_the_loader_marks_a_searchs_hits_once_the_index_has_sorted(
    qtbot: QtBot, sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The marks for the search's hits made beside the rows index's keys (8 bytes an
    # event while they sort) were the peak of a reload under a search at 3,880,000
    # articles: 610 MB, 588 one after the other.
    import numpy as np

    gate = _sorts_held(monkeypatch)
    sorted_when_marked: list[bool] = []
    marked = workers._loaded_marked

    def watched(loaded: LoadedEvents, hits: np.ndarray, collapse: bool) -> LoadedEvents:
        assert loaded.overlaid is not None and loaded.overlaid.article_index is not None
        sorted_when_marked.append(loaded.overlaid.article_index.ready)
        return marked(loaded, hits, collapse)

    monkeypatch.setattr(workers, "_loaded_marked", watched)
    threading.Timer(0.3, gate.set).start()  # the sort ends a while after the load
    hits = np.array([1, 2], dtype=np.int64)
    loaded = _loaded(qtbot, EventsLoader(sample_db, one_copy_above=0, hits=hits))
    assert loaded.one_copy and loaded.marks is not None and loaded.hits is hits
    assert sorted_when_marked == [True]


@pytest.mark.parametrize("hide", [False, True], ids=["unedited", "one-hidden"])
def test_the_search_map_is_read_once_the_rows_index_is_sorted(
    qtbot: QtBot, sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hide: bool
) -> None:
    # The rows index's sort (its keys, 8 bytes an event) and the article map's sorts at
    # once were the window's peak at 3,880,000 articles: the map waits for the sort.
    path = _hidden_copy(sample_db, tmp_path)[0] if hide else sample_db
    gate = _sorts_held(monkeypatch)  # still sorting when the loader hands its arrays over
    heard: list[LoadedEvents] = []
    sorting_when_handed: list[bool] = []
    ready_when_warmed: list[bool] = []

    def indexes() -> list[object]:
        return [a.article_index for a in (heard[0].arrays, heard[0].overlaid) if a is not None]

    def handed(loaded: LoadedEvents) -> None:
        heard.append(loaded)
        sorting_when_handed.append(any(i is not None and not i.ready for i in indexes()))
        # The sorts end a while after: a loader that waits for them reads the map then;
        # one that does not reads it while they are held.
        threading.Timer(0.3, gate.set).start()

    def warm(_store: Store) -> None:
        ready_when_warmed.append(all(i is not None and i.ready for i in indexes()))
        gate.set()

    monkeypatch.setattr(workers, "warm_article_map", warm)
    worker = EventsLoader(path)
    worker.finished.connect(handed, Qt.ConnectionType.DirectConnection)
    thread = workers.start_in_thread(worker, None, ended=lambda: None)
    assert thread.wait(10_000)
    assert sorting_when_handed == [True]
    assert ready_when_warmed == [True]


def test_the_windows_searches_keep_their_filters_until_another_program_writes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each key typed is a search with the same filters: their articles are read once
    while the window's stamp of the store holds, and again once another program has
    written (here a mention moved out of the range, which leaves the index as it was)."""
    from datetime import datetime

    from timeline.model import to_axis
    from timeline.store import search as search_module

    monkeypatch.setattr(search_module, "_KEPT_FILTERS", {})
    read = search_module._read_candidates
    reads: list[int] = []

    def counted(*args: object) -> object:
        reads.append(1)
        return read(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(search_module, "_read_candidates", counted)
    db = tmp_path / "w.db"
    store = Store(db)
    library.import_paths(store, [jsonl(tmp_path / "a.jsonl", 4, "قمة")])
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
    october = {
        "date_from": to_axis(datetime(2015, 10, 1)),
        "date_to": to_axis(datetime(2015, 11, 1)),
        "event_kind": "mentioned",
    }
    found = []
    for typed in ("القم", "القمة", "القمة"):
        with qtbot.waitSignal(win.search_applied, timeout=10_000):
            win.run_search(SearchRequest(query=typed, **october))  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: win._search_thread is None, timeout=10_000)
        assert win._search_ids is not None
        found.append(win._search_ids.tolist())
    assert len(found[-1]) == 4 and len(reads) == 1
    conn = sqlite3.connect(db)  # another program: plain sqlite3, no code of ours
    with conn:
        moved = conn.execute(
            "UPDATE events SET start = start - 365 * 86400 WHERE kind = 'mentioned'"
            " AND article_id = ?",
            [found[-1][0]],
        ).rowcount
    conn.close()
    assert moved
    with qtbot.waitSignal(win.search_applied, timeout=10_000):
        win.run_search(SearchRequest(query="القمة", **october))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: win._search_thread is None, timeout=10_000)
    assert len(reads) == 2 and win._search_ids is not None
    assert win._search_ids.tolist() == found[-1][1:]
    win.close()
    store.close()


def _sorts_held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Every article index's sort held until the event is set: still running at the
    hand-over, as a sort of millions of rows is."""
    from timeline.store import article_rows

    gate = threading.Event()
    real = article_rows._sorted

    def held(job: list) -> article_rows.Made:
        assert gate.wait(20)
        return real(job)

    monkeypatch.setattr(article_rows, "_sorted", held)
    return gate


@pytest.mark.parametrize("meanwhile", [False, True], ids=["waited", "chosen-meanwhile"])
def test_past_its_rows_the_hand_over_selects_once_the_index_has_sorted_not_by_a_pass(
    qtbot: QtBot, sample_db: Path, monkeypatch: pytest.MonkeyPatch, meanwhile: bool
) -> None:
    # At 7,604,961 events the hand-over found the list's article's rows by a pass over
    # every row while their index was sorted beside it: 11-15 ms of the GUI thread's CPU
    # and 30-40 ms of its wall time.  Past SELECT_BY_PASS_ROWS it waits for the index and
    # then selects the article the list shows, leaving the view where the hand-over put
    # it: the same event a pass finds, and an article chosen meanwhile is the one kept.
    from timeline.store.timeline_data import PUBLISHED, EventArrays
    from timeline.ui.article_model import ArticleIdRole

    monkeypatch.setattr("timeline.ui.main_window.SELECT_BY_PASS_ROWS", 0)
    gate = _sorts_held(monkeypatch)
    passes: list[int] = []
    rows_of_article = EventArrays.rows_of_article

    def watched(arrays: EventArrays, article_id: int) -> np.ndarray:
        index = arrays.article_index
        if len(arrays) and (index is None or not index.ready):  # (none before the load)
            passes.append(article_id)
        return rows_of_article(arrays, article_id)

    monkeypatch.setattr(EventArrays, "rows_of_article", watched)
    with Store(sample_db) as store:
        win = open_window(qtbot, store, article=False)
        try:
            arrays = win.timeline.arrays()
            index = arrays.article_index
            assert index is not None and index.sorting
            assert win.timeline.selected_event() is None and not passes
            home = win.timeline.viewport()
            if meanwhile:
                win.list.setCurrentIndex(win.model.index(1))  # found by a pass, as before
                assert passes and win.timeline.selected_event() is not None
            chosen = int(win.list.currentIndex().data(ArticleIdRole))
            gate.set()
            qtbot.waitUntil(lambda: index.ready and not win._select_timer.isActive())
            rows = np.flatnonzero(arrays.article_ids == chosen)
            published = rows[arrays.kinds[rows] == PUBLISHED]
            expected = int(arrays.ids[published[0] if len(published) else rows[0]])
            assert win.timeline.selected_event() == expected
            if not meanwhile:
                assert win.timeline.viewport() == home and not passes
        finally:
            gate.set()
            win.close()


def test_the_table_and_regexes_title_hits_are_found_with_are_made_by_the_search_worker(
    qtbot: QtBot, sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The table that keys a title's words (28 ms to make, once a process) was made by the
    # list's first paint after the first search, on the GUI thread: the worker makes it.
    from timeline.text import query

    made: list[tuple[bool, bool]] = []  # (on the GUI thread, after the search's hand-over)
    applied: list[int] = []
    real = query._word_keys

    def keys() -> list[int | str]:
        made.append((threading.current_thread() is threading.main_thread(), bool(applied)))
        return real()

    real.cache_clear()
    monkeypatch.setattr(query, "_word_keys", keys)
    win = open_window(qtbot, sample_store)
    win.search_applied.connect(lambda: applied.append(1))
    # So are the query's regexes (20-40 ms to compile): the finder the list makes for the
    # query on the GUI thread finds them in re's cache.
    compiled_on: list[str] = []
    compile_pattern = re._compiler.compile  # type: ignore[attr-defined]

    def compiled(pattern: str, flags: int) -> re.Pattern[str]:
        # (A word's pattern: the window compiles others, such as Qt's messages' filters.)
        if threading.current_thread() is threading.main_thread() and "[^\\W_]" in pattern:
            compiled_on.append(pattern)
        return compile_pattern(pattern, flags)

    re.purge()
    monkeypatch.setattr(re._compiler, "compile", compiled)  # type: ignore[attr-defined]
    with qtbot.waitSignal(win.search_applied, timeout=10_000):
        win.run_search(SearchRequest(query="في"))
    win.list.viewport().repaint()  # the titles' hits marked
    assert not compiled_on
    article_shown(win.detail)  # (the pane marks them in the text, on a worker)
    assert made and made[0] == (False, False)  # by the search's worker, before its hits
    win.close()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(1, 5_000), unique=True).map(sorted),
    st.frozensets(st.integers(0, 5_200)),
    st.sampled_from([np.int32, np.int64]),
    st.integers(1, 64),
)
def test_the_hidden_are_left_out_of_the_hits_in_their_order(
    hits: list[int], gone: frozenset[int], dtype: type, slice_rows: int
) -> None:
    """_left_out looks the hits up a slice at a time (its temporaries were 35 MB at a
    search's peak): the same hits as a filter by the set, in order, in their type."""
    ids = np.array(hits, dtype=dtype)
    old = workers._LEFT_OUT_SLICE
    workers._LEFT_OUT_SLICE = slice_rows
    try:
        left = workers._left_out(ids, gone)
    finally:
        workers._LEFT_OUT_SLICE = old
    assert left.tolist() == [i for i in hits if i not in gone]
    assert left.dtype == ids.dtype


def test_leaving_the_hidden_out_of_many_hits_makes_few_temporaries() -> None:
    """Beside the hits left (one copy), a slice at a time: numpy's isin made each hit
    in range 64 bits and three masks (35 MB at 2,284,773 hits, at a search's peak)."""
    import tracemalloc

    ids = np.arange(2_000_000, dtype=np.int32)
    gone = frozenset(range(7, 2_000_000, 20_000))
    tracemalloc.start()
    try:
        left = workers._left_out(ids, gone)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(left) == len(ids) - len(gone)
    assert peak < left.nbytes + 6_000_000  # the copy left, and a slice's temporaries


def test_a_search_with_each_story_once_keeps_its_hits_in_their_type(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hits as each story once, made on the search's worker, are in the hits' own
    type (32 bits from the article map of a big store): their 64-bit copy was 18 MB at
    the peak of a search with each story once at 3,880,000 articles, and the window
    kept it as its hits.  With no story of copies they are the hits themselves."""
    from timeline.ui.hit_marks import earliest_columns

    db = tmp_path / "w.db"
    Store(db).close()
    hits = np.arange(1, 3_001, dtype=np.int32)  # as the article map gives them
    monkeypatch.setattr(workers, "matching_article_ids", lambda *a, **k: hits)
    article_ids = hits.repeat(2)  # two events an article
    for earliest in ({}, {5: 1, 7: 2, 3_000: 2_999}):
        marked = workers.MarksWanted(
            object(), article_ids, (1, 3_000), (earliest, earliest_columns(earliest))
        )
        worker = SearchWorker(db, SearchRequest(query="قمة"), marked=marked)
        worker.run()
        assert worker.story_hits is not None
        shown = worker.story_hits[1]
        assert shown.tolist() == list(dict.fromkeys(earliest.get(int(i), int(i)) for i in hits))
        assert shown.dtype == np.int32
        if not earliest:
            assert shown is hits
        assert worker.marks is not None
        assert (
            np.flatnonzero(worker.marks.mask).tolist()
            == np.flatnonzero(np.isin(article_ids, shown)).tolist()
        )


def test_a_search_gives_back_what_the_window_let_go_of_before_its_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last search's hits, list order and marks, let go by the window after that
    search's worker had given its pages back, stayed resident under the next one's read
    (10-40 MB at 3,880,000 articles, at the peak of a search with each story once)."""
    db = tmp_path / "w.db"
    with Store(db) as store:
        library.import_paths(store, [jsonl(tmp_path / "a.jsonl", 5, "a")])
    done: list[str] = []
    monkeypatch.setattr(workers, "release_freed", lambda: done.append("release") or True)
    real_matching = workers.matching_article_ids

    def matching(*args: object, **kwargs: object) -> np.ndarray:
        done.append("read")
        return real_matching(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "matching_article_ids", matching)
    worker = SearchWorker(db, SearchRequest(query="عنوان"))
    found: list[object] = []
    worker.finished.connect(lambda _request, ids, _ordered: found.append(ids))
    worker.run()
    assert len(found) == 1 and len(found[0]) == 5  # type: ignore[arg-type]
    assert done[:2] == ["release", "read"]


def test_the_loader_reads_the_events_once_the_window_has_let_go_of_its_one_copy(
    qtbot: QtBot, sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each story once turned on past the room's budget: the loader reads the events
    after the window has let go of its one copy, not beside it (its new columns took
    fresh pages while the old ones' were freed: 626-638 MB at 3,880,000 articles where
    529-533 when the let-go came first), even when the GUI thread comes to it late."""
    import time

    from timeline.ui.main_window import MainWindow

    monkeypatch.setattr("timeline.ui.main_window.ROOM_BUDGET_BYTES", 0)
    win = open_window(qtbot, sample_store)
    assert win._one_copy and win._overlaid is not None
    held_at_read: list[bool] = []
    real_load = workers.load_event_arrays

    def load(*args: object, **kwargs: object) -> object:
        held_at_read.append(win._overlaid is not None)
        return real_load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "load_event_arrays", load)
    real_let_go = MainWindow._let_go_of_events

    def late(self: MainWindow, summary: object) -> None:
        time.sleep(0.3)  # a busy GUI thread
        real_let_go(self, summary)  # type: ignore[arg-type]

    monkeypatch.setattr(MainWindow, "_let_go_of_events", late)
    with qtbot.waitSignal(win.timeline_loaded, timeout=10_000):
        win.collapse_action.setChecked(True)
    assert held_at_read == [False]
    assert len(win.timeline.arrays())
    win.close()
