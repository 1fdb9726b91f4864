"""Use cases: importing files into events, atomic files, re-computing events."""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, fail_mentions_in
from timeline import article_dates, library
from timeline.library import mention_events, parse_published
from timeline.model import DateValue, from_axis
from timeline.store import Store, StoreError


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records),
        encoding="utf-8",
    )
    return path


def article(n: int) -> dict[str, str]:
    return {"title": f"عنوان {n}", "body": f"متن المقال رقم {n}", "published": "2021-05-22"}


def test_seed_article_events(store: Store, corpus: Path) -> None:
    report = library.import_paths(store, [corpus / "seed" / "000_e3dea70be14111b3.txt"])
    assert report.added == 1 and not report.failed
    (article,) = store.articles()
    events = store.events_of(article.id)
    published = events[0]
    assert (published.kind, published.value) == ("published", "2021-05-22T01:32")
    by_value = {e.value: e for e in events[1:]}
    friday = by_value["2021-05-21"]
    assert friday.kind == "mentioned" and friday.end is None
    assert "اليوم الجمعة" in article.body[friday.span_start : friday.span_end]
    assert "الجمعة" in friday.label and len(friday.label) <= 240
    war = by_value["1950/1953"]
    assert war.kind == "mentioned" and war.granularity == "interval"
    assert from_axis(war.start).year == 1950 and from_axis(war.end).year == 1954
    decades = by_value["P70Y"]
    assert decades.kind == "duration" and decades.start is None


def test_a_bad_record_is_skipped_and_the_rest_imported(store: Store, tmp_path: Path) -> None:
    bad = write_jsonl(tmp_path / "bad.jsonl", [article(1), {"title": 3}, "{", article(4)])
    result = library.import_file(store, bad)
    assert result.error is None and result.added == 2
    assert result.rejected == 2
    assert result.rejections == [
        "line 2: missing or empty 'body'",
        "line 3: not valid JSON (Expecting property name enclosed in double quotes)",
    ]


def test_half_a_surrogate_pair_in_json_fails_neither_its_article_nor_the_file(
    store: Store, tmp_path: Path
) -> None:
    # A text cut inside an emoji by a program counting UTF-16 units: "\ud83d" alone is
    # valid JSON, and json.loads gives a str that SQLite cannot store.  The whole file
    # failed ("surrogates not allowed") and nothing of it was imported.
    cut = '{"title": "عنوان \\ud83d", "body": "متن \\udc00\\ud800 فيه", "published": "2021-05-22"}'
    whole = '{"title": "وجه \\ud83d\\ude00", "body": "متن آخر", "published": "2021-05-22"}'
    lines = write_jsonl(tmp_path / "cut.jsonl", [article(1), cut, whole])
    listed = tmp_path / "cut.json"
    listed.write_text(f"[{json.dumps(article(2))}, {cut.replace('عنوان', 'خبر')}]", "utf-8")
    report = library.import_paths(store, [lines, listed])
    assert not report.failed and report.added == 5
    titles = {a.title: a for a in store.articles()}
    assert titles["عنوان \ufffd"].body == "متن \ufffd\ufffd فيه"
    assert "خبر \ufffd" in titles
    assert "وجه \U0001f600" in titles  # a pair escaped whole is its character


def test_a_file_whose_name_is_not_utf8_is_imported_with_its_name_readable(
    store: Store, tmp_path: Path
) -> None:
    # A file named on another system (Windows-1256 bytes): Python keeps the bytes that
    # are not UTF-8 as lone surrogates, and every article failed on its origin.
    name = os.fsencode(tmp_path) + b"/\xe3\xd1\xc7\xd3\xe1 news.jsonl"
    with open(name, "wb") as out:
        out.write(json.dumps(article(1), ensure_ascii=False).encode("utf-8"))
    report = library.import_paths(store, [Path(os.fsdecode(name))])
    assert not report.failed and report.added == 1
    (stored,) = store.articles()
    assert stored.origin == f"{tmp_path}/\ufffd\ufffd\ufffd\ufffd\ufffd news.jsonl"


def test_a_record_without_a_title_is_kept_named_by_its_first_line(
    store: Store, tmp_path: Path
) -> None:
    """A wire item or a post has no headline: it was skipped as "not an article" (a
    feed's entry without one was already named by its first line)."""
    untitled = {**article(2), "title": "  "}
    untitled["body"] = "سطر أول عن القمة يوم 5 أيار 2021\nوبقية الخبر"
    missing = {k: v for k, v in article(3).items() if k != "title"}
    path = write_jsonl(
        tmp_path / "u.jsonl", [article(1), untitled, missing, {**article(4), "title": 7}]
    )
    result = library.import_file(store, path)
    assert (result.added, result.untitled, result.rejected) == (3, 2, 1)
    assert result.rejections == ["line 4: 'title' must be a string"]
    titles = {a.title for a in store.articles()}
    assert "سطر أول عن القمة يوم 5 أيار 2021" in titles
    assert missing["body"].split("\n", 1)[0].strip()[:200] in titles
    # Imported again, they are the same articles (the title made the same way).
    again = library.import_file(store, path)
    assert (again.added, again.duplicates) == (0, 3)


def test_strict_fails_the_whole_file_and_stores_nothing(store: Store, tmp_path: Path) -> None:
    bad = write_jsonl(tmp_path / "bad.jsonl", [article(1), {"title": 3}])
    result = library.import_file(store, bad, strict=True)
    assert result.error and "line 2" in result.error and result.added == 0
    assert store.count_articles() == 0 and store.count_events() == 0


def test_any_exception_is_only_that_files_failure(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = write_jsonl(tmp_path / "a_good.jsonl", [article(1)])
    deep = tmp_path / "b_deep.json"
    deep.write_text('{"a": ' + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")
    boom = write_jsonl(tmp_path / "c_boom.jsonl", [article(2), article(3)])
    after = write_jsonl(tmp_path / "d_after.jsonl", [article(4)])
    fail_mentions_in(monkeypatch, "3", "an importer bug")
    report = library.import_paths(store, [good, deep, boom, after])
    errors = {f.path.name: f.error for f in report.files}
    assert errors["a_good.jsonl"] is None and errors["d_after.jsonl"] is None
    assert "nested too deeply" in (errors["b_deep.json"] or "")
    assert "RuntimeError: an importer bug" in (errors["c_boom.jsonl"] or "")
    # c_boom's first article was rolled back with the rest of its file.
    assert sorted(a.title for a in store.articles()) == ["عنوان 1", "عنوان 4"]


def test_cancel_rolls_back_the_file_being_read(store: Store, tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(3)])
    second = write_jsonl(tmp_path / "b.jsonl", [article(n) for n in range(10, 20)])
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 8  # during the second file

    report = library.import_paths(store, [first, second], cancelled=cancelled)
    assert report.cancelled and [f.path.name for f in report.files] == ["a.jsonl"]
    assert store.count_articles() == 3


def _commits(store: Store) -> list[str]:
    """The COMMITs the store's connection runs from now on."""
    seen: list[str] = []
    store.db.conn.set_trace_callback(
        lambda sql: seen.append(sql) if sql.strip().upper() == "COMMIT" else None
    )
    return seen


@pytest.mark.parametrize(
    ("seconds", "copies", "commits"),
    # A group ends after its time once its articles are signed (a batch of ten here).
    [(60.0, True, 1), (0.0, False, 40), (0.0, True, 4)],
)
def test_small_files_are_written_a_group_at_a_time(
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    seconds: float,
    copies: bool,
    commits: int,
) -> None:
    # A commit a file cost a folder of one-article files more than its articles.
    monkeypatch.setattr(library, "GROUP_SECONDS", seconds)
    monkeypatch.setattr(library, "_SIGN_BATCH", 10)
    files = [write_jsonl(tmp_path / f"{n:02}.jsonl", [article(n)]) for n in range(40)]
    seen = _commits(store)
    report = library.import_paths(store, files, processes=1, copies=copies)
    assert report.added == 40 and len(seen) == commits


def test_a_larger_file_is_not_held_in_a_group(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The small files before it are committed when it starts (the window shows them
    # while it is read); it has a transaction of its own.
    monkeypatch.setattr(library, "GROUP_SECONDS", 60.0)
    monkeypatch.setattr(library, "GROUP_FILE_BYTES", 1_000)
    small = [write_jsonl(tmp_path / f"s{n}.jsonl", [article(n)]) for n in range(3)]
    large = write_jsonl(tmp_path / "large.jsonl", [article(n) for n in range(10, 60)])
    after = write_jsonl(tmp_path / "z.jsonl", [article(99)])
    seen_then: list[int] = []

    def progress(_done: int, _total: int, name: str) -> None:
        if name == "large.jsonl" and not seen_then:
            with Store(store.path, read_only=True) as reader:
                seen_then.append(reader.count_articles())

    commits = _commits(store)
    report = library.import_paths(store, [*small, large, after], progress, processes=1)
    assert report.added == 54 and seen_then == [3] and len(commits) == 3


def test_an_error_of_the_callers_progress_keeps_the_files_done(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library, "GROUP_SECONDS", 60.0)
    files = [write_jsonl(tmp_path / f"{n}.jsonl", [article(n)]) for n in range(4)]

    def progress(_done: int, _total: int, name: str) -> None:
        if name == "2.jsonl":
            raise LookupError("the window went away")

    with pytest.raises(LookupError, match="went away"):
        library.import_paths(store, files, progress, processes=1)
    assert sorted(a.title for a in store.articles()) == ["عنوان 0", "عنوان 1"]


def _clusters(store: Store) -> list[tuple[str, str]]:
    """Each copy's title with the title of its cluster's first article."""
    return store.db.conn.execute(
        "SELECT a.title, f.title FROM story_copies c JOIN articles a ON a.id = c.article_id"
        " JOIN articles f ON f.id = c.cluster ORDER BY a.title"
    ).fetchall()


def test_a_folder_of_small_files_finds_the_copies_one_file_finds(
    tmp_path: Path, corpus: Path
) -> None:
    # A folder's articles are signed in batches as one file's: verdicts read a batch's
    # word counts, and signing each file alone made a copy of these 400 articles found
    # in the folder that the same articles as one file did not (nor the clock's groups).
    import gzip

    with gzip.open(corpus / "saudinewsnet" / "full.jsonl.gz", "rt", encoding="utf-8") as read:
        lines = list(itertools.islice(read, 800))[400:]
    folder = tmp_path / "folder"
    folder.mkdir()
    for n, line in enumerate(lines):
        (folder / f"{n:03}.json").write_text(line, encoding="utf-8")
    one = tmp_path / "one.jsonl"
    one.write_text("".join(lines), encoding="utf-8")
    found = []
    for paths in ([one], [folder]):
        with Store(tmp_path / f"{len(found)}.db") as store:
            library.import_paths(store, paths, processes=1)
            found.append(_clusters(store))
    assert len(found[0]) > 10 and found[0] == found[1]


def test_a_failed_file_of_a_group_leaves_no_signature(store: Store, tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [article(1)])
    failing = write_jsonl(tmp_path / "b.jsonl", [article(2), {"title": 3}])
    last = write_jsonl(tmp_path / "c.jsonl", [article(4)])
    report = library.import_paths(store, [first, last, failing], strict=True, processes=1)
    assert report.added == 2 and [f.path.name for f in report.failed] == ["b.jsonl"]
    signed = store.db.conn.execute("SELECT article_id FROM story_signatures").fetchall()
    assert sorted(signed) == sorted((a.id,) for a in store.articles())


def test_an_import_stopped_by_an_interrupt_leaves_no_article_unsigned(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window cancels by interrupting the connection's next statement: the open group
    # rolls back. A group ends only once its articles are signed, so none committed
    # before is left without its signature (they were when groups ended by the clock).
    monkeypatch.setattr(library, "GROUP_SECONDS", 0.0)
    monkeypatch.setattr(library, "_SIGN_BATCH", 5)
    files = [write_jsonl(tmp_path / f"{n:02}.jsonl", [article(n)]) for n in range(23)]
    stop = False

    def progress(_done: int, _total: int, name: str) -> None:
        nonlocal stop
        stop = stop or name == "17.jsonl"

    store.db.conn.set_progress_handler(lambda: int(stop), 100)
    with pytest.raises(Exception, match="interrupted"):
        library.import_paths(store, files, progress, processes=1)
    store.db.conn.set_progress_handler(None, 0)
    conn = store.db.conn
    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    signed = conn.execute("SELECT count(*) FROM story_signatures").fetchone()[0]
    assert stored == signed == 15  # three batches of five, each with its group


def test_progress_counts_articles_not_files(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = write_jsonl(tmp_path / "big.jsonl", [article(n) for n in range(300)])
    seen: list[tuple[int, int]] = []
    monkeypatch.setattr(library, "_PROGRESS_EVERY", 0.0)
    report = library.import_paths(store, [big], progress=lambda d, t, _p: seen.append((d, t)))
    assert report.added == 300
    assert seen[0][0] == 0 and seen[-1] == (300, 300) and len(seen) > 100
    # The estimate from bytes is near the truth once a few articles are read.
    assert all(250 <= total <= 350 for done, total in seen if done >= 30)
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(seen))


def test_impossible_dates_are_undated_with_a_reason(store: Store, tmp_path: Path) -> None:
    records = [
        {**article(1), "published": "2021-05-22T01:32+99:00"},
        {**article(2), "published": "9999-12-31"},
        {**article(3), "published": "2021-05-22T01:32+03:00"},
    ]
    result = library.import_file(store, write_jsonl(tmp_path / "d.jsonl", records))
    assert result.added == 3 and result.undated == 2
    assert "not a UTC offset" in result.undated_examples[0]
    assert "year 9999 is outside" in result.undated_examples[1]


def test_a_publication_field_longer_than_a_date_is_not_read_and_said(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 1 MB publication field was read by the date rules in 3.4 s (10 MB about 35 s),
    in time linear in its length.  No date is that long: the rules see at most
    MAX_PUBLISHED_CHARS of it, the article is kept undated, and the report says why."""
    from timeline import dating
    from timeline.ingest import published as published_module

    seen: list[int] = []
    read = dating.parse_date_line
    monkeypatch.setattr(
        dating, "parse_date_line", lambda text: seen.append(len(text)) or read(text)
    )
    line = "الأربعاء 10 ذو الحجة 1436هـ 2015-09-23 "
    records = [
        {**article(1), "published": line * 30_000},  # about 1.2 MB
        {**article(2), "published": "2015-09-23 " + "ـ" * 1_000_000},
        {**article(3), "published": (line * 20)[: published_module.MAX_PUBLISHED_CHARS]},
    ]
    result = library.import_file(store, write_jsonl(tmp_path / "d.jsonl", records))
    assert result.added == 3 and result.undated == 2
    assert seen and max(seen) <= published_module.MAX_PUBLISHED_CHARS
    assert len(result.undated_examples) == 2
    assert (
        f"{len((line * 30_000).strip()):,} characters, longer than a date (at most 500 are read)"
        in result.undated_examples[0]
    )
    assert "longer than a date" in result.undated_examples[1]
    assert len(result.undated_examples[0]) < 200  # the field itself is not said whole


def test_articles_without_a_date_are_reported_once_by_reason(store: Store, tmp_path: Path) -> None:
    records = [{**article(n), "published": ""} for n in range(4)]
    records.append({**article(9), "published": "9999-12-31"})
    result = library.import_file(store, write_jsonl(tmp_path / "d.jsonl", records))
    assert result.undated == 5
    assert result.undated_examples[0] == "no publication date given"
    assert len(result.undated_examples) == 2
    assert "year 9999 is outside" in result.undated_examples[1]


def test_recompute_rebuilds_the_same_events(store: Store) -> None:
    library.import_paths(store, [SAMPLES])
    before = {
        a.id: [(e.kind, e.value, e.span_start) for e in store.events_of(a.id)]
        for a in store.articles()
    }
    store.db.conn.execute("DELETE FROM events")
    store.db.conn.execute("UPDATE articles SET published = NULL, published_start = NULL")
    assert library.recompute_events(store) == len(before)
    after = {
        a.id: [(e.kind, e.value, e.span_start) for e in store.events_of(a.id)]
        for a in store.articles()
    }
    assert after == before
    assert sum(1 for a in store.articles() if a.published) == len(before) - 1


def test_recompute_reads_long_articles_a_few_at_a_time(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 500 articles were read at a time: 500 reports of a megabyte each are gigabytes.
    records = [
        {
            "title": f"تقرير {n}",
            "body": f"عقد الاجتماع في 5 مايو 2013. {n} " + "كلمة " * 2_000,
            "published": "2015-07-01",
        }
        for n in range(45)
    ]
    library.import_paths(store, [write_jsonl(tmp_path / "long.jsonl", records)], processes=1)
    before = sorted(store.db.conn.execute("SELECT article_id, kind, value FROM events"))
    asked: list[int] = []
    dating_inputs = store.dating_inputs

    def counted(ids):  # type: ignore[no-untyped-def]
        asked.append(len(ids))
        return dating_inputs(ids)

    monkeypatch.setattr(store, "dating_inputs", counted)
    monkeypatch.setattr(library, "_RECOMPUTE_CHARS", 40_000)  # about 3 of these at a time
    assert library.recompute_events(store, processes=1) == 45
    assert asked[0] == 32 and max(asked[1:]) == 3 and sum(asked) == 45
    assert sorted(store.db.conn.execute("SELECT article_id, kind, value FROM events")) == before


def test_sentence_around_is_bounded_and_holds_the_span() -> None:
    text = "جملة أولى. " + "كلمة " * 200 + "في 2015 " + "كلمة " * 200 + ". جملة أخيرة"
    at = text.index("2015")
    label = article_dates.sentence_around(text, at, at + 4)
    assert (
        "2015" in label
        and len(label) <= article_dates._LABEL_CHARS + article_dates._LABEL_STEP + 12
    )
    assert article_dates.sentence_around("أمس.", 0, 3) == "أمس."


def test_a_failed_files_records_are_not_counted_as_skipped(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a_boom's bad record was passed over before a later article failed the file: it
    # stored nothing, so the import skipped no record of it.
    boom = write_jsonl(tmp_path / "a_boom.jsonl", [article(1), {"title": 3}, article(3)])
    good = write_jsonl(tmp_path / "b_good.jsonl", [article(5), {"title": 3}])
    fail_mentions_in(monkeypatch, "3", "an importer bug")
    report = library.import_paths(store, [boom, good])
    failed, stored = report.files
    assert failed.error is not None and failed.rejected == 1
    assert stored.error is None and stored.added == 1 and stored.rejected == 1
    assert report.rejected == 1
    assert [a.title for a in store.articles()] == ["عنوان 5"]


@pytest.mark.parametrize(
    ("published", "today"),
    [
        # A bare stamp after midnight may be a crawl's: the writer's today is the day before.
        (parse_published("2015-07-25 02:07:00"), "2015-07-24"),
        # A stamp with its UTC offset is when the source says it published.
        (parse_published("2015-07-25T02:07:00+03:00"), "2015-07-25"),
    ],
)
def test_only_a_stamp_without_its_offset_is_read_as_a_crawls(
    published: DateValue | None, today: str
) -> None:
    events = mention_events(1, "وصل الوفد اليوم إلى الرياض.", published)
    assert [e.value for e in events] == [today]


@pytest.mark.parametrize(
    ("raw", "value", "granularity"),
    [
        # RFC 2822, as RSS's pubDate and mail's and HTTP's Date write it: time and zone kept.
        ("Sun, 01 Mar 2015 10:00:00 GMT", "2015-03-01T10:00:00+00:00", "second"),
        ("Sun, 01 Mar 2015 10:00:00 +0300", "2015-03-01T10:00:00+03:00", "second"),
        ("1 Jun 2015 08:00 EST", "2015-06-01T08:00:00-05:00", "second"),
        ("Mon, 01 Jun 2015 08:00:00 +0000 (UTC)", "2015-06-01T08:00:00+00:00", "second"),
        # A zone it does not name: the time without an offset, as a bare stamp.
        ("Sun, 01 Mar 2015 10:00:00 AST", "2015-03-01T10:00:00", "second"),
        # English written dates, the half of the day read.
        ("March 1, 2015", "2015-03-01", "day"),
        ("Sunday, March 1st, 2015", "2015-03-01", "day"),
        ("Mar 1, 2015 10:30 PM", "2015-03-01T22:30", "minute"),
        ("Mar. 1, 2015, 10:30 a.m.", "2015-03-01T10:30", "minute"),
        ("May 2015", "2015-05", "month"),
        # After words: a date line's lead-in.
        ("Published on March 1, 2015", "2015-03-01", "day"),
        ("Updated: June 22, 2021 10:30 PM", "2021-06-22T22:30", "minute"),
        # A US spreadsheet's numbers, month first where nothing else can be meant;
        # day first otherwise, as Arabic writes them.
        ("3/25/2015", "2015-03-25", "day"),
        ("12/31/2015 22:15", "2015-12-31T22:15", "minute"),
        ("3/1/2015", "2015-01-03", "day"),
        # Day, month name and year joined, as spreadsheets, databases and web servers'
        # logs write them.
        ("21-Jul-2015", "2015-07-21", "day"),
        ("05-Sept-2015 10:30 PM", "2015-09-05T22:30", "minute"),
        ("21/Jul/2015:10:00:00 +0300", "2015-07-21T10:00:00+03:00", "second"),
        # Digits alone: ISO 8601's basic form (GDELT's days, web archives' captures) and
        # Unix time as a string, in seconds or milliseconds (UTC).
        ("20150721", "2015-07-21", "day"),
        ("201507211030", "2015-07-21T10:30", "minute"),
        ("20150721103005", "2015-07-21T10:30:05", "second"),
        ("1437480000", "2015-07-21T12:00:00Z", "second"),
        (" 1437480000.75 ", "2015-07-21T12:00:00Z", "second"),
        ("1437480000000", "2015-07-21T12:00:00Z", "second"),
        # Arabic and ISO as before.
        ("الأحد 1 مارس 2015", "2015-03-01", "day"),
        ("2015-03-01T10:00:00+03:00", "2015-03-01T10:00:00+03:00", "second"),
    ],
)
def test_publication_fields_in_english_forms(raw: str, value: str, granularity: str) -> None:
    date = parse_published(raw)
    assert date is not None and date.start is not None
    assert (date.value, date.granularity) == (value, granularity)


@pytest.mark.parametrize(
    "raw",
    [
        "Sun, 31 Feb 2015 10:00:00 GMT",  # the mail module's parser takes day 31 of February
        "Wed, 3 Jun 2015 25:61:00 GMT",
        "Sun, 01 Mar 2015 10:00:00 +1600",
        "may the fourth be with you",
        "13/13/2015",
        "21/Jul/2015:25:00:00 +0300",
        "21-Jul-20155",
        "20151345",  # no month 13
        "20150230",
        "201507212561",
        "12345678901",  # eleven digits: no form of a date
    ],
)
def test_impossible_english_publication_fields_are_undated(raw: str) -> None:
    assert parse_published(raw) is None


def test_presentation_forms_are_stored_as_letters_and_the_file_is_still_known(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page whose renderer could not shape wrote its letters as presentation forms
    (0.7% of SaudiNewsNet's articles hold some): its words were found by no search and
    its dates by no rule.  Stored as letters and keyed by them, so that an export of
    it imported again is known; a library that stored it unfolded (before this) still
    knows it by the key of the text as read."""
    from tests.text.test_normalize import presentation_forms
    from timeline.ingest.dedup import article_uid
    from timeline.model import ArticleDraft
    from timeline.store.search import search

    record = {
        "title": presentation_forms("اجتماع المقاومة الشعبية"),
        "body": "عقد الاجتماع في " + presentation_forms("العاشر من يوليو") + " 2015 ﻻ تأجيل فيه ﷺ",
        "published": "2015-08-01",
        "source": presentation_forms("عكاظ"),
    }
    path = write_jsonl(tmp_path / "forms.jsonl", [record])
    assert library.import_file(store, path).added == 1
    (stored,) = store.articles()
    assert stored.title == "اجتماع المقاومة الشعبية"
    assert stored.body == "عقد الاجتماع في العاشر من يوليو 2015 لا تأجيل فيه ﷺ"
    assert stored.source == "عكاظ"
    assert [h.article_id for h in search(store, "الشعبية").hits] == [stored.id]
    mentioned = [e.value for e in store.events_of(stored.id) if e.kind == "mentioned"]
    assert mentioned == ["2015-07-10"]
    folded = ArticleDraft(stored.title, stored.body, stored.source)
    assert store.db.conn.execute("SELECT uid FROM articles").fetchone()[0] == article_uid(folded)
    again = library.import_file(store, path)
    assert (again.added, again.duplicates) == (0, 1)
    # The stored text, as an export gives it, is the same article.
    exported = write_jsonl(
        tmp_path / "export.jsonl",
        [{"title": stored.title, "body": stored.body, "source": stored.source}],
    )
    assert library.import_file(store, exported).duplicates == 1
    # A library that stored it as read, unfolded, before this folding.
    with Store(tmp_path / "older.db") as older:
        monkeypatch.setattr(library, "as_stored", lambda draft: draft)
        assert library.import_file(older, path).added == 1
        monkeypatch.undo()
        (unfolded,) = older.articles()
        assert unfolded.title == record["title"]
        assert (library.import_file(older, path).duplicates, older.count_articles()) == (1, 1)


def test_a_worker_prepares_a_draft_in_presentation_forms_as_the_writer_does() -> None:
    from tests.text.test_normalize import presentation_forms
    from timeline.model import ArticleDraft

    shaped = ArticleDraft(
        presentation_forms("المقاومة الشعبية"),
        "قالت " + presentation_forms("المقاومة الشعبية في العاشر من يوليو") + " 2015",
        published_raw="2015-08-01",
    )
    plain = ArticleDraft("عنوان", "نص بلا أشكال", published_raw="2015-08-01")
    for draft in (shaped, plain):
        (worker,) = library.prepare_drafts([draft], copies=True)
        writer = library.prepare(draft, copies=True)
        assert worker.signed is not None and writer.signed is not None
        assert worker.signed.signature.to_bytes() == writer.signed.signature.to_bytes()
        assert (worker.uid, worker.read_uid, worker.search, worker.mentions, worker.stored) == (
            writer.uid,
            writer.read_uid,
            writer.search,
            writer.mentions,
            writer.stored,
        )
    assert library.prepare(shaped, copies=False).read_uid is not None
    assert library.prepare(plain, copies=False).read_uid is None
    assert library.prepare(plain, copies=False).stored is None
    stored = library.prepare(shaped, copies=False).stored
    assert stored is not None and stored.title == "المقاومة الشعبية"


def _journal_modes_during(
    store: Store, tmp_path: Path, *others: Store, held_alone_bytes: int = 0
) -> tuple[set[str], int]:
    """The store's journal modes seen while it imports a file of five articles in a
    transaction of its own, and the articles the first other connection read meanwhile
    (-1 with none)."""
    path = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(5)])
    modes: set[str] = set()
    read = -1

    def progress(_done: int, _total: int, _name: str) -> None:
        nonlocal read
        modes.add(str(store.db.conn.execute("PRAGMA journal_mode").fetchone()[0]))
        if others:
            read = others[0].count_articles()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(library, "GROUP_FILE_BYTES", 0)
        patch.setattr(library, "HELD_ALONE_BYTES", held_alone_bytes)
        report = library.import_paths(store, [path], progress, processes=1)
    assert report.added == 5
    return modes, read


def test_an_import_holds_a_library_open_nowhere_else_alone(store: Store, tmp_path: Path) -> None:
    # Written once, in a rollback journal (no WAL written twice), and WAL again after.
    modes, _ = _journal_modes_during(store, tmp_path)
    assert "delete" in modes
    assert store.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_file_of_less_text_than_held_alone_bytes_leaves_the_library_in_wal(
    store: Store, tmp_path: Path
) -> None:
    modes, _ = _journal_modes_during(store, tmp_path, held_alone_bytes=1 << 20)
    assert modes == {"wal"}


def test_an_import_beside_a_window_leaves_the_library_in_wal(store: Store, tmp_path: Path) -> None:
    with Store(store.path) as window:
        modes, read = _journal_modes_during(store, tmp_path, window)
        assert modes == {"wal"} and read >= 0  # the window could read on meanwhile
        assert window.count_articles() == 5


_KILLED_MID_IMPORT = """
import os, signal, sys
from pathlib import Path
from timeline import library
from timeline.store import Store, store as store_module
store_module._WRITER_CACHE_KIB = -64  # a small page cache: its pages spill into the file
library.HELD_ALONE_BYTES = library.GROUP_FILE_BYTES = 0

def progress(done, _total, _name):
    if done >= 1200:
        os.kill(os.getpid(), signal.SIGKILL)

with Store(sys.argv[1]) as store:
    library.import_paths(store, [Path(sys.argv[2])], progress, processes=1)
"""


def test_a_library_held_alone_by_an_import_killed_midway_is_as_it_was(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    db = tmp_path / "t.db"
    with Store(db) as store:
        library.import_paths(store, [write_jsonl(tmp_path / "one.jsonl", [article(0)])])
    size = db.stat().st_size
    records = [{**article(n), "body": f"متن المقال رقم {n} " * 40} for n in range(1, 1600)]
    source = write_jsonl(tmp_path / "many.jsonl", records)
    repo = Path(__file__).resolve().parents[1]
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_MID_IMPORT, str(db), str(source)],
        env={**os.environ, "PYTHONPATH": str(repo)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -9, killed.stderr
    # Killed with pages of its own in the file and its journal beside it:
    journal = db.with_name(db.name + "-journal")
    assert journal.exists() and db.stat().st_size > size
    with Store(db) as again:  # rolled back as it opens (and its quick check passes)
        assert again.count_articles() == 1
        assert again.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert again.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not journal.exists()


def test_a_group_whose_last_signing_fails_rolls_back_and_leaves_no_transaction_open(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The disk full at the last group's signing, say: the group's files roll back, and
    # the store is left out of any transaction (it was left open: its end, at exit,
    # printed "Exception ignored ... Cannot operate on a closed database").
    monkeypatch.setattr(library, "GROUP_SECONDS", 60.0)
    files = [write_jsonl(tmp_path / f"{n}.jsonl", [article(n)]) for n in range(3)]

    def failing(self: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(library._Signer, "flush", failing)
    with pytest.raises(StoreError, match="disk is full"):
        library.import_paths(store, files, processes=1)
    assert not store.db.conn.in_transaction
    assert store.count_articles() == 0
