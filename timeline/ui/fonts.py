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


def application_font(point_size: float = 10.5) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(point_size)
    return font
