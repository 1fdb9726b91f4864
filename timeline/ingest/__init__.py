"""Importers: files of each supported format become ArticleDrafts, read as a stream."""

from __future__ import annotations

import dataclasses
import html
import io
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from timeline.ingest import encoding
from timeline.ingest.dedup import article_uid
from timeline.ingest.encoding import Encoding, UnreadableFile
from timeline.ingest.errors import BadArticle
from timeline.ingest.jsonlines import load_json, parse_json_line, record_draft
from timeline.ingest.plaintext import parse_plain_article
from timeline.ingest.timeline_xml import MAX_TIMELINE_BYTES, TimelineEntry, parse_timeline
from timeline.ingest.timelinejs import is_timelinejs, timelinejs_records
from timeline.model import ArticleDraft

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    "": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".timeline": "timeline",
}

# What one article may be: a larger record is refused with this reason (README, Input).
MAX_ARTICLE_CHARS = 10_000_000
TOO_LONG = "longer than the 10 million characters an article may be"
# Bytes 10 million characters can take in any supported encoding (a .txt file's limit).
MAX_TEXT_BYTES = MAX_ARTICLE_CHARS * 4
# A .json file is parsed whole; a larger data set belongs in JSON Lines, read as a stream.
MAX_JSON_BYTES = 100 * 1024 * 1024
_SKIP_CHUNK = 1 << 20

# Fields that are text to read; HTML character references in them are decoded (the
# result stays plain text).  The url is left as written: '&' is part of a query.
_UNESCAPED_FIELDS = ("title", "body", "source", "author", "caption", "credit")

__all__ = [
    "MAX_ARTICLE_CHARS",
    "ArticleFile",
    "BadArticle",
    "Rejected",
    "UnreadableFile",
    "article_uid",
    "collect_files",
    "read_articles",
    "read_text_stream",
]


@dataclass(frozen=True)
class Rejected:
    """A record of a file that cannot be an article: where it is and why."""

    where: str  # "line 686", "article 3"
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(importable files, skipped files) under the given files and folders, in a stable order.

    A file named on its own is always tried; inside a folder, hidden files and files of
    other formats are skipped.
    """
    files: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file() or any(
                    p.startswith(".") for p in child.relative_to(path).parts
                ):
                    continue
                (files if child.suffix.lower() in SUFFIXES else skipped).append(child)
        else:
            files.append(path)
    return files, skipped


def _plain_fields(draft: ArticleDraft) -> ArticleDraft:
    """The draft with HTML character references (&#8220; &amp;) decoded to characters."""
    changes = {
        name: html.unescape(value)
        for name in _UNESCAPED_FIELDS
        if "&" in (value := getattr(draft, name))
    }
    return dataclasses.replace(draft, **changes) if changes else draft


def _too_long(draft: ArticleDraft) -> bool:
    return len(draft.title) + len(draft.body) + len(draft.caption) > MAX_ARTICLE_CHARS


class ArticleFile:
    """One file, read article by article: drafts, and Rejected for records that are not.

    Never holds more than one article of a JSON Lines file in memory, never reads a
    device or a pipe (which could be endless), and refuses a text or JSON file larger
    than it may be before reading it.  `position` and `size` (bytes) say how far it got;
    `encoding` and `replaced` what decoding cost.  A whole file that cannot be read
    raises BadArticle, UnreadableFile or OSError.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        kind = SUFFIXES.get(path.suffix.lower())
        if kind is None:
            raise BadArticle(
                f"unsupported file type '{path.suffix}' (use .txt, .jsonl, .json or .timeline)"
            )
        self.kind = kind
        # stat before open: opening a FIFO blocks until someone writes to it.
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("not a regular file (a device, pipe or socket); not read")
        self.size = info.st_size
        limit = {
            "text": MAX_TEXT_BYTES,
            "json": MAX_JSON_BYTES,
            "timeline": MAX_TIMELINE_BYTES,
        }.get(kind)
        if limit is not None and self.size > limit:
            raise BadArticle(
                f"{self.size:,} bytes is more than a {kind} file may be "
                f"({limit:,}; use JSON Lines for large data sets)"
            )
        self._file: BinaryIO = open(path, "rb")  # noqa: SIM115 - closed by close()
        self._text: io.TextIOWrapper | None = None
        self._chars_read = 0
        self._bytes_per_char = 1.0
        self.encoding: Encoding | None = None
        self.replaced = 0
        self._stated: dict[ArticleDraft, TimelineEntry] = {}

    @property
    def position(self) -> int:
        """Bytes read so far: estimated in a JSON Lines file, where text is decoded ahead."""
        if self._text is not None:
            return min(self.size, round(self._chars_read * self._bytes_per_char))
        return self.size if self.encoding is not None else 0

    def close(self) -> None:
        (self._text or self._file).close()

    def __enter__(self) -> ArticleFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def stated_range(self, draft: ArticleDraft) -> TimelineEntry | None:
        """The dates a .timeline file gave for a draft it yielded (None for other formats)."""
        return self._stated.get(draft)

    def __iter__(self) -> Iterator[ArticleDraft | Rejected]:
        if self.kind == "jsonl":
            yield from self._json_lines()
            return
        if self.kind == "timeline":
            yield from self._timeline()
            return
        # Bounded by the size checked on opening (+1 to see a file that grew since).
        data = self._file.read((self.size or 0) + 1)
        decoded = encoding.decode_counted(data)
        self.encoding, self.replaced = decoded.encoding, decoded.replaced
        origin = str(self.path)
        if self.kind == "text":
            draft = _plain_fields(parse_plain_article(decoded.text, origin))
            if _too_long(draft):
                raise BadArticle(TOO_LONG)
            yield draft
            return
        data = load_json(decoded.text, "the file")
        if is_timelinejs(data):
            records = timelinejs_records(data)
        else:
            records = data if isinstance(data, list) else [data]
        for number, record in enumerate(records, start=1):
            where = f"article {number}"
            try:
                draft = _plain_fields(record_draft(record, where, origin))
            except BadArticle as exc:
                yield Rejected(where, str(exc).removeprefix(f"{where}: "))
                continue
            yield Rejected(where, TOO_LONG) if _too_long(draft) else draft

    def _timeline(self) -> Iterator[ArticleDraft | Rejected]:
        # XML says its own encoding; the parser reads the bytes.
        data = self._file.read(self.size + 1)
        entries = parse_timeline(data, str(self.path))
        self.encoding = encoding.Encoding("utf-8", "UTF-8")
        for number, entry in enumerate(entries, start=1):
            draft = entry.draft  # XML has decoded its references: the text is plain already
            if _too_long(draft):
                yield Rejected(f"event {number}", TOO_LONG)
                continue
            self._stated[draft] = entry
            yield draft

    def _json_lines(self) -> Iterator[ArticleDraft | Rejected]:
        sample = self._file.read(encoding.SAMPLE_BYTES)
        self.encoding = encoding.detect(sample, complete=len(sample) < encoding.SAMPLE_BYTES)
        chars = len(sample.decode(self.encoding.codec, "replace"))
        self._bytes_per_char = len(sample) / chars if chars else 1.0
        self._file.seek(0)
        # newline=None folds \r\n and \r to \n, as for the other formats.
        self._text = text = io.TextIOWrapper(
            self._file, encoding=self.encoding.codec, errors=encoding.ERRORS, newline=None
        )
        origin = str(self.path)
        number = 0
        while True:
            before = encoding.replaced_so_far()
            line = text.readline(MAX_ARTICLE_CHARS + 1)
            if not line:
                break
            number += 1
            self._chars_read += len(line)
            where = f"line {number}"
            if len(line) > MAX_ARTICLE_CHARS and not line.endswith("\n"):
                # Skip the rest of the line without holding it.
                while (rest := text.readline(_SKIP_CHUNK)) and not rest.endswith("\n"):
                    self._chars_read += len(rest)
                self.replaced += encoding.replaced_so_far() - before
                yield Rejected(where, TOO_LONG)
                continue
            self.replaced += encoding.replaced_so_far() - before
            if not line.strip():
                continue
            try:
                draft = _plain_fields(parse_json_line(line, number, origin))
            except BadArticle as exc:
                yield Rejected(where, str(exc).removeprefix(f"{where}: "))
                continue
            yield draft


def read_text_stream(stream: BinaryIO) -> encoding.Decoded:
    """Any text (a file, standard input) decoded like an article file, bounded in size."""
    data = stream.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise BadArticle(f"more than the {MAX_TEXT_BYTES:,} bytes a text may be")
    return encoding.decode_counted(data)


def read_articles(path: Path) -> Iterator[ArticleDraft]:
    """Every article in a file, all or nothing: a record that is not one raises BadArticle.

    Raises BadArticle or UnreadableFile (or OSError) for a bad file.
    """
    with ArticleFile(path) as source:
        for item in source:
            if isinstance(item, Rejected):
                raise BadArticle(str(item))
            yield item
