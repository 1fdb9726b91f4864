"""Search normalization: the spelling variants DESIGN.md names fold together."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.text.normalize import name_order, normalize, search_normalize, spellings


@pytest.mark.parametrize(
    ("variant", "query"),
    [
        ("أيّار", "ايار"),
        ("أيار", "ايار"),
        ("٢٠٢١", "2021"),
        ("۲۰۲۱", "2021"),
        ("إيـــران", "إيران"),
        ("إيـــران", "ايران"),
        ("أسامة", "اسامة"),
        ("آمال", "امال"),
        ("ٱلله", "الله"),
        ("مستشفى", "مستشفي"),
        ("مدرسة", "مدرسه"),
        ("مؤتمر", "موتمر"),
        ("رئيس", "رييس"),
        ("مُحَمَّدٌ", "محمد"),
        ("مـــايو", "مايو"),
        # Decomposed hamza (alef + U+0654) folds like the composed letter.
        ("\u0627\u0654\u064a\u0627\u0631", "ايار"),
    ],
)
def test_variants_fold_together(variant: str, query: str) -> None:
    assert normalize(variant) == normalize(query)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أيّار", "ايار"),
        ("٢٠٢١", "2021"),
        ("إيـــران", "ايران"),
        ("أسامة", "اسامه"),
        ("شبه الجزيرة الكورية", "شبه الجزيره الكوريه"),
        ("22nd أيّار / مايو 2021", "22nd ايار / مايو 2021"),
        ("Café", "Café"),
    ],
)
def test_normalized_text(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_shadda_no_longer_splits_a_word() -> None:
    assert normalize("أيّار").split() == ["ايار"]


def test_spellings_lists_every_letter_that_folds() -> None:
    assert set(spellings("ا")) == set("اأإآٱ")
    assert set(spellings("2")) == {"2", "٢", "۲"}
    assert spellings("ب") == "بپ" and spellings("ت") == "ت"
    for ch in "اأإآٱيىهةوؤئ0123456789یکھڤپ":
        folded = search_normalize(ch)
        assert ch in spellings(folded)


def test_letters_of_other_alphabets_are_folded_for_search_not_for_keys() -> None:
    # ایران (Persian yeh), ڤيينا (veh for v): found as ايران and فيينا are.
    assert search_normalize("ایران و پاکستان في ڤيينا، ھذا") == "ايران و باكستان في فيينا، هذا"
    assert normalize("ایران") == "ایران"  # the dedup key's text: as it was
    assert search_normalize("أيّار") == normalize("أيّار")


@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)) | st.text())
def test_normalize_is_idempotent_and_drops_every_mark(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert "\u0640" not in once and "\u0651" not in once
    assert unicodedata.is_normalized("NFC", unicodedata.normalize("NFC", once))


def test_names_are_ordered_as_a_reader_orders_them() -> None:
    names = [
        "مصدر-10",
        "مصدر-2",
        "Source 10",
        "source 9",
        "مصدر-١",
        "أخبار",
        "اخبار اليوم",
        "2 News",
    ]
    ordered = sorted(names, key=name_order)
    assert ordered.index("مصدر-١") < ordered.index("مصدر-2") < ordered.index("مصدر-10")
    assert ordered.index("source 9") < ordered.index("Source 10")  # case folded, by value
    assert ordered.index("أخبار") < ordered.index("اخبار اليوم")  # the hamza folded
    assert ordered[0] == "2 News"  # a number before letters
    # Any mix of numbers and words compares (no int met beside a str).
    assert sorted(["a1b", "1a", "a", "", "١٢"], key=name_order) == ["", "1a", "١٢", "a", "a1b"]


def presentation_forms(text: str) -> str:
    """text with each Arabic letter written as its isolated presentation form, as a
    renderer that cannot shape writes it (ا: ﺍ)."""
    out = []
    for ch in text:
        try:
            out.append(unicodedata.lookup(f"{unicodedata.name(ch)} ISOLATED FORM"))
        except (KeyError, ValueError):
            out.append(ch)
    return "".join(out)


def test_presentation_forms_are_written_as_their_letters() -> None:
    from timeline.text.normalize import fold_presentation_forms

    shaped = presentation_forms("المقاومة الشعبية")
    assert shaped != "المقاومة الشعبية" and all(
        "\ufe70" <= ch <= "\ufefc" for ch in shaped if ch != " "
    )
    assert fold_presentation_forms(shaped) == "المقاومة الشعبية"
    # Initial, medial and final forms, and the lam-alef ligature as two letters.
    assert fold_presentation_forms("ﺍﻟﺴﻌﻮﺩﻳﺔ") == "السعودية"
    assert fold_presentation_forms("اﻷرض وﻻة") == "الأرض ولاة"
    # Written on purpose: the word ligatures and the ornate parentheses stay.
    kept = "محمد ﷺ ﷲ ﷽ ﴿آية﴾ ﷼"
    assert fold_presentation_forms(kept) == kept
    plain = "نص عادي"
    assert fold_presentation_forms(plain) is plain


@given(st.text(alphabet=st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF)))
def test_folding_presentation_forms_is_idempotent_and_bounded(text: str) -> None:
    from timeline.text.normalize import fold_presentation_forms

    once = fold_presentation_forms(text)
    assert fold_presentation_forms(once) == once
    assert len(once) <= 3 * len(text)


@given(
    st.text(
        alphabet=st.sampled_from(["ا", "ل", " ", "1", "ﻻ", "ﺍ", "ﻟ", "ﷺ", "ﱞ", "\ufe70", "x"]),
        max_size=40,
    )
)
def test_folding_keeping_offsets_maps_each_character_to_its_source(text: str) -> None:
    from timeline.text.normalize import (
        fold_presentation_forms,
        fold_presentation_forms_keeping_offsets,
    )

    folded, origins = fold_presentation_forms_keeping_offsets(text)
    assert folded == fold_presentation_forms(text)
    if origins is None:
        assert folded == text
        return
    assert len(origins) == len(folded) + 1 and origins[-1] == len(text)
    assert origins == sorted(origins)
    for at, origin in enumerate(origins[:-1]):
        assert folded[at] in fold_presentation_forms(text[origin])


@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(["ا", "ل", " ", "ﻻ", "ﺍ", "ﷺ", "\ufb50", "\ufdcf", "\ufefc", "\ufefd"]),
            st.sampled_from(["\uefff", "\uf000", "\ufeff", "\uffff", "\ufffd", "\U0001f600"]),
            st.sampled_from(["\ud83d", "\udfff", "\x00", "\u00ef", "\u06ef", "\u0fef"]),
        ),
        max_size=30,
    )
)
def test_the_quick_look_for_presentation_forms_misses_none(text: str) -> None:
    # The byte search that spares the regex on most texts: the characters of the
    # ranges' ends and beside them, the other characters of U+F000-U+FFFF, lone
    # surrogates and a character past U+FFFF; the same as the regex alone.
    from timeline.text.normalize import (
        _PRESENTATION_FORMS,
        fold_presentation_forms,
        fold_presentation_forms_keeping_offsets,
    )

    def by_the_regex(text: str) -> str:
        return _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)

    assert fold_presentation_forms(text) == by_the_regex(text)
    assert fold_presentation_forms_keeping_offsets(text)[0] == by_the_regex(text)
