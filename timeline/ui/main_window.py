"""The main window: timeline above, the article list and the detail pane below."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QListView,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QWidget,
)

from timeline.library import ImportReport
from timeline.store import Store
from timeline.ui.about import show_about
from timeline.ui.article_delegate import ArticleDelegate
from timeline.ui.article_model import ArticleIdRole, ArticleListModel
from timeline.ui.detail_pane import DetailPane
from timeline.ui.import_worker import ImportWorker, start_import


class MainWindow(QMainWindow):
    """Selecting an article anywhere selects it everywhere."""

    article_selected = Signal(int)
    import_finished = Signal(object)
    store_changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("News Timeline"))
        self.model = ArticleListModel(store, self)
        self.list = QListView(self)
        self.list.setObjectName("articleList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(ArticleDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(self.tr("Articles"))
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.detail = DetailPane(self)

        self.lower = QSplitter(Qt.Orientation.Horizontal, self)
        self.lower.addWidget(self.list)
        self.lower.addWidget(self.detail)
        self.lower.setStretchFactor(0, 2)
        self.lower.setStretchFactor(1, 3)
        self.upper = QSplitter(Qt.Orientation.Vertical, self)
        self.upper.addWidget(self.lower)
        self.setCentralWidget(self.upper)
        self._build_menus()
        self._update_status()
        self.setAcceptDrops(True)
        self._import_thread: QThread | None = None
        self.resize(1280, 800)
        self._restore_state()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        import_files = QAction(self.tr("&Import files…"), self)
        import_files.setShortcut(QKeySequence.StandardKey.Open)
        import_files.triggered.connect(self._choose_files)
        file_menu.addAction(import_files)
        import_folder = QAction(self.tr("Import &folder…"), self)
        import_folder.setShortcut(QKeySequence("Ctrl+Shift+O"))
        import_folder.triggered.connect(self._choose_folder)
        file_menu.addAction(import_folder)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        focus_list = QAction(self.tr("Article &list"), self)
        focus_list.setShortcut(QKeySequence("Ctrl+L"))
        focus_list.triggered.connect(self.list.setFocus)
        self.view_menu.addAction(focus_list)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def show_about(self) -> None:
        show_about(self)

    def _update_status(self) -> None:
        self.statusBar().showMessage(
            self.tr("%1 articles, %2 events")
            .replace("%1", str(self.store.count_articles()))
            .replace("%2", str(self.store.count_events()))
        )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.show_article(None, [])
            return
        article_id = int(current.data(ArticleIdRole))
        self.detail.show_article(self.model.article(article_id), self.model.events(article_id))
        self.article_selected.emit(article_id)

    def select_article(self, article_id: int) -> None:
        """Select an article in the list (and so in the detail pane)."""
        row = self.model.row_of(article_id)
        if row is None:
            return
        index = self.model.index(row)
        if self.list.currentIndex() != index:
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self.list.scrollTo(index)

    # -- importing -------------------------------------------------------------

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import articles"),
            "",
            self.tr("Articles (*.txt *.jsonl *.ndjson *.json);;All files (*)"),
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of articles"))
        if folder:
            self.import_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def import_paths(self, paths: list[Path]) -> None:
        """Import on a worker thread with a progress dialog; the store stays readable."""
        if self._import_thread is not None:
            return
        worker = ImportWorker(self.store.path, paths)
        self._progress = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(300)
        self._progress.canceled.connect(worker.cancel)
        # Bound methods of this window: Qt queues the worker's signals to the GUI thread.
        worker.progressed.connect(self._import_progressed)
        worker.finished.connect(self._show_import_report)
        worker.failed.connect(self._show_import_error)
        self.import_worker = worker
        self._import_thread = start_import(worker, self)
        self._import_thread.finished.connect(self._import_ended)

    def _import_progressed(self, done: int, total: int, name: str) -> None:
        self._progress.setMaximum(total)
        self._progress.setValue(done)
        self._progress.setLabelText(self.tr("Importing %1").replace("%1", name))

    def _import_ended(self) -> None:
        self._progress.reset()
        self._import_thread = None
        self.reload()

    def _show_import_report(self, report: ImportReport) -> None:
        text = (
            self.tr("%1 added, %2 already stored, %3 failed files.")
            .replace("%1", str(report.added))
            .replace("%2", str(report.duplicates))
            .replace("%3", str(len(report.failed)))
        )
        self.import_finished.emit(report)
        if report.failed:
            details = "\n".join(f"{f.path.name}: {f.error}" for f in report.failed)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import"), text, parent=self)
            box.setDetailedText(details)
            box.open()
        else:
            self.statusBar().showMessage(text, 10_000)

    def _show_import_error(self, message: str) -> None:
        if message != "cancelled":
            QMessageBox.critical(self, self.tr("Import failed"), message)

    def reload(self) -> None:
        """Show what the store holds now (after an import or a re-computation)."""
        self.model.reload()
        self._update_status()
        self.store_changed.emit()

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for name, splitter in (("upper", self.upper), ("lower", self.lower)):
            state = settings.value(f"window/{name}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._import_thread is not None:
            self.import_worker.cancel()
            self._import_thread.wait()
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/upper", self.upper.saveState())
        settings.setValue("window/lower", self.lower.saveState())
        super().closeEvent(event)
