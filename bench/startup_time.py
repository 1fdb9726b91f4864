"""Time the program from exec to the window showing data, as a user starts it.

Each run starts the real command line in a new process (`timeline --db STORE`: click,
the platform check, the store, the window) and stamps, in seconds since exec, when the
window's frames are on screen, as bench/window.py does (bench/first_frames.py: the paint
done and flushed, stamped on the event loop's next turn):
- window_imported_s: the window's modules loaded;
- shown_s: the window built and shown;
- first_paint_s: any pixels;
- first_frame_s: the article list with rows in it and the timeline with data (its
  events per day, or its events), the figure the issue's target is about;
each with the GUI thread's CPU time by then (_cpu_s), which a busy machine inflates less.
The program is not changed for it: a hook in the process watches for the window's
module and stamps its paints, and the program is asked to quit once the window shows
data.  Nothing is subtracted (the old figure was a screenshot's time less the 300 ms its
timer should have waited, a timer that fires late when the loop is blocked).

Stores: the samples (resources/samples imported into a new store, 14 articles) and,
with --db, a big one (bench/view.py's, about 230,000 articles and a million events);
give a copy, the program may migrate it.  Offscreen by default; --platform xcb uses
$DISPLAY.  The frozen bundle is not timed here: its bootloader unpacks before Python
starts, which the hook cannot see (time `dist/timeline/timeline --version` for that).

    .venv/bin/python bench/startup_time.py [--runs 3] [--db STORE] [--lang ar|en]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"

# Runs in the program's process before the program: standard library and
# bench/first_frames.py only, then the program's own command line.
_RUNNER = """
import importlib.abc, json, sys, time
sys.path.insert(0, {bench!r})
import first_frames

stamps = first_frames.Stamps()
stamps.stage("python_s")
kept = []


def frame(name):
    whole = stamps.first_frame()
    if whole is None or kept[-1] is None:
        return
    stamps["first_frame_s"] = whole
    stamps["first_frame_cpu_s"] = time.thread_time()
    stamps["rss_mb"] = first_frames.rss_mb()
    print(json.dumps({{k: round(v, 3) for k, v in stamps.items()}}), flush=True)
    kept[-1] = None
    from PySide6.QtWidgets import QApplication

    QApplication.quit()


def watched(main_window):
    show = main_window.MainWindow.show

    def shown(window):
        show(window)
        stamps.stage("shown_s")
        if not kept:
            kept.append(first_frames.watch(window, stamps, frame))

    main_window.MainWindow.show = shown
    stamps.stage("window_imported_s")


class Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "timeline.ui.main_window":
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                run = spec.loader.exec_module

                def exec_module(module):
                    run(module)
                    watched(module)

                spec.loader.exec_module = exec_module
                return spec
        return None


sys.meta_path.insert(0, Hook())
sys.argv = ["timeline", *{argv!r}]
from timeline.cli import main

main()
"""

_SHOWN = (
    ("python_s", "interpreter and the hook"),
    ("window_imported_s", "the window's modules loaded"),
    ("shown_s", "window built and shown"),
    ("first_paint_s", "first frame, any pixels"),
    ("first_frame_s", "list and timeline showing data"),
)


def _env(home: Path, platform: str) -> dict[str, str]:
    env = {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": platform,
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        # Bytecode compiled once and kept, as an installed program has it.
        "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "timeline-bench-pyc"),
    }
    if platform == "xcb" and "DISPLAY" in os.environ:
        env["DISPLAY"] = os.environ["DISPLAY"]
    return env


def _program(argv: list[str], env: dict[str, str], runner: bool) -> str:
    code = (
        _RUNNER.format(bench=str(BENCH), argv=argv)
        if runner
        else f"import sys; sys.argv = ['timeline', *{argv!r}]\n"
        "from timeline.cli import main\nmain()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600
    )
    if done.returncode != 0 and not done.stdout.strip():
        raise SystemExit(f"the program failed: {done.stderr.strip()[-500:]}")
    return done.stdout


def time_store(db: Path, home: Path, args: argparse.Namespace) -> list[dict[str, float]]:
    env = _env(home, args.platform)
    runs = []
    for _ in range(args.runs):
        out = _program(["--db", str(db), "--lang", args.lang], env, runner=True)
        lines = [line for line in out.splitlines() if line.startswith("{")]
        if not lines:
            raise SystemExit("the window never showed data")
        runs.append(json.loads(lines[-1]))
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, help="a big store to time as well (give a copy)")
    parser.add_argument("--lang", default="ar", choices=["ar", "en"])
    parser.add_argument("--platform", default="offscreen", choices=["offscreen", "xcb"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        samples = home / "samples.db"
        env = _env(home, args.platform)
        _program(["--db", str(samples), "import", str(REPO / "resources" / "samples")], env, False)
        stores = [("samples", samples)] + ([("db", args.db)] if args.db is not None else [])
        for name, db in stores:
            runs = time_store(db, home, args)
            for run in runs:
                print(json.dumps({"store": name, **run}), flush=True)
            print(
                f"{name} ({db.name}): {len(runs)} runs, median [min-max], s since exec;"
                " GUI thread CPU by then"
            )
            for key, label in _SHOWN:
                values = [r[key] for r in runs if key in r]
                cpu = [r[key[:-2] + "_cpu_s"] for r in runs if key[:-2] + "_cpu_s" in r]
                if values:
                    at = f"  cpu {statistics.median(cpu):.3f}" if cpu else ""
                    print(
                        f"  {label:<34} {statistics.median(values):6.3f}"
                        f" [{min(values):.3f}-{max(values):.3f}]{at}"
                    )
            print(f"  peak of RSS at that frame (MB)     {max(r['rss_mb'] for r in runs):.0f}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
