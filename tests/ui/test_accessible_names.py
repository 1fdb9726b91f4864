"""What a screen reader calls each control the keyboard reaches in the window: a name
of its own (set, or its label's), in the interface's language, never its value alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QMenu,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.waiting import open_window
from timeline.store import Store
from timeline.ui.main_window import MainWindow


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def reached_by_tab(window: MainWindow) -> list[QWidget]:
    """The window's controls that Tab stops at, shown now (Qt's own parts of a box, a
    list's scroll bars and the popups are the box's, the list's and the menus')."""
    found = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QMenu | QScrollBar) or not widget.isVisibleTo(window):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy():
            continue  # (a tab widget gives its focus to its tab bar)
        if widget.objectName().startswith("qt_") and isinstance(
            widget.parentWidget(), QAbstractSpinBox | QComboBox
        ):
            continue
        found.append(widget)
    return found


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_control_tab_reaches_has_a_name(
    qtbot: QtBot, sample_store: Store, language: str, request: pytest.FixtureRequest
) -> None:
    if language == "ar":
        request.getfixturevalue("arabic")
    window = open_window(qtbot, sample_store)
    controls = reached_by_tab(window)
    assert len(controls) >= 8
    unnamed = [
        f"{type(w).__name__}#{w.objectName()}" for w in controls if not spoken_name(w).strip()
    ]
    assert unnamed == []
    # A box is named by its value on Linux (its label comes as a relation), but by its
    # own name on Windows: there it was heard as "All sources", never as the filter.
    bar = window.search_bar
    for box in (bar.source_combo, bar.kind_combo):
        assert box.accessibleName() not in {"", box.currentText()}
    if language == "ar":
        assert spoken_name(bar.query_edit) == "البحث في المقالات"
        assert spoken_name(window.detail.browser) == "نص المقالة"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_export_dialogs_format_box_is_named_for_what_it_chooses(
    qtbot: QtBot, language: str, request: pytest.FixtureRequest
) -> None:
    """As the search bar's boxes: a box read by its value alone was heard as "Articles
    as CSV" (on Windows), never as the format it is."""
    from timeline.ui.export_dialog import ExportDialog

    if language == "ar":
        request.getfixturevalue("arabic")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ExportDialog(parent, 800, 300)
    box = dialog.format_box
    assert box.accessibleName() == {"en": "Format", "ar": "الصيغة"}[language]
    assert box.accessibleName() != box.currentText()


def _named_in(top: QWidget) -> list[str]:
    """The controls Tab stops at in a dialog with no spoken name ("Kind#objectName")."""
    unnamed = []
    for widget in [top, *top.findChildren(QWidget)]:
        if isinstance(widget, QMenu | QScrollBar) or not widget.isVisibleTo(top):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.focusProxy():
            continue
        if widget.objectName().startswith("qt_") and isinstance(
            widget.parentWidget(), QAbstractSpinBox | QComboBox
        ):
            continue
        if not spoken_name(widget).strip():
            unnamed.append(f"{type(widget).__name__}#{widget.objectName()}")
    return unnamed


def _menu_entries(window: MainWindow) -> list[QAction]:
    todo = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    entries = []
    while todo:
        menu = todo.pop(0)
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                todo.append(action.menu())
            elif not action.isSeparator() and action.isEnabled() and not action.isCheckable():
                entries.append(action)
    return entries


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_control_of_every_dialog_the_menus_open_has_a_name(
    qtbot: QtBot, own_store: Store, language: str, request: pytest.FixtureRequest
) -> None:
    """Each entry of the menus is chosen, and each dialog it opens (modal or not, one
    after another) is walked as Tab walks it, then closed by Escape.  The web addresses'
    field and the shortcuts' table were read as a nameless "edit" and "table"."""
    if language == "ar":
        request.getfixturevalue("arabic")
    window = open_window(qtbot, own_store)
    quit_text = QCoreApplication.translate("MainWindow", "&Quit")
    seen: dict[str, list[str]] = {}
    entry = ""

    kept_open: list[str] = []

    def meet(top: QWidget) -> None:
        what = f"{entry} -> {type(top).__name__}"
        seen[what] = _named_in(top)
        focused = QApplication.focusWidget()
        at = focused if focused is not None and top.isAncestorOf(focused) else top
        QTest.keyClick(at, Qt.Key.Key_Escape)  # closes it, wherever its focus is
        if top.isVisible():
            kept_open.append(what)
            top.close()

    def meet_modal() -> None:
        top = QApplication.activeModalWidget()
        if top is not None and top.isVisible():
            meet(top)

    timer = QTimer()
    timer.timeout.connect(meet_modal)
    timer.start(20)
    try:
        for action in _menu_entries(window):
            entry = action.text().split("\t")[0]
            if entry == quit_text:
                continue
            action.trigger()
            for top in QApplication.topLevelWidgets():  # one not modal: the keys' help
                if isinstance(top, QDialog) and top.isVisible():
                    meet(top)
    finally:
        timer.stop()
    # The file dialogs, the export, the print, the edits, the removals, the keys' help...
    assert len(seen) >= 14, sorted(seen)
    assert {what: unnamed for what, unnamed in seen.items() if unnamed} == {}
    assert kept_open == []
