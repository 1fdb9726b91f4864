"""Keys that open menus whatever the keyboard's layout: F10 or Alt alone the menu bar,
Shift+F10 the context menu of the focused widget (as the menu key does, which many
laptops lack), and a menu's letter on the key it is printed on in either layout.

An Arabic interface's menu letters are Arabic (&ملف, as Arabic translations mark them;
Chinese and Japanese ones add a Latin "(&F)", which an alphabet typed key by key does
not need).  Qt matches a letter by the character the key types: on a Latin layout Alt+م
is Alt+L, and no menu was reachable by its letter; an English interface's menus, opened,
took no letter typed on an Arabic layout.  GIMP (GTK) and Firefox answer a letter on its
key in another installed layout, as their Russian users report of Alt+F; Qt tells
neither the key nor the other layouts, so a letter here also answers to the one on its
key in the other of the two standard layouts, the Arabic (101) and the US one (`_SAME_KEY`;
Arabic keyboards print both).  An AZERTY keyboard's A, Q, Z, W and M keys, which that
table places elsewhere, reach their Arabic letters only on the Arabic layout.  (Alt
alone is Qt's own: its Fusion and Windows styles both say SH_MenuBar_AltKeyNavigation.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QWidget,
)

# The Arabic letter on each key of the standard Arabic keyboard (Windows' Arabic 101,
# X11's "ara") by what the same key types on a US layout (Shift+H: أ), each way.
_LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvnm,./`H"
_ARABIC_KEYS = "ضصثقفغعهخحجدشسيبلاتنمكطئءؤرىةوزظذأ"
_SAME_KEY = dict(zip(_LATIN_KEYS, _ARABIC_KEYS, strict=True))
_SAME_KEY |= {arabic: latin for latin, arabic in _SAME_KEY.items()}


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


def _mnemonic_key(text: str) -> int:
    """The key of a menu entry's letter as Qt matches it (0: none)."""
    keys = QKeySequence.mnemonic(text)
    return keys[0].key().value if keys.count() else 0


def _typed_key(char: str) -> int:
    """The key Qt names a typed character by (its upper case)."""
    return ord(char.upper()) if len(char.upper()) == 1 else ord(char)


def same_key_letter(event: QKeyEvent, actions: list[QAction]) -> str | None:
    """The letter on the same key as the typed one that is an entry's letter among
    actions, where the typed one is none's (see the module's text)."""
    typed = event.text()
    other = _SAME_KEY.get(typed) if len(typed) == 1 else None
    if other is None:
        return None
    keys = {_mnemonic_key(a.text()) for a in actions if a.isVisible() and a.isEnabled()}
    if _typed_key(typed) in keys or _typed_key(other) not in keys:
        return None
    return other


class _SameKeyLetters(QObject):
    """Gives menus and the menu bar, from the keyboard, the letter on the same key where
    the one typed is no entry's.  Put on the window (where an Alt+letter that its
    focused widget left comes), its bar and its menus only: on the application it saw
    every event of every widget (a mouse move 0.8 -> 3.5 us), each one taking the GIL,
    which the GUI thread then waited for while a worker held it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if isinstance(watched, (QMenu, QMenuBar)):
            # An open menu, or the bar after Alt or F10: it reads the typed text.
            other = same_key_letter(event, watched.actions())
            if other is not None:
                again = QKeyEvent(
                    QEvent.Type.KeyPress,
                    _typed_key(other),
                    event.modifiers(),
                    other,
                    event.isAutoRepeat(),
                    event.count(),
                )
                QApplication.sendEvent(watched, again)
                return True
        elif event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier == (
            Qt.KeyboardModifier.AltModifier
        ) and isinstance(watched, QWidget):
            # Alt and a letter no shortcut took (Qt tries its shortcuts first).
            window = watched.window()
            # (menuBar() would give a window without one an empty bar.)
            bar = window.menuWidget() if isinstance(window, QMainWindow) else None
            if isinstance(bar, QMenuBar):
                menus = [a for a in bar.actions() if a.isVisible() and a.isEnabled()]
                other = same_key_letter(event, menus)
                if other is not None:
                    key = _typed_key(other)
                    bar.setActiveAction(next(a for a in menus if _mnemonic_key(a.text()) == key))
                    return True
        return False


def install_menu_keys(window: QMainWindow) -> None:
    """F10 and Shift+F10 on the window (no menu entry shows them: the keys' help does,
    with Alt alone), and the menus' letters on their keys in either layout."""
    letters = _SameKeyLetters(window)
    # (A line edit takes Alt+letter as typing: it is watched before it gets it.)
    watched = (window, window.menuWidget(), *window.findChildren(QMenu))
    watched += tuple(window.findChildren(QLineEdit))
    for widget in watched:
        if widget is not None:
            widget.installEventFilter(letters)

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
        (
            QCoreApplication.translate("MenuKeys", "Open the menu bar"),
            (native("F10"), native("Alt")),
        ),
        (
            QCoreApplication.translate("MenuKeys", "The menu of what has the focus"),
            (native("Shift+F10"), native("Menu")),
        ),
    ]
