"""Qt's file dialog in an Arabic window: paths, sizes and dates left to right."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QMimeDatabase, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from timeline.ui.file_dialogs import left_to_right_paths


@pytest.fixture
def right_to_left(qapp: QApplication) -> Iterator[None]:
    was = qapp.layoutDirection()
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    qapp.setLayoutDirection(was)


def shown_dialog(qtbot: QtBot, folder: Path) -> QFileDialog:
    dialog = QFileDialog(None, "x", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    with left_to_right_paths():
        dialog.show()
    return dialog


def look_in(qtbot: QtBot, folder: Path, fixed: bool) -> QImage:
    """The look-in box of a dialog on folder, as drawn on screen (fixed: shown inside
    left_to_right_paths)."""
    dialog = QFileDialog(None, "x", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFixedSize(700, 400)
    qtbot.addWidget(dialog)
    if fixed:
        with left_to_right_paths():
            dialog.show()
    else:
        dialog.show()
    combo = dialog.findChild(QComboBox, "lookInCombo")
    assert combo is not None
    if not fixed:  # laid out as the fixed one is: only the label's drawing differs
        combo.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return combo.grab().toImage()


def test_a_dialog_shown_meanwhile_has_its_paths_left_to_right(
    qtbot: QtBot, tmp_path: Path, right_to_left: None
) -> None:
    dialog = shown_dialog(qtbot, tmp_path)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft  # the rest stays
    combo = dialog.findChild(QComboBox, "lookInCombo")
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert combo is not None and name is not None
    assert combo.layoutDirection() == name.layoutDirection() == Qt.LayoutDirection.LeftToRight
    # Drawn as in a left-to-right application, not as Qt draws it in this one
    # ("tmp/news/": its painter takes the application's direction).
    drawn = look_in(qtbot, tmp_path, fixed=True)
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    assert drawn != look_in(qtbot, tmp_path, fixed=False)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert drawn == look_in(qtbot, tmp_path, fixed=False)
    # Sizes and dates drawn as left-to-right paragraphs; names as the view is.
    details = dialog.findChild(QTreeView, "treeView")
    assert details is not None
    model = details.model()
    for column, direction in ((0, None), (1, "ltr"), (2, None), (3, "ltr")):
        option = QStyleOptionViewItem()
        option.direction = Qt.LayoutDirection.RightToLeft
        delegate = details.itemDelegateForColumn(column)
        if direction is None:
            assert delegate is None
            continue
        assert delegate is not None
        delegate.initStyleOption(option, model.index(0, column, QModelIndex()))
        assert option.direction == Qt.LayoutDirection.LeftToRight


def test_nothing_changes_in_a_left_to_right_window_or_after_the_block(
    qtbot: QtBot, tmp_path: Path, qapp: QApplication
) -> None:
    was = qapp.layoutDirection()
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    dialog = shown_dialog(qtbot, tmp_path)
    combo = dialog.findChild(QComboBox, "lookInCombo")
    assert combo is not None and combo.style() is qapp.style()
    details = dialog.findChild(QTreeView, "treeView")
    assert details is not None and details.itemDelegateForColumn(1) is None
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        later = QFileDialog(None, "y", str(tmp_path))
        later.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(later)
        later.show()  # outside left_to_right_paths: left as Qt makes it
        combo = later.findChild(QComboBox, "lookInCombo")
        assert combo is not None and combo.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        qapp.setLayoutDirection(was)


def test_the_export_names_its_file_type_with_the_pattern_left_to_right(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bare "*.json" filter showed as "json.*" in an Arabic window: the save dialog is
    given the format's name and the pattern after an isolate, in the brackets Qt reads."""
    import re

    from timeline.store import Store
    from timeline.ui.export_dialog import ExportDialog
    from timeline.ui.main_window import MainWindow

    asked: list[str] = []

    def save_name(_parent, _caption, _name, file_filter, *_args, **_kwargs):
        asked.append(file_filter)
        return "", ""

    monkeypatch.setattr(ExportDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    with Store(tmp_path / "t.db") as store:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.exporter.ask_export()
    (given,) = asked
    qt_filter = re.compile(r"^(.*)\(([a-zA-Z0-9_.,*? +;#\-\[\]@\{\}/!<>\$%&=^~:\|]*)\)$")
    found = qt_filter.match(given)
    assert found is not None and found.group(2) in {"*.json", "*.timeline", "*.csv", "*.jsonl",
                                                     "*.png", "*.svg", "*.pdf"}  # fmt: skip
    assert found.group(1).endswith("\u2066") and found.group(1).strip("\u2066 ")


def _comment(mime: str, locale: QLocale) -> str:
    """The MIME database's name of a type in that locale (it reads the default one)."""
    was = QLocale()
    QLocale.setDefault(locale)
    try:
        return QMimeDatabase().mimeTypeForName(mime).comment()
    finally:
        QLocale.setDefault(was)


def test_the_import_dialog_names_the_types_of_files_in_arabic_in_an_arabic_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arabic: None
) -> None:
    """Qt's dialog names a file's type from the MIME database in the default locale,
    the system's: in an Arabic window its type column said "Markdown document" and
    "plain text document"."""
    from timeline.store import Store
    from timeline.ui.main_window import MainWindow

    arabic_name = _comment("text/markdown", QLocale(QLocale.Language.Arabic))
    if arabic_name == _comment("text/markdown", QLocale(QLocale.Language.English)):
        pytest.skip("this machine's MIME database has no Arabic names")
    before = QMimeDatabase().mimeTypeForName("text/markdown").comment()
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "notes.md").write_text("# عنوان\n", encoding="utf-8")
    shown: list[str] = []

    def open_names(parent, _caption, _folder, name_filter, *_args, **_kwargs):
        dialog = QFileDialog(parent, "x", str(folder), name_filter)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        details = dialog.findChild(QTreeView, "treeView")
        assert details is not None
        model, root = details.model(), details.rootIndex()

        def kind() -> str | None:
            for row in range(model.rowCount(root)):
                if model.index(row, 0, root).data() == "notes.md":
                    return model.index(row, 2, root).data() or None
            return None

        qtbot.waitUntil(lambda: kind() is not None)
        shown.append(str(kind()))
        dialog.close()
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_names)
    with Store(tmp_path / "t.db") as store:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window._choose_files()
    assert shown == [arabic_name]
    # The system's locale again after the dialog.
    assert QMimeDatabase().mimeTypeForName("text/markdown").comment() == before


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_import_dialogs_file_types_are_elided_not_cut(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    language: str,
) -> None:
    """The Import dialog's file types (every format the importer reads) are about twice
    as wide as the box: Qt cut them at its edge, which in an Arabic window is where the
    patterns begin ("x *.odt … *.gz)" beside the name, the middle of ".docx" first).
    The box draws its text elided at the logical end, as a box given that text draws it,
    and takes the dialog's width, not its text's."""
    from timeline.store import Store
    from timeline.ui.main_window import MainWindow

    if language == "ar":
        request.getfixturevalue("arabic")
    drawn: list[tuple[QImage, QImage, str, str]] = []

    def open_names(parent, _caption, _folder, name_filter, *_args, **_kwargs):
        dialog = QFileDialog(parent, "x", str(tmp_path), name_filter)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        box = dialog.findChild(QComboBox, "fileTypeCombo")
        assert box is not None
        assert dialog.width() < 800  # it fits beside a window of 800x500
        text = box.currentText()
        # A box of the same size, style and direction given the text as it should show.
        field = box.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            _combo_option(box),
            QStyle.SubControl.SC_ComboBoxEditField,
            box,
        )
        elided = box.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, field.width() - 2)
        given = QComboBox()
        qtbot.addWidget(given)
        given.setStyle(QApplication.style())
        given.setLayoutDirection(box.layoutDirection())
        given.setFont(box.font())
        given.addItem(elided)
        given.setFixedSize(box.size())
        images = [
            b.grab().toImage().convertToFormat(QImage.Format.Format_RGB32) for b in (box, given)
        ]
        drawn.append((images[0], images[1], text, elided))
        dialog.close()
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", open_names)
    with Store(tmp_path / "t.db") as store:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window._choose_files()
    ((shown, expected, text, elided),) = drawn
    assert elided != text and elided.endswith("…")  # it does not fit: the test's case
    assert elided.startswith(window.tr("Articles"))
    assert shown == expected


def _combo_option(box: QComboBox) -> QStyleOptionComboBox:
    option = QStyleOptionComboBox()
    option.initFrom(box)
    option.editable = box.isEditable()
    option.currentText = box.currentText()
    return option


def test_a_file_dialog_larger_than_its_screen_is_fitted_on_it(qtbot: QtBot, tmp_path: Path) -> None:
    """Qt's file dialog asks 624x446, which with large text (QT_SCALE_FACTOR=2 on a
    1280x800 screen: 640x400 as Qt counts) ran off the screen's foot, its Cancel button
    and file types out of reach.  A dialog asking more than its screen is fitted on it."""
    from timeline.ui.file_dialogs import file_dialog

    parent = QDialog()
    qtbot.addWidget(parent)
    dialog = QFileDialog(parent, "x", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    screen = dialog.screen().availableGeometry()
    dialog.resize(screen.width() + 100, screen.height() + 200)
    with file_dialog():
        dialog.show()
    qtbot.waitExposed(dialog)
    assert screen.contains(dialog.geometry())
    assert dialog.height() <= screen.height() * 9 // 10
    (buttons,) = [b for b in dialog.findChildren(QWidget) if b.objectName() == "buttonBox"]
    assert screen.contains(QRect(buttons.mapToGlobal(QPoint(0, 0)), buttons.size()))
    dialog.close()
