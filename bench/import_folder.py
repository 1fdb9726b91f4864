"""Benchmark importing a folder of one-article files, as a scraper or a newsroom keeps
them: the first N SaudiNewsNet records written as plain-text files (title, date line,
body) and as web pages (the corpus's text in a page with OpenGraph tags and an
<article> element), each folder imported into a new store with one process and with
two (the workers then read the files a few ahead of the writer).

    .venv/bin/python bench/import_folder.py [--files 5000] [--kinds txt,html] [--processes 1,2]
        [--again]

Prints one line a run: files/s by the wall clock, CPU of this process (the writer) and
of its children (the workers), peak RSS of each, articles added; with --again, a second
line a run for the same folder imported again into its store (every article held).  The files are written
to a temporary folder (never into the project); the corpus is read where it lies.
"""

from __future__ import annotations

import argparse
import gzip
import html
import itertools
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from timeline import library  # noqa: E402
from timeline.store import Store  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "saudinewsnet" / "full.jsonl.gz"


def _page(record: dict[str, str]) -> str:
    title, body, date = (
        html.escape(record.get(k) or "") for k in ("title", "body", "published_raw")
    )
    paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n") if line.strip())
    return (
        f'<html lang="ar"><head><title>{title}</title>'
        f'<meta property="og:title" content="{title}">'
        f'<meta property="article:published_time" content="{date}"></head><body>'
        f"<nav>الرئيسية | أخبار</nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )


def write_folders(root: Path, files: int) -> dict[str, Path]:
    """The first `files` records as one-article .txt files and .html pages."""
    folders = {kind: root / kind for kind in ("txt", "html")}
    for folder in folders.values():
        folder.mkdir()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(itertools.islice(lines, files)):
            record = json.loads(line)
            text = f"{record['title']}\n{record['published_raw']}\n\n{record['body']}\n"
            (folders["txt"] / f"{n:06}.txt").write_text(text, encoding="utf-8")
            (folders["html"] / f"{n:06}.html").write_text(_page(record), encoding="utf-8")
    return folders


def run(folder: Path, processes: int, db: Path, again: bool = False) -> dict[str, object]:
    before, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    start = time.perf_counter()
    with Store(db) as store:
        report = library.import_paths(store, [folder], processes=processes)
    wall = time.perf_counter() - start
    after, children_after = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    files = len(report.files)
    return {
        "folder": folder.name,
        "processes": processes,
        "again": again,
        "files": files,
        "added": report.added,
        "duplicates": report.duplicates,
        "seconds": round(wall, 2),
        "files_per_s": round(files / wall),
        "writer_cpu_s": round(
            after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2
        ),
        "workers_cpu_s": round(
            children_after.ru_utime
            + children_after.ru_stime
            - children.ru_utime
            - children.ru_stime,
            2,
        ),
        "writer_peak_rss_mb": round(after.ru_maxrss / 1024),
        "workers_peak_rss_mb": round(children_after.ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--kinds", default="txt,html")
    parser.add_argument("--processes", default="1,2")
    parser.add_argument("--again", action="store_true", help="import each folder twice")
    args = parser.parse_args()
    print(
        f"# {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs,"
        f" load {os.getloadavg()[0]:.2f}; {args.files:,} one-article files a folder"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folders = write_folders(Path(tmp), args.files)
        for kind in args.kinds.split(","):
            for processes in (int(p) for p in args.processes.split(",")):
                db = Path(tmp) / f"{kind}-{processes}.db"
                print(json.dumps(run(folders[kind], processes, db)), flush=True)
                if args.again:
                    print(json.dumps(run(folders[kind], processes, db, again=True)), flush=True)
    print(f"# load after {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
