"""The dialogs with large text: never wider than their screen, their buttons on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from timeline.ui.fonts import application_font


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[None]:
    """The window's font at 20 points, as a desktop set to large text gives it."""
    was = qapp.font()
    qapp.setFont(application_font(20.0))
    yield
    qapp.setFont(was)


def _off_screen(dialog: QDialog) -> list[str]:
    """What of the shown dialog is off its screen: its width, its buttons."""
    screen = dialog.screen().availableGeometry()
    found = [] if dialog.width() <= screen.width() else [f"{dialog.width()} px wide"]
    (buttons,) = dialog.findChildren(QDialogButtonBox)
    for button in buttons.buttons():
        place = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
        if not screen.contains(place):
            found.append(f"{button.text()} at {place.getRect()}")
    return found


def _on_screen(qtbot: QtBot, dialog: QDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _off_screen(dialog) == []
    dialog.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_export_dialog_fits_its_screen_with_large_text(
    qtbot: QtBot, large_text: None, language: str, request: pytest.FixtureRequest
) -> None:
    """At 20 points its format box's longest entry made it 984 px wide: on an 800 px
    screen OK and Cancel were off its edge.  The box's text is elided instead."""
    from timeline.ui.export_dialog import ExportDialog

    if language == "ar":
        request.getfixturevalue("arabic")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ExportDialog(parent, 800, 300)
    qtbot.addWidget(dialog)
    _on_screen(qtbot, dialog)


def test_go_to_date_fits_its_screen_with_large_text(qtbot: QtBot, large_text: None) -> None:
    """Its least width was 56 average characters: 896 px at 20 points."""
    from timeline.ui.go_to_date import GoToDateDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = GoToDateDialog(parent, "Go to date", "Date:", "", lambda text: text)
    qtbot.addWidget(dialog)
    _on_screen(qtbot, dialog)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_web_addresses_dialog_fits_its_screen_with_large_text(
    qtbot: QtBot, large_text: None, language: str, request: pytest.FixtureRequest
) -> None:
    """Its label on one line made it 820 px wide at 20 points: OK off an 800 px screen."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from timeline.ui.main_window import multi_line_text

    if language == "ar":
        request.getfixturevalue("arabic")
    parent = QWidget()
    qtbot.addWidget(parent)
    label = QCoreApplication.translate(
        "MainWindow", "Addresses of article pages or feeds (http or https), one per line:"
    )
    met: list[list[str]] = []
    formats: list[Qt.TextFormat] = []

    def meet() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and not met:
            met.append(_off_screen(dialog))
            formats.extend(label.textFormat() for label in dialog.findChildren(QLabel))
            dialog.reject()

    timer = QTimer()
    timer.timeout.connect(meet)
    timer.start(20)
    try:
        assert multi_line_text(parent, "Import web addresses", label, "https://x") == (
            "https://x",
            False,
        )
    finally:
        timer.stop()
    assert met == [[]]
    assert formats and set(formats) == {Qt.TextFormat.PlainText}  # never read as markup


def test_the_about_box_fits_its_screen_with_large_text(
    qtbot: QtBot, qapp: QApplication, arabic: None
) -> None:
    """Qt wraps a message box's text at half the screen's width: at 20 points on an
    800x600 screen the Arabic About box was 437x696, its Close button below the foot.
    (The test's screen is 800x800: at 26 points it was 841 px high.)"""
    from timeline.ui.about import about_box

    was = qapp.font()
    qapp.setFont(application_font(26.0))
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        box = about_box(parent)
        qtbot.addWidget(box)
        box.show()
        qtbot.waitExposed(box)
        screen = box.screen().availableGeometry()
        assert box.height() <= screen.height() * 9 // 10, (box.size(), screen)
        for button in box.buttons():
            place = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
            assert screen.contains(place), (place, screen)
        box.close()
    finally:
        qapp.setFont(was)
