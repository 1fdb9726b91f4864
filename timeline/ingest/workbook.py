"""Excel workbooks (.xlsx): each sheet a table, its columns found and its rows read as a
CSV file's are (tabular.find_columns, tabular.row_draft).

Read with openpyxl in its read-only mode (a sheet's rows streamed; the workbook's text
table held), its formulas' saved values taken and never computed, its XML through
defusedxml (openpyxl uses it when it is installed, and it is a dependency here).  An
.xlsx file is a zip archive: before openpyxl opens it, every part is inflated once and
counted, so that a part that says it is small and inflates to gigabytes (a zip bomb,
whose sizes lie) is refused at the cap rather than held.  A cell's value is written as
the table's text would be: a date as ISO 8601 (without its time at midnight: a date
cell), a whole number without ".0", TRUE and FALSE.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from datetime import date, datetime, time
from typing import Any

from timeline.ingest.errors import BadArticle
from timeline.ingest.inflate import bomb_reason
from timeline.ingest.tabular import find_columns, is_own_export, row_draft
from timeline.model import ArticleDraft

# A workbook is read whole: at most this many bytes (a larger data set belongs in CSV or
# JSON Lines, read as a stream), and its parts at most this many once inflated (the
# text of every cell is held while the rows are read).
MAX_WORKBOOK_BYTES = 100 * 1024 * 1024
MAX_WORKBOOK_INFLATED = 512 * 1024 * 1024
_CHUNK = 1 << 20


def read_workbook(
    data: bytes, origin: str, *, columns: Mapping[str, str] | None, max_chars: int
) -> Iterator[ArticleDraft | tuple[str, str]]:
    """Drafts, and (where, reason) for rows that are not articles, of every sheet whose
    header names a body column (given one, with --columns); BadArticle when none does."""
    _check_parts(data)
    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except BadArticle:
        raise
    except Exception as exc:  # openpyxl's errors are of many kinds for one bad file
        raise BadArticle(f"not a readable Excel workbook ({_said(exc)})") from exc
    try:
        sheets = list(book.worksheets)
        several = len(sheets) > 1
        read_one = False
        problem: BadArticle | None = None
        for sheet in sheets:
            name = str(getattr(sheet, "title", "") or "")
            prefix = f"{name}: " if several else ""  # said as a zip's member is
            try:
                rows = sheet.iter_rows(values_only=True)
                header: list[str] | None = None
                number = 0
                for number, values in enumerate(rows, start=1):  # noqa: B007 - counted on
                    header = [_text(v) for v in values]
                    if any(cell.strip() for cell in header):
                        break
                if header is None or not any(cell.strip() for cell in header):
                    continue  # an empty sheet (a workbook's second, third...)
                try:
                    index = find_columns(header, columns)
                except BadArticle as exc:
                    problem = problem or exc
                    if several:
                        yield name, str(exc)
                    continue
                read_one = True
                own = is_own_export(header)
                for number, values in enumerate(rows, start=number + 1):  # noqa: B020
                    row = [_text(v) for v in values]
                    if any(len(cell) > max_chars for cell in row):
                        yield (
                            f"{prefix}row {number}",
                            (f"longer than the {max_chars:,} characters a cell may be"),
                        )
                        continue
                    drafted = row_draft(row, index, origin, own=own)
                    if isinstance(drafted, str):
                        yield f"{prefix}row {number}", drafted
                    elif drafted is not None:
                        yield drafted
            except BadArticle:
                raise
            except Exception as exc:  # a sheet's XML damaged part way
                raise BadArticle(f"{prefix}not a readable Excel worksheet ({_said(exc)})") from exc
        if not read_one:
            raise problem or BadArticle("empty: no sheet has a header row")
    finally:
        book.close()


def _check_parts(data: bytes) -> None:
    """Every part of the workbook's zip inflated once and counted: BadArticle at a bomb
    (sizes a zip states can lie), a damaged part or a file that is no zip at all."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # an OLE2 file: Excel 97-2003
            raise BadArticle(
                "an Excel 97-2003 workbook (.xls): save it as .xlsx or CSV and import that"
            ) from exc
        raise BadArticle("not an Excel workbook (an .xlsx file is a zip archive)") from exc
    inflated = 0
    with archive:
        for member in archive.infolist():
            try:
                with archive.open(member) as part:
                    while chunk := part.read(_CHUNK):
                        inflated += len(chunk)
                        reason = bomb_reason(inflated, len(data))
                        if reason is None and inflated > MAX_WORKBOOK_INFLATED:
                            reason = (
                                f"inflates to more than {MAX_WORKBOOK_INFLATED:,} bytes"
                                " (a compression bomb?)"
                            )
                        if reason is not None:
                            raise BadArticle(f"{member.filename}: {reason}")
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
                raise BadArticle(
                    f"not a readable Excel workbook ({member.filename}: {_said(exc)})"
                ) from exc
            except NotImplementedError as exc:  # a compression zipfile does not read
                raise BadArticle(f"not a readable Excel workbook ({_said(exc)})") from exc


def _said(exc: BaseException) -> str:
    """An exception in one line: its words, else its kind's name."""
    words = " ".join(str(exc).split())
    return words[:300] if words else type(exc).__name__


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
