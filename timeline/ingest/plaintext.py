"""The plain-text article format of the sample: title, date line, title, caption, SOURCE :- body, credit."""

from __future__ import annotations

import re

from timeline.ingest.errors import BadArticle
from timeline.model import TITLE_CHARS, ArticleDraft, title_from_body
from timeline.text.normalize import normalize

# "المدينة نيوز :- قال الرئيس ..." : the source name, then ':-' and the body (not a
# colon before a negative number: "درجة الحرارة: -5").  The name begins after the
# line's leading spaces, which are never given back (\s*+): a line of 20,000 spaces and
# a letter was read from each of its spaces with each length of name, 45 s.
_SOURCE_MARKER = re.compile(
    r"^\s*+(?P<source>[^:\n\s][^:\n]{0,79}?)\s*:\s*-(?![\d\u0660-\u0669\u06f0-\u06f9])\s*"
    r"(?P<rest>.*)$"
)
# The source marker opens the body: at most this many lines (a caption) come between
# the title and date lines and it, each no longer than CAPTION_CHARS.
CAPTION_LINES = 3
CAPTION_CHARS = 200
_HAS_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]")
# A line that ends a sentence (closing quotes or brackets may follow its mark).
_SENTENCE_FINAL = re.compile("[.!?\u061f\u2026][\"'\u00bb\u201d)]*$")
# A sign-off is a short line with no sentence punctuation: "وكالات", "رويترز", "واس".
_SENTENCE_END = re.compile(r"[.!?؟،,:;؛\"«»]")


def _same_text(a: str, b: str) -> bool:
    return " ".join(normalize(a).split()) == " ".join(normalize(b).split())


def _is_credit(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 3 and len(line) <= 30 and not _SENTENCE_END.search(line)


def _marker_line(lines: list[str], filled: list[int]) -> int | None:
    """The index of the source marker's line among the first filled lines of the body
    (filled: the indexes of those lines), or None: a "name :- " in running text is not
    one (the paragraphs before it would be taken for a caption)."""
    for j in filled[: CAPTION_LINES + 1]:
        if _SOURCE_MARKER.match(lines[j]):
            return j
        if len(lines[j].strip()) > CAPTION_CHARS:
            return None
    return None


def parse_plain_article(text: str, origin: str = "", *, sign_off: bool = True) -> ArticleDraft:
    """Split an article in the sample's format into its fields; nothing of the body is lost.

    The line after the title is its date line only when it is one (dating's
    is_date_line): a first paragraph that names a year is the body's.  The source marker
    is looked for in the article's head only (after a short caption at most).  A short
    last line is the credit (a sign-off) when sign_off, the body's otherwise.
    """
    # Every line break Unicode knows (a Mac's \r, a word processor's U+2028), not \n alone.
    lines = [line.rstrip() for line in text.lstrip("\ufeff").splitlines()]
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        raise BadArticle("the file is empty")
    title = lines[filled[0]].strip()
    cursor = filled[0] + 1
    # The line after the title is its date line when it is one, but never the whole
    # of it: "نص الخبر في 12 مارس 2015" alone under a title is the body, not a date line
    # (the file was refused as having no body).
    fields = _fields(lines, filled, cursor, title, take_date_line=True, sign_off=sign_off)
    if fields is None:
        fields = _fields(lines, filled, cursor, title, take_date_line=False, sign_off=sign_off)
    if fields is None:
        if len(filled) == 1 and _is_running_text(title):
            # One paragraph and no title (a paragraph copied and pasted, a note saved
            # as text): the article is that paragraph, named by its start, as a record
            # without a title is.
            return ArticleDraft(
                title=title_from_body(title), body=title, origin=origin, untitled=True
            )
        raise BadArticle("no article body after the title and date line")
    published_raw, source, caption, body, credit = fields
    return ArticleDraft(
        title=title,
        body=body,
        source=source,
        caption=caption,
        credit=credit,
        published_raw=published_raw,
        origin=origin,
    )


def _is_running_text(line: str) -> bool:
    """Whether a file's only line is a paragraph rather than a title: longer than a
    title is named, or ending as a sentence does."""
    return len(line) > TITLE_CHARS or _SENTENCE_FINAL.search(line) is not None


def _fields(
    lines: list[str],
    filled: list[int],
    cursor: int,
    title: str,
    *,
    take_date_line: bool,
    sign_off: bool,
) -> tuple[str, str, str, str, str] | None:
    """(date line, source, caption, body, credit) of the lines after the title (from
    cursor), the line after the title taken as the date line when take_date_line and it
    is one, a short last line the credit when sign_off; None when no body is left."""
    from timeline.dating.dateline import is_date_line  # the date rules: only when reading

    def next_filled(start: int) -> int | None:
        return next((i for i in filled if i >= start), None)

    published_raw = ""
    i = next_filled(cursor)
    if (
        take_date_line
        and i is not None
        and _HAS_DIGIT.search(lines[i])
        and not _SOURCE_MARKER.match(lines[i])
        and is_date_line(lines[i].strip())
    ):
        published_raw = lines[i].strip()
        cursor = i + 1
    i = next_filled(cursor)
    if i is not None and _same_text(lines[i], title):
        cursor = i + 1

    marker_at = _marker_line(lines, [j for j in filled if j >= cursor])
    source = ""
    caption = ""
    if marker_at is not None:
        match = _SOURCE_MARKER.match(lines[marker_at])
        assert match is not None
        source = match["source"].strip()
        caption = "\n".join(line.strip() for line in lines[cursor:marker_at] if line.strip())
        body_lines = [match["rest"], *lines[marker_at + 1 :]]
    else:
        body_lines = lines[cursor:]

    while body_lines and not body_lines[-1].strip():
        body_lines.pop()
    credit = ""
    if sign_off and len(body_lines) > 1 and _is_credit(body_lines[-1].strip()):
        credit = body_lines.pop().strip()
    body = "\n".join(body_lines).strip()
    if not body:
        return None
    return published_raw, source, caption, body, credit
