"""Where the keys go is seen: the list, the article's text and the lists of the detail
pane show the focus in the highlight colour, as the timeline does."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.waiting import open_window
from timeline.store import Store
from timeline.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, sample_store: Store) -> MainWindow:
    return open_window(qtbot, sample_store)


def _target(window: MainWindow, name: str) -> QWidget:
    # The story panel's lists and diff have the same ring; they are shown only for an
    # article with copies or related articles, which the samples have not.
    return {"list": window.list, "text": window.detail.browser, "events": window.detail.events}[
        name
    ]


def edges(widget: QWidget) -> list[QColor]:
    """The colours of the middle of the widget's left, right and bottom edges as drawn,
    one pixel in (the top edge is the first row's, which may be selected)."""
    image = widget.grab().toImage()
    w, h = image.width(), image.height()
    return [image.pixelColor(x, y) for x, y in ((1, h // 2), (w - 2, h // 2), (w // 2, h - 2))]


@pytest.mark.parametrize("name", ["list", "text", "events"])
def test_the_focused_widget_is_framed_in_the_highlight_colour_and_only_then(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    widget = _target(window, name)
    highlight = window.palette().color(QPalette.ColorRole.Highlight)
    window.activateWindow()
    window.timeline.setFocus()
    qtbot.waitUntil(window.timeline.hasFocus)
    assert highlight not in edges(widget)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    assert edges(widget) == [highlight] * 3
    window.timeline.setFocus()
    qtbot.waitUntil(window.timeline.hasFocus)
    assert highlight not in edges(widget)


def _dialog_target(window: MainWindow, name: str) -> tuple[QWidget, QWidget, QWidget]:
    """(dialog, the box whose focus is to be seen, another control of the dialog)."""
    from PySide6.QtWidgets import QDialogButtonBox

    from timeline.ui.edit_dialogs import NoteDialog
    from timeline.ui.shortcuts_help import ShortcutsDialog

    dialog: QWidget
    if name == "note":
        note = NoteDialog(window, "")
        dialog, target = note, note.text_edit
    else:
        keys = ShortcutsDialog(window.menuBar(), [], window)
        dialog, target = keys, keys.table
    (buttons,) = dialog.findChildren(QDialogButtonBox)
    return dialog, target, buttons.buttons()[0]


@pytest.mark.parametrize("name", ["note", "shortcuts"])
def test_a_dialogs_text_box_and_table_show_the_focus(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    """The note's text box showed the focus by its caret alone (blinking, none in a
    frame drawn while it is off), the keys' table by its current cell's faint frame."""
    dialog, target, other = _dialog_target(window, name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    highlight = dialog.palette().color(QPalette.ColorRole.Highlight)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    assert highlight not in edges(target)
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)
    assert edges(target) == [highlight] * 3
    dialog.close()


def test_the_web_addresses_field_shows_the_focus(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit

    from timeline.ui.main_window import multi_line_text

    seen: list[list[QColor]] = []

    def meet() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or seen:
            return
        field = dialog.findChild(QPlainTextEdit)
        assert field is not None
        field.setFocus()
        QApplication.processEvents()
        seen.append(edges(field) if field.hasFocus() else [])
        dialog.reject()

    timer = QTimer()
    timer.timeout.connect(meet)
    timer.start(20)
    try:
        multi_line_text(window, "Import web addresses", "Addresses:", "")
    finally:
        timer.stop()
    highlight = window.palette().color(QPalette.ColorRole.Highlight)
    assert seen == [[highlight] * 3]
