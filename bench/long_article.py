"""Benchmark: the longest the GUI thread is blocked when a very long article is selected.

Builds a temporary store with a 12 MB article (paragraphs of real bodies from the
corpus, repeated) and a 1.2 MB article on a single line, opens the window offscreen,
selects each and prints the longest gap between ticks of a 5 ms timer until the body
is fully shown.  Needs ../shared/corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def corpus_paragraphs() -> list[str]:
    sample = CORPUS / "saudinewsnet" / "sample.jsonl"
    if not sample.exists():
        sys.exit(f"corpus not found at {sample}")
    paragraphs = []
    with sample.open(encoding="utf-8") as lines:
        for line in lines:
            paragraphs.extend(p for p in json.loads(line)["body"].split("\n") if p.strip())
    return paragraphs


def long_text(paragraphs: list[str], size: int, sep: str) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        for p in paragraphs:
            parts.append(p)
            total += len(p) + 1
            if total >= size:
                break
    return sep.join(parts)


def chunked_mentions(article_id: int, body: str, size: int = 50_000) -> list:
    """The body's mentions found piece by piece (labelling them is quadratic in one go)."""
    from dataclasses import replace

    from timeline.library import mention_events

    events = []
    start = 0
    while start < len(body):
        end = min(len(body), start + size)
        cut = body.rfind(" ", start, end) if end < len(body) else end
        end = cut if cut > start else end
        for e in mention_events(article_id, body[start:end], None):
            events.append(
                replace(e, span_start=e.span_start + start, span_end=e.span_end + start)
                if e.span_start is not None and e.span_end is not None
                else e
            )
        start = end
    return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=12.0, help="size of the long article")
    parser.add_argument("--line-mb", type=float, default=1.2, help="size of the one-line one")
    parser.add_argument("--profile", action="store_true", help="print where selecting spends")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from timeline.ingest import article_uid
    from timeline.model import ArticleDraft
    from timeline.store import Store
    from timeline.ui.app import create_application
    from timeline.ui.main_window import MainWindow

    paragraphs = corpus_paragraphs()
    bodies = {
        f"{args.mb} MB in paragraphs": long_text(paragraphs, int(args.mb * 1e6), "\n"),
        f"{args.line_mb} MB on one line": long_text(paragraphs, int(args.line_mb * 1e6), " "),
    }
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        ids = {}
        with store.transaction():
            for name, body in bodies.items():
                draft = ArticleDraft(title=name, body=body, source="bench")
                article_id, _ = store.add_article(draft, article_uid(draft), None)
                t0 = time.perf_counter()
                events = chunked_mentions(article_id, body)
                store.replace_mentions(article_id, events)
                print(
                    f"stored {name}: {len(events):,} mentions found in "
                    f"{time.perf_counter() - t0:.1f} s",
                    flush=True,
                )
                ids[name] = article_id
        app, _ = create_application("en")
        assert isinstance(app, QApplication)
        window = MainWindow(store)
        window.resize(1280, 800)
        window.show()
        for _ in range(50):
            app.processEvents()
            time.sleep(0.01)
        for name, article_id in ids.items():
            # Start from another article: the first row is selected when the window opens.
            window.select_article(next(i for n, i in ids.items() if n != name))
            while not (window.detail.body_complete() and window.detail.events_complete()):
                app.processEvents()
            gaps: list[float] = []
            clock = QElapsedTimer()
            timer = QTimer()
            timer.setInterval(5)

            def tick(clock: QElapsedTimer = clock, gaps: list[float] = gaps) -> None:
                gaps.append(clock.restart())

            timer.timeout.connect(tick)
            clock.start()
            timer.start()
            started = time.perf_counter()
            if args.profile:
                import cProfile
                import pstats

                profile = cProfile.Profile()
                profile.runcall(window.select_article, article_id)
                pstats.Stats(profile).sort_stats("tottime").print_stats(8)
            else:
                window.select_article(article_id)
            gaps.append(clock.restart())
            selecting = gaps[-1]

            def done() -> bool:
                return window.detail.body_complete() and window.detail.events_complete()

            deadline = time.perf_counter() + 120
            while not done() and time.perf_counter() < deadline:
                app.processEvents()
            # Also let the view lay out and paint what it shows.
            for _ in range(20):
                app.processEvents()
                time.sleep(0.005)
            whole = time.perf_counter() - started
            timer.stop()
            shown = len(window.detail.browser.toPlainText())
            print(
                f"{name}: selecting blocked {selecting:.0f} ms, longest GUI block "
                f"{max(gaps):.0f} ms, median gap {sorted(gaps)[len(gaps) // 2]:.0f} ms, "
                f"body complete after {whole:.1f} s, {shown:,} characters shown"
            )
        window.close()
        store.close()


if __name__ == "__main__":
    main()
