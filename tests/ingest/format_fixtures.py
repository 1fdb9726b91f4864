"""Small synthetic inputs of every import format (made-up Arabic, nothing from the corpus)."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

BODY = (
    "أعلنت الوزارة اليوم عن افتتاح مشروع جديد للطاقة الشمسية في المنطقة الشرقية، "
    "ويهدف المشروع إلى توفير الكهرباء لآلاف المنازل. وقال المتحدث إن العمل سيبدأ "
    "في الخامس من مارس 2021 ويستمر عامين."
)
OTHER_BODY = (
    "افتتحت البلدية حديقة عامة جديدة في وسط المدينة بعد أعمال استمرت ثلاث سنوات، "
    "وتضم الحديقة ممرات للمشي وملاعب للأطفال ومكتبة صغيرة مفتوحة للجميع طوال الأسبوع."
)


def rss(items: int = 2, *, full: bool = True, title: str = "صحيفة تجريبية") -> str:
    entries = []
    for n in range(1, items + 1):
        content = (
            f"<content:encoded><![CDATA[<p>{BODY} رقم {n}</p><p>فقرة ثانية.</p>]]></content:encoded>"
            if full
            else ""
        )
        entries.append(
            f"<item><title>خبر رقم {n}</title><link>http://example.org/{n}</link>"
            f"<pubDate>Mon, 0{n} Mar 2021 10:00:00 +0300</pubDate>"
            f"<description>&lt;b&gt;ملخص&lt;/b&gt; الخبر رقم {n}</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><language>ar</language>{''.join(entries)}"
        "</channel></rss>"
    )


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة أطلس</title><id>urn:x</id>
<updated>2022-01-02T08:00:00+03:00</updated>
<entry><title>خبر أطلس</title><id>urn:1</id><link href="http://example.org/a1"/>
<published>2022-01-02T08:00:00+03:00</published><updated>2022-01-02T08:00:00+03:00</updated>
<content type="html">&lt;p&gt;{OTHER_BODY}&lt;/p&gt;</content></entry></feed>"""

RDF = f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://example.org/"><title>نشرة آر دي إف</title><link>http://example.org/</link>
<description>نشرة</description></channel>
<item rdf:about="http://example.org/r1"><title>خبر آر دي إف</title><link>http://example.org/r1</link>
<description>{OTHER_BODY}</description><dc:date>2020-07-08T09:10:00+03:00</dc:date></item>
</rdf:RDF>"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "ههههههههههه"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss version="2.0"><channel><title>قنبلة</title><item><title>&d;</title>
<description>&d;</description></item></channel></rss>"""


def page(body: str = BODY, *, title: str = "افتتاح مشروع للطاقة", date: str = "2021-03-01") -> str:
    meta = (
        f'<meta property="article:published_time" content="{date}T09:00:00+03:00">' if date else ""
    )
    return (
        '<html lang="ar" dir="rtl"><head>'
        f"<title>{title} - صحيفة تجريبية</title>"
        '<meta property="og:site_name" content="صحيفة تجريبية">'
        '<meta name="author" content="أحمد علي">'
        f"{meta}<script>document.write('حقن')</script>"
        '<link rel="stylesheet" href="http://127.0.0.1:9/never.css"></head>'
        "<body><nav>الرئيسية | أخبار | رياضة</nav>"
        f"<article><h1>{title}</h1><p>{body}</p><p>{body}</p>"
        '<img src="http://127.0.0.1:9/never.png"></article>'
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )


INDEX_PAGE = (
    "<html><head><title>الصفحة الرئيسية</title></head><body>"
    + "".join(f'<a href="/n/{n}">خبر {n}</a> ' for n in range(10))
    + "</body></html>"
)


def warc(path: Path, pages: list[tuple[str, str, str]], *, gzip: bool = False) -> Path:
    """A web archive of (url, html, capture time) responses, with a request record between."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, html, when in pages:
            request = b"GET / HTTP/1.1\r\n\r\n"
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(request), length=len(request)
                )
            )
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            payload = html.encode("utf-8")
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(payload),
                    length=len(payload),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": when},
                )
            )
    return path


# A news page as sites write them: the article among navigation, a share bar, a photo
# caption, "read also" links, tags, related teasers and comments.  Made-up Arabic.
NEWS_TITLE = "الحكومة تقر خطة لتوسيع شبكة القطارات"
NEWS_PARAGRAPHS = (
    "أقر مجلس الوزراء في جلسته الأسبوعية خطة لتوسيع شبكة القطارات بين المدن الكبرى، "
    "على أن يبدأ التنفيذ مطلع العام المقبل.",
    "وقال وزير النقل إن الخطة تشمل إنشاء ثلاثة خطوط جديدة وتحديث المحطات القائمة، "
    "وإن كلفتها ستوزع على خمس سنوات.",
    "وأضاف أن المشروع سيوفر آلاف الوظائف، وأن العمل في الخط الأول سيبدأ في 15 يناير 2022.",
)
NEWS_BOILERPLATE = (
    "الرئيسية",  # navigation
    "شارك الخبر",  # share bar
    "صورة أرشيفية للقطار",  # photo caption
    "اقرأ أيضا",  # a "read also" link line
    "وسوم",  # tags
    "افتتاح ملعب جديد",  # a related teaser
    "تعليق القارئ",  # comments
    "جميع الحقوق محفوظة",  # footer
)


def news_page(
    *,
    json_ld: bool = True,
    article_body: str | None = None,
    wrapper: str = "article",
    date: str = "2021-12-20T10:30:00+03:00",
) -> str:
    """A news page; json_ld adds a NewsArticle (with article_body as its articleBody)."""
    body_html = "".join(f"<p>{p}</p>" for p in NEWS_PARAGRAPHS)
    ld = ""
    if json_ld:
        story = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": NEWS_TITLE,
            "datePublished": date,
            "author": {"@type": "Person", "name": "سارة محمود"},
            "publisher": {"@type": "Organization", "name": "جريدة المثال"},
        }
        if article_body is not None:
            story["articleBody"] = article_body
        import json

        graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, story]}
        ld = f'<script type="application/ld+json">{json.dumps(graph, ensure_ascii=False)}</script>'
    opening, closing = {
        "article": ("<article>", "</article>"),
        "itemprop": ('<div class="content" itemprop="articleBody">', "</div>"),
        "div": ('<div class="c1">', "</div>"),
    }[wrapper]
    related = (
        "<article><h3><a href='/r/1'>افتتاح ملعب جديد</a></h3><p>افتتاح ملعب جديد في المدينة</p></article>"
        if wrapper == "article"
        else "<div><a href='/r/1'>افتتاح ملعب جديد</a></div>"
    )
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{NEWS_TITLE} | جريدة المثال</title>"
        f'<meta property="og:title" content="{NEWS_TITLE}">'
        '<meta property="og:site_name" content="جريدة المثال">'
        '<link rel="canonical" href="https://example.org/news/2021/train">'
        f'<meta property="article:published_time" content="{date}">'
        f"{ld}<script>var tracker = 'اقرأ أيضا';</script></head><body>"
        "<header><nav><a href='/'>الرئيسية</a> <a href='/s'>سياسة</a></nav></header>"
        f"<main>{opening}<h1>{NEWS_TITLE}</h1>"
        "<div class='share-bar'><a href='#'>شارك الخبر</a></div>"
        "<figure><img src='http://127.0.0.1:9/t.jpg'><figcaption>صورة أرشيفية للقطار</figcaption></figure>"
        f"{body_html}"
        "<p><a href='/r/2'>اقرأ أيضا: ارتفاع أسعار التذاكر</a></p>"
        "<ul class='tags'><li><a href='/t/1'>وسوم</a></li></ul>"
        f"{closing}{related}"
        "<section id='comments'><p>تعليق القارئ: خطوة جيدة</p></section></main>"
        "<footer><p>جميع الحقوق محفوظة</p></footer></body></html>"
    )


# The same article on pages with no article markup (no JSON-LD, no <article>): its
# paragraphs sit in one container, as WordPress themes and many news sites write them.
CONTAINERS = {
    "WordPress div.entry-content": '<div class="entry-content clearfix">',
    "div#article-body": '<div id="article-body" class="story">',
    "Arabic site's div.news-text": '<div class="news-text" dir="rtl">',
}


def container_page(
    opening: str = CONTAINERS["WordPress div.entry-content"],
    *,
    comments_inside: bool = False,
    split: bool = False,
    date: str = "2021-12-20T10:30:00+03:00",
    paragraphs: tuple[str, ...] = NEWS_PARAGRAPHS,
) -> str:
    """A news page whose article is the paragraphs of one container, among furniture.

    comments_inside puts the readers' comments in the container after the text; split
    spreads the paragraphs over sibling elements, the last one after an advert, as some
    sites do: then no one element holds the whole article.
    """
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    if split:
        body = (
            f"<div class='part'>{''.join(f'<p>{p}</p>' for p in paragraphs[:-1])}</div>"
            "<div class='ad-slot'>إعلان</div>"
            f"<div class='part'><p>{paragraphs[-1]}</p></div>"
        )
    comments = (
        "<div id='comments' class='comments-area'><h3>التعليقات</h3><ol class='comment-list'>"
        "<li><p>تعليق القارئ: خطوة جيدة</p></li></ol></div>"
    )
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{NEWS_TITLE} | جريدة المثال</title>"
        f'<meta property="og:title" content="{NEWS_TITLE}">'
        '<meta property="og:site_name" content="جريدة المثال">'
        '<link rel="canonical" href="https://example.org/news/2021/train">'
        f"{meta}<script>var tracker = 'اقرأ أيضا';</script></head><body>"
        "<header><nav><a href='/'>الرئيسية</a> <a href='/s'>سياسة</a></nav></header>"
        "<div id='page'><div class='post'>"
        f"<h1 class='entry-title'>{NEWS_TITLE}</h1>"
        "<div class='entry-meta'><span class='posted-on'>منذ ساعتين</span></div>"
        f"{opening}"
        "<div class='sharedaddy sd-sharing'><a href='#'>شارك الخبر</a></div>"
        "<div class='wp-caption'><img src='http://127.0.0.1:9/t.jpg'>"
        "<p class='wp-caption-text'>صورة أرشيفية للقطار</p></div>"
        f"{body}"
        "<p><a href='/r/2'>اقرأ أيضا: ارتفاع أسعار التذاكر</a></p>"
        "<div class='post-tags'><a href='/t/1'>وسوم</a></div>"
        "<div id='jp-relatedposts' class='jp-relatedposts'>"
        "<p><a href='/r/1'>افتتاح ملعب جديد</a></p><p>افتتاح ملعب جديد في المدينة</p></div>"
        f"{comments if comments_inside else ''}</div>"
        f"{'' if comments_inside else comments}</div>"
        "<div class='sidebar-latest'><ul><li><a href='/n/9'>أخبار أخرى</a></li></ul></div>"
        "</div><footer><p>جميع الحقوق محفوظة</p></footer></body></html>"
    )


def marked_zip_member(
    data: bytes, name: str, *, flags: int = 0, method: int | None = None
) -> bytes:
    """A zip archive (data) with one member's headers changed as another archiver writes
    them: flag bits set (1: encrypted, 0x40: strong encryption) or a compression method
    zipfile does not read (9: Deflate64).  The member's bytes are left as they are."""
    import struct

    marked = bytearray(data)
    # (signature, offset of the name's length, of the flags, of the method, of the name)
    for signature, length_at, flags_at, method_at, name_at in (
        (b"PK\x03\x04", 26, 6, 8, 30),  # a local header
        (b"PK\x01\x02", 28, 8, 10, 46),  # the central directory's entry
    ):
        start = marked.find(signature)
        while start >= 0:
            (length,) = struct.unpack_from("<H", marked, start + length_at)
            if marked[start + name_at : start + name_at + length] == name.encode():
                (held,) = struct.unpack_from("<H", marked, start + flags_at)
                struct.pack_into("<H", marked, start + flags_at, held | flags)
                if method is not None:
                    struct.pack_into("<H", marked, start + method_at, method)
            start = marked.find(signature, start + 4)
    return bytes(marked)


@contextlib.contextmanager
def https_server(folder: Path, body: str) -> Iterator[tuple[str, Path]]:
    """A local HTTPS server answering every path with the page body, its certificate
    signed by a certificate authority made here: yields (its address, the authority's
    certificate).  Needs the openssl program (the caller skips without it)."""
    import http.server
    import ssl
    import subprocess
    import threading

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=test CA",
            "-keyout", "ca.key", "-out", "ca.pem")  # fmt: skip
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
            "-keyout", "server.key", "-out", "server.csr")  # fmt: skip
    (folder / "san.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-days", "2", "-extfile", "san.cnf", "-out", "server.pem")  # fmt: skip
    data = body.encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "server.pem", folder / "server.key")
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{httpd.server_address[1]}/page", folder / "ca.pem"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
