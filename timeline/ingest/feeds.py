"""RSS 2.0, Atom and RDF feeds (feedparser), and OPML lists of feeds.

An entry's full text where the feed carries it (content:encoded, Atom content),
otherwise its summary, marked as one (ArticleDraft.body_kind); the entry's date as
the publication date, the feed's title as the source.  XML that declares entities
(a "billion laughs" bomb, an external entity) is refused before any parser expands it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from timeline.ingest.errors import TOO_LONG, BadArticle
from timeline.model import ArticleDraft
from timeline.text.encoding import MAX_ARTICLE_CHARS

MAX_FEED_BYTES = 100 * 1024 * 1024
# The longest text node libxml2 reads without its huge option (XML_MAX_TEXT_LENGTH).
_XML_MAX_TEXT = 10_000_000
# A block element's opening and closing tags each end a line (a blank line between
# paragraphs, once the lines are joined), as does a line break.  A tag ends at the next
# '<' as well as at its '>': "<" repeated without a '>' (text from the web) is read
# once, not to its end from every '<'; and a '<' followed by no letter, '/' or space is
# passed over at once (4 MB of '<' took 1.2 s without the lookahead, 0.1 s with it).
_BLOCKS = re.compile(
    r"<(?=[\s/A-Za-z])\s*"
    r"(?:br|hr|/?(?:p|div|h[1-6]|li|ul|ol|blockquote|tr|table|section|article))\b[^<>]*>",
    re.IGNORECASE,
)
_DROPPED_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)
_DROPPED_CLOSE = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style")}
# A tag is '<' then its name ('/' first for a closing one), or a comment or declaration
# ('<!', '<?'), as HTML reads it: any other '<' is text ("<5 درجات و>3" kept whole).
_TAGS = re.compile(r"</?[A-Za-z][^<>]*>|<[!?][^<>]*>")
# A run of blanks (of any white space, for one_space) other than one plain space: a
# text's single spaces are left as they are, not each replaced by another (a substitution
# per space of a line of 50 million characters held a piece per word, 300 MB for 20 MB).
_BLANKS = re.compile(r"[\t\r\f\v][ \t\r\f\v]*| [ \t\r\f\v]+")
_SPACES = re.compile(r"[^\S ]\s*| \s+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?(rss|feed|RDF|opml)\b")


def _without_scripts(markup: str) -> str:
    """The markup with each script and style element (a space in its place), in one
    pass: a lazy regex (<script.*?</script>) scanned to the end from every opening
    without a closing, and a summary of "<script>" repeated took minutes.  An element
    that never closes is left (as the regex left it); its tags go with the others."""
    parts: list[str] = []
    at = 0
    unclosed: set[str] = set()
    for opening in _DROPPED_OPEN.finditer(markup):
        name = opening.group(1).lower()
        if opening.start() < at or name in unclosed:
            continue
        closing = _DROPPED_CLOSE[name].search(markup, opening.end())
        if closing is None:
            unclosed.add(name)  # no later opening of it closes either
            continue
        parts.append(markup[at : opening.start()])
        parts.append(" ")
        at = closing.end()
    parts.append(markup[at:])
    return "".join(parts)


def html_text(markup: str) -> str:
    """The plain text of an HTML fragment (a feed's content or summary); never rendered."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    return _tidied_lines(_untagged(_without_scripts(markup)))


def _untagged(markup: str) -> str:
    """Markup without its tags (a block's a line break) and with its references decoded."""
    import html

    return html.unescape(_TAGS.sub("", _BLOCKS.sub("\n", markup)))


def _tidied_lines(text: str) -> str:
    """Each line's blanks one space and its ends trimmed, blank lines one: only white
    space is taken out."""
    lines = (_BLANKS.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


# Markup longer than an article may be is read a piece of about this many characters at
# a time (html_text_within).
_PIECE = 1_000_000
_WHITE_SPACE = re.compile(r"\s+")


def html_text_within(markup: str, limit: int) -> str | None:
    """html_text(markup), or None as soon as that is sure to be longer than limit: its
    characters other than white space (which _tidied_lines cannot take out) pass it.

    Markup longer than limit is read a piece at a time (_piece_end), so the pieces' text
    is the whole's.  Read whole, a 49-million-character entry took 2.5 s and 400 MB of
    copies before its article was refused for its length.
    """
    if len(markup) <= limit or ("<" not in markup and "&" not in markup):
        return html_text(markup)
    return _read_in_pieces(markup, limit, _PIECE)


def _piece_end(text: str, at: int, size: int) -> int:
    """Where the piece of text that starts at `at` ends: about size characters on, before
    a '<' or a space that is inside no tag (a tag holds no '<' before its '>') and no
    character reference (which holds neither)."""
    far = at + size
    if far >= len(text):
        return len(text)
    opened = text.rfind("<", at, far)
    if opened != -1 and text.find(">", opened, far) == -1:  # a tag may be open at far
        closed, after = text.find(">", far), text.find("<", far)
        if after != -1 and (closed == -1 or after < closed):
            return after
        if closed == -1:
            return len(text)
        far = closed + 1
    ends = [end for end in (text.find(" ", far), text.find("<", far)) if end != -1]
    return min(ends) if ends else len(text)


def _read_in_pieces(markup: str, limit: int, size: int) -> str | None:
    """html_text_within for markup holding a tag or a reference, in pieces of about size."""
    text = _without_scripts(markup)
    pieces: list[str] = []
    kept = 0
    at = 0
    while at < len(text):
        end = _piece_end(text, at, size)
        piece = _untagged(text[at:end])
        kept += len(_WHITE_SPACE.sub("", piece))
        if kept > limit:
            return None
        pieces.append(piece)
        at = end
    text = "".join(pieces)
    del pieces  # (the pieces and the markup let go before the lines are cut)
    return _tidied_lines(text)


def one_space(text: str) -> str:
    """ " ".join(text.split()) but for the ends: each run of white space one space, in a
    pass that leaves a single space as it is (a split held a string per word)."""
    return _SPACES.sub(" ", text)


def refuse_entities(data: bytes) -> None:
    """BadArticle when XML declares entities or a DTD that loads something; else nothing.

    XML that is not well formed passes: feedparser reads such feeds in its lenient mode,
    which expands no declared entity.
    """
    head = data[:65536]
    if b"<!ENTITY" not in data and b"<!DOCTYPE" not in head.upper():
        return
    import defusedxml.ElementTree
    from defusedxml import DefusedXmlException

    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True)
    except DefusedXmlException as exc:
        raise BadArticle(f"XML that declares entities is not read ({type(exc).__name__})") from exc
    except Exception:  # defusedxml's ParseError: malformed, left to the lenient parser
        if b"<!ENTITY" in data:
            raise BadArticle("XML that declares entities is not read") from None


def root_kind(data: bytes) -> str | None:
    """'feed' or 'opml' by the document's root element, None for neither."""
    hit = _ROOT.search(data[:4096])
    if hit is None:
        return None
    return "opml" if hit.group(1) == b"opml" else "feed"


def _published(entry: Any) -> str:
    raw = entry.get("published") or entry.get("updated") or entry.get("created") or ""
    if not raw:
        return ""
    import email.utils  # here, not at the top: `timeline extract` loads this module

    try:  # RFC 822 (RSS): kept on the publisher's wall clock with its offset
        return email.utils.parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        return str(raw).strip()


def _text_of(detail: Any, value: object) -> str | None:
    """The text of an entry's element; None where it is longer than an article may be."""
    if not isinstance(value, str):  # feedparser gives None for some damaged elements
        return ""
    kind = (detail or {}).get("type", "") if isinstance(detail, dict) else ""
    if kind == "text/plain":
        return value.strip()
    return html_text_within(value, MAX_ARTICLE_CHARS)


_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CREATOR = _DC + "creator"
_ATOM = "{http://www.w3.org/2005/Atom}"
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"
_RSS1 = "{http://purl.org/rss/1.0/}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HTML = {"type": "text/html"}
_PLAIN = {"type": "text/plain"}
# Atom's text constructs: type="text" (the default) is plain, "html" escaped HTML.
_ATOM_TYPES = {"text": _PLAIN, "html": _HTML, "text/plain": _PLAIN, "text/html": _HTML}


def _plain_feed(data: bytes) -> dict[str, Any] | None:
    """A well-formed RSS 2.0, Atom or RDF feed read with lxml, shaped as feedparser's answer.

    Five to ten times faster than feedparser's SAX handlers for the common case; a feed
    that is not well formed, or that uses what this reader does not (Atom's XHTML or
    out-of-line content), is left to feedparser (None).
    """
    import importlib

    etree: Any = importlib.import_module("lxml.etree")
    root = None
    # libxml2 refuses a text node or CDATA section over 10 MB unless told the tree may be
    # huge, which also lifts its depth limit (256 to 2048 levels; no entity is read
    # either way).  Such an entry went to feedparser: a 90 MB one took 5.2 s and 490 MB
    # there (0.5 s and 364 MB here), on top of the rest of its import.  So a feed big
    # enough to hold such a node is asked again as huge before feedparser has it.
    for huge in (False, True) if len(data) > _XML_MAX_TEXT else (False,):
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=huge
        )
        try:
            root = etree.fromstring(data, parser)
            break
        except etree.XMLSyntaxError:
            continue
    if root is None:
        return None
    if root.tag == "rss":
        channel = root.find("channel")
        return _rss_answer(channel, channel.iterfind("item"), "") if channel is not None else None
    if root.tag == _RDF:
        channel = root.find(_RSS1 + "channel")
        if channel is None:
            return None
        return _rss_answer(channel, root.iterfind(_RSS1 + "item"), _RSS1)
    if root.tag == _ATOM + "feed":
        return _atom_answer(root)
    return None


def _text(element: Any, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "") if found is not None else ""


def _permalink(item: Any) -> str:
    """An RSS 2.0 item's guid where it is its address (isPermaLink left out or "true"),
    which feedparser takes for the link when there is none; else ''."""
    guid = item.find("guid")
    if guid is None or guid.get("isPermaLink", "true") != "true":
        return ""
    return (guid.text or "").strip()


# feedparser's guess that an RSS text is HTML: it holds a closing tag or a reference.
_LOOKS_LIKE_HTML = re.compile(r"</\w+>|&#?\w+;")


def _rss_title_kind(title: str) -> dict[str, str]:
    """An RSS title's type as feedparser guesses it: HTML where it looks like HTML (a
    CMS puts markup in it, in CDATA, or escapes its references twice: &amp;quot;),
    else plain text."""
    return _HTML if _LOOKS_LIKE_HTML.search(title) else _PLAIN


def _rss_answer(channel: Any, items: Any, ns: str) -> dict[str, Any]:
    """RSS 2.0 (ns '') or RSS 1.0/RDF (ns the RSS 1.0 namespace) as feedparser shapes it."""
    entries = []
    for item in items:
        link = _text(item, ns + "link").strip()
        guid = "" if link or ns else _permalink(item)  # RSS 1.0 has no guid
        title = _text(item, ns + "title")
        entry: dict[str, Any] = {
            "title": title,
            "title_detail": _rss_title_kind(title),
            "link": link or guid,
            "guidislink": bool(guid),
            "published": (_text(item, "pubDate") or _text(item, _DC + "date")).strip(),
            "summary": _text(item, ns + "description"),
            "summary_detail": _HTML,
            "author": _text(item, _CREATOR) or _text(item, "author"),
        }
        content = _text(item, _CONTENT)
        if content.strip():
            entry["content"] = [{"value": content, **_HTML}]
        entries.append(entry)
    language = _text(channel, ns + "language") or _text(channel, _DC + "language")
    feed = {"title": _text(channel, ns + "title"), "language": language.strip()}
    return {"feed": feed, "entries": entries, "bozo": False}


def _atom_text(element: Any, tag: str) -> tuple[str, dict[str, str]] | None:
    """An Atom text construct's value and type; None for one this reader leaves alone."""
    found = element.find(tag)
    if found is None:
        return "", _PLAIN
    kind = _ATOM_TYPES.get(found.get("type", "text"))
    if kind is None or found.get("src") is not None or len(found):
        return None  # XHTML (child elements), another media type, or content elsewhere
    return found.text or "", kind


def _atom_answer(root: Any) -> dict[str, Any] | None:
    entries = []
    for item in root.iterfind(_ATOM + "entry"):
        title = _atom_text(item, _ATOM + "title")
        summary = _atom_text(item, _ATOM + "summary")
        content = _atom_text(item, _ATOM + "content")
        if title is None or summary is None or content is None:
            return None
        links = item.findall(_ATOM + "link")
        link = next((x for x in links if x.get("rel", "alternate") == "alternate"), None)
        entry: dict[str, Any] = {
            "title": title[0],
            "title_detail": title[1],
            "link": (link.get("href") or "").strip() if link is not None else "",
            "published": (
                _text(item, _ATOM + "published") or _text(item, _ATOM + "updated")
            ).strip(),
            "summary": summary[0],
            "summary_detail": summary[1],
            "author": _text(item, f"{_ATOM}author/{_ATOM}name"),
        }
        if content[0].strip():
            entry["content"] = [{"value": content[0], **content[1]}]
        entries.append(entry)
    title = _atom_text(root, _ATOM + "title")
    feed = {
        "title": title[0] if title is not None else "",
        "language": (root.get(_XML_LANG) or "").strip(),
    }
    return {"feed": feed, "entries": entries, "bozo": False}


_CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def _no_character_replaced(found: re.Match[bytes]) -> bytes:
    """A numeric character reference as it is, or &#xFFFD; where it names no character
    (a surrogate, past U+10FFFF)."""
    hexadecimal, decimal = found.groups()
    digits = (hexadecimal or decimal).lstrip(b"0")
    if len(digits) > 7:
        return b"&#xFFFD;"
    code = int(digits or b"0", 16 if hexadecimal else 10)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return b"&#xFFFD;"
    return found.group()


def feed_entries(data: bytes, origin: str) -> Iterator[ArticleDraft | tuple[str, str]]:
    """Drafts, and (where, reason) for entries that are not articles."""
    refuse_entities(data)
    parsed = _plain_feed(data)
    if parsed is None:
        import feedparser  # only a feed import pays for loading it

        try:
            parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
        except (UnicodeEncodeError, ValueError, OverflowError):
            # feedparser's own failure on a character reference to no character
            # (&#xD800;, half a surrogate pair; &#x110000; and past): the whole feed
            # was lost.  Each such reference is read as U+FFFD instead.
            parsed = feedparser.parse(
                _CHARACTER_REFERENCE.sub(_no_character_replaced, data),
                sanitize_html=False,
                resolve_relative_uris=False,
            )
    feed = parsed.get("feed", {})
    entries = parsed.get("entries", [])
    if not entries:
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            raise BadArticle(f"not a readable feed ({_short(reason)})")
        if root_kind(data) is None:
            raise BadArticle("not a feed (no rss, feed or RDF element)")
        return
    items = list(_entries(feed, entries, origin))
    if parsed.get("bozo") and not any(isinstance(item, ArticleDraft) for item in items):
        raise BadArticle(f"not a readable feed ({_short(parsed.get('bozo_exception'))})")
    yield from items


def _entries(
    feed: Any, entries: list[Any], origin: str
) -> Iterator[ArticleDraft | tuple[str, str]]:
    source = html_text(feed.get("title", ""))
    lang = str(feed.get("language", "") or "ar")[:2].lower() or "ar"
    for number, entry in enumerate(entries, start=1):
        where = f"entry {number}"
        contents = entry.get("content") or []
        texts = [_text_of(c, value) for c in contents if isinstance(value := c.get("value"), str)]
        full = "\n\n".join(text or "" for text in texts)
        # The summary is read only where there is no full text (some feeds carry the
        # whole article in both).
        body = full or _text_of(entry.get("summary_detail"), entry.get("summary", ""))
        title = _text_of(entry.get("title_detail"), entry.get("title", ""))
        if None in texts or body is None or title is None:
            yield where, TOO_LONG  # said here, with the entry's number, not read whole
            continue
        if len(title) + len(body) > MAX_ARTICLE_CHARS:
            yield where, TOO_LONG
            continue
        if not body and not title:
            yield where, "no title and no text"
            continue
        if not body:
            yield where, "no text (neither content nor a summary)"
            continue
        url = str(entry.get("link", ""))
        if entry.get("guidislink") and not _WEB_ADDRESS.match(url):
            url = ""  # a guid that is no web address ("urn:uuid:..."): no url
        yield ArticleDraft(
            title=title or body.split("\n", 1)[0][:200],
            body=body,
            source=source,
            url=url,
            author=html_text(str(entry.get("author", ""))),
            lang=lang,
            published_raw=_published(entry),
            origin=origin,
            body_kind="" if full else "summary",
        )


def opml_feeds(data: bytes) -> list[str]:
    """The feed addresses (xmlUrl) an OPML list names, in order, without repeats."""
    import defusedxml.ElementTree
    from defusedxml import DefusedXmlException

    refuse_entities(data)
    try:
        root = defusedxml.ElementTree.fromstring(data)
    except DefusedXmlException as exc:
        raise BadArticle(f"XML that declares entities is not read ({type(exc).__name__})") from exc
    except Exception as exc:
        raise BadArticle(f"not a readable OPML list ({_short(exc)})") from exc
    urls: list[str] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url and url not in urls:
            urls.append(url)
    if not urls:
        raise BadArticle("an OPML list that names no feed (no outline with an xmlUrl)")
    return urls


def opml_entries(
    data: bytes, fetch: Callable[[str], bytes]
) -> Iterator[ArticleDraft | tuple[str, str]]:
    """Every entry of every feed an OPML list names; a feed that fails is one skipped record."""
    for url in opml_feeds(data):
        try:
            items = list(feed_entries(fetch(url), url))
        except BadArticle as exc:
            yield url, str(exc)
            continue
        for item in items:
            yield (f"{url} {item[0]}", item[1]) if isinstance(item, tuple) else item


def _short(reason: object) -> str:
    text = " ".join(str(reason).split())
    return text[:160] or "unknown reason"
