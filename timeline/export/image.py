"""Images of the timeline (PNG, SVG, PDF) and printing, drawn by the view's own painter.

The only module outside timeline/ui that imports Qt (the import-linter contract allows
it).  An exported image is a TimelineView of the chosen size rendered onto the target:
the same legend, axis, lanes, labels and density band as on screen.  SVG (QtSvg) and
PDF (QPdfWriter) are vector: text stays text, handed to Qt in logical order (a PDF's
Arabic text mapped to letters afterwards: timeline.export.pdf_text).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPoint, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QImage,
    QImageWriter,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPicture,
)
from PySide6.QtSvg import QSvgGenerator

from timeline.export.pdf_text import searchable
from timeline.export.selection import Selection, article_ids
from timeline.ingest.own_exports import IMAGE_CREATOR
from timeline.store import Store
from timeline.store.edits import overlay_arrays, user_event_labels
from timeline.store.timeline_data import EventArrays, load_event_arrays
from timeline.timescale import LabelStyle
from timeline.ui.timeline_cache import shown_texts
from timeline.ui.timeline_view import TimelineView

IMAGE_FORMATS = ("png", "svg", "pdf")
DEFAULT_WIDTH = 1600
DEFAULT_HEIGHT = 600
# A PNG's pixels at most: 4 bytes each, under the 2 GiB a QImage may hold (20,000 px
# square at scale 1; larger asks failed as "Image is empty" after Qt's warnings).
MAX_IMAGE_PIXELS = 500_000_000
# Text is laid out a bounded number of times per paint (DESIGN.md); paint this often
# before the real one so the image has every label and axis line.
_WARM_UP_PAINTS = 4

LabelSource = Callable[[Sequence[int]], dict]


@dataclass(frozen=True)
class ImageExtent:
    """The time an image shows (axis seconds) and how many chosen events lie outside it."""

    start: float
    end: float
    outside: int


def ensure_application(lang: str) -> None:
    """A QApplication with the bundled fonts and the interface language lang (offscreen
    when there is no display); an application already made is kept as it is."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        return
    from timeline.ui.application import create_application
    from timeline.ui.platform_check import has_display

    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    create_application(lang)


def chosen_arrays(arrays: EventArrays, ids: Sequence[int] | None) -> EventArrays:
    """The events of these articles only (all when ids is None)."""
    if ids is None:
        return arrays
    return arrays.subset(np.isin(arrays.article_ids, np.asarray(ids, dtype=np.int64)))


def make_view(
    arrays: EventArrays,
    labels: LabelSource | None,
    *,
    width: int = DEFAULT_WIDTH,
    height: int = DEFAULT_HEIGHT,
    span: tuple[float, float] | None = None,
    like: TimelineView | None = None,
    home: bool = False,
) -> TimelineView:
    """A view of these events at this size, over span (axis seconds) or all of them
    (home: over the days the articles were published in, as the window opens).

    like: a view whose settings (direction, label style, highlight, selection) to copy.
    """
    view = TimelineView()
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    if like is not None:
        view.setLayoutDirection(like.layoutDirection())
        view.setFont(like.font())
        view.setPalette(like.palette())
        view.set_label_style(like.label_style())
        view.set_time_direction(like._time_direction)
    view.resize(QSize(width, height))
    view.set_data(arrays, labels)
    if like is not None:
        if like._highlight is not None:
            view.set_highlight(like._highlight.tolist())
        selected = like.selected_event()
        if selected is not None:
            view.select_event(selected)
    vp = view.viewport()
    if span is not None:
        view.set_viewport(replace(vp, start=span[0], span=max(span[1] - span[0], 1.0)))
    else:
        view.set_viewport(replace(vp, width=float(width)))
        if home:
            view.fit_home()
        else:
            view.fit_all()
    return view


def paint_view(view: TimelineView, painter: QPainter, target: QRectF | None = None) -> None:
    """Draw the view with this painter (scaled to target when given): images and printing."""
    view.ensure_labels()
    for _ in range(_WARM_UP_PAINTS):
        # Recorded, not drawn: an image the view's size was 1.6 GB at 20,000 px square.
        scratch = QPicture()
        view.render(scratch)
        view.ensure_labels()
    painter.save()
    if target is not None:
        painter.translate(target.topLeft())
        painter.scale(target.width() / view.width(), target.height() / view.height())
    view.render(painter, QPoint(0, 0))
    painter.restore()


def paint_on(device: QPaintDevice, view: TimelineView) -> None:
    """Draw the view on a page or other device, as large as fits with its proportions kept.

    Through a QPicture (vector, as recorded): QWidget.render straight onto a QPrinter
    draws nothing (PySide6 6.11, seen here), while replaying a picture prints.
    """
    picture = QPicture()
    recorder = QPainter(picture)
    paint_view(view, recorder)
    recorder.end()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot draw on the printer")
    try:
        page_w, page_h = device.width(), device.height()
        factor = min(page_w / max(view.width(), 1), page_h / max(view.height(), 1))
        # A picture replays in its own resolution, scaled to the device's by QPainter.
        factor *= picture.logicalDpiX() / max(device.logicalDpiX(), 1)
        painter.scale(factor, factor)
        painter.drawPicture(0, 0, picture)
    finally:
        painter.end()


def write_image(view: TimelineView, path: Path, fmt: str, *, scale: float = 1.0) -> None:
    """Save the view as PNG (width x scale pixels), SVG or PDF (vector, 1 px = 1 pt).

    Made in memory and written to path by Python: Qt's writers of SVG and PDF say
    nothing of a write that failed, and on a full disk an SVG cut short and an empty PDF
    were said written; its PNG writer said "Unknown error", in the interface's language.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    size = view.size()
    if fmt == "png":
        width, height = round(size.width() * scale), round(size.height() * scale)
        if width * height > MAX_IMAGE_PIXELS:
            raise OSError(
                f"an image of {width:,} x {height:,} pixels is more than can be drawn (at most"
                f" {MAX_IMAGE_PIXELS:,} pixels: a smaller width, height or scale)"
            )
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(scale)
        image.fill(view.palette().color(view.backgroundRole()))
        painter = QPainter(image)
        paint_view(view, painter)
        painter.end()
        png = QImageWriter(buffer, b"png")
        png.setText("Software", IMAGE_CREATOR)  # its import refused: not an article
        if not png.write(image):
            raise OSError(f"cannot make the PNG image: {png.errorString()}")
    elif fmt == "svg":
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle("Timeline")
        _paint_onto(generator, view)
    elif fmt == "pdf":
        writer = QPdfWriter(buffer)
        writer.setResolution(72)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        writer.setTitle("Timeline")
        writer.setCreator(IMAGE_CREATOR)
        _paint_onto(writer, view)
        del writer  # (the PDF's end is written as the writer goes)
    else:
        raise ValueError(f"not an image format: {fmt}")
    buffer.close()
    data = bytes(buffer.data().data())
    if fmt == "pdf":
        data = searchable(data)  # its Arabic text as letters, not Qt's shaped forms
    with open(path, "wb") as out:
        out.write(data)


def _paint_onto(device: QPaintDevice, view: TimelineView) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(f"cannot draw on {type(device).__name__}")
    paint_view(view, painter)
    painter.end()


def export_image(
    store: Store,
    selection: Selection,
    path: Path,
    fmt: str,
    *,
    width: int = DEFAULT_WIDTH,
    height: int = DEFAULT_HEIGHT,
    scale: float = 1.0,
    lang: str | None = None,
    extent: list[ImageExtent] | None = None,
) -> int:
    """Draw the chosen articles' events over the selection's range; returns the events
    drawn.  With no range: over the days the articles were published in, as the window
    opens (a library's mentions of history and plans, 1890 to 2035, would squeeze its
    news into one bar); extent, if given, receives what was drawn and left outside.

    lang None: in the window, its interface language; elsewhere Arabic, as a chronology.
    """
    ensure_application(lang or "ar")
    # As the window draws them: the user's values over the stored events.
    shown = overlay_arrays(store, load_event_arrays(store), with_hidden=selection.with_hidden)
    arrays = chosen_arrays(shown, article_ids(store, selection))
    span = None
    if selection.date_from is not None or selection.date_to is not None:
        whole = arrays.span or (0, 86400)
        first = selection.date_from if selection.date_from is not None else whole[0]
        last = selection.date_to if selection.date_to is not None else whole[1]
        span = (float(first), float(max(last, first + 60)))
    view = make_view(
        arrays,
        # As the window shows them: an RLO in a title reversed the words after it, and a
        # control character made an SVG no XML.
        lambda ids: shown_texts(user_event_labels(store, ids)),
        width=width,
        height=height,
        span=span,
        home=span is None,
    )
    if lang is not None:
        view.set_label_style(LabelStyle(language="ar" if lang == "ar" else "en"))
    try:
        write_image(view, path, fmt, scale=scale)
    finally:
        view.deleteLater()
    vp = view.viewport()
    drawn = arrays.count_visible(vp.start, vp.end)
    if extent is not None:
        extent.append(ImageExtent(vp.start, vp.end, len(arrays) - drawn))
    return drawn
