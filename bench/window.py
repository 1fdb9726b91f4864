"""Benchmark the whole window on a big store: first painted frame, timeline, a search.

Opens MainWindow (list, detail pane, timeline, search bar, menus) as the program does
and prints, in seconds since the process started:
- ready_to_build_s: imports and the QApplication done, before the window is built;
- first_frame_s: the article list's first paint with rows in it (the window is usable);
- detail_s: the detail pane showing the first article;
- timeline_s: the timeline's events loaded and drawn (on a worker, after the frame);
and search_s: from the last keystroke of a common word to the narrowed list
(the search bar's 200 ms pause included), search_cpu_s the CPU time it took.

    .venv/bin/python bench/window.py [--events 1000000] [--db DB] [--query WORD]

The store is bench/view.py's (built once, about half a million articles). Offscreen by
default; under X (Xvfb) run with DISPLAY set and QT_QPA_PLATFORM=xcb.
"""

from __future__ import annotations

import time

_T_SCRIPT = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from view import _machine, _process_age, build_store  # noqa: E402


def run(args: argparse.Namespace) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer

    from timeline.store.store import Store
    from timeline.ui.app import create_application
    from timeline.ui.main_window import MainWindow

    home = Path(tempfile.mkdtemp(prefix="timeline-window-bench-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home)
    )  # a fresh user: no remembered window state
    app, _ = create_application(args.lang)
    stamps: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and "first_frame_s" not in stamps
                and watched is window.list.viewport()
                and window.model.rowCount() > 0
            ):
                stamps["first_frame_s"] = _process_age()
            return False

    stamps["ready_to_build_s"] = _process_age()  # imports and QApplication
    store = Store(args.db, create=False)
    t_build = time.perf_counter()
    window = MainWindow(store)
    build_s = time.perf_counter() - t_build
    painted = FirstPaint()
    window.list.viewport().installEventFilter(painted)
    window.timeline_loaded.connect(lambda: stamps.setdefault("timeline_s", _process_age()))
    window.resize(1600, 900)
    window.show()
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
            app.quit()

        window.search_applied.connect(applied)
        t0, c0 = time.perf_counter(), time.process_time()
        window.search_bar.query_edit.setText(args.query)  # the last keystroke

    window.timeline_loaded.connect(lambda: QTimer.singleShot(100, search))
    QTimer.singleShot(120_000, app.quit)
    app.exec()
    window.close()
    store.close()
    return {
        "events": len(window.timeline.arrays()),
        "articles": window._article_total,
        "window_init_s": round(build_s, 3),
        **{k: round(v, 3) if isinstance(v, float) else v for k, v in stamps.items()},
        "machine": _machine(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="store to use or build")
    parser.add_argument("--query", default="قمة")
    parser.add_argument("--lang", default="ar", choices=["ar", "en"])
    args = parser.parse_args()
    if args.db is None:
        args.db = Path(tempfile.gettempdir()) / f"timeline-bench-{args.events}.db"
    if not args.db.exists():
        build_store(args.db, args.events)
        # Run again in a new process so that the figures start on a ready store.
        argv = [sys.executable, *sys.argv, "--db", str(args.db)]
        raise SystemExit(subprocess.run(argv, check=False).returncode)
    print(json.dumps(run(args), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
