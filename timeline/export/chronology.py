"""A chronology: the chosen events in date order as a page to read, print or paste.

What a journalist writes a backgrounder from and a fact-checker attaches to a report:
each dated event (a mention's sentence, or an article's publication) under its year,
with its date written as the window writes dates (the window's language, month names,
digits and Hijri line), and the article it comes from: its source, its title, a link to
it.  One self-contained HTML file (no script, no outside resource): a browser shows and
prints it, a word processor opens it.  Its direction is the language's; each entry's
text is laid out in its own direction (`dir="auto"`).

Every text comes from articles: escaped, its control characters shown as symbols
(`for_display`), an address linked only when it is http(s).  Events without a place on
the time axis (durations, vague times) are left out: a chronology has no place for
them.  Written as it is read: the events come from the store in date order as every
export gives them (the user's corrections, hidden and added events: shown_events),
never all held.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TextIO

from timeline.export.progress import ExportProgress, counted
from timeline.export.selection import EventRow, Selection, UserView, article_ids, shown_events
from timeline.model import from_axis
from timeline.store import Store
from timeline.text.display_safe import for_display
from timeline.timescale import LabelStyle, format_date

_WORDS = {
    "ar": {
        "title": "تسلسل زمني",
        "counted": "{events} من {articles}",
        "published": "نُشر",
        "hidden": "مخفي",
        "added": "أضافه المستخدم",
        "corrected": "تاريخ صحّحه المستخدم",
        "exported": "صُدّر في {date}",
        "none": "لا أحداث مؤرخة في ما اختير.",
    },
    "en": {
        "title": "Chronology",
        "counted": "{events} from {articles}",
        "published": "Published",
        "hidden": "Hidden",
        "added": "Added by the user",
        "corrected": "Date corrected by the user",
        "exported": "Exported {date}",
        "none": "No dated events in what was chosen.",
    },
}
_STYLE = """
body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif;
  max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.6; color: #222; }
h1 { margin-bottom: 0.2em; }
.about { color: #666; margin-top: 0; }
h2 { border-bottom: 1px solid #ccc; margin-top: 1.6em; }
ol { list-style: none; padding: 0; }
li { margin: 0 0 1em; break-inside: avoid; }
time { font-weight: bold; }
.kind { color: #1f6fd1; }
.from { color: #666; font-size: 0.92em; }
"""


def _text(value: str) -> str:
    return html.escape(for_display(" ".join(value.split())), quote=False)


def _placed(
    store: Store, selection: Selection, ids: list[int] | None
) -> Iterator[tuple[EventRow, bool, str]]:
    """The chosen events on the axis, in start order, as the user sees them: those every
    export gives (selection.shown_events), each with whether the user hid it (or its
    article: only with the hidden, which came as any other event) and its origin
    (computed, corrected or added: EVENT_EXTRA)."""
    view = UserView(store, selection)
    for event in shown_events(store, selection, ids, view, placed_only=True):
        yield EventRow(*event[: len(EventRow._fields)]), bool(event[-1]), str(event[-3])


def write_chronology(
    store: Store,
    selection: Selection,
    out: TextIO,
    title: str = "",
    style: LabelStyle | None = None,
    progress: ExportProgress | None = None,
) -> int:
    """Write the chronology of the selection as HTML; returns how many entries.

    style: how dates are written (language, months, digits, Hijri); Arabic by default.
    Two mentions of one date in one sentence of an article ("في العام 1960 أي قبل 55
    عاماً") are one entry: the page listed the sentence twice under the same date.
    """
    style = style or LabelStyle()
    words = _WORDS["en" if style.language == "en" else "ar"]
    direction = "ltr" if style.language == "en" else "rtl"
    ids = article_ids(store, selection)
    heading = _text(title) if title.strip() else words["title"]
    out.write(
        f'<!DOCTYPE html>\n<html lang="{style.language}" dir="{direction}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{heading}</h1>\n"
    )
    count = 0
    articles: set[int] = set()
    year = None
    events = counted(_once(_placed(store, selection, ids)), progress)
    # A batch at a time: the articles' addresses read for the batch's events together.
    while batch := list(itertools.islice(events, _BATCH)):
        links = _links(store, [e.article_id for e, _, _ in batch if e.article_id is not None])
        for event, hidden, origin in batch:
            assert event.start is not None
            shown_year = from_axis(event.start).year
            if shown_year != year:
                out.write("</ol>\n" if year is not None else "")
                year = shown_year
                out.write(f"<h2>{html.escape(style.num(str(year)))}</h2>\n<ol>\n")
            out.write(_entry(event, style, words, links.get(event.article_id, ""), hidden, origin))
            count += 1
            articles.add(event.article_id)
    if year is None:
        out.write(f"<p>{words['none']}</p>\n")
    else:
        out.write("</ol>\n")
    today = format_date(_now_axis(), None, "day", style)
    exported = words["exported"].format(date=today)
    if count:  # (none: the page says so above)
        about = words["counted"].format(
            events=_count_of(count, "event", style),
            articles=_count_of(len(articles), "article", style),
        )
        exported = f"{about} · {exported}"
    out.write(f'<p class="about">{exported}</p>\n')
    out.write("</body>\n</html>\n")
    return count


_BATCH = 1000

# A count's noun in each of Arabic's six plural forms (CLDR: zero, one, two, few: 3-10,
# many: 11-99, other: 100, 101, 102...; by the number's last two digits), as the
# window's translations have them, and English's two.  The page said "32 حدثًا من 7
# مقالة" (seven "article") and "1 events from 1 articles".
_NOUNS: dict[str, dict[str, tuple[str, ...]]] = {
    "ar": {
        "event": ("{n} حدث", "حدث واحد", "حدثان", "{n} أحداث", "{n} حدثًا", "{n} حدث"),
        "article": ("{n} مقالة", "مقالة واحدة", "مقالتان", "{n} مقالات", "{n} مقالة", "{n} مقالة"),
    },
    "en": {"event": ("{n} event", "{n} events"), "article": ("{n} article", "{n} articles")},
}


def _count_of(n: int, noun: str, style: LabelStyle) -> str:
    """n and its noun agreeing with it, the number in the style's digits."""
    number = style.num(f"{n:,}")
    if style.language == "en":
        return _NOUNS["en"][noun][0 if n == 1 else 1].format(n=number)
    tens = n % 100
    form = n if n < 3 else 3 if 3 <= tens <= 10 else 4 if 11 <= tens <= 99 else 5
    return _NOUNS["ar"][noun][form].format(n=number)


def _once(
    events: Iterator[tuple[EventRow, bool, str]],
) -> Iterator[tuple[EventRow, bool, str]]:
    """The events less those that would write an entry already written: one article's
    at one date with one text (they come in start order, so only the entries of the
    current start are remembered)."""
    at: int | None = None
    written: set[tuple[object, ...]] = set()
    for event, hidden, origin in events:
        if event.start != at:
            at, written = event.start, set()
        said = (
            event.article_id,
            event.end,
            event.granularity,
            event.kind,
            event.label,
            hidden,
            origin,
        )
        if said not in written:
            written.add(said)
            yield event, hidden, origin


def _entry(
    event: EventRow,
    style: LabelStyle,
    words: dict[str, str],
    url: str,
    hidden: bool,
    origin: str = "computed",
) -> str:
    """One event: its date, what was said (a mention's sentence; a publication's
    title), and where it comes from; that the user added it, corrected its date or hid
    it, if so.  An event added by hand came under its article's source and title as if
    the outlet had said it, and a corrected date as the one the outlet gave: a reader of
    the page could not tell the fact-checker's own entries from the articles'."""
    assert event.start is not None
    when = format_date(event.start, event.end, event.granularity, style)
    stamp = _machine_date(event.start, event.granularity)
    # Names and titles each in an isolate (<bdi>): laid out in their own direction
    # inside a line of the page's ("sabq" began an Arabic line laid out left to right).
    title = f"<bdi>{_text(event.title)}</bdi>" if event.title.strip() else ""
    if url and title:
        title = f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">{title}</a>'
    source = f"<bdi>{_text(event.source)}</bdi>" if event.source.strip() else ""
    if event.kind == "published":
        said = f'<span class="kind">{words["published"]}</span>: {title}'
        source_line = source
    else:
        said = f'<div dir="auto">{_text(event.label)}</div>'
        source_line = " · ".join(part for part in (source, title) if part)
    marks = [words[origin]] if origin in ("added", "corrected") else []
    if hidden:
        marks.append(words["hidden"])
    where = " · ".join(
        [
            *([source_line] if source_line else []),
            *(f'<span class="kind">{m}</span>' for m in marks),
        ]
    )
    return (
        f'<li><time datetime="{stamp}">{html.escape(when)}</time>\n'
        f"{said if said.startswith('<div') else f'<div>{said}</div>'}\n"
        f'<div class="from">{where}</div></li>\n'
    )


def _machine_date(start: int, granularity: str) -> str:
    """The date of a <time> element's datetime, as precise as the event: a year ("2015")
    or a month ("2015-09") as HTML writes them, else the first day.  Every entry said a
    day, so a reader of the page's dates took a month published, or a year mentioned,
    for its first day."""
    day = from_axis(start).date()
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _links(store: Store, ids: list[int]) -> dict[int, str]:
    """The http(s) address of each of these articles that has one."""
    from timeline.store.export_data import article_urls

    return {
        i: url.strip()
        for i, url in article_urls(store, ids).items()
        if url.strip().lower().startswith(("http://", "https://")) and len(url) <= 2000
    }


def _now_axis() -> int:
    from timeline.model import to_axis

    return to_axis(datetime.now(UTC).replace(tzinfo=None))
