"""How reading a web page grows with its size, shape by shape: a page of N and of 2N
repeated blocks (paragraphs, boxes, list items, table rows, headlines with summaries,
<article> boxes...) read as `timeline import` reads a page (no store, no dates of the
body), the seconds of each and their ratio (2 when linear, 4 when the work grows with
the square of the blocks).

    .venv/bin/python bench/page_shapes.py [--blocks 10000] [--shapes p,nested,...]

A page of repeated boxes is what an archive, a comment thread or a scraped listing
saved as one file looks like; the importer must read or refuse it in time bounded by
its size.  Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from timeline.ingest import ArticleFile  # noqa: E402

TEXT = "فقرة قصيرة من صفحة طويلة فيها رقم 1"
SHAPES = {
    "p": f"<p>{TEXT}</p>",
    "nested": f"<div><div><p>{TEXT}</p></div></div>",
    "div": f"<div>{TEXT}</div>",
    "li": f'<li><a href="/x">{TEXT}</a></li>',
    "tr": f"<tr><td>1</td><td>{TEXT}</td></tr>",
    "headline": f'<h3><a href="/x">عنوان</a></h3><p>{TEXT}</p>',
    "article": f"<article><p>{TEXT}</p><p>فقرة أخرى</p></article>",
    "br": f"{TEXT}<br>",
    "span": f"<span>{TEXT} </span>",
}
WRAP = {"tr": ("<table>", "</table>"), "br": ("<p>", "</p>")}


def read_seconds(folder: Path, shape: str, blocks: int) -> tuple[float, str]:
    """Seconds to read a page of blocks of a shape, and what came of it."""
    before, after = WRAP.get(shape, ("", ""))
    page = folder / f"{shape}-{blocks}.html"
    page.write_text(
        "<html><head><title>عنوان الصفحة</title></head><body>"
        f"{before}{SHAPES[shape] * blocks}{after}</body></html>",
        encoding="utf-8",
    )
    start = time.perf_counter()
    with ArticleFile(page) as read:
        try:
            items = list(read)
            outcome = f"{len(items)} article" if items else "nothing"
        except Exception as exc:  # a refusal is an outcome to print
            outcome = f"refused: {str(exc)[:60]}"
    return time.perf_counter() - start, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--blocks", type=int, default=10_000)
    parser.add_argument("--shapes", default=",".join(SHAPES))
    args = parser.parse_args()
    print(
        f"# {platform.platform()}, Python {platform.python_version()},"
        f" {os.cpu_count()} CPUs; pages of N = {args.blocks:,} and 2N blocks"
    )
    with tempfile.TemporaryDirectory() as tmp:
        read_seconds(Path(tmp), "p", 10)  # trafilatura and the date rules loaded
        print(f"{'shape':10} {'N (s)':>8} {'2N (s)':>8} {'ratio':>6}  outcome at 2N")
        for shape in args.shapes.split(","):
            once, _ = read_seconds(Path(tmp), shape, args.blocks)
            twice, outcome = read_seconds(Path(tmp), shape, 2 * args.blocks)
            print(f"{shape:10} {once:8.2f} {twice:8.2f} {twice / once:6.1f}  {outcome}")


if __name__ == "__main__":
    main()
