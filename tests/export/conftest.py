"""Export fixtures: a store of the bundled samples, a library of a few records read from
an outlet's feed, and what a store holds, comparable."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from timeline.library import import_paths
from timeline.store import Store

# What an article is, apart from the ids and times of this one store.
ARTICLE_FIELDS = "title, body, source, url, author, caption, credit, lang, published"
EVENT_FIELDS = 'e.kind, e.start, e."end", e.granularity, e.value, e.label, e.span_start, e.span_end'


def snapshot(store: Store, *, dated_only: bool = False) -> tuple[list[tuple], list[tuple]]:
    """(articles, placed events) of a store, each sorted, without ids or import times.

    dated_only: only articles with a publication date (the others have no place on a
    timeline, so TimelineJS and .timeline files leave them out).
    """
    conn = store.db.conn
    dated = " AND a.published_start IS NOT NULL" if dated_only else ""
    articles = sorted(
        conn.execute(f"SELECT {ARTICLE_FIELDS} FROM articles a WHERE 1{dated}").fetchall()
    )
    events = sorted(
        conn.execute(
            f"SELECT a.title, {EVENT_FIELDS} FROM events e JOIN articles a ON a.id = e.article_id"
            f" WHERE e.start IS NOT NULL{dated}"
        ).fetchall(),
        key=repr,
    )
    return articles, events


@contextlib.contextmanager
def library_of(tmp_path: Path, *records: dict[str, str]) -> Iterator[tuple[Store, Path]]:
    """(a new library holding records, the feed it read them from): the records written
    as an outlet's JSON Lines file (in.jsonl) and imported, every one added (the first
    step of a test that exports a library and imports the file back)."""
    feed = tmp_path / "in.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    with Store(tmp_path / "first.db") as first:
        assert import_paths(first, [feed]).added == len(records)
        yield first, feed


@pytest.fixture
def sample_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store of the bundled sample articles (written by us, Arabic)."""
    with Store(tmp_path / "samples.db") as store:
        report = import_paths(store, [SAMPLES])
        assert not report.failed and report.added >= 10
        yield store


@pytest.fixture
def reimport(tmp_path: Path):
    """Import one exported file into a new store and return its snapshot."""

    def run(path: Path) -> tuple[list[tuple], list[tuple]]:
        with Store(tmp_path / f"again-{path.name}.db") as again:
            report = import_paths(again, [path], strict=True)
            assert not report.failed, report.failed[0].error
            return snapshot(again)

    return run
