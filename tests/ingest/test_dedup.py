"""Dedup keys: the canonical text they are made from."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from timeline.ingest import dedup
from timeline.model import ArticleDraft
from timeline.text.normalize import normalize

# Every character str.isspace() calls white space.
_WHITE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def _by_regex(text: str) -> str:
    """The key's text as it was first written: a regex substitution, then a strip."""
    return re.sub(r"\s+", " ", normalize(text)).strip()


def test_split_and_regex_agree_on_white_space() -> None:
    # The canonical text splits on str.isspace(); the key was defined with \s.
    regex_white = [chr(c) for c in range(sys.maxunicode + 1) if re.match(r"\s", chr(c))]
    assert regex_white == _WHITE
    assert len(_WHITE) > 20  # Unicode's, not only ASCII's


# The white space no XML holds (a vertical tab, a form feed, the separators U+001C-001F):
# the key reads it as the workbook and .timeline exports write it (U+FFFD), no longer
# as white space.
_UNWRITTEN_WHITE = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f"]


@given(
    st.text(
        alphabet=st.sampled_from(
            [
                *(w for w in _WHITE if w not in _UNWRITTEN_WHITE),
                *["ا", "أ", "ة", "\u064e", "ـ", "1", "a", "\u0654"],
            ]
        ),
        max_size=60,
    )
)
def test_canonical_text_is_the_regex_one(text: str) -> None:
    assert dedup._canonical(text) == _by_regex(text)


def test_unwritten_white_space_is_read_as_its_stand_ins() -> None:
    assert {w for w in _WHITE if dedup._canonical(f"a{w}b") != "a b"} == set(_UNWRITTEN_WHITE)
    for white in _UNWRITTEN_WHITE:
        symbol = chr(0x2400 + ord(white))
        assert dedup._canonical(f"a {white} b") == dedup._canonical(f"a {symbol} b")
        assert dedup._canonical(f"a{white}b") == "a\ufffdb"


def test_key_ignores_spacing_and_spelling_variants() -> None:
    plain = ArticleDraft(title="أخبار اليوم", body="قال  المتحدث\n\tإن الاجتماع", source="س")
    spaced = ArticleDraft(title=" اخبار\u00a0اليوم ", body="قال المتحدث إن الاجتماع ", source="س")
    other = ArticleDraft(title="أخبار اليوم", body="قال المتحدث أن الاجتماع تأجل", source="س")
    assert dedup.article_uid(plain) == dedup.article_uid(spaced)
    assert dedup.article_uid(plain) != dedup.article_uid(other)


def test_the_key_of_letters_of_other_alphabets_is_as_it_always_was() -> None:
    # Search folds ی ک ھ ڤ پ (with v15); the key does not: a library holds its articles
    # by the keys computed when they were imported, and an article imported again must
    # be known by them (this value is the key before that folding existed).
    persian = ArticleDraft(
        title="ایران و پاکستان", body="ڤيينا: ھذا خبر عن إيران في يناير", source="مصدر"
    )
    assert dedup.article_uid(persian) == "c3cc3f6f70638c89f513dce30ae38227"
    arabic = ArticleDraft(
        title="ايران و باكستان", body="فيينا: هذا خبر عن إيران في يناير", source="مصدر"
    )
    assert dedup.article_uid(arabic) != dedup.article_uid(persian)


# Made up: a body with a bell and an ESC, the same as a workbook writes it (each
# control's symbol) and as a .timeline file does (U+FFFD for each).
_WITH_CONTROLS = "عقد الاجتماع\x07 اليوم\x1b[1m في الرياض"
_AS_SYMBOLS = "عقد الاجتماع\u2407 اليوم\u241b[1m في الرياض"
_AS_REPLACED = "عقد الاجتماع\ufffd اليوم\ufffd[1m في الرياض"


def _draft(body: str, title: str = "عنوان الخبر", source: str = "مصدر") -> ArticleDraft:
    return ArticleDraft(title=title, body=body, source=source)


def test_a_control_and_what_an_export_writes_for_it_make_one_key() -> None:
    # A copy's copy: library B stored A's article as a workbook wrote it, and A reads an
    # export of B (docs/decisions.md: the second-generation copy was added again).
    keys = {dedup.article_uid(_draft(body)) for body in (_WITH_CONTROLS, _AS_SYMBOLS, _AS_REPLACED)}
    assert len(keys) == 1
    # In a title and a source too: the workbook writes every text so.
    assert dedup.article_uid(_draft("نص", "عنوان\x1b", "مصدر\x00")) == dedup.article_uid(
        _draft("نص", "عنوان\u241b", "مصدر\u2400")
    )


def test_only_what_an_export_writes_otherwise_is_folded() -> None:
    key = dedup.article_uid(_draft(_WITH_CONTROLS))
    others = [
        _WITH_CONTROLS.replace("\x07", "?"),  # a real character in its place
        _WITH_CONTROLS.replace("\x07", " "),  # white space
        _WITH_CONTROLS.replace("\x07", ""),  # nothing
        _WITH_CONTROLS.replace("\x07", "\u2409"),  # the symbol of a tab, which is written as is
        _WITH_CONTROLS.replace("\x07", "\x85"),  # a C1 control: XML holds it
        _WITH_CONTROLS.replace("الرياض", "جدة"),  # another word beside the same controls
        _WITH_CONTROLS.replace("\x07", "\x07\x07"),  # two controls for one
    ]
    assert all(dedup.article_uid(_draft(body)) != key for body in others)
    # The controls are read alike: a workbook tells them apart, a .timeline file cannot.
    assert dedup.article_uid(_draft(_WITH_CONTROLS.replace("\x07", "\x01"))) == key


def test_a_text_without_controls_or_their_stand_ins_keeps_its_key() -> None:
    # Computed before the key folded them (schema v21 keys again only the articles that
    # hold one): U+FFFD alone is read as it always was.
    replaced = _draft("نص فيه حرف \ufffd لم يقرأ، وتاريخ 5 مايو")
    assert dedup.article_uid(replaced) == "2f752ed0e27863fb2933f9dc7b91a548"
    assert dedup.article_uid(_draft("نص فيه حرف \x1a تحكم")) != "42858ff1860992790f480d65cbf7147f"
