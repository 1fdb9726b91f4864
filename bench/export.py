"""Export speed: TimelineJS JSON and CSV of 100,000 events, a PDF of a 1,000,000-event view.

Builds synthetic stores shaped like real imports (bench/view.py's build_store; no
corpus text), then times `timeline.export.export` for each format and prints JSON.
Targets (issue 14): 100,000 events to TimelineJS JSON or CSV within 5 s; a PDF of a
1,000,000-event view within 5 s.  Figures depend on the machine's load: `seconds` is the
wall clock, `cpu_seconds` the process's CPU time (the fairer figure on a shared machine).

    .venv/bin/python bench/export.py [--events 100000] [--view-events 1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from view import _machine, build_store

from timeline.export import Selection, export
from timeline.store import Store


def _timed(store: Store, fmt: str, target: Path) -> dict[str, object]:
    started = time.perf_counter()
    cpu_started = time.process_time()
    count = export(store, fmt, Selection(), target)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return {
        "records": count,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "bytes": target.stat().st_size,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--view-events", type=int, default=1_000_000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    figures: dict[str, object] = {"machine": _machine()}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small = folder / "small.db"
        build_store(small, args.events)
        with Store(small) as store:
            figures["events"] = store.count_events()
            for fmt, suffix in (
                ("timelinejs", ".json"),
                ("events-csv", ".csv"),
                ("articles-csv", ".csv"),
                ("events-jsonl", ".jsonl"),
            ):
                figures[fmt] = _timed(store, fmt, folder / f"out-{fmt}{suffix}")
        if args.view_events:
            big = folder / "big.db"
            build_store(big, args.view_events)
            with Store(big) as store:
                figures["view_events"] = store.count_events()
                # The first image also starts Qt and loads the fonts: timed apart.
                started = time.perf_counter()
                from timeline.export.image import ensure_application

                ensure_application("en")
                figures["qt_start_s"] = round(time.perf_counter() - started, 2)
                figures["pdf"] = _timed(store, "pdf", folder / "view.pdf")
                figures["png"] = _timed(store, "png", folder / "view.png")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
