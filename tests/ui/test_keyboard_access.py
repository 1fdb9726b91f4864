"""Each Alt+letter and each letter of an open menu reaches one thing, in both languages.

Two entries with the same letter make the key cycle between them instead of acting:
Alt+S went to the source box, never to the Settings menu; in Arabic Alt+م went to the
source box, not the File menu, and four letters of the View menu were each two
entries'.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from timeline.paths import translations_dir
from timeline.store import Store
from timeline.ui.export_dialog import ExportDialog
from timeline.ui.main_window import MainWindow


def mnemonic(text: str) -> str | None:
    """The letter after a single & (Qt's mnemonic; && is an ampersand), folded."""
    at = 0
    while (at := text.find("&", at)) != -1 and at + 1 < len(text):
        if text[at + 1] == "&":
            at += 2
            continue
        return text[at + 1].casefold()
    return None


def test_mnemonic_reads_qts_marking() -> None:
    assert mnemonic("&File") == "f"
    assert mnemonic("Ta&g this article…") == "g"
    assert mnemonic("Fish && &Chips") == "c"
    assert mnemonic("Fish && Chips") is None
    assert mnemonic("ال&مصدر:") == "م"
    assert mnemonic("trailing &") is None


def _clashes(named: list[str]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = defaultdict(list)
    for text in named:
        letter = mnemonic(text)
        if letter is not None:
            by_letter[letter].append(text)
    return {letter: texts for letter, texts in by_letter.items() if len(texts) > 1}


def _widget_texts(top: QWidget) -> list[str]:
    """The texts whose letter Alt reaches in top: labels with a buddy, buttons, boxes'
    titles and tabs, of the widgets shown in it (menus are scopes of their own)."""
    texts = []
    for child in top.findChildren(QWidget):
        if isinstance(child, QMenu) or not child.isVisibleTo(top):
            continue
        labelled = isinstance(child, QLabel) and child.buddy() is not None
        if labelled or isinstance(child, QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QTabWidget):
            texts.extend(child.tabText(i) for i in range(child.count()))
    return texts


def _menus(window: MainWindow) -> Iterator[QMenu]:
    todo = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    while todo:
        menu = todo.pop()
        menu.aboutToShow.emit()  # menus filled as they open (Unhide)
        yield menu
        todo.extend(a.menu() for a in menu.actions() if a.menu() is not None)


@pytest.fixture(params=["en", "ar"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = []
    if request.param == "ar":
        translator = QTranslator()
        assert translator.load(
            QLocale(QLocale.Language.Arabic), "timeline", "_", str(translations_dir())
        )
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
        qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield request.param
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def window(qtbot: QtBot, sample_store: Store, language: str) -> MainWindow:
    win = MainWindow(sample_store)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_windows_alt_letters_are_each_one_things(window: MainWindow, language: str) -> None:
    menu_titles = [a.text() for a in window.menuBar().actions()]
    named = menu_titles + _widget_texts(window)
    assert sum(mnemonic(t) is not None for t in named) >= 7, named
    assert _clashes(named) == {}


def test_each_menus_letters_are_each_one_entrys(window: MainWindow, language: str) -> None:
    menus = list(_menus(window))
    assert len(menus) >= 6
    clashes = {}
    for menu in menus:
        texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        if found := _clashes(texts):
            clashes[menu.title()] = found
    assert clashes == {}


def test_the_export_dialogs_letters_are_each_one_fields(
    window: MainWindow, qtbot: QtBot, language: str
) -> None:
    dialog = ExportDialog(window, 1000, 400)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    named = _widget_texts(dialog)
    assert sum(mnemonic(t) is not None for t in named) >= 4, named
    assert _clashes(named) == {}
