"""`timeline export` through click's CliRunner."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.conftest import ON_A_SMALL_DISK, SAMPLES, command_line
from timeline.cli import cli
from timeline.model import to_axis


@pytest.fixture
def run(tmp_path: Path):
    invoke = command_line(tmp_path / "t.db")
    invoke("import", str(SAMPLES))
    return invoke


def test_text_formats_to_stdout_and_to_files(run, tmp_path: Path) -> None:
    lines = run("export", "--format", "articles-jsonl").stdout.splitlines()
    assert len(lines) == 14
    assert {"id", "uid", "body", "imported_at"} <= set(json.loads(lines[0]))
    target = tmp_path / "out.json"
    result = run("export", "--output", str(target))  # the suffix says TimelineJS
    assert "TimelineJS3 JSON" in result.stderr
    # What the count counts: an article export's records are articles, the rest events.
    events = len(json.loads(target.read_text(encoding="utf-8"))["events"])
    assert events > 1
    assert f"wrote {events} events as TimelineJS3 JSON" in result.stderr
    result = run("export", "--format", "articles-csv", "--output", str(tmp_path / "a.csv"))
    assert "wrote 14 articles as CSV" in result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["events"]
    assert not list(tmp_path.glob("*.part"))


def test_a_timeline_export_says_what_the_format_cannot_hold(run, tmp_path: Path) -> None:
    """Exported as .timeline and imported again, a library lost every tag, note, hidden
    mark, added event and corrected mention without a word: the export says so."""
    target = tmp_path / "out.timeline"
    result = run("export", "--output", str(target))
    assert "as The Timeline Project (.timeline XML: each dated article's title, text, link," in (
        result.stderr
    )
    assert "no tags, notes, hidden marks, or events you added or corrected)" in result.stderr


def test_a_csv_file_begins_with_a_byte_order_mark_and_standard_output_does_not(
    run, tmp_path: Path
) -> None:
    # Excel opens a CSV file without one in the system's code page: every Arabic letter
    # garbled.  The program's own importer reads it back as it was.
    target = tmp_path / "out.csv"
    run("export", "--output", str(target), "--format", "articles-csv")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,uid,title,") and data.count(b"\xef\xbb\xbf") == 1
    assert run("export", "--format", "articles-csv").stdout.startswith("id,uid,title,")
    events = tmp_path / "events.csv"
    run("export", "--output", str(events), "--format", "events-csv")
    assert events.read_bytes().startswith(b"\xef\xbb\xbf")
    again = CliRunner().invoke(cli, ["--db", str(tmp_path / "again.db"), "import", str(target)])
    assert again.exit_code == 0 and "14 added" in again.output


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_link_keeps_its_place_and_a_full_device_is_an_error(run, tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    run("export", "--output", str(link), "--format", "articles-csv")
    assert link.is_symlink() and real.read_text(encoding="utf-8-sig").startswith("id,uid,")
    failed = run("export", "--output", "/dev/full", "--format", "articles-csv", expect=1)
    assert "cannot write /dev/full" in failed.output and "Traceback" not in failed.output
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)  # still the device


def test_query_source_and_dates_choose(run) -> None:
    everything = run("export", "--format", "events-jsonl").stdout.splitlines()
    moon = run("export", "--format", "articles-jsonl", "--query", "القمر").stdout.splitlines()
    assert 1 <= len(moon) < 14
    dated = run(
        "export", "--format", "events-jsonl", "--from", "1969-01-01", "--to", "1969-12-31"
    ).stdout.splitlines()
    assert 1 <= len(dated) < len(everything)
    first, after = to_axis(datetime(1969, 1, 1)), to_axis(datetime(1970, 1, 1))
    for line in dated:
        event = json.loads(line)
        assert event["start"] < after and (event["end"] or event["start"] + 1) > first
    nothing = run("export", "--format", "articles-csv", "--source", "no such source").stdout
    assert nothing.splitlines() == [nothing.splitlines()[0]]  # the header alone


def test_kind_chooses_by_publication_or_mention_as_the_search_and_window_do(run) -> None:
    """The window's filter "Published" and `timeline search --kind` choose by the
    publication alone; the export had no --kind, so a researcher could not write the
    articles an outlet published in a month (SaudiNewsNet: aawsat's August showed 1,282
    in the window, the export of the same source and month wrote 1,671)."""

    def ids(*args: str) -> set[int]:
        out = run("export", "--format", "articles-jsonl", "--from", "1956", "--to", "1970", *args)
        return {json.loads(line)["id"] for line in out.stdout.splitlines()}

    listed = [json.loads(line) for line in run("list", "--json").stdout.splitlines()]
    published = {a["id"] for a in listed if a["published"] and "1956" <= a["published"] < "1971"}
    assert ids("--kind", "published") == published and len(published) == 2
    either = ids()
    assert published < either and ids("--kind", "mentioned") <= either
    # The same choice as the search's, word and all.
    found = run("search", "مصر", "--json", "--from", "1956", "--to", "1970", "--kind", "published")
    searched = {json.loads(line)["id"] for line in found.stdout.splitlines()}
    assert ids("--kind", "published", "--query", "مصر") == searched != set()
    assert "is not one of" in run("export", "--kind", "neither", expect=2).output


def test_usage_errors(run, tmp_path: Path) -> None:
    assert "needs --output" in run("export", "--format", "png", expect=2).output
    assert "say --format" in run("export", "--output", str(tmp_path / "x.bin"), expect=2).output
    bad = run("export", "--format", "timelinejs", "--query", "ال*", expect=1).output
    assert bad.count("\n") == 1 and bad.startswith("Error:")
    run("export", "--format", "timeline", "--from", "2001-02-02", "--to", "2001-01-01", expect=2)


def test_a_scale_that_is_no_number_is_a_usage_error(run, tmp_path: Path) -> None:
    """click's FloatRange let "nan" through; the export ended "unexpected ValueError"."""
    target = tmp_path / "x.png"
    refused = run("export", "--output", str(target), "--scale", "nan", expect=2).output
    assert "Invalid value for '--scale': nan is not a number" in refused
    assert not target.exists()


def test_an_image(run, tmp_path: Path, qapp) -> None:
    # qapp first: the command would otherwise make the test session's application, in
    # Arabic, for every later test.
    target = tmp_path / "t.png"
    run("export", "--output", str(target), "--width", "800", "--height", "300", "--lang", "ar")
    assert target.read_bytes().startswith(b"\x89PNG")


def test_an_image_with_no_range_shows_the_publication_days_and_says_what_is_left_out(
    tmp_path: Path, qapp
) -> None:
    """A whole library's image spanned every mention (1890 to 2035 for SaudiNewsNet), its
    news squeezed into one bar: with no --from / --to it shows the days the articles were
    published in, as the window opens, and says how many events lie outside and how to
    draw them."""
    from timeline.export import Selection, export
    from timeline.store import Store

    feed = tmp_path / "few.jsonl"
    texts = ["افتتح الجسر عام 1950 وسيجدد عام 2040.", "وصل الوفد.", "بدأت القمة."]
    with open(feed, "w", encoding="utf-8") as out:
        for day, body in enumerate(texts, start=1):
            record = {"title": f"خبر {day}", "body": body, "published": f"2021-03-0{day}T10:00"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    db = tmp_path / "few.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "import", str(feed)]).exit_code == 0
    target = tmp_path / "t.png"
    args = ["--db", str(db), "export", "--output", str(target), "--width", "800"]
    said = runner.invoke(cli, [*args, "--lang", "ar"], catch_exceptions=False).stderr
    assert "wrote 3 events as image" in said
    assert "2 events outside 2021-" in said and "--from and --to draw any range" in said
    assert target.read_bytes().startswith(b"\x89PNG")
    # Asked for a range, nothing more is said; every event drawn.
    ranged = [*args, "--from", "1900-01-01", "--to", "2050-01-01", "--lang", "ar"]
    said = runner.invoke(cli, ranged, catch_exceptions=False).stderr
    assert "wrote 5 events as image" in said and "outside" not in said
    # What the image shows: March 2021, not the bridge's years.
    extent: list = []
    with Store(db) as store:
        assert export(store, "png", Selection(), target, width=800, extent=extent) == 3
    shown = extent[0]
    assert shown.outside == 2
    assert to_axis(datetime(2021, 2, 20)) < shown.start < to_axis(datetime(2021, 3, 1))
    assert to_axis(datetime(2021, 3, 4)) < shown.end < to_axis(datetime(2021, 3, 12))


def test_an_image_is_in_arabic_unless_asked_otherwise(run, tmp_path: Path) -> None:
    """As `export --help` says and as a chronology is: without --lang, the same image as
    --lang ar.  In processes of their own: the image's language is its application's,
    made once a process (this one's, for the tests, is in English)."""
    db = tmp_path / "t.db"
    drawn = {}
    for lang in ("", "ar", "en"):
        target = tmp_path / f"{lang or 'default'}.svg"
        chosen = ["--lang", lang] if lang else []
        command = [sys.executable, "-m", "timeline", "--db", str(db), "export"]
        command += ["--output", str(target), "--width", "600", "--height", "200", *chosen]
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
        drawn[lang] = target.read_bytes()
    assert drawn[""] == drawn["ar"] != drawn["en"]


@pytest.mark.parametrize(("name", "status"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_an_export_stopped_by_ctrl_c_or_sigterm_leaves_no_file_and_says_so(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, status: int
) -> None:
    """Ctrl+C printed "Aborted!" (exit 1); SIGTERM ended the export at once, its
    partial file (out.csv.1a2b3c4d.part) left beside the target and nothing said."""
    import signal

    from timeline import export

    write_text = export.write_text

    def stopped_part_way(store: Any, fmt: str, selection: Any, out: Any, *args: Any) -> int:
        out.write("id,uid\n1,part of a file\n")
        signal.raise_signal(getattr(signal, name))
        return write_text(store, fmt, selection, out, *args)

    monkeypatch.setattr(export, "write_text", stopped_part_way)
    target = tmp_path / "out.csv"
    result = run("export", "--format", "articles-csv", "--output", str(target), expect=status)
    assert result.output == f"cancelled: nothing was written to {target}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.db"]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # as it was before


def test_a_ctrl_c_before_the_export_takes_it_is_click_s_aborted(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One that came before the export's handlers were in place met a name not yet
    bound ("unexpected UnboundLocalError")."""
    import contextlib

    from timeline import cli as cli_module

    @contextlib.contextmanager
    def too_soon(**_options: Any) -> Any:
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr(cli_module, "_cancelled_by_interrupt", too_soon)
    target = tmp_path / "out.csv"
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            str(tmp_path / "t.db"),
            "export",
            "--format",
            "articles-csv",
            "--output",
            str(target),
        ],
    )
    assert result.exit_code == 1 and result.output.endswith("Aborted!\n"), result.exception
    assert not target.exists()


@pytest.mark.parametrize("suffix", ["svg", "png"])
def test_an_image_that_does_not_fit_on_the_disk_is_not_said_written(
    run, tmp_path: Path, suffix: str
) -> None:
    """Qt's SVG writer said nothing of a write that failed: on a full disk an SVG cut
    short was said written, whole (exit 0); the PNG writer said "Unknown error" in the
    image's language (Arabic), after libpng's own "Write Error"."""
    db, target = tmp_path / "t.db", tmp_path / f"out.{suffix}"
    room = 40_000  # more than SQLite's -shm (32 KiB), less than the image
    command = [sys.executable, "-c", ON_A_SMALL_DISK, str(room), "--db", str(db), "export"]
    command += ["--output", str(target)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(command, env=env, capture_output=True, timeout=120, text=True)
    assert done.returncode == 1
    assert done.stderr == f"Error: cannot write {target}: File too large\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.db"]  # no part of a file


@pytest.mark.parametrize("fmt", ["timeline", "timelinejs"])
def test_formats_that_need_a_date_say_which_articles_they_left_out(
    run, tmp_path: Path, fmt: str
) -> None:
    said = "1 undated article left out"
    assert said in run("export", "--format", fmt, "--output", str(tmp_path / "a")).stderr
    assert said in run("export", "--format", fmt).stderr  # to standard output too
    # Every column formats keep the undated article: nothing to say.
    assert "left out" not in run("export", "--format", "articles-csv").stderr
    # A choice of dated articles only leaves nothing out.
    dated = run("export", "--format", fmt, "--query", "القمر", "--output", str(tmp_path / "b"))
    assert "left out" not in dated.stderr
    # Chosen by the dates they mention, articles published before them have a date: they
    # were said to be undated articles left out.
    ranged = ["--from", "1956-01-01", "--to", "1956-12-31", "--output", str(tmp_path / "r")]
    assert "left out" not in run("export", "--format", fmt, *ranged).stderr
    # Given a date by the user, the article is placed, and said of no longer.
    (line,) = run("list", "--undated", "--json").stdout.splitlines()
    undated = json.loads(line)["id"]
    run("edit", "article", str(undated), "--published", "2020-01-01")
    assert "left out" not in run("export", "--format", fmt, "--output", str(tmp_path / "c")).stderr


def test_a_chronology_in_either_language(run, tmp_path: Path) -> None:
    target = tmp_path / "chronology.html"
    result = run("export", "--output", str(target), "--from", "1956-01-01", "--to", "1956-12-31")
    assert "a chronology" in result.stderr
    page = target.read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page and "تسلسل زمني" in page
    stamps = re.findall(r'<time datetime="([\d-]+)">', page)
    assert stamps and stamps == sorted(stamps)
    english = run("export", "--format", "chronology", "--lang", "en").stdout
    assert '<html lang="en" dir="ltr">' in english and "Chronology" in english


@pytest.mark.parametrize("name", ["t.db", "t.db-wal", "link.csv"])
def test_an_export_is_never_written_over_the_library(run, tmp_path: Path, name: str) -> None:
    """`--output` naming the library (a typo, a tab completed one file too far) put a CSV
    file where the whole library was: every article and everything the user said lost."""
    db = tmp_path / "t.db"
    target = tmp_path / name
    if name == "link.csv":
        target.symlink_to(db)
    before = db.read_bytes()
    failed = run("export", "--format", "articles-csv", "--output", str(target), expect=1)
    assert "it is the library being exported" in failed.output
    assert "Traceback" not in failed.output
    assert db.read_bytes() == before
    assert len(run("list", "--json").stdout.splitlines()) == 14


def test_a_dash_for_output_is_standard_output(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--output -` wrote a file named "-" in the working folder (an image, or text that
    was asked for on the terminal), where "-" is a standard stream for every other
    command that takes a file."""
    monkeypatch.chdir(tmp_path)
    text = run("export", "--format", "articles-csv", "--output", "-")
    assert text.stdout.startswith("id,uid,title,")
    refused = run("export", "--format", "png", "--output", "-", expect=2)
    assert "png needs --output FILE" in refused.output
    assert not (tmp_path / "-").exists()
