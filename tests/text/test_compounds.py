"""Compound names written as one word or two (عبدالله / عبد الله): which tokens are
such a name, and the other spelling a search asks for."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.text.compounds import (
    MAX_SPELLINGS,
    compound_spellings,
    join_compound,
    split_compound,
)
from timeline.text.query import search_tokens


@pytest.mark.parametrize(
    ("word", "two"),
    [
        ("عبدالله", ("عبد", "الله")),
        ("عبدالعزيز", ("عبد", "العزيز")),
        ("عبدالرحمن", ("عبد", "الرحمن")),
        ("عبدربه", ("عبد", "ربه")),
        ("وعبدالله", ("وعبد", "الله")),  # a clitic stays on the first word
        ("العبدالله", ("العبد", "الله")),
        ("ابوظبي", ("ابو", "ظبي")),
        ("ابوبكر", ("ابو", "بكر")),
        ("نصرالله", ("نصر", "الله")),
        ("جارالله", ("جار", "الله")),
        # Not compounds: a name of its own, a word and its ending, a clitic and الله.
        ("عبده", None),
        ("ابوه", None),
        ("ابوين", None),
        ("ابواب", None),
        ("والله", None),
        ("بالله", None),
        ("معبدالحرم", None),  # معبد is no clitic before عبد
        ("عبدالله1", None),
        ("abdallah", None),
    ],
)
def test_a_word_is_split_only_where_it_is_a_compound_name(
    word: str, two: tuple[str, str] | None
) -> None:
    assert split_compound(word) == two
    if two is not None:
        assert join_compound(*two) == word


@pytest.mark.parametrize(
    ("first", "second", "one"),
    [
        ("عبد", "الله", "عبدالله"),
        ("وعبد", "الرحمن", "وعبدالرحمن"),
        ("ابو", "مازن", "ابومازن"),
        ("نصر", "الله", "نصرالله"),
        ("عبد", "ه", None),
        ("عبد", "كريم", None),  # عبد before a name without the article or رب
        ("ابو", "علي1", None),
        ("في", "الله", None),
        ("الله", "عبد", None),
    ],
)
def test_two_words_are_joined_only_where_they_are_a_compound_name(
    first: str, second: str, one: str | None
) -> None:
    assert join_compound(first, second) == one


def test_a_phrase_s_spellings_choose_each_compound_both_ways() -> None:
    tokens = tuple(search_tokens("الملك عبدالله بن عبد العزيز"))
    assert compound_spellings(tokens) == (
        ("الملك", "عبدالله", "بن", "عبدالعزيز"),
        ("الملك", "عبد", "الله", "بن", "عبد", "العزيز"),
        ("الملك", "عبد", "الله", "بن", "عبدالعزيز"),
    )
    assert compound_spellings(("الملك", "سلمان")) == ()
    assert compound_spellings(("ابوظبي",)) == (("ابو", "ظبي"),)


def test_many_compounds_ask_for_a_bounded_number_of_spellings() -> None:
    tokens = ("عبدالله",) * 10
    spellings = compound_spellings(tokens)
    assert 0 < len(spellings) == MAX_SPELLINGS - 1
    assert all(spelling != tokens for spelling in spellings)


@given(st.lists(st.sampled_from(["عبد", "الله", "ابو", "ظبي", "عبدالله", "في", "x"]), max_size=12))
def test_every_spelling_has_the_same_letters(words: list[str]) -> None:
    for spelling in compound_spellings(tuple(words)):
        assert "".join(spelling) == "".join(words)
        assert spelling != tuple(words)
