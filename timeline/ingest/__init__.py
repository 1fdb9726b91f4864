"""Importers: files of each supported format become ArticleDrafts, read as a stream."""

from __future__ import annotations

import dataclasses
import html
import io
import itertools
import json
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from timeline.ingest import encoding
from timeline.ingest.dedup import article_uid
from timeline.ingest.document import MAX_DOCX_BYTES, docx_text, odt_text
from timeline.ingest.encoding import Encoding, UnreadableFile
from timeline.ingest.errors import TOO_LONG, BadArticle, DamagedData, NotArticles
from timeline.ingest.feeds import MAX_FEED_BYTES, feed_entries, opml_entries, root_kind
from timeline.ingest.fetch import fetch, is_url
from timeline.ingest.inflate import (
    BOMB_RATIO,
    MAX_INFLATED,
    RATIO_FREE_BYTES,
    open_gzip,
    read_capped,
    sample_until_damaged,
    unopened_reason,
)
from timeline.ingest.jsonlines import (
    array_items,
    json_records,
    load_json,
    names_a_body,
    object_members,
    parse_json_line,
    record_draft,
)
from timeline.ingest.mail import (
    MAX_MESSAGE_BYTES,
    looks_like_message,
    mailbox_messages,
    message_draft,
)
from timeline.ingest.markdown import parse_markdown_article
from timeline.ingest.own_exports import png_software, refuse_image
from timeline.ingest.pdf import MAX_PDF_BYTES, pdf_text, recognized
from timeline.ingest.plaintext import parse_plain_article
from timeline.ingest.reading import PageCheck, PageStep, Reading, prefixed
from timeline.ingest.spreadsheet import read_spreadsheet
from timeline.ingest.tabular import read_table
from timeline.ingest.timeline_xml import (
    MAX_TIMELINE_BYTES,
    TimelineEntry,
    parse_timeline,
    timeline_entries,
)
from timeline.ingest.timelinejs import COLOURS_KEY, Extras, is_timelinejs, timelinejs_records
from timeline.ingest.warc import warc_pages
from timeline.ingest.webpage import MAX_PAGE_BYTES, page_draft
from timeline.ingest.workbook import MAX_WORKBOOK_BYTES, read_workbook
from timeline.model import ArticleDraft
from timeline.paths import without_dot_dots
from timeline.text.encoding import MAX_ARTICLE_CHARS, MAX_TEXT_BYTES

if TYPE_CHECKING:
    import zipfile  # imported where a zip is read: it loads shutil, which `extract` avoids

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    "": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".xml": "feed",
    ".opml": "opml",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".warc": "warc",
    ".zip": "zip",
    ".timeline": "timeline",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".ods": "ods",
    ".docx": "docx",
    ".odt": "odt",
    ".pdf": "pdf",
    ".eml": "eml",
    ".mbox": "mbox",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
}
_FORMATS = (
    ".txt, .md, .docx, .odt, .pdf, .png/.jpg (by OCR), .eml, .mbox, .jsonl, .json, .csv, .tsv,"
    " .xlsx, .ods, .rss, .atom, .xml, .opml, .html, .warc, .timeline, .zip, .gz"
)
# Tar archives, plain or compressed: not read (a .tar.gz was said as ".gz", a suffix
# the same message names as read).
_TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
# A picture of an article (read by OCR): a phone's photo is a few MB, a page scanned at
# 600 dpi tens.
MAX_IMAGE_BYTES = 50 * 1024 * 1024
# Read as a stream (never held whole): every other format is read whole, bounded.
# A JSON file is streamed when it is a list of articles or a TimelineJS document larger
# than MAX_JSON_BYTES (read whole otherwise).
_STREAMED = {"jsonl", "json", "csv", "tsv", "warc", "mbox", "timeline"}

# What one article may be (timeline.text.encoding): a larger record is refused with
# the reason TOO_LONG (ingest.errors), and a .txt file may be MAX_TEXT_BYTES.
# A .json file is parsed whole; a larger data set belongs in JSON Lines, read as a stream.
MAX_JSON_BYTES = 100 * 1024 * 1024
# What a format read whole may be (after inflating, for a compressed file).
_WHOLE_LIMITS = {
    "text": MAX_TEXT_BYTES,
    "markdown": MAX_TEXT_BYTES,
    "json": MAX_JSON_BYTES,
    "feed": MAX_FEED_BYTES,
    "opml": MAX_FEED_BYTES,
    "html": MAX_PAGE_BYTES,
    "timeline": MAX_TIMELINE_BYTES,
    "xlsx": MAX_WORKBOOK_BYTES,
    "ods": MAX_WORKBOOK_BYTES,
    "docx": MAX_DOCX_BYTES,
    "odt": MAX_DOCX_BYTES,
    "pdf": MAX_PDF_BYTES,
    "image": MAX_IMAGE_BYTES,
    "eml": MAX_MESSAGE_BYTES,
}
_SKIP_CHUNK = 1 << 20
# Records of a zip member held before the first is given (see _zip_members).
MEMBER_HELD = 1000

# Fields that are text to read; HTML character references in them are decoded (the
# result stays plain text).  The url is left as written: '&' is part of a query.
_UNESCAPED_FIELDS = ("title", "body", "source", "author", "caption", "credit")

__all__ = [
    "MAX_ARTICLE_CHARS",
    "ArticleFile",
    "BadArticle",
    "PageStep",
    "Rejected",
    "UnreadableFile",
    "WebArticles",
    "article_uid",
    "collect_files",
    "empty_folders",
    "format_of",
    "is_url",
    "open_source",
    "origin_of",
    "pasted_suffix",
    "read_articles",
]


@dataclass(frozen=True)
class Rejected:
    """A record of a file that cannot be an article: where it is and why."""

    where: str  # "line 686", "article 3"
    reason: str
    # The rest of the file (or of a zip's member) after it was not read: cut short or
    # damaged there.  Said first in a report, whatever else was left out.
    rest_lost: bool = False

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def format_of(name: str) -> tuple[str, bool] | None:
    """(format, gzip-compressed) a file name says, or None for a format not read.

    'a.csv.gz' is a gzip-compressed CSV; a .warc.gz is read by the WARC reader itself.
    """
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return "warc", False
    compressed = lower.endswith(".gz")
    if compressed:
        lower = lower[:-3]
    suffix = Path(lower).suffix
    kind = SUFFIXES.get(suffix)
    if kind is None or (compressed and kind == "zip"):
        return None
    return kind, compressed


def _tar_suffix(name: str) -> str | None:
    """The tar archive's suffix a file name ends in (".tar.gz"), lower case; else None."""
    return next((t for t in _TAR_SUFFIXES if name.lower().endswith(t)), None)


def content_bytes(path: Path) -> int:
    """About how many bytes of text reading the file gives: its size; a gzip file's by
    its trailer (the size it holds modulo 4 GiB, never taken below the compressed size);
    a zip's by its directory.  Its size where those cannot be read or it is no regular
    file (0: no file)."""
    import zipfile

    try:
        info = path.stat()
    except OSError:
        return 0
    size = info.st_size
    if not stat.S_ISREG(info.st_mode):
        return size  # a pipe (process substitution): never opened here, nor read twice
    found = format_of(path.name)
    try:
        if path.name.lower().endswith(".gz"):
            with path.open("rb") as f:
                f.seek(max(size - 4, 0))
                return max(size, int.from_bytes(f.read(4), "little"))
        if found is not None and found[0] == "zip":
            with zipfile.ZipFile(path) as archive:
                return max(size, sum(info.file_size for info in archive.infolist()))
    except (OSError, ValueError, EOFError, zipfile.BadZipFile):
        pass  # read as it can be, and said then
    return size


def pasted_suffix(data: bytes) -> str:
    """The file suffix of text given without a name (pasted, or piped to `timeline
    import -`), by how it begins: JSON Lines, JSON, a feed, a .timeline file, a page,
    Markdown with front matter, a PDF, a PNG or JPEG picture, an e-mail message or
    mailbox, else plain text."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return ".pdf"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return ".png"
    if data[:3] == b"\xff\xd8\xff":
        return ".jpg"
    head = data[:4096].decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        # JSON Lines when its first line is a whole object and more follows (an article
        # a line is often longer than the head looked at).
        end = data.find(b"\n")
        if end < 0 or not data[end + 1 :].strip():
            return ".json"
        try:
            json.loads(data[:end])
        except ValueError:
            return ".json"
        return ".jsonl"
    if head.startswith("["):
        return ".json"
    if head.startswith("<"):
        lower = head[:2048].lower()
        if "<timeline" in lower:
            return ".timeline"
        if any(root in lower for root in ("<rss", "<feed", "<rdf:rdf", "<opml")):
            return ".opml" if "<opml" in lower else ".xml"
        return ".html"
    if head.startswith(("---\n", "---\r\n", "+++\n", "+++\r\n")):  # YAML's or TOML's
        return ".md"
    return looks_like_message(head) or ".txt"


def collect_files(paths: Iterable[Path | str]) -> tuple[list[Path | str], list[Path]]:
    """(importable files and URLs, skipped files) under the given files, folders and URLs.

    A file named on its own is always tried (so is a URL); inside a folder, hidden
    files and files of other formats are skipped.  One named as an article format that
    is no regular file (a broken link, a pipe) is tried too, and fails with a line that
    says why: leaving it out said nothing of it.  A picture (read by OCR) is read when
    named, never collected from a folder: a folder's pictures are a saved page's icons
    and an article's photos far more often than articles.  The order is stable.
    """
    files: list[Path | str] = []
    skipped: list[Path] = []
    for path in paths:
        if isinstance(path, str):
            if is_url(path):
                files.append(path.strip())
                continue
            path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                parts = child.relative_to(path).parts
                if child.is_dir() or any(p.startswith(".") for p in parts):
                    continue
                found = format_of(child.name)
                if found is not None and found[0] != "image":
                    files.append(child)
                elif child.is_file():
                    skipped.append(child)
        else:
            files.append(path)
    return files, skipped


def empty_folders(
    paths: Iterable[Path | str], files: Sequence[Path | str], skipped: Sequence[Path]
) -> list[Path]:
    """The folders among paths in which collect_files found nothing, not even a file it
    skipped (an empty folder, or one of hidden files only): an import of one said
    "0 added" and nothing of why."""
    found = [f for f in (*files, *skipped) if isinstance(f, Path)]
    empty = []
    for path in paths:
        if isinstance(path, str):
            if is_url(path):
                continue
            path = Path(path)
        if path.is_dir() and not any(f.is_relative_to(path) for f in found):
            empty.append(path)
    return empty


def origin_of(path: Path) -> str:
    """path as an article's origin: its text, or where its name's bytes are not UTF-8
    (a file named on another system, in Windows-1256), those bytes each U+FFFD.  Python
    keeps such bytes as lone surrogates, which SQLite cannot store: every article of the
    file failed on its origin.  Absolute: "samples/a.txt" names no file once the
    library is opened from elsewhere (and `timeline remove --origin` matches it); and
    without ".." steps, one origin for each file however it was reached."""
    path = without_dot_dots(path.absolute())
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "replace")
    return text


def _plain_fields(draft: ArticleDraft) -> ArticleDraft:
    """The draft with HTML character references (&#8220; &amp;) decoded to characters,
    and then without the spaces around each text, as the readers give them: a reference
    to a space ("&nbsp;" before SaudiNewsNet's 344 authors) was stored as one, which the
    program's own export, read again, no longer had (the article changed on the way).

    A record of the program's own export (its uid: the uid column of CSV, JSON Lines
    and the workbook, a TimelineJS slide's key) holds its texts as stored, already
    decoded (a TimelineJS slide's paragraphs once, as they were escaped): decoded again,
    an article whose text really holds "&amp;" came back with "&"."""
    if draft.uid:
        return draft
    changes: dict[str, Any] = {
        name: html.unescape(value).strip()
        for name in _UNESCAPED_FIELDS
        if "&" in (value := getattr(draft, name))
    }
    return dataclasses.replace(draft, **changes) if changes else draft


def _too_long(draft: ArticleDraft) -> bool:
    chars = len(draft.title) + len(draft.body) + len(draft.caption) + len(draft.note)
    return chars > MAX_ARTICLE_CHARS


def _rejected(item: ArticleDraft | tuple[str, str], where_prefix: str = "") -> Rejected | None:
    if isinstance(item, tuple):
        return Rejected(where_prefix + item[0], item[1])
    return Rejected(where_prefix + "article", TOO_LONG) if _too_long(item) else None


def _checked(
    items: Iterable[ArticleDraft | tuple[str, str]], *, plain: bool = False, prefix: str = ""
) -> Iterator[ArticleDraft | Rejected]:
    """Importer output as drafts and Rejected: (where, reason) and overlong drafts refused."""
    for item in items:
        refused = _rejected(item, prefix)
        if refused is not None:
            yield refused
        else:
            assert not isinstance(item, tuple)
            yield _plain_fields(item) if plain else item


def _fetch_bytes(url: str) -> bytes:
    return fetch(url).data


def _json_lines(
    stream: BinaryIO, origin: str, reading: Reading, columns: Mapping[str, str] | None = None
) -> Iterator[ArticleDraft | Rejected]:
    """The articles of a JSON Lines stream, one line held at a time."""
    sample, damage = sample_until_damaged(stream, encoding.SAMPLE_BYTES)
    found = encoding.detect(sample, complete=len(sample) < encoding.SAMPLE_BYTES)
    if damage is not None:
        # The data stops within the sample: its whole lines are read, then the damage
        # is said (until_damaged), the line it cut left out.
        sample, stream = sample[: sample.rfind(b"\n") + 1], io.BytesIO()
    text = _text_of(sample, stream, found, reading)
    yield from _json_lines_of(text, origin, reading, columns)
    if damage is not None:
        raise damage


def _json_lines_of(
    text: io.TextIOWrapper, origin: str, reading: Reading, columns: Mapping[str, str] | None
) -> Iterator[ArticleDraft | Rejected]:
    """_json_lines of the stream's text."""
    number = 0
    while True:
        before = encoding.replaced_so_far()
        line = text.readline(MAX_ARTICLE_CHARS + 1)
        if not line:
            break
        number += 1
        reading.chars_read += len(line)
        where = f"line {number}"
        if len(line) > MAX_ARTICLE_CHARS and not line.endswith("\n"):
            # Skip the rest of the line without holding it.
            while (rest := text.readline(_SKIP_CHUNK)) and not rest.endswith("\n"):
                reading.chars_read += len(rest)
            reading.replaced += encoding.replaced_so_far() - before
            yield Rejected(where, TOO_LONG)
            continue
        reading.replaced += encoding.replaced_so_far() - before
        if not line.strip():
            continue
        try:
            draft = _plain_fields(parse_json_line(line, number, origin, columns))
        except NotArticles:
            raise
        except BadArticle as exc:
            yield Rejected(where, str(exc).removeprefix(f"{where}: "))
            continue
        yield draft


def _whole(
    kind: str,
    data: bytes,
    origin: str,
    reading: Reading,
    url: str = "",
    columns: Mapping[str, str] | None = None,
) -> Iterator[ArticleDraft | Rejected]:
    """The articles of a document read whole (a text, a JSON file, a feed, a page)."""
    if kind == "feed":
        yield from _checked(feed_entries(data, origin))
        return
    if kind == "opml":
        yield from _checked(opml_entries(data, _fetch_bytes))
        return
    if kind == "timeline":
        yield from _timeline_drafts(parse_timeline(data, origin), reading)
        return
    if kind in ("xlsx", "ods"):
        read = read_workbook if kind == "xlsx" else read_spreadsheet
        book = read(data, origin, columns=columns, max_chars=MAX_ARTICLE_CHARS, reading=reading)
        yield from _checked(book, plain=True)
        return
    if kind in ("docx", "odt"):
        text = docx_text(data) if kind == "docx" else odt_text(data)
        draft = _plain_fields(parse_plain_article(text, origin))
        if _too_long(draft):
            raise BadArticle(TOO_LONG)
        yield draft
        return
    if kind == "eml":
        draft = _plain_fields(message_draft(data, origin, reading.check))
        if _too_long(draft):
            raise BadArticle(TOO_LONG)
        yield draft
        return
    if kind == "pdf":
        found = pdf_text(data, MAX_ARTICLE_CHARS, check=reading.check)
        reading.unread_scans += found.unread
        draft = _plain_fields(parse_plain_article(found.text, origin))
        # Where it was fetched from, else the address a browser printed in its footer.
        if (url or found.url) and not draft.url:
            draft = dataclasses.replace(draft, url=url or found.url)
        if found.recognized:  # read from scanned pages: said in the detail pane
            draft = dataclasses.replace(draft, body_kind="ocr")
        if _too_long(draft):
            raise BadArticle(TOO_LONG)
        yield draft
        return
    if kind == "image":
        from timeline.ingest import ocr  # here: it loads shutil, which `extract` avoids

        refuse_image(png_software(data))
        if reading.check is not None:
            reading.check(PageStep(0, 1, recognizing=True))  # a picture: one page to read
        text = recognized(ocr.image_text(data))
        if not text.strip():
            raise BadArticle("no text was found in it")
        draft = dataclasses.replace(parse_plain_article(text, origin), body_kind="ocr")
        if url and not draft.url:
            draft = dataclasses.replace(draft, url=url)
        if _too_long(draft):
            raise BadArticle(TOO_LONG)
        yield _plain_fields(draft)
        return
    if kind == "html":
        draft = page_draft(data, origin, url=url)
        if _too_long(draft):
            raise BadArticle(TOO_LONG)
        yield draft
        return
    decoded = encoding.decode_counted(data)
    reading.encoding, reading.replaced = decoded.encoding, decoded.replaced
    if kind in ("text", "markdown"):
        parse = parse_plain_article if kind == "text" else parse_markdown_article
        draft = _plain_fields(parse(decoded.text, origin))
        if _too_long(draft):
            raise BadArticle(TOO_LONG)
        yield draft
        return
    loaded = load_json(decoded.text, "the file")
    records = timelinejs_records(loaded) if is_timelinejs(loaded) else json_records(loaded)
    for number, record in enumerate(records, start=1):
        yield _json_article(record, f"article {number}", origin, columns)


def _timeline_drafts(
    entries: Iterable[TimelineEntry | tuple[str, str]], reading: Reading
) -> Iterator[ArticleDraft | Rejected]:
    # XML says its own encoding and decodes its references: the text is plain already.
    for number, entry in enumerate(entries, start=1):
        if isinstance(entry, tuple):
            yield Rejected(*entry)
            continue
        if _too_long(entry.draft):
            yield Rejected(f"event {number}", TOO_LONG)
            continue
        reading.stated[entry.draft] = entry  # taken by stated_range
        yield entry.draft


def _json_article(
    record: object, where: str, origin: str, columns: Mapping[str, str] | None
) -> ArticleDraft | Rejected:
    """The article a decoded JSON record of a file holds, or why it is not one."""
    if isinstance(record, BadArticle):  # an item a streamed list could not decode
        return Rejected(where, str(record))
    try:
        draft = _plain_fields(record_draft(record, where, origin, columns))
    except NotArticles:
        raise
    except BadArticle as exc:
        return Rejected(where, str(exc).removeprefix(f"{where}: "))
    return Rejected(where, TOO_LONG) if _too_long(draft) else draft


def _text_of(
    sample: bytes, stream: BinaryIO, found: encoding.Encoding, reading: Reading
) -> io.TextIOWrapper:
    """The text of a stream whose first bytes (sample) were read to find its encoding,
    decoded as it is read; reading learns the encoding and its bytes a character."""
    reading.encoding = found
    chars = len(sample.decode(found.codec, "replace"))
    reading.bytes_per_char = len(sample) / chars if chars else 1.0
    # newline=None folds \r\n and \r to \n, as for the other formats.
    return io.TextIOWrapper(
        prefixed(sample, stream), encoding=found.codec, errors=encoding.ERRORS, newline=None
    )


def _json_file(
    stream: BinaryIO,
    origin: str,
    reading: Reading,
    columns: Mapping[str, str] | None,
    url: str = "",
) -> Iterator[ArticleDraft | Rejected]:
    """The articles of a JSON file: a list of them read as a stream, one held at a time
    (a damaged one skipped, a cut file read up to the cut); anything else (one article,
    an API's answer, TimelineJS) read whole, up to MAX_JSON_BYTES."""
    sample = stream.read(encoding.SAMPLE_BYTES)
    found = encoding.detect(sample, complete=len(sample) < encoding.SAMPLE_BYTES)
    head = sample.decode(found.codec, "replace").lstrip("\ufeff \t\r\n")
    if not head.startswith("["):
        if _file_size(stream) <= MAX_JSON_BYTES:  # not a file larger: not read to know
            data = sample + stream.read(max(MAX_JSON_BYTES + 1 - len(sample), 0))
            if len(data) <= MAX_JSON_BYTES:
                yield from _whole("json", data, origin, reading, url, columns)
                return
            del data
        too_large = BadArticle(
            f"more than the {MAX_JSON_BYTES:,} bytes a JSON file not holding a list of"
            " articles (or a TimelineJS document) may be (a list is read as a stream; or"
            " use JSON Lines)"
        )
        if not head.startswith("{") or not stream.seekable():
            raise too_large
        yield from _object_streamed(stream, found, origin, reading, columns, too_large)
        return
    text = _text_of(sample, stream, found, reading)
    while (first := text.read(1)) and first != "[":  # the BOM and space before it
        reading.chars_read += 1

    def counted(chars: int) -> None:
        reading.chars_read += chars

    before = encoding.replaced_so_far()
    try:
        for number, item in enumerate(array_items(text, MAX_ARTICLE_CHARS, counted), start=1):
            yield _json_article(item, f"article {number}", origin, columns)
    finally:
        reading.replaced += encoding.replaced_so_far() - before


def _file_size(stream: BinaryIO) -> int:
    """The size of the file a stream reads, 0 when it is no file (a pipe, a download,
    what a gzip file inflates to)."""
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        return 0


def _object_streamed(
    stream: BinaryIO,
    found: encoding.Encoding,
    origin: str,
    reading: Reading,
    columns: Mapping[str, str] | None,
    too_large: BadArticle,
) -> Iterator[ArticleDraft | Rejected]:
    """The articles of a JSON object too large to read whole, read as a stream twice:
    a TimelineJS document (this program's export of a large library) or an API's answer
    holding its articles in one list ({"status": "ok", "articles": [...]}), as either
    is read whole.  The first pass learns which it is and what a document says beside
    its slides (the events the user added, after the slides; the tags' colours); the
    second gives the articles, one held at a time.  too_large is raised for an object
    that is neither."""

    def members(counted: Callable[[int], None], streamed: str | None) -> Iterator[tuple[str, Any]]:
        stream.seek(0)
        text = io.TextIOWrapper(stream, encoding=found.codec, errors=encoding.ERRORS, newline=None)
        try:
            while (first := text.read(1)) and first != "{":  # the BOM and space before it
                counted(1)
            yield from object_members(text, MAX_ARTICLE_CHARS, counted, streamed)
        finally:
            text.detach()  # the stream is the caller's to close

    extras = Extras()
    names: list[str] = []
    lists: list[str] = []  # the members that are lists of objects, as json_records sees them
    events = False
    try:
        for name, value in members(lambda _chars: None, None):
            names.append(name)
            if not isinstance(value, Iterator):
                if name == COLOURS_KEY:
                    extras.colours = value
                continue
            if name == "events":
                events = True
                for event in value:
                    extras.note(event)
            # Its first item that is JSON (a damaged one is skipped when it is read).
            elif isinstance(next((v for v in value if not isinstance(v, BadArticle)), None), dict):
                lists.append(name)
    except BadArticle:
        if not lists and not events:  # damaged before any list began: nothing to read
            raise
    records: Callable[[Iterator[Any]], Iterator[Any]]
    if events:
        chosen, records = "events", extras.records
    elif len(lists) == 1 and not names_a_body(names):
        chosen, records = lists[0], iter
    else:
        raise too_large

    def counted(chars: int) -> None:
        reading.chars_read += chars

    before = encoding.replaced_so_far()
    try:
        for name, value in members(counted, chosen):
            if name == chosen and isinstance(value, Iterator):
                for number, record in enumerate(records(value), start=1):
                    yield _json_article(record, f"article {number}", origin, columns)
                return
    except BadArticle:
        # Damaged or cut after its first article began (a cut inside an article is said
        # as that article's): every whole article read is kept, as of a list.
        pass
    finally:
        reading.replaced += encoding.replaced_so_far() - before


def _records(
    kind: str,
    stream: BinaryIO,
    origin: str,
    reading: Reading,
    columns: Mapping[str, str] | None,
    url: str = "",
) -> Iterator[ArticleDraft | Rejected]:
    """The articles of a stream of the given format (not a zip)."""
    if kind == "jsonl":
        yield from _json_lines(stream, origin, reading, columns)
    elif kind == "json":
        yield from _json_file(stream, origin, reading, columns, url)
    elif kind in ("csv", "tsv"):
        table = read_table(
            stream,
            origin,
            tab=kind == "tsv",
            columns=columns,
            reading=reading,
            max_chars=MAX_ARTICLE_CHARS,
        )
        yield from _checked(table, plain=True)
    elif kind == "warc":
        yield from _checked(warc_pages(stream, origin))
    elif kind == "mbox":
        yield from _checked(mailbox_messages(stream, origin, reading.check), plain=True)
    elif kind == "timeline":
        yield from _timeline_drafts(timeline_entries(stream, origin), reading)
    else:
        limit = _WHOLE_LIMITS[kind]
        data = read_capped(stream, limit, kind)
        yield from _whole(kind, data, origin, reading, url, columns)


def _zip_members(
    archive: zipfile.ZipFile, origin: str, reading: Reading, columns: Mapping[str, str] | None
) -> Iterator[ArticleDraft | Rejected]:
    """The articles of every member of a zip archive; a bad member is one skipped record."""
    import zipfile

    members = sorted(
        (m for m in archive.infolist() if not m.is_dir()), key=lambda member: member.filename
    )
    inflated = 0
    for member in members:
        name = member.filename
        # Hidden files and folders (.DS_Store, ._a.html, .git) and macOS's __MACOSX are
        # the archiver's, not articles; "." and ".." are a path's steps (./news/a.html,
        # as some archivers write every name, was left out with the rest).
        if any(
            (part.startswith(".") and part not in (".", "..")) or part == "__MACOSX"
            for part in name.split("/")
        ):
            continue
        found = format_of(name)
        if found is None or found[0] in ("zip", "image"):
            what = "not an article format"
            if found is not None:
                what = "a zip inside a zip is not opened"
                if found[0] == "image":  # as in a folder (collect_files)
                    what = "a picture in a zip is not read: import it on its own"
            elif _tar_suffix(name) is not None:
                what = "a tar archive inside a zip is not opened"  # as a zip in one
            yield Rejected(name, what)
            continue
        kind, compressed = found
        inflated += member.file_size
        if inflated > MAX_INFLATED or (
            member.file_size > RATIO_FREE_BYTES
            and member.file_size > BOMB_RATIO * max(member.compress_size, 1)
        ):
            raise BadArticle(f"{name}: inflates to {member.file_size:,} bytes (a zip bomb?)")
        limit = _WHOLE_LIMITS.get(kind)
        if (
            limit is not None
            and kind not in _STREAMED
            and not compressed
            and member.file_size > limit
        ):
            yield Rejected(name, f"{member.file_size:,} bytes is more than a {kind} file may be")
            continue
        # A member of up to MEMBER_HELD records is read whole before any is given, so
        # that a damaged one is one skipped record; a larger one is read as a stream
        # (never held whole), and damage part way skips the rest of it only.
        try:
            raw = archive.open(member)
        except (RuntimeError, NotImplementedError):  # zipfile's words for these: a repr
            yield Rejected(name, unopened_reason(member))
            continue
        given = 0
        try:
            with raw:
                stream = open_gzip(raw) if compressed else cast(BinaryIO, raw)
                records = _records(kind, stream, f"{origin}/{name}", reading, columns)
                held = list(itertools.islice(records, MEMBER_HELD))
                for item in itertools.chain(held, records) if len(held) == MEMBER_HELD else held:
                    given += 1
                    if isinstance(item, Rejected):
                        yield Rejected(f"{name}: {item.where}", item.reason)
                    else:
                        yield item
        except (
            BadArticle,
            UnreadableFile,
            zipfile.BadZipFile,
            OSError,
            EOFError,
            zlib.error,  # a damaged deflate stream inside the member
        ) as exc:
            reason = str(exc) or type(exc).__name__
            if given:
                reason += f" (the rest of it after record {given} was not read)"
            yield Rejected(name, reason, rest_lost=bool(given))
            continue


# What a record left out for damage to a compressed file's data says after its reason.
NOT_READ_ON = "the rest of the file was not read"


def until_damaged(
    items: Iterator[ArticleDraft | Rejected],
) -> Iterator[ArticleDraft | Rejected]:
    """A compressed file's records up to where its data is cut short or damaged: those
    read before stand and the rest is one record left out, as a zip member's (a file
    that fails before its first record fails whole).  A .jsonl.gz cut at 200 KB held
    146 whole records and added none, where the same cut of the .jsonl kept them all;
    --strict fails the file, as for any record left out."""
    given = 0
    try:
        for item in items:
            given += 1
            yield item
    except DamagedData as exc:
        if not given:
            raise
        after = given if exc.after is None else exc.after
        yield Rejected(f"after record {after:,}", f"{exc}; {NOT_READ_ON}", rest_lost=True)


def open_source(
    source: Path | str, columns: Mapping[str, str] | None = None
) -> ArticleFile | WebArticles:
    """The reader for a file or a URL (see ArticleFile and WebArticles)."""
    if isinstance(source, str) and is_url(source):
        return WebArticles(source, columns)
    return ArticleFile(Path(source), columns)


class _Source:
    """What every reader of articles tells about its reading (see ingest.reading)."""

    _reading: Reading

    @property
    def encoding(self) -> Encoding | None:
        return self._reading.encoding

    @property
    def replaced(self) -> int:
        return self._reading.replaced

    @property
    def unread_scans(self) -> int:
        return self._reading.unread_scans

    def stated_range(self, draft: ArticleDraft) -> TimelineEntry | None:
        """The dates a .timeline file gave for a draft it yielded (None for other formats)."""
        # Taken, not kept: a .timeline file read as a stream holds no draft after its own.
        return self._reading.stated.pop(draft, None)

    def check_between_pages(self, check: PageCheck) -> None:
        """Have check called as a record read long (a PDF's pages, a picture's OCR)
        starts on each page, with how far it is: it may raise to stop the reading (a
        cancelled import)."""
        self._reading.check = check


def _mail_kind(path: Path) -> str | None:
    """ "mbox" or "eml" for a file without a suffix that begins as a mailbox or a message
    does: Thunderbird keeps a folder as a file named as the folder ("Inbox"), Apple Mail
    exports one as "Name.mbox/mbox"."""
    with open(path, "rb") as f:
        head = f.read(4096).decode("utf-8", "replace").lstrip("\ufeff")
    found = looks_like_message(head)
    return found[1:] if found else None


class ArticleFile(_Source):
    """One file, read article by article: drafts, and Rejected for records that are not.

    Never holds more than one article of a JSON Lines, CSV or WARC file in memory,
    never reads a device or a pipe (which could be endless), and refuses a file read
    whole that is larger than it may be before reading it (a compressed one as it
    inflates, stopping at a compression bomb).  `position` and `size` (bytes) say how
    far it got; `encoding` and `replaced` what decoding cost.  A whole file that
    cannot be read raises BadArticle, UnreadableFile or OSError.
    """

    def __init__(self, path: Path, columns: Mapping[str, str] | None = None) -> None:
        self.path = path
        self.name = path.name
        found = format_of(path.name)
        if found is None:
            if path.suffix.lower() == ".xls":
                raise BadArticle(
                    "an Excel 97-2003 workbook (.xls): save it as .xlsx or CSV and import that"
                )
            if path.suffix.lower() == ".doc":
                raise BadArticle(
                    "a Word 97-2003 document (.doc): save it as .docx or as text and import that"
                )
            tar = _tar_suffix(path.name)
            if tar is not None:
                raise BadArticle(
                    f"a tar archive ({tar}) is not read: unpack it and import its folder,"
                    " or make a .zip of it"
                )
            raise BadArticle(f"unsupported file type '{path.suffix}' (use {_FORMATS})")
        self.kind, self.compressed = found
        self.columns = columns
        # stat before open: opening a FIFO blocks until someone writes to it.
        try:
            info = os.stat(path)
        except FileNotFoundError:
            if os.path.islink(path):
                raise UnreadableFile("a link to a file that does not exist; not read") from None
            raise
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("not a regular file (a device, pipe or socket); not read")
        self.size = info.st_size
        if self.kind == "text" and not self.compressed and not path.suffix:
            self.kind = _mail_kind(path) or self.kind
        limit = _WHOLE_LIMITS.get(self.kind)
        if (
            limit is not None
            and self.kind not in _STREAMED
            and not self.compressed
            and self.size > limit
        ):
            raise BadArticle(
                f"{self.size:,} bytes is more than a {self.kind} file may be "
                f"({limit:,}; use JSON Lines for large data sets)"
            )
        self._raw: BinaryIO = open(path, "rb")  # noqa: SIM115 - closed by close()
        self._reading = Reading()
        self._done = False

    @property
    def position(self) -> int:
        """Bytes of the file read so far (estimated in a JSON Lines file, decoded ahead)."""
        if self._done:
            return self.size
        if self.kind == "jsonl" and not self.compressed:
            return min(self.size, round(self._reading.chars_read * self._reading.bytes_per_char))
        if self._reading.share_read is not None:  # a workbook read whole, row by row
            return min(self.size, round(self.size * self._reading.share_read))
        try:
            return min(self.size, self._raw.tell())
        except (OSError, ValueError):
            return 0

    def close(self) -> None:
        self._raw.close()

    def __enter__(self) -> ArticleFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __iter__(self) -> Iterator[ArticleDraft | Rejected]:
        origin = origin_of(self.path)
        if self.kind == "zip":
            import zipfile

            try:
                archive = zipfile.ZipFile(self._raw)
            except zipfile.BadZipFile as exc:
                raise BadArticle(f"not a readable zip archive ({exc})") from exc
            with archive:
                yield from _zip_members(archive, origin, self._reading, self.columns)
        else:
            stream = open_gzip(self._raw) if self.compressed else self._raw
            if self.kind in _STREAMED or self.compressed:
                yield from until_damaged(
                    _records(self.kind, stream, origin, self._reading, self.columns)
                )
            else:
                # Bounded by the size checked on opening (+1 to see a file that grew since).
                data = self._raw.read(self.size + 1)
                yield from _whole(self.kind, data, origin, self._reading, columns=self.columns)
        self._done = True


_CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "text/x-opml": "opml",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "text/csv": "csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/pdf": "pdf",
    "image/png": "image",
    "image/jpeg": "image",
    "text/tab-separated-values": "tsv",
    "text/plain": "text",
    "text/markdown": "markdown",
    "application/warc": "warc",
    "message/rfc822": "eml",
    "application/mbox": "mbox",
    "application/zip": "zip",
}


class WebArticles(_Source):
    """The articles at a URL: fetched once (timeline.ingest.fetch), then read by format.

    The format comes from the content type, a feed or OPML root element, then the
    address's file name; a page that is not an article raises BadArticle.
    """

    def __init__(self, url: str, columns: Mapping[str, str] | None = None) -> None:
        self.path = url
        self.name = url
        self.columns = columns
        self.size = 0
        self._reading = Reading()
        self._done = False
        self._fetched = fetch(url)
        self.size = len(self._fetched.data)

    @property
    def position(self) -> int:
        return self.size if self._done else 0

    def kind(self) -> tuple[str, bool]:
        data = self._fetched.data
        by_type = _CONTENT_TYPES.get(self._fetched.content_type)
        by_root = root_kind(data) if data.lstrip()[:1] == b"<" else None
        if by_root is not None and by_type in (None, "html", "text"):
            return by_root, False
        if by_type is not None and by_type != "text":
            return by_type, False
        by_name = format_of(self._fetched.final_url.split("?", 1)[0].rsplit("/", 1)[-1])
        if by_name is not None:
            return by_name
        if self._fetched.content_type in ("application/gzip", "application/x-gzip"):
            raise BadArticle("a compressed download whose format the address does not say")
        return by_type or "html", False

    def close(self) -> None:
        pass

    def __enter__(self) -> WebArticles:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __iter__(self) -> Iterator[ArticleDraft | Rejected]:
        kind, compressed = self.kind()
        data = self._fetched.data
        url = self._fetched.final_url
        if kind == "zip":
            import zipfile

            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                yield from _zip_members(archive, url, self._reading, self.columns)
        elif compressed or kind in _STREAMED:
            raw: BinaryIO = io.BytesIO(data)
            stream = open_gzip(raw) if compressed else raw
            yield from until_damaged(_records(kind, stream, url, self._reading, self.columns, url))
        else:
            yield from _whole(kind, data, url, self._reading, url, self.columns)
        self._done = True


def read_articles(path: Path) -> Iterator[ArticleDraft]:
    """Every article in a file, all or nothing: a record that is not one raises BadArticle.

    Raises BadArticle or UnreadableFile (or OSError) for a bad file.
    """
    with ArticleFile(path) as source:
        for item in source:
            if isinstance(item, Rejected):
                raise BadArticle(str(item))
            yield item
