"""File > Export and File > Print: what the window shows, to a file or a printer.

The window's search (words and filters) chooses the articles and its visible range
the events.  Text formats are written on a worker thread with its own connection;
images and printing draw a copy of the timeline view with the same painter.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from timeline.store import Store, StoreError
from timeline.text.display_safe import for_display, shown_part
from timeline.ui.date_text import counted, group_number
from timeline.ui.file_dialogs import elide_box, file_dialog, file_filter
from timeline.ui.import_messages import os_failure, os_reason, reason_in_interface_language
from timeline.ui.menu_keys import install_same_key_letters
from timeline.ui.plain_text import message_box, plain_label
from timeline.ui.store_messages import for_message_box
from timeline.ui.timeline_view import TimelineView

if TYPE_CHECKING:
    from timeline.export import Selection
    from timeline.timescale import LabelStyle

# The exporters (timeline.export, and its image writer) are imported when an export or
# a print is asked for: the window builds its exporter before its first frame, which
# needs none of them.


def window_selection(window: QWidget) -> Selection:
    """What the window shows: its search and filters, within the visible time range."""
    from timeline.export import Selection

    request = window.search
    view: TimelineView = window.timeline
    vp = view.viewport()
    first, last = int(vp.start), int(vp.end) + 1
    with_hidden = window.edits.show_hidden  # as the window shows them
    if request is None:
        return Selection(date_from=first, date_to=last, with_hidden=with_hidden)
    date_from = first if request.date_from is None else max(first, request.date_from)
    date_to = last if request.date_to is None else min(last, request.date_to)
    return Selection(
        query=request.query,
        source=request.source,
        date_from=date_from,
        date_to=max(date_to, date_from + 1),
        event_kind=request.event_kind,
        with_hidden=with_hidden,
    )


def view_copy(window: QWidget, width: int, height: int) -> TimelineView:
    """A copy of the window's timeline at another size: same events, range and settings."""
    from timeline.export.image import make_view

    view: TimelineView = window.timeline
    vp = view.viewport()
    return make_view(
        view.arrays(),
        view._label_source,
        width=width,
        height=height,
        span=(vp.start, vp.end),
        like=view,
    )


class _ExportCancelled(Exception):
    """Raised through the exporter when the user cancels: the file is not written."""


class ExportWorker(QObject):
    """Writes a text export with its own connection, off the GUI thread; cancel() stops
    it at its next record, the file not written (files.written_whole)."""

    finished = Signal(int, int, int)  # records written, undated left out, rows cut
    failed = Signal(str)  # why, or CANCELLED
    progressed = Signal(int)  # records written so far
    CANCELLED = "cancelled"

    def __init__(
        self,
        db_path: Path,
        fmt: str,
        selection: Selection,
        path: Path,
        style: LabelStyle | None = None,
    ) -> None:
        super().__init__()
        self._db_path, self._fmt, self._selection, self._path = db_path, fmt, selection, path
        self._style = style  # how a chronology writes dates: as the window does
        self._cancelled = False

    def cancel(self) -> None:
        """Called from the GUI thread (a plain flag: the worker reads it between records)."""
        self._cancelled = True

    def _progress(self, written: int) -> None:
        if self._cancelled:
            raise _ExportCancelled
        self.progressed.emit(written)

    def run(self) -> None:
        from timeline.export import SelectionError, export

        left_out: list[int] = []
        cut: list[int] = []
        try:
            with Store(self._db_path, create=False, read_only=True) as store:
                count = export(
                    store,
                    self._fmt,
                    self._selection,
                    self._path,
                    left_out=left_out,
                    cut=cut,
                    style=self._style,
                    progress=self._progress,
                )
        except _ExportCancelled:
            self.failed.emit(self.CANCELLED)
            return
        except (SelectionError, StoreError) as exc:
            self.failed.emit(str(exc))
            return
        except OSError as exc:
            self.failed.emit(f"{self._path}: {os_reason(exc)}")
            return
        self.finished.emit(count, len(left_out), len(cut))


# Characters the format box asks room for where the screen is too narrow for its longest
# ("Articles as an Excel workbook" whole).
_FORMAT_CHARS = 30


class ExportDialog(QDialog):
    """The format and, for an image, its size."""

    def __init__(self, parent: QWidget, view_width: int, view_height: int) -> None:
        """view_width, view_height: the timeline's size in the window, offered for an
        image unless it is smaller than `timeline export`'s (1600 by 600): at 800 by 500
        the window's timeline is a strip of about 800 by 150, and its image was too."""
        from timeline.export import FORMATS
        from timeline.export.image import DEFAULT_HEIGHT, DEFAULT_WIDTH

        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        names = {
            "timelinejs": self.tr("TimelineJS (JSON)"),
            "timeline": self.tr("The Timeline Project (.timeline: no tags, notes or your events)"),
            "articles-csv": self.tr("Articles as CSV"),
            "articles-jsonl": self.tr("Articles as JSON Lines"),
            "events-csv": self.tr("Events as CSV"),
            "events-jsonl": self.tr("Events as JSON Lines"),
            "articles-xlsx": self.tr("Articles as an Excel workbook"),
            "events-xlsx": self.tr("Events as an Excel workbook"),
            "chronology": self.tr("Chronology to read or print (HTML)"),
            "png": self.tr("Image (PNG)"),
            "svg": self.tr("Image (SVG)"),
            "pdf": self.tr("Document (PDF)"),
        }
        self.format_box = QComboBox(self)
        # Its own name, as the search bar's boxes have: Windows read it by its value.
        self.format_box.setAccessibleName(self.tr("Format"))
        for key in FORMATS:
            self.format_box.addItem(names[key], key)
        remembered = QSettings().value("export/format", "timelinejs", type=str)
        self.format_box.setCurrentIndex(max(self.format_box.findData(remembered), 0))
        self.width_box = QSpinBox(self)
        self.width_box.setRange(200, 20000)
        self.width_box.setValue(max(view_width, DEFAULT_WIDTH))
        self.height_box = QSpinBox(self)
        self.height_box.setRange(150, 20000)
        self.height_box.setValue(max(view_height, DEFAULT_HEIGHT))
        self.scale_box = QDoubleSpinBox(self)
        self.scale_box.setRange(0.25, 8.0)
        self.scale_box.setSingleStep(0.5)
        self.scale_box.setValue(1.0)
        self._shows = self.tr(
            "Exports what the window shows: the articles the search finds, "
            "and their events in the visible stretch of time."
        )
        # With each story shown once, a file of articles or events still holds every
        # copy (the window's list showed 23,502 of SaudiNewsNet's articles and its CSV
        # held 30,153, with no word of why); an image draws the timeline as it is.
        collapse = getattr(parent, "collapse_action", None)
        self._collapsed = collapse is not None and collapse.isChecked()
        self._every_copy = self.tr(
            "Each story is shown once here, but the file holds every copy of it."
        )
        note = QLabel(self._shows, self)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        self.note = note
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("&Format:"), self.format_box)
        form.addRow(self.tr("&Width:"), self.width_box)
        form.addRow(self.tr("&Height:"), self.height_box)
        form.addRow(self.tr("&Scale (PNG):"), self.scale_box)
        form.addRow(buttons)
        self.format_box.currentIndexChanged.connect(self._sync)
        self._sync()
        install_same_key_letters(self)
        # With large text the box's longest format (The Timeline Project's) made the
        # dialog wider than its screen (984 px at 20 points, an 800 px screen: OK and
        # Cancel off its edge): the box then takes what the screen leaves, its text
        # elided.
        room = parent.screen().availableGeometry().width() * 9 // 10
        if self.sizeHint().width() > room:
            elide_box(self.format_box, _FORMAT_CHARS)

    def chosen_format(self) -> str:
        return str(self.format_box.currentData())

    def _sync(self) -> None:
        from timeline.export import IMAGE_FORMATS

        image = self.chosen_format() in IMAGE_FORMATS
        for box in (self.width_box, self.height_box):
            box.setEnabled(image)
        every_copy = self._collapsed and not image
        self.note.setText(f"{self._shows} {self._every_copy}" if every_copy else self._shows)
        self.scale_box.setEnabled(self.chosen_format() == "png")


class ExportStatus(QWidget):
    """In the status bar while a text export is written: its file, the records written
    so far, and a button to cancel it (the window stays in use meanwhile)."""

    def __init__(self, parent: QWidget, name: str, style: LabelStyle) -> None:
        super().__init__(parent)
        self._style = style  # counts as the status bar writes them
        # The name isolated (its own direction) and made safe: it is the user's to type.
        self._name = f"\u2068{for_display(shown_part(name, 80))}\u2069"
        self.label = plain_label(self)  # a file's name is the user's to type
        self.cancel = QPushButton(self.tr("Cancel export"), self)
        self.cancel.setToolTip(self.tr("Stop writing the export: no file is written"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel)
        self.label.setText(self.tr("Exporting %1…").replace("%1", self._name))

    def written(self, count: int) -> None:
        if not count:
            return
        self.label.setText(
            self.tr("Exporting %1: %2 written")
            .replace("%2", group_number(count, self._style))
            .replace("%1", self._name)
        )


class WindowExporter(QObject):
    """Runs File > Export and File > Print for a main window."""

    # path, records written, undated articles left out, rows cut (a workbook's), and
    # what the records are ("articles" or "events": export.counted_records)
    exported = Signal(str, int, int, int, str)
    export_failed = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._thread: QThread | None = None
        self._status: ExportStatus | None = None  # in the status bar while it writes

    def ask_export(self) -> None:
        view = self.window.timeline
        dialog = ExportDialog(self.window, view.width(), view.height())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        from timeline.export import FORMATS

        fmt = dialog.chosen_format()
        QSettings().setValue("export/format", fmt)
        suffix = FORMATS[fmt][1]
        with file_dialog(self.window.interface_locale):
            name, _ = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Export"),
                f"timeline{suffix}",
                file_filter((dialog.format_box.currentText(), f"*{suffix}")),
            )
        if not name:
            return
        path = Path(name)
        # Named for what it holds: the dialog keeps the last format chosen, and a name
        # typed "news.json" got CSV written into it (which every reader, this program's
        # importer too, then took for JSON and refused); "21.7.2015" had no suffix of a
        # format at all.  The chosen format's suffix is added to a name without it.
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
            # The file dialog asked about the name as typed: a file of the name the
            # suffix makes is written over only when the user says so.
            if path.exists() and not self._may_replace(path):
                return
        self.export_to(
            fmt,
            path,
            width=dialog.width_box.value(),
            height=dialog.height_box.value(),
            scale=dialog.scale_box.value(),
        )

    def _may_replace(self, path: Path) -> bool:
        """Whether the user lets an export write over path, a file that exists."""
        box = message_box(
            self.window,
            QMessageBox.Icon.Question,
            self.tr("Export"),
            self.tr("%1 already exists. Replace it?"),
            values=[path.name],
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def export_to(
        self, fmt: str, path: Path, *, width: int = 1600, height: int = 600, scale: float = 1.0
    ) -> None:
        """Export what the window shows; exported or export_failed says how it went."""
        from timeline.export import IMAGE_FORMATS, counted_records
        from timeline.export.files import refuse_the_library, written_whole
        from timeline.export.image import write_image

        if fmt in IMAGE_FORMATS:
            view = view_copy(self.window, width, height)
            try:
                # Never over the library (export() refuses it for the other formats).
                refuse_the_library(path, self.window.store.path)
                with written_whole(path) as partial:
                    write_image(view, partial, fmt, scale=scale)
            except OSError as exc:
                self._failed(f"{path}: {os_reason(exc)}")
                return
            finally:
                view.deleteLater()
            frame_rows = view.arrays().count_visible(view.viewport().start, view.viewport().end)
            self.exported.emit(str(path), frame_rows, 0, 0, counted_records(fmt))
            return
        if self._thread is not None:
            self._failed(self.tr("An export is already being written"))
            return
        from timeline.ui.workers import start_in_thread

        worker = ExportWorker(
            self.window.store.path,
            fmt,
            window_selection(self.window),
            path,
            self.window.timeline.label_style(),
        )
        # Said once the thread has ended, so that a next export can start at once.
        worker.finished.connect(
            lambda count, left_out, cut: setattr(
                self, "_written", (str(path), count, left_out, cut, counted_records(fmt))
            )
        )
        worker.failed.connect(self._failed)
        self._worker = worker
        self._written: tuple[str, int, int, int, str] | None = None
        self._status = ExportStatus(self.window, path.name, self.window.timeline.label_style())
        self._status.cancel.clicked.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
        worker.progressed.connect(self._status.written)
        self.window.statusBar().addPermanentWidget(self._status)
        self._thread = start_in_thread(worker, self, ended=self._ended)

    def cancel(self) -> None:
        """Stop the text export being written, if one is: its file is not written."""
        if self._thread is not None:
            self._worker.cancel()

    def _ended(self) -> None:
        from timeline.ui.workers import release_ended

        release_ended(self._thread)
        self._thread = None
        if self._status is not None:
            self.window.statusBar().removeWidget(self._status)
            self._status.deleteLater()
            self._status = None
        written, self._written = self._written, None
        if written is not None:
            self.exported.emit(*written)

    def running_thread(self) -> QThread | None:
        """The thread writing a text export, if one is (closing the window cancels it and
        waits a while for it to end; a file cut off then would stay a FILE.XXXXXXXX.part,
        never the export)."""
        return self._thread

    def _failed(self, message: str) -> None:
        if message == ExportWorker.CANCELLED:
            self.window.statusBar().showMessage(
                self.tr("Export cancelled: no file was written"), 8000
            )
            return
        self.export_failed.emit(message)

    def show_result(self, path: str, count: int, left_out: int, cut: int, what: str) -> None:
        """Say in the status bar what an export wrote (what: "articles" or "events", the
        records counted: the same window's articles and its events in view are apart by
        tens of thousands)."""
        style = self.window.timeline.label_style()  # counts as the status bar writes them
        # The path left to right in an Arabic line ("/tmp/a.xlsx" was shown "tmp/a.xlsx/").
        shown = f"\u2066{for_display(shown_part(path, 500))}\u2069"
        if what == "articles":
            said = self.tr("Exported %n article(s) to %1", "", count)
        else:
            said = self.tr("Exported %n event(s) to %1", "", count)
        # The path put in last, and held apart while the count is (counted writes the
        # first digits it finds in the window's: "%1" after "مقالة واحدة" holds the first).
        message = counted(said.replace("%1", "\0"), count, style).replace("\0", shown)
        if left_out:
            # Said, not dropped in silence: TimelineJS and .timeline need a date.
            message += "  ·  " + counted(
                self.tr(
                    "%n undated article(s) left out: this format places every article on its date",
                    "",
                    left_out,
                ),
                left_out,
                style,
            )
        if cut:
            # A workbook's cell holds 32,767 characters (Excel's limit).
            message += "  ·  " + counted(
                self.tr(
                    "%n row(s) with a text cut at a cell's 32,767 characters (CSV and JSON"
                    " Lines keep every character)",
                    "",
                    cut,
                ),
                cut,
                style,
            )
        self.window.statusBar().showMessage(message, 8000)

    def show_failure(self, message: str) -> None:
        # Opened, never exec()'d: the window stays responsive (and a test never blocks).
        text, values = for_message_box("%1", message)
        if values == [message]:  # not the store's: a file the system would not write
            values = [reason_in_interface_language(message)]
        message_box(
            self.window, QMessageBox.Icon.Warning, self.tr("Export"), text, values=values
        ).open()

    def ask_print(self) -> None:
        try:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        except ImportError:  # a build without Qt's printing module
            self.show_failure(self.tr("Printing is not available in this build"))
            return

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        from PySide6.QtGui import QPageLayout

        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        # Its output file's field lists the folder as it is typed (and its "..." opens
        # Qt's file dialog), reading the files, the library among them: SQLite's locks
        # on it were gone, and another program closing the library deleted the -wal and
        # -shm this window still wrote through.  The library is opened again after it,
        # as after a file dialog, and the dialog is gone first: the field's folder model
        # lived on with it, watching the folder and reading its files at each change.
        with file_dialog(self.window.interface_locale):
            dialog = QPrintDialog(printer, self.window)
            install_same_key_letters(dialog)  # "&Name:", "&Print" and the options' letters
            try:
                accepted = dialog.exec() == QDialog.DialogCode.Accepted
            finally:
                dialog.setParent(None)  # Python's alone: deleted with its last name
                del dialog
        if not accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: object) -> None:
        """Print the timeline as the window shows it, as large as the page allows; a
        print to a PDF file with its text mapped as an exported PDF's."""
        from PySide6.QtPrintSupport import QPrinter

        from timeline.export.files import refuse_the_library
        from timeline.export.image import paint_on
        from timeline.export.pdf_text import make_searchable

        to_file = (
            isinstance(printer, QPrinter)
            and printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
            and printer.outputFileName()
        )
        if to_file:
            # The print dialog's file, like an export's, is never the library: the
            # printer opens it for writing and put a PDF where the whole library was.
            try:
                refuse_the_library(Path(printer.outputFileName()), self.window.store.path)
            except OSError as exc:
                self._failed(os_failure(exc))
                return
        view = self.window.timeline
        copy = view_copy(self.window, view.width(), view.height())
        try:
            paint_on(printer, copy)
            if to_file:
                make_searchable(Path(printer.outputFileName()))
        except OSError as exc:
            self._failed(os_failure(exc))
        finally:
            copy.deleteLater()
