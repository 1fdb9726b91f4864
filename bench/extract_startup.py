"""Print how long `timeline extract` takes on a short text, run after run, as a shell loop would.

Each run is a new process (the console script next to this Python), so the figure is
start-up plus extraction of one short paragraph. For a breakdown it also times the
interpreter alone (`python -S -c pass`) and with this environment's site (`python -c
pass`: an editable install's .pth files load importlib.util and pathlib there, which an
ordinary install does not), importing the click command line and the date rules, and
the same extraction through the click command line (the console entry runs `extract`
without click, timeline/__main__.py); for the import tree itself use `python -X
importtime .venv/bin/timeline extract FILE`.  The extraction is timed with the rules'
compiled patterns remembered from a run before (as every run after a user's first one)
and with them compiled anew.

Wall time is what a user waits; CPU time (user + system of the child) is what the
process itself spent, and reads much steadier on a busy machine.  The package's
bytecode is compiled first, as pip and PyInstaller do when they install it: with
PYTHONDONTWRITEBYTECODE set and no bytecode beside the sources, every run compiles the
package from source, which is not what an installed program does.

    .venv/bin/python bench/extract_startup.py [--runs 20]
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT = "وصل الوفد أمس الأحد إلى الرياض، ويغادر في 5 أغسطس 2015 بعد زيارة تستمر ثلاثة أيام.\n"


def timed(
    command: list[str], runs: int, env: dict[str, str] | None = None
) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each run."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    timeline = Path(sys.executable).with_name("timeline")
    if not timeline.exists():
        parser.error(f"no console script at {timeline} (pip install -e . first)")
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "timeline", quiet=1)
    print("bytecode compiled first, as an install does")
    report(timeline, args.runs)
    return 0


def report(timeline: Path, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text(TEXT, encoding="utf-8")
        extract = [str(timeline), "extract", "--published", "2015-08-10T10:00", str(article)]
        # The rules' compiled patterns are remembered in the user's cache folder after
        # the first run (timeline/dating/lazy.py); a folder of this bench's own, filled
        # by one run first, and the same command with that cache turned off.
        cache = Path(tmp) / "cache"
        cache.mkdir()
        env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
        subprocess.run(extract, check=True, capture_output=True, env=env)
        through_click = [
            sys.executable,
            "-c",
            "import sys; sys.argv[0] = 'timeline'; from timeline.cli import main; main()",
            *extract[1:],
        ]
        rules = "import timeline.dating.mentions, timeline.dating.timeml"
        rows: list[tuple[str, list[str], dict[str, str] | None]] = [
            ("python -S -c pass", [sys.executable, "-S", "-c", "pass"], None),
            ("python -c pass", [sys.executable, "-c", "pass"], None),
            ("import timeline.cli (click)", [sys.executable, "-c", "import timeline.cli"], None),
            ("import the date rules", [sys.executable, "-c", rules], env),
            ("timeline extract --published ... FILE", extract, env),
            ("  the same through click", through_click, env),
            (
                "  the same, patterns compiled anew",
                extract,
                {**env, "TIMELINE_PATTERN_CACHE": "0"},
            ),
        ]
        print(f"{runs} runs each, median [min-max] in ms (a busy machine reads high):")
        for label, command, environment in rows:
            walls, cpus = timed(command, runs, environment)
            ms, cpu = [t * 1000 for t in walls], [t * 1000 for t in cpus]
            print(
                f"  {label:<40} {statistics.median(ms):6.0f} [{min(ms):.0f}-{max(ms):.0f}] wall"
                f"  {statistics.median(cpu):6.0f} [{min(cpu):.0f}-{max(cpu):.0f}] CPU"
            )


if __name__ == "__main__":
    sys.exit(main())
