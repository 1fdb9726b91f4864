"""The command line: `timeline` opens the window; subcommands import, list, show and extract."""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from timeline import __version__, library
from timeline.ingest import collect_files
from timeline.model import Article, Event, to_axis
from timeline.store import Store, StoreError, default_db_path
from timeline.text import for_terminal

if TYPE_CHECKING:
    from timeline.store.search import EventKind

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Settings:
    """What the group options chose, handed to every subcommand."""

    db: Path | None = None
    bidi: bool | None = None

    @property
    def db_path(self) -> Path:
        if self.db is not None:
            return self.db
        env = os.environ.get("TIMELINE_DB")
        return Path(env) if env else default_db_path()

    @property
    def shape_for_terminal(self) -> bool:
        return sys.stdout.isatty() if self.bidi is None else self.bidi

    def open_store(self, *, create: bool = True) -> Store:
        try:
            return Store(self.db_path, create=create)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc

    def line(self, text: str) -> str:
        """A line for stdout: in display order for a terminal, logical order when piped."""
        return for_terminal(text) if self.shape_for_terminal else text


def _common_options(func: F) -> F:
    """--db and --bidi on every subcommand too: they may stand before or after its name."""

    def remember_db(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
        if value is not None:
            ctx.ensure_object(Settings).db = value

    def remember_bidi(ctx: click.Context, _param: click.Parameter, value: bool | None) -> None:
        if value is not None:
            ctx.ensure_object(Settings).bidi = value

    func = click.option(
        "--bidi/--no-bidi",
        default=None,
        expose_value=False,
        callback=remember_bidi,
        help="Print Arabic in display order (default: only when stdout is a terminal).",
    )(func)
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        expose_value=False,
        callback=remember_db,
        help="The database file (default: $TIMELINE_DB, else the user data directory).",
    )(func)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
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
        return
    # Before any Qt import: a missing system library would otherwise abort inside Qt.
    from timeline.ui.platform_check import window_problem

    problem = window_problem()
    if problem:
        click.echo(problem, err=True)
        ctx.exit(1)
    from timeline.ui.app import run_window

    with settings.open_store() as store:
        db_path = store.path
    ctx.exit(run_window(db_path, lang=lang, screenshot=screenshot))


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@_common_options
@click.pass_obj
def import_command(settings: Settings, paths: tuple[Path, ...]) -> None:
    """Import article files and folders (.txt in the sample's format, .jsonl, .json)."""
    with settings.open_store() as store:
        files, _ = collect_files(paths)
        with click.progressbar(
            length=len(files), label="importing", file=sys.stderr, show_pos=True
        ) as bar:

            def advance(done: int, _total: int, _name: str) -> None:
                bar.update(done - bar.pos)

            try:
                report = library.import_paths(store, paths, progress=advance)
            except StoreError as exc:
                raise click.ClickException(str(exc)) from exc
    for result in report.failed:
        click.echo(f"failed: {result.path}: {result.error}", err=True)
    for path in report.skipped:
        click.echo(f"skipped (not an article format): {path}", err=True)
    summary = (
        f"{report.added} added, {report.duplicates} already stored, "
        f"{len(report.failed)} failed files"
    )
    if report.undated:
        summary += f", {report.undated} without a readable date (see `timeline list --undated`)"
    click.echo(summary)
    if report.failed:
        sys.exit(1)


def _article_json(article: Article, events: list[Event] | None = None) -> dict[str, Any]:
    data = asdict(article)
    if events is not None:
        data["events"] = [{k: v for k, v in asdict(e).items() if k != "article_id"} for e in events]
    return data


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option("--undated", is_flag=True, help="Only articles whose date could not be read.")
@_common_options
@click.pass_obj
def list_command(settings: Settings, as_json: bool, undated: bool) -> None:
    """List articles in chronological order (undated ones last)."""
    with settings.open_store(create=False) as store:
        for article in store.articles(undated_only=undated):
            if as_json:
                data = _article_json(article)
                del data["body"]
                click.echo(json.dumps(data, ensure_ascii=False))
            else:
                when = article.published or f"(undated: {article.published_raw or '-'})"
                click.echo(
                    f"{article.id:>6}  {when:<25}  "
                    + settings.line(f"{article.source} | {article.title}")
                )


@cli.command("show")
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="The article as JSON (store column names).")
@_common_options
@click.pass_obj
def show_command(settings: Settings, article_id: int, as_json: bool) -> None:
    """Show one article with its events."""
    with settings.open_store(create=False) as store:
        article = store.article(article_id)
        if article is None:
            raise click.ClickException(f"no article with id {article_id}")
        events = store.events_of(article_id)
    if as_json:
        click.echo(json.dumps(_article_json(article, events), ensure_ascii=False, indent=2))
        return
    width = max(40, min(shutil.get_terminal_size().columns, 100) - 2)
    for label, value in (
        ("title", article.title),
        ("published", article.published or "(undated)"),
        ("as written", article.published_raw),
        ("source", article.source),
        ("caption", article.caption),
        ("credit", article.credit),
        ("url", article.url),
    ):
        if value:
            click.echo(f"{label:>11}: " + settings.line(value))
    click.echo()
    for paragraph in article.body.split("\n"):
        for line in textwrap.wrap(paragraph, width) or [""]:
            click.echo(settings.line(line))
    if events:
        click.echo()
        click.echo("events:")
        for e in events:
            label = textwrap.shorten(e.label, 80, placeholder=" …")
            click.echo(f"  {e.kind:<10} {e.value:<24} " + settings.line(label))


@cli.command("extract")
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option(
    "--published",
    help="Publication time (ISO 8601) that relative dates are resolved against.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per mention (the default when piped)."
)
@click.pass_obj
def extract_command(settings: Settings, source: Any, published: str | None, as_json: bool) -> None:
    """Print the date mentions found in a text FILE (or - for standard input).

    JSON keys: start, end (offsets into the text), text, value, granularity, kind.
    """
    from timeline import dating

    anchor = None
    if published:
        try:
            anchor = datetime.fromisoformat(published).replace(tzinfo=None)
        except ValueError as exc:
            raise click.BadParameter(f"not an ISO 8601 time: {published}") from exc
    text = source.read()
    for m in dating.extract_mentions(text, anchor):
        record = {
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "value": m.value,
            "granularity": m.granularity,
            "kind": m.kind,
        }
        if as_json or not sys.stdout.isatty():
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(
                f"{m.start:>6}-{m.end:<6} {m.value:<24} {m.kind:<10} " + settings.line(m.text)
            )


def _axis_day(text: str | None, *, end: bool = False) -> int | None:
    """Axis seconds of the start (or, with end, the end) of an ISO day given on the line."""
    if text is None:
        return None
    try:
        day = datetime.fromisoformat(text)
    except ValueError as exc:
        raise click.BadParameter(f"not an ISO 8601 date: {text}") from exc
    seconds = to_axis(day)
    return seconds + 86400 if end and len(text) <= 10 else seconds


@cli.command("search")
@click.argument("query")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@click.option("--source", help="Only articles from this source.")
@click.option("--from", "date_from", metavar="DATE", help="From this day (ISO 8601).")
@click.option("--to", "date_to", metavar="DATE", help="Up to and including this day.")
@click.option(
    "--kind",
    type=click.Choice(["published", "mentioned"]),
    help="Which dates --from/--to apply to (default: either).",
)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--newest", is_flag=True, help="Newest first instead of by relevance.")
@_common_options
@click.pass_obj
def search_command(
    settings: Settings,
    query: str,
    as_json: bool,
    source: str | None,
    date_from: str | None,
    date_to: str | None,
    kind: EventKind | None,  # click.Choice lets only these values through
    limit: int,
    newest: bool,
) -> None:
    """Search titles and bodies; Arabic spelling variants match (ايار finds أيّار).

    Words are ANDed; "a phrase", prefix*, -exclude and OR work. JSON keys: id, title,
    published, source, snippet, rank.
    """
    from timeline.store.search import SearchError, search

    with settings.open_store(create=False) as store:
        try:
            result = search(
                store,
                query,
                limit=limit,
                source=source,
                date_from=_axis_day(date_from),
                date_to=_axis_day(date_to, end=True),
                event_kind=kind,
                order="newest" if newest else "relevance",
            )
        except SearchError as exc:
            raise click.ClickException(str(exc)) from exc
    for hit in result.hits:
        if as_json:
            record = {
                "id": hit.article_id,
                "title": hit.title,
                "published": hit.published,
                "source": hit.source,
                "snippet": hit.snippet,
                "rank": hit.rank,
            }
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(
                f"{hit.article_id:>6}  {hit.published or '(undated)':<25}  "
                + settings.line(hit.title)
            )
            click.echo("        " + settings.line(hit.snippet))
    if not as_json:
        click.echo(f"{result.total} matching article(s)", err=True)


@cli.command("recompute")
@_common_options
@click.pass_obj
def recompute_command(settings: Settings) -> None:
    """Re-compute every article's dates and events with the current rules."""
    with settings.open_store(create=False) as store:
        with click.progressbar(
            length=store.count_articles(), label="re-computing", file=sys.stderr, show_pos=True
        ) as bar:

            def advance(done: int, _total: int, _name: str) -> None:
                bar.update(done - bar.pos)

            try:
                done = library.recompute_events(store, progress=advance)
            except StoreError as exc:
                raise click.ClickException(str(exc)) from exc
        click.echo(f"re-computed the events of {done} articles ({store.count_events()} events)")


def main() -> None:
    cli(prog_name="timeline")
