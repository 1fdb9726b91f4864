"""Exports of what the timeline holds: TimelineJS, .timeline XML, CSV, JSON Lines, images,
and a chronology to read (HTML).

export() writes one format to a file; only the image formats load Qt (timeline.export.
image, the one module outside timeline/ui that may import it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from timeline.export.files import refuse_the_library, written_whole
from timeline.export.progress import ExportProgress
from timeline.export.selection import Selection, SelectionError
from timeline.store import Store
from timeline.timescale import LabelStyle

if TYPE_CHECKING:  # (the module imports Qt: only an image export loads it)
    from timeline.export.image import ImageExtent

# name: (what it holds, file suffix)
FORMATS: dict[str, tuple[str, str]] = {
    "timelinejs": ("TimelineJS3 JSON", ".json"),
    # Said where the format is chosen and written: what it cannot hold (a round trip
    # through it lost every tag, note, hidden mark, added event and corrected mention).
    "timeline": (
        "The Timeline Project (.timeline XML: each dated article's title, text, link, source"
        " and date; no tags, notes, hidden marks, or events you added or corrected)",
        ".timeline",
    ),
    "articles-csv": ("articles as CSV, every column", ".csv"),
    "articles-jsonl": ("articles as JSON Lines, every column", ".jsonl"),
    "events-csv": ("events as CSV, every column", ".csv"),
    "events-jsonl": ("events as JSON Lines, every column", ".jsonl"),
    "articles-xlsx": ("articles as an Excel workbook, every column", ".xlsx"),
    "events-xlsx": ("events as an Excel workbook, every column", ".xlsx"),
    "chronology": ("a chronology of the events to read, print or paste (HTML)", ".html"),
    "png": ("image of the timeline (PNG)", ".png"),
    "svg": ("image of the timeline (SVG, vector)", ".svg"),
    "pdf": ("image of the timeline (PDF, vector)", ".pdf"),
}
IMAGE_FORMATS = ("png", "svg", "pdf")
# Formats written to a file only (not text: never to standard output).
FILE_FORMATS = (*IMAGE_FORMATS, "articles-xlsx", "events-xlsx")

__all__ = [
    "FILE_FORMATS",
    "FORMATS",
    "IMAGE_FORMATS",
    "ExportProgress",
    "Selection",
    "SelectionError",
    "counted_records",
    "export",
    "write_text",
]


def format_for(path: Path) -> str | None:
    """The format a file name asks for, when its suffix names only one."""
    suffix = path.suffix.lower()
    matches = [name for name, (_, s) in FORMATS.items() if s == suffix]
    if suffix == ".json":
        return "timelinejs"
    return matches[0] if len(matches) == 1 else None


def counted_records(fmt: str) -> str:
    """What an export's count counts: "articles" for the article tables, else "events"
    (every other format, the images' too, is written and counted an event at a time)."""
    return "articles" if fmt.startswith("articles-") else "events"


def write_text(
    store: Store,
    fmt: str,
    selection: Selection,
    out: TextIO,
    title: str = "",
    left_out: list[int] | None = None,
    style: LabelStyle | None = None,
    progress: ExportProgress | None = None,
) -> int:
    """Write a text format to a stream; returns how many records (articles or events).
    progress, if given, is told how many are written as they are (see ExportProgress).

    left_out, if given, receives the ids of chosen articles a format has no place for
    (TimelineJS and .timeline place everything on a date: undated articles); style: how
    a chronology writes dates (the window's; Arabic by default).
    """
    if fmt == "timelinejs":
        from timeline.export.timelinejs import write_timelinejs

        return write_timelinejs(store, selection, out, title, left_out, progress)
    if fmt == "timeline":
        from timeline.export.timeline_xml import write_timeline_xml

        return write_timeline_xml(store, selection, out, left_out, progress)
    if fmt == "chronology":
        from timeline.export.chronology import write_chronology

        return write_chronology(store, selection, out, title, style, progress)
    what, _, kind = fmt.partition("-")
    from timeline.export import tabular

    if kind == "csv":
        return tabular.write_csv(store, selection, out, what, progress)
    if kind == "jsonl":
        return tabular.write_jsonl(store, selection, out, what, progress)
    raise ValueError(f"unknown export format: {fmt}")


def export(
    store: Store,
    fmt: str,
    selection: Selection,
    path: Path,
    *,
    width: int = 1600,
    height: int = 600,
    scale: float = 1.0,
    lang: str | None = None,
    title: str = "",
    left_out: list[int] | None = None,
    cut: list[int] | None = None,
    style: LabelStyle | None = None,
    progress: ExportProgress | None = None,
    extent: list[ImageExtent] | None = None,
) -> int:
    """Write the selection to path in this format; returns how many records or events
    (left_out: as write_text's; cut, if given, receives the ids of the rows a workbook
    holds cut at a cell's 32,767 characters; progress: as write_text's, for every format
    but the images, which are drawn at once; extent: as export_image's).

    The file is written whole or not at all (files.written_whole: beside path, then
    moved over it; a link's target, a FIFO or a device written as such).  Raises
    SelectionError for a query the search refuses, and OSError when the file cannot be
    written (the library itself among them).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format: {fmt}")
    refuse_the_library(path, store.path)
    with written_whole(path) as partial:
        if fmt in IMAGE_FORMATS:
            from timeline.export.image import export_image

            count = export_image(
                store,
                selection,
                partial,
                fmt,
                width=width,
                height=height,
                scale=scale,
                lang=lang,
                extent=extent,
            )
        elif fmt.endswith("-xlsx"):
            from timeline.export.workbook import write_xlsx

            count = write_xlsx(store, selection, partial, fmt.partition("-")[0], cut, progress)
        else:
            # A CSV file begins with a byte order mark: Excel opens one without it in the
            # system's code page, every Arabic letter garbled; spreadsheets and this
            # program's importer take it as UTF-8 either way.  (Standard output gets
            # none: it goes on to other programs.)
            encoding = "utf-8-sig" if fmt.endswith("-csv") else "utf-8"
            with open(partial, "w", encoding=encoding, newline="") as out:
                count = write_text(store, fmt, selection, out, title, left_out, style, progress)
    return count
