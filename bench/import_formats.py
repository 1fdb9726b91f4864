"""Benchmark the importers: articles/s of each format read (before date extraction), and
the whole SaudiNewsNet set imported as one .jsonl.gz file (with date extraction).

    .venv/bin/python bench/import_formats.py [--articles 3000] [--pages 300] [--no-corpus]

Inputs are synthetic (made-up Arabic from a word list), written to a temporary folder;
the corpus file is read where it lies (../shared/corpus/saudinewsnet/full.jsonl.gz).
Reading a format = ArticleFile over the file, no store, no dates.  Prints JSON lines:
`articles_per_s` by the wall clock, `cpu_articles_per_s` by the process's CPU time (on
a shared machine the fairer figure for "on one core").  Libraries an importer loads on
first use (trafilatura, feedparser, warcio), and the date rules a page's date line
needs (compiled on first use), are loaded before the timing by reading one page of each
shape, and their cost printed apart.  Web pages come in five shapes: a NewsArticle in JSON-LD, an
<article> element with OpenGraph tags (both read from the markup), a page with neither
whose paragraphs sit in one container (a WordPress div.entry-content, with OpenGraph
tags and comments), a 'plain' page with no markup at all, its date only in the text
(both read from their one container; the last also makes htmldate search the page for
its date), and a 'split' page whose paragraphs sit in sibling divs around an advert,
with OpenGraph tags (no one element holds them all); the zip and WARC hold the first
two, alternately.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import sys
import tempfile
import textwrap
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from timeline import library  # noqa: E402
from timeline.ingest import ArticleFile, Rejected  # noqa: E402
from timeline.store import Store  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "saudinewsnet" / "full.jsonl.gz"
WORDS = [
    "قمة",
    "عربية",
    "في",
    "بغداد",
    "لبحث",
    "الأزمة",
    "الاقتصادية",
    "وزير",
    "الخارجية",
    "يلتقي",
    "نظيره",
    "مجلس",
    "الوزراء",
    "يقر",
    "مشروع",
    "الطاقة",
    "الشمسية",
    "المنطقة",
    "الشرقية",
    "افتتاح",
    "مستشفى",
    "جديد",
    "الرياض",
    "جدة",
    "مكة",
    "المكرمة",
    "التعليم",
    "الجامعات",
    "الطلاب",
    "الموسم",
    "الرياضي",
    "المنتخب",
    "الوطني",
    "الأمطار",
    "الغزيرة",
    "الطرق",
]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _articles(n: int, seed: int = 7) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    return [
        (f"{_text(rng, 6)} {i}", ". ".join(_text(rng, 18) for _ in range(15)), "2021-03-01")
        for i in range(n)
    ]


SHAPES = ("json-ld", "article", "container", "plain", "split")


def _page(i: int, title: str, body: str, date: str, shape: str) -> str:
    """A news page of the given shape ('json-ld', 'article', 'container', 'plain', 'split')."""
    paragraphs = "".join(f"<p>{s}.</p>" for s in body.split(". "))
    head = f"<title>{title} | صحيفة</title>"
    if shape == "json-ld":
        story = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": date,
            "articleBody": body,
            "publisher": {"@type": "Organization", "name": "صحيفة"},
        }
        head += (
            f'<script type="application/ld+json">{json.dumps(story, ensure_ascii=False)}</script>'
        )
    if shape in ("json-ld", "article", "container", "split"):
        head += (
            f'<meta property="og:title" content="{title}">'
            '<meta property="og:site_name" content="صحيفة">'
            f'<meta property="article:published_time" content="{date}">'
        )
    if shape in ("json-ld", "article"):
        main = f"<article><h1>{title}</h1><div class='share'>شارك</div>{paragraphs}</article>"
    elif shape == "container":
        main = (
            f"<div class='post'><h1 class='entry-title'>{title}</h1>"
            f"<div class='entry-meta'><span>{date}</span></div>"
            f"<div class='entry-content'><div class='sharedaddy'>شارك</div>{paragraphs}</div>"
            "<div id='comments' class='comments-area'><ol class='comment-list'>"
            f"<li><p>{_text(random.Random(i), 12)}</p></li></ol></div></div>"
        )
    elif shape == "split":
        sentences = [f"<p>{s}.</p>" for s in body.split(". ")]
        half = len(sentences) // 2
        main = (
            f"<div class='story'><h1>{title}</h1><div class='meta'>{date}</div>"
            f"<div class='part'>{''.join(sentences[:half])}</div>"
            "<div class='ad-slot'><span>إعلان</span></div>"
            f"<div class='part'>{''.join(sentences[half:])}</div>"
            "<div class='share-links'><a href='#'>شارك</a></div></div>"
        )
    else:
        main = f"<div class='c'><h1>{title}</h1><span>{date}</span>{paragraphs}</div>"
    related = "".join(
        f"<li><a href='/n/{i + k}'>{_text(random.Random(k), 5)}</a></li>" for k in range(8)
    )
    return (
        f'<html lang="ar"><head>{head}</head><body>'
        f"<nav>الرئيسية | أخبار | رياضة</nav>{main}<aside><ul>{related}</ul></aside>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )


def write_inputs(folder: Path, articles: int, pages: int) -> dict[str, list[Path]]:
    """Every format's input: name -> the files read for it (several for one-article files)."""
    items = _articles(articles)
    paths: dict[str, list[Path]] = {}

    def one(name: str, path: Path, text: str | bytes) -> None:
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        paths[name] = [path]

    for name, delimiter in (("csv", ","), ("tsv", "\t")):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter)
        writer.writerow(["العنوان", "النص", "التاريخ"])
        writer.writerows(items)
        paths[name] = [folder / f"a.{name}"]
        paths[name][0].write_text(buffer.getvalue(), encoding="utf-8-sig")
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("أخبار")
    sheet.append(["العنوان", "النص", "التاريخ"])
    for row in items:
        sheet.append(list(row))
    paths["xlsx"] = [folder / "a.xlsx"]
    book.save(paths["xlsx"][0])
    records = [{"title": t, "body": b, "published": d} for t, b, d in items]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    one("jsonl", folder / "a.jsonl", lines)
    one("jsonl.gz", folder / "a.jsonl.gz", gzip.compress(lines.encode("utf-8")))
    one("json", folder / "a.json", json.dumps(records, ensure_ascii=False))
    texts = folder / "texts"
    texts.mkdir()
    paths["txt (one a file)"] = []
    for i, (t, b, _) in enumerate(items[:pages]):
        path = texts / f"{i}.txt"
        path.write_text(
            f"{t}\nتم نشره السبت 22 أيّار / مايو 2021 01:32 صباحاً\n{t}\nصحيفة :- {b}\nوكالات\n"
        )
        paths["txt (one a file)"].append(path)
    # PDFs the two ways producers write Arabic (tests/ingest/pdf_fixtures.py): drawn
    # glyph by glyph in shaped forms (a browser's print), and a run at a time in letters
    # (a word processor); an article a file, its text wrapped at 80 characters.
    from tests.ingest.pdf_fixtures import drawn, lettered, pdf_bytes

    pdfs = folder / "pdfs"
    pdfs.mkdir()
    for name, make in (("pdf drawn (one a file)", drawn), ("pdf lettered (one a file)", lettered)):
        paths[name] = []
        for i, (t, b, _) in enumerate(items[: max(1, pages // 3)]):
            lines = [t, "", "الأحد 12 يوليو 2015", "", *textwrap.wrap(b, 80)]
            runs = [run for n, line in enumerate(lines) if line for run in make(line, 760 - n * 14)]
            path = pdfs / f"{name.split()[1]}{i}.pdf"
            path.write_bytes(pdf_bytes([runs]))
            paths[name].append(path)
    entries = "".join(
        f"<item><title>{t}</title><link>http://example.org/{i}</link>"
        f"<pubDate>Mon, 01 Mar 2021 10:00:00 +0300</pubDate>"
        f"<content:encoded><![CDATA[<p>{b}</p>]]></content:encoded></item>"
        for i, (t, b, _) in enumerate(items)
    )
    one(
        "rss",
        folder / "a.rss",
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>صحيفة</title>{entries}</channel></rss>",
    )
    atom_entries = "".join(
        f"<entry><title>{t}</title><id>urn:{i}</id><link href='http://example.org/{i}'/>"
        f"<published>2021-03-01T10:00:00+03:00</published>"
        f"<updated>2021-03-01T10:00:00+03:00</updated>"
        f'<content type="html">&lt;p&gt;{b}&lt;/p&gt;</content></entry>'
        for i, (t, b, _) in enumerate(items)
    )
    one(
        "atom",
        folder / "a.atom",
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>صحيفة</title><id>urn:x</id><updated>2021-03-01T10:00:00+03:00</updated>"
        f"{atom_entries}</feed>",
    )
    rdf_items = "".join(
        f"<item rdf:about='http://example.org/{i}'><title>{t}</title>"
        f"<link>http://example.org/{i}</link><description>{b}</description>"
        f"<dc:date>2021-03-01T10:00:00+03:00</dc:date></item>"
        for i, (t, b, _) in enumerate(items)
    )
    one(
        "rdf",
        folder / "a.rdf",
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel rdf:about='http://example.org/'><title>صحيفة</title>"
        f"<link>http://example.org/</link><description>نشرة</description></channel>{rdf_items}"
        "</rdf:RDF>",
    )
    events = "".join(
        f"<event><start>2021-03-01 10:00:00</start><end>2021-03-01 10:00:00</end>"
        f"<text>{t}</text><description>{b}</description><category>صحيفة</category></event>"
        for t, b, _ in items
    )
    one(
        "timeline",
        folder / "a.timeline",
        f"<?xml version='1.0' encoding='utf-8'?><timeline><version>2.0.0</version>"
        f"<timetype>gregoriantime</timetype><events>{events}</events></timeline>",
    )
    tljs = {
        "title": {"text": {"headline": "صحيفة"}},
        "events": [
            {
                "start_date": {"year": 2021, "month": 3, "day": 1},
                "text": {"headline": t, "text": f"<p>{b}</p>"},
                "group": "صحيفة",
            }
            for t, b, _ in items
        ],
    }
    one("timelinejs", folder / "tl.json", json.dumps(tljs, ensure_ascii=False))
    html_pages = {
        shape: [
            (f"http://example.org/{shape}/{i}", _page(i, t, b, d, shape))
            for i, (t, b, d) in enumerate(items[:pages])
        ]
        for shape in SHAPES
    }
    for shape, shaped in html_pages.items():
        name = f"html ({shape}, one a file)"
        paths[name] = []
        for i, (_, html) in enumerate(shaped):
            path = folder / f"{shape}-{i}.html"
            path.write_text(html, encoding="utf-8")
            paths[name].append(path)
    marked = [
        html_pages["json-ld" if i % 2 else "article"][i] for i in range(len(html_pages["article"]))
    ]
    paths["zip(html)"] = [folder / "pages.zip"]
    with zipfile.ZipFile(paths["zip(html)"][0], "w", zipfile.ZIP_DEFLATED) as archive:
        for i, (_, html) in enumerate(marked):
            archive.writestr(f"p{i}.html", html)
    # A mailbox of the articles as messages (encoded subject and sender, a plain part
    # and an HTML one, as mail programs send a newsletter), and the same as .eml files.
    from email.header import Header
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    box = io.BytesIO()
    mails = folder / "mails"
    mails.mkdir()
    paths["eml (one a file)"] = []
    for i, (t, b, _) in enumerate(items):
        message = MIMEMultipart("alternative")
        message.attach(MIMEText(b, "plain", "utf-8"))
        message.attach(MIMEText(f"<html><body><p>{b}</p></body></html>", "html", "utf-8"))
        message["From"] = f"{Header('وكالة الأنباء', 'utf-8').encode()} <news@agency.example>"
        message["Subject"] = Header(t, "utf-8").encode()
        message["Date"] = "Sat, 22 May 2021 01:32:00 +0300"
        data = message.as_bytes()
        box.write(b"From news@agency.example Sat May 22 01:32:00 2021\n" + data + b"\n\n")
        if i < pages:
            paths["eml (one a file)"].append(mails / f"{i}.eml")
            paths["eml (one a file)"][-1].write_bytes(data)
    one("mbox", folder / "a.mbox", box.getvalue())
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    paths["warc.gz"] = [folder / "crawl.warc.gz"]
    with open(paths["warc.gz"][0], "wb") as out:
        warc = WARCWriter(out, gzip=True)
        for url, html in marked:
            payload = html.encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            warc.write_record(
                warc.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(payload),
                    length=len(payload),
                    http_headers=headers,
                )
            )
    return paths


def warm_up() -> float:
    """Load what the importers load on first use; returns the seconds it took."""
    started = time.perf_counter()
    import feedparser  # noqa: F401
    import warcio.archiveiterator  # noqa: F401

    from timeline.ingest.webpage import page_draft

    # One page of each shape, unlike those timed: the date rules a page's date line needs
    # are compiled on first use, a one-time cost like a library's import.
    ((title, body, date),) = _articles(1, seed=1)
    for shape in SHAPES:
        page_draft(_page(0, title, body, date, shape), "warm-up")
    return time.perf_counter() - started


def read_rate(paths: list[Path]) -> dict[str, object]:
    started = time.perf_counter()
    cpu_started = time.process_time()
    drafts = rejected = 0
    for path in paths:
        with ArticleFile(path) as source:
            for item in source:
                if isinstance(item, Rejected):
                    rejected += 1
                else:
                    drafts += 1
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return {
        "articles": drafts,
        "rejected": rejected,
        "seconds": round(seconds, 3),
        "articles_per_s": round(drafts / seconds) if seconds else None,
        "cpu_seconds": round(cpu, 3),
        "cpu_articles_per_s": round(drafts / cpu) if cpu else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--no-corpus", action="store_true", help="skip the SaudiNewsNet import")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = write_inputs(folder, args.articles, args.pages)
        print(json.dumps({"libraries_loaded_s": round(warm_up(), 2)}), flush=True)
        for name, paths in inputs.items():
            print(json.dumps({"read": name, **read_rate(paths)}, ensure_ascii=False), flush=True)
        if args.no_corpus or not CORPUS.is_file():
            return
        print(json.dumps({"read": "saudinewsnet full.jsonl.gz", **read_rate([CORPUS])}), flush=True)
        started = time.perf_counter()
        with Store(folder / "bench.db") as store:
            report = library.import_paths(store, [CORPUS])
        seconds = time.perf_counter() - started
        print(
            json.dumps(
                {
                    "import": "saudinewsnet full.jsonl.gz (with date extraction, one transaction)",
                    "added": report.added,
                    "duplicates": report.duplicates,
                    "rejected": report.rejected,
                    "failed": [f.error for f in report.failed],
                    "seconds": round(seconds, 1),
                    "articles_per_s": round((report.added + report.duplicates) / seconds),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
