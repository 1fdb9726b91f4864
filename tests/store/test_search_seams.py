"""A phrase whose words lie on both sides of the cut between an article's lead and the
rest of its body (the index's two columns) is found (timeline/store/seams.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.store.test_search import add, day
from timeline.store import Store
from timeline.store import search as search_module
from timeline.store.schema import search_parts
from timeline.store.seams import Seam
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


def _holds_over_the_reach(seam: Seam, body: str, cut: int) -> bool:
    """Seam.holds as it read the seam before NEAR: the reach either side, always."""
    ending = search_tokens(body[max(0, cut - seam.reach) : cut])
    if tuple(ending[-len(seam.before) :]) != seam.before:
        return False
    head = tuple(search_tokens(body[cut : cut + seam.reach])[: len(seam.after)])
    if len(head) < len(seam.after):
        return False
    if seam.prefix:
        return head[:-1] == seam.after[:-1] and head[-1].startswith(seam.after[-1])
    return head == seam.after


@settings(max_examples=400)
@given(
    st.lists(
        st.sampled_from(
            [
                *"فيمنالكتبـ\u064e\u0651 ،.«»-_1٢ aBé\u0301\t\n\u00a0\u200f",
                *("كلمة ", "ﻻ", " ." * 29, " ." * 40, "ـ" * 70),
            ]
        ),
        max_size=300,
    ).map("".join),
    st.data(),
)
def test_the_seam_is_read_near_the_cut_as_over_the_reach(text: str, data: st.DataObject) -> None:
    # The words either side taken from the text itself at the cut (so that many hold),
    # or made up; the first NEAR characters either side decide when they hold enough,
    # and long runs of punctuation or tatweel leave them too few.
    cut = data.draw(st.integers(0, len(text)))
    ending, beginning = search_tokens(text[:cut]), search_tokens(text[cut:])
    before = data.draw(
        st.sampled_from([tuple(ending[-k:]) for k in (1, 2) if len(ending) >= k] or [("في",)])
    )
    after = data.draw(
        st.sampled_from([tuple(beginning[:k]) for k in (1, 2) if len(beginning) >= k] or [("من",)])
    )
    prefix = data.draw(st.booleans())
    if prefix and data.draw(st.booleans()):
        after = (*after[:-1], after[-1][:1])
    seam = Seam(before, after, prefix)
    assert seam.holds(text, cut) == _holds_over_the_reach(seam, text, cut)


@pytest.mark.parametrize(
    ("seam", "ending", "beginning", "held"),
    [
        # A word cut short where NEAR starts is not one of the words: the reach is read.
        (Seam(("امير",), ("من",), False), "كلمةالامير" + "." * 60, " من", False),
        (Seam(("في",), ("كلم",), False), "قال في", "." * 60 + " كلمةطويلة", False),
        # Words parted by a long run of punctuation: found over the reach.
        (Seam(("في", "من"), ("جديد",), False), "قال في " + "." * 62 + " من", " جديد", True),
        (Seam(("في",), ("من", "جد"), True), "قال في", " من" + "." * 62 + " جديد", True),
    ],
)
def test_words_near_the_cut_are_whole_words(
    seam: Seam, ending: str, beginning: str, held: bool
) -> None:
    body = ending + beginning
    assert seam.holds(body, len(ending)) is held
    assert _holds_over_the_reach(seam, body, len(ending)) is held
