"""How far a long export is: the records written so far, told to the caller."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

# ExportProgress(written): the records (articles or events) written so far.  Called as
# the export starts writing them and then at most every EVERY seconds; it may raise
# to stop the export (the file is then not written: files.written_whole).
ExportProgress = Callable[[int], None]
EVERY = 0.1


def counted(items: Iterable[T], progress: ExportProgress | None) -> Iterator[T]:
    """The items, each counted as written when the next is asked for (or at the end)."""
    if progress is None:
        yield from items
        return
    progress(0)
    last = time.monotonic()
    for written, item in enumerate(items, start=1):
        yield item
        now = time.monotonic()
        if now - last >= EVERY:
            last = now
            progress(written)
