"""Stories bench: copy detection against the labelled pairs, clustering time, import cost.

    python bench/stories.py [--import-articles N]

1. Signs every article of SaudiNewsNet (31,030) and clusters them from scratch,
   timing both (process CPU time: one core).
2. Pairwise precision and recall of copy detection on bench/data/story_pairs.jsonl
   (pairs labelled by reading; ids are 1-based line numbers of full.jsonl.gz;
   "unsure" pairs are left out): once for the pairwise verdict, once for "in the
   same cluster" after clustering the whole set.
3. Imports the first N articles (default 3,000) into a new store with copy
   detection on and off, and prints both times.  Run on a quiet machine; the
   figures vary with load.
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

from timeline import stories

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus" / "saudinewsnet" / "full.jsonl.gz"
PAIRS = ROOT / "bench" / "data" / "story_pairs.jsonl"


def load() -> list[dict[str, str]]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def precision_recall(pairs: list[dict], predicted) -> tuple[float, float, int, int, int]:
    tp = fp = fn = 0
    for p in pairs:
        if p["label"] == "unsure":
            continue
        said = predicted(p["a"], p["b"])
        truth = p["label"] == "copy"
        tp += said and truth
        fp += said and not truth
        fn += truth and not said
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def import_time(rows: list[dict[str, str]], copies: bool) -> float:
    from timeline import library
    from timeline.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        with Store(Path(tmp) / "bench.db") as store:
            started = time.process_time()
            library.import_paths(store, [source], copies=copies)
            return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--import-articles", type=int, default=3000)
    parser.add_argument("--import-only", action="store_true", help="skip 1 and 2")
    args = parser.parse_args()
    rows = load()
    if not args.import_only:
        detect(rows)
    if args.import_articles:
        subset = rows[: args.import_articles]
        off = import_time(subset, copies=False)
        on = import_time(subset, copies=True)
        print(
            f"import of {len(subset)} articles: {off:.1f} s without copy detection,"
            f" {on:.1f} s with ({(on / off - 1):+.1%})"
        )


def detect(rows: list[dict[str, str]]) -> None:

    started = time.process_time()
    word_sets: dict[int, set[str]] = {}
    sigs = []
    for i, r in enumerate(rows, start=1):
        tokens = stories.words(stories.article_text(r["title"], r["body"]))
        word_sets[i] = set(tokens)
        sigs.append((i, stories.signature_of_words(tokens)))
    doc_counts = Counter(w for ws in word_sets.values() for w in ws)
    signed = time.process_time() - started

    def rare(a: int, b: int) -> float:
        return stories.rare_shared(word_sets[a], word_sets[b], doc_counts, len(rows))

    started = time.process_time()
    groups = stories.cluster(sigs, rare)
    clustered = time.process_time() - started
    members = sum(len(g) for g in groups.values())
    print(
        f"{len(rows)} articles: signed in {signed:.1f} s, clustered in {clustered:.1f} s"
        f" (CPU, one core; {signed + clustered:.1f} s in all)"
    )
    print(f"{len(groups)} clusters of copies holding {members} articles")

    pairs = [json.loads(line) for line in PAIRS.read_text().splitlines()]
    by_id = dict(sigs)
    cluster_of = {i: name for name, ids in groups.items() for i in ids}
    labelled = sum(p["label"] != "unsure" for p in pairs)
    print(f"{labelled} labelled pairs ({len(pairs) - labelled} unsure, left out)")
    for name, predicted in (
        (
            "pairwise verdict",
            lambda a, b: stories.is_copy(by_id[a], by_id[b], lambda: rare(a, b)),
        ),
        (
            "same cluster",
            lambda a, b: a in cluster_of and cluster_of.get(a) == cluster_of.get(b),
        ),
    ):
        p, r, tp, fp, fn = precision_recall(pairs, predicted)
        print(f"{name}: precision {p:.1%}, recall {r:.1%} (tp {tp}, fp {fp}, fn {fn})")


if __name__ == "__main__":
    main()
