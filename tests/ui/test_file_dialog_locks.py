"""A file dialog ends this process's SQLite locks on a library it lists (it reads each
file's first bytes to name its type); the window then opens its library again, so that
another program's close does not delete the -wal and -shm the window still uses."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.waiting import article_shown
from timeline.model import ArticleDraft
from timeline.store import Store
from timeline.store.store import held_here
from timeline.ui.file_dialogs import file_dialog
from timeline.ui.main_window import MainWindow, _not_a_library

# Another program that opens the library and closes it: the command line's `list`.
_OTHER_PROGRAM = (
    "import sys; from timeline.store import Store\n"
    "with Store(sys.argv[1], create=False) as store:\n"
    "    store.count_articles()\n"
)


def _another_program_opens_and_closes(path: Path) -> None:
    subprocess.run(
        [sys.executable, "-c", _OTHER_PROGRAM, str(path)],
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )


def _read_as_a_file_dialog_does(path: Path) -> None:
    with path.open("rb") as f:
        f.read(16)


def test_after_a_file_dialog_the_library_stays_whole_when_another_program_closes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "a.db"
    with Store(path) as store:
        store.add_article(ArticleDraft(title="أ", body="متن", source="س"), "a", None)
    win = MainWindow(Store(path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(win.is_settled, timeout=10_000)
    article_shown(win.detail)
    qtbot.waitUntil(lambda: held_here(path) == 1, timeout=10_000)  # the window's own
    before = win.store.conn
    with file_dialog():
        _read_as_a_file_dialog_does(path)
    assert win.store.conn is not before  # opened again: its locks taken anew
    _another_program_opens_and_closes(path)
    assert Path(f"{path}-wal").exists() and Path(f"{path}-shm").exists()
    # The window writes (an edit, through a store of its own) and reads on.
    for k in range(3):
        with Store(path, create=False) as edit:
            edit.add_article(ArticleDraft(title=f"ب{k}", body="متن", source="س"), f"b{k}", None)
        win.store.add_article(ArticleDraft(title=f"ج{k}", body="متن", source="س"), f"c{k}", None)
        _another_program_opens_and_closes(path)
    assert win.store.count_articles() == 7
    win.close()
    win.store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_a_library_this_process_has_open_is_not_read_as_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.db"
    other = tmp_path / "b.db"
    Store(other).close()
    opened: list[Path] = []
    real_open = Path.open

    def recorded(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", recorded)
    with Store(path):
        assert _not_a_library(path) is None
        assert _not_a_library(other) is None
    assert opened == [other]  # the library open here was never read as a file
