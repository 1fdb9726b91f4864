"""Every hidden thing in a list of its own, filtered as typed, to be shown again:
Edit > Unhide > All hidden items… (the menu names only the latest hidden)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from timeline.store import Store
from timeline.store.edits import NAME_CHARS, HiddenItem, hidden_items
from timeline.text.display_safe import for_display, shown_part
from timeline.text.normalize import normalize
from timeline.timescale import LabelStyle
from timeline.ui.article_delegate import DirectionalTextDelegate
from timeline.ui.date_text import counted, group_number
from timeline.ui.plain_text import plain_label
from timeline.ui.workers import describe_failure

# A filter is looked for in at most this many characters of a name (names are cut at
# the store's NAME_CHARS already; a mention's words and its title make two).
_FOLDED_CHARS = 500


# A title is named by this many characters at most (the menu's entries were so).
_TITLE_CHARS = 80


def hidden_name(item: HiddenItem) -> str:
    """A hidden item as the window names it: an article by its title (the user's
    correction first), a mention by its words and its article's title, an added event by
    its label; what is gone said so; a mark another program wrote that names nothing as
    it is, cut at NAME_CHARS.  Never its target's uid, a hash (Edit > Unhide listed an article so).
    Untrusted text, as it is (for_display, action_text before it is shown)."""
    translate = QCoreApplication.translate
    if item.kind in ("article", "mention"):
        if item.title is None:
            return translate("HiddenItems", "an article no longer in this library")
        title = " ".join(item.title.split())[:_TITLE_CHARS]
        return title if item.phrase is None else f"{item.phrase} · {title}"
    if item.kind == "event":
        if item.label is None:
            return translate("HiddenItems", "an event no longer in this library")
        return item.label
    # A mark's own text, another program's: cut as a label is (a 1 MB one was drawn
    # whole in its row, 0.17 s each time the list was painted).
    return shown_part(item.target, NAME_CHARS)


def _row_text(item: HiddenItem, name: str) -> str:
    """name (hidden_name's, on one line) as the list shows it: a mention's article's
    title in an isolate of its own, laid out in its own direction (a title holding
    "<i>" after Arabic words was drawn mirrored, ">i<").  The words stay outside one:
    the row takes its direction from them (isolated too, a row of Arabic words had
    nothing strong outside its isolates and was laid out left to right)."""
    if item.kind == "mention" and item.phrase is not None and item.title is not None:
        words = for_display(" ".join(item.phrase.split()))
        title = for_display(" ".join(" ".join(item.title.split())[:_TITLE_CHARS].split()))
        return f"{words} · \u2068{title}\u2069"
    return for_display(name)


class HiddenReader(QObject):
    """Reads every hidden thing and names it, on a worker: 100,000 hidden took seconds."""

    finished = Signal(object)  # [(target, name, folded name)], the latest hidden first
    failed = Signal(str)

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self._db_path = db_path

    def run(self) -> None:
        try:
            with Store(self._db_path, create=False, read_only=True) as store:
                items = hidden_items(store)
            named = []
            for item in items:
                name = " ".join(hidden_name(item).split())  # one line a row
                folded = normalize(name[:_FOLDED_CHARS]).casefold()
                named.append((item.target, _row_text(item, name), folded))
        except Exception as exc:  # every failure must reach the window
            self.failed.emit(describe_failure(exc))
            return
        self.finished.emit(named)


class HiddenModel(QAbstractListModel):
    """The hidden things, those whose name holds the filter (its spelling folded as the
    search folds it: ايار finds أيّار); plain text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[tuple[str, str, str]] = []
        self._shown: list[int] = []
        self._filter = ""

    def take(self, named: list[tuple[str, str, str]]) -> None:
        self._all = named
        self.set_filter(self._filter)

    def set_filter(self, text: str) -> None:
        self.beginResetModel()
        self._filter = text
        wanted = normalize(text.strip()).casefold()
        self._shown = [i for i, (_t, _n, folded) in enumerate(self._all) if wanted in folded]
        self.endResetModel()

    def drop(self, targets: set[str]) -> None:
        """Those shown again taken out of the list."""
        self.beginResetModel()
        self._all = [row for row in self._all if row[0] not in targets]
        self.endResetModel()
        self.set_filter(self._filter)

    def total(self) -> int:
        return len(self._all)

    def target(self, row: int) -> str:
        return self._all[self._shown[row]][0]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._shown)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._all[self._shown[index.row()]][1]
        return None


class HiddenItemsDialog(QDialog):
    """The list of every hidden thing, the latest hidden first, a filter above it; the
    chosen shown again (Enter, a double click or the button: an Undo step each time)."""

    def __init__(
        self,
        parent: QWidget,
        db_path: Path,
        show_again: Callable[[Sequence[str]], object],
        start: Callable[[HiddenReader, HiddenItemsDialog], QThread],
        style: LabelStyle,
    ) -> None:
        """start: runs the reader on a thread (workers.start_in_thread, its parent the
        window, which outlives the dialog)."""
        super().__init__(parent)
        self.setObjectName("hiddenItemsDialog")
        self.setWindowTitle(self.tr("Hidden items"))
        self._show_again = show_again
        self._style = style  # the counts' digits and grouping, as the window's
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by title, words or label"))
        self.filter_edit.setAccessibleName(self.tr("Filter"))
        self.filter_edit.setClearButtonEnabled(True)
        self.model = HiddenModel(self)
        self.list = QListView(self)
        self.list.setAccessibleName(self.tr("Hidden items"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(DirectionalTextDelegate(self.list))
        self.list.setUniformItemSizes(True)  # 100,000 rows: no row measured one by one
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.count_label = plain_label(self)
        self.count_label.setText(self.tr("Reading the hidden items…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.show_button = buttons.addButton(
            self.tr("&Show again"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.show_button.setEnabled(False)
        # Enter in the filter goes to the list (_to_list), and there shows the chosen
        # again (activated): no button takes it as the dialog's default.
        for button in buttons.buttons():
            button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.show_button.clicked.connect(self.show_chosen)
        self.list.activated.connect(lambda _index: self.show_chosen())
        self.filter_edit.textChanged.connect(self._filter_changed)
        # Down from the filter goes to the list, as from the window's search field.
        self.filter_edit.returnPressed.connect(self._to_list)
        found = QLabel(self.tr("&Filter:"), self)
        found.setTextFormat(Qt.TextFormat.PlainText)
        found.setBuddy(self.filter_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(found)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        self.resize(640, 480)
        self.filter_edit.setFocus()
        reader = HiddenReader(db_path)
        reader.finished.connect(self._read)
        reader.failed.connect(self._failed)
        self.thread_reading: QThread | None = start(reader, self)

    def _read(self, named: list[tuple[str, str, str]]) -> None:
        self.model.take(named)
        self._counted()
        selection = self.list.selectionModel()
        selection.selectionChanged.connect(self._chosen_changed)

    def _failed(self, message: str) -> None:
        self.count_label.setText(for_display(message))

    def reader_ended(self) -> None:
        """Its reader's thread has ended: a dialog closed meanwhile is deleted now (its
        thread, the window's child, called it back: see done)."""
        self.thread_reading = None
        if not self.isVisible():
            self.deleteLater()

    def done(self, result: int) -> None:
        super().done(result)
        if self.thread_reading is None:  # else deleted once its reader has ended
            self.deleteLater()

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._counted()

    def _to_list(self) -> None:
        if self.model.rowCount():
            self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
            current = self.list.currentIndex()
            if not current.isValid() or not self.list.selectionModel().selectedRows():
                self.list.selectionModel().setCurrentIndex(
                    current if current.isValid() else self.model.index(0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _counted(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if not total:
            self.count_label.setText(self.tr("Nothing is hidden"))
        elif shown == total:
            self.count_label.setText(counted(self.tr("%n hidden", "", total), total, self._style))
        else:
            of = self.tr("%n of %1 hidden", "", shown).replace("%1", "\0")
            self.count_label.setText(
                counted(of, shown, self._style).replace("\0", group_number(total, self._style))
            )
        self._chosen_changed()

    def _chosen_changed(self) -> None:
        self.show_button.setEnabled(bool(self.list.selectionModel().selectedRows()))

    def chosen_targets(self) -> list[str]:
        rows = sorted(index.row() for index in self.list.selectionModel().selectedRows())
        return [self.model.target(row) for row in rows]

    def show_chosen(self) -> None:
        targets = self.chosen_targets()
        if not targets:
            return
        first = min(index.row() for index in self.list.selectionModel().selectedRows())
        self._show_again(targets)
        self.model.drop(set(targets))
        self._counted()
        if self.model.rowCount():  # the next row chosen: Enter shows it again too
            self.list.selectionModel().setCurrentIndex(
                self.model.index(min(first, self.model.rowCount() - 1)),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
