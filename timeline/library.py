"""Use cases that tie the layers together: import files, re-compute events."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from timeline import dating
from timeline.ingest import BadArticle, UnreadableFile, article_uid, collect_files, read_articles
from timeline.model import ArticleDraft, DateValue, Event, from_axis
from timeline.store import Store

# done, total, and what is being worked on (a file name, an article)
Progress = Callable[[int, int, str], None]
_RECOMPUTE_CHUNK = 500

_SENTENCE_BREAK = re.compile(r"[.!?؟\n]")
_LABEL_CHARS = 220
# Relative mentions ("اليوم الجمعة") need an anchor at least as fine as a day.
_ANCHOR_GRANULARITIES = {"second", "minute", "hour", "day"}
# Events with no place on the axis: a length of time, a recurrence, anything else.
_UNPLACED_KINDS = {"duration": "duration", "set": "set"}


@dataclass
class FileResult:
    """What importing one file did."""

    path: Path
    added: int = 0
    duplicates: int = 0
    undated: int = 0
    error: str | None = None


@dataclass
class ImportReport:
    """What an import of many files did, file by file."""

    files: list[FileResult] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(f.added for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    @property
    def undated(self) -> int:
        return sum(f.undated for f in self.files)

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.error is not None]


def publication_date(draft: ArticleDraft) -> DateValue | None:
    """The publication date parsed from the text the article gave for it (ISO included)."""
    if not draft.published_raw:
        return None
    return dating.parse_date_line(draft.published_raw)


def anchor_of(published: DateValue | None) -> datetime | None:
    """The publication time relative mentions are resolved against, if precise enough."""
    if published is None or published.start is None:
        return None
    if published.granularity not in _ANCHOR_GRANULARITIES:
        return None
    return from_axis(published.start)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], cut to a readable length around it.

    Only the label's reach either side is scanned (never the body from its start),
    so labelling every mention of an article costs time linear in its length.
    """
    lo = max(0, start - _LABEL_CHARS // 2)
    hi = min(len(text), end + _LABEL_CHARS // 2)
    left = max((m.end() for m in _SENTENCE_BREAK.finditer(text, lo, start)), default=lo)
    found = _SENTENCE_BREAK.search(text, end, hi)
    right = found.start() + 1 if found else hi
    return " ".join(text[left:right].split())


def mention_events(article_id: int, body: str, published: DateValue | None) -> list[Event]:
    """The events an article's body mentions, each labelled with its sentence."""
    events = []
    for mention in dating.extract_mentions(body, anchor_of(published)):
        date = mention.date
        if date.start is not None:
            kind = "mentioned"
        else:
            kind = _UNPLACED_KINDS.get(date.granularity, "vague")
        events.append(
            Event(
                article_id=article_id,
                kind=kind,
                start=date.start,
                end=date.end,
                granularity=date.granularity,
                value=date.value,
                label=sentence_around(body, mention.start, mention.end),
                span_start=mention.start,
                span_end=mention.end,
                confidence=mention.confidence,
            )
        )
    return events


def _add_draft(store: Store, draft: ArticleDraft, result: FileResult) -> None:
    published = publication_date(draft)
    article_id, added = store.add_article(draft, article_uid(draft), published)
    if not added:
        result.duplicates += 1
        return
    store.replace_mentions(article_id, mention_events(article_id, draft.body, published))
    result.added += 1
    if published is None:
        result.undated += 1


def import_file(store: Store, path: Path) -> FileResult:
    """Import one file atomically: all of its articles, or none and an error."""
    result = FileResult(path)
    try:
        drafts = list(read_articles(path))
    except (BadArticle, UnreadableFile) as exc:
        result.error = str(exc)
        return result
    except OSError as exc:
        result.error = exc.strerror or str(exc)
        return result
    with store.transaction():
        for draft in drafts:
            _add_draft(store, draft, result)
    return result


def import_paths(
    store: Store, paths: Iterable[Path], progress: Progress | None = None
) -> ImportReport:
    """Import files and folders; a bad file is reported and does not stop the others."""
    files, skipped = collect_files(paths)
    report = ImportReport(skipped=skipped)
    for done, path in enumerate(files):
        if progress is not None:
            progress(done, len(files), path.name)
        report.files.append(import_file(store, path))
    if progress is not None and files:
        progress(len(files), len(files), files[-1].name)
    return report


def recompute_events(store: Store, progress: Progress | None = None) -> int:
    """Re-parse every publication date and re-extract every mention; returns articles done.

    Runs in one transaction: after a rule change the store moves to the new events
    whole, or stays as it was.
    """
    ids = store.article_ids()
    with store.transaction():
        # In chunks: the bodies of a large store need not all sit in memory at once.
        for first in range(0, len(ids), _RECOMPUTE_CHUNK):
            if progress is not None:
                progress(first, len(ids), f"#{ids[first]}")
            chunk = ids[first : first + _RECOMPUTE_CHUNK]
            for article_id, body, published_raw, title in store.dating_inputs(chunk):
                published = dating.parse_date_line(published_raw) if published_raw else None
                store.set_published(article_id, published, title)
                store.replace_mentions(article_id, mention_events(article_id, body, published))
    if progress is not None and ids:
        progress(len(ids), len(ids), f"#{ids[-1]}")
    return len(ids)
