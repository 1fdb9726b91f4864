"""The fields of an article a table's header or a JSON record's key may name, and the
names each is known by, in Arabic and English (the first one present is read)."""

from __future__ import annotations

import re
from typing import Any

from timeline.ingest.feeds import html_text
from timeline.model import MAX_TAG_CHARS, TAG_SEPARATORS
from timeline.text.safe import tag_name

FIELDS = ("title", "body", "published", "source", "url", "author", "caption", "credit", "lang")
# Compared after folding case, spaces, hyphens and underscores ("Published At",
# "published_at" and "publishedAt" are one name).
NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "عنوان", "العنوان", "webtitle"),
    # The text itself first; after it what stands for it in an API's answer that has no
    # text (the Guardian's bodyText, the New York Times' lead paragraph, a summary).
    "body": (
        "body", "content", "text", "article", "articlebody", "fulltext",
        "نص", "النص", "المحتوى", "محتوى",
        "bodytext", "maintext", "leadparagraph", "description", "summary", "abstract",
        "snippet",
        "الملخص", "ملخص", "الوصف", "وصف",
    ),
    # Then the names of research tools' and crawlers' exports (Media Cloud's
    # publish_date and media_name, GDELT's SOURCEURL, news-please's date_publish,
    # maintext and source_domain, Event Registry's dateTime, a CMS's publisher).
    "published": (
        "date", "published", "publishedat", "pubdate", "datepublished", "publicationdate",
        "publishedraw", "تاريخ", "التاريخ", "webpublicationdate", "publishdate",
        "publishedon", "datepublish", "datetime", "تاريخالنشر",
    ),
    "source": (
        "source", "site", "sitename", "المصدر", "مصدر", "from", "publisher", "medianame",
        "outlet", "sourcedomain", "domain", "الناشر", "الصحيفة", "الموقع",
    ),
    "url": ("url", "link", "رابط", "الرابط", "weburl", "permalink", "sourceurl", "articleurl"),
    "author": ("author", "byline", "الكاتب", "كاتب", "authors", "creator", "writer", "المؤلف"),
    # Kept when a table has them (the program's own CSV export does): a round trip
    # gives back the article as it was.
    "caption": ("caption", "imagecaption", "التعليق", "تعليق"),
    "credit": ("credit", "photocredit", "الحقوق", "حقوق"),
    "lang": ("lang", "language", "اللغة", "لغة"),
}  # fmt: skip
# The user's own values a record may carry beside the article (the program's CSV, JSON
# Lines and TimelineJS exports write them): read into ArticleDraft.tags and .note.
USER_NAMES: dict[str, tuple[str, ...]] = {
    "tags": ("tags", "الوسوم", "وسوم"),
    "note": ("note", "notes", "ملاحظة", "الملاحظة", "ملاحظات"),
}
MAX_TAGS = 100  # kept of a record's tags (no archive tags a story with more)
_TAG_SEPARATORS = re.compile("[" + "".join(TAG_SEPARATORS) + "]")
# In another program's file, a string of tags is as often cut at commas (Latin or
# Arabic) or bars: WordPress and spreadsheet exports write "politics, economy".
_OTHERS_SEPARATORS = re.compile("[" + "".join(TAG_SEPARATORS) + ",\u060c|]")
_FOLD = re.compile(r"[\s_\-\ufeff]+")


# A JSON string may escape half of a UTF-16 surrogate pair alone ("\ud83d" where a text
# was cut inside an emoji, as programs counting UTF-16 units cut tweets and captions):
# json.loads gives a str holding a lone surrogate, which no UTF-8 encoder takes (SQLite's,
# a terminal's), and the whole file's import failed on it.  A pair escaped whole is one
# character once decoded and is kept.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATES = re.compile("[\ud800-\udfff]+")


def without_lone_surrogates(value: Any, text: str) -> Any:
    """value, decoded from the JSON text, with each lone surrogate in its strings (keys
    too) replaced by U+FFFD; value itself when text escapes no surrogate (one search of
    the text: the decoded value is not walked)."""
    if _SURROGATE_ESCAPE.search(text) is None:
        return value
    return _replaced(value)


def _replaced(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATES.sub(lambda m: "\ufffd" * len(m.group()), value)
    if isinstance(value, list):
        return [_replaced(item) for item in value]
    if isinstance(value, dict):
        return {_replaced(key): _replaced(item) for key, item in value.items()}
    return value


def fold_name(name: str) -> str:
    """A header or key as NAMES holds it: no spaces, hyphens or underscores, case folded."""
    return _FOLD.sub("", name).casefold()


def read_tags(value: object, *, ours: bool = True) -> tuple[str, ...]:
    """A record's tags: a string of them (separated by ; or ؛, as the exports join them)
    or a list of such strings or of objects with a "name" (as APIs give them), each with
    its runs of white space made one space and its control characters and bidi
    overrides taken out (as a tag typed is: text.safe.tag_name), each once in the order given, the first MAX_TAGS.
    What cannot be a tag (a number, an object without a name, an empty or overlong
    string) is left out, never the article: tags are what other programs' records carry
    least uniformly.  ours: the file is one of this program's exports (its uid and
    imported_at); another program's string of tags is cut at commas and bars too."""
    if not isinstance(value, str | list):
        return ()
    tags: dict[str, None] = {}
    for part in [value] if isinstance(value, str) else value:
        if isinstance(part, dict):
            part = part.get("name")
        if not isinstance(part, str):
            continue
        # A list's items are cut as our own strings are (each is meant as a tag).
        separators = _TAG_SEPARATORS if ours or part is not value else _OTHERS_SEPARATORS
        for piece in separators.split(part):
            tag = tag_name(piece)
            if tag and len(tag) <= MAX_TAG_CHARS:
                tags[tag] = None
                if len(tags) == MAX_TAGS:
                    return tuple(tags)
    return tuple(tags)


# An HTML element's tag, as a CMS's or a scraper's text holds them (WordPress's content,
# the Guardian's body): a field holding one is read as HTML (read_as_html).
_TAG_NAMES = (
    "p|br|div|span|a|h[1-6]|ul|ol|li|blockquote|strong|em|b|i|figure|figcaption|img|table"
    "|tr|td|section|article|header|footer|aside|iframe|script|style"
)
# Its attributes as HTML writes them (an unquoted value holds no quote, '=', '<' or
# '>'), at most 50: a text of "<p a=" repeated was searched from each '<' to its end,
# 80 s for 100 KB, until a value could no longer run over the next tag.
_MARKUP = re.compile(
    rf"<(?:{_TAG_NAMES})"
    rf"(?:\s+[a-zA-Z][\w:-]{{0,64}}(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'=<>`]+))?){{0,50}}"
    rf"\s*/?>|</(?:{_TAG_NAMES})\s*>",
    re.IGNORECASE,
)
MARKUP_FIELDS = ("title", "body", "author", "caption", "credit")  # read as HTML if they hold it


def read_as_html(value: str) -> str:
    """A field's text, read as HTML (its paragraphs, not its tags: feeds.html_text) where
    it holds an HTML element: a CMS's or a scraper's JSON or table.  Not for this
    program's own exports, whose texts are as stored."""
    if "<" in value and _MARKUP.search(value):
        return html_text(value)
    return value
