"""The program's own exports of events (CSV, JSON Lines, a workbook, the chronology page,
the image of the timeline as PNG or PDF) imported as articles: refused whole with a line that says what the file is and what to
import instead, the library left as it was (timeline/ingest/own_exports.py)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.edits.test_export_edits import edited  # noqa: F401
from tests.edits.test_survival import filled, source_file  # noqa: F401
from tests.export.conftest import library_of
from timeline import library
from timeline.cli import cli
from timeline.export import Selection, export
from timeline.ingest.own_exports import (
    CHRONOLOGY,
    EVENTS_EXPORT,
    IMAGE_CREATOR,
    IMAGE_EXPORT,
    png_software,
)
from timeline.store import Store
from timeline.timescale import LabelStyle

# Every export of events the exporter writes, and what an import says of it.
EVENT_FORMATS = [
    ("events-csv", "csv", EVENTS_EXPORT),
    ("events-jsonl", "jsonl", EVENTS_EXPORT),
    ("events-xlsx", "xlsx", EVENTS_EXPORT),
    ("chronology", "html", CHRONOLOGY),
    # Read by OCR or as a PDF's text, the image made an article of its axis and labels:
    # titled "1895", published in 1890.
    ("png", "png", IMAGE_EXPORT),
    ("pdf", "pdf", IMAGE_EXPORT),
]


def library_dump(store: Store) -> list[str]:
    """Every table's rows, as SQL: what an import must leave as it was."""
    return list(store.conn.iterdump())


@pytest.mark.parametrize(("fmt", "suffix", "said"), EVENT_FORMATS)
def test_an_export_of_events_imported_as_articles_is_refused_whole(
    edited: Store,  # noqa: F811
    tmp_path: Path,
    fmt: str,
    suffix: str,
    said: str,
) -> None:
    # Its hidden and added events among them, as a user exports everything.
    path = tmp_path / f"out.{suffix}"
    assert export(edited, fmt, Selection(with_hidden=True), path) > 0
    before = library_dump(edited)
    report = library.import_paths(edited, [path])
    assert [r.error for r in report.files] == [said]
    assert (report.added, report.duplicates, report.rejected) == (0, 0, 0)
    assert library_dump(edited) == before


@pytest.mark.parametrize(
    "how",
    ["named as articles", "compressed", "english chronology", "empty chronology"],
)
def test_an_export_of_events_is_known_by_its_shape(
    edited: Store,  # noqa: F811
    tmp_path: Path,
    how: str,
) -> None:
    # Not by its name: a file called articles.csv, a compressed one, a chronology in
    # English, one of no events.
    if how in ("named as articles", "compressed"):
        path = tmp_path / "articles.csv"
        export(edited, "events-csv", Selection(), path)
        if how == "compressed":
            packed = tmp_path / "events.csv.gz"
            packed.write_bytes(gzip.compress(path.read_bytes()))
            path = packed
        said = EVENTS_EXPORT
    else:
        path = tmp_path / "page.html"
        style = LabelStyle(language="en" if how == "english chronology" else "ar")
        chosen = Selection(query="كلمةلاتوجد") if how == "empty chronology" else Selection()
        export(edited, "chronology", chosen, path, style=style)
        said = CHRONOLOGY
    before = library_dump(edited)
    report = library.import_paths(edited, [path])
    assert [r.error for r in report.files] == [said]
    assert library_dump(edited) == before


def test_a_page_that_only_looks_like_one_is_read_as_a_page(tmp_path: Path) -> None:
    # A news page with an "about" paragraph and a list of dated items: an article.
    page = tmp_path / "news.html"
    body = "أعلنت الوزارة اليوم خطة جديدة للنقل العام في المدن الكبرى. " * 8
    page.write_text(
        "<html><head><title>خطة النقل</title><style>.about { color: #666; }</style></head>"
        f"<body><article><h1>خطة النقل</h1><p>{body}</p></article>"
        '<ol><li><time datetime="2021-05-22">22 مايو</time></li></ol>'
        '<p class="about">عن الموقع</p></body></html>',
        "utf-8",
    )
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, [page])
    assert (report.added, report.failed) == (1, [])


def test_a_table_of_events_the_user_names_a_body_of_is_read(
    edited: Store,  # noqa: F811
    tmp_path: Path,
) -> None:
    # Told which column is the text (--columns body=label), the user means it.
    path = tmp_path / "events.csv"
    count = export(edited, "events-csv", Selection(), path)
    report = library.import_paths(edited, [path], columns={"body": "label"})
    assert not report.failed and report.added + report.duplicates + report.rejected == count


def test_the_command_line_says_it_in_one_line(
    edited: Store,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = tmp_path / "events.jsonl"
    export(edited, "events-jsonl", Selection(), path)
    db = tmp_path / "new.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "import", str(path)])
    assert result.exit_code == 1
    assert f"failed: {path}: {EVENTS_EXPORT}\n" in result.output
    assert "0 added, 0 already stored, 1 failed file" in result.output
    with Store(db) as store:
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)


def test_a_picture_or_pdf_of_another_program_is_not_taken_for_an_image_of_ours(
    tmp_path: Path,
) -> None:
    # The mark is this program's name in the PNG's Software text (the PDF's Creator):
    # Qt writes none of its own, and another program's name is not this one's.
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage, QImageWriter

    def png(software: str | None) -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QImageWriter(buffer, b"png")
        if software is not None:
            writer.setText("Software", software)
        image = QImage(4, 4, QImage.Format.Format_RGB32)
        image.fill(0)
        assert writer.write(image)
        return bytes(buffer.data().data())

    assert png_software(png(IMAGE_CREATOR)) == IMAGE_CREATOR
    assert png_software(png("GIMP 2.10")) == "GIMP 2.10"
    assert png_software(png(None)) == ""
    assert png_software(b"\xff\xd8\xff\xe0 a JPEG") == ""


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [
        ("articles-csv", "csv"),
        ("articles-jsonl", "jsonl"),
        ("articles-xlsx", "xlsx"),
        ("timelinejs", "json"),
    ],
)
def test_a_text_holding_a_character_reference_comes_back_as_it_is(
    tmp_path: Path, fmt: str, suffix: str
) -> None:
    """An article whose text really holds "&amp;" (a feed's "&amp;amp;", decoded once)
    came back from the program's own export as "&": the references were decoded again
    on import.  The program's own records hold their texts as stored; another program's
    JSON still has its references decoded."""
    record = {
        "title": "سؤال &amp;amp; جواب",
        "body": "كتب المحرر &amp;amp; و&amp;lt;b&amp;gt; في 5 مارس 2015.",
        "published": "2015-03-06",
        "author": "أ &amp;amp; ب",
        "source": "ص &amp;amp; ع",
    }
    path = tmp_path / f"out.{suffix}"
    with library_of(tmp_path, record) as (first, _feed):
        (stored,) = first.articles()
        export(first, fmt, Selection(), path)
    with Store(tmp_path / "b.db") as again:
        assert library.import_paths(again, [path]).added == 1
        (back,) = again.articles()
    assert stored.title == "سؤال &amp; جواب" and stored.body.startswith(
        "كتب المحرر &amp; و&lt;b&gt;"
    )
    fields = ("title", "body", "author", "source")
    assert [getattr(back, f) for f in fields] == [getattr(stored, f) for f in fields]
