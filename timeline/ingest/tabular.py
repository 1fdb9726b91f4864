"""CSV and TSV articles (Excel and Google Sheets exports), columns found by header name.

A header names each column in Arabic or English; `columns` (the CLI's --columns
title=Headline,body=Text) says it by hand.  A row is read as a stream, a cell is
bounded like an article, and rows without a body are skipped and reported (one
without a title, or a table without a title column, is named by its body's first line).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from timeline.ingest import encoding
from timeline.ingest.errors import BadArticle
from timeline.ingest.fields import FIELDS, NAMES, USER_NAMES, fold_name, read_tags
from timeline.ingest.reading import Reading, prefixed
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


def find_columns(header: list[str], given: Mapping[str, str] | None = None) -> dict[str, int]:
    """Field name -> column index; BadArticle (listing the headers) when body has none.

    A table without a title column is read as rows without titles: each is named by its
    body's first line, as a row with an empty title cell is."""
    folded = [fold_name(name) for name in header]
    found: dict[str, int] = {}
    for field in (*FIELDS, *USER_NAMES):
        wanted = given.get(field) if given else None
        names = (wanted,) if wanted else NAMES.get(field) or USER_NAMES[field]
        for name in names:
            if fold_name(name) in folded:
                found[field] = folded.index(fold_name(name))
                break
        else:
            if wanted:
                raise BadArticle(
                    f"no column '{wanted}' for {field}; the headers are: {_listed(header)}"
                )
    if "body" not in found:
        raise BadArticle(
            f"no body column; the headers are: {_listed(header)} "
            "(name it with --columns body=...,title=...)"
        )
    return found


def _listed(header: list[str]) -> str:
    shown = ", ".join(repr(name.strip("\ufeff")[:40]) for name in header[:20])
    return shown + (", ..." if len(header) > 20 else "") if header else "(none)"


def _delimiter(first_line: str, tab: bool) -> str:
    if tab:
        return "\t"
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _lines(text: io.TextIOBase, limit: int) -> Iterator[str]:
    """Physical lines, each bounded: a longer one stops the file before it is held."""
    number = 0
    while line := text.readline(limit + 1):
        number += 1
        if len(line) > limit:
            raise BadArticle(f"line {number}: longer than the {limit:,} characters a cell may be")
        yield line


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
    sample = stream.read(encoding.SAMPLE_BYTES)
    reading.encoding = found = encoding.detect(sample, complete=len(sample) < encoding.SAMPLE_BYTES)
    text = io.TextIOWrapper(
        prefixed(sample, stream), encoding=found.codec, errors=encoding.ERRORS, newline=""
    )
    before = encoding.replaced_so_far()
    lines = _lines(text, max_chars)
    first = next(lines, "")
    if not first.strip():
        raise BadArticle("empty: no header row")
    delimiter = _delimiter(first, tab)

    def all_lines() -> Iterator[str]:
        yield first
        yield from lines

    previous = csv.field_size_limit()
    csv.field_size_limit(max_chars)
    try:
        rows = csv.reader(all_lines(), delimiter=delimiter)
        header = next(rows)
        index = find_columns(header, columns)
        width = max(index.values()) + 1
        # The program's own export (its uid and imported_at columns) guarded cells that
        # a spreadsheet would take as formulas: give their values back.
        folded = {fold_name(name) for name in header}
        own = {"uid", "importedat"} <= folded
        for row in rows:
            where = f"row {rows.line_num}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < width:
                row = row + [""] * (width - len(row))
            values = {field: row[at].strip() for field, at in index.items()}
            if own:
                values = {field: spreadsheet_value(value) for field, value in values.items()}
            if not values["body"]:
                yield where, "empty body"
                continue
            untitled = not values.get("title")  # kept, named by its first line
            yield ArticleDraft(
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
            )
    except csv.Error as exc:
        raise BadArticle(f"not a readable table ({exc})") from exc
    finally:
        csv.field_size_limit(previous)
        reading.replaced += encoding.replaced_so_far() - before
