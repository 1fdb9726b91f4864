"""The events the seed article places on the timeline keep their values across rule changes.

tests/data/seed_events.json was written from the rules before issue 12 (offsets and
values only, never text): every event placed then must still be placed, over the same
words, with the same value and axis span.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from timeline import library
from timeline.ingest import read_articles

BEFORE = Path(__file__).resolve().parents[1] / "data" / "seed_events.json"
SEEDS = sorted((CORPUS / "seed").glob("*.txt")) if CORPUS.is_dir() else []


@pytest.mark.corpus
@pytest.mark.skipif(not SEEDS, reason=f"corpus not found at {CORPUS}")
def test_seed_events_keep_their_values() -> None:
    before = json.loads(BEFORE.read_text(encoding="utf-8"))
    assert before, "the snapshot is empty"
    now = []
    for path in SEEDS:
        for draft in read_articles(path):
            published = library.publication_date(draft)
            for event in library.mention_events(1, draft.body, published):
                if event.start is not None:
                    now.append((path.name, event))
    for old in before:
        same = [
            e
            for name, e in now
            if name == old["file"]
            and e.span_start is not None
            and e.span_end is not None
            and e.span_start < old["span_end"]
            and old["span_start"] < e.span_end
        ]
        assert [(e.value, e.granularity, e.start, e.end) for e in same] == [
            (old["value"], old["granularity"], old["start"], old["end"])
        ], old
