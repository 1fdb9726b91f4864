"""`timeline extract`'s work, shared by its click command and by a start without click.

`timeline extract` runs once per file in shell loops, and importing click was a fifth of
its start-up.  The console entry (`timeline/__main__.py`) hands `extract`'s arguments to
`run_without_click`, which runs the command only when it can do exactly what the click
command would: arguments it reads without a word to say about them, an input that
opens, a --published time that parses, standard streams click would write to as they
are.  Anything else (--help, a usage error, a file that does not open, ...) is left to
the click command, before anything was read or written, so help, errors and exit
statuses come from one place.  Nothing here imports click.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn, Protocol

from timeline.text.safe import json_line, terminal_safe

if TYPE_CHECKING:
    from timeline.model import Mention

FORMATS = ("lines", "json", "timeml")
_VALUED = ("--published", "--format")


class Echo(Protocol):
    """click.echo's signature, as far as extract uses it."""

    def __call__(self, message: str = "", *, err: bool = False, nl: bool = True) -> None: ...


class ExtractFailure(Exception):
    """The text cannot be read, or is malformed TimeML: one line, exit status 1."""


def published_anchor(published: str | None) -> datetime | None:
    """The --published time the relative dates are resolved against (ValueError if not ISO 8601)."""
    if not published:
        return None
    return datetime.fromisoformat(published).replace(tzinfo=None)


def extract(
    source: BinaryIO,
    published: str | None,
    output_format: str | None,
    as_json: bool,
    *,
    anchor: datetime | None,
    line: Callable[[str], str],
    echo: Echo,
) -> None:
    """Print the date mentions of the text read from source (the body of `timeline extract`).

    line makes a mention's text fit for stdout (Settings.line); echo is click.echo, or
    echo_like_click where click is not loaded.
    """
    from timeline.dating import extract_mentions, timeml
    from timeline.model import FIRST_YEAR, LAST_YEAR
    from timeline.text.normalize import fold_presentation_forms_keeping_offsets

    name = str(getattr(source, "name", ""))
    if name.lower().endswith(".gz"):
        content, name = read_gzip(source, name, echo)
    else:
        content = read_pdf(source, name) if _is_pdf(name) else read_text(source, name, echo)
    if timeml.looks_like_timeml(name, content):
        try:
            document = timeml.read_timeml(content)
        except timeml.TimeMLError as exc:
            raise ExtractFailure(str(exc)) from exc
        if published:
            from dataclasses import replace

            document = replace(document, dct=published)
    else:
        document = timeml.TimeMLDocument(content, dct=published)
    # The TimeML creation time or the --published given is the writer's own time.
    # Letters written as presentation forms are read as the import reads them (as
    # letters), each mention's offsets those of the text as given.
    folded, origins = fold_presentation_forms_keeping_offsets(document.text)
    anchor = anchor or document.anchor
    if anchor is not None and not FIRST_YEAR <= anchor.year <= LAST_YEAR:
        # As the import and recompute take such a publication date: as none.  Resolving
        # against it ran off the calendar (the day before 0001-01-01, the year 10000).
        echo(
            f"publication time: year {anchor.year} is outside the years placed on the"
            f" timeline ({FIRST_YEAR}-{LAST_YEAR}); relative dates are left unresolved",
            err=True,
        )
        anchor = None
    mentions = extract_mentions(folded, anchor, declared=True)
    if origins is not None:
        mentions = [_in_text(m, document.text, origins) for m in mentions]
    if output_format is None:
        output_format = "json" if as_json or not sys.stdout.isatty() else "lines"
    if output_format == "timeml":
        written = timeml.write_timeml(timeml.tag_mentions(document, mentions))
        # A file or pipe gets the document whole (offsets must survive); a terminal never
        # gets bidi overrides (XML 1.0 controls were already made U+FFFD by the writer).
        echo(terminal_safe(written) if sys.stdout.isatty() else written, nl=False)
        return
    for m in mentions:
        if output_format == "json":
            record = {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "value": m.value,
                "granularity": m.granularity,
                "kind": m.kind,
                "type": m.type,
            }
            echo(terminal_safe(json_line(record)))
        else:
            text = f"{m.start:>6}-{m.end:<6} {m.value:<24} {m.kind:<10} " + line(m.text)
            echo(terminal_safe(text))


def _in_text(mention: Mention, text: str, origins: list[int]) -> Mention:
    """A mention found in the folded text, at its place in the text as given."""
    from dataclasses import replace

    start, end = origins[mention.start], origins[mention.end - 1] + 1
    return replace(mention, start=start, end=end, text=text[start:end])


def _is_pdf(name: str) -> bool:
    return name.lower().endswith(".pdf")


def read_gzip(source: BinaryIO, name: str, echo: Echo) -> tuple[str, str]:
    """(The text a gzip file holds, the name it has inflated: "a.tml" of "a.tml.gz").

    Inflated by the import's reader, which stops at a compression bomb, read as the
    file it holds (a PDF, else a text); data cut short or damaged fails the file with
    the import's line, as a text read whole does there (a text is one record: a date
    that the cut falls in would be found in part, as another date).
    """
    from timeline.ingest.errors import BadArticle
    from timeline.ingest.inflate import open_gzip

    inflated = open_gzip(source)  # closes source with it
    inner = name[: -len(".gz")]
    try:
        if _is_pdf(inner):
            return read_pdf(inflated, name), inner
        return read_text(inflated, name, echo), inner
    except BadArticle as exc:
        raise ExtractFailure(f"{name}: {exc}") from exc


def read_pdf(source: BinaryIO, name: str) -> str:
    """A PDF's text as the import reads it (in reading order; scanned pages by OCR where
    the system can), the mentions' offsets being in that text."""
    from timeline.ingest.errors import BadArticle
    from timeline.ingest.pdf import MAX_PDF_BYTES, pdf_text
    from timeline.text.encoding import MAX_ARTICLE_CHARS

    data = source.read(MAX_PDF_BYTES + 1)
    if len(data) > MAX_PDF_BYTES:
        raise ExtractFailure(f"{name}: more than the {MAX_PDF_BYTES:,} bytes a PDF may be")
    try:
        return pdf_text(data, MAX_ARTICLE_CHARS).text
    except BadArticle as exc:
        raise ExtractFailure(f"{name}: {exc}") from exc


def read_text(source: BinaryIO, name: str, echo: Echo) -> str:
    """A text file or standard input decoded like an article file, bounded in size.

    Through timeline.text.encoding, not timeline.ingest, whose __init__ imports every
    importer: a tenth of `extract`'s start-up.
    """
    from timeline.text.encoding import UnreadableFile
    from timeline.text.encoding import read_text as read_bounded

    try:
        decoded = read_bounded(source)
    except UnreadableFile as exc:
        raise ExtractFailure(f"{name}: {exc}") from exc
    if decoded.replaced:
        message = (
            f"{name}: {decoded.replaced} {'byte was' if decoded.replaced == 1 else 'bytes were'}"
            f" not valid {decoded.encoding.label}"
            " and were read as U+FFFD"
        )
        echo(terminal_safe(message), err=True)
    return decoded.text


# --- The start without click ------------------------------------------------------------


def run_without_click(args: list[str]) -> bool:
    """Run `timeline extract ARGS` as the click command would; False if it is not for here.

    False means nothing was read, written or left open: the caller runs the click
    command on the same arguments.  Otherwise the command ran (or it exits as click's
    standalone mode would: 1 after a one-line error, a broken pipe or an interrupt).
    """
    if os.name == "nt" or "_TIMELINE_COMPLETE" in os.environ or not _streams_click_keeps():
        return False  # Windows' console streams and argument globs; shell completion
    parsed = parse_arguments(args)
    if parsed is None:
        return False
    path, published, output_format, as_json = parsed
    try:
        anchor = published_anchor(published)
    except ValueError:
        return False  # click's message, with its usage line
    source = _open(path)
    if source is None:
        return False
    try:
        try:
            extract(
                source,
                published,
                output_format,
                as_json,
                anchor=anchor,
                line=_line,
                echo=echo_like_click,
            )
        finally:
            if path != "-":
                source.close()
    except ExtractFailure as exc:
        echo_like_click(f"Error: {terminal_safe(str(exc))}", err=True)
        sys.exit(1)
    except OSError as exc:
        import errno

        if exc.errno != errno.EPIPE:
            if standard_output_failed(exc):
                echo_like_click(f"Error: {cannot_write_output(exc)}", err=True)
                output_left_unwritten()
                sys.exit(1)
            _bug(exc)
        sys.stdout = _PacifyFlush(sys.stdout)
        sys.stderr = _PacifyFlush(sys.stderr)
        sys.exit(1)
    except (EOFError, KeyboardInterrupt):
        echo_like_click(err=True)  # ends the terminal's ^C line, as click does
        echo_like_click("Aborted!", err=True)
        sys.exit(1)
    except Exception as exc:
        _bug(exc)
    return True


def parse_arguments(args: list[str]) -> tuple[str, str | None, str | None, bool] | None:
    """(SOURCE, --published, --format, --json) from `extract`'s arguments, read as click does.

    None for anything click would have a word to say about, or that is not plain:
    help, an unknown option, an option given twice, a missing or extra SOURCE, a format
    that is not a choice, an option's value that starts with a dash.
    """
    positional: list[str] = []
    options: dict[str, str] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            positional.extend(args[i:])
            break
        if not arg.startswith("-") or arg == "-":
            positional.append(arg)
            continue
        name, equals, value = arg.partition("=")
        if name in _VALUED:
            if not equals:
                if i == len(args) or args[i].startswith("-"):
                    return None
                value = args[i]
                i += 1
        elif arg != "--json":
            return None
        if name in options:
            return None
        options[name] = value
    if len(positional) != 1:
        return None
    output_format = options.get("--format")
    if output_format is not None and output_format not in FORMATS:
        return None
    return positional[0], options.get("--published"), output_format, "--json" in options


def echo_like_click(message: str = "", *, err: bool = False, nl: bool = True) -> None:
    """click.echo of a str to the standard streams run_without_click accepts.

    Flushed after each call; escape sequences stripped where the stream is not a
    terminal (click's rule; terminal_safe has already removed every ESC of the text).
    """
    stream = sys.stderr if err else sys.stdout
    out = message + "\n" if nl else message
    if not out:
        stream.flush()
        return
    if "\x1b" in out and not _isatty(stream):
        import re

        out = re.sub(r"\033\[[0-?]*[ -/]*[@-~]", "", out)
    stream.write(out)
    stream.flush()


def standard_output_failed(exc: OSError) -> bool:
    """Whether exc was raised writing standard output (a full disk or a failed device
    under it, which the user can act on, not a bug): by the write of click.echo or
    echo_like_click, through which every command prints, with err false."""
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    frame = tb.tb_frame
    writer = (frame.f_globals.get("__name__"), frame.f_code.co_name)
    return writer in _WRITERS and not frame.f_locals.get("err")


_WRITERS = {("click.utils", "echo"), (__name__, "echo_like_click")}


def cannot_write_output(exc: OSError) -> str:
    """The one line said when standard output cannot be written (every command's,
    as export's own)."""
    return terminal_safe(f"cannot write standard output: {exc.strerror or exc}")


def output_left_unwritten() -> None:
    """Send what standard output still holds to the null device: the interpreter writes
    it as it exits, which failed again on the full disk, printed "Exception ignored ...
    OSError" under the one line and made the exit status 120 (hidden where
    PYTHONUNBUFFERED is set: nothing is held then)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass  # no file descriptor under it (a caller's stream): nothing held to write


def _bug(exc: Exception) -> NoReturn:
    """timeline.cli.main's handling of a bug: one line and exit status 1 (TIMELINE_DEBUG: raise)."""
    if os.environ.get("TIMELINE_DEBUG"):
        raise exc
    echo_like_click(terminal_safe(f"Error: unexpected {type(exc).__name__}: {exc}"), err=True)
    sys.exit(1)


def _streams_click_keeps() -> bool:
    """Whether click.echo would write to sys.stdout and sys.stderr as they are.

    click wraps a stream without an encoding, with errors unset, or whose encoding is
    ASCII (it writes UTF-8 there instead); those runs are left to click.
    """
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOBase):
            return False
        encoding = getattr(stream, "encoding", None)
        if not encoding or getattr(stream, "errors", None) is None:
            return False
        try:
            if codecs.lookup(encoding).name == "ascii":
                return False
        except LookupError:
            return False
    return True


def _stdin() -> BinaryIO | None:
    stdin = sys.stdin
    return stdin.buffer if isinstance(stdin, io.TextIOWrapper) else None


def _open(path: str) -> BinaryIO | None:
    """The input as click.File("rb") opens it; None where click would say something."""
    if path == "-":
        return _stdin()
    try:
        return open(path, "rb")  # closed by run_without_click
    except (OSError, ValueError):
        return None


def _line(text: str) -> str:
    """Settings.line without --bidi/--no-bidi: display order only on a terminal."""
    if not sys.stdout.isatty():
        return terminal_safe(text)
    from timeline.text import for_terminal

    return for_terminal(text)


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except Exception:
        return False


class _PacifyFlush:
    """A standard stream whose flush ignores a broken pipe (click's, for the exit's flush)."""

    def __init__(self, wrapped: Any) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as exc:
            import errno

            if exc.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)
