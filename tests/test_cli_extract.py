"""`timeline extract`: TimeML out and in, and what the command line imports to start."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.ingest.test_compressed import gzip_cut_in_half
from timeline.cli import cli
from timeline.dating.timeml import read_timeml

TEXT = "وصل الوفد أمس الأحد إلى الرياض، ويغادر في 5 أغسطس بعد زيارة."

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>doc7</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2015-08-10" functionInDocument="CREATION_TIME">2015-08-10</TIMEX3></DCT>
<TEXT>
وصل الوفد <TIMEX3 tid="t1" type="DATE" value="XXXX">أمس</TIMEX3> إلى الرياض.
</TEXT>
<TLINK lid="l1" relType="BEFORE" timeID="t1" relatedToTime="t0"/>
</TimeML>
"""


def extract(*args: str, stdin: str | None = None, expect: int = 0) -> str:
    result = CliRunner().invoke(cli, ["extract", *args], input=stdin, catch_exceptions=False)
    assert result.exit_code == expect, result.output
    return result.output


def test_format_timeml_tags_the_text_with_the_creation_time(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    out = extract("--format", "timeml", "--published", "2015-08-10T10:00", str(article))
    doc = read_timeml(out)
    assert doc.text == TEXT
    assert doc.dct == "2015-08-10T10:00"
    assert 'functionInDocument="CREATION_TIME"' in out
    tagged = [(TEXT[t.start : t.end], t.type, t.value) for t in doc.timexes]
    assert tagged == [("أمس الأحد", "DATE", "2015-08-09"), ("5 أغسطس", "DATE", "2015-08-05")]
    assert all(f'tid="t{i}"' in out for i in range(3))


def test_format_timeml_without_a_creation_time(tmp_path: Path) -> None:
    out = extract("--format", "timeml", "-", stdin=TEXT)
    doc = read_timeml(out)
    assert doc.dct is None and "CREATION_TIME" not in out
    # Without a time "أمس" cannot be placed; a day without a year keeps its span with
    # TimeML's underspecified value (issue 12).
    assert [t.value for t in doc.timexes] == ["PAST_REF", "XXXX-08-05"]


def test_tml_input_is_anchored_on_its_creation_time(tmp_path: Path) -> None:
    source = tmp_path / "doc7.tml"
    source.write_text(TML, encoding="utf-8")
    (line,) = extract("--format", "json", str(source)).splitlines()
    record = json.loads(line)
    assert (record["text"], record["value"]) == ("أمس", "2015-08-09")
    out = extract("--format", "timeml", str(source))
    # Unchanged apart from the tags: everything before TEXT is as it was.
    assert out.partition("<TEXT>")[0] == TML.partition("<TEXT>")[0]
    assert '<TIMEX3 tid="t1" type="DATE" value="2015-08-09">أمس</TIMEX3>' in out
    assert "TLINK" not in out
    assert read_timeml(out).text == read_timeml(TML).text


def test_timeml_on_standard_input_and_a_given_time_wins() -> None:
    out = extract("--format", "timeml", "--published", "2015-08-20", "-", stdin=TML)
    doc = read_timeml(out)
    assert doc.dct == "2015-08-20"
    assert [t.value for t in doc.timexes] == ["2015-08-19"]


def test_malformed_tml_is_reported(tmp_path: Path) -> None:
    source = tmp_path / "bad.tml"
    source.write_text("<TimeML><TEXT>أمس", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(source)])
    assert result.exit_code == 1
    assert "not well-formed TimeML" in result.output


def test_json_flag_still_means_json() -> None:
    lines = extract("--json", "--published", "2015-08-10", "-", stdin=TEXT).splitlines()
    assert [json.loads(x)["value"] for x in lines] == ["2015-08-09", "2015-08-05"]


# extract decodes its input as the importers do, through timeline.text.encoding: the
# importers' package (whose __init__ loads every importer) stays out.
HEAVY = ("sqlite_utils", "sqlite3", "numpy", "PySide6", "shiboken6", "timeline.store",
         "timeline.library", "timeline.ui", "bidi", "arabic_reshaper", "timeline.ingest",
         "click.testing", "shutil", "urllib.request",
         # loaded by the importers where they need them, not when timeline.ingest loads
         "email", "logging", "hashlib", "xml", "defusedxml")  # fmt: skip


def _modules_after(code: str, stdin: str = "") -> set[str]:
    script = textwrap.dedent(code) + "\nprint('\\n'.join(sorted(sys.modules)), file=sys.stderr)"
    done = subprocess.run(
        [sys.executable, "-c", "import sys\n" + script],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return set(done.stderr.split())


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.mark.parametrize(
    "code",
    [
        "import timeline.cli",
        """
        from timeline.cli import cli
        cli(["extract", "--format", "timeml", "--published", "2015-08-10", "-"],
            standalone_mode=False)
        """,
    ],
    ids=["import", "extract"],
)
def test_extract_imports_nothing_heavy(code: str) -> None:
    modules = _modules_after(code, stdin=TEXT)
    assert "timeline.cli" in modules
    assert _heavy(modules) == []


def test_extract_reads_a_text_as_the_importers_do() -> None:
    # One limit for a text, whichever way it is read; the same decoding functions.
    from timeline import ingest
    from timeline.ingest import encoding as ingest_encoding
    from timeline.text import encoding

    assert encoding.MAX_TEXT_BYTES == ingest.MAX_TEXT_BYTES
    assert ingest_encoding.decode_counted is encoding.decode_counted
    assert ingest_encoding.UnreadableFile is encoding.UnreadableFile


def test_the_store_commands_still_import_the_store(tmp_path: Path) -> None:
    # The check above must be able to fail: `list` does load the store.
    modules = _modules_after(
        f"""
        from timeline.cli import cli
        try:
            cli(["--db", {str(tmp_path / "t.db")!r}, "list"])
        except SystemExit:
            pass
        """
    )
    assert "timeline.store" in _heavy(modules)


def test_a_creation_time_after_midnight_is_taken_as_the_writers_own() -> None:
    # An imported stamp after midnight may be a crawl's (its today is read as the day
    # before); a creation time given to `timeline extract` is the writer's own.
    out = extract("--json", "--published", "2015-08-10T01:30", "-", stdin="وصل الوفد اليوم.")
    assert [json.loads(line)["value"] for line in out.splitlines()] == ["2015-08-10"]


def test_dates_in_presentation_forms_are_read_at_their_place_in_the_text() -> None:
    """Read as the import reads such letters (as letters); the offsets are the given
    text's, a lam-alef ligature before the date counting one character, not two."""
    from tests.text.test_normalize import presentation_forms

    date = presentation_forms("العاشر من يوليو") + " 2015"
    text = "ﻻ تأجيل: عقد الاجتماع في " + date + " ﻷهله"
    (line,) = extract("--format", "json", "--published", "2015-08-01", "-", stdin=text).splitlines()
    found = json.loads(line)
    assert (found["value"], found["text"]) == ("2015-07-10", date)
    assert text[found["start"] : found["end"]] == date
    document = read_timeml(
        extract("--format", "timeml", "--published", "2015-08-01", "-", stdin=text)
    )
    assert document.text == text  # written back as given, only tagged
    (timex,) = document.timexes
    assert text[timex.start : timex.end] == date


def test_a_pdf_is_read_as_the_import_reads_it(tmp_path: Path) -> None:
    from tests.ingest.pdf_fixtures import drawn, pdf_bytes

    line = "وصل الوفد إلى الرياض في 5 أغسطس 2015 بعد زيارة."
    article = tmp_path / "a.pdf"
    article.write_bytes(pdf_bytes([drawn(line, 700)]))  # drawn, as a browser prints
    out = extract("--format", "json", str(article))
    (record,) = [json.loads(row) for row in out.splitlines()]
    assert (record["text"], record["value"]) == ("5 أغسطس 2015", "2015-08-05")
    broken = tmp_path / "b.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\0" * 50)
    out = extract(str(broken), expect=1)
    assert "b.pdf: not a readable PDF (" in out and len(out.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("published", "text"),
    [
        ("0001-01-01", "زار الوزير الرياض أمس"),
        ("9999-12-01", "سيزور الوزير الرياض غداً والعام المقبل"),
    ],
)
def test_a_creation_time_off_the_timeline_leaves_relative_dates_unresolved(
    published: str, text: str
) -> None:
    """As the import and recompute do with such a publication date: the relative dates
    are still listed, unresolved (one before year 1 or after 9999 cannot be a date)."""
    result = CliRunner().invoke(
        cli, ["extract", "--json", "--published", published, "-"], input=text
    )
    assert result.exit_code == 0, result.output
    assert f"publication time: year {int(published[:4])} is outside" in result.stderr
    values = [json.loads(line)["value"] for line in result.stdout.splitlines()]
    assert values and all(value.endswith("_REF") for value in values)


def _extract_started_without_click(*args: str) -> subprocess.CompletedProcess[str]:
    """`timeline extract ARGS` as the console entry starts it (run_without_click)."""
    return subprocess.run(
        [sys.executable, "-m", "timeline", "extract", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.mark.parametrize("suffix", [".txt.gz", ".jsonl.gz", ".tml.gz"])
def test_a_gzip_file_is_read_as_the_import_reads_it(tmp_path: Path, suffix: str) -> None:
    """The text it inflates to, by the import's capped reader; a .tml.gz is TimeML."""
    import gzip

    text = TML if suffix == ".tml.gz" else TEXT
    if suffix == ".jsonl.gz":
        text = json.dumps({"title": "زيارة", "body": TEXT}, ensure_ascii=False) + "\n"
    plain = tmp_path / ("a" + suffix.removesuffix(".gz"))
    plain.write_text(text, encoding="utf-8")
    packed = tmp_path / ("a" + suffix)
    packed.write_bytes(gzip.compress(text.encode("utf-8")))
    args = ("--format", "json", "--published", "2015-08-10")
    expected = extract(*args, str(plain))
    assert expected.count("\n") >= 1
    assert extract(*args, str(packed)) == expected
    started = _extract_started_without_click(*args, str(packed))
    assert (started.returncode, started.stdout, started.stderr) == (0, expected, "")


def test_a_gzip_pdf_is_read(tmp_path: Path) -> None:
    import gzip

    from tests.ingest.pdf_fixtures import drawn, pdf_bytes

    article = tmp_path / "a.pdf.gz"
    article.write_bytes(gzip.compress(pdf_bytes([drawn("وصل الوفد في 5 أغسطس 2015.", 700)])))
    (record,) = [json.loads(row) for row in extract("--format", "json", str(article)).splitlines()]
    assert record["value"] == "2015-08-05"


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("cut.txt.gz", gzip_cut_in_half((TEXT + "\n").encode("utf-8") * 3000), "damaged or truncated"
         " gzip data (Compressed file ended before the end-of-stream marker was reached)"),
        ("plain.txt.gz", TEXT.encode("utf-8"), "damaged or truncated gzip data (Not a gzipped"
         " file (b'\\xd9\\x88'))"),
    ],
)  # fmt: skip
def test_a_broken_gzip_file_is_one_line(tmp_path: Path, name: str, data: bytes, said: str) -> None:
    """The import's line for the file, as a text read whole: a cut one fails whole (a
    text is one record; a date the cut falls in would be found in part, as another)."""
    path = tmp_path / name
    path.write_bytes(data)
    out = extract("--format", "json", str(path), expect=1)
    assert out == f"Error: {path}: {said}\n"
    started = _extract_started_without_click("--format", "json", str(path))
    assert (started.returncode, started.stdout, started.stderr) == (1, "", out)


def test_a_gzip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gzip

    from timeline.ingest import inflate

    monkeypatch.setattr(inflate, "RATIO_FREE_BYTES", 1 << 20)
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b" " * (8 << 20)))
    out = extract(str(path), expect=1)
    assert out.startswith(f"Error: {path}: inflates more than 200 times (")
    assert out.endswith("a compression bomb?\n")


def test_a_gzip_file_that_is_a_pipe_is_read(tmp_path: Path) -> None:
    """A named pipe (`timeline extract <(gzip -c a.txt)` names one) cannot tell where it
    is: the inflated text comes out of it as out of a file ("Illegal seek" before)."""
    import gzip
    import os
    import threading

    path = tmp_path / "piped.txt.gz"
    os.mkfifo(path)

    def write() -> None:
        with path.open("wb") as pipe:
            pipe.write(gzip.compress(TEXT.encode("utf-8")))

    writer = threading.Thread(target=write)
    writer.start()
    try:
        out = extract("--format", "json", "--published", "2015-08-10", str(path))
    finally:
        writer.join()
    assert [json.loads(row)["text"] for row in out.splitlines()] == ["أمس الأحد", "5 أغسطس"]


def test_a_gzip_bomb_from_a_pipe_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a stream that cannot tell its place has given is counted as it is read."""
    import gzip
    import io

    from timeline.ingest import inflate
    from timeline.ingest.errors import BadArticle

    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            return self._data.readinto(buffer)

    monkeypatch.setattr(inflate, "RATIO_FREE_BYTES", 1 << 20)
    stream = inflate.open_gzip(Pipe(gzip.compress(b" " * (8 << 20))))
    with pytest.raises(BadArticle, match="a compression bomb"):
        stream.read()
