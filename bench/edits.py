"""Benchmark an edit on a big store: from the click to the window showing it.

Times, on bench/view.py's store (a million events by default), each kind of edit
as the window makes it: asked of the window's EditController, written on its worker
thread, laid over the touched articles (store.edits.patch_overlay), the list row, the
detail pane and the timeline shown, and the window painted.  Prints one JSON line:
median and worst milliseconds per kind for the write (on the worker) and in all, the
same for two corrections back to back (the second made as soon as the first is on
screen) and for undoing them, the worst of all against the 50 ms target, the full
overlay the window no longer runs after an edit (for comparison), then frame times
over bench/view.py's zoom script coloured by kind, by tag and by source.

Beside each wall-clock figure, `cpu` gives the CPU time the edit took on the GUI thread
and on the writer's thread (time.thread_time): on a busy machine the wall clock waits
for the cores, and the CPU time is the figure to compare from run to run.

The first edit after the window opens (a correction, as a user makes one from the
detail pane once it shows the article) is reported apart as `first_edit`: it is the
one a user feels, and it used to cost several times the others.  --idle gives the
seconds the window is left to itself before it (a user reads the pane and types a
date; 0: at once).  Edits made while the timeline is coloured by tag and by source
are timed too (`coloured`, and their undos), all of them counted in `worst_ms` and
`over_50_ms`, and the resident memory after load, before the first edit,
after the edits and after those made while coloured.

    .venv/bin/python bench/edits.py [--events 1000000] [--db DB] [--repeat 5] [--idle 2]
        [--long-mb 9.5]

`long_published` times, in a process and on a copy of its own (so that the long text
weighs on none of the figures above), the correction of a long article's publication
date (--long-mb megabytes of the corpus's bodies repeated, imported at bench time; 0:
left out): its mentions found again on the writer's thread take seconds, while the
window waits with its event loop running.  From the click to the next frame: the wall
clock, the GUI thread's CPU time, and the longest the GUI thread was blocked (the
longest event-loop pass, the frame's paint included: the 50 ms target); the same for
its undo (`long_undo`).  Needs ../shared/corpus.

The edits are made on a copy of the store in the temporary folder, deleted at the end
(a run cut short leaves nothing in the store given, whose own edits, say articles already
hidden, would make the hides write nothing), and undone there too.  Offscreen by default;
the window's settings go to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from view import _machine, _percentile, _rss_mb, _zoom_script, build_store


def _figures(values: list[float]) -> dict[str, float]:
    return {"median_ms": round(statistics.median(values), 1), "max_ms": round(max(values), 1)}


def _idle(app, seconds: float) -> None:
    """Let the window run its own timers and events for a while, as between clicks."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def run(args: argparse.Namespace) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from timeline import edits
    from timeline.store import edits as user
    from timeline.store.store import Store
    from timeline.ui.app import create_application
    from timeline.ui.main_window import MainWindow

    app, _ = create_application("ar")
    settings = tempfile.mkdtemp(prefix="timeline-bench-settings-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
    store = Store(args.db)
    t = time.perf_counter()
    window = MainWindow(store)
    window.resize(1600, 900)
    window.show()
    window.upper.setSizes([500, 400])  # a timeline of 500 px, as bench/view.py's view
    while window._overlaid is None:
        app.processEvents()
        time.sleep(0.01)
    load_s = time.perf_counter() - t
    app.processEvents()
    if args.long_only:  # (a process of its own: main)
        long_published, long_undo = long_figures(app, window, args.long_article, args.repeat)
        window.close()
        store.close()
        return {"long_published": long_published, "long_undo": long_undo}
    # Past the room's budget the window keeps no loaded arrays (one copy): the shown ones
    # give the events to edit (read before the first edit writes over them).
    one_copy = window._one_copy
    base = window._base_arrays if not one_copy else window._overlaid
    assert base is not None
    mentions = [
        int(i)
        for i, kind in zip(
            base.ids[:: max(1, len(base) // 500)],
            base.kinds[:: max(1, len(base) // 500)],
            strict=True,
        )
        if kind == 1
    ][: 3 * args.repeat]
    article = int(base.article_ids[len(base) // 2])
    events = len(base)
    if one_copy:
        del base  # a view of the columns kept here would make every edit copy them
    kinds = {
        "correct": lambda n: (
            lambda s: edits.correct_mention(
                s, edits.mention_of_event(s, mentions[n % len(mentions)]), "1 يناير 1990"
            )
        ),
        "hide": lambda n: lambda s: edits.set_hidden(s, edits.article_target(s, article + n)),
        "add": lambda n: lambda s: edits.add_event(s, "1990/1991", f"حدث {n}", article)[1],
        "tag": lambda n: lambda s: edits.set_tag(s, edits.article_target(s, article + n), "وسم"),
        "title": lambda n: lambda s: edits.correct_article(s, article + n, "title", f"عنوان {n}"),
        # A publication date: the article's mentions are found again from it.
        "published": lambda n: (
            lambda s: edits.correct_article(
                s, article + 100 + n, "published", f"{n + 1} يناير 1990"
            )
        ),
    }
    controller = window.edits.controller
    figures: dict[str, object] = {
        "events": events,
        "window_open_s": round(load_s, 2),
        "rss_after_load_mb": _rss_mb(),
    }

    cpu_ms: list[float] = []  # each timed edit's CPU time, the GUI thread's and the write's

    def timed_edit(name: str, action, n: int, write_ms: list[float], idle: float = 0.0) -> float:
        """One edit from the click to the window painted, in ms (its write in write_ms,
        the CPU time it took on the GUI thread and on the writer's in cpu_ms)."""
        write_cpu: list[float] = []

        def timed(s, action=action, write_ms=write_ms):
            t, c = time.perf_counter(), time.thread_time()
            changes = action(s)
            write_ms.append((time.perf_counter() - t) * 1000)
            write_cpu.append((time.thread_time() - c) * 1000)
            return changes

        window.select_article(article + n)
        # The article shown in the detail pane (its read on the worker ended), as it
        # is before a user can correct one of its events there: a read still running
        # takes the GIL from the GUI thread's edit in 5 ms slices.
        while window.detail.is_loading() or window.detail._reader_thread is not None:
            app.processEvents()
            time.sleep(0.001)
        for _ in range(3):  # the view settled: its labels laid out, as before a click
            window.timeline.ensure_labels()
            app.processEvents()
        _idle(app, idle)
        if "rss_before_first_edit_mb" not in figures:
            figures["rss_before_first_edit_mb"] = _rss_mb()  # the spare room warmed too
        t0, c0 = time.perf_counter(), time.thread_time()
        controller.run(name, timed)
        # The edit shown, then its frame; what waits for the frame (the pane's read)
        # runs with the next events, as in the window's event loop.
        controller.wait_written(after_frame=False)
        window.repaint()
        cpu_ms.append((time.thread_time() - c0) * 1000 + sum(write_cpu))
        return (time.perf_counter() - t0) * 1000

    for name, edit in kinds.items():
        write_ms: list[float] = []
        total_ms: list[float] = []
        cpu_ms.clear()
        for n in range(args.repeat):
            first = name == "correct" and n == 0
            total_ms.append(timed_edit(name, edit(n), n, write_ms, args.idle if first else 0))
            if first:
                figures["first_edit"] = {
                    "kind": name,
                    "idle_s": args.idle,
                    "write_ms": round(write_ms[0], 1),
                    "total_ms": round(total_ms[0], 1),
                    "cpu_ms": round(cpu_ms[0], 1),
                }
        figures[name] = {
            "write": _figures(write_ms),
            "total": _figures(total_ms),
            "cpu": _figures(cpu_ms),
        }
    # Back to back: a correction made as soon as the one before is on screen (no
    # article selected again, no idle time between), as a user fixing a run of dates.
    first_ms: list[float] = []
    second_ms: list[float] = []
    for n in range(args.repeat):
        write_ms = []
        pair = args.repeat + 2 * n  # mentions not corrected before
        first_ms.append(timed_edit("correct", kinds["correct"](pair), n, write_ms))
        t0 = time.perf_counter()
        controller.run("correct", kinds["correct"](pair + 1))
        controller.wait_written(after_frame=False)
        window.repaint()
        second_ms.append((time.perf_counter() - t0) * 1000)
    figures["back_to_back"] = {"first": _figures(first_ms), "second": _figures(second_ms)}
    from timeline.ui import undo as undo_module

    undone = undo_module._undone
    undo_write_ms: list[float] = []

    def timed_undone(s, changes):
        t = time.perf_counter()
        try:
            return undone(s, changes)
        finally:
            undo_write_ms.append((time.perf_counter() - t) * 1000)

    undo_module._undone = timed_undone  # an undo's write timed, as the edits' are

    def undo_all() -> dict[str, object]:
        """Every edit on the stack undone, one after the other as soon as the one before
        is on screen (as a user holding Ctrl+Z): each one's ms, and its write's."""
        undo_ms: list[float] = []
        undo_write_ms.clear()
        while window.edits.stack.canUndo():
            t0 = time.perf_counter()
            window.edits.stack.undo()
            controller.wait_written(after_frame=False)
            window.repaint()
            undo_ms.append((time.perf_counter() - t0) * 1000)
        return {"total": _figures(undo_ms), "write": _figures(undo_write_ms)}

    figures["undo"] = undo_all()
    figures["rss_after_edits_mb"] = _rss_mb()  # every kind made and undone
    # Edits while the timeline is coloured: the codes of the touched rows only.
    coloured: dict[str, object] = {}
    for mode in ("tag", "source"):
        window.edits.legend.set_mode(mode)
        app.processEvents()
        while window.edits.legend.is_reading():  # the sources, read on a worker
            app.processEvents()
            time.sleep(0.005)
        for name in ("tag", "correct"):
            write_ms = []
            total_ms = [timed_edit(name, kinds[name](n), n, write_ms) for n in range(args.repeat)]
            coloured[f"{mode}/{name}"] = {"total": _figures(total_ms), "write": _figures(write_ms)}
        coloured[f"{mode}/undo"] = undo_all()
    window.edits.legend.set_mode("kind")
    app.processEvents()
    figures["coloured"] = coloured
    # Every edit above against the 50 ms target (the user waits for each one, an undo
    # or one made while coloured as much as any): the worst, and the kinds over it.
    worst = {
        name: figures[name]["total"]["max_ms"]  # type: ignore[index]
        for name in kinds
    }
    worst["first_edit"] = figures["first_edit"]["total_ms"]  # type: ignore[index]
    worst["back_to_back"] = max(max(first_ms), max(second_ms))
    worst["undo"] = figures["undo"]["total"]["max_ms"]  # type: ignore[index]
    for name, figure in coloured.items():
        worst[f"coloured {name}"] = figure["total"]["max_ms"]  # type: ignore[index]
    figures["worst_ms"] = round(max(worst.values()), 1)
    figures["over_50_ms"] = sorted(name for name, ms in worst.items() if ms > 50)
    figures["rss_after_coloured_mb"] = _rss_mb()  # the legend's codes by tag and by source
    figures["one_copy"] = one_copy
    if not one_copy:
        t = time.perf_counter()
        user.overlay_arrays(store, base)
        figures["full_overlay_ms"] = round((time.perf_counter() - t) * 1000, 1)
        del base
    done: list = []
    shown = window._overlaid if one_copy else window._base_arrays
    figures["frames"] = frame_figures(
        app, window.timeline, store, shown, args.tagged, done, laid_over=one_copy
    )
    for changes in reversed(done):
        edits.undo(store, changes)
    window.close()
    store.close()
    figures["machine"] = _machine()
    return figures


def long_figures(app, window, article: int, repeat: int) -> tuple[dict, dict]:
    """A long article's publication date corrected `repeat` times, each undone: from
    the click to the frame, the GUI thread's CPU time and its longest blocked pass."""
    from timeline import edits

    controller = window.edits.controller
    window.select_article(article)

    def pane_settled() -> None:
        """The article shown in full in the pane (its long body is laid in by steps)."""
        detail = window.detail
        while (
            detail.is_loading() or detail._reader_thread is not None or not detail.body_complete()
        ):
            app.processEvents()
            time.sleep(0.001)

    pane_settled()

    def timed(start: Callable[[], object]) -> tuple[float, float, float]:
        """(ms to the frame, GUI CPU ms, longest GUI pass ms) of an edit started by start."""
        t0, c0 = time.perf_counter(), time.thread_time()
        start()
        longest = (time.perf_counter() - t0) * 1000
        while controller.busy:
            t = time.perf_counter()
            app.processEvents()
            longest = max(longest, (time.perf_counter() - t) * 1000)
            time.sleep(0.001)
        t = time.perf_counter()
        window.repaint()
        longest = max(longest, (time.perf_counter() - t) * 1000)
        figures = ((time.perf_counter() - t0) * 1000, (time.thread_time() - c0) * 1000, longest)
        controller.wait_written()  # what waits for the frame (the pane's read), untimed
        pane_settled()
        return figures

    def summary(runs: list[tuple[float, float, float]]) -> dict[str, object]:
        return {
            "total": _figures([r[0] for r in runs]),
            "gui_cpu": _figures([r[1] for r in runs]),
            "longest_gui_pass": _figures([r[2] for r in runs]),
        }

    corrected, undone = [], []
    for n in range(repeat):
        date = f"{n + 1} فبراير 1991"

        def correct(date=date):
            controller.run(
                "published", lambda s: edits.correct_article(s, article, "published", date)
            )

        corrected.append(timed(correct))
        undone.append(timed(window.edits.stack.undo))
    mentions = len(user_rows(window, article))
    return {"mentions": mentions, **summary(corrected)}, summary(undone)


def user_rows(window, article: int):
    """The rows the window shows of an article."""
    from timeline.store import edits as user

    return user.article_rows(window._overlaid, np.array([article]))


def add_long_article(db: Path, megabytes: float) -> int:
    """An article of `megabytes` of the corpus's bodies repeated, imported into db as a
    file of one article is (its mentions found by the program's own rules): its id."""
    from long_article import corpus_paragraphs, long_text

    from timeline.library import import_file
    from timeline.store.store import Store
    from timeline.text.encoding import MAX_ARTICLE_CHARS

    title = "مقال طويل"
    size = min(int(megabytes * 1e6), MAX_ARTICLE_CHARS - len(title))  # the most allowed
    body = long_text(corpus_paragraphs(), size, "\n")[:size]
    with tempfile.TemporaryDirectory(prefix="timeline-bench-long-") as folder:
        path = Path(folder) / "long.jsonl"
        record = {"title": title, "body": body, "source": "bench", "published": "2015-03-05"}
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        store = Store(db)
        try:
            with store.transaction():
                result = import_file(store, path, copies=False)
            assert result.added == 1, result
            (article,) = store.conn.execute("SELECT MAX(id) FROM articles").fetchone()
        finally:
            store.close()
    return int(article)


def frame_figures(
    app, view, store, base, tagged: int, done: list, *, laid_over: bool = False
) -> dict[str, object]:
    """Frame times over bench/view.py's zoom script, by kind, coloured by tag and by source.

    `tagged` articles get one of eight tags first (spread over the store).  laid_over:
    base is the window's arrays with the user's values already laid over (one copy).
    """
    from PySide6.QtGui import QColor

    from timeline import edits
    from timeline.store import edits as user

    articles = sorted(set(base.article_ids[:: max(1, len(base) // tagged)].tolist()))[:tagged]
    for n, article in enumerate(articles):
        done.append(edits.set_tag(store, edits.article_target(store, article), f"tag {n % 8}"))
    shown = base if laid_over else user.overlay_arrays(store, base)  # tags move no row
    from timeline.edits import TAG_COLOURS

    out: dict[str, object] = {"tagged_articles": len(articles)}
    for mode in ("kind", "tag", "source"):
        view.set_data(shown, lambda ids: user.user_event_labels(store, ids))
        t = time.perf_counter()
        if mode == "tag":
            codes, names = user.colour_codes(store, shown, "tag")
            colours = {name: colour for name, colour, _n in user.tags(store)}
            view.set_colouring(codes, [QColor(colours[n]) for n in names])
            out["colour_codes_ms"] = round((time.perf_counter() - t) * 1000, 1)
        elif mode == "source":  # as the legend colours them: a colour per source in turn
            codes, names = user.colour_codes(store, shown, "source")
            palette = [QColor(TAG_COLOURS[i % len(TAG_COLOURS)]) for i in range(len(names))]
            view.set_colouring(codes, palette)
            out["source_codes_ms"] = round((time.perf_counter() - t) * 1000, 1)
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
    parser.add_argument(
        "--idle", type=float, default=2.0, help="seconds left idle before the first edit"
    )
    parser.add_argument(
        "--long-mb", type=float, default=9.5, help="the long article's size (0: left out)"
    )
    parser.add_argument("--long-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.db is None:
        args.db = Path(tempfile.gettempdir()) / f"timeline-bench-{args.events}.db"
    if not args.db.exists():
        build_store(args.db, args.events)
        argv = [sys.executable, *sys.argv, "--db", str(args.db)]
        raise SystemExit(subprocess.run(argv, check=False).returncode)
    source = args.db
    with tempfile.TemporaryDirectory(prefix="timeline-bench-edits-") as folder:
        args.db = _copied(source, Path(folder) / "store.db")
        if args.long_only:
            args.long_article = add_long_article(args.db, args.long_mb)
            print(json.dumps(run(args), ensure_ascii=False), flush=True)
            return
        # The news-sized edits, memory and frames on the store as built; the long
        # article's correction in a process and a copy of its own, so that its 10 MB
        # text weighs on none of those figures (nor their WAL on the first write).
        figures = run(args)
        if args.long_mb:
            asked = ["--long-only", "--long-mb", str(args.long_mb), "--repeat", str(args.repeat)]
            long_run = subprocess.run(
                [sys.executable, __file__, "--db", str(source), *asked],
                check=True,
                capture_output=True,
                text=True,
            )
            figures.update(json.loads(long_run.stdout.strip().splitlines()[-1]))
        print(json.dumps(figures, ensure_ascii=False), flush=True)


def _copied(source: Path, target: Path) -> Path:
    """A copy of the store at source, its write-ahead log included, with no user edits."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        # Edits left in the store given (by a run cut short, or by hand) would change
        # what the bench's own edits do: a hide of an article already hidden writes
        # nothing.
        names = dst.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        for (name,) in names:
            if name.startswith("user_"):
                dst.execute(f'DELETE FROM "{name}"')
        dst.commit()
    finally:
        src.close()
        dst.close()
    return target


if __name__ == "__main__":
    main()
