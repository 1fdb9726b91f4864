"""One table a user can read: each figure the issues set a target for, measured here.

    .venv/bin/python bench/table.py --timeline-db STORE [--search-db STORE] [--skip NAME]

Runs the benches one after another, each in its own process, on copies of the stores
(a bench may migrate or edit its store; the given files are never written), reads the
JSON lines each prints and prints one Markdown table: what was measured, the target,
the figure and whether it is met, then the machine and its load before and after.

- timeline, timeline-highlight: bench/view.py on --timeline-db (a store bench/view.py
  built: about a million events), without and with a quarter of the articles
  highlighted;
- window: bench/window.py on the same store (the whole window: list and timeline);
- startup: bench/startup_time.py, the program's own command line from exec to the
  window showing data, on the samples and on the same store;
- edits: bench/edits.py on the same store;
- search: bench/search.py on --search-db (a store bench/search.py built);
- import: bench/import_speed.py on the first --import-articles SaudiNewsNet records, two
  processes, three runs each with and without copy detection (medians);
- formats: bench/import_formats.py, each importer on synthetic files.

A bench whose store is not given is left out, and named under the table.  Figures
swing with the machine's load (a shared machine reads high): run it on a quiet one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from search import machine  # noqa: E402

Figures = list[dict[str, object]]


def _run(args: list[str]) -> Figures:
    """The JSON objects a bench printed, one a line (other lines are passed over)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False, cwd=BENCH.parent
    )
    print(
        f"ran {' '.join(args)} in {time.perf_counter() - started:.0f} s (exit {done.returncode})",
        file=sys.stderr,
        flush=True,
    )
    found: Figures = []
    for line in done.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                found.append(json.loads(line))
            except ValueError:
                continue
    if done.returncode != 0 and not found:
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"{args[0]} failed: {tail[0]}")
    return found


def _first(figures: Figures, key: str) -> float | None:
    for figure in figures:
        if isinstance(figure.get(key), int | float):
            return float(figure[key])  # type: ignore[arg-type]
    return None


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, what: str, value: float | None, target: float, unit: str, most: bool) -> None:
        """most: the target is a ceiling (at most), else a floor (at least)."""
        if value is None:
            self.rows.append((what, f"{'≤' if most else '≥'} {target:g} {unit}", "-", "not run"))
            return
        met = value <= target if most else value >= target
        shown = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
        self.rows.append(
            (
                what,
                f"{'≤' if most else '≥'} {target:g} {unit}",
                f"{shown} {unit}",
                "yes" if met else "no",
            )
        )

    def print(self) -> None:
        print("| measured | target | figure | met |")
        print("| --- | --- | --- | --- |")
        for row in self.rows:
            print("| " + " | ".join(row) + " |")


def timeline(table: Table, db: Path, highlight: bool) -> None:
    extra = ["--highlight", "0.25"] if highlight else []
    figures = _run([str(BENCH / "view.py"), "--db", str(db), *extra])
    label = "timeline, a quarter of the articles highlighted" if highlight else "timeline"
    events = _first(figures, "events")
    size = f" ({events:,.0f} events)" if events else ""
    if not highlight:
        table.add(
            f"{label}{size}: first frame with data",
            _first(figures, "first_frame_s"),
            1.0,
            "s",
            True,
        )
    table.add(
        f"{label}: frame p95 over zoom and pan", _first(figures, "frame_ms_p95"), 16, "ms", True
    )
    if not highlight:
        table.add(
            f"{label}: the GUI thread's longest stall",
            _first(figures, "gui_stall_ms_max"),
            50,
            "ms",
            True,
        )
        table.add(f"{label}: peak memory", _first(figures, "peak_rss_mb"), 300, "MB", True)


def window(table: Table, db: Path) -> None:
    figures = _run([str(BENCH / "window.py"), "--db", str(db)])
    table.add(
        "window: list and timeline showing data", _first(figures, "first_frame_s"), 1.0, "s", True
    )
    table.add(
        "window: longest stall once on screen",
        _first(figures, "longest_stall_after_list_ms"),
        50,
        "ms",
        True,
    )
    table.add("window: peak memory", _first(figures, "peak_rss_mb"), 300, "MB", True)


def startup(table: Table, db: Path | None) -> None:
    extra = ["--db", str(db)] if db is not None else []
    figures = _run([str(BENCH / "startup_time.py"), "--runs", "1", *extra])
    for name, label in (("samples", "the samples (14 articles)"), ("db", "the view's store")):
        runs = [f for f in figures if f.get("store") == name]
        if runs:
            table.add(
                f"start-up, `timeline` exec to the window showing data, {label}",
                _first(runs, "first_frame_s"),
                1.0,
                "s",
                True,
            )


def edits(table: Table, db: Path) -> None:
    figures = _run([str(BENCH / "edits.py"), "--db", str(db), "--repeat", "3"])
    table.add(
        "edit, click to frame: the worst of every kind", _first(figures, "worst_ms"), 50, "ms", True
    )


def search(table: Table, db: Path) -> None:
    figures = _run([str(BENCH / "search.py"), "--db", str(db), "--queries", "10"])
    articles = _first(figures, "articles")
    size = f" ({articles:,.0f} articles)" if articles else ""
    for figure in figures:
        name = figure.get("query_class")
        value = figure.get("p95_ms")
        if not isinstance(name, str) or not isinstance(value, int | float):
            continue
        if name.startswith("window"):
            table.add(
                f"search{size}, the window's path ({name}): p95", float(value), 300, "ms", True
            )
        else:
            table.add(f"search{size}, {name}: first page p95", float(value), 50, "ms", True)


def imports(table: Table, articles: int) -> None:
    # Three imports each with and without copy detection, alternated: the cost is the
    # ratio of the median wall times (one pair of runs swung from +17% to +36%).
    figures = _run(
        [
            str(BENCH / "import_speed.py"),
            *("--articles", str(articles), "--processes", "2", "--runs", "3", "--no-stages"),
        ]
    )
    medians = {f.get("copies"): f for f in figures if "median_of" in f}
    cost = next((f for f in figures if "copy_detection_cost_wall_pct" in f), None)
    with_copies = medians.get(True)
    if with_copies is None or cost is None:
        return
    table.add(
        f"import ({articles:,} SaudiNewsNet articles, 2 processes, median of 3)",
        float(with_copies["articles_per_s"]),  # type: ignore[arg-type]
        2000,
        "articles/s",
        False,
    )
    table.add(
        "import: time copy detection adds (ratio of median wall times)",
        float(cost["copy_detection_cost_wall_pct"]),  # type: ignore[arg-type]
        15,
        "%",
        True,
    )
    table.add(
        "import: CPU copy detection adds (ratio of medians)",
        float(cost["copy_detection_cost_cpu_pct"]),  # type: ignore[arg-type]
        15,
        "%",
        True,
    )
    table.add(
        "import: peak memory of the writer",
        float(with_copies["writer_peak_rss_mb"]),  # type: ignore[arg-type]
        300,
        "MB",
        True,
    )


def formats(table: Table) -> None:
    figures = _run(
        [str(BENCH / "import_formats.py"), "--articles", "300", "--pages", "300", "--no-corpus"]
    )
    for figure in figures:
        name, value = figure.get("read"), figure.get("cpu_articles_per_s")
        if isinstance(name, str) and isinstance(value, int | float):
            table.add(f"reading {name}, one core", float(value), 1000, "articles/s", False)


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeline-db", type=Path, help="a bench/view.py store (about 1M events)")
    parser.add_argument("--search-db", type=Path, help="a bench/search.py store")
    parser.add_argument("--import-articles", type=int, default=4000)
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["timeline", "window", "startup", "edits", "search", "import", "formats"],
    )
    args = parser.parse_args()
    load_before = _load()
    table = Table()
    left_out: list[str] = []
    with tempfile.TemporaryDirectory() as folder:

        def copy(store: Path | None, name: str) -> Path | None:
            if store is None:
                return None
            target = Path(folder) / name
            shutil.copyfile(store, target)
            return target

        steps: list[tuple[str, Callable[[], None] | None]] = []
        view_db = copy(args.timeline_db, "timeline.db")
        search_db = copy(args.search_db, "search.db")
        if view_db is not None:
            steps += [
                (
                    "timeline",
                    lambda: (timeline(table, view_db, False), timeline(table, view_db, True)),
                ),
                ("window", lambda: window(table, view_db)),
                ("startup", lambda: startup(table, view_db)),
                ("edits", lambda: edits(table, view_db)),
            ]
        else:
            left_out += ["timeline", "window", "edits (no --timeline-db)"]
            steps.append(("startup", lambda: startup(table, None)))
        if search_db is not None:
            steps.append(("search", lambda: search(table, search_db)))
        else:
            left_out.append("search (no --search-db)")
        steps += [
            ("import", lambda: imports(table, args.import_articles)),
            ("formats", lambda: formats(table)),
        ]
        for name, step in steps:
            if name in args.skip or step is None:
                left_out.append(f"{name} (skipped)")
                continue
            try:
                step()
            except (RuntimeError, OSError) as exc:
                left_out.append(f"{name}: {exc}")
    table.print()
    print()
    print(f"Machine: {machine()}. Load average before: {load_before}; after: {_load()}.")
    if left_out:
        print("Left out: " + "; ".join(left_out) + ".")


if __name__ == "__main__":
    main()
