"""Benchmark the timeline view: first frame, frame times over zoom and pan, peak memory."""

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


def build_store(path: Path, n_events: int, seed: int = 7) -> None:
    """A store of about n_events events over 40 years: half publications, half mentions.

    One article per publication; each article mentions one date, a fifth of them a
    range (years or months).  Inserted with executemany in large transactions.
    """
    from timeline.model import to_axis
    from timeline.store.store import Store

    rng = random.Random(seed)
    t0 = to_axis(datetime(1985, 1, 1))
    t1 = to_axis(datetime(2025, 1, 1))
    n_articles = max(1, n_events // 2)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with Store(path) as store:
        conn = store.db.conn
        batch = 50_000
        for first in range(0, n_articles, batch):
            articles = []
            events = []
            for aid in range(first + 1, min(first + batch, n_articles) + 1):
                published = rng.randrange(t0, t1)
                title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12)))
                articles.append((aid, f"uid{aid}", title, title, now, published))
                events.append((aid, "published", published, None, "minute", "", title))
                if rng.random() < 0.2:
                    year = rng.randint(1950, 2023)
                    length = rng.randint(1, 4)
                    start = to_axis(datetime(year, 1, 1))
                    end = to_axis(datetime(year + length, 1, 1))
                    value = f"{year}/{year + length - 1}"
                    events.append((aid, "mentioned", start, end, "year", value, value))
                else:
                    when = rng.randrange(t0, t1) // 86400 * 86400
                    events.append((aid, "mentioned", when, None, "day", "", "اليوم"))
            conn.execute("BEGIN")
            conn.executemany(
                "INSERT INTO articles (id, uid, title, body, imported_at, published_start)"
                " VALUES (?,?,?,?,?,?)",
                articles,
            )
            conn.executemany(
                'INSERT INTO events (article_id, kind, start, "end", granularity, value, label)'
                " VALUES (?,?,?,?,?,?,?)",
                events,
            )
            conn.execute("COMMIT")


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


def run(args: argparse.Namespace) -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication, QMainWindow

    from timeline.store.store import Store
    from timeline.store.timeline_data import event_labels, load_event_arrays
    from timeline.ui.timeline_view import TimelineView

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
    t_load = time.perf_counter()
    arrays = load_event_arrays(store)
    load_s = time.perf_counter() - t_load

    window = QMainWindow()
    view = TimelineView()
    view.set_data(arrays, lambda ids: event_labels(store, ids))
    window.setCentralWidget(view)
    window.resize(1600, 900)
    window.show()
    view.repaint()
    first_frame_s = _process_age()
    app.processEvents()

    frames: list[float] = []
    idle: list[float] = []
    modes: dict[str, int] = {}
    by_span: dict[str, list[float]] = {}
    for action, amount, x in _zoom_script(view):
        if action == "fit":
            view.fit_all()
        elif action == "pan":
            view.pan_by(amount)
        else:
            view.zoom_by(amount, x)
        t = time.perf_counter()
        app.processEvents()  # label fetches and layout scheduled by the last frame
        idle.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        view.repaint()
        ms = (time.perf_counter() - t) * 1000
        frames.append(ms)
        modes[view.drawing_mode()] = modes.get(view.drawing_mode(), 0) + 1
        bucket = _span_bucket(view.viewport().span)
        by_span.setdefault(bucket, []).append(ms)
    frames.sort()
    result: dict[str, object] = {
        "events": len(arrays),
        "first_frame_s": round(first_frame_s, 3),
        "load_s": round(load_s, 3),
        "frames": len(frames),
        "frames_by_mode": modes,
        "frame_ms_median": round(statistics.median(frames), 2),
        "frame_ms_p95": round(frames[int(0.95 * (len(frames) - 1))], 2),
        "frame_ms_max": round(frames[-1], 2),
        "idle_ms_p95": round(sorted(idle)[int(0.95 * (len(idle) - 1))], 2),
        "idle_ms_max": round(max(idle), 2),
        "p95_by_span": {
            k: round(sorted(v)[int(0.95 * (len(v) - 1))], 2) for k, v in by_span.items()
        },
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "machine": _machine(),
    }
    window.close()
    store.close()
    return result


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
    args = parser.parse_args()
    if args.db is None:
        args.db = Path(tempfile.gettempdir()) / f"timeline-bench-{args.events}.db"
    if not args.db.exists():
        build_store(args.db, args.events)
        # Run again in a new process so that first_frame_s starts on a ready store.
        argv = [sys.executable, *sys.argv, "--db", str(args.db)]
        raise SystemExit(subprocess.run(argv, check=False).returncode)
    print(json.dumps(run(args), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
