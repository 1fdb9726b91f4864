"""Editing in the window: corrections, hiding, added events, tags, notes, undo and redo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.waiting import article_shown
from timeline import edits
from timeline.store import Store
from timeline.store import edits as user
from timeline.timescale import LabelStyle
from timeline.ui.detail_pane import EventIdRole
from timeline.ui.edit_dialogs import DateDialog
from timeline.ui.main_window import MainWindow


@pytest.fixture
def own_store(sample_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of the sample store: edits must not reach the session's shared one."""
    path = tmp_path / "edits.db"
    with Store(sample_db) as source:
        source.conn.execute(f"VACUUM INTO '{path}'")
    with Store(path) as store:
        yield store


@pytest.fixture
def window(qtbot: QtBot, own_store: Store) -> MainWindow:
    win = MainWindow(own_store)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
    article_shown(win.detail)
    return win


def current(window: MainWindow) -> int:
    article_id = window.edits.current_article()
    assert article_id is not None
    return article_id


def a_mention(window: MainWindow) -> int:
    """The id of the first mention (with a span) of the current article."""
    for event in window.store.events_of(current(window)):
        if event.span_start is not None and event.start is not None:
            assert event.id is not None
            return event.id
    pytest.skip("the first sample article has no placed mention")


def test_correcting_a_mention_shows_at_once_and_undo_redo(window: MainWindow) -> None:
    event_id = a_mention(window)
    mention = edits.mention_of_event(window.store, event_id)
    before = set(window.timeline.arrays().starts.tolist())
    assert window.edits.controller.run(
        "correct", lambda s: edits.correct_mention(s, mention, "1 يناير 1901")
    )
    target = edits.read_date("1901-01-01")
    assert target is not None
    assert target.start in set(window.timeline.arrays().starts.tolist())
    article_shown(window.detail)
    texts = [window.detail.events.item(i).data() for i in range(window.detail.events.count())]
    assert any("corrected" in t and "computed:" in t for t in texts)
    window.edits.stack.undo()
    assert target.start not in set(window.timeline.arrays().starts.tolist())
    assert set(window.timeline.arrays().starts.tolist()) == before
    assert (
        user.get_row(
            window.store, "user_mentions", (mention.uid, mention.span_start, mention.span_end)
        )
        is None
    )
    window.edits.stack.redo()
    assert target.start in set(window.timeline.arrays().starts.tolist())


def test_hide_article_and_show_it_again_from_the_menu(window: MainWindow) -> None:
    article_id = current(window)
    assert article_id in window.timeline.arrays().article_ids
    window.edits.hide_article()
    assert article_id not in window.timeline.arrays().article_ids
    window.edits._fill_hidden_menu()
    actions = [a for a in window.edits.hidden_menu.actions() if a.isEnabled() and a.text()]
    actions[0].trigger()
    assert article_id in window.timeline.arrays().article_ids
    window.edits.stack.undo()  # undo "show again": hidden once more
    assert article_id not in window.timeline.arrays().article_ids


def test_add_tag_note_show_in_detail_pane_and_undo(window: MainWindow) -> None:
    article_id = current(window)
    run = window.edits.controller.run
    run("add", lambda s: edits.add_event(s, "1990/1991", "حرب الخليج", article_id)[1])
    ids = window.timeline.arrays().ids.tolist()
    assert any(i < 0 for i in ids)
    run("tag", lambda s: edits.set_tag(s, edits.article_target(s, article_id), "مهم"))
    run("note", lambda s: edits.set_note(s, article_id, "ملاحظة للمراجعة"))
    article_shown(window.detail)
    text = window.detail.browser.toPlainText()
    assert "مهم" in text and "ملاحظة للمراجعة" in text
    rows = [window.detail.events.item(i) for i in range(window.detail.events.count())]
    assert any(int(r.data(EventIdRole) or 0) < 0 and "حرب الخليج" in r.data() for r in rows)
    for _ in range(3):
        window.edits.stack.undo()
    assert not any(i < 0 for i in window.timeline.arrays().ids.tolist())
    article_shown(window.detail)
    assert "ملاحظة للمراجعة" not in window.detail.browser.toPlainText()
    assert user.all_rows(window.store)["user_events"] == []


def test_undo_shortcuts(window: MainWindow) -> None:
    undo = window.findChild(type(window.edits.stack.createUndoAction(window)), "undoAction")
    assert undo is not None and undo.shortcut().toString() == "Ctrl+Z"
    redo = window.findChild(type(undo), "redoAction")
    assert redo is not None and redo.shortcut().toString() == "Ctrl+Shift+Z"


def test_date_dialog_previews_what_it_understood(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = DateDialog(parent, "t", LabelStyle(language="en"), not_a_date=True)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.date_edit.setText("10 شوال 1442 هـ")
    assert "2021" in dialog.preview.text() and ok.isEnabled()
    dialog.date_edit.setText("lorem")
    assert not ok.isEnabled()
    dialog.not_a_date.setChecked(True)
    assert ok.isEnabled() and dialog.typed() is None


def test_the_window_picks_up_another_connections_edits(qtbot: QtBot, window: MainWindow) -> None:
    article_id = current(window)
    with Store(window.store.path) as terminal:  # as `timeline edit hide` in a terminal
        edits.set_hidden(terminal, edits.article_target(terminal, article_id))
    with qtbot.waitSignal(window.store_changed, timeout=5_000):
        pass
    qtbot.waitUntil(lambda: article_id not in window.timeline.arrays().article_ids, timeout=10_000)
    assert not window.edits.pick_up_other_writes()  # seen once, not again


def test_colour_by_tag_with_a_legend_that_switches_a_tag_off(window: MainWindow) -> None:
    article_id = current(window)
    window.edits.controller.run(
        "tag",
        lambda s: edits.set_tag(s, edits.article_target(s, article_id), "مهم", colour="#ff0000"),
    )
    legend = window.edits.legend
    legend.set_mode("tag")
    assert legend.toolbar.isVisibleTo(window)
    (entry,) = legend.toolbar.actions()
    assert entry.text() == "مهم" and entry.isChecked()
    arrays = window.timeline.arrays()
    codes = window.timeline._codes
    assert codes is not None and len(codes) == len(arrays)
    tagged = set(arrays.ids[codes == 0].tolist())
    assert tagged == {e.id for e in window.store.events_of(article_id) if e.start is not None}
    assert legend.palette[0].name() == "#ff0000"
    entry.setChecked(False)  # switched off: the tag's events leave the timeline
    assert article_id not in window.timeline.arrays().article_ids
    legend.toolbar.actions()[0].setChecked(True)
    assert article_id in window.timeline.arrays().article_ids
    legend.set_mode("source")
    assert len(legend.toolbar.actions()) == len(set(a.source for a in window.store.articles()))
    legend.set_mode("kind")
    assert window.timeline._codes is None and not legend.toolbar.isVisibleTo(window)


def test_the_users_events_of_a_long_article_are_written_when_shown(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # With the user's values shown, the rows must still be written only when shown: a
    # 12 MB article has thousands of mentions, and listing them at once froze the window.
    from timeline import library
    from timeline.ui.detail_pane import DetailPane

    text = tmp_path / "long.txt"
    sentences = " ".join(f"وقعت الحادثة في عام {1900 + i % 100}." for i in range(400))
    text.write_text(
        "عنوان طويل\nنشر في 22 أيار 2021\nعنوان طويل\nصورة\nالمصدر :-\n" + sentences,
        encoding="utf-8",
    )
    with Store(tmp_path / "long.db") as store:
        library.import_paths(store, [text])
        (article_id,) = store.article_ids()
        events = store.events_of(article_id)
        assert len(events) > 100
        pane = DetailPane()
        qtbot.addWidget(pane)
        pane.show_article(
            store.article(article_id), events, shown=edits.shown_article(store, article_id)
        )
        assert pane.events.count() == len(edits.shown_article(store, article_id).events)
        assert pane.event_rows.rows_written() < len(events)
