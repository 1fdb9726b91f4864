"""Waiting in UI tests for what the window reads on worker threads."""

from __future__ import annotations

import time

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from timeline.ui.detail_pane import DetailPane


def article_shown(pane: DetailPane, timeout: float = 10.0) -> None:
    """Wait until the detail pane shows the article last chosen (read on a worker)."""
    deadline = time.monotonic() + timeout
    while pane.is_loading():
        assert time.monotonic() < deadline, "the chosen article was never shown"
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.002)
