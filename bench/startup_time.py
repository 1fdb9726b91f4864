"""Print how long the frozen program takes from exec to its first painted frame, offscreen.

Method, without touching the program: `timeline --db DB --screenshot PNG` shows the window,
and 300 ms later (a QTimer started right after show(), in timeline/ui/app.py) grabs it and
writes the PNG. The window is painted as soon as the event loop runs, so
(time until the PNG's first bytes appear) - 300 ms is an upper bound on exec-to-first-frame
(it also contains the grab and part of the PNG encoding). `--version` (bootloader, Python,
click; no Qt) is timed as well for a breakdown. With --cold (root only) the page cache is
dropped before each run, as after a reboot.

    .venv/bin/python bench/startup_time.py [--runs 10] [--cold] [--db DB]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FROZEN = REPO / "dist" / "timeline" / "timeline"
SCREENSHOT_DELAY = 0.300


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def env(home: Path) -> dict[str, str]:
    return {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }


def time_version(home: Path) -> float:
    start = time.perf_counter()
    subprocess.run([str(FROZEN), "--version"], env=env(home), check=True, capture_output=True)
    return time.perf_counter() - start


def time_first_frame(home: Path, db: Path) -> tuple[float, float]:
    """(seconds until the PNG appears minus the screenshot delay, seconds until exit)."""
    shot = home / "shot.png"
    shot.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(FROZEN), "--db", str(db), "--screenshot", str(shot)],
        env=env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while not (shot.exists() and shot.stat().st_size > 0):
        if proc.poll() is not None and not shot.exists():
            raise SystemExit("the program exited without writing a screenshot")
        time.sleep(0.0005)
    appeared = time.perf_counter() - start
    proc.wait()
    return appeared - SCREENSHOT_DELAY, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--cold", action="store_true", help="drop the page cache before each run")
    parser.add_argument("--db", type=Path, help="database to open (default: the samples)")
    args = parser.parse_args()
    if args.cold and os.geteuid() != 0:
        parser.error("--cold needs root (it writes /proc/sys/vm/drop_caches)")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        db = args.db or home / "samples.db"
        if args.db is None:
            subprocess.run(
                [str(FROZEN), "--db", str(db), "import", str(REPO / "resources" / "samples")],
                env=env(home),
                check=True,
                capture_output=True,
            )
        versions, frames, exits = [], [], []
        for _ in range(args.runs):
            if args.cold:
                drop_caches()
            versions.append(time_version(home))
            if args.cold:
                drop_caches()
            frame, total = time_first_frame(home, db)
            frames.append(frame)
            exits.append(total)
    kind = "cold (page cache dropped)" if args.cold else "warm"
    print(f"{kind}, {args.runs} runs, median [min-max] in ms:")
    for label, values in (
        ("--version (no Qt)", versions),
        ("exec to first frame (PNG - 300 ms)", frames),
        ("exec to exit with --screenshot", exits),
    ):
        ms = [v * 1000 for v in values]
        print(f"  {label:<36} {statistics.median(ms):6.0f} [{min(ms):.0f}-{max(ms):.0f}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
