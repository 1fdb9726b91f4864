"""Search quality on SaudiNewsNet: recall at 50, precision at 10 and MAP per method.

    .venv/bin/pip install -e '.[bench]'      # PyStemmer, for the Snowball comparison
    .venv/bin/python bench/search_quality.py [--judge]

Loads the 31,030 articles of ../shared/corpus/saudinewsnet/full.jsonl.gz into a store
cached in /tmp, runs the queries of bench/data/search_queries.json with each method, and
prints one JSON line per method.  Methods: "today" (the surface form only, bm25 over
the newest 5,000 hits: the search before clitics), "snowball" and "light10" (every
index term with the query word's Snowball or light10 stem, ranked as "final"), and
"final" (the shipped search).

Judgments (bench/data/search_relevance.json) are article ids only (line number in
full.jsonl.gz and the first 8 hex digits of the body's SHA-1), per query the pooled
articles and the relevant ones among them.  They were made by reading, with
bench/search_judge.py: the first 50 hits of every method were pooled, and each pooled
article was judged from the passages around the words any method took for a form of the
query: relevant when the article is about or mentions the queried thing in the queried
sense (the country Mali, not مالي "financial"; hostages, not "held hostage to" a
policy; a real earthquake, not a political one).  Queries of one meaning (كوريا and
بكوريا) were judged once over their merged pools.  A hit that was never pooled counts as
not relevant, as in any pooled evaluation; each method's line says how many of its first
10 hits were never judged.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import statistics
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.model import ArticleDraft
from timeline.store import Store
from timeline.store import search as search_module
from timeline.text.query import Query, parse_query
from timeline.text.stemmer import is_arabic_word, light10

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "saudinewsnet" / "full.jsonl.gz"
QUERIES = HERE / "data" / "search_queries.json"
JUDGMENTS = HERE / "data" / "search_relevance.json"
DEPTH = 50


def load_corpus() -> list[tuple[str, str, str]]:
    """(id, title, body) of every article; id is line number:body hash."""
    articles = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            record = json.loads(line)
            digest = hashlib.sha1(record["body"].encode("utf-8")).hexdigest()[:8]
            articles.append((f"{number}:{digest}", record["title"], record["body"]))
    return articles


def open_store(path: Path, articles: list[tuple[str, str, str]]) -> Store:
    if path.exists():
        store = Store(path)
        if store.count_articles() == len(articles):
            return store
        store.close()
        path.unlink()
    store = Store(path)
    with store.transaction():
        for article_id, title, body in articles:
            store.add_article(ArticleDraft(title=title, body=body), uid=article_id, published=None)
    return store


def stem_classes(store: Store, stem: Callable[[str], str]) -> dict[str, list[str]]:
    conn = store.db.conn
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.quality_vocab"
        " USING fts5vocab(main, article_fts, 'row')"
    )
    classes: dict[str, list[str]] = defaultdict(list)
    for (term,) in conn.execute("SELECT term FROM temp.quality_vocab"):
        if is_arabic_word(term):
            classes[stem(term)].append(term)
    return classes


def class_expander(
    classes: dict[str, list[str]], stem: Callable[[str], str]
) -> Callable[[Store, Query], dict[str, tuple[str, ...]]]:
    def expand(store: Store, query: Query) -> dict[str, tuple[str, ...]]:
        return {
            t: (t, *sorted(set(classes.get(stem(t), [])) - {t})) for t in query.expandable_tokens
        }

    return expand


def today(store: Store, text: str) -> list[int]:
    """The search before clitics: surface forms, bm25 among the newest 5,000 hits."""
    expression = parse_query(text).fts()
    rows = store.db.conn.execute(
        "SELECT rowid FROM (SELECT rowid, bm25(article_fts, 1.0, 5.0, 1.0) AS score"
        " FROM article_fts WHERE article_fts MATCH ? ORDER BY rowid DESC LIMIT 5000)"
        f" ORDER BY score, rowid DESC LIMIT {DEPTH}",
        [expression],
    ).fetchall()
    ids = dict(store.db.conn.execute("SELECT fts_rowid, article_id FROM article_search"))
    return [ids[r] for (r,) in rows]


def shipped(store: Store, text: str) -> list[int]:
    result = search_module.search(store, text, limit=DEPTH, time_limit=None, snippet_chars=10)
    return [hit.article_id for hit in result.hits]


def run_methods(store: Store, queries: list[dict]) -> dict[str, list[list[int]]]:
    methods: dict[str, Callable[[str], list[int]]] = {"today": lambda q: today(store, q)}
    original = search_module._expand
    runs: dict[str, list[list[int]]] = {"today": [today(store, q["query"]) for q in queries]}
    stemmers: list[tuple[str, Callable[[str], str]]] = [("light10", light10)]
    try:
        import Stemmer  # type: ignore[import-not-found]

        snowball = Stemmer.Stemmer("arabic")
        stemmers.insert(0, ("snowball", snowball.stemWord))
    except ImportError:
        print("PyStemmer is not installed: no snowball method", file=sys.stderr)
    for name, stem in stemmers:
        search_module._expand = class_expander(stem_classes(store, stem), stem)  # type: ignore[assignment]
        try:
            runs[name] = [shipped(store, q["query"]) for q in queries]
        finally:
            search_module._expand = original  # type: ignore[assignment]
    runs["final"] = [shipped(store, q["query"]) for q in queries]
    del methods
    return runs


def average_precision(ranked: list[str], relevant: set[str]) -> float:
    found, total = 0, 0.0
    for k, article in enumerate(ranked, start=1):
        if article in relevant:
            found += 1
            total += found / k
    return total / len(relevant) if relevant else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/timeline-search-quality.db"))
    parser.add_argument("--verbose", action="store_true", help="found/relevant per query")
    args = parser.parse_args()
    articles = load_corpus()
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))
    store = open_store(args.db, articles)
    runs = run_methods(store, queries)
    # Store ids are line numbers + 1 (articles are added in file order).
    names = {i + 1: article_id for i, (article_id, _, _) in enumerate(articles)}
    judgments = json.loads(JUDGMENTS.read_text(encoding="utf-8"))
    # The most any ranking can reach: a query with more relevant articles than DEPTH
    # cannot have them all in its first DEPTH.
    sizes = [len(j["relevant"]) for q in queries if (j := judgments[q["query"]])["relevant"]]
    print(
        json.dumps(
            {
                "method": "ceiling",
                "queries": len(sizes),
                "recall_at_50": round(statistics.mean(min(r, DEPTH) / r for r in sizes), 3),
                "more_relevant_than_50": sum(r > DEPTH for r in sizes),
            }
        ),
        flush=True,
    )
    for method, run in runs.items():
        recall, capped, precision, ap = [], [], [], []
        per_query = []
        unjudged = 0
        for n, query in enumerate(queries):
            relevant = set(judgments[query["query"]]["relevant"])
            if not relevant:
                continue
            ranked = [names[i] for i in run[n]]
            unjudged += len(set(ranked[:10]) - set(judgments[query["query"]]["pooled"]))
            recall.append(len(relevant & set(ranked[:DEPTH])) / len(relevant))
            capped.append(len(relevant & set(ranked[:DEPTH])) / min(len(relevant), DEPTH))
            per_query.append(
                f"{query['query']}:{len(relevant & set(ranked[:DEPTH]))}/{len(relevant)}"
            )
            precision.append(len(relevant & set(ranked[:10])) / 10)
            ap.append(average_precision(ranked, relevant))
        print(
            json.dumps(
                {
                    "method": method,
                    "queries": len(recall),
                    "recall_at_50": round(statistics.mean(recall), 3),
                    "capped_recall_at_50": round(statistics.mean(capped), 3),
                    "precision_at_10": round(statistics.mean(precision), 3),
                    "map": round(statistics.mean(ap), 3),
                    "unjudged_in_top_10": unjudged,
                },
            ),
            flush=True,
        )
        if args.verbose:
            print("  " + " ".join(per_query))
    store.close()


if __name__ == "__main__":
    main()
