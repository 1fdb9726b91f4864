"""What the window imports before its first frame: nothing it does not draw with."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from timeline.store import Store

# Each costs a tenth of a second or more of CPU to import and none of it is needed to
# open a store and show the list and the timeline (bench/window.py's ready_to_build_s).
NOT_BEFORE_THE_FIRST_FRAME = (
    "sqlite_utils",  # the store reads through its own connection (store._Database)
    "click",
    "timeline.dating.dateline",  # the date rules: go to date, the edits' writer
    "timeline.dating.mentions",
    "timeline.ingest",  # the importers
    "timeline.library",
    "timeline.stories.copies",  # MinHash signing
    "timeline.export",  # File > Export and Print
    "rapidfuzz",  # spelling suggestions, for a search that finds nothing
)


def test_opening_the_window_imports_nothing_it_does_not_draw_with(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    Store(db).close()  # created (and migrated) here; the window opens it current
    loaded = _modules_after(
        db, "app.processEvents()\nprint(json.dumps(sorted(sys.modules)))\nwindow.close()\n"
    )
    assert "timeline.ui.main_window" in loaded
    assert not {m for m in NOT_BEFORE_THE_FIRST_FRAME if m in loaded}


# Loaded by the window's own modules before any of it is drawn; each is needed later,
# off the GUI thread or on first use (tens of milliseconds of CPU each at start-up).
NOT_BY_THE_WINDOW_MODULES = (
    "numpy.ma",  # np.unique loads it: the painter does without, the events loader loads it
    "arabic_reshaper",  # shaping for a terminal, never the window (text/bidi.py)
)


def test_the_window_modules_leave_out_what_is_loaded_later() -> None:
    script = (
        "import json, sys\n"
        "import timeline.ui.app, timeline.ui.main_window\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert {"numpy", "PySide6.QtWidgets", "timeline.ui.main_window"} <= loaded
    assert not {m for m in NOT_BY_THE_WINDOW_MODULES if m in loaded}


def test_numpy_is_imported_before_pyside6() -> None:
    # PySide6 reads the source of every module imported after it (its __feature__
    # check): numpy's 150 modules before it spare the window 40-90 ms of CPU.
    script = (
        "import sys\n"
        "import timeline.ui.app\n"
        "order = list(sys.modules)\n"
        "print(order.index('numpy') < order.index('PySide6'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "True"


def test_an_idle_window_loads_what_its_first_edit_would(tmp_path: Path) -> None:
    # Once the window is idle the edits' writer reads a date and loads the write
    # library (sqlite-utils), writing nothing: the first correction no longer pays for
    # either (160 ms of the first edit at 1M events, measured).
    from tests.ui.test_workers import jsonl
    from timeline import library

    db = tmp_path / "t.db"
    with Store(db) as store:
        library.import_paths(store, [jsonl(tmp_path / "a.jsonl", 3, "idle")])
    then = (
        "def done():\n"
        "    if window.edits.controller.busy or not window._writer_warmed:\n"
        "        return\n"
        "    print(json.dumps(sorted(sys.modules)))\n"
        "    app.quit()\n"
        "timer = QTimer()\n"
        "timer.timeout.connect(done)\n"
        "timer.start(50)\n"
        "QTimer.singleShot(20_000, app.quit)\n"
        "app.exec()\n"
        "window.close()\n"
    )
    loaded = _modules_after(db, then)
    assert {"sqlite_utils", "timeline.dating.dateline"} <= loaded
    with Store(db) as store:  # and nothing written
        for table in ("user_article_fields", "user_mentions"):
            assert store.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def _modules_after(db: Path, then: str) -> set[str]:
    """The modules a new process has loaded once it opened the window on db and ran
    then (Python lines that print sorted(sys.modules) as JSON and end the program)."""
    script = (
        "import json, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from timeline.ui.app import create_application\n"
        "from timeline.store import Store\n"
        "app, _ = create_application('en')\n"
        "from timeline.ui.main_window import MainWindow\n"
        f"store = Store({str(db)!r}, create=False)\n"
        "window = MainWindow(store)\n"
        "window.show()\n"
    ) + then
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_application_hands_the_gil_on_within_a_millisecond() -> None:
    """The GUI thread takes the GIL back behind a worker running Python after each of its
    calls into Qt: create_application shortens Python's 5 ms switch interval."""
    from timeline.ui.application import GIL_SWITCH_S, create_application

    default = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    try:
        create_application("en")
        assert sys.getswitchinterval() == GIL_SWITCH_S == 0.001
    finally:
        sys.setswitchinterval(default)


def test_a_pipe_in_the_settings_files_place_does_not_hold_the_window(tmp_path: Path) -> None:
    """Qt reads the settings file whole at the first QSettings: a FIFO there held the
    window before it opened, for ever.  Now it opens, remembers nothing, and the pipe
    stays a pipe."""
    pipe = tmp_path / "config" / "arabic-news-timeline" / "timeline.conf"
    pipe.parent.mkdir(parents=True)
    os.mkfifo(pipe)
    _open_the_window_with_settings_in(tmp_path / "config", tmp_path)
    assert pipe.is_fifo()


def test_a_device_the_settings_file_links_to_stays_a_device(tmp_path: Path) -> None:
    """Qt writes the settings beside their file and renames the copy over it: the
    settings file a link to /dev/zero, a run as root made /dev/zero a file of 459 bytes
    of settings (found so, and put back).  A device of the test's own stands for it."""
    device = tmp_path / "zero"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("making a device needs root, the one user who could lose one")
    link = tmp_path / "config" / "arabic-news-timeline" / "timeline.conf"
    link.parent.mkdir(parents=True)
    link.symlink_to(device)
    _open_the_window_with_settings_in(tmp_path / "config", tmp_path)
    assert device.is_char_device()


def _open_the_window_with_settings_in(config: Path, tmp_path: Path) -> None:
    """The program opened on a new library and closed, with XDG_CONFIG_HOME at config."""
    db = tmp_path / "t.db"
    Store(db).close()
    shot = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config)}
    command = [sys.executable, "-m", "timeline", "--db", str(db), "--lang", "en"]
    done = subprocess.run(
        [*command, "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "settings are not remembered" in done.stderr
    assert shot.stat().st_size > 0


_WRITING_SETTINGS = (
    "import sys\n"
    "from PySide6.QtCore import QSettings\n"
    "from timeline.ui.application import create_application\n"
    "from timeline.ui.main_window import remember_library\n"
    "from pathlib import Path\n"
    "create_application('en')\n"
    "print('writing', flush=True)\n"
    "i = 0\n"
    "while True:\n"
    "    i += 1\n"
    "    QSettings().setValue('window/geometry', b'\\x01' * 100000 + str(i).encode())\n"
    "    remember_library(Path(sys.argv[1]) / f'{i}.db')\n"
    "    QSettings().setValue('written', i)\n"
    "    QSettings().sync()\n"
)


_READING_SETTINGS = (
    "import json, sys\n"
    "from PySide6.QtCore import QSettings\n"
    "s = QSettings(sys.argv[1], QSettings.Format.IniFormat)\n"
    "g = s.value('window/geometry')\n"
    "r = s.value('libraries/recent')\n"
    "print(json.dumps([s.status() == QSettings.Status.NoError, s.value('written'),\n"
    "    None if g is None else bytes(g).decode('latin-1'), [r] if isinstance(r, str) else r]))\n"
)


def test_settings_killed_while_they_are_written_are_whole(tmp_path: Path) -> None:
    """The window writes its settings as it closes; killed then (SIGKILL, a power cut),
    the file is one whole writing or the one before, never a part of one: Qt writes a
    copy beside the file and renames it over the file (QSaveFile).  Ten kills at
    moments spread over the writes; each file read by a process of its own (Qt keeps a
    file it has read, and a file of the same size and time is not read again)."""
    config = tmp_path / "config"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config)}
    libraries = tmp_path / "libraries"
    libraries.mkdir()
    file = config / "arabic-news-timeline" / "timeline.conf"
    for delay in [0.02 * k for k in range(10)]:
        with subprocess.Popen(
            [sys.executable, "-c", _WRITING_SETTINGS, str(libraries)],
            env=env,
            stdout=subprocess.PIPE,
            cwd=Path(__file__).resolve().parents[2],  # the package under test
        ) as writer:
            assert writer.stdout is not None
            assert writer.stdout.readline().strip() == b"writing"
            time.sleep(0.05 + delay)
            writer.kill()
        read = subprocess.run(
            [sys.executable, "-c", _READING_SETTINGS, str(file)],
            capture_output=True,
            check=True,
            text=True,
        )
        fine, written, geometry, recent = json.loads(read.stdout)
        assert fine and written is not None, file.read_bytes()[-200:]
        # Each value is written as it is set: the kill may fall between two of them.
        n = int(written)
        assert geometry in ("\x01" * 100000 + str(n), "\x01" * 100000 + str(n + 1))
        assert recent[0].endswith((f"/{n}.db", f"/{n + 1}.db"))
