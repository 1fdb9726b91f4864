"""The copy verdict: the signatures first, then the words, and the time between copies."""

from __future__ import annotations

from collections.abc import Set

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import stories
from timeline.stories import copies
from timeline.stories.copies import (
    CHECK_JACCARD,
    FAR_JACCARD,
    MIN_JACCARD,
    MIN_RARE_SHARED,
    MIN_SHARED,
    NUM_PERM,
    RARE_PRIOR,
    Overlap,
    Signature,
)

_DAY = 86400


class _Words:
    """PairWords with given answers; asking for what the verdict should not read fails."""

    def __init__(self, exact: Overlap | None = None, rare: float | None = None) -> None:
        self.exact, self.rare = exact, rare

    def overlap(self) -> Overlap:
        assert self.exact is not None, "the signatures should have decided"
        return self.exact

    def rare_shared(self) -> float:
        assert self.rare is not None, "the shingles should have decided"
        return self.rare


def _pair(share: float, shingles: int = 100) -> tuple[Signature, Signature]:
    """Two signatures whose estimated Jaccard similarity is about `share`.

    They agree on their first minima, so they share the first LSH bands."""
    same = round(share * NUM_PERM)
    a = np.arange(NUM_PERM, dtype=np.uint64)
    b = a.copy()
    b[same:] += np.uint64(1000)
    return Signature(a, shingles), Signature(b, shingles)


def test_the_words_decide_a_pair_the_signatures_cannot() -> None:
    a, b = _pair(0.3)
    assert stories.needs_words(a, b)
    assert not stories.is_copy(a, b)  # without its words such a pair is no copy
    # The estimate is noisy: the exact shingle sets may clear the bar.
    assert stories.is_copy(a, b, _Words(Overlap(MIN_JACCARD, 0.6, 80)))
    # Half of the shorter text shared, and some 300 words of it: no formula runs so long.
    assert stories.is_copy(a, b, _Words(Overlap(0.3, 0.6, MIN_SHARED)))
    # Less text shared: the rare words (names, figures) decide.
    assert stories.is_copy(a, b, _Words(Overlap(0.3, 0.6, 80), rare=0.9))
    assert not stories.is_copy(a, b, _Words(Overlap(0.3, 0.6, 80), rare=0.5))
    # Too little of the shorter one shared: not a copy, whatever its words.
    assert not stories.is_copy(a, b, _Words(Overlap(0.3, 0.4, 80)))


def test_pairs_far_below_the_bar_are_never_read() -> None:
    a, b = _pair(CHECK_JACCARD - 0.02)
    assert not stories.needs_words(a, b)
    assert not stories.is_copy(a, b, _Words())


def test_articles_published_days_apart_need_more_shared_text() -> None:
    a, b = _pair((MIN_JACCARD + FAR_JACCARD) / 2)
    assert stories.is_copy(a, b, apart=None)  # undated: judged as if close
    assert stories.is_copy(a, b, apart=-_DAY)
    assert not stories.is_copy(a, b, apart=10 * _DAY)  # a formula that returned
    assert not stories.needs_words(a, b, apart=10 * _DAY)
    close, far = _pair(FAR_JACCARD + 0.05)
    assert stories.is_copy(close, far, apart=30 * _DAY)  # a reprint weeks later


def test_clustering_keeps_a_returning_formula_apart() -> None:
    a, b = _pair((MIN_JACCARD + FAR_JACCARD) / 2)
    sigs = [(1, a), (2, b)]
    assert set(stories.band_keys(a)) & set(stories.band_keys(b))
    assert stories.cluster(sigs, published={1: 0, 2: _DAY}) == {1: [1, 2]}
    assert stories.cluster(sigs, published={1: 0, 2: 20 * _DAY}) == {}
    assert stories.copies_among(1, a, [(2, b)], published={1: 0, 2: 20 * _DAY}) == []


def test_overlap_is_exact_on_the_shingle_sets() -> None:
    first = [f"w{i}" for i in range(30)]
    second = first[:20] + [f"x{i}" for i in range(10)]
    exact = stories.overlap(first, second)
    # 26 five-word shingles each; the 16 that start in the first 16 words are shared.
    assert exact.shared == 16
    assert exact.jaccard == 16 / (26 + 26 - 16)
    assert exact.containment == 16 / 26
    assert stories.overlap(first, []) == Overlap(0.0, 0.0, 0)


def test_rare_shared_counts_only_rare_words() -> None:
    counts = {"common": 10_000, "name": 2, "figure": 3, "other": 1, "place": 1, "sum": 2}
    a = {"common", "name", "figure"}
    b = {"common", "name", "figure", "other"}
    assert stories.rare_shared(a, b, counts, 30_000) == 1.0
    # Other names, places and figures in the same wording: a formula.
    formula = stories.rare_shared(
        {"common", "name", "figure", "place"}, {"common", "other", "sum", "x"}, counts, 30_000
    )
    assert formula < MIN_RARE_SHARED


def test_a_text_without_rare_words_is_no_evidence_against_a_copy() -> None:
    counts = {"common": 10_000, "name": 2}
    assert stories.rare_shared({"common"}, {"common", "name"}, counts, 30_000) >= MIN_RARE_SHARED
    # One rare word of one missing is weak evidence, not a verdict of its own.
    one_missing = stories.rare_shared({"common", "name"}, {"common", "x"}, counts, 30_000)
    assert one_missing == RARE_PRIOR / (1 + RARE_PRIOR)


@settings(max_examples=300, deadline=None)
@given(
    st.sets(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), max_size=14),
    st.sets(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), max_size=14),
    st.dictionaries(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), st.integers(0, 40)),
    st.sets(st.sampled_from("abcdefghijklmnopqrstuvwxyz")),
)
def test_rare_words_asked_in_steps_give_the_verdict_of_every_count(
    words_a: set[str], words_b: set[str], store_counts: dict[str, int], known_words: set[str]
) -> None:
    def every(words: Set[str]) -> dict[str, int]:
        return {w: store_counts.get(w, 0) for w in words}

    asked: list[str] = []

    def ask(words: Set[str]) -> dict[str, int]:
        asked.extend(words)
        return every(words)

    total = 30_000  # a ceiling of 20
    known = every(known_words)
    exact = copies.rare_shared(words_a, words_b, every(words_a | words_b), total)
    stepped = copies.rare_shared_asking(words_a, words_b, known, ask, total)
    assert (stepped >= copies.MIN_RARE_SHARED) == (exact >= copies.MIN_RARE_SHARED)
    assert not set(asked) & known_words and len(asked) == len(set(asked))
    if len(asked) == len((words_a | words_b) - known_words) and asked:
        assert stepped == exact  # asked to the end: the share itself


def test_a_pair_settled_by_its_shared_words_asks_no_other() -> None:
    # Ten shared words, all rare: 12/12 already with any count of the rest.
    shared = {f"s{i}" for i in range(10)}
    words_a, words_b = shared | {"a1"}, shared | {"b1", "b2"}
    asked: list[set[str]] = []

    def ask(words: Set[str]) -> dict[str, int]:
        asked.append(set(words))
        return dict.fromkeys(words, 1)

    share = copies.rare_shared_asking(words_a, words_b, {}, ask, 30_000)
    assert share >= copies.MIN_RARE_SHARED and asked == [shared]
