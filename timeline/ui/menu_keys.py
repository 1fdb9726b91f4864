"""Keys that open menus whatever the keyboard's layout: F10 the menu bar, Shift+F10 the
context menu of the focused widget (as the menu key does, which many laptops lack).

Alt and a menu's letter is the other way in, but an Arabic interface's letters are
Arabic: typed on a Latin layout, Alt+letter reaches no menu at all, and Qt's Fusion
style gives Alt alone no way into the bar.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


def open_context_menu(widget: QWidget) -> None:
    """Send the widget what Qt sends it for the menu key: a keyboard context menu event
    at its input cursor (an item view's current row, a text box's cursor)."""
    rect = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    if isinstance(rect, QRectF):
        rect = rect.toRect()
    pos = rect.center() if isinstance(rect, QRect) and rect.isValid() else widget.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def open_menu_bar(window: QMainWindow) -> None:
    """Open the bar's first menu; the arrows go on to the others."""
    bar = window.menuBar()
    first = next((a for a in bar.actions() if a.isVisible() and a.isEnabled()), None)
    if first is not None:
        bar.setActiveAction(first)


def install_menu_keys(window: QMainWindow) -> None:
    """F10 and Shift+F10 on the window (no menu entry shows them: the keys' help does)."""

    def focused_context_menu() -> None:
        widget = QApplication.focusWidget()
        if widget is not None and widget.window() is window:
            open_context_menu(widget)

    for keys, slot in (
        ("F10", lambda: open_menu_bar(window)),
        ("Shift+F10", focused_context_menu),
    ):
        action = QAction(window)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        window.addAction(action)


def menu_key_help() -> list[tuple[str, tuple[str, ...]]]:
    """(what it does, its keys) of the keys that open menus, for the keyboard's help."""

    def native(keys: str) -> str:
        return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)

    return [
        (QCoreApplication.translate("MenuKeys", "Open the menu bar"), (native("F10"),)),
        (
            QCoreApplication.translate("MenuKeys", "The menu of what has the focus"),
            (native("Shift+F10"), native("Menu")),
        ),
    ]
