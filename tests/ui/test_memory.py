"""The window's big arrays come from the heap, so an edit's new columns reuse pages."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent(
    """
    import ctypes

    import numpy as np

    from timeline.ui.memory import reuse_freed_arrays


    class Info(ctypes.Structure):  # glibc's struct mallinfo2
        _fields_ = [(name, ctypes.c_size_t) for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
            "uordblks", "fordblks", "keepcost")]


    libc = ctypes.CDLL(None)
    libc.mallinfo2.restype = Info


    def mapped_for(tuned):
        if tuned:
            assert reuse_freed_arrays()
        before = libc.mallinfo2().hblkhd
        column = np.ones(2_000_000, dtype=np.int64)  # 16 MB: one column of 2M events
        return libc.mallinfo2().hblkhd - before, column


    import sys

    grown, _ = mapped_for(sys.argv[1] == "tuned")
    print(grown)
    """
)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="glibc's malloc only",
)
def test_a_column_of_millions_comes_from_the_heap_not_fresh_mapped_pages() -> None:
    def mapped(how: str) -> int:
        out = subprocess.run(
            [sys.executable, "-c", SCRIPT, how], capture_output=True, text=True, check=True
        )
        return int(out.stdout.strip())

    assert mapped("plain") >= 16_000_000  # glibc's own way: pages mapped for it alone
    assert mapped("tuned") == 0


SETTLE = textwrap.dedent(
    """
    import gc
    import json

    from timeline.ui.memory import settle_collector

    gc.collect()
    made_before = [{"a": [1, 2]} for _ in range(2000)]  # long-lived: in the oldest generation
    gc.collect()
    old = len(gc.get_objects(generation=2))
    first, again = settle_collector(), settle_collector()
    later = [[n] for n in range(100)]
    print(json.dumps({
        "first": first,
        "again": again,
        "old_before": old,
        "old_after": len(gc.get_objects(generation=2)),
        "frozen": gc.get_freeze_count(),
        "seen": any(o is made_before[0] for o in gc.get_objects()),
        "later_seen": any(o is later[0] for o in gc.get_objects()),
    }))
    """
)


def test_the_collector_settled_never_reads_the_objects_made_before_again() -> None:
    """settle_collector (the window calls it once its warm-up is done): a full collection
    afterwards reads only what was made since, not the thousands of objects made
    before (in the window, 40-55 ms on the GUI thread, whenever one fell)."""
    import json

    done = subprocess.run(
        [sys.executable, "-c", SETTLE], capture_output=True, text=True, timeout=60, check=True
    )
    found = json.loads(done.stdout)
    assert found["first"] and not found["again"]  # once per process
    assert found["old_before"] > 2000 and found["old_after"] < 50
    assert found["frozen"] > 4000 and not found["seen"] and found["later_seen"]


RELEASE = textwrap.dedent(
    """
    import json

    import numpy as np

    from timeline.ui.memory import release_freed, reuse_freed_arrays


    def resident_mb():
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * 4096 / 2**20


    reuse_freed_arrays()  # as the window runs: freed arrays stay in the heap
    parts = [np.ones(1 << 17, dtype=np.int64) for _ in range(64)]  # 64 MB in 1 MB parts
    kept = np.ones(1 << 17, dtype=np.int64)  # above them: the heap's top stays in use
    del parts
    held = resident_mb()
    released = release_freed()
    print(json.dumps({"released": released, "held": held, "after": resident_mb()}))
    """
)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="glibc's malloc only",
)
def test_freed_arrays_kept_in_the_heap_are_given_back_on_release() -> None:
    out = subprocess.run(
        [sys.executable, "-c", RELEASE], capture_output=True, text=True, check=True
    )
    figures = json.loads(out.stdout)
    assert figures["released"]
    assert figures["held"] - figures["after"] >= 48  # of the 64 MB freed


ACROSS_THREADS = textwrap.dedent(
    """
    import json
    import os
    import threading

    import numpy as np

    from timeline.ui.memory import reuse_freed_arrays


    def resident_mb():  # read unbuffered: no buffer of its own taken from the heap
        fd = os.open("/proc/self/statm", os.O_RDONLY)
        try:
            return int(os.read(fd, 200).split()[1]) * 4096 / 2**20
        finally:
            os.close(fd)


    reuse_freed_arrays()  # as the program does, before any thread of its own
    go, done = threading.Event(), threading.Event()
    grown = []


    def later_work():  # alive (and allocating) while the first thread's work is done
        _ = [bytes(64) for _ in range(100)]
        go.wait()
        before = resident_mb()
        # 70 MB where 80 were freed: other allocations may take a little of the freed
        # room first (a buffered read of /proc did, on a bare Debian 12: 38 MB grown).
        columns = [np.ones(4_375_000, dtype=np.int64) for _ in range(2)]
        grown.append(resident_mb() - before)
        del columns
        done.set()


    other = threading.Thread(target=later_work)
    other.start()
    first = [np.ones(5_000_000, dtype=np.int64) for _ in range(2)]  # 80 MB, then freed
    kept = np.ones(1 << 17, dtype=np.int64)  # above them: the heap's top stays in use
    del first
    go.set()
    done.wait()
    other.join()
    print(json.dumps({"grown": grown[0]}))
    """
)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="glibc's malloc only",
)
def test_arrays_freed_on_one_thread_are_reused_by_another() -> None:
    """The window's big temporaries are made on several threads in turn (the events'
    load, the article index's sort, the search map, each search): with a heap a thread,
    each thread's freed arrays stayed resident beside the next thread's, 754 MB at the
    peak of 3,880,000 articles where one heap for all took 652."""
    out = subprocess.run(
        [sys.executable, "-c", ACROSS_THREADS], capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout)["grown"] < 20  # of 70 MB: the pages freed were reused


SHOWN = textwrap.dedent(
    """
    import gc
    import json
    import sys

    from PySide6.QtWidgets import QApplication

    from timeline.store import Store
    from timeline.ui.main_window import MainWindow

    app = QApplication([])
    store = Store(sys.argv[1], create=False)
    window = MainWindow(store)
    before = gc.get_freeze_count()
    window.show()  # as a test, a bench or the program opens it: nothing else asked
    frozen = gc.get_freeze_count()
    window.close()
    made_later = [[1]]
    window.show()  # shown again: nothing more frozen
    print(json.dumps({
        "before": before,
        "frozen": frozen,
        "window_seen": any(o is window for o in gc.get_objects()),
        "later_seen": any(o is made_later for o in gc.get_objects()),
    }))
    window.close()
    store.close()
    """
)


def test_the_window_leaves_start_ups_objects_out_of_full_collections_when_first_shown(
    sample_db: Path,
) -> None:
    """A full collection set off on a worker (the events loader's arrays and imports)
    held the GIL while it visited every object made at start-up: 20-30 ms of the GUI
    thread's CPU between the list's first frame and the timeline's at a million events.
    Shown, the window freezes them itself, whatever opened it (the program, a bench)."""
    done = subprocess.run(
        [sys.executable, "-c", SHOWN, str(sample_db)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["before"] == 0
    assert found["frozen"] > 10_000 and not found["window_seen"]
    assert found["later_seen"]  # once per process
