"""Web pages and web archives: main text and metadata, capture time apart from publication."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tests.ingest.format_fixtures import BODY, INDEX_PAGE, OTHER_BODY, page, warc
from timeline import library
from timeline.ingest import ArticleFile, BadArticle, Rejected
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
    assert draft.published_raw == "2021-03-01" and draft.captured == ""


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
        "2021-03-01",
    )
    assert second.captured == "2024-05-07T00:00:00Z"
    assert "2024" not in second.published_raw  # the crawl is never the publication date
    report = library.import_paths(store, [path])
    assert report.added == 2 and report.rejected == 1
    assert {a.captured for a in store.articles()} == {
        "2024-05-06T07:08:09Z",
        "2024-05-07T00:00:00Z",
    }


@pytest.mark.parametrize("compressed", [False, True])
def test_truncated_warc_fails_whole(tmp_path: Path, store: Store, compressed: bool) -> None:
    whole = warc(
        tmp_path / ("w.warc.gz" if compressed else "w.warc"),
        [("http://example.org/a", page(), "2024-05-06T07:08:09Z")] * 2,
        gzip=compressed,
    )
    data = whole.read_bytes()
    cut = whole.with_name("cut" + "".join(whole.suffixes))
    cut.write_bytes(data[: len(data) - 200])
    report = library.import_paths(store, [cut])
    (failed,) = report.failed
    assert "truncated" in (failed.error or "") and store.count_articles() == 0


def test_gzip_of_a_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page().encode("utf-8")))
    (draft,) = items(path)
    assert BODY in draft.body


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
