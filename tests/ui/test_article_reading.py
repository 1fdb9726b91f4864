"""The detail pane reads the chosen article on a worker: what arrives, what is dropped,
what a change of mind mid-read does, and that nothing of it holds the window open."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from tests.ui.stores import copy_of
from tests.ui.waiting import article_shown
from timeline.ingest import article_uid
from timeline.model import Article, ArticleDraft, Event
from timeline.store import Store
from timeline.ui import workers
from timeline.ui.article_model import ArticleIdRole
from timeline.ui.detail_pane import (
    DetailPane,
    DocumentDisposal,
    EventList,
    EventListModel,
    EventRow,
)
from timeline.ui.main_window import MainWindow

_PARAGRAPH = "قال وزير الخارجية إن القمة العربية عقدت في بغداد عام 1950 بحضور الوفود. "


@pytest.fixture
def long_store(sample_db: Path, tmp_path: Path) -> Iterator[Store]:
    """The sample articles and one of about 400 KB with a mention in every paragraph."""
    with Store(copy_of(sample_db, tmp_path / "long.db")) as store:
        body = "\n".join(_PARAGRAPH * 4 for _ in range(1_500))
        draft = ArticleDraft(title="مقال طويل جدا", body=body, source="اختبار")
        with store.transaction():
            article_id, _ = store.add_article(draft, article_uid(draft), None)
            at = [i for i in range(len(body)) if body.startswith("1950", i)]
            store.replace_mentions(
                article_id,
                [
                    Event(article_id, "mentioned", 0, None, "year", "1950", "عام 1950", s, s + 4)
                    for s in at
                ],
            )
        yield store


def _window(qtbot: QtBot, store: Store) -> MainWindow:
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    article_shown(win.detail)
    return win


def _long_id(store: Store) -> int:
    return next(a.id for a in store.articles() if a.title == "مقال طويل جدا")


def test_the_article_and_all_its_events_arrive_from_the_worker(
    qtbot: QtBot, long_store: Store
) -> None:
    win = _window(qtbot, long_store)
    article_id = _long_id(long_store)
    with qtbot.waitSignal(win.detail.article_loaded, timeout=10_000) as loaded:
        win.select_article(article_id)
        # Chosen, not yet read: the GUI thread read nothing of it.
        assert win.detail.is_loading()
    assert loaded.args == [article_id]
    assert win.detail.article is not None and win.detail.article.id == article_id
    assert win.detail.events.count() == len(long_store.events_of(article_id))
    assert win.detail.story.copies_label.text()  # the story section was filled too
    qtbot.waitUntil(win.detail.body_complete, timeout=30_000)
    article = long_store.article(article_id)
    assert article is not None
    text = win.detail.browser.toPlainText()
    assert text.replace("\n", "").count("1950") == article.body.count("1950")


def test_a_long_articles_contents_hold_few_objects_for_the_garbage_collector(
    long_store: Store,
) -> None:
    """Every event arrives, but not as thousands of objects made on the worker: each
    full collection would visit them all, holding the GIL (and so the window)."""
    article_id = _long_id(long_store)
    expected = long_store.events_of(article_id)
    gc.collect()
    before = len(gc.get_objects())
    contents = workers.read_article_contents(long_store, article_id)
    gc.collect()
    held = len(gc.get_objects()) - before
    assert len(expected) > 5_000
    assert held < len(expected) // 10
    assert list(contents.events) == expected
    assert contents.shown is not None
    shown = list(contents.shown.events)
    assert [e.computed for e in shown] == expected
    assert all(e.origin == "computed" and e.date is not None for e in shown)


def test_the_answer_for_an_article_chosen_before_is_dropped(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, sample_store: Store
) -> None:
    win = _window(qtbot, sample_store)
    first, second = (win.model.index(r).data(ArticleIdRole) for r in (1, 2))
    inside, release = threading.Event(), threading.Event()
    real = workers.read_article_contents

    def slow(
        store: Store, article_id: int, query: str = "", *, with_hidden: bool = False
    ) -> workers.ArticleContents:
        if article_id == first:
            inside.set()
            release.wait(30)  # deaf to cancel: its answer still comes, late
        return real(store, article_id, query, with_hidden=with_hidden)

    monkeypatch.setattr(workers, "read_article_contents", slow)
    shown: list[int] = []
    win.detail.article_loaded.connect(shown.append)
    win.select_article(first)
    # Waited for with the event loop running: a read still ending (the window's first)
    # starts this one from its ended signal, which a blocked GUI thread never takes.
    qtbot.waitUntil(inside.is_set, timeout=10_000)
    win.select_article(second)  # waits for the first read to end
    release.set()
    article_shown(win.detail)
    qtbot.waitUntil(lambda: win.detail._reader_thread is None, timeout=10_000)
    assert shown == [second]
    assert win.detail.article is not None and win.detail.article.id == second


def test_changing_the_selection_while_a_long_article_is_shown(
    qtbot: QtBot, long_store: Store
) -> None:
    win = _window(qtbot, long_store)
    long_id = _long_id(long_store)
    with qtbot.waitSignal(win.detail.article_loaded, timeout=10_000):
        win.select_article(long_id)
    assert not win.detail.body_complete()  # still adding its body a step at a time
    # Several choices in a row, none waited for: only the last one is shown.
    win.list.setFocus()
    for _ in range(3):
        qtbot.keyClick(win.list, Qt.Key.Key_Up)
    current = win.list.currentIndex().data(ArticleIdRole)
    article_shown(win.detail)
    qtbot.waitUntil(win.detail.body_complete, timeout=10_000)
    article = long_store.article(current)
    assert article is not None and win.detail.article == article
    text = win.detail.browser.toPlainText()
    assert article.title in text and _PARAGRAPH.strip() not in text


def test_closing_does_not_wait_for_a_stuck_read(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, sample_store: Store
) -> None:
    win = _window(qtbot, sample_store)
    inside, release = threading.Event(), threading.Event()

    def stuck(*_args: object, **_kwargs: object) -> None:
        inside.set()
        release.wait(60)  # deaf to cancel, like one endless statement
        raise RuntimeError("released")

    monkeypatch.setattr(workers, "read_article_contents", stuck)
    win.select_article(win.model.index(1).data(ArticleIdRole))
    # Waited for with the event loop running: a read still ending (the window's first)
    # starts this one from its ended signal, which a blocked GUI thread never takes.
    qtbot.waitUntil(inside.is_set, timeout=10_000)
    thread = win.detail._reader_thread
    assert thread is not None and thread.isRunning()
    assert win.close()
    assert win.abandoned_threads == [thread]
    release.set()
    assert thread.wait(10_000)


def test_a_replaced_document_is_deleted_a_piece_at_a_time(qtbot: QtBot) -> None:
    disposal = DocumentDisposal(None)  # type: ignore[arg-type]
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    QTextCursor(doc).insertText("\n".join(_PARAGRAPH * 20 for _ in range(300)))
    size = doc.characterCount()
    disposal._chars = 50_000  # the first step's size; later ones follow the clock
    disposal.dispose(doc)
    disposal._step()  # the first step, before the event loop runs the others
    assert shiboken6.isValid(doc) and disposal.pending() == 1  # one step, not all of it
    assert doc.characterCount() == size - 50_000
    qtbot.waitUntil(lambda: not shiboken6.isValid(doc), timeout=30_000)
    assert disposal.pending() == 0


def test_the_pane_deletes_the_document_it_replaces(qtbot: QtBot, sample_store: Store) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    first, second = sample_store.articles()[:2]
    pane.show_article(first, sample_store.events_of(first.id))
    old = pane.browser.document()
    pane.show_article(second, sample_store.events_of(second.id))
    assert pane.browser.document() is not old
    qtbot.waitUntil(lambda: not shiboken6.isValid(old), timeout=10_000)


def test_event_rows_are_written_when_the_list_shows_them(qtbot: QtBot, qtmodeltester) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.resize(600, 600)
    pane.show()
    qtbot.waitExposed(pane)
    events = [
        Event(1, "mentioned", 0, None, "year", "1950", f"عام 1950 رقم {i}", i, i + 4, id=i + 1)
        for i in range(5_000)
    ]
    pane.show_article(sample_article(), events)
    assert pane.events.count() == len(events)
    qtbot.waitUntil(lambda: pane.event_rows.rows_written() > 0, timeout=5_000)
    assert pane.event_rows.rows_written() < 200
    pane.events.scrollToBottom()
    qtbot.waitUntil(
        lambda: str(pane.events.item(len(events) - 1).data()).endswith("4999\u2069"),
        timeout=5_000,
    )
    assert pane.event_rows.rows_written() < 400
    qtmodeltester.check(pane.event_rows)


def test_the_event_model_passes_the_model_tester(qtmodeltester) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    model = EventListModel(parent)
    model.set_rows(list(range(30)), lambda n: EventRow(f"row {n}", f"tip {n}", n, n, n % 2 == 0))
    qtmodeltester.check(model)
    assert ">tip 3<" in model.index(3).data(Qt.ItemDataRole.ToolTipRole)  # plain text


def test_the_event_list_asks_a_lazy_sequence_its_length_once(qtbot: QtBot) -> None:
    """Qt asks the model's row count once per row it lays out: a sequence that makes
    its items when asked (ShownEvents, EventRows) is not asked each time."""
    from collections.abc import Sequence

    from PySide6.QtWidgets import QWidget

    class Counted(Sequence[int]):
        asked = 0

        def __len__(self) -> int:
            Counted.asked += 1
            return 5_000

        def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
            return index

    parent = QWidget()
    qtbot.addWidget(parent)
    view = EventList(parent)
    model = EventListModel(parent)
    view.setModel(model)
    parent.resize(300, 400)
    view.resize(300, 400)
    parent.show()
    qtbot.waitExposed(parent)
    model.set_rows(Counted(), lambda n: EventRow(f"row {n}", "", n, n, False))
    view.grab()
    assert model.rowCount() == 5_000 and 0 < model.rows_written() < 200
    assert Counted.asked <= 2


def _many_events(count: int) -> list[Event]:
    return [
        Event(1, "mentioned", 0, None, "year", "1950", f"عام 1950 رقم {i}", i, i + 4, id=i + 1)
        for i in range(count)
    ]


def test_the_event_list_lays_out_its_rows_without_asking_about_each(qtbot: QtBot) -> None:
    """A QListView asked the model's row count twice for every row it laid out (64,000
    Python calls for a 12 MB article's 32,000 events): how often it is asked must not
    grow with the rows."""
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex

    asked = [0]

    class Counting(EventListModel):
        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            asked[0] += 1
            return super().rowCount(parent)

    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.event_rows = Counting(pane)
    pane.events.setModel(pane.event_rows)
    pane.resize(600, 600)
    pane.show()
    qtbot.waitExposed(pane)
    asked[0] = 0
    pane.show_article(sample_article(), _many_events(20_000))
    pane.events.grab()
    qtbot.wait(50)
    assert pane.events.count() == 20_000
    assert 0 < asked[0] < 1_000


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_the_keys_reach_every_event_and_select_one_at_a_time(
    qtbot: QtBot, direction: Qt.LayoutDirection
) -> None:
    from PySide6.QtCore import QPoint

    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.setLayoutDirection(direction)
    pane.resize(600, 600)
    pane.show()
    qtbot.waitExposed(pane)
    count = 32_000
    pane.show_article(sample_article(), _many_events(count))
    view = pane.events
    pane.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=5_000)
    assert view.currentIndex().row() == 0  # focus makes the first event current
    selected = lambda: [i.row() for i in view.selectionModel().selectedRows()]  # noqa: E731

    def in_view(row: int) -> bool:
        rect = view.visualRect(view.item(row))
        return rect.isValid() and view.viewport().rect().contains(rect)

    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == count - 1 and selected() == [count - 1]
    qtbot.waitUntil(lambda: in_view(count - 1), timeout=5_000)
    assert str(view.item(count - 1).data()).endswith(f"{count - 1}\u2069")
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert selected() == [count - 2]
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert selected() == [0] and in_view(0)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert selected() == [1]
    # Scrolled to the end by the scroll bar, the last row is the last one in view.
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: in_view(count - 1), timeout=5_000)
    bottom = view.viewport().rect().bottom() - 1
    assert view.indexAt(QPoint(view.viewport().width() // 2, bottom)).row() == count - 1
    # A click selects the row clicked, and only it; Tab leaves the list.
    row = view.indexAt(QPoint(view.viewport().width() // 2, 5)).row()
    with qtbot.waitSignal(pane.event_chosen, timeout=2_000) as chosen:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(view.viewport().width() // 2, 5)
        )
    assert selected() == [row] and chosen.args[0] == row + 1
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert not view.hasFocus()


def sample_article() -> Article:
    return Article(
        id=1, uid="u", title="عنوان", body=_PARAGRAPH * 80, source="مصدر", url="", author="",
        caption="", credit="", lang="ar", published=None, published_raw="", origin="",
        imported_at="",
    )  # fmt: skip


def test_a_reader_is_let_go_only_after_its_thread_has_returned(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, sample_store: Store
) -> None:
    # The ending thread deletes its reader (deleteLater as it exits). Dropping the
    # reader's last Python reference before waiting for the thread let the GUI thread
    # delete it at the same moment: a crash now and then ("Fatal Python error").
    from PySide6.QtCore import QThread

    win = _window(qtbot, sample_store)
    held_while_waiting: list[bool] = []
    real_wait = QThread.wait

    def wait(thread: QThread, *args: object) -> bool:
        if thread is win.detail._reader_thread:
            held_while_waiting.append(win.detail._reader is not None)
        return real_wait(thread, *args)

    monkeypatch.setattr(QThread, "wait", wait)
    for row in (1, 2, 3):
        win.select_article(win.model.index(row).data(ArticleIdRole))
        article_shown(win.detail)
        qtbot.waitUntil(lambda: win.detail._reader_thread is None, timeout=10_000)
    assert held_while_waiting and all(held_while_waiting)
