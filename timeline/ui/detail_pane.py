"""The detail pane: one article's fields, its body with the dated mentions marked, its events."""

from __future__ import annotations

import bisect
import heapq
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QThread,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from timeline.model import Article, DateValue, Event
from timeline.store import EventRows
from timeline.text.display_safe import for_display, isolated, shown_part
from timeline.timescale import LabelStyle, format_date, format_hijri
from timeline.ui.article_delegate import ROW_MARGIN, DirectionalTextDelegate
from timeline.ui.date_text import counted, direction_mark, ordered, value_words
from timeline.ui.direction import qt_direction, start_edge
from timeline.ui.plain_text import plain_tooltip
from timeline.ui.story_panel import StoryPanel, diff_spans
from timeline.ui.workers import (
    ArticleContents,
    ArticleReader,
    StoryView,
    release_ended,
    start_in_thread,
)

if TYPE_CHECKING:
    from timeline.edits import ShownArticle, ShownEvent

EventIdRole = Qt.ItemDataRole.UserRole + 1
EventStartRole = Qt.ItemDataRole.UserRole + 2

_MENTION_COLOUR = QColor(255, 214, 102, 150)
_HIT_COLOUR = QColor(120, 190, 255, 150)
_DIFF_COLOUR = QColor(255, 150, 150, 140)  # words a compared copy lacks (story panel)
# A value such as 1945-03-22T10:00 or P70Y kept left to right inside Arabic text
# (FIRST STRONG ISOLATE would take the T for a Latin word; LRI says it outright).
_LRI, _FSI, _PDI = "\u2066", "\u2068", "\u2069"


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


def _mark_spans(
    doc: QTextDocument, base: int, spans: list[tuple[int, int]], colour: QColor
) -> None:
    """Colour the background of spans; a background never changes shaping or joining."""
    fmt = QTextCharFormat()
    fmt.setBackground(colour)
    for start, end in spans:
        cursor = QTextCursor(doc)
        cursor.setPosition(base + start)
        cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)


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


# At most this much of a body is added to the document (and laid out) at once; the rest
# follows a step at a time from the event loop.  Long lines are cut into blocks of at
# most BODY_BLOCK_CHARS at a space: Qt lays out and re-lays out a paragraph whole, and
# a 1.2 MB line as one paragraph froze the window for seconds.
BODY_STEP_CHARS = 5_000  # the first step; later ones follow the measured speed
BODY_FIRST_CHARS = 2_000  # shown with the article: about a screenful
BODY_BLOCK_CHARS = 2_000
# Each step (and each step of deleting a replaced document) aims at this long on the GUI
# thread: the characters per step follow how fast this machine lays out this text.
STEP_MS = 15.0
STEP_CHARS_RANGE = (500, 20_000)


def next_step_chars(chars: int, elapsed_ms: float) -> int:
    """Characters for the next step, given that `chars` took `elapsed_ms`.

    It grows at most twofold a step: a paragraph of another script or a line cut into
    blocks can lay out several times slower than the text before it.
    """
    low, high = STEP_CHARS_RANGE
    wanted = min(chars * STEP_MS / max(elapsed_ms, 0.5), 2 * chars)
    return int(min(max(wanted, low), high))


# While an article is read, the one before stays shown this long, then a notice: a short
# article arrives before the eye sees a blank pane, a 12 MB one is not mistaken for it.
LOADING_NOTICE_MS = 150


class _BodyFeed:
    """Adds an article body to a document piece by piece, marking mentions and hits.

    One block per body line, long lines cut into several blocks; `position()` maps a
    body offset to a document position across the extra block breaks.
    """

    def __init__(
        self,
        doc: QTextDocument,
        cursor: QTextCursor,
        body: str,
        mentions: list[tuple[int, int]],
        hits: list[tuple[int, int]],
        differences: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.doc = doc
        self.cursor = cursor
        self.body = body
        self.base = cursor.position()
        self.done = 0  # body characters added so far
        self.breaks: list[int] = []  # body offsets where a line continues in a new block
        # Merged as the body is added (a 12 MB body had 31,000 mentions to mark): each
        # list is sorted here, which costs next to nothing for one already in order.
        self._spans: Iterator[tuple[int, int, QColor]] = heapq.merge(
            ((s, e, _MENTION_COLOUR) for s, e in sorted(mentions)),
            ((s, e, _DIFF_COLOUR) for s, e in sorted(differences)),
            ((s, e, _HIT_COLOUR) for s, e in sorted(hits)),
            key=lambda span: span[0],
        )
        self._next_span = next(self._spans, None)
        self._open_spans: list[tuple[int, int, QColor]] = []
        self._line_format: QTextBlockFormat | None = None
        self._first = True
        self.finished = False
        self._line_end = 0  # where the line being added ends

    def position(self, offset: int) -> int:
        return self.base + offset + bisect.bisect_right(self.breaks, offset)

    def add_step(self, budget: int) -> bool:
        """Add about `budget` characters (at most budget + BODY_BLOCK_CHARS); True if more remain."""
        start = self.done
        plain = QTextCharFormat()
        # One edit block: the view lays the step out once, not once per paragraph.
        self.cursor.beginEditBlock()
        while not self.finished and self.done - start < budget:
            self._add_block(plain)
        self._mark(start, self.done)
        self.cursor.endEditBlock()
        return not self.finished

    def _add_block(self, plain: QTextCharFormat) -> None:
        body, at = self.body, self.done
        if at > self._line_end or self._first:
            found = body.find("\n", at)
            self._line_end = len(body) if found < 0 else found
        line_end = self._line_end
        end = line_end
        if end - at > BODY_BLOCK_CHARS:
            space = body.rfind(" ", at + 1, at + BODY_BLOCK_CHARS)
            end = space + 1 if space > at else at + BODY_BLOCK_CHARS
        continues_line = not self._first and at > 0 and body[at - 1] != "\n"
        if self._line_format is None or not continues_line:
            # The paragraph's direction comes from the start of its line, not from a
            # later piece (and not from all of a 1 MB line: a strong letter comes early).
            self._line_format = _block_format(body[at : min(line_end, at + BODY_BLOCK_CHARS)])
        if self._first:
            self.cursor.setBlockFormat(self._line_format)
            self._first = False
        else:
            self.cursor.insertBlock(self._line_format, plain)
            if continues_line:
                self.breaks.append(at)
        self.cursor.insertText(for_display(body[at:end]), plain)
        if end == len(body):
            self.done, self.finished = end, True
        elif end == line_end:
            self.done = end + 1  # the newline: the next block stands for it
        else:
            self.done = end

    def _mark(self, start: int, end: int) -> None:
        """Colour the parts of spans that fall in body[start:end]; hits after mentions."""
        while self._next_span is not None and self._next_span[0] < end:
            self._open_spans.append(self._next_span)
            self._next_span = next(self._spans, None)
        still_open = []
        for span in sorted(self._open_spans, key=lambda s: s[2] == _HIT_COLOUR):
            span_start, span_end, colour = span
            lo, hi = max(span_start, start), min(span_end, end)
            if lo < hi:
                fmt = QTextCharFormat()
                fmt.setBackground(colour)
                cursor = QTextCursor(self.doc)
                cursor.setPosition(self.position(lo))
                cursor.setPosition(self.position(hi), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)
            if span_end > end:
                still_open.append(span)
        self._open_spans = still_open


def _as_rows(events: Sequence[Any]) -> Sequence[Any]:
    """A list copied (the caller may change it later), a sequence made lazily kept."""
    return list(events) if isinstance(events, list) else events


class EventRow(NamedTuple):
    """One row of the events list as shown."""

    text: str
    tooltip: str  # plain text, made safe for a tooltip when asked for
    event_id: int | None
    start: int | None
    dim: bool  # not on the axis, or hidden: drawn in the placeholder colour


class EventListModel(QAbstractListModel):
    """An article's events; each row is written when the view first asks for it.

    A 12 MB article had 17,000 events: writing every row (dates in words, bidi marks)
    and making a list item of each took seconds, and clearing them half a second.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._events: Sequence[Any] = []
        # Qt asks for the row count once per row it lays out or checks an index of: kept
        # here, not asked of a sequence that makes its items when asked (ShownEvents).
        self._count = 0
        self._write: Callable[[Any], EventRow] | None = None
        self._rows: dict[int, EventRow] = {}
        self._dim = parent.palette().placeholderText()

    def set_rows(self, events: Sequence[Any], write: Callable[[Any], EventRow]) -> None:
        """Show these events; write(event) gives the row of one."""
        self.beginResetModel()
        self._events, self._write, self._rows = events, write, {}
        self._count = len(events)
        self.endResetModel()

    def rows_written(self) -> int:
        """How many rows have been written so far (the rest wait to be shown)."""
        return len(self._rows)

    def row(self, row: int) -> EventRow:
        written = self._rows.get(row)
        if written is None:
            assert self._write is not None
            written = self._rows[row] = self._write(self._events[row])
        return written

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        row = self.row(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(row.tooltip)
        if role == EventIdRole:
            return row.event_id
        if role == EventStartRole:
            return row.start
        if role == Qt.ItemDataRole.ForegroundRole and row.dim:
            return self._dim
        return None


class EventList(QTableView):
    """The events list: a one-column table whose rows are all one height.

    A QListView, even with uniform item sizes, lays out every row it is given and asks
    the model's row count twice per row (64,000 Python calls for a 12 MB article's
    32,000 events, 80-150 ms on the GUI thread). A table's vertical header keeps rows of
    one fixed height as a single span, so the rows cost nothing until shown (as the
    article list, main_window.article_table). It behaves as a list: one row selected at
    a time, Home and End go to the first and last row, Tab leaves the list.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setCornerButtonEnabled(False)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setMinimumSectionSize(1)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Rows as high as the delegate's one line of text in the view's font."""
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + ROW_MARGIN)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        # A table's Home and End go to the first and last column of the row; in a list
        # of one column they would go nowhere.
        if action in (
            QAbstractItemView.CursorAction.MoveHome,
            QAbstractItemView.CursorAction.MoveEnd,
        ):
            modifiers = modifiers | Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)

    def count(self) -> int:
        return self.model().rowCount()

    def item(self, row: int) -> QModelIndex:
        """The index of a row (its data() holds the text and roles)."""
        return self.model().index(row, 0)

    def itemAt(self, pos: QPoint) -> QModelIndex | None:
        """The row at a point of the viewport, or None (for context menus)."""
        index = self.indexAt(pos)
        return index if index.isValid() else None


class DocumentDisposal(QObject):
    """Deletes replaced documents a piece at a time, from their end.

    Deleting the document of a 12 MB article at once took seconds (600 KB: 150 ms).
    Its own layout is kept: it is laid out to its end (each step of the body was), so a
    cut at the end lays out nothing, while putting in another layout first cleared
    every block's layout at once.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._documents: list[QTextDocument] = []
        self._chars = 20_000
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)

    def dispose(self, doc: QTextDocument) -> None:
        if doc.characterCount() <= STEP_CHARS_RANGE[0]:
            doc.deleteLater()
            return
        self._documents.append(doc)
        self._timer.start(0)

    def pending(self) -> int:
        """Documents still being deleted."""
        return len(self._documents)

    def _step(self) -> None:
        if not self._documents:
            return
        doc = self._documents[0]
        started = time.perf_counter()
        left = doc.characterCount() - 1
        cut = max(0, left - self._chars)
        cursor = QTextCursor(doc)
        cursor.setPosition(left)
        cursor.setPosition(cut, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._chars = next_step_chars(left - cut, (time.perf_counter() - started) * 1000)
        if cut <= STEP_CHARS_RANGE[0]:
            self._documents.pop(0)
            doc.deleteLater()
        if self._documents:
            self._timer.start(0)


class _Read(NamedTuple):
    """A read the pane asked for (load_article, read_story_again)."""

    db_path: Path
    request: int
    article_id: int
    query: str
    with_hidden: bool  # the articles the user hid listed in its story
    story_only: bool = False  # its copies and related articles alone


class DetailPane(QWidget):
    """Shows one article; emits event_chosen when the reader picks one of its events."""

    # Axis seconds do not fit a C int (1869 is -3.2e9): carried as a Python object.
    event_chosen = Signal(int, object)  # event id, axis start
    article_loaded = Signal(int)  # an article read by load_article() is being shown
    load_failed = Signal(str)  # why the chosen article could not be read

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = SafeBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setReadOnly(True)
        self.browser.setObjectName("articleText")
        self.browser.setAccessibleName(self.tr("Article text"))
        # The text wraps to the pane (anywhere, where a word is wider): nothing to scroll
        # sideways.  Qt lets a wrapped line pass the width by a fraction of a pixel (its
        # trailing space, in a long article's 17,000 paragraphs: 411.94 px in 411), and
        # the pane showed a scroll bar that moved the text by one pixel.
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Made before the events' list, so that Tab goes from the article to the tab bar,
        # then into the tab shown (the focus chain follows the order widgets are made).
        self.story = StoryPanel(self)
        self.story.diff_shown.connect(self._mark_differences)
        self.event_rows = EventListModel(self)
        self.events = EventList(self)
        self.events.setModel(self.event_rows)
        self.events.setObjectName("articleEvents")
        self.events.setAccessibleName(self.tr("Events in this article"))
        self.events.setItemDelegate(DirectionalTextDelegate(self.events))
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Sized by the splitter's stretch alone: its size hint would take the article
        # text's room in a small window.
        self.events.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.events.setMinimumHeight(2 * (self.fontMetrics().height() + 6) + 4)  # 2 rows
        self.events.activated.connect(self._activate)
        self.events.clicked.connect(self._activate)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        # Under the article, a tab each: its events, then the copies of its story and
        # related articles (timeline/ui/story_panel.py).
        self.events_page = QWidget(self.story)
        events_layout = QVBoxLayout(self.events_page)
        events_layout.setContentsMargins(2, 2, 2, 2)
        events_layout.addWidget(self.events, 1)
        self.story.insertTab(0, self.events_page, "")
        self.story.setCurrentIndex(0)
        self.event_rows.modelReset.connect(self._count_events)
        self._count_events()
        self._showing: tuple = (None, [], None, None)
        splitter.addWidget(self.browser)
        splitter.addWidget(self.story)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.article: Article | None = None
        self._placeholder = self.tr("Select an article to read it here.")
        # A long body is added a step at a time so the window never freezes on it.
        self._body: _BodyFeed | None = None
        self._shown_body: _BodyFeed | None = None
        self._credit = ""
        self._body_timer = QTimer(self)
        self._body_timer.setSingleShot(True)
        self._body_timer.timeout.connect(self._add_body_step)
        self._scroll_target: int | None = None  # a body offset to bring into view
        # The document shown; the previous one is deleted when another replaces it.
        self._document: QTextDocument | None = None
        self._disposal = DocumentDisposal(self)
        self._body_chars = BODY_STEP_CHARS  # characters in the next step of a body
        # Articles are read on a worker (load_article): one read at a time, the latest
        # request waiting for it, and the answer to any older request dropped.
        self._request = 0
        self._reader: ArticleReader | None = None
        self._reader_thread: QThread | None = None
        self._pending_read: _Read | None = None
        self._loading_id: int | None = None
        self._fetch: Any = None
        self._loading_notice = QTimer(self)
        self._loading_notice.setSingleShot(True)
        self._loading_notice.setInterval(LOADING_NOTICE_MS)
        self._loading_notice.timeout.connect(self._show_loading)
        # How dates are written; the window keeps it in step with the timeline's axis.
        self.label_style = LabelStyle(language="en")
        self.show_article(None, [])

    def _count_events(self) -> None:
        n = self.event_rows.rowCount()
        self.story.set_tab_title(
            self.events_page,
            counted(self.tr("Events (%n)", "", n), n, self.label_style) if n else self.tr("Events"),
        )

    def _activate(self, index: QModelIndex) -> None:
        start = index.data(EventStartRole)
        if start is not None:
            self.event_chosen.emit(int(index.data(EventIdRole)), int(start))

    def show_empty_library(self) -> None:
        """Say how articles come in, where a library has none (a new one, the packaged
        program's first start): "Select an article" asked for what was not there.  The
        clipboard's import too: an article read in a browser is copied, not saved."""
        self._placeholder = self.tr(
            "This library has no articles yet.\n\nImport files (Ctrl+O), a folder"
            " (Ctrl+Shift+O), web addresses or the clipboard (Ctrl+Shift+V) from the"
            " File menu, or drop files on this window."
        )
        self.clear_article()

    def show_nothing_found(self, searched: str) -> None:
        """Empty the pane and say that nothing matched `searched`: what was asked for, in
        words ready to show (MainWindow.describe_search: what was typed or read from
        articles is made safe and isolated there, each piece in its own direction)."""
        self._placeholder = self.tr("No article matches %1.").replace("%1", searched)
        self.clear_article()

    def clear_article(self) -> None:
        """Show no article (and forget any being read)."""
        self._forget_reads()
        self.show_article(None, [])
        self.story.show_story(None, None)

    # -- reading an article off the GUI thread -------------------------------------

    def load_article(
        self,
        db_path: Path,
        article_id: int,
        query: str = "",
        fetch: Any = None,
        *,
        with_hidden: bool = False,
    ) -> None:
        """Read an article (events, the user's values, hits of `query`, story) on a
        worker and show it when it arrives; article_loaded says when.

        fetch(id) gives another article for the story section's comparison.  Choosing
        another article before this one arrives cancels its read and drops its answer.
        with_hidden: its story lists the articles the user hid (View > Show hidden items).
        """
        self._request += 1
        self._fetch = fetch
        self._loading_id = article_id
        self._pending_read = _Read(db_path, self._request, article_id, query, with_hidden)
        if self._reader is not None:
            self._reader.cancel()  # its thread ends soon; _read_ended starts this one
        else:
            self._start_read()
        if self.article is None or self.article.id != article_id:
            self._loading_notice.start()

    def is_loading(self) -> bool:
        """Whether an article asked for with load_article() is still being read."""
        return self._loading_id is not None

    def stop_reading(self) -> QThread | None:
        """Cancel any read (the window is closing); the thread still running, if any."""
        self._forget_reads()
        return self._reader_thread

    def _forget_reads(self) -> None:
        self._request += 1  # whatever is on its way is dropped
        self._pending_read = None
        self._loading_id = None
        self._loading_notice.stop()
        if self._reader is not None:
            self._reader.cancel()

    def reads_asked(self) -> int:
        """A number that grows with each read asked for (or dropped): read_story_again's."""
        return self._request

    def read_story_again(self, db_path: Path, since: int, *, with_hidden: bool = False) -> None:
        """Read the copies and related articles of the article shown (or being read)
        again, on the worker, not the article: another article's title, source or date,
        which their rows show and the related are chosen by, was corrected, or another
        article was hidden or shown again (with_hidden: as load_article's).

        since: reads_asked() when the correction was written; a read asked for after it
        (the article chosen again, or another) or not started yet reads them anyway.  A
        read running may have begun before it: this one follows it.
        """
        if since != self._request or self._pending_read is not None:
            return
        article_id = self._loading_id
        if article_id is None and self.article is not None:
            article_id = self.article.id
        if article_id is None:
            return
        self._pending_read = _Read(
            db_path, self._request, article_id, "", with_hidden, story_only=True
        )
        if self._reader is None:
            self._start_read()

    def _start_read(self) -> None:
        assert self._pending_read is not None
        read, self._pending_read = self._pending_read, None
        reader = ArticleReader(
            read.db_path,
            read.request,
            read.article_id,
            read.query,
            story_only=read.story_only,
            with_hidden=read.with_hidden,
        )
        # Bound methods of this widget: Qt queues the worker's signals to the GUI thread.
        reader.finished.connect(self._contents_read)
        reader.failed.connect(self._read_failed)
        self._reader = reader
        self._reader_thread = start_in_thread(reader, self, ended=self._read_ended)

    def _read_ended(self) -> None:
        release_ended(self._reader_thread)  # before the reader's last reference goes
        self._reader = self._reader_thread = None
        if self._pending_read is not None:
            self._start_read()

    def _contents_read(self, request: int, contents: ArticleContents | StoryView) -> None:
        if request != self._request:
            return  # an article chosen before the current one
        if isinstance(contents, StoryView):  # read_story_again's
            self.story.update_story(contents)
            return
        self._loading_id = None
        self._loading_notice.stop()
        article = contents.article
        self.show_article(
            article,
            contents.events,
            contents.hits.body,
            title_hits=contents.hits.title,
            shown=contents.shown,
        )
        self.story.show_story(article, contents.story, self._fetch)
        self.article_loaded.emit(contents.article_id)

    def _read_failed(self, request: int, message: str) -> None:
        if request != self._request or message == ArticleReader.CANCELLED:
            return
        if self._reader is not None and self._reader.story_only:
            self.load_failed.emit(message)  # said; the article stays, its story as it was
            return
        self._loading_id = None
        self._loading_notice.stop()
        self._placeholder = self.tr("The article could not be read: %1").replace(
            "%1", for_display(message)
        )
        self.show_article(None, [])
        self.story.show_story(None, None)
        self.load_failed.emit(message)

    def _show_loading(self) -> None:
        """Say that the chosen article is on its way (the one before is not it)."""
        if self._loading_id is None:
            return
        self._placeholder = self.tr("Reading the article…")
        self.show_article(None, [])
        self.story.show_story(None, None)

    def show_article(
        self,
        article: Article | None,
        events: Sequence[Event],
        hits: list[tuple[int, int]] | None = None,
        *,
        title_hits: list[tuple[int, int]] | None = None,
        shown: ShownArticle | None = None,
        differences: list[tuple[int, int]] | None = None,
    ) -> None:
        """Show an article; `hits` and `title_hits` are search hits to mark and scroll to.

        `shown` carries the user's values (timeline.edits.shown_article): they win, and
        the computed value is written beside each one the user corrected.
        differences: spans of the body that a copy chosen in the story section lacks.
        """
        self.article = article
        self.shown = shown
        self._showing = (article, events, hits, title_hits)
        self._differences = differences or []
        self._body = self._shown_body = None
        self._body_timer.stop()
        doc = QTextDocument(self.browser)
        doc.setUndoRedoEnabled(False)  # read-only: no undo history of a 12 MB body
        doc.setDefaultFont(self.font())
        if article is None:
            self.event_rows.set_rows([], self._event_row)
            self._add_notice(QTextCursor(doc), self._placeholder)
            self._set_document(doc)
            return
        self._placeholder = self.tr("Select an article to read it here.")
        cursor = QTextCursor(doc)
        title = shown_part(shown.title if shown is not None else article.title)
        self._add_block(cursor, for_display(title), first=True, size=1.35, bold=True)
        title_hits = [(s, e) for s, e in title_hits or [] if e <= len(title)]
        if shown is not None:
            self._add_fields(cursor, *self._as_shown(article, events, shown))
        else:
            self._add_fields(cursor, article, events)
        if shown is not None:
            self._add_user_fields(cursor, shown)
        self._add_block(cursor, "")
        mentions = (
            events.spans()
            if isinstance(events, EventRows)
            else [
                (e.span_start, e.span_end)
                for e in events
                if e.span_start is not None and e.span_end is not None
            ]
        )
        self._body = _BodyFeed(doc, cursor, article.body, mentions, hits or [], differences or [])
        self._credit = for_display(article.credit)
        # Rows are written when the list first shows them (a 12 MB article had 17,000).
        # (An EventRows or a ShownEvents makes each when asked for: not copied to a list.)
        if shown is not None:
            self.event_rows.set_rows(_as_rows(shown.events), self._shown_event_row)
        else:
            self.event_rows.set_rows(_as_rows(events), self._event_row)
        self._scroll_target = None if title_hits or not hits else hits[0][0]
        self._add_body_step(BODY_FIRST_CHARS)
        _mark_spans(doc, 0, title_hits or [], _HIT_COLOUR)  # the title is the first block
        self._set_document(doc)
        if title_hits:
            self._scroll_to(title_hits[0][0])
        else:
            self._scroll_to_target()

    def _set_document(self, doc: QTextDocument) -> None:
        """Show `doc` and delete the one it replaces (a long article's is many MB)."""
        previous, self._document = self._document, doc
        self.browser.setDocument(doc)
        if previous is not None:
            self._disposal.dispose(previous)

    def _scroll_to_target(self) -> None:
        """Bring the first body hit into view once the body has come that far."""
        body = self._body if self._body is not None else self._shown_body
        target = self._scroll_target
        if body is None or target is None or self.browser.document() is not body.doc:
            return
        if body.done > target or body.finished:
            self._scroll_target = None
            self._scroll_to(body.position(target))

    def _mark_differences(self, diff: object) -> None:
        """Mark (or unmark) the words of the shown article that the chosen copy lacks."""
        differences = diff_spans(diff)  # type: ignore[arg-type]
        if differences or self._differences:  # nothing to unmark: no second layout
            self._show_again(differences)

    def set_label_style(self, style: LabelStyle) -> None:
        """Write dates as `style` says, the shown article's too (from what it holds)."""
        self.story.set_label_style(style)
        if style != self.label_style:
            self.label_style = style
            self._show_again(self._differences)

    def _show_again(self, differences: list[tuple[int, int]]) -> None:
        """Show the shown article anew (no store read), keeping the place in its text."""
        article, events, hits, title_hits = self._showing
        if article is None:
            return
        scroll = self.browser.verticalScrollBar().value()
        self.show_article(
            article, events, hits, title_hits=title_hits, shown=self.shown, differences=differences
        )
        self.browser.verticalScrollBar().setValue(scroll)

    def _scroll_to(self, position: int) -> None:
        """Bring a document position into view (the first search hit)."""
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(min(position, self.browser.document().characterCount() - 1))
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()

    def _add_fields(self, cursor: QTextCursor, article: Article, events: Sequence[Event]) -> None:
        # Rows are looked through as rows: making an Event of each of 32,000 to find
        # none (an article with no publication event) took 150 ms.
        published = (
            events.first_of_kind("published")
            if isinstance(events, EventRows)
            else next((e for e in events if e.kind == "published"), None)
        )
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
        ):
            if value:
                self._add_block(cursor, label.replace("%1", isolated(value)))
        if article.url:
            self._add_link(cursor, self.tr("Link: %1"), article.url)
        if article.origin:  # a path or an address: laid out left to right as the link
            self._add_link(cursor, self.tr("Imported from: %1"), article.origin)
        if article.body_kind == "summary":
            self._add_block(
                cursor,
                self.tr("Summary from the feed (the feed did not carry the full text)"),
                italic=True,
            )
        elif article.body_kind == "ocr":
            self._add_block(
                cursor,
                self.tr("Text recognized by OCR in a scan or a picture: check it against the file"),
                italic=True,
            )
        if article.captured:
            self._add_block(
                cursor,
                self.tr("Captured by a web crawl: %1 (not the publication date)").replace(
                    "%1", isolated(article.captured)
                ),
            )

    @staticmethod
    def _as_shown(
        article: Article, events: Sequence[Event], shown: ShownArticle
    ) -> tuple[Article, Sequence[Event]]:
        """The article's fields and publication event with the user's values in them
        (the fields read only the publication from the events)."""
        article = replace(article, title=shown.title, source=shown.source)
        if shown.origins.get("published") != "corrected" or not shown.events:
            return article, events
        date = shown.events[0].date
        if date is None:
            return article, events
        published = Event(
            article.id, "published", date.start, date.end, date.granularity, date.value, ""
        )
        # Not a copy of every event: a long article's would be thousands of objects.
        return article, [published]

    def _add_user_fields(self, cursor: QTextCursor, shown: ShownArticle) -> None:
        """Where each value came from: the corrected ones with the computed beside them."""
        names = {
            "title": self.tr("Title"),
            "source": self.tr("Source"),
            "published": self.tr("Publication date"),
        }
        for name, computed in shown.computed.items():
            value = {"title": shown.title, "source": shown.source}.get(name, shown.published)
            if name == "published":
                value = self._date_words(shown.events[0].date) if shown.events else value
                computed = self._iso_words(computed)
            line = (
                self.tr("%1 corrected: %2  ·  computed: %3")
                .replace("%1", names[name])
                .replace("%2", isolated(value or "-"))
                .replace("%3", isolated(computed or "-"))
            )
            self._add_block(cursor, line, italic=True)
        if shown.hidden:
            self._add_block(cursor, self.tr("Hidden from the timeline"), italic=True)
        if shown.tags:
            tags = self.tr(", ").join(isolated(t) for t in shown.tags)
            self._add_block(cursor, self.tr("Tags: %1").replace("%1", tags))
        if shown.note:
            self._add_block(cursor, self.tr("Note: %1").replace("%1", isolated(shown.note)))
        for lost in shown.lost:
            self._add_block(
                cursor,
                self.tr("A correction of “%1” no longer finds its text (kept)").replace(
                    "%1", isolated(lost.span_text)
                ),
                italic=True,
            )

    def _date_words(self, date: DateValue | None) -> str:
        if date is None:
            return self.tr("not a date")
        return event_date_text(
            Event(0, "mentioned", date.start, date.end, date.granularity, date.value, ""),
            self.label_style,
        )

    def _iso_words(self, value: str | None) -> str:
        from timeline.edits import read_date

        date = read_date(value) if value else None
        return self._date_words(date) if date is not None else (value or "-")

    def _shown_event_row(self, shown: ShownEvent) -> EventRow:
        """A row with the user's values: where each came from (timeline.edits)."""
        origins = {
            "computed": self.tr("computed"),
            "corrected": self.tr("corrected"),
            "not a date": self.tr("not a date"),
            "added": self.tr("added"),
        }
        mark = direction_mark(self.label_style.language)
        when = self._date_words(shown.date)
        parts = [f"{mark}{when}", origins.get(shown.origin, shown.origin)]
        if shown.origin in {"corrected", "not a date"} and shown.computed is not None:
            computed = self._date_words(
                DateValue(
                    shown.computed.value,
                    shown.computed.granularity,
                    shown.computed.start,
                    shown.computed.end,
                )
            )
            parts.append(self.tr("computed: %1").replace("%1", computed))
        if shown.hidden:
            parts.append(self.tr("hidden"))
        if shown.tags:
            parts.append(self.tr(", ").join(isolated(t) for t in shown.tags))
        parts.append(isolated(shown.label))
        event_id = shown.computed.id if shown.computed is not None else None
        if shown.added_id is not None:
            event_id = -shown.added_id
        tip = [shown.typed, shown_part(shown.label)]
        if shown.stamp is not None:
            tip.append(f"{shown.stamp.who} · {shown.stamp.at}")
        return EventRow(
            "  ·  ".join(parts),
            "\n".join(t for t in tip if t),
            event_id,
            shown.date.start if shown.date else None,
            shown.date is None or shown.date.start is None or shown.hidden,
        )

    def _add_block(
        self,
        cursor: QTextCursor,
        text: str,
        *,
        first: bool = False,
        size: float = 1.0,
        bold: bool = False,
        italic: bool = False,
        block: QTextBlockFormat | None = None,
    ) -> None:
        chars = QTextCharFormat()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * size)
        font.setBold(bold)
        font.setItalic(italic)
        chars.setFont(font)
        if block is None:
            block = _block_format(text)
        if first:
            cursor.setBlockFormat(block)
            cursor.setBlockCharFormat(chars)
        else:
            cursor.insertBlock(block, chars)
        cursor.insertText(text, chars)

    def _add_notice(self, cursor: QTextCursor, text: str) -> None:
        """What the pane says where it shows no article, a paragraph a line, in the
        placeholder colour.  Not the browser's placeholder text: Qt draws only its first
        line, left-aligned whatever its direction (an empty library's notice lost the
        lines that say how articles come in)."""
        colour = self.palette().placeholderText().color()
        lines = [line for line in text.split("\n") if line.strip()]
        for i, line in enumerate(lines):
            self._add_block(cursor, line, first=i == 0)
            block = cursor.blockFormat()
            block.setBottomMargin(12)
            cursor.setBlockFormat(block)
        whole = QTextCursor(cursor.document())
        whole.select(QTextCursor.SelectionType.Document)
        chars = QTextCharFormat()
        chars.setForeground(colour)
        whole.mergeCharFormat(chars)

    def notice(self) -> str:
        """What the pane says in place of an article ("" while it shows one)."""
        return self.browser.toPlainText() if self.article is None else ""

    def _add_link(self, cursor: QTextCursor, label: str, url: str) -> None:
        """The article's address.  In a line of the other direction (an Arabic label) a
        long address wrapped into pieces laid out right to left, its Arabic slug before
        its host: there the label takes a line of its own and the address one laid out
        left to right, as a browser's address bar shows it, at the label's edge."""
        line = label.replace("%1", isolated(url))
        direction = qt_direction(label.replace("%1", ""))
        if direction == Qt.LayoutDirection.LeftToRight:
            self._add_block(cursor, line)
            return
        self._add_block(cursor, label.replace("%1", "").strip())
        block = _block_format(url)
        block.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        block.setAlignment(start_edge(direction))
        self._add_block(cursor, for_display(shown_part(url)), block=block)

    def body_complete(self) -> bool:
        """Whether the whole body of the shown article is in the document yet."""
        return self._body is None

    def body_position(self, offset: int) -> int:
        """The document position of a body offset (-1 when no body is being shown)."""
        body = self._body if self._body is not None else self._shown_body
        return body.position(offset) if body is not None else -1

    def _add_body_step(self, budget: int | None = None) -> None:
        """Add the next part of the body; come back for the rest."""
        body = self._body
        chars = self._body_chars if budget is None else budget
        started = time.perf_counter()
        more = body is not None and body.add_step(chars)
        if budget is None:
            self._body_chars = next_step_chars(chars, (time.perf_counter() - started) * 1000)
        if body is not None and not more:
            self._shown_body = body
            self._body = None
            if self._credit:
                self._add_block(body.cursor, self._credit, italic=True)
        self._scroll_to_target()
        if self._body is not None:
            self._body_timer.start(0)

    def _event_row(self, event: Event) -> EventRow:
        kinds = {
            "published": self.tr("published"),
            "mentioned": self.tr("mentioned"),
            "duration": self.tr("duration"),
            "set": self.tr("recurring"),
            "vague": self.tr("vague"),
        }
        # Each row reads in the interface's direction: the mark makes it the row's
        # first strong character, and the article's own words are isolated within.
        mark = direction_mark(self.label_style.language)
        when = event_date_text(event, self.label_style)
        kind = kinds.get(event.kind, event.kind)
        # The code the date was computed as, then the sentence: both plain text.
        code = f"{_LRI}{event.value}{_PDI}" if event.value else ""
        return EventRow(
            f"{mark}{when}  ·  {kind}  ·  {isolated(event.label)}",
            "\n".join(t for t in (code, shown_part(event.label)) if t),
            event.id,
            event.start,
            event.start is None,
        )
