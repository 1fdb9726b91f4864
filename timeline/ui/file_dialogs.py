"""Qt's own file dialog in a right-to-left window: its paths, sizes and dates left to right,
and in either direction its file-type box elided, not cut.

Qt lays the whole dialog out right to left in an Arabic window, and a path, a size or a
date written in Latin letters and digits is then ordered as an Arabic sentence would
be: `/tmp/news` showed as `tmp/news/`, `7.63 MiB` as `MiB 7.63`, a date's parts
reversed.  The dialogs are the static QFileDialog functions' (a native dialog where the
desktop gives one, which needs none of this); while one is open (`left_to_right_paths`)
an event filter on the application meets Qt's own dialog as it is shown and sets the
look-in box and the name field left to right, and the size and date columns drawn left
to right in their cells.  The rest of the dialog stays right to left.

The Import dialog's file types name every format the importer reads: far wider than
the box (about 900 px of text in a box of 400-450, whether the window is 800 px wide or
the whole screen, as the dialog's width is its own).  Qt cuts a combo box's text at the
box's edge, and in a right-to-left window that edge is where the patterns begin: the
box showed "x *.odt *.pdf … *.gz)" beside "Articles", the middle of ".docx" first.  Its
text is elided instead (`elide_file_types`), the ellipsis at its logical end, in both
directions.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QProxyStyle,
    QStyle,
    QStyledItemDelegate,
    QStyleOption,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from timeline.ui.menu_keys import install_same_key_letters

_LRI = "\u2066"


def file_filter(*entries: tuple[str, str]) -> str:
    """A QFileDialog filter of (name, patterns) entries: "Articles (*.txt *.csv)", the
    patterns kept left to right in an Arabic window by an isolate before the bracket
    (Qt reads the patterns from the brackets at the end, so none can follow them; a
    bare "*.json" showed as "json.*")."""
    return ";;".join(f"{name} {_LRI}({patterns})" for name, patterns in entries)


# QFileDialog's own widgets, by the object names its form gives them (qfiledialog.ui).
_PATH_WIDGETS = ((QComboBox, "lookInCombo"), (QLineEdit, "fileNameEdit"))
_FILE_TYPES = "fileTypeCombo"
# Characters the file-type box asks room for: "Articles (*.txt *.text" and "All files (*)"
# whole, as its name and first patterns are the part read.
_FILE_TYPES_SHOWN = 22
_DETAILS = "treeView"
# QFileSystemModel's columns: name, size, type, date modified.
_LEFT_TO_RIGHT_COLUMNS = (1, 3)


class _LeftToRightCells(QStyledItemDelegate):
    """Draws a cell's text as a left-to-right paragraph (a size, a date) in a view laid
    out right to left."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.direction = Qt.LayoutDirection.LeftToRight  # type: ignore[attr-defined]


class _LeftToRightLabel(QProxyStyle):
    """Draws a combo box's label as a left-to-right paragraph: Qt's painter takes the
    text's direction from the application, not from the widget (a path in a box laid out
    left to right still read `tmp/news/`)."""

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element != QStyle.ControlElement.CE_ComboBoxLabel:
            super().drawControl(element, option, painter, widget)
            return
        painter.save()
        painter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        super().drawControl(element, option, painter, widget)
        painter.restore()


class _ElidedLabel(QProxyStyle):
    """Draws a combo box's label elided at its logical end where it does not fit (Qt
    cuts it at the box's edge: see the module's text)."""

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_ComboBoxLabel and isinstance(
            option, QStyleOptionComboBox
        ):
            field = self.subControlRect(
                QStyle.ComplexControl.CC_ComboBox,
                option,
                QStyle.SubControl.SC_ComboBoxEditField,
                widget,
            )
            # Qt draws the label one pixel in from each side of the field.
            text = option.fontMetrics.elidedText(  # type: ignore[attr-defined]
                option.currentText, Qt.TextElideMode.ElideRight, field.width() - 2
            )
            if text != option.currentText:
                option = QStyleOptionComboBox(option)
                option.currentText = text
        super().drawControl(element, option, painter, widget)


def elide_file_types(dialog: QFileDialog) -> None:
    """The file-type box's text elided where it does not fit."""
    box = dialog.findChild(QComboBox, _FILE_TYPES)
    if isinstance(box, QComboBox):
        elide_box(box, _FILE_TYPES_SHOWN)


def elide_box(box: QComboBox, shown_chars: int) -> None:
    """A box asking room for shown_chars characters, its text elided at its logical end
    where the box is narrower (its list still shows each entry whole)."""
    style = _ElidedLabel(box.style().name())
    style.setParent(box)  # a style set on a widget is not owned by it
    box.setStyle(style)
    # Its width the dialog's to give, not its text's (a style set anew sizes the box
    # to its longest entry: the dialog then ran past an 800 px window's screen).
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(shown_chars)


class _FileDialogWatcher(QObject):
    """Sets each of Qt's file dialogs shown meanwhile right (see the module's text)."""

    def __init__(self, setup: Callable[[QFileDialog], None]) -> None:
        super().__init__()
        self.seen: list[QFileDialog] = []
        self._setup = setup

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QFileDialog)
            and watched not in self.seen
        ):
            self.seen.append(watched)
            self._setup(watched)
        return False


@contextlib.contextmanager
def _watching_file_dialogs(setup: Callable[[QFileDialog], None]) -> Iterator[None]:
    """setup() each of Qt's file dialogs shown while the block runs."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        yield
        return
    watcher = _FileDialogWatcher(setup)
    app.installEventFilter(watcher)
    try:
        yield
    finally:
        app.removeEventFilter(watcher)


def set_paths_left_to_right(dialog: QFileDialog) -> None:
    """The look-in box and the name field left to right, the details' size and date
    columns drawn left to right: only in a dialog laid out right to left (a native
    dialog has none of these widgets)."""
    if dialog.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return
    for kind, name in _PATH_WIDGETS:
        widget = dialog.findChild(kind, name)
        if isinstance(widget, QWidget):
            widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            if isinstance(widget, QComboBox):
                label = _LeftToRightLabel(widget.style().name())
                label.setParent(widget)  # a style set on a widget is not owned by it
                widget.setStyle(label)
    details = dialog.findChild(QTreeView, _DETAILS)
    if isinstance(details, QTreeView):
        cells = _LeftToRightCells(details)
        for column in _LEFT_TO_RIGHT_COLUMNS:
            details.setItemDelegateForColumn(column, cells)


@contextlib.contextmanager
def left_to_right_paths() -> Iterator[None]:
    """While the block runs (a static QFileDialog function), Qt's file dialogs it shows
    get their paths, sizes and dates left to right in a right-to-left application."""
    if QApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        yield
        return
    with _watching_file_dialogs(set_paths_left_to_right):
        yield


# Called after each file dialog (file_dialog): a window takes its library's locks anew.
_AFTER_DIALOG: list[Callable[[], None]] = []


def after_each_file_dialog(callback: Callable[[], None]) -> Callable[[], None]:
    """Call callback after each file dialog of the application closes; returns the
    function that stops it."""
    _AFTER_DIALOG.append(callback)
    return lambda: _AFTER_DIALOG.remove(callback) if callback in _AFTER_DIALOG else None


def fit_on_screen(dialog: QWidget) -> None:
    """The dialog no larger than its screen less a tenth (for the window manager's frame,
    as the keys' help), never under its least size, and within the screen.  Qt's file
    dialog asks 624x446: with large text (QT_SCALE_FACTOR=2 on a 1280x800 screen, 640x400
    as Qt counts) its foot ran off the screen, the Cancel button and the file types with
    it, the Open button cut in half."""
    screen = dialog.screen().availableGeometry()
    least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    width = max(min(dialog.width(), screen.width() * 9 // 10), least.width())
    height = max(min(dialog.height(), screen.height() * 9 // 10), least.height())
    if (width, height) == (dialog.width(), dialog.height()):
        return
    dialog.resize(width, height)
    # Qt placed it by its first size: centred again, over its parent's middle where the
    # screen leaves room.
    parent = dialog.parentWidget()
    centre = parent.window().frameGeometry().center() if parent is not None else screen.center()
    left = min(max(centre.x() - width // 2, screen.left()), screen.right() + 1 - width)
    top = min(max(centre.y() - height // 2, screen.top()), screen.bottom() + 1 - height)
    dialog.move(max(left, screen.left()), max(top, screen.top()))


def _set_up(dialog: QFileDialog) -> None:
    """Qt's own file dialog as file_dialog sets each up: its file types elided, its
    labels' and buttons' letters on their keys in either layout ("&Open", "File &name:"),
    and no larger than its screen (fit_on_screen)."""
    elide_file_types(dialog)
    install_same_key_letters(dialog)
    fit_on_screen(dialog)


@contextlib.contextmanager
def file_dialog(locale: QLocale | None = None) -> Iterator[None]:
    """Around a static QFileDialog function: its paths left to right in an Arabic
    window (left_to_right_paths), its file-type box elided and its letters on their
    keys in either layout (_set_up), the files' types named in locale (the window's:
    search_bar.interface_locale), and, once it is closed, what each window asked to be
    called after one (after_each_file_dialog).

    Qt's dialog names a file's type from the MIME database in the default locale, the
    system's: in an Arabic window its type column said "Markdown document" and "plain
    text document".  The default is the window's while it is open.  (Its sizes and
    dates are written in the system's locale whatever the default.)

    A file dialog reads the first bytes of the files it lists to name their type (Qt's
    own, and GTK's), which drops SQLite's locks on a library in the folder (POSIX
    locks belong to the process, and any close of the file ends them): the windows
    then open their libraries again (Store.reconnect).
    """
    system = QLocale()
    if locale is not None:
        QLocale.setDefault(locale)
    try:
        with left_to_right_paths(), _watching_file_dialogs(_set_up):
            yield
    finally:
        QLocale.setDefault(system)
        for callback in list(_AFTER_DIALOG):
            callback()
