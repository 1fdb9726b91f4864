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
from timeline.store.listing import (
    ListKey,
    keys_after,
    keys_before,
    list_keys,
)
from timeline.store.search import count_between, counts_in_memory
from timeline.text import base_direction
from timeline.text.display_safe import for_display, shown_part
from timeline.text.query import Query, hit_finder
from timeline.timescale import LabelStyle
from timeline.ui.date_text import published_text
from timeline.ui.hit_marks import earliest_columns, shown_once, taken_out
from timeline.ui.plain_text import plain_tooltip
from timeline.ui.workers import STORE_ERRORS

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
PublishedRole = Qt.ItemDataRole.UserRole + 2
SourceRole = Qt.ItemDataRole.UserRole + 3
DirectionRole = Qt.ItemDataRole.UserRole + 4
TitleHitsRole = Qt.ItemDataRole.UserRole + 5  # [(start, end)] of search hits in the title
HiddenRole = Qt.ItemDataRole.UserRole + 6  # the user hid it (listed with show_hidden only)

_Summary = tuple[str, str | None, str, bool]  # a row's title, published, source, hidden

# Rows whose texts are read together: about a screenful (the first frame waits for
# them, each a row of the articles table read from wherever it lies in the file).
_PAGE = 50
_ID_PAGE = 1000  # rows added per fetchMore, and ids read together
_END_KEYS = 64  # the list's last keys read for its last listed article (End)
_PAGES_KEPT = 200
_CACHE_ROWS = 5000

Index = QModelIndex | QPersistentModelIndex
_T = TypeVar("_T")


def _order(key: ListKey) -> tuple[bool, int, int]:
    """A list key as a sortable tuple: the undated after every dated article, by id."""
    start, article_id = key
    return (start is None, 0 if start is None else start, article_id)


class ArticleListModel(QAbstractListModel):
    """A list of articles that keeps only ids, a page at a time, and a cache of row texts.

    Anki's table model does the same: a million ids are cheap, a million titles are
    not, and only the rows on screen are ever asked for. Here even the ids come a page
    at a time and nothing is counted: rows are added as the view scrolls
    (canFetchMore/fetchMore, until a read finds the list's end), and the ids of a page
    are read when one of its rows is first shown, by keyset paging from the nearest row
    whose place in the order is known (an anchor: timeline/store/listing.py), so a page
    far down costs what the first one does. Selecting an article far down counts the
    rows before it, adds the rows up to it and reads only its page.

    A store that fails on a read (damaged, locked, gone) is reported once by
    `store_failed`; the rows it could not give are shown empty rather than asked for
    again on every paint.

    Articles the user hid are left out (show_hidden brings them back, each saying so:
    HiddenRole), and the user's title, source and publication date win over the
    computed ones. The whole list skips
    them (and later copies when each story is shown once) as it reads its pages.
    """

    store_failed = Signal(str)

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        # A search's ids, in list order: an array, never a Python object an id (two
        # million hits as a list and a dictionary took 1.7 s of the GUI thread and 230
        # MB at their peak, measured at 3,880,000 articles; as an array, 18 MB).
        self._given: np.ndarray | None = None
        self._count = 0  # rows in the model so far
        self._at_end = True  # no rows after them (a search's: always)
        self._pages: OrderedDict[int, list[int]] = OrderedDict()
        self._rows_of: dict[int, int] = {}  # ids of the pages held
        # Rows of the whole list whose article's place in the order is known, and those
        # places: a page is read from the nearest one.
        self._anchors: dict[int, ListKey] = {}
        self._anchor_rows: list[int] = []
        self._rows: OrderedDict[int, _Summary] = OrderedDict()
        # The search's title hits, found by one finder made for the query (made for each
        # title, 0.29 ms a title against 2 us).
        self._find_hits: Callable[[str], list[tuple[int, int]]] | None = None
        self._title_hits: dict[int, list[tuple[int, int]]] = {}
        self.label_style = LabelStyle(language="en")
        self.failure: str | None = None
        self.collapse_copies = False  # copies of a story shown as its earliest article
        self._earliest: dict[int, int] = {}  # given by set_earliest
        self._asked: np.ndarray | None = None
        self._asked_left_out: frozenset[int] | None = None  # hidden left out of _asked
        self._earliest_arrays: tuple[np.ndarray, np.ndarray] | None = None
        self.show_hidden = False  # list the articles the user hid too (read on reload)
        self._hidden: set[int] = set()
        self._skipped: set[int] = set()  # left out of the whole list: hidden, later copies
        self._skipped_keys: list[tuple[bool, int, int]] | None = None  # sorted, when asked
        self.reload()

    def set_collapse_copies(self, collapse: bool) -> None:
        """Show each story once, as its earliest copy (a hit in any copy finds it), once
        set_earliest says which copy stands for which: every copy until then."""
        self.collapse_copies = collapse
        self._earliest = {}
        self._earliest_arrays = None
        self.reload(self._asked)

    def set_earliest(self, earliest: dict[int, int]) -> None:
        """The copy each later copy stands behind (stories.read_collapse), as the events
        loader read it on its thread: this model never reads it on the GUI thread, where
        it took 17 ms at 30,000 articles (60 ms once it read the clusters' signatures)
        and over a second at 500,000, on every search with each story shown once."""
        if earliest == self._earliest:
            return
        self._earliest = earliest
        self._earliest_arrays = None
        if self.collapse_copies:
            self.reload(self._asked)

    def _earliest_columns(self) -> tuple[np.ndarray, np.ndarray]:
        """set_earliest's map as two arrays, its keys sorted (made once a map)."""
        if self._earliest_arrays is None:
            self._earliest_arrays = earliest_columns(self._earliest)
        return self._earliest_arrays

    def shown_as(self, article_id: int) -> int:
        """The article listed for this one: with each story shown once, the copy it
        stands behind (itself when it is listed, or no story holds it)."""
        return self._earliest.get(article_id, article_id) if self.collapse_copies else article_id

    def reload(
        self,
        ids: Sequence[int] | np.ndarray | None = None,
        *,
        left_out: frozenset[int] | None = None,
    ) -> None:
        """Show the given article ids (default: all, chronological) and drop the cache.

        A search gives its hits as an array (a common word matches every article) and
        they stay one: each copy of a story standing behind another is put in its place
        and hidden ones are left out by array operations, and a page's ids become Python
        ints only when it is read.  The ids given are distinct.  left_out: hidden
        articles the ids are given without already (the search's worker left them out:
        no pass over the hits again here), kept for the same ids given again.
        """
        if left_out is None and ids is not None and ids is self._asked:
            left_out = self._asked_left_out  # the same hits again (each story once, or not)
        self._asked = None if ids is None else _id_array(ids)
        self._asked_left_out = None if ids is None else left_out
        self.beginResetModel()
        self._hidden = (
            set()
            if self.show_hidden
            else self._read(lambda: user.hidden_article_ids(self._store), set())
        )
        earliest = self._earliest if self.collapse_copies else {}
        self._pages.clear()
        self._rows_of.clear()
        self._anchors = {}
        self._anchor_rows = []
        self._rows.clear()
        self._title_hits.clear()
        self._skipped_keys = None
        if self._asked is None:
            self._given = None
            self._skipped = self._hidden | set(earliest)
            self._count, self._at_end = 0, False
            self._count = self._rows_up_to(_ID_PAGE)
        else:
            given = self._asked
            if earliest:
                given = shown_once(given, self._earliest_columns())
            # Left out already unless stories were put in their copies' places since.
            done = left_out is not None and not earliest and self._hidden <= left_out
            if self._hidden and not done:
                hidden = _id_array(list(self._hidden))
                given = given[~np.isin(given, hidden, kind="table")]
            self._given = given
            self._skipped = set()
            self._count, self._at_end = min(len(self._given), _ID_PAGE), True
        self.endResetModel()

    def set_query(self, query: Query | None) -> None:
        """Mark this search's hits in the titles (TitleHitsRole); None marks nothing."""
        self._find_hits = hit_finder(query) if query is not None else None
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

    def _total(self) -> int:
        """Rows there are as far as known: a search's all, the whole list's so far."""
        return len(self._given) if self._given is not None else self._count

    def _page(self, number: int) -> list[int]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        first = number * _ID_PAGE
        if self._given is not None:
            page = self._given[first : first + _ID_PAGE].tolist()
        else:
            wanted = min(_ID_PAGE, self._count - first)
            page = [key[1] for key in self._read(lambda: self._keys_of_rows(first, wanted), [])]
        self._pages[number] = page
        self._rows_of.update(zip(page, range(first, first + len(page)), strict=True))
        while len(self._pages) > _PAGES_KEPT:
            for article_id in self._pages.popitem(last=False)[1]:
                self._rows_of.pop(article_id, None)
        return page

    def _anchor(self, row: int, key: ListKey) -> None:
        if row not in self._anchors:
            bisect.insort(self._anchor_rows, row)
        self._anchors[row] = key

    def _shift_anchors(self, row: int, by: int) -> None:
        """The row at `row` taken out (by -1) or one put in before it (by 1): the rows
        after it moved."""
        if by < 0:
            self._anchors.pop(row, None)
            moved = {(r - 1 if r > row else r): k for r, k in self._anchors.items()}
        else:
            moved = {(r + 1 if r >= row else r): k for r, k in self._anchors.items()}
        self._anchors = moved
        self._anchor_rows = sorted(moved)

    def _keys_of_rows(self, first: int, count: int) -> list[ListKey]:
        """The keys of the whole list's rows [first, first + count), fewer at its end,
        read from the nearest anchor before or after them (the list's start is one)."""
        if count <= 0:
            return []
        at = bisect.bisect_left(self._anchor_rows, first)
        before = self._anchor_rows[at - 1] if at else -1
        after = self._anchor_rows[at] if at < len(self._anchor_rows) else None
        gap = first - before - 1
        if after is not None and after - first < gap:
            key = self._anchors[after]
            keys = [*self._shown_keys(key, after - first, backward=True)[::-1], key]
            if len(keys) < count:
                keys += self._shown_keys(key, count - len(keys))
            keys = keys[:count]
        else:
            keys = self._shown_keys(self._anchors.get(before), gap + count)[gap:]
        if keys:
            self._anchor(first, keys[0])
            self._anchor(first + len(keys) - 1, keys[-1])
        return keys

    def _shown_keys(self, key: ListKey | None, count: int, backward: bool = False) -> list[ListKey]:
        """Up to `count` keys of listed articles after `key` (before it, nearest first),
        the skipped ones passed over."""
        found: list[ListKey] = []
        while len(found) < count:
            wanted = count - len(found)
            if backward:
                assert key is not None
                read = keys_before(self._store, key, wanted)
            else:
                read = keys_after(self._store, key, wanted)
            found += [k for k in read if k[1] not in self._skipped]
            if len(read) < wanted:
                break
            key = read[-1]
        return found

    def _rows_up_to(self, count: int) -> int:
        """How many rows the whole list has up to `count` (read past those added so far
        until it ends: the end, once found, is kept)."""
        wanted = count - self._count
        if self._at_end or wanted <= 0:
            return self._count
        keys = self._read(lambda: self._keys_of_rows(self._count, wanted), None)
        if keys is None or len(keys) < wanted:
            self._at_end = True  # (a store that failed is said; it is not asked again)
        return self._count + len(keys or [])

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
        if self._given is None:
            self._skipped.add(article_id)
            self._skipped_keys = None
        if row is None:  # not listed (a search's hits): nothing to take out
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        if self._given is not None:
            # Cut in its own buffer: a copy of a common word's 2,278,641 ids took 14 ms of
            # a hide's GUI thread at 3,880,000 articles, most of it in fresh pages.  The
            # ids asked for may be that very array (none left out of them here): they are
            # then the ids less every hidden one, as the next reload of them is told.
            asked = self._given is self._asked
            self._given = taken_out(self._given, np.array([row]))
            if asked:
                self._asked, self._asked_left_out = self._given, frozenset(self._hidden)
        else:
            self._shift_anchors(row, -1)
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
        if len(page) == _ID_PAGE - 1 and first + len(page) < self._count:
            at = first + len(page)
            more = self._read(lambda: self._keys_of_rows(at, 1), None)
            if more is None:
                return False  # the store failed: said; the pages are read again
            page.extend(key[1] for key in more)
            self._rows_of.update((key[1], at + k) for k, key in enumerate(more))
        return True

    def show_article(self, article_id: int) -> bool:
        """Put a row back once its article is shown again; False when the list must be
        read again instead (a search's hits: whether it is one is the search's to say)."""
        if article_id not in self._hidden:
            return True
        self._hidden.discard(article_id)
        if self._given is not None:
            return False
        self._skipped.discard(article_id)
        self._skipped_keys = None
        row = self._read(lambda: self._row_in_list(article_id), None)
        if row is None:
            return True
        if row > self._count or (row == self._count and not self._at_end):
            self._forget_pages()  # not added so far: it comes with its page
            return True
        self.beginInsertRows(QModelIndex(), row, row)
        self._shift_anchors(row, 1)
        self._count += 1
        self._forget_pages()
        self.endInsertRows()
        return True

    def _row_in_list(self, article_id: int) -> int | None:
        """The row a listed article has in the whole list, counted in the store from the
        nearest row whose place is known (the list's start if none is nearer), less the
        skipped articles on the way; None if it is not listed."""
        if article_id in self._skipped:
            return None
        key = list_keys(self._store, [article_id]).get(article_id)
        if key is None:
            return None
        if self._skipped_keys is None:
            self._skipped_keys = sorted(
                _order(k) for k in list_keys(self._store, self._skipped).values()
            )
        place = _order(key)
        known = [(_order(self._anchors[r]), r) for r in self._anchor_rows]
        at = bisect.bisect_left(known, (place, -1))
        if at < len(known) and known[at][0] == place:
            return known[at][1]
        skipped = self._skipped_keys
        if not at:  # from the list's start
            between = count_between(self._store, None, key)
            return between - bisect.bisect_left(skipped, place)
        place_before, row_before = known[at - 1]
        between = count_between(self._store, self._anchors[row_before], key)
        passed = bisect.bisect_left(skipped, place) - bisect.bisect_right(skipped, place_before)
        return row_before + 1 + between - passed

    def _forget_pages(self) -> None:
        """Rows moved: the pages of ids are read again (the row texts, by id, stay)."""
        self._pages.clear()
        self._rows_of.clear()

    def _id_at(self, row: int) -> int | None:
        page = self._page(row // _ID_PAGE)
        offset = row % _ID_PAGE
        return page[offset] if offset < len(page) else None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return self._count < len(self._given) if self._given is not None else not self._at_end

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._extend_to(self._count + _ID_PAGE)

    def _extend_to(self, count: int) -> None:
        """Rows up to `count` added (as many as there are), the view told."""
        before = self._count
        given = self._given
        after = self._rows_up_to(count) if given is None else min(count, len(given))
        if after > before:
            self.beginInsertRows(QModelIndex(), before, after - 1)
            self._count = after
            self.endInsertRows()

    def reach_end(self) -> None:
        """Rows added up to the list's last (End): a search's hits all (held in memory);
        the whole list's when the rows before its last can be counted in memory (the
        article map), else none (a count in SQL over millions of rows would hold the GUI
        thread: the view's Ctrl+End then goes to the last row read so far)."""
        if self._given is not None:
            self._extend_to(len(self._given))
            return
        if self._at_end:
            return
        known = self._read(lambda: counts_in_memory(self._store), False)
        if not known:
            return
        # The last listed article: the list's last keys, nearest the end first, past
        # those it passes over (hidden, later copies).
        keys = self._read(lambda: keys_before(self._store, None, _END_KEYS), None) or []
        for _start, article_id in keys:
            if self.row_of(article_id) is not None:
                return

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def row_of(self, article_id: int) -> int | None:
        """The article's row; rows up to it are added if the view has not come so far."""
        row = self._rows_of.get(article_id)
        if row is None:
            if self._given is not None:
                # A scan in C (a few ms for a million hits), not a dictionary of every
                # hit built on the GUI thread after each search (up to a second).
                found = np.flatnonzero(self._given == article_id)
                row = int(found[0]) if len(found) else None
            elif article_id in self._hidden:
                return None
            else:
                row = self._read(lambda: self._row_in_list(article_id), None)
                if row is not None:
                    self._reach(row, article_id)
        if row is None or row >= self._count:
            return None
        self._extend_to(row + 1 + _ID_PAGE)
        return row if self._id_at(row) == article_id else None

    def _reach(self, row: int, article_id: int) -> None:
        """A row just counted kept as an anchor (its page is read from it), and if it is
        past the rows added so far, the rows up to it added (so many come before it)."""
        key = self._read(lambda: list_keys(self._store, [article_id]).get(article_id), None)
        if key is None:
            return
        self._anchor(row, key)
        if row >= self._count:
            self.beginInsertRows(QModelIndex(), self._count, row)
            self._count = row + 1
            self.endInsertRows()

    # -- row texts ----------------------------------------------------------------

    def _summary(self, article_id: int, row: int) -> _Summary:
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
        return self._rows.get(article_id, ("", None, "", False))

    def _user_summaries(self, ids: list[int]) -> dict[int, _Summary]:
        """(title, published, source, hidden) of these articles, the user's values
        winning; hidden is read only while hidden articles are listed (else none is)."""
        hidden = user.hidden_article_ids(self._store) if self.show_hidden else set()
        rows: dict[int, _Summary] = {
            article_id: (*row, article_id in hidden)
            for article_id, row in self._store.article_summaries(ids).items()
        }
        for article_id, fields in user.corrected_fields(self._store, ids).items():
            title, published, source, _ = rows.get(article_id, ("", None, "", False))
            rows[article_id] = (
                fields.get("title", title),
                fields.get("published", published),
                fields.get("source", source),
                article_id in hidden,
            )
        return rows

    def _hits(self, article_id: int, title: str) -> list[tuple[int, int]]:
        if self._find_hits is None:
            return []
        hits = self._title_hits.get(article_id)
        if hits is None:
            if len(self._title_hits) > _CACHE_ROWS:
                self._title_hits.clear()
            hits = self._title_hits[article_id] = self._find_hits(title)
        return hits

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        article_id = self._id_at(index.row())
        if article_id is None:
            return None
        if role == ArticleIdRole:
            return article_id
        title, published, source, hidden = self._summary(article_id, index.row())
        # Untrusted text: controls and bidi overrides made visible (one character for
        # one, so title hit spans stay valid), tooltips escaped.
        title, source = for_display(shown_part(title)), for_display(shown_part(source))
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
        if role == HiddenRole:
            return hidden
        if role == Qt.ItemDataRole.AccessibleTextRole:
            said = f"{title}, {published_text(published, self.label_style) or ''}, {source}"
            if hidden:
                said += ", " + self.tr("Hidden")
            return said
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


def _id_array(ids: Sequence[int] | np.ndarray) -> np.ndarray:
    """Ids as an integer array: an integer array given is kept as it is (a search's
    hits come in 32 bits where every id fits: a 64-bit copy of a common word's was
    18 MB at 3,880,000 articles), anything else made int64."""
    if isinstance(ids, np.ndarray) and ids.dtype.kind in "iu":
        return ids
    return np.asarray(ids, dtype=np.int64)
