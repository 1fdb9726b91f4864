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
Arabic keyboards print both).  So do the letters of buttons and of labels that lead to a
field (their buddies), in the main window and in the dialogs that have such letters
(`install_same_key_letters`), which Qt matches as it matches the menus'.  An AZERTY
keyboard's A, Q, Z, W and M keys, which that table places elsewhere, reach their Arabic
letters only on the Arabic layout.  (Alt
alone is Qt's own: its Fusion and Windows styles both say SH_MenuBar_AltKeyNavigation.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
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
    keys = {_mnemonic_key(a.text()) for a in actions if a.isVisible() and a.isEnabled()}
    return _other_letter(event, keys)


def _other_letter(event: QKeyEvent, keys: set[int]) -> str | None:
    """The letter on the same key as the typed one, where it is one of keys (letters'
    keys, _mnemonic_key) and the typed one is not."""
    typed = event.text()
    other = _SAME_KEY.get(typed) if len(typed) == 1 else None
    if other is None or _typed_key(typed) in keys or _typed_key(other) not in keys:
        return None
    return other


def _lettered_widgets(window: QWidget) -> list[tuple[int, QWidget]]:
    """(its letter's key, the widget) of the window's buttons and labels with a buddy
    whose letter Qt answers now: shown and enabled, in this window (not a dialog of
    its own)."""
    found: list[tuple[int, QWidget]] = []
    for widget in (*window.findChildren(QAbstractButton), *window.findChildren(QLabel)):
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        if widget.window() is window and widget.isVisible() and widget.isEnabled():
            key = _mnemonic_key(widget.text())
            if key:
                found.append((key, widget))
    return found


def _press_letter(window: QWidget, event: QKeyEvent) -> bool:
    """Do for Alt and the letter on the same key as the typed one what Qt does for a
    button's or a label's letter (QAbstractButton::event, QLabel::event): the focus
    to the button or the label's buddy, and a button clicked.  Where several have the
    letter each press goes on to the next, clicking none, as Qt's ambiguous ones do.
    False where the typed letter is one's or the other none's."""
    lettered = _lettered_widgets(window)
    other = _other_letter(event, {key for key, _ in lettered})
    if other is None:
        return False
    key = _typed_key(other)
    targets = [w.buddy() if isinstance(w, QLabel) else w for k, w in lettered if k == key]
    focused = QApplication.focusWidget()
    now = next((i for i, t in enumerate(targets) if t is focused), -1)
    target = targets[(now + 1) % len(targets)]
    if target.focusPolicy() != Qt.FocusPolicy.NoFocus:
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
    if isinstance(target, QAbstractButton) and len(targets) == 1:
        target.animateClick()
    return True


class _SameKeyLetters(QObject):
    """Gives menus, the menu bar, buttons and labels' buddies, from the keyboard, the
    letter on the same key where the one typed is no entry's.  Put on the window (where
    an Alt+letter that its focused widget left comes), its bar, its menus and the
    fields that take Alt+letter as their own only: on the application it saw every
    event of every widget (a mouse move 0.8 -> 3.5 us), each one taking the GIL, which
    the GUI thread then waited for while a worker held it."""

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
            return _press_letter(window, event)
        return False


# Widgets that take Alt+letter as their own (typed, or a combo box's search for an
# entry): watched before they get it.  (A spin box or a date box hands its keys to its
# line edit by a call, past the line edit's filters.)
_TAKE_LETTERS = (QLineEdit, QComboBox, QAbstractSpinBox)


def install_same_key_letters(window: QWidget) -> None:
    """Buttons' and labels' letters answer on their keys in either layout in window, a
    dialog (the main window's, with its menus': install_menu_keys); its fields as they
    are now are watched."""
    _watch_letters(window, ())


def _watch_letters(window: QWidget, also: tuple[QWidget | None, ...]) -> None:
    letters = _SameKeyLetters(window)
    watched = (window, *also)
    for kind in _TAKE_LETTERS:
        watched += tuple(window.findChildren(kind))
    for widget in watched:
        if widget is not None:
            widget.installEventFilter(letters)


# The keys a field keeps though a menu entry has them too: its editing (in the search
# field Ctrl+Z undoes the typing, as in any field, not the last edit of the library).
_EDITING_KEYS = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.SelectAll,
)


class MenuKeysFirst(QObject):
    """Gives a menu entry its Ctrl shortcut typed in a field, where the field would take
    it to move its cursor.

    On Linux (Qt's X11 key scheme, which Wayland sessions use too) a line edit takes
    Ctrl+E as End: typed in the search field, where a search is made before it is
    exported, Ctrl+E (File > Export) did nothing, as in the date boxes; Ctrl+P and
    Ctrl+G worked.  (Offscreen, as on Windows, the field takes no Ctrl+E.)  The field
    keeps its editing keys; End still ends its line.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._actions = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False  # typing: every letter comes this way first
        if any(event.matches(key) for key in _EDITING_KEYS):
            return False
        pressed = QKeySequence(event.keyCombination())
        # Taken from the field, not accepted: Qt then tries the window's shortcuts.
        return any(action.isEnabled() and pressed in action.shortcuts() for action in self._actions)


def install_menu_keys(window: QMainWindow) -> None:
    """F10 and Shift+F10 on the window (no menu entry shows them: the keys' help does,
    with Alt alone), the letters of its menus, buttons and labels on their keys in
    either layout, and its menus' Ctrl shortcuts in its fields (MenuKeysFirst)."""
    _watch_letters(window, (window.menuWidget(), *window.findChildren(QMenu)))
    first = MenuKeysFirst(window)
    for kind in _TAKE_LETTERS:
        for field in window.findChildren(kind):
            field.installEventFilter(first)

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
