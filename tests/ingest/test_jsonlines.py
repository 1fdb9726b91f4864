"""JSON Lines and JSON articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.ingest import ArticleFile, BadArticle, Rejected, collect_files, read_articles


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_json_lines_fields(tmp_path: Path) -> None:
    record = {
        "title": "عنوان",
        "body": "متن",
        "published": "2015-07-31 04:33:02",
        "source": "aawsat",
        "url": "http://example.org/1",
        "author": "كاتب",
    }
    (draft,) = read_articles(write(tmp_path / "a.jsonl", json.dumps(record, ensure_ascii=False)))
    assert (draft.title, draft.body, draft.published_raw) == ("عنوان", "متن", "2015-07-31 04:33:02")
    assert (draft.source, draft.url, draft.author) == ("aawsat", "http://example.org/1", "كاتب")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"title": "a", "body": "b"}\n{not json', "line 2"),
        ('{"title": 5, "body": "b"}', "'title' must be a string"),
        ('{"title": "a"}', "body"),
        ("[1, 2]", "JSON object"),
        ('{"title": "a", "text": "b", "date": true}', "'date' must be a string"),
        ('{"title": "a", "content": [1, 2]}', "'content' must be a string"),
    ],
)
def test_bad_records_name_the_problem(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(BadArticle, match=message):
        list(read_articles(write(tmp_path / "bad.jsonl", content)))


def test_an_optional_field_that_is_no_text_is_left_out_not_the_article(tmp_path: Path) -> None:
    # WordPress's REST API gives a post's author as a user's number: the post was
    # refused ("'author' must be a string").  Named by hand (--columns), it still is.
    content = '{"title": "a", "body": "b", "url": 5, "author": 3, "source": [1]}'
    (draft,) = read_articles(write(tmp_path / "a.jsonl", content))
    assert (draft.body, draft.url, draft.author, draft.source) == ("b", "", "", "")
    with ArticleFile(tmp_path / "a.jsonl", {"author": "author"}) as read:
        (rejected,) = list(read)
    assert isinstance(rejected, Rejected) and rejected.reason.endswith("must be a string")


def test_answers_of_the_news_apis_researchers_use(tmp_path: Path) -> None:
    """The Guardian's and the New York Times' answers hold their articles in an object
    ({"response": {"results" | "docs": [...]}}), WordPress's REST API gives its texts as
    objects of HTML ({"rendered": "<p>..."}): each was refused ("missing or empty
    'body'", "'author' must be a string") or stored with its markup."""
    guardian = {
        "response": {
            "status": "ok",
            "total": 1,
            "results": [
                {
                    "id": "world/2015/mar/12/a",
                    "webPublicationDate": "2015-03-12T10:00:00Z",
                    "webTitle": "Summit opens in Riyadh",
                    "webUrl": "https://www.theguardian.com/world/2015/mar/12/a",
                    "fields": {
                        "body": "<p>The summit opened on 12 March 2015.</p><p>Talks went on.</p>",
                        "bodyText": "The summit opened on 12 March 2015. Talks went on.",
                        "byline": "Jane Doe",
                    },
                }
            ],
        }
    }
    nyt = {
        "status": "OK",
        "copyright": "Copyright (c)",
        "response": {
            "docs": [
                {
                    "web_url": "https://www.nytimes.com/2015/03/12/world/a.html",
                    "abstract": "A summit opened.",
                    "lead_paragraph": "The summit opened on Thursday in Riyadh.",
                    "headline": {"main": "Summit Opens in Riyadh", "kicker": None},
                    "pub_date": "2015-03-12T10:00:00+0000",
                    "byline": {"original": "By Jane Doe", "person": []},
                    "source": "The New York Times",
                }
            ],
            "meta": {"hits": 1},
        },
    }
    wordpress = [
        {
            "id": 101,
            "date": "2015-03-12T10:00:00",
            "link": "https://example.sa/2015/03/12/summit/",
            "title": {"rendered": "افتتاح القمة &#8211; الرياض"},
            "content": {
                "rendered": "<p>افتتحت القمة في الرياض.</p>\n<p>وقال المتحدث إنها ناجحة.</p>\n"
            },
            "author": 3,
        }
    ]
    got = {}
    for name, answer in (("g", guardian), ("n", nyt), ("w", wordpress)):
        (got[name],) = read_articles(write(tmp_path / f"{name}.json", json.dumps(answer)))
    g, n, w = got["g"], got["n"], got["w"]
    assert (g.title, g.url, g.author) == (
        "Summit opens in Riyadh",
        "https://www.theguardian.com/world/2015/mar/12/a",
        "Jane Doe",
    )
    # Its HTML body, read as HTML: its paragraphs, not its tags.
    assert (g.body, g.published_raw) == (
        "The summit opened on 12 March 2015.\n\nTalks went on.",
        "2015-03-12T10:00:00Z",
    )
    assert (n.title, n.body, n.author, n.source) == (
        "Summit Opens in Riyadh",
        "The summit opened on Thursday in Riyadh.",
        "By Jane Doe",
        "The New York Times",
    )
    assert (n.url, n.published_raw) == (
        nyt["response"]["docs"][0]["web_url"],
        "2015-03-12T10:00:00+0000",
    )
    assert (w.title, w.body, w.url, w.author) == (
        "افتتاح القمة – الرياض",
        "افتتحت القمة في الرياض.\n\nوقال المتحدث إنها ناجحة.",
        "https://example.sa/2015/03/12/summit/",
        "",
    )


def test_crawlers_records_and_event_registrys_answer(tmp_path: Path) -> None:
    """news-please (the crawler of the CC-News corpus) writes maintext, date_publish,
    source_domain and a list of authors; Event Registry answers {"articles": {"results":
    [...]}} with a source as {"uri", "title"}: their texts, dates and sources were lost."""
    crawled = {
        "authors": ["أ", "ب"],
        "date_publish": "2015-03-12 10:00:00",
        "maintext": "افتتحت القمة في الرياض.",
        "source_domain": "example.sa",
        "title": "افتتاح القمة",
        "url": "https://example.sa/a",
    }
    (draft,) = read_articles(write(tmp_path / "np.json", json.dumps(crawled)))
    assert (draft.body, draft.published_raw, draft.source, draft.author) == (
        "افتتحت القمة في الرياض.",
        "2015-03-12 10:00:00",
        "example.sa",
        "أ, ب",
    )
    answer = {
        "articles": {
            "results": [
                {
                    "uri": "1",
                    "lang": "ara",
                    "dateTime": "2015-03-12T10:00:00Z",
                    "url": "https://example.sa/b",
                    "title": "القمة",
                    "body": "نص الخبر.",
                    "source": {"uri": "example.sa", "title": "صحيفة المثال"},
                }
            ],
            "totalResults": 1,
        }
    }
    (draft,) = read_articles(write(tmp_path / "er.json", json.dumps(answer)))
    assert (draft.body, draft.published_raw, draft.source) == (
        "نص الخبر.",
        "2015-03-12T10:00:00Z",
        "صحيفة المثال",
    )


def test_a_telegram_channels_export_and_texts_given_as_lists(tmp_path: Path) -> None:
    """Arabic news runs on Telegram channels, and Telegram Desktop exports a channel as
    {"name", "type", "messages": [...]}, a formatted message's text as a list of pieces
    (plain strings and {"type": "bold", "text": ...}): such messages were refused
    ("'text' must be a string").  A scraper's list of paragraphs is a body, an API's
    list of authors names them all."""
    channel = {
        "name": "قناة الأخبار",
        "type": "public_channel",
        "messages": [
            {"id": 1, "type": "service", "date": "2015-03-11T09:00:00", "text": ""},
            {
                "id": 2,
                "type": "message",
                "date": "2015-03-12T11:30:00",
                "from": "قناة الأخبار",
                "text": [
                    {"type": "bold", "text": "الرياض:"},
                    " قال المتحدث إن المحادثات ستستمر حتى ",
                    {"type": "link", "text": "https://example.sa/a"},
                    " الجمعة.",
                ],
            },
        ],
    }
    with ArticleFile(write(tmp_path / "result.json", json.dumps(channel))) as read:
        items = list(read)
    assert [(r.where, r.reason) for r in items if isinstance(r, Rejected)] == [
        ("article 1", "missing or empty 'body'")  # the channel's creation: no text
    ]
    (message,) = [d for d in items if not isinstance(d, Rejected)]
    assert (
        message.body == "الرياض: قال المتحدث إن المحادثات ستستمر حتى https://example.sa/a الجمعة."
    )
    assert (message.source, message.published_raw) == ("قناة الأخبار", "2015-03-12T11:30:00")
    record = {
        "title": ["خبر", "عاجل"],
        "body": ["فقرة أولى.", " فقرة ثانية."],
        "author": ["أ", "ب"],
    }
    (draft,) = read_articles(write(tmp_path / "a.jsonl", json.dumps(record)))
    assert (draft.title, draft.body, draft.author) == (
        "خبر عاجل",
        "فقرة أولى.\n\nفقرة ثانية.",
        "أ, ب",
    )


def test_markup_is_read_as_html_but_in_this_programs_own_records(tmp_path: Path) -> None:
    body = "<p>فقرة أولى &amp; شيء</p><p>فقرة <b>ثانية</b></p>"
    plain = "قال إن a<b و c>d ليست وسوما."  # a '<' that opens no element stays
    records = [
        {"title": "أ", "body": body},
        {"title": "ب", "body": plain},
        {"title": "ج", "body": body, "published_raw": "2015-03-12"},  # ours: as stored
    ]
    path = write(
        tmp_path / "a.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    )
    first, second, ours = read_articles(path)
    assert first.body == "فقرة أولى & شيء\n\nفقرة ثانية"
    assert second.body == plain
    assert ours.body == "<p>فقرة أولى & شيء</p><p>فقرة <b>ثانية</b></p>"


def test_keys_are_read_by_the_names_a_tables_headers_have(tmp_path: Path) -> None:
    records = [
        {"headline": "أ", "text": "نص", "date": "2015-03-01", "site": "موقع", "link": "http://e/1"},
        {"Title": "ب", "Content": "نص", "Published At": "2015-03-02", "تاريخ": "2016-01-01"},
        {"العنوان": "ج", "النص": "نص", "التاريخ": "1 مارس 2015", "المصدر": "م"},
        # The canonical name first, then its other names: an empty one is passed over.
        {"title": "د", "body": "", "content": "نص", "published": "", "published_raw": "2015"},
    ]
    path = write(
        tmp_path / "a.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    )
    drafts = list(read_articles(path))
    assert [(d.title, d.body, d.published_raw) for d in drafts] == [
        ("أ", "نص", "2015-03-01"),
        ("ب", "نص", "2015-03-02"),
        ("ج", "نص", "1 مارس 2015"),
        ("د", "نص", "2015"),
    ]
    assert (drafts[0].source, drafts[0].url, drafts[2].source) == ("موقع", "http://e/1", "م")


def test_an_apis_answer_is_read_as_its_list_of_articles(tmp_path: Path) -> None:
    answer = {
        "status": "ok",
        "totalResults": 2,
        "articles": [
            {"source": {"id": None, "name": "Outlet"}, "title": "أ", "content": "نص",
             "publishedAt": "2015-03-01T10:00:00Z"},
            {"source": {"id": "x"}, "title": "ب", "content": "نص آخر"},
        ],
    }  # fmt: skip
    drafts = list(read_articles(write(tmp_path / "api.json", json.dumps(answer))))
    assert [(d.title, d.source, d.published_raw) for d in drafts] == [
        ("أ", "Outlet", "2015-03-01T10:00:00Z"),
        ("ب", "", ""),
    ]
    # One article with a list of its own (tags) is still one article.
    one = {"title": "ج", "body": "نص", "tags": [{"name": "x"}]}
    (draft,) = read_articles(write(tmp_path / "one.json", json.dumps(one)))
    assert draft.title == "ج"


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [
        (1425204000, "2015-03-01T10:00:00Z"),
        (1425204000500, "2015-03-01T10:00:00.500000Z"),
        (1425204000.25, "2015-03-01T10:00:00.250000Z"),
        (10**30, str(10**30)),  # no calendar holds it: kept as written, so said unreadable
    ],
)
def test_a_number_given_as_the_date_is_unix_time(tmp_path: Path, stamp: float, iso: str) -> None:
    record = {"title": "أ", "body": "نص", "published": stamp}
    (draft,) = read_articles(write(tmp_path / "n.jsonl", json.dumps(record)))
    assert draft.published_raw == iso


def test_keys_given_by_hand_and_an_empty_language(tmp_path: Path) -> None:
    record = {"h": "أ", "story": "نص", "when": "2015-03-01", "body": "غيره", "lang": ""}
    path = write(tmp_path / "g.jsonl", json.dumps(record, ensure_ascii=False))
    given = {"title": "h", "body": "story", "published": "when"}
    with ArticleFile(path, given) as source:
        (draft,) = list(source)
    assert (draft.title, draft.body, draft.published_raw, draft.lang) == (
        "أ",
        "نص",
        "2015-03-01",
        "ar",
    )
    with ArticleFile(path, {"body": "missing"}) as source:
        (rejected,) = list(source)
    assert isinstance(rejected, Rejected) and "no key 'missing' for body" in rejected.reason


def test_a_record_without_a_title_is_named_by_its_first_line(tmp_path: Path) -> None:
    content = '{"title": "", "body": " أول سطر\\nثانٍ"}\n{"body": "وحيد"}'
    drafts = list(read_articles(write(tmp_path / "u.jsonl", content)))
    assert [(d.title, d.untitled) for d in drafts] == [("أول سطر", True), ("وحيد", True)]


def test_json_array(tmp_path: Path) -> None:
    data = [{"title": "أ", "body": "ب"}, {"title": "ج", "body": "د"}]
    drafts = list(read_articles(write(tmp_path / "a.json", json.dumps(data))))
    assert [d.title for d in drafts] == ["أ", "ج"]


def test_collect_files_skips_hidden_and_foreign(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "x")
    write(tmp_path / "a.jsonl", "x")
    write(tmp_path / ".hidden.txt", "x")
    write(tmp_path / "photo.png", "x")
    files, skipped = collect_files([tmp_path])
    assert [f.name for f in files] == ["a.jsonl", "b.txt"]
    assert [f.name for f in skipped] == ["photo.png"]


def test_saudinewsnet_sample_reads_whole(corpus: Path) -> None:
    drafts = list(read_articles(corpus / "saudinewsnet" / "sample.jsonl"))
    assert len(drafts) == 200
    assert all(d.title and d.body and d.published_raw for d in drafts)


def test_a_broken_link_or_a_pipe_in_a_folder_fails_with_its_reason(tmp_path: Path) -> None:
    """Left out without a word, a folder of three articles imported two."""
    import os

    from timeline import library
    from timeline.store import Store

    folder = tmp_path / "folder"
    folder.mkdir()
    write(folder / "a.jsonl", json.dumps({"title": "أ", "body": "ب"}))
    (folder / "b.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(folder / "c.txt")
    (folder / "sub").mkdir()
    os.mkfifo(folder / "d.fifo")  # no article format: neither tried nor listed
    files, skipped = collect_files([folder])
    assert [f.name for f in files] == ["a.jsonl", "b.txt", "c.txt"]
    assert skipped == []
    with Store(tmp_path / "t.db") as store:
        report = library.import_paths(store, [folder], processes=1)
    assert report.added == 1
    assert {f.path.name: f.error for f in report.failed} == {
        "b.txt": "a link to a file that does not exist; not read",
        "c.txt": "not a regular file (a device, pipe or socket); not read",
    }
