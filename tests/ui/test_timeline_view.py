"""The timeline view: painting, selection, keys, zoom, density, and Arabic labels."""

from __future__ import annotations

import html
import itertools
import os
import subprocess
import sys
import textwrap
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest
from arabic_reshaper import reshape
from bidi import get_display
from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.rendering import display_order, lay_out
from timeline.model import ArticleDraft, DateValue, Event, to_axis
from timeline.store import Store
from timeline.store.timeline_data import (
    PUBLISHED,
    EventArrays,
    EventText,
    density_summary,
    load_event_arrays,
)
from timeline.timescale import DAY, HOUR, LabelStyle
from timeline.ui.timeline_geometry import (
    DENSITY_THRESHOLD,
    Metrics,
    density_scale,
    place_labels,
)
from timeline.ui.timeline_view import TimelineView

TITLES = [
    "قمة عربية في بغداد لبحث الأزمة",
    "وزير الخارجية يلتقي نظيره المصري",
    "Summit in Baghdad ends with a statement",
    "ارتفاع أسعار النفط العالمية",
    "مجلس النواب يقر الموازنة العامة",
]
BASE = to_axis(datetime(2021, 5, 22))


@pytest.fixture(scope="module")
def view_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Thirty articles seven hours apart; every tenth mentions a four-day interval."""
    path = tmp_path_factory.mktemp("timeline") / "view.db"
    with Store(path) as store, store.transaction():
        for i in range(30):
            when = BASE + i * 7 * HOUR
            article, _ = store.add_article(
                ArticleDraft(title=f"{TITLES[i % len(TITLES)]} {i}", body="..."),
                f"uid{i}",
                DateValue("2021", "minute", when),
            )
            if i % 10 == 0:
                start, end = BASE - DAY + i * HOUR, BASE + 3 * DAY
                store.replace_mentions(
                    article, [Event(article, "mentioned", start, end, "interval", "P4D", "")]
                )
    return path


@pytest.fixture
def store(view_db: Path) -> Iterator[Store]:
    with Store(view_db) as store:
        yield store


@pytest.fixture
def view(qtbot: QtBot, store: Store) -> TimelineView:
    widget = TimelineView()
    widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    qtbot.addWidget(widget)
    widget.resize(1400, 600)
    widget.load(store)
    widget.show()
    qtbot.waitExposed(widget)
    widget.ensure_labels()
    return widget


def shows(given: str, logical: str, font: QFont, option: QTextOption) -> bool:
    """Whether Qt draws `given` as a reader must see `logical`: order and joining.

    The elided tail (a zero-width joiner and an ellipsis) is neutral and is carried
    over; the helper folds the ellipsis to dots with NFKC, so the expectation does too.
    """
    drawn = lay_out(given, font, option)
    expected = unicodedata.normalize("NFKC", display_order(logical))
    return drawn.visual == expected and not drawn.unjoined


def drawn_events(view: TimelineView) -> list[int]:
    frame = view._current_frame()
    assert frame.mode == "items"
    return view.arrays().ids[frame.rows].tolist()


def test_loads_and_paints_items_with_labels(view: TimelineView) -> None:
    image = view.grab()
    assert not image.isNull()
    ids = drawn_events(view)
    assert len(ids) == 33
    assert all(view.label_item(i) is not None for i in ids)


def test_click_selects_and_emits(qtbot: QtBot, view: TimelineView) -> None:
    arrays = view.arrays()
    row = int(np.flatnonzero(arrays.kinds == PUBLISHED)[3])
    event_id, article_id = int(arrays.ids[row]), int(arrays.article_ids[row])
    pos = view.event_position(event_id)
    assert pos is not None
    with qtbot.waitSignal(view.event_selected) as signal:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=pos.toPoint())
    assert signal.args == [event_id, article_id]
    assert view.selected_event() == event_id


def test_brackets_step_through_events_in_time(qtbot: QtBot, view: TimelineView) -> None:
    arrays = view.arrays()
    view.select_event(int(arrays.ids[5]))
    with qtbot.waitSignal(view.event_selected) as signal:
        qtbot.keyClick(view, Qt.Key.Key_BracketRight)
    assert signal.args[0] == int(arrays.ids[6])
    qtbot.keyClick(view, Qt.Key.Key_BracketLeft)
    qtbot.keyClick(view, Qt.Key.Key_BracketLeft)
    assert view.selected_event() == int(arrays.ids[4])


def test_the_bracket_keys_step_events_with_an_arabic_or_persian_layout(
    qtbot: QtBot, view: TimelineView
) -> None:
    """In those layouts the keys of [ and ] type ج and د (Persian: چ), and Qt gives the
    letter as the key: stepping through events needed an English layout."""
    arrays = view.arrays()
    view.select_event(int(arrays.ids[5]))
    for letter, expected in (("د", 6), ("د", 7), ("ج", 6), ("چ", 7)):
        pressed = QKeyEvent(
            QEvent.Type.KeyPress, ord(letter), Qt.KeyboardModifier.NoModifier, letter
        )
        QApplication.sendEvent(view, pressed)
        assert view.selected_event() == int(arrays.ids[expected])


def test_arrows_pan_and_home_fits_all(qtbot: QtBot, view: TimelineView) -> None:
    fitted = view.viewport()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    zoomed = view.viewport()
    assert zoomed.span < fitted.span
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.viewport().start < zoomed.start  # LTR: earlier time comes into view
    with qtbot.waitSignal(view.zoom_changed):
        qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.viewport() == fitted


@pytest.mark.parametrize("rtl", [False, True])
def test_wheel_zoom_keeps_the_time_under_the_cursor(view: TimelineView, rtl: bool) -> None:
    view.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    assert view.time_runs_right_to_left() == rtl
    x = 321.0
    before = view.viewport()
    event = QWheelEvent(
        QPointF(x, 100),
        QPointF(view.mapToGlobal(QPoint(int(x), 100))),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, event)
    after = view.viewport()
    assert after.span == pytest.approx(before.span / 1.25**2)
    assert after.t_of(x) == pytest.approx(before.t_of(x), abs=1.0)


def test_time_direction_follows_layout_unless_overridden(view: TimelineView) -> None:
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    assert view.time_runs_right_to_left()
    assert view.label_style().language == "ar"
    view.set_time_direction(Qt.LayoutDirection.LeftToRight)
    assert not view.time_runs_right_to_left()
    view.set_time_direction(None)
    assert view.time_runs_right_to_left()


def test_select_article_selects_its_publication_in_view(view: TimelineView) -> None:
    arrays = view.arrays()
    article = int(arrays.article_ids[-1])
    view.zoom_by(50, 0)
    assert view.select_article(article)
    row = int(np.flatnonzero(arrays.ids == view.selected_event())[0])
    assert arrays.kinds[row] == PUBLISHED
    assert view.viewport().start <= arrays.starts[row] <= view.viewport().end
    assert not view.select_article(10_000)


def test_highlight_dims_the_rest_and_steps_through_hits(view: TimelineView) -> None:
    arrays = view.arrays()
    hits = [int(arrays.article_ids[2]), int(arrays.article_ids[20])]
    view.set_highlight(hits)
    view.grab()
    view.clear_selection()
    view.go_to(float(arrays.starts[0]))
    view.select_next(1)
    first = view.selected_event()
    view.select_next(1)
    chosen = {first, view.selected_event()}
    assert {int(arrays.article_ids[np.flatnonzero(arrays.ids == i)[0]]) for i in chosen} <= set(
        hits
    )
    # The hits' rows are kept in 32 bits, and stepping back and forth walks them all.
    pool = view._highlight_rows
    assert pool is not None and pool.dtype == np.int32
    assert pool.tolist() == np.flatnonzero(np.isin(arrays.article_ids, hits)).tolist()
    seen = []
    for step in [-1] * len(pool) + [1] * len(pool):
        view.select_next(step)
        seen.append(int(np.flatnonzero(arrays.ids == view.selected_event())[0]))
    assert seen[len(pool) - 1] == pool[0] and seen[-1] == pool[-1]
    assert set(seen) == set(pool.tolist())
    view.set_highlight(None)
    view.grab()


def test_go_to_date_centres_on_the_day(view: TimelineView) -> None:
    view.zoom_by(0.01)
    view.go_to_date(date(2021, 5, 25))
    vp = view.viewport()
    assert vp.start < to_axis(datetime(2021, 5, 25)) < vp.end
    assert vp.span <= 8 * DAY


def test_tooltip_has_full_title_and_date_as_escaped_rich_text(view: TimelineView) -> None:
    view.set_label_style(LabelStyle(language="en"))
    arrays = view.arrays()
    row = int(np.flatnonzero(arrays.kinds == PUBLISHED)[0])
    text = view.tooltip_html(row)
    assert 'dir="rtl"' in text and TITLES[0] in text
    assert "22 May 2021" in text


def _points(starts: np.ndarray) -> EventArrays:
    """Point events, one article each, at these axis seconds."""
    n = len(starts)
    ids = np.arange(1, n + 1, dtype=np.int64)
    return EventArrays(
        ids=ids,
        article_ids=ids.copy(),
        starts=starts,
        ends=starts.copy(),
        kinds=np.zeros(n, np.uint8),
        points=np.ones(n, bool),
    )


def test_the_selected_event_is_said_to_a_screen_reader(view: TimelineView) -> None:
    """A screen reader read "Timeline" and nothing of what the keys chose in it."""
    view.set_label_style(LabelStyle(language="en"))
    assert view.accessibleDescription() == ""
    arrays = view.arrays()
    view.go_to(float(arrays.starts[0]))
    view.select_next(1)
    row = int(np.flatnonzero(arrays.ids == view.selected_event())[0])
    said = view.accessibleDescription()
    assert said == view.accessible_text(row) and "2021" in said
    assert any(title in said for title in TITLES) and "<" not in said
    view.clear_selection()
    assert view.accessibleDescription() == ""


def test_a_screen_reader_hears_no_bidi_override_of_an_article(qtbot: QtBot) -> None:
    starts = BASE + np.arange(3, dtype=np.int64) * DAY
    arrays = _points(starts)
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(800, 300)
    view.set_data(arrays, lambda ids: {i: ("", "", f"\u202eخبر {i}\x1b[2J") for i in ids})
    view.select_event(2)
    said = view.accessibleDescription()
    assert "خبر 2" in said and "\u202e" not in said and "\x1b" not in said


def test_crowded_views_draw_a_density_band_until_zoomed_in(qtbot: QtBot) -> None:
    n = DENSITY_THRESHOLD * 3
    starts = BASE + np.arange(n, dtype=np.int64) * 600
    arrays = _points(starts)
    asked: list[int] = []

    def labels(ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
        asked.extend(ids)
        return {i: ("", "", f"خبر رقم {i}") for i in ids}

    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 500)
    view.set_data(arrays, labels)
    view.show()
    view.grab()
    assert view._current_frame().mode == "density"
    assert not asked  # no labels are fetched for a density band
    view.zoom_by(40)
    view.ensure_labels()
    frame = view._current_frame()
    assert frame.mode == "items"
    fetched = len(asked)
    assert 0 < fetched <= 200
    view.grab()
    view.grab()
    assert len(asked) == fetched  # painting again asks nothing of the store


def test_painted_arabic_label_is_logical_order_joined_and_elided_at_its_end(
    view: TimelineView,
) -> None:
    arrays = view.arrays()
    row = int(np.flatnonzero(arrays.kinds == PUBLISHED)[0])
    event_id = int(arrays.ids[row])
    title = f"{TITLES[0]} 0"
    item = view.label_item(event_id)
    assert item is not None and item.rtl
    option = item.static.textOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    # Qt's elision keeps the last letter's joining form with a zero-width joiner.
    core = item.text.removesuffix("…").removesuffix("\u200d")
    assert title.startswith(core)  # logical order, shortened only at its logical end
    logical = title[: len(core)] + item.text[len(core) :]
    assert shows(item.text, logical, view.font(), option)
    # The same check rejects text handed to Qt already reordered (with or without
    # reshaping): it is drawn reversed.
    assert not shows(get_display(title), title, view.font(), option)
    assert not shows(get_display(reshape(title)), title, view.font(), option)


def test_long_arabic_title_is_elided_with_the_ellipsis_on_the_left(qtbot: QtBot) -> None:
    long_title = (
        "مجلس النواب يقر الموازنة العامة للدولة بعد نقاش طويل استمر حتى ساعة متأخرة من الليل"
    )
    starts = np.array([BASE], dtype=np.int64)
    arrays = EventArrays(
        ids=np.array([1]),
        article_ids=np.array([1]),
        starts=starts,
        ends=starts.copy(),
        kinds=np.zeros(1, np.uint8),
        points=np.ones(1, bool),
    )
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.set_data(arrays, lambda ids: {i: ("", "", long_title) for i in ids})
    view.show()
    view.ensure_labels()
    item = view.label_item(1)
    assert item is not None and item.text.endswith("…") and item.text != long_title
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    core = item.text.removesuffix("…").removesuffix("\u200d")
    assert long_title.startswith(core)
    logical = long_title[: len(core)] + item.text[len(core) :]
    assert shows(item.text, logical, view.font(), option)
    assert not shows(get_display(item.text), logical, view.font(), option)
    view.grab()


def test_arrays_of_an_empty_store_paint(qtbot: QtBot, tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as empty:
        view = TimelineView()
        qtbot.addWidget(view)
        view.load(empty)
        assert len(load_event_arrays(empty)) == 0
        assert not view.grab().isNull()
        qtbot.keyClick(view, Qt.Key.Key_BracketRight)
        qtbot.keyClick(view, Qt.Key.Key_Home)


def test_thousands_of_long_ranges_over_the_view_do_not_hide_its_points(qtbot: QtBot) -> None:
    n_ranges, n_points = 3000, 20
    range_starts = BASE - np.arange(1, n_ranges + 1, dtype=np.int64) * DAY
    point_starts = BASE + np.arange(n_points, dtype=np.int64) * HOUR
    starts = np.concatenate((range_starts[::-1], point_starts))
    ends = np.concatenate((np.full(n_ranges, BASE + 400 * DAY), point_starts))
    n = len(starts)
    arrays = EventArrays(
        ids=np.arange(1, n + 1),
        article_ids=np.arange(1, n + 1),
        starts=starts,
        ends=ends,
        kinds=np.concatenate((np.ones(n_ranges, np.uint8), np.zeros(n_points, np.uint8))),
        points=np.concatenate((np.zeros(n_ranges, bool), np.ones(n_points, bool))),
    )
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.set_data(arrays, lambda ids: {i: ("", "", f"حدث {i}") for i in ids})
    view.show()
    view.set_viewport(view.viewport().fitted(BASE - HOUR, BASE + n_points * HOUR))
    frame = view._current_frame()
    assert frame.mode == "items"
    points_drawn = np.count_nonzero(view.arrays().points[frame.rows])
    assert points_drawn == n_points
    assert frame.hidden_ranges > 2000
    view.ensure_labels()
    assert not view.grab().isNull()


def points_view(qtbot: QtBot, n: int, step: int, size: tuple[int, int], rtl: bool) -> TimelineView:
    """n publications `step` seconds apart with long Arabic titles."""
    starts = BASE + np.arange(n, dtype=np.int64) * step
    arrays = _points(starts)
    view = TimelineView()
    view.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    qtbot.addWidget(view)
    view.resize(*size)
    view.set_data(arrays, lambda ids: {i: ("", "", f"{TITLES[i % 5]} {TITLES[1]}") for i in ids})
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("rtl", [False, True])
def test_selecting_an_article_among_many_zooms_until_its_events_are_drawn(
    qtbot: QtBot, rtl: bool
) -> None:
    """Choosing an article (a search's first hit, a click in the list) zooms in until
    the timeline draws its events one by one.  The zoom counted the events starting in
    view, the frame those starting a label's width earlier as well: the zoom stopped
    where the frame still drew a density band (a search in a library of 30,000 news
    articles left the view on three hours of a band)."""
    for n in range(30_000, 60_000, 4_000):  # where the halving zoom ends differs with n
        view = points_view(qtbot, n, 2, (800, 300), rtl)
        assert view._current_frame().mode == "density"
        for row in (n // 2, 5, n - 10):
            view.fit_all()
            assert view.select_article(int(view.arrays().article_ids[row]))
            frame = view._current_frame()
            assert frame.mode == "items", n
            assert row in frame.rows.tolist()
            # As far out as it may: a few zoom steps less would draw a band again.
            vp = view.viewport()
            assert view.arrays().count_starting(vp.start, vp.end) > DENSITY_THRESHOLD / 8
        view.close()


def check_label_boxes(view: TimelineView) -> int:
    """Every drawn label lies whole in the widget, clear of its marker and of other items.

    Returns how many labels were checked.
    """
    view.ensure_labels()
    frame = view._current_frame()
    assert frame.mode == "items"
    width = view.viewport().width
    r = view._current_metrics().marker_r
    ids = view.arrays().ids[frame.rows].tolist()
    for lane in np.unique(frame.lanes).tolist():
        at = np.flatnonzero(frame.lanes == lane)
        at = at[np.argsort(frame.u_box0[at])]
        assert np.all(frame.u_box0[at][1:] > frame.u_box1[at][:-1]), "boxes overlap in a lane"
    checked = 0
    for i in np.flatnonzero(frame.labelled).tolist():
        item = view.label_item(ids[i])
        assert item is not None
        u0, u1 = frame.label_box(i, item.width)
        x0, x1 = sorted(float(frame.u_to_x(u)) for u in (u0, u1))
        assert x0 >= 0 and x1 <= width, (ids[i], x0, x1, item.text)
        assert frame.u_box0[i] <= u0 and u1 <= frame.u_box1[i] + 0.01
        u = float(frame.u_start[i])
        if view.arrays().points[frame.rows[i]]:  # a range's label sits on its bar
            assert u1 <= u - r or u0 >= u + r, "label over its marker"
        checked += 1
    return checked


@pytest.mark.parametrize("rtl", [True, False])
def test_labels_at_the_edges_stay_whole_inside_the_widget(qtbot: QtBot, rtl: bool) -> None:
    view = points_view(qtbot, 12, 3 * HOUR, (900, 400), rtl)
    arrays = view.arrays()
    first, last = float(arrays.starts[0]), float(arrays.starts[-1])
    # The last event ten pixels from the far edge (the left one in RTL).
    vp = view.viewport()
    spp = (last - first) / (900 - 40)
    view.set_viewport(replace(vp, start=first - 30 * spp, span=900 * spp))
    x_last = float(view.viewport().x_of(last))
    assert (x_last < 20) if rtl else (x_last > 880)
    assert check_label_boxes(view) >= 10
    frame = view._current_frame()
    i = int(np.flatnonzero(frame.rows == len(arrays) - 1)[0])
    assert frame.labelled[i] and frame.label_flipped[i]
    # Panning across: no frame ever cuts a label at an edge or overlaps two.
    for _ in range(12):
        view.pan_by(-37 if not rtl else 37)
        check_label_boxes(view)
        assert not view.grab().isNull()


def test_a_label_only_a_little_too_long_shifts_in_instead_of_flipping(qtbot: QtBot) -> None:
    view = points_view(qtbot, 2, 30 * DAY, (900, 300), True)
    arrays = view.arrays()
    metrics = view._current_metrics()
    offset = metrics.marker_r + metrics.pad + 4
    spp = view.viewport().seconds_per_px
    # The second label's slot ends 2 px past the left edge.
    u_last = 900 - offset - metrics.slot_px + 2
    vp = view.viewport()
    view.set_viewport(replace(vp, start=float(arrays.starts[1]) - u_last * spp))
    frame = view._current_frame()
    i = int(np.flatnonzero(frame.rows == 1)[0])
    assert frame.labelled[i] and not frame.label_flipped[i]
    assert check_label_boxes(view) >= 1


def test_few_lanes_show_how_many_events_are_only_ticks(qtbot: QtBot) -> None:
    view = points_view(qtbot, 60, 20 * 60, (900, 170), True)
    frame = view._current_frame()
    assert frame.mode == "items" and len(np.unique(frame.lanes)) <= 3
    n = frame.overflow_count
    assert n > 20 and len(frame.rows) + n == 60
    view.set_label_style(LabelStyle(language="ar", digits="arabic"))
    arabic_digits = str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert view.overflow_count_text() == f"+{arabic_digits}"
    assert not view.grab().isNull()
    assert view._count_rect is not None
    assert view._count_rect.left() < 50  # the interface's end edge, left in Arabic
    view.set_label_style(LabelStyle(language="en"))
    assert view.overflow_count_text() == f"+{n}"
    view.zoom_by(20)
    assert view.overflow_count_text() is None
    view.grab()
    assert view._count_rect is None


@pytest.mark.parametrize("rtl", [True, False])
def test_fit_all_keeps_the_first_and_last_markers_off_the_edges(qtbot: QtBot, rtl: bool) -> None:
    view = points_view(qtbot, 5, 40 * DAY, (800, 300), rtl)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    vp = view.viewport()
    xs = [float(vp.x_of(float(t))) for t in view.arrays().starts[[0, -1]]]
    assert all(30 <= x <= 770 for x in xs)
    check_label_boxes(view)


def test_select_article_brings_an_overflowed_event_into_a_lane_with_its_label(
    qtbot: QtBot,
) -> None:
    view = points_view(qtbot, 60, 20 * 60, (900, 170), True)
    frame = view._current_frame()
    row = int(frame.overflow_rows[len(frame.overflow_rows) // 2])
    article = int(view.arrays().article_ids[row])
    assert view.select_article(article)
    frame = view._current_frame()
    assert row in frame.rows.tolist()
    i = int(np.flatnonzero(frame.rows == row)[0])
    assert frame.labelled[i]
    assert view.event_position(int(view.arrays().ids[row])) is not None
    check_label_boxes(view)
    assert view.label_item(int(view.arrays().ids[row])) is not None
    # Far away and zoomed in, selecting brings it back into view, label and all.
    view.zoom_by(30, 10)
    view.pan_by(3000)
    view.clear_selection()
    assert view.select_article(article)
    vp = view.viewport()
    assert vp.start <= view.arrays().starts[row] <= vp.end
    frame = view._current_frame()
    i = int(np.flatnonzero(frame.rows == row)[0])
    assert frame.labelled[i]
    check_label_boxes(view)


@pytest.mark.parametrize("rtl", [True, False])
def test_points_and_ranges_keep_labels_whole_while_zooming_and_panning(
    view: TimelineView, rtl: bool
) -> None:
    view.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    view.resize(700, 200)
    view.fit_all()
    checked = check_label_boxes(view)
    for _ in range(4):
        view.zoom_by(1.6, 600)
        checked += check_label_boxes(view)
        for _ in range(5):
            view.pan_by(97)
            checked += check_label_boxes(view)
    assert checked > 50


def test_clicking_a_mention_of_another_article_does_not_move_the_view(
    qtbot: QtBot, view: TimelineView
) -> None:
    """The window answers event_selected by selecting the article everywhere, which
    comes back as select_article: the view must keep the clicked mention and stay."""
    view.event_selected.connect(lambda _e, article: view.select_article(article))
    arrays = view.arrays()
    ranges = np.flatnonzero(~arrays.points)
    row = int(ranges[-1])
    # Zoom to the range's first day, where its article's publication is out of view.
    article = int(arrays.article_ids[row])
    published = int(arrays.starts[(arrays.article_ids == article) & (arrays.kinds == PUBLISHED)][0])
    view.set_viewport(
        view.viewport().fitted(float(arrays.starts[row]), float(arrays.starts[row]) + 5 * HOUR)
    )
    assert not view.viewport().start <= published <= view.viewport().end
    view.ensure_labels()
    before = view.viewport()
    pos = view.event_position(int(arrays.ids[row]))
    assert pos is not None
    with qtbot.waitSignal(view.event_selected):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=pos.toPoint())
    assert view.viewport() == before
    assert view.selected_event() == int(arrays.ids[row])


def test_go_to_span_shows_a_whole_year_or_month(view: TimelineView) -> None:
    year = (to_axis(datetime(1950, 1, 1)), to_axis(datetime(1951, 1, 1)))
    view.go_to_span(*year)
    vp = view.viewport()
    assert vp.start <= year[0] and year[1] <= vp.end and vp.span < 1.1 * (year[1] - year[0])
    month = (to_axis(datetime(2021, 5, 1)), to_axis(datetime(2021, 6, 1)))
    view.go_to_span(*month)
    vp = view.viewport()
    assert vp.start <= month[0] and month[1] <= vp.end and vp.span < 1.1 * (month[1] - month[0])
    view.go_to_span(to_axis(datetime(2021, 5, 25)), None)
    assert view.viewport().span <= 8 * DAY


def test_mentions_are_labelled_by_their_context_and_titled_in_the_tooltip(
    qtbot: QtBot,
) -> None:
    starts = BASE + np.arange(3, dtype=np.int64) * DAY
    arrays = EventArrays(
        ids=np.arange(1, 4),
        article_ids=np.ones(3, np.int64),
        starts=starts,
        ends=starts.copy(),
        kinds=np.array([PUBLISHED, 1, 1], np.uint8),
        points=np.ones(3, bool),
    )
    title = "عنوان <b>واحد</b>"
    texts = {
        1: EventText("", "", title, ""),
        2: EventText("جملة أولى", "", title, "في الحرب الكورية 1950-1953"),
        3: EventText("جملة ثانية", "", title, "اليوم الجمعة في البيت الأبيض"),
    }
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1200, 400)
    view.set_data(arrays, lambda ids: {i: texts[i] for i in ids})
    view.show()
    view.fit_all()  # the mentions come after the day of the one publication (fit_home's)
    view.ensure_labels()
    shown = {i: view.label_item(i) for i in (1, 2, 3)}
    assert all(item is not None for item in shown.values())
    assert shown[1].text == title  # type: ignore[union-attr]
    assert shown[2].text == texts[2].context and shown[3].text == texts[3].context  # type: ignore[union-attr]
    tip = view.tooltip_html(int(np.flatnonzero(arrays.ids == 2)[0]))
    assert html.escape(title) in tip and "<b>واحد" not in tip


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("1950", datetime(1950, 1, 1), datetime(1951, 1, 1)),
        ("أيار 2021", datetime(2021, 5, 1), datetime(2021, 6, 1)),
    ],
)
def test_go_to_date_in_the_window_shows_the_whole_year_or_month(
    qtbot: QtBot, sample_store: Store, text: str, first: datetime, last: datetime
) -> None:
    from timeline.ui.main_window import MainWindow

    win = MainWindow(sample_store)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
    assert win.go_to_date_text(text)
    vp = win.timeline.viewport()
    t0, t1 = to_axis(first), to_axis(last)
    assert vp.start <= t0 and t1 <= vp.end and vp.span < 1.1 * (t1 - t0)


def era_view(qtbot: QtBot, size: tuple[int, int], rtl: bool) -> TimelineView:
    """Seven century-long ranges over one month with a mention of it and a few points."""
    first = to_axis(datetime(1967, 6, 1))
    long_starts = [to_axis(datetime(1900 + 5 * i, 1, 1)) for i in range(7)]
    long_ends = [to_axis(datetime(2000 + 3 * i, 1, 1)) for i in range(7)]
    month = (first, to_axis(datetime(1967, 7, 1)))
    days = [first + (3 + 4 * i) * DAY for i in range(4)]
    starts = np.array([*long_starts, month[0], *days], dtype=np.int64)
    ends = np.array([*long_ends, month[1], *days], dtype=np.int64)
    order = np.argsort(starts, kind="stable")
    n = len(starts)
    arrays = EventArrays(
        ids=np.arange(1, n + 1)[order],
        article_ids=np.arange(1, n + 1)[order],
        starts=starts[order],
        ends=ends[order],
        kinds=np.array([1] * 8 + [0] * 4, np.uint8)[order],
        points=np.array([False] * 8 + [True] * 4)[order],
    )
    view = TimelineView()
    view.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    qtbot.addWidget(view)
    view.resize(*size)
    view.set_data(arrays, lambda ids: {i: ("", "", f"{TITLES[i % 5]} {i}") for i in ids})
    view.show()
    view.set_viewport(view.viewport().fitted(*month, margin=0.02))
    return view


@pytest.mark.parametrize("rtl", [False, True])
def test_ranges_far_longer_than_the_view_are_eras_not_lanes(qtbot: QtBot, rtl: bool) -> None:
    view = era_view(qtbot, (800, 500), rtl)
    frame = view._current_frame()
    arrays = view.arrays()
    assert frame.mode == "items"
    assert len(frame.era_rows) == 7
    lengths = arrays.all_ends()[frame.era_rows] - arrays.starts[frame.era_rows]
    assert np.all(np.diff(lengths) >= 0)  # shortest first
    month_row = int(np.flatnonzero(arrays.ids == 8)[0])
    assert month_row in frame.rows.tolist()  # the month itself keeps a lane
    assert set(arrays.ids[frame.rows].tolist()) == {8, 9, 10, 11, 12}
    assert frame.overflow_count == 0
    # An era is hovered and picked in its band.
    era_id = int(arrays.ids[frame.era_rows[2]])
    pos = view.event_position(era_id)
    assert pos is not None
    metrics = frame.metrics
    assert metrics is not None and metrics.era_top <= pos.y() < metrics.lanes_top
    assert view.row_at(pos.x(), pos.y()) == int(frame.era_rows[2])
    with qtbot.waitSignal(view.event_selected) as signal:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=pos.toPoint())
    assert signal.args[0] == era_id
    view.ensure_labels()
    assert not view.grab().isNull()
    # Zoomed out to the century, they are ranges in lanes again.
    view.set_viewport(
        view.viewport().fitted(to_axis(datetime(1890, 1, 1)), to_axis(datetime(2030, 1, 1)))
    )
    assert not len(view._current_frame().era_rows)


def test_a_point_stored_with_an_end_is_drawn_at_its_start_at_any_zoom(qtbot: QtBot) -> None:
    # A day stored with its end (day granularity: a point) was left out of a view under
    # half a day wide, as a range that long would be, and was drawn in no era either.
    day = to_axis(datetime(2021, 5, 22))
    starts = np.array([day, day + 2 * HOUR, day + 3 * HOUR], dtype=np.int64)
    arrays = EventArrays(
        ids=np.arange(1, 4),
        article_ids=np.arange(1, 4),
        starts=starts,
        ends=starts + np.array([DAY, 0, 0]),
        kinds=np.ones(3, np.uint8),
        points=np.ones(3, bool),
    )
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.set_data(arrays, lambda ids: {i: ("", "", f"{TITLES[i % 5]} {i}") for i in ids})
    view.show()
    for hours in (48, 4, 1):
        view.set_viewport(view.viewport().fitted(day - HOUR, day + (hours - 1) * HOUR))
        frame = view._current_frame()
        assert frame.mode == "items"
        assert 0 in frame.rows.tolist() and not len(frame.era_rows)
    assert arrays.all_ends().tolist() == starts.tolist()  # its end is its start


def test_under_a_search_the_legend_counts_the_hidden_ranges_it_found(qtbot: QtBot) -> None:
    """The era band has rows for the shortest of the ranges far longer than the view;
    the legend counted the rest, those a search dims among them too: under a search it
    counts those the search found, and says so."""
    view = era_view(qtbot, (800, 170), False)  # rows for four of the seven
    arrays = view.arrays()
    shown = set(arrays.ids[view._current_frame().era_rows].tolist())
    hidden = sorted(set(range(1, 8)) - shown)  # the seven eras are ids (and articles) 1-7
    assert len(hidden) >= 2 and shown
    # One era more than the band has rows for (the longest: ids count down in length),
    # and the month.
    view.set_highlight([*range(1, len(shown) + 2), 8])
    frame = view._current_frame()
    assert frame.hidden_ranges == 1
    note = view._legend_entries(frame, lambda text: text)[-1][1]
    assert note == "and 1 longer range found by the search spanning the whole view"
    view.set_highlight([min(shown), 8])  # none of the hidden ones
    frame = view._current_frame()
    assert frame.hidden_ranges == 0
    assert "longer ranges" not in view._legend_entries(frame, lambda text: text)[-1][1]
    view.set_highlight(None)
    frame = view._current_frame()
    assert frame.hidden_ranges == len(hidden)
    note = view._legend_entries(frame, lambda text: text)[-1][1]
    assert note == f"and {len(hidden)} longer ranges spanning the whole view"
    assert not view.grab().isNull()


@pytest.mark.parametrize(
    ("n", "in_english", "in_arabic"),
    [
        (1, "and 1 longer range spanning the whole view", "وفترة أطول تغطي العرض كله"),
        (2, "and 2 longer ranges spanning the whole view", "وفترتان أطول تغطيان العرض كله"),
        (8, "and 8 longer ranges spanning the whole view", "و8 فترات أطول تغطي العرض كله"),
        (11, "and 11 longer ranges spanning the whole view", "و11 فترة أطول تغطي العرض كله"),
    ],
)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_legend_counts_the_longer_ranges_in_the_plural_of_their_number(
    qtbot: QtBot,
    request: pytest.FixtureRequest,
    n: int,
    in_english: str,
    in_arabic: str,
    language: str,
) -> None:
    # One phrase for every number: "و8 فترة أطول" (eight range) in Arabic, where three
    # to ten take the plural, and "and 1 longer ranges" in English.
    if language == "ar":
        request.getfixturevalue("arabic")
    view = era_view(qtbot, (800, 170), language == "ar")
    view.set_label_style(LabelStyle(language=language))  # type: ignore[arg-type]
    frame = replace(view._current_frame(), hidden_ranges=n, hidden_found=False)
    note = view._legend_entries(frame, lambda text: text)[-1][1]
    assert note == (in_arabic if language == "ar" else in_english)


def test_marks_too_many_to_count_in_a_frame_leave_the_legend_counting_every_range(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting the found ones reads the marks of every range of their length classes
    once a search (22 ms for 687,624 at a million events, ten times that at ten
    million): past MARKS_COUNTED_MAX a frame counts every range it leaves out, as
    without a search, and the legend says that, not "found by the search"."""
    from timeline.store import timeline_data

    view = era_view(qtbot, (800, 170), False)
    arrays = view.arrays()
    shown = set(arrays.ids[view._current_frame().era_rows].tolist())
    hidden = sorted(set(range(1, 8)) - shown)
    monkeypatch.setattr(timeline_data, "MARKS_COUNTED_MAX", 0)
    view.set_highlight([hidden[0], 8])
    frame = view._current_frame()
    assert (frame.hidden_ranges, frame.hidden_found) == (len(hidden), False)
    note = view._legend_entries(frame, lambda text: text)[-1][1]
    assert note == f"and {len(hidden)} longer ranges spanning the whole view"
    # The band keeps its rows for the shortest, as the legend counts them all.
    assert set(arrays.ids[frame.era_rows].tolist()) == shown
    monkeypatch.setattr(timeline_data, "MARKS_COUNTED_MAX", 1_000)
    view.set_highlight([hidden[0], 9])  # (a new highlight: its frame is made anew)
    frame = view._current_frame()
    assert (frame.hidden_ranges, frame.hidden_found) == (0, True)
    assert int(arrays.ids[frame.era_rows[0]]) == hidden[0]


@pytest.mark.parametrize("rtl", [False, True])
def test_under_a_search_the_era_band_gives_its_rows_to_the_eras_it_found_first(
    qtbot: QtBot, rtl: bool
) -> None:
    """The band's rows went to the shortest eras whether the search dimmed them or not,
    so an era it found could be left out (counted in the legend) while dimmed ones had
    rows: the found ones come first, shortest first, then the shortest dimmed ones."""
    view = era_view(qtbot, (800, 170), rtl)  # rows for four of the seven
    arrays = view.arrays()
    shortest = arrays.ids[view._current_frame().era_rows].tolist()  # the shortest first
    hidden = sorted(set(range(1, 8)) - set(shortest))  # longest first: ids 1-7 grow shorter
    assert len(hidden) >= 2 and len(shortest) >= 3
    view.set_highlight([hidden[0], hidden[1], 8])  # the two longest eras and the month
    frame = view._current_frame()
    rows = len(shortest)
    assert arrays.ids[frame.era_rows].tolist() == [hidden[1], hidden[0], *shortest[: rows - 2]]
    assert (frame.hidden_ranges, frame.hidden_found) == (0, True)
    assert "longer ranges" not in view._legend_entries(frame, lambda text: text)[-1][1]
    # Each is drawn in its row, hovered and picked there.
    metrics = frame.metrics
    assert metrics is not None
    for i, era_id in enumerate(arrays.ids[frame.era_rows].tolist()):
        pos = view.event_position(era_id)
        assert pos is not None and metrics.era_row_at(pos.y()) == i
        assert view.row_at(pos.x(), pos.y()) == int(frame.era_rows[i])
    assert not view.grab().isNull()
    # The search gone, the shortest have the rows again.
    view.set_highlight(None)
    assert arrays.ids[view._current_frame().era_rows].tolist() == shortest


@pytest.mark.parametrize("rtl", [False, True])
@pytest.mark.parametrize("height", [130, 150, 170])
def test_a_short_strip_gives_its_lanes_to_the_view_before_the_eras(
    qtbot: QtBot, rtl: bool, height: int
) -> None:
    # An 800x500 window leaves the timeline about 150 px: eight era rows took all of it
    # and every article of the week in view went to the overflow strip.
    from timeline.ui.timeline_geometry import ERA_ROWS, LANES_BESIDE_ERAS

    view = era_view(qtbot, (800, height), rtl)
    frame = view._current_frame()
    metrics = frame.metrics
    assert frame.mode == "items" and metrics is not None
    room = (metrics.overflow_top - metrics.legend_h) // metrics.lane_h
    assert metrics.lane_count >= min(room, LANES_BESIDE_ERAS) >= 1
    assert len(frame.era_rows) < 7 <= ERA_ROWS  # fewer era rows than eras in view
    assert frame.hidden_ranges == 7 - len(frame.era_rows)  # the rest counted in the legend
    note = view._legend_entries(frame, lambda text: text)[-1][1]
    assert str(frame.hidden_ranges) in note  # "and N longer ranges spanning the whole view"
    assert len(frame.rows) >= metrics.lane_count  # the month and its days have lanes
    # In a tall strip every era keeps its row.
    view.resize(800, 500)
    assert len(view._current_frame().era_rows) == 7


@pytest.mark.parametrize("hijri", [False, True])
def test_the_least_height_asked_for_holds_two_lanes_of_labels(qtbot: QtBot, hijri: bool) -> None:
    """The window gave the strip a fixed 120 px: one lane beside the legend and the
    axis (two labels in view at 800x500), none with the Hijri dates under the axis."""
    from timeline.ui.timeline_geometry import LANES_BESIDE_ERAS

    view = era_view(qtbot, (800, 400), rtl=True)
    plain = view.minimumSizeHint().height()
    view.set_hijri_labels(hijri)
    least = view.minimumSizeHint().height()
    assert (least > plain) == hijri  # two more lines under the axis
    view.resize(800, least)
    frame = view._current_frame()
    assert frame.mode == "items" and frame.metrics is not None
    assert frame.metrics.lane_count == LANES_BESIDE_ERAS
    assert int(np.count_nonzero(frame.labelled)) >= LANES_BESIDE_ERAS


@pytest.mark.parametrize("rtl", [False, True])
def test_the_legends_note_stays_inside_a_narrow_view(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, rtl: bool
) -> None:
    """At 640 px the English note ran off the far edge ("…zoom in to see them one by");
    where the whole does not fit its shorter form is drawn, whole."""
    from timeline.ui.timeline_cache import TextImages

    drawn: list[tuple[QRectF, str]] = []
    real_draw = TextImages.draw

    def draw(images, p, x, y, item, colour) -> None:  # type: ignore[no-untyped-def]
        drawn.append((QRectF(x, y, item.width, item.static.size().height()), item.text))
        real_draw(images, p, x, y, item, colour)

    monkeypatch.setattr(TextImages, "draw", draw)
    for width, whole in ((900, True), (520, False)):
        view = points_view(qtbot, 30_000, 2, (width, 300), rtl)
        assert view._current_frame().mode == "density"
        view.grab()  # the legend's texts laid out
        drawn.clear()
        view.grab()
        legend = view._current_metrics().legend_h
        notes = [(r, t) for r, t in drawn if r.bottom() <= legend and "events in view" in t]
        assert len(notes) == 1
        rect, text = notes[0]
        assert rect.left() >= 0 and rect.right() <= width, (rect, text)
        assert ("zoom in" in text) == whole


@pytest.mark.parametrize("rtl", [False, True])
def test_no_label_runs_under_the_count_chip(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, rtl: bool
) -> None:
    """The '+N' chip rests on the axis, over the end of the lowest lane: a label there
    ran under it, cut mid-word.  Panned a step at a time, nothing drawn meets it, and
    labels the chip would have cut were left out (the steps where one was)."""
    from timeline.ui.timeline_cache import TextImages

    # As tall as the window's timeline at 800x500: one lane, its Arabic labels (30 px)
    # taller than it (26 px), their foot where the chip stands.
    view = points_view(qtbot, 60, 20 * 60, (900, 120), rtl)
    drawn: list[QRectF] = []
    real_draw = TextImages.draw

    def draw(images, p, x, y, item, colour) -> None:  # type: ignore[no-untyped-def]
        drawn.append(QRectF(x, y, item.width, item.static.size().height()))
        real_draw(images, p, x, y, item, colour)

    monkeypatch.setattr(TextImages, "draw", draw)
    left_out = 0
    for step in range(80):  # one way, then back and the other
        view.pan_by((-11 if step < 40 else 11) * (-1 if rtl else 1))
        if step == 40:
            view.pan_by(440 * (-1 if rtl else 1))
        view.ensure_labels()
        drawn.clear()
        view.grab()
        chip = view._count_rect
        if chip is None:
            continue
        inside = chip.adjusted(1, 1, -1, -1)  # the chip's own text is inside it
        met = [r for r in drawn if r.intersects(chip) and not inside.contains(r)]
        assert met == [], (chip, met)
        frame = view._current_frame()
        metrics = view._current_metrics()
        ids = view.arrays().ids[frame.rows].tolist()
        for i in np.flatnonzero(frame.labelled).tolist():
            item = view.label_item(ids[i])
            assert item is not None
            x0, x1 = sorted(float(frame.u_to_x(u)) for u in frame.label_box(i, item.width))
            height = item.static.size().height()
            y = metrics.lane_top(int(frame.lanes[i])) + (metrics.lane_h - height) / 2
            left_out += QRectF(x0, y, x1 - x0, height).intersects(chip)
    assert left_out > 0  # the pan met labels the chip would have cut


def test_lanes_scroll_and_the_count_chip_lists_what_is_hidden(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = points_view(qtbot, 60, 20 * 60, (900, 200), True)
    frame = view._current_frame()
    room = view._current_metrics().lane_count
    assert frame.lanes_used > room and frame.overflow_count > 0
    hidden = set(view.arrays().ids[frame.overflow_rows].tolist())
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.lane_scroll() == 1
    scrolled = view._current_frame()
    assert set(view.arrays().ids[scrolled.rows].tolist()) & hidden
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.lane_scroll() == 0
    # The chip is whole inside the widget, above the axis, and opens a list.
    view.grab()
    rect = view._count_rect
    metrics = view._current_metrics()
    assert rect is not None
    assert rect.left() >= 0 and rect.right() <= 900 and rect.bottom() <= metrics.axis_top
    menu = view.overflow_menu()
    actions = [a for a in menu.actions() if a.isEnabled()]
    assert 0 < len(actions) <= TimelineView.OVERFLOW_MENU_ITEMS
    with qtbot.waitSignal(view.event_selected) as signal:
        actions[-1].trigger()
    chosen = signal.args[0]
    assert chosen in hidden
    frame = view._current_frame()
    assert chosen in view.arrays().ids[frame.rows].tolist()  # its lane scrolled into view
    opened: list[QMenu] = []  # a real popup warns on the offscreen platform
    monkeypatch.setattr(QMenu, "popup", lambda menu, *_: opened.append(menu))
    view.grab()
    rect = view._count_rect
    assert rect is not None
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert len(opened) == 1 and opened[0].actions()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_under_a_search_the_overflow_count_says_how_many_it_found(
    qtbot: QtBot, request: pytest.FixtureRequest, language: str
) -> None:
    """ "+491" beside the status bar's "0 events on the timeline": the strip counts the
    dimmed events too (they are drawn), and now says how many of them the search found."""
    if language == "ar":
        request.getfixturevalue("arabic")
    view = points_view(qtbot, 60, 20 * 60, (900, 170), language == "ar")
    view.set_label_style(LabelStyle(language=language))  # type: ignore[arg-type]
    frame = view._current_frame()
    n = frame.overflow_count
    assert n > 20
    view.set_highlight([])  # a search that found nothing
    assert view.overflow_count_text() == (
        f"+{n}, 0 found" if language == "en" else f"+{n}، وُجد منها 0"
    )
    found = view.arrays().article_ids[frame.overflow_rows[:3]].tolist()
    view.set_highlight(found + view.arrays().article_ids[frame.rows[:2]].tolist())
    assert view.overflow_count_text() == (
        f"+{n}, 3 found" if language == "en" else f"+{n}، وُجد منها 3"
    )
    assert not view.grab().isNull() and view._count_rect is not None
    view.set_highlight(None)
    assert view.overflow_count_text() == f"+{n}"


def test_under_a_search_the_density_note_says_how_many_it_found(qtbot: QtBot) -> None:
    view = points_view(qtbot, DENSITY_THRESHOLD * 3, 60, (900, 300), False)
    view.set_label_style(LabelStyle(language="en"))
    assert view._current_frame().mode == "density"
    view.set_highlight(view.arrays().article_ids[:7].tolist())
    note = view._legend_entries(view._current_frame(), lambda text: text)[-1]
    assert note[1].endswith(
        " events in view, 7 found by the search: zoom in to see them one by one"
    )
    assert note[2].endswith(" events in view, 7 found")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_density_note_of_nothing_found_does_not_send_the_user_zooming(
    qtbot: QtBot, request: pytest.FixtureRequest, language: str
) -> None:
    """A search that found none of the events in view was told "…0 found by the search:
    zoom in to see them one by one" (in Arabic "وجد البحث منها 0: كبّر لرؤيتها"), as if
    zooming in would show them."""
    if language == "ar":
        request.getfixturevalue("arabic")
    view = points_view(qtbot, DENSITY_THRESHOLD * 3, 60, (900, 300), language == "ar")
    view.set_label_style(LabelStyle(language=language))  # type: ignore[arg-type]
    assert view._current_frame().mode == "density"
    view.set_highlight([])
    note = view._legend_entries(view._current_frame(), lambda text: text)[-1]
    whole, short = {
        "en": (" events in view, none of them found by the search", " events in view, none found"),
        "ar": (" حدثاً في العرض، لم يجد البحث أيّاً منها", " حدثاً في العرض، لم يوجد منها شيء"),
    }[language]
    assert note[1].endswith(whole) and note[2].endswith(short), note
    view.set_highlight(view.arrays().article_ids[:7].tolist())  # some found: as before
    note = view._legend_entries(view._current_frame(), lambda text: text)[-1]
    assert ("zoom in" if language == "en" else "كبّر") in note[1]


def test_density_band_has_a_scale_and_tells_each_buckets_count(qtbot: QtBot) -> None:
    n = DENSITY_THRESHOLD * 3
    quiet = BASE + np.arange(n, dtype=np.int64) * 6 * HOUR
    burst = BASE + 300 * DAY + np.arange(n, dtype=np.int64) % 3600  # one busy hour
    starts = np.sort(np.concatenate((quiet, burst)))
    arrays = EventArrays(
        ids=np.arange(1, 2 * n + 1),
        article_ids=np.arange(1, 2 * n + 1),
        starts=starts,
        ends=starts.copy(),
        kinds=np.zeros(2 * n, np.uint8),
        points=np.ones(2 * n, bool),
    )
    view = TimelineView()
    view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.set_data(arrays, lambda ids: {})
    view.show()
    view.set_label_style(LabelStyle(language="en"))
    frame = view._current_frame()
    assert frame.mode == "density"
    scale = density_scale(frame.counts)
    assert scale.log and scale.ticks[:3] == (1, 10, 100)  # the burst is orders above the rest
    busiest = int(np.argmax(frame.counts))
    x = busiest * 2 + 1  # DENSITY_BUCKET_PX
    tip = view.density_tooltip(x)
    assert f"{int(frame.counts[busiest]):,} events" in tip
    assert "2022" in tip  # 300 days after 22 May 2021
    view.set_highlight(arrays.article_ids[:10].tolist())
    assert "match the search" in view.density_tooltip(x)
    assert view.density_tooltip(-50) == ""
    assert not view.grab().isNull()


def test_density_scale_is_linear_for_even_counts() -> None:
    scale = density_scale(np.array([0, 90, 120, 100, 0, 110]))
    assert not scale.log and scale.peak == 120
    assert scale.ticks == (50, 100)
    assert scale.fraction(np.array([60]))[0] == pytest.approx(0.5)
    assert density_scale(np.zeros(4, np.int64)).ticks == ()


class _RecordingPainter:
    """Stands in for QPainter: records where texts are drawn, ignores the rest."""

    def __init__(self) -> None:
        self.texts: list[tuple[float, float]] = []

    def drawStaticText(self, point: QPointF, static: object) -> None:
        width = static.size().width()  # type: ignore[attr-defined]
        self.texts.append((point.x(), width))

    def __getattr__(self, name: str) -> object:
        return lambda *args, **kwargs: None


@pytest.mark.parametrize("rtl", [False, True])
@pytest.mark.parametrize("hijri", [False, True])
def test_axis_labels_are_never_cut_at_the_edges(qtbot: QtBot, rtl: bool, hijri: bool) -> None:
    from timeline.timescale import Viewport, ticks_for
    from timeline.ui.timeline_cache import TextCache
    from timeline.ui.timeline_paint import Look, cached_text, paint_axis

    view = era_view(qtbot, (800, 500), rtl)
    metrics = view._current_metrics()
    look = Look.from_palette(view.palette())
    text = cached_text(TextCache(5000), view.font(), [10_000])
    style = LabelStyle(language="ar" if rtl else "en", hijri=hijri)
    start = to_axis(datetime(1945, 1, 1))
    for span in (40 * 365 * DAY, 9 * 365 * DAY, 400 * DAY, 30 * DAY, 2 * DAY):
        for step in range(6):
            vp = Viewport(start + step * span / 17, span, 800, rtl)
            painter = _RecordingPainter()
            assert paint_axis(painter, vp, ticks_for(vp, style), metrics, look, text, 20.0)  # type: ignore[arg-type]
            assert painter.texts
            for x, width in painter.texts:
                assert x >= 0 and x + width <= 800, (span, step, x, width)


class _LinesAndTexts(_RecordingPainter):
    """Records each text's box and each line, to see which lines cross which texts."""

    def __init__(self) -> None:
        super().__init__()
        self.boxes: list[tuple[float, float, float, float]] = []
        self.lines: list[QLineF] = []

    def drawStaticText(self, point: QPointF, static: object) -> None:
        size = static.size()  # type: ignore[attr-defined]
        self.boxes.append((point.x(), point.y(), size.width(), size.height()))

    def drawLines(self, lines: list[QLineF]) -> None:
        self.lines += lines


@pytest.mark.parametrize("rtl", [False, True])
def test_no_hijri_mark_runs_through_a_hijri_label(qtbot: QtBot, rtl: bool) -> None:
    """Each Hijri unit's start is marked under the axis; a unit too narrow for its label
    leaves the label to every k-th one, and its mark ran through the label before it:
    "≈ 200–2|99 AH" when Fit all showed the centuries from AD 79 to today."""
    from timeline.timescale import Viewport, ticks_for
    from timeline.ui.timeline_cache import TextCache
    from timeline.ui.timeline_paint import Look, cached_text, paint_axis

    view = era_view(qtbot, (1280, 500), rtl)
    metrics = view._current_metrics()
    look = Look.from_palette(view.palette())
    text = cached_text(TextCache(5000), view.font(), [10_000])
    style = LabelStyle(language="ar" if rtl else "en", hijri=True)
    start = to_axis(datetime(1, 1, 1))
    crossed = []
    for span in (2100 * 365 * DAY, 700 * 365 * DAY, 90 * 365 * DAY, 12 * 365 * DAY):
        vp = Viewport(start + 2000 * 365 * DAY - span, span, 1280, rtl)
        painter = _LinesAndTexts()
        paint_axis(painter, vp, ticks_for(vp, style), metrics, look, text, 20.0)  # type: ignore[arg-type]
        row_top = max(y for _x, y, _w, _h in painter.boxes)  # the Hijri units' row
        marks = [line.x1() for line in painter.lines if line.y1() >= row_top]
        assert marks, span
        crossed += [
            (span // (365 * DAY), x)
            for x in marks
            for left, y, width, _h in painter.boxes
            if y == row_top and left + 1 < x < left + width - 1
        ]
    assert not crossed


def test_many_ranges_leave_the_shown_lanes_to_the_points_too() -> None:
    from timeline.ui.timeline_geometry import pack_ranges_over_points

    n_ranges, n_points = 30, 8
    box0 = np.concatenate((np.zeros(n_ranges), np.arange(n_points) * 10.0))
    box1 = np.concatenate((np.full(n_ranges, 1000.0), np.arange(n_points) * 10.0 + 200))
    is_point = np.arange(n_ranges + n_points) >= n_ranges
    lanes = pack_ranges_over_points(is_point, box0, box1, 64, 2.0, shown=12)
    assert np.all(lanes >= 0)
    assert np.all(lanes[is_point] < 12)  # every point in a lane that is shown
    assert np.count_nonzero(lanes[~is_point] < 12) >= 2  # and ranges on top of them
    assert len(set(lanes.tolist())) == len(lanes)  # all overlap: one lane each


def test_fit_all_shows_a_roman_date_and_today_together(qtbot: QtBot) -> None:
    # The date rules read `24 أغسطس (آب) 79م` as AD 79: fitting must still show it
    # beside the modern articles, not a window of the first centuries only.
    from datetime import datetime

    from timeline.model import to_axis

    starts = np.array(
        [
            to_axis(datetime(79, 8, 24)),
            to_axis(datetime(1945, 3, 22)),
            to_axis(datetime(2021, 5, 22)),
        ],
        dtype=np.int64,
    )
    arrays = _points(starts)
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(800, 240)
    view.set_data(arrays, lambda ids: {i: ("", "", TITLES[i % 5]) for i in ids})
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    vp = view.viewport()
    assert all(vp.start <= int(t) <= vp.end for t in starts)
    view.grab()


def test_the_view_opens_on_the_publication_days_and_fit_all_shows_every_event(
    qtbot: QtBot,
) -> None:
    # A week of news mentioning 1948 and 2030: fitted to every event, the week would
    # be one bar among eighty years.
    published = BASE + np.arange(8, dtype=np.int64) * DAY
    starts = np.concatenate(([to_axis(datetime(1948, 5, 15))], published))
    starts = np.concatenate((starts, [to_axis(datetime(2030, 1, 1))]))
    kinds = np.array([1, *[PUBLISHED] * 8, 1], np.uint8)
    arrays = EventArrays(
        ids=np.arange(1, 11, dtype=np.int64),
        article_ids=np.arange(1, 11, dtype=np.int64),
        starts=starts,
        ends=starts.copy(),
        kinds=kinds,
        points=np.ones(10, bool),
    )
    view = TimelineView()
    view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.set_data(arrays, lambda ids: {i: ("", "", TITLES[i % 5]) for i in ids})
    view.show()
    qtbot.waitExposed(view)

    def shown() -> list[int]:
        vp = view.viewport()
        return [i for i, at in enumerate(starts.tolist()) if vp.start <= at <= vp.end]

    home = view.viewport()
    assert shown() == list(range(1, 9))  # the eight days, not 1948 or 2030
    assert home.span < 10 * DAY
    with qtbot.waitSignal(view.zoom_changed):
        view.fit_all()  # the window's Ctrl+0
    assert shown() == list(range(10))
    view.resize(700, 300)  # the fit followed is every event's
    qtbot.waitUntil(lambda: view.viewport().width == 700)
    assert shown() == list(range(10))
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert shown() == list(range(1, 9))
    view.resize(900, 300)  # and now the days'
    qtbot.waitUntil(lambda: view.viewport().width == 900)
    assert view.viewport() == home


def test_a_selected_item_with_no_lane_to_take_goes_without_a_label() -> None:
    # A timeline squeezed below one lane (a short window) has no lane to give even the
    # selected item: it is drawn without its label instead of failing.
    metrics = Metrics(
        width=400, height=40, lane_h=20, slot_px=120, marker_r=4, pad=2, legend_h=20, axis_h=20
    )
    assert metrics.packed_lanes == 0
    is_point = np.array([True, True])
    u_s = np.array([350.0, 360.0])  # labels cut at the far edge: both move
    lanes = np.array([-1, -1])
    out_lanes, *_, has_label = place_labels(
        is_point, u_s, u_s.copy(), lanes, metrics, 400.0, selected=0
    )
    assert out_lanes[0] < 0 and not has_label[0]


def test_the_first_paint_of_the_overflow_strip_imports_nothing(tmp_path: Path) -> None:
    """Modules imported while painting freeze the window: they load with the view."""
    script = tmp_path / "paint.py"
    script.write_text(
        textwrap.dedent(
            """
            import sys

            import numpy as np
            from PySide6.QtWidgets import QApplication

            from timeline.store.timeline_data import EventArrays
            from timeline.ui.timeline_view import TimelineView

            app = QApplication([])
            n = 60
            starts = np.int64(1_600_000_000) + np.arange(n, dtype=np.int64) * 1200
            view = TimelineView()
            view.resize(900, 170)
            view.set_data(
                EventArrays(
                    ids=np.arange(1, n + 1, dtype=np.int64),
                    article_ids=np.arange(1, n + 1, dtype=np.int64),
                    starts=starts,
                    ends=starts.copy(),
                    kinds=np.zeros(n, np.uint8),
                    points=np.ones(n, bool),
                ),
                lambda ids: {i: ("", "", f"title {i}") for i in ids},
            )
            view.set_viewport(view.viewport().fitted(int(starts[0]), int(starts[-1])))
            assert view._current_frame().overflow_count > 0
            before = set(sys.modules)
            view.grab()
            print("\\n".join(sorted(set(sys.modules) - before)))
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        },
    )
    assert done.stdout.split() == []


def _band_pixels(view: TimelineView) -> int:
    """Pixels of the widget that are neither its background nor near-grey (the band)."""
    image = view.grab().toImage()
    background = view.palette().color(view.backgroundRole())
    count = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            colour = image.pixelColor(x, y)
            spread = max(colour.red(), colour.green(), colour.blue()) - min(
                colour.red(), colour.green(), colour.blue()
            )
            if colour != background and spread > 40:
                count += 1
    return count


def test_the_summary_draws_a_density_band_before_the_events_come(
    qtbot: QtBot, store: Store
) -> None:
    view = TimelineView()
    view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    empty = _band_pixels(view)
    summary = density_summary(store)
    view.set_summary(summary)
    # It opens on the articles' days, read with the summary (a mention begins a day before).
    home, span = summary.home, summary.span
    assert home is not None and span is not None and span[0] < home[0]
    assert view.viewport().start <= home[0] < home[1] <= view.viewport().end < span[1] + DAY
    assert view._current_frame().in_view < len(summary)
    view.fit_all()
    assert view.viewport().start <= span[0] < span[1] <= view.viewport().end
    frame = view._current_frame()
    assert frame.mode == "density"  # even zoomed in this far: no row to draw an item from
    assert frame.in_view == len(summary) == len(load_event_arrays(store))
    assert _band_pixels(view) > empty  # the band is painted
    note = view._legend_entries(frame, lambda text: text)[-1][1]
    assert "reading them" in note and str(len(summary)) in note  # zooming in shows no more yet
    arrays = load_event_arrays(store)
    view.set_data(arrays, lambda ids: {})
    assert view._current_frame().mode == "items"
    view.set_summary(summary)  # a later summary never replaces the events shown
    assert view._current_frame().mode == "items"
    view.set_data(EventArrays(), lambda ids: {})
    assert view._current_frame().mode == "empty"


def test_the_users_zoom_on_the_summary_stays_when_the_events_come(
    qtbot: QtBot, store: Store
) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    view.set_summary(density_summary(store))
    fitted = view.viewport()
    view.zoom_by(4.0, 300.0)  # the user zooms in on the band while the events are read
    view.pan_by(50.0)
    zoomed = view.viewport()
    assert zoomed != fitted
    view.set_data(load_event_arrays(store), lambda ids: {})
    assert view.viewport() == zoomed
    # Untouched, the view fits the days of the articles' publication, as the summary had.
    other = TimelineView()
    qtbot.addWidget(other)
    other.resize(1000, 400)
    other.show()
    other.set_summary(density_summary(store))
    on_summary = other.viewport()
    arrays = load_event_arrays(store)
    other.set_data(arrays, lambda ids: {})
    home = arrays.home_span
    assert home is not None and home == density_summary(store).home
    assert other.viewport() == on_summary  # the same days: the view does not jump
    assert other.viewport().start <= home[0] and home[1] <= other.viewport().end


def test_a_highlight_marks_exactly_the_events_of_the_articles_asked() -> None:
    from timeline.ui.timeline_view import _of_articles

    rng = np.random.default_rng(5)
    article_ids = rng.integers(1, 500, 3000)
    for wanted in (
        [],
        [1],
        rng.integers(0, 700, 80).tolist(),  # some no event has, some past the last
        rng.integers(1, 500, 300),
        [-4, 10**12, 7],
    ):
        expected = np.isin(article_ids, np.asarray(wanted, dtype=np.int64))
        assert _of_articles(article_ids, wanted).tolist() == expected.tolist()
    odd = np.array([-3, 5, 10**9])  # negative or far ids: the sort-based way
    assert _of_articles(odd, [5, -3]).tolist() == [True, True, False]


def _dense_view_of_50_articles(qtbot: QtBot) -> tuple[TimelineView, EventArrays]:
    """A view past the density threshold, its events spread over 50 articles."""
    n = DENSITY_THRESHOLD * 4
    starts = BASE + np.arange(n, dtype=np.int64) * 600
    arrays = EventArrays(
        ids=np.arange(1, n + 1),
        article_ids=np.arange(1, n + 1) % 50,
        starts=starts,
        ends=starts.copy(),
        kinds=np.zeros(n, np.uint8),
        points=np.ones(n, bool),
    )
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(800, 300)
    view.set_data(arrays, lambda ids: {})
    return view, arrays


def test_the_density_of_the_hits_follows_each_new_highlight(qtbot: QtBot) -> None:
    view, arrays = _dense_view_of_50_articles(qtbot)
    for hits in ([1, 2], [7], list(range(50)), [1, 2]):
        view.set_highlight(hits)
        frame = view._current_frame()
        assert frame.highlight_counts is not None
        assert int(frame.highlight_counts.sum()) == int(np.isin(arrays.article_ids, hits).sum())
    view.set_highlight(None)
    assert view._current_frame().highlight_counts is None


def test_a_crowded_view_coloured_by_source_colours_its_density_band(qtbot: QtBot) -> None:
    # Coloured by tag or source, the band drawn when too many events are in view showed
    # one colour: the colours (and the legend beside them) meant nothing until zoomed
    # far in.  Each bar is now cut into its codes' shares.
    view, arrays = _dense_view_of_50_articles(qtbot)
    codes = (arrays.article_ids % 3).astype(np.int32) - 1  # -1 (none), 0 and 1
    palette = [QColor("#d62728"), QColor("#2ca02c")]
    view.set_colouring(codes, palette)
    view.show()
    frame = view._current_frame()
    assert frame.mode == "density" and frame.code_counts is not None
    first, second = frame.code_counts
    assert int(first.sum()) == int((codes == 0).sum())
    assert int(second.sum()) == int((codes == 1).sum())
    assert bool((first + second <= frame.counts).all())
    image = view.grab().toImage()
    seen = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(0, 260, 3)}
    assert {"#d62728", "#2ca02c"} <= seen
    # A search's highlight is drawn over one colour, as before; by kind: one colour.
    view.set_highlight([1, 2])
    assert view._current_frame().code_counts is None
    view.set_highlight(None)
    view.set_colouring(None)
    assert view._current_frame().code_counts is None
    image = view.grab().toImage()
    seen = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(0, 260, 3)}
    assert not {"#d62728", "#2ca02c"} & seen


def test_a_coloured_bars_tooltip_names_its_biggest_codes_verbatim(qtbot: QtBot) -> None:
    view, arrays = _dense_view_of_50_articles(qtbot)
    codes = (arrays.article_ids % 8).astype(np.int32)
    names = [f"<b>source {k}</b> \u202eab" for k in range(8)]
    view.set_colouring(codes, [QColor("#000000")] * 8, names)
    view.show()
    frame = view._current_frame()
    assert frame.code_counts is not None
    x = next(
        (i + 0.5) * 2 for i in range(len(frame.counts)) if frame.counts[i] > 20
    )  # a bucket holding all eight sources (DENSITY_BUCKET_PX = 2)
    from tests.ui.test_safety import shown

    tip = shown(view.density_tooltip(x))
    lines = tip.split("\n")
    named = [line for line in lines if "source" in line]
    assert len(named) == TimelineView.TOOLTIP_CODES  # the six biggest, then how many more
    assert lines[-1] == "2 more"
    assert all(line.startswith("\u2068<b>source ") and "\u202e" not in line for line in named)
    at = int(x // 2)
    firsts = sorted(((-int(c[at]), k) for k, c in enumerate(frame.code_counts)))[:6]
    assert [f"\u2068<b>source {k}</b> \ufffdab\u2069: {-n}" for n, k in firsts] == named


def test_each_codes_rows_are_its_rows_in_order() -> None:
    from timeline.ui.timeline_geometry import rows_by_code

    rng = np.random.default_rng(3)
    for n_codes, top in ((4, 4), (300, 300)):  # 8-bit keys, then 16-bit
        codes = rng.integers(-1, top, 5_000).astype(np.int32)
        found = rows_by_code(codes, n_codes)
        assert [f.tolist() for f in found] == [
            np.flatnonzero(codes == k).tolist() for k in range(n_codes)
        ]
    assert [f.tolist() for f in rows_by_code(np.empty(0, np.int32), 2)] == [[], []]


def test_counts_in_the_legend_are_grouped_in_both_languages() -> None:
    # As the status bar writes them: 995,840 in Arabic too (it was 995840), and with the
    # Arabic thousands separator in Arabic-Indic digits.
    from timeline.ui.timeline_view import TimelineView

    assert TimelineView._number(995_840, LabelStyle(language="en")) == "995,840"
    assert TimelineView._number(995_840, LabelStyle(language="ar")) == "995,840"
    assert TimelineView._number(995_840, LabelStyle(language="ar", digits="arabic")) == "٩٩٥٬٨٤٠"


def _ink(image: QImage, background: QColor) -> list[int]:
    """Pixels unlike the background in each band of 20 rows."""
    bands = []
    for top in range(0, image.height(), 20):
        count = 0
        for y in range(top, min(top + 20, image.height()), 2):
            for x in range(0, image.width(), 2):
                if image.pixelColor(x, y) != background:
                    count += 1
        bands.append(count)
    return bands


def test_texts_and_markers_drawn_from_images_look_as_drawn_directly(
    view: TimelineView, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QPicture

    background = view.palette().color(view.backgroundRole())
    view._images.clear()
    blitted = view.grab().toImage()
    rendered = view._images.rendered
    assert rendered > 30  # the labels, the axis's and legend's texts
    assert view._images._markers  # the publications' circles
    # On a vector device (an SVG or PDF export records through a QPicture) text stays text.
    picture = QPicture()
    painter = QPainter(picture)
    view.render(painter, QPoint(0, 0))
    painter.end()
    assert view._images.rendered == rendered
    monkeypatch.setattr(view, "_text_images", lambda p: None)
    direct = view.grab().toImage()
    # The same ink in every band of rows, within a few percent (a blit sits on a whole
    # pixel, half a pixel from where drawStaticText would put it at most).
    for got, want in zip(_ink(blitted, background), _ink(direct, background), strict=True):
        assert abs(got - want) <= max(0.06 * want, 12), (got, want)


class _BoxPainter(_RecordingPainter):
    """Records the box of each text drawn."""

    def __init__(self) -> None:
        super().__init__()
        self.boxes: list[tuple[float, float, float, float]] = []

    def drawStaticText(self, point: QPointF, static: object) -> None:
        size = static.size()  # type: ignore[attr-defined]
        self.boxes.append((point.x(), point.y(), size.width(), size.height()))


@pytest.mark.parametrize("rtl", [False, True])
@pytest.mark.parametrize("height", [120, 160, 300, 500])
def test_density_scale_counts_never_crowd_in_a_low_band(
    qtbot: QtBot, rtl: bool, height: int
) -> None:
    from timeline.timescale import Viewport
    from timeline.ui.timeline_cache import TextCache
    from timeline.ui.timeline_geometry import Frame
    from timeline.ui.timeline_paint import Look, cached_text, paint_density_counts

    view = era_view(qtbot, (800, height), rtl)
    metrics = view._current_metrics()
    look = Look.from_palette(view.palette())
    text = cached_text(TextCache(100), view.font(), [1000])
    # A log scale: one bucket a hundred thousand times the typical one (gridlines at
    # 1, 10, ... 100,000, a few pixels apart in a low band).
    counts = np.full(400, 3, np.int64)
    counts[17] = 250_000
    frame = Frame("density", Viewport(0.0, 1e6, 800, rtl), counts=counts)
    assert density_scale(counts).log
    painter = _BoxPainter()
    assert paint_density_counts(painter, frame, metrics, look, text, str)  # type: ignore[arg-type]
    boxes = sorted(painter.boxes, key=lambda box: box[1])
    assert boxes  # the top count at least
    top, bottom = metrics.lanes_top + 4, metrics.axis_top
    for (_x, y, _w, h), (_x2, y2, _w2, _h2) in itertools.pairwise(boxes):
        assert y + h + 2 <= y2  # apart
    for _x, y, _w, h in boxes:
        assert y >= top - 4 and y + h <= bottom  # inside the band, clear of the legend
    if height >= 300:
        assert len(boxes) >= 3  # room for several: not thinned for nothing


@pytest.mark.parametrize("rtl", [False, True])
def test_the_selected_events_line_leaves_the_density_counts_readable(
    qtbot: QtBot, rtl: bool
) -> None:
    """The selected event's line, painted after the density band, ran through the
    scale's count beside it ("1,000" at 800x500) and made it unreadable: the counts
    are painted over it, each on its patch of the background."""
    from timeline.ui.timeline_cache import TextCache
    from timeline.ui.timeline_paint import Look, cached_text, paint_density_counts

    n = DENSITY_THRESHOLD * 3
    starts = BASE + np.arange(n, dtype=np.int64) * HOUR
    arrays = EventArrays(
        ids=np.arange(1, n + 1),
        article_ids=np.arange(1, n + 1),
        starts=starts,
        ends=starts.copy(),
        kinds=np.zeros(n, np.uint8),
        points=np.ones(n, bool),
    )
    view = TimelineView()
    view.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    qtbot.addWidget(view)
    view.resize(800, 300)
    view.set_data(arrays, lambda ids: {})
    view.show()
    qtbot.waitExposed(view)
    view.set_label_style(LabelStyle(language="ar" if rtl else "en"))
    # Events from edge to edge (the view opened with a margin before the first).
    shown = replace(view.viewport(), start=float(BASE + 30 * DAY))
    view.set_viewport(shown)
    frame = view._current_frame()
    assert frame.mode == "density"
    # Where the view puts the counts.
    painter = _BoxPainter()
    style = view.label_style()
    text = cached_text(TextCache(100), view.font(), [1000])
    metrics = view._current_metrics()
    look = Look.from_palette(view.palette())
    paint_density_counts(
        painter,  # type: ignore[arg-type]
        frame,
        metrics,
        look,
        text,
        lambda count: view._number(count, style),
    )
    x, y, w, h = painter.boxes[0]  # the top one
    plain = view.grab().toImage()
    # An event under the middle of that count selected, the view kept where it was.
    row = int(np.searchsorted(arrays.starts, shown.t_of(x + w / 2)))
    assert view.select_event(int(arrays.ids[row]))
    view.set_viewport(shown)
    assert view._current_frame().mode == "density"
    line_x = float(shown.x_of(float(arrays.starts[row])))
    assert x + 2 <= line_x <= x + w - 2
    marked = view.grab().toImage()
    crossed = [
        (i, j)
        for i in range(int(x), int(x + w))
        for j in range(int(y), int(y + h))
        if plain.pixelColor(i, j) != marked.pixelColor(i, j)
    ]
    assert crossed == []
    # The line is drawn, above and below the count.
    column = round(line_x)
    assert any(plain.pixelColor(column, j) != marked.pixelColor(column, j) for j in range(300))


def test_arrays_shown_without_length_classes_get_them_while_idle(
    qtbot: QtBot, view: TimelineView, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.store import timeline_data

    monkeypatch.setattr(timeline_data, "_MAKE_AT_ONCE", 0)  # as for 10M events' ranges
    monkeypatch.setattr(timeline_data, "_CLASS_SLICE", 2)
    shown = view.arrays()
    arrays = shown.subset(np.ones(len(shown), bool))  # new arrays, as an edit makes
    assert arrays._classes is None
    view.replace_data(arrays)
    before = drawn_events(view)  # drawn meanwhile, every range read
    qtbot.waitUntil(lambda: arrays._classes is not None)
    assert isinstance(arrays.length_classes(), timeline_data.LengthClasses)
    view._frame_key = None
    assert drawn_events(view) == before


def test_a_highlight_after_other_events_are_shown_reads_their_article_ids(
    view: TimelineView,
) -> None:
    shown = view.arrays()
    view.set_highlight([int(shown.article_ids[0])])
    assert view._highlight is not None and view._highlight[0]
    moved = shown.subset(np.ones(len(shown), bool))
    moved.article_ids = moved.article_ids + 1000  # ids past the ones read before
    view.replace_data(moved)
    view.set_highlight([int(moved.article_ids[-1])])
    rows = np.flatnonzero(moved.article_ids == moved.article_ids[-1])
    assert view._highlight is not None
    assert np.flatnonzero(view._highlight).tolist() == rows.tolist()


@pytest.mark.parametrize("rtl", [False, True])
def test_density_bars_as_whole_pixel_rects_are_the_fractional_rects_pixel_for_pixel(
    qtbot: QtBot, rtl: bool
) -> None:
    from PySide6.QtCore import QRectF

    from timeline.timescale import Viewport
    from timeline.ui.timeline_geometry import Frame
    from timeline.ui.timeline_paint import Look, paint_density

    view = era_view(qtbot, (801, 300), rtl)
    metrics = view._current_metrics()
    rng = np.random.default_rng(4)
    counts = np.where(rng.random(401) < 0.3, 0, rng.integers(1, 5000, 401))
    frame = Frame("density", Viewport(0.0, 1e6, 801, rtl), counts=counts)
    look = Look.from_palette(view.palette())
    drawn = QImage(801, 300, QImage.Format.Format_ARGB32_Premultiplied)
    drawn.fill(look.background)
    painter = QPainter(drawn)
    paint_density(painter, frame, metrics, look)
    painter.end()
    # As the bars were drawn before: QRectF 1.5 px wide at fractional heights.
    top, bottom = metrics.lanes_top + 4, metrics.axis_top
    scale = density_scale(counts)
    want = QImage(801, 300, QImage.Format.Format_ARGB32_Premultiplied)
    want.fill(look.background)
    painter = QPainter(want)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(look.density)
    nz = np.flatnonzero(counts)
    heights = np.maximum(scale.fraction(counts[nz]) * (bottom - top), 1.0)
    xs = (801 - nz * 2 - 2) if rtl else nz * 2
    painter.drawRects(
        [QRectF(x, bottom - h, 1.5, h) for x, h in zip(xs.tolist(), heights.tolist(), strict=True)]
    )
    ys = (bottom - scale.fraction(np.array(scale.ticks)) * (bottom - top)).tolist()
    painter.setPen(look.grid)
    for y in ys:  # the scale's gridlines, drawn after the bars
        painter.drawLine(QPointF(0, y), QPointF(801, y))
    painter.end()
    # The same pixels, but for the outermost columns (where a fractional rect at an odd
    # x next to the edge was cut a column short on some rows).
    diff = [
        (x, y)
        for x in range(4, 797)
        for y in range(0, 300)
        if drawn.pixelColor(x, y) != want.pixelColor(x, y)
    ]
    assert not diff, sorted({x for x, _y in diff})


@pytest.mark.parametrize("rtl", [False, True])
@pytest.mark.parametrize("width", [801, 800.5])
def test_density_bars_grouped_fill_the_pixels_of_a_rect_a_bar(
    qtbot: QtBot, rtl: bool, width: float
) -> None:
    # bar_rects fills the part of BAR_GROUP full neighbours below their lowest top as one
    # rect: the same pixels as a rect a bar, for dense bands (most groups full), sparse
    # ones, and a flat run (every bar as low as the group's base).
    from PySide6.QtCore import QRect

    from timeline.ui.timeline_paint import BAR_GROUP, bar_rects

    rng = np.random.default_rng(9)
    n = int(width // 2) + 1
    bottom = 280
    for dense in (0.0, 0.02, 0.3):
        counts = np.where(rng.random(n) < dense, 0, rng.integers(1, 5000, n))
        counts[BAR_GROUP : 2 * BAR_GROUP] = 7  # a flat group
        tops = np.where(counts > 0, bottom - 1 - (counts * 250 // 5000), bottom)
        images = []
        for rects in (
            [QRect(*r) for r in bar_rects(counts, tops, bottom, width, rtl)],
            [
                QRect(int(np.floor((width - 2 * i - 2) if rtl else 2 * i)), y, 2, bottom - y)
                for i, y in enumerate(tops.tolist())
                if counts[i]
            ],
        ):
            image = QImage(802, 300, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(QColor("white"))
            painter = QPainter(image)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(20, 90, 200, 160))  # translucent: a pixel filled twice shows
            painter.drawRects(rects)
            painter.end()
            images.append(image)
        assert images[0] == images[1]
        if dense == 0.0:
            assert len(bar_rects(counts, tops, bottom, width, rtl)) < n


def test_the_hits_density_counts_the_hit_rows_between_bucket_edges() -> None:
    # _density_frame counts a bucket's hits in the sorted hit rows between the rows where
    # the bucket begins and ends: the same as the density of the hits' own starts, with
    # starts on the edges and many events at one time, and hit rows made in slices.
    from timeline.store.timeline_data import density
    from timeline.timescale import Viewport
    from timeline.ui.timeline_geometry import _density_frame
    from timeline.ui.timeline_view import _true_rows

    rng = np.random.default_rng(3)
    n = 20_000
    starts = np.sort(BASE + rng.integers(0, 40, n) * 900)  # many share a start
    arrays = EventArrays(
        ids=np.arange(n),
        article_ids=np.arange(n),
        starts=starts,
        ends=starts.copy(),
        kinds=np.zeros(n, np.uint8),
        points=np.ones(n, bool),
    )
    mask = rng.random(n) < 0.3
    rows = _true_rows(mask, step=777)
    assert rows.dtype == np.int32 and rows.tolist() == np.flatnonzero(mask).tolist()
    for start, span in ((BASE, 36_000.0), (BASE + 4_500, 9_000.0), (BASE - 100, 1_000.0)):
        vp = Viewport(start, span, 600, False)
        frame = _density_frame(arrays, vp, rows, 0)
        edges = vp.start + np.arange(301) * (2 * vp.seconds_per_px)
        assert frame.highlight_counts is not None
        assert frame.highlight_counts.tolist() == density(starts[mask], edges).tolist()
        assert frame.counts.tolist() == density(starts, edges).tolist()


def test_a_highlight_over_32_bit_article_ids_makes_no_64_bit_copy_of_them() -> None:
    # np.take converted the whole index array to 64 bits first: 80 MB at 10M events.
    import tracemalloc

    from timeline.ui.timeline_view import _of_articles, _true_rows

    n = 2_000_000
    article_ids = (np.arange(n, dtype=np.int64) * 7919 % 50_000).astype(np.int32)
    wanted = np.arange(0, 50_000, 4)
    tracemalloc.start()
    try:
        mask = _of_articles(article_ids, wanted, (0, 49_999))
        rows = _true_rows(mask)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert np.array_equal(mask, np.isin(article_ids, wanted))
    assert rows.tolist() == np.flatnonzero(mask).tolist()
    assert peak < 8 * n  # the mask, the rows and slices: less than a 64-bit copy alone


def test_a_highlight_of_most_rows_keeps_the_others_and_steps_as_through_its_hits(
    qtbot: QtBot,
) -> None:
    # A word in most articles: the rows kept are the few not highlighted (at ten
    # million events 4 MB, not 34), and the density and stepping come out the same.
    view, arrays = _dense_view_of_50_articles(qtbot)
    n = len(arrays)
    hits = [a for a in range(50) if a not in (3, 17, 18)]
    view.set_highlight(hits)
    pool = np.flatnonzero(np.isin(arrays.article_ids, hits))
    kept = view._highlight_rows
    assert kept is not None and kept.dtype == np.int32
    assert kept.tolist() == np.flatnonzero(~np.isin(arrays.article_ids, hits)).tolist()
    frame = view._current_frame()
    assert frame.mode == "density" and frame.highlight_counts is not None
    from timeline.ui.timeline_geometry import _density_frame

    expected = _density_frame(arrays, view.viewport(), pool.astype(np.int32), 0).highlight_counts
    assert expected is not None and expected.any()
    assert frame.highlight_counts.tolist() == expected.tolist()

    def stepped(start: int | None, step: int) -> int:
        if start is None:
            view.clear_selection()
        else:
            view._selected_row = start
        view.select_next(step)
        return int(np.flatnonzero(arrays.ids == view.selected_event())[0])

    for start in (None, 0, 3, 17, int(pool[-1]), n - 1, n // 2 + 1):
        for step in (1, -1):
            current = start
            if current is None:
                centre = view.viewport().start + view.viewport().span / 2
                at_centre = int(np.searchsorted(arrays.starts, centre))
                after, before = max(at_centre - 1, 0), at_centre
            else:
                after, before = current + 1, current
            later, earlier = pool[pool >= after], pool[pool < before]
            expected = (
                (int(later[0]) if len(later) else int(pool[-1]))
                if step > 0
                else (int(earlier[-1]) if len(earlier) else int(pool[0]))
            )
            assert stepped(start, step) == expected, (start, step)


def test_the_view_shows_when_it_has_the_keyboard(qtbot: QtBot) -> None:
    # Arrows, +/- and Up/Down act on the view once it has the focus (Tab reaches it):
    # a frame in the highlight colour says so, and goes with the focus.
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    host = QWidget()
    layout = QVBoxLayout(host)
    other = QLineEdit(host)
    view = era_view(qtbot, (800, 300), False)
    layout.addWidget(other)
    layout.addWidget(view)
    qtbot.addWidget(host)
    host.resize(800, 400)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    highlight = view.palette().color(QPalette.ColorRole.Highlight).rgb()

    def edge_pixels() -> set[int]:
        image = view.grab().toImage()
        y = int(view.devicePixelRatioF())  # the frame's top line
        return {image.pixel(x, y) & 0xFFFFFF for x in range(40, image.width() - 40, 37)}

    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    assert highlight & 0xFFFFFF not in edge_pixels()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.hasFocus)
    assert edge_pixels() == {highlight & 0xFFFFFF}
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    assert highlight & 0xFFFFFF not in edge_pixels()


def test_stale_texts_are_dropped_from_either_side_of_the_caches() -> None:
    """An edit's stale ids leave the caches of texts and laid-out labels whether they
    are fewer than the cached ones or many more (a long article's 35,000 mentions), and
    the labels' cache says whether any of them was laid out."""
    from timeline.ui.timeline_cache import EventTexts, LaidOutText, TextCache

    for stale in ({2, 9}, set(range(1, 50_000, 2))):
        texts = EventTexts()
        texts.update({i: EventText("", "", f"نص {i}", "") for i in range(6)})
        labels: TextCache[int] = TextCache(10)
        for i in range(4):
            labels.put(i, LaidOutText.__new__(LaidOutText))
        texts.discard_all(stale)
        assert [i for i in range(6) if i in texts] == [i for i in range(6) if i not in stale]
        assert labels.discard_all(stale) is True
        assert [i for i in range(4) if i in labels] == [i for i in range(4) if i not in stale]
        assert labels.discard_all({100, 101}) is False


def test_marks_rows_followed_through_rows_taken_out_equal_those_found_again() -> None:
    # A hide under a search found the marked rows again in the new marks (a pass over
    # every row: 7-8 ms at 7,604,961 events); they follow the rows taken out instead.
    # A few taken out are written over the marks' own buffers (no fresh pages: the
    # copies' page faults were 75 ms of a hide's 115 after a reload gave the heap back).
    from timeline.ui.hit_marks import taken_out as _taken_out
    from timeline.ui.timeline_view import _rows_after_taking_out, _without_rows

    rng = np.random.default_rng(3)
    for case in range(400):
        n = int(rng.integers(1, 300))
        mask = rng.random(n) < rng.random()
        out = np.sort(rng.choice(n, int(rng.integers(0, min(n, 80) + 1)), replace=False))
        expected = np.delete(mask, out).tolist()
        assert _without_rows(mask, out).tolist() == expected, case
        mine = mask.copy()
        kept = _taken_out(mine, out)
        assert kept.tolist() == expected, case
        assert not len(kept) or np.shares_memory(kept, mine), case
        for listed in (mask, ~mask):
            rows = np.flatnonzero(listed).astype(np.int32)
            wanted = np.flatnonzero(np.delete(listed, out)).tolist()
            for in_place in (False, True):
                given = rows.copy()
                after = _rows_after_taking_out(given, out, in_place)
                assert after.tolist() == wanted and after.dtype == np.int32, case
                assert not len(after) or np.shares_memory(after, given) == in_place, case
