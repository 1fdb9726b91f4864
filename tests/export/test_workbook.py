"""Excel workbook exports (timeline/export/workbook.py): the CSV export's columns in a
sheet, texts never formulas, cells within Excel's limit, imported back the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.export.conftest import snapshot
from timeline.export import Selection, export
from timeline.export import workbook as workbook_module
from timeline.library import import_paths
from timeline.store import Store
from timeline.store.export_data import ARTICLE_COLUMNS, EVENT_COLUMNS


def test_articles_and_events_sheets_with_every_column(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "articles.xlsx"
    assert export(sample_store, "articles-xlsx", Selection(), path) == 14
    sheet = load_workbook(path).active
    assert sheet.title == "articles"
    assert sheet.sheet_view.rightToLeft  # Arabic titles: read right to left
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][: len(ARTICLE_COLUMNS)] == ARTICLE_COLUMNS
    stored = dict(sample_store.db.conn.execute("SELECT id, title FROM articles"))
    assert {row[0]: row[2] for row in rows[1:]} == stored  # ids as numbers, titles as text

    path = tmp_path / "events.xlsx"
    assert export(sample_store, "events-xlsx", Selection(), path) == sample_store.count_events()
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][: len(EVENT_COLUMNS)] == EVENT_COLUMNS
    assert len(rows) - 1 == sample_store.count_events()


def test_an_exported_workbook_imports_back_the_same(
    sample_store: Store, tmp_path: Path, reimport
) -> None:
    path = tmp_path / "articles.xlsx"
    export(sample_store, "articles-xlsx", Selection(), path)
    assert reimport(path) == snapshot(sample_store)
    # Into the library it came from: every article is known.
    report = import_paths(sample_store, [path])
    assert (report.added, report.duplicates) == (0, 14)


def test_texts_stay_texts_controls_are_shown_and_long_cells_are_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reimport
) -> None:
    monkeypatch.setattr(workbook_module, "CELL_CHARS", 200)
    title = '=HYPERLINK("http://example.invalid","click")'
    records = [
        {"title": title, "body": "نص الخبر في 12 مايو 2015\x07 وجرس", "source": "@SUM(1+1)"},
        {"title": "English title", "body": "Long text. " * 40},
        # A noncharacter no XML may hold: the export failed ("All strings must be XML
        # compatible") on it; it is a replacement character.
        {"title": "عنوان \ufffe\uffff", "body": "نص"},
    ]
    feed = tmp_path / "in.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    with Store(tmp_path / "t.db") as store:
        assert import_paths(store, [feed]).added == 3
        path = tmp_path / "out.xlsx"
        cut: list[int] = []
        assert export(store, "articles-xlsx", Selection(), path, cut=cut) == 3
        long_id = store.db.conn.execute(
            "SELECT id FROM articles WHERE title = 'English title'"
        ).fetchone()[0]
    assert cut == [long_id]
    sheet = load_workbook(path).active
    assert not sheet.sheet_view.rightToLeft  # half the titles Arabic at most: left to right
    header = [c.value for c in sheet[1]]
    by_title = {}
    for row in sheet.iter_rows(min_row=2):
        cells = dict(zip(header, row, strict=True))
        assert all(c.data_type != "f" for c in row)  # no formula, whatever a text starts with
        by_title[cells["title"].value] = cells
    guarded = by_title["'" + title]  # after an apostrophe, as the CSV export writes it
    assert guarded["source"].value == "'@SUM(1+1)"
    assert guarded["body"].value == "نص الخبر في 12 مايو 2015\u2407 وجرس"  # the bell's symbol
    long_body = by_title["English title"]["body"].value
    assert len(long_body) == 200 and long_body.endswith("\u2026")
    assert "عنوان \ufffd\ufffd" in by_title
    # The apostrophes go again on import: the formula-like title is the page's own.
    with Store(tmp_path / "again.db") as again:
        assert import_paths(again, [path]).added == 3
        titles = {t for (t,) in again.db.conn.execute("SELECT title FROM articles")}
    assert titles == {title, "English title", "عنوان \ufffd\ufffd"}


def test_the_command_line_needs_a_file_and_says_what_was_cut(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from timeline.cli import cli

    feed = tmp_path / "in.jsonl"
    feed.write_text(json.dumps({"title": "ع", "body": "ن" * 40_000}) + "\n", "utf-8")
    db = tmp_path / "t.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "import", str(feed)]).exit_code == 0
    refused = runner.invoke(cli, ["--db", str(db), "export", "--format", "articles-xlsx"])
    assert refused.exit_code == 2 and "articles-xlsx needs --output FILE" in refused.output
    out = tmp_path / "out.xlsx"
    done = runner.invoke(
        cli, ["--db", str(db), "export", "--format", "articles-xlsx", "--output", str(out)]
    )
    assert done.exit_code == 0, done.output
    assert "1 record with a text cut at a workbook cell's 32,767 characters" in done.output
    (row,) = load_workbook(out).active.iter_rows(min_row=2, values_only=True)
    assert len(row[3]) == 32_767


def test_rows_past_a_sheets_limit_go_on_in_another_sheet(
    sample_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reimport
) -> None:
    # An Excel sheet holds 1,048,576 rows: a workbook of more events was one Excel
    # called damaged.  The rest go on in a second sheet, under the same header, and an
    # import reads every sheet.
    monkeypatch.setattr(workbook_module, "SHEET_ROWS", 6)  # a header and 5 rows a sheet
    path = tmp_path / "articles.xlsx"
    count = export(sample_store, "articles-xlsx", Selection(), path)
    book = load_workbook(path, read_only=True)
    names = book.sheetnames
    assert names[:3] == ["articles", "articles (2)", "articles (3)"]
    assert len(names) == -(-count // 5)
    sheets = [list(book[name].iter_rows(values_only=True)) for name in names]
    assert all(rows[0] == sheets[0][0] for rows in sheets)  # the header on each
    assert [len(rows) - 1 for rows in sheets] == [5] * (len(names) - 1) + [
        count - 5 * (len(names) - 1)
    ]
    assert reimport(path) == snapshot(sample_store)
