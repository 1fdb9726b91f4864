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
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from timeline.text.normalize import (
    DROPPED_CODEPOINTS,
    SEARCH_FOLDS,
    fold_other_alphabets,
    search_normalize,
)

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
    """The folded words of a text (search_normalize(), lower case): what copies are
    compared on.  The letters of other alphabets are folded as search folds them (ی is
    ي, ک is ك): a copy retyped on a Persian keyboard differs in most of its words
    otherwise, and no shingle of it would match."""
    return _WORD.findall(search_normalize(text).lower())


def _prefix_sums(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The prefix sums of codes times the powers of _P (a span's hash is the difference
    of two, times the inverse power at its start), and those inverse powers."""
    size = len(codes)
    if size <= _POWERS_KEPT:
        powers, inverses = _POWERS, _INVERSES
    else:
        powers, inverses = _powers(_P, size), _powers(_P_INVERSE, size)
    prefix = np.empty(size + 1, dtype=np.uint64)
    prefix[0] = 0
    np.multiply(codes, powers[:size], out=prefix[1:])
    np.add.accumulate(prefix, out=prefix)
    return prefix, inverses


def _spans(tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The prefix sums of the tokens joined by spaces, the inverse powers to read a span
    with, and where each token starts and ends."""
    codes = np.frombuffer(" ".join(tokens).encode("utf-32-le"), dtype="<u4")
    size = len(codes)
    prefix, inverses = _prefix_sums(codes)
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
    # A long text in parts that overlap by SHINGLE - 1 words: a 12 MB text needs no
    # 12 MB tables.
    return _distinct(_all_shingles(tokens))


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
    return signature_of_shingles(hashes)


def signature_of_shingles(hashes: np.ndarray) -> Signature:
    """The signature of a text's shingle hashes, repeats allowed (text_hashes()): the
    same as of the distinct ones, found with one sort (the mixing below is one to one,
    so distinct shingles stay distinct and a repeat changes no bin's least value)."""
    if not len(hashes):
        return Signature(np.full(NUM_PERM, _MAX_HASH, dtype=np.uint64), 0)
    with np.errstate(over="ignore"):  # wraps modulo 2^64, as it should
        mixed = hashes * np.uint64(_P)
        mixed += _SALT
    mixed = _mix(mixed)
    mixed.sort()
    distinct = 1 + int(np.count_nonzero(mixed[1:] != mixed[:-1]))
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
    return Signature(values, distinct)


# -- A text's word and shingle hashes from its code points, in one pass -------------
#
# What an import signs with (and the verdict's exact shingle sets): words() cut the
# text with a regular expression into a list of strings, which were joined by spaces
# and encoded again to be hashed, twice (the words' hashes and the shingles').  Here
# the text is encoded once; two tables say what words() makes of each code point (its
# fold, or dropped) and whether the folded one is a word character; the words joined
# by single spaces are picked out of the folded code points with one mask, and both
# kinds of hash are read off one prefix sum of them.  The values are those of
# hashes_of_words(words(text)) and of shingle_hashes(words(text)) before repeats are
# dropped (tested on the corpus): no stored signature changes.

_LONG_TEXT = 1 << 20  # characters: a longer text is cut into words and hashed in parts
_BMP = 0x10000
_DROPPED = np.uint32(0xFFFFFFFF)


@functools.cache
def _char_tables() -> tuple[np.ndarray, np.ndarray]:
    """For each code point below U+10000 of a text in NFC and lower case: what
    search_normalize() folds it to (_DROPPED when it drops it), and whether the folded code
    point is a word character (_WORD: letters and digits, no underscore).  Made on
    first use (about 10 ms)."""
    folded = np.arange(_BMP, dtype=np.uint32)
    for variant, target in SEARCH_FOLDS.items():
        folded[ord(variant)] = ord(target)
    is_word = np.fromiter((chr(c).isalnum() for c in folded.tolist()), dtype=bool, count=_BMP)
    dropped = np.fromiter(DROPPED_CODEPOINTS, dtype=np.int64)
    folded[dropped] = _DROPPED
    is_word[dropped] = False
    return folded, is_word


def _looked_up(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each code point folded, and whether it is a word character (_char_tables)."""
    folded_table, word_table = _char_tables()
    if not len(codes) or int(codes.max()) < _BMP:
        return folded_table[codes], word_table[codes]
    # Past the BMP nothing is folded or dropped: ask Python what is a word.
    low = np.minimum(codes, _BMP - 1)
    folded, is_word = folded_table[low], word_table[low]
    high = np.flatnonzero(codes >= _BMP)
    folded[high] = codes[high]
    is_word[high] = [chr(c).isalnum() for c in codes[high].tolist()]
    return folded, is_word


def _word_characters(codes: np.ndarray) -> np.ndarray:
    """Whether each code point of a folded text is a word character (_looked_up's
    second half: the text's code points are their own folds)."""
    word_table = _char_tables()[1]
    if not len(codes) or int(codes.max()) < _BMP:
        return word_table[codes]
    is_word = word_table[np.minimum(codes, _BMP - 1)]
    high = np.flatnonzero(codes >= _BMP)
    is_word[high] = [chr(c).isalnum() for c in codes[high].tolist()]
    return is_word


def _folded_codes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The folded code points of search_normalize(text).lower() and which are word
    characters."""
    lowered = unicodedata.normalize("NFC", text).lower()
    codes = np.frombuffer(lowered.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    folded, is_word = _looked_up(codes)
    if (folded == _DROPPED).any():  # tashkeel, tatweel
        keep = folded != _DROPPED
        folded, is_word = folded[keep], is_word[keep]
    return folded, is_word


def _joined_spans(
    is_word: np.ndarray, folded: np.ndarray, starts: np.ndarray, lengths: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The words joined by single spaces (each word's characters and the one after it,
    not a word character, set to a space, but for the last word) as one prefix sum of
    powers: (prefix, where each word starts and ends in the joined text, the inverse
    powers, every word's 64-bit hash).  A span's hash is (prefix[end] - prefix[start]) *
    inverses[start]; shingles are read off the same sums."""
    count = len(starts)
    taken = is_word.copy()
    taken[(starts + lengths)[:-1]] = True
    joined = np.where(is_word, folded, np.uint32(_SPACE))[taken]
    at = np.empty(count, dtype=np.intp)  # where each word starts in joined
    at[0] = 0
    np.cumsum(lengths[:-1] + 1, out=at[1:])
    prefix, inverses = _prefix_sums(joined)
    ends = at + lengths
    word_spans = prefix[ends] - prefix[at]
    word_spans *= inverses[at]
    return prefix, at, ends, inverses, word_spans


def text_hashes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """hashes_of_words(words(text)), and the 32-bit hash of every run of SHINGLE words
    of words(text) in order, repeats kept (one run of all of them if fewer): what
    shingle_hashes(words(text)) gives before repeats are dropped."""
    if len(text) > _LONG_TEXT:  # a 10 MB article needs no 10 MB tables
        return _long_text_hashes(text, normalized=False)
    folded, is_word = _folded_codes(text)
    edges = np.diff(is_word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    count = len(starts)
    if not count:
        empty = np.zeros(0, dtype=np.uint64)
        return empty, empty
    lengths = np.flatnonzero(edges == -1) - starts
    prefix, at, ends, inverses, word_spans = _joined_spans(is_word, folded, starts, lengths)
    width = min(SHINGLE, count)
    runs = count - width + 1
    shingle_spans = prefix[ends[width - 1 :]] - prefix[at[:runs]]
    shingle_spans *= inverses[at[:runs]]
    return _mix(word_spans), _mix(shingle_spans) >> _SHIFT


def _long_text_hashes(text: str, normalized: bool) -> tuple[np.ndarray, np.ndarray]:
    """hashes_of_words(words(text)) and _all_shingles(words(text)) of a long text, its
    words read a part at a time (normalized: the text is normalize()d already, as
    sign_texts takes it): a 10 MB article's words as one list of strings held some 110
    MB.  Each part's shingles start where the last part's ended (it keeps the last
    SHINGLE - 1 words before it), so the runs and their order are those of the whole."""
    source = text.lower() if normalized else search_normalize(text).lower()
    word_parts: list[np.ndarray] = []
    shingle_parts: list[np.ndarray] = []
    carry: list[str] = []  # the words a run starting in the next part begins with
    for chunk in _parts_words(source):
        if not chunk:
            continue
        word_parts.append(hashes_of_words(chunk))
        window = carry + chunk
        if len(window) >= SHINGLE:
            shingle_parts.append(_all_shingles(window))
            carry = window[len(window) - SHINGLE + 1 :]
        else:
            carry = window
    if not shingle_parts:  # fewer words than a shingle: one run of them all
        shingle_parts.append(_shingles(carry))
    hashes = np.concatenate(word_parts) if word_parts else np.zeros(0, dtype=np.uint64)
    return hashes, np.concatenate(shingle_parts)


_NOT_WORD = re.compile(r"[\W_]")


def _parts_words(source: str) -> Iterator[list[str]]:
    """The words of a text (_WORD's matches) a part of about _CHUNK_WORDS * 64
    characters at a time, each part cut where no word is (one word is never cut)."""
    size = _CHUNK_WORDS * 64
    begin = 0
    while begin < len(source):
        cut = _NOT_WORD.search(source, min(begin + size, len(source)))
        end = len(source) if cut is None else cut.end()
        yield _WORD.findall(source, begin, end)
        begin = end


def _all_shingles(tokens: Sequence[str]) -> np.ndarray:
    """_shingles() of a long text, in parts that overlap by SHINGLE - 1 words."""
    if len(tokens) < _CHUNK_WORDS + SHINGLE:
        return _shingles(tokens)
    last = len(tokens) - SHINGLE + 1  # shingles start before this
    return np.concatenate(
        [
            _shingles(tokens[first : first + _CHUNK_WORDS + SHINGLE - 1])
            for first in range(0, last, _CHUNK_WORDS)
        ]
    )


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted."""
    return _distinct(values)


# -- Signing many texts at once (a worker's batch at import) ------------------------
#
# Signing one text is some forty numpy operations on arrays of a few thousand values:
# the calls cost more than the work.  sign_texts() does the same operations once for
# a batch of texts laid end to end (a newline between two texts, so no word runs from
# one into the next), each word and shingle knowing its text: the shingles of a text
# are its own runs of words, each bin of a signature keeps the least value among its
# text's shingles (one sort of (text, bin, value) keys), and empty bins are filled
# and band keys made for every text together.  The results are those of signing each
# text alone (tested on the corpus).

_BATCH_CHARS = 1 << 16  # characters of the texts signed together (the powers kept)
_TEXT_SHIFT = np.uint64(39)  # a sort key: text (25 bits), bin (7), value (32)
_BIN_OF_KEY = np.uint64(32)


@dataclass(frozen=True)
class Signed:
    """What copy detection makes of a text: its signature, band keys, the sorted
    distinct hashes of its words (hashes_of_words) and of its shingles (shingle_hashes,
    as 32-bit values: what a verdict that reads the exact shingle sets needs, made here
    at no cost where the writer would cut the text again)."""

    signature: Signature
    keys: np.ndarray  # band_keys(signature), signed 64-bit
    word_hashes: np.ndarray
    shingles: np.ndarray

    def __reduce__(self) -> tuple[Callable[..., Signed], tuple[bytes, int, int, int]]:
        """Pickled as one byte string (a worker sends one an article to the writer):
        four arrays pickled each on its own cost the writer more to unpickle than the
        bytes themselves (0.06 -> 0.02 ms an article, dumps and loads)."""
        values = self.signature.values.astype("<u4")
        keys = self.keys.astype("<i8")
        words = self.word_hashes.astype("<u8")
        shingles = self.shingles.astype("<u4")
        blob = b"".join((values.tobytes(), keys.tobytes(), words.tobytes(), shingles.tobytes()))
        return _unpickled_signed, (blob, self.signature.shingles, len(keys), len(words))


def _unpickled_signed(blob: bytes, count: int, keys: int, words: int) -> Signed:
    """A Signed from Signed.__reduce__'s byte string (the arrays are read-only views)."""
    at = NUM_PERM * 4
    values = np.frombuffer(blob, dtype="<u4", count=NUM_PERM).astype(np.uint64)
    band = np.frombuffer(blob, dtype="<i8", count=keys, offset=at)
    at += keys * 8
    hashes = np.frombuffer(blob, dtype="<u8", count=words, offset=at)
    at += words * 8
    shingles = np.frombuffer(blob, dtype="<u4", offset=at)
    return Signed(Signature(values, count), band, hashes, shingles)


def sign_texts(texts: Sequence[str], normalized: bool = False) -> list[Signed]:
    """The signature, band keys and word hashes of each text, in order: those of
    signature(text), band_keys() and word_hashes(words(text)), made for a batch at once.

    normalized: each text is normalize()d already, parts of it at a time or whole (and
    may have had its white space changed: words do not hold any), as an import's worker
    has it from the dedup key (ingest.canonical_parts).  Its NFC is not made again
    (0.04 ms an article) and its code points are not looked up: normalize() of parts
    joined by a newline is the parts' normalize() joined by one (NFC composes nothing
    with a newline nor across one; its other steps are one code point at a time), and
    lower case leaves what normalize() folds to or drops alone; only the letters of
    other alphabets, which the dedup key keeps, are folded here.  The results are the
    same (tested).  Not normalize() again: NFC after the marks are dropped can compose
    what they kept apart, which words() of the text does not."""
    if normalized:
        texts = [fold_other_alphabets(text) for text in texts]
    out: list[Signed] = []
    group: list[str] = []
    chars = 0
    for text in texts:
        if len(text) > _LONG_TEXT:
            out.extend(_sign_group(group, normalized))
            group, chars = [], 0
            word_values, shingle_values = _long_text_hashes(text, normalized)
            shingles = _distinct(shingle_values)
            sig = signature_of_shingles(shingles)
            keys = np.array(band_keys(sig), dtype=np.int64)
            out.append(Signed(sig, keys, _distinct(word_values), shingles.astype(np.uint32)))
            continue
        if group and chars + len(text) > _BATCH_CHARS:
            out.extend(_sign_group(group, normalized))
            group, chars = [], 0
        group.append(text)
        chars += len(text) + 1
    out.extend(_sign_group(group, normalized))
    return out


def _sign_group(texts: Sequence[str], normalized: bool) -> list[Signed]:
    if not texts:
        return []
    if normalized:
        lowered = [text.lower() for text in texts]
    else:
        lowered = [unicodedata.normalize("NFC", text).lower() for text in texts]
    folded, is_word, text_starts = _folded_batch(lowered, normalized)
    count = len(texts)
    edges = np.diff(is_word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    lengths = np.flatnonzero(edges == -1) - starts
    # Each word's text, and each text's first word and number of words.
    text_of_word = np.searchsorted(text_starts, starts, side="right") - 1
    per_text = np.bincount(text_of_word, minlength=count)
    first_word = np.zeros(count + 1, dtype=np.intp)
    np.cumsum(per_text, out=first_word[1:])
    word_values, shingle_values, shingle_text = _batch_hashes(
        folded, is_word, starts, lengths, text_of_word, per_text, first_word
    )
    values, distinct_counts, shingles = _batch_minima(shingle_values, shingle_text, count)
    shingle_bounds = np.zeros(count + 1, dtype=np.intp)
    np.cumsum(distinct_counts, out=shingle_bounds[1:])
    sb = shingle_bounds.tolist()
    keys = _batch_band_keys(values)
    bounds = first_word.tolist()
    out = []
    for t in range(count):
        sig = Signature(values[t], int(distinct_counts[t]))
        held = keys[t] if sig.shingles >= MIN_SHINGLES else keys[t, :0]
        out.append(
            Signed(
                sig,
                held,
                _distinct(word_values[bounds[t] : bounds[t + 1]]),
                shingles[sb[t] : sb[t + 1]],
            )
        )
    return out


def _folded_batch(
    lowered: Sequence[str], normalized: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """_folded_codes() of texts (already in NFC and lower case) laid end to end with a
    newline between two, and where each text begins among the folded code points.
    normalized: the texts are folded already (sign_texts): only their word characters
    are looked up."""
    codes = np.frombuffer("\n".join(lowered).encode("utf-32-le", "surrogatepass"), dtype="<u4")
    text_starts = np.zeros(len(lowered), dtype=np.intp)
    np.cumsum([len(text) + 1 for text in lowered[:-1]], out=text_starts[1:])
    if normalized:
        return codes, _word_characters(codes), text_starts
    folded, is_word = _looked_up(codes)
    dropped = folded == _DROPPED  # tashkeel, tatweel
    if dropped.any():
        keep = ~dropped
        kept_before = np.zeros(len(keep) + 1, dtype=np.intp)  # code points kept before each
        np.cumsum(keep, out=kept_before[1:])
        text_starts = kept_before[text_starts]
        folded, is_word = folded[keep], is_word[keep]
    return folded, is_word, text_starts


def _batch_hashes(
    folded: np.ndarray,
    is_word: np.ndarray,
    starts: np.ndarray,
    lengths: np.ndarray,
    text_of_word: np.ndarray,
    per_text: np.ndarray,
    first_word: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every word's 64-bit hash, every shingle's 32-bit hash and its text's number."""
    count = len(starts)
    if not count:
        empty = np.zeros(0, dtype=np.uint64)
        return empty, empty, np.zeros(0, dtype=np.intp)
    prefix, at, ends, inverses, word_spans = _joined_spans(is_word, folded, starts, lengths)
    # A text's shingles: runs of SHINGLE of its words (all of them if fewer), each
    # starting at one of its words up to the last that leaves a whole run.
    width = np.minimum(per_text, SHINGLE)[text_of_word]
    index = np.arange(count)
    first = index[index - first_word[text_of_word] <= per_text[text_of_word] - width]
    last = first + width[first] - 1
    shingle_spans = prefix[ends[last]] - prefix[at[first]]
    shingle_spans *= inverses[at[first]]
    return _mix(word_spans), _mix(shingle_spans) >> _SHIFT, text_of_word[first]


def _batch_minima(
    shingles: np.ndarray, shingle_text: np.ndarray, count: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each text's NUM_PERM signature values (count x NUM_PERM), its number of distinct
    shingles, and the distinct shingles of all (32-bit), text by text, each sorted."""
    values = np.full((count, NUM_PERM), _MAX_HASH, dtype=np.uint64)
    if not len(shingles):
        return values, np.zeros(count, dtype=np.intp), np.zeros(0, dtype=np.uint32)
    texts = shingle_text.astype(np.uint64)
    # Distinct shingles of each text: (text, shingle) keys, sorted, repeats dropped.
    pairs = _distinct((texts << np.uint64(32)) | shingles)
    distinct_counts = np.bincount((pairs >> np.uint64(32)).astype(np.intp), minlength=count)
    with np.errstate(over="ignore"):  # wraps modulo 2^64, as it should
        mixed = (pairs & _MAX_HASH) * np.uint64(_P)
        mixed += _SALT
    mixed = _mix(mixed)
    # As signature_of_shingles: a bin's value is the value bits of its least mixed
    # hash, the least value bits among the bin's hashes (the bin's bits are alike).
    keys = ((pairs >> np.uint64(32)) << _TEXT_SHIFT) | ((mixed >> _BIN_SHIFT) << _BIN_OF_KEY)
    keys |= (mixed >> _VALUE_SHIFT) & _MAX_HASH
    keys.sort()
    slots = keys >> _BIN_OF_KEY  # text * NUM_PERM + bin
    firsts = np.flatnonzero(np.r_[True, slots[1:] != slots[:-1]])
    where = slots[firsts].astype(np.intp)
    values.reshape(-1)[where] = keys[firsts] & _MAX_HASH  # a view: values is contiguous
    filled_bins = np.zeros(count * NUM_PERM, dtype=bool)
    filled_bins[where] = True
    filled = filled_bins.reshape(count, NUM_PERM)
    some = np.any(filled, axis=1, keepdims=True)
    empty_text, empty_bin = np.nonzero(~filled & some)
    if len(empty_text):
        values[empty_text, empty_bin] = values[
            empty_text, _first_filled(filled, empty_text, empty_bin)
        ]
    return values, distinct_counts, (pairs & _MAX_HASH).astype(np.uint32)


_FIRST_PROBES = 8  # a short text's empty bin finds a filled one within this many mostly


def _first_filled(filled: np.ndarray, text: np.ndarray, empty: np.ndarray) -> np.ndarray:
    """The first filled bin along each empty bin's probes (_probes) in its text's row of
    filled (each text has one).  The first _FIRST_PROBES of each are looked at, then all
    of those not settled by them: a text of 30 shingles leaves some 100 bins empty, and
    looking along all NUM_PERM probes of each was most of what signing it cost."""
    probes = _probes()
    head = probes[empty, :_FIRST_PROBES]
    hit = filled[text[:, None], head]
    found = head[np.arange(len(head)), np.argmax(hit, axis=1)]
    rest = np.flatnonzero(~hit.any(axis=1))
    if len(rest):
        whole = probes[empty[rest]]
        found[rest] = whole[
            np.arange(len(rest)), np.argmax(filled[text[rest, None], whole], axis=1)
        ]
    return found


def _batch_band_keys(values: np.ndarray) -> np.ndarray:
    """band_keys() of each row of signature values, as signed 64-bit (count x BANDS)."""
    rows = values.reshape(len(values), BANDS, ROWS)
    keys = np.broadcast_to(_BAND_SALTS, (len(values), BANDS)).copy()
    with np.errstate(over="ignore"):
        for row in range(ROWS):
            keys ^= rows[:, :, row]
            keys = _mix(keys * np.uint64(_P))
    return keys.view(np.int64)


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


def shares_text(a: Signature, b: Signature) -> bool:
    """Whether two articles of one story share text themselves (the signatures'
    estimates: CHECK_JACCARD of their shingles, or MIN_CONTAINMENT of the shorter one's),
    not only through other copies.

    A story is single link (Clusters): a roundup of two meetings is a copy of each
    meeting's report, which puts both reports in one story though they share no
    sentence.  Kept so (joining an article to one story only, or only where the story's
    first article agrees, split more labelled copies than it kept apart: see
    docs/decisions.md); a reader is told which copies are linked only through others.
    """
    return jaccard(a, b) >= CHECK_JACCARD or containment(a, b) >= MIN_CONTAINMENT


def shares_text_rows(
    a: np.ndarray, a_shingles: np.ndarray, b: np.ndarray, b_shingles: np.ndarray
) -> np.ndarray:
    """shares_text() of signature rows pairwise, in numpy: a and b (count x NUM_PERM
    values, or one row beside many), with their shingle counts."""
    j = np.count_nonzero(a == b, axis=-1) / NUM_PERM
    sa = np.asarray(a_shingles, dtype=np.float64)
    sb = np.asarray(b_shingles, dtype=np.float64)
    common = j * (sa + sb) / (1.0 + j)
    shorter = np.minimum(sa, sb)
    held = (sa > 0) & (sb > 0)
    contained = np.where(held, np.minimum(1.0, common / np.where(held, shorter, 1.0)), 0.0)
    return (j >= CHECK_JACCARD) | (contained >= MIN_CONTAINMENT)


def shown_story_heads(
    begins: np.ndarray,
    sizes: np.ndarray,
    values: np.ndarray,
    shingles: np.ndarray,
    signed: np.ndarray,
) -> np.ndarray:
    """The stories as "each story once" shows them: for rows grouped in clusters (a
    cluster's rows begins[i] .. begins[i] + sizes[i] - 1, earliest first), the row of
    the copy that stands for each row.

    A cluster is single link (shares_text): a roundup of two meetings joins both
    meetings' reports.  Shown once as its earliest copy, the other meeting's reports
    were hidden behind an article they share no text with (349 SaudiNewsNet articles,
    108 stories).  Each copy stands behind the earliest copy of its cluster it shares
    text with, in order, or stands for itself (and the later copies that share text
    with it).  values: each row's signature (count x NUM_PERM), shingles its shingle
    count, signed False for a row without one (taken to share, as linked_through_others
    takes it).  The usual cluster, every copy sharing text with its earliest, costs one
    numpy comparison; only the others are walked a copy at a time.
    """
    count = len(values)
    first = np.repeat(np.asarray(begins, dtype=np.int64), sizes)
    heads = first.copy()
    if not count:
        return heads
    shares = shares_text_rows(values, shingles, values[first], shingles[first])
    shares |= ~signed | ~signed[first]
    apart = np.flatnonzero(~shares)
    for cluster in np.unique(np.searchsorted(begins, apart, side="right") - 1).tolist():
        begin, size = int(begins[cluster]), int(sizes[cluster])
        leaders = [begin]
        for row in range(begin + 1, begin + size):
            if not signed[row]:
                continue  # taken to share with the earliest: heads[row] is begin
            at = np.array(leaders)
            found = np.flatnonzero(
                shares_text_rows(values[at], shingles[at], values[row], shingles[row])
            )
            if len(found):
                heads[row] = leaders[int(found[0])]
            else:
                heads[row] = row
                leaders.append(row)
    return heads


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


def rare_shared_asking(
    words_a: Set[str],
    words_b: Set[str],
    known: Mapping[str, int],
    ask: DocCounts,
    total: int,
) -> float:
    """rare_shared(), asking for as few document counts as the verdict needs.

    known: the counts at hand (any of the words); ask gives the others, asked in two
    steps.  Whatever the unknown words turn out to be, a shared one that is rare raises
    the share and one held by one article only lowers it: so while every unknown word
    could still fall either way, the share lies between the share with the shared
    unknown ones rare and the others common (its upper bound) and the other way round
    (its lower bound).  When both bounds lie on one side of MIN_RARE_SHARED that bound
    is given (all the verdict reads of it is that side); else the shared unknown words
    are asked (fewer) and the bounds looked at again, then the rest.  Exact when asked
    to the end.  (In the import of 4,000 SaudiNewsNet records, 310 of 344 pairs were
    settled before the last step, and the words asked fell by about half.)
    """
    counts = {w: known[w] for w in words_a | words_b if w in known}
    for step in ("shared", "rest"):
        ceiling = rare_ceiling(total)
        rare = {w for w, n in counts.items() if n <= ceiling}
        shared = len(rare & words_a & words_b)
        rare_a, rare_b = len(rare & words_a), len(rare & words_b)
        unknown_shared = (words_a & words_b) - counts.keys()
        only_a = len(words_a - words_b - counts.keys())
        only_b = len(words_b - words_a - counts.keys())
        raised = len(unknown_shared)
        high = (shared + raised + RARE_PRIOR) / (min(rare_a + raised, rare_b + raised) + RARE_PRIOR)
        low = (shared + RARE_PRIOR) / (min(rare_a + only_a, rare_b + only_b) + RARE_PRIOR)
        if low >= MIN_RARE_SHARED:
            return low
        if high < MIN_RARE_SHARED:
            return high
        wanted = unknown_shared if step == "shared" else (words_a | words_b) - counts.keys()
        if wanted:
            counts.update(ask(wanted))
    return rare_shared(words_a, words_b, counts, total)


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
    batch: Sequence[tuple[int, Signature, Sequence[int] | np.ndarray]],
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
    # of the batch holds are followed, found for the whole batch in numpy (a Python
    # loop over each article's BANDS keys was most of the time this took).
    arrays = [np.asarray(keys, dtype=np.int64) for _a, _s, keys in batch]
    every = np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)
    values, counts = np.unique(every, return_counts=True)
    held = values[counts > 1]
    if stored_holders:
        stored_keys = np.fromiter(stored_holders, dtype=np.int64, count=len(stored_holders))
        held = np.union1d(held, stored_keys)
    hits = np.flatnonzero(np.isin(every, held))
    ends = np.cumsum([len(keys) for keys in arrays])
    held_of: list[list[int]] = [[] for _ in batch]
    for owner, key in zip(
        np.searchsorted(ends, hits, side="right").tolist(), every[hits].tolist(), strict=True
    ):
        held_of[owner].append(key)
    in_batch: dict[int, list[int]] = {}
    compared = []
    for (article_id, _sig, _keys), keys_held in zip(batch, held_of, strict=True):
        seen: set[int] = set()
        for key in dict.fromkeys(keys_held):  # in order, once each
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
        compared.append(sorted(seen))
    return copies_of_candidates(batch, compared, signatures, judge, published)


def copies_of_candidates(
    batch: Sequence[tuple[int, Signature, Sequence[int] | np.ndarray]],
    compared: Sequence[Sequence[int]],
    signatures: Mapping[int, Signature],
    judge: Judge | None = None,
    published: Mapping[int, int | None] | None = None,
) -> list[tuple[int, list[int]]]:
    """The copies of each article of a batch among the ids it is compared with
    (ascending: copies_in_batch's or BandIndex.candidates'); an id without a signature
    (deleted) is passed over."""
    out: list[tuple[int, list[int]]] = []
    for (article_id, sig, _keys), others in zip(batch, compared, strict=True):
        if not others:  # most articles
            out.append((article_id, []))
            continue
        candidates = [(other, signatures[other]) for other in others if other in signatures]
        out.append((article_id, copies_among(article_id, sig, candidates, judge, published)))
    return out


# -- An import's own band rows and word counts, in memory ----------------------------
#
# An import into a store that holds no band row (or no article) yet finds every
# candidate among its own articles, and every document count among its own words: the
# writer keeps them here as sorted arrays and answers a batch's 32,000 band probes and
# its pairs' rare words with a few searches, where each was an index probe or a
# full-text query of its own.  What they answer is what the store would (tested).


class BandIndex:
    """(band key, article id) rows in memory, answering as the store's band index does
    (story_store.band_holders).

    Held as sorted runs (each by key, then id), oldest first, every id of a run past
    those of the runs before it; a run is merged into the one before it once that one is
    at most RUN_RATIO times its size, so there are a few runs, and each row is merged a
    few times.  One sorted array, each batch inserted into it, copied every row held at
    every batch, work growing with the square of the rows held: 2.1 s of an import's
    writer by the 4 million it holds at most (library._BANDS_KEPT), 1.2 s now (and the
    largest id was found by reading every row)."""

    RUN_RATIO = 4

    def __init__(self) -> None:
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (keys, ids), oldest first
        self._rows = 0
        self._last_id = -1  # the largest id held (-1: none)

    def __len__(self) -> int:
        return self._rows

    @property
    def keys(self) -> np.ndarray:
        """Every row's key, sorted by key, then id (tests; queries read the runs)."""
        return self._whole()[0]

    @property
    def ids(self) -> np.ndarray:
        """Every row's id, in the order of keys."""
        return self._whole()[1]

    def _whole(self) -> tuple[np.ndarray, np.ndarray]:
        while len(self._runs) > 1:
            self._merge_last()
        if not self._runs:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return self._runs[0]

    def _merge_last(self) -> None:
        """The newest run merged into the one before it (its ids all past that one's: after
        the rows of each key, in one pass)."""
        (old_keys, old_ids), (new_keys, new_ids) = self._runs[-2], self._runs[-1]
        at = np.searchsorted(old_keys, new_keys, side="right")
        self._runs[-2:] = [(np.insert(old_keys, at, new_keys), np.insert(old_ids, at, new_ids))]

    def candidates(
        self, batch: Sequence[tuple[int, Sequence[int] | np.ndarray]], per_key: int = BUCKET_LIMIT
    ) -> list[list[int]] | None:
        """The ids each article of a batch (id, band keys: ascending ids) is compared
        with, ascending: what copies_in_batch compares it with given holders(keys,
        per_key), found for the whole batch in numpy instead of a Python loop over the
        keys held.  None when an id held is not below every id of the batch (the store's
        holders of a key then need not all come before the batch's: ask copies_in_batch).

        Each (article, key) once: the key's first per_key stored holders, and of the
        batch's earlier holders of it as many as per_key leaves (those stored come
        first, their ids being lower).
        """
        if not batch:
            return []
        ids = np.array([a for a, _k in batch], dtype=np.int64)
        if (len(ids) > 1 and bool(np.any(ids[1:] <= ids[:-1]))) or self._last_id >= int(ids[0]):
            return None
        lengths = [len(k) for _a, k in batch]
        keys = np.concatenate([np.asarray(k, dtype=np.int64) for _a, k in batch])
        owner = np.repeat(np.arange(len(batch)), lengths)
        # By key, then article: one quick sort (a lexsort costs three times as much),
        # the few runs of a key held twice put in article order after it.
        order = np.argsort(keys)
        keys, owner = keys[order], owner[order]
        tie = keys[1:] == keys[:-1]
        if tie.any():
            rows = np.zeros(len(keys), dtype=bool)
            rows[1:] |= tie
            rows[:-1] |= tie
            rows = np.flatnonzero(rows)
            owner[rows] = owner[rows[np.lexsort((owner[rows], keys[rows]))]]
        once = np.ones(len(keys), dtype=bool)  # a key twice in one article: once
        once[1:] = (keys[1:] != keys[:-1]) | (owner[1:] != owner[:-1])
        keys, owner = keys[once], owner[once]
        # Sorted, the keys are looked up in one pass a run (five times faster than
        # unsorted); the few found are looked up again for where their rows end.  The
        # runs in the order of their ids: a key's first holders are the oldest runs'.
        stored = np.zeros(len(keys), dtype=np.intp)
        held: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # ids, first row, count
        for run_keys, run_ids in self._runs:
            low = np.searchsorted(run_keys, keys, side="left")
            hit = run_keys[np.minimum(low, len(run_keys) - 1)] == keys
            found = np.flatnonzero(hit & (stored < per_key))
            if not len(found):
                continue
            high = np.searchsorted(run_keys, keys[found], side="right")
            take = np.zeros(len(keys), dtype=np.intp)
            take[found] = np.minimum(high - low[found], per_key - stored[found])
            held.append((run_ids, low, take))
            stored += take
        # The batch's holders of a key are a run of rows, in id order.
        run = np.ones(len(keys), dtype=bool)
        run[1:] = keys[1:] != keys[:-1]
        first = np.flatnonzero(run)
        run_start = np.repeat(first, np.diff(np.r_[first, len(keys)]))
        earlier = np.minimum(np.arange(len(keys)) - run_start, np.maximum(per_key - stored, 0))
        # The pairs are made a few articles at a time, each article's whole: a batch of
        # one wire story 2,000 times over made 6 million pairs at once (411 MB) where
        # 340,000 are distinct.
        pairs = stored + earlier
        by_article = np.argsort(owner, kind="stable")
        ends = np.searchsorted(owner[by_article], np.arange(1, len(batch) + 1))
        # The pairs of articles 0..i (counted in floats by bincount: exact to 2**53).
        made = np.cumsum(np.bincount(owner, weights=pairs, minlength=len(batch)).astype(np.int64))
        compared: list[list[int]] = []
        begin = 0  # the first article of the next slice
        while begin < len(batch):
            before = int(made[begin - 1]) if begin else 0
            bound = np.int64(before + _PAIRS_AT_ONCE)
            end = max(int(made.searchsorted(bound, side="right")), begin + 1)
            rows = by_article[(ends[begin - 1] if begin else 0) : ends[end - 1]]
            compared += _distinct_pairs(
                [(run_ids, low[rows], take[rows]) for run_ids, low, take in held],
                owner[rows],
                ids[owner[_spread(run_start[rows], earlier[rows])]],
                np.repeat(owner[rows], earlier[rows]),
                begin,
                end,
            )
            begin = end
        return compared

    def add(self, rows: Sequence[tuple[int, Sequence[int] | np.ndarray]]) -> None:
        """Add (article id, band keys) rows; a row already held is held once."""
        if not rows:
            return
        keys = np.concatenate([np.asarray(k, dtype=np.int64) for _a, k in rows])
        ids = np.repeat(np.array([a for a, _k in rows], dtype=np.int64), [len(k) for _a, k in rows])
        if not len(ids):
            return
        if self._runs and ids.min() <= self._last_id:
            held_keys, held_ids = self._whole()  # not after every id held: merge whole
            keys = np.concatenate([held_keys, keys])
            ids = np.concatenate([held_ids, ids])
            self._runs, self._rows = [], 0
        order = np.lexsort((ids, keys))
        keys, ids = keys[order], ids[order]
        keep = np.ones(len(keys), dtype=bool)
        keep[1:] = (keys[1:] != keys[:-1]) | (ids[1:] != ids[:-1])
        keys, ids = keys[keep], ids[keep]
        # Every new id is past those held: a run of its own, merged while the one
        # before it is not much larger.
        self._runs.append((keys, ids))
        self._rows += len(keys)
        self._last_id = max(self._last_id, int(ids.max()))
        while len(self._runs) > 1 and len(self._runs[-2][0]) <= self.RUN_RATIO * len(
            self._runs[-1][0]
        ):
            self._merge_last()

    def rows_from(self, first_id: int) -> tuple[np.ndarray, np.ndarray]:
        """The rows of ids first_id and past, (keys, ids) sorted by key, then id: what an
        import added since the article first_id (ids are given in rising order)."""
        keys, ids = self._whole()
        kept = ids >= first_id
        return (keys, ids) if kept.all() else (keys[kept], ids[kept])

    def holders(self, keys: np.ndarray, per_key: int = BUCKET_LIMIT) -> dict[int, list[int]]:
        """The first per_key holders (ascending ids) of each of the keys that has any."""
        wanted = np.unique(np.asarray(keys, dtype=np.int64))
        found: dict[int, list[int]] = {}
        for run_keys, run_ids in self._runs:  # oldest, so lowest ids, first
            low = np.searchsorted(run_keys, wanted, side="left")
            high = np.searchsorted(run_keys, wanted, side="right")
            held = np.flatnonzero(high > low)
            for key, first, end in zip(
                wanted[held].tolist(), low[held].tolist(), high[held].tolist(), strict=True
            ):
                have = found.setdefault(key, [])
                if len(have) < per_key:
                    have += run_ids[first : min(end, first + per_key - len(have))].tolist()
        return {key: found[key] for key in wanted.tolist() if key in found}


# At most about this many (article, candidate) pairs are made at once (BandIndex.candidates).
_PAIRS_AT_ONCE = 1 << 20


def _distinct_pairs(
    held: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
    owner: np.ndarray,
    batch_other: np.ndarray,
    batch_article: np.ndarray,
    first: int,
    end: int,
) -> list[list[int]]:
    """The ascending distinct candidates of articles first..end-1 of a batch, from their
    rows: each held run's (ids, first row, count) a row, and the batch's own pairs."""
    article = np.concatenate([*(np.repeat(owner, take) for _i, _l, take in held), batch_article])
    other = np.concatenate(
        [*(run_ids[_spread(low, take)] for run_ids, low, take in held), batch_other]
    )
    if not len(article):
        return [[] for _ in range(first, end)]
    order = np.lexsort((other, article))
    article, other = article[order], other[order]
    once = np.ones(len(article), dtype=bool)
    once[1:] = (article[1:] != article[:-1]) | (other[1:] != other[:-1])
    article, other = article[once], other[once]
    bounds = np.searchsorted(article, np.arange(first, end + 1)).tolist()
    listed = other.tolist()
    return [listed[bounds[i] : bounds[i + 1]] for i in range(end - first)]


def _spread(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """starts[i], starts[i] + 1, ... counts[i] of each, one after another."""
    total = int(counts.sum())
    ends = np.cumsum(counts)
    return np.repeat(starts - (ends - counts), counts) + np.arange(total)


class WordCounts:
    """How many articles hold each word, by word hash (hashes_of_words), over the
    articles added: each article's distinct word hashes (Signed.word_hashes).

    Held as sorted runs of (hash, count), as BandIndex holds its rows: a batch is a run,
    merged into the run before it (its counts summed) once that one is at most RUN_RATIO
    times its size.  One sorted array with each batch inserted was copied whole at every
    batch: a folder of 5,000 one-article files spent 0.9 s there, growing with the square
    of the files."""

    RUN_RATIO = 4

    def __init__(self) -> None:
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (hashes, counts), oldest first
        self._held = 0

    def __len__(self) -> int:
        """The (hash, count) rows held: each word once a run it is in (a bound on memory)."""
        return self._held

    def add(self, articles: Iterable[np.ndarray]) -> None:
        every = [np.asarray(held, dtype=np.uint64) for held in articles]
        every = [held for held in every if len(held)]
        if not every:
            return
        found, times = np.unique(np.concatenate(every), return_counts=True)
        self._runs.append((found, times.astype(np.int64)))
        self._held += len(found)
        while len(self._runs) > 1 and len(self._runs[-2][0]) <= self.RUN_RATIO * len(
            self._runs[-1][0]
        ):
            (older, older_counts), (newer, newer_counts) = self._runs[-2:]
            hashes = np.concatenate([older, newer])
            counts = np.concatenate([older_counts, newer_counts])
            order = np.argsort(hashes, kind="stable")
            hashes, counts = hashes[order], counts[order]
            starts = np.flatnonzero(np.concatenate(([True], hashes[1:] != hashes[:-1])))
            self._runs[-2:] = [(hashes[starts], np.add.reduceat(counts, starts))]
            self._held -= len(hashes) - len(starts)

    def of(self, hashes: np.ndarray) -> np.ndarray:
        """The count of each hash (0 for one never added)."""
        hashes = np.asarray(hashes, dtype=np.uint64)
        total = np.zeros(len(hashes), dtype=np.int64)
        for held, counts in self._runs:
            at = np.minimum(np.searchsorted(held, hashes), len(held) - 1)
            total += np.where(held[at] == hashes, counts[at], 0)
        return total


def rare_shared_of_hashes(a: np.ndarray, b: np.ndarray, counts: WordCounts, total: int) -> float:
    """rare_shared() of two articles' distinct word hashes, the document counts read
    from counts."""
    return rare_share(rare_hashes(a, counts, total), rare_hashes(b, counts, total))


def rare_hashes(hashes: np.ndarray, counts: WordCounts, total: int) -> np.ndarray:
    """Those of an article's distinct word hashes whose words are rare among total
    articles, the document counts read from counts (one half of rare_shared_of_hashes:
    an article in several pairs of a batch has its rare words found once)."""
    return hashes[counts.of(hashes) <= rare_ceiling(total)]


def rare_share(rare_a: np.ndarray, rare_b: np.ndarray) -> float:
    """rare_shared() of two articles' rare word hashes (rare_hashes)."""
    fewer = min(len(rare_a), len(rare_b))
    shared = len(np.intersect1d(rare_a, rare_b, assume_unique=True))
    return (shared + RARE_PRIOR) / (fewer + RARE_PRIOR)
