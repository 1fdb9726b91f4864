"""The Arabic translation covers every interface string and is compiled from its source."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from timeline.paths import translations_dir

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_every_interface_string_is_translated(tmp_path: Path) -> None:
    ts = tmp_path / "timeline_ar.ts"
    shutil.copy(translations_dir() / "timeline_ar.ts", ts)
    sources = sorted(str(p) for p in (REPO / "timeline" / "ui").glob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(ts), "-target-language", "ar"],
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from translations_ar import fill
    finally:
        sys.path.pop(0)
    assert fill(ts) == [], "add the Arabic for these strings to scripts/translations_ar.py"


def test_compiled_translation_is_current(tmp_path: Path) -> None:
    qm = tmp_path / "timeline_ar.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(translations_dir() / "timeline_ar.ts"), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == (translations_dir() / "timeline_ar.qm").read_bytes(), (
        "run `make translations`"
    )


def test_arabic_translation_loads(qapp) -> None:
    translator = QTranslator()
    assert translator.load(
        QLocale(QLocale.Language.Arabic), "timeline", "_", str(translations_dir())
    )
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&ملف"
        assert QCoreApplication.translate("SearchBar", "%Ln result(s)", "", 2) == "نتيجتان"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_arabic_examples_in_english_strings_are_isolated() -> None:
    """Arabic inside an English interface string is laid out by the bidi algorithm in
    the English line: "or 10 رمضان 1393 هـ)" showed the day after the year and the
    bracket mirrored into it, "(كانون الثاني، شباط…)" its ellipsis at the wrong end.
    Each Arabic run is isolated (RLI ... PDI) and so laid out as Arabic."""
    import xml.etree.ElementTree as ET

    loose = []
    for source in ET.parse(translations_dir() / "timeline_ar.ts").getroot().iter("source"):
        text = source.text or ""
        if not any("a" <= ch.lower() <= "z" for ch in text):
            continue  # an Arabic string, or no words
        depth = 0
        for ch in text:
            if ch in "\u2066\u2067\u2068":
                depth += 1
            elif ch == "\u2069":
                depth -= 1
            elif "\u0621" <= ch <= "\u064a" and depth <= 0:
                loose.append(text)
                break
    assert loose == []


def test_every_string_is_translated_in_the_class_that_holds_it() -> None:
    """lupdate files a string under the class its tr() call is written in; at run time
    `other.tr(...)` looks it up under other's class, where it is not: the recompute
    dialog came out in English in an Arabic window (`window.tr` in another class)."""
    import re

    calls = re.compile(r"(\w+(?:\.\w+)*)\.tr\(")
    # A bare tr("...") (a helper of a function's own) is filed under no class at all:
    # the repair's boxes came out in English in an Arabic window.
    bare = re.compile(r"(?<![\w.`])tr\(")
    wrong = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted((REPO / "timeline" / "ui").glob("*.py"))
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if bare.search(line) or any(who != "self" for who in calls.findall(line))
    ]
    assert not wrong


def test_the_qt_dialogs_the_window_opens_are_in_arabic(qapp) -> None:
    """Qt's own dialogs ask their strings of every translator; Qt's Arabic catalogue lags
    them: the file dialog said "&Look in:" and "Files of &type:" in an Arabic window
    (Qt 6 gave them mnemonics; the catalogue holds them without), "Folder" in its type
    column, and the print dialog its page set and two-sided printing.  Every string the
    dialogs the window opens ask for, other than shortcuts and paper sizes, is answered
    in Arabic by Qt's catalogue or by ours (timeline/ui/qt_strings.py)."""
    import re

    from PySide6.QtGui import QKeySequence, QUndoStack
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import (
        QFileDialog,
        QInputDialog,
        QLineEdit,
        QMessageBox,
        QPlainTextEdit,
        QProgressDialog,
        QTextBrowser,
    )

    from timeline.ui.application import create_application

    asked: list[tuple[str, str, str | None]] = []

    class Listening(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            asked.append((context, source, disambiguation))
            return None  # not known here: the next translator is asked

        def isEmpty(self) -> bool:
            return False

    create_application("ar")
    listening = Listening()
    QCoreApplication.installTranslator(listening)  # asked first, before Qt's and ours
    made: list = []
    try:
        for mode, accept in (
            (QFileDialog.FileMode.ExistingFiles, QFileDialog.AcceptMode.AcceptOpen),
            (QFileDialog.FileMode.Directory, QFileDialog.AcceptMode.AcceptOpen),
            (QFileDialog.FileMode.AnyFile, QFileDialog.AcceptMode.AcceptSave),
        ):
            dialog = QFileDialog(None, "x", str(REPO))
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            dialog.setFileMode(mode)
            dialog.setAcceptMode(accept)
            dialog.setNameFilter("Articles (*.jsonl *.gz)")
            made.append(dialog)
        printer = QPrinter()
        made += [printer, QPrintDialog(printer), QInputDialog(), QProgressDialog()]
        box = QMessageBox()
        box.setStandardButtons(
            QMessageBox.StandardButton.Ok
            | QMessageBox.StandardButton.Cancel
            | QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Retry
            | QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Close
        )
        box.setDetailedText("x")
        made.append(box)
        for edit in (QLineEdit(), QPlainTextEdit(), QTextBrowser()):
            made += [edit, edit.createStandardContextMenu()]
        stack = QUndoStack()
        made += [stack, stack.createUndoAction(None), stack.createRedoAction(None)]
        for dialog in made:
            if hasattr(dialog, "show") and hasattr(dialog, "hide"):
                dialog.show()
                qapp.processEvents()
                dialog.hide()
    finally:
        QCoreApplication.removeTranslator(listening)
    try:
        english = []
        for context, source, disambiguation in dict.fromkeys(asked):
            if not re.search("[A-Za-z]", re.sub("%[A-Za-z0-9]", "", source)):
                continue  # no words (%p%: a format)
            if context in ("QPageSize", "QShortcut"):
                continue  # a paper's name (A4), a key's (Ctrl: shortcuts stay as written)
            shortcut = QKeySequence.fromString(source, QKeySequence.SequenceFormat.PortableText)
            if not shortcut.isEmpty() and shortcut.toString() == source:
                continue  # Alt+Left
            if QCoreApplication.translate(context, source, disambiguation) == source:
                english.append((context, source))
        assert len(asked) > 100  # the dialogs did ask
        assert english == [], english
    finally:
        create_application("en")  # the English translators again, for the tests after
