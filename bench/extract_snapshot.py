"""Write what the extractor finds in the SaudiNewsNet sample, as offsets and values only.

    .venv/bin/python bench/extract_snapshot.py

tests/data/extract_snapshot.jsonl holds, per article of ../shared/corpus/saudinewsnet/
sample.jsonl (by index), each mention's start, end, value, kind and TIMEX3 type, once
anchored on published_raw and once with no publication time; no article text.
tests/dating/test_snapshot.py checks that extraction still gives exactly that, so a
change meant to be only faster (issue 12) cannot change a result unnoticed.  A change
meant to change results rewrites the file with this script and shows the difference
in its diff.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from timeline.dating import extract_mentions  # noqa: E402
from timeline.model import Mention  # noqa: E402

SAMPLE = REPO.parent / "shared" / "corpus" / "saudinewsnet" / "sample.jsonl"
SNAPSHOT = REPO / "tests" / "data" / "extract_snapshot.jsonl"


def rows(mentions: list[Mention]) -> list[list[object]]:
    return [[m.start, m.end, m.value, m.kind, m.type] for m in mentions]


def snapshot_lines() -> list[str]:
    """One JSON line per sample article: its index and both runs' mentions."""
    lines = []
    for index, line in enumerate(SAMPLE.read_text(encoding="utf-8").splitlines()):
        article = json.loads(line)
        body, published = article["body"], datetime.fromisoformat(article["published_raw"])
        record = {
            "index": index,
            "published": rows(extract_mentions(body, published)),
            "no_published": rows(extract_mentions(body, None)),
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def main() -> None:
    if not SAMPLE.exists():
        print(f"corpus not found at {SAMPLE}")
        return
    SNAPSHOT.write_text("\n".join(snapshot_lines()) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
