"""How extraction time grows with an article's length: seconds for 10 KB .. 10 MB.

    .venv/bin/python bench/extract_scale.py [--max-kb 10000]

Four synthetic bodies per size: dense dates and month names (the worst case, most
characters belong to a mention), the same words in a seeded random order (mixed: as
dense, but no stretch repeats, so nothing gains from the text's period), ordinary
prose with a date now and then, and long runs of digits, spaces and letters (what
makes a careless regex backtrack).  Each is
timed through library.mention_events (extraction plus the label of every mention)
and printed as one line: kind, size, mentions, wall seconds, CPU seconds of this
process, CPU microseconds per KB.  Time that grows linearly keeps the last column
flat.  The text is built from a few words
and dates, never from corpus text.  On a shared machine figures vary with its load.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.library import mention_events
from timeline.model import DateValue, to_axis

ANCHOR = DateValue("2021-05-22T01:32", "minute", to_axis(datetime(2021, 5, 22, 1, 32)))
UNITS = {
    "dates": (
        "في 12 مايو 2021 وصل الوفد. يوم الأحد الماضي، الساعة 8:30 صباحا، أمس "
        "واليوم الجمعة في عام 2019 أيار/مايو يونيو 1436هـ 24/7/2015م "
    ),
    "prose": (
        "قال المتحدث إن الاجتماع الذي عقد في العاصمة بحث سبل التعاون بين البلدين "
        "في مجالات الطاقة والنقل والتعليم، وأكد أن العمل سيستمر حتى نهاية العام المقبل. "
    ),
    "runs": "1" * 997 + " " * 997 + "س" * 997 + "مايو " * 20,
}


def body_of(kind: str, size: int) -> str:
    if kind == "mixed":
        rng = random.Random(7)
        words = UNITS["dates"].split()
        # Enough words for size characters (each is at least two with its space).
        return " ".join(rng.choice(words) for _ in range(size // 2))[:size]
    unit = UNITS[kind]
    return (unit * (size // len(unit) + 1))[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=10_000)
    args = parser.parse_args()
    sizes = [kb for kb in (10, 100, 1_000, 10_000) if kb <= args.max_kb]
    for kind in ("dates", "mixed", *list(UNITS)[1:]):
        for kb in sizes:
            body = body_of(kind, kb * 1000)
            began, cpu = time.perf_counter(), time.process_time()
            events = mention_events(1, body, ANCHOR)
            elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
            per_kb = cpu / kb * 1e6
            print(
                f"{kind:6} {kb:>6} KB {len(events):>8} mentions {elapsed:8.3f} s wall"
                f" {cpu:8.3f} s CPU {per_kb:8.0f} us/KB"
            )


if __name__ == "__main__":
    main()
