"""The PDF image's text-layer rewrite (timeline.export.pdf_text): its cost and what it
changes, on a library of your own (the 200-article sample imported, say).

Exports the whole library as a PDF image at each size asked, as Qt writes it and
rewritten (as `timeline export` writes it), and prints JSON: each way's seconds (the
medians of --repeat exports each way, taken in turn after one of each unmeasured;
`cpu_seconds` the fairer figure on a shared machine) and bytes; the rewrite alone (the
median of --repeat runs on Qt's bytes); and the text pypdf reads each way: its Arabic
letters, presentation forms and tabs, and the glyphs drawn that the fonts' maps give
no text at all (the rewrite cannot give them any).

    .venv/bin/python bench/pdf_text.py --db LIBRARY [--size 1600x600 --size 6000x3000]
        [--repeat 5] [--from 2015-07-21T08:00 --to 2015-07-21T12:00]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import timeline.export.image as image_module
from timeline.export import Selection, export
from timeline.export.pdf_text import searchable
from timeline.model import to_axis
from timeline.store import Store

_SHAPED = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_LETTERS = re.compile("[\u0621-\u064a]")


def _read(data: bytes) -> dict[str, int]:
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(data))
    text = "".join(page.extract_text() for page in reader.pages)
    unmapped = drawn = 0
    for page in reader.pages:
        mapped: dict[str, set[int]] = {}
        for name, ref in page["/Resources"]["/Font"].items():
            cmap = ref.get_object()["/ToUnicode"].get_object().get_data()
            body = cmap.split(b"endcodespacerange")[-1]
            codes: set[int] = set()
            for low, high, _targets in re.findall(
                rb"<([0-9A-F]+)> <([0-9A-F]+)> (\[[^\]]*\]|<[0-9A-F]+>)", body
            ):
                codes.update(range(int(low, 16), int(high, 16) + 1))
            for code in re.findall(rb"^<([0-9A-F]+)> <[0-9A-F]+>$", body, re.MULTILINE):
                codes.add(int(code, 16))
            mapped[name] = codes
        font: set[int] = set()
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                font = mapped.get(operands[0], set())
            elif operator == b"Tj":
                raw = bytes(operands[0].original_bytes)
                for at in range(0, len(raw), 2):
                    drawn += 1
                    unmapped += int.from_bytes(raw[at : at + 2], "big") not in font
    return {
        "arabic_letters": len(_LETTERS.findall(text)),
        # Forms of one letter (the rewrite folds them) and ligatures (kept: lam-alef).
        "one_letter_forms": sum(
            len(unicodedata.normalize("NFKC", c).strip()) == 1 for c in _SHAPED.findall(text)
        ),
        "ligatures": sum(
            len(unicodedata.normalize("NFKC", c).strip()) > 1 for c in _SHAPED.findall(text)
        ),
        "tabs": text.count("\t"),
        "glyphs_drawn": drawn,
        "glyphs_without_text": unmapped,
    }


def _export(
    store: Store, selection: Selection, target: Path, width: int, height: int
) -> dict[str, object]:
    started = time.perf_counter()
    cpu_started = time.process_time()
    export(store, "pdf", selection, target, width=width, height=height)
    return {
        "seconds": round(time.perf_counter() - started, 3),
        "cpu_seconds": round(time.process_time() - cpu_started, 3),
        "bytes": target.stat().st_size,
    }


def _median(runs: list[dict[str, object]]) -> dict[str, object]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}  # type: ignore[type-var]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--size", action="append", default=None, help="WIDTHxHEIGHT")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--from", dest="first", help="ISO date and time: the view's start")
    parser.add_argument("--to", dest="last", help="ISO date and time: the view's end")
    args = parser.parse_args()
    sizes = args.size or ["1600x600"]
    selection = Selection(
        date_from=to_axis(datetime.fromisoformat(args.first)) if args.first else None,
        date_to=to_axis(datetime.fromisoformat(args.last)) if args.last else None,
    )
    results = []
    with Store(args.db) as store, tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            width, height = (int(n) for n in size.split("x"))
            made: list[bytes] = []

            def kept(data: bytes, made: list[bytes] = made) -> bytes:
                made.append(data)
                return data

            # Alternately, after one of each unmeasured (pypdf's import, Qt's caches).
            timed: dict[str, list[dict[str, object]]] = {"as_qt": [], "rewritten": []}
            for turn in range(args.repeat + 1):
                made.clear()
                image_module.searchable = kept  # type: ignore[assignment]
                as_qt = _export(store, selection, Path(folder) / "qt.pdf", width, height)
                image_module.searchable = searchable
                rewritten = _export(store, selection, Path(folder) / "rewritten.pdf", width, height)
                if turn:
                    timed["as_qt"].append(as_qt)
                    timed["rewritten"].append(rewritten)
            runs = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                out = searchable(made[0])
                runs.append(time.perf_counter() - started)
            results.append(
                {
                    "size": size,
                    "as_qt_writes": _median(timed["as_qt"]),
                    "rewritten": _median(timed["rewritten"]),
                    "rewrite_alone_seconds": round(statistics.median(runs), 4),
                    "text_as_qt_writes": _read(made[0]),
                    "text_rewritten": _read(out),
                }
            )
    json.dump(
        {"db": args.db.name, "from": args.first, "to": args.last, "results": results},
        sys.stdout,
        indent=2,
    )
    print()


if __name__ == "__main__":
    main()
