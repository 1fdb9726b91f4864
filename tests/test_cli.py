"""The command line, through click's CliRunner."""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.conftest import ON_A_SMALL_DISK, SAMPLES, command_line
from timeline.cli import cli
from timeline.text import for_terminal

SEED_TITLE = "كوريا الجنوبية وأمريكا يتفقان على تحالف قوي في محادثات القمة بينهما"


@pytest.fixture
def run(tmp_path: Path):
    return command_line(tmp_path / "t.db")


def test_import_seed_then_show_json(run, corpus: Path) -> None:
    result = run("import", str(corpus / "seed" / "000_e3dea70be14111b3.txt"))
    assert "1 added" in result.output
    (line,) = run("list", "--json").output.splitlines()
    listed = json.loads(line)
    shown = json.loads(run("show", str(listed["id"]), "--json").output)
    assert shown["title"] == SEED_TITLE
    assert shown["published"] == "2021-05-22T01:32"
    assert shown["source"] == "المدينة نيوز"
    assert shown["published_raw"].startswith("تم نشره السبت 22nd")
    assert shown["credit"] == "وكالات"
    assert {
        "id",
        "uid",
        "body",
        "url",
        "author",
        "caption",
        "origin",
        "imported_at",
    } <= shown.keys()
    assert shown["events"][0]["kind"] == "published"


def test_saudinewsnet_imports_whole_and_only_once(run, corpus: Path) -> None:
    sample = str(corpus / "saudinewsnet" / "sample.jsonl")
    assert "200 added, 0 already stored, 0 failed" in run("import", sample).output
    assert "0 added, 200 already stored, 0 failed" in run("import", sample).output
    assert len(run("list", "--json").output.splitlines()) == 200


def test_records_skipped_are_counted_in_words_that_agree(run, tmp_path: Path) -> None:
    # "skipped 1 record that are not articles" was the line for one.
    path = tmp_path / "two.jsonl"
    path.write_text('{"title": "ok", "body": "ok"}\n{oops\n[1\n', encoding="utf-8")
    result = run("import", str(path))
    assert "two.jsonl: skipped 2 records that are not articles: line 2:" in result.output


def test_broken_file_among_good_ones(run, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    (folder / "broken.jsonl").write_text('{"title": "ok", "body": "ok"}\n{oops', encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = run("import", str(folder), expect=1)
    good = len(list(SAMPLES.glob("*.txt")))
    # The broken JSON Lines file's good first line is imported, its bad line reported.
    assert f"{good + 1} added" in result.output and "1 record skipped" in result.output
    assert "broken.jsonl: skipped 1 record that is not an article: line 2: not valid JSON" in (
        result.output
    )
    assert "failed: " in result.output and "empty.txt: the file is empty" in result.output
    titles = [json.loads(x)["title"] for x in run("list", "--json").output.splitlines()]
    assert "ok" in titles and len(titles) == good + 1


@pytest.mark.parametrize("broken", [1, 2])
def test_the_import_counts_agree_with_their_nouns(run, tmp_path: Path, broken: int) -> None:
    """ "1 failed files, 1 records skipped" was said; the window says each count with its
    own plural, and so does the command line."""
    for i in range(broken):
        (tmp_path / f"empty{i}.txt").write_text("", encoding="utf-8")
        # A good article and a record that is not one.
        (tmp_path / f"mixed{i}.jsonl").write_text(
            '{"title": "عنوان", "body": "نص قصير", "published": "2015-07-31"}\n{oops',
            encoding="utf-8",
        )
    summary = run("import", str(tmp_path), expect=1).output.splitlines()[-1]
    if broken == 1:
        assert summary == "1 added, 0 already stored, 1 failed file, 1 record skipped"
    else:
        assert summary == "1 added, 1 already stored, 2 failed files, 2 records skipped"


def test_a_file_with_no_articles_is_said(run, tmp_path: Path) -> None:
    """A feed or JSON Lines file that reads but holds nothing is named, not counted as
    silence; it is no failure (an empty feed is a feed)."""
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    result = run("import", str(tmp_path / "empty.jsonl"))
    assert "empty.jsonl: no articles in it" in result.output
    assert "0 added, 0 already stored, 0 failed files" in result.output


def test_a_folder_with_no_files_is_said(run, tmp_path: Path) -> None:
    """A folder with nothing to read in it (empty, or hidden files only) is named, where
    the import said "0 added" and nothing of why; a folder of files not read says those."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "hidden").mkdir()
    (tmp_path / "hidden" / ".a.txt").write_text("عنوان\n\nنص", encoding="utf-8")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "a.xyz").write_text("?", encoding="utf-8")
    result = run("import", *(str(tmp_path / n) for n in ("empty", "hidden", "other")))
    for name in ("empty", "hidden"):
        assert f"{name}: no files in this folder (hidden ones are not read)" in result.output
    assert "other: no files" not in result.output and "a.xyz" in result.output
    assert "0 added, 0 already stored, 0 failed files" in result.output


def test_strict_keeps_all_or_nothing(run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"title": "ok", "body": "ok"}\n{oops', encoding="utf-8")
    result = run("import", "--strict", str(broken), expect=1)
    assert "broken.jsonl: line 2: not valid JSON" in result.output
    assert "0 added" in result.output and run("list", "--json").output == ""


def test_list_flags_undated_articles(run) -> None:
    run("import", str(SAMPLES))
    undated = [json.loads(x) for x in run("list", "--undated", "--json").output.splitlines()]
    assert [a["published"] for a in undated] == [None]
    assert undated[0]["published_raw"] == "نشر في يوم ما من الأيام 7"


def test_list_is_chronological(run) -> None:
    run("import", str(SAMPLES))
    rows = [json.loads(x) for x in run("list", "--json").output.splitlines()]
    dated = [r["published"] for r in rows if r["published"]]
    assert dated[0].startswith("1945-03-22") and len(dated) == len(rows) - 1
    assert rows[-1]["published"] is None


def test_terminal_display_order(run) -> None:
    run("import", str(SAMPLES / "02_suez.txt"))
    title = "مصر تعلن تأميم شركة قناة السويس"
    piped = run("--no-bidi", "list").output
    shaped = run("--bidi", "list").output
    assert title in piped and title not in shaped
    assert for_terminal(title) in shaped


def test_show_names_the_author_and_the_file_it_came_from(run, tmp_path: Path) -> None:
    record = {"title": "خبر", "body": "نص الخبر", "author": "مراسلنا", "source": "وكالة"}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    run("import", str(path))
    (line,) = run("list", "--json").output.splitlines()
    text = run("show", str(json.loads(line)["id"]), "--no-bidi").output
    assert "     author: مراسلنا" in text
    assert f"     origin: {path.absolute()}" in text


def test_show_names_an_origin_stored_with_dot_dots_by_the_files_own_path(
    run, tmp_path: Path
) -> None:
    """Earlier versions stored ../corpus/a.jsonl as /x/elsewhere/../corpus/a.jsonl: show
    names the file as the window does (paths.origin_as_named), the path `list --origin`
    and `remove --origin` take; --json keeps the stored value."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "elsewhere").mkdir()
    path = tmp_path / "corpus" / "a.jsonl"
    record = {"title": "خبر", "body": "نص الخبر", "source": "وكالة"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    run("import", str(path))
    old = f"{tmp_path}/elsewhere/../corpus/a.jsonl"
    with contextlib.closing(sqlite3.connect(run.db)) as conn, conn:
        conn.execute("UPDATE articles SET origin = ?", (old,))
    (line,) = run("list", "--json").output.splitlines()
    article_id = str(json.loads(line)["id"])
    text = run("show", article_id, "--no-bidi").output
    assert f"     origin: {path}\n" in text and ".." not in text
    assert json.loads(run("show", article_id, "--json").output)["origin"] == old
    assert run("list", "--json", "--origin", str(path)).output == f"{line}\n"


def test_list_shows_what_came_from_a_file_or_folder(run, tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    for name, title in (("a.jsonl", "خبر أول"), ("b.jsonl", "خبر ثان")):
        record = {"title": title, "body": f"نص {title}", "published": "2020-01-02"}
        (folder / name).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    run("import", str(SAMPLES), str(folder))
    listed = run("list", "--no-bidi", "--origin", str(folder / "b.jsonl")).output
    assert [line.split(" | ")[-1] for line in listed.splitlines()] == ["خبر ثان"]
    both = run("list", "--json", "--origin", str(folder)).output.splitlines()
    assert sorted(json.loads(line)["title"] for line in both) == ["خبر أول", "خبر ثان"]
    result = CliRunner().invoke(cli, ["--db", str(run.db), "list", "--origin", "/nowhere"])
    assert result.exit_code == 1 and "no article came from /nowhere" in result.stderr
    assert result.stdout == ""


def test_show_missing_article_is_a_clear_error(run) -> None:
    run("import", str(SAMPLES / "02_suez.txt"))
    result = run("show", "999", expect=1)
    assert "no article with id 999" in result.output


def test_commands_on_a_corrupt_database(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"garbage" * 1000)
    result = CliRunner().invoke(cli, ["--db", str(db), "list"])
    assert result.exit_code == 1
    assert "not a usable timeline database" in result.output
    assert db.read_bytes() == b"garbage" * 1000


def test_db_option_after_the_command(tmp_path: Path) -> None:
    db = tmp_path / "late.db"
    result = CliRunner().invoke(cli, ["import", "--db", str(db), str(SAMPLES / "02_suez.txt")])
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_timeline_db_environment_variable(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = CliRunner(env={"TIMELINE_DB": str(db)}).invoke(
        cli, ["import", str(SAMPLES / "02_suez.txt")]
    )
    assert result.exit_code == 0, result.output
    assert db.exists()


def test_extract_json_contract(run, corpus: Path) -> None:
    seed = corpus / "seed" / "000_e3dea70be14111b3.txt"
    text = seed.read_text(encoding="utf-8")
    out = run("extract", "--published", "2021-05-22T01:32", "--json", str(seed)).output
    mentions = [json.loads(line) for line in out.splitlines()]
    assert mentions, "no mentions found in the seed"
    for m in mentions:
        assert set(m) == {"start", "end", "text", "value", "granularity", "kind", "type"}
        assert text[m["start"] : m["end"]] == m["text"]
    values = {m["value"] for m in mentions}
    assert {"2021-05-21", "1950/1953", "P70Y"} <= values
    types = {m["value"]: m["type"] for m in mentions}
    assert (types["2021-05-21"], types["1950/1953"], types["P70Y"]) == ("DATE", "DATE", "DURATION")


@pytest.mark.parametrize(
    ("query", "expected_title_start"),
    [
        ("ايار", "جولة جديدة من المحادثات النووية"),  # أيّار in the body
        ("إيران", "جولة جديدة من المحادثات النووية"),  # إيـــران in the title
        ("اسامة", "جولة جديدة من المحادثات النووية"),  # أسامة
        ("٢٠٢٠", "افتتاح معرض إكسبو 2020"),
        ('"قناة السويس"', "مصر تعلن تأميم"),
        ("السوي*", "مصر تعلن تأميم"),
    ],
)
def test_search_understands_arabic_spelling(run, query: str, expected_title_start: str) -> None:
    run("import", str(SAMPLES))
    hits = [json.loads(x) for x in run("search", query, "--json").output.splitlines()]
    assert any(h["title"].startswith(expected_title_start) for h in hits), hits
    assert all({"id", "title", "published", "snippet"} <= h.keys() for h in hits)


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(", "((", "title:x", "*", "-"])
def test_search_never_crashes_on_odd_input(run, query: str) -> None:
    run("import", str(SAMPLES / "02_suez.txt"))
    result = CliRunner().invoke(cli, ["--db", str(run.db), "search", query, "--json"])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output


def test_search_filters(run) -> None:
    run("import", str(SAMPLES))
    args = ("search", "قناة", "--json", "--source", "أرشيف التاريخ", "--from", "1970-01-01")
    hits = [json.loads(x) for x in run(*args).output.splitlines()]
    assert [h["published"][:10] for h in hits] == ["1973-10-06"]


def test_to_before_from_is_the_same_usage_error_for_search_and_export(run) -> None:
    """Both name the options and exit 2 (search said the store's sentence, exit 1)."""
    run("import", str(SAMPLES))
    for command in (("search", "قناة"), ("export", "--format", "events-jsonl")):
        refused = run(*command, "--from", "2020", "--to", "2019", expect=2)
        assert "--to is before --from" in refused.output


def test_dates_may_be_given_as_a_year_or_a_month(run) -> None:
    """--from and --to take a year or a month (ISO 8601 forms too), meant whole; a date
    that is none is refused naming its option."""
    run("import", str(SAMPLES))

    def found(*dates: str) -> list[int]:
        return [
            json.loads(x)["id"] for x in run("search", "قناة", "--json", *dates).output.splitlines()
        ]

    assert found("--from", "1973", "--to", "1973") == found(
        "--from", "1973-01-01", "--to", "1973-12-31"
    )
    assert found("--from", "1973-10", "--to", "1973-10") == found(
        "--from", "1973-10-01", "--to", "1973-10-31"
    )
    assert found("--from", "1973", "--to", "1973") and not found("--from", "1974", "--to", "1975")
    exported = run("export", "--format", "events-jsonl", "--from", "1973", "--to", "1973").output
    assert (
        exported
        == run(
            "export", "--format", "events-jsonl", "--from", "1973-01-01", "--to", "1973-12-31"
        ).output
    )
    refused = run("search", "قناة", "--to", "1973-13", expect=2).output
    assert "Invalid value for '--to'" in refused and "1973-13" in refused


def test_search_names_each_hits_source_as_list_does(run) -> None:
    run("import", str(SAMPLES))
    hits = [json.loads(x) for x in run("search", "قناة", "--json").output.splitlines()]
    text = run("search", "قناة", "--no-bidi").output
    listed = run("list", "--no-bidi").output
    for hit in hits:
        line = f"{hit['source']} | {hit['title']}"
        assert line in text and line in listed


def test_recompute_keeps_the_events(run) -> None:
    run("import", str(SAMPLES))
    before = [json.loads(x) for x in run("list", "--json").output.splitlines()]
    result = run("recompute")
    assert f"re-computed the events of {len(before)} articles" in result.output
    after = [json.loads(x) for x in run("list", "--json").output.splitlines()]
    assert [a["published"] for a in after] == [a["published"] for a in before]


HOSTILE = {
    "title": "عنوان\x1b]0;owned\x07 txt.\u202eexe\x1b[2J",
    "body": "متن\x9b31m يوم 5 أيار 2021\x1b[2J",
    "published": "2021-05-22",
    "source": "مصدر\u202d",
}


def _has_control(text: str) -> bool:
    return any(
        (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F or ch in "\u202d\u202e"
        for ch in text
    )


@pytest.mark.parametrize("bidi", ["--bidi", "--no-bidi"])
def test_no_control_character_reaches_the_terminal(run, tmp_path: Path, bidi: str) -> None:
    hostile = tmp_path / "evil\x1b[2J.jsonl"
    hostile.write_text(json.dumps(HOSTILE, ensure_ascii=False), encoding="utf-8")
    outputs = [run(bidi, "import", str(hostile)).output]
    outputs.append(run(bidi, "list").output)
    outputs.append(run(bidi, "list", "--json").output)
    listed = json.loads(outputs[-1])
    assert listed["title"] == HOSTILE["title"]  # JSON keeps the data, escaped
    outputs.append(run(bidi, "show", str(listed["id"])).output)
    outputs.append(run(bidi, "show", str(listed["id"]), "--json").output)
    outputs.append(run(bidi, "search", "متن").output)
    for out in outputs:
        assert not _has_control(out), repr(out)


@pytest.mark.parametrize("fmt", ["articles-csv", "events-jsonl", "timelinejs", "chronology"])
def test_an_export_to_a_terminal_shows_no_control_acting(run, tmp_path: Path, fmt: str) -> None:
    """An export with no --output on a terminal: its texts' controls escaped in JSON (the
    same data) and shown as symbols otherwise; piped, it is written as it is."""
    hostile = tmp_path / "evil.jsonl"
    hostile.write_text(json.dumps(HOSTILE, ensure_ascii=False), encoding="utf-8")
    run("import", str(hostile))
    arguments = ["--db", str(run.db), "export", "--format", fmt]
    done, shown = _on_a_terminal(arguments, stdout_too=True)
    assert done.returncode == 0, shown
    assert not _has_control(shown.replace("\r\n", "\n")), repr(shown)
    assert "متن" in shown
    if fmt.endswith("jsonl"):
        assert json.loads(shown.splitlines()[0])["label"]  # still JSON
    if fmt == "articles-csv":
        assert "\x1b[2J" in run("export", "--format", fmt).output  # piped: the data


def test_huge_article_id_is_one_line(run) -> None:
    result = CliRunner().invoke(cli, ["--db", str(run.db), "show", "99999999999999999999"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "99999999999999999999" in result.output


def test_extract_reads_a_windows_1256_file(run, tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("اجتمع الوزراء في 5 أيار 2021".encode("cp1256"))
    out = run("extract", "--json", str(legacy)).output
    assert any(json.loads(line)["value"] == "2021-05-05" for line in out.splitlines())


def test_extract_of_utf8_with_a_bad_byte_says_so(run, tmp_path: Path) -> None:
    text = "اجتمع الوزراء في 5 أيار 2021 " * 20
    path = tmp_path / "bad.txt"
    path.write_bytes(text.encode() + b"\xff")
    result = run("extract", "--json", str(path))
    assert "1 byte was not valid UTF-8" in result.output
    # ... and its count agrees with the noun and the verb (it said "1 byte(s) were").
    path.write_bytes(text.encode() + b"\xff" + text.encode() + b"\xfe")
    result = run("extract", "--json", str(path))
    assert "2 bytes were not valid UTF-8" in result.output


@pytest.mark.parametrize("endless", ["/dev/zero", "fifo"])
def test_import_of_an_endless_input_is_one_line(run, tmp_path: Path, endless: str) -> None:
    if endless == "fifo":
        endless = str(tmp_path / "pipe.jsonl")
        os.mkfifo(endless)
    result = run("import", endless, expect=1)
    assert f"failed: {endless}: not a regular file" in result.output
    assert "Traceback" not in result.output


def test_import_of_a_web_archive_warcio_finds_faulty_is_the_reports_lines(
    run, tmp_path: Path
) -> None:
    """warcio printed its own warning, the archive's bytes with it, among the import's
    lines ("WARNING: Record not followed by newline ... Remainder: b'ml>'")."""
    from tests.ingest.format_fixtures import page, warc

    data = warc(tmp_path / "crawl.warc", [("http://example.org/0", page(), "")]).read_bytes()
    at = data.index(b"Content-Length: ", data.index(b"WARC-Type: response")) + 16
    end = data.index(b"\r\n", at)
    path = tmp_path / "length.warc"
    path.write_bytes(data[:at] + str(int(data[at:end]) - 3).encode() + data[end:])
    result = run("import", str(path))
    assert result.output.splitlines() == [
        "importing",
        f"{path}: skipped 1 record that is not an article: record 2 (http://example.org/0):"
        " not followed by the blank line that ends a record: its Content-Length is wrong"
        " (a damaged web archive)",
        "0 added, 0 already stored, 0 failed files, 1 record skipped",
    ]


def test_extract_of_an_endless_input_is_one_line(run) -> None:
    # extract reads its text through timeline.text.encoding, bounded as an import's is.
    result = run("extract", "--json", "/dev/zero", expect=1)
    assert "/dev/zero: more than the 40,000,000 bytes a text may be" in result.output
    assert "Traceback" not in result.output


def test_impossible_dates_are_named_on_import(run, tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(
        json.dumps({"title": "أ", "body": "ب", "published": "2021-05-22T01:32+99:00"}), "utf-8"
    )
    result = run("import", str(path))
    assert "+99:00 is not a UTC offset" in result.output
    assert json.loads(run("list", "--json").output)["published"] is None


def _damage(db: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    middle = len(data) // 16384 // 2
    data[middle * 16384 : (middle + 1) * 16384] = random.Random(3).randbytes(16384)
    db.write_bytes(bytes(data))


def test_damaged_store_is_one_line_and_left_alone(run, tmp_path: Path) -> None:
    records = [{"title": f"t{i}", "body": "كلمة " * 400 + str(i)} for i in range(200)]
    big = tmp_path / "big.jsonl"
    big.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    run("import", str(big))
    _damage(run.db)
    before = run.db.read_bytes()
    for args in (["list"], ["show", "3"], ["recompute"], ["import", str(SAMPLES)]):
        result = run(*args, expect=1)
        assert "is damaged" in result.output and "repair" in result.output, args
        assert len(result.output.strip().splitlines()) <= 2  # the progress label at most
        assert run.db.read_bytes() == before
    saved = tmp_path / "saved.db"
    result = run("repair", "--output", str(saved))
    assert "articles" in result.output and run.db.read_bytes() == before
    assert "copying" in result.output  # its progress (a bar, table by table, on a terminal)
    kept = CliRunner().invoke(cli, ["--db", str(saved), "list", "--json"]).output.splitlines()
    assert 150 < len(kept) <= 200  # the damaged page may hold an index, not articles


def test_a_library_lacking_part_of_its_schema_is_one_line_and_left_alone(
    run, tmp_path: Path
) -> None:
    """A v19 library without its events table was upgraded (written) by each command,
    which then failed on "no such table: events"."""
    from tests.store.test_opening_checks import _damaged, _files, _older_library
    from timeline.store.schema import SCHEMA_VERSION

    _older_library(run.db, SCHEMA_VERSION - 1)
    _damaged(run.db, "DROP TABLE events")
    before = _files(run.db)
    out = tmp_path / "out.csv"
    for args in (
        ["list"],
        ["search", "كلمة"],
        ["import", str(SAMPLES)],
        ["export", "--format", "articles-csv", "--output", str(out)],
        ["recompute"],
    ):
        result = run(*args, expect=1)
        (line,) = result.output.strip().splitlines()
        assert "is damaged: its table events is missing; nothing was written" in line, args
        assert f"timeline --db {run.db} repair" in line
        assert _files(run.db) == before
    assert not out.exists()
    saved = tmp_path / "saved.db"
    run("repair", "--output", str(saved))
    assert _files(run.db) == before
    result = CliRunner().invoke(cli, ["--db", str(saved), "recompute"], catch_exceptions=False)
    assert result.exit_code == 0 and "5 articles" in result.output, result.output


def test_repair_refuses_what_is_no_library_in_one_line(tmp_path: Path) -> None:
    """Opened, a pipe waited for a writer; an empty file gave an empty "repaired" copy."""
    pipe, empty = tmp_path / "pipe.db", tmp_path / "empty.db"
    os.mkfifo(pipe)
    empty.write_bytes(b"")
    for source, said in ((pipe, "is not a database file"), (empty, "is empty")):
        result = CliRunner().invoke(cli, ["--db", str(source), "repair"])
        assert result.exit_code == 1 and said in result.output, result.output
        assert "use it in place of" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db", "pipe.db"]


def test_repair_says_a_name_too_long_to_look_up_in_one_line(tmp_path: Path) -> None:
    """Of the library or of the copy asked for: the command said "unexpected OSError"."""
    library = tmp_path / "a.db"
    CliRunner().invoke(cli, ["--db", str(library), "import", str(SAMPLES / "02_suez.txt")])
    too_long = str(tmp_path / ("z" * 300 + ".db"))
    for args in (
        ["--db", too_long, "repair"],
        ["--db", str(library), "repair", "--output", too_long],
    ):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, result.output
        assert result.output.endswith(": File name too long\n"), result.output
        assert "unexpected" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db"]


@pytest.mark.parametrize(
    "command", [["show", "1"], ["search", "مارس"], ["list"], ["export", "--format", "events-csv"]]
)
def test_an_empty_file_is_said_no_library_by_what_only_reads_and_made_one_by_import(
    tmp_path: Path, command: list[str]
) -> None:
    """An existing file of no bytes was said not to be there ("no database at"); it is
    an empty database to SQLite, and no library: what only reads says so in the line
    the window says in Arabic too, leaving it empty, and an import makes the library in
    it."""
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, ["--db", str(empty), *command])
    assert result.exit_code == 1
    assert result.output == f"Error: {empty} is an SQLite database, but not a timeline store\n"
    assert empty.stat().st_size == 0
    article = str(SAMPLES / "02_suez.txt")
    result = CliRunner().invoke(cli, ["--db", str(empty), "import", article])
    assert result.exit_code == 0 and "1 added" in result.output
    assert CliRunner().invoke(cli, ["--db", str(empty), *command]).exit_code == 0


def test_read_only_folder_lists_and_refuses_import(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "t.db"
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["--db", str(db), "import", str(SAMPLES / "02_suez.txt")]).exit_code == 0
    )
    if (
        shutil.which("chattr") is None
        or subprocess.run(
            ["chattr", "+i", str(folder)], capture_output=True, check=False
        ).returncode
    ):
        pytest.skip("cannot make a folder immutable here")
    try:
        listed = runner.invoke(cli, ["--db", str(db), "list", "--json"])
        assert listed.exit_code == 0 and len(listed.output.splitlines()) == 1
        refused = runner.invoke(cli, ["--db", str(db), "import", str(SAMPLES)])
        assert refused.exit_code == 1
        assert "read-only" in refused.output and "not writable" in refused.output
        # Stories are listed; rebuilding them is refused, not skipped in silence.
        assert runner.invoke(cli, ["--db", str(db), "stories"]).exit_code == 0
        rebuilt = runner.invoke(cli, ["--db", str(db), "stories", "--rebuild"])
        assert rebuilt.exit_code == 1 and "read-only" in rebuilt.output
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_import_says_how_many_scanned_pages_were_not_read(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ingest.pdf_fixtures import drawn, pdf_bytes
    from timeline.ingest import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    path = tmp_path / "mixed.pdf"
    page = drawn("عنوان الخبر", 700) + drawn("وصل الوفد إلى الرياض صباح اليوم", 680)
    path.write_bytes(pdf_bytes([page, []], scanned=[1]))
    result = run("import", str(path))
    assert "1 added" in result.output
    assert f"{path}: 1 scanned page was not read: install Tesseract" in result.output


def _on_a_terminal(
    arguments: list[str], *, env: dict[str, str] | None = None, stdout_too: bool = False
) -> tuple[subprocess.CompletedProcess, str]:
    """`timeline ARGUMENTS` run with its standard error (and standard output if stdout_too)
    a terminal: the run, and what the terminal was sent."""
    import pty
    import sys

    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "timeline", *arguments],
            stdout=follower if stdout_too else subprocess.PIPE,
            stderr=follower,
            timeout=120,
            cwd=Path(__file__).resolve().parents[1],
            env=None if env is None else {**os.environ, **env},
        )
        os.close(follower)
        terminal = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the far end closed: all is read
                break
            if not chunk:
                break
            terminal += chunk
    finally:
        os.close(leader)
    return done, terminal.decode()


# A locale in an encoding without Arabic (Latin-1; Windows sends output to a file or a
# pipe in its ANSI code page, Windows-1252): PYTHONIOENCODING sets the streams so.
_LATIN = {"PYTHONIOENCODING": "latin-1"}


@pytest.mark.parametrize("command", [["list"], ["search", "الملك"], ["show", "1"]])
def test_output_to_a_file_is_utf8_whatever_the_locale(run, command: list[str]) -> None:
    import sys

    run("import", str(SAMPLES))
    title = run("show", "1", "--json").output
    title = json.loads(title)["title"]
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "--no-bidi", "--db", str(run.db), *command],
        capture_output=True,
        timeout=120,
        env={**os.environ, **_LATIN},
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr
    printed = done.stdout.decode("utf-8")  # UTF-8, not Latin-1: decodes, and holds Arabic
    assert any("\u0600" <= c <= "\u06ff" for c in printed)
    if command != ["search", "الملك"]:
        assert title in printed


def test_a_terminal_that_cannot_show_arabic_gets_question_marks_not_a_traceback(
    run, tmp_path: Path
) -> None:
    run("import", str(SAMPLES))
    missing = tmp_path / "ملف.txt"
    done, shown = _on_a_terminal(["--db", str(run.db), "list"], env=_LATIN, stdout_too=True)
    assert done.returncode == 0 and "Traceback" not in shown
    assert "?" in shown and "2015" in shown
    done, shown = _on_a_terminal(["--db", str(run.db), "import", str(missing)], env=_LATIN)
    assert done.returncode == 2 and "Traceback" not in shown
    assert "does not exist" in shown and "???.txt" in shown


def test_export_counts_what_it_has_written_on_a_terminal_only(run, tmp_path: Path) -> None:
    run("import", str(SAMPLES))
    target = tmp_path / "a.jsonl"
    arguments = ["export", "--format", "articles-jsonl", "--output", str(target)]
    done, shown = _on_a_terminal(["--db", str(run.db), *arguments])
    assert done.returncode == 0
    assert "\rexporting: 0 written" in shown and "\r\x1b[Kwrote " in shown
    assert "exporting:" not in run(*arguments).stderr  # no terminal


def test_import_counts_a_long_pdf_s_pages_on_a_terminal_only(run, tmp_path: Path) -> None:
    # A PDF of hundreds of pages is one article: on a terminal the bar counts its pages
    # as they are read; in a log (not a terminal) no line a page.
    from tests.ingest.pdf_fixtures import drawn, pdf_bytes

    path = tmp_path / "long\x1b[2J.pdf"  # a name that would clear the screen
    page = drawn("عنوان الخبر", 700) + drawn("وصل الوفد إلى الرياض صباح اليوم", 680)
    path.write_bytes(pdf_bytes([page] * 3))
    done, shown = _on_a_terminal(["--db", str(tmp_path / "t.db"), "import", str(path)])
    assert done.returncode == 0 and b"1 added" in done.stdout
    assert "long\u241b[2J.pdf: reading page 1 of 3" in shown and "\x1b[2J" not in shown
    assert "reading page" not in run("import", str(path)).output  # no terminal


def test_import_s_bar_ends_at_what_was_done_on_a_terminal(tmp_path: Path) -> None:
    # A folder whose last file fails: its bytes were counted in the estimate, and the bar
    # stayed at "67/222" when the import of SaudiNewsNet records and a cut .gz had ended,
    # as if two thirds were still to come.
    folder = tmp_path / "news"
    folder.mkdir()
    lines = (
        json.dumps({"title": f"عنوان {n}", "body": "متن المقال " * 20}, ensure_ascii=False)
        for n in range(3)
    )
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "z.json").write_bytes(bytes(range(256)) * 20)  # binary: fails
    done, shown = _on_a_terminal(["--db", str(tmp_path / "t.db"), "import", str(folder)])
    assert done.returncode == 1 and b"3 added" in done.stdout
    counts = re.findall(r"importing  \[[#-]*\]  (\d+/\d+)", shown)
    assert counts[-1] == "3/3", counts


def test_import_says_how_many_bytes_did_not_decode(run, tmp_path: Path) -> None:
    line = json.dumps({"title": "عنوان", "body": "متن المقال " * 50}, ensure_ascii=False)
    path = tmp_path / "one_bad_byte.jsonl"
    path.write_bytes(line.encode()[:40] + b"\xff" + line.encode()[40:])
    result = run("import", str(path))
    assert "1 added" in result.output
    assert "1 byte was not valid UTF-8 and were stored as U+FFFD" in result.output
    body = json.loads(run("show", "1", "--json").output)["body"]
    assert "متن المقال" in body  # not Windows-1256 mojibake


def test_an_unexpected_error_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from timeline import cli as cli_module
    from timeline import library

    def broken(*_args: object, **_kwargs: object) -> int:
        raise ValueError("a bug somewhere")

    CliRunner().invoke(
        cli, ["--db", str(tmp_path / "t.db"), "import", str(SAMPLES / "02_suez.txt")]
    )
    monkeypatch.setattr(library, "recompute_events", broken)
    monkeypatch.setattr("sys.argv", ["timeline", "--db", str(tmp_path / "t.db"), "recompute"])
    monkeypatch.delenv("TIMELINE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        cli_module.main()
    assert stopped.value.code == 1
    err = capsys.readouterr().err
    assert "Error: unexpected ValueError: a bug somewhere" in err and "Traceback" not in err


def test_text_from_a_terminal_in_another_encoding_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A terminal set to Windows-1256 gives the bytes of مرسل, which are not UTF-8: Python
    # keeps them as lone surrogates and SQLite refused them with "unexpected
    # UnicodeEncodeError".
    from timeline import cli as cli_module

    db = str(tmp_path / "t.db")
    CliRunner().invoke(cli, ["--db", db, "import", str(SAMPLES / "02_suez.txt")])
    note = os.fsdecode("مرسل".encode("cp1256"))
    monkeypatch.setattr("sys.argv", ["timeline", "--db", db, "edit", "note", "1", note])
    monkeypatch.delenv("TIMELINE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        cli_module.main()
    assert stopped.value.code == 1
    err = capsys.readouterr().err
    assert err == (
        "Error: text given to the program is not UTF-8 (bytes \\xe3\\xd1\\xd3\\xe1); is the"
        " terminal set to another encoding? Nothing was written for it.\n"
    )
    shown = CliRunner().invoke(cli, ["--db", db, "show", "1", "--json"]).output
    assert json.loads(shown)["note"] == ""


def test_search_suggests_spellings_when_nothing_matches(run) -> None:
    run("import", str(SAMPLES / "02_suez.txt"))
    assert run("search", "السويس", "--json").output.strip()
    misspelled = CliRunner().invoke(cli, ["--db", str(run.db), "search", "السوبس", "--no-bidi"])
    assert misspelled.exit_code == 0
    assert "0 matching articles" in misspelled.stderr
    assert "Did you mean: السويس" in misspelled.stderr


def test_search_finds_a_word_between_isolates_and_offers_no_word_typed(run, tmp_path: Path) -> None:
    articles = tmp_path / "a.jsonl"
    rows = [
        {"title": "\u2066عنوان\u2069 الخبر", "body": "قال المسؤول", "source": "أ"},
        {"title": "مقال", "body": "كلمة\U0001fae9 أخرى", "source": "أ"},
    ]
    articles.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    run("import", str(articles))
    found = CliRunner().invoke(cli, ["--db", str(run.db), "search", "عنوان", "--no-bidi"])
    assert "1 matching article" in found.stderr
    glued = CliRunner().invoke(cli, ["--db", str(run.db), "search", "كلمة", "--no-bidi"])
    assert "0 matching articles" in glued.stderr
    assert "Did you mean" not in glued.stderr


def test_search_says_more_than_when_the_count_stopped(run, monkeypatch) -> None:
    from timeline.store import search as search_module

    run("import", str(SAMPLES))
    # A first page that ends before the last tier (which would need the exact number).
    args = ["--db", str(run.db), "search", "في", "--limit", "1", "--no-bidi"]
    every = CliRunner().invoke(cli, args)
    assert "more than" not in every.stderr
    monkeypatch.setattr(search_module, "COUNT_CAP", 2)
    monkeypatch.setattr(search_module, "ONE_PASS", 0)  # read a tier at a time, as a common word
    found = CliRunner().invoke(cli, args)
    assert found.exit_code == 0
    assert "more than 2 matching articles" in found.stderr
    # The page is the same: the count stopped, the ranking did not.
    assert found.stdout == every.stdout


@pytest.mark.parametrize(
    "command", [["list"], ["export", "--format", "events-csv"], ["export", "--format", "timeline"]]
)
def test_a_reader_that_stops_early_ends_the_command_quietly(
    run, tmp_path: Path, command: list[str]
) -> None:
    import sys

    run("import", str(SAMPLES))
    # The pipe's far end closed before a byte is written: the first write fails (EPIPE),
    # as `timeline list | head -1` does once head has its line.
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "timeline", "--db", str(run.db), *command],
            stdout=writer,
            stderr=subprocess.PIPE,
            timeout=60,
            text=True,
        )
    finally:
        os.close(writer)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert "cannot write" not in done.stderr, done.stderr


def test_articles_read_as_consumed_outlive_their_store_quietly(run) -> None:
    from timeline.store import Store

    run("import", str(SAMPLES))
    with Store(run.db) as store:
        rows = store.iter_articles(body=False)
        first = next(rows)
        assert first.body == "" and first.title
    rows.close()  # after the store closed: no error (a reader that left a pipe early)


def test_export_to_a_full_standard_output_names_it(run, tmp_path: Path) -> None:
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    run("import", str(SAMPLES))
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "timeline",
                "--db",
                str(run.db),
                "export",
                "--format",
                "events-csv",
            ],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
            text=True,
        )
    assert done.returncode == 1
    assert "cannot write standard output" in done.stderr and "None" not in done.stderr


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM"])
def test_ctrl_c_in_an_import_keeps_the_files_finished_and_says_so(
    tmp_path: Path, corpus: Path, name: str
) -> None:
    # Ctrl+C printed "Aborted!" and nothing else; the workers, sent it by the terminal
    # too, could make the file read as a dead worker's failure.  Now the file being read
    # is rolled back, the ones before it kept, and the command says so (exit 130).
    # SIGTERM (kill, timeout, a session's end) is taken as Ctrl+C is (exit 143): it
    # ended the command without a word, a rollback journal left for the next to open,
    # and sent to the group it ended the workers too ("a worker process ended
    # unexpectedly", "1 failed files").
    import signal
    import sqlite3
    import sys
    import time

    db = tmp_path / "t.db"
    small = tmp_path / "small.jsonl"
    with small.open("w", encoding="utf-8") as out:
        out.write((corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8"))
    big = corpus / "saudinewsnet" / "full.jsonl.gz"  # read for many seconds, with workers
    child = subprocess.Popen(
        [sys.executable, "-m", "timeline", "--db", str(db), "import", str(small), str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # As a terminal's Ctrl+C: to the whole process group, workers included (the
        # command sets its own handler, whatever this process left it).
        start_new_session=True,
    )
    try:
        committed = False
        deadline = time.monotonic() + 60
        while not committed and time.monotonic() < deadline:  # the first file committed
            time.sleep(0.1)
            # Its articles read; or, once the large file after it has begun, held alone
            # (library.HELD_ALONE_BYTES: no reader gets in), read without taking a lock:
            # articles in the file then are the first file's, or the second's, after the
            # first's commit.  (A rollback journal alone said nothing: the new library
            # has one for a moment as it is made, before the command's Ctrl+C handler.)
            for query in ("mode=ro", "mode=ro&nolock=1"):
                with contextlib.suppress(sqlite3.Error):
                    conn = sqlite3.connect(f"file:{db}?{query}", uri=True, timeout=0)
                    try:
                        count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                        committed = committed or count > 0
                    finally:
                        conn.close()
        assert committed, "the first file was never committed"
        os.killpg(child.pid, getattr(signal, name))
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    assert child.returncode == 128 + getattr(signal, name), err
    assert "cancelled: the file being read was not stored" in err
    assert "Traceback" not in err and "worker" not in err, err
    conn = sqlite3.connect(db)
    try:
        kept = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    assert 0 < kept <= 200 and f"{kept} added" in out  # the sample's, none of the other's


def test_a_file_name_from_outside_stays_one_line_and_shown_as_it_is(run, tmp_path: Path) -> None:
    """A name holding a newline cannot add a line of its own (here, a forged summary),
    and its controls and overrides are shown, not acted on or silently dropped."""
    folder = tmp_path / "in"
    folder.mkdir()
    forged = "x\n100 added, 0 already stored, 0 failed files\x1b[2J\u202enosj.json"
    (folder / forged).write_bytes(b"\x00\x01 not text")
    (folder / "a\nb.jsonl").write_text('{"title": "t"}\n', encoding="utf-8")
    result = run("import", str(folder), expect=1)
    lines = result.output.splitlines()
    assert lines[-1] == "0 added, 0 already stored, 1 failed file, 1 record skipped"
    assert not any(line.startswith("100 added") for line in lines)
    failed = [line for line in lines if line.startswith("failed: ")]
    assert len(failed) == 1
    assert (
        "x\u240a100 added, 0 already stored, 0 failed files\u241b[2J\u27e8RLO\u27e9nosj.json"
        in failed[0]
    )
    (skipped,) = [line for line in lines if "that is not an article" in line]
    assert "a\u240ab.jsonl: skipped 1 record" in skipped
    assert not _has_control(result.output)


def test_a_file_name_the_user_gave_is_one_line_and_shown_as_it_is(run, tmp_path: Path) -> None:
    """An export to a name holding a newline printed the name over two lines (the
    second could pass for a line of the program's), and an error naming a path dropped
    its bidi override: each is shown as a symbol, on the one line."""
    run("import", str(SAMPLES / "02_suez.txt"))
    target = tmp_path / "out\nwrote 999\u202e.csv"
    said = run("export", "--format", "articles-csv", "--output", str(target)).output
    assert (
        said
        == f"wrote 1 article as CSV, every column to {tmp_path}/out\u240awrote 999\u27e8RLO\u27e9.csv\n"
    )
    assert target.read_text(encoding="utf-8-sig").startswith("id,uid,")
    missing = tmp_path / "no\u202e" / "x.db"
    result = CliRunner().invoke(cli, ["--db", str(missing), "list"])
    assert result.output == f"Error: no database at {tmp_path}/no\u27e8RLO\u27e9/x.db\n"


def test_a_line_break_in_a_title_or_source_cannot_print_a_row_of_its_own(
    run, tmp_path: Path
) -> None:
    forged = "\n    99  2030-01-01T00:00  forged | fake"
    record = {
        "title": "عنوان" + forged,
        "body": "متن يوم 5 أيار 2021",
        "published": "2021-05-22",
        "source": "مصدر\u2028ثان",
    }
    data = tmp_path / "breaks.jsonl"
    data.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    run("import", str(data))
    (row,) = run("list", "--no-bidi").output.splitlines()
    assert row.endswith("مصدر ثان | عنوان     99  2030-01-01T00:00  forged | fake")
    found = run("search", "متن", "--no-bidi").output.splitlines()
    # The row, its snippet, the count.
    assert len(found) == 3 and found[0].endswith("عنوان     99  2030-01-01T00:00  forged | fake")
    shown = run("show", "1", "--no-bidi").output.splitlines()
    assert not any(line.startswith("    99") for line in shown)
    assert "     source: مصدر ثان" in shown
    # The data itself is kept as it came.
    assert json.loads(run("list", "--json").output)["title"] == record["title"]


def test_a_usage_error_shows_the_arguments_controls_instead_of_obeying_them(run) -> None:
    hostile = "a\nb\x1b[2J\u202e"
    for args in (["edit", "tag", "1", hostile], ["list", hostile], [hostile]):
        result = CliRunner().invoke(cli, ["--db", str(run.db), *args])
        assert result.exit_code == 2, result.output
        assert not _has_control(result.output), repr(result.output)
    # What the argument held is shown, on one line.
    result = CliRunner().invoke(cli, ["--db", str(run.db), "edit", "tag", "1", hostile])
    (line,) = [x for x in result.output.splitlines() if x.startswith("Error:")]
    assert "a\u240ab\u241b[2J\u27e8RLO\u27e9" in line


def test_ctrl_c_in_a_recompute_leaves_the_events_as_they_were_and_says_so(
    run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import signal

    from timeline import library

    run("import", str(SAMPLES))
    conn = sqlite3.connect(run.db)
    with conn:
        conn.execute("DELETE FROM events WHERE kind = 'mentioned'")  # recompute adds them
    conn.close()
    extract = library.mention_events
    calls: list[int] = []

    def interrupted_on_the_third(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 3:
            signal.raise_signal(signal.SIGINT)  # as the terminal's Ctrl+C
        return extract(*args, **kwargs)

    monkeypatch.setattr(library, "mention_events", interrupted_on_the_third)
    result = run("recompute", expect=130)
    assert "cancelled: nothing was changed" in result.output
    assert "re-computed" not in result.output and len(calls) >= 3
    conn = sqlite3.connect(run.db)
    try:
        assert conn.execute("SELECT count(*) FROM events WHERE kind = 'mentioned'").fetchone() == (
            0,
        )
    finally:
        conn.close()
    monkeypatch.setattr(library, "mention_events", extract)
    assert "re-computed the events of" in run("recompute").output


def test_sigterm_stops_any_command_as_ctrl_c_does(run, monkeypatch: pytest.MonkeyPatch) -> None:
    """`stories` signing a library's articles, sent SIGTERM, ended at once without a
    word; it now stops as Ctrl+C stops it (its transaction rolled back, "Aborted!"),
    and the handler it found is put back after (here, the test runner's)."""
    import signal

    from timeline import library

    run("import", str(SAMPLES))
    conn = sqlite3.connect(run.db)
    with conn:
        conn.execute("DELETE FROM story_signatures")  # to sign, as an older library's
    conn.close()
    sign = library.sign_articles

    def terminated(*args: Any) -> Any:
        signal.raise_signal(signal.SIGTERM)  # as `kill` sends it
        return sign(*args)

    monkeypatch.setattr(library, "sign_articles", terminated)
    handler = signal.getsignal(signal.SIGTERM)
    result = run("stories", expect=1)
    assert result.output.splitlines()[-1] == "Aborted!"
    assert signal.getsignal(signal.SIGTERM) == handler
    conn = sqlite3.connect(run.db)
    try:
        assert conn.execute("SELECT count(*) FROM story_signatures").fetchone() == (0,)
    finally:
        conn.close()


def test_a_worker_that_dies_in_a_recompute_is_one_line(
    run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline import library
    from timeline.processes import WorkerDied

    run("import", str(SAMPLES / "02_suez.txt"))

    def died(*_args: Any, **_kwargs: Any) -> int:
        raise WorkerDied("a worker process ended unexpectedly (killed, out of memory)")

    monkeypatch.setattr(library, "recompute_events", died)
    result = run("recompute", expect=1)
    (line,) = [x for x in result.output.splitlines() if x.startswith("Error:")]
    assert line == (
        "Error: nothing was changed: a worker process ended unexpectedly (killed, out of memory)"
    )


def test_an_import_says_which_articles_had_no_title(run, tmp_path: Path) -> None:
    data = tmp_path / "posts.jsonl"
    data.write_text(
        '{"body": "منشور بلا عنوان", "published": "2021-05-22"}\n'
        '{"title": "عنوان", "body": "خبر", "published": "2021-05-22"}\n',
        encoding="utf-8",
    )
    result = run("import", str(data))
    assert "1 article without a title, each named by the first line of its text" in (result.output)
    assert "2 added" in result.output


def test_a_search_that_begins_with_an_exclusion_is_told_how(run) -> None:
    # click takes "-رياضة في" for an option: the error says how to give it.
    run("import", str(SAMPLES / "02_suez.txt"))
    said = run("search", "-رياضة قناة", expect=2).output
    assert 'search -- "-word other"' in said
    assert "قناة" in run("search", "--", "-رياضة قناة").output
    said = run("edit", "notes", "-x", expect=2).output
    assert 'edit notes -- "-word other"' in said
    assert "-- " not in run("list", "-x", expect=2).output  # no query there: no such advice


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize(
    "command",
    [
        ["--db", "DB", "list"],
        ["--db", "DB", "show", "1"],
        ["--db", "DB", "search", "الملك"],
        ["--db", "DB", "edit", "list"],
        ["--db", "DB", "export", "--format", "articles-jsonl"],
        ["extract", "--format", "lines", "-"],  # started without click
        ["--no-bidi", "extract", "--format", "lines", "-"],  # through click
    ],
)
def test_output_to_a_full_disk_is_one_line_said_alike(run, command: list[str]) -> None:
    """Standard output on a full disk: every command says so in export's words, not as
    a bug ("unexpected OSError")."""
    import sys

    run("import", str(SAMPLES))
    # Buffered, as a user's interpreter is: unbuffered, nothing was left for the exit's
    # flush to fail on (and the exit status was 120 on a machine without the setting).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "timeline", *(str(run.db) if a == "DB" else a for a in command)],
            input="زار الوزير الرياض يوم 5 مايو 2015",
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
            text=True,
            env=env,
        )
    assert done.returncode == 1
    assert done.stderr == "Error: cannot write standard output: No space left on device\n"


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["show", "1"],
        ["search", "قناة"],
        ["export", "--format", "articles-jsonl"],
        ["--no-bidi", "stories"],
    ],
)
def test_a_library_on_a_disk_with_no_room_for_sqlite_s_shm_file_is_read(
    run, command: list[str]
) -> None:
    """SQLite could not make its 32 KB -shm file, and even `list` failed ("disk I/O
    error"; on a full disk "the disk is full; what was being written was not
    stored"): the command holds the file alone instead (Store._connect_alone)."""
    import sys

    run("import", str(SAMPLES))
    with_room, listed = run(*command), run("list").stdout
    assert not Path(f"{run.db}-shm").exists()  # (made anew by the next program)
    done = subprocess.run(
        [sys.executable, "-c", ON_A_SMALL_DISK, "1000", "--db", str(run.db), *command],
        capture_output=True,
        timeout=60,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert (done.stdout, done.stderr) == (with_room.stdout, with_room.stderr)
    # A write is refused there in one line, nothing changed.
    edit = ["edit", "article", "1", "--title", "عنوان آخر"]
    done = subprocess.run(
        [sys.executable, "-c", ON_A_SMALL_DISK, "1000", "--db", str(run.db), *edit],
        capture_output=True,
        timeout=60,
        text=True,
    )
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith(f"Error: {run.db}: ")
    assert run("list").stdout == listed


@pytest.mark.parametrize("room", [4_000, 20_000, 200_000])
def test_a_new_library_on_a_disk_without_room_for_it_leaves_nothing(
    tmp_path: Path, room: int
) -> None:
    """Made in place, a new library whose making failed on a full disk left a 16 KB file
    (its header alone; with its -wal and -shm when the disk filled sooner) that every
    later command called "not a timeline store".  Here in a process whose files may grow
    to room bytes (RLIMIT_FSIZE), as the record's first run on a small tmpfs."""
    import sys

    folder = tmp_path / "small"
    folder.mkdir()
    db = folder / "new.db"
    command = ["--db", str(db), "import", str(SAMPLES)]
    done = subprocess.run(
        [sys.executable, "-c", ON_A_SMALL_DISK, str(room), *command],
        capture_output=True,
        timeout=60,
        text=True,
    )
    assert done.returncode == 1 and done.stderr.startswith(f"Error: {db}"), done.stderr
    assert list(folder.iterdir()) == []


def test_a_title_with_a_zwj_before_a_ligature_is_listed_on_a_terminal(run, tmp_path: Path) -> None:
    """arabic-reshaper fails on ZWJ then لا (IndexError): `list` and `show` on a
    terminal (--bidi) ended "unexpected IndexError"."""
    path = tmp_path / "zwj.jsonl"
    record = {"title": "قال من\u200dلا", "body": "في 3 مارس 2020 قال من\u200dلا"}
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    run("import", str(path))
    assert for_terminal("قال منلا") in run("--bidi", "list").stdout
    assert for_terminal("في 3 مارس 2020 قال منلا") in run("--bidi", "show", "1").stdout


def test_an_import_of_a_name_too_long_to_look_up_is_a_usage_error(run, tmp_path: Path) -> None:
    """As a file that does not exist is: the name said, nothing imported (Path.exists
    raised ENAMETOOLONG, and the command failed with "unexpected OSError")."""
    name = str(tmp_path / ("z" * 300 + ".txt"))
    result = run("import", str(SAMPLES), name, expect=2)
    assert "File name too long" in result.output
    assert "unexpected" not in result.output
    from timeline.store import Store

    with Store(run.db) as store:
        assert store.count_articles() == 0
