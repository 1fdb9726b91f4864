"""CSV and JSON Lines exports: every stored column, and articles that import back the same."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.export.conftest import library_of, snapshot
from timeline.export import Selection, export, write_text
from timeline.store import Store
from timeline.store.export_data import ARTICLE_COLUMNS, EVENT_COLUMNS


def _columns(store: Store, table: str) -> list[str]:
    return [row[1] for row in store.db.conn.execute(f"PRAGMA table_info({table})")]


def test_every_stored_column_is_written(sample_store: Store) -> None:
    # A column added to the schema without being exported fails here.
    assert list(ARTICLE_COLUMNS) == _columns(sample_store, "articles")
    assert list(EVENT_COLUMNS) == _columns(sample_store, "events")
    out = io.StringIO()
    write_text(sample_store, "events-jsonl", Selection(), out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == sample_store.count_events()
    stored = {
        row[0]: row
        for row in sample_store.db.conn.execute(
            "SELECT " + ", ".join(f'"{c}"' for c in EVENT_COLUMNS) + " FROM events"
        )
    }
    for row in rows:
        assert tuple(row[c] for c in EVENT_COLUMNS) == stored[row["id"]]


def test_events_csv_has_a_row_per_event_with_its_columns(sample_store: Store) -> None:
    out = io.StringIO()
    count = write_text(sample_store, "events-csv", Selection(), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == len(rows) == sample_store.count_events()
    first = sample_store.db.conn.execute(
        "SELECT id, label, value FROM events ORDER BY id"
    ).fetchone()
    (row,) = [r for r in rows if int(r["id"]) == first[0]]
    assert (row["label"], row["value"]) == (first[1], first[2])
    # NULL is an empty cell (a point has no end).
    assert any(r["end"] == "" for r in rows)


def test_articles_jsonl_round_trip_through_the_jsonl_importer(
    sample_store: Store, tmp_path: Path, reimport
) -> None:
    path = tmp_path / "articles.jsonl"
    assert export(sample_store, "articles-jsonl", Selection(), path) == 14
    assert reimport(path) == snapshot(sample_store)


def test_articles_csv_round_trip(sample_store: Store, tmp_path: Path, reimport) -> None:
    path = tmp_path / "articles.csv"
    export(sample_store, "articles-csv", Selection(), path)
    assert reimport(path) == snapshot(sample_store)  # through the CSV importer itself


@pytest.mark.parametrize("fmt", ["articles-csv", "articles-jsonl", "articles-xlsx", "timelinejs"])
@pytest.mark.parametrize(("typed", "value"), [("سبتمبر 2015", "2015-09"), ("الثمانينيات", "198X")])
def test_a_publication_date_given_as_a_month_or_decade_imports_back_as_one(
    sample_store: Store, tmp_path: Path, fmt: str, typed: str, value: str
) -> None:
    """An export writes the user's publication date as its stored value ("2015-09",
    "198X"), which an import read as no date: the article came back undated.  It comes
    back as the user's date (the article's own from its published_raw, beneath it)."""
    from timeline import edits
    from timeline.library import import_paths

    title, own = sample_store.db.conn.execute(
        "SELECT title, published FROM articles WHERE id = 1"
    ).fetchone()
    edits.correct_article(sample_store, 1, "published", typed)
    path = tmp_path / f"articles.{'json' if fmt == 'timelinejs' else fmt.split('-')[1]}"
    export(sample_store, fmt, Selection(), path)
    with Store(tmp_path / "again.db") as again:
        assert not import_paths(again, [path], strict=True).failed
        article_id, stored = again.db.conn.execute(
            "SELECT id, published FROM articles WHERE title = ?", (title,)
        ).fetchone()
        shown = edits.shown_article(again, article_id)
    assert stored == own
    assert shown is not None and shown.published == value
    assert shown.origins["published"] == "corrected"


@pytest.mark.parametrize("fmt", ["articles-csv", "articles-jsonl", "articles-xlsx"])
def test_the_date_lines_articles_were_read_from_import_back(
    sample_store: Store, tmp_path: Path, fmt: str
) -> None:
    """Each article comes back with the text its date was read from (a Hijri date line as
    its site wrote it), not with the ISO date the published column holds (a Hijri
    month's came back as its first day); one whose date the user corrected comes back
    with its own too, the user's date said again over it (it came back as its own, the
    outlet's lost)."""
    from timeline import edits
    from timeline.library import import_paths

    conn = sample_store.db.conn
    edits.correct_article(sample_store, 2, "published", "1956-07-27")
    # A Hijri month is stored as its days (2015-07-17/2015-08-15), read back as one.
    feed = tmp_path / "hijri.jsonl"
    record = {"title": "خبر في شهر هجري", "body": "نص قصير.", "published": "شوال 1436 هـ"}
    feed.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    assert import_paths(sample_store, [feed]).added == 1
    stored = dict(conn.execute("SELECT title, published_raw FROM articles"))
    assert any("هـ" in raw for raw in stored.values())  # Hijri lines among them
    path = tmp_path / f"articles.{fmt.split('-')[1]}"
    export(sample_store, fmt, Selection(), path)
    with Store(tmp_path / "again.db") as again:
        assert not import_paths(again, [path], strict=True).failed
        back = dict(again.db.conn.execute("SELECT title, published_raw FROM articles"))
        given = again.db.conn.execute(
            "SELECT value FROM user_article_fields WHERE field = 'published'"
        ).fetchall()
    assert back == stored
    assert given == [("1956-07-27",)]


def test_csv_cells_that_a_spreadsheet_would_run_are_text(tmp_path: Path, reimport) -> None:
    """A web page's title or source starting like a formula (=, +, -, @, a tab) is
    written after an apostrophe, in article and event CSVs; numbers (a date before 1970
    is a negative second count) are not touched; the program's own CSV imports back as
    the values were, and JSON Lines holds them verbatim."""
    title = '=HYPERLINK("http://example.invalid","click")'
    source = "@SUM(1+1)"
    record = {"title": title, "body": "-نص الخبر في 12 مايو 1961", "source": source}
    with library_of(tmp_path, {**record, "published": "1961-05-12"}) as (store, _feed):
        out = io.StringIO()
        write_text(store, "articles-csv", Selection(), out)
        (row,) = csv.DictReader(io.StringIO(out.getvalue()))
        assert (row["title"], row["source"]) == ("'" + title, "'" + source)
        assert row["body"].startswith("'-نص") and int(row["published_start"]) < 0
        out = io.StringIO()
        write_text(store, "events-csv", Selection(), out)
        labels = [r["label"] for r in csv.DictReader(io.StringIO(out.getvalue()))]
        assert labels and all(not label.startswith(("=", "+", "-", "@")) for label in labels)
        out = io.StringIO()
        write_text(store, "articles-jsonl", Selection(), out)
        assert json.loads(out.getvalue())["title"] == title
        path = tmp_path / "articles.csv"
        export(store, "articles-csv", Selection(), path)
        assert reimport(path) == snapshot(store)


def test_a_carriage_return_in_a_text_stays_in_its_row(tmp_path: Path, reimport) -> None:
    """Python's writer quotes a field holding a newline (its line terminator) but not
    one holding a bare carriage return, which every reader takes for a line's end: an
    article whose text held one came back as two rows, neither of them it."""
    records = [
        {"title": "عنوان\rأول", "body": "نص\rفي 12 مايو 2015\r", "source": "مصدر\r"},
        {"title": "عنوان ثان", "body": "نص آخر", "source": "مصدر"},
    ]
    with library_of(tmp_path, *records) as (store, _feed):
        for what in ("articles", "events"):
            out = io.StringIO()
            rows = write_text(store, f"{what}-csv", Selection(), out)
            read = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
            assert len(read) == rows + 1 and len({len(r) for r in read}) == 1
        path = tmp_path / "articles.csv"
        export(store, "articles-csv", Selection(), path)
        assert reimport(path) == snapshot(store)


def test_a_json_lines_record_is_one_line_for_any_reader(tmp_path: Path) -> None:
    """JSON lets U+2028, U+2029 and NEL stand raw in a string, but str.splitlines (and
    readers built on it) ends a line at each: they are written as escapes, the same
    JSON."""
    body = "نص\u2028سطر\u2029فقرة\x85 في 12 مايو 2015"
    with library_of(tmp_path, {"title": "عنوان\u2028ثان", "body": body}) as (store, _feed):
        for what in ("articles", "events"):
            out = io.StringIO()
            rows = write_text(store, f"{what}-jsonl", Selection(), out)
            lines = out.getvalue().splitlines()
            assert rows and len(lines) == rows
            assert all(isinstance(json.loads(line), dict) for line in lines)
        (article,) = [json.loads(line) for line in _written(store, "articles-jsonl").splitlines()]
        assert (article["title"], article["body"]) == ("عنوان\u2028ثان", body)


def _written(store: Store, fmt: str) -> str:
    out = io.StringIO()
    write_text(store, fmt, Selection(), out)
    return out.getvalue()


def test_a_leading_apostrophe_in_another_programs_csv_is_kept(tmp_path: Path) -> None:
    from timeline.library import import_paths

    sheet = tmp_path / "sheet.csv"
    sheet.write_text("title,body\n'=quoted,نص\n", encoding="utf-8")
    with Store(tmp_path / "t.db") as store:
        assert import_paths(store, [sheet]).added == 1
        assert [a.title for a in store.articles()] == ["'=quoted"]


def test_selection_by_query_source_and_dates(sample_store: Store) -> None:
    out = io.StringIO()
    write_text(sample_store, "articles-jsonl", Selection(query="القمر"), out)
    titles = [json.loads(line)["title"] for line in out.getvalue().splitlines()]
    assert titles and all("القمر" in t for t in titles)
    from datetime import datetime

    from timeline.model import to_axis

    out = io.StringIO()
    selection = Selection(
        date_from=to_axis(datetime(1969, 1, 1)), date_to=to_axis(datetime(1970, 1, 1))
    )
    write_text(sample_store, "events-jsonl", selection, out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows
    for row in rows:
        end = row["end"] if row["end"] is not None else row["start"] + 1
        assert row["start"] < selection.date_to and end > selection.date_from


def test_chosen_articles_events_are_read_as_asked_for(sample_store: Store) -> None:
    # Fetched whole, the events of a query choosing most of a store were all held at
    # once (200 MB for 143,439).  Read as asked for, two reads may be open at once and
    # one let go of halfway leaves nothing behind.
    from timeline.store.export_data import export_events

    conn = sample_store.db.conn
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    everything = list(export_events(sample_store, ids))
    assert len(everything) == conn.execute("SELECT count(*) FROM events").fetchone()[0]
    first, second = export_events(sample_store, ids), export_events(sample_store, ids[:2])
    pairs = list(zip(first, second, strict=False))  # interleaved: each keeps its own ids
    assert [a for a, _ in pairs] == everything[: len(pairs)]
    assert {b[1] for _, b in pairs} <= set(ids[:2])
    first.close()
    second.close()

    def temp_tables() -> list[str]:
        return [r[0] for r in conn.execute("SELECT name FROM temp.sqlite_master")]

    assert temp_tables() == []
    reading = export_events(sample_store, ids)
    next(reading)
    assert len(temp_tables()) == 1  # read as asked for: the ids' table is still there
    reading.close()
    assert temp_tables() == []


def test_a_read_let_go_of_after_its_store_closed_says_nothing(tmp_path: Path) -> None:
    # `timeline export --format events-csv --output - | head -1`: the reader stops, the
    # write fails, the store closes, and the events' read, let go of later, printed
    # "Exception ignored ... Cannot operate on a closed database" with its traceback.
    from tests.conftest import SAMPLES
    from timeline.library import import_paths
    from timeline.store.export_data import export_events

    store = Store(tmp_path / "t.db")
    import_paths(store, [SAMPLES])
    ids = [r[0] for r in store.db.conn.execute("SELECT id FROM articles")]
    reading = export_events(store, ids)
    next(reading)
    store.close()
    reading.close()  # raised ProgrammingError from its finally


def test_articles_are_fetched_a_few_at_a_time(
    sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A row holds a body of up to 10 million characters: 5,000 fetched at once (as
    # events are) would be gigabytes of long reports.
    from timeline.store import export_data
    from timeline.store import store as store_module

    asked: list[int] = []
    fetchmany = store_module._GuardedCursor.fetchmany

    def counted(self, size: int = 1):  # type: ignore[no-untyped-def]
        asked.append(size)
        return fetchmany(self, size)

    monkeypatch.setattr(store_module._GuardedCursor, "fetchmany", counted)
    ids = [r[0] for r in sample_store.db.conn.execute("SELECT id FROM articles")]
    for chosen in (None, ids):
        asked.clear()
        assert len(list(export_data.export_articles(sample_store, chosen))) == len(ids)
        assert asked and max(asked) <= 32
