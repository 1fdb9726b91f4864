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
