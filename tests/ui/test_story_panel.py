"""The story section of the detail pane: copies, the earliest marked, the word diff."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from tests.stories.test_store_stories import RECORDS, ids_by_title, write
from tests.ui.waiting import article_shown, open_window
from timeline import library
from timeline.store import Store
from timeline.store import stories as story_store
from timeline.timescale import LabelStyle
from timeline.ui.article_model import ArticleIdRole as ListIdRole
from timeline.ui.main_window import MainWindow
from timeline.ui.story_panel import ArticleIdRole, StoryPanel, StoryView
from timeline.ui.workers import RelatedRow, load_story


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path) -> Iterator[MainWindow]:
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    win = open_window(qtbot, store)
    yield win


def _marked(browser, colour_alpha: int = 140) -> list[str]:
    """The texts whose background is the diff colour in a text browser."""
    doc = browser.document()
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            brush = frag.charFormat().background()
            if brush.style() != 0 and brush.color().alpha() == colour_alpha:
                out.append(frag.text())
            it += 1
        block = block.next()
    return out


def test_selecting_a_copy_lists_its_story_and_marks_the_words_that_differ(
    window: MainWindow, store: Store
) -> None:
    ids = ids_by_title(store)
    agency, copy = ids["افتتاح مهرجان التمور في بريدة"], ids["بريدة تفتتح مهرجان التمور"]
    window.select_article(copy)
    article_shown(window.detail)
    story = window.detail.story
    assert story.copies.count() == 2
    first = story.copies.item(0)
    assert int(first.data(ArticleIdRole)) == agency
    assert first.text().lstrip("\u200e\u200f").startswith(story.tr("first"))
    assert "agency" in first.text()
    assert story.related.count() >= 1  # the festival's closing article
    # Why it is related: the rare words it shares, as the shown article writes them.
    shown = store.article(copy)
    assert shown is not None
    related = load_story(store, copy).related
    assert related and all(row.shared for row in related)
    assert all(word in shown.title + shown.body for row in related for word in row.shared)
    # Folded, الدورة would read الدوره.
    assert any("الدورة" in row.shared for row in related)
    # Each tab counts its rows.
    assert story.tabText(story.indexOf(story.copies_page)) == story.tr("Copies (%n)", "", 2)
    related_tab = story.tabText(story.indexOf(story.related_page))
    assert related_tab == story.tr("Related (%n)", "", story.related.count())
    # Choosing the agency's copy shows its text with the words the copy lacks marked.
    story.setCurrentWidget(story.copies_page)
    story.copies.setCurrentRow(0)
    assert story.diff.isVisible()
    only_in_agency = " ".join(_marked(story.diff))
    assert "منصة" in only_in_agency  # the agency's last sentence, cut by the copy
    assert "العتيبي" not in only_in_agency  # shared words stay unmarked
    # ... and the copy's own additions are marked in the article text.
    assert "واس" in " ".join(_marked(window.detail.browser))


def test_the_copies_and_related_rows_give_the_users_values(store: Store, tmp_path: Path) -> None:
    from timeline import edits

    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    ids = ids_by_title(store)
    agency, copy = ids["افتتاح مهرجان التمور في بريدة"], ids["بريدة تفتتح مهرجان التمور"]
    edits.correct_article(store, agency, "title", "عنوان مصحح")
    edits.correct_article(store, agency, "source", "مصدر مصحح")
    # (A day earlier: its related articles are found around the date shown.)
    edits.correct_article(store, agency, "published", "2015-08-01")
    view = load_story(store, copy)
    (row,) = [r for r in view.copies if r.article_id == agency]
    assert (row.title, row.source, row.published) == ("عنوان مصحح", "مصدر مصحح", "2015-08-01")
    related = [r for r in load_story(store, agency).related]
    assert related and all(r.title != "عنوان مصحح" for r in related)
    for other in related:
        edits.correct_article(store, other.article_id, "source", "مصدر آخر")
        edits.correct_article(store, other.article_id, "published", "2015-08-15")
    shown = load_story(store, agency).related
    assert {(r.source, r.published) for r in shown} == {("مصدر آخر", "2015-08-15")}


def test_an_article_without_copies_says_so(window: MainWindow, store: Store) -> None:
    window.select_article(ids_by_title(store)["ملتقى الزيتون الأول في سكاكا"])
    article_shown(window.detail)
    story = window.detail.story
    assert story.copies.count() == 0
    assert not story.copies.isVisible()
    assert story.copies_label.text() == story.tr("No copies of this story")


def test_the_list_can_show_each_story_once_as_its_earliest_copy(
    window: MainWindow, store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = ids_by_title(store)
    agency, copy = ids["افتتاح مهرجان التمور في بريدة"], ids["بريدة تفتتح مهرجان التمور"]
    model = window.model
    assert model.rowCount() == 4 and model.row_of(copy) is not None
    # Which copy stands for which comes from the events loader's thread: the list
    # never reads the clusters on the GUI thread.
    gui = threading.get_ident()
    read = story_store.read_collapse

    def off_the_gui_thread(store: Store, hidden=()) -> story_store.Collapse:  # type: ignore[no-untyped-def]
        assert threading.get_ident() != gui
        return read(store, hidden)

    monkeypatch.setattr(story_store, "read_collapse", off_the_gui_thread)
    window.select_article(copy)
    window.collapse_action.setChecked(True)
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    # The list keeps its place: the copy that was selected stands behind the agency's.
    assert window.list.currentIndex().data(ListIdRole) == agency
    assert model.row_of(copy) is None and model.row_of(agency) is not None
    # A search that hits only the copy finds the story, shown as its earliest copy.
    model.reload([copy, ids["ملتقى الزيتون الأول في سكاكا"]])
    assert [model.index(r).data(ListIdRole) for r in range(model.rowCount())] == [
        agency,
        ids["ملتقى الزيتون الأول في سكاكا"],
    ]
    window.collapse_action.setChecked(False)
    assert model.rowCount() == 2  # the search's own ids again


def test_the_timeline_draws_a_story_once_over_its_spread_with_its_count(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    ids = ids_by_title(store)
    agency, copy = ids["افتتاح مهرجان التمور في بريدة"], ids["بريدة تفتتح مهرجان التمور"]
    before = window.timeline.arrays()
    assert copy in before.article_ids.tolist()
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.collapse_action.setChecked(True)
    after = window.timeline.arrays()
    assert copy not in after.article_ids.tolist()
    assert len(after) < len(before)
    rows = [
        r
        for r in range(len(after))
        if after.article_ids[r] == agency and after.kinds[r] == 0  # its publication
    ]
    (row,) = rows
    assert after.all_ends()[row] - after.starts[row] == 4.5 * 3600  # first to last copy
    assert not after.points[row]
    labels = window._event_labels([int(after.ids[row])])
    title = labels[int(after.ids[row])].title
    # The count keeps its order after an Arabic title: "2" then a left-to-right mark.
    assert title.endswith(window.tr("%n copies", "", 2).replace("2", "2\u200e"))
    # A search hit in the later copy marks the story drawn once.
    assert window._story_hits([copy]) == [agency]


def test_the_clusters_are_read_by_the_events_loader_not_the_gui_thread(
    window: MainWindow, store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.store import stories as story_store

    on_gui_thread: list[bool] = []
    real = story_store.collapsed_arrays

    def recorded(store: Store, arrays, hidden=(), **kwargs):  # type: ignore[no-untyped-def]
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(store, arrays, hidden, **kwargs)

    monkeypatch.setattr(story_store, "collapsed_arrays", recorded)
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.collapse_action.setChecked(True)
    assert on_gui_thread == [False]
    assert len(window.timeline.arrays()) < len(window._base_arrays or [])
    # The counts take the earliest copies the loader read.
    ids = ids_by_title(store)
    agency, copy = ids["افتتاح مهرجان التمور في بريدة"], ids["بريدة تفتتح مهرجان التمور"]
    assert window._earliest_copies() == {copy: agency}
    assert window.count_label.text().startswith("3 articles")
    # Hidden items shown (the user's values laid over again) read the clusters again,
    # with the hidden copies in them: on the loader's thread too.
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.show_user_edits()
    assert on_gui_thread == [False, False]
    assert window._story_events  # the story drawn once still carries its count


def _panel_showing(qtbot: QtBot, view: StoryView) -> StoryPanel:
    """A story section on its own, showing view (no article)."""
    panel = StoryPanel()
    qtbot.addWidget(panel)
    panel.show_story(None, view)
    return panel


def test_copy_and_related_rows_show_controls_instead_of_obeying_them(qtbot: QtBot) -> None:
    from timeline.store.stories import CopyRow

    hostile = "txt.\u202eexe\x1b[2J"
    view = StoryView(
        article_id=1,
        copies=[CopyRow(1, hostile, hostile, None, None), CopyRow(2, "b", "s", None, None)],
        related=[RelatedRow(3, 2.0, hostile, hostile, None, ("a",))],
    )
    panel = _panel_showing(qtbot, view)
    rows = [panel.copies.item(i).text() for i in range(panel.copies.count())]
    rows.append(panel.related.item(0).text())
    assert all("\u202e" not in r and "\x1b" not in r for r in rows)
    assert "txt." in rows[0] and "exe" in rows[0]
    panel.show_story(None, None)
    assert panel.copies_label.text() == ""  # nothing is said of no article


def test_a_related_row_says_when_and_its_tooltip_why(qtbot: QtBot) -> None:
    markup = '<img src="file:///dev/zero"><b>bold</b>'
    view = StoryView(
        article_id=1,
        related=[
            RelatedRow(
                3, 21.35, "قائد الطائرة يعود", "sabq", "2015-07-21T02:39:21", ("الطائرة", markup)
            ),
            RelatedRow(4, 1.5, "خبر", "", None, ("الراكبة", "المدرج")),
        ],
    )
    panel = _panel_showing(qtbot, view)
    first, second = panel.related.item(0), panel.related.item(1)
    # Source, date and title as a copy's row reads; no bare score.  The date as the
    # article list writes it (it was the stored ISO text), in the settings' style.
    marks = dict.fromkeys(map(ord, "\u200e\u200f\u2066\u2067\u2068\u2069"))
    assert "sabq" in first.text() and "21 July 2015 02:39" in first.text().translate(marks)
    assert "2015-07-21T" not in first.text()
    assert "قائد الطائرة يعود" in first.text() and "21.35" not in first.text()
    assert panel.tr("undated") in second.text()
    # The tooltip names the shared words and the score, and shows markup as text.
    tip = first.toolTip()
    assert "الطائرة" in tip and "21.35" in tip
    assert "<img" not in tip and "&lt;img" in tip and "<b>" not in tip
    assert "الراكبة" in second.toolTip() and "المدرج" in second.toolTip()
    description = first.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "الطائرة" in description and "21.35" in description
    panel.set_label_style(LabelStyle(language="ar", months="gulf", digits="arabic"))
    assert "٢١ يوليو ٢٠١٥ ٠٢:٣٩" in panel.related.item(0).text().translate(marks)


def test_copies_linked_only_through_others_are_said_so_in_the_row_and_the_label(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    from tests.stories.test_store_stories import ROUNDUP

    library.import_paths(store, [write(tmp_path / "r.jsonl", [RECORDS[0], RECORDS[1], ROUNDUP])])
    ids = ids_by_title(store)
    festival, olive = ids[RECORDS[0]["title"]], ids[RECORDS[1]["title"]]
    view = load_story(store, festival)
    assert view.through_others == {olive}
    panel = _panel_showing(qtbot, view)
    assert panel.copies_label.text().endswith(panel.tr("%n only through other copies", "", 1))
    marked = panel.tr("through other copies")
    rows = {
        int(panel.copies.item(i).data(ArticleIdRole)): panel.copies.item(i)
        for i in range(panel.copies.count())
    }
    assert marked in rows[olive].text() and "a roundup" in rows[olive].toolTip()
    assert all(marked not in item.text() for i, item in rows.items() if i != olive)
    # The digest itself shares text with both: nothing is marked from there.
    digest = load_story(store, ids[ROUNDUP["title"]])
    assert digest.through_others == frozenset()
    panel.show_story(None, digest)
    assert panel.tr("only through") not in panel.copies_label.text()


def test_the_story_rows_follow_the_windows_date_settings(window: MainWindow) -> None:
    style = LabelStyle(language="ar", digits="arabic")
    window.detail.set_label_style(style)
    assert window.detail.story.label_style == style


def test_a_small_window_leaves_the_article_room_beside_its_copies(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    """At 800x500 the events, copies and related lists, stacked, took all but three
    lines of the article's text (their least heights decided it): they are tabs now."""
    window.resize(800, 500)
    ids = ids_by_title(store)
    window.select_article(ids["بريدة تفتتح مهرجان التمور"])
    article_shown(window.detail)
    story = window.detail.story
    qtbot.waitUntil(lambda: story.copies.count() == 2)
    qtbot.wait(50)  # laid out again with the copies shown
    line = window.detail.browser.fontMetrics().lineSpacing()
    assert window.detail.browser.viewport().height() >= 8 * line
    # The events' tab is the one shown, counting them; the copies are a click away.
    assert story.currentWidget() is window.detail.events_page
    events = window.detail.event_rows.rowCount()
    assert events and story.tabText(0) == window.detail.tr("Events (%n)", "", events)
    story.setCurrentWidget(story.copies_page)
    assert story.copies.isVisible() and story.copies.height() >= 2 * line
    # The counts in the window's digits.
    window.detail.set_label_style(LabelStyle(language="ar", digits="arabic"))
    qtbot.waitUntil(lambda: "٢" in story.tabText(story.indexOf(story.copies_page)))
    assert "2" not in story.tabText(story.indexOf(story.copies_page))
    qtbot.waitUntil(lambda: str(events) not in story.tabText(0))
    assert not story.copies_label.isVisible()  # the tab says how many


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_small_window_lists_several_copies_under_the_copies_label(
    qtbot: QtBot, store: Store, tmp_path: Path, request: pytest.FixtureRequest, language: str
) -> None:
    """At 800x500 the Copies tab showed one row of its list when its label was shown
    (some copies only through others, some hidden): the tab had the height of the
    events' two rows, the label took one of them.  Two rows now, the article still
    eight lines or more (test_small_window_leaves_the_detail_pane_room_to_read).  And the
    label, which said the tab's count again, made the window wider than 800 px when it
    said both others."""
    from tests.stories.test_store_stories import ROUNDUP

    if language == "ar":
        request.getfixturevalue("arabic")
    records = [RECORDS[0], RECORDS[1], RECORDS[2], ROUNDUP]
    library.import_paths(store, [write(tmp_path / "r.jsonl", records)])
    ids = ids_by_title(store)
    _hide(store, ids[RECORDS[2]["title"]])  # the paper's copy
    window = open_window(qtbot, store)
    window.resize(800, 500)
    window.select_article(ids[RECORDS[0]["title"]])
    article_shown(window.detail)
    story = window.detail.story
    qtbot.waitUntil(lambda: story.copies.count() == 3)
    story.setCurrentWidget(story.copies_page)
    qtbot.wait(50)  # laid out again with the copies shown
    # The olive festival only through the roundup, the paper's copy hidden: both said.
    assert story.copies_label.isVisible()
    assert window.width() == 800
    # (what the tab's title says is not said again: "Copies (3)")
    assert story.copies_label.text().count("  ·  ") == 1
    rows = story.copies.viewport().height() / story.copies.sizeHintForRow(0)
    assert rows >= 2, rows
    line = window.detail.browser.fontMetrics().lineSpacing()
    assert window.detail.browser.viewport().height() >= 8 * line


def test_tab_goes_from_the_article_to_the_tab_bar_then_into_the_tab_shown(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    story = window.detail.story
    window.select_article(ids_by_title(store)["بريدة تفتتح مهرجان التمور"])
    article_shown(window.detail)
    qtbot.waitUntil(lambda: story.copies.count() == 2)
    window.activateWindow()

    def after_article() -> list[object]:
        window.detail.browser.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.detail.browser)
        seen = []
        for _ in range(2):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            seen.append(QApplication.focusWidget())
        return seen

    assert after_article() == [story.tabBar(), window.detail.events]
    story.setCurrentWidget(story.copies_page)
    assert after_article() == [story.tabBar(), story.copies]


def test_each_story_once_lists_a_meeting_joined_only_through_a_roundup(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    from tests.stories.test_store_stories import ROUNDUP

    library.import_paths(store, [write(tmp_path / "r.jsonl", [*RECORDS, ROUNDUP])])
    ids = ids_by_title(store)
    olive, digest = ids["ملتقى الزيتون الأول في سكاكا"], ids[ROUNDUP["title"]]
    window = open_window(qtbot, store)
    window.collapse_action.setChecked(True)
    model = window.model
    qtbot.waitUntil(lambda: model.row_of(digest) is None)
    # The roundup and the paper's copy stand behind the festival's first report; the
    # olive festival's report, which shares no text with it, is listed.
    assert model.row_of(olive) is not None
    assert model.rowCount() == 3  # the festival, the olive festival, the closing


def test_hiding_a_storys_earliest_copy_leaves_the_story_to_the_next(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    ids = ids_by_title(store)
    agency, copy = ids["افتتاح مهرجان التمور في بريدة"], ids["بريدة تفتتح مهرجان التمور"]
    model = window.model
    window.collapse_action.setChecked(True)
    qtbot.waitUntil(lambda: model.rowCount() == 3 and model.row_of(copy) is None)
    window.select_article(agency)
    window.edits.hide_article()
    # The paper's copy stands for the story now; it was hidden behind the hidden one.
    qtbot.waitUntil(lambda: model.row_of(copy) is not None)
    assert model.row_of(agency) is None and model.rowCount() == 3
    qtbot.waitUntil(lambda: copy in window.timeline.arrays().article_ids.tolist())
    assert agency not in window.timeline.arrays().article_ids.tolist()
    window.edits.show_hidden_action.setChecked(True)  # the agency's copy stands for it again
    qtbot.waitUntil(lambda: model.row_of(agency) is not None and model.row_of(copy) is None)


def test_a_story_of_thousands_of_copies_lists_some_and_says_how_many_more(qtbot: QtBot) -> None:
    from timeline.model import Article
    from timeline.store.stories import CopyRow
    from timeline.ui.story_panel import COPY_ROWS

    count = COPY_ROWS + 700
    rows = [CopyRow(i, f"عنوان {i}", "مصدر", "2015-07-21T02:16:00", 0) for i in range(count)]
    last = Article(
        id=count - 1, uid="u", title="عنوان", body="متن", source="مصدر", url="", author="",
        caption="", credit="", lang="ar", published=None, published_raw="", origin="",
        imported_at="",
    )  # fmt: skip
    panel = StoryPanel()
    qtbot.addWidget(panel)
    panel.show_story(last, StoryView(last.id, rows))
    ids = [panel.copies.item(r).data(ArticleIdRole) for r in range(panel.copies.count())]
    # The first rows, the shown article's own however late, and a row saying the rest.
    assert ids[:COPY_ROWS] == list(range(COPY_ROWS))
    assert ids[COPY_ROWS] == last.id and ids[-1] is None and len(ids) == COPY_ROWS + 2
    more = panel.copies.item(panel.copies.count() - 1)
    assert "699" in more.text() and not more.flags() & Qt.ItemFlag.ItemIsSelectable
    assert panel.tabText(panel.indexOf(panel.copies_page)).endswith(f"({count:,})")


def _related_ids(story: StoryPanel) -> set[int]:
    return {int(story.related.item(i).data(ArticleIdRole)) for i in range(story.related.count())}


@pytest.mark.parametrize("query", ["", "مهرجان"])
def test_another_articles_correction_is_shown_in_the_open_articles_story_at_once(
    window: MainWindow, store: Store, qtbot: QtBot, query: str
) -> None:
    """The festival's report was open while the closing report's date and its copy's
    source were corrected (or such a correction undone): its Copies tab kept the copy's
    old source until it was chosen again, and a date read the whole article again (its
    place in a long text lost) to bring the Related tab up to date.  Its copies and
    related articles are read again, not the article."""
    from timeline import edits
    from timeline.store.search import SearchRequest

    ids = ids_by_title(store)
    agency, copy = ids["افتتاح مهرجان التمور في بريدة"], ids["بريدة تفتتح مهرجان التمور"]
    closing = ids["ختام مهرجان التمور في بريدة"]
    if query:  # the list is the search's hits, read again after a date's correction
        with qtbot.waitSignal(window.search_applied, timeout=10_000):
            window.run_search(SearchRequest(query=query))
    window.select_article(agency)
    article_shown(window.detail)
    story = window.detail.story
    assert closing in _related_ids(story)  # 18 days after it: inside the window
    text = window.detail.browser.document()

    def edit(act: Callable[[], object], *, dated: bool = False) -> None:
        """Make an edit and wait until it is written, and a search applied again."""
        searched = query and dated
        with qtbot.waitSignal(window.search_applied, timeout=10_000) if searched else nullcontext():
            act()
            assert window.edits.controller.wait_written()

    def still_shown() -> None:
        """The festival's report in the pane, its text not laid out anew."""
        assert window.list.currentIndex().data(ListIdRole) == agency
        assert window.detail.article is not None and window.detail.article.id == agency
        assert not window.detail.is_loading()
        assert window.detail.browser.document() is text

    # Months later, the closing report is out of the days around the festival's opening.
    edit(
        lambda: window.edits.controller.run(
            "date", lambda s: edits.correct_article(s, closing, "published", "2016-03-01")
        ),
        dated=True,
    )
    qtbot.waitUntil(lambda: closing not in _related_ids(story))
    still_shown()
    # Taken back (Edit > Undo), it is related again.
    edit(window.edits.stack.undo, dated=True)
    qtbot.waitUntil(lambda: closing in _related_ids(story))
    still_shown()
    # A copy's corrected source, in its row of the Copies tab.
    edit(
        lambda: window.edits.controller.run(
            "source", lambda s: edits.correct_article(s, copy, "source", "مصدر مصحح")
        )
    )
    qtbot.waitUntil(lambda: any("مصدر مصحح" in story.copies.item(i).text() for i in range(2)))
    still_shown()


def _hide(store: Store, *articles: int, hidden: bool = True) -> None:
    from timeline import edits

    for article_id in articles:
        edits.set_hidden(store, edits.article_target(store, article_id), hidden)


def test_a_storys_copies_and_related_leave_out_the_hidden_unless_they_are_shown(
    store: Store, tmp_path: Path
) -> None:
    """Hidden articles, out of the list and the timeline, were still offered as related
    and listed (and counted) as copies.  Left out, the hidden copies counted apart;
    with hidden items shown (View > Show hidden items), listed and said to be hidden."""
    from tests.stories.test_store_stories import ROUNDUP

    library.import_paths(store, [write(tmp_path / "r.jsonl", [*RECORDS, ROUNDUP])])
    ids = ids_by_title(store)
    agency, copy = ids["افتتاح مهرجان التمور في بريدة"], ids["بريدة تفتتح مهرجان التمور"]
    closing, digest = ids["ختام مهرجان التمور في بريدة"], ids[ROUNDUP["title"]]
    olive = ids["ملتقى الزيتون الأول في سكاكا"]
    before = load_story(store, agency)
    assert [c.article_id for c in before.copies] == [agency, olive, copy, digest]
    assert closing in {r.article_id for r in before.related}
    _hide(store, copy, closing)
    view = load_story(store, agency)
    assert [c.article_id for c in view.copies] == [agency, olive, digest]
    assert view.hidden_copies == 1 and not view.hidden
    assert closing not in {r.article_id for r in view.related}
    shown = load_story(store, agency, with_hidden=True)
    assert (shown.copies, shown.related) == (before.copies, before.related)
    assert shown.hidden == {copy, closing} and shown.hidden_copies == 0
    # Every other copy hidden: no copies listed, as the timeline counts none.
    _hide(store, digest, olive)
    view = load_story(store, agency)
    assert view.copies == [] and view.hidden_copies == 3 and not view.through_others


def test_hidden_copies_are_said_apart_or_listed_as_hidden(qtbot: QtBot) -> None:
    from timeline.model import Article
    from timeline.store.stories import CopyRow

    copies = [CopyRow(i, f"عنوان {i}", "مصدر", None, None) for i in (1, 2, 3)]
    related = [RelatedRow(4, 2.0, "خبر", "مصدر", None, ("كلمة",))]
    panel = _panel_showing(qtbot, StoryView(1, copies[:2], related, hidden_copies=1))
    left_out = panel.tr("%n hidden, not listed", "", 1)
    # The tab counts the rows it lists; the label says what it left out.
    assert panel.tabText(panel.indexOf(panel.copies_page)) == panel.tr("Copies (%n)", "", 2)
    assert panel.copies.count() == 2 and panel.copies_label.text().endswith(left_out)
    assert not panel.copies_label.isHidden() and panel.copies_label.toolTip()
    assert panel.copies_label.textFormat() == Qt.TextFormat.PlainText
    marked = panel.tr("(hidden)")
    assert all(marked not in panel.copies.item(i).text() for i in range(2))
    # Shown with the hidden items: each row the user hid says so.
    panel.show_story(None, StoryView(1, copies, related, hidden=frozenset({3, 4})))
    rows = [panel.copies.item(i).text() for i in range(3)] + [panel.related.item(0).text()]
    assert [marked in row for row in rows] == [False, False, True, True]
    assert panel.tabText(panel.indexOf(panel.copies_page)) == panel.tr("Copies (%n)", "", 3)
    assert panel.tr("hidden, not listed") not in panel.copies_label.text()
    assert panel.copies_label.isHidden()
    # None listed: the story's copies are all hidden.
    article = Article(
        id=1, uid="u", title="عنوان", body="متن", source="مصدر", url="", author="",
        caption="", credit="", lang="ar", published=None, published_raw="", origin="",
        imported_at="",
    )  # fmt: skip
    panel.show_story(article, StoryView(1, [], hidden_copies=2))
    assert panel.tabText(panel.indexOf(panel.copies_page)) == panel.tr("Copies")
    assert panel.copies.isHidden()
    assert panel.copies_label.text() == (
        panel.tr("No copies of this story") + "  ·  " + panel.tr("%n hidden, not listed", "", 2)
    )


def test_the_story_tabs_counts_are_in_the_windows_digits(qtbot: QtBot) -> None:
    """The tabs' titles and the hidden copies' count were in Arabic-Indic digits, but
    the Copies label's "only through other copies", the compared copy's words in common
    and a related article's score were not."""
    from timeline.model import Article
    from timeline.store.stories import CopyRow

    def article(n: int, body: str, source: str) -> Article:
        return Article(
            id=n, uid=f"u{n}", title="عنوان", body=body, source=source, url="",
            author="", caption="", credit="", lang="ar", published=None, published_raw="",
            origin="", imported_at="",
        )  # fmt: skip

    shown = article(1, "وصلت الطائرة إلى المطار صباح اليوم بعد رحلة طويلة", "قناة")
    other = article(2, shown.body + " وفي الختام", "قناة 9")  # nine words in common
    copies = [CopyRow(i, f"عنوان {i}", "مصدر", None, None) for i in range(1, 15)]
    related = [RelatedRow(40, 21.35, "خبر", "مصدر", None, ("الطائرة",))]
    view = StoryView(1, copies, related, through_others=frozenset(range(3, 15)), hidden_copies=3)
    panel = StoryPanel()
    qtbot.addWidget(panel)
    panel.set_label_style(LabelStyle(language="ar", digits="arabic"))
    panel.show_story(shown, view, {2: other}.get)
    panel.copies.setCurrentRow(1)  # the copy with a sentence more: the diff is shown
    said = {
        "label": panel.copies_label.text(),
        "diff": panel.diff.document().firstBlock().text().split(":", 1)[1],
        # (as said to a screen reader: the tooltip is markup)
        "score": panel.related.item(0).data(Qt.ItemDataRole.AccessibleDescriptionRole),
    }
    western = {name: [c for c in text if "0" <= c <= "9"] for name, text in said.items()}
    assert western == {"label": [], "diff": [], "score": []}
    assert "١٢" in said["label"] and "٣" in said["label"]
    assert "٩ words in common" in said["diff"]  # ("word(s)": the English plural)
    # The source's name as it is written, though it holds the count's digits.
    assert "قناة 9" in panel.diff.document().firstBlock().text()
    assert "٢١٫٣٥" in said["score"]
    # Western digits chosen: as written before.
    panel.set_label_style(LabelStyle(language="ar", digits="western"))
    panel.copies.setCurrentRow(1)
    assert "12" in panel.copies_label.text() and "3" in panel.copies_label.text()
    assert "9 words in common" in panel.diff.document().firstBlock().text()
    assert "21.35" in panel.related.item(0).toolTip()


def _copy_texts(story: StoryPanel) -> list[str]:
    return [story.copies.item(i).text() for i in range(story.copies.count())]


def _copy_ids(story: StoryPanel) -> list[int]:
    rows = (story.copies.item(i).data(ArticleIdRole) for i in range(story.copies.count()))
    return [int(r) for r in rows if r is not None]


@pytest.mark.parametrize("query", ["", "مهرجان"])
def test_another_article_hidden_or_shown_again_is_followed_by_the_open_articles_story(
    window: MainWindow, store: Store, qtbot: QtBot, query: str
) -> None:
    """With the festival's report open, hiding its copy or the closing report left both
    listed in its Copies and Related tabs until it was chosen again.  They follow each
    hide and its undo (and hidden items shown mark them), the article not read again."""
    from timeline import edits
    from timeline.store.search import SearchRequest

    ids = ids_by_title(store)
    agency, copy = ids["افتتاح مهرجان التمور في بريدة"], ids["بريدة تفتتح مهرجان التمور"]
    closing = ids["ختام مهرجان التمور في بريدة"]
    if query:  # the list is the search's hits: one shown again is a hit read again
        with qtbot.waitSignal(window.search_applied, timeout=10_000):
            window.run_search(SearchRequest(query=query))
    window.select_article(agency)
    article_shown(window.detail)
    story = window.detail.story
    assert _copy_ids(story) == [agency, copy] and closing in _related_ids(story)
    text = window.detail.browser.document()

    def hide(article_id: int) -> None:
        window.edits.controller.run(
            "hide", lambda s: edits.set_hidden(s, edits.article_target(s, article_id))
        )
        assert window.edits.controller.wait_written()

    def undo() -> None:
        searched = query and window.model.row_of(agency) is not None
        window.edits.stack.undo()
        assert window.edits.controller.wait_written()
        if searched:  # whether the article shown again is a hit: the search run again
            qtbot.waitUntil(lambda: window._search_thread is None)

    def still_shown() -> None:
        """The festival's report in the pane, its text not laid out anew."""
        assert window.list.currentIndex().data(ListIdRole) == agency
        assert window.detail.article is not None and window.detail.article.id == agency
        assert not window.detail.is_loading()
        assert window.detail.browser.document() is text

    copies_tab = story.indexOf(story.copies_page)
    hide(closing)
    qtbot.waitUntil(lambda: closing not in _related_ids(story))
    still_shown()
    hide(copy)
    qtbot.waitUntil(lambda: _copy_ids(story) == [])
    assert story.tabText(copies_tab) == story.tr("Copies")
    assert story.copies_label.text().endswith(story.tr("%n hidden, not listed", "", 1))
    still_shown()
    undo()  # the copy shown again
    qtbot.waitUntil(lambda: _copy_ids(story) == [agency, copy])
    assert story.tabText(copies_tab) == story.tr("Copies (%n)", "", 2)
    still_shown()
    undo()  # and the closing report
    qtbot.waitUntil(lambda: closing in _related_ids(story))
    still_shown()
    # With hidden items shown, a hidden one stays listed and says so.
    with qtbot.waitSignal(window.search_applied, timeout=10_000) if query else nullcontext():
        window.edits.show_hidden_action.setChecked(True)  # the list read again
    article_shown(window.detail)
    text = window.detail.browser.document()
    hide(copy)
    marked = story.tr("(hidden)")
    qtbot.waitUntil(lambda: [marked in t for t in _copy_texts(story)] == [False, True])
    assert _copy_ids(story) == [agency, copy]
    still_shown()


def test_with_each_story_once_a_copy_hidden_leaves_the_open_article_as_it_is(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    """Each story shown once, hiding the open article's copy read the events again and
    the list with them, which chose the article again: read again whole, its text laid
    out anew.  The list's new rows leave it in the pane; its Copies tab follows."""
    from timeline import edits

    ids = ids_by_title(store)
    agency, copy = ids["افتتاح مهرجان التمور في بريدة"], ids["بريدة تفتتح مهرجان التمور"]
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.collapse_action.setChecked(True)
    window.select_article(agency)
    article_shown(window.detail)
    story = window.detail.story
    assert _copy_ids(story) == [agency, copy]
    text = window.detail.browser.document()
    read: list[int] = []
    window.detail.article_loaded.connect(read.append)
    for hidden, copies in ((True, []), (False, [agency, copy])):
        with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):  # stories read again
            window.edits.controller.run(
                "hide", lambda s, h=hidden: edits.set_hidden(s, edits.article_target(s, copy), h)
            )
            assert window.edits.controller.wait_written()
        qtbot.waitUntil(lambda c=copies: _copy_ids(story) == c)
        assert window.list.currentIndex().data(ListIdRole) == agency
        assert window.detail.browser.document() is text and read == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_copies_and_related_lists_are_named_for_a_screen_reader(
    qtbot: QtBot, store: Store, tmp_path: Path, language: str, request: pytest.FixtureRequest
) -> None:
    """Each list says what it lists, in the interface's language.  Named by their labels
    alone, the copies were nameless when the tab's count said it all, and a list of
    related articles was heard as "No related articles" (its hidden label's text)."""
    if language == "ar":
        request.getfixturevalue("arabic")
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    window = open_window(qtbot, store)
    window.select_article(ids_by_title(store)["بريدة تفتتح مهرجان التمور"])
    article_shown(window.detail)
    story = window.detail.story
    assert story.copies.count() == 2 and story.related.count() >= 1
    names = {}
    for page, listed in ((story.copies_page, story.copies), (story.related_page, story.related)):
        story.setCurrentWidget(page)
        interface = QAccessible.queryAccessibleInterface(listed)
        assert interface is not None
        names[listed.objectName()] = interface.text(QAccessible.Text.Name)
    expected = {
        "en": {"storyCopies": "Copies of this story", "storyRelated": "Related articles"},
        "ar": {"storyCopies": "نسخ هذا الخبر", "storyRelated": "مقالات ذات صلة"},
    }
    assert names == expected[language]


def test_each_story_once_past_the_budget_is_one_copy_that_edits_write_over(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each story once at 3,880,000 articles held the loaded arrays, the stories' arrays
    # and their overlay (1,163 MB against 571 with every copy shown).  Past the room's
    # budget the loader collapses the stories in the loaded buffers and lays the edits
    # over them there; an edit reads its articles' rows from the store and draws them
    # as the stories do: a later copy's not at all, the earliest's over the spread.
    import numpy as np

    from timeline import edits
    from timeline.store import edits as user
    from timeline.store.timeline_data import load_event_arrays

    monkeypatch.setattr("timeline.ui.main_window.ROOM_BUDGET_BYTES", 0)
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    ids = ids_by_title(store)
    agency, copy = ids["افتتاح مهرجان التمور في بريدة"], ids["بريدة تفتتح مهرجان التمور"]
    other = ids["ملتقى الزيتون الأول في سكاكا"]
    window = open_window(qtbot, store)
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.collapse_action.setChecked(True)

    def rows(arrays) -> list[tuple]:
        columns = (*arrays.columns(), arrays.all_ends())
        return sorted(zip(*(c.tolist() for c in columns), strict=True))

    def as_written() -> list[tuple]:
        hidden = user.hidden_article_ids(store)
        stories = story_store.collapsed_arrays(store, load_event_arrays(store), hidden)
        return rows(user.overlay_arrays(store, stories.arrays))

    def shown_as_written() -> None:
        shown = window.timeline.arrays()
        assert rows(shown) == as_written()
        assert shown.range_rows.tolist() == np.flatnonzero(~shown.points).tolist()

    def run(text: str, action) -> None:  # type: ignore[no-untyped-def]
        window.edits.controller.run(text, action)
        assert window.edits.controller.wait_written()

    assert window._one_copy and window._base_arrays is None and window._story_base is None
    shown = window.timeline.arrays()
    assert window._column_room.holds(shown) and shown.ids.dtype == np.int32  # as loaded
    assert copy not in shown.article_ids.tolist()
    (row,) = [r for r in range(len(shown)) if shown.article_ids[r] == agency and not shown.kinds[r]]
    assert shown.all_ends()[row] - shown.starts[row] == 4.5 * 3600  # the story's spread
    title = window._event_labels([int(shown.ids[row])])[int(shown.ids[row])].title
    assert title.endswith(window.tr("%n copies", "", 2).replace("2", "2\u200e"))
    del shown
    shown_as_written()
    # The earliest copy's title corrected: its publication still over the spread.
    run("title", lambda s: edits.correct_article(s, agency, "title", "عنوان مصحح"))
    shown_as_written()
    # A later copy's: none of its rows drawn.
    run("title", lambda s: edits.correct_article(s, copy, "title", "عنوان آخر"))
    assert copy not in window.timeline.arrays().article_ids.tolist()
    shown_as_written()
    # Another article hidden: its rows gone at once, the stories loaded again after.
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        run("hide", lambda s: edits.set_hidden(s, edits.article_target(s, other)))
    assert window._one_copy
    shown_as_written()
    window.edits.stack.undo()
    assert window.edits.controller.wait_written()
    qtbot.waitUntil(
        lambda: window._loader_thread is None and not window._timeline_stale, timeout=10_000
    )
    assert len(window.timeline.arrays())
    shown_as_written()
    # Every copy again: the later copy's rows back, one copy still.
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.collapse_action.setChecked(False)
    assert window._one_copy and window._one_copy_stories is None
    assert copy in window.timeline.arrays().article_ids.tolist()
    run("title", lambda s: edits.correct_article(s, copy, "title", "عنوان ثالث"))
    assert copy in window.timeline.arrays().article_ids.tolist()


def test_the_events_drawn_before_each_story_once_are_let_go(
    window: MainWindow, qtbot: QtBot
) -> None:
    # The search's worker, kept until the next search (its suggestions), held the arrays
    # it had marked the hits on: after each story once was turned on, the events drawn
    # before stayed in memory beside the new ones (300 MB at 3,880,000 articles).
    import gc
    import weakref

    from timeline.store.search import SearchRequest

    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        window.run_search(SearchRequest(query="مهرجان"))
    assert window.timeline._highlight is not None  # the hits marked
    drawn = weakref.ref(window.timeline.arrays())
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.collapse_action.setChecked(True)
    gc.collect()
    assert drawn() is None


def test_past_the_budget_the_events_drawn_are_let_go_while_loaded_again(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window's one copy and the loader's events were both held while each story once
    # was turned on or off (888-907 MB at 3,880,000 articles under a search, 566-578 at
    # start).  The window lets its copy go when the loader has read the events per day,
    # draws their density band where the view is meanwhile, and the events come back to
    # the same view with an edit made meanwhile laid over them.
    import gc
    import threading
    import weakref

    from timeline import edits
    from timeline.store import edits as user
    from timeline.ui import workers

    monkeypatch.setattr("timeline.ui.main_window.ROOM_BUDGET_BYTES", 0)
    library.import_paths(store, [write(tmp_path / "a.jsonl", RECORDS)])
    other = ids_by_title(store)["ملتقى الزيتون الأول في سكاكا"]
    window = open_window(qtbot, store)
    assert window._one_copy
    window.timeline.zoom_by(0.25)
    view = window.timeline.viewport()
    gate = threading.Event()
    read = workers.load_event_arrays

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert gate.wait(10)
        return read(*args, **kwargs)

    monkeypatch.setattr(workers, "load_event_arrays", held)
    drawn = weakref.ref(window.timeline.arrays())
    window.collapse_action.setChecked(True)
    qtbot.waitUntil(lambda: window.timeline._summary is not None, timeout=10_000)
    gc.collect()
    assert drawn() is None and not len(window.timeline.arrays())
    assert window.timeline.viewport() == view
    window.edits.controller.run(
        "hide", lambda s: edits.set_hidden(s, edits.article_target(s, other))
    )
    assert window.edits.controller.wait_written()
    gate.set()
    # The hide loads the stories again once this load has ended (each story once).
    qtbot.waitUntil(
        lambda: (
            window._loader_thread is None
            and not window._timeline_stale
            and len(window.timeline.arrays()) > 0
        ),
        timeout=10_000,
    )
    assert window.timeline.viewport() == view
    shown = window.timeline.arrays()
    assert user.hidden_article_ids(store) == {other} and window._one_copy
    assert other not in shown.article_ids.tolist()


def test_a_search_with_each_story_once_is_marked_by_its_worker(
    window: MainWindow, store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With each story once the search's marks were made on the GUI thread (the worker
    # had not the stories' map): a pass over every event drawn in the search's stall.
    # The worker is given the map the events were loaded with and marks the stories.
    import numpy as np

    from tests.ui.waiting import marks_made_on_the_gui_thread
    from timeline.store.search import SearchRequest

    ids = ids_by_title(store)
    agency, copy = ids["افتتاح مهرجان التمور في بريدة"], ids["بريدة تفتتح مهرجان التمور"]
    with qtbot.waitSignal(window.timeline_loaded, timeout=10_000):
        window.collapse_action.setChecked(True)
    made_on = marks_made_on_the_gui_thread(monkeypatch)
    with qtbot.waitSignal(window.search_applied, timeout=10_000):
        window.run_search(SearchRequest(query="تفتتح"))  # the later copy's title alone
    assert window._search_ids is not None and window._search_ids.tolist() == [copy]
    assert made_on == [False]  # on the worker
    arrays = window.timeline.arrays()
    shown = window.timeline._highlight
    assert shown is not None and shown.any()
    assert shown.tolist() == np.isin(arrays.article_ids, [agency]).tolist()
    assert window._story_hits(window._search_ids).tolist() == [agency]
    assert window._events_shown == int(np.count_nonzero(shown))
