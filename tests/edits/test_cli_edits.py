"""`timeline edit ...` through click's CliRunner, and two processes writing at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import command_line
from tests.edits.test_survival import write_articles
from timeline import edits
from timeline.cli import cli
from timeline.store import Store
from timeline.store import edits as user


@pytest.fixture
def run(tmp_path: Path):
    invoke = command_line(tmp_path / "t.db")
    invoke("import", str(write_articles(tmp_path / "a.jsonl")))
    return invoke


def ids(run) -> dict[str, int]:
    return {
        json.loads(line)["title"]: json.loads(line)["id"]
        for line in run("list", "--json").output.splitlines()
    }


def mention_id(run, article_id: int, text: str) -> int:
    shown = json.loads(run("show", str(article_id), "--json").output)
    for event in shown["events"]:
        if (
            event["span_start"] is not None
            and text in shown["body"][event["span_start"] : event["span_end"]]
        ):
            return int(event["id"])
    raise AssertionError(text)


def last_json(result) -> dict:
    return json.loads(result.output.splitlines()[-1])


def test_correct_survives_recompute_and_clear_restores(run) -> None:
    war = ids(run)["حرب قديمة"]
    event = mention_id(run, war, "1954")
    done = last_json(run("edit", "correct", str(event), "6 June 1954", "--json"))
    assert done == {"edit": "correct", "changes": 1, "value": "1954-06-06"}
    run("recompute")
    shown = json.loads(run("edit", "show", str(war)).output)
    (fixed,) = [e for e in shown["events"] if e["origin"] == "corrected"]
    assert fixed["date"]["value"] == "1954-06-06"
    assert fixed["computed"]["value"] == "1954-06-05"
    event = mention_id(run, war, "1954")  # a new id after recompute: the same span
    said = run("edit", "correct", str(event), "--not-a-date").output.splitlines()[-1]
    assert said == "correct: 1 change, now not a date"  # was "value None"
    said = run("edit", "correct", str(event), "6 June 1954").output.splitlines()[-1]
    assert said == "correct: 1 change, value 1954-06-06"
    assert last_json(run("edit", "correct", str(event), "--clear", "--json"))["changes"] == 1
    shown = json.loads(run("edit", "show", str(war)).output)
    assert not [e for e in shown["events"] if e["origin"] == "corrected"]


def test_bad_input_is_one_line_errors(run) -> None:
    war = ids(run)["حرب قديمة"]
    event = mention_id(run, war, "1954")
    assert "not a date" in run("edit", "correct", str(event), "lorem", expect=1).output
    assert "no event #999" in run("edit", "correct", "999", "1990", expect=1).output
    assert "give a DATE" in run("edit", "correct", str(event), expect=2).output
    reversed_range = run("edit", "correct", str(event), "1953/1950", expect=1).output
    assert "a range ends after it starts: '1953/1950'" in reversed_range
    assert (
        "ends after it starts" in run("edit", "add", "2021-06-01/2021-05-01", "x", expect=1).output
    )
    assert (
        "not a colour"
        in run("edit", "tag", "x", "--article", str(war), "--colour", "red", expect=1).output
    )


def test_a_colour_is_exactly_rrggbb(run) -> None:
    """A colour with anything after it (a newline, as a shell's $'...' or a pasted line
    gives) is refused, by `edit tag --colour` with or without an article."""
    war = ids(run)["حرب قديمة"]
    run("edit", "tag", "x", "--article", str(war))
    for colour in ("#00ff00\n", "#00ff00 ", " #00ff00"):
        assert "not a colour" in run("edit", "tag", "x", "--colour", colour, expect=1).output
        assert (
            "not a colour"
            in run("edit", "tag", "y", "--article", str(war), "--colour", colour, expect=1).output
        )
    tags = [json.loads(line) for line in run("edit", "tags", "--json").output.splitlines()]
    assert [t["tag"] for t in tags] == ["x"] and tags[0]["colour"] != "#00ff00"


def test_a_tag_is_stored_as_it_is_shown(run) -> None:
    """Controls and bidi overrides are taken out of a tag's name when it is stored, as
    newlines and tabs become spaces: the name shown is the name held, so it can be
    removed or recoloured by it; one held from before is found by its shown name."""
    war = ids(run)["حرب قديمة"]
    run("edit", "tag", "x\x01y", "--article", str(war))
    run("edit", "tag", "\u202eRTL\u2069", "--article", str(war))
    tags = [json.loads(line) for line in run("edit", "tags", "--json").output.splitlines()]
    assert sorted(t["tag"] for t in tags) == ["RTL", "xy"]
    run("edit", "tag", "RTL", "--colour", "#123456")
    run("edit", "tag", "xy", "--article", str(war), "--remove")
    run("edit", "tag", "RTL", "--article", str(war), "--remove")
    tags = [json.loads(line) for line in run("edit", "tags", "--json").output.splitlines()]
    assert [(t["tag"], t["colour"], t["count"]) for t in tags] == [
        ("RTL", "#123456", 0),
        ("xy", tags[1]["colour"], 0),
    ]
    with Store(run.db) as store, store.transaction():  # held by an older version
        stamp = {"who": "tester", "at": "2026-01-01T00:00:00+00:00"}
        user.add_row(store, "user_tags", {"name": "a\x1bb", "colour": "#000000", **stamp})
        target = edits.article_target(store, war)
        user.add_row(store, "user_tagged", {"tag": "a\x1bb", "target": target, **stamp})
    assert "ab" in run("edit", "tags").output
    run("edit", "tag", "ab", "--colour", "#654321")
    run("edit", "tag", "ab", "--article", str(war), "--remove")
    tags = {t["tag"]: t for t in map(json.loads, run("edit", "tags", "--json").output.splitlines())}
    assert (tags["a\x1bb"]["colour"], tags["a\x1bb"]["count"]) == ("#654321", 0)


def test_article_add_hide_tag_note_list(run) -> None:
    titles = ids(run)
    war, other = titles["حرب قديمة"], titles["خبر آخر"]
    run("edit", "article", str(war), "--title", "الحرب الكورية", "--published", "25 حزيران 1950")
    added = last_json(run("edit", "add", "1990/1991", "حرب الخليج", "--json"))
    assert added["changes"] == 1
    run("edit", "hide", "--article", str(other))
    run("edit", "tag", "حروب", "--article", str(war))
    run("edit", "tag", "حروب", "--added", str(added["id"]))
    run("edit", "tag", "حروب", "--colour", "#aa0000")
    run("edit", "note", str(war), "راجع تاريخ الهدنة")
    run("recompute")
    run("import", str(write_articles(Path(str(run.db)).with_name("again.jsonl"))))
    tags = [json.loads(line) for line in run("edit", "tags", "--json").output.splitlines()]
    assert tags == [{"tag": "حروب", "colour": "#aa0000", "count": 2}]
    notes = [
        json.loads(line) for line in run("edit", "notes", "تاريخ", "--json").output.splitlines()
    ]
    assert notes == [{"id": war, "note": "راجع تاريخ الهدنة"}]
    rows = json.loads(run("edit", "list").output)
    assert len(rows["user_hidden"]) == 1 and rows["user_hidden"][0]["who"] == edits.who()
    shown = json.loads(run("edit", "show", str(war)).output)
    assert shown["title"] == "الحرب الكورية" and shown["published"] == "1950-06-25"
    assert shown["origins"] == {
        "title": "corrected",
        "source": "computed",
        "published": "corrected",
    }
    run("edit", "hide", "--article", str(other), "--show")
    assert json.loads(run("edit", "list").output)["user_hidden"] == []
    run("edit", "remove", str(added["id"]))
    assert json.loads(run("edit", "list").output)["user_events"] == []


def test_search_filters_by_tag(run) -> None:
    war = ids(run)["حرب قديمة"]
    run("edit", "tag", "حروب", "--article", str(war))
    both = run("search", "في", "--json").output.splitlines()
    assert len(both) == 2
    tagged = [
        json.loads(line)["id"]
        for line in run("search", "في", "--tag", "حروب", "--json").output.splitlines()
    ]
    assert tagged == [war]


def count_said(result) -> str:
    return result.stderr.strip().splitlines()[-1]


def test_the_count_of_a_search_by_tag_or_found_by_notes_is_not_the_page_s(run) -> None:
    """`timeline search --tag` said the page's length as the count ("5 matching articles"
    of 12 with --limit 5), and a full page left out the articles found by their notes
    (the window and the export counted them)."""
    titles = ids(run)
    war, other = titles["حرب قديمة"], titles["خبر آخر"]
    for article in (war, other):
        run("edit", "tag", "حروب", "--article", str(article))
    assert count_said(run("search", "في", "--tag", "حروب", "--limit", "1")) == (
        "2 matching articles"
    )
    assert count_said(run("search", "في", "--tag", "حروب")) == "2 matching articles"
    # A word of one article's text ("الهدنة") in the other's note.
    run("edit", "note", str(other), "عن الهدنة")
    assert count_said(run("search", "الهدنة", "--limit", "1")) == "2 matching articles"
    assert count_said(run("search", "الهدنة")) == "2 matching articles"
    exported = run("export", "--format", "articles-jsonl", "--query", "الهدنة").output
    assert exported.count("\n") == 2
    # A note holding a word the text of its article has too is counted once.
    run("edit", "note", str(war), "في الهدنة")
    run("edit", "note", str(other), "في")
    for limit in ("1", "2"):
        assert count_said(run("search", "في", "--limit", limit)) == "2 matching articles"


_WRITER = """
import sys
from timeline import edits
from timeline.store import Store
with Store(sys.argv[1], timeout=30) as store:
    for n in range(int(sys.argv[3])):
        edits.set_tag(store, edits.article_target(store, int(sys.argv[2])), f"{sys.argv[4]}{n}")
"""


def test_two_processes_write_at_once_and_see_each_other(run) -> None:
    titles = ids(run)
    war, other = titles["حرب قديمة"], titles["خبر آخر"]
    with Store(run.db, timeout=30) as window:
        seen = window.data_version()
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(run.db), str(other), "40", "terminal"], env=env
        )
        for n in range(40):
            edits.set_tag(window, edits.article_target(window, war), f"window{n}")
        assert child.wait(timeout=120) == 0
        # The other process's commits are visible to this open connection at once.
        assert window.data_version() != seen
        names = {name for name, _c, _k in user.tags(window)}
    assert {f"window{n}" for n in range(40)} <= names
    assert {f"terminal{n}" for n in range(40)} <= names


def test_export_uses_the_users_values_and_filters_by_tag(run) -> None:
    titles = ids(run)
    war, other = titles["حرب قديمة"], titles["خبر آخر"]
    run("edit", "article", str(war), "--title", "الحرب الكورية")
    run("edit", "hide", "--article", str(other))
    run("edit", "tag", "حروب", "--article", str(war))

    def exported(*options: str) -> list[dict]:
        out = run("export", "--format", "articles-jsonl", *options).output
        return [json.loads(line) for line in out.splitlines()]

    assert [(a["id"], a["title"], a["tags"]) for a in exported()] == [
        (war, "الحرب الكورية", "حروب")
    ]
    assert {a["id"] for a in exported("--with-hidden")} == {war, other}
    assert [a["id"] for a in exported("--with-hidden", "--tag", "حروب")] == [war]


def test_search_finds_an_article_by_its_note_and_its_tags(run) -> None:
    war = ids(run)["حرب قديمة"]
    run("edit", "note", str(war), "راجع زنجبيلية")
    run("edit", "tag", "قرنفلية", "--article", str(war))
    for query in ("زنجبيليه", "قرنفلية"):
        hits = [json.loads(line) for line in run("search", query, "--json").output.splitlines()]
        assert [(h["id"], h["snippet"]) for h in hits] == [(war, "راجع زنجبيلية")]
    assert run("search", "زنجبيلية", "--source", "مصدر ب", "--json").output == ""
    assert run("search", "زنجبيلية", "--tag", "قرنفلية", "--json").output.count("\n") == 1


def test_a_search_found_by_a_note_alone_suggests_no_other_spelling(run) -> None:
    # The words of the text match nothing, the note does: "1 matching article(s)" came
    # with "Did you mean: ..." below it, where the window says one result and no more.
    war = ids(run)["حرب قديمة"]
    run("edit", "note", str(war), "راجع مفاوصات")  # typed in haste: the text has مفاوضات
    found = run("search", "مفاوصات", "--no-bidi")
    assert found.stdout.split()[0] == str(war)
    assert "1 matching article\n" in found.stderr and "Did you mean" not in found.stderr
    # Nothing found, in the text or a note: the spelling the text holds is offered.
    assert "Did you mean: مفاوضات" in run("search", "مفاوضاث", "--no-bidi").stderr


def test_list_and_show_give_the_users_values_marked_and_json_the_stored_ones(run) -> None:
    war = ids(run)["حرب قديمة"]
    run("edit", "article", str(war), "--title", "الحرب الكورية", "--published", "2020-01-01")
    line = next(x for x in run("list", "--no-bidi").output.splitlines() if x.split()[0] == str(war))
    assert "2020-01-01*" in line and "الحرب الكورية*" in line and "مصدر أ |" in line
    stored = {json.loads(x)["id"]: json.loads(x) for x in run("list", "--json").output.splitlines()}
    assert stored[war]["title"] == "حرب قديمة" and stored[war]["published"] == "2021-05-22"
    shown = run("show", str(war), "--no-bidi").output
    assert "published: 2020-01-01  (yours; computed: 2021-05-22)" in shown
    assert "(yours; computed: حرب قديمة)" in shown
    assert "(yours" not in run("show", str(ids(run)["خبر آخر"])).output


def test_search_filters_and_prints_the_users_values(run) -> None:
    war = ids(run)["حرب قديمة"]
    run("edit", "article", str(war), "--source", "أرشيف", "--published", "2020-01-01")
    found = run(
        "search", "الحرب", "--source", "أرشيف", "--from", "2020-01-01", "--to", "2020-01-01"
    )
    (line, _snippet) = found.stdout.splitlines()
    assert line.split()[:2] == [str(war), "2020-01-01*"] and "أرشيف* | حرب قديمة" in line
    assert run("search", "الحرب", "--source", "مصدر أ").stdout == ""
    (stored,) = [json.loads(x) for x in run("search", "الحرب", "--json").stdout.splitlines()]
    assert (stored["source"], stored["published"]) == ("مصدر أ", "2021-05-22")


def test_list_is_in_the_order_of_the_dates_shown_and_json_in_the_stored_one(run) -> None:
    war, other = ids(run)["حرب قديمة"], ids(run)["خبر آخر"]  # published 22 and 23 May 2021
    run("edit", "article", str(war), "--published", "2022-01-01")
    shown = [int(line.split()[0]) for line in run("list", "--no-bidi").stdout.splitlines()]
    assert shown == [other, war]
    assert [json.loads(x)["id"] for x in run("list", "--json").stdout.splitlines()] == [war, other]


def test_search_newest_is_in_the_order_of_the_dates_shown(run) -> None:
    war, other = ids(run)["حرب قديمة"], ids(run)["خبر آخر"]  # published 22 and 23 May 2021

    def newest(*options: str) -> list[int]:
        out = run("search", "الحرب OR المجلس", "--newest", "--no-bidi", *options).stdout
        return [int(line.split()[0]) for line in out.splitlines()[::2]]

    assert newest() == [other, war]
    run("edit", "article", str(war), "--published", "2022-01-01")
    assert newest() == [war, other]
    assert newest("--limit", "1") == [war]
    assert [
        json.loads(x)["id"]
        for x in run("search", "الحرب OR المجلس", "--newest", "--json").stdout.splitlines()
    ] == [war, other]


def test_a_hidden_article_is_said_so_by_list_search_and_show(run) -> None:
    war, other = ids(run)["حرب قديمة"], ids(run)["خبر آخر"]
    run("edit", "hide", "--article", str(war))
    lines = {int(x.split()[0]): x for x in run("list", "--no-bidi").stdout.splitlines()}
    assert lines[war].endswith("  (hidden)") and not lines[other].endswith("(hidden)")
    (line, _snippet) = run("search", "الحرب", "--no-bidi").stdout.splitlines()
    assert line.endswith("  (hidden)")
    assert "hidden: yes" in run("show", str(war), "--no-bidi").stdout
    assert json.loads(run("show", str(war), "--json").stdout)["hidden"] is True
    assert "hidden:" not in run("show", str(other), "--no-bidi").stdout
    run("edit", "hide", "--article", str(war), "--show")
    assert "(hidden)" not in run("list").stdout


def test_show_lists_the_events_as_the_user_sees_them(run) -> None:
    """The header gave the user's title and date, the events under it the computed ones:
    a corrected date, a hidden mention and an added event were not to be seen there."""
    war = ids(run)["حرب قديمة"]
    run("edit", "correct", str(mention_id(run, war, "1954")), "1955")
    run("edit", "hide", "--event", str(mention_id(run, war, "1950")))
    run("edit", "tag", "هدنة", "--event", str(mention_id(run, war, "1954")))
    run("edit", "add", "1960", "ذكرى الهدنة", "--article", str(war))
    run("edit", "article", str(war), "--published", "2020-01-01")
    shown = run("show", str(war), "--no-bidi").output
    events = shown[shown.index("events:") :].splitlines()[1:]
    assert events[0].split()[:2] == ["published", "2020-01-01*"]
    (hidden,) = [e for e in events if "1950/1953" in e]
    assert "(hidden) " in hidden
    (corrected,) = [e for e in events if "1955*" in e]
    assert "#هدنة " in corrected
    assert events[-1].split()[:2] == ["added", "1960"] and "ذكرى الهدنة" in events[-1]
    assert "hidden: " not in shown
    run("edit", "hide", "--article", str(war))
    assert "hidden: yes" in run("show", str(war), "--no-bidi").output
    # --json keeps the stored values.
    stored = json.loads(run("show", str(war), "--json").output)["events"]
    assert [e["value"] for e in stored] == ["2021-05-22", "1950/1953", "1954-06-05"]


def test_the_store_streams_articles_in_list_order_without_their_bodies(run) -> None:
    with Store(run.db) as store:  # type: ignore[attr-defined]
        listed = store.articles()
        streamed = list(store.iter_articles(body=False))
        assert [a.id for a in streamed] == [a.id for a in listed]
        assert all(a.body == "" for a in streamed) and all(a.body for a in listed)
        assert [a.title for a in streamed] == [a.title for a in listed]
        assert list(store.iter_articles()) == listed


def test_show_gives_the_articles_tags_and_note(run) -> None:
    war = ids(run)["حرب قديمة"]
    run("edit", "tag", "--article", str(war), "حروب")
    run("edit", "tag", "--article", str(war), "هدنة")
    run("edit", "note", str(war), "راجع الهدنة\nوالمصدر")
    lines = run("show", str(war), "--no-bidi").output.splitlines()
    assert "       tags: حروب; هدنة" in lines
    at = lines.index("       note: راجع الهدنة")
    assert lines[at + 1] == "             والمصدر"
    shown = json.loads(run("show", str(war), "--json").output)
    assert (sorted(shown["tags"]), shown["note"]) == (["حروب", "هدنة"], "راجع الهدنة\nوالمصدر")
    other = ids(run)["خبر آخر"]
    assert not any(
        line.strip().startswith(("tags:", "note:"))
        for line in run("show", str(other)).output.splitlines()
    )


def test_a_tag_name_longer_than_a_tag_is_refused(run) -> None:
    from timeline.model import MAX_TAG_CHARS

    war = ids(run)["حرب قديمة"]
    pasted = "ت" * (MAX_TAG_CHARS + 1)  # an article's text pasted into the tag's box
    refused = run("edit", "tag", pasted, "--article", str(war), expect=1)
    assert f"at most {MAX_TAG_CHARS} characters ({MAX_TAG_CHARS + 1} given)" in refused.output
    assert run("edit", "tags", "--json").output == ""
    run("edit", "tag", "ت" * MAX_TAG_CHARS, "--article", str(war))
    (tag,) = [json.loads(line) for line in run("edit", "tags", "--json").output.splitlines()]
    assert tag["tag"] == "ت" * MAX_TAG_CHARS


@pytest.mark.parametrize(
    "typed",
    [
        "2015-07-21T25:00",  # no hour 25: the day alone was stored
        "2015-01-01\n2016",  # two lines: the first was stored
        "2015-07-21 and more",
        "1950/1953",  # a range is not when an article was published
        "من 1 يناير إلى 5 يناير 2015",  # a range in words: its end was stored
    ],
)
def test_a_publication_date_is_wholly_one_date(run, typed: str) -> None:
    war = ids(run)["حرب قديمة"]
    out = run("edit", "article", str(war), "--published", typed, expect=1).output
    assert len(out.strip().splitlines()) == 1
    assert json.loads(run("edit", "show", str(war)).output)["published"] == "2021-05-22"


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("2015-07-21T10:30", "2015-07-21T10:30"),
        ("2015-07-21", "2015-07-21"),
        ("2015-07", "2015-07"),
        ("السبت 22 أيار 2021", "2021-05-22"),
        ("Sun, 01 Mar 2015 10:00:00 GMT", "2015-03-01T10:00:00+00:00"),
    ],
)
def test_a_publication_date_typed_whole_is_taken(run, typed: str, value: str) -> None:
    war = ids(run)["حرب قديمة"]
    run("edit", "article", str(war), "--published", typed)
    assert json.loads(run("edit", "show", str(war)).output)["published"] == value


def test_a_field_set_and_cleared_at_once_is_a_usage_error(run) -> None:
    war = ids(run)["حرب قديمة"]
    out = run("edit", "article", str(war), "--clear", "title", "--title", "عنوان", expect=2).output
    assert "give --title or --clear title, not both" in out
    assert json.loads(run("edit", "show", str(war)).output)["title"] == "حرب قديمة"


def test_the_same_edit_twice_changes_nothing_the_second_time(run, monkeypatch) -> None:
    """Said again, a value was written again with a new stamp and counted as a change
    (a step for the window's undo that undid nothing); an event added twice was two."""
    war = ids(run)["حرب قديمة"]
    event = str(mention_id(run, war, "1954"))
    said = [
        ("edit", "correct", event, "1955"),
        ("edit", "article", str(war), "--title", "الحرب الكورية", "--published", "2020-01-01"),
        ("edit", "note", str(war), "ملاحظة"),
        ("edit", "tag", "هدنة", "--article", str(war), "--colour", "#112233"),
        ("edit", "tag", "هدنة", "--colour", "#112233"),
        ("edit", "add", "1960", "ذكرى", "--article", str(war)),
    ]
    first = [last_json(run(*args, "--json")) for args in said]
    with Store(run.db) as store:  # type: ignore[attr-defined]
        stamped = user.all_rows(store)
    monkeypatch.setattr(edits, "_now", lambda: "2099-01-01T00:00:00+00:00")
    again = [last_json(run(*args, "--json")) for args in said]
    assert [a["changes"] for a in first] == [1, 2, 1, 2, 0, 1]
    assert [a["changes"] for a in again] == [0] * len(said)
    assert again[-1]["id"] == first[-1]["id"]  # the event added first, not a second one
    with Store(run.db) as store:  # type: ignore[attr-defined]
        assert user.all_rows(store) == stamped


def test_edit_show_writes_what_json_line_writes_of_the_whole(run) -> None:
    """The article as shown is written a piece at a time: the same text as json_line of
    it all (corrections, added and hidden events, controls in a note escaped)."""
    from dataclasses import asdict

    from timeline.text.safe import json_line

    war = ids(run)["حرب قديمة"]
    run("edit", "correct", str(mention_id(run, war, "1954")), "6 June 1954")
    run("edit", "article", str(war), "--title", "الحرب\u202e الكورية")
    run("edit", "add", "1953", "هدنة", "--article", str(war))
    run("edit", "note", str(war), "ملاحظة\x1b[2J")
    run("edit", "hide", "--article", str(war))
    with Store(run.db) as store:
        shown = edits.shown_article(store, war)
    assert shown is not None
    data = asdict(shown)
    for event in data["events"]:
        if event["computed"] is not None:
            event["computed"] = {
                k: event["computed"][k] for k in ("id", "kind", "value", "span_start", "span_end")
            }
    assert run("edit", "show", str(war)).output == json_line(data, indent=2) + "\n"


def test_edit_show_of_many_events_holds_no_copy_of_its_text(tmp_path: Path) -> None:
    """An article of 350,001 mentions took 2.55 GB to show as one JSON string (a dict an
    event, the string and two copies); written a piece at a time, showing one of 4,000
    holds less than a copy of its output more than showing a short one (each measured
    in its own process, writing to /dev/null)."""
    path = tmp_path / "two.jsonl"
    records = [
        {"title": "طويل", "body": "اجتمع الوفد في 3 مارس 2020 ثم عاد. " * 4000},
        {"title": "قصير", "body": "اجتمع الوفد في 3 مارس 2020 ثم عاد."},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    db = tmp_path / "two.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "import", str(path)]).exit_code == 0
    output = runner.invoke(cli, ["--db", str(db), "edit", "show", "1"]).output
    assert len(output) > 2_000_000
    copy = sys.getsizeof(output)  # a copy of it as a string: two bytes a character here
    # Shown once before it is measured: the modules the command imports on its way are
    # compiled then, where no bytecode was cached (a fresh checkout), and that compiling
    # was counted in the first process's peak (4 MB more than the second's).
    measured = (
        "import sys, tracemalloc\n"
        "from timeline.cli import cli\n"
        "def show():\n"
        "    try:\n"
        "        cli.main(sys.argv[1:])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "show()\n"
        "tracemalloc.start()\n"
        "show()\n"
        "print(tracemalloc.get_traced_memory()[1], file=sys.stderr)\n"
    )

    def peak(article_id: int) -> int:
        done = subprocess.run(
            [sys.executable, "-c", measured, "--db", str(db), "edit", "show", str(article_id)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=300,
            cwd=Path(__file__).resolve().parents[2],
            check=True,
        )
        return int(done.stderr.decode().split()[-1])

    assert peak(1) - peak(2) < copy  # (as one string: 2.2 M characters, 19 MB more)
