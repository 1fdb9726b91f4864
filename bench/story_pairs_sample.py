"""Draw candidate article pairs from SaudiNewsNet for labelling copies by hand.

Candidates come from several methods so the labels are not the detector's output:
a shared 20-word passage between different sources, MinHash estimates in several
bands of similarity, same-topic pairs (shared rare words, close dates, little shared
text) and random pairs.  Prints one block per pair (ids are 1-based line numbers of
full.jsonl.gz) for a person to read and label; writes nothing into the project.
bench/data/story_pairs.jsonl was drawn by this script with the first version of the
signatures (MinHash modulo a prime); with today's, the MinHash-band samples differ.
Labels: copy (the same text, edited), near (same topic or formula, another story),
unrelated (random pairs), unsure (left out of the figures).

    python bench/story_pairs_sample.py > pairs.txt
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from timeline import stories
from timeline.stories.copies import band_keys, jaccard, words

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "saudinewsnet"


def load() -> list[dict[str, str]]:
    with gzip.open(CORPUS / "full.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def shingle_set(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))}


def main() -> None:
    rng = random.Random(16)
    rows = load()
    toks = [words(stories.article_text(r["title"], r["body"])) for r in rows]
    pairs: dict[tuple[int, int], str] = {}

    # 1. a shared 20-word passage, different sources
    owners: dict[int, set[int]] = defaultdict(set)
    for i, t in enumerate(toks):
        for s in shingle_set(t, 20) if len(t) >= 20 else ():
            owners[hash(s)].add(i)
    passage = set()
    for ids in owners.values():
        if 1 < len(ids) <= 30:
            for a, b in combinations(sorted(ids), 2):
                if rows[a]["source"] != rows[b]["source"]:
                    passage.add((a, b))
    for p in rng.sample(sorted(passage), min(90, len(passage))):
        pairs.setdefault(p, "passage20")

    # 2. MinHash bands of estimated Jaccard
    sigs = [stories.signature(stories.article_text(r["title"], r["body"])) for r in rows]
    buckets: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(sigs):
        for k in band_keys(s):
            buckets[k].append(i)
    cand = set()
    for ids in buckets.values():
        if len(ids) <= 50:
            cand.update(combinations(sorted(set(ids)), 2))
    by_band: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for a, b in sorted(cand):
        j = jaccard(sigs[a], sigs[b])
        band = "mh<.3" if j < 0.3 else "mh<.45" if j < 0.45 else "mh<.7" if j < 0.7 else "mh>=.7"
        by_band[band].append((a, b))
    for band, n in (("mh<.3", 50), ("mh<.45", 50), ("mh<.7", 40), ("mh>=.7", 30)):
        for p in rng.sample(by_band[band], min(n, len(by_band[band]))):
            pairs.setdefault(p, band)

    # 3. same topic: shared rare words, within three days, little shared text
    df: dict[str, int] = defaultdict(int)
    for t in toks:
        for w in set(t):
            df[w] += 1
    rare = [{w for w in set(t) if 3 <= df[w] <= 40 and len(w) >= 4} for t in toks]
    holders: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(rare):
        for w in ws:
            holders[w].append(i)
    topic = []
    for _ in range(40000):
        a = rng.randrange(len(rows))
        if not rare[a]:
            continue
        w = rng.choice(sorted(rare[a]))
        b = rng.choice(holders[w])
        if a == b:
            continue
        a, b = min(a, b), max(a, b)
        if (
            len(rare[a] & rare[b]) >= 4
            and rows[a]["published_raw"][:10] == rows[b]["published_raw"][:10]
        ) and jaccard(sigs[a], sigs[b]) < 0.3:
            topic.append((a, b))
    for p in rng.sample(sorted(set(topic)), min(70, len(set(topic)))):
        pairs.setdefault(p, "topic")

    # 4. random
    for _ in range(30):
        a, b = sorted(rng.sample(range(len(rows)), 2))
        pairs.setdefault((a, b), "random")

    for (a, b), how in sorted(pairs.items(), key=lambda x: (x[1], x[0])):
        ta, tb = toks[a], toks[b]
        five_a, five_b = shingle_set(ta, 5), shingle_set(tb, 5)
        common = len(five_a & five_b)
        j = common / max(1, len(five_a | five_b))
        c = common / max(1, min(len(five_a), len(five_b)))
        out = {
            "a": a + 1,
            "b": b + 1,
            "how": how,
            "j": round(j, 2),
            "c": round(c, 2),
            "len": [len(ta), len(tb)],
            "src": [rows[a]["source"], rows[b]["source"]],
            "t": [rows[a]["title"][:90], rows[b]["title"][:90]],
            "s": [
                rows[a]["body"][:160].replace("\n", " "),
                rows[b]["body"][:160].replace("\n", " "),
            ],
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
