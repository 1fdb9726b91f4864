"""Keys that open menus whatever the keyboard's layout: F10 the menu bar, Shift+F10 the
context menu of the focused widget (as the menu key does, which many laptops lack).

Alt and a menu's letter is the other way in, but an Arabic interface's letters are
Arabic: typed on a Latin layout, Alt+letter reaches no menu at all, and Qt's Fusion
style gives Alt alone no way into the bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget


def open_context_menu(widget: QWidget) -> None:
    """Send the widget what Qt sends it for the menu key: a keyboard context menu event
    at its input cursor (an item view's current row, a text box's cursor)."""
    rect = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    if isinstance(rect, QRectF):
        rect = rect.toRect()
    pos = rect.center() if isinstance(rect, QRect) and rect.isValid() else widget.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def key_menu_position(menu: QMenu, widget: QWidget, rect: QRect) -> QPoint:
    """Where (global, its top-left corner) a menu opened by a key for what lies in rect
    (widget coordinates) goes: from rect's middle down, on the reading side (right to
    left, its right edge at rect's right; left to right, its left edge at rect's left),
    above rect where the window has no room below, and kept inside the window.

    Qt takes a menu's position as its top-left corner in either direction and keeps
    it on the screen only: from a row's middle, right to left, the menu ran past the
    window's edge, away from the row it belongs to.
    """
    size = menu.sizeHint()
    x = rect.right() - size.width() + 1 if menu.isRightToLeft() else rect.left()
    pos = widget.mapToGlobal(QPoint(x, rect.center().y()))
    window = widget.window()
    area = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
    if pos.y() + size.height() - 1 > area.bottom():  # above rect, which stays readable
        pos.setY(widget.mapToGlobal(rect.topLeft()).y() - size.height())
    if size.width() <= area.width():
        pos.setX(min(max(pos.x(), area.left()), area.right() - size.width() + 1))
    if size.height() <= area.height():
        pos.setY(min(max(pos.y(), area.top()), area.bottom() - size.height() + 1))
    return pos


class _MenuKey(QObject):
    """Takes the keyboard's context menu events of the widget it watches."""

    def __init__(self, widget: QWidget, open_menu: Callable[[], None]) -> None:
        super().__init__(widget)
        self._open_menu = open_menu
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ContextMenu
            and isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
        ):
            self._open_menu()
            return True
        return super().eventFilter(watched, event)


def on_menu_key(view: QWidget, open_menu: Callable[[], None]) -> None:
    """open_menu() for the menu key (Shift+F10) on a view whose custom context menu is a
    click's: a click's request says only a point, where the pointer or the input cursor
    is, and a key's menu goes where key_menu_position puts it. (A key's event comes to
    the view itself, a click's through its viewport, which this leaves alone.)"""
    _MenuKey(view, open_menu)


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
