"""Dropping files, folders and web addresses on the window imports them; feed summaries
and crawl times are shown for what they are in the detail pane."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from tests.ingest.format_fixtures import BODY, OTHER_BODY, page, rss, warc
from tests.ingest.test_fetch import server  # noqa: F401 - the local HTTP server fixture
from tests.ui.waiting import article_shown
from timeline.store import Store
from timeline.ui.main_window import MainWindow


def _drop(win: MainWindow, mime: QMimeData) -> None:
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(event)


def test_drop_files_folders_and_urls(
    qtbot: QtBot,
    tmp_path: Path,
    server: str,  # noqa: F811
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "feed.rss").write_text(rss(1, full=False), encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f"title,body\nجدول,{OTHER_BODY}\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls(
        [QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(sheet)), QUrl(f"{server}/page")]
    )
    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        assert MainWindow._dropped_sources(mime) == [folder, sheet, f"{server}/page"]
        with qtbot.waitSignal(win.import_finished, timeout=30_000) as signal:
            _drop(win, mime)
        report = signal.args[0]
        assert report.added == 3 and not report.failed
        qtbot.waitUntil(lambda: win._import_thread is None and win.model.rowCount() == 3)
        summary = next(a for a in store.articles() if a.body_kind == "summary")
        win.select_article(summary.id)
        article_shown(win.detail)
        text = win.detail.browser.toPlainText()
        assert "Summary from the feed" in text
        qtbot.waitUntil(lambda: win._loader_thread is None, timeout=20_000)
        win.close()


def test_a_link_dragged_as_text() -> None:
    mime = QMimeData()
    mime.setText("https://example.org/news/1\nnot a link")
    assert MainWindow._dropped_sources(mime) == ["https://example.org/news/1"]
    other = QMimeData()
    other.setText("just words")
    assert MainWindow._dropped_sources(other) == []


def _detail_of_the_one_article(qtbot: QtBot, tmp_path: Path, path: Path) -> str:
    """The detail pane's text for the one article the file imports."""
    from timeline import library

    with Store(tmp_path / "t.db") as store:
        assert library.import_paths(store, [path]).added == 1
        win = MainWindow(store)
        qtbot.addWidget(win)
        (article,) = store.articles()
        win.select_article(article.id)
        article_shown(win.detail)
        text = win.detail.browser.toPlainText()
        qtbot.waitUntil(lambda: win._loader_thread is None, timeout=20_000)
        win.close()
    return text


def test_detail_pane_shows_the_crawl_time(qtbot: QtBot, tmp_path: Path) -> None:
    path = warc(tmp_path / "c.warc", [("http://example.org/a", page(BODY), "2024-05-06T07:08:09Z")])
    text = _detail_of_the_one_article(qtbot, tmp_path, path)
    assert "Captured by a web crawl" in text and "2024-05-06T07:08:09Z" in text
    assert "Summary from the feed" not in text


def test_web_addresses_typed_in_the_file_menu_are_imported(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch,
    server: str,  # noqa: F811
) -> None:
    """A keyboard's way to what a drop of links does: File > Import web addresses, one
    a line, the copied addresses offered; a line that is not an address fails alone."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    from timeline.ui import main_window

    QGuiApplication.clipboard().setText(f"see {server}/page\n{server}/page\nnot a link")
    asked: list[str] = []

    def answer(_parent, _title, _label, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return f"  {text}  \n\nnot an address\n", True

    monkeypatch.setattr(main_window, "multi_line_text", answer)
    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        action = next(
            a
            for a in win.menuBar().actions()[0].menu().actions()
            if a.objectName() == "importAddressesAction"
        )
        with qtbot.waitSignal(win.import_finished, timeout=30_000) as signal:
            action.trigger()
        assert asked == [f"{server}/page"]
        report = signal.args[0]
        assert report.added == 1 and not report.failed and len(report.files) == 1
        # The line that is no address is left out, said so, never read as a file.
        (box,) = [b for b in win.findChildren(QMessageBox) if b.isVisible()]
        assert "1 line left out" in box.text() and "not an address" in box.text()
        qtbot.waitUntil(lambda: win._import_thread is None and win.model.rowCount() == 1)
        win.close()


def test_web_addresses_none_of_which_reads_are_asked_for_again(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Addresses typed without their https:// were said to be left out, and the dialog
    closed with them: the user typed them all again.  They are offered again, kept."""
    from PySide6.QtGui import QGuiApplication

    from timeline.ui import main_window

    QGuiApplication.clipboard().setText("")
    typed = "www.example.com/news/1\nexample.org/2"
    answers = [(typed, True), ("", False)]
    asked: list[str] = []

    def answer(_parent, _title, _label, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    warned: list[str] = []
    real_box = main_window.message_box

    class Box:
        def __init__(self, *args: object, **kwargs: object) -> None:
            warned.append(real_box(*args, **kwargs).text())  # type: ignore[arg-type]

        def exec(self) -> int:
            return 0

        def open(self) -> None:
            pass

    monkeypatch.setattr(main_window, "multi_line_text", answer)
    monkeypatch.setattr(main_window, "message_box", Box)
    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        win._ask_addresses()
        assert asked == ["", typed] and not answers
        assert len(warned) == 1 and warned[0].startswith("2 lines left out")
        assert win._import_thread is None and store.count_articles() == 0


def test_tags_and_a_note_a_dropped_export_carries_show_at_once(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The window coloured by tag: the tags an import brings enter its legend, and the
    article's tags and note its detail pane, as soon as the import ends."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        f"title,body,tags,note\nجدول,{OTHER_BODY},حروب; هدنة,راجع المصدر\n", encoding="utf-8"
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sheet))])
    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.edits.legend.set_mode("tag")
        with qtbot.waitSignal(win.import_finished, timeout=30_000):
            _drop(win, mime)
        qtbot.waitUntil(lambda: win._import_thread is None and win.model.rowCount() == 1)
        qtbot.waitUntil(lambda: win._loader_thread is None, timeout=20_000)
        qtbot.waitUntil(lambda: sorted(win.edits.legend.names) == ["حروب", "هدنة"])
        (article,) = store.articles()
        win.select_article(article.id)
        article_shown(win.detail)
        text = win.detail.browser.toPlainText()
        assert "حروب" in text and "هدنة" in text and "راجع المصدر" in text
        win.close()


class _Clipboard:
    """The clipboard as the window reads it, holding mime.  (A QMimeData made here and
    given to Qt's own clipboard is freed twice when the program ends: a crash at exit.)"""

    def __init__(self, mime: QMimeData) -> None:
        self.mime = mime

    def mimeData(self) -> QMimeData:  # Qt's name
        return self.mime


def _clipboard(monkeypatch: pytest.MonkeyPatch, mime: QMimeData) -> None:
    from timeline.ui import main_window

    monkeypatch.setattr(main_window.QGuiApplication, "clipboard", lambda: _Clipboard(mime))


def _paste(
    qtbot: QtBot, win: MainWindow, mime: QMimeData, monkeypatch: pytest.MonkeyPatch
) -> object:
    _clipboard(monkeypatch, mime)
    with qtbot.waitSignal(win.import_finished, timeout=30_000) as signal:
        win.import_clipboard_action.trigger()
    qtbot.waitUntil(lambda: win._import_thread is None)
    return signal.args[0]


def test_paste_an_article_copied_as_text_or_as_a_page(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An article copied from a browser: its text is read as a plain-text article, kept
    # beside the library (pasted/), which its origin names.
    copied = QMimeData()
    copied.setText(f"اجتماع في الرياض\nالثلاثاء 21 يوليو 2015\n{BODY}\nhttps://example.org/x\n")
    copied.setHtml("<p>not read: the text is</p>")
    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        assert win.import_clipboard_action.shortcut().toString() == "Ctrl+Shift+V"
        report = _paste(qtbot, win, copied, monkeypatch)
        assert report.added == 1 and not report.failed  # type: ignore[attr-defined]
        (kept,) = (tmp_path / "pasted").iterdir()
        assert kept.suffix == ".txt" and kept.read_text(encoding="utf-8") == copied.text()
        (article,) = store.articles()
        assert (article.title, article.published_raw) == (
            "اجتماع في الرياض",
            "الثلاثاء 21 يوليو 2015",
        )
        assert article.origin.endswith(kept.name)
        # The same text again: known, and kept under a name of its own.
        assert _paste(qtbot, win, copied, monkeypatch).duplicates == 1  # type: ignore[attr-defined]
        assert len(list((tmp_path / "pasted").iterdir())) == 2
        # A page without text (an editor's copy): kept as a page and read as one.
        page_only = QMimeData()
        page_only.setHtml(page(OTHER_BODY, title="مشروع آخر"))
        report = _paste(qtbot, win, page_only, monkeypatch)
        assert report.added == 1  # type: ignore[attr-defined]
        assert sorted(p.suffix for p in (tmp_path / "pasted").iterdir()) == [
            ".html",
            ".txt",
            ".txt",
        ]
        qtbot.waitUntil(lambda: win._loader_thread is None, timeout=20_000)
        win.close()


def test_paste_links_or_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        asked: list[list] = []
        monkeypatch.setattr(win, "import_paths", lambda sources: asked.append(sources))
        links = QMimeData()
        links.setText("https://example.org/news/1\n  https://example.org/feed.rss \n")
        _clipboard(monkeypatch, links)
        win.import_clipboard_action.trigger()
        assert asked == [["https://example.org/news/1", "https://example.org/feed.rss"]]
        sheet = tmp_path / "sheet.csv"
        sheet.write_text(f"title,body\nجدول,{OTHER_BODY}\n", encoding="utf-8")
        files = QMimeData()
        files.setUrls([QUrl.fromLocalFile(str(sheet))])
        _clipboard(monkeypatch, files)
        win.import_clipboard_action.trigger()
        assert asked[-1] == [sheet]
        _clipboard(monkeypatch, QMimeData())
        win.import_clipboard_action.trigger()
        said = win.statusBar().currentMessage()
        assert len(asked) == 2 and "no text, page, picture or link" in said
        # While an import runs, a pasted text is not kept: the import says it is running.
        text = QMimeData()
        text.setText("عنوان\nنص الخبر في الرياض.")
        _clipboard(monkeypatch, text)
        win._import_thread = object()  # type: ignore[assignment]
        win.import_clipboard_action.trigger()
        assert asked[-1] == [] and not (tmp_path / "pasted").exists()
        win._import_thread = None
        win.import_clipboard_action.trigger()
        (kept,) = (tmp_path / "pasted").iterdir()
        assert kept.read_text(encoding="utf-8") == "عنوان\nنص الخبر في الرياض."
        win.close()


def test_detail_pane_says_a_text_was_recognized_on_scans(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ingest.pdf_fixtures import pdf_bytes
    from timeline.ingest import ocr

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "page_text", lambda pdf, number, folder: f"عنوان\n\n{BODY}\n")
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes([[]], scanned=[0]))
    text = _detail_of_the_one_article(qtbot, tmp_path, path)
    assert "Text recognized by OCR in a scan or a picture" in text
    assert "Summary from the feed" not in text and "Captured by" not in text


def test_paste_a_picture_of_an_article(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A screenshot copied (with the page a browser gives a copied picture: its <img>):
    # kept as a PNG beside the library and read by OCR (stood in for here).
    from PySide6.QtGui import QColor, QImage

    from timeline.ingest import ocr

    monkeypatch.setattr(ocr, "_tools", lambda: ("pdftoppm", "tesseract", "ara"))
    monkeypatch.setattr(ocr, "_run", lambda command, what: f"لقطة شاشة لخبر\n\n{BODY}\n".encode())
    shot = QImage(320, 120, QImage.Format.Format_RGB32)
    shot.fill(QColor("white"))
    copied = QMimeData()
    copied.setImageData(shot)
    copied.setHtml('<img src="https://example.org/a.png">')
    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        report = _paste(qtbot, win, copied, monkeypatch)
        assert report.added == 1 and not report.failed  # type: ignore[attr-defined]
        (kept,) = (tmp_path / "pasted").iterdir()
        assert kept.suffix == ".png" and kept.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        (article,) = store.articles()
        assert (article.title, article.body_kind) == ("لقطة شاشة لخبر", "ocr")
        qtbot.waitUntil(lambda: win._loader_thread is None, timeout=20_000)
        win.close()


def test_a_pasted_picture_with_no_text_read_in_it_is_not_kept(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It stayed in pasted/, imported by no one; the import's report is as it was."""
    from PySide6.QtGui import QColor, QImage

    from timeline.ingest import ocr

    monkeypatch.setattr(ocr, "_tools", lambda: ("pdftoppm", "tesseract", "ara"))
    monkeypatch.setattr(ocr, "_run", lambda command, what: b"")
    blank = QImage(320, 120, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    copied = QMimeData()
    copied.setImageData(blank)
    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        report = _paste(qtbot, win, copied, monkeypatch)
        assert report.added == 0 and len(report.failed) == 1  # type: ignore[attr-defined]
        assert not (tmp_path / "pasted").exists()
        win.close()
