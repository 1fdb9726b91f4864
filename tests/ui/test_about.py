"""The About box (timeline/ui/about.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument, QTextOption
from PySide6.QtWidgets import QApplication, QLabel

from timeline.ui.about import about_box

# The names the box gives whole: one cut across two lines read as two things.
NAMES = ("SIL Open Font License 1.1", "Noto Sans Arabic", "Noto Sans")


def _lines_of(text: str, html: str, width: int, direction: Qt.LayoutDirection) -> set[int]:
    """The lines (their numbers in the box's text laid out width pixels wide) that text's
    letters fall on."""
    document = QTextDocument()
    document.setDefaultFont(QApplication.font())
    option = QTextOption()
    option.setTextDirection(direction)
    document.setDefaultTextOption(option)
    document.setHtml(html)
    document.setTextWidth(width)
    document.size()  # laid out now, its lines known
    # Found in the plain text (its no-break spaces are spaces there), one letter a place.
    at = document.toPlainText().find(text)
    assert at >= 0, text
    block = document.findBlock(at)
    layout = block.layout()
    first = at - block.position()
    return {
        number
        for number in range(layout.lineCount())
        for offset in range(first, first + len(text))
        if layout.lineAt(number).textStart()
        <= offset
        < layout.lineAt(number).textStart() + layout.lineAt(number).textLength()
    }


def _box_text() -> str:
    box = about_box(None)
    try:
        (label,) = [label for label in box.findChildren(QLabel) if "Noto" in label.text()]
        return label.text()
    finally:
        box.deleteLater()


def _each_name_on_one_line(direction: Qt.LayoutDirection) -> None:
    html = _box_text()
    for width in range(160, 601, 20):
        for name in NAMES:
            assert len(_lines_of(name, html, width, direction)) == 1, (name, width)


def test_a_name_in_the_about_box_is_never_cut_across_lines(qapp: QApplication) -> None:
    # Seen in the Arabic box at its own width: "SIL" ended a line, "Open Font License
    # 1.1" began the next.
    _each_name_on_one_line(Qt.LayoutDirection.LeftToRight)


@pytest.mark.usefixtures("arabic")
def test_a_name_in_the_arabic_about_box_is_never_cut_across_lines(qapp: QApplication) -> None:
    _each_name_on_one_line(Qt.LayoutDirection.RightToLeft)
