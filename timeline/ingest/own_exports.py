"""This program's own exports that hold events, not articles (its events as CSV, JSON
Lines or a workbook; its chronology page; its image of the timeline as PNG or PDF),
known by their shape or the mark they carry, not their names: one imported as articles
is refused whole, saying what it is and what to import instead.

Read as articles they said "no body column" (a table), skipped every line for "missing
or empty 'body'" (JSON Lines), or made the whole chronology one article (a page); an
image made an article of its axis and labels (by OCR, or as a PDF's text), titled with
a year and published in another.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from timeline.ingest.errors import NotArticles

EVENTS_EXPORT = (
    "this program's export of events, not of articles: export the articles (as CSV, JSON"
    " Lines or Excel) and import that"
)
IMAGE_EXPORT = (
    "this program's image of a timeline, not an article: export the articles (as CSV, JSON"
    " Lines or Excel) and import that"
)
# What this program writes into its images (timeline.export.image): a PNG's Software
# text, a PDF's Creator.  Qt writes no such mark of its own (a PNG none, a PDF only "Qt"
# as its Producer, as any Qt program's), so an image made before the mark is read as before.
IMAGE_CREATOR = "News Timeline (an image of a timeline)"
# A PNG file's signature, and how far its text chunks are looked for (they come before the
# image data; Qt writes them after the header, in the first hundred bytes).
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_TEXT_REACH = 64 * 1024
CHRONOLOGY = (
    "this program's chronology of events, not articles: export the articles (as CSV, JSON"
    " Lines or Excel) and import that"
)

# The names of an event's columns that no article has (timeline.store.export_data's
# EVENT_COLUMNS, folded as fields.fold_name folds a header): the article it is of, its
# kind and granularity, its place in the text.  A test exports each format to check.
_EVENT_NAMES = frozenset({"articleid", "kind", "granularity", "spanstart", "spanend"})
# What every chronology writes (timeline.export.chronology), empty or not, in either
# language: its style's rules for its classes, and its closing paragraph of class
# "about" (how many events, when exported).
_CHRONOLOGY_RULES = (".about {", ".kind {", ".from {")


def refuse_events(folded_names: Collection[str]) -> None:
    """NotArticles when a table's header or a JSON record's keys, that name no body
    (folded: fields.fold_name), are those of this program's export of events."""
    if _EVENT_NAMES.issubset(folded_names):
        raise NotArticles(EVENTS_EXPORT)


def refuse_chronology(tree: Any) -> None:
    """NotArticles when a parsed page (an lxml tree) is this program's chronology."""
    style = " ".join(tree.xpath("//head/style/text()"))
    if all(rule in style for rule in _CHRONOLOGY_RULES) and tree.xpath('//p[@class="about"]'):
        raise NotArticles(CHRONOLOGY)


def refuse_image(creator: str) -> None:
    """NotArticles when a picture's or a PDF's creator (png_software, a PDF's /Creator)
    is this program's image of a timeline."""
    if creator == IMAGE_CREATOR:
        raise NotArticles(IMAGE_EXPORT)


def png_software(data: bytes) -> str:
    """The Software text (a tEXt chunk) of a PNG file before its image data, or ""."""
    if not data.startswith(_PNG_SIGNATURE):
        return ""
    at = len(_PNG_SIGNATURE)
    while at + 8 <= min(len(data), _PNG_TEXT_REACH):
        length = int.from_bytes(data[at : at + 4], "big")
        kind = data[at + 4 : at + 8]
        if kind in (b"IDAT", b"IEND"):
            break
        if kind == b"tEXt":
            key, _, text = data[at + 8 : at + 8 + length].partition(b"\0")
            if key == b"Software":
                return text.decode("latin-1")
        at += 12 + length  # length, kind, data, CRC
    return ""
