"""Importing URLs, against a local HTTP server started here: the network is never touched."""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from tests.ingest.format_fixtures import BODY, https_server, page, rss
from timeline import library
from timeline.cli import cli
from timeline.ingest import BadArticle, WebArticles, read_articles
from timeline.ingest.fetch import USER_AGENT, fetch, is_url
from timeline.store import Store

PAGE = page().replace(
    "</article>", '<img src="/picture.png"><script src="/app.js"></script></article>'
)
ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/feed": (200, "application/rss+xml", rss(2).encode()),
    "/feed-as-xml": (200, "text/xml", rss(1, title="أخرى").encode()),
    "/page": (200, "text/html; charset=utf-8", PAGE.encode()),
    "/big": (200, "text/plain", b"x" * 50_000),
    "/missing": (404, "text/plain", b"no"),
    "/sheet.csv": (200, "application/octet-stream", f"title,body\nأ,{BODY}\n".encode()),
}


class _Handler(BaseHTTPRequestHandler):
    seen: ClassVar[list[tuple[str, str]]] = []
    release = threading.Event()

    def do_GET(self) -> None:
        self.seen.append((self.path, self.headers.get("User-Agent", "")))
        if self.path.startswith("/hop/"):
            left = int(self.path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", "/page" if left == 0 else f"/hop/{left - 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/slow":
            self.release.wait(10)
            return
        status, kind, body = ROUTES.get(self.path, (404, "text/plain", b"no"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    _Handler.seen = []
    _Handler.release = threading.Event()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _Handler.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_is_url() -> None:
    assert is_url("https://example.org/a") and is_url("http://x/feed")
    assert not is_url("file:///etc/passwd") and not is_url("feed.rss") and not is_url("C:/a.txt")


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("http://[::1", "not a valid web address"),  # urlsplit: "Invalid IPv6 URL"
        ("http://127.0.0.1:port/feed", "not a valid web address"),  # http.client: InvalidURL
    ],
)
def test_an_ill_formed_address_is_that_arguments_failure(
    server: str, store: Store, address: str, reason: str
) -> None:
    """It stopped the whole import with "unexpected ValueError" before any was read."""
    assert is_url(address)
    with pytest.raises(BadArticle, match=reason):
        fetch(address)
    report = library.import_paths(store, [address, f"{server}/feed"])
    assert report.added == 2
    assert [reason in (f.error or "") for f in report.files] == [True, False]


def test_an_answer_that_is_not_http_is_said_in_words() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)

        def answer() -> None:
            conn, _ = listener.accept()
            with conn:
                conn.recv(4096)
                conn.sendall(b"SSH-2.0-not-a-web-server\r\n\r\n")

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        with pytest.raises(BadArticle, match="the server's answer could not be read"):
            fetch(f"http://127.0.0.1:{listener.getsockname()[1]}/feed", timeout=5)
        thread.join(5)


def test_a_pages_ill_formed_address_leaves_it_without_a_host(tmp_path: Path) -> None:
    marked = page().replace("<head>", '<head><meta property="og:url" content="http://[::1">')
    marked = marked.replace('<meta property="og:site_name" content="صحيفة تجريبية">', "")
    path = tmp_path / "p.html"
    path.write_text(marked, encoding="utf-8")
    (draft,) = list(read_articles(path))
    assert BODY in draft.body


def test_feed_url(server: str, store: Store) -> None:
    report = library.import_paths(store, [f"{server}/feed", f"{server}/feed-as-xml"])
    assert report.added == 3 and not report.failed
    assert {a.origin for a in store.articles()} == {f"{server}/feed", f"{server}/feed-as-xml"}
    assert all(agent == USER_AGENT for _, agent in _Handler.seen)


def test_page_url_fetches_nothing_else(server: str, store: Store) -> None:
    report = library.import_paths(store, [f"{server}/page"])
    assert report.added == 1
    (article,) = store.articles()
    assert BODY in article.body and article.url == f"{server}/page"
    assert [path for path, _ in _Handler.seen] == ["/page"]


def test_file_url_by_its_name(server: str) -> None:
    with WebArticles(f"{server}/sheet.csv") as source:
        (draft,) = list(source)
    assert draft.title == "أ"


def test_redirects_are_followed_to_a_limit(server: str) -> None:
    assert fetch(f"{server}/hop/2").final_url == f"{server}/page"
    with pytest.raises(BadArticle, match="redirect"):
        fetch(f"{server}/hop/9")


def test_size_cap(server: str) -> None:
    with pytest.raises(BadArticle, match="larger than the 1,000 bytes"):
        fetch(f"{server}/big", max_bytes=1000)


def test_slow_server_times_out(server: str) -> None:
    with pytest.raises(BadArticle, match=r"no answer within 0\.2 s"):
        fetch(f"{server}/slow", timeout=0.2)


def test_http_error_and_unreachable(server: str) -> None:
    with pytest.raises(BadArticle, match="404"):
        fetch(f"{server}/missing")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(BadArticle, match="could not be reached"):
        fetch(f"http://127.0.0.1:{port}/feed")


def test_opml_list_of_feeds(server: str, tmp_path: Path, store: Store) -> None:
    path = tmp_path / "feeds.opml"
    path.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>قائمة</title></head><body>'
        f'<outline text="أ" xmlUrl="{server}/feed"/>'
        f'<outline text="ب"><outline text="ج" xmlUrl="{server}/missing"/></outline>'
        "</body></opml>",
        encoding="utf-8",
    )
    report = library.import_paths(store, [path])
    assert report.added == 2 and report.rejected == 1
    assert "404" in report.files[0].rejections[0]


def test_cli_imports_urls_and_fails_on_a_bad_one(server: str, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    good = runner.invoke(cli, ["--db", db, "import", f"{server}/feed"], catch_exceptions=False)
    assert good.exit_code == 0 and "2 added" in good.output
    bad = runner.invoke(
        cli, ["--db", db, "import", f"{server}/missing", f"{server}/page"], catch_exceptions=False
    )
    assert bad.exit_code == 1
    assert f"failed: {server}/missing: the server answered 404" in bad.output
    assert "1 added" in bad.output


def test_cli_columns_option(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    sheet = tmp_path / "s.csv"
    sheet.write_text(f"Headline,Story\nعنوان,{BODY}\n", encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(cli, ["--db", db, "import", str(sheet)], catch_exceptions=False)
    assert plain.exit_code == 1 and "'Headline', 'Story'" in plain.output
    named = runner.invoke(
        cli,
        ["--db", db, "import", "--columns", "title=Headline,body=Story", str(sheet)],
        catch_exceptions=False,
    )
    assert named.exit_code == 0 and "1 added" in named.output
    wrong = runner.invoke(cli, ["--db", db, "import", "--columns", "x=y", str(sheet)])
    assert wrong.exit_code == 2 and "unknown field 'x'" in wrong.output
    missing = runner.invoke(cli, ["--db", db, "import", str(tmp_path / "nope.csv")])
    assert missing.exit_code == 2 and "does not exist" in missing.output


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl program")
def test_https_without_certificate_authorities_names_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A minimal system without ca-certificates (SSL_CERT_FILE and SSL_CERT_DIR pointing at
    # nothing stand for it): every https address failed with "certificate verify failed:
    # unable to get local issuer certificate", which said nothing of what to install.
    with https_server(tmp_path, PAGE) as (url, authority):
        monkeypatch.setenv("SSL_CERT_FILE", str(authority))
        monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "none"))
        assert fetch(url).data == PAGE.encode()  # trusted: read
        monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "none.pem"))
        (tmp_path / "empty").mkdir()
        for folder in ("none", "empty"):
            monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / folder))
            with pytest.raises(BadArticle) as caught:
                fetch(url)
            assert str(caught.value) == (
                "its certificate cannot be checked: no certificate authorities are installed"
                " here (Debian/Ubuntu package ca-certificates)"
            )
        # Authorities there, this server's not among them: the loader's own words.
        monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "server.pem"))
        with pytest.raises(BadArticle, match="certificate verify failed"):
            fetch(url)
