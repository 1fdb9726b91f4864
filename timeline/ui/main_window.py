"""The main window: timeline above, the article list and the detail pane below."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from timeline import __version__
from timeline.store import Store
from timeline.ui.article_delegate import ArticleDelegate
from timeline.ui.article_model import ArticleIdRole, ArticleListModel
from timeline.ui.detail_pane import DetailPane


class MainWindow(QMainWindow):
    """Selecting an article anywhere selects it everywhere."""

    article_selected = Signal(int)

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
        self.resize(1280, 800)
        self._restore_state()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
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
        QMessageBox.about(
            self,
            self.tr("About News Timeline"),
            self.tr("News Timeline %1\nAn Arabic-first timeline of news articles.").replace(
                "%1", __version__
            ),
        )

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
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/upper", self.upper.saveState())
        settings.setValue("window/lower", self.lower.saveState())
        super().closeEvent(event)
