"""Editing in the window: corrections, hiding, added events, tags, notes, undo and redo."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QObject, Qt, QThread
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.waiting import article_shown, marks_made_on_the_gui_thread, open_window
from timeline import edits
from timeline.store import Store
from timeline.store import edits as user
from timeline.store.search import SearchRequest
from timeline.store.timeline_data import EventArrays
from timeline.timescale import LabelStyle
from timeline.ui import undo as undo_module
from timeline.ui.article_model import ArticleIdRole
from timeline.ui.detail_pane import EventIdRole
from timeline.ui.edit_dialogs import DateDialog
from timeline.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, own_store: Store) -> MainWindow:
    win = open_window(qtbot, own_store)
    return win


def written(window: MainWindow) -> None:
    """Wait for the edits asked for to be written on the writer thread and shown."""
    assert window.edits.controller.wait_written()


def run(window: MainWindow, text: str, action) -> None:
    window.edits.controller.run(text, action)
    written(window)


def undo(window: MainWindow) -> None:
    window.edits.stack.undo()
    written(window)


def redo(window: MainWindow) -> None:
    window.edits.stack.redo()
    written(window)


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
    run(window, "correct", lambda s: edits.correct_mention(s, mention, "1 يناير 1901"))
    target = edits.read_date("1901-01-01")
    assert target is not None
    assert target.start in set(window.timeline.arrays().starts.tolist())
    article_shown(window.detail)
    texts = [window.detail.events.item(i).data() for i in range(window.detail.events.count())]
    assert any("corrected" in t and "computed:" in t for t in texts)
    undo(window)
    assert target.start not in set(window.timeline.arrays().starts.tolist())
    assert set(window.timeline.arrays().starts.tolist()) == before
    assert (
        user.get_row(
            window.store, "user_mentions", (mention.uid, mention.span_start, mention.span_end)
        )
        is None
    )
    redo(window)
    assert target.start in set(window.timeline.arrays().starts.tolist())


def test_hide_article_and_show_it_again_from_the_menu(window: MainWindow) -> None:
    article_id = current(window)
    assert article_id in window.timeline.arrays().article_ids
    window.edits.hide_article()
    written(window)
    assert article_id not in window.timeline.arrays().article_ids
    window.edits._fill_hidden_menu()
    actions = [a for a in window.edits.hidden_menu.actions() if a.isEnabled() and a.text()]
    actions[0].trigger()
    written(window)
    assert article_id in window.timeline.arrays().article_ids
    undo(window)  # undo "show again": hidden once more
    assert article_id not in window.timeline.arrays().article_ids


@pytest.mark.parametrize("field", ["published", "title"])
def test_an_edited_hidden_article_is_named_by_its_title_in_the_unhide_menu(
    window: MainWindow, field: str
) -> None:
    """Edit > Unhide named a hidden article whose date had been corrected by its uid, a
    hash (ad6a4b2cb3318b488c27bf790c0717ee); one whose title was corrected is named by
    the title it is shown with."""
    article_id = current(window)
    article = window.store.article(article_id)
    assert article is not None
    if field == "published":
        run(
            window,
            "date",
            lambda s: edits.correct_article(s, article_id, "published", "2015-07-20 10:00"),
        )
        title = " ".join(article.title.split())
    else:
        title = "عنوان مصحح"
        run(window, "title", lambda s: edits.correct_article(s, article_id, "title", title))
    window.edits.hide_article()
    written(window)
    window.edits._fill_hidden_menu()
    texts = [a.text() for a in window.edits.hidden_menu.actions() if a.isEnabled() and a.text()]
    assert article.uid not in texts[0]
    assert texts[0] == f"\u2068{title[:80]}\u2069"


def test_a_hidden_article_gone_from_the_library_is_not_named_by_a_hash(
    window: MainWindow,
) -> None:
    """Deleted by another program, a hidden article is named by its corrected title, or
    said to be gone; its uid (a hash) is no name."""
    first, second = window.store.article_ids()[:2]
    uids = [user.article_uid(window.store, i) for i in (first, second)]
    run(window, "title", lambda s: edits.correct_article(s, first, "title", "عنوان مصحح"))
    for article_id in (first, second):
        run(window, "hide", lambda s, a=article_id: edits.set_hidden(s, edits.article_target(s, a)))
    with window.store.transaction():
        window.store.conn.execute("DELETE FROM articles WHERE id IN (?, ?)", (first, second))
    window.edits._fill_hidden_menu()
    texts = [a.text() for a in window.edits.hidden_menu.actions() if a.isEnabled() and a.text()]
    assert not any(uid and uid in text for uid in uids for text in texts)
    assert "\u2068عنوان مصحح\u2069" in texts
    assert "\u2068an article no longer in this library\u2069" in texts


def test_the_unhide_menu_names_the_latest_and_shows_all_of_them(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """5,000 hidden articles made a menu of 5,000 entries (each article read) that took a
    third of a second to open; it names the latest few and says how many more."""
    from timeline.ui import edit_dialogs

    monkeypatch.setattr(edit_dialogs, "HIDDEN_MENU_ITEMS", 5)
    ids = [i for (i,) in window.store.db.conn.execute("SELECT id FROM articles ORDER BY id")]
    assert len(ids) > 5
    for article_id in ids:
        target = edits.article_target(window.store, article_id)
        run(window, "hide", lambda s, t=target: edits.set_hidden(s, t))
    window.edits._fill_hidden_menu()
    texts = [a.text() for a in window.edits.hidden_menu.actions() if a.text()]
    listed = window.edits.tr("&All hidden items…")
    named = [t for t in texts if t not in (window.edits.tr("Show all"), listed)][:-1]
    assert len(named) == 5
    latest = window.store.article(ids[-1])
    assert latest is not None and named[0] == f"\u2068{' '.join(latest.title.split())[:80]}\u2069"
    more = window.edits.hidden_menu.actions()[5]
    assert not more.isEnabled() and str(len(ids) - 5) in more.text()
    show_all = window.edits.tr("Show all")
    next(a for a in window.edits.hidden_menu.actions() if a.text() == show_all).trigger()
    written(window)
    assert user.hidden_targets(window.store) == []


def test_add_tag_note_show_in_detail_pane_and_undo(window: MainWindow) -> None:
    article_id = current(window)
    run(window, "add", lambda s: edits.add_event(s, "1990/1991", "حرب الخليج", article_id)[1])
    ids = window.timeline.arrays().ids.tolist()
    assert any(i < 0 for i in ids)
    run(window, "tag", lambda s: edits.set_tag(s, edits.article_target(s, article_id), "مهم"))
    run(window, "note", lambda s: edits.set_note(s, article_id, "ملاحظة للمراجعة"))
    article_shown(window.detail)
    text = window.detail.browser.toPlainText()
    assert "مهم" in text and "ملاحظة للمراجعة" in text
    rows = [window.detail.events.item(i) for i in range(window.detail.events.count())]
    assert any(int(r.data(EventIdRole) or 0) < 0 and "حرب الخليج" in r.data() for r in rows)
    for _ in range(3):
        undo(window)
    assert not any(i < 0 for i in window.timeline.arrays().ids.tolist())
    article_shown(window.detail)
    assert "ملاحظة للمراجعة" not in window.detail.browser.toPlainText()
    assert user.all_rows(window.store)["user_events"] == []


def _answer_tags(
    monkeypatch: pytest.MonkeyPatch,
    answers: list[tuple[str, bool]],
    labels: list[str],
    offered: list[list[str]],
    widths: list[int] | None = None,
) -> None:
    """The tag dialog answered in turn with answers (text, accepted), what it said and
    offered kept, and how wide it would be."""
    from PySide6.QtWidgets import QDialog, QInputDialog

    given = iter(answers)

    def answer(dialog: QInputDialog) -> int:
        labels.append(dialog.labelText())
        offered.append(list(dialog.comboBoxItems()))
        if widths is not None:
            widths.append(dialog.sizeHint().width())
        text, ok = next(given)
        dialog.setTextValue(text)
        return int(QDialog.DialogCode.Accepted if ok else QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QInputDialog, "exec", answer)


def test_a_tag_holding_a_separator_is_asked_again_with_the_reason(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exports join tags with "; ": a name holding ; or ؛ would come back as two tags
    from an import, so the tag dialog says so and asks again."""

    article_id = current(window)
    labels: list[str] = []
    offered: list[list[str]] = []
    _answer_tags(monkeypatch, [("حروب؛ هدنة", True), ("هدنة", True)], labels, offered)
    window.edits.tag_article()
    written(window)
    assert len(labels) == 2 and "cannot hold" in labels[1] and "cannot hold" not in labels[0]
    assert offered[1][0] == "حروب؛ هدنة"  # what was typed, first, to be mended
    shown = edits.shown_article(window.store, article_id)
    assert shown is not None and list(shown.tags) == ["هدنة"]


def test_a_tag_too_long_is_asked_again_with_the_reason_and_the_text_kept(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name longer than edits.set_tag takes was refused after the dialog had closed
    (the typed text lost, an English line in the status bar): the dialog says why and
    offers the text again."""

    from timeline.model import MAX_TAG_CHARS

    article_id = current(window)
    pasted = "ت" * (MAX_TAG_CHARS + 100)
    labels: list[str] = []
    offered: list[list[str]] = []
    widths: list[int] = []
    answers = [(pasted, True), ("ت" * MAX_TAG_CHARS, True)]
    _answer_tags(monkeypatch, answers, labels, offered, widths)
    failed: list[str] = []
    window.edits.controller.edit_failed.connect(lambda what, why: failed.append(why))
    window.edits.tag_article()
    written(window)
    assert len(labels) == 2 and "at most 200" in labels[1] and "300" in labels[1]
    assert offered[1][0] == pasted  # what was typed, first, to be mended
    # Offered again, the long name did not widen the dialog past the screen (it did,
    # its reason out of sight).
    assert max(widths) < 800
    assert failed == []
    shown = edits.shown_article(window.store, article_id)
    assert shown is not None and list(shown.tags) == ["ت" * MAX_TAG_CHARS]


def test_an_edit_refused_is_said_in_arabic(arabic: None, window: MainWindow) -> None:
    """ "لم يُحفظ: وسم مقالة: a tag's name has at most 200 characters (300 given)"."""
    article_id = current(window)
    run(
        window,
        "وسم مقالة",
        lambda s: edits.set_tag(s, edits.article_target(s, article_id), "ت" * 300),
    )
    line = window.statusBar().currentMessage()
    assert "200" in line and "300" in line
    assert not re.search("[A-Za-z]{3,}", line), line


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


@pytest.mark.parametrize(
    ("language", "examples"),
    [
        ("en", ["10 Shawwal 1442 AH", "1950-1953", "22 May 2021"]),
        ("ar", ["10 شوال 1442 هـ", "\u20661950-1953\u2069", "22 مايو 2021"]),
    ],
)
def test_date_dialogs_examples_are_the_interfaces_and_are_read(
    qtbot: QtBot, request: pytest.FixtureRequest, language: str, examples: list[str]
) -> None:
    """The English example gave its Hijri date in Arabic letters; the Arabic one laid
    its range out backwards ("1953-1950") after Arabic text.  Each example is read."""
    from PySide6.QtWidgets import QWidget

    if language == "ar":
        request.getfixturevalue("arabic")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = DateDialog(parent, "t", LabelStyle(language=language))
    placeholder = dialog.date_edit.placeholderText()
    if language == "en":
        assert not any("\u0600" <= ch <= "\u06ff" for ch in placeholder)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    for example in examples:
        assert example in placeholder
        dialog.date_edit.setText(example.strip("\u2066\u2069"))
        assert ok.isEnabled(), example


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_date_not_understood_is_shown_with_the_forms_the_field_takes(
    qtbot: QtBot, request: pytest.FixtureRequest, language: str
) -> None:
    """The field opens on the date stored, so its examples (the placeholder) are never
    seen: "31 February 2015" or "yesterday" typed over it got "(not understood)" alone."""
    from PySide6.QtWidgets import QWidget

    if language == "ar":
        request.getfixturevalue("arabic")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = DateDialog(parent, "t", LabelStyle(language=language), typed="2015-07-21 02:23:10")
    examples = dialog.date_edit.placeholderText()
    for typed in ("31 February 2015", "yesterday"):
        dialog.date_edit.setText(typed)
        assert dialog.preview.text().endswith(examples), typed
    dialog.date_edit.setText("22 May 2021")
    assert examples not in dialog.preview.text() and "2021" in dialog.preview.text()


def test_a_date_typed_over_the_one_given_replaces_it(qtbot: QtBot) -> None:
    """The correction of a publication date opens on the date stored: a date typed
    then went after it ("2015-07-21 02:23:1031 February 2015") and was refused."""
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = DateDialog(parent, "t", LabelStyle(language="en"), typed="2015-07-21 02:23:10")
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.date_edit.hasFocus)
    qtbot.keyClicks(dialog.date_edit, "22 May 2021")
    assert dialog.date_edit.text() == "22 May 2021"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_date_dialog_shows_its_whole_example(qtbot: QtBot, language: str) -> None:
    # The example of what may be typed is the field's placeholder: the dialog opened at
    # its own small width and cut it to "for example 10 شوال 144…".
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = DateDialog(parent, "t", LabelStyle(language=language))
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.date_edit
    example = field.fontMetrics().horizontalAdvance(field.placeholderText())
    assert field.width() >= example + 12
    dialog.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_fields_label_ends_with_a_colon(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    language: str,
) -> None:
    """The date dialog's "التاريخ" (and "فُهم على أنه", "الوصف" beside it) stood without
    the colon of every other field's label ("المصدر:", "الصيغة:", "التاريخ (مثلاً …):"),
    and the correction of a title was labelled with its own title, "Correct title"."""
    from PySide6.QtWidgets import QDialog, QInputDialog, QLabel

    from timeline.ui.edit_dialogs import NoteDialog
    from timeline.ui.export_dialog import ExportDialog
    from timeline.ui.search_bar import SearchBar

    if language == "ar":
        request.getfixturevalue("arabic")
    style = LabelStyle(language=language)
    forms = [
        DateDialog(window, "t", style, with_label=True, not_a_date=True),
        NoteDialog(window, ""),
        ExportDialog(window, 800, 300),
        SearchBar(window),
    ]
    # A field's label is the label a form (or setBuddy) gave the field.
    labels = [
        label.text()
        for form in forms
        for label in form.findChildren(QLabel)
        if label.buddy() is not None
    ]
    asked: list[str] = []

    def answer(dialog: QInputDialog) -> int:
        asked.append(dialog.labelText())
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QInputDialog, "exec", answer)
    window.edits.correct_field("title")
    window.edits.correct_field("source")
    window.edits.tag_article()
    assert len(asked) == 3
    labels += asked
    assert len(labels) >= 11
    assert [text for text in labels if not text.endswith(":")] == []
    if language == "ar":
        assert {"التاريخ:", "فُهم على أنه:", "الوصف:", "العنوان:"} <= set(labels)


def test_a_date_dialog_starts_from_a_value_it_reads_back() -> None:
    from timeline.ui.edit_dialogs import starting_text

    assert starting_text("1945-03-22T10:00") == "1945-03-22 10:00"
    assert starting_text("1944-10") == "1944-10"
    assert starting_text("1950/1953") == "1950/1953"
    # Values the dialog cannot read back as themselves start empty.
    assert starting_text("XXXX-09-11") == "" and starting_text("P3Y") == ""
    assert starting_text(None) == "" and starting_text("PRESENT_REF") == ""


def test_the_timelines_menu_corrects_the_publication_of_the_event_clicked(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A right click on another article's publication on the timeline, one article being
    read, and "Correct publication date..." corrected the article being read: the date
    typed went to the wrong article, the dialog opened on that one's date."""
    from timeline.ui import edit_dialogs

    reading = current(window)
    other = next(
        a.id for a in window.store.articles() if a.id != reading and a.published is not None
    )
    clicked = next(e.id for e in window.store.events_of(other) if e.kind == "published")
    before = edits.shown_article(window.store, reading)
    other_before = edits.shown_article(window.store, other)
    assert before is not None and other_before is not None
    opened: list[str] = []

    class Typed:
        def typed(self) -> str:
            return "2014-03-09"

    def ask(self, title, **kw):  # type: ignore[no-untyped-def]
        opened.append(kw.get("typed", ""))
        return Typed()

    monkeypatch.setattr(edit_dialogs.WindowEdits, "_ask_date", ask)
    menu = window.edits._event_menu(clicked)
    (correct,) = [
        a for a in menu.actions() if a.text() == window.edits.tr("Correct publication &date…")
    ]
    correct.trigger()
    written(window)
    # The dialog opened on the clicked article's date, and corrected that article.
    assert opened == [edit_dialogs.starting_text(other_before.published)]
    shown_other = edits.shown_article(window.store, other)
    assert shown_other is not None and shown_other.published == "2014-03-09"
    assert edits.shown_article(window.store, reading) == before
    assert current(window) == reading  # the article read stays


def test_a_hidden_events_menu_shows_it_again(window: MainWindow) -> None:
    """The menu of an event the user hid (listed "hidden" in the Events tab) offered
    "Hide this event" again, which did nothing; it offers to show it again, and that
    shows it (an Undo step as any edit)."""
    event_id = a_mention(window)
    target = edits.event_target(window.store, event_id)

    def texts() -> list[str]:
        menu = window.edits._event_menu(event_id)
        found = [a.text() for a in menu.actions()]
        menu.deleteLater()
        return found

    hide, show = window.edits.tr("Hide this event"), window.edits.tr("Show this event again")
    assert hide in texts() and show not in texts()
    run(window, "hide", lambda s: edits.set_hidden(s, target))
    assert user.is_hidden(window.store, target)
    menu = window.edits._event_menu(event_id)
    assert hide not in [a.text() for a in menu.actions()]
    (again,) = [a for a in menu.actions() if a.text() == show]
    again.trigger()
    written(window)
    menu.deleteLater()
    assert not user.is_hidden(window.store, target)
    assert hide in texts()
    undo(window)
    assert user.is_hidden(window.store, target)


def test_a_correction_starts_from_the_date_shown(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Correcting a date by a day should not mean typing it all again: the dialog opens
    # on the value shown (the user's correction once there is one).
    from timeline.ui import edit_dialogs

    opened: list[str] = []

    def ask(self, title, **kw):  # type: ignore[no-untyped-def]
        opened.append(kw.get("typed", ""))
        return None  # cancelled

    monkeypatch.setattr(edit_dialogs.WindowEdits, "_ask_date", ask)
    article_id = current(window)
    shown = edits.shown_article(window.store, article_id)
    assert shown is not None and shown.published
    window.edits.correct_published()
    assert edits.read_date(opened[-1]).value == shown.published  # type: ignore[union-attr]
    event_id = a_mention(window)
    run(
        window,
        "edit",
        lambda s: edits.correct_mention(s, edits.mention_of_event(s, event_id), "1 يناير 1930"),
    )
    window.edits.correct_event(event_id)
    assert opened[-1] == "1930-01-01"


def test_the_window_picks_up_another_connections_edits(qtbot: QtBot, window: MainWindow) -> None:
    article_id = current(window)
    with Store(window.store.path) as terminal:  # as `timeline edit hide` in a terminal
        edits.set_hidden(terminal, edits.article_target(terminal, article_id))
    told: list[bool] = []
    window.watcher.changed.connect(lambda: told.append(True))
    with qtbot.waitSignal(window.store_changed, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: article_id not in window.timeline.arrays().article_ids, timeout=10_000)
    window.watcher.check()
    assert told == [True]  # seen once, not again


def coloured(qtbot: QtBot, window: MainWindow, mode: str) -> None:
    """Colour the timeline by mode, and wait for the sources read on a worker."""
    legend = window.edits.legend
    legend.set_mode(mode)
    qtbot.waitUntil(lambda: not legend.is_reading(), timeout=10_000)


def coloured_as_stored(window: MainWindow) -> None:
    """The timeline coloured by source as the store has the sources now."""
    want_codes, want_names = user.colour_codes(window.store, window.timeline.arrays(), "source")
    assert window.edits.legend.names == want_names
    assert window.timeline._codes.tolist() == want_codes.tolist()  # type: ignore[union-attr]


def test_colour_by_tag_with_a_legend_that_switches_a_tag_off(
    qtbot: QtBot, window: MainWindow
) -> None:
    article_id = current(window)
    run(
        window,
        "tag",
        lambda s: edits.set_tag(s, edits.article_target(s, article_id), "مهم", colour="#ff0000"),
    )
    legend = window.edits.legend
    legend.set_mode("tag")
    assert legend.toolbar.isVisibleTo(window)
    (entry,) = legend.toolbar.actions()
    assert entry.text() == "\u2068مهم\u2069" and entry.isChecked()  # isolated
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
    coloured(qtbot, window, "source")
    assert len(legend.toolbar.actions()) == len(set(a.source for a in window.store.articles()))
    legend.set_mode("kind")
    assert window.timeline._codes is None and not legend.toolbar.isVisibleTo(window)


@pytest.mark.parametrize("by", ["tag", "source"])
def test_an_edit_while_coloured_codes_only_its_articles_again(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, by: str
) -> None:
    # Coding every event again costs 75-180 ms at a million: an edit codes its own
    # articles' rows, and what is drawn is what coding everything gives.
    article_id = current(window)
    other = next(i for i in listed_ids(window) if i != article_id)
    run(window, "tag", lambda s: edits.set_tag(s, edits.article_target(s, other), "قديم"))
    legend = window.edits.legend
    coloured(qtbot, window, by)
    event_id = a_mention(window)
    full: list[str] = []
    for name in ("colour_codes", "source_codes"):
        original = getattr(user, name)
        monkeypatch.setattr(
            user, name, lambda *a, original=original, name=name: full.append(name) or original(*a)
        )
    steps = [
        lambda s: edits.set_tag(s, edits.article_target(s, article_id), "مهم"),
        lambda s: edits.correct_article(s, article_id, "source", "مصدر جديد"),
        lambda s: edits.correct_mention(s, edits.mention_of_event(s, event_id), "1 يناير 1930"),
        lambda s: edits.add_event(s, "1967", "حرب", article_id)[1],
        lambda s: edits.set_hidden(s, edits.article_target(s, other)),
    ]
    for step in steps:
        run(window, "edit", step)
        assert not full  # nothing coded over every event
        arrays, codes = window.timeline.arrays(), window.timeline._codes
        assert codes is not None
        want_codes, want_names = user.ColourCodes().of(window.store, arrays, by)
        assert legend.names == want_names and codes.tolist() == want_codes.tolist()
        full.clear()  # what the check itself read
    for _step in steps:
        undo(window)
    assert not full
    want_codes, want_names = user.ColourCodes().of(window.store, window.timeline.arrays(), by)
    assert legend.names == want_names
    assert window.timeline._codes.tolist() == want_codes.tolist()  # type: ignore[union-attr]


def test_the_first_tag_and_its_undo_do_not_resize_the_timeline(window: MainWindow) -> None:
    """Coloured by tag: the legend's first entry (a tag made) and its going (the undo)
    leave the toolbar's height, so the timeline is not resized, laid out and painted
    again with the whole window inside the edit."""
    from PySide6.QtWidgets import QApplication

    legend = window.edits.legend
    assert not user.tags(window.store)
    legend.set_mode("tag")
    QApplication.processEvents()
    (note,) = legend.toolbar.actions()  # that there is no tag yet, and how to make one
    assert legend.toolbar.isVisible() and "No tags yet" in note.text() and not note.isEnabled()
    height = window.timeline.height()
    article_id = current(window)
    run(window, "tag", lambda s: edits.set_tag(s, edits.article_target(s, article_id), "مهم"))
    QApplication.processEvents()
    assert [a.text() for a in legend.toolbar.actions()] == ["\u2068مهم\u2069"]
    assert window.timeline.height() == height
    undo(window)
    QApplication.processEvents()
    assert [a.text() for a in legend.toolbar.actions()] == [note.text()]
    assert window.timeline.height() == height


@pytest.mark.parametrize("meanwhile", ["tag", "kind"])
def test_a_source_corrected_while_coloured_otherwise_shows_by_source(
    qtbot: QtBot, window: MainWindow, meanwhile: str
) -> None:
    legend = window.edits.legend
    coloured(qtbot, window, "source")
    legend.set_mode(meanwhile)
    article_id = current(window)
    run(window, "source", lambda s: edits.correct_article(s, article_id, "source", "مصدر جديد"))
    coloured(qtbot, window, "source")
    assert "مصدر جديد" in legend.names
    coloured_as_stored(window)


def test_sources_are_read_on_a_worker_and_an_edit_meanwhile_reads_them_again(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every article's source is a visit of every row of an index (0.13-0.24 s at a
    # million articles): never on the GUI thread.  Until it comes the timeline keeps
    # the colours by kind and the legend says it is reading; a read that began before
    # an edit is read again (it may miss the edit's source).
    import threading

    from timeline.ui import workers

    gui = threading.get_ident()
    readers: list[int] = []
    may_finish = threading.Event()
    original = workers.source_codes

    def slow_source_codes(store: Store):
        readers.append(threading.get_ident())
        assert may_finish.wait(10)
        return original(store)

    monkeypatch.setattr(workers, "source_codes", slow_source_codes)
    legend = window.edits.legend
    legend.set_mode("source")
    assert legend.is_reading() and not window.is_settled()
    assert window.timeline._codes is None  # still by kind
    assert [a.text() for a in legend.toolbar.actions()] == ["Reading the sources…"]
    article_id = current(window)
    run(window, "source", lambda s: edits.correct_article(s, article_id, "source", "مصدر جديد"))
    assert window.timeline._codes is None and legend.is_reading()
    may_finish.set()
    qtbot.waitUntil(lambda: not legend.is_reading() and window.is_settled(), timeout=10_000)
    assert len(readers) == 2 and gui not in readers  # read again after the edit
    assert "مصدر جديد" in legend.names
    coloured_as_stored(window)


def test_a_failed_read_of_the_sources_is_reported(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.ui import workers

    def failing(store: Store):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(workers, "source_codes", failing)
    monkeypatch.setattr(user, "source_codes", failing)
    coloured(qtbot, window, "source")
    qtbot.waitUntil(lambda: "malformed" in window.statusBar().currentMessage(), timeout=10_000)
    assert window.timeline._codes is None


def shown_as_written(window: MainWindow) -> None:
    """The timeline shows what a fresh load of the store gives with the user's values
    laid over (the store as they make it), row for row and range for range."""
    from timeline.store.timeline_data import load_event_arrays

    again = user.overlay_arrays(
        window.store, load_event_arrays(window.store), with_hidden=window.edits.show_hidden
    )
    shown = window.timeline.arrays()
    ranges = ("range_rows", "range_starts", "range_ends")

    def rows(arrays) -> tuple[list, list]:
        columns = (*arrays.columns(), arrays.all_ends())
        return (
            sorted(zip(*(c.tolist() for c in columns), strict=True)),
            [getattr(arrays, n).tolist() for n in ranges[1:]],
        )

    assert rows(shown) == rows(again)
    assert shown.range_rows.tolist() == np.flatnonzero(~shown.points).tolist()


def test_past_the_room_budget_one_copy_is_kept_and_edits_write_over_it(
    qtbot: QtBot, own_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At ten million events a store with any edit held the loaded arrays beside their
    # overlay (1,126 MB, 1,277 at the load's peak).  Past the room's budget the loader
    # lays the edits over the loaded arrays' own buffers, the room takes those buffers
    # as they are (no second copy, none made while idle), and each edit reads its
    # articles' rows from the store and writes over them.
    monkeypatch.setattr("timeline.ui.main_window.ROOM_BUDGET_BYTES", 0)
    hidden = own_store.article_ids()[3]
    edits.set_hidden(own_store, edits.article_target(own_store, hidden))  # before the load
    window = open_window(qtbot, own_store)
    qtbot.waitUntil(lambda: not window._warm_timer.isActive(), timeout=10_000)
    written(window)
    assert window._one_copy and window._base_arrays is None and window._story_base is None
    room = window._column_room
    shown = window.timeline.arrays()
    assert shown is window._overlaid and room.holds(shown) and room._buffers is not None
    assert hidden not in shown.article_ids
    where = [b.ctypes.data for b in room._buffers]
    # The room's buffers are the loaded columns themselves: 32-bit ids, a few spare rows.
    assert shown.ids.dtype == np.int32 and np.shares_memory(shown.ids, room._buffers[0])
    assert len(room._buffers[0]) - len(shown) < 2 * 4096 + 100
    shown_as_written(window)
    del shown
    first, second = listed_ids(window)[:2]
    run(window, "hide", lambda s: edits.set_hidden(s, edits.article_target(s, first)))
    shown_as_written(window)
    run(window, "hide", lambda s: edits.set_hidden(s, edits.article_target(s, second)))
    event_id = a_mention(window)
    mention = edits.mention_of_event(window.store, event_id)
    run(window, "correct", lambda s: edits.correct_mention(s, mention, "1 يناير 1901"))
    shown_as_written(window)
    shown_id = current(window)
    run(window, "add", lambda s: edits.add_event(s, "1990/1991", "حدث", shown_id)[1])
    shown_as_written(window)
    undo(window)
    undo(window)
    redo(window)
    shown_as_written(window)
    assert room.holds(window.timeline.arrays())
    assert [b.ctypes.data for b in room._buffers] == where  # written over, never copied
    assert first not in window.timeline.arrays().article_ids
    # Hidden items shown: the events are loaded again (no loaded copy to lay over).
    assert window.edits.show_hidden_action is not None
    window.edits.show_hidden_action.setChecked(True)
    qtbot.waitUntil(lambda: hidden in window.timeline.arrays().article_ids, timeout=10_000)
    qtbot.waitUntil(lambda: window._loader_thread is None, timeout=10_000)
    assert first in window.timeline.arrays().article_ids
    shown_as_written(window)
    # The one copy is let go while the events load again (none drawn meanwhile).
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.edits.show_hidden_action.setChecked(False)
    assert hidden not in window.timeline.arrays().article_ids
    shown_as_written(window)


def _reached(root: object) -> tuple[list[tuple[str, np.ndarray]], list[EventArrays]]:
    """The numpy arrays (with their paths) and the EventArrays reachable from root
    through Python attributes, dicts, lists and tuples."""
    found: list[tuple[str, np.ndarray]] = []
    events: list[EventArrays] = []
    seen: set[int] = set()

    def visit(obj: object, path: str, depth: int) -> None:
        if isinstance(obj, np.ndarray):
            found.append((path, obj))
            return
        if depth > 8 or id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, EventArrays):
            events.append(obj)
        if isinstance(obj, dict):
            items = [(f"[{k!r}]", v) for k, v in obj.items()]
        elif isinstance(obj, list | tuple):
            items = [(f"[{i}]", v) for i, v in enumerate(obj)]
        elif hasattr(obj, "__dict__") and not isinstance(obj, type):
            items = [(f".{k}", v) for k, v in vars(obj).items()]
        else:
            return
        for key, value in items:
            visit(value, path + key, depth + 1)

    visit(root, "window", 0)
    return found, events


def columns_of_every_end(window: MainWindow) -> list[str]:
    """The paths of 64-bit columns as long as an EventArrays the window holds, other than
    the starts (and ids, in 64 bits in a room's own buffers) of one: a column of every
    end (8 bytes an event: 61 MB at 7.6 million events) among them."""
    arrays, events = _reached(window)
    assert any(e is window.timeline.arrays() for e in events)

    def buffer(a: np.ndarray) -> np.ndarray:
        while isinstance(a.base, np.ndarray):
            a = a.base
        return a

    theirs = {id(buffer(c)) for e in events for c in (e.ids, e.article_ids, e.starts)}
    lengths = {len(e) for e in events if len(e)}
    return [
        path
        for path, a in arrays
        if a.dtype == np.int64 and len(a) in lengths and id(buffer(a)) not in theirs
    ]


@pytest.mark.parametrize("one_copy", [False, True])
def test_no_column_of_every_end_is_held_after_a_load_or_an_edit(
    qtbot: QtBot, own_store: Store, monkeypatch: pytest.MonkeyPatch, one_copy: bool
) -> None:
    # A point's end is its start: the window keeps the ranges' ends alone.
    if one_copy:
        monkeypatch.setattr("timeline.ui.main_window.ROOM_BUDGET_BYTES", 0)
    window = open_window(qtbot, own_store)
    qtbot.waitUntil(lambda: not window._warm_timer.isActive(), timeout=10_000)
    written(window)
    assert window._one_copy == one_copy
    assert columns_of_every_end(window) == []
    event_id = a_mention(window)
    mention = edits.mention_of_event(window.store, event_id)
    run(window, "correct", lambda s: edits.correct_mention(s, mention, "1990/1991"))
    shown_as_written(window)
    first = listed_ids(window)[0]
    run(window, "hide", lambda s: edits.set_hidden(s, edits.article_target(s, first)))
    shown_as_written(window)
    qtbot.waitUntil(lambda: not window._warm_timer.isActive(), timeout=10_000)
    assert columns_of_every_end(window) == []


def test_one_copy_edits_made_while_the_events_load_are_laid_over_them(
    qtbot: QtBot, own_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The loader's overlay is of the store as it was when it read it: edits shown since
    # are laid over again on its arrays (their articles' rows read from the store).
    monkeypatch.setattr("timeline.ui.main_window.ROOM_BUDGET_BYTES", 0)
    window = open_window(qtbot, own_store)
    written(window)
    first = listed_ids(window)[0]
    window.load_timeline()
    run(window, "hide", lambda s: edits.set_hidden(s, edits.article_target(s, first)))
    qtbot.waitUntil(lambda: window._loader_thread is None, timeout=10_000)
    assert window._one_copy
    assert first not in window.timeline.arrays().article_ids
    shown_as_written(window)


def test_edits_are_patched_in_place_into_room_made_while_idle(
    qtbot: QtBot, window: MainWindow
) -> None:
    # Copying every column for an edit cost 10-60 ms at a million events (and a second
    # set of buffers): once the timeline is shown the window moves its arrays into a
    # room while idle, and each edit then writes only the rows it changes (and moves
    # those after them) over the arrays shown.  The writer reads a date once meanwhile
    # (nothing written, nothing on the stack, no edit signalled).
    seen: list[object] = []
    window.edits.controller.edited.connect(seen.append)
    qtbot.waitUntil(lambda: not window._warm_timer.isActive(), timeout=10_000)
    written(window)
    assert window._writer_warmed and not seen and window.edits.stack.count() == 0
    room = window._column_room
    shown = window.timeline.arrays()
    assert room.holds(shown) and shown is window._overlaid
    assert window._story_base is not None and shown is not window._story_base
    loaded = window._story_base.ids.copy()
    assert shown.ids.tolist() == loaded.tolist()  # moved, not changed
    assert room._buffers is not None
    where = [b.ctypes.data for b in room._buffers]
    del shown
    first, second = listed_ids(window)[:2]
    run(window, "hide", lambda s: edits.set_hidden(s, edits.article_target(s, first)))
    run(window, "hide", lambda s: edits.set_hidden(s, edits.article_target(s, second)))
    event_id = a_mention(window)
    mention = edits.mention_of_event(window.store, event_id)
    run(window, "correct", lambda s: edits.correct_mention(s, mention, "1 يناير 1901"))
    shown_id = current(window)
    run(window, "add", lambda s: edits.add_event(s, "1990/1991", "حدث", shown_id)[1])
    undo(window)
    undo(window)
    redo(window)
    assert len(seen) == 7

    def full_overlay() -> list[list]:
        assert window._story_base is not None
        again = user.overlay_arrays(window.store, window._story_base)
        return [c.tolist() for c in (*again.columns(), again.all_ends(), again.range_rows)]

    shown = window.timeline.arrays()
    columns = (*shown.columns(), shown.all_ends(), shown.range_rows)
    assert [c.tolist() for c in columns] == full_overlay()
    assert first not in shown.article_ids and second not in shown.article_ids
    # Every edit written over the same buffers, the loaded rows never.
    assert room.holds(shown) and [b.ctypes.data for b in room._buffers] == where
    assert np.shares_memory(shown.starts, room._buffers[2])
    assert window._story_base.ids.tolist() == loaded.tolist()


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


def listed_ids(window: MainWindow) -> list[int]:
    model = window.model
    while model.canFetchMore():
        model.fetchMore()
    return [int(model.index(row).data(ArticleIdRole)) for row in range(model.rowCount())]


def test_an_edit_lays_over_only_the_articles_it_touched(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A full overlay costs 100-200 ms at a million events: an edit must not run one.
    article_id = current(window)
    loaded = len(window.timeline.arrays())
    seen: list[int] = []
    full = user.overlay_arrays

    def counted(store, arrays, **kw):
        seen.append(len(arrays))
        return full(store, arrays, **kw)

    monkeypatch.setattr(user, "overlay_arrays", counted)
    run(
        window, "title", lambda s: edits.correct_article(s, article_id, "published", "1 يناير 1930")
    )
    own = sum(1 for e in window.store.events_of(article_id) if e.start is not None)
    assert seen and max(seen) <= own < loaded
    target = edits.read_date("1930-01-01")
    assert target is not None and target.start in window.timeline.arrays().starts.tolist()
    # The list's row shows the user's title at once, and the timeline's label too.
    run(window, "title", lambda s: edits.correct_article(s, article_id, "title", "عنوان مصحح"))
    row = window.model.row_of(article_id)
    assert row is not None and window.model.index(row).data() == "عنوان مصحح"
    published = next(e.id for e in window.store.events_of(article_id) if e.kind == "published")
    assert user.user_event_labels(window.store, [published])[published].title == "عنوان مصحح"
    assert max(seen) < loaded
    undo(window)
    assert window.model.index(row).data() != "عنوان مصحح"


def test_a_redating_edit_after_the_load_was_shown_loads_nothing_again(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The loader's thread ends a moment after its events are shown; under load (5-6 on
    # two cores) an edit came in that moment, was taken for one the load might have
    # missed, and every event was loaded and laid over again (the one-off failure of
    # the test above: a full overlay counted during an edit).
    from timeline.ui import main_window, workers

    ending = threading.Event()
    loads: list[int] = []
    start = main_window.start_in_thread

    def slow_to_end(worker: QObject, parent: QObject, **kwargs: Any) -> QThread:
        if isinstance(worker, workers.EventsLoader):
            loads.append(1)
            # Its result sent (the window's call queued first), the thread held before
            # it ends: a direct connection runs on the loader's thread.
            worker.finished.connect(lambda _: ending.wait(10), Qt.ConnectionType.DirectConnection)
        return start(worker, parent, **kwargs)

    monkeypatch.setattr(main_window, "start_in_thread", slow_to_end)
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.load_timeline()
    assert window._loader_thread is not None
    article_id = current(window)
    run(window, "date", lambda s: edits.correct_article(s, article_id, "published", "1 يناير 1930"))
    ending.set()
    # A load asked for starts as the held thread ends (_loader_ended), counted here.
    qtbot.waitUntil(lambda: window._loader_thread is None, timeout=10_000)
    assert loads == [1]
    target = edits.read_date("1930-01-01")
    assert target is not None and target.start in window.timeline.arrays().starts.tolist()


def test_hidden_articles_leave_the_list_search_and_counts_and_come_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    from timeline.store.search import SearchRequest

    article_id = current(window)
    everything = listed_ids(window)
    counts = window.count_label.text()
    window.edits.hide_article()
    written(window)
    assert listed_ids(window) == [i for i in everything if i != article_id]
    assert window.model.row_of(article_id) is None
    assert window.count_label.text() != counts
    assert article_id not in window.timeline.arrays().article_ids
    title_word = max(window.store.article(article_id).title.split(), key=len)  # type: ignore[union-attr]
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        window.run_search(SearchRequest(query=title_word))
    assert article_id not in listed_ids(window)
    assert window._search_ids is not None and article_id not in window._search_ids
    window.edits.show_hidden_action.setChecked(True)  # View > Show hidden items
    qtbot.waitUntil(lambda: article_id in listed_ids(window), timeout=10_000)
    assert article_id in window.timeline.arrays().article_ids
    window.edits.show_hidden_action.setChecked(False)
    qtbot.waitUntil(lambda: article_id not in listed_ids(window), timeout=10_000)
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        window.run_search(SearchRequest())
    undo(window)
    assert listed_ids(window) == everything
    qtbot.waitUntil(window.articles_counted, timeout=10_000)  # counted again on a worker
    assert window.count_label.text() == counts
    assert article_id in window.timeline.arrays().article_ids


@pytest.mark.parametrize("language", ["en", "ar"])
def test_hiding_an_article_says_where_it_went(
    request: pytest.FixtureRequest, window: MainWindow, language: str
) -> None:
    """It leaves the list, the timeline and the counts: the status bar says how it
    comes back (nothing did)."""
    if language == "ar":
        request.getfixturevalue("arabic")
    article_id = current(window)
    window.edits.hide_article()
    written(window)
    assert window.model.row_of(article_id) is None
    line = window.statusBar().currentMessage()
    menu_entry = "Unhide" if language == "en" else "إظهار ما أُخفي"
    assert menu_entry in line and "Ctrl+Z" in line


def test_an_undone_hide_no_longer_says_the_article_is_hidden(window: MainWindow) -> None:
    """Undone within the line's ten seconds, the hide was still said ("Article hidden;
    Unhide... shows it again") beside the article listed again."""
    article_id = current(window)
    window.edits.hide_article()
    written(window)
    assert "Article hidden" in window.statusBar().currentMessage()
    undo(window)
    assert window.model.row_of(article_id) is not None
    assert "Article hidden" not in window.statusBar().currentMessage()
    # A line said since the hide is left as it is.
    window.select_article(article_id)
    window.edits.hide_article()
    written(window)
    window.statusBar().showMessage("another line", 10_000)
    undo(window)
    assert window.statusBar().currentMessage() == "another line"


def test_an_undone_hide_selects_the_article_shown_again(qtbot: QtBot, window: MainWindow) -> None:
    """Hidden, the current article gave its place to the next; undone, it came back to
    the list with the next one still selected, so the pane showed another article than
    the one the user had been reading.  It is selected again (so is one shown again
    by a redo of Unhide), in the whole list and among a search's hits."""
    article_id = current(window)
    window.edits.hide_article()
    written(window)
    assert current(window) != article_id
    undo(window)
    qtbot.waitUntil(lambda: current(window) == article_id, timeout=10_000)
    # Under a search that finds it.
    title_word = max(window.store.article(article_id).title.split(), key=len)  # type: ignore[union-attr]
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        window.run_search(SearchRequest(query=title_word))
    window.select_article(article_id)
    window.edits.hide_article()
    written(window)
    undo(window)
    qtbot.waitUntil(lambda: current(window) == article_id, timeout=10_000)


def test_an_edit_after_a_hide_takes_the_hides_line_away(window: MainWindow) -> None:
    """The hide's line says Ctrl+Z undoes it: after another edit Ctrl+Z undoes that
    one, and the line still said so for its ten seconds."""
    window.edits.hide_article()
    written(window)
    assert "Article hidden" in window.statusBar().currentMessage()
    shown = current(window)  # the list's next article
    run(window, "title", lambda s: edits.correct_article(s, shown, "title", "عنوان آخر"))
    assert "Article hidden" not in window.statusBar().currentMessage()


def test_a_corrected_source_moves_an_article_through_the_search_filter(
    qtbot: QtBot, window: MainWindow
) -> None:
    from timeline.store.search import SearchRequest

    article_id = current(window)
    stored = window.store.article(article_id).source  # type: ignore[union-attr]
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        window.run_search(SearchRequest(source=stored))
    assert article_id in listed_ids(window)
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        run(window, "source", lambda s: edits.correct_article(s, article_id, "source", "أرشيف"))
    assert article_id not in listed_ids(window)  # the filter judged the source shown
    qtbot.waitUntil(lambda: window.search_bar.sources.row_of("أرشيف") > 0, timeout=10_000)
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        window.run_search(SearchRequest(source="أرشيف"))
    assert listed_ids(window) == [article_id]
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        undo(window)
    assert listed_ids(window) == []
    qtbot.waitUntil(lambda: window.search_bar.sources.row_of("أرشيف") < 0, timeout=10_000)


def test_a_corrected_publication_date_moves_the_article_in_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    everything = listed_ids(window)
    article_id = everything[len(everything) // 2]
    window.select_article(article_id)
    run(window, "date", lambda s: edits.correct_article(s, article_id, "published", "1900-01-01"))
    qtbot.waitUntil(lambda: window.model.row_of(article_id) == 0, timeout=10_000)
    assert listed_ids(window) == [article_id] + [i for i in everything if i != article_id]
    assert window.edits.current_article() == article_id  # still the one shown
    undo(window)
    qtbot.waitUntil(lambda: listed_ids(window) == everything, timeout=10_000)


def test_the_list_pages_past_hidden_articles(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.ui import article_model

    monkeypatch.setattr(article_model, "_ID_PAGE", 3)  # pages of 3: hidden ones on every page
    everything = window.store.chronological_ids()
    for article_id in everything[1::3] + everything[-1:]:
        edits.set_hidden(window.store, edits.article_target(window.store, article_id))
    hidden = set(everything[1::3] + everything[-1:])
    window.model.reload()
    shown = [i for i in everything if i not in hidden]
    assert listed_ids(window) == shown
    assert [window.model.row_of(i) for i in shown] == list(range(len(shown)))
    # A row taken out and put back as the window does after an edit, with no reload.
    for article_id in (shown[2], shown[0]):
        window.model.hide_article(article_id)
    assert listed_ids(window) == shown[1:2] + shown[3:]
    window.model.show_article(shown[2])
    window.model.show_article(everything[1])  # hidden before the reload
    window.model.show_article(shown[0])
    back = [i for i in everything if i not in hidden or i == everything[1]]
    assert listed_ids(window) == back
    assert [window.model.row_of(i) for i in back] == list(range(len(back)))


def test_the_search_finds_an_article_by_its_note(qtbot: QtBot, window: MainWindow) -> None:
    from timeline.store.search import SearchRequest

    article_id = current(window)
    run(window, "note", lambda s: edits.set_note(s, article_id, "للمراجعة: زنجبيلية"))
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        window.run_search(SearchRequest(query="زنجبيليه"))  # ة typed as ه
    assert listed_ids(window) == [article_id]
    run(window, "tag", lambda s: edits.set_tag(s, edits.article_target(s, article_id), "قرنفلية"))
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        window.run_search(SearchRequest(query="قرنفلية"))
    assert listed_ids(window) == [article_id]


def test_edits_are_written_off_the_gui_thread(window: MainWindow) -> None:
    import threading

    article_id = current(window)
    where: list[tuple[int, Store]] = []

    def note(store: Store) -> list[user.Change]:
        where.append((threading.get_ident(), store))
        return edits.set_note(store, article_id, "ملاحظة")

    run(window, "note", note)
    ((thread, store),) = where
    assert thread != threading.get_ident() and store is not window.store
    assert edits.shown_article(window.store, article_id).note == "ملاحظة"  # type: ignore[union-attr]
    undo(window)
    assert edits.shown_article(window.store, article_id).note == ""  # type: ignore[union-attr]


def test_an_edits_commit_does_not_wait_for_the_disks_flush(window: MainWindow) -> None:
    """The writer's connection commits with synchronous=NORMAL (the store is in WAL
    mode): a commit that waited for fsync took 30-250 ms while the disk was busy."""
    article_id = current(window)
    seen: list[tuple[str, int]] = []

    def note(store: Store) -> list[user.Change]:
        conn = store.conn
        seen.append(
            (
                str(conn.execute("PRAGMA journal_mode").fetchone()[0]),
                int(conn.execute("PRAGMA synchronous").fetchone()[0]),
            )
        )
        return edits.set_note(store, article_id, "ملاحظة")

    run(window, "note", note)
    assert seen == [("wal", 1)]  # 1: NORMAL (SQLite's default in a connection: 2, FULL)
    assert edits.shown_article(window.store, article_id).note == "ملاحظة"  # type: ignore[union-attr]


def test_an_edit_to_a_read_only_store_is_said_in_one_line_and_changes_nothing(
    qtbot: QtBot, own_store: Store
) -> None:
    with Store(own_store.path, read_only=True) as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
        article_id = current(win)
        before = win.timeline.arrays().ids.tolist()
        failed: list[str] = []
        win.edits.controller.edit_failed.connect(lambda what, why: failed.append(why))
        win.edits.hide_article()
        written(win)
        assert len(failed) == 1 and "read-only" in failed[0]
        line = win.statusBar().currentMessage()
        assert "read-only" in line and "\n" not in line
        assert win.timeline.arrays().ids.tolist() == before
        assert win.model.row_of(article_id) is not None
        assert win.edits.stack.count() == 0
        win.close()


@pytest.mark.parametrize(
    "ask",
    ["correct_published", "title", "add_standalone", "tag_article", "edit_note", "event"],
)
def test_a_read_only_library_says_so_before_a_dialog_asks_for_what_it_cannot_write(
    qtbot: QtBot, own_store: Store, monkeypatch: pytest.MonkeyPatch, ask: str
) -> None:
    # F2 on a read-only library opened the date dialog, and the date typed was refused
    # only once written: the refusal comes first now, in the line a failed edit gets.
    from PySide6.QtWidgets import QDialog

    asked: list[object] = []
    monkeypatch.setattr(QDialog, "exec", lambda dialog: asked.append(dialog) or 0)
    with Store(own_store.path, read_only=True) as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
        assert current(win) is not None
        if ask == "title":
            win.edits.correct_field("title")
        elif ask == "event":
            win.edits.correct_event(int(win.timeline.arrays().ids[0]))
        else:
            getattr(win.edits, ask)()
        assert asked == []
        line = win.statusBar().currentMessage()
        assert line.startswith("Not saved: ") and "read-only" in line and "\n" not in line
        assert win.edits.stack.count() == 0
        win.close()


def test_an_edit_to_a_store_in_a_folder_not_writable_says_why(
    qtbot: QtBot, own_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's store opened read-only because its folder cannot be written (a
    read-only mount, a shared folder): an edit said "opened read-only on request",
    which no one had asked for."""
    why = f"its folder {own_store.path.parent} is not writable (SQLite writes ...)"
    monkeypatch.setattr(Store, "_unwritable", lambda self: why)
    with Store(own_store.path) as store:
        assert store.read_only == why
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
        failed: list[str] = []
        win.edits.controller.edit_failed.connect(lambda what, why: failed.append(why))
        win.edits.hide_article()
        written(win)
        assert failed == [f"{store.path} is open read-only: {why}"]
        assert win.edits.stack.count() == 0
        win.close()


def test_an_edit_to_a_store_known_damaged_is_refused(window: MainWindow) -> None:
    article_id = current(window)
    failed: list[str] = []
    window.edits.controller.edit_failed.connect(lambda what, why: failed.append(why))
    window.store.conn.damage = "page 7 is never used"  # as a read that met damage sets it
    try:
        window.edits.hide_article()
        written(window)
    finally:
        window.store.conn.damage = None
    assert len(failed) == 1 and "damaged" in failed[0] and "repair" in failed[0]
    assert user.all_rows(window.store)["user_hidden"] == []
    assert window.model.row_of(article_id) is not None


def test_a_hidden_row_closes_up_its_page_without_reading_it_again(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Taking a row out keeps its cached page (the next id read alone to fill its end):
    the rows are those a fresh read gives, and no page is read whole again for it."""
    from timeline.ui import article_model

    monkeypatch.setattr(article_model, "_ID_PAGE", 4)
    window.model.reload()
    everything = window.store.chronological_ids()
    assert listed_ids(window) == everything and len(everything) > 9
    asked: list[int] = []
    real = article_model.keys_after

    def counted(store: Store, key: object, limit: int) -> list:
        asked.append(limit)
        return real(store, key, limit)

    monkeypatch.setattr(article_model, "keys_after", counted)
    gone = [everything[1], everything[5], everything[2]]  # first, second page; a page end
    for article_id in gone:
        window.model.hide_article(article_id)
        assert asked and max(asked) <= 1 + len(gone)  # one id (past the hidden), no page
    left = [i for i in everything if i not in gone]
    assert listed_ids(window) == left
    assert [window.model.row_of(i) for i in left] == list(range(len(left)))


def test_after_a_hide_the_pane_reads_the_next_article_once_the_frame_is_painted(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edit's frame first: the pane's read of the next article (a worker that takes
    the GIL in slices) starts after the timeline has painted what the hide changed, and
    the pane then shows that article."""
    from PySide6.QtCore import QEvent, QObject

    hidden = current(window)
    order: list[str] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                order.append("paint")
            return False

    paints = Paints()
    window.timeline.installEventFilter(paints)
    real = window.detail.load_article

    def load(*args: object, **kwargs: object) -> None:
        order.append("read")
        real(*args, **kwargs)

    monkeypatch.setattr(window.detail, "load_article", load)
    window.edits.controller.edited.connect(lambda _changes: order.append("shown"))
    window.edits.hide_article()
    qtbot.waitUntil(lambda: "read" in order, timeout=10_000)
    window.timeline.removeEventFilter(paints)
    after = order[order.index("shown") :]
    assert "read" not in order[: order.index("shown")]  # not while the edit was shown
    assert "paint" in after and after.index("paint") < after.index("read")
    article_shown(window.detail)
    next_id = current(window)
    assert next_id != hidden
    assert window.detail.article is not None and window.detail.article.id == next_id


def test_the_panes_read_waits_for_an_edit_asked_for_before_it_began(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An undo right after an edit (Ctrl+Z held): the pane's read put off until the
    edit's frame does not start while the undo is written and shown (its worker took
    the GIL from the undo), but after the undo's frame, and the pane shows the article."""
    import threading

    article_id = current(window)
    order: list[str] = []
    real = window.detail.load_article

    def load(*args: object, **kwargs: object) -> None:
        order.append("read")
        real(*args, **kwargs)

    monkeypatch.setattr(window.detail, "load_article", load)
    controller = window.edits.controller
    controller.edited.connect(lambda _changes: order.append("shown"))
    controller.run("note", lambda s: edits.set_note(s, article_id, "ملاحظة"))
    assert controller.wait_written(after_frame=False)
    assert order == ["shown"]  # the pane's read put off until the frame
    release = threading.Event()
    real_undone = undo_module._undone

    def undone(store: Store, changes: list[user.Change]) -> list[user.Change]:
        assert release.wait(10)
        return real_undone(store, changes)

    monkeypatch.setattr(undo_module, "_undone", undone)
    window.edits.stack.undo()  # asked for before the note's frame came
    qtbot.wait(100)  # the note's frame and its put-off read's event come and go
    assert order == ["shown"]  # no read while the undo is written
    release.set()
    qtbot.waitUntil(lambda: "read" in order, timeout=10_000)
    assert order == ["shown", "shown", "read"]
    article_shown(window.detail)
    assert window.detail.article is not None and window.detail.article.id == article_id
    assert edits.shown_article(window.store, article_id).note == ""  # type: ignore[union-attr]


def test_an_article_chosen_before_the_frame_is_not_replaced_by_the_hides_next(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A read put off until the edit's frame is dropped when another article is chosen
    first: the pane shows the one chosen last."""
    window.edits.hide_article()
    assert window.edits.controller.wait_written(after_frame=False)
    chosen = listed_ids(window)[-1]
    window.select_article(chosen)
    qtbot.wait(50)  # the put-off read's event comes and goes
    article_shown(window.detail)
    assert window.detail.article is not None and window.detail.article.id == chosen


def test_the_windows_article_rows_follow_hides_and_undos(window: MainWindow) -> None:
    """The shown arrays' index (sorted on a thread, followed through each edit) gives
    every article's rows as a pass does, after hides, an unhide and their undos; the
    view selects an article by it."""
    import time

    def ready() -> None:
        index = window._overlaid.article_index if window._overlaid is not None else None
        assert index is not None
        deadline = time.monotonic() + 10
        while not index.ready:
            assert time.monotonic() < deadline
            time.sleep(0.001)

    def rows_found() -> None:
        shown = window._overlaid
        assert shown is not None and shown.article_index is not None
        for a in set(shown.article_ids.tolist()) | {current(window)}:
            found = shown.article_index.rows(a)
            assert found is not None
            assert found.tolist() == np.flatnonzero(shown.article_ids == a).tolist()

    ready()
    first = current(window)
    window.edits.hide_article()
    written(window)
    second = current(window)
    window.edits.hide_article()
    written(window)
    assert window._overlaid is not None and window._overlaid.article_index is not None
    assert window._overlaid.article_index.steps >= 2  # followed, not sorted again
    rows_found()
    run(window, "show", lambda s: edits.set_hidden(s, edits.article_target(s, first), False))
    rows_found()
    undo(window)
    undo(window)
    rows_found()
    assert window.timeline.select_article(second)
    row = window.timeline._selected_row
    assert row is not None and int(window.timeline.arrays().article_ids[row]) == second


def test_the_windows_article_rows_are_sorted_again_while_idle_after_many_edits(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past MAX_STEPS edits followed, the shown rows are sorted again once the window is
    idle (not on an edit's click), and found as a pass finds them."""
    monkeypatch.setattr(user, "MAX_STEPS", 3)
    for _ in range(3):
        window.edits.hide_article()
        written(window)
    shown = window._overlaid
    assert shown is not None and shown.article_index is not None
    assert shown.article_index.steps == 3  # not sorted again by the edit itself

    def sorted_again() -> bool:
        index = window._overlaid.article_index if window._overlaid is not None else None
        return index is not None and index.steps == 0 and index.ready

    qtbot.waitUntil(sorted_again, timeout=10_000)
    shown = window._overlaid
    assert shown is not None and shown.article_index is not None
    for a in set(shown.article_ids.tolist()):
        found = shown.article_index.rows(a)
        assert found is not None
        assert found.tolist() == np.flatnonzero(shown.article_ids == a).tolist()


def test_one_copy_an_edit_before_the_first_load_is_laid_over_without_a_second_load(
    qtbot: QtBot, own_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At ten million events a load takes tens of seconds: an edit made while the first
    # one runs is laid over what it brings, not a reason to load everything again.
    monkeypatch.setattr("timeline.ui.main_window.ROOM_BUDGET_BYTES", 0)
    loads: list[int] = []
    load = MainWindow.load_timeline

    def counted(self: MainWindow) -> None:
        loads.append(1)
        load(self)

    monkeypatch.setattr(MainWindow, "load_timeline", counted)
    first = own_store.article_ids()[0]
    window = MainWindow(own_store)
    qtbot.addWidget(window)
    window.show()
    run(window, "hide", lambda s: edits.set_hidden(s, edits.article_target(s, first)))
    qtbot.waitUntil(
        lambda: len(window.timeline.arrays()) > 0 and window._loader_thread is None,
        timeout=10_000,
    )
    qtbot.wait(50)
    assert window._one_copy and window._loader_thread is None and len(loads) == 1
    assert first not in window.timeline.arrays().article_ids
    shown_as_written(window)


def test_an_undated_article_dated_by_the_user_appears_on_the_timeline(
    qtbot: QtBot, window: MainWindow
) -> None:
    (undated,) = [a.id for a in window.store.articles() if a.published is None]
    drawn = user.publication_event_id(undated)
    assert drawn not in window.timeline.arrays().ids
    run(window, "date", lambda s: edits.correct_article(s, undated, "published", "1 يناير 2020"))
    january = edits.read_date("1 يناير 2020")
    assert january is not None
    qtbot.waitUntil(lambda: drawn in window.timeline.arrays().ids, timeout=5_000)
    arrays = window.timeline.arrays()
    (row,) = np.flatnonzero(arrays.ids == drawn)
    assert arrays.starts[row] == january.start and arrays.article_ids[row] == undated
    # Its menu corrects the article's publication: it is no event of its own to remove.
    menu = window.edits._event_menu(drawn)
    assert [a.text() for a in menu.actions()] == [window.edits.tr("Correct publication &date…")]
    undo(window)
    qtbot.waitUntil(lambda: drawn not in window.timeline.arrays().ids, timeout=5_000)


def test_sources_past_the_tags_eight_colours_get_colours_of_their_own() -> None:
    # A store of 11 sources showed three pairs of sources in one colour (the eight
    # colours repeated), their legend entries alike.
    from timeline.edits import TAG_COLOURS
    from timeline.ui.colour_legend import source_colours

    for n in (0, 3, 8, 11, 40, 200):
        colours = source_colours(n)
        assert len(colours) == n
        assert len({c.rgb() for c in colours}) == n  # no two alike
        assert [c.name() for c in colours[:8]] == list(TAG_COLOURS[:n])


def test_colours_past_what_the_steps_make_are_repeated_not_sought_for_ever() -> None:
    # Asked for 8,000 (a store of 8,000 sources coloured by source), the walk of hues
    # went round for ever and the window froze.
    from timeline.ui.colour_legend import source_colours

    colours = source_colours(8_000)
    assert len(colours) == 8_000
    assert len({c.rgb() for c in colours}) > 5_000


def test_many_sources_colour_the_largest_and_one_grey_entry_for_the_rest(
    qtbot: QtBot, own_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.ui import colour_legend

    SOURCE_COLOURS = 5  # (20: the sample has 14 articles)
    monkeypatch.setattr(colour_legend, "SOURCE_COLOURS", SOURCE_COLOURS)
    conn = own_store.db.conn
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    assert len(ids) > SOURCE_COLOURS
    # Every article a source of its own but the first three, which share one.
    with own_store.transaction():
        for n, article_id in enumerate(ids):
            source = "أكبر" if n < 3 else f"مصدر {n:03d}"
            conn.execute("UPDATE articles SET source = ? WHERE id = ?", (source, article_id))
    window = open_window(qtbot, own_store)
    coloured(qtbot, window, "source")
    legend = window.edits.legend
    names = [a.text() for a in legend.toolbar.actions()]
    assert len(names) == SOURCE_COLOURS and names[-1] == f"\u2068{legend.tr('Other sources')}\u2069"
    assert "\u2068أكبر\u2069" in names  # the largest has a colour of its own
    assert legend.others == len(ids) - 2 - (SOURCE_COLOURS - 1)
    assert legend.palette[-1].name() == "#9e9e9e"
    assert len({c.rgb() for c in legend.palette}) == SOURCE_COLOURS
    assert str(legend.others) in legend.toolbar.actions()[-1].toolTip()
    # Switched off, the grey entry takes every other source's events off the timeline.
    shown = len(window.timeline.arrays())
    legend.toolbar.actions()[-1].setChecked(False)
    qtbot.waitUntil(lambda: len(window.timeline.arrays()) < shown, timeout=5_000)
    codes = window.timeline._codes
    assert codes is not None and int(codes.max()) < SOURCE_COLOURS - 1


def test_many_tags_keep_the_largest_in_their_colours_and_one_grey_entry_for_the_rest(
    qtbot: QtBot, own_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import can bring hundreds of tags (a site's own): the legend keeps the tags with
    the most events, each in the colour it was given, and the rest share one entry."""
    from timeline.ui import colour_legend

    SOURCE_COLOURS = 5  # (20: the sample has 14 articles)
    monkeypatch.setattr(colour_legend, "SOURCE_COLOURS", SOURCE_COLOURS)
    ids = [r[0] for r in own_store.db.conn.execute("SELECT id FROM articles ORDER BY id")]
    for n, article_id in enumerate(ids):
        tag = "أكبر" if n < 3 else f"وسم {n:03d}"
        edits.set_tag(own_store, edits.article_target(own_store, article_id), tag)
    edits.set_tag_colour(own_store, "أكبر", "#ff0000")
    window = open_window(qtbot, own_store)
    coloured(qtbot, window, "tag")
    legend = window.edits.legend
    names = [a.text() for a in legend.toolbar.actions()]
    assert len(names) == SOURCE_COLOURS and names[-1] == f"\u2068{legend.tr('Other tags')}\u2069"
    assert legend.palette[names.index("\u2068أكبر\u2069")].name() == "#ff0000"  # its own
    assert legend.others == len(ids) - 2 - (SOURCE_COLOURS - 1)
    assert legend.palette[-1].name() == "#9e9e9e"
    tip = legend.toolbar.actions()[-1].toolTip()
    assert str(legend.others) in tip and "tags" in tip
    shown = len(window.timeline.arrays())
    legend.toolbar.actions()[-1].setChecked(False)
    qtbot.waitUntil(lambda: len(window.timeline.arrays()) < shown, timeout=5_000)


def test_a_title_is_corrected_in_a_dialog_wide_enough_to_read_it(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit

    window.resize(1400, 900)
    article_id = current(window)
    title = window.store.article(article_id).title  # type: ignore[union-attr]
    seen: list[tuple[int, int, str]] = []

    def answer(dialog: QInputDialog) -> int:
        dialog.show()
        edit = dialog.findChild(QLineEdit)
        seen.append((edit.width(), QFontMetrics(edit.font()).horizontalAdvance(title), edit.text()))
        dialog.setTextValue("عنوان مصحح")
        return QDialog.DialogCode.Accepted.value

    def narrow(*_args: object, **_kwargs: object) -> tuple[str, bool]:
        raise AssertionError("the standard dialog showed some 25 characters of a title")

    monkeypatch.setattr(QInputDialog, "exec", answer)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(narrow))
    window.edits.correct_field("title")
    written(window)
    ((width, needed, shown),) = seen
    assert shown == title and width >= min(needed, 800)
    assert edits.shown_article(window.store, article_id).title == "عنوان مصحح"  # type: ignore[union-attr]


def test_the_unhide_menu_names_marks_another_program_wrote_as_they_are(
    window: MainWindow,
) -> None:
    """A hidden mark that names nothing ("event:abc", "garbage", written in Datasette)
    failed the menu's opening with ValueError or IndexError."""
    conn = window.store.db.conn
    for target in ("event:abc", "garbage", "mention:u:a:b"):
        conn.execute(
            "INSERT INTO user_hidden (target, who, at) VALUES (?, 'other', '9999')", (target,)
        )
    window.edits._fill_hidden_menu()
    texts = [a.text() for a in window.edits.hidden_menu.actions() if a.text()]
    for target in ("event:abc", "garbage", "mention:u:a:b"):
        assert any(target in text for text in texts), texts


def test_the_note_dialog_is_finished_by_keyboard(qtbot: QtBot) -> None:
    """Tab inserted a tab and Enter or Ctrl+Enter a new line: the note could not be
    saved without the mouse. Tab moves on, Ctrl+Enter saves, Enter still breaks a line."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from timeline.ui.edit_dialogs import NoteDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        dialog = NoteDialog(parent, "old")
        dialog.show()
        qtbot.waitExposed(dialog)
        edit = dialog.text_edit
        assert dialog.focusWidget() is edit  # the note, ready to be typed
        edit.selectAll()
        qtbot.keyClicks(edit, "one")
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        qtbot.keyClicks(edit, "two")
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
        assert "\t" not in edit.toPlainText()
        assert dialog.focusWidget() is not edit  # Tab went on to the buttons
        edit.setFocus()
        with qtbot.waitSignal(dialog.accepted, timeout=2_000):
            qtbot.keyClick(edit, key, Qt.KeyboardModifier.ControlModifier)
        assert dialog.result() == NoteDialog.DialogCode.Accepted
        assert dialog.text() == "one\ntwo"


def test_a_long_paste_into_a_note_is_cut_and_said(qtbot: QtBot) -> None:
    """A megabyte pasted into the note (a line without spaces) held the window for
    minutes: Qt lays the paragraph out in a time that grows with its square, again at
    each key.  What is pasted is cut to the note's room, and the dialog says so; a note
    already stored is shown whole, and a short paste goes in as it is."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication, QWidget

    from timeline.ui.edit_dialogs import NOTE_PASTE_CHARS, NoteDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    long_note = "ملاحظة " * (NOTE_PASTE_CHARS // 4)  # stored before (by `timeline edit note`)
    dialog = NoteDialog(parent, long_note)
    assert dialog.text() == long_note
    dialog.text_edit.selectAll()
    clipboard = QApplication.clipboard()
    pasted = QMimeData()
    pasted.setText("١" * (10 * NOTE_PASTE_CHARS))
    clipboard.setMimeData(pasted)
    dialog.text_edit.paste()  # over the whole note: the room is all of it
    assert dialog.text() == "١" * NOTE_PASTE_CHARS
    assert dialog.cut_label.isVisibleTo(dialog)
    assert dialog.cut_label.textFormat() == Qt.TextFormat.PlainText
    dialog.text_edit.paste()  # no room left: nothing more goes in
    assert len(dialog.text()) == NOTE_PASTE_CHARS

    short = NoteDialog(parent, "")
    clipboard.setText("سطر\nقصير")
    short.text_edit.paste()
    assert short.text() == "سطر\nقصير"
    assert not short.cut_label.isVisibleTo(short)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_note_is_laid_out_from_its_own_edge(
    qtbot: QtBot, request: pytest.FixtureRequest, language: str
) -> None:
    """An Arabic note read from the left edge of its box, in either interface: the
    editor took every paragraph as left to right. A note takes its own direction (its
    first letter's), an empty one the interface's."""
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QWidget

    from timeline.ui.edit_dialogs import NoteDialog

    if language == "ar":
        request.getfixturevalue("arabic")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = NoteDialog(parent, "")
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.text_edit
    middle = edit.viewport().width() // 2

    def start_x() -> int:
        cursor = edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        edit.setTextCursor(cursor)
        return edit.cursorRect().x()

    def from_right() -> bool:  # (laid out again after the events of a change)
        QApplication.processEvents()
        return start_x() > middle

    assert from_right() == (language == "ar"), (start_x(), middle)
    edit.setPlainText("ملاحظة قصيرة")
    assert from_right(), (start_x(), middle)
    edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(edit, " x")  # typed after it, as the user does
    assert from_right(), (start_x(), middle)
    edit.setPlainText("2021 a short note")
    assert not from_right(), (start_x(), middle)


def test_the_note_is_written_from_the_dialog(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.ui.edit_dialogs import NoteDialog

    article_id = current(window)
    seen: list[str] = []

    def answer(dialog: NoteDialog) -> int:
        seen.append(dialog.text())
        dialog.text_edit.setPlainText("ملاحظة\tجديدة")
        return NoteDialog.DialogCode.Accepted

    monkeypatch.setattr(NoteDialog, "exec", answer)
    window.edits.edit_note()
    written(window)
    assert seen == [""]
    assert edits.shown_article(window.store, article_id).note == "ملاحظة\tجديدة"  # type: ignore[union-attr]


def test_the_tag_dialog_label_is_plain_text(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its label says our own words (a reason with numbers in it), never as markup."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QInputDialog, QLabel

    formats: list[Qt.TextFormat] = []

    def answer(dialog: QInputDialog) -> int:
        formats.extend(label.textFormat() for label in dialog.findChildren(QLabel))
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QInputDialog, "exec", answer)
    window.edits.tag_article()
    assert formats and set(formats) == {Qt.TextFormat.PlainText}


def _publication_event(store: Store, article_id: int) -> int:
    for event in store.events_of(article_id):
        if event.span_start is None and event.id is not None:
            return event.id
    pytest.skip("the first sample article has no computed publication")


# Each refusal of timeline/edits.py an edit the window runs can meet (EditError), by the
# edit that meets it: (store, the current article) -> the edit.
REFUSED_EDITS = {
    "bad_colour": lambda s, a: edits.set_tag_colour(s, "حروب", "red"),
    "bad_colour_new_tag": lambda s, a: edits.set_tag(
        s, edits.article_target(s, a), "حروب", colour="#12345"
    ),
    "no_tag": lambda s, a: edits.set_tag_colour(s, "لا وسم بهذا الاسم", "#112233"),
    "no_span": lambda s, a: edits.correct_mention(s, edits.mention_at(s, a, 10**7, 10**7 + 4), ""),
    "not_a_mention": lambda s, a: edits.correct_mention(
        s, edits.mention_of_event(s, _publication_event(s, a)), "2020"
    ),
    "unknown_field": lambda s, a: edits.correct_article(s, a, "author", "x"),
    "range_reversed": lambda s, a: edits.add_event(s, "1953/1950", "حرب", a),
    "published_two_lines": lambda s, a: edits.correct_article(
        s, a, "published", "2021-05-01\n2021-06-01"
    ),
    "published_bad_iso": lambda s, a: edits.correct_article(s, a, "published", "2015-07-21T25:00"),
    "published_unreadable": lambda s, a: edits.correct_article(s, a, "published", "غدا ربما"),
    "published_range": lambda s, a: edits.correct_article(s, a, "published", "1950/1953"),
    "no_article": lambda s, a: edits.correct_article(s, 10**9, "title", "x"),
    "no_event": lambda s, a: edits.correct_mention(s, edits.mention_of_event(s, 10**9), None),
    "no_added_event": lambda s, a: edits.remove_added_event(s, 10**9),
    "not_a_date": lambda s, a: edits.add_event(s, "ليس تاريخا", "حدث", a)[1],
    "tag_unnamed": lambda s, a: edits.set_tag(s, edits.article_target(s, a), " "),
    "tag_too_long": lambda s, a: edits.set_tag(s, edits.article_target(s, a), "ت" * 300),
    "tag_separator": lambda s, a: edits.set_tag(s, edits.article_target(s, a), "حروب؛ هدنة"),
}


@pytest.mark.parametrize("case", sorted(REFUSED_EDITS))
def test_every_refused_edit_is_said_in_arabic_in_the_status_bar(
    arabic: None, window: MainWindow, case: str
) -> None:
    """The window in Arabic said "لم يُحفظ: وسم: not a colour: 'red' (give #rrggbb)":
    only some of the refusals had their words in the window's language."""
    article_id = current(window)
    failed: list[str] = []
    window.edits.controller.edit_failed.connect(lambda what, why: failed.append(why))
    run(window, "وسم", lambda s: REFUSED_EDITS[case](s, article_id))
    assert len(failed) == 1, failed  # refused by edits, not another failure
    line = window.statusBar().currentMessage()
    # The reason, in an isolate of its own after the edit's name: no English word left
    # in it outside its values (each in an isolate of its own, within it).
    prefix = "لم يُحفظ: وسم: \u2068"
    assert line.startswith(prefix) and line.endswith("\u2069"), line
    reason = line[len(prefix) : -1]
    words = re.sub("\u2068[^\u2068\u2069]*\u2069", " ", reason)
    words = words.replace("ISO 8601", " ")  # the standard's name
    assert re.search("[\u0621-\u064a]", words), (case, failed[0], line)
    assert not re.search("[A-Za-z]{2,}", words), (case, failed[0], line)


def test_the_refused_edits_meet_every_refusal(own_store: Store) -> None:
    """REFUSED_EDITS names an edit for each of edits.MESSAGES (a new one gets its case)."""
    from timeline.ui import store_messages

    article_id = own_store.article_ids()[0]
    met = set()
    for make in REFUSED_EDITS.values():
        with pytest.raises(edits.EditError) as raised:
            make(own_store, article_id)
        met |= {
            key.removeprefix("edit:")
            for key, pattern in store_messages._patterns()
            if key.startswith("edit:") and pattern.fullmatch(str(raised.value))
        }
    assert met == set(edits.MESSAGES)


LONG_PHRASE = "2021-05-01 " + "كلمة " * 200 + "2021-06-01"


@pytest.mark.parametrize(
    "typed", ["1950/1953", "2021-05-01 وبعدها 2021-06-01", "2015-07-21T25:00", LONG_PHRASE]
)
def test_the_publication_dialog_refuses_what_the_edit_would(
    arabic: None, window: MainWindow, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    """A range typed as a publication date was understood ("آذار 2015 – نيسان 2015"), OK
    taken, then refused once the dialog had closed: what was typed was lost, the reason
    in the status bar.  The dialog now says why and keeps OK off."""
    article_id = current(window)
    before = edits.shown_article(window.store, article_id)
    seen: list[tuple[bool, str]] = []

    def answer(dialog: DateDialog) -> int:
        dialog.show()
        wide = dialog.width()
        dialog.date_edit.setText(typed)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen.append((ok.isEnabled(), dialog.preview.text()))
        # What was typed is said shortened to the field's width: the dialog kept its own
        # (a pasted paragraph made it thousands of pixels wide).
        assert dialog.sizeHint().width() <= wide + 60
        dialog.date_edit.setText("2015-07-22")  # one date: taken
        assert ok.isEnabled()
        return DateDialog.DialogCode.Rejected

    monkeypatch.setattr(DateDialog, "exec", answer)
    window.edits.correct_published()
    written(window)
    [(enabled, preview)] = seen
    assert not enabled
    assert "تاريخ" in preview
    # What was typed, quoted, in an isolate of its own: whole, or its ends.
    quoted = re.search("\u2068('[^\u2069]*')\u2069", preview)
    assert quoted is not None and quoted[1][:3] == repr(typed)[:3]
    assert quoted[1][-3:] == repr(typed)[-3:]
    words = re.sub("\u2068[^\u2069]*\u2069", " ", preview).replace("ISO 8601", " ")
    assert not re.search("[A-Za-z]{2,}", words), preview
    assert edits.shown_article(window.store, article_id) == before


@pytest.mark.parametrize("what", ["published", "mention", "title", "source"])
def test_ok_on_a_correction_as_it_opened_writes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    """A correction's dialog opens on the value shown; OK pressed on it untouched (Tab,
    Space: a random pass over the window did so) wrote that value as the user's
    correction.  The pane then said "corrected" beside a date no one had changed, the
    value held against every recompute, and Undo had a step that did nothing."""
    from PySide6.QtWidgets import QDialog, QInputDialog

    article_id = current(window)
    opened: list[str] = []

    def ok_as_opened(dialog: QDialog) -> int:
        dialog.show()
        if isinstance(dialog, DateDialog):
            opened.append(dialog.date_edit.text())
            button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            assert button.isEnabled()
            button.click()
        else:
            assert isinstance(dialog, QInputDialog)
            opened.append(dialog.textValue())
            dialog.accept()
        return dialog.result()

    monkeypatch.setattr(DateDialog, "exec", ok_as_opened)
    monkeypatch.setattr(QInputDialog, "exec", ok_as_opened)
    if what == "published":
        window.edits.correct_published()
    elif what == "mention":
        window.edits.correct_event(a_mention(window))
    else:
        window.edits.correct_field(what)
    written(window)
    assert len(opened) == 1 and opened[0].strip()  # it opened on the value shown
    for table in ("user_article_fields", "user_mentions"):
        assert window.store.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert window.edits.stack.count() == 0
    shown = edits.shown_article(window.store, article_id)
    assert shown is not None and "corrected" not in shown.origins.values()


def test_the_frequent_corrections_have_keys_from_the_article_list(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """F2 corrects the chosen article's publication date and Ctrl+Shift+H hides it,
    without the mouse or a walk through the Edit menu (Ctrl+Z brings it back)."""
    from timeline.ui import edit_dialogs

    asked: list[str] = []

    def ask(self, title, **kw):  # type: ignore[no-untyped-def]
        asked.append(title)
        return None  # cancelled

    monkeypatch.setattr(edit_dialogs.WindowEdits, "_ask_date", ask)
    window.activateWindow()
    window.list.setFocus()
    qtbot.waitUntil(window.list.hasFocus)
    article_id = current(window)
    qtbot.keyClick(window.list, Qt.Key.Key_F2)
    assert len(asked) == 1
    qtbot.keyClick(
        window.list,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    written(window)
    assert article_id not in window.timeline.arrays().article_ids
    qtbot.keyClick(window.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    written(window)
    assert article_id in window.timeline.arrays().article_ids


def _search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search_bar.query_edit.setText(text)
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        qtbot.keyClick(window.search_bar.query_edit, Qt.Key.Key_Return)


def test_hidden_articles_are_left_out_of_a_searchs_hits_on_its_worker(
    qtbot: QtBot, window: MainWindow, own_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With an article hidden the GUI thread left it out of every hit, then made the
    hits' marks again (the worker's held it): at 3,880,000 articles 190-208 ms a search.
    The worker leaves the hidden out before it marks and orders the hits."""
    _search(qtbot, window, "القاهرة")
    both = window._search_ids
    assert both is not None and len(both) == 2
    edits.set_hidden(own_store, edits.article_target(own_store, int(both[0])))
    made_on = marks_made_on_the_gui_thread(monkeypatch)
    _search(qtbot, window, "")
    _search(qtbot, window, "القاهرة")
    assert window._search_ids is not None and window._search_ids.tolist() == [int(both[1])]
    assert listed_ids(window) == [int(both[1])]
    assert made_on == [False]  # marked on the worker, taken by the GUI thread


def test_a_hit_hidden_is_cut_from_the_searchs_hits_where_they_are(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A hide under a common word's search took the article out of the hits by a mask of
    every hit and a copy (34 ms of the GUI thread at 2,278,641 hits, most of it fresh
    pages): the hits are cut in their own buffer; the list, the count and the marks
    follow."""
    _search(qtbot, window, "القاهرة")
    qtbot.waitUntil(lambda: window._loader is None, timeout=10_000)  # (it reads the hits)
    hits = window._search_ids
    assert hits is not None and len(hits) == 2
    kept = int(hits[1])
    run(window, "hide", lambda s: edits.set_hidden(s, edits.article_target(s, int(hits[0]))))
    after = window._search_ids
    assert after is not None and after.tolist() == [kept]
    assert np.shares_memory(after, hits)
    assert listed_ids(window) == [kept]
    assert window.search_bar.count_label.text() == "1 result"
    shown = window.timeline._highlight
    assert shown is not None
    assert shown.tolist() == np.isin(window.timeline.arrays().article_ids, [kept]).tolist()


def test_a_searchs_marks_follow_an_edit_without_a_pass_on_the_gui_thread(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an edit under a search the GUI thread made the marks again from the hits
    (80-95 ms at 7,604,961 events under a word in most articles); they now follow the
    edit's rows: those kept keep theirs, those put in are marked by their article."""
    _search(qtbot, window, "القاهرة")
    hits = window._search_ids
    assert hits is not None and len(hits) == 2
    made_on = marks_made_on_the_gui_thread(monkeypatch)

    def marked_right() -> None:
        arrays = window.timeline.arrays()
        shown = window.timeline._highlight
        assert shown is not None
        assert shown.tolist() == np.isin(arrays.article_ids, window._search_ids).tolist()
        # The rows the marks list (the hits', or the others' when most are hits).
        rows = window.timeline._highlight_rows
        listed = ~shown if window.timeline._highlight_others else shown
        assert rows is not None and rows.tolist() == np.flatnonzero(listed).tolist()

    # An event added to a hit (a row put in, marked) and one to another article.
    run(window, "add", lambda s: edits.add_event(s, "1990", "حدث", int(hits[0]))[1])
    marked_right()
    everything = [int(i) for i in window.timeline.arrays().article_ids.tolist()]
    plain = next(i for i in everything if i not in hits.tolist())
    run(window, "add", lambda s: edits.add_event(s, "1991", "حدث آخر", plain)[1])
    marked_right()
    # Another article hidden (its rows taken out, the rows listed followed), then a hit.
    run(window, "hide", lambda s: edits.set_hidden(s, edits.article_target(s, plain)))
    marked_right()
    # A hit hidden: its rows taken out, the marks stand for the hits left.
    run(window, "hide", lambda s: edits.set_hidden(s, edits.article_target(s, int(hits[1]))))
    marked_right()
    assert window._search_ids is not None and window._search_ids.tolist() == [int(hits[0])]
    assert True not in made_on  # never made on the GUI thread


def test_the_edit_menus_article_entries_wait_for_an_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A search that found nothing left Note…, Hide this article, Correct publication
    date (F2), Remove this article (Del) and the rest enabled in the Edit menu, and
    choosing one did nothing.  They are enabled while an article is chosen."""
    entries = [*window.edits.article_actions, window.remove_action, window.remove_origin_action]
    assert window.edits.current_article() is not None
    assert all(action.isEnabled() for action in entries)
    _search(qtbot, window, "زززقق")
    qtbot.waitUntil(lambda: window.edits.current_article() is None)
    assert not any(action.isEnabled() for action in entries)
    _search(qtbot, window, "")
    qtbot.waitUntil(lambda: window.edits.current_article() is not None)
    assert all(action.isEnabled() for action in entries)


def test_use_the_computed_date_is_offered_over_a_correction_only(window: MainWindow) -> None:
    """Every mention's menu offered "Use the computed date", which did nothing on a date
    no one had corrected; it is offered once there is a correction, and takes it back."""
    event_id = a_mention(window)
    mention = edits.mention_of_event(window.store, event_id)
    use = window.edits.tr("Use the computed date")

    def actions() -> dict[str, Any]:
        menu = window.edits._event_menu(event_id)
        return {a.text(): a for a in menu.actions()}

    assert use not in actions()
    run(window, "correct", lambda s: edits.correct_mention(s, mention, "1999"))
    key = (mention.uid, mention.span_start, mention.span_end)
    assert user.get_row(window.store, "user_mentions", key) is not None
    actions()[use].trigger()
    written(window)
    assert user.get_row(window.store, "user_mentions", key) is None
    assert use not in actions()
