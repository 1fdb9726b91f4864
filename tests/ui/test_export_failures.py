"""An export the system would not write says why in the interface's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from timeline.store import Store
from timeline.ui.main_window import MainWindow


@pytest.mark.parametrize("fmt", ["png", "articles-csv"])
def test_the_systems_reason_is_said_in_arabic_in_the_arabic_window(
    qtbot: QtBot, sample_store: Store, arabic: None, tmp_path: Path, fmt: str
) -> None:
    """The C library's words are English whatever the system's language: the Arabic
    window said "Not a directory" (and "No space left on device") as they came."""
    window = MainWindow(sample_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(window.timeline.arrays()) > 0, timeout=10_000)
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")
    target = blocked / f"out.{fmt.rpartition('-')[2]}"
    with qtbot.waitSignal(window.exporter.export_failed, timeout=20_000) as signal:
        window.exporter.export_to(fmt, target)
    said = QCoreApplication.translate("ImportMessages", "Not a directory")
    assert said != "Not a directory"  # the translation is loaded
    assert said in signal.args[0] and "Not a directory" not in signal.args[0]
    assert str(target) in signal.args[0]
