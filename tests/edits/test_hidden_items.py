"""The hidden things named for the window (store.edits.hidden_items): the latest first,
as many as asked, each by what the window shows it as."""

from __future__ import annotations

from tests.edits.test_survival import article_id, filled, mention, source_file  # noqa: F401
from timeline import edits
from timeline.store import Store
from timeline.store import edits as user


def test_hidden_items_are_named_the_latest_first(filled: Store) -> None:  # noqa: F811
    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    truce = mention(filled, "حرب قديمة", "5 يونيو 1954")
    added, _changes = edits.add_event(filled, "1990", "حدث أضفته", war)
    edits.correct_article(filled, other, "title", "عنوان  مصحح")
    targets = [
        edits.article_target(filled, other),
        user.mention_target(truce.uid, truce.span_start, truce.span_end),
        edits.added_target(filled, added),
        "event:abc",  # written by another program: names nothing
    ]
    for n, target in enumerate(targets):
        filled.conn.execute(
            "INSERT INTO user_hidden (target, who, at) VALUES (?, 'me', ?)",
            (target, f"2026-01-01T00:00:0{n}"),
        )
    items = user.hidden_items(filled)
    assert [i.target for i in items] == targets[::-1]
    junk, event, words, article = items
    assert (junk.kind, junk.title, junk.label) == ("", None, None)
    assert (event.kind, event.label) == ("event", "حدث أضفته")
    assert words.kind == "mention" and words.title == "حرب قديمة"
    assert words.phrase is not None and "5 يونيو 1954" in words.phrase
    assert (article.kind, article.title) == ("article", "عنوان  مصحح")  # the user's title
    assert [i.target for i in user.hidden_items(filled, 2)] == targets[::-1][:2]
    assert user.hidden_count(filled) == 4
    # An article gone (removed by another program) has no title but its correction's.
    with filled.transaction():
        filled.conn.execute("DELETE FROM articles WHERE id = ?", (war,))
    gone = {i.target: i for i in user.hidden_items(filled)}[targets[1]]
    assert (gone.title, gone.phrase) == (None, None)
