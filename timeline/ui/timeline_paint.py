"""Painting steps of the timeline view: density band, items, labels, axis, legend.

Each step draws from a Frame (timeline_geometry) and laid-out text (timeline_cache).
Nothing here queries the store; text is laid out only on a cache miss, and at most
`budget` times a frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QLineF, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QPen, QPolygonF

from timeline.store.timeline_data import PUBLISHED, EventArrays
from timeline.timescale import Tick, TickSet, Viewport
from timeline.ui.timeline_cache import LaidOutText, TextCache, TextImages, lay_out
from timeline.ui.timeline_geometry import (
    DENSITY_BUCKET_PX,
    ERA_ROW_PX,
    DensityScale,
    Frame,
    Metrics,
    density_scale,
)

DIM_ALPHA = 60
LABEL_DIM_OPACITY = 0.35  # labels of events a search does not hit


@dataclass(frozen=True)
class Look:
    """Colours of the view, from the widget's palette plus two fixed kind colours."""

    background: QColor
    text: QColor
    grid: QColor
    axis: QColor
    published: QColor
    mentioned: QColor
    selected: QColor
    density: QColor
    # Texts drawn from images of them (raster devices); None: drawStaticText (vector).
    images: TextImages | None = None

    @classmethod
    def from_palette(cls, palette: QPalette, images: TextImages | None = None) -> Look:
        text = palette.color(QPalette.ColorRole.Text)
        background = palette.color(QPalette.ColorRole.Base)
        return cls(
            background=background,
            text=text,
            # Opaque: lines in a translucent colour take the raster engine's slow path
            # (ten times the time of opaque ones, measured), and the view is opaque.
            grid=blend(text, background, 28),
            axis=palette.color(QPalette.ColorRole.Mid),
            published=QColor("#1f6feb"),
            mentioned=QColor("#d9730d"),
            selected=palette.color(QPalette.ColorRole.Highlight),
            density=QColor("#5b7fb0"),
            images=images,
        )

    def kind_colour(self, kind: int, dim: bool) -> QColor:
        colour = QColor(self.published if kind == PUBLISHED else self.mentioned)
        if dim:
            colour.setAlpha(DIM_ALPHA)
        return colour


def blend(colour: QColor, background: QColor, alpha: int) -> QColor:
    """The opaque colour of `colour` at `alpha` (0-255) over `background`."""
    a = alpha / 255
    return QColor(
        round(colour.red() * a + background.red() * (1 - a)),
        round(colour.green() * a + background.green() * (1 - a)),
        round(colour.blue() * a + background.blue() * (1 - a)),
    )


TextSource = Callable[[str], LaidOutText | None]


def draw_text(p: QPainter, x: float, y: float, item: LaidOutText, look: Look) -> None:
    """A laid-out text with its top left at (x, y), in look.text (or the pen's colour
    on a vector device)."""
    if look.images is not None:
        look.images.draw(p, x, y, item, look.text)
    else:
        p.drawStaticText(QPointF(x, y), item.static)


def cached_text(cache: TextCache[str], font: QFont, budget: list[int]) -> TextSource:
    """A lookup that lays out a missing string while budget[0] lasts (then returns None)."""

    def get(text: str) -> LaidOutText | None:
        item = cache.get(text)
        if item is None and budget[0] > 0:
            budget[0] -= 1
            item = lay_out(text, font)
            cache.put(text, item)
        return item

    return get


# -- density ------------------------------------------------------------------


def paint_density(
    p: QPainter, frame: Frame, metrics: Metrics, look: Look, palette: Sequence[QColor] = ()
) -> None:
    """One drawRects call per layer (all events, then search hits over them), under a
    scale's gridlines (their counts: paint_density_counts).  Coloured by tag or source
    (frame.code_counts), each bar is split into its codes' shares, bottom up in code
    order, the events of no code first in the density colour."""
    top, bottom = _density_band(metrics)
    scale = density_scale(frame.counts)
    if scale.peak <= 0:
        return
    band = bottom - top
    vp = frame.viewport
    if frame.code_counts is not None and palette:
        _paint_coded_density(p, frame, scale, band, bottom, look, palette)
        _paint_gridlines(p, scale, vp, top, band, look)
        return
    layers = [(frame.counts, QColor(look.density))]
    if frame.highlight_counts is not None:
        layers[0] = (frame.counts, blend(look.density, look.background, DIM_ALPHA))
        layers.append((frame.highlight_counts, QColor(look.selected)))
    # Whole pixels, as the raster engine fills a fractional rect without antialiasing
    # (each bar its bucket's two columns, its rows from round(top) down): a QRect list
    # is filled in less than half the time of QRectF's (800 bars: 1.9 against 3.5 ms).
    p.setPen(Qt.PenStyle.NoPen)
    for counts, colour in layers:
        tops = _bar_tops(counts, scale, band, bottom)
        p.setBrush(colour)
        p.drawRects([QRect(*r) for r in bar_rects(counts, tops, bottom, vp.width, vp.rtl)])
    _paint_gridlines(p, scale, vp, top, band, look)


def _density_band(metrics: Metrics) -> tuple[int, int]:
    """The density band's top and bottom rows."""
    return metrics.lanes_top + 4, metrics.axis_top


def _paint_coded_density(
    p: QPainter,
    frame: Frame,
    scale: DensityScale,
    band: int,
    bottom: int,
    look: Look,
    palette: Sequence[QColor],
) -> None:
    """The bars cut into each code's share of their height: one drawRects a code."""
    assert frame.code_counts is not None
    counts = frame.counts
    tops = _bar_tops(counts, scale, band, bottom)
    on = np.flatnonzero(counts > 0)
    if not len(on):
        return
    heights = (bottom - tops[on]).astype(np.float64)
    total = counts[on].astype(np.float64)
    coded = [c[on] for c in frame.code_counts[: len(palette)]]
    # Bottom up: the events of no code (standalone events, untagged ones), then each code.
    layers = [counts[on] - np.sum(coded, axis=0) if coded else counts[on], *coded]
    colours = [QColor(look.density), *palette[: len(coded)]]
    px = DENSITY_BUCKET_PX
    u = on * px
    xs = np.floor((frame.viewport.width - u - px) if frame.viewport.rtl else u).astype(np.int64)
    below = np.zeros(len(on))  # the share of each bar drawn so far
    lower = np.full(len(on), bottom, dtype=np.int64)
    p.setPen(Qt.PenStyle.NoPen)
    for layer, colour in zip(layers, colours, strict=True):
        below += layer
        upper = bottom - np.floor(heights * below / total + 0.5).astype(np.int64)
        upper = np.maximum(upper, tops[on])  # rounding never above the bar's top
        shown = np.flatnonzero((layer > 0) & (upper < lower))
        if len(shown):
            p.setBrush(colour)
            p.drawRects(
                [
                    QRect(x, y, px, h)
                    for x, y, h in zip(
                        xs[shown].tolist(),
                        upper[shown].tolist(),
                        (lower[shown] - upper[shown]).tolist(),
                        strict=True,
                    )
                ]
            )
        lower = np.minimum(lower, upper)


# Buckets whose bars share one rect below the lowest of their tops (bar_rects).
BAR_GROUP = 16


def bar_rects(
    counts: np.ndarray, tops: np.ndarray, bottom: int, width: float, rtl: bool
) -> list[tuple[int, int, int, int]]:
    """(x, y, w, h) of the rects that fill the bars: each bucket's two columns from its
    top down to `bottom`, the same pixels as a rect a bar.

    Where BAR_GROUP neighbouring buckets all have a bar, the part of them below the
    lowest of their tops is one wide rect and each bar only its part above it: the
    raster engine fills a 2-pixel span of each row at a cost per span, so a band of
    tall bars (a search's highlight over all the events: two layers) took 2-3 ms to
    fill as a rect a bar.  Opaque or not, no pixel is filled twice.
    """
    n = len(counts)
    px = DENSITY_BUCKET_PX
    groups = n // BAR_GROUP
    floor = np.full(n, bottom, dtype=np.int64)  # where each bar's own rect ends
    full = np.zeros(groups, bool)
    base = np.zeros(groups, dtype=np.int64)
    if groups:
        whole = slice(0, groups * BAR_GROUP)
        starts = np.arange(0, groups * BAR_GROUP, BAR_GROUP)  # each group's first bucket
        full = np.logical_and.reduceat(counts[whole] > 0, starts)
        base = np.maximum.reduceat(tops[whole], starts).astype(np.int64, copy=False)
        floor[whole] = np.repeat(np.where(full, base, bottom), BAR_GROUP)
    nz = np.flatnonzero((counts > 0) & (tops < floor))
    u = nz * px
    xs = np.floor((width - u - px) if rtl else u).astype(np.int64)
    heights = floor[nz] - tops[nz]
    rects = list(zip(xs.tolist(), tops[nz].tolist(), [px] * len(nz), heights.tolist(), strict=True))
    g = np.flatnonzero(full)
    if len(g):
        span = BAR_GROUP * px
        gu = g * span
        gx = np.floor((width - gu - span) if rtl else gu).astype(np.int64)
        rects += zip(
            gx.tolist(), base[g].tolist(), [span] * len(g), (bottom - base[g]).tolist(), strict=True
        )
    return rects


def _bar_tops(counts: np.ndarray, scale: DensityScale, band: int, bottom: int) -> np.ndarray:
    """The first row of each bucket's bar (bottom where the bucket is empty)."""
    heights = np.maximum(scale.fraction(counts) * band, 1.0)
    tops = np.minimum(np.floor(bottom - heights + 0.5).astype(np.int64), bottom - 1)
    return np.where(counts > 0, tops, bottom)


def _gridline_rows(scale: DensityScale, top: float, band: float) -> list[float]:
    """The row of each of the scale's gridlines (scale.ticks)."""
    return (top + band - scale.fraction(np.array(scale.ticks)) * band).tolist()


def _paint_gridlines(
    p: QPainter, scale: DensityScale, vp: Viewport, top: float, band: float, look: Look
) -> None:
    p.setPen(QPen(look.grid, 1))
    p.drawLines([QLineF(0, y, vp.width, y) for y in _gridline_rows(scale, top, band)])


def paint_density_counts(
    p: QPainter,
    frame: Frame,
    metrics: Metrics,
    look: Look,
    text: TextSource,
    digits: Callable[[int], str],
) -> bool:
    """The density scale's counts at the start edge, each by its gridline on a patch of
    the background, painted over whatever crosses the band: the selected event's line,
    painted after the bars, ran through "1,000" and made it unreadable.  Returns False
    when a count awaited layout."""
    top, bottom = _density_band(metrics)
    scale = density_scale(frame.counts)
    vp = frame.viewport
    complete = True
    ys = _gridline_rows(scale, top, bottom - top)
    p.setPen(look.text)
    # From the top gridline down: a count sits on its line, or under it where the band
    # has no room above; a count that would touch the one above it is left out (in a
    # low band the lines of a log scale lie a few pixels apart).
    above = -1e9  # the bottom of the last count drawn
    for count, y in reversed(list(zip(scale.ticks, ys, strict=True))):
        item = text(digits(count))
        if item is None:
            complete = False
            continue
        h = item.static.size().height()
        label_top = y - h if y - h >= top - 4 else y
        if label_top < above + 2 or label_top + h > bottom:
            continue
        x = vp.width - item.width - 4 if vp.rtl else 4.0
        p.fillRect(QRectF(x - 2, label_top, item.width + 4, h), look.background)
        draw_text(p, x, label_top, item, look)
        above = label_top + h
    return complete


# -- items --------------------------------------------------------------------


def _diamond(x: float, y: float, r: float) -> QPolygonF:
    return QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])


def paint_items(
    p: QPainter,
    frame: Frame,
    metrics: Metrics,
    arrays: EventArrays,
    look: Look,
    highlight: np.ndarray | None,
    selected_row: int | None,
    codes: np.ndarray | None = None,
    palette: Sequence[QColor] = (),
) -> None:
    """Bars for ranges, circles for publications, diamonds for mentions.

    With codes (one per row of arrays, -1 for none), an event is drawn in palette[code]
    instead of its kind's colour: colouring by tag or by source.
    """
    vp = frame.viewport
    rows = frame.rows
    kinds = arrays.kinds[rows].tolist()
    points = arrays.points[rows].tolist()
    dims = (~highlight[rows]).tolist() if highlight is not None else [False] * len(rows)
    xs = frame.u_to_x(frame.u_start).tolist()
    xe = frame.u_to_x(frame.u_end).tolist()
    lanes = frame.lanes.tolist()
    r = metrics.marker_r
    bar_h = metrics.lane_h - 4
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(Qt.PenStyle.NoPen)
    colours = {(k, d): look.kind_colour(k, d) for k in set(kinds) for d in (False, True)}
    row_codes = codes[rows].tolist() if codes is not None else None
    coded = _coded_colours(palette)
    # One diamond moved to each mention (four points made a marker took longer), and
    # the brush set only when the colour changes (most neighbours share a kind).  On a
    # raster device a marker is an image of it, blitted at the nearest pixel.
    diamond = _diamond(0.0, 0.0, r + 1)
    brush: QColor | None = None
    images = look.images
    for i, row in enumerate(rows.tolist()):
        if row_codes is not None and row_codes[i] >= 0:
            colour = coded[row_codes[i], dims[i]]
        else:
            colour = colours[kinds[i], dims[i]]
        y_mid = metrics.lane_top(lanes[i]) + metrics.lane_h / 2
        if points[i]:
            if images is not None:
                shape = "circle" if kinds[i] == PUBLISHED else "diamond"
                sprite, half = images.marker(shape, colour, r)
                p.drawImage(QPoint(round(xs[i]) - half, round(y_mid) - half), sprite)
            else:
                if colour is not brush:
                    p.setBrush(colour)
                    brush = colour
                if kinds[i] == PUBLISHED:
                    p.drawEllipse(QPointF(xs[i], y_mid), r, r)
                else:
                    p.drawConvexPolygon(diamond.translated(xs[i], y_mid))
        else:
            x0, x1 = sorted((xs[i], xe[i]))
            x0, x1 = max(x0, -2.0), min(x1, vp.width + 2.0)
            fill = QColor(colour)
            fill.setAlpha(fill.alpha() * 45 // 255)
            p.setBrush(fill)
            rect = QRectF(x0, y_mid - bar_h / 2, max(x1 - x0, 3.0), bar_h)
            p.drawRoundedRect(rect, 3, 3)
            p.setBrush(colour)
            brush = colour
            p.drawRect(QRectF(rect.left(), rect.bottom() - 3, rect.width(), 3))
        if row == selected_row:
            p.setBrush(Qt.BrushStyle.NoBrush)
            brush = None
            p.setPen(QPen(look.selected, 2.5))
            if points[i]:
                centre = QPointF(xs[i], y_mid)
                if images is not None:  # round the marker's image, drawn at a whole pixel
                    centre = QPointF(round(xs[i]), round(y_mid))
                p.drawEllipse(centre, r + 3, r + 3)
            else:
                p.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 4, 4)
            p.setPen(Qt.PenStyle.NoPen)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _coded_colours(palette: Sequence[QColor]) -> dict[tuple[int, bool], QColor]:
    """Each palette colour, plain and dimmed (as kind colours are dimmed)."""
    out = {}
    for code, colour in enumerate(palette):
        out[code, False] = colour
        dim = QColor(colour)
        dim.setAlpha(DIM_ALPHA)
        out[code, True] = dim
    return out


def paint_eras(
    p: QPainter,
    frame: Frame,
    metrics: Metrics,
    arrays: EventArrays,
    look: Look,
    highlight: np.ndarray | None,
    selected_row: int | None,
    codes: np.ndarray | None = None,
    palette: Sequence[QColor] = (),
) -> None:
    """Ranges much longer than the view: thin bars in the band above the lanes."""
    if not len(frame.era_rows):
        return
    vp = frame.viewport
    band = QColor(look.grid)
    p.fillRect(QRectF(0, metrics.era_top, vp.width, metrics.era_h), band)
    h = ERA_ROW_PX - 2
    coded = _coded_colours(palette)
    for i, row in enumerate(frame.era_rows.tolist()):
        dim = highlight is not None and not highlight[row]
        code = int(codes[row]) if codes is not None else -1
        colour = coded[code, dim] if code >= 0 else look.kind_colour(int(arrays.kinds[row]), dim)
        x0, x1 = sorted(float(frame.u_to_x(u)) for u in (frame.era_u0[i], frame.era_u1[i]))
        rect = QRectF(x0, metrics.era_row_top(i), max(x1 - x0, 2.0), h)
        p.fillRect(rect, colour)
        if row == selected_row:
            p.setPen(QPen(look.selected, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(-1, -1, 1, 1))
            p.setPen(Qt.PenStyle.NoPen)


def paint_lane_scroll(
    p: QPainter, frame: Frame, metrics: Metrics, look: Look, ui_rtl: bool
) -> None:
    """A thin scroll bar at the interface's end edge when more lanes are used than shown."""
    room, used = metrics.lane_count, frame.lanes_used
    if used <= room or room <= 0:
        return
    top, height = metrics.lanes_top, room * metrics.lane_h
    x = 1.0 if ui_rtl else metrics.width - 4.0
    track = QColor(look.grid)
    p.fillRect(QRectF(x, top, 3, height), track)
    thumb = QColor(look.axis)
    p.fillRect(QRectF(x, top + height * frame.lane_scroll / used, 3, height * room / used), thumb)


def paint_overflow(
    p: QPainter, frame: Frame, metrics: Metrics, look: Look, highlight: np.ndarray | None
) -> None:
    """Events with no room in a lane: short ticks on a strip above the axis."""
    if not len(frame.overflow_u):
        return
    # One line per pixel column however many events share it.
    xs = np.round(np.asarray(frame.u_to_x(frame.overflow_u)))
    y0, y1 = metrics.overflow_top + 1, metrics.axis_top - 1
    colour = (
        blend(look.density, look.background, DIM_ALPHA) if highlight is not None else look.density
    )
    p.setPen(QPen(colour, 1))
    p.drawLines([QLineF(x, y0, x, y1) for x in _distinct(xs).tolist()])
    if highlight is not None:
        hits = highlight[frame.overflow_rows]
        if hits.any():
            p.setPen(QPen(look.selected, 1))
            p.drawLines([QLineF(x, y0, x, y1) for x in _distinct(xs[hits]).tolist()])


def _distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values: np.unique, whose first call imports numpy.ma (40 ms,
    the window frozen), which the window no longer loads before its first frame."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def overflow_count_rect(frame: Frame, metrics: Metrics, item: LaidOutText, ui_rtl: bool) -> QRectF:
    """Where the '+N' pill goes (paint_overflow_count): at the interface's end edge, or
    at the other edge when ticks are under the first and not the second."""
    h = item.static.size().height()
    w = item.width + 10
    # Taller than the strip: it rests on the axis line, whole, rather than under it.
    y_mid = metrics.axis_top - h / 2 - 2
    left, right = 2.0, metrics.width - w - 2.0
    xs = np.asarray(frame.u_to_x(frame.overflow_u))
    left_busy = bool(np.any(xs <= left + w + 2))
    right_busy = bool(np.any(xs >= right - 2))
    x = left if ui_rtl else right
    if (left_busy if ui_rtl else right_busy) and not (right_busy if ui_rtl else left_busy):
        x = right if ui_rtl else left
    return QRectF(x, y_mid - h / 2 - 1, w, h + 2)


def paint_overflow_count(p: QPainter, rect: QRectF, look: Look, item: LaidOutText) -> None:
    """'+N' in a small pill on the overflow strip, saying how many events its ticks are,
    in the rect overflow_count_rect gave."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(look.density, 1))
    p.setBrush(look.background)
    p.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.setPen(look.text)
    draw_text(p, rect.x() + 5, rect.y() + 1, item, look)


def paint_labels(
    p: QPainter,
    frame: Frame,
    metrics: Metrics,
    arrays: EventArrays,
    labels: TextCache[int],
    look: Look,
    highlight: np.ndarray | None,
    keep_clear: QRectF | None = None,
) -> list[int]:
    """Draw the cached labels of labelled items; return the event ids still missing one.

    keep_clear: where the overflow strip's '+N' pill goes.  It rests on the axis line,
    taller than the strip, over the end of the lowest lane: a label there ran under it,
    cut off mid-word ("...وما بع" half under "+1,517"), and is left out instead (its
    marker stays, its tooltip too)."""
    missing: list[int] = []
    vp = frame.viewport
    pick = np.flatnonzero(frame.labelled)
    rows = frame.rows[pick]
    ids = arrays.ids[rows].tolist()
    us = frame.u_label[pick].tolist()
    flips = frame.label_flipped[pick].tolist()
    lanes = frame.lanes[pick].tolist()
    dims = (~highlight[rows]).tolist() if highlight is not None else [False] * len(ids)
    slot = frame.slot_px
    p.setPen(look.text)
    dimmed = False
    # Blitted, a dimmed label is an image of its own in the faded colour: drawing an
    # image at an opacity takes the slow blend.
    faded = QColor(look.text)
    faded.setAlpha(round(faded.alpha() * LABEL_DIM_OPACITY))
    images = look.images
    for event_id, u, flip, lane, dim in zip(ids, us, flips, lanes, dims, strict=True):
        item = labels.get(event_id)
        if item is None:
            missing.append(event_id)
            continue
        if images is None and dim != dimmed:
            p.setOpacity(LABEL_DIM_OPACITY if dim else 1.0)
            dimmed = dim
        # The text sits next to its marker on the side where time goes on, or, near
        # the far edge, on the other side, ending next to the marker (Frame.label_box).
        if flip:
            u += slot - item.width
        x = vp.width - u - item.width if vp.rtl else u
        y = metrics.lane_top(lane) + (metrics.lane_h - item.static.size().height()) / 2
        if keep_clear is not None and keep_clear.intersects(
            QRectF(x, y, item.width, item.static.size().height())
        ):
            continue
        if images is not None:
            images.draw(p, x, y, item, faded if dim else look.text)
        else:
            draw_text(p, x, y, item, look)
    p.setOpacity(1.0)
    return missing


def paint_selection_marker(p: QPainter, x: float, metrics: Metrics, look: Look) -> None:
    """A line through the whole view at the selected event's time."""
    colour = blend(look.selected, look.background, 110)
    p.setPen(QPen(colour, 1.5, Qt.PenStyle.DashLine))
    p.drawLine(QLineF(x, metrics.lanes_top, x, metrics.axis_top))


def paint_focus_frame(p: QPainter, width: int, height: int, look: Look) -> None:
    """A frame in the highlight colour round the view while it has the keyboard's focus
    (arrows pan, +/- zoom, Up/Down scroll the lanes: the user must see where keys go)."""
    p.setPen(QPen(look.selected, 2))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(1, 1, width - 2, height - 2))


# -- axis and legend ----------------------------------------------------------


def paint_grid(p: QPainter, vp: Viewport, ticks: TickSet, metrics: Metrics, look: Look) -> None:
    """Lines at the major ticks, under everything else."""
    p.setPen(QPen(look.grid, 1))
    xs = [float(vp.x_of(t.t)) for t in ticks.major]
    p.drawLines([QLineF(x, metrics.legend_h, x, metrics.axis_top) for x in xs])


def paint_axis(
    p: QPainter,
    vp: Viewport,
    ticks: TickSet,
    metrics: Metrics,
    look: Look,
    text: TextSource,
    line_h: float,
) -> bool:
    """Ticks, grid lines and labels; returns False when some label awaited layout."""
    complete = True
    top = metrics.axis_top
    p.fillRect(QRectF(0, top, vp.width, metrics.axis_h), look.background)
    p.setPen(QPen(look.axis, 1))
    p.drawLine(QLineF(0, top, vp.width, top))
    minor_x = [float(vp.x_of(t.t)) for t in ticks.minor]
    major_x = [float(vp.x_of(t.t)) for t in ticks.major]
    p.drawLines([QLineF(x, top, x, top + 4) for x in minor_x])
    p.drawLines([QLineF(x, top, x, top + 9) for x in major_x])
    p.setPen(look.text)
    row_y = top + 8
    if ticks.minor_labelled:
        complete &= _centred_row(p, vp, ticks.minor, row_y, text, look)
        row_y += line_h
        if ticks.hijri_minor:
            complete &= _centred_row(p, vp, ticks.hijri_minor, row_y, text, look)
            row_y += line_h
    complete &= _major_row(p, vp, ticks.major, row_y, text, look)[0]
    if ticks.hijri_major:
        row_y += line_h
        drawn, labels = _major_row(p, vp, ticks.hijri_major, row_y, text, look)
        complete &= drawn
        # Hijri units begin on days of their own: a short mark says where, but not
        # through a label.  A unit too narrow for its label leaves it to every k-th
        # one, and its own mark ran through the label before it ("≈ 200–2|99 AH",
        # the centuries of a view of all history).
        hijri_x = [
            x
            for x in (float(vp.x_of(t.t)) for t in ticks.hijri_major)
            if not any(left - 2 < x < right + 2 for left, right in labels)
        ]
        p.setPen(QPen(look.axis, 1))
        p.drawLines([QLineF(x, row_y + 2, x, row_y + line_h - 2) for x in hijri_x])
        p.setPen(look.text)
    return complete


def _centred_row(
    p: QPainter, vp: Viewport, ticks: Sequence[Tick], y: float, text: TextSource, look: Look
) -> bool:
    """Labels centred in their units (from a tick to the next), kept whole in the view."""
    complete = True
    xs = [float(vp.x_of(t.t)) for t in ticks]
    last_right = -1e9  # in u, so that both directions skip the same way
    for i, tick in enumerate(ticks[:-1]):
        if not tick.label:
            continue
        item = text(tick.label)
        if item is None:
            complete = False
            continue
        centre = (xs[i] + xs[i + 1]) / 2
        if not 0 <= centre <= vp.width:
            continue
        # A label at an edge moves in rather than being cut.
        x = min(max(centre - item.width / 2, 1.0), vp.width - item.width - 1.0)
        u = (vp.width - x - item.width) if vp.rtl else x
        if u < last_right + 6:
            continue
        draw_text(p, x, y, item, look)
        last_right = u + item.width
    return complete


def _major_row(
    p: QPainter, vp: Viewport, ticks: Sequence[Tick], y: float, text: TextSource, look: Look
) -> tuple[bool, list[tuple[float, float]]]:
    """Labels start at their tick; the one in force at the view's start sticks there.

    A label that would be cut at the far edge is left out.  Returns whether every label
    was laid out, and the [left, right] x of each label drawn.
    """
    complete = True
    drawn: list[tuple[float, float]] = []
    us = [(vp.width - x) if vp.rtl else x for x in (float(vp.x_of(t.t)) for t in ticks)]
    last_right = -1e9
    for i, tick in enumerate(ticks):
        if not tick.label:
            continue
        item = text(tick.label)
        if item is None:
            complete = False
            continue
        u = max(us[i] + 4, 4.0)
        next_u = us[i + 1] if i + 1 < len(us) else 1e12
        if us[i] < 0 and u + item.width + 12 > next_u + 4:
            continue  # the next tick's own label has the room; it wins over a sticky one
        if u < last_right + 12 or u + item.width > vp.width - 2:
            continue
        x = vp.width - u - item.width if vp.rtl else u
        draw_text(p, x, y, item, look)
        drawn.append((x, x + item.width))
        last_right = u + item.width
    return complete, drawn


def paint_legend(
    p: QPainter,
    metrics: Metrics,
    look: Look,
    entries: list[tuple[str, LaidOutText | None, LaidOutText | None]],
    ui_rtl: bool,
) -> None:
    """Shape and colour key along the top edge, from the interface's start edge; an
    entry's shorter text (its third) where the whole would run past the far edge."""
    y_mid = metrics.legend_h / 2
    r = metrics.marker_r
    u = 8.0
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for shape, whole, shorter in entries:
        x = metrics.width - u - r if ui_rtl else u + r
        p.setPen(Qt.PenStyle.NoPen)
        if shape == "published":
            p.setBrush(look.published)
            p.drawEllipse(QPointF(x, y_mid), r, r)
        elif shape == "mentioned":
            p.setBrush(look.mentioned)
            p.drawConvexPolygon(_diamond(x, y_mid, r + 1))
        elif shape == "range":
            fill = QColor(look.mentioned)
            fill.setAlpha(45)
            p.setBrush(QBrush(fill))
            p.drawRect(QRectF(x - r - 2, y_mid - r, 2 * r + 10, 2 * r))
            p.setBrush(look.mentioned)
            p.drawRect(QRectF(x - r - 2, y_mid + r - 3, 2 * r + 10, 3))
            u += 10
        u += 2 * r + 6
        item = whole
        if whole is not None and shorter is not None and u + whole.width > metrics.width - 4:
            item = shorter
        if item is None:
            continue
        p.setPen(look.text)
        x = metrics.width - u - item.width if ui_rtl else u
        draw_text(p, x, y_mid - item.static.size().height() / 2, item, look)
        u += item.width + 18
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
