"""`timeline` with no command, started without click (timeline/__main__.py, cli_window.py).

The window itself is replaced by a stand-in that reports what it was asked to open and
whether click was loaded by then; each case runs through the console entry and through
the click command line alone, and both must open the same thing or fail the same way.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from timeline.cli_window import WindowArguments, parse_window_arguments
from timeline.store import Store

# The end of each script below: `timeline ARGS` run through the console entry, or
# through click's main alone when the last argument is --through-click.
_RUN = """
sys.argv = ["timeline", *json.loads(sys.argv[1])]
if sys.argv[-1] == "--through-click":
    sys.argv.pop()
    from timeline.cli import main
else:
    from timeline.__main__ import main
main()
"""

# Runs `timeline ARGS` (the entry, or click's main) with run_window replaced.
_SCRIPT = (
    """
import json, sys
import timeline.ui.app as app

def stand_in(db_path, *, lang=None, screenshot=None):
    print(json.dumps({
        "click": "click" in sys.modules,
        "db": str(db_path),
        "lang": lang,
        "screenshot": None if screenshot is None else str(screenshot),
    }))
    return 0

app.run_window = stand_in
"""
    + _RUN
)


def _timeline(
    args: list[str], cwd: Path, *, through_click: bool, script: str = _SCRIPT
) -> subprocess.CompletedProcess:
    """`timeline ARGS` run by script (its stand-ins, then _RUN) in a process of its own."""
    argv = [*args, "--through-click"] if through_click else args
    # The package under test, wherever the process starts (cwd is not its checkout).
    source = str(Path(timeline.__file__).resolve().parents[1])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": source}
    env.pop("TIMELINE_DB", None)
    return subprocess.run(
        [sys.executable, "-c", script, json.dumps(argv)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], WindowArguments()),
        (["--db", "a.db"], WindowArguments(db=Path("a.db"))),
        (["--db=a.db", "--lang", "ar"], WindowArguments(db=Path("a.db"), lang="ar")),
        (
            ["--no-bidi", "--screenshot", "s.png", "--lang=en"],
            WindowArguments(lang="en", screenshot=Path("s.png")),
        ),
        (["--bidi", "--db", "ملف.db"], WindowArguments(db=Path("ملف.db"))),
    ],
)
def test_the_window_options_are_read_as_click_reads_them(
    args: list[str], expected: WindowArguments
) -> None:
    assert parse_window_arguments(args) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["import", "x.jsonl"],  # a command
        ["--db", "a.db", "list"],
        ["--help"],
        ["-h"],
        ["--version"],
        ["--lang", "fr"],  # not a choice
        ["--db"],  # no value
        ["--db", "--lang"],  # a value that starts with a dash
        ["--db", "a.db", "--db", "b.db"],  # twice
        ["--bidi", "--no-bidi"],
        ["--unknown"],
        ["--db", "."],  # a folder
    ],
)
def test_anything_click_has_a_word_about_is_left_to_click(args: list[str]) -> None:
    assert parse_window_arguments(args) is None


def test_the_window_opens_without_click_as_it_would_with_it(tmp_path: Path) -> None:
    Store(tmp_path / "w.db").close()  # made here: creating one loads sqlite-utils (and click)
    args = ["--db", "w.db", "--lang", "ar", "--screenshot", "s.png"]
    direct = _timeline(args, tmp_path, through_click=False)
    via_click = _timeline(args, tmp_path, through_click=True)
    assert direct.returncode == via_click.returncode == 0, direct.stderr + via_click.stderr
    opened = json.loads(direct.stdout.splitlines()[-1])
    assert opened.pop("click") is False
    assert json.loads(via_click.stdout.splitlines()[-1]) == {**opened, "click": True}
    assert opened == {"db": "w.db", "lang": "ar", "screenshot": "s.png"}


def test_a_new_store_is_made_on_the_way(tmp_path: Path) -> None:
    done = _timeline(["--db", "new.db"], tmp_path, through_click=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["db"] == "new.db"
    with Store(tmp_path / "new.db", create=False) as store:
        assert store.count_articles() == 0


def test_a_damaged_store_fails_in_one_line_either_way(tmp_path: Path) -> None:
    (tmp_path / "bad.db").write_bytes(b"not a database at all, " * 100)
    direct = _timeline(["--db", "bad.db"], tmp_path, through_click=False)
    via_click = _timeline(["--db", "bad.db"], tmp_path, through_click=True)
    assert direct.returncode == via_click.returncode == 1
    assert direct.stdout == via_click.stdout == ""  # the window never opened
    assert direct.stderr == via_click.stderr
    assert direct.stderr.startswith("Error: bad.db ") and direct.stderr.count("\n") == 1
    assert (tmp_path / "bad.db").read_bytes() == b"not a database at all, " * 100


def test_a_library_name_too_long_to_look_up_fails_in_one_line(tmp_path: Path) -> None:
    """The window's own reading of its options looked the name up (is_dir) and raised
    ENAMETOOLONG: a Python traceback, where click says one line."""
    name = "y" * 300 + ".db"
    done = _timeline(["--db", name], tmp_path, through_click=False)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f"Error: cannot open {name}: File name too long\n"


def test_a_usage_error_still_comes_from_click(tmp_path: Path) -> None:
    done = _timeline(["--lang", "fr"], tmp_path, through_click=False)
    assert done.returncode == 2
    assert "Invalid value for '--lang'" in done.stderr
    assert done.stdout == ""


def test_an_upgrades_progress_is_lines_in_a_log_and_one_line_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from timeline import cli_window

    monkeypatch.setattr(cli_window, "_PROGRESS_BEGUN", set())
    for done in range(1, 6):
        cli_window.migration_progress(done, 5, "the index")
    logged = capsys.readouterr().err
    # Into a file or a pipe: where it began and that it ended, no carriage returns.
    assert "\r" not in logged
    assert logged.splitlines() == [
        "Upgrading the library: the index 1/5",
        "Upgrading the library: the index 5/5",
    ]

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    for done in range(1, 4):
        cli_window.migration_progress(done, 3, "the pairs")
    assert (
        terminal.getvalue()
        == "".join(f"\rUpgrading the library: the pairs {done}/3" for done in range(1, 4)) + "\n"
    )


_FAILURE_SCRIPT = (
    """
import json, sys
import timeline.ui.app as app
import timeline.ui.platform_check as platform_check

platform_check.failure_needs_a_window = lambda *a, **k: True
app.show_start_failure = lambda message, lang, damaged=None: print(json.dumps([message, lang]))
"""
    + _RUN
)


@pytest.mark.parametrize("through_click", [False, True])
def test_started_from_a_desktop_a_library_that_cannot_open_is_said_in_a_window(
    tmp_path: Path, through_click: bool
) -> None:
    """From a desktop menu (or a windowed build) stderr is read by no one: a damaged
    library's one line went nowhere and the program seemed to do nothing."""
    (tmp_path / "bad.db").write_bytes(b"not a database at all, " * 100)
    done = _timeline(
        ["--db", "bad.db", "--lang", "ar"],
        tmp_path,
        through_click=through_click,
        script=_FAILURE_SCRIPT,
    )
    assert done.returncode == 1
    message, lang = json.loads(done.stdout.splitlines()[-1])
    assert message.startswith("bad.db ") and lang == "ar"
    assert done.stderr.startswith("Error: bad.db ")


@pytest.mark.parametrize(
    ("environ", "stderr", "needed"),
    [
        ({"DISPLAY": ":0"}, None, True),  # a windowed build: no stderr at all
        ({"DISPLAY": ":0"}, "pipe", True),  # a desktop menu: stderr to a log
        ({"DISPLAY": ":0"}, "tty", False),  # a terminal: the line is read there
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "pipe", False),
        ({"QT_QPA_PLATFORM": "minimal;xcb"}, None, False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "pipe", True),
    ],
)
def test_a_failure_needs_a_window_only_where_no_one_reads_stderr(
    environ: dict[str, str], stderr: str | None, needed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.ui import platform_check

    monkeypatch.setattr(platform_check.sys, "platform", "linux")

    class Stream:
        def isatty(self) -> bool:
            return stderr == "tty"

    stream = None if stderr is None else Stream()
    assert platform_check.failure_needs_a_window(environ, stream) is needed


_REPAIR_SCRIPT = (
    """
import json, sys
from pathlib import Path
import timeline.ui.app as app
import timeline.ui.platform_check as platform_check

platform_check.failure_needs_a_window = lambda *a, **k: True

def offered(message, lang, damaged=None):
    print(json.dumps({"offered": None if damaged is None else str(damaged)}))
    return None if damaged is None else Path("repaired.db")

def stand_in(db_path, *, lang=None, screenshot=None):
    print(json.dumps({"opened": str(db_path)}))
    return 0

app.show_start_failure = offered
app.run_window = stand_in
"""
    + _RUN
)


@pytest.mark.parametrize("through_click", [False, True])
def test_a_damaged_library_repaired_at_start_up_is_the_one_opened(
    tmp_path: Path, through_click: bool
) -> None:
    from tests.store.test_store import _damaged_store

    _damaged_store(tmp_path / "project.db")
    Store(tmp_path / "repaired.db").close()  # what the repair made
    (tmp_path / "foreign.db").write_bytes(b"not a database at all, " * 100)
    seen = []
    for name in ("project.db", "foreign.db"):
        done = _timeline(
            ["--db", name], tmp_path, through_click=through_click, script=_REPAIR_SCRIPT
        )
        seen.append((done.returncode, [json.loads(line) for line in done.stdout.splitlines()]))
    # A damaged library: repair offered, the repaired one opened; a file that is no
    # SQLite database: nothing to repair, nothing opened.
    assert seen == [
        (0, [{"offered": "project.db"}, {"opened": "repaired.db"}]),
        (1, [{"offered": None}]),
    ]


_LOCKED_SCRIPT = (
    """
import json, sys
import timeline.store.store as store_module
import timeline.ui.app as app
import timeline.ui.platform_check as platform_check

platform_check.failure_needs_a_window = lambda *a, **k: True
store_module.Store.__init__.__kwdefaults__["timeout"] = 0.05  # the lock said at once
holder = store_module.Store("project.db")  # as an import of a large file holds it
alone, writing = holder.held_alone(), holder.transaction()
assert alone.__enter__()
writing.__enter__()
answers = json.loads(open("answers.json").read())

def asked(message, lang):
    print(json.dumps({"asked": message.split(" is locked")[0], "lang": lang}))
    if answers and answers[0]:  # the import ended meanwhile
        writing.__exit__(None, None, None)
        alone.__exit__(None, None, None)
        holder.close()
    return answers.pop(0) if answers else False

def stand_in(db_path, *, lang=None, screenshot=None):
    print(json.dumps({"opened": str(db_path)}))
    return 0

app.ask_to_try_again = asked
app.show_start_failure = lambda *a, **k: print(json.dumps({"failure box": True}))
app.run_window = stand_in
"""
    + _RUN
)


@pytest.mark.parametrize("through_click", [False, True])
@pytest.mark.parametrize("try_again", [True, False])
def test_a_library_locked_by_an_import_is_opened_when_the_user_tries_again(
    tmp_path: Path, through_click: bool, try_again: bool
) -> None:
    # Started from a menu while a terminal's import held the library alone, the program
    # could only say it was locked and end.
    Store(tmp_path / "project.db").close()
    (tmp_path / "answers.json").write_text(json.dumps([try_again]), encoding="utf-8")
    done = _timeline(
        ["--db", "project.db", "--lang", "ar"],
        tmp_path,
        through_click=through_click,
        script=_LOCKED_SCRIPT,
    )
    said = [json.loads(line) for line in done.stdout.splitlines()]
    asked = {"asked": "project.db", "lang": "ar"}
    if try_again:
        assert (done.returncode, said) == (0, [asked, {"opened": "project.db"}])
    else:  # closed: said once, no second box, nothing opened
        assert (done.returncode, said) == (1, [asked])
        assert "locked by another program" in done.stderr
