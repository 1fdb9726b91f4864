"""Waiting in UI tests for what the window reads on worker threads."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import numpy as np
import pytest
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from timeline.store import Store
from timeline.ui.detail_pane import DetailPane

if TYPE_CHECKING:
    from timeline.ui.main_window import MainWindow


def article_shown(pane: DetailPane, timeout: float = 10.0) -> None:
    """Wait until the detail pane shows the article last chosen (read on a worker)."""
    deadline = time.monotonic() + timeout
    while pane.is_loading():
        assert time.monotonic() < deadline, "the chosen article was never shown"
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.002)


def open_window(
    qtbot: QtBot, store: Store, *, article: bool = True, size: tuple[int, int] = (1200, 800)
) -> MainWindow:
    """A main window on `store`, shown at `size` (1200x800) with its timeline loaded and
    its articles counted; with `article`, also the first article read into the detail
    pane."""
    from timeline.ui.main_window import MainWindow

    win = MainWindow(store)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
    try:
        qtbot.waitUntil(win.articles_counted, timeout=10_000)  # counted on a worker
    except Exception as exc:  # say what the window was waiting for (a rare flake)
        state = {
            "total": win._article_total,
            "counter_running": win._counter_thread is not None,
            "recount": win._recount,
            "store_failure": win.store_failure,
            "status": win.statusBar().currentMessage(),
        }
        raise AssertionError(f"the articles were never counted: {state}") from exc
    if article:
        article_shown(win.detail)
    return win


def marks_made_on_the_gui_thread(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """A list that records, for each pass that makes a search's marks on the timeline's
    events (hit_marks.rows_of_articles), whether the GUI thread made it."""
    import threading

    from timeline.ui import hit_marks, timeline_view

    made_on: list[bool] = []
    rows_of = hit_marks.rows_of_articles

    def watched(*args: object, **kwargs: object) -> np.ndarray:
        made_on.append(threading.current_thread() is threading.main_thread())
        return rows_of(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(hit_marks, "rows_of_articles", watched)
    monkeypatch.setattr(timeline_view, "_of_articles", watched)
    return made_on
