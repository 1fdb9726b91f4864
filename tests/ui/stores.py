"""Copies of the session's sample store for tests that write: edits, hides and imports
must never reach the shared one, which later tests read as it was built."""

from __future__ import annotations

from pathlib import Path

from timeline.store import Store


def copy_of(source: Path, path: Path) -> Path:
    """A copy of the store at source, written at path (SQLite's VACUUM INTO)."""
    with Store(source) as opened:
        opened.conn.execute(f"VACUUM INTO '{path}'")
    return path
