"""A news page's article read from what its publisher marked: JSON-LD, meta tags, <article>.

Most news pages say what the article is: a schema.org NewsArticle in JSON-LD (headline,
articleBody, author, publisher), OpenGraph and <meta> tags, an <article> or an
itemprop="articleBody" element around the text.  Many of the rest keep the article's
paragraphs in one container (WordPress's div.entry-content, a div#article-body), and
that is clear too when it holds nearly all of the page's paragraph text; or in parts
side by side (around an advert, in WordPress blocks), whose shared parent is then read
when each part is one run of paragraphs and nothing in it looks like a teaser.  Reading those
takes about a millisecond a page, where trafilatura's full extraction (which scores
every block of the page against two other extractors) takes 5-25.  `read_marked`
answers only when the page is unambiguous and otherwise returns None, and the caller
(webpage.py) then runs the full extraction: speed never costs a page its text.

The tree is only read, never changed, and nothing in it is run or fetched.
"""

from __future__ import annotations

import calendar
import functools
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from timeline.ingest.feeds import html_text
from timeline.ingest.fields import without_lone_surrogates

# schema.org types of a news or blog article (a NewsArticle's subtypes included).
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "Report",
    }
)
# Elements whose text is never the article's: navigation, asides, forms, captions.
_SKIPPED_TAGS = frozenset(
    {
        "nav",
        "aside",
        "footer",
        "header",
        "form",
        "figure",
        "figcaption",
        "script",
        "style",
        "noscript",
        "template",
        "button",
        "select",
        "iframe",
        "svg",
        "h1",
    }
)
# Class or id words of the furniture news sites put inside an article element.
_FURNITURE = re.compile(
    r"share|social|related|comment|newsletter|subscri|advert|\bads?\b|\bad-|promo|"
    r"breadcrumb|\btags?\b|read-?more|recommend|(?<!has-)(?<!with-)(?<!no-)sidebar|widget|"
    r"caption|byline|"
    r"author-?(?:box|bio|info)|most-?read|popular|\bprint\b|\bmenu\b",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre"})
# A block mostly made of links is a "read also" line or a list of tags.
_MAX_BLOCK_LINK_SHARE = 0.5
# The article element must hold at least this share of the page's paragraph text: on an
# index page the largest teaser does not, and the full extraction decides.
_MIN_PAGE_SHARE = 0.5
# A container of the article's paragraphs (a page with no article markup) must hold this
# share of the page's paragraph text (outside navigation and furniture): where the
# paragraphs are split over sibling elements none does, and the full extraction decides.
_MIN_CONTAINER_SHARE = 0.8
# ... and at least this many paragraphs of its own (not headlines or links).
_MIN_CONTAINER_PARAGRAPHS = 3
# Text sitting loose in the container (not in a paragraph-like block) is left out when
# short (a date, a byline); a longer run is prose the blocks would lose.
_MAX_LOOSE_RUN = 50
# The short loose runs before a container's first block are kept as its lead lines
# (where a page without date metadata prints its date); at most this many.
_LEAD_LINES = 8
# A <body> read as the article's container holds only these (and furniture, and
# elements without text): paragraphs, headings and lists straight in it.
_SIMPLE_BODY_TAGS = _BLOCK_TAGS | {"h1", "ul", "ol", "hr", "br", "img", "picture"}
# Headings under a split article's shared parent that link elsewhere are teasers'.
_LINK_HEADINGS = (
    ".//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
    "[.//a[@href] or ancestor::a[@href]]"
)
_ELLIPSIS = ("…", "...", "[…]")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Headlines linking to another page (not to a place on this one).
_TEASER_HEADINGS = (
    "//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
    "[.//a[@href][not(starts-with(@href, '#'))] or ancestor::a[@href][not(starts-with(@href, '#'))]]"
)
# An index page: at least this many teasers in the text the full extraction gave.
_MIN_TEASERS = 3
# A separator's spaces are looked at from the start of their run only: from each space
# of a long run the run was read to its end (a title of spaces took seconds).
_TITLE_SEPARATORS = re.compile(r"(?<!\s)\s+[-|–—:»]\s+")


@dataclass(frozen=True)
class MarkedArticle:
    """What the markup says: main text, title, author, site name and language, and for
    a page read from its container the short loose lines above its text (a date line)."""

    text: str
    title: str
    author: str
    sitename: str
    lang: str
    lead: tuple[str, ...] = ()


def read_marked(tree: Any, url: str = "", min_chars: int = 150) -> MarkedArticle | None:
    """The article the page's markup marks, or None when the markup does not say clearly.

    The text is JSON-LD's articleBody when it is there and whole (not cut off with an
    ellipsis), else the paragraphs of the page's one article element when that element
    holds most of the page's prose, else those of the one container that holds nearly
    all of it.  Fewer than min_chars characters of text: None.
    """
    story = _json_ld_article(tree)
    meta = _meta_tags(tree)
    lead: tuple[str, ...] = ()
    text = _json_ld_body(story, min_chars) or _article_element_text(tree, min_chars)
    if not text:
        text, lead = _container_text(tree, min_chars)
    if not text:
        return None
    sitename = (
        meta.get("og:site_name")
        or _name_of(story.get("publisher"))
        or _host(url or meta.get("og:url", ""))
    )
    title = (
        _plain(story.get("headline"))
        or _single_h1(tree)
        or _without_site(meta.get("og:title", "") or meta.get("twitter:title", ""), sitename)
        or _without_site(_plain(tree.findtext(".//title")), sitename)
    )
    author = _name_of(story.get("author")) or meta.get("author", "")
    if not author and not meta.get("article:author", "").startswith(("http:", "https:")):
        author = meta.get("article:author", "")
    return MarkedArticle(
        text=text,
        title=title,
        author=author,
        sitename=sitename,
        lang=str(tree.get("lang") or "").strip(),
        lead=lead,
    )


def has_date_markup(tree: Any) -> bool:
    """Whether the page marks a date anywhere htmldate reads first: a meta tag or
    itemprop naming a date or time, a <time> element, a date key in JSON-LD.

    Looked for tag by tag (lxml filters the tags): one XPath union of the four took
    0.1-0.3 ms a page, a tenth of reading a page from its container.
    """
    for meta in tree.iter("meta"):
        names = f"{meta.get('name')} {meta.get('property')} {meta.get('itemprop')}".lower()
        if "date" in names or "time" in names or "date" in (meta.get("http-equiv") or "").lower():
            return True
    for _time in tree.iter("time"):
        return True
    for script in tree.iter("script"):
        if script.get("type") == "application/ld+json" and "date" in (script.text or ""):
            return True
    return any("date" in value or "Date" in value for value in _xpath("//@itemprop")(tree))


# Where a page marks its own publication (not its last change): JSON-LD's datePublished
# first, then these meta tags, then an itemprop="datePublished" element.
_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "pubdate")
# A marked date with a time of day: "2021-12-20T10:30:00+03:00", "2021-12-20 10:30".
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
# The page's markup is untrusted: a stamp is at most this long (it becomes the article's
# publication as written: "2021-12-20T10:30:00.000000+03:00" is 32), and at most this
# many are given to the date rules (a page may mark thousands of elements).
_STAMP_CHARS = 48
_STAMPS = 8


def published_stamps(tree: Any, day: str) -> list[str]:
    """The values the page marks its publication with that give day (ISO, "2021-12-20")
    a time of day, as written, the likeliest first.

    htmldate, which chooses the page's date among everything it marks, answers with the
    day alone (webpage.page_draft then takes the first of these the date rules read).
    Only the markup that names the publication is read, and only values on htmldate's
    day, so the day stays htmldate's choice and a related article's <time> is never taken.
    """
    story = _json_ld_article(tree)
    meta = _meta_tags(tree)
    marked = [story.get("datePublished"), *(meta.get(name) for name in _PUBLISHED_META)]
    for element in tree.iterfind(".//*[@itemprop='datePublished']"):
        marked.append(element.get("content") or element.get("datetime"))
    stamps = (value.strip() for value in marked if isinstance(value, str))
    found = (
        stamp
        for stamp in stamps
        if len(stamp) <= _STAMP_CHARS and _TIMESTAMP.match(stamp) and stamp.startswith(day)
    )
    return list(itertools.islice(found, _STAMPS))


# A day in a marked value: year first (2015-02-31, 2015/02/31) or last (31/02/2015,
# 31.02.2015), as htmldate reads them.
_YEAR_FIRST = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_YEAR_LAST = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_FIRST_OF_A_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])-01")
# At most this many marked values are looked at, each at most this long (untrusted).
_MARKED_VALUES = 64
_MARKED_CHARS = 200


def marks_only_an_impossible_day(tree: Any, url: str, day: str) -> bool:
    """Whether day (htmldate's answer, "2015-02-01") is the first of a month that the
    page marks only with a day that month has not (2015-02-31).

    htmldate reads an impossible day as its month, and answers with the month's first
    day: a page whose only stamp is "2015-02-31T10:00:00Z" was stored as published on
    1 February.  Looked for in the values htmldate reads first (meta tags naming a date
    or a time, <time>, itemprop, JSON-LD's dates) and the address.
    """
    first = _FIRST_OF_A_MONTH.fullmatch(day)
    if first is None:
        return False
    year, month = int(first[1]), int(first[2])
    values = itertools.islice(_marked_date_values(tree, url), _MARKED_VALUES)
    impossible = False
    for value in values:
        text = value[:_MARKED_CHARS]
        found = [(int(y), int(m), int(d)) for y, m, d in _YEAR_FIRST.findall(text)]
        found += [(int(y), int(m), int(d)) for d, m, y in _YEAR_LAST.findall(text)]
        for y, m, d in found:
            if (y, m) != (year, month):
                continue
            if d == 1:
                return False  # the page marks the first itself
            if not 1 <= d <= calendar.monthrange(y, m)[1]:
                impossible = True
    return impossible


def _marked_date_values(tree: Any, url: str) -> Iterator[str]:
    """The values a page marks dates with where htmldate looks first, and its address."""
    yield url
    for meta in tree.iter("meta"):
        names = f"{meta.get('name')} {meta.get('property')} {meta.get('itemprop')}".lower()
        if "date" in names or "time" in names:
            yield meta.get("content") or ""
    for element in tree.iter("time"):
        yield element.get("datetime") or ""
    for element in tree.iterfind(".//*[@itemprop]"):
        if "date" in (element.get("itemprop") or "").lower():
            yield element.get("content") or element.get("datetime") or ""
    story = _json_ld_article(tree)
    yield from (v for k, v in story.items() if "date" in k.lower() and isinstance(v, str))


def teaser_count(tree: Any, text: str) -> int:
    """How many article teasers of the page text holds, when they are most of it (an
    index page that the full extraction read as one article), else 0.

    A teaser is a headline (<h2>-<h6>) that is mostly a link to another page, with the
    paragraphs after it (up to the next heading) as its summary; text holds it when a
    line of text is one of those paragraphs.  An index: at least _MIN_TEASERS teasers
    held, their lines at least half of text.
    """
    text_lines = [line for line in map(str.strip, text.split("\n")) if line]
    lines = set(text_lines)
    if not lines:
        return 0
    held: set[str] = set()
    teasers = 0
    for heading in _xpath(_TEASER_HEADINGS)(tree):
        around = _xpath("ancestor::a[@href][1]")(heading)  # a card: <a><h3/><p/></a>
        if not around:
            headline, linked = _block_text(heading)
            if not headline or linked < _MAX_BLOCK_LINK_SHARE * len(headline):
                continue
        summary = set()
        for start in (heading, *around):
            for sibling in start.itersiblings():
                if not isinstance(sibling.tag, str) or sibling.tag in _HEADINGS:
                    break
                for p in sibling.iter("p"):
                    line = _block_text(p)[0]
                    if line in lines:
                        summary.add(line)
        if summary:
            teasers += 1
            held |= summary
    teaser_chars = sum(len(line) for line in text_lines if line in held)
    if teasers < _MIN_TEASERS or 2 * teaser_chars < sum(map(len, text_lines)):
        return 0
    return teasers


def _plain(value: object) -> str:
    return " ".join(html_text(value).split()) if isinstance(value, str) else ""


def _json_ld_article(tree: Any) -> dict[str, Any]:
    """The page's schema.org article object in JSON-LD (at any @graph level), or {}.

    A page whose JSON-LD holds several (a list of teasers) has none that is clearly its own.
    """
    found: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            # strict=False: pages write raw newlines inside JSON strings.
            text = script.text or ""
            data = without_lone_surrogates(json.loads(text, strict=False), text)
        except (ValueError, RecursionError):
            continue
        _find_articles(data, 0, found)
        if len(found) > 1:
            return {}
    return found[0] if found else {}


def _find_articles(node: Any, depth: int, found: list[dict[str, Any]]) -> None:
    if depth > 4 or len(found) > 1:
        return
    for item in node if isinstance(node, list) else [node]:
        if not isinstance(item, dict):
            continue
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(kind, str) and kind in ARTICLE_TYPES for kind in kinds):
            if item not in found:  # sites repeat the same block (theme and SEO plugin)
                found.append(item)
            if len(found) > 1:
                return
            continue
        for inner in ("@graph", "mainEntity", "itemListElement", "item"):
            _find_articles(item.get(inner), depth + 1, found)


def _json_ld_body(story: dict[str, Any], min_chars: int) -> str:
    body = story.get("articleBody")
    if not isinstance(body, str):
        return ""
    # Some sites put HTML (even escaped HTML) in it: read as text, never rendered.
    text = html_text(html_text(body)) if "&lt;" in body else html_text(body)
    # One paragraph a line, as the article element and trafilatura give it.
    text = "\n".join(line for line in text.split("\n") if line.strip())
    if len(text) < min_chars or text.rstrip().endswith(_ELLIPSIS):
        return ""  # missing, or a teaser cut short: the page's text is read instead
    return text


def _meta_tags(tree: Any) -> dict[str, str]:
    """OpenGraph, article: and name= meta tags, lower-cased names; the first of each wins."""
    found: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        name = (meta.get("property") or meta.get("name") or "").strip().lower()
        content = " ".join((meta.get("content") or "").split())
        if name and content and name not in found:
            found[name] = content
    return found


def _name_of(value: object) -> str:
    """A schema.org Person or Organization (or a list of them, or a plain name) as text."""
    if isinstance(value, str):
        return "" if value.startswith(("http:", "https:")) else _plain(value)
    if isinstance(value, dict):
        return _plain(value.get("name"))
    if isinstance(value, list):
        return ", ".join(name for item in value[:5] if (name := _name_of(item)))
    return ""


def _host(url: str) -> str:
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:  # an address ill formed ("http://[::1"): no host to name
        return ""
    return host.removeprefix("www.")


def _single_h1(tree: Any) -> str:
    headings = list(itertools.islice(tree.iter("h1"), 2))  # a second one is enough to say
    return _plain_text(headings[0]) if len(headings) == 1 else ""


def _without_site(title: str, sitename: str) -> str:
    """A <title> or og:title without the site's name before or after it."""
    parts = _TITLE_SEPARATORS.split(title.strip())
    if len(parts) > 1:
        named = [p for p in parts if sitename and p.strip() == sitename]
        rest = [p for p in parts if p not in named]
        if named and rest:
            return " - ".join(rest).strip()
    return title.strip()


def _plain_text(element: Any) -> str:
    return " ".join(" ".join(element.itertext()).split())


def _article_element_text(tree: Any, min_chars: int) -> str:
    """The paragraphs of the page's article element, when it is clearly the page's prose."""
    candidates = _xpath("//*[@itemprop='articleBody']")(tree) or _xpath(
        "//article[not(ancestor::article)]"
    )(tree)
    if not candidates:
        return ""
    best, best_at = "", None
    for candidate in candidates:
        text = "\n".join(_blocks_text(candidate))
        if len(text) > len(best):
            best, best_at = text, candidate
    if len(best) < min_chars or best_at is None:
        return ""
    page_prose = _prose_chars(tree)
    if page_prose and _prose_chars(best_at) < _MIN_PAGE_SHARE * page_prose:
        return ""
    return best


def _container_text(tree: Any, min_chars: int) -> tuple[str, tuple[str, ...]]:
    """The paragraphs of the one element that holds the page's prose, when that is clear.

    Each element is scored by the paragraph text (characters outside links) of its own
    <p> children, leaving out those under nav/aside/footer/header/form (the tags the
    reading skips) and furniture.  The element read is the lowest ancestor-or-self of
    the best that holds nearly all the page's paragraph text with no prose paragraph
    beside it (in its parent).  When that is the best itself, it is read when it is not
    <body> or <html>, holds half of the page's <p> text counting furniture too, and
    several paragraphs, has no run of prose outside its blocks, and does not read like
    an index (as many blocks of links, teaser headlines, as of prose).  When it is an
    ancestor (an article split over sibling elements around an advert, WordPress blocks
    beside loose paragraphs), `_split_is_clear` says whether it may be read.
    Also the short loose lines before its first block (its lead: a date, a byline).
    """
    scores: dict[Any, int] = {}
    paragraphs: dict[Any, int] = {}
    outside: dict[Any, bool] = {}
    read: dict[Any, tuple[str, int]] = {}  # each <p>'s text, read once
    total = 0
    for p in tree.iter("p"):
        if _is_outside_prose(p, outside):
            continue
        text, linked = read[p] = _block_text(p)
        chars = len(text) - linked
        if chars <= 0:
            continue
        total += chars
        parent = p.getparent()
        scores[parent] = scores.get(parent, 0) + chars
        if linked < _MAX_BLOCK_LINK_SHARE * len(text):
            paragraphs[parent] = paragraphs.get(parent, 0) + 1
    if not scores:
        return "", ()
    best = max(scores, key=scores.__getitem__)
    # Paragraph characters and prose paragraphs under each element (its own included),
    # summed once: climbing from the best then costs a look-up a level.
    held_chars: dict[Any, int] = {}
    held_paragraphs: dict[Any, int] = {}
    for parent, chars in scores.items():
        count = paragraphs.get(parent, 0)
        node = parent
        while node is not None:
            held_chars[node] = held_chars.get(node, 0) + chars
            held_paragraphs[node] = held_paragraphs.get(node, 0) + count
            node = node.getparent()
    shared = best
    while held_chars[shared] < _MIN_CONTAINER_SHARE * total or (
        # A prose paragraph beside it, under its parent: the article split over sibling
        # elements, its last paragraph after an advert, is not all in it.
        shared.getparent() is not None
        and held_paragraphs[shared.getparent()] > held_paragraphs[shared]
    ):
        shared = shared.getparent()
    if shared is best:
        if best.tag in ("body", "html") and not _is_simple_body(best):
            return "", ()
        if paragraphs.get(best, 0) < _MIN_CONTAINER_PARAGRAPHS:
            return "", ()
    elif not _split_is_clear(shared, held_paragraphs[shared], paragraphs, outside):
        return "", ()
    # Nor less than the article element's share of all the page's <p> text, furniture
    # included: a wrapper whose class names furniture must not leave a box of "about
    # us" paragraphs as the page's best.
    page_prose = _prose_chars(tree)
    if page_prose and _prose_chars(shared) < _MIN_PAGE_SHARE * page_prose:
        return "", ()
    lines, link_blocks, loose, lead = _read_blocks(shared, read)
    text = "\n".join(lines)
    if len(text) < min_chars or link_blocks >= len(lines) or loose > _MAX_LOOSE_RUN:
        return "", ()
    return text, tuple(lead)


def _is_simple_body(element: Any) -> bool:
    """Whether element is a <body> holding nothing but paragraphs, headings, lists,
    furniture (nav, header, footer...) and elements without text: a page so plain that
    its body is its article's container."""
    if element.tag != "body":
        return False
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED_TAGS or tag in _SIMPLE_BODY_TAGS:
            continue
        if _is_furniture(child) or not "".join(child.itertext()).strip():
            continue
        return False
    return True


def _split_is_clear(
    shared: Any, held: int, paragraphs: dict[Any, int], outside: dict[Any, bool]
) -> bool:
    """Whether the paragraphs under shared (their lowest common ancestor holding nearly
    all the page's prose) are one article split into parts, not a page of boxes.

    shared must not be <body> or <html> (unless the page is that plain), must hold
    several prose paragraphs, each of its children must hold its paragraphs in one
    element (a column of boxes or of teasers holds several), and no heading under it
    may be mostly a link (a teaser's headline).
    """
    if shared.tag in ("body", "html") and not _is_simple_body(shared):
        return False
    if held < _MIN_CONTAINER_PARAGRAPHS:  # prose paragraphs under shared
        return False
    inside = [parent for parent in paragraphs if _within(parent, shared)]
    parts: dict[Any, int] = {}
    for parent in inside:
        part = parent
        while part is not shared and part.getparent() is not shared:
            part = part.getparent()
        parts[part] = parts.get(part, 0) + 1
        if part is not shared and parts[part] > 1:
            return False
    for heading in _xpath(_LINK_HEADINGS)(shared):
        if _xpath("ancestor::a[@href]")(heading):  # a card's headline
            return False
        if _is_outside_prose(heading, outside):
            continue
        text, linked = _block_text(heading)
        if text and linked >= _MAX_BLOCK_LINK_SHARE * len(text):
            return False
    return True


def _is_outside_prose(element: Any, known: dict[Any, bool]) -> bool:
    """Whether element is furniture or under a furniture area (known: a memo by element)."""
    chain = []
    node = element
    while node is not None and node not in known:
        chain.append(node)
        node = node.getparent()
    state = known[node] if node is not None else False
    for node in reversed(chain):
        tag = node.tag
        # A paragraph inside a link is a teaser card's summary, not the article's prose.
        state = state or tag in _SKIPPED_TAGS or tag == "a" or _is_furniture(node)
        known[node] = state
    return state


def _within(element: Any, ancestor: Any) -> bool:
    while element is not None:
        if element is ancestor:
            return True
        element = element.getparent()
    return False


def _prose_chars(element: Any) -> int:
    """Characters of paragraph text under element (whitespace and all: a ratio is taken).

    What ".//p//text()" gives, each text once: libxml2 merged that node set in time
    growing with the square of the paragraphs (40,000 short ones: 2.1 s; 200,000: most
    of three minutes), where each outermost paragraph's text read apart costs 1 us.
    """
    texts = _xpath("descendant::text()")
    total = 0
    for paragraph in element.iterdescendants("p"):
        above = paragraph.getparent()
        while above is not None and above is not element and above.tag != "p":
            above = above.getparent()
        if above is None or above is element:  # not inside another paragraph: read here
            total += sum(map(len, texts(paragraph)))
    return total


@functools.cache
def _xpath(path: str) -> Any:
    """A compiled XPath giving plain strings (not strings that know their element)."""
    import importlib

    etree: Any = importlib.import_module("lxml.etree")
    return etree.XPath(path, smart_strings=False)


def _blocks_text(root: Any) -> list[str]:
    """Each paragraph-like block under root as a line, furniture and link lists left out."""
    return _read_blocks(root)[0]


def _read_blocks(
    root: Any, read: dict[Any, tuple[str, int]] | None = None
) -> tuple[list[str], int, int, list[str]]:
    """The lines _blocks_text gives, how many blocks were left out as mostly links, the
    longest run of text sitting loose (in no block, no furniture) under root, and the
    short loose runs before the first block (at most _LEAD_LINES).

    read: blocks already read (element -> _block_text's answer).
    """
    lines: list[str] = []
    link_blocks = 0
    lead: list[str] = []

    def loose_run(text: str) -> int:
        run = " ".join(text.split())
        if run and not lines and len(lead) < _LEAD_LINES and len(run) <= _MAX_LOOSE_RUN:
            lead.append(run)
        return len(text.strip())

    loose = loose_run(root.text or "")
    stack = list(reversed(root))
    while stack:
        element = stack.pop()
        if element.tail:  # the tail is the parent's text, whatever the element
            loose = max(loose, loose_run(element.tail))
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIPPED_TAGS or _is_furniture(element):
            continue
        if tag == "a" and element.find(".//p") is not None:  # a teaser card
            link_blocks += 1
            continue
        if tag in _BLOCK_TAGS:
            known = read.get(element) if read else None
            text, linked = known or _block_text(element)
            if text and linked < _MAX_BLOCK_LINK_SHARE * len(text):
                lines.append(text)
            elif text:
                link_blocks += 1
            continue
        if element.text:
            loose = max(loose, loose_run(element.text))
        stack.extend(reversed(element))
    return lines, link_blocks, loose, lead


def _is_furniture(element: Any) -> bool:
    kind, name = element.get("class"), element.get("id")
    if not kind and not name:  # most elements: no formatting, no search
        return False
    return _FURNITURE.search(f"{kind or ''} {name or ''}") is not None


def _block_text(block: Any) -> tuple[str, int]:
    """A block's text (<br> as a line break, whitespace folded) and its characters in links.

    The tree comes from trafilatura's parser, which drops comments and processing
    instructions (iterwalk would not report their tails).
    """
    if len(block) == 0:  # no child element: the common <p>text</p>
        return " ".join((block.text or "").split()), 0
    import importlib

    etree: Any = importlib.import_module("lxml.etree")
    parts: list[str] = []
    linked = 0
    links = 0
    walker = etree.iterwalk(block, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "start":
            if tag in _SKIPPED_TAGS:
                walker.skip_subtree()  # its end (and tail) is still reported
                continue
            if tag == "br":
                parts.append("\n")
            elif tag == "a":
                links += 1
            if element.text:
                parts.append(element.text)
                if links:
                    linked += len(element.text.strip())
        else:
            if tag == "a":
                links -= 1
            if element is not block and element.tail:
                parts.append(element.tail)
                if links:
                    linked += len(element.tail.strip())
    text = "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n"))
    return text.strip("\n ").replace("\n\n", "\n"), linked
