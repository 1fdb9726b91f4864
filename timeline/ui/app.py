"""Start the window: application set-up, fonts, language, and screenshots."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    Qt,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from timeline.paths import translations_dir
from timeline.store import Store, StoreError
from timeline.ui.about import application_icon
from timeline.ui.fonts import application_font, load_bundled_fonts
from timeline.ui.platform_check import has_display

ORGANIZATION = "arabic-news-timeline"
APPLICATION = "timeline"


# Said by the offscreen platform for every top-level window: noise, not a problem.
_QUIET_MESSAGES = ("This plugin does not support propagateSizeHints()",)


def _qt_message(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if message not in _QUIET_MESSAGES:
        print(message, file=sys.stderr)


def interface_language(requested: str | None) -> str:
    if requested:
        return requested
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def create_application(lang: str | None = None) -> tuple[QApplication, str]:
    """The QApplication with the bundled fonts and the interface language installed."""
    qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("timeline")
    app.setWindowIcon(application_icon())
    load_bundled_fonts()
    app.setFont(application_font())
    language = interface_language(lang)
    if language == "ar":
        arabic = QLocale(QLocale.Language.Arabic)
        for name, folder in (
            ("timeline", str(translations_dir())),
            # Qt's own strings: standard buttons and dialogs.
            ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ):
            translator = QTranslator(app)
            if translator.load(arabic, name, "_", folder):
                app.installTranslator(translator)
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return app, language


def run_window(db_path: Path, *, lang: str | None = None, screenshot: Path | None = None) -> int:
    """Open the main window on a database; with `screenshot`, save a PNG of it and exit."""
    if not has_display():
        screenshot = screenshot or Path(tempfile.gettempdir()) / "timeline-screenshot.png"
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        print("no display available: saving a screenshot instead", file=sys.stderr)
    app, _ = create_application(lang)
    try:
        store = Store(db_path, create=True)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    # Imported here: the image exporter uses create_application without the window.
    from timeline.ui.main_window import MainWindow

    window = MainWindow(store)
    window.show()
    if screenshot is not None:
        target = screenshot

        def save() -> None:
            window.grab().save(str(target))
            print(target.resolve())
            app.quit()

        QTimer.singleShot(300, save)
    code = app.exec()
    store.close()
    if window.abandoned_threads:
        # A worker did not stop within a second of closing (one long statement or
        # file).  Waiting would keep the user waiting; destroying its running thread
        # would abort.  Leaving now makes SQLite roll back what it had not committed.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
