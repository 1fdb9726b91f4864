"""Edit > Unhide > All hidden items…: every hidden thing listed, filtered as typed, and
shown again from the keyboard; the menu itself names only the latest."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.waiting import open_window
from timeline import edits
from timeline.store import Store
from timeline.store import edits as user
from timeline.text.normalize import normalize
from timeline.ui.hidden_items import HiddenItemsDialog
from timeline.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, own_store: Store) -> MainWindow:
    return open_window(qtbot, own_store)


def _run(window: MainWindow, text: str, action) -> None:  # type: ignore[no-untyped-def]
    window.edits.controller.run(text, action)
    assert window.edits.controller.wait_written()


def _hide_all_articles(window: MainWindow) -> list[int]:
    ids = [i for (i,) in window.store.db.conn.execute("SELECT id FROM articles ORDER BY id")]
    for article_id in ids:
        target = edits.article_target(window.store, article_id)
        _run(window, "hide", lambda s, t=target: edits.set_hidden(s, t))
    return ids


def _opened(qtbot: QtBot, window: MainWindow) -> HiddenItemsDialog:
    """The dialog, from the menu's entry, once its list is read."""
    window.edits._fill_hidden_menu()
    listed = window.edits.tr("&All hidden items…")
    entry = next(a for a in window.edits.hidden_menu.actions() if a.text() == listed)
    assert entry.isEnabled()
    entry.trigger()
    dialog = window.edits.hidden_dialog
    qtbot.waitUntil(lambda: dialog.thread_reading is None, timeout=10_000)
    return dialog


def _rows(dialog: HiddenItemsDialog) -> list[str]:
    model = dialog.model
    return [str(model.index(r).data()) for r in range(model.rowCount())]


def test_an_item_older_than_the_menu_names_is_listed_and_shown_again_by_keyboard(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The menu named the latest hidden alone: an older hidden article could be shown
    again only with the hidden shown, or from the Events tab."""
    from timeline.ui import edit_dialogs

    monkeypatch.setattr(edit_dialogs, "HIDDEN_MENU_ITEMS", 2)
    ids = _hide_all_articles(window)
    oldest = window.store.article(ids[0])
    assert oldest is not None
    title = " ".join(oldest.title.split())
    window.edits._fill_hidden_menu()
    assert not any(title in a.text() for a in window.edits.hidden_menu.actions())
    dialog = _opened(qtbot, window)
    assert len(_rows(dialog)) == len(ids)
    assert _rows(dialog)[-1].startswith(title[:40])  # the latest hidden first
    # Typed in the filter (focused on opening): the list narrows to what holds it.
    assert QApplication.focusWidget() in (dialog.filter_edit, None)
    word = max(title.split(), key=len)
    dialog.filter_edit.insert(word)  # (QTest types ASCII alone)
    assert 1 <= len(_rows(dialog)) < len(ids)
    assert all(word in row for row in _rows(dialog))
    # Enter goes to the list, its first row current; Enter there shows it again.
    shown = len(_rows(dialog))
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    assert dialog.list.currentIndex().row() == 0 and len(_rows(dialog)) == shown
    wanted = dialog.chosen_targets()
    assert len(wanted) == 1
    assert dialog.show_button.isEnabled()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert window.edits.controller.wait_written()
    assert not user.is_hidden(window.store, wanted[0])
    assert wanted[0] not in [t for t, _s in user.hidden_targets(window.store)]
    # The next row is chosen in its place: Enter again shows it again too.
    assert dialog.list.currentIndex().row() == 0 or not _rows(dialog)
    assert len(dialog.chosen_targets()) == min(len(_rows(dialog)), 1)
    assert wanted[0] not in dialog.chosen_targets()
    dialog.reject()


def test_a_filter_finds_a_spelling_variant_and_names_a_mention_by_its_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    # A mention is named by its words and its article's title; the filter folds the
    # spelling as the search does (hamza, tashkeel).
    article_id = window.edits.current_article()
    assert article_id is not None
    event = next(
        e
        for e in window.store.events_of(article_id)
        if e.span_start is not None and e.id is not None
    )
    target = edits.event_target(window.store, event.id)  # type: ignore[arg-type]
    _run(window, "hide", lambda s: edits.set_hidden(s, target))
    article = window.store.article(article_id)
    assert article is not None and event.span_start is not None and event.span_end is not None
    words = article.body[event.span_start : event.span_end]
    dialog = _opened(qtbot, window)
    (row,) = _rows(dialog)
    # The title in an isolate of its own (a title holding "<i>" after Arabic words was
    # drawn mirrored); the words outside one give the row its direction.
    title = " ".join(article.title.split())[:80].strip()
    assert row == f"{' '.join(words.split())} · \u2068{title}\u2069"
    # A word of its title typed without its hamza, tashkeel or ta marbuta: found.
    title_words = article.title.split()
    word = next(
        (w for w in title_words if any(c in w for c in "أإآةىؤئ")), max(title_words, key=len)
    )
    folded = normalize(word)
    dialog.filter_edit.setText(folded)
    assert len(_rows(dialog)) == 1
    dialog.filter_edit.setText("zzzz-no-such-words")
    assert _rows(dialog) == []
    dialog.filter_edit.setText("")
    assert len(_rows(dialog)) == 1
    dialog.reject()


def test_the_list_is_a_sound_model(qtbot: QtBot, window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    _hide_all_articles(window)
    dialog = _opened(qtbot, window)
    qtmodeltester.check(dialog.model)
    dialog.filter_edit.setText("ال")
    qtmodeltester.check(dialog.model)
    dialog.reject()


def test_the_dialog_in_arabic(qtbot: QtBot, window: MainWindow, arabic: None) -> None:
    _hide_all_articles(window)
    window.edits._fill_hidden_menu()
    texts = [a.text() for a in window.edits.hidden_menu.actions()]
    assert "&All hidden items…" not in texts  # said in Arabic
    dialog = _opened(qtbot, window)
    assert dialog.windowTitle() != "Hidden items"
    assert any("\u0600" <= c <= "\u06ff" for c in dialog.count_label.text())
    dialog.reject()


def test_closed_while_reading_the_dialog_goes_once_its_reader_ends(
    qtbot: QtBot, window: MainWindow
) -> None:
    _hide_all_articles(window)
    window.edits.list_hidden()
    dialog = window.edits.hidden_dialog
    thread = dialog.thread_reading
    assert thread is not None
    dialog.reject()  # before the list came
    destroyed: list[bool] = []
    dialog.destroyed.connect(lambda: destroyed.append(True))
    qtbot.waitUntil(lambda: bool(destroyed), timeout=10_000)
    window.edits._fill_hidden_menu()  # the window goes on
    assert window.edits.hidden_menu.actions()


def test_a_mark_another_program_wrote_is_named_by_its_first_characters(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A hidden mark that names nothing this program writes is listed by its own text:
    a 1 MB one was drawn whole in its row (0.17 s each time the list was painted, the
    whole megabyte its accessible text).  Cut as a label is; its controls shown."""
    with Store(window.store.path, create=False) as other:
        other.db.conn.executemany(
            "INSERT INTO user_hidden (target, who, at) VALUES (?, 'other', '2026-01-01T00:00:00')",
            [("junk:" + "x" * 1_000_000,), ("junk:\u202eevil\n<b>markup</b>",)],
        )
        other.db.conn.commit()
    dialog = _opened(qtbot, window)
    rows = sorted(_rows(dialog), key=len)
    assert rows[0] == "junk:\ufffdevil <b>markup</b>"
    assert len(rows[1]) == user.NAME_CHARS + 1 and rows[1].endswith("\u2026")
    dialog.reject()


def test_the_unhide_menu_fits_the_screen_its_last_entries_included(
    qtbot: QtBot, window: MainWindow, arabic: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thirty latest hidden items made the Unhide menu taller than a screen 800 pixels
    high: Qt laid it out in two columns, and in the Arabic window the second (N more
    hidden, All hidden items…, Show all) was drawn past the screen's edge (seen under
    Xvfb; the offscreen platform's rows are lower: 60 asked for here).  The menu names
    fewer, the count of the rest says so, and it fits."""
    from PySide6.QtGui import QGuiApplication

    from timeline.ui import edit_dialogs

    monkeypatch.setattr(edit_dialogs, "HIDDEN_MENU_ITEMS", 60)
    with Store(window.store.path, create=False) as other:
        other.db.conn.executemany(
            "INSERT INTO user_hidden (target, who, at) VALUES (?, 'other', ?)",
            [(f"junk:{n}", f"2026-01-01T00:{n // 60:02d}:{n % 60:02d}") for n in range(80)],
        )
        other.db.conn.commit()
    menu = window.edits.hidden_menu
    window.edits._fill_hidden_menu()
    screen = menu.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().height()
    assert menu.sizeHint().height() <= room
    # One column: every entry at the same x.
    assert len({menu.actionGeometry(a).x() for a in menu.actions() if a.isVisible()}) == 1
    visible = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    named = [a for a in visible if a.text().startswith("\u2068junk:")]
    assert 1 <= len(named) < 60
    (more,) = [a for a in visible if not a.isEnabled()]
    assert more.text() == window.edits.tr("%n more hidden", "", 80 - len(named))
    assert visible[-2].text() == window.edits.tr("&All hidden items…")
    assert visible[-1].text() == window.edits.tr("Show all")


def test_the_counts_are_grouped_as_the_windows_counts_are(qtbot: QtBot, window: MainWindow) -> None:
    """ "100004 hidden" was the list's count of a hundred thousand (and the menu's "N more
    hidden" the same), where every other count of the window groups its thousands."""
    with Store(window.store.path, create=False) as other:
        other.db.conn.executemany(
            "INSERT INTO user_hidden (target, who, at) VALUES (?, 'other', ?)",
            [
                (f"junk:{n}", f"2026-01-01T{n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}")
                for n in range(1234)
            ],
        )
        other.db.conn.commit()
    window.edits._fill_hidden_menu()
    (more,) = [a for a in window.edits.hidden_menu.actions() if a.isVisible() and not a.isEnabled()]
    assert more.text().startswith("1,2") and "more hidden" in more.text(), more.text()
    dialog = _opened(qtbot, window)
    assert dialog.count_label.text() == "1,234 hidden"
    dialog.filter_edit.setText("junk:12")  # junk:12, junk:120-129, junk:1200-1233
    assert dialog.count_label.text() == "45 of 1,234 hidden"
    dialog.reject()
