"""Benchmark the timeline view: first frame, frame times over zoom and pan, peak memory.

    .venv/bin/python bench/view.py --events 1000000 [--platform offscreen|xcb]
        [--highlight 0.25] [--collapse] [--profile STATS]
    .venv/bin/python bench/view.py --events 10000000 --grow-from STORE --db BIG.db

The events load as the window loads them: the events loader on its thread sends the
store's events per day first (the view draws them as a density band: first_frame_s),
then the events (events_shown_s, load_s); gui_stall_ms_max is the longest the GUI
thread was kept from a 10 ms timer meanwhile.  --grow-from builds a big store from a
smaller one's events (see grow_store).

--collapse draws each story once (View > Show each story once) from the store's
clusters of copies (stories); a store without any draws every event as before.

Under xcb it uses $DISPLAY, or starts a private Xvfb when none is set.
"""

from __future__ import annotations

import time

_T_SCRIPT = time.perf_counter()  # before the heavy imports: first_frame_s counts them

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

WORDS = [
    "قمة",
    "عربية",
    "في",
    "بغداد",
    "لبحث",
    "الأزمة",
    "الاقتصادية",
    "وزير",
    "الخارجية",
    "يلتقي",
    "نظيره",
    "مجلس",
    "النواب",
    "يقر",
    "الموازنة",
    "العامة",
    "انتخابات",
    "بلدية",
    "جديدة",
    "ارتفاع",
    "أسعار",
    "النفط",
    "العالمية",
    "الأمم",
    "المتحدة",
    "تدعو",
    "إلى",
    "وقف",
    "إطلاق",
    "النار",
    "مؤتمر",
    "صحفي",
    "للرئيس",
    "زيارة",
    "رسمية",
    "إلى",
    "القاهرة",
    "افتتاح",
    "معرض",
    "الكتاب",
    "الدولي",
    "منتخب",
    "كرة",
    "القدم",
    "يفوز",
    "على",
    "نظيره",
]


def _process_age() -> float:
    """Seconds since this process started (from /proc), or since the script began."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _T_SCRIPT


CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def title_lengths() -> list[int]:
    """Title lengths of the real corpus sample (lengths only, never its text)."""
    sample = CORPUS / "saudinewsnet" / "sample.jsonl"
    if sample.exists():
        with sample.open(encoding="utf-8") as f:
            lengths = [len(json.loads(line)["title"]) for line in f if line.strip()]
        if lengths:
            return lengths
    return [20, 30, 38, 44, 48, 52, 56, 62, 70, 90]  # the sample's deciles


def _words(rng: random.Random, length: int) -> str:
    out: list[str] = []
    size = -1
    while size < length:
        word = rng.choice(WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)


def build_store(
    path: Path,
    n_events: int,
    seed: int = 7,
    n_articles: int | None = None,
    body_chars: int = 600,
) -> None:
    """A store shaped like real imports, with about n_events events over 40 years.

    About 4.3 events an article (its publication and 3.3 mentions on average), titles
    as long as the corpus's, publications bunched around news days (a third of them in
    bursts of a few days), and mentions as the date rules find them: mostly the day
    itself or the day before, then months and years near it, older years, intervals of
    years, and a few decades-long spans.  Each mention has a span in the body, so the
    view reads its context as it would on a real store.

    n_articles gives the articles' number instead (issue 11's five million articles and
    ten million events: 2 events an article, the mentions' mean scaled to fit), and
    body_chars their bodies' length (shorter bodies keep such a store a few gigabytes).
    """
    from timeline.model import from_axis, to_axis
    from timeline.store.store import Store

    rng = random.Random(seed)
    lengths = title_lengths()
    t0 = to_axis(datetime(1985, 1, 1))
    t1 = to_axis(datetime(2025, 1, 1))
    days = (t1 - t0) // 86400
    news_days = [rng.randrange(days) for _ in range(max(20, days // 60))]
    mean_mentions = 3.3
    if n_articles is None:
        n_articles = max(1, round(n_events / (1 + mean_mentions)))
    else:
        mean_mentions = max(n_events / n_articles - 1.0, 0.0)
    span_room = max(body_chars - 40, 1)
    now = datetime.now(UTC).isoformat(timespec="seconds")

    def published_at() -> int:
        if rng.random() < 1 / 3:  # a burst: within a few days of a news day
            day = rng.choice(news_days) + int(rng.expovariate(0.7)) * rng.choice((1, -1))
        else:
            day = rng.randrange(days)
        return t0 + min(max(day, 0), days - 1) * 86400 + rng.randrange(6 * 3600, 23 * 3600)

    def mention(published: int) -> tuple[int, int | None, str, str]:
        r = rng.random()
        day = published // 86400 * 86400
        year = from_axis(day).year
        if r < 0.55:
            return day - rng.choice((0, 0, 86400, 2 * 86400)), None, "day", "اليوم"
        if r < 0.70:
            start = to_axis(datetime(year, rng.randint(1, 12), 1))
            return start, start + 30 * 86400, "month", "الشهر الماضي"
        if r < 0.85:
            y = rng.randint(max(1900, year - 60), year)
            return to_axis(datetime(y, 1, 1)), to_axis(datetime(y + 1, 1, 1)), "year", f"عام {y}"
        if r < 0.97:
            y = rng.randint(max(1900, year - 60), year - 1)
            length = rng.randint(2, 10)
            return (
                to_axis(datetime(y, 1, 1)),
                to_axis(datetime(y + length, 1, 1)),
                "interval",
                f"{y}-{y + length - 1}",
            )
        y = rng.randint(1900, 1990) // 10 * 10
        return to_axis(datetime(y, 1, 1)), to_axis(datetime(y + 50, 1, 1)), "interval", "عقود"

    with Store(path) as store:
        conn = store.db.conn
        batch = 20_000
        for first in range(0, n_articles, batch):
            articles = []
            events = []
            for aid in range(first + 1, min(first + batch, n_articles) + 1):
                published = published_at()
                title = _words(rng, rng.choice(lengths))
                body = _words(rng, body_chars)
                articles.append((aid, f"uid{aid}", title, body, now, published))
                events.append((aid, "published", published, None, "minute", "", title, None, None))
                mentions = int(rng.expovariate(1 / mean_mentions) + 0.5) if mean_mentions else 0
                for _ in range(min(mentions, 20)):
                    start, end, granularity, phrase = mention(published)
                    at = rng.randrange(0, span_room)
                    span = (at, at + len(phrase))
                    events.append((aid, "mentioned", start, end, granularity, "", phrase, *span))
            conn.execute("BEGIN")
            conn.executemany(
                "INSERT INTO articles (id, uid, title, body, imported_at, published_start)"
                " VALUES (?,?,?,?,?,?)",
                articles,
            )
            conn.executemany(
                'INSERT INTO events (article_id, kind, start, "end", granularity, value, label,'
                " span_start, span_end) VALUES (?,?,?,?,?,?,?,?,?)",
                events,
            )
            # Built as an import builds them, with their events: not articles another
            # program added (schema v19's note), which the window would read again.
            conn.execute("DELETE FROM articles_changed")
            conn.execute("COMMIT")


def add_shape_arguments(parser: argparse.ArgumentParser) -> None:
    """build_store's --articles and --body-chars, for the benches that build its store."""
    parser.add_argument(
        "--articles",
        type=int,
        default=None,
        help="build the store with this many articles (default: events / 4.3)",
    )
    parser.add_argument(
        "--body-chars", type=int, default=600, help="each built article's body length"
    )


def grow_store(path: Path, base: Path, n_events: int) -> None:
    """A copy of the store at base with its events copied until there are n_events.

    Each copy of an event belongs to the same article and is moved by up to 15 days
    either way (ends with it), so the shape of the base stays: building 10M events
    article by article took hours on two cores, this takes minutes.  The articles are
    the base's; the timeline's read path reads events only.
    """
    import shutil
    import sqlite3

    shutil.copyfile(base, path)
    conn = sqlite3.connect(path, isolation_level=None)
    have = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    top = conn.execute("SELECT max(id) FROM events").fetchone()[0]
    index = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events_timeline'").fetchone()
    conn.execute("DROP INDEX IF EXISTS events_timeline")
    conn.execute("BEGIN")
    copy = 1
    while have < n_events:
        shift = f"((id * 7919 + {copy} * 104729) % 2592000 - 1296000)"
        conn.execute(
            'INSERT INTO events (article_id, kind, start, "end", granularity, value, label,'
            f" span_start, span_end) SELECT article_id, kind, start + {shift},"
            f' "end" + {shift}, granularity, value, label, span_start, span_end'
            " FROM events WHERE id <= ? LIMIT ?",
            (top, n_events - have),
        )
        have = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        copy += 1
    conn.execute("COMMIT")
    if index is not None:
        conn.execute(index[0])
    conn.close()


def _machine() -> dict[str, object]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": model or platform.processor(),
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", ""),
        "python": platform.python_version(),
    }


def _zoom_script(view: object) -> list[tuple[str, float, float]]:
    """(action, amount, x) steps: fit all, zoom from 40 years to an hour and back, pans."""
    steps: list[tuple[str, float, float]] = [("fit", 0, 0)]
    for _ in range(8):
        steps.append(("pan", 120, 0))
    for _ in range(8):
        steps.append(("pan", -120, 0))
    # 40 years / 1 hour = 350,000 = 1.25 ** 57: zoom in 60 wheel steps about moving points.
    for i in range(60):
        steps.append(("zoom", 1.25, 400 + (i % 7) * 100))
        if i % 6 == 5:
            for _ in range(4):
                steps.append(("pan", 90, 0))
    for _ in range(20):
        steps.append(("pan", -200, 0))
    for i in range(60):
        steps.append(("zoom", 0.8, 800 + (i % 5) * 60))
        if i % 10 == 9:
            for _ in range(4):
                steps.append(("pan", -90, 0))
    return steps


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[int(q * (len(ordered) - 1))], 2) if ordered else 0.0


def run(args: argparse.Namespace) -> dict[str, object]:
    """Open the view on the store and time every paint that follows an input.

    Each step changes the viewport and then calls repaint(): that paint builds the
    frame for the new viewport and draws it (nothing of it is cached yet).  Then the
    event loop runs: label fetches and layout scheduled by that paint, and the paint
    that shows the new labels, timed together as settle_ms.  The first frame is
    stamped when a paint has drawn events, counted from the start of the process.
    """
    os.environ["QT_QPA_PLATFORM"] = args.platform
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow

    from timeline.store.store import Store
    from timeline.store.timeline_data import EventArrays, event_labels
    from timeline.ui.timeline_view import TimelineView
    from timeline.ui.workers import EventsLoader, release_ended, start_in_thread

    app = QApplication.instance() or QApplication(sys.argv[:1])
    fonts = Path(__file__).resolve().parent.parent / "resources" / "fonts"
    for ttf in sorted(fonts.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(ttf))
    font = QFont()
    font.setFamilies(["Noto Sans", "Noto Sans Arabic"])
    font.setPointSizeF(10.5)
    app.setFont(font)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)

    store = Store(args.db)
    window = QMainWindow()
    view = TimelineView()
    window.setCentralWidget(view)
    window.resize(args.width, args.height)
    window.show()
    QTest.qWaitForWindowExposed(window)

    # The GUI thread's longest wait between ticks of a 10 ms timer while the events load:
    # how long the window could not answer (a tick comes late by what blocked it).
    hits: list[int] = []
    hit_ids = None
    if args.highlight:  # drawn before the load: the search's answer, not the view's work
        articles = store.db.conn.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
        rng = random.Random(11)
        hits = rng.sample(range(1, articles + 1), int(articles * args.highlight))
        # An array of ids, as the window hands a search's hits over (its search path
        # works in arrays); a list would time Python's conversion of each int.
        import numpy as np

        hit_ids = np.array(hits, dtype=np.int64)
    stall = _StallMeter()
    stamps: dict[str, float] = {}
    loaded: list[object] = []
    waiting = QEventLoop()

    def summarized(summary: object) -> None:
        view.set_summary(summary)
        view.repaint()  # pixels with data: the density band from the events per day
        if "first_frame_s" not in stamps and view.drawing_mode() != "empty":
            stamps["first_frame_s"] = _process_age()
            stamps["summary_s"] = time.perf_counter() - t_load

    def finished(result: object) -> None:
        stamps["load_s"] = time.perf_counter() - t_load
        t_slot = time.perf_counter()
        shown = result.stories.arrays if result.stories is not None else result.arrays
        view.set_data(shown, lambda ids: event_labels(store, ids))
        if hit_ids is not None:
            t_hl = time.perf_counter()
            view.set_highlight(hit_ids)  # as the window does with a search's hits
            stamps["set_highlight_ms"] = (time.perf_counter() - t_hl) * 1000
        view.repaint()  # the events themselves
        stamps.setdefault("first_frame_s", _process_age())
        stamps["events_shown_s"] = _process_age()
        stamps["events_slot_ms"] = (time.perf_counter() - t_slot) * 1000
        loaded.append(shown)
        waiting.quit()

    def failed(message: str) -> None:
        loaded.append(message)
        waiting.quit()

    from PySide6.QtCore import QObject

    class Receiver(QObject):
        """Runs the loader's answers on the GUI thread (a plain function would run on the
        loader's thread, as PySide calls a receiver that is no QObject directly)."""

        def summarized(self, summary: object) -> None:
            summarized(summary)

        def finished(self, result: object) -> None:
            finished(result)

        def failed(self, message: str) -> None:
            failed(message)

    receiver = Receiver()
    # The timeline alone: the events as stored, without the window's overlay of edits.
    loader = EventsLoader(Path(args.db), collapse=args.collapse, overlay=False)
    loader.summarized.connect(receiver.summarized)
    loader.finished.connect(receiver.finished)
    loader.failed.connect(receiver.failed)
    window_shown_s = _process_age()
    t_load = time.perf_counter()
    stall.start()
    thread = start_in_thread(loader, window, ended=lambda: None)
    if not loaded:
        waiting.exec()
    stall.stop()
    release_ended(thread)
    if not isinstance(loaded[0], EventArrays):
        raise SystemExit(f"the events did not load: {loaded[0]}")
    arrays = loaded[0]
    load_rss_mb = _rss_mb()
    first_frame_s = stamps["first_frame_s"]
    t = time.perf_counter()
    for _ in range(50):  # until the labels it asked for are drawn
        app.processEvents()
        if not view._fill_scheduled:
            break
    first_labels_s = stamps["events_shown_s"] + time.perf_counter() - t

    frames: list[float] = []
    frames_cpu: list[float] = []
    settle: list[float] = []
    modes: dict[str, int] = {}
    by_span: dict[str, list[float]] = {}
    by_span_cpu: dict[str, list[float]] = {}
    # One profile per span of the view (--profile STATS writes STATS.decades, ...).
    profilers: dict[str, object] = {}
    for action, amount, x in _zoom_script(view):
        if action == "fit":
            view.fit_all()
        elif action == "pan":
            view.pan_by(amount)
        else:
            view.zoom_by(amount, x)
        span = _span_bucket(view.viewport().span)
        profiler = None
        if args.profile:  # the timed paint only, not the label filling after it
            import cProfile

            profiler = profilers.setdefault(span, cProfile.Profile())
            profiler.enable()  # type: ignore[attr-defined]
        t, cpu = time.perf_counter(), time.thread_time()
        view.repaint()
        ms = (time.perf_counter() - t) * 1000
        cpu_ms = (time.thread_time() - cpu) * 1000
        if profiler is not None:
            profiler.disable()  # type: ignore[attr-defined]
        t = time.perf_counter()
        app.processEvents()  # labels this frame asked for, and the paint that shows them
        settle.append((time.perf_counter() - t) * 1000)
        frames.append(ms)
        frames_cpu.append(cpu_ms)
        modes[view.drawing_mode()] = modes.get(view.drawing_mode(), 0) + 1
        by_span.setdefault(span, []).append(ms)
        by_span_cpu.setdefault(span, []).append(cpu_ms)
    for span, profiler in profilers.items():
        profiler.dump_stats(f"{args.profile}.{span}")  # type: ignore[attr-defined]
    result: dict[str, object] = {
        "events": len(arrays),
        "platform": args.platform,
        "highlight": args.highlight,
        "collapse": args.collapse,
        "size": f"{args.width}x{args.height}",
        "first_frame_s": round(first_frame_s, 3),
        "first_labels_s": round(first_labels_s, 3),
        "window_shown_s": round(window_shown_s, 3),
        "summary_s": round(stamps.get("summary_s", 0.0), 3),
        "load_s": round(stamps["load_s"], 3),
        "events_shown_s": round(stamps["events_shown_s"], 3),
        "gui_stall_ms_max": round(stall.longest_ms, 1),
        # Of which the GUI thread's own work: showing the events once they came.
        "events_slot_ms": round(stamps["events_slot_ms"], 1),
        "set_highlight_ms": round(stamps.get("set_highlight_ms", 0.0), 1),
        "rss_after_load_mb": load_rss_mb,
        "frames": len(frames),
        "frames_by_mode": modes,
        "frame_ms_median": round(statistics.median(frames), 2),
        "frame_ms_p95": _percentile(frames, 0.95),
        "frame_ms_max": round(max(frames), 2),
        "settle_ms_median": round(statistics.median(settle), 2),
        "settle_ms_p95": _percentile(settle, 0.95),
        "settle_ms_max": round(max(settle), 2),
        "p95_by_span": {k: _percentile(v, 0.95) for k, v in by_span.items()},
        # The main thread's CPU time a frame: what the paint costs, whatever the load
        # (the wall clock above also counts the time other processes held the cores).
        "frame_cpu_ms_median": round(statistics.median(frames_cpu), 2),
        "frame_cpu_ms_p95": _percentile(frames_cpu, 0.95),
        "cpu_p95_by_span": {k: _percentile(v, 0.95) for k, v in by_span_cpu.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "machine": _machine(),
    }
    window.close()
    store.close()
    return result


class _StallMeter:
    """The longest gap between ticks of a 10 ms timer on the GUI thread, less the 10 ms."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest_ms = 0.0
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._tick()
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000 - 10)
        self._last = now


def _rss_mb() -> float:
    """This process's resident memory now, in MB (from /proc; 0 where there is none)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def _start_xvfb() -> subprocess.Popen[bytes]:
    """A private X server on a free display (Xvfb picks it and reports it on a pipe)."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = pipe.readline().strip()
    if not display:
        server.kill()
        raise SystemExit("Xvfb did not start")
    os.environ["DISPLAY"] = f":{display}"
    return server


def _span_bucket(span: float) -> str:
    for limit, name in (
        (6 * 3600, "hours"),
        (10 * 86400, "days"),
        (400 * 86400, "months"),
        (12 * 365 * 86400, "years"),
    ):
        if span <= limit:
            return name
    return "decades"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="store to use or build")
    parser.add_argument(
        "--platform",
        choices=("offscreen", "xcb"),
        default="offscreen",
        help="Qt platform; xcb uses $DISPLAY, or starts its own Xvfb when it is unset",
    )
    parser.add_argument(
        "--highlight",
        type=float,
        default=0.0,
        help="mark this share of the articles as search hits (0.25: a quarter)",
    )
    parser.add_argument(
        "--collapse", action="store_true", help="draw each story once (clusters of copies)"
    )
    parser.add_argument(
        "--profile",
        type=Path,
        default=None,
        help="write cProfile stats of the timed paints to STATS.<span> (decades ... hours)",
    )
    parser.add_argument(
        "--grow-from",
        type=Path,
        default=None,
        help="build the store by copying this store's events to --events (minutes, not hours)",
    )
    add_shape_arguments(parser)
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    if args.db is None:
        args.db = Path(tempfile.gettempdir()) / f"timeline-bench-real-{args.events}.db"
    if not args.db.exists():
        t = time.perf_counter()
        if args.grow_from is not None:
            grow_store(args.db, args.grow_from, args.events)
        else:
            build_store(args.db, args.events, n_articles=args.articles, body_chars=args.body_chars)
        print(f"built {args.db} in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
        # Run again in a new process so that first_frame_s starts on a ready store.
        argv = [sys.executable, *sys.argv, "--db", str(args.db)]
        raise SystemExit(subprocess.run(argv, check=False).returncode)
    server = None
    if args.platform == "xcb" and not os.environ.get("DISPLAY"):
        server = _start_xvfb()
    try:
        print(json.dumps(run(args), ensure_ascii=False), flush=True)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
