"""The FTS5 index's terms read from its leaf pages (timeline/store/index_terms.py) are
the vocabulary's, and the search falls back to the vocabulary where they cannot be read."""

from __future__ import annotations

import random
import sqlite3

import pytest

from timeline.model import ArticleDraft
from timeline.store import Store
from timeline.store import search as search_module
from timeline.store.index_terms import page_terms, segments, terms_between
from timeline.store.search import word_forms

SCHEMA = (
    "CREATE VIRTUAL TABLE article_fts USING fts5(body, title, lead, content='',"
    " tokenize='unicode61 remove_diacritics 2')"
)
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def vocabulary(conn: sqlite3.Connection, low: str, high: str) -> list[str]:
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, article_fts, 'row')"
    )
    return [
        t
        for (t,) in conn.execute(
            "SELECT term FROM temp.v WHERE term >= ? AND term < ?", [low, high]
        )
    ]


@pytest.fixture(scope="module")
def index() -> sqlite3.Connection:
    """Several segments (a commit each), some in the middle of a merge, words of every
    length, and a word in every row, whose list of rows spans many pages without a term."""
    conn = sqlite3.connect(":memory:")
    conn.execute(SCHEMA)
    rng = random.Random(5)
    rowid = 0
    for batch in (4000, *[150] * 10):  # a first segment long enough for termless pages
        for _ in range(batch):
            rowid += 1
            words = ["الذي", "في"] + [
                "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 7))) for _ in range(20)
            ]
            conn.execute(
                "INSERT INTO article_fts(rowid, body, title, lead) VALUES (?, ?, ?, ?)",
                [rowid, " ".join(words), rng.choice(words), f"ال{rowid % 7} {rowid}"],
            )
        conn.commit()
    return conn


def test_the_index_has_several_segments_and_pages_without_terms(index: sqlite3.Connection) -> None:
    # What the comparisons below need to mean something.
    found = segments(
        bytes(index.execute("SELECT block FROM article_fts_data WHERE id = 10").fetchone()[0])
    )
    assert found is not None and len(found) > 1
    # and segments in the middle of a merge, whose first pages went into another one
    assert any(first > 1 for _, first, _ in found)
    pages = [bytes(b) for (b,) in index.execute("SELECT block FROM article_fts_data WHERE id > 10")]
    assert any(not page_terms(p) for p in pages) and any(len(page_terms(p)) > 10 for p in pages)


@pytest.mark.parametrize(
    "prefix", ["", "ال", "الذ", "الذي", "ا", "ب", "ي", "في", "1", "9", "z", "بت", "ثث", "ييي"]
)
def test_the_terms_of_a_range_are_the_vocabularys(index: sqlite3.Connection, prefix: str) -> None:
    low, high = prefix, prefix + "\U0010ffff"
    assert terms_between(index, "article_fts", low, high) == vocabulary(index, low, high)


def test_ranges_between_any_two_terms_are_the_vocabularys(index: sqlite3.Connection) -> None:
    every = vocabulary(index, "", "\U0010ffff")
    rng = random.Random(9)
    for _ in range(20):
        low, high = sorted(rng.sample(every, 2))
        expected = [t for t in every if low <= t < high]  # the vocabulary's, read once
        assert terms_between(index, "article_fts", low, high) == expected


def test_a_term_left_only_in_deleted_rows_stays_on_the_pages() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute(SCHEMA)
    for rowid, body in ((1, "alpha beta"), (2, "alpha gamma")):
        conn.execute(
            "INSERT INTO article_fts(rowid, body, title, lead) VALUES (?, ?, '', '')", [rowid, body]
        )
    conn.commit()
    conn.execute(
        "INSERT INTO article_fts(article_fts, rowid, body, title, lead) VALUES ('delete', 2, 'alpha gamma', '', '')"
    )
    conn.commit()
    # Until FTS5 merges the segments: the callers check each term they keep.
    assert terms_between(conn, "article_fts", "a", "z") == ["alpha", "beta", "gamma"]
    assert vocabulary(conn, "a", "z") == ["alpha", "beta"]


@pytest.mark.parametrize(
    "structure",
    [
        b"",
        b"\x00\x00\x00\x00",
        b"\x00\x00\x00\x00\xff\x00\x00\x01\x01\x01\x00\x00\x01\x01\x01\x02",  # V2 header
        b"\x00\x00\x00\x00\x01\x02\x00\x00\x01\x01\x01\x02",  # says two segments, holds one
        b"\x00\x00\x00\x00\x01\x01\x00\x00\x01\x01\x01\x02\x07",  # bytes left over
        b"\x00\x00\x00\x00\x01\x01\x00\x00\x01\x01\x01",  # cut short
    ],
)
def test_a_structure_record_not_understood_is_none(structure: bytes) -> None:
    assert segments(structure) is None


def test_a_damaged_page_gives_none_not_an_error(index: sqlite3.Connection) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute(SCHEMA)
    conn.execute(
        "INSERT INTO article_fts(rowid, body, title, lead) VALUES (1, 'alpha beta', '', '')"
    )
    conn.commit()
    conn.execute("UPDATE article_fts_data SET block = x'0004ff' WHERE id > 10")
    assert terms_between(conn, "article_fts", "a", "z") is None
    conn.execute("UPDATE article_fts_data SET block = NULL WHERE id > 10")
    assert terms_between(conn, "article_fts", "a", "z") is None
    # a footer naming a term past the page's end
    conn.execute("UPDATE article_fts_data SET block = x'0004000405' WHERE id > 10")
    assert terms_between(conn, "article_fts", "a", "z") is None


def _add(store: Store, title: str, body: str) -> int:
    article_id, _ = store.add_article(
        ArticleDraft(title=title, body=body, source="s"), uid=title, published=None
    )
    return article_id


def test_a_word_has_no_form_held_only_by_deleted_articles(store: Store) -> None:
    _add(store, "أ", "انعقدت القمة في الرياض")
    gone = _add(store, "ب", "اجتمعوا بالقمة أمس")
    _add(store, "ج", "وفي القمه المقبلة للقمة")
    assert set(word_forms(store, "القمه")) == {"القمه", "بالقمه", "للقمه"}
    store.delete_article(gone)
    assert set(word_forms(store, "القمه")) == {"القمه", "للقمه"}


def test_forms_are_the_same_when_the_pages_cannot_be_read(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(store, "أ", "انعقدت القمة في الرياض وبالقمة وللقمة والقمم")
    _add(store, "ب", "قمة وقمتين")
    read = word_forms(store, "القمه")
    monkeypatch.setattr(search_module, "terms_in_ranges", lambda *args: None)
    search_module._FORMS_CACHE.clear()
    assert word_forms(store, "القمه") == read and len(read) > 2


@pytest.fixture
def prefixed(store: Store) -> Store:
    words = ["المؤتمر", "المواطن", "الموسم", "الموقف", "الموارد", "المؤسسة", "المدينة"]
    for i in range(60):
        title = f"خبر {i} عن {words[i % len(words)]}"
        body = " ".join(words[(i + k) % len(words)] for k in range(i % 4 + 1))
        body += " في المدينة" if i % 3 == 0 else " في الريف"
        store.add_article(
            ArticleDraft(title=title, body=body, source="s"), uid=title, published=None
        )
    return store


@pytest.mark.parametrize(
    "query",
    [
        {"query": "المو*"},
        {"query": "المو*", "order": "newest"},
        {"query": "المو*", "limit": 5, "offset": 7},
        {"query": "الم* -المدينة"},
        {"query": "المو* المدينة"},
    ],
)
def test_a_prefix_read_as_its_terms_finds_the_same_page(
    prefixed: Store, query: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    prefixed.db.conn.set_trace_callback(reads.append)
    try:
        fast = search_module.search(prefixed, **query)
    finally:
        prefixed.db.conn.set_trace_callback(None)
    monkeypatch.setattr(search_module, "_unprefixed", lambda store, expression: expression)
    plain = search_module.search(prefixed, **query)
    assert [h.article_id for h in fast.hits] == [h.article_id for h in plain.hits]
    assert [h.rank for h in fast.hits] == pytest.approx([h.rank for h in plain.hits])
    assert (fast.total, fast.total_exact) == (plain.total, plain.total_exact) and fast.total > 5
    # Some read asked for the terms themselves, unless the query has AND.
    as_terms = any('"الموسم" OR' in sql for sql in reads)
    assert as_terms == (query["query"] != "المو* المدينة")


def test_only_a_one_word_prefix_with_few_enough_terms_is_written_as_its_terms(
    prefixed: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    unprefixed = search_module._unprefixed
    written = unprefixed(prefixed, '"المو"*')
    assert written.startswith("(") and '"الموسم"' in written and "*" not in written
    for kept in ('"المو"* AND "خبر"', '"خبر عن"*', '"زززز"*'):  # AND, a phrase, no terms
        assert unprefixed(prefixed, kept) == kept
    monkeypatch.setattr(search_module, "PREFIX_TERMS_MAX", 2)
    search_module._PREFIX_CACHE.clear()
    assert unprefixed(prefixed, '"المو"*') == '"المو"*'
    search_module._PREFIX_CACHE.clear()


def test_a_read_of_some_columns_keeps_a_prefix_of_four_letters_or_more(prefixed: Store) -> None:
    # A tier's read (the title, or the title and lead) steps each of an OR's terms past
    # every article holding it elsewhere; a longer prefix's few lists merge faster whole.
    unprefixed = search_module._unprefixed
    for kept in ('{title} : ("المو"*)', '({title lead} : ("المو"*)) NOT (({title} : ("المو"*)))'):
        assert unprefixed(prefixed, kept) == kept
    # Three letters stand for terms of too many articles to merge: written as an OR.
    written = unprefixed(prefixed, '{title} : ("الم"*)')
    assert written.startswith("{title} : ((") and '"الموسم"' in written and "*" not in written
    # Without a column filter a longer prefix is written as its terms as before.
    assert "*" not in unprefixed(prefixed, '"المو"*')
