"""The `timeline` command (`python -m timeline`): extract and the window start without click.

`timeline extract` runs once per file in shell loops, so its start-up is most of its
time; importing click and the other commands was a fifth of it.  Its arguments go to
timeline.cli_extract first, which runs the command only when it would do exactly what
the click command does, and otherwise leaves them, untouched, to the click command line
(timeline.cli), as every other command is.  `timeline` with no command opens the window
the same way (timeline.cli_window): click was 50-70 ms of the window's start-up.
"""

from __future__ import annotations

import sys


def main() -> None:
    """The program's entry point (the console script's and the frozen program's)."""
    streams_for_any_text()
    if len(sys.argv) > 1 and sys.argv[1] == "extract":
        from timeline.cli_extract import run_without_click

        if run_without_click(sys.argv[2:]):
            return
    else:
        from timeline.cli_window import run_without_click as open_window_without_click

        open_window_without_click(sys.argv[1:])  # exits when it opened the window
    from timeline.cli import main as click_main

    click_main()


def streams_for_any_text() -> None:
    """Make stdout and stderr able to take any text the program prints (Arabic titles,
    file names) whatever the locale says.

    A stream in another encoding (a Latin-1 locale; Windows, where output sent to a file
    or a pipe takes the ANSI code page, Windows-1252) failed on the first Arabic letter
    with a traceback.  Sent to a file or a pipe, output is UTF-8, as the program's
    exports and --json lines are everywhere; on a terminal its encoding is kept and a
    character it cannot show is a question mark.
    """
    import codecs

    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        reconfigure = getattr(stream, "reconfigure", None)
        if not encoding or reconfigure is None:
            continue  # closed (None), or replaced by a caller with a stream of its own
        try:
            if codecs.lookup(encoding).name == "utf-8":
                continue
            if stream.isatty():
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8")
        except (LookupError, OSError, ValueError):
            continue  # an encoding Python does not know, or a stream already written to


if __name__ == "__main__":
    main()
