"""An export's file written whole or not at all, wherever its name points."""

from __future__ import annotations

import errno
import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from timeline.export.files import written_whole

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and devices are POSIX")


def test_a_new_file_appears_whole_with_the_umasks_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with written_whole(target) as partial:
        assert partial.parent == tmp_path and partial != target and partial.exists()
        partial.write_text("a,b\n", encoding="utf-8")
        assert not target.exists()  # nothing under the name until it is whole
    assert target.read_text(encoding="utf-8") == "a,b\n"
    assert list(tmp_path.iterdir()) == [target]
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_a_failure_leaves_the_file_that_was_there_and_no_part(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("kept", encoding="utf-8")
    with pytest.raises(RuntimeError), written_whole(target) as partial:
        partial.write_text("half", encoding="utf-8")
        raise RuntimeError("the export failed")
    assert target.read_text(encoding="utf-8") == "kept"
    assert list(tmp_path.iterdir()) == [target]


def test_a_file_named_like_the_partial_one_is_never_written_over(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    other = tmp_path / "out.csv.part"  # the fixed name an export once wrote through
    other.write_text("the user's", encoding="utf-8")
    with written_whole(target) as partial:
        partial.write_text("new", encoding="utf-8")
    assert other.read_text(encoding="utf-8") == "the user's"
    assert target.read_text(encoding="utf-8") == "new"


@POSIX
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "shared.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    with written_whole(target) as partial:
        partial.write_text("new", encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@POSIX
def test_a_link_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "folder" / "real.csv"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with written_whole(link) as partial:
        assert partial.parent == real.parent  # beside the target, so the move is a rename
        partial.write_text("new", encoding="utf-8")
    assert link.is_symlink() and link.read_text(encoding="utf-8") == "new"
    assert real.read_text(encoding="utf-8") == "new"


@POSIX
def test_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    with written_whole(fifo) as partial:
        partial.write_text("through the pipe", encoding="utf-8")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@POSIX
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_device_is_reported_and_stays_a_device() -> None:
    before = os.stat("/dev/full")
    with pytest.raises(OSError) as failed, written_whole(Path("/dev/full")) as partial:
        partial.write_bytes(b"x" * 100_000)
    assert failed.value.errno == errno.ENOSPC  # the disk is full
    after = os.stat("/dev/full")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError), written_whole(tmp_path):
        pass


def _text_formats() -> list[str]:
    from timeline.export import FORMATS, IMAGE_FORMATS

    return [fmt for fmt in FORMATS if fmt not in IMAGE_FORMATS]


@pytest.mark.parametrize("fmt", _text_formats())
def test_every_text_export_tells_what_it_has_written_and_stops_when_told(
    sample_store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    from timeline.export import Selection, export, progress

    monkeypatch.setattr(progress, "EVERY", 0.0)  # each record, not every 0.1 s
    told: list[int] = []
    (tmp_path / "exports").mkdir()
    path = tmp_path / "exports" / "out"
    count = export(sample_store, fmt, Selection(), path, progress=told.append)
    assert count > 10 and told[0] == 0
    assert told == list(range(len(told))) and told[-1] in (count - 1, count)

    class Stop(Exception):
        pass

    def stop_at_5(written: int) -> None:
        if written == 5:
            raise Stop

    path.write_bytes(b"the file that was there")
    with pytest.raises(Stop):
        export(sample_store, fmt, Selection(), path, progress=stop_at_5)
    assert path.read_bytes() == b"the file that was there"
    assert [p.name for p in path.parent.iterdir()] == ["out"]  # no .part left
