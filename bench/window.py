"""Benchmark the whole window on a big store: first frames with data, stalls, memory.

Opens MainWindow (list, detail pane, timeline, search bar, menus) as the program does
and prints, in seconds since the process started, each with the GUI thread's CPU time
by then (name_cpu_s, a figure a loaded machine inflates less than the wall-clock one):
- python_s: the interpreter and this script's own imports;
- imports_s: PySide6, numpy and the application's module;
- ready_to_build_s: imports and the QApplication done, before the window is built;
- window_imported_s, window_built_s, shown_s: the window's modules loaded, the window
  made (window_init_s: how long that took) and shown;
- first_paint_s: its first frame, data or not (bench/first_frames.py stamps them all);
- list_frame_s: the article list's first frame with rows in it on screen (the paint
  done and flushed: stamped on the first turn of the event loop after it);
- detail_s: the detail pane showing the first article;
- timeline_s: the timeline's events loaded (on a worker, after the first frame);
- timeline_summary_frame_s: the timeline's first frame of the store's events per day
  (a density band over the whole span, drawn before any event is read);
- timeline_frame_s: the timeline's first frame with those events on screen;
- first_frame_s: the whole window showing data: the later of the list's frame and the
  timeline's first frame with data (the events per day, or the events if sooner);
- longest_stall_ms: the GUI thread's longest time away from its event loop from the
  QApplication to the timeline's frame (a 10 ms timer's longest gap less 10 ms, and
  the window's construction, which runs before the loop, included), with when it
  ended (stall_end_s), how many were over 50 ms, and the longest that began after the
  list's first frame (the window on screen and not answering); top_stalls_after_list:
  the five longest of those as [ms, the GUI thread's own CPU ms in it, when it ended]
  (near the stall: the GUI thread's own work; near 0: it waited for the GIL another
  thread held, or for a core on a busy machine);
- rss_mb at the timeline's frame, peak_rss_at_frame_mb (VmHWM then: the load's peak)
  and peak_rss_mb (VmHWM) at the end;
and search_s: from the last keystroke of a common word to the narrowed list
(the search bar's 200 ms pause included), search_cpu_s the CPU time it took,
search_longest_stall_ms the GUI thread's longest stall from that keystroke to half a
second after the list (the hits' hand-over, the highlight and the frames after it:
the program's GUI thread must never stall more than 50 ms), with search_top_stalls: its
five longest as [ms, the GUI thread's own CPU ms in it, when it ended in ms after the
keystroke] (CPU near the stall: the GUI thread's own work; near 0, it waited for the
GIL), and rss_end_mb at the end.

    .venv/bin/python bench/window.py [--events 1000000] [--db DB] [--query WORD] [--runs 3]
    .venv/bin/python bench/window.py --events 10000000 --articles 5000000 --body-chars 200

The store is bench/view.py's (built once, about 230,000 articles a million events, or
as many articles as --articles says: issue 11's five million with ten million events).
Each run is a new process. Offscreen by default; under X (Xvfb) run with DISPLAY set
and QT_QPA_PLATFORM=xcb. Figures depend on the machine's load: say it with them.
"""

from __future__ import annotations

import time

_T_SCRIPT = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import first_frames  # noqa: E402
from view import _machine, _process_age, add_shape_arguments, build_store  # noqa: E402

_TICK_MS = 10
_STALL_MS = 50


def run(args: argparse.Namespace) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # When (since exec) and at what CPU time of the GUI thread each stage ended.
    stamps = first_frames.Stamps()
    stage = stamps.stage
    stage("python_s")  # the interpreter and this script's own imports
    from PySide6.QtCore import QSettings, QTimer

    from timeline.store.store import Store
    from timeline.ui.app import create_application

    stage("imports_s")  # PySide6, numpy and the application's module

    home = Path(tempfile.mkdtemp(prefix="timeline-window-bench-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home)
    )  # a fresh user: no remembered window state
    app, _ = create_application(args.lang)
    stage("ready_to_build_s")  # imports and QApplication

    # The GUI thread's stalls: a 10 ms timer that fires late by as long as the thread
    # was away from its loop; the first tick measures the window's construction too.
    gaps: list[tuple[float, float]] = []  # (gap in ms, process age when it ended)
    gap_cpu: list[float] = []  # the GUI thread's own CPU time in each gap (ms)
    last = [time.perf_counter(), time.thread_time()]

    def tick() -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gaps.append(((now - last[0]) * 1000 - _TICK_MS, _process_age()))
        gap_cpu.append((cpu - last[1]) * 1000)
        last[0], last[1] = now, cpu

    ticker = QTimer()
    ticker.setInterval(_TICK_MS)
    ticker.timeout.connect(tick)
    ticker.start()

    from timeline.ui.main_window import MainWindow  # as app.run_window imports it

    stage("window_imported_s")

    marks: dict[str, float] = {}  # process ages: the timeline's frame, the keystroke

    def timeline_shown() -> None:
        marks["frame"] = _process_age()  # the ticker runs on: the search's stalls too
        stamps["rss_mb"] = first_frames.rss_mb()
        # The peak so far: the load's, apart from the search's after it.
        stamps["peak_rss_at_frame_mb"] = first_frames.rss_mb("VmHWM")
        QTimer.singleShot(100, search)

    store = Store(args.db, create=False)
    t_build = time.perf_counter()
    window = MainWindow(store)
    build_s = time.perf_counter() - t_build
    stage("window_built_s")
    first_paints = first_frames.watch(  # noqa: F841 (kept referenced)
        window,
        stamps,
        lambda name: QTimer.singleShot(0, timeline_shown) if name == "timeline_frame_s" else None,
    )
    window.timeline_loaded.connect(lambda: stamps.setdefault("timeline_s", _process_age()))
    window.resize(1600, 900)
    window.show()
    stage("shown_s")
    if window.detail.article is not None:
        stamps["detail_s"] = _process_age()

    def search() -> None:
        t0 = c0 = 0.0

        def applied() -> None:
            stamps["search_s"] = time.perf_counter() - t0
            # The process's CPU time meanwhile (the search worker and the GUI thread):
            # what the search costs without the waits for a core on a busy machine.
            stamps["search_cpu_s"] = time.process_time() - c0
            stamps["search_rows"] = window.model.rowCount()
            QTimer.singleShot(500, app.quit)  # the frames after it drawn

        window.search_applied.connect(applied)
        marks["search"] = _process_age()
        t0, c0 = time.perf_counter(), time.process_time()
        window.search_bar.query_edit.setText(args.query)  # the last keystroke

    QTimer.singleShot(900_000, app.quit)
    app.exec()
    ticker.stop()
    rss_end = first_frames.rss_mb()
    window.close()
    events = len(window.timeline.arrays())
    articles = store.count_articles()
    store.close()
    shutil.rmtree(home, ignore_errors=True)  # the fresh user's settings, used once
    whole = stamps.first_frame()  # the list, and the timeline's events per day or events
    if whole is not None:
        stamps["first_frame_s"] = whole
    # The start's stalls (to the timeline's frame), those once the list is shown (to the
    # search's keystroke) and the search's (from it to the end).
    frame_at, search_at = marks.get("frame", float("inf")), marks.get("search", float("inf"))
    search_gaps = [gap for gap, end in gaps if end > search_at]
    # The search's longest stalls as [ms, the GUI thread's own CPU ms in it, when it
    # ended in ms after the keystroke]: near 0 CPU, the GUI thread waited (the GIL).
    search_top = sorted(
        (
            (round(gap), round(cpu), round((end - search_at) * 1000))
            for (gap, end), cpu in zip(gaps, gap_cpu, strict=True)
            if end > search_at
        ),
        reverse=True,
    )[:5]
    gaps = [(gap, end) for gap, end in gaps if end <= search_at]
    gap_cpu = gap_cpu[: len(gaps)]
    start_gaps = [(gap, end) for gap, end in gaps if end <= frame_at] or gaps
    longest = max(start_gaps, default=(0.0, 0.0))
    shown = stamps.get("list_frame_s", 0.0)
    after = max((gap for gap, end in gaps if end - gap / 1000 >= shown), default=0.0)
    # The longest stalls once the list is shown, each with the GUI thread's own CPU time
    # in it: near the stall, the GUI thread's own work; near 0, it waited (for the GIL
    # another thread held, or for a core on a busy machine).
    top = sorted(
        (
            (round(gap), round(cpu), round(end, 3))
            for (gap, end), cpu in zip(gaps, gap_cpu, strict=True)
            if end - gap / 1000 >= shown
        ),
        reverse=True,
    )[:5]
    return {
        "events": events,
        "articles": articles,
        "window_init_s": round(build_s, 3),
        **{k: round(v, 3) if isinstance(v, float) else v for k, v in stamps.items()},
        "longest_stall_ms": round(longest[0]),
        "stall_end_s": round(longest[1], 3),
        "stalls_over_50ms": sum(1 for gap, _ in start_gaps if gap > _STALL_MS),
        "longest_stall_after_list_ms": round(after),
        "top_stalls_after_list": top,
        "search_longest_stall_ms": round(max(search_gaps, default=0.0)),
        "search_top_stalls": search_top,
        "peak_rss_mb": first_frames.rss_mb("VmHWM"),
        "rss_end_mb": rss_end,
        "abandoned_threads": len(window.abandoned_threads),
        "machine": _machine(),
    }


_SHOWN = (
    ("python_s", "interpreter started (s)"),
    ("imports_s", "PySide6, numpy, the app's module (s)"),
    ("ready_to_build_s", "imports and QApplication (s)"),
    ("window_imported_s", "the window's modules imported (s)"),
    ("window_init_s", "MainWindow() (s)"),
    ("window_built_s", "window built (s)"),
    ("shown_s", "show() returned (s)"),
    ("first_paint_s", "first frame, any (s)"),
    ("list_frame_s", "list's first frame with rows (s)"),
    ("timeline_s", "timeline's events loaded (s)"),
    ("timeline_summary_frame_s", "timeline's first frame of the events per day (s)"),
    ("timeline_frame_s", "timeline's first frame with the events (s)"),
    ("first_frame_s", "whole window showing data (s)"),
    ("longest_stall_ms", "longest GUI stall to then (ms)"),
    ("stalls_over_50ms", "GUI stalls over 50 ms"),
    ("longest_stall_after_list_ms", "longest once the list is shown (ms)"),
    ("rss_mb", "RSS at the timeline's frame (MB)"),
    ("peak_rss_at_frame_mb", "peak RSS by the timeline's frame (MB)"),
    ("peak_rss_mb", "peak RSS (MB)"),
    ("search_s", "search, last keystroke to list (s)"),
    ("search_longest_stall_ms", "longest GUI stall in the search (ms)"),
    ("rss_end_mb", "RSS at the end, after the search (MB)"),
)


def table(runs: list[dict[str, object]]) -> str:
    """Medians of the runs, one line a figure, for a reader."""
    first = runs[0]
    lines = [
        f"{first['articles']:,} articles, {first['events']:,} events;"
        f" {len(runs)} run(s), median [min-max]; {first['machine']}"
    ]
    lines.append(f"  {'':<48} {'median [min-max]':<24} GUI thread CPU by then")
    for key, label in _SHOWN:
        values = [float(r[key]) for r in runs if isinstance(r.get(key), int | float)]
        if values:
            shown = f"{statistics.median(values):9.3f} [{min(values):.3f}-{max(values):.3f}]"
            cpu_key = key[: -len("_s")] + "_cpu_s"
            cpu = [float(r[cpu_key]) for r in runs if isinstance(r.get(cpu_key), int | float)]
            at = f"{statistics.median(cpu):.3f}" if cpu and key.endswith("_s") else ""
            lines.append(f"  {label:<48} {shown:<24} {at}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="store to use or build")
    add_shape_arguments(parser)
    parser.add_argument("--query", default="قمة")
    parser.add_argument("--lang", default="ar", choices=["ar", "en"])
    parser.add_argument("--runs", type=int, default=1, help="processes to run, one at a time")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child run
    args = parser.parse_args()
    if args.db is None:
        args.db = Path(tempfile.gettempdir()) / f"timeline-bench-{args.events}.db"
    if not args.db.exists():
        build_store(args.db, args.events, n_articles=args.articles, body_chars=args.body_chars)
    if args.one:
        figures = run(args)
        print(json.dumps(figures, ensure_ascii=False), flush=True)
        if figures["abandoned_threads"]:
            os._exit(0)  # as the program does (timeline/ui/app.py): never wait for them
        return
    # Each run in a new process, so that every figure starts from exec on a ready store,
    # with bytecode compiled as an installed program has it (PYTHONDONTWRITEBYTECODE
    # would have every run compile the program's modules again: a second and more here).
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / "timeline-bench-pyc"))
    warm = "import timeline.ui.app, timeline.ui.main_window, timeline.library, timeline.edits"
    subprocess.run([sys.executable, "-c", warm], check=True, env=env)
    child = [sys.executable, __file__, "--one", "--db", str(args.db), "--query", args.query]
    child += ["--lang", args.lang]
    runs = []
    for _ in range(args.runs):
        done = subprocess.run(child, check=True, capture_output=True, text=True, env=env)
        if done.stderr.strip():
            print(done.stderr.strip(), file=sys.stderr)  # what the window said: none expected
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(runs[-1], ensure_ascii=False), flush=True)
    print(table(runs))


if __name__ == "__main__":
    main()
