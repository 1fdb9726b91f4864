"""A phrase whose words lie on both sides of the cut between an article's lead and the
rest of its body (the index's two columns) is found (timeline/store/seams.py)."""

from __future__ import annotations

import pytest

from tests.store.test_search import add, day
from timeline.store import Store
from timeline.store import search as search_module
from timeline.store.schema import search_parts
from timeline.store.search import matching_article_ids, search
from timeline.text.query import search_tokens


def _cut_after(lead_last: str, rest: str, *, filler: str = "كلمة") -> str:
    """A body of one paragraph whose lead (the text up to the first space after 400
    characters) ends with the words lead_last, the rest beginning with rest."""
    *others, last = lead_last.split()
    words: list[str] = []
    # The last word of the lead holds the 400th character: the first space after it cuts.
    while len(" ".join([*words, *others])) + 1 + len(last) < 400:
        words.append(filler)
    body = " ".join([*words, *others, last]) + " " + rest
    parts = search_parts("", body)
    assert parts is not None
    _title, lead, after = parts
    assert search_tokens(lead)[-len(lead_last.split()) :] == search_tokens(lead_last)
    assert search_tokens(after)[: len(rest.split())] == search_tokens(rest)
    return body


def hits(store: Store, query: str, **filters: object) -> set[int]:
    """The articles found, by the ranked search and the window's: they must agree."""
    ranked = search(store, query, limit=50, **filters)  # type: ignore[arg-type]
    ids = {int(i) for i in matching_article_ids(store, query, **filters)}  # type: ignore[arg-type]
    assert {h.article_id for h in ranked.hits} == ids
    assert ranked.total == len(ids)
    newest = search(store, query, limit=50, order="newest", **filters)  # type: ignore[arg-type]
    assert [h.article_id for h in newest.hits] == sorted(ids, reverse=True)  # added in order
    return ids


@pytest.fixture
def seams(store: Store) -> dict[str, int]:
    return {
        "king": add(store, "خبر", _cut_after("الملك", "سلمان بن عبدالعزيز اليوم"), when=day(2015)),
        "three": add(
            store, "خبر", _cut_after("خادم الحرمين", "الشريفين يستقبل الوفد"), when=day(2015, 2)
        ),
        "within": add(store, "خبر", "استقبل الملك سلمان الوفد في الرياض", when=day(2015, 3)),
        # The lead holds الملك, but not at its end: not the phrase.
        "apart": add(
            store,
            "خبر",
            "الملك " + _cut_after("يحضر", "سلمان وحده", filler="نص"),
            when=day(2015, 4),
        ),
        "other": add(store, "خبر", _cut_after("الملك", "سلمان"), when=day(2015, 5), source="واس"),
    }


def test_a_phrase_across_the_seam_is_found(store: Store, seams: dict[str, int]) -> None:
    assert hits(store, '"الملك سلمان"') == {seams[k] for k in ("king", "within", "other")}
    assert hits(store, '"خادم الحرمين الشريفين"') == {seams["three"]}  # cut after two
    assert hits(store, '"الحرمين الشريفين يستقبل"') == {seams["three"]}
    assert hits(store, '"الملك سلم*"') == {seams[k] for k in ("king", "within", "other")}
    # With the rest of the query, its filters and its exclusions.
    assert hits(store, '"الملك سلمان" عبدالعزيز') == {seams["king"]}
    assert hits(store, '"الملك سلمان" -عبدالعزيز') == {seams["within"], seams["other"]}
    assert hits(store, '"الملك سلمان"', source="واس") == {seams["other"]}
    assert hits(store, '"الملك سلمان"', date_from=day(2015), date_to=day(2015, 2)) == {
        seams["king"]
    }
    # Ranked after the article the index matches itself (it gives them no score).
    ranked = search(store, '"الملك سلمان"', limit=1)
    assert [h.article_id for h in ranked.hits] == [seams["within"]] and ranked.total == 3
    page = search(store, '"الملك سلمان"', limit=1, offset=2)
    assert len(page.hits) == 1 and page.hits[0].rank is None


def test_too_many_candidates_are_left_unread(
    store: Store, seams: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "SEAM_CANDIDATES", 1)  # the phrase has two
    assert hits(store, '"الملك سلمان"') == {seams["within"]}


def test_a_phrase_in_many_articles_is_not_looked_for_across_the_seam(
    store: Store, seams: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "SEAM_FEW", 1)  # the index finds it in one
    assert hits(store, '"الملك سلمان"') == {seams["within"]}
    assert hits(store, '"خادم الحرمين الشريفين"') == {seams["three"]}  # in none: looked for
