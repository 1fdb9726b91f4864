"""File > Export and File > Print: what the window shows, written by the same code."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from timeline.model import to_axis
from timeline.store import Store
from timeline.ui.export_dialog import ExportDialog, window_selection
from timeline.ui.fonts import application_font, load_bundled_fonts
from timeline.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, sample_store: Store) -> MainWindow:
    load_bundled_fonts()
    qapp.setFont(application_font())
    win = MainWindow(sample_store)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: len(win.timeline.arrays()) > 0, timeout=10_000)
    return win


def _export(qtbot: QtBot, window: MainWindow, fmt: str, path: Path, **size) -> int:
    with qtbot.waitSignal(window.exporter.exported, timeout=20_000) as signal:
        window.exporter.export_to(fmt, path, **size)
    assert signal.args[0] == str(path)
    return signal.args[1]


def test_file_menu_has_export_and_print(window: MainWindow) -> None:
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    assert window.print_action.shortcut().toString() == "Ctrl+P"
    file_menu = window.menuBar().actions()[0].menu()
    assert window.export_action in file_menu.actions()
    assert window.print_action in file_menu.actions()


def test_dialog_offers_every_format_and_sizes_for_images(window: MainWindow) -> None:
    from timeline.export import FORMATS

    dialog = ExportDialog(window, 900, 300)
    offered = [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())]
    assert offered == list(FORMATS)
    assert len({dialog.format_box.itemText(i) for i in range(len(offered))}) == len(offered)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    assert dialog.width_box.isEnabled() and dialog.scale_box.isEnabled()
    # A strip of the window's timeline is offered at the command line's size at least
    # (800 by 500, the window's timeline is about 800 by 150: its image was as thin).
    assert (dialog.width_box.value(), dialog.height_box.value()) == (1600, 600)
    bigger = ExportDialog(window, 2400, 700)
    assert (bigger.width_box.value(), bigger.height_box.value()) == (2400, 700)
    bigger.deleteLater()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    assert dialog.width_box.isEnabled() and not dialog.scale_box.isEnabled()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("events-csv"))
    assert not dialog.width_box.isEnabled()
    dialog.deleteLater()


def test_the_export_dialog_says_a_file_holds_every_copy_of_a_story_shown_once(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """With View > Show each story once, the list showed 23,502 of SaudiNewsNet's
    articles and File > Export wrote 30,153 (every copy), while its dialog said it
    exports what the window shows.  It now says the file holds every copy; an image
    draws the timeline as it is, and its note says nothing of copies."""
    every = "the file holds every copy"
    dialog = ExportDialog(window, 900, 300)
    assert every not in dialog.note.text()  # each story not shown once
    dialog.deleteLater()
    window.collapse_action.setChecked(True)
    dialog = ExportDialog(window, 900, 300)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("articles-jsonl"))
    assert every in dialog.note.text() and dialog.note.textFormat() == Qt.TextFormat.PlainText
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    assert every not in dialog.note.text()
    dialog.deleteLater()
    # As it says: the file holds every article the search finds, copies and all.
    written = _export(qtbot, window, "articles-jsonl", tmp_path / "all.jsonl")
    assert written == len(window.store.articles())


def test_export_follows_the_search_and_the_visible_range(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.search_bar.query_edit.setText("القمر")
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        qtbot.keyClick(window.search_bar.query_edit, Qt.Key.Key_Return)
    first, last = to_axis(datetime(1969, 1, 1)), to_axis(datetime(1970, 1, 1))
    window.timeline.go_to_span(first, last)
    selection = window_selection(window)
    assert selection.query == "القمر"
    path = tmp_path / "articles.jsonl"
    count = _export(qtbot, window, "articles-jsonl", path)
    titles = [json.loads(line)["title"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert count == len(titles) >= 1
    assert all("القمر" in t for t in titles)
    events = tmp_path / "events.jsonl"
    _export(qtbot, window, "events-jsonl", events)
    rows = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    assert rows
    for row in rows:
        end = row["end"] if row["end"] is not None else row["start"] + 1
        assert row["start"] < selection.date_to and end > selection.date_from


def test_a_workbook_export_says_the_rows_it_cut(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    from timeline.export import workbook

    monkeypatch.setattr(workbook, "CELL_CHARS", 100)  # the samples' bodies are longer
    path = tmp_path / "articles.xlsx"
    with qtbot.waitSignal(window.exporter.exported, timeout=20_000) as signal:
        window.exporter.export_to("articles-xlsx", path)
    _path, count, left_out, cut, what = signal.args
    assert count == cut == window.store.count_articles() and left_out == 0 and what == "articles"
    assert len(list(load_workbook(path).active.iter_rows())) == count + 1
    window.exporter.show_result(*signal.args)
    shown = window.statusBar().currentMessage()
    assert f"{count} rows with a text cut at a cell's 32,767 characters" in shown
    # The path as one left-to-right unit: in an Arabic line "/tmp/a.xlsx" read "tmp/a.xlsx/".
    assert f"\u2066{path}\u2069" in shown


def test_image_export_draws_the_window_view(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "view.png"
    count = _export(qtbot, window, "png", path, width=700, height=260, scale=2.0)
    assert count > 0
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1400, 520)


def test_print_uses_the_same_painter(window: MainWindow, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    window.exporter.print_to(printer)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Published" in text and "Mentioned" in text  # the legend, from the view's painter


@pytest.mark.parametrize("fmt", ["png", "articles-csv"])
def test_an_export_that_cannot_be_written_says_where_and_leaves_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, fmt: str
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    blocked = folder / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")
    target = blocked / f"out.{fmt.rpartition('-')[2]}"
    with qtbot.waitSignal(window.exporter.export_failed, timeout=20_000) as signal:
        window.exporter.export_to(fmt, target)
    assert str(target) in signal.args[0]
    assert [p.name for p in folder.iterdir()] == [blocked.name]


def test_an_image_exported_through_a_link_keeps_the_link(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    real = folder / "real.png"
    real.write_bytes(b"old")
    link = folder / "link.png"
    link.symlink_to(real)
    _export(qtbot, window, "png", link, width=400, height=200)
    assert link.is_symlink() and not QImage(str(real)).isNull()
    assert sorted(p.name for p in folder.iterdir()) == ["link.png", "real.png"]


def test_a_timeline_export_says_how_many_undated_articles_it_left_out(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "out.timeline"
    with qtbot.waitSignal(window.exporter.exported, timeout=20_000) as signal:
        window.exporter.export_to("timeline", target)
    assert signal.args[2] == 1  # the samples hold one undated article
    assert "left out" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.exporter.exported, timeout=20_000) as signal:
        window.exporter.export_to("articles-csv", tmp_path / "out.csv")
    assert signal.args[2] == 0 and "left out" not in window.statusBar().currentMessage()


def test_the_exports_count_is_written_as_the_status_bar_writes_counts(
    window: MainWindow,
) -> None:
    window.exporter.show_result("x.jsonl", 101_917, 1_234, 0, "events")
    line = window.statusBar().currentMessage()
    assert "Exported 101,917 events to \u2066x.jsonl\u2069" in line
    assert "1,234 undated articles" in line
    window.timeline.set_digits("arabic")
    window.exporter.show_result("x.jsonl", 101_917, 0, 0, "events")
    assert "١٠١٬٩١٧" in window.statusBar().currentMessage()


def test_the_exports_line_says_whether_it_counted_articles_or_events(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # The same window exported all its articles as CSV, then the events in view as
    # TimelineJS: "Exported 30,154" and "Exported 8,922" left the reader to guess which
    # count was which (seen with the SaudiNewsNet corpus).
    _export(qtbot, window, "articles-csv", tmp_path / "a.csv")
    articles = window.store.count_articles()
    assert f"Exported {articles} articles to" in window.statusBar().currentMessage()
    events = _export(qtbot, window, "timelinejs", tmp_path / "a.json")
    assert f"Exported {events} events to" in window.statusBar().currentMessage()
    window.exporter.show_result("one.csv", 1, 0, 0, "articles")
    assert "Exported 1 article to" in window.statusBar().currentMessage()


@pytest.mark.parametrize(
    ("typed", "written"),
    [("a.json", "a.json.csv"), ("a", "a.csv"), ("a.CSV", "a.CSV"), ("21.7.2015", "21.7.2015.csv")],
)
def test_the_file_is_named_for_the_format_it_holds(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    typed: str,
    written: str,
) -> None:
    # The dialog keeps the last format chosen (Articles as CSV): a name typed with .json
    # got CSV written into it, a file every program (this one too) then read as JSON and
    # refused.  The chosen format's suffix is added to a name that does not end with it.
    from PySide6.QtWidgets import QDialog, QFileDialog

    monkeypatch.setattr(ExportDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(ExportDialog, "chosen_format", lambda _self: "articles-csv")
    out = tmp_path / "exports"
    out.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out / typed), ""))
    with qtbot.waitSignal(window.exporter.exported, timeout=20_000) as signal:
        window.exporter.ask_export()
    assert signal.args[0] == str(out / written)
    assert [p.name for p in out.iterdir()] == [written]


@pytest.mark.parametrize("answer", ["Yes", "Cancel"])
def test_a_file_the_added_suffix_names_is_replaced_only_when_the_user_says_so(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    # The file dialog asks before replacing the name as typed ("a"); the suffix added
    # after it names another file ("a.csv"), which was written over without a word.
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    monkeypatch.setattr(ExportDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(ExportDialog, "chosen_format", lambda _self: "articles-csv")
    kept = tmp_path / "a.csv"
    kept.write_text("the user's own file", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "a"), ""))
    asked: list[str] = []

    def exec_(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    if answer == "Yes":
        with qtbot.waitSignal(window.exporter.exported, timeout=20_000):
            window.exporter.ask_export()
        written = kept.read_text(encoding="utf-8-sig")
        assert written != "the user's own file" and written.count("\n") > 1  # the articles
    else:
        window.exporter.ask_export()
        qtbot.wait(200)
        assert kept.read_text(encoding="utf-8") == "the user's own file"
    assert len(asked) == 1 and "a.csv" in asked[0]


def test_a_chronology_writes_dates_as_the_window_does(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from timeline.timescale import LabelStyle

    window.timeline.set_label_style(LabelStyle(language="en", digits="arabic"))
    path = tmp_path / "chronology.html"
    count = _export(qtbot, window, "chronology", path)
    page = path.read_text(encoding="utf-8")
    assert count == page.count("<time ") > 0
    assert '<html lang="en" dir="ltr">' in page and "<h2>١٩" in page  # the window's digits


def test_a_text_export_shows_its_progress_and_can_be_cancelled(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A workbook of 30,000 articles took 22 s with nothing shown until it was written.
    import threading

    from timeline.ui import export_dialog

    go_on = threading.Event()
    progress = export_dialog.ExportWorker._progress

    def held(self, written: int) -> None:  # the export waits at its first record
        go_on.wait(10)
        progress(self, written)

    monkeypatch.setattr(export_dialog.ExportWorker, "_progress", held)
    (tmp_path / "exports").mkdir()
    path = tmp_path / "exports" / "articles.xlsx"
    path.write_bytes(b"the file that was there")
    window.exporter.export_to("articles-xlsx", path)
    status = window.exporter._status
    assert status is not None and status.isVisibleTo(window)
    assert status.label.text() == "Exporting \u2068articles.xlsx\u2069…"
    assert status.label.textFormat() == Qt.TextFormat.PlainText  # a name may hold markup
    status.written(12_345)
    assert status.label.text() == "Exporting \u2068articles.xlsx\u2069: 12,345 written"
    failures: list[str] = []
    window.exporter.export_failed.connect(failures.append)
    qtbot.mouseClick(status.cancel, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: window.exporter.running_thread() is None, timeout=10_000)
    assert window.exporter._status is None
    assert window.statusBar().currentMessage() == "Export cancelled: no file was written"
    assert failures == []  # a cancel is no failure to put in a message box
    assert path.read_bytes() == b"the file that was there"
    assert [p.name for p in path.parent.iterdir()] == ["articles.xlsx"]  # no .part left
    # Not cancelled, it is written.
    monkeypatch.setattr(export_dialog.ExportWorker, "_progress", progress)
    window.exporter.export_to("articles-jsonl", tmp_path / "a.jsonl")
    qtbot.waitUntil(lambda: window.exporter.running_thread() is None, timeout=20_000)
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8").count("\n") == (
        window.store.count_articles()
    )
    assert window.exporter._status is None


def test_a_print_to_a_pdf_file_holds_its_arabic_as_letters(
    window: MainWindow, tmp_path: Path
) -> None:
    # Qt's print dialog offers a PDF file as a printer: its text mapped as an exported
    # PDF's is (timeline.export.pdf_text), not to Qt's shaped forms.
    import re
    import unicodedata

    from pypdf import PdfReader

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    window.exporter.print_to(printer)
    text = PdfReader(target).pages[0].extract_text()
    assert len(re.findall("[\u0621-\u064a]", text)) > 20, text
    # No shaped form of one letter left and no tab; a ligature (lam-alef) keeps its code
    # point, which a reader's NFKC folds (pdf_text._letters_of).
    shaped = re.findall("[\ufb50-\ufdff\ufe70-\ufeff]", text)
    assert all(len(unicodedata.normalize("NFKC", c).strip()) > 1 for c in shaped), shaped
    assert "\t" not in text, text


@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_a_print_to_a_pdf_file_never_goes_over_the_library(
    qtbot: QtBot, window: MainWindow, suffix: str
) -> None:
    """Qt's print dialog takes any file name for a PDF (and asks only whether to
    replace it): given the library's, the printer wrote a PDF where the whole library
    was.  Refused as an export to it is, in the export's one line, nothing written."""
    library = window.store.path
    target = Path(f"{library}{suffix}")
    before = target.read_bytes() if target.exists() else None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    with qtbot.waitSignal(window.exporter.export_failed, timeout=5_000) as signal:
        window.exporter.print_to(printer)
    assert "it is the library being exported" in signal.args[0]
    assert library.read_bytes()[:16] == b"SQLite format 3\x00"
    assert (target.read_bytes() if target.exists() else None) == before
    assert window.store.count_articles() > 0


def test_the_print_dialog_leaves_the_librarys_locks_held(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The print dialog's output file field lists the folder as a path is typed,
    reading its files (the library's among them), which ends SQLite's POSIX locks on
    it: another program closing the library then took itself for the last and deleted
    the -wal and -shm the window still wrote through (seen under Xvfb: the window's
    locks in /proc/locks went from 2 to 0).  The window opens its library again after
    the print dialog, as after a file dialog, once the dialog is gone: its field's
    folder model lived on with it, reading the files again after the library was
    opened (under Xvfb; offscreen it reads no file, hence exec stands in for it here)."""
    import sys

    from PySide6.QtPrintSupport import QPrintDialog

    library = window.store.path

    def listed(_dialog: QPrintDialog) -> int:
        with library.open("rb") as read:  # as the dialog's folder model does
            read.read(16)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QPrintDialog, "exec", listed)
    window.exporter.ask_print()
    assert window.findChildren(QPrintDialog) == []  # gone, its folder model with it
    other = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN EXCLUSIVE'); c.execute('ROLLBACK'); c.close()\n"
    )
    subprocess.run([sys.executable, "-c", other, str(library)], check=True, timeout=60)
    assert Path(f"{library}-wal").exists() and Path(f"{library}-shm").exists()
