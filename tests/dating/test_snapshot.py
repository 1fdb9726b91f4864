"""Extraction on the SaudiNewsNet sample still gives exactly the committed snapshot.

The snapshot (offsets, values, kinds and types only) was written by
bench/extract_snapshot.py before issue 12's speed work, so every optimisation since
must leave each article's mentions as they were.
"""

from __future__ import annotations

import json

import pytest

from bench.extract_snapshot import SAMPLE, SNAPSHOT, snapshot_lines

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not SAMPLE.exists(), reason=f"corpus not found at {SAMPLE}"),
]


def test_sample_extraction_equals_snapshot() -> None:
    expected = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    got = snapshot_lines()
    assert len(got) == len(expected)
    changed = [
        json.loads(now)["index"] for now, before in zip(got, expected, strict=True) if now != before
    ]
    assert changed == [], f"articles whose mentions changed: {changed[:20]}"
