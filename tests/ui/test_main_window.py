"""The main window: list, detail pane, selection, and a screenshot in both languages."""

from __future__ import annotations

import json
import os
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QDate, QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from tests.ui.waiting import article_shown, marks_made_on_the_gui_thread, open_window
from timeline.store import Store
from timeline.ui.article_model import ArticleIdRole, ArticleListModel
from timeline.ui.main_window import MainWindow, events_of_articles, initial_size
from timeline.ui.plain_text import action_text


@pytest.fixture
def window(qtbot: QtBot, sample_store: Store) -> MainWindow:
    win = MainWindow(sample_store)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
    qtbot.waitUntil(win.articles_counted, timeout=10_000)  # counted on a worker
    article_shown(win.detail)
    return win


def test_model_passes_the_model_tester(qtmodeltester, sample_store: Store) -> None:
    qtmodeltester.check(ArticleListModel(sample_store))


def test_list_is_chronological(window: MainWindow, sample_store: Store) -> None:
    ids = [window.model.index(r).data(ArticleIdRole) for r in range(window.model.rowCount())]
    assert ids == sample_store.chronological_ids()
    assert window.model.index(0).data().startswith("تأسيس جامعة الدول العربية")


def test_selecting_an_article_fills_the_detail_pane(qtbot: QtBot, window: MainWindow) -> None:
    window.list.setFocus()
    with qtbot.waitSignal(window.article_selected):
        qtbot.keyClick(window.list, Qt.Key.Key_Down)
        qtbot.keyClick(window.list, Qt.Key.Key_Down)
    article_shown(window.detail)
    article = window.model.article(window.list.currentIndex().data(ArticleIdRole))
    assert article is not None
    text = window.detail.browser.toPlainText()
    assert article.title in text and article.body.split("\n")[0] in text
    assert article.published_raw in text


def test_home_and_end_go_to_the_lists_first_and_last_row(qtbot: QtBot, window: MainWindow) -> None:
    """A one-column table moved along the row for Home and End: they did nothing."""
    window.list.setFocus()
    last = window.model.rowCount() - 1
    with qtbot.waitSignal(window.article_selected):
        qtbot.keyClick(window.list, Qt.Key.Key_End)
    assert window.list.currentIndex().row() == last > 0
    with qtbot.waitSignal(window.article_selected):
        qtbot.keyClick(window.list, Qt.Key.Key_Home)
    assert window.list.currentIndex().row() == 0


def test_end_reaches_the_lists_last_row_past_those_read(
    qtbot: QtBot, sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the rows read three at a time (a thousand in the program), End went to the
    last row read so far; with the article map current it goes to the list's last."""
    from timeline.store import search
    from timeline.ui import article_model

    monkeypatch.setattr(article_model, "_ID_PAGE", 3)
    search.warm_article_map(sample_store)
    win = open_window(qtbot, sample_store)
    everything = sample_store.chronological_ids()
    win.list.setFocus()
    with qtbot.waitSignal(win.article_selected):
        qtbot.keyClick(win.list, Qt.Key.Key_End)
    assert win.list.currentIndex().row() == len(everything) - 1
    assert win.list.currentIndex().data(ArticleIdRole) == everything[-1]


def test_select_article_by_id_and_undated_flag(window: MainWindow, sample_store: Store) -> None:
    (undated,) = sample_store.articles(undated_only=True)
    window.select_article(undated.id)
    article_shown(window.detail)
    assert window.list.currentIndex().data(ArticleIdRole) == undated.id
    text = window.detail.browser.toPlainText()
    assert "could not be read" in text and undated.published_raw in text


def test_detail_pane_direction_per_paragraph(window: MainWindow, sample_store: Store) -> None:
    first = sample_store.chronological_ids()[0]
    window.select_article(first)
    article_shown(window.detail)
    doc = window.detail.browser.document()
    title_block = doc.firstBlock()
    assert title_block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert title_block.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight


def test_detail_pane_never_loads_resources(window: MainWindow) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    browser = window.detail.browser
    assert (
        browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("http://x/y.png"))
        is None
    )


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_screenshot(qtbot: QtBot, window: MainWindow, tmp_path: Path, direction) -> None:
    QApplication.instance().setLayoutDirection(direction)
    try:
        window.select_article(window.model.index(3).data(ArticleIdRole))
        article_shown(window.detail)
        image = window.grab().toImage()
        assert image.width() > 600 and image.height() > 400
        # Something is drawn: the picture is not a single flat colour.
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 37)
            for y in range(0, image.height(), 29)
        }
        assert len(colours) > 3
    finally:
        QApplication.instance().setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_a_screenshot_waits_for_the_window_to_settle(qtbot: QtBot, sample_store: Store) -> None:
    # `timeline --screenshot` took its picture 300 ms after show: the first article was
    # still "being read" in the pane and the timeline had no labels yet (they are laid
    # out while idle).  It now waits for the window to settle, then lays out the
    # labels in view.
    from timeline.ui.app import grab_when_settled

    win = MainWindow(sample_store)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    assert not win.is_settled()  # the first article's read and the timeline's load run
    seen: list[tuple[bool, ...]] = []

    def then() -> None:
        frame = win.timeline._current_frame()
        shown = win.timeline.arrays().ids[frame.rows[frame.labelled]].tolist()
        seen.append(
            (
                win.detail.article is not None and not win.detail.is_loading(),
                win.articles_counted(),
                len(shown) > 0,
                all(win.timeline.label_item(int(i)) is not None for i in shown),
            )
        )

    grab_when_settled(win, then)
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert seen == [(True, True, True, True)]


def test_import_runs_off_the_gui_thread_and_refreshes(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.conftest import SAMPLES

    broken = tmp_path / "in"
    broken.mkdir()
    (broken / "bad.json").write_text("{", encoding="utf-8")
    with Store(tmp_path / "empty.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        assert win.model.rowCount() == 0
        with (
            qtbot.waitSignal(win.store_changed, timeout=20_000),
            qtbot.waitSignal(win.import_finished, timeout=20_000) as signal,
        ):
            win.import_paths([SAMPLES, broken])
        report = signal.args[0]
        assert report.added == len(list(SAMPLES.glob("*.txt")))
        assert [f.path.name for f in report.failed] == ["bad.json"]
        # (A reload may come first while the import writes: the edits' watch of other
        # connections' writes; the one after the import shows every article.)
        qtbot.waitUntil(lambda: win.model.rowCount() == report.added, timeout=10_000)
        box = win.findChild(QMessageBox)
        assert box is not None and "bad.json" in box.detailedText()
        box.close()
        # The timeline re-reads the store after the import: let it finish while open.
        qtbot.waitUntil(
            lambda: win._loader_thread is None and len(win.timeline.arrays()) > 0,
            timeout=20_000,
        )
        win.close()


def _with_import_dialog(qtbot: QtBot, store: Store) -> MainWindow:
    """A window with the import's progress dialog, as import_paths makes it."""
    win = MainWindow(store)
    qtbot.addWidget(win)
    win._progress = QProgressDialog(win)
    win._progress.setLabel(QLabel())
    return win


def test_the_file_being_imported_is_named_in_its_own_direction(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # "01625.txt" in the Arabic progress line read "txt.01625".
    with Store(tmp_path / "empty.db") as store:
        win = _with_import_dialog(qtbot, store)
        win._import_progressed(0, 10, "01625.txt")
        assert win._progress.labelText() == "Importing \u206801625.txt\u2069"
        win._import_progressed(4, 10, "x\u202e.txt")
        assert win._progress.labelText() == "Importing \u2068x\ufffd.txt\u2069: 4 articles read"


def test_the_articles_read_are_counted(qtbot: QtBot, tmp_path: Path, arabic: None) -> None:
    # A file of 30,000 articles was one name and a percentage for half a minute.
    with Store(tmp_path / "empty.db") as store:
        win = _with_import_dialog(qtbot, store)
        win._import_progressed(12_345, 30_000, "%2.json")  # a place-holder in a name stays
        assert win._progress.labelText() == "جارٍ استيراد \u2068%2.json\u2069: قُرئت 12,345 مقالة"
        win.timeline.set_digits("arabic")  # as the status bar writes its counts
        win._import_progressed(12_346, 30_000, "a.json")
        assert win._progress.labelText() == "جارٍ استيراد \u2068a.json\u2069: قُرئت ١٢٬٣٤٦ مقالة"


def test_the_bar_is_busy_until_the_first_article_is_in(qtbot: QtBot, tmp_path: Path) -> None:
    # A long PDF, or a page read by OCR, is one article: a bar at 0% for its whole
    # reading read as stuck.
    with Store(tmp_path / "empty.db") as store:
        win = _with_import_dialog(qtbot, store)
        win._import_progressed(0, 533, "scan.pdf")
        assert (win._progress.minimum(), win._progress.maximum()) == (0, 0)  # busy
        win._import_progressed(1, 533, "scan.pdf")
        assert (win._progress.maximum(), win._progress.value()) == (533, 1)


def test_the_pages_of_a_long_pdf_move_the_bar_until_it_is_in(qtbot: QtBot, tmp_path: Path) -> None:
    # A 500-page report, or its scans read by OCR, read for a minute under a busy bar.
    with Store(tmp_path / "empty.db") as store:
        win = _with_import_dialog(qtbot, store)
        win._import_progressed(0, 1, "report.pdf")
        win._import_paged("report.pdf", 36, 480, False)
        assert (win._progress.maximum(), win._progress.value()) == (480, 36)
        assert win._progress.labelText() == "Reading \u2068report.pdf\u2069: page 37 of 480"
        win._import_paged("%2.pdf", 1, 40, True)  # a name holding a place-holder stays
        assert (win._progress.maximum(), win._progress.value()) == (40, 1)
        assert win._progress.labelText() == (
            "Recognizing the text of \u2068%2.pdf\u2069: scanned page 2 of 40"
        )
        win._import_paged("x\u202e.pdf", 0, 1_200, False)
        assert win._progress.labelText() == "Reading \u2068x\ufffd.pdf\u2069: page 1 of 1,200"
        win._import_progressed(1, 3, "report.pdf")  # in: the bar counts articles again
        assert (win._progress.maximum(), win._progress.value()) == (3, 1)


def test_the_pages_are_counted_in_arabic(qtbot: QtBot, tmp_path: Path, arabic: None) -> None:
    with Store(tmp_path / "empty.db") as store:
        win = _with_import_dialog(qtbot, store)
        win._import_paged("report.pdf", 36, 1_480, False)
        label = win._progress.labelText()
        assert "\u2068report.pdf\u2069" in label and "37" in label and "1,480" in label
        assert label.startswith("قراءة")
        win._import_paged("scan.pdf", 0, 2, True)
        assert win._progress.labelText().startswith("التعرف")


def test_the_import_reports_counts_are_written_as_the_status_bar_writes_them(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """ "30154 added, 68672 already stored" beside a status bar's "30,154 articles"."""
    from timeline.library import FileResult, ImportReport

    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        result = FileResult(tmp_path / "big.json", added=30_154, duplicates=68_672)
        result.rejected = 1_174
        report = ImportReport([result])
        text, _details = win._import_summary(report)
        assert text.startswith("30,154 added, 68,672 already stored, 0 failed files")
        assert "1,174 records skipped" in text
        win.timeline.set_digits("arabic")
        text, _details = win._import_summary(report)
        assert "٣٠٬١٥٤" in text and "30154" not in text


def test_the_import_report_says_where_a_note_of_the_library_was_kept(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A record's note not given to an article that has its own, and the user's values
    a file carried that no longer read (edits.CarriedValues)."""
    from timeline.library import FileResult, ImportReport

    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        result = FileResult(tmp_path / "out.jsonl", duplicates=3, notes_kept=2, left_out=4)
        _text, details = win._import_summary(ImportReport([result]))
        assert details == [
            "out.jsonl: 2 articles already had a note of their own, kept instead of the file's",
            "out.jsonl: 4 of your values in it (events added by hand, corrected dates) were left"
            " out: their dates or places no longer read",
        ]


def test_the_import_report_names_every_file_that_lost_anything(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Records skipped, undated articles, an empty file and a file not read are each said
    in the window's report, as `timeline import` says them, not only the counts."""
    folder = tmp_path / "in"
    folder.mkdir()
    good = '{"title": "عنوان", "body": "نص الخبر", "published": "2021-05-12"}'
    undated = '{"title": "آخر", "body": "نص آخر", "published": ""}'
    untitled = '{"body": "نص بلا عنوان", "published": "2021-05-13"}'
    (folder / "some.jsonl").write_text(
        f'{good}\n{{"title": "t"}}\n{undated}\n{untitled}\n', "utf-8"
    )
    (folder / "empty.jsonl").write_text("\n", encoding="utf-8")
    (folder / "notes.xyz").write_text("?", encoding="utf-8")
    (folder / "two\nlines.xyz").write_text("?", encoding="utf-8")
    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        with qtbot.waitSignal(win.import_finished, timeout=20_000) as signal:
            win.import_paths([folder])
        report = signal.args[0]
        assert report.added == 3 and report.rejected == 1 and not report.failed
        box = win.findChild(QMessageBox)
        assert box is not None
        # Each count agrees with its noun: "1 records skipped" and "1 article(s)" were said.
        assert "1 record skipped" in box.text() and "1 file with no articles" in box.text()
        assert box.text().startswith("3 added, 0 already stored, 0 failed files")
        details = box.detailedText().splitlines()
        assert any(
            d.startswith("some.jsonl: skipped 1 record that cannot be read as an article: ")
            for d in details
        )
        assert "some.jsonl: 1 article without a readable date" in details
        assert "some.jsonl: 1 article without a title, each named by its first line" in details
        assert "empty.jsonl: no articles in it" in details
        assert "notes.xyz: not in a format this program reads" in details
        assert "two\u240alines.xyz: not in a format this program reads" in details
        box.close()
        qtbot.waitUntil(lambda: win._import_thread is None and win._loader_thread is None)
        win.close()


def test_a_folder_with_no_files_is_said(qtbot, tmp_path: Path) -> None:
    """A folder dropped with nothing to read in it is named in the report, in the
    interface's language, where the window said nothing of why none was added."""
    folder = tmp_path / "قصاصات\u202e"
    folder.mkdir()
    (folder / ".hidden.txt").write_text("عنوان\n\nنص", encoding="utf-8")
    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        with qtbot.waitSignal(win.import_finished, timeout=20_000):
            win.import_paths([folder])
        box = win.findChild(QMessageBox)
        assert box is not None
        assert box.detailedText().splitlines() == [
            "قصاصات\u27e8RLO\u27e9: no files in this folder (hidden ones are not read)"
        ]
        box.close()
        qtbot.waitUntil(lambda: win._import_thread is None and win._loader_thread is None)
        win.close()


def test_mentions_are_marked_without_breaking_joins(
    window: MainWindow, sample_store: Store
) -> None:
    from tests.ui.rendering import read_layout

    article = next(a for a in sample_store.articles() if a.title.startswith("افتتاح معرض إكسبو"))
    window.select_article(article.id)
    article_shown(window.detail)
    events = [e for e in sample_store.events_of(article.id) if e.span_start is not None]
    assert events, "the sample article should mention dates"
    doc = window.detail.browser.document()
    text = doc.toPlainText()
    checked = 0
    for event in events:
        raw = article.body[event.span_start : event.span_end]
        # The mention is marked: its characters carry a background.  The same words
        # may come earlier unmarked (إكسبو 2020 in the title), so look at each.
        cursor = window.detail.browser.textCursor()
        at = text.find(raw)
        while at != -1:
            cursor.setPosition(at + 1)
            if cursor.charFormat().background().style() != Qt.BrushStyle.NoBrush:
                break
            at = text.find(raw, at + 1)
        assert at != -1, raw
        block = doc.findBlock(at)
        doc.documentLayout().blockBoundingRect(block)  # lays the block out if not yet done
        drawn = read_layout(block.layout(), window.detail.font(), block.text())
        assert len(drawn.visual) > len(raw.replace(" ", "")), "the block was not laid out"
        assert drawn.unjoined == [], raw
        checked += 1
    assert checked == len(events)


def test_timeline_shows_every_placed_event(window: MainWindow, sample_store: Store) -> None:
    placed = sample_store.db.conn.execute(
        "SELECT count(*) FROM events WHERE start IS NOT NULL"
    ).fetchone()[0]
    assert len(window.timeline.arrays()) == placed


def test_list_selection_selects_on_the_timeline(window: MainWindow, sample_store: Store) -> None:
    article_id = sample_store.chronological_ids()[4]
    window.select_article(article_id)
    article_shown(window.detail)
    chosen = window.timeline.selected_event()
    assert chosen is not None
    row = int(np.flatnonzero(window.timeline.arrays().ids == chosen)[0])
    assert int(window.timeline.arrays().article_ids[row]) == article_id


def test_timeline_selection_selects_in_the_list(qtbot: QtBot, window: MainWindow) -> None:
    window.timeline.setFocus()
    window.timeline.fit_all()
    with qtbot.waitSignal(window.timeline.event_selected) as signal:
        qtbot.keyClick(window.timeline, Qt.Key.Key_BracketRight)
    _event_id, article_id = signal.args
    assert window.list.currentIndex().data(ArticleIdRole) == article_id
    article_shown(window.detail)
    assert window.detail.article is not None and window.detail.article.id == article_id


def test_choosing_an_event_in_the_detail_pane_moves_the_timeline(
    window: MainWindow, sample_store: Store
) -> None:
    article = next(a for a in sample_store.articles() if a.title.startswith("مصر تعلن تأميم"))
    window.select_article(article.id)
    article_shown(window.detail)
    events = window.detail.events
    mentioned = next(i for i in range(events.count()) if "1869" in events.item(i).data())
    item = events.item(mentioned)
    window.detail.events.activated.emit(item)
    event_id = item.data(Qt.ItemDataRole.UserRole + 1)
    assert window.timeline.selected_event() == event_id
    vp = window.timeline.viewport()
    start = item.data(Qt.ItemDataRole.UserRole + 2)
    assert min(vp.start, vp.end) <= start <= max(vp.start, vp.end)


@pytest.mark.parametrize(
    "text",
    [
        "1973-10-06",
        "10 رمضان 1393 هـ",
        "٦ أكتوبر ١٩٧٣",
        "10 Ramadan 1393 AH",
        "ramadhan 10, 1393",
        "6 October 1973",
    ],
)
def test_go_to_date_reads_arabic_and_hijri(window: MainWindow, text: str) -> None:
    from datetime import datetime

    from timeline.model import to_axis

    assert window.go_to_date_text(text)
    vp = window.timeline.viewport()
    target = to_axis(datetime(1973, 10, 6))
    assert min(vp.start, vp.end) <= target <= max(vp.start, vp.end)
    assert abs(vp.end - vp.start) < 40 * 86400
    assert not window.go_to_date_text("ليس تاريخاً")


@pytest.mark.parametrize(
    ("text", "in_arabic"),
    [
        ("Ramadan 1437", "رمضان 1437"),
        ("SHAWWAL 1437", "شوال 1437"),
        ("Dhu al-Hijjah 1436", "ذو الحجة 1436"),
        ("Dhul Hijja 1436", "ذو الحجة 1436"),
        ("Rabi' I 1437", "ربيع الأول 1437"),
        ("Rabi al-Awwal 1437", "ربيع الأول 1437"),
        ("Jumada al-Ula 1437", "جمادى الأولى 1437"),
        ("Jumada I 1437", "جمادى الأولى 1437"),
    ],
)
def test_go_to_date_reads_hijri_months_in_latin_letters(
    window: MainWindow, text: str, in_arabic: str
) -> None:
    """A Hijri month written in Latin letters goes where its Arabic name goes: the
    whole month in view ("Ramadan 1437" was not a date it could read)."""
    assert window.go_to_date_text(in_arabic)
    expected = window.timeline.viewport()
    window.go_to_date_text("1990-01-01")
    assert window.go_to_date_text(text)
    assert window.timeline.viewport() == expected


def _in_view(window: MainWindow, *day: int) -> bool:
    from timeline.model import to_axis

    vp = window.timeline.viewport()
    return min(vp.start, vp.end) <= to_axis(datetime(*day)) <= max(vp.start, vp.end)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("10 رمضان 8 هـ", (630, 1, 4)),
        ("١٠ رمضان ٨ هـ", (630, 1, 4)),
        ("10 Ramadan 8 AH", (630, 1, 4)),
        ("1 محرم 1 هـ", (622, 7, 19)),
        ("5 ذو الحجة 900 هجرية", (1495, 9, 5)),
        ("1 محرم 1300 هـ", (1882, 11, 12)),
    ],
)
def test_go_to_a_hijri_day_of_any_year_the_calendar_has(
    window: MainWindow, text: str, day: tuple[int, int, int]
) -> None:
    """Go to date read Hijri days of 1343-1500 AH alone (hijridate's table), and years
    of 1000-2200: "10 رمضان 8 هـ" and "1 محرم 1 هـ" were not dates it could read.  Outside
    the table the arithmetic calendar the Hijri axis labels use, said approximate."""
    assert window.go_to_date_text(text)
    assert _in_view(window, *day)
    vp = window.timeline.viewport()
    assert abs(vp.end - vp.start) < 40 * 86400
    preview = window.go_to_date_preview(text)
    assert str(day[0]) in preview and "≈" in preview  # its Hijri day, approximate
    assert window.go_to_date_preview("31 رمضان 8 هـ") == window.tr("(not understood)")


@pytest.mark.parametrize("text", ["1436", "١٤٣٦", " 1436 "])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_go_to_a_bare_year_the_library_holds_in_hijri_goes_there(
    request: pytest.FixtureRequest, window: MainWindow, text: str, language: str
) -> None:
    """ "1436" went to 1436 CE, where a news library holds nothing: the sample's events
    are in 1436 AH, which it goes to, and says so, with how to ask for the other year."""
    if language == "ar":
        request.getfixturevalue("arabic")
    assert window.go_to_date_text(text)
    assert _in_view(window, 2015, 1, 1) and not _in_view(window, 1436, 6, 1)
    said = window.statusBar().currentMessage()
    if language == "en":
        assert said == ("Went to 1436 AH (2014 to 2015); type 1436 CE for the Gregorian year")
    else:
        assert said == "عُرضت السنة الهجرية 1436 هـ (من 2014 إلى 2015)؛ وللسنة الميلادية اكتب 1436 م"
    # Read whole at 800 px (with the days it spans it was cut before what to type).
    window.resize(800, 500)
    QApplication.processEvents()
    assert window.statusBar().shown_message() == said
    # What it says to type goes to the other year.
    assert window.go_to_date_text("1436 CE" if language == "en" else "1436 م")
    assert _in_view(window, 1436, 6, 1) and not _in_view(window, 2015, 1, 1)


@pytest.mark.parametrize(("language", "hijri"), [("en", False), ("ar", True)])
def test_go_to_a_bare_year_neither_calendar_holds(
    request: pytest.FixtureRequest, window: MainWindow, language: str, hijri: bool
) -> None:
    """Where the library holds nothing in either year, an Arabic interface (or the Hijri
    axis) reads it as Hijri, an English one as before."""
    if language == "ar":
        request.getfixturevalue("arabic")
    assert window.go_to_date_text("1450")
    assert _in_view(window, 2028, 6, 1) is hijri  # 1450 AH is 2028-2029
    assert _in_view(window, 1450, 6, 1) is not hijri
    window.timeline.set_hijri_labels(True)
    assert window.go_to_date_text("1450")
    assert _in_view(window, 2028, 6, 1)
    # A year the Hijri calendar converts none of (after 1500 AH) is the Gregorian one.
    window.statusBar().clearMessage()
    assert window.go_to_date_text("2015")
    assert _in_view(window, 2015, 6, 1) and window.statusBar().currentMessage() == ""


def test_go_to_a_bare_year_the_library_holds_in_gregorian(
    qtbot: QtBot, arabic: None, tmp_path: Path
) -> None:
    """A library whose events are in 1453 CE (a history's mention) goes there, in
    Arabic too, and says how to ask for 1453 AH."""
    article = tmp_path / "a.txt"
    article.write_text(
        "فتح القسطنطينية\n\nتم نشره السبت 22 أيار 2021\n\nفتح العثمانيون القسطنطينية عام 1453م.\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "w.db") as store:
        from timeline.library import import_paths

        assert import_paths(store, [article]).added == 1
        win = open_window(qtbot, store)
        assert win.go_to_date_text("1453")
        assert _in_view(win, 1453, 6, 1) and not _in_view(win, 2031, 6, 1)
        said = win.statusBar().currentMessage()
        assert said == "عُرضت السنة الميلادية 1453 م؛ وللسنة الهجرية اكتب 1453 هـ"
        win.close()


@pytest.mark.parametrize(
    ("text", "year"), [("0079-08-24", 79), ("٠٠٧٩-٠٨-٢٤", 79), ("9999-12-31", 9999)]
)
def test_go_to_date_takes_any_iso_day(window: MainWindow, text: str, year: int) -> None:
    """Article text bounds a year to 1000-2200; typed on purpose, any ISO day is one to
    go to (the sample corpus dates Vesuvius's eruption to 79)."""
    from datetime import datetime

    from timeline.model import to_axis

    assert window.go_to_date_text(text)
    vp = window.timeline.viewport()
    day = datetime(year, 8, 24) if year == 79 else datetime(year, 12, 31)
    assert min(vp.start, vp.end) <= to_axis(day) <= max(vp.start, vp.end)
    assert not window.go_to_date_text("2021-02-30")  # no such day


def test_go_to_date_example_keeps_its_order_in_arabic(
    arabic: None, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Arabic label's ISO example after Arabic text, not isolated, was laid out as
    "06-10-1973": it is in a left-to-right isolate, as the window's other dates."""

    labels: list[str] = []

    def get_text(label: str, text: str) -> tuple[str, bool]:
        labels.append(label)
        return "", False

    monkeypatch.setattr(window, "_ask_date_text", get_text)
    window.ask_go_to_date()
    assert len(labels) == 1 and "التاريخ" in labels[0]
    assert "\u20661973-10-06\u2069" in labels[0]


@pytest.mark.parametrize(
    ("language", "examples"),
    [
        ("en", ["1973-10-06", "6 October 1973", "10 Ramadan 1393 AH"]),
        ("ar", ["1973-10-06", "٦ أكتوبر ١٩٧٣", "10 رمضان 1393 هـ"]),
    ],
)
def test_go_to_dates_examples_are_the_interfaces_and_are_read(
    request: pytest.FixtureRequest,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    examples: list[str],
) -> None:
    """The prompt's examples are written as a user of the interface types them (the
    English one gave its month examples in Arabic only), and each goes to its day."""
    from datetime import datetime

    from timeline.model import to_axis

    if language == "ar":
        request.getfixturevalue("arabic")
    labels: list[str] = []

    def get_text(label: str, text: str) -> tuple[str, bool]:
        labels.append(label)
        return "", False

    monkeypatch.setattr(window, "_ask_date_text", get_text)
    window.ask_go_to_date()
    label = labels[0]
    months = ("October", "Ramadan") if language == "en" else ("أكتوبر", "رمضان")
    assert all(month in label for month in months)
    if language == "en":
        arabic_letters = [ch for ch in label if "\u0600" <= ch <= "\u06ff"]
        assert arabic_letters == []
    target = to_axis(datetime(1973, 10, 6))
    for example in examples:
        assert example in label
        window.go_to_date_text("1990-01-01")
        assert window.go_to_date_text(example)
        vp = window.timeline.viewport()
        assert min(vp.start, vp.end) <= target <= max(vp.start, vp.end)


def test_a_date_it_cannot_read_is_asked_for_again_with_the_text_kept(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warning is followed by the same dialog holding what was typed, to be fixed;
    Cancel ends it."""
    from datetime import datetime

    from timeline.model import to_axis
    from timeline.ui import main_window

    answers = [("2015-02-31", True), ("2015-02-28", True)]
    shown: list[str] = []

    def get_text(_label: str, text: str) -> tuple[str, bool]:
        shown.append(text)
        return answers.pop(0)

    warned: list[str] = []

    real_box = main_window.message_box

    class Box:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            warned.append(real_box(*args, **kwargs).text())

        def exec(self) -> int:
            return 0

    monkeypatch.setattr(window, "_ask_date_text", get_text)
    monkeypatch.setattr(main_window, "message_box", Box)
    window.ask_go_to_date()
    assert shown == ["", "2015-02-31"]
    # What was typed, isolated: Arabic in the English line keeps its own order.
    assert warned == ["Not a date I can read: \u20682015-02-31\u2069"]
    vp = window.timeline.viewport()
    target = to_axis(datetime(2015, 2, 28))
    assert min(vp.start, vp.end) <= target <= max(vp.start, vp.end)
    answers[:] = [("خطأ", True), ("خطأ", False)]
    shown.clear()
    window.ask_go_to_date()
    assert shown == ["", "خطأ"] and not answers


def _search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.focus_search()
    window.search_bar.query_edit.setText(text)  # QTest cannot type Arabic keys
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        qtbot.keyClick(window.search_bar.query_edit, Qt.Key.Key_Return)


def test_search_narrows_list_marks_timeline_and_body(qtbot: QtBot, window: MainWindow) -> None:
    _search(qtbot, window, "ايار")
    rows = window.model.rowCount()
    assert rows == 1
    article = window.model.article(window.model.index(0).data(ArticleIdRole))
    assert "أيّار" in article.body
    assert window.search_bar.count_label.text().startswith("1")
    # The timeline dims everything but the hit's events.
    assert window.timeline.arrays() is not None
    window.select_article(article.id)
    article_shown(window.detail)
    at = window.detail.browser.toPlainText().find("أيّار")
    cursor = window.detail.browser.textCursor()
    cursor.setPosition(at + 2)
    assert cursor.charFormat().background().color().blue() > 200  # the hit colour
    # Clearing the search shows everything again.
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        qtbot.keyClick(window.search_bar.query_edit, Qt.Key.Key_Escape)
    assert window.model.rowCount() == len(window.store.chronological_ids())


@pytest.mark.parametrize("language", ["en", "ar"])
def test_down_from_the_search_field_goes_to_its_results(
    qtbot: QtBot, sample_store: Store, language: str, request: pytest.FixtureRequest
) -> None:
    """A search typed, Down goes on to the list of what it found, as from a browser's
    address bar: the results were three Tabs away (past the source and the dates)."""
    if language == "ar":
        request.getfixturevalue("arabic")
    window = open_window(qtbot, sample_store)
    window.activateWindow()
    _search(qtbot, window, "ايار")
    query = window.search_bar.query_edit
    qtbot.waitUntil(query.hasFocus)
    qtbot.keyClick(query, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.list
    assert window.list.currentIndex().row() == 0
    article_shown(window.detail)
    found = window.model.index(0).data(ArticleIdRole)
    assert window.detail.article is not None and window.detail.article.id == found
    # Down in another box of the bar is that box's own (a source, a day).
    window.search_bar.source_combo.setFocus()
    qtbot.keyClick(window.search_bar.source_combo, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.search_bar.source_combo


def test_search_without_hits_offers_spellings(qtbot: QtBot, window: MainWindow) -> None:
    _search(qtbot, window, "السوبس")  # a typo of السويس, which the samples hold
    assert window.model.rowCount() == 0
    bar = window.search_bar
    offered = [bar.suggestion_bar.widgetForAction(a).text() for a in bar.suggestion_bar.actions()]
    assert action_text("السويس") in offered
    assert bar.message_label.isVisible() and bar.suggestion_bar.isVisible()


def test_search_error_is_shown_not_raised(qtbot: QtBot, window: MainWindow) -> None:
    window.search_bar.query_edit.setText("ال*")  # too short a prefix: refused
    qtbot.keyClick(window.search_bar.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search_bar.message_label.property("error") is True)
    assert "3" in window.search_bar.message_label.text()
    assert window.model.rowCount() == len(window.store.chronological_ids())


def test_arabic_field_value_keeps_its_order_in_an_english_line(
    window: MainWindow, sample_store: Store
) -> None:
    from tests.ui.rendering import display_order, read_layout

    article = next(a for a in sample_store.articles() if "1st" in a.published_raw)
    window.select_article(article.id)
    article_shown(window.detail)
    doc = window.detail.browser.document()
    block = doc.findBlock(doc.toPlainText().find("As written"))
    doc.documentLayout().blockBoundingRect(block)
    drawn = read_layout(block.layout(), window.detail.font(), block.text())
    # The label reads left to right, then the date line as its own right-to-left unit.
    expected = display_order("As written:") + display_order(article.published_raw, "R")
    assert drawn.visual == expected


def test_without_a_display_the_window_command_saves_a_screenshot(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import SAMPLES

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["TMPDIR"] = str(tmp_path)
    env["HOME"] = str(tmp_path)
    db = tmp_path / "t.db"
    code = "from timeline.cli import main; main()"
    imported = subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), "import", str(SAMPLES / "02_suez.txt")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert imported.returncode == 0, imported.stderr
    shown = subprocess.run(
        [sys.executable, "-c", code, "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shown.returncode == 0, shown.stderr
    assert "no display available" in shown.stderr
    png = Path(shown.stdout.strip().splitlines()[-1])
    assert png.parent == tmp_path and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_status_counts_survive_status_tips_and_follow_the_search(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    from PySide6.QtGui import QStatusTipEvent

    placed = len(window.timeline.arrays())
    total = sample_store.count_articles()
    label = window.count_label
    assert label.text() == f"{total} articles  ·  {placed} events on the timeline"
    # Hovering a menu sends status tips; they must not wipe the counts.
    QApplication.sendEvent(window, QStatusTipEvent("Zoom in"))
    QApplication.sendEvent(window, QStatusTipEvent(""))
    assert label.isVisible() and label.text().startswith(f"{total} articles")
    _search(qtbot, window, "ايار")
    (hit,) = [window.model.index(r).data(ArticleIdRole) for r in range(window.model.rowCount())]
    events = int((window.timeline.arrays().article_ids == hit).sum())
    assert label.text() == f"1 of {total} articles  ·  {events} events on the timeline"


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "لا مقالات"),
        (1, "مقالة واحدة"),
        (2, "مقالتان"),
        (3, "3 مقالات"),
        (11, "11 مقالة"),
        (1_000_000, "1,000,000 مقالة"),
    ],
)
def test_counts_use_arabic_plural_forms_and_grouping(qapp, n: int, words: str) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from timeline.paths import translations_dir
    from timeline.timescale import LabelStyle
    from timeline.ui.date_text import counted

    translator = QTranslator()
    assert translator.load(
        QLocale(QLocale.Language.Arabic), "timeline", "_", str(translations_dir())
    )
    QCoreApplication.installTranslator(translator)
    try:
        text = QCoreApplication.translate("MainWindow", "%n article(s)", "", n)
        assert counted(text, n, LabelStyle(language="ar")) == words
    finally:
        QCoreApplication.removeTranslator(translator)


def test_shortcuts_read_left_to_right_in_a_right_to_left_menu(window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence, QTextOption
    from PySide6.QtWidgets import QMenu

    from tests.ui.rendering import lay_out

    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    checked = 0
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            if action.shortcut().isEmpty():
                continue
            shown = action.text().split("\t")[1]
            native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            assert lay_out(shown, window.font(), option).visual == native.replace(" ", "")
            checked += 1
    assert checked >= 8


def test_the_window_opens_on_the_publication_days_and_the_view_menu_fits_either(
    window: MainWindow,
) -> None:
    from PySide6.QtGui import QKeySequence

    arrays = window.timeline.arrays()
    home, span = arrays.home_span, arrays.span
    assert home is not None and span is not None
    assert span[0] < home[0]  # the samples mention days before any was published
    opened = window.timeline.viewport()
    assert opened.start <= home[0] < home[1] <= opened.end and opened.start > span[0]
    actions = {
        action.shortcut().toString(): action
        for action in window.view_menu.actions()
        if not action.shortcut().isEmpty()
    }
    assert QKeySequence("Ctrl+H").toString() in actions
    actions[QKeySequence("Ctrl+0").toString()].trigger()
    every = window.timeline.viewport()
    assert every.start <= span[0] and span[1] <= every.end
    actions[QKeySequence("Ctrl+H").toString()].trigger()
    assert window.timeline.viewport() == opened


def test_small_window_leaves_the_detail_pane_room_to_read(
    qtbot: QtBot, sample_store: Store
) -> None:
    win = MainWindow(sample_store)
    qtbot.addWidget(win)
    win.resize(800, 500)
    win.show()
    qtbot.waitExposed(win)
    win.select_article(sample_store.chronological_ids()[0])
    article_shown(win.detail)
    line = win.detail.browser.fontMetrics().lineSpacing()
    # Eight lines, not nine: the timeline's two lanes of labels took 24 px of it
    # (test_a_small_windows_timeline_keeps_two_lanes_of_labels).
    assert win.detail.browser.viewport().height() >= 8 * line
    assert win.timeline.height() >= 100


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_small_windows_timeline_keeps_two_lanes_of_labels(
    qtbot: QtBot, request: pytest.FixtureRequest, sample_store: Store, language: str
) -> None:
    """At 800x500 the strip had 120 px, the legend and the axis 84 of them: one lane,
    two of the sample's labels in view."""
    from timeline.ui.timeline_geometry import LANES_BESIDE_ERAS

    if language == "ar":
        request.getfixturevalue("arabic")
    win = open_window(qtbot, sample_store, article=False, size=(800, 500))
    frame = win.timeline._current_frame()
    assert frame.mode == "items" and frame.metrics is not None
    assert frame.metrics.lane_count >= LANES_BESIDE_ERAS


def test_date_boxes_show_the_days_in_view_while_the_filter_is_off(
    window: MainWindow, qtbot: QtBot
) -> None:
    from dataclasses import replace
    from datetime import date

    from timeline.timescale import DAY, axis_date, axis_of_date

    def boxes() -> tuple[date, date]:
        first = window.search_bar.date_from_edit.date()
        last = window.search_bar.date_to_edit.date()
        return date(first.year(), first.month(), first.day()), date(
            last.year(), last.month(), last.day()
        )

    shown = window.timeline.viewport()
    assert boxes() == (axis_date(shown.start), axis_date(shown.end - 1))
    march = replace(shown, start=float(axis_of_date(date(2015, 3, 1))), span=10.0 * DAY)
    window.timeline.set_viewport(march)
    # Written once the view rests, not on every frame of a pan.
    assert boxes() != (date(2015, 3, 1), date(2015, 3, 10))
    qtbot.waitUntil(lambda: boxes() == (date(2015, 3, 1), date(2015, 3, 10)))
    # Ticked in the middle of a pan: the days in view at that moment.
    window.timeline.set_viewport(replace(march, start=float(axis_of_date(date(2015, 4, 1)))))
    window.search_bar.dates_check.setChecked(True)
    assert boxes() == (date(2015, 4, 1), date(2015, 4, 10))
    request = window.search_bar.request()
    assert request.date_from == axis_of_date(date(2015, 4, 1))
    # A filter in use is not moved by panning.
    window.timeline.set_viewport(replace(march, start=float(axis_of_date(date(2016, 1, 1)))))
    qtbot.wait(300)
    assert boxes() == (date(2015, 4, 1), date(2015, 4, 10))
    window.search_bar.dates_check.setChecked(False)  # the boxes follow the view again
    assert boxes()[0] == date(2016, 1, 1)
    # Nor are dates the reader set.
    window.search_bar.date_to_edit.setDate(QDate(2017, 1, 1))
    window.timeline.set_viewport(march)
    qtbot.wait(300)
    assert boxes() == (date(2016, 1, 1), date(2017, 1, 1))


def test_import_keeps_the_users_place_and_names_its_dialog(
    qtbot: QtBot, tmp_path: Path, sample_db: Path
) -> None:
    import sqlite3

    from tests.conftest import SAMPLES

    copy = tmp_path / "copy.db"
    source = sqlite3.connect(sample_db)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    # Left open: the window's idle-time label fetches may run until it is deleted.
    store = Store(copy)
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
    win.timeline.zoom_by(8.0)
    win.timeline.pan_by(40)
    place = win.timeline.viewport()
    with qtbot.waitSignal(win.timeline_loaded, timeout=20_000):
        win.import_paths([SAMPLES / "02_suez.txt"])
        assert win._progress.windowTitle() == "Importing articles"
    assert win.timeline.viewport() == place


def test_a_search_is_described_with_its_filters(window: MainWindow) -> None:
    from datetime import datetime

    from timeline.model import to_axis
    from timeline.store.search import SearchRequest

    request = SearchRequest(
        query="قمة",
        source="وكالة",
        date_from=to_axis(datetime(1950, 1, 1)),
        date_to=to_axis(datetime(1954, 1, 1)),
        event_kind="mentioned",
    )
    text = window.describe_search(request).replace("\u200e", "")
    assert "قمة" in text and "وكالة" in text
    assert "1950" in text and "31 December 1953" in text and "mentioning" in text


def test_nothing_found_keeps_its_order_with_an_arabic_query(window: MainWindow) -> None:
    """The English notice read 'No article matches dated 12 August 2015 to 30 August
    2015 ,"طابع بريد".': the whole description in one first-strong isolate took the
    Arabic query's direction. The query is isolated on its own."""
    from tests.ui.rendering import lay_out
    from timeline.model import to_axis
    from timeline.store.search import SearchRequest

    request = SearchRequest(
        query="طابع بريد",
        date_from=to_axis(datetime(2015, 8, 12)),
        date_to=to_axis(datetime(2015, 8, 31)),
    )
    window.detail.show_nothing_found(window.describe_search(request))
    notice = window.detail.notice()
    assert "\u2068طابع بريد\u2069" in notice
    drawn = lay_out(notice, window.detail.browser.font()).visual
    assert drawn.startswith("Noarticlematches“")
    assert drawn.endswith("”,dated12August2015to30August2015.")
    # A source from an article is shown safe, in an isolate of its own, too.
    request = SearchRequest(query="قمة\u202eabc", source="وكالة\u202e")
    text = window.describe_search(request)
    assert "\u202e" not in text and "\u2068وكالة" in text


def test_window_reads_one_page_of_ids_not_all(
    qtbot: QtBot, sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QModelIndex

    from timeline.store.search import distinct_sources
    from timeline.ui import article_model

    def every_id(_store: Store) -> list[int]:
        raise AssertionError("the window read every article id")

    monkeypatch.setattr(article_model, "_ID_PAGE", 3)
    monkeypatch.setattr(Store, "chronological_ids", every_id)
    win = MainWindow(sample_store)
    qtbot.addWidget(win)
    assert win.model.rowCount() == 3
    article_shown(win.detail)
    assert win.detail.article is not None
    win.show()
    qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
    # Sources come after the first frame, with the article count.
    qtbot.waitUntil(win.articles_counted, timeout=10_000)
    assert win.search_bar.source_combo.count() == 1 + len(distinct_sources(sample_store))
    # The list fetches more while its last row is in view; let it, while the store is open.

    def filled() -> bool:
        last = win.list.visualRect(win.model.index(win.model.rowCount() - 1))
        return not win.model.canFetchMore(QModelIndex()) or last.top() > win.list.height()

    qtbot.waitUntil(filled)
    assert win.model.rowCount() > 3
    win.close()


def test_first_size_fits_the_screen_with_room_for_the_frame(
    qtbot: QtBot, sample_store: Store
) -> None:
    # A fresh profile on a 1280x800 screen must not put the status bar off the screen.
    win = MainWindow(sample_store)
    qtbot.addWidget(win)
    free = win.screen().availableGeometry()
    assert free.height() < 800 / 0.9  # the offscreen screen is smaller than the default
    assert win.height() <= free.height() * 0.9
    assert win.width() <= free.width()  # no wider than the layout's own minimum allows
    assert initial_size(None) == QSize(1280, 800)


def test_tests_never_touch_the_users_own_settings() -> None:
    # The window saves its geometry with QSettings; a test run must write elsewhere.
    from PySide6.QtCore import QSettings

    assert os.environ["XDG_CONFIG_HOME"] in QSettings().fileName()


def test_the_timeline_starts_with_a_fair_share_of_the_height(
    qtbot: QtBot, sample_store: Store
) -> None:
    win = MainWindow(sample_store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    timeline, lower = win.upper.sizes()
    assert timeline >= 0.3 * (timeline + lower)


def test_the_window_built_at_start_up_is_left_out_of_full_collections(
    window: MainWindow,
) -> None:
    """A full collection holds the GIL while it visits every object: those made at
    start-up, which live as long as the program, are not visited again."""
    import gc

    from timeline.ui.application import leave_start_up_out_of_collections

    gc.unfreeze()  # the window froze what was made before its first show (memory.py)
    assert any(o is window for o in gc.get_objects())
    try:
        leave_start_up_out_of_collections()
        assert not any(o is window for o in gc.get_objects())
        made_later: list[object] = []
        assert any(o is made_later for o in gc.get_objects())
    finally:
        gc.unfreeze()


def test_a_window_closed_while_a_search_is_applied_starts_no_read(
    qtbot: QtBot, window: MainWindow
) -> None:
    """QApplication.quit closes the windows at once, inside whatever signal asked for it:
    a search applied then went on to read its current article on a thread the closed
    window no longer waited for ("QThread: Destroyed while thread is still running",
    and an abort, at exit)."""
    current = window.list.currentIndex().data(ArticleIdRole)
    window.search_applied.connect(window.close)
    _search(qtbot, window, "ايار")
    assert window.model.row_of(int(current)) is None  # a search that moved the current
    assert window.detail._reader_thread is None


def test_the_count_and_the_sources_are_read_off_the_gui_thread(
    qtbot: QtBot, sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each visits every article (1.2 s for the sources at 2.3 million articles): read
    on the GUI thread they froze the window as its timeline came."""
    import threading

    from timeline.store import search
    from timeline.ui import main_window, workers

    on: list[bool] = []
    real_sources, real_count = search.distinct_sources, Store.count_articles

    def sources(store: Store) -> list[str]:
        on.append(threading.current_thread() is threading.main_thread())
        return real_sources(store)

    def count(store: Store) -> int:
        on.append(threading.current_thread() is threading.main_thread())
        return real_count(store)

    monkeypatch.setattr(workers, "distinct_sources", sources)
    monkeypatch.setattr(main_window, "distinct_sources", sources, raising=False)
    monkeypatch.setattr(Store, "count_articles", count)
    win = MainWindow(sample_store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
    qtbot.waitUntil(win.articles_counted, timeout=10_000)
    assert on and not any(on)
    assert win.search_bar.source_combo.count() == 1 + len(real_sources(sample_store))


def test_events_of_the_hits_are_counted_without_sorting_every_event() -> None:
    # The status bar's count of the hits' events: numpy.isin sorted every event with the
    # hits (300 MB of temporaries and up to 0.4 s of the GUI thread at ten million
    # events, the window's peak memory); a table of one byte an article id is one pass.
    rng = np.random.default_rng(5)
    rows = rng.integers(1, 50_000, 1_000_000)
    hits = np.unique(rng.integers(0, 60_000, 12_000))  # some past the largest id
    assert events_of_articles(rows, hits) == int(np.isin(rows, hits).sum())
    assert events_of_articles(rows, []) == 0
    assert events_of_articles(rows[:0], hits) == 0
    tracemalloc.start()
    try:
        events_of_articles(rows, hits)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * len(rows)  # a byte a row, not sorted copies of 8 bytes a row


def test_text_coming_after_the_first_frame_lays_out_no_widget_again(window: MainWindow) -> None:
    """An Arabic line is taller than an empty or a Latin one (30 px against 19 at the
    bundled fonts).  The counts come after the first frame (workers), and the status bar
    grew as they came: the window laid out and painted every widget again, its longest
    stall once on screen.  The story's labels did the same inside the pane."""

    def heights() -> tuple[int, ...]:
        for _ in range(3):  # the layouts' requests, each posting its parent's
            QApplication.processEvents()
        widgets = (window.statusBar(), window.timeline, window.list, window.detail.browser)
        return tuple(w.height() for w in widgets)

    labels = (window.count_label, window.detail.story.copies_label)
    for label in labels:
        label.setText("")
    empty = heights()
    for text in ("232,558 articles", "٢٣٢٬٥٥٨ مقالة  ·  ٩٩٥٬٨٤٠ حدثًا على الخط الزمني"):
        for label in labels:
            label.setText(text)
        assert heights() == empty, text


def test_the_import_dialog_offers_every_format_the_importer_reads(window: MainWindow) -> None:
    import re

    from timeline.ingest import SUFFIXES

    articles, every = window.import_filter().split(";;")
    # QFileDialog's own reading of a filter: a name, then the patterns in brackets.
    qt_filter = re.compile(r"^(.*)\(([a-zA-Z0-9_.,*? +;#\-\[\]@\{\}/!<>\$%&=^~:\|]*)\)$")
    found = qt_filter.match(articles)
    assert found is not None and qt_filter.match(every) is not None
    patterns = found.group(2).split()
    assert {f"*{s}" for s in SUFFIXES if s} | {"*.gz"} == set(patterns)
    assert "*.csv" in patterns and "*.warc" in patterns
    assert found.group(1).endswith("\u2066")  # the patterns left to right in Arabic


def test_the_title_names_the_library_and_says_when_it_is_read_only(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "project\u202egpj.db"
    Store(path).close()
    with Store(path) as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        assert win.windowTitle() == "project\ufffdgpj.db — News Timeline"
    monkeypatch.setattr(Store, "_unwritable", lambda self: "its folder is not writable")
    with Store(path) as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        assert win.windowTitle() == "project\ufffdgpj.db (read-only) — News Timeline"


def test_a_start_failure_box_shows_the_message_on_a_line_of_its_own(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.ui.app import show_start_failure

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    show_start_failure("x.db is not a usable timeline database\x1b[2J", "en")
    assert shown == [
        "The library could not be opened:\n\u2068x.db is not a usable timeline database\u241b[2J\u2069"
    ]


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """The programs the window starts (program, arguments), none started for real."""
    from timeline.ui import main_window

    seen: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(main_window, "start_detached", lambda *command: seen.append(command))
    return seen


def test_another_library_opens_in_a_window_of_its_own(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    started: list[tuple[str, list[str]]],
) -> None:
    import sqlite3
    import sys

    from PySide6.QtWidgets import QFileDialog

    from timeline.ui import main_window

    other = tmp_path / "other.db"
    Store(other).close()
    assert window.open_library_window(other)
    assert started == [(sys.executable, ["-m", "timeline", "--db", str(other), "--lang", "en"])]
    assert "other.db" in window.statusBar().currentMessage()
    # File > New library: a name without a suffix gets .db; nothing is made here.
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "project"), "")
    )
    new = next(a for a in window.menuBar().actions()[0].menu().actions() if "New" in a.text())
    new.trigger()
    assert started[-1][1][2:4] == ["--db", str(tmp_path / "project.db")]
    assert not (tmp_path / "project.db").exists()
    # The library open here, a text file and another program's database are not started.
    started.clear()
    assert not window.open_library_window(window.store.path)
    assert "one open here" in window.statusBar().currentMessage()
    notes = tmp_path / "notes.db"
    notes.write_text("not a database", encoding="utf-8")
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    for path, why in ((notes, "not an SQLite database"), (foreign, "another program's")):
        assert not window.open_library_window(path)
        box = [b for b in window.findChildren(QMessageBox) if b.isVisible()][-1]
        assert why in box.text() and path.name in box.text()
        box.close()
    assert not window.open_library_window(tmp_path / "missing" / "x.db")
    real = main_window.os.access
    monkeypatch.setattr(
        main_window.os,
        "access",
        lambda p, mode: False if Path(p) == tmp_path else real(p, mode),
    )
    assert not window.open_library_window(tmp_path / "new.db")
    box = [b for b in window.findChildren(QMessageBox) if b.isVisible()][-1]
    assert "cannot be written" in box.text()
    assert started == []
    assert notes.read_text(encoding="utf-8") == "not a database"


def test_a_detached_program_is_started_or_says_why(tmp_path: Path) -> None:
    import sys

    from timeline.ui.main_window import start_detached

    made = tmp_path / "made"
    script = f"open({str(made)!r}, 'w').write('ran')"
    assert start_detached(sys.executable, ["-c", script]) is None
    deadline = time.monotonic() + 20
    while not made.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert made.exists()
    assert start_detached(str(tmp_path / "no-such-program"), []) is not None


def test_an_empty_library_says_how_articles_come_in(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.conftest import SAMPLES

    with Store(tmp_path / "empty.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitUntil(win.articles_counted, timeout=10_000)
        placeholder = win.detail.notice()
        assert placeholder.startswith("This library has no articles yet.")
        # The clipboard's way in too: an article read in a browser is copied, not saved.
        assert "Ctrl+O" in placeholder and "(Ctrl+Shift+V)" in placeholder
        sample = next(SAMPLES.glob("*.txt"))
        with qtbot.waitSignal(win.import_finished, timeout=30_000):
            win.import_paths([sample])
        qtbot.waitUntil(lambda: win.model.rowCount() == 1, timeout=10_000)
        article_shown(win.detail)
        assert win.detail.article is not None
        win.close()


def test_the_libraries_opened_last_are_offered_again(
    qtbot: QtBot, tmp_path: Path, started: list[tuple[str, list[str]]]
) -> None:
    from timeline.ui import main_window

    paths = [tmp_path / f"project{n}.db" for n in range(3)]
    for path in paths:
        with Store(path) as store:
            win = MainWindow(store)
            qtbot.addWidget(win)
            win.close()
    paths[0].unlink()  # gone since: not offered
    with Store(paths[1]) as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.recent_menu.aboutToShow.emit()
        entries = [a for a in win.recent_menu.actions() if not a.isSeparator()]
        # The latest first, the library open here and the one gone left out.
        assert [a.text() for a in entries] == [f"\u2068{paths[2].resolve()}\u2069"]
        entries[0].trigger()
        assert started[-1][1][-4:-2] == ["--db", str(paths[2].resolve())]
    assert main_window.recent_libraries() == [paths[1].resolve(), paths[2].resolve()]


def _answer_boxes(monkeypatch: pytest.MonkeyPatch, role: QMessageBox.ButtonRole) -> list[str]:
    """Each message box answered by its button of role as soon as it would wait; what
    each said."""
    said: list[str] = []

    def answer(box: QMessageBox) -> int:
        said.append(box.text())
        box.show()
        chosen = [b for b in box.buttons() if box.buttonRole(b) == role]
        (chosen[0] if chosen else box.buttons()[0]).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return said


def test_a_damaged_library_is_repaired_from_the_start_up_box(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started from a desktop, a damaged library could only be repaired in a terminal
    (`timeline repair`): the box offers it, and the repaired library opens."""
    from tests.store.test_store import _damaged_store
    from timeline.ui.app import show_start_failure

    path = tmp_path / "project.db"
    _damaged_store(path)
    before = path.read_bytes()
    (tmp_path / "project-repaired.db").write_bytes(b"an earlier copy, kept")
    said = _answer_boxes(monkeypatch, QMessageBox.ButtonRole.AcceptRole)
    repaired = show_start_failure("project.db is damaged", "en", damaged=path)
    assert repaired == tmp_path / "project-repaired-2.db"
    assert path.read_bytes() == before
    assert (tmp_path / "project-repaired.db").read_bytes() == b"an earlier copy, kept"
    assert said[0].startswith("The library could not be opened:")
    assert str(repaired) in said[1] and "articles copied" in said[1]
    with Store(repaired, create=False) as store:
        assert 250 <= store.count_articles() < 300
    # Declined: nothing is made.
    _answer_boxes(monkeypatch, QMessageBox.ButtonRole.RejectRole)
    assert show_start_failure("project.db is damaged", "en", damaged=path) is None
    assert not (tmp_path / "project-repaired-3.db").exists()


def test_a_library_lacking_part_of_its_schema_is_said_in_the_start_box_and_repaired(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A v19 library without its events table was upgraded (written) before the window
    failed on it: the box now names what is missing, in the interface's language, with
    the file as it was, and the repaired copy is the library opened."""
    from tests.store.test_opening_checks import _damaged, _files, _older_library
    from timeline import cli_window
    from timeline.store.schema import SCHEMA_VERSION
    from timeline.ui import app, platform_check
    from timeline.ui.application import create_application

    path = tmp_path / "project.db"
    _older_library(path, SCHEMA_VERSION - 1)
    _damaged(path, "DROP TABLE events")
    before = _files(path)
    monkeypatch.setattr(platform_check, "failure_needs_a_window", lambda *a, **k: True)
    opened: list[Path] = []
    monkeypatch.setattr(app, "run_window", lambda db_path, **_: opened.append(db_path) or 0)
    said = _answer_boxes(monkeypatch, QMessageBox.ButtonRole.RejectRole)
    try:
        arguments = cli_window.WindowArguments(db=path, lang="ar")
        assert cli_window.open_window(arguments) == 1
    finally:
        create_application("en")  # the English translators again, for the tests after
    assert "\u2068project.db\u2069 تالفة: جدولها \u2068events\u2069 مفقود" in said[0].replace(
        str(tmp_path) + "/", ""
    )
    assert _files(path) == before and not opened
    _answer_boxes(monkeypatch, QMessageBox.ButtonRole.AcceptRole)
    assert cli_window.open_window(cli_window.WindowArguments(db=path, lang="en")) == 0
    assert opened == [tmp_path / "project-repaired.db"] and _files(path) == before
    with Store(opened[0], create=False) as store:
        assert store.schema_version == SCHEMA_VERSION and store.count_articles() == 5


@pytest.mark.parametrize("damage", ["page", "schema", "cut"])
def test_damage_met_in_the_open_window_offers_the_repair(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    # schema: another program dropped a table while the window was open, and a worker's
    # store found it gone on opening.
    from timeline.store import SCHEMA_DAMAGE, said
    from timeline.store.store import damaged_message
    from timeline.ui import repair_window

    repaired = tmp_path / "sample-repaired.db"
    asked: list[Path] = []
    monkeypatch.setattr(
        repair_window, "repair_in_a_window", lambda path: asked.append(path) or repaired
    )
    opened: list[Path] = []
    monkeypatch.setattr(
        MainWindow, "open_library_window", lambda self, path: opened.append(path) or True
    )
    if damage == "page":
        line = damaged_message(window.store.path, "Page 90: btreeInitPage()")
    elif damage == "schema":
        what = SCHEMA_DAMAGE["missing_table"].format(name="events")
        line = said("damaged_schema", path=window.store.path, what=what)
    else:
        line = said("cut_short", path=window.store.path, size=4096, expected=16384)
    window._store_failed(line)
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    (repair,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    repair.click()
    assert asked == [window.store.path] and opened == [repaired]


def test_a_failure_that_is_no_damage_offers_no_repair(qtbot: QtBot, sample_store: Store) -> None:
    win = MainWindow(sample_store)
    qtbot.addWidget(win)
    win._store_failed("database is locked")
    (box,) = [b for b in win.findChildren(QMessageBox) if b.isVisible()]
    assert [box.buttonRole(b) for b in box.buttons()] == [QMessageBox.ButtonRole.AcceptRole]
    assert box.buttons()[0].text() in ("OK", "&OK")


def test_the_first_import_into_an_empty_library_shows_its_articles(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """After an import the view stays where the user left it; but an empty library's
    view holds nothing to keep.  Once the empty timeline had been moved (the path typed
    for the file dialog reached it before the dialog opened, once in six runs under
    Xvfb), the first import showed its article as a hairline in 80 years."""
    from timeline.model import to_axis

    source = tmp_path / "one.jsonl"
    body = "قال المتحدث إن الاجتماع سيعقد في الرياض بحضور الوزراء والسفراء."
    record = {"title": "خبر", "body": body, "published": "2016-01-01T10:00:00"}
    source.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.resize(1000, 700)
        with qtbot.waitSignal(win.timeline_loaded, timeout=10_000):
            win.show()
        win.timeline.zoom_by(0.5)  # a key that reached the empty timeline (+, -, arrows)
        empty = win.timeline.viewport()
        assert empty.span > 10 * 365 * 86400  # decades: nothing to show yet
        with qtbot.waitSignal(win.timeline_loaded, timeout=20_000):
            win.import_paths([source])
        shown = win.timeline.viewport()
        day = to_axis(datetime(2016, 1, 1, 10, tzinfo=UTC))
        assert shown.start <= day <= shown.end and shown.span < 30 * 86400
        for box in win.findChildren(QMessageBox):
            box.close()
        qtbot.waitUntil(lambda: win._import_thread is None and win._loader_thread is None)
        win.close()


def test_a_title_another_program_stored_as_bytes_is_shown_as_text(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A BLOB in articles.title (Datasette, a script) reached the list's painting as
    bytes and crashed the window (SIGSEGV); the store mends it on opening (schema v17)."""
    import sqlite3

    from timeline.model import ArticleDraft
    from timeline.store.schema import _V17_KINDS

    path = tmp_path / "t.db"
    with Store(path) as store:
        store.add_article(ArticleDraft(title="خبر", body="نص", source="مصدر"), "u", None)
    conn = sqlite3.connect(path, isolation_level=None)
    for table in _V17_KINDS:  # as schema 16 left the file
        conn.execute(f"DROP TRIGGER {table}_kinds_insert")
        conn.execute(f"DROP TRIGGER {table}_kinds_update")
    conn.execute("UPDATE articles SET title = ? WHERE id = 1", (b"\xff" + "مكسور".encode(),))
    conn.execute("PRAGMA user_version = 16")
    conn.close()
    with Store(path) as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.resize(800, 500)
        win.show()
        qtbot.waitUntil(lambda: win.model.rowCount() == 1, timeout=10_000)
        index = win.model.index(0, 0)
        assert win.model.data(index) == "\ufffdمكسور"
        assert not win.grab().isNull()  # the list painted with it
        qtbot.waitUntil(lambda: win._loader_thread is None, timeout=10_000)
        win.close()


def test_a_searchs_marks_are_made_on_its_worker_and_only_taken_by_the_gui_thread(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # At 7,604,961 events the marks' table pass and rows held the GUI thread 60-75 ms a
    # search: the worker makes them for the arrays drawn, the timeline takes them.
    made_on = marks_made_on_the_gui_thread(monkeypatch)
    _search(qtbot, window, "ايار")
    hits = window._search_ids
    assert made_on == [False] and hits is not None and len(hits) == 1
    arrays = window.timeline.arrays()
    expected = np.isin(arrays.article_ids, hits)
    assert window.timeline._highlight is not None
    assert window.timeline._highlight.tolist() == expected.tolist()
    assert window._events_shown == int(expected.sum())


def test_the_events_loaded_again_under_a_search_come_marked_by_their_loader(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each story once turned on under a search loads the events again; their marks were
    made at the hand-over on the GUI thread (80-110 ms at 7,604,961 events under a word
    in most articles).  The loader makes them, for the hits as each story once."""
    _search(qtbot, window, "القاهرة")
    made_on = marks_made_on_the_gui_thread(monkeypatch)
    for collapse in (True, False):
        with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
            window.collapse_action.setChecked(collapse)
        hits = window._story_hits(window._search_ids)  # type: ignore[arg-type]
        arrays = window.timeline.arrays()
        shown = window.timeline._highlight
        assert shown is not None
        assert shown.tolist() == np.isin(arrays.article_ids, hits).tolist()
    assert made_on == [False, False]  # made on the loader's thread, taken here


def test_marks_made_for_other_arrays_are_made_again_for_those_drawn(
    qtbot: QtBot, window: MainWindow
) -> None:
    # An edit while the search ran draws new arrays: the worker's marks are of the old.
    from timeline.ui.hit_marks import hit_marks

    shown = window.timeline.arrays()
    first = int(shown.article_ids[0])
    other = shown.subset(np.ones(len(shown), bool))  # the same rows, another object
    stale = hit_marks(other, np.zeros(len(shown), dtype=np.int64), np.array([0]), None)
    window.timeline.set_highlight(np.array([first]), stale)
    assert window.timeline._highlight is not None
    assert window.timeline._highlight.tolist() == (shown.article_ids == first).tolist()
    fresh = hit_marks(shown, shown.article_ids, np.array([first]), None)
    window.timeline.set_highlight(np.array([first]), fresh)
    assert window.timeline._highlight is fresh.mask


def test_a_date_field_takes_a_date_not_a_pasted_page(window: MainWindow) -> None:
    """A 10 MB line pasted into Go to date (or the edits' date) was kept to the field's
    own limit, 32,767 characters, and the whole line read again at each key for the
    preview under it (up to 0.7 s a key).  A date field takes TYPED_DATE_CHARS: the date at
    the start of a paste is still read, and what it says of it is short."""
    from PySide6.QtWidgets import QApplication

    from timeline.ui.date_text import TYPED_DATE_CHARS
    from timeline.ui.edit_dialogs import DateDialog
    from timeline.ui.go_to_date import GoToDateDialog

    go_to = GoToDateDialog(window, "Go to date", "Date:", "", window.go_to_date_preview)
    edit = DateDialog(window, "Date", window.timeline.label_style(), with_label=True)
    QApplication.clipboard().setText("2015-07-31 " + "1" * (10 << 20))
    for field, understood in ((go_to.field, go_to.understood), (edit.date_edit, edit.preview)):
        field.paste()
        assert len(field.text()) == TYPED_DATE_CHARS
        assert field.text().startswith("2015-07-31 1")
        assert understood.text().replace("\u200e", "").startswith("31 July 2015")
    go_to.deleteLater()
    edit.deleteLater()


def test_go_to_date_says_how_it_reads_what_is_typed(window: MainWindow) -> None:
    """Go to date said nothing until OK: a bare "1436" went to the Hijri or the Gregorian
    year by the library's events, told only afterwards.  Its dialog now shows under the
    field, at each key, the day or the first and last days it reads, and for a bare year
    the calendar it takes and how to ask for the other."""
    from timeline.model import to_axis
    from timeline.ui.go_to_date import GoToDateDialog

    dialog = GoToDateDialog(window, "Go to date", "Date:", "", window.go_to_date_preview)
    assert dialog.understood.textFormat() == Qt.TextFormat.PlainText
    seen = {}
    for typed in ("", "1973-10-06", "Ramadan 1437", "1436", "1436 CE", "not a date"):
        dialog.field.setText(typed)
        seen[typed] = dialog.understood.text().replace("\u200e", "")  # (marks of order)
    dialog.deleteLater()
    assert seen[""] == ""
    assert seen["not a date"] == "(not understood)"
    assert seen["1973-10-06"].startswith("6 October 1973")
    assert "Ramadan 1393" in seen["1973-10-06"]  # its Hijri day beside it
    assert seen["Ramadan 1437"] == "6 June 2016 to 5 July 2016"
    assert seen["1436"].startswith("25 October 2014 to 13 October 2015\nRead as 1436 AH")
    assert seen["1436 CE"].startswith("1 January 1436 to 31 December 1436")
    # What the dialog shows is where OK goes.
    assert window.go_to_date_text("Ramadan 1437")
    vp = window.timeline.viewport()
    assert abs(vp.start - to_axis(datetime(2016, 6, 6))) < 86_400 * 3


def test_recent_libraries_another_program_wrote_do_not_stop_the_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from timeline.ui import main_window

    kept = tmp_path / "kept.db"
    with Store(kept):
        pass
    # A name longer than the system looks up (stat raised ENAMETOOLONG), one holding a
    # NUL, one of another type, and a list longer than any the window writes.
    hostile = ["/" + "a" * 5000, "x\0y", 7, str(kept), *[str(tmp_path / "gone.db")] * 100_000]
    QSettings().setValue("libraries/recent", hostile)
    assert main_window.recent_libraries() == [kept]
    with Store(tmp_path / "library.db") as store:
        win = MainWindow(store)  # remembers its library among those written
        qtbot.addWidget(win)
        win.recent_menu.aboutToShow.emit()
        entries = [a for a in win.recent_menu.actions() if not a.isSeparator()]
        assert [a.text() for a in entries] == [f"\u2068{kept}\u2069"]
        win.close()
