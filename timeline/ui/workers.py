"""Work that can take long runs off the GUI thread, each worker with its own connection."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal

from timeline import library
from timeline.store import Store, StoreError
from timeline.store.listing import in_chronological_order
from timeline.store.search import SearchError, SearchRequest, matching_article_ids
from timeline.store.timeline_data import load_event_arrays


class ImportWorker(QObject):
    """Runs library.import_paths on a QThread; the GUI only reads (DESIGN.md, rule 4)."""

    progressed = Signal(int, int, str)  # done, total, current file
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, db_path: Path, paths: list[Path | str]) -> None:
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

    def _progress(self, done: int, total: int, name: str) -> None:
        if self._cancelled:
            raise _Cancelled
        self.progressed.emit(done, total, name)


class _Cancelled(Exception):
    """Raised between files; files already imported stay imported, each one whole."""


class EventsLoader(QObject):
    """Reads every placed event into numpy arrays for the timeline (a million: ~1 s)."""

    finished = Signal(object)  # EventArrays
    failed = Signal(str)

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self._db_path = db_path

    def run(self) -> None:
        try:
            with Store(self._db_path, create=False) as store:
                arrays = load_event_arrays(store)
        except StoreError as exc:
            self.failed.emit(str(exc))
            return
        self.finished.emit(arrays)


class SearchWorker(QObject):
    """Finds the ids of every article a search request matches."""

    # SearchRequest, sorted numpy array of article ids, the same ids in list order
    finished = Signal(object, object, object)
    failed = Signal(object, str)  # SearchRequest, message

    def __init__(self, db_path: Path, request: SearchRequest) -> None:
        super().__init__()
        self._db_path = db_path
        self.request = request

    def run(self) -> None:
        try:
            with Store(self._db_path, create=False) as store:
                ids = matching_article_ids(store, self.request.query, **self.request.filters())
                # Ordered here, off the GUI thread: a common word can match most articles.
                ordered = in_chronological_order(store, ids.tolist())
        except (SearchError, StoreError) as exc:
            self.failed.emit(self.request, str(exc))
            return
        self.finished.emit(self.request, ids, ordered)


def start_in_thread(worker: ImportWorker | EventsLoader | SearchWorker, parent: QObject) -> QThread:
    """Run worker.run() on a new thread that ends when the worker finishes or fails."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: QThread.quit is thread-safe, and a queued call would wait for the GUI
    # thread's event loop, which never runs while closeEvent() waits for the thread.
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    worker.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.finished.connect(worker.deleteLater)
    thread.start()
    return thread
