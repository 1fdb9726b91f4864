"""The zoomable timeline of events: one custom-painted widget over numpy arrays."""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from functools import partial

import numpy as np
from bidi import get_base_level
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QNativeGestureEvent,
    QPaintEngine,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from timeline.model import from_axis, to_axis
from timeline.sorted_search import position, positions
from timeline.store.store import Store
from timeline.store.timeline_data import (
    KIND_NAMES,
    MENTIONED,
    PUBLISHED,
    DensitySummary,
    EventArrays,
    EventText,
    RangeMarks,
    RowSplice,
    event_labels,
    load_event_arrays,
)
from timeline.text.display_safe import for_display, isolated
from timeline.timescale import (
    DAY,
    YEAR,
    LabelStyle,
    TickSet,
    Viewport,
    axis_of_date,
    format_hijri,
    format_span,
    ticks_for,
)
from timeline.ui.date_text import counted, group_number
from timeline.ui.hit_marks import HitMarks
from timeline.ui.hit_marks import rows_of_articles as _of_articles
from timeline.ui.hit_marks import taken_out as _taken_out
from timeline.ui.hit_marks import true_rows as _true_rows
from timeline.ui.timeline_cache import EventTexts, LaidOutText, TextCache, TextImages, lay_out
from timeline.ui.timeline_geometry import (
    ERA_ROW_PX,
    FollowedLanes,
    Frame,
    LanePlan,
    Metrics,
    build_frame,
    crowded,
    density_bucket,
    density_bucket_index,
    frame_after_splice,
    hit_test,
    rows_by_code,
    summary_frame,
)
from timeline.ui.timeline_paint import (
    Look,
    TextSource,
    cached_text,
    overflow_count_rect,
    paint_axis,
    paint_density,
    paint_density_counts,
    paint_eras,
    paint_focus_frame,
    paint_grid,
    paint_items,
    paint_labels,
    paint_lane_scroll,
    paint_legend,
    paint_overflow,
    paint_overflow_count,
    paint_selection_marker,
)

LabelSource = Callable[[Sequence[int]], Mapping[int, Sequence[str]]]

# Labels laid out per pass of the idle-time filler, and tick/legend texts a paint may
# lay out itself before it leaves the rest for the next frame.
LABEL_BATCH = 64
TEXT_BUDGET_PER_FRAME = 48
WHEEL_STEP = 1.25
KEY_ZOOM = 1.5
DRAG_THRESHOLD = 4
# Fit all leaves this much free at each end (pixels, or a fraction of the width if more)
# so the first and last markers sit clear of the edges.
FIT_MARGIN_PX = 40
FIT_MARGIN = 0.04
GO_TO_MARGIN = 0.02


# What the keys of [ and ] type in the Arabic layouts (X11's "ara", Windows' Arabic 101)
# and the Persian one: previous (-1) and next (1) event, as [ and ].
_BRACKET_LETTERS = {"\u062c": -1, "\u062f": 1, "\u0686": 1}  # ج د چ
# The timeline's keys as its help names them (key_help).
_ZOOM_KEYS = (Qt.Key.Key_Plus, Qt.Key.Key_Minus)
_PAN_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right)
_PAGE_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
_STEP_KEYS = (Qt.Key.Key_BracketRight, Qt.Key.Key_BracketLeft)
_LANE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down)


# Rows taken out past which a splice's marks are cut by np.delete (a mask of every row
# and an index of it) rather than joined from the slices between them.
_FEW_OUT = 64


def _without_rows(column: np.ndarray, out: np.ndarray) -> np.ndarray:
    """column less the rows out (sorted): a copy.  A few joined from the slices between
    them (one copy: 0.6 ms of 7,604,961 marks, where np.delete took 6-7)."""
    if not len(out):
        return column.copy()
    if len(out) > _FEW_OUT:
        return np.delete(column, out)
    bounds = [-1, *out.tolist(), len(column)]
    return np.concatenate([column[a + 1 : b] for a, b in itertools.pairwise(bounds)])


def _rows_after_taking_out(rows: np.ndarray, out: np.ndarray, in_place: bool = False) -> np.ndarray:
    """rows (sorted row numbers) as rows of arrays made by taking the rows out (sorted)
    and putting none in: those taken out dropped, the rest moved back by the rows taken
    out before them (each slice between two taken out moved by one subtraction).
    in_place: written over rows' own buffer (a few rows out: _taken_out)."""
    if not len(out):
        return rows if in_place else rows.copy()
    found = positions(rows, out)
    inside = found < len(rows)
    listed = found[inside][rows[found[inside]] == out[inside]]  # where in rows
    kept = _taken_out(rows, listed) if in_place else _without_rows(rows, listed)
    cuts = [*positions(kept, out, side="right").tolist(), len(kept)]
    for shift, (a, b) in enumerate(itertools.pairwise(cuts), start=1):
        kept[a:b] -= shift
    return kept


class TimelineView(QWidget):
    """Articles' publications and the dates they mention, on one zoomable time axis.

    Time runs right to left when the widget's layoutDirection is RightToLeft (an
    Arabic interface) unless set_time_direction() says otherwise.  Publications are
    blue circles, mentioned dates orange diamonds, ranges orange bars; a legend along
    the top says so.  Ranges far longer than the view are thin bars in an era band
    under the legend.  When more than DENSITY_THRESHOLD events are in view a density
    band with a scale stands in for the items (hover a bucket for its count and dates).
    Lanes past the height scroll; events in no lane shown are ticks on a strip above
    the axis, with a '+N' chip that lists them when clicked.  Labels stay whole inside
    the widget (one near the far edge goes before its marker), and the selected event,
    when in view, always has a lane and its label.

    Mouse: wheel zooms about the cursor (a horizontal wheel pans), drag pans, click
    selects, double-click zooms in about the point, pinch (ZoomNativeGesture) zooms,
    hovering shows the full title and date.

    Keys:
        Left / Right            pan an eighth of the width (the view moves that way)
        Page Up / Page Down     pan most of a screen towards earlier / later time
        ] / [                   select the next / previous event in time (among the
                                highlighted ones while a highlight is set)
        + (or =) / -            zoom in / out about the centre
        Home                    fit all events
        Down / Up               scroll the lanes (also Shift and the wheel)
        Escape                  clear the selection

    Signals: event_selected(event_id, article_id) when the user picks an event (click,
    ] or [); select_article() and select_event() come from elsewhere and do not echo
    it.  event_menu_requested(event_id, global_pos): a right click on an event, or the
    menu key on the selected one.  zoom_changed(seconds_per_pixel) when the scale changes; viewport_changed(
    earlier_edge, later_edge) in axis seconds after any pan or zoom.
    """

    event_selected = Signal(int, int)
    event_menu_requested = Signal(int, QPoint)
    zoom_changed = Signal(float)
    viewport_changed = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._arrays = EventArrays()
        # The store's events per day, drawn as a density band until the events come.
        self._summary: DensitySummary | None = None
        self._label_source: LabelSource | None = None
        self._texts = EventTexts()
        self._labels: TextCache[int] = TextCache(4000)
        self._strings: TextCache[str] = TextCache(2000)
        self._small_strings: TextCache[str] = TextCache(200)
        self._images = TextImages()
        self._count_rect: QRectF | None = None  # where the overflow count was painted
        self._plan = LanePlan()
        self._vp = Viewport(to_axis(datetime(2000, 1, 1)), 10 * YEAR, max(self.width(), 1))
        self._time_direction: Qt.LayoutDirection | None = None
        self._style: LabelStyle | None = None
        self._highlight: np.ndarray | None = None
        self._codes: np.ndarray | None = None  # colouring by tag or source (set_colouring)
        self._palette: list[QColor] = []
        self._code_names: list[str] = []
        self._code_rows: list[np.ndarray] | None = None  # _rows_by_code, made once
        self._highlight_rows: np.ndarray | None = None
        self._highlight_given: object = None  # the ids set_highlight was given
        # _highlight_rows holds the rows not highlighted (when hits are the most rows).
        self._highlight_others = False
        self._marks: RangeMarks | None = None  # _range_marks
        # The shown article ids' lowest and highest, kept until other arrays are shown
        # (a new search's highlight over the same events does not read them again).
        self._article_bounds: tuple[int, int] | None = None
        self._highlight_version = 0
        self._selected_row: int | None = None
        self._lane_scroll = 0
        self._reveal_selected = False
        self._frame_key: tuple | None = None
        self._frame: Frame | None = None
        self._ticks_key: tuple | None = None
        self._ticks: TickSet | None = None
        self._metrics_key: tuple | None = None
        self._metrics: Metrics | None = None
        self._wanted: list[int] = []
        self._fill_scheduled = False
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._dragged = False
        self._fit_pending = True
        # Which fit _fit_pending follows: the articles' days (fit_home), or every event.
        self._fit_home = True
        self._warming = False  # a slice of the arrays' length classes is scheduled
        self._sync_direction()

    # -- data -------------------------------------------------------------------

    def set_data(self, arrays: EventArrays, labels: LabelSource | None = None) -> None:
        """Show these events; `labels` maps event ids to EventText (or its first fields).

        The view fits the days the articles were published in (fit_home), unless the user
        zoomed or panned the density band drawn from the summary meanwhile: then it stays
        where the user took it."""
        keep_view = self._summary is not None and not self._fit_pending
        self._arrays = arrays
        self._marks = None  # of the arrays before: not kept until the next frame
        self._article_bounds = None
        self._summary = None
        self._label_source = labels
        self._codes = self._code_rows = None
        self._texts.clear()
        self._labels.clear()
        self._plan.clear()
        self._selected_row = None
        self.setAccessibleDescription("")
        self._highlight = None
        self._highlight_rows = None
        self._highlight_version += 1
        self._frame_key = None
        if keep_view:
            self.update()
        else:
            self._refit()
        self._warm_arrays()

    def show_summary_instead(self, summary: DensitySummary) -> None:
        """Let the events drawn go and draw summary's density band where the view is,
        until set_data brings the events again, which then stay where the view is (the
        window's one copy let go while the events are loaded again: never two copies)."""
        fit = self._fit_pending, self._fit_home
        self.set_data(EventArrays())  # nothing to fit: the view stays
        self._fit_pending, self._fit_home = fit
        self.set_summary(summary)

    def set_summary(self, summary: DensitySummary) -> None:
        """Draw the store's events per day as a density band until set_data brings the
        events (a store of millions shows its shape before its rows are read).  Ignored
        once events are shown: they say more than the summary."""
        if len(self._arrays):
            return
        self._summary = summary
        self._frame_key = None
        if self._fit_pending:
            self._refit()
        self.update()

    def _span(self) -> tuple[int, int] | None:
        span = self._arrays.span
        if span is None and self._summary is not None:
            span = self._summary.span
        return span

    def _home_span(self) -> tuple[int, int] | None:
        if self._arrays.span is not None:
            return self._arrays.home_span
        if self._summary is not None:
            return self._summary.home or self._summary.span
        return None

    def replace_data(
        self, arrays: EventArrays, stale: Iterable[int] = (), lanes: FollowedLanes | None = None
    ) -> None:
        """The same events after an edit: the view, the selected event and the labels
        laid out stay, but for the events in stale (ids), whose texts are read again.

        The highlight and the colouring are the caller's to set again when the arrays
        are new ones (rows moved).  lanes: the lanes followed for arrays already, by
        lane_follower's function (taken if the lanes packed are still those it read).
        """
        # A set, each cache searched from its smaller side: one id at a time took 21 ms
        # for a long article's 35,000 stale ids, on the GUI thread.
        gone = {int(event_id) for event_id in stale}
        self._texts.discard_all(gone)
        drawn = self._labels.discard_all(gone)  # a stale label laid out (maybe on screen)
        if arrays is self._arrays and not drawn:
            return
        kept: Frame | None = None  # the frame shown, when the edit changed nothing in it
        if arrays is not self._arrays:
            selected = self.selected_event()
            row: int | None = None
            splice = arrays.origin
            marks: tuple[np.ndarray, bool, np.ndarray] | None = None
            if splice is not None and splice.source() is self._arrays:
                # Spliced from what is shown (an edit): the lanes stay, the rows follow.
                if self._frame is not None and self._frame_key == self._frame_key_now():
                    kept = frame_after_splice(self._frame, splice)
                self._plan.follow(arrays, splice, lanes)
                if self._selected_row is not None:
                    row = int(splice.map_rows(np.array([self._selected_row]))[0])
                marks = self._marks_after_splice(arrays, splice)
            else:
                self._plan.clear()
            self._arrays = arrays
            self._marks = None  # of the arrays before: not kept until the next frame
            self._article_bounds = None
            self._summary = None
            self._codes = self._code_rows = None
            self._highlight = self._highlight_rows = None
            if marks is not None:  # the search's marks followed the rows: no pass here
                self._highlight, self._highlight_others, self._highlight_rows = marks
            self._highlight_version += 1
            if row is not None and row < 0 and splice is not None and splice.out_ids is not None:
                # Taken out by the edit: put back in (a correction moved it), or gone.  Its
                # id as the edit read it (the arrays before may be spent: written over).
                assert self._selected_row is not None
                taken = splice.out_ids[np.searchsorted(splice.out, self._selected_row)]
                again = splice.placed[arrays.ids[splice.placed] == taken]
                row = int(again[0]) if len(again) else None
            elif row is None and selected is not None:  # no splice: found by its id
                rows = np.flatnonzero(arrays.ids == selected)
                row = int(rows[0]) if len(rows) else None
            self._selected_row = row if row is None or row >= 0 else None
            self._warm_arrays()
            self._frame_key = None
            if kept is not None:  # no lanes packed nor labels placed again
                self._frame = kept
                self._frame_key = self._frame_key_now()
        # Same arrays (a title, an added event's label): the frame stays, texts go.
        self.update()

    def _marks_after_splice(
        self, arrays: EventArrays, splice: RowSplice
    ) -> tuple[np.ndarray, bool, np.ndarray] | None:
        """The search's marks (mask, others, rows) on arrays spliced from those shown:
        the rows kept keep their marks, the rows put in are marked by their articles.
        Made again from the hits a pass over every row's article (a table of the ids,
        then the rows marked: 80-95 ms of the GUI thread after an edit at 7,604,961
        events under a word in most articles); followed, a copy of the marks and the
        rows found in it.  None when there is no highlight to follow."""
        mask, given = self._highlight, self._highlight_given
        if mask is None or given is None or len(mask) != len(self._arrays):
            return None
        placed = arrays.article_ids[splice.placed]
        placed_hits = np.zeros(len(placed), dtype=bool)
        if len(placed):  # (none for a hide: no pass over the hits to see them sorted)
            hits = given if isinstance(given, np.ndarray) else np.asarray(list(given))
            if hits.dtype.kind not in "iu":
                return None
            if len(hits) > 1 and not bool(np.all(hits[1:] >= hits[:-1])):
                hits = np.sort(hits)
            found = positions(hits, placed)
            inside = found < len(hits)
            placed_hits[inside] = hits[found[inside]] == placed[inside]
        # Rows only taken out, a few (a hide): the marks written over their own buffer
        # (the mask is the view's alone, made for the arrays before).  Copied, they took
        # fresh pages when the heap had just been given back (a reload in a big
        # library): 75 ms of a hide's 115 at 7,604,961 events, in page faults.
        in_place = not len(splice.at) and len(splice.out) <= _FEW_OUT
        kept = _taken_out(mask, splice.out) if in_place else _without_rows(mask, splice.out)
        if len(splice.at):  # (a copy of every mark: none when nothing was put in)
            where = splice.at - np.searchsorted(splice.out, splice.at)
            followed = np.insert(kept, where, placed_hits)
        else:
            followed = kept
        if len(followed) != len(arrays) or not np.array_equal(followed[splice.placed], placed_hits):
            return None  # not the splice's layout: made again by the caller
        rows = self._highlight_rows
        if not len(splice.at) and rows is not None:
            # Rows only taken out (a hide): the rows listed follow them, not found again
            # in the new marks (a pass over every row: 7-8 ms at 7,604,961 events), and
            # the marks are counted by them (a count of every mark: 1-2 ms there).
            listed = _rows_after_taking_out(rows, splice.out, in_place)
            unlisted = len(followed) - len(listed)
            marked = unlisted if self._highlight_others else len(listed)
            others = marked > len(followed) - marked
            if others == self._highlight_others:
                return followed, others, listed
        else:
            marked = int(np.count_nonzero(followed))
            others = marked > len(followed) - marked
        return followed, others, _true_rows(followed, invert=others)

    def lane_follower(self) -> Callable[[EventArrays, RowSplice], FollowedLanes | None]:
        """A function, to call on any thread, that follows the lanes packed now for
        arrays spliced from those shown (LanePlan.follower), for replace_data."""
        return self._plan.follower()

    def _warm_arrays(self) -> None:
        """Make the shown arrays' length classes a slice at a time while the window is
        idle (an edit's arrays come without them; frames meanwhile read every earlier
        range's end, as they did before the classes)."""
        if not self._warming and not self._arrays.warm_step():
            self._warming = True
            QTimer.singleShot(0, self._warm_step)

    @Slot()
    def _warm_step(self) -> None:
        self._warming = False
        self._warm_arrays()

    def set_colouring(
        self,
        codes: np.ndarray | None,
        palette: Sequence[QColor] = (),
        names: Sequence[str] = (),
    ) -> None:
        """Draw each event in palette[codes[row]] (-1: its kind's colour); None: by kind.
        names: what each code stands for (a tag, a source), for the density band's
        tooltip."""
        self._codes = codes
        self._palette = list(palette)
        self._code_names = list(names)
        self._code_rows = None  # worked out when a density band first needs them
        self.update()

    def _rows_by_code(self) -> list[np.ndarray] | None:
        """Each colour code's rows (timeline_geometry.rows_by_code), for a coloured
        density band; None when coloured by kind.  Made once a colouring (a radix sort
        of the codes: 30 ms at two million events), not once a frame."""
        if self._codes is None or not self._palette or len(self._codes) != len(self._arrays):
            return None
        if self._code_rows is None:
            self._code_rows = rows_by_code(self._codes, len(self._palette))
        return self._code_rows

    def load(self, store: Store) -> None:
        """Read the store's events (on this thread) and show them."""
        self.set_data(load_event_arrays(store), partial(event_labels, store))

    def article_bounds(self) -> tuple[int, int] | None:
        """The lowest and highest article id of the arrays drawn, when known (made by the
        first highlight: two passes over every event)."""
        return self._article_bounds

    def arrays(self) -> EventArrays:
        return self._arrays

    # -- settings ---------------------------------------------------------------

    def label_style(self) -> LabelStyle:
        """The axis label style: set explicitly, or Arabic/English by layout direction."""
        if self._style is not None:
            return self._style
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return LabelStyle(language="ar" if rtl else "en")

    def set_label_style(self, style: LabelStyle | None) -> None:
        self._style = style
        self._metrics_key = None
        self.updateGeometry()  # Hijri dates under the axis's give it two more lines
        self.update()

    def set_month_names(self, months: str) -> None:
        """'levant', 'egypt', 'gulf' or 'maghreb' (Arabic labels only)."""
        self.set_label_style(replace(self.label_style(), months=months))  # type: ignore[arg-type]

    def set_digits(self, digits: str) -> None:
        """'western' or 'arabic' (Arabic-Indic)."""
        self.set_label_style(replace(self.label_style(), digits=digits))  # type: ignore[arg-type]

    def set_hijri_labels(self, shown: bool) -> None:
        self.set_label_style(replace(self.label_style(), hijri=shown))

    def set_time_direction(self, direction: Qt.LayoutDirection | None) -> None:
        """Force the direction time runs in; None follows layoutDirection."""
        self._time_direction = direction
        self._sync_direction()

    def time_runs_right_to_left(self) -> bool:
        return self._vp.rtl

    def _sync_direction(self) -> None:
        direction = self._time_direction or self.layoutDirection()
        rtl = direction == Qt.LayoutDirection.RightToLeft
        if rtl != self._vp.rtl:
            self._vp = self._vp.with_rtl(rtl)
            self._frame_key = None
            self._ticks_key = None
        self._metrics_key = None
        self.update()

    # -- viewport ---------------------------------------------------------------

    def viewport(self) -> Viewport:
        return self._vp

    def set_viewport(self, vp: Viewport, *, fitted: bool = False) -> None:
        vp = replace(vp, width=float(max(self.width(), 1)), rtl=self._vp.rtl).clamped()
        self._fit_pending = fitted
        if vp == self._vp:
            return
        old = self._vp
        self._vp = vp
        if vp.span != old.span:
            self.zoom_changed.emit(vp.seconds_per_px)
        self.viewport_changed.emit(vp.start, vp.end)
        self.update()

    @Slot()
    def fit_home(self) -> None:
        """Show the days the articles were published in, where the view opens (Home):
        a news archive's mentions of history and of plans would otherwise squeeze its
        news into one bar.  Every event when no article is dated."""
        self._fit(self._home_span(), home=True)

    @Slot()
    def fit_all(self) -> None:
        """Show every event (Ctrl+0)."""
        self._fit(self._span(), home=False)

    def _refit(self) -> None:
        """The fit the view follows (see _fit_pending), again: new data, a new width."""
        if self._fit_home:
            self.fit_home()
        else:
            self.fit_all()

    def _fit(self, span: tuple[int, int] | None, *, home: bool) -> None:
        self._fit_home = home
        if span is None:
            self._fit_pending = True
            return
        width = max(self._vp.width, 1.0)
        margin = min(max(FIT_MARGIN, FIT_MARGIN_PX / width), 0.25)
        self.set_viewport(self._vp.fitted(span[0], span[1], margin=margin), fitted=True)

    def zoom_by(self, factor: float, x: float | None = None) -> None:
        """Zoom in by factor (< 1 zooms out) keeping the time under x in place."""
        self.set_viewport(self._vp.zoomed(factor, x))

    def pan_by(self, dx: float) -> None:
        """Move the content dx pixels to the right."""
        self.set_viewport(self._vp.panned(dx))

    def go_to(self, axis_seconds: float) -> None:
        """Centre the view on an axis time, keeping the zoom."""
        self.set_viewport(self._vp.centered_on(axis_seconds))

    def go_to_span(self, start: int, end: int | None = None) -> None:
        """Show a date to its own precision: [start, end) whole (a year, a month), else
        the day at start as go_to_date does."""
        if end is None or end <= start + DAY:
            self.go_to_date(from_axis(start))
        else:
            self.set_viewport(self._vp.fitted(start, end, margin=GO_TO_MARGIN))

    def go_to_date(self, day: date | datetime) -> None:
        """Centre on a day; from further out than a month, zoom to show about a week."""
        t = axis_of_date(day) if not isinstance(day, datetime) else to_axis(day)
        if self._vp.span > 31 * DAY:
            self.set_viewport(self._vp.fitted(t - 3 * DAY, t + 4 * DAY, margin=0.0))
        else:
            self.go_to(t)

    # -- selection and highlight -------------------------------------------------

    def selected_event(self) -> int | None:
        row = self._selected_row
        return None if row is None else int(self._arrays.ids[row])

    @Slot(int)
    def select_article(self, article_id: int, *, into_view: bool = True) -> bool:
        """Select the article's publication (else its first event) and bring it into view
        (unless into_view is False: the caller places the view).

        When the selected event already belongs to the article (the user clicked one of
        its mentions, and the window echoes the article back), nothing moves.
        """
        current = self._selected_row
        if current is not None and int(self._arrays.article_ids[current]) == article_id:
            return True
        rows = self._arrays.rows_of_article(article_id)
        if not len(rows):
            return False
        published = rows[self._arrays.kinds[rows] == PUBLISHED]
        row = int(published[0] if len(published) else rows[0])
        self._select_row(row, emit=False)
        if into_view:
            self._bring_into_view(row, zoom_in=True)
        return True

    def select_event(self, event_id: int) -> bool:
        rows = np.flatnonzero(self._arrays.ids == event_id)
        if not len(rows):
            return False
        self._select_row(int(rows[0]), emit=False)
        self._bring_into_view(int(rows[0]), zoom_in=True)
        return True

    def select_next(self, step: int = 1) -> None:
        """Select the next (step=1) or previous (step=-1) event in time."""
        n = len(self._arrays)
        if not n:
            return
        if self._highlight is not None and self._highlight_others:
            self._select_next_hit(step)
            return
        pool = self._highlight_rows
        current = self._selected_row
        if current is None:
            centre = self._vp.start + self._vp.span / 2
            current_pos = position(self._arrays.starts, centre) - (step > 0)
            if pool is not None:
                # Keys of the pool's own type (a Python int would have numpy convert the
                # whole pool to 64 bits for each search).
                key = pool.dtype.type(max(current_pos, 0))
                current_pos = int(np.searchsorted(pool, key)) - (step > 0)
        elif pool is not None:
            side = "right" if step > 0 else "left"
            current_pos = int(np.searchsorted(pool, pool.dtype.type(current), side=side))
            current_pos -= step > 0
        else:
            current_pos = current
        limit = len(pool) if pool is not None else n
        target = min(max(current_pos + step, 0), limit - 1)
        if limit == 0:
            return
        row = int(pool[target]) if pool is not None else target
        self._select_row(row, emit=True)
        self._bring_into_view(row, zoom_in=False)

    def _select_next_hit(self, step: int) -> None:
        """select_next through the highlighted rows, read from the mask (kept where the
        rows kept are the others): the first hit after the current row (step 1) or the
        last before it (-1), else the last (first) of all, as select_next steps a pool."""
        mask = self._highlight
        assert mask is not None
        current = self._selected_row
        if current is None:
            centre = self._vp.start + self._vp.span / 2
            at = position(self._arrays.starts, centre)
            after, before = max(at - 1, 0), at
        else:
            after, before = current + 1, current
        row = _first_true(mask, after) if step > 0 else _last_true(mask, before)
        if row is None:
            row = _last_true(mask, len(mask)) if step > 0 else _first_true(mask, 0)
        if row is None:
            return
        self._select_row(row, emit=True)
        self._bring_into_view(row, zoom_in=False)

    def clear_selection(self) -> None:
        self._selected_row = None
        self.setAccessibleDescription("")
        self.update()

    @Slot(object)
    def set_highlight(
        self, article_ids: Iterable[int] | None, marks: HitMarks | None = None
    ) -> None:
        """Mark the events of these articles (search hits) and dim the rest; None clears.
        marks: those events' marks made elsewhere (the search's worker), taken when made
        for the arrays drawn now (else made here)."""
        self._highlight_given = article_ids
        if article_ids is None:
            self._highlight = None
            self._highlight_rows = None
        elif (
            marks is not None
            and marks.arrays is self._arrays
            and len(marks.mask) == len(self._arrays)
        ):
            self._highlight = marks.mask
            self._highlight_others = marks.others
            self._highlight_rows = marks.rows
        else:
            ids = self._arrays.article_ids
            if self._article_bounds is None and len(ids):
                self._article_bounds = (int(ids.min()), int(ids.max()))
            self._highlight = _of_articles(ids, article_ids, self._article_bounds)
            # The fewer of the hit rows and the others (a word in most articles: at ten
            # million events 34 MB of hit rows, 4 MB of others).
            hits = int(np.count_nonzero(self._highlight))
            self._highlight_others = hits > len(ids) - hits
            self._highlight_rows = _true_rows(self._highlight, invert=self._highlight_others)
        self._highlight_version += 1
        self.update()

    def highlight_kept_for(self, article_ids: object) -> bool:
        """Whether the marks shown were made of these very ids (the same object) for the
        arrays drawn now, or followed to them through an edit's splice."""
        mask = self._highlight
        return (
            mask is not None
            and article_ids is self._highlight_given
            and len(mask) == len(self._arrays)
        )

    def highlight_narrowed(self, before: object, after: object) -> None:
        """The marks made of the ids `before` stand for `after`, those ids less some
        whose events are drawn no more (hidden articles): no pass to make them again."""
        if self._highlight_given is before:
            self._highlight_given = after

    def highlighted_events(self, article_ids: object) -> int | None:
        """How many events the highlight marks, when it was made of these very ids (the
        same object) for the events drawn now; else None (count them another way)."""
        if self._highlight is None or article_ids is not self._highlight_given:
            return None
        return int(np.count_nonzero(self._highlight))

    def _select_row(self, row: int, *, emit: bool) -> None:
        self._selected_row = row
        self._reveal_selected = True
        # What a screen reader says of the view: the event chosen (by key, click, list).
        self.setAccessibleDescription(self.accessible_text(row))
        self.update()
        if emit:
            self.event_selected.emit(int(self._arrays.ids[row]), int(self._arrays.article_ids[row]))

    def _bring_into_view(self, row: int, *, zoom_in: bool) -> None:
        t = float(self._arrays.starts[row])
        vp = self._vp
        inner = vp.span * 0.05
        if not vp.start + inner <= t <= vp.end - inner:
            vp = vp.centered_on(t)
        if zoom_in:
            metrics = self._current_metrics()
            for _ in range(60):  # until items are drawn instead of a density band
                if vp.span <= 600 or not crowded(self._arrays, vp, metrics):
                    break
                vp = vp.zoomed(2.0, float(vp.x_of(t)))
        self.set_viewport(vp)

    # -- labels (filled outside paintEvent) -----------------------------------------

    def _display_text(self, event_id: int) -> str:
        texts = self._texts.get(event_id)
        if texts is None:
            return ""
        # A mention says what its article says about that date (its context); the title
        # is in the tooltip, or three mentions in one article would read the same.
        return texts.context or texts.title or texts.label

    def _fetch_texts(self, ids: Sequence[int]) -> None:
        need = [i for i in ids if i not in self._texts]
        if need and self._label_source is not None:
            given = self._label_source(need)
            found = {i: EventText(*given[i]) if i in given else EventText("", "", "") for i in need}
            self._texts.update(found)

    def _prepare_labels(self, ids: Sequence[int], limit: int | None) -> int:
        """Fetch and lay out the labels of these events; returns how many were laid out."""
        todo = [i for i in dict.fromkeys(ids) if i not in self._labels]
        if limit is not None:
            todo = todo[:limit]
        self._fetch_texts(todo)
        font = self.font()
        slot = self._current_metrics().slot_px
        for event_id in todo:
            self._labels.put(event_id, lay_out(self._display_text(event_id), font, slot))
        return len(todo)

    def _request_labels(self, ids: list[int]) -> None:
        self._wanted = ids
        if not self._fill_scheduled:
            self._fill_scheduled = True
            QTimer.singleShot(0, self._fill_labels)

    @Slot()
    def _fill_labels(self) -> None:
        self._fill_scheduled = False
        if self._prepare_labels(self._wanted, LABEL_BATCH):
            self.update()

    def ensure_labels(self) -> None:
        """Lay out every label the current view shows now (for grabs and image export)."""
        frame = self._current_frame()
        if frame.mode == "items":
            rows = frame.rows[frame.labelled]
            self._prepare_labels(self._arrays.ids[rows].tolist(), None)
        self.update()

    # -- geometry ------------------------------------------------------------------

    def _current_metrics(self) -> Metrics:
        style = self.label_style()
        key = (self.width(), self.height(), self.font().key(), style.hijri)
        if key != self._metrics_key or self._metrics is None:
            fm = QFontMetricsF(self.font())
            line_h = int(np.ceil(fm.height()))
            rows = 4 if style.hijri else 2
            slot = int(min(max(fm.averageCharWidth() * 30, 140), 280))
            if self._metrics is not None and slot != self._metrics.slot_px:
                self._labels.clear()
            self._metrics = Metrics(
                width=max(self.width(), 1),
                height=max(self.height(), 1),
                lane_h=line_h + 6,
                slot_px=slot,
                marker_r=max(4.0, line_h * 0.22),
                pad=4.0,
                legend_h=line_h + 10,
                axis_h=14 + rows * line_h,
            )
            self._metrics_key = key
        return self._metrics

    def minimumSizeHint(self) -> QSize:
        """As high as two lanes of labels need (Metrics.least_height), in the font and
        the axis's lines as they are.  A fixed 120 px left an 800x500 window's strip
        one lane beside the legend and the axis, three labels in view at most, and
        none at all with the Hijri dates under the axis (its axis 94 px of the 120)."""
        return QSize(0, self._current_metrics().least_height)

    def _frame_key_now(self) -> tuple:
        """What the frame is built from: a frame built for another key is stale."""
        return (
            self._vp,
            (id(self._arrays), id(self._summary), id(self._codes)),
            self._current_metrics(),
            self._highlight_version,
            self._selected_row,
            self._lane_scroll,
            self._reveal_selected,
        )

    def _current_frame(self) -> Frame:
        metrics = self._current_metrics()
        selected = self._selected_row
        key = self._frame_key_now()
        if key != self._frame_key or self._frame is None:
            if not len(self._arrays) and self._summary is not None:
                self._frame = summary_frame(self._summary, self._vp)
                self._frame_key = key
                return self._frame
            self._frame = build_frame(
                self._arrays,
                self._vp,
                metrics,
                self._plan,
                self._highlight_rows,
                selected,
                self._lane_scroll,
                self._reveal_selected,
                self._highlight_others,
                self._rows_by_code(),
                self._range_marks(),
            )
            if self._frame.mode == "items":
                self._lane_scroll = self._frame.lane_scroll
                self._reveal_selected = False
            key = (*key[:5], self._lane_scroll, self._reveal_selected)
            self._frame_key = key
        return self._frame

    def _range_marks(self) -> RangeMarks | None:
        """The highlight's marks over the ranges (None without one), made anew for new
        arrays or a new highlight, and kept while both last: a class's marks are counted
        once for every frame after."""
        highlight = self._highlight
        if highlight is None:
            self._marks = None
        elif (
            self._marks is None
            or self._marks.arrays is not self._arrays
            or self._marks.marked is not highlight
        ):
            self._marks = RangeMarks(self._arrays, highlight)
        return self._marks

    def _frame_metrics(self, frame: Frame) -> Metrics:
        return frame.metrics or self._current_metrics()

    def scroll_lanes(self, lanes: int) -> None:
        """Show lanes further down (lanes > 0) or up; clamped to the lanes in use."""
        self._lane_scroll = max(self._lane_scroll + lanes, 0)
        self.update()

    def lane_scroll(self) -> int:
        return self._current_frame().lane_scroll

    def _current_ticks(self) -> TickSet:
        style = self.label_style()
        key = (self._vp, style)
        if key != self._ticks_key or self._ticks is None:
            self._ticks = ticks_for(self._vp, style)
            self._ticks_key = key
        return self._ticks

    def drawing_mode(self) -> str:
        """'items', 'density' (too many events in view) or 'empty', for the current view."""
        return self._current_frame().mode

    def row_at(self, x: float, y: float) -> int | None:
        """The row (index into arrays()) of the event drawn at widget point (x, y)."""
        frame = self._current_frame()
        return hit_test(frame, self._frame_metrics(frame), x, y)

    def event_position(self, event_id: int) -> QPointF | None:
        """Where the marker of a drawn event is, in widget coordinates (None if not drawn)."""
        frame = self._current_frame()
        metrics = self._frame_metrics(frame)
        if frame.mode != "items":
            return None
        era = np.flatnonzero(self._arrays.ids[frame.era_rows] == event_id)
        if len(era):
            i = int(era[0])
            u = (float(frame.era_u0[i]) + float(frame.era_u1[i])) / 2
            y = metrics.era_row_top(i) + ERA_ROW_PX / 2
            return QPointF(float(frame.u_to_x(u)), y)
        at = np.flatnonzero(self._arrays.ids[frame.rows] == event_id)
        if not len(at):
            return None
        i = int(at[0])
        x = float(frame.u_to_x(max(float(frame.u_start[i]), 0.0) + 1.0))
        y = metrics.lane_top(int(frame.lanes[i])) + metrics.lane_h / 2
        return QPointF(x, y)

    def label_item(self, event_id: int) -> LaidOutText | None:
        """The laid-out label Qt was given for an event (tests inspect it)."""
        return self._labels.get(event_id)

    # -- painting -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        frame = self._current_frame()
        metrics = self._frame_metrics(frame)
        font = self.font()
        budget = [TEXT_BUDGET_PER_FRAME]
        text = cached_text(self._strings, font, budget)
        small_font = self._small_font()
        small_text = cached_text(self._small_strings, small_font, budget)
        p = QPainter(self)
        look = Look.from_palette(self.palette(), self._text_images(p))
        p.setFont(font)
        p.fillRect(self.rect(), look.background)
        missing: list[int] = []
        complete = True
        count_item: LaidOutText | None = None
        count_rect: QRectF | None = None
        ticks = self._current_ticks()
        paint_grid(p, self._vp, ticks, metrics, look)
        if frame.mode == "density":
            paint_density(p, frame, metrics, look, self._palette)
        elif frame.mode == "items":
            paint_eras(
                p,
                frame,
                metrics,
                self._arrays,
                look,
                self._highlight,
                self._selected_row,
                self._codes,
                self._palette,
            )
            paint_lane_scroll(p, frame, metrics, look, self._ui_rtl())
            paint_overflow(p, frame, metrics, look, self._highlight)
            paint_items(
                p,
                frame,
                metrics,
                self._arrays,
                look,
                self._highlight,
                self._selected_row,
                self._codes,
                self._palette,
            )
            count_item = self._count_item(frame, small_text)
            if count_item is not None:
                count_rect = overflow_count_rect(frame, metrics, count_item, self._ui_rtl())
            missing = paint_labels(
                p, frame, metrics, self._arrays, self._labels, look, self._highlight, count_rect
            )
        self._paint_selection_line(p, frame, metrics, look)
        if frame.mode == "density":  # over the selection's line, which crossed them
            style = self.label_style()
            complete = paint_density_counts(
                p, frame, metrics, look, text, lambda n: self._number(n, style)
            )
        line_h = float(np.ceil(QFontMetricsF(font).height()))
        complete &= paint_axis(p, self._vp, ticks, metrics, look, text, line_h)
        paint_legend(p, metrics, look, self._legend_entries(frame, text), self._ui_rtl())
        self._count_rect = count_rect
        if count_item is not None and count_rect is not None:
            p.setFont(small_font)
            paint_overflow_count(p, count_rect, look, count_item)
            p.setFont(font)
        if self.hasFocus():
            paint_focus_frame(p, self.width(), self.height(), look)
        p.end()
        if missing:
            self._request_labels(missing)
        if not complete or budget[0] < 0:
            QTimer.singleShot(0, self.update)

    def _text_images(self, p: QPainter) -> TextImages | None:
        """Where texts are drawn from images of them: on a raster device only (an SVG or
        PDF export keeps its text as text)."""
        engine = p.paintEngine()
        if engine is None or engine.type() != QPaintEngine.Type.Raster:
            return None
        dpr = float(p.device().devicePixelRatioF())
        if self._images.dpr != dpr:
            self._images = TextImages(dpr)
        return self._images

    def _paint_selection_line(
        self, p: QPainter, frame: Frame, metrics: Metrics, look: Look
    ) -> None:
        row = self._selected_row
        if row is None:
            return
        if frame.mode == "items" and (np.any(frame.rows == row) or np.any(frame.era_rows == row)):
            return
        x = float(self._vp.x_of(float(self._arrays.starts[row])))
        if 0 <= x <= self._vp.width:
            paint_selection_marker(p, x, metrics, look)

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        size = font.pointSizeF()
        if size > 0:
            font.setPointSizeF(max(size * 0.85, 6.0))
        else:
            font.setPixelSize(max(int(font.pixelSize() * 0.85), 8))
        return font

    @staticmethod
    def _number(n: int, style: LabelStyle) -> str:
        return group_number(n, style)  # grouped in both languages, as the status bar does

    def _count_item(self, frame: Frame, small_text: TextSource) -> LaidOutText | None:
        """The overflow strip's '+N' laid out, when the frame has one (and its layout
        fits the frame's budget)."""
        if frame.mode != "items" or not frame.overflow_count:
            return None
        return small_text(self._chip_text(frame))

    def _count_text(self, frame: Frame) -> str:
        """How many events are only ticks on the overflow strip, in the label style."""
        return self._number(frame.overflow_count, self.label_style())

    def _found_overflowed(self, frame: Frame) -> int | None:
        """How many of the overflow strip's events a search found; None without one."""
        mask = self._highlight
        if mask is None or len(mask) != len(self._arrays):
            return None
        return int(np.count_nonzero(mask[frame.overflow_rows]))

    def _chip_text(self, frame: Frame) -> str:
        """The overflow strip's '+N'.  Under a search, with how many of them it found:
        its N counts the dimmed events, which are drawn (ticks, and in its menu), and
        "+491" beside the status bar's "0 events on the timeline" read as a contradiction.
        """
        found = self._found_overflowed(frame)
        if found is None:
            return self.tr("+%1").replace("%1", self._count_text(frame))
        return (
            self.tr("+%1, %2 found")
            .replace("%2", self._number(found, self.label_style()))
            .replace("%1", self._count_text(frame))
        )

    def overflow_count_text(self) -> str | None:
        """The '+N' shown by the overflow strip for this view, or None when it shows none."""
        frame = self._current_frame()
        if frame.mode != "items" or not frame.overflow_count:
            return None
        return self._chip_text(frame)

    def _ui_rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _legend_entries(self, frame: Frame, text: Callable) -> list:
        """The legend's keys, then its note on the frame, each as (shape, text, shorter
        text or None): paint_legend draws the shorter when the whole does not fit (at 640
        px the English notes ran off the edge, "…found by the search spann")."""
        style = self.label_style()
        entries = [
            ("published", text(self.tr("Published")), None),
            ("mentioned", text(self.tr("Mentioned")), None),
            ("range", text(self.tr("Range")), None),
        ]
        if frame.mode == "density":
            count = self._number(frame.in_view, style)
            note = self.tr("%1 events in view: zoom in to see them one by one")
            short = self.tr("%1 events in view")
            if not len(self._arrays) and self._summary is not None:  # the events per day
                note = self.tr("%1 events in view; reading them one by one…")
                short = self.tr("%1 events in view…")
            elif frame.highlight_counts is not None and not frame.highlight_counts.any():
                # None of them found: zooming in shows none ("…found 0 of them: zoom in
                # to see them one by one" sent a search's user looking for them).
                note = self.tr("%1 events in view, none of them found by the search")
                short = self.tr("%1 events in view, none found")
            elif frame.highlight_counts is not None:  # as the overflow strip's (_chip_text)
                found = self._number(int(frame.highlight_counts.sum()), style)
                note = self.tr(
                    "%1 events in view, %2 found by the search: zoom in to see them one by one"
                ).replace("%2", found)
                short = self.tr("%1 events in view, %2 found").replace("%2", found)
            entries.append(("", text(note.replace("%1", count)), text(short.replace("%1", count))))
        elif frame.hidden_ranges:
            # In the plural form for their number (Arabic has six: "و8 فترة أطول" was
            # read for eight, and English said "and 1 longer ranges").
            n = frame.hidden_ranges
            note = self.tr("and %n longer range(s) spanning the whole view", "", n)
            short = self.tr("and %n longer range(s)", "", n)
            if frame.hidden_found:  # those the search found (Frame.hidden_ranges)
                note = self.tr(
                    "and %n longer range(s) found by the search spanning the whole view", "", n
                )
                short = self.tr("and %n longer range(s) found", "", n)
            entries.append(("", text(counted(note, n, style)), text(counted(short, n, style))))
        return entries

    # -- input ----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = float(max(self.width(), 1))
        if self._fit_pending and self._span() is not None:
            self._vp = replace(self._vp, width=width)
            self._refit()
        else:
            self._vp = self._vp.resized(width)
        super().resizeEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()  # the focus frame

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if not hasattr(self, "_strings"):  # during QWidget.__init__
            super().changeEvent(event)
            return
        if event.type() in (QEvent.Type.LayoutDirectionChange, QEvent.Type.FontChange):
            self._labels.clear()
            self._strings.clear()
            self._small_strings.clear()
            self._images.clear()
            self._sync_direction()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if (
            isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_by(1.0 + event.value(), event.position().x())
            return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and delta.y():
            self.scroll_lanes(-1 if delta.y() > 0 else 1)
        elif abs(delta.x()) > abs(delta.y()):
            self.pan_by(delta.x() / 2)
        elif delta.y():
            self.zoom_by(WHEEL_STEP ** (delta.y() / 120), event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._last = event.position()
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            pos = event.position()
            if not self._dragged and (pos - self._press).manhattanLength() > DRAG_THRESHOLD:
                self._dragged = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragged and self._last is not None:
                self.pan_by(pos.x() - self._last.x())
            self._last = pos

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            rect = self._count_rect
            if not self._dragged and rect is not None and rect.contains(event.position()):
                self.overflow_menu().popup(event.globalPosition().toPoint())
            elif not self._dragged:
                row = self.row_at(event.position().x(), event.position().y())
                if row is not None:
                    self._select_row(row, emit=True)
            self.unsetCursor()
            self._press = None
            self._dragged = False

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """A click's menu is the event's under the pointer; a key's (the menu key, Shift+F10)
        the selected event's, which the keys chose: Qt puts a key's menu at the middle
        of the view, where another event, or none, is drawn."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            row = self._selected_row
            at = None if row is None else self.event_position(int(self._arrays.ids[row]))
            pos = at.toPoint() if at is not None else self.rect().center()
        else:
            pos = event.pos()
            row = self.row_at(pos.x(), pos.y())
        if row is None:
            event.ignore()
            return
        event.accept()
        self.event_menu_requested.emit(int(self._arrays.ids[row]), self.mapToGlobal(pos))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.zoom_by(2.0, event.position().x())

    def key_help(self) -> list[tuple[str, tuple[str, ...]]]:
        """(what it does, its keys or the mouse's gesture) of each key the timeline takes
        and of the mouse, in the interface's language: the keyboard's help lists them
        beside the menus' shortcuts (a test holds every key of _key_actions here)."""

        def keys(*named: Qt.Key) -> tuple[str, ...]:
            return tuple(
                QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in named
            )

        return [
            (self.tr("Zoom in / out about the middle"), keys(*_ZOOM_KEYS)),
            (self.tr("Zoom in"), keys(Qt.Key.Key_Equal)),  # + without Shift
            (self.tr("Zoom in / out about the pointer"), (self.tr("Mouse wheel"),)),
            (self.tr("Zoom in twice about the pointer"), (self.tr("Double click"),)),
            (self.tr("Move along the time"), keys(*_PAN_KEYS)),
            (self.tr("Move along the time"), (self.tr("Drag"),)),
            (self.tr("A screen earlier / later"), keys(*_PAGE_KEYS)),
            (self.tr("Next / previous event"), keys(*_STEP_KEYS)),
            (self.tr("Scroll the lanes of events"), keys(*_LANE_KEYS)),
            (self.tr("The days the articles were published in"), keys(Qt.Key.Key_Home)),
            (self.tr("Clear the selection"), keys(Qt.Key.Key_Escape)),
        ]

    def _key_actions(self) -> dict[Qt.Key, Callable[[], None]]:
        width = self._vp.width
        earlier_dx = -1 if self._vp.rtl else 1  # content moves right to show earlier (LTR)
        return {
            Qt.Key.Key_Left: lambda: self.pan_by(width / 8),
            Qt.Key.Key_Right: lambda: self.pan_by(-width / 8),
            Qt.Key.Key_PageUp: lambda: self.pan_by(earlier_dx * width * 0.9),
            Qt.Key.Key_PageDown: lambda: self.pan_by(-earlier_dx * width * 0.9),
            Qt.Key.Key_BracketRight: lambda: self.select_next(1),
            Qt.Key.Key_BracketLeft: lambda: self.select_next(-1),
            Qt.Key.Key_Plus: lambda: self.zoom_by(KEY_ZOOM),
            Qt.Key.Key_Equal: lambda: self.zoom_by(KEY_ZOOM),
            Qt.Key.Key_Minus: lambda: self.zoom_by(1 / KEY_ZOOM),
            Qt.Key.Key_Home: self.fit_home,
            Qt.Key.Key_Down: lambda: self.scroll_lanes(1),
            Qt.Key.Key_Up: lambda: self.scroll_lanes(-1),
            Qt.Key.Key_Escape: self.clear_selection,
        }

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._key_actions().get(Qt.Key(event.key()))
        if action is None:
            # The keys of ] and [ type letters in an Arabic (or Persian) layout, and Qt
            # gives the letter: without this an Arabic keyboard could not step events.
            step = _BRACKET_LETTERS.get(event.text())
            if step is not None:
                action = partial(self.select_next, step)
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    # -- overflow list -----------------------------------------------------------------

    OVERFLOW_MENU_ITEMS = 30

    def overflow_menu(self) -> QMenu:
        """A menu of the events in view that are only ticks (no lane, or a lane scrolled
        away), in time order; choosing one selects it and scrolls its lane into view."""
        frame = self._current_frame()
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        rows = frame.overflow_rows
        rows = rows[np.argsort(self._arrays.starts[rows], kind="stable")]
        shown = rows[: self.OVERFLOW_MENU_ITEMS].tolist()
        self._fetch_texts([int(self._arrays.ids[r]) for r in shown])
        style = self.label_style()
        fm = QFontMetricsF(menu.font())
        for row in shown:
            when = format_span(int(self._arrays.starts[row]), self._arrays.end_of(row), style)
            text = self._display_text(int(self._arrays.ids[row]))
            text = fm.elidedText(text, Qt.TextElideMode.ElideRight, 360)
            # An action's text is plain, but '&' marks a mnemonic and a tab a shortcut.
            label = f"{when} — {text}".replace("&", "&&").replace("\t", " ")
            action = menu.addAction(label)
            action.triggered.connect(partial(self._choose_overflowed, row))
        if len(rows) > len(shown):
            more = self.tr("%1 more: zoom in to reach them")
            extra = len(rows) - len(shown)
            menu.addAction(more.replace("%1", style.num(extra))).setEnabled(False)
        return menu

    def _choose_overflowed(self, row: int) -> None:
        self._select_row(row, emit=True)
        self._bring_into_view(row, zoom_in=False)

    # -- tooltip --------------------------------------------------------------------

    def tooltip_html(self, row: int) -> str:
        """Full title, kind and date of the event at a row, as tooltip rich text."""
        return _paragraphs(self._event_lines(row))

    def accessible_text(self, row: int) -> str:
        """The same as one plain line, for a screen reader (the selected event)."""
        return " — ".join(for_display(line) for line in self._event_lines(row) if line)

    def _event_lines(self, row: int) -> list[str]:
        """The event at a row: its title, kind and date, its sentence, its Hijri date."""
        event_id = int(self._arrays.ids[row])
        self._fetch_texts([event_id])
        texts = self._texts.get(event_id) or EventText("", "", "")
        label, title = texts.label, texts.title
        style = self.label_style()
        kind = int(self._arrays.kinds[row])
        start, end = int(self._arrays.starts[row]), self._arrays.end_of(row)
        when = format_span(start, end, style)
        kind_text = {PUBLISHED: self.tr("Published"), MENTIONED: self.tr("Mentioned")}.get(
            kind, KIND_NAMES.get(kind, "")
        )
        lines = [title or label, f"{kind_text}: {when}"]
        if kind != PUBLISHED and label and label != title:
            lines.append(f"«{label}»")
        if style.hijri:
            hijri = format_hijri(start, "day", style)
            if hijri:
                lines.append(hijri)
        return lines

    def density_tooltip(self, x: float) -> str:
        """The density band's count and dates at x, as tooltip rich text ('' off the band)."""
        frame = self._current_frame()
        found = density_bucket(frame, x)
        if found is None:
            return ""
        count, t0, t1, hits = found
        style = self.label_style()
        lines = [
            self.tr("%1 events").replace("%1", self._number(count, style)),
            format_span(int(t0) // DAY * DAY, int(np.ceil(t1 / DAY)) * DAY, style),
        ]
        if hits is not None:
            lines.append(self.tr("%1 match the search").replace("%1", self._number(hits, style)))
        lines += self._coded_lines(frame, x, style)
        return _paragraphs(lines)

    # The codes a density bar's tooltip names, most events first.
    TOOLTIP_CODES = 6

    def _coded_lines(self, frame: Frame, x: float, style: LabelStyle) -> list[str]:
        """Coloured by tag or source: the bar's biggest codes with their events, one a
        line (the names made plain: they come from the articles)."""
        at = density_bucket_index(frame, x)
        if frame.code_counts is None or at is None or not self._code_names:
            return []
        counts = [(int(c[at]), k) for k, c in enumerate(frame.code_counts) if c[at]]
        counts.sort(key=lambda item: (-item[0], item[1]))
        lines = [
            f"{isolated(self._code_names[k])}: {self._number(n, style)}"
            for n, k in counts[: self.TOOLTIP_CODES]
            if k < len(self._code_names)
        ]
        if len(counts) > self.TOOLTIP_CODES:
            more = self.tr("%1 more").replace(
                "%1", self._number(len(counts) - self.TOOLTIP_CODES, style)
            )
            lines.append(more)
        return lines

    def _show_tooltip(self, event: QHelpEvent) -> None:
        rect = self._count_rect
        if rect is not None and rect.contains(QPointF(event.pos())):
            frame = self._current_frame()
            if frame.mode == "items" and frame.overflow_count:
                found = self._found_overflowed(frame)
                note = (
                    self.tr(
                        "%1 events in view are not in the lanes shown: click to list them"
                        " (Up and Down, or Shift and the wheel, scroll the lanes)"
                    )
                    if found is None
                    else self.tr(
                        "%1 events in view are not in the lanes shown, %2 of them found by"
                        " the search (the others are dimmed): click to list them"
                        " (Up and Down, or Shift and the wheel, scroll the lanes)"
                    ).replace("%2", self._number(found or 0, self.label_style()))
                )
                QToolTip.showText(
                    event.globalPos(), note.replace("%1", self._count_text(frame)), self
                )
                return
        bucket = self.density_tooltip(event.pos().x())
        if bucket:
            QToolTip.showText(event.globalPos(), bucket, self)
            return
        row = self.row_at(event.pos().x(), event.pos().y())
        if row is None:
            QToolTip.hideText()
            event.ignore()
            return
        QToolTip.showText(event.globalPos(), self.tooltip_html(row), self)


def _first_true(mask: np.ndarray, start: int, step: int = 1 << 16) -> int | None:
    """The first row at or after start where mask is true, read a slice at a time."""
    for first in range(max(start, 0), len(mask), step):
        part = mask[first : first + step]
        if part.any():
            return first + int(np.argmax(part))
    return None


def _last_true(mask: np.ndarray, end: int, step: int = 1 << 16) -> int | None:
    """The last row before end where mask is true, read a slice at a time."""
    for last in range(min(end, len(mask)), 0, -step):
        part = mask[max(last - step, 0) : last]
        if part.any():
            return last - 1 - int(np.argmax(part[::-1]))
    return None


def _paragraphs(lines: Sequence[str]) -> str:
    """Tooltip rich text of plain lines: each escaped, each in its own direction."""
    return "".join(
        f'<p dir="{"rtl" if get_base_level(line) == 1 else "ltr"}" style="margin:0">'
        f"{html.escape(line)}</p>"
        for line in lines
        if line
    )
