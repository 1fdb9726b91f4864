"""The article list model: ids in chronological order, rows fetched from the store on demand."""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from timeline.model import Article, Event
from timeline.store import Store
from timeline.store import edits as user
from timeline.store import stories as story_store
from timeline.store.listing import chronological_row, chronological_slice
from timeline.text import base_direction
from timeline.text.display_safe import for_display
from timeline.text.query import Query, hit_spans
from timeline.timescale import LabelStyle
from timeline.ui.date_text import published_text
from timeline.ui.plain_text import plain_tooltip
from timeline.ui.workers import STORE_ERRORS

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
PublishedRole = Qt.ItemDataRole.UserRole + 2
SourceRole = Qt.ItemDataRole.UserRole + 3
DirectionRole = Qt.ItemDataRole.UserRole + 4
TitleHitsRole = Qt.ItemDataRole.UserRole + 5  # [(start, end)] of search hits in the title

_PAGE = 200  # rows whose texts are read together
_ID_PAGE = 1000  # rows added per fetchMore, and ids read together
_PAGES_KEPT = 200
_CACHE_ROWS = 5000

Index = QModelIndex | QPersistentModelIndex
_T = TypeVar("_T")


class ArticleListModel(QAbstractListModel):
    """A list of articles that keeps only ids, a page at a time, and a cache of row texts.

    Anki's table model does the same: a million ids are cheap, a million titles are
    not, and only the rows on screen are ever asked for. Here even the ids come a page
    at a time: rows are added as the view scrolls (canFetchMore/fetchMore), and the ids
    of a page are read when one of its rows is first shown. Selecting an article far
    down adds the rows up to it at once and reads only its page.

    A store that fails on a read (damaged, locked, gone) is reported once by
    `store_failed`; the rows it could not give are shown empty rather than asked for
    again on every paint.

    Articles the user hid are left out (show_hidden brings them back), and the user's
    title, source and publication date win over the computed ones.  Hidden articles are
    few (hidden by hand): a page of ids is read past them, by their rows in the whole list.
    """

    store_failed = Signal(str)

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._given: list[int] | None = None  # a search's ids, in list order
        self._total = 0  # rows there are; _count of them are in the model so far
        self._count = 0
        self._pages: OrderedDict[int, list[int]] = OrderedDict()
        self._rows_of: dict[int, int] = {}  # ids of the pages held
        self._rows: OrderedDict[int, tuple[str, str | None, str]] = OrderedDict()
        self._query: Query | None = None
        self._title_hits: dict[int, list[tuple[int, int]]] = {}
        self.label_style = LabelStyle(language="en")
        self.failure: str | None = None
        self.collapse_copies = False  # copies of a story shown as its earliest article
        self._asked: list[int] | None = None
        self.show_hidden = False  # list the articles the user hid too (read on reload)
        self._hidden: set[int] = set()
        self._hidden_rows: list[int] = []  # rows of the hidden in the whole list, sorted
        self._hidden_row_of: dict[int, int] = {}
        self.reload()

    def set_collapse_copies(self, collapse: bool) -> None:
        """Show each story once, as its earliest copy (a hit in any copy finds it)."""
        self.collapse_copies = collapse
        self.reload(self._asked)

    def _story_ids(self, ids: list[int] | None) -> list[int] | None:
        """The ids to show once copies are collapsed (unchanged when they are not)."""
        if not self.collapse_copies:
            return ids
        earliest = story_store.earliest_of(self._store)
        if not earliest:
            return ids
        if ids is None:
            return [i for i in self._store.chronological_ids() if i not in earliest]
        return list(dict.fromkeys(earliest.get(i, i) for i in ids))

    def reload(self, ids: Sequence[int] | np.ndarray | None = None) -> None:
        """Show the given article ids (default: all, chronological) and drop the cache.

        A search gives its hits as an array (a common word matches every article): they
        become Python ints once, in one call, and are looked through only for hidden ones.
        """
        self._asked = None if ids is None else _int_list(ids)
        ids = self._story_ids(self._asked)
        self.beginResetModel()
        self._hidden = (
            set()
            if self.show_hidden
            else self._read(lambda: user.hidden_article_ids(self._store), set())
        )
        if ids is None:
            self._given = None
        elif self._hidden:
            self._given = [i for i in ids if i not in self._hidden]
        else:
            self._given = list(ids)  # a copy of its own: a hidden row is taken out of it
        self._hidden_rows = []
        self._hidden_row_of = {}
        if ids is None and self._hidden:
            rows = self._read(
                lambda: {i: chronological_row(self._store, i) for i in self._hidden}, {}
            )
            self._hidden_row_of = {i: r for i, r in rows.items() if r is not None}
            self._hidden_rows = sorted(self._hidden_row_of.values())
        self._total = (
            self._read(self._store.count_articles, 0) - len(self._hidden_rows)
            if ids is None
            else len(self._given or [])
        )
        self._count = min(self._total, _ID_PAGE)
        self._pages.clear()
        self._rows_of.clear()
        self._rows.clear()
        self._title_hits.clear()
        self.endResetModel()

    def set_query(self, query: Query | None) -> None:
        """Mark this search's hits in the titles (TitleHitsRole); None marks nothing."""
        self._query = query
        self._title_hits.clear()
        self._all_changed()

    def set_label_style(self, style: LabelStyle) -> None:
        """Write publication dates as the timeline's axis writes them."""
        if style != self.label_style:
            self.label_style = style
            self._all_changed()

    def _all_changed(self) -> None:
        if self._count:
            self.dataChanged.emit(self.index(0), self.index(self._count - 1))

    # -- ids, a page at a time --------------------------------------------------

    def _page(self, number: int) -> list[int]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        first = number * _ID_PAGE
        if self._given is not None:
            page = self._given[first : first + _ID_PAGE]
        else:
            page = self._read(lambda: self._chronological_page(first), [])
        self._pages[number] = page
        self._rows_of.update(zip(page, range(first, first + len(page)), strict=True))
        while len(self._pages) > _PAGES_KEPT:
            for article_id in self._pages.popitem(last=False)[1]:
                self._rows_of.pop(article_id, None)
        return page

    def _chronological_page(self, first: int, count: int | None = None) -> list[int]:
        """Ids of rows [first, first + count) (a page by default) of the whole list with
        the hidden left out."""
        count = _ID_PAGE if count is None else count
        under = self._row_in_whole_list(first)
        wanted = count + len(self._hidden_rows) - bisect.bisect_left(self._hidden_rows, under)
        ids = chronological_slice(self._store, under, wanted)
        return [i for i in ids if i not in self._hidden][:count]

    def _row_in_whole_list(self, row: int) -> int:
        """The row a shown row has in the whole chronological list (hidden ones counted)."""
        for hidden in self._hidden_rows:
            if hidden > row:
                break
            row += 1
        return row

    def refresh_article(self, article_id: int) -> None:
        """Read one article's row again (after an edit to its title, source or date)."""
        self._title_hits.pop(article_id, None)
        if self._rows.pop(article_id, None) is not None:
            self._rows.update(self._read(lambda: self._user_summaries([article_id]), {}))
        row = self._rows_of.get(article_id)
        if row is not None and row < self._count:
            self.dataChanged.emit(self.index(row), self.index(row))

    def hide_article(self, article_id: int) -> None:
        """Take a row out once its article is hidden, without reading the list again."""
        if self.show_hidden or article_id in self._hidden:
            return
        row = self.row_of(article_id)
        self._hidden.add(article_id)
        if row is None:  # not listed (a search's hits): nothing to take out
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        if self._given is not None:
            self._given.pop(row)
        else:
            under = self._row_in_whole_list(row)
            bisect.insort(self._hidden_rows, under)
            self._hidden_row_of[article_id] = under
        self._total -= 1
        self._count -= 1
        if self._given is not None or not self._close_page(row):
            self._forget_pages()
        self.endRemoveRows()

    def _close_page(self, row: int) -> bool:
        """The cached page of a row just taken out closed up (the pages after it dropped,
        the first id of the next page read to fill its end): not the whole page read
        again.  False when the page is not cached (nothing to keep)."""
        number, offset = divmod(row, _ID_PAGE)
        page = self._pages.get(number)
        if page is None or offset >= len(page):
            return False
        for later in [n for n in self._pages if n > number]:
            for article_id in self._pages.pop(later):
                self._rows_of.pop(article_id, None)
        self._rows_of.pop(page.pop(offset), None)
        first = number * _ID_PAGE
        for at in range(offset, len(page)):
            self._rows_of[page[at]] = first + at
        if len(page) == _ID_PAGE - 1 and first + len(page) < self._total:
            more = self._read(lambda: self._chronological_page(first + len(page), 1), None)
            if more is None:
                return False  # the store failed: said; the pages are read again
            at = first + len(page)
            page.extend(more)
            self._rows_of.update((article_id, at + k) for k, article_id in enumerate(more))
        return True

    def show_article(self, article_id: int) -> bool:
        """Put a row back once its article is shown again; False when the list must be
        read again instead (a search's hits: whether it is one is the search's to say)."""
        if article_id not in self._hidden:
            return True
        self._hidden.discard(article_id)
        if self._given is not None:
            return False
        under = self._hidden_row_of.pop(article_id, None)
        if under is None:
            under = self._read(lambda: chronological_row(self._store, article_id), None)
        if under is None:
            return True
        if under in self._hidden_rows:
            self._hidden_rows.remove(under)
        row = under - bisect.bisect_left(self._hidden_rows, under)
        self._total += 1
        if row >= self._count:  # not fetched so far: it comes with its page
            self._forget_pages()
            return True
        self.beginInsertRows(QModelIndex(), row, row)
        self._count += 1
        self._forget_pages()
        self.endInsertRows()
        return True

    def _forget_pages(self) -> None:
        """Rows moved: the pages of ids are read again (the row texts, by id, stay)."""
        self._pages.clear()
        self._rows_of.clear()

    def _id_at(self, row: int) -> int | None:
        page = self._page(row // _ID_PAGE)
        offset = row % _ID_PAGE
        return page[offset] if offset < len(page) else None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._count < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._extend_to(self._count + _ID_PAGE)

    def _extend_to(self, count: int) -> None:
        count = min(count, self._total)
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def row_of(self, article_id: int) -> int | None:
        """The article's row; rows up to it are added if the view has not come so far."""
        row = self._rows_of.get(article_id)
        if row is None:
            if self._given is not None:
                # A scan in C (a few ms for a million hits), not a dictionary of every
                # hit built on the GUI thread after each search (up to a second).
                try:
                    row = self._given.index(article_id)
                except ValueError:
                    row = None
            elif article_id in self._hidden:
                return None
            else:
                row = self._read(lambda: chronological_row(self._store, article_id), None)
                if row is not None:
                    row -= bisect.bisect_left(self._hidden_rows, row)
        if row is None or row >= self._total:
            return None
        self._extend_to(row + 1 + _ID_PAGE)
        return row if self._id_at(row) == article_id else None

    # -- row texts ----------------------------------------------------------------

    def _summary(self, article_id: int, row: int) -> tuple[str, str | None, str]:
        cached = self._rows.get(article_id)
        if cached is not None:
            self._rows.move_to_end(article_id)
            return cached
        # The _PAGE rows around it, as far as its page of ids goes.
        ids = self._page(row // _ID_PAGE)
        id_first = row - row % _ID_PAGE
        page_start = row - row % _PAGE
        lo = max(page_start, id_first) - id_first
        hi = min(page_start + _PAGE, id_first + len(ids)) - id_first
        page = ids[lo:hi]
        self._rows.update(self._read(lambda: self._user_summaries(page), {}))
        while len(self._rows) > _CACHE_ROWS:
            self._rows.popitem(last=False)
        return self._rows.get(article_id, ("", None, ""))

    def _user_summaries(self, ids: list[int]) -> dict[int, tuple[str, str | None, str]]:
        """(title, published, source) of these articles, the user's values winning."""
        rows = self._store.article_summaries(ids)
        for article_id, fields in user.corrected_fields(self._store, ids).items():
            title, published, source = rows.get(article_id, ("", None, ""))
            rows[article_id] = (
                fields.get("title", title),
                fields.get("published", published),
                fields.get("source", source),
            )
        return rows

    def _hits(self, article_id: int, title: str) -> list[tuple[int, int]]:
        if self._query is None:
            return []
        hits = self._title_hits.get(article_id)
        if hits is None:
            if len(self._title_hits) > _CACHE_ROWS:
                self._title_hits.clear()
            hits = self._title_hits[article_id] = hit_spans(title, self._query)
        return hits

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        article_id = self._id_at(index.row())
        if article_id is None:
            return None
        if role == ArticleIdRole:
            return article_id
        title, published, source = self._summary(article_id, index.row())
        # Untrusted text: controls and bidi overrides made visible (one character for
        # one, so title hit spans stay valid), tooltips escaped.
        title, source = for_display(title), for_display(source)
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(title)
        if role == PublishedRole:
            return published_text(published, self.label_style)
        if role == SourceRole:
            return source
        if role == DirectionRole:
            return base_direction(title)
        if role == TitleHitsRole:
            return self._hits(article_id, title)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{title}, {published_text(published, self.label_style) or ''}, {source}"
        return None

    def article(self, article_id: int) -> Article | None:
        return self._read(lambda: self._store.article(article_id), None)

    def events(self, article_id: int) -> list[Event]:
        return self._read(lambda: self._store.events_of(article_id), [])

    def _read(self, read: Callable[[], _T], default: _T) -> _T:
        """A read from the store, or `default` when the store fails (reported once)."""
        try:
            return read()
        except STORE_ERRORS as exc:
            if self.failure is None:
                self.failure = str(exc) or type(exc).__name__
                self.store_failed.emit(self.failure)
            return default


def _int_list(ids: Sequence[int] | np.ndarray) -> list[int]:
    """Ids as a list of Python ints (an array's in one call, not one object at a time)."""
    return ids.tolist() if isinstance(ids, np.ndarray) else [int(i) for i in ids]
