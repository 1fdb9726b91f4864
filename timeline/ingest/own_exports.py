"""This program's own exports that hold events, not articles (its events as CSV, JSON
Lines or a workbook; its chronology page), known by their shape, not their names: one
imported as articles is refused whole, saying what it is and what to import instead.

Read as articles they said "no body column" (a table), skipped every line for "missing
or empty 'body'" (JSON Lines), or made the whole chronology one article (a page).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from timeline.ingest.errors import NotArticles

EVENTS_EXPORT = (
    "this program's export of events, not of articles: export the articles (as CSV, JSON"
    " Lines or Excel) and import that"
)
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
