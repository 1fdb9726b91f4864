"""The main window's status bar: a long message shortened with an ellipsis before the
counts, never cut against them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QStyle, QStyleOption, QToolTip, QWidget

from timeline.ui.plain_text import plain_tooltip

# Room left between a message and the first permanent widget (the counts): a gap as
# wide as the counts' own "  ·  " separator reads as two things, Qt's 2 px as one line.
GAP_PX = 16
_EDGE_PX = 6  # from the bar's start edge, as Qt leaves it


class StatusBar(QStatusBar):
    """A QStatusBar whose temporary message is elided to the room the permanent widgets
    leave it, and shown whole in a tooltip when it had to be.

    Qt clips the message to that room with 2 px to spare: at 800 px a long message
    was cut through a letter against the article count ("…A long ا|200 articles"), and
    in Arabic its start was cut off instead ("200 مقالة|ıtus message"), which read as
    the message running under the count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The message, the width, and the text shown for them: laid out once, not at
        # every paint (the bar is painted again with each change of the counts).
        self._shown: tuple[str, int, str] = ("", -1, "")
        self.messageChanged.connect(self._message_changed)

    def _message_changed(self, _message: str) -> None:
        # Qt repaints only its own message rectangle, which ends 12 px short of the
        # bar's end; message_rect runs to 6 px from it.  In a right-to-left bar the
        # strip between kept the last paint, and a message's first letters were not
        # drawn on the screen ("ـغي الاستيراد" for "أُلغي الاستيراد"), where a grab,
        # which paints the whole bar, showed them.
        self.update(self.message_rect())

    def message_rect(self) -> QRect:
        """Where the message is drawn: from the bar's start edge to the first visible
        widget (the permanent ones; Qt hides the others while a message shows)."""
        rtl = self.isRightToLeft()
        start, end = _EDGE_PX, self.width() - _EDGE_PX
        for child in self._visible_widgets():
            gap = 0 if isinstance(child, QSizeGrip) else GAP_PX
            if rtl:
                start = max(start, child.geometry().right() + 1 + gap)
            else:
                end = min(end, child.geometry().left() - gap)
        return QRect(start, 0, max(0, end - start), self.height())

    def shown_message(self) -> str:
        """The current message as drawn: on one line, elided at its logical end to fit."""
        message = self.currentMessage()
        width = self.message_rect().width()
        if self._shown[:2] != (message, width):
            line = " ".join(message.split())
            elided = self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, width)
            self._shown = (message, width, elided)
        return self._shown[2]

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        # What QStatusBar.paintEvent draws with a message, the message elided.
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        style = self.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for child in self._visible_widgets():
            if not isinstance(child, QSizeGrip):
                frame = QStyleOption()
                frame.rect = child.geometry().adjusted(-2, -1, 2, 1)
                frame.palette = self.palette()
                frame.state = QStyle.StateFlag.State_None
                style.drawPrimitive(
                    QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, child
                )
        painter.setPen(self.palette().windowText().color())
        flags = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(
            self.message_rect(), int(flags) | int(Qt.TextFlag.TextSingleLine), self.shown_message()
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            message = self.currentMessage()
            if self._is_cut() and self.message_rect().contains(event.pos()):
                QToolTip.showText(event.globalPos(), plain_tooltip(message), self)
                return True
        return super().event(event)

    def _is_cut(self) -> bool:
        message = self.currentMessage()
        return bool(message) and self.shown_message() != " ".join(message.split())

    def _visible_widgets(self) -> list[QWidget]:
        return [c for c in self.children() if isinstance(c, QWidget) and c.isVisible()]
