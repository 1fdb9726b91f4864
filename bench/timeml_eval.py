"""Score the date extractor against TimeML gold files the TempEval-3 way.

For every .tml file in DIR, the extractor reads the TEXT (with the file's creation time
as the publication time, or none with --no-dct) and its mentions are compared with the
gold TIMEX3s (non-consuming ones left out):
- strict: a span counts when its offsets equal a span on the other side;
- overlap: a span counts when it overlaps any span on the other side (TempEval-3's
  relaxed match); precision over the extractor's spans, recall over the gold's;
- type and value accuracy over matched pairs (each gold TIMEX3 with the overlapping
  mention it shares most characters with); values compared as TIMEX3 writes them;
- a breakdown by gold type (recall, value accuracy) and by extracted type (precision).

Without DIR it scores the project's dev set (bench/timeml_devset.py), rebuilt from
../shared/corpus and the stand-off file, or with --set train (or train2) a train set
(the ones to tune on: read the dev set's misses only to report); --build-gold OUT only
writes those .tml files.

    .venv/bin/python bench/timeml_eval.py [DIR] [--set dev|train|train2] [--no-dct] [--show]
    .venv/bin/python bench/timeml_eval.py --build-gold OUT
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeline.dating import extract_mentions  # noqa: E402
from timeline.dating.timeml import (  # noqa: E402
    TIMEX_TYPES,
    TimeMLDocument,
    Timex,
    read_timeml,
    timex_value,
    timexes_from_mentions,
)

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass
class Pair:
    gold: Timex
    found: Timex

    @property
    def type_right(self) -> bool:
        return self.gold.type == self.found.type

    @property
    def value_right(self) -> bool:
        return timex_value(self.gold.value) == timex_value(self.found.value)


@dataclass
class DocScore:
    """What one document's gold and extracted spans have in common."""

    name: str
    text: str
    gold: list[Timex]
    found: list[Timex]
    pairs: list[Pair] = field(default_factory=list)
    strict: int = 0  # spans equal on both sides
    gold_overlapped: int = 0  # gold spans that overlap some extracted span
    found_overlapping: int = 0  # extracted spans that overlap some gold span
    missed: list[Timex] = field(default_factory=list)
    extra: list[Timex] = field(default_factory=list)


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def score_document(name: str, text: str, gold: Iterable[Timex], found: Iterable[Timex]) -> DocScore:
    gold_spans = sorted((t for t in gold if t.end > t.start), key=lambda t: (t.start, t.end))
    found_spans = sorted((t for t in found if t.end > t.start), key=lambda t: (t.start, t.end))
    score = DocScore(name, text, gold_spans, found_spans)
    found_keys = {(t.start, t.end) for t in found_spans}
    score.strict = sum((t.start, t.end) in found_keys for t in gold_spans)
    for g in gold_spans:
        best = max(found_spans, key=lambda f: _overlap(g, f), default=None)
        if best is not None and _overlap(g, best) > 0:
            score.gold_overlapped += 1
            score.pairs.append(Pair(g, best))
        else:
            score.missed.append(g)
    for f in found_spans:
        if any(_overlap(f, g) > 0 for g in gold_spans):
            score.found_overlapping += 1
        else:
            score.extra.append(f)
    return score


def prf(right_p: int, total_p: int, right_r: int, total_r: int) -> tuple[float, float, float]:
    p = right_p / total_p if total_p else 0.0
    r = right_r / total_r if total_r else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Summary:
    documents: int
    gold: int
    found: int
    strict: tuple[float, float, float]
    overlap: tuple[float, float, float]
    pairs: int
    type_accuracy: float
    value_accuracy: float
    date_time_value_accuracy: float
    by_type: dict[str, tuple[int, int, float, float, float, float]]


def summarize(scores: Sequence[DocScore]) -> Summary:
    gold = sum(len(s.gold) for s in scores)
    found = sum(len(s.found) for s in scores)
    strict = sum(s.strict for s in scores)
    pairs = [p for s in scores for p in s.pairs]
    date_time = [p for p in pairs if p.gold.type in ("DATE", "TIME")]
    by_type: dict[str, tuple[int, int, float, float, float, float]] = {}
    for kind in TIMEX_TYPES:
        g = [t for s in scores for t in s.gold if t.type == kind]
        f = [t for s in scores for t in s.found if t.type == kind]
        extra = sum(1 for s in scores for t in s.extra if t.type == kind)
        kind_pairs = [p for p in pairs if p.gold.type == kind]
        p, r, f1 = prf(len(f) - extra, len(f), len(kind_pairs), len(g))
        value = sum(p.value_right for p in kind_pairs) / len(kind_pairs) if kind_pairs else 0.0
        by_type[kind] = (len(g), len(f), p, r, f1, value)
    return Summary(
        documents=len(scores),
        gold=gold,
        found=found,
        strict=prf(strict, found, strict, gold),
        overlap=prf(
            sum(s.found_overlapping for s in scores),
            found,
            sum(s.gold_overlapped for s in scores),
            gold,
        ),
        pairs=len(pairs),
        type_accuracy=sum(p.type_right for p in pairs) / len(pairs) if pairs else 0.0,
        value_accuracy=sum(p.value_right for p in pairs) / len(pairs) if pairs else 0.0,
        date_time_value_accuracy=(
            sum(p.value_right for p in date_time) / len(date_time) if date_time else 0.0
        ),
        by_type=by_type,
    )


def score_documents(docs: Iterable[tuple[str, TimeMLDocument]], *, use_dct: bool) -> list[DocScore]:
    scores = []
    for name, doc in docs:
        anchor = doc.anchor if use_dct else None
        found = timexes_from_mentions(extract_mentions(doc.text, anchor, declared=True))
        scores.append(score_document(name, doc.text, doc.timexes, found))
    return scores


def read_folder(folder: Path) -> list[tuple[str, TimeMLDocument]]:
    return [
        (path.name, read_timeml(path.read_text(encoding="utf-8")))
        for path in sorted(folder.glob("*.tml"))
    ]


def _safe(text: str) -> str:
    """Article text for a terminal: controls and bidi overrides shown as U+FFFD."""
    return _UNPRINTABLE.sub("\ufffd", text)


def report(summary: Summary, title: str) -> str:
    s = summary
    lines = [
        f"{title}: {s.documents} documents, {s.gold} gold TIMEX3, {s.found} extracted",
        "           P      R      F1",
        "  strict   {:.3f}  {:.3f}  {:.3f}".format(*s.strict),
        "  overlap  {:.3f}  {:.3f}  {:.3f}".format(*s.overlap),
        f"  matched pairs {s.pairs}: type accuracy {s.type_accuracy:.1%}, "
        f"value accuracy {s.value_accuracy:.1%} (DATE/TIME {s.date_time_value_accuracy:.1%})",
        "  by type   gold  found  P      R      F1     value",
    ]
    for kind, (g, f, p, r, f1, value) in s.by_type.items():
        shown_p = f"{p:.3f}" if f else "  -  "
        shown_r = f"{r:.3f}" if g else "  -  "
        lines.append(f"  {kind:<9} {g:>4}  {f:>5}  {shown_p}  {shown_r}  {f1:.3f}  {value:.1%}")
    lines.append("  (R and value by gold type over matched pairs; P by extracted type)")
    return "\n".join(lines)


def details(scores: Sequence[DocScore]) -> str:
    def show(t: Timex, text: str) -> str:
        return f"{t.start}-{t.end} {t.type} {t.value} «{_safe(text[t.start : t.end])}»"

    lines = []
    for s in scores:
        wrong = [p for p in s.pairs if not (p.type_right and p.value_right)]
        if not (s.missed or s.extra or wrong):
            continue
        lines.append(f"== {s.name}")
        lines.extend(f"  miss   {show(t, s.text)}" for t in s.missed)
        lines.extend(f"  extra  {show(t, s.text)}" for t in s.extra)
        for p in wrong:
            lines.append(f"  gold   {show(p.gold, s.text)}")
            lines.append(f"   got   {show(p.found, s.text)}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, metavar="DIR", help="folder of .tml")
    parser.add_argument("--no-dct", action="store_true", help="give the extractor no time")
    parser.add_argument("--show", action="store_true", help="list misses, extras, wrong values")
    parser.add_argument("--build-gold", type=Path, metavar="OUT", help="write the dev set")
    parser.add_argument(
        "--set",
        choices=("dev", "train", "train2", "test", "test2"),
        default="dev",
        help="which set",
    )
    args = parser.parse_args()
    if args.build_gold is not None:
        import timeml_devset

        count = timeml_devset.build_gold(args.build_gold, timeml_devset.SETS[args.set])
        print(f"wrote {count} gold files to {args.build_gold}")
        return 0
    if args.folder is not None:
        docs = read_folder(args.folder)
        title = str(args.folder)
    else:
        import timeml_devset

        with tempfile.TemporaryDirectory() as tmp:
            timeml_devset.build_gold(Path(tmp), timeml_devset.SETS[args.set])
            docs = read_folder(Path(tmp))
        title = f"{args.set} set"
    if not docs:
        parser.error("no .tml files to score")
    scores = score_documents(docs, use_dct=not args.no_dct)
    title += " without the creation time" if args.no_dct else " with the creation time"
    print(report(summarize(scores), title))
    if args.show:
        print(details(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
