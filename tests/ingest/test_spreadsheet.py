"""OpenDocument spreadsheets (.ods): each sheet a table of articles, as a workbook's."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from timeline import library
from timeline.ingest import ArticleFile, BadArticle, Rejected
from timeline.ingest.spreadsheet import read_spreadsheet
from timeline.model import ArticleDraft
from timeline.store import Store

BODY = "قال المتحدث إن الاجتماع سيعقد في الرياض يوم الخميس 23 يوليو 2015."
MORE = "وأضاف أن الوفود ستصل تباعا."
_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
# As LibreOffice ends a row and a sheet: the unused width and height, "repeated".
_ROW_END = '<table:table-cell table:number-columns-repeated="16379"/>'
_SHEET_END = (
    '<table:table-row table:number-rows-repeated="1048570">'
    '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
)


def _cell(value: object) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    if isinstance(value, tuple):  # ("date", "2015-07-21T00:00:00")
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value[1]}">'
            "<text:p>21/07/15</text:p></table:table-cell>"
        )
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in str(value).split("\n"))
    return f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'


def _row(cells: list[object], repeated: int = 1) -> str:
    times = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f"<table:table-row{times}>{''.join(map(_cell, cells))}{_ROW_END}</table:table-row>"


def ods(sheets: dict[str, list[list[object]]], *, content: str | None = None) -> bytes:
    """An .ods file as LibreOffice writes one: mimetype, manifest, content.xml."""
    tables = "".join(
        f'<table:table table:name="{escape(name)}">{"".join(map(_row, rows))}{_SHEET_END}'
        "</table:table>"
        for name, rows in sheets.items()
    )
    xml = content or (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NAMESPACES}'
        f' office:version="1.3"><office:body><office:spreadsheet>{tables}'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
        archive.writestr("content.xml", xml, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


HEADER = ["العنوان", "النص", "التاريخ", "المصدر"]


def _read(data: bytes, max_chars: int = 10**6) -> list[ArticleDraft | tuple[str, str]]:
    return list(read_spreadsheet(data, "x.ods", columns=None, max_chars=max_chars))


def test_a_sheet_of_articles_with_their_dates_and_paragraphs() -> None:
    rows = [
        HEADER,
        ["اجتماع الرياض", f"{BODY}\n{MORE}", ("date", "2015-07-21T00:00:00"), "واس"],
        ["عدد الزوار", BODY, ("date", "2015-07-22T10:20:00"), 2015],
    ]
    first, second = _read(ods({"أخبار": rows}))
    assert isinstance(first, ArticleDraft) and isinstance(second, ArticleDraft)
    assert (first.title, first.body) == ("اجتماع الرياض", f"{BODY}\n{MORE}")
    assert first.published_raw == "2015-07-21"  # a date cell, no time at midnight
    assert (second.published_raw, second.source) == ("2015-07-22T10:20:00", "2015")


def test_every_sheet_with_a_body_column_is_read_and_the_others_said() -> None:
    data = ods(
        {
            "أخبار": [HEADER, ["أ", BODY, None, ""], ["ب", "", None, ""]],
            "ملاحظات": [["اسم", "قيمة"], ["x", "y"]],
            "فارغة": [],
        }
    )
    items = _read(data)
    assert [i.title for i in items if isinstance(i, ArticleDraft)] == ["أ"]
    reasons = [i for i in items if isinstance(i, tuple)]
    assert reasons[0][0] == "أخبار: row 3"
    assert reasons[1][0] == "ملاحظات" and "no body column" in reasons[1][1]


def test_a_reports_title_over_its_table_is_passed_over() -> None:
    # As in a workbook: a title, a blank row and a note of one cell over the header.
    rows = [["تقرير الأخبار"], [], [None, "أعد في 14 مارس"], HEADER, ["أ", BODY, None, ""]]
    (draft,) = _read(ods({"أخبار": rows}))
    assert isinstance(draft, ArticleDraft) and (draft.title, draft.body) == ("أ", BODY)
    (reason,) = _read(ods({"أ": [["تقرير"], ["اسم", "قيمة"], ["x", BODY]], "ب": [HEADER]}))
    assert reason[0] == "أ" and "'اسم', 'قيمة'" in reason[1]


def test_repeated_rows_and_cells_are_never_made() -> None:
    """LibreOffice's million repeated empty rows of 16,384 cells: passed over; a row
    with text repeated is read once, and the rows after it keep their numbers."""
    xml = (
        f'<?xml version="1.0"?><office:document-content {_NAMESPACES}><office:body>'
        f'<office:spreadsheet><table:table table:name="s">{_row(HEADER)}'
        f"{_row(['أ', BODY, None, ''], repeated=3)}{_row([None], repeated=1_000_000)}"
        f"{_row(['ب', '', None, ''])}{_SHEET_END}</table:table></office:spreadsheet>"
        "</office:body></office:document-content>"
    )
    items = _read(ods({}, content=xml))
    assert [i.title for i in items if isinstance(i, ArticleDraft)] == ["أ"]
    assert [i[0] for i in items if isinstance(i, tuple)] == ["row 1000005"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"title,body\n", r"^not an OpenDocument spreadsheet \(an \.ods file is a zip archive\)$"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), r"save it as \.ods, \.xlsx or CSV"),
        (ods({}, content="<office:document-content"), r"^not a readable OpenDocument spreadsheet"),
        (
            ods({}, content='<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'),
            r"\(it declares entities\)$",
        ),
        (ods({"s": []}), r"^empty: no sheet has a header row$"),
    ],
)
def test_what_is_no_spreadsheet_is_refused_in_one_line(data: bytes, reason: str) -> None:
    with pytest.raises(BadArticle, match=reason):
        _read(data)


def test_a_cell_past_an_articles_length_is_a_skipped_row() -> None:
    items = _read(ods({"s": [HEADER, ["أ", BODY * 10, None, ""], ["ب", BODY, None, ""]]}), 200)
    assert items[0] == ("row 2", "longer than the 200 characters a cell may be")
    assert isinstance(items[1], ArticleDraft) and items[1].title == "ب"


def test_spans_nested_beyond_the_interpreters_reach_fail_in_one_line() -> None:
    deep = "<text:span>" * 5000 + "x" + "</text:span>" * 5000
    xml = (
        f'<?xml version="1.0"?><office:document-content {_NAMESPACES}><office:body>'
        f'<office:spreadsheet><table:table table:name="s">{_row(HEADER)}'
        f"<table:table-row><table:table-cell><text:p>أ</text:p></table:table-cell>"
        f"<table:table-cell><text:p>{deep}</text:p></table:table-cell></table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with pytest.raises(BadArticle, match=r"^not a readable OpenDocument spreadsheet"):
        _read(ods({}, content=xml))


def test_imported_like_a_workbook_with_its_dates(tmp_path: Path) -> None:
    path = tmp_path / "أخبار.ods"
    path.write_bytes(
        ods({"s": [HEADER, ["اجتماع الرياض", BODY, ("date", "2015-07-21T00:00:00"), "واس"]]})
    )
    with ArticleFile(path) as read:
        (draft,) = list(read)
    assert not isinstance(draft, Rejected) and draft.source == "واس"
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, [path])
        assert (report.added, report.failed) == (1, [])
        assert {"2015-07-21", "2015-07-23"} <= {e.value for e in store.events_of(1)}


def test_a_cell_merged_down_over_rows_gives_each_of_them_its_value() -> None:
    # As in a workbook: a source merged down over the rows was the first row's alone.
    def merged(text: str, rows: int = 1, columns: int = 1) -> str:
        spans = f' table:number-rows-spanned="{rows}" table:number-columns-spanned="{columns}"'
        return (
            f'<table:table-cell office:value-type="string"{spans}>'
            f"<text:p>{text}</text:p></table:table-cell>"
        )

    covered = "<table:covered-table-cell/>"
    two_covered = '<table:covered-table-cell table:number-columns-repeated="2"/>'
    rows = [
        # title, date, body, source, tags (the tags' name merged down over row 2)
        [*map(_cell, ["العنوان", "التاريخ", "النص", "المصدر"]), merged("الوسوم", rows=2)],
        [_cell("2"), merged("2015-07-21", rows=2), _cell(BODY), merged("واس", rows=4), covered],
        [_cell("3"), covered, _cell(BODY), covered],
        [_cell("4"), _cell(None), _cell(BODY), covered],
        [_cell("5"), _cell(None), _cell(BODY), covered],
        # a title across the date's cell; a source across the tags' cell and down, past
        # the last article (an empty row stays empty)
        [merged("6", columns=2), covered, _cell(BODY), merged("سبق", rows=3, columns=2), covered],
        [*map(_cell, ["7", None, BODY]), two_covered],
        [*map(_cell, [None, None, None]), two_covered],
    ]
    table = "".join(f"<table:table-row>{''.join(row)}{_ROW_END}</table:table-row>" for row in rows)
    xml = (
        f'<?xml version="1.0"?><office:document-content {_NAMESPACES}><office:body>'
        f'<office:spreadsheet><table:table table:name="s">{table}{_SHEET_END}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    items = _read(ods({}, content=xml))
    assert not [i for i in items if isinstance(i, tuple)]
    drafts = [d for d in items if isinstance(d, ArticleDraft)]
    assert [(d.title, d.published_raw, d.source, d.tags) for d in drafts] == [
        ("2", "2015-07-21", "واس", ()),
        ("3", "2015-07-21", "واس", ()),
        ("4", "", "واس", ()),
        ("5", "", "واس", ()),
        ("6", "", "سبق", ()),
        ("7", "", "سبق", ()),
    ]


def test_a_cells_value_held_in_its_attributes_alone_is_read() -> None:
    # Writers other than LibreOffice may give a string cell its value as
    # office:string-value and no paragraph, and a number or a date no paragraph, or a
    # number its paragraph and no value attribute; each read as empty.
    def bare(kind: str, attributes: str) -> str:
        return f'<table:table-cell office:value-type="{kind}" {attributes}/>'

    row = [
        bare("string", f'office:string-value="{escape("اجتماع الرياض")}"'),
        bare("string", f'office:string-value="{escape(BODY)}"'),
        bare("date", 'office:date-value="2015-07-21T00:00:00"'),
        '<table:table-cell office:value-type="float"><text:p>2015</text:p></table:table-cell>',
    ]
    table = f"{_row(HEADER)}<table:table-row>{''.join(row)}{_ROW_END}</table:table-row>"
    xml = (
        f'<?xml version="1.0"?><office:document-content {_NAMESPACES}><office:body>'
        f'<office:spreadsheet><table:table table:name="s">{table}{_SHEET_END}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    (draft,) = _read(ods({}, content=xml))
    assert isinstance(draft, ArticleDraft)
    assert (draft.title, draft.body) == ("اجتماع الرياض", BODY)
    assert (draft.published_raw, draft.source) == ("2015-07-21", "2015")
    # A cell's paragraphs are its text where it has both (its lines kept).
    both = (
        '<table:table-cell office:value-type="string" office:string-value="x">'
        f"<text:p>{escape(BODY)}</text:p><text:p>{escape(MORE)}</text:p></table:table-cell>"
    )
    (draft,) = _read(ods({}, content=xml.replace(row[1], both)))
    assert isinstance(draft, ArticleDraft) and draft.body == f"{BODY}\n{MORE}"
