"""Draw the random sample of mentions whose precision is judged by reading them.

    .venv/bin/python bench/precision_sample.py          # print the judged figure
    .venv/bin/python bench/precision_sample.py --draw   # print the sample to judge

The sample: 100 mentions drawn at random (seed 12) from the mentions the extractor
finds in SaudiNewsNet articles of ../shared/corpus/saudinewsnet/full.jsonl.gz that are
not in sample.jsonl (the articles the rules were tuned on).  Each article is anchored
on its published_raw (crawl time).  bench/data/precision_sample.tsv keeps, per mention,
the article's line number in full.jsonl.gz, the span offsets, the value and type the
extractor gave, and the judgment (ok / wrong, and why): never the text.  A mention is
right when its span is a time expression and its value is what the article means
(given the anchor); wrong otherwise.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from timeline.dating import extract_mentions, parse_date_line  # noqa: E402
from timeline.library import anchor_of  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "saudinewsnet"
JUDGED = REPO / "bench" / "data" / "precision_sample.tsv"
SEED = 12
SIZE = 100


def draw() -> list[tuple[int, int, int, str, str, str]]:
    """(line, start, end, value, type, context) of the sampled mentions."""
    tuned = {
        json.loads(line)["url"]
        for line in (CORPUS / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    }
    with gzip.open(CORPUS / "full.jsonl.gz", "rt", encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh]
    rng = random.Random(SEED)
    lines = [i for i, a in enumerate(articles) if a["url"] not in tuned]
    rng.shuffle(lines)
    pool = []
    for i in lines[:400]:
        art = articles[i]
        anchor = anchor_of(parse_date_line(art["published_raw"]))
        for m in extract_mentions(art["body"], anchor):
            body = art["body"]
            context = (
                body[max(0, m.start - 70) : m.start]
                + "[["
                + m.text
                + "]]"
                + body[m.end : m.end + 50]
            )
            pool.append((i, m.start, m.end, m.value, m.type, " ".join(context.split())))
    return rng.sample(pool, SIZE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", action="store_true")
    args = parser.parse_args()
    if args.draw:
        for row in draw():
            print(*row, sep="\t")
        return
    with JUDGED.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    right = sum(r["judgment"] == "ok" for r in rows)
    print(
        f"precision on {len(rows)} sampled mentions: {right}/{len(rows)} = {right / len(rows):.0%}"
    )
    by_type: dict[str, list[int]] = {}
    for r in rows:
        tally = by_type.setdefault(r["type"], [0, 0])
        tally[0] += r["judgment"] == "ok"
        tally[1] += 1
    for kind, (ok, total) in sorted(by_type.items()):
        print(f"  {kind:9} {ok}/{total}")


if __name__ == "__main__":
    main()
