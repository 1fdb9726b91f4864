"""An export's file written whole or not at all, wherever its name points.

The file is written beside its target under a name of its own and moved over the
target when whole, so a failed export leaves the file that was there.  The target is
where the name leads: a symbolic link is followed (the link stays a link), and a name
that is not a regular file (a FIFO, a device such as /dev/stdout) cannot be moved
over: the export is made in a temporary folder and then copied into it, so a full
disk (/dev/full) is reported, and the device stays a device.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from timeline.partial_files import held, part_name, remove_left_parts

# Attempts at a free name beside the target (each a random one: a clash is rare).
_NAME_TRIES = 100


@contextlib.contextmanager
def written_whole(path: Path) -> Iterator[Path]:
    """A path to write the export to; when the block ends without an error, its file
    becomes path's.  OSError when path is a folder or cannot be written."""
    target = Path(os.path.realpath(path))  # a link's target; the link itself stays
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if mode is not None and not stat.S_ISREG(mode):
        with tempfile.TemporaryDirectory() as folder:
            partial = Path(folder) / target.name
            yield partial
            with partial.open("rb") as made, target.open("wb") as out:
                shutil.copyfileobj(made, out)
        return
    remove_left_parts(target)  # by exports of this name killed before
    partial = _free_name(target)
    try:
        with held(partial):
            yield partial
            with partial.open("rb+") as made:
                os.fsync(made.fileno())  # whole on disk before it takes the name
            if mode is not None:
                os.chmod(partial, stat.S_IMODE(mode))  # the replaced file's permissions
            partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


# The files SQLite keeps beside a database while it is open or being written.
_LIBRARY_COMPANIONS = ("", "-wal", "-shm", "-journal")


def refuse_the_library(path: Path, library: Path) -> None:
    """OSError when path names the library being exported, or a file SQLite keeps beside
    it: an export moved over it would put a CSV file where the whole library was."""
    target = os.path.realpath(path)  # a link is followed to what it names, as written_whole does
    held = os.path.realpath(library)
    if any(target == held + suffix for suffix in _LIBRARY_COMPANIONS):
        raise OSError(
            errno.EINVAL, "it is the library being exported (give another file)", str(path)
        )


def _free_name(target: Path) -> Path:
    """A new, empty file beside target (made here, so that no other file is written
    over), with the permissions a new file gets from the user's umask."""
    for _ in range(_NAME_TRIES):
        partial = part_name(target)
        try:
            os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return partial
    raise FileExistsError(errno.EEXIST, "no free name for the file being written", str(target))
