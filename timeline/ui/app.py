"""Start the window: application set-up, fonts, language, and screenshots."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# Before PySide6, on purpose: once PySide6 is imported it reads the source of every
# module imported after it (its `__feature__` check: inspect.getsource of each), and
# numpy's 150 modules were 40-90 ms of CPU before the window's first frame
# (docs/decisions.md).  The window draws with numpy: only the order changes.
import numpy  # noqa: F401
from PySide6.QtCore import QElapsedTimer, QTimer

from timeline.store import Store, StoreError
from timeline.ui.application import create_application
from timeline.ui.platform_check import has_display

if TYPE_CHECKING:
    from timeline.ui.main_window import MainWindow

__all__ = ["create_application", "grab_when_settled", "run_window"]

# How often a screenshot looks whether the window has settled, and the most it waits.
_SETTLE_POLL_MS = 50
SETTLE_LIMIT_MS = 20_000


def run_window(db_path: Path, *, lang: str | None = None, screenshot: Path | None = None) -> int:
    """Open the main window on a database; with `screenshot`, save a PNG of it and exit."""
    if not has_display():
        screenshot = screenshot or Path(tempfile.gettempdir()) / "timeline-screenshot.png"
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        print("no display available: saving a screenshot instead", file=sys.stderr)
    app, _ = create_application(lang)
    try:
        store = Store(db_path, create=True)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    from timeline.ui.main_window import MainWindow  # loaded only when a window opens

    window = MainWindow(store)
    window.show()  # start-up's objects frozen out of the collector then (memory.py)
    if screenshot is not None:
        target = screenshot

        def save() -> None:
            window.grab().save(str(target))
            print(target.resolve())
            app.quit()

        grab_when_settled(window, save)
    code = app.exec()
    store.close()
    if window.abandoned_threads:
        # A worker did not stop within a second of closing (one long statement or
        # file).  Waiting would keep the user waiting; destroying its running thread
        # would abort.  Leaving now makes SQLite roll back what it had not committed.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def grab_when_settled(window: MainWindow, then: Callable[[], None]) -> None:
    """Call then() once the window shows what a user sees there: the timeline's events,
    the count, the chosen article read into the pane (MainWindow.is_settled) and the
    labels of the events in view laid out (they are otherwise laid out while idle, a
    batch at a time); after SETTLE_LIMIT_MS at most, settled or not.  A fixed delay took
    the picture before the labels and the article were in."""
    waited = QElapsedTimer()
    waited.start()

    def look() -> None:
        if window.is_settled() or waited.elapsed() >= SETTLE_LIMIT_MS:
            window.timeline.ensure_labels()
            then()
        else:
            QTimer.singleShot(_SETTLE_POLL_MS, look)

    QTimer.singleShot(_SETTLE_POLL_MS, look)
