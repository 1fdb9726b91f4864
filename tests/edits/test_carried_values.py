"""Tags and notes through an export and back: an import gives a record's tags and note to
its article, adds tags to an article the library holds, and keeps a note it has."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.edits.test_export_edits import edited  # noqa: F401
from tests.edits.test_survival import article_id, filled, source_file, write_articles  # noqa: F401
from tests.export.conftest import library_of
from timeline import edits, library
from timeline.cli import cli
from timeline.export import Selection, export
from timeline.ingest import ArticleFile, Rejected
from timeline.ingest.fields import MAX_TAG_CHARS, MAX_TAGS, read_tags
from timeline.store import Store
from timeline.store import edits as user


@pytest.fixture(params=["whole", "streamed"])
def json_read(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """A TimelineJS file read whole, or as a stream (as one larger than a JSON file
    read whole may be is read: this program's export of a large library)."""
    import timeline.ingest

    if request.param == "streamed":
        monkeypatch.setattr(timeline.ingest, "MAX_JSON_BYTES", 64)
    return str(request.param)


def shown(store: Store, title: str) -> edits.ShownArticle:
    found = edits.shown_article(store, article_id(store, title))
    assert found is not None
    return found


def tag_counts(store: Store) -> dict[str, int]:
    return {name: count for name, _colour, count in user.tags(store)}


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [("articles-jsonl", "jsonl"), ("articles-csv", "csv"), ("timelinejs", "json")],
)
def test_tags_and_notes_come_back_from_each_export(
    edited: Store,  # noqa: F811
    tmp_path: Path,
    fmt: str,
    suffix: str,
) -> None:
    edits.set_tag(edited, edits.article_target(edited, article_id(edited, "حرب قديمة")), "هدنة")
    path = tmp_path / f"out.{suffix}"
    export(edited, fmt, Selection(), path)
    with Store(tmp_path / "again.db") as again:
        report = library.import_paths(again, [path])
        assert report.added == 1 and not report.failed
        article = shown(again, "حرب قديمة")  # stored as the outlet's, the user's over it
        assert article.title == "الحرب الكورية"
        assert sorted(article.tags) == ["حروب", "هدنة"]
        assert article.note == "راجع الهدنة"
        assert tag_counts(again) == {"حروب": 1, "هدنة": 1}
        # Each new tag has a colour of its own, as one typed in the window has.
        colours = [colour for _name, colour, _count in user.tags(again)]
        assert len(set(colours)) == 2 and all(c in edits.TAG_COLOURS for c in colours)


def test_an_article_held_already_gains_the_tags_and_keeps_its_own_note(
    filled: Store,  # noqa: F811
    tmp_path: Path,
) -> None:
    war = article_id(filled, "حرب قديمة")
    edits.set_tag(filled, edits.article_target(filled, war), "حروب")
    edits.set_note(filled, war, "راجع الهدنة")
    path = tmp_path / "out.jsonl"
    export(filled, "articles-jsonl", Selection(), path)
    edits.set_tag(filled, edits.article_target(filled, war), "حروب", on=False)
    edits.set_note(filled, war, "ملاحظة أحدث")
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    other = next(r for r in records if r["title"] == "خبر آخر")
    other.update(tags="ميزانية; شوال", note="من الملف")
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")

    report = library.import_paths(filled, [path])
    assert (report.added, report.duplicates) == (0, 2)
    assert [f.notes_kept for f in report.files] == [1]  # the war's: its newer note stays
    assert list(shown(filled, "حرب قديمة").tags) == ["حروب"]
    assert shown(filled, "حرب قديمة").note == "ملاحظة أحدث"
    assert sorted(shown(filled, "خبر آخر").tags) == ["شوال", "ميزانية"]
    assert shown(filled, "خبر آخر").note == "من الملف"
    # Again: nothing new, the same note kept and said again, no tag twice.
    again = library.import_paths(filled, [path])
    assert [f.notes_kept for f in again.files] == [1]
    assert tag_counts(filled) == {"حروب": 1, "شوال": 1, "ميزانية": 1}


def test_a_failed_file_gives_no_tags_or_notes(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    good = {"title": "عنوان", "body": "نص الخبر", "tags": "وسم", "note": "ملاحظة"}
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n[1, 2]\n", "utf-8")
    report = library.import_paths(store, [path], strict=True)
    assert len(report.failed) == 1
    assert user.tags(store) == [] and user.notes(store) == []


def test_the_command_line_says_a_note_was_kept(filled: Store, tmp_path: Path) -> None:  # noqa: F811
    war = article_id(filled, "حرب قديمة")
    path = tmp_path / "out.jsonl"
    edits.set_note(filled, war, "أولى")
    export(filled, "articles-jsonl", Selection(), path)
    edits.set_note(filled, war, "ثانية")
    result = CliRunner().invoke(cli, ["--db", str(filled.path), "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "1 article already had a note of their own, kept instead of the file's" in (
        result.output
    )


def test_tags_are_read_from_a_string_or_a_list() -> None:
    assert read_tags("حروب; هدنة ؛ شرق  أوسط;;") == ("حروب", "هدنة", "شرق أوسط")
    assert read_tags(["a", " b ", "a", "", "c; d"]) == ("a", "b", "c", "d")
    assert read_tags([{"name": "x"}, {"id": 3}, 4, None, "y"]) == ("x", "y")  # APIs' objects
    assert read_tags(None) == () and read_tags("") == () and read_tags({"a": 1}) == ()
    assert read_tags("x" * (MAX_TAG_CHARS + 1) + "; short") == ("short",)
    assert read_tags(["\x1b[31mred", "red", "bell\x07"]) == ("[31mred", "red", "bell")
    many = read_tags(";".join(f"t{i}" for i in range(MAX_TAGS + 5)))
    assert len(many) == MAX_TAGS and many[-1] == f"t{MAX_TAGS - 1}"


def test_a_table_gives_tags_and_notes_by_arabic_headers(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    rows = ["العنوان,النص,الوسوم,ملاحظة", "عنوان,نص الخبر,حروب؛ هدنة,راجع", "آخر,نص آخر,,"]
    path.write_text("\n".join(rows), "utf-8")
    with ArticleFile(path) as read:
        first, second = list(read)
    assert not isinstance(first, Rejected) and not isinstance(second, Rejected)
    assert (first.tags, first.note) == (("حروب", "هدنة"), "راجع")
    assert (second.tags, second.note) == ((), "")


def test_a_json_record_whose_tags_or_note_are_not_ours_is_still_an_article(
    tmp_path: Path,
) -> None:
    path = tmp_path / "in.jsonl"
    records = [
        {"title": "a", "body": "نص", "tags": {"not": "tags"}},
        {"title": "b", "body": "نص", "notes": [{"text": "another program's"}]},
        {"title": "c", "body": "نص", "Tags": ["ok"], "Notes": "fine"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    with ArticleFile(path) as read:
        items = list(read)
    assert [(d.title, d.tags, d.note) for d in items] == [  # type: ignore[union-attr]
        ("a", (), ""),
        ("b", (), ""),
        ("c", ("ok",), "fine"),
    ]


def test_a_tag_cannot_hold_what_separates_tags(filled: Store) -> None:  # noqa: F811
    target = edits.article_target(filled, article_id(filled, "حرب قديمة"))
    for name in ("x; y", "س؛ص"):
        with pytest.raises(edits.EditError, match="cannot hold"):
            edits.set_tag(filled, target, name)
    assert user.tags(filled) == []


def added_rows(store: Store) -> list[tuple[str | None, str, str, str]]:
    """(article title or None, typed, label, value) of the events the user added."""
    titles = {a.uid: a.title for a in store.articles()}
    rows = [
        (titles.get(uid) if uid else None, typed, label, value)
        for uid, typed, label, value in store.conn.execute(
            "SELECT article_uid, typed, label, value FROM user_events"
        )
    ]
    return sorted(rows, key=lambda row: (row[0] is not None, row))


def test_events_added_by_hand_come_back_from_a_timelinejs_export(
    edited: Store,  # noqa: F811
    tmp_path: Path,
    json_read: str,
) -> None:
    """The article's own (in the fixture: 1990/1991 to the war) and one on its own, each
    with its tags; the same file again adds none twice."""
    event_id, _ = edits.add_event(edited, "10 شوال 1442 هـ", "اجتماع المجلس")
    edits.set_tag(edited, edits.added_target(edited, event_id), "اجتماعات")
    path = tmp_path / "out.json"
    export(edited, "timelinejs", Selection(), path)
    with Store(tmp_path / "again.db") as again:
        for _ in range(2):
            report = library.import_paths(again, [path])
            assert not report.failed and [f.left_out for f in report.files] == [0]
            assert added_rows(again) == [
                (None, "10 شوال 1442 هـ", "اجتماع المجلس", "2021-05-22"),
                ("حرب قديمة", "1990/1991", "حرب الخليج", "1990/1991"),
            ]
        (standalone,) = [e for e in user.standalone_events(again)]
        assert standalone.label == "اجتماع المجلس"
        assert user.targets_tagged(again, "اجتماعات") == [user.event_target(standalone.id)]


def test_a_timelinejs_file_whose_added_events_do_not_read_says_so(
    store: Store, tmp_path: Path
) -> None:
    from timeline.ingest.timelinejs import ADDED, ARTICLE_KEY, MENTION_KEY

    document = {
        "events": [
            {
                "start_date": {"year": 2015},
                ARTICLE_KEY: {"id": 7, "title": "عنوان", "body": "نص الخبر"},
            },
            *(
                {
                    "start_date": {"year": 2015},
                    MENTION_KEY: {"article": article, "kind": "added", ADDED: added},
                }
                for article, added in [
                    (7, {"typed": "لا تاريخ هنا", "label": "x"}),  # no date reads
                    (7, {"typed": "2015-03-01", "label": 5}),  # not a label: left out
                    (7, {"typed": "2015-03-02" * 30, "label": "long"}),  # no date is so long
                    (99, {"typed": "2015-03-03", "label": "its article is not here"}),
                    (7, {"typed": "2015-03-04", "label": "ok", "tags": ["t", 3]}),
                ]
            ),
        ]
    }
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    report = library.import_paths(store, [path])
    assert [f.left_out for f in report.files] == [1]
    assert added_rows(store) == [
        (None, "2015-03-03", "its article is not here", "2015-03-03"),
        ("عنوان", "2015-03-04", "ok", "2015-03-04"),
    ]
    result = CliRunner().invoke(cli, ["--db", str(store.path), "import", str(path)])
    assert "1 of your values in it (events added by hand, corrected dates) were left out" in (
        result.output
    )
    assert len(added_rows(store)) == 2


def as_shown(store: Store, article_id: int) -> tuple:
    """An article's values and events as the window shows them, without ids and stamps:
    a corrected title and source come back as the user's, over the article's own."""
    shown = edits.shown_article(store, article_id)
    assert shown is not None
    words = (shown.title, shown.source, shown.origins.get("title"), shown.origins.get("source"))
    events = sorted(
        (
            "published" if e.computed is not None and e.computed.kind == "published" else e.origin,
            e.date.value if e.date is not None else None,
            e.label,
            e.hidden,
            tuple(sorted(e.tags)),
            e.typed,
        )
        for e in shown.events
    )
    return words, shown.hidden, tuple(sorted(shown.tags)), shown.note, events


def test_what_the_user_said_of_mentions_comes_back_from_a_timelinejs_export(
    edited: Store,  # noqa: F811
    tmp_path: Path,
    json_read: str,
) -> None:
    """The fixture's corrected and hidden mentions of the war, a tag on a mention, a
    mention that is not a date, and the hidden article (a file written with the hidden
    kept): the window shows each article of the new library as it showed it here."""
    from tests.edits.test_survival import mention

    other = article_id(edited, "خبر آخر")
    meeting = mention(edited, "خبر آخر", "شوال")
    edits.correct_mention(edited, meeting, None)  # not a date
    war_day = mention(edited, "حرب قديمة", "1954")
    edits.set_tag(
        edited, user.mention_target(war_day.uid, war_day.span_start, war_day.span_end), "هدنة"
    )
    path = tmp_path / "out.json"
    export(edited, "timelinejs", Selection(with_hidden=True), path)
    with Store(tmp_path / "again.db") as again:
        report = library.import_paths(again, [path])
        assert report.added == 2 and [f.left_out for f in report.files] == [0]
        war = article_id(edited, "حرب قديمة")
        assert as_shown(again, article_id(again, "حرب قديمة")) == as_shown(edited, war)
        assert as_shown(again, article_id(again, "خبر آخر")) == as_shown(edited, other)
        assert as_shown(again, article_id(again, "خبر آخر"))[1]  # hidden again
        origins = [e[0] for e in as_shown(again, article_id(again, "خبر آخر"))[4]]
        assert "not a date" in origins
        # Imported again into a library that has them: nothing changes, none twice.
        before = user.all_rows(again)
        library.import_paths(again, [path])
        after = user.all_rows(again)
        assert {t: len(rows) for t, rows in after.items()} == {
            t: len(rows) for t, rows in before.items()
        }


def marked_article(folder: Path, body: str, marks: list[dict]) -> Path:
    """A TimelineJS file as this program writes one, of one article with these marks."""
    from timeline.ingest.timelinejs import ARTICLE_KEY, USER_KEY

    record = {"id": 1, "title": "عنوان", "body": body, USER_KEY: {"mentions": marks}}
    path = folder / "in.json"
    document = {"events": [{"start_date": {"year": 2021}, ARTICLE_KEY: record}]}
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


def test_a_mark_whose_text_moved_is_found_and_one_that_is_gone_is_left_out(
    store: Store, tmp_path: Path
) -> None:
    body = "اجتمع المجلس في 10 شوال 1442 هـ ثم في 5 يونيو 2021."
    at = body.index("5 يونيو 2021")
    marks = [
        {"start": at + 3, "end": at + 15, "text": "5 يونيو 2021", "typed": "2021-06-06"},
        {"start": 0, "end": 5, "text": "ليس في النص", "not_a_date": True},
        {"start": 0, "end": 5, "text": "اجتمع", "typed": "لا تاريخ"},  # no date reads
        {"start": "0", "end": 5, "text": "x"},  # no place: not a mark
    ]
    report = library.import_paths(store, [marked_article(tmp_path, body, marks)])
    assert [f.left_out for f in report.files] == [2]
    (row,) = store.conn.execute("SELECT span_start, span_end, typed, value FROM user_mentions")
    assert row == (at, at + len("5 يونيو 2021"), "2021-06-06", "2021-06-06")


def test_marks_out_of_place_are_looked_for_a_bounded_number_of_times(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of marks whose text is not at its place must not cost a pass over the body
    each: past MOVED_MARKS_SOUGHT an article's are left out unsought."""
    monkeypatch.setattr(edits, "MOVED_MARKS_SOUGHT", 3)
    body = "اجتمع المجلس في 5 يونيو 2021 ثم في 6 يونيو 2021 وفي 7 يونيو 2021 وفي 8 يونيو 2021."
    marks = [
        {"start": 0, "end": 3, "text": f"{day} يونيو 2021", "typed": f"2021-07-0{day}"}
        for day in (5, 6, 7, 8)
    ]
    report = library.import_paths(store, [marked_article(tmp_path, body, marks)])
    assert [f.left_out for f in report.files] == [1]
    typed = [t for (t,) in store.conn.execute("SELECT typed FROM user_mentions ORDER BY 1")]
    assert typed == ["2021-07-05", "2021-07-06", "2021-07-07"]


def test_tag_colours_come_back_from_a_timelinejs_export_and_a_librarys_own_stay(
    edited: Store,  # noqa: F811
    tmp_path: Path,
    json_read: str,
) -> None:
    edits.set_tag_colour(edited, "حروب", "#123456")
    edits.set_tag(edited, edits.article_target(edited, article_id(edited, "حرب قديمة")), "هدنة")
    edits.set_tag_colour(edited, "هدنة", "#ABCDEF")
    path = tmp_path / "out.json"
    export(edited, "timelinejs", Selection(), path)
    with Store(tmp_path / "again.db") as again:
        library.import_paths(again, [write_articles(tmp_path / "other.jsonl")])
        edits.set_tag(again, edits.article_target(again, article_id(again, "خبر آخر")), "هدنة")
        edits.set_tag_colour(again, "هدنة", "#00ff00")  # the library's own: it stays
        library.import_paths(again, [path])
        colours = {name: colour for name, colour, _count in user.tags(again)}
        assert colours == {"حروب": "#123456", "هدنة": "#00ff00"}


def test_tag_colours_that_are_not_are_left_out() -> None:
    from timeline.ingest.timelinejs import tag_colours

    given = {"a": "#A0B0C0", "b": "red", "c;d": "#000000", "": "#111111", "e": 5, "f ": "#222222"}
    assert tag_colours(given) == (("a", "#a0b0c0"), ("f", "#222222"))
    assert tag_colours(["a", "#000000"]) == ()


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [("articles-jsonl", "jsonl"), ("articles-csv", "csv"), ("articles-xlsx", "xlsx")],
)
def test_table_exports_carry_the_users_whole_say_as_timelinejs_does(
    edited: Store,  # noqa: F811
    tmp_path: Path,
    fmt: str,
    suffix: str,
) -> None:
    """The library's articles as JSON Lines (the streaming format), CSV or a workbook
    come back as the TimelineJS file's do: the same values, events, marks and colours.
    CSV and workbooks lost the events added, the mentions' corrections and marks and the
    tags' colours (their columns held tags, note and hidden only)."""
    from tests.edits.test_survival import mention

    war_day = mention(edited, "حرب قديمة", "1954")
    target = user.mention_target(war_day.uid, war_day.span_start, war_day.span_end)
    edits.set_tag(edited, target, "هدنة")
    edits.set_tag_colour(edited, "هدنة", "#abcdef")
    edits.add_event(edited, "10 شوال 1442 هـ", "اجتماع المجلس")
    libraries = []
    for made, ending in (("timelinejs", "json"), (fmt, suffix)):
        path = tmp_path / f"out.{ending}"
        export(edited, made, Selection(with_hidden=True), path)
        again = Store(tmp_path / f"{ending}.db")
        assert [f.left_out for f in library.import_paths(again, [path]).files] == [0]
        libraries.append(again)
    by_timelinejs, by_table = libraries
    try:
        for title in ("حرب قديمة", "خبر آخر"):
            shown = as_shown(by_table, article_id(by_table, title))
            assert shown == as_shown(by_timelinejs, article_id(by_timelinejs, title))
        assert added_rows(by_table) == added_rows(by_timelinejs)
        assert user.tags(by_table) == user.tags(by_timelinejs)
        assert ("هدنة", "#abcdef", 1) in user.tags(by_table)
    finally:
        for store in libraries:
            store.close()


def test_another_programs_string_of_tags_is_cut_at_commas_and_ours_is_not(
    edited: Store,  # noqa: F811
    tmp_path: Path,
) -> None:
    """WordPress and spreadsheets write "politics, economy"; a tag of ours may hold a
    comma, and our exports (their uid and imported_at) are cut only at ; and ؛."""
    assert read_tags("سياسة، اقتصاد, رياضة | ثقافة", ours=False) == (
        "سياسة",
        "اقتصاد",
        "رياضة",
        "ثقافة",
    )
    assert read_tags(["الرياض، السعودية"], ours=False) == ("الرياض، السعودية",)  # a list's item
    war = article_id(edited, "حرب قديمة")
    edits.set_tag(edited, edits.article_target(edited, war), "الرياض، السعودية")
    for fmt, suffix in (("articles-csv", "csv"), ("articles-jsonl", "jsonl")):
        path = tmp_path / f"out.{suffix}"
        export(edited, fmt, Selection(), path)
        with Store(tmp_path / f"{suffix}.db") as again:
            library.import_paths(again, [path])
            assert sorted(shown(again, "حرب قديمة").tags) == ["الرياض، السعودية", "حروب"]
    foreign = tmp_path / "foreign.csv"
    foreign.write_text('title,body,tags\nعنوان,نص الخبر,"politics, economy"\n', "utf-8")
    with ArticleFile(foreign) as read:
        (draft,) = list(read)
    assert draft.tags == ("politics", "economy")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [
        ("articles-csv", "csv"),
        ("articles-jsonl", "jsonl"),
        ("articles-xlsx", "xlsx"),
        ("timelinejs", "json"),
    ],
)
def test_a_corrected_publication_comes_back_as_the_users_over_the_articles_own(
    tmp_path: Path, fmt: str, suffix: str
) -> None:
    """A fact-checker's corrected publication date, exported and imported into another
    library, came back as the article's own date: no "corrected", the outlet's own date
    (in the file's published_raw) lost, while a mention's correction came back as the
    user's.  Now the article's own comes back from published_raw, the user's date over
    it (marked corrected), and the mentions count from the user's date, as after the
    edit; imported again into the library it came from, nothing is added twice."""
    record = {
        "title": "خبر مؤرخ خطأ",
        "body": "وصل الوفد أمس إلى المدينة.",
        "published": "2015-07-21T02:16:50",
        "source": "صحيفة",
    }
    path = tmp_path / f"out.{suffix}"
    with library_of(tmp_path, record) as (first, _feed):
        the_id = article_id(first, "خبر مؤرخ خطأ")
        edits.correct_article(first, the_id, "published", "2015-07-19 10:00")
        export(first, fmt, Selection(), path)
        with Store(tmp_path / "again.db") as again:
            assert library.import_paths(again, [path]).added == 1
            back = shown(again, "خبر مؤرخ خطأ")
            (stored,) = again.articles()
        again_report = library.import_paths(first, [path])
        assert again_report.added == 0 and again_report.duplicates == 1
    assert stored.published == "2015-07-21T02:16:50"  # the outlet's own
    assert back.published == "2015-07-19T10:00"
    assert back.origins["published"] == "corrected"
    (yesterday,) = [e for e in back.events if e.date is not None and e.label.startswith("وصل")]
    assert yesterday.date.value == "2015-07-18"  # أمس of the user's date, not 2015-07-20


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [
        ("articles-csv", "csv"),
        ("articles-jsonl", "jsonl"),
        ("articles-xlsx", "xlsx"),
        ("timelinejs", "json"),
    ],
)
def test_a_corrected_title_and_source_come_back_as_the_users_over_the_articles_own(
    tmp_path: Path, fmt: str, suffix: str
) -> None:
    """An archivist's library, exported and imported into a new one, gave a corrected
    title and source as the article's own: the outlet's title and source were lost, no
    "corrected" said anyone had changed them, and the article's key (made of them)
    changed, so the outlet's file imported there again added the article twice.  Now the
    export carries the article's own beside the user's (x-timeline-user's "own"), the
    import stores the own and gives the user's over them."""
    record = {
        "title": "عنوان الصحيفة الأصلي",
        "body": "وصل الوفد أمس إلى المدينة.",
        "published": "2015-07-21T02:16:50",
        "source": "صحيفة",
    }
    path = tmp_path / f"out.{suffix}"
    with library_of(tmp_path, record) as (first, feed):
        the_id = article_id(first, "عنوان الصحيفة الأصلي")
        edits.correct_article(first, the_id, "title", "عنوان صححه المؤرشف")
        edits.correct_article(first, the_id, "source", "وكالة الأنباء")
        export(first, fmt, Selection(), path)
        again_report = library.import_paths(first, [path])
        assert again_report.added == 0 and again_report.duplicates == 1
    with Store(tmp_path / "again.db") as again:
        assert library.import_paths(again, [path]).added == 1
        (stored,) = again.articles()
        back = edits.shown_article(again, stored.id)
        # The outlet's own file, imported into the new library: the article it holds.
        report = library.import_paths(again, [feed])
        assert report.added == 0 and report.duplicates == 1
        assert library.import_paths(again, [path]).added == 0  # the user's not given twice
        corrections = user.get_row(again, "user_article_fields", (stored.uid, "title"))
    assert (stored.title, stored.source) == ("عنوان الصحيفة الأصلي", "صحيفة")
    assert back is not None
    assert (back.title, back.source) == ("عنوان صححه المؤرشف", "وكالة الأنباء")
    assert back.origins["title"] == back.origins["source"] == "corrected"
    assert corrections is not None


def test_a_corrected_publication_is_given_to_the_article_the_library_holds(
    tmp_path: Path,
) -> None:
    """Imported into a library that holds the article uncorrected, the file's date is
    given to it as the user's, and its mentions follow it at once."""
    record = {"title": "خبر", "body": "وصل الوفد أمس.", "published": "2015-07-21T02:16:50"}
    path = tmp_path / "out.csv"
    with library_of(tmp_path, record) as (first, feed):
        edits.correct_article(first, article_id(first, "خبر"), "published", "2015-07-19")
        export(first, "articles-csv", Selection(), path)
    with Store(tmp_path / "other.db") as other:
        library.import_paths(other, [feed])
        report = library.import_paths(other, [path])
        assert report.added == 0 and report.duplicates == 1
        back = shown(other, "خبر")
    assert back.published == "2015-07-19" and back.origins["published"] == "corrected"
    (yesterday,) = [e for e in back.events if e.date is not None and e.label.startswith("وصل")]
    assert yesterday.date.value == "2015-07-18"


@pytest.mark.parametrize(
    "said",
    [2015, 20150719, ["2015-07-19"], {"date": "2015-07-19"}, None, "2015-07-19" + " " * 200, " "],
)
@pytest.mark.parametrize(("fmt", "suffix"), [("articles-csv", "csv"), ("articles-jsonl", "jsonl")])
def test_a_users_publication_that_is_not_a_date_string_is_counted_and_the_own_kept(
    tmp_path: Path, fmt: str, suffix: str, said: object
) -> None:
    """x-timeline-user.published edited by hand to a number, a list, an object, null or
    a string longer than a date: the user's date (the published column) was taken as the
    article's own, marked computed, and the outlet's date was lost.  As for a string that
    is not a date: the article's own date is its published_raw, nothing is given as the
    user's, and the value is counted as left out."""
    record = {"title": "خبر", "body": "وصل الوفد أمس.", "published": "2015-07-21T02:16:50"}
    path = tmp_path / f"out.{suffix}"
    with library_of(tmp_path, record) as (first, _feed):
        edits.correct_article(first, article_id(first, "خبر"), "published", "2015-07-19")
        export(first, fmt, Selection(), path)
    if suffix == "jsonl":
        (line,) = path.read_text("utf-8").splitlines()
        written = json.loads(line)
        assert written["x-timeline-user"]["published"] == "2015-07-19"
        written["x-timeline-user"]["published"] = said
        path.write_text(json.dumps(written, ensure_ascii=False) + "\n", "utf-8")
    else:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            header, row = list(csv.reader(stream))
        column = header.index("x-timeline-user")
        carried = json.loads(row[column])
        assert carried["published"] == "2015-07-19"
        row[column] = json.dumps({**carried, "published": said}, ensure_ascii=False)
        with path.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerows([header, row])
    with Store(tmp_path / "again.db") as again:
        report = library.import_paths(again, [path])
        assert report.added == 1
        (stored,) = again.articles()
        back = edits.shown_article(again, stored.id)
        row_said = user.get_row(again, "user_article_fields", (stored.uid, "published"))
    assert stored.published == "2015-07-21T02:16:50"  # the outlet's own
    assert back is not None and back.origins["published"] == "computed"
    assert row_said is None
    assert [f.left_out for f in report.files] == [1]
