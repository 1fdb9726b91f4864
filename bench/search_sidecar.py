"""Probe a design, not the program: a filtered common word's first page from arrays.

    .venv/bin/python bench/search_sidecar.py [--articles 1000000] [--queries 20]

The filtered classes of bench/search.py miss their target at a million articles (a
common word from one source in two years of dates: about 100 to 320 ms against 50)
because FTS5 walks the word's whole list of articles (about 700,000 for a word in 70%
of them) to keep the few thousand that pass the filters, and its bm25 walks it once
more to count them.  This probe measures what a side store of the commonest words
would give instead: for each such word, over the article map (one slot an article,
in index rowid order), whether each article holds it, whether in the title and in the
lead, and its column-weighted count there.  The filters' rowids are read as the search
reads them; the page is then a lookup of those rowids in the arrays and bm25 computed
as FTS5 computes it (the same doubles), in numpy.

For each query of the filtered, filtered_mentioned and filtered_either classes (the
word as typed, quoted: one form, as the search's typed-form read) it prints what
reading the word into arrays took (once per word and change of the index, from FTS5's
own bm25), the arrays' packed size, the filters' read, the page from the arrays, and
whether the page is the one search() gives for the quoted word.  Nothing here is used
by the program; docs/decisions.md says what building it for real would take.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import search as search_bench  # bench/search.py: its store and queries

from timeline.store import Store
from timeline.store import search as search_module

K1, B = 1.2, 0.75  # bm25's, as search_module computes it


class WordArrays:
    """One word's postings as dense arrays over the article map."""

    def __init__(self, store: Store, article_rowids: np.ndarray, word: str) -> None:
        started = time.perf_counter()
        rows = store.db.conn.execute(
            f"SELECT article_fts.rowid, {search_module._SCORE},"
            f" {search_module._IN_TITLE}, {search_module._IN_TITLE_OR_LEAD},"
            " (SELECT sz FROM article_fts_docsize WHERE id = article_fts.rowid)"
            " FROM article_fts WHERE article_fts MATCH ?",
            [f'"{word}"'],
        ).fetchall()
        self.build_s = time.perf_counter() - started
        docs, tokens = search_module._index_totals(store)
        self.idf = max(math.log((docs - len(rows) + 0.5) / (len(rows) + 0.5)), 1e-6)
        self.mean = tokens / docs
        rowids = np.array([r[0] for r in rows], dtype=np.int64)
        size = search_module._varints_sums([r[4] for r in rows]).astype(float)
        # The weighted count, from FTS5's own score: solved for it as _pair_frequencies does.
        score = -np.array([r[1] for r in rows]) / self.idf
        frequency = np.rint(score * (K1 * (1 - B + B * size / self.mean)) / (K1 + 1.0 - score))
        at = np.searchsorted(article_rowids, rowids)
        n = len(article_rowids)
        self.member = np.zeros(n, dtype=bool)
        self.member[at] = True
        self.title = np.zeros(n, dtype=bool)
        self.title[at] = np.array([r[2] < 0 for r in rows])
        self.lead = np.zeros(n, dtype=bool)
        self.lead[at] = np.array([r[3] < 0 for r in rows])
        self.frequency = np.zeros(n, dtype=np.uint16)
        self.frequency[at] = frequency.astype(np.uint16)
        # (every article's length would be one array for all words; here the word's)
        self.size = np.zeros(n, dtype=np.uint16)
        self.size[at] = np.minimum(size, 65535).astype(np.uint16)
        # Packed: three bits an article, and a byte a holding article for its count.
        self.packed_bytes = 3 * n // 8 + len(rows)
        self.hits = len(rows)


def page_of(
    arrays: WordArrays, article_rowids: np.ndarray, candidates: np.ndarray, limit: int = 50
) -> tuple[np.ndarray, int]:
    """The first page (index rowids) of the word among the filters' rowids: tier (title,
    lead, body), then bm25, then newest first, as _ranked_in_one_pass orders them."""
    at = np.searchsorted(article_rowids, candidates)
    at = at[arrays.member[at]]
    tier = np.where(arrays.title[at], 0, np.where(arrays.lead[at], 1, 2))
    frequency = arrays.frequency[at].astype(float)
    size = arrays.size[at].astype(float)
    score = 0.0 + arrays.idf * (
        (frequency * (K1 + 1.0)) / (frequency + K1 * (1 - B + B * size / arrays.mean))
    )
    key = tier * search_module._TIER_SPAN + (-1.0 * score)
    rowids = article_rowids[at]
    order = np.lexsort((-rowids, key))[:limit]
    return rowids[order], len(at)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=20)
    args = parser.parse_args()
    path = Path(f"/tmp/timeline-bench-search-{args.articles}.db")
    if not path.exists():
        raise SystemExit(f"no {path}: build it with bench/search.py --articles {args.articles}")
    with Store(path) as store:
        conn = store.db.conn
        where = search_bench.machine()
        picked = search_bench.pick_queries(store, args.queries)
        article_rowids = np.array(
            [r for (r,) in conn.execute("SELECT fts_rowid FROM article_search ORDER BY 1")],
            dtype=np.int64,
        )
        words: dict[str, WordArrays] = {}
        for query_class in ("filtered", "filtered_mentioned", "filtered_either"):
            reads_ms: list[float] = []
            pages_ms: list[float] = []
            same = 0
            for params in picked[query_class]:
                word = params["query"]
                if word not in words:
                    words[word] = WordArrays(store, article_rowids, word)
                arrays = words[word]
                quoted = {**params, "query": f'"{word}"'}
                filters = [quoted.get(k) for k in ("source", "date_from", "date_to", "event_kind")]
                reads = search_module._Reads()
                used = time.process_time()
                search_module._matching_sql(store, f'"{word}"', *filters, reads=reads)
                reads_ms.append((time.process_time() - used) * 1000)
                found = [c for c in reads.candidates.values() if c is not None]
                if not found:
                    continue  # (the filters leave too many: the search walks the list)
                best = math.inf
                for _ in range(5):
                    used = time.process_time()
                    page, _total = page_of(arrays, article_rowids, found[0].rowids)
                    best = min(best, time.process_time() - used)
                pages_ms.append(best * 1000)
                expected = search_module.search(store, limit=50, **quoted)
                ids = dict(
                    conn.execute(
                        "SELECT fts_rowid, article_id FROM article_search"
                        " WHERE fts_rowid IN (SELECT value FROM json_each(?))",
                        [json.dumps(page.tolist())],
                    ).fetchall()
                )
                same += [ids[r] for r in page.tolist()] == [h.article_id for h in expected.hits]
            print(
                json.dumps(
                    {
                        "query_class": query_class,
                        "queries": len(picked[query_class]),
                        "same_page": same,
                        "filters_read_p95_ms": round(search_bench.percentile(reads_ms, 95), 1),
                        "page_from_arrays_p95_ms": round(search_bench.percentile(pages_ms, 95), 2),
                        "articles": args.articles,
                        "machine": where,
                    },
                    ensure_ascii=False,
                )
            )
        print(
            json.dumps(
                {
                    "words": len(words),
                    "word_hits_median": int(statistics.median(w.hits for w in words.values())),
                    "build_s_median": round(
                        statistics.median(w.build_s for w in words.values()), 2
                    ),
                    "packed_kb_median": round(
                        statistics.median(w.packed_bytes for w in words.values()) / 1024
                    ),
                }
            )
        )


if __name__ == "__main__":
    main()
