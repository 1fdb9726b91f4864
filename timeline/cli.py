"""The command line: `timeline` opens the window; subcommands import, list, show, extract,
search and export."""

from __future__ import annotations

import contextlib
import io
import itertools
import math
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence, Set
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

import click

from timeline import __version__
from timeline.cli_common import (
    MadeAsWritten,
    Settings,
    _common_options,
    _echo,
    _echo_line,
    _Failure,
    _Group,
    count_of,
    json_pieces,
    was_were,
)
from timeline.text.safe import json_escaped, json_line, visible_controls

# Only what every command needs is imported here: `timeline extract` runs once per file
# in shell loops, so the store (sqlite-utils, numpy), the importers and Qt are imported
# inside the commands that use them.

if TYPE_CHECKING:
    from timeline.edits import ShownArticle, ShownEvent
    from timeline.export.image import ImageExtent
    from timeline.library import FileResult
    from timeline.model import Article, Event
    from timeline.store import Store
    from timeline.store.search import EventKind
    from timeline.store.stories import CopyRow, StoryCluster


@click.group(
    cls=_Group,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The database file (default: $TIMELINE_DB, else the user data directory).",
)
@click.option(
    "--bidi/--no-bidi",
    default=None,
    help="Print Arabic in display order (default: only when stdout is a terminal).",
)
@click.option(
    "--lang",
    type=click.Choice(["ar", "en"]),
    default=None,
    help="Interface language of the window (default: the system locale).",
)
@click.option(
    "--screenshot",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Open the window, save a PNG of it to FILE and exit.",
)
@click.version_option(__version__, prog_name="timeline")
@click.pass_context
def cli(
    ctx: click.Context,
    db: Path | None,
    bidi: bool | None,
    lang: str | None,
    screenshot: Path | None,
) -> None:
    """An Arabic-first timeline of news articles.

    With no command, opens the window on the database.
    """
    settings = ctx.ensure_object(Settings)
    settings.db = db
    settings.bidi = bidi
    if ctx.invoked_subcommand is not None:
        _sigterm_as_ctrl_c(ctx)
        return
    # Before any Qt import: a missing system library would otherwise abort inside Qt.
    from timeline.ui.platform_check import window_problem

    problem = window_problem()
    if problem:
        click.echo(problem, err=True)
        ctx.exit(1)
    from timeline.store import DamagedStoreError, LockedStoreError
    from timeline.ui.app import ask_to_try_again, run_window, show_start_failure
    from timeline.ui.platform_check import failure_needs_a_window

    while True:
        try:
            with settings.open_store(alone_without_shm=False) as store:
                db_path = store.path
            break
        except click.ClickException as exc:
            if not failure_needs_a_window():  # a Windows build has no console to print to
                raise
            if isinstance(exc.__cause__, LockedStoreError):  # an import holding it alone
                if ask_to_try_again(exc.format_message(), lang):
                    continue
                raise
            damaged = settings.db_path if isinstance(exc.__cause__, DamagedStoreError) else None
            repaired = show_start_failure(exc.format_message(), lang, damaged)
            if repaired is None:
                raise
            db_path = repaired
            break
    ctx.exit(run_window(db_path, lang=lang, screenshot=screenshot))


def _sigterm_as_ctrl_c(ctx: click.Context) -> None:
    """SIGTERM stops the command as Ctrl+C does (KeyboardInterrupt: its transaction
    rolled back, its files closed, "Aborted!"), where it ended the process at once
    without a word: `stories` signing a library's articles, killed so, was simply gone.
    The commands that say what they kept (import, recompute, remove, export) take both
    signals their own way (_cancelled_by_interrupt).  The handler that was is put back
    as the command ends (a caller's, such as a test runner's)."""

    def interrupted(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupted)
    except ValueError:  # not the main thread
        return
    ctx.call_on_close(lambda: signal.signal(signal.SIGTERM, previous))


# `timeline import -`: the text on standard input, kept as a file beside the library.
STDIN = "-"
# Said of - when the program was started without standard input (`<&-`, a service):
# import failed with "unexpected AttributeError", extract with "unexpected RuntimeError".
# What the lines of an import call standard input whose text was not kept.
_UNKEPT_STDIN = Path("standard input (not kept)")
_STDIN_CLOSED = "- is standard input, and it is closed: there is nothing to read"


class _InputFile(click.File):
    """click.File, which says so of - when standard input is closed."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value == STDIN and sys.stdin is None:
            self.fail(_STDIN_CLOSED, param, ctx)
        return super().convert(value, param, ctx)


def _import_sources(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> list[Path | str]:
    """Files and folders that exist, and web addresses (http, https) as they are."""
    from timeline.ingest.fetch import is_url

    if values.count(STDIN) > 1:
        # The first took it all: the next said "nothing on standard input" and failed
        # the command, the first's text kept in pasted/ and imported by no one.
        raise click.BadParameter("- (standard input) can be read once", ctx=ctx, param=param)
    if STDIN in values and sys.stdin is None:
        raise click.BadParameter(_STDIN_CLOSED, ctx=ctx, param=param)
    sources: list[Path | str] = []
    for value in values:
        if is_url(value) or value == STDIN:
            sources.append(value)
            continue
        path = Path(value)
        try:
            there = path.exists()
        except OSError as exc:  # a name too long, a folder this user cannot enter
            raise click.BadParameter(
                f"'{value}': {exc.strerror or exc}", ctx=ctx, param=param
            ) from exc
        if not there:
            raise click.BadParameter(f"'{value}' does not exist.", ctx=ctx, param=param)
        sources.append(path)
    return sources


def _kept_stdin(library_path: Path) -> Path:
    """Standard input kept as a file in pasted/ beside the library (library.keep_pasted)."""
    from timeline.library import keep_pasted
    from timeline.text.encoding import MAX_TEXT_BYTES

    data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
    if not data.strip():
        raise _Failure("nothing on standard input to import")
    if len(data) > MAX_TEXT_BYTES:
        raise _Failure(f"standard input holds more than the {MAX_TEXT_BYTES:,} bytes it may")
    folder = library_path.parent / "pasted"
    try:
        return keep_pasted(folder, data)
    except OSError as exc:
        raise _Failure(f"cannot keep standard input in {folder}: {exc.strerror or exc}") from exc


def _columns(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> dict[str, str] | None:
    from timeline.ingest.tabular import parse_columns

    if not value:
        return None
    try:
        return parse_columns(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, callback=_import_sources)
@click.option(
    "--strict",
    is_flag=True,
    help="A record that cannot be an article fails its whole file (default: skip it).",
)
@click.option(
    "--columns",
    metavar="FIELD=HEADER,...",
    callback=_columns,
    help="Name a CSV/TSV file's columns or a JSON record's keys by hand, e.g."
    " title=Headline,body=Text (fields: title, body, published, source, url, author;"
    " also tags and note, the user's own, as the exports write them)."
    " Without it, common names are found in Arabic and English (content, publishedAt,"
    " تاريخ...).",
)
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=None,
    callback=lambda _ctx, _param, value: _processes_at_most(value),
    help="Worker processes that read dates in a large file (default: one per core; 1: none).",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Also one JSON object per file on stdout: its counts, its error, and the ids it"
    ' added as runs ("ids": [[first, last], ...], which `timeline remove FIRST-LAST` takes).',
)
@_common_options
@click.pass_obj
def import_command(
    settings: Settings,
    paths: list[Path | str],
    strict: bool,
    columns: dict[str, str] | None,
    processes: int | None,
    as_json: bool,
) -> None:
    """Import article files, folders and web addresses.

    Formats: .txt in the sample's format, .md, .docx and .odt documents, .pdf, .png and
    .jpg (by OCR), e-mail (.eml messages, .mbox mailboxes), .jsonl, .json, .csv/.tsv,
    .xlsx Excel workbooks and .ods spreadsheets, RSS/Atom/RDF feeds and OPML lists,
    .html pages, .warc web archives, The Timeline Project's .timeline files, and any of
    them as .gz or in a .zip. A URL is fetched (feed, page or file) with a timeout and a
    size cap.

    A path of - reads standard input (a page, a feed, JSON or JSON Lines, Markdown, a
    PDF, a picture, an e-mail or mailbox, or text, by how it begins), kept as a file in
    pasted/ beside the library, which the articles' origin names.

    Each file is one transaction. Records that cannot be articles are skipped and
    reported (with --strict they fail the file). Exit status 1 if any file failed.
    """
    from timeline import library
    from timeline.ingest import PageStep

    with (
        settings.open_store() as store,
        click.progressbar(length=1, label="importing", file=sys.stderr, show_pos=True) as bar,
    ):
        # Removed again when no article comes of it (library.drop_unread_paste).
        kept = _kept_stdin(store.path) if STDIN in paths else None
        if kept is not None:
            paths = [kept if p == STDIN else p for p in paths]

        def advance(done: int, total: int, _name: str) -> None:
            # total is an estimate until the end (see library.Progress)
            bar.label = "importing"
            bar.length = max(total, done, 1)
            if done > bar.pos:
                bar.update(done - bar.pos)
            else:
                # A new total alone is drawn too (update draws a step only): the end's
                # "3 of 3" after a last file that failed, not its estimate "3/15".
                bar.render_progress()

        def paged(name: str, step: PageStep) -> None:
            # One article read long (a PDF's pages, its scans by OCR): the bar counts its
            # pages until it is in.  Only on a terminal: in a log, a line a page.
            if not sys.stderr.isatty():
                return
            what = "recognizing scanned page" if step.recognizing else "reading page"
            label = f"importing {name}: {what} {step.done + 1} of {step.total}"
            bar.label = visible_controls(label, keep_newlines=False)
            bar.length, bar.pos = max(step.total, 1), step.done
            bar.render_progress()

        try:
            with _cancelled_by_interrupt() as interrupted:
                report = library.import_paths(
                    store,
                    paths,
                    progress=advance,
                    pages=paged,
                    strict=strict,
                    columns=columns,
                    processes=processes,
                    cancelled=interrupted.is_set,
                )
        except BaseException:
            if kept is not None:
                with contextlib.suppress(Exception):  # the error being raised is said
                    library.drop_unread_paste(store, kept, None)
            raise
        if kept is not None:
            library.drop_unread_paste(store, kept, report)
    # The text kept from standard input and removed again (no article came of it) is
    # named as the user gave it: its file's name would point at nothing.
    unkept = kept if kept is not None and not kept.exists() else None
    for result in report.files:
        if unkept is not None and result.path == unkept:
            if as_json:  # as it was given
                _echo(json_line(_file_json(replace(result, path=Path(STDIN)))))
            result = replace(result, path=_UNKEPT_STDIN)
        elif as_json:
            _echo(json_line(_file_json(result)))
        if result.error is not None:
            _echo_line(f"failed: {result.path}: {result.error}", err=True)
            continue
        if result.rejected:
            more = ", ..." if result.rejected > len(result.rejections) else ""
            what = "that is not an article" if result.rejected == 1 else "that are not articles"
            _echo_line(
                f"{result.path}: skipped {count_of(result.rejected, 'record')} {what}: "
                + "; ".join(result.rejections)
                + more,
                err=True,
            )
        if result.undated_examples:
            _echo_line(
                f"{result.path}: {count_of(result.undated, 'article')} without a readable date: "
                + "; ".join(result.undated_examples)
                + (", ..." if result.undated > len(result.undated_examples) else ""),
                err=True,
            )
        if result.untitled:
            _echo_line(
                f"{result.path}: {count_of(result.untitled, 'article')} without a title,"
                " each named by the first line of its text",
                err=True,
            )
        if result.notes_kept:
            _echo_line(
                f"{result.path}: {count_of(result.notes_kept, 'article')} already had a note of their own,"
                " kept instead of the file's",
                err=True,
            )
        if result.left_out:
            _echo_line(
                f"{result.path}: {result.left_out} of your values in it (events added by hand,"
                " corrected dates) were left out: their dates or places no longer read",
                err=True,
            )
        if result.unread_scans:
            _echo_line(
                f"{result.path}: {count_of(result.unread_scans, 'scanned page')}"
                f" {was_were(result.unread_scans)} not read:"
                " install Tesseract with its Arabic and Poppler's pdftoppm to have them"
                " recognized",
                err=True,
            )
        if result.replaced:
            _echo_line(
                f"{result.path}: {count_of(result.replaced, 'byte')} {was_were(result.replaced)}"
                f" not valid {result.encoding}"
                " and were stored as U+FFFD",
                err=True,
            )
        if not (result.added or result.duplicates or result.rejected):
            _echo_line(f"{result.path}: no articles in it", err=True)
    for path in report.skipped:
        _echo_line(f"skipped (not an article format): {path}", err=True)
    for path in report.empty:
        _echo_line(f"{path}: no files in this folder (hidden ones are not read)", err=True)
    summary = f"{report.added} added, {report.duplicates} already stored, " + count_of(
        len(report.failed), "failed file"
    )
    if report.rejected:
        summary += f", {count_of(report.rejected, 'record')} skipped"
    if report.undated:
        summary += f", {report.undated} without a readable date (see `timeline list --undated`)"
    _echo(summary, err=as_json)  # with --json, stdout is JSON Lines alone
    if report.cancelled:
        _echo(
            "cancelled: the file being read was not stored (the files before it were);"
            " import it again to finish",
            err=True,
        )
        sys.exit(interrupted.exit_status)
    if report.failed:
        sys.exit(1)


def _file_json(result: FileResult) -> dict[str, Any]:
    """What importing one file did, as `timeline import --json` writes it."""
    return {
        "path": str(result.path),
        "added": result.added,
        "already_stored": result.duplicates,
        "ids": [list(run) for run in result.added_ids],
        "skipped_records": result.rejected,
        "skipped_examples": result.rejections,
        "undated": result.undated,
        "untitled": result.untitled,
        "error": result.error,
    }


# The signals that stop a command as Ctrl+C does: SIGTERM is what `kill`, `timeout`
# and a closing session's manager send, and it ended an import or an export at once
# (its export's partial file left behind, no word said).
_STOPPING = (signal.SIGINT, signal.SIGTERM)


class _Interruption(threading.Event):
    """Set by the first Ctrl+C or SIGTERM, which signum names."""

    signum: int = signal.SIGINT

    @property
    def exit_status(self) -> int:
        """128 and the signal's number, as a shell gives a process the signal ended."""
        return 128 + self.signum


@contextlib.contextmanager
def _cancelled_by_interrupt(*, at_once: bool = False) -> Iterator[_Interruption]:
    """An event Ctrl+C or SIGTERM sets: an import or a recompute stops within an article
    and says what it kept (each printed "Aborted!" and nothing else).  A second one
    interrupts at once (KeyboardInterrupt), and with at_once the first does (an export,
    whose partial file is removed as the exception passes: files.written_whole)."""
    interrupted = _Interruption()

    def on_interrupt(signum: int, _frame: object) -> None:
        if interrupted.is_set():
            raise KeyboardInterrupt
        interrupted.signum = signum
        interrupted.set()
        if at_once:
            raise KeyboardInterrupt

    try:
        previous = [(s, signal.signal(s, on_interrupt)) for s in _STOPPING]
    except ValueError:  # not the main thread: Ctrl+C keeps its usual meaning
        yield interrupted
        return
    try:
        yield interrupted
    finally:
        for signum, handler in previous:
            signal.signal(signum, handler)


def _event_json(event: Event) -> dict[str, Any]:
    """An event as show --json gives it (its article said once, above)."""
    return {k: v for k, v in asdict(event).items() if k != "article_id"}


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--undated", is_flag=True, help="Only articles whose date could not be read.")
@click.option(
    "--origin",
    "origins",
    multiple=True,
    metavar="PATH",
    help="Only articles read from this file, or from under this folder or archive (as"
    " `timeline show` names its origin). May be given more than once.",
)
@_common_options
@click.pass_obj
def list_command(
    settings: Settings, as_json: bool, undated: bool, origins: tuple[str, ...]
) -> None:
    """List articles in chronological order (undated ones last).

    The text gives your corrections (title, source, date: marked *) where you made
    them, in the order of the dates shown; --json the stored values in their order.
    Exit status 1 if an --origin named no article."""
    from timeline.store import listing

    if any(not origin.strip() for origin in origins):
        raise _Failure("--origin needs the path of a file or folder")
    # Read as printed, without bodies: a list of every article held a million bodies in
    # memory before the first line.  The rows closed before the store is.
    with (
        settings.open_store(create=False) as store,
        contextlib.closing(store.iter_articles(undated_only=undated, body=False)) as stored,
    ):
        wanted: set[int] | None = None
        missing = False
        if origins:
            wanted = set()
            for origin in origins:
                found = store.ids_from_origin(_origin_spellings(origin))
                if not found:
                    _echo_line(f"no article came from {origin}", err=True)
                    missing = True
                wanted.update(found)
        # The text in the order of the dates shown; --json in the stored one.
        rows = stored if as_json or undated else listing.in_shown_order(store, stored)
        while page := list(itertools.islice(rows, 500)):
            if wanted is not None:
                page = [article for article in page if article.id in wanted]
            _list_page(settings, store, page, as_json)
        waiting = len(store.changed_article_ids())
        to_follow = len(store.given_dates_to_follow())
    if waiting:
        # The window reads them when it sees them; a terminal user is told how.
        _echo(
            f"{count_of(waiting, 'article')} another program added or changed the text of: their"
            " dates are as they were until `timeline recompute --changed`",
            err=True,
        )
    if to_follow:
        _echo(
            f"{count_of(to_follow, 'article')} whose publication date was corrected by an earlier"
            " version: what their text dates from it (today, yesterday, a day without a"
            " year) counts from the computed date until `timeline recompute --changed`",
            err=True,
        )
    if missing:
        sys.exit(1)


# After a hidden article's line in the text of list and search (the window leaves it out).
_HIDDEN_MARK = "  (hidden)"


def _list_page(settings: Settings, store: Store, page: list[Article], as_json: bool) -> None:
    """Print one page of `timeline list`: JSON as stored, text as the user sees it."""
    from timeline.store import edits as user

    corrected = {} if as_json else user.corrected_fields(store, [a.id for a in page])
    hidden = set() if as_json else user.hidden_among(store, [a.id for a in page])
    for article in page:
        if as_json:
            data = asdict(article)
            del data["body"]
            _echo(json_line(data))
            continue
        mine = corrected.get(article.id, {})
        if "published" in mine:
            when = f"{mine['published']}*"
        else:
            when = article.published or f"(undated: {article.published_raw or '-'})"
        source = mine.get("source", article.source) + ("*" if "source" in mine else "")
        title = mine.get("title", article.title) + ("*" if "title" in mine else "")
        mark = _HIDDEN_MARK if article.id in hidden else ""
        _echo(f"{article.id:>6}  {when:<25}  " + settings.line(f"{source} | {title}") + mark)


@cli.command("show")
@click.argument("article_id", type=click.IntRange(1, 2**63 - 1))
@click.option("--json", "as_json", is_flag=True, help="The article as JSON (store column names).")
@_common_options
@click.pass_obj
def show_command(settings: Settings, article_id: int, as_json: bool) -> None:
    """Show one article with its events.

    The text gives your values: corrected dates marked *, events you added, and hidden
    ones and tags said before their text; --json gives the stored ones.
    """
    from timeline import edits
    from timeline.store import edits as user

    with settings.open_store(create=False) as store:
        article = store.article(article_id)
        if article is None:
            raise _Failure(f"no article with id {article_id}")
        mine = user.corrected_fields(store, [article_id]).get(article_id, {})
        if not as_json:
            # Printed while the store is open, its events read a page at a time as they
            # are printed: an article of 350,001 mentions held all of them, their rows
            # and a shown event for each (698 MB, 21 s).
            events = store.stored_events_of(article_id)
            yours = edits.shown_article(store, article_id, events, article=article, lazily=True)
            _print_article(settings, article, mine, yours)
            return
        # Written while the store is open too, each event made as it is written: the
        # same article took 1.5 GB as a dict an event and one string of them all.
        events = store.stored_events_of(article_id)
        yours = edits.shown_article(store, article_id, events, article=article, lazily=True)
        from timeline import library
        from timeline.store import stories as story_store

        data = asdict(article)
        data["events"] = MadeAsWritten(events, _event_json)
        # Yours (timeline edit tag, note, hide).
        data["tags"], data["note"] = (list(yours.tags), yours.note) if yours else ([], "")
        data["hidden"] = yours is not None and yours.hidden
        story = story_store.story_of(store, article_id)
        # With the copies that share little text with this one (a roundup's other
        # story): in the story only through other copies.
        data["story"] = (
            None
            if story is None
            else _story_json(story, library.linked_through_others(store, article_id, story))
        )
        data["related"] = [
            {"id": r.article_id, "score": r.score, "shared_terms": list(r.shared)}
            for r in library.related_articles(store, article_id)
        ]
        for piece in json_pieces(data):
            click.echo(piece, nl=False)
        click.echo()


def _print_article(
    settings: Settings, article: Article, mine: dict[str, str], yours: ShownArticle | None
) -> None:
    """`timeline show`'s text: the article's fields, its body and its events as shown."""
    import shutil

    from timeline.paths import origin_as_named

    width = max(40, min(shutil.get_terminal_size().columns, 100) - 2)
    tags, note = (list(yours.tags), yours.note) if yours is not None else ([], "")
    hidden = yours is not None and yours.hidden

    def shown(name: str, stored: str) -> str:
        """Your value where you corrected it, the computed one said beside it."""
        if name not in mine:
            return stored
        return f"{mine[name]}  (yours; computed: {stored})"

    for label, value in (
        ("title", shown("title", article.title)),
        ("published", shown("published", article.published or "(undated)")),
        ("as written", article.published_raw),
        ("source", shown("source", article.source)),
        ("author", article.author),
        ("caption", article.caption),
        ("credit", article.credit),
        ("url", article.url),
        # The file (or address) it was imported from, by its own path as the window names
        # it: an origin an earlier version stored with ".." steps, without them.
        ("origin", origin_as_named(article.origin)),
        ("tags", "; ".join(tags)),
        ("hidden", f"yes (`timeline edit hide --show --article {article.id}`)" if hidden else ""),
    ):
        if value:
            _echo(f"{label:>11}: " + settings.line(value))
    for number, line in enumerate(note.split("\n") if note else []):
        _echo(
            f"{'note' if number == 0 else '':>11}{':' if number == 0 else ' '} "
            + settings.line(line)
        )
    _echo()
    _echo_all(
        settings.line(line)
        for paragraph in article.body.split("\n")
        for line in _wrapped(paragraph, width)
    )
    shown_events = yours.events if yours is not None else []
    if shown_events:
        _echo()
        _echo("events:")
        _echo_all(_shown_event_line(e, settings) for e in shown_events)


# A long paragraph is wrapped this many characters at a time (_wrapped).
_WRAP_PIECE = 1 << 16
# Where a piece may end: at white space as textwrap splits at it, after a character
# that is no white space to str.strip (textwrap drops a no-break space at a line's ends).
_WRAP_BREAK = re.compile(r"(?<=\S)[\t\n\v\f\r ]")


def _wrapped(paragraph: str, width: int, piece: int = _WRAP_PIECE) -> Iterator[str]:
    """textwrap.wrap(paragraph, width), or one empty line for an empty paragraph, made a
    piece at a time: textwrap splits the whole paragraph into its words and spaces first,
    and an article's one paragraph of 6.5 M characters took 207 MB so.

    Lines are broken greedily, each decided by the text from its start on: a piece ends
    where a word does, and its last line, which the next piece may lengthen, is wrapped
    again with it.  A piece ends inside a word when the word holds a long run of letters
    without a hyphen (textwrap cuts such a part of a word a line's width at a time,
    copying the rest of it for each line: a body of 2 M letters without a space took
    3.2 s, 10 M some 80): after half the run, a line's width of it before and after."""
    import textwrap

    paragraph = paragraph.expandtabs()  # (as textwrap does, by columns from its start)
    run = max(piece // 16, 2 * width + 4)
    long_run = re.compile(rf"[^\s-]{{{run}}}")
    carried = ""
    start = 0
    found: int | None = -1  # the last white space found (sought again once passed)
    while start < len(paragraph):
        if found is not None and found < start + piece:
            at = _WRAP_BREAK.search(paragraph, start + piece)
            found = at.start() if at is not None else None
        end = found if found is not None else len(paragraph)
        inside = long_run.search(paragraph, start, end)
        if inside is not None:
            end = inside.start() + run // 2
        lines = textwrap.wrap(carried + paragraph[start:end], width)
        yield from lines[:-1]
        carried = lines[-1] if lines else carried
        start = end
    yield carried


# Lines printed by one write: an article's 350,001 events took 4 s of click.echo a line.
_LINES_A_WRITE = 1024


def _echo_all(lines: Iterable[str]) -> None:
    """_echo of each line, a page of them at a time."""
    lines = iter(lines)
    while page := list(itertools.islice(lines, _LINES_A_WRITE)):
        _echo("\n".join(page))


def _shown_event_line(event: ShownEvent, settings: Settings) -> str:
    """An event as the user sees it: their date marked *, added and hidden ones said so."""
    kind = event.computed.kind if event.computed is not None else event.origin
    if kind == "corrected" or kind == "not a date":  # a correction the text no longer dates
        kind = "mentioned"
    value = event.date.value if event.date is not None else "(not a date)"
    if event.origin in ("corrected", "not a date"):
        value += "*"
    said = [*(["(hidden)"] if event.hidden else []), *(f"#{tag}" for tag in event.tags)]
    label = shortened(event.label, 80)
    return f"  {kind:<10} {value:<24} " + settings.line(" ".join([*said, label]))


def shortened(text: str, width: int, placeholder: str = " …") -> str:
    """text on one line of at most width characters, as textwrap.shorten gives it: its
    runs of white space one space and, when it is longer, its words that leave room for
    the placeholder, then the placeholder (the placeholder alone when not one word does).

    Splits only the words that can fill the line: textwrap.shorten split and wrapped the
    whole text in some thirty calls of Python, and for one article's 350,001 events
    (labels of 166 characters) it was 10 s of the 21 that `timeline show` took.
    (textwrap also breaks a word after a hyphen; this keeps such a word whole.)"""
    # At most this many words (and the spaces between them) fit; the rest of the text
    # is left unsplit, one string, after them.
    most = width // 2 + 1
    line = " ".join(text.split(maxsplit=most))
    if len(line) <= width:
        return line  # (more words than `most` would be longer)
    # line[: width + 1] is the text's with single spaces: the unsplit rest starts later.
    cut = line.rfind(" ", 0, width - len(placeholder) + 1)
    return line[:cut] + placeholder if cut > 0 else placeholder.lstrip()


@cli.command("extract")
@click.argument("source", type=_InputFile("rb"))
@click.option(
    "--published",
    help="Publication time (ISO 8601) that relative dates are resolved against.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["lines", "json", "timeml"]),
    default=None,
    help="lines (one per mention), json (one object per mention) or timeml (the text "
    "with TIMEX3 tags). Default: lines on a terminal, json when piped.",
)
@click.option("--json", "as_json", is_flag=True, help="The same as --format json.")
@click.pass_obj
def extract_command(
    settings: Settings,
    source: Any,
    published: str | None,
    output_format: str | None,
    as_json: bool,
) -> None:
    """Print the date mentions found in a text FILE (or - for standard input).

    JSON keys: start, end (offsets into the text), text, value, granularity, kind, and
    type (the TimeML type: DATE, TIME, DURATION or SET).
    A TimeML file (.tml) is read as its TEXT, with its creation time as the publication
    time; with --format timeml it is written back with only its TIMEX3 tags changed.
    A PDF is read as its text, and a gzip file (.txt.gz, .tml.gz) as the file it holds.
    """
    from timeline.cli_extract import ExtractFailure, extract, published_anchor

    try:
        anchor = published_anchor(published)
    except ValueError as exc:
        raise click.BadParameter(f"not an ISO 8601 time: {published}") from exc
    try:
        extract(
            source,
            published,
            output_format,
            as_json,
            anchor=anchor,
            line=settings.line,
            echo=click.echo,
        )
    except ExtractFailure as exc:
        raise _Failure(str(exc)) from exc


class _Day(click.ParamType):
    """A date on the line, as axis seconds: an ISO 8601 day or time, or a year (2015) or a
    month (2015-03), which --from and --to mean whole (an ISO date may be either; the
    search said "not an ISO 8601 date: 2015").  Its start, or with end its end: a day, a
    month or a year given to --to is included."""

    name = "date"

    def __init__(self, *, end: bool = False) -> None:
        self.end = end

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        import calendar

        from timeline.model import to_axis

        text = str(value).strip()
        whole = _YEAR_OR_MONTH.fullmatch(text)
        try:
            if whole is None:
                seconds = to_axis(datetime.fromisoformat(text))
                return seconds + 86400 if self.end and len(text) <= 10 else seconds
            year, month = int(whole[1]), int(whole[2] or 1)
            if not self.end:
                return to_axis(datetime(year, month, 1))
            last = month if whole[2] else 12
            return to_axis(datetime(year, last, calendar.monthrange(year, last)[1])) + 86400
        except ValueError:
            self.fail(f"not an ISO 8601 date, a year or a month: {value}", param, ctx)


_YEAR_OR_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")
_DATE_OPTIONS = (
    click.option(
        "--from",
        "date_from",
        type=_Day(),
        metavar="DATE",
        help="From this day, month or year (ISO 8601: 2015-03-01, 2015-03, 2015).",
    ),
    click.option(
        "--to",
        "date_to",
        type=_Day(end=True),
        metavar="DATE",
        help="Up to and including this day, month or year.",
    ),
)


def _dates_in_order(date_from: int | None, date_to: int | None) -> None:
    """--to before --from is a usage error (exit 2), the same for every command that
    takes them (search said it from the store's search, exit 1)."""
    if date_from is not None and date_to is not None and date_to <= date_from:
        raise click.BadParameter("--to is before --from")


@cli.command("search")
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@click.option("--source", help="Only articles from this source.")
@_DATE_OPTIONS[0]
@_DATE_OPTIONS[1]
@click.option(
    "--kind",
    type=click.Choice(["published", "mentioned"]),
    help="Which dates --from/--to apply to (default: either).",
)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--newest", is_flag=True, help="Newest first instead of by relevance.")
@click.option("--tag", help="Only articles carrying this tag (on them or on their events).")
@_common_options
@click.pass_obj
def search_command(
    settings: Settings,
    query: str,
    as_json: bool,
    source: str | None,
    date_from: int | None,
    date_to: int | None,
    kind: EventKind | None,  # click.Choice lets only these values through
    limit: int,
    newest: bool,
    tag: str | None = None,
) -> None:
    """Search titles and bodies; Arabic spelling variants match (ايار finds أيّار).

    Words are ANDed; "a phrase", prefix*, -exclude and OR work. --source and the
    dates are judged on your corrections; the text shows them (marked *), --json the
    stored values. JSON keys: id, title, published, source, snippet, rank.
    """
    from timeline.store.search import SearchError, search

    _dates_in_order(date_from, date_to)
    with settings.open_store(create=False) as store:
        try:
            result = search(
                store,
                query,
                limit=limit if tag is None else 10_000,
                source=source,
                date_from=date_from,
                date_to=date_to,
                event_kind=kind,
                order="newest" if newest else "relevance",
            )
        except SearchError as exc:
            raise _Failure(str(exc)) from exc
        hits = result.hits
        from timeline.store.search import note_hits

        # The user's notes and tag names find their articles too, after the text's hits.
        noted = note_hits(
            store,
            query,
            {h.article_id for h in hits},
            source,
            date_from,
            date_to,
            kind,
        )
        if tag is not None:
            from timeline.export.selection import Selection, SelectionError, article_ids
            from timeline.store.edits import article_ids_tagged

            # The tagged are few (set by hand): the hits are filtered, not the index.
            tagged = article_ids_tagged(store, tag)
            hits = [hit for hit in hits if hit.article_id in tagged][:limit]
            noted = [n for n in noted if n[0] in tagged]
            # Counted as the export chooses them: the page's hits were the count, so
            # --limit 5 said "5 matching articles" of 12.
            chosen = Selection(
                query=query,
                source=source,
                date_from=date_from,
                date_to=date_to,
                event_kind=kind,
                tag=tag,
            )
            try:
                matching = len(article_ids(store, chosen) or [])  # (the query ran above)
            except SelectionError:  # past the search's time: the count as the page has it
                matching = len(hits) + len(noted)
        elif noted and len(hits) >= limit:
            # The page is full: the index's hits past it may be among the noted.
            from timeline.store.search import matching_article_ids

            try:
                found = set(
                    matching_article_ids(
                        store,
                        query,
                        source=source,
                        date_from=date_from,
                        date_to=date_to,
                        event_kind=kind,
                    ).tolist()
                )
            except SearchError:  # past the search's time: the count as the page has it
                found = {n[0] for n in noted}
            matching = result.total + sum(1 for n in noted if n[0] not in found)
        else:
            matching = result.total + len(noted)
        noted = noted[: max(limit - len(hits), 0)]
        from timeline.store.edits import corrected_fields

        # The text as `timeline list` gives it: the user's corrections, marked *.
        corrected = {} if as_json else corrected_fields(store, [h.article_id for h in hits])
        from timeline.store.edits import hidden_among

        hidden = set() if as_json else hidden_among(store, [h.article_id for h in hits])
    for hit in hits:
        if as_json:
            record = {
                "id": hit.article_id,
                "title": hit.title,
                "published": hit.published,
                "source": hit.source,
                "snippet": hit.snippet,
                "rank": hit.rank,
            }
            _echo(json_line(record))
        else:
            mine = corrected.get(hit.article_id, {})
            when = f"{mine['published']}*" if "published" in mine else hit.published
            source = mine.get("source", hit.source) + ("*" if "source" in mine else "")
            title = mine.get("title", hit.title) + ("*" if "title" in mine else "")
            _echo(
                f"{hit.article_id:>6}  {when or '(undated)':<25}  "
                + settings.line(f"{source} | {title}")
                + (_HIDDEN_MARK if hit.article_id in hidden else "")
            )
            _echo("        " + settings.line(hit.snippet))
    for article_id, title, published, found_source, note in noted:
        if as_json:
            record = {
                "id": article_id,
                "title": title,
                "published": published,
                "source": found_source,
                "snippet": note,
                "rank": None,
            }
            _echo(json_line(record))
        else:
            _echo(
                f"{article_id:>6}  {published or '(undated)':<25}  "
                + settings.line(f"{found_source} | {title}")
            )
            _echo("        " + settings.line(note))
    if not as_json:
        more = "more than " if tag is None and not result.total_exact else ""
        _echo(f"{more}{count_of(matching, 'matching article')}", err=True)
    if result.suggestions and not noted:  # a note or tag found it: as the window, no more
        _echo("Did you mean: " + settings.line("، ".join(result.suggestions)) + " ?", err=True)


_EXPORT_FORMATS = (
    "timelinejs",
    "timeline",
    "articles-csv",
    "articles-jsonl",
    "events-csv",
    "events-jsonl",
    "articles-xlsx",
    "events-xlsx",
    "chronology",
    "png",
    "svg",
    "pdf",
)


@cli.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_EXPORT_FORMATS),
    help="What to write (default: from the output file's suffix).",
)
@click.option("--query", default="", help="Only articles matching this search.")
@click.option("--source", help="Only articles from this source.")
@_DATE_OPTIONS[0]
@_DATE_OPTIONS[1]
@click.option(
    "--kind",
    type=click.Choice(["published", "mentioned"]),
    help="Which dates --from/--to choose articles by (default: either), as search's.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (default, or -: standard output, for the text formats).",
)
@click.option(
    "--width",
    default=1600,
    show_default=True,
    type=click.IntRange(200, 20000),
    help="Image width in pixels (points for PDF).",
)
@click.option(
    "--height",
    default=600,
    show_default=True,
    type=click.IntRange(150, 20000),
    help="Image height in pixels (points for PDF).",
)
@click.option(
    "--scale",
    default=1.0,
    show_default=True,
    type=click.FloatRange(0.25, 8.0),
    callback=lambda ctx, param, value: _a_number(ctx, param, value),
    help="PNG pixels per image pixel (2 for a sharp image on a high-density screen).",
)
@click.option(
    "--lang",
    type=click.Choice(["ar", "en"]),
    help="Language of an image's axis and legend, and of a chronology (default: Arabic).",
)
@click.option("--tag", help="Only articles carrying this tag (on them or on their events).")
@click.option("--with-hidden", is_flag=True, help="Also what was hidden (timeline edit hide).")
@_common_options
@click.pass_obj
def export_command(
    settings: Settings,
    fmt: str | None,
    query: str,
    source: str | None,
    date_from: int | None,
    date_to: int | None,
    kind: EventKind | None,  # click.Choice lets only these values through
    output: Path | None,
    width: int,
    height: int,
    scale: float,
    lang: str | None,
    tag: str | None = None,
    with_hidden: bool = False,
) -> None:
    """Export articles and events: TimelineJS JSON, .timeline, CSV, JSON Lines, Excel, PNG/SVG/PDF,
    or a chronology (HTML).

    --query, --source, --from, --to and --kind choose articles as `timeline search` does;
    events are those of the chosen articles that meet the dates. The user's corrections win,
    hidden articles and events are left out (--with-hidden: kept) and added events are
    in. CSV, JSON Lines and Excel workbooks hold every stored column, then tags, note
    and hidden (articles) or origin, tags and hidden (events); an image is the timeline as the
    window draws it (with no --from / --to, over the days the articles were published in, as
    the window opens; it says how many events lie outside); a chronology is the events in date order under their years, each with its
    sentence and its article's source, title and link, as a page to read, print or paste.
    """
    from timeline.export import (
        FILE_FORMATS,
        FORMATS,
        IMAGE_FORMATS,
        Selection,
        SelectionError,
        counted_records,
        export,
        format_for,
        write_text,
    )

    if output is not None and str(output) == "-":
        output = None  # standard output, as "-" is for every command that takes a file
    if fmt is None:
        fmt = format_for(output) if output is not None else None
        if fmt is None:
            raise click.UsageError("say --format (the output file's suffix does not name one)")
    if fmt in FILE_FORMATS and output is None:
        raise click.UsageError(f"{fmt} needs --output FILE")
    selection = Selection(
        query=query,
        source=source,
        date_from=date_from,
        date_to=date_to,
        event_kind=kind,
        tag=tag,
        with_hidden=with_hidden,
    )
    _dates_in_order(selection.date_from, selection.date_to)
    if fmt in IMAGE_FORMATS:
        # Before any Qt import, as the window does: without a system library Qt needs
        # (libGL, fontconfig...) the import failed as "unexpected ImportError".
        from timeline.ui.platform_check import qt_problem

        problem = qt_problem()
        if problem:
            raise _Failure(f"cannot draw the image: {problem}")
    left_out: list[int] = []
    cut: list[int] = []
    extent: list[ImageExtent] = []
    from timeline.timescale import LabelStyle

    style = LabelStyle(language="en" if lang == "en" else "ar")  # a chronology's dates
    told: list[int] = []

    def progress(written: int) -> None:
        # On a terminal only, a line rewritten in place (in a log: nothing a record).
        told.append(written)
        click.echo(f"\rexporting: {written:,} written", err=True, nl=False)

    to_terminal = output is not None and fmt not in IMAGE_FORMATS and sys.stderr.isatty()
    interrupted: _Interruption | None = None  # (a Ctrl+C may come before it is made)
    try:
        with (
            _cancelled_by_interrupt(at_once=True) as interrupted,
            settings.open_store(create=False) as store,
            _line_cleared(told),
        ):
            try:
                if output is None:
                    out = (
                        cast(TextIO, _ForTerminal(sys.stdout, fmt))  # (it writes and flushes)
                        if sys.stdout.isatty()
                        else sys.stdout
                    )
                    count = write_text(store, fmt, selection, out, left_out=left_out, style=style)
                    out.flush()
                else:
                    count = export(
                        store,
                        fmt,
                        selection,
                        output,
                        width=width,
                        height=height,
                        scale=scale,
                        lang=lang,
                        left_out=left_out,
                        cut=cut,
                        style=style,
                        progress=progress if to_terminal else None,
                        extent=extent,
                    )
            except SelectionError as exc:
                raise _Failure(str(exc)) from exc
            except OSError as exc:
                if output is None and isinstance(exc, BrokenPipeError):
                    raise  # a reader that stopped early (| head): click ends quietly, as list does
                where = output if output is not None else "standard output"
                raise _Failure(f"cannot write {where}: {exc.strerror or exc}") from exc
    except KeyboardInterrupt:
        if interrupted is None or not interrupted.is_set():
            raise  # not one the export took (or not on the main thread): "Aborted!"
        # Said, not a bare "Aborted!": a file being written is removed as it stops.
        if output is None:
            _echo("cancelled: the export to standard output stopped part way", err=True)
        else:
            _echo_line(f"cancelled: nothing was written to {output}", err=True)
        sys.exit(interrupted.exit_status)
    if output is not None:
        what = counted_records(fmt)  # "wrote 8922 record(s)" left which to guess
        described = FORMATS[fmt][0].removeprefix(f"{what} as ")
        _echo_line(f"wrote {count_of(count, what[:-1])} as {described} to {output}", err=True)
    if extent and extent[0].outside and selection.date_from is None and selection.date_to is None:
        # Said: with no --from / --to an image shows the days the articles were published
        # in, as the window opens; the mentions of history and plans beyond are not in it.
        from timeline.model import from_axis

        drawn = extent[0]
        first = from_axis(math.floor(drawn.start)).date().isoformat()
        last = from_axis(math.ceil(drawn.end) - 1).date().isoformat()
        _echo(
            f"{count_of(drawn.outside, 'event')} outside {first} to {last} (the days the"
            " articles were published in) not drawn: --from and --to draw any range",
            err=True,
        )
    if cut:
        _echo(
            f"{count_of(len(cut), 'record')} with a text cut at a workbook cell's 32,767 characters"
            " (Excel's limit; a CSV or JSON Lines export keeps every character)",
            err=True,
        )
    if left_out:
        # Said, not dropped in silence: the format places everything on a date.
        _echo(
            f"{count_of(len(left_out), 'undated article')} left out (this format places every"
            " article on its publication date; a CSV or JSON Lines export keeps them)",
            err=True,
        )


def _a_number(ctx: click.Context, param: click.Parameter, value: float) -> float:
    """A float option's value, refused when it is NaN: click's FloatRange let "nan"
    through (it is outside no range: no comparison with it is true), and --scale nan
    ended the export with "unexpected ValueError"."""
    if math.isnan(value):
        raise click.BadParameter("nan is not a number", ctx=ctx, param=param)
    return value


class _ForTerminal(io.TextIOBase):
    """An export's text on its way to a terminal, where a reader reads it: the controls
    and bidi overrides of articles' texts escaped in JSON (as `list --json` prints them:
    the same data), shown as symbols in any other format (as `import` names files), so
    that none acts (an ESC sequence in a title cleared the screen).  Piped or written to
    a file, an export is written as it is."""

    def __init__(self, out: TextIO, fmt: str) -> None:
        super().__init__()
        self._out = out
        self._json = fmt == "timelinejs" or fmt.endswith("-jsonl")

    def write(self, text: str) -> int:
        self._out.write(json_escaped(text) if self._json else visible_controls(text))
        return len(text)

    def flush(self) -> None:
        self._out.flush()


@contextlib.contextmanager
def _line_cleared(told: list[int]) -> Iterator[None]:
    """The progress line (if one was written: told) cleared however the block ends,
    before what is said next."""
    try:
        yield
    finally:
        if told:
            click.echo("\r\x1b[K", err=True, nl=False)


def _story_json(story: StoryCluster, through_others: frozenset[int]) -> dict[str, Any]:
    spread = story.spread
    return {
        "cluster": story.cluster,
        "earliest": story.earliest.article_id,
        "copies": len(story.articles),
        "sources": story.sources,
        "first": story.earliest.published,
        "spread_seconds": None if spread is None else spread[1] - spread[0],
        "articles": [
            {"id": a.article_id, "source": a.source, "published": a.published, "title": a.title}
            for a in story.articles
        ],
        # Copies that share little text with the article the story is given for (by
        # `stories`, its earliest): in the story only through other copies (a roundup
        # of two stories joins them).
        "through_others": sorted(through_others),
    }


@cli.command("stories")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per cluster.")
@click.option(
    "--min-copies",
    default=2,
    show_default=True,
    type=click.IntRange(2, 2**63 - 1),
    help="Only clusters of at least this many articles.",
)
@click.option(
    "--rebuild",
    is_flag=True,
    help="Cluster every article again from scratch (after a rule change).",
)
@_common_options
@click.pass_obj
def stories_command(settings: Settings, as_json: bool, min_copies: int, rebuild: bool) -> None:
    """Stories reprinted by several outlets: clusters of copies, the largest first.

    Articles stored before copy detection existed are signed first (once).  The text
    gives your corrections (title, source, date: marked *) and names each story by its
    earliest copy you did not hide, every copy listed, hidden ones marked; --json the
    stored values.
    """
    from timeline import library
    from timeline.store import edits as user
    from timeline.store import said
    from timeline.store import stories as story_store

    with settings.open_store(create=False) as store:
        if rebuild and store.read_only is not None:
            # Nothing would be rebuilt, and the stories listed would be the old ones.
            raise _Failure(said("read_only", path=store.path, reason=store.read_only))
        if store.read_only is None:
            # Both can take minutes in a large library: each says how far it is.
            unsigned = story_store.unsigned_count(store)
            if unsigned:
                with click.progressbar(
                    length=unsigned, label="signing articles", file=sys.stderr, show_pos=True
                ) as bar:
                    library.update_stories(store, progress=_advancing(bar))
            if rebuild:
                with click.progressbar(
                    length=store.count_articles(),
                    label="finding copies",
                    file=sys.stderr,
                    show_pos=True,
                ) as bar:
                    library.rebuild_stories(store, progress=_advancing(bar))
        found = story_store.clusters(store, min_copies)
        # The text gives the user's title, source and date (marked *), as `list` does.
        corrected = (
            {}
            if as_json
            else user.corrected_fields(store, [a.article_id for s in found for a in s.articles])
        )
        hidden = (
            set()
            if as_json
            else user.hidden_among(store, [a.article_id for s in found for a in s.articles])
        )
        named = [_named_copy(story, hidden) for story in found]
        through = [
            library.linked_through_others(store, first.article_id, story)
            for story, first in zip(found, named, strict=True)
        ]
    for story, first, others in zip(found, named, through, strict=True):
        if as_json:
            _echo(json_line(_story_json(story, others)))
            continue
        shown = {a.article_id: _as_seen(a, corrected.get(a.article_id, {})) for a in story.articles}
        when, line = shown[first.article_id]
        _echo(
            f"story #{story.cluster}: {len(story.articles)} copies from"
            f" {count_of(story.sources, 'source')},"
            f" first {when} "
            + settings.line(line)
            + (_HIDDEN_MARK if first.article_id in hidden else "")
        )
        for a in story.articles:
            mark = "*" if a is first else "~" if a.article_id in others else " "
            when, line = shown[a.article_id]
            tail = _HIDDEN_MARK if a.article_id in hidden else ""
            _echo(f"  {mark}{a.article_id:>7}  {when:<25}  " + settings.line(line) + tail)
    if not as_json:
        _echo(f"{count_of(len(found), 'story', 'stories')} with copies", err=True)
        if any(through):
            _echo(
                "* the earliest copy not hidden; ~ shares little text with it (in the story only"
                " through other copies)",
                err=True,
            )
        if corrected:
            _echo(
                "a date, source or title followed by * is yours (timeline edit article)", err=True
            )


def _named_copy(story: StoryCluster, hidden: set[int]) -> CopyRow:
    """The copy a story's line names: its earliest the user did not hide (the window,
    showing each story once, lets the next copy stand for a hidden earliest one), or its
    earliest, marked hidden, when the user hid every copy."""
    return next((a for a in story.articles if a.article_id not in hidden), story.earliest)


def _as_seen(copy: CopyRow, mine: dict[str, str]) -> tuple[str, str]:
    """A copy's date and "source | title" with the user's values, each marked *."""
    when = f"{mine['published']}*" if "published" in mine else copy.published or "(undated)"
    source = mine.get("source", copy.source) + ("*" if "source" in mine else "")
    title = mine.get("title", copy.title) + ("*" if "title" in mine else "")
    return when, f"{source} | {title}"


@cli.command("recompute")
@click.option(
    "--changed",
    is_flag=True,
    help="Only the articles whose title, body or date as written another program"
    " (Datasette, sqlite-utils, a script) changed since their dates were read, and those"
    " whose publication date an earlier version corrected without dating their text"
    " from it.",
)
@_common_options
@click.pass_obj
def recompute_command(settings: Settings, changed: bool) -> None:
    """Re-compute every article's dates and events with the current rules.

    Articles whose text another program changed are also signed again and joined to
    their copies anew.
    """
    from timeline import library
    from timeline.processes import WorkerDied
    from timeline.store import StoreError

    with settings.open_store(create=False) as store:
        total = (
            len({*store.changed_article_ids(), *store.given_dates_to_follow()})
            if changed
            else store.count_articles()
        )
        with click.progressbar(
            length=total, label="re-computing", file=sys.stderr, show_pos=True
        ) as bar:
            try:
                with _cancelled_by_interrupt() as interrupted:
                    done = library.recompute_events(
                        store,
                        progress=_advancing(bar),
                        cancelled=interrupted.is_set,
                        changed_only=changed,
                    )
            except library.RecomputeCancelled:
                done = -1
            except StoreError as exc:
                raise _Failure(str(exc)) from exc
            except WorkerDied as exc:  # rolled back as it left the transaction
                raise _Failure(f"nothing was changed: {exc}") from exc
        if done < 0:
            # Said, not a bare "Aborted!": the store is whole, with the events it had.
            _echo("cancelled: nothing was changed (the events are as they were)", err=True)
            sys.exit(interrupted.exit_status)
        _echo(
            f"re-computed the events of {count_of(done, 'article')}"
            f" ({count_of(store.count_events(), 'event')})"
        )


def _processes_at_most(value: int | None) -> int | None:
    """--processes, refused past four a core: 1000 typed for 10 would start a thousand
    interpreters (about 30 MB each) to wait for two cores."""
    if value is None:
        return None
    from timeline.processes import default_processes

    most = 4 * default_processes()
    if value > most:
        raise click.BadParameter(
            f"at most {most} on this machine (four a core): more would only wait for the"
            " cores and hold memory",
            param_hint="'--processes'",
        )
    return value


# Ids that named no article are listed one a line up to this many.
_MISSING_NAMED = 10


class _IdRun(click.ParamType):
    """An article id, or a run of them written FIRST-LAST (as `import --json` gives)."""

    name = "ID|FIRST-LAST"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> range:
        if isinstance(value, range):
            return value
        first, _, last = str(value).strip().partition("-")
        try:
            low, high = int(first), int(last or first)
        except ValueError:
            self.fail(f"{value!r} is no article id (a number, or FIRST-LAST)", param, ctx)
        if not 1 <= low <= high < 2**63:
            self.fail(
                f"{value!r}: ids are from 1 up, the first of a run not after its last", param, ctx
            )
        return range(low, high + 1)


@cli.command("remove")
@click.argument("article_ids", nargs=-1, type=_IdRun())
@click.option(
    "--origin",
    "origins",
    multiple=True,
    metavar="PATH",
    help="Also every article read from this file, or from under this folder or archive"
    " (as `timeline show` names its origin). May be given more than once.",
)
@click.option("--dry-run", is_flag=True, help="List what would be removed; change nothing.")
@_common_options
@click.pass_obj
def remove_command(
    settings: Settings, article_ids: tuple[range, ...], origins: tuple[str, ...], dry_run: bool
) -> None:
    """Remove articles from the library, with their events (by id, or by the file they
    came from).

    Your corrections, tags and notes of them are kept: they come back if the same
    article is imported again.  One transaction: interrupted, nothing is removed.
    Exit status 1 if an id or an --origin named no article (as `list --origin`)."""
    from timeline import library
    from timeline.store import StoreError

    if not article_ids and not origins:
        raise _Failure("name the articles to remove: their ids, or --origin PATH")
    if any(not origin.strip() for origin in origins):
        raise _Failure("--origin needs the path of a file or folder")
    with settings.open_store(create=False) as store:
        # A run is read by range, never spelled out: 1-999999999999 names a trillion ids.
        runs = _merged_runs(article_ids)
        named = store.stored_in_runs(runs)
        missing = sum(len(run) for run in runs) - len(named)
        stored = set(named)
        unmatched = False
        for origin in origins:
            from_origin = store.ids_from_origin(_origin_spellings(origin))
            if not from_origin:
                _echo_line(f"no article came from {origin}", err=True)
                unmatched = True  # as an id that names no article
            stored.update(from_origin)
        first_missing = _first_missing(runs, set(named), _MISSING_NAMED) if missing else []
        if missing <= _MISSING_NAMED:
            for article_id in first_missing:
                _echo(f"no article with id {article_id}", err=True)
        else:  # a run of ids with gaps: not a line for each
            shown = ", ".join(map(str, first_missing[:_MISSING_NAMED]))
            _echo(f"{missing} of the ids named no article: {shown}, ...", err=True)
        if dry_run:
            for article_id in sorted(stored):
                article = store.article(article_id, body_chars=0)
                if article is not None:
                    _echo(
                        f"{article_id:>6}  " + settings.line(f"{article.source} | {article.title}")
                    )
            _echo(f"would remove {count_of(len(stored), 'article')}; nothing was changed", err=True)
            sys.exit(1 if missing or unmatched else 0)
        events_before = store.count_events()
        with click.progressbar(
            length=len(stored), label="removing", file=sys.stderr, show_pos=True
        ) as bar:
            try:
                with _cancelled_by_interrupt() as interrupted:
                    removed = library.remove_articles(
                        store, stored, progress=_advancing(bar), cancelled=interrupted.is_set
                    )
            except library.RemoveCancelled:
                _echo("cancelled: nothing was removed", err=True)
                sys.exit(interrupted.exit_status)
            except StoreError as exc:
                raise _Failure(str(exc)) from exc
        events = events_before - store.count_events()
        its = "its" if len(removed) == 1 else "their"
        _echo(f"removed {count_of(len(removed), 'article')} and {its} {count_of(events, 'event')}")
    if missing or unmatched:
        sys.exit(1)


def _merged_runs(runs: Iterable[range]) -> list[range]:
    """Runs of ids (steps of 1) in order, those that overlap or touch made one."""
    merged: list[range] = []
    for run in sorted((r for r in runs if len(r)), key=lambda r: r.start):
        if merged and run.start <= merged[-1].stop:
            merged[-1] = range(merged[-1].start, max(merged[-1].stop, run.stop))
        else:
            merged.append(run)
    return merged


def _first_missing(runs: Sequence[range], stored: Set[int], count: int) -> list[int]:
    """The first `count` ids of the runs not among the stored: a walk of at most the
    stored ids and `count` more."""
    missing: list[int] = []
    for run in runs:
        for article_id in run:
            if article_id not in stored:
                missing.append(article_id)
                if len(missing) == count:
                    return missing
    return missing


def _advancing(bar: Any) -> Callable[[int, int, str], None]:
    """A library progress callback that moves a click progress bar to `done`."""

    def advance(done: int, _total: int, _name: str) -> None:
        bar.update(done - bar.pos)

    return advance


def _origin_spellings(origin: str) -> list[str]:
    """A path as the user typed it and as an import may have stored it: as an origin
    (ingest.origin_of), absolute (and through its links), or, by an earlier version,
    as its import was given it."""
    from timeline.ingest import origin_of

    path = Path(origin)
    spellings = [origin, str(path)]
    with contextlib.suppress(OSError, RuntimeError, ValueError):
        spellings += [origin_of(path), str(path.absolute()), str(path.resolve())]
        spellings.append(os.path.relpath(path))
    return list(dict.fromkeys(spellings))


@cli.command("repair")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The new database file (default: beside the damaged one, named *-repaired.db).",
)
@_common_options
@click.pass_obj
def repair_command(settings: Settings, output: Path | None) -> None:
    """Copy what can still be read of a damaged database into a new file.

    The damaged file is only read, never changed. Rows on damaged pages are lost;
    the report says how many ids could not be read.
    """
    from timeline.store.repair import salvage

    source = settings.db_path
    try:
        there = source.exists()
    except OSError as exc:  # a name too long: "unexpected OSError"
        raise _Failure(f"cannot open {source}: {exc.strerror or exc}") from exc
    if not there:
        raise _Failure(f"no database at {source}")
    target = output or source.with_name(source.stem + "-repaired.db")
    # Table by table, each by its rowids: a library of 30,000 articles takes a minute.
    with click.progressbar(length=1000, label="copying", file=sys.stderr, show_eta=False) as bar:

        def advance(done: int, total: int, table: str) -> None:
            bar.label = f"copying {table}"
            bar.update(done * 1000 // max(total, 1) - bar.pos)

        report = salvage(source, target, progress=advance)
    copied = ", ".join(f"{n} {table}" for table, n in report.copied.items())
    _echo_line(f"copied {copied} into {target}")
    if report.wal_left_out is not None:
        _echo(
            f"{report.wal_left_out} was not read: the file alone is whole, and its pages do"
            " not fit it (another library's, or damaged); it is left as it is",
            err=True,
        )
    for table, n in report.unreadable.items():
        _echo(f"{table}: {count_of(n, 'id')} could not be read (on damaged pages)", err=True)
    for table in report.uncounted:
        _echo(f"{table}: an unknown number of ids could not be read (on damaged pages)", err=True)
    for table, n in report.refused.items():
        _echo(f"{table}: {count_of(n, 'row')} left out (inconsistent after the damage)", err=True)
    for table in report.tables_lost:
        _echo(f"{table}: could not be read at all", err=True)
    for table, n in report.made_again.items():
        _echo(f"{table}: {count_of(n, 'row')} made again from the rows copied")
    _echo_line(f"Check it (`timeline --db {target} list`), then use it in place of {source}.")


# `timeline edit ...` lives in its own module.
from timeline.cli_edits import edit_group  # noqa: E402

cli.add_command(edit_group)


def main() -> None:
    """The program's entry point: no input reaches the user as a traceback.

    click turns usage and domain errors into one line; anything else left is a bug,
    said in one line too (TIMELINE_DEBUG=1 shows its traceback).
    """
    try:
        cli.main(prog_name="timeline", standalone_mode=True)
    except UnicodeEncodeError as exc:
        failed = exc.object[exc.start : exc.end]
        if os.environ.get("TIMELINE_DEBUG") or not all("\udc80" <= c <= "\udcff" for c in failed):
            raise
        # A terminal set to another encoding (Windows-1256, ISO-8859-6) gives bytes that
        # are not UTF-8, which Python keeps as lone surrogates and SQLite refuses.
        raw = failed.encode("utf-8", "surrogateescape")
        shown = "".join(f"\\x{b:02x}" for b in raw)
        _echo(
            f"Error: text given to the program is not UTF-8 (bytes {shown}); is the terminal"
            " set to another encoding? Nothing was written for it.",
            err=True,
        )
        sys.exit(1)
    except Exception as exc:
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        from timeline.cli_extract import (
            cannot_write_output,
            output_left_unwritten,
            standard_output_failed,
        )

        if isinstance(exc, OSError) and standard_output_failed(exc):
            # A full disk or a failed device under the output: not a bug.
            _echo(f"Error: {cannot_write_output(exc)}", err=True)
            output_left_unwritten()
            sys.exit(1)
        _echo(f"Error: unexpected {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
