"""User queries: any input becomes a safe FTS5 expression or a clear SearchError."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.text import query as query_module
from timeline.text.normalize import normalize
from timeline.text.query import (
    EmptyQueryError,
    SearchError,
    hit_spans,
    parse_query,
    search_tokens,
    with_word_replaced,
)


@pytest.mark.parametrize(
    ("typed", "fts"),
    [
        ("ايار", '"ايار"'),
        ("أيّار", '"ايار"'),
        ("٢٠٢١", '"2021"'),
        ("إيـــران قمة", '"ايران" AND "قمه"'),
        ('"شبه الجزيرة الكورية"', '"شبه الجزيره الكوريه"'),
        ("«شبه الجزيرة»", '"شبه الجزيره"'),
        ("“شبه الجزيرة”", '"شبه الجزيره"'),
        ("الكوري*", '"الكوري"*'),
        ('"شبه الجزيرة الكوري"*', '"شبه الجزيره الكوري"*'),
        ("ايران OR العراق", '("ايران") OR ("العراق")'),
        ("ايران | العراق", '("ايران") OR ("العراق")'),
        ("قمة -ايران", '("قمه") NOT ("ايران")'),
        ('قمة -"شبه الجزيرة"', '("قمه") NOT ("شبه الجزيره")'),
        ("Covid-19", '"covid 19"'),
        ("CAFÉ", '"cafe"'),
        # FTS5 syntax is plain text: its words are searched, its punctuation dropped.
        ("NEAR(ايران العراق)", '"near ايران" AND "العراق"'),
        ("title:ايران", '"title ايران"'),
        ("^ايران", '"ايران"'),
        ("(ايران", '"ايران"'),
        ('ايران"', '"ايران"'),
        ('"ايران', '"ايران"'),
        # Boolean searches' AND and NOT (in capitals): what words are anyway, and -word.
        ("ايران AND العراق", '"ايران" AND "العراق"'),
        ("ايران NOT العراق", '("ايران") NOT ("العراق")'),
        ('ايران NOT "شبه الجزيرة" OR قمة', '(("ايران") NOT ("شبه الجزيره")) OR ("قمه")'),
        ("ايران and العراق not", '"ايران" AND "and" AND "العراق" AND "not"'),
        ("AND NOT", None),
        ("or", '"or"'),
        ("a_b", '"a b"'),
        ("*ايران", '"ايران"'),
        ("x - y", '"x" AND "y"'),
    ],
)
def test_fts_expression(typed: str, fts: str | None) -> None:
    if fts is None:
        with pytest.raises(EmptyQueryError):
            parse_query(typed)
        return
    assert parse_query(typed).fts() == fts


@pytest.mark.parametrize("typed", ["", "   ", '"', '""', "*", "؟", "-", "OR", "| |", "()", "…"])
def test_nothing_to_search_for(typed: str) -> None:
    with pytest.raises(EmptyQueryError, match="Type a word"):
        parse_query(typed)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-ايران", "needs at least one word"),
        ("ا*", "at least 3 letters"),
        ("ال*", "at least 3 letters"),
        ('"شبه ال"*', "at least 3 letters"),
        (" ".join(f"w{i}" for i in range(40)), "at most 32"),
    ],
)
def test_clear_errors(typed: str, message: str) -> None:
    with pytest.raises(SearchError, match=message):
        parse_query(typed)


def test_search_error_is_a_value_error() -> None:
    assert issubclass(SearchError, ValueError)
    assert issubclass(EmptyQueryError, SearchError)


@given(st.text())
def test_any_input_parses_or_says_why(typed: str) -> None:
    try:
        query = parse_query(typed)
    except SearchError as exc:
        assert str(exc)
        return
    fts = query.fts()
    # Every string literal is closed and holds letters, digits and spaces only.
    assert fts.count('"') % 2 == 0
    for literal in fts.split('"')[1::2]:
        assert literal and all(ch.isalnum() or ch == " " for ch in literal)


def text_of(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(
    ("text", "query", "hits"),
    [
        ("في أيّار الماضي وفي أيار", "ايار", ["أيّار", "أيار"]),
        ("حرب أيّارٌ، ثم", "ايار", ["أيّارٌ"]),
        ("عام ٢٠٢١ أو 2021، لا و2021", "2021", ["٢٠٢١", "2021"]),
        ("زار إيـــران أمس", "إيران", ["إيـــران"]),
        ("قال أسامة", "اسامة", ["أسامة"]),
        ("في شبه الجزيرة الكوريّة اليوم", '"شبه الجزيرة الكورية"', ["شبه الجزيرة الكوريّة"]),
        ("الكوريتين ثم الكوري الكورية والكوري", "الكوري*", ["الكوريتين", "الكوري", "الكورية"]),
        ("Café CAFE cafe\u0301s", "cafe*", ["Café", "CAFE", "cafe\u0301s"]),
        # Not inside a longer word, not after a mark that joins it to the one before.
        ("بأيار وبِأيار أيارات", "ايار", []),
        ("ايران ثم العراق", "ايران OR العراق", ["ايران", "العراق"]),
        ("ايران والعراق", "ايران -العراق", ["ايران"]),
        # Any character around a word: typographic quotes, a joiner, an underscore, an
        # emoji; a tatweel before it is part of it.
        ("“إيران”\u200cإيران_إيران ـإيران", "ايران", ["إيران"] * 3 + ["ـإيران"]),
        ("😀إيران😀 إيران", "ايران", ["إيران"] * 2),
        ("ايران ثم 𝐀ايران", "ايران", ["ايران"]),  # a letter outside the plane joins
        # Letters of other alphabets, both ways; also in a phrase and a prefix.
        ("زار ایران ثم ڤيينا", "ايران OR فيينا", ["ایران", "ڤيينا"]),
        ("في فيينا", "ڤيينا", ["فيينا"]),
        ("قال ھذا المسؤول", '"هذا المسؤول"', ["ھذا المسؤول"]),
        ("پاکستان وباكستان", "باكست*", ["پاکستان"]),
    ],
)
def test_hit_spans_point_at_the_original_words(text: str, query: str, hits: list[str]) -> None:
    assert text_of(text, hit_spans(text, query)) == hits


def test_hit_spans_merge_overlapping_terms() -> None:
    text = "شبه الجزيرة الكورية"
    assert hit_spans(text, '"شبه الجزيرة" "الجزيرة الكورية"') == [(0, len(text))]


words = st.sampled_from(["أيّار", "ايار", "إيـــران", "قمة", "٢٠٢١", "2021", "الكوريّة", "مؤتمر"])
separators = st.sampled_from([" ", "، ", "\n", " (", ") ", "«", "» ", "-"])


@given(st.lists(st.tuples(words, separators), max_size=12), words)
def test_every_hit_normalizes_to_the_query(parts: list[tuple[str, str]], word: str) -> None:
    text = "".join(w + sep for w, sep in parts)
    spans = hit_spans(text, word)
    expected = [w for w, _ in parts if normalize(w) == normalize(word)]
    assert [search_tokens(text[s:e]) for s, e in spans] == [search_tokens(w) for w in expected]


forms_words = st.sampled_from(
    ["قمة", "القمة", "قمتهما", "بالقمة", "ايار", "أيّار", "بأيار", "إيـــران", "وإيران", "قمر"]
)
marks = st.sampled_from(["", "\u064e", "\u0651\u064c", "\u0640", "\u0301"])
gaps = st.sampled_from([" ", "، ", "\n", "«", "_", "\u200c", "ـ", "-", "😀", ""])


@given(st.lists(st.tuples(forms_words, marks, gaps), max_size=10))
def test_forms_are_found_around_their_shared_base_as_in_the_whole_text(
    parts: list[tuple[str, str, str]],
) -> None:
    # The page's fast path keys only the words around the base the forms share; it
    # finds exactly what keying every word of the text finds.
    text = "".join(w[:1] + mark + w[1:] + gap for w, mark, gap in parts)
    forms = {"قمه": ("قمه", "القمه", "قمتهما", "بالقمه"), "ايار": ("ايار", "بايار")}
    query = parse_query("قمة OR ايار")
    words = frozenset(w for group in forms.values() for w in group)
    assert hit_spans(text, query, forms) == query_module._word_hits(text, words)


def test_a_query_pasted_in_presentation_forms_searches_for_its_letters() -> None:
    from tests.text.test_normalize import presentation_forms

    typed = parse_query("المقاومة الشعبية -اليمن")
    pasted = parse_query(presentation_forms("المقاومة الشعبية -اليمن"))
    assert pasted.groups == typed.groups
    assert hit_spans("قالت المقاومة الشعبية", pasted) == hit_spans("قالت المقاومة الشعبية", typed)


@pytest.mark.parametrize(
    ("typed", "fts"),
    [
        # Typed in an East Asian keyboard's wide mode: the ASCII words, and the same in
        # the fullwidth forms a text may hold (the index keeps them as written).
        ("ＯＰＥＣ", '("opec" OR "ｏｐｅｃ")'),
        ("ＯＰＥＣ ２０１５", '("opec" OR "ｏｐｅｃ") AND ("2015" OR "２０１５")'),
        # Its operators are the ASCII ones: a phrase, an exclusion, a prefix, OR.
        ("＂ＯＰＥＣ في＂", '("opec في" OR "ｏｐｅｃ في")'),
        ("ＯＰＥＣ －الرياض", '(("opec" OR "ｏｐｅｃ")) NOT ("الرياض")'),
        ("ＯＰＥ＊", '("ope"* OR "ｏｐｅ"*)'),
        ("ＯＰＥＣ ＯＲ جدة", '(("opec" OR "ｏｐｅｃ")) OR ("جده")'),
        # An Arabic word in such a query is searched as it is.
        ("قمة　２０１５", '"قمه" AND ("2015" OR "２０１５")'),
        # Typed in ASCII: as before (a fullwidth text is found by a fullwidth query).
        ("OPEC 2015", '"opec" AND "2015"'),
    ],
)
def test_a_query_typed_in_fullwidth_forms_searches_for_its_ascii_words(
    typed: str, fts: str
) -> None:
    assert parse_query(typed).fts() == fts


def test_a_fullwidth_query_highlights_its_words_in_either_width() -> None:
    for typed in ("ＯＰＥＣ", "＂ＯＰＥＣ في＂", "ＯＰＥ＊"):
        for text, hit in (
            ("اجتماع ＯＰＥＣ في الرياض", "ＯＰＥＣ"),
            ("اجتماع OPEC في جدة", "OPEC"),
        ):
            found = [text[s:e] for s, e in hit_spans(text, typed)]
            assert found in ([hit], [f"{hit} في"]), (typed, text)


@pytest.mark.parametrize(
    ("typed", "fts"),
    [
        # A compound name typed as one word is found written as two, and the reverse.
        ("عبدالله", '("عبدالله" OR "عبد الله")'),
        ("أبو ظبي", '(("ابو" AND "ظبي") OR "ابوظبي")'),
        ('"عبد الله"', '("عبد الله" OR "عبدالله")'),
        ('"الملك عبد الله"', '("الملك عبد الله" OR "الملك عبدالله")'),
        ("الملك عبد العزيز", '"الملك" AND (("عبد" AND "العزيز") OR "عبدالعزيز")'),
        ("-عبدالله قمة", '("قمه") NOT (("عبدالله" OR "عبد الله"))'),
        # Two words apart are no compound: another word, an exclusion or OR between.
        ("عبد قمة العزيز", '"عبد" AND "قمه" AND "العزيز"'),
        ("عبد -قمة العزيز", '("عبد" AND "العزيز") NOT ("قمه")'),
        ("عبد OR الله", '("عبد") OR ("الله")'),
        ("عبد* الله", '"عبد"* AND "الله"'),
        ("عبدال*", '"عبدال"*'),
        ("الملك سلمان", '"الملك" AND "سلمان"'),
    ],
)
def test_compound_names_are_searched_both_ways(typed: str, fts: str) -> None:
    assert parse_query(typed).fts() == fts


def test_a_compound_name_s_forms_are_searched_both_ways_too() -> None:
    forms = {"عبدالله": ("عبدالله", "وعبدالله"), "ابوه": ("ابوه", "ابوتها")}
    assert parse_query("عبدالله").fts(forms) == (
        '("عبدالله" OR "عبد الله" OR "وعبدالله" OR "وعبد الله")'
    )
    # A word that is no compound has its forms as before, none of them cut in two.
    assert parse_query("أبوه").fts(forms) == '("ابوه" OR "ابوتها")'


def test_both_spellings_of_a_compound_name_are_highlighted() -> None:
    text = "استقبل عبد الله الضيوف، وقال عبدالله إن أبو ظبي وأبوظبي في أبوظبي"
    spans = hit_spans(text, "عبدالله")
    assert [text[s:e] for s, e in spans] == ["عبد الله", "عبدالله"]
    spans = hit_spans(text, "عبد الله")
    assert [text[s:e] for s, e in spans] == ["عبد", "الله", "عبدالله"]
    spans = hit_spans(text, "أبو ظبي", {"ابوظبي": ("ابوظبي", "وابوظبي")})
    assert [text[s:e] for s, e in spans] == ["أبو", "ظبي", "وأبوظبي", "أبوظبي"]
    assert [text[s:e] for s, e in hit_spans(text, '"أبو ظبي"')] == ["أبو ظبي", "أبوظبي"]


@pytest.mark.parametrize(
    ("typed", "replaced"),
    [
        ("مجلس الوزرا", "مجلس وزراء"),  # the other word as typed
        ('"الوزرا" -النفط', '"وزراء" -النفط'),  # quoted, beside an excluded word
        ("الوزرا* OR مجلس", "وزراء* OR مجلس"),  # a prefix's star kept
        ("(الوزرا)", "(وزراء)"),
        ("مجلس  الوزرآ", "مجلس  وزراء"),  # written with another alef: read as the token
        ("مجلس الـوزرا", "مجلس وزراء"),  # a tatweel in it
    ],
)
def test_a_chosen_spelling_takes_its_words_place(typed: str, replaced: str) -> None:
    assert with_word_replaced(typed, search_tokens("الوزرا")[0], "وزراء") == replaced


def test_a_spelling_for_no_word_typed_replaces_nothing() -> None:
    assert with_word_replaced("مجلس الشورى", "الوزرا", "وزراء") is None
    # Only a word that is the token alone: not one the token is part of.
    assert with_word_replaced("الوزراالكبار", "الوزرا", "وزراء") is None


@pytest.mark.parametrize(
    "glued",
    [
        "-".join(["ع"] * 10_000),  # punctuation parts a word into tokens
        "\u2066".join(["الخبر"] * 10_000),  # as do the characters the index spaces
        "ع\u08e2" * 10_000,
        '"' + " ".join(["الخبر"] * 10_000) + '"',  # a phrase counts as one of MAX_TERMS
    ],
)
def test_a_search_of_thousands_of_glued_words_is_refused_at_once(glued: str) -> None:
    """MAX_TERMS counted what spaces part: a pasted line of words glued by punctuation
    or format characters was one word of 10,000 tokens, 1.2 GB and 9 s of the index's
    work (on 5,000 articles) before the time limit refused it."""
    import time

    started = time.perf_counter()
    with pytest.raises(SearchError, match="at most 256 words in all"):
        parse_query(glued)
    assert time.perf_counter() - started < 1.0


def test_a_quoted_sentence_of_as_many_words_as_a_search_takes_is_one() -> None:
    words = " ".join(f"كلمة{n}" for n in range(query_module.MAX_TOKENS))
    (group,) = parse_query(f'"{words}"').groups
    (term,) = group.required
    assert len(term.tokens) == query_module.MAX_TOKENS and term.exact
    with pytest.raises(SearchError):
        parse_query(f'"{words} أخرى"')
    with pytest.raises(SearchError):  # words and phrases together
        parse_query(f'"{words}" أخرى')
