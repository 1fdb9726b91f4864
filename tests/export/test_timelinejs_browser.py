"""The TimelineJS export in a real browser: TimelineJS3 (its npm package) in headless
Chromium renders every event, Arabic headlines whole and right to left.

Skipped where Chromium or TimelineJS3 is absent: `make test` installs TimelineJS3 into
tests/export/js/node_modules when npm is there.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from timeline.export import Selection, export
from timeline.ingest.timelinejs import html_text
from timeline.store import Store

DIST = Path(__file__).parent / "js" / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")

PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="dist/css/timeline.css">
<script src="dist/js/timeline.js"></script>
</head><body>
<div id="timeline-embed" style="width: 1200px; height: 700px"></div>
<pre id="out"></pre>
<script>
REPORT_FUNCTION
fetch("data.json").then(r => r.json()).then(data => {
  window.timeline = new TL.Timeline("timeline-embed", data, {script_path: location.origin + "/dist/js/"});
  setTimeout(() => {
    document.getElementById("out").textContent = JSON.stringify(REPORT());
  }, 3000);
}).catch(e => { document.getElementById("out").textContent = "ERROR " + e; });
</script></body></html>
"""


# What the first test reads back: each slide's headline as rendered.
HEADLINES = """function REPORT() {
  return [...document.querySelectorAll(".tl-slide .tl-headline")].map(h => {
    const span = h.querySelector("span[dir]") || h;
    return {
      text: span.textContent,
      direction: getComputedStyle(span).direction,
      runs: span.childNodes.length,
      width: span.getBoundingClientRect().width,
    };
  });
}"""
# What the second reads back: the group labels' text, and whether markup from an
# article made an element or ran a handler.
INJECTED = """function REPORT() {
  return {
    groups: [...document.querySelectorAll(".tl-timegroup-message")].map(g => g.textContent),
    injected: document.querySelectorAll("#timeline-embed img[src='x'], #timeline-embed b").length,
    ran: window.injected === true,
  };
}"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _browser() -> str | None:
    return next((b for b in map(shutil.which, BROWSERS) if b), None)


def _rendered(store: Store, tmp_path: Path, report: str) -> tuple[dict, object]:
    """The store's TimelineJS export rendered by TimelineJS3 in headless Chromium: the
    document written, and what the page's REPORT function read back from the page."""
    browser = _browser()
    if browser is None:
        pytest.skip("no Chromium here (apt-get install chromium)")
    if not (DIST / "js" / "timeline.js").exists():
        pytest.skip("TimelineJS3 is not installed (npm install in tests/export/js)")
    site = tmp_path / "site"
    site.mkdir()
    (site / "dist").symlink_to(DIST)
    export(store, "timelinejs", Selection(), site / "data.json")
    (site / "index.html").write_text(PAGE.replace("REPORT_FUNCTION", report), encoding="utf-8")
    document = json.loads((site / "data.json").read_text(encoding="utf-8"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-extensions",
                "--no-first-run",
                f"--user-data-dir={tmp_path / 'profile'}",
                "--virtual-time-budget=15000",
                "--dump-dom",
                f"http://127.0.0.1:{server.server_address[1]}/index.html",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        server.shutdown()
        server.server_close()
    found = re.search(r'<pre id="out">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found and found.group(1), result.stderr[-2000:]
    assert not found.group(1).startswith("ERROR"), found.group(1)
    return document, json.loads(html.unescape(found.group(1)))


def test_timelinejs_renders_every_event_with_arabic_headlines(
    sample_store: Store, tmp_path: Path
) -> None:
    document, seen = _rendered(sample_store, tmp_path, HEADLINES)
    assert isinstance(seen, list)
    rendered = [item["text"] for item in seen]
    # Every event is a slide; its headline is the text we gave, whole (letters that
    # join are one run of text, never split into pieces or reshaped).
    expected = [html_text(event["text"]["headline"]) for event in document["events"]]
    expected.append(html_text(document["title"]["text"]["headline"]))  # the title slide
    assert sorted(rendered) == sorted(expected)
    arabic = [item for item in seen if re.search("[\u0600-\u06ff]", item["text"])]
    assert arabic and all(item["direction"] == "rtl" for item in arabic)
    # One text node per headline: the browser shapes it as one run, so its letters join.
    assert all(item["runs"] == 1 for item in seen)
    assert len(seen) == len(document["events"]) + 1 > 40


def test_markup_in_an_article_stays_text_in_timelinejs(tmp_path: Path) -> None:
    """A title, body or source holding markup shows as that text: TimelineJS sets
    headlines, texts and group labels as HTML, and none of it makes an element or runs."""
    from timeline.library import import_paths

    handler = "window.injected=true"
    # Stored as written: a record of this program's own (published_raw) keeps its text's
    # markup, where another's would be read as HTML (jsonlines._MARKUP).
    records = [
        {
            "title": f'<img src="x" onerror="{handler}"> خبر',
            "body": f'<b>نص</b> <img src="x" onerror="{handler}">',
            "published_raw": "2021-05-22T01:32",
            "source": f'<img src="x" onerror="{handler}"><b>مصدر</b>',
        },
        {  # markup written as entities: decoded once on its way to the page
            "title": "خبر آخر",
            "body": "نص آخر",
            "published": "2021-05-23T01:32",
            "source": f"&lt;img src=x onerror={handler}&gt;",
        },
    ]
    feed = tmp_path / "x.jsonl"
    feed.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    with Store(tmp_path / "x.db") as store:
        assert import_paths(store, [feed]).added == 2
        sources = sorted(a.source for a in store.articles())  # the importer decodes entities
        assert all("<img" in source for source in sources)
        _, seen = _rendered(store, tmp_path, INJECTED)
    assert isinstance(seen, dict)
    assert sorted(seen["groups"]) == sources
    assert (seen["injected"], seen["ran"]) == (0, False)
