"""Article text never reaches Qt as rich text, and its controls are shown, not obeyed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from tests.ui.waiting import article_shown, open_window
from timeline.ingest import article_uid
from timeline.library import mention_events, publication_date
from timeline.model import Article, ArticleDraft, Event
from timeline.store import Store
from timeline.text.display_safe import for_display
from timeline.ui.article_model import ArticleIdRole, DirectionRole, PublishedRole, SourceRole
from timeline.ui.detail_pane import BODY_BLOCK_CHARS, BODY_FIRST_CHARS, DetailPane
from timeline.ui.main_window import MainWindow

# Markup Qt would interpret, and an override that would reorder what follows it.
IMG = '<img src="file:///dev/zero">'
PAYLOADS = [IMG, "<b>bold</b>", '<a href="http://example.com/">link</a>', "<table><tr><td>c"]
RLO = "\u202e"


def payload(name: str) -> str:
    return f"{name} " + " ".join(PAYLOADS) + f" {RLO}tail"


def draft() -> ArticleDraft:
    body = (
        f"{payload('body')}\n"
        f"وقعت الحرب في عام 1950 {IMG} <b>bold</b>\n"
        "انعقدت القمة في 10 أكتوبر 2015 <table><tr><td>c"
    )
    return ArticleDraft(
        title=payload("title"),
        body=body,
        source=payload("source"),
        url="http://example.com/<b>x</b>",
        author=payload("author"),
        caption=payload("caption"),
        credit=payload("credit"),
        published_raw="2015-07-31 04:33:02",
    )


@pytest.fixture
def markup_store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "markup.db")
    d = draft()
    published = publication_date(d)
    with store.transaction():
        article_id, _ = store.add_article(d, article_uid(d), published)
        store.replace_mentions(article_id, mention_events(article_id, d.body, published))
    return store


@pytest.fixture
def window(qtbot: QtBot, markup_store: Store) -> MainWindow:
    win = open_window(qtbot, markup_store)
    return win


def shown(text: str) -> str:
    """What Qt displays for a string it would auto-detect: rich text rendered to plain."""
    if not QtGuiNamespace.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def assert_verbatim(displayed: str) -> None:
    """Every payload is displayed as the characters it is made of, none interpreted."""
    for markup in PAYLOADS:
        assert markup in displayed
    assert RLO not in displayed and "\ufffdtail" in displayed


def test_every_model_role_is_plain_or_escaped(window: MainWindow) -> None:
    index = window.model.index(0)
    assert_verbatim(index.data(Qt.ItemDataRole.DisplayRole))
    assert_verbatim(shown(index.data(Qt.ItemDataRole.ToolTipRole)))
    assert_verbatim(index.data(SourceRole))
    assert_verbatim(index.data(Qt.ItemDataRole.AccessibleTextRole))
    assert index.data(PublishedRole) is not None and index.data(DirectionRole) == "ltr"
    assert isinstance(index.data(ArticleIdRole), int)


def test_detail_pane_shows_every_field_verbatim(qtbot: QtBot, window: MainWindow) -> None:
    window.select_article(window.model.index(0).data(ArticleIdRole))
    article_shown(window.detail)
    qtbot.waitUntil(window.detail.body_complete)
    doc = window.detail.browser.document()
    text = doc.toPlainText()
    for field in ("title", "source", "author", "caption", "body", "credit"):
        line = next(b for b in text.split("\n") if f"{field} <img" in b)
        assert_verbatim(line)
    assert "http://example.com/<b>x</b>" in text
    # Nothing became an image, a link or a table.
    html = doc.toHtml()
    assert "<img" not in html and "<a " not in html and "<table" not in html


def test_event_list_and_its_tooltips_are_verbatim(window: MainWindow) -> None:
    window.select_article(window.model.index(0).data(ArticleIdRole))
    article_shown(window.detail)
    events = window.detail.events
    labels = [events.item(i) for i in range(events.count())]
    with_markup = [item for item in labels if "<" in item.data()]
    assert with_markup, "a mention's label holds the markup around it"
    for item in with_markup:
        assert IMG in item.data() or "<table>" in item.data()
        # The tooltip holds the value's code and the label (and who changed it), each
        # line plain text: the label's markup is shown as written, in the row too.
        lines = shown(item.data(Qt.ItemDataRole.ToolTipRole)).split("\n")
        with_label = [line for line in lines if IMG in line or "<table>" in line]
        assert with_label and all(line in item.data() for line in with_label)


def test_timeline_tooltips_are_verbatim(window: MainWindow) -> None:
    rows = range(len(window.timeline.arrays()))
    tips = [shown(window.timeline.tooltip_html(row)) for row in rows]
    assert any("title <img" in tip for tip in tips)
    for tip in tips:
        if "title <img" in tip:
            assert_verbatim(tip)
        for markup in ("bold", "link"):
            # The text of a tag never appears without the tag around it.
            assert re.search(rf"(?<!>){markup}(?!<)", tip) is None or f">{markup}<" in tip


def test_dialogs_and_labels_are_plain_text(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # A file whose name is markup, which cannot be read: its name reaches the progress
    # dialog and the message saying what failed.
    bad = tmp_path / "<b>bold<b>.json"
    bad.write_text("[" * 100_000, encoding="utf-8")
    with qtbot.waitSignal(window.store_changed, timeout=30_000):
        window.import_paths([bad])
    progress = window.findChild(QProgressDialog)
    assert progress is not None
    for label in progress.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes, "the failure is reported"
    for box in boxes:
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert "<b>bold<b>.json" in box.text() + box.detailedText()
        box.close()
    assert window.search_bar.count_label.textFormat() == Qt.TextFormat.PlainText
    assert window.search_bar.message_label.textFormat() == Qt.TextFormat.PlainText


def test_the_legend_of_sources_is_verbatim(qtbot: QtBot, window: MainWindow) -> None:
    # A legend entry's tooltip is its text unless set, and a tool button's tooltip is
    # rendered as rich text: a source named <img src="file:///dev/zero"> would load it
    # on hover.  A menu entry takes & as a shortcut's mark and obeys an override.
    from timeline import edits

    legend = window.edits.legend
    legend.set_mode("source")
    qtbot.waitUntil(lambda: not legend.is_reading() and bool(legend.toolbar.actions()))
    (entry,) = legend.toolbar.actions()
    assert_verbatim(shown(entry.toolTip()))
    assert RLO not in entry.text() and "\ufffdtail" in entry.text()
    # The source has no &: one written into a name shows as itself, not a shortcut.
    source = draft().source + " R&D"
    article_id = window.model.index(0).data(ArticleIdRole)
    window.edits.controller.run(
        "source", lambda s: edits.correct_article(s, article_id, "source", source)
    )
    qtbot.waitUntil(lambda: any("R&&D" in a.text() for a in legend.toolbar.actions()))
    (entry,) = legend.toolbar.actions()
    assert "R&D" in shown(entry.toolTip())


def test_a_menu_entry_of_untrusted_text_shows_it_as_written() -> None:
    # The hidden items' menu lists titles: & is not a shortcut's mark, controls and
    # overrides are visible rather than obeyed.
    from timeline.ui.plain_text import action_text

    assert action_text(f"R&D {RLO}txt.exe\x1b[2J") == "\u2068R&&D \ufffdtxt.exe\u241b[2J\u2069"
    # A menu entry is a line: a huge title is cut (a menu with one of a million
    # characters took 0.17 s to be measured each time).
    assert action_text("ع" * 1_000_000) == "\u2068" + "ع" * 200 + "\u2026\u2069"
    # Laid out in its own direction: "@source" in a right-to-left toolbar read "source@".
    assert action_text("@source") == "\u2068@source\u2069"


def test_controls_in_a_title_do_not_reach_the_list_or_the_timeline(window: MainWindow) -> None:
    title = draft().title
    assert window.model.index(0).data() == for_display(title) != title
    labels = window._event_labels([int(i) for i in window.timeline.arrays().ids])
    assert labels and all(RLO not in "".join(texts) for texts in labels.values())


# Calls that hand Qt a string it may read as rich text, and what may be passed to them.
_RICH_SINKS = re.compile(
    r"(setToolTip|setStatusTip|setWhatsThis|QToolTip\.showText|setLabelText|setText"
    r"|QMessageBox\.(?:critical|warning|information|question|about)|ToolTipRole)\b"
)
_ESCAPING = ("plain_tooltip(", "plain_html(", "html.escape(", "tooltip_html(")
# Checked one by one; each is plain by construction or covered by a test above.
_REVIEWED = {
    # A plain-text label (the helper sets Qt.TextFormat.PlainText first).
    ("plain_text.py", "label.setText(for_display(text))"),
    # Go to date's reading of what is typed: a plain-text label by construction
    # (test_go_to_date_says_how_it_reads_what_is_typed).
    ("go_to_date.py", "self.understood.setText(shown)"),
    # The tag dialog's own words (a reason with numbers), its label set to plain text
    # first (test_the_tag_dialog_label_is_plain_text).
    ("edit_dialogs.py", "dialog.setLabelText(label)"),
    # The message box's text made safe (for_display), each value isolated after it.
    ("plain_text.py", "box.setText(shown)"),
    # The web addresses' dialog: our own words, its label set to plain text
    # (test_the_web_addresses_dialog_fits_its_screen_with_large_text).
    ("main_window.py", "dialog.setLabelText(label)"),
    # Rich text we write ourselves, every inserted string html.escape()d.
    ("about.py", "box.setText(about_text())"),
    # A message box's own text set again, to be sized again (ScreenFitBox): made safe by
    # whoever set it first, its format unchanged.
    ("plain_text.py", "self.setText(self.text())"),
    # Our own translated note with a number in it.
    ("timeline_view.py", 'QToolTip.showText(event.globalPos(), note.replace("%1"'),
    # The count label is set to plain text (test_dialogs_and_labels_are_plain_text).
    ("search_bar.py", "self.count_label.setText(text)"),
    # The story's copies: our own translated words and counts, in a plain_label
    # (test_hidden_copies_are_said_apart_or_listed_as_hidden).
    ("story_panel.py", "self.copies_label.setText(label)"),
    # The search's message label is plain text too (same test).
    ("search_bar.py", "self.message_label.setText(message)"),
    ("main_window.py", 'self.count_label.setText(" · ".join(parts))'),
    # A menu entry's own text and its shortcut: QAction text is never rich text.
    ("main_window.py", 'action.setText(f"{action.text()}\\t{_LRI}{native}{_PDI}")'),
    # The density band's count, dates and, coloured, its biggest tags or sources: built
    # by _paragraphs, which html.escape()s every line (the names also through
    # for_display; test_a_coloured_bars_tooltip_names_its_biggest_codes_verbatim).
    ("timeline_view.py", "QToolTip.showText(event.globalPos(), bucket, self)"),
    ("search_bar.py", 'self.count_label.setText("" if n is None else self.tr('),
    ("search_bar.py", 'self.count_label.setToolTip("")'),
    # The label text of the progress dialog, whose label is a plain_label.
    ("main_window.py", 'self._progress.setLabelText(self.tr("Importing %1")'),
    ("main_window.py", 'self._progress.setLabelText(self.tr("Importing %1: %2 articles read")'),
    # The same, with a PDF's page count (test_the_pages_of_a_long_pdf_move_the_bar...).
    ("main_window.py", 'self._progress.setLabelText(text.replace("%2"'),
    # The export's status: a plain_label, the file's name through for_display
    # (test_a_text_export_shows_its_progress_and_can_be_cancelled).
    ("export_dialog.py", 'self.label.setText(self.tr("Exporting %1'),
    # The export dialog's note: two of its own tr() sentences, a PlainText label
    # (test_the_export_dialog_says_a_file_holds_every_copy_of_a_story_shown_once).
    ("export_dialog.py", 'self.note.setText(f"{self._shows} {self._every_copy}"'),
    # A spelling the library holds put in the search field, a QLineEdit: plain text
    # whatever it holds (test_a_spelling_offered_is_chosen_by_a_click_or_the_keys).
    ("search_bar.py", "self.query_edit.setText(written if replaced is None else replaced)"),
    # The hidden items' count and why they could not be read: a plain_label (its
    # text our own translated words and numbers, or a failure through for_display).
    ("hidden_items.py", "self.count_label.setText(for_display(message))"),
    ("hidden_items.py", "self.count_label.setText(counted(of, shown, self._style)"),
}


def _call_text(source: str, start: int) -> str:
    """The sink and its arguments up to the closing parenthesis, on one line."""
    depth, i = 0, start
    while i < len(source):
        ch = source[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                break
        elif ch == "\n" and depth == 0:
            break
        i += 1
    text = " ".join(source[start : i + 1].split())
    return text.replace("( ", "(").replace(" )", ")").replace(", )", ")")


def test_every_rich_text_sink_in_the_ui_goes_through_a_plain_text_helper() -> None:
    ui = Path(__file__).resolve().parents[2] / "timeline" / "ui"
    offenders = []
    for path in sorted(ui.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for match in _RICH_SINKS.finditer(source):
            line_start = source.rfind("\n", 0, match.start()) + 1
            statement = _call_text(source, line_start).strip()
            if statement.startswith(("#", '"', "from ", "import ")) or "def " in statement:
                continue
            if (
                match.group(1) == "ToolTipRole"
                and "plain_tooltip(" not in source[match.start() : match.start() + 200]
            ):
                offenders.append(f"{path.name}: {statement}")
                continue
            if match.group(1) == "ToolTipRole":
                continue
            args = statement[statement.index(match.group(1)) + len(match.group(1)) :]
            if any(safe in args for safe in _ESCAPING):
                continue
            if "self.tr(" in args and ".replace(" not in args:
                continue  # our own translated text, nothing inserted into it
            if any(path.name == f and statement.startswith(s) for f, s in _REVIEWED):
                continue
            offenders.append(f"{path.name}: {statement}")
    assert offenders == [], "\n".join(offenders)


# Menu entries and tool buttons made from a text: QAction(text, ...), menu.addAction(text).
_ACTION_TEXTS = re.compile(
    r"(?:QAction\((?:_swatch\((?:[^()]|\([^()]*\))*\), )?|\.addAction\()(?P<arg>[^,)]*)"
)
# What such a text may be: our own words, or untrusted text through action_text.
_OWN_TEXT = re.compile(r'^(?:self\.tr\(|tr\(|"|action_text\()')
# Variables holding our own words, checked one by one.
_OWN_TEXT_VARIABLES = {
    ("colour_legend.py", "texts[mode]"),  # the modes' translated names
    ("edit_dialogs.py", "text"),  # _add(menu, self.tr(...), ...)
    ("main_window.py", "text"),  # _action(...) and the settings' radio options
    ("menu_keys.py", "window"),  # QAction(window): a key's action, with no text at all
    ("timeline_view.py", "label"),  # the overflow menu: & and tabs escaped by hand
    ("timeline_view.py", 'more.replace("%1"'),  # a count in our own words
}


def test_every_menu_entry_and_tool_button_text_is_our_own_or_made_plain() -> None:
    # A legend entry took a source's name as it was: & a shortcut's mark, an override
    # obeyed, and the tooltip Qt takes from the text rendered as rich text.
    ui = Path(__file__).resolve().parents[2] / "timeline" / "ui"
    offenders = []
    for path in sorted(ui.glob("*.py")):
        for match in _ACTION_TEXTS.finditer(path.read_text(encoding="utf-8")):
            arg = match.group("arg").strip()
            if not arg or arg in {"action", "sample", "note", "undo", "redo", "hijri"}:
                continue  # an action made elsewhere in the file, added to a menu
            if arg.startswith(("import_", "quit_", "find", "focus_", "about", "self.")):
                continue  # actions made with self.tr above (see _action)
            if _OWN_TEXT.match(arg) or (path.name, arg) in _OWN_TEXT_VARIABLES:
                continue
            offenders.append(f"{path.name}: {arg}")
    assert offenders == [], offenders


# -- long bodies ------------------------------------------------------------------

_WORDS = ["القمة", "العربية", "في", "بغداد", "وزير", "الخارجية", "يلتقي", "نظيره", "عام", "1950"]


def _article(body: str, title: str = "مقال طويل", credit: str = "وكالات") -> Article:
    return Article(
        id=1, uid="u", title=title, body=body, source="", url="", author="", caption="",
        credit=credit, lang="ar", published=None, published_raw="", origin="", imported_at="",
    )  # fmt: skip


def _long_body() -> str:
    words = [_WORDS[i % len(_WORDS)] for i in range(40_000)]
    paragraphs = [" ".join(words[i : i + 40]) for i in range(0, 20_000, 40)]
    one_line = " ".join(words[20_000:])  # about 100,000 characters on one line
    return "\n".join([*paragraphs[:200], one_line, *paragraphs[200:]])


def _mention(body: str, start: int, end: int, event_id: int) -> Event:
    return Event(
        article_id=1, kind="mentioned", start=0, end=None, granularity="year", value="1950",
        label=body[start:end], span_start=start, span_end=end, confidence=1.0, id=event_id,
    )  # fmt: skip


def test_a_long_body_is_laid_out_a_step_at_a_time(qtbot: QtBot) -> None:
    body = _long_body()
    spans = [(m.start(), m.end()) for m in re.finditer("1950", body)]
    events = [_mention(body, s, e, i) for i, (s, e) in enumerate(spans)]
    # One mention that crosses the place where the long line is cut into blocks.
    events.append(_mention(body, 5_000 + len(body) // 2 - 10, len(body) // 2 + 5_010, -1))
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_article(_article(body), events)
    doc = pane.browser.document()
    header = pane.body_position(0)
    assert doc.characterCount() - header <= BODY_FIRST_CHARS + BODY_BLOCK_CHARS + 1
    # Every event is listed at once; a row is written when the list first shows it.
    assert pane.events.count() == len(events)
    assert pane.event_rows.rows_written() < len(events)
    qtbot.waitUntil(pane.body_complete, timeout=60_000)
    text = doc.toPlainText()
    block = doc.findBlock(header)
    longest = 0
    while block.isValid():
        longest = max(longest, block.length())
        block = block.next()
    assert longest <= BODY_BLOCK_CHARS + 1 and doc.blockCount() > body.count("\n") + 2
    for event in events:
        start, end = event.span_start, event.span_end
        assert start is not None and end is not None
        lo, hi = pane.body_position(start), pane.body_position(end)
        assert text[lo:hi].replace("\u2029", "\n").replace("\n", "") == body[start:end].replace(
            "\n", ""
        )
        cursor = QTextCursor(doc)
        cursor.setPosition(lo + 1)
        assert cursor.charFormat().background().color().alpha() > 0, "the mention is marked"
    assert text.endswith("وكالات")
    # Every character of the body is shown, in order, once.
    shown_body = text[header : len(text) - len("\nوكالات")]
    assert shown_body.replace("\n", "") == body.replace("\n", "")


def test_choosing_another_article_stops_adding_the_long_one(qtbot: QtBot) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_article(_article(_long_body()), [])
    pane.show_article(_article("نص قصير", title="قصير", credit=""), [])
    assert pane.body_complete()
    qtbot.wait(50)
    assert pane.browser.document().toPlainText().endswith("نص قصير")
    assert "بغداد" not in pane.browser.document().toPlainText()
