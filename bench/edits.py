"""Benchmark an edit on a big store: from the click to the timeline's next frame.

Times, on bench/view.py's store (a million events by default), each kind of edit
as the window makes it: the write (timeline.edits), the user's values laid over the
loaded arrays (store.edits.overlay_arrays), the view given them and one frame painted.
Prints one JSON line: median and worst milliseconds per step and in all, per kind,
then frame times over bench/view.py's zoom script coloured by kind and by tag.

    .venv/bin/python bench/edits.py [--events 1000000] [--db DB] [--repeat 5]

The store is copied by nothing: the edits are undone at the end (the store is left as
it was).  Offscreen by default.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from view import _machine, _percentile, _zoom_script, build_store


def run(args: argparse.Namespace) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from timeline import edits
    from timeline.store import edits as user
    from timeline.store.store import Store
    from timeline.store.timeline_data import load_event_arrays
    from timeline.ui.app import create_application
    from timeline.ui.timeline_view import TimelineView

    app, _ = create_application("ar")
    store = Store(args.db)
    t = time.perf_counter()
    base = load_event_arrays(store)
    load_s = time.perf_counter() - t
    view = TimelineView()
    view.resize(1600, 500)
    view.show()
    view.set_data(user.overlay_arrays(store, base), lambda ids: user.user_event_labels(store, ids))
    view.repaint()
    app.processEvents()
    mentions = [
        int(i)
        for i, kind in zip(
            base.ids[:: max(1, len(base) // 500)],
            base.kinds[:: max(1, len(base) // 500)],
            strict=True,
        )
        if kind == 1
    ][: args.repeat]
    article = int(base.article_ids[len(base) // 2])
    kinds = {
        "correct": lambda n: edits.correct_mention(
            store, edits.mention_of_event(store, mentions[n % len(mentions)]), "1 يناير 1990"
        ),
        "hide": lambda n: edits.set_hidden(store, edits.article_target(store, article + n)),
        "add": lambda n: edits.add_event(store, "1990/1991", f"حدث {n}")[1],
        "tag": lambda n: edits.set_tag(store, edits.article_target(store, article + n), "وسم"),
    }
    figures: dict[str, object] = {"events": len(base), "load_s": round(load_s, 2)}
    done = []
    for name, edit in kinds.items():
        steps: dict[str, list[float]] = {"write": [], "overlay": [], "frame": [], "total": []}
        for n in range(args.repeat):
            t0 = time.perf_counter()
            done.append(edit(n))
            t1 = time.perf_counter()
            shown = user.overlay_arrays(store, base)
            t2 = time.perf_counter()
            kept = view.viewport()
            view.set_data(shown, lambda ids: user.user_event_labels(store, ids))
            view.set_viewport(kept)
            view.repaint()
            t3 = time.perf_counter()
            for key, value in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t3 - t0), strict=True):
                value_ms = value * 1000
                steps[key].append(value_ms)
        figures[name] = {
            key: {"median_ms": round(statistics.median(v), 1), "max_ms": round(max(v), 1)}
            for key, v in steps.items()
        }
    figures["frames"] = frame_figures(app, view, store, base, args.tagged, done)
    for changes in reversed(done):
        edits.undo(store, changes)
    store.close()
    figures["machine"] = _machine()
    return figures


def frame_figures(app, view, store, base, tagged: int, done: list) -> dict[str, object]:
    """Frame times over bench/view.py's zoom script, by kind and coloured by tag.

    `tagged` articles get one of eight tags first (spread over the store).
    """
    from PySide6.QtGui import QColor

    from timeline import edits
    from timeline.store import edits as user

    articles = sorted(set(base.article_ids[:: max(1, len(base) // tagged)].tolist()))[:tagged]
    for n, article in enumerate(articles):
        done.append(edits.set_tag(store, edits.article_target(store, article), f"tag {n % 8}"))
    shown = user.overlay_arrays(store, base)
    out: dict[str, object] = {"tagged_articles": len(articles)}
    for mode in ("kind", "tag"):
        view.set_data(shown, lambda ids: user.user_event_labels(store, ids))
        t = time.perf_counter()
        if mode == "tag":
            codes, names = user.colour_codes(store, shown, "tag")
            colours = {name: colour for name, colour, _n in user.tags(store)}
            view.set_colouring(codes, [QColor(colours[n]) for n in names])
            out["colour_codes_ms"] = round((time.perf_counter() - t) * 1000, 1)
        frames = []
        for action, amount, x in _zoom_script(view):
            if action == "fit":
                view.fit_all()
            elif action == "pan":
                view.pan_by(amount)
            else:
                view.zoom_by(amount, x)
            t = time.perf_counter()
            view.repaint()
            frames.append((time.perf_counter() - t) * 1000)
            app.processEvents()
        out[mode] = {
            "frames": len(frames),
            "frame_ms_median": round(statistics.median(frames), 2),
            "frame_ms_p95": _percentile(frames, 0.95),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="store to use or build")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--tagged", type=int, default=2000, help="articles tagged for the frames")
    args = parser.parse_args()
    if args.db is None:
        args.db = Path(tempfile.gettempdir()) / f"timeline-bench-{args.events}.db"
    if not args.db.exists():
        build_store(args.db, args.events)
        argv = [sys.executable, *sys.argv, "--db", str(args.db)]
        raise SystemExit(subprocess.run(argv, check=False).returncode)
    print(json.dumps(run(args), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
