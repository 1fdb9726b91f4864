"""Paints one article row: title and a meta line, each in the direction of its own text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from timeline.ui.article_model import HiddenRole, PublishedRole, SourceRole, TitleHitsRole
from timeline.ui.direction import qt_direction, start_edge

_MARGIN = 6
ROW_MARGIN = _MARGIN  # a one-line row is the font's height and this
HIT_COLOUR = QColor(120, 190, 255, 150)  # as the detail pane marks hits in the body


def _text_option(text: str) -> QTextOption:
    """Direction from the text itself, aligned to that direction's start edge.

    Item views impose the view's direction on every row; a row such as
    "22nd أيّار" would then come out scrambled (DESIGN.md, Text).
    """
    direction = qt_direction(text)
    option = QTextOption()
    option.setTextDirection(direction)
    option.setAlignment(start_edge(direction) | Qt.AlignmentFlag.AlignVCenter)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    return option


# A row is one line of title and one of source: a line break in either (a web page's
# title can hold one) is a space, character for character (the hits' spans still fit).
# Drawn as it was, only the text before the break was shown.
_ONE_LINE = str.maketrans(dict.fromkeys("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))


class ArticleDelegate(QStyledItemDelegate):
    """Two lines per article; never slices text, elides with the font's metrics."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(200, 2 * line + 3 * _MARGIN)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        self._draw_background(painter, option)
        self._draw_text(painter, option, index)
        painter.restore()

    def _draw_background(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
        )

    def _draw_text(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = QRectF(option.rect).adjusted(_MARGIN, _MARGIN / 2, -_MARGIN, -_MARGIN / 2)
        half = rect.height() / 2

        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "").translate(_ONE_LINE)
        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(option.palette.color(group, role))
        elided = QFontMetrics(title_font).elidedText(
            title, Qt.TextElideMode.ElideRight, int(rect.width())
        )
        title_rect = QRectF(rect.left(), rect.top(), rect.width(), half)
        hits = index.data(TitleHitsRole) or []
        if hits:
            _draw_marked(painter, title_rect, elided, title_font, _text_option(title), hits)
        else:
            painter.drawText(title_rect, elided, _text_option(title))

        meta = self.meta_text(index)
        painter.setFont(option.font)
        if not selected:
            painter.setPen(option.palette.color(group, QPalette.ColorRole.PlaceholderText))
        elided = QFontMetrics(option.font).elidedText(
            meta, Qt.TextElideMode.ElideRight, int(rect.width())
        )
        # The meta line follows the title's direction so both lines share an edge.
        painter.drawText(
            QRectF(rect.left(), rect.top() + half, rect.width(), half), elided, _text_option(title)
        )

    def meta_text(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """A row's second line; an article the user hid (listed by View > Show hidden
        items) says so first, as the timeline greys its events."""
        meta = meta_line(index.data(PublishedRole) or "—", index.data(SourceRole) or "")
        if index.data(HiddenRole):
            meta = self.tr("Hidden") + "  ·  " + meta
        return meta


def meta_line(published: str, source: str) -> str:
    """A row's second line: its date and its source (already made fit to show), on one
    line, the source isolated ("@source" in a right-to-left row read "source@")."""
    meta = f"{published}  ·  \u2068{source}\u2069" if source else str(published)
    return meta.translate(_ONE_LINE)


def marked_layout(
    text: str, font: QFont, option: QTextOption, spans: list[tuple[int, int]], width: float
) -> QTextLayout:
    """One line of text with backgrounds under spans; the words stay whole and joined.

    `text` may have been elided: the ellipsis replaces its logical end, so the spans
    that start before the cut keep their offsets.
    """
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    marked = QTextCharFormat()
    marked.setBackground(HIT_COLOUR)
    ranges = []
    for start, end in spans:
        end = min(end, len(text))
        if start < end:
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = start, end - start, marked
            ranges.append(span)
    layout.setFormats(ranges)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(width)
    line.setPosition(QPointF(0, 0))
    layout.endLayout()
    return layout


def _draw_marked(
    painter: QPainter,
    rect: QRectF,
    text: str,
    font: QFont,
    option: QTextOption,
    spans: list[tuple[int, int]],
) -> None:
    layout = marked_layout(text, font, option, spans, rect.width())
    height = layout.lineAt(0).height()
    layout.draw(painter, QPointF(rect.left(), rect.top() + (rect.height() - height) / 2))


class DirectionalTextDelegate(QStyledItemDelegate):
    """One line of text per item, in the direction of the item's own text."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # Narrow on purpose: the view then gives each row its own width, and the text
        # is elided to it instead of running past the edge behind a scroll bar.
        return QSize(1, QFontMetrics(option.font).height() + ROW_MARGIN)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
        )
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(QPalette.ColorGroup.Active, role))
        rect = QRectF(option.rect).adjusted(_MARGIN, 0, -_MARGIN, 0)
        elided = QFontMetrics(option.font).elidedText(
            text, Qt.TextElideMode.ElideRight, int(rect.width())
        )
        painter.drawText(rect, elided, _text_option(text))
        painter.restore()
