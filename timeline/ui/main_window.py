"""The main window: timeline above, the article list and the detail pane below."""

from __future__ import annotations

import dataclasses
import itertools
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDeadlineTimer,
    QEvent,
    QIODevice,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPoint,
    QProcess,
    QSettings,
    QSize,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
    QResizeEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QSplitter,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timeline.model import DateValue, to_axis
from timeline.store import Store, StoreError
from timeline.store import edits as user_edits
from timeline.store import stories as story_store
from timeline.store.search import SearchRequest
from timeline.store.store import held_here
from timeline.store.timeline_data import ColumnRoom, DensitySummary, EventArrays, EventText
from timeline.text.display_safe import for_display, isolated, shown_part
from timeline.text.safe import visible_controls
from timeline.timescale import (
    AXIS_MAX,
    AXIS_MIN,
    axis_date,
    format_date,
    format_hijri,
    read_typed_hijri,
)
from timeline.ui.about import show_about
from timeline.ui.article_delegate import ArticleDelegate
from timeline.ui.article_model import ArticleIdRole, ArticleListModel
from timeline.ui.date_text import counted, group_number, ordered
from timeline.ui.detail_pane import DetailPane
from timeline.ui.edit_dialogs import FAILURE_SHOWN_MS, WindowEdits
from timeline.ui.export_dialog import WindowExporter
from timeline.ui.file_dialogs import after_each_file_dialog, file_dialog, file_filter
from timeline.ui.focus_ring import show_focus
from timeline.ui.hit_marks import HitMarks, earliest_columns, hits_less, shown_once
from timeline.ui.import_messages import os_reason, reason_in_interface_language
from timeline.ui.memory import freeze_start_up, reuse_freed_arrays
from timeline.ui.menu_keys import (
    install_menu_keys,
    key_menu_position,
    menu_key_help,
    on_menu_key,
)
from timeline.ui.plain_text import action_text, keep_line_height, message_box, plain_label
from timeline.ui.recompute import WindowRecompute
from timeline.ui.removal import WindowRemoval
from timeline.ui.search_bar import SearchBar, interface_locale
from timeline.ui.shortcuts_help import ShortcutsDialog
from timeline.ui.status_bar import StatusBar
from timeline.ui.store_messages import for_message_box, in_interface_language
from timeline.ui.store_watch import StoreWatcher
from timeline.ui.timeline_cache import shown_texts
from timeline.ui.timeline_geometry import FollowedLanes
from timeline.ui.timeline_view import TimelineView
from timeline.ui.workers import (
    STORE_ERRORS,
    ArticleCounter,
    EventsLoader,
    ImportWorker,
    LoadedEvents,
    MarksWanted,
    SearchWorker,
    SpliceWorker,
    marked_query,
    release_ended,
    start_in_thread,
)

# Not imported before the first frame, which needs none of them (bench/window.py):
# the date rules (go to date), the importers (a drop) and the library (an import).
if TYPE_CHECKING:
    from timeline.library import ImportReport

# Closing waits this long for workers to stop; then the process may exit without them.
_CLOSE_WAIT_MS = 1000
# How the store's lines of a damaged library go on after its path (store.MESSAGES:
# "damaged", "damaged_schema", "cut_short"): the window offers the repair for them.
_DAMAGE_SAID = ("is damaged (", "is damaged: ", "is cut short: ")
# How soon to try again to open the library anew after a file dialog while a worker of
# this window has it open (MainWindow._take_library_locks_again).
_RELOCK_RETRY_MS = 500
# Once the timeline is shown (or laid over again whole), the window waits this long and
# then, a slice every _WARM_STEP_MS, moves its arrays into room edits patch (_warm_step).
_WARM_AFTER_MS = 300
_WARM_STEP_MS = 30
# That room (ColumnRoom) is a second copy of the shown arrays beside the loaded ones
# (which every edit lays over again): 34 MB at a million events, 450 MB at ten million,
# where it alone took the window past its memory budget.  It is made while idle only
# while it takes at most this much; beyond, the first edit makes it (writing every row
# once), and a window nobody edits never holds it.
ROOM_BUDGET_BYTES = 160 * 1024 * 1024
# Past the same budget the window keeps one copy of the events, not two: the loader
# lays the user's values over the loaded arrays' own buffers, which the room then takes
# (ColumnRoom.take) and each edit writes over; an edited article's events are read from
# the store (edits.patch_overlay without a base), and a full pass (hidden items shown
# or not) loads the events again.  Stories collapsed likewise: the loader collapses
# the loaded arrays in their own buffers, and an edited article's rows are read from the
# store as the stories draw them (each story once: 1,163 MB at 3,880,000 articles when
# the loaded, collapsed and overlaid arrays were all kept; 571 with every copy shown).
# Threads still running when their window closed: kept referenced so they are not
# destroyed while running (which aborts); they end with the process.
_DETACHED_THREADS: list[QThread] = []

# What the list and the detail pane keep before the timeline grows past its minimum.
_LOWER_ROOM = 420

# Splitter states are kept per layout: a state saved for other panes would hide some.
_LAYOUT_KEY = "window/layout-3"
# How many articles after the one shown a reload looks for when that one has gone.
_FOLLOWING_KEPT = 20
_LRI, _PDI = "\u2066", "\u2069"
# How long the view rests before the date filter's boxes show its days (while off).
_DATES_REST_MS = 150
# The hand-over selects the list's article on the timeline by the arrays' article index
# (ArticleRows), whose sort the loader begins just before: past this many rows, while it
# sorts, the selection waits for it (asked again every _INDEX_POLL_MS) rather than pass
# over every row on the GUI thread (a comparison and np.flatnonzero: at 7,604,961 events
# 11-15 ms of its CPU and 30-40 ms of the hand-over's wall time beside the sort; about
# 1.5 ms a million rows).
SELECT_BY_PASS_ROWS = 1 << 21
_INDEX_POLL_MS = 20


def isolate_shortcut(action: QAction) -> None:
    """Show the action's shortcut as one left-to-right unit, in menus of either direction.

    A menu lays "Ctrl+=" out in its own direction: in an Arabic menu the trailing "+="
    are neutrals that take the paragraph's right-to-left direction ("=+Ctrl"). Text
    after a tab is what QMenu shows as the shortcut, so the isolated form goes there.
    """
    shortcut = action.shortcut()
    if shortcut.isEmpty() or "\t" in action.text():
        return
    native = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
    action.setText(f"{action.text()}\t{_LRI}{native}{_PDI}")


class _ArticleTable(QTableView):
    """The article list's table: Home and End go to its first and last row, as in a list
    (a table's move along the row, which in one column did nothing).  The last row is
    the list's last (ArticleListModel.reach_end), or where that would be counted in SQL
    over millions of rows, the last the list has read so far (the list then reads the
    next thousand)."""

    def moveCursor(
        self,
        cursorAction: QAbstractItemView.CursorAction,
        modifiers: Qt.KeyboardModifier,
    ) -> QModelIndex:
        if cursorAction in (
            QAbstractItemView.CursorAction.MoveHome,
            QAbstractItemView.CursorAction.MoveEnd,
        ):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        model = self.model()
        if cursorAction == QAbstractItemView.CursorAction.MoveEnd and isinstance(
            model, ArticleListModel
        ):
            model.reach_end()
        return super().moveCursor(cursorAction, modifiers)


def article_table(model: ArticleListModel, parent: QWidget) -> QTableView:
    """The article list as a one-column table with rows of one fixed height.

    A QListView lays out every row it is given, asking the model for each one (a Python
    call, ~5 us): selecting an article 300,000 rows down took 4 s. A table's header keeps
    rows of one height as a single span, so inserting rows costs nothing per row (Anki's
    browser is a table for the same reason).
    """
    table = _ArticleTable(parent)
    table.setObjectName("articleList")
    table.setModel(model)
    delegate = ArticleDelegate(table)
    table.setItemDelegate(delegate)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.horizontalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    rows = table.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    option = QStyleOptionViewItem()
    option.initFrom(table)
    rows.setDefaultSectionSize(delegate.sizeHint(option, model.index(0)).height())
    return table


# Article ids up to this are counted through a table of one byte an id (64 MB at most).
_TABLE_MAX_ID = 64_000_000


def _this_program() -> tuple[str, list[str]]:
    """How this program is started again: the frozen build's executable, else this
    Python running the package (as the console script does)."""
    if getattr(sys, "frozen", False):
        return sys.executable, []
    return sys.executable, ["-m", "timeline"]


RECENT_LIBRARIES = 8  # libraries the File menu offers again


def recent_libraries() -> list[Path]:
    """The libraries opened last, the latest first, those that still exist.

    The settings are another program's to write: a list of any length, a name too long
    for the system or in a folder this user cannot enter is passed over (a name too long
    made `is_file` raise, and no window opened)."""
    stored = QSettings().value("libraries/recent", [])
    paths = [stored] if isinstance(stored, str) else stored
    if not isinstance(paths, list):
        return []
    return [Path(p) for p in paths[: RECENT_LIBRARIES * 4] if isinstance(p, str) and _a_file(p)]


def _a_file(name: str) -> bool:
    """Whether name is a regular file; False for a name the system refuses to look up."""
    try:
        return Path(name).is_file()
    except (OSError, ValueError):
        return False


def remember_library(path: Path) -> None:
    """Put a library first among the recent ones (File > Recent libraries)."""
    latest = path.resolve()
    kept = [p for p in recent_libraries() if p != latest]
    QSettings().setValue("libraries/recent", [str(p) for p in [latest, *kept][:RECENT_LIBRARIES]])


def start_detached(program: str, arguments: list[str]) -> str | None:
    """Start a program that outlives this one, its output going nowhere (so that it
    says a failure in a window: failure_needs_a_window); why not, or None."""
    process = QProcess()
    process.setProgram(program)
    process.setArguments(arguments)
    process.setStandardOutputFile(QProcess.nullDevice())
    process.setStandardErrorFile(QProcess.nullDevice())
    started: object = process.startDetached()  # PySide6 gives a bool, not (bool, pid)
    ok = started[0] if isinstance(started, tuple) else started
    return None if ok else process.errorString()


def _not_a_library(path: Path) -> str | None:
    """Why a file cannot be opened as a library, found without writing to it (a key of
    MainWindow.library_problem); None for a library (or a file that does not exist
    yet: a new one).  Read-only and in
    a moment, so the window is not held: anything deeper (damage, a lock, a newer
    version) is the new window's to say."""
    import sqlite3

    if not path.exists():
        if not path.parent.is_dir():
            return "no folder"
        if not os.access(path.parent, os.W_OK):
            return "folder not writable"
        return None
    if not path.is_file():
        return "not a file"
    if held_here(path):
        # Open in this process: a library.  Reading its first bytes here would end this
        # process's SQLite locks on it (file_dialog says why).
        return None
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError:
        return "unreadable"
    if head and head != b"SQLite format 3\x00":
        return "not sqlite"
    if not head:
        return None  # an empty file: SQLite makes a new database in it
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # locked or damaged: the new window says which
    if names and "articles" not in names:
        return "foreign"
    return None


def events_of_articles(article_ids: np.ndarray, wanted: np.ndarray | list[int]) -> int:
    """How many of the rows (events' article ids) belong to the wanted articles.

    By a table of one byte an article id and one pass over the rows: numpy.isin sorts
    rows and ids together, which at ten million events took 0.1-0.4 s of the GUI thread
    and 300 MB of temporary arrays (the window's peak memory) for every search.
    """
    ids = np.asarray(wanted, dtype=np.int64)
    if not len(article_ids) or not len(ids):
        return 0
    low, top = int(article_ids.min()), int(article_ids.max())
    if low < 0 or top > _TABLE_MAX_ID:
        return int(np.count_nonzero(np.isin(article_ids, ids)))
    table = np.zeros(top + 1, dtype=bool)
    table[ids[(ids >= 0) & (ids <= top)]] = True
    return int(np.count_nonzero(table[article_ids]))


def initial_size(screen: QScreen | None) -> QSize:
    """The window's first size: 1280x800, or less on a smaller screen.

    A 1280x800 client area on a 1280x800 screen puts the title bar and the status bar
    off the screen; keep a tenth of the free area for the window manager's frame and
    panels.
    """
    wanted = QSize(1280, 800)
    if screen is None:
        return wanted
    free = screen.availableGeometry()
    return wanted.boundedTo(QSize(int(free.width() * 0.9), int(free.height() * 0.9)))


def multi_line_text(parent: QWidget, title: str, label: str, text: str) -> tuple[str, bool]:
    """QInputDialog.getMultiLineText's (text, accepted), its field named by its label: the
    static function gives the label to the dialog's hidden line field, and a screen
    reader heard a nameless "edit"."""
    dialog = QInputDialog(parent)
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    for field in dialog.findChildren(QPlainTextEdit):
        field.setAccessibleName(label)
        show_focus(field)  # Fusion frames no focused text box: only its caret
    # No wider than the screen less a tenth, its label wrapped: with large text (20
    # points) the label's one line made it 820 px, OK off an 800 px screen's edge.
    wanted = dialog.sizeHint().width()
    for shown in dialog.findChildren(QLabel):
        shown.setTextFormat(Qt.TextFormat.PlainText)  # our own words, never markup
        shown.setWordWrap(True)
    width = min(wanted, parent.screen().availableGeometry().width() * 9 // 10)
    layout = dialog.layout()
    height = dialog.sizeHint().height()
    if layout is not None and layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(width))
    dialog.resize(width, height)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    typed = dialog.textValue()
    dialog.deleteLater()
    return typed, accepted


class MainWindow(QMainWindow):
    """Selecting an article anywhere selects it everywhere."""

    article_selected = Signal(int)
    import_finished = Signal(object)
    timeline_loaded = Signal()
    search_applied = Signal()
    store_changed = Signal()
    import_failed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStatusBar(StatusBar(self))  # before anything says a message in it
        reuse_freed_arrays()  # an edit's new columns on pages already faulted in (memory.py)
        self.store = store
        self.setWindowTitle(self.window_title())
        self.store_failure: str | None = None
        self._edit_frame = False  # an edit being shown: the pane's read waits for its frame
        self.model = ArticleListModel(store, self)
        self.model.store_failed.connect(self._store_failed)
        if self.model.failure is not None:
            self._store_failed(self.model.failure)
        self.list = article_table(self.model, self)
        self.list.setAccessibleName(self.tr("Articles"))
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.detail = DetailPane(self)
        story = self.detail.story
        show_focus(
            self.list,
            self.detail.browser,
            self.detail.events,
            story.copies,
            story.related,
            story.diff,
        )
        self.search_bar = SearchBar(self)
        self.search_bar.search_changed.connect(self.run_search)
        self.search_bar.results_asked.connect(self.focus_results)
        self.search: SearchRequest | None = None
        # An article the list, read again after an edit of another one, selects again
        # under this search: the pane keeps it as it is (show_user_edits).
        self._pane_kept: tuple[int, SearchRequest | None] | None = None
        # An article shown again under a search, to select once its hits are read again.
        self._select_after_search: int | None = None
        # The article hidden while it was read, and the one selected in its place (the
        # last hide's: _list_hidden_changed).
        self._took_place: tuple[int, object] | None = None
        self._search_thread: QThread | None = None
        self._pending_search: SearchRequest | None = None
        self._latest_search: SearchRequest | None = None
        self.timeline = TimelineView(self)
        self.timeline.setObjectName("timeline")
        self.timeline.setAccessibleName(self.tr("Timeline"))
        self.timeline.event_selected.connect(self._timeline_event_selected)
        self._dates_timer = QTimer(self)
        self._dates_timer.setSingleShot(True)
        self._dates_timer.setInterval(_DATES_REST_MS)
        self._dates_timer.timeout.connect(self._show_view_dates)
        self.timeline.viewport_changed.connect(self._dates_follow_view)
        self.search_bar.dates_check.toggled.connect(self._dates_toggled)
        self.article_selected.connect(self.timeline.select_article)
        self.detail.event_chosen.connect(self._event_chosen)
        self.detail.story.article_chosen.connect(self.select_article)
        self.detail.load_failed.connect(self._store_failed)

        list_pane = QWidget(self)
        list_layout = QVBoxLayout(list_pane)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.search_bar)
        list_layout.addWidget(self.list)
        self.lower = QSplitter(Qt.Orientation.Horizontal, self)
        self.lower.addWidget(list_pane)
        self.lower.addWidget(self.detail)
        self.lower.setStretchFactor(0, 2)
        self.lower.setStretchFactor(1, 3)
        self.upper = QSplitter(Qt.Orientation.Vertical, self)
        self.upper.addWidget(self.timeline)
        self.upper.addWidget(self.lower)
        self.upper.setStretchFactor(0, 1)
        self.upper.setStretchFactor(1, 2)
        self.setCentralWidget(self.upper)
        # Tab as the window reads: the timeline, the search bar, the list it searches,
        # then the detail pane.  Left to the order widgets were made in, the search bar
        # came after the detail pane, and its results were five keys away from it.
        # The pane's last list leads to the timeline: the search bar itself (which hands
        # its focus to its field) stood between them, and Tab went past the timeline.
        bar = self.search_bar
        chain = [self.detail.events, self.timeline, bar.query_edit, bar.source_combo]
        chain += [bar.dates_check]
        chain += [bar.date_from_edit, bar.date_to_edit, bar.kind_combo, self.list]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        # A permanent widget: a temporary message would be wiped by the first status tip.
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setObjectName("statusCounts")
        # Its height from the start: the counts come after the first frame (workers).
        keep_line_height(self.count_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self._search_ids: np.ndarray | None = None
        self._search_ordered: np.ndarray | None = None
        self._earliest: dict[int, int] | None = None  # by later copy (stories), per reload
        # The last map _story_hits used, and it as arrays (made once a map).
        self._earliest_arrays: tuple[dict[int, int], tuple[np.ndarray, np.ndarray]] | None = None
        # The last hits _story_hits gave: (the ids asked, the map, the hits).
        self._story_hits_memo: tuple[np.ndarray, dict[int, int], np.ndarray] | None = None
        self._events_shown: int | None = None
        self._timeline_shown = False
        self._shortcuts: ShortcutsDialog | None = None  # the keyboard's help, while open
        # The user's edits (timeline/ui/edit_dialogs.py): applied over the loaded arrays.
        self.edits = WindowEdits(self)
        self.edits.controller.edited.connect(self.show_user_edits)
        # Counted on a worker (_count_articles), shown when it comes: None until then.
        self._article_total: int | None = None
        self._counter_thread: QThread | None = None
        self._recount = False
        self._base_arrays: EventArrays | None = None
        # Edits shown (show_user_edits calls), and how many when the events load began.
        self._edits_shown = 0
        self._edits_at_load = -1
        self._story_base: EventArrays | None = None  # the loaded arrays, stories collapsed
        self._had_events = False  # the last load of the events had some
        # The stories the one copy was loaded with (None: every copy drawn).
        self._one_copy_stories: story_store.CollapsedStories | None = None
        # Articles whose mentions an edit of their publication date wrote again since the
        # loaded arrays were read: their rows are read from the store (_overlay_all puts
        # them into the loaded arrays, as a full pass costs as much anyway).
        self._redated: set[int] = set()
        # One copy (past ROOM_BUDGET_BYTES): no loaded arrays kept, only the overlaid.
        self._one_copy = False
        # The articles edits touched since the events load began (None: a full pass).
        self._touched_since_load: set[int] | None = set()
        self._overlaid: EventArrays | None = None  # and the user's values laid over them
        self._story_events: dict[int, int] = {}  # event id -> copies, when stories collapse
        # Where the overlaid arrays live once idle: each edit is patched in place there
        # (the rows it changes and those it shifts), not 34 MB of columns copied.
        self._column_room = ColumnRoom()
        # An edit's splice of many rows being written on a worker (_splice_later): the
        # arrays shown stay as they were, and nothing writes them or the room, until
        # _splice_written takes the new ones.
        self._splicing: _Splicing | None = None
        self._writer_warmed = False
        self._warm_timer = QTimer(self)
        self._warm_timer.timeout.connect(self._warm_step)
        self._select_timer = QTimer(self)  # the loaded arrays' index asked again
        self._select_timer.setSingleShot(True)
        self._select_timer.setInterval(_INDEX_POLL_MS)
        self._select_timer.timeout.connect(self._select_loaded)
        # What the loader read with stories collapsed (the events, copies, earliest copies).
        self._story_loaded: story_store.CollapsedStories | None = None
        self._build_menus()
        self._update_status()
        self.setAcceptDrops(True)
        self._import_thread: QThread | None = None
        self._pasted: Path | None = None  # the clipboard's file being imported
        self.abandoned_threads: list[QThread] = []
        # Set once closed: what workers send after that (queued before they ended) is
        # dropped, never read against a store the caller may have closed.
        self._closed = False
        # After a file dialog the library is opened again (file_dialog says why).
        self._relock_pending = False
        self._stop_relocking = after_each_file_dialog(self._take_library_locks_again)
        self._looked_for_changed = False  # at the first show: date_changed_articles
        # Until the user moves the divider (or a saved layout is restored), the timeline's
        # share of the height follows the window's size: see _share_height.
        self._layout_chosen = False
        self.upper.splitterMoved.connect(self._layout_was_chosen)
        self.upper.installEventFilter(self)
        self.resize(initial_size(self.screen()))
        self._restore_state()
        self._loader_thread: QThread | None = None
        # The load whose events are yet to be shown: its thread ends a moment after they
        # are (a moment an edit could come in, under load), so the thread says less.
        self._loader: EventsLoader | None = None
        # Set once the window has let go of its one copy for the loader (load_timeline).
        self._let_go: threading.Event | None = None
        # Another program's writes to the library (a terminal's import, a second window):
        # seen within seconds and shown (store_watch.py).
        self.watcher = StoreWatcher(store, self._watch_waits, self)
        self.watcher.changed.connect(self._changed_elsewhere)
        self.watcher.replaced.connect(self._library_replaced)
        self.edits.controller.edited.connect(lambda _changes: self.watcher.own_write_done())
        self._count_articles()
        # Choose the first article now: left to itself the list would choose one when it
        # first takes the focus, after the timeline has loaded and been fitted, and the
        # timeline would then zoom in on that one article.
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        self.load_timeline()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        import_files = QAction(self.tr("&Import files…"), self)
        import_files.setShortcut(QKeySequence.StandardKey.Open)
        import_files.triggered.connect(self._choose_files)
        file_menu.addAction(import_files)
        import_folder = QAction(self.tr("Import &folder…"), self)
        import_folder.setShortcut(QKeySequence("Ctrl+Shift+O"))
        import_folder.triggered.connect(self._choose_folder)
        file_menu.addAction(import_folder)
        import_addresses = QAction(self.tr("Import &web addresses…"), self)
        import_addresses.setObjectName("importAddressesAction")
        import_addresses.triggered.connect(self._ask_addresses)
        file_menu.addAction(import_addresses)
        self.import_clipboard_action = self._action(
            file_menu, self.tr("Import from the &clipboard"), "Ctrl+Shift+V", self.import_clipboard
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&New library…"), None, self._new_library)
        self._action(file_menu, self.tr("Open &library…"), None, self._open_library)
        self.recent_menu = file_menu.addMenu(self.tr("Recen&t libraries"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        remember_library(self.store.path)
        file_menu.addSeparator()
        self.recompute = WindowRecompute(self)
        self.recompute_action = QAction(self.tr("&Recompute dates…"), self)
        self.recompute_action.setStatusTip(
            self.tr("Read every article's dates again with this version's rules")
        )
        self.recompute_action.triggered.connect(self.recompute.ask)
        file_menu.addAction(self.recompute_action)
        file_menu.addSeparator()
        self.exporter = WindowExporter(self)
        self.exporter.exported.connect(self.exporter.show_result)
        self.exporter.export_failed.connect(self.exporter.show_failure)
        self.export_action = self._action(
            file_menu, self.tr("&Export…"), "Ctrl+E", self.exporter.ask_export
        )
        self.print_action = self._action(
            file_menu, self.tr("&Print…"), "Ctrl+P", self.exporter.ask_print
        )
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.edits.build_menu(edit_menu)
        edit_menu.addSeparator()
        self.removal = WindowRemoval(self)
        self.remove_action = self._action(
            edit_menu,
            self.tr("&Remove this article…"),
            "Del",
            lambda: self.removal.ask_article(self.edits.current_article()),
        )
        self.remove_origin_action = self._action(
            edit_menu,
            self.tr("Remove every article of its &file…"),
            None,
            lambda: self.removal.ask_origin(self.edits.current_article()),
        )
        # The latest import that added articles, while this window is open: an import of
        # the wrong folder taken back whole.
        self.last_import: ImportReport | None = None
        self._said_after_import: str | None = None  # a cancel's line, when its thread ends
        self.remove_import_action = self._action(
            edit_menu,
            self.tr("Remove what the &last import added…"),
            None,
            lambda: self.removal.ask_import(self.last_import),
        )
        self.remove_import_action.setEnabled(False)
        # The entries for the chosen article are enabled only while there is one: with
        # no article listed (a search that found none) Note…, Hide this article and the
        # rest stood enabled and did nothing when chosen.  Also when the list is reset (a
        # search's hits leave no current row without a currentChanged) and when the menu
        # opens.
        self.model.modelReset.connect(self._article_entries_follow)
        edit_menu.aboutToShow.connect(self._article_entries_follow)
        self._article_entries_follow()
        self.removal.done.connect(self._removed)
        # A right click on a row (or the menu key): the Edit menu's entries for it.
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._article_menu)
        on_menu_key(self.list, self._article_key_menu)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        find = QAction(self.tr("&Search…"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        self.view_menu.addAction(find)
        focus_list = QAction(self.tr("Article &list"), self)
        focus_list.setShortcut(QKeySequence("Ctrl+L"))
        focus_list.triggered.connect(self.list.setFocus)
        self.view_menu.addAction(focus_list)
        self._build_timeline_menu()
        self.edits.legend.build_menu(self.view_menu.addMenu(self.tr("&Colour events")))
        self.edits.build_view_menu(self.view_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(
            help_menu,
            self.tr("&Keyboard shortcuts"),
            "F1",
            self.show_shortcuts,
        )
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        for menu in self.menuBar().findChildren(QMenu):
            for action in menu.actions():
                isolate_shortcut(action)
        install_menu_keys(self)

    def article_menu(self, pos: QPoint) -> QMenu | None:
        """The context menu of the list's row at pos (viewport coordinates), which it
        makes the current one; of the current row where pos is on none (the menu key)."""
        index = self.list.indexAt(pos)
        if index.isValid():
            self.list.setCurrentIndex(index)
        elif not self.list.currentIndex().isValid():
            return None
        menu = QMenu(self)
        menu.setObjectName("articleMenu")
        menu.addActions(self.edits.article_actions)
        menu.addSeparator()
        menu.addActions([self.remove_action, self.remove_origin_action])
        return menu

    def _removed(self, _count: int) -> None:
        if (
            self.removal.removed_import is not None
            and self.removal.removed_import is self.last_import
        ):
            self.last_import = None
            self.remove_import_action.setEnabled(False)

    def _article_menu(self, pos: QPoint) -> None:
        """A click's menu at the pointer; on no row, the current row's, at that row."""
        if not self.list.indexAt(pos).isValid():
            self._article_key_menu()
            return
        menu = self.article_menu(pos)
        if menu is not None:
            menu.exec(self.list.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _article_key_menu(self) -> None:
        """The menu key's (Shift+F10's) menu: the current row's, at that row on the
        reading side, inside the window."""
        row = self.list.visualRect(self.list.currentIndex())
        menu = self.article_menu(row.center())
        if menu is not None:
            menu.exec(key_menu_position(menu, self.list.viewport(), row))
            menu.deleteLater()

    def _action(
        self, menu: QMenu, text: str, shortcut: str | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_timeline_menu(self) -> None:
        """Navigation and the axis settings; each setting is remembered."""
        view = self.view_menu
        self._action(view, self.tr("&Timeline"), "Ctrl+T", self.timeline.setFocus)
        self._action(view, self.tr("Article te&xt"), "Ctrl+D", self.detail.browser.setFocus)
        view.addSeparator()
        home = self._action(
            view, self.tr("Fit the &publication days"), "Ctrl+H", self.timeline.fit_home
        )
        home.setStatusTip(
            self.tr("Show the days the articles were published in, as the window opens (Home)")
        )
        self._action(view, self.tr("&Fit all"), "Ctrl+0", self.timeline.fit_all)
        self.collapse_action = QAction(self.tr("Show &each story once"), self)
        self.collapse_action.setCheckable(True)
        self.collapse_action.setStatusTip(
            self.tr("List a story reprinted by several outlets once, as its earliest copy")
        )
        self.collapse_action.toggled.connect(self._collapse_toggled)
        view.addAction(self.collapse_action)
        self._action(view, self.tr("Zoom &in"), "Ctrl+=", lambda: self.timeline.zoom_by(1.5))
        self._action(view, self.tr("Zoom &out"), "Ctrl+-", lambda: self.timeline.zoom_by(1 / 1.5))
        self._action(view, self.tr("&Go to date…"), "Ctrl+G", self.ask_go_to_date)

        menu = self.menuBar().addMenu(self.tr("&Settings"))
        settings = QSettings()
        months = menu.addMenu(self.tr("Arabic &month names"))
        self._choice(
            months,
            "timeline/months",
            [
                ("levant", self.tr("Levantine (\u2067كانون الثاني، شباط…\u2069)")),
                ("egypt", self.tr("Egyptian and Gulf (\u2067يناير، فبراير…\u2069)")),
                ("maghreb", self.tr("Maghrebi (\u2067جانفي، فيفري…\u2069)")),
            ],
            self.timeline.set_month_names,
        )
        digits = menu.addMenu(self.tr("&Digits"))
        self._choice(
            digits,
            "timeline/digits",
            [("western", self.tr("Western (2021)")), ("arabic", self.tr("Arabic-Indic (٢٠٢١)"))],
            self.timeline.set_digits,
        )
        direction = menu.addMenu(self.tr("Time di&rection"))
        directions = {
            "interface": None,
            "ltr": Qt.LayoutDirection.LeftToRight,
            "rtl": Qt.LayoutDirection.RightToLeft,
        }
        self._choice(
            direction,
            "timeline/direction",
            [
                ("interface", self.tr("As the interface language")),
                ("ltr", self.tr("Left to right")),
                ("rtl", self.tr("Right to left")),
            ],
            lambda key: self.timeline.set_time_direction(directions.get(key)),
        )
        hijri = QAction(self.tr("&Hijri dates under the axis"), self)
        hijri.setCheckable(True)
        hijri.toggled.connect(self.timeline.set_hijri_labels)
        hijri.toggled.connect(lambda on: QSettings().setValue("timeline/hijri", on))
        hijri.toggled.connect(self._sync_date_style)
        hijri.setChecked(settings.value("timeline/hijri", False, type=bool))
        menu.addAction(hijri)
        self._sync_date_style()

    def _sync_date_style(self) -> None:
        """Write dates in the detail pane as the timeline's axis writes them."""
        style = self.timeline.label_style()
        self.model.set_label_style(style)
        self.search_bar.set_interface(style.language, style.digits, style.months)
        self.interface_locale = interface_locale(style.language, style.digits, style.months)
        self._update_status()
        self.detail.set_label_style(style)

    def _choice(
        self,
        menu: QMenu,
        key: str,
        options: list[tuple[str, str]],
        apply: Callable[[str], object],
    ) -> None:
        """Radio actions for one remembered setting; the stored choice is applied now."""
        group = QActionGroup(menu)
        stored = str(QSettings().value(key, options[0][0]))
        if stored not in {value for value, _ in options}:
            stored = options[0][0]
        for value, text in options:
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(value == stored)
            action.setData(value)
            group.addAction(action)
            menu.addAction(action)

        def chosen(action: QAction) -> None:
            QSettings().setValue(key, action.data())
            apply(str(action.data()))
            self._sync_date_style()

        group.triggered.connect(chosen)
        apply(stored)

    def ask_go_to_date(self) -> None:
        """Ask for a date (ISO, or as Arabic news writes it, Hijri too) and go there; a
        date it cannot read is said, and asked for again with what was typed kept."""
        text = ""
        while True:
            text, ok = self._ask_date_text(
                # Examples as a user of the interface's language types them: the English
                # line gave only Arabic ones, which an English keyboard cannot type.
                self.tr(
                    "Date (for example 1973-10-06, 6 October 1973 or 10 Ramadan 1393 AH;"
                    " Arabic dates too):"
                ),
                text,
            )
            if not ok or not text.strip() or self.go_to_date_text(text):
                return
            message_box(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Go to date"),
                self.tr("Not a date I can read: %1"),
                values=[text],
            ).exec()

    def _ask_date_text(self, prompt: str, text: str) -> tuple[str, bool]:
        """Go to date's dialog: what was typed, and whether OK was pressed."""
        from timeline.ui.go_to_date import GoToDateDialog

        dialog = GoToDateDialog(self, self.tr("Go to date"), prompt, text, self.go_to_date_preview)
        try:
            accepted = dialog.exec() == GoToDateDialog.DialogCode.Accepted
            return dialog.field.text(), accepted
        finally:
            dialog.deleteLater()

    def go_to_date_text(self, text: str) -> bool:
        """Show the date typed (ask_go_to_date's); False when it reads none."""
        target = self._date_target(text)
        if target is None:
            return False
        start, end, said, _hint = target
        self.timeline.go_to_span(start, end)
        if said:
            self.statusBar().showMessage(said, 10_000)
        self.timeline.setFocus()
        return True

    def go_to_date_preview(self, text: str) -> str:
        """How Go to date reads text, said under its field as it is typed: the day, or
        the first and last day of a longer span (a Hijri year or month shows its own
        days), and for a bare year which calendar it was taken in."""
        target = self._date_target(text)
        if target is None:
            return self.tr("(not understood)")
        start, end, _said, hint = target
        style = self.timeline.label_style()
        last = start if end is None else max(start, end - 86_400)
        first_day = ordered(format_date(start, None, "day", style), style.language)
        if axis_date(last) == axis_date(start):
            shown = first_day
            hijri = format_hijri(start, "day", style)
            if hijri and not style.hijri:
                shown += "  ·  " + ordered(hijri, style.language)
        else:
            last_day = ordered(format_date(last, None, "day", style), style.language)
            shown = self.tr("%1 to %2").replace("%1", first_day).replace("%2", last_day)
        return shown + ("\n" + hint if hint else "")

    def _date_target(self, text: str) -> tuple[int, int | None, str, str] | None:
        """Where Go to date goes for text: the span's start and end (None: a point), what
        the status bar then says and what its dialog says before ("" for nothing); None
        when it reads no date.
        English month names, Hijri ones in Latin letters too ("Ramadan 1437"), read as
        the edits' typed dates read them: through their Arabic names."""
        from timeline import dating
        from timeline.dating.english import as_arabic_months

        text = _COMMON_ERA.sub(" م", text)  # "1436 CE", as "1436 م" reads
        value = dating.parse_date_line(as_arabic_months(text))
        year = _bare_year(text)
        hijri = dating.parse_date_line(f"{year} هـ") if year is not None else None
        if year is not None and hijri is not None and value is not None and value.start:
            return self._year_target(year, value, hijri)
        if value is not None and value.start is not None:
            return value.start, value.end, "", ""
        if (day := _iso_day(text)) is not None:
            return day, day + 86_400, "", ""
        # A Hijri date with its era, of any year the axis's Hijri calendar has: the rules
        # for article text read years 1000-2200, and Hijri days 1343-1500 AH alone.
        if (hijri := read_typed_hijri(text)) is not None:
            return hijri.start, hijri.end, "", ""
        return None

    def _year_target(
        self, year: int, gregorian: DateValue, hijri: DateValue
    ) -> tuple[int, int | None, str, str]:
        """A year typed bare ("1436", "١٤٣٦") that both calendars have, read as the Hijri
        one where that is what a user of a news library means: _date_target's answer,
        what is said after going there and before (the calendar taken and how to ask for
        the other).

        Read as a Gregorian year, 1436 went to 1436 CE, where a library of this century's
        news holds nothing.  The year holding events wins (the library's own dates say
        which calendar it is in); when both or neither do, the Hijri one if the Hijri axis
        is on or the interface is Arabic.
        """
        style = self.timeline.label_style()
        held = self._holds_events(hijri), self._holds_events(gregorian)
        arabic = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        chosen = hijri if (held[0] if held[0] != held[1] else style.hijri or arabic) else gregorian
        assert chosen.start is not None
        typed = style.num(year)
        if chosen is gregorian:
            said = self.tr("Went to %1 CE; type %1 AH for the Hijri year")
            hint = self.tr("Read as %1 CE; type %1 AH for the Hijri year")
        else:
            # The Gregorian years it spans, not its days: with them the line was cut at
            # 800 px in Arabic, before what to type for the other year.
            end = chosen.end if chosen.end is not None else chosen.start + 86_400
            first, last = axis_date(chosen.start).year, axis_date(end - 86_400).year
            said = (
                self.tr("Went to %1 AH (%2 to %3); type %1 CE for the Gregorian year")
                .replace("%2", style.num(first))
                .replace("%3", style.num(last))
                if first != last
                else self.tr("Went to %1 AH (in %2); type %1 CE for the Gregorian year").replace(
                    "%2", style.num(first)
                )
            )
            hint = self.tr("Read as %1 AH; type %1 CE for the Gregorian year")
        return chosen.start, chosen.end, said.replace("%1", typed), hint.replace("%1", typed)

    def _holds_events(self, value: DateValue) -> bool:
        """Whether an event of the timeline begins within the value's span."""
        starts = self.timeline.arrays().starts
        assert value.start is not None
        end = value.end if value.end is not None else value.start + 86_400
        return bool(np.searchsorted(starts, end) > np.searchsorted(starts, value.start))

    def show_about(self) -> None:
        show_about(self)

    def show_shortcuts(self) -> ShortcutsDialog:
        """The keyboard's help, shown without blocking (the window stays in use).  One
        at a time: F1 again brings the open one to the front (each press opened one
        more over the last); closed, it is made anew, from the menus as they are and in
        the interface's language."""
        dialog = self._shortcuts
        if dialog is None:
            down = QKeySequence(Qt.Key.Key_Down).toString(QKeySequence.SequenceFormat.NativeText)
            window_keys = [
                *menu_key_help(),
                (self.tr("From the search field to its results"), (down,)),
            ]
            dialog = ShortcutsDialog(
                self.menuBar(), self.timeline.key_help(), self, window_keys=window_keys
            )
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            # Escape, its Close button and the frame's close all end in finished.
            dialog.finished.connect(self._forget_shortcuts)
            self._shortcuts = dialog
            dialog.show()
            return dialog
        dialog.show()  # shown and in front, were it minimized or behind the window
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _forget_shortcuts(self) -> None:
        self._shortcuts = None

    def _update_status(self) -> None:
        """Articles and events shown, following the search: a permanent status widget."""
        style = self.timeline.label_style()
        total = self._article_total
        if total is None:  # not counted yet (_count_articles): the events alone
            if self._events_shown is not None:
                n = self._events_shown
                self.count_label.setText(
                    counted(self.tr("%n event(s) on the timeline", "", n), n, style)
                )
            return
        if self.collapse_action.isChecked():  # the rows the list shows: each story once
            total = max(0, total - len(self._earliest_copies()))
        if self._search_ids is None:
            articles = counted(self.tr("%n article(s)", "", total), total, style)
        else:
            found = len(self._story_hits(self._search_ids))
            articles = counted(self.tr("%1 of %n article(s)", "", total), total, style).replace(
                "%1", group_number(found, style)
            )
        parts = [articles]
        if self._events_shown is not None:
            n = self._events_shown
            parts.append(counted(self.tr("%n event(s) on the timeline", "", n), n, style))
        parts += self._views_said()
        self.count_label.setText("  ·  ".join(parts))

    def _views_said(self) -> list[str]:
        """The View menu's choices that change every count, said after the counts: with
        each story once, the library's 30,154 articles were counted 23,503, and only a
        check mark in a closed menu said why."""
        said = []
        if self.collapse_action.isChecked():
            said.append(self.tr("each story once"))
        if self.edits.show_hidden:
            said.append(self.tr("hidden items shown"))
        return said

    def _count_events_shown(self) -> None:
        """Placed events of the articles shown (all, or the search's), from the timeline."""
        arrays = self.timeline.arrays()
        if not self._timeline_shown:
            self._events_shown = None
        elif self._search_ids is None:
            self._events_shown = len(arrays)
        else:
            # The highlight's count when it is this search's (a pass over every event
            # less: 20 ms at a million events, 65 at 7,604,961).
            hits = self._story_hits(self._search_ids)
            counted = self.timeline.highlighted_events(hits)
            if counted is None:
                counted = events_of_articles(arrays.article_ids, hits)
            self._events_shown = counted
        self._update_status()

    def _count_articles(self) -> None:
        """Count the articles shown (the hidden left out), and read the sources, on a
        worker; the status bar says the count when it comes (_articles_counted). A count visits every article, so it
        is never made on the GUI thread: at start-up it would hold the first frame."""
        if self._closed:
            return
        if self._counter_thread is not None:
            self._recount = True  # counted again once this one ends
            return
        self._recount = False
        counter = ArticleCounter(self.store.path, self.edits.show_hidden)
        counter.finished.connect(self._articles_counted)
        counter.failed.connect(self._store_failed)
        self._counter_thread = start_in_thread(counter, self, ended=self._counter_ended)

    def _articles_counted(self, total: int, sources: list[str]) -> None:
        if self._closed or self._recount:
            return  # a count asked for since is coming
        self._article_total = total
        self._update_status()
        if total == 0 and self.model.rowCount() == 0 and self._search_ids is None:
            self.detail.show_empty_library()
        # Read with the count: the distinct sources cost a scan of every article.
        self.search_bar.set_sources(sources)

    def _counter_ended(self) -> None:
        release_ended(self._counter_thread)
        self._counter_thread = None
        if self._recount and not self._closed:
            self._count_articles()

    def articles_counted(self) -> bool:
        """Whether the status bar says the article count (it is counted on a worker)."""
        return self._article_total is not None and self._counter_thread is None

    def is_settled(self) -> bool:
        """Whether the window shows what it set out to show: no load of the timeline,
        count, search, article or sources read still running (what a screenshot waits for:
        app.run_window).  A failed load or read counts as settled: its message shows."""
        return (
            self._loader_thread is None
            and self._counter_thread is None
            and self._search_thread is None
            and self._pending_search is None
            and not self.detail.is_loading()
            and not self.edits.legend.is_reading()
        )

    def _store_failed(self, message: str) -> None:
        """Say once, in one line, that the store cannot be read; the window stays usable."""
        line = self.tr("The article store cannot be read: %1").replace(
            "%1", in_interface_language(message)
        )
        self.statusBar().showMessage(line)
        if self.store_failure is None:
            self.store_failure = line
            text, values = for_message_box(self.tr("The article store cannot be read: %1"), message)
            box = message_box(
                self, QMessageBox.Icon.Critical, self.tr("News Timeline"), text, values=values
            )
            damaged = [f"{self.store.path} {said}" for said in _DAMAGE_SAID]
            if self.store.damage is not None or any(d in message for d in damaged):
                # Damage met while the window was open (a page, a part of the schema
                # another program took away, the file cut): the repair the start-up offers.
                box.setStandardButtons(QMessageBox.StandardButton.Close)
                repair = box.addButton(self.tr("Repair…"), QMessageBox.ButtonRole.AcceptRole)
                repair.clicked.connect(self._repair_library)
            box.open()

    def _take_library_locks_again(self) -> None:
        """Open the library again after a file dialog (Store.reconnect says why); while
        a search, a count, an import or another read of this process has it open, again
        in a moment."""
        self._relock_pending = False
        if self._closed:
            return
        try:
            if not self.watcher.across_reconnect(self.store.reconnect):
                self._relock_pending = True
                QTimer.singleShot(_RELOCK_RETRY_MS, self._take_library_locks_again)
        except StoreError as exc:
            self._store_failed(str(exc))

    def _repair_library(self) -> None:
        """The readable part of this library copied into a new one beside it, opened in
        a window of its own if the user chooses (repair_window)."""
        from timeline.ui.repair_window import repair_in_a_window

        repaired = repair_in_a_window(self.store.path)
        if repaired is not None:
            self.open_library_window(repaired)

    def _article_entries_follow(self) -> None:
        """The Edit menu's entries for the chosen article enabled while there is one."""
        chosen = self.edits.current_article() is not None
        for action in (*self.edits.article_actions, self.remove_action, self.remove_origin_action):
            action.setEnabled(chosen)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._article_entries_follow()
        if not current.isValid():
            self.detail.clear_article()
            return
        article_id = int(current.data(ArticleIdRole))
        kept, self._pane_kept = self._pane_kept, None
        if kept != (article_id, self.search):
            self._show_detail(article_id)
        self.article_selected.emit(article_id)

    def _show_detail(self, article_id: int) -> None:
        """Read the article (the user's values, the search's hits, its story) into the pane.

        Read on a worker (the pane shows it when it arrives): all of it grows with the
        article, and a 12 MB one froze the window for seconds.  None once the window
        is closed: a read started then (by a search applied after a close asked for in
        its signal, as QApplication.quit does) would outlive the window's threads.
        """
        if self._closed:
            return
        if self._edit_frame:  # an edit's frame first: its read would slow it (after_frame)
            self.edits.controller.after_frame("detail", partial(self._show_detail, article_id))
            return
        self.edits.controller.drop_after_frame("detail")  # an article chosen since
        query = self.search.query if self.search is not None else ""
        self.detail.load_article(
            self.store.path,
            article_id,
            query,
            self.model.article,
            with_hidden=self.edits.show_hidden,
        )

    def _show_story_again(self, since: int) -> None:
        """The pane's copies and related articles read again (DetailPane.read_story_again),
        after an edit's frame as the pane's read of an article."""
        if self._closed:
            return
        if self._edit_frame:
            self.edits.controller.after_frame("story", partial(self._show_story_again, since))
            return
        self.detail.read_story_again(self.store.path, since, with_hidden=self.edits.show_hidden)

    # -- search ------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_bar.query_edit.setFocus()
        self.search_bar.query_edit.selectAll()

    def focus_results(self) -> None:
        """The list of what the search found, at its current row (a search keeps the
        article shown when it is among the results, else makes the first current)."""
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def run_search(self, request: SearchRequest) -> None:
        """Narrow the list and mark the hits on the timeline; an empty request clears."""
        self._latest_search = request  # a result for an earlier request is dropped
        if request.is_empty:
            self._pending_search = None
            self._apply_search(None, None, None)
            return
        if self._search_thread is not None:
            self._pending_search = request  # only the latest request matters
            return
        # The window's connection only reads: its stamp changes with every other
        # connection's commit, the window's own writers' too.
        worker = SearchWorker(
            self.store.path,
            request,
            self.store.change_stamp(),
            self._marks_wanted(),
            without_hidden=not self.edits.show_hidden,
        )
        worker.finished.connect(self._search_done)
        worker.failed.connect(self._search_failed)
        self._search_worker = worker
        self._search_thread = start_in_thread(worker, self, ended=self._search_ended)

    def _marks_wanted(self) -> MarksWanted | None:
        """What the search's worker needs to mark its hits on the events drawn, so that
        the GUI thread only takes the marks: with each story once, also the stories' map
        the events were loaded with (the hits marked are the stories'); none before the
        events are shown, or while a load with stories collapsed is coming."""
        if not self._timeline_shown:
            return None
        earliest = None
        if self.collapse_action.isChecked():
            # The stories' map as the events drawn were loaded with (none while a load
            # is coming: marked here when it comes).
            stories = self._story_loaded
            if stories is None or self._load_coming():
                return None
            earliest = (stories.earliest, self._earliest_columns(stories.earliest))
        arrays = self.timeline.arrays()
        return MarksWanted(arrays, arrays.article_ids, self.timeline.article_bounds(), earliest)

    def _earliest_columns(self, earliest: dict[int, int]) -> tuple[np.ndarray, np.ndarray]:
        """earliest_columns of this map, made once for it (the loader's when it made them)."""
        if self._earliest_arrays is None or self._earliest_arrays[0] is not earliest:
            self._earliest_arrays = (earliest, earliest_columns(earliest))
        return self._earliest_arrays[1]

    def _search_done(self, request: SearchRequest, ids: np.ndarray, ordered: np.ndarray) -> None:
        if self._closed:
            return
        worker = getattr(self, "_search_worker", None)
        mine = worker is not None and worker.request is request
        marks = worker.marks if mine else None
        story_hits = worker.story_hits if mine else None
        if worker is not None:
            # The worker is kept until the next search (its suggestions): not the arrays
            # its marks were made on, which a load of the events replaces (each story once
            # at 3,880,000 articles: the arrays drawn before, 300 MB, kept until then).
            worker.marks = None
        left_out = worker.hidden if mine else None  # the hidden left out by the worker
        if self._pending_search is None and request == self._latest_search:
            if not self.edits.show_hidden:  # hidden articles are no hits
                try:
                    hidden = user_edits.hidden_article_ids(self.store)
                except STORE_ERRORS as exc:
                    self._store_failed(str(exc))
                    hidden = set()
                if hidden and (left_out is None or not hidden <= left_out):
                    # Hidden since the worker read them (or not read there): left out
                    # here, by a table of the hidden ids, not a pass over every hit per id.
                    gone = np.fromiter(hidden, dtype=np.int64)
                    found = len(ids)
                    ids = ids[~np.isin(ids, gone, kind="table")]
                    ordered = ordered[~np.isin(ordered, gone, kind="table")]
                    if len(ids) != found:
                        # Made of hits since left out: made again here.
                        marks = story_hits = None
                    left_out = None
            stories = self._story_loaded
            if story_hits is not None and stories is not None and story_hits[0] is stories.earliest:
                # The worker's hits as each story once, for these very ids.
                self._story_hits_memo = (ids, story_hits[0], story_hits[1])
            self._apply_search(request, ids, ordered, marks, left_out)

    def _search_failed(self, request: SearchRequest, message: str) -> None:
        if self._closed:
            return
        if self._pending_search is None:
            self._pane_kept = None  # no selection follows
            self.search_bar.show_result_count(None, in_interface_language(message))

    def _search_ended(self) -> None:
        release_ended(self._search_thread)
        self._search_thread = None
        pending, self._pending_search = self._pending_search, None
        if pending is not None and not self._closed:
            self.run_search(pending)

    def _apply_search(
        self,
        request: SearchRequest | None,
        ids: np.ndarray | None,
        ordered: np.ndarray | None,
        marks: HitMarks | None = None,
        left_out: frozenset[int] | None = None,
    ) -> None:
        """left_out: hidden articles already left out of ids and ordered."""
        self.search = request
        current = self.list.currentIndex().data(ArticleIdRole)
        if ids is None or ordered is None or request is None:
            self._search_ids = None
            self._search_ordered = None
            self.model.set_query(None)
            self.model.reload()
            self.timeline.set_highlight(None)
            self.search_bar.show_result_count(None)
        else:
            self._search_ids = ids
            self._search_ordered = ordered
            self.model.set_query(marked_query(request.query))
            self.model.reload(ordered, left_out=left_out)
            self.timeline.set_highlight(self._story_hits(ids), marks)
            self._show_result_count()
        self._count_events_shown()
        self.search_applied.emit()
        wanted, self._select_after_search = self._select_after_search, None
        if wanted is not None and self.model.row_of(int(wanted)) is not None:
            self.select_article(int(wanted))  # shown again: the one the user was reading
        elif current is not None and self.model.row_of(int(current)) is not None:
            self.select_article(int(current))
        elif self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        elif request is not None:
            self.detail.show_nothing_found(self.describe_search(request))
        else:
            self.detail.clear_article()
        self._pane_kept = None  # for this selection only

    def describe_search(self, request: SearchRequest) -> str:
        """What a search asked for, in words: the query and each filter, ready to show
        (the query and the source each made safe, in an isolate of its own)."""
        style = self.timeline.label_style()
        parts = []
        if request.query.strip():
            # The interface's quotation marks around the query isolated: the whole
            # description in one first-strong isolate took an Arabic query's direction,
            # and an English notice read 'No article matches dated ... ,"طابع بريد".'
            parts.append(self.tr("“%1”").replace("%1", isolated(request.query.strip())))
        if request.source is not None:
            parts.append(self.tr("from %1").replace("%1", isolated(request.source)))
        if request.date_from is not None and request.date_to is not None:
            first = format_date(request.date_from, None, "day", style)
            last = format_date(request.date_to - 1, None, "day", style)
            kinds = {
                None: self.tr("dated %1 to %2"),
                "published": self.tr("published %1 to %2"),
                "mentioned": self.tr("mentioning %1 to %2"),
            }
            text = kinds.get(request.event_kind, kinds[None])
            parts.append(ordered(text.replace("%1", first).replace("%2", last), style.language))
        return self.tr(", ").join(parts)

    def load_timeline(self) -> None:
        """Read the events for the timeline on a worker thread; the window stays usable."""
        if self._closed:
            return
        if self._loader_thread is not None:
            self._timeline_stale = True
            return
        self._timeline_stale = False
        # The one copy is let go when the events per day come (_events_summarized): the
        # loader reads the events once it has, into the pages it frees.
        self._let_go = threading.Event() if self._one_copy and self._overlaid is not None else None
        loader = EventsLoader(
            self.store.path,
            collapse=self.collapse_action.isChecked(),
            with_hidden=self.edits.show_hidden,
            one_copy_above=ROOM_BUDGET_BYTES,
            hits=self._search_ids,
            let_go=self._let_go,
        )
        self._edits_at_load = self._edits_shown
        self._touched_since_load = set()
        # The events per day first: a density band while the events are read.
        loader.summarized.connect(self._events_summarized)
        loader.finished.connect(self._timeline_loaded)
        loader.failed.connect(self._timeline_failed)
        self._loader = loader
        self._loader_thread = start_in_thread(loader, self, ended=self._loader_ended)

    @Slot(object)
    def _events_summarized(self, summary: DensitySummary) -> None:
        """The events per day, read before the events: drawn as a density band until they
        come (at start), and in their place meanwhile when the window's events are its
        one copy (_let_go_of_events)."""
        let_go, self._let_go = self._let_go, None
        if self._closed:
            if let_go is not None:
                let_go.set()
            return
        if self._one_copy and self._overlaid is not None and self._loader is not None:
            self._let_go_of_events(summary)
        if let_go is not None:
            let_go.set()  # the loader reads the events now
        self.timeline.set_summary(summary)

    def _let_go_of_events(self, summary: DensitySummary) -> None:
        """The one copy of the events let go as the loader reads them again, the density
        band drawn where the view is until they come: the loaded events and those drawn
        were both held (each story once turned on or off at 3,880,000 articles under a
        search: 888-907 MB at the load's peak, 566-578 at start).  An edit meanwhile is
        laid over the loaded events when they come, as at start (_touched_since_load)."""
        self._splice_settled()  # a splice on its way writes over the room: shown first
        self._overlaid = None
        self._column_room.release()
        if self._story_loaded is not None:
            self._story_loaded = dataclasses.replace(self._story_loaded, arrays=EventArrays())
        self._one_copy_stories = None
        self.timeline.show_summary_instead(summary)

    def _story_arrays(self, arrays: EventArrays) -> EventArrays:
        """Each story drawn once when the View menu says so, with its count in its label.

        As the events loader read them on its thread (the clusters of a big store take
        a second or more to read); every copy until a load with stories collapsed comes.
        """
        self._story_events = {}
        if not self.collapse_action.isChecked() or self._story_loaded is None:
            return arrays
        self._story_events = self._story_loaded.copies
        return self._story_loaded.arrays

    def _collapse_toggled(self, collapse: bool) -> None:
        """Each story once, or every copy: the list, the timeline and every count follow."""
        self._earliest = None
        self._story_loaded = None  # the events load this starts reads them as now asked
        self._keeping_place(lambda: self.model.set_collapse_copies(collapse))
        self.load_timeline()
        if self.search is not None and self._search_ordered is not None:
            self._show_result_count()
        self._count_events_shown()

    def _keeping_place(self, reload: Callable[[], None], *, pane_kept: bool = False) -> None:
        """Reload the list and select the article selected before, or the copy it now
        stands behind (each story shown once): the list lost its place.

        pane_kept: the reload changed which copies stand for their stories, no article
        (the events loaded again after a hide): the article shown, selected again, stays
        in the pane as it is (read again, it lost its place in a long text; the hide's
        change to its story is read by show_user_edits)."""
        current = self.list.currentIndex().data(ArticleIdRole)
        earlier = self._pane_kept  # a search's or a list's on its way keeps its own
        if pane_kept and current is not None:
            self._pane_kept = (int(current), self.search)
        reload()
        if current is not None and not self.list.currentIndex().isValid():
            self.select_article(self.model.shown_as(int(current)))
        elif current is None and self.model.rowCount():
            # The first import into an empty library: its first article, as at start.
            self.list.setCurrentIndex(self.model.index(0))
        if pane_kept:
            self._pane_kept = earlier  # this selection's only

    def _earliest_copies(self) -> dict[int, int]:
        """The earliest copy of its story by each later copy's id: as the events loader
        read it with the stories collapsed (none while such a load is coming: the counts
        follow when it comes); read here only when no load brings it."""
        if self._story_loaded is not None:
            return self._story_loaded.earliest
        if self._load_coming():
            return {}
        if self._earliest is None:
            try:
                self._earliest = story_store.earliest_of(self.store)
            except STORE_ERRORS as exc:
                self._store_failed(str(exc))
                return {}
        return self._earliest

    def _story_hits(self, ids: np.ndarray) -> np.ndarray:
        """Hits as the window shows them: with each story once, a hit in any copy is its
        story's hit (the earliest copy), counted once.  As arrays: two million hits as
        Python ints and a dictionary held the GUI thread over a second, three times a
        search (the highlight, the count of hits, the count of events)."""
        if not self.collapse_action.isChecked():
            return ids
        earliest = self._earliest_copies()
        if not earliest:
            return ids
        memo = self._story_hits_memo
        if memo is not None and memo[0] is ids and memo[1] is earliest:
            return memo[2]  # the status bar asks again at each update
        hits = shown_once(np.asarray(ids), self._earliest_columns(earliest))
        self._story_hits_memo = (ids, earliest, hits)
        return hits

    def _show_result_count(self) -> None:
        """The search's count of hits (each story once when so shown): of its ids, which
        the list's order only rearranges."""
        if self._search_ids is None:
            return
        worker = getattr(self, "_search_worker", None)
        suggestions = worker.suggestions if worker is not None else ()
        corrections = worker.corrections if worker is not None else ()
        found = len(self._story_hits(self._search_ids))
        self.search_bar.show_result_count(found, suggestions=suggestions, corrections=corrections)

    def _timeline_loaded(self, loaded: LoadedEvents) -> None:
        self._loader = None
        if self._closed:
            return
        self._splice_settled()  # its arrays shown before these replace them
        arrays = loaded.arrays
        # The first time the view starts on the articles' days (a news archive's mentions
        # reach centuries away); after an import it stays where it was, unless the
        # timeline had nothing to show (the view of an empty library, moved or not, is
        # no place to keep: the first import's articles were a hairline in decades).
        had_events, self._had_events = self._had_events, len(arrays) > 0
        kept = self.timeline.viewport() if self._timeline_shown and had_events else None
        self._base_arrays = arrays
        self._story_loaded = loaded.stories
        if loaded.stories is not None:
            stories = loaded.stories
            if loaded.earliest_columns is not None:
                self._earliest_arrays = (stories.earliest, loaded.earliest_columns)
            self._keeping_place(lambda: self.model.set_earliest(stories.earliest), pane_kept=True)
        if loaded.stories is not None and self._search_ordered is not None:
            self._show_result_count()  # counted as each story once
        self.edits.legend.forget()
        if loaded.one_copy:
            self._take_one_copy(loaded)
        else:
            self._one_copy = False
            self._overlay_all(loaded)
        self._show_arrays()
        if self._search_ids is not None:
            self._highlight_loaded(loaded)
        self._select_loaded()
        if kept is None:
            self.timeline.fit_home()
        else:
            self.timeline.set_viewport(kept)
        self._timeline_shown = True
        self._show_view_dates()
        self._count_events_shown()
        self._warm_later()
        self.timeline_loaded.emit()

    def _highlight_loaded(self, loaded: LoadedEvents) -> None:
        """The search's marks on the events just loaded: the loader's, made for the hits
        it was given as each story once when so shown (taken when those hits are still
        the search's and its arrays are drawn), else made here (a pass over every row:
        80-110 ms of the GUI thread at 7,604,961 events under a word in most articles)."""
        ids = self._search_ids
        assert ids is not None
        marks = loaded.marks
        if marks is not None and loaded.hits is ids:
            earliest = self._earliest_copies() if self.collapse_action.isChecked() else None
            if earliest and loaded.stories is not None and earliest is loaded.stories.earliest:
                self._story_hits_memo = (ids, earliest, loaded.story_hits)
        hits = self._story_hits(ids)
        if hits is not loaded.story_hits:
            marks = None  # made for other hits
        drawn = self.timeline.arrays()
        if marks is not None and drawn.article_ids is getattr(marks.arrays, "article_ids", None):
            # The overlay the loader made, drawn as an alias of its columns (the same rows).
            marks = dataclasses.replace(marks, arrays=drawn)
        self.timeline.set_highlight(hits, marks)

    def _select_loaded(self) -> None:
        """The list's article selected on the timeline's new arrays, the view left where
        it is (the hand-over places it after): at once, or while the arrays' article index
        of more than SELECT_BY_PASS_ROWS rows is still sorting, once it has sorted.  The
        article is the one the list shows then: a selection made meanwhile is kept."""
        self._select_timer.stop()
        if self._closed:
            return
        arrays = self.timeline.arrays()
        index = arrays.article_index
        if index is not None and index.sorting and len(arrays) > SELECT_BY_PASS_ROWS:
            self._select_timer.start()
            return
        current = self.list.currentIndex()
        if current.isValid():
            self.timeline.select_article(int(current.data(ArticleIdRole)), into_view=False)

    @Slot(float, float)
    def _dates_follow_view(self, _start: float, _end: float) -> None:
        """While the date filter is off, its boxes show the days in view, so that ticking
        Dates keeps to what the timeline shows.  They showed the store's whole span, which
        one mention of AD 52 and one of a comet's return in 2122 made useless as a filter;
        a filter being used is never moved by panning, nor are dates the reader set.

        Written once the view rests (_DATES_REST_MS): written on every frame of a pan
        they were a third of a millisecond of each frame."""
        if not self.search_bar.dates_check.isChecked():
            self._dates_timer.start()

    def _show_view_dates(self) -> None:
        """The days in view in the date boxes (unless the reader set them)."""
        self._dates_timer.stop()
        shown = self.timeline.viewport()
        first = axis_date(min(max(shown.start, AXIS_MIN), AXIS_MAX))
        last = axis_date(min(max(shown.end - 1, AXIS_MIN), AXIS_MAX))
        self.search_bar.set_date_range(first, max(first, last))

    @Slot(bool)
    def _dates_toggled(self, _on: bool) -> None:
        # Ticked: the filter starts on the days in view at that moment, whatever a pan
        # left waiting; unticked: the boxes follow the view again.
        self._show_view_dates()

    def _warm_later(self) -> None:
        """Make the next edit's room ready once the window is idle (_warm_step)."""
        index = self._overlaid.article_index if self._overlaid is not None else None
        resort = index is not None and index.steps >= user_edits.MAX_STEPS
        if not self._writer_warmed or self._room_wanted() or resort:
            self._warm_timer.start(_WARM_AFTER_MS)

    def _room_wanted(self) -> bool:
        """Whether the shown arrays are to be moved into the edits' room while idle: not
        there yet, and the room within ROOM_BUDGET_BYTES."""
        arrays = self._overlaid
        if arrays is None or self._column_room.holds(arrays):
            return False
        size = self._column_room.bytes_for(len(arrays), len(arrays.range_rows))
        return size <= ROOM_BUDGET_BYTES

    def _warm_step(self) -> None:
        """One slice of the idle work that spares the next edit: the writer's date rules
        read once (the first time), and the shown arrays moved into the room edits are
        patched in (ColumnRoom.adopt_step: their rows unchanged, their pages faulted in
        now rather than by an edit)."""
        self._warm_timer.setInterval(_WARM_STEP_MS)
        if self._closed or self._overlaid is None:
            self._warm_timer.stop()
            return
        if self._splicing is not None:
            return  # the room is the splice's until it is taken (tried again next step)
        if not self._writer_warmed:
            self._writer_warmed = True
            self.edits.controller.warm()
        # Each article's rows sorted again (on a thread) once edits have moved them often.
        user_edits.keep_indexed(self._overlaid)
        if not self._room_wanted() or self._column_room.adopt_step(self._overlaid):
            self._warm_timer.stop()

    def _event_labels(self, ids: Iterable[int]) -> dict[int, EventText]:
        """Texts for the timeline, controls made visible; none when the store fails."""
        try:
            found = user_edits.user_event_labels(self.store, ids)
        except STORE_ERRORS as exc:
            self._store_failed(str(exc))
            return {}
        labels = shown_texts(found)
        # A story drawn once says how many copies it stands for (View > Show each story once),
        # its number marked with the interface's direction: after an Arabic title "2
        # copies" read "copies 2".
        language = self.timeline.label_style().language
        for event_id, text in labels.items():
            n = self._story_events.get(event_id)
            if n:
                copies = ordered(self.tr("%n copies", "", n), language)
                labels[event_id] = text._replace(title=f"{text.title}  ·  {copies}")
        return labels

    def _take_one_copy(self, loaded: LoadedEvents) -> None:
        """The loader's overlay, written over the loaded arrays (LoadedEvents.one_copy),
        as the window's only copy: moved into the edits' room as it is (no rows copied),
        and the articles edited since the load began laid over again from the store; a
        full pass asked meanwhile (hidden items shown or not) loads them again."""
        self._one_copy = True
        self._base_arrays = self._story_base = None
        # Stories collapsed: written over the stories' arrays (stories.collapsed_arrays
        # in place), each story's count kept for its label, and an edited article's rows
        # read from the store drawn as the stories draw them (_drawn_rows).
        self._story_events = loaded.stories.copies if loaded.stories is not None else {}
        self._one_copy_stories = loaded.stories
        overlaid = loaded.overlaid if loaded.overlaid is not None else loaded.arrays
        del loaded  # no view of the buffers kept here: the room writes over them
        self._column_room.take(overlaid)
        user_edits.keep_indexed(overlaid)  # the loader began its sort: kept as it is
        touched = self._touched_since_load
        if self._edits_shown != self._edits_at_load and touched:
            try:
                overlaid, _stale = user_edits.patch_overlay(
                    self.store,
                    None,
                    overlaid,
                    touched,
                    with_hidden=self.edits.show_hidden,
                    drawn=self._drawn_rows(),
                    room=self._column_room,
                )
            except STORE_ERRORS as exc:
                self._store_failed(str(exc))
        self._overlaid = overlaid
        if touched is None:
            self.load_timeline()  # runs once this load's thread has ended
        self._warm_later()

    def _drawn_rows(self) -> Callable[[EventArrays], EventArrays] | None:
        """How the one copy draws rows read from the store: each story once, as loaded
        (None: every copy, or not the one copy)."""
        stories = self._one_copy_stories if self._one_copy else None
        return stories.drawn_rows if stories is not None else None

    def _overlay_all(self, loaded: LoadedEvents | None = None) -> None:
        """The loaded arrays with all the user's values laid over them (a full pass):
        as the events loader laid them (loaded) when the window has shown no edit since
        it asked for them and shows hidden items and stories as it asked, else here."""
        if self._base_arrays is None:
            return
        if self._redated:
            try:
                self._base_arrays = user_edits.with_stored_rows(
                    self.store, self._base_arrays, self._redated
                )
                self._redated = set()
            except STORE_ERRORS as exc:
                self._store_failed(str(exc))
        self._story_base = self._story_arrays(self._base_arrays)
        # Each article's rows found by a search (sorted on a thread), for the edits and
        # the view's selection; the alias below shares it (the same rows).
        user_edits.keep_indexed(self._story_base)
        try:
            if (
                loaded is not None
                and loaded.overlaid is not None
                and self._edits_shown == self._edits_at_load
                and loaded.with_hidden == self.edits.show_hidden
                and self._story_base
                is (loaded.arrays if loaded.stories is None else loaded.stories.arrays)
            ):
                overlaid = loaded.overlaid
            else:
                overlaid = user_edits.overlay_arrays(
                    self.store, self._story_base, with_hidden=self.edits.show_hidden
                )
        except STORE_ERRORS as exc:
            self._store_failed(str(exc))
            overlaid = self._story_base
        # An object of its own: moved into the room and patched by edits, never the
        # loaded arrays themselves (each edit lays over the loaded rows again).
        self._overlaid = overlaid.alias() if overlaid is self._story_base else overlaid
        user_edits.keep_indexed(self._overlaid)
        self._warm_later()

    def _show_arrays(
        self,
        stale: np.ndarray | None = None,
        touched: set[int] | None = None,
        lanes: FollowedLanes | None = None,
    ) -> None:
        """The overlaid arrays on the timeline as the legend has them: colours, switches.

        stale: after an edit, the ids of the events whose texts may have changed; the
        view keeps the rest of what it laid out (set_data would drop it all).  touched:
        the articles the edit touched, whose colour codes alone are worked out again.
        """
        if self._overlaid is None:
            return
        legend = self.edits.legend
        try:
            shown = legend.shown_arrays(self._overlaid, touched if stale is not None else None)
            codes = legend.codes
        except STORE_ERRORS as exc:
            # The arrays still go to the view (after an edit the ones it shows are spent).
            self._store_failed(str(exc))
            legend.forget()
            shown, codes = self._overlaid, None
        if stale is None:
            self.timeline.set_data(shown, self._event_labels)
        else:
            self.timeline.replace_data(shown, stale.tolist(), lanes)
        self.timeline.set_colouring(codes, legend.palette, legend.names)

    def show_user_edits(self, changes: list[user_edits.Change] | None = None) -> None:
        """Show an edit (or its undo) at once, the view kept where it was.

        With the edit's changes only the articles they touch are laid over again, their
        list rows and labels read again, and a hidden article's row taken out (no list
        read again); without (hidden items shown or not), everything is laid over again.
        """
        self._splice_settled()  # an edit before this one shown first: this patches its arrays
        self._edits_shown += 1  # an events load asked for before this lays them over again
        stale: np.ndarray | None = None
        before = self.list.currentIndex().data(ArticleIdRole)
        base = None if self._one_copy else self._story_base
        try:
            if changes is None or self._overlaid is None or (base is None and not self._one_copy):
                if changes is None:
                    self._touched_since_load = None
                elif self._touched_since_load is not None:
                    # Nothing shown yet: the load on its way lays these articles over.
                    self._touched_since_load |= user_edits.touched_articles(self.store, changes)
                if not self._one_copy:
                    self._overlay_all()
                elif changes is None:
                    self.load_timeline()  # a full pass: the events loaded again
                touched: set[int] = set()
                hid: set[int] = set()
                showed: set[int] = set()
            else:
                touched = user_edits.touched_articles(self.store, changes)
                if self._touched_since_load is not None:
                    self._touched_since_load |= touched
                hid, showed = user_edits.hidden_changes(self.store, changes)
                redated = user_edits.anchor_changes(self.store, changes)
                if redated:
                    self._mentions_redated(redated)
                patched, stale = user_edits.patch_overlay_later(
                    self.store,
                    base,
                    self._overlaid,
                    touched,
                    with_hidden=self.edits.show_hidden,
                    room=self._column_room,
                    stored=self._redated_drawn(base),
                    given=self.edits.controller.rows,
                    drawn=self._drawn_rows() if base is None else None,
                )
                if not user_edits.texts_changed(changes) and not redated:
                    stale = stale[:0]  # labels laid out stay (a frame not rebuilt for a tag)
                if isinstance(patched, user_edits.SpliceLater):
                    self._splice_later(
                        patched, _Shown(changes, stale, touched, hid, showed, before)
                    )
                    return
                self._overlaid = patched
        except STORE_ERRORS as exc:
            self._store_failed(str(exc))
            self.edits.legend.forget()  # its codes no longer follow the arrays
            return
        self._edit_shown(_Shown(changes, stale, touched, hid, showed, before))

    def _splice_later(self, splice: user_edits.SpliceLater, edit: _Shown) -> None:
        """An edit's splice of many rows written on a worker (SpliceWorker), the lanes
        followed there too; the edit is shown when it ends (_splice_written), every part
        of it at once.  The edits' controller starts no job meanwhile (show_later)."""
        worker = SpliceWorker(splice, self.timeline.lane_follower())
        splicing = _Splicing(worker, edit)
        worker.finished.connect(self._splice_ended)
        worker.failed.connect(self._splice_ended)
        self.edits.controller.show_later()
        self._splicing = splicing
        splicing.thread = start_in_thread(worker, self, ended=lambda: None)

    def _splice_ended(self, worker: SpliceWorker, _why: str = "") -> None:
        """A splice's worker ended (made it, or failed: said on the terminal)."""
        splicing = self._splicing
        if splicing is not None and splicing.worker is worker:
            self._splice_written(splicing)

    def _splice_written(self, splicing: _Splicing) -> None:
        """The splice's arrays shown (or, if it failed, the events loaded again), then
        the rest of the edit: the list, the pane.  Called once per splice: by its
        worker's signal, or earlier by _splice_settled (the signal then finds it done)."""
        if self._splicing is not splicing:
            return
        self._splicing = None
        thread, splicing.thread = splicing.thread, None
        release_ended(thread)  # finished its run: returns at once
        worker, edit = splicing.worker, splicing.edit
        try:
            if self._closed:
                return
            if worker.splice.made():
                self._overlaid = worker.splice.done()
                self._edit_shown(edit, worker.lanes)
            else:  # failed (said on the terminal): shown as stored, once loaded again
                self._edit_shown(edit)
                self.load_timeline()
        finally:
            self.edits.controller.shown()

    def _splice_settled(self) -> None:
        """An edit's splice still being written finished here (waited for) and shown:
        before anything else writes the arrays or the room."""
        splicing = self._splicing
        if splicing is not None:
            if splicing.thread is not None:
                splicing.thread.wait()
            self._splice_written(splicing)

    def _edit_shown(self, edit: _Shown, lanes: FollowedLanes | None = None) -> None:
        """The rest of show_user_edits, once the edit's arrays are the window's: the
        timeline (lanes: followed for them already), the list, the pane, the counts."""
        changes, stale, touched = edit.changes, edit.stale, edit.touched
        hid, showed, before = edit.hid, edit.showed, edit.before
        # The patch wrote over the arrays shown (ColumnRoom): the view takes the new ones
        # now, before the list and the pane (whose signals select in the view) read them.
        self.refresh_timeline(stale, touched, lanes)
        # The pane's read (of the edited article, or of the next one after a hide)
        # starts once this edit's frame is painted.
        self._edit_frame = True
        try:
            for article_id in touched:
                self.model.refresh_article(article_id)
            touched_current = before is not None and (int(before) in touched or not touched)
            if (hid or showed) and not self.edits.show_hidden:
                self._list_hidden_changed(hid, showed, None if touched_current else before)
            current = self.list.currentIndex()
            shown = current.isValid() and current.data(ArticleIdRole) == before
            if shown and touched_current:
                self._show_detail(int(before))  # the pane shows the edit
            elif changes and user_edits.story_rows_changed(changes):
                # Another article's title, source or date, or it hidden or shown again:
                # the rows of the pane's copies and related articles, or which are
                # listed.  Those read again, not the article (its place in a long text
                # kept).
                self._show_story_again(self.detail.reads_asked())
        finally:
            self._edit_frame = False
        if self.collapse_action.isChecked() and (changes is None or hid or showed):
            # Each story is shown without its hidden copies (read_collapse): a hidden
            # earliest copy hid its whole story until the events were loaded again.
            self.load_timeline()
        # A search's filters judge the user's values: a corrected source or date may
        # move an article into or out of its hits, and a source into the offered ones;
        # the list is in the order of the dates shown.
        every = user_edits.OrderChanges(True, True, True)
        moved = every if changes is None else user_edits.order_changes(changes)
        search = self.search
        # The list read again selects the article shown again: read again, it lost its
        # place in a long text; the edit changed at most its story (read again above).
        kept = (int(before), search) if shown and not touched_current else None
        if moved.published and not (hid or showed):
            self._pane_kept = kept
            self.reload_list()  # the order, the counts, a search's hits
        elif moved.filters and search is not None and search.has_filters and not (hid or showed):
            self._pane_kept = kept
            self.run_search(search)
        if moved.source and not moved.published:
            self._count_articles()
        self._warm_later()  # the arrays moved into the room, if the patch could not

    def _redated_drawn(self, base: EventArrays | None) -> set[int]:
        """The articles of _redated whose rows an edit's patch reads from the store: all
        of them, or with stories collapsed those base draws (a copy not drawn has no rows
        there; the events are being loaded again)."""
        if not self._redated or base is None or not self.collapse_action.isChecked():
            return self._redated
        return {a for a in self._redated if len(user_edits.article_rows(base, np.array([a])))}

    def _mentions_redated(self, redated: set[int]) -> None:
        """An edit of these articles' publication dates wrote their mentions again (in
        its transaction): from now their rows are read from the store, for this edit's
        patch and the next ones (_redated).  Splicing them into the loaded arrays here
        copied every column: 103 ms a correction at a million events (bench/edits.py),
        where a patch reading a few rows from the store costs what the other edits do.

        Stories collapsed, the loaded arrays hold only each story's drawn copy: the
        events are loaded again in the background (as after a hide).  So are they when
        a load is on its way, which may have read the rows before the edit."""
        self._redated |= redated
        if self.collapse_action.isChecked() or self._load_coming():
            self.load_timeline()

    def _load_coming(self) -> bool:
        """Whether a load of the events is yet to be shown: one running whose events have
        not come, or one asked for while another ran (it starts when that one's thread
        ends).  A load already shown read nothing an edit since could have changed: an
        edit in the moment before its thread ended loaded every event again."""
        return self._loader is not None or self._timeline_stale

    def _list_hidden_changed(self, hid: set[int], showed: set[int], kept: int | None) -> None:
        """Articles hidden or shown again: their rows, the counts and a search's hits.

        kept: the article shown, if the edit left it as it was (its story is read again
        alone): a search's hits read again select it again, and the pane keeps it."""
        row = self.list.currentIndex().row()
        reading = self.list.currentIndex().data(ArticleIdRole)
        searching = self.search is not None and self._search_ids is not None
        for article_id in hid:
            self.model.hide_article(article_id)
        again = [self.model.show_article(article_id) for article_id in showed]
        if self._counter_thread is not None:
            self._recount = True  # the count on its way may have missed these
        elif self._article_total is not None:
            self._article_total += len(showed) - len(hid)
        if searching and self._search_ids is not None and hid:
            before = self._search_ids
            # Cut in their own buffer (no new pages), but for a load of the events on its
            # way, which reads them on its thread (its marks, made for those ids, are
            # then not taken: _highlight_loaded).
            hits = before if self._loader is None else before.copy()
            self._search_ids = hits_less(hits, hid)
            if not self.edits.show_hidden and not self.collapse_action.isChecked():
                # Their events are drawn no more: the marks stand for the hits left.
                self.timeline.highlight_narrowed(before, self._search_ids)
            self.search_bar.show_result_count(len(self._search_ids))
        # The article the user was reading when it was hidden, shown again (the hide
        # undone, Unhide redone) while the one that took its place is still selected:
        # it is selected again, not left to the next one.
        took_place, self._took_place = self._took_place, None
        shown_again = None
        if took_place is not None and took_place[0] in showed and reading == took_place[1]:
            shown_again = took_place[0]
        if searching and not all(again) and self.search is not None:
            if kept is not None and self.list.currentIndex().data(ArticleIdRole) == kept:
                self._pane_kept = (int(kept), self.search)
            self._select_after_search = shown_again  # once the hits are read again
            self.run_search(self.search)  # whether a shown-again article is a hit
        elif shown_again is not None and (back := self.model.row_of(shown_again)) is not None:
            self.list.setCurrentIndex(self.model.index(back))
        if not self.list.currentIndex().isValid() and self.model.rowCount():
            # The current article was hidden: the next one takes its place.
            self.list.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))
        elif not self.model.rowCount():
            self.detail.show_article(None, [])
        if reading is not None and int(reading) in hid:  # (Qt may have moved it on itself)
            self._took_place = (int(reading), self.list.currentIndex().data(ArticleIdRole))
        self._update_status()

    def refresh_timeline(
        self,
        stale: np.ndarray | None = None,
        touched: set[int] | None = None,
        lanes: FollowedLanes | None = None,
    ) -> None:
        """The overlaid arrays drawn again (after an edit or a switch of the legend), the
        view, the selection and the search's marks kept (stale, touched, lanes: an
        edit's)."""
        if self._overlaid is None:
            return
        kept = self.timeline.viewport()
        selected = self.timeline.selected_event()
        arrays = self.timeline.arrays()
        self._show_arrays(stale, touched, lanes)
        self.timeline.set_viewport(kept)
        if self._search_ids is not None and self.timeline.arrays() is not arrays:
            hits = self._story_hits(self._search_ids)
            if not self.timeline.highlight_kept_for(hits):  # followed through the splice
                self.timeline.set_highlight(hits)
        current = self.list.currentIndex()
        # replace_data (an edit) keeps the selected event when it is still drawn.
        if stale is None or self.timeline.selected_event() is None:
            # After an edit the view looked for it already (replace_data): it is gone.
            lost = selected is None or stale is not None or not self.timeline.select_event(selected)
            if lost and current.isValid():
                self.timeline.select_article(int(current.data(ArticleIdRole)))
        self.timeline.set_viewport(kept)  # an edit never moves the view
        if self.timeline.arrays() is not arrays:
            self._count_events_shown()

    def reload_list(self) -> None:
        """The list and counts read again (hidden items shown or not), a search's hits too."""
        self._count_articles()
        if self.search is not None and self._search_ids is not None:
            self.run_search(self.search)  # its hits again, hidden ones left out
        else:
            current = self.list.currentIndex().data(ArticleIdRole)
            self.model.reload()
            if current is not None and self.model.row_of(int(current)) is not None:
                self.select_article(int(current))
            elif self.model.rowCount():
                self.list.setCurrentIndex(self.model.index(0))
            else:
                self.detail.show_article(None, [])
            self._pane_kept = None  # for this selection only
        self._update_status()

    def _timeline_failed(self, message: str) -> None:
        self._loader = None
        if self._closed:
            return
        line = self.tr("Timeline not loaded: %1").replace("%1", in_interface_language(message))
        self.statusBar().showMessage(line)

    def _loader_ended(self) -> None:
        release_ended(self._loader_thread)
        self._loader_thread = None
        if self._timeline_stale and not self._closed:
            self.load_timeline()

    def _timeline_event_selected(self, _event_id: int, article_id: int) -> None:
        self.select_article(article_id)

    def _event_chosen(self, event_id: int, start: int) -> None:
        """An event picked in the detail pane: select it on the timeline, or go to its date."""
        if not self.timeline.select_event(event_id):
            self.timeline.go_to(start)

    def select_article(self, article_id: int) -> None:
        """Select an article in the list (and so in the detail pane)."""
        row = self.model.row_of(article_id)
        if row is None:
            return
        index = self.model.index(row)
        if self.list.currentIndex() != index:
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self.list.scrollTo(index)

    def window_title(self) -> str:
        """The library's file name and the program's, and whether it is read-only: with
        several libraries (a project each) the title said only "News Timeline", and a
        library that takes no edits said so only when one failed."""
        name = for_display(shown_part(self.store.path.name, 80))
        if self.store.read_only is not None:
            return self.tr("%1 (read-only) — News Timeline").replace("%1", name)
        return self.tr("%1 — News Timeline").replace("%1", name)

    # -- importing -------------------------------------------------------------

    def import_filter(self) -> str:
        """The Import dialog's file types: every format the importer reads (it offered
        .txt and JSON only, so a CSV, a feed or a WARC took "All files" to find), the
        patterns kept left to right in an Arabic window (file_filter)."""
        from timeline.ingest import SUFFIXES

        patterns = [f"*{suffix}" for suffix in SUFFIXES if suffix] + ["*.gz"]
        return file_filter((self.tr("Articles"), " ".join(patterns)), (self.tr("All files"), "*"))

    def _choose_files(self) -> None:
        with file_dialog(self.interface_locale):
            files, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Import articles"), "", self.import_filter()
            )
        if files:
            self.import_paths([Path(f) for f in files])

    def _choose_folder(self) -> None:
        with file_dialog(self.interface_locale):
            folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of articles"))
        if folder:
            self.import_paths([Path(folder)])

    # -- other libraries ------------------------------------------------------

    def _library_filter(self) -> str:
        return file_filter(
            (self.tr("Libraries"), "*.db *.sqlite *.sqlite3"), (self.tr("All files"), "*")
        )

    def library_problem(self, key: str | None) -> str | None:
        """_not_a_library's answer in the interface language."""
        if key is None:
            return None
        return {
            "no folder": self.tr("its folder does not exist"),
            "folder not writable": self.tr(
                "its folder cannot be written: a new library cannot be made there"
            ),
            "not a file": self.tr("it is not a file"),
            "unreadable": self.tr("it cannot be read"),
            "not sqlite": self.tr("it is not an SQLite database"),
            "foreign": self.tr("it is another program's database (it has no articles)"),
        }[key]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        here = self.store.path.resolve()
        shown = [path for path in recent_libraries() if path != here]
        if not shown:
            self.recent_menu.addAction(self.tr("No other library opened yet")).setEnabled(False)
            return
        for path in shown:
            action = self.recent_menu.addAction(action_text(str(path)))
            action.triggered.connect(lambda _=False, p=path: self.open_library_window(p))

    def _open_library(self) -> None:
        with file_dialog(self.interface_locale):
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open a library"), str(self.store.path.parent), self._library_filter()
            )
        if name:
            self.open_library_window(Path(name))

    def _new_library(self) -> None:
        with file_dialog(self.interface_locale):
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("New library"),
                str(self.store.path.parent / self.tr("library.db")),
                self._library_filter(),
                options=QFileDialog.Option.DontConfirmOverwrite,  # never replaced: opened
            )
        if name:
            path = Path(name)
            self.open_library_window(path if path.suffix else path.with_suffix(".db"))

    def open_library_window(self, path: Path) -> bool:
        """Open another library in a window of its own (a program of its own: each
        window has one library, its threads and its edits' history), as this one was
        opened, in this interface language.  A library that exists is opened as it is
        (a new one is never made over a file); one that is no SQLite file is said here.
        A library that cannot be opened for another reason (locked, damaged, from a
        newer version) is said by the new window's program, in a window (its stderr
        goes nowhere).  True when the program was started."""
        if path.exists() and path.resolve() == self.store.path.resolve():
            self.statusBar().showMessage(self.tr("That library is the one open here"), 10_000)
            return False
        problem = self.library_problem(_not_a_library(path))
        if problem is not None:
            message_box(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Open a library"),
                self.tr("This file cannot be opened as a library:\n%1\n%2"),
                values=[str(path), problem],
            ).open()
            return False
        if not self._start_window_on(path):
            return False
        self.statusBar().showMessage(
            self.tr("Opening %1 in a new window").replace("%1", for_display(path.name)), 10_000
        )
        return True

    def _start_window_on(self, path: Path) -> bool:
        """This program started again on the library at path, in this interface language;
        False (said in the status bar) when it could not be."""
        rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        program, arguments = _this_program()
        arguments += ["--db", str(path), "--lang", "ar" if rtl else "en"]
        failure = start_detached(program, arguments)
        if failure is not None:
            self.statusBar().showMessage(
                self.tr("The program could not be started again: %1").replace(
                    "%1", for_display(failure)
                ),
                10_000,
            )
            return False
        return True

    def _ask_addresses(self) -> None:
        """Web pages and feeds to import, typed or pasted one per line (a drop of links
        did this only with a mouse).  Each line is a source: one that is not a web
        address fails alone, in the report, as on the command line.  When none is an
        address ("www.example.com/news" typed without its https://), what was typed is
        asked for again, kept, as Go to date does: it was said and then lost."""
        from timeline.ingest.fetch import is_url

        copied = QGuiApplication.clipboard().text()
        text = "\n".join(line.strip() for line in copied.splitlines() if is_url(line))
        while True:
            text, ok = multi_line_text(
                self,
                self.tr("Import web addresses"),
                self.tr("Addresses of article pages or feeds (http or https), one per line:"),
                text,
            )
            if not ok:
                return
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            addresses: list[Path | str] = [line for line in lines if is_url(line)]
            others = [line for line in lines if not is_url(line)]
            if others:  # never read as a file named so in the program's folder
                box = message_box(
                    self,
                    QMessageBox.Icon.Warning,
                    self.tr("Import web addresses"),
                    counted(
                        self.tr(
                            "%n line(s) left out: not a web address (http or https). The first: %1",
                            "",
                            len(others),
                        ),
                        len(others),
                        self.timeline.label_style(),
                    ),
                    values=[shown_part(others[0], 200)],
                )
                if not addresses:
                    box.exec()  # then the lines again, to be mended
                    continue
                box.open()
            if addresses:
                self.import_paths(addresses)
            return

    def import_clipboard(self) -> None:
        """What the clipboard holds: its links and files imported as a drop's are, else
        its text (or, without text, a picture, read by OCR, or its page) as an article.  The text is kept as a file
        beside the library (pasted/, named by the time), which the article's origin names:
        a copied article keeps its source, as an imported file does."""
        from timeline.ingest.fetch import is_url

        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        page = mime.html() if mime is not None and mime.hasHtml() else ""
        # A picture (a screenshot of an article, copied): read by OCR where it can be.
        picture = _png_of(mime.imageData()) if mime is not None and mime.hasImage() else b""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        sources: list[Path | str] = []
        if mime is not None and mime.hasUrls():  # files copied in a file manager, links
            sources = self._dropped_sources(mime)
        elif lines and all(is_url(line) for line in lines):  # addresses, one a line
            sources = list(lines)
        if sources:
            self.import_paths(sources)
            return
        if not text.strip() and not page.strip() and not picture:
            self.statusBar().showMessage(
                self.tr("The clipboard holds no text, page, picture or link to import"), 10_000
            )
            return
        if self.store.read_only is not None:
            self.statusBar().showMessage(
                self.tr("This library is read-only: nothing can be imported into it"), 10_000
            )
            return
        if self._import_thread is not None or self._writer_thread() is not None:
            self.import_paths([])  # says what runs; nothing is kept meanwhile
            return
        folder = self.store.path.parent / "pasted"
        from timeline.library import keep_pasted  # the importers load with the first import

        try:
            if text.strip():  # its format by how it begins (JSON Lines, a page, Markdown...)
                path = keep_pasted(folder, text.encode("utf-8"))
            elif picture:  # before its page: a copied picture's page is its <img> alone
                path = keep_pasted(folder, picture, ".png")
            else:
                path = keep_pasted(folder, page.encode("utf-8"), ".html")
        except OSError as exc:
            message_box(
                self,
                QMessageBox.Icon.Warning,
                self.tr("Import from the clipboard"),
                self.tr("The pasted text could not be kept in %1: %2"),
                values=[str(folder), os_reason(exc)],
            ).open()
            return
        self._pasted = path  # removed at the end if no article comes of it
        self.import_paths([path])

    def _drop_unread_paste(self, report: ImportReport | None) -> None:
        """The clipboard's file removed when its import stored no article of it (a
        picture with no text read in it): library.drop_unread_paste."""
        if self._pasted is not None:
            from timeline.library import drop_unread_paste

            drop_unread_paste(self.store, self._pasted, report)
            self._pasted = None

    @staticmethod
    def _dropped_sources(mime: QMimeData) -> list[Path | str]:
        """Files and folders (local URLs) and web addresses (http, https) in a drop."""
        sources: list[Path | str] = []
        for url in mime.urls():
            if url.isLocalFile():
                sources.append(Path(url.toLocalFile()))
            elif url.scheme().lower() in ("http", "https"):
                sources.append(url.toString())
        if not sources and mime.hasText():  # a link dragged as text
            from timeline.ingest.fetch import is_url

            sources = [line.strip() for line in mime.text().splitlines() if is_url(line)]
        return sources

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_sources(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        sources = self._dropped_sources(event.mimeData())
        if sources:
            event.acceptProposedAction()
            self.import_paths(sources)

    def store_held_by(self) -> str | None:
        """Why the window's own long write holds the store (an edit meanwhile would wait
        for it, then fail as if another program held it), or None."""
        if self.watcher.file_replaced:
            return self.tr("the library's file was deleted or replaced: open it again")
        if self._import_thread is not None:
            return self.tr("an import is writing the store: try again when it ends")
        if self.recompute.running_thread() is not None:
            return self.tr("the dates are being read again: try again when that ends")
        if self.removal.running_thread() is not None:
            return self.tr("articles are being removed: try again when that ends")
        return None

    def _writer_thread(self) -> QThread | None:
        """The window's long write other than an import (a recompute, a removal), if one runs."""
        return self.recompute.running_thread() or self.removal.running_thread()

    def store_read_failed(self, message: str) -> None:
        """Say that a read of the store failed (for the window's helpers)."""
        self._store_failed(message)

    def import_paths(self, paths: list[Path | str]) -> None:
        """Import on a worker thread with a progress dialog; the store stays readable."""
        if self.watcher.file_replaced:  # the worker would open the file there now
            self.statusBar().showMessage(
                self.tr("Not imported: the library's file was deleted or replaced"), 10_000
            )
            self._drop_unread_paste(None)
            return
        if self._import_thread is not None or self._writer_thread() is not None:
            self.statusBar().showMessage(
                self.tr("An import is running: wait for it to finish or cancel it")
                if self._import_thread is not None
                else self.tr("The dates are being read again: import when that ends")
                if self.recompute.running_thread() is not None
                else self.tr("Articles are being removed: import when that ends"),
                10_000,
            )
            return
        worker = ImportWorker(self.store.path, paths)
        self._progress = QProgressDialog(self)
        # File names are untrusted too: the dialog's own label would guess rich text.
        self._progress.setLabel(plain_label(self._progress, self.tr("Importing…")))
        self._progress.setCancelButtonText(self.tr("Cancel"))
        self._progress.setRange(0, 0)
        # Wide enough for a file's name and its page count: a dialog that grows with the
        # count's digits moves under the pointer while one reaches for Cancel.
        self._progress.setMinimumWidth(self._progress.fontMetrics().averageCharWidth() * 56)
        self._progress.setWindowTitle(self.tr("Importing articles"))
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        # Direct: the worker's thread runs no event loop while it imports, so a queued
        # call would only arrive after the import had finished.
        self._progress.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
        # Bound methods of this window: Qt queues the worker's signals to the GUI thread.
        worker.progressed.connect(self._import_progressed)
        worker.paged.connect(self._import_paged)
        worker.finished.connect(self._show_import_report)
        worker.failed.connect(self._show_import_error)
        self.import_worker = worker
        self._import_thread = start_in_thread(worker, self, ended=self._import_ended)

    def _import_progressed(self, done: int, total: int, name: str) -> None:
        # Until the first article is in, a busy bar rather than 0%: a long PDF or a page
        # read by OCR is one article, and a bar at 0% for a minute reads as stuck.
        self._progress.setMaximum(total if done else 0)
        self._progress.setValue(done)
        # The name isolated: "01625.txt" in the Arabic line read "txt.01625".
        shown = f"\u2068{for_display(name)}\u2069"  # FIRST STRONG ISOLATE ... PDI
        if not done:
            self._progress.setLabelText(self.tr("Importing %1").replace("%1", shown))
            return
        # The count of what is read, as the command line shows it: a file of thousands
        # of articles is one name for minutes, and the bar's total is an estimate.
        self._progress.setLabelText(
            self.tr("Importing %1: %2 articles read")
            .replace("%2", group_number(done, self.timeline.label_style()))
            .replace("%1", shown)
        )

    def _import_paged(self, name: str, done: int, total: int, recognizing: bool) -> None:
        # A PDF of hundreds of pages, or its scans read by OCR, is one article: its pages
        # are what moves, and the bar counts them until the article is in.
        self._progress.setMaximum(max(total, 1))
        self._progress.setValue(min(done, total))
        style = self.timeline.label_style()
        shown = f"\u2068{for_display(name)}\u2069"
        text = (
            self.tr("Recognizing the text of %1: scanned page %2 of %3")
            if recognizing
            else self.tr("Reading %1: page %2 of %3")
        )
        # The numbers first: a file named "%2.pdf" stays so named.
        self._progress.setLabelText(
            text.replace("%2", group_number(done + 1, style))
            .replace("%3", group_number(total, style))
            .replace("%1", shown)
        )

    def _import_ended(self) -> None:
        self._progress.reset()
        release_ended(self._import_thread)
        self._import_thread = None
        if self._closed:
            return
        self.reload()
        said, self._said_after_import = self._said_after_import, None
        if said is not None:  # after reload(), which writes the counts there
            self.statusBar().showMessage(said, 10_000)

    def _show_import_report(self, report: ImportReport) -> None:
        if self._closed:
            return
        self._drop_unread_paste(report)
        self.last_import = report if report.added else None
        self.remove_import_action.setEnabled(self.last_import is not None)
        self.import_finished.emit(report)
        if report.cancelled:
            self._said_after_import = self._cancelled_summary(report)
            return
        text, details = self._import_summary(report)
        if details:
            icon = QMessageBox.Icon.Warning if report.failed else QMessageBox.Icon.Information
            message_box(self, icon, self.tr("Import"), text, "\n".join(details)).open()
        else:
            self.statusBar().showMessage(text, 10_000)

    def _cancelled_summary(self, report: ImportReport) -> str:
        """What a cancelled import kept, as a cancelled export, recompute or removal says
        it: "Import cancelled" alone left a user who saw 4,000 articles read find none,
        and not know why; and what it kept is the last import's, which the Edit menu
        takes back."""
        if not report.added:
            return self.tr("Import cancelled: no article was added")
        return counted(
            self.tr(
                "Import cancelled: %n article(s) kept (removable from the Edit menu)",
                "",
                report.added,
            ),
            report.added,
            self.timeline.label_style(),
        )

    def _import_summary(self, report: ImportReport) -> tuple[str, list[str]]:
        """The import's counts in a line, and a line for each file that lost anything
        (failed, records skipped, undated, bytes replaced, nothing in it, not read): all
        that `timeline import` reports, so that nothing is dropped without a word.  Counts
        are grouped and in the chosen digits, as the status bar writes them."""
        style = self.timeline.label_style()

        def number(n: int) -> str:
            return group_number(n, style)

        def many(translated: str, n: int) -> str:
            # A count's noun agrees with it ("1 record skipped", not "1 records
            # skipped"): `translated` is the phrase Qt chose for n, counted before any
            # name or reason is put in, so that a digit in a file's name is never n.
            return counted(translated, n, style)

        failed = len(report.failed)
        counts = [
            many(self.tr("%1 added, %2 already stored, %n failed file(s)", "", failed), failed)
            .replace("%1", number(report.added))
            .replace("%2", number(report.duplicates))
        ]
        details = []
        empty = 0
        for result in report.files:
            name = _one_line(result.name)
            if result.error is not None:
                details.append(f"{name}: {reason_in_interface_language(result.error)}")
                continue
            if result.rejected:
                n = result.rejected
                details.append(
                    many(
                        self.tr(
                            "%1: skipped %n record(s) that cannot be read as an article: %3", "", n
                        ),
                        n,
                    )
                    .replace("%1", name)
                    .replace(
                        "%3",
                        self.tr("; ").join(map(reason_in_interface_language, result.rejections)),
                    )
                )
            if result.undated:
                n = result.undated
                details.append(
                    many(self.tr("%1: %n article(s) without a readable date", "", n), n).replace(
                        "%1", name
                    )
                )
            if result.untitled:
                n = result.untitled
                details.append(
                    many(
                        self.tr(
                            "%1: %n article(s) without a title, each named by its first line", "", n
                        ),
                        n,
                    ).replace("%1", name)
                )
            if result.notes_kept:
                n = result.notes_kept
                details.append(
                    many(
                        self.tr(
                            "%1: %n article(s) already had a note of their own,"
                            " kept instead of the file's",
                            "",
                            n,
                        ),
                        n,
                    ).replace("%1", name)
                )
            if result.left_out:
                details.append(
                    self.tr(
                        "%1: %2 of your values in it (events added by hand, corrected dates)"
                        " were left out: their dates or places no longer read"
                    )
                    .replace("%1", name)
                    .replace("%2", number(result.left_out))
                )
            if result.unread_scans:
                details.append(
                    self.tr(
                        "%1: %2 scanned page(s) were not read: install Tesseract with its"
                        " Arabic and Poppler's pdftoppm to have them recognized"
                    )
                    .replace("%1", name)
                    .replace("%2", number(result.unread_scans))
                )
            if result.replaced:
                details.append(
                    self.tr("%1: %2 byte(s) were not valid %3 and were stored as U+FFFD")
                    .replace("%1", name)
                    .replace("%2", number(result.replaced))
                    .replace("%3", result.encoding)
                )
            if not (result.added or result.duplicates or result.rejected):
                empty += 1
                details.append(self.tr("%1: no articles in it").replace("%1", name))
        details.extend(
            self.tr("%1: not in a format this program reads").replace("%1", _one_line(path.name))
            for path in report.skipped
        )
        details.extend(
            self.tr("%1: no files in this folder (hidden ones are not read)").replace(
                "%1", _one_line(path.name)
            )
            for path in report.empty
        )
        if report.rejected:
            n = report.rejected
            counts.append(many(self.tr("%n record(s) skipped", "", n), n))
        if report.undated:
            counts.append(
                self.tr("%1 without a readable date").replace("%1", number(report.undated))
            )
        if empty:
            counts.append(many(self.tr("%n file(s) with no articles", "", empty), empty))
        if report.skipped:
            n = len(report.skipped)
            counts.append(many(self.tr("%n file(s) not read", "", n), n))
        return self.tr(", ").join(counts) + ".", details

    def _show_import_error(self, message: str) -> None:
        if self._closed:
            return
        self._drop_unread_paste(None)
        if message == ImportWorker.CANCELLED:  # failed while being cancelled
            self._said_after_import = self.tr(
                "Import cancelled: the file being read was not stored;"
                " the files read before it were. Import it again to finish"
            )
            return
        text, values = for_message_box("%1", message)
        box = message_box(
            self, QMessageBox.Icon.Critical, self.tr("Import failed"), text, values=values
        )
        box.open()
        self.import_failed.emit(message)

    def reload(self) -> None:
        """Show what the store holds now (after an import or a re-computation)."""
        self._pane_kept = None  # the article shown may have changed: read again
        self.watcher.shown()
        self._earliest = None
        self._keeping_place(self.model.reload)
        self._count_articles()
        self._update_status()
        if self.search is not None:
            self.run_search(self.search)
        self.load_timeline()
        self.store_changed.emit()

    def reload_keeping_row(self) -> None:
        """reload(); where the article shown has gone (removed), the first of those after
        it in the list that is still there is shown (rows above it may have gone too),
        else the one at its row, or none when the list is empty."""
        row = max(self.list.currentIndex().row(), 0)
        after = range(row + 1, min(row + 1 + _FOLLOWING_KEPT, self.model.rowCount()))
        following = [self.model.index(r).data(ArticleIdRole) for r in after]
        self.reload()
        if self.list.currentIndex().isValid():
            return
        for article_id in following:
            if article_id is not None and self.model.row_of(int(article_id)) is not None:
                self.select_article(int(article_id))
                return
        rows = self.model.rowCount()
        if rows:
            self.list.setCurrentIndex(self.model.index(min(row, rows - 1)))
        else:
            self.detail.show_article(None, [])

    def _watch_waits(self) -> bool:
        """Whether a look at the store for other programs' writes waits: the window's
        own write runs (it reloads when it ends), or a dialog is open (a question about
        the article shown, an edit of it)."""
        return (
            self._closed
            or self.store_failure is not None
            or self.store_held_by() is not None
            or self.edits.controller.busy
            or QApplication.activeModalWidget() is not None
        )

    def _changed_elsewhere(self) -> None:
        # The list and the timeline are read again in the background (reload), and the
        # user's edits laid over the new arrays when they come, not over the old ones.
        self.reload_keeping_row()
        self.show_user_edits([])
        changed = self.tr("The library was changed by another program: shown as it is now")
        not_saved = self.edits.failure_shown()
        if not_saved is None:
            self.statusBar().showMessage(changed, 10_000)
        else:
            # An edit not written stays said (it replaced "Not saved: ...", and the user
            # lost the news), the change after it.
            self.statusBar().showMessage(f"{not_saved} · {changed}", FAILURE_SHOWN_MS)
        self.date_changed_articles()

    def date_changed_articles(self) -> bool:
        """Read again the dates of the articles whose text another program changed (a
        body corrected in Datasette kept its old mentions), and of those whose mentions
        an earlier version left counting from the computed date where the user gave
        one (Store.given_dates_to_follow), on the recompute's worker; whether that
        started.  Not while the window writes, nor into a library it may
        not write: they wait for the next look."""
        if (
            self._closed
            or self.store_failure is not None
            or self.store.read_only is not None
            or self.store_held_by() is not None
        ):
            return False
        try:
            changed = self.store.changed_article_ids()
            # Corrected by an earlier version, their mentions still on the computed date.
            to_follow = self.store.given_dates_to_follow()
        except STORE_ERRORS as exc:
            self._store_failed(str(exc))
            return False
        if not changed and not to_follow:
            return False
        self.recompute.start(changed_only=True, given_only=not changed)
        return True

    def _library_replaced(self) -> None:
        """The file at the library's path is not the one this window reads (deleted, or a
        new library made there): said once; nothing more is written from this window,
        whose writers would open the path anew.  Opened again, it is the file there now."""
        path = self.store.path
        box = message_box(
            self,
            QMessageBox.Icon.Warning,
            self.tr("News Timeline"),
            self.tr(
                "The library's file was deleted or replaced by another program:\n%1\n"
                "This window shows what the file held; nothing more can be changed from it."
            ),
            values=[str(path)],
        )
        if path.exists():
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            again = box.addButton(
                self.tr("Open the library again"), QMessageBox.ButtonRole.AcceptRole
            )
            again.clicked.connect(self._open_again)
        box.open()
        self.statusBar().showMessage(
            self.tr("The library's file was deleted or replaced by another program")
        )

    def _open_again(self) -> None:
        """This library's path in a new window (the file there now), and this one closed."""
        if self._start_window_on(self.store.path):
            self.close()

    def _layout_was_chosen(self) -> None:
        self._layout_chosen = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.upper
            and event.type() == QEvent.Type.Resize
            and not self._layout_chosen
            and isinstance(event, QResizeEvent)
        ):
            self._share_height(event.size().height())
        return super().eventFilter(watched, event)

    def _share_height(self, height: int) -> None:
        """Give the timeline, the window's subject, up to two fifths of the height.

        Stretch factors alone leave it only what the panes' size hints do not claim
        (120 px of 720). The panes below keep room to read an article first.
        """
        timeline = min(height * 2 // 5, height - _LOWER_ROOM)
        timeline = max(timeline, self.timeline.minimumSizeHint().height())
        self.upper.setSizes([timeline, max(height - timeline, 0)])

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for name, splitter in (("upper", self.upper), ("lower", self.lower)):
            state = settings.value(f"{_LAYOUT_KEY}/{name}")
            if isinstance(state, QByteArray) and splitter.restoreState(state):
                self._layout_chosen = True

    def showEvent(self, event: QShowEvent) -> None:
        self._closed = False  # shown again after a close: its workers' answers count
        # Start-up's objects out of the collector's full passes (memory.freeze_start_up):
        # here rather than in whatever opened the window, so that every way of opening
        # it has them out before its workers make the objects that set a pass off.
        freeze_start_up()
        self.watcher.start()
        super().showEvent(event)
        if not self._looked_for_changed:  # changed while the program was closed
            self._looked_for_changed = True
            QTimer.singleShot(0, self.date_changed_articles)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._splice_settled()  # a splice's worker reads the arrays: ended first
        if self._import_thread is not None:
            self.import_worker.cancel()
        self.recompute.cancel()  # rolled back: the store keeps the events it had
        self.removal.cancel()  # rolled back: every article stays
        self.exporter.cancel()  # its file not written (no FILE.XXXXXXXX.part left)
        # Edits asked for are kept; the pane is not read again for them.
        self.edits.controller.wait_written(_CLOSE_WAIT_MS, after_frame=False)
        if self._let_go is not None:
            self._let_go.set()  # the loader waits for it no more: it is waited for
        self.abandoned_threads = self._finish_threads(_CLOSE_WAIT_MS)
        self._closed = True
        self._stop_relocking()
        self.watcher.stop()
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue(f"{_LAYOUT_KEY}/upper", self.upper.saveState())
        settings.setValue(f"{_LAYOUT_KEY}/lower", self.lower.saveState())
        super().closeEvent(event)

    def _finish_threads(self, budget_ms: int) -> list[QThread]:
        """Wait at most `budget_ms` for the worker threads; return those still running.

        A worker may be stuck in one long statement or file.  The window does not wait
        for it: the thread is detached from the window (deleting a running QThread
        aborts the process) and the caller lets the process exit, which rolls back
        whatever the worker had not committed.
        """
        deadline = QDeadlineTimer(budget_ms)
        running = []
        threads = (
            self._import_thread,
            self._loader_thread,
            self._search_thread,
            self._counter_thread,
            self.edits.legend.running_thread(),
            self.exporter.running_thread(),
            self.recompute.running_thread(),
            self.removal.running_thread(),
            self.edits.controller.running_thread(),
            self.detail.stop_reading(),
        )
        for thread in threads:
            if thread is not None and not thread.wait(deadline):
                thread.setParent(None)
                _DETACHED_THREADS.append(thread)
                running.append(thread)
        return running


@dataclass(frozen=True)
class _Shown:
    """What show_user_edits worked out of an edit for _edit_shown."""

    changes: list[user_edits.Change] | None
    stale: np.ndarray | None
    touched: set[int]
    hid: set[int]
    showed: set[int]
    before: object  # the list's current article id, or None


@dataclass
class _Splicing:
    """An edit's splice on its worker, and what is shown of the edit once it ends."""

    worker: SpliceWorker
    edit: _Shown
    thread: QThread | None = None


_WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


# A year alone, in any digits: the Hijri and the Gregorian calendar both have it.
_BARE_YEAR = re.compile(r"\s*([0-9\u0660-\u0669\u06f0-\u06f9]{1,4})\s*")
# The Gregorian era written in English after a year: the Arabic rules read م.
_COMMON_ERA = re.compile(r"(?<=[0-9\u0660-\u0669\u06f0-\u06f9])\s*(?:C\.?E|A\.?D)\b\.?", re.I)


def _bare_year(text: str) -> int | None:
    match = _BARE_YEAR.fullmatch(text)
    return int(match[1].translate(_WESTERN_DIGITS)) if match else None


def _iso_day(text: str) -> int | None:
    """The axis second of a day typed as ISO 8601 (YYYY-MM-DD), any year from 1 to 9999.

    Reading article text bounds a year to 1000-2200 (a smaller number is rarely a year
    there), so "0079-08-24" was not a date to go to, though the timeline shows Vesuvius's
    eruption on it (from "24 أغسطس 79م"): typed on purpose, a day is a day.
    """
    try:
        day = date.fromisoformat(text.strip().translate(_WESTERN_DIGITS))
    except ValueError:
        return None
    return to_axis(datetime(day.year, day.month, day.day))


def _one_line(name: str) -> str:
    """A file's name on one line of the import report: a line break or a control in it
    shown as a symbol (a name holding a newline began a line of its own)."""
    return visible_controls(name, keep_newlines=False)


def _png_of(image: object) -> bytes:
    """A clipboard's image as PNG bytes (b"" if it holds none)."""
    if not isinstance(image, QImage) or image.isNull():
        return b""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
