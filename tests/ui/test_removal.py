"""Edit > Remove: an article, or every article of its file, asked first, on a worker."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import SAMPLES
from tests.ui.waiting import open_window
from timeline import library
from timeline.store import Store
from timeline.ui.article_model import ArticleIdRole
from timeline.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    store = Store(tmp_path / "r.db")
    library.import_paths(store, [SAMPLES])
    return open_window(qtbot, store)


def question(window: MainWindow) -> QMessageBox:
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    return box


def test_delete_asks_then_removes_the_article_and_shows_the_next(
    window: MainWindow, qtbot: QtBot
) -> None:
    ids = window.store.chronological_ids()
    window.select_article(ids[2])
    title = window.store.article(ids[2], body_chars=0).title  # type: ignore[union-attr]
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_Delete)
    box = question(window)
    assert title in box.text() and box.textFormat() == Qt.TextFormat.PlainText
    # Enter does not remove: the default answer is Cancel.
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(window.removal.done, timeout=30_000) as done:
        box.button(QMessageBox.StandardButton.Ok).click()
    assert done.args == [1]
    qtbot.waitUntil(lambda: window.removal.running_thread() is None)
    assert window.store.article(ids[2]) is None
    assert window.model.rowCount() == len(ids) - 1
    assert window.list.currentIndex().data(ArticleIdRole) == ids[3]
    assert "1 article removed" in window.statusBar().currentMessage()


def test_cancel_removes_nothing(window: MainWindow, qtbot: QtBot) -> None:
    count = window.store.count_articles()
    window.select_article(window.store.chronological_ids()[0])
    window.remove_action.trigger()
    question(window).button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(50)
    assert window.removal.running_thread() is None
    assert window.store.count_articles() == count


def test_every_article_of_a_file_is_removed(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    extra = tmp_path / "extra.jsonl"
    extra.write_text(
        '{"title": "خبر أول", "body": "نص الخبر الأول في 3 مارس 2020", "published": "2020-03-03"}\n'
        '{"title": "خبر ثان", "body": "نص الخبر الثاني في 4 مارس 2020", "published": "2020-03-04"}\n',
        encoding="utf-8",
    )
    library.import_paths(window.store, [extra])
    window.reload()
    count = window.store.count_articles()
    first = next(a.id for a in window.store.articles() if a.title == "خبر أول")
    window.select_article(first)
    window.remove_origin_action.trigger()
    box = question(window)
    assert str(extra) in box.text()
    with qtbot.waitSignal(window.removal.done, timeout=30_000) as done:
        box.button(QMessageBox.StandardButton.Ok).click()
    assert done.args == [2]
    qtbot.waitUntil(lambda: window.removal.running_thread() is None)
    assert window.store.count_articles() == count - 2
    assert window.model.rowCount() == count - 2


def test_a_files_origin_stored_with_dot_dots_is_asked_about_by_its_path(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """An origin older versions stored with ".." steps: the question names the file as
    the detail pane does, and every article read from it goes."""
    extra = tmp_path / "extra.jsonl"
    extra.write_text(
        '{"title": "خبر أول", "body": "نص الخبر الأول في 3 مارس 2020", "published": "2020-03-03"}\n'
        '{"title": "خبر ثان", "body": "نص الخبر الثاني في 4 مارس 2020", "published": "2020-03-04"}\n',
        encoding="utf-8",
    )
    library.import_paths(window.store, [extra])
    (tmp_path / "elsewhere").mkdir()
    with window.store.transaction():
        window.store.db.conn.execute(
            "UPDATE articles SET origin = ? WHERE origin = ?",
            (f"{tmp_path}/elsewhere/../extra.jsonl", str(extra)),
        )
    window.reload()
    count = window.store.count_articles()
    window.select_article(next(a.id for a in window.store.articles() if a.title == "خبر أول"))
    window.remove_origin_action.trigger()
    box = question(window)
    assert str(extra) in box.text() and ".." not in box.text()
    with qtbot.waitSignal(window.removal.done, timeout=30_000) as done:
        box.button(QMessageBox.StandardButton.Ok).click()
    assert done.args == [2]
    qtbot.waitUntil(lambda: window.removal.running_thread() is None)
    assert window.store.count_articles() == count - 2


def test_a_removal_holds_the_store_and_can_be_cancelled(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, go_on = threading.Event(), threading.Event()
    real = library.remove_articles

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.set()
        go_on.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(library, "remove_articles", held)
    count = window.store.count_articles()
    window.removal.start(window.store.article_ids(), [])
    assert started.wait(10)
    window.import_paths([SAMPLES])
    assert window._import_thread is None  # refused, saying why
    assert "being removed" in window.statusBar().currentMessage()
    window.recompute.ask()
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    window.removal.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: window.removal.running_thread() is None, timeout=30_000)
    assert window.store.count_articles() == count  # rolled back: every article stays
    assert "nothing was removed" in window.statusBar().currentMessage()


def test_a_read_only_library_is_said_and_not_asked(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store(tmp_path / "r.db")
    library.import_paths(store, [SAMPLES])
    store.close()
    window = open_window(qtbot, Store(tmp_path / "r.db", create=False, read_only=True))
    window.select_article(window.store.chronological_ids()[0])
    window.remove_action.trigger()
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert "read-only" in window.statusBar().currentMessage()


def test_a_rows_context_menu_chooses_it_and_offers_the_edit_menus_entries(
    window: MainWindow, qtbot: QtBot
) -> None:
    ids = window.store.chronological_ids()
    window.select_article(ids[0])
    rect = window.list.visualRect(window.model.index(1))
    menu = window.article_menu(rect.center())
    assert menu is not None
    assert window.list.currentIndex().data(ArticleIdRole) == ids[1]
    # (An entry's text carries its key after a tab, for menus laid out right to left.)
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == "Correct publication &date…"
    assert "&Hide this article" in texts and "&Note…" in texts
    assert "Add a standalone &event…" not in texts  # not about this article
    assert texts[-2:] == ["&Remove this article…", "Remove every article of its &file…"]
    # The menu key, the pointer on no row: the current row's.
    nowhere = QPoint(-5, -5)
    assert not window.list.indexAt(nowhere).isValid()
    assert window.article_menu(nowhere) is not None
    assert window.list.currentIndex().data(ArticleIdRole) == ids[1]
    # Its Remove asks about that row.
    menu.actions()[-1 - 1].trigger()
    title = window.store.article(ids[1], body_chars=0).title  # type: ignore[union-attr]
    assert title in question(window).text()


def test_the_last_import_is_taken_back_whole(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    assert not window.remove_import_action.isEnabled()  # nothing imported in this window
    before = set(window.store.article_ids())
    folder = tmp_path / "wrong"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(
            f"خبر رقم {n}\n\nنشر في {n + 1} مارس 2020\n\nنص الخبر رقم {n} عن السوق.\n",
            encoding="utf-8",
        )
    with qtbot.waitSignal(window.import_finished, timeout=30_000):
        window.import_paths([folder, SAMPLES])  # the samples are there already
    qtbot.waitUntil(lambda: window._import_thread is None)
    assert window.store.count_articles() == len(before) + 3
    assert window.remove_import_action.isEnabled()
    window.remove_import_action.trigger()
    box = question(window)
    assert "the 3 articles the last import added (from \u2068" + str(folder) in box.text()
    with qtbot.waitSignal(window.removal.done, timeout=30_000) as done:
        box.button(QMessageBox.StandardButton.Ok).click()
    assert done.args == [3]
    qtbot.waitUntil(lambda: window.removal.running_thread() is None)
    assert set(window.store.article_ids()) == before  # the articles it found stored stay
    assert not window.remove_import_action.isEnabled()
    # An import that adds nothing leaves nothing to take back.
    with qtbot.waitSignal(window.import_finished, timeout=30_000):
        window.import_paths([SAMPLES])
    qtbot.waitUntil(lambda: window._import_thread is None)
    assert not window.remove_import_action.isEnabled()


def test_delete_in_the_search_box_deletes_a_letter_not_an_article(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.select_article(window.store.chronological_ids()[0])
    box = window.findChild(QLineEdit, "search_query")
    assert box is not None
    box.setFocus()
    box.setText("السويس")
    box.setCursorPosition(0)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert box.text() == "لسويس"
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]
