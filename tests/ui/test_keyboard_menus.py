"""Menus opened from the keyboard: the context menus (the menu key, Shift+F10) act on
what the keys chose, and F10 opens the menu bar whatever the keyboard's layout."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.waiting import open_window
from timeline.store import Store
from timeline.ui.main_window import MainWindow

# The offscreen platform can neither raise a popup nor give it the keyboard, and says so.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing", extend=True
)


@pytest.fixture
def window(qtbot: QtBot, sample_store: Store) -> MainWindow:
    return open_window(qtbot, sample_store)


def menu_key(widget: QWidget) -> None:
    """What Qt sends the focused widget for the keyboard's menu key: a keyboard context
    menu event at the centre of the widget's input cursor rectangle."""
    rect = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    pos = (rect.toRect() if isinstance(rect, QRectF) else rect).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def popup_after(press: Callable[[], None]) -> list[str]:
    """The entries of the menu that pressing opens (closed again as soon as it shows);
    [] if none opened."""
    seen: list[str] = []

    def close() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            seen.extend(a.text() for a in menu.actions() if not a.isSeparator())
            menu.close()

    closer = QTimer()
    closer.setInterval(20)
    closer.timeout.connect(close)
    closer.start()
    try:
        press()
        QApplication.processEvents()
    finally:
        closer.stop()
    return seen


def test_the_menu_key_on_the_timeline_is_the_selected_events_menu(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    timeline = window.timeline
    timeline.setFocus()
    made: list[int] = []
    event_menu = window.edits._event_menu

    def spy(event_id: int) -> QMenu:
        made.append(event_id)
        return event_menu(event_id)

    monkeypatch.setattr(window.edits, "_event_menu", spy)
    # Step to an event that is not the one drawn at the view's centre, where a key's
    # menu opened before: the keys chose one event, the menu acted on another.
    centre = timeline.rect().center()
    for _ in range(40):
        qtbot.keyClick(timeline, Qt.Key.Key_BracketRight)
        selected = timeline.selected_event()
        at_centre = timeline.row_at(centre.x(), centre.y())
        if selected is not None and (
            at_centre is None or int(timeline.arrays().ids[at_centre]) != selected
        ):
            break
    selected = timeline.selected_event()
    assert selected is not None
    assert popup_after(lambda: menu_key(timeline))
    assert made == [selected]


def test_the_menu_key_with_nothing_selected_opens_no_menu(qtbot: QtBot, window: MainWindow) -> None:
    timeline = window.timeline
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Escape)  # clears the selection
    assert timeline.selected_event() is None
    assert popup_after(lambda: menu_key(timeline)) == []


def test_a_right_click_on_the_timeline_is_the_menu_of_the_event_under_it(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    timeline = window.timeline
    timeline.clear_selection()
    frame_rows = [int(r) for r in range(len(timeline.arrays()))]
    for row in frame_rows:
        at = timeline.event_position(int(timeline.arrays().ids[row]))
        if at is not None and timeline.row_at(at.x(), at.y()) is not None:
            break
    assert at is not None
    under = timeline.row_at(at.x(), at.y())
    assert under is not None
    made: list[int] = []
    event_menu = window.edits._event_menu
    monkeypatch.setattr(window.edits, "_event_menu", lambda e: made.append(e) or event_menu(e))
    pos = at.toPoint()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, timeline.mapToGlobal(pos))
    entries = popup_after(lambda: QApplication.sendEvent(timeline, event))
    assert made == [int(timeline.arrays().ids[under])]
    assert entries


@pytest.mark.parametrize("where", ["list", "timeline", "events"])
def test_shift_f10_opens_the_focused_widgets_context_menu(
    qtbot: QtBot, window: MainWindow, where: str
) -> None:
    widget = {"list": window.list, "timeline": window.timeline, "events": window.detail.events}[
        where
    ]
    if where == "events":
        window.detail.events.setCurrentIndex(window.detail.events.item(0))
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    assert widget.hasFocus()
    entries = popup_after(
        lambda: qtbot.keyClick(widget, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    )
    assert entries, f"Shift+F10 opened no menu on the {where}"


def test_f10_opens_the_first_menu_of_the_bar(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.list.setFocus()
    qtbot.waitUntil(window.list.hasFocus)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    qtbot.keyClick(window.list, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is file_menu, timeout=2000)
    file_menu.close()
