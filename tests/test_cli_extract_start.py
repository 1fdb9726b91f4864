"""`timeline extract` started without click (timeline/__main__.py, timeline/cli_extract.py).

Every case runs twice, through the console entry and through the click command line
alone, and both must print the same bytes on stdout and stderr and exit the same way;
each case also says which way the entry took (without click, or handed to click).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import click
import pytest

import timeline.cli
import timeline.dating
from timeline.__main__ import main as entry
from timeline.cli_extract import echo_like_click, parse_arguments

TEXT = "وصل الوفد أمس الأحد إلى الرياض، ويغادر في 5 أغسطس 2015 بعد زيارة تستمر ثلاثة أيام.\n"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>doc7</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2015-08-10" functionInDocument="CREATION_TIME">2015-08-10</TIMEX3></DCT>
<TEXT>
وصل الوفد <TIMEX3 tid="t1" type="DATE" value="XXXX">أمس</TIMEX3> إلى الرياض.
</TEXT>
</TimeML>
"""


class _Stream(io.TextIOWrapper):
    """A standard stream of bytes, a terminal or not."""

    def __init__(self, *, tty: bool = False, encoding: str = "utf-8") -> None:
        super().__init__(io.BytesIO(), encoding=encoding, errors="strict", write_through=True)
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty

    def value(self) -> bytes:
        self.flush()
        buffer = self.buffer
        assert isinstance(buffer, io.BytesIO)
        return buffer.getvalue()


def _run(
    monkeypatch: pytest.MonkeyPatch,
    main: Callable[[], None],
    args: list[str],
    *,
    stdin: bytes = b"",
    tty: bool = False,
    encoding: str = "utf-8",
) -> tuple[int, bytes, bytes, bool]:
    """(exit status, stdout, stderr, whether the click command line ran)."""
    out, err = _Stream(tty=tty, encoding=encoding), _Stream(tty=tty, encoding=encoding)
    clicked: list[bool] = []
    click_main = timeline.cli.main

    def recorded() -> None:
        clicked.append(True)
        click_main()

    with monkeypatch.context() as patch:
        patch.setattr(timeline.cli, "main", recorded)
        patch.setattr(sys, "argv", ["timeline", *args])
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        patch.setattr(sys, "stdout", out)
        patch.setattr(sys, "stderr", err)
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    return code, out.value(), err.value(), bool(clicked)


def _both(
    monkeypatch: pytest.MonkeyPatch, args: list[str], **kwargs: object
) -> tuple[int, bytes, bytes, bool]:
    """The entry's run, checked against click's own; and whether the entry went to click."""
    fast = _run(monkeypatch, entry, args, **kwargs)  # type: ignore[arg-type]
    slow = _run(monkeypatch, timeline.cli.main, args, **kwargs)  # type: ignore[arg-type]
    assert fast[:3] == slow[:3], args
    return fast


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    paths = {
        "text": tmp_path / "article.txt",
        "tml": tmp_path / "doc7.tml",
        "bad_tml": tmp_path / "bad.tml",
        "bad_byte": tmp_path / "bad.txt",
        "windows": tmp_path / "legacy.txt",
    }
    paths["text"].write_text(TEXT, encoding="utf-8")
    paths["tml"].write_text(TML, encoding="utf-8")
    paths["bad_tml"].write_text("<TimeML><TEXT>أمس", encoding="utf-8")
    paths["bad_byte"].write_bytes(("اجتمع الوزراء في 5 أيار 2021 " * 20).encode() + b"\xff")
    paths["windows"].write_bytes("اجتمع الوزراء في 5 أيار 2021".encode("cp1256"))
    names = {name: str(path) for name, path in paths.items()}
    names["folder"] = str(tmp_path)
    names["missing"] = str(tmp_path / "missing.txt")
    return names


# (arguments with {names} of files, standard input, a terminal?) run without click
WITHOUT_CLICK = [
    (["--published", "2015-08-10T10:00", "{text}"], "", False),
    (["{text}", "--format", "lines"], "", False),
    (["--format=lines", "--published=2015-08-10", "{text}"], "", True),
    (["{text}"], "", True),
    (["--format", "timeml", "{text}"], "", True),
    (["-", "--format", "timeml"], TEXT, False),
    (["--json", "--published=2015-08-20", "-"], TML, False),
    (["--format", "json", "{tml}"], "", False),
    (["--format", "timeml", "{tml}"], "", False),
    (["--published", "", "--", "{text}"], "", False),
    (["{windows}"], "", False),
    (["--json", "{bad_byte}"], "", False),  # a warning on stderr
    (["{bad_tml}"], "", False),  # Error: ..., exit status 1
    (["--json", "/dev/zero"], "", False),  # Error: more than ..., exit status 1
    (["-"], "", False),  # an empty text
]

# ...and handed to click, which has something to say about them
WITH_CLICK = [
    [],
    ["-h"],
    ["--help"],
    ["{missing}"],
    ["{folder}"],
    ["--published", "yesterday", "{text}"],
    ["--format", "xml", "{text}"],
    ["--format", "", "{text}"],
    ["-", "-"],  # (an opened file would be left open by click: its ResourceWarning)
    ["--json=1", "{text}"],
    ["--bidi", "{text}"],
    ["--db", "x.db", "{text}"],
    ["--published", "{text}"],
    ["{text}", "--published"],
    ["--published", "-", "-"],
    ["--json", "--json", "{text}"],
    ["--format", "json", "--format", "lines", "{text}"],
    ["--", "-", "-"],
    ["--jso", "{text}"],
]


@pytest.mark.parametrize(("args", "stdin", "tty"), WITHOUT_CLICK)
def test_extract_without_click_prints_what_click_prints(
    monkeypatch: pytest.MonkeyPatch, files: dict[str, str], args: list[str], stdin: str, tty: bool
) -> None:
    argv = ["extract", *(a.format(**files) for a in args)]
    code, out, err, clicked = _both(monkeypatch, argv, stdin=stdin.encode(), tty=tty)
    assert not clicked
    assert code in (0, 1) and (out or err or stdin == "")


@pytest.mark.parametrize("args", WITH_CLICK)
def test_extract_arguments_click_speaks_about_go_to_click(
    monkeypatch: pytest.MonkeyPatch, files: dict[str, str], args: list[str]
) -> None:
    argv = ["extract", *(a.format(**files) for a in args)]
    code, out, err, clicked = _both(monkeypatch, argv, stdin=TEXT.encode())
    assert clicked
    assert code in (0, 2) and (out or err)


def test_the_standard_input_is_left_whole_for_click(
    monkeypatch: pytest.MonkeyPatch, files: dict[str, str]
) -> None:
    # Handed over after reading nothing: click's run finds the whole text on stdin.
    argv = ["extract", "--json", "--json", "-"]
    code, out, _err, clicked = _both(monkeypatch, argv, stdin=TEXT.encode())
    assert clicked and code == 0 and out.count(b"\n") == 3


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_a_stdout_in_another_encoding_is_written_utf8(
    monkeypatch: pytest.MonkeyPatch, files: dict[str, str], encoding: str
) -> None:
    # click writes UTF-8 where a stream says ASCII; the entry makes a file's or a pipe's
    # stream UTF-8 before either runs (timeline.__main__.streams_for_any_text), so the
    # start without click serves it too, and a Latin-1 one no longer fails.
    argv = ["extract", files["text"]]
    code, out, _err, clicked = _run(monkeypatch, entry, argv, encoding=encoding)
    assert not clicked and code == 0 and "أمس".encode() in out


def test_other_commands_go_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _err, clicked = _both(monkeypatch, ["--version"])
    assert clicked and code == 0 and out.startswith(b"timeline, version")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (RuntimeError("boom\x1b[2J"), b"Error: unexpected RuntimeError: boom[2J\n"),
        (KeyboardInterrupt(), b"\nAborted!\n"),
    ],
)
def test_a_bug_or_an_interrupt_is_reported_as_click_reports_it(
    monkeypatch: pytest.MonkeyPatch, files: dict[str, str], error: BaseException, expected: bytes
) -> None:
    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise error

    monkeypatch.delenv("TIMELINE_DEBUG", raising=False)
    monkeypatch.setattr(timeline.dating, "extract_mentions", broken)
    code, out, err, clicked = _both(monkeypatch, ["extract", files["text"]])
    assert not clicked
    assert (code, out, err) == (1, b"", expected)


@pytest.mark.parametrize("tty", [False, True])
@pytest.mark.parametrize(
    "message", ["", "plain", "\x1b[31mred\x1b[0m", "a\x1b[2Jb\x1b]0;title\x07", "\x1b"]
)
def test_echo_like_click_writes_what_click_echo_writes(
    monkeypatch: pytest.MonkeyPatch, message: str, tty: bool
) -> None:
    written = []
    for echo in (echo_like_click, click.echo):
        for err in (False, True):
            for nl in (False, True):
                out, errors = _Stream(tty=tty), _Stream(tty=tty)
                with monkeypatch.context() as patch:
                    patch.setattr(sys, "stdout", out)
                    patch.setattr(sys, "stderr", errors)
                    echo(message, err=err, nl=nl)
                written.append((out.value(), errors.value()))
    assert written[:4] == written[4:]


def test_arguments_read_as_click_reads_them() -> None:
    assert parse_arguments(["a.txt"]) == ("a.txt", None, None, False)
    assert parse_arguments(["--format=timeml", "-", "--published", "2015"]) == (
        "-",
        "2015",
        "timeml",
        False,
    )
    assert parse_arguments(["--json", "--", "--json"]) == ("--json", None, None, True)
    assert parse_arguments(["--published="]) is None  # no SOURCE
    assert parse_arguments(["--published=", "x"]) == ("x", "", None, False)


def _exit_into_a_closed_pipe(main: str) -> tuple[int, str]:
    read, write = os.pipe()
    os.close(read)  # whatever is written fails with EPIPE
    try:
        done = subprocess.run(
            [sys.executable, "-c", f"import sys\nsys.argv[0] = 'timeline'\n{main}"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write)
    return done.returncode, done.stderr


def test_a_closed_pipe_ends_the_run_as_click_ends_it(files: dict[str, str]) -> None:
    ran = []
    for main in ("from timeline.__main__ import main", "from timeline.cli import main"):
        code = f"{main}\nsys.argv[1:] = ['extract', {files['text']!r}]\nmain()"
        ran.append(_exit_into_a_closed_pipe(code))
    assert ran[0] == ran[1] == (1, "")


def test_the_console_entry_runs_extract_without_importing_click(files: dict[str, str]) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        sys.argv = ["timeline", "extract", "--published", "2015-08-10", {files["text"]!r}]
        from timeline.__main__ import main
        try:
            main()
        finally:
            print("\\n".join(sorted(sys.modules)), file=sys.stderr)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    modules = set(done.stderr.split())
    assert "timeline.dating.mentions" in modules and done.stdout.count("\n") == 3
    assert not {m for m in modules if m == "click" or m.startswith(("click.", "timeline.cli."))}
    assert "timeline.cli" not in modules
