"""The Go to date dialog: a date typed, and how it is understood, shown as it is typed.

The correction's dialog shows how its date is read; Go to date asked in a bare line and
said nothing until OK (a bare "1436" went to the Hijri or the Gregorian year by the
library's events, told only afterwards in the status bar).  The line under the field is
plain text: what was typed is the user's, but the dates are written by the program.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from timeline.ui.date_text import TYPED_DATE_CHARS

# The preview's lines and the dialog's width (in average characters) it is given.
_LINES = 4
_WIDTH_CHARS = 56


class GoToDateDialog(QDialog):
    """A line for a date, the prompt above it, and under it preview(text): how the
    window reads what is typed, updated at each key."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        prompt: str,
        text: str,
        preview: Callable[[str], str],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._preview = preview
        label = QLabel(prompt, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.field = QLineEdit(text, self)
        self.field.setMaxLength(TYPED_DATE_CHARS)  # a paste is cut: each key reads it all
        label.setBuddy(self.field)
        self.understood = QLabel(self)
        self.understood.setTextFormat(Qt.TextFormat.PlainText)
        self.understood.setWordWrap(True)
        # Room for what it says at its longest (a span of days, then for a bare year the
        # calendar taken): a window does not grow for a label's new lines, and the third
        # was cut off.
        metrics = self.fontMetrics()
        self.understood.setMinimumHeight(_LINES * metrics.lineSpacing())
        # No wider than its screen less a tenth: with large text (20 points) it asked 896
        # px, its OK button off an 800 px screen's edge (its labels wrap).
        screen = parent.screen().availableGeometry().width() * 9 // 10
        self.setMinimumWidth(min(_WIDTH_CHARS * metrics.averageCharWidth(), screen))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (label, self.field, self.understood, buttons):
            layout.addWidget(widget)
        self.field.textChanged.connect(self._show)
        self._show(text)

    def _show(self, text: str) -> None:
        shown = self._preview(text) if text.strip() else ""
        self.understood.setText(shown)
        self.field.setAccessibleDescription(shown)  # read out with the field
