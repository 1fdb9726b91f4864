"""A text's own direction in Qt terms, and the edge its paragraph starts from."""

from __future__ import annotations

from PySide6.QtCore import Qt

from timeline.text import base_direction


def qt_direction(text: str) -> Qt.LayoutDirection:
    """Right to left when the first strong character is Arabic (or Hebrew), else left to right."""
    return (
        Qt.LayoutDirection.RightToLeft
        if base_direction(text) == "rtl"
        else Qt.LayoutDirection.LeftToRight
    )


def start_edge(direction: Qt.LayoutDirection) -> Qt.AlignmentFlag:
    """The absolute edge a paragraph of that direction is aligned to."""
    edge = (
        Qt.AlignmentFlag.AlignRight
        if direction == Qt.LayoutDirection.RightToLeft
        else Qt.AlignmentFlag.AlignLeft
    )
    return edge | Qt.AlignmentFlag.AlignAbsolute
