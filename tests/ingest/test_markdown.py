"""Markdown articles: front matter for the fields, the text with its markup taken off."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.ingest import BadArticle, read_articles
from timeline.ingest.markdown import parse_markdown_article

CLIPPED = """---
title: "افتتاح معرض الكتاب: الدورة الأولى"
date: 2015-03-06T10:00:00+03:00
source: sabq   # the site
url: https://sabq.org/x
author: 'عبد الله ''الراجحي'''
tags: [أخبار, معارض]
anchor: &a "x"
copy: *a
---

# افتتاح معرض الكتاب: الدورة الأولى

![صورة الافتتاح](https://img.example/a.jpg "الصورة")

افتتح **أمير المنطقة** يوم *الخميس 5 مارس 2015* معرض [الكتاب](https://example.org/book "رابط")
في الرياض، وتابعه ~~الآلاف~~ الزوار عبر <https://live.example.org>.

> وقال المنظمون إن المعرض يستمر `عشرة أيام` \\*فقط\\*.

- الجناح الأول
1. الجناح الثاني

| القاعة | السعة |
|--------|------:|
| أ      | 300   |

```
سطر من شيفرة **كما هو**
```

---
[1]: https://example.org
"""


def test_front_matter_gives_the_fields_and_markup_is_taken_off() -> None:
    draft = parse_markdown_article(CLIPPED, origin="a.md")
    assert draft.title == "افتتاح معرض الكتاب: الدورة الأولى"
    assert draft.published_raw == "2015-03-06T10:00:00+03:00"
    assert (draft.source, draft.url) == ("sabq", "https://sabq.org/x")
    assert draft.author == "عبد الله 'الراجحي'"
    assert draft.body.split("\n") == [
        "افتتح أمير المنطقة يوم الخميس 5 مارس 2015 معرض الكتاب",
        "في الرياض، وتابعه الآلاف الزوار عبر https://live.example.org.",
        "",
        "وقال المنظمون إن المعرض يستمر عشرة أيام *فقط*.",
        "",
        "الجناح الأول",
        "الجناح الثاني",
        "",
        "| القاعة | السعة |",
        "| أ      | 300   |",
        "",
        "سطر من شيفرة **كما هو**",  # code as written
    ]
    assert draft.origin == "a.md"
    assert draft.tags == ("أخبار", "معارض")  # the user's, given to the article on import


@pytest.mark.parametrize(
    ("block", "tags"),
    [
        ('tags:\n  - "clippings"\n  - أخبار\nnote: راجع المصدر', ("clippings", "أخبار")),
        ("Tags: حروب; هدنة\nnote: راجع المصدر", ("حروب", "هدنة")),
        ("tags: ['a', \"b\", [nested], ]\nnote: راجع المصدر", ("a", "b")),
        ("tags:\nnote: راجع المصدر\n- not its item", ()),
    ],
)
def test_front_matter_tags_as_sites_and_clippers_write_them(block: str, tags: tuple) -> None:
    draft = parse_markdown_article(f"---\ntitle: عنوان\n{block}\n---\nنص الخبر\n")
    assert (draft.title, draft.body) == ("عنوان", "نص الخبر")
    assert draft.tags == tags
    assert draft.note == "راجع المصدر"


def test_without_front_matter_the_heading_is_the_title_and_a_date_line_is_read() -> None:
    draft = parse_markdown_article("# عنوان الخبر\n\nنشر في 5 مارس 2015\n\nنص __الخبر__ هنا.\n")
    assert (draft.title, draft.published_raw) == ("عنوان الخبر", "نشر في 5 مارس 2015")
    assert draft.body == "نص الخبر هنا."


def test_a_date_line_under_a_front_matter_date_stays_in_the_body() -> None:
    text = "---\ntitle: عنوان\ndate: 2015-03-06\n---\nنشر في 5 مارس 2015\n\nنص الخبر هنا.\n"
    draft = parse_markdown_article(text)
    assert draft.published_raw == "2015-03-06"
    assert draft.body == "نشر في 5 مارس 2015\nنص الخبر هنا."


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: x\nبلا نهاية\n\nنص الخبر.",  # a block that does not end is body
        "---\n---\nعنوان\n\nنص الخبر.",  # an empty block
    ],
)
def test_front_matter_that_is_not_one_loses_nothing(text: str) -> None:
    draft = parse_markdown_article(text)
    assert "نص الخبر." in draft.body
    # Its lines are the article's (the --- a rule, which goes).
    assert draft.title in ("title: x", "عنوان")


def test_a_file_of_markup_alone_is_no_article() -> None:
    with pytest.raises(BadArticle):
        parse_markdown_article("---\ntitle: x\n---\n```\n```\n---\n")


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        # Openers without closers stay as they are (and are read once: see the module).
        ("[a](" * 50, "[a](" * 50),
        ("**" * 20 + "x", "**" * 20 + "x"),
        ("<http:a" * 10, "<http:a" * 10),
        ("a_b_c snake_case", "a_b_c snake_case"),  # underscores inside words are words
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("[نص](رابط) و[آخر][1]", "نص وآخر"),
        ("\\*ليس\\* \\[رابطا\\](x) \\\\", "*ليس* [رابطا](x) \\"),  # escaped: as written
    ],
)
def test_inline_markup(line: str, shown: str) -> None:
    last = "سطر أخير من الخبر، فيه ما يكفي من الكلمات."
    body = parse_markdown_article(f"عنوان\n\n{line}\n{last}\n").body
    assert body.split("\n") == [shown, last]


def test_a_markdown_file_is_imported(tmp_path: Path) -> None:
    path = tmp_path / "خبر.md"
    path.write_text(CLIPPED, encoding="utf-8")
    (draft,) = read_articles(path)
    assert draft.source == "sabq" and draft.body.startswith("افتتح أمير المنطقة")
