"""The system's reasons a file could not be read or written, said in the window's
language wherever the window shows them."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from timeline.store import Store
from timeline.ui.import_messages import os_failure, os_reason
from timeline.ui.main_window import MainWindow

_SAID = (
    errno.ENOSPC,
    errno.EACCES,
    errno.EROFS,
    errno.EEXIST,
    errno.ENOENT,
    errno.EISDIR,
    errno.ENAMETOOLONG,
    errno.EDQUOT,
    errno.EIO,
)


def _arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


@pytest.mark.parametrize("number", _SAID, ids=errno.errorcode.get)
def test_each_common_reason_is_said_in_arabic(arabic: None, number: int) -> None:
    english = os.strerror(number)
    said = os_reason(OSError(number, english, "out.json"))
    assert _arabic(said) and english not in said
    # With the file's name before it, as the window says it (not "[Errno 28] ...").
    line = os_failure(OSError(number, english, "out.json"))
    assert line.startswith("out.json: ") and said in line and "Errno" not in line


def test_reasons_by_their_number_not_their_words(arabic: None) -> None:
    # Another C library's words for a full disk are known by the number they come with.
    said = os_reason(OSError(errno.ENOSPC, "No space left on device"))
    assert os_reason(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))) == said
    # The program's own words for a number are kept (they say more than its number).
    own = os_reason(OSError(errno.EEXIST, "no free name for the file being written"))
    assert own == "no free name for the file being written"
    # A reason of no number known here: the system's words, as they are.
    assert os_reason(OSError(errno.EMFILE, "Some other words")) == "Some other words"


def test_in_english_the_systems_words(qapp: object) -> None:
    assert os_reason(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))) == os.strerror(errno.ENOSPC)


def test_a_worker_says_the_systems_reason_in_arabic(arabic: None) -> None:
    from timeline.ui.workers import describe_failure

    line = describe_failure(PermissionError(errno.EACCES, os.strerror(errno.EACCES), "a.db"))
    assert line.startswith("a.db: ") and _arabic(line)
    assert "PermissionError" not in line and "Permission denied" not in line


class _Clipboard:
    def __init__(self, mime: QMimeData) -> None:
        self.mime = mime

    def mimeData(self) -> QMimeData:
        return self.mime


def test_a_paste_that_cannot_be_kept_says_why_in_arabic(
    qtbot: QtBot, tmp_path: Path, arabic: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Arabic window said "File exists" (the system's English) when the pasted
    text could not be kept beside the library."""
    from timeline.ui import main_window

    (tmp_path / "pasted").write_text("", encoding="utf-8")  # a file where the folder goes
    copied = QMimeData()
    copied.setText("اجتماع في الرياض\nنص قصير للتجربة\n")
    monkeypatch.setattr(main_window.QGuiApplication, "clipboard", lambda: _Clipboard(copied))
    shown: list[QMessageBox] = []
    real = main_window.message_box

    def kept(*args: object, **kwargs: object) -> QMessageBox:
        shown.append(real(*args, **kwargs))  # type: ignore[arg-type]
        return shown[-1]

    monkeypatch.setattr(main_window, "message_box", kept)
    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.import_clipboard_action.trigger()
        (box,) = shown
        assert "File exists" not in box.text()
        assert os_reason(FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST))) in box.text()
        box.close()


@pytest.mark.parametrize("how", ["csv", "png", "print"])
def test_an_export_or_print_over_the_library_is_refused_in_arabic(
    qtbot: QtBot, tmp_path: Path, arabic: None, how: str
) -> None:
    """The refusal to write an export or a print over the library was said in English
    in the Arabic window ("it is the library being exported (give another file)"; the
    print's as "[Errno 22] ...").  Said in the interface's language, after the file's
    name, nothing written over the library (an image export included)."""
    from PySide6.QtPrintSupport import QPrinter

    with Store(tmp_path / "t.db") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        library = store.path
        before = library.read_bytes()
        with qtbot.waitSignal(win.exporter.export_failed, timeout=20_000) as signal:
            if how == "print":
                printer = QPrinter(QPrinter.PrinterMode.HighResolution)
                printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
                printer.setOutputFileName(str(library))
                win.exporter.print_to(printer)
            else:
                win.exporter.export_to("articles-csv" if how == "csv" else how, library)
        said = signal.args[0]
        assert library.read_bytes() == before
    assert said.startswith(f"{library}: ")
    assert _arabic(said) and "library being exported" not in said and "Errno" not in said
