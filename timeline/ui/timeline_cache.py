"""Laid-out text for the timeline view: size-limited caches of QStaticText.

Text is shaped and elided once, when it enters a cache, and painted from the cache
afterwards (4.7 us a label against 31.8 us shaping Arabic anew; DESIGN.md, Scale).
Strings reach Qt in logical order with a paragraph direction taken from their own
content; Qt does the shaping and the bidi reordering.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Generic, TypeVar

from bidi import get_base_level
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QStaticText, QTextOption, QTransform

from timeline.store.timeline_data import EventText

K = TypeVar("K")


@dataclass(frozen=True)
class LaidOutText:
    """One piece of text ready to draw: what Qt was given and how wide it came out."""

    text: str  # logical order, possibly elided
    rtl: bool
    width: float
    static: QStaticText


def lay_out(text: str, font: QFont, max_width: float | None = None) -> LaidOutText:
    """Elide `text` to max_width (ellipsis at its logical end) and lay it out once."""
    rtl = get_base_level(text) == 1 if text else False
    metrics = QFontMetricsF(font)
    if max_width is not None:
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max_width)
    option = QTextOption()
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)  # a title with '<' is not markup
    static.setTextOption(option)
    static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
    static.prepare(QTransform(), font)
    return LaidOutText(text, rtl, metrics.horizontalAdvance(text), static)


class TextCache(Generic[K]):
    """At most `limit` laid-out texts, least recently used dropped first."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._items: OrderedDict[K, LaidOutText] = OrderedDict()
        self.misses = 0  # texts laid out since creation (tests and the bench read it)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: K) -> bool:
        return key in self._items

    def get(self, key: K) -> LaidOutText | None:
        item = self._items.get(key)
        if item is not None:
            self._items.move_to_end(key)
        return item

    def put(self, key: K, item: LaidOutText) -> None:
        self.misses += 1
        self._items[key] = item
        self._items.move_to_end(key)
        while len(self._items) > self.limit:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()

    def discard(self, key: K) -> None:
        self._items.pop(key, None)


class EventTexts:
    """The texts of events (EventText), fetched on demand, bounded."""

    def __init__(self, limit: int = 20_000) -> None:
        self.limit = limit
        self._items: OrderedDict[int, EventText] = OrderedDict()

    def get(self, event_id: int) -> EventText | None:
        return self._items.get(event_id)

    def __contains__(self, event_id: int) -> bool:
        return event_id in self._items

    def update(self, items: dict[int, EventText]) -> None:
        self._items.update(items)
        while len(self._items) > self.limit:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()

    def discard(self, event_id: int) -> None:
        self._items.pop(event_id, None)
