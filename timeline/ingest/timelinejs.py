"""TimelineJS3 JSON files: each event an article record (as the JSON importer reads them).

A file this program wrote carries every article's fields under "x-timeline-article"
(its key, "uid", among them: an article whose title or source was corrected since the
file was written is known by it, as by a table's uid column) and marks the mentioned
dates, which are skipped (they are found again in the bodies) but for those the user
added, which go with their article's record to be added again.  In any other
TimelineJS file an event becomes an article: the headline its title, the text its
body, start_date its publication, group its source.  HTML is reduced to text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from timeline.ingest import feeds
from timeline.ingest.fields import read_tags
from timeline.model import AddedEvent, MentionMarks

ARTICLE_KEY = "x-timeline-article"
MENTION_KEY = "x-timeline-mention"
# In a mention the user added (kind "added"): what adds it again (typed, label, tags).
ADDED = "added"
# Put on a record by timelinejs_records: the events the user added to its article, and
# (on the file's first record) those added on their own or to an article not in the file.
ADDED_KEY = "x-timeline-added"
STANDALONE_KEY = "x-timeline-standalone"
# In an article's ARTICLE_KEY: what the user said of it that its fields do not carry
# ({"hidden": true, "mentions": [{"start", "end", "text", "typed" | "not_a_date",
# "hidden", "tags"}], "published": the publication date typed, "title" and "source": the
# user's corrections, which the record's fields hold, "own": {"title", "source"} the
# article's own beneath them}), read by user_said, published_said and fields_said.
USER_KEY = "x-timeline-user"
# Put on a record by timelinejs_records: the key (uid) of the article a slide of this
# program's carries (ARTICLE_KEY's "uid"), read as a table's uid column is.
KEY_KEY = "x-timeline-key"
# In the document: its tags' colours ({name: "#rrggbb"}), put on its first record.
COLOURS_KEY = "x-timeline-tag-colours"
# What an article's record carries of the user's beyond its fields, in the order a
# table export (CSV, a workbook) writes them as columns of JSON text.
CARRIED_KEYS = (USER_KEY, ADDED_KEY, STANDALONE_KEY, COLOURS_KEY)
# How the exporter writes a line: its text escaped, so it holds no '<'.
_OUR_PARAGRAPH = re.compile(r'<p dir="(?:rtl|ltr)">([^<]*)</p>')


def is_timelinejs(data: Any) -> bool:
    """Whether decoded JSON looks like a TimelineJS document (an object with an events list)."""
    return isinstance(data, dict) and isinstance(data.get("events"), list)


def html_text(fragment: Any) -> str:
    """The text of an HTML fragment as a feed's is read (feeds.html_text: each block
    element ends a line, tags go, references decode), each run of white space in a line
    one space (as TimelineJS shows it)."""
    if not isinstance(fragment, str):
        return ""
    lines = feeds.html_text(fragment).split("\n")
    return "\n".join(feeds.one_space(line).strip() for line in lines)


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
    """The article records of a TimelineJS document, in its order (mentions left out:
    those the user added are put on their article's record, ADDED_KEY, or on the first
    record when on their own, STANDALONE_KEY)."""
    extras = Extras()
    for event in data["events"]:
        extras.note(event)
    extras.colours = data.get(COLOURS_KEY)
    return list(extras.records(data["events"]))


# User-added events gathered from a file at most (an import adds MAX_ADDED_EVENTS an
# article; a file of millions must not be held).
MAX_ADDED_GATHERED = 100_000


class Extras:
    """What a TimelineJS document says beside its articles' slides, gathered over its
    events (note each) before its records are made (records): the events the user added,
    by the article they were added to, the ids of the articles this program wrote, and
    the tags' colours.  Two passes, so that a file read as a stream gives each record
    whole as it is read (a document's added events follow its slides)."""

    def __init__(self) -> None:
        self.added: dict[Any, list[Any]] = {}
        self.gathered = 0
        self.last: dict[int, int] = {}  # our article id: the event it was last on
        self.colours: Any = None
        self._noted = 0

    def note(self, event: Any) -> None:
        at, self._noted = self._noted, self._noted + 1
        if not isinstance(event, dict):
            return
        mention = event.get(MENTION_KEY)
        if mention is not None:
            added = isinstance(mention, dict) and mention.get("kind") == "added"
            if added and ADDED in mention and self.gathered < MAX_ADDED_GATHERED:
                article = mention.get("article")
                key = article if isinstance(article, int) else None
                self.added.setdefault(key, []).append(mention[ADDED])
                self.gathered += 1
            return
        carried = event.get(ARTICLE_KEY)
        if isinstance(carried, dict) and isinstance(carried.get("id"), int):
            self.last[carried["id"]] = at

    def records(self, events: Iterable[Any]) -> Iterator[Any]:
        """The article records of the events noted, in their order (the same events)."""
        standalone: list[Any] = []
        for article, added in self.added.items():
            if article not in self.last:  # on its own, or its article is not in the file
                standalone += added
        first = True
        for at, event in enumerate(events):
            record = _record(event)
            if record is _MENTION:
                continue
            if isinstance(record, dict):
                ours = isinstance(event.get(ARTICLE_KEY), dict)
                carried_id = record.get("id") if ours else None
                last = isinstance(carried_id, int) and self.last.get(carried_id) == at
                if last and carried_id in self.added:
                    record[ADDED_KEY] = self.added[carried_id]
                if first:
                    first = False
                    if standalone:
                        record[STANDALONE_KEY] = standalone
                    if isinstance(self.colours, dict):
                        record[COLOURS_KEY] = self.colours
            yield record


_MENTION = object()  # an event that is a mention: no record of its own


def _record(event: Any) -> Any:
    """The record of one event (_MENTION for a mention)."""
    if not isinstance(event, dict):
        return event  # the record reader says why it is not an article
    if event.get(MENTION_KEY) is not None:
        return _MENTION
    carried = event.get(ARTICLE_KEY)
    if isinstance(carried, dict):
        ours = dict(carried)
        if "body" not in carried:
            given = event.get("text")
            ours["body"] = our_paragraphs(given.get("text") if isinstance(given, dict) else None)
        if isinstance(carried.get("uid"), str):
            ours[KEY_KEY] = carried["uid"]
        return ours
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
    return record


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def tag_colours(value: Any) -> tuple[tuple[str, str], ...]:
    """The (tag, colour) pairs of a document's COLOURS_KEY: a colour not #rrggbb, or a
    name that is not a tag, is left out; the first MAX_ADDED_EVENTS."""
    if not isinstance(value, dict):
        return ()
    pairs = []
    for name, colour in list(value.items())[:MAX_ADDED_EVENTS]:
        tags = read_tags(name) if isinstance(name, str) else ()
        if len(tags) == 1 and isinstance(colour, str) and _COLOUR.fullmatch(colour):
            pairs.append((tags[0], colour.lower()))
    return tuple(pairs)


# Read of a record's added events at most (each date typed is read again on import:
# a file may not make that unbounded), and the length of a date as typed.
MAX_ADDED_EVENTS = 10_000
MAX_TYPED_CHARS = 200


def added_events(value: Any, standalone: bool) -> tuple[AddedEvent, ...]:
    """The events a record's ADDED_KEY or STANDALONE_KEY list carries, the first
    MAX_ADDED_EVENTS; an entry that is not one (no date typed, or one longer than a date,
    a label not a string) is left out."""
    if not isinstance(value, list):
        return ()
    events: list[AddedEvent] = []
    for entry in value[:MAX_ADDED_EVENTS]:
        if not isinstance(entry, dict):
            continue
        typed, label = entry.get("typed"), entry.get("label", "")
        if not isinstance(typed, str) or not typed.strip() or len(typed) > MAX_TYPED_CHARS:
            continue
        if not isinstance(label, str):
            continue
        tags = read_tags(entry.get("tags"))
        hidden = entry.get("hidden") is True
        events.append(AddedEvent(typed.strip(), label, standalone, tags, hidden))
    return tuple(events)


def user_said(value: Any) -> tuple[tuple[MentionMarks, ...], bool]:
    """The marks on an article's mentions and whether it is hidden, from its USER_KEY;
    a mark that is not one (no place, its text not a string, a date typed longer than a
    date) is left out, and the first MAX_ADDED_EVENTS are read."""
    if not isinstance(value, dict):
        return (), False
    marks: list[MentionMarks] = []
    entries = value.get("mentions")
    for entry in entries[:MAX_ADDED_EVENTS] if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        start, end, text = entry.get("start"), entry.get("end"), entry.get("text")
        typed = entry.get("typed", "")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
            continue
        if not isinstance(text, str) or not isinstance(typed, str):
            continue
        if len(typed) > MAX_TYPED_CHARS:
            continue
        marks.append(
            MentionMarks(
                start,
                end,
                text,
                typed.strip(),
                entry.get("not_a_date") is True,
                entry.get("hidden") is True,
                read_tags(entry.get("tags")),
            )
        )
    return tuple(marks), value.get("hidden") is True


def published_said(record: Mapping[str, Any]) -> str | None:
    """The publication date the user typed for the article, as its USER_KEY carries it
    ("published"); "" where it carries one that is not (not a string, blank, longer than
    a date: a number, a list, an object or null written by hand), which is left out and
    counted as a string that is not a date is; None where it carries none."""
    said = record.get(USER_KEY)
    if not isinstance(said, dict) or "published" not in said:
        return None
    typed = said["published"]
    if not isinstance(typed, str) or len(typed) > MAX_TYPED_CHARS:
        return ""
    return typed.strip()


# The article's fields a user can correct in words, that USER_KEY carries with the
# article's own ("own"): the record's field holds the user's.
SAID_FIELDS = ("title", "source")


def fields_said(record: Mapping[str, Any]) -> tuple[tuple[tuple[str, str], ...], dict[str, str]]:
    """The title and source the user corrected, as its USER_KEY carries them, and the
    article's own beneath them ("own"): ((field, the user's), ...), {field: own}.  A
    field is read only with both, each a string (the user's title not empty, as the
    window keeps it): else the record's field is the article's, as before."""
    said = record.get(USER_KEY)
    if not isinstance(said, dict) or not isinstance(own := said.get("own"), dict):
        return (), {}
    typed: list[tuple[str, str]] = []
    owns: dict[str, str] = {}
    for name in SAID_FIELDS:
        value, beneath = said.get(name), own.get(name)
        if not (isinstance(value, str) and isinstance(beneath, str)):
            continue
        if name == "title" and not (value.strip() and beneath.strip()):
            continue
        typed.append((name, value.strip()))
        owns[name] = beneath
    return tuple(typed), owns


def carried_values(record: Mapping[str, Any]) -> dict[str, Any]:
    """What a record's CARRIED_KEYS say, as ArticleDraft's arguments (added, marks,
    hidden, tag_colours, published_typed or published_unread, fields_typed): none for a
    key it lacks.  The
    article's own title and source, where the user corrected them, are "own_fields":
    the caller reads them as the article's, in place of the record's (the user's)."""
    found: dict[str, Any] = {}
    if ADDED_KEY in record or STANDALONE_KEY in record:
        added = added_events(record.get(ADDED_KEY), False)
        found["added"] = added + added_events(record.get(STANDALONE_KEY), True)
    if USER_KEY in record:
        found["marks"], found["hidden"] = user_said(record[USER_KEY])
        typed = published_said(record)
        if typed:
            found["published_typed"] = typed
        elif typed is not None:
            found["published_unread"] = True
        fields_typed, own = fields_said(record)
        if fields_typed:
            found["fields_typed"], found["own_fields"] = fields_typed, own
    if COLOURS_KEY in record:
        found["tag_colours"] = tag_colours(record[COLOURS_KEY])
    return found
