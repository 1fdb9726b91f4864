"""Stories bench: copy detection against the labelled pairs, clustering time, import cost.

    python bench/stories.py [--import-articles N] [--processes P]

1. Signs every article of SaudiNewsNet (31,030) and clusters them from scratch,
   timing both (process CPU time: one core).
2. Pairwise precision and recall of copy detection on bench/data/story_pairs.jsonl
   (pairs labelled by reading; ids are 1-based line numbers of full.jsonl.gz;
   "unsure" pairs are left out): once for the pairwise verdict, once for "in the
   same cluster" after clustering the whole set.  Each is printed for all pairs and
   for the two halves apart: a pair is in the tuning half when the CRC-32 of "a-b"
   is even, held out when it is odd.  The verdict's thresholds were chosen on the
   tuning half only; the held-out half says how well they carry over.
3. Imports the first N articles (default 3,000) into a new store with copy
   detection on and off, and prints both times (CPU time and wall clock): with
   --processes P, P worker processes prepare the articles (their CPU is counted).
   Run on a quiet machine; the figures vary with load.

    python bench/stories.py --import-eval [N]

imports the first N articles (default all) with copy detection on, as the program
does (a batch at a time), and prints the precision and recall of "in the same
cluster" on the labelled pairs among them: the clusters the import builds, which
read the store's document counts as they stand when each batch is judged.

    python bench/stories.py --add-copies STORE

gives a bench store built by bench/view.py (made-up articles, no copies) synthetic
stories: 40% of its articles in clusters of 4 that follow each other in publication
order (hours apart where the store is dense), as story_copies rows; then
`bench/view.py --db STORE --collapse` times the timeline with each story drawn once.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from timeline import stories

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus" / "saudinewsnet" / "full.jsonl.gz"
PAIRS = ROOT / "bench" / "data" / "story_pairs.jsonl"


def load() -> list[dict[str, str]]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def held_out(pair: dict) -> bool:
    """The held-out half: pairs whose CRC-32 of "a-b" is odd (never used for tuning)."""
    return zlib.crc32(f"{pair['a']}-{pair['b']}".encode()) % 2 == 1


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


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (the import's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


@contextlib.contextmanager
def imported(
    rows: list[dict[str, str]], copies: bool, processes: int = 1
) -> Iterator[tuple[Any, float, float]]:
    """A temporary store the rows were imported into (as one JSON Lines file), with the
    import's CPU (its worker processes' included) and wall-clock seconds."""
    from timeline import library
    from timeline.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        with Store(Path(tmp) / "bench.db") as store:
            started, wall = _cpu(), time.perf_counter()
            library.import_paths(store, [source], copies=copies, processes=processes)
            yield store, _cpu() - started, time.perf_counter() - wall


def import_time(
    rows: list[dict[str, str]], copies: bool, processes: int = 1
) -> tuple[float, float]:
    with imported(rows, copies, processes) as (_store, cpu, wall):
        return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--import-articles", type=int, default=3000)
    parser.add_argument("--import-only", action="store_true", help="skip 1 and 2")
    parser.add_argument("--repeat", type=int, default=3, help="import runs of each kind")
    parser.add_argument(
        "--processes", type=int, default=1, help="the import's worker processes (1: none)"
    )
    parser.add_argument("--add-copies", type=Path, help="a bench store to give stories")
    parser.add_argument("--import-eval", type=int, nargs="?", const=0, default=None)
    args = parser.parse_args()
    if args.add_copies:
        add_copies(args.add_copies)
        return
    rows = load()
    if args.import_eval is not None:
        import_eval(rows[: args.import_eval or None])
        return
    if not args.import_only:
        detect(rows)
    if args.import_articles:
        subset = rows[: args.import_articles]
        # Without and with, alternated --repeat times; the least time of each is the
        # figure (another process on the machine only ever adds time to a run).
        import_time(subset[:50], copies=True)  # what the first import loads, paid apart
        runs: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
        for _ in range(args.repeat):
            for copies in (False, True):
                runs[copies].append(import_time(subset, copies, args.processes))
        off, off_wall = (min(t[i] for t in runs[False]) for i in (0, 1))
        on, on_wall = (min(t[i] for t in runs[True]) for i in (0, 1))
        print(
            f"import of {len(subset)} articles with {args.processes} process(es)"
            f" (CPU of all processes, least of {args.repeat}): {off:.1f} s"
            f" without copy detection, {on:.1f} s with ({(on / off - 1):+.1%}); wall clock"
            f" {off_wall:.1f} s and {on_wall:.1f} s ({(on_wall / off_wall - 1):+.1%})"
        )


def import_eval(rows: list[dict[str, str]]) -> None:
    from timeline.store import stories as story_store

    pairs = [json.loads(line) for line in PAIRS.read_text().splitlines()]
    pairs = [p for p in pairs if max(p["a"], p["b"]) <= len(rows)]

    def key(title: str, body: str) -> tuple[str, ...]:
        """What a line and its stored article share (the importer tidies the text)."""
        return tuple(stories.words(stories.article_text(title, body)))

    line_key = {}
    for i, r in enumerate(rows, start=1):
        line_key[i] = key(r["title"], r["body"])
    cluster_of: dict[tuple[str, ...], int] = {}
    with imported(rows, copies=True) as (store, spent, wall):
        for story in story_store.clusters(store):
            for a in story.articles:
                texts = story_store.article_texts(store, a.article_id)
                if texts is not None:
                    cluster_of[key(*texts)] = story.cluster
    print(f"imported {len(rows)} articles with copy detection: {spent:.1f} s CPU, {wall:.1f} s")

    def same(a: int, b: int) -> bool:
        ka, kb = line_key[a], line_key[b]
        return ka == kb or (ka in cluster_of and cluster_of.get(ka) == cluster_of.get(kb))

    for half, chosen in (
        ("all", pairs),
        ("tuning half", [p for p in pairs if not held_out(p)]),
        ("held-out half", [p for p in pairs if held_out(p)]),
    ):
        p, r, tp, fp, fn = precision_recall(chosen, same)
        print(
            f"import's clusters, {half}: precision {p:.1%}, recall {r:.1%}"
            f" (tp {tp}, fp {fp}, fn {fn})"
        )


def add_copies(path: Path, share: float = 0.4, size: int = 4) -> None:
    """Put share of a bench store's articles in clusters of size neighbours in time."""
    from timeline.store import Store

    with Store(path) as store:
        conn = store.db.conn
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM articles WHERE published_start IS NOT NULL"
                " ORDER BY published_start, id"
            )
        ]
        groups = [ids[i : i + size] for i in range(0, len(ids) - size + 1, size)]
        # share 0.4: two groups of every five, spread evenly
        chosen = [g for n, g in enumerate(groups) if int((n + 1) * share) > int(n * share)]
        with store.transaction():
            conn.execute("DELETE FROM story_copies")
            conn.executemany(
                "INSERT INTO story_copies (article_id, cluster) VALUES (?, ?)",
                [(i, min(g)) for g in chosen for i in g],
            )
        print(f"{len(chosen)} clusters of {size} ({len(chosen) * size} of {len(ids)} articles)")


def published_seconds(raw: str) -> int | None:
    from timeline import library

    value = library.parse_published(raw)
    return None if value is None else value.start


def detect(rows: list[dict[str, str]]) -> None:
    # Signed as an import's workers sign, 32 articles at a time (stories.sign_texts).
    started = time.process_time()
    texts = [stories.article_text(r["title"], r["body"]) for r in rows]
    made = [s for i in range(0, len(texts), 32) for s in stories.sign_texts(texts[i : i + 32])]
    shingles = {i: s.shingles for i, s in enumerate(made, start=1)}
    sigs = [(i, s.signature) for i, s in enumerate(made, start=1)]
    signed = time.process_time() - started
    # The words, for the verdict's rare words, and their document counts over the whole
    # set (the store counts from its index; an import reads the words of the few pairs
    # that need them): timed apart.
    started = time.process_time()
    tokens = {i: stories.words(text) for i, text in enumerate(texts, start=1)}
    counted = Counter(w for t in tokens.values() for w in set(t))
    worded = time.process_time() - started
    published = {i: published_seconds(r["published_raw"]) for i, r in enumerate(rows, start=1)}

    class Words(stories.WordsOfPair):
        """Words of a pair, with the shingle hashes made while signing."""

        def __init__(self, a: int, b: int) -> None:
            super().__init__(tokens[a], tokens[b], lambda _words: counted, len(rows))
            self.ids = (a, b)

        def overlap(self) -> stories.Overlap:
            a, b = self.ids
            return stories.copies.overlap_of_hashes(shingles[a], shingles[b])

    def judge(a: int, b: int) -> stories.PairWords:
        return Words(a, b)

    started = time.process_time()
    groups = stories.cluster(sigs, judge, published)
    clustered = time.process_time() - started
    members = sum(len(g) for g in groups.values())
    print(
        f"{len(rows)} articles: signed in {signed:.1f} s, clustered in {clustered:.1f} s"
        f" (CPU, one core; {signed + clustered:.1f} s in all; the words and their counts"
        f" for the verdict {worded:.1f} s more)"
    )
    print(f"{len(groups)} clusters of copies holding {members} articles")

    pairs = [json.loads(line) for line in PAIRS.read_text().splitlines()]
    by_id = dict(sigs)
    cluster_of = {i: name for name, ids in groups.items() for i in ids}
    labelled = sum(p["label"] != "unsure" for p in pairs)
    print(f"{labelled} labelled pairs ({len(pairs) - labelled} unsure, left out)")

    def apart(a: int, b: int) -> int | None:
        pa, pb = published[a], published[b]
        return None if pa is None or pb is None else pb - pa

    for name, predicted in (
        (
            "pairwise verdict",
            lambda a, b: stories.is_copy(by_id[a], by_id[b], judge(a, b), apart(a, b)),
        ),
        (
            "same cluster",
            lambda a, b: a in cluster_of and cluster_of.get(a) == cluster_of.get(b),
        ),
    ):
        for half, chosen in (
            ("all", pairs),
            ("tuning half", [p for p in pairs if not held_out(p)]),
            ("held-out half", [p for p in pairs if held_out(p)]),
        ):
            p, r, tp, fp, fn = precision_recall(chosen, predicted)
            print(f"{name}, {half}: precision {p:.1%}, recall {r:.1%} (tp {tp}, fp {fp}, fn {fn})")


if __name__ == "__main__":
    main()
