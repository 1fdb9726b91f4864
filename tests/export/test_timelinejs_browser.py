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
fetch("data.json").then(r => r.json()).then(data => {
  window.timeline = new TL.Timeline("timeline-embed", data, {script_path: location.origin + "/dist/js/"});
  setTimeout(() => {
    const seen = [...document.querySelectorAll(".tl-slide .tl-headline")].map(h => {
      const span = h.querySelector("span[dir]") || h;
      return {
        text: span.textContent,
        direction: getComputedStyle(span).direction,
        runs: span.childNodes.length,
        width: span.getBoundingClientRect().width,
      };
    });
    document.getElementById("out").textContent = JSON.stringify(seen);
  }, 3000);
}).catch(e => { document.getElementById("out").textContent = "ERROR " + e; });
</script></body></html>
"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _browser() -> str | None:
    return next((b for b in map(shutil.which, BROWSERS) if b), None)


def test_timelinejs_renders_every_event_with_arabic_headlines(
    sample_store: Store, tmp_path: Path
) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no Chromium here (apt-get install chromium)")
    if not (DIST / "js" / "timeline.js").exists():
        pytest.skip("TimelineJS3 is not installed (npm install in tests/export/js)")
    site = tmp_path / "site"
    site.mkdir()
    (site / "dist").symlink_to(DIST)
    export(sample_store, "timelinejs", Selection(), site / "data.json")
    (site / "index.html").write_text(PAGE, encoding="utf-8")
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
    seen = json.loads(html.unescape(found.group(1)))
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
