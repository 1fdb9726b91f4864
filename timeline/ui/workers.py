"""Import files off the GUI thread, through a write connection of the worker's own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from timeline import library
from timeline.store import Store, StoreError


class ImportWorker(QObject):
    """Runs library.import_paths on a QThread; the GUI only reads (DESIGN.md, rule 4)."""

    progressed = Signal(int, int, str)  # done, total, current file
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, db_path: Path, paths: list[Path]) -> None:
        super().__init__()
        self._db_path = db_path
        self._paths = paths
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        try:
            with Store(self._db_path) as store:
                report = library.import_paths(store, self._paths, progress=self._progress)
        except StoreError as exc:
            self.failed.emit(str(exc))
            return
        except _Cancelled:
            self.failed.emit("cancelled")
            return
        self.finished.emit(report)

    def _progress(self, done: int, total: int, path: Path) -> None:
        if self._cancelled:
            raise _Cancelled
        self.progressed.emit(done, total, path.name)


class _Cancelled(Exception):
    """Raised between files; files already imported stay imported, each one whole."""


def start_import(worker: ImportWorker, parent: QObject) -> QThread:
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    worker.failed.connect(thread.quit)
    thread.finished.connect(worker.deleteLater)
    thread.start()
    return thread
