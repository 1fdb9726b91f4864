"""A ring in the highlight colour round a list or text box while it has the keyboard's
focus: Qt's Fusion style marks a focused line edit, but a focused list or text browser
looks as it does without the focus, and a keyboard user cannot see where keys go."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QRegion
from PySide6.QtWidgets import QWidget

RING_PX = 2  # as wide as the timeline's own focus frame (timeline_paint.paint_focus_frame)


class FocusRing(QWidget):
    """Drawn over the edge of its target (its frame and scroll bars), shown only while
    the target has the focus; masked to the ring, so the target's inside is never
    covered (scrolling stays a scroll, clicks go through)."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self._target = target
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._target:
            kind = event.type()
            if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
                self._follow_focus()
            elif kind == QEvent.Type.Resize and self.isVisible():
                self._fit()
        return False

    def _follow_focus(self) -> None:
        if self._target.hasFocus():
            self._fit()
            self.raise_()
            self.show()
        else:
            self.hide()

    def _fit(self) -> None:
        rect = self._target.rect()
        self.setGeometry(rect)
        inner = rect.adjusted(RING_PX, RING_PX, -RING_PX, -RING_PX)
        self.setMask(QRegion(rect).subtracted(QRegion(inner)))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Highlight))


def show_focus(*widgets: QWidget) -> None:
    """Ring each widget while it has the focus."""
    for widget in widgets:
        FocusRing(widget)
