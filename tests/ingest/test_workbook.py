"""Excel workbooks (.xlsx): sheets read as tables (timeline/ingest/workbook.py)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from timeline import library
from timeline.ingest import ArticleFile, BadArticle, Rejected, read_articles
from timeline.ingest import workbook as workbook_module
from timeline.model import ArticleDraft
from timeline.store import Store

BODY = "قال المتحدث إن الاجتماع سيعقد في الرياض بحضور الوزراء والسفراء."


def _items(path: Path, columns: dict[str, str] | None = None) -> list[ArticleDraft | Rejected]:
    with ArticleFile(path, columns) as read:
        return list(read)


def _one_article(header: tuple[str, str] = ("title", "body")) -> Workbook:
    """A workbook of one sheet: a header row and one article under it."""
    book = Workbook()
    book.active.append(list(header))
    book.active.append(["أ", BODY])
    return book


def test_a_sheet_with_arabic_headers_dates_and_numbers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["العنوان", "النص", "التاريخ", "المصدر", "الوسوم"])
    sheet.append(["عنوان أول", BODY, datetime(2015, 7, 21), "سبق", "سياسة; الرياض"])
    sheet.append([])  # an empty row: nothing, and the rows after it keep their numbers
    sheet.append(["عنوان ثان", BODY + " 2", datetime(2015, 7, 22, 10, 30), 2015.0, None])
    sheet.append(["بلا نص", None, date(2015, 7, 23)])
    sheet.append([None, "نص بلا عنوان: " + BODY, "21/07/2015"])
    sheet.append([12, BODY + " 3", 1437480000])  # a number as the title; Unix time
    path = tmp_path / "أخبار.xlsx"
    book.save(path)

    items = _items(path)
    drafts = [d for d in items if isinstance(d, ArticleDraft)]
    assert [(d.title, d.published_raw, d.source) for d in drafts] == [
        ("عنوان أول", "2015-07-21", "سبق"),  # a date cell: its day, not midnight
        ("عنوان ثان", "2015-07-22T10:30", "2015"),  # a whole number without ".0"
        ("نص بلا عنوان: " + BODY, "21/07/2015", ""),
        ("12", "1437480000", ""),
    ]
    assert drafts[0].tags == ("سياسة", "الرياض")
    assert drafts[2].untitled
    assert [(r.where, r.reason) for r in items if isinstance(r, Rejected)] == [
        ("row 5", "empty body")
    ]
    assert all(d.origin.endswith("أخبار.xlsx") for d in drafts)


def test_every_sheet_with_a_body_column_is_read(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "يوليو"
    book.active.append(["title", "text"])
    book.active.append(["أ", BODY])
    book.create_sheet("notes").append(["who", "when"])  # no body column: said, skipped
    book.create_sheet("empty")
    august = book.create_sheet("أغسطس")
    august.append(["title", "text"])
    august.append(["ب", BODY + " ب"])
    august.append(["ج", ""])
    path = tmp_path / "months.xlsx"
    book.save(path)

    items = _items(path)
    assert [d.title for d in items if isinstance(d, ArticleDraft)] == ["أ", "ب"]
    assert [(r.where, r.reason.split(";")[0]) for r in items if isinstance(r, Rejected)] == [
        ("notes", "no body column"),
        ("أغسطس: row 3", "empty body"),
    ]


def test_columns_named_by_hand_and_a_workbook_without_a_body_column(tmp_path: Path) -> None:
    book = _one_article(("Headline", "Story"))
    path = tmp_path / "named.xlsx"
    book.save(path)
    with pytest.raises(BadArticle, match="no body column; the headers are: 'Headline', 'Story'"):
        _items(path)
    (draft,) = _items(path, {"title": "Headline", "body": "Story"})
    assert isinstance(draft, ArticleDraft) and (draft.title, draft.body) == ("أ", BODY)


def test_a_reports_title_and_notes_above_its_table_are_passed_over(tmp_path: Path) -> None:
    # A report's sheet with its title, a blank row and a note over the header was
    # refused: "no body column; the headers are: 'تقرير الأخبار الأسبوعي'".
    book = Workbook()
    sheet = book.active
    sheet.append(["تقرير الأخبار الأسبوعي"])
    sheet.append([])
    sheet.append([None, "أعد في 2015-03-14"])
    sheet.append(["العنوان", "النص", "التاريخ"])
    sheet.append(["أ", BODY, "2015-03-12"])
    path = tmp_path / "report.xlsx"
    book.save(path)
    (draft,) = _items(path)
    assert isinstance(draft, ArticleDraft)
    assert (draft.title, draft.body, draft.published_raw) == ("أ", BODY, "2015-03-12")
    # A row of two cells or more is the header, whatever it names: a data row under an
    # unnamed header is never taken for one.
    book = Workbook()
    book.active.append(["تقرير"])  # and the header's own names are said, not the title's
    book.active.append(["Headline", "Story"])
    book.active.append(["أ", "النص"])
    book.save(path)
    with pytest.raises(BadArticle, match="the headers are: 'Headline', 'Story'"):
        _items(path)


def test_formulas_give_their_saved_values_and_are_never_computed(tmp_path: Path) -> None:
    # openpyxl writes a formula without its value (as a script would); Excel saves both.
    book = Workbook()
    book.active.append(["title", "body", "date"])
    book.active.append(['=HYPERLINK("http://evil.example","x")', BODY, "=TODAY()"])
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    (draft,) = _items(path)
    assert isinstance(draft, ArticleDraft)
    assert (draft.title, draft.published_raw) == (BODY, "")  # no value saved: no title, no date


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "an Excel 97-2003 workbook (.xls)"),
        ("title,body\nأ,ب\n".encode(), "not an Excel workbook (an .xlsx file is a zip archive)"),
        (b"", "not an Excel workbook"),
    ],
)
def test_a_file_that_is_no_workbook_is_said_in_one_line(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(content)
    with pytest.raises(BadArticle) as caught:
        _items(path)
    assert str(caught.value).startswith(reason) and "\n" not in str(caught.value)


def test_an_old_excel_file_by_its_name(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(BadArticle, match=r"Excel 97-2003 workbook \(\.xls\): save it as \.xlsx"):
        _items(path)


def _saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_damaged_workbook_fails_alone_and_stores_nothing(tmp_path: Path) -> None:
    book = _one_article()
    good = tmp_path / "good.xlsx"
    book.save(good)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[:-200])  # cut short: the zip's directory is gone
    # A part whose XML is broken.
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            out.writestr(item, data)
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, [cut, broken, good])
        assert store.count_articles() == 1
    errors = {r.path.name: r.error for r in report.files}
    assert errors["good.xlsx"] is None
    assert errors["cut.xlsx"] and errors["cut.xlsx"].startswith("not an Excel workbook")
    assert errors["broken.xlsx"] and "not a readable Excel" in errors["broken.xlsx"]


def test_a_part_that_inflates_past_the_cap_is_refused_whatever_its_stated_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook_module, "MAX_WORKBOOK_INFLATED", 1024 * 1024)
    book = _one_article()
    data = _saved(book)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(bomb, "w") as out:
        for item in src.infolist():
            out.writestr(item, src.read(item), compress_type=zipfile.ZIP_DEFLATED)
        out.writestr("xl/padding.xml", b" " * (2 * 1024 * 1024), zipfile.ZIP_DEFLATED)
    with pytest.raises(BadArticle, match=r"xl/padding\.xml: inflates to more than 1,048,576 bytes"):
        _items(bomb)


_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(1, 10))
    + "]>"
).replace("&lol0;", "&lol;")


@pytest.mark.parametrize(
    "declared",
    [_LAUGHS, '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'],
    ids=["billion-laughs", "external-entity"],
)
def test_a_sheet_that_declares_entities_is_refused_in_the_imports_words(
    tmp_path: Path, declared: str
) -> None:
    """defusedxml refuses it, never expanded nor fetched; openpyxl said "Unable to read
    workbook ... Please see the exception for more details" of an exception not shown."""
    data = _saved(_one_article())
    hostile = tmp_path / "entities.xlsx"
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(hostile, "w") as out:
        for item in src.infolist():
            part = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml = part.decode()
                at = xml.index("?>") + 2 if xml.startswith("<?xml") else 0
                part = (xml[:at] + declared + xml[at:]).encode()
            out.writestr(item, part, compress_type=zipfile.ZIP_DEFLATED)
    with pytest.raises(BadArticle) as refused:
        _items(hostile)
    assert str(refused.value) == "XML that declares entities is not read (EntitiesForbidden)"


def test_a_workbook_in_a_zip_and_through_read_articles(tmp_path: Path) -> None:
    book = _one_article()
    archive = tmp_path / "sheets.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("news/july.xlsx", _saved(book))
    (draft,) = list(read_articles(archive))
    assert isinstance(draft, ArticleDraft) and draft.title == "أ"
    assert draft.origin.endswith("sheets.zip/news/july.xlsx")


def test_a_large_workbooks_reading_shows_its_progress(tmp_path: Path) -> None:
    # Read whole at once, its rows one by one: the position follows the rows, not the
    # bytes (which are all read before the first row is).
    book = Workbook()
    book.active.append(["title", "body"])
    for n in range(200):
        book.active.append([f"عنوان {n}", f"{BODY} {n}"])
    path = tmp_path / "big.xlsx"
    book.save(path)
    positions = []
    with ArticleFile(path) as read:
        for _item in read:
            positions.append(read.position)
        size = read.size
        assert read.position == size
    assert len(positions) == 200
    assert positions == sorted(positions)
    assert positions[0] < size * 0.05 and size * 0.45 < positions[99] < size * 0.55


def test_a_sheet_formatted_across_every_column_is_read_as_wide_as_its_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Excel writes a dimension of A1:XFD... for a sheet whose whole rows were formatted;
    # openpyxl then gives every row 16,384 cells (6 s for 5,000 rows, a million: hours).
    book = Workbook()
    book.active.append(["title", "body"])
    for n in range(50):
        book.active.append([f"عنوان {n}", f"{BODY} {n}"])
    wide = tmp_path / "wide.xlsx"
    with zipfile.ZipFile(io.BytesIO(_saved(book))) as src, zipfile.ZipFile(wide, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(
                    rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', data
                )
                assert b"XFD" in data
            out.writestr(item, data)
    widths: list[int] = []
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    real = ReadOnlyWorksheet._cells_by_row

    def measured(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        for row in real(self, *args, **kwargs):
            widths.append(len(row))
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", measured)
    items = _items(wide)
    assert len([d for d in items if isinstance(d, ArticleDraft)]) == 50
    assert max(widths) <= workbook_module.MAX_COLUMNS and widths[-1] == 2


def test_a_cell_merged_down_over_rows_gives_each_of_them_its_value(tmp_path: Path) -> None:
    # A column of one value is often filled by merging its first cell down over the
    # rows: the rows under the first read as empty, their source lost without a word.
    book = Workbook()
    sheet = book.active
    sheet.append(["title", "date", "body", "source", "tags"])
    for n in range(2, 8):
        sheet.append([f"عنوان {n}", None, f"{BODY} {n}"])
    sheet["B2"], sheet["D2"], sheet["D6"] = "2015-07-21", "واس", "سبق"
    sheet.merge_cells("B2:B3")  # a date over two rows
    sheet.merge_cells("D2:D5")  # a source over four
    sheet.merge_cells("A6:B6")  # a title across the date's cell: no date for it
    sheet.merge_cells("D6:E9")  # across and down (its own column only), past the rows
    sheet.merge_cells("E1:E2")  # a header's name is no row's value
    path = tmp_path / "merged.xlsx"
    book.save(path)
    items = _items(path)
    assert not [r for r in items if isinstance(r, Rejected)]  # an empty row stays empty
    drafts = [d for d in items if isinstance(d, ArticleDraft)]
    assert [(d.title, d.published_raw, d.source, d.tags) for d in drafts] == [
        ("عنوان 2", "2015-07-21", "واس", ()),
        ("عنوان 3", "2015-07-21", "واس", ()),
        ("عنوان 4", "", "واس", ()),
        ("عنوان 5", "", "واس", ()),
        ("عنوان 6", "", "سبق", ()),
        ("عنوان 7", "", "سبق", ()),
    ]
