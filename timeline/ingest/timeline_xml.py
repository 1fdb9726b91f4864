"""The Timeline Project's .timeline files: each event an article, its category the source.

An event becomes an article whose title is the event's text, whose body is its
description (the text again when it has none), published at its start; an event
that ends after it starts also gives a 'stated' range.  The XML is parsed with
defusedxml: a file that declares entities is refused, never expanded.  An event of
this program's export says its article's key in a comment ("<!-- uid: ... -->", which
The Timeline Project passes over: export.timeline_xml), read as a table's uid column.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, BinaryIO

from timeline.ingest import encoding
from timeline.ingest.errors import BadArticle
from timeline.model import ArticleDraft, to_axis

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

MAX_TIMELINE_BYTES = 100 * 1024 * 1024
# The comment in which this program's export gives an event its article's key.
_KEY_COMMENT = re.compile(r"\s*uid: ([0-9a-f]{1,64})\s*")
_TIME = re.compile(
    r"^\s*(-?\d{1,9})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\s*$"
)


@dataclass(frozen=True)
class TimelineEntry:
    """One event of a .timeline file, as the article it becomes and its dates."""

    draft: ArticleDraft
    start: int  # axis seconds
    end: int
    start_text: str  # ISO 8601, the article's published_raw
    end_text: str

    @property
    def is_range(self) -> bool:
        return self.end > self.start


def _moment(text: str, where: str) -> tuple[datetime, str]:
    found = _TIME.match(text or "")
    if found is None:
        raise BadArticle(f"{where}: not a Gregorian time: {text[:40]!r}")
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in found.groups())
    if year < 1:  # The Timeline Project writes a year before the common era as negative
        raise BadArticle(f"{where}: a year before 1 ({text[:40]!r}): the timeline starts at year 1")
    try:
        moment = datetime(year, month, day, hour, minute, second)
    except ValueError as exc:
        raise BadArticle(f"{where}: impossible time {text[:40]!r} ({exc})") from exc
    if (hour, minute, second) == (0, 0, 0):
        iso = moment.date().isoformat()
    elif second == 0:
        iso = moment.isoformat(timespec="minutes")
    else:
        iso = moment.isoformat(timespec="seconds")
    return moment, iso


def _text(element: Element, tag: str) -> str:
    child = element.find(tag)
    return (child.text or "").strip() if child is not None else ""


def parse_timeline(data: bytes, origin: str = "") -> list[TimelineEntry | tuple[str, str]]:
    """Every event of a .timeline document read whole (see timeline_entries); BadArticle
    says in one line why it cannot be read."""
    if len(data) > MAX_TIMELINE_BYTES:
        raise BadArticle(f"{len(data):,} bytes is more than a .timeline file may be")
    return list(timeline_entries(io.BytesIO(data), origin))


# The bytes one event may take in the file (an article's text is at most 10 MB of
# characters): a file read as a stream holds one event at a time, and one element
# without end must not be read into memory whole.
MAX_EVENT_BYTES = 64 * 1024 * 1024


class _Counted(io.RawIOBase):
    """A stream that counts what is read, and stops (BadArticle) when more than
    MAX_EVENT_BYTES have been read since the last event ended (mark)."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self._raw = raw
        self.count = self.mark = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        if self.count - self.mark > MAX_EVENT_BYTES:
            raise BadArticle(f"an event of more than {MAX_EVENT_BYTES:,} bytes")
        return len(data)


# An XML declaration's encoding, in the first characters of a document.
_DECLARED_ENCODING = re.compile(r"""^(\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")


def _utf8_declared(head: str) -> str:
    """A document's first characters with its declaration saying UTF-8: a .timeline a
    text editor re-saved as "Unicode" (UTF-16) keeps The Timeline Project's
    encoding="utf-8", and the parser refused the whole file ("encoding specified in XML
    declaration is incorrect"); it is read as UTF-8 (encoding.utf8_reader)."""
    return _DECLARED_ENCODING.sub(r'\1"utf-8"', head, count=1)


def timeline_entries(
    stream: BinaryIO, origin: str = ""
) -> Iterator[TimelineEntry | tuple[str, str]]:
    """Every event of a .timeline document, read as a stream (one event held at a time:
    this program's export of a large library is over 100 MB), and (where, reason) for an
    event that cannot be an article (no text, a time that is none); BadArticle says in
    one line why the file cannot be read (the caller keeps none of it, though some
    events were yielded before)."""
    # Imported here: `timeline extract` loads this module and parses no XML.
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as SafeTree
    from defusedxml import DefusedXmlException

    counted = _Counted(stream)
    path: list[Element] = []  # the elements open, from the root
    number = 0
    key = ""  # the key the event read says in a comment (this program's export)
    try:
        for event, element in SafeTree.iterparse(
            encoding.utf8_reader(counted, _utf8_declared),
            events=("start", "end", "comment"),
            forbid_dtd=True,
        ):
            if event == "comment":
                if len(path) == 3 and path[2].tag == "event" and path[1].tag == "events":
                    found = _KEY_COMMENT.fullmatch(element.text or "")
                    key = found.group(1) if found else key
                continue
            if event == "start":
                if not path and element.tag != "timeline":
                    raise BadArticle(
                        f"not a .timeline file (its root element is <{element.tag[:40]}>)"
                    )
                path.append(element)
                continue
            path.pop()
            if len(path) == 1 and element.tag == "timetype":
                timetype = (element.text or "").strip() or "gregoriantime"
                if timetype != "gregoriantime":
                    raise BadArticle(
                        f"only Gregorian timelines can be imported (this one is {timetype!r})"
                    )
            elif len(path) == 2 and element.tag == "event" and path[1].tag == "events":
                number += 1
                where = f"event {number}"
                entry: TimelineEntry | tuple[str, str]
                try:
                    entry = _entry(element, where, origin, key)
                except BadArticle as exc:  # this event only: a record skipped
                    entry = (where, str(exc).removeprefix(f"{where}: "))
                key = ""
                path[1].remove(element)  # read: let it go
                counted.mark = counted.count
                yield entry
    except DefusedXmlException as exc:
        raise BadArticle(
            f"refused: the file declares XML entities or a DTD ({type(exc).__name__})"
        ) from exc
    except ParseError as exc:
        raise BadArticle(f"not well-formed XML ({exc})") from exc


def _entry(event: Element, where: str, origin: str, key: str) -> TimelineEntry:
    title = " ".join(_text(event, "text").split())
    if not title:
        raise BadArticle(f"{where}: no text")
    start, start_iso = _moment(_text(event, "start"), where)
    end_text = _text(event, "end")
    end, end_iso = _moment(end_text, where) if end_text else (start, start_iso)
    if end < start:
        raise BadArticle(f"{where}: ends before it starts")
    draft = ArticleDraft(
        title=title,
        body=_text(event, "description") or title,
        source=_text(event, "category"),
        url=_text(event, "hyperlink"),
        published_raw=start_iso,
        origin=origin,
        uid=key,
    )
    return TimelineEntry(draft, to_axis(start), to_axis(end), start_iso, end_iso)
