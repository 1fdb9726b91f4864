"""The detail pane: dates in order with either digit set, values in words, search hits."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.rendering import lay_out, read_layout
from tests.ui.waiting import article_shown, open_window
from timeline.library import import_paths
from timeline.model import Event
from timeline.store import Store
from timeline.timescale import LabelStyle
from timeline.ui.article_delegate import _text_option
from timeline.ui.detail_pane import DetailPane
from timeline.ui.main_window import MainWindow


def _visible(text: str) -> str:
    """Text as read_layout reports it: no spaces, marks or format characters."""
    return "".join(
        ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Mn", "Cf")
    )


@pytest.fixture
def window(qtbot: QtBot, sample_store: Store) -> Iterator[MainWindow]:
    win = open_window(qtbot, sample_store)
    yield win
    QApplication.instance().setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _use(window: MainWindow, style: LabelStyle) -> None:
    window.timeline.set_label_style(style)
    window._sync_date_style()


def _league(store: Store) -> int:
    return next(a.id for a in store.articles() if a.title.startswith("تأسيس جامعة"))


def _block_drawn(window: MainWindow, starts: str) -> tuple[str, str]:
    doc = window.detail.browser.document()
    block = doc.findBlock(doc.toPlainText().find(starts))
    doc.documentLayout().blockBoundingRect(block)
    return read_layout(block.layout(), window.detail.font(), block.text()).visual, block.text()


def test_english_dates_with_arabic_indic_digits_read_left_to_right(
    window: MainWindow, sample_store: Store
) -> None:
    _use(window, LabelStyle(language="en", digits="arabic"))
    window.select_article(_league(sample_store))
    article_shown(window.detail)
    visual, text = _block_drawn(window, "Published:")
    assert "١٩٤٥" in text and "١٠:٠٠" in text
    # Left to right, every word and number in its logical place: year before time.
    assert visual == _visible(text)


def test_arabic_dates_read_right_to_left_with_either_digits(
    window: MainWindow, sample_store: Store
) -> None:
    QApplication.instance().setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    for digits, year, time in (("western", "1945", "10:00"), ("arabic", "١٩٤٥", "١٠:٠٠")):
        _use(window, LabelStyle(language="ar", digits=digits))  # type: ignore[arg-type]
        window.select_article(_league(sample_store))
        article_shown(window.detail)
        visual, _text = _block_drawn(window, "Published:")
        # Read from the right: the day, the month, the year, then the time.
        assert visual.index(time) < visual.index(year), digits


def _event(value: str, kind: str = "duration", **fields: object) -> Event:
    return replace(
        Event(1, kind, None, None, "vague", value, "لسبعة عقود من الزمن"),
        **fields,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["for seven decades", "in the future", "every Friday", "spring 2019"]),
        ("ar", ["لمدة سبعة عقود", "في المستقبل", "كل جمعة", "ربيع 2019"]),
    ],
)
def test_events_list_writes_codes_in_words_with_the_code_in_a_tooltip(
    qtbot: QtBot, sample_store: Store, language: str, words: list[str]
) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.label_style = LabelStyle(language=language)  # type: ignore[arg-type]
    article = sample_store.articles()[0]
    events = [
        _event("P70Y"),
        _event("FUTURE_REF", "vague"),
        _event("XXXX-WXX-5", "set"),
        _event("2019-SP", "mentioned"),
    ]
    pane.show_article(article, events)
    items = [pane.events.item(i) for i in range(pane.events.count())]
    for item, expected, event in zip(items, words, events, strict=True):
        assert expected in item.data()
        assert event.value not in item.data()
        assert event.value in item.data(Qt.ItemDataRole.ToolTipRole)


def test_event_rows_keep_the_year_before_the_time(qtbot: QtBot, sample_store: Store) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.label_style = LabelStyle(language="en", digits="arabic")
    league = _league(sample_store)
    pane.show_article(sample_store.article(league), sample_store.events_of(league))
    text = pane.events.item(0).data()
    drawn = lay_out(text, pane.font(), _text_option(text))
    assert drawn.visual.startswith(_visible(text.split("·")[0]))
    assert drawn.visual.index("١٩٤٥") < drawn.visual.index("١٠:٠٠")


def _search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search_bar.query_edit.setText(text)
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        qtbot.keyClick(window.search_bar.query_edit, Qt.Key.Key_Return)


def test_title_hits_are_marked_in_the_pane(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    _search(qtbot, window, "جامعة")
    window.select_article(_league(sample_store))
    article_shown(window.detail)
    cursor = window.detail.browser.textCursor()
    cursor.setPosition(window.detail.browser.toPlainText().find("جامعة") + 2)
    assert cursor.charFormat().background().color().blue() > 200


def test_pane_scrolls_to_the_first_hit(
    qtbot: QtBot, window: MainWindow, sample_store: Store
) -> None:
    window.resize(800, 500)
    article = max(sample_store.articles(), key=lambda a: len(a.body))
    word = next(w for w in reversed(article.body.split()) if len(w) > 4 and w not in article.title)
    window.select_article(article.id)
    article_shown(window.detail)
    assert window.detail.browser.verticalScrollBar().value() == 0
    _search(qtbot, window, word)
    window.select_article(article.id)
    article_shown(window.detail)
    browser = window.detail.browser
    assert browser.verticalScrollBar().value() > 0
    assert browser.viewport().rect().contains(browser.cursorRect().center())


def test_nothing_found_says_what_was_searched(qtbot: QtBot, window: MainWindow) -> None:
    _search(qtbot, window, "زرقاوزيتوني")
    assert window.model.rowCount() == 0
    placeholder = window.detail.notice()
    assert "No article matches" in placeholder and "زرقاوزيتوني" in placeholder
    assert "Select an article" not in placeholder


@pytest.mark.usefixtures("arabic")
def test_an_empty_librarys_notice_is_shown_whole_in_its_direction(qtbot: QtBot) -> None:
    """Qt's placeholder text showed the notice's first line alone, left-aligned in the
    Arabic window: the lines saying how articles come in were never seen."""
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_empty_library()
    doc = pane.browser.document()
    shown = [doc.findBlockByNumber(i) for i in range(doc.blockCount())]
    assert len(shown) == 2 and "Ctrl+Shift+O" in shown[1].text()
    for block in shown:
        assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert block.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight
    assert pane.notice().startswith("لا مقالات")


def test_a_line_a_pixel_too_wide_brings_no_sideways_scroll_bar(qtbot: QtBot) -> None:
    """Qt lets a wrapped line pass the pane's width by a fraction of a pixel: a long
    article showed a scroll bar that moved its text by one pixel."""
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.resize(420, 300)
    pane.show()
    pane.show_empty_library()
    doc = pane.browser.document()
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    wide = QTextBlockFormat()
    wide.setNonBreakableLines(True)  # a line as wide as Qt's overflowing ones, and more
    cursor.insertBlock(wide)
    cursor.insertText("كلمة " * 60)
    qtbot.waitUntil(lambda: doc.size().width() > pane.browser.viewport().width())
    assert not pane.browser.horizontalScrollBar().isVisible()


def test_what_was_searched_stays_plain_text_in_the_notice(qtbot: QtBot) -> None:
    from timeline.text.display_safe import isolated

    pane = DetailPane()
    qtbot.addWidget(pane)
    # What was searched comes made safe and isolated (MainWindow.describe_search).
    pane.show_nothing_found(isolated("<b>bold</b>\u202eevil"))
    notice = pane.notice()
    assert "<b>bold</b>" in notice and "\u202e" not in notice
    assert pane.browser.document().toHtml().count("<b>") == 0


def test_an_address_under_an_arabic_label_is_laid_out_left_to_right(qtbot: QtBot) -> None:
    """In a line of the Arabic label's direction a long address wrapped into pieces
    laid out right to left, its Arabic slug before its host."""
    from PySide6.QtGui import QTextCursor, QTextDocument

    url = "http://www.example.com/348531/طيران-ناس-تكرم-طاقم-طائرة/"
    pane = DetailPane()
    qtbot.addWidget(pane)

    def blocks(label: str) -> list[tuple[str, Qt.LayoutDirection, bool]]:
        doc = QTextDocument()
        pane._add_link(QTextCursor(doc), label, url)
        out, block = [], doc.begin().next()  # the first block is the cursor's own, empty
        while block.isValid():
            fmt = block.blockFormat()
            right = bool(fmt.alignment() & Qt.AlignmentFlag.AlignRight)
            out.append((block.text(), fmt.layoutDirection(), right))
            block = block.next()
        return out

    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    assert blocks("الرابط: %1") == [("الرابط:", rtl, True), (url, ltr, True)]
    # An English label's line is left to right already: the address stays on it.
    assert blocks("Link: %1") == [(f"Link: \u2068{url}\u2069", ltr, False)]


def test_an_origin_stored_with_dot_dots_is_shown_as_the_file_it_names(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Older versions stored "../corpus/a.jsonl" as "/x/elsewhere/../corpus/a.jsonl":
    the pane names the file by its own path; the stored origin stays as it was."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "elsewhere").mkdir()
    path = tmp_path / "corpus" / "a.txt"
    path.write_text("عنوان تجريبي\n\nنص قصير عن اجتماع عقد في الرياض.\n", encoding="utf-8")
    old = f"{tmp_path}/elsewhere/../corpus/a.txt"
    with Store(tmp_path / "t.db") as store:
        import_paths(store, [path])
        with store.transaction():
            store.db.conn.execute("UPDATE articles SET origin = ?", (old,))
        (article_id,) = store.chronological_ids()
        pane = DetailPane()
        qtbot.addWidget(pane)
        with qtbot.waitSignal(pane.article_loaded, timeout=10_000):
            pane.load_article(store.path, article_id)
        text = pane.browser.document().toPlainText()
        assert f"Imported from: \u2068{path}\u2069" in text
        assert ".." not in text
        assert store.article(article_id).origin == old  # a record of what was read


def test_the_pane_names_the_file_an_article_was_imported_from(
    qtbot: QtBot, sample_store: Store
) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    article = replace(sample_store.articles()[0], origin="/archive/غزة\u202e/feed.jsonl")
    pane.show_article(article, [])
    text = pane.browser.document().toPlainText()
    assert "Imported from: \u2068/archive/غزة\ufffd/feed.jsonl\u2069" in text  # isolated, no RLO
    pane.show_article(replace(article, origin=""), [])
    assert "Imported from" not in pane.browser.document().toPlainText()
