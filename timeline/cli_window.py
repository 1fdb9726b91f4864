"""`timeline` with no command (open the window) started without click.

Importing click and building the command line's thirty commands took 50-70 ms of the
window's start-up, before Qt was even loaded, and the window needs none of it.  The
console entry (`timeline/__main__.py`) hands the arguments here first; the window opens
without click only when the arguments are the group's own options, each once, with
values click would take without a word (`--db FILE`, `--lang ar|en`, `--screenshot
FILE`, `--bidi/--no-bidi`).  Anything else (a command, --help, --version, an unknown
option, a value click would refuse) is left to the click command line, untouched, so
help, errors and exit statuses come from one place.  Nothing here imports click.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.text.safe import terminal_safe

if TYPE_CHECKING:
    from timeline.store import Store

_VALUED = ("--db", "--lang", "--screenshot")
_FLAGS = ("--bidi", "--no-bidi")
_LANGUAGES = ("ar", "en")


@dataclass(frozen=True)
class WindowArguments:
    """The group options that open the window."""

    db: Path | None = None
    lang: str | None = None
    screenshot: Path | None = None


def chosen_db_path(db: Path | None) -> Path:
    """The database a command works on: --db, else $TIMELINE_DB, else the user's data dir."""
    if db is not None:
        return db
    env = os.environ.get("TIMELINE_DB")
    if env:
        return Path(env)
    from timeline.store import default_db_path

    return default_db_path()


def parse_window_arguments(args: list[str]) -> WindowArguments | None:
    """The window's options, read as click reads them; None where click has a say.

    None for a command or any positional argument, help, version, an unknown option,
    an option given twice (bidi's two spellings count as one), a missing value or one
    that starts with a dash, a language that is not a choice, and a --db or
    --screenshot that names a folder (click.Path(dir_okay=False) refuses it).
    """
    values: dict[str, str] = {}
    seen_bidi = False
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg in _FLAGS:
            if seen_bidi:
                return None
            seen_bidi = True
            continue
        name, equals, value = arg.partition("=")
        if name not in _VALUED or name in values:
            return None
        if not equals:
            if i >= len(args):
                return None
            value = args[i]
            i += 1
        if not value or value.startswith("-"):
            return None
        values[name] = value
    lang = values.get("--lang")
    if lang is not None and lang not in _LANGUAGES:
        return None
    paths: dict[str, Path] = {}
    for name in ("--db", "--screenshot"):
        if name in values:
            path = Path(values[name])
            try:
                if path.is_dir():
                    return None
            except OSError:
                return None  # a name too long to look up: click says so (a traceback here)
            paths[name] = path
    return WindowArguments(db=paths.get("--db"), lang=lang, screenshot=paths.get("--screenshot"))


def run_without_click(args: list[str]) -> bool:
    """Open the window as `timeline ARGS` would; False if the arguments are not for here.

    False means nothing was done: the caller runs the click command line on the same
    arguments.  Otherwise the window ran and the process exits with its status (1 after
    a one-line error, as the click command exits).
    """
    if os.name == "nt" or "_TIMELINE_COMPLETE" in os.environ:
        return False  # Windows' argument globs; shell completion
    parsed = parse_window_arguments(args)
    if parsed is None:
        return False
    try:
        code = open_window(parsed)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        print("Aborted!", file=sys.stderr)
        code = 1
    except Exception as exc:
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        print(terminal_safe(f"Error: unexpected {type(exc).__name__}: {exc}"), file=sys.stderr)
        code = 1
    sys.exit(code)


def open_window(arguments: WindowArguments) -> int:
    """The click group's body with no command: check the platform, open the store, run."""
    # Before any Qt import: a missing system library would otherwise abort inside Qt.
    from timeline.ui.platform_check import window_problem

    problem = window_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from timeline.store import Store, StoreError

    db_path = chosen_db_path(arguments.db)
    progress: Callable[[int, int, str], None] = migration_progress
    upgrade = None
    if _needs_upgrade(db_path):
        from timeline.ui.platform_check import has_display

        if has_display():
            from timeline.ui.app import UpgradeProgress

            progress = upgrade = UpgradeProgress(arguments.lang, also=migration_progress)
            upgrade.begin()
    try:
        store = _opened(db_path, progress, arguments.lang)
    except StoreError as exc:
        print(terminal_safe(f"Error: {exc}"), file=sys.stderr)
        if upgrade is not None:
            upgrade.finish()
            upgrade = None
        from timeline.ui.platform_check import failure_needs_a_window

        if not failure_needs_a_window():
            return 1
        from timeline.store import DamagedStoreError
        from timeline.ui.app import show_start_failure

        damaged = db_path if isinstance(exc, DamagedStoreError) else None
        repaired = show_start_failure(str(exc), arguments.lang, damaged)
        if repaired is None:
            return 1
        store = Store(repaired, create=False)  # made just now by this program
    finally:
        if upgrade is not None:
            upgrade.finish()
    if store is None:
        return 1
    with store:
        db_path = store.path
    from timeline.ui.app import run_window

    return run_window(db_path, lang=arguments.lang, screenshot=arguments.screenshot)


def _opened(
    db_path: Path, progress: Callable[[int, int, str], None], lang: str | None
) -> Store | None:
    """The library, opened for the window.  While another program holds it locked (an
    import writing it alone) and a window is where the user looks, the user is asked
    whether to try again: None when they would not (said on stderr too)."""
    from timeline.store import LockedStoreError, Store

    while True:
        try:
            return Store(db_path, create=True, progress=progress)
        except LockedStoreError as exc:
            from timeline.ui.platform_check import failure_needs_a_window

            if not failure_needs_a_window():
                raise
            from timeline.ui.app import ask_to_try_again

            if not ask_to_try_again(str(exc), lang):
                print(terminal_safe(f"Error: {exc}"), file=sys.stderr)
                return None


def _needs_upgrade(db_path: Path) -> bool:
    """Whether a library file was written by an older version (its schema is behind),
    read without opening it for writing; False for a new, locked or damaged file (the
    store says what is wrong with those)."""
    import sqlite3

    from timeline.store.schema import SCHEMA_VERSION

    if not db_path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return False
    return 0 < version < SCHEMA_VERSION


def migration_progress(done: int, total: int, what: str) -> None:
    """An upgrade that rebuilds something large says how far it is, on stderr.

    On a terminal one line counts up in place; into a file or a pipe (a log) the first
    and the last step are written as lines of their own, not a run of carriage returns.
    """
    line = f"Upgrading the library: {what} {done}/{total}"
    if _stderr_is_terminal():
        end = "\n" if done >= total else ""
        print(f"\r{line}", end=end, file=sys.stderr, flush=True)
    elif done >= total or what not in _PROGRESS_BEGUN:
        print(line, file=sys.stderr, flush=True)
    _PROGRESS_BEGUN.add(what)


_PROGRESS_BEGUN: set[str] = set()


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed
        return False
