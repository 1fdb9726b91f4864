"""Clitics and light stemming: which index terms are forms of a word, and a typed word's base."""

from __future__ import annotations

import pytest

from timeline.text.normalize import normalize
from timeline.text.stemmer import forms_of_base, is_form_of, light10, query_base, scan_prefixes


def n(word: str) -> str:
    return normalize(word)


@pytest.mark.parametrize(
    ("term", "base"),
    [
        ("بكوريا", "كوريا"),
        ("وأمريكا", "أمريكا"),
        ("القمة", "قمة"),
        ("قمتهما", "قمة"),
        ("والقمة", "قمة"),
        ("للقمتين", "قمة"),
        ("والكوري", "كوري"),
        ("الكوريين", "كوري"),
        ("وبالحكومة", "حكومة"),
        ("حكوماتهم", "حكومة"),
        ("المعلمون", "معلم"),
        ("ستعقد", "تعقد"),
        ("زلزالًا", "زلزال"),  # the accusative's alif
        ("متسولًا", "متسول"),
        ("التايلاندي", "تايلاند"),  # the relative adjective of a long noun
        ("والسنغاليين", "سنغال"),
        ("الدنماركية", "الدنمارك"[2:]),
        ("يعزيني", "يعزي"),  # the object pronoun "me"
    ],
)
def test_forms_with_clitics_and_endings(term: str, base: str) -> None:
    assert is_form_of(n(term), n(base))


@pytest.mark.parametrize(
    ("term", "base"),
    [
        ("ماليزيا", "مال"),  # a name is not a form of a shorter word
        ("بايدن", "بايد"),
        ("مالي", "مال"),
        ("سوريا", "كوريا"),
        ("قمح", "قمة"),
        ("قمتم", "قمة"),  # the verb, not the summit
        ("سكوريا", "كوريا"),  # the future particle only goes before a verb
        ("منها", "من"),  # two-letter words keep their surface form
        ("فيه", "في"),
        ("سعودي", "سعود"),  # no relative adjective of a short base: Saudi is not Saud
        ("كوريا", "كوري"),  # no accusative alif after ي: Korea is not "Korean"
        ("الكوريا", "كوري"),
        ("تركيا", "تركي"),
    ],
)
def test_not_forms(term: str, base: str) -> None:
    assert not is_form_of(n(term), n(base))


COUNTS = {
    n(w): c
    for w, c in {
        "كوريا": 170,
        "بكوريا": 10,
        "وريا": 2,
        "قمة": 300,
        "قمتهما": 1,
        "قمت": 20,
        "بريطانيا": 500,
        "ريطانيا": 3,
        "بايدن": 30,
        "ايدن": 1,
        "كوري": 40,
        "لجنة": 200,
        "جنة": 30,
        "كاميرون": 80,
        "امير": 1000,
        "كامير": 2,
    }.items()
}


@pytest.mark.parametrize(
    ("typed", "base"),
    [
        ("بكوريا", "كوريا"),
        ("كوريا", "كوريا"),  # not ك + وريا
        ("بريطانيا", "بريطانيا"),  # not ب + ريطانيا
        ("بايدن", "بايدن"),
        ("قمتهما", "قمة"),
        ("والكوري", "كوري"),
        ("الكوري", "كوري"),
        ("للجنة", "لجنة"),  # ل + لجنة, not لل + جنة
        ("قمة", "قمة"),
        ("في", "في"),
        ("كاميرون", "كاميرون"),  # not ك + أمير + ون: أميرون is not in the index
    ],
)
def test_query_base_strips_only_what_the_vocabulary_confirms(typed: str, base: str) -> None:
    assert query_base(n(typed), lambda t: COUNTS.get(t, 0)) == n(base)


# Document frequencies on the 31,030 SaudiNewsNet articles.
NEWS_COUNTS = {
    n(w): c
    for w, c in {
        "بايدن": 14,
        "ايدن": 16,
        "بلدية": 554,
        "لديه": 691,
        "لدي": 3204,
        "سعودية": 492,
        "سعودي": 632,
        "سعود": 2080,
        "ولاية": 625,
        "ولا": 4902,
        "ولبنان": 166,
        "لبنان": 421,
        "حكومتها": 13,
        "حكومة": 1011,
    }.items()
}


@pytest.mark.parametrize(
    ("typed", "base"),
    [
        ("بايدن", "بايدن"),  # not ب + ايدن (Eden): ايدن is hardly more common
        ("بلدية", "بلدية"),  # not ب + لدي + ه
        ("السعودية", "سعودية"),  # not سعود + ية
        ("ولاية", "ولاية"),  # not ولا + ية
        ("ولبنان", "لبنان"),
        ("حكومتها", "حكومة"),
    ],
)
def test_a_cut_needs_a_form_clearly_more_common(typed: str, base: str) -> None:
    assert query_base(n(typed), lambda t: NEWS_COUNTS.get(t, 0)) == n(base)


def test_forms_of_base_come_from_the_vocabulary_given() -> None:
    vocabulary = [n(w) for w in ["القمة", "قمة", "قمتهما", "قمح", "قمر", "بالقمة", "ماليزيا"]]
    assert forms_of_base(n("قمة"), vocabulary) == [
        n("قمة"),
        *sorted(n(w) for w in ["القمة", "قمتهما", "بالقمة"]),
    ]


def test_every_form_lies_in_a_scanned_range() -> None:
    base = n("قمة")
    prefixes = scan_prefixes(base)
    for term in ["القمة", "قمتهما", "وبالقمة", "للقمتين", "قمة"]:
        assert any(n(term).startswith(p) for p in prefixes), term


def test_light10() -> None:
    assert light10(n("والمعلمات")) == n("معلم")
    assert light10(n("القمة")) == light10(n("قمة"))
    assert light10(n("كتب")) == n("كتب")
