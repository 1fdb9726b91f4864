"""Pool and judge the relevance set of bench/search_quality.py, by reading.

    .venv/bin/python bench/search_judge.py pool              # pool the methods' top 50
    .venv/bin/python bench/search_judge.py show QUERY...     # contexts of each pooled article
    .venv/bin/python bench/search_judge.py judge QUERY --not 3,7   # all pooled but 3 and 7
    .venv/bin/python bench/search_judge.py judge QUERY --only 1,2  # only 1 and 2
    .venv/bin/python bench/search_judge.py show كوريا+بكوريا      # one meaning, pools merged

pool runs every method of bench/search_quality.py on bench/data/search_queries.json and
keeps, per query, the union of their first 50 hits (article ids only) in
bench/data/search_relevance.json, with the query unjudged.  show prints, for each pooled
article of a query, a number, the start of its title and up to MAX_CONTEXTS passages of
a few words around the words that any method took for a form of the query (for a
pooled article none of whose words is such a form, the start of its title and body),
so a judge reads many articles quickly.  judge records the judge's verdict as the
pooled ids to keep.  Article text is printed to the terminal only (controls removed),
never written to the project.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import search_quality as quality

from timeline.store import Store
from timeline.store import search as search_module
from timeline.text.query import search_tokens
from timeline.text.safe import terminal_safe
from timeline.text.stemmer import light10

MAX_CONTEXTS = 2
AROUND = 4  # words either side of a hit
_WORD = re.compile(r"\S+")


def load_judgments() -> dict[str, dict]:
    if quality.JUDGMENTS.exists():
        return json.loads(quality.JUDGMENTS.read_text(encoding="utf-8"))
    return {}


def save_judgments(judgments: dict[str, dict]) -> None:
    lines = [
        f" {json.dumps(query, ensure_ascii=False)}: {json.dumps(entry, ensure_ascii=False)}"
        for query, entry in judgments.items()
    ]
    quality.JUDGMENTS.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


def pool(store: Store, articles: list[tuple[str, str, str]], queries: list[dict]) -> None:
    """Pool each query's first 50 hits of every method; a judged query keeps its
    verdicts, and the articles new to its pool wait as "pending" to be judged."""
    runs = quality.run_methods(store, queries)
    names = {i + 1: article_id for i, (article_id, _, _) in enumerate(articles)}
    old = load_judgments()
    judgments: dict[str, dict] = {}
    for n, query in enumerate(queries):
        top = {names[i] for run in runs.values() for i in run[n][: quality.DEPTH]}
        entry = old.get(query["query"], {})
        if entry.get("relevant") is None:
            judgments[query["query"]] = {"pooled": sorted(top), "relevant": None}
            continue
        new = top - set(entry["pooled"]) | set(entry.get("pending", []))
        entry = {"pooled": sorted(set(entry["pooled"]) | new), "relevant": entry["relevant"]}
        if new:
            entry["pending"] = sorted(new)
        judgments[query["query"]] = entry
    save_judgments(judgments)
    for text, verdicts in judgments.items():
        waiting = len(verdicts.get("pending", [])) if verdicts["relevant"] is not None else "all"
        print(f"{text}: {len(verdicts['pooled'])} pooled, to judge: {waiting}")


def form_matcher(store: Store, query: str) -> Callable[[str], bool]:
    """Whether a token is a form of a query word for any method (surface, ours, stems)."""
    words = search_tokens(query)
    forms: set[str] = set(words)
    result = search_module.search(store, query, limit=1, time_limit=None, snippet_chars=10)
    for found in result.forms.values():
        forms.update(found)
    stems: list[Callable[[str], str]] = [light10]
    try:
        import Stemmer  # type: ignore[import-not-found]

        stems.append(Stemmer.Stemmer("arabic").stemWord)
    except ImportError:
        pass
    wanted = [(stem, {stem(w) for w in words}) for stem in stems]

    def matches(token: str) -> bool:
        return token in forms or any(stem(token) in keys for stem, keys in wanted)

    return matches


def group_pool(judgments: dict[str, dict], group: str) -> list[str]:
    """The articles to judge for a group of queries of one meaning (كوريا+بكوريا), their
    pools merged: only those pending when the group was judged before."""
    entries = [judgments[query] for query in group.split("+")]
    if all(entry["relevant"] is not None for entry in entries):
        return sorted({a for entry in entries for a in entry.get("pending", [])})
    return sorted({a for entry in entries for a in entry["pooled"]})


def show(store: Store, articles: list[tuple[str, str, str]], group: str) -> None:
    pooled = group_pool(load_judgments(), group)
    by_id = {a: (t, b) for a, t, b in articles}
    matchers = [form_matcher(store, query) for query in group.split("+")]

    def matches(token: str) -> bool:
        return any(m(token) for m in matchers)

    print(f"=== {group} ({len(pooled)} pooled)")
    for number, article_id in enumerate(pooled, start=1):
        title, body = by_id[article_id]
        words = _WORD.findall(title + " ¶ " + body)
        hits = [i for i, w in enumerate(words) if any(matches(t) for t in search_tokens(w))]
        passages = []
        last = -1
        for i in hits:
            if i <= last:
                continue
            begin, end = max(0, i - AROUND), min(len(words), i + AROUND + 1)
            passages.append(" ".join(words[begin:end]))
            last = end
            if len(passages) == MAX_CONTEXTS:
                break
        if not passages:
            passages = [" ".join(words[:12])]
        line = f"{number}. [{' '.join(title.split()[:6])}] " + " | ".join(passages)
        print(terminal_safe(line.replace("\n", " ")))


def judge(group: str, keep_not: str | None, keep_only: str | None) -> None:
    """Record the verdict on a group's merged pool (numbered as show numbers it)."""
    judgments = load_judgments()
    pooled = group_pool(judgments, group)

    def numbers(text: str) -> set[int]:
        picked: set[int] = set()
        for part in filter(None, text.split(",")):
            if "-" in part:
                first, last = part.split("-")
                picked.update(range(int(first), int(last) + 1))
            else:
                picked.add(int(part))
        if not picked <= set(range(1, len(pooled) + 1)):
            raise SystemExit(f"{group}: numbers outside 1..{len(pooled)}")
        return picked

    if keep_only is not None:
        chosen = numbers(keep_only)
    else:
        chosen = set(range(1, len(pooled) + 1)) - numbers(keep_not or "")
    chosen_ids = {pooled[n - 1] for n in chosen}
    for query in group.split("+"):
        entry = judgments[query]
        # Judged before: the verdicts on the pending articles are added to the old ones.
        relevant = chosen_ids | set(entry["relevant"] or [])
        entry.pop("pending", None)
        entry["relevant"] = [a for a in entry["pooled"] if a in relevant]
        print(f"{query}: {len(entry['relevant'])} of {len(entry['pooled'])} relevant")
    save_judgments(judgments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/timeline-search-quality.db"))
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("pool")
    show_parser = sub.add_parser("show")
    show_parser.add_argument("queries", nargs="+", help="queries, or groups joined by +")
    judge_parser = sub.add_parser("judge")
    judge_parser.add_argument("query", help="a query, or queries of one meaning joined by +")
    judge_parser.add_argument("--not", dest="keep_not")
    judge_parser.add_argument("--only", dest="keep_only")
    args = parser.parse_args()
    if args.command == "judge":
        judge(args.query, args.keep_not, args.keep_only)
        return
    articles = quality.load_corpus()
    store = quality.open_store(args.db, articles)
    if args.command == "pool":
        queries = json.loads(quality.QUERIES.read_text(encoding="utf-8"))
        pool(store, articles, queries)
    else:
        for query in args.queries:
            show(store, articles, query)
    store.close()


if __name__ == "__main__":
    main()
