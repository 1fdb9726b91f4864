"""Text given without a name: pasted in the window or piped to `timeline import -`,
kept as a file beside the library (library.keep_pasted) of the format it begins as."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.ingest import pasted_suffix
from timeline.library import keep_pasted

BODY = "قال المتحدث إن الاجتماع سيعقد في الرياض يوم الخميس 23 يوليو 2015 بحضور الوزراء."


@pytest.mark.parametrize(
    ("text", "suffix"),
    [
        ("عنوان\nالثلاثاء 21 يوليو 2015\n" + BODY, ".txt"),
        ('{"title": "أ", "body": "ب"}\n{"title": "ج", "body": "د"}\n', ".jsonl"),
        # An article a line, each longer than the head looked at.
        (
            "\n".join(json.dumps({"title": str(n), "body": BODY * 60}) for n in range(3)),
            ".jsonl",
        ),
        ('{"title": "أ", "body": "ب"}\n', ".json"),
        ('{\n  "title": "أ",\n  "body": "ب"\n}\n', ".json"),  # one object over lines
        ('\ufeff  [{"title": "أ", "body": "ب"}]', ".json"),
        ('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', ".xml"),
        ('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', ".xml"),
        ('<?xml version="1.0"?><opml version="2.0"><body></body></opml>', ".opml"),
        ("<timeline><events></events></timeline>", ".timeline"),
        ("<!DOCTYPE html><html><body><p>نص</p></body></html>", ".html"),
        ("---\ntitle: عنوان\n---\nنص الخبر\n", ".md"),
        ('+++\ntitle = "عنوان"\n+++\nنص الخبر\n', ".md"),  # Hugo's TOML front matter
        ("", ".txt"),
    ],
)
def test_the_format_of_text_given_without_a_name(text: str, suffix: str) -> None:
    assert pasted_suffix(text.encode("utf-8")) == suffix


def test_kept_under_a_name_of_its_own_each_time(tmp_path: Path) -> None:
    folder = tmp_path / "pasted"
    first = keep_pasted(folder, b"a\nb\n")
    second = keep_pasted(folder, b"a\nb\n")
    page = keep_pasted(folder, b"<p>x</p>", ".html")
    assert first != second and first.suffix == second.suffix == ".txt"
    assert page.suffix == ".html" and second.read_bytes() == b"a\nb\n"
    assert sorted(p.parent for p in (first, second, page)) == [folder] * 3


def test_timeline_import_dash_reads_standard_input(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    runner = CliRunner()
    lines = "\n".join(
        json.dumps({"title": f"خبر {n}", "body": f"{BODY} {n}"}, ensure_ascii=False)
        for n in range(3)
    )
    result = runner.invoke(cli, ["--db", str(db), "import", "-"], input=lines.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output
    (kept,) = (tmp_path / "pasted").iterdir()
    assert kept.suffix == ".jsonl" and kept.read_text(encoding="utf-8") == lines
    listed = [
        json.loads(line)
        for line in runner.invoke(cli, ["--db", str(db), "list", "--json"]).output.splitlines()
    ]
    assert {row["origin"] for row in listed} == {str(kept)}
    # Text in Windows-1256, as a terminal in that encoding pipes it: read as a file is.
    text = f"عنوان آخر\nالثلاثاء 21 يوليو 2015\n{BODY}\n".encode("cp1256")
    result = runner.invoke(cli, ["--db", str(db), "import", "-"], input=text)
    assert result.exit_code == 0 and "1 added" in result.output, result.output
    # Nothing piped: said, nothing kept.
    result = runner.invoke(cli, ["--db", str(db), "import", "-"], input=b"  \n")
    assert result.exit_code == 1 and "nothing on standard input to import" in result.output
    assert len(list((tmp_path / "pasted").iterdir())) == 2


def _blank_png() -> bytes:
    """A 4x4 white PNG: a picture with no text to read in it."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\xff" * 12 for _ in range(4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # binary data
        _blank_png(),
        b"<!DOCTYPE html><html><body></body></html>",  # a page with no article
    ],
)
def test_standard_input_of_which_no_article_comes_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes
) -> None:
    """A picture or binary data piped to `import -` stayed in pasted/ beside the library,
    imported by no one.  The line said of it is as it was."""
    from timeline.ingest import ocr

    # OCR, stood in for, reads no text in the picture (as where it is installed).
    monkeypatch.setattr(ocr, "_tools", lambda: ("pdftoppm", "tesseract", "ara"))
    monkeypatch.setattr(ocr, "_run", lambda command, what: b"")
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "import", "-"], input=data)
    assert result.exit_code == 1, result.output
    # Named as it was given: the kept file's name would point at nothing.
    assert "pasted" not in result.stderr
    (failed,) = [line for line in result.stderr.splitlines() if "standard input" in line]
    assert failed.startswith("failed: standard input (not kept): ")
    assert "0 added, 0 already stored, 1 failed file" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.db"]
    as_json = CliRunner().invoke(cli, ["--db", str(db), "import", "--json", "-"], input=data)
    lines = [json.loads(line) for line in as_json.stdout.splitlines() if line.startswith("{")]
    assert [line["path"] for line in lines if "path" in line][:1] == ["-"]


def test_standard_input_whose_import_stops_on_an_error_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline import library
    from timeline.store import StoreError

    def disk_full(*_args: object, **_options: object) -> None:
        raise StoreError("the disk is full")

    monkeypatch.setattr(library, "import_paths", disk_full)
    args = ["--db", str(tmp_path / "t.db"), "import", "-"]
    result = CliRunner().invoke(cli, args, input=f"عنوان\n{BODY}\n".encode())
    assert result.exit_code == 1 and "Error: the disk is full" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.db"]


def test_standard_input_given_twice_is_refused_before_any_is_kept(tmp_path: Path) -> None:
    """`import - -`: the first took it all, the second failed the command with "nothing
    on standard input", and the first's text stayed in pasted/, imported by no one."""
    db = tmp_path / "t.db"
    args = ["--db", str(db), "import", "-", "-"]
    result = CliRunner().invoke(cli, args, input=f"عنوان\n{BODY}\n".encode())
    assert result.exit_code == 2
    assert "Invalid value for 'PATHS...': - (standard input) can be read once" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["import", "-"], ["extract", "-"]])
def test_a_dash_when_standard_input_is_closed_is_said_so(
    tmp_path: Path, command: list[str]
) -> None:
    """Started without standard input (`<&-`, a service), import - ended "unexpected
    AttributeError" and extract - "unexpected RuntimeError"."""
    import subprocess
    import sys

    db = tmp_path / "t.db"
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "--db", str(db), *command],
        preexec_fn=lambda: os.close(0),  # the child's, before it runs the program
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.endswith(
        "- is standard input, and it is closed: there is nothing to read\n"
    ), done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []
