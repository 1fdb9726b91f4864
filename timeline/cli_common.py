"""What every `timeline` command shares: its settings, safe output and one-line errors."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from timeline.cli_window import chosen_db_path, migration_progress
from timeline.text.safe import json_escaped, terminal_safe, visible_controls

if TYPE_CHECKING:
    from timeline.store import Store

F = TypeVar("F", bound=Callable[..., Any])

# What str.splitlines() breaks at, a run of it as one break.
_LINE_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


@dataclass
class Settings:
    """What the group options chose, handed to every subcommand."""

    db: Path | None = None
    bidi: bool | None = None

    @property
    def db_path(self) -> Path:
        return chosen_db_path(self.db)

    @property
    def shape_for_terminal(self) -> bool:
        return sys.stdout.isatty() if self.bidi is None else self.bidi

    def open_store(self, *, create: bool = True, alone_without_shm: bool = True) -> Store:
        """The library the options name, for a command: its one connection holds the
        file alone where the disk has no room for SQLite's -shm file (Store's
        alone_without_shm; not for the window, whose workers each open their own)."""
        from timeline.store import Store, StoreError

        try:
            return Store(
                self.db_path,
                create=create,
                progress=migration_progress,
                alone_without_shm=alone_without_shm,
            )
        except StoreError as exc:
            raise _Failure(str(exc)) from exc

    def line(self, text: str) -> str:
        """A line for stdout: in display order for a terminal, logical order when piped.

        Either way one line (a line break in a title, a source or a note is a space: a
        title holding "\n    99  2030-01-01  source | title" printed a row of its
        own in `list`), without controls or bidi overrides (text.safe.terminal_safe).
        """
        text = _LINE_BREAKS.sub(" ", text)
        if not self.shape_for_terminal:
            return terminal_safe(text)
        from timeline.text import for_terminal

        return for_terminal(text)


def count_of(n: int, noun: str, nouns: str | None = None) -> str:
    """n and its noun agreeing with it: "1 failed file", "2 failed files" (nouns for a
    plural not made with s).  The import's summary said "1 failed files"; the window's
    gets its forms from Qt's plural tables (Arabic has six)."""
    return f"{n} {noun if n == 1 else nouns or noun + 's'}"


def was_were(n: int) -> str:
    """The verb agreeing with count_of(n, ...): "1 byte was", "2 bytes were"."""
    return "was" if n == 1 else "were"


def _echo(text: str = "", *, err: bool = False) -> None:
    """click.echo of a line holding untrusted text (file names, messages): controls removed."""
    click.echo(terminal_safe(text), err=err)


def _echo_line(text: str, *, err: bool = False) -> None:
    """click.echo of one line that quotes names from outside (a file's, an archive
    member's): a newline, control or bidi override in them is shown as a symbol (␊, ␛,
    ⟨RLO⟩), so that the line stays one line, cannot pass for another (a file named
    "x\n100 added, 0 failed files"), and names the file as it is really named."""
    click.echo(visible_controls(text, keep_newlines=False), err=err)


class MadeAsWritten(list[Any]):
    """Items for json's encoder, each made into JSON's values (by make) when it is
    written (json_pieces).  The encoder with indent (Python's) iterates a list it is
    given; the one without (C's) would read this one as empty: tests hold the output
    whole."""

    def __init__(self, items: Sequence[Any], make: Callable[[Any], Any]) -> None:
        super().__init__()
        self._items, self._make = items, make

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        return map(self._make, self._items)


def json_pieces(data: Any, size: int = 65536) -> Iterator[str]:
    """json_line(data, indent=2) in pieces of about size characters, made as they are
    written (a MadeAsWritten in data made an item at a time)."""
    held: list[str] = []
    count = 0
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data):
        held.append(chunk)
        count += len(chunk)
        if count >= size:
            yield json_escaped("".join(held))
            held, count = [], 0
    yield json_escaped("".join(held))


class _Failure(click.ClickException):
    """A one-line error whose message may quote untrusted text: its controls and bidi
    overrides shown as symbols, as _echo_line shows them (removed, a file named with an
    RLO was named as no file is)."""

    def __init__(self, message: str) -> None:
        super().__init__(visible_controls(message, keep_newlines=False))


class _Group(click.Group):
    """The command group: a store error in any command is one line and exit status 1,
    and no error quotes an argument's controls or bidi overrides to the terminal."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.ClickException as exc:
            raise _made_safe(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:
            # click quotes the arguments it could not take ("Got unexpected extra
            # argument (...)"), which a script may have taken from an article.
            raise _made_safe(exc) from None
        except Exception as exc:
            # The store module is loaded by the commands that open one; a StoreError can
            # only come from such a command, so extract never pays for importing it here.
            store = sys.modules.get("timeline.store")
            if store is not None and isinstance(exc, store.StoreError):
                raise _Failure(str(exc)) from exc
            raise


def _made_safe(exc: click.ClickException) -> click.ClickException:
    """A click error whose message shows no control or bidi override (made visible on
    one line: the user sees what the argument held)."""
    message = exc.message
    if isinstance(exc, click.NoSuchOption) and exc.ctx is not None:
        query = next((p for p in exc.ctx.command.params if p.name == "query"), None)
        if isinstance(query, click.Argument):
            # "-رياضة في" (a word excluded first) is taken for an option by click.
            message += (
                f" A search that begins with -word goes after --:"
                f' {exc.ctx.command_path} -- "-word other"'
            )
    # (click types message as final; it is a plain attribute that show() reads.)
    setattr(exc, "message", visible_controls(message, keep_newlines=False))  # noqa: B010
    return exc


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
