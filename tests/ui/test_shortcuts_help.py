"""Help > Keyboard shortcuts: the menus' shortcuts as the menus hold them, and the
timeline's own keys, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QKeySequence, QScreen
from PySide6.QtWidgets import QApplication, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from timeline.store import Store
from timeline.ui.main_window import MainWindow
from timeline.ui.shortcuts_help import ShortcutsDialog, command_text


def _window(qtbot: QtBot, path: Path) -> MainWindow:
    window = MainWindow(Store(path))
    qtbot.addWidget(window)
    return window


def _help_action(window: MainWindow) -> QAction:
    (found,) = [
        a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence(Qt.Key.Key_F1)
    ]
    return found


def test_an_entrys_text_is_read_without_its_marks() -> None:
    assert command_text("&Export…\t\u2066Ctrl+E\u2069") == "Export"
    assert command_text("Fish && &Chips") == "Fish & Chips"
    assert command_text("ت&صدير…") == "تصدير"


def test_f1_lists_every_shortcut_of_the_menus_and_the_timelines_keys(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = _window(qtbot, tmp_path / "t.db")
    _help_action(window).trigger()
    (dialog,) = window.findChildren(ShortcutsDialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Keyboard shortcuts"
    rows = dialog.rows()
    for expected in [
        ("File", "Export", "Ctrl+E"),
        ("File", "Import from the clipboard", "Ctrl+Shift+V"),
        ("View", "Search", "Ctrl+F"),
        ("View", "Go to date", "Ctrl+G"),
        ("View", "Zoom in", "Ctrl+="),
        ("Help", "Keyboard shortcuts", "F1"),
        ("Timeline", "Next / previous event", "] / ["),
        ("Window", "Open the menu bar", "F10 / Alt"),
        ("Window", "The menu of what has the focus", "Shift+F10 / Menu"),
        ("Window", "From the search field to its results", "Down"),
        ("Timeline", "Zoom in / out about the pointer", "Mouse wheel"),
    ]:
        assert expected in rows
    # Every entry of the menus that has a shortcut is there, once, and nothing else.
    in_menus = {
        (command_text(a.text()), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        for menu in window.menuBar().findChildren(QMenu)
        for a in menu.actions()
        if not a.shortcut().isEmpty() and a.menu() is None
    }
    listed = [
        (command, keys) for where, command, keys in rows if where not in {"Timeline", "Window"}
    ]
    assert len(listed) == len(set(listed)) and set(listed) == in_menus
    assert len(in_menus) >= 15
    # Plain text only: an item view shows its text as written.
    assert all("<" not in text for row in rows for text in row)
    dialog.close()


def test_every_key_the_timeline_takes_is_in_its_help(qtbot: QtBot, tmp_path: Path) -> None:
    """A key added to the timeline without a line in the help fails here."""
    window = _window(qtbot, tmp_path / "t.db")
    helped = {key for _what, keys in window.timeline.key_help() for key in keys}
    for key in window.timeline._key_actions():
        assert QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) in helped


def test_the_help_in_arabic_keeps_its_keys_left_to_right(
    qtbot: QtBot, tmp_path: Path, arabic: None
) -> None:
    window = _window(qtbot, tmp_path / "t.db")
    dialog = window.show_shortcuts()
    assert dialog.windowTitle() == "اختصارات لوحة المفاتيح"
    rows = dialog.rows()
    assert ("ملف", "تصدير", "Ctrl+E") in rows
    assert any(where == "الخط الزمني" and keys == "] / [" for where, _c, keys in rows)
    table = dialog.table
    assert table.horizontalHeaderItem(2).text() == "المفاتيح"
    # Each key isolated ("Ctrl+=" is not laid out "=+Ctrl" among Arabic words, "]" is
    # not mirrored), the slashes between them right to left: the first key stands right,
    # where the first of "التالي / السابق" does.
    shown = {
        (table.item(r, 0).text(), table.item(r, 1).text()): table.item(r, 2).text()
        for r in range(table.rowCount())
    }
    assert shown["الخط الزمني", "الحدث التالي / السابق"] == "\u2068]\u2069 / \u2068[\u2069"
    assert shown["عرض", "تكبير"] == "\u2068Ctrl+=\u2069"
    dialog.close()


def _reachable(dialog: ShortcutsDialog) -> None:
    """The Close button is inside the dialog and shown; the table scrolls to its end."""
    (close,) = dialog.findChildren(QPushButton)
    assert close.isVisible()
    assert dialog.rect().contains(close.geometry().translated(close.parentWidget().pos()))
    bar = dialog.table.verticalScrollBar()
    assert bar.maximum() > 0  # more rows than it shows at once


def test_the_help_fits_a_small_window(qtbot: QtBot, tmp_path: Path) -> None:
    """At 520 px the dialog ran past the foot of an 800x500 window: its Close button
    out of reach on a screen as low."""
    window = _window(qtbot, tmp_path / "t.db")
    window.resize(800, 500)
    window.show()
    qtbot.waitExposed(window)
    dialog = window.show_shortcuts()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= window.height()
    _reachable(dialog)
    dialog.close()


def test_the_help_fits_a_low_screen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, tmp_path / "t.db")
    window.resize(800, 700)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, 1280, 500))
    dialog = window.show_shortcuts()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= 450  # a tenth of the screen left for the frame
    _reachable(dialog)
    dialog.close()


def _one_help_in_front(qtbot: QtBot, window: MainWindow) -> ShortcutsDialog:
    """F1 pressed with the help open behind the window: the same help, in front, and
    no second one."""
    _help_action(window).trigger()
    (dialog,) = window.findChildren(ShortcutsDialog)
    qtbot.waitExposed(dialog)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _help_action(window).trigger()
    assert window.findChildren(ShortcutsDialog) == [dialog]
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


# The offscreen platform cannot raise a window, and says so (it activates it).
@pytest.mark.qt_log_ignore("This plugin does not support raise", extend=True)
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_f1_again_brings_the_open_help_to_the_front(
    qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest, lang: str
) -> None:
    """Each F1 opened one more help window over the last; now the one open is raised,
    and once closed the next F1 opens it again, in the interface's language."""
    if lang == "ar":
        request.getfixturevalue("arabic")
    title = {"en": "Keyboard shortcuts", "ar": "اختصارات لوحة المفاتيح"}[lang]
    window = _window(qtbot, tmp_path / "t.db")
    window.show()
    qtbot.waitExposed(window)
    dialog = _one_help_in_front(qtbot, window)
    assert dialog.windowTitle() == title
    dialog.close()  # Escape, the Close button and the frame's close all close it
    qtbot.waitUntil(lambda: not window.findChildren(ShortcutsDialog))
    again = _one_help_in_front(qtbot, window)
    assert again.windowTitle() == title
    again.close()
