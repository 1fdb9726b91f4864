"""Benchmark the importers: articles/s of each format read (before date extraction), and
the whole SaudiNewsNet set imported as one .jsonl.gz file (with date extraction).

    .venv/bin/python bench/import_formats.py [--articles 3000] [--pages 300] [--no-corpus]

Inputs are synthetic (made-up Arabic from a word list), written to a temporary folder;
the corpus file is read where it lies (../shared/corpus/saudinewsnet/full.jsonl.gz).
Reading a format = ArticleFile over the file, no store, no dates.  Prints JSON lines.
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


def write_inputs(folder: Path, articles: int, pages: int) -> dict[str, Path]:
    items = _articles(articles)
    paths: dict[str, Path] = {}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["العنوان", "النص", "التاريخ"])
    writer.writerows(items)
    paths["csv"] = folder / "a.csv"
    paths["csv"].write_text(buffer.getvalue(), encoding="utf-8-sig")
    lines = [
        json.dumps({"title": t, "body": b, "published": d}, ensure_ascii=False) for t, b, d in items
    ]
    paths["jsonl.gz"] = folder / "a.jsonl.gz"
    paths["jsonl.gz"].write_bytes(gzip.compress("\n".join(lines).encode("utf-8")))
    entries = "".join(
        f"<item><title>{t}</title><link>http://example.org/{i}</link>"
        f"<pubDate>Mon, 01 Mar 2021 10:00:00 +0300</pubDate>"
        f"<content:encoded><![CDATA[<p>{b}</p>]]></content:encoded></item>"
        for i, (t, b, _) in enumerate(items)
    )
    paths["rss"] = folder / "a.rss"
    paths["rss"].write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>صحيفة</title>{entries}</channel></rss>",
        encoding="utf-8",
    )
    html_pages = [
        (
            f"http://example.org/p{i}",
            f'<html lang="ar"><head><title>{t}</title>'
            f'<meta property="article:published_time" content="{d}"></head><body>'
            f"<nav>الرئيسية | أخبار</nav><article><h1>{t}</h1>"
            + "".join(f"<p>{s}.</p>" for s in b.split(". "))
            + "</article><footer>حقوق</footer></body></html>",
        )
        for i, (t, b, d) in enumerate(items[:pages])
    ]
    paths["zip(html)"] = folder / "pages.zip"
    with zipfile.ZipFile(paths["zip(html)"], "w", zipfile.ZIP_DEFLATED) as archive:
        for i, (_, html) in enumerate(html_pages):
            archive.writestr(f"p{i}.html", html)
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    paths["warc.gz"] = folder / "crawl.warc.gz"
    with open(paths["warc.gz"], "wb") as out:
        warc = WARCWriter(out, gzip=True)
        for url, html in html_pages:
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


def read_rate(path: Path) -> dict[str, object]:
    started = time.perf_counter()
    drafts = rejected = 0
    with ArticleFile(path) as source:
        for item in source:
            if isinstance(item, Rejected):
                rejected += 1
            else:
                drafts += 1
    seconds = time.perf_counter() - started
    return {
        "articles": drafts,
        "rejected": rejected,
        "seconds": round(seconds, 3),
        "articles_per_s": round(drafts / seconds) if seconds else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--no-corpus", action="store_true", help="skip the SaudiNewsNet import")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, path in write_inputs(folder, args.articles, args.pages).items():
            print(json.dumps({"read": name, **read_rate(path)}, ensure_ascii=False), flush=True)
        if args.no_corpus or not CORPUS.is_file():
            return
        print(json.dumps({"read": "saudinewsnet full.jsonl.gz", **read_rate(CORPUS)}), flush=True)
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
