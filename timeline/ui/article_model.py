"""The article list model: ids in chronological order, rows fetched from the store on demand."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from timeline.model import Article, Event
from timeline.store import Store
from timeline.store.listing import ListKey, chronological_page, chronological_row
from timeline.text import base_direction
from timeline.text.query import Query, hit_spans
from timeline.timescale import LabelStyle
from timeline.ui.date_text import published_text

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
PublishedRole = Qt.ItemDataRole.UserRole + 2
SourceRole = Qt.ItemDataRole.UserRole + 3
DirectionRole = Qt.ItemDataRole.UserRole + 4
TitleHitsRole = Qt.ItemDataRole.UserRole + 5  # [(start, end)] of search hits in the title

_PAGE = 200  # rows whose texts are read together
_ID_PAGE = 1000  # ids read per fetchMore
_CACHE_ROWS = 5000

Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractListModel):
    """A list of articles that keeps only ids and a bounded cache of row texts.

    Anki's table model does the same: a million ids are cheap, a million titles are
    not, and only the rows on screen are ever asked for. The ids themselves come a
    page at a time (canFetchMore/fetchMore), so opening the window on a million
    articles reads one page, not a million ids.
    """

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._ids: list[int] = []
        self._rows_of: dict[int, int] = {}
        self._given: list[int] | None = None  # a search's ids, shown a page at a time
        self._given_rows: dict[int, int] | None = None
        self._after: ListKey | None = None
        self._complete = False
        self._rows: OrderedDict[int, tuple[str, str | None, str]] = OrderedDict()
        self._query: Query | None = None
        self._title_hits: dict[int, list[tuple[int, int]]] = {}
        self.label_style = LabelStyle(language="en")
        self.reload()

    def reload(self, ids: list[int] | None = None) -> None:
        """Show the given article ids (default: all, chronological) and drop the cache."""
        self.beginResetModel()
        self._ids = []
        self._rows_of = {}
        self._given = None if ids is None else list(ids)
        self._given_rows = None
        self._after = None
        self._complete = False
        self._rows.clear()
        self._title_hits.clear()
        self._append(self._next_ids())
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
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    # -- ids, a page at a time --------------------------------------------------

    def _next_ids(self, count: int | None = None) -> list[int]:
        count = _ID_PAGE if count is None else count
        if self._complete:
            return []
        if self._given is not None:
            ids = self._given[len(self._ids) : len(self._ids) + count]
            self._complete = len(self._ids) + len(ids) >= len(self._given)
            return ids
        page = chronological_page(self._store, self._after, count)
        if len(page) < count:
            self._complete = True
        if page:
            article_id, start = page[-1]
            self._after = (start, article_id)
        return [article_id for article_id, _ in page]

    def _append(self, ids: list[int]) -> None:
        first = len(self._ids)
        self._rows_of.update(zip(ids, range(first, first + len(ids)), strict=True))
        self._ids.extend(ids)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._fetch(_ID_PAGE)

    def _fetch(self, count: int) -> None:
        ids = self._next_ids(count)
        if not ids:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
        self._append(ids)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def row_of(self, article_id: int) -> int | None:
        """The article's row, fetching the rows before it if they are not here yet."""
        row = self._rows_of.get(article_id)
        if row is not None or self._complete:
            return row
        if self._given is not None:
            if self._given_rows is None:
                self._given_rows = {a: i for i, a in enumerate(self._given)}
            given = self._given_rows.get(article_id)
            if given is None:
                return None
            target = given
        else:
            found = chronological_row(self._store, article_id)
            if found is None:
                return None
            target = found
        if len(self._ids) <= target:
            # One read and one insertion up to a page past the row, however far it is.
            self._fetch(target + _ID_PAGE - len(self._ids))
        return self._rows_of.get(article_id)

    # -- row texts ----------------------------------------------------------------

    def _summary(self, row: int) -> tuple[str, str | None, str]:
        article_id = self._ids[row]
        cached = self._rows.get(article_id)
        if cached is not None:
            self._rows.move_to_end(article_id)
            return cached
        page_start = row - row % _PAGE
        page = self._ids[page_start : page_start + _PAGE]
        self._rows.update(self._store.article_summaries(page))
        while len(self._rows) > _CACHE_ROWS:
            self._rows.popitem(last=False)
        return self._rows.get(article_id, ("", None, ""))

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
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ArticleIdRole:
            return self._ids[index.row()]
        title, published, source = self._summary(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return title
        if role == PublishedRole:
            return published_text(published, self.label_style)
        if role == SourceRole:
            return source
        if role == DirectionRole:
            return base_direction(title)
        if role == TitleHitsRole:
            return self._hits(self._ids[index.row()], title)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{title}, {published_text(published, self.label_style) or ''}, {source}"
        return None

    def article(self, article_id: int) -> Article | None:
        return self._store.article(article_id)

    def events(self, article_id: int) -> list[Event]:
        return self._store.events_of(article_id)
