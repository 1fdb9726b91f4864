"""Noticing what another program writes to the window's library.

A user runs `timeline import` (or `remove`, `edit`, `recompute`) in a terminal, or a
second window, while this window is open on the same library: without a look the window
went on showing what it read at start until it was opened again.  SQLite says cheaply
whether another connection has committed since (`PRAGMA data_version`, a few
microseconds, no read of the tables), so the window asks every WATCH_MS.

The window's own writes (an import, a recompute, a removal, an edit) run on their own
connections, so they change the number too: while one runs the watcher waits, and after
it the window shows the store anew itself (reload) or has shown what the edit changed,
and says so (shown, own_write_done).  A change another program commits while one of the
window's own writes runs is told with the next change after it, or at the next reload.

A long import in another program commits file by file: the window is told once the
changes have paused for a look (a quiet WATCH_MS), or every SETTLE_MAX_S while they go
on, not at every file (a reload reads the list, the counts and the timeline again).

The file itself may go: deleted, or a new library made at its path (a user starting
over from a terminal).  The window's connection still reads the old file, while its
writers open the path anew and would write into the other one; the watcher compares
the file at the path with the one opened (device and inode) at each look and says once
that it was replaced.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from timeline.store import Store

WATCH_MS = 2_000
SETTLE_MAX_S = 10.0


def file_identity(path: Path) -> tuple[int, int] | None:
    """The file at path as the system knows it (device, inode), or None if there is none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


class StoreWatcher(QObject):
    """Emits changed when another program has committed to the store and the changes
    have settled; waits while busy() is true (the window's own write, a dialog open).
    Emits replaced once, and looks no more, when the file at the store's path is no
    longer the one opened."""

    changed = Signal()
    replaced = Signal()

    def __init__(
        self,
        store: Store,
        busy: Callable[[], bool],
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._busy = busy
        self._clock = clock
        self._seen = store.data_version()
        self._pending_since: float | None = None  # a change seen and not yet told
        self._identity = file_identity(store.path)
        self.file_replaced = False  # said once: the window no longer reads the path's file
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        if not self.file_replaced:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def pending(self) -> bool:
        """A change by another program seen and not yet told."""
        return self._pending_since is not None

    def shown(self) -> None:
        """The window has just read the store anew: what it holds now is shown."""
        self._seen = self._store.data_version()
        self._pending_since = None

    def own_write_done(self) -> None:
        """The window's own write has ended and is shown; a change seen before it is
        still to be told."""
        version = self._store.data_version()
        if version is not None:
            self._seen = version

    def across_reconnect(self, reconnect: Callable[[], bool]) -> bool:
        """Run the store's reconnect (what it returns returned) and look from the new
        connection on.  data_version counts per connection: the new one's number was
        compared with the old one's, which the window's own edits had moved, and a file
        dialog after an edit said "changed by another program" and read the whole window
        again.  A change the old connection had seen is still told."""
        version = self._store.data_version()
        if version is not None and version != self._seen and not self._busy():
            self._seen = version
            if self._pending_since is None:
                self._pending_since = self._clock()
        if not reconnect():
            return False
        version = self._store.data_version()
        if version is not None:
            self._seen = version
        return True

    def check(self) -> None:
        """Look once (the timer's tick; tests call it)."""
        if self.file_replaced:
            return
        if file_identity(self._store.path) != self._identity:
            self.file_replaced = True
            self.stop()
            self.replaced.emit()
            return
        if self._busy():  # its end is shown (shown, own_write_done) before busy is false
            return
        version = self._store.data_version()
        if version is None:  # held alone by a writer for now: look again later
            return
        now = self._clock()
        if version != self._seen:
            self._seen = version
            if self._pending_since is None:
                self._pending_since = now
            if now - self._pending_since < SETTLE_MAX_S:
                return  # still changing, or just changed: told after a quiet look
        if self._pending_since is None:
            return
        self._pending_since = None
        self.changed.emit()
