"""Benchmark the window as a user walks it on a big store: each action's longest stall.

bench/window.py times the window's start and one search; this walks it after that, as a
user reading the results would, and prints for each kind of action the GUI thread's
longest stall (a 10 ms timer's longest gap less 10 ms, from the action to the next) and
the GUI thread's own CPU time in that stall (near the stall: the GUI thread's work; near
0: it waited for the GIL or for a core), with what the action did (so that an action
that did nothing cannot pass for a fast one):

- search: a common word typed (to the narrowed list and half a second after);
- list_down: the list's next row, fifteen times (the detail pane and the timeline follow);
- timeline_next / timeline_previous: the next or previous event found, ] and [;
- zoom_in / zoom_out: + and - on the timeline, eight times each;
- fit_all, hijri, digits: the timeline's Fit all, the Hijri dates under its axis turned
  on, its digits made Arabic-Indic;
- collapse, collapse_off: each story shown once, then every copy again (the list, the
  timeline and the counts follow: the events are loaded again, waited for);
- search_collapsed: with each story shown once, another common word searched, then the
  first again (the hits marked as each story once);
- edit_title, hide: the selected article's title corrected, then the article hidden,
  with the search's marks on the timeline (the edit written on the window's writer, a
  second given to each);
- list_end, list_page_up: Ctrl+End, the list's last row read so far (the list then reads
  a thousand more: it holds the rows a view has come to), then five pages up;
- dates_filter, dates_filter_off: the search bar's date filter turned on, then off (the
  search runs again each time);
- clear: the search cleared (every article back in the list);
- jump: an article far down the list selected, as a click on its event selects it,
  five times at random (the list counts the rows before it);
- list_down_all: the list's next row again, ten times, with no search.

    .venv/bin/python bench/window_walk.py --db STORE [--query WORD] [--other-query WORD] [--runs 3]

STORE is a store of bench/view.py's or bench/window.py's (bench/window.py --db STORE
builds one). Each run is a new process, offscreen by default (under X: DISPLAY set and
QT_QPA_PLATFORM=xcb). The program's GUI thread must never stall more than 50 ms.
Figures depend on the machine's load: say it with them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import first_frames
from view import _machine

_TICK_MS = 10
_PAUSE_MS = 150  # between two actions: a user's quickest keys
_STALL_MS = 50


def walk(args: argparse.Namespace) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QCheckBox

    from timeline.store.store import Store
    from timeline.ui.app import create_application
    from timeline.ui.article_model import ArticleIdRole

    home = Path(tempfile.mkdtemp(prefix="timeline-walk-bench-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home))
    app, _ = create_application(args.lang)
    from timeline.ui.main_window import MainWindow

    store = Store(args.db, create=False)
    window = MainWindow(store)
    window.resize(1280, 800)
    window.show()

    action = ["start"]
    worst: dict[str, list[float]] = {}  # action: [longest stall ms, GUI CPU ms in it]
    last = [time.perf_counter(), time.thread_time()]

    def tick() -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gap, used = (now - last[0]) * 1000 - _TICK_MS, (cpu - last[1]) * 1000
        last[0], last[1] = now, cpu
        if gap > worst.setdefault(action[0], [0.0, 0.0])[0]:
            worst[action[0]] = [gap, used]

    ticker = QTimer()
    ticker.setInterval(_TICK_MS)
    ticker.timeout.connect(tick)
    ticker.start()

    did: dict[str, object] = {}
    # action: the process's peak RSS (MB) from the action to the next (each repeat's, the
    # highest), where the kernel lets the peak be started again; else the peak by then.
    peaks: dict[str, float] = {}
    held: dict[str, float] = {}  # action: the RSS (MB) once it was done (its last repeat)
    walk_peak = [0.0]  # the process's peak over the whole walk
    key = QTest.keyClick
    timeline, table = window.timeline, window.list

    def current_row() -> int:
        return table.currentIndex().row()

    def search(text: str) -> Callable[[], None]:
        return lambda: window.search_bar.query_edit.setText(text)

    def dates_on() -> None:  # turned on, or off when on
        box = window.search_bar.findChild(QCheckBox)
        assert box is not None
        box.click()

    # (action, what it does, what to wait for (False: nothing, True: the search applied,
    # "loaded": the events loaded again), what it did)
    steps: list[tuple[str, Callable[[], object], bool | str | int, Callable[[], object]]] = []
    steps.append(("search", search(args.query), True, lambda: window.model.rowCount()))
    steps += [("list_down", lambda: key(table, Qt.Key.Key_Down), False, current_row)] * 15
    selected = lambda: timeline._selected_row  # noqa: E731
    steps += [
        ("timeline_next", lambda: key(timeline, Qt.Key.Key_BracketRight), False, selected)
    ] * 15
    span = lambda: round(timeline._vp.span)  # noqa: E731
    steps += [("zoom_in", lambda: key(timeline, Qt.Key.Key_Plus), False, span)] * 8
    steps += [
        ("timeline_previous", lambda: key(timeline, Qt.Key.Key_BracketLeft), False, selected)
    ] * 8
    steps += [("zoom_out", lambda: key(timeline, Qt.Key.Key_Minus), False, span)] * 8
    steps.append(("fit_all", timeline.fit_all, False, span))
    steps.append(("hijri", lambda: timeline.set_hijri_labels(True), False, span))
    steps.append(("digits", lambda: timeline.set_digits("arabic"), False, span))
    events = lambda: len(timeline.arrays())  # noqa: E731
    collapse = window.collapse_action
    steps.append(("collapse", lambda: collapse.setChecked(True), "loaded", events))
    rows = lambda: window.model.rowCount()  # noqa: E731
    steps.append(("search_collapsed", search(args.other_query), True, rows))
    steps.append(("search_collapsed", search(args.query), True, rows))
    steps.append(("collapse_off", lambda: collapse.setChecked(False), "loaded", events))
    from timeline import edits

    controller = window.edits.controller

    def selected_article() -> int:
        chosen = table.currentIndex().data(ArticleIdRole)
        assert chosen is not None
        return int(chosen)

    def edit_title() -> None:
        chosen = selected_article()
        controller.run("title", lambda s: edits.correct_article(s, chosen, "title", "عنوان"))

    def hide() -> None:
        chosen = selected_article()
        controller.run("hide", lambda s: edits.set_hidden(s, edits.article_target(s, chosen)))

    steps.append(("edit_title", edit_title, 1000, current_row))
    steps.append(("hide", hide, 1000, lambda: window.model.rowCount()))
    end = Qt.KeyboardModifier.ControlModifier
    steps.append(("list_end", lambda: key(table, Qt.Key.Key_End, end), False, current_row))
    steps += [("list_page_up", lambda: key(table, Qt.Key.Key_PageUp), False, current_row)] * 5
    steps.append(("dates_filter", dates_on, True, lambda: window.model.rowCount()))
    steps.append(("dates_filter_off", dates_on, True, lambda: window.model.rowCount()))
    steps.append(("clear", search(""), True, lambda: window.model.rowCount()))
    rng = random.Random(5)
    highest = store.count_articles()

    def jump() -> None:
        window.select_article(rng.randrange(1, highest + 1))

    steps += [("jump", jump, False, current_row)] * 5
    steps += [("list_down_all", lambda: key(table, Qt.Key.Key_Down), False, current_row)] * 10

    waiting = [False]

    def step() -> None:
        if not steps:
            app.quit()
            return
        name, act, wait, effect = steps.pop(0)
        action[0] = name
        walk_peak[0] = max(walk_peak[0], first_frames.rss_mb("VmHWM"))
        _restart_peak()

        def after() -> None:
            def seen() -> None:  # what the action did, read once the window has done it
                did.setdefault(name, [])
                did[name].append(effect())  # type: ignore[attr-defined]
                peaks[name] = max(peaks.get(name, 0.0), first_frames.rss_mb("VmHWM"))
                held[name] = first_frames.rss_mb()
                step()

            QTimer.singleShot(_PAUSE_MS, seen)

        if isinstance(wait, int) and not isinstance(wait, bool):  # a pause, in ms
            act()
            QTimer.singleShot(wait, after)
        elif wait:
            waiting[0] = True
            signal = window.timeline_loaded if wait == "loaded" else window.search_applied

            def applied() -> None:
                if waiting[0]:
                    waiting[0] = False
                    signal.disconnect(applied)
                    QTimer.singleShot(500, after)

            signal.connect(applied)
            act()
        else:
            act()
            after()

    started = [False]

    def start() -> None:  # once: the events are loaded again by collapse
        if not started[0]:
            started[0] = True
            QTimer.singleShot(1500, step)

    window.timeline_loaded.connect(start)
    QTimer.singleShot(600_000, app.quit)
    app.exec()
    ticker.stop()
    window.close()
    articles = store.count_articles()
    events = len(window.timeline.arrays())
    store.close()
    shown = {name: [round(ms), round(cpu)] for name, (ms, cpu) in worst.items() if name != "start"}
    walked = [ms for name, (ms, _) in worst.items() if name != "start"]
    return {
        "articles": articles,
        "events": events,
        "query": args.query,
        "longest_ms": round(max(walked, default=0.0)),
        "actions_over_50ms": sum(1 for ms in walked if ms > _STALL_MS),
        "stalls": shown,  # action: [longest stall ms, the GUI thread's CPU ms in it]
        "did": {name: _said(values) for name, values in did.items()},  # type: ignore[arg-type]
        "steps_left": len(steps),
        "peak_rss_mb": max(walk_peak[0], first_frames.rss_mb("VmHWM")),
        "peak_rss_after_mb": peaks,  # action: the peak RSS in it (its own, as above)
        "rss_after_mb": held,  # action: the RSS then
        "machine": _machine(),
    }


def _restart_peak() -> bool:
    """Start the process's peak RSS (VmHWM) again from its RSS now, so that each action's
    own peak is read (Linux 4.0 and later); whether it was."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _said(values: list[object]) -> object:
    """What an action did over its repeats: the first and last value, or the one."""
    return values[0] if len(values) == 1 else [values[0], values[-1]]


def table(runs: list[dict[str, object]]) -> str:
    first = runs[0]
    lines = [
        f"{first['articles']:,} articles, {first['events']:,} events, search {first['query']!r};"
        f" {len(runs)} run(s); {first['machine']}",
        f"  {'action':<20} {'longest stall ms, median [min-max]':<36}"
        " GUI CPU ms in it (median)   peak RSS in it, MB (max)   RSS after it (max)",
    ]
    stalls = [r["stalls"] for r in runs]
    for name in stalls[0]:  # type: ignore[union-attr]
        ms = [s[name][0] for s in stalls if name in s]  # type: ignore[index,operator]
        cpu = [s[name][1] for s in stalls if name in s]  # type: ignore[index,operator]
        cell = f"{statistics.median(ms):6.0f} [{min(ms)}-{max(ms)}]"
        peak = max(float(r["peak_rss_after_mb"].get(name, 0)) for r in runs)  # type: ignore[union-attr,attr-defined]
        rss = max(float(r.get("rss_after_mb", {}).get(name, 0)) for r in runs)  # type: ignore[union-attr,attr-defined]
        lines.append(
            f"  {name:<20} {cell:<36} {statistics.median(cpu):<28.0f}{peak:<27.0f}{rss:.0f}"
        )
    longest = [int(r["longest_ms"]) for r in runs]  # type: ignore[call-overload]
    over = sum(int(r["actions_over_50ms"]) for r in runs)  # type: ignore[call-overload]
    lines.append(f"  longest of any action: {max(longest)} ms; actions over 50 ms: {over}")
    peaks = [float(r["peak_rss_mb"]) for r in runs]  # type: ignore[arg-type]
    lines.append(f"  peak RSS: {min(peaks):.0f}-{max(peaks):.0f} MB")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="a store of bench/view.py's")
    parser.add_argument("--query", default="في")
    parser.add_argument(
        "--other-query", default="إلى", help="the common word searched with each story once"
    )
    parser.add_argument("--lang", default="ar", choices=["ar", "en"])
    parser.add_argument("--runs", type=int, default=1, help="processes to run, one at a time")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child run
    args = parser.parse_args()
    if args.one:
        print(json.dumps(walk(args), ensure_ascii=False), flush=True)
        os._exit(0)  # as the program does (timeline/ui/app.py): never wait for workers
    child = [sys.executable, __file__, "--one", "--db", str(args.db), "--query", args.query]
    child += ["--other-query", args.other_query]
    child += ["--lang", args.lang]
    runs = []
    for _ in range(args.runs):
        done = subprocess.run(child, check=True, capture_output=True, text=True)
        if done.stderr.strip():
            print(done.stderr.strip(), file=sys.stderr)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(runs[-1], ensure_ascii=False), flush=True)
    print(table(runs))


if __name__ == "__main__":
    main()
