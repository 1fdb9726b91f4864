"""Web pages (saved .html files, fetched URLs, WARC records) as articles.

The main text, title, author and site name come from what the publisher marked
(JSON-LD, meta tags, the article element) or from the one element holding the page's
paragraphs, or their shared parent when they are split over sibling elements
(page_markup.py), when that is clear, else from trafilatura's full extraction (a page
whose text is then mostly teasers of other articles is an index, not an article); the
publication date comes from htmldate (the page's metadata, never the crawl).  Where htmldate finds none, a date line near the top of the text is read by our
own parser.  The page is parsed only: no script runs and nothing it links to (images,
frames) is fetched.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import re
from dataclasses import dataclass
from typing import Any

from timeline import dating
from timeline.ingest import encoding
from timeline.ingest.errors import BadArticle
from timeline.ingest.own_exports import refuse_chronology
from timeline.ingest.page_markup import (
    has_date_markup,
    marks_only_an_impossible_day,
    published_stamps,
    read_marked,
    teaser_count,
)
from timeline.model import ArticleDraft

MAX_PAGE_BYTES = 50 * 1024 * 1024
# Less main text than this is not an article: an index, a login wall, an error page.
MIN_ARTICLE_CHARS = 150
_DATE_LINE_CHARS = 120
_DATE_LINES = 8
# A date line has at most this many words beside its date ("آخر تحديث", a place, an agency).
_DATE_LINE_WORDS = 4
_SENTENCE_ENDS = (".", "!", "?", "؟")
_DAY_OR_FINER = {"day", "hour", "minute", "second"}
_TIME_OF_DAY = _DAY_OR_FINER - {"day"}
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
# htmldate's answer in that format: a day, whose time the markup may give (published_time).
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# trafilatura's fallback (jusText) compares each paragraph with its neighbours, far ones
# included: its time grows with the square of a page's blocks (10,000 short paragraphs
# in boxes: 12 s, 20,000: 40 s).  A page of more blocks than this is read without it.
FALLBACK_MAX_BLOCKS = 3_000
# trafilatura's own extraction grows faster than its page too (20,000 <article> boxes:
# 4.6 s, 40,000: 17 s; 48,000 inline spans in one paragraph: 15 s): a page of more
# elements than this (a news page has a few thousand) is not read without markup.
MAX_PAGE_ELEMENTS = 50_000
_BLOCK_TAGS = ("p", "div", "li", "td", "dd", "dt", "blockquote", "pre", "br", "section")


def quiet_libraries() -> None:
    """trafilatura and htmldate log every page they find wanting, warcio every address
    it mends ("Replacing spaces in invalid WARC-Target-URI: ...", the address as the
    archive gave it, control characters and all, on stderr); the import reports instead.

    Done on the first page or archive, not at import: `timeline extract` imports this
    package and should not pay for logging.
    """
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "warcio"):
        logger = logging.getLogger(name)
        if logger.level != logging.CRITICAL:  # setLevel clears every logger's cache
            logger.setLevel(logging.CRITICAL)


def _date_line(text: str) -> str:
    """The first short line near the top of the text that is a date (day or finer): a
    date with few words beside it (a place, "نشر في", "آخر تحديث"), not a sentence that
    mentions a date."""
    for line in text.split("\n")[:_DATE_LINES]:
        line = line.strip()
        if not line or len(line) > _DATE_LINE_CHARS:
            continue
        value = dating.parse_date_line(line)
        if value is not None and value.granularity in _DAY_OR_FINER and _is_date_line(line):
            return line
    return ""


def _published_time(tree: Any, day: str) -> str:
    """The publication time (offset kept) the page marks on day, htmldate's answer, or "".

    htmldate keeps only the day: a page marking "2021-12-20T10:30:00+03:00" was stored
    as 2021-12-20, the time and offset its publisher gave lost, where a feed's or a CSV's
    kept theirs.  A marked value the date rules do not read to a time on that day (which
    would leave the article undated) is passed over.
    """
    for stamp in published_stamps(tree, day):
        value = dating.parse_date_line(stamp)
        if value is not None and value.granularity in _TIME_OF_DAY and value.value[:10] == day:
            return stamp
    return ""


def _is_date_line(line: str) -> bool:
    """Whether the words of line outside its dates are few: at most _DATE_LINE_WORDS,
    and at most one when the line ends as a sentence ends."""
    limit = 1 if line.endswith(_SENTENCE_ENDS) else _DATE_LINE_WORDS
    if len(_LETTERS.findall(line)) <= limit:
        return True  # few words in all: no need to find the dates (a millisecond a line)
    rest, at = [], 0
    for mention in dating.extract_mentions(line):
        rest.append(line[at : mention.start])
        at = mention.end
    rest.append(line[at:])
    return len(_LETTERS.findall(" ".join(rest))) <= limit


def page_draft(
    data: bytes | str,
    origin: str,
    *,
    url: str = "",
    captured: str = "",
) -> ArticleDraft:
    """The article a web page holds; BadArticle when it holds none (an index, a login wall).

    The page is parsed once; what its publisher marked (JSON-LD, meta tags, the article
    element: timeline.ingest.page_markup) is read first, and trafilatura's full
    extraction runs only when that markup does not say clearly what the article is.
    """
    from trafilatura.utils import load_html  # trafilatura costs a quarter second to import

    quiet_libraries()

    if not data or (isinstance(data, bytes) and not data.strip()):
        raise BadArticle("an empty page")
    if isinstance(data, bytes):
        # What load_html does first with valid UTF-8, without its speculative brotli and
        # deflate decompression of every page (a tenth of a split page's reading).  A
        # compressed page is not valid UTF-8 (gzip's and zstd's magic bytes are not) and
        # still goes to load_html as bytes.
        with contextlib.suppress(UnicodeDecodeError):
            data = data.decode("utf-8")
    if isinstance(data, bytes) and b"\x00" in data:
        _refuse_binary(data)
    try:
        tree = _parsed(data) if isinstance(data, str) else None
        if tree is None:
            tree = load_html(data)
    except (ValueError, TypeError) as exc:  # lxml's answers to pages that are not HTML
        raise BadArticle(f"not a readable web page ({exc})") from exc
    if tree is not None:
        refuse_chronology(tree)
    marked = read_marked(tree, url, MIN_ARTICLE_CHARS) if tree is not None else None
    if marked is None:
        # The tree already parsed, not the bytes: trafilatura reads a copy of it.
        found = _full_extraction(data if tree is None else tree, url)
        teasers = teaser_count(tree, found.text) if tree is not None else 0
        if teasers:
            raise BadArticle(
                f"not an article: an index of {teasers} article teasers "
                "(headlines linking elsewhere, each with its summary)"
            )
    else:
        found = _Found(
            text=marked.text,
            title=marked.title,
            author=marked.author,
            sitename=marked.sitename,
            url=url or _canonical_url(tree),
            language=marked.lang,
            date=_marked_date(tree, url, marked.lead),
        )
    text = found.text
    if len(text) < MIN_ARTICLE_CHARS:
        raise BadArticle(
            f"not an article: {len(text)} characters of main text "
            "(an index page, a login wall or an error page?)"
        )
    title = found.title
    first, _, rest = text.partition("\n")
    if not title:
        title = first[:200]
    if first.strip() == title and len(rest.strip()) >= MIN_ARTICLE_CHARS:
        text = rest.strip()  # the headline again, at the top of the main text
    published = found.date or _date_line(text)
    if tree is not None and _ISO_DAY.fullmatch(published):
        published = _published_time(tree, published) or published
    return ArticleDraft(
        title=title,
        body=text,
        source=found.sitename,
        url=url or found.url,
        author=found.author,
        lang="ar" if _mostly_arabic(text) else found.language[:8],
        published_raw=published,
        origin=origin,
        captured=captured,
    )


def _refuse_binary(data: bytes) -> None:
    """BadArticle for bytes that are no page: neither text nor a compressed page.

    A program or a picture saved as .html was read as a page of "0 characters of main
    text (an index page, a login wall or an error page?)", which sent the user looking
    for a login wall; a .txt of the same bytes says "binary data".  A NUL byte is text
    only in UTF-16 (encoding.detect tells), and in compressed bytes trafilatura inflates.
    """
    from trafilatura.utils import handle_compressed_file

    if handle_compressed_file(data, MAX_PAGE_BYTES) is not data:
        return
    try:
        encoding.detect(data)
    except encoding.UnreadableFile:
        raise BadArticle("binary data, not a web page") from None


@functools.cache
def _parser() -> Any:
    """trafilatura's HTML parser, but its elements made by lxml itself.

    lxml.html's parser asks a Python class look-up for each element it hands to Python
    (a form, an input... get their own classes), a third of reading a page from its
    markup (measured).  Every element here is a plain HtmlElement, which is all
    trafilatura and htmldate ask of a tree, chosen by a look-up that runs inside lxml.
    huge_tree: libxml2 otherwise stops a text node at 10,000,000 bytes (5 million Arabic
    letters in one paragraph read as an empty page); a page is MAX_PAGE_BYTES at most,
    and the HTML parser expands no declared entities.
    """
    from lxml import etree, html

    parser = html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=html.HtmlElement,
            comment=html.HtmlComment,
            pi=html.HtmlProcessingInstruction,
            entity=html.HtmlEntity,
        )
    )
    return parser


def _parsed(text: str) -> Any:
    """The page parsed as trafilatura's load_html parses a page it gets as text, or None
    where load_html would take another road (a declared encoding, an empty tree): the
    caller then asks load_html itself."""
    from lxml import etree, html
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = text[:50].lower()
    text = repair_faulty_html(text, beginning)
    try:
        tree = html.fromstring(text, parser=_parser())
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        return None
    except etree.ParserError:  # "Document is empty": a page of comments or end tags
        return None  # (load_html says it as it says any page with no tree)
    if tree is None or len(tree) < 1 or (is_dubious_html(beginning) and len(tree) < 2):
        return None
    return tree


@dataclass(frozen=True)
class _Found:
    """What either reading found in a page."""

    text: str
    title: str
    author: str
    sitename: str
    url: str
    language: str
    date: str


def _canonical_url(tree: Any) -> str:
    """The page's own address (its canonical link), as trafilatura's metadata gives it."""
    from trafilatura.metadata import extract_url

    try:
        return str(extract_url(tree) or "")
    except (ValueError, TypeError):
        return ""


def _marked_date(tree: Any, url: str, lead: tuple[str, ...]) -> str:
    """The date of a page read from its markup: htmldate's when the page marks a date
    (meta tags, <time>, JSON-LD); on a page that marks none, first a date line among the
    short lines above its text (htmldate would search the whole page's text for one,
    most of the time such a page takes), then htmldate; on a page whose marks give
    htmldate none, that date line."""
    if lead and not has_date_markup(tree):
        line = _date_line("\n".join(lead))
        if line:
            return line
        return _page_date(tree, url)
    # A page whose markup gives htmldate no date (its only stamp an impossible day) is
    # read as one that marks none: its date line, if it has one.
    return _page_date(tree, url) or (_date_line("\n".join(lead)) if lead else "")


def _page_date(tree: Any, url: str) -> str:
    """The publication date htmldate finds in the page's metadata (as trafilatura asks it)."""
    import htmldate

    try:
        found = htmldate.find_date(
            tree,
            extensive_search=False,
            original_date=True,
            outputformat=str(_DATE_PARAMS["outputformat"]),
            url=url or None,
        )
    except (ValueError, TypeError):
        return ""
    found = str(found or "").strip()
    if marks_only_an_impossible_day(tree, url, found):
        return ""  # not the 1st htmldate reads it as: the page is read as one that marks none
    return found


def _full_extraction(page: Any, url: str) -> _Found:
    """trafilatura's main text and metadata of a page whose markup does not say.

    page: the page's parsed tree (trafilatura copies it before pruning; parsing again
    would give the same tree), or its bytes or text when it did not parse.
    """
    import trafilatura

    blocks = 0
    if not isinstance(page, str | bytes):
        if sum(1 for _ in itertools.islice(page.iter(), MAX_PAGE_ELEMENTS + 1)) > MAX_PAGE_ELEMENTS:
            raise BadArticle(
                f"not read: a page of more than {MAX_PAGE_ELEMENTS:,} elements that does not"
                " mark its article (an index or an archive page?)"
            )
        blocks = sum(1 for _ in itertools.islice(page.iter(*_BLOCK_TAGS), FALLBACK_MAX_BLOCKS + 1))
    try:
        found: Any = trafilatura.bare_extraction(
            page,
            url=url or None,
            fast=blocks > FALLBACK_MAX_BLOCKS,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError) as exc:  # lxml's answers to pages that are not HTML
        raise BadArticle(f"not a readable web page ({exc})") from exc

    def field(name: str) -> str:
        return str(getattr(found, name, None) or "").strip() if found is not None else ""

    return _Found(
        text=field("text"),
        title=field("title"),
        author=field("author"),
        sitename=field("sitename"),
        url=field("url"),
        language=field("language"),
        date=field("date"),
    )


# Runs of letters, and of the Arabic block's letters (its marks and digits are not).
_LETTERS = re.compile(r"[^\W\d_]+")
_ARABIC_LETTERS = re.compile(
    "[\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06e5\u06e6\u06ee\u06ef\u06fa-\u06fc\u06ff]+"
)


def _mostly_arabic(text: str) -> bool:
    sample = text[:600]  # a paragraph or two says it; Unicode classes cost per character
    arabic = sum(map(len, _ARABIC_LETTERS.findall(sample)))
    if arabic * 2 >= len(sample):  # half of all characters: half of the letters too
        return True
    letters = sum(map(len, _LETTERS.findall(sample)))
    return not letters or arabic * 2 >= letters
