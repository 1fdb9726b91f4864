"""Arabic reaches Qt in logical order and is drawn in display order, joined."""

from __future__ import annotations

import arabic_reshaper
import pytest
from bidi import get_display
from PySide6.QtGui import QGuiApplication

from tests.ui.rendering import display_order, lay_out, rendered_correctly
from timeline.store import Store
from timeline.ui.article_delegate import _text_option
from timeline.ui.article_model import ArticleIdRole, ArticleListModel

TITLES = [
    "كوريا الجنوبية وأمريكا يتفقان على تحالف قوي في محادثات القمة بينهما",
    "تم نشره السبت 22nd أيّار / مايو 2021 01:32 صباحاً",
    "افتتاح معرض إكسبو 2020 في دبي بعد تأجيله عاماً",
]


@pytest.mark.parametrize("title", TITLES)
def test_logical_text_is_drawn_in_display_order_and_joined(title: str) -> None:
    font = QGuiApplication.font()
    drawn = lay_out(title, font, _text_option(title))
    assert drawn.visual == display_order(title)
    assert drawn.unjoined == []


@pytest.mark.parametrize("title", TITLES)
def test_check_catches_text_handed_to_qt_pre_reversed(title: str) -> None:
    """The bug this guards against: get_display(reshape(t)) given to a widget."""
    broken = get_display(arabic_reshaper.reshape(title))
    font = QGuiApplication.font()
    assert rendered_correctly(title, title, font, _text_option(title))
    assert not rendered_correctly(broken, title, font, _text_option(broken))


def test_article_list_rows_render_correctly(sample_store: Store) -> None:
    model = ArticleListModel(sample_store)
    font = QGuiApplication.font()
    assert model.rowCount() >= 12
    for row in range(model.rowCount()):
        index = model.index(row)
        shown = index.data()
        stored = sample_store.article(index.data(ArticleIdRole)).title
        assert rendered_correctly(shown, stored, font, _text_option(shown)), stored


def test_check_catches_letters_drawn_unjoined() -> None:
    word = "ببب"
    isolated = "\ufe8f\ufe8f\ufe8f"  # three isolated-form behs: right order, never joined
    font = QGuiApplication.font()
    assert lay_out(word, font).unjoined == []
    assert lay_out(isolated, font).unjoined == [1, 2]
    assert not rendered_correctly(isolated, word, font)
