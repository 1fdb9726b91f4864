"""The dates an article gives: its publication date, read from the text it came with,
and the dated events its body mentions, each labelled with its sentence.

What importing, re-computing and correcting an article all need (library's import and
recompute, edits' correction of a publication date, which finds the mentions that
count from it again): kept below both, so that neither imports the other for it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from datetime import datetime

from timeline import dating
from timeline.ingest.published import iso_problem, parse_published, too_long_to_read
from timeline.model import FIRST_YEAR, LAST_YEAR, ArticleDraft, DateValue, Event, from_axis
from timeline.store import Store
from timeline.store import edits as user_edits

_SENTENCE_BREAKS = ".!?؟\n"
_SENTENCE_BREAK = re.compile(f"[{re.escape(_SENTENCE_BREAKS)}]")
# A publication value ending in its UTC offset ('...T01:30:00+03:00', '...Z'): the source
# states when it published, where a bare stamp may be a crawl's (Context.today).
_STATED_OFFSET = re.compile(r"(?:[+-]\d\d:?\d\d|Z)$")
_LABEL_CHARS = 220
_LABEL_STEP = 32  # see sentence_around
# Relative mentions ("اليوم الجمعة") need an anchor at least as fine as a day.
_ANCHOR_GRANULARITIES = {"second", "minute", "hour", "day"}
# Events with no place on the axis: a length of time, a recurrence, anything else.
_UNPLACED_KINDS = {"duration": "duration", "set": "set"}


def publication_date(draft: ArticleDraft) -> DateValue | None:
    """The publication date parsed from the text the article gave for it (ISO included)."""
    return parse_published(draft.published_raw)


def undated_reason(raw: str) -> str:
    """Why a publication field gave no date, in words for the import report."""
    if not raw:
        return "no publication date given"
    return too_long_to_read(raw) or iso_problem(raw) or "not a date this program can read"


def anchor_of(published: DateValue | None) -> datetime | None:
    """The publication time relative mentions are resolved against, if precise enough
    and within the years placed on the timeline.

    The import leaves a publication outside them undated, but a date the user gives may
    be any ISO day (0001-01-01, 9999-12-31): counted from, it ran off the calendar (أمس
    of 0001-01-01, يوليو المقبل of 9999: "year 10000 is out of range"), and the edit, or
    the import of a whole file of ours carrying it, failed.  As `timeline extract` takes
    such a time: as none, the relative mentions left unresolved."""
    if published is None or published.start is None:
        return None
    if published.granularity not in _ANCHOR_GRANULARITIES:
        return None
    anchor = from_axis(published.start)
    return anchor if FIRST_YEAR <= anchor.year <= LAST_YEAR else None


def sentence_breaks(text: str) -> list[int]:
    """Where every sentence-ending character of text is, in order (for sentence_around)."""
    return [hit.start() for hit in _SENTENCE_BREAK.finditer(text)]


def _one_line(chunk: str) -> str:
    """ " ".join(chunk.split()): the label's whitespace runs made one space, none at its
    ends.  A chunk already so (printable: no whitespace but the plain space) is itself,
    without the split's list of words and the join (a label per mention in running text)."""
    if chunk.isprintable() and "  " not in chunk and chunk[:1] != " " and chunk[-1:] != " ":
        return chunk
    return " ".join(chunk.split())


def sentence_around(
    text: str,
    start: int,
    end: int,
    breaks: Sequence[int] | None = None,
    made: dict[tuple[int, int], str] | None = None,
) -> str:
    """The sentence holding text[start:end], cut to a readable length around it.

    Only the label's reach either side is scanned (never the body from its start),
    so labelling every mention of an article costs time linear in its length.
    breaks, if given, is sentence_breaks(text), found once for all of a text's mentions:
    two bisections then replace the look either side.  made, if given with breaks,
    keeps the labels made so far by their bounds: the mentions of one sentence share
    its label, which is then cut and joined once.
    """
    # The reach is set from the mention's cell of _LABEL_STEP characters, not from the
    # mention itself: the mentions of one cell of a long sentence (a chronology, a
    # table of dates) share one window, so one label is made for them all.
    lo, hi = _reach(start, end, len(text))
    left, right = lo, hi
    if breaks is not None:
        before = bisect_left(breaks, start) - 1  # the last break before the mention
        if before >= 0 and breaks[before] >= lo:
            left = breaks[before] + 1
        after = bisect_left(breaks, end)  # the first break at or after its end
        if after < len(breaks) and breaks[after] < hi:
            right = breaks[after] + 1
        if made is None:
            return _cut(text, left, right, lo, hi)
        label = made.get((left, right))
        if label is None:
            label = made[left, right] = _cut(text, left, right, lo, hi)
        return label
    # A str.rfind and a str.find per break character (C speed): a regex iterator per
    # mention cost more than the rest of its label.
    for mark in _SENTENCE_BREAKS:
        at = text.rfind(mark, left, start)
        if at != -1:
            left = at + 1
        at = text.find(mark, end, right)
        if at != -1:
            right = at + 1
    return _cut(text, left, right, lo, hi)


def _reach(start: int, end: int, length: int) -> tuple[int, int]:
    """The bounds a label of text[start:end] may not pass (in a text of length).

    They are set from the mention's cell of _LABEL_STEP characters, not from the
    mention itself: the mentions of one cell of a long sentence (a chronology, a table
    of dates) share one window, so one label is made for them all.  Each keeps at
    least _LABEL_CHARS // 2 characters of reach before it and 2 * _LABEL_STEP after it
    (a longer mention has its own reach after it): a label is at most _LABEL_STEP
    longer than a reach of _LABEL_CHARS // 2 either side of its mention.
    """
    cell = start - start % _LABEL_STEP
    lo = cell - _LABEL_CHARS // 2
    hi = cell + _LABEL_STEP + _LABEL_CHARS // 2
    if hi < end + 2 * _LABEL_STEP:
        hi = end + _LABEL_CHARS // 2
    return (lo if lo > 0 else 0), (hi if hi < length else length)


def _cut(text: str, left: int, right: int, lo: int, hi: int) -> str:
    """text[left:right] on one line; an end cut inside the sentence (at the label's reach,
    lo or hi, not at a sentence break or the text's edge) moves to a word boundary within
    _LABEL_STEP of it and shows an ellipsis, so a label never opens or closes on half a
    word ("ة، فيما ..." for "ة، فيما" cut out of "الماضية، فيما").  The label depends on
    left and right alone (the callers keep labels by their bounds): a reach that ends just
    after a sentence break cut nothing, and the boundary is looked for beside the cut only
    (it stays clear of the mention, which _reach keeps a step further in)."""
    head = tail = ""
    if left == lo and lo > 0 and text[lo - 1] not in _SENTENCE_BREAKS:
        space = lo - 1 if text[lo - 1].isspace() else _first_space(text, lo, lo + _LABEL_STEP)
        if space != -1:
            left, head = space + 1, "… "
    if right == hi and hi < len(text) and text[hi - 1] not in _SENTENCE_BREAKS:
        space = hi if text[hi].isspace() else _last_space(text, hi - _LABEL_STEP, hi)
        if space != -1:
            right, tail = space, " …"
    return f"{head}{_one_line(text[left:right])}{tail}"


def _first_space(text: str, lo: int, hi: int) -> int:
    """Where the first space or line break in text[lo:hi] is, or -1."""
    found = [at for at in (text.find(" ", lo, hi), text.find("\n", lo, hi)) if at != -1]
    return min(found) if found else -1


def _last_space(text: str, lo: int, hi: int) -> int:
    """Where the last space or line break in text[lo:hi] is, or -1."""
    return max(text.rfind(" ", lo, hi), text.rfind("\n", lo, hi))


# A frozen dataclass's __init__ sets each of Event's 11 fields through
# object.__setattr__ (4 us an event, a tenth of extracting a text dense with dates).
# Event has no __post_init__, no __slots__ and no default factory, so an instance with
# its __dict__ filled in field order is the one __init__ makes (a test checks both).
_NEW_EVENT = object.__new__


def mention_events(
    article_id: int, body: str, published: DateValue | None, given: DateValue | None = None
) -> list[Event]:
    """The events an article's body mentions, each labelled with its sentence.

    Relative mentions (اليوم, أمس, الخميس الماضي, 15 مارس without a year) count from
    the publication date shown: given, the date the user gave (edits.correct_article),
    when there is one, else published, the computed one.  A date given by hand is the
    writer's own, never a crawl's stamp (Context.declared); the text's own "today"
    (اليوم الخميس) still counts from it as from any publication time."""
    events = []
    breaks = sentence_breaks(body)
    count = len(breaks)
    labels: dict[tuple[int, int], str] = {}
    if given is not None:
        published, declared = given, True
    else:
        declared = published is not None and _STATED_OFFSET.search(published.value) is not None
    new = _NEW_EVENT
    length = len(body)
    step, half = _LABEL_STEP, _LABEL_CHARS // 2
    for start, end, date, confidence in dating.mention_rows(
        body, anchor_of(published), declared=declared
    ):
        # sentence_around(body, start, end, breaks, labels) written out (a test compares
        # them): three calls a mention were a tenth of a text dense with dates.
        cell = start - start % step
        lo, hi = cell - half, cell + step + half  # _reach
        if hi < end + 2 * step:
            hi = end + half
        if lo < 0:
            lo = 0
        if hi > length:
            hi = length
        left, right = lo, hi
        at = bisect_left(breaks, start) - 1
        if at >= 0 and breaks[at] >= lo:
            left = breaks[at] + 1
        at = bisect_left(breaks, end, at + 1 if at >= 0 else 0)
        if at < count and breaks[at] < hi:
            right = breaks[at] + 1
        label = labels.get((left, right))
        if label is None:
            label = labels[left, right] = _cut(body, left, right, lo, hi)
        if date.start is not None:
            kind = "mentioned"
        else:
            kind = _UNPLACED_KINDS.get(date.granularity, "vague")
        event = new(Event)
        fields = event.__dict__  # Event(...)'s fields, in its order
        fields["article_id"] = article_id
        fields["kind"] = kind
        fields["start"] = date.start
        fields["end"] = date.end
        fields["granularity"] = date.granularity
        fields["value"] = date.value
        fields["label"] = label
        fields["span_start"] = start
        fields["span_end"] = end
        fields["confidence"] = confidence
        fields["id"] = None
        events.append(event)
    return events


def date_mentions_again(store: Store, article_ids: Iterable[int]) -> None:
    """Find these articles' mentions again, counting from the publication date shown
    (the user's, when they gave one: mention_events), as recompute_events finds them.

    Called in the transaction of the edit that gave, changed or took back that date
    (edits.correct_article, its undo and redo), so the stored mentions never count
    from another date than the one shown.  One article's text: about 1 ms for a news
    article (median of 100 SaudiNewsNet articles), 1.6 s for a text of 10 MB (the
    window runs it on its writer thread, off the GUI thread)."""
    ids = sorted({int(a) for a in article_ids})
    if not ids:
        return
    given = user_edits.publications_given(store, ids)
    for article_id, body, published_raw, _title in store.dating_inputs(ids):
        published = parse_published(published_raw)
        events = mention_events(article_id, body, published, given.get(article_id))
        store.redate_mentions(article_id, events)  # ids kept: the window's rows name them
