"""Every export shows the user's values: corrections win, hidden left out, added in, tags and notes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.edits.test_survival import article_id, filled, mention, source_file  # noqa: F401
from timeline import edits
from timeline.edits import read_date
from timeline.export import Selection, export, write_text
from timeline.store import Store
from timeline.store import edits as user


@pytest.fixture
def edited(filled: Store) -> Store:  # noqa: F811
    war, other = article_id(filled, "حرب قديمة"), article_id(filled, "خبر آخر")
    edits.correct_mention(filled, mention(filled, "حرب قديمة", "1954"), "1960")
    war_range = mention(filled, "حرب قديمة", "1950")
    edits.set_hidden(
        filled, user.mention_target(war_range.uid, war_range.span_start, war_range.span_end)
    )
    edits.correct_article(filled, war, "title", "الحرب الكورية")
    edits.correct_article(filled, war, "source", "أرشيف")
    edits.correct_article(filled, war, "published", "1 يناير 2020")
    edits.set_tag(filled, edits.article_target(filled, war), "حروب")
    edits.set_note(filled, war, "راجع الهدنة")
    edits.add_event(filled, "1990/1991", "حرب الخليج", war)
    edits.set_hidden(filled, edits.article_target(filled, other))
    return filled


def rows(store: Store, fmt: str, selection: Selection | None = None) -> list[dict]:
    out = io.StringIO()
    write_text(store, fmt, selection or Selection(), out)
    if fmt.endswith("csv"):
        return list(csv.DictReader(io.StringIO(out.getvalue())))
    return [json.loads(line) for line in out.getvalue().splitlines()]


def start_of(text: str) -> int:
    date = read_date(text)
    assert date is not None and date.start is not None
    return date.start


def test_tabular_exports_carry_the_users_values(edited: Store) -> None:
    war, other = article_id(edited, "حرب قديمة"), article_id(edited, "خبر آخر")
    (article,) = rows(edited, "articles-jsonl")  # the hidden one left out
    assert article["id"] == war
    assert (article["title"], article["source"]) == ("الحرب الكورية", "أرشيف")
    assert article["published"] == "2020-01-01" and article["published_start"] == start_of(
        "2020-01-01"
    )
    assert (article["tags"], article["note"]) == ("حروب", "راجع الهدنة")
    events = rows(edited, "events-csv")
    assert {int(e["article_id"]) for e in events if e["article_id"]} == {war}
    by_value = {e["value"]: e for e in events}
    assert by_value["1960"]["origin"] == "corrected" and int(by_value["1960"]["start"]) == start_of(
        "1960"
    )
    assert "1950/1953" not in by_value  # hidden mention
    added = by_value["1990/1991"]
    assert int(added["id"]) < 0 and added["origin"] == "added" and added["label"] == "حرب الخليج"
    assert all(e["tags"] == "حروب" for e in events)
    (published,) = [e for e in events if e["kind"] == "published"]
    assert published["origin"] == "corrected" and int(published["start"]) == start_of("2020-01-01")
    # A publication is labelled with its article's title: the corrected one.
    assert published["label"] == "الحرب الكورية"
    assert {e["hidden"] for e in events} == {"False"}
    # Asked for, the hidden come back, each event said to be hidden as each article is
    # (a hidden mention came as any other: nothing in an events export told them apart).
    every = rows(edited, "articles-csv", Selection(with_hidden=True))
    assert {int(a["id"]) for a in every} == {war, other}
    for fmt, hidden in (("events-jsonl", True), ("events-csv", "True")):
        events = rows(edited, fmt, Selection(with_hidden=True))
        said = {e["value"] for e in events if e["hidden"] == hidden}
        assert "1950/1953" in said  # the hidden mention
        assert {e["article_id"] for e in events if e["hidden"] == hidden} == {
            str(war) if fmt.endswith("csv") else war,
            str(other) if fmt.endswith("csv") else other,  # the hidden article's events
        }
        assert "1960" not in said and "1990/1991" not in said


def test_timelinejs_and_timeline_xml_carry_the_users_values(edited: Store) -> None:
    out = io.StringIO()
    write_text(edited, "timelinejs", Selection(), out)
    document = json.loads(out.getvalue())
    headlines = {e["text"]["headline"] for e in document["events"]}
    assert all("الحرب الكورية" in h for h in headlines)  # the other article is hidden
    (publication,) = [e for e in document["events"] if "x-timeline-article" in e]
    carried = publication["x-timeline-article"]
    assert (carried["title"], carried["source"]) == ("الحرب الكورية", "أرشيف")
    assert (carried["tags"], carried["note"]) == (["حروب"], "راجع الهدنة")
    assert publication["start_date"] == {"year": 2020, "month": 1, "day": 1}
    # The corrected date is carried as the article's own, so an import brings it back
    # (it reads "published" before the raw text); an uncorrected article carries none.
    assert carried["published"] == "2020-01-01"
    added = [
        e for e in document["events"] if e.get("x-timeline-mention", {}).get("kind") == "added"
    ]
    assert len(added) == 1 and "حرب الخليج" in added[0]["text"]["text"]
    out = io.StringIO()
    assert write_text(edited, "timeline", Selection(), out) == 1
    assert "<text>الحرب الكورية</text>" in out.getvalue()
    assert "<start>2020-01-01 00:00:00</start>" in out.getvalue()
    assert "<category>أرشيف</category>" in out.getvalue()


def test_export_by_tag(edited: Store) -> None:
    war = article_id(edited, "حرب قديمة")
    assert [a["id"] for a in rows(edited, "articles-jsonl", Selection(tag="حروب"))] == [war]
    assert rows(edited, "articles-jsonl", Selection(tag="لا وسم")) == []


def test_a_query_finds_the_articles_by_their_note_and_tag_names_as_the_search_does(
    edited: Store,
) -> None:
    """The window's search and `timeline search` find an article by the words of its note
    or its tags' names; the export of the same query wrote the index's hits alone (a
    library with twelve articles tagged "study": the search said 15, the export wrote 3)."""
    from timeline.store.search import matching_article_ids, note_hits

    war = article_id(edited, "حرب قديمة")
    for query in ("راجع", "حروب", "الهدنه راجع"):
        assert not len(matching_article_ids(edited, query))  # not in the text: the user's
        assert [n[0] for n in note_hits(edited, query, set())] == [war]
        for fmt in ("articles-jsonl", "articles-csv"):
            assert [int(a["id"]) for a in rows(edited, fmt, Selection(query=query))] == [war]
    # The search's filters still apply to them.
    assert rows(edited, "articles-jsonl", Selection(query="راجع", source="أرشيف")) != []
    assert rows(edited, "articles-jsonl", Selection(query="راجع", source="غيرها")) == []
    assert rows(edited, "articles-jsonl", Selection(query="راجع", tag="لا وسم")) == []


def test_events_added_on_their_own_are_in_a_choice_by_dates_or_by_their_tag(
    edited: Store,
) -> None:
    """An event the user added on its own was exported only with the whole library: the
    window's export always chooses its visible stretch of time, so none ever reached a
    file from it, and `--from/--to` or `--tag` left them out too."""
    first = edits.add_event(edited, "1950/1953", "الحرب الكورية وحدها")[0]
    later = edits.add_event(edited, "2030", "حدث بعيد")[0]
    edits.set_tag(edited, user.event_target(first), "حروب")
    fifties = Selection(date_from=start_of("1949"), date_to=start_of("1960"))
    by_dates = {e["id"] for e in rows(edited, "events-csv", fifties)}
    assert str(-first) in by_dates and str(-later) not in by_dates
    assert {e["id"] for e in rows(edited, "events-jsonl", Selection(tag="حروب"))} >= {-first}
    assert -later not in {e["id"] for e in rows(edited, "events-jsonl", Selection(tag="حروب"))}
    # A choice by words or by source has no standalone events: they belong to no article.
    worded = rows(edited, "events-jsonl", Selection(query="الهدنة", date_from=start_of("1949")))
    assert all(e["id"] != -first for e in worded)
    # Carried for an import, as with the whole library.
    out = io.StringIO()
    write_text(edited, "timelinejs", fifties, out)
    carried = [
        e["x-timeline-mention"]["added"]["label"]
        for e in json.loads(out.getvalue())["events"]
        if e.get("x-timeline-mention", {}).get("added")
    ]
    assert "الحرب الكورية وحدها" in carried and "حدث بعيد" not in carried
    # (The range as the user sees the articles: the war's 1954 is 1960 now, its range hidden.)
    to_1960 = Selection(date_from=start_of("1949"), date_to=start_of("1961"))
    (line, *_) = rows(edited, "articles-jsonl", to_1960)
    assert [e["label"] for e in line["x-timeline-standalone"]] == ["الحرب الكورية وحدها"]


def test_an_image_leaves_the_hidden_out(edited: Store, tmp_path: Path) -> None:
    pytest.importorskip("PySide6")
    other = article_id(edited, "خبر آخر")
    shown = export(edited, "png", Selection(), tmp_path / "a.png", width=400, height=200)
    every = export(
        edited, "png", Selection(with_hidden=True), tmp_path / "b.png", width=400, height=200
    )
    others = sum(1 for e in edited.events_of(other) if e.start is not None)
    assert every - shown >= others > 0


def test_a_corrected_date_comes_back_from_a_timelinejs_file(edited: Store, tmp_path: Path) -> None:
    from timeline import library

    path = tmp_path / "out.json"
    export(edited, "timelinejs", Selection(), path)
    with Store(tmp_path / "again.db") as again:
        library.import_paths(again, [path])
        (article,) = again.articles()
        # The user's date comes back as the user's, over the article's own (its
        # published_raw): it came back as the article's own, the outlet's date lost.
        assert article.title == "حرب قديمة" and article.published == "2021-05-22"
        assert article.id is not None
        shown = edits.shown_article(again, article.id)
        assert shown is not None and shown.published == "2020-01-01"
        assert shown.origins["published"] == "corrected"
    # An article the user did not date again carries no "published" of its own.
    edits.correct_article(edited, article_id(edited, "حرب قديمة"), "published", None)
    export(edited, "timelinejs", Selection(), path)
    document = json.loads(path.read_text(encoding="utf-8"))
    (publication,) = [e for e in document["events"] if "x-timeline-article" in e]
    assert "published" not in publication["x-timeline-article"]
