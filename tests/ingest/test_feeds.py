"""RSS, Atom and RDF feeds and OPML lists: full text or a marked summary, no entity bombs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.format_fixtures import ATOM, BILLION_LAUGHS, BODY, OTHER_BODY, RDF, rss
from timeline import library
from timeline.ingest import ArticleFile, BadArticle, Rejected
from timeline.ingest.feeds import html_text
from timeline.model import ArticleDraft
from timeline.store import Store


def items(path: Path) -> list:
    with ArticleFile(path) as source:
        return list(source)


def test_rss_full_text_from_content_encoded(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(rss(2), encoding="utf-8")
    first, second = items(path)
    assert first.title == "خبر رقم 1" and first.body.startswith(BODY)
    assert "فقرة ثانية." in first.body and "<p>" not in first.body
    assert first.body_kind == ""
    assert first.source == "صحيفة تجريبية" and first.url == "http://example.org/1"
    # The publisher's wall clock and offset, as RFC 822 gave them.
    assert first.published_raw == "2021-03-01T10:00:00+03:00"
    assert second.published_raw == "2021-03-02T10:00:00+03:00"


def test_rss_without_content_is_a_marked_summary(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(rss(1, full=False), encoding="utf-8")
    (draft,) = items(path)
    assert draft.body == "ملخص الخبر رقم 1" and draft.body_kind == "summary"


def test_atom_and_rdf(tmp_path: Path) -> None:
    atom = tmp_path / "a.atom"
    atom.write_text(ATOM, encoding="utf-8")
    rdf = tmp_path / "r.rdf"
    rdf.write_text(RDF, encoding="utf-8")
    (a,) = items(atom)
    (r,) = items(rdf)
    assert (a.title, a.body, a.source) == ("خبر أطلس", OTHER_BODY, "وكالة أطلس")
    assert a.published_raw.startswith("2022-01-02T08:00:00")
    assert (r.title, r.source, r.body_kind) == ("خبر آر دي إف", "نشرة آر دي إف", "summary")
    assert r.published_raw.startswith("2020-07-08T09:10:00")


def test_feed_summary_is_stored_and_dated(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(rss(1, full=False), encoding="utf-8")
    report = library.import_paths(store, [path])
    assert report.added == 1 and report.undated == 0
    (article,) = store.articles()
    assert article.body_kind == "summary"
    assert article.published == "2021-03-01T10:00:00+03:00"


def test_entity_bomb_is_refused_before_expansion(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "bomb.rss"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    with pytest.raises(BadArticle, match="declares entities"):
        items(path)
    report = library.import_paths(store, [path])
    assert report.failed and store.count_articles() == 0


def test_malformed_feed_is_one_line_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>x</title><item><title>", encoding="utf-8")
    with pytest.raises(BadArticle) as caught:
        items(path)
    assert "\n" not in str(caught.value)


def test_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text('<?xml version="1.0"?><catalogue><book/></catalogue>', encoding="utf-8")
    with pytest.raises(BadArticle, match="not a"):
        items(path)


def test_entry_without_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>ص</title><item><title>عنوان فقط</title></item>'
        f"<item><title>خبر</title><description>{BODY}</description></item></channel></rss>",
        encoding="utf-8",
    )
    rejected, draft = items(path)
    assert isinstance(rejected, Rejected) and rejected.where == "entry 1"
    assert draft.body == BODY


def test_html_text_keeps_paragraphs_and_drops_scripts() -> None:
    text = html_text("<p>أ &amp; ب</p><script>alert('x')</script><p>ج<br>د</p>")
    assert text == "أ & ب\n\nج\nد"


def test_html_text_keeps_a_less_than_sign_that_starts_no_tag() -> None:
    text = html_text("الحرارة <5 درجات و>3 <!-- ملاحظة --><blockquote>ليلا</blockquote>")
    assert text == "الحرارة <5 درجات و>3\nليلا"


@pytest.mark.parametrize(
    ("hostile", "kept"),
    [
        # Openings without closings: each was scanned to the end of the text from every
        # opening (quadratic: 320 KB of "<script>" took 45 s); here the text is 2.4 MB.
        ("<script>" * 300_000 + "خبر", "خبر"),
        ("<style>x" * 300_000 + "</style>خبر", "خبر"),
        ("<" * 2_400_000 + ">خبر", "خبر"),
        ("<p" * 1_200_000 + ">خبر", "خبر"),
    ],
)
def test_html_text_reads_hostile_markup_in_one_pass(hostile: str, kept: str) -> None:
    assert html_text(hostile).endswith(kept)


def test_html_text_drops_each_script_and_keeps_what_is_between() -> None:
    text = html_text("أ<script>x</script>ب<STYLE>y</style >ج<script>ز")
    assert text == "أ ب جز"  # a script never closed is left, its tag taken off


def test_fast_rss_reader_agrees_with_feedparser(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.ingest import feeds

    data = rss(3).replace("<item><title>خبر رقم 2", "<item><author>كاتب</author><title>خبر رقم 2")
    data = data.replace("</channel>", "<item><title>بلا نص</title></item></channel>").encode()
    assert feeds._plain_feed(data) is not None
    fast = list(feeds.feed_entries(data, "x"))
    monkeypatch.setattr(feeds, "_plain_feed", lambda _data: None)
    assert list(feeds.feed_entries(data, "x")) == fast
    assert [getattr(d, "author", None) for d in fast[:3]] == ["", "كاتب", ""]


RSS_ITEMS = [
    # A title given as HTML in CDATA: its tags taken off.
    (
        "<title><![CDATA[<b>عاجل:</b> سقط المطر]]></title><link>http://example.org/1</link>",
        "عاجل: سقط المطر",
        "http://example.org/1",
    ),
    # References escaped twice: the title's text is HTML, its references decoded.
    (
        "<title>قال &amp;quot;نعم&amp;quot; &amp;amp; مضى</title><link>http://example.org/2</link>",
        'قال "نعم" & مضى',
        "http://example.org/2",
    ),
    # Neither a closing tag nor a reference: plain text, as feedparser guesses it.
    (
        "<title><![CDATA[أ & ب <br> ج]]></title><link>http://example.org/1</link>",
        "أ & ب <br> ج",
        "http://example.org/1",
    ),
    # No link: a guid that is a permalink (isPermaLink "true" or left out) is the url.
    (
        '<title>خبر</title><guid isPermaLink="true">http://example.org/3</guid>',
        "خبر",
        "http://example.org/3",
    ),
    ("<title>خبر</title><guid>https://example.org/4</guid>", "خبر", "https://example.org/4"),
    # A guid that is no permalink, or no web address, is not.
    ('<title>خبر</title><guid isPermaLink="false">http://example.org/5</guid>', "خبر", ""),
    ("<title>خبر</title><guid>urn:uuid:1234</guid>", "خبر", ""),
    # A link wins over a guid.
    (
        "<title>خبر</title><guid>http://example.org/guid</guid><link>http://example.org/7</link>",
        "خبر",
        "http://example.org/7",
    ),
]


@pytest.mark.parametrize(
    ("item", "title", "url"),
    RSS_ITEMS,
    ids=["html", "escaped-twice", "plain", "permalink", "guid", "not-permalink", "urn", "link"],
)
def test_fast_rss_reader_agrees_with_feedparser_on_titles_and_guids(
    monkeypatch: pytest.MonkeyPatch, item: str, title: str, url: str
) -> None:
    from timeline.ingest import feeds

    data = (
        rss(1)
        .replace("<item><title>خبر رقم 1</title><link>http://example.org/1</link>", f"<item>{item}")
        .encode()
    )
    assert feeds._plain_feed(data) is not None
    fast = list(feeds.feed_entries(data, "x"))
    monkeypatch.setattr(feeds, "_plain_feed", lambda _data: None)
    assert list(feeds.feed_entries(data, "x")) == fast
    (draft,) = fast
    assert (draft.title, draft.url) == (title, url)


def test_windows_1256_feed_by_its_declaration(tmp_path: Path) -> None:
    path = tmp_path / "old.rss"
    path.write_bytes(rss(1).replace('encoding="utf-8"', 'encoding="windows-1256"').encode("cp1256"))
    (draft,) = items(path)
    assert draft.title == "خبر رقم 1" and draft.body.startswith(BODY)


def test_damaged_atom_with_missing_values_is_read_or_refused(tmp_path: Path) -> None:
    # A NUL where '<' of '</title>' was: feedparser leaves the entry's summary as None.
    path = tmp_path / "nul.atom"
    path.write_bytes(
        ATOM.encode().replace("أطلس</title><id>urn:1".encode(), "أطلس\x00/title>".encode())
    )
    try:
        found = items(path)
    except BadArticle:
        return
    assert all(isinstance(x, Rejected) or x.body for x in found)


ATOM_VARIANTS = [
    ATOM,
    # An author, a plain-text title, a summary only, an html title, a second link first.
    ATOM.replace(
        "<entry>",
        "<entry><author><name>منى</name></author><title type='text'>أ &amp; ب</title>"
        "<id>urn:0</id><link rel='self' href='http://example.org/self'/>"
        "<link href='http://example.org/a0'/><updated>2022-01-01T08:00:00Z</updated>"
        f"<summary type='html'>&lt;b&gt;{OTHER_BODY}&lt;/b&gt;</summary></entry><entry>",
    ),
    ATOM.replace(
        "<title>خبر أطلس</title>", "<title type='html'>خبر &lt;i&gt;أطلس&lt;/i&gt;</title>"
    ),
    ATOM.replace(
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    ),
]
RDF_VARIANTS = [
    RDF,
    RDF.replace(
        "<dc:date>",
        f"<dc:creator>منى</dc:creator><content:encoded><![CDATA[<p>{BODY}</p>]]></content:encoded><dc:date>",
    ).replace('xmlns:dc="', 'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="'),
]


@pytest.mark.parametrize("feed", ATOM_VARIANTS + RDF_VARIANTS)
def test_fast_atom_and_rdf_readers_agree_with_feedparser(
    monkeypatch: pytest.MonkeyPatch, feed: str
) -> None:
    from timeline.ingest import feeds

    data = feed.encode()
    assert feeds._plain_feed(data) is not None  # read without feedparser
    fast = list(feeds.feed_entries(data, "x"))
    monkeypatch.setattr(feeds, "_plain_feed", lambda _data: None)
    assert list(feeds.feed_entries(data, "x")) == fast
    assert all(isinstance(d, ArticleDraft) and d.body for d in fast)


def test_atom_with_xhtml_content_is_left_to_feedparser(tmp_path: Path) -> None:
    from timeline.ingest import feeds

    xhtml = ATOM.replace(
        '<content type="html">&lt;p&gt;',
        '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>',
    ).replace("&lt;/p&gt;</content>", "</p></div></content>")
    assert feeds._plain_feed(xhtml.encode()) is None
    path = tmp_path / "x.atom"
    path.write_text(xhtml, encoding="utf-8")
    (draft,) = items(path)
    assert draft.body == OTHER_BODY


@pytest.mark.parametrize("reference", ["&#xD800;", "&#56000;", "&#x110000;", "&#99999999999;"])
def test_a_reference_to_no_character_costs_the_feed_nothing(
    tmp_path: Path, store: Store, reference: str
) -> None:
    # feedparser fails on such a reference (half a surrogate pair, past U+10FFFF) with
    # UnicodeEncodeError, ValueError or OverflowError of its own: every entry was lost.
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>قناة</title>'
        f"<item><title>{reference} عاجل</title><description>{BODY}</description></item>"
        f"<item><title>ثان &#x633;</title><description>{OTHER_BODY}</description></item>"
        "</channel></rss>"
    )
    path = tmp_path / "feed.rss"
    path.write_text(feed, encoding="utf-8")
    report = library.import_paths(store, [path])
    assert not report.failed and report.added == 2
    assert sorted(a.title for a in store.articles()) == ["ثان س", "\ufffd عاجل"]


@pytest.mark.parametrize("markup", [False, True])
def test_a_long_line_is_read_without_a_piece_held_per_word(markup: bool) -> None:
    """A slide's or an entry's text of 50 million characters on one line (each word
    split off, or each space replaced by another) took 1.5 GB to read a 90 MB TimelineJS
    file.  Its spaces now stay as they are: the reading holds a few copies of it."""
    import tracemalloc

    from timeline.ingest import timelinejs

    words = "كلمة\tو  كلمة " + "كلمة " * 400_000
    text = f"<p>{words}</p>" if markup else words
    tracemalloc.start()
    try:
        read = timelinejs.html_text(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read == " ".join(words.split())
    assert peak < 8 * len(text) * 2  # (a Python string of Arabic: two bytes a letter)


def _feed_of(long_entry: str) -> bytes:
    """An RSS feed of a short entry, then one whose content is long_entry (in CDATA)."""
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>قناة</title>'
        f"<item><title>قصير</title><description>{BODY}</description></item>"
        "<item><title>طويل</title><description>ملخص</description>"
        f"<content:encoded><![CDATA[{long_entry}]]></content:encoded></item>"
        "</channel></rss>"
    ).encode()


def test_an_entry_past_libxml2s_ten_megabytes_is_read_without_feedparser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """libxml2 reads no text node over 10 MB unless told the tree may be huge: such a
    feed went to feedparser, which took ten times as long (a 90 MB entry: 5.2 s, 490 MB)."""
    import feedparser

    from timeline.ingest import feeds

    def unwanted(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a well-formed feed read by feedparser")

    monkeypatch.setattr(feedparser, "parse", unwanted)
    words = "كلمة " * 1_200_000  # 10.8 MB of UTF-8, 6 million characters
    short, long = feeds.feed_entries(_feed_of(f"<p>{words}</p>"), "x")
    assert isinstance(short, ArticleDraft) and short.title == "قصير"
    assert isinstance(long, ArticleDraft) and long.title == "طويل"
    assert long.body == words.strip() and long.body_kind == ""


def test_an_entry_longer_than_an_article_is_refused_by_its_number_before_it_is_read_whole() -> None:
    """An entry whose text passes the 10 million characters an article may be is one
    skipped record named by its number, found so before its markup is read whole (which
    held four copies of it)."""
    import tracemalloc

    from timeline.ingest import TOO_LONG, feeds

    markup = "<p>" + "abcdefghij " * 1_050_000 + "</p>"  # 10.5 million letters
    data = _feed_of(markup)
    tracemalloc.start()
    try:
        short, refused = feeds.feed_entries(data, "x")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(short, ArticleDraft) and short.title == "قصير"
    assert refused == ("entry 2", TOO_LONG)
    assert peak < 3 * len(markup)  # its text as lxml gives it, and a part read (whole: 4)


@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<br>",
                "< br >",
                "<b>",
                "</b>",
                "&amp;",
                "&amp",
                "&lt;",
                "&#1587;",
                "&#x633",
                "&",
                "<",
                ">",
                "<!-- c -->",
                "<script>x</script>",
                "<style>",
                " ",
                "  ",
                "\n",
                "\n\n",
                "\t",
                "\u00a0",
                "خبر",
                "word",
                "<a href='x y'>",
                "</a>",
                "<5",
            ]
        ),
        max_size=40,
    ),
    st.integers(1, 12),
)
def test_markup_read_in_pieces_is_read_as_it_is_whole(parts: list[str], size: int) -> None:
    """Cut anywhere a piece may end (no tag, reference or script cut), the pieces' text is
    the whole's, and it is refused exactly when its letters pass the limit."""
    from timeline.ingest.feeds import _read_in_pieces

    markup = "".join(parts)
    whole = html_text(markup)
    if "<" not in markup and "&" not in markup:
        return  # (read as it is, never in pieces: html_text_within)
    letters = sum(map(len, whole.split()))
    assert _read_in_pieces(markup, letters, size) == whole
    if letters:
        assert _read_in_pieces(markup, letters - 1, size) is None
