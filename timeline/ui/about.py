"""The About box and the application icon."""

from __future__ import annotations

import html

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from timeline import __version__
from timeline.paths import resources_dir
from timeline.ui.plain_text import ScreenFitBox

ICON_NAME = "arabic-news-timeline"


def application_icon() -> QIcon:
    """The icon from resources/icons: every PNG size there (no SVG plugin needed)."""
    icons = resources_dir() / "icons"
    icon = QIcon()
    for path in sorted(icons.glob(f"{ICON_NAME}*.png")):
        icon.addFile(str(path))
    return icon


# Names given whole: the Arabic box cut "SIL" from "Open Font License 1.1" at the end of
# a line.  The longest first: "Noto Sans" joined first, "Noto Sans Arabic" went unfound.
_WHOLE_NAMES = ("SIL Open Font License 1.1", "Noto Sans Arabic", "Noto Sans")


def _paragraph(text: str, tag: str = "p") -> str:
    for name in _WHOLE_NAMES:
        text = text.replace(name, name.replace(" ", "\N{NO-BREAK SPACE}"))
    return f"<{tag}>{html.escape(text)}</{tag}>"


def about_text() -> str:
    """The box's rich text: name, version, description, font licence, Qt version."""
    # Literal QCoreApplication.translate calls, so that pyside6-lupdate finds every string.
    return "".join(
        [
            _paragraph(QCoreApplication.translate("About", "News Timeline"), "h3"),
            _paragraph(
                QCoreApplication.translate("About", "Version {version}").format(version=__version__)
            ),
            _paragraph(
                QCoreApplication.translate(
                    "About",
                    "An Arabic-first timeline of news articles and the dates they mention.",
                )
            ),
            _paragraph(
                QCoreApplication.translate(
                    "About",
                    "Includes the Noto Sans and Noto Sans Arabic fonts, licensed under the SIL Open Font License 1.1.",
                )
            ),
            _paragraph(
                QCoreApplication.translate("About", "Qt {qt} (PySide6 {pyside})").format(
                    qt=qVersion(), pyside=PySide6.__version__
                )
            ),
        ]
    )


def about_box(parent: QWidget | None) -> QMessageBox:
    """The About box, built but not shown (tests inspect it without a modal loop)."""
    box = ScreenFitBox(parent)  # no taller than its screen with large text
    box.setWindowTitle(QCoreApplication.translate("About", "About News Timeline"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text())
    icon = application_icon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def show_about(parent: QWidget) -> None:
    """Show the About box modally over `parent`."""
    about_box(parent).exec()
