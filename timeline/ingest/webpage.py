"""Web pages (saved .html files, fetched URLs, WARC records) as articles.

trafilatura finds the main text, title, author and site name; its publication date
comes from htmldate (the page's metadata, never the crawl).  Where htmldate finds
none, a date line near the top of the text is read by our own parser.  The page is
parsed only: no script runs and nothing it links to (images, frames) is fetched.
"""

from __future__ import annotations

from typing import Any

from timeline import dating
from timeline.ingest.errors import BadArticle
from timeline.model import ArticleDraft

MAX_PAGE_BYTES = 50 * 1024 * 1024
# Less main text than this is not an article: an index, a login wall, an error page.
MIN_ARTICLE_CHARS = 150
_DATE_LINE_CHARS = 120
_DATE_LINES = 8
_DAY_OR_FINER = {"day", "hour", "minute", "second"}
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


def _date_line(text: str) -> str:
    """The first short line near the top of the text that is a date (day or finer)."""
    for line in text.split("\n")[:_DATE_LINES]:
        line = line.strip()
        if not line or len(line) > _DATE_LINE_CHARS:
            continue
        value = dating.parse_date_line(line)
        if value is not None and value.granularity in _DAY_OR_FINER:
            return line
    return ""


def page_draft(
    data: bytes | str,
    origin: str,
    *,
    url: str = "",
    captured: str = "",
) -> ArticleDraft:
    """The article a web page holds; BadArticle when it holds none (an index, a login wall)."""
    import logging

    import trafilatura  # costs a quarter second; only an import of web pages pays it

    # trafilatura and htmldate log every page they find wanting; the import reports instead.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL)

    if not data or (isinstance(data, bytes) and not data.strip()):
        raise BadArticle("an empty page")
    try:
        found: Any = trafilatura.bare_extraction(
            data,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError) as exc:  # lxml's answers to pages that are not HTML
        raise BadArticle(f"not a readable web page ({exc})") from exc
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise BadArticle(
            f"not an article: {len(text)} characters of main text "
            "(an index page, a login wall or an error page?)"
        )
    title = (getattr(found, "title", None) or "").strip()
    first, _, rest = text.partition("\n")
    if not title:
        title = first[:200]
    if first.strip() == title and len(rest.strip()) >= MIN_ARTICLE_CHARS:
        text = rest.strip()  # the headline again, at the top of the main text
    published = (getattr(found, "date", None) or "").strip() or _date_line(text)
    return ArticleDraft(
        title=title,
        body=text,
        source=(getattr(found, "sitename", None) or "").strip(),
        url=url or (getattr(found, "url", None) or ""),
        author=(getattr(found, "author", None) or "").strip(),
        lang="ar" if _mostly_arabic(text) else (getattr(found, "language", None) or "")[:8],
        published_raw=published,
        origin=origin,
        captured=captured,
    )


def _mostly_arabic(text: str) -> bool:
    sample = text[:2000]
    letters = [c for c in sample if c.isalpha()]
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    return not letters or arabic * 2 >= len(letters)
