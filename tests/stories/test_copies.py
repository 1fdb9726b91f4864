"""Copies: signatures, the verdict, band keys and clustering (pure)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.stories.texts import AGENCY, COPY, SAME_TOPIC
from timeline import stories
from timeline.ingest import dedup
from timeline.model import ArticleDraft
from timeline.stories import copies
from timeline.stories.copies import (
    BANDS,
    MIN_SHINGLES,
    NUM_PERM,
    SHINGLE,
    Signature,
    containment,
    jaccard,
    shingle_hashes,
)


def test_an_edited_copy_is_a_copy_and_a_story_on_the_same_topic_is_not() -> None:
    agency, copy, other = (stories.signature(t) for t in (AGENCY, COPY, SAME_TOPIC))
    assert stories.is_copy(agency, copy)
    assert stories.is_copy(copy, agency)
    assert not stories.is_copy(agency, other)
    assert jaccard(agency, other) < 0.1


def test_spelling_variants_and_tashkeel_do_not_change_the_signature() -> None:
    varied = AGENCY.replace("أعلنت", "اعلنت").replace("مدينة", "مَدِينَة").replace("ة ", "ه ")
    assert varied != AGENCY
    assert jaccard(stories.signature(varied), stories.signature(AGENCY)) == 1.0


def persian_keyboard(text: str) -> str:
    """text as typed on a keyboard set for Persian: its ي and ى are ی, its ك is ک."""
    return text.replace("ي", "ی").replace("ى", "ی").replace("ك", "ک")


def test_a_copy_retyped_on_a_persian_keyboard_has_the_same_signature() -> None:
    retyped = persian_keyboard(AGENCY)
    assert sum(w != v for w, v in zip(retyped.split(), AGENCY.split(), strict=True)) > 30
    assert stories.words(retyped) == stories.words(AGENCY)
    assert jaccard(stories.signature(retyped), stories.signature(AGENCY)) == 1.0
    # The import signs the dedup key's text, which keeps those letters (it is normalize()d
    # only): signed as already normalized, it is signed alike.
    _source, _title, key_text = dedup.canonical_parts(ArticleDraft(title="", body=retyped))
    assert "ی" in key_text
    (from_key,) = stories.sign_texts([key_text], normalized=True)
    (whole,) = stories.sign_texts([AGENCY])
    assert from_key.signature.values.tolist() == whole.signature.values.tolist()
    assert from_key.word_hashes.tolist() == whole.word_hashes.tolist()


def test_a_signature_survives_the_store_and_gives_the_same_band_keys() -> None:
    sig = stories.signature(AGENCY)
    blob = sig.to_bytes()
    assert len(blob) == NUM_PERM * 4
    again = Signature.from_bytes(blob, sig.shingles)
    assert jaccard(sig, again) == 1.0
    assert stories.band_keys(again) == stories.band_keys(sig)
    assert len(set(stories.band_keys(sig))) == BANDS


def test_copies_share_a_band_key_and_a_different_story_does_not() -> None:
    agency, copy, other = (stories.signature(t) for t in (AGENCY, COPY, SAME_TOPIC))
    assert set(stories.band_keys(agency)) & set(stories.band_keys(copy))
    assert not set(stories.band_keys(agency)) & set(stories.band_keys(other))


def test_a_text_too_short_to_judge_has_no_band_and_no_copy() -> None:
    short = stories.signature("خادم الحرمين الشريفين يهنئ")
    assert short.shingles < MIN_SHINGLES
    assert stories.band_keys(short) == []
    assert not stories.is_copy(short, short)


def test_a_trimmed_copy_is_contained_in_the_longer_one() -> None:
    half = " ".join(AGENCY.split()[:45])
    full, cut = stories.signature(AGENCY), stories.signature(half)
    assert containment(full, cut) > 0.8
    assert jaccard(full, cut) < 0.9


def test_cluster_joins_copies_transitively_and_names_a_cluster_by_its_smallest_id() -> None:
    trimmed = " ".join(COPY.split()[:-3])
    sigs = [
        (7, stories.signature(COPY)),
        (3, stories.signature(AGENCY)),
        (9, stories.signature(SAME_TOPIC)),
        (12, stories.signature(trimmed)),
    ]
    assert stories.cluster(sigs) == {3: [3, 7, 12]}


def test_copies_among_names_the_copies() -> None:
    sig = stories.signature(COPY)
    candidates = [(1, stories.signature(AGENCY)), (2, stories.signature(SAME_TOPIC))]
    assert stories.copies_among(5, sig, candidates) == [1]


def test_a_texts_shingle_hashes_are_those_of_its_runs_of_words_wherever_they_stand() -> None:
    tokens = stories.words(AGENCY + " " + COPY)
    runs = {tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
    hashes = shingle_hashes(tokens)
    assert len(hashes) == len(runs)  # distinct runs, distinct hashes
    each = {int(shingle_hashes(list(run))[0]) for run in runs}
    assert set(hashes.tolist()) == each
    assert shingle_hashes(tokens[:3]).tolist() != shingle_hashes(tokens[1:4]).tolist()


def test_a_long_text_hashed_in_parts_gives_the_hashes_of_it_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tokens = stories.words(AGENCY + " " + SAME_TOPIC + " " + COPY)
    whole = shingle_hashes(tokens)
    monkeypatch.setattr(copies, "_CHUNK_WORDS", 7)
    assert shingle_hashes(tokens).tolist() == whole.tolist()
    monkeypatch.setattr(copies, "_POWERS_KEPT", 10)  # tables made for each text
    assert shingle_hashes(tokens).tolist() == whole.tolist()


@pytest.mark.parametrize("text", ["", "؟!", "كلمة", "a b", "و " * 7, AGENCY + " " + COPY])
def test_a_long_texts_words_read_in_parts_hash_as_the_whole_list(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    tokens = stories.words(text)
    whole = (copies.hashes_of_words(tokens).tolist(), copies._all_shingles(tokens).tolist())
    for part in (1, 3, 7, 1 << 14):  # each part a word, fewer than a shingle, ...
        monkeypatch.setattr(copies, "_CHUNK_WORDS", part)
        hashes, shingles = copies._long_text_hashes(text, normalized=False)
        assert (hashes.tolist(), shingles.tolist()) == whole


def test_a_batch_compares_each_article_with_the_first_holders_of_its_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A key held by more than BUCKET_LIMIT articles is a formula: an article is compared
    # with its first holders only, the stored ones and the batch's earlier ones together.
    monkeypatch.setattr(copies, "BUCKET_LIMIT", 2)
    sig = stories.signature(AGENCY)
    signatures = {i: sig for i in (5, 7, 10, 12)}
    batch = [(7, sig, [42]), (12, sig, [42])]
    found = stories.copies_in_batch(batch, {42: [5, 10]}, signatures)
    assert found == [(7, [5, 10]), (12, [5, 7])]  # 12: first two of 5, 7, 10


def test_a_batch_finds_what_signing_one_article_at_a_time_finds() -> None:
    texts = [AGENCY, SAME_TOPIC, COPY, " ".join(COPY.split()[:-3]), AGENCY]
    sigs = [(i, stories.signature(t)) for i, t in enumerate(texts, start=1)]
    batch = [(i, sig, stories.band_keys(sig)) for i, sig in sigs]
    # One at a time: each article against the ones signed before it.
    one_by_one = []
    holders: dict[int, list[int]] = {}
    for i, sig, keys in batch:
        seen = {other for key in keys for other in holders.get(key, [])}
        candidates = [(other, dict(sigs)[other]) for other in sorted(seen)]
        one_by_one.append((i, stories.copies_among(i, sig, candidates)))
        for key in keys:
            holders.setdefault(key, []).append(i)
    assert stories.copies_in_batch(batch, {}, dict(sigs)) == one_by_one
    assert one_by_one[2] == (3, [1]) and one_by_one[4] == (5, [1, 3, 4])
    # Split between the store and a batch: the same again.
    stored = {key: ids for key, ids in holders.items()}
    for key in stored:
        stored[key] = [i for i in stored[key] if i <= 2]
    assert stories.copies_in_batch(batch[2:], stored, dict(sigs)) == one_by_one[2:]
    # Keys as the workers send them (arrays): the same.
    arrays = [(i, sig, np.array(keys, dtype=np.int64)) for i, sig, keys in batch]
    assert stories.copies_in_batch(arrays, {}, dict(sigs)) == one_by_one
    assert stories.copies_in_batch(arrays[2:], stored, dict(sigs)) == one_by_one[2:]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 12), max_size=8), min_size=1, max_size=12),
    st.integers(1, 6),
    st.integers(1, 5),
    st.integers(1, 3),
    st.sampled_from([1, 3, 8, 1 << 20]),
)
def test_the_band_index_finds_the_candidates_copies_in_batch_follows(
    held: list[list[int]], split: int, per_key: int, chunk: int, at_once: int
) -> None:
    # Articles 1..n hold these keys (few, so that they are shared, some past per_key,
    # some twice in one article); the first `split` are in the index, the rest a batch.
    # Every pair is a copy (one signature), so the verdicts are the candidates.  The
    # pairs made a few articles at a time (at_once pairs) or all at once.
    sig = stories.signature(AGENCY)
    rows = [(i, keys) for i, keys in enumerate(held, start=1)]
    stored, batch = rows[:split], rows[split:]
    index = copies.BandIndex()
    for first in range(0, len(stored), chunk):  # added a few at a time: runs, some merged
        index.add(stored[first : first + chunk])
    signatures = {i: sig for i, _keys in rows}
    # The holders of every key, as a plain reading of the rows gives them.
    plain: dict[int, list[int]] = {}
    for i, keys in stored:
        for key in sorted(set(keys)):
            plain.setdefault(key, []).append(i)
    every_key = np.arange(-1, 14, dtype=np.int64)
    assert index.holders(every_key, per_key) == {k: v[:per_key] for k, v in sorted(plain.items())}
    assert len(index) == sum(len(v) for v in plain.values())
    made_at_once = copies._PAIRS_AT_ONCE
    copies._PAIRS_AT_ONCE = at_once
    try:
        compared = index.candidates(batch, per_key)
    finally:
        copies._PAIRS_AT_ONCE = made_at_once
    assert compared is not None
    old = copies.BUCKET_LIMIT
    copies.BUCKET_LIMIT = per_key
    try:
        every = np.array([k for _i, keys in batch for k in keys], dtype=np.int64)
        expected = stories.copies_in_batch(
            [(i, sig, keys) for i, keys in batch], index.holders(every, per_key), signatures
        )
    finally:
        copies.BUCKET_LIMIT = old
    assert [(i, found) for (i, _keys), found in zip(batch, compared, strict=True)] == expected


def test_the_band_index_holds_few_runs_however_many_batches() -> None:
    """Each batch was inserted into one array holding every row, copying them all: an
    import's band rows cost the square of the rows held."""
    index = copies.BandIndex()
    for article in range(1, 2001):
        index.add([(article, [article % 7, 100 + article % 13])])
    assert len(index._runs) <= 12  # each batch a run, merged a few times
    assert index.holders(np.array([3, 105]), per_key=4) == {
        3: [3, 10, 17, 24],
        105: [5, 18, 31, 44],
    }
    assert len(index) == 4000


def test_the_band_index_leaves_a_batch_before_its_ids_to_copies_in_batch() -> None:
    index = copies.BandIndex()
    index.add([(5, [1, 2]), (9, [2])])
    assert index.candidates([(7, [2])]) is None  # 9 is held: not every holder comes first
    assert index.candidates([(12, [2]), (11, [2])]) is None  # not in id order
    assert index.candidates([(10, [2, 3]), (11, [3, 4])]) == [[5, 9], [10]]


def test_a_word_hashes_alike_alone_and_in_any_text(corpus: Path) -> None:
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    tokens = [w for line in lines[:40] for w in copies.words(line)]
    # Past the chunk a long text is hashed in: the same word, the same hash.
    long = tokens * (copies._CHUNK_WORDS // len(tokens) + 2)
    by_word: dict[str, int] = {}
    for word, key in zip(long, copies.hashes_of_words(long).tolist(), strict=True):
        assert by_word.setdefault(word, key) == key
    alone = {w: int(copies.hashes_of_words([w])[0]) for w in list(by_word)[:200]}
    assert all(by_word[w] == key for w, key in alone.items())
    assert len(set(by_word.values())) == len(by_word) > 1000  # no two words alike
    assert copies.word_hashes(long).tolist() == sorted(set(by_word.values()))


# Texts that test what words() makes of a text: tashkeel and tatweel inside words,
# Arabic-Indic digits, underscores, a final sigma, a letter that lowers to two, letters
# and symbols past the BMP, a lone surrogate, nothing at all.
ODD_TEXTS = [
    "",
    "   \n",
    "كلمة",
    "مُحَمَّد ـــ الرياض ٢٠١٥ ۱۲ foo_bar ΟΔΟΣ ΟΔΟΣ İstanbul",
    "𝐀𝐁𝐂 \U0001f600 𐌰𐌱 نص \ud800 آخر",
    "\u064b\u064c\u0640",
    "ایران پاکستان ڤيينا ھذا کتاب",
    AGENCY,
]


def _alone(text: str) -> tuple[list[int], int, list[int], list[int], list[int]]:
    tokens = stories.words(text)
    sig = stories.signature_of_words(tokens)
    return (
        sig.values.tolist(),
        sig.shingles,
        stories.band_keys(sig),
        copies.word_hashes(tokens).tolist(),
        shingle_hashes(tokens).tolist(),
    )


def _together(signed: copies.Signed) -> tuple[list[int], int, list[int], list[int], list[int]]:
    return (
        signed.signature.values.tolist(),
        signed.signature.shingles,
        signed.keys.tolist(),
        signed.word_hashes.tolist(),
        signed.shingles.tolist(),
    )


def _corpus_texts(corpus: Path, count: int) -> list[str]:
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    return [copies.article_text(r["title"], r["body"]) for r in map(json.loads, lines[:count])]


def test_texts_signed_together_are_signed_as_each_alone(corpus: Path) -> None:
    texts = [*ODD_TEXTS, *_corpus_texts(corpus, 60), *ODD_TEXTS]
    expected = [_alone(text) for text in texts]
    assert [_together(s) for s in stories.sign_texts(texts)] == expected
    for text, (_v, _n, _k, words, shingles) in zip(texts, expected, strict=True):
        word_values, every = stories.text_hashes(text)
        assert word_values.tolist() == copies.hashes_of_words(stories.words(text)).tolist()
        assert copies.distinct(every).tolist() == shingles
        assert sorted(set(word_values.tolist())) == words


def test_texts_signed_in_small_groups_and_long_texts_alone_sign_alike(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [*ODD_TEXTS, *_corpus_texts(corpus, 20)]
    expected = [_alone(text) for text in texts]
    monkeypatch.setattr(copies, "_BATCH_CHARS", 3000)  # groups of one or two articles
    monkeypatch.setattr(copies, "_POWERS_KEPT", 1000)  # tables made for a group
    assert [_together(s) for s in stories.sign_texts(texts)] == expected
    monkeypatch.setattr(copies, "_LONG_TEXT", 1500)  # cut into words, hashed in parts
    monkeypatch.setattr(copies, "_CHUNK_WORDS", 50)
    assert [_together(s) for s in stories.sign_texts(texts)] == expected
    assert [
        (s.word_hashes.tolist(), s.shingles.tolist())
        for text in texts
        for s in [stories.sign_texts([text])[0]]
    ] == [(words, shingles) for _v, _n, _k, words, shingles in expected]


def test_a_signed_text_pickles_whole(corpus: Path) -> None:
    # As a worker sends it to the writer: one byte string, the same arrays back.
    texts = ["", "قصير", *_corpus_texts(corpus, 5)]
    signed = stories.sign_texts(texts)
    back = pickle.loads(pickle.dumps(signed))
    assert [_together(s) for s in back] == [_together(s) for s in signed]
    for before, after in zip(signed, back, strict=True):
        for name in ("keys", "word_hashes", "shingles"):
            assert getattr(after, name).dtype == getattr(before, name).dtype
        assert after.signature.values.dtype == before.signature.values.dtype


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(
                "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىةؤئ \u064b\u064e\u0650\u0651\u0640"
                "٠١٢٣0123 _-.\nabcΣσςİ\U0001d400\U0001f600"
            ),
            max_size=60,
        ),
        max_size=6,
    )
)
def test_any_texts_signed_together_sign_as_each_alone(texts: list[str]) -> None:
    assert [_together(s) for s in stories.sign_texts(texts)] == [_alone(t) for t in texts]


def _canonical(title: str, body: str) -> str:
    # As an import's worker has an article's text: its dedup key's parts (normalize()
    # of the title and of the body, each run of white space one space, stripped).
    return copies.article_text(dedup._canonical(title), dedup._canonical(body))


def test_texts_normalized_already_sign_as_their_raw_texts(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = (corpus / "saudinewsnet" / "sample.jsonl").read_text(encoding="utf-8").splitlines()
    pairs = [(r["title"], r["body"]) for r in map(json.loads, lines[:60])]
    pairs += [(text, text) for text in ODD_TEXTS if "\ud800" not in text]
    # Dropped between a letter and a mark NFC would compose with it: not composed.
    pairs += [("e\u0640\u0301 ا\u0651\u0654", "ΟΔΟΣ\u0640 ا\u064e\u0653\n\tب")]
    expected = [_together(s) for s in stories.sign_texts([copies.article_text(*p) for p in pairs])]
    normalized = [_canonical(*p) for p in pairs]
    assert [_together(s) for s in stories.sign_texts(normalized, normalized=True)] == expected
    monkeypatch.setattr(copies, "_LONG_TEXT", 1500)  # cut into words, hashed in parts
    assert [_together(s) for s in stories.sign_texts(normalized, normalized=True)] == expected


# Marks that NFC composes with the letter before them (alef and hamza above or madda,
# e and an acute accent), and the tashkeel and tatweel that normalize() drops between
# them: dropped after NFC they leave a pair that a second NFC would compose.
_PARTS = st.text(
    alphabet=st.sampled_from(
        "ابتيهوةىأإآ e\u0654\u0653\u0655\u0301\u064e\u0651\u0640٣0_.\t\n\u00a0\u2003ΣσİA"
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_PARTS, _PARTS), max_size=5))
def test_any_texts_normalized_already_sign_as_their_raw_texts(
    pairs: list[tuple[str, str]],
) -> None:
    raw = [copies.article_text(title, body) for title, body in pairs]
    normalized = [_canonical(title, body) for title, body in pairs]
    assert [_together(s) for s in stories.sign_texts(normalized, normalized=True)] == [
        _alone(text) for text in raw
    ]


def test_a_roundup_shares_text_with_each_story_it_runs_and_they_with_each_other_none() -> None:
    from timeline.stories.copies import shares_text, signature

    festival, olive = signature(AGENCY), signature(SAME_TOPIC)
    roundup = signature(f"{AGENCY}\n{SAME_TOPIC}")
    assert shares_text(festival, roundup) and shares_text(roundup, festival)
    assert shares_text(olive, roundup)  # its whole text is in the roundup (containment)
    assert not shares_text(festival, olive)
    assert shares_text(festival, signature(COPY))


def test_shares_text_of_rows_is_shares_text_pair_by_pair() -> None:
    rng = np.random.default_rng(7)
    count = 400
    a = rng.integers(0, 6, size=(count, copies.NUM_PERM), dtype=np.uint32)
    b = np.where(
        rng.random((count, copies.NUM_PERM)) < rng.random((count, 1)),
        a,
        rng.integers(0, 6, size=(count, copies.NUM_PERM), dtype=np.uint32),
    )
    sa = rng.integers(0, 400, size=count)
    sb = rng.integers(0, 400, size=count)
    sa[:10] = 0  # no shingles: containment 0, as shares_text reads it
    got = copies.shares_text_rows(a, sa, b, sb)
    want = [
        copies.shares_text(
            copies.Signature(a[i].astype(np.uint64), int(sa[i])),
            copies.Signature(b[i].astype(np.uint64), int(sb[i])),
        )
        for i in range(count)
    ]
    assert got.tolist() == want
    assert 0 < sum(want) < count  # both answers were met


def test_a_roundups_cluster_is_shown_as_one_story_per_meeting() -> None:
    texts = {
        "festival": AGENCY,
        "olive": SAME_TOPIC,
        "digest": f"{AGENCY}\n{SAME_TOPIC}",
        "olive copy": "سكاكا - واس: " + SAME_TOPIC,
        "festival copy": COPY,
    }
    # Two clusters of rows, each earliest first: the roundup's, and a story of one.
    names = ["festival", "olive", "digest", "olive copy", "festival copy", "olive"]
    signed = [copies.signature(texts[name]) for name in names]
    values = np.array([s.values for s in signed], dtype=np.uint32)
    shingles = np.array([s.shingles for s in signed])
    has = np.ones(len(names), dtype=bool)
    begins, sizes = np.array([0, 5]), np.array([5, 1])
    heads = copies.shown_story_heads(begins, sizes, values, shingles, has)
    assert heads.tolist() == [0, 1, 0, 1, 0, 5]
    # A copy without a signature is taken to share with the earliest.
    has[3] = False
    assert copies.shown_story_heads(begins, sizes, values, shingles, has).tolist() == [
        0,
        1,
        0,
        0,
        0,
        5,
    ]
    # Without its earliest's signature the cluster is one story, as before.
    has[:] = True
    has[0] = False
    assert copies.shown_story_heads(begins, sizes, values, shingles, has).tolist() == [0] * 5 + [5]
