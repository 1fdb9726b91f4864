"""File > Recompute dates: every article's dates and events read again with this
version's rules (`timeline recompute` in the window).

One transaction on a worker thread with its own connection, the dates read by the
import's worker processes: cancelled or failed, the store keeps the events it had.
The user's corrections are stored apart and laid over the new events as before.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox

from timeline.ui.date_text import counted
from timeline.ui.long_write import LongWrite
from timeline.ui.plain_text import message_box
from timeline.ui.store_messages import for_message_box
from timeline.ui.workers import RecomputeWorker


class WindowRecompute(LongWrite):
    """The window's File > Recompute dates: asks, runs, reports.  Also the articles whose
    text another program changed, read again unasked (MainWindow.date_changed_articles)."""

    done = Signal(int)  # articles read again (after the window has reloaded)
    _changed_only = False
    _given_only = False

    def ask(self) -> None:
        """Ask first (a long write of the whole store), then start."""
        w = self.window
        held = w.store_held_by()  # an import, or this
        if held:
            w.statusBar().showMessage(self.tr("Not started: %1").replace("%1", held), 10_000)
            return
        box = message_box(
            w,
            QMessageBox.Icon.Question,
            self.tr("Recompute dates"),
            self.tr(
                "Read every article's dates and events again with this version's rules?"
                " Your corrections are kept. It writes the whole store at once: cancelled,"
                " nothing is changed."
            ),
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        box.accepted.connect(self.start)
        box.open()

    def start(self, *, changed_only: bool = False, given_only: bool = False) -> None:
        """Read every article's dates again; changed_only: only those of the articles
        whose text another program changed, and of those whose publication date an
        earlier version corrected without dating their text from it (unasked: the
        window starts it when it sees them, and a dialog shows only past 0.3 s);
        given_only says there are only the latter, for the words shown."""
        w = self.window
        if self._thread is not None:
            return
        self._changed_only = changed_only
        self._given_only = changed_only and given_only
        if self._given_only:
            label = self.tr("Dating the text of the articles whose publication date you gave…")
        elif changed_only:
            label = self.tr("Reading the dates of the articles changed by another program…")
        else:
            label = self.tr("Reading the dates again…")
        self._run(
            RecomputeWorker(w.store.path, changed_only=changed_only),
            label,
            self.tr("Recompute dates"),
        )

    def _finished(self, done: int) -> None:
        w = self.window
        w.reload()
        if self._given_only:
            said = self.tr(
                "The text of %n article(s) is dated from the publication date you gave",
                "",
                done,
            )
        elif self._changed_only:
            said = self.tr(
                "Another program changed %n article(s): their dates were read again", "", done
            )
        else:
            said = self.tr("The dates of %n article(s) were read again", "", done)
        w.statusBar().showMessage(counted(said, done, w.timeline.label_style()), 10_000)
        self.done.emit(done)

    def _failed(self, message: str) -> None:
        w = self.window
        if message == RecomputeWorker.CANCELLED:
            w.statusBar().showMessage(self.tr("Recompute cancelled: nothing was changed"), 10_000)
            return
        text, values = for_message_box(
            self.tr("The dates were not read again; nothing was changed: %1"), message
        )
        message_box(
            w, QMessageBox.Icon.Warning, self.tr("Recompute dates"), text, values=values
        ).open()
