"""The user's edits as use cases: correct, add, hide, tag and annotate; undo and redo.

The library, the command line and the window all call these.  Each edit writes rows of
the user's own tables (timeline/store/edits.py), stamped with who and when, and returns
the Changes it made: undo writes their rows back as they were, redo as they became.
Nothing here writes the user's values into a row the program computes, so recompute
and re-import keep them all; a publication date given or taken back has the article's
mentions found again from the date now shown (_follow_dates), as recompute finds them.
"""

from __future__ import annotations

import calendar
import getpass
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, overload

from timeline import dating
from timeline.dating.english import as_arabic_months, mail_date_as_iso
from timeline.model import (
    MAX_TAG_CHARS,
    TAG_SEPARATORS,
    AddedEvent,
    Article,
    ArticleDraft,
    DateValue,
    Event,
    MentionMarks,
    to_axis,
)
from timeline.store import Store
from timeline.store import edits as user
from timeline.store.edits import Change, Stamp
from timeline.text.normalize import fold_fullwidth
from timeline.text.safe import tag_name

if TYPE_CHECKING:
    from timeline.ingest.dedup import ShownKeys

# Given in turn to new tags; the user can change any (Okabe-Ito, told apart by most readers).
TAG_COLOURS = (
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#f0e442",
    "#0072b2",
    "#d55e00",
    "#cc79a7",
    "#999999",
)
# fullmatch: "$" would also take a newline after the six digits.
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_ISO_RANGE = re.compile(r"^\s*(\d{4}(?:-\d\d(?:-\d\d)?)?)\s*/\s*(\d{4}(?:-\d\d(?:-\d\d)?)?)\s*$")
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d\d)(?:-(\d\d))?)?\s*$")


class EditError(ValueError):
    """An edit that cannot be made: an unreadable date, an unknown article or event.

    Its line is MESSAGES[key] filled with values (_refused), kept on it to be said again
    with a value shortened (the window's date dialog)."""

    def __init__(self, line: str, key: str = "", values: dict[str, object] | None = None) -> None:
        super().__init__(line)  # the line alone: what a copy in another process is made of
        self.key = key
        self.values = values or {}


# Why an edit is refused, one template a case (every EditError is one of them: an edit
# the window runs can meet any): the command line prints the lines as they are; the
# window says them in its language, found by these templates
# (timeline/ui/store_messages.py).
MESSAGES: dict[str, str] = {
    "no_article": "no article #{article}",
    "no_event": "no event #{event}",
    "no_added_event": "no added event #{event}",
    "not_a_date": "not a date this program can read: {text}",
    "tag_unnamed": "a tag needs a name",
    "tag_too_long": "a tag's name has at most {most} characters ({given} given)",
    "tag_separator": "a tag's name cannot hold " + " or ".join(TAG_SEPARATORS) + ": {tag}",
    "not_a_colour": "not a colour: {colour} (give #rrggbb)",
    "no_tag": "no tag {tag}",
    "no_span": "no span {start}:{end} in article #{article}",
    "not_a_mention": "event #{event} is not a mention in the text",
    "no_field": "cannot correct {field}: one of " + ", ".join(user.ARTICLE_FIELDS),
    "published_lines": "a publication date is one line: {text}",
    "published_not_iso": "not an ISO 8601 date and time: {text}",
    "published_phrase": "a publication date is one date, not a range or a phrase: {text}",
    "range_reversed": "a range ends after it starts: {text}",
}


def _refused(key: str, **values: object) -> EditError:
    """The EditError of this key (MESSAGES) with its values."""
    return EditError(MESSAGES[key].format(**values), key, values)


def who() -> str:
    """The user the edits are stamped with: the login name."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still say something
        return "unknown"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _stamp() -> dict[str, str]:
    return {"who": who(), "at": _now()}


# -- reading what the user typed ----------------------------------------------------


def _iso_part(text: str) -> DateValue | None:
    m = _ISO.match(text)
    if m is None:
        return None
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        first = datetime(year, month, day)
    except ValueError:
        return None
    if m[3]:
        return DateValue(first.date().isoformat(), "day", to_axis(first))
    # Each end counted from the last day: the day after December 9999 has no datetime.
    if m[2]:
        last = datetime(year, month, calendar.monthrange(year, month)[1])
        return DateValue(f"{year:04d}-{month:02d}", "month", to_axis(first), to_axis(last) + 86400)
    last = datetime(year, 12, 31)
    return DateValue(f"{year:04d}", "year", to_axis(first), to_axis(last) + 86400)


def read_date(text: str) -> DateValue | None:
    """A typed date or range as the program reads dates (Arabic or English, Hijri or Gregorian).

    ISO dates and ranges ("1950/1953", "2021-05-22/2021-06-01"), a date line
    ("10 شوال 1442 هـ", "22 May 2021", RFC 2822's "Sun, 01 Mar 2015 10:00:00 GMT"), or the longest dated mention in the text
    ("بين عامي 1950 و1953").  None when nothing in it reads as a placed date.
    """
    return _read_date(text)[0]


def read_published(typed: str) -> DateValue:
    """A publication date typed: one date, and the whole of what was typed (EditError
    otherwise).  read_date takes what it can find in a text (the day of
    "2015-07-21T25:00", the first line of two, the longest date of a phrase), which for
    an event's date is the point; an article was published once, at one time, so a
    value only partly read would be stored as a date the user did not give."""
    text = fold_fullwidth(typed.strip())
    if "\n" in text or "\r" in text:
        raise _refused("published_lines", text=repr(typed))
    if _ISO_START.match(text) and not _ISO.match(text):
        # Written as ISO 8601: a time with it must be one (no hour 25), nothing after.
        try:
            datetime.fromisoformat(text)
        except ValueError:
            raise _refused("published_not_iso", text=repr(typed)) from None
    date, whole = _read_date(text)
    if date is None:
        raise _refused("not_a_date", text=repr(typed))
    # A date line is read from its first date on: one that names two ("من 1 يناير إلى
    # 5 يناير 2015") gave its last.
    several = len(dating.extract_mentions(as_arabic_months(text), None)) > 1
    if date.granularity == "interval" or not whole or several:
        raise _refused("published_phrase", text=repr(typed))
    return date


# An ISO 8601 date's start: such a text is read as ISO 8601 or not at all (read_published).
_ISO_START = re.compile(r"\d{4}-\d\d")


def _read_date(text: str) -> tuple[DateValue | None, bool]:
    """read_date's date, and whether it is all of the text (False when it is the
    longest of the dates mentioned in it); fullwidth forms read as ASCII."""
    text = fold_fullwidth(text.strip())
    if not text:
        return None, True
    m = _ISO_RANGE.match(text)
    if m:
        first, last = _iso_part(m[1]), _iso_part(m[2])
        if first is None or last is None or first.start is None or last.start is None:
            return None, True
        end = last.end if last.end is not None else last.start + 86400
        if end <= first.start:
            return None, True
        return DateValue(f"{first.value}/{last.value}", "interval", first.start, end), True
    iso = _iso_part(text)
    if iso is not None:
        return iso, True
    mail = mail_date_as_iso(text)  # "Sun, 01 Mar 2015 10:00:00 +0300", pasted from a feed
    if mail is not None:
        return dating.parse_date_line(mail), True
    text = as_arabic_months(text)
    line = dating.parse_date_line(text)
    if line is not None and line.start is not None:
        return line, True
    placed = [m for m in dating.extract_mentions(text, None) if m.date.start is not None]
    if not placed:
        return None, True
    longest = max(placed, key=lambda m: m.end - m.start)
    return longest.date, longest.end - longest.start == len(text)


# A date of each shape a user types (ISO, a range, Arabic and English month names,
# Hijri, a phrase read as a mention): read once by warm_up, so that each path's
# imports, word lists and tables are made before the first edit.
_WARM_DATES = (
    "1990-01-01",
    "1950/1953",
    "1 يناير 1990",
    "22nd May 2021",
    "10 شوال 1442 هـ",
    "بين عامي 1950 و1953",
)


def warm_up(store: Store) -> None:
    """Load and compile now what a first edit would (a window calls it on its writer
    while idle): the date rules of every path a typed date takes, with every pattern
    of the rules compiled (whatever the user's pattern cache holds), the mentions' own
    (a publication date's edit finds them again), the name the edits are stamped with,
    and what the store's first write loads.  Writes nothing."""
    from timeline.article_dates import mention_events  # a publication date's edit finds them
    from timeline.dating.lazy import compile_all

    for text in _WARM_DATES:
        read_date(text)
    compile_all()
    mention_events(0, "، ".join(("اليوم", "أمس", *_WARM_DATES)), read_date("2021-05-22"))
    _stamp()
    store.load_writer()


def _must_read(text: str) -> DateValue:
    date = read_date(text)
    if date is None:
        if _reversed(text):
            raise _refused("range_reversed", text=repr(text))
        raise _refused("not_a_date", text=repr(text))
    return date


def _reversed(text: str) -> bool:
    """Whether a text is an ISO 8601 range whose end is not after its start (1953/1950)."""
    m = _ISO_RANGE.match(text.strip())
    if not m:
        return False
    first, last = _iso_part(m[1]), _iso_part(m[2])
    if first is None or last is None or first.start is None or last.start is None:
        return False
    return (last.end if last.end is not None else last.start + 86400) <= first.start


def _date_row(date: DateValue) -> dict[str, object]:
    return {
        "value": date.value,
        "granularity": date.granularity,
        "start": date.start,
        "end": date.end,
    }


# -- writing ----------------------------------------------------------------------


def _edit(store: Store, rows: Sequence[tuple[str, tuple, dict | None]]) -> list[Change]:
    """Write rows (table, key, row or None) and return the Changes, in one transaction."""
    changes = []
    with store.transaction():
        for table, key, after in rows:
            before = user.get_row(store, table, key)
            if _same_said(before, after):
                # Said again as it was: nothing changes (not even who said it, and when),
                # and no step is made for undo.
                continue
            user.put_row(store, table, key, after)
            changes.append(Change(table, key, before, after))
        _follow_dates(store, changes)
    return changes


def _follow_dates(store: Store, changes: Sequence[Change]) -> None:
    """The mentions of each article whose publication date these changes gave, changed
    or took back, found again from the date now shown, in the edit's transaction: what
    the text says relative to its publication (اليوم, أمس, 15 مارس) follows the date the
    user said.  The events table is the program's (DESIGN.md rule 5): it is computed
    again, from the user's date, and the user's own rows are not touched."""
    ids = user.anchor_changes(store, changes)
    if ids:
        # Here, not at the top: the window loads this module at start and the importers
        # (timeline.ingest, for a publication field's forms) only when it first needs them.
        from timeline.article_dates import date_mentions_again

        date_mentions_again(store, ids)


def _same_said(before: dict | None, after: dict | None) -> bool:
    """Whether two rows say the same, whoever said it and whenever (a column a row
    leaves out is NULL)."""
    if before is None or after is None:
        return before is after
    said = (before.keys() | after.keys()) - {"who", "at"}
    return all(before.get(k) == after.get(k) for k in said)


def undo(store: Store, changes: Sequence[Change]) -> None:
    with store.transaction():
        user.apply_changes(store, changes, undo=True)
        _follow_dates(store, changes)


def redo(store: Store, changes: Sequence[Change]) -> None:
    with store.transaction():
        user.apply_changes(store, changes)
        _follow_dates(store, changes)


def _uid(store: Store, article_id: int) -> str:
    uid = user.article_uid(store, article_id)
    if uid is None:
        raise _refused("no_article", article=article_id)
    return uid


@dataclass(frozen=True)
class MentionRef:
    """A mention as edits name it: its article and its span in the body."""

    article_id: int
    uid: str
    span_start: int
    span_end: int
    text: str


def mention_of_event(store: Store, event_id: int) -> MentionRef:
    """The mention behind a computed event id (ids change on recompute: resolve at once)."""
    found = user.event_by_id(store, event_id)
    if found is None:
        raise _refused("no_event", event=event_id)
    event, uid, text = found
    if event.span_start is None or event.span_end is None:
        raise _refused("not_a_mention", event=event_id)
    return MentionRef(event.article_id, uid, event.span_start, event.span_end, text)


def mention_at(store: Store, article_id: int, span_start: int, span_end: int) -> MentionRef:
    article = store.article(article_id)
    if article is None:
        raise _refused("no_article", article=article_id)
    if not 0 <= span_start < span_end <= len(article.body):
        raise _refused("no_span", start=span_start, end=span_end, article=article_id)
    text = article.body[span_start:span_end]
    return MentionRef(article_id, article.uid, span_start, span_end, text)


def correct_mention(store: Store, mention: MentionRef, typed: str | None) -> list[Change]:
    """Give a mention the date typed (None: it is not a date)."""
    row: dict[str, object] = {
        "article_uid": mention.uid,
        "span_start": mention.span_start,
        "span_end": mention.span_end,
        "span_text": mention.text,
        "typed": typed or "",
        "not_a_date": 1 if typed is None else 0,
    }
    if typed is None:
        row.update({"value": None, "granularity": None, "start": None, "end": None})
    else:
        row.update(_date_row(_must_read(typed)))
    row.update(_stamp())
    key = (mention.uid, mention.span_start, mention.span_end)
    return _edit(store, [("user_mentions", key, row)])


def clear_mention_correction(store: Store, mention: MentionRef) -> list[Change]:
    """The computed value of the mention shows again."""
    key = (mention.uid, mention.span_start, mention.span_end)
    return _edit(store, [("user_mentions", key, None)])


def correct_article(
    store: Store, article_id: int, field_name: str, typed: str | None
) -> list[Change]:
    """Correct an article's title, source or publication date (None: back to computed).

    The value is kept without the spaces around it; a title of nothing but spaces is
    None, as the window's dialog takes it (the article was left without a title), while
    a source of nothing is one: "no source"."""
    if field_name not in user.ARTICLE_FIELDS:
        raise _refused("no_field", field=repr(field_name))
    if typed is not None:
        typed = typed.strip()
        if field_name == "title" and not typed:
            typed = None
    uid = _uid(store, article_id)
    row: dict[str, object] | None = None
    if typed is not None:
        row = {"article_uid": uid, "field": field_name, "value": typed}
        if field_name == "published":
            date = read_published(typed)
            row.update(
                {
                    "date_value": date.value,
                    "granularity": date.granularity,
                    "start": date.start,
                    "end": date.end,
                }
            )
        row.update(_stamp())
    return _edit(store, [("user_article_fields", (uid, field_name), row)])


def add_event(
    store: Store, typed: str, label: str, article_id: int | None = None
) -> tuple[int, list[Change]]:
    """Add an event by hand, to an article or on its own; returns its id and the Changes."""
    date = _must_read(typed)
    uid = _uid(store, article_id) if article_id is not None else None
    same = user.added_event_like(store, uid, date, label)
    if same is not None:
        return same, []  # added already (the same command run twice): not added again
    event_id = user.next_user_event_id(store)
    row: dict[str, object] = {"id": event_id, "article_uid": uid, "typed": typed, "label": label}
    row.update(_date_row(date))
    row.update(_stamp())
    return event_id, _edit(store, [("user_events", (event_id,), row)])


def remove_added_event(store: Store, event_id: int) -> list[Change]:
    """Remove an added event, with its tags and its hidden mark."""
    if user.user_event(store, event_id) is None:
        raise _refused("no_added_event", event=event_id)
    target = user.event_target(event_id)
    rows: list[tuple[str, tuple, dict | None]] = [("user_events", (event_id,), None)]
    rows.append(("user_hidden", (target,), None))
    rows += [("user_tagged", (tag, target), None) for tag in _tags_of(store, target)]
    return _edit(store, rows)


def _tags_of(store: Store, target: str) -> list[str]:
    return [name for name, _c, _n in user.tags(store) if target in user.targets_tagged(store, name)]


def article_target(store: Store, article_id: int) -> str:
    return user.article_target(_uid(store, article_id))


def event_target(store: Store, event_id: int) -> str:
    """The target of a computed event: its mention, or its article for a publication."""
    found = user.event_by_id(store, event_id)
    if found is None:
        raise _refused("no_event", event=event_id)
    event, uid, _text = found
    if event.span_start is None or event.span_end is None:
        return user.article_target(uid)
    return user.mention_target(uid, event.span_start, event.span_end)


def added_target(store: Store, event_id: int) -> str:
    if user.user_event(store, event_id) is None:
        raise _refused("no_added_event", event=event_id)
    return user.event_target(event_id)


def set_hidden(store: Store, target: str, hidden: bool = True) -> list[Change]:
    """Hide an article or an event from the timeline, list and export (False: show it again)."""
    row = {"target": target, **_stamp()} if hidden else None
    if hidden and user.is_hidden(store, target):
        return []
    return _edit(store, [("user_hidden", (target,), row)])


def _held_tag(known: dict[str, str], tag: str) -> str:
    """The name a tag is held under: tag, or a name held from before tag_name cleaned
    names (one with a control character in it) that is tag once cleaned, as shown."""
    if tag in known:
        return tag
    return next((name for name in known if tag_name(name) == tag), tag)


def set_tag(
    store: Store, target: str, tag: str, on: bool = True, colour: str | None = None
) -> list[Change]:
    """Tag a target (on=False: untag it); a new tag gets the next colour of TAG_COLOURS."""
    tag = tag_name(tag)
    if not tag:
        raise _refused("tag_unnamed")
    known = {name: c for name, c, _n in user.tags(store)}
    tag = _held_tag(known, tag)
    if on and len(tag) > MAX_TAG_CHARS:
        # A name that long is text pasted into the wrong box; shown in menus, legends
        # and exports' cells, it would be cut there anyway.
        raise _refused("tag_too_long", most=MAX_TAG_CHARS, given=len(tag))
    if on and any(mark in tag for mark in TAG_SEPARATORS):
        # The exports join an article's tags with "; ", and an import splits them there.
        raise _refused("tag_separator", tag=repr(tag))
    rows: list[tuple[str, tuple, dict | None]] = []
    if colour is not None and not _COLOUR.fullmatch(colour):
        raise _refused("not_a_colour", colour=repr(colour))
    if on and (tag not in known or colour is not None):
        colour = colour or TAG_COLOURS[len(known) % len(TAG_COLOURS)]
        rows.append(("user_tags", (tag,), {"name": tag, "colour": colour, **_stamp()}))
    existing = user.get_row(store, "user_tagged", (tag, target))
    if on and existing is None:
        rows.append(("user_tagged", (tag, target), {"tag": tag, "target": target, **_stamp()}))
    elif not on:
        rows.append(("user_tagged", (tag, target), None))
    return _edit(store, rows)


def set_tag_colour(store: Store, tag: str, colour: str) -> list[Change]:
    if not _COLOUR.fullmatch(colour):
        raise _refused("not_a_colour", colour=repr(colour))
    tag = _held_tag({name: c for name, c, _n in user.tags(store)}, tag_name(tag))
    if user.get_row(store, "user_tags", (tag,)) is None:
        raise _refused("no_tag", tag=repr(tag))
    return _edit(store, [("user_tags", (tag,), {"name": tag, "colour": colour, **_stamp()})])


def set_note(store: Store, article_id: int, note: str) -> list[Change]:
    """An article's note (empty: none)."""
    uid = _uid(store, article_id)
    row = {"article_uid": uid, "note": note, **_stamp()} if note.strip() else None
    return _edit(store, [("user_notes", (uid,), row)])


# Marks out of place (the body's text moved) looked for in one article's body at most.
MOVED_MARKS_SOUGHT = 50


class CarriedValues:
    """What the user said that an import's records carry (the program's exports write
    it: ArticleDraft.tags, .note, .added, .marks, .hidden, .published_typed,
    .fields_typed), said again of their articles,
    as the user's own, in the import's transaction (a failed file's goes with it).

    For an article the library holds already, what it says wins: tags and hidden marks
    are added to its own, a note is given only if it has none (one it has is kept, and
    counted in notes_kept when the file's differs), a mention's correction only where it
    has none.  A new tag gets the colour the file gives it, else the next colour, as one
    typed in the window does (the library's tags are read once, when the first record
    with tags comes); a tag the library has keeps its colour.  A date as
    typed is read again as the window reads it; an added event or a correction whose
    date no longer reads, or a mark whose text is no longer in the body, is left out and
    counted (left_out).  An added event the library holds already (its article, date and
    label: the same file imported twice) is not added again."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._known: set[str] | None = None
        self._stamp: dict[str, str] | None = None
        self._sought: dict[str, int] = {}  # marks out of place looked for, by article
        self._colours: dict[str, str] = {}  # a new tag's colour, as the file gives it
        self.left_out = 0
        # The publication dates said again of articles not yet stored, by uid: their
        # mentions count from them when written (library._add_draft), as after the edit.
        self.published: dict[str, DateValue] = {}

    def give(self, uid: str, draft: ArticleDraft) -> bool:
        """Say again of the article held by uid (draft: as stored) what its record
        carries; False when its note was kept instead of the record's."""
        self._colours.update(draft.tag_colours)
        if not (
            draft.tags
            or draft.note
            or draft.added
            or draft.marks
            or draft.hidden
            or draft.published_typed
            or draft.published_unread
            or draft.fields_typed
        ):
            return True
        self._stamp = self._stamp or _stamp()
        if draft.published_unread:
            self.left_out += 1  # as a typed date that does not read (_publish)
        if draft.published_typed:
            self._publish(uid, draft.published_typed)
        for field_name, value in draft.fields_typed:
            self._correct(uid, field_name, value)
        target = user.article_target(uid)
        self._tag(target, draft.tags)
        if draft.hidden:
            self._hide(target)
        for event in draft.added:
            self._add(None if event.standalone else uid, event)
        for mark in draft.marks:
            self._mark(uid, draft.body, mark)
        return self._note(uid, draft.note)

    def _insert(self, table: str, row: dict[str, object]) -> None:
        user.add_row(self.store, table, {**row, **(self._stamp or _stamp())})

    def _publish(self, uid: str, typed: str) -> None:
        """The publication date the user gave, given again where the article has none
        (the record's own is stored as the article's: the user's stays the user's, as
        before the export; its mentions count from it)."""
        key = (uid, "published")
        if user.get_row(self.store, "user_article_fields", key) is not None:
            return
        try:
            date = read_published(typed)
        except EditError:
            self.left_out += 1
            return
        row: dict[str, object] = {
            "article_uid": uid,
            "field": "published",
            "value": typed,
            "date_value": date.value,
            "granularity": date.granularity,
            "start": date.start,
            "end": date.end,
        }
        self._insert("user_article_fields", row)
        self.published[uid] = date
        # An article the library holds: its mentions found again from the date now.
        _follow_dates(self.store, [Change("user_article_fields", key, None, row)])

    def _correct(self, uid: str, field_name: str, value: str) -> None:
        """A title or source the user corrected, given again where the article has none
        (the record's own is stored as the article's: the user's stays the user's)."""
        key = (uid, field_name)
        if field_name not in user.ARTICLE_FIELDS or field_name == "published":
            return
        if user.get_row(self.store, "user_article_fields", key) is not None:
            return
        self._insert(
            "user_article_fields", {"article_uid": uid, "field": field_name, "value": value}
        )

    def _note(self, uid: str, note: str) -> bool:
        if not note.strip():
            return True
        held = user.note_of(self.store, uid)
        if held is None:
            self._insert("user_notes", {"article_uid": uid, "note": note})
            return True
        return held == note

    def _hide(self, target: str) -> None:
        self._insert("user_hidden", {"target": target})

    def _tag(self, target: str, tags: Sequence[str]) -> None:
        if not tags:
            return
        if self._known is None:
            self._known = {name for name, _colour, _count in user.tags(self.store)}
        for tag in tags:
            if tag not in self._known:
                colour = self._colours.get(tag) or TAG_COLOURS[len(self._known) % len(TAG_COLOURS)]
                self._insert("user_tags", {"name": tag, "colour": colour})
                self._known.add(tag)
            self._insert("user_tagged", {"tag": tag, "target": target})

    def _add(self, uid: str | None, event: AddedEvent) -> None:
        """An event the user added, added again (see the class)."""
        date = read_date(event.typed)
        if date is None or date.start is None:
            self.left_out += 1
            return
        held = user.added_event_like(self.store, uid, date, event.label)
        if held is None:
            event_id = user.next_user_event_id(self.store)
            row: dict[str, object] = {
                "id": event_id,
                "article_uid": uid,
                "typed": event.typed,
                "label": event.label,
            }
            self._insert("user_events", {**row, **_date_row(date)})
        else:
            event_id = held
        target = user.event_target(event_id)
        self._tag(target, event.tags)
        if event.hidden:
            self._hide(target)

    def _mark(self, uid: str, body: str, mark: MentionMarks) -> None:
        """A mention's correction, hidden mark and tags, at its place in the body (or
        where its text is, once, if the body moved it; see the class)."""
        start, end = mark.start, mark.end
        if body[start:end] != mark.text:
            # Looked for in the body, a few times an article: a file of marks all out
            # of place must not cost a pass over a long body each (MOVED_MARKS_SOUGHT).
            self._sought[uid] = sought = self._sought.get(uid, 0) + 1
            found = body.find(mark.text) if mark.text and sought <= MOVED_MARKS_SOUGHT else -1
            if found < 0 or body.find(mark.text, found + 1) >= 0:
                self.left_out += 1
                return
            start, end = found, found + len(mark.text)
        row: dict[str, object] = {
            "article_uid": uid,
            "span_start": start,
            "span_end": end,
            "span_text": mark.text,
        }
        if mark.not_a_date:
            row.update({"typed": "", "not_a_date": 1})
        elif mark.typed:
            date = read_date(mark.typed)
            if date is None or date.start is None:
                self.left_out += 1
                return
            row.update({"typed": mark.typed, "not_a_date": 0, **_date_row(date)})
        if mark.not_a_date or mark.typed:
            self._insert("user_mentions", row)
        target = user.mention_target(uid, start, end)
        self._tag(target, mark.tags)
        if mark.hidden:
            self._hide(target)


class RenamedArticles:
    """The library's articles whose title or source the user corrected (or whose body an
    export wrote otherwise), as an import knows them, so that an export of them imported
    again is not added beside them: by the key an export of ours wrote beside its texts
    (ArticleDraft.uid), when the draft's body is that article's, or that body as a
    format that cannot hold every character wrote it (the title and source it wrote may
    be a correction since changed or cleared); else by the texts shown now
    (ingest.dedup.ShownKeys).  A key beside another body is never taken: the record is
    what its texts make it (a new article), and what it carries goes to that.  The
    articles shown by other texts are read when first asked for, so an import whose
    records its library holds by their own keys never reads them; kept for one import,
    which corrects no title or source."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._keys: ShownKeys | None = None

    def uid_of(self, draft: ArticleDraft, own_uid: str) -> str | None:
        """The key of the article the draft is, written by an export or as the user sees
        it, or None (own_uid: the draft's own key, which the library does not hold)."""
        if draft.uid and draft.uid != own_uid:
            from timeline.ingest.dedup import is_body_of  # an import's: loaded with it

            stored = user.key_texts(self.store, draft.uid)
            if stored is not None and (
                is_body_of(draft.uid, *stored, draft) or self._written(draft)
            ):
                return draft.uid
        if self._keys is None:
            from timeline.ingest.dedup import ShownKeys

            self._keys = ShownKeys(user.renamed_articles(self.store))
        return self._keys.uid_of(draft)

    def _written(self, draft: ArticleDraft) -> bool:
        """Whether the draft's body is the body of the article its key names as an
        export that cannot hold every character wrote it (a workbook, a .timeline file:
        ingest.dedup.is_written_body); that body is read only when the draft's holds
        what such an export puts in a character's place."""
        from timeline.ingest.dedup import is_written_body, may_be_written

        if not may_be_written(draft.body):
            return False
        body = user.key_body(self.store, draft.uid)
        return body is not None and is_written_body(draft, body)


def search_notes(store: Store, query: str) -> list[tuple[int, str]]:
    """(article id, note) of the notes holding every word of query, Arabic variants and
    fullwidth forms (ＯＰＥＣ) folded on both sides."""
    from timeline.text.normalize import search_normalize

    words = search_normalize(fold_fullwidth(query)).casefold().split()
    return [
        (article_id, note)
        for article_id, note in user.notes(store)
        if all(w in search_normalize(fold_fullwidth(note)).casefold() for w in words)
    ]


# -- what is shown: the user's value wins, the computed one is kept beside it -------


@dataclass(frozen=True)
class ShownEvent:
    """An event as shown: origin is 'computed', 'corrected', 'not a date' or 'added'."""

    origin: str
    date: DateValue | None  # what is shown (None: not a date)
    label: str
    computed: Event | None = None  # the program's event, when there is one
    added_id: int | None = None
    stamp: Stamp | None = None
    hidden: bool = False
    tags: tuple[str, ...] = ()
    typed: str = ""


@dataclass
class ShownArticle:
    """An article's values as shown, with where each came from."""

    article_id: int
    title: str
    source: str
    published: str | None  # the ISO value shown
    origins: dict[str, str] = field(default_factory=dict)  # field -> computed | corrected
    computed: dict[str, str | None] = field(default_factory=dict)  # corrected fields' computed
    hidden: bool = False
    note: str = ""
    tags: tuple[str, ...] = ()
    # A list, or a ShownEvents from shown_article(..., lazily=True)
    events: Sequence[ShownEvent] = field(default_factory=list)
    lost: list[user.MentionCorrection] = field(default_factory=list)  # flagged corrections


class ShownEvents(Sequence[ShownEvent]):
    """An article's shown events, each made when it is asked for: those the user put
    before the program's events, the program's events with the user's values, and the
    user's after them.

    Made all at once, a 12 MB article's 32,000 events were three objects each, enough to
    set off Python's full garbage collections (each holding the GIL, and so the window,
    for a few hundred milliseconds); the detail pane shows a few dozen rows at a time.
    """

    def __init__(
        self,
        before: list[ShownEvent],
        events: Sequence[Event],
        values: user.ArticleUserValues,
        title: str,
        after: list[ShownEvent],
    ) -> None:
        self._before, self._events, self._after = before, events, after
        self._values, self._title = values, title

    def __len__(self) -> int:
        return len(self._before) + len(self._events) + len(self._after)

    def __iter__(self) -> Iterator[ShownEvent]:
        """Each in order, the program's made as they are gone through (from the store's
        StoredEvents: read a page at a time)."""
        yield from self._before
        for event in self._events:
            yield _shown_event(self._values, event, self._title)
        yield from self._after

    @overload
    def __getitem__(self, index: int) -> ShownEvent: ...

    @overload
    def __getitem__(self, index: slice) -> list[ShownEvent]: ...

    def __getitem__(self, index: int | slice) -> ShownEvent | list[ShownEvent]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if index < len(self._before):
            return self._before[index]
        index -= len(self._before)
        if index < len(self._events):
            return _shown_event(self._values, self._events[index], self._title)
        return self._after[index - len(self._events)]


def _shown_event(values: user.ArticleUserValues, event: Event, title: str) -> ShownEvent:
    """One of the program's events with the user's values applied."""
    if event.kind == "published":
        date = values.published or DateValue(event.value, event.granularity, event.start, event.end)
        origin = "corrected" if values.published else "computed"
        return ShownEvent(origin, date, title, event, hidden=values.hidden)
    fix = values.correction_at(event.span_start, event.span_end)
    placed_span = (event.span_start or 0, event.span_end or 0)
    tags = tuple(values.mention_tags.get(placed_span, []))
    hidden = values.hidden or placed_span in values.hidden_mentions
    if fix is None:
        computed_date = DateValue(event.value, event.granularity, event.start, event.end)
        return ShownEvent("computed", computed_date, event.label, event, hidden=hidden, tags=tags)
    origin = "not a date" if fix.date is None else "corrected"
    return ShownEvent(
        origin, fix.date, event.label, event, None, fix.stamp, hidden, tags, fix.typed
    )


def shown_article(
    store: Store,
    article_id: int,
    events: Sequence[Event] | None = None,
    *,
    lazily: bool = False,
    article: Article | None = None,
) -> ShownArticle | None:
    """The article and its events with the user's values applied (hidden ones marked).

    `events`: the article's events (store.events_of) when the caller has read them
    already.  `lazily`: the shown events are a ShownEvents, each made when asked for,
    rather than a list.  `article`: the article when the caller has read it already
    (a long body is read once, not once per use).
    """
    if article is None or article.id != article_id:
        article = store.article(article_id)
    if article is None:
        return None
    values = user.user_values(store, [article_id], {article_id: article.body}).get(article_id)
    values = values or user.ArticleUserValues(article_id, article.uid)
    shown = ShownArticle(
        article_id,
        values.fields.get("title", article.title),
        values.fields.get("source", article.source),
        values.published.value if values.published else article.published,
        hidden=values.hidden,
        note=values.note,
        tags=tuple(values.tags),
    )
    computed = {"title": article.title, "source": article.source, "published": article.published}
    for name in user.ARTICLE_FIELDS:
        corrected = name in values.fields or (name == "published" and values.published)
        shown.origins[name] = "corrected" if corrected else "computed"
        if corrected:
            shown.computed[name] = computed[name]
    if events is None:
        events = store.events_of(article_id)
    before: list[ShownEvent] = []
    if values.published and not any(e.kind == "published" for e in events):
        before.append(ShownEvent("corrected", values.published, shown.title, hidden=values.hidden))
    after: list[ShownEvent] = []
    covered = {(e.span_start, e.span_end) for e in events} if values.mentions else set()
    for fix in values.mentions:
        if fix.status == "lost":
            shown.lost.append(fix)
        elif (fix.span_start, fix.span_end) not in covered:
            # The program no longer finds a date there: the user's word still stands.
            origin = "not a date" if fix.date is None else "corrected"
            after.append(
                ShownEvent(
                    origin,
                    fix.date,
                    fix.span_text,
                    None,
                    None,
                    fix.stamp,
                    values.hidden,
                    (),
                    fix.typed,
                )
            )
    for added in values.added:
        target = user.event_target(added.id)
        after.append(
            ShownEvent(
                "added",
                added.date,
                added.label,
                None,
                added.id,
                added.stamp,
                values.hidden or user.is_hidden(store, target),
                tuple(_tags_of(store, target)),
                added.typed,
            )
        )
    shown_events = ShownEvents(before, events, values, shown.title, after)
    shown.events = shown_events if lazily else list(shown_events)
    return shown
