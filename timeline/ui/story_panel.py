"""The tabs under an article in the detail pane: its copies by source and time (the
earliest marked), the words a chosen copy does not share with it, and related articles.
The detail pane puts the article's events in the first tab (DetailPane).

Tabs, not sections stacked one under another: at 800x500 the events, copies and related
lists took all but three lines of the pane, their least heights deciding it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from timeline.model import Article
from timeline.stories.diff import WordDiff, word_diff
from timeline.text.display_safe import for_display, shown_part
from timeline.timescale import LabelStyle
from timeline.ui.article_delegate import DirectionalTextDelegate
from timeline.ui.date_text import counted, decimal_number, published_text
from timeline.ui.plain_text import keep_line_height, plain_label, plain_tooltip
from timeline.ui.workers import StoryView

ArticleIdRole = Qt.ItemDataRole.UserRole + 11
_DIFF_COLOUR = QColor(255, 150, 150, 140)
# Copies listed at most, then a row saying how many more: each row is made on the GUI
# thread (about 19 us), and a press release reprinted 20,000 times took 382 ms.
COPY_ROWS = 500
_FSI, _PDI = "\u2068", "\u2069"
COPIES_UNDER_LABEL = 2  # rows of copies the Copies tab shows under its label, at least


class StoryPanel(QTabWidget):
    """Copies of the shown article and related articles, a tab each; a click on a copy
    shows the diff.  Each tab's title counts its rows."""

    article_chosen = Signal(int)  # an article to go to (double click)
    diff_shown = Signal(object)  # the WordDiff of the shown article against a copy, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.copies_label = plain_label(self)  # our own words and counts: plain text
        self.copies = QListWidget(self)
        self.copies.setObjectName("storyCopies")
        self.diff = QTextBrowser(self)
        self.diff.setObjectName("storyDiff")
        self.diff.setAccessibleName(self.tr("Differences from the copy"))
        self.diff.setOpenLinks(False)
        self.diff.setReadOnly(True)
        self.related_label = QLabel(self)
        self.related = QListWidget(self)
        self.related.setObjectName("storyRelated")
        for widget in (self.copies, self.related):
            widget.setItemDelegate(DirectionalTextDelegate(widget))
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
            widget.setMinimumHeight(self.fontMetrics().height() + 6 + 4)  # a row
            widget.itemActivated.connect(self._go)
        self.copies.currentItemChanged.connect(self._compare)
        self.copies_label.setBuddy(self.copies)
        self.related_label.setBuddy(self.related)
        # Names of their own for a screen reader: named by their labels, the copies had
        # none while the tab's count said it all (the label hidden and empty), and a list
        # of related articles was heard as its hidden label, "No related articles".
        self.copies.setAccessibleName(self.tr("Copies of this story"))
        self.related.setAccessibleName(self.tr("Related articles"))
        for label in (self.copies_label, self.related_label):
            keep_line_height(label)  # the pane not laid out again as its article comes
        self.diff.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.diff.setMinimumHeight(3 * self.fontMetrics().height())
        self.copies_page = QWidget(self)
        layout = QVBoxLayout(self.copies_page)
        # The label right on its list: the line it keeps (keep_line_height) leaves room
        # around its text, and a spacing's 6 px would come out of the article at 800x500.
        listed = QVBoxLayout()
        listed.setSpacing(0)
        listed.addWidget(self.copies_label)
        listed.addWidget(self.copies, 1)
        layout.addLayout(listed, 1)
        layout.addWidget(self.diff, 2)
        self.related_page = QWidget(self)
        layout = QVBoxLayout(self.related_page)
        layout.addWidget(self.related_label)
        layout.addWidget(self.related, 1)
        for page in (self.copies_page, self.related_page):
            page.layout().setContentsMargins(2, 2, 2, 2)
            self.addTab(page, "")
        # Room for the copies' label and COPIES_UNDER_LABEL rows: at 800x500 the pane gave
        # the tabs the height of the events' two rows, and with the label shown the list
        # had one (31 px for 25 px rows).  Kept whichever tab is shown, the label shown or
        # not, so that the article is not laid out again as a story comes.  At
        # 800x500 the article keeps 163 px (English) and 153 (Arabic) of 182 and 172,
        # eight lines of 19 px or more as the window promises, beside the timeline's
        # two lanes of labels; three rows would leave it 138 and 128.  Without the label
        # the list has three rows and a third.  (A copy's diff, when chosen, takes the
        # list's room beyond its row.)
        row = self.fontMetrics().height() + 6
        self.copies_page.setMinimumHeight(
            2 + self.copies_label.minimumHeight() + COPIES_UNDER_LABEL * row + 4 + 2
        )
        self.setDocumentMode(True)
        self.article: Article | None = None
        self._texts: dict[int, Article] = {}
        self._fetch: object = None
        self._view: StoryView | None = None
        # Dates written as the list and the axis write them (set_label_style).
        self.label_style = LabelStyle(language="en")
        self.show_story(None, None)

    def set_tab_title(self, page: QWidget, title: str) -> None:
        """A tab's title, set only when it changes: each change lays the tab widget out
        and paints its page again (about a millisecond with a list of rows in it)."""
        at = self.indexOf(page)
        if self.tabText(at) != title:
            self.setTabText(at, title)

    def set_label_style(self, style: LabelStyle) -> None:
        """Write the rows' dates as `style` says, the shown story's too."""
        if style != self.label_style:
            self.label_style = style
            self.show_story(self.article, self._view, self._fetch)

    def _when(self, published: str | None) -> str:
        """A row's date as the list writes it (an ISO text said as stored before)."""
        return published_text(published, self.label_style) or self.tr("undated")

    def show_story(self, article: Article | None, view: StoryView | None, fetch=None) -> None:
        """Show the story of an article; fetch(id) gives a copy's Article for the diff."""
        self.article = article
        self._fetch = fetch
        self._view = view
        self.copies.clear()
        self.related.clear()
        self.diff.clear()
        self.diff.hide()
        copies = view.copies if view else []
        through = view.through_others if view else frozenset()
        hidden = view.hidden if view else frozenset()
        left_out = view.hidden_copies if view else 0
        # What the tab's title ("Copies (37)") does not say, a phrase each.  Said after
        # the count again, the two took 502 px (335 now; Arabic 408, 290) and a window
        # could not be made 800 px wide (864 at least).
        said = []
        if not copies and article is not None:
            said.append(self.tr("No copies of this story"))
        if through:
            # A story is joined copy to copy: a roundup of two meetings brings both
            # meetings' reports in, though they share no sentence.  Said, not hidden.
            said.append(
                counted(
                    self.tr("%n only through other copies", "", len(through)),
                    len(through),
                    self.label_style,
                )
            )
        if left_out:
            # Out of sight as in the list, but a copy is a fact about the story: how
            # many the user hid is said (the tab counts the rows listed).
            said.append(
                counted(self.tr("%n hidden, not listed", "", left_out), left_out, self.label_style)
            )
        label = "  ·  ".join(said)
        self.copies_label.setText(label)
        self.copies_label.setToolTip(
            plain_tooltip(
                self.tr(
                    "Copies you hid are left out; Show hidden items, in the View menu, lists them."
                )
            )
            if left_out
            else ""
        )
        self.copies.setVisible(bool(copies))
        # The tab counts the copies: the label is shown when it says what the count
        # does not (none, some only through others, some hidden).
        self.copies_label.setVisible(bool(label))
        self.set_tab_title(
            self.copies_page,
            counted(self.tr("Copies (%n)", "", len(copies)), len(copies), self.label_style)
            if copies
            else self.tr("Copies"),
        )
        # Each row reads in the interface's direction: the mark is its first strong
        # character; sources and titles are isolated, and dates too (published_text).
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        mark = "\u200f" if rtl else "\u200e"
        listed = copies[:COPY_ROWS]
        if article is not None and len(copies) > COPY_ROWS:
            # The shown article's own row, wherever it falls among the copies.
            listed += [r for r in copies[COPY_ROWS:] if r.article_id == article.id]
        for n, row in enumerate(listed):
            first = self.tr("first") + "  ·  " if n == 0 else ""
            this = (
                "  ·  " + self.tr("this article")
                if article and row.article_id == article.id
                else ""
            )
            when = self._when(row.published)
            linked = "  ·  " + self.tr("through other copies") if row.article_id in through else ""
            linked += self._hidden_mark(row.article_id in hidden)
            text = f"{mark}{first}{_FSI}{for_display(shown_part(row.source or '-'))}{_PDI}  ·  {when}{this}{linked}  ·  {_FSI}{for_display(shown_part(row.title))}{_PDI}"
            item = QListWidgetItem(text)
            item.setData(ArticleIdRole, row.article_id)
            tip = self.tr("Click to see the words that differ; double-click to open")
            if linked:
                tip = (
                    self.tr(
                        "This article shares little text with the one shown: it is in the"
                        " story because it copies another copy (a roundup that reports"
                        " both, say)."
                    )
                    + "\n"
                    + tip
                )
            item.setToolTip(plain_tooltip(tip))
            self.copies.addItem(item)
        if len(copies) > len(listed):
            more = QListWidgetItem(
                mark
                + counted(
                    self.tr(
                        "… and %n more (timeline stories lists them all)",
                        "",
                        len(copies) - len(listed),
                    ),
                    len(copies) - len(listed),
                    self.label_style,
                )
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)  # says how many; nothing to choose
            self.copies.addItem(more)
        related = view.related if view else []
        self.related_label.setText(self.tr("No related articles") if article is not None else "")
        self.related_label.setVisible(not related)
        self.related.setVisible(bool(related))
        self.set_tab_title(
            self.related_page,
            counted(self.tr("Related (%n)", "", len(related)), len(related), self.label_style)
            if related
            else self.tr("Related"),
        )
        # As the copies' rows read (source, date, title); why each is related, and its
        # score, in its tooltip: a bare number in the row said nothing.
        separator = "، " if rtl else ", "
        for row in related:
            when = self._when(row.published) + self._hidden_mark(row.article_id in hidden)
            text = f"{mark}{_FSI}{for_display(shown_part(row.source or '-'))}{_PDI}  ·  {when}  ·  {_FSI}{for_display(shown_part(row.title))}{_PDI}"
            item = QListWidgetItem(text)
            item.setData(ArticleIdRole, row.article_id)
            why = (
                self.tr(
                    "Shares these rare words with this article: %1\n"
                    "Score %2: more rare words shared and closer dates score higher."
                    " Double-click to open."
                )
                .replace("%1", separator.join(row.shared))
                .replace("%2", decimal_number(row.score, self.label_style))
            )
            item.setToolTip(plain_tooltip(why))
            # Said to a screen reader too: a tooltip needs a mouse.  The words are runs
            # of letters (threads.written_forms), nothing to render or reorder.
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, for_display(why))
            self.related.addItem(item)
        self.diff_shown.emit(None)

    def _hidden_mark(self, hidden: bool) -> str:
        """What a row of an article the user hid says of it (hidden items shown), before
        its title, which the row's end may cut; the command line marks it alike."""
        return "  ·  " + self.tr("(hidden)") if hidden else ""

    def update_story(self, view: StoryView) -> None:
        """The shown article's story read again (another article's title, source or
        date corrected, or another article hidden or shown again): shown anew only where
        it changed, so that an unchanged story keeps the copy chosen and its diff
        (show_story drops them)."""
        if self.article is not None and view.article_id == self.article.id and view != self._view:
            self.show_story(self.article, view, self._fetch)

    def _go(self, item: QListWidgetItem) -> None:
        if item.data(ArticleIdRole) is not None:
            self.article_chosen.emit(int(item.data(ArticleIdRole)))

    def _compare(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        """Show the chosen copy with the words the shown article lacks marked."""
        if item is None or self.article is None or self._fetch is None:
            return
        if item.data(ArticleIdRole) is None:  # the "and N more" row
            return
        other_id = int(item.data(ArticleIdRole))
        other = self._fetch(other_id)  # type: ignore[operator]
        if other is None or other_id == self.article.id:
            self.diff.hide()
            self.diff_shown.emit(None)
            return
        diff = word_diff(self.article.body, other.body)
        doc = QTextDocument(self.diff)
        doc.setDefaultFont(self.font())
        cursor = QTextCursor(doc)
        # The source apart from the count: counted() puts the window's digits in place
        # of the first digits it meets, which a source's name could hold.
        summary = f"{_FSI}{for_display(shown_part(other.source))}{_PDI}: " + counted(
            self.tr("%n word(s) in common; marked: words only that copy has", "", diff.same_words),
            diff.same_words,
            self.label_style,
        )
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        cursor.insertText(("\u200f" if rtl else "\u200e") + summary + "\n")
        base = cursor.position()
        cursor.insertText(other.body)  # plain text: never rich text from an article
        fmt = QTextCharFormat()
        fmt.setBackground(_DIFF_COLOUR)
        for start, end in diff.right:
            mark = QTextCursor(doc)
            mark.setPosition(base + start)
            mark.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
            mark.mergeCharFormat(fmt)
        self.diff.setDocument(doc)
        self.diff.show()
        self.diff_shown.emit(diff)


def diff_spans(diff: WordDiff | None) -> list[tuple[int, int]]:
    """The shown article's own words that the compared copy lacks (to mark in its body)."""
    return [] if diff is None else diff.left
