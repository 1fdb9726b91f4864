"""UI fixtures: the bundled fonts loaded once, a main window on a small store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from tests.ui.stores import copy_of
from timeline.library import import_paths
from timeline.paths import translations_dir
from timeline.store import Store
from timeline.ui.fonts import application_font, load_bundled_fonts

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture(scope="session", autouse=True)
def bundled_fonts(qapp: QApplication) -> None:
    assert {"Noto Sans", "Noto Sans Arabic"} <= set(load_bundled_fonts())
    qapp.setFont(application_font())


@pytest.fixture(autouse=True)
def fresh_settings(qapp: QApplication) -> None:
    """Each test starts from a fresh profile: no window geometry or layout saved by the last.

    (tests/conftest.py keeps the whole run out of the user's own profile.)
    """
    QSettings().clear()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the bundled sample articles, built once per session."""
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with Store(path) as store:
        report = import_paths(store, [SAMPLES])
    assert not report.failed
    return path


@pytest.fixture
def sample_store(sample_db: Path) -> Iterator[Store]:
    with Store(sample_db) as store:
        yield store


@pytest.fixture
def own_store(sample_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of the sample store: edits must not reach the session's shared one."""
    with Store(copy_of(sample_db, tmp_path / "own.db")) as store:
        yield store


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[None]:
    """The window's Arabic translation loaded and its direction right to left."""
    translator = QTranslator()
    assert translator.load(
        QLocale(QLocale.Language.Arabic), "timeline", "_", str(translations_dir())
    )
    QCoreApplication.installTranslator(translator)
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    QCoreApplication.removeTranslator(translator)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
