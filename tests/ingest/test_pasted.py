"""Text given without a name: pasted in the window or piped to `timeline import -`,
kept as a file beside the library (library.keep_pasted) of the format it begins as."""

from __future__ import annotations

import json
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
    import os
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
