"""Excel workbooks (.xlsx): each sheet a table, its columns found and its rows read as a
CSV file's are (tabular.find_columns, tabular.row_draft).

Read with openpyxl in its read-only mode (a sheet's rows streamed; the workbook's text
table held), its formulas' saved values taken and never computed, its XML through
defusedxml (openpyxl uses it when it is installed, and it is a dependency here).  An
.xlsx file is a zip archive: before openpyxl opens it, every part is inflated once and
counted, so that a part that says it is small and inflates to gigabytes (a zip bomb,
whose sizes lie) is refused at the cap rather than held.  A cell's value is written as
the table's text would be: a date as ISO 8601 (without its time at midnight: a date
cell), a whole number without ".0", TRUE and FALSE.  A cell merged down over rows (a
column of one source or one date, filled so) gives each of them its value; a merge
across columns gives the cells it covers nothing.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, time
from typing import Any

from timeline.ingest.errors import BadArticle
from timeline.ingest.office import check_parts, said
from timeline.ingest.reading import Reading
from timeline.ingest.tabular import (
    HEADER_CANDIDATES,
    find_columns,
    is_own_export,
    over_a_table,
    row_draft,
    row_width,
)
from timeline.model import ArticleDraft

# A workbook is read whole: at most this many bytes (a larger data set belongs in CSV or
# JSON Lines, read as a stream), and its parts at most this many once inflated (the
# text of every cell is held while the rows are read).
MAX_WORKBOOK_BYTES = 100 * 1024 * 1024
MAX_WORKBOOK_INFLATED = 512 * 1024 * 1024
# Where a sheet's header row is looked for: its first rows, its first columns.
HEADER_ROWS = 1_000
MAX_COLUMNS = 1_024
# A cell merged down over rows gives each its text: at most this many such merges in a
# sheet are followed (each is held while the sheet is read; a sheet's merges are few).
MAX_MERGES = 100_000
# A merge's <mergeCell ref="D2:D5"/>, whatever its namespace's prefix.
_MERGE = re.compile(
    rb"<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref=[\"']"
    rb"([A-Z]{1,3})([0-9]{1,7}):[A-Z]{1,3}([0-9]{1,7})[\"']"
)


def read_workbook(
    data: bytes,
    origin: str,
    *,
    columns: Mapping[str, str] | None,
    max_chars: int,
    reading: Reading | None = None,
) -> Iterator[ArticleDraft | tuple[str, str]]:
    """Drafts, and (where, reason) for rows that are not articles, of every sheet whose
    header names a body column (given one, with --columns); BadArticle when none does.

    reading.share_read, if given, follows the rows read over the rows the sheets say
    they hold (a large workbook's import shows its progress)."""
    check_parts(
        data,
        cap=MAX_WORKBOOK_INFLATED,
        what="Excel workbook",
        not_zip="not an Excel workbook (an .xlsx file is a zip archive)",
        old="an Excel 97-2003 workbook (.xls): save it as .xlsx or CSV and import that",
    )
    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except BadArticle:
        raise
    except Exception as exc:  # openpyxl's errors are of many kinds for one bad file
        refused = _entities_refused(exc)
        if refused is not None:
            raise BadArticle(f"XML that declares entities is not read ({refused})") from exc
        raise BadArticle(f"not a readable Excel workbook ({said(exc)})") from exc
    try:
        sheets = list(book.worksheets)
        several = len(sheets) > 1
        total = sum(_rows_said(sheet) for sheet in sheets)
        done = 0
        if reading is not None and total:
            reading.share_read = 0.0
        read_one = False
        problem: BadArticle | None = None
        for sheet in sheets:
            name = str(getattr(sheet, "title", "") or "")
            prefix = f"{name}: " if several else ""  # said as a zip's member is
            try:
                # Rows are read as wide as the sheet says it is: a sheet formatted across
                # every column (A1:XFD...) gave each row 16,384 cells.  The header is
                # looked for in the first columns and rows, the rows read as wide as
                # the columns found.
                top = sheet.iter_rows(max_row=HEADER_ROWS, max_col=MAX_COLUMNS, values_only=True)
                found = _header(top, columns)
                if found is None:
                    continue  # an empty sheet (a workbook's second, third...)
                if isinstance(found, BadArticle):
                    problem = problem or found
                    if several:
                        yield name, str(found)
                    continue
                number, header, index = found
                read_one = True
                own = is_own_export(header)
                done += number  # the rows up to the header
                width = row_width(index)
                starts = _merged_down(sheet, below=number, width=width)
                filling: dict[int, tuple[int, str]] = {}  # column: (last row, its text)
                rows = sheet.iter_rows(min_row=number + 1, max_col=width, values_only=True)
                for number, values in enumerate(rows, start=number + 1):  # noqa: B020
                    done += 1
                    if reading is not None and total:
                        reading.share_read = min(done / total, 1.0)
                    row = [_text(v) for v in values]
                    if (filling or starts) and any(cell.strip() for cell in row):
                        _fill_down(row, number, starts, filling)  # an empty row stays so
                    item = sheet_row(row, index, origin, own, f"{prefix}row {number}", max_chars)
                    if item is not None:
                        yield item
            except BadArticle:
                raise
            except Exception as exc:  # a sheet's XML damaged part way
                raise BadArticle(f"{prefix}not a readable Excel worksheet ({said(exc)})") from exc
        if not read_one:
            raise problem or BadArticle("empty: no sheet has a header row")
    finally:
        book.close()


def _entities_refused(exc: BaseException) -> str | None:
    """The name of defusedxml's refusal behind openpyxl's error, if one is: a part of the
    workbook that declares XML entities (a "billion laughs", an external entity), which
    openpyxl said as "Unable to read workbook ... Please see the exception for more
    details", an exception no one is shown."""
    from defusedxml import DefusedXmlException

    cause: BaseException | None = exc
    met: set[int] = set()  # (a chain of causes may loop)
    while cause is not None and id(cause) not in met:
        if isinstance(cause, DefusedXmlException):
            return type(cause).__name__
        met.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def _header(
    top: Iterable[Sequence[Any]], columns: Mapping[str, str] | None
) -> tuple[int, list[str], dict[str, int]] | BadArticle | None:
    """(its row number, its cells, the columns found) of a sheet's header row, None for
    an empty sheet, or why its header names no body column (given one, with --columns).

    The header is its first row with text, but for rows of one cell above it that name
    no body column: a report's sheet often has its title, a date or a note over its
    table (at most HEADER_CANDIDATES such rows).  A row of two cells or more is the
    header whatever it names: a data row is never taken for one."""
    first: BadArticle | None = None
    for tried, (number, values) in enumerate(
        ((n, v) for n, v in enumerate(top, start=1) if any(_text(c).strip() for c in v)),
        start=1,
    ):
        header = [_text(v) for v in values]
        while header and not header[-1].strip():
            header.pop()
        try:
            return number, header, find_columns(header, columns)
        except BadArticle as exc:
            if not over_a_table(header):
                return exc  # the header, naming no body column
            first = first or exc
        if tried >= HEADER_CANDIDATES:
            break
    return first


def _merged_down(sheet: Any, *, below: int, width: int) -> dict[int, list[tuple[int, int]]]:
    """Row: [(column index, last row)] of the cells merged down over the rows under them,
    in the sheet's first `width` columns and under its header (row `below`).

    openpyxl's read-only mode loads no merged cells: the sheet's <mergeCell ref="D2:D5">
    elements (after its rows) are looked for in its part, inflated again a piece at a
    time.  A merge across columns gives nothing (the cells it covers belong to other
    fields), one down and across fills its own column only, and one that starts in the
    header or above it gives no row its text.  At most MAX_MERGES are followed."""
    from openpyxl.utils.cell import column_index_from_string

    starts: dict[int, list[tuple[int, int]]] = {}
    kept = 0
    with sheet._get_source() as part:  # the sheet's part, opened as for reading its rows
        rest = b""
        while kept < MAX_MERGES and (piece := part.read(1 << 20)):
            piece, end = rest + piece, 0
            if b"mergeCell" in piece:
                for found in _MERGE.finditer(piece):
                    end = found.end()
                    first, last = int(found.group(2)), int(found.group(3))
                    if below < first < last:
                        index = column_index_from_string(found.group(1).decode()) - 1
                        if index < width and kept < MAX_MERGES:
                            starts.setdefault(first, []).append((index, last))
                            kept += 1
            rest = piece[max(end, len(piece) - 512) :]  # an element cut between two pieces
    return starts


def _fill_down(
    row: list[str],
    number: int,
    starts: dict[int, list[tuple[int, int]]],
    filling: dict[int, tuple[int, str]],
) -> None:
    """Give the cells of row `number` that a merge down covers its first cell's text, and
    take up the merges that start in it (`starts` as _merged_down's, taken from)."""
    for column, (last, text) in list(filling.items()):
        if number > last:
            del filling[column]
        else:
            row[column] = text
    for column, last in starts.pop(number, ()):
        filling[column] = (last, row[column])


def sheet_row(
    row: list[str], index: dict[str, int], origin: str, own: bool, where: str, max_chars: int
) -> ArticleDraft | tuple[str, str] | None:
    """A sheet's row as an article, (where, reason) when it is none, None when it is
    empty: a workbook's and an OpenDocument spreadsheet's rows alike."""
    if any(len(cell) > max_chars for cell in row):
        return where, f"longer than the {max_chars:,} characters a cell may be"
    drafted = row_draft(row, index, origin, own=own)
    return (where, drafted) if isinstance(drafted, str) else drafted


def _rows_said(sheet: Any) -> int:
    """How many rows a sheet says it holds (its stated dimension; 0 when it says none)."""
    try:
        rows = sheet.max_row
    except Exception:  # a dimension openpyxl cannot read: no progress, not a failure
        return 0
    return rows if isinstance(rows, int) and rows > 0 else 0


def _text(value: Any) -> str:
    """A cell's value as the table's text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0, 0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)
