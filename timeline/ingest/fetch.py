"""Fetch one URL for import: a timeout, a size cap, a user agent that says who asks.

Only http and https; redirects are followed up to a limit; nothing but the document
itself is fetched (no images, scripts or style sheets), and nothing is run.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from timeline import __version__
from timeline.ingest.errors import BadArticle

if TYPE_CHECKING:
    import urllib.request

USER_AGENT = f"arabic-news-timeline/{__version__} (desktop news importer; one page per request)"
TIMEOUT = 20.0  # seconds without a byte from the server
DEADLINE = 60.0  # seconds for a whole document, however slowly it trickles in
MAX_BYTES = 100 * 1024 * 1024
MAX_REDIRECTS = 5
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Fetched:
    """A document as the server sent it."""

    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str  # "text/html", "" when not said
    data: bytes


_WEB_ADDRESS = re.compile(r"\s*https?://", re.IGNORECASE)


def is_url(text: str) -> bool:
    """Whether an import argument names a web address rather than a file (well formed or
    not: fetch says what is wrong with one that is not)."""
    return _WEB_ADDRESS.match(text) is not None


def _opener() -> urllib.request.OpenerDirector:
    """An opener that follows at most MAX_REDIRECTS redirects, to http and https only.

    urllib is imported here: `timeline extract` loads this package and must stay light.
    """
    import urllib.request
    from http.client import HTTPMessage
    from typing import IO

    class LimitedRedirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def redirect_request(
            self,
            req: urllib.request.Request,
            fp: IO[bytes],
            code: int,
            msg: str,
            headers: HTTPMessage,
            newurl: str,
        ) -> urllib.request.Request | None:
            if urlsplit(newurl).scheme.lower() not in ("http", "https"):
                raise BadArticle(f"redirected to a non-web address ({newurl[:80]})")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(LimitedRedirects())


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
    max_bytes: int = MAX_BYTES,
) -> Fetched:
    """The document at url; BadArticle says in one line why it could not be had."""
    import http.client
    import urllib.error
    import urllib.request

    if not is_url(url):
        raise BadArticle("not a web address (only http and https are fetched)")
    started = time.monotonic()
    try:
        request = urllib.request.Request(
            url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
        )
        with _opener().open(request, timeout=timeout) as response:
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise BadArticle(f"larger than the {max_bytes:,} bytes a download may be")
                if time.monotonic() - started > deadline:
                    raise BadArticle(f"took longer than {deadline:g} s to download")
                chunks.append(chunk)
            content_type = response.headers.get_content_type() if response.headers else ""
            return Fetched(url, response.geturl(), content_type, b"".join(chunks))
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise BadArticle(f"more than {MAX_REDIRECTS} redirects") from exc
        raise BadArticle(f"the server answered {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise BadArticle(f"no answer within {timeout:g} s") from exc
        if _unverified(reason) and not _certificate_authorities():
            raise BadArticle(
                "its certificate cannot be checked: no certificate authorities are installed"
                " here (Debian/Ubuntu package ca-certificates)"
            ) from exc
        raise BadArticle(f"could not be reached ({reason})") from exc
    except TimeoutError as exc:
        raise BadArticle(f"no answer within {timeout:g} s") from exc
    except OSError as exc:
        raise BadArticle(f"could not be read ({exc})") from exc
    except (ValueError, http.client.InvalidURL) as exc:  # an address ill formed
        raise BadArticle(f"not a valid web address ({exc})") from exc
    except http.client.HTTPException as exc:  # a status line or headers past reading
        raise BadArticle(f"the server's answer could not be read ({type(exc).__name__})") from exc


def _unverified(reason: object) -> bool:
    """Whether a connection failed on the server's certificate."""
    import ssl

    return isinstance(reason, ssl.SSLCertVerificationError)


def _certificate_authorities() -> bool:
    """Whether OpenSSL has certificate authorities to check a server with: its file of
    them, or a folder with anything in it (SSL_CERT_FILE / SSL_CERT_DIR, else where the
    system keeps them).  A minimal system without ca-certificates has neither, and every
    https address failed with "certificate verify failed: unable to get local issuer
    certificate", which did not say what to install."""
    import os
    import ssl

    paths = ssl.get_default_verify_paths()
    if paths.cafile:
        return True
    if not paths.capath:
        return False
    try:
        with os.scandir(paths.capath) as entries:
            return next(entries, None) is not None
    except OSError:
        return False
