"""Every kind of edit survives recompute, re-import, migration and undo/redo."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from timeline import edits, library
from timeline.store import Store
from timeline.store import edits as user

# Written for these tests: a war over a range, a day, and a false date ("عام" here is a year).
ARTICLES = [
    {
        "title": "حرب قديمة",
        "source": "مصدر أ",
        "body": "اندلعت الحرب بين عامي 1950 و1953 ثم عقدت الهدنة في 5 يونيو 1954 بعد مفاوضات.",
        "published": "2021-05-22",
    },
    {
        "title": "خبر آخر",
        "source": "مصدر ب",
        "body": "اجتمع المجلس في 10 شوال 1442 هـ لبحث الميزانية.",
        "published": "2021-05-23",
    },
]


def write_articles(path: Path) -> Path:
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES), "utf-8")
    return path


@pytest.fixture
def source_file(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "articles.jsonl")


@pytest.fixture
def filled(store: Store, source_file: Path) -> Store:
    report = library.import_paths(store, [source_file])
    assert report.added == 2
    return store


def article_id(store: Store, title: str) -> int:
    (found,) = [a.id for a in store.articles() if a.title == title]
    return found


def mention(store: Store, title: str, text: str) -> edits.MentionRef:
    aid = article_id(store, title)
    body = store.article(aid).body  # type: ignore[union-attr]
    for event in store.events_of(aid):
        if event.span_start is not None and text in body[event.span_start : event.span_end]:
            return edits.mention_of_event(store, event.id)  # type: ignore[arg-type]
    raise AssertionError(f"no mention of {text!r}")


def shown_by_span(store: Store, aid: int) -> dict[str, edits.ShownEvent]:
    shown = edits.shown_article(store, aid)
    assert shown is not None
    body = store.article(aid).body  # type: ignore[union-attr]
    out = {}
    for e in shown.events:
        if e.computed is not None and e.computed.span_start is not None:
            out[body[e.computed.span_start : e.computed.span_end]] = e
    return out


def make_every_edit(store: Store) -> None:
    war = article_id(store, "حرب قديمة")
    other = article_id(store, "خبر آخر")
    edits.correct_mention(store, mention(store, "حرب قديمة", "1954"), "6 يونيو 1954")
    edits.correct_mention(store, mention(store, "خبر آخر", "شوال"), None)
    edits.correct_article(store, war, "title", "الحرب الكورية")
    edits.correct_article(store, war, "source", "أرشيف")
    edits.correct_article(store, other, "published", "24 May 2021")
    edits.add_event(store, "25 حزيران 1950", "بداية الحرب", war)
    edits.add_event(store, "1990/1991", "حرب الخليج")
    edits.set_hidden(store, edits.article_target(store, other))
    edits.set_tag(store, edits.article_target(store, war), "حروب")
    edits.set_tag(store, edits.article_target(store, war), "كوريا", colour="#123456")
    edits.set_note(store, war, "راجع تاريخ الهدنة")


def snapshot(store: Store) -> dict:
    return user.all_rows(store)


def test_every_edit_survives_recompute(filled: Store) -> None:
    make_every_edit(filled)
    before = snapshot(filled)
    war = article_id(filled, "حرب قديمة")
    old_ids = {e.id for e in filled.events_of(war)}
    library.recompute_events(filled)
    assert {e.id for e in filled.events_of(war)} != old_ids  # ids renewed, edits kept
    assert snapshot(filled) == before
    shown = shown_by_span(filled, war)
    truce = next(e for t, e in shown.items() if "1954" in t)
    assert truce.origin == "corrected"
    assert truce.date is not None and truce.date.value == "1954-06-06"
    assert truce.computed is not None and truce.computed.value == "1954-06-05"
    article = edits.shown_article(filled, war)
    assert article is not None
    assert (article.title, article.source) == ("الحرب الكورية", "أرشيف")
    assert article.origins["title"] == "corrected" and article.computed["title"] == "حرب قديمة"
    assert article.note == "راجع تاريخ الهدنة"
    assert set(article.tags) == {"حروب", "كوريا"}
    assert [e.label for e in article.events if e.origin == "added"] == ["بداية الحرب"]
    other = edits.shown_article(filled, article_id(filled, "خبر آخر"))
    assert other is not None and other.hidden
    assert other.published == "2021-05-24"
    assert any(e.origin == "not a date" for e in other.events)


def test_every_edit_survives_reimport_and_delete_reimport(filled: Store, source_file: Path) -> None:
    make_every_edit(filled)
    before = snapshot(filled)
    report = library.import_paths(filled, [source_file])
    assert report.duplicates == 2
    assert snapshot(filled) == before
    # The article removed and imported again gets a new id; its uid names it still.
    war = article_id(filled, "حرب قديمة")
    filled.delete_article(war)
    library.import_paths(filled, [source_file])
    new_war = article_id(filled, "حرب قديمة")
    assert new_war != war
    assert snapshot(filled) == before
    shown = edits.shown_article(filled, new_war)
    assert shown is not None and shown.title == "الحرب الكورية"
    assert user.article_ids_tagged(filled, "حروب") == {new_war}


def test_edits_survive_reopening_and_migration(filled: Store, tmp_path: Path) -> None:
    make_every_edit(filled)
    before = snapshot(filled)
    path = filled.path
    filled.close()
    with Store(path) as again:
        assert snapshot(again) == before


def test_migration_from_v3_keeps_data_and_adds_user_tables(tmp_path: Path) -> None:
    from timeline.store import schema

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    db = __import__("sqlite_utils").Database(conn)
    for migrate in schema.MIGRATIONS[:3]:
        migrate(db)
    conn.execute(
        "INSERT INTO articles (uid, title, body, imported_at) VALUES ('u1', 't', 'b', 'now')"
    )
    conn.execute("PRAGMA user_version=3")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        assert store.count_articles() == 1
        (aid,) = store.article_ids()
        edits.set_note(store, aid, "ملاحظة")
        assert edits.search_notes(store, "ملاحظه") == [(aid, "ملاحظة")]


@pytest.mark.parametrize(
    "do",
    [
        lambda s: edits.correct_mention(s, mention(s, "حرب قديمة", "1954"), "1955"),
        lambda s: edits.correct_mention(s, mention(s, "حرب قديمة", "1954"), None),
        lambda s: edits.correct_article(s, article_id(s, "حرب قديمة"), "published", "1 يناير 2020"),
        lambda s: edits.correct_article(s, article_id(s, "حرب قديمة"), "title", "عنوان"),
        lambda s: edits.add_event(s, "2003", "غزو", article_id(s, "حرب قديمة"))[1],
        lambda s: edits.add_event(s, "2003-03-20", "غزو")[1],
        lambda s: edits.set_hidden(s, edits.article_target(s, article_id(s, "خبر آخر"))),
        lambda s: edits.set_tag(s, edits.article_target(s, article_id(s, "خبر آخر")), "ميزانية"),
        lambda s: edits.set_note(s, article_id(s, "خبر آخر"), "مهم"),
    ],
    ids=["correct", "not-a-date", "published", "title", "add", "standalone", "hide", "tag", "note"],
)
def test_undo_and_redo_every_edit_kind_across_recompute(filled: Store, do) -> None:
    edits.set_tag(filled, edits.article_target(filled, article_id(filled, "حرب قديمة")), "قديم")
    before = snapshot(filled)
    changes = do(filled)
    assert changes
    after = snapshot(filled)
    assert after != before
    library.recompute_events(filled)
    edits.undo(filled, changes)
    assert snapshot(filled) == before
    library.recompute_events(filled)
    edits.redo(filled, changes)
    assert snapshot(filled) == after


def test_removing_a_correction_brings_the_computed_value_back(filled: Store) -> None:
    war = article_id(filled, "حرب قديمة")
    truce = mention(filled, "حرب قديمة", "1954")
    edits.correct_mention(filled, truce, "1960")
    assert (
        next(e for t, e in shown_by_span(filled, war).items() if "1954" in t).origin == "corrected"
    )
    edits.clear_mention_correction(filled, truce)
    shown = next(e for t, e in shown_by_span(filled, war).items() if "1954" in t)
    assert shown.origin == "computed"
    assert shown.date is not None and shown.date.value == "1954-06-05"
    edits.correct_article(filled, war, "published", "1999")
    edits.correct_article(filled, war, "published", None)
    article = edits.shown_article(filled, war)
    assert article is not None
    assert (article.published, article.origins["published"]) == ("2021-05-22", "computed")


def test_a_title_of_spaces_is_no_correction_a_source_of_spaces_none(filled: Store) -> None:
    """The command line stored a title of three spaces: the article showed none."""
    war = article_id(filled, "حرب قديمة")
    edits.correct_article(filled, war, "title", "  الحرب الكورية \n")
    edits.correct_article(filled, war, "source", "أرشيف")
    article = edits.shown_article(filled, war)
    assert article is not None and article.title == "الحرب الكورية"
    edits.correct_article(filled, war, "title", "   ")
    edits.correct_article(filled, war, "source", "\t")
    article = edits.shown_article(filled, war)
    assert article is not None
    assert (article.title, article.origins["title"]) == ("حرب قديمة", "computed")
    assert (article.source, article.origins["source"]) == ("", "corrected")


def test_a_changed_body_keeps_the_correction_and_flags_it(filled: Store) -> None:
    war = article_id(filled, "حرب قديمة")
    truce = mention(filled, "حرب قديمة", "1954")
    edits.correct_mention(filled, truce, "1960")
    body = filled.article(war).body  # type: ignore[union-attr]
    # The text moved: the correction follows its span's text.
    filled.conn.execute("UPDATE articles SET body = ? WHERE id = ?", ("مقدمة. " + body, war))
    (fix,) = user.user_values(filled, [war])[war].mentions
    assert fix.status == "moved" and fix.span_start == truce.span_start + len("مقدمة. ")
    # The text is gone: kept and flagged, applied to nothing.
    gone = body.replace(truce.text, "قبل ذلك")
    filled.conn.execute("UPDATE articles SET body = ? WHERE id = ?", (gone, war))
    library.recompute_events(filled)
    (fix,) = user.user_values(filled, [war])[war].mentions
    assert fix.status == "lost"
    shown = edits.shown_article(filled, war)
    assert shown is not None and [f.span_text for f in shown.lost] == [truce.text]
    assert user.get_row(filled, "user_mentions", (truce.uid, truce.span_start, truce.span_end))


def test_shown_events_made_when_asked_for_are_those_of_the_list(filled: Store) -> None:
    make_every_edit(filled)
    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    edits.add_event(filled, "1 يناير 1951", "الهدنة الأولى", war)
    for aid in (war, other):
        listed = edits.shown_article(filled, aid)
        lazy = edits.shown_article(filled, aid, filled.event_rows_of(aid), lazily=True)
        assert listed is not None and lazy is not None
        assert isinstance(listed.events, list) and not isinstance(lazy.events, list)
        assert len(lazy.events) == len(listed.events) > 1
        assert list(lazy.events) == listed.events
        assert lazy.events[-1] == listed.events[-1] and lazy.events[1:] == listed.events[1:]
        assert (lazy.title, lazy.published, lazy.lost) == (
            listed.title,
            listed.published,
            listed.lost,
        )
    assert {"corrected", "added"} <= {e.origin for e in edits.shown_article(filled, war).events}  # type: ignore[union-attr]


def test_user_values_for_export(filled: Store) -> None:
    make_every_edit(filled)
    war = article_id(filled, "حرب قديمة")
    other = article_id(filled, "خبر آخر")
    values = user.user_values(filled, [war, other])
    assert values[war].fields == {"title": "الحرب الكورية", "source": "أرشيف"}
    assert values[war].note == "راجع تاريخ الهدنة"
    assert values[war].stamps["title"].who == edits.who()
    assert values[other].hidden and values[other].published is not None
    assert [a.label for a in values[war].added] == ["بداية الحرب"]
    assert [e.label for e in user.standalone_events(filled)] == ["حرب الخليج"]
    assert user.hidden_article_ids(filled) == {other}


def test_tags_hide_and_untag_mentions_and_added_events(filled: Store) -> None:
    war = article_id(filled, "حرب قديمة")
    m = mention(filled, "حرب قديمة", "1950")
    target = user.mention_target(m.uid, m.span_start, m.span_end)
    edits.set_tag(filled, target, "حروب")
    edits.set_hidden(filled, target)
    event_id, _ = edits.add_event(filled, "1953-07-27", "الهدنة", war)
    edits.set_tag(filled, edits.added_target(filled, event_id), "حروب")
    assert user.article_ids_tagged(filled, "حروب") == {war}
    values = user.user_values(filled, [war])[war]
    assert values.mention_tags == {(m.span_start, m.span_end): ["حروب"]}
    assert values.hidden_mentions == {(m.span_start, m.span_end)}
    assert [(n, k) for n, _c, k in user.tags(filled)] == [("حروب", 2)]
    edits.remove_added_event(filled, event_id)
    assert [(n, k) for n, _c, k in user.tags(filled)] == [("حروب", 1)]
    assert edits.set_tag(filled, target, "حروب", on=False)
    assert user.article_ids_tagged(filled, "حروب") == set()
