"""The Timeline Project's .timeline XML: each article one event, its source a category.

The event's text is the article's title, its description the body, its hyperlink the
url, its start the publication (a range the article's file stated gives start and
end), the user's corrections winning and hidden articles left out.  The format has no
place for tags or notes.  Mentioned dates are not written as events of their own:
importing the file here finds them again in the descriptions, where a separate event
would come back as an article of its own (docs/decisions.md, Export).

Nor has it a place for the article's key (its uid, as the CSV, JSON Lines and workbook
exports write it): The Timeline Project reads an event's elements against a fixed list
(start, end, text, progress, fuzzy, locked, ends_today, category, description, alert,
hyperlink, icon, default_color, milestone), in that order, and refuses a file with any
other, or with one out of that order ("Did not expect <uid>"), and each of those has its
use.  So the key is an XML comment in the event, "<!-- uid: ... -->", which that reader
passes over and a tool or an import here reads: an event traced to its article, and
the article known again by it when its title or source was corrected since, or its
description holds a replacement character for a control (ingest.timeline_xml).
"""

from __future__ import annotations

import colorsys
import hashlib
from datetime import datetime
from typing import TextIO
from xml.sax.saxutils import escape

from timeline import __version__
from timeline.export.progress import ExportProgress, counted
from timeline.export.selection import Selection, UserView, article_ids, events
from timeline.model import from_axis, to_axis
from timeline.store import Store
from timeline.store.export_data import article_sources, export_articles, stated_ranges
from timeline.text.safe import xml_chars

# The file format version written (The Timeline Project 2.x reads it).
FORMAT_VERSION = "2.4.0"


def xml_text(text: str) -> str:
    """A text as an element's content: escaped, and each character XML 1.0 cannot carry
    even as a reference (most C0 controls) a replacement character (xml_chars)."""
    return escape(xml_chars(text))


_LAST_SECOND = to_axis(datetime(9999, 12, 31, 23, 59, 59))


def timeline_time(seconds: int) -> str:
    """An axis time as The Timeline Project writes a Gregorian time."""
    t = from_axis(seconds)
    return f"{t.year}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}:{t.second:02d}"


def category_colour(name: str) -> str:
    """A stable, readable colour for a category name ('r,g,b')."""
    hue = int.from_bytes(hashlib.sha1(name.encode()).digest()[:2], "big") / 65535
    r, g, b = colorsys.hls_to_rgb(hue, 0.75, 0.6)
    return f"{round(r * 255)},{round(g * 255)},{round(b * 255)}"


def write_timeline_xml(
    store: Store,
    selection: Selection,
    out: TextIO,
    left_out: list[int] | None = None,
    progress: ExportProgress | None = None,
) -> int:
    """Write the chosen dated articles as a .timeline file, an article at a time (the
    memory it takes does not grow with their text); returns the events written.
    left_out, if given, receives the ids of the chosen articles that have no date (an
    event of the format needs one)."""
    ids = article_ids(store, selection)
    view = UserView(store, selection)
    published: dict[int, int] = {}
    for row in events(store, selection, ids, placed_only=True, shown=view):
        if row.kind == "published" and row.start is not None:
            published[row.article_id] = row.start
    if left_out is not None:
        left_out.extend(view.undated(ids))
    chosen = sorted(published)
    ranges = stated_ranges(store, chosen)
    # The categories come before the events: the sources, as the user sees them, of the
    # articles shown, read without their bodies.
    categories: dict[str, None] = {}
    for article_id, source in article_sources(store, chosen):
        if view.keeps(article_id):
            source = view.source_of(article_id, source)
            if source:
                categories.setdefault(source)
    out.write('<?xml version="1.0" encoding="utf-8"?>\n')
    out.write(f"<!-- written by arabic-news-timeline {xml_text(__version__)} -->\n")
    out.write("<timeline>\n")
    out.write(f"  <version>{FORMAT_VERSION}</version>\n")
    out.write("  <timetype>gregoriantime</timetype>\n")
    out.write("  <eras>\n  </eras>\n  <categories>\n")
    for name in categories:
        colour = category_colour(name)
        out.write(
            "    <category>\n"
            f"      <name>{xml_text(name)}</name>\n"
            f"      <color>{colour}</color>\n"
            f"      <progress_color>{colour}</progress_color>\n"
            f"      <done_color>{colour}</done_color>\n"
            "      <font_color>0,0,0</font_color>\n"
            "    </category>\n"
        )
    out.write("  </categories>\n  <events>\n")
    written = 0
    for stored in counted(export_articles(store, chosen), progress):
        article = view.article(stored)  # the user's title and source
        if article is None:
            continue
        article_id, uid = int(article[0]), str(article[1])
        title, text = str(article[2]), str(article[3])
        source, url = str(article[4]), str(article[5])
        day = published[article_id]
        start, end = ranges.get(article_id, (day, day))
        out.write(
            "    <event>\n"
            f"      <!-- uid: {uid} -->\n"  # a key is hexadecimal: no "--"
            f"      <start>{timeline_time(start)}</start>\n"
            f"      <end>{timeline_time(end)}</end>\n"
            f"      <text>{xml_text(title)}</text>\n"
            "      <progress>0</progress>\n"
            "      <fuzzy>False</fuzzy>\n"
            "      <fuzzy_start>False</fuzzy_start>\n"
            "      <fuzzy_end>False</fuzzy_end>\n"
            "      <locked>False</locked>\n"
            "      <ends_today>False</ends_today>\n"
            + (f"      <category>{xml_text(source)}</category>\n" if source else "")
            + f"      <description>{xml_text(text)}</description>\n"
            + (f"      <hyperlink>{xml_text(url)}</hyperlink>\n" if url else "")
            # (in the reader's order: it refuses <default_color> after <milestone>)
            + "      <default_color>200,200,200</default_color>\n"
            "      <milestone>False</milestone>\n"
            "    </event>\n"
        )
        written += 1
    out.write("  </events>\n")
    if published:
        first = min(published.values())
        last = max(max(published[i], ranges.get(i, (0, 0))[1]) for i in published)
        # A day at least, within the calendar's last second (a day after 31 December
        # 9999, a date the user can give, has no datetime).
        last = min(max(last, first + 86400), _LAST_SECOND)
        first = min(first, last - 86400)
        out.write(
            "  <view>\n    <displayed_period>\n"
            f"      <start>{timeline_time(first)}</start>\n"
            f"      <end>{timeline_time(last)}</end>\n"
            "    </displayed_period>\n    <hidden_categories>\n    </hidden_categories>\n"
            "  </view>\n"
        )
    out.write("</timeline>\n")
    return written
