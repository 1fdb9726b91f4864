"""A stored text holding a NUL is read whole where it is shown (SQLite's substr() of a
text stops at its first NUL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline import edits, library
from timeline.export import Selection, export
from timeline.store import Store
from timeline.store import edits as user
from timeline.store.text_head import head_sql, head_text
from timeline.store.timeline_data import event_labels, load_event_arrays

TITLE = "عنوان قبل\x00بعد النهاية"
BODY = "عقد الاجتماع في 5 مارس 2015 قبل\x00بعد في الرياض."


@pytest.fixture
def held(tmp_path: Path) -> Store:
    feed = tmp_path / "in.jsonl"
    record = {"title": TITLE, "body": BODY, "published": "2015-03-06"}
    feed.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    store = Store(tmp_path / "t.db")
    assert library.import_paths(store, [feed]).added == 1
    return store


def test_the_timelines_labels_hold_a_title_and_sentence_past_a_nul(held: Store) -> None:
    """The timeline (the window's and an exported image's) drew "عنوان قبل" alone."""
    ids = [int(i) for i in load_event_arrays(held).ids]
    labels = event_labels(held, ids)
    assert labels and all(text.title == TITLE for text in labels.values())
    assert any("بعد في الرياض" in text.label for text in labels.values())


def test_an_exported_image_draws_the_title_past_a_nul(held: Store, tmp_path: Path) -> None:
    path = tmp_path / "t.svg"
    export(held, "svg", Selection(), path)
    drawn = path.read_text("utf-8")
    assert "\u2400" in drawn and "النهاية" in drawn  # the NUL shown as the window shows it


def test_the_hidden_items_list_names_a_title_and_an_added_event_past_a_nul(held: Store) -> None:
    (article,) = held.articles()
    edits.set_hidden(held, user.article_target(article.uid))
    event_id, _changes = edits.add_event(held, "2015-03-05", "حدث قبل\x00بعد")
    edits.set_hidden(held, f"event:{event_id}")
    named = {item.kind: item for item in user.hidden_items(held)}
    assert named["article"].title == TITLE
    assert named["event"].label == "حدث قبل\x00بعد"


@pytest.mark.parametrize("text", ["a\x00b" * 700, "😀\x00" * 700, "عربي\x00" * 400, "", "x"])
def test_head_reads_at_most_its_characters_and_no_fewer(text: str, tmp_path: Path) -> None:
    with Store(tmp_path / "h.db") as store:
        store.conn.execute("CREATE TEMP TABLE t(x TEXT)")
        store.conn.execute("INSERT INTO t VALUES (?)", (text,))
        (read,) = store.conn.execute(f"SELECT {head_sql('x', 1001)} FROM t").fetchone()
    assert head_text(read, 1001) == text[:1001]
