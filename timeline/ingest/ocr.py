"""Text recognized by OCR: on scanned pages (a PDF page that holds no text but a picture
of it, drawn by Poppler's pdftoppm), and in pictures of articles (a screenshot, a photo
or scan of a clipping: .png, .jpg), read by Tesseract with its Arabic and English
models.  Both are programs of the system (Debian: poppler-utils, tesseract-ocr,
tesseract-ocr-ara), run apart from the program with a time limit a page, so a hostile
file costs at most that; where they are not installed a scan or a picture is refused
with the advice to install them.

Tesseract gives its text in reading order, a block of lines for each block it finds
(a title and the date under it may share one).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

from timeline.ingest.errors import BadArticle

DPI = 300  # what Tesseract reads print best at
PAGE_SECONDS = 120  # for drawing a page, and again for reading it
# A scanned article is a few pages; a scanned book is no article, and an hour's work.
MAX_OCR_PAGES = 50
# A picture's pixels: Tesseract holds them all (a PNG of a few KB may say it is 100,000
# pixels square); a page scanned at 600 dpi is 35 million.
MAX_IMAGE_PIXELS = 100_000_000
_DIRECTION_MARKS = str.maketrans("", "", "\u200e\u200f\u061c")


@functools.cache
def _tools() -> tuple[str | None, str, str] | None:
    """(pdftoppm's path or None, Tesseract's path, the languages to read with: "ara+eng"
    or "ara"), None when Tesseract or its Arabic model is not installed."""
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        return None
    try:
        listed = subprocess.run(
            [tesseract, "--list-langs"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
            env=_environment(),
        )
    except (OSError, subprocess.SubprocessError):
        return None
    models = set(listed.stdout.split())
    if "ara" not in models:
        return None
    return shutil.which("pdftoppm"), tesseract, "ara+eng" if "eng" in models else "ara"


def available() -> bool:
    """Whether scanned pages of a PDF can be read here (Tesseract and pdftoppm)."""
    tools = _tools()
    return tools is not None and tools[0] is not None


def _environment() -> dict[str, str]:
    """The programs' environment: the program's own, with the library path the system
    had when the program is a frozen bundle (its loader points the path at the bundle's
    libraries, which the system's programs must not load), and one core a page (as a
    worker process is)."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    if getattr(sys, "frozen", False):
        original = env.pop("LD_LIBRARY_PATH_ORIG", None)
        if original is None:
            env.pop("LD_LIBRARY_PATH", None)
        else:
            env["LD_LIBRARY_PATH"] = original
    return env


def _run(command: list[str], what: str) -> bytes:
    try:
        done = subprocess.run(
            command, capture_output=True, timeout=PAGE_SECONDS, check=False, env=_environment()
        )
    except subprocess.TimeoutExpired as exc:
        raise BadArticle(f"{what} took longer than {PAGE_SECONDS} seconds") from exc
    except OSError as exc:
        raise BadArticle(f"{what} failed ({exc.strerror or exc})") from exc
    if done.returncode != 0:
        said = " ".join(done.stderr.decode("utf-8", "replace").split())[:200]
        raise BadArticle(f"{what} failed ({said or f'exit status {done.returncode}'})")
    return done.stdout


def page_text(pdf: Path, number: int, folder: Path) -> str:
    """The text Tesseract reads on page number (from 1) of the PDF, drawn in folder."""
    tools = _tools()
    pdftoppm = tools[0] if tools is not None else None
    if tools is None or pdftoppm is None:
        raise BadArticle("no OCR here (pdftoppm and Tesseract with Arabic are needed)")
    _, tesseract, languages = tools
    image = folder / f"page-{number}"
    page = str(number)
    draw = [pdftoppm, "-r", str(DPI), "-gray", "-png", "-f", page, "-l", page, "-singlefile"]
    _run([*draw, str(pdf), str(image)], f"drawing page {number} for OCR")
    png = image.with_suffix(".png")
    try:
        text = _run(
            [tesseract, str(png), "-", "-l", languages], f"recognizing the text of page {number}"
        )
    finally:
        png.unlink(missing_ok=True)
    # Tesseract marks a left-to-right word in a right-to-left line with LRM and RLM:
    # marks for a renderer, not the article's.
    return text.decode("utf-8", "replace").translate(_DIRECTION_MARKS)


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) a PNG's or a JPEG's header states, None if it states none."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data[:2] != b"\xff\xd8":
        return None
    at = 2
    while at + 9 < len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        # A start of frame (baseline, progressive...): its height, then its width.
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return int.from_bytes(data[at + 7 : at + 9], "big"), int.from_bytes(
                data[at + 5 : at + 7], "big"
            )
        at += 2 + length
    return None


def image_text(data: bytes) -> str:
    """The text Tesseract reads in a picture (the bytes of a .png or .jpg file).

    BadArticle where no OCR is installed, for a file that is not such a picture, or one
    of more than MAX_IMAGE_PIXELS pixels (before Tesseract reads it).
    """
    import tempfile

    tools = _tools()
    if tools is None:
        raise BadArticle("a picture: install Tesseract with its Arabic to have its text recognized")
    size = image_size(data)
    if size is None:
        raise BadArticle("not a PNG or JPEG picture")
    width, height = size
    if width * height > MAX_IMAGE_PIXELS:
        raise BadArticle(
            f"a picture of {width:,} by {height:,} pixels, more than the {MAX_IMAGE_PIXELS:,} read"
        )
    _pdftoppm, tesseract, languages = tools
    with tempfile.TemporaryDirectory(prefix="timeline-ocr-") as folder:
        picture = Path(folder) / ("picture.png" if data[:4] == b"\x89PNG" else "picture.jpg")
        picture.write_bytes(data)
        text = _run([tesseract, str(picture), "-", "-l", languages], "recognizing its text")
    return text.decode("utf-8", "replace").translate(_DIRECTION_MARKS)
