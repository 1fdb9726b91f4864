"""The detail pane: one article's fields, its body with the dated mentions marked, its events."""

from __future__ import annotations

import html
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
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from timeline.model import Article, Event
from timeline.timescale import LabelStyle, format_date, format_hijri
from timeline.ui.article_delegate import DirectionalTextDelegate
from timeline.ui.date_text import direction_mark, ordered, value_words
from timeline.ui.direction import qt_direction, start_edge
from timeline.ui.story_panel import StoryPanel, diff_spans

EventIdRole = Qt.ItemDataRole.UserRole + 1
EventStartRole = Qt.ItemDataRole.UserRole + 2

_MENTION_COLOUR = QColor(255, 214, 102, 150)
_HIT_COLOUR = QColor(120, 190, 255, 150)
_DIFF_COLOUR = QColor(255, 150, 150, 140)  # words a compared copy lacks (story panel)
# A value such as 1945-03-22T10:00 or P70Y kept left to right inside Arabic text
# (FIRST STRONG ISOLATE would take the T for a Latin word; LRI says it outright).
_LRI, _FSI, _PDI = "\u2066", "\u2068", "\u2069"


def isolated(text: str) -> str:
    """Text to embed in a label of the other direction ("As written: <Arabic>").

    A first-strong isolate lays the text out in its own direction as one unit, so
    "22nd أيّار" inside an English line is not reordered with the words around it.
    """
    return f"{_FSI}{text}{_PDI}"


def is_recurring(event: Event) -> bool:
    """A TimeML SET ("every Friday", "daily"): a value that repeats, not a length."""
    return event.kind == "set" or event.granularity == "set" or event.value.startswith("XXXX-WXX")


def event_date_text(event: Event, style: LabelStyle) -> str:
    """An event's date in words of the interface; a code only when no words are known.

    Values with no place on the axis (P70Y, FUTURE_REF, XXXX-09-11, 2019-SP, a SET) are
    written in words ("for seven decades"); numbers keep the interface's reading order
    whatever the digits (date_text.ordered).
    """
    if event.start is None or is_recurring(event):
        words = value_words(event.value, style, recurring=is_recurring(event))
        if words is None:
            return f"{_LRI}{event.value}{_PDI}"
        return ordered(words, style.language)
    return ordered(format_date(event.start, event.end, event.granularity, style), style.language)


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
        # Sized by the splitter's stretch alone: its size hint would take the article
        # text's room in a small window.
        self.events.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.events.setMinimumHeight(3 * (self.fontMetrics().height() + 6) + 4)  # 3 rows
        self.events.itemActivated.connect(self._activate)
        self.events.itemClicked.connect(self._activate)
        self.events_label.setBuddy(self.events)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.events_label)
        lower_layout.addWidget(self.events, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        # Copies of the story and related articles (timeline/ui/story_panel.py).
        self.story = StoryPanel(self)
        self.story.diff_shown.connect(self._mark_differences)
        self._shown: tuple = (None, [], None, None)
        splitter.addWidget(self.browser)
        splitter.addWidget(lower)
        splitter.addWidget(self.story)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.article: Article | None = None
        self._placeholder = self.tr("Select an article to read it here.")
        # How dates are written; the window keeps it in step with the timeline's axis.
        self.label_style = LabelStyle(language="en")
        self.show_article(None, [])

    def _activate(self, item: QListWidgetItem) -> None:
        start = item.data(EventStartRole)
        if start is not None:
            self.event_chosen.emit(int(item.data(EventIdRole)), int(start))

    def show_nothing_found(self, searched: str) -> None:
        """Empty the pane and say that nothing matched `searched` (what was asked for)."""
        self._placeholder = self.tr("No article matches %1.").replace("%1", searched)
        self.show_article(None, [])

    def show_article(
        self,
        article: Article | None,
        events: list[Event],
        hits: list[tuple[int, int]] | None = None,
        *,
        title_hits: list[tuple[int, int]] | None = None,
        differences: list[tuple[int, int]] | None = None,
    ) -> None:
        """Show an article; `hits` and `title_hits` are search hits to mark and scroll to.

        differences: spans of the body that a copy chosen in the story section lacks.
        """
        self.article = article
        self._shown = (article, events, hits, title_hits)
        self.events.clear()
        doc = QTextDocument(self.browser)
        doc.setDefaultFont(self.font())
        if article is None:
            self.browser.setDocument(doc)
            self.browser.setPlaceholderText(self._placeholder)
            return
        self._placeholder = self.tr("Select an article to read it here.")
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
        self._mark(doc, 0, title_hits or [], _HIT_COLOUR)  # the title is the first block
        self._mark(doc, body_at, differences or [], _DIFF_COLOUR)
        if article.credit:
            self._add_block(cursor, article.credit, italic=True)
        self.browser.setDocument(doc)
        self._fill_events(events)
        if title_hits:
            self._scroll_to(title_hits[0][0])
        elif hits:
            self._scroll_to(body_at + hits[0][0])

    def _mark_differences(self, diff: object) -> None:
        """Mark (or unmark) the words of the shown article that the chosen copy lacks."""
        article, events, hits, title_hits = self._shown
        if article is None:
            return
        scroll = self.browser.verticalScrollBar().value()
        self.show_article(
            article,
            events,
            hits,
            title_hits=title_hits,
            differences=diff_spans(diff),  # type: ignore[arg-type]
        )
        self.browser.verticalScrollBar().setValue(scroll)

    def _scroll_to(self, position: int) -> None:
        """Bring a document position into view (the first search hit)."""
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(position)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()

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
                line += f"  ·  {ordered(hijri, self.label_style.language)}"
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
            "vague": self.tr("vague"),
            "set": self.tr("recurring"),
        }
        # Each row reads in the interface's direction: the mark makes it the row's
        # first strong character, and the article's own words are isolated within.
        mark = direction_mark(self.label_style.language)
        for event in events:
            when = event_date_text(event, self.label_style)
            kind = kinds.get(event.kind, event.kind)
            text = f"{mark}{when}  ·  {kind}  ·  {isolated(event.label)}"
            item = QListWidgetItem(text)
            item.setData(EventIdRole, event.id)
            item.setData(EventStartRole, event.start)
            # The code the date was computed as, then the sentence: both plain text.
            code = f"{_LRI}{event.value}{_PDI}" if event.value else ""
            item.setToolTip(
                "<qt>" + "<br>".join(html.escape(t) for t in (code, event.label) if t) + "</qt>"
            )
            if event.start is None:
                item.setForeground(self.palette().placeholderText())
            self.events.addItem(item)
