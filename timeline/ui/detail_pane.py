"""The detail pane: one article's fields, its body with the dated mentions marked, its events."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from timeline.model import Article, Event
from timeline.timescale import LabelStyle, format_date, format_hijri
from timeline.ui.article_delegate import DirectionalTextDelegate
from timeline.ui.direction import qt_direction, start_edge

EventIdRole = Qt.ItemDataRole.UserRole + 1
EventStartRole = Qt.ItemDataRole.UserRole + 2

_MENTION_COLOUR = QColor(255, 214, 102, 150)
_HIT_COLOUR = QColor(120, 190, 255, 150)
# A value such as 1945-03-22T10:00 or P70Y kept left to right inside Arabic text
# (FIRST STRONG ISOLATE would take the T for a Latin word; LRI says it outright).
_LRI, _FSI, _PDI = "\u2066", "\u2068", "\u2069"


def isolated(text: str) -> str:
    """Text to embed in a label of the other direction ("As written: <Arabic>").

    A first-strong isolate lays the text out in its own direction as one unit, so
    "22nd أيّار" inside an English line is not reordered with the words around it.
    """
    return f"{_FSI}{text}{_PDI}"


def event_date_text(event: Event, style: LabelStyle) -> str:
    """An event's date in words of the interface, or its value where it has no place."""
    if event.start is None:
        return f"{_LRI}{event.value}{_PDI}"
    return format_date(event.start, event.end, event.granularity, style)


class SafeBrowser(QTextBrowser):
    """A text browser that never loads anything: article text is untrusted."""

    def loadResource(self, _type: int, _name: QUrl) -> Any:
        return None


def _block_format(text: str) -> QTextBlockFormat:
    """A paragraph in its own text's direction, aligned to that direction's start edge."""
    block = QTextBlockFormat()
    direction = qt_direction(text)
    block.setLayoutDirection(direction)
    block.setAlignment(start_edge(direction))
    block.setBottomMargin(4)
    return block


class DetailPane(QWidget):
    """Shows one article; emits event_chosen when the reader picks one of its events."""

    # Axis seconds do not fit a C int (1869 is -3.2e9): carried as a Python object.
    event_chosen = Signal(int, object)  # event id, axis start

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = SafeBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setReadOnly(True)
        self.browser.setObjectName("articleText")
        self.events_label = QLabel(self.tr("Events in this article"), self)
        self.events = QListWidget(self)
        self.events.setObjectName("articleEvents")
        self.events.setItemDelegate(DirectionalTextDelegate(self.events))
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events.itemActivated.connect(self._activate)
        self.events.itemClicked.connect(self._activate)
        self.events_label.setBuddy(self.events)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.events_label)
        lower_layout.addWidget(self.events)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.browser)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.article: Article | None = None
        # How dates are written; the window keeps it in step with the timeline's axis.
        self.label_style = LabelStyle(language="en")
        self.show_article(None, [])

    def _activate(self, item: QListWidgetItem) -> None:
        start = item.data(EventStartRole)
        if start is not None:
            self.event_chosen.emit(int(item.data(EventIdRole)), int(start))

    def show_article(
        self,
        article: Article | None,
        events: list[Event],
        hits: list[tuple[int, int]] | None = None,
    ) -> None:
        """Show an article; `hits` are search-hit spans in the body to mark as well."""
        self.article = article
        self.events.clear()
        doc = QTextDocument(self.browser)
        doc.setDefaultFont(self.font())
        if article is None:
            self.browser.setDocument(doc)
            self.browser.setPlaceholderText(self.tr("Select an article to read it here."))
            return
        cursor = QTextCursor(doc)
        self._add_block(cursor, article.title, first=True, size=1.35, bold=True)
        self._add_fields(cursor, article, events)
        self._add_block(cursor, "")
        body_at = cursor.position()
        self._add_body(cursor, article.body)
        self._mark(
            doc,
            body_at,
            [
                (e.span_start, e.span_end)
                for e in events
                if e.span_start is not None and e.span_end is not None
            ],
            _MENTION_COLOUR,
        )
        self._mark(doc, body_at, hits or [], _HIT_COLOUR)
        if article.credit:
            self._add_block(cursor, article.credit, italic=True)
        self.browser.setDocument(doc)
        self._fill_events(events)

    def _add_fields(self, cursor: QTextCursor, article: Article, events: list[Event]) -> None:
        published = next((e for e in events if e.kind == "published"), None)
        if article.published_raw:
            self._add_block(
                cursor, self.tr("As written: %1").replace("%1", isolated(article.published_raw))
            )
        if published is not None and published.start is not None:
            line = self.tr("Published: %1").replace(
                "%1", event_date_text(published, self.label_style)
            )
            hijri = format_hijri(published.start, "day", self.label_style)
            if hijri:
                line += f"  ·  {hijri}"
            self._add_block(cursor, line)
        else:
            self._add_block(cursor, self.tr("Publication date could not be read"), italic=True)
        for label, value in (
            (self.tr("Source: %1"), article.source),
            (self.tr("Author: %1"), article.author),
            (self.tr("Caption: %1"), article.caption),
            (self.tr("Link: %1"), article.url),
        ):
            if value:
                self._add_block(cursor, label.replace("%1", isolated(value)))

    def _add_block(
        self,
        cursor: QTextCursor,
        text: str,
        *,
        first: bool = False,
        size: float = 1.0,
        bold: bool = False,
        italic: bool = False,
    ) -> None:
        chars = QTextCharFormat()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * size)
        font.setBold(bold)
        font.setItalic(italic)
        chars.setFont(font)
        if first:
            cursor.setBlockFormat(_block_format(text))
            cursor.setBlockCharFormat(chars)
        else:
            cursor.insertBlock(_block_format(text), chars)
        cursor.insertText(text, chars)

    def _add_body(self, cursor: QTextCursor, body: str) -> None:
        """One block per body line: a document position is the body offset plus a base."""
        plain = QTextCharFormat()
        for i, line in enumerate(body.split("\n")):
            if i == 0:
                cursor.setBlockFormat(_block_format(line))
            else:
                cursor.insertBlock(_block_format(line), plain)
            cursor.insertText(line, plain)

    def _mark(
        self, doc: QTextDocument, base: int, spans: list[tuple[int, int]], colour: QColor
    ) -> None:
        """Colour the background of spans; a background never changes shaping or joining."""
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        for start, end in spans:
            cursor = QTextCursor(doc)
            cursor.setPosition(base + start)
            cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

    def _fill_events(self, events: list[Event]) -> None:
        kinds = {
            "published": self.tr("published"),
            "mentioned": self.tr("mentioned"),
            "duration": self.tr("duration"),
            "set": self.tr("recurring"),
            "vague": self.tr("vague"),
        }
        for event in events:
            when = event_date_text(event, self.label_style)
            text = f"{when}  ·  {kinds.get(event.kind, event.kind)}  ·  {event.label}"
            item = QListWidgetItem(text)
            item.setData(EventIdRole, event.id)
            item.setData(EventStartRole, event.start)
            item.setToolTip(event.label)
            if event.start is None:
                item.setForeground(self.palette().placeholderText())
            self.events.addItem(item)
