"""Print how long `timeline extract` takes on a short text, run after run, as a shell loop would.

Each run is a new process (the console script next to this Python), so the figure is
start-up plus extraction of one short paragraph. For a breakdown it also times a bare
`python -c pass`, importing the command line alone, and importing the date rules; for
the import tree itself use `python -X importtime -c "import timeline.cli"`.

    .venv/bin/python bench/extract_startup.py [--runs 20]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT = "وصل الوفد أمس الأحد إلى الرياض، ويغادر في 5 أغسطس 2015 بعد زيارة تستمر ثلاثة أيام.\n"


def timed(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    timeline = Path(sys.executable).with_name("timeline")
    if not timeline.exists():
        parser.error(f"no console script at {timeline} (pip install -e . first)")
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text(TEXT, encoding="utf-8")
        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("import timeline.cli", [sys.executable, "-c", "import timeline.cli"]),
            ("import timeline.dating", [sys.executable, "-c", "import timeline.dating"]),
            (
                "timeline extract --published ... FILE",
                [str(timeline), "extract", "--published", "2015-08-10T10:00", str(article)],
            ),
        ]
        print(f"{args.runs} runs each, median [min-max] in ms (a busy machine reads high):")
        for label, command in rows:
            ms = [t * 1000 for t in timed(command, args.runs)]
            print(f"  {label:<40} {statistics.median(ms):6.0f} [{min(ms):.0f}-{max(ms):.0f}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
