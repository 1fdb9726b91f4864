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
from timeline.ui.platform_check import failure_needs_a_window, has_display

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from timeline.ui.main_window import MainWindow

__all__ = [
    "UpgradeProgress",
    "create_application",
    "grab_when_settled",
    "run_window",
    "show_start_failure",
]

# The most an upgrade's dialog waits to be on screen before the upgrade starts.
_EXPOSE_WAIT_MS = 500
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
        if failure_needs_a_window():
            show_start_failure(str(exc), lang)  # a repair is offered before, at start-up
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


def _start_box(message: str, lang: str | None, icon: QMessageBox.Icon) -> QMessageBox:
    """The box that says why the library could not be opened, in the interface's
    language (the application made first, with its translators)."""
    from PySide6.QtCore import QCoreApplication

    from timeline.ui.plain_text import message_box
    from timeline.ui.store_messages import for_message_box

    create_application(lang)
    text, values = for_message_box(
        QCoreApplication.translate("StartUp", "The library could not be opened:\n%1"), message
    )
    title = QCoreApplication.translate("StartUp", "News Timeline")
    return message_box(None, icon, title, text, values=values)


def show_start_failure(message: str, lang: str | None, damaged: Path | None = None) -> Path | None:
    """Say in a window why the window could not open (failure_needs_a_window): started
    from a desktop menu, a damaged or locked library printed its one line to a stderr
    no one reads, and the program seemed to do nothing.

    damaged: a library found damaged, which the box offers to repair (what `timeline
    repair` does: the readable part copied into a new library beside it, the damaged
    file left as it is); the repaired library, when the user opens it, else None."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    box = _start_box(message, lang, QMessageBox.Icon.Critical)
    repair = None
    if damaged is not None:
        # The message says what Repair does (store_messages): said again below it, the
        # box said one sentence twice.
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        repair = box.addButton(
            QCoreApplication.translate("StartUp", "Repair…"), QMessageBox.ButtonRole.AcceptRole
        )
        box.setDefaultButton(repair)
    box.exec()
    if damaged is None or box.clickedButton() is not repair:
        return None
    from timeline.ui.repair_window import repair_in_a_window

    return repair_in_a_window(damaged)


def ask_to_try_again(message: str, lang: str | None) -> bool:
    """Say in a window that the library is locked by another program writing it (an
    import of a large file holds it alone: store.held_alone) and offer to try again;
    whether the user asked to.  Started from a desktop menu during such an import, the
    program could only say so and end."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    box = _start_box(message, lang, QMessageBox.Icon.Warning)
    box.setInformativeText(
        QCoreApplication.translate(
            "StartUp", "An import of a large file holds the library alone until it has finished."
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    again = box.addButton(
        QCoreApplication.translate("StartUp", "&Try again"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(again)
    box.exec()
    return box.clickedButton() is again


class UpgradeProgress:
    """Progress for a store's upgrade that runs before the window opens, in a window.

    An upgrade that rebuilds an index of a large library takes seconds (tens at ten
    million events); started from a desktop menu the program otherwise showed nothing
    until it was done.  The application is made first (run_window makes it again,
    translators and all, without doubling them); the dialog appears at the first step
    and goes at the last, or at finish().
    """

    def __init__(
        self, lang: str | None, also: Callable[[int, int, str], None] | None = None
    ) -> None:
        self._app, _ = create_application(lang)
        self._box: QProgressDialog | None = None
        self._also = also  # the terminal's progress, told each step as well

    def __call__(self, done: int, total: int, what: str) -> None:
        if self._also is not None:
            self._also(done, total, what)
        box = self._box or self._open()
        box.setRange(0, max(total, 1))
        box.setValue(min(done, total))
        box.repaint()  # now: the next step blocks the thread again
        if done >= total:
            self.finish()
        self._app.processEvents()

    def _open(self) -> QProgressDialog:
        from PySide6.QtCore import QCoreApplication, Qt
        from PySide6.QtWidgets import QProgressDialog

        from timeline.ui.plain_text import plain_label

        box = QProgressDialog()
        box.setObjectName("upgradeProgress")
        text = QCoreApplication.translate(
            "Upgrade", "Upgrading the library for this version of the program…"
        )
        box.setLabel(plain_label(box, text))
        box.setWindowTitle(QCoreApplication.translate("Upgrade", "News Timeline"))
        box.setCancelButton(None)  # an upgrade is one transaction: it ends or rolls back
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.setMinimumDuration(0)
        box.setAutoClose(False)
        box.setAutoReset(False)
        self._box = box
        return box

    def begin(self) -> None:
        """Show the dialog, busy, before the upgrade's first step is told."""
        box = self._box or self._open()
        box.setRange(0, 0)
        box.show()
        # The upgrade blocks this thread next: wait (briefly) for the window system to
        # map the dialog and paint it once, or it stays an empty frame until the end.
        timer = QElapsedTimer()
        timer.start()
        handle = box.windowHandle()
        while timer.elapsed() < _EXPOSE_WAIT_MS and not (handle and handle.isExposed()):
            self._app.processEvents()
            handle = box.windowHandle()
        box.repaint()
        self._app.processEvents()

    def shown(self) -> bool:
        return self._box is not None and self._box.isVisible()

    def finish(self) -> None:
        if self._box is not None:
            self._box.close()
            self._box.deleteLater()
            self._box = None


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
