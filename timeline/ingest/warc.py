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

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if not str(record.http_headers.get_statuscode() or "").startswith("2"):
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(content_type.startswith(kind) for kind in _HTML_TYPES)


def warc_pages(stream: BinaryIO, origin: str) -> Iterator[ArticleDraft | tuple[str, str]]:
    """A draft for every HTML response, (where, reason) for those that are not articles."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    inflated = 0
    try:
        for record in ArchiveIterator(stream, no_record_parse=False, arc2warc=True):
            number += 1
            if not _is_html_page(record):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"record {number} ({uri[:80]})" if uri else f"record {number}"
            content = record.content_stream().read(MAX_PAGE_BYTES + 1)
            inflated += len(content)
            reason = bomb_reason(inflated, _tell(stream))
            if reason is not None:
                raise BadArticle(reason)
            if len(content) > MAX_PAGE_BYTES:
                yield where, f"a page larger than {MAX_PAGE_BYTES:,} bytes"
                continue
            captured = record.rec_headers.get_header("WARC-Date") or ""
            try:
                yield page_draft(content, origin, url=uri, captured=captured)
            except BadArticle as exc:
                yield where, str(exc)
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
