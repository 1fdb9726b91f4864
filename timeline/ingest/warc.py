"""Web archives (.warc, .warc.gz, read with warcio): every HTML response is a web page.

The capture time (WARC-Date) is kept as the crawl time, never as the publication
date; the target URI is the article's link.  An archive cut short or damaged keeps the
pages of the records read whole before it (DamagedData, as a cut .jsonl.gz).  What
warcio prints of an archive's faults is kept from the terminal and said in the
report's words (_WarcioSys).
"""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Iterator
from typing import Any, BinaryIO

from timeline.ingest.errors import BadArticle, DamagedData
from timeline.ingest.inflate import bomb_reason, open_gzip
from timeline.ingest.webpage import MAX_PAGE_BYTES, page_draft, quiet_libraries
from timeline.model import ArticleDraft

_CHUNK = 1 << 16
# The longest line warcio is let read (a record's or a page's header, the blank lines
# between records): warcio joins a line's 16 KiB pieces one to the next, quadratic in
# its length (a header line of 20 MB read in 1 s, 40 MB in 24 s, 80 MB in 119 s, all of
# it held); real headers are a few KB, a very long address 64 KB.
MAX_HEADER_LINE = 1 << 20
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MAGIC = b"\x1f\x8b"


def _is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if not str(record.http_headers.get_statuscode() or "").startswith("2"):
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(content_type.startswith(kind) for kind in _HTML_TYPES)


def _where(record: Any, number: int) -> str:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    return f"record {number} ({uri[:80]})" if uri else f"record {number}"


def _page(record: Any, number: int, origin: str) -> ArticleDraft | tuple[str, str]:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = _where(record, number)
    with _WARCIO_SAID as said:
        content = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if said.getvalue():
        # warcio's words for a Content-Encoding that stops inflating part way (zlib's
        # "Error -3 while decompressing data: invalid block type"): it gave the page up
        # to there as if whole.
        detail = said.getvalue().strip().splitlines()[-1][:200]
        return where, f"its page's compressed content is damaged ({detail})"
    if len(content) > MAX_PAGE_BYTES:
        return where, f"a page larger than {MAX_PAGE_BYTES:,} bytes"
    captured = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return page_draft(content, origin, url=uri, captured=captured)
    except BadArticle as exc:
        return where, str(exc)


def warc_pages(stream: BinaryIO, origin: str) -> Iterator[ArticleDraft | tuple[str, str]]:
    """A draft for every HTML response, (where, reason) for those that are not articles.

    Raises DamagedData where the archive is cut short or damaged, after the pages of the
    records read whole before (ingest.until_damaged keeps them), its `after` the number
    of those records.  A .warc.gz is inflated by the import's gzip reader (its bomb
    caps, its words for a cut), not by warcio's, which took a cut inside a record's
    gzip member for the end of the archive and said nothing of the rest.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    # What reading a damaged or cut archive raises (warcio's, the gzip reader's, ours).
    damage = (DamagedData, ArchiveLoadFailed, EOFError, ValueError, OSError)
    _WarcioSys.install()
    quiet_libraries()
    if _is_gzip(stream):
        stream = open_gzip(stream)  # the caller closes the file under it
    read_whole = 0
    inflated = 0
    given = _ReadOnce(stream)
    records = ArchiveIterator(given, no_record_parse=False, arc2warc=True)
    _bound_lines(records.reader)
    while True:
        number = read_whole + 1
        ending: Exception | None = None
        try:
            with _WARCIO_SAID:
                record = next(records, None)
            if record is None:
                # warcio ends quietly where the data ends inside a record's headers (it
                # takes the EOFError for the end): the record it began is in next_line,
                # or it is the first and data was read.
                if records.next_line or (read_whole == 0 and given.read_any):
                    raise DamagedData(
                        f"record {number} is cut short: a truncated web archive",
                        after=read_whole,
                    )
                break
            item: ArticleDraft | tuple[str, str] | None = None
            if _is_html_page(record):
                item = _page(record, number, origin)
            # Read what is left of the record: the archive is cut short if it ends early.
            while chunk := record.raw_stream.read(_CHUNK):
                inflated += len(chunk)  # (warcio inflates gzip found inside the data)
                reason = bomb_reason(inflated, _tell(stream))
                if reason is not None:
                    raise BadArticle(reason)
            # The blank lines that end the record, read now (warcio reads them with the
            # next record) so that a record they do not follow is known before its page
            # is given: its Content-Length is wrong, and what was read as its page is
            # not all of it, or runs into what follows.
            faults = records.err_count
            try:
                with _WARCIO_SAID:
                    records.read_to_end()
            except damage as exc:
                ending = exc  # in the data after the record, which was read whole
            if records.err_count > faults:
                item = (
                    _where(record, number),
                    "not followed by the blank line that ends a record: its Content-Length"
                    " is wrong (a damaged web archive)",
                )
        except (*damage, AttributeError) as exc:
            raise _damage(exc, number, read_whole) from exc
        missing = getattr(record.raw_stream, "limit", 0)
        if missing > 0:
            raise DamagedData(
                f"record {number} is cut short ({missing:,} bytes missing):"
                " a truncated web archive",
                after=read_whole,
            )
        if record.length is None:  # its headers cut before their Content-Length
            raise DamagedData(
                f"record {number} is cut short: a truncated web archive", after=read_whole
            )
        read_whole = number
        if item is not None:
            yield item
        if ending is not None:
            raise _damage(ending, read_whole + 1, read_whole) from ending
    if read_whole == 0:
        raise BadArticle("an empty web archive (no records)")


def _damage(exc: Exception, number: int, read_whole: int) -> DamagedData:
    """The DamagedData of an exception met reading record `number` (or the data before
    it), after `read_whole` records read whole."""
    from warcio.exceptions import ArchiveLoadFailed

    if isinstance(exc, DamagedData):
        return DamagedData(str(exc), after=read_whole)
    if isinstance(exc, ArchiveLoadFailed):
        return DamagedData(
            f"not a readable web archive near record {number} ({exc})", after=read_whole
        )
    if isinstance(exc, AttributeError):
        # warcio's, of a request or response record without its target URI (its
        # headers cut before it): uri.startswith on None.
        return DamagedData(
            f"record {number} has no target address: a truncated or damaged web archive",
            after=read_whole,
        )
    return DamagedData(
        f"a truncated or damaged web archive record near record {number} "
        f"({type(exc).__name__}: {exc})",
        after=read_whole,
    )


def _bound_lines(reader: Any) -> None:
    """warcio's reader, its lines read no further than MAX_HEADER_LINE: DamagedData past
    it.  Every line warcio reads goes through this reader's readline (the record's
    headers, and the page's through the record's LimitReader)."""
    readline = reader.readline

    def bounded(length: int | None = None) -> bytes:
        cap = MAX_HEADER_LINE if length is None or length < 0 else min(length, MAX_HEADER_LINE)
        # In pieces joined once: warcio's readline(n) may also stop short of n (it
        # takes each piece's length off n as the line so far).
        parts: list[bytes] = []
        got = 0
        while got < cap:
            part: bytes = readline(cap - got)
            if not part:
                break
            parts.append(part)
            got += len(part)
            if part.endswith(b"\n"):
                return b"".join(parts)
        if got >= MAX_HEADER_LINE:
            raise DamagedData(
                f"a line longer than {MAX_HEADER_LINE:,} bytes where headers are:"
                " a damaged web archive"
            )
        return b"".join(parts)

    reader.readline = bounded


class _WarcioSys:
    """Stands for the sys module in warcio's modules that write to stderr (a record not
    followed by its blank line, a page's content that stops inflating): while a thread
    reads an archive, what they write goes to its _WarcioSaid, for the report to say in
    its words, never to the terminal (it held the archive's bytes as they were).  Any
    other thread's, or any other use of warcio, prints as before: redirect_stderr would
    have swapped the process's stderr for every thread while an archive is read."""

    _installed = False

    @classmethod
    def install(cls) -> None:
        """Put in warcio's modules once a process."""
        if cls._installed:
            return
        from warcio import archiveiterator, bufferedreaders

        archiveiterator.sys = bufferedreaders.sys = cls()
        cls._installed = True

    def __getattr__(self, name: str) -> Any:
        return getattr(sys, name)

    @property
    def stderr(self) -> Any:
        said = _WARCIO_SAID.said
        return sys.stderr if said is None else said


class _WarcioSaid(threading.local):
    """What warcio wrote to stderr in this thread inside `with` (the value it gives)."""

    said: io.StringIO | None = None

    def __enter__(self) -> io.StringIO:
        self.said = io.StringIO()
        return self.said

    def __exit__(self, *exc: object) -> None:
        self.said = None


_WARCIO_SAID = _WarcioSaid()


class _ReadOnce:
    """A stream whose read is one read of the data below at most (read1), so that the
    read that finds the data cut gives up nothing read before it: warcio reads 16 KiB at
    a time, and a cut in the second half of a read lost the whole records in its first."""

    def __init__(self, stream: BinaryIO) -> None:
        self._read = getattr(stream, "read1", stream.read)
        self.read_any = False

    def read(self, size: int = -1) -> bytes:
        data = bytes(self._read(size))
        self.read_any = self.read_any or bool(data.strip())
        return data


def _is_gzip(stream: BinaryIO) -> bool:
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return bytes(peek(2)[:2]) == _GZIP_MAGIC
    start = stream.tell()
    head = stream.read(2)
    stream.seek(start)
    return head == _GZIP_MAGIC


def _tell(stream: BinaryIO) -> int:
    try:
        return stream.tell()
    except (OSError, ValueError):
        return 0
