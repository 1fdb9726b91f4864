"""The article list model: ids in chronological order, rows fetched from the store on demand."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from timeline.model import Article, Event
from timeline.store import Store
from timeline.text import base_direction
from timeline.text.display_safe import for_display
from timeline.ui.plain_text import plain_tooltip
from timeline.ui.workers import STORE_ERRORS

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
PublishedRole = Qt.ItemDataRole.UserRole + 2
SourceRole = Qt.ItemDataRole.UserRole + 3
DirectionRole = Qt.ItemDataRole.UserRole + 4

_PAGE = 200
_CACHE_ROWS = 5000

Index = QModelIndex | QPersistentModelIndex
_T = TypeVar("_T")


class ArticleListModel(QAbstractListModel):
    """A list of articles that keeps only ids and a bounded cache of row texts.

    Anki's table model does the same: a million ids are cheap, a million titles are
    not, and only the rows on screen are ever asked for.

    A store that fails on a read (damaged, locked, gone) is reported once by
    `store_failed`; the rows it could not give are shown empty rather than asked for
    again on every paint.
    """

    store_failed = Signal(str)

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._ids: list[int] = []
        self._rows: OrderedDict[int, tuple[str, str | None, str]] = OrderedDict()
        self.failure: str | None = None
        self.reload()

    def reload(self, ids: list[int] | None = None) -> None:
        """Show the given article ids (default: all, chronological) and drop the cache."""
        self.beginResetModel()
        self._ids = self._read(self._store.chronological_ids, []) if ids is None else list(ids)
        self._rows.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def _summary(self, row: int) -> tuple[str, str | None, str]:
        article_id = self._ids[row]
        cached = self._rows.get(article_id)
        if cached is not None:
            self._rows.move_to_end(article_id)
            return cached
        page_start = row - row % _PAGE
        page = self._ids[page_start : page_start + _PAGE]
        self._rows.update(self._read(lambda: self._store.article_summaries(page), {}))
        while len(self._rows) > _CACHE_ROWS:
            self._rows.popitem(last=False)
        return self._rows.get(article_id, ("", None, ""))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ArticleIdRole:
            return self._ids[index.row()]
        title, published, source = self._summary(index.row())
        # Untrusted text: controls and bidi overrides made visible, tooltips escaped.
        title, source = for_display(title), for_display(source)
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(title)
        if role == PublishedRole:
            return published
        if role == SourceRole:
            return source
        if role == DirectionRole:
            return base_direction(title)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{title}, {published or ''}, {source}"
        return None

    def row_of(self, article_id: int) -> int | None:
        try:
            return self._ids.index(article_id)
        except ValueError:
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
