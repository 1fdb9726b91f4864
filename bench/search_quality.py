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
full.jsonl.gz and the first 8 hex digits of the body's SHA-1), made with --judge: the
top 50 of every method are pooled, and a pooled article is relevant when its title or
first paragraph holds the query's word(s) in some form, by a pattern written for the
judging (judge_pattern below: any clitic chain, any pronoun or number ending, and the
broken plurals and related forms listed in search_queries.json).  That is a rule, not a
reading of each article; its output was checked by reading the titles of some pools.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.model import ArticleDraft
from timeline.store import Store
from timeline.store import search as search_module
from timeline.text.normalize import normalize
from timeline.text.query import Query, parse_query, search_tokens
from timeline.text.stemmer import is_arabic_word, light10

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "saudinewsnet" / "full.jsonl.gz"
QUERIES = HERE / "data" / "search_queries.json"
JUDGMENTS = HERE / "data" / "search_relevance.json"
DEPTH = 50

_PROCLITICS = "(?:و|ف)?(?:ب|ل|ك|س)?(?:ال|ل)?"
_ENDINGS = (
    "(?:ه|ها|هم|هما|هن|كم|كما|كن|نا|ي|ني|ان|ين|ون|ات|اه|اها|اهم|يه|يها|يهم|يهما|وه|وها|وهم"
    "|اته|اتها|اتهم|تان|تين|تا|تي|ته|تها|تهم|تهما|تنا)?"
)


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


def judge_pattern(query: dict) -> Callable[[str], bool]:
    """Whether a text (title and first paragraph) holds every word of the query in a form."""
    words = search_tokens(query.get("lemma", query["query"]))
    extras = [normalize(e) for e in query.get("extra", [])]
    patterns = []
    for word in words:
        bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
        stems = [re.escape(bare)]
        if bare.endswith("ه") and len(bare) > 2:
            stems += [re.escape(bare[:-1] + "ت"), re.escape(bare[:-1] + "ات")]
        if bare.endswith("ي"):
            stems.append(re.escape(bare + "ت"))
        alternatives = "|".join(stems + [re.escape(e) for e in extras])
        patterns.append(re.compile(f"^{_PROCLITICS}(?:{alternatives}){_ENDINGS}$"))

    def relevant(text: str) -> bool:
        tokens = set(search_tokens(text))
        return all(any(p.match(t) for t in tokens) for p in patterns)

    return relevant


def lead_of(body: str) -> str:
    body = body.lstrip(" \t\r\n")
    newline = body.find("\n")
    if 0 <= newline < 600:
        return body[:newline]
    if len(body) <= 400:
        return body
    space = body.find(" ", 400)
    return body if space < 0 else body[:space]


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
    parser.add_argument("--judge", action="store_true", help="pool and judge anew")
    parser.add_argument("--verbose", action="store_true", help="found/relevant per query")
    args = parser.parse_args()
    articles = load_corpus()
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))
    store = open_store(args.db, articles)
    runs = run_methods(store, queries)
    # Store ids are line numbers + 1 (articles are added in file order).
    names = {i + 1: article_id for i, (article_id, _, _) in enumerate(articles)}
    if args.judge or not JUDGMENTS.exists():
        judgments = {}
        for n, query in enumerate(queries):
            pool = {names[i] for run in runs.values() for i in run[n]}
            relevant = judge_pattern(query)
            by_id = {a: (t, b) for a, t, b in articles if a in pool}
            judgments[query["query"]] = {
                "pooled": len(pool),
                "relevant": sorted(
                    a for a in pool if relevant(by_id[a][0] + "\n" + lead_of(by_id[a][1]))
                ),
            }
        JUDGMENTS.write_text(json.dumps(judgments, ensure_ascii=False, indent=0) + "\n")
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
        for n, query in enumerate(queries):
            relevant = set(judgments[query["query"]]["relevant"])
            if not relevant:
                continue
            ranked = [names[i] for i in run[n]]
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
                },
            ),
            flush=True,
        )
        if args.verbose:
            print("  " + " ".join(per_query))
    store.close()


if __name__ == "__main__":
    main()
