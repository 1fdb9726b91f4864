"""PySide6 6.12.0 on CPython 3.11 aborts after ~5,000 calls that return None."""

from __future__ import annotations

import os
import subprocess
import sys

PROGRAM = """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
for i in range(20_000):
    w.setToolTip(str(i))   # returns None: each call used to drop a reference to None
    w.setObjectName("x")
print("survived")
"""


def test_many_none_returning_calls_do_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "survived" in done.stdout
    assert "none_dealloc" not in done.stderr
