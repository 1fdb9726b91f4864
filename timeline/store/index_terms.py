"""The terms of an FTS5 index in a range, read from its segments' leaf pages.

fts5vocab lists terms, but to give each its counts it walks the term's whole list of
articles: a range that holds one word of most articles cost 30-110 ms at a million
articles (bench/search.py), where the terms alone are a few pages.  Here the index's
own records are read as FTS5 writes them (ext/fts5/fts5_index.c in SQLite's sources):

- The structure record (id 10 of %_data): a 4-byte cookie, then varints - the number
  of levels, of segments, the write counter - and for each level the segments of an
  ongoing merge, the level's segments, and for each segment its id, first and last
  leaf page.
- %_idx: a row per leaf page that holds a term, (segment, a prefix of its first term,
  page << 1 | doclist-index flag).
- A leaf page (id = segment << 37 | page): a 2-byte offset of its first rowid and a
  2-byte offset of its footer; the footer lists where each term on the page begins
  (the first as an offset, the others as differences).  The first term is a varint
  length and its bytes; each later one the bytes it shares with the term before, the
  count of new bytes, and those bytes.

A segment in the middle of an incremental merge starts at a later page than 1: the
pages before it were merged into another segment, and %_idx may still name them.

Every term of the main index begins with the byte "0" (prefix indexes, which this
project does not make, use "1"...).  Pages without terms (the middle of a long list of
articles) are never read: %_idx names the pages that hold terms.

A term stays in a segment until a merge drops it, even when every article that held it
has been deleted since: the caller checks what it keeps (word_forms asks the index for
each form).  Anything this reader does not understand (a newer structure format, a
damaged record) gives None, and the caller asks fts5vocab instead.
"""

from __future__ import annotations

import sqlite3

# Segment leaf ids: segment id << (31 page bits + 5 height bits + 1 dlidx bit) | page.
_SEGMENT_SHIFT = 37
_MAIN_INDEX = b"0"
_STRUCTURE_ID = 10


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """SQLite's varint at data[at]: (value, offset after it); IndexError past the end."""
    value = 0
    for i in range(8):
        byte = data[at + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    return (value << 8) | data[at + 8], at + 9


def segments(structure: bytes) -> list[tuple[int, int, int]] | None:
    """(segment id, first page, last page) of every segment, or None when the record is
    not one this reader knows (the V2 format of later SQLite, or damage)."""
    if len(structure) < 5 or structure[4:8] == b"\xff\x00\x00\x01":
        return None  # FTS5_STRUCTURE_V2: more fields per segment than read here
    try:
        levels, at = _varint(structure, 4)
        count, at = _varint(structure, at)
        _, at = _varint(structure, at)  # the write counter
        found = []
        for _ in range(levels):
            _, at = _varint(structure, at)  # segments in an ongoing merge
            in_level, at = _varint(structure, at)
            for _ in range(in_level):
                segid, at = _varint(structure, at)
                first, at = _varint(structure, at)
                last, at = _varint(structure, at)
                found.append((segid, first, last))
    except IndexError:
        return None
    if len(found) != count or at != len(structure):
        return None
    return found


def page_terms(page: bytes, stop: bytes | None = None) -> list[bytes]:
    """The terms that begin on a leaf page, in order (with their index's prefix byte),
    up to the first at or past stop (which is kept) when one is given."""
    if len(page) < 4:
        raise ValueError("a leaf page shorter than its header")
    footer = int.from_bytes(page[2:4], "big")
    terms: list[bytes] = []
    size = len(page)
    if footer >= size:
        return terms  # no footer: a page in the middle of one term's articles
    offset, index = _varint(page, footer)
    length, at = _varint(page, offset)
    term = page[at : at + length]
    terms.append(term)
    while index < size and (stop is None or term < stop):
        # Nearly every varint here is one byte: read those without a call.
        step = page[index]
        if step < 0x80:
            index += 1
        else:
            step, index = _varint(page, index)
        offset += step
        kept = page[offset]
        if kept < 0x80:
            at = offset + 1
        else:
            kept, at = _varint(page, offset)
        length = page[at]
        if length < 0x80:
            at += 1
        else:
            length, at = _varint(page, at)
        term = term[:kept] + page[at : at + length]
        terms.append(term)
    if any(not t for t in terms):
        raise ValueError("an empty term")
    return terms


def terms_between(conn: sqlite3.Connection, table: str, low: str, high: str) -> list[str] | None:
    """The main index's terms t with low <= t < high, sorted, each once; None when the
    index's records cannot be read as this module expects."""
    found = terms_in_ranges(conn, table, [(low, high)])
    return None if found is None else found[0]


def terms_in_ranges(
    conn: sqlite3.Connection, table: str, ranges: list[tuple[str, str]]
) -> list[list[str]] | None:
    """terms_between for each (low, high) of ranges, reading each page once (the ranges
    of one word's forms share most of their pages)."""
    row = conn.execute(f"SELECT block FROM {table}_data WHERE id = ?", [_STRUCTURE_ID]).fetchone()
    if row is None or row[0] is None:
        return None
    found_segments = segments(bytes(row[0]))
    if found_segments is None:
        return None
    bounds = [(_MAIN_INDEX + low.encode(), _MAIN_INDEX + high.encode()) for low, high in ranges]
    if not bounds:
        return []
    found: list[set[bytes]] = [set() for _ in bounds]
    try:
        for segid, first, last in found_segments:
            pages: dict[int, bytes] = {}  # each page to read, and where its reading may stop
            for lo, hi in bounds:
                # The page that may hold lo, and every page whose first term may be in
                # range (a page's %_idx term is a prefix of its first term, so no later
                # page can).
                start = conn.execute(
                    f"SELECT pgno FROM {table}_idx WHERE segid = ? AND term <= ?"
                    " ORDER BY term DESC LIMIT 1",
                    [segid, lo],
                ).fetchone()
                at = [max(first, (start[0] >> 1) if start else first)]
                at += [
                    pgno >> 1
                    for (pgno,) in conn.execute(
                        f"SELECT pgno FROM {table}_idx WHERE segid = ? AND term > ? AND term < ?",
                        [segid, lo, hi],
                    )
                ]
                for page in at:
                    pages[page] = max(pages.get(page, hi), hi)
            for page, stop in sorted(pages.items()):
                if not first <= page <= last:
                    continue  # before its first page: merged into another segment already
                block = conn.execute(
                    f"SELECT block FROM {table}_data WHERE id = ?",
                    [(segid << _SEGMENT_SHIFT) | page],
                ).fetchone()
                if block is None:
                    return None
                terms = page_terms(bytes(block[0]), stop)
                for (lo, hi), kept in zip(bounds, found, strict=True):
                    if terms and lo <= terms[-1] and terms[0] < hi:
                        kept.update(t for t in terms if lo <= t < hi)
    except (IndexError, ValueError, TypeError):  # (TypeError: a page that is no blob)
        return None
    try:
        return [sorted(t[1:].decode() for t in kept) for kept in found]
    except UnicodeDecodeError:
        return None
