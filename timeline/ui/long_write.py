"""A long write of the store the window runs on a worker thread, with a progress dialog
that can cancel it (File > Recompute dates, Edit > Remove)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread
from PySide6.QtWidgets import QProgressDialog

from timeline.ui.plain_text import plain_label
from timeline.ui.workers import RecomputeWorker, RemoveWorker, release_ended, start_in_thread

if TYPE_CHECKING:
    from timeline.ui.main_window import MainWindow


# A worker that writes the store: cancellable, says how far it is (progressed: done,
# total), what it did (finished: a count) or why it did nothing (failed: a message).
StoreWriter = RecomputeWorker | RemoveWorker


class LongWrite(QObject):
    """Runs one StoreWriter at a time for the window; subclasses ask and report."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.worker: StoreWriter | None = None
        self._thread: QThread | None = None
        self._progress: QProgressDialog | None = None

    def running_thread(self) -> QThread | None:
        return self._thread

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _run(self, worker: StoreWriter, label: str, title: str) -> None:
        """Start the worker with a window-modal progress dialog (shown after 0.3 s);
        nothing while one runs."""
        if self._thread is not None:
            return
        progress = QProgressDialog(self.window)
        progress.setLabel(plain_label(progress, label))
        progress.setCancelButtonText(self.tr("Cancel"))
        progress.setRange(0, 0)
        progress.setWindowTitle(title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        # Direct: the worker's thread runs no event loop while it writes.
        progress.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
        worker.progressed.connect(self._progressed)
        worker.finished.connect(self._finished)
        worker.failed.connect(self._failed)
        self._progress = progress
        self.worker = worker
        self._thread = start_in_thread(worker, self, ended=self._ended)

    def _progressed(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    def _finished(self, count: int) -> None:
        raise NotImplementedError

    def _failed(self, message: str) -> None:
        raise NotImplementedError

    def _ended(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        release_ended(self._thread)
        self._thread = None
        self.worker = None
