"""TimelineJS3 JSON files: each event an article record (as the JSON importer reads them).

A file this program wrote carries every article's fields under "x-timeline-article"
and marks the mentioned dates, which are skipped (they are found again in the bodies).
In any other TimelineJS file an event becomes an article: the headline its title, the
text its body, start_date its publication, group its source.  HTML is reduced to text.
"""

from __future__ import annotations

import html
import re
from typing import Any

ARTICLE_KEY = "x-timeline-article"
MENTION_KEY = "x-timeline-mention"
_BLOCK_END = re.compile(r"</p\s*>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,2000}>")
# How the exporter writes a line: its text escaped, so it holds no '<'.
_OUR_PARAGRAPH = re.compile(r'<p dir="(?:rtl|ltr)">([^<]*)</p>')


def is_timelinejs(data: Any) -> bool:
    """Whether decoded JSON looks like a TimelineJS document (an object with an events list)."""
    return isinstance(data, dict) and isinstance(data.get("events"), list)


def html_text(fragment: Any) -> str:
    """The text of an HTML fragment: paragraphs become lines, tags go, references decode."""
    if not isinstance(fragment, str):
        return ""
    lines = _TAG.sub("", _BLOCK_END.sub("\n", fragment))
    return "\n".join(" ".join(line.split()) for line in html.unescape(lines).split("\n")).strip()


def _iso(date: Any) -> str:
    if not isinstance(date, dict):
        return ""
    parts = []
    for name in ("year", "month", "day", "hour", "minute"):
        value = date.get(name)
        if value in (None, ""):
            break
        try:
            parts.append(int(value))
        except (TypeError, ValueError):
            return ""
    if not parts:
        return ""
    text = f"{parts[0]:04d}"
    text += "".join(f"-{n:02d}" for n in parts[1:3])
    if len(parts) >= 4:
        text += f"T{parts[3]:02d}:{parts[4] if len(parts) > 4 else 0:02d}"
    return text


def our_paragraphs(fragment: Any) -> str:
    """The text this program wrote as paragraphs (one a line, blank ones too), exactly."""
    if not isinstance(fragment, str):
        return ""
    return "\n".join(html.unescape(line) for line in _OUR_PARAGRAPH.findall(fragment))


def timelinejs_records(data: dict[str, Any]) -> list[Any]:
    """The article records of a TimelineJS document, in its order (mentions left out)."""
    records: list[Any] = []
    for event in data["events"]:
        if not isinstance(event, dict):
            records.append(event)  # the record reader says why it is not an article
            continue
        if MENTION_KEY in event:
            continue
        carried = event.get(ARTICLE_KEY)
        if isinstance(carried, dict):
            if "body" not in carried:
                given = event.get("text")
                carried = {
                    **carried,
                    "body": our_paragraphs(given.get("text") if isinstance(given, dict) else None),
                }
            records.append(carried)
            continue
        given = event.get("text")
        text: dict[str, Any] = given if isinstance(given, dict) else {}
        title = html_text(text.get("headline"))
        body = html_text(text.get("text")) or title
        record: dict[str, Any] = {"title": title, "body": body}
        published = _iso(event.get("start_date"))
        if published:
            record["published"] = published
        if isinstance(event.get("group"), str):
            # What TimelineJS shows of it: its markup's text (its own files carry the
            # source whole under ARTICLE_KEY, above).
            record["source"] = html_text(event["group"])
        records.append(record)
    return records
