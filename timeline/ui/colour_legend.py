"""Colouring the timeline by tag or by source, with a legend that switches each one on and off."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from timeline.edits import TAG_COLOURS
from timeline.store import Store
from timeline.store import edits as user
from timeline.store.timeline_data import EventArrays

MODES = ("kind", "tag", "source")


class ColourLegend(QObject):
    """The colouring mode (by kind, tag or source), its legend toolbar and the entries off.

    changed is emitted when the mode or an entry's switch changes: the window then lays
    the arrays out again (shown_arrays) and paints them (codes, palette).
    """

    changed = Signal()

    def __init__(self, store: Store, window: QMainWindow) -> None:
        super().__init__(window)
        self.store = store
        self.mode = "kind"
        self.off: set[str] = set()
        self.names: list[str] = []
        self.palette: list[QColor] = []
        self.codes: np.ndarray | None = None
        self._colour_codes = user.ColourCodes()  # kept through edits (touched rows only)
        self._toolbar_key: tuple | None = None  # what the toolbar was last filled with
        self.toolbar = QToolBar(self.tr("Legend"), window)
        self.toolbar.setObjectName("colourLegend")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self._keep_height()
        self.toolbar.hide()

    def _keep_height(self) -> None:
        """The toolbar as tall empty as with entries: it grew by 22 px when the first tag
        came (or shrank as the last went, an undo), and the window laid out and painted
        every widget again, the timeline resized (30-50 ms inside that edit)."""
        sample = QAction(_swatch(QColor(TAG_COLOURS[0])), "Ag عربي", self.toolbar)
        self.toolbar.addAction(sample)
        self.toolbar.setMinimumHeight(self.toolbar.sizeHint().height())
        self.toolbar.clear()

    def build_menu(self, menu: QMenu) -> None:
        texts = {
            "kind": self.tr("By kind"),
            "tag": self.tr("By tag"),
            "source": self.tr("By source"),
        }
        group = QActionGroup(menu)
        for mode in MODES:
            action = QAction(texts[mode], menu)
            action.setCheckable(True)
            action.setChecked(mode == self.mode)
            action.setData(mode)
            group.addAction(action)
            menu.addAction(action)
        group.triggered.connect(lambda action: self.set_mode(str(action.data())))

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.off.clear()
        # The codes kept follow edits made in the mode they were for, not in another.
        self._colour_codes.forget()
        self.changed.emit()

    def set_entry(self, name: str, on: bool) -> None:
        """Switch a tag's or a source's events on or off the timeline."""
        (self.off.discard if on else self.off.add)(name)
        self.changed.emit()

    def shown_arrays(
        self, arrays: EventArrays, touched: Iterable[int] | None = None
    ) -> EventArrays:
        """arrays without the entries switched off; codes and palette set to match.

        touched: after an edit, the articles it touched (arrays spliced from the last
        ones, or the same): only their rows are coded again (store.edits.ColourCodes).
        """
        if self.mode == "kind":
            self.codes, self.names, self.palette = None, [], []
            self._fill_toolbar()
            return arrays
        codes, names = self._colour_codes.of(self.store, arrays, self.mode, touched)
        if self.mode == "tag":
            colours = {name: colour for name, colour, _n in user.tags(self.store)}
            self.palette = [QColor(colours.get(n, TAG_COLOURS[0])) for n in names]
        else:
            self.palette = [QColor(TAG_COLOURS[i % len(TAG_COLOURS)]) for i in range(len(names))]
        self.names = names
        off = [i for i, n in enumerate(names) if n in self.off]
        if off:
            keep = ~np.isin(codes, np.asarray(off, dtype=np.int32))
            arrays, codes = arrays.subset(keep), codes[keep]
        self.codes = codes
        self._fill_toolbar()
        return arrays

    def forget(self) -> None:
        """The store changed by other hands: read the codes afresh next time."""
        self._colour_codes.forget()

    def _fill_toolbar(self) -> None:
        # Unchanged after most edits: not built again (a swatch and an action per entry).
        key = (
            self.mode,
            tuple(self.names),
            tuple(c.rgba() for c in self.palette),
            frozenset(self.off),
        )
        if key == self._toolbar_key:
            return
        self._toolbar_key = key
        self.toolbar.clear()
        self.toolbar.setVisible(self.mode != "kind")
        for name, colour in zip(self.names, self.palette, strict=True):
            action = QAction(_swatch(colour), name, self.toolbar)
            action.setCheckable(True)
            action.setChecked(name not in self.off)
            action.toggled.connect(_switch(self, name))
            self.toolbar.addAction(action)


def _switch(legend: ColourLegend, name: str) -> Callable[[bool], None]:
    return lambda on: legend.set_entry(name, on)


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(colour)
    return QIcon(pixmap)
