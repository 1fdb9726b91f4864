"""The search bar: query, source, date range and date kind; emits a debounced SearchRequest."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from timeline.model import to_axis
from timeline.store.search import SearchRequest

DEBOUNCE_MS = 200


def _axis(date: QDate) -> int:
    return to_axis(datetime(date.year(), date.month(), date.day()))


class SearchBar(QWidget):
    """A search field with filters.  It never runs a query: it says what to search.

    search_changed(SearchRequest) is emitted DEBOUNCE_MS after the last change (at
    once on Return); an empty request (request.is_empty) means "clear the search".
    The date range is whole days, from the first day to the end of the last.
    """

    search_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last: SearchRequest | None = None
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
        self.query_edit.setPlaceholderText(
            self.tr('Search articles: words, "a phrase", prefix*, -exclude, OR')
        )
        self.query_edit.setToolTip(
            self.tr(
                "Spelling variants match: ايار finds أيّار, ٢٠٢١ finds 2021.\n"
                'Words must all occur; "quotes" keep a phrase; word* is a prefix;\n'
                "-word excludes a word; OR gives alternatives."
            )
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("search_count")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)  # errors may quote text
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.source_combo = QComboBox(self)
        self.source_combo.setObjectName("search_source")
        self.source_combo.addItem(self.tr("All sources"), None)
        source_label = QLabel(self.tr("&Source:"), self)
        source_label.setBuddy(self.source_combo)

        self.dates_check = QCheckBox(self.tr("&Dates"), self)
        self.dates_check.setObjectName("search_dates")
        self.date_from_edit = QDateEdit(self)
        self.date_to_edit = QDateEdit(self)
        today = QDate.currentDate()
        for edit, name, date in (
            (self.date_from_edit, "search_date_from", today.addYears(-1)),
            (self.date_to_edit, "search_date_to", today),
        ):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDateRange(QDate(1, 1, 1), QDate(9999, 12, 31))
            edit.setDate(date)
            edit.setEnabled(False)
        self.date_from_edit.setToolTip(self.tr("First day"))
        self.date_to_edit.setToolTip(self.tr("Last day"))
        to_label = QLabel(self.tr("to"), self)

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("search_kind")
        self.kind_combo.addItem(self.tr("Published or mentioned"), None)
        self.kind_combo.addItem(self.tr("Published"), "published")
        self.kind_combo.addItem(self.tr("Mentioned"), "mentioned")
        self.kind_combo.setEnabled(False)
        self.kind_combo.setToolTip(self.tr("Which dates of an article the range applies to"))

        for combo in (self.source_combo, self.kind_combo):
            # Long source names must not widen the list pane: the combo elides instead.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)

        # Three short rows, so the bar fits a narrow list pane.
        rows = [QHBoxLayout() for _ in range(3)]
        rows[0].addWidget(self.query_edit, 1)
        rows[0].addWidget(self.count_label)
        rows[1].addWidget(source_label)
        rows[1].addWidget(self.source_combo, 1)
        rows[1].addWidget(self.kind_combo, 1)
        rows[2].addWidget(self.dates_check)
        rows[2].addWidget(self.date_from_edit, 1)
        rows[2].addWidget(to_label)
        rows[2].addWidget(self.date_to_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for row in rows:
            layout.addLayout(row)
        self.setFocusProxy(self.query_edit)
        QWidget.setTabOrder(self.query_edit, self.source_combo)
        QWidget.setTabOrder(self.source_combo, self.dates_check)
        QWidget.setTabOrder(self.dates_check, self.date_from_edit)
        QWidget.setTabOrder(self.date_from_edit, self.date_to_edit)
        QWidget.setTabOrder(self.date_to_edit, self.kind_combo)

    def _connect(self) -> None:
        self.query_edit.textChanged.connect(self._schedule)
        self.query_edit.returnPressed.connect(self._emit_now)
        self.source_combo.currentIndexChanged.connect(self._schedule)
        self.dates_check.toggled.connect(self._dates_toggled)
        self.date_from_edit.dateChanged.connect(self._schedule)
        self.date_to_edit.dateChanged.connect(self._schedule)
        self.kind_combo.currentIndexChanged.connect(self._schedule)

    # -- public --------------------------------------------------------------

    def set_sources(self, sources: list[str]) -> None:
        """Offer these sources (from timeline.store.search.distinct_sources); keeps the choice."""
        current = self.source_combo.currentData()
        self.source_combo.blockSignals(True)
        try:
            while self.source_combo.count() > 1:
                self.source_combo.removeItem(1)
            for source in sources:
                self.source_combo.addItem(source, source)
            index = self.source_combo.findData(current) if current is not None else 0
            self.source_combo.setCurrentIndex(max(index, 0))
        finally:
            self.source_combo.blockSignals(False)
        if index < 0:  # the chosen source is gone
            self._schedule()

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

    def show_result_count(self, n: int | None, error: str | None = None) -> None:
        """Show how many articles matched, or why the search could not run."""
        if error:
            self.count_label.setText(error)
            self.count_label.setToolTip(error)
            self.count_label.setProperty("error", True)
        else:
            # %Ln: the count in the locale's digits and grouping.
            self.count_label.setText("" if n is None else self.tr("%Ln result(s)", "", n))
            self.count_label.setToolTip("")
            self.count_label.setProperty("error", False)
        self.count_label.style().unpolish(self.count_label)
        self.count_label.style().polish(self.count_label)

    def clear(self) -> None:
        self.query_edit.clear()

    # -- events --------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Cancel) and self.query_edit.text():
            self.query_edit.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def _dates_toggled(self, on: bool) -> None:
        for widget in (self.date_from_edit, self.date_to_edit, self.kind_combo):
            widget.setEnabled(on)
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
