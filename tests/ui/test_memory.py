"""The window's big arrays come from the heap, so an edit's new columns reuse pages."""

from __future__ import annotations

import platform
import subprocess
import sys
import textwrap

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
