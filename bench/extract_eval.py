"""Mention precision, recall and value accuracy of extract_mentions, and its speed.

Two gold sets:
- dev.tsv (../shared/corpus/dates): one labelled expression per row, searched in its
  context; gives recall and value accuracy by kind, and false alarms on NONE rows.
- tests/data/mentions_annotated.jsonl: 30 SaudiNewsNet articles (indexes 0, 6, ...,
  174 of sample.jsonl) annotated by hand before the rules were tuned.  Scope: every
  expression that places something in time (dates, months, years, ranges, decades,
  centuries, relative days/weeks/months/years, clock times with their day), vague
  past/future references with a time noun (منذ سنوات, السنوات الأخيرة, قادم الأيام),
  and decade durations.  Out of scope: numeric durations and ages (لمدة 30 يوما,
  28 عاما), recurring schedules (يوميا من الساعة...), adverbs like حاليا / مؤخرا.
  Anchor: the article's published_raw (crawl time).  Since issue 12 the extractor
  also finds what is out of that scope (TimeML DURATION, SET and REF adverbs); the
  precision figures count only predictions of the annotated scope (DATE and TIME
  with a place, decade durations, vague REFs of the old rules), so they stay
  comparable.  Precision on all of TimeML is judged in bench/precision_sample.py.

    .venv/bin/python bench/extract_eval.py [-v] [--throughput]

--throughput prints only the speed on 3 KB articles, five rounds (issue 12 asks for
1,000 articles/s per core).
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from date_accuracy import CORPUS, DEV_TSV, load_dev_rows, mention_for  # noqa: E402

from timeline.dating import extract_mentions, fold, relative  # noqa: E402
from timeline.model import Mention  # noqa: E402

SAMPLE = CORPUS / "saudinewsnet" / "sample.jsonl"
ANNOTATED = REPO / "tests" / "data" / "mentions_annotated.jsonl"


def _pct(num: int, den: int) -> str:
    return f"{num}/{den} = {num / den:.0%}" if den else "n/a"


def eval_dev() -> None:
    rows = load_dev_rows()
    found_exact = found_overlap = right = positives = false_alarms = negatives = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        mention, _ = mention_for(row)
        if row.value == "NONE":
            negatives += 1
            false_alarms += mention is not None
            continue
        positives += 1
        tally = by_kind[row.kind]
        tally[1] += 1
        if mention is None:
            continue
        found_overlap += 1
        found_exact += fold(mention.text).text.strip() == fold(row.raw).text.strip()
        if mention.value == row.value:
            right += 1
            tally[0] += 1
    print("dev.tsv")
    print(f"  recall, overlapping span: {_pct(found_overlap, positives)}")
    print(f"  recall, exact span:       {_pct(found_exact, positives)}")
    print(f"  value accuracy:           {_pct(right, positives)}")
    print(f"  false alarms on NONE rows: {false_alarms}/{negatives}")
    for kind, (ok, total) in sorted(by_kind.items()):
        print(f"    {kind:15} {_pct(ok, total)}")


def in_annotated_scope(mention: Mention) -> bool:
    """Whether the annotated set's scope (above) covers what this mention is."""
    if mention.kind in ("set", "season"):
        return False
    if mention.kind == "duration":
        return any(word in mention.text for word in ("عقد", "عقود", "قرن"))
    if mention.kind == "vague":
        folded = fold(mention.text).text.strip()
        if any(word in folded for word in ("ساعات", "دقائق", "لحظات")):
            return False  # منذ ساعات: added with issue 12's present and recent references
        return relative.REF.fullmatch(folded) is None
    return True


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def eval_annotated(show: bool) -> None:
    articles = [json.loads(line) for line in ANNOTATED.read_text(encoding="utf-8").splitlines()]
    bodies = [json.loads(line)["body"] for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    n_gold = n_pred = tp_exact = tp_overlap = 0
    value_ok: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pred_ok: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for art in articles:
        body = bodies[art["index"]]
        anchor = datetime.fromisoformat(art["published"])
        gold = art["mentions"]
        pred = [m for m in extract_mentions(body, anchor) if in_annotated_scope(m)]
        n_gold += len(gold)
        n_pred += len(pred)
        for p in pred:
            match = next(
                (g for g in gold if _overlaps((p.start, p.end), (g["start"], g["end"]))), None
            )
            tally = pred_ok[p.kind]
            tally[1] += 1
            if match is not None:
                tp_overlap += 1
                tp_exact += (p.start, p.end) == (match["start"], match["end"])
                tally[0] += match["value"] == p.value
            elif show:
                print(f"  FALSE #{art['index']} {p.kind} {p.text!r} -> {p.value}")
        for g in gold:
            match = next(
                (p for p in pred if _overlaps((p.start, p.end), (g["start"], g["end"]))), None
            )
            tally = value_ok[g["kind"]]
            tally[1] += 1
            if match is not None and match.value == g["value"]:
                tally[0] += 1
            elif show:
                got = f"{match.value} ({match.text!r})" if match else "MISSED"
                print(f"  GOLD  #{art['index']} {g['kind']} {g['text']!r} {g['value']} -> {got}")
    recall_overlap = sum(
        1
        for art in articles
        for g in art["mentions"]
        if any(
            _overlaps((p.start, p.end), (g["start"], g["end"]))
            for p in extract_mentions(
                bodies[art["index"]], datetime.fromisoformat(art["published"])
            )
        )
    )
    print(f"\nannotated SaudiNewsNet articles ({len(articles)} articles, {n_gold} gold mentions)")
    print(f"  precision, overlapping span: {_pct(tp_overlap, n_pred)}")
    print(f"  precision, exact span:       {_pct(tp_exact, n_pred)}")
    print(f"  recall, overlapping span:    {_pct(recall_overlap, n_gold)}")
    correct = sum(ok for ok, _ in value_ok.values())
    print(f"  value correct (of gold):     {_pct(correct, n_gold)}")
    print("  value accuracy by gold kind (a miss counts as wrong):")
    for kind, (ok, total) in sorted(value_ok.items()):
        print(f"    {kind:12} {_pct(ok, total)}")
    print("  predictions by kind: overlapping a gold mention with the same value:")
    for kind, (ok, total) in sorted(pred_ok.items()):
        print(f"    {kind:12} {_pct(ok, total)}")


def speed(rounds: int = 1) -> None:
    """3 KB stretches of the SaudiNewsNet sample, extracted in this process, one core."""
    bodies = [json.loads(line)["body"] for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    joined = "\n".join(bodies)
    texts = [joined[i : i + 3000] for i in range(0, len(joined) - 3000, 1500)]
    anchor = datetime(2015, 8, 1, 12, 0)
    extract_mentions(texts[0], anchor)
    for _ in range(rounds):
        began, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            extract_mentions(text, anchor)
        elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
        print(
            f"\nspeed: {len(texts)} texts of 3,000 characters in {elapsed:.2f} s = "
            f"{len(texts) / elapsed:.0f} articles/s (one core, wall); "
            f"{len(texts) / cpu:.0f} articles/s of this process's CPU time"
        )


def main() -> None:
    if not DEV_TSV.exists():
        print(f"corpus not found at {CORPUS}")
        return
    if "--throughput" in sys.argv:  # the speed figure alone, a few times over
        speed(rounds=5)
        return
    eval_dev()
    eval_annotated(show="-v" in sys.argv)
    speed()


if __name__ == "__main__":
    main()
