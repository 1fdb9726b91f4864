"""Threads: the rare terms picked and the ranking of related articles (pure)."""

from __future__ import annotations

from timeline.stories import candidate_terms, rare_terms, related

DAY = 86400


def test_candidate_terms_are_folded_index_tokens_without_short_words_and_numbers() -> None:
    terms = candidate_terms("أعلنت الوزارة في 2015 عن مهرجان التمور في بُريدة")
    assert "اعلنت" in terms and "بريده" in terms
    assert "في" not in terms and "2015" not in terms


def test_rare_terms_skip_unique_and_common_terms_rarest_first() -> None:
    counts = {"unique": 1, "rare": 3, "rarer": 2, "topic": 5000, "common": 30_000}
    assert rare_terms(counts, 31_000) == ["rarer", "rare"]


def test_related_needs_two_shared_terms_prefers_close_dates_and_skips_copies() -> None:
    counts = {"alpha": 3, "beta": 3, "gamma": 4}
    holders = {
        "alpha": [(1, 0), (2, 2 * DAY), (3, 60 * DAY), (4, DAY), (5, DAY)],
        "beta": [(1, 0), (2, 2 * DAY), (3, 60 * DAY), (5, DAY)],
        "gamma": [(1, 0), (4, DAY)],
    }
    found = related(1, 0, holders, counts, 31_000, exclude={5})
    ids = [r.article_id for r in found]
    assert ids[0] in (2, 4)
    assert 5 not in ids  # a copy is not a thread
    assert 3 not in ids  # two months apart: too faint
    assert all(len(r.shared) >= 2 for r in found)
    assert found == sorted(found, key=lambda r: -r.score)


def test_written_forms_give_each_term_as_the_text_first_writes_it() -> None:
    from timeline.stories.threads import written_forms

    text = "عادت الطائرةُ لإحضار دواء الراكبة، ثم أقلعت الطائرة. (راكبة أخرى)"
    terms = candidate_terms(text)
    assert "الطايره" in terms and "الراكبه" in terms  # folded: ة is ه, ئ is ي
    found = written_forms(text, ["الطايره", "الراكبه", "لاحضار", "غايب"])
    # The first writing, marks and all; a term the text never writes is left out.
    assert found == {"الطايره": "الطائرةُ", "الراكبه": "الراكبة", "لاحضار": "لإحضار"}
