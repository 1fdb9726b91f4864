"""The search bar: query, source, date range and date kind; emits a debounced SearchRequest."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QStyleOptionComboBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from timeline.model import to_axis
from timeline.store.search import SearchRequest
from timeline.text.display_safe import isolated, shown_part
from timeline.text.query import with_word_replaced
from timeline.timescale import LabelStyle
from timeline.ui.date_text import counted
from timeline.ui.plain_text import action_text, plain_tooltip

DEBOUNCE_MS = 200


def _axis(day: QDate) -> int:
    return to_axis(datetime(day.year(), day.month(), day.day()))


# Weekend days by interface language: Friday and Saturday in the Arab world.
WEEKENDS = {
    "ar": (Qt.DayOfWeek.Friday, Qt.DayOfWeek.Saturday),
    "en": (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday),
}
_WEEKEND_COLOUR = QColor(200, 0, 0)
_SEPARATORS = ("-", "/", ".")
# (month names, digits) -> the country whose Arabic locale writes them so in calendars.
_CALENDAR_COUNTRY = {
    ("levant", "arabic"): QLocale.Country.Syria,
    ("levant", "western"): QLocale.Country.Libya,
    ("egypt", "arabic"): QLocale.Country.Egypt,
    ("egypt", "western"): QLocale.Country.Libya,
    ("gulf", "arabic"): QLocale.Country.SaudiArabia,
    ("gulf", "western"): QLocale.Country.Libya,
    ("maghreb", "arabic"): QLocale.Country.Egypt,
    ("maghreb", "western"): QLocale.Country.Algeria,
}


def interface_locale(language: str, digits: str, months: str = "levant") -> QLocale:
    """The locale Qt's own widgets write the interface's language in (the calendars, Qt's
    file dialog: file_dialogs.file_dialog): Arabic names in an Arabic interface, as close
    to the chosen month names and digits as a locale comes; an English interface keeps
    English, Western digits."""
    if language == "ar":
        country = _CALENDAR_COUNTRY.get((months, digits), QLocale.Country.Egypt)
        return QLocale(QLocale.Language.Arabic, country)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


class DateBox(QDateEdit):
    """A date edit that takes typed digits, Western or Arabic-Indic, wherever the cursor is.

    QDateEdit ignores a digit typed into a section that is already full (a click puts
    the cursor inside "2025"): the section is selected first, so the digit replaces it.
    A separator typed just after the edit moved on to the next section by itself is
    dropped, so "2020-03-05" typed out in full lands in the right sections.

    It is laid out left to right in either interface. Right to left, QDateEdit reverses
    its sections (yyyy-MM-dd became dd-MM-yyyy, the year last, and displayFormat() came
    back empty): a year typed first went into the day and was refused, "-" jumped to the
    next box. A day is written year first, as the detail pane and the list write it;
    the calendar that drops down keeps the interface's direction (set_direction), and
    hangs from the box's edge on that side (_place_calendar).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setCalendarPopup(True)
        self.set_direction(QApplication.layoutDirection())
        # The calendar's own window (made by calendarWidget): placed as it is shown.
        self.calendarWidget().window().installEventFilter(self)

    def set_direction(self, direction: Qt.LayoutDirection) -> None:
        """The calendar's direction: the interface's, whatever the box's own."""
        self.calendarWidget().setLayoutDirection(direction)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched is self.calendarWidget().window():
            self._place_calendar(self.calendarWidget().window())
            # The keys the calendar grabs go to its days: without a focus widget of its
            # own it took only Escape, and its arrows and Return went nowhere.
            self.calendarWidget().setFocus(Qt.FocusReason.PopupFocusReason)
        return super().eventFilter(watched, event)

    def _drop_calendar(self) -> None:
        """Drop the calendar down as a click on the arrow does (F4, Alt+Down, as a combo
        box's list): QDateEdit opens it only from a click, and Alt+Down stepped the date
        down a year.  The click goes through QDateEdit's own handler, which sets the
        calendar to the box's date and keeps it to put back on Escape."""
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        arrow = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
        at = QPointF(arrow.center())
        click = QMouseEvent(
            QEvent.Type.MouseButtonPress,
            at,
            QPointF(self.mapToGlobal(arrow.center())),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        self.mousePressEvent(click)

    def _place_calendar(self, popup: QWidget) -> None:
        """Right to left, the calendar hangs from the box's right edge, within the screen.

        QDateEdit places it by the box's own direction, left to right here: from the
        box's left edge it ran past the right edge of an Arabic window of 800 x 500 (166
        px), over the list beside it.  Moved before it is mapped (on its Show event),
        so it never shows where QDateEdit put it; its height and side stay QDateEdit's.
        """
        if self.calendarWidget().layoutDirection() != Qt.LayoutDirection.RightToLeft:
            return
        width = max(popup.width(), popup.sizeHint().width())
        right = self.mapToGlobal(QPoint(self.width() - 1, 0)).x()
        screen = self.screen().availableGeometry()
        left = max(screen.left(), min(right - width + 1, screen.right() - width + 1))
        popup.move(left, popup.y())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_F4 or (alt and key in (Qt.Key.Key_Down, Qt.Key.Key_Up)):
            self._drop_calendar()
            event.accept()
            return
        text = event.text()
        line = self.lineEdit()
        at = line.cursorPosition()
        at_section_start = at == 0 or not line.text()[at - 1].isdigit()
        if len(text) == 1 and text.isdigit():
            if not line.hasSelectedText() and at_section_start:
                self.setSelectedSection(self.currentSection())
            digit = chr(ord(self.locale().zeroDigit()) + int(text))
            if digit != text:
                event = QKeyEvent(event.type(), event.key(), event.modifiers(), digit)
        elif text in _SEPARATORS and at > 0 and at_section_start:
            event.accept()
            return
        super().keyPressEvent(event)


_NO_PARENT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole


class SearchBar(QWidget):
    """A search field with filters.  It never runs a query: it says what to search.

    search_changed(SearchRequest) is emitted DEBOUNCE_MS after the last change (at
    once on Return); an empty request (request.is_empty) means "clear the search".
    The date range is whole days, from the first day to the end of the last.
    """

    search_changed = Signal(object)
    results_asked = Signal()  # Down in the search field: on to the list of results

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last: SearchRequest | None = None
        self._style = LabelStyle(language="en")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self._build()
        self._connect()

    # -- building ------------------------------------------------------------

    def _build(self) -> None:
        self.query_edit = QLineEdit(self)
        self.query_edit.setObjectName("search_query")
        self.query_edit.setClearButtonEnabled(True)
        # What a screen reader calls each box: a placeholder or a tooltip is not its name.
        self.query_edit.setAccessibleName(self.tr("Search articles"))
        # Read whole in an 800 px window, which leaves it 347 px: "Search articles: ..."
        # took 359 and lost its "OR" to an ellipsis; this takes 309 (in Arabic 244).
        # The field's name says what it searches, the tooltip what each form does.
        self.query_edit.setPlaceholderText(
            self.tr('Search: words, "a phrase", prefix*, -exclude, OR')
        )
        self.query_edit.setToolTip(
            self.tr(
                "Spelling variants match: \u2067ايار\u2069 finds \u2067أيّار\u2069, ٢٠٢١ finds 2021.\n"
                'Words must all occur; "quotes" keep a phrase; word* is a prefix;\n'
                "-word excludes a word; OR gives alternatives."
            )
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("search_count")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)  # errors may quote text
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count_label.hide()  # shown with a count (show_result_count)
        # Why a search found nothing or could not run, on a row of its own under the
        # field: beside it, a long message ("No results. Did you mean: ...") squeezed
        # the field to a few letters and widened the pane.
        self.message_label = QLabel(self)
        self.message_label.setObjectName("search_message")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)  # errors may quote text
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        # The nearest spellings under it, each a button that puts it in the place of the
        # word it stands for and searches again (they were words to type again by hand);
        # a toolbar, so that those a narrow pane has no room for go under its extension
        # button rather than widen the pane.
        self.suggestion_bar = QToolBar(self)
        self.suggestion_bar.setObjectName("search_suggestions")
        self.suggestion_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.suggestion_bar.setAccessibleName(self.tr("Spellings the library holds"))
        self.suggestion_bar.hide()

        self.source_combo = SourceBox(self)
        self.source_combo.setObjectName("search_source")
        self.sources = SourceModel(self.tr("All sources"), self.source_combo)
        self.source_combo.setModel(self.sources)
        source_label = QLabel(self.tr("S&ource:"), self)
        source_label.setBuddy(self.source_combo)
        self.source_combo.setAccessibleName(self.tr("Source"))  # not its choice alone

        self.dates_check = QCheckBox(self.tr("&Dates"), self)
        self.dates_check.setObjectName("search_dates")
        self._dates_edited = False
        self.date_from_edit = DateBox(self)
        self.date_to_edit = DateBox(self)
        today = QDate.currentDate()
        for edit, name, day in (
            (self.date_from_edit, "search_date_from", today.addYears(-1)),
            (self.date_to_edit, "search_date_to", today),
        ):
            edit.setObjectName(name)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDateRange(QDate(1, 1, 1), QDate(9999, 12, 31))
            edit.setDate(day)
            edit.setEnabled(False)
        self.date_from_edit.setToolTip(self.tr("First day"))
        self.date_to_edit.setToolTip(self.tr("Last day"))
        self.date_from_edit.setAccessibleName(self.tr("First day"))
        self.date_to_edit.setAccessibleName(self.tr("Last day"))
        to_label = QLabel(self.tr("to"), self)

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("search_kind")
        self.kind_combo.addItem(self.tr("Published or mentioned"), None)
        self.kind_combo.addItem(self.tr("Published"), "published")
        self.kind_combo.addItem(self.tr("Mentioned"), "mentioned")
        self.kind_combo.setEnabled(False)
        self.kind_combo.setToolTip(self.tr("Which dates of an article the range applies to"))
        self.kind_combo.setAccessibleName(self.tr("Kind of date"))

        # Long source names must not widen the list pane: the combo elides instead.
        self.source_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.source_combo.setMinimumContentsLength(8)
        # Its choices drop down under it as a list laid out in batches, each row as high
        # as the first: opening it measured every source (1.3-1.9 s for 50,000, each
        # time), and one long name made it as wide as the screen.
        # Over the application's own style (a style given with -style included).
        self._source_style = ListBelow(QApplication.style().name())
        self.source_combo.setStyle(self._source_style)
        source_view = self.source_combo.view()
        source_view.setUniformItemSizes(True)
        source_view.setLayoutMode(QListView.LayoutMode.Batched)
        source_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        source_view.setMinimumWidth(self.fontMetrics().averageCharWidth() * SOURCE_LIST_CHARS)
        # The kind's three names are short and fixed: shown whole, never cut (at 800 px
        # "Published or mentioned" was clipped to "Published or ment").
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        # Three short rows, so the bar fits a narrow list pane.
        rows = [QHBoxLayout() for _ in range(3)]
        self._query_row = rows[0]
        rows[0].addWidget(self.query_edit, 1)
        rows[0].addWidget(self.count_label)  # beside the words; _place_count
        rows[1].addWidget(source_label)
        rows[1].addWidget(self.source_combo, 1)
        rows[1].addWidget(self.kind_combo)
        rows[2].addWidget(self.dates_check)
        rows[2].addWidget(self.date_from_edit, 1)
        rows[2].addWidget(to_label)
        rows[2].addWidget(self.date_to_edit, 1)
        layout = QVBoxLayout(self)
        # A little room at the sides: flush with the window's edge, the check box and
        # the field's focus frame were cut by a pixel or two (right to left, the box).
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(4)
        layout.addLayout(rows[0])
        layout.addWidget(self.message_label)
        layout.addWidget(self.suggestion_bar)
        for row in rows[1:]:
            layout.addLayout(row)
        self.setFocusProxy(self.query_edit)
        QWidget.setTabOrder(self.query_edit, self.source_combo)
        QWidget.setTabOrder(self.source_combo, self.dates_check)
        QWidget.setTabOrder(self.dates_check, self.date_from_edit)
        QWidget.setTabOrder(self.date_from_edit, self.date_to_edit)
        QWidget.setTabOrder(self.date_to_edit, self.kind_combo)

    def _connect(self) -> None:
        self.query_edit.installEventFilter(self)  # (its Escape and Down: eventFilter)
        self.query_edit.textChanged.connect(self._schedule)
        self.query_edit.textChanged.connect(self._place_count)
        self.query_edit.returnPressed.connect(self._emit_now)
        self.source_combo.currentIndexChanged.connect(self._schedule)
        self.dates_check.toggled.connect(self._dates_toggled)
        for edit in (self.date_from_edit, self.date_to_edit):
            edit.dateChanged.connect(self._schedule)
            # set_date_range blocks signals: only the reader's changes arrive here.
            edit.dateChanged.connect(self._dates_were_edited)
        self.kind_combo.currentIndexChanged.connect(self._schedule)

    # -- public --------------------------------------------------------------

    def set_sources(self, sources: list[str]) -> None:
        """Offer these sources (from timeline.store.search.distinct_sources); keeps the choice."""
        current = self.source_combo.currentData()
        self.source_combo.blockSignals(True)
        try:
            self.sources.set_sources(sources)
            index = self.sources.row_of(current)
            self.source_combo.setCurrentIndex(max(index, 0))
        finally:
            self.source_combo.blockSignals(False)
        if index < 0:  # the chosen source is gone
            self._schedule()

    def set_date_range(self, first: date, last: date) -> None:
        """Show these days in the date boxes (the window: the days in view while the filter
        is off), unless the reader has set them since Dates was last unticked."""
        if self._dates_edited:
            return
        for edit, day in ((self.date_from_edit, first), (self.date_to_edit, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        if self.dates_check.isChecked():
            self._schedule()

    def set_interface(self, language: str, digits: str, months: str = "levant") -> None:
        """Weekend days of the language in the calendars; the boxes in the chosen digits."""
        locale = interface_locale(language, digits, months)
        self._style = LabelStyle(
            language="ar" if language == "ar" else "en",
            digits="arabic" if digits == "arabic" else "western",
        )
        weekend = WEEKENDS.get(language, WEEKENDS["en"])
        direction = (
            Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
        )
        for edit in (self.date_from_edit, self.date_to_edit):
            edit.setLocale(locale)
            edit.set_direction(direction)
            calendar = edit.calendarWidget()
            calendar.setLocale(locale)
            for day in Qt.DayOfWeek:
                fmt = calendar.weekdayTextFormat(day)
                fmt.setForeground(
                    _WEEKEND_COLOUR if day in weekend else self.palette().text().color()
                )
                calendar.setWeekdayTextFormat(day, fmt)

    def _dates_were_edited(self) -> None:
        self._dates_edited = True

    def request(self) -> SearchRequest:
        """What the bar asks for now."""
        date_from = date_to = None
        kind = None
        if self.dates_check.isChecked():
            first, last = self.date_from_edit.date(), self.date_to_edit.date()
            if last < first:
                first, last = last, first
            date_from = _axis(first)
            date_to = _axis(last) + int(timedelta(days=1).total_seconds())
            kind = self.kind_combo.currentData()
        return SearchRequest(
            query=self.query_edit.text().strip(),
            source=self.source_combo.currentData(),
            date_from=date_from,
            date_to=date_to,
            event_kind=kind,
        )

    def show_result_count(
        self,
        n: int | None,
        error: str | None = None,
        suggestions: tuple[str, ...] = (),
        corrections: tuple[tuple[str, str], ...] = (),
    ) -> None:
        """Show how many articles matched, or why the search could not run.

        With no match, suggestions are the nearest spellings the library holds; given as
        corrections ((the word's token, the spelling): search.spelling_corrections), each
        is offered as a button that puts it in its word's place.
        """
        message = ""
        offered = corrections if n == 0 and not error else ()
        if offered:
            message = self.tr("No results. Did you mean:")
        elif n == 0 and suggestions and not error:
            message = self.tr("No results. Did you mean: %1?").replace(
                "%1", self.tr(", ").join(suggestions)
            )
        elif error:
            message = error
        text = ""
        if n is not None and not message:
            # Qt picks the plural form; the count is grouped in the chosen digits.
            # %Ln wrote n in the default locale's way: put it back to plain digits.
            plain = self.tr("%Ln result(s)", "", n).replace(QLocale().toString(n), str(n))
            text = counted(plain, n, self._style)
        self.count_label.setText(text)
        self.count_label.setVisible(bool(text))
        self._place_count()
        self.message_label.setText(message)
        self.message_label.setToolTip(plain_tooltip(message) if message else "")
        self.message_label.setVisible(bool(message))
        self.message_label.setProperty("error", bool(error))
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self._offer(offered)

    def _offer(self, corrections: tuple[tuple[str, str], ...]) -> None:
        """One button a spelling, reached by Tab from the field, in the order given."""
        bar = self.suggestion_bar
        bar.clear()
        previous: QWidget = self.query_edit
        # A word of the articles can be a run of hundreds of letters: its button as wide
        # as itself laid the window's contents out 1,622 px wide at 800x500, cut off.
        widest = bar.fontMetrics().averageCharWidth() * SUGGESTION_CHARS
        for token, written in corrections:
            shown = bar.fontMetrics().elidedText(written, Qt.TextElideMode.ElideRight, widest)
            action = bar.addAction(action_text(shown))  # from the articles: untrusted
            # A tool button shows the action's icon text, which Qt makes from its text
            # less a trailing ellipsis: the word cut read as whole.
            action.setIconText(action.text())
            action.setToolTip(plain_tooltip(written))
            action.triggered.connect(partial(self._take_suggestion, token, written))
            button = bar.widgetForAction(action)
            if button is not None:
                # Drawn as a link is (flat, they read as words of the message).
                font = button.font()
                font.setUnderline(True)
                button.setFont(font)
                palette = button.palette()
                palette.setColor(
                    QPalette.ColorRole.ButtonText, palette.color(QPalette.ColorRole.Link)
                )
                button.setPalette(palette)
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                QWidget.setTabOrder(previous, button)
                previous = button
        QWidget.setTabOrder(previous, self.source_combo)
        bar.setVisible(bool(corrections))

    def _take_suggestion(self, token: str, written: str) -> None:
        """A spelling chosen: it takes the place of the word it stands for (the rest of
        the query as typed), and the search runs at once."""
        typed = self.query_edit.text()
        replaced = with_word_replaced(typed, token, written)
        self.query_edit.setText(written if replaced is None else replaced)
        self.query_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._emit_now()

    def clear(self) -> None:
        self.query_edit.clear()

    def _place_count(self) -> None:
        """The count beside the words searched for; under the field, at its end, while
        the field is empty (a search by the filters alone).

        Beside the empty field "200 results" took 95 px of the 347 its hint has in an
        800 px window, and the hint lost its end to an ellipsis again.  Under the field
        it takes a line only while the hint shows; with words in the field, where the
        hint is not drawn, it is beside them as it always was.
        """
        beside = self._query_row.indexOf(self.count_label) >= 0
        if beside == bool(self.query_edit.text()):
            return
        bar = self.layout()
        assert isinstance(bar, QVBoxLayout)
        if beside:
            self._query_row.removeWidget(self.count_label)
            bar.insertWidget(1, self.count_label, 0, Qt.AlignmentFlag.AlignTrailing)
        else:
            bar.removeWidget(self.count_label)
            self._query_row.addWidget(self.count_label)

    # -- events --------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The search field's own keys: Escape clears its words, Down goes on to the
        results (its one line leaves Down unused).  Taken on the field itself: the
        source and date boxes leave Escape to the bar too, where it cleared the words
        typed in the field."""
        pressed = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        if watched is self.query_edit and pressed:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Cancel) and self.query_edit.text():
                self.query_edit.clear()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.results_asked.emit()
                return True
        return super().eventFilter(watched, event)

    def _dates_toggled(self, on: bool) -> None:
        for widget in (self.date_from_edit, self.date_to_edit, self.kind_combo):
            widget.setEnabled(on)
        if not on:
            # Unticked, the filter is off, and its greyed boxes follow the days given
            # again (the window's: those in view), as before the reader set a range:
            # kept, the range left off looked like a filter still in force while the
            # timeline showed other years.  Ticked again, it starts on what they show.
            self._dates_edited = False
        self._schedule()

    def _schedule(self) -> None:
        self._timer.start()

    def _emit_now(self) -> None:
        self._timer.stop()
        self._last = None  # Return searches again even when nothing changed
        self._emit()

    def _emit(self) -> None:
        request = self.request()
        if request == self._last:
            return
        self._last = request
        self.search_changed.emit(request)


# How wide a spelling's button is at most, in average characters ("Internationalization"
# whole; the tooltip has a longer one).
SUGGESTION_CHARS = 24

# How wide the source filter's list of choices is at least, in average characters:
# wider than the box (which the list pane keeps narrow), narrower than any screen.
SOURCE_LIST_CHARS = 40


class ListBelow(QProxyStyle):
    """A style whose combo boxes drop their choices down under them as a list, as on
    Windows, rather than as a popup over the box: Qt widens such a popup to its widest
    choice by measuring every one, each time it opens."""

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_ComboBox_Popup:
            return 0
        return super().styleHint(hint, option, widget, returnData)


class SourceBox(QComboBox):
    """The source filter's box: its list (ListBelow) hangs from the box's leading edge,
    its right one in a right-to-left window (Qt hangs a list wider than the box from
    its left edge, out of a right-to-left window), and stays on the screen."""

    def showPopup(self) -> None:
        super().showPopup()
        popup = self.view().window()
        top_left = self.mapToGlobal(QPoint(0, 0))
        x = top_left.x() + self.width() - popup.width() if self.isRightToLeft() else top_left.x()
        screen = self.screen().availableGeometry()
        x = max(screen.left(), min(x, screen.right() + 1 - popup.width()))
        popup.move(x, popup.y())


class SourceModel(QAbstractListModel):
    """The source filter's choices: "All sources" (data None), then every source, its
    name shown with controls and overrides made visible (for_display).

    Replaced whole on each store change: the combo box's own items were removed one by
    one and added one by one, 0.63 s of the GUI thread for 50,000 sources (a crawl's
    domains) when they were set again, and a source's name obeyed its bidi overrides.
    """

    def __init__(self, everything: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._everything = everything
        self._sources: list[str] = []
        self._rows: dict[str, int] = {}

    def set_sources(self, sources: list[str]) -> None:
        self.beginResetModel()
        self._sources = list(sources)
        self._rows = {source: row for row, source in enumerate(self._sources, start=1)}
        self.endResetModel()

    def row_of(self, source: str | None) -> int:
        """The row of a source (0: every source; -1: not offered)."""
        return 0 if source is None else self._rows.get(source, -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else 1 + len(self._sources)

    def match(
        self,
        start: QModelIndex | QPersistentModelIndex,
        role: int,
        value: Any,
        hits: int = 1,
        flags: Qt.MatchFlag = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchWrap,
    ) -> list[QModelIndex]:
        """The box's search as a name is typed (Qt matches the displayed text): on the
        names as shown, without the isolate around them, which no typed name begins with."""
        if role != Qt.ItemDataRole.DisplayRole or not isinstance(value, str):
            return super().match(start, role, value, hits, flags)
        exact = flags & Qt.MatchFlag.MatchTypeMask
        sensitive = bool(flags & Qt.MatchFlag.MatchCaseSensitive)
        wanted = value if sensitive else value.casefold()
        rows = self.rowCount()
        first = max(start.row(), 0)
        order = range(first, rows)
        if flags & Qt.MatchFlag.MatchWrap:
            order = [*range(first, rows), *range(first)]
        found: list[QModelIndex] = []
        for row in order:
            shown = str(self.data(self.index(row), role)).strip("\u2068\u2069")
            if not sensitive:
                shown = shown.casefold()
            if exact == Qt.MatchFlag.MatchContains:
                ok = wanted in shown
            elif exact in (Qt.MatchFlag.MatchExactly, Qt.MatchFlag.MatchFixedString):
                ok = shown == wanted
            else:
                ok = shown.startswith(wanted)
            if ok:
                found.append(self.index(row))
                if hits != -1 and len(found) >= hits:
                    break
        return found

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() <= len(self._sources):
            return None
        source = self._sources[index.row() - 1] if index.row() else None
        if role == Qt.ItemDataRole.DisplayRole:
            # Isolated: "@source" in a right-to-left box read "source@".
            return self._everything if source is None else isolated(source)
        if role == Qt.ItemDataRole.ToolTipRole:  # a long name is cut in the box
            return None if source is None else plain_tooltip(shown_part(source))
        if role == Qt.ItemDataRole.UserRole:
            return source
        return None
