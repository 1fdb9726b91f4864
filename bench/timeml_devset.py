"""The TimeML dev and train sets: which SaudiNewsNet articles they hold, their .tml gold.

The gold is kept as stand-off annotations in bench/data/timeml_dev.jsonl (no article
text in the project): one JSON object per article,

    {"id": "<line>:<hash>", "timex": [[start, end, type, value], ...]}

where <line> is the article's 1-based line number in full.jsonl.gz and <hash> the first
12 hex digits of the SHA-256 of its body (a changed corpus is detected, not misread);
start/end are character offsets into the body. The creation time of each document is
the article's published_raw (the crawl time, as in the rest of the project).

The articles were drawn once, before any was read, by `draw()` below: a seeded random
sample from full.jsonl.gz of bodies 300-1500 characters long (short enough to annotate
by hand, long enough to hold dates) that are not in sample.jsonl (the rules were tuned
on that). They were annotated by reading them, following the TimeML TIMEX3 guidelines
with TempEval-3 extents; the conventions for Arabic are in docs/decisions.md.

The train set (bench/data/timeml_train.jsonl) is drawn and annotated the same way with
another seed, from the articles left after the dev set's draw: the rules are tuned on
the train set's misses only, and the dev set is scored, not read, to measure them.
A second train set (timeml_train2.jsonl, issue 12's second round) is drawn with a third
seed from what both draws left, leaving out as well every article an earlier precision
sample judged and the recall audit's lines, so that it holds only articles no rule was
tuned on.

    .venv/bin/python bench/timeml_devset.py --draw          # print the drawn ids
    .venv/bin/python bench/timeml_devset.py --build-gold OUT  # write OUT/<id>.tml
    .venv/bin/python bench/timeml_devset.py --set train --draw
    .venv/bin/python bench/timeml_devset.py --set train2 --draw
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from timeline.dating.timeml import TimeMLDocument, Timex, write_timeml  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "saudinewsnet"
FULL = CORPUS / "full.jsonl.gz"
SAMPLE = CORPUS / "sample.jsonl"
STANDOFF = REPO / "bench" / "data" / "timeml_dev.jsonl"
TRAIN_STANDOFF = REPO / "bench" / "data" / "timeml_train.jsonl"
TRAIN2_STANDOFF = REPO / "bench" / "data" / "timeml_train2.jsonl"
TEST_STANDOFF = REPO / "bench" / "data" / "timeml_test.jsonl"
TEST2_STANDOFF = REPO / "bench" / "data" / "timeml_test2.jsonl"

SEED = 20261201
TRAIN_SEED = 20261202
DRAWN = 40
TRAIN_DRAWN = 60  # the first 48 drawn are annotated, in the order drawn
TRAIN2_SEED = 20261206
TRAIN2_DRAWN = 40  # annotated in the order drawn, as far as time allowed
TEST_SEED = 20261204
TEST_DRAWN = 30  # annotated in the order drawn, as far as time allowed
TEST2_SEED = 20261205
TEST2_DRAWN = 30
AUDITED = 37, 5  # 0-based lines 5 mod 37: read for a recall audit (precision_sample.py)
SETS = {
    "dev": STANDOFF,
    "train": TRAIN_STANDOFF,
    "train2": TRAIN2_STANDOFF,
    "test": TEST_STANDOFF,
    "test2": TEST2_STANDOFF,
}
MIN_CHARS, MAX_CHARS = 300, 1500


@dataclass(frozen=True)
class CorpusArticle:
    line: int
    body: str
    title: str
    published_raw: str

    @property
    def id(self) -> str:
        return f"{self.line}:{body_hash(self.body)}"


def body_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]


def corpus_articles(path: Path = FULL) -> Iterator[CorpusArticle]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            record = json.loads(line)
            yield CorpusArticle(
                number, record["body"], record.get("title", ""), record.get("published_raw", "")
            )


def draw(which: str = "dev") -> list[str]:
    """The ids of the dev (or train) set's articles, in the order drawn.

    The train set is drawn from what the dev set's draw left: no article, nor a copy of
    one (the same body), is in both, nor in sample.jsonl.
    """
    with SAMPLE.open(encoding="utf-8") as lines:
        tuned_on = {body_hash(json.loads(line)["body"]) for line in lines}
    eligible = [
        a.id
        for a in corpus_articles()
        if MIN_CHARS <= len(a.body) <= MAX_CHARS and body_hash(a.body) not in tuned_on
    ]
    dev = random.Random(SEED).sample(eligible, DRAWN)
    if which == "dev":
        return dev
    held_out = {article_id.split(":")[1] for article_id in dev}
    rest = [article_id for article_id in eligible if article_id.split(":")[1] not in held_out]
    train = random.Random(TRAIN_SEED).sample(rest, TRAIN_DRAWN)
    if which == "train":
        return train
    held_out |= {article_id.split(":")[1] for article_id in train}
    read = _precision_sampled_lines()
    rest = [
        article_id
        for article_id in rest
        if article_id.split(":")[1] not in held_out
        and (line := int(article_id.split(":")[0]) - 1) not in read
        and line % AUDITED[0] != AUDITED[1]
    ]
    train2 = random.Random(TRAIN2_SEED).sample(rest, TRAIN2_DRAWN)
    if which == "train2":
        return train2
    # The test set: what every draw left, and no article any precision sample judged.
    held_out |= {article_id.split(":")[1] for article_id in train2}
    read = _precision_sampled_lines(every=True)
    rest = [
        article_id
        for article_id in rest
        if article_id.split(":")[1] not in held_out
        and int(article_id.split(":")[0]) - 1 not in read
    ]
    test = random.Random(TEST_SEED).sample(rest, TEST_DRAWN)
    if which == "test":
        return test
    # A second test set, drawn after the first one's misses were fixed: what it left.
    held_out |= {article_id.split(":")[1] for article_id in test}
    rest = [article_id for article_id in rest if article_id.split(":")[1] not in held_out]
    return random.Random(TEST2_SEED).sample(rest, TEST2_DRAWN)


# The precision samples judged before the second train set was drawn (seeds 12-19);
# later samples are drawn apart from it, so they must not change its draw.
TRAIN2_AFTER_SAMPLES = (
    "precision_sample.tsv",
    *(f"precision_sample_{seed}.tsv" for seed in range(13, 20)),
)


# Every precision sample judged before the test set was drawn (seeds 12-69).
TEST_AFTER_SAMPLES = (
    "precision_sample.tsv",
    *(f"precision_sample_{seed}.tsv" for seed in range(13, 70)),
)


def _precision_sampled_lines(every: bool = False) -> set[int]:
    """0-based lines of full.jsonl.gz whose mentions were judged for precision (to seed
    19, or with every, to seed 69)."""
    lines: set[int] = set()
    for name in TEST_AFTER_SAMPLES if every else TRAIN2_AFTER_SAMPLES:
        with (REPO / "bench" / "data" / name).open(encoding="utf-8") as rows:
            next(rows, None)
            lines.update(int(row.split("\t", 1)[0]) for row in rows if row.strip())
    return lines


def creation_time(published_raw: str) -> str:
    """'2015-07-21 02:51:32' -> '2015-07-21T02:51:32'."""
    return published_raw.strip().replace(" ", "T")


def load_standoff(path: Path = STANDOFF) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def gold_documents(path: Path = STANDOFF) -> list[TimeMLDocument]:
    """The dev set as TimeML documents, rebuilt from the corpus and the stand-off file."""
    entries = load_standoff(path)
    wanted = {int(e["id"].split(":")[0]): e for e in entries}
    found: dict[str, TimeMLDocument] = {}
    for article in corpus_articles():
        entry = wanted.get(article.line)
        if entry is None:
            continue
        if article.id != entry["id"]:
            raise SystemExit(
                f"article {entry['id']} changed in the corpus (now {article.id}): "
                "the stand-off offsets no longer fit"
            )
        timexes = [Timex(s, e, t, v) for s, e, t, v in entry["timex"]]
        found[entry["id"]] = TimeMLDocument(
            text=article.body,
            timexes=timexes,
            dct=creation_time(article.published_raw),
            doc_id=entry["id"],
        )
    missing = [e["id"] for e in entries if e["id"] not in found]
    if missing:
        raise SystemExit(f"not in the corpus: {', '.join(missing)}")
    return [found[e["id"]] for e in entries]


def build_gold(out: Path, path: Path = STANDOFF) -> int:
    out.mkdir(parents=True, exist_ok=True)
    docs = gold_documents(path)
    for doc in docs:
        name = doc.doc_id.replace(":", "_") + ".tml"
        (out / name).write_text(write_timeml(doc), encoding="utf-8")
    return len(docs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--draw", action="store_true", help="print the drawn article ids")
    group.add_argument("--build-gold", type=Path, metavar="OUT", help="write OUT/<id>.tml")
    parser.add_argument("--set", choices=sorted(SETS), default="dev", help="which set")
    args = parser.parse_args()
    if not FULL.exists():
        parser.error(f"the corpus is not at {FULL}")
    if args.draw:
        for article_id in draw(args.set):
            print(article_id)
        return 0
    count = build_gold(args.build_gold, SETS[args.set])
    print(f"wrote {count} gold files to {args.build_gold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
