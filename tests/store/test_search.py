"""Full-text search: Arabic spelling variants, ranking, filters, snippets, index upkeep."""

from __future__ import annotations

import itertools
import math
import re
import sqlite3
import unicodedata
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.model import ArticleDraft, DateValue, Event, to_axis
from timeline.store import Store
from timeline.store import search as search_module
from timeline.store.schema import MIGRATIONS
from timeline.store.search import (
    EmptyQueryError,
    SearchError,
    SearchRequest,
    article_hit_spans,
    distinct_sources,
    matching_article_ids,
    search,
    spelling_corrections,
    spelling_suggestions,
)
from timeline.text.normalize import normalize, search_normalize


def day(y: int, m: int = 1, d: int = 1) -> int:
    return to_axis(datetime(y, m, d))


def add(
    store: Store,
    title: str,
    body: str,
    *,
    when: int | None = None,
    source: str = "المدينة نيوز",
    mentions: tuple[int, ...] = (),
) -> int:
    published = DateValue("x", "minute", when) if when is not None else None
    article_id, created = store.add_article(
        ArticleDraft(title=title, body=body, source=source),
        uid=f"{title}|{body}|{when}|{source}",
        published=published,
    )
    assert created
    if mentions:
        store.replace_mentions(
            article_id, [Event(article_id, "mentioned", m, None, "day", "x", "x") for m in mentions]
        )
    return article_id


def found(store: Store, query: str, **filters: object) -> set[int]:
    return {hit.article_id for hit in search(store, query, **filters).hits}


@pytest.fixture
def news(store: Store) -> dict[str, int]:
    return {
        "ayyar": add(store, "قمة في أيّار", "اجتمع القادة في أيّار الماضي", when=day(2021, 5, 22)),
        "ayar": add(store, "تقرير", "صدر التقرير في أيار ٢٠٢١ عن أسامة", when=day(2021, 6, 1)),
        "iran": add(
            store,
            "زيارة",
            "وصل الوفد إلى إيـــران ثم غادر، وقال إن شبه الجزيرة الكوريّة هادئة",
            when=day(2019, 3, 3),
            source="وكالة",
            mentions=(day(1950),),
        ),
        "korea": add(store, "الكوريتان", "محادثات الكوريين حول الكورية", when=None),
        "latin": add(store, "Summit in 2021", "Leaders met in May 2021.", when=day(2021, 5, 23)),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ايار", {"ayyar", "ayar"}),
        ("أيّار", {"ayyar", "ayar"}),
        ("٢٠٢١", {"ayar", "latin"}),
        ("2021", {"ayar", "latin"}),
        ("إيران", {"iran"}),
        ("ايران", {"iran"}),
        ("اسامة", {"ayar"}),
        ('"شبه الجزيرة الكورية"', {"iran"}),
        ('"الجزيرة شبه"', set()),
        ('"شبه الجزيرة الكوري"*', {"iran"}),
        ("الكوري*", {"iran", "korea"}),
        ("ايار -قمة", {"ayar"}),
        ("ايران OR اسامه", {"iran", "ayar"}),
        ("summit", {"latin"}),
        ("MAY", {"latin"}),
    ],
)
def test_spelling_variants_phrases_and_prefixes(
    store: Store, news: dict[str, int], query: str, expected: set[str]
) -> None:
    assert found(store, query) == {news[name] for name in expected}


def test_result_count_and_pages(store: Store, news: dict[str, int]) -> None:
    result = search(store, "ايار OR 2021 OR ايران", limit=2)
    assert result.total == 4
    assert len(result.hits) == 2
    rest = search(store, "ايار OR 2021 OR ايران", limit=2, offset=2)
    assert len(rest.hits) == 2
    assert {h.article_id for h in result.hits}.isdisjoint({h.article_id for h in rest.hits})


def test_title_hits_rank_first(store: Store) -> None:
    in_body = add(store, "خبر", "ذكر الاجتماع مرة في نص طويل عن أمور أخرى كثيرة", when=day(2022))
    in_title = add(store, "الاجتماع", "نص عن أمور أخرى كثيرة ومتفرقة", when=day(2020))
    hits = search(store, "الاجتماع").hits
    assert [h.article_id for h in hits] == [in_title, in_body]
    assert hits[0].rank is not None and hits[0].rank < hits[1].rank  # type: ignore[operator]


def test_newest_first_and_undated_last(store: Store, news: dict[str, int]) -> None:
    hits = search(store, "ايار OR 2021 OR الكوريه OR ايران", order="newest").hits
    assert [h.article_id for h in hits] == [
        news["ayar"],
        news["latin"],
        news["ayyar"],
        news["iran"],
        news["korea"],
    ]


def test_every_hit_is_ranked_and_a_large_tier_follows_newest_first(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [add(store, f"عنوان {i}", "كلمة " * (i + 1), when=day(2000 + i)) for i in range(6)]
    in_title = add(store, "كلمة", "نص", when=day(1990))
    first = search(store, "كلمة", limit=7)
    assert first.total == 7 and first.ranked == 7
    # The title hit first, then the body hits by bm25 (more occurrences rank higher).
    assert [h.article_id for h in first.hits] == [in_title, *reversed(ids)]
    monkeypatch.setattr(search_module, "RANK_WINDOW", 3)
    # The body tier is now too large to score: its hits follow newest first, all of them.
    add(store, "خبر", "كلمة " * 50, when=day(1980))
    reads: list[str] = []
    store.db.conn.set_trace_callback(reads.append)
    try:
        page = search(store, "كلمة", limit=4, offset=1)
        top = search(store, "كلمة", limit=3)
    finally:
        store.db.conn.set_trace_callback(None)
    assert [h.article_id for h in page.hits] == [ids[5], ids[4], ids[3], ids[2]]
    assert all(h.rank is None for h in page.hits)
    assert [h.article_id for h in top.hits] == [in_title, ids[5], ids[4]]
    # The tier on the page was counted only up to what the order needs (in rowid
    # order), then its page read newest first.
    assert any("SELECT count(*) FROM (SELECT 1 FROM article_fts" in sql for sql in reads)
    assert any("ORDER BY article_fts.rowid DESC LIMIT" in sql for sql in reads)
    # A prefix's page comes from the read that sized its tier (its rowids, newest
    # first): each read of a prefix merges the lists of all its terms.
    reads.clear()
    store.db.conn.set_trace_callback(reads.append)
    try:
        prefixed = search(store, "كلم*", limit=4, offset=1)
    finally:
        store.db.conn.set_trace_callback(None)
    assert [h.article_id for h in prefixed.hits] == [h.article_id for h in page.hits]
    assert not any("ORDER BY article_fts.rowid DESC LIMIT ? OFFSET" in sql for sql in reads)


@pytest.fixture
def clitics(store: Store) -> dict[str, int]:
    return {
        "bkorea": add(store, "تقرير", "وصل الوفد بكوريا أمس", when=day(2021, 1, 1)),
        "korea": add(store, "كوريا تجري تجربة", "قالت كوريا إنها", when=day(2021, 1, 2)),
        "wamrika": add(store, "روسيا وأمريكا", "محادثات", when=day(2021, 1, 3)),
        "alqimma": add(store, "افتتاح القمة", "بدأت القمة اليوم", when=day(2021, 1, 4)),
        "qimmatuhuma": add(store, "لقاء", "عقد الزعيمان قمتهما في جنيف", when=day(2021, 1, 5)),
        "walkori": add(store, "فن", "الفيلم الصيني والكوري", when=day(2021, 1, 6)),
        "malaysia": add(store, "ماليزيا", "رياح تعصف بأسواق ماليزيا", when=day(2021, 1, 7)),
        "mal": add(store, "أسواق المال", "رأس مال الشركة وماله", when=day(2021, 1, 8)),
        "biden": add(store, "بايدن يزور", "قال بايدن", when=day(2021, 1, 9)),
        "bayd": add(store, "بايد", "كلمة بايد نادرة", when=day(2021, 1, 10)),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("كوريا", {"korea", "bkorea"}),
        ("بكوريا", {"korea", "bkorea"}),
        ("أمريكا", {"wamrika"}),
        ("قمة", {"alqimma", "qimmatuhuma"}),
        ("القمة", {"alqimma", "qimmatuhuma"}),
        ('"القمة"', {"alqimma"}),
        ('"قمة"', set()),
        ("الكوري", {"walkori"}),
        ("ماليزيا", {"malaysia"}),
        ("مال", {"mal"}),
        ("بايدن", {"biden"}),
        ("بايد", {"bayd"}),
        ("قمة -جنيف", {"alqimma"}),
    ],
)
def test_a_plain_word_finds_its_forms_a_quoted_one_only_itself(
    store: Store, clitics: dict[str, int], query: str, expected: set[str]
) -> None:
    assert found(store, query) == {clitics[name] for name in expected}
    assert set(matching_article_ids(store, query).tolist()) == {clitics[k] for k in expected}


def test_exact_form_ranks_above_other_forms(store: Store, clitics: dict[str, int]) -> None:
    hits = search(store, "قمة", order="relevance").hits
    # Neither title holds قمة as typed; the title القمة ranks first, then the body form.
    assert [h.article_id for h in hits] == [clitics["alqimma"], clitics["qimmatuhuma"]]
    hits = search(store, "كوريا").hits
    assert [h.article_id for h in hits] == [clitics["korea"], clitics["bkorea"]]
    exact_body = add(store, "خبر", "زار كوريا", when=day(2000))
    other_form_body = add(store, "خبر", "زار بكوريا", when=day(2022))
    order = [h.article_id for h in search(store, "كوريا").hits]
    assert order.index(exact_body) < order.index(other_form_body)


def test_lead_ranks_above_a_deeper_mention(store: Store) -> None:
    deep = add(store, "خبر", "مقدمة عن أمور أخرى\n" + "كلام " * 50 + "الاتفاق", when=day(2022))
    lead = add(store, "خبر", "الاتفاق في مقدمة الخبر\n" + "كلام " * 50, when=day(2020))
    assert [h.article_id for h in search(store, "الاتفاق").hits] == [lead, deep]


@pytest.fixture
def tiers(store: Store) -> list[int]:
    """An article in each tier of قمة, best first, the newest in the worst tier: the
    typed form in the title, the lead, the body, then another form in the same places."""
    return [
        add(store, "قمة الرياض", "نص عن أمور أخرى", when=day(2001)),
        add(store, "خبر", "عقدت قمة اليوم\n" + "كلام " * 30, when=day(2003)),
        add(store, "خبر", "مقدمة الخبر\n" + "كلام " * 30 + "ثم قمة أخرى", when=day(2005)),
        add(store, "افتتاح القمة", "نص عن أمور أخرى", when=day(2002)),
        add(store, "خبر", "بدأت القمة اليوم\n" + "كلام " * 30, when=day(2004)),
        add(store, "خبر", "مقدمة الخبر\n" + "كلام " * 30 + "ثم القمة", when=day(2006)),
    ]


def test_a_word_is_ranked_in_its_tiers_in_one_read_or_page_by_page(
    store: Store, tiers: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    store.db.conn.set_trace_callback(reads.append)
    try:
        result = search(store, "قمة")
    finally:
        store.db.conn.set_trace_callback(None)
    # Few hits: the typed form's count (under the cap), the forms' count, every hit with
    # its columns, and the typed form's columns among the rowids found (one read, not one
    # a place); not a scored read a tier.
    # (The forms' own checks, that each is still in an article, are not reads of hits.)
    fts_reads = [
        sql
        for sql in reads
        if sql.startswith("SELECT")
        and " FROM article_fts " in sql
        and not sql.startswith("SELECT 1 FROM article_fts WHERE article_fts MATCH")
    ]
    assert len(fts_reads) == 4 and "json_each" in fts_reads[3]
    assert " OR " not in fts_reads[0] and " OR " in fts_reads[1]
    assert [h.article_id for h in result.hits] == tiers
    assert [math.ceil(h.rank / 1000) for h in result.hits] == [0, 1, 2, 3, 4, 5]  # type: ignore[operator]
    monkeypatch.setattr(search_module, "ONE_PASS", 0)  # a read a tier, as for a common word
    assert [h.article_id for h in search(store, "قمة").hits] == tiers
    for window in (1, 5_000):
        # Every tier too large to score, or all scored: pages cut the same list.
        monkeypatch.setattr(search_module, "RANK_WINDOW", window)
        whole = [h.article_id for h in search(store, "قمة").hits]
        pages = [
            h.article_id for k in range(3) for h in search(store, "قمة", limit=2, offset=2 * k).hits
        ]
        assert pages == whole and set(whole) == set(tiers)


def test_the_count_stops_at_its_cap_and_the_pages_stay_the_same(
    store: Store, tiers: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "ONE_PASS", 0)  # a read a tier, as for a common word
    monkeypatch.setattr(search_module, "RANK_WINDOW", 1)
    exact = search(store, "قمة")
    assert exact.total == 6 and exact.total_exact
    pages = [search(store, "قمة", limit=2, offset=2 * k) for k in range(3)]
    newest_before = search(store, "قمة", order="newest", limit=6)
    monkeypatch.setattr(search_module, "COUNT_CAP", 3)
    capped = search(store, "قمة", limit=2)
    # More hits than the cap: "more than 3", and the same first page.
    assert (capped.total, capped.total_exact) == (3, False)
    assert capped.hits == pages[0].hits
    # A page that reaches the last tier needs the exact number: it is counted then.
    last = search(store, "قمة", limit=2, offset=4)
    assert (last.total, last.total_exact) == (6, True)
    assert last.hits == pages[2].hits
    newest = search(store, "قمة", order="newest", limit=6)
    assert (newest.total, newest.total_exact) == (3, False)
    assert newest.hits == newest_before.hits


def test_a_word_typed_in_more_hits_than_the_cap_is_not_counted_with_its_forms(
    store: Store, tiers: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "ONE_PASS", 0)  # a read a tier, as for a common word
    monkeypatch.setattr(search_module, "RANK_WINDOW", 1)
    for cap, total, exact in ((2, 2, False), (4, 4, False), (10, 6, True)):
        # قمة as typed is in 3 articles, with its forms in 6.
        monkeypatch.setattr(search_module, "COUNT_CAP", cap)
        pages, counts = [], []
        for typed_first in (True, False):
            if not typed_first:
                monkeypatch.setattr(search_module, "_typed_over_cap", lambda *_: False)
            reads: list[str] = []
            store.db.conn.set_trace_callback(reads.append)
            try:
                found = [search(store, "قمة", limit=2), search(store, "قمة", order="newest")]
            finally:
                store.db.conn.set_trace_callback(None)
            pages.append(found)
            counts.append(
                [sql for sql in reads if sql.startswith("SELECT count(*) FROM (SELECT 1 FROM")]
            )
        monkeypatch.undo()
        monkeypatch.setattr(search_module, "ONE_PASS", 0)
        monkeypatch.setattr(search_module, "RANK_WINDOW", 1)
        assert pages[0] == pages[1]
        assert [(r.total, r.total_exact) for r in pages[0]] == [(total, exact)] * 2
        # Over the cap as typed: the forms' lists are not merged for a count.
        forms_counted = [any(" OR " in sql for sql in c) for c in counts]
        assert forms_counted == [cap >= 3, True]


def test_a_page_s_articles_are_read_in_one_statement(store: Store, tiers: list[int]) -> None:
    reads: list[str] = []
    store.db.conn.set_trace_callback(reads.append)
    try:
        result = search(store, "قمة", limit=4)
    finally:
        store.db.conn.set_trace_callback(None)
    # The page's index rowids to their articles' texts: one read, not the ids and then
    # the texts.
    page_reads = [sql for sql in reads if "fts_rowid IN (" in sql or " id IN (" in sql]
    assert len(page_reads) == 1
    assert [h.article_id for h in result.hits] == tiers[:4]
    first = result.hits[0]
    assert (first.title, first.source, first.snippet) == (
        "قمة الرياض",
        "المدينة نيوز",
        "نص عن أمور أخرى",
    )
    assert first.title_spans == ((0, 3),)


def test_a_phrase_is_ranked_title_lead_body_in_one_read(store: Store) -> None:
    body = add(store, "خبر", "مقدمة\n" + "كلام " * 30 + "القمة العربية", when=day(2003))
    lead = add(store, "خبر", "انعقدت القمة العربية\n" + "كلام " * 30, when=day(2002))
    title = add(store, "القمة العربية", "نص", when=day(2001))
    add(store, "القمة", "العربية", when=day(2004))  # title and body: apart
    reads: list[str] = []
    store.db.conn.set_trace_callback(reads.append)
    try:
        hits = search(store, '"القمة العربية"').hits
    finally:
        store.db.conn.set_trace_callback(None)
    assert [h.article_id for h in hits] == [title, lead, body]
    assert [math.ceil(h.rank / 1000) for h in hits] == [0, 1, 2]  # type: ignore[operator]
    # One read of every hit with its columns, which counts them too: no count, no read a
    # tier (evaluating a phrase is the cost of each read).  (The phrase across the seam
    # of lead and rest is asked apart: store/seams.py.)
    ranked = [sql for sql in reads if sql.startswith("SELECT") and " FROM article_fts " in sql]
    assert len([sql for sql in ranked if "{lead} :" not in sql]) == 1
    assert search(store, '"القمة العربية"').total == 3
    assert [h.article_id for h in search(store, '"القمة العربية"', limit=1, offset=1).hits] == [
        lead
    ]


def test_a_phrase_with_more_hits_than_a_scored_tier_is_still_ranked_in_one_read(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A phrase of common words has thousands of hits: counting it, then reading it a
    # tier at a time, walks its positions once a read; one read walks them once.
    body = [
        add(store, "خبر", "كلام\n" + "كلام " * i + "القمة العربية", when=day(2000 + i))
        for i in range(4)
    ]
    title = add(store, "القمة العربية", "نص", when=day(1990))
    monkeypatch.setattr(search_module, "RANK_WINDOW", 2)
    reads: list[str] = []
    store.db.conn.set_trace_callback(reads.append)
    try:
        found = search(store, '"القمة العربية"')
    finally:
        store.db.conn.set_trace_callback(None)
    assert found.total == 5 and found.hits[0].article_id == title
    assert {h.article_id for h in found.hits[1:]} == set(body)
    assert all(h.rank is not None for h in found.hits)  # every hit scored
    matched = [sql for sql in reads if sql.startswith("SELECT") and "MATCH" in sql]
    assert len([sql for sql in matched if "{lead} :" not in sql]) == 1  # (seams: apart)
    monkeypatch.setattr(search_module, "PHRASE_ONE_PASS", 2)  # too many: counted, tiers
    assert search(store, '"القمة العربية"').hits[0].article_id == title


def test_forms_are_highlighted(store: Store, clitics: dict[str, int]) -> None:
    (hit,) = search(store, "قمة -جنيف").hits
    assert [hit.title[s:e] for s, e in hit.title_spans] == ["القمة"]
    spans = article_hit_spans(store, clitics["qimmatuhuma"], "القمة")
    article = store.article(clitics["qimmatuhuma"])
    assert article is not None
    assert [article.body[s:e] for s, e in spans.body] == ["قمتهما"]
    assert article_hit_spans(store, clitics["qimmatuhuma"], '"القمة"').body == []


def test_zero_results_offer_spellings_the_index_holds(
    store: Store, clitics: dict[str, int]
) -> None:
    result = search(store, "ماليزبا")
    assert result.total == 0 and result.hits == []
    assert "ماليزيا" in result.suggestions
    assert search(store, "ماليزيا").suggestions == ()
    assert search(store, "zzzzzz").suggestions == ()


def test_a_suggestion_is_written_as_the_articles_write_it(store: Store) -> None:
    """The index holds words folded (ة as ه, hamzas as ا, ى as ي): "Did you mean:
    الاقتصاديه" offered a misspelling of الاقتصادية, the word the articles hold."""
    add(store, "الأسواق", "تراجعت المؤشرات الاقتصادية في الأسواق الكبرى", when=day(2015, 1, 1))
    add(store, "مقال", "ثم عادت الاقتصادية إلى الارتفاع", when=day(2015, 1, 2))
    add(store, "رأي", "مضى إلى الأمام", when=day(2015, 1, 3))
    assert "الاقتصادية" in search(store, "الاقتصاديت").suggestions
    assert "الأسواق" in search(store, "الاسواك").suggestions
    assert not {"الاقتصاديه", "الاسواق"} & set(search(store, "الاقتصاديت الاسواك").suggestions)


def test_a_prefix_of_words_held_is_offered_no_spelling(store: Store) -> None:
    """A prefix the index's words begin with found nothing under a filter; the search
    offered those words as spellings, which the filter leaves nothing of either."""
    add(store, "مدينة", "زار الوفد مدينة الرياض", source="أ", when=day(2015, 1, 1))
    add(store, "رأي", "مضى إلى الأمام", source="ب", when=day(2015, 1, 2))
    found = search(store, "مدين*", source="ب")
    assert found.total == 0
    assert found.suggestions == ()
    assert search(store, "مدين*", source="أ").total == 1
    # A prefix no word begins with is still met with the words near it.
    assert "مدينة" in search(store, "مدنية*").suggestions
    assert "مدينة" in search(store, "مدنية").suggestions


def test_no_suggestion_is_the_word_typed(store: Store) -> None:
    """A token the index's tokenizer glued to a character its tables do not know (a code
    point newer than them) was offered as the articles write it, the word alone: "Did
    you mean: عنوان" for عنوان, which changes nothing when taken."""
    add(store, "عنوان\U0001fae9 الخبر", "مضى إلى الأمام", when=day(2015, 1, 1))
    assert search(store, "عنوان").total == 0
    assert search(store, "عنوان").suggestions == ()
    assert "عنوان" in search(store, "عنوانن").suggestions  # other words still offered it


def test_each_suggestion_says_the_word_it_stands_for(store: Store) -> None:
    """The window puts a chosen spelling in the place of the word it is near: each
    comes with that word's token, and two words misspelt each get their own."""
    add(store, "الأسواق", "تراجعت المؤشرات الاقتصادية في الأسواق الكبرى", when=day(2015, 1, 1))
    corrections = dict(
        (written, token) for token, written in spelling_corrections(store, "الاقتصاديت الاسواك")
    )
    assert corrections["الاقتصادية"] == "الاقتصاديت"
    assert corrections["الأسواق"] == "الاسواك"
    assert spelling_suggestions(store, "الاقتصاديت الاسواك") == tuple(
        written for _, written in spelling_corrections(store, "الاقتصاديت الاسواك")
    )


def test_snippet_comes_from_the_original_and_highlights_it(
    store: Store, news: dict[str, int]
) -> None:
    (hit,) = search(store, "ايار قمه").hits
    assert hit.title == "قمة في أيّار"
    assert [hit.title[s:e] for s, e in hit.title_spans] == ["قمة", "أيّار"]
    assert hit.snippet == "اجتمع القادة في أيّار الماضي"
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["أيّار"]
    assert hit.published == "x" and hit.source == "المدينة نيوز"


def test_long_snippet_is_cut_at_words_around_the_hit(store: Store) -> None:
    body = " ".join(["كلام"] * 200) + " وفي أيّار\nحدث ذلك " + " ".join(["كلام"] * 200)
    add(store, "طويل", body, when=day(2020))
    (hit,) = search(store, "ايار", snippet_chars=60).hits
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "\n" not in hit.snippet
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["أيّار"]
    assert all(
        w in {"…كلام", "كلام", "وفي", "أيّار", "حدث", "ذلك", "كلام…"} for w in hit.snippet.split()
    )


@pytest.mark.parametrize(
    "before",
    [
        "\u2066" * 1_000,  # isolates the index spaces (v22), glued to the word found
        "1" * 1_000_000 + "-",  # a pasted line of digits with no space
        "ع" * 5_000 + "\u2066",  # a run of letters, then an isolate
    ],
)
def test_a_snippet_shows_the_word_found_after_a_long_run_with_no_space(
    store: Store, before: str
) -> None:
    """The snippet's window starts at the word before the hit; a run of 1,000 isolates
    glued to the word found was that "word", and the snippet ("……") held none of it;
    a 1 MB run was walked back a character at a time for each hit."""
    add(store, "خبر", "نص الخبر " + before + "المستشفى الجديد افتتح اليوم", when=day(2021, 1, 1))
    (hit,) = search(store, "مستشفى").hits
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["المستشفى"]
    assert hit.snippet.startswith("…") and "المستشفى الجديد افتتح اليوم" in hit.snippet
    assert len(hit.snippet) <= 1 + 160 + 1


@pytest.fixture
def compounds(store: Store) -> dict[str, int]:
    return {
        "joined": add(store, "استقبال", "استقبل الملك عبدالله الوفد", when=day(2015, 1, 1)),
        "spaced": add(store, "لقاء", "التقى الأمير عبد الله بالوزير", when=day(2015, 1, 2)),
        "clitic": add(store, "زيارة", "زار الوزير وعبد الله المدينة", when=day(2015, 1, 3)),
        "apart": add(store, "عبد", "قال العبد إن الله يرحمه", when=day(2015, 1, 4)),
        "abu_dhabi": add(store, "أبوظبي", "في أبو ظبي أمس", when=day(2015, 1, 5)),
        "abudhabi": add(store, "مطار", "وصل إلى مطار أبوظبي", when=day(2015, 1, 6)),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Either spelling of a compound name finds the articles that write it either way.
        ("عبدالله", {"joined", "spaced", "clitic"}),
        ('"عبد الله"', {"joined", "spaced"}),
        ("عبد الله", {"joined", "spaced", "clitic", "apart"}),
        ("أبو ظبي", {"abu_dhabi", "abudhabi"}),
        ("أبوظبي", {"abu_dhabi", "abudhabi"}),
        ('"أبوظبي"', {"abu_dhabi", "abudhabi"}),
        ("مطار -أبو ظبي", set()),
        ('الملك -"عبد الله"', set()),
        ("زيارة -عبدالله", set()),
        ("زيارة -عبد", set()),
        ('زيارة -"عبدالله"', {"clitic"}),
    ],
)
def test_a_compound_name_is_found_written_as_one_word_or_two(
    store: Store, compounds: dict[str, int], query: str, expected: set[str]
) -> None:
    want = {compounds[name] for name in expected}
    assert found(store, query) == want
    assert set(matching_article_ids(store, query).tolist()) == want


def test_a_compound_name_is_highlighted_as_the_article_writes_it(
    store: Store, compounds: dict[str, int]
) -> None:
    hits = {hit.article_id: hit for hit in search(store, "عبدالله").hits}
    said = {
        name: [hits[compounds[name]].snippet[s:e] for s, e in hits[compounds[name]].snippet_spans]
        for name in ("joined", "spaced", "clitic")
    }
    assert said == {"joined": ["عبدالله"], "spaced": ["عبد الله"], "clitic": ["وعبد الله"]}
    article = store.article(compounds["abudhabi"])
    assert article is not None
    spans = article_hit_spans(store, compounds["abudhabi"], "أبو ظبي")
    assert [article.body[s:e] for s, e in spans.body] == ["أبوظبي"]


def test_hit_spans_for_the_detail_pane(store: Store, news: dict[str, int]) -> None:
    spans = article_hit_spans(store, news["iran"], '"شبه الجزيرة الكورية" OR ايران')
    article = store.article(news["iran"])
    assert article is not None
    assert [article.body[s:e] for s, e in spans.body] == ["إيـــران", "شبه الجزيرة الكوريّة"]
    assert spans.title == []
    assert article_hit_spans(store, 10_000, "ايران").body == []


def test_filters(store: Store, news: dict[str, int]) -> None:
    assert found(store, "ايار OR ايران", source="وكالة") == {news["iran"]}
    assert found(store, "ايار OR ايران", source="لا أحد") == set()
    in_2021 = {"date_from": day(2021), "date_to": day(2022)}
    assert found(store, "ايار OR ايران OR 2021", **in_2021, event_kind="published") == {
        news["ayyar"],
        news["ayar"],
        news["latin"],
    }
    in_1950 = {"date_from": day(1950), "date_to": day(1951)}
    assert found(store, "ايار OR ايران", **in_1950, event_kind="mentioned") == {news["iran"]}
    assert found(store, "ايار OR ايران", **in_1950, event_kind="published") == set()
    assert found(store, "ايار OR ايران", date_from=day(1950), date_to=day(2021, 5, 23)) == {
        news["iran"],
        news["ayyar"],
    }
    assert found(store, "ايار OR ايران", date_to=day(2020)) == {news["iran"]}
    assert found(store, "ايار OR ايران", date_from=day(2021, 5, 23)) == {news["ayar"]}
    request = SearchRequest("ايار", source="وكالة", date_from=day(2021), date_to=day(2022))
    assert search(store, request.query, **request.filters()).total == 0  # type: ignore[arg-type]


def test_filter_errors(store: Store, news: dict[str, int]) -> None:
    with pytest.raises(SearchError, match="before its start"):
        search(store, "ايار", date_from=day(2022), date_to=day(2021))
    with pytest.raises(SearchError, match="kind of date"):
        search(store, "ايار", event_kind="imagined")  # type: ignore[arg-type]


def test_same_second_burst_keeps_order_and_exact_ranges(store: Store) -> None:
    midnight = day(2021, 5, 22)
    burst = [add(store, f"خبر {i}", "عاجل", when=midnight) for i in range(5)]
    later = add(store, "بعد", "عاجل", when=midnight + 2)
    earlier = add(store, "قبل", "عاجل", when=midnight - 1)
    newest = [h.article_id for h in search(store, "عاجل", order="newest").hits]
    assert newest[0] == later and newest[-1] == earlier and set(newest[1:6]) == set(burst)
    window = {"date_from": midnight, "date_to": midnight + 1, "event_kind": "published"}
    assert found(store, "عاجل", **window) == set(burst)
    after = {"date_from": midnight + 1, "date_to": midnight + 3, "event_kind": "published"}
    assert found(store, "عاجل", **after) == {later}


def test_index_follows_add_update_and_delete(store: Store, news: dict[str, int]) -> None:
    added = add(store, "جديد", "خبر عن أيّار", when=day(2023))
    assert added in found(store, "ايار")
    store.db.conn.execute("UPDATE articles SET body = 'خبر عن حزيران' WHERE id = ?", (added,))
    assert added not in found(store, "ايار")
    assert found(store, "حزيران") == {added}
    store.set_published(added, None, "جديد")
    assert found(store, "حزيران") == {added}
    store.set_published(added, DateValue("x", "day", day(1999)), "جديد")
    assert found(store, "حزيران", date_from=day(1999), date_to=day(2000)) == {added}
    store.delete_article(added)
    store.delete_article(news["ayyar"])
    assert found(store, "ايار") == {news["ayar"]}
    assert found(store, "حزيران") == set()
    conn = store.db.conn
    conn.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 0)")
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, article_fts, 'row')")
    assert conn.execute("SELECT doc FROM temp.vocab WHERE term = 'حزيران'").fetchall() == []
    assert conn.execute("SELECT doc FROM temp.vocab WHERE term = 'ايار'").fetchall() == [(1,)]
    count = conn.execute("SELECT count(*) FROM article_search").fetchone()[0]
    assert count == store.count_articles()


def test_index_is_kept_by_triggers_on_any_connection(store: Store, tmp_path: Path) -> None:
    # A plain sqlite3 connection (the sqlite-utils CLI, Datasette) needs nothing registered.
    conn = sqlite3.connect(store.path)
    conn.execute(
        "INSERT INTO articles (uid, title, body, imported_at) VALUES ('u', 'أيّار', 'x', 'now')"
    )
    conn.commit()
    conn.close()
    assert search(store, "ايار").total == 1


def test_triggers_are_in_place(store: Store) -> None:
    triggers = {
        row[0]
        for row in store.db.conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'articles'"
        )
    }
    assert {
        "article_search_insert",
        "article_search_delete",
        "article_search_update_old",
        "article_search_update_new",
    } <= triggers


def test_migration_indexes_articles_already_stored(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    MIGRATIONS[0](db)
    for i, (title, when) in enumerate([("أيّار", day(2020)), ("أيار", None), ("ايار", day(2020))]):
        db.conn.execute(
            "INSERT INTO articles (uid, title, body, published_start, imported_at)"
            " VALUES (?, ?, '', ?, 'now')",
            (f"u{i}", title, when),
        )
    db.conn.execute("PRAGMA user_version = 1")
    db.conn.commit()
    db.conn.close()
    with Store(path) as store:
        assert [h.article_id for h in search(store, "ايار", order="newest").hits] == [3, 1, 2]
        add(store, "أيّار", "", when=day(2020))
        assert search(store, "ايار").total == 4


arabic_nfc = st.text(
    alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(" a1"),
    max_size=40,
).map(lambda t: unicodedata.normalize("NFC", t))


def test_index_normalization_is_search_normalize(store: Store) -> None:
    article_id = add(store, "x", "y")

    @given(arabic_nfc)
    @settings(max_examples=150, deadline=None)
    def check(text: str) -> None:
        store.db.conn.execute("UPDATE articles SET title = ? WHERE id = ?", (text, article_id))
        (indexed,) = store.db.conn.execute(
            "SELECT title FROM article_search_parts WHERE id = ?", (article_id,)
        ).fetchone()
        assert indexed == search_normalize(text)

    check()


query_parts = st.sampled_from(
    [
        "ايار",
        "أيّار",
        "2021",
        "OR",
        "AND",
        "NOT",
        "NEAR",
        "-",
        '"',
        "*",
        "(",
        ")",
        "^",
        ":",
        "title:",
        "body:",
        "{",
        "}",
        "+",
        "'",
        "\\",
        "،",
        "؟",
        "ـ",
        "\u0651",
        " ",
        "الكوري*",
        "x",
    ]
)


@given(st.lists(query_parts, max_size=8).map("".join) | st.text(max_size=30))
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_user_input_gives_results_or_a_search_error(
    store: Store, news: dict[str, int], typed: str
) -> None:
    try:
        result = search(store, typed)
    except SearchError as exc:
        assert str(exc)
        return
    assert result.total >= len(result.hits)
    ids = matching_article_ids(store, typed)
    assert set(ids.tolist()) >= {h.article_id for h in result.hits}


def test_stray_syntax_still_finds_the_words(store: Store, news: dict[str, int]) -> None:
    for typed in ['ايار"', "(ايران", "ايار*", "ايار ^", "«ايار", "ايار)", "ايار:", "+ايار"]:
        assert search(store, typed).total > 0, typed


def test_empty_query_says_so(store: Store) -> None:
    with pytest.raises(EmptyQueryError):
        search(store, "  ")
    assert SearchRequest("  ").is_empty


def test_matching_article_ids_are_sorted_int64(store: Store, news: dict[str, int]) -> None:
    ids = matching_article_ids(store, "ايار OR 2021", source="المدينة نيوز")
    assert ids.dtype == np.int64
    assert ids.tolist() == sorted([news["ayyar"], news["ayar"], news["latin"]])


def test_distinct_sources(store: Store, news: dict[str, int]) -> None:
    add(store, "بلا مصدر", "نص", source="")
    assert distinct_sources(store) == ["المدينة نيوز", "وكالة"]


def test_dates_far_out_of_range_are_clamped(store: Store, news: dict[str, int]) -> None:
    assert found(store, "ايار", date_from=-(10**30), date_to=10**30) == {
        news["ayyar"],
        news["ayar"],
    }


def test_a_search_that_runs_too_long_is_stopped(
    store: Store, news: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "_PROGRESS_STEPS", 1)
    with pytest.raises(SearchError, match="narrower"):
        search(store, "ايار", time_limit=-1)
    with pytest.raises(SearchError, match="narrower"):
        matching_article_ids(store, "ايار", time_limit=-1)
    assert search(store, "ايار").total == 2  # the handler is gone afterwards


def test_snippet_centres_on_the_densest_hits(store: Store) -> None:
    body = "أيار " + "كلام " * 100 + "قمة في أيار وأيار ثم أيار " + "كلام " * 100
    add(store, "كثيف", body, when=day(2020))
    (hit,) = search(store, "ايار", snippet_chars=80).hits
    # وأيار is a form of أيار (and a hit): the three hits of the dense run are shown.
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["أيار", "وأيار", "أيار"]
    assert "قمة" in hit.snippet


def test_filters_alone_narrow_without_words(store: Store, news: dict[str, int]) -> None:
    everything = set(store.chronological_ids())
    by_source = matching_article_ids(store, "", source="المدينة نيوز")
    assert 0 < len(by_source) < len(everything)
    assert all(store.article(int(i)).source == "المدينة نيوز" for i in by_source)
    assert SearchRequest("", source="المدينة نيوز").is_empty is False
    assert len(matching_article_ids(store, "  ")) == len(everything)


def test_a_plain_connection_write_is_found_in_every_form(store: Store) -> None:
    # Forms come from the index's own vocabulary, which the triggers keep: nothing to
    # register and nothing to re-analyze after a write by sqlite-utils or Datasette.
    add(store, "كوريا", "")
    assert search(store, "كوريا").total == 1  # its forms are cached now: only كوريا
    conn = sqlite3.connect(store.path)
    conn.execute(
        "INSERT INTO articles (uid, title, body, imported_at) VALUES ('u', 'وصل بكوريا', '', 'n')"
    )
    conn.commit()
    conn.close()
    assert search(store, "كوريا").total == 2
    assert search(store, '"كوريا"').total == 1


def test_the_lead_and_the_rest_make_up_the_normalized_body(store: Store) -> None:
    article_id = add(store, "x", "y")

    @given(
        st.lists(arabic_nfc | st.sampled_from(["\n", " ", "\n\n", "ـ", "٢"]), max_size=60).map(
            "".join
        )
    )
    @settings(max_examples=80, deadline=None)
    def check(body: str) -> None:
        store.db.conn.execute("UPDATE articles SET body = ? WHERE id = ?", (body, article_id))
        lead, rest = store.db.conn.execute(
            "SELECT lead, body FROM article_search_parts WHERE id = ?", (article_id,)
        ).fetchone()
        assert lead + rest == search_normalize(body.lstrip(" \t\n\r"))
        assert "\n" not in lead or len(lead) > 600

    check()
    long_body = "كلمة " * 200 + "\nبعد"
    store.db.conn.execute("UPDATE articles SET body = ? WHERE id = ?", (long_body, article_id))
    lead, rest = store.db.conn.execute(
        "SELECT lead, body FROM article_search_parts WHERE id = ?", (article_id,)
    ).fetchone()
    assert 400 <= len(lead) < 410 and lead.endswith("كلمه") and rest.startswith(" ")


def _v3_store(path: Path, articles: list[tuple[str, str, int | None]]) -> None:
    db = sqlite_utils.Database(path)
    for migrate in MIGRATIONS[:3]:
        migrate(db)
    for i, (title, body, when) in enumerate(articles):
        db.conn.execute(
            "INSERT INTO articles (uid, title, body, published_start, imported_at)"
            " VALUES (?, ?, ?, ?, 'now')",
            (f"u{i}", title, body, when),
        )
    db.conn.execute("PRAGMA user_version = 3")
    db.conn.commit()
    db.conn.close()


def test_migration_rebuilds_the_index_with_progress(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    _v3_store(path, [(f"خبر {i}", f"وصل الوفد بكوريا {i}", day(2020) + i) for i in range(2500)])
    heard: list[tuple[int, int, str]] = []
    with Store(path, progress=lambda *a: heard.append(a)) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert search(store, "كوريا").total == 2500
        assert search(store, "كوريا", date_from=day(2020), date_to=day(2020) + 10).total == 10
    assert heard[-1][:2] == (2500, 2500) and len(heard) >= 2


def test_a_failed_migration_leaves_the_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v3.db"
    _v3_store(path, [("قمة", "في جنيف", day(2020))])

    def half_way(done: int, total: int, what: str) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        Store(path, progress=half_way)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    # v3's index (two columns) and its triggers are intact.
    assert conn.execute(
        "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'قمه'"
    ).fetchone() == (1,)
    assert (
        "lead"
        not in conn.execute("SELECT sql FROM sqlite_schema WHERE name = 'article_fts'").fetchone()[
            0
        ]
    )
    conn.close()
    with Store(path) as store:
        assert search(store, "القمة").total == 1


def test_a_filtered_word_is_ranked_in_one_read_or_counted_when_it_has_many_hits(
    store: Store, tiers: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    add(store, "قمة", "قمة", when=day(1990))  # outside the date range
    add(store, "قمة", "قمة", when=day(2003), source="مصدر آخر")  # another source
    in_range = {"date_from": day(2000), "date_to": day(2010), "source": "المدينة نيوز"}
    reads: list[str] = []
    store.db.conn.set_trace_callback(reads.append)
    try:
        few = search(store, "قمة", **in_range)  # type: ignore[arg-type]
    finally:
        store.db.conn.set_trace_callback(None)
    assert few.total == 6 and [h.article_id for h in few.hits] == tiers
    # The ranked read counted them (the filters' own rowids are counted, not the hits).
    assert not any("count(*)" in sql and "MATCH" in sql for sql in reads)
    # With a date filter the cost is the walk of the word's list, not the scores: more
    # hits than ONE_PASS are still ranked in the one read, up to PHRASE_ONE_PASS.
    monkeypatch.setattr(search_module, "ONE_PASS", 2)
    reads.clear()
    store.db.conn.set_trace_callback(reads.append)
    try:
        many = search(store, "قمة", **in_range)  # type: ignore[arg-type]
    finally:
        store.db.conn.set_trace_callback(None)
    assert many.total == 6 and [h.article_id for h in many.hits] == tiers
    assert not any("count(*)" in sql and "MATCH" in sql for sql in reads)
    # More hits than that: the read stops past its cap, then the usual count.
    monkeypatch.setattr(search_module, "PHRASE_ONE_PASS", 2)
    reads.clear()
    store.db.conn.set_trace_callback(reads.append)
    try:
        capped = search(store, "قمة", **in_range)  # type: ignore[arg-type]
    finally:
        store.db.conn.set_trace_callback(None)
    assert capped.total == 6 and [h.article_id for h in capped.hits] == tiers
    assert any("count(*)" in sql and "MATCH" in sql for sql in reads)


def test_a_filtered_prefix_is_read_whole_only_when_the_filters_leave_few_articles(
    store: Store, tiers: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """bm25 reads a prefix's terms' lists merged whole, whatever the cap of a first read
    of every hit: at a million articles a common prefix with a filter spent seconds there
    before the usual count.  Tried only when the filters' articles are known and no more
    than the read takes; the page is the same either way."""
    add(store, "قمة", "قمة", when=day(1990))  # outside the date range
    add(store, "قمة", "قمة", when=day(2003), source="مصدر آخر")  # another source
    add(store, "خبر", "قممها وقمتها", when=day(2007))

    def read(**filters: object) -> tuple[bool, list[int], int]:
        reads: list[str] = []
        store.db.conn.set_trace_callback(reads.append)
        try:
            result = search(store, "قمة*", **filters)  # type: ignore[arg-type]
        finally:
            store.db.conn.set_trace_callback(None)
        # (The read of every hit tried first stops past its cap; once counted, few hits
        # are read whole without one.)
        whole = any(
            search_module._IN_TITLE_OR_LEAD in sql and re.search(r" LIMIT \d+$", sql)
            for sql in reads
        )
        return whole, [h.article_id for h in result.hits], result.total

    dated = {"date_from": day(2000), "date_to": day(2010)}
    source = {"source": "المدينة نيوز"}
    both = {**dated, **source}
    # A prefix of one term (قمه*) is read whole first, whatever the filters.
    assert read(**source)[0]
    # One of many terms: only when the filters' articles are known and fit the read.
    monkeypatch.setattr(search_module, "ONE_PASS_PREFIX_TERMS", 0)
    chosen = {
        name: read(**filters)
        for name, filters in (("dated", dated), ("source", source), ("both", both))
    }
    # A source alone (its articles not read) or more articles than the read takes:
    # counted, then a read a tier.
    monkeypatch.setattr(search_module, "PHRASE_ONE_PASS", 3)
    chosen["both, many"] = read(**both)
    assert {name: whole for name, (whole, _, _) in chosen.items()} == {
        "dated": True,
        "source": False,
        "both": True,
        "both, many": False,
    }
    # The pages and counts are those of the read of every hit.
    monkeypatch.setattr(search_module, "_one_pass_fits", lambda store, query, reads: True)
    monkeypatch.setattr(search_module, "PHRASE_ONE_PASS", 30_000)
    for name, filters in (("dated", dated), ("source", source), ("both", both)):
        whole, hits, total = read(**filters)
        assert whole and (hits, total) == chosen[name][1:] and total >= 3, name
    assert chosen["both, many"][1:] == chosen["both"][1:]


def test_a_word_typed_with_the_article_finds_its_bare_form(store: Store, tiers: list[int]) -> None:
    # The base قمة is looked up in the index without reading its articles' list.
    assert {h.article_id for h in search(store, "القمة").hits} == set(tiers)
    assert search(store, "القمة").forms[normalize("القمة")][1:] == (normalize("قمة"),)


def test_date_filters_read_the_filters_rowids_once_and_find_what_the_join_finds(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Articles in two sources, dated or not, mentioning points and spans of time, some
    # with قمة in another form: every kind of date filter must choose the same articles
    # whether the filters' rowids are read first or joined to each hit.
    spans = [(day(1990), day(1995)), (day(2001, 6), None), (day(2012), day(2012, 2))]
    for i in range(24):
        article_id = add(
            store,
            "قمة" if i % 3 else "تقرير",
            "انعقدت القمة" if i % 2 else "قمتهما اليوم",
            when=day(1998 + i) if i % 5 else None,
            source="وكالة" if i % 4 else "المدينة نيوز",
        )
        start, end = spans[i % 3]
        events = [Event(article_id, "mentioned", start, end, "day", "x", "x")]
        store.replace_mentions(article_id, events)
    ranges = [(day(1993), day(1994)), (day(2001), day(2008)), (day(2012, 1, 15), None)]
    reads: list[str] = []
    totals = []
    for (date_from, date_to), kind, source in itertools.product(
        ranges, ["published", "mentioned", None], [None, "وكالة"]
    ):
        filters = {"date_from": date_from, "date_to": date_to, "event_kind": kind, "source": source}
        monkeypatch.setattr(search_module, "CANDIDATES_MAX", 200_000)
        store.db.conn.set_trace_callback(reads.append)
        try:
            first = search(store, "قمة", limit=100, **filters)  # type: ignore[arg-type]
            ids = matching_article_ids(store, "قمة", **filters)  # type: ignore[arg-type]
        finally:
            store.db.conn.set_trace_callback(None)
        monkeypatch.setattr(search_module, "CANDIDATES_MAX", -1)  # the join, per hit
        joined = search(store, "قمة", limit=100, **filters)  # type: ignore[arg-type]
        assert [h.article_id for h in first.hits] == [h.article_id for h in joined.hits]
        assert first.total == joined.total
        totals.append(first.total)
        assert ids.tolist() == matching_article_ids(store, "قمة", **filters).tolist()  # type: ignore[arg-type]
        expected = set(search_module.filtered_article_ids(store, **filters).tolist())  # type: ignore[arg-type]
        assert set(ids.tolist()) == expected & set(matching_article_ids(store, "قمة").tolist())
    assert sum(1 for t in totals if t) >= 12 and len(set(totals)) >= 4
    # No read of the hits looked at events or sources: the filters were read apart.
    hit_reads = [sql for sql in reads if "MATCH" in sql]
    assert hit_reads and not any("events" in sql or "source" in sql for sql in hit_reads)


def test_a_dated_word_with_forms_is_read_by_form_and_ranked_as_in_one_read(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With a date filter, the typed form and the other forms are read apart; bm25 adds
    # up over terms, so each hit keeps the tier and the score of one read of all forms.
    for i in range(30):
        title = ["قمة", "تقرير", "القمة", "خبر"][i % 4]
        body = " ".join(["قمة"] * (i % 3) + ["القمة"] * (i % 5) + ["بالقمة"] * (i % 2) + ["نص"] * i)
        add(store, title, body or "نص", when=day(1995 + i % 20), mentions=(day(2000 + i % 7),))
    filters = {"date_from": day(2001), "date_to": day(2005), "event_kind": "mentioned"}
    reads: list[str] = []
    store.db.conn.set_trace_callback(reads.append)
    try:
        split = search(store, "قمة", limit=100, **filters)  # type: ignore[arg-type]
    finally:
        store.db.conn.set_trace_callback(None)
    hit_reads = [
        sql
        for sql in reads
        if sql.startswith("SELECT")
        and "MATCH" in sql
        and not sql.startswith(
            "SELECT 1 FROM article_fts WHERE article_fts MATCH"
        )  # a form's check
    ]
    assert len(hit_reads) == 2  # the typed form, then the other forms; no third read
    monkeypatch.setattr(search_module, "_other_forms", lambda query, forms: None)
    whole = search(store, "قمة", limit=100, **filters)  # type: ignore[arg-type]
    assert split.total == whole.total > 10
    assert [h.article_id for h in split.hits] == [h.article_id for h in whole.hits]
    assert [h.rank for h in split.hits] == pytest.approx([h.rank for h in whole.hits])
    # Hits with the typed form in the title and hits with another form only.
    assert {math.ceil((h.rank or 0) / 1000) for h in split.hits} >= {0, 3}


def test_a_prefix_with_a_term_in_more_articles_than_the_cap_is_not_counted(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # كلمة in 5 articles, كلمات in 2 others, كلام in 1: 8 hits of كل*, 7 of كلم*.
    for i in range(5):
        add(store, f"عنوان {i}", "كلمة " * (i + 1), when=day(2000 + i))
    for i in range(2):
        add(store, "كلمات" if i else "خبر", "نص كلمات", when=day(1990 + i))
    add(store, "خبر", "كلام", when=day(1980))
    monkeypatch.setattr(search_module, "COUNT_CAP", 4)
    monkeypatch.setattr(search_module, "ONE_PASS", 0)  # a read a tier, as for many hits
    monkeypatch.setattr(search_module, "RANK_WINDOW", 2)
    cases: list[dict[str, object]] = [
        {},
        {"offset": 3},
        {"offset": 6},  # the last tier: every hit counted then
        {"order": "newest"},
        {"source": "المدينة نيوز"},
        {"date_from": day(1985)},
    ]
    queries = ["كلم*", "كلا*", "عنو*", "عنوا*"]

    def pages() -> list[tuple[object, ...]]:
        out = []
        for query, case in itertools.product(queries, cases):
            result = search(store, query, limit=3, **case)  # type: ignore[arg-type]
            out.append((query, str(case), result.total, result.total_exact, result.hits))
        return out

    reads: list[str] = []
    store.db.conn.set_trace_callback(reads.append)
    try:
        over = search(store, "كلم*", limit=3)
        assert (over.total, over.total_exact) == (4, False)
        # A term of the prefix (كلمة) is in more articles than the cap: the vocabulary
        # says so, and the prefix's lists are not merged to count its hits.
        assert not any("SELECT count(*)" in sql for sql in reads)
        reads.clear()
        # كلام in one article and كلمات in two: no term over the cap, the hits counted.
        under = search(store, "كلا*", limit=3)
        assert (under.total, under.total_exact) == (1, True)
        assert any("SELECT count(*)" in sql for sql in reads)
        reads.clear()
        # A longer prefix is counted straight away (most stand for terms of few articles).
        longer = search(store, "عنوا*", limit=3)
        assert (longer.total, longer.total_exact) == (4, False)
        assert any("SELECT count(*)" in sql for sql in reads)
        assert not any("article_vocab" in sql for sql in reads)
    finally:
        store.db.conn.set_trace_callback(None)
    found_now = pages()
    # The same pages, totals and ranks as when every prefix is counted.
    monkeypatch.setattr(search_module, "_prefix_over_cap", lambda *args: False)
    assert pages() == found_now
    assert sum(not row[3] for row in found_now) >= 4 and sum(len(row[4]) for row in found_now) > 20


def test_either_kind_of_date_reads_each_article_in_the_range_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The articles a date filter of either kind passes, without a source: those
    published in the range with their rowids, and those only mentioning it looked up
    apart; each once (the count decides whether the set is read at all)."""
    published = add(store, "أ", "نص", when=day(2005))
    mentioning_twice = add(store, "ب", "نص", when=day(1990), mentions=(day(2004), day(2006)))
    both = add(store, "ج", "نص", when=day(2003), mentions=(day(2007),))
    add(store, "د", "نص", when=day(1990), mentions=(day(1991),))  # neither
    undated = add(store, "ه", "نص", mentions=(day(2008),))
    lower, upper = day(2000), day(2010)

    def read() -> list[tuple[int, int]] | None:
        conn = store.db.conn
        first_free = search_module._FIRST_FREE
        at = {"at": search_module._rowid_minute(upper)}
        span = (search_module._rowid_minute(lower), int(conn.execute(first_free, at).fetchone()[0]))
        reads = search_module._Reads()
        found = search_module._candidates(store, None, lower, upper, span, None, reads)
        if found is None:
            return None
        by_rowid = found._by_rowid[0].tolist()  # sorted when the window's ids need it
        assert by_rowid == sorted(found.rowids.tolist())
        return sorted(zip(found.ids.tolist(), found.rowids.tolist(), strict=True))

    rowid_of = dict(store.db.conn.execute("SELECT article_id, fts_rowid FROM article_search"))
    passed = [published, mentioning_twice, both, undated]
    assert read() == sorted((i, rowid_of[i]) for i in passed)
    monkeypatch.setattr(search_module, "CANDIDATES_MAX", 4)
    assert read() is not None
    monkeypatch.setattr(search_module, "CANDIDATES_MAX", 3)  # too many: joined per hit
    assert read() is None


def test_a_word_in_no_article_is_answered_before_the_filters_are_read(
    store: Store, tiers: list[int]
) -> None:
    """A misspelt word with a date filter read the filter's articles first (105-126 ms at
    a million articles); whether it is in any article is asked first now.  A phrase is
    not (it may be found across the seam between a lead and the rest)."""
    dated = {"date_from": day(2000), "date_to": day(2010), "source": "المدينة نيوز"}

    def reads_of(query: str, ids: bool = False) -> tuple[list[str], object]:
        reads: list[str] = []
        store.db.conn.set_trace_callback(reads.append)
        try:
            if ids:
                got: object = matching_article_ids(store, query, **dated).tolist()  # type: ignore[arg-type]
            else:
                result = search(store, query, **dated)  # type: ignore[arg-type]
                got = (result.total, result.suggestions)
        finally:
            store.db.conn.set_trace_callback(None)
        return reads, got

    for ids in (False, True):
        for none in ("قمتتت", "قمتت*"):  # a prefix of no term too
            reads, got = reads_of(none, ids)
            assert got == ([] if ids else (0, search(store, none).suggestions))
            assert not any("events" in sql or "published_start" in sql for sql in reads)
        # A word in some article: the filters are read as before.
        reads, got = reads_of("قمة", ids)
        assert got == (sorted(tiers) if ids else (6, ()))
        assert any("published_start" in sql for sql in reads)
        # A phrase in none: read as before too.
        reads, got = reads_of('"قمتتت الرياض"', ids)
        assert got == ([] if ids else (0, got[1]))  # type: ignore[index]
        assert any("published_start" in sql for sql in reads)


def test_a_query_typed_in_fullwidth_forms_finds_what_its_ascii_words_find(store: Store) -> None:
    """A query typed in an East Asian keyboard's wide mode (ＯＰＥＣ ２０１５) finds the
    articles that write its words in ASCII, and those that write them in fullwidth forms
    (the index holds those as written: no library is indexed again)."""
    ascii_text = add(
        store, "اجتماع OPEC في جدة", "عقدت منظمة OPEC اجتماعها عام 2015.", when=day(2015)
    )
    wide = add(store, "اجتماع ＯＰＥＣ في الرياض", "عقدت منظمة ＯＰＥＣ اجتماعها عام ２０１５.")
    add(store, "خبر آخر", "لا ذكر للمنظمة هنا.", when=day(2016))
    assert found(store, "OPEC") == {ascii_text}
    for typed in ("ＯＰＥＣ", "ｏｐｅｃ ２０１５", "＂ＯＰＥＣ في＂", "ＯＰＥ＊"):
        assert found(store, typed) == {ascii_text, wide}, typed
        assert set(matching_article_ids(store, typed).tolist()) == {ascii_text, wide}, typed
    assert found(store, "ＯＰＥＣ －الرياض") == {ascii_text}
    hit = next(h for h in search(store, "ＯＰＥＣ").hits if h.article_id == wide)
    assert "ＯＰＥＣ" in [hit.snippet[s:e] for s, e in hit.snippet_spans]
