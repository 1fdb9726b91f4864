"""Large arrays from the heap: an edit's new columns reuse the pages the last ones freed.

glibc gives an allocation above its mmap threshold (128 KiB at first, raised as such
blocks are freed, never past 32 MiB) pages of its own, mapped fresh and returned to the
kernel when freed.  An edit on a million-event store makes six new columns (34 MB) and
frees the six it replaces: on fresh pages every one of them is a page fault, 5-20 ms an
edit on a busy machine against about 1 ms for pages used before.  Raising the mmap
threshold to 64 MiB (and keeping up to 128 MiB freed at the top of the heap) lets the
next edit's columns take the pages the last one freed.  Elsewhere than glibc: nothing.

Faulting in room for the first edits' columns beforehand was tried and left out: it
kept about 96 MB more resident at a million events (335 MB against 239), for 40-60 ms on
the first two edits.

One heap for every thread (M_ARENA_MAX 1).  glibc gives each thread that allocates
while another does a heap (an arena) of its own, and what a thread frees stays in its
heap, for that heap's next allocations only, up to the trim threshold above.  The
window's big temporaries are made on several threads in turn (the events' load, the
article index's sort, the search map's read, each search), so each left up to 128 MB
resident that the next, on another thread, could not reuse: at 3,880,000 articles the
window's peak was 754 MB, 664 with one heap (bench/window.py; docs/decisions.md).  The
threads seldom allocate at once (most of their work holds the GIL, and numpy lets go
of it only inside its loops), so one heap costs next to nothing in waiting.
"""

from __future__ import annotations

import ctypes
import gc
import os
import sys

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
MMAP_THRESHOLD = 64 * 1024 * 1024
TRIM_THRESHOLD = 128 * 1024 * 1024

_done: bool | None = None


def reuse_freed_arrays() -> bool:
    """Tune glibc's malloc once per process as above; whether it was (glibc only).

    Called before the QApplication is made (create_application), so that no thread has
    a heap of its own yet, and again by the window (a no-op then)."""
    global _done
    if _done is None:
        _done = False
        if sys.platform.startswith("linux") and _glibc():
            try:
                libc = ctypes.CDLL(None)
                _done = bool(
                    libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
                    and libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
                    and libc.mallopt(_M_ARENA_MAX, 1)
                )
            except (OSError, AttributeError):
                _done = False
    return _done


def release_freed() -> bool:
    """Give the kernel back the whole free pages of every malloc heap (glibc's
    malloc_trim); whether it was called (glibc only).

    The events loader calls it on its thread once its work is handed over: the
    temporaries of reading ten million events (each query's texts and parsed columns,
    the range rows' parts, the overlay's masks), freed by then, stayed resident in that
    thread's heap under the thresholds above (52 MB at ten million events, measured).
    Takes about 10 ms there, without the GIL (ctypes lets go of it)."""
    if not (sys.platform.startswith("linux") and _glibc()):
        return False
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        return False
    return True


def _glibc() -> bool:
    """Whether the C library is glibc (its own answer: platform.libc_ver() reads the
    Python binary through, 5 ms of the window's start-up)."""
    try:
        return (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc")
    except (ValueError, OSError, AttributeError):
        return False


_start_up_frozen = False


def freeze_start_up() -> bool:
    """Move every object made so far (modules, classes, the window's widgets) out of the
    garbage collector's reach, once per process (gc.freeze); whether this call did.

    The window calls it when it is first shown.  A full collection holds the GIL while
    it visits every tracked object: set off on a worker (the events loader's imports and
    arrays), it visited start-up's objects, which live as long as the window: 20-27 ms
    of that thread's CPU, which the GUI thread waited out (80-130 ms at a load of 7-10)
    between the list's first frame and the timeline's.  Objects frozen are still freed by their reference
    counts; only a cycle made before the freeze and never collected stays.  No
    collection first: a full one here would be the same stall before the first frame.
    """
    global _start_up_frozen
    if _start_up_frozen:
        return False
    _start_up_frozen = True
    gc.freeze()
    return True


_settled = False


def settle_collector() -> bool:
    """Move every object made so far out of the garbage collector's reach, once per
    process (gc.freeze); whether this call did.

    A full collection in the open window reads every object made since start-up (Qt's
    wrappers, the date rules, the window): 40-55 ms on the GUI thread at a million
    events, whenever it falls, an edit's frame included.  Frozen, they are never read
    again, and a full collection reads only what was made since (under a millisecond).
    The young generations are collected first; what is already garbage in the old one
    then stays (made once, at start-up), as does any cycle of these objects left later.
    """
    global _settled
    if _settled:
        return False
    _settled = True
    gc.collect(1)
    gc.freeze()
    return True
