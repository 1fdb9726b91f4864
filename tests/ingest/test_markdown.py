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


_FIELDS = {
    "title": "الرياض تستضيف اجتماع وزراء الخارجية العرب لبحث الأوضاع في المنطقة والتطورات الأخيرة",
    "date": "2015-07-21",
    "source": "sabq",
    "tags": ["سياسة", "الرياض"],
    "note": "سطر أول\nسطر ثان",
}


@pytest.mark.parametrize(
    "options",
    [
        {},  # PyYAML's default: every Arabic letter escaped, "\u0627...", wrapped at 80
        {"allow_unicode": True},  # a long title wrapped onto a second line
        {"allow_unicode": True, "default_style": '"'},  # keys quoted too
        {"allow_unicode": True, "default_flow_style": True},  # one {...} map
    ],
)
def test_front_matter_as_yaml_writers_write_it(options: dict) -> None:
    # Scripts that save articles write their front matter with PyYAML (or a JSON
    # encoder): escapes, values wrapped over lines, quoted keys.
    import yaml

    block = yaml.safe_dump(_FIELDS, **options)
    draft = parse_markdown_article(f"---\n{block}---\nنص الخبر هنا.\n")
    assert draft.title == _FIELDS["title"]
    assert (draft.published_raw, draft.source) == ("2015-07-21", "sabq")
    assert draft.tags == ("سياسة", "الرياض")
    assert draft.note == "سطر أول\nسطر ثان"
    assert draft.body == "نص الخبر هنا."


def test_front_matter_in_yaml_blocks_and_escapes() -> None:
    text = (
        "---\n"
        "title: >\n  اجتماع وزراء\n  الخارجية العرب\n"
        'author: "\\u0639\\u0628\\u062F \\U0001F600 \\x41\\tB"\n'
        "note: |\n  سطر أول\n  سطر ثان\n"
        "---\nنص الخبر هنا.\n"
    )
    draft = parse_markdown_article(text)
    assert draft.title == "اجتماع وزراء الخارجية العرب"  # folded onto one line
    assert draft.author == "عبد \U0001f600 A\tB"
    assert draft.note == "سطر أول\nسطر ثان"  # a note keeps its lines


@pytest.mark.parametrize(
    ("block", "title", "tags"),
    [
        # Not YAML (a colon in a plain value, a tab): read a line at a time, as before.
        ("title: الرياض: اجتماع\ntags: [أ, ب]", "الرياض: اجتماع", ("أ", "ب")),
        ("title:\tعنوان الخبر\n\tsource: x", "عنوان الخبر", ()),
        # An alias of aliases (a "billion laughs") is not walked: no tag, at once.
        (
            "a: &a [x, x]\n"
            + "\n".join(
                f"b{i}: &b{i} [*{f'b{i - 1}' if i else 'a'}, *{f'b{i - 1}' if i else 'a'}]"
                for i in range(60)
            )
            + "\ntags: *b59\ntitle: عنوان",
            "عنوان",
            (),
        ),
    ],
)
def test_front_matter_that_is_not_yaml_or_would_expand(block: str, title: str, tags: tuple) -> None:
    draft = parse_markdown_article(f"---\n{block}\n---\nنص الخبر هنا.\nوسطر ثان.\n")
    assert draft.title == title
    assert draft.tags == tags


def test_a_front_matter_too_long_for_yaml_is_read_by_lines() -> None:
    from timeline.ingest import markdown

    long_note = "ا " * markdown.YAML_CHARS
    draft = parse_markdown_article(f'---\ntitle: "عنوان"\nnote: {long_note}\n---\nنص الخبر هنا.\n')
    assert draft.title == "عنوان"
    assert draft.note == long_note.strip()


def test_a_yaml_tag_naming_code_is_never_run(tmp_path: Path) -> None:
    made = tmp_path / "made"
    block = f'title: !!python/object/apply:os.system ["touch {made}"]\nsource: !custom سبق'
    draft = parse_markdown_article(f"---\n{block}\n---\nنص الخبر هنا.\nوسطر ثان.\n")
    assert not made.exists()
    assert (draft.title, draft.source) == ("نص الخبر هنا.", "سبق")  # no title: the first line


@pytest.mark.parametrize(
    "line",
    [" " * 200_000 + "نص", "| --- | --- |" + " " * 200_000 + "نص", "\t" * 200_000 + "-"],
)
def test_long_runs_of_spaces_are_read_in_one_pass(line: str) -> None:
    """The table ruler's regex read a line of spaces from each of its spaces (a line of
    20,000 took 7 s; 200,000 would have been minutes)."""
    draft = parse_markdown_article(f"# عنوان\n\n{line}\n\nنص المقال في الرياض\n", "x")
    assert draft.title == "عنوان" and "نص المقال في الرياض" in draft.body


def test_table_rulers_are_still_known() -> None:
    text = "# عنوان\n\n| البند | الموعد |\n| :--- | ---: |\n|---|---|\n---|---\n| أ | ب |\n"
    assert "---" not in parse_markdown_article(text, "x").body


def test_a_block_value_of_spaces_is_one_line() -> None:
    text = "---\ntitle: |\n  عنوان" + " " * 5_000 + "\n  طويل\n---\nنص المقال في الرياض\n"
    assert parse_markdown_article(text, "x").title == "عنوان طويل"


def test_toml_front_matter_gives_the_fields_as_yaml_does() -> None:
    # Hugo's front matter: TOML between +++ lines, its dates TOML's own values.
    text = (
        "+++\n"
        'title = "افتتاح معرض الكتاب"\n'
        "date = 2015-08-10T09:00:00+03:00\n"
        "draft = false\n"
        'tags = ["ثقافة", "معارض"]\n'
        "+++\n\n"
        "افتتح أمير المنطقة معرض الكتاب في الرياض.\n"
    )
    draft = parse_markdown_article(text)
    assert (draft.title, draft.published_raw) == ("افتتاح معرض الكتاب", "2015-08-10T09:00:00+03:00")
    assert draft.body == "افتتح أمير المنطقة معرض الكتاب في الرياض."
    assert draft.tags == ("ثقافة", "معارض")
    dated = parse_markdown_article("+++\ntitle = 'عنوان'\ndate = 2015-08-10\n+++\nنص الخبر هنا.\n")
    assert (dated.title, dated.published_raw, dated.body) == (
        "عنوان",
        "2015-08-10",
        "نص الخبر هنا.",
    )


def test_toml_front_matter_that_does_not_parse_is_read_by_lines() -> None:
    # Written by hand: a value unquoted (TOML wants quotes), a key twice.
    text = (
        "+++\ntitle = الرياض: اجتماع\ntitle = ثان\ntags = [أ, ب]\n+++\nنص الخبر هنا.\nوسطر ثان.\n"
    )
    draft = parse_markdown_article(text)
    assert draft.title == "الرياض: اجتماع"
    assert draft.tags == ("أ", "ب")
    assert draft.body == "نص الخبر هنا.\nوسطر ثان."


@pytest.mark.parametrize("item", ["- بند آخر", "* بند آخر", "2. بند آخر"])
def test_a_last_list_item_stays_in_the_body(item: str) -> None:
    # A short last line is a plain-text article's sign-off ("وكالات"), not a list's item.
    draft = parse_markdown_article(f"# عنوان\n\nنص الخبر هنا.\n\n- بند\n{item}\n")
    assert draft.credit == ""
    assert draft.body == "نص الخبر هنا.\n\nبند\nبند آخر"
    signed = parse_markdown_article("# عنوان\n\nنص الخبر هنا.\n\nوكالات\n")
    assert (signed.body, signed.credit) == ("نص الخبر هنا.", "وكالات")
