"""When the window's first frames are on screen: stamps shared by bench/window.py and
bench/startup_time.py.

A frame counts once its paint is done and flushed: the stamp is taken on the event
loop's first turn after the paint event (the paint and the flush that puts it on screen
run in one go).  Kinds of frame:
- first_paint: any pixels at all (the list or the timeline, data or not);
- list_frame: the article list with rows in it;
- timeline_summary_frame: the timeline's density band of the events per day (data,
  drawn before any event is read);
- timeline_frame: the timeline with the events themselves.
The window shows data once the list and the timeline both do (first_frame_s).

Imports nothing at the top but the standard library: bench/startup_time.py loads it
into the program's own process before the program starts.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def process_age() -> float:
    """Seconds since this process was started (from /proc: exec, not this script)."""
    ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return uptime - ticks / os.sysconf("SC_CLK_TCK")


def rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


class Stamps(dict[str, float]):
    """name_s: seconds since exec; name_cpu_s: the stamping thread's CPU time by then."""

    def stage(self, name: str) -> None:
        self.setdefault(name, process_age())
        self.setdefault(name[: -len("_s")] + "_cpu_s", time.thread_time())

    def first_frame(self) -> float | None:
        """The whole window showing data: the later of the list's frame and the
        timeline's first frame with data (its events per day, or the events if sooner)."""
        if "list_frame_s" not in self:
            return None
        timeline = [self[k] for k in ("timeline_summary_frame_s", "timeline_frame_s") if k in self]
        return max(self["list_frame_s"], min(timeline)) if timeline else None


def watch(window: Any, stamps: Stamps, on_frame: Callable[[str], None] | None = None) -> Any:
    """Stamp the window's first frames (see above); on_frame(name) after each stamp.
    Returns the event filter, which the caller keeps referenced."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    painted: set[str] = set()

    def after_paint(name: str) -> None:
        def stamp() -> None:
            stamps.stage(name)
            if on_frame is not None:
                on_frame(name)

        QTimer.singleShot(0, stamp)

    class FirstPaints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            names = ["first_paint_s"]
            if watched is window.list.viewport() and window.model.rowCount() > 0:
                names.append("list_frame_s")
            elif watched is window.timeline and len(window.timeline.arrays()) > 0:
                names.append("timeline_frame_s")
            elif watched is window.timeline and window.timeline.drawing_mode() != "empty":
                names.append("timeline_summary_frame_s")  # the events per day
            for name in names:
                if name not in painted:
                    painted.add(name)
                    after_paint(name)
            return False

    first_paints = FirstPaints()
    window.list.viewport().installEventFilter(first_paints)
    window.timeline.installEventFilter(first_paints)
    return first_paints
