"""Files written under a name of their own (NAME.XXXXXXXX.part) beside the name they
take once whole: held by their writer while written, and those left by a writer that
was killed (SIGKILL, a power cut) removed when the same name is written again.

A .part of a name may be another program's export or repair still running: it is
removed only when no process holds it (its writer takes an flock on it, which ends
with the writer, however it ends) and it has not changed for a minute (the moment
between its making and its lock, and a writer of an older version, which took none,
still writing it)."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock, and nothing left behind is removed
    fcntl = None  # type: ignore[assignment]

# A part unchanged this long, and held by no process, is left from a writer killed.
QUIET_S = 60.0
# Parts of one name looked at, at most (a folder of a million files is not walked).
_LOOKED_AT = 10_000


def part_name(target: Path) -> Path:
    """A name for a part of target, beside it (TARGET.XXXXXXXX.part, as
    remove_left_parts looks for them); not made here."""
    return target.with_name(f"{target.name}.{secrets.token_hex(4)}.part")


@contextlib.contextmanager
def held(path: Path) -> Iterator[None]:
    """path held (an flock) while the block runs: no other program removes it."""
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        yield  # (a part that could not be opened is no part to clean: written all the same)
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        # Closed once its writer is done: a close ends every POSIX lock this process
        # has on the file (SQLite's on a repair's copy), so not before.
        os.close(fd)


def remove_left_parts(target: Path, companions: tuple[str, ...] = ("",)) -> list[Path]:
    """Remove the parts of target (TARGET.XXXXXXXX.part, and each with the suffixes in
    companions: "-wal", "-shm", "-journal" for a library's) that no process holds and
    that have not changed for QUIET_S; the parts removed."""
    if fcntl is None:
        return []
    pattern = re.compile(re.escape(target.name) + r"\.[0-9a-f]{8}\.part")
    removed: list[Path] = []
    try:
        names = os.scandir(target.parent)
    except OSError:
        return []
    with names:
        for n, entry in enumerate(names):
            if n >= _LOOKED_AT:
                break
            if pattern.fullmatch(entry.name) and _left(Path(entry.path)):
                removed.append(Path(entry.path))
    for part in removed:
        for suffix in companions[1:]:
            with contextlib.suppress(OSError):
                os.unlink(f"{part}{suffix}")
    return removed


def _left(part: Path) -> bool:
    """Whether part was left by a killed writer: removed here if so."""
    assert fcntl is not None
    try:
        fd = os.open(part, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError:
        return False  # a link, a folder this user cannot read...
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or time.time() - info.st_mtime < QUIET_S:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # its writer holds it
        wal = Path(f"{part}-wal")
        with contextlib.suppress(OSError):
            if time.time() - wal.stat().st_mtime < QUIET_S:
                return False  # (a library's copy: its writer writes the -wal)
        os.unlink(part)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
