"""The QApplication itself: fonts, interface language, translations, Qt's messages.

Apart from app.py (which opens the window) so that the image exporter can set up an
application without importing the window and everything the window imports.
"""

from __future__ import annotations

import gc
import os
import stat
import sys

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QSettings,
    QStandardPaths,
    Qt,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from timeline.paths import translations_dir
from timeline.ui.about import application_icon
from timeline.ui.fonts import application_font, load_bundled_fonts
from timeline.ui.memory import reuse_freed_arrays

ORGANIZATION = "arabic-news-timeline"
APPLICATION = "timeline"


# How long a thread running Python keeps the GIL from another that asks for it (Python's
# default is 5 ms).  The GUI thread lets go of the GIL in its calls into Qt and into
# numpy, and takes it back behind whichever worker then runs Python.  Shortened when a
# search's stall at 3,880,000 articles measured median 63 ms at 5 ms and 29 at 1 (fifteen
# runs each, in turn); most of that stall turned out to be the GUI thread's own work (a
# look-up that copied a column: timeline/sorted_search.py), and with it gone the two
# measure alike (six runs each in turn: 20-35 ms at 1 ms, 23-31 at 5).  Kept: it bounds
# what the GUI thread waits for the GIL at each call it makes beside a busy worker.
GIL_SWITCH_S = 0.001

# Said by the offscreen platform for every top-level window: noise, not a problem.
_QUIET_MESSAGES = ("This plugin does not support propagateSizeHints()",)


def _qt_message(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if message not in _QUIET_MESSAGES:
        print(message, file=sys.stderr)


def _settings_not_read_from_a_pipe() -> None:
    """Where the settings file is a pipe or a device, nothing is remembered this run.

    Qt reads the user's settings file (~/.config/ORGANIZATION/APPLICATION.conf) whole
    when the first QSettings is made: a FIFO put in its place (or a link to one) held
    the window before it opened, for ever; and Qt writes them beside the file and
    renames its copy over it, so a link to a device (/dev/zero) made the device, for a
    user allowed to, a file of settings.  The settings are then looked for under that
    name as if it were a folder, where no file can be: nothing is read and nothing
    written.  Only where the settings are such a file (not Windows' registry or macOS's
    property lists).
    """
    if sys.platform in ("win32", "darwin"):
        return
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    name = os.path.join(folder, ORGANIZATION, f"{APPLICATION}.conf")
    try:
        mode = os.stat(name).st_mode
    except (OSError, ValueError):
        return  # none yet (Qt makes it), or unreachable: Qt reads nothing either
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return  # a folder in its place Qt reads as no settings
    print(f"{name}: not a file; settings are not remembered", file=sys.stderr)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, name)


def interface_language(requested: str | None) -> str:
    if requested:
        return requested
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def leave_start_up_out_of_collections() -> None:
    """Move every object made so far (modules, classes, the window's widgets) out of reach
    of Python's cyclic garbage collector, for the rest of the run.

    A full collection visits every tracked object and holds the GIL throughout, the GUI
    thread's included: an article read on a worker makes enough objects to set one off,
    and the start-up's objects, which live as long as the program, were most of what
    it visited (docs/decisions.md, "Python's garbage collector").  The main window does
    so itself when first shown (memory.freeze_start_up); this is for a pane opened
    alone (bench/long_article.py).  Objects freed by their reference counts are still
    freed.
    """
    gc.freeze()


def create_application(lang: str | None = None) -> tuple[QApplication, str]:
    """The QApplication with the bundled fonts and the interface language installed."""
    qInstallMessageHandler(_qt_message)
    reuse_freed_arrays()  # one heap for every thread, before Qt starts any (memory.py)
    sys.setswitchinterval(GIL_SWITCH_S)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    # Made again (an upgrade's progress came before the window, or a test asks for
    # another language): the translators installed before go first, not twice over.
    for earlier in getattr(app, "_timeline_translators", ()):
        app.removeTranslator(earlier)
    installed: list[QTranslator] = []
    setattr(app, "_timeline_translators", installed)  # noqa: B010 (a Qt object's attribute)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    _settings_not_read_from_a_pipe()
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
                installed.append(translator)
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return app, language
