"""Text recognized on scanned pages (OCR): a PDF page that holds no text but an image of
it, drawn by Poppler's pdftoppm and read by Tesseract with its Arabic and English
models.  Both are programs of the system (Debian: poppler-utils, tesseract-ocr,
tesseract-ocr-ara), run apart from the program with a time limit a page, so a hostile
file costs at most that; where they are not installed a scan is refused with the
advice to install them.

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
_DIRECTION_MARKS = str.maketrans("", "", "\u200e\u200f\u061c")


@functools.cache
def _tools() -> tuple[str, str, str] | None:
    """(pdftoppm's path, Tesseract's path, the languages to read with: "ara+eng" or
    "ara"), None when either program or Tesseract's Arabic model is not installed."""
    tesseract, pdftoppm = shutil.which("tesseract"), shutil.which("pdftoppm")
    if tesseract is None or pdftoppm is None:
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
    return pdftoppm, tesseract, "ara+eng" if "eng" in models else "ara"


def available() -> bool:
    """Whether scans can be read here."""
    return _tools() is not None


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
    if tools is None:
        raise BadArticle("no OCR here (pdftoppm and Tesseract with Arabic are needed)")
    pdftoppm, tesseract, languages = tools
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
