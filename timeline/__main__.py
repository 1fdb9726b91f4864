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
    if len(sys.argv) > 1 and sys.argv[1] == "extract":
        from timeline.cli_extract import run_without_click

        if run_without_click(sys.argv[2:]):
            return
    else:
        from timeline.cli_window import run_without_click as open_window_without_click

        open_window_without_click(sys.argv[1:])  # exits when it opened the window
    from timeline.cli import main as click_main

    click_main()


if __name__ == "__main__":
    main()
