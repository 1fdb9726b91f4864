"""Timing figures for `make fuzz`: extraction on 100 KB inputs, reading a large JSON Lines file.

Besides random text, every word the rules look for (each anchor's literals, every month
and weekday name) is repeated with each of a few joints to 32 KB (مايو مايو..., الأحد
والأحد...): a list of one word is where a pattern that walks a run, or a step that
compares each hit with every other, grows with the square of the run.  It prints the
slowest of them, timed on 8 KB and 32 KB, and how much longer the longer took (4 when
linear).  Then FUZZ_UNITS (1,000) random runs of two to four of those words and of
what dates are written with (digits, هـ, cues, punctuation), joined the same ways,
each repeated alike (seeded by FUZZ_SEED): a run of one word missed a text with no
space and a coming month asked about the whole text.

Prints figures; asserts nothing (a test asserts behaviour, a benchmark measures).
The extractor should take under a second on any 100 KB input (DESIGN.md rule 6).
"""

from __future__ import annotations

import gzip
import os
import platform
import random
import resource
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.fuzz.strategies import _DIGITS, _WORDS  # noqa: E402
from timeline import dating  # noqa: E402
from timeline.ingest import ArticleFile, Rejected  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
SIZE = 100_000


def _random_text(rng: random.Random, kind: str) -> str:
    parts: list[str] = []
    length = 0
    while length < SIZE:
        if kind == "words":
            piece = rng.choice(_WORDS)
        elif kind == "digits":
            piece = "".join(rng.choice(_DIGITS + "/-:. ") for _ in range(rng.randint(1, 12)))
        else:  # letters
            piece = "".join(chr(rng.randint(0x621, 0x64A)) for _ in range(rng.randint(1, 9)))
        parts.append(piece)
        length += len(piece) + 1
    return " ".join(parts)[:SIZE]


def extraction_figures(rounds: int) -> None:
    rng = random.Random(int(os.environ.get("FUZZ_SEED", "1")))
    print(f"extract_mentions on {SIZE:,}-character inputs, {rounds} of each kind:")
    for kind in ("words", "digits", "letters"):
        times = []
        for _ in range(rounds):
            text = _random_text(rng, kind)
            start = time.perf_counter()
            dating.extract_mentions(text)
            times.append(time.perf_counter() - start)
        times.sort()
        print(
            f"  {kind:<8} median {times[len(times) // 2]:.3f} s, worst {times[-1]:.3f} s"
            f"{'  (over 1 s!)' if times[-1] > 1 else ''}"
        )


REPEAT_JOINTS = (" ", " و", "، ", "-", "/", " - ", "\n", "")
# Beside the rules' own words, what dates are written with (a random unit joins two to
# four of these and the rules' words).
UNIT_EXTRAS = (
    "12", "5", "2015", "1436", "هـ", "م", "في", "من", "الى", "حتى", "و", "عام", "يوم",
    "الساعة", "منذ", "قبل", "بعد", "كل", "(", ")", "/", "-", ":", "،", ".", "\n", "ال",
    "الماضي", "المقبل", "صباحا", "مساء", "خمسة", "عشر", "أيام",
)  # fmt: skip
ANCHOR = datetime(2021, 5, 22, 1, 32)


def _rule_words() -> list[str]:
    from timeline.dating import context
    from timeline.dating import lexicon as lx

    words = {word for anchor in context._ANCHORS for word in anchor.literals}
    words |= {*lx.GREGORIAN_MONTHS, *lx.HIJRI_MONTHS, *lx.WEEKDAYS}
    return sorted({word.strip() for word in words if word.strip()})


def _growth(unit: str, rounds: int) -> tuple[float, float, str]:
    """(seconds for the unit repeated to 32 KB, that over the time for 8 KB, the unit)."""
    took = []
    for size in (8_000, 32_000):
        text = (unit * (size // len(unit) + 1))[:size]
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            dating.extract_mentions(text, ANCHOR)
            best = min(best, time.perf_counter() - start)
        took.append(best)
    return took[1], took[1] / max(took[0], 1e-6), unit


def _report(title: str, units: list[str], shown: int) -> None:
    dating.extract_mentions("في 12 مايو 2021 الساعة 5", ANCHOR)  # patterns compiled first
    timed = [_growth(unit, 1) for unit in units]
    # Once each is quick to time but noisy: the slowest and the fastest-growing are
    # timed again, the best of three.
    again = {unit for _, _, unit in sorted(timed, reverse=True)[: 2 * shown]}
    again |= {unit for _, _, unit in sorted(timed, key=lambda t: -t[1])[: 2 * shown]}
    retimed = sorted((_growth(unit, 3) for unit in again), reverse=True)
    print(f"{len(timed):,} {title} repeated to 32 KB, the slowest (seconds; 32 KB over 8 KB):")
    for seconds, ratio, unit in retimed[:shown]:
        print(f"  {seconds:.3f} s  x{ratio:.1f}  {unit!r}")
    # Growth of the ones long enough to time (a few milliseconds are mostly noise).
    grown = max((ratio, unit) for seconds, ratio, unit in retimed if seconds > 0.02)
    print(f"  worst growth of those over 20 ms: x{grown[0]:.1f} ({grown[1]!r})")


def repeated_word_figures(shown: int = 8) -> None:
    words = _rule_words()
    _report("words", [word + joint for word in words for joint in REPEAT_JOINTS], shown)


def repeated_unit_figures(count: int, shown: int = 8) -> None:
    rng = random.Random(int(os.environ.get("FUZZ_SEED", "1")))
    pieces = _rule_words() + list(UNIT_EXTRAS) * 4
    units = [
        "".join(rng.choice(pieces) + rng.choice(REPEAT_JOINTS) for _ in range(rng.randint(2, 4)))
        for _ in range(count)
    ]
    _report("random runs of two to four words", units, shown)


def full_file_figures() -> None:
    source = CORPUS / "saudinewsnet" / "full.jsonl.gz"
    if not source.exists():
        print("the shared corpus is absent: no full-file figures")
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "full.jsonl"
        with gzip.open(source, "rb") as src, path.open("wb") as out:
            while chunk := src.read(1 << 20):
                out.write(chunk)
        records, rejected, first = 0, 0, "-"
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        with ArticleFile(path) as articles:
            for item in articles:
                records += 1
                if isinstance(item, Rejected):
                    rejected += 1
                    first = first if rejected > 1 else str(item)
        took = time.perf_counter() - start
        size = path.stat().st_size
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    print(
        f"SaudiNewsNet full.jsonl ({size / 1e6:.0f} MB) read as a stream: {records:,} records,"
        f" {rejected} skipped (first: {first}), {took:.1f} s, peak memory grew {grown / 1024:.0f} MB"
    )


# Texts that look like markup to a JSON record's reader (jsonlines._MARKUP), each
# repeated: tags that never close, attributes that run on, '<' after '<'.
MARKUP_UNITS = ("<p a=", '<p a="', "<p a ", "<b ", "<p\t", "<<p", "</p ", "<img src=x ")


def markup_figures() -> None:
    """A JSON record whose body is each unit repeated to 128 KB and to 512 KB: the time
    to read it, and the ratio (4 when linear)."""
    from timeline.ingest.jsonlines import record_draft

    print("a JSON record's body of markup-like text, 128 KB and 512 KB (seconds, ratio):")
    for unit in MARKUP_UNITS:
        took = []
        for size in (128_000, 512_000):
            body = (unit * (size // len(unit) + 1))[:size]
            start = time.perf_counter()
            record_draft({"title": "t", "body": body}, "record", "")
            took.append(time.perf_counter() - start)
        print(f"  {took[0]:.3f}  {took[1]:.3f}  x{took[1] / max(took[0], 1e-6):.1f}  {unit!r}")


def main() -> None:
    print(f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores")
    full_file_figures()  # first: its peak memory is not hidden by the extraction's
    markup_figures()
    extraction_figures(int(os.environ.get("FUZZ_TIMING_ROUNDS", "5")))
    repeated_word_figures()
    repeated_unit_figures(int(os.environ.get("FUZZ_UNITS", "1000")))


if __name__ == "__main__":
    main()
