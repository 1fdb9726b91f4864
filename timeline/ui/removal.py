"""Edit > Remove: articles taken out of the library (`timeline remove` in the window).

The chosen article, or every article read from the same file (an import of the wrong
folder or feed).  Asked first, then one transaction on a worker thread with its own
connection: cancelled or failed, nothing is removed.  What the user said about the
articles (corrections, tags, notes) is kept by their uid and comes back with them.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox

from timeline.paths import origin_as_named
from timeline.store import edits as user_edits
from timeline.ui.date_text import counted
from timeline.ui.long_write import LongWrite
from timeline.ui.plain_text import message_box
from timeline.ui.store_messages import for_message_box
from timeline.ui.workers import STORE_ERRORS, RemoveWorker

if TYPE_CHECKING:
    from timeline.library import FileResult, ImportReport
    from timeline.ui.main_window import MainWindow


class WindowRemoval(LongWrite):
    """The window's Edit > Remove: asks, runs, reports."""

    done = Signal(int)  # articles removed (after the window has reloaded)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        # The import whose articles the running (or last) removal took out, if it was one.
        self.removed_import: ImportReport | None = None
        self._import: ImportReport | None = None

    def ask_article(self, article_id: int | None) -> None:
        """Remove one article, named by its title, once the user says so."""
        found = self._read(article_id)
        if found is None or article_id is None:
            return
        title, _origin = found
        self._ask(
            self.tr(
                "Remove “%1” from the library, with its events? Your corrections, tags and"
                " note of it are kept and come back if it is imported again."
                " This cannot be undone."
            ),
            [title],
            ids=[article_id],
        )

    def ask_origin(self, article_id: int | None) -> None:
        """Remove every article read from the file this one came from."""
        found = self._read(article_id)
        if found is None:
            return
        _title, origin = found
        w = self.window
        if not origin:
            w.statusBar().showMessage(self.tr("This article names no file it came from"), 10_000)
            return
        self._ask(
            self.tr(
                "Remove every article read from “%1” from the library, with their events?"
                " Your corrections, tags and notes of them are kept and come back if they"
                " are imported again. This cannot be undone."
            ),
            [origin],
            origins=[origin],
        )

    def ask_import(self, report: ImportReport | None) -> None:
        """Remove every article an import added (the window's last one)."""
        w = self.window
        if report is None or not report.added:
            w.statusBar().showMessage(self.tr("No import in this window added articles"), 10_000)
            return
        if not self._writable():
            return
        stored = [f for f in report.files if f.added]
        names = stored[0].name if len(stored) == 1 else _common_folder(stored)
        text = counted(
            self.tr(
                "Remove the %n article(s) the last import added (from %1) from the library,"
                " with their events? Your corrections, tags and notes of them are kept and"
                " come back if they are imported again. This cannot be undone.",
                "",
                report.added,
            ),
            report.added,
            w.timeline.label_style(),
        )
        self._ask(text, [names], ids=list(report.added_ids()), report=report)

    def _writable(self) -> bool:
        """Whether the store can take a removal now; if not, said in the status bar."""
        w = self.window
        held = w.store_held_by()
        if held:
            w.statusBar().showMessage(self.tr("Not removed: %1").replace("%1", held), 10_000)
            return False
        if w.store.read_only is not None:
            w.statusBar().showMessage(
                self.tr("This library is read-only: nothing can be removed from it"), 10_000
            )
            return False
        return True

    def _read(self, article_id: int | None) -> tuple[str, str] | None:
        """The article's title and origin, or None (said in the status bar)."""
        w = self.window
        if article_id is None:
            w.statusBar().showMessage(self.tr("Choose an article first"), 10_000)
            return None
        if not self._writable():
            return None
        try:
            article = w.store.article(article_id, body_chars=0)
            mine = user_edits.corrected_fields(w.store, [article_id]).get(article_id, {})
        except STORE_ERRORS as exc:
            w.store_read_failed(str(exc))
            return None
        if article is None:
            return None
        # As the detail pane names it: the file's own path, stored ".." steps or not.
        return mine.get("title", article.title), origin_as_named(article.origin)

    def _ask(
        self,
        text: str,
        values: list[str],
        *,
        ids: list[int] | None = None,
        origins: list[str] | None = None,
        report: ImportReport | None = None,
    ) -> None:
        box = message_box(
            self.window, QMessageBox.Icon.Question, self.tr("Remove"), text, values=values
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        remove = box.button(QMessageBox.StandardButton.Ok)
        remove.setText(self.tr("Remove"))
        # Enter on a question about losing articles should not say yes.
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self.start(ids or [], origins or [], report))
        box.open()

    def start(self, ids: list[int], origins: list[str], report: ImportReport | None = None) -> None:
        w = self.window
        if not self._writable():  # an import begun since the question was asked
            return
        self._import = report
        self._run(
            RemoveWorker(w.store.path, ids, origins),
            self.tr("Removing articles…"),
            self.tr("Remove"),
        )

    def _finished(self, removed: int) -> None:
        w = self.window
        self.removed_import, self._import = self._import, None
        w.reload_keeping_row()  # the removed article shown: the one after it, or none
        w.statusBar().showMessage(
            counted(
                self.tr("%n article(s) removed", "", removed), removed, w.timeline.label_style()
            ),
            10_000,
        )
        self.done.emit(removed)

    def _failed(self, message: str) -> None:
        w = self.window
        self._import = None
        if message == RemoveWorker.CANCELLED:
            w.statusBar().showMessage(self.tr("Removal cancelled: nothing was removed"), 10_000)
            return
        text, values = for_message_box(self.tr("Nothing was removed: %1"), message)
        message_box(w, QMessageBox.Icon.Warning, self.tr("Remove"), text, values=values).open()


def _common_folder(results: list[FileResult]) -> str:
    """The folder an import's files share (a folder imported whole), or the first
    file's name and an ellipsis."""
    paths = [str(r.path) for r in results if isinstance(r.path, Path)]
    if len(paths) == len(results):
        with contextlib.suppress(ValueError):
            return os.path.commonpath(paths)
    return f"{results[0].name} …"
