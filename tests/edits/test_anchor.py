"""Mentions that count from the publication date follow the date the user gives it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline import edits, library
from timeline.cli import cli
from timeline.model import from_axis
from timeline.store import Store, StoreError
from timeline.store import edits as user
from timeline.store.repair import salvage

# Written for these tests.  Published (as computed) on Monday 20 July 2015 at 10:00:
# "اليوم" is that day, "أمس" the day before, "15 مارس" (no year) March 2015, and
# "3 مارس 2014" is a date of its own.
BODY = (
    "أعلنت الوزارة اليوم نتائج الاختبارات. وكانت اللجنة قد اجتمعت أمس لمراجعتها. "
    "وكان التسجيل قد بدأ في 15 مارس. وكان القرار الأول قد صدر في 3 مارس 2014."
)
ARTICLE = {
    "title": "نتائج الاختبارات",
    "source": "مصدر",
    "body": BODY,
    "published": "2015-07-20T10:00:00",
}


@pytest.fixture
def article(store: Store, tmp_path: Path) -> int:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(ARTICLE, ensure_ascii=False), "utf-8")
    assert library.import_paths(store, [path]).added == 1
    (found,) = [a.id for a in store.articles()]
    return found


def days(store: Store, article_id: int) -> dict[str, str]:
    """The stored mentions' days (or the value of one with no place) by their text."""
    out = {}
    for event in store.events_of(article_id):
        if event.span_start is None or event.kind == "published":
            continue
        text = BODY[event.span_start : event.span_end]
        out[text] = (
            from_axis(event.start).date().isoformat() if event.start is not None else event.value
        )
    return out


def day_of(found: dict[str, str], word: str) -> str:
    (day,) = [
        d for text, d in found.items() if word in text and (word != "مارس" or "2014" not in text)
    ]
    return day


def test_relative_mentions_follow_a_corrected_publication_date(store: Store, article: int) -> None:
    before = days(store, article)
    assert day_of(before, "اليوم") == "2015-07-20"
    assert day_of(before, "أمس") == "2015-07-19"
    assert day_of(before, "15 مارس").startswith("2015-03-15")
    assert day_of(before, "2014") == "2014-03-03"

    changes = edits.correct_article(store, article, "published", "2017-05-02")
    after = days(store, article)
    assert day_of(after, "اليوم") == "2017-05-02"
    assert day_of(after, "أمس") == "2017-05-01"
    assert day_of(after, "15 مارس").startswith("2017-03-15")
    assert day_of(after, "2014") == "2014-03-03"  # a date of its own does not move

    edits.undo(store, changes)
    assert days(store, article) == before
    edits.redo(store, changes)
    assert days(store, article) == after
    edits.correct_article(store, article, "published", None)  # taken back
    assert days(store, article) == before


def test_recompute_counts_from_the_date_the_user_gave(store: Store, article: int) -> None:
    edits.correct_article(store, article, "published", "2017-05-02")
    after = days(store, article)
    library.recompute_events(store, processes=1)
    assert days(store, article) == after
    # The computed publication is kept beside the user's (DESIGN.md rule 5).
    assert store.article(article).published.startswith("2015-07-20")  # type: ignore[union-attr]


def test_recompute_moves_the_mentions_of_a_date_given_before_they_followed(
    store: Store, article: int
) -> None:
    """A library whose user gave the date before the mentions followed it: its row
    written as it was then, the mentions left counting from the computed date."""
    uid = store.article(article).uid  # type: ignore[union-attr]
    date = edits.read_published("2017-05-02")
    row = {"article_uid": uid, "field": "published", "value": "2017-05-02"}
    row.update({"date_value": date.value, "granularity": date.granularity})
    row.update({"start": date.start, "end": date.end, "who": "someone", "at": "2026-01-01"})
    with store.transaction():
        user.put_row(store, "user_article_fields", (uid, "published"), row)
    assert day_of(days(store, article), "اليوم") == "2015-07-20"
    library.recompute_events(store, processes=1)
    assert day_of(days(store, article), "اليوم") == "2017-05-02"
    assert day_of(days(store, article), "15 مارس").startswith("2017-03-15")


def test_the_users_marks_on_mentions_stay_on_their_spans(store: Store, article: int) -> None:
    (today,) = [
        e
        for e in store.events_of(article)
        if e.span_start is not None and "اليوم" in BODY[e.span_start : e.span_end]
    ]
    mention = edits.mention_of_event(store, today.id)  # type: ignore[arg-type]
    edits.correct_mention(store, mention, "2015-07-01")
    edits.set_tag(store, edits.event_target(store, today.id), "مراجعة")  # type: ignore[arg-type]
    edits.correct_article(store, article, "published", "2017-05-02")
    shown = edits.shown_article(store, article)
    assert shown is not None
    (event,) = [
        e
        for e in shown.events
        if e.computed is not None
        and (e.computed.span_start, e.computed.span_end) == (mention.span_start, mention.span_end)
    ]
    assert event.origin == "corrected" and event.date is not None
    assert from_axis(event.date.start).date().isoformat() == "2015-07-01"  # type: ignore[arg-type]
    assert event.tags == ("مراجعة",)
    # ... while the mentions the user left to the program moved with the date.
    moved = {e.label: e for e in shown.events if e.origin == "computed"}
    assert any(
        e.date is not None
        and e.date.start is not None
        and from_axis(e.date.start).date().isoformat() == "2017-05-01"
        for e in moved.values()
    )


def test_the_command_lines_correction_moves_them_too(tmp_path: Path) -> None:
    """`timeline edit article ID --published ...` and `show`: the use case the window
    calls, through the command line."""
    db = tmp_path / "cli.db"
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(ARTICLE, ensure_ascii=False), "utf-8")
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    run("import", str(path))
    run("edit", "article", "1", "--published", "2017-05-02")
    shown = json.loads(run("show", "1", "--json"))
    (today,) = [
        e
        for e in shown["events"]
        if e["span_start"] is not None and "اليوم" in BODY[e["span_start"] : e["span_end"]]
    ]
    assert today["value"] == "2017-05-02"


def test_an_article_removed_and_imported_again_counts_from_the_date_given(
    store: Store, article: int, tmp_path: Path
) -> None:
    """What the user said is kept by the article's uid when it is removed, and comes
    back with it: its publication date too, which its mentions count from."""
    edits.correct_article(store, article, "published", "2017-05-02")
    after = days(store, article)
    assert library.remove_articles(store, [article]) == [article]
    path = tmp_path / "again.jsonl"
    path.write_text(json.dumps(ARTICLE, ensure_ascii=False), "utf-8")
    assert library.import_paths(store, [path]).added == 1
    (again,) = [a.id for a in store.articles()]
    assert days(store, again) == after


def test_a_time_the_user_gives_after_midnight_is_the_writers_own(
    store: Store, article: int
) -> None:
    """A stamp of unknown kind between midnight and five is read as a crawl's, its
    "today" the day before; a date the user gives is said by hand (declared)."""
    edits.correct_article(store, article, "published", "2017-05-02 02:30")
    assert day_of(days(store, article), "اليوم") == "2017-05-02"


def given_the_old_way(path: Path, article_id: int, typed: str = "2017-05-02") -> None:
    """The store as a version before the correction dated the text from it left it: the
    user's row written, the mentions on the computed date, the schema at v19."""
    all_given_the_old_way(path, {article_id: typed})


def all_given_the_old_way(path: Path, typed: dict[int, str]) -> None:
    """given_the_old_way for several articles, each with its date."""
    with Store(path) as store, store.transaction():
        for article_id, said in typed.items():
            uid = store.article(article_id).uid  # type: ignore[union-attr]
            date = edits.read_published(said)
            row = {"article_uid": uid, "field": "published", "value": said}
            row.update({"date_value": date.value, "granularity": date.granularity})
            row.update({"start": date.start, "end": date.end})
            row.update({"who": "someone", "at": "2026-01-01"})
            user.put_row(store, "user_article_fields", (uid, "published"), row)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE IF EXISTS given_dates_to_follow")
    conn.execute("PRAGMA user_version = 19")
    conn.close()


@pytest.fixture
def old_library(tmp_path: Path) -> tuple[Path, int]:
    """A library of two articles, the first's date corrected by an older version."""
    path = tmp_path / "old.db"
    lines = tmp_path / "two.jsonl"
    other = {**ARTICLE, "title": "خبر آخر", "body": "وصل الوفد اليوم إلى الرياض."}
    lines.write_text(
        "\n".join(json.dumps(a, ensure_ascii=False) for a in (ARTICLE, other)), "utf-8"
    )
    with Store(path) as store:
        assert library.import_paths(store, [lines], processes=1).added == 2
        (first,) = [a.id for a in store.articles() if a.title == ARTICLE["title"]]
    given_the_old_way(path, first)
    return path, first


def test_a_date_given_before_the_text_followed_it_is_followed_once_on_upgrade(
    old_library: tuple[Path, int],
) -> None:
    path, article = old_library
    with Store(path) as store:
        assert day_of(days(store, article), "اليوم") == "2015-07-20"  # still the computed
        ids = {e.span_start: e.id for e in store.events_of(article)}
        assert store.given_dates_to_follow() == [article]  # noted by the upgrade
        assert library.recompute_events(store, changed_only=True, processes=1) == 1
        after = days(store, article)
        assert day_of(after, "اليوم") == "2017-05-02"
        assert day_of(after, "15 مارس").startswith("2017-03-15")
        # ids kept, as the correction keeps them: the window and scripts name events so
        assert {e.span_start: e.id for e in store.events_of(article)} == ids
        assert store.given_dates_to_follow() == []
        assert library.recompute_events(store, changed_only=True, processes=1) == 0
    with Store(path) as store:  # never again
        assert store.given_dates_to_follow() == []
        assert days(store, article) == after


def test_a_date_given_by_this_version_is_never_noted(store: Store, article: int) -> None:
    edits.correct_article(store, article, "published", "2017-05-02")
    assert store.given_dates_to_follow() == []


def test_the_command_line_says_so_and_recompute_changed_does_it(
    old_library: tuple[Path, int],
) -> None:
    path, article = old_library
    runner = CliRunner()
    listed = runner.invoke(cli, ["--db", str(path), "list"])
    assert listed.exit_code == 0, listed.output
    assert "1 article whose publication date was corrected" in listed.stderr
    done = runner.invoke(cli, ["--db", str(path), "recompute", "--changed"])
    assert done.exit_code == 0, done.output
    assert "re-computed the events of 1 article (" in done.output
    with Store(path) as store:
        assert day_of(days(store, article), "أمس") == "2017-05-01"
    listed = runner.invoke(cli, ["--db", str(path), "list"])
    assert "publication date was corrected" not in listed.stderr


def test_a_whole_recompute_takes_the_notes_out(old_library: tuple[Path, int]) -> None:
    path, article = old_library
    with Store(path) as store:
        library.recompute_events(store, processes=1)
        assert day_of(days(store, article), "اليوم") == "2017-05-02"
        assert store.given_dates_to_follow() == []


def test_a_read_only_old_library_is_not_written(old_library: tuple[Path, int]) -> None:
    path, _article = old_library
    before = path.read_bytes()
    with pytest.raises(StoreError):
        Store(path, read_only=True)
    assert path.read_bytes() == before


def test_a_salvage_of_an_older_library_notes_them_as_its_upgrade_does(
    old_library: tuple[Path, int], tmp_path: Path
) -> None:
    path, article = old_library
    report = salvage(path, tmp_path / "saved.db")
    assert report.tables_lost == []
    with Store(tmp_path / "saved.db") as saved:
        assert saved.given_dates_to_follow() == [article]


def test_only_the_mentions_that_move_are_written(store: Store, article: int) -> None:
    """A long text dates most of its mentions itself: rewriting each of them cost a
    correction of a 10 MB text a sixth of its time, for rows left as they were."""
    conn = store.db.conn
    conn.execute("CREATE TEMP TABLE written (id INTEGER)")
    conn.execute(
        "CREATE TEMP TRIGGER note_written AFTER UPDATE ON events"
        " BEGIN INSERT INTO written VALUES (old.id); END"
    )
    by_text = {
        BODY[e.span_start : e.span_end]: e.id
        for e in store.events_of(article)
        if e.span_start is not None
    }
    edits.correct_article(store, article, "published", "2017-05-02")
    written = {i for (i,) in conn.execute("SELECT id FROM written")}
    assert written == {i for text, i in by_text.items() if "2014" not in text}


def mentions_by_span(
    store: Store, ids: list[int]
) -> dict[tuple[int, int | None, int | None], tuple]:
    return {
        (e.article_id, e.span_start, e.span_end): (
            e.kind,
            e.start,
            e.end,
            e.granularity,
            e.value,
            e.label,
            e.confidence,
        )
        for i in ids
        for e in store.events_of(i)
        if e.kind not in ("published", "stated")
    }


def test_corrected_and_followed_dates_date_the_text_as_a_whole_recompute_does(
    tmp_path: Path, corpus: Path
) -> None:
    """Real articles: a correction of each one's date (through the rows it keeps), and
    the upgrade's pass over dates corrected the old way, give the mentions a whole
    recompute finds from those dates."""
    path = tmp_path / "real.db"
    with Store(path) as store:
        sample = corpus / "saudinewsnet" / "sample.jsonl"
        assert library.import_paths(store, [sample], processes=1).added > 100
        ids = [a.id for a in store.articles()]
        days_given = {i: f"2016-{1 + n % 12:02d}-{1 + n % 28:02d}" for n, i in enumerate(ids)}
        for i in ids[::2]:
            edits.correct_article(store, i, "published", days_given[i])
    # The others corrected by an older version (the upgrade notes all that were given).
    all_given_the_old_way(path, {i: days_given[i] for i in ids[1::2]})
    with Store(path) as store:
        assert set(store.given_dates_to_follow()) == set(ids)
        corrected = mentions_by_span(store, ids[::2])
        old_way = mentions_by_span(store, ids[1::2])
        library.recompute_events(store, changed_only=True, processes=1)
        followed = mentions_by_span(store, ids)
        assert mentions_by_span(store, ids[1::2]) != old_way  # they did count from another
        assert mentions_by_span(store, ids[::2]) == corrected  # nothing more to do there
        library.recompute_events(store, processes=1)
        assert followed == mentions_by_span(store, ids)


@pytest.mark.parametrize("typed", ["0001-01-01", "9999-12-31", "2300-03-01"])
def test_a_date_given_past_the_timelines_years_leaves_relative_mentions_unresolved(
    store: Store, article: int, typed: str
) -> None:
    """Any ISO day may be given (decided), but counted from, 0001-01-01's أمس and
    9999's مارس المقبل ran off the calendar: the edit ended "unexpected ValueError: year
    0 is out of range".  Such a date is counted from as an imported one outside the
    years placed on the timeline is: as none."""
    edits.correct_article(store, article, "published", typed)
    shown = edits.shown_article(store, article)
    assert shown is not None and shown.origins["published"] == "corrected"
    after = days(store, article)
    assert day_of(after, "2014") == "2014-03-03"  # a date of its own is still read
    assert day_of(after, "اليوم") == "PRESENT_REF"  # no place: nothing to count from
    assert day_of(after, "أمس") == "PAST_REF"
    assert day_of(after, "15 مارس") == "XXXX-03-15"  # no year to give it


def test_an_export_carrying_a_date_at_the_calendars_end_is_imported_whole(
    store: Store, article: int, tmp_path: Path
) -> None:
    """A file of ours whose one corrected publication is 9999-12-31 (a date a user
    may give) failed whole: "could not be read (ValueError: year 10000 is out of
    range)", every other article of it lost with it."""
    path = tmp_path / "out.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n, typed in enumerate(("9999-12-31", "2015-07-19")):
            record = dict(ARTICLE, title=f"خبر {n}", body=BODY + " وسيعقد المؤتمر في يوليو المقبل.")
            record["x-timeline-user"] = {"published": typed}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    with Store(tmp_path / "other.db") as other:
        report = library.import_paths(other, [path])
        assert report.failed == [] and report.added == 2
        given = sorted(edits.shown_article(other, a.id).published for a in other.articles())  # type: ignore[union-attr]
    assert given == ["2015-07-19", "9999-12-31"]
