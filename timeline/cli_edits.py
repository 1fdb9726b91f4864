"""`timeline edit ...`: the user's corrections, hidden items, added events, tags and notes.

Thin commands over timeline.edits (sqlite-utils' CLI is the model): each one edit,
each with --json.  Computed event ids (from `timeline show --json`) name a mention at
the moment of the command; the edit is tied to its span, so it outlives recompute.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Any

import click

from timeline.cli_common import (
    MadeAsWritten,
    Settings,
    _common_options,
    _echo,
    _Failure,
    count_of,
    json_pieces,
)
from timeline.text.safe import json_line

if TYPE_CHECKING:
    from timeline.store import Store
    from timeline.store.edits import Change

_ID = click.IntRange(1, 2**63 - 1)


def _report(
    settings: Settings, as_json: bool, what: str, changes: list[Change], **extra: Any
) -> None:
    if as_json:
        _echo(json_line({"edit": what, "changes": len(changes), **extra}))
    else:
        done = (
            f"{what}: {count_of(len(changes), 'change')}"
            if changes
            else f"{what}: nothing to change"
        )
        more = "".join(f", {k} {v}" for k, v in extra.items())
        _echo(settings.line(done + more))


def _run(settings: Settings, action: Any) -> Any:
    from timeline.edits import EditError

    with settings.open_store(create=False) as store:
        try:
            return action(store)
        except EditError as exc:
            raise _Failure(str(exc)) from exc


def _target(store: Store, article: int | None, event: int | None, added: int | None) -> str:
    from timeline import edits

    given = [x for x in (article, event, added) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give one of --article, --event or --added")
    if article is not None:
        return edits.article_target(store, article)
    if event is not None:
        return edits.event_target(store, event)
    assert added is not None
    return edits.added_target(store, added)


def _target_options(func: Any) -> Any:
    func = click.option("--added", type=_ID, help="An event the user added (its id).")(func)
    func = click.option("--event", type=_ID, help="A computed event (id from `show --json`).")(func)
    return click.option("--article", type=_ID, help="An article (its id).")(func)


_JSON = click.option("--json", "as_json", is_flag=True, help="Say what was done as JSON.")


@click.group("edit")
def edit_group() -> None:
    """The user's own values: kept apart from computed ones, so recompute never loses them."""


@edit_group.command("correct")
@click.argument("event_id", type=_ID)
@click.argument("date", required=False)
@click.option("--not-a-date", is_flag=True, help="The mention is not a date at all.")
@click.option("--clear", is_flag=True, help="Remove the correction: the computed date shows.")
@_JSON
@_common_options
@click.pass_obj
def correct_command(
    settings: Settings,
    event_id: int,
    date: str | None,
    not_a_date: bool,
    clear: bool,
    as_json: bool,
) -> None:
    """Correct the date of a mention (Arabic or English, Hijri or Gregorian, a range)."""
    from timeline import edits

    if sum([date is not None, not_a_date, clear]) != 1:
        raise click.UsageError("give a DATE, --not-a-date or --clear")

    def act(store: Store) -> list[Change]:
        mention = edits.mention_of_event(store, event_id)
        if clear:
            return edits.clear_mention_correction(store, mention)
        return edits.correct_mention(store, mention, None if not_a_date else date)

    changes = _run(settings, act)
    if date is not None:
        read = edits.read_date(date)
        _report(settings, as_json, "correct", changes, value=read.value if read else None)
    elif as_json:  # the value a line of JSON has always held: none
        _report(settings, as_json, "correct", changes, value=None)
    else:  # said in words: "value None" said nothing
        said = "not a date" if not_a_date else "the computed date again"
        _report(settings, as_json, "correct", changes, now=said)


@edit_group.command("article")
@click.argument("article_id", type=_ID)
@click.option("--title", help="The article's title, corrected.")
@click.option("--source", help="Its source, corrected.")
@click.option("--published", help="Its publication date, corrected (as the program reads dates).")
@click.option(
    "--clear",
    "cleared",
    multiple=True,
    type=click.Choice(["title", "source", "published"]),
    help="Remove a correction (repeatable): the computed value shows.",
)
@_JSON
@_common_options
@click.pass_obj
def article_command(
    settings: Settings,
    article_id: int,
    title: str | None,
    source: str | None,
    published: str | None,
    cleared: tuple[str, ...],
    as_json: bool,
) -> None:
    """Correct an article's title, source or publication date."""
    from timeline import edits

    wanted: list[tuple[str, str | None]] = [
        (name, value)
        for name, value in (("title", title), ("source", source), ("published", published))
        if value is not None
    ] + [(name, None) for name in cleared]
    if not wanted:
        raise click.UsageError("give --title, --source, --published or --clear")
    for name, value in wanted:
        if value is not None and name in cleared:
            # Applied in turn, the last would win silently: say which was meant.
            raise click.UsageError(f"give --{name} or --clear {name}, not both")

    def act(store: Store) -> list[Change]:
        changes: list[Change] = []
        for name, value in wanted:
            changes += edits.correct_article(store, article_id, name, value)
        return changes

    _report(settings, as_json, "article", _run(settings, act))


@edit_group.command("add")
@click.argument("date")
@click.argument("label")
@click.option("--article", type=_ID, help="The article it belongs to (default: on its own).")
@_JSON
@_common_options
@click.pass_obj
def add_command(
    settings: Settings, date: str, label: str, article: int | None, as_json: bool
) -> None:
    """Add an event by hand: a date or range and a label."""
    from timeline import edits

    event_id, changes = _run(settings, lambda store: edits.add_event(store, date, label, article))
    _report(settings, as_json, "add", changes, id=event_id)


@edit_group.command("remove")
@click.argument("added_id", type=_ID)
@_JSON
@_common_options
@click.pass_obj
def remove_command(settings: Settings, added_id: int, as_json: bool) -> None:
    """Remove an event the user added."""
    from timeline import edits

    _report(
        settings, as_json, "remove", _run(settings, lambda s: edits.remove_added_event(s, added_id))
    )


@edit_group.command("hide")
@_target_options
@click.option("--show", is_flag=True, help="Show it again.")
@_JSON
@_common_options
@click.pass_obj
def hide_command(
    settings: Settings,
    article: int | None,
    event: int | None,
    added: int | None,
    show: bool,
    as_json: bool,
) -> None:
    """Hide an article or an event (or, with --show, show it again)."""
    from timeline import edits

    def act(store: Store) -> list[Change]:
        return edits.set_hidden(store, _target(store, article, event, added), not show)

    _report(settings, as_json, "show" if show else "hide", _run(settings, act))


@edit_group.command("tag")
@click.argument("tag")
@_target_options
@click.option("--remove", is_flag=True, help="Take the tag off.")
@click.option("--colour", help="The tag's colour, #rrggbb.")
@_JSON
@_common_options
@click.pass_obj
def tag_command(
    settings: Settings,
    tag: str,
    article: int | None,
    event: int | None,
    added: int | None,
    remove: bool,
    colour: str | None,
    as_json: bool,
) -> None:
    """Tag an article or an event (several tags each); --colour alone recolours the tag."""
    from timeline import edits

    def act(store: Store) -> list[Change]:
        if colour is not None and article is None and event is None and added is None:
            return edits.set_tag_colour(store, tag, colour)
        target = _target(store, article, event, added)
        return edits.set_tag(store, target, tag, not remove, colour)

    _report(settings, as_json, "untag" if remove else "tag", _run(settings, act))


@edit_group.command("tags")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per tag.")
@_common_options
@click.pass_obj
def tags_command(settings: Settings, as_json: bool) -> None:
    """List the tags, their colours and how many things carry each."""
    from timeline.store import edits as user

    for name, colour, count in _run(settings, user.tags):
        if as_json:
            _echo(json_line({"tag": name, "colour": colour, "count": count}))
        else:
            _echo(f"{colour}  {count:>6}  " + settings.line(name))


@edit_group.command("note")
@click.argument("article_id", type=_ID)
@click.argument("note", required=False, default="")
@_JSON
@_common_options
@click.pass_obj
def note_command(settings: Settings, article_id: int, note: str, as_json: bool) -> None:
    """Set an article's note (no NOTE: remove it)."""
    from timeline import edits

    _report(
        settings, as_json, "note", _run(settings, lambda s: edits.set_note(s, article_id, note))
    )


@edit_group.command("notes")
@click.argument("query", required=False, default="")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per note.")
@_common_options
@click.pass_obj
def notes_command(settings: Settings, query: str, as_json: bool) -> None:
    """Search the notes (every word; Arabic spelling variants match)."""
    from timeline import edits

    for article_id, note in _run(settings, lambda s: edits.search_notes(s, query)):
        if as_json:
            _echo(json_line({"id": article_id, "note": note}))
        else:
            _echo(f"{article_id:>6}  " + settings.line(" ".join(note.split())))


@edit_group.command("show")
@click.argument("article_id", type=_ID)
@_common_options
@click.pass_obj
def show_edits_command(settings: Settings, article_id: int) -> None:
    """An article's values as shown (JSON): each with its origin, computed or corrected."""
    from timeline import edits

    shown = _run(settings, lambda s: edits.shown_article(s, article_id, lazily=True))
    if shown is None:
        raise _Failure(f"no article with id {article_id}")
    for piece in _shown_json_pieces(shown):
        click.echo(piece, nl=False)
    click.echo()


def _event_json(event: Any) -> dict[str, Any]:
    data = asdict(event)
    if data["computed"] is not None:
        data["computed"] = {
            k: data["computed"][k] for k in ("id", "kind", "value", "span_start", "span_end")
        }
    return data


def _shown_json_pieces(shown: Any) -> Iterator[str]:
    """json_line(the shown article, indent=2) in pieces, made as they are written: an
    article of 350,001 mentions (9.1 M characters of text) took 38 s and 2.55 GB as one
    string (a dict for each event, then the string and two copies of it)."""
    data = asdict(replace(shown, events=[]))
    data["events"] = MadeAsWritten(shown.events, _event_json)
    return json_pieces(data)


@edit_group.command("list")
@_common_options
@click.pass_obj
def list_edits_command(settings: Settings) -> None:
    """Every edit the user made, table by table, as JSON (with who and when)."""
    from timeline.store import edits as user

    _echo(json_line(_run(settings, user.all_rows), indent=2))
