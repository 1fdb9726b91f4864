"""Web archives (.warc, .warc.gz, read with warcio): every HTML response is a web page.

The capture time (WARC-Date) is kept as the crawl time, never as the publication
date; the target URI is the article's link.  A record cut short fails the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from timeline.ingest.errors import BadArticle
from timeline.ingest.inflate import bomb_reason
from timeline.ingest.webpage import MAX_PAGE_BYTES, page_draft
from timeline.model import ArticleDraft

_CHUNK = 1 << 16
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if not str(record.http_headers.get_statuscode() or "").startswith("2"):
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(content_type.startswith(kind) for kind in _HTML_TYPES)


def _page(record: Any, number: int, origin: str) -> ArticleDraft | tuple[str, str]:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"record {number} ({uri[:80]})" if uri else f"record {number}"
    content = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(content) > MAX_PAGE_BYTES:
        return where, f"a page larger than {MAX_PAGE_BYTES:,} bytes"
    captured = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return page_draft(content, origin, url=uri, captured=captured)
    except BadArticle as exc:
        return where, str(exc)


def warc_pages(stream: BinaryIO, origin: str) -> Iterator[ArticleDraft | tuple[str, str]]:
    """A draft for every HTML response, (where, reason) for those that are not articles."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    inflated = 0
    try:
        for record in ArchiveIterator(stream, no_record_parse=False, arc2warc=True):
            number += 1
            item: ArticleDraft | tuple[str, str] | None = None
            if _is_html_page(record):
                item = _page(record, number, origin)
            # Read what is left of the record: the archive is cut short if it ends early.
            while chunk := record.raw_stream.read(_CHUNK):
                inflated += len(chunk)
                reason = bomb_reason(inflated, _tell(stream))
                if reason is not None:
                    raise BadArticle(reason)
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise BadArticle(
                    f"record {number} is cut short ({record.raw_stream.limit:,} bytes missing):"
                    " a truncated web archive"
                )
            if item is not None:
                yield item
    except ArchiveLoadFailed as exc:
        raise BadArticle(f"not a readable web archive near record {number + 1} ({exc})") from exc
    except (EOFError, ValueError, OSError) as exc:
        raise BadArticle(
            f"a truncated or damaged web archive record near record {number + 1} "
            f"({type(exc).__name__}: {exc})"
        ) from exc
    if number == 0:
        raise BadArticle("an empty web archive (no records)")


def _tell(stream: BinaryIO) -> int:
    try:
        return stream.tell()
    except (OSError, ValueError):
        return 0
