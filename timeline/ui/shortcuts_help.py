"""The keyboard's help (Help > Keyboard shortcuts): every shortcut the menus hold, read
from the menus themselves so that it never falls behind them, and the timeline's own
keys and mouse gestures."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline.ui.focus_ring import show_focus

_FSI, _PDI = "\u2068", "\u2069"  # FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE


def command_text(text: str) -> str:
    """A menu entry's text as read: without its mnemonic's & (&& is an &), the shortcut
    shown after a tab, or the ellipsis of an entry that asks more."""
    text = text.split("\t", 1)[0]
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").strip()


Row = tuple[str, str, tuple[str, ...]]  # (menu, command, keys)


def menu_shortcuts(bar: QMenuBar) -> list[Row]:
    """(menu, command, keys) of every entry of the menus that has a shortcut, in the
    menus' order; an entry of a submenu under its top menu's title."""
    rows: list[Row] = []

    def walk(menu: QMenu, where: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, where)
                continue
            keys = [k for k in action.shortcuts() if not k.isEmpty()]
            if keys and not action.isSeparator():
                named = tuple(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
                rows.append((where, command_text(action.text()), named))

    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            walk(menu, command_text(action.text()))
    return rows


def shown_keys(keys: Sequence[str]) -> str:
    """Keys as the table shows them: each isolated in its own direction ("Ctrl+=" is
    not "=+Ctrl", "]" not mirrored into "["), the slashes between them in the line's
    direction, so that in Arabic the first key stands right, as the first of "next /
    previous" does."""
    return " / ".join(f"{_FSI}{key}{_PDI}" for key in keys)


class ShortcutsDialog(QDialog):
    """A table of the menus' shortcuts, the window's own keys, then the timeline's keys
    (each given as (what it does, keys)), read only, closed with Escape."""

    def __init__(
        self,
        bar: QMenuBar,
        timeline_keys: Sequence[tuple[str, tuple[str, ...]]],
        parent: QWidget,
        window_keys: Sequence[tuple[str, tuple[str, ...]]] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        timeline = self.tr("Timeline")
        window = self.tr("Window")
        rows = (
            menu_shortcuts(bar)
            + [(window, what, keys) for what, keys in window_keys]
            + [(timeline, what, keys) for what, keys in timeline_keys]
        )
        table = QTableWidget(len(rows), 3, self)
        table.setObjectName("shortcutsTable")
        table.setAccessibleName(self.tr("Keyboard shortcuts"))  # a nameless "table" else
        table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Command"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        for row, (where, command, keys) in enumerate(rows):
            for column, text in enumerate((where, command, shown_keys(keys))):
                item = QTableWidgetItem(text)
                # Read by a screen reader without the marks.
                item.setData(Qt.ItemDataRole.AccessibleTextRole, _unmarked(text))
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table = table
        show_focus(table)  # the current cell's faint frame was all that showed it
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        width = sum(table.columnWidth(c) for c in range(3)) + 60
        # No higher than the window it is opened from, nor than the screen less a tenth
        # for the window manager's frame (as the window's first size): 520 px ran past
        # the foot of an 800x500 window and off a 500 px screen, the Close button out of
        # reach.  The table scrolls (its 32 rows want 960 px).
        screen = parent.screen().availableGeometry().height() * 9 // 10
        self.resize(min(max(width, 480), 900), min(520, parent.window().height(), screen))

    def rows(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (the keys without their isolating marks)."""
        table = self.table
        return [
            (table.item(r, 0).text(), table.item(r, 1).text(), _unmarked(table.item(r, 2).text()))
            for r in range(table.rowCount())
        ]


def _unmarked(text: str) -> str:
    return text.replace(_FSI, "").replace(_PDI, "")
