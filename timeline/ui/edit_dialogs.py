"""The window's editing: the Edit menu, right-click menus on events, and their dialogs.

Every edit goes through EditController (timeline/ui/undo.py), written on a worker
thread, so each one is undone with Ctrl+Z and redone with Ctrl+Shift+Z; the views show
it once it is written (only the articles it touched are read again).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QRect, QSize, Qt, QThread, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from timeline import edits
from timeline.model import MAX_TAG_CHARS, TAG_SEPARATORS
from timeline.store import Store
from timeline.store import edits as user
from timeline.store.store import said
from timeline.text import base_direction
from timeline.text.display_safe import for_display
from timeline.timescale import LabelStyle, format_date, format_hijri
from timeline.ui.article_model import ArticleIdRole
from timeline.ui.colour_legend import ColourLegend
from timeline.ui.date_text import TYPED_DATE_CHARS, counted, ordered
from timeline.ui.detail_pane import EventIdRole
from timeline.ui.direction import start_edge
from timeline.ui.focus_ring import show_focus
from timeline.ui.menu_keys import key_menu_position, on_menu_key
from timeline.ui.plain_text import action_text
from timeline.ui.store_messages import in_interface_language
from timeline.ui.undo import EditController

if TYPE_CHECKING:
    from timeline.ui.main_window import MainWindow

# How wide the tag dialog's box is, in average characters, whatever the names offered.
_TAG_BOX_CHARS = 40


def preview_text(typed: str, style: LabelStyle, not_understood: str) -> str:
    """How a typed date was understood, in the interface's words (and Hijri for a day)."""
    date = edits.read_date(typed)
    if date is None or date.start is None:
        return not_understood
    text = ordered(format_date(date.start, date.end, date.granularity, style), style.language)
    if date.granularity in {"day", "hour", "minute", "second"}:
        hijri = format_hijri(date.start, "day", style)
        if hijri:
            text += "  ·  " + ordered(hijri, style.language)
    return text


def starting_text(value: str | None) -> str:
    """A shown value as the date dialog's first text, so that a correction starts from
    it: only a value the dialog reads back as the same (no "XXXX-09-11", no "P3Y")."""
    if not value:
        return ""
    text = value.replace("T", " ")
    read = edits.read_date(text)
    return text if read is not None and read.value == value else ""


# Hidden things the Unhide menu names one by one, the latest first.
HIDDEN_MENU_ITEMS = 30


CORRECTION_WIDTH = 900  # px at most for the dialog that corrects a title or a source


class DateDialog(QDialog):
    """Ask for a date or range (typed as the program reads dates) with a live preview.

    publication: an article's publication date, one date and the whole of what was
    typed (edits.read_published); a range or a phrase is refused in the preview, the
    dialog still open (it was accepted, then refused once the dialog had closed, and
    what was typed was lost)."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        style: LabelStyle,
        *,
        typed: str = "",
        with_label: bool = False,
        not_a_date: bool = False,
        publication: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.style_ = style
        self._publication = publication
        self.date_edit = QLineEdit(typed, self)
        self.date_edit.setObjectName("editDate")
        self.date_edit.setMaxLength(TYPED_DATE_CHARS)  # a paste is cut: each key reads it all
        # The date given (the one stored) is chosen whole, as QInputDialog's text is: a
        # date typed went after it, and what was read was refused.
        self.date_edit.selectAll()
        # Examples as the interface's user types them (the English line gave its Hijri
        # one in Arabic letters); the Arabic one holds its range in a left-to-right
        # isolate: after Arabic text "1950-1953" was laid out "1953-1950".
        self.date_edit.setPlaceholderText(
            self.tr("for example 10 Shawwal 1442 AH, 1950-1953, 22 May 2021")
        )
        # Wide enough for its example: the dialog's own width cut it to "10 شوال 144…".
        example = self.date_edit.fontMetrics().horizontalAdvance(self.date_edit.placeholderText())
        self.date_edit.setMinimumWidth(min(example + 24, 560))
        self.preview = QLabel(self)
        self.preview.setObjectName("editDatePreview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.label_edit = QLineEdit(self)
        self.label_edit.setObjectName("editLabel")
        self.not_a_date = QCheckBox(self.tr("Not a date"), self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        # A colon after each label, as every other field's label has one.
        form.addRow(self.tr("Date:"), self.date_edit)
        form.addRow(self.tr("Understood as:"), self.preview)
        if with_label:
            form.addRow(self.tr("Label:"), self.label_edit)
        else:
            self.label_edit.hide()
        if not_a_date:
            form.addRow(self.not_a_date)
        else:
            self.not_a_date.hide()
        form.addRow(self.buttons)
        self.date_edit.textChanged.connect(self._update)
        self.not_a_date.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        off = self.not_a_date.isChecked()
        self.date_edit.setEnabled(not off)
        not_understood = self.tr("(not understood)")
        if self.date_edit.text().strip():
            # The examples, once the field's own (its placeholder) are gone under what
            # was typed: "(not understood)" alone left "31 February 2015" or "yesterday"
            # to guesses at what the field takes.
            not_understood = self.tr("not understood; %1").replace(
                "%1", self.date_edit.placeholderText()
            )
        text = preview_text(self.date_edit.text(), self.style_, not_understood)
        readable = edits.read_date(self.date_edit.text()) is not None
        if readable and self._publication:
            try:
                edits.read_published(self.date_edit.text())
            except edits.EditError as refused:  # why, in the interface's language
                readable = False
                text = self._refusal(refused)
        self.preview.setText(self.tr("(not a date)") if off else text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(off or readable)

    def _refusal(self, refused: edits.EditError) -> str:
        """Why the date typed is refused, in the interface's language, on one line as wide
        as the field above it: what was typed (shown whole in the field) is shortened to
        the room left, its middle left out.  A pasted paragraph made the dialog thousands
        of pixels wide, and a window grows to the right, past a right-to-left window's
        edge."""
        if not refused.key or "text" not in refused.values:
            return in_interface_language(str(refused))
        template = edits.MESSAGES[refused.key]
        metrics = self.preview.fontMetrics()
        bare = in_interface_language(template.format(**{**refused.values, "text": "''"}))
        line = max(self.date_edit.width(), self.date_edit.minimumWidth())  # the field's
        room = max(line - metrics.horizontalAdvance(bare), metrics.averageCharWidth() * 8)
        # As the refusal quotes it (repr), its quotes kept at either end.
        typed = metrics.elidedText(str(refused.values["text"]), Qt.TextElideMode.ElideMiddle, room)
        return in_interface_language(template.format(**{**refused.values, "text": typed}))

    def typed(self) -> str | None:
        """The date typed; None when "not a date" was chosen."""
        return None if self.not_a_date.isChecked() else self.date_edit.text().strip()


# What a paste (or a drop) may bring into a note: Qt lays a paragraph out whole, and a
# long one without spaces in a time that grows with its square (a key after a pasted
# line of 20,000 digits took 0.1 s, of 80,000 0.9 s; a pasted megabyte held the window
# for minutes).  At 10,000 characters a key takes about 16 ms at worst.  A note already
# stored is shown whole; only what comes in is cut.
NOTE_PASTE_CHARS = 10_000


class _NoteEdit(QPlainTextEdit):
    """The note's editor: what is pasted or dropped is cut to the room a note has left
    (NOTE_PASTE_CHARS in all), and cut says so."""

    cut = Signal()

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text() if source.hasText() else ""
        kept = self.document().characterCount() - 1 - len(self.textCursor().selectedText())
        room = max(NOTE_PASTE_CHARS - kept, 0)
        if len(text) <= room:
            super().insertFromMimeData(source)
            return
        self.textCursor().insertText(text[:room])
        self.ensureCursorVisible()
        self.cut.emit()


class NoteDialog(QDialog):
    """A note on an article, finished by keyboard: Tab moves on to the buttons (a note
    holds no tab typed), Ctrl+Enter saves it, Enter starts a new line.  QInputDialog's
    multi-line text took Tab and Ctrl+Enter as text: the note could not be saved
    without the mouse."""

    def __init__(self, parent: QWidget, note: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        label = QLabel(self.tr("Note on this article:"), self)
        self.text_edit = _NoteEdit(self)
        self.text_edit.setObjectName("noteEdit")
        self.text_edit.setPlainText(note)
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setToolTip(self.tr("Ctrl+Enter saves the note."))
        self.text_edit.installEventFilter(self)
        self.text_edit.textChanged.connect(self._follow_direction)
        self._follow_direction()
        label.setBuddy(self.text_edit)
        show_focus(self.text_edit)  # Fusion frames no focused text box: only its caret
        # Said when a paste was cut to the note's room (our own words, plain text).
        self.cut_label = QLabel(
            self.tr(
                "The note is as long as a note can be: the rest of what was pasted was left out."
            ),
            self,
        )
        self.cut_label.setTextFormat(Qt.TextFormat.PlainText)
        self.cut_label.setWordWrap(True)
        self.cut_label.hide()
        self.text_edit.cut.connect(self.cut_label.show)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text_edit)
        layout.addWidget(self.cut_label)
        layout.addWidget(self.buttons)
        self.text_edit.setFocus()

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def _follow_direction(self) -> None:
        """Lay the note out in its own direction, from that side's edge: its first
        letter's, an empty note's the interface's. The editor's own took every paragraph
        as left to right, an Arabic note read from the left edge of the box."""
        doc = self.text_edit.document()
        interface = "rtl" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr"
        direction = (
            Qt.LayoutDirection.RightToLeft
            if base_direction(doc.firstBlock().text(), interface) == "rtl"
            else Qt.LayoutDirection.LeftToRight
        )
        option = doc.defaultTextOption()
        if option.textDirection() != direction:
            option.setTextDirection(direction)
            option.setAlignment(start_edge(direction))
            doc.setDefaultTextOption(option)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The editor takes Ctrl+Enter as a new line before any shortcut sees it.
        if (
            watched is self.text_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)


FAILURE_SHOWN_MS = 15_000  # how long "Not saved: ..." stays in the status bar


class WindowEdits(QObject):
    """Wires editing into the main window: menus, right-click menus, undo and refresh."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.controller = EditController(window.store, window)
        self.controller.held_by = window.store_held_by
        self.stack = self.controller.stack
        self.legend = ColourLegend(window.store, window)
        self.legend.changed.connect(window.refresh_timeline)
        self.controller.edit_failed.connect(self._say_failure)
        self.controller.edited.connect(self._say_hidden)
        self.controller.writing.connect(self._say_writing)
        self.controller.settled.connect(self._written)
        self._writing_line: str | None = None  # the status line said while one is written
        self._failure_line: str | None = None  # the last "Not saved" line said
        self.show_hidden_action: QAction | None = None

    @property
    def show_hidden(self) -> bool:
        """Whether hidden articles and events are shown (View > Show hidden items)."""
        return self.show_hidden_action is not None and self.show_hidden_action.isChecked()

    def build_view_menu(self, menu: QMenu) -> None:
        action = QAction(self.tr("Show &hidden items"), self.window)
        action.setObjectName("showHiddenAction")
        action.setCheckable(True)  # off: what the user hid is nowhere in the window
        action.toggled.connect(self._show_hidden_toggled)
        menu.addAction(action)
        self.show_hidden_action = action

    def _show_hidden_toggled(self, _on: bool) -> None:
        w = self.window
        w.model.show_hidden = self.show_hidden
        w.show_user_edits()  # everything laid over again, with or without the hidden
        w.reload_list()

    def _say_writing(self, what: str) -> None:
        """An edit still written past a moment (a long text's mentions dated again from
        a corrected publication date): said until it is, the window usable meanwhile."""
        self._writing_line = self.tr("Saving: %1…").replace("%1", what)
        self.window.statusBar().showMessage(self._writing_line)

    def _written(self) -> None:
        bar = self.window.statusBar()
        if self._writing_line is not None and bar.currentMessage() == self._writing_line:
            bar.clearMessage()
        self._writing_line = None

    def _say_failure(self, what: str, why: str) -> None:
        """One line: the edit was not written and nothing changed."""
        # Isolated: an English reason (a path) keeps its order in an Arabic line.
        reason = "\u2068" + in_interface_language(for_display(" ".join(why.split()))) + "\u2069"
        line = self.tr("Not saved: %1").replace("%1", f"{what}: {reason}")
        self._failure_line = line
        self.window.statusBar().showMessage(line, FAILURE_SHOWN_MS)

    def failure_shown(self) -> str | None:
        """The "Not saved" line, while the status bar still shows it (a line said over
        it keeps it: the news that an edit was not written is not lost)."""
        line = self._failure_line
        if line is None or not self.window.statusBar().currentMessage().startswith(line):
            return None
        return line

    def _read_only(self, what: str) -> bool:
        """Whether the library is read-only, said as the edit's failure is said, before a
        dialog asks for what could not be written (the date typed, then refused)."""
        reason = self.store.read_only
        if reason is None:
            return False
        self._say_failure(what, said("read_only", path=self.store.path, reason=reason))
        return True

    @property
    def store(self) -> Store:
        return self.window.store

    # -- menus ---------------------------------------------------------------------

    def build_menu(self, menu: QMenu) -> None:
        w = self.window
        undo = self.stack.createUndoAction(w, self.tr("Undo"))
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.stack.createRedoAction(w, self.tr("Redo"))
        redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        undo.setObjectName("undoAction")
        redo.setObjectName("redoAction")
        menu.addAction(undo)
        menu.addAction(redo)
        menu.addSeparator()
        # What applies to the chosen article: also its row's context menu in the list.
        # (In a lambda: connected as it is, triggered's False came in as the article.)
        # The two corrections made most often have keys of their own (F2 edits, as it
        # renames elsewhere); without them a keyboard user went through the Edit menu.
        self.article_actions = [
            self._add(
                menu,
                self.tr("Correct publication &date…"),
                lambda: self.correct_published(),
                "F2",
            ),
            self._add(menu, self.tr("Correct &title…"), lambda: self.correct_field("title")),
            self._add(menu, self.tr("Correct &source…"), lambda: self.correct_field("source")),
            self._add(menu, self.tr("&Add event to this article…"), self.add_to_article),
        ]
        self._add(menu, self.tr("Add a standalone &event…"), self.add_standalone)
        menu.addSeparator()
        self.article_actions += [
            self._add(menu, self.tr("&Hide this article"), self.hide_article, "Ctrl+Shift+H"),
            self._add(menu, self.tr("Ta&g this article…"), self.tag_article),
            self._add(menu, self.tr("&Note…"), self.edit_note, "Ctrl+Shift+N"),
        ]
        self.hidden_menu = menu.addMenu(self.tr("&Unhide"))
        self.hidden_menu.setObjectName("hiddenMenu")
        self.hidden_menu.aboutToShow.connect(self._fill_hidden_menu)
        w.detail.events.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        w.detail.events.customContextMenuRequested.connect(self._detail_menu)
        on_menu_key(w.detail.events, self._detail_key_menu)
        w.timeline.event_menu_requested.connect(self._timeline_menu)

    def _add(
        self, menu: QMenu, text: str, slot: Callable[[], object], shortcut: str | None = None
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _fill_hidden_menu(self) -> None:
        from timeline.ui.hidden_items import hidden_name

        self.hidden_menu.clear()
        # The latest hidden, each named: 5,000 hidden articles made a menu of 5,000
        # entries that took a third of a second to open, and no one could use it.  The
        # rest are listed in a window of their own (All hidden items…), and Show all
        # still shows every one.
        latest = user.hidden_items(self.store, HIDDEN_MENU_ITEMS)
        if not latest:
            empty = self.hidden_menu.addAction(self.tr("Nothing is hidden"))
            empty.setEnabled(False)
            return
        for item in latest:
            action = self.hidden_menu.addAction(action_text(hidden_name(item)))
            action.triggered.connect(lambda _=False, t=item.target: self.show_again(t))
        total = user.hidden_count(self.store) if len(latest) == HIDDEN_MENU_ITEMS else len(latest)
        more = self.hidden_menu.addAction("")
        more.setEnabled(False)
        self.hidden_menu.addSeparator()
        listed = self.hidden_menu.addAction(self.tr("&All hidden items…"))
        listed.triggered.connect(self.list_hidden)
        every = self.hidden_menu.addAction(self.tr("Show all"))
        every.triggered.connect(
            lambda: self.show_again(*(t for t, _s in user.hidden_targets(self.store)))
        )
        shown = self._fit_hidden_menu(len(latest), more)
        left = total - shown
        more.setText(counted(self.tr("%n more hidden", "", left), left, self._style()))
        more.setVisible(total > shown)

    def _fit_hidden_menu(self, latest_shown: int, more: QAction) -> int:
        """The latest hidden fewer, the last first, until the menu fits the screen's
        height: a menu taller than the screen is laid out in columns, and in the Arabic
        window the second column (N more hidden, All hidden items…, Show all) was drawn
        past the screen's edge (30 entries on a screen 800 pixels high, under Xvfb).
        How many are left listed."""
        menu = self.hidden_menu
        # As wide as it may be:
        more.setText(counted(self.tr("%n more hidden", "", 100_000), 100_000, self._style()))
        actions = menu.actions()

        def columns() -> int:  # Qt lays a menu taller than its screen out in columns
            return len({menu.actionGeometry(a).x() for a in menu.actions() if a.isVisible()})

        while latest_shown > 1 and columns() > 1:
            latest_shown -= 1
            menu.removeAction(actions[latest_shown])
        return latest_shown

    def list_hidden(self) -> None:
        """Every hidden thing in a dialog of its own, filtered as typed (hidden_items):
        an older hidden event was shown again only with the hidden shown, from its menu
        on the timeline or in the Events tab."""
        from timeline.ui.hidden_items import HiddenItemsDialog, HiddenReader
        from timeline.ui.workers import release_ended, start_in_thread

        def start(reader: HiddenReader, dialog: HiddenItemsDialog) -> QThread:
            def ended() -> None:
                release_ended(thread)
                dialog.reader_ended()

            # Its parent the window, which outlives the dialog (closed while reading).
            thread = start_in_thread(reader, self.window, ended=ended)
            return thread

        dialog = HiddenItemsDialog(
            self.window,
            self.store.path,
            lambda targets: self.show_again(*targets),
            start,
            self._style(),
        )
        self.hidden_dialog = dialog
        dialog.open()

    def _detail_menu(self, pos: QPoint) -> None:
        item = self.window.detail.events.itemAt(pos)
        if item is None or item.data(EventIdRole) is None:
            return
        menu = self._event_menu(int(item.data(EventIdRole)))
        menu.exec(self.window.detail.events.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _detail_key_menu(self) -> None:
        """The menu key's (Shift+F10's): the current row's, at it on the reading side."""
        events = self.window.detail.events
        row = events.visualRect(events.currentIndex())
        item = events.itemAt(row.center())
        if item is None or item.data(EventIdRole) is None:
            return
        menu = self._event_menu(int(item.data(EventIdRole)))
        menu.exec(key_menu_position(menu, events.viewport(), row))
        menu.deleteLater()

    def _timeline_menu(self, event_id: int, global_pos: QPoint) -> None:
        """At the event (the menu key's) or the pointer, on the reading side of it, and
        inside the window."""
        menu = self._event_menu(event_id)
        timeline = self.window.timeline
        at = QRect(timeline.mapFromGlobal(global_pos), QSize(1, 1))
        menu.exec(key_menu_position(menu, timeline, at))
        menu.deleteLater()

    def _event_menu(self, event_id: int) -> QMenu:
        """What can be done to one event: computed (id > 0) or added (id < 0).  A child
        of the window: the caller deletes it once it has run (each one opened stayed)."""
        menu = QMenu(self.window)
        menu.setObjectName("eventEditMenu")
        if event_id > 0:
            found = user.event_by_id(self.store, event_id)
            mention = found is not None and found[0].span_start is not None
            if mention:
                self._add(menu, self.tr("Correct the date…"), lambda: self.correct_event(event_id))
                self._add(menu, self.tr("Not a date"), lambda: self.not_a_date(event_id))
                assert found is not None  # (mention)
                event, uid, _text = found
                # Only over a correction: on a computed date it was offered and did nothing.
                key = (uid, event.span_start, event.span_end)
                if user.get_row(self.store, "user_mentions", key) is not None:
                    self._add(
                        menu,
                        self.tr("Use the computed date"),
                        lambda: self.clear_correction(event_id),
                    )
            else:
                # The clicked event's article: not the one read, which a right click on
                # the timeline leaves as it is (the date went to the article read).
                article_id = found[0].article_id if found is not None else None
                self._add(
                    menu,
                    self.tr("Correct publication &date…"),
                    lambda: self.correct_published(article_id),
                )
        elif (dated := user.publication_article(event_id)) is not None:
            # The publication the user gave an article the rules found no date for: the
            # article's own field, corrected again or taken back, not an event of its own.
            self._add(
                menu, self.tr("Correct publication &date…"), lambda: self.correct_published(dated)
            )
            return menu
        else:
            self._add(menu, self.tr("Remove this event"), lambda: self.remove_added(-event_id))
        # A hidden event (listed with "hidden" in the Events tab, or drawn with the hidden
        # shown) offered "Hide this event" again, which did nothing: it was brought back
        # only from Edit > Unhide, which names the latest hidden alone.
        target = self._target_or_none(event_id)
        if target is not None and user.is_hidden(self.store, target):
            self._add(menu, self.tr("Show this event again"), lambda: self.show_again(target))
        else:
            self._add(menu, self.tr("Hide this event"), lambda: self.hide_event(event_id))
        self._add(menu, self.tr("Tag this event…"), lambda: self.tag_event(event_id))
        return menu

    def _target_or_none(self, event_id: int) -> str | None:
        """The hide's target of an event (its mention, its article for a publication, or
        the added event), or None when it is gone."""
        try:
            return self._event_target(self.store, event_id)
        except edits.EditError:
            return None

    # -- the edits ------------------------------------------------------------------

    def current_article(self) -> int | None:
        current = self.window.list.currentIndex()
        return int(current.data(ArticleIdRole)) if current.isValid() else None

    def _style(self) -> LabelStyle:
        return self.window.timeline.label_style()

    def _ask_date(
        self,
        title: str,
        *,
        with_label: bool = False,
        not_a_date: bool = False,
        typed: str = "",
        publication: bool = False,
    ):
        dialog = DateDialog(
            self.window,
            title,
            self._style(),
            typed=typed,
            with_label=with_label,
            not_a_date=not_a_date,
            publication=publication,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog

    def _shown_event_value(self, event_id: int) -> str | None:
        """The value an event shows now (the user's correction, or the computed one)."""
        found = user.event_by_id(self.store, event_id)
        if found is None:
            return None
        shown = edits.shown_article(self.store, found[0].article_id)
        for event in shown.events if shown is not None else ():
            if event.computed is not None and event.computed.id == event_id:
                return event.date.value if event.date is not None else None
        return None

    def correct_event(self, event_id: int) -> None:
        if self._read_only(self.tr("Correct a date")):
            return
        typed = starting_text(self._shown_event_value(event_id))
        dialog = self._ask_date(self.tr("Correct the date"), not_a_date=True, typed=typed)
        if dialog is None or dialog.typed() == typed:  # as shown: nothing to correct
            return
        typed = dialog.typed()
        self.controller.run(
            self.tr("Correct a date"),
            lambda s: edits.correct_mention(s, edits.mention_of_event(s, event_id), typed),
        )

    def not_a_date(self, event_id: int) -> None:
        self.controller.run(
            self.tr("Not a date"),
            lambda s: edits.correct_mention(s, edits.mention_of_event(s, event_id), None),
        )

    def clear_correction(self, event_id: int) -> None:
        self.controller.run(
            self.tr("Use the computed date"),
            lambda s: edits.clear_mention_correction(s, edits.mention_of_event(s, event_id)),
        )

    def correct_published(self, article_id: int | None = None) -> None:
        """Ask for and write an article's publication date (None: the chosen article's)."""
        if article_id is None:
            article_id = self.current_article()
        if article_id is None or self._read_only(self.tr("Correct publication date")):
            return
        shown = edits.shown_article(self.store, article_id)
        typed = starting_text(shown.published if shown is not None else None)
        dialog = self._ask_date(self.tr("Correct publication date"), typed=typed, publication=True)
        # OK on the date as the dialog opened with it (Tab, Space) wrote the value shown
        # as the user's correction: "corrected" beside a date no one had changed, held
        # against every recompute, and an Undo step that did nothing.
        if dialog is None or dialog.typed() == typed:
            return
        typed = dialog.typed()
        self.controller.run(
            self.tr("Correct publication date"),
            lambda s: edits.correct_article(s, article_id, "published", typed),
        )

    def correct_field(self, name: str) -> None:
        article_id = self.current_article()
        shown = edits.shown_article(self.store, article_id) if article_id else None
        title = self.tr("Correct title") if name == "title" else self.tr("Correct source")
        if article_id is None or shown is None or self._read_only(title):
            return
        current = shown.title if name == "title" else shown.source
        text, ok = self._ask_line(name, current)
        if not ok or text.strip() == current.strip():  # as shown: nothing to correct
            return
        value = text.strip() or None  # empty: back to the computed value
        self.controller.run(title, lambda s: edits.correct_article(s, article_id, name, value))

    def _ask_line(self, name: str, current: str) -> tuple[str, bool]:
        """The title or source to correct, in a dialog wide enough to read a title whole
        (the standard one showed some 25 characters of it); (text, accepted)."""
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(
            self.tr("Correct title") if name == "title" else self.tr("Correct source")
        )
        # Our own words only: a dialog's label takes what looks like markup as markup.
        # The field's name, as every field's label is, not the title again.
        dialog.setLabelText(self.tr("Title:") if name == "title" else self.tr("Source:"))
        dialog.setTextValue(current)
        wide = min(CORRECTION_WIDTH, max(self.window.width() * 2 // 3, 1))
        dialog.resize(max(dialog.sizeHint().width(), wide), dialog.sizeHint().height())
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.textValue(), accepted

    def add_to_article(self) -> None:
        article_id = self.current_article()
        if article_id is not None:
            self._add_event(article_id)

    def add_standalone(self) -> None:
        self._add_event(None)

    def _add_event(self, article_id: int | None) -> None:
        if self._read_only(self.tr("Add an event")):
            return
        dialog = self._ask_date(self.tr("Add an event"), with_label=True)
        if dialog is None:
            return
        typed, label = dialog.typed() or "", dialog.label_edit.text().strip()
        self.controller.run(
            self.tr("Add an event"), lambda s: edits.add_event(s, typed, label, article_id)[1]
        )

    def remove_added(self, added_id: int) -> None:
        self.controller.run(
            self.tr("Remove an event"), lambda s: edits.remove_added_event(s, added_id)
        )

    def hide_article(self) -> None:
        article_id = self.current_article()
        if article_id is not None:
            self.controller.run(
                self.tr("Hide an article"),
                lambda s: edits.set_hidden(s, edits.article_target(s, article_id)),
            )

    def _say_hidden(self, changes: list[user.Change]) -> None:
        """Once an article is hidden (written: a refused hide says why instead), say
        where it went: it leaves the list, the timeline and the counts, and nothing said
        how to bring it back.  Shown again (the hide undone, or unhidden), the line goes,
        if it is still the one said: it stayed its ten seconds beside the article listed
        again.  So it does after any other edit: its "Ctrl+Z undoes" then undid that one
        (a title corrected after a hide, the line still said it)."""
        hidden = self.tr("Article hidden; Unhide, in the Edit menu, shows it again (Ctrl+Z undoes)")
        articles = [
            c
            for c in changes
            if c.table == "user_hidden"
            and user.target_article_uid(c.key[0]) is not None
            and user.mention_span(c.key[0]) is None
        ]
        bar = self.window.statusBar()
        if any(c.before is None and c.after is not None for c in articles):
            bar.showMessage(hidden, 10_000)
        elif bar.currentMessage() == hidden:
            bar.clearMessage()

    def _event_target(self, store: Store, event_id: int) -> str:
        if event_id < 0:
            return edits.added_target(store, -event_id)
        return edits.event_target(store, event_id)

    def hide_event(self, event_id: int) -> None:
        self.controller.run(
            self.tr("Hide an event"),
            lambda s: edits.set_hidden(s, self._event_target(s, event_id)),
        )

    def show_again(self, *targets: str) -> None:
        def act(store: Store) -> list[user.Change]:
            changes: list[user.Change] = []
            for target in targets:
                changes += edits.set_hidden(store, target, False)
            return changes

        self.controller.run(self.tr("Show hidden items"), act)

    def _ask_tag(self) -> str | None:
        """A tag's name from the user (None: cancelled), asked again with the reason
        while edits.set_tag would refuse it: it holds a separator of the exports' tag
        lists, or is longer than a tag's name (pasted text: refused once the dialog had
        closed, it was lost)."""
        names = [name for name, _c, _n in user.tags(self.store)]
        label = self.tr("Tag (a new name makes a new tag):")
        offered = names
        while True:
            dialog = QInputDialog(self.window)
            dialog.setWindowTitle(self.tr("Tag"))
            dialog.setLabelText(label)
            dialog.setComboBoxItems(offered)
            dialog.setComboBoxEditable(True)
            if offered:
                dialog.setTextValue(offered[0])
            # Its label, made by now: our own words, never read as markup.
            for shown in dialog.findChildren(QLabel):
                shown.setTextFormat(Qt.TextFormat.PlainText)
            # Sized by its box's longest item, the dialog ran off the screen for a name
            # pasted too long (offered again to be mended), its reason out of sight.
            for box in dialog.findChildren(QComboBox):
                box.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                box.setMinimumContentsLength(_TAG_BOX_CHARS)
            ok = dialog.exec() == QDialog.DialogCode.Accepted
            tag = dialog.textValue()
            if not (ok and tag.strip()):
                return None
            length = len(" ".join(tag.split()))  # as set_tag counts it
            if length > MAX_TAG_CHARS:
                label = (
                    self.tr("A tag's name has at most %1 characters; this one has %2.")
                    .replace("%1", str(MAX_TAG_CHARS))
                    .replace("%2", str(length))
                )
            elif any(mark in tag for mark in TAG_SEPARATORS):
                label = self.tr("A tag's name cannot hold ; or ؛ (they separate tags in exports).")
            else:
                return tag.strip()
            label += "\n" + self.tr("Tag (a new name makes a new tag):")
            offered = [tag, *names]  # what was typed, shown again to be mended

    def tag_article(self) -> None:
        article_id = self.current_article()
        if article_id is None or self._read_only(self.tr("Tag an article")):
            return
        tag = self._ask_tag()
        if tag:
            self.controller.run(
                self.tr("Tag an article"),
                lambda s: edits.set_tag(s, edits.article_target(s, article_id), tag),
            )

    def tag_event(self, event_id: int) -> None:
        if self._read_only(self.tr("Tag an event")):
            return
        tag = self._ask_tag()
        if tag:
            self.controller.run(
                self.tr("Tag an event"),
                lambda s: edits.set_tag(s, self._event_target(s, event_id), tag),
            )

    def edit_note(self) -> None:
        article_id = self.current_article()
        shown = edits.shown_article(self.store, article_id) if article_id else None
        if article_id is None or shown is None or self._read_only(self.tr("Note")):
            return
        dialog = NoteDialog(self.window, shown.note)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            text = dialog.text()
            self.controller.run(self.tr("Note"), lambda s: edits.set_note(s, article_id, text))
