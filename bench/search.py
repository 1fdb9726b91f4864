"""Benchmark full-text search: N synthetic Arabic articles, first-page latency per query class.

    .venv/bin/python bench/search.py --articles 100000

Prints one JSON line per query class (query_class, hits, p50_ms, p95_ms, and cpu_p95_ms:
the process's CPU time, which a busy machine does not inflate), then one
with index_mb and text_mb.  Every hit is ranked (search() ranks all of them by tier).
The store is cached in /tmp (rebuilt with --rebuild).
The vocabulary is the words of ../shared/corpus (words only, never sentences) drawn
with a Zipf-like distribution, so there are rare, mid and common words.

Classes: rare, mid and common words (in 5-100 articles or 0.1%, or the rarest the store
holds; 1-5%; over half); prefix (four letters) and prefix3 (three, the shortest the
search takes); forms (a word with the article, searched in all its clitic forms); compound (a
compound name written as one word, عبدالله, searched as its two words too);
phrase (two neighbouring words of an article) and common_phrase (two neighbouring words
each in a third of the articles or more); filtered, filtered_mentioned and
filtered_either (a common word from one source in two years of publication, of
mentioned dates, or of either); filtered_prefix (a prefix of three or four letters with
filtered_either's filters) and dated_prefix (the same with the two years alone).  window and window_cold_map time the window's search
path for the words in the most articles: every hit's id in the list's order
(bench/window.py times it in the window itself), with the article map the window reads
when it opens a store and without it (the first search after a change); window_filtered,
window_filtered_mentioned and window_filtered_either (each also _cold_map) time it for
the filtered classes' queries.
--classes times only the classes named (comma-separated).  A query with more than
COUNT_CAP hits reports that many (the search says "more than").
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.store import Store
from timeline.store import search as search_module
from timeline.store.schema import rebuild_word_pairs
from timeline.store.search import (
    SearchError,
    in_list_order,
    matching_article_ids,
    search,
    with_user_text_matches,
)
from timeline.text.compounds import split_compound
from timeline.text.normalize import normalize

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669]{2,}")
START_2000 = 946_684_800
SPAN_25_YEARS = 25 * 365 * 86_400
HARAKAT = "\u064e\u064f\u0650\u0651\u0652"
UNDATED = -(1 << 62)  # the first rowid of undated articles (schema v2)


def vocabulary() -> list[str]:
    """Distinct Arabic words of the corpus, most frequent first."""
    counts: Counter[str] = Counter()
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix in {".txt", ".jsonl", ".tsv"}:
            counts.update(ARABIC_WORD.findall(path.read_text(encoding="utf-8")))
    words = [w for w, _ in counts.most_common()]
    if len(words) < 1000:
        raise SystemExit(f"too few words in {CORPUS} ({len(words)}); is the corpus there?")
    return words


def build(path: Path, n: int, seed: int = 7) -> None:
    """A store of n synthetic articles, loaded in bulk.

    The search index's triggers (which normalize each article in SQL and look for a
    free rowid) are set aside while the rows go in, then the index is filled in one
    pass in rowid order, as migration v2/v4 fill it, and the triggers are put back:
    article by article a million articles took over an hour on a 2-core machine.
    """
    rng = random.Random(seed)
    words = vocabulary()
    weights = [1.0 / (rank + 2.7) for rank in range(len(words))]
    sources = [f"مصدر {i}" for i in range(1, 21)]
    source_weights = [1.0 / (i + 1) for i in range(len(sources))]
    if path.exists():
        path.unlink()
    started = time.perf_counter()
    with Store(path) as store:
        conn = store.db.conn
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles'"
        ).fetchall()
        now = "2026-01-01T00:00:00+00:00"
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        batch = 2000
        for first in range(0, n, batch):
            with store.transaction():
                count = min(batch, n - first)
                tokens = rng.choices(words, weights, k=count * 190)
                articles, events = [], []
                for k in range(count):
                    doc = tokens[k * 190 : (k + 1) * 190]
                    # Some vowel marks, as real text has, for the normalizer to fold.
                    for j in rng.sample(range(len(doc)), 8):
                        w = doc[j]
                        doc[j] = w[0] + rng.choice(HARAKAT) + w[1:]
                    article_id = first + k + 1
                    start = (
                        None if rng.random() < 0.03 else START_2000 + rng.randrange(SPAN_25_YEARS)
                    )
                    mention = START_2000 + rng.randrange(SPAN_25_YEARS) // 86_400 * 86_400
                    source = rng.choices(sources, source_weights)[0]
                    articles.append(
                        (
                            article_id,
                            f"bench-{article_id}",
                            " ".join(doc[:9]),
                            " ".join(doc[9:]),
                            source,
                            "x" if start is not None else None,
                            start,
                            now,
                        )
                    )
                    if start is not None:
                        events.append((article_id, "published", start, None, "minute", "x", "x"))
                    events.append((article_id, "mentioned", mention, None, "day", "x", "x"))
                conn.executemany(
                    "INSERT INTO articles (id, uid, title, body, source, published,"
                    " published_start, imported_at) VALUES (?,?,?,?,?,?,?,?)",
                    articles,
                )
                conn.executemany(
                    'INSERT INTO events (article_id, kind, start, "end", granularity, value,'
                    " label) VALUES (?,?,?,?,?,?,?)",
                    events,
                )
                # Built as an import builds them, with their events: not articles another
                # program added (schema v19's note), which the window would read again.
                conn.execute("DELETE FROM articles_changed")
                print(f"\rrows {first + count}/{n}", end="", file=sys.stderr, flush=True)
        # Rowids as migration v2 gives them: the minute, or the next free one.
        mapping, last = [], None
        for article_id, start in conn.execute(
            "SELECT id, published_start FROM articles"
            " ORDER BY published_start IS NULL, published_start, id"
        ):
            if start is None:
                rowid = UNDATED + article_id
            else:
                minute = start // 60  # every bench date is after 1970
                rowid = minute if last is None else max(minute, last + 1)
                last = rowid
            mapping.append((rowid, article_id, start))
        with store.transaction():
            conn.executemany(
                "INSERT INTO article_search (fts_rowid, article_id, published_start)"
                " VALUES (?, ?, ?)",
                mapping,
            )
        mapping.sort()
        chunk = 20_000
        for i in range(0, len(mapping), chunk):
            part = mapping[i : i + chunk]
            with store.transaction():
                conn.execute(
                    "INSERT INTO article_fts (rowid, body, title, lead)"
                    " SELECT s.fts_rowid, t.body, t.title, t.lead"
                    " FROM article_search_parts t JOIN article_search s ON s.article_id = t.id"
                    " WHERE s.fts_rowid BETWEEN ? AND ? ORDER BY s.fts_rowid",
                    (part[0][0], part[-1][0]),
                )
            print(f"\rindex {i + len(part)}/{n}", end="", file=sys.stderr, flush=True)
        with store.transaction():
            for _, sql in triggers:
                conn.execute(sql)
            # The word pairs of phrases (schema v13), words chosen from this store.
            rebuild_word_pairs(conn)
    print(f"\nbuilt in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlite3

    return (
        f"{cpu}, {os.cpu_count()} cpus, {platform.system()} {platform.release()},"
        f" Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def pick_queries(store: Store, per_class: int, seed: int = 11) -> dict[str, list[dict]]:
    """Queries of each class, chosen by their document frequency in this store."""
    rng = random.Random(seed)
    conn = store.db.conn
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab"
        " USING fts5vocab(main, article_fts, 'row')"
    )
    vocab = conn.execute("SELECT term, doc FROM temp.bench_vocab").fetchall()
    n = store.count_articles()

    def band(lo: float, hi: float) -> list[str]:
        found = [t for t, d in vocab if lo <= d <= hi and len(t) >= 3]
        return rng.sample(found, min(per_class, len(found)))

    rare = band(5, max(100, n * 0.001))
    if not rare:
        # A million articles drawn from the corpus's few thousand words hold each word in
        # a thousand articles or more: the rarest there are stand in (the class's hits
        # say how rare), rather than a class of no queries.
        rarest = sorted((d, t) for t, d in vocab if d >= 5 and len(t) >= 3)[: per_class * 5]
        rare = rng.sample([t for _, t in rarest], min(per_class, len(rarest)))
    mid = band(n * 0.01, n * 0.05)
    common = band(n * 0.5, n)
    everywhere = [{"query": t} for t, _ in sorted(vocab, key=lambda v: -v[1])[:per_class]]
    prefixes = [w[:4] + "*" for w in band(n * 0.005, n * 0.03) if len(w) >= 5]
    # Three letters, the shortest prefix the search takes: the first three letters of
    # words in 5% of the articles or more, as a user starts typing a word (some stand
    # for hundreds of words: الم* for every word after ال).
    short = sorted({t[:3] for t, d in vocab if d >= n * 0.05 and len(t) >= 4})
    prefixes3 = [p + "*" for p in rng.sample(short, min(per_class, len(short)))]
    doc_of = dict(vocab)
    # Words with the article: their forms (بال…, وال…, لل…, endings) are searched too.
    with_article = [
        t for t, d in vocab if n * 0.01 <= d <= n * 0.3 and t.startswith("ال") and len(t) >= 5
    ]
    forms = rng.sample(with_article, min(per_class, len(with_article)))
    # Compound names written as one word (عبدالله): each is searched as its two words too.
    joined = sorted(t for t, d in vocab if d >= 5 and split_compound(t) is not None)
    compounds = rng.sample(joined, min(per_class, len(joined)))
    picked = rng.sample(range(1, n + 1), min(per_class, n))
    docs = conn.execute(
        f"SELECT body FROM articles WHERE id IN ({','.join('?' * len(picked))}) ORDER BY id",
        picked,
    ).fetchall()
    phrases = []
    common_phrases = []
    for (body,) in docs:
        parts = body.split()
        i = rng.randrange(len(parts) - 2)
        phrases.append('"' + " ".join(parts[i : i + 2]) + '"')
        # Two words next to each other that are each in a third of the articles or more.
        pairs = [
            (a, b)
            for a, b in itertools.pairwise(parts)
            if min(doc_of.get(normalize(a), 0), doc_of.get(normalize(b), 0)) >= n / 3
        ]
        if pairs:
            common_phrases.append('"' + " ".join(rng.choice(pairs)) + '"')
    source = conn.execute(
        "SELECT source FROM articles GROUP BY source ORDER BY count(*) DESC LIMIT 1 OFFSET 2"
    ).fetchone()[0]
    two_years = 2 * 365 * 86_400

    typing = (prefixes3[: per_class // 2] + prefixes)[:per_class]

    def filtered(kind: str | None, words: list[str] | None = None) -> list[dict]:
        return [
            {
                "query": w,
                "source": source,
                "date_from": (lo := START_2000 + rng.randrange(SPAN_25_YEARS - two_years)),
                "date_to": lo + two_years,
                "event_kind": kind,
            }
            for w in (common if words is None else words)
        ]

    return {
        "rare": [{"query": q} for q in rare],
        "mid": [{"query": q} for q in mid],
        "common": [{"query": q} for q in common],
        "prefix": [{"query": q} for q in prefixes],
        "prefix3": [{"query": q} for q in prefixes3],
        "forms": [{"query": q} for q in forms],
        "compound": [{"query": q} for q in compounds],
        "phrase": [{"query": q} for q in phrases],
        "common_phrase": [{"query": q} for q in common_phrases[:per_class]],
        # A common word from one source in two years: of publication, of the dates the
        # articles mention, or of either (the search bar's three kinds of date).
        "filtered": filtered("published"),
        "filtered_mentioned": filtered("mentioned"),
        "filtered_either": filtered(None),
        # A prefix as the user starts typing a word, with the same filters (either
        # kind of date): three and four letters.
        "filtered_prefix": filtered(None, typing),
        # ... and with the two years alone (every source).
        "dated_prefix": [
            {k: v for k, v in q.items() if k != "source"} for q in filtered(None, typing)
        ],
        "everywhere": everywhere,
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def sizes(store: Store) -> dict[str, float]:
    conn = store.db.conn
    index = conn.execute(
        "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'article_fts%'"
        " OR name LIKE 'article_pairs%'"
        " OR name IN ('article_search', 'articles_source', 'search_pair_words', 'search_unpaired')"
    ).fetchone()[0]
    text = conn.execute(
        "SELECT sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))) FROM articles"
    ).fetchone()[0]
    total = conn.execute("SELECT sum(pgsize) FROM dbstat").fetchone()[0]
    return {
        "index_mb": round(index / 1e6, 1),
        "text_mb": round(text / 1e6, 1),
        "db_mb": round(total / 1e6, 1),
    }


def first_page(store: Store, params: dict) -> int:
    """The search's first page of 50, ranked over every hit; the number of hits."""
    return search(store, limit=50, **params).total


def window_path(store: Store, params: dict) -> int:
    """What the window's search worker does: every matching id (with the user's notes
    and tags), then the same ids in the article list's order."""
    filters = {k: params.get(k) for k in ("source", "date_from", "date_to", "event_kind")}
    ids = matching_article_ids(store, params["query"], **filters)
    ids = with_user_text_matches(store, params["query"], ids, filters)
    return len(in_list_order(store, ids))


def cold_window_path(store: Store, params: dict) -> int:
    search_module._MAP_CACHE.clear()
    return window_path(store, params)


def warm_window_path(store: Store, params: dict) -> int:
    """The window's path once the window has read the article map (it does when it opens
    a store and after each change): a filtered search has too few hits to read it."""
    search_module.warm_article_map(store)
    return window_path(store, params)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--queries", type=int, default=20, help="queries per class")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--classes", default="", help="comma-separated query classes to time (default: all)"
    )
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/timeline-bench-search-{args.articles}.db")
    if args.rebuild or not path.exists():
        build(path, args.articles)
    with Store(path) as store:
        if store.count_articles() != args.articles:
            raise SystemExit(f"{path} holds another size; use --rebuild")
        where = machine()
        picked = pick_queries(store, args.queries)
        # The window's path for the words in the most articles: every hit's id, in the
        # list's order.  The window reads the article map when it opens a store; the
        # first search after a change to the store reads it in the path (cold).
        everywhere = picked.pop("everywhere")
        classes: list[tuple[str, list[dict], Callable[..., int]]] = [
            (name, queries, first_page) for name, queries in picked.items()
        ]
        classes += [
            ("window", everywhere, window_path),
            ("window_cold_map", everywhere, cold_window_path),
        ]
        # The same for the filtered classes' queries (hits in the list's order).
        for kind in ("filtered", "filtered_mentioned", "filtered_either"):
            classes += [
                (f"window_{kind}", picked[kind], warm_window_path),
                (f"window_{kind}_cold_map", picked[kind], cold_window_path),
            ]
        if args.classes:
            chosen = set(args.classes.split(","))
            classes = [c for c in classes if c[0] in chosen]
        for query_class, queries, run in classes:
            times: list[float] = []
            cpu: list[float] = []
            hits: list[int] = []
            stopped = 0  # searches stopped by the search's time limit (counted as run)
            for params in queries:
                total = 0
                for _ in range(args.repeat):
                    started, used = time.perf_counter(), time.process_time()
                    try:
                        total = run(store, params)
                    except SearchError:
                        stopped += 1
                    times.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - used) * 1000)
                hits.append(total)
            print(
                json.dumps(
                    {
                        "query_class": query_class,
                        "queries": len(queries),
                        "stopped": stopped,
                        "hits": int(statistics.median(hits)) if hits else 0,
                        "p50_ms": round(percentile(times, 50), 2) if times else None,
                        "p95_ms": round(percentile(times, 95), 2) if times else None,
                        # CPU time of this process (SQLite runs in it): what the search
                        # costs, without the waits for a core on a shared machine.
                        "cpu_p95_ms": round(percentile(cpu, 95), 2) if cpu else None,
                        "articles": args.articles,
                        "machine": where,
                    },
                    ensure_ascii=False,
                ),
                flush=True,
            )
        print(json.dumps({**sizes(store), "articles": args.articles, "machine": where}))


if __name__ == "__main__":
    main()
