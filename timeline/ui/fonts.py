"""Load the bundled Arabic and Latin fonts and make them the application font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from timeline.paths import fonts_dir

# Latin first so Latin text uses the Latin design; Qt falls back to the Arabic
# family for every Arabic character (and vice versa), so mixed lines render whole.
FAMILIES = ["Noto Sans", "Noto Sans Arabic"]


def load_bundled_fonts() -> list[str]:
    """Register the fonts in resources/fonts; returns the families that loaded."""
    loaded: set[str] = set()
    for path in sorted(fonts_dir().glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            loaded.update(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(loaded)


# The size the window's text always had, now its least: a desktop's smaller font (Qt's
# generic one is 9 points) does not make it smaller.
LEAST_POINT_SIZE = 10.5


def desktop_point_size() -> float:
    """The size of the desktop's interface font, as Qt's platform theme reads it (GTK's
    gtk-font-name, KDE's general font), 0 where it is given in pixels."""
    return max(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF(), 0.0)


def application_font(point_size: float | None = None) -> QFont:
    """The bundled families at point_size, else at the desktop's font size where it is
    larger than LEAST_POINT_SIZE: a user who had set the desktop's font large had the
    window's text at 10.5 points whatever the setting (18 points in GTK's settings,
    read by Qt's gtk3 theme, were not seen).  A scale (QT_SCALE_FACTOR, the screen's
    dots per inch) enlarges either."""
    font = QFont()
    font.setFamilies(FAMILIES)
    if point_size is None:
        point_size = max(LEAST_POINT_SIZE, desktop_point_size())
    font.setPointSizeF(point_size)
    return font
