"""Export speed: TimelineJS JSON and CSV of 100,000 events, a PDF of a 1,000,000-event view.

Builds synthetic stores shaped like real imports (bench/view.py's build_store; no
corpus text), then times `timeline.export.export` for each format and prints JSON.
Targets (issue 14): 100,000 events to TimelineJS JSON or CSV within 5 s; a PDF of a
1,000,000-event view within 5 s.  Figures depend on the machine's load: `seconds` is the
wall clock, `cpu_seconds` the process's CPU time (the fairer figure on a shared machine).

    .venv/bin/python bench/export.py [--events 100000] [--view-events 1000000]
        [--memory-db STORE]

Each text format is also run as `timeline export` in a process of its own, and its
peak resident memory printed (`peak_rss_mb`): an export is written as it is read, so
this should not grow with the store.  --memory-db runs that part on a store of your
own as well (the whole SaudiNewsNet library imported, say), every text format.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from view import _machine, build_store

from timeline.export import FORMATS, IMAGE_FORMATS, Selection, export
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


# Every format but the images, with its file's suffix.
TEXT_FORMATS = tuple(
    (fmt, suffix) for fmt, (_name, suffix) in FORMATS.items() if fmt not in IMAGE_FORMATS
)


# Run in the child: `timeline ARGS`, then its peak resident memory written to a file.
# Read from /proc/self/status (VmHWM, Linux): a child's ru_maxrss starts from its
# parent's size at the fork, which would hide an export smaller than this bench.
_CHILD = """
import atexit, runpy, sys
out = sys.argv.pop(1)
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            open(out, "w").write(line.split()[1])
atexit.register(peak)
sys.argv[0] = "timeline"
runpy.run_module("timeline", run_name="__main__")
"""


def _in_own_process(db: Path, fmt: str, target: Path) -> dict[str, object]:
    """`timeline export` of every article in a process of its own: its wall clock and
    its peak resident memory."""
    peak = target.with_suffix(".peak")
    command = [sys.executable, "-c", _CHILD, str(peak), "--db", str(db), "export"]
    command += ["--format", fmt, "--output", str(target)]
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"{fmt}: {done.stderr.decode()}")
    return {
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(int(peak.read_text()) / 1024),
        "bytes": target.stat().st_size,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--view-events", type=int, default=1_000_000)
    parser.add_argument("--memory-db", type=Path, default=None)
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
        figures["own_process"] = {
            fmt: _in_own_process(small, fmt, folder / f"own-{fmt}{suffix}")
            for fmt, suffix in TEXT_FORMATS
        }
        if args.memory_db is not None:
            figures["memory_db"] = str(args.memory_db.name)
            figures["memory_db_own_process"] = {
                fmt: _in_own_process(args.memory_db, fmt, folder / f"mem-{fmt}{suffix}")
                for fmt, suffix in TEXT_FORMATS
            }
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
