"""Laid-out text for the timeline view: size-limited caches of QStaticText.

Text is shaped and elided once, when it enters a cache, and painted from the cache
afterwards (4.7 us a label against 31.8 us shaping Arabic anew; DESIGN.md, Scale).
Strings reach Qt in logical order with a paragraph direction taken from their own
content; Qt does the shaping and the bidi reordering.

On a raster device (the widget on screen) a text is drawn from an image of it rendered
once (TextImages): blitting it took a fifth of the time of drawStaticText, which blends
every glyph anew (150 Arabic labels: 1.3 ms against 6.5 ms, measured); on vector
devices (SVG, PDF, printing) text stays text.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from bidi import get_base_level
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPolygonF,
    QStaticText,
    QTextOption,
    QTransform,
)

from timeline.store.timeline_data import EventText
from timeline.text.display_safe import for_display

K = TypeVar("K")


@dataclass(frozen=True)
class LaidOutText:
    """One piece of text ready to draw: what Qt was given and how wide it came out."""

    text: str  # logical order, possibly elided
    rtl: bool
    width: float
    static: QStaticText
    font: QFont | None = None  # the font it was laid out in


def shown_texts(found: Mapping[int, Sequence[str]]) -> dict[int, EventText]:
    """Event texts as the timeline draws them, on screen and in an exported image: each
    control character and bidi control made visible (for_display; the texts come from
    the web), a missing part empty."""
    return {i: EventText(*(for_display(part or "") for part in text)) for i, text in found.items()}


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
    return LaidOutText(text, rtl, metrics.horizontalAdvance(text), static, QFont(font))


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

    def discard_all(self, keys: set[K]) -> bool:
        """Drop these keys' texts; whether any was here.  Found from whichever side is
        smaller (an edit's stale ids: 35,000 for a long article's mentions)."""
        gone = [k for k in self._items if k in keys] if len(keys) > len(self._items) else keys
        found = False
        for key in gone:
            found = self._items.pop(key, None) is not None or found
        return found


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

    def discard_all(self, event_ids: set[int]) -> None:
        """Drop these events' texts (found from whichever side is smaller)."""
        many = len(event_ids) > len(self._items)
        for event_id in [e for e in self._items if e in event_ids] if many else event_ids:
            self._items.pop(event_id, None)


# Pixels around the text's box in its image: marks above and below Arabic letters and
# overhanging glyphs may reach a little past QStaticText.size().
_MARGIN = 3


class TextImages:
    """Laid-out texts rendered once into images, at most `limit`, least recently used
    dropped first: a blit draws them (see the module's docstring).  Markers likewise.

    An image holds 4 bytes a pixel: a label's about 30 KB, so `limit` bounds them to
    about 15 MB (two frames' worth of labels, the axis and the legend).

    Keyed by the text object itself (kept alive by its entry, so its id is not taken
    by another while the entry lasts) and the colour; dpr is the device's pixel ratio.
    """

    def __init__(self, dpr: float = 1.0, limit: int = 500) -> None:
        self.dpr = dpr
        self.limit = limit
        self._items: OrderedDict[tuple[int, int], tuple[LaidOutText, QImage]] = OrderedDict()
        self.rendered = 0  # images made since creation (tests read it)
        self._markers: dict[tuple[str, int, float], tuple[QImage, int]] = {}

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        self._items.clear()
        self._markers.clear()

    def image(self, item: LaidOutText, colour: QColor) -> QImage:
        key = (id(item), colour.rgba())
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
            return found[1]
        image = self._render(item, colour)
        self._items[key] = (item, image)
        while len(self._items) > self.limit:
            self._items.popitem(last=False)
        return image

    def marker(self, shape: str, colour: QColor, r: float) -> tuple[QImage, int]:
        """A marker ('circle' of radius r, or 'diamond' r + 1 from its centre to each
        corner) antialiased in colour, and the offset from its centre to the image's
        corner: blitting it cost a tenth of drawing the shape each time."""
        key = (shape, colour.rgba(), r)
        found = self._markers.get(key)
        if found is not None:
            return found
        half = math.ceil(r) + 2
        dpr = self.dpr
        side = max(math.ceil(2 * half * dpr), 1)
        image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        c = float(half)
        if shape == "circle":
            painter.drawEllipse(QPointF(c, c), r, r)
        else:
            d = r + 1
            corners = [QPointF(c, c - d), QPointF(c + d, c), QPointF(c, c + d), QPointF(c - d, c)]
            painter.drawConvexPolygon(QPolygonF(corners))
        painter.end()
        if len(self._markers) > 512:  # palettes change rarely; never many
            self._markers.clear()
        self._markers[key] = (image, half)
        return image, half

    def draw(self, p: QPainter, x: float, y: float, item: LaidOutText, colour: QColor) -> None:
        """Draw item with its top left at (x, y) (to the nearest pixel), as drawStaticText
        would in that colour."""
        image = self.image(item, colour)
        p.drawImage(QPoint(round(x) - _MARGIN, round(y) - _MARGIN), image)

    def _render(self, item: LaidOutText, colour: QColor) -> QImage:
        size = item.static.size()
        dpr = self.dpr
        w = math.ceil(size.width()) + 2 * _MARGIN
        h = math.ceil(size.height()) + 2 * _MARGIN
        image = QImage(
            max(math.ceil(w * dpr), 1),
            max(math.ceil(h * dpr), 1),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        if item.font is not None:
            painter.setFont(item.font)
        painter.setPen(colour)
        painter.drawStaticText(QPointF(_MARGIN, _MARGIN), item.static)
        painter.end()
        self.rendered += 1
        return image
