"""The window notices what another program writes to its library (store_watch.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import SAMPLES
from tests.ui.waiting import article_shown, open_window
from timeline import library
from timeline.model import to_axis
from timeline.store import Store
from timeline.ui.article_model import ArticleIdRole
from timeline.ui.main_window import MainWindow
from timeline.ui.store_watch import SETTLE_MAX_S, StoreWatcher


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    store = Store(tmp_path / "w.db")
    library.import_paths(store, [SAMPLES])
    win = open_window(qtbot, store)
    win.watcher.stop()  # the tests look when they choose
    return win


def _article_file(folder: Path, title: str, day: int) -> Path:
    path = folder / f"{title}.jsonl"
    path.write_text(
        f'{{"title": "{title}", "body": "نص الخبر عن اجتماع عقد يوم {day} مارس 2021",'
        f' "published": "2021-03-{day:02d}"}}\n',
        encoding="utf-8",
    )
    return path


def _settled(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(window.is_settled, timeout=10_000)


def test_an_import_by_another_program_is_shown_after_a_quiet_look(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    rows = window.model.rowCount()
    with Store(window.store.path, create=False) as other:
        library.import_paths(other, [_article_file(tmp_path, "خبر من برنامج آخر", 3)])
    told: list[bool] = []
    window.watcher.changed.connect(lambda: told.append(True))
    window.watcher.check()  # the change seen: told once a look finds it quiet
    assert not told and window.model.rowCount() == rows
    window.watcher.check()
    assert told == [True]
    _settled(window, qtbot)
    assert window.model.rowCount() == rows + 1
    titles = [window.model.index(r).data() for r in range(window.model.rowCount())]
    assert any("خبر من برنامج آخر" in str(t) for t in titles)
    assert "changed by another program" in window.statusBar().currentMessage()
    window.watcher.check()  # nothing more: not told again
    assert told == [True]


@pytest.mark.parametrize(
    ("shown", "removed"),
    [(2, [2]), (3, [0, 1, 2, 3])],  # it alone; it and the rows above it (its row moves)
)
def test_the_shown_article_removed_by_another_program_gives_way_to_its_follower(
    window: MainWindow, qtbot: QtBot, shown: int, removed: list[int]
) -> None:
    ids = [window.model.index(r).data(ArticleIdRole) for r in range(window.model.rowCount())]
    window.select_article(ids[shown])
    article_shown(window.detail)
    with Store(window.store.path, create=False) as other:
        library.remove_articles(other, [ids[r] for r in removed])
    window.watcher.check()
    window.watcher.check()
    _settled(window, qtbot)
    assert window.model.rowCount() == len(ids) - len(removed)
    assert window.list.currentIndex().data(ArticleIdRole) == ids[shown + 1]
    article_shown(window.detail)
    assert window.detail.article is not None and window.detail.article.id == ids[shown + 1]


def test_the_windows_own_edit_is_not_taken_for_another_programs(
    window: MainWindow, qtbot: QtBot
) -> None:
    told: list[bool] = []
    window.watcher.changed.connect(lambda: told.append(True))
    window.edits.hide_article()
    window.watcher.check()  # while it is written, or after
    assert window.edits.controller.wait_written()
    for _ in range(3):
        window.watcher.check()
    assert told == []
    assert not window.watcher.pending


def _told_after_a_hide(window: MainWindow) -> list[bool]:
    """What the watcher tells from now (a True a change), once the window has written an
    edit of its own (an article hidden)."""
    told: list[bool] = []
    window.watcher.changed.connect(lambda: told.append(True))
    window.edits.hide_article()
    assert window.edits.controller.wait_written()
    return told


def _through_a_file_dialog(window: MainWindow, qtbot: QtBot) -> None:
    """A file dialog opened and closed (it reads the library's folder): the window opens
    its library again, on a connection of its own."""
    from timeline.ui.file_dialogs import file_dialog

    before = window.store.conn
    with file_dialog(), window.store.path.open("rb") as listed:  # as a file dialog does
        listed.read(16)
    qtbot.waitUntil(lambda: window.store.conn is not before, timeout=10_000)


def test_a_file_dialog_after_an_own_edit_is_not_taken_for_another_programs_change(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    # SQLite's data_version counts per connection: after a file dialog the window opens
    # its library again (Store.reconnect), and the new connection's number was compared
    # with the old one's, which the window's own edits had moved.  Hide an article, then
    # File > Export: "The library was changed by another program" and the whole window
    # read again (seen with the SaudiNewsNet corpus).
    told = _told_after_a_hide(window)
    window.watcher.check()
    _through_a_file_dialog(window, qtbot)
    for _ in range(3):
        window.watcher.check()
    assert told == [] and not window.watcher.pending
    # Another program's change made after it is still told.
    with Store(window.store.path, create=False) as other:
        library.import_paths(other, [_article_file(tmp_path, "خبر بعد الحوار", 4)])
    window.watcher.check()
    window.watcher.check()
    assert told == [True]


def test_the_windows_own_import_is_shown_once(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    told: list[bool] = []
    window.watcher.changed.connect(lambda: told.append(True))
    reloads: list[bool] = []
    window.store_changed.connect(lambda: reloads.append(True))
    with qtbot.waitSignal(window.import_finished, timeout=30_000):
        window.import_paths([_article_file(tmp_path, "خبر استورده الشباك", 4)])
        window.watcher.check()  # while it runs: waits
    qtbot.waitUntil(lambda: window._import_thread is None, timeout=10_000)
    for _ in range(3):
        window.watcher.check()
    assert told == [] and reloads == [True]


def test_another_programs_import_before_a_file_dialog_is_still_told(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    # (Found by a random pass over the window.)  The watcher takes its number from the
    # connection a file dialog makes anew: a change another program made before that
    # dialog, not yet looked at, must not be taken as seen with it.
    told = _told_after_a_hide(window)
    with Store(window.store.path, create=False) as other:
        library.import_paths(other, [_article_file(tmp_path, "خبر قبل نافذة الملفات", 5)])
    _settled(window, qtbot)
    _through_a_file_dialog(window, qtbot)  # before the watcher's next look
    window.watcher.check()
    window.watcher.check()
    assert told == [True]


class _FakeStore(QObject):
    """A store whose data_version the test sets."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.version: int | None = 1
        self.path = path
        path.touch()

    def data_version(self) -> int | None:
        return self.version


def test_changes_that_go_on_are_told_every_settle_period_and_none_while_busy(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store, now, busy = _FakeStore(tmp_path / "f.db"), [0.0], [False]
    watcher = StoreWatcher(store, lambda: busy[0], clock=lambda: now[0])  # type: ignore[arg-type]
    told: list[float] = []
    watcher.changed.connect(lambda: told.append(now[0]))
    looks = int(2.5 * SETTLE_MAX_S)
    for step in range(1, looks + 1):  # another program commits at every look, a second apart
        now[0] = step * 1.0
        store.version = 1 + step
        watcher.check()
    assert told == [1.0 + SETTLE_MAX_S, 2.0 + 2 * SETTLE_MAX_S]
    watcher.check()  # quiet now: the last changes told
    assert len(told) == 3
    # The window's own write: nothing told while it runs, nor after it for its commits
    # (its end shows them and says so before the window is no longer busy).
    busy[0] = True
    store.version = 100
    watcher.check()
    watcher.own_write_done()
    busy[0] = False
    watcher.check()
    watcher.check()
    assert len(told) == 3
    # A store held alone by a writer for a while: looked at again later.
    store.version = None
    watcher.check()
    store.version = 101
    watcher.check()
    watcher.check()
    assert len(told) == 4


def _library_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def test_a_deleted_library_file_is_said_once_and_nothing_more_is_written(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    for file in _library_files(window.store.path):
        file.unlink(missing_ok=True)
    replaced: list[bool] = []
    window.watcher.replaced.connect(lambda: replaced.append(True))
    window.watcher.check()
    window.watcher.check()
    assert replaced == [True]
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert str(window.store.path) in box.text() and box.textFormat() == Qt.TextFormat.PlainText
    assert [b.text() for b in box.buttons()] == ["OK"]  # nothing there to open again
    box.close()
    # An edit or an import would open the path anew: refused, said in one line.
    window.edits.hide_article()
    assert window.edits.controller.wait_written()
    assert "deleted or replaced" in window.statusBar().currentMessage()
    window.import_paths([_article_file(tmp_path, "خبر بعد الحذف", 5)])
    assert window._import_thread is None
    assert "Not imported" in window.statusBar().currentMessage()
    assert not window.store.path.exists()  # no new library made at the path


def test_a_library_made_anew_at_the_path_is_offered_to_open_again(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.ui import main_window

    started: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(main_window, "start_detached", lambda *command: started.append(command))
    path = window.store.path
    for file in _library_files(path):
        file.unlink(missing_ok=True)
    Store(path).close()  # `timeline import` after a fresh start, say
    window.watcher.check()
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    (again,) = [b for b in box.buttons() if b.text() == "Open the library again"]
    again.click()
    ((_program, arguments),) = started
    assert arguments[-4:-2] == ["--db", str(path)]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)


_CORRECTED = "وقال إن الاجتماع المقبل سيعقد يوم 5 أيار 2021 في الرياض."


def _correct_elsewhere(path: Path, article_id: int) -> None:
    """A body corrected by another program (Datasette, the sqlite3 shell)."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET body = ? WHERE id = ?", (_CORRECTED, article_id))
    conn.commit()
    conn.close()


def _read_again(window: MainWindow, qtbot: QtBot, article_id: int) -> None:
    said = "their dates were read again"
    qtbot.waitUntil(lambda: said in window.statusBar().currentMessage(), timeout=20_000)
    qtbot.waitUntil(lambda: window.recompute.running_thread() is None, timeout=10_000)
    _settled(window, qtbot)
    mentioned = {e.value for e in window.store.events_of(article_id) if e.kind == "mentioned"}
    assert mentioned == {"2021-05-05"}
    assert window.store.changed_article_ids() == []
    day = to_axis(datetime(2021, 5, 5))
    shown = window.timeline.arrays()
    assert day in set(shown.starts[shown.article_ids == article_id].tolist())


def test_a_body_another_program_corrects_has_its_dates_read_again(
    window: MainWindow, qtbot: QtBot
) -> None:
    article_id = window.model.index(0).data(ArticleIdRole)
    _correct_elsewhere(window.store.path, article_id)
    window.watcher.check()
    window.watcher.check()
    _read_again(window, qtbot, article_id)


def test_a_body_corrected_while_the_window_was_closed_is_read_again_when_it_opens(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "w.db"
    with Store(path) as store:
        library.import_paths(store, [SAMPLES])
    _correct_elsewhere(path, 1)
    with Store(path) as store:
        window = open_window(qtbot, store)
        _read_again(window, qtbot, 1)
        window.close()


def test_a_date_an_older_version_corrected_is_followed_when_the_window_opens(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Its text's relative dates moved to the date the user gave, once, in the
    background, and said so; opened again, nothing is left to do."""
    from tests.edits.test_anchor import BODY, days, given_the_old_way

    path = tmp_path / "w.db"
    lines = tmp_path / "one.jsonl"
    lines.write_text(
        f'{{"title": "خبر", "body": "{BODY}", "published": "2015-07-20T10:00:00"}}\n', "utf-8"
    )
    with Store(path) as store:
        library.import_paths(store, [lines], processes=1)
    given_the_old_way(path, 1)
    with Store(path) as store:
        window = open_window(qtbot, store)
        said = "is dated from the publication date you gave"
        qtbot.waitUntil(lambda: said in window.statusBar().currentMessage(), timeout=20_000)
        qtbot.waitUntil(lambda: window.recompute.running_thread() is None, timeout=10_000)
        _settled(window, qtbot)
        assert window.store.given_dates_to_follow() == []
        today = [d for text, d in days(window.store, 1).items() if "اليوم" in text]
        assert today == ["2017-05-02"]
        shown = window.timeline.arrays()
        assert to_axis(datetime(2017, 5, 2)) in set(shown.starts.tolist())
        assert not window.date_changed_articles()  # nothing left to do
        window.close()


def test_a_not_saved_line_stays_when_another_program_changes_the_library(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """ "The library was changed by another program" replaced "Not saved: ...": the
    user lost the news that an edit was not written.  Both are said, the failure first;
    with no failure shown, the change alone as before."""
    window.edits.controller.edit_failed.emit("Tag", "the library is locked by another program")
    not_saved = window.statusBar().currentMessage()
    assert not_saved.startswith("Not saved: Tag")
    for day in (3, 4):
        with Store(window.store.path, create=False) as other:
            library.import_paths(other, [_article_file(tmp_path, f"خبر {day}", day)])
        window.watcher.check()
        window.watcher.check()
        _settled(window, qtbot)
        line = window.statusBar().currentMessage()
        assert line.startswith(not_saved) and "changed by another program" in line
    window.statusBar().clearMessage()
    with Store(window.store.path, create=False) as other:
        library.import_paths(other, [_article_file(tmp_path, "خبر 5", 5)])
    window.watcher.check()
    window.watcher.check()
    _settled(window, qtbot)
    assert window.statusBar().currentMessage().startswith("The library was changed")
