"""Benchmark: the longest the GUI thread is blocked by a very long article.

Builds a temporary store with four long articles made of real bodies from the corpus
(12 MB in paragraphs, 12 MB on one line, 1.2 MB on one line, 1 MB in paragraphs), opens
the window offscreen and, for each, prints the longest gap between ticks of a 5 ms
timer (wall time, and the GUI thread's CPU time in it) while the article is selected
and shown in full, while its body is scrolled (page by page, then to the end, the
middle and the top), and while another article is chosen and then the long one again.
The event loop runs as in the program; the gap is the longest time it could not
answer.  Needs ../shared/corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
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
    """Paragraphs in order, repeated, until `size` characters; a prefix of any longer one."""
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
    """The body's mentions found piece by piece (one call on 12 MB takes far longer)."""
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
    parser.add_argument("--mb", type=float, default=12.0, help="size of the long articles")
    parser.add_argument("--small-mb", type=float, default=1.0, help="the 1 MB one")
    parser.add_argument("--line-mb", type=float, default=1.2, help="the shorter one-line one")
    parser.add_argument("--profile", action="store_true", help="print where the GUI spends")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from dataclasses import replace

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QAbstractSlider, QApplication

    from timeline.ingest import article_uid
    from timeline.model import ArticleDraft
    from timeline.store import Store
    from timeline.ui.app import create_application
    from timeline.ui.application import leave_start_up_out_of_collections
    from timeline.ui.main_window import MainWindow

    paragraphs = corpus_paragraphs()
    mb = int(args.mb * 1e6)
    in_paragraphs = long_text(paragraphs, mb, "\n")
    one_line = long_text(paragraphs, mb, " ")
    # The shorter texts are prefixes of the long ones (and the one-line text has the
    # same offsets as the paragraphs): the mentions are found once, on the longest.
    bodies = {
        f"{args.mb} MB in paragraphs": in_paragraphs,
        f"{args.mb} MB on one line": one_line,
        f"{args.line_mb} MB on one line": one_line[: int(args.line_mb * 1e6)],
        f"{args.small_mb} MB in paragraphs": in_paragraphs[: int(args.small_mb * 1e6)],
    }
    t0 = time.perf_counter()
    mentions = chunked_mentions(0, in_paragraphs)
    print(f"{len(mentions):,} mentions found in {time.perf_counter() - t0:.1f} s", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        ids = {}
        with store.transaction():
            small = ArticleDraft(title="a short article", body="نص قصير.", source="bench")
            other_id, _ = store.add_article(small, article_uid(small), None)
            for name, body in bodies.items():
                draft = ArticleDraft(title=name, body=body, source="bench")
                article_id, _ = store.add_article(draft, article_uid(draft), None)
                events = [
                    replace(e, article_id=article_id)
                    for e in mentions
                    if e.span_end is not None and e.span_end <= len(body)
                ]
                store.replace_mentions(article_id, events)
                print(f"stored {name}: {len(events):,} mentions", flush=True)
                ids[name] = article_id
        # The program holds no mentions of its own: without these the bench's would be
        # visited by every full garbage collection the window's thread makes.
        del mentions, events
        app, _ = create_application("en")
        assert isinstance(app, QApplication)
        window = MainWindow(store)
        window.resize(1280, 800)
        window.show()
        leave_start_up_out_of_collections()  # as the program does once its window is up
        detail = window.detail

        def done() -> bool:
            return not detail.is_loading() and detail.body_complete()

        def run_until(finished: Callable[[], bool], limit: float = 300) -> None:
            """Run the event loop (as the program does) until finished() or `limit` s."""
            loop = QEventLoop()
            poll = QTimer()
            deadline = time.perf_counter() + limit
            poll.timeout.connect(
                lambda: loop.quit() if finished() or time.perf_counter() > deadline else None
            )
            poll.start(10)
            loop.exec()
            poll.stop()

        def settle() -> None:
            """Let the view lay out and paint what it shows."""
            run_until(lambda: False, 0.1)

        def measured(
            action: Callable[[], None], finished: Callable[[], bool]
        ) -> list[tuple[float, float]]:
            """Gaps between ticks of a 5 ms timer from `action` until finished(): wall
            time and the GUI thread's own CPU time (ms), which other processes on a
            loaded machine do not inflate."""
            gaps: list[tuple[float, float]] = []
            clock = QElapsedTimer()
            cpu = [time.thread_time()]

            def tick() -> None:
                now = time.thread_time()
                gaps.append((clock.restart(), (now - cpu[0]) * 1000))
                cpu[0] = now

            timer = QTimer()
            timer.setInterval(5)
            timer.timeout.connect(tick)
            clock.start()
            timer.start()
            action()
            tick()
            run_until(finished)
            settle()
            timer.stop()
            tick()
            return gaps

        def longest(gaps: list[tuple[float, float]]) -> str:
            return f"{max(g[0] for g in gaps):.0f} ms ({max(g[1] for g in gaps):.0f} ms CPU)"

        def scroll_through() -> Callable[[], bool]:
            """Page down 20 times, then jump to the end, the middle and the top."""
            bar = detail.browser.verticalScrollBar()
            steps: list[Callable[[], None]] = [
                *[lambda: bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)] * 20,
                lambda: bar.setValue(bar.maximum()),
                lambda: bar.setValue(bar.maximum() // 2),
                lambda: bar.setValue(0),
            ]
            timer = QTimer(window)
            timer.setInterval(30)

            def step() -> None:
                if steps:
                    steps.pop(0)()
                else:
                    timer.stop()

            timer.timeout.connect(step)
            timer.start()
            return lambda: not steps

        settle()
        run_until(done)
        profile = None
        if args.profile:
            import cProfile

            profile = cProfile.Profile()
            profile.enable()
        for name, article_id in ids.items():
            window.select_article(other_id)
            run_until(done)
            started = time.perf_counter()
            selecting = measured(lambda a=article_id: window.select_article(a), done)
            whole = time.perf_counter() - started
            scrolled: list[Callable[[], bool]] = []
            scrolling = measured(
                lambda s=scrolled: s.append(scroll_through()), lambda s=scrolled: s[0]()
            )
            switching = measured(lambda: window.select_article(other_id), done)
            switching += measured(lambda a=article_id: window.select_article(a), done)
            shown = len(detail.browser.toPlainText())
            print(
                f"{name}: longest GUI block selecting {longest(selecting)} "
                f"(shown in full after {whole:.1f} s, {shown:,} characters), "
                f"scrolling {longest(scrolling)}, "
                f"switching away and back {longest(switching)}",
                flush=True,
            )
        if profile is not None:
            import pstats

            profile.disable()
            pstats.Stats(profile).sort_stats("tottime").print_stats(12)
        window.close()
        store.close()


if __name__ == "__main__":
    main()
