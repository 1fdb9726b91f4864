"""OpenDocument spreadsheets (.ods, LibreOffice Calc's own format): each sheet a table,
its columns found and its rows read as an Excel workbook's are (tabular.find_columns,
tabular.row_draft).

An .ods file is a zip archive: every part is inflated once and counted first
(office.check_parts, as for a workbook), then content.xml is parsed by defusedxml
(entity declarations refused) a row at a time, each row let go once read.  A cell's
value is written as the table's text would be: a date as ISO 8601 (without its time at
midnight), a whole number without ".0", TRUE and FALSE, text as its paragraphs (one a
line, ODF's white space rule kept) or, where it has none, as its office:string-value
(writers other than LibreOffice may hold a string there alone).  A cell merged down
over rows gives the cells it covers its value, as in a workbook; a merge across columns
gives them nothing.

LibreOffice writes a sheet's unused width and height as one cell or row "repeated"
a thousand or a million times: a repeated empty row is skipped without being made, a
row is at most MAX_COLUMNS wide, and a row repeated with text in it is read once (its
copies would be the same article).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from typing import Any

from timeline.ingest.document import _ODF_OFFICE, _ODF_TABLE, _ODF_TEXT, _odf_paragraph
from timeline.ingest.errors import BadArticle
from timeline.ingest.office import check_parts, said
from timeline.ingest.reading import Reading
from timeline.ingest.tabular import (
    HEADER_CANDIDATES,
    find_columns,
    is_own_export,
    over_a_table,
    row_width,
)
from timeline.ingest.workbook import (
    HEADER_ROWS,
    MAX_COLUMNS,
    MAX_WORKBOOK_INFLATED,
    sheet_row,
)
from timeline.model import ArticleDraft

# What content.xml may be (it is read whole, then parsed a row at a time).
MAX_CONTENT_XML = 256 * 1024 * 1024

_TABLE = f"{{{_ODF_TABLE}}}table"
_ROW = f"{{{_ODF_TABLE}}}table-row"
_COVERED = f"{{{_ODF_TABLE}}}covered-table-cell"
_CELLS = (f"{{{_ODF_TABLE}}}table-cell", _COVERED)
_NAME = f"{{{_ODF_TABLE}}}name"
_ROWS_REPEATED = f"{{{_ODF_TABLE}}}number-rows-repeated"
_COLUMNS_REPEATED = f"{{{_ODF_TABLE}}}number-columns-repeated"
_ROWS_SPANNED = f"{{{_ODF_TABLE}}}number-rows-spanned"
_VALUE_TYPE = f"{{{_ODF_OFFICE}}}value-type"
_VALUE = f"{{{_ODF_OFFICE}}}value"
_DATE_VALUE = f"{{{_ODF_OFFICE}}}date-value"
_BOOLEAN_VALUE = f"{{{_ODF_OFFICE}}}boolean-value"
_STRING_VALUE = f"{{{_ODF_OFFICE}}}string-value"
_PARAGRAPHS = (f"{{{_ODF_TEXT}}}p", f"{{{_ODF_TEXT}}}h")


def _repeated(element: Any, name: str) -> int:
    value = element.get(name, "1")
    return max(1, int(value)) if value.isdigit() and len(value) <= 9 else 1


def _cell_text(cell: Any) -> str:
    """A cell's value: a number's, a date's or a truth value's from its attribute, else
    its paragraphs, else its office:string-value (a string cell some writers give no
    paragraph)."""
    kind = cell.get(_VALUE_TYPE, "")
    if kind in ("float", "percentage", "currency") and (value := cell.get(_VALUE)) is not None:
        try:
            number = float(value)
        except ValueError:
            return value
        return str(int(number)) if number.is_integer() and abs(number) < 1e15 else value
    if kind == "date" and (value := cell.get(_DATE_VALUE)) is not None:
        return value[:10] if value.endswith("T00:00:00") else value
    if kind == "boolean" and (value := cell.get(_BOOLEAN_VALUE)) is not None:
        return "TRUE" if value == "true" else "FALSE"
    lines: list[str] = []
    for paragraph in cell:
        if paragraph.tag in _PARAGRAPHS:
            _odf_paragraph(paragraph, lines)
    text = "\n".join(lines)
    return text if text.strip() else cell.get(_STRING_VALUE, text)


def _cells(row: Any, number: int, merged: dict[int, tuple[int, str]]) -> list[str]:
    """A row's cells as text, a repeated cell as its copies, at most MAX_COLUMNS.

    A cell merged down over the rows under it (table:number-rows-spanned) is kept in
    `merged` (column: its last row, its text), and the cells it covers in its column
    read as it, in rows with text of their own.  A merge across columns gives nothing
    (the cells it covers belong to other fields)."""
    cells: list[str] = []
    covered: list[int] = []
    for cell in row:
        if cell.tag not in _CELLS:
            continue
        text = _cell_text(cell)
        copies = min(_repeated(cell, _COLUMNS_REPEATED), MAX_COLUMNS - len(cells))
        if cell.tag == _COVERED:
            if merged:
                covered.extend(range(len(cells), len(cells) + copies))
        elif cell.get(_ROWS_SPANNED) is not None:
            merged[len(cells)] = (number + _repeated(cell, _ROWS_SPANNED) - 1, text)
        cells.extend([text] * copies)
        if len(cells) >= MAX_COLUMNS:
            break
    if covered and any(cell.strip() for cell in cells):
        for column in covered:
            last, text = merged.get(column, (0, ""))
            if number <= last:
                cells[column] = text
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def _rows(
    xml: bytes, reading: Reading | None, merged: dict[int, tuple[int, str]]
) -> Iterator[tuple[str, int, list[str]]]:
    """(sheet, row number, cells) of each row with text, in order; a sheet's first row
    number is 1.  Each row is let go from the tree once read.  `merged` as _cells's,
    emptied at each sheet's start."""
    import defusedxml.ElementTree

    stream = io.BytesIO(xml)
    stack: list[Any] = []
    sheet, number = "", 0
    for event, element in defusedxml.ElementTree.iterparse(
        stream, events=("start", "end"), forbid_dtd=True
    ):
        if event == "start":
            stack.append(element)
            if element.tag == _TABLE:
                sheet, number = element.get(_NAME, ""), 0
                merged.clear()
            continue
        stack.pop()
        if element.tag != _ROW:
            continue
        first = number + 1
        number += _repeated(element, _ROWS_REPEATED)
        cells = _cells(element, first, merged)
        if stack:
            stack[-1].remove(element)  # read: let it go (a sheet of a million rows)
        if reading is not None and xml:
            reading.share_read = min(stream.tell() / len(xml), 1.0)
        if cells:
            yield sheet, first, cells


def read_spreadsheet(
    data: bytes,
    origin: str,
    *,
    columns: Mapping[str, str] | None,
    max_chars: int,
    reading: Reading | None = None,
) -> Iterator[ArticleDraft | tuple[str, str]]:
    """Drafts, and (where, reason) for rows that are not articles, of every sheet whose
    header names a body column (given one, with --columns); BadArticle when none does."""
    import zipfile  # here: it loads shutil, which `timeline extract` avoids

    from defusedxml import DefusedXmlException

    check_parts(
        data,
        cap=MAX_WORKBOOK_INFLATED,
        what="OpenDocument spreadsheet",
        not_zip="not an OpenDocument spreadsheet (an .ods file is a zip archive)",
        old="an Excel 97-2003 workbook (.xls): save it as .ods, .xlsx or CSV and import that",
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        part = next((m for m in archive.infolist() if m.filename == "content.xml"), None)
        if part is None:
            raise BadArticle("not an OpenDocument spreadsheet (it holds no content)")
        if part.file_size > MAX_CONTENT_XML:
            raise BadArticle(
                f"its content is {part.file_size:,} bytes, more than the"
                f" {MAX_CONTENT_XML:,} a spreadsheet may be"
            )
        xml = archive.read(part)
    several = xml.count(b"<table:table ") > 1
    read_one = False
    problem: BadArticle | None = None
    skipped: str | None = None  # a sheet without a header: its rows are passed over
    header: list[str] | None = None
    index: dict[str, int] = {}
    own = False
    current: str | None = None
    tried, first = 0, None  # the rows looked at for the sheet's header, the first's fault
    merged: dict[int, tuple[int, str]] = {}  # _cells's cells merged down over rows
    try:
        for sheet, number, cells in _rows(xml, reading, merged):
            prefix = f"{sheet}: " if several else ""
            if sheet != current:
                current, header, skipped, tried, first = sheet, None, None, 0, None
            if skipped == sheet:
                continue
            if header is None:
                # A merge that starts in the header or above it gives no row its text
                # (_rows reads the next row only when asked for it).
                merged.clear()
                if number > HEADER_ROWS:
                    skipped = sheet  # no header in its first rows: not a table of articles
                    continue
                try:
                    index = find_columns(cells, columns)
                except BadArticle as exc:
                    # A title, a date or a note of one cell over a report's table is
                    # passed over, as in a workbook (workbook._header).
                    tried += 1
                    over = over_a_table(cells)
                    if over and tried < HEADER_CANDIDATES:
                        first = first or exc
                        continue
                    fault = (first or exc) if over else exc  # else the header's own
                    problem = problem or fault
                    if several:
                        yield sheet, str(fault)
                    skipped = sheet
                    continue
                header = cells
                read_one, own = True, is_own_export(header)
                continue
            width = row_width(index)
            row = cells[:width] + [""] * (width - len(cells))
            item = sheet_row(row, index, origin, own, f"{prefix}row {number}", max_chars)
            if item is not None:
                yield item
    except DefusedXmlException as exc:
        raise BadArticle("not a readable OpenDocument spreadsheet (it declares entities)") from exc
    except BadArticle:
        raise
    except Exception as exc:  # ElementTree's ParseError part way through; spans nested
        # deeper than the interpreter's recursion
        raise BadArticle(f"not a readable OpenDocument spreadsheet ({said(exc)})") from exc
    if not read_one:
        raise problem or BadArticle("empty: no sheet has a header row")
