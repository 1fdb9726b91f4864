"""Undo and redo of the user's edits: one QUndoCommand per edit, across the session."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from timeline import edits
from timeline.store import Store, StoreError
from timeline.store.edits import Change
from timeline.ui.plain_text import message_box


class EditCommand(QUndoCommand):
    """An edit already written: redo writes its rows as they became, undo as they were."""

    def __init__(self, controller: EditController, text: str, changes: Sequence[Change]) -> None:
        super().__init__(text)
        self._controller = controller
        self._changes = list(changes)
        self._written = True  # QUndoStack.push calls redo(): the first one is done already

    def redo(self) -> None:
        if self._written:
            self._written = False
            return
        self._controller.write(lambda store: edits.redo(store, self._changes))

    def undo(self) -> None:
        self._controller.write(lambda store: edits.undo(store, self._changes))


class EditController(QObject):
    """Runs the window's edits through timeline.edits and keeps them on a QUndoStack.

    edited is emitted after every edit, undo and redo, for the views to show it.
    """

    edited = Signal()

    def __init__(self, store: Store, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.stack = QUndoStack(self)
        self._parent = parent

    def run(self, text: str, action: Callable[[Store], list[Change]]) -> bool:
        """Make an edit; False (and a message) when it could not be made or changed nothing."""
        try:
            changes = action(self.store)
        except (edits.EditError, StoreError) as exc:
            message_box(self._parent, QMessageBox.Icon.Warning, text, str(exc)).open()
            return False
        if not changes:
            return False
        self.stack.push(EditCommand(self, text, changes))
        self.edited.emit()
        return True

    def write(self, action: Callable[[Store], None]) -> None:
        try:
            action(self.store)
        except StoreError as exc:
            message_box(self._parent, QMessageBox.Icon.Warning, self.tr("Undo"), str(exc)).open()
            return
        self.edited.emit()
