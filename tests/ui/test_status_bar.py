"""The status bar: a long message beside the article count, in either direction."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from tests.ui.waiting import open_window
from timeline.store import Store
from timeline.ui.main_window import MainWindow

# Longer than any status bar at 800 px has room for, in the interface's own words.
_LONG = {
    "en": "Imported 12 files: " + "a long line naming what was read, " * 6 + "and the end",
    "ar": "استورد 12 ملفًا: " + "سطر طويل يسمي ما قُرئ، " * 8 + "والنهاية",
}


def _ink_columns(before: QImage, after: QImage) -> list[int]:
    """The columns where two grabs of the same bar differ: where the message drew."""
    return [
        x
        for x in range(before.width())
        if any(before.pixel(x, y) != after.pixel(x, y) for y in range(before.height()))
    ]


@pytest.fixture(params=["en", "ar"])
def narrow_window(request: pytest.FixtureRequest, qtbot: QtBot, sample_store: Store) -> MainWindow:
    if request.param == "ar":
        request.getfixturevalue("arabic")
    window = open_window(qtbot, sample_store)
    window.resize(800, 500)
    qtbot.waitUntil(lambda: window.statusBar().width() <= 800)
    window.language = request.param  # type: ignore[attr-defined]
    return window


def test_a_long_message_stops_short_of_the_counts(qtbot: QtBot, narrow_window: MainWindow) -> None:
    """Elided with room before the counts: Qt cut it through a letter 2 px from them
    (in Arabic, cut at its start), and it read as running under the count."""
    bar = narrow_window.statusBar()
    counts = narrow_window.count_label
    assert counts.text()
    QApplication.processEvents()
    before = bar.grab().toImage()
    message = _LONG[narrow_window.language]  # type: ignore[attr-defined]
    bar.showMessage(message)
    QApplication.processEvents()
    after = bar.grab().toImage()
    ink = _ink_columns(before, after)
    assert ink, "the message was not drawn"
    geometry = counts.geometry()
    if bar.isRightToLeft():
        assert min(ink) >= geometry.right() + 8
    else:
        assert max(ink) <= geometry.left() - 8
    shown = bar.shown_message()  # type: ignore[attr-defined]
    # Qt joins the last letter kept to the ellipsis with a ZERO WIDTH JOINER.
    assert shown.endswith("…") and message.startswith(shown[:-1].rstrip(" \u200d"))


def test_a_new_message_is_painted_over_the_whole_of_its_place(
    qtbot: QtBot, narrow_window: MainWindow
) -> None:
    """Qt repaints its own message rectangle when a message changes, which ends 12 px
    short of the bar's end; ours runs to 6 px from it.  On the screen (never in a grab,
    which paints the whole bar) an Arabic message lost its first letters there:
    "ـغي الاستيراد" for "أُلغي الاستيراد", 800 px wide under X11."""
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QRegion

    bar = narrow_window.statusBar()
    QApplication.processEvents()
    painted = QRegion()

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            nonlocal painted
            if watched is bar and event.type() == QEvent.Type.Paint:
                painted = painted.united(event.region())  # type: ignore[attr-defined]
            return False

    spy = Painted()
    bar.installEventFilter(spy)
    bar.showMessage(_LONG[narrow_window.language])  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not painted.isEmpty())
    bar.removeEventFilter(spy)
    assert QRegion(bar.message_rect()).subtracted(painted).isEmpty()


@pytest.mark.qt_log_ignore("This plugin does not support raise", extend=True)  # offscreen
def test_a_cut_message_is_whole_in_its_tooltip(qtbot: QtBot, narrow_window: MainWindow) -> None:
    bar = narrow_window.statusBar()
    message = _LONG[narrow_window.language] + " <b>not bold</b>"  # type: ignore[attr-defined]
    bar.showMessage(message)
    inside = bar.message_rect().center()  # type: ignore[attr-defined]
    event = QHelpEvent(QEvent.Type.ToolTip, inside, bar.mapToGlobal(inside))
    QApplication.sendEvent(bar, event)
    qtbot.waitUntil(QToolTip.isVisible)
    shown = QToolTip.text()
    assert "&lt;b&gt;not bold&lt;/b&gt;" in shown  # shown as written, not as markup
    assert ("a long line" in shown) != ("سطر طويل" in shown)
    QToolTip.hideText()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_search_in_a_library_of_one_article_is_counted_in_arabic_indic_digits(
    request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    """ "%1 of 1 article": the 1 put in as ١ was the one in "%1", and the bar read
    "%١ of 1 article" in place of "١ of ١ article" (the count of hits never put in)."""
    from timeline.library import import_paths
    from timeline.store.search import SearchRequest

    if language == "ar":
        request.getfixturevalue("arabic")
    one = tmp_path / "one.jsonl"
    one.write_text('{"title": "قمة الرياض", "body": "انعقدت القمة", "published": "2021-05-12"}\n')
    with Store(tmp_path / "t.db") as store:
        assert import_paths(store, [one]).added == 1
        window = open_window(qtbot, store)
        window.timeline.set_digits("arabic")
        with qtbot.waitSignal(window.search_applied, timeout=10_000):
            window.run_search(SearchRequest(query="القمة"))
        shown = window.count_label.text()
        assert "%" not in shown and "1" not in shown
        assert shown.startswith("١ ") and ("١ of ١ article" in shown) == (language == "en")
