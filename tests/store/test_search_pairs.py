"""Phrases of the commonest words read from the word pairs' index (schema v13)."""

from __future__ import annotations

import gzip
import itertools
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import given
from hypothesis import strategies as st

from timeline.model import ArticleDraft, DateValue
from timeline.store import Store, schema
from timeline.store import search as search_module
from timeline.store.schema import (
    DEFAULT_PAIR_WORDS,
    MIGRATIONS,
    PAIR_WORDS,
    SCHEMA_VERSION,
    pair_words,
    search_parts,
    word_pairs,
)
from timeline.store.search import matching_article_ids, search
from timeline.text.query import search_tokens

START = 1_400_000_000  # 2014


def _draft(record: dict) -> ArticleDraft:
    return ArticleDraft(title=record["title"], body=record["body"], source=record["source"])


def _records(corpus: Path, n: int) -> list[dict]:
    out = []
    with gzip.open(corpus / "saudinewsnet" / "full.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in itertools.islice(lines, n):
            record = json.loads(line)
            out.append(
                {"title": record["title"], "body": record["body"], "source": record["source"]}
            )
    return out


@pytest.fixture
def news(corpus: Path, tmp_path: Path) -> Iterator[Store]:
    """400 real articles written by the import writer (with their pairs), a few undated."""
    with Store(tmp_path / "news.db") as store:
        with store.transaction(), store.article_writer() as writer:
            for k, record in enumerate(_records(corpus, 400)):
                draft = _draft(record)
                when = None if k % 37 == 0 else START + (k * 7919 % 400) * 86_400
                writer.add(
                    draft,
                    f"n{k}",
                    DateValue("x", "minute", when) if when is not None else None,
                    search_parts(draft.title, draft.body),
                )
        yield store


def _phrases(store: Store, n: int) -> list[str]:
    """Two-word phrases of pair words that occur in the store's articles."""
    words = pair_words(store.db.conn)
    seen: dict[str, None] = {}
    for (body,) in store.db.conn.execute("SELECT body FROM articles ORDER BY id"):
        tokens = search_tokens(body)
        for a, b in itertools.pairwise(tokens):
            if a in words and b in words:
                seen[f'"{a} {b}"'] = None
    return list(seen)[:n]


def _page(store: Store, query: str, **kwargs: object) -> tuple[list, int, bool]:
    result = search(store, query, limit=20, **kwargs)  # type: ignore[arg-type]
    return [(h.article_id, h.rank) for h in result.hits], result.total, result.total_exact


@pytest.mark.parametrize("other_writers", [False, True])
def test_a_phrase_of_pair_words_is_read_from_the_pairs_and_ranked_as_the_main_index_ranks_it(
    news: Store, monkeypatch: pytest.MonkeyPatch, other_writers: bool
) -> None:
    phrases = _phrases(news, 40)
    assert len(phrases) >= 30
    if other_writers:
        # Rows written, changed and deleted by a plain connection: marked, checked one
        # by one from their text while the rest is read from the pairs.
        conn = news.db.conn
        bodies = [b for (b,) in conn.execute("SELECT body FROM articles ORDER BY id LIMIT 12")]
        conn.execute("DELETE FROM articles WHERE id IN (20, 21, 22)")
        for k, body in enumerate(bodies[:6]):
            conn.execute(
                "UPDATE articles SET body = ?, published_start = ? WHERE id = ?",
                (bodies[-1 - k], START + k * 86_400, 30 + k),
            )
            conn.execute(
                "INSERT INTO articles (uid, title, body, source, published_start, imported_at)"
                " VALUES (?, 'عنوان', ?, 'مصدر', ?, 'now')",
                (f"other{k}", body, START + 100 * k * 86_400 if k % 2 else None),
            )
        assert 0 < _marked(news) <= search_module.MARKED_MAX
        pairs = [search_module._pair_term(news, search_module.parse_query(p)) for p in phrases]
        assert sum(bool(search_module._marked_pairs(news, str(p))[1]) for p in pairs) > 10
    source = news.db.conn.execute("SELECT source FROM articles LIMIT 1").fetchone()[0]
    cases: list[dict[str, object]] = [
        {},
        {"offset": 3},
        {"offset": 25},
        {"order": "newest", "offset": 5},
        {"source": source},
        {"date_from": START + 50 * 86_400, "date_to": START + 250 * 86_400},
        {"date_from": START + 50 * 86_400, "event_kind": "mentioned"},
    ]
    read_from_pairs = 0
    real = search_module._ranked_pairs

    def counted(*args: object, **kwargs: object) -> object:
        nonlocal read_from_pairs
        read_from_pairs += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    with_pairs = {}
    monkeypatch.setattr(search_module, "_ranked_pairs", counted)
    for phrase, case in itertools.product(phrases, cases):
        with_pairs[phrase, str(case)] = (
            _page(news, phrase, **case),
            matching_article_ids(
                news, phrase, **{k: v for k, v in case.items() if k not in ("offset", "order")}
            ).tolist(),  # type: ignore[arg-type]
        )
    assert read_from_pairs == len(phrases) * len(cases)
    # The same searches through the main index, as before the pairs.
    monkeypatch.setattr(search_module, "_pair_term", lambda store, query: None)
    hits = 0
    for phrase, case in itertools.product(phrases, cases):
        page, ids = with_pairs[phrase, str(case)]
        assert page == _page(news, phrase, **case), (phrase, case)
        assert (
            ids
            == matching_article_ids(
                news, phrase, **{k: v for k, v in case.items() if k not in ("offset", "order")}
            ).tolist()
        )  # type: ignore[arg-type]
        hits += page[1]
    assert hits > 100


def test_only_two_word_phrases_of_pair_words_with_nothing_else_use_the_pairs(
    news: Store,
) -> None:
    words = pair_words(news.db.conn)
    rare = next(t for t in search_tokens("المملكة الوزير الصحة") if t not in words)
    common = sorted(words)[:3]
    term = search_module._pair_term
    parse = search_module.parse_query
    assert term(news, parse(f'"{common[0]} {common[1]}"')) == f"{common[0]}_{common[1]}"
    for query in (
        f'"{common[0]} {rare}"',  # a word that is not a pair word
        f'"{common[0]} {common[1]} {common[2]}"',  # three words
        f'"{common[0]} {common[1]}" {common[2]}',  # another term
        f'"{common[0]} {common[1]}" -{rare}',  # an excluded word
        f'"{common[0]} {common[1]}*"',  # a prefix
        f"{common[0]} {common[1]}",  # two words, not a phrase
    ):
        assert term(news, parse(query)) is None, query


def test_pairs_are_the_neighbouring_tokens_as_the_index_cuts_them() -> None:
    words = frozenset(search_tokens("في من على إلى"))
    text = "ذهب في من، على الطريق إلى في\nمن"
    assert word_pairs(" ".join(search_tokens(text)), words) == "في_من من_علي الي_في في_من"
    # Pair words that folding could give (Latin): the text is folded as the index folds.
    assert word_pairs("The CAFÉ in من", frozenset({"the", "cafe", "in"})) == "the_cafe cafe_in"
    # As search_parts gives the parts (normalized, not yet folded): the same tokens.
    parts = search_parts("عنوان في من", text)
    assert parts is not None
    assert word_pairs(parts[2] or parts[1], words).split() == [
        f"{a}_{b}"
        for a, b in itertools.pairwise(search_tokens(parts[2] or parts[1]))
        if a in words and b in words
    ]


@given(
    st.text(
        alphabet=st.sampled_from(list("في من،.؛«»_-1٢ aB\t\n\u00a0\u2003\u0640\u064e")),
        max_size=80,
    )
)
def test_pairs_are_those_of_the_regex_tokens(text: str) -> None:
    # Cut at white space first, then each piece with punctuation searched, and paired
    # as they are cut: the same pairs, in the same order, as the regex's tokens give.
    words = frozenset({"في", "من", "1", "٢", "في1"})
    tokens = schema._PAIR_TOKEN.findall(text)
    expected = " ".join(
        f"{a}_{b}" for a, b in itertools.pairwise(tokens) if a in words and b in words
    )
    assert schema.word_pairs(text, words) == expected


def _pair_rows(store: Store) -> int:
    return int(store.db.conn.execute("SELECT count(*) FROM article_pairs_docsize").fetchone()[0])


def _marked(store: Store) -> int:
    return int(store.db.conn.execute("SELECT count(*) FROM search_unpaired").fetchone()[0])


def test_other_writers_mark_their_rows_and_phrases_stay_right_until_the_pairs_are_filled(
    store: Store, tmp_path: Path
) -> None:
    def add(uid: str, title: str, body: str) -> int:
        draft = ArticleDraft(title=title, body=body)
        return store.add_article(draft, uid, None, search_parts(title, body))[0]

    first = add("a", "خبر", "قال إنه في من الناس")
    add("b", "خبر آخر", "ليس فيه العبارة")
    assert (_pair_rows(store), _marked(store)) == (2, 0)
    assert search_module._pair_term(store, search_module.parse_query('"في من"')) == "في_من"
    assert {h.article_id for h in search(store, '"في من"').hits} == {first}
    # Another writer: sqlite-utils inserts one, updates one, deletes one.
    db = sqlite_utils.Database(sqlite3.connect(tmp_path / "timeline.db"))
    db["articles"].insert(
        {"id": 10, "uid": "c", "title": "في من", "body": "نص", "imported_at": "now"}
    )
    db.conn.execute("UPDATE articles SET body = 'لا شيء هنا' WHERE id = ?", (first,))
    db.conn.execute("UPDATE articles SET body = 'وقال في من جديد' WHERE uid = 'b'")
    db.conn.commit()
    db.conn.close()
    assert _marked(store) == 3
    # Marked rows are checked one by one; past MARKED_MAX the phrase is read from the
    # main index.  Either way it is right.
    expected = {10, first + 1}
    assert search_module._pair_term(store, search_module.parse_query('"في من"')) == "في_من"
    assert {h.article_id for h in search(store, '"في من"').hits} == expected
    assert set(matching_article_ids(store, '"في من"').tolist()) == expected
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_module, "MARKED_MAX", 2)
        assert search_module._pair_term(store, search_module.parse_query('"في من"')) is None
        assert {h.article_id for h in search(store, '"في من"').hits} == expected
    assert store.fill_word_pairs() == 3
    assert (_pair_rows(store), _marked(store)) == (3, 0)
    assert search_module._pair_term(store, search_module.parse_query('"في من"')) == "في_من"
    assert {h.article_id for h in search(store, '"في من"').hits} == expected
    assert set(matching_article_ids(store, '"في من"').tolist()) == expected
    # A deletion: the stale row goes, its rowid taken again by a new article.
    store.db.conn.execute("DELETE FROM articles WHERE id = 10")
    assert _marked(store) == 1
    assert {h.article_id for h in search(store, '"في من"').hits} == {first + 1}
    assert store.fill_word_pairs() == 1
    assert (_pair_rows(store), _marked(store)) == (2, 0)
    assert {h.article_id for h in search(store, '"في من"').hits} == {first + 1}
    store.db.conn.execute("INSERT INTO article_pairs (article_pairs) VALUES ('integrity-check')")


def test_the_pairs_of_long_articles_other_writers_left_are_written_a_few_at_a_time(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Filling the pairs held those of 2,000 articles before writing them: another
    writer's 2,000 reports of 10 M characters would be tens of gigabytes.  They are
    written when what is held passes HELD_CHARS."""
    import tracemalloc

    db = sqlite_utils.Database(sqlite3.connect(tmp_path / "timeline.db"))
    body = "في من " * 10_000  # 60,000 characters; its pairs nearly as long
    for n in range(60):
        db["articles"].insert(
            {"uid": f"u{n}", "title": f"تقرير {n}", "body": body, "imported_at": "now"}
        )
    db.conn.commit()
    db.conn.close()
    assert _marked(store) == 60
    monkeypatch.setattr(schema, "HELD_CHARS", 200_000)
    tracemalloc.start()
    try:
        assert store.fill_word_pairs() == 60
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Measured: 4.3 MB (an article read, cut and paired at a time); 27 MB with the
    # sixty articles' pairs held together.
    assert peak < 10_000_000, peak
    assert (_pair_rows(store), _marked(store)) == (60, 0)
    assert len(matching_article_ids(store, '"في من"')) == 60
    assert search_module._pair_term(store, search_module.parse_query('"في من"')) == "في_من"


def test_an_import_fills_what_other_writers_left_and_keeps_a_marked_rowid_marked(
    store: Store,
) -> None:
    conn = store.db.conn
    conn.execute(
        "INSERT INTO articles (uid, title, body, imported_at) VALUES ('x', 'في من', 'ب', 'n')"
    )
    assert _marked(store) == 1
    with store.transaction(), store.article_writer() as writer:
        draft = ArticleDraft(title="عنوان", body="كان في من قبل")
        writer.add(draft, "y", None, search_parts(draft.title, draft.body))
    assert (_pair_rows(store), _marked(store)) == (2, 0)
    assert search(store, '"في من"').total == 2


def _v12_store(path: Path, articles: list[tuple[str, str]]) -> None:
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    for migrate in MIGRATIONS[:12]:
        migrate(db)
    conn.execute(f"PRAGMA user_version={12}")
    for k, (title, body) in enumerate(articles):
        conn.execute(
            "INSERT INTO articles (uid, title, body, published_start, imported_at)"
            " VALUES (?, ?, ?, ?, 'now')",
            (f"u{k}", title, body, START + k * 60),
        )
    conn.commit()
    conn.close()


def test_migration_v13_builds_the_pairs_of_a_stored_index(tmp_path: Path) -> None:
    path = tmp_path / "v12.db"
    _v12_store(path, [("في من", "كان على الطريق إلى المدينة"), ("نص", "قال في من على")])
    steps: list[tuple[int, int, str]] = []
    with Store(path, progress=lambda done, total, what: steps.append((done, total, what))) as store:
        assert store.schema_version == SCHEMA_VERSION
        # A small store takes the default list; a large one its own commonest words.
        assert pair_words(store.db.conn) == frozenset(DEFAULT_PAIR_WORDS[:PAIR_WORDS])
        assert (_pair_rows(store), _marked(store)) == (2, 0)
        pairs = [step[:2] for step in steps if step[2] == "word pairs"]
        assert pairs and pairs[-1] == (2, 2)
        assert search_module._pair_term(store, search_module.parse_query('"في من"'))
        assert search(store, '"في من"').total == 2
        assert search(store, '"من على"').total == 1
        assert search(store, '"على الطريق"').total == 1  # not pair words: the main index


def test_a_date_set_again_unchanged_leaves_the_pairs_and_recompute_fills_them(
    store: Store,
) -> None:
    from timeline.library import recompute_events

    draft = ArticleDraft(title="عنوان", body="قال في من قبل", published_raw="2020-01-02")
    published = DateValue("2020-01-02", "day", START)
    article_id, _ = store.add_article(draft, "a", published, search_parts(draft.title, draft.body))
    store.set_published(article_id, published, draft.title)
    assert _marked(store) == 0  # not re-indexed: nothing changed
    store.set_published(article_id, DateValue("2020-01-03", "day", START + 86_400), "t")
    assert _marked(store) == 2  # the old rowid (its pair row stale) and the new one
    store.db.conn.execute(
        "INSERT INTO articles (uid, title, body, imported_at) VALUES ('b', 'في من', 'ب', 'n')"
    )
    assert _marked(store) == 3
    recompute_events(store)
    assert (_pair_rows(store), _marked(store)) == (2, 0)
    assert search_module._pair_term(store, search_module.parse_query('"في من"')) == "في_من"
    assert search(store, '"في من"').total == 2


def _pairs_by_count(conn: sqlite3.Connection) -> list[str]:
    """The pair index's pairs, those in the most articles first (and the 'instance'
    table _pair_occurrences reads made, as a search makes it)."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_pair_instances"
        " USING fts5vocab(main, article_pairs, 'instance')"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.pair_terms USING fts5vocab(main, article_pairs, 'row')"
    )
    return [t for (t,) in conn.execute("SELECT term FROM temp.pair_terms ORDER BY doc DESC")]


def test_a_pairs_occurrences_are_summed_by_article_as_sql_would_group_them(
    news: Store,
) -> None:
    conn = news.db.conn
    pairs = _pairs_by_count(conn)
    assert len(pairs) > 50
    reads: list[str] = []
    conn.set_trace_callback(reads.append)
    try:
        search(news, '"' + pairs[0].replace("_", " ") + '"')
    finally:
        conn.set_trace_callback(None)
    # Read as two strings, summed here: no GROUP BY in the search's reads.
    assert not any("GROUP BY" in sql for sql in reads)
    several = 0
    for pair in [*pairs, "لا_يوجد"]:
        grouped = conn.execute(
            "SELECT doc, sum(CASE col WHEN 'title' THEN 5.0 WHEN 'lead' THEN 2.0 ELSE 1.0 END),"
            " min(CASE col WHEN 'title' THEN 0 WHEN 'lead' THEN 1 ELSE 2 END)"
            " FROM temp.article_pair_instances WHERE term = ? GROUP BY doc ORDER BY doc",
            [pair],
        ).fetchall()
        docs, frequencies, places = search_module._pair_occurrences(news, pair)
        summed = list(zip(docs.tolist(), frequencies.tolist(), places.tolist(), strict=True))
        assert summed == grouped, pair
        several += sum(frequency > 5.0 for _, frequency, _ in grouped)
    assert several > 10  # articles with the pair several times, or in the title and lead


def test_a_pairs_counts_from_its_bm25_are_its_occurrences_summed(news: Store) -> None:
    conn = news.db.conn
    pairs = _pairs_by_count(conn)
    several = 0
    for pair in pairs[:80]:
        docs, frequencies, _ = search_module._pair_occurrences(news, pair)
        counted = search_module._pair_frequencies(news, f'"{pair}"', docs, len(docs))
        assert counted is not None, pair
        found, sizes = counted
        assert found.tolist() == frequencies.tolist(), pair
        assert sizes == dict(
            conn.execute(
                "SELECT id, sz FROM article_fts_docsize WHERE id IN"
                f" ({','.join(map(str, docs.tolist()))})"
            ).fetchall()
        )
        several += int((frequencies > 5.0).sum())
    assert several > 10


@pytest.mark.parametrize("rank_window", [4, 1_000])
def test_a_pair_in_many_articles_is_read_a_tier_at_a_time_with_the_same_page(
    news: Store, monkeypatch: pytest.MonkeyPatch, rank_window: int
) -> None:
    # A "many" of three articles, so that the 400 articles' pairs take the tiers' path;
    # tiers of more than rank_window articles are read newest first.
    monkeypatch.setattr(search_module, "PHRASE_ONE_PASS", 3)
    monkeypatch.setattr(search_module, "RANK_WINDOW", rank_window)
    phrases = _phrases(news, 40)
    cases: list[dict[str, object]] = [
        {},
        {"offset": 2},
        {"offset": 9},
        {"offset": 30},
        {"order": "newest", "offset": 4},
    ]
    real = search_module._ranked_pair_tiers
    by_tier = 0

    def counted(*args: object, **kwargs: object) -> object:
        nonlocal by_tier
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        by_tier += found is not None
        return found

    monkeypatch.setattr(search_module, "_ranked_pair_tiers", counted)
    pages = {(p, str(c)): _page(news, p, **c) for p, c in itertools.product(phrases, cases)}
    assert by_tier > len(cases) * 10
    # The same searches with every occurrence read (the way the test above holds to the
    # main index's pages; under these made-up sizes the main index reads a phrase in
    # tiers, whose scores are not one read's).
    monkeypatch.setattr(search_module, "_ranked_pair_tiers", lambda *args: None)
    deep = 0
    for phrase, case in itertools.product(phrases, cases):
        page = pages[phrase, str(case)]
        assert page == _page(news, phrase, **case), (phrase, case)
        deep += bool(page[0]) and case.get("offset") == 30
    assert deep > 3  # pages past the title and lead tiers


def _varint(value: int) -> bytes:
    """SQLite's varint of a value under 2**56: 7 bits a byte, high bit on all but the last."""
    groups = [value & 0x7F]
    value >>= 7
    while value:
        groups.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(groups))


@given(st.lists(st.lists(st.integers(0, 1 << 40), max_size=4), max_size=30))
def test_the_token_counts_of_many_docsize_records_are_summed_at_once(
    records: list[list[int]],
) -> None:
    blobs = [b"".join(_varint(v) for v in record) for record in records]
    assert search_module._varints_sums(blobs).tolist() == [sum(r) for r in records]
