"""Parts left by a writer killed are removed when their name is written again; those
another program still writes are not (timeline.partial_files)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from timeline.export.files import written_whole
from timeline.partial_files import QUIET_S
from timeline.store import Store
from timeline.store.repair import salvage

pytest.importorskip("fcntl")

_HOLDING = (
    "import fcntl, os, sys, time\n"
    "fd = os.open(sys.argv[1], os.O_RDONLY)\n"
    "fcntl.flock(fd, fcntl.LOCK_EX)\n"
    "print('held', flush=True)\n"
    "time.sleep(60)\n"
)


def _part(folder: Path, name: str, *, quiet: bool = True, text: str = "half") -> Path:
    part = folder / name
    part.write_text(text)
    if quiet:
        then = time.time() - QUIET_S - 5
        os.utime(part, (then, then))
    return part


def test_an_export_removes_the_parts_a_killed_export_of_its_name_left(tmp_path: Path) -> None:
    """Killed exports left NAME.XXXXXXXX.part beside NAME for ever; another program's
    export of the same name still running (it holds its part) keeps its own."""
    left = _part(tmp_path, "out.csv.1a2b3c4d.part")
    fresh = _part(tmp_path, "out.csv.0badc0de.part", quiet=False)  # just made, not yet held
    others = [
        _part(tmp_path, "other.csv.1a2b3c4d.part"),
        _part(tmp_path, "out.csv.notmine.part"),
        _part(tmp_path, "out.csv.1A2B3C4D.part"),
    ]
    (tmp_path / "out.csv.0123abcd.part").symlink_to(left)
    running = _part(tmp_path, "out.csv.feedf00d.part")
    with subprocess.Popen(
        [sys.executable, "-c", _HOLDING, str(running)], stdout=subprocess.PIPE
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == b"held"
            with written_whole(tmp_path / "out.csv") as partial:
                partial.write_text("a,b\n")
        finally:
            holder.kill()
    assert (tmp_path / "out.csv").read_text() == "a,b\n"
    assert not left.exists()
    assert fresh.exists() and running.exists() and all(p.exists() for p in others)
    assert (tmp_path / "out.csv.0123abcd.part").is_symlink()


def test_a_part_being_written_is_held_by_its_writer(tmp_path: Path) -> None:
    """While an export writes its part, another program's export of the same name,
    a minute later, leaves it."""
    with written_whole(tmp_path / "out.csv") as partial:
        partial.write_text("a,")
        then = time.time() - QUIET_S - 5
        os.utime(partial, (then, then))  # a writer slow to write again
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from pathlib import Path\n"
                "from timeline.partial_files import remove_left_parts\n"
                "print(len(remove_left_parts(Path(sys.argv[1]))))\n",
                str(tmp_path / "out.csv"),
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[1],  # the package under test
        )
        assert done.stdout.strip() == "0"
        assert partial.exists()
        partial.write_text("a,b\n")
    assert (tmp_path / "out.csv").read_text() == "a,b\n"


def test_a_repair_removes_the_copy_a_killed_repair_left_with_its_wal(tmp_path: Path) -> None:
    """A repair killed left its LIB-repaired.db.XXXXXXXX.part with its -wal and -shm."""
    path = tmp_path / "lib.db"
    Store(path).close()
    target = tmp_path / "lib-repaired.db"
    left = [_part(tmp_path, f"lib-repaired.db.1a2b3c4d.part{s}") for s in ("", "-wal", "-shm")]
    running = _part(tmp_path, "lib-repaired.db.feedf00d.part")
    running_wal = _part(tmp_path, "lib-repaired.db.feedf00d.part-wal")
    with subprocess.Popen(
        [sys.executable, "-c", _HOLDING, str(running)], stdout=subprocess.PIPE
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == b"held"
            salvage(path, target)
        finally:
            holder.kill()
    assert target.is_file()
    assert not any(p.exists() for p in left)
    assert running.exists() and running_wal.exists()


def test_a_repair_s_copy_is_held_while_it_is_made(tmp_path: Path) -> None:
    """Another program's repair of the same name, meanwhile, leaves the copy being made
    (and its -wal) though their times are a minute back."""
    path = tmp_path / "lib.db"
    with Store(path) as store, store.transaction():
        store.db.conn.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
    target = tmp_path / "lib-repaired.db"
    asked: list[str] = []

    def meanwhile(_done: int, _total: int, _table: str) -> None:
        if asked:
            return
        (copy,) = tmp_path.glob("lib-repaired.db.*.part")
        then = time.time() - QUIET_S - 5
        for file in (copy, Path(f"{copy}-wal")):
            if file.exists():
                os.utime(file, (then, then))
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from pathlib import Path\n"
                "from timeline.partial_files import remove_left_parts\n"
                "print(len(remove_left_parts(Path(sys.argv[1]), ('', '-wal', '-shm'))))\n",
                str(target),
            ],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parents[1],  # the package under test
        )
        asked.append(done.stdout.strip())

    salvage(path, target, progress=meanwhile)
    assert asked == ["0"]
    assert target.is_file()
