"""Every labelled expression of ../shared/corpus/dates/dev.tsv comes out with its value."""

from __future__ import annotations

import pytest

from bench.date_accuracy import DEV_TSV, WHOLE_DATE_KINDS, DevRow, load_dev_rows, mention_for
from timeline.dating import parse_date_line

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not DEV_TSV.exists(), reason=f"corpus not found at {DEV_TSV}"),
]

ROWS = load_dev_rows() if DEV_TSV.exists() else []


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.kind}:{r.raw}" for r in ROWS])
def test_extract_mentions_on_dev_row(row: DevRow) -> None:
    mention, found = mention_for(row)
    if row.value == "NONE":
        assert mention is None, f"{row.raw!r} is a negative row; got {mention}"
    else:
        assert mention is not None, [m.text for m in found]
        assert mention.value == row.value


WHOLE = [r for r in ROWS if r.kind in WHOLE_DATE_KINDS]


@pytest.mark.parametrize("row", WHOLE, ids=[f"{r.kind}:{r.raw}" for r in WHOLE])
def test_parse_date_line_on_dev_row(row: DevRow) -> None:
    got = parse_date_line(row.raw)
    assert got is not None
    assert (got.value, got.granularity) == (row.value, row.granularity)


def test_dev_set_has_its_rows() -> None:
    assert len(ROWS) == 56
    assert sum(r.value == "NONE" for r in ROWS) == 2
