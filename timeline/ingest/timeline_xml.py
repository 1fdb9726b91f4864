"""The Timeline Project's .timeline files: each event an article, its category the source.

An event becomes an article whose title is the event's text, whose body is its
description (the text again when it has none), published at its start; an event
that ends after it starts also gives a 'stated' range.  The XML is parsed with
defusedxml: a file that declares entities is refused, never expanded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from timeline.ingest.errors import BadArticle
from timeline.model import ArticleDraft, to_axis

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

MAX_TIMELINE_BYTES = 100 * 1024 * 1024
_TIME = re.compile(r"^\s*(\d{1,4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\s*$")


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


def parse_timeline(data: bytes, origin: str = "") -> list[TimelineEntry]:
    """Every event of a .timeline document; BadArticle says in one line why it cannot be read."""
    if len(data) > MAX_TIMELINE_BYTES:
        raise BadArticle(f"{len(data):,} bytes is more than a .timeline file may be")
    # Imported here: `timeline extract` loads this module and parses no XML.
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as SafeTree
    from defusedxml import DefusedXmlException

    try:
        root = SafeTree.fromstring(data)
    except DefusedXmlException as exc:
        raise BadArticle(
            f"refused: the file declares XML entities or a DTD ({type(exc).__name__})"
        ) from exc
    except ParseError as exc:
        raise BadArticle(f"not well-formed XML ({exc})") from exc
    if root.tag != "timeline":
        raise BadArticle(f"not a .timeline file (its root element is <{root.tag[:40]}>)")
    timetype = _text(root, "timetype") or "gregoriantime"
    if timetype != "gregoriantime":
        raise BadArticle(f"only Gregorian timelines can be imported (this one is {timetype!r})")
    entries = []
    for number, event in enumerate(root.iterfind("events/event"), start=1):
        where = f"event {number}"
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
        )
        entries.append(TimelineEntry(draft, to_axis(start), to_axis(end), start_iso, end_iso))
    return entries
