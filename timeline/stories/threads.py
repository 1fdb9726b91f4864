"""Threads: articles that continue a story (not copies of it), by shared rare terms
and close dates.  Pure: the store supplies document counts and the articles that
hold a term; this module picks the terms and scores the candidates."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from timeline.text.normalize import WRITTEN_WORD
from timeline.text.query import search_tokens

MIN_LENGTH = 4  # shorter tokens are mostly particles and pronouns
MAX_TERMS = 8  # rare terms looked up per article
MIN_SHARED = 2  # a thread shares at least this many of them
WINDOW_DAYS = 30  # candidates are looked for this far either side
THREAD_TEXT_CHARS = 4000  # of a body: its terms are looked for in the opening only
HALF_LIFE_DAYS = 14.0  # the score halves for every two weeks apart
MIN_SCORE = 1.0
_DAY = 86400


def candidate_terms(text: str) -> list[str]:
    """Distinct index tokens of a text worth asking the document count of."""
    seen: dict[str, None] = {}
    for token in search_tokens(text):
        if len(token) >= MIN_LENGTH and not token.isdigit():
            seen.setdefault(token, None)
    return list(seen)


def written_forms(text: str, terms: Iterable[str]) -> dict[str, str]:
    """Each term (a folded index token) as text first writes it: راكبه as راكبة, with
    its marks; a term text never writes is left out."""
    wanted = set(terms)
    found: dict[str, str] = {}
    for match in WRITTEN_WORD.finditer(text):
        if len(found) == len(wanted):
            break
        tokens = search_tokens(match.group())
        if len(tokens) == 1 and tokens[0] in wanted and tokens[0] not in found:
            found[tokens[0]] = match.group()
    return found


def ceiling(total: int) -> int:
    """A term in more articles than this (0.5% of them, at least 20) is a topic word."""
    return max(20, total // 200)


def rare_terms(doc_counts: Mapping[str, int], total: int, limit: int = MAX_TERMS) -> list[str]:
    """The rarest terms that another article also holds, rarest first.

    A term in one article only links nothing; one above ceiling() is a topic word, not
    a story's.  Counts above the ceiling need not be exact.
    """
    ceiling_ = ceiling(total)
    usable = [(n, t) for t, n in doc_counts.items() if 2 <= n <= ceiling_]
    usable.sort()
    return [t for _, t in usable[:limit]]


@dataclass(frozen=True)
class Related:
    """An article that continues the story, with its score and the terms it shares."""

    article_id: int
    score: float
    shared: tuple[str, ...]


def score(
    shared: list[str], doc_counts: Mapping[str, int], total: int, seconds_apart: int | None
) -> float:
    """Rarity of the shared terms (idf), halved for each HALF_LIFE_DAYS apart."""
    idf = sum(math.log(1 + max(total, 1) / max(doc_counts.get(t, 1), 1)) for t in shared)
    if seconds_apart is None:
        return idf / 2
    return idf * 0.5 ** (abs(seconds_apart) / _DAY / HALF_LIFE_DAYS)


def related(
    article_id: int,
    published: int | None,
    holders: Mapping[str, list[tuple[int, int | None]]],
    doc_counts: Mapping[str, int],
    total: int,
    exclude: set[int],
    limit: int = 10,
) -> list[Related]:
    """Rank the articles holding the rare terms (holders: term -> [(id, published)])."""
    shared: dict[int, list[str]] = {}
    when: dict[int, int | None] = {}
    for term, found in holders.items():
        for other, other_published in found:
            if other == article_id or other in exclude:
                continue
            shared.setdefault(other, []).append(term)
            when[other] = other_published
    out = []
    for other, terms in shared.items():
        if len(terms) < MIN_SHARED:
            continue
        other_published = when[other]
        apart = (
            None if published is None or other_published is None else other_published - published
        )
        value = score(terms, doc_counts, total, apart)
        if value >= MIN_SCORE:
            out.append(Related(other, round(value, 2), tuple(sorted(terms))))
    out.sort(key=lambda r: (-r.score, r.article_id))
    return out[:limit]
