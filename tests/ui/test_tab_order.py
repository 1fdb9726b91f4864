"""Tab goes through the window as it reads: the timeline, the search bar over the list,
the list, then the detail pane, and round again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.waiting import open_window
from timeline.store import Store


def _press(qtbot: QtBot, key: Qt.Key) -> QWidget | None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)
    return QApplication.focusWidget()


def test_tab_goes_from_the_search_bar_to_the_list_it_searches(
    qtbot: QtBot, sample_store: Store
) -> None:
    window = open_window(qtbot, sample_store)
    bar = window.search_bar
    window.activateWindow()
    window.timeline.setFocus()
    qtbot.waitUntil(window.timeline.hasFocus)
    order = [_press(qtbot, Qt.Key.Key_Tab) for _ in range(6)]
    assert order == [
        bar.query_edit,
        bar.source_combo,
        bar.dates_check,  # the date boxes and the kind wait for it to be checked
        window.list,
        window.detail.browser,
        window.detail.story.tabBar(),
    ]
    back = [_press(qtbot, Qt.Key.Key_Backtab) for _ in range(4)]
    assert back == [window.detail.browser, window.list, bar.dates_check, bar.source_combo]
    # With the dates checked, their boxes (Tab steps through a box's year, month and
    # day first) and the kind come before the list.
    bar.dates_check.setChecked(True)
    bar.dates_check.setFocus()
    order = []
    while len(order) < 12 and (reached := _press(qtbot, Qt.Key.Key_Tab)) is not window.list:
        order.append(reached)
    assert order[-1] is bar.kind_combo
    assert bar.date_from_edit in order and bar.date_to_edit in order


@pytest.mark.parametrize("language", ["en", "ar"])
def test_tab_goes_round_the_whole_window_timeline_included(
    qtbot: QtBot, sample_store: Store, language: str, request: pytest.FixtureRequest
) -> None:
    """From the detail pane's last control Tab comes to the timeline, not past it to the
    search field (the search bar, which hands its focus to the field, stood before the
    timeline in Qt's chain), and Shift+Tab goes back the same way."""
    if language == "ar":
        request.getfixturevalue("arabic")
    window = open_window(qtbot, sample_store)
    window.activateWindow()
    window.detail.events.setFocus()
    qtbot.waitUntil(window.detail.events.hasFocus)
    assert _press(qtbot, Qt.Key.Key_Tab) is window.timeline
    assert _press(qtbot, Qt.Key.Key_Tab) is window.search_bar.query_edit
    assert _press(qtbot, Qt.Key.Key_Backtab) is window.timeline
    assert _press(qtbot, Qt.Key.Key_Backtab) is window.detail.events
