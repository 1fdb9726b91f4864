"""Untrusted text (article fields, file names, error reasons) handed to Qt as plain text only.

Qt guesses whether a string is rich text (Qt.mightBeRichText) for tooltips, labels and
message boxes: a title like `<img src="file:///dev/zero">` would be rendered, loading a
local file.  Every place the window shows such text goes through this module, and a test
checks that nothing in timeline/ui sets a tooltip, a label or a message by another way.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from timeline.text import base_direction
from timeline.text.display_safe import for_display, isolated
from timeline.ui.menu_keys import install_same_key_letters


def plain_html(lines: Iterable[str]) -> str:
    """Lines of untrusted text as rich text that shows them verbatim, one paragraph each.

    Each paragraph takes its own text's direction; controls and bidi overrides in the
    text are made visible (for_display) so they cannot reorder what surrounds them.
    """
    return "".join(
        f'<p dir="{base_direction(line)}" style="margin:0; white-space:pre-wrap">'
        f"{html.escape(for_display(line))}</p>"
        for line in lines
        if line
    )


def plain_tooltip(text: str) -> str:
    """A tooltip showing `text` as it is: never interpreted as markup."""
    return plain_html(text.split("\n")) if text else ""


# A menu entry or a legend's button is a line: a title or a source longer than this is
# cut (a menu laid out with a million-character entry took seconds to open).
_ACTION_CHARS = 200


def action_text(text: str) -> str:
    """Untrusted text as a menu entry's or a tool button's text: controls and bidi
    overrides made visible, & shown as itself (not taken as a shortcut's mark), laid
    out in its own direction (isolated).  Its tooltip, which Qt takes from the text,
    must be set with plain_tooltip."""
    return isolated(text, _ACTION_CHARS).replace("&", "&&")


def plain_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """A label that shows its text verbatim, whatever it contains."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(for_display(text))
    return label


# A line of Latin, Arabic and Arabic-Indic digits: as tall as any line a label shows.
_BOTH_SCRIPTS = "Ag عربي ٠١٢"


def keep_line_height(label: QLabel) -> None:
    """Make the label as tall empty as with a line of either script in it.

    An Arabic line is taller than an empty label or a Latin one (30 px against 19 at
    the bundled fonts): a label whose first text came after the window's first frame
    grew, and the window laid out and painted every widget again (the status bar's
    counts: 10-20 ms of the GUI thread's CPU, its longest stall once on screen).
    Measured on a label of its own, in its font: this one keeps its text."""
    sample = QLabel(_BOTH_SCRIPTS)  # never shown; freed on return
    sample.setFont(label.font())
    sample.setContentsMargins(label.contentsMargins())
    sample.setMargin(label.margin())
    label.setMinimumHeight(sample.sizeHint().height())


class ScreenFitBox(QMessageBox):
    """A message box no taller than its screen less a tenth where widening its text
    makes it so.  Qt wraps a box's text at half the screen's width (at most 500 px):
    with large text (20 points, an 800x600 screen) the Arabic About box was 437x696,
    its Close button below the screen's foot."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # Qt sizes the box here
        screen = self.screen().availableGeometry()
        label = self.findChild(QLabel, "qt_msgbox_label")
        if label is None or self.height() <= screen.height() * 9 // 10:
            return
        others = self.width() - label.width()
        label.setMinimumWidth(max(screen.width() * 9 // 10 - others, label.width()))
        self.setText(self.text())  # sized again, as Qt does for a new text
        frame = self.frameGeometry()
        self.move(
            self.x() + max(screen.left() - frame.left(), min(0, screen.right() - frame.right())),
            self.y() + max(screen.top() - frame.top(), min(0, screen.bottom() - frame.bottom())),
        )


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    details: str | None = None,
    *,
    values: Sequence[str] = (),
) -> QMessageBox:
    """A message box whose text is plain (QMessageBox.critical() & co. guess rich text).

    values: what %1, %2... of text stand for (what the user typed, an article's words),
    each shown on one line in its own direction: "31 فبراير 2015" in an English
    sentence was laid out by it, the year before the month.
    """
    box = ScreenFitBox(icon, title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    install_same_key_letters(box)  # its buttons, those added later too ("&Yes")
    shown = for_display(text)
    for number, value in enumerate(values, start=1):
        line = for_display(" ".join(value.split()))
        shown = shown.replace(f"%{number}", f"\u2068{line}\u2069")  # FIRST STRONG ISOLATE
    box.setText(shown)
    if details:
        shown = for_display(details)
        if box.isRightToLeft():
            # Each line a right-to-left paragraph: a line that begins with a file's name
            # was laid out left to right, its Arabic words in runs read backwards.
            shown = "\n".join(f"\u200f{line}" for line in shown.split("\n"))
        box.setDetailedText(shown)
    return box
