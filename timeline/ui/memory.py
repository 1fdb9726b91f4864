"""Large arrays from the heap: an edit's new columns reuse the pages the last ones freed.

glibc gives an allocation above its mmap threshold (128 KiB at first, raised as such
blocks are freed, never past 32 MiB) pages of its own, mapped fresh and returned to the
kernel when freed.  An edit on a million-event store makes six new columns (34 MB) and
frees the six it replaces: on fresh pages every one of them is a page fault, 5-20 ms an
edit on a busy machine against about 1 ms for pages used before.  Raising the mmap
threshold to 64 MiB (and keeping up to 128 MiB freed at the top of the heap) lets the
next edit's columns take the pages the last one freed.  Elsewhere than glibc: nothing.

The first edits would still fault their columns in (the loaded arrays were made on
the loader's thread, whose freed pages go to that thread's heap): warm_heap, once the
timeline is shown, faults in and frees the room for three sets of columns beforehand
(an edit's new set, the set shown, one more while the old one is let go).
"""

from __future__ import annotations

import ctypes
import platform
import sys

import numpy as np

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 64 * 1024 * 1024
TRIM_THRESHOLD = 128 * 1024 * 1024

_done: bool | None = None


def reuse_freed_arrays() -> bool:
    """Tune glibc's malloc once per process as above; whether it was (glibc only)."""
    global _done
    if _done is None:
        _done = False
        if sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc":
            try:
                libc = ctypes.CDLL(None)
                _done = bool(
                    libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
                    and libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
                )
            except (OSError, AttributeError):
                _done = False
    return _done


# Bytes per event of the timeline's arrays: ids, article ids, starts, ends (8 each),
# kinds and points (1 each).
_COLUMN_ITEMSIZES = (8, 8, 8, 8, 1, 1)


def warm_heap(events: int, copies: int = 3) -> bool:
    """Fault in, then free, room for `copies` sets of columns of `events` rows in the
    heap (after reuse_freed_arrays: it stays there); whether it did."""
    if not reuse_freed_arrays() or events <= 0:
        return False
    room = sum(_COLUMN_ITEMSIZES) * events * copies
    if room >= TRIM_THRESHOLD:
        return False  # more than the heap keeps: it would go straight back
    columns = [
        np.empty(events, dtype=np.dtype(f"u{size}"))
        for _ in range(copies)
        for size in _COLUMN_ITEMSIZES
    ]
    for column in columns:
        column.fill(0)  # touched: the pages are faulted in now
    del columns
    return True
