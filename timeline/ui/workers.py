"""Work that can take long runs off the GUI thread, each worker with its own connection.

Every worker ends by emitting `finished` or `failed`, whatever goes wrong inside it: a
worker that died silently would leave its thread running, later work ignored and the
window unable to close.
"""

from __future__ import annotations

import inspect
import sqlite3
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal

from timeline import library
from timeline.store import Store, StoreError
from timeline.store.edits import with_user_text_matches
from timeline.store.listing import in_chronological_order
from timeline.store.search import (
    SearchError,
    SearchRequest,
    matching_article_ids,
    spelling_suggestions,
)
from timeline.store.timeline_data import load_event_arrays

# What a damaged, locked or vanished store raises on a read (StoreError where the store
# recognizes it, sqlite3's own errors where it does not).
STORE_ERRORS = (StoreError, sqlite3.Error)


def describe_failure(exc: BaseException) -> str:
    """One line saying why something failed, for a reader rather than a programmer."""
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "too large to read in the memory available"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _report_unexpected(exc: BaseException) -> None:
    # A programming error must stay visible to whoever runs the program from a terminal.
    traceback.print_exception(exc, limit=-8)


class ImportWorker(QObject):
    """Runs library.import_paths on a QThread; the GUI only reads (DESIGN.md, rule 4).

    Cancelling stops the current file at its next write: the store's connection is
    interrupted, the file's transaction rolls back, and no later file is started.
    """

    progressed = Signal(int, int, str)  # done, total, current file
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    CANCELLED = "cancelled"

    def __init__(self, db_path: Path, paths: list[Path | str]) -> None:
        super().__init__()
        self._db_path = db_path
        self._paths = paths
        self._cancelled = False
        self._current = ""

    def cancel(self) -> None:
        self._cancelled = True

    def is_cancelled(self) -> bool:
        return self._cancelled

    def run(self) -> None:
        try:
            with Store(self._db_path) as store:
                # Checked by SQLite every 1,000 virtual-machine steps of a statement;
                # non-zero aborts the statement ("interrupted") and the file rolls back.
                store.db.conn.set_progress_handler(lambda: int(self._cancelled), 1000)
                options = {}
                if "cancelled" in inspect.signature(library.import_paths).parameters:
                    options["cancelled"] = self.is_cancelled
                report = library.import_paths(
                    store, self._paths, progress=self._progress, **options
                )
        except _Cancelled:
            self.failed.emit(self.CANCELLED)
            return
        except Exception as exc:  # every failure must reach the window
            if self._cancelled:
                self.failed.emit(self.CANCELLED)
                return
            if not isinstance(exc, STORE_ERRORS):
                _report_unexpected(exc)
            where = f"{self._current}: " if self._current else ""
            self.failed.emit(f"{where}{describe_failure(exc)}")
            return
        if self._cancelled:
            # Cancelled after the last write: what was imported stays, each file whole.
            self.failed.emit(self.CANCELLED)
            return
        self.finished.emit(report)

    def _progress(self, done: int, total: int, name: str) -> None:
        if self._cancelled:
            raise _Cancelled
        self._current = name
        self.progressed.emit(done, total, name)


class _Cancelled(Exception):
    """Raised between files when the import was cancelled."""


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
        except Exception as exc:  # every failure must reach the window
            if not isinstance(exc, STORE_ERRORS):
                _report_unexpected(exc)
            self.failed.emit(describe_failure(exc) if not isinstance(exc, StoreError) else str(exc))
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
        # Set before finished is emitted: the nearest spellings when nothing matched.
        self.suggestions: tuple[str, ...] = ()

    def run(self) -> None:
        try:
            with Store(self._db_path, create=False) as store:
                ids = matching_article_ids(store, self.request.query, **self.request.filters())
                # The user's notes and tags find their articles too (timeline/store/edits.py).
                ids = with_user_text_matches(store, self.request.query, ids, self.request.filters())
                if not len(ids) and self.request.query.strip():
                    self.suggestions = spelling_suggestions(store, self.request.query)
                # Ordered here, off the GUI thread: a common word can match most articles.
                ordered = in_chronological_order(store, ids.tolist())
        except (SearchError, StoreError) as exc:
            self.failed.emit(self.request, str(exc))
            return
        except Exception as exc:  # every failure must reach the window
            if not isinstance(exc, STORE_ERRORS):
                _report_unexpected(exc)
            self.failed.emit(self.request, describe_failure(exc))
            return
        self.finished.emit(self.request, ids, ordered)


def start_in_thread(worker: ImportWorker | EventsLoader | SearchWorker, parent: QObject) -> QThread:
    """Run worker.run() on a new thread that ends when the worker finishes or fails."""
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: QThread.quit is thread-safe, and a queued call would wait for the GUI
    # thread's event loop, which does not run while closeEvent() waits for the thread.
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    worker.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.finished.connect(worker.deleteLater)
    thread.start()
    return thread
