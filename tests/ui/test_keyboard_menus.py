"""Menus opened from the keyboard: the context menus (the menu key, Shift+F10) act on
what the keys chose, and F10 opens the menu bar whatever the keyboard's layout."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMainWindow,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.waiting import open_window
from timeline.store import Store
from timeline.ui.main_window import MainWindow

# The offscreen platform can neither raise a popup nor give it the keyboard, and says so.
T = TypeVar("T")

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


def menus_after(press: Callable[[], None], read: Callable[[QMenu], T]) -> list[T]:
    """read() of each menu that pressing opens (closed again as soon as it shows)."""
    seen: list[T] = []

    def close() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            seen.append(read(menu))
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


def popup_after(press: Callable[[], None]) -> list[str]:
    """The entries of the menu that pressing opens; [] if none opened."""
    menus = menus_after(press, lambda m: [a.text() for a in m.actions() if not a.isSeparator()])
    return [text for entries in menus for text in entries]


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


def menu_geometry_after(press: Callable[[], None]) -> QRect:
    """The global geometry of the menu that pressing opens (closed as soon as it shows)."""
    seen = menus_after(press, QMenu.geometry)
    assert seen, "no menu opened"
    return seen[0]


def small_window(
    qtbot: QtBot, request: pytest.FixtureRequest, store: Store, language: str
) -> MainWindow:
    """A window in the language, narrower than the offscreen screen, so that what lies
    past the window's edge is still on the screen (Qt keeps a menu on the screen, not
    in its window)."""
    if language == "ar":
        request.getfixturevalue("arabic")
    window = open_window(qtbot, store)
    window.resize(700, 500)
    window.move(0, 0)
    qtbot.waitUntil(lambda: window.width() == 700)
    return window


def focus(qtbot: QtBot, window: MainWindow, widget: QWidget) -> None:
    # (Offscreen, a closed menu gives the window's focus back only when asked.)
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("where", ["list", "events"])
def test_a_lists_key_menu_opens_at_its_row_on_the_reading_side_inside_the_window(
    qtbot: QtBot, request: pytest.FixtureRequest, sample_store: Store, language: str, where: str
) -> None:
    window = small_window(qtbot, request, sample_store, language)
    if where == "list":
        view: QAbstractItemView = window.list
        view.setCurrentIndex(window.model.index(1))
    else:
        view = window.detail.events
        view.setCurrentIndex(window.detail.events.item(0))
    row = view.visualRect(view.currentIndex())
    row = QRect(view.viewport().mapToGlobal(row.topLeft()), row.size())
    inside = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
    for press in (
        lambda: menu_key(view),
        lambda: qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
    ):
        focus(qtbot, window, view)
        menu = menu_geometry_after(press)
        assert inside.contains(menu), (menu, inside)
        if language == "ar":
            assert menu.right() == row.right(), (menu, row)
        else:
            assert menu.left() == row.left(), (menu, row)
        # Beside the row, its first line left to read.
        assert row.top() - 1 <= menu.bottom() and menu.top() <= row.bottom() + 1, (menu, row)
        assert not menu.contains(QPoint(row.center().x(), row.top() + 5)), (menu, row)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_timelines_key_menu_opens_at_its_event_on_the_reading_side_inside_the_window(
    qtbot: QtBot, request: pytest.FixtureRequest, sample_store: Store, language: str
) -> None:
    window = small_window(qtbot, request, sample_store, language)
    timeline = window.timeline
    # The event drawn nearest the window's edge on the reading side's far end, where a
    # menu opened the other way runs out of the window.
    drawn = [
        (at, event_id)
        for event_id in (int(i) for i in timeline.arrays().ids)
        if (at := timeline.event_position(event_id)) is not None
    ]
    at, event_id = (max if language == "ar" else min)(drawn, key=lambda d: d[0].x())
    assert timeline.select_event(event_id)
    marker = timeline.mapToGlobal(at.toPoint())
    inside = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
    focus(qtbot, window, timeline)
    menu = menu_geometry_after(lambda: menu_key(timeline))
    assert inside.contains(menu), (menu, inside)
    if language == "ar":
        assert menu.right() == marker.x(), (menu, marker)
    else:
        assert menu.left() == marker.x(), (menu, marker)


def test_an_events_menu_is_let_go_once_it_has_run(window: MainWindow) -> None:
    """Each event menu opened was a child of the window for as long as the window lived."""
    timeline = window.timeline
    event_id = int(timeline.arrays().ids[0])
    at = timeline.mapToGlobal(timeline.rect().center())
    for _ in range(3):
        assert popup_after(lambda: window.edits._timeline_menu(event_id, at))
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(QMenu, "eventEditMenu") == []


def bar_menu(window: MainWindow, english: str) -> QMenu:
    """The menu bar's menu whose English title is english (in either language)."""
    for action in window.menuBar().actions():
        if action.text() == window.tr(english):
            menu = action.menu()
            assert isinstance(menu, QMenu)
            return menu
    raise AssertionError(f"no {english} menu")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_after_alt_alone_the_bars_letters_answer_in_either_layout(
    qtbot: QtBot, request: pytest.FixtureRequest, sample_store: Store, language: str
) -> None:
    if language == "ar":
        request.getfixturevalue("arabic")
    window = open_window(qtbot, sample_store)
    focus(qtbot, window, window.list)
    bar = window.menuBar()
    qtbot.keyPress(window.list, Qt.Key.Key_Alt, Qt.KeyboardModifier.AltModifier)
    qtbot.keyRelease(window.list, Qt.Key.Key_Alt, Qt.KeyboardModifier.NoModifier)
    assert bar.hasFocus() and bar.activeAction() is bar.actions()[0]
    # The View menu's letter typed on the other layout: ر (on V) for "&View", U (the
    # key of ع) for "&عرض".
    key, text = (0x0631, "ر") if language == "en" else (int(Qt.Key.Key_U.value), "u")
    view_menu = bar_menu(window, "&View")
    QApplication.sendEvent(
        bar, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
    )
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is view_menu, timeout=2000)
    view_menu.close()


def test_alt_and_a_letters_latin_key_opens_an_arabic_menu(
    qtbot: QtBot, sample_store: Store, arabic: None
) -> None:
    """The Arabic menus' letters are Arabic: on a Latin layout Alt+م types Alt+L, and
    no menu opened by its letter.  The letter answers to its key in either layout."""
    window = open_window(qtbot, sample_store)
    file_menu = bar_menu(window, "&File")
    assert window.menuBar().actions()[0].text() == "&ملف"
    focus(qtbot, window, window.list)
    qtbot.keyClick(window.list, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # م's key
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is file_menu, timeout=2000)
    file_menu.close()
    # From the search field and the timeline too (the key comes to the window's filter
    # when the focused widget leaves it).
    for widget in (window.search_bar.query_edit, window.timeline):
        focus(qtbot, window, widget)
        qtbot.keyClick(widget, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is file_menu, timeout=2000)
        file_menu.close()
    # An open menu's letters too: J, the key of ت, opens "&تلوين الأحداث".
    view_menu = bar_menu(window, "&View")
    focus(qtbot, window, window.list)
    qtbot.keyClick(window.list, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is view_menu, timeout=2000)
    submenu = next(a.menu() for a in view_menu.actions() if a.text() == "&تلوين الأحداث")
    qtbot.keyClick(view_menu, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is submenu, timeout=2000)
    submenu.close()
    view_menu.close()


def test_the_letters_filter_watches_the_window_not_the_application(
    qtbot: QtBot, window: MainWindow
) -> None:
    """On the application the filter saw every event of every widget, each taking the
    GIL (a worker's search then held the GUI thread's mouse moves); on the window, its
    bar and menus it sees theirs only, and a window of its own, without a bar, gets
    none on Alt+letter."""
    from timeline.ui.menu_keys import _SameKeyLetters

    app = QApplication.instance()
    assert app is not None and app.findChild(_SameKeyLetters) is None
    assert window.findChild(_SameKeyLetters) is not None
    other = QMainWindow()
    qtbot.addWidget(other)
    field = QLineEdit()
    other.setCentralWidget(field)
    other.show()
    qtbot.keyClick(field, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert other.menuWidget() is None


def test_an_english_menus_letters_answer_on_an_arabic_layout(
    qtbot: QtBot, window: MainWindow
) -> None:
    """In an open menu Qt matches the typed character only: on an Arabic layout the
    English menus' letters were out of reach (ب is on F)."""
    view_menu = bar_menu(window, "&View")
    bar = window.menuBar()
    bar.setActiveAction(view_menu.menuAction())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is view_menu, timeout=2000)
    submenu = next(a.menu() for a in view_menu.actions() if a.text() == "&Colour events")
    # ؤ is on the key of C ("&Colour events"): typed as Qt hands it to the menu.
    event = QKeyEvent(QEvent.Type.KeyPress, 0x0624, Qt.KeyboardModifier.NoModifier, "ؤ")
    QApplication.sendEvent(view_menu, event)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is submenu, timeout=2000)
    submenu.close()
    view_menu.close()


def alt_typed_on_arabic_layout(widget: QWidget, letter: str) -> None:
    """Alt and the key that types letter on an Arabic layout, as Qt hands it to the
    focused widget when no shortcut took it (Qt names the key by the Arabic letter)."""
    event = QKeyEvent(QEvent.Type.KeyPress, ord(letter), Qt.KeyboardModifier.AltModifier, letter)
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_search_bars_letters_answer_on_their_keys_in_either_layout(
    qtbot: QtBot, request: pytest.FixtureRequest, sample_store: Store, language: str
) -> None:
    """ "الم&صدر:" and "التوا&ريخ" on a US layout were Alt+W and Alt+V, which nothing
    took; "S&ource:" and "&Dates" on an Arabic layout Alt+خ and Alt+ي."""
    if language == "ar":
        request.getfixturevalue("arabic")
    window = open_window(qtbot, sample_store)
    bar = window.search_bar
    assert not bar.dates_check.isChecked()
    for start in (window.list, bar.query_edit, bar.source_combo):
        focus(qtbot, window, start)
        if language == "ar":
            qtbot.keyClick(start, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # ر's key
        else:
            alt_typed_on_arabic_layout(start, "ي")  # on D
        qtbot.waitUntil(bar.dates_check.isChecked, timeout=2000)  # focused and clicked
        assert bar.dates_check.hasFocus()
        bar.dates_check.setChecked(False)
    bar.dates_check.setChecked(True)
    for start in (window.list, bar.date_from_edit):
        focus(qtbot, window, start)
        if language == "ar":
            qtbot.keyClick(start, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # ص's key
        else:
            alt_typed_on_arabic_layout(start, "خ")  # on O
        assert bar.source_combo.hasFocus()  # the label's buddy


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_export_dialogs_letters_answer_on_their_keys_in_either_layout(
    qtbot: QtBot, request: pytest.FixtureRequest, window: MainWindow, language: str
) -> None:
    from timeline.ui.export_dialog import ExportDialog

    if language == "ar":
        request.getfixturevalue("arabic")
    dialog = ExportDialog(window, 1000, 400)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.format_box.setFocus()
    qtbot.waitUntil(dialog.format_box.hasFocus)
    # "ال&عرض:" (ع on U) and "&Width:" (W under ص), from the format box, which took
    # Alt and a letter as a search for a format.
    if language == "ar":
        qtbot.keyClick(dialog.format_box, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    else:
        alt_typed_on_arabic_layout(dialog.format_box, "ص")
    assert dialog.width_box.hasFocus()
    assert dialog.format_box.currentData() == "png"


@pytest.mark.parametrize("letters", ["en", "ar"])
def test_a_message_boxs_buttons_answer_on_their_keys_in_either_layout(
    qtbot: QtBot, letters: str
) -> None:
    """A message box's "&Yes" on an Arabic layout (Alt+غ), an Arabic button's letter
    on a US one."""
    from PySide6.QtWidgets import QMessageBox

    from timeline.ui.plain_text import message_box

    box = message_box(None, QMessageBox.Icon.Question, "?", "?")
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Yes)
    if letters == "en":
        button = box.button(QMessageBox.StandardButton.Yes)
        assert button.text() == "&Yes"
    else:
        button = box.addButton("&لا", QMessageBox.ButtonRole.NoRole)  # ل on G
    box.show()
    qtbot.waitExposed(box)
    if letters == "en":
        alt_typed_on_arabic_layout(box, "غ")  # on Y
    else:
        qtbot.keyClick(box, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: box.clickedButton() is button, timeout=2000)


def test_a_file_dialogs_letters_answer_on_their_keys_in_either_layout(
    qtbot: QtBot, arabic: None
) -> None:
    """Qt's own file dialog, as file_dialog sets it up: "ا&عثر في:" (ع on U) and
    "الملفّات من ال&نّوع:" (ن on K) from a US layout."""
    from PySide6.QtWidgets import QComboBox, QFileDialog

    from timeline.ui.file_dialogs import file_dialog

    dialog = QFileDialog(None, "?")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    with file_dialog():
        dialog.show()
        qtbot.waitExposed(dialog)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    look_in = dialog.findChild(QComboBox, "lookInCombo")
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    dialog.activateWindow()
    name.setFocus()
    qtbot.waitUntil(name.hasFocus)
    qtbot.keyClick(name, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert look_in.hasFocus()
    assert name.text() == ""  # not typed into it
    qtbot.keyClick(look_in, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert types.hasFocus()


def test_the_print_dialogs_letters_answer_on_their_keys_in_either_layout(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt's print dialog as File > Print opens it: "&Name:" on an Arabic layout (ى is
    on N) gives its buddy, the printer box, the focus."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog, QLabel

    focused: list[bool] = []

    def exec_(dialog: QPrintDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        start = next(w for w in dialog.findChildren(QAbstractButton) if w.isVisible())
        start.setFocus()
        qtbot.waitUntil(start.hasFocus)
        name = next(w for w in dialog.findChildren(QLabel) if w.text() == "&Name:")
        alt_typed_on_arabic_layout(start, "ى")
        focused.append(QApplication.focusWidget() is name.buddy())
        dialog.reject()
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    window.exporter.ask_print()
    assert focused == [True]


@pytest.mark.parametrize(
    ("field_name", "keys", "to_the_window"),
    [
        ("search_query", "Ctrl+E", True),  # File > Export: what the search found
        ("search_query", "Ctrl+P", True),
        ("search_query", "Ctrl+C", False),  # the field's editing keys stay its own
        ("search_query", "Ctrl+A", False),
        ("search_query", "Ctrl+Z", False),  # the typing undone, not the library's edit
        ("search_query", "E", False),  # typed
        ("search_date_from", "Ctrl+E", True),  # a date box too
    ],
)
def test_a_menu_entrys_key_typed_in_a_field_reaches_the_entry(
    window: MainWindow, field_name: str, keys: str, to_the_window: bool
) -> None:
    """On Linux a line edit takes Ctrl+E as End (Qt's X11 key scheme; offscreen has the
    Windows one, where no field takes it): in the search field Ctrl+E exported nothing.
    The field's Ctrl keys that a menu entry has are taken from it before it sees them,
    left unaccepted, so that Qt gives them to the entry."""
    from PySide6.QtGui import QKeySequence

    from timeline.ui.menu_keys import MenuKeysFirst

    field = window.findChild(QWidget, field_name)
    assert field is not None
    (first,) = window.findChildren(MenuKeysFirst)
    combination = QKeySequence(keys)[0]
    override = QKeyEvent(
        QEvent.Type.ShortcutOverride, combination.key(), combination.keyboardModifiers()
    )
    override.ignore()
    assert first.eventFilter(field, override) is to_the_window
    assert not override.isAccepted()
