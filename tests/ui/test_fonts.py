"""The window's font: the bundled families, at the desktop's font size where it is larger."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from timeline.ui import fonts


@pytest.fixture
def desktop_font(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[list[float]]:
    """The desktop's interface font at the size the test puts in the list (as Qt's
    platform theme would give it: GTK's gtk-font-name, KDE's general font); the
    application's font as it was after the test."""
    size: list[float] = [9.0]

    def system_font(kind: QFontDatabase.SystemFont) -> QFont:
        font = QFont("Sans")
        if size[0] > 0:
            font.setPointSizeF(size[0])
        else:  # a font given in pixels
            font.setPixelSize(16)
        return font

    monkeypatch.setattr(QFontDatabase, "systemFont", system_font)
    was = qapp.font()
    yield size
    qapp.setFont(was)


def test_the_window_takes_the_desktops_larger_font(
    desktop_font: list[float], qapp: QApplication
) -> None:
    """A desktop set to 18-point text gave a window at 10.5 points."""
    from timeline.ui.application import create_application

    desktop_font[0] = 18.0
    create_application("en")
    assert qapp.font().pointSizeF() == 18.0
    assert qapp.font().families() == fonts.FAMILIES


def test_a_smaller_desktop_font_leaves_the_window_at_its_least(
    desktop_font: list[float], qapp: QApplication
) -> None:
    desktop_font[0] = 9.0  # Qt's generic desktop font
    assert fonts.application_font().pointSizeF() == fonts.LEAST_POINT_SIZE
    desktop_font[0] = -1.0  # a font given in pixels: no point size
    assert fonts.application_font().pointSizeF() == fonts.LEAST_POINT_SIZE
    assert fonts.application_font(14.0).pointSizeF() == 14.0
