"""The search bar: debounced requests with their filters, counts and errors shown."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle, QStyleOptionFrame, QToolButton
from pytestqt.qtbot import QtBot

from timeline.model import to_axis
from timeline.store import Store
from timeline.store.search import SearchRequest
from timeline.ui.main_window import MainWindow
from timeline.ui.plain_text import action_text, plain_tooltip
from timeline.ui.search_bar import DEBOUNCE_MS, SearchBar, SourceModel


def make_bar(qtbot: QtBot) -> SearchBar:
    bar = SearchBar()
    qtbot.addWidget(bar)
    bar.set_sources(["المدينة نيوز", "وكالة"])
    return bar


def test_typing_emits_one_request_after_the_pause(qtbot: QtBot) -> None:
    bar = make_bar(qtbot)
    received: list[SearchRequest] = []
    bar.search_changed.connect(received.append)
    # QTest cannot type non-Latin keys; insert() edits the field as typing does.
    for ch in "أيّار":
        bar.query_edit.insert(ch)
        qtbot.wait(DEBOUNCE_MS // 4)
    assert received == []  # still typing
    qtbot.waitUntil(lambda: len(received) == 1, timeout=DEBOUNCE_MS * 10)
    assert received == [SearchRequest(query="أيّار")]
    qtbot.wait(DEBOUNCE_MS * 2)
    assert len(received) == 1


def test_filters_are_part_of_the_request(qtbot: QtBot) -> None:
    bar = make_bar(qtbot)
    bar.query_edit.setText("ايران")
    bar.source_combo.setCurrentIndex(bar.source_combo.findData("وكالة"))
    bar.dates_check.setChecked(True)
    assert bar.date_from_edit.isEnabled() and bar.kind_combo.isEnabled()
    bar.date_from_edit.setDate(QDate(2021, 5, 1))
    bar.date_to_edit.setDate(QDate(2021, 5, 31))
    bar.kind_combo.setCurrentIndex(bar.kind_combo.findData("mentioned"))
    with qtbot.waitSignal(bar.search_changed, timeout=DEBOUNCE_MS * 10) as blocker:
        pass
    assert blocker.args == [
        SearchRequest(
            query="ايران",
            source="وكالة",
            date_from=to_axis(datetime(2021, 5, 1)),
            date_to=to_axis(datetime(2021, 6, 1)),
            event_kind="mentioned",
        )
    ]
    with qtbot.waitSignal(bar.search_changed, timeout=DEBOUNCE_MS * 10) as blocker:
        bar.dates_check.setChecked(False)
    assert blocker.args[0].date_from is None and blocker.args[0].event_kind is None


def test_return_searches_at_once_and_escape_clears(qtbot: QtBot) -> None:
    bar = make_bar(qtbot)
    received: list[SearchRequest] = []
    bar.search_changed.connect(received.append)
    bar.query_edit.setText("قمة")
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Return)
    assert received == [SearchRequest(query="قمة")]
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Escape)
    assert bar.query_edit.text() == ""
    qtbot.waitUntil(lambda: len(received) == 2, timeout=DEBOUNCE_MS * 10)
    assert received[-1].is_empty


def test_escape_in_a_filter_box_leaves_the_words_typed(qtbot: QtBot) -> None:
    # The source and date boxes leave Escape to the bar, which cleared the search field:
    # a user backing out of a date lost the words of the search.
    bar = make_bar(qtbot)
    bar.query_edit.setText("قمة")
    bar.dates_check.setChecked(True)
    for box in (bar.source_combo, bar.date_from_edit, bar.date_to_edit, bar.kind_combo):
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        assert bar.query_edit.text() == "قمة"
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Escape)  # in the field itself it clears
    assert bar.query_edit.text() == ""


def test_keyboard_reaches_every_control(qtbot: QtBot) -> None:
    bar = make_bar(qtbot)
    bar.dates_check.setChecked(True)
    controls = [
        bar.query_edit,
        bar.source_combo,
        bar.dates_check,
        bar.date_from_edit,
        bar.date_to_edit,
        bar.kind_combo,
    ]
    chain, widget = [], bar.query_edit.nextInFocusChain()
    while widget is not bar.query_edit:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    assert all(c.focusPolicy() & Qt.FocusPolicy.TabFocus for c in controls)
    assert [bar.query_edit, *(w for w in chain if w in controls)] == [
        bar.query_edit,
        bar.source_combo,
        bar.dates_check,
        bar.date_from_edit,
        bar.date_to_edit,
        bar.kind_combo,
    ]
    assert bar.focusProxy() is bar.query_edit
    assert bar.query_edit.isClearButtonEnabled() and bar.query_edit.placeholderText()


def test_sources_can_be_replaced_keeping_the_choice(qtbot: QtBot) -> None:
    bar = make_bar(qtbot)
    bar.source_combo.setCurrentIndex(bar.source_combo.findData("وكالة"))
    bar.set_sources(["أ", "وكالة"])
    assert bar.request().source == "وكالة"
    assert [bar.source_combo.itemData(i) for i in range(3)] == [None, "أ", "وكالة"]


def test_many_sources_are_offered_and_replaced_whole_and_shown_as_written(
    qtbot: QtBot,
) -> None:
    """A crawl's archive has a source a site: 50,000 of them were removed and added one
    at a time on every store change (0.63 s of the GUI thread), and a name's bidi
    override acted in the box."""
    bar = make_bar(qtbot)
    many = [f"مصدر-{i}" for i in range(50_000)] + ["txt.\u202eexe"]
    bar.set_sources(many)
    bar.source_combo.setCurrentIndex(bar.source_combo.findData("مصدر-31337"))
    with qtbot.assertNotEmitted(bar.search_changed, wait=0):
        bar.set_sources(many[1:])  # a source before it went: the choice is kept
    assert bar.source_combo.count() == len(many)
    assert bar.source_combo.currentData() == "مصدر-31337" == bar.request().source
    assert bar.source_combo.currentText() == "\u2068مصدر-31337\u2069"  # isolated
    hostile = bar.source_combo.findData("txt.\u202eexe")
    assert "\u202e" not in bar.source_combo.itemText(hostile)
    assert "txt." in bar.source_combo.itemText(hostile)
    assert bar.source_combo.itemText(0) == bar.tr("All sources")
    with qtbot.waitSignal(bar.search_changed):  # the chosen source is gone: search again
        bar.set_sources(["أ"])
    assert bar.source_combo.currentIndex() == 0 and bar.request().source is None
    # A huge name is shown cut, as titles are (display_safe.shown_part).
    bar.set_sources(["م" * 100_000])
    assert bar.source_combo.itemText(1) == "\u2068" + "م" * 1_000 + "\u2026\u2069"
    assert len(bar.source_combo.itemData(1, Qt.ItemDataRole.ToolTipRole)) < 2_000
    assert bar.source_combo.itemData(1) == "م" * 100_000  # the filter keeps the whole name


def test_result_count_and_error(qtbot: QtBot) -> None:
    bar = make_bar(qtbot)
    bar.show_result_count(1234, None)
    assert "1" in bar.count_label.text() and "234" in bar.count_label.text()
    assert bar.message_label.isHidden()
    bar.show_result_count(None, "Type a word to search for")
    assert bar.message_label.text() == "Type a word to search for"
    assert not bar.message_label.isHidden() and bar.count_label.text() == ""
    bar.show_result_count(None, None)
    assert bar.count_label.text() == "" and bar.message_label.isHidden()


def test_a_long_message_wraps_under_the_field_and_leaves_it_its_width(qtbot: QtBot) -> None:
    # "No results. Did you mean: ..." beside the field squeezed it to a few letters and
    # widened the pane; under it, the message wraps and the field keeps its width.
    bar = make_bar(qtbot)
    bar.resize(360, bar.sizeHint().height())
    bar.show()
    qtbot.waitExposed(bar)
    width = bar.query_edit.width()
    least = bar.minimumSizeHint().width()
    words = ("السعودية", "الساعة", "العودة", "الدعوة", "السرعة")
    bar.show_result_count(0, None, words)
    qtbot.waitUntil(lambda: bar.message_label.isVisible())
    assert all(w in bar.message_label.text() for w in words)
    assert bar.query_edit.width() == width
    assert bar.minimumSizeHint().width() <= least  # the pane is not widened
    assert bar.message_label.geometry().top() >= bar.query_edit.geometry().bottom()


def _type(widget, text: str) -> None:
    """Key events with their text, as a keyboard sends them (QTest cannot send Arabic)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        key = Qt.Key.Key_0 + int(ch) if ch.isdigit() else Qt.Key.Key_Minus
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


@pytest.mark.parametrize(
    ("language", "digits"), [("en", "western"), ("ar", "western"), ("ar", "arabic")]
)
@pytest.mark.parametrize("typed", ["20200305", "2020-03-05", "٢٠٢٠-٠٣-٠٥"])
def test_typed_digits_go_into_the_date_boxes(
    qtbot: QtBot, language: str, digits: str, typed: str
) -> None:
    bar = make_bar(qtbot)
    bar.set_interface(language, digits)
    bar.show()
    bar.dates_check.setChecked(True)
    edit = bar.date_from_edit
    edit.setDate(QDate(2025, 12, 1))
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Home)  # the cursor inside the full year, as a click leaves it
    _type(edit, typed)
    assert edit.date() == QDate(2020, 3, 5)


@pytest.mark.parametrize(
    ("language", "digits", "shown"),
    [
        ("en", "western", "2015-08-01"),
        ("ar", "western", "2015-08-01"),
        ("ar", "arabic", "٢٠١٥-٠٨-٠١"),
    ],
)
def test_a_date_typed_over_the_whole_box_in_a_right_to_left_window(
    qtbot: QtBot, language: str, digits: str, shown: str
) -> None:
    """Right to left, QDateEdit reversed its sections (19-07-2015, the year last): a
    year typed went into the day, "-" jumped to the other box. The boxes are written
    year first as the detail pane writes a day, in the chosen digits."""
    bar = make_bar(qtbot)
    if language == "ar":
        bar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    bar.set_interface(language, digits)
    bar.show()
    bar.dates_check.setChecked(True)
    first, last = bar.date_from_edit, bar.date_to_edit
    first.setDate(QDate(2015, 7, 19))
    last.setDate(QDate(2015, 8, 30))
    first.setFocus()
    qtbot.mouseClick(first.lineEdit(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(first, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(first, "2015-08-01")
    assert first.date() == QDate(2015, 8, 1)
    assert last.date() == QDate(2015, 8, 30)
    assert first.text() == shown
    assert first.lineEdit().layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert first.displayFormat() == "yyyy-MM-dd"
    # The calendar that drops down keeps the interface's direction.
    expected = (
        Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    )
    assert first.calendarWidget().layoutDirection() == expected


def test_date_range_starts_from_the_given_range_until_edited(qtbot: QtBot) -> None:
    from datetime import date

    bar = make_bar(qtbot)
    bar.set_date_range(date(1869, 11, 17), date(2021, 5, 22))
    assert bar.date_from_edit.date() == QDate(1869, 11, 17)
    assert bar.date_to_edit.date() == QDate(2021, 5, 22)
    bar.dates_check.setChecked(True)
    assert bar.request().date_from == to_axis(datetime(1869, 11, 17))
    bar.date_to_edit.setDate(QDate(2000, 1, 1))  # the reader's own choice
    bar.set_date_range(date(1800, 1, 1), date(2022, 1, 1))
    assert bar.date_to_edit.date() == QDate(2000, 1, 1)


def test_unticked_dates_show_the_given_range_again_not_the_filter_left_off(
    qtbot: QtBot,
) -> None:
    """Dates unticked is no filter: its greyed boxes kept the range last set, a filter
    a reader could take for one still in force while the window showed other years."""
    from datetime import date

    bar = make_bar(qtbot)
    bar.dates_check.setChecked(True)
    bar.date_from_edit.setDate(QDate(2015, 4, 1))  # the reader's own range
    bar.date_to_edit.setDate(QDate(2015, 4, 10))
    bar.dates_check.setChecked(False)
    assert bar.request().date_from is None
    bar.set_date_range(date(2020, 1, 1), date(2020, 12, 31))  # the days in view
    assert (bar.date_from_edit.date(), bar.date_to_edit.date()) == (
        QDate(2020, 1, 1),
        QDate(2020, 12, 31),
    )
    bar.dates_check.setChecked(True)  # ticked again: on what the boxes show
    assert bar.request().date_from == to_axis(datetime(2020, 1, 1))


@pytest.mark.parametrize(
    ("language", "weekend", "workday"),
    [
        ("ar", [Qt.DayOfWeek.Friday, Qt.DayOfWeek.Saturday], Qt.DayOfWeek.Sunday),
        ("en", [Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday], Qt.DayOfWeek.Friday),
    ],
)
def test_calendar_weekend_follows_the_interface(
    qtbot: QtBot, language: str, weekend: list[Qt.DayOfWeek], workday: Qt.DayOfWeek
) -> None:
    bar = make_bar(qtbot)
    bar.set_interface(language, "western")
    calendar = bar.date_from_edit.calendarWidget()
    red = {day: calendar.weekdayTextFormat(day).foreground().color().red() for day in Qt.DayOfWeek}
    assert all(red[day] > 150 for day in weekend)
    assert red[workday] < 100


def test_result_count_in_english_plural_and_chosen_digits(qtbot: QtBot) -> None:
    bar = make_bar(qtbot)
    bar.show_result_count(1)
    assert bar.count_label.text() == "1 result"
    bar.show_result_count(1_234_567)
    assert bar.count_label.text() == "1,234,567 results"
    bar.set_interface("en", "arabic")
    bar.show_result_count(1_234_567)
    assert bar.count_label.text() == "١٬٢٣٤٬٥٦٧ results"


def test_no_results_offer_the_nearest_spellings(qtbot: QtBot) -> None:
    bar = make_bar(qtbot)
    bar.show_result_count(0, suggestions=("ماليزيا", "ماليزي"))
    assert "ماليزيا" in bar.message_label.text() and "ماليزي" in bar.message_label.text()
    bar.show_result_count(3, suggestions=("ماليزيا",))
    assert "ماليزيا" not in bar.message_label.text() + bar.count_label.text()


def test_the_date_kind_is_shown_whole_in_a_narrow_pane(qtbot: QtBot) -> None:
    # The list pane of an 800 px window is about 360 px wide: the source's combo elides
    # a long name, but the kind's names are few and short and must never be clipped.
    bar = make_bar(qtbot)
    bar.set_sources(["مصدر باسم طويل جدا لا يتسع له شريط البحث الضيق في النافذة"])
    bar.resize(360, bar.sizeHint().height())
    bar.show()
    qtbot.waitExposed(bar)
    combo = bar.kind_combo
    metrics = combo.fontMetrics()
    widest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.width() >= widest + 16
    assert bar.source_combo.width() < metrics.horizontalAdvance(bar.source_combo.itemText(1))


# The offscreen platform can neither raise a popup nor give it the keyboard, and says so.
@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing", extend=True
)
@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_the_source_list_opens_at_once_under_the_box_within_the_screen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, direction: Qt.LayoutDirection
) -> None:
    """Opening the list of 50,000 sources read every name (450,000 calls of the model's
    data, 1.3-1.9 s each time), and one long name made the list as wide as the screen."""
    bar = make_bar(qtbot)
    bar.setLayoutDirection(direction)

    class Counting(SourceModel):
        calls = 0

        def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
            Counting.calls += 1
            return super().data(index, role)

    bar.sources = Counting(bar.tr("All sources"), bar.source_combo)
    bar.source_combo.setModel(bar.sources)
    bar.set_sources([f"source-{i}.example.com" for i in range(50_000)] + ["S" * 3_000])
    bar.resize(360, bar.sizeHint().height())
    bar.show()
    qtbot.waitExposed(bar)
    Counting.calls = 0
    combo = bar.source_combo
    combo.showPopup()
    popup = combo.view().window()
    box = QRect(combo.mapToGlobal(QPoint(0, 0)), combo.size())
    placed = popup.geometry()
    qtbot.waitUntil(popup.isVisible)
    qtbot.wait(50)  # the list laid out and painted
    assert Counting.calls < 5_000
    screen = combo.screen().availableGeometry()
    assert combo.width() <= placed.width() < screen.width()
    # From the box's leading edge (a few pixels of frame aside), or against the screen's.
    if direction == Qt.LayoutDirection.RightToLeft:
        assert abs(placed.right() - box.right()) <= 4 or placed.left() <= screen.left() + 4
    else:
        assert abs(placed.left() - box.left()) <= 4
    assert placed.top() >= box.bottom() - 4  # under the box, not over it
    combo.hidePopup()


def test_a_source_is_laid_out_in_its_own_direction_and_found_as_typed(qtbot: QtBot) -> None:
    """ "@source" (a social account) in a right-to-left box read "source@"; the names
    are isolated, and typing a name's first letters still finds it."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent, QTextOption
    from PySide6.QtWidgets import QApplication

    from tests.ui.rendering import lay_out

    bar = make_bar(qtbot)
    bar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    bar.set_sources(["alweeam", "@AlArabiya", "عكاظ", "aawsat"])
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    handle = bar.source_combo.findData("@AlArabiya")
    assert lay_out(bar.source_combo.itemText(handle), bar.font(), option).visual == "@AlArabiya"
    box = bar.source_combo
    for typed, expected in (("@", "@AlArabiya"), ("ع", "عكاظ")):
        # Sent as the keyboard sends it (QTest cannot type an Arabic letter).
        QApplication.sendEvent(
            box, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, typed)
        )
        assert box.currentData() == expected
        qtbot.wait(1_100)  # the box's typed prefix is forgotten after a pause
    model = box.model()
    assert [
        i.row() for i in model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, "AA", -1)
    ] == [4]


@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing", extend=True
)
@pytest.mark.parametrize(("language", "leading"), [("ar", "right"), ("en", "left")])
def test_the_calendar_drops_from_the_boxs_leading_edge(
    qtbot: QtBot, language: str, leading: str
) -> None:
    """The date boxes are laid out left to right in either interface, and QDateEdit
    hung their calendar from the box's left edge: in an Arabic window of 800 x 500 it
    ran 166 px past the window's right edge, over what lay beside it.  Right to left it
    hangs from the box's right edge, as a right-to-left box's does; and never off the
    screen."""
    from PySide6.QtCore import QRect
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    )
    bar = SearchBar(window)
    bar.set_interface(language, "western")
    bar.dates_check.setChecked(True)
    screen = window.screen().availableGeometry()
    window.setGeometry(screen.left(), screen.top() + 40, screen.width(), 300)
    window.show()
    qtbot.waitExposed(window)
    for x in (0, screen.width() - 380):  # the bar (a list pane's) at either edge
        bar.setGeometry(x, 0, 380, bar.sizeHint().height())
        for box in (bar.date_from_edit, bar.date_to_edit):
            # Its arrow: at the right of a box laid out left to right.
            QTest.mouseClick(
                box,
                Qt.MouseButton.LeftButton,
                pos=QPoint(box.width() - 6, box.height() // 2),
            )
            popup = box.calendarWidget().window()
            qtbot.waitUntil(popup.isVisible)
            placed = popup.geometry()
            at = QRect(box.mapToGlobal(QPoint(0, 0)), box.size())
            assert screen.left() <= placed.left() and placed.right() <= screen.right()
            edge_free = placed.width() <= (
                at.right() - screen.left() if leading == "right" else screen.right() - at.left()
            )
            if edge_free:  # room on the screen to hang it from the box's leading edge
                if leading == "right":
                    assert abs(placed.right() - at.right()) <= 4, (x, placed, at)
                else:
                    assert abs(placed.left() - at.left()) <= 4, (x, placed, at)
            assert placed.top() >= at.bottom() - 4
            popup.hide()


def placeholder_room(edit: QLineEdit) -> int:
    """The width QLineEdit gives its placeholder before eliding it, as its paintEvent
    works it out: the contents rect, less the side buttons shown (the clear button only
    once there is text), a margin of 2 px each side and the font's left bearing."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    buttons = sum(b.width() for b in edit.findChildren(QToolButton) if b.isVisibleTo(edit))
    bearing = max(0, -edit.fontMetrics().minLeftBearing())
    return contents.width() - margins.left() - margins.right() - buttons - 2 * 2 - bearing


def _small_window(
    qtbot: QtBot, store: Store, language: str, request: pytest.FixtureRequest
) -> MainWindow:
    """The window at 800x500 on store, in the language given, shown."""
    if language == "ar":
        request.getfixturevalue("arabic")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(800, 500)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_search_hint_is_read_whole_in_a_small_window(
    qtbot: QtBot, sample_store: Store, language: str, request: pytest.FixtureRequest
) -> None:
    """At 800x500 "Search articles: words, ..." (359 px) was cut to "-exclude, ...": the
    user could not read that OR is taken.  A search by the filters alone put its count
    ("200 results") beside the empty field, which it narrowed by 95 px: the hint was cut
    again."""
    window = _small_window(qtbot, sample_store, language, request)
    bar = window.search_bar
    edit = bar.query_edit

    def hint_read_whole() -> None:
        assert edit.text() == "" and edit.placeholderText().endswith("OR")
        if language == "ar":
            assert edit.placeholderText().startswith("ابحث")
        hint = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        assert hint <= placeholder_room(edit)

    hint_read_whole()
    # The rest of what the search takes is in the tooltip, as plain text.
    tip = edit.toolTip()
    assert "OR" in tip and not QtGuiNamespace.mightBeRichText(tip)
    # Searched by the dates alone: the hint is read whole, and the count too.
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        bar.dates_check.setChecked(True)
    qtbot.waitUntil(lambda: bar.count_label.text() != "")
    qtbot.wait(50)  # laid out again
    hint_read_whole()
    count = bar.count_label
    assert count.isVisible() and count.width() >= count.sizeHint().width()
    assert count.geometry().intersected(edit.geometry()).isEmpty()
    # Once words are typed the hint is gone: the count is beside them, as before.
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        edit.setText("في")
    qtbot.wait(50)
    assert count.isVisible() and count.text() and bar.message_label.isHidden()
    assert abs(count.geometry().center().y() - edit.geometry().center().y()) <= 2


@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing", extend=True
)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_date_boxs_calendar_opens_by_keys_as_a_combo_boxs_list_does(
    qtbot: QtBot, language: str
) -> None:
    """F4 or Alt+Down drops the calendar down, as they drop a combo box's list: it
    opened only at a click on the arrow, and Alt+Down took a year off the date.  Its
    arrows choose a day, Return takes it, Escape leaves the date as it was."""
    bar = make_bar(qtbot)
    bar.set_interface(language, "western")
    bar.show()
    qtbot.waitExposed(bar)
    bar.dates_check.setChecked(True)
    box = bar.date_from_edit
    box.setDate(QDate(2015, 7, 21))
    box.setFocus()
    popup = box.calendarWidget().window()
    # The keys a popup grabs go to its focus widget, which must be its days (with none,
    # the arrows and Return went nowhere); offscreen grabs no keyboard: sent to them.
    days = box.calendarWidget().focusProxy()
    for key, modifier in (
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
    ):
        qtbot.keyClick(box, key, modifier)
        qtbot.waitUntil(popup.isVisible)
        assert popup.focusWidget() is days
        assert box.date() == QDate(2015, 7, 21)
        assert box.calendarWidget().selectedDate() == QDate(2015, 7, 21)
        qtbot.keyClick(days, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not popup.isVisible())
        assert box.date() == QDate(2015, 7, 21)
    qtbot.keyClick(box, Qt.Key.Key_F4)
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(days, Qt.Key.Key_Down)  # a week on
    qtbot.keyClick(days, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert box.date() == QDate(2015, 7, 28)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_long_spelling_offered_does_not_widen_the_window(
    qtbot: QtBot, sample_store: Store, language: str, request: pytest.FixtureRequest
) -> None:
    """A word of 240 letters in an article (a run of words without spaces), offered as
    a spelling, made a button as wide as itself: at 800x500 the window's contents were
    laid out some 1,500 px wide and cut, the menus gone off its edge.  The button shows
    its start with an ellipsis; the tooltip, and a click, have the whole word."""
    window = _small_window(qtbot, sample_store, language, request)
    bar = window.search_bar
    word = "مستشفيات" * 30
    bar.query_edit.setText(word[:-1])
    bar.show_result_count(0, corrections=((word[:-1], word), (word[:-1], "Internationalization")))
    qtbot.waitUntil(lambda: bar.suggestion_bar.isVisible())
    assert window.minimumSizeHint().width() <= 800
    assert bar.width() <= window.width() // 2
    first, second = (bar.suggestion_bar.widgetForAction(a) for a in bar.suggestion_bar.actions())
    assert isinstance(first, QToolButton) and isinstance(second, QToolButton)
    assert first.text().endswith("…\u2069") and first.toolTip() == plain_tooltip(word)
    assert second.text() == action_text("Internationalization")  # short enough: whole
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        first.click()
    assert bar.query_edit.text() == word


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_spelling_offered_is_chosen_by_a_click_or_the_keys(
    qtbot: QtBot, sample_store: Store, language: str, request: pytest.FixtureRequest
) -> None:
    """ "Did you mean" named the spellings the library holds as words to type again by
    hand: each is a button now, reached by Tab from the field, that puts it in the place
    of the word it stands for (the other words as typed) and searches again."""
    window = _small_window(qtbot, sample_store, language, request)
    bar = window.search_bar
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        bar.query_edit.setText("مجلس الوزرا")
    qtbot.waitUntil(lambda: bar.suggestion_bar.isVisible())
    assert window.model.rowCount() == 0
    assert bar.message_label.text().endswith(":") and "وزراء" not in bar.message_label.text()
    buttons = [bar.suggestion_bar.widgetForAction(a) for a in bar.suggestion_bar.actions()]
    texts = [b.text() for b in buttons if isinstance(b, QToolButton)]
    assert texts[0] == action_text("وزراء")  # isolated, as untrusted text is
    assert buttons[0].toolTip() == plain_tooltip("وزراء")
    # Narrow as the pane is, the buttons never widen it.
    assert bar.width() <= window.width() // 2
    # The keys: Tab from the field is on the first spelling; Space takes it.
    window.activateWindow()
    bar.query_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bar.query_edit)
    qtbot.keyClick(bar.query_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is buttons[0]
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        qtbot.keyClick(buttons[0], Qt.Key.Key_Space)
    assert bar.query_edit.text() == "مجلس وزراء"
    assert window.search is not None and window.search.query == "مجلس وزراء"
    # Both words held now: nothing more to offer.
    assert bar.suggestion_bar.isHidden()
    # A word alone: its spelling found its articles.
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        bar.query_edit.setText("الوزرا")
    qtbot.waitUntil(lambda: bar.suggestion_bar.isVisible())
    first = bar.suggestion_bar.widgetForAction(bar.suggestion_bar.actions()[0])
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        first.click()
    assert bar.query_edit.text() == "وزراء" and window.model.rowCount() > 0
    assert bar.suggestion_bar.isHidden() and bar.message_label.isHidden()
