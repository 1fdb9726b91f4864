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


def test_a_first_paragraph_that_names_a_year_is_body_not_a_date_line() -> None:
    # It was taken for the date line: the article dated 2015 and the paragraph gone.
    first = "زار الملك الرياض في عام 2015 وافتتح 3 مشاريع كبيرة في المدينة."
    text = f"زيارة الملك\n\n{first}\n\nوقال المسؤولون إن المشاريع ستكتمل قريبا.\n"
    draft = parse_plain_article(text)
    assert draft.published_raw == ""
    assert draft.body == f"{first}\n\nوقال المسؤولون إن المشاريع ستكتمل قريبا."


@pytest.mark.parametrize("line", ["نص الخبر في 12 مارس 2015", "الرياض 12 مارس 2015"])
def test_a_date_line_is_never_all_of_what_follows_the_title(line: str) -> None:
    # A short one-paragraph article whose paragraph names a date was read as a title
    # and a date line, and refused for having no body: the article was lost.
    draft = parse_plain_article(f"عنوان الخبر\n\n{line}\n")
    assert (draft.title, draft.body, draft.published_raw) == ("عنوان الخبر", line, "")
    # With a body after it, such a line is the date line, as before.
    draft = parse_plain_article(f"عنوان الخبر\n{line}\n\nفقرة من المتن.")
    assert (draft.published_raw, draft.body) == (line, "فقرة من المتن.")


@pytest.mark.parametrize(
    "line",
    [
        "نشر في الخميس 22 آذار / مارس 1945 10:00 صباحاً",
        "آخر تحديث: 21 يوليو 2015 - 10:30 ص",
        "Published on March 1, 2015 10:30 PM",
        "Sun, 01 Mar 2015 10:00:00 +0300",
        "الأحد 5 رمضان 1436 هـ الموافق 21 يونيو 2015",
    ],
)
def test_date_lines_in_other_forms(line: str) -> None:
    draft = parse_plain_article(f"عنوان\n{line}\n\nفقرة من المتن فيها 3 أرقام.")
    assert draft.published_raw == line
    assert draft.body == "فقرة من المتن فيها 3 أرقام."


def test_a_colon_in_running_text_is_not_the_source_marker() -> None:
    # "name :- body" opens the body; a colon before a negative number, or deep in the
    # text, took the paragraphs before it for a caption and the words before it for a source.
    paragraphs = [
        "ارتفعت درجات الحرارة في المنطقة الشمالية خلال الأسبوع الماضي ارتفاعا كبيرا،"
        " وقالت الأرصاد إن الموجة ستستمر حتى نهاية الشهر في معظم المدن والقرى." * 3,
        "وسجلت أقل درجة: -5 في المرتفعات.",
        "وقال المتحدث :- إن الوضع مستقر.",
    ]
    draft = parse_plain_article("عنوان\n\n" + "\n\n".join(paragraphs))
    assert (draft.source, draft.caption) == ("", "")
    assert draft.body == "\n\n".join(paragraphs)
    draft = parse_plain_article("عنوان\n\nالطقس: -5 درجات الليلة.\nفقرة ثانية.")
    assert (draft.source, draft.caption) == ("", "")
    assert draft.body == "الطقس: -5 درجات الليلة.\nفقرة ثانية."


@pytest.mark.parametrize("brk", ["\r", "\r\n", "\u2028", "\u2029", "\x85"])
def test_any_line_break_parts_the_lines(brk: str) -> None:
    # A file whose lines a word processor parted with U+2028 was one line: all title.
    draft = parse_plain_article(brk.join(["عنوان", "2021-05-22", "فقرة أولى.", "فقرة ثانية."]))
    assert (draft.title, draft.published_raw) == ("عنوان", "2021-05-22")
    assert draft.body == "فقرة أولى.\nفقرة ثانية."


@pytest.mark.parametrize(
    "paragraph",
    [
        "قال وزير الخارجية اليوم إن الاجتماع الذي عقد في 12 مارس 2015 كان مثمرا.",
        "هل ينجح الاتفاق؟",
        "وقال: «سنواصل العمل.»",
        "كلمة " * 60,  # longer than a title, ending anyhow
    ],
)
def test_a_file_of_one_paragraph_is_an_untitled_article(paragraph: str) -> None:
    # A paragraph copied and pasted (Import from the clipboard), or a note saved as
    # text, was taken for a title without a body and refused: the text was lost.
    draft = parse_plain_article(f"\n{paragraph}\n")
    assert draft.body == paragraph.strip() and draft.untitled
    assert draft.title == paragraph.strip()[:200].rstrip()  # no space a cut leaves at its end


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


def test_a_line_of_leading_spaces_is_read_in_one_pass() -> None:
    """The source marker's regex read a line of 20,000 spaces and a letter from each
    space with each length of name (45 s; here 200,000 would have been hours)."""
    draft = parse_plain_article("عنوان\n" + " " * 200_000 + "نص المقال", "x")
    assert draft.body.strip() == "نص المقال"
    marked = parse_plain_article("عنوان\n   واس :- قال المتحدث", "x")
    assert (marked.source, marked.body) == ("واس", "قال المتحدث")
