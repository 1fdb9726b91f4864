"""Web pages and web archives: main text and metadata, capture time apart from publication."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest

from tests.ingest.format_fixtures import (
    BODY,
    CONTAINERS,
    INDEX_PAGE,
    NEWS_BOILERPLATE,
    NEWS_PARAGRAPHS,
    NEWS_TITLE,
    OTHER_BODY,
    container_page,
    news_page,
    page,
    warc,
)
from timeline import dating, library
from timeline.ingest import ArticleFile, BadArticle, Rejected, page_markup, webpage
from timeline.ingest.page_markup import read_marked
from timeline.model import ArticleDraft
from timeline.store import Store


def items(path: Path) -> list:
    with ArticleFile(path) as source:
        return list(source)


def test_saved_page_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(), encoding="utf-8")
    (draft,) = items(path)
    assert draft.title == "افتتاح مشروع للطاقة"
    assert BODY in draft.body
    assert "الرئيسية" not in draft.body and "حقن" not in draft.body  # nav, script
    assert (draft.source, draft.author) == ("صحيفة تجريبية", "أحمد علي")
    assert draft.published_raw == "2021-03-01T09:00:00+03:00" and draft.captured == ""


def test_page_without_metadata_date_uses_its_date_line(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(page(f"الرياض، 12 مايو 2019</p><p>{OTHER_BODY}", date=""), encoding="utf-8")
    (draft,) = items(path)
    assert draft.published_raw == "الرياض، 12 مايو 2019"


def test_index_page_is_reported_as_not_an_article(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "index.html"
    path.write_text(INDEX_PAGE, encoding="utf-8")
    with pytest.raises(BadArticle, match="not an article"):
        items(path)
    assert library.import_paths(store, [path]).failed


def test_warc_pages_keep_the_capture_as_crawl_time(tmp_path: Path, store: Store) -> None:
    path = warc(
        tmp_path / "crawl.warc.gz",
        [
            ("http://example.org/a", page(), "2024-05-06T07:08:09Z"),
            ("http://example.org/i", INDEX_PAGE, "2024-05-06T07:09:00Z"),
            (
                "http://example.org/b",
                page(OTHER_BODY, title="حديقة", date=""),
                "2024-05-07T00:00:00Z",
            ),
        ],
        gzip=True,
    )
    found = items(path)
    assert [type(x).__name__ for x in found] == ["ArticleDraft", "Rejected", "ArticleDraft"]
    first, skipped, second = found
    assert isinstance(skipped, Rejected) and "not an article" in skipped.reason
    assert (first.url, first.captured, first.published_raw) == (
        "http://example.org/a",
        "2024-05-06T07:08:09Z",
        "2021-03-01T09:00:00+03:00",
    )
    assert second.captured == "2024-05-07T00:00:00Z"
    assert "2024" not in second.published_raw  # the crawl is never the publication date
    report = library.import_paths(store, [path])
    assert report.added == 2 and report.rejected == 1
    assert {a.captured for a in store.articles()} == {
        "2024-05-06T07:08:09Z",
        "2024-05-07T00:00:00Z",
    }


# Made-up pages of a crawl: a garden opened in each quarter of a town.
_GARDENS = [
    f"افتتحت البلدية حديقة عامة في الحي رقم {n} بحضور السكان، وقالت إن العمل فيها بدأ"
    f" قبل {n + 2} أعوام وإن حديقة أخرى ستفتح في الربيع."
    for n in range(4)
]


def _crawl(path: Path, *, compressed: bool) -> tuple[Path, list[tuple[int, int, str]]]:
    """A web archive of the gardens' pages (a request record before each response), and
    its records as (offset, length, type), in the file as written."""
    from warcio.archiveiterator import ArchiveIterator

    pages = [
        (f"http://example.org/{n}", page(body, title=f"حديقة الحي {n}"), "2024-05-06T07:08:09Z")
        for n, body in enumerate(_GARDENS)
    ]
    warc(path, pages, gzip=compressed)
    with path.open("rb") as f:
        records = ArchiveIterator(f)
        found = [
            (records.get_record_offset(), records.get_record_length(), record.rec_type)
            for record in records
        ]
    return path, found


@pytest.mark.parametrize("compressed", [False, True])
def test_a_web_archive_cut_short_keeps_the_pages_before_the_cut(
    tmp_path: Path, compressed: bool
) -> None:
    """As a .jsonl.gz cut short: the pages of the records read whole stand and the rest
    is one record left out (a cut before the first page fails the file).  Cut inside each
    record, its headers and its content: a cut in the headers of a plain one added what
    came before and said nothing of the rest; a cut .warc.gz failed whole, or was read
    as "an empty web archive"."""
    whole, records = _crawl(tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc"),
                            compressed=compressed)  # fmt: skip
    assert [kind for _o, _l, kind in records] == ["request", "response"] * len(_GARDENS)
    assert [d.title for d in items(whole)] == [f"حديقة الحي {n}" for n in range(len(_GARDENS))]
    data = whole.read_bytes()
    cut = whole.with_name("cut" + "".join(whole.suffixes))
    for number, (offset, length, _kind) in enumerate(records, start=1):
        # (A gzip member's last bytes are its trailer: the record is whole before them.)
        for at in (offset + 30, offset + length // 2, offset + length - 3)[: 2 + (not compressed)]:
            cut.write_bytes(data[:at])
            pages = (number - 1) // 2  # the responses among the records before this one
            if not pages:
                with pytest.raises(BadArticle, match=r"truncated|cut short"):
                    items(cut)
                continue
            *drafts, lost = items(cut)
            assert [d.title for d in drafts] == [f"حديقة الحي {n}" for n in range(pages)]
            assert isinstance(lost, Rejected) and lost.rest_lost, (number, at)
            assert lost.where == f"after record {number - 1}", (number, at)
            assert lost.reason.endswith("; the rest of the file was not read")


def test_a_header_line_past_the_cap_is_damage_and_the_pages_before_stay(tmp_path: Path) -> None:
    """warcio joins a header line's pieces one to the next (quadratic: a line of 40 MB
    took 24 s, 80 MB two minutes, all of it held): a line longer than any header is
    read no further, and the archive is damaged there."""
    from timeline.ingest.warc import MAX_HEADER_LINE

    whole, records = _crawl(tmp_path / "crawl.warc", compressed=False)
    data = whole.read_bytes()
    offset, _length, _kind = records[2]  # the second page's request
    at = data.index(b"\r\n", offset) + 2  # after its first line, among its headers
    long_line = b"X-Long: " + b"a" * (MAX_HEADER_LINE + 10) + b"\r\n"
    hostile = tmp_path / "long.warc"
    hostile.write_bytes(data[:at] + long_line + data[at:])
    *drafts, lost = items(hostile)
    assert [d.title for d in drafts] == ["حديقة الحي 0"]
    assert isinstance(lost, Rejected) and lost.rest_lost
    assert f"a line longer than {MAX_HEADER_LINE:,} bytes" in lost.reason


def _length_off_by(data: bytes, record: tuple[int, int, str], by: int) -> bytes:
    """data with the record's Content-Length (its WARC header's) made `by` bytes more."""
    offset, _length, _kind = record
    at = data.index(b"Content-Length: ", offset) + len(b"Content-Length: ")
    end = data.index(b"\r\n", at)
    return data[:at] + str(int(data[at:end]) + by).encode() + data[end:]


@pytest.mark.parametrize("by", [-5, 40])
def test_a_record_its_length_does_not_end_is_left_out_in_the_reports_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], by: int
) -> None:
    """A Content-Length a few bytes short (the page's last bytes then stand where the
    blank line that ends the record should) or long (into the next record's headers):
    warcio printed "WARNING: Record not followed by newline ... Remainder: b'...'" to
    stderr, the archive's bytes with it, and gave the page as if whole.  The record is
    left out with a line of the report's; a length short leaves the rest readable."""
    whole, records = _crawl(tmp_path / "crawl.warc", compressed=False)
    hostile = tmp_path / "length.warc"
    hostile.write_bytes(_length_off_by(whole.read_bytes(), records[3], by))  # second page
    found = items(hostile)
    assert capsys.readouterr().err == ""
    titles = [d.title for d in found if isinstance(d, ArticleDraft)]
    skipped = [r for r in found if isinstance(r, Rejected)]
    assert titles == (
        ["حديقة الحي 0", "حديقة الحي 2", "حديقة الحي 3"] if by < 0 else ["حديقة الحي 0"]
    )
    assert skipped[0] == Rejected(
        "record 4 (http://example.org/1)",
        "not followed by the blank line that ends a record: its Content-Length is wrong"
        " (a damaged web archive)",
    )
    assert len(skipped) == (1 if by < 0 else 2)  # a length long: the next one unreadable


def test_a_page_whose_compressed_content_breaks_off_is_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page sent gzip-encoded whose data is damaged part way: warcio printed zlib's
    error to stderr and gave the page up to there as if whole."""
    import io
    import random

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    data = bytearray(gzip.compress(page().encode() + random.Random(3).randbytes(300_000)))
    data[len(data) // 2 : len(data) // 2 + 400] = bytes(400)
    path = tmp_path / "encoded.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
            protocol="HTTP/1.1",
        )
        payload = io.BytesIO(bytes(data))
        record = writer.create_warc_record(
            "http://example.org/z", "response", payload=payload, length=len(data),
            http_headers=headers,
        )  # fmt: skip
        writer.write_record(record)
    (skipped,) = items(path)
    assert capsys.readouterr().err == ""
    assert isinstance(skipped, Rejected) and skipped.where == "record 1 (http://example.org/z)"
    assert skipped.reason.startswith("its page's compressed content is damaged (Error -3 ")


def test_an_address_warcio_mends_is_not_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """warcio logs "Replacing spaces in invalid WARC-Target-URI: ..." with the address as
    given, control characters and all: with no logging set up (the command line), Python's
    last-resort handler printed it to stderr."""
    whole, _records = _crawl(tmp_path / "crawl.warc", compressed=False)
    address = b"WARC-Target-URI: http://example.org/1"
    hostile = tmp_path / "spaces.warc"
    hostile.write_bytes(whole.read_bytes().replace(address, address + b" \x1b[31mred", 1))
    with caplog.at_level("WARNING"):
        assert len(items(hostile)) == 4
    assert not [r for r in caplog.records if r.name.startswith("warcio")]


def test_a_web_archive_cut_short_is_imported_up_to_the_cut(tmp_path: Path, store: Store) -> None:
    whole, records = _crawl(tmp_path / "crawl.warc.gz", compressed=True)
    offset, length, _kind = records[5]  # the third page's response
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[: offset + length // 2])
    (failed,) = library.import_paths(store, [cut], strict=True).failed
    assert "gzip" in (failed.error or "") and store.count_articles() == 0
    (result,) = library.import_paths(store, [cut]).files
    assert result.error is None and result.added == 2 == store.count_articles()
    assert result.rejections == [
        "after record 5: damaged or truncated gzip data (Compressed file ended before the"
        " end-of-stream marker was reached); the rest of the file was not read"
    ]


def test_binary_data_saved_as_a_page_is_said_to_be_binary(tmp_path: Path) -> None:
    """A program saved as .html was "not an article: 0 characters of main text (an index
    page, a login wall or an error page?)"; a page in UTF-16 and a compressed page, whose
    bytes hold NULs too, still read."""
    import random

    path = tmp_path / "program.html"
    # An executable's start: its magic, then NUL-padded headers and machine code.
    path.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(9) + random.Random(5).randbytes(4_000))
    with pytest.raises(BadArticle, match=r"^binary data, not a web page$"):
        items(path)
    for name, data in [
        ("utf16.html", page().encode("utf-16")),
        ("deflated.html", gzip.compress(page().encode("utf-8"))),
    ]:
        (tmp_path / name).write_bytes(data)
        (draft,) = items(tmp_path / name)
        assert BODY in draft.body


def test_gzip_of_a_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page().encode("utf-8")))
    (draft,) = items(path)
    assert BODY in draft.body


def test_page_bytes_read_as_utf8_or_handed_on_compressed_read_alike() -> None:
    from timeline.ingest.webpage import page_draft

    data = page().encode("utf-8")
    as_bytes, as_text = page_draft(data, "o"), page_draft(data.decode("utf-8"), "o")
    assert as_bytes == as_text and BODY in as_bytes.body
    # Bytes that are not UTF-8 (a gzip stream here, as a server may send it unlabelled)
    # still go to trafilatura's own reading, which inflates them.
    assert page_draft(gzip.compress(data), "o") == as_bytes


def test_page_full_of_scripts_is_not_an_article(tmp_path: Path) -> None:
    path = tmp_path / "scripts.html"
    scripts = "".join(f"<script>var a{n} = '{BODY}';</script>" for n in range(500))
    path.write_text(f"<html><head>{scripts}</head><body>{scripts}</body></html>", encoding="utf-8")
    with pytest.raises(BadArticle, match="not an article"):
        items(path)


def test_windows_1256_page_is_decoded_by_its_charset(tmp_path: Path) -> None:
    path = tmp_path / "old.html"
    html = page().replace("<head>", '<head><meta charset="windows-1256">')
    path.write_bytes(html.encode("cp1256"))
    (draft,) = items(path)
    assert BODY in draft.body


def _full_extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the pages trafilatura's full extraction reads (it still reads them)."""
    calls: list[str] = []
    full = webpage._full_extraction

    def counted(data: bytes | str, url: str) -> webpage._Found:
        calls.append(url)
        return full(data, url)

    monkeypatch.setattr(webpage, "_full_extraction", counted)
    return calls


def _check_news_article(draft: ArticleDraft) -> None:
    assert draft.title == NEWS_TITLE
    assert draft.body.split("\n") == list(NEWS_PARAGRAPHS)  # in order, nothing else
    for furniture in NEWS_BOILERPLATE:
        assert furniture not in draft.body, furniture
    assert draft.published_raw == "2021-12-20T10:30:00+03:00"
    assert draft.source == "جريدة المثال" and draft.lang == "ar"
    assert draft.url == "https://example.org/news/2021/train"  # a saved page's own address


@pytest.mark.parametrize(
    ("shape", "options"),
    [
        ("JSON-LD articleBody", {"article_body": "\n".join(NEWS_PARAGRAPHS)}),
        (
            "JSON-LD articleBody as escaped HTML",
            {"article_body": "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in NEWS_PARAGRAPHS)},
        ),
        ("JSON-LD metadata, <article> text", {}),
        (
            "articleBody cut short, <article> text",
            {"article_body": NEWS_PARAGRAPHS[0] + " " + NEWS_PARAGRAPHS[1][:60] + "…"},
        ),
        ("itemprop=articleBody, no JSON-LD", {"json_ld": False, "wrapper": "itemprop"}),
    ],
)
def test_news_page_is_read_from_its_markup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str, options: dict
) -> None:
    calls = _full_extractions(monkeypatch)
    path = tmp_path / "news.html"
    path.write_text(news_page(**options), encoding="utf-8")
    (draft,) = items(path)
    _check_news_article(draft)
    if options.get("json_ld", True):
        assert draft.author == "سارة محمود"
    assert calls == []  # the markup said it: no full extraction


def test_article_split_around_an_advert_is_read_from_its_shared_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No JSON-LD, no article element, and the paragraphs split over sibling elements
    # (the last after an advert): no one element holds the article, their parent does.
    calls = _full_extractions(monkeypatch)
    path = tmp_path / "split.html"
    path.write_text(container_page(split=True), encoding="utf-8")
    (draft,) = items(path)
    _check_news_article(draft)
    assert calls == []


def _split_page(parts: str, **options: bool) -> str:
    """container_page with its paragraphs replaced by parts (the same paragraphs, split)."""
    html = container_page(**options)  # type: ignore[arg-type]
    whole = "".join(f"<p>{p}</p>" for p in NEWS_PARAGRAPHS)
    assert whole in html
    return html.replace(whole, parts)


P0, P1, P2 = (f"<p>{p}</p>" for p in NEWS_PARAGRAPHS)
SPLIT_PAGES = {
    "sibling divs around an advert": container_page(split=True),
    "sibling divs around an advert, comments inside": container_page(
        split=True, comments_inside=True
    ),
    # Gutenberg: loose paragraphs beside a group block holding the rest.
    "WordPress blocks": _split_page(
        f"{P0}<div class='wp-block-group'><div class='wp-block-group__inner-container'>"
        f"{P1}{P2}</div></div>"
    ),
    "sections around an advert frame": _split_page(
        f"<section class='text'>{P0}</section><div class='advert'><iframe src='x'></iframe>"
        f"<span>إعلان</span></div><section class='text'>{P1}{P2}</section>"
    ),
    "columns of one article": _split_page(
        f"<div class='row'><div class='col'>{P0}{P1}</div></div>"
        f"<div class='row'><div class='col'>{P2}</div></div>"
    ),
}


@pytest.mark.parametrize("shape", SPLIT_PAGES)
def test_article_split_over_sibling_elements_is_read_from_their_parent(
    monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    calls = _full_extractions(monkeypatch)
    draft = webpage.page_draft(SPLIT_PAGES[shape], "x", url="https://example.org/news/2021/train")
    _check_news_article(draft)  # title, paragraphs in order, furniture out, date
    assert calls == []


SIMPLE_BODY = (
    '<html lang="ar"><head><title>خبر</title></head><body><header><nav>'
    "<a href='/'>الرئيسية</a></nav></header><h1>"
    + NEWS_TITLE
    + "</h1><hr>"
    + "".join(f"<p>{p}</p>" for p in NEWS_PARAGRAPHS)
    + "<div class='logo'><img src='x.png'></div><footer><p>جميع الحقوق محفوظة</p></footer>"
    "</body></html>"
)


def test_paragraphs_straight_in_a_plain_body_are_read_from_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _full_extractions(monkeypatch)
    draft = webpage.page_draft(SIMPLE_BODY, "x")
    assert calls == []
    assert draft.title == NEWS_TITLE and draft.body.split("\n") == list(NEWS_PARAGRAPHS)
    full = webpage._full_extraction(SIMPLE_BODY, "")
    assert (full.text, full.title) == (draft.body, draft.title)


def test_a_wrapper_named_has_sidebar_is_no_furniture(monkeypatch: pytest.MonkeyPatch) -> None:
    # A layout class on the page's wrapper ("has-sidebar", "no-sidebar") names no sidebar;
    # a real sidebar beside the article is still left out.
    calls = _full_extractions(monkeypatch)
    html = _split_page("".join(f"<p>{p}</p>" for p in NEWS_PARAGRAPHS)).replace(
        "<div id='page'>", "<div id='page' class='site has-sidebar no-sidebar-mobile'>"
    )
    html = html.replace(
        "</ul></div>", "</ul><p>عن الجريدة: صحيفة يومية مستقلة تصدر منذ عام 1990.</p></div>"
    )
    draft = webpage.page_draft(html, "x")
    _check_news_article(draft)
    assert "عن الجريدة" not in draft.body  # div.sidebar-latest: still furniture
    assert calls == []


@pytest.mark.parametrize("comments_inside", [False, True])
@pytest.mark.parametrize("shape", [*CONTAINERS, "news page's div"])
def test_page_whose_prose_is_in_one_container_is_read_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: str, comments_inside: bool
) -> None:
    calls = _full_extractions(monkeypatch)
    path = tmp_path / "news.html"
    html = (
        news_page(json_ld=False, wrapper="div")
        if shape == "news page's div"
        else container_page(CONTAINERS[shape], comments_inside=comments_inside)
    )
    path.write_text(html, encoding="utf-8")
    (draft,) = items(path)
    _check_news_article(draft)  # title, paragraphs in order, furniture out, date
    assert draft.author == ""
    assert calls == []  # one container held the prose: no full extraction


def test_container_page_without_metadata_date_uses_its_date_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _full_extractions(monkeypatch)
    date_line = "الرياض، 12 مايو 2019"
    html = container_page(date="", paragraphs=(date_line, *NEWS_PARAGRAPHS))
    draft = webpage.page_draft(html, "x")
    assert draft.body.split("\n") == [date_line, *NEWS_PARAGRAPHS]
    assert draft.published_raw == date_line and calls == []


def _wrapped(inner: str) -> str:
    return (
        '<html lang="ar"><head><title>أخبار | جريدة المثال</title></head><body>'
        "<header><nav><a href='/'>الرئيسية</a></nav></header>"
        f"{inner}<footer><p>جميع الحقوق محفوظة</p></footer></body></html>"
    )


SIX_PARAGRAPHS = (BODY, OTHER_BODY, BODY.replace("الشرقية", "الغربية"), *NEWS_PARAGRAPHS)
NOT_ONE_CONTAINER = {
    # Headlines and summaries of other articles in one list: an index.
    "teasers in one container": _wrapped(
        "<div class='news-list'>"
        + "".join(
            f"<h3><a href='/n/{n}'>خبر رقم {n} عن المدينة</a></h3><p>{OTHER_BODY}</p>"
            for n in range(10)
        )
        + "</div>"
    ),
    # Each teaser in its own element: none holds most of the page's prose.
    "teasers each in its own element": _wrapped(
        "<div class='news-list'>"
        + "".join(
            f"<div class='item'><h3><a href='/n/{n}'>خبر رقم {n}</a></h3>"
            f"<p>{OTHER_BODY}</p><p>{BODY}</p><p>{OTHER_BODY}</p></div>"
            for n in range(10)
        )
        + "</div>"
    ),
    "a run of prose outside the container's paragraphs": _wrapped(
        f"<div class='story'><h1>{NEWS_TITLE}</h1>{OTHER_BODY}<br>"
        + "".join(f"<p>{p}</p>" for p in NEWS_PARAGRAPHS)
        + "</div>"
    ),
    # A short story beside a column of longer summaries: most of the prose is elsewhere.
    "most of the prose outside the best container": _wrapped(
        "<div class='main'><div class='story'>"
        + "".join(f"<p>{p}</p>" for p in NEWS_PARAGRAPHS)
        + "</div></div><div class='column'>"
        + "".join(f"<div class='box'><p>{OTHER_BODY}</p></div>" for _ in range(4))
        + "</div>"
    ),
    # The article under a wrapper whose class names furniture: the best of the rest (a
    # box about the paper) must not be taken for it.
    "the article under a wrapper named like furniture": _wrapped(
        "<div class='site-content has-sidebar'><div class='entry-content'>"
        + "".join(f"<p>{p}</p>" for p in (BODY, OTHER_BODY, *NEWS_PARAGRAPHS))
        + "</div></div><div class='about'>"
        "<p>جريدة المثال صحيفة يومية مستقلة تصدر منذ عام 1990 وتغطي أخبار المنطقة والعالم.</p>"
        "<p>تصدر الجريدة عن مؤسسة المثال للصحافة والنشر ومقرها في مدينة الرياض.</p>"
        "<p>للتواصل مع هيئة التحرير يرجى استخدام البريد الإلكتروني المنشور في صفحة الاتصال.</p>"
        "</div>"
    ),
    # Two paragraphs: too few to say that this element is the article.
    "only two paragraphs in the container": _wrapped(
        f"<div class='intro'><h1>{NEWS_TITLE}</h1><p>{BODY}</p><p>{OTHER_BODY}</p></div>"
    ),
    # Paragraphs straight in <body> beside a box of other prose: <body> is no container.
    "paragraphs straight in <body> beside a box of prose": (
        f'<html lang="ar"><head><title>خبر</title></head><body><h1>{NEWS_TITLE}</h1>'
        + "".join(f"<p>{p}</p>" for p in NEWS_PARAGRAPHS)
        + f"<div class='box'><p>{OTHER_BODY}</p></div></body></html>"
    ),
    # Parts whose shared parent is <body>, beside other boxes: not one clear article.
    "parts under <body> beside other boxes": (
        f'<html lang="ar"><head><title>خبر</title></head><body><h1>{NEWS_TITLE}</h1>'
        f"<div class='a'><p>{BODY}</p><p>{OTHER_BODY}</p></div><div class='ad'>إعلان</div>"
        + "".join(f"<div class='b'><p>{p}</p></div>" for p in NEWS_PARAGRAPHS)
        + "<div class='box'><span>اتصل بنا على الرقم المجاني في أي وقت</span></div>"
        "</body></html>"
    ),
    # Under one page wrapper, a short story beside a column of boxes: the wrapper holds
    # the prose, but one of its parts holds several boxes of it.
    "a story beside a column of boxes under one wrapper": _wrapped(
        "<div id='page'><div class='main'><div class='story'>"
        + "".join(f"<p>{p}</p>" for p in NEWS_PARAGRAPHS)
        + "</div></div><div class='column'>"
        + "".join(f"<div class='box'><p>{OTHER_BODY}</p></div>" for _ in range(4))
        + "</div></div>"
    ),
    # Two paragraphs in two parts: too few to say that their parent holds an article.
    "two paragraphs in two parts": _wrapped(
        f"<div class='story'><div class='part'><p>{BODY}</p></div><div class='ad'>إعلان</div>"
        f"<div class='part'><p>{OTHER_BODY}</p></div></div>"
    ),
    # Prose loose between the parts (in no paragraph) would be lost.
    "a run of prose between the parts": _wrapped(
        "<div class='story'><div class='part'>"
        + "".join(f"<p>{p}</p>" for p in NEWS_PARAGRAPHS[:2])
        + f"</div>{OTHER_BODY}<div class='part'><p>{NEWS_PARAGRAPHS[2]}</p></div></div>"
    ),
}


@pytest.mark.parametrize("shape", NOT_ONE_CONTAINER)
def test_page_not_clearly_in_one_container_gets_full_extraction(
    monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    from trafilatura.utils import load_html

    html = NOT_ONE_CONTAINER[shape]
    assert read_marked(load_html(html)) is None
    calls = _full_extractions(monkeypatch)
    if shape.startswith("teasers"):  # an index: the full extraction finds teasers
        with pytest.raises(BadArticle, match="not an article: an index of 10 article teasers"):
            webpage.page_draft(html, "x")
    else:
        webpage.page_draft(html, "x")
    assert len(calls) == 1


@pytest.mark.parametrize(
    "inner",
    [
        "<div class='content'><h2>هذا المحتوى للمشتركين</h2><p>هذا المحتوى للمشتركين فقط.</p>"
        "<p>سجل الدخول لمتابعة القراءة.</p><p>ليس لديك حساب؟ اشترك الآن.</p>"
        "<form><input name='u'><button>دخول</button></form></div>",
        "<div id='content'><h2>404</h2><p>عذرا، الصفحة المطلوبة غير موجودة.</p>"
        "<p>ربما نقلت أو حذفت.</p><p><a href='/'>عد إلى الصفحة الرئيسية</a></p></div>",
    ],
    ids=["login wall", "error page"],
)
def test_login_wall_and_error_page_in_a_container_are_not_articles(
    monkeypatch: pytest.MonkeyPatch, inner: str
) -> None:
    calls = _full_extractions(monkeypatch)
    with pytest.raises(BadArticle, match="not an article"):
        webpage.page_draft(_wrapped(inner), "x")
    assert len(calls) == 1  # too little text for the container reading: trafilatura decided


def test_markup_reading_agrees_with_full_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _full_extractions(monkeypatch)
    # Lines the full extraction keeps that the markup reading rightly leaves out: an
    # advert's label (class "advert", which trafilatura does not take for furniture).
    kept_by_full = {SPLIT_PAGES["sections around an advert frame"]: ["إعلان"]}
    for html in (
        news_page(),
        news_page(article_body="\n".join(NEWS_PARAGRAPHS)),
        news_page(json_ld=False, wrapper="itemprop"),
        news_page(json_ld=False, wrapper="div"),
        *(container_page(opening) for opening in CONTAINERS.values()),
        *(container_page(opening, comments_inside=True) for opening in CONTAINERS.values()),
        container_page(paragraphs=SIX_PARAGRAPHS),
        container_page(split=True, paragraphs=SIX_PARAGRAPHS),
        *SPLIT_PAGES.values(),
    ):
        marked = webpage.page_draft(html, "x")
        assert calls == []  # read from its markup, its one container or the parts' parent
        full = webpage._full_extraction(html, "")
        calls.clear()
        full_lines = full.text.split("\n")[1:]  # after the headline
        for line in kept_by_full.get(html, []):
            full_lines.remove(line)
        assert full_lines == marked.body.split("\n")
        assert (full.title, full.date, full.sitename) == (
            marked.title,
            marked.published_raw[:10],  # htmldate's day; the draft adds the marked time
            marked.source,
        )


def test_index_of_article_teasers_is_left_to_full_extraction() -> None:
    from trafilatura.utils import load_html

    def teasers(count: int) -> str:
        teaser = "<article><h2><a href='/n/{n}'>خبر رقم {n}</a></h2><p>{body}</p></article>"
        return (
            "<html lang='ar'><body><main>"
            + "".join(teaser.format(n=n, body=OTHER_BODY) for n in range(count))
            + "</main></body></html>"
        )

    # One <article> holding the page's prose is read from the markup; on an index the
    # largest holds a twelfth of it, and the markup does not say which is the article.
    marked = read_marked(load_html(teasers(1)))
    assert marked is not None and marked.text == OTHER_BODY
    assert read_marked(load_html(teasers(12))) is None


def test_json_ld_listing_several_articles_does_not_give_the_body() -> None:
    from trafilatura.utils import load_html

    other = {"@type": "NewsArticle", "headline": "خبر آخر", "articleBody": OTHER_BODY * 2}
    html = news_page(article_body=OTHER_BODY * 3).replace(
        '{"@type": "WebPage"}', json.dumps(other, ensure_ascii=False)
    )
    marked = read_marked(load_html(html))
    # Neither listed body is taken: the text is the article element's.
    assert marked is not None and marked.text.split("\n") == list(NEWS_PARAGRAPHS)
    assert marked.title == NEWS_TITLE  # the page's one <h1>


LEAD_DATE = "الأحد 12 مايو 2019"


def _page_with_lead(lead: str, date: str) -> str:
    """A container page with a short line above its paragraphs, inside the container."""
    opening = CONTAINERS["WordPress div.entry-content"] + f"<span class='d'>{lead}</span>"
    return container_page(opening, date=date)


def _htmldate_asked(monkeypatch: pytest.MonkeyPatch, answer: str = "") -> list[str]:
    asked: list[str] = []

    def page_date(_tree: object, url: str) -> str:
        asked.append(url)
        return answer

    monkeypatch.setattr(webpage, "_page_date", page_date)
    return asked


def test_a_page_marking_no_date_takes_the_date_line_above_its_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _full_extractions(monkeypatch)
    asked = _htmldate_asked(monkeypatch)
    draft = webpage.page_draft(_page_with_lead(LEAD_DATE, date=""), "x")
    assert draft.published_raw == LEAD_DATE
    assert asked == [] and calls == []  # neither htmldate's search of the page nor trafilatura
    assert LEAD_DATE not in draft.body and draft.body.split("\n") == list(NEWS_PARAGRAPHS)


def test_a_page_marking_its_date_keeps_htmldates_over_a_date_line() -> None:
    draft = webpage.page_draft(_page_with_lead(LEAD_DATE, "2021-12-20T10:30:00+03:00"), "x")
    assert draft.published_raw == "2021-12-20T10:30:00+03:00"


def _page_marking(head: str, body: str = "") -> str:
    """An article page whose <head> (and, before its text, <body>) hold the given markup."""
    text = "".join(f"<p>{p}</p>" for p in NEWS_PARAGRAPHS)
    return (
        f"<html lang='ar'><head><title>{NEWS_TITLE}</title>{head}</head>"
        f"<body><article><h1>{NEWS_TITLE}</h1>{body}{text}</article></body></html>"
    )


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2021-12-20T10:30:00+03:00">',
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "datePublished": "2021-12-20T10:30:00+03:00"}</script>',
        '<meta itemprop="datePublished" content="2021-12-20T10:30:00+03:00">',
        # Not quite ISO 8601, as some sites write it: still the day's time.
        '<meta property="article:published_time" content="2021-12-20 10:30:00 +0300">',
    ],
)
def test_a_page_keeps_the_publication_time_and_offset_it_marks(head: str) -> None:
    # htmldate answers with the day: the time and offset were lost, where a feed's
    # or a CSV's publication time was kept.
    draft = webpage.page_draft(_page_marking(head), "x")
    assert draft.published_raw.startswith("2021-12-20") and "10:30:00" in draft.published_raw
    assert dating.parse_date_line(draft.published_raw).value == "2021-12-20T10:30:00+03:00"


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # Only the day is marked: a related article's <time> on that day is not the page's.
        (
            '<meta property="article:published_time" content="2021-12-20">',
            '<time datetime="2021-12-20T08:00:00+03:00">08:00</time>',
        ),
        # The last change's time is not the publication's.
        (
            '<meta property="article:published_time" content="2021-12-20">'
            '<meta property="article:modified_time" content="2021-12-20T18:00:00+03:00">',
            "",
        ),
        # A time the date rules do not read: the day, not an undated article.
        ('<meta property="article:published_time" content="2021-12-20T99:30:00+03:00">', ""),
    ],
)
def test_a_page_marking_only_its_day_keeps_the_day(head: str, body: str) -> None:
    assert webpage.page_draft(_page_marking(head, body), "x").published_raw == "2021-12-20"


def test_a_pages_stamps_are_bounded() -> None:
    """The markup is untrusted: a stamp of the right day followed by a kilobyte of text
    became the article's publication as written; and only the first few of a page's
    thousands of marked elements are read."""
    long = "2021-12-20T10:30:00+03:00 " + "x" * 1000
    head = f'<meta property="article:published_time" content="{long}">'
    assert webpage.page_draft(_page_marking(head), "x").published_raw == "2021-12-20"
    many = '<span itemprop="datePublished" content="2021-12-20 99:99"></span>' * 5000
    body = many + '<span itemprop="datePublished" content="2021-12-20T10:30:00+03:00"></span>'
    import lxml.html

    tree = lxml.html.fromstring(_page_marking("", body))
    assert len(page_markup.published_stamps(tree, "2021-12-20")) == 8


def test_an_imported_page_is_dated_to_its_marked_minute(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(), encoding="utf-8")
    assert library.import_paths(store, [path]).added == 1
    (article,) = store.articles()
    assert article.published == "2021-03-01T09:00:00+03:00"


def test_a_lead_without_a_date_line_leaves_the_date_to_htmldate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = _htmldate_asked(monkeypatch, "2020-01-02")
    draft = webpage.page_draft(_page_with_lead("بقلم المحرر", date=""), "x")
    assert draft.published_raw == "2020-01-02" and len(asked) == 1


@pytest.mark.parametrize(
    ("markup", "marked"),
    [
        ('<meta property="article:published_time" content="2021-12-20">', True),
        ('<meta name="pubdate" content="2021-12-20">', True),
        ('<meta itemprop="dateModified" content="2021-12-20">', True),
        ('<meta property="og:updated_time" content="2021-12-20T10:00">', True),
        ('<time datetime="2021-12-20">20 ديسمبر</time>', True),
        ("<span itemprop='datePublished'>2021-12-20</span>", True),
        ('<script type="application/ld+json">{"datePublished": "2021-12-20"}</script>', True),
        ('<meta name="description" content="خبر">', False),
        ("<span class='x'>20 ديسمبر 2021</span>", False),  # a date, but not marked as one
    ],
)
def test_date_markup_is_what_htmldate_reads_before_searching_the_text(
    markup: str, marked: bool
) -> None:
    from trafilatura.utils import load_html

    from timeline.ingest.page_markup import has_date_markup

    tree = load_html(f"<html><head>{markup}</head><body><p>نص</p></body></html>")
    assert has_date_markup(tree) is marked


def _card_index(cards: int) -> str:
    """A page of teaser cards, each a link around its headline and summary."""
    card = "<a href='/n/{n}' class='card'><h3>خبر رقم {n} عن المدينة</h3><p>{body}</p></a>"
    return _wrapped(
        "<div class='grid'><div class='row'>"
        + "".join(
            card.format(n=n, body=OTHER_BODY if n % 2 else BODY) + "<div class='x'></div>"
            for n in range(cards)
        )
        + "</div></div>"
    )


def test_an_index_of_teaser_cards_is_not_an_article(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _full_extractions(monkeypatch)
    with pytest.raises(BadArticle, match="not an article: an index of 6 article teasers"):
        webpage.page_draft(_card_index(6), "x")
    assert len(calls) == 1  # the full extraction read it; its text was teasers


_LOOSE_STORY = "<br>".join((BODY, OTHER_BODY, *SIX_PARAGRAPHS))
ARTICLES_WITH_LINKED_HEADINGS = {
    # Three teasers after the story, in its element: the full extraction keeps them,
    # but they are not most of its text.
    "a few teasers after the story": _wrapped(
        f"<div class='story'><h1>{NEWS_TITLE}</h1>{_LOOSE_STORY}"
        + "".join(
            f"<h3><a href='/n/{n}'>خبر رقم {n}</a></h3><p>{OTHER_BODY} {n}</p>" for n in range(3)
        )
        + "</div>"
    ),
    # Sections whose headings link to their own place on the page (a live blog): no
    # teasers, though they are most of the text.
    "sections headed by links to the page itself": _wrapped(
        f"<div class='story'><h1>{NEWS_TITLE}</h1>{'<br>'.join(NEWS_PARAGRAPHS)}"
        + "".join(f"<h3><a href='#part-{n}'>الجزء {n}</a></h3><p>{BODY} {n}</p>" for n in range(4))
        + "</div>"
    ),
}


@pytest.mark.parametrize("shape", ARTICLES_WITH_LINKED_HEADINGS)
def test_an_article_with_linked_headings_stays_an_article(
    monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    calls = _full_extractions(monkeypatch)  # loose lines of prose: no clear container
    draft = webpage.page_draft(ARTICLES_WITH_LINKED_HEADINGS[shape], "x")
    assert len(calls) == 1 and NEWS_PARAGRAPHS[0] in draft.body


@pytest.mark.parametrize(
    ("line", "is_date_line"),
    [
        ("الرياض، 12 مايو 2019", True),
        ("الأحد 12 مايو 2019", True),
        ("تم نشره السبت 22 أيّار / مايو 2021 01:32 صباحاً", True),
        ("آخر تحديث: الأحد 12 مايو 2019 - 10:30 بتوقيت مكة", True),
        ("القاهرة - وكالة الأنباء - 12/05/2019", True),
        ("الرياض، 12 مايو 2019.", True),
        # Short sentences that mention a day: not the page's date line.
        ("وقال إنه سيزور الرياض في 5 مارس 2021", False),
        ("سيبدأ العمل في 5 مارس 2021.", False),
        (NEWS_PARAGRAPHS[2], False),
    ],
)
def test_a_date_line_is_a_date_with_few_words_beside_it(line: str, is_date_line: bool) -> None:
    assert webpage._date_line(f"{line}\n{OTHER_BODY}") == (line if is_date_line else "")


def test_a_short_sentence_with_a_date_is_not_taken_for_the_page_date() -> None:
    sentence = "سيبدأ العمل في الخط الأول في 15 يناير 2022."
    draft = webpage.page_draft(page(f"{sentence}</p><p>{OTHER_BODY}", date=""), "x")
    assert draft.body.startswith(sentence) and draft.published_raw == ""


def test_full_extraction_of_the_parsed_tree_gives_what_the_bytes_give() -> None:
    # page_draft hands trafilatura the tree it parsed (trafilatura copies it): the same
    # text and metadata as parsing the page again, charset included, and the tree is
    # left as it was for the teaser check after it.
    from lxml import etree
    from trafilatura.utils import load_html

    old = page().replace("<head>", '<head><meta charset="windows-1256">').encode("cp1256")
    pages: list[bytes | str] = [
        old,
        *NOT_ONE_CONTAINER.values(),
        *ARTICLES_WITH_LINKED_HEADINGS.values(),
        container_page(),
    ]
    for data in pages:
        tree = load_html(data)
        before = etree.tostring(tree)
        assert webpage._full_extraction(tree, "") == webpage._full_extraction(data, "")
        assert etree.tostring(tree) == before


_SEPARATORS = (
    "<div class='ad-slot'>إعلان</div>",
    "<div class='advertisement'><iframe src='x'></iframe></div>",
    "<figure><img src='x'><figcaption>صورة أرشيفية</figcaption></figure>",
    "<div class='inline-related'><a href='/x'>اقرأ أيضا: خبر آخر</a></div>",
    "",
)
_PART_TAGS = ("div class='part'", "section", "div class='text-block'", "div")
_WRAPPERS = ("div class='article-body'", "div id='content'", "main")


def _generated_split_page(number: int, extra: str = "") -> str:
    """One of many split articles: SIX_PARAGRAPHS cut in two to four parts, the parts'
    tag, what sits between them and the wrapper varying with number."""
    separator = _SEPARATORS[number % len(_SEPARATORS)]
    tag = _PART_TAGS[number // len(_SEPARATORS) % len(_PART_TAGS)]
    wrapper = _WRAPPERS[number % len(_WRAPPERS)]
    cuts = [(1, 4), (2,), (3, 5), (1, 2, 4), (4,)][number % 5]
    bounds = [0, *cuts, len(SIX_PARAGRAPHS)]
    parts = separator.join(
        f"<{tag}>{''.join(f'<p>{p}</p>' for p in SIX_PARAGRAPHS[a:b])}</{tag.split()[0]}>"
        for a, b in itertools.pairwise(bounds)
    )
    return (
        f"<html lang='ar'><head><title>{NEWS_TITLE} | جريدة المثال</title>"
        '<meta property="article:published_time" content="2021-12-20"></head><body>'
        "<header><nav><a href='/'>الرئيسية</a></nav></header>"
        f"<{wrapper}><h1>{NEWS_TITLE}</h1>{parts}{extra}</{wrapper.split()[0]}>"
        "<aside><ul><li><a href='/n/1'>خبر آخر</a></li></ul></aside>"
        "<footer><p>جميع الحقوق محفوظة</p></footer></body></html>"
    )


def test_generated_split_articles_are_read_as_the_full_extraction_reads_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _full_extractions(monkeypatch)
    for number in range(40):
        extra = ("", "<div class='writer'><p>كاتب صحفي متخصص في شؤون النقل.</p></div>")[number % 2]
        html = _generated_split_page(number, extra)
        draft = webpage.page_draft(html, "x")
        assert calls == [], number
        full = webpage._full_extraction(html, "")
        calls.clear()
        assert full.text.split("\n") == [NEWS_TITLE, *draft.body.split("\n")], number
        assert draft.body.split("\n")[:6] == list(SIX_PARAGRAPHS), number


@pytest.mark.parametrize(
    "extra",
    [
        # Teasers of other articles beside the parts, each in its element or in a row.
        "<div class='more-news'>"
        + "".join(
            f"<div class='item'><h3><a href='/m/{n}'>خبر رقم {n}</a></h3><p>{OTHER_BODY}</p></div>"
            for n in range(3)
        )
        + "</div>",
        "<div class='more-news'>"
        + "".join(f"<h3><a href='/m/{n}'>خبر رقم {n}</a></h3><p>{OTHER_BODY}</p>" for n in range(3))
        + "</div>",
        # Readers' responses, each in its element, in a box not named like furniture.
        "<div class='responses'>"
        + "".join(
            f"<div class='r'><p>رأيي رقم {n} أن هذه الخطة ممتازة.</p></div>" for n in range(2)
        )
        + "</div>",
    ],
    ids=["teasers each in an element", "teasers in a row", "responses"],
)
def test_split_articles_beside_other_boxes_are_left_to_the_full_extraction(extra: str) -> None:
    from trafilatura.utils import load_html

    assert read_marked(load_html(_generated_split_page(0, extra))) is None


@pytest.mark.parametrize(
    "html",
    [
        page(),
        container_page(),
        _generated_split_page(3),
        INDEX_PAGE,
        "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'x.dtd'/>\n<html><body><p>نص</p></body></html>",
        "<html lang='ar'/>\n<body><form><input name='q'><p>نص الخبر</p></form></body>",
        "<p>جزء من صفحة</p>",  # not a page: load_html refuses it
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>نص</p></body></html>",
        "<html><body><p>\x01نص\x0b</p><!-- تعليق --><?pi x?></body></html>",
    ],
    ids=[
        "news",
        "container",
        "split",
        "index",
        "doctype",
        "self-closing",
        "fragment",
        "xml",
        "controls",
    ],
)
def test_a_page_is_parsed_as_trafilatura_parses_it(html: str) -> None:
    # page_draft parses text itself (lxml's own element look-up: no Python call per
    # element) where trafilatura's load_html would parse it alike, and hands the rest on.
    from lxml import etree
    from lxml import html as lxml_html
    from trafilatura.utils import load_html

    tree = webpage._parsed(html)
    expected = load_html(html)
    if html.startswith(("<p>", "<?xml")):
        # Not a page (load_html refuses it too), and text declaring its encoding (which
        # lxml refuses as text): load_html's other roads, which page_draft leaves to it.
        assert tree is None
        return
    assert tree is not None and expected is not None
    assert etree.tostring(tree, encoding="unicode") == etree.tostring(expected, encoding="unicode")
    # Elements trafilatura and htmldate take as HTML elements, forms and inputs included.
    assert all(isinstance(e, lxml_html.HtmlElement) for e in tree.iter(etree.Element))
    assert webpage._page_date(tree, "") == webpage._page_date(expected, "")


def test_paragraph_text_is_counted_as_the_xpath_counts_it() -> None:
    # _prose_chars walks the paragraphs itself (libxml2's ".//p//text()" merged its node
    # set in time growing with the square of the paragraphs): the same count on random
    # trees with paragraphs inside paragraphs, comments, tails, and a paragraph as root.
    import random

    from lxml import etree

    from timeline.ingest.page_markup import _prose_chars, _xpath

    rng = random.Random(5)
    for _ in range(200):
        root = etree.Element(rng.choice(["div", "p", "body"]))
        nodes = [root]
        for _ in range(rng.randint(0, 40)):
            element = etree.SubElement(rng.choice(nodes), rng.choice(["p", "div", "span", "p"]))
            element.text, element.tail = "x" * rng.randint(0, 5), "y" * rng.randint(0, 3)
            if rng.random() < 0.1:
                element.append(etree.Comment("c"))
            nodes.append(element)
        for node in nodes:
            assert _prose_chars(node) == sum(map(len, _xpath(".//p//text()")(node)))


def test_a_page_of_many_blocks_is_read_without_the_fallback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # jusText, trafilatura's fallback, compares each block with far neighbours: 10,000
    # short paragraphs in boxes took 12 s, 20,000 40 s.
    import trafilatura

    fast: list[bool] = []
    real = trafilatura.bare_extraction

    def recorded(*args: object, **kwargs: object) -> object:
        fast.append(bool(kwargs.get("fast")))
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", recorded)
    box = "<div><div><p>فقرة قصيرة في صندوق</p></div></div>"
    for boxes in (100, webpage.FALLBACK_MAX_BLOCKS):
        html = f"<html><head><title>عنوان</title></head><body>{box * boxes}</body></html>"
        webpage.page_draft(html, "x")
    assert fast == [False, True]


def test_a_huge_page_without_article_markup_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webpage, "MAX_PAGE_ELEMENTS", 1_000)
    box = f"<article><p>{OTHER_BODY}</p></article>"
    html = f"<html><head><title>عنوان</title></head><body>{box * 500}</body></html>"
    with pytest.raises(BadArticle, match="more than 1,000 elements"):
        webpage.page_draft(html, "x")
    page = f"<html><head><title>عنوان</title></head><body>{box * 50}</body></html>"
    assert webpage.page_draft(page, "x").body


def test_half_a_surrogate_pair_in_json_ld_becomes_a_replacement_character() -> None:
    html = news_page(article_body="BODY").replace('"BODY"', '"\\ud83d' + OTHER_BODY * 3 + '"')
    draft = webpage.page_draft(html, "x")
    assert draft.body.startswith("\ufffd")
    draft.body.encode("utf-8")  # what SQLite does with it


def test_a_paragraph_of_more_than_ten_megabytes_is_read_whole() -> None:
    # libxml2 stops a text node at 10,000,000 bytes unless told otherwise: a long
    # article in one paragraph (5 million Arabic letters) read as "0 characters of
    # main text (an index page, a login wall or an error page?)".
    paragraph = "نص " * 2_000_000  # 10 MB in UTF-8
    html = f"<html><head><title>خبر</title></head><body><article><p>{paragraph}</p></article>"
    draft = webpage.page_draft(html.encode("utf-8"), "x")
    assert draft.body == paragraph.strip()


@pytest.mark.parametrize("page", ["<!--" * 1000, "</p>" * 1000, "<!-- a --><!-- b -->"])
def test_a_page_of_comments_or_end_tags_is_refused_in_one_line(page: str) -> None:
    """lxml's "Document is empty" escaped the reader (the import called it a bug)."""
    with pytest.raises(BadArticle, match=r"^not an article"):
        webpage.page_draft(page.encode(), "x")


def test_a_title_of_spaces_is_cut_at_its_separators_in_one_pass() -> None:
    from timeline.ingest.page_markup import _without_site

    title = "خبر" + " " * 200_000 + "عاجل - صحيفة سبق"
    assert _without_site(title, "صحيفة سبق").startswith("خبر")


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2015-02-31T10:00:00Z">',
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "datePublished": "2015-02-31T10:00:00Z"}</script>',
        '<meta name="date" content="31/02/2015">',
        '<meta property="article:published_time" content="2015-04-31">',
    ],
)
def test_a_page_marking_only_an_impossible_day_is_not_dated_to_its_month_s_first(
    head: str,
) -> None:
    """htmldate reads 2015-02-31 as February and answers its first day: the article was
    stored as published on 1 February.  Now it is as a page that marks no date."""
    draft = webpage.page_draft(_page_marking(head), "x")
    assert draft.published_raw == ""
    # With a date line above its text, that line, as on a page marking no date.
    opening = CONTAINERS["WordPress div.entry-content"] + f"<span class='d'>{LEAD_DATE}</span>"
    page = container_page(opening, date="").replace("</head>", f"{head}</head>")
    assert webpage.page_draft(page, "x").published_raw == LEAD_DATE


@pytest.mark.parametrize(
    ("head", "day"),
    [
        # The first marked as such, beside an impossible day: the first.
        (
            '<meta property="article:published_time" content="2015-02-01T09:00:00Z">'
            '<meta property="article:modified_time" content="2015-02-31T10:00:00Z">',
            "2015-02-01",
        ),
        # The last day of a month, leap or not, is a day.
        ('<meta property="article:published_time" content="2016-02-29">', "2016-02-29"),
    ],
)
def test_a_possible_day_is_kept(head: str, day: str) -> None:
    assert webpage.page_draft(_page_marking(head), "x").published_raw.startswith(day)
