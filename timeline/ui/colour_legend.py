"""Colouring the timeline by tag or by source, with a legend that switches each one on and off."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from timeline.edits import TAG_COLOURS
from timeline.store import Store
from timeline.store import edits as user
from timeline.store.timeline_data import EventArrays
from timeline.text.display_safe import shown_part
from timeline.ui.plain_text import action_text, plain_tooltip
from timeline.ui.workers import SourceReader, release_ended, start_in_thread

MODES = ("kind", "tag", "source")


class ColourLegend(QObject):
    """The colouring mode (by kind, tag or source), its legend toolbar and the entries off.

    changed is emitted when the mode or an entry's switch changes: the window then lays
    the arrays out again (shown_arrays) and paints them (codes, palette).  Every
    article's source is read on a worker (SourceReader) when by source is chosen: until
    it comes the timeline keeps the colours by kind and the legend says it is reading.
    """

    changed = Signal()

    def __init__(self, store: Store, window: QMainWindow) -> None:
        super().__init__(window)
        self.store = store
        self.mode = "kind"
        self.off: set[str] = set()
        self.names: list[str] = []
        self.palette: list[QColor] = []
        self.others = 0  # sources or tags in the last entry ("Other ..."), when there is one
        self.codes: np.ndarray | None = None
        self._colour_codes = user.ColourCodes()  # kept through edits (touched rows only)
        self._toolbar_key: tuple | None = None  # what the toolbar was last filled with
        # The sources' read on a worker, and the store's changes the legend has seen (an
        # edit, a reload): a read that began before the last change is read again.
        self._reader_thread: QThread | None = None
        self._changes = 0
        self._read_at = -1
        self._read_failed = False
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
        self._read_failed = False
        if mode == "source":
            self._read_sources()
        self.changed.emit()

    def is_reading(self) -> bool:
        """Whether the sources are being read for colouring by source."""
        return self._reader_thread is not None

    def running_thread(self) -> QThread | None:
        """The thread reading the sources, if any (the window waits for it as it closes)."""
        return self._reader_thread

    def _read_sources(self) -> None:
        if self._reader_thread is not None:
            return  # the read running ends in _sources_read, which reads again if stale
        self._read_at = self._changes
        reader = SourceReader(self.store.path)
        reader.finished.connect(self._sources_read)
        reader.failed.connect(self._sources_failed)
        self._reader_thread = start_in_thread(reader, self, ended=self._reader_ended)

    def _sources_read(self, sources: tuple[np.ndarray, np.ndarray, list[str]]) -> None:
        if self.mode != "source" or self._read_at != self._changes:
            return  # chosen otherwise since, or read before an edit: _reader_ended reads again
        self._colour_codes.take_sources(sources)
        self.changed.emit()

    def _sources_failed(self, _message: str) -> None:
        # Read on the GUI thread instead, where the window reports what fails (one line).
        self._read_failed = True
        if self.mode == "source":
            self.changed.emit()

    def _reader_ended(self) -> None:
        release_ended(self._reader_thread)
        self._reader_thread = None
        if (
            self.mode == "source"
            and not self._read_failed
            and not self._colour_codes.has_sources()
            and self._read_at != self._changes
        ):
            self._read_sources()

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
        if touched is not None:
            self._changes += 1
        waiting = (
            self.mode == "source"
            and not self._read_failed
            and (self._reader_thread is not None and not self._colour_codes.has_sources())
        )
        if self.mode == "kind" or waiting:
            self.codes, self.names, self.palette = None, [], []
            self._fill_toolbar(reading=waiting)
            return arrays
        codes, names = self._colour_codes.of(self.store, arrays, self.mode, touched)
        self.others = 0
        if self.mode == "tag":
            colours = {name: colour for name, colour, _n in user.tags(self.store)}
            if len(names) > SOURCE_COLOURS:
                # Tags brought in by imports can be hundreds (a site's own): the largest
                # keep their colours and legend entries, the rest share the grey one.
                codes, names, self.others = _largest_and_others(
                    codes, names, SOURCE_COLOURS - 1, self.tr("Other tags")
                )
            self.palette = [QColor(colours.get(n, TAG_COLOURS[0])) for n in names]
            if self.others:
                self.palette[-1] = QColor(_OTHERS_GREY)
        elif len(names) > SOURCE_COLOURS:
            # More sources than colours one tells apart (an archive of sites has
            # thousands): the largest in colours of their own, the rest one grey entry.
            codes, names, self.others = _largest_and_others(
                codes, names, SOURCE_COLOURS - 1, self.tr("Other sources")
            )
            self.palette = [*source_colours(len(names) - 1), QColor(_OTHERS_GREY)]
        else:
            self.palette = source_colours(len(names))
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
        self._changes += 1
        self._colour_codes.forget()
        if self.mode == "source" and not self._read_failed:
            self._read_sources()

    def _fill_toolbar(self, reading: bool = False) -> None:
        # Unchanged after most edits: not built again (a swatch and an action per entry).
        key = (
            self.mode,
            reading,
            tuple(self.names),
            tuple(c.rgba() for c in self.palette),
            frozenset(self.off),
        )
        if key == self._toolbar_key:
            return
        self._toolbar_key = key
        self.toolbar.clear()
        self.toolbar.setVisible(self.mode != "kind")
        if reading:
            note = QAction(self.tr("Reading the sources…"), self.toolbar)
            note.setEnabled(False)
            self.toolbar.addAction(note)
        elif self.mode == "tag" and not self.names:
            # Coloured by tag in a library with none, the legend was an empty strip and
            # every event kept one colour, with nothing to say why.
            note = QAction(
                self.tr("No tags yet: Tag this article…, in the Edit menu, makes one"),
                self.toolbar,
            )
            note.setEnabled(False)
            self.toolbar.addAction(note)
        for name, colour in zip(self.names, self.palette, strict=True):
            # A tag's or a source's name (from the articles): never markup, never a
            # shortcut's mark, its controls visible; the tooltip Qt would take from the
            # text (and render as rich text) set plain.
            action = QAction(_swatch(colour), action_text(name), self.toolbar)
            if self.others and name == self.names[-1]:
                if self.mode == "tag":
                    name_tip = self.tr("%n tags with fewer events, in one colour", "", self.others)
                else:
                    name_tip = self.tr(
                        "%n sources with fewer events, in one colour", "", self.others
                    )
                action.setToolTip(plain_tooltip(name_tip))
            else:
                action.setToolTip(plain_tooltip(shown_part(name)))
            action.setCheckable(True)
            action.setChecked(name not in self.off)
            action.toggled.connect(_switch(self, name))
            self.toolbar.addAction(action)


# Sources coloured one by one at most (the tags' eight and Kelly's twelve, each told
# apart at a glance); past it the largest take them and the rest share _OTHERS_GREY.
SOURCE_COLOURS = 20
_OTHERS_GREY = "#9e9e9e"

# After the tags' eight: colours of Kelly's set of maximum contrast that none of the
# eight is near, for a store of up to 20 sources (SaudiNewsNet has 14).
_MORE_COLOURS = (
    "#875692",
    "#be0032",
    "#8db600",
    "#654522",
    "#c2b280",
    "#2b3d26",
    "#f99379",
    "#604e97",
    "#882d17",
    "#a1caf1",
    "#b3446c",
    "#dcd300",
)


def source_colours(n: int) -> list[QColor]:
    """n colours, no two alike: the tags' eight (colour-blind safe), then _MORE_COLOURS,
    then hues a golden angle apart, their saturation and value taken in turn from a few
    steps.  The eight repeated (a store of 11 sources showed three pairs of sources in
    one colour, their legend entries alike) said two sources were one."""
    colours = [QColor(c) for c in (*TAG_COLOURS, *_MORE_COLOURS)[:n]]
    seen = {c.rgb() for c in colours}
    i = 0
    # Bounded: these steps make some 7,000 distinct colours, and asked for 8,000 the walk
    # went round for ever (the window froze when coloured by 8,000 sources).
    while len(colours) < n and i < 20 * n:
        hue = (0.75 + i * 0.618_033_988_75) % 1.0
        colour = QColor.fromHsvF(hue, (0.85, 0.55, 0.7)[i % 3], (0.8, 0.95, 0.65)[i // 3 % 3])
        i += 1
        if colour.rgb() not in seen:
            seen.add(colour.rgb())
            colours.append(colour)
    made = len(colours)
    return colours + [QColor(colours[k % made]) for k in range(n - made)] if made else colours


def _largest_and_others(
    codes: np.ndarray, names: list[str], keep: int, others: str
) -> tuple[np.ndarray, list[str], int]:
    """Codes and names with only the keep names of the most rows, in their order, and
    one more, named others, for the rest; and how many names that one stands for."""
    counts = np.bincount(codes[codes >= 0], minlength=len(names))
    kept = np.sort(np.argsort(-counts, kind="stable")[:keep])
    remap = np.full(len(names), len(kept), dtype=np.int32)
    remap[kept] = np.arange(len(kept), dtype=np.int32)
    mapped = np.where(codes >= 0, remap[np.maximum(codes, 0)], -1).astype(np.int32)
    return mapped, [names[i] for i in kept.tolist()] + [others], len(names) - len(kept)


def _switch(legend: ColourLegend, name: str) -> Callable[[bool], None]:
    return lambda on: legend.set_entry(name, on)


def _swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(colour)
    return QIcon(pixmap)
