"""Why an import left a file or a record out, said in the window's language
(timeline/ui/import_messages.py)."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import SAMPLES
from tests.ingest.format_fixtures import https_server, marked_zip_member
from tests.ingest.pdf_fixtures import drawn, pdf_bytes
from timeline import library
from timeline.store import Store
from timeline.ui import import_messages
from timeline.ui.import_messages import reason_in_interface_language

BODY = "قال المتحدث إن الاجتماع سيعقد في الرياض بحضور الوزراء والسفراء. " * 3


def test_each_template_is_looked_up_by_its_own_english(qapp: QApplication) -> None:
    # In English the window says the importers' own words: the source string of each
    # translation is the template with its names numbered.
    table = import_messages._table()
    assert len({template for template, _said in table}) == len(table)
    for template, said in table:
        assert import_messages.numbered(template) == said


def _broken_files(folder: Path) -> list[Path]:
    """Files an importer refuses, whole or a record at a time, as users bring them."""
    files = {
        "records.jsonl": "\n".join(
            [
                json.dumps({"title": "أ", "body": BODY}, ensure_ascii=False),
                json.dumps({"title": "ب"}, ensure_ascii=False),
                '{"title": "ج", "body": 5}',
                "{not json",
                "[1, 2]",
            ]
        ),
        "sheet.csv": f"title,body\nأ,{BODY}\nب,\n",
        "headers.csv": "name,text2\nأ,ب\n",
        "entities.rss": '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><rss>&a;</rss>',
        "nofeed.rss": "<html><body>ليست موجزًا</body></html>",
        "entries.rss": (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>ق</title>'
            f"<item><title>أ</title><description>{BODY}</description></item>"
            "<item><link>http://example.org/x</link></item>"
            "<item><title>بلا نص</title></item></channel></rss>"
        ),
        "empty.txt": "",
        "teaser.html": "<html><body><p>قصير</p></body></html>",
        "notes.docx": "ليس نوعًا مدعومًا",
        "list.json": '[{"title": "أ", "body": "ب"}',
        "events.timeline": "<timeline><events><event><start>2015</start></event></events>",
        "note.eml": "ليست رسالة",
        "renamed.mbox": "عنوان\nنص\n",
        "box.mbox": "From a@b.example Tue Jul 21 10:20:00 2015\nSubject: \nDate: x\n\n",
        "release.eml": (
            'Subject: x\nDate: y\nContent-Type: multipart/mixed; boundary="b"\n\n--b\n'
            "Content-Type: text/plain\n\n\n--b\nContent-Type: application/pdf\n"
            'Content-Disposition: attachment; filename="a.pdf"\n\nnot a pdf\n--b--\n'
        ),
    }
    paths = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    binary = folder / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text" * 50)
    cut = folder / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(b'{"title": "a", "body": "b"}\n' * 100)[:-30])
    archive = folder / "pages.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.html", "<html><body><p>قصير</p></body></html>")
        out.writestr("b.jsonl", '{"title": "أ"}\n')
        out.writestr("locked.txt", "عنوان\nنص\n")
        out.writestr("wide.txt", "عنوان\nنص\n")
        # Members an archive in an archive does not open or read.
        out.writestr("inner.zip", b"PK")
        out.writestr("inner.tar.gz", b"x")
        out.writestr("photo.jpg", b"x")
        out.writestr("notes.xyz", b"x")
    # Members zipfile does not open: encrypted, and compressed with Deflate64.
    data = marked_zip_member(archive.read_bytes(), "locked.txt", flags=0x1)
    archive.write_bytes(marked_zip_member(data, "wide.txt", method=9))
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["العنوان", "النص"])
    book.active.append(["بلا نص", None])
    book.create_sheet("ورقة").append(["x", "y"])  # a sheet without a body column
    sheets = folder / "sheets.xlsx"
    book.save(sheets)
    old_excel = folder / "old.xls"  # Excel 97-2003's OLE2 file
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    no_zip = folder / "renamed.xlsx"
    no_zip.write_text("title,body\nأ,ب\n", encoding="utf-8")
    old_word = folder / "old.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    no_docx = folder / "renamed.docx"
    no_docx.write_text("عنوان\nنص\n", encoding="utf-8")
    tar = folder / "pages.tar.gz"
    tar.write_bytes(gzip.compress(b"x"))
    crawls = _cut_crawls(folder)
    bomb = folder / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(b"\0" * (65 * 1024 * 1024)))
    pdfs = []
    for name, data in {
        "renamed.pdf": "عنوان\nنص\n".encode(),
        "scan.pdf": pdf_bytes([[]]),  # a page of no text
        "cut.pdf": pdf_bytes([drawn("عنوان الخبر", 700)])[:600],
        "renamed.png": "عنوان\nنص\n".encode(),  # no picture (or no OCR here): said
        "renamed.odt": "عنوان\nنص\n".encode(),
        "renamed.ods": "عنوان\nنص\n".encode(),
    }.items():
        pdfs.append(folder / name)
        pdfs[-1].write_bytes(data)
    return [
        *paths,
        binary,
        cut,
        archive,
        sheets,
        old_excel,
        no_zip,
        old_word,
        no_docx,
        bomb,
        tar,
        *pdfs,
        *crawls,
    ]


def _cut_crawls(folder: Path) -> list[Path]:
    """Web archives of two made-up pages cut short in the second's request record: in
    its headers before its address, before its length, and in the second's response."""
    from tests.ingest.format_fixtures import page, warc

    pages = [
        (f"http://example.org/{n}", page(f"افتتحت البلدية حديقة في الحي رقم {n} أمس."), "")
        for n in range(2)
    ]
    data = warc(folder / "whole.warc", pages).read_bytes()
    second = [at for at in range(len(data)) if data.startswith(b"WARC/1.0\r\n", at)][2]
    cuts = {
        "no_address.warc": second + 30,
        "no_length.warc": data.index(b"Content-Length", second),
        "cut.warc": len(data) - 100,
    }
    paths = []
    for name, at in cuts.items():
        paths.append(folder / name)
        paths[-1].write_bytes(data[:at])
    packed = warc(folder / "packed.warc.gz", pages, gzip=True).read_bytes()
    paths.append(folder / "cut.warc.gz")
    paths[-1].write_bytes(packed[:-100])
    # The first page's Content-Length five bytes short: not followed by its blank line.
    at = data.index(b"Content-Length: ", data.index(b"WARC-Type: response")) + 16
    end = data.index(b"\r\n", at)
    paths.append(folder / "length.warc")
    paths[-1].write_bytes(data[:at] + str(int(data[at:end]) - 5).encode() + data[end:])
    (folder / "whole.warc").unlink()
    (folder / "packed.warc.gz").unlink()
    return paths


def test_what_the_importers_say_is_said_in_arabic(arabic: None, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, _broken_files(folder))
    lines = [r.error for r in report.files if r.error is not None]
    lines += [line for r in report.files for line in r.rejections]
    assert len(lines) >= 36
    for line in lines:
        said = reason_in_interface_language(line)
        # Arabic words, and nothing of the English template outside the values' isolates.
        assert said != line and re.search("[\u0621-\u064a]", said), line
        # (Names stay as written: 'body', JSON, rss, --columns.)
        outside = re.sub("\u2068[^\u2069]*\u2069", "", said)
        english = r"\b(?:not|the|file|than|must|empty|missing|readable|article|line|row|a|an)\b"
        assert not re.search(english, outside, re.IGNORECASE), (line, said)


def test_values_keep_their_own_words_in_isolates(arabic: None) -> None:
    said = reason_in_interface_language("line 12: not valid JSON (Expecting value)")
    assert said == "السطر \u206812\u2069: ليس JSON سليمًا (\u2068Expecting value\u2069)"
    member = reason_in_interface_language("أخبار.zip: a.html: the file is empty")
    assert member == "\u2068أخبار.zip\u2069: \u2068a.html\u2069: الملف فارغ"
    record = reason_in_interface_language(
        "record 3 (https://example.org/a): a page larger than 52,428,800 bytes"
    )
    assert record == (
        "السجل \u20683 (https://example.org/a)\u2069: صفحة أكبر من \u206852,428,800\u2069 بايت"
    )
    # A format's name is said in the window's words ("a text file" stayed English).
    kind = reason_in_interface_language("more than the 40,000,000 bytes a text file may be")
    assert kind == "أكثر من \u206840,000,000\u2069 بايت، أقصى ما يكونه ملف \u2068نص\u2069"
    member = reason_in_interface_language(
        "a.xlsx: 200,000,000 bytes is more than a xlsx file may be"
    )
    assert (
        member
        == "\u2068a.xlsx\u2069: \u2068200,000,000\u2069 بايت أكثر مما يكونه ملف \u2068Excel\u2069"
    )
    # A line no template knows is shown as it is.
    assert reason_in_interface_language("Stale file handle") == "Stale file handle"


def test_in_english_the_importers_words_are_shown_as_they_are(qapp: QApplication) -> None:
    line = "line 12: not valid JSON (Expecting value)"
    assert reason_in_interface_language(line) == line


def _report_details(qtbot: object, tmp_path: Path, results: list) -> list[str]:
    """The details lines the window's import report gives for these files' results."""
    from timeline.library import ImportReport
    from timeline.ui.main_window import MainWindow

    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)  # type: ignore[attr-defined]
        _text, details = win._import_summary(ImportReport(results))
    return details


def test_the_windows_import_report_says_why_in_arabic(
    arabic: None, qtbot: object, tmp_path: Path
) -> None:
    from timeline.library import FileResult

    failed = FileResult(tmp_path / "feed.rss", error="not a feed (no rss, feed or RDF element)")
    skipped = FileResult(tmp_path / "a.jsonl", added=3, rejected=2)
    skipped.rejections = ["line 2: missing or empty 'body'", "line 7: JSON nested too deeply"]
    assert _report_details(qtbot, tmp_path, [failed, skipped]) == [
        "feed.rss: ليست موجزًا (لا عنصر rss ولا feed ولا RDF)",
        "a.jsonl: تُخطّي سجلّان لا يُقرآن مقالةً: السطر \u20682\u2069: الحقل 'body' مفقود أو فارغ؛"
        " السطر \u20687\u2069: JSON متداخل بعمق زائد",
    ]


def test_an_export_of_events_imported_is_said_in_arabic(
    arabic: None, qtbot: object, tmp_path: Path
) -> None:
    # Each export of events the window writes, brought back to the import.
    from timeline.export import Selection, export

    with Store(tmp_path / "t.db") as store:
        library.import_paths(store, [SAMPLES / "02_suez.txt"])
        paths = []
        for fmt, suffix in [
            ("events-csv", "csv"),
            ("events-jsonl", "jsonl"),
            ("events-xlsx", "xlsx"),
            ("chronology", "html"),
            ("png", "png"),
            ("pdf", "pdf"),
        ]:
            paths.append(tmp_path / f"{fmt}.{suffix}")
            export(store, fmt, Selection(), paths[-1])
        report = library.import_paths(store, paths)
    events = (
        "تصدير هذا البرنامج للأحداث، لا للمقالات: صدِّر المقالات (بصيغة CSV أو JSON Lines أو"
        " Excel) واستورد ذاك"
    )
    chronology = (
        "تسلسل زمني للأحداث صدّره هذا البرنامج، لا مقالات: صدِّر المقالات (بصيغة CSV أو JSON"
        " Lines أو Excel) واستورد ذاك"
    )
    image = (
        "صورة خط زمني صدّرها هذا البرنامج، لا مقالة: صدِّر المقالات (بصيغة CSV أو JSON Lines"
        " أو Excel) واستورد ذاك"
    )
    assert _report_details(qtbot, tmp_path, report.files) == [
        f"events-csv.csv: {events}",
        f"events-jsonl.jsonl: {events}",
        f"events-xlsx.xlsx: {events}",
        f"chronology.html: {chronology}",
        f"png.png: {image}",
        f"pdf.pdf: {image}",
    ]


def test_scanned_pages_left_unread_are_said_in_the_report(
    arabic: None, qtbot: object, tmp_path: Path
) -> None:
    from timeline.library import FileResult

    mixed = FileResult(tmp_path / "mixed.pdf", added=1, unread_scans=3)
    (line,) = _report_details(qtbot, tmp_path, [mixed])
    assert line.startswith("mixed.pdf: لم تُقرأ") and "Tesseract" in line and "3" in line


def test_details_in_a_right_to_left_box_are_right_to_left_lines(
    arabic: None, qapp: QApplication
) -> None:
    # A line that began with a file's name was laid out left to right: its Arabic words
    # came in runs read backwards.  (The English box is left as it was.)
    from PySide6.QtWidgets import QMessageBox

    from timeline.ui.plain_text import message_box

    details = "a.jsonl: السطر 2: متن فارغ\nb.rss: الملف فارغ"
    box = message_box(None, QMessageBox.Icon.Information, "t", "x", details)
    assert box.detailedText() == "\u200fa.jsonl: السطر 2: متن فارغ\n\u200fb.rss: الملف فارغ"
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    box = message_box(None, QMessageBox.Icon.Information, "t", "x", details)
    assert box.detailedText() == details


def test_a_file_the_system_would_not_write_is_said_in_arabic(
    arabic: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An export to a full disk: the path, then the C library's English words.
    from PySide6.QtWidgets import QMessageBox

    from timeline.ui import export_dialog
    from timeline.ui.plain_text import message_box

    shown: list[QMessageBox] = []

    def kept(*args: object, **kwargs: object) -> QMessageBox:
        shown.append(message_box(*args, **kwargs))  # type: ignore[arg-type]
        return shown[-1]

    monkeypatch.setattr(export_dialog, "message_box", kept)
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    export_dialog.WindowExporter(window).show_failure("/tmp/out.json: No space left on device")
    (box,) = shown
    assert "لم تبقَ مساحة على القرص" in box.text() and "/tmp/out.json" in box.text()
    box.close()
    window.deleteLater()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl program")
def test_no_certificate_authorities_is_said_in_arabic(
    arabic: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.ingest import BadArticle
    from timeline.ingest.fetch import fetch

    with https_server(tmp_path, "<p>خبر</p>") as (url, _authority):
        monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "none.pem"))
        monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "none"))
        with pytest.raises(BadArticle) as caught:
            fetch(url)
    assert reason_in_interface_language(str(caught.value)) == (
        "تعذّر التحقق من شهادته: لا توجد هنا جهات تصديق مثبّتة"
        " (حزمة \u2068ca-certificates\u2069 في دبيان/أوبونتو)"
    )
