"""A library written by an older version is upgraded before the window opens, in view.

An upgrade that rebuilds an index took seconds at a million events and would take tens
at ten million, and the window showed nothing until it was done: started from a desktop
menu the program looked as if it had not started.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from timeline.cli_window import _needs_upgrade
from timeline.store import Store
from timeline.store.schema import SCHEMA_VERSION
from timeline.ui.app import UpgradeProgress


def test_an_older_library_is_told_apart_without_opening_it_for_writing(tmp_path: Path) -> None:
    assert not _needs_upgrade(tmp_path / "missing.db")
    with Store(tmp_path / "current.db", create=True):
        pass
    assert not _needs_upgrade(tmp_path / "current.db")
    older = tmp_path / "older.db"
    conn = sqlite3.connect(older)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.close()
    before = older.read_bytes()
    assert _needs_upgrade(older)
    assert older.read_bytes() == before  # read only
    (tmp_path / "noise.db").write_bytes(b"not a database at all" * 200)
    assert not _needs_upgrade(tmp_path / "noise.db")  # the store reports what is wrong
    assert not _needs_upgrade(tmp_path)  # a folder


def test_the_upgrade_shows_its_steps_and_goes_at_the_last(qtbot: QtBot) -> None:
    told: list[tuple[int, int, str]] = []
    progress = UpgradeProgress("en", also=lambda *step: told.append(step))
    assert not progress.shown()
    progress(1, 3, "an index")
    assert progress.shown()
    box = progress._box
    assert box is not None and box.value() == 1 and box.maximum() == 3
    assert box.labelText().startswith("Upgrading the library")
    progress(2, 3, "an index")
    assert box.value() == 2
    progress(3, 3, "an index")
    assert not progress.shown()
    assert told == [(1, 3, "an index"), (2, 3, "an index"), (3, 3, "an index")]
    # Shown busy before the first step (a step may come after seconds), and closed by
    # finish() when the upgrade stops telling before its last step.
    progress.begin()
    assert progress.shown() and progress._box is not None and progress._box.maximum() == 0
    progress(1, 5, "pairs")
    assert progress._box.maximum() == 5 and progress.shown()
    progress.finish()
    assert not progress.shown()
