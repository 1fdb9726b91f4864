"""Work that can take long runs off the GUI thread, each worker with its own connection.

Every worker ends by emitting `finished` or `failed`, whatever goes wrong inside it: a
worker that died silently would leave its thread running, later work ignored and the
window unable to close.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal

from timeline.model import Article, Event
from timeline.paths import origin_as_named
from timeline.store import Store, StoreError
from timeline.store import stories as story_store
from timeline.store.edits import (
    SpliceLater,
    corrected_fields,
    hidden_article_ids,
    keep_indexed,
    overlay_arrays,
    source_codes,
)
from timeline.store.search import (
    ArticleHitSpans,
    SearchError,
    SearchRequest,
    article_hit_spans,
    distinct_sources,
    in_list_order,
    matching_article_ids,
    spelling_corrections,
    warm_article_map,
    with_user_text_matches,
)
from timeline.store.timeline_data import (
    ColumnRoom,
    EventArrays,
    RowSplice,
    density_summary,
    load_event_arrays,
)
from timeline.text.query import Query, parse_query, prepare_hit_spans
from timeline.ui.hit_marks import HitMarks, earliest_columns, hit_marks, shown_once
from timeline.ui.memory import release_freed
from timeline.ui.timeline_geometry import FollowedLanes

if TYPE_CHECKING:
    import numpy as np

    from timeline import edits
    from timeline.ingest import PageStep

# timeline.library and timeline.edits (importers, date rules, stories) are imported by
# the workers that use them, on their threads: the window's first frame needs neither.

# What a damaged, locked or vanished store raises on a read (StoreError where the store
# recognizes it, sqlite3's own errors where it does not).
STORE_ERRORS = (StoreError, sqlite3.Error)


def describe_failure(exc: BaseException) -> str:
    """One line saying why something failed, for a reader rather than a programmer."""
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "too large to read in the memory available"
    if isinstance(exc, OSError) and exc.strerror:
        from timeline.ui.import_messages import os_failure

        return os_failure(exc)  # the system's reason in the interface's language
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, StoreError) and text:
        return text  # the store's own line, written for a reader (and translated: store_messages)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _report_unexpected(exc: BaseException) -> None:
    # A programming error must stay visible to whoever runs the program from a terminal.
    traceback.print_exception(exc, limit=-8)


class _Cancellable(QObject):
    """A writer the window can cancel: asked between its steps, and a long statement
    interrupted (SQLite checks every 1,000 virtual-machine steps; non-zero aborts the
    statement, "interrupted", and its transaction rolls back)."""

    CANCELLED = "cancelled"

    def __init__(self) -> None:
        super().__init__()
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def is_cancelled(self) -> bool:
        return self._cancelled

    def _interruptible(self, store: Store) -> None:
        store.db.conn.set_progress_handler(lambda: int(self._cancelled), 1000)


class ImportWorker(_Cancellable):
    """Runs library.import_paths on a QThread; the GUI only reads (DESIGN.md, rule 4).

    Cancelling stops the current file within an article (library.import_paths asks
    between articles; a long statement is interrupted): the file rolls back, the files
    before it stay, and the report of what they added is sent as a finished import's is
    (report.cancelled set), so that the window says what was kept and can take it back
    as it takes back a whole import (the report was dropped, and with it the means).
    """

    progressed = Signal(int, int, str)  # done, total, current file
    # A long read of one record: current file, pages done, pages in all, recognizing
    # (the scanned pages, by OCR).
    paged = Signal(str, int, int, bool)
    finished = Signal(object)  # ImportReport, cancelled or not
    failed = Signal(str)

    def __init__(self, db_path: Path, paths: list[Path | str]) -> None:
        super().__init__()
        self._db_path = db_path
        self._paths = paths
        self._current = ""

    def run(self) -> None:
        from timeline import library

        try:
            with Store(self._db_path) as store:
                self._interruptible(store)  # the file being imported rolls back
                report = library.import_paths(
                    store,
                    self._paths,
                    progress=self._progress,
                    pages=self._pages,
                    cancelled=self.is_cancelled,
                )
        except Exception as exc:  # every failure must reach the window
            if self._cancelled:
                self.failed.emit(self.CANCELLED)
                return
            if not isinstance(exc, STORE_ERRORS):
                _report_unexpected(exc)
            # A store's failure is the library's, whatever file was being read: its line
            # alone, which the window says in its language (store_messages).
            where = (
                f"{self._current}: " if self._current and not isinstance(exc, StoreError) else ""
            )
            self.failed.emit(f"{where}{describe_failure(exc)}")
            return
        self.finished.emit(report)

    def _progress(self, done: int, total: int, name: str) -> None:
        self._current = name
        self.progressed.emit(done, total, name)

    def _pages(self, name: str, step: PageStep) -> None:
        self._current = name
        self.paged.emit(name, step.done, step.total, step.recognizing)


class RecomputeWorker(_Cancellable):
    """Runs library.recompute_events on a QThread.

    Cancelling stops it at its next article or statement (the connection's progress
    handler interrupts a long one); the transaction rolls back whole.
    """

    progressed = Signal(int, int)  # articles done, of
    finished = Signal(int)  # articles whose dates were read again
    failed = Signal(str)

    def __init__(self, db_path: Path, *, changed_only: bool = False) -> None:
        super().__init__()
        self._db_path = db_path
        self.changed_only = changed_only  # the articles another program changed, alone

    def run(self) -> None:
        from timeline import library
        from timeline.processes import WorkerDied

        try:
            with Store(self._db_path, create=False) as store:
                self._interruptible(store)
                done = library.recompute_events(
                    store,
                    progress=self._progress,
                    cancelled=self.is_cancelled,
                    changed_only=self.changed_only,
                )
        except Exception as exc:  # every failure must reach the window
            if self._cancelled or isinstance(exc, library.RecomputeCancelled):
                self.failed.emit(self.CANCELLED)
                return
            if not isinstance(exc, (*STORE_ERRORS, WorkerDied)):
                _report_unexpected(exc)
            self.failed.emit(describe_failure(exc))
            return
        self.finished.emit(done)

    def _progress(self, done: int, total: int, _name: str) -> None:
        self.progressed.emit(done, total)


class RemoveWorker(_Cancellable):
    """Runs library.remove_articles on a QThread: one transaction, cancelled or failed,
    nothing is removed."""

    progressed = Signal(int, int)  # articles removed, of
    finished = Signal(int)  # articles removed
    failed = Signal(str)

    def __init__(self, db_path: Path, ids: Sequence[int], origins: Sequence[str] = ()) -> None:
        super().__init__()
        self._db_path = db_path
        self._ids = list(ids)
        self._origins = list(origins)  # every article read from these files too

    def run(self) -> None:
        from timeline import library

        try:
            with Store(self._db_path, create=False) as store:
                self._interruptible(store)
                ids = self._ids
                if self._origins:  # a scan of the articles: here, not on the GUI thread
                    ids = ids + store.ids_from_origin(self._origins)
                removed = library.remove_articles(
                    store, ids, progress=self._progress, cancelled=self.is_cancelled
                )
        except Exception as exc:  # every failure must reach the window
            if self._cancelled or isinstance(exc, library.RemoveCancelled):
                self.failed.emit(self.CANCELLED)
                return
            if not isinstance(exc, STORE_ERRORS):
                _report_unexpected(exc)
            self.failed.emit(describe_failure(exc))
            return
        self.finished.emit(len(removed))

    def _progress(self, done: int, total: int, _name: str) -> None:
        self.progressed.emit(done, total)


@dataclass(frozen=True)
class LoadedEvents:
    """What the events loader read: every placed event, and with stories collapsed the
    events with each story drawn once (story_store.collapsed_arrays).

    overlaid: those (each story once, when collapsed) with the user's edits laid over
    them as the store held them in the same snapshot (edits.overlay_arrays, hidden items
    left out unless with_hidden): a full pass over every row, made here rather than on
    the GUI thread (60 ms at a million events with a few articles hidden).  The window
    takes it only when it has made no edit since it asked for the load.

    one_copy: the loaded arrays were past the loader's `one_copy_above` bytes and the
    overlay was written over their own buffers: arrays is overlaid (the events as loaded
    are not kept; the window reads an edited article's from the store), and so is the
    stories' arrays when collapsed (written over the loaded ones first).
    """

    arrays: EventArrays
    stories: story_store.CollapsedStories | None = None
    overlaid: EventArrays | None = None
    with_hidden: bool = False
    one_copy: bool = False
    # A search's hits the loader was given (the same object), those hits as each story
    # once when collapsed (else the same object), and their marks on overlaid.
    hits: np.ndarray | None = None
    story_hits: np.ndarray | None = None
    marks: HitMarks | None = None
    # The stories' map as columns (hit_marks.earliest_columns), made on the loader's
    # thread: a search with each story once marks its hits with them.
    earliest_columns: tuple[np.ndarray, np.ndarray] | None = None


def _loaded_marked(loaded: LoadedEvents, hits: np.ndarray, collapse: bool) -> LoadedEvents:
    """loaded with a search's marks on its overlaid events, for the hits as the window
    shows them (each story once when collapsed: main_window._story_hits)."""
    import numpy as np

    story_hits = hits
    stories = loaded.stories
    if collapse and stories is not None and stories.earliest:
        assert loaded.earliest_columns is not None
        story_hits = shown_once(np.asarray(hits), loaded.earliest_columns)
    overlaid = loaded.overlaid
    assert overlaid is not None
    marks = hit_marks(overlaid, overlaid.article_ids, story_hits, None)
    return replace(loaded, hits=hits, story_hits=story_hits, marks=marks)


# How long the events loader waits for the window to let go of its events (a queued
# signal's turn of the GUI thread's loop: milliseconds, unless it is busy or closing).
LET_GO_WAIT_S = 2.0


class EventsLoader(QObject):
    """Reads the store's events per day first (`summarized`: the view draws them as a
    density band at once), then every placed event into numpy arrays for the timeline
    (a million: 1-2 s), and with collapse the clusters of copies too (each story drawn
    once)."""

    summarized = Signal(object)  # DensitySummary
    finished = Signal(object)  # LoadedEvents
    failed = Signal(str)

    def __init__(
        self,
        db_path: Path,
        collapse: bool = False,
        with_hidden: bool = False,
        *,
        overlay: bool = True,
        one_copy_above: int | None = None,
        hits: np.ndarray | None = None,
        let_go: threading.Event | None = None,
    ) -> None:
        """hits: a search's hits (article ids) to mark on the events loaded, here rather
        than on the GUI thread at the hand-over.  let_go: set by the window once it has
        let go of its one copy of the events (on `summarized`), before which the events
        are not read (for at most LET_GO_WAIT_S).  Their new columns, made as the window
        was letting go of the old ones, took fresh pages while the old ones' were freed
        beside them: each story once turned on at 3,880,000 articles peaked at 626-638
        MB when the read began first, 529-533 when the let-go did."""
        super().__init__()
        self._let_go = let_go
        self._db_path = db_path
        self._collapse = collapse
        self._with_hidden = with_hidden
        self._hits = hits
        self._overlay = overlay  # lay the user's edits over (the window); not the view bench
        # Past this many bytes (in the edits' room: ColumnRoom.bytes_for) the overlay is
        # written over the loaded arrays, which are not kept (LoadedEvents.one_copy);
        # with stories collapsed, over the stories' arrays written over the loaded ones.
        self._one_copy_above = one_copy_above

    def run(self) -> None:
        try:
            with Store(self._db_path, create=False) as store:
                conn = store.db.conn
                conn.execute("BEGIN")  # the summary, the events and the edits: one snapshot
                try:
                    summary = density_summary(store)
                    self.summarized.emit(summary)
                    if self._let_go is not None:
                        self._let_go.wait(LET_GO_WAIT_S)
                    # Warmed below (length classes): only the arrays drawn.
                    arrays = load_event_arrays(store, summary=summary, warm=False)
                    one_copy = (
                        self._overlay
                        and self._one_copy_above is not None
                        and ColumnRoom().bytes_for(len(arrays), len(arrays.range_rows))
                        > self._one_copy_above
                    )
                    stories = (
                        story_store.collapsed_arrays(
                            store,
                            arrays,
                            () if self._with_hidden else hidden_article_ids(store),
                            in_place=one_copy,  # the loaded arrays spent: not kept
                        )
                        if self._collapse
                        else None
                    )
                    if stories is not None and one_copy:
                        arrays = stories.arrays
                    base = arrays if stories is None else stories.arrays
                    overlaid = (
                        overlay_arrays(
                            store,
                            base,
                            with_hidden=self._with_hidden,
                            room=ColumnRoom() if one_copy else None,
                        )
                        if self._overlay
                        else None
                    )
                    if one_copy:
                        # The loaded arrays are spent (written over): only the overlay
                        # is kept, and nothing here holds a view of its buffers.
                        assert overlaid is not None
                        arrays = base = overlaid
                        if stories is not None:
                            stories = replace(stories, arrays=overlaid)
                    # The classes and span of what is drawn made here, not while idle:
                    # the overlay, or the arrays as loaded (those kept beside an overlay
                    # are only read for an edit's rows: they need none).
                    (overlaid if overlaid is not None else base).warm()
                    if overlaid is not None and not one_copy:  # the window's load
                        # Each article's rows indexed from here (keep_indexed: their sort
                        # keys made on this thread, the sort on one of its own), not as the
                        # window takes the arrays: 10-11 ms of the GUI thread's CPU at a
                        # million events, in the hand-over's stall.
                        keep_indexed(base)
                        keep_indexed(overlaid)  # base itself when the user changed nothing
                finally:
                    conn.execute("COMMIT")
                # np.unique (an edit's patch, through union1d, on the GUI thread) imports
                # numpy.ma on its first call: here, off the GUI thread and long after its
                # first frame (at start-up it was 40 ms of that frame's CPU), rather than
                # in the middle of the user's first edit.
                import numpy.ma  # noqa: F401

                columns = earliest_columns(stories.earliest) if stories is not None else None
                loaded = LoadedEvents(
                    arrays,
                    stories,
                    overlaid,
                    self._with_hidden,
                    one_copy,
                    earliest_columns=columns,
                )
                del arrays, base, overlaid
                if one_copy:
                    # The overlay's temporaries (a mask, the classes' sort) given back
                    # before the window's hand-over makes its own (the peak at 10M),
                    # and the article index's keys made here (80 MB at ten million
                    # events: 100 ms of the GUI thread's hand-over), sorted on their
                    # own thread meanwhile.
                    release_freed()
                    assert loaded.overlaid is not None
                    keep_indexed(loaded.overlaid)
                if self._hits is not None and loaded.overlaid is not None:
                    index = loaded.overlaid.article_index
                    if one_copy and index is not None:
                        # The search's marks made once the rows' index has sorted (a
                        # few tenths of a second at 7,604,961 events): made beside its
                        # keys, both were the peak of a reload under a search at
                        # 3,880,000 articles (610 MB; 580 one after the other).
                        index.wait()
                    loaded = _loaded_marked(loaded, self._hits, self._collapse)
        except Exception as exc:  # every failure must reach the window
            if not isinstance(exc, STORE_ERRORS):
                _report_unexpected(exc)
            self.failed.emit(describe_failure(exc) if not isinstance(exc, StoreError) else str(exc))
            return
        self.finished.emit(loaded)
        # Then the search's map of every article (timeline/store/search.py), so that the
        # first search finds it read; a failure here is the search's to report.  Once
        # the rows' index is sorted: its keys (8 bytes an event) and the map's sorts at
        # once were the window's peak, 796 MB at 3,880,000 articles (759 apart).
        for arrays in (loaded.arrays, loaded.overlaid):
            if arrays is not None and arrays.article_index is not None:
                arrays.article_index.wait()
        release_freed()  # the sort's temporaries given back first: not under the map's
        with (
            contextlib.suppress(*STORE_ERRORS, SearchError),
            Store(self._db_path, create=False) as store,
        ):
            warm_article_map(store)
        release_freed()  # the load's temporaries, freed by now: their pages given back


class ArticleCounter(QObject):
    """Counts the articles the list shows (the hidden left out, unless shown) and reads
    the source names for the search bar: the count visits every row of an index (73 ms
    at 2.3 million articles; the names are a skip over theirs, a few ms), so the window
    asks for them here and shows them when they come, never before its first frame."""

    finished = Signal(int, object)  # articles, sorted source names
    failed = Signal(str)

    def __init__(self, db_path: Path, show_hidden: bool) -> None:
        super().__init__()
        self._db_path = db_path
        self._show_hidden = show_hidden

    def run(self) -> None:
        try:
            with Store(self._db_path, create=False) as store:
                hidden = 0 if self._show_hidden else len(hidden_article_ids(store))
                total = store.count_articles() - hidden
                sources = distinct_sources(store)
        except Exception as exc:  # every failure must reach the window
            if not isinstance(exc, (*STORE_ERRORS, SearchError)):
                _report_unexpected(exc)
            known = isinstance(exc, (StoreError, SearchError))
            self.failed.emit(str(exc) if known else describe_failure(exc))
            return
        self.finished.emit(total, sources)


class SourceReader(QObject):
    """Reads every article's source (store.edits.source_codes) for colouring the timeline
    by source: a visit of every row of the source index (0.13-0.24 s at a million
    articles), so it is never made on the GUI thread."""

    finished = Signal(object)  # (article ids, their source codes, source names)
    failed = Signal(str)

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self._db_path = db_path

    def run(self) -> None:
        try:
            with Store(self._db_path, create=False) as store:
                sources = source_codes(store)
        except Exception as exc:  # every failure must reach the window
            if not isinstance(exc, STORE_ERRORS):
                _report_unexpected(exc)
            self.failed.emit(str(exc) if isinstance(exc, StoreError) else describe_failure(exc))
            return
        self.finished.emit(sources)


def marked_query(query: str) -> Query | None:
    """The query whose hits to mark in titles; None when there are no words to mark."""
    if not query.strip():
        return None
    try:
        return parse_query(query)
    except SearchError:
        return None


# The hits are looked up in the table of the ids gone this many at a time (2 MB of
# temporaries a slice).
_LEFT_OUT_SLICE = 1 << 18


def _left_out(ids: np.ndarray, gone: frozenset[int]) -> np.ndarray:
    """ids without those in gone, in their order: by a table of the ids gone, looked up a
    slice of the hits at a time, then one copy of the hits left.  At 3,880,000 articles
    and a word in 2,284,773 of them, numpy's isin (kind="table") took 24 ms and 35 MB of
    temporaries (each hit in range as 64 bits, and three masks): at a search's peak with
    each story once, beside the hits and the window's copy of the last search's."""
    import numpy as np

    if not gone or not len(ids):
        return ids
    left = np.fromiter(gone, dtype=np.int64, count=len(gone))
    lo, hi = int(left.min()), int(left.max())
    table = np.zeros(hi - lo + 1, dtype=bool)
    table[left - lo] = True
    drop = []
    for start in range(0, len(ids), _LEFT_OUT_SLICE):
        part = ids[start : start + _LEFT_OUT_SLICE].astype(np.int64)
        part -= lo
        inside = (part >= 0) & (part <= hi - lo)
        np.clip(part, 0, hi - lo, out=part)
        found = np.flatnonzero(inside & table[part])
        if len(found):
            drop.append(found + start)
    return np.delete(ids, np.concatenate(drop)) if drop else ids


@dataclass(frozen=True)
class MarksWanted:
    """The timeline's arrays a search is to mark its hits in (their article ids and,
    when known, the lowest and highest of them): hit_marks made on the search's thread."""

    arrays: object
    article_ids: np.ndarray
    bounds: tuple[int, int] | None
    # With each story once: the earliest copy by each later copy (the window's map) and
    # its columns (hit_marks.earliest_columns): the hits marked as their stories.
    earliest: tuple[dict[int, int], tuple[np.ndarray, np.ndarray]] | None = None


class SearchWorker(QObject):
    """Finds the ids of every article a search request matches."""

    # SearchRequest, sorted numpy array of article ids, the same ids in list order (numpy)
    finished = Signal(object, object, object)
    failed = Signal(object, str)  # SearchRequest, message

    def __init__(
        self,
        db_path: Path,
        request: SearchRequest,
        stamp: tuple[int, int] | None = None,
        marked: MarksWanted | None = None,
        *,
        without_hidden: bool = False,
    ) -> None:
        """stamp: the window's Store.change_stamp when it asked (the filters' articles
        read for the search before, under the same stamp, still hold); marked: the
        timeline's arrays to mark the hits in (hit_marks); without_hidden: the hidden
        articles left out of the hits (no hits while hidden), here rather than on the
        GUI thread, before the marks are made of them."""
        super().__init__()
        self._db_path = db_path
        self.request = request
        self._stamp = stamp
        self._marked = marked
        self._without_hidden = without_hidden
        # Set before finished is emitted: the nearest spellings when nothing matched, the
        # hits' marks on the timeline's arrays when marked was given, and the hidden
        # articles left out of the hits when without_hidden was given.
        self.suggestions: tuple[str, ...] = ()
        # ... each with the word of the query it stands for (search.spelling_corrections)
        self.corrections: tuple[tuple[str, str], ...] = ()
        self.marks: HitMarks | None = None
        self.hidden: frozenset[int] | None = None
        # With marked.earliest: the map given and the hits as each story once (marked).
        self.story_hits: tuple[dict[int, int], np.ndarray] | None = None

    def run(self) -> None:
        try:
            # What the window let go of since the last search's end (that search's hits,
            # list order and marks, replaced once its worker had given its pages back)
            # given back before this one's read: at 3,880,000 articles 10-40 MB of them
            # were resident under the read, the peak of a search with each story once.
            release_freed()
            with Store(self._db_path, create=False) as store:
                ids = matching_article_ids(
                    store, self.request.query, **self.request.filters(), stamp=self._stamp
                )
                # The user's notes and tags find their articles too (timeline/store/edits.py).
                ids = with_user_text_matches(store, self.request.query, ids, self.request.filters())
                if self._without_hidden:
                    self.hidden = frozenset(hidden_article_ids(store))
                    ids = _left_out(ids, self.hidden)
                # The read's temporaries given back before the order and the marks are
                # made beside the hits (at 3,880,000 articles 40-50 MB of them were
                # still resident at the search's peak, the window's).
                release_freed()
                if not len(ids) and self.request.query.strip():
                    self.corrections = spelling_corrections(store, self.request.query)
                    self.suggestions = tuple(written for _, written in self.corrections)
                # Ordered here, off the GUI thread, as arrays: a common word can match
                # every article, too many for a Python object each.
                ordered = in_list_order(store, ids)
            # The hits' titles are marked on the GUI thread next.
            prepare_hit_spans(marked_query(self.request.query))
            marked, self._marked = self._marked, None  # the arrays not kept by the worker
            if marked is not None:
                hits = ids
                if marked.earliest is not None:
                    # Each story once: a hit in any copy marks its story (the window's
                    # _story_hits, made here: at 3,880,000 articles the marks made on the
                    # GUI thread were 72 ms of a search's 88 ms stall).  In the hits' own
                    # type: a 64-bit copy of a common word's was 18 MB at the search's
                    # peak, and kept by the window as its hits.
                    hits = shown_once(ids, marked.earliest[1])
                    self.story_hits = (marked.earliest[0], hits)
                # Read only: the GUI thread may write over these columns meanwhile (an
                # edit), and then draws other arrays, for which these marks are not taken.
                self.marks = hit_marks(marked.arrays, marked.article_ids, hits, marked.bounds)
            del marked
            # The search's temporaries (a common word's rowids, their sorts), freed by
            # now: their pages given back (at 3,880,000 articles they held about 100 MB
            # in this thread's heap after a word in most of them).
            release_freed()
        except (SearchError, StoreError) as exc:
            self.failed.emit(self.request, str(exc))
            return
        except Exception as exc:  # every failure must reach the window
            if not isinstance(exc, STORE_ERRORS):
                _report_unexpected(exc)
            self.failed.emit(self.request, describe_failure(exc))
            return
        self.finished.emit(self.request, ids, ordered)


@dataclass(frozen=True)
class RelatedRow:
    """A related article as the story section lists it, with why it is related."""

    article_id: int
    score: float
    title: str
    source: str
    published: str | None
    shared: tuple[str, ...]  # the rare words it shares, as the shown article writes them


@dataclass
class StoryView:
    """What the section shows for one article, read from the store in one go."""

    article_id: int
    copies: list[story_store.CopyRow] = field(default_factory=list)
    related: list[RelatedRow] = field(default_factory=list)
    # The copies that share little text with the article: in its story only through
    # other copies (library.linked_through_others).
    through_others: frozenset[int] = frozenset()
    # Hidden items shown (View > Show hidden items): the listed articles the user hid,
    # said so in their rows.
    hidden: frozenset[int] = frozenset()
    # Hidden items not shown: how many of its copies the user hid, left out of copies
    # (a copy is a fact about the story: said, not listed).
    hidden_copies: int = 0


def _as_shown(store: Store, copies: list[story_store.CopyRow]) -> list[story_store.CopyRow]:
    """A story's copies with the user's title, source and date, as the list shows them."""
    corrected = corrected_fields(store, [c.article_id for c in copies])
    return [
        replace(
            copy,
            title=fields.get("title", copy.title),
            source=fields.get("source", copy.source),
            published=fields.get("published", copy.published),
        )
        if (fields := corrected.get(copy.article_id))
        else copy
        for copy in copies
    ]


def load_story(store: Store, article_id: int, *, with_hidden: bool = False) -> StoryView:
    """The copies and related articles of an article (a few indexed queries).

    The articles the user hid are left out, as the list and the timeline leave them:
    none is related, and the hidden copies are counted apart (a story whose other
    copies are all hidden lists none, as the timeline's each-story-once counts none).
    with_hidden (View > Show hidden items): listed, and named in the view's hidden.
    """
    from timeline import library
    from timeline.stories import threads

    # The user hid few articles: their ids read once, as listing.redated reads the
    # corrected dates, rather than a look-up for each copy and each related article.
    hidden = hidden_article_ids(store)
    story = story_store.story_of(store, article_id)
    copies = story.articles if story else []
    view = StoryView(article_id)
    if not with_hidden and hidden:
        kept = [c for c in copies if c.article_id == article_id or c.article_id not in hidden]
        view.hidden_copies = len(copies) - len(kept)
        copies = kept if len(kept) > 1 else []
    view.copies = _as_shown(store, copies)
    if story is not None and copies:
        listed = {c.article_id for c in copies}
        view.through_others = library.linked_through_others(store, article_id, story) & listed
    article = store.article(article_id, body_chars=threads.THREAD_TEXT_CHARS)
    found = (
        []
        if article is None
        else library.related_articles(
            store, article_id, article=article, hidden=() if with_hidden else hidden
        )
    )
    if with_hidden and hidden:
        listed = {c.article_id for c in copies} | {r.article_id for r in found}
        view.hidden = frozenset(hidden & listed)
    if article is None or not found:
        return view
    summaries = store.article_summaries(r.article_id for r in found)
    # The user's title, source and date, as the list shows them.
    for related_id, fields in corrected_fields(store, list(summaries)).items():
        title, published, source = summaries[related_id]
        summaries[related_id] = (
            fields.get("title", title),
            fields.get("published", published),
            fields.get("source", source),
        )
    # The shared terms are folded tokens (راكبه): shown as the article writes them.
    text = f"{article.title}\n{article.body}"
    written = threads.written_forms(text, {t for r in found for t in r.shared})
    for r in found:
        title, published, source = summaries.get(r.article_id, ("", None, ""))
        shared = tuple(written.get(t, t) for t in r.shared)
        view.related.append(RelatedRow(r.article_id, r.score, title, source, published, shared))
    return view


@dataclass
class ArticleContents:
    """Everything the detail pane shows of one article, read off the GUI thread."""

    article_id: int
    article: Article | None
    events: Sequence[Event] = field(default_factory=list)
    shown: edits.ShownArticle | None = None  # the user's values over the computed ones
    hits: ArticleHitSpans = field(default_factory=ArticleHitSpans)
    story: StoryView | None = None


def read_article_contents(
    store: Store, article_id: int, query: str = "", *, with_hidden: bool = False
) -> ArticleContents:
    """An article, its events, the user's values, the search's hits and its story
    (with_hidden: with the articles the user hid, load_story).

    Every one of these grows with the article (a 12 MB body had 17,000 events), so the
    window reads them here, on a worker's own connection, never on the GUI thread.
    """
    from timeline import edits

    article = store.article(article_id)
    if article is None:
        return ArticleContents(article_id, None)
    # Where it came from as the file's own path, stored ".." steps or not: the pane
    # showed "/home/u/timeline/../shared/a.jsonl" for "/home/u/shared/a.jsonl".
    article = replace(article, origin=origin_as_named(article.origin))
    hits = ArticleHitSpans()
    # An unfinished query marks nothing; the search bar says why.
    with contextlib.suppress(SearchError):
        hits = article_hit_spans(store, article_id, query) if query.strip() else hits
    # Rows and shown events made when asked for: made all at once they were enough
    # objects to set off full garbage collections that held the GIL (EventRows).
    # Spans in text order and the publication event worked out here, not by the pane.
    events = store.event_rows_of(article_id).prepare("published")
    return ArticleContents(
        article_id,
        article,
        events,
        edits.shown_article(store, article_id, events, lazily=True, article=article),
        hits,
        load_story(store, article_id, with_hidden=with_hidden),
    )


class ArticleReader(QObject):
    """Reads one article's contents for the detail pane; cancelled when another is chosen.

    `request` numbers the reads so the pane can drop the answer to an older one.
    story_only: its copies and related articles alone (a StoryView), for an article
    shown whose story another article's correction, hide or unhide changed.
    with_hidden: its story lists the articles the user hid (load_story).
    """

    finished = Signal(int, object)  # request, ArticleContents (story_only: StoryView)
    failed = Signal(int, str)  # request, message (CANCELLED when it was cancelled)

    CANCELLED = "cancelled"

    def __init__(
        self,
        db_path: Path,
        request: int,
        article_id: int,
        query: str = "",
        *,
        story_only: bool = False,
        with_hidden: bool = False,
    ) -> None:
        super().__init__()
        self._db_path = db_path
        self.request = request
        self.article_id = article_id
        self._query = query
        self.story_only = story_only
        self._with_hidden = with_hidden
        self._cancelled = False

    def cancel(self) -> None:
        """Stop at the next step of the running statement (and read nothing more)."""
        self._cancelled = True

    def run(self) -> None:
        try:
            # No integrity check: the window's own connection checked the file.
            with Store(self._db_path, create=False, check=False) as store:
                store.conn.set_progress_handler(lambda: int(self._cancelled), 1000)
                hidden = self._with_hidden
                contents: ArticleContents | StoryView = (
                    load_story(store, self.article_id, with_hidden=hidden)
                    if self.story_only
                    else read_article_contents(
                        store, self.article_id, self._query, with_hidden=hidden
                    )
                )
        except Exception as exc:  # every failure must reach the window
            if self._cancelled:
                self.failed.emit(self.request, self.CANCELLED)
                return
            if not isinstance(exc, STORE_ERRORS):
                _report_unexpected(exc)
            # A store error in the store's own words, as the list reports it.
            known = isinstance(exc, STORE_ERRORS) and str(exc)
            self.failed.emit(self.request, str(exc) if known else describe_failure(exc))
            return
        if self._cancelled:
            self.failed.emit(self.request, self.CANCELLED)
            return
        self.finished.emit(self.request, contents)


class SpliceWorker(QObject):
    """Writes an edit's splice of many rows (store.edits.SpliceLater: a long article's
    date corrected, 35-70 ms at a million events) and follows the timeline's lanes for
    it (40 ms for 2,000 rows put in the packed window), off the GUI thread, which
    paints the arrays as they were meanwhile and then takes the new ones at once.

    Reads no store: the splice reads the shown arrays (which the window writes no
    more until it has taken the result) and writes columns of its own."""

    finished = Signal(object)  # the worker itself: the window tells its splices apart
    failed = Signal(object, str)

    def __init__(
        self,
        splice: SpliceLater,
        follow: Callable[[EventArrays, RowSplice], FollowedLanes | None],
    ) -> None:
        super().__init__()
        self.splice = splice
        self._follow = follow
        self.lanes: FollowedLanes | None = None

    def run(self) -> None:
        try:
            arrays = self.splice.run()
            if arrays.origin is not None:
                self.lanes = self._follow(arrays, arrays.origin)
        except Exception as exc:  # every failure must reach the window
            _report_unexpected(exc)
            self.failed.emit(self, describe_failure(exc))
            return
        self.finished.emit(self)


# How long a thread that has emitted finished is given to return (microseconds, as a
# rule); one that does not is kept, with its worker, rather than freezing the window.
_ENDING_MS = 5_000
_UNENDED: list[QThread] = []


def release_ended(thread: QThread | None) -> None:
    """Let a thread that has emitted finished return, then delete it.

    Its worker is deleted by the GUI thread when its last Python reference goes, never
    by the ending thread: a Python object deleted there (deleteLater, run as the thread
    exits) asks for the GIL inside ~QObject while holding Qt's signal-slot lock, and a
    GUI thread holding the GIL and wanting that lock (a disconnect) waited for it
    forever; the suite hung that way.  The wait is bounded: a thread held past it (it
    never should be) is kept with its worker, never deleted running.
    """
    if thread is None:
        return
    if thread.wait(_ENDING_MS):
        thread.deleteLater()  # else each search or load left one behind in its parent
    else:
        _UNENDED.append(thread)


def start_in_thread(worker: QObject, parent: QObject, *, ended: Callable[[], object]) -> QThread:
    """Run worker.run() on a new thread that ends when the worker finishes or fails
    (a worker: a QObject whose run() ends by emitting its finished or failed signal).

    `ended` is called on the GUI thread once the thread has finished.  It is connected
    before the thread starts: a worker with little to do (a count on a small store)
    could finish, and its thread emit finished, before a connection made after start()
    returned, and the window then waited for an ending it never heard of.
    """
    thread = QThread(parent)
    thread.finished.connect(ended)
    thread.worker = worker  # type: ignore[attr-defined]  # lives while its thread does
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    # Direct: QThread.quit is thread-safe, and a queued call would wait for the GUI
    # thread's event loop, which does not run while closeEvent() waits for the thread.
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    worker.failed.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    # No worker.deleteLater on thread.finished: see release_ended.
    thread.start()
    return thread
