"""CSV and TSV articles (Excel and Google Sheets exports), columns found by header name.

A header names each column in Arabic or English; `columns` (the CLI's --columns
title=Headline,body=Text) says it by hand.  A row is read as a stream, a cell is
bounded like an article, and rows without a body are skipped and reported (one
without a title, or a table without a title column, is named by its body's first line).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, BinaryIO

from timeline.ingest import encoding
from timeline.ingest.errors import BadArticle
from timeline.ingest.fields import (
    FIELDS,
    MARKUP_FIELDS,
    NAMES,
    USER_NAMES,
    fold_name,
    read_as_html,
    read_tags,
)
from timeline.ingest.inflate import sample_until_damaged
from timeline.ingest.own_exports import refuse_events
from timeline.ingest.published import own_published
from timeline.ingest.reading import Reading, prefixed
from timeline.ingest.timelinejs import CARRIED_KEYS, carried_values
from timeline.model import ArticleDraft, title_from_body
from timeline.text.safe import spreadsheet_value


def parse_columns(spec: str) -> dict[str, str]:
    """'title=Headline,body=Text' as {'title': 'Headline', 'body': 'Text'}; ValueError if not."""
    columns: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        field, sep, header = part.partition("=")
        field = field.strip().lower()
        if not sep or not header.strip():
            raise ValueError(f"'{part.strip()}' is not FIELD=HEADER")
        if field == "date":
            field = "published"
        if field not in FIELDS and field not in USER_NAMES:
            raise ValueError(f"unknown field '{field}' (use {', '.join((*FIELDS, *USER_NAMES))})")
        columns[field] = header.strip()
    return columns


class Columns(dict[str, int]):
    """Field name -> column index (find_columns); also: the other columns under the same
    header, read in order where the first is empty in a row (a table that holds its body
    twice, the first column empty: every row was skipped as "empty body"), and the
    "hidden", "uid" and "published_raw" columns' (None: none) and those of what the user
    said beyond them (timelinejs.CARRIED_KEYS: key -> column), which only the program's
    own exports' rows are read by."""

    also: dict[str, tuple[int, ...]]
    hidden: int | None
    uid: int | None
    raw: int | None
    carried: dict[str, int]


def find_columns(header: list[str], given: Mapping[str, str] | None = None) -> Columns:
    """Field name -> column index; BadArticle (listing the headers) when body has none
    (NotArticles when the header is this program's export of events').

    A table without a title column is read as rows without titles: each is named by its
    body's first line, as a row with an empty title cell is."""
    folded = [fold_name(name) for name in header]
    found = Columns()
    found.also = {}
    found.hidden = folded.index("hidden") if "hidden" in folded else None
    found.uid = folded.index("uid") if "uid" in folded else None
    found.raw = folded.index("publishedraw") if "publishedraw" in folded else None
    found.carried = {
        name.strip(): at for at, name in enumerate(header) if name.strip() in CARRIED_KEYS
    }
    for field in (*FIELDS, *USER_NAMES):
        wanted = given.get(field) if given else None
        names = (wanted,) if wanted else NAMES.get(field) or USER_NAMES[field]
        for name in names:
            if fold_name(name) in folded:
                found[field] = folded.index(fold_name(name))
                if others := tuple(
                    i for i, n in enumerate(folded) if n == fold_name(name) and i != found[field]
                ):
                    found.also[field] = others
                break
        else:
            if wanted:
                raise BadArticle(
                    f"no column '{wanted}' for {field}; the headers are: {_listed(header)}"
                )
    if "body" not in found:
        refuse_events(folded)
        raise BadArticle(
            f"no body column; the headers are: {_listed(header)} "
            "(name it with --columns body=...,title=...)"
        )
    return found


def _listed(header: list[str]) -> str:
    shown = ", ".join(repr(name.strip("\ufeff")[:40]) for name in header[:20])
    return shown + (", ..." if len(header) > 20 else "") if header else "(none)"


# Rows looked over for a table's header: a report's title, a date, a note or blank rows
# may stand over its table (a workbook's sheet, its CSV saved from a spreadsheet).
HEADER_CANDIDATES = 10


_DELIMITERS = (",", ";", "\t")


def _delimiter(first_line: str, tab: bool) -> str:
    if tab:
        return "\t"
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _delimited(line: str) -> bool:
    return any(d in line for d in _DELIMITERS)


class _Quotes:
    """Whether a row read a piece at a time is inside a quoted cell, by the csv module's
    rules (the default dialect): a quote opens a cell only at its start, "" inside one is
    a quote, and any other quote there closes it.  Only for the lines left out (_Lines):
    the reader itself reads the rest."""

    def __init__(self, delimiter: str, quoted: bool) -> None:
        self.special = re.compile(f'["\r\n{re.escape(delimiter)}]')
        self.quoted = quoted
        self.field_start = not quoted  # nothing of the cell yet: a quote here opens it
        self.pending = False  # a quote in a quoted cell ended the last piece

    def read(self, piece: str) -> None:
        pos, size = 0, len(piece)
        if self.pending and piece:
            self.pending = False
            if piece[0] == '"':
                pos = 1  # doubled, across two pieces
            else:
                self.quoted = self.field_start = False  # the quote closed the cell
        while (found := self.special.search(piece, pos)) is not None:
            at = found.start()
            if at > pos:
                self.field_start = False  # other characters came between
            char, pos = piece[at], at + 1
            if self.quoted:
                if char == '"':
                    if pos == size:
                        self.pending = True
                    elif piece[pos] == '"':
                        pos += 1  # doubled: a quote in the cell
                    else:
                        self.quoted = False
            elif char == '"':
                self.quoted = self.field_start
                self.field_start = False
            else:
                self.field_start = True  # a delimiter or a line's end
        if size > pos:
            self.field_start = False


class _Lines:
    """A table's physical lines, each bounded: a longer one is never held.

    A line longer than limit is read to the end of its row (_Quotes) a limit at a time
    and left out; the reader is given an empty line in its place, or a quote where the
    row began on an earlier line (the reader holds that row's first part, inside a
    quoted cell: the quote ends the row, which the rows' loop drops), and the numbers
    of the lines left out go in skipped for the rows' loop to say.  One huge cell (a
    page's whole markup pasted in) cost the whole file otherwise, as one overlong JSON
    line does not.  asked: the lines the reader asked for since the rows' loop last
    asked it for a row; a line asked for after the first is inside a row begun before.
    """

    def __init__(self, text: io.TextIOBase, limit: int) -> None:
        self.text = text
        self.limit = limit
        self.delimiter = ","  # the table's, once its first line is read
        self.number = 0  # physical lines read
        self.asked = 0
        self.row_began = 0  # the line where the row being read began
        self.skipped: list[tuple[int, int]] = []  # (first, last) line numbers left out

    def __iter__(self) -> Iterator[str]:
        text, limit = self.text, self.limit
        while line := text.readline(limit + 1):
            self.number += 1
            inside = self.asked > 0
            self.asked += 1
            if not inside:
                self.row_began = self.number
            if len(line) <= limit:
                yield line
                continue
            quotes = _Quotes(self.delimiter, quoted=inside)  # a row goes on only in quotes
            while True:  # to the end of this line, then of its row
                quotes.read(line)
                if line.endswith(("\n", "\r")):
                    if not quotes.quoted:
                        break
                    line = text.readline(limit + 1)
                    if not line:
                        break
                    self.number += 1
                else:
                    line = text.readline(limit + 1)
                    if not line:
                        break
            self.skipped.append((self.row_began, self.number))
            yield '"\n' if inside else "\n"


class _Feed:
    """The lines a table's reader is given: any to read again first (the lines after a
    row's first, when that line is read as written), then the table's (_Lines); which
    line each row began on, and the lines given for it since (numbered)."""

    def __init__(self, bounded: _Lines, lines: Iterator[str], ahead: list[tuple[int, str]]) -> None:
        self.bounded = bounded
        self.lines = lines
        self.again: list[tuple[int, str]] = ahead[::-1]  # the next one last
        self.asked = 0  # lines asked for since the rows' loop last asked for a row
        self.row_lines: list[tuple[int, str]] = []

    def __iter__(self) -> Iterator[str]:
        # Not `yield from` the table's lines: this generator is closed when its reader
        # is dropped (a row read as written), and would close them with it.
        bounded, lines, again = self.bounded, self.lines, self.again
        while True:
            if again:
                number, line = again.pop()
            else:
                asked = bounded.asked = self.asked  # whether the row began on earlier lines
                if asked:
                    bounded.row_began = self.row_lines[0][0]
                found = next(lines, None)
                if found is None:
                    return
                number, line = bounded.number, found
            if self.asked:
                self.row_lines.append((number, line))
            else:
                self.row_lines = [(number, line)]
            self.asked += 1
            yield line


def _unquoted(row: list[str], columns: int) -> bool:
    """Whether a row of a tab-separated table read as quoted shows the table is not: a
    cell that opened with a quote and ran on over lines that are rows of their own (as
    many tabs as the header), as a title beginning "عاجل: ... with no closing quote made
    the rest of the file one cell."""
    for cell in row:
        if "\n" in cell:
            for line in cell.split("\n")[1:]:
                if line.count("\t") >= max(1, columns - 1):
                    return True
    return False


def read_table(
    stream: BinaryIO,
    origin: str,
    *,
    tab: bool,
    columns: Mapping[str, str] | None,
    reading: Reading,
    max_chars: int,
) -> Iterator[ArticleDraft | tuple[str, str]]:
    """Drafts, and (where, reason) for rows that are not articles."""
    sample, damage = sample_until_damaged(stream, encoding.SAMPLE_BYTES)
    if damage is not None:
        # The data stops within the sample: its whole lines are read as the table,
        # then the damage is said (ingest.until_damaged), the line it cut left out.
        sample, stream = sample[: sample.rfind(b"\n") + 1], io.BytesIO()
    reading.encoding = found = encoding.detect(sample, complete=len(sample) < encoding.SAMPLE_BYTES)
    text = io.TextIOWrapper(
        prefixed(sample, stream), encoding=found.codec, errors=encoding.ERRORS, newline=""
    )
    before = encoding.replaced_so_far()
    bounded = _Lines(text, max_chars)
    lines = iter(bounded)
    first = next(lines, "")
    if not first.strip():
        raise BadArticle("empty: no header row")
    # The delimiter is read from the first line that holds one: a hand-written title
    # over the table ("تقرير الأخبار" alone on its line) read a semicolon table with
    # commas, every row one cell.
    ahead = [(1, first)]
    while not tab and not _delimited(ahead[-1][1]) and len(ahead) < HEADER_CANDIDATES:
        bounded.asked = 0  # each line a row of its own
        line = next(lines, None)
        if line is None:
            break
        ahead.append((bounded.number, line))
    delimiter = bounded.delimiter = _delimiter(ahead[-1][1], tab)

    previous = csv.field_size_limit()
    csv.field_size_limit(max_chars)
    feed = _Feed(bounded, lines, ahead)
    try:
        rows = csv.reader(iter(feed), delimiter=delimiter, strict=True)
        feed.asked = 0
        header, index = _header(rows, columns)
        # The program's own export (its uid and imported_at columns) guarded cells that
        # a spreadsheet would take as formulas: give their values back.
        own = is_own_export(header)
        while True:
            feed.asked = 0
            try:
                row = next(rows, None)
                broken = row is not None and delimiter == "\t" and _unquoted(row, len(header))
            except csv.Error:
                row, broken = None, True  # a quote closed inside a cell, or never
            if broken and feed.row_lines:
                # A quote that opens no quoted cell (a title beginning "عاجل: ... or
                # "داعش" يتبنى, in a table that quotes nothing): the row's first line is
                # read as written, the lines after it again as the table's.
                (at, line), *rest = feed.row_lines
                feed.again.extend(reversed(rest))
                row = next(csv.reader([line], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])
                rows = csv.reader(iter(feed), delimiter=delimiter, strict=True)
            elif row is None:
                break
            else:
                at = feed.row_lines[0][0]  # the line it starts on (a quoted cell may go on)
            if bounded.skipped:  # row is what the reader made of the line given in their place
                start, end = bounded.skipped.pop()
                lines_left = f"line {start}" if start == end else f"lines {start}-{end}"
                yield lines_left, f"longer than the {max_chars:,} characters a cell may be"
                continue
            drafted = row_draft(row, index, origin, own=own)
            if drafted is not None:
                yield drafted if isinstance(drafted, ArticleDraft) else (f"row {at}", drafted)
        if damage is not None:
            raise damage
    except csv.Error as exc:
        raise BadArticle(f"not a readable table ({exc})") from exc
    finally:
        csv.field_size_limit(previous)
        reading.replaced += encoding.replaced_so_far() - before


def over_a_table(cells: Sequence[str]) -> bool:
    """Whether a row that names no body column may stand over a table rather than be
    its header: a report's title, date or note, one cell of text at most.  A row of two
    cells or more is the header whatever it names (a data row is never taken for one)."""
    return sum(1 for cell in cells if cell.strip()) <= 1


def _header(
    rows: Iterator[list[str]], columns: Mapping[str, str] | None
) -> tuple[list[str], dict[str, int]]:
    """The header row of a table read as rows, and its columns (find_columns): its first
    row, but for rows over it (over_a_table: at most HEADER_CANDIDATES).  BadArticle,
    as find_columns says it, when the header names no body column."""
    header = next(rows)
    first: BadArticle | None = None
    for _ in range(HEADER_CANDIDATES):
        try:
            return header, find_columns(header, columns)
        except BadArticle as exc:
            if not over_a_table(header):
                raise
            first = first or exc
        following = next(rows, None)
        if following is None:
            break
        header = following
    assert first is not None
    raise first


def is_own_export(header: list[str]) -> bool:
    """Whether a table is this program's export (its uid and imported_at columns): its
    cells that a spreadsheet would take as formulas were guarded, and its tags are cut
    only where the program's are."""
    return {"uid", "importedat"} <= {fold_name(name) for name in header}


def row_width(index: Mapping[str, int]) -> int:
    """The cells a row is read with: up to the last column find_columns found (a field's
    others under the same header, and the "hidden" and "uid" columns, too)."""
    columns = [*index.values()]
    if isinstance(index, Columns):
        columns += [c for cs in index.also.values() for c in cs]
        columns += [c for c in (index.hidden, index.uid, index.raw) if c is not None]
        columns += index.carried.values()
    return max(columns) + 1


def row_draft(
    row: list[str], index: Mapping[str, int], origin: str, *, own: bool
) -> ArticleDraft | str | None:
    """The article a table's row gives (its columns found by find_columns), why it is
    none, or None for an empty row."""
    if not any(cell.strip() for cell in row):
        return None
    also = index.also if isinstance(index, Columns) else {}
    width = row_width(index)
    if len(row) < width:
        row = row + [""] * (width - len(row))
    values = {field: row[column].strip() for field, column in index.items()}
    for field, others in also.items():
        if not values[field]:
            values[field] = next((cell for c in others if (cell := row[c].strip())), "")
    carried = _carried_columns(row, index) if own else {}
    if own:
        values = {field: spreadsheet_value(value) for field, value in values.items()}
        # The title and source columns hold the user's corrections where the row
        # carries the article's own beside them: those are the article's.
        values.update({f: v.strip() for f, v in carried.pop("own_fields", {}).items()})
        if isinstance(index, Columns) and index.raw is not None:
            raw = spreadsheet_value(row[index.raw].strip())
            if carried.get("published_typed") or carried.get("published_unread"):
                # The published column is the user's date (carried, said again over
                # this, or left out and counted where it is not one): the article's own
                # is the text its date was read from.
                values["published"] = raw
            else:
                values["published"] = own_published(values.get("published", ""), raw)
    else:  # a CMS's export holds its texts as HTML: read as such (never our own's)
        for field in MARKUP_FIELDS:
            if field in values:
                values[field] = read_as_html(values[field])
    if not values["body"]:
        return "empty body"
    untitled = not values.get("title")  # kept, named by its first line
    said_hidden = carried.pop("hidden", False)  # (its hidden column says it too)
    hidden = own and (_hidden_column(row, index) or said_hidden)
    return ArticleDraft(
        title=title_from_body(values["body"]) if untitled else values["title"],
        body=values["body"],
        untitled=untitled,
        published_raw=values.get("published", ""),
        source=values.get("source", ""),
        url=values.get("url", ""),
        author=values.get("author", ""),
        caption=values.get("caption", ""),
        credit=values.get("credit", ""),
        lang=values.get("lang", "") or ArticleDraft.lang,
        origin=origin,
        tags=read_tags(values.get("tags"), ours=own),
        note=values.get("note", ""),
        hidden=hidden,
        uid=_uid_column(row, index) if own else "",
        **carried,
    )


def _carried_columns(row: list[str], index: Mapping[str, int]) -> dict[str, Any]:
    """What the program's own export's row says of the user's beyond its columns (added
    events, mentions' corrections and marks, tags' colours: timelinejs.carried_values),
    from its cells of JSON text.  A cell that is not JSON (cut at a workbook's cell
    limit, edited by hand) says nothing."""
    carried = index.carried if isinstance(index, Columns) else {}
    record: dict[str, Any] = {}
    for key, column in carried.items():
        cell = row[column].strip() if column < len(row) else ""
        if not cell:
            continue
        try:
            record[key] = json.loads(cell)
        except (ValueError, RecursionError):
            continue
    return carried_values(record)


def _hidden_column(row: list[str], index: Mapping[str, int]) -> bool:
    """Whether the program's own export's row says the user hid its article (its
    "hidden" column: True as CSV writes it, TRUE as a workbook's cell reads)."""
    column = index.hidden if isinstance(index, Columns) else None
    return column is not None and column < len(row) and row[column].strip().casefold() == "true"


def _uid_column(row: list[str], index: Mapping[str, int]) -> str:
    """The key the program's own export's row gives its article (its "uid" column)."""
    column = index.uid if isinstance(index, Columns) else None
    return row[column].strip() if column is not None and column < len(row) else ""
