"""Undo and redo of the user's edits: one QUndoCommand per edit, across the session.

Edits are written on a thread of their own with its own connection (DESIGN.md rule 4:
the GUI thread only reads).  One writer takes the jobs in the order they were asked
for, so an edit, its undo and its redo reach the store in the order the user made them.
A job that fails (a locked, damaged or read-only store) changes nothing: the window
says why in one line and the view stays as it was.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEvent,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
)
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from timeline import edits
from timeline.store import Store, StoreError, said
from timeline.store import edits as user_edits
from timeline.store.edits import Change
from timeline.store.store import damaged_message
from timeline.ui.memory import settle_collector
from timeline.ui.workers import release_ended

Action = Callable[[Store], list[Change]]
# A write still running this long is said (EditController.writing): most edits are
# written in a few milliseconds, a correction of a long text's publication date in
# seconds (its mentions found again: 1.9 s of the writer's for a text of 10 MB).
SLOW_WRITE_MS = 300
# Posted to the controller at low priority: what waits for an edit's frame (after_frame).
_AFTER_FRAME = QEvent.Type(QEvent.registerEventType())


class EditCommand(QUndoCommand):
    """An edit already written: redo writes its rows as they became, undo as they were."""

    def __init__(self, controller: EditController, text: str, changes: Sequence[Change]) -> None:
        super().__init__(text)
        self._controller = controller
        self.changes = list(changes)
        # QUndoStack.push calls redo(): the first one is done already.  Also set when a
        # write failed and the stack is stepped back to where the store still is.
        self.skip_next = True

    def redo(self) -> None:
        if self.skip_next:
            self.skip_next = False
            return
        self._controller.write(self, "redo")

    def undo(self) -> None:
        if self.skip_next:
            self.skip_next = False
            return
        self._controller.write(self, "undo")


class EditJob(QObject):
    """One edit, undo or redo, written on a thread of its own with its own connection.

    The result (Changes) or the failure (one line) is left on the job for the
    controller to read when the thread has finished.
    """

    done = Signal()

    def __init__(
        self,
        db_path: Path,
        read_only: str | None,
        action: Action,
        damage: str | None = None,
    ) -> None:
        super().__init__()
        self._db_path = db_path
        self._read_only = read_only
        self._action = action
        self._damage = damage  # what the window's connection found damaged, if anything
        self.changes: list[Change] = []
        self.rows: user_edits.StoredRows | None = None  # the redated articles' rows
        self.failure: str | None = None

    def run(self) -> None:
        if self._damage is not None:  # a damaged store takes no writes (store.py)
            self.failure = damaged_message(self._db_path, self._damage)
            self.done.emit()
            return
        if self._read_only is not None:  # why the window's store is: said as it was found
            self.failure = said("read_only", path=self._db_path, reason=self._read_only)
            self.done.emit()
            return
        try:
            # No quick_check: the window checked the file when it opened it, and a
            # checkpoint's new mtime would make every later edit read the whole file.
            with Store(self._db_path, create=False, check=False) as store:
                # The edit shown without waiting for the disk's flush (30-250 ms busy).
                user_edits.commit_without_flush(store)
                self.changes = self._action(store)
                # Mentions written again (a publication date): their rows read here, for
                # the window's patch; a long text's took 26-50 ms on the GUI thread.
                self.rows = user_edits.redated_rows(store, self.changes)
        except (edits.EditError, StoreError, sqlite3.Error) as exc:
            text = str(exc).strip()
            self.failure = text.splitlines()[0] if text else type(exc).__name__
        except Exception as exc:  # every failure must reach the window
            self.failure = f"{type(exc).__name__}: {exc}"
        self.done.emit()


class EditController(QObject):
    """Runs the window's edits through timeline.edits, one writer thread at a time.

    edited(changes) is emitted after every edit, undo and redo has been written, for the
    views to show it; edit_failed(what, why) when one could not be (nothing changed);
    settled when no job is left waiting; writing(what) when a job has run SLOW_WRITE_MS
    and goes on, for the window to say it is being written.
    """

    edited = Signal(object)  # list[Change]: what was written (undo: the same rows back)
    edit_failed = Signal(str, str)  # the edit's name, why it was not written
    settled = Signal()
    writing = Signal(str)  # the name of an edit, undo or redo still being written

    def __init__(self, store: Store, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.stack = QUndoStack(self)
        self._queue: deque[tuple[str, str, EditCommand | None, Action]] = deque()
        self._thread: QThread | None = None
        self._job: EditJob | None = None
        self._running: tuple[str, str, EditCommand | None] | None = None
        self._after_frame: dict[str, Callable[[], object]] = {}
        self._frame_event_posted = False
        # Why the window's own long write (an import, a recompute) holds the store now,
        # or None: an edit asked for meanwhile is refused at once with it.
        self.held_by: Callable[[], str | None] | None = None
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(SLOW_WRITE_MS)
        self._slow.timeout.connect(self._still_writing)
        # While edited is emitted: the rows of the articles whose mentions the edit wrote
        # again, as its writer read them after (StoredRows), or None.
        self.rows: user_edits.StoredRows | None = None
        # An edit written and not yet shown (show_later): the next job waits for it.
        self._showing = False

    @property
    def busy(self) -> bool:
        """Jobs asked for and not yet written (or failed) or shown."""
        return self._running is not None or self._showing or bool(self._queue)

    def show_later(self) -> None:
        """Said while edited is emitted: the edit is shown once a worker of the window
        has made its arrays (a long article's splice), which then calls shown().  Until
        then the next job waits: its patch is made from the arrays of this one."""
        self._showing = True

    def shown(self) -> None:
        """The edit said show_later is shown: the next job goes."""
        if not self._showing:
            return
        self._showing = False
        self._start_next()
        self._post_after_frame()
        if not self.busy:
            self.settled.emit()

    def running_thread(self) -> QThread | None:
        return self._thread

    def run(self, text: str, action: Action) -> None:
        """Ask for an edit; it is pushed on the stack once written."""
        self._ask("edit", text, None, action)

    def warm(self) -> None:
        """Have the writer load and compile what a first edit would, while the window
        is idle (edits.warm_up).

        The date rules build their tables and compile their patterns on first use (13
        ms on the writer thread at the first correction, 150 ms in a cold process, 650
        ms once the user's pattern cache had been emptied), and a store loads
        sqlite-utils on its first write (160 ms at the first correction, measured):
        done now, no edit pays them.  Nothing is written, and an edit asked for
        meanwhile waits for it.  Once it is done the objects made so far are moved out
        of the garbage collector's reach (memory.settle_collector)."""
        self._ask("warm", "", None, _warm_up)

    def after_frame(self, key: str, call: Callable[[], object]) -> None:
        """Call `call` once the window has painted what is asked of it now: after the
        widgets' update requests, which Qt posts at low priority (one call per key, the
        last asked).

        An edit's frame first, then what can wait: a worker started at once (the detail
        pane's read of the next article after a hide, or of the edited one) takes the
        GIL from the GUI thread in 5 ms slices while the frame is built.  An edit asked
        for before the call comes goes first too: the call waits for its frame."""
        if not self._frame_event_posted:
            self._frame_event_posted = True
            QCoreApplication.postEvent(
                self, QEvent(_AFTER_FRAME), Qt.EventPriority.LowEventPriority.value
            )
        self._after_frame[key] = call

    def drop_after_frame(self, key: str) -> None:
        """Forget the call asked for under key (done otherwise since)."""
        self._after_frame.pop(key, None)

    def event(self, event: QEvent) -> bool:
        if event.type() == _AFTER_FRAME:
            self._frame_event_posted = False
            if self.busy:
                # Another edit asked for since (an undo after an undo, as fast as the user
                # presses Ctrl+Z): its frame first.  Started now, the pane's read (a
                # worker taking the GIL in 5 ms slices) ran while that edit was written
                # and shown: bench/edits.py's undos, each asked for as soon as the one
                # before was painted, all met it.  The calls wait for the jobs' frames
                # (_job_ended posts them again); the next edit's own call under the same
                # key replaces the one kept.
                return True
            calls, self._after_frame = self._after_frame, {}
            for call in calls.values():
                call()
            return True
        return super().event(event)

    def _post_after_frame(self) -> None:
        """The calls kept while edits were written run after the frame asked for now."""
        if self._after_frame and not self._frame_event_posted and not self.busy:
            self._frame_event_posted = True
            QCoreApplication.postEvent(
                self, QEvent(_AFTER_FRAME), Qt.EventPriority.LowEventPriority.value
            )

    def write(self, command: EditCommand, how: str) -> None:
        """Write an undo or redo of a command already on the stack."""
        changes = command.changes
        if how == "undo":
            self._ask(how, command.text(), command, lambda s: _undone(s, changes))
        else:
            self._ask(how, command.text(), command, lambda s: _redone(s, changes))

    def _ask(self, how: str, text: str, command: EditCommand | None, action: Action) -> None:
        self._queue.append((how, text, command, action))
        self._start_next()

    def _start_next(self) -> None:
        if self._thread is not None or self._showing or not self._queue:
            return
        how, text, command, action = self._queue.popleft()
        held = self.held_by() if how != "warm" and self.held_by is not None else None
        if held:
            # The window's own import or recompute holds the write lock for as long as
            # it runs: the edit would wait 5 s and then blame "another program".
            self._failed(how, text, command, held)
            self._start_next()
            return
        self._running = (how, text, command)
        job = EditJob(self.store.path, self.store.read_only, action, self.store.damage)
        thread = QThread(self)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        # Direct: quit is thread-safe; the GUI thread reads the job once the thread ended.
        job.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._job_ended)
        self._job, self._thread = job, thread
        thread.start()
        if how != "warm":
            self._slow.start()

    def _still_writing(self) -> None:
        if self._running is not None:
            self.writing.emit(self._running[1])

    def _job_ended(self) -> None:
        self._slow.stop()
        job, thread, running = self._job, self._thread, self._running
        self._job = self._thread = self._running = None
        # It has returned before the job's wrapper goes (and deletes the job, on this
        # thread: see workers.release_ended).
        release_ended(thread)
        if job is not None and running is not None:
            how, text, command = running
            if how == "warm":
                # Nothing written, nothing to say (a failure shows on the next edit).
                settle_collector()
            elif job.failure is not None:
                self._failed(how, text, command, job.failure)
            else:
                self.rows = job.rows
                try:
                    self._written(how, text, job.changes)
                finally:
                    self.rows = None  # of this edit only: the next one's store differs
        self._start_next()
        self._post_after_frame()
        if not self.busy:
            self.settled.emit()

    def _written(self, how: str, text: str, changes: list[Change]) -> None:
        if how == "edit" and changes:
            self.stack.push(EditCommand(self, text, changes))
        if changes:
            self.edited.emit(changes)

    def _failed(self, how: str, text: str, command: EditCommand | None, message: str) -> None:
        # The stack moved before the write was tried: step it back to where the store is.
        if command is not None and how == "undo" and self._next_redo() is command:
            command.skip_next = True
            self.stack.redo()
        elif command is not None and how == "redo" and self._last_done() is command:
            command.skip_next = True
            self.stack.undo()
        self.edit_failed.emit(text, message)

    def _next_redo(self) -> QUndoCommand | None:
        return self.stack.command(self.stack.index())

    def _last_done(self) -> QUndoCommand | None:
        return self.stack.command(self.stack.index() - 1) if self.stack.index() else None

    def wait_written(self, timeout_ms: int = 10_000, *, after_frame: bool = True) -> bool:
        """Let the jobs asked for be written and shown (closing, tests, benches); False
        on timeout.  after_frame: what waits for their frame is run too (else it runs
        with the next events, as after a paint: a bench timing the frame)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self.busy and not deadline.hasExpired():
            QCoreApplication.processEvents()
            QThread.msleep(1)
        if after_frame and self._after_frame:
            QCoreApplication.sendPostedEvents(self, _AFTER_FRAME)
        return not self.busy


def _undone(store: Store, changes: list[Change]) -> list[Change]:
    edits.undo(store, changes)
    return [c.inverse() for c in reversed(changes)]


def _redone(store: Store, changes: list[Change]) -> list[Change]:
    edits.redo(store, changes)
    return list(changes)


def _warm_up(store: Store) -> list[Change]:
    edits.warm_up(store)  # what the first edit loads and compiles, now (nothing written)
    return []
