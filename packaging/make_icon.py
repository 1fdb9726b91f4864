"""Render resources/icons/arabic-news-timeline.svg to the PNG sizes the app and desktops use.

Run from the repository root after editing the SVG:
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
NAME = "arabic-news-timeline"
SIZES = (256, 64, 32)


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / f"{NAME}.svg"
    for size in SIZES:
        target = ICONS / (f"{NAME}.png" if size == 256 else f"{NAME}-{size}.png")
        if not render(svg, size).save(str(target)):
            raise SystemExit(f"could not write {target}")
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
