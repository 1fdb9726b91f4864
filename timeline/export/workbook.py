"""Articles or events as an Excel workbook (.xlsx): the CSV export's columns and rows in
one sheet (more than a sheet's 1,048,575 rows go on in a second, third...), laid out
right to left when its text is Arabic.

Written with openpyxl's write-only workbook (rows streamed to a temporary file, never
held).  Every text is a text cell, never a formula (a title of =HYPERLINK(...) stays
words), and one that starts like a formula is written after an apostrophe as in the CSV
export, so that the importer gives it back exactly.  A workbook cell holds at most
32,767 characters (Excel's limit; a longer one makes Excel repair the file): a longer
text is cut there with an ellipsis, and the rows so cut are counted for the caller to
say (CSV and JSON Lines keep every character).  Control characters, which a workbook
cannot hold, are written as their Control Pictures symbols, as the window shows them,
and the noncharacters U+FFFE and U+FFFF as replacement characters.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from pathlib import Path
from typing import Any

from timeline.export.progress import ExportProgress, counted
from timeline.export.selection import Selection
from timeline.export.tabular import table_rows
from timeline.store import Store
from timeline.text.safe import CELL_CHARS, workbook_cell

_ARABIC = re.compile("[\u0600-\u06ff]")
_LOOKED_AT = 100  # rows read to choose the sheet's direction
SHEET_ROWS = 1_048_576  # the rows of an Excel sheet, its header's included


def write_xlsx(
    store: Store,
    selection: Selection,
    path: Path,
    what: str,
    cut: list[int] | None = None,
    progress: ExportProgress | None = None,
) -> int:
    """Write the chosen articles or events ('articles' | 'events') as a workbook of one
    sheet at path; returns rows.  cut, if given, receives the ids of rows with a text
    cut at CELL_CHARS."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    columns, rows = table_rows(store, selection, what, carried=True)
    book = Workbook(write_only=True)
    first = list(itertools.islice(rows, _LOOKED_AT))
    right_to_left = _mostly_arabic(columns, first)

    def new_sheet(number: int) -> Any:
        made = book.create_sheet(what if number == 1 else f"{what} ({number})")
        made.sheet_view.rightToLeft = right_to_left
        made.freeze_panes = "A2"  # the header row stays in view
        made.append(list(columns))
        return made

    sheet = new_sheet(1)
    try:
        count = 0
        for row in counted(itertools.chain(first, rows), progress):
            if count and count % (SHEET_ROWS - 1) == 0:
                # A sheet holds SHEET_ROWS rows (Excel's limit; more and Excel calls the
                # file damaged): the rest go on in another, under the same header.
                sheet = new_sheet(count // (SHEET_ROWS - 1) + 1)
            cells = []
            shortened = False
            for value in row:
                if isinstance(value, str):
                    text, was_cut = workbook_cell(value, CELL_CHARS)
                    shortened = shortened or was_cut
                    cell = WriteOnlyCell(sheet, value=text)
                    cell.data_type = "s"  # a text, whatever it starts with
                    cells.append(cell)
                else:
                    cells.append(value)
            if shortened and cut is not None:
                cut.append(row[0])
            sheet.append(cells)
            count += 1
    except BaseException:
        _abandon(sheet)
        raise
    book.save(path)
    return count


def _abandon(sheet: Any) -> None:
    """Let go of a write-only sheet whose rows stopped coming (a cancelled export, a
    store that failed): its row writer ended in its place (left to the garbage collector,
    it raised "not in an element" there, printed on stderr) and its temporary file,
    which openpyxl removes only at exit, removed now (a sheet of a million rows)."""
    with contextlib.suppress(Exception):
        sheet.close()
    with contextlib.suppress(Exception):
        sheet._writer.cleanup()


def _mostly_arabic(columns: tuple[str, ...], rows: list[Any]) -> bool:
    """Whether most of the first rows' titles (an event's labels) hold Arabic letters:
    the sheet then reads right to left, its first column on the right."""
    at = columns.index("title") if "title" in columns else columns.index("label")
    texts = [row[at] for row in rows if isinstance(row[at], str) and row[at].strip()]
    if not texts:
        return True  # an Arabic-first program's empty sheet
    arabic = sum(1 for text in texts if _ARABIC.search(text[:200]))
    return arabic * 2 >= len(texts)
