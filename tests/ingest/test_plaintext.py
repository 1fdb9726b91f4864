"""The sample article format: every part lands in its own field."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.ingest import BadArticle, read_articles
from timeline.ingest.plaintext import parse_plain_article

ARTICLE = """عنوان الخبر هنا

نشر في الخميس 22 آذار / مارس 1945 10:00 صباحاً
عنوان الخبر هنا
صورة من الحدث

وكالة الأنباء :- السطر الأول من المتن.

الفقرة الثانية من المتن.

رويترز
"""


def test_fields_of_a_well_formed_article() -> None:
    draft = parse_plain_article(ARTICLE, origin="x.txt")
    assert draft.title == "عنوان الخبر هنا"
    assert draft.published_raw == "نشر في الخميس 22 آذار / مارس 1945 10:00 صباحاً"
    assert draft.caption == "صورة من الحدث"
    assert draft.source == "وكالة الأنباء"
    assert draft.body == "السطر الأول من المتن.\n\nالفقرة الثانية من المتن."
    assert draft.credit == "رويترز"
    assert draft.origin == "x.txt"


def test_article_without_marker_keeps_the_whole_body() -> None:
    text = "عنوان\n\n2021-05-22\nفقرة أولى طويلة من المتن.\nفقرة ثانية."
    draft = parse_plain_article(text)
    assert draft.source == ""
    assert draft.body == "فقرة أولى طويلة من المتن.\nفقرة ثانية."
    assert draft.published_raw == "2021-05-22"


def test_a_long_last_paragraph_is_not_taken_for_a_credit() -> None:
    text = "عنوان\n\n2021\nمصدر :- متن.\n\nوقال المتحدث إن الاجتماع سيعقد الأسبوع المقبل في الرياض."
    draft = parse_plain_article(text)
    assert draft.credit == ""
    assert draft.body.endswith("في الرياض.")


@pytest.mark.parametrize("text", ["", "\n\n  \n", "عنوان فقط"])
def test_empty_or_bodiless_files_are_bad(text: str) -> None:
    with pytest.raises(BadArticle):
        parse_plain_article(text)


def test_seed_article(corpus: Path) -> None:
    seed = corpus / "seed" / "000_e3dea70be14111b3.txt"
    (draft,) = read_articles(seed)
    assert draft.title == "كوريا الجنوبية وأمريكا يتفقان على تحالف قوي في محادثات القمة بينهما"
    assert draft.published_raw == "تم نشره السبت 22nd أيّار / مايو 2021 01:32 صباحاً"
    assert draft.caption == "مون و بايدن"
    assert draft.source == "المدينة نيوز"
    assert draft.credit == "وكالات"
    # Nothing of the body is lost: every body line of the file is in the draft.
    raw = seed.read_text(encoding="utf-8")
    body_in_file = raw.split(":-", 1)[1].rsplit("وكالات", 1)[0]
    assert " ".join(draft.body.split()) == " ".join(body_in_file.split())
