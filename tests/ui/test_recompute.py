"""File > Recompute dates: the events read again on a worker, or nothing changed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import SAMPLES
from tests.ui.waiting import open_window
from timeline import library
from timeline.store import Store
from timeline.store import edits as user_edits
from timeline.ui.article_model import ArticleIdRole
from timeline.ui.main_window import MainWindow


def _mentions(store: Store) -> int:
    return int(
        store.conn.execute("SELECT count(*) FROM events WHERE kind != 'published'").fetchone()[0]
    )


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    store = Store(tmp_path / "r.db")
    library.import_paths(store, [SAMPLES])
    win = open_window(qtbot, store)
    win.mentions_before = _mentions(store)  # type: ignore[attr-defined]
    # As if an older version's rules had found none of them.
    with store.transaction():
        store.conn.execute("DELETE FROM events WHERE kind != 'published'")
    return win


def test_recompute_asks_then_reads_every_date_again(window: MainWindow, qtbot: QtBot) -> None:
    assert _mentions(window.store) == 0 and window.mentions_before > 0  # type: ignore[attr-defined]
    chosen = window.store.chronological_ids()[3]
    window.select_article(chosen)
    window.recompute_action.trigger()
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    with qtbot.waitSignal(window.recompute.done, timeout=30_000) as done:
        box.button(QMessageBox.StandardButton.Ok).click()
    assert done.args == [len(window.store.article_ids())]
    assert _mentions(window.store) == window.mentions_before  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.recompute.running_thread() is None)
    assert "read again" in window.statusBar().currentMessage()
    # The list, read again, keeps its place.
    assert window.list.currentIndex().data(ArticleIdRole) == chosen


def test_a_cancelled_recompute_changes_nothing(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, go_on = threading.Event(), threading.Event()
    real = library.recompute_events

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        go_on.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(library, "recompute_events", held)
    window.recompute.start()
    assert started.wait(10)
    window.recompute.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: window.recompute.running_thread() is None, timeout=30_000)
    assert _mentions(window.store) == 0  # rolled back: the events it had
    assert "nothing was changed" in window.statusBar().currentMessage()


def test_an_import_waits_for_a_recompute(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    go_on = threading.Event()
    real = library.recompute_events

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        go_on.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(library, "recompute_events", held)
    window.recompute.start()
    window.import_paths([SAMPLES])
    assert window._import_thread is None  # refused: no import started
    assert "being read again" in window.statusBar().currentMessage()
    window.recompute.ask()  # a second one is refused too, saying why
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert "being read again" in window.statusBar().currentMessage()
    # An edit is refused at once, saying why (it waited 5 s for the lock, then blamed
    # "another program").
    chosen = window.store.chronological_ids()[0]
    window.select_article(chosen)
    window.edits.hide_article()
    assert window.edits.controller.wait_written(5_000)
    assert "being read again" in window.statusBar().currentMessage()
    go_on.set()
    qtbot.waitUntil(lambda: window.recompute.running_thread() is None, timeout=30_000)
    assert chosen not in user_edits.hidden_article_ids(window.store)
