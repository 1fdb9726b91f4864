"""Import speed: SaudiNewsNet (JSON Lines, gzip) into a new store, with 1 and 2 processes,
with and without copy detection, and what each stage of an import costs per article.

    .venv/bin/python bench/import_speed.py [--articles N] [--stages-only] [--no-stages]
        [--processes P] [--runs R]

--articles N imports the first N records of ../shared/corpus/saudinewsnet/full.jsonl.gz
(written to a temporary .jsonl.gz); without it, the whole file (31,030 records).  Each
import runs in a process of its own, so that its peak RSS and CPU are its alone, and
prints one row: articles added per second (wall clock), the writer's CPU seconds, the
workers' CPU seconds (children), CPU milliseconds per article in all, and the peak
RSS of the writer and of the largest worker.  On a shared machine the wall clock
depends on the load; the CPU figures are the steadier ones.

--processes P runs only the imports with P processes (with and without copy
detection); --runs R runs each R times, with and without copy detection back to back
and the order turned round every other round (with, without; without, with; ...: a
machine whose load drifts weighs on both alike), and prints the median of each figure
and what copy detection costs: the median wall time with over the median without, less
1 (the issue's target: at most 15%), the same of the CPU, and the CPU milliseconds an
article it adds to the writer and to the workers; with the load average before and
after.

The stages (one process, the first 3,000 records): reading and parsing the file,
the dedup key, the publication date, the mentions, the search index text, the copy
signature, and what is left for the writer (its SQL, the index's tokenizer, copy
judging) as the whole one-process import less the stages before it.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus" / "saudinewsnet" / "full.jsonl.gz"


def one_import(source: Path, processes: int, copies: bool) -> dict[str, float]:
    """Import source into a new store in this process; the figures of the run."""
    from timeline import library
    from timeline.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        before, wall = os.times(), time.perf_counter()
        report = library.import_paths(store, [source], processes=processes, copies=copies)
        wall = time.perf_counter() - wall
        after = os.times()
    writer = after.user + after.system - before.user - before.system
    workers = (
        after.children_user + after.children_system - before.children_user - before.children_system
    )
    added = report.added
    return {
        "processes": processes,
        "copies": copies,
        "added": added,
        "wall_s": round(wall, 1),
        "articles_per_s": round(added / wall, 1),
        "writer_cpu_s": round(writer, 1),
        "workers_cpu_s": round(workers, 1),
        "cpu_ms_per_article": round(1000 * (writer + workers) / max(added, 1), 2),
        "writer_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "worker_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
    }


def stages(source: Path, limit: int = 3000) -> dict[str, float]:
    """CPU milliseconds per article of each stage, in one process."""
    from timeline import library
    from timeline.ingest import ArticleFile, Rejected, article_uid
    from timeline.store.schema import search_parts

    def cpu() -> float:
        return time.process_time()

    out: dict[str, float] = {}
    started = cpu()
    with ArticleFile(source) as read:
        drafts = [d for d in itertools.islice(read, limit) if not isinstance(d, Rejected)]
    out["read_parse"] = cpu() - started
    n = len(drafts)
    started = cpu()
    for d in drafts:
        article_uid(d)
    out["dedup_key"] = cpu() - started
    started = cpu()
    published = [library.publication_date(d) for d in drafts]
    out["publication_date"] = cpu() - started
    started = cpu()
    for d, p in zip(drafts, published, strict=True):
        library.mention_events(0, d.body, p)
    out["mentions"] = cpu() - started
    started = cpu()
    for d in drafts:
        search_parts(d.title, d.body)
    out["index_text"] = cpu() - started
    started = cpu()
    for first in range(0, n, 32):  # as a worker signs its batch of 32 records
        library.sign_texts([(d.title, d.body) for d in drafts[first : first + 32]])
    out["copy_signature"] = cpu() - started
    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / "part.jsonl"
        with gzip.open(source, "rt", encoding="utf-8") as f:
            part.write_text("".join(itertools.islice(f, limit)), encoding="utf-8")
        whole = one_import(part, 1, True)
    total = whole["writer_cpu_s"]
    out["writer_rest"] = total - sum(out.values())
    result = {f"{k}_ms": round(1000 * v / n, 3) for k, v in out.items()}
    result["articles"] = n
    result["one_process_total_ms"] = round(1000 * total / n, 3)
    return result


def _run_one(source: Path, processes: int, copies: bool) -> dict[str, float]:
    """one_import() in a process of its own."""
    run = subprocess.run(
        [sys.executable, __file__, "--one", str(source), str(processes), str(int(copies))],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, float] = json.loads(run.stdout)
    return figures


def _print_medians(runs: dict[tuple[int, bool], list[dict[str, float]]]) -> None:
    """The median of each figure of each kind of run, and what copy detection costs."""
    medians = {}
    for (processes, copies), figures in runs.items():
        median = {
            key: statistics.median(f[key] for f in figures)
            for key in figures[0]
            if key not in ("processes", "copies")
        }
        medians[processes, copies] = median
        print(
            json.dumps(
                {"median_of": len(figures), "processes": processes, "copies": copies, **median}
            ),
            flush=True,
        )
    for processes in sorted({p for p, _c in medians}):
        on, off = medians.get((processes, True)), medians.get((processes, False))
        if on and off:
            cost = on["wall_s"] / off["wall_s"] - 1
            cpu = on["cpu_ms_per_article"] / off["cpu_ms_per_article"] - 1
            added = {kind: m["added"] for kind, m in (("on", on), ("off", off))}
            writer = 1000 * (on["writer_cpu_s"] - off["writer_cpu_s"]) / added["on"]
            workers = 1000 * (on["workers_cpu_s"] - off["workers_cpu_s"]) / added["on"]
            print(
                json.dumps(
                    {
                        "processes": processes,
                        "copy_detection_cost_wall_pct": round(100 * cost, 1),
                        "copy_detection_cost_cpu_pct": round(100 * cpu, 1),
                        "copy_detection_writer_cpu_ms_per_article": round(writer, 3),
                        "copy_detection_workers_cpu_ms_per_article": round(workers, 3),
                        "target_pct": 15,
                        "met": cost <= 0.15,
                    }
                ),
                flush=True,
            )


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--stages-only", action="store_true")
    parser.add_argument("--no-stages", action="store_true")
    parser.add_argument("--processes", type=int, default=None)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--one", nargs=3, metavar=("SOURCE", "PROCESSES", "COPIES"))
    args = parser.parse_args()
    if args.one:
        source, processes, copies = args.one
        print(json.dumps(one_import(Path(source), int(processes), copies == "1")))
        return
    with tempfile.TemporaryDirectory() as tmp:
        source = CORPUS
        if args.articles:
            source = Path(tmp) / "part.jsonl.gz"
            with gzip.open(CORPUS, "rb") as f, gzip.open(source, "wb") as out:
                out.writelines(itertools.islice(f, args.articles))
        if not args.no_stages:
            print(json.dumps({"stages_cpu_ms_per_article": stages(source)}), flush=True)
        if args.stages_only:
            return
        kinds = ((1, True), (2, True), (2, False), (1, False))
        if args.processes is not None:
            kinds = ((args.processes, True), (args.processes, False))
        runs: dict[tuple[int, bool], list[dict[str, float]]] = {kind: [] for kind in kinds}
        print(json.dumps({"load_before": _load()}), flush=True)
        for round_ in range(args.runs):
            for processes, copies in kinds if round_ % 2 == 0 else kinds[::-1]:
                figures = _run_one(source, processes, copies)
                runs[processes, copies].append(figures)
                print(json.dumps(figures), flush=True)
        print(json.dumps({"load_after": _load()}), flush=True)
        if args.runs > 1:
            _print_medians(runs)
    print(
        json.dumps({"target_articles_per_s": 2000, "cores": os.cpu_count()}),
        flush=True,
    )


if __name__ == "__main__":
    main()
