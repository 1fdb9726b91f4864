"""Copies: near-duplicate articles found with MinHash over word shingles and LSH bands.

Pure: text in, signatures, band keys and verdicts out.  The store keeps the
signatures (blobs) and the band keys (an indexed table), so an import looks up the
candidates of each new article in the index instead of rescanning the stored text;
clustering a whole collection from scratch (`cluster`) does the same in memory.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from timeline.text.normalize import normalize

NUM_PERM = 128
SEED = 1
SHINGLE = 5  # words per shingle
# LSH: 64 bands of 2 rows make a pair with Jaccard 0.2 a candidate with probability
# 0.93, 0.3 with 0.998: the verdict below accepts pairs down to 0.2 (a trimmed or
# rewritten copy).  32 bands of 4 rows missed 40 of the 155 labelled copies the
# verdict accepts (bench/data/story_pairs.jsonl), 64 of 2 miss one.
BANDS = 64
ROWS = NUM_PERM // BANDS
# A band key shared by more articles than this is a formula (a sign-off, a share
# line), not a story: a new article is compared with its first BUCKET_LIMIT holders.
BUCKET_LIMIT = 100
# The verdict (chosen on the even half of bench/data/story_pairs.jsonl, see
# bench/stories.py): a copy shares at least MIN_JACCARD of its shingles with the other
# article (MinHash estimate).  Below that, from CHECK_JACCARD, the pair is judged on its
# words (exact shingle sets: the estimate's noise at 128 hash functions is about 0.04,
# and several labelled copies the estimate missed sat just under the bar on it and over
# it on their exact sets): a copy shares MIN_JACCARD exactly, or at least
# MIN_CONTAINMENT of the shorter one's shingles (above a floor of LOW_JACCARD) AND
# either MIN_SHARED shingles outright (some 300 words: longer than any formula in the
# labelled pairs) or MIN_RARE_SHARED of the shorter
# one's rare words (names, numbers): agency formulas (a weather report, an execution
# statement, a congratulation cable) share their wording from one day to the next but
# not their names and figures.
MIN_JACCARD = 0.45
CHECK_JACCARD = 0.15
LOW_JACCARD = 0.2
MIN_CONTAINMENT = 0.5
MIN_SHARED = 300
MIN_RARE_SHARED = 0.8
# A short text has few rare words, and one missing one is no evidence: the share is
# counted as if both held RARE_PRIOR more ((shared + 2) / (fewer + 2)).
RARE_PRIOR = 2
# Reprints run within days; a formula returns for weeks.  Articles published more than
# FAR_APART seconds apart are copies only when FAR_JACCARD of their shingles agree.
FAR_APART = 3 * 86400
FAR_JACCARD = 0.5
# Too short to tell a copy from a shared formula (a sign-off, a prayer time list).
MIN_SHINGLES = 20

_WORD = re.compile(r"[^\W_]+")

# Shingle hashes: a polynomial hash of each shingle's text (its words joined by single
# spaces, as UTF-32 code points), h(s) = sum(c_k * P^k) mod 2^64, read off one prefix
# sum of the whole text in a few numpy operations: the hash of the span [i, j) is
# (H[j] - H[i]) * P^-i (P is odd, so it has an inverse modulo 2^64).  No word is hashed
# one at a time in Python.  The 64-bit value goes through splitmix64's finaliser and
# its high 32 bits are kept.  Fixed constants: signatures are stored (a change of
# these needs a migration that re-signs the store, as schema v8 does).
_P = 0x9E3779B97F4A7C15  # odd
_P_INVERSE = pow(_P, -1, 1 << 64)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_SPACE = ord(" ")  # never inside a word (_WORD)
_POWERS_KEPT = 1 << 16  # characters: tables for texts up to this long are kept
_CHUNK_WORDS = 1 << 14  # a long text is hashed this many shingles at a time

# The signature is one-permutation MinHash (Li, Owen and Zhang 2012) with optimal
# densification (Shrivastava 2017): each distinct shingle hash is mixed once to 64
# bits; its top 7 bits pick one of NUM_PERM bins and the next 32 are its value; a bin
# keeps its least value.  An empty bin (a text of few shingles) takes the value of the
# first filled bin along a fixed random sequence of bins of its own, the same for every
# text, so two texts agree on a bin with probability their Jaccard similarity, as
# with NUM_PERM hash functions.  One sort of the shingles instead of NUM_PERM hash
# functions applied to each (an outer product, most of what signing cost at import).
# On the labelled pairs the verdict's precision and recall did not change (see
# docs/decisions.md).  Fixed constants: signatures are stored (schema v9 re-signed).
_BIN_SHIFT = np.uint64(64 - 7)
_VALUE_SHIFT = np.uint64(64 - 7 - 32)
# (NUM_PERM is 2 ** 7: the bins are the top 7 bits.)
_SALT = np.uint64(0x2545F4914F6CDD1D)
_BIN_STARTS = np.arange(NUM_PERM, dtype=np.uint64) << _BIN_SHIFT
_BIN_NUMBERS = np.arange(NUM_PERM, dtype=np.uint64)


@functools.cache
def _probes() -> np.ndarray:
    """Each bin's own order in which to look for a filled bin when it is empty (made on
    first use: 20 ms that the program's start need not pay)."""
    return np.stack(
        [np.random.default_rng([SEED, b]).permutation(NUM_PERM) for b in range(NUM_PERM)]
    )


_SHIFT = np.uint64(32)
_MAX_HASH = np.uint64((1 << 32) - 1)


def _powers(base: int, count: int) -> np.ndarray:
    """base^0 .. base^(count - 1) modulo 2^64."""
    table = np.empty(count, dtype=np.uint64)
    table[0] = 1
    table[1:] = np.uint64(base)
    return np.multiply.accumulate(table, out=table)  # wraps modulo 2^64, as it should


_POWERS = _powers(_P, _POWERS_KEPT)
_INVERSES = _powers(_P_INVERSE, _POWERS_KEPT)


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, in place: every bit of the input moves every bit out."""
    values ^= values >> np.uint64(30)
    values *= _MIX1
    values ^= values >> np.uint64(27)
    values *= _MIX2
    values ^= values >> np.uint64(31)
    return values


def words(text: str) -> list[str]:
    """The folded words of a text (normalize(), lower case): what copies are compared on."""
    return _WORD.findall(normalize(text).lower())


def _spans(tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The prefix sums of the tokens joined by spaces, the inverse powers to read a span
    with, and where each token starts and ends."""
    codes = np.frombuffer(" ".join(tokens).encode("utf-32-le"), dtype="<u4")
    size = len(codes)
    if size <= _POWERS_KEPT:
        powers, inverses = _POWERS, _INVERSES
    else:
        powers, inverses = _powers(_P, size), _powers(_P_INVERSE, size)
    prefix = np.empty(size + 1, dtype=np.uint64)
    prefix[0] = 0
    np.multiply(codes, powers[:size], out=prefix[1:])
    np.add.accumulate(prefix, out=prefix)
    spaces = np.flatnonzero(codes == _SPACE)
    starts = np.empty(len(spaces) + 1, dtype=np.intp)
    starts[0] = 0
    starts[1:] = spaces + 1
    ends = np.empty(len(spaces) + 1, dtype=np.intp)
    ends[:-1] = spaces
    ends[-1] = size
    return prefix, inverses, starts, ends


def _shingles(tokens: Sequence[str]) -> np.ndarray:
    """The 32-bit hashes of every run of SHINGLE words (one run if fewer), repeats kept."""
    prefix, inverses, starts, ends = _spans(tokens)
    width = min(SHINGLE, len(tokens))
    count = len(tokens) - width + 1
    spans = prefix[ends[width - 1 :]] - prefix[starts[:count]]
    spans *= inverses[starts[:count]]
    return _mix(spans) >> _SHIFT


def hashes_of_words(tokens: Sequence[str]) -> np.ndarray:
    """A 64-bit hash of each word, in order (the same for a word in any text and any
    process): what a worker sends the writer of an article's words instead of the
    words (a few bytes, where a list of strings cost more to unpickle than to use)."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    parts = []
    for first in range(0, len(tokens), _CHUNK_WORDS):
        prefix, inverses, starts, ends = _spans(tokens[first : first + _CHUNK_WORDS])
        spans = prefix[ends] - prefix[starts]
        spans *= inverses[starts]
        parts.append(_mix(spans))
    return np.concatenate(parts)


def word_hashes(tokens: Sequence[str]) -> np.ndarray:
    """hashes_of_words() of a text's distinct words, sorted."""
    return _distinct(hashes_of_words(tokens))


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (np.unique's result, at a fraction of its overhead)."""
    values = np.sort(values)
    keep = np.empty(len(values), dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def shingle_hashes(tokens: Sequence[str]) -> np.ndarray:
    """32-bit hashes of the distinct runs of SHINGLE consecutive words (stable across runs)."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    if len(tokens) < _CHUNK_WORDS + SHINGLE:
        return _distinct(_shingles(tokens))
    # In parts that overlap by SHINGLE - 1 words: a 12 MB text needs no 12 MB tables.
    last = len(tokens) - SHINGLE + 1  # shingles start before this
    parts = [
        _shingles(tokens[first : first + _CHUNK_WORDS + SHINGLE - 1])
        for first in range(0, last, _CHUNK_WORDS)
    ]
    return _distinct(np.concatenate(parts))


@dataclass(frozen=True)
class Signature:
    """An article's MinHash signature and how many distinct shingles it was made from."""

    values: np.ndarray  # NUM_PERM unsigned 32-bit minima
    shingles: int

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, blob: bytes, shingles: int) -> Signature:
        return cls(np.frombuffer(blob, dtype="<u4").astype(np.uint64), shingles)


def signature(text: str) -> Signature:
    """The MinHash signature of a text's shingles (NUM_PERM minima)."""
    return signature_of_words(words(text))


def signature_of_words(tokens: Sequence[str]) -> Signature:
    """The signature of a text already cut into words (words())."""
    return signature_of_hashes(shingle_hashes(tokens))


def signature_of_hashes(hashes: np.ndarray) -> Signature:
    """The signature of a text's distinct shingle hashes (shingle_hashes())."""
    if not len(hashes):
        return Signature(np.full(NUM_PERM, _MAX_HASH, dtype=np.uint64), 0)
    with np.errstate(over="ignore"):  # wraps modulo 2^64, as it should
        mixed = hashes * np.uint64(_P)
        mixed += _SALT
    mixed = np.sort(_mix(mixed))
    # Sorted, each bin's first value is its least: one binary search a bin finds it.
    at = np.searchsorted(mixed, _BIN_STARTS)
    first = mixed[np.minimum(at, len(mixed) - 1)]
    filled = (at < len(mixed)) & ((first >> _BIN_SHIFT) == _BIN_NUMBERS)
    values = (first >> _VALUE_SHIFT) & _MAX_HASH
    if not filled.all():
        empty = np.flatnonzero(~filled)
        probes = _probes()[empty]
        found = probes[np.arange(len(empty)), np.argmax(filled[probes], axis=1)]
        values[empty] = values[found]
    return Signature(values, len(hashes))


def article_text(title: str, body: str) -> str:
    """What a copy is judged on: the title and the body."""
    return f"{title}\n{body}"


# One salt a band: equal rows in two different bands give different keys.
_BAND_SALTS = np.random.default_rng(SEED + 1).integers(0, 1 << 63, size=BANDS, dtype=np.uint64)


def band_keys(sig: Signature) -> list[int]:
    """One signed 64-bit key per LSH band (empty for a text too short to judge)."""
    if sig.shingles < MIN_SHINGLES:
        return []
    rows = sig.values.astype(np.uint64).reshape(BANDS, ROWS)
    keys = _BAND_SALTS.copy()
    for row in range(ROWS):
        keys ^= rows[:, row]
        keys = _mix(keys * np.uint64(_P))
    return list(keys.view(np.int64).tolist())


def jaccard(a: Signature, b: Signature) -> float:
    """The estimated Jaccard similarity of two articles' shingle sets."""
    return float(np.count_nonzero(a.values == b.values)) / NUM_PERM


def containment(a: Signature, b: Signature) -> float:
    """The estimated share of the shorter article's shingles found in the other."""
    j = jaccard(a, b)
    if not a.shingles or not b.shingles:
        return 0.0
    common = j * (a.shingles + b.shingles) / (1.0 + j)
    return min(1.0, common / min(a.shingles, b.shingles))


@dataclass(frozen=True)
class Overlap:
    """The exact overlap of two articles' shingle sets."""

    jaccard: float
    containment: float  # of the shorter one
    shared: int  # shingles in common


def overlap(tokens_a: Sequence[str], tokens_b: Sequence[str]) -> Overlap:
    """How much two texts (already cut into words) share, on their exact shingle sets."""
    return overlap_of_hashes(shingle_hashes(tokens_a), shingle_hashes(tokens_b))


def overlap_of_hashes(a: np.ndarray, b: np.ndarray) -> Overlap:
    """overlap() of two texts' distinct shingle hashes (shingle_hashes())."""
    if not len(a) or not len(b):
        return Overlap(0.0, 0.0, 0)
    shared = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - shared
    return Overlap(shared / union, shared / min(len(a), len(b)), shared)


class PairWords(Protocol):
    """What the verdict reads of a pair when the signatures alone cannot tell."""

    def overlap(self) -> Overlap: ...

    def rare_shared(self) -> float: ...


DocCounts = Callable[[Set[str]], Mapping[str, int]]


class WordsOfPair:
    """PairWords of two word lists; document counts are asked for only when needed."""

    def __init__(
        self, tokens_a: Sequence[str], tokens_b: Sequence[str], doc_counts: DocCounts, total: int
    ) -> None:
        self.tokens_a, self.tokens_b = tokens_a, tokens_b
        self.doc_counts, self.total = doc_counts, total

    def overlap(self) -> Overlap:
        return overlap(self.tokens_a, self.tokens_b)

    def rare_shared(self) -> float:
        a, b = set(self.tokens_a), set(self.tokens_b)
        return rare_shared(a, b, self.doc_counts(a | b), self.total)


def far_apart(apart: int | None) -> bool:
    """Whether two publications (seconds apart, None when either is undated) are days apart."""
    return apart is not None and abs(apart) > FAR_APART


def needs_words(a: Signature, b: Signature, apart: int | None = None) -> bool:
    """Whether the verdict on two articles reads their words (see is_copy)."""
    if a.shingles < MIN_SHINGLES or b.shingles < MIN_SHINGLES or far_apart(apart):
        return False
    return CHECK_JACCARD <= jaccard(a, b) < MIN_JACCARD


def rare_ceiling(total: int) -> int:
    """A word held by at most this many of `total` articles is rare (20 up to 30,000)."""
    return max(20, total // 1500)


def rare_shared(
    words_a: Set[str], words_b: Set[str], doc_counts: Mapping[str, int], total: int
) -> float:
    """The share of the rarer-worded article's rare words that the other one holds too
    (with RARE_PRIOR: a text with no rare word at all is no evidence either way)."""
    ceiling = rare_ceiling(total)
    rare_a = {w for w in words_a if doc_counts.get(w, 0) <= ceiling}
    rare_b = {w for w in words_b if doc_counts.get(w, 0) <= ceiling}
    fewer = min(len(rare_a), len(rare_b))
    return (len(rare_a & rare_b) + RARE_PRIOR) / (fewer + RARE_PRIOR)


def is_copy(
    a: Signature, b: Signature, words: PairWords | None = None, apart: int | None = None
) -> bool:
    """Whether two articles are copies of one story (one reprinted, perhaps edited).

    words is asked only when the signatures alone cannot tell (needs_words), and
    without it such a pair is not a copy; apart is the seconds between their
    publications (None when either is undated).
    """
    if a.shingles < MIN_SHINGLES or b.shingles < MIN_SHINGLES:
        return False
    estimate = jaccard(a, b)
    if far_apart(apart):
        return estimate >= FAR_JACCARD
    if estimate >= MIN_JACCARD:
        return True
    if words is None or estimate < CHECK_JACCARD:
        return False
    exact = words.overlap()
    if exact.jaccard >= MIN_JACCARD:
        return True
    if exact.jaccard < LOW_JACCARD or exact.containment < MIN_CONTAINMENT:
        return False
    return exact.shared >= MIN_SHARED or words.rare_shared() >= MIN_RARE_SHARED


class Clusters:
    """Union-find over article ids; a cluster is named by its smallest id."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = (ra, rb) if ra < rb else (rb, ra)
            self.parent[high] = low
            self.parent.setdefault(low, low)

    def groups(self) -> dict[int, list[int]]:
        """Clusters of two or more ids, by their smallest id; ids in order."""
        out: dict[int, list[int]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return {k: sorted(v) for k, v in out.items() if len(v) > 1}


Judge = Callable[[int, int], PairWords]  # the words of two articles, by id


def _apart(published: Mapping[int, int | None] | None, a: int, b: int) -> int | None:
    if published is None:
        return None
    pa, pb = published.get(a), published.get(b)
    return None if pa is None or pb is None else pb - pa


def cluster(
    signatures: Iterable[tuple[int, Signature]],
    judge: Judge | None = None,
    published: Mapping[int, int | None] | None = None,
) -> dict[int, list[int]]:
    """Clusters of copies among (id, signature) pairs, from scratch, in memory.

    published gives each article's publication (axis seconds) when known.
    """
    buckets: dict[int, list[int]] = {}
    sigs: dict[int, Signature] = {}
    found = Clusters()
    for article_id, sig in signatures:
        sigs[article_id] = sig
        seen: set[int] = set()
        for key in band_keys(sig):
            bucket = buckets.setdefault(key, [])
            for other in bucket[:BUCKET_LIMIT]:
                if other not in seen:
                    seen.add(other)
                    if found.find(other) != found.find(article_id) and is_copy(
                        sig,
                        sigs[other],
                        None if judge is None else _Deferred(judge, article_id, other),
                        _apart(published, article_id, other),
                    ):
                        found.union(article_id, other)
            bucket.append(article_id)
    return found.groups()


class _Deferred:
    """PairWords read only if the verdict asks (most pairs are decided by signatures)."""

    def __init__(self, judge: Judge, a: int, b: int) -> None:
        self.judge, self.a, self.b = judge, a, b
        self.words: PairWords | None = None

    def _words(self) -> PairWords:
        if self.words is None:
            self.words = self.judge(self.a, self.b)
        return self.words

    def overlap(self) -> Overlap:
        return self._words().overlap()

    def rare_shared(self) -> float:
        return self._words().rare_shared()


def copies_among(
    article_id: int,
    sig: Signature,
    candidates: Sequence[tuple[int, Signature]],
    judge: Judge | None = None,
    published: Mapping[int, int | None] | None = None,
) -> list[int]:
    """The ids of the candidates that are copies of the article with this signature."""
    return [
        other
        for other, theirs in candidates
        if is_copy(
            sig,
            theirs,
            None if judge is None else _Deferred(judge, article_id, other),
            _apart(published, article_id, other),
        )
    ]


def copies_in_batch(
    batch: Sequence[tuple[int, Signature, Sequence[int]]],
    stored_holders: Mapping[int, Sequence[int]],
    signatures: Mapping[int, Signature],
    judge: Judge | None = None,
    published: Mapping[int, int | None] | None = None,
) -> list[tuple[int, list[int]]]:
    """The copies of each article of a batch, as if they were signed one after another.

    batch: (id, signature, band_keys(signature)) in the order they are signed.
    stored_holders: each band key's first BUCKET_LIMIT holders among the articles
    signed before the batch, ascending ids; signatures: theirs and the batch's.  An
    article is compared with the first BUCKET_LIMIT holders of each of its keys among
    the stored articles and the batch's earlier ones, which is what signing the batch
    one article at a time finds; a holder without a signature (deleted) is passed over.
    """
    # Most keys are held by no other article: only those a stored article or another
    # of the batch holds are followed (a set intersection an article instead of a
    # Python loop over its BANDS keys, most of the time this took).
    every = np.fromiter(
        itertools.chain.from_iterable(keys for _a, _s, keys in batch), dtype=np.int64
    )
    values, counts = np.unique(every, return_counts=True)
    held = set(values[counts > 1].tolist())
    held.update(stored_holders)
    in_batch: dict[int, list[int]] = {}
    out = []
    for article_id, sig, keys in batch:
        seen: set[int] = set()
        for key in held.intersection(keys):
            earlier = in_batch.get(key)
            stored = stored_holders.get(key)
            if earlier is None:
                in_batch[key] = [article_id]
                if stored is not None:  # ascending, at most BUCKET_LIMIT
                    seen.update(stored[:BUCKET_LIMIT])
                continue  # most keys: held by no other article
            holders = heapq.merge(stored, earlier) if stored is not None else iter(earlier)
            seen.update(itertools.islice(holders, BUCKET_LIMIT))
            earlier.append(article_id)
        seen.discard(article_id)
        candidates = [(other, signatures[other]) for other in sorted(seen) if other in signatures]
        out.append((article_id, copies_among(article_id, sig, candidates, judge, published)))
    return out
