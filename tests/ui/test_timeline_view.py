"""The timeline view: painting, selection, keys, zoom, density, and Arabic labels."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pytest
from arabic_reshaper import reshape
from bidi import get_display
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QTextOption, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.rendering import display_order, lay_out
from timeline.model import ArticleDraft, DateValue, Event, to_axis
from timeline.store import Store
from timeline.store.timeline_data import PUBLISHED, EventArrays, load_event_arrays
from timeline.timescale import DAY, HOUR, LabelStyle
from timeline.ui.timeline_geometry import DENSITY_THRESHOLD
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


def test_crowded_views_draw_a_density_band_until_zoomed_in(qtbot: QtBot) -> None:
    n = DENSITY_THRESHOLD * 3
    starts = BASE + np.arange(n, dtype=np.int64) * 600
    arrays = EventArrays(
        ids=np.arange(1, n + 1, dtype=np.int64),
        article_ids=np.arange(1, n + 1, dtype=np.int64),
        starts=starts,
        ends=starts.copy(),
        kinds=np.zeros(n, np.uint8),
        points=np.ones(n, bool),
    )
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
